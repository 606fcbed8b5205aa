use leptos::{error::Errors, prelude::*};

use super::skeleton::Fallback;
use crate::{
    article::LoadError,
    embed::{dispatch_error, Host},
    i18n::{strings, Strings},
};

/// `part="error"`: a plain-language message, the partner's fallback children, a
/// `retry` button and, when known, a link to the article on the publisher's site.
#[component]
pub fn ErrorPanel(
    errors: ArcRwSignal<Errors>,
    lang: String,
    fallback_link: Option<String>,
    retrying: ReadSignal<bool>,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let error = Memo::new(move |_| errors.with(first_error));
    let host = use_context::<Host>();
    Effect::new(move |_| {
        if let (Some(error), Some(host)) = (error.get(), &host) {
            dispatch_error(&host.0, &error);
        }
    });
    let text = strings(&lang);
    let link = move || {
        error
            .get()
            .and_then(|e| e.canonical_url().map(str::to_owned))
            .or(fallback_link.clone())
    };

    view! {
        <div part="error" class="error" role="alert" lang=lang>
            <p class="error-title">{text.error_title}</p>
            <p class="error-message">{move || error.get().map(|e| message(text, &e))}</p>
            <Fallback />
            <div class="error-actions">
                <button
                    part="retry"
                    type="button"
                    aria-busy=move || retrying.get().to_string()
                    disabled=move || retrying.get()
                    on:click=move |_| on_retry()
                >
                    {move || if retrying.get() { text.loading } else { text.retry }}
                </button>
                {move || {
                    link()
                        .map(|href| {
                            view! {
                                <a class="read-on-site" href=href target="_blank" rel="noopener noreferrer">
                                    {text.read_on_site}
                                </a>
                            }
                        })
                }}
            </div>
        </div>
    }
}

/// The typed error back out of the boundary (anything else reads as a network error).
fn first_error(errors: &Errors) -> Option<LoadError> {
    let (_, error) = errors.iter().next()?;
    Some(
        error
            .downcast_ref::<LoadError>()
            .cloned()
            .unwrap_or_else(|| LoadError::Network(error.to_string())),
    )
}

fn message(text: &Strings, error: &LoadError) -> &'static str {
    match error {
        LoadError::Network(_) => text.error_network,
        LoadError::Http(_) => text.error_http,
        LoadError::Timeout(_) => text.error_timeout,
        LoadError::TooLarge => text.error_too_large,
        LoadError::Invalid { .. } => text.error_invalid,
    }
}
