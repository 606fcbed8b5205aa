use std::sync::Arc;

use leptos::{
    html,
    prelude::*,
    task::{spawn_local, tick},
};
use web_sys::AbortController;

use super::{article::Article, error::ErrorPanel, intl, skeleton::Skeleton, Ui};
use crate::{
    article::{self as model, LoadError},
    config::Config,
    embed::{load_article, Host, Source},
};

/// What a widget shows.
#[derive(Clone)]
enum Phase {
    Loading,
    Ready(Arc<model::Article>),
    Failed(LoadError),
}

/// The widget inside one `<article-widget>`. Each source (a changed `src`)
/// gets a [`Loader`] of its own, so everything about one article (its fetch, its
/// retries, its reader's state) starts afresh with the next and is disposed of
/// with it.
#[component]
pub fn Widget(
    /// The element's attributes, kept current by the embed layer.
    config: ReadSignal<Config>,
    /// Where the article comes from.
    source: ReadSignal<Source, LocalStorage>,
    /// The first link among the partner's fallback children, for the error panel.
    fallback_link: Option<String>,
) -> impl IntoView {
    let ui = Ui(Memo::new(move |_| config.with(|c| c.lang.clone())));
    // The language's formatters are made while the article is on its way.
    let lang = ui.lang_untracked();
    spawn_local(async move { intl::warm(&lang).await });
    move || {
        source.track();
        let fallback_link = fallback_link.clone();
        view! { <Loader config source ui fallback_link /> }
    }
}

/// Loads one source and shows the skeleton meanwhile, then the article, or the
/// error panel, whose retry loads again.
///
/// Each load is one task that sets `phase`, and the view is a `match` on it.
/// Leptos's usual shape for this, `LocalResource` + `Transition` + `Suspend`, is
/// kept out on purpose: it measured 17 KB more wasm, and in tachys 0.2.19 a
/// pending `Suspend` holds the thread-local error hook across an `.await`, so
/// with several widgets loading at once one widget's error could land in
/// another's `ErrorBoundary` (an end-to-end test of many failing widgets guards it).
/// The task also does what must follow the render (the load and error events,
/// focus), where an `Effect` per component would cost a kilobyte each.
#[component]
fn Loader(
    /// The element's attributes, live.
    config: ReadSignal<Config>,
    /// Where the article comes from (read once: a new source makes a new loader).
    source: ReadSignal<Source, LocalStorage>,
    /// The UI language, live.
    ui: Ui,
    /// The first link among the partner's fallback children, for the error panel.
    fallback_link: Option<String>,
) -> impl IntoView {
    let phase = RwSignal::new(Phase::Loading);
    let retrying = RwSignal::new(false);
    let article_ref = NodeRef::<html::Article>::new();
    let retry_ref = NodeRef::<html::Button>::new();
    // The fetch under way, aborted when the loader goes (element removed, new `src`).
    let in_flight = StoredValue::new_local(None::<AbortController>);
    on_cleanup(move || {
        if let Some(Some(controller)) = in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    });
    let host = use_context::<Host>();

    let load = move || {
        let timeout_ms = config.with_untracked(|c| c.timeout_ms);
        let Some((controller, article)) =
            source.try_with_untracked(|source| load_article(source, timeout_ms))
        else {
            return;
        };
        in_flight.set_value(controller);
        spawn_local(async move {
            let result = article.await.map(Arc::new);
            // Gone meanwhile: nothing to show, nobody to tell.
            if in_flight.try_set_value(None).is_some() {
                return;
            }
            let retried = retrying.get_untracked();
            retrying.set(false);
            phase.set(match &result {
                Ok(article) => Phase::Ready(article.clone()),
                Err(error) => Phase::Failed(error.clone()),
            });
            // The set queued the re-render; this resumes after it.
            tick().await;
            match &result {
                Ok(article) => {
                    // Lay the article out now, in this widget's own task. Left to
                    // the next frame, the layouts of the many widgets that rendered
                    // since the last one add up to a long task (40–100 ms with 50).
                    if let Some(element) = article_ref.try_get_untracked().flatten() {
                        element.offset_height();
                    }
                    if let Some(host) = host {
                        host.load(article);
                    }
                }
                Err(error) => {
                    // The busy retry button was disabled, which took focus away.
                    if let Some(button) = retry_ref.try_get_untracked().flatten() {
                        if retried {
                            let _ = button.focus();
                        }
                    }
                    if let Some(host) = host {
                        host.error(error);
                    }
                }
            }
        });
    };
    load();

    let on_retry = move || {
        retrying.set(true);
        load();
    };
    move || match phase.get() {
        Phase::Loading => view! { <Skeleton ui /> }.into_any(),
        Phase::Ready(article) => {
            view! { <Article article config ui root=article_ref /> }.into_any()
        }
        Phase::Failed(error) => view! {
            <ErrorPanel
                error
                ui
                fallback_link=fallback_link.clone()
                retrying
                retry_ref
                on_retry
            />
        }
        .into_any(),
    }
}
