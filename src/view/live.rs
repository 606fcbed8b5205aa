use super::words::Words;
use std::{
    cell::Cell,
    rc::Rc,
    sync::{atomic::AtomicBool, Arc},
};

use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};

use super::Host;
use crate::{
    article::{Article, Withdrawal},
    config::Config,
    net::live::{watch, Checked, Watch},
    tasks::rendered,
};

/// `part="update"`: keeps the shown article current (contract §8). Watches its
/// URL for newer versions; while no part of the article has been on screen
/// since it rendered, a newer version replaces it at once; after that, a bar
/// over the article (taking no space in it) says it has been updated, and its
/// button (`part="update-show"`) shows the newest. A withdrawal replaces the
/// article at once.
#[component]
pub fn Live(
    /// The article's URL (as fetched).
    url: String,
    /// The version shown.
    current: RwSignal<Arc<Article>>,
    /// The element's attributes (`live`, `timeout`).
    config: ReadSignal<Config>,
    /// The UI language and its strings.
    text: Words,
    /// Where the events go.
    host: Host,
    /// Renders a newer version in place of the shown one.
    show: Callback<Arc<Article>>,
    /// Shows the withdrawal notice in place of the article.
    withdraw: Callback<Withdrawal>,
) -> impl IntoView {
    // A newer version waiting behind the bar (the newest found).
    let waiting = RwSignal::new(None::<Arc<Article>>);
    // The article: whether the reader may be reading it.
    let article = move || host.article();
    // Said once by the live region, when the bar first shows.
    let announced = RwSignal::new("");
    let seen = Rc::new(Cell::new(false));
    watch_seen(host, seen.clone());

    let warned = Rc::new(AtomicBool::new(false));
    let on_check = {
        move |checked: &Checked| match checked {
            Checked::Read(newer) => {
                // Renders as the shown version: nothing changes, nothing
                // re-renders (and a bar for a version the publisher went back
                // on goes).
                if current.with_untracked(|shown| **shown == **newer) {
                    if waiting.with_untracked(Option::is_some) {
                        waiting.set(None);
                        announced.set("");
                    }
                    return;
                }
                // The one already waiting behind the bar.
                if waiting.with_untracked(|w| w.as_ref().is_some_and(|w| **w == **newer)) {
                    return;
                }
                host.update(newer);
                if seen.get() || on_screen(article().as_ref()) {
                    seen.set(true);
                    waiting.set(Some(newer.clone()));
                    announced.set(text.later().article_updated);
                } else {
                    show.run(newer.clone());
                }
            }
            Checked::Withdrawn(withdrawal) => {
                let element = article();
                let inside = element.as_ref().is_some_and(|e| {
                    let box_ = e.get_bounding_client_rect();
                    box_.top() < 0.0 && box_.bottom() > 0.0
                });
                let host_element = element.as_ref().and_then(host_of);
                withdraw.run(withdrawal.clone());
                // A reader who was inside the article sees the notice where they are.
                if let (true, Some(host_element)) = (inside, host_element) {
                    spawn_local(async move {
                        rendered().await;
                        host_element.scroll_into_view_with_bool(true);
                    });
                }
            }
            Checked::Failed(error) => {
                if !warned.swap(true, std::sync::atomic::Ordering::Relaxed) {
                    web_sys::console::warn_1(
                        &format!("<article-widget>: checking for a newer version: {error}").into(),
                    );
                }
            }
        }
    };
    let on_check: Rc<dyn Fn(&Checked)> = Rc::new(on_check);
    // Watching while `live` allows, at its interval; a change takes effect from
    // the next check.
    let watching = StoredValue::new_local(None::<Watch>);
    let every = Memo::new(move |_| config.with(|c| c.live));
    Effect::new(move || {
        let timeout_ms = config.with_untracked(|c| c.timeout_ms);
        let next = every
            .get()
            .map(|every_s| watch(&url, every_s, timeout_ms, on_check.clone()));
        watching.set_value(next);
    });
    on_cleanup(move || {
        watching.try_update_value(Option::take);
    });

    let show_latest = move |event: web_sys::MouseEvent| {
        let Some(newest) = waiting.get_untracked() else {
            return;
        };
        let button = event
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok());
        let had_focus = button.as_ref().is_some_and(|button| {
            button
                .get_root_node()
                .dyn_into::<web_sys::ShadowRoot>()
                .ok()
                .and_then(|root| root.active_element())
                .is_some_and(|active| &active == button)
        });
        let element = article();
        let above = element
            .as_ref()
            .is_some_and(|e| e.get_bounding_client_rect().top() < 0.0);
        let host_element = element.as_ref().and_then(host_of);
        show.run(newest);
        waiting.set(None);
        announced.set("");
        // Shown from its top, and focus where the button's was: on the headline.
        spawn_local(async move {
            rendered().await;
            let Some(root) = host_element.and_then(|h| h.shadow_root()) else {
                return;
            };
            if above {
                if let Ok(Some(article)) = root.query_selector("[part=article]") {
                    article.scroll_into_view_with_bool(true);
                }
            }
            if had_focus {
                if let Ok(Some(headline)) = root.query_selector("[part=headline]") {
                    let _ = headline.set_attribute("tabindex", "-1");
                    if let Ok(headline) = headline.dyn_into::<HtmlElement>() {
                        let _ = headline.focus();
                    }
                }
            }
        });
    };
    view! {
        <div class="update-place">
            {move || {
                waiting.with(Option::is_some).then(|| view! {
                    <div part="update" class="update">
                        <p class="update-text">{text.say_later(|t| t.article_updated)}</p>
                        <button type="button" part="update-show" class="update-show" on:click=show_latest>
                            {text.say_later(|t| t.show_latest)}
                        </button>
                    </div>
                })
            }}
            <p class="visually-hidden" role="status">{move || announced.get()}</p>
        </div>
    }
}

/// The `<article-widget>` an element of its shadow root belongs to.
fn host_of(element: &Element) -> Option<HtmlElement> {
    element
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()?
        .host()
        .dyn_into()
        .ok()
}

fn page_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| !d.hidden())
}

/// Whether some of `element` is in the viewport of a visible page.
fn on_screen(element: Option<&Element>) -> bool {
    let (Some(element), Some(window)) = (element, web_sys::window()) else {
        return false;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let box_ = element.get_bounding_client_rect();
    page_visible() && box_.bottom() > 0.0 && box_.top() < height && box_.height() > 0.0
}

/// Sets `seen` once some of the article has been in the viewport of a visible
/// page since it rendered.
fn watch_seen(host: Host, seen: Rc<Cell<bool>>) {
    let observer =
        StoredValue::new_local(None::<(IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>)>);
    // Once the article is in the shadow root (this renders with it).
    spawn_local(async move {
        rendered().await;
        let Some(element) = host.article() else {
            return;
        };
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let visible = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if visible && page_visible() {
                seen.set(true);
            }
        });
        if let Ok(created) = IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
            created.observe(&element);
            // Gone meanwhile: no observer is left behind.
            if observer
                .try_set_value(Some((created.clone(), callback)))
                .is_some()
            {
                created.disconnect();
            }
        }
    });
    on_cleanup(move || {
        if let Some((observer, _)) = observer.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    });
}
