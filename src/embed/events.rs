//! The contract's events (§4): bubbling, `composed`, dispatched on the host element.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::article::{Article, LoadError};

fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, JsValue)]) {
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A throwing host listener must not take the widget down with it.
        let _ = host.dispatch_event(&event);
    }
}

fn optional(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

/// `article-widget:load` with `{ id, url, headline }`.
pub fn dispatch_load(host: &HtmlElement, article: &Article) {
    dispatch(
        host,
        "article-widget:load",
        &[
            ("id", optional(article.id.as_deref())),
            ("url", optional(article.url.as_deref())),
            ("headline", JsValue::from_str(&article.headline)),
        ],
    );
}

/// `article-widget:error` with `{ kind, message }`.
pub fn dispatch_error(host: &HtmlElement, error: &LoadError) {
    dispatch(
        host,
        "article-widget:error",
        &[
            ("kind", JsValue::from_str(error.kind())),
            ("message", JsValue::from_str(&error.to_string())),
        ],
    );
}

/// `article-widget:share` with `{ network, url }`, `url` being the URL shared.
pub fn dispatch_share(host: &HtmlElement, network: &str, url: &str) {
    dispatch(
        host,
        "article-widget:share",
        &[
            ("network", JsValue::from_str(network)),
            ("url", JsValue::from_str(url)),
        ],
    );
}
