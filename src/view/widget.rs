use std::sync::Arc;

use leptos::{
    either::{Either, EitherOf3},
    prelude::*,
    tachys::view::{Mountable, Render},
    task::spawn_local,
};
use web_sys::{AbortController, HtmlElement};

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
    article::{self as model, LoadError},
    config::Config,
    embed::{load_article, rendered, Engagement, Host, Source},
    i18n::strings,
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
/// Its state is in signals: the phase, a retry under way, what the share
/// controls say, and the element's attributes. Each load is one task that sets
/// the phase. (Leptos's usual `LocalResource` + `Transition` + `Suspend` measured
/// 17 KB more wasm, and in tachys 0.2.19 a pending `Suspend` holds the
/// thread-local error hook across an `.await`, so with several widgets loading at
/// once one widget's error could land in another's `ErrorBoundary`; an end-to-end
/// test of many failing widgets guards it.)
///
/// Rendering is one effect that builds the view for the current state and puts
/// it in place of the last one. A reactive closure in the view would do the
/// same, but it diffs the new view against the old, and that code for the whole
/// widget measured 10 KB of gzipped wasm. What changes while a reader looks (the
/// copy confirmation) is fine-grained inside the share controls, so nothing they
/// are focused on is replaced; a new attribute value or phase builds anew.
#[component]
pub fn Widget(
    /// The `<article-widget>` element, which the view reports to.
    host: Host,
    /// The element in the shadow root the view goes in.
    container: HtmlElement,
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
    let retrying = RwSignal::new(false);
    let share = ShareSignals::new(host);
    let preview = PreviewSignals::new(host);
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
            phase.set(match &result {
                Ok(article) => Phase::Ready(article.clone()),
                Err(error) => Phase::Failed(error.clone()),
            });
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
    let on_retry: Action = Arc::new(move || {
        retrying.set(true);
        load(false);
    });
    // The rendered article's view and read (contract §6), counted afresh for each;
    // owned by the render effect, and stopped with it.
    let mut engagement: Option<Engagement> = None;
    Effect::new(move |shown| {
        let config = config.get();
        let text = strings(&config.lang);
        let expanded = preview.expanded.get();
        let previewed = config.preview;
        let phase = phase.get();
        let view = match &phase {
            Phase::Loading => EitherOf3::A(view! { <Skeleton lang=config.lang text /> }),
            Phase::Ready(article) => EitherOf3::B(view! {
                <Article article=article.clone() config text share preview expanded />
            }),
            Phase::Failed(error) => {
                let error = error.clone();
                let link = error
                    .canonical_url()
                    .map(str::to_owned)
                    .or_else(|| fallback_link.clone());
                let (lang, busy, on_retry) = (config.lang, retrying.get(), on_retry.clone());
                // The panel comes in a piece of its own; until then, its title
                // and the partner's fallback.
                EitherOf3::C(move || match ERROR_PANEL.get() {
                    Loaded::Ready(render) => Either::Left(render(
                        ErrorPanelProps::builder()
                            .error(error.clone())
                            .lang(lang.clone())
                            .text(text)
                            .link(link.clone())
                            .busy(busy)
                            .on_retry(on_retry.clone())
                            .build(),
                    )),
                    loading => Either::Right(view! {
                        <ErrorPending lang=lang.clone() text failed=loading == Loaded::Failed />
                    }),
                })
            }
        };
        let shown = show(view.build(), shown, &container);
        // The article's view and read are counted from its first render, across
        // its re-renders (which replace the elements watched), afresh for the next.
        match &phase {
            Phase::Ready(article) => {
                if !engagement.as_ref().is_some_and(|c| c.counts(article)) {
                    engagement = Some(Engagement::start(host, article.clone()));
                }
                if let Some(counting) = &engagement {
                    let whole = expanded || article.preview_len(previewed) == article.body.len();
                    let (element, end) = host.article_and_end();
                    counting.watch(element, end.filter(|_| whole));
                }
            }
            _ => engagement = None,
        }
        if let Phase::Ready(article) = &phase {
            // Revealed with the keyboard: the reader goes on at the first new block.
            if expanded && preview.refocus.get_untracked() {
                preview.refocus.set(false);
                host.focus_block(article.preview_len(previewed));
            }
        }
        shown
    });
}

/// Puts a newly built view where the last one was (or, the first time, in
/// `container`), and returns it, to be replaced in turn.
fn show<S: Mountable>(mut state: S, shown: Option<S>, container: &HtmlElement) -> S {
    match shown {
        Some(mut shown) => {
            shown.insert_before_this(&mut state);
            shown.unmount();
        }
        None => state.mount(container, None),
    }
    state
}
