use std::sync::Arc;

use leptos::{either::EitherOf3, prelude::*, task::spawn_local};
use web_sys::AbortController;

use super::{article::Article, error::ErrorPanel, intl, share::ShareSignals, skeleton::Skeleton};
use crate::{
    article::{self as model, LoadError},
    config::Config,
    embed::{load_article, rendered, Host, Source},
    i18n::strings,
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
    /// The `<article-widget>` element, which the view reports to.
    host: Host,
    /// The element's attributes, kept current by the embed layer.
    config: ReadSignal<Config>,
    /// Where the article comes from.
    source: ReadSignal<Source, LocalStorage>,
    /// The first link among the partner's fallback children, for the error panel.
    fallback_link: Option<String>,
) -> impl IntoView {
    // The language's formatters are made while the article is on its way.
    let lang = config.with_untracked(|c| c.lang.clone());
    spawn_local(async move { intl::warm(&lang).await });
    move || {
        source.track();
        let fallback_link = fallback_link.clone();
        view! { <Loader host config source fallback_link /> }
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
    /// The `<article-widget>` element, which the view reports to.
    host: Host,
    /// The element's attributes, live.
    config: ReadSignal<Config>,
    /// Where the article comes from (read once: a new source makes a new loader).
    source: ReadSignal<Source, LocalStorage>,
    /// The first link among the partner's fallback children, for the error panel.
    fallback_link: Option<String>,
) -> impl IntoView {
    let phase = RwSignal::new(Phase::Loading);
    let retrying = RwSignal::new(false);
    let share = ShareSignals::new(host);
    // The fetch under way, aborted when the loader goes (element removed, new `src`).
    let in_flight = StoredValue::new_local(None::<AbortController>);
    on_cleanup(move || {
        if let Some(Some(controller)) = in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    });

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
            rendered().await;
            match &result {
                Ok(article) => {
                    host.lay_out();
                    host.load(article);
                }
                Err(error) => {
                    // The busy retry button was disabled, which took focus away.
                    if retried {
                        host.focus("[part=retry]");
                    }
                    host.error(error);
                }
            }
        });
    };
    load();

    let on_retry = move || {
        retrying.set(true);
        load();
    };
    // Everything the widget shows follows from these signals: a change of any
    // (an attribute, the phase, the share status) re-renders in place.
    move || {
        let config = config.get();
        let text = strings(&config.lang);
        match phase.get() {
            Phase::Loading => EitherOf3::A(view! { <Skeleton lang=config.lang text /> }),
            Phase::Ready(article) => {
                EitherOf3::B(view! { <Article article config text share=share.read() /> })
            }
            Phase::Failed(error) => {
                let link = error
                    .canonical_url()
                    .map(str::to_owned)
                    .or_else(|| fallback_link.clone());
                EitherOf3::C(view! {
                    <ErrorPanel error lang=config.lang text link busy=retrying.get() on_retry />
                })
            }
        }
    }
}
