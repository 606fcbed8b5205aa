//! The glue between the `<article-widget>` custom element (defined in `embed.js`)
//! and the Leptos view: read the attributes, open the shadow root, mount the
//! `Widget` component, feed it attribute changes, unmount.

mod shadow;

use std::{cell::RefCell, rc::Rc};

use leptos::{mount::mount_to, prelude::*};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::{
    article::{join, resolve_http_url},
    config::Config,
    fetch::{preload_formats, Host, Prefetch, Source},
    view::Widget as WidgetView,
};

/// One mounted widget. `embed.js` keeps it on the element, calls `update()` when
/// an attribute changes and `free()` when the element leaves the page, which
/// unmounts the view (disposing its signals, effects and listeners) and aborts
/// its fetch.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    config: RwSignal<Config>,
    source: RwSignal<Source, LocalStorage>,
    /// What the last console warning said, so an update warns only of news.
    warned: RefCell<Vec<String>>,
    // Field order is drop order: unmount the view before removing its container.
    // (Its type is the view's, which has no name: erased. An `AnyView` would
    // erase it too, with code to re-render the whole view, which never happens.)
    _view: Box<dyn std::any::Any>,
    container: HtmlElement,
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.container.remove();
    }
}

/// Renders the widget for `host` into its open shadow root. `prefetched` is the
/// fetch of its `src` that `embed.js` started early (`{ url, response, controller }`),
/// or `undefined`. An `urgent` widget (in the first screenful, or starting alone)
/// renders its article as soon as it is here; the others each read theirs in a
/// task of its own.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, prefetched: JsValue, urgent: bool) -> Result<Widget, JsValue> {
    let (config, problems) = read_config(&host);
    warn(&problems);
    let source = Source::of(&host, &config, Prefetch::from_js(&prefetched))?;
    let fallback_link = fallback_link(&host);
    let container = shadow::container(&host)?;
    // The signals belong to the view's owner, so unmounting disposes them; the
    // handles come back out for `update`.
    let signals = Rc::new(RefCell::new(None));
    let view = mount_to(container.clone(), {
        let (host, signals) = (host.clone(), signals.clone());
        move || {
            let config = RwSignal::new(config);
            let source = RwSignal::new_local(source);
            *signals.borrow_mut() = Some((config, source));
            let host = Host::new(host);
            view! {
                <WidgetView
                    host
                    urgent
                    config=config.read_only()
                    source=source.read_only()
                    fallback_link
                />
            }
        }
    });
    let Some((config, source)) = signals.take() else {
        container.remove();
        return Err("the view did not mount".into());
    };
    Ok(Widget {
        host,
        config,
        source,
        warned: RefCell::new(problems),
        _view: Box::new(view),
        container,
    })
}

#[wasm_bindgen]
impl Widget {
    /// Reads the attributes again after one changed. The view follows through its
    /// signals: a new language or share list re-renders in place, a new `src`
    /// loads the new article (taking over `prefetched`, as `mount` does).
    pub fn update(&self, prefetched: JsValue) -> Result<(), JsValue> {
        let (config, problems) = read_config(&self.host);
        if problems != *self.warned.borrow() {
            warn(&problems);
            *self.warned.borrow_mut() = problems;
        }
        let source = Source::of(&self.host, &config, Prefetch::from_js(&prefetched))?;
        if self.config.with_untracked(|current| *current != config) {
            self.config.set(config);
        }
        if self
            .source
            .with_untracked(|current| !current.is_same(&source))
        {
            self.source.set(source);
        } else {
            source.abandon();
        }
        Ok(())
    }
}

/// Starts loading the module's later pieces (see `crate::split`), side by side:
/// `embed.js` calls it a task after the module is instantiated, once the first
/// screenful's widgets have mounted. Each piece loads once however often this
/// is called (a view that reads a piece starts it too, and the publishers'
/// readers load when a document needs them).
#[wasm_bindgen(js_name = preload)]
pub fn start_pieces() {
    preload_formats();
    crate::view::start_pieces();
}

/// The element's attributes as a `Config`, and the problems to warn about.
fn read_config(host: &HtmlElement) -> (Config, Vec<String>) {
    let inherited_lang = host
        .parent_element()
        .and_then(|parent| parent.closest("[lang]").ok().flatten())
        .and_then(|el| el.get_attribute("lang"));
    Config::from_attributes(|name| host.get_attribute(name), inherited_lang)
}

/// One console warning naming every problem (contract §2).
fn warn(problems: &[String]) {
    if !problems.is_empty() {
        web_sys::console::warn_1(&format!("<article-widget>: {}", join(problems, "; ")).into());
    }
}

/// The `href` of the first link among the partner's fallback children, if it is http(s).
fn fallback_link(host: &HtmlElement) -> Option<String> {
    let href = host
        .query_selector("a[href]")
        .ok()??
        .get_attribute("href")?;
    resolve_http_url(&href, &web_sys::window()?.document()?.base_uri().ok()??)
}
