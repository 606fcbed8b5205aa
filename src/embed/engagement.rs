//! The browser side of `article-widget:view` and `:read` (contract §6): two
//! `IntersectionObserver`s (the article, the end of its body), the page's
//! `visibilitychange`, and a timer, feeding the core's [`Viewability`]. Dropping
//! an `Engagement` disconnects the observers, clears the timer and removes the
//! listener.

use std::{cell::RefCell, rc::Rc};

use js_sys::Array;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{
    Document, Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    VisibilityState,
};

use super::Host;
use crate::article::{in_view, Actions, Viewability, VIEW_MS};

/// What a rendered article's view and read are reported with.
struct Tracking {
    host: Host,
    id: Option<String>,
    url: Option<String>,
    viewability: Viewability,
    timer: Option<i32>,
}

/// Watches one rendered article until it is dropped (a new article, removal).
pub struct Engagement {
    tracking: Rc<RefCell<Tracking>>,
    document: Document,
    article: Option<IntersectionObserver>,
    end: Option<IntersectionObserver>,
    on_article: Closure<dyn FnMut(Array)>,
    on_end: Closure<dyn FnMut(Array)>,
    on_visibility: Closure<dyn FnMut()>,
    _on_timer: Rc<Closure<dyn FnMut()>>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Engagement {
    /// Starts counting for the article `{ id, url }` as `load` reported it.
    pub fn start(host: Host, id: Option<String>, url: Option<String>) -> Option<Engagement> {
        let document = web_sys::window()?.document()?;
        let visible = document.visibility_state() == VisibilityState::Visible;
        let tracking = Rc::new(RefCell::new(Tracking {
            host,
            id,
            url,
            viewability: Viewability::new(visible),
            timer: None,
        }));
        // The timer's callback, shared by every timer this article starts.
        let on_timer = Rc::new(Closure::<dyn FnMut()>::new({
            let tracking = Rc::downgrade(&tracking);
            move || {
                if let Some(tracking) = tracking.upgrade() {
                    let actions = {
                        let mut t = tracking.borrow_mut();
                        t.timer = None;
                        t.viewability.timer_fired(now())
                    };
                    perform(&tracking, actions, None);
                }
            }
        }));
        let act = {
            let (tracking, on_timer) = (Rc::downgrade(&tracking), Rc::downgrade(&on_timer));
            move |change: &dyn Fn(&mut Viewability, f64) -> Actions| {
                let (Some(tracking), Some(on_timer)) = (tracking.upgrade(), on_timer.upgrade())
                else {
                    return;
                };
                let actions = change(&mut tracking.borrow_mut().viewability, now());
                perform(&tracking, actions, Some(&on_timer));
            }
        };
        let on_article = Closure::<dyn FnMut(Array)>::new({
            let act = act.clone();
            move |entries: Array| {
                if let Some(entry) = last_entry(&entries) {
                    let viewport = entry.root_bounds().map(|bounds| bounds.height());
                    let seen = in_view(
                        entry.intersection_ratio(),
                        entry.intersection_rect().height(),
                        viewport,
                    );
                    act(&|v, now| v.article_in_view(seen, now));
                }
            }
        });
        let on_end = Closure::<dyn FnMut(Array)>::new({
            let act = act.clone();
            move |entries: Array| {
                if let Some(entry) = last_entry(&entries) {
                    let seen = entry.is_intersecting();
                    act(&|v, now| v.end_on_screen(seen, now));
                }
            }
        });
        let on_visibility = Closure::<dyn FnMut()>::new({
            let document = document.clone();
            move || {
                let visible = document.visibility_state() == VisibilityState::Visible;
                act(&|v, now| v.page_visible(visible, now));
            }
        });
        document
            .add_event_listener_with_callback(
                "visibilitychange",
                on_visibility.as_ref().unchecked_ref(),
            )
            .ok()?;
        Some(Engagement {
            tracking,
            document,
            article: None,
            end: None,
            on_article,
            on_end,
            on_visibility,
            _on_timer: on_timer,
        })
    }

    /// Observes the article as now rendered (a render replaces its elements):
    /// the `<article>`, and the last block of its body when the whole body shows.
    pub fn watch(&mut self, article: Option<Element>, end: Option<Element>) {
        self.disconnect();
        // Fine steps: half the viewport covered by a tall article is a small
        // share of its area, and the observer reports only at thresholds.
        let steps: Array = (0..=100)
            .map(|i| JsValue::from(f64::from(i) / 100.0))
            .collect();
        self.article = article.and_then(|article| observe(&self.on_article, &article, &steps));
        let end_observer = end.and_then(|end| observe(&self.on_end, &end, &JsValue::from(0)));
        if end_observer.is_none() {
            // Not (or no longer) on screen: a collapsed preview, or no body.
            let actions = self
                .tracking
                .borrow_mut()
                .viewability
                .end_on_screen(false, now());
            perform(&self.tracking, actions, None);
        }
        self.end = end_observer;
    }

    fn disconnect(&mut self) {
        for observer in [self.article.take(), self.end.take()].into_iter().flatten() {
            observer.disconnect();
        }
    }
}

impl Drop for Engagement {
    fn drop(&mut self) {
        self.disconnect();
        let _ = self.document.remove_event_listener_with_callback(
            "visibilitychange",
            self.on_visibility.as_ref().unchecked_ref(),
        );
        let timer = self.tracking.borrow_mut().timer.take();
        if let (Some(timer), Some(window)) = (timer, web_sys::window()) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

/// The newest of an observer's entries.
fn last_entry(entries: &Array) -> Option<IntersectionObserverEntry> {
    entries.pop().dyn_into().ok()
}

fn observe(
    callback: &Closure<dyn FnMut(Array)>,
    target: &Element,
    threshold: &JsValue,
) -> Option<IntersectionObserver> {
    let options = IntersectionObserverInit::new();
    options.set_threshold(threshold);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(target);
    Some(observer)
}

/// Does what the machine said: the timer, the events.
fn perform(
    tracking: &Rc<RefCell<Tracking>>,
    actions: Actions,
    on_timer: Option<&Closure<dyn FnMut()>>,
) {
    let window = web_sys::window();
    let mut t = tracking.borrow_mut();
    if actions.cancel_timer {
        if let (Some(timer), Some(window)) = (t.timer.take(), &window) {
            window.clear_timeout_with_handle(timer);
        }
    }
    if let (true, Some(on_timer), Some(window)) = (actions.start_timer, on_timer, &window) {
        t.timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timer.as_ref().unchecked_ref(),
                VIEW_MS as i32,
            )
            .ok();
    }
    let (host, id, url) = (t.host, t.id.clone(), t.url.clone());
    drop(t);
    if actions.view {
        host.view(id.as_deref(), url.as_deref());
    }
    if let Some(seconds) = actions.read {
        host.read(id.as_deref(), url.as_deref(), seconds);
    }
}
