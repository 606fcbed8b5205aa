use leptos::prelude::*;

use super::{
    control::{control, Action},
    skeleton::Fallback,
};
use crate::{
    article::LoadError,
    i18n::{direction, Strings},
};

/// `part="error"`: a plain-language message, the partner's fallback children, a
/// `retry` button and, when known, a link to the article on the publisher's site.
#[component]
pub fn ErrorPanel(
    /// Why the article cannot be shown.
    error: LoadError,
    /// The UI language (BCP 47).
    lang: String,
    /// Its strings.
    text: &'static Strings,
    /// Where the article can be read instead: its canonical URL, or the partner's link.
    link: Option<String>,
    /// A retry is under way: the button is busy.
    busy: bool,
    /// Loads the article again.
    on_retry: Action,
) -> impl IntoView {
    let label = if busy { text.loading } else { text.retry };
    view! {
        <div part="error" class="error" role="alert" dir=direction(&lang) lang=lang>
            <p class="error-title">{text.error_title}</p>
            <p class="error-message">{message(text, &error)}</p>
            <Fallback />
            <div class="error-actions">
                {control("retry", None, Some(busy), label, on_retry)}
                {link.map(|href| view! {
                    <a class="read-on-site" href=href target="_blank" rel="noopener noreferrer">
                        {text.read_on_site}
                    </a>
                })}
            </div>
        </div>
    }
}

fn message(text: &'static Strings, error: &LoadError) -> &'static str {
    match error {
        LoadError::Network(_) => text.error_network,
        LoadError::Http(_) => text.error_http,
        LoadError::Timeout(_) => text.error_timeout,
        LoadError::TooLarge => text.error_too_large,
        LoadError::Invalid { .. } => text.error_invalid,
    }
}
