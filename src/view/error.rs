use leptos::prelude::*;

use super::skeleton::Fallback;
use crate::{
    article::LoadError,
    embed::{dispatch_error, Host},
    i18n::{direction, strings, Strings},
};

/// `part="error"`: a plain-language message, the partner's fallback children, a
/// `retry` button and, when known, a link to the article on the publisher's site.
#[component]
pub fn ErrorPanel(
    error: LoadError,
    lang: String,
    fallback_link: Option<String>,
    retrying: ReadSignal<bool>,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    if let Some(host) = use_context::<Host>() {
        let error = error.clone();
        // Effects run once the panel is in the DOM.
        Effect::new(move |_| dispatch_error(&host.0, &error));
    }
    let text = strings(&lang);
    let link = error.canonical_url().map(str::to_owned).or(fallback_link);

    view! {
        <div part="error" class="error" role="alert" dir=direction(&lang) lang=lang>
            <p class="error-title">{text.error_title}</p>
            <p class="error-message">{message(text, &error)}</p>
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
                {link
                    .map(|href| {
                        view! {
                            <a class="read-on-site" href=href target="_blank" rel="noopener noreferrer">
                                {text.read_on_site}
                            </a>
                        }
                    })}
            </div>
        </div>
    }
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
