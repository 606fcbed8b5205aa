//! The glue between the `<article-widget>` custom element (defined in `embed.js`)
//! and the view: read the attributes, open the shadow root, mount, unmount.

mod events;
mod fetch;
mod shadow;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

pub use events::{dispatch_error, dispatch_load, dispatch_share};
pub use fetch::{load_article, sleep, Prefetch, Source};

use crate::{
    article::{join, resolve_http_url},
    config::Config,
    view::View,
};

/// One mounted widget. `embed.js` keeps it on the element and calls `free()` when
/// the element leaves the page, which unmounts the view and aborts its fetch.
#[wasm_bindgen]
pub struct Widget {
    // Field order is drop order: unmount the view before removing its container.
    _view: Rc<View>,
    container: HtmlElement,
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.container.remove();
    }
}

/// Renders the widget for `host` into its open shadow root. `prefetched` is the
/// fetch of its `src` that `embed.js` started early (`{ url, response, controller }`),
/// or `undefined`.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, prefetched: JsValue) -> Result<Widget, JsValue> {
    let inherited_lang = host
        .parent_element()
        .and_then(|parent| parent.closest("[lang]").ok().flatten())
        .and_then(|el| el.get_attribute("lang"));
    let (config, problems) =
        Config::from_attributes(|name| host.get_attribute(name), inherited_lang);
    if !problems.is_empty() {
        web_sys::console::warn_1(&format!("<article-widget>: {}", join(problems, "; ")).into());
    }
    let source = Source::of(&host, &config, Prefetch::from_js(&prefetched))?;
    let fallback_link = fallback_link(&host);
    let container = shadow::container(&host)?;
    let view = View::start(container.clone(), host, config, source, fallback_link)
        .inspect_err(|_| container.remove())?;
    Ok(Widget {
        _view: view,
        container,
    })
}

/// The host page's URL, for `share-url="page"`.
pub fn page_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// The `href` of the first link among the partner's fallback children, if it is http(s).
fn fallback_link(host: &HtmlElement) -> Option<String> {
    let href = host
        .query_selector("a[href]")
        .ok()??
        .get_attribute("href")?;
    resolve_http_url(&href, &web_sys::window()?.document()?.base_uri().ok()??)
}
