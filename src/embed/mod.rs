//! The glue between the `<article-widget>` custom element (defined in `embed.js`)
//! and the Leptos view: read the attributes, open the shadow root, mount the
//! `Widget` component, feed it attribute changes, unmount.

mod shadow;

pub use shadow::add_later_styles;

use std::{cell::RefCell, rc::Rc};

use leptos::{mount::mount_to, prelude::*, reactive::owner::Owner};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::{
    article::{join, resolve_http_url},
    config::Config,
    net::{Prefetch, Source},
    tasks::next_task,
    view::{Host, Widget as WidgetView},
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
    // Field order is drop order: unmount the view, then dispose of the signals'
    // owner, then remove the container. (The view's type has no name: erased. An
    // `AnyView` would erase it too, with code to re-render the whole view, which
    // never happens.)
    _view: Rc<RefCell<Option<Box<dyn std::any::Any>>>>,
    owner: Owner,
    container: HtmlElement,
}

impl Drop for Widget {
    fn drop(&mut self) {
        self._view.borrow_mut().take();
        self.owner.cleanup();
        self.container.remove();
    }
}

/// Renders the widget for `host` into its open shadow root. `prefetched` is the
/// fetch of its `src` that `embed.js` started early (`{ url, response, controller }`),
/// or `undefined`. An `urgent` widget (in the first screenful, or starting alone)
/// renders its article as soon as it is here; the others each read theirs in a
/// task of its own.
///
/// The view is built in a task after this one (until then the shadow root holds
/// the partner's children in the reserved space): reading the attributes and
/// building the view in one task measured 80 ms of main thread at CPU 4×.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, prefetched: JsValue, urgent: bool) -> Result<Widget, JsValue> {
    let (config, problems) = read_config(&host);
    warn(&problems);
    let source = Source::of(&host, &config, Prefetch::from_js(&prefetched))?;
    let fallback_link = fallback_link(&host);
    let container = shadow::container(&host)?;
    // The signals belong to an owner of their own, which the widget disposes of
    // when it goes; the view mounts under it.
    let owner = Owner::new();
    let (config, source) = owner.with(|| (RwSignal::new(config), RwSignal::new_local(source)));
    let view = Rc::new(RefCell::new(None));
    let mounting = Rc::downgrade(&view);
    let (parent, view_owner, element) = (container.clone(), owner.clone(), host.clone());
    let parent_of_view = container.clone();
    // wasm-bindgen's executor: Leptos's is set up by the first `mount_to`.
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        // Gone meanwhile: nothing to mount.
        let Some(view) = mounting.upgrade() else {
            return;
        };
        let handle = view_owner.with(|| {
            mount_to(parent, move || {
                // Under the view's owner, which disposes of it.
                let host = Host::new(element);
                view! {
                    <WidgetView
                        host
                        urgent
                        config=config.read_only()
                        source=source.read_only()
                        fallback_link
                    />
                }
            })
        });
        *view.borrow_mut() = Some(Box::new(handle) as Box<dyn std::any::Any>);
        shadow::clear_placeholder(&parent_of_view);
    });
    Ok(Widget {
        host,
        config,
        source,
        warned: RefCell::new(problems),
        _view: view,
        owner,
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

/// As the module starts: what every first mount would do, done once beforehand,
/// and, in a task of its own, the publishers' readers start loading (a document
/// in their formats then waits for no round trip after its own; the other
/// pieces start after the first headline, see `crate::view`).
#[wasm_bindgen(start)]
fn start() {
    shadow::prepare();
    wasm_bindgen_futures::spawn_local(async {
        next_task().await;
        crate::net::preload_formats();
    });
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
