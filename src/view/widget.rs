use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};
use web_sys::AbortController;

use super::{article::Article, error::ErrorPanel, intl, skeleton::Skeleton, Ui};
use crate::{
    article::{self as model, LoadError},
    config::Config,
    embed::{load_article, Source},
};

/// What a widget shows.
#[derive(Clone)]
enum Phase {
    Loading,
    Ready(Arc<model::Article>),
    /// `retried`: the reader asked for this attempt, so focus goes back to retry.
    Failed {
        error: LoadError,
        retried: bool,
    },
}

/// The widget inside one `<article-widget>`: the skeleton while the article
/// loads, then the article, or the error panel, whose retry loads again.
///
/// Each load is one task that sets `phase`, and the view is a `match` on it.
/// Leptos's usual shape for this, `LocalResource` + `Transition` + `Suspend`, is
/// kept out on purpose: it measured 17 KB more wasm, and in tachys 0.2.19 a
/// pending `Suspend` holds the thread-local error hook across an `.await`, so
/// with several widgets loading at once one widget's error could land in
/// another's `ErrorBoundary` (an end-to-end test of many failing widgets guards it).
#[component]
pub fn Widget(
    /// The element's attributes, kept current by the embed layer.
    config: ReadSignal<Config>,
    /// Where the article comes from; a new source loads again, from the skeleton.
    source: ReadSignal<Source, LocalStorage>,
    /// The first link among the partner's fallback children, for the error panel.
    fallback_link: Option<String>,
) -> impl IntoView {
    let ui = Ui(Memo::new(move |_| config.with(|c| c.lang.clone())));
    let phase = RwSignal::new(Phase::Loading);
    let retrying = RwSignal::new(false);
    // The load under way: its abort, and its number (only the newest may show).
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let loads = StoredValue::new(0u32);

    let load = move || {
        let timeout_ms = config.with_untracked(|c| c.timeout_ms);
        let Some((controller, article)) =
            source.try_with_untracked(|source| load_article(source, timeout_ms))
        else {
            return;
        };
        if let Some(Some(previous)) =
            in_flight.try_update_value(|f| std::mem::replace(f, controller))
        {
            previous.abort();
        }
        let Some(this) = loads.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        spawn_local(async move {
            let result = article.await;
            // Unmounted meanwhile (the signals are gone), or superseded.
            if loads.try_get_value() != Some(this) {
                return;
            }
            in_flight.set_value(None);
            let retried = retrying.get_untracked();
            retrying.set(false);
            phase.set(match result {
                Ok(article) => Phase::Ready(Arc::new(article)),
                Err(error) => Phase::Failed { error, retried },
            });
        });
    };
    load();
    // A changed `src` starts afresh.
    Effect::watch(
        move || source.track(),
        move |_, _, _| {
            phase.set(Phase::Loading);
            load();
        },
        false,
    );
    on_cleanup(move || {
        if let Some(Some(controller)) = in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    });
    // The language's formatters are made while the article is on its way.
    let lang = ui.0.get_untracked();
    spawn_local(async move { intl::warm(&lang).await });

    let on_retry = move || {
        retrying.set(true);
        load();
    };
    move || match phase.get() {
        Phase::Loading => view! { <Skeleton ui /> }.into_any(),
        Phase::Ready(article) => view! { <Article article config ui /> }.into_any(),
        Phase::Failed { error, retried } => view! {
            <ErrorPanel
                error
                ui
                fallback_link=fallback_link.clone()
                retrying
                refocus=retried
                on_retry
            />
        }
        .into_any(),
    }
}
