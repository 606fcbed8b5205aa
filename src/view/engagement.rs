//! The widget's side of `article-widget:view` and `:read` (contract §6): the
//! page's observations (`engagement.js`: an `IntersectionObserver` of the article
//! and of the end of its body, `visibilitychange`, a timer) feed the core's
//! [`Viewability`], which says when to report. Dropping an `Engagement` stops
//! the observer, the timer and the listener.

use std::{
    cell::RefCell,
    rc::{Rc, Weak},
    sync::Arc,
};

use wasm_bindgen::{closure::Closure, prelude::wasm_bindgen};
use web_sys::Element;

use super::Host;
use crate::article::{in_view, Actions, Article, Viewability, VIEW_MS};

#[wasm_bindgen(module = "/src/view/engagement.js")]
extern "C" {
    type Observation;
    fn observe(report: &Closure<dyn FnMut(u32, f64, f64, f64)>) -> Observation;
    #[wasm_bindgen(method)]
    fn watch(this: &Observation, article: Option<Element>, end: Option<Element>);
    #[wasm_bindgen(method)]
    fn timer(this: &Observation, on: bool, ms: f64);
    #[wasm_bindgen(method)]
    fn stop(this: &Observation);
}

/// Counts one rendered article until it is dropped (a new article, removal).
pub struct Engagement(Rc<Inner>);

struct Inner {
    host: Host,
    /// The article counted, for the events' `id` and `url`.
    article: Arc<Article>,
    viewability: RefCell<Viewability>,
    observation: Observation,
    _report: Closure<dyn FnMut(u32, f64, f64, f64)>,
}

impl Engagement {
    /// Starts counting for a rendered article.
    pub fn start(host: Host, article: Arc<Article>) -> Engagement {
        Engagement(Rc::new_cyclic(|me: &Weak<Inner>| {
            // The page reaches the counts through a weak reference: the widget
            // owns them, not the browser.
            let me = me.clone();
            let report = Closure::new(move |what, a, b, c| {
                if let Some(me) = me.upgrade() {
                    me.report(what, a, b, c);
                }
            });
            let observation = observe(&report);
            Inner {
                host,
                article,
                // The page's visibility comes with the first `watch`.
                viewability: RefCell::new(Viewability::new(false)),
                observation,
                _report: report,
            }
        }))
    }

    /// Whether this counts `article`: the same one re-rendered, or a newer
    /// version of it (the same `id`, else the same `url`): `view` and `read`
    /// are not sent again for it (contract §8).
    pub fn counts(&self, article: &Arc<Article>) -> bool {
        let counted = &self.0.article;
        Arc::ptr_eq(counted, article)
            || match (&counted.id, &article.id) {
                (Some(a), Some(b)) => a == b,
                (None, None) => counted.url.is_some() && counted.url == article.url,
                _ => false,
            }
    }

    /// Observes the article as now rendered (a render replaces its elements):
    /// the `<article>`, and the last block of its body when the whole body shows.
    pub fn watch(&self, article: Option<Element>, end: Option<Element>) {
        if end.is_none() {
            // Not (or no longer) on screen: a collapsed preview, or no body.
            self.0.report(1, 0.0, 0.0, 0.0);
        }
        self.0.observation.watch(article, end);
    }
}

impl Inner {
    /// One observation from the page (see `engagement.js`), and what it calls for.
    fn report(&self, what: u32, a: f64, b: f64, c: f64) {
        let now = js_sys::Date::now();
        let actions: Actions = {
            let mut v = self.viewability.borrow_mut();
            match what {
                0 => v.article_in_view(in_view(a, b, Some(c)), now),
                1 => v.end_on_screen(a > 0.0, now),
                2 => v.page_visible(a > 0.0, now),
                _ => v.timer_fired(now),
            }
        };
        if actions.start_timer || actions.cancel_timer {
            self.observation.timer(actions.start_timer, VIEW_MS);
        }
        let (id, url) = (self.article.id.as_deref(), self.article.url.as_deref());
        if actions.view {
            self.host.view(id, url);
        }
        if let Some(seconds) = actions.read {
            self.host.read(id, url, seconds);
        }
    }
}

impl Drop for Engagement {
    fn drop(&mut self) {
        self.0.observation.stop();
    }
}
