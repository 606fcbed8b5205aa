use super::words::Words;
use std::sync::Arc;

use leptos::{either::EitherOf4, html, prelude::*, task::spawn_local};
use web_sys::AbortController;

use super::{
    article::Article,
    control::Action,
    engagement::Engagement,
    pieces::{start_pieces, ErrorPanel},
    preview::PreviewSignals,
    share::ShareSignals,
    skeleton::Skeleton,
    withdrawn::Withdrawn,
    Host,
};
use crate::{
    article::{self as model, LoadError},
    config::Config,
    net::{load_article, Source},
    tasks::{next_task, rendered},
};

/// The body's blocks built with the headline: a phone's first screen shows fewer.
const FIRST_BLOCKS: usize = 3;
/// The blocks built in each task after it.
const MORE_BLOCKS: usize = 6;

/// What a widget shows.
#[derive(Clone)]
enum Phase {
    Loading,
    /// The article, as its newest version shown (contract §8: a newer one
    /// replaces it in place).
    Ready(ArcRwSignal<Arc<model::Article>>),
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
    // How many of the body's blocks are built: the first screenful's with the
    // headline, then a few more in each task after it, so that no task is long.
    let built = RwSignal::new(0);
    let retrying = RwSignal::new(false);
    let share = ShareSignals::new(host);
    let preview = PreviewSignals::new(host);
    // The view's own DOM, for focus and the engagement observers.
    let article_element = NodeRef::<html::Article>::new();
    let retry = NodeRef::<html::Button>::new();
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
        let timeout_ms = config.with_untracked(|c| c.timeout_ms);
        let Some((controller, article)) =
            source.try_with_untracked(|source| load_article(source, timeout_ms, urgent))
        else {
            return;
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
            match &result {
                Ok(article) => {
                    built.set(FIRST_BLOCKS);
                    phase.set(Phase::Ready(ArcRwSignal::new(article.clone())));
                }
                // The same failure again: the panel stays, its retry no longer busy.
                Err(error)
                    if phase.with_untracked(
                        |shown| matches!(shown, Phase::Failed(shown) if shown == error),
                    ) => {}
                Err(error) => phase.set(Phase::Failed(error.clone())),
            }
            // The set queued the render; this resumes after it.
            rendered().await;
            if let Ok(article) = &result {
                while built
                    .try_get_untracked()
                    .is_some_and(|n| n < article.body.len())
                {
                    next_task().await;
                    if loads.try_get_value() != Some(this) {
                        return;
                    }
                    built.update(|n| *n += MORE_BLOCKS);
                    rendered().await;
                }
            }
            match &result {
                Ok(article) => {
                    host.load(article);
                    spawn_local(async {
                        next_task().await;
                        start_pieces();
                    });
                }
                Err(LoadError::Withdrawn(withdrawal)) => host.withdrawn(withdrawal),
                Err(error) => {
                    // The busy retry button was disabled, which took focus away.
                    if let Some(button) = retry.get_untracked().filter(|_| retried) {
                        let _ = button.focus();
                    }
                    host.error(error);
                }
            }
        });
    };
    // In a task after the one that built the view (unless it is gone by then).
    spawn_local(async move {
        next_task().await;
        if loads.try_get_value().is_some() {
            load(urgent);
        }
    });
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
    let on_retry: Action = Arc::new(move || {
        retrying.set(true);
        load(false);
    });
    count_engagement(host, phase, preview, config, built, article_element);
    // A newer version found by a check (contract §8), whole at once; and a
    // withdrawal found by one, which ends the checks.
    let show = Callback::new(move |newer: Arc<model::Article>| {
        built.set(newer.body.len());
        phase.with_untracked(|phase| {
            if let Phase::Ready(current) = phase {
                current.set(newer);
            }
        });
    });
    let withdraw = Callback::new(move |withdrawal: model::Withdrawal| {
        host.withdrawn(&withdrawal);
        phase.set(Phase::Failed(LoadError::Withdrawn(withdrawal)));
    });
    // The URL a shown article is checked at: none for an inline one.
    let watch = move || {
        source.with_untracked(|source| match source {
            Source::Remote { url, .. } => Some(url.clone()),
            _ => None,
        })
    };

    move || match phase.get() {
        Phase::Loading => EitherOf4::A(view! { <Skeleton text /> }),
        // Not an error: the publisher's word, in place of the article.
        Phase::Failed(LoadError::Withdrawn(withdrawal)) => {
            EitherOf4::D(view! { <Withdrawn withdrawal text /> })
        }
        Phase::Ready(current) => EitherOf4::B(view! {
            <Article
                current
                config
                text
                share
                preview
                built=built.read_only()
                element=article_element
                watch=watch()
                show
                withdraw
            />
        }),
        Phase::Failed(error) => {
            let link = error
                .canonical_url()
                .map(str::to_owned)
                .or_else(|| fallback_link.clone());
            let on_retry = on_retry.clone();
            // (The panel comes in a piece of its own: see `pieces::ErrorPanel`.)
            EitherOf4::C(view! {
                <ErrorPanel error text link busy=retrying on_retry retry />
            })
        }
    }
}

/// The rendered article's view and read (contract §6), counted from its first
/// render, afresh for each article; its end is watched once the whole body shows
/// and is built.
fn count_engagement(
    host: Host,
    phase: RwSignal<Phase>,
    preview: PreviewSignals,
    config: ReadSignal<Config>,
    built: RwSignal<usize>,
    article_element: NodeRef<html::Article>,
) {
    let counting = StoredValue::new_local(None::<Engagement>);
    let whole = Memo::new(move |_| {
        let previewed = config.with(|c| c.preview);
        phase.with(|phase| match phase {
            Phase::Ready(current) => Some(current.with(|article| {
                (preview.expanded.get() || article.preview_len(previewed) == article.body.len())
                    && built.get() >= article.body.len()
            })),
            _ => None,
        })
    });
    Effect::new(move || {
        let Some(whole) = whole.get() else {
            counting.set_value(None);
            return;
        };
        let Some(article) = phase.with_untracked(|phase| match phase {
            Phase::Ready(current) => Some(current.get_untracked()),
            _ => None,
        }) else {
            return;
        };
        // A task after the render this change queued (the body's last block is
        // there): the observers are not what the first headline waits for.
        spawn_local(async move {
            next_task().await;
            let counted =
                counting.try_with_value(|c| c.as_ref().is_some_and(|c| c.counts(&article)));
            if counted == Some(false) {
                counting.set_value(Some(Engagement::start(host, article)));
            }
            counting.try_with_value(|counting| {
                if let Some(counting) = counting {
                    let element = article_element.get_untracked().map(web_sys::Element::from);
                    let end = preview
                        .body
                        .get_untracked()
                        .and_then(|body| body.last_element_child());
                    counting.watch(element, end.filter(|_| whole));
                }
            });
        });
    });
}
