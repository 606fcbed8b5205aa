use leptos::{html, prelude::*};

use super::{skeleton::Fallback, Ui};
use crate::{article::LoadError, i18n::Strings};

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
    /// The retry button, for the loader to give focus back to.
    retry_ref: NodeRef<html::Button>,
    /// Loads the article again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let link = error.canonical_url().map(str::to_owned).or(fallback_link);
    let message = message(&error);
    view! {
        <div part="error" class="error" role="alert" dir=ui.dir() lang=ui.lang()>
            <p class="error-title">{ui.t(|t| t.error_title)}</p>
            <p class="error-message">{ui.t(message)}</p>
            <Fallback />
            <div class="error-actions">
                <button
                    node_ref=retry_ref
                    part="retry"
                    type="button"
                    aria-busy=move || if retrying.get() { "true" } else { "false" }
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
                        {ui.t(|t| t.read_on_site)}
                    </a>
                })}
            </div>
        </div>
    }
}

/// The message for an error's kind.
fn message(error: &LoadError) -> fn(&Strings) -> &'static str {
    match error {
        LoadError::Network(_) => |t| t.error_network,
        LoadError::Http(_) => |t| t.error_http,
        LoadError::Timeout(_) => |t| t.error_timeout,
        LoadError::TooLarge => |t| t.error_too_large,
        LoadError::Invalid { .. } => |t| t.error_invalid,
    }
}
