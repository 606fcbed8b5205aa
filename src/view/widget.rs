use leptos::prelude::*;
use web_sys::AbortController;

use super::{article::ArticleView, error::ErrorPanel, skeleton::Skeleton};
use crate::{
    article::LoadError,
    config::Config,
    embed::{load_article, Source},
};

/// Loading → ready or error, the Leptos way: a local resource read inside
/// `Transition` + `ErrorBoundary` + `Suspend`.
#[component]
pub fn Widget(config: Config, source: Source, fallback_link: Option<String>) -> impl IntoView {
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let article = LocalResource::new(move || {
        let controller = AbortController::new().ok();
        in_flight.set_value(controller.clone());
        let source = source.clone();
        async move {
            match controller {
                Some(controller) => load_article(source, controller).await,
                None => Err(LoadError::Network(
                    "this browser cannot fetch articles".into(),
                )),
            }
        }
    });
    // Removing the element aborts its fetch.
    on_cleanup(move || {
        if let Some(Some(controller)) = in_flight.try_get_value() {
            controller.abort();
        }
    });
    let (retrying, set_retrying) = signal(false);
    let lang = config.lang.clone();
    let error_lang = config.lang.clone();

    view! {
        <Transition fallback=move || view! { <Skeleton lang=lang.clone() /> } set_pending=set_retrying>
            <ErrorBoundary fallback=move |errors| {
                view! {
                    <ErrorPanel
                        errors
                        lang=error_lang.clone()
                        fallback_link=fallback_link.clone()
                        retrying
                        on_retry=move || article.refetch()
                    />
                }
            }>
                {move || {
                    let config = config.clone();
                    Suspend::new(async move {
                        article.await.map(|article| view! { <ArticleView article config /> })
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}
