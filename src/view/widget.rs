use leptos::prelude::*;
use web_sys::AbortController;

use super::{article::ArticleView, error::ErrorPanel, skeleton::Skeleton};
use crate::{
    config::Config,
    embed::{load_article, Source},
};

/// Loading → ready or error: a local resource read inside `Transition` + `Suspend`.
///
/// The `Suspend` matches on the typed result itself rather than throwing to an
/// `ErrorBoundary`: in tachys 0.2.19 a pending `Suspend` holds the thread-local
/// error hook across an `.await`, so with several widgets loading at once one
/// widget's error can land in another's boundary and leave an empty box
/// (measured: 1 run in 3 of a page with three widgets).
#[component]
pub fn Widget(config: Config, source: Source, fallback_link: Option<String>) -> impl IntoView {
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let article = LocalResource::new(move || {
        let (controller, article) = load_article(&source);
        in_flight.set_value(controller);
        article
    });
    // Removing the element aborts its fetch.
    on_cleanup(move || {
        if let Some(Some(controller)) = in_flight.try_get_value() {
            controller.abort();
        }
    });
    let (retrying, set_retrying) = signal(false);
    let lang = config.lang.clone();

    view! {
        <Transition fallback=move || view! { <Skeleton lang=lang.clone() /> } set_pending=set_retrying>
            {move || {
                let config = config.clone();
                let fallback_link = fallback_link.clone();
                Suspend::new(async move {
                    match article.await {
                        Ok(article) => view! { <ArticleView article config /> }.into_any(),
                        Err(error) => view! {
                            <ErrorPanel
                                error
                                lang=config.lang
                                fallback_link
                                retrying
                                on_retry=move || article.refetch()
                            />
                        }
                        .into_any(),
                    }
                })
            }}
        </Transition>
    }
}
