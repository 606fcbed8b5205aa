use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;
use web_sys::{AbortController, Document, Element, HtmlElement};

use super::{article::article, dom::Listener, error::error_panel, intl, skeleton::skeleton};
use crate::{
    article::{Article, LoadError},
    config::Config,
    embed::{dispatch_error, dispatch_load, load_article, Source},
};

/// One widget's view: loading (the skeleton), then the article or the error, which
/// can retry. It owns its listeners and its fetch: dropping it (when the element
/// leaves the page) drops the one and aborts the other.
pub struct View {
    pub(super) document: Document,
    /// The `<article-widget>` element, which the contract's events are dispatched on.
    pub(super) host: HtmlElement,
    pub(super) config: Config,
    container: HtmlElement,
    source: Source,
    /// The partner's fallback link, for the error panel.
    pub(super) fallback_link: Option<String>,
    pub(super) listeners: RefCell<Vec<Listener>>,
    in_flight: RefCell<Option<AbortController>>,
    /// A retry pressed by the reader is under way.
    pub(super) retrying: Cell<bool>,
}

impl Drop for View {
    fn drop(&mut self) {
        if let Some(controller) = self.in_flight.take() {
            controller.abort();
        }
    }
}

impl View {
    /// Shows the skeleton in `container` and starts loading the article.
    pub fn start(
        container: HtmlElement,
        host: HtmlElement,
        config: Config,
        source: Source,
        fallback_link: Option<String>,
    ) -> Result<Rc<View>, JsValue> {
        let view = Rc::new(View {
            document: container.owner_document().ok_or("no document")?,
            host,
            config,
            container,
            source,
            fallback_link,
            listeners: RefCell::default(),
            in_flight: RefCell::default(),
            retrying: Cell::default(),
        });
        skeleton(&view, &view.container)?;
        view.load();
        let lang = view.config.lang.clone();
        spawn_local(async move {
            intl::warm(&lang).await;
        });
        Ok(view)
    }

    /// Loads the article; what is shown stays until the result replaces it (the
    /// skeleton at first, the error panel with its busy retry button on a retry).
    pub(super) fn load(self: &Rc<Self>) {
        let (controller, article) = load_article(&self.source);
        *self.in_flight.borrow_mut() = controller;
        let view = Rc::downgrade(self);
        spawn_local(async move {
            let result = article.await;
            // Removed meanwhile: nothing to show.
            if let Some(view) = view.upgrade() {
                view.in_flight.take();
                // DOM calls fail only when the document itself is gone.
                let _ = view.show(result);
            }
        });
    }

    fn show(self: &Rc<Self>, result: Result<Article, LoadError>) -> Result<(), JsValue> {
        // A reader who pressed retry is back on retry if it fails again (the busy
        // button was disabled, which took focus away).
        let refocus_retry = self.retrying.take();
        self.listeners.borrow_mut().clear();
        self.container.set_text_content(None);
        let container: &Element = &self.container;
        match result {
            Ok(loaded) => {
                article(self, container, &loaded)?;
                // Lay the article out now, in this widget's own task. Left to the
                // next frame, the layouts of the many widgets that rendered since
                // the last one add up to a long task (40–100 ms with 50 widgets).
                self.container.offset_height();
                dispatch_load(&self.host, &loaded);
            }
            Err(error) => {
                error_panel(self, container, &error)?;
                if refocus_retry {
                    if let Some(retry) = container.query_selector("[part=retry]")? {
                        retry.unchecked_into::<HtmlElement>().focus()?;
                    }
                }
                dispatch_error(&self.host, &error);
            }
        }
        Ok(())
    }
}
