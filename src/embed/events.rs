//! The contract's events (§4): bubbling, `composed`, dispatched on the host element.

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::article::{Article, LoadError};

/// The `<article-widget>` element a view reports to, provided as context by
/// `mount`. A `Copy` handle (the element itself is not `Send`); after the widget
/// is unmounted it reports nothing.
#[derive(Clone, Copy)]
pub struct Host(StoredValue<HtmlElement, LocalStorage>);

impl Host {
    pub fn new(element: HtmlElement) -> Host {
        Host(StoredValue::new_local(element))
    }

    fn dispatch(&self, name: &str, detail: &[(&str, JsValue)]) {
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
            self.0.try_with_value(|host| host.dispatch_event(&event));
        }
    }

    /// `article-widget:load` with `{ id, url, headline }`.
    pub fn load(&self, article: &Article) {
        self.dispatch(
            "article-widget:load",
            &[
                ("id", optional(article.id.as_deref())),
                ("url", optional(article.url.as_deref())),
                ("headline", JsValue::from_str(&article.headline)),
            ],
        );
    }

    /// `article-widget:error` with `{ kind, message }`.
    pub fn error(&self, error: &LoadError) {
        self.dispatch(
            "article-widget:error",
            &[
                ("kind", JsValue::from_str(error.kind())),
                ("message", JsValue::from_str(&error.to_string())),
            ],
        );
    }

    /// `article-widget:share` with `{ network, url }`, `url` being the URL shared.
    pub fn share(&self, network: &str, url: &str) {
        self.dispatch(
            "article-widget:share",
            &[
                ("network", JsValue::from_str(network)),
                ("url", JsValue::from_str(url)),
            ],
        );
    }
}

fn optional(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}
