use super::words::Words;
use leptos::{html, prelude::*};

use super::{
    control::{Action, Control},
    pieces::error_message,
    skeleton::Fallback,
};
use crate::article::LoadError;

/// `part="error"`: a plain-language message, the partner's fallback children, a
/// `retry` button and, when known, a link to the article on the publisher's site.
#[component]
pub fn ErrorPanel(
    /// Why the article cannot be shown.
    error: LoadError,
    /// The UI language and its strings.
    text: Words,
    /// Where the article can be read instead: its canonical URL, or the partner's link.
    link: Option<String>,
    /// A retry is under way: the button is busy.
    #[prop(into)]
    busy: Signal<bool>,
    /// Loads the article again.
    on_retry: Action,
    /// The retry button, which focus goes back to after a retry that failed
    /// again (it was disabled while busy, which took focus away).
    retry: NodeRef<html::Button>,
) -> impl IntoView {
    let label = Signal::derive(move || {
        let text = text.get();
        if busy.get() {
            text.loading
        } else {
            text.retry
        }
    });
    view! {
        <div part="error" class="error" role="alert" dir=text.dir() lang=text.lang>
            <p class="error-title">{text.say(|t| t.error_title)}</p>
            <p class="error-message">{Signal::derive(move || error_message(text.get(), &error))}</p>
            <Fallback />
            <div class="error-actions">
                <Control part="retry" href=None busy label action=on_retry button=retry />
                {link.map(|href| view! {
                    <a class="read-on-site" href=href target="_blank" rel="noopener noreferrer">
                        {text.say_later(|t| t.read_on_site)}
                    </a>
                })}
            </div>
        </div>
    }
}
