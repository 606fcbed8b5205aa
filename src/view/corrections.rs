use super::words::Words;
use leptos::prelude::*;

use super::{body::heading, intl};
use crate::article::Correction;

/// `part="corrections"`: the publisher's corrections, between the times and the
/// body, under a heading one level below the headline's; each its text and, when
/// given, its date.
#[component]
pub fn Corrections(
    /// In the document's order; nothing renders for none.
    corrections: Vec<Correction>,
    /// The headline's level.
    level: Memo<u8>,
    /// The UI language and its strings.
    text: Words,
) -> impl IntoView {
    if corrections.is_empty() {
        return None;
    }
    let title = text.say(if corrections.len() == 1 {
        |t| t.correction
    } else {
        |t| t.corrections
    });
    let items = corrections
        .into_iter()
        .map(|correction| {
            let date = correction.date.map(|date| {
                let (epoch_ms, rfc3339) = (date.epoch_ms, date.rfc3339);
                let shown = rfc3339.clone();
                let lang = text.lang;
                let shown = Signal::derive(move || {
                    intl::format_date_time(epoch_ms, &lang.read()).unwrap_or_else(|| shown.clone())
                });
                view! { <time datetime=rfc3339>{shown}</time>" " }
            });
            view! { <li dir="auto">{date}{correction.text}</li> }
        })
        .collect_view();
    Some(view! {
        <section part="corrections" class="corrections" aria-labelledby="corrections-title">
            {move || {
                heading((level.get() + 1).min(6))
                    .attr("id", "corrections-title")
                    .attr("class", "corrections-title")
                    .child(title)
            }}
            <ul>{items}</ul>
        </section>
    })
}
