//! The browser side of `article-widget:view` and `:read` (contract §6): an
//! `IntersectionObserver` of the article and of the end of its body, the page's
//! `visibilitychange`, and a timer, feeding the core's [`Viewability`]. Dropping
//! an `Engagement` disconnects the observer, clears the timer and removes the
//! listener.

use std::{
    cell::RefCell,
    rc::{Rc, Weak},
    sync::Arc,
};

use js_sys::{Array, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Document, Element, IntersectionObserver, IntersectionObserverInit};

use super::Host;
use crate::article::{in_view, Actions, Article, Viewability, VIEW_MS};

/// Watches one rendered article until it is dropped (a new article, removal).
pub struct Engagement(Rc<Inner>);

struct Inner {
    host: Host,
    /// The article counted, for the events' `id` and `url`.
    article: Arc<Article>,
    document: Document,
    state: RefCell<State>,
    // One closure type for the three callbacks (each type costs its own shims).
    on_entries: Closure<dyn FnMut(JsValue)>,
    on_visibility: Closure<dyn FnMut(JsValue)>,
    on_timer: Closure<dyn FnMut(JsValue)>,
}

struct State {
    viewability: Viewability,
    timer: Option<i32>,
    observer: Option<IntersectionObserver>,
    /// What the observer watches: the `<article>`, and the end of its body.
    article: JsValue,
    end: JsValue,
}

type Change<'a> = &'a dyn Fn(&mut Viewability, f64) -> Actions;

impl Engagement {
    /// Starts counting for a rendered article.
    pub fn start(host: Host, article: Arc<Article>) -> Option<Engagement> {
        let document = web_sys::window()?.document()?;
        let inner = Rc::new_cyclic(|me: &Weak<Inner>| {
            // Each callback reaches the counts through a weak reference: the
            // widget owns them, not the browser.
            let on = |me: &Weak<Inner>, change: fn(&Inner, &JsValue)| {
                let me = me.clone();
                move |argument: JsValue| {
                    if let Some(me) = me.upgrade() {
                        change(&me, &argument);
                    }
                }
            };
            let entries = on(me, |me, entries| {
                for entry in Array::from(entries).iter() {
                    me.entry(&entry);
                }
            });
            let visibility = on(me, |me, _| {
                let visible = !me.document.hidden();
                me.act(&|v, now| v.page_visible(visible, now));
            });
            let timer = on(me, |me, _| {
                me.state.borrow_mut().timer = None;
                me.act(&|v, now| v.timer_fired(now));
            });
            Inner {
                host,
                article,
                state: RefCell::new(State {
                    viewability: Viewability::new(!document.hidden()),
                    timer: None,
                    observer: None,
                    article: JsValue::NULL,
                    end: JsValue::NULL,
                }),
                document: document.clone(),
                on_entries: Closure::new(entries),
                on_visibility: Closure::new(visibility),
                on_timer: Closure::new(timer),
            }
        });
        document
            .add_event_listener_with_callback(
                "visibilitychange",
                inner.on_visibility.as_ref().unchecked_ref(),
            )
            .ok()?;
        Some(Engagement(inner))
    }

    /// Whether this counts `article` (the same one, re-rendered).
    pub fn counts(&self, article: &Arc<Article>) -> bool {
        Arc::ptr_eq(&self.0.article, article)
    }

    /// Observes the article as now rendered (a render replaces its elements):
    /// the `<article>`, and the last block of its body when the whole body shows.
    pub fn watch(&self, article: Option<Element>, end: Option<Element>) {
        let me = &self.0;
        me.disconnect();
        if end.is_none() {
            // Not (or no longer) on screen: a collapsed preview, or no body.
            me.act(&|v, now| v.end_on_screen(false, now));
        }
        // Fine steps: half the viewport covered by a tall article is a small
        // share of its area, and the observer reports only at thresholds.
        let steps: Array = (0..=100).map(|i| JsValue::from(f64::from(i) / 100.0)).collect();
        let options = IntersectionObserverInit::new();
        options.set_threshold(&steps);
        let observer = IntersectionObserver::new_with_options(
            me.on_entries.as_ref().unchecked_ref(),
            &options,
        )
        .ok();
        for target in article.iter().chain(&end) {
            if let Some(observer) = &observer {
                observer.observe(target);
            }
        }
        let mut state = me.state.borrow_mut();
        state.observer = observer;
        state.article = article.map_or(JsValue::NULL, JsValue::from);
        state.end = end.map_or(JsValue::NULL, JsValue::from);
    }
}

impl Inner {
    /// One observed change of the article or of the end of its body.
    fn entry(&self, entry: &JsValue) {
        let number = |target: &JsValue, key: &str| {
            Reflect::get(target, &key.into())
                .ok()
                .and_then(|value| value.as_f64())
        };
        let target = Reflect::get(entry, &"target".into()).unwrap_or_default();
        let (is_article, is_end) = {
            let state = self.state.borrow();
            (target == state.article, target == state.end)
        };
        if is_article {
            let visible_height = Reflect::get(entry, &"intersectionRect".into())
                .ok()
                .and_then(|rect| number(&rect, "height"))
                .unwrap_or(0.0);
            // The viewport's height: in a frame (sized to the article) that is the
            // article's, which leaves the rule of half its area.
            let viewport = web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64());
            let seen = in_view(
                number(entry, "intersectionRatio").unwrap_or(0.0),
                visible_height,
                viewport,
            );
            self.act(&|v, now| v.article_in_view(seen, now));
        }
        if is_end {
            let seen = number(entry, "intersectionRatio").unwrap_or(0.0) > 0.0;
            self.act(&|v, now| v.end_on_screen(seen, now));
        }
    }

    /// Tells the counts of a change and does what they say: the timer, the events.
    fn act(&self, change: Change) {
        let actions = change(&mut self.state.borrow_mut().viewability, js_sys::Date::now());
        let window = web_sys::window();
        if actions.cancel_timer {
            self.clear_timer();
        }
        if let (true, Some(window)) = (actions.start_timer, &window) {
            self.state.borrow_mut().timer = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    self.on_timer.as_ref().unchecked_ref(),
                    VIEW_MS as i32,
                )
                .ok();
        }
        let (id, url) = (self.article.id.as_deref(), self.article.url.as_deref());
        if actions.view {
            self.host.view(id, url);
        }
        if let Some(seconds) = actions.read {
            self.host.read(id, url, seconds);
        }
    }

    fn clear_timer(&self) {
        let timer = self.state.borrow_mut().timer.take();
        if let (Some(timer), Some(window)) = (timer, web_sys::window()) {
            window.clear_timeout_with_handle(timer);
        }
    }

    fn disconnect(&self) {
        if let Some(observer) = self.state.borrow_mut().observer.take() {
            observer.disconnect();
        }
    }
}

impl Drop for Engagement {
    fn drop(&mut self) {
        let me = &self.0;
        me.disconnect();
        me.clear_timer();
        let _ = me.document.remove_event_listener_with_callback(
            "visibilitychange",
            me.on_visibility.as_ref().unchecked_ref(),
        );
    }
}
