use super::words::Words;
use leptos::prelude::*;

use crate::article::Withdrawal;

/// `part="withdrawn"`: in place of an article its publisher withdrew, and of
/// everything in it (the partner's fallback children too: no slot shows them).
/// Says so, by whom when known, with the publisher's notice and a link to the
/// canonical URL when the document gives them.
#[component]
pub fn Withdrawn(
    /// What the document said of the withdrawal (nothing, after a `410`).
    withdrawal: Withdrawal,
    /// The UI language and its strings.
    text: Words,
) -> impl IntoView {
    let said = Signal::derive({
        let source = withdrawal.source.clone();
        move || {
            let strings = text.get();
            match &source {
                Some(source) => {
                    let (before, after) = strings.withdrawn_by;
                    format!("{before}{source}{after}")
                }
                None => strings.withdrawn.to_owned(),
            }
        }
    });
    view! {
        <div part="withdrawn" class="withdrawn" role="status" dir=text.dir() lang=text.lang>
            <p class="withdrawn-title">{said}</p>
            {withdrawal.notice.map(|notice| view! { <p class="withdrawn-notice" dir="auto">{notice}</p> })}
            {withdrawal.url.map(|href| view! {
                <a class="withdrawn-link" href=href target="_blank" rel="noopener noreferrer">
                    {text.say(|t| t.withdrawn_link)}
                </a>
            })}
        </div>
    }
}
