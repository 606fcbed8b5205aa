use super::words::Words;
use std::sync::Arc;

use leptos::{
    either::{Either, EitherOf3},
    prelude::*,
    task::spawn_local,
};
use web_sys::AbortController;

use super::{
    article::Article,
    control::Action,
    error::ErrorPanelProps,
    pieces::{ErrorPending, ERROR_PANEL},
    preview::PreviewSignals,
    share::ShareSignals,
    skeleton::Skeleton,
};
use crate::{
    article::{self as model, LoadError, PromotionsSource},
    config::{Config, PromotionsFrom},
    fetch::{load_article, promotions_document, rendered, Engagement, Host, Source},
    split::Loaded,
};

/// What a widget shows.
#[derive(Clone)]
enum Phase {
    Loading,
    Ready(Arc<model::Article>),
    Failed(LoadError),
}

/// The widget inside one `<article-widget>`: the skeleton while the article
/// loads, then the article, or the error panel, whose retry loads again.
///
/// Its state is in signals: the phase, a retry under way, the preview's and the
/// share controls' state, and the element's attributes. Only a new phase
/// replaces what shows; everything else (language, heading level, preview,
/// share list, a retry's busy button) is read by the element that shows it and
/// updates there. Each load is one task that sets the phase. (Leptos's usual
/// `LocalResource` + `Transition` + `Suspend` measured 17 KB more wasm, and in
/// tachys 0.2.19 a pending `Suspend` holds the thread-local error hook across
/// an `.await`, so with several widgets loading at once one widget's error
/// could land in another's `ErrorBoundary`; an end-to-end test of many failing
/// widgets guards it.)
#[component]
pub fn Widget(
    /// The `<article-widget>` element, which the view reports to.
    host: Host,
    /// The element's attributes, kept current by the embed layer.
    config: ReadSignal<Config>,
    /// Where the article comes from; a new source loads afresh.
    source: ReadSignal<Source, LocalStorage>,
    /// The first link among the partner's fallback children, for the error panel.
    fallback_link: Option<String>,
    /// In the first screenful: the first article renders as soon as it is here.
    urgent: bool,
) -> impl IntoView {
    let phase = RwSignal::new(Phase::Loading);
    // The publisher's promotions shown with the article (contract §7).
    let promotions = RwSignal::new(None::<PromotionsSource>);
    let retrying = RwSignal::new(false);
    let share = ShareSignals::new(host);
    let preview = PreviewSignals::new(host);
    let lang = Memo::new(move |_| config.with(|c| c.lang.clone()));
    let text = Words::new(lang);
    // The fetch under way (aborted when the widget goes or a new source comes),
    // and the number of the newest load (only its result may show).
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let loads = StoredValue::new(0u32);
    let abort = move || {
        if let Some(Some(controller)) = in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    };
    on_cleanup(abort);

    let load = move |urgent: bool| {
        let (timeout_ms, from) = config.with_untracked(|c| (c.timeout_ms, c.promotions.clone()));
        let Some((controller, article)) =
            source.try_with_untracked(|source| load_article(source, timeout_ms, urgent))
        else {
            return;
        };
        // A promotions document downloads alongside the article (once per page),
        // and shows when it is here: it never holds the article back.
        let document = match &from {
            PromotionsFrom::Document(url) => Some(promotions_document(url, timeout_ms)),
            _ => None,
        };
        abort();
        in_flight.set_value(controller);
        let this = loads.get_value().wrapping_add(1);
        loads.set_value(this);
        spawn_local(async move {
            let result = article.await.map(Arc::new);
            // Gone meanwhile, or superseded: nothing to show, nobody to tell.
            if loads.try_get_value() != Some(this) {
                return;
            }
            in_flight.set_value(None);
            let retried = retrying.get_untracked();
            retrying.set(false);
            // The article's own promotions, none, or (once here) the document's.
            promotions.set(match (&from, &result) {
                (PromotionsFrom::Article, Ok(article)) => article.promotions.clone(),
                _ => None,
            });
            if let (Some(document), Ok(_)) = (document, &result) {
                spawn_local(async move {
                    let fetched = document.await;
                    if loads.try_get_value() != Some(this) {
                        return;
                    }
                    match fetched {
                        Ok(document) => {
                            promotions.try_set(Some(document));
                        }
                        // Left out, and the page told why: never the error state.
                        Err(why) => web_sys::console::warn_1(
                            &format!("<article-widget>: promotions left out: {why}").into(),
                        ),
                    }
                });
            }
            match &result {
                Ok(article) => phase.set(Phase::Ready(article.clone())),
                // The same failure again: the panel stays, its retry no longer busy.
                Err(error)
                    if phase.with_untracked(
                        |shown| matches!(shown, Phase::Failed(shown) if shown == error),
                    ) => {}
                Err(error) => phase.set(Phase::Failed(error.clone())),
            }
            // The set queued the render; this resumes after it.
            rendered().await;
            match &result {
                Ok(article) => host.load(article),
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
    load(urgent);
    // A new source (a changed `src`) starts afresh, from the skeleton.
    Effect::watch(
        move || source.track(),
        move |_, _, _| {
            share.reset();
            preview.expanded.set(false);
            phase.set(Phase::Loading);
            load(false);
        },
        false,
    );
    // Promotions from elsewhere: the article is read again with them.
    let promotions_from = Memo::new(move |_| config.with(|c| c.promotions.clone()));
    Effect::watch(
        move || promotions_from.track(),
        move |_, _, _| load(false),
        false,
    );
    let on_retry: Action = Arc::new(move || {
        retrying.set(true);
        load(false);
    });
    count_engagement(host, phase, preview, config);

    move || match phase.get() {
        Phase::Loading => EitherOf3::A(view! { <Skeleton text /> }),
        Phase::Ready(article) => EitherOf3::B(
            view! { <Article article config text share preview promotions=promotions.read_only() /> },
        ),
        Phase::Failed(error) => {
            let link = error
                .canonical_url()
                .map(str::to_owned)
                .or_else(|| fallback_link.clone());
            let on_retry = on_retry.clone();
            // The panel comes in a piece of its own; until then, its title and
            // the partner's fallback.
            EitherOf3::C(move || match ERROR_PANEL.get() {
                Loaded::Ready(render) => Either::Left(render(
                    ErrorPanelProps::builder()
                        .error(error.clone())
                        .text(text)
                        .link(link.clone())
                        .busy(retrying)
                        .on_retry(on_retry.clone())
                        .build(),
                )),
                loading => Either::Right(view! {
                    <ErrorPending error=error.clone() text failed=loading == Loaded::Failed />
                }),
            })
        }
    }
}

/// The rendered article's view and read (contract §6), counted from its first
/// render, afresh for each article; its end is watched once the whole body shows.
fn count_engagement(
    host: Host,
    phase: RwSignal<Phase>,
    preview: PreviewSignals,
    config: ReadSignal<Config>,
) {
    let counting = StoredValue::new_local(None::<Engagement>);
    let whole = Memo::new(move |_| {
        let previewed = config.with(|c| c.preview);
        phase.with(|phase| match phase {
            Phase::Ready(article) => {
                Some(preview.expanded.get() || article.preview_len(previewed) == article.body.len())
            }
            _ => None,
        })
    });
    Effect::new(move || {
        let Some(whole) = whole.get() else {
            counting.set_value(None);
            return;
        };
        let Some(article) = phase.with_untracked(|phase| match phase {
            Phase::Ready(article) => Some(article.clone()),
            _ => None,
        }) else {
            return;
        };
        if !counting.with_value(|c| c.as_ref().is_some_and(|c| c.counts(&article))) {
            counting.set_value(Some(Engagement::start(host, article)));
        }
        // After the render this change queued: the body's last block is there.
        spawn_local(async move {
            rendered().await;
            counting.try_with_value(|counting| {
                if let Some(counting) = counting {
                    let (element, end) = host.article_and_end();
                    counting.watch(element, end.filter(|_| whole));
                }
            });
        });
    });
}
