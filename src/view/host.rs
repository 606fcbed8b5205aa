//! The `<article-widget>` element as the view talks back to it: the contract's
//! events (§4, §6, §7: bubbling, `composed`).

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{prelude::wasm_bindgen, JsCast, JsValue};
use web_sys::HtmlElement;

use crate::article::{Article, LoadError, Withdrawal};

/// The `<article-widget>` element a view reports to, handed to the view by
/// `mount`. A `Copy` handle (the element itself is not `Send`); after the widget
/// is unmounted it reports nothing.
#[derive(Clone, Copy)]
pub struct Host(StoredValue<HtmlElement, LocalStorage>);

impl Host {
    pub fn new(element: HtmlElement) -> Host {
        Host(StoredValue::new_local(element))
    }

    /// The shown `<article>` in the element's shadow root, for code in a later
    /// piece (a `NodeRef` handed to one measured 2 KB more of the first module).
    pub fn article(&self) -> Option<web_sys::Element> {
        self.0
            .try_with_value(|host| host.shadow_root())
            .flatten()?
            .query_selector("[part=article]")
            .ok()
            .flatten()
    }

    /// Sends the event `name` (`load` for `article-widget:load`) through the
    /// element's `_emit`: embed.js's, which dispatches it under both its names
    /// and keeps the element's `state` in step, for every event the page sees.
    fn dispatch(&self, name: &str, detail: &[(&str, JsValue)]) {
        let object = Object::new();
        for (key, value) in detail {
            let _ = Reflect::set(&object, &JsValue::from_str(key), value);
        }
        // A throwing host listener must not take the widget down with it.
        self.0.try_with_value(|host| {
            let _ = host.unchecked_ref::<Emitter>().emit(name, &object);
        });
    }

    /// `article-widget:load` with `{ id, url, headline }`.
    pub fn load(&self, article: &Article) {
        self.dispatch(
            "load",
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
            "error",
            &[
                ("kind", JsValue::from_str(error.kind())),
                ("message", JsValue::from_str(&error.to_string())),
            ],
        );
    }

    /// `article-widget:update` with `{ id, url, updated }`: a check found a newer
    /// version (`updated` its `updated` time, or `null`).
    pub fn update(&self, newer: &Article) {
        let updated = newer.updated.as_ref().map(|t| t.rfc3339.as_str());
        self.article_event(
            "update",
            newer.id.as_deref(),
            newer.url.as_deref(),
            ("updated", optional(updated)),
        );
    }

    /// `article-widget:withdrawn` with `{ id, url }` (`null` where unknown, as
    /// after a `410`).
    pub fn withdrawn(&self, withdrawal: &Withdrawal) {
        self.article_event(
            "withdrawn",
            withdrawal.id.as_deref(),
            withdrawal.url.as_deref(),
            ("", JsValue::NULL),
        );
    }

    /// `article-widget:expand` with `{ id, url, action }` (`expand` or `link`).
    pub fn expand(&self, article: &Article, action: &str) {
        self.article_event(
            "expand",
            article.id.as_deref(),
            article.url.as_deref(),
            ("action", JsValue::from_str(action)),
        );
    }

    /// `article-widget:view` with `{ id, url }`.
    pub fn view(&self, id: Option<&str>, url: Option<&str>) {
        self.article_event("view", id, url, ("", JsValue::NULL));
    }

    /// `article-widget:read` with `{ id, url, seconds }`.
    pub fn read(&self, id: Option<&str>, url: Option<&str>, seconds: u64) {
        let seconds = JsValue::from_f64(seconds as f64);
        self.article_event("read", id, url, ("seconds", seconds));
    }

    /// An event about the article, `{ id, url }` and one more field (none for a
    /// `""` key).
    fn article_event(
        &self,
        name: &str,
        id: Option<&str>,
        url: Option<&str>,
        more: (&str, JsValue),
    ) {
        let detail = [("id", optional(id)), ("url", optional(url)), more];
        let fields = if detail[2].0.is_empty() { 2 } else { 3 };
        self.dispatch(name, &detail[..fields]);
    }

    /// `article-widget:subscribe` with `{ id, url, ok }` (contract §7): never the address.
    pub fn subscribe(&self, article: &Article, ok: bool) {
        self.article_event(
            "subscribe",
            article.id.as_deref(),
            article.url.as_deref(),
            ("ok", JsValue::from_bool(ok)),
        );
    }

    /// `article-widget:promotion` with `{ id, url, href }`: a promoted link followed.
    pub fn promotion(&self, article: &Article, href: &str) {
        self.article_event(
            "promotion",
            article.id.as_deref(),
            article.url.as_deref(),
            ("href", JsValue::from_str(href)),
        );
    }

    /// `article-widget:share` with `{ network, url }`, `url` being the URL shared.
    pub fn share(&self, network: &str, url: &str) {
        self.dispatch(
            "share",
            &[
                ("network", JsValue::from_str(network)),
                ("url", JsValue::from_str(url)),
            ],
        );
    }
}

#[wasm_bindgen]
extern "C" {
    /// The element as embed.js defines it.
    type Emitter;
    /// `element._emit(name, detail)`; caught, as whatever a page's listener throws.
    #[wasm_bindgen(method, js_name = _emit, catch)]
    fn emit(this: &Emitter, name: &str, detail: &Object) -> Result<(), JsValue>;
}

fn optional(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

/// The host page's URL, for `share-url="page"`.
pub fn page_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}
