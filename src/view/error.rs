use leptos::{html, prelude::*};

use super::{skeleton::Fallback, Ui};
use crate::{article::LoadError, embed::Host, i18n::Strings};

/// `part="error"`: a plain-language message, the partner's fallback children, a
/// `retry` button and, when known, a link to the article on the publisher's site.
#[component]
pub fn ErrorPanel(
    /// Why the article cannot be shown.
    error: LoadError,
    /// The UI language, live.
    ui: Ui,
    /// The partner's fallback link, used when the article's own URL is unknown.
    fallback_link: Option<String>,
    /// A retry is under way: the button is busy.
    retrying: RwSignal<bool>,
    /// The reader's retry failed again: focus goes back to the retry button (it
    /// lost focus while it was disabled).
    refocus: bool,
    /// Loads the article again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let retry = NodeRef::<html::Button>::new();
    if let Some(host) = use_context::<Host>() {
        let error = error.clone();
        // Effects run once the panel is in the document.
        Effect::new(move || {
            if refocus {
                if let Some(button) = retry.get_untracked() {
                    let _ = button.focus();
                }
            }
            host.error(&error);
        });
    }
    let link = error.canonical_url().map(str::to_owned).or(fallback_link);

    view! {
        <div part="error" class="error" role="alert" dir=move || ui.dir() lang=move || ui.lang()>
            <p class="error-title">{move || ui.text().error_title}</p>
            <p class="error-message">{move || message(ui.text(), &error)}</p>
            <Fallback />
            <div class="error-actions">
                <button
                    node_ref=retry
                    part="retry"
                    type="button"
                    aria-busy=move || retrying.get().to_string()
                    disabled=move || retrying.get()
                    on:click=move |_| {
                        if !retrying.get_untracked() {
                            on_retry()
                        }
                    }
                >
                    {move || if retrying.get() { ui.text().loading } else { ui.text().retry }}
                </button>
                {link.map(|href| view! {
                    <a class="read-on-site" href=href target="_blank" rel="noopener noreferrer">
                        {move || ui.text().read_on_site}
                    </a>
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
