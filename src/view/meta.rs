use leptos::prelude::*;

use super::intl;
use crate::{
    article::{self, Source},
    i18n::strings,
};

/// `part="byline"`: the author(s) and/or the source, linked when it has a URL.
#[component]
pub fn Byline(byline: Option<String>, source: Option<Source>) -> impl IntoView {
    let (name, url) = source.map(|s| (s.name, s.url)).unwrap_or_default();
    // "SBS News · SBS News" says nothing twice.
    let name = name.filter(|n| byline.as_deref() != Some(n.as_str()));
    if byline.is_none() && name.is_none() {
        return None;
    }
    let source = name.map(|name| match url {
        Some(href) => view! { <a class="source" href=href target="_blank" rel="noopener noreferrer">{name}</a> }.into_any(),
        None => view! { <span class="source">{name}</span> }.into_any(),
    });
    let separator = (byline.is_some() && source.is_some()).then_some(" · ");
    Some(view! {
        <p part="byline" class="byline">
            {byline.map(|b| view! { <span class="author">{b}</span> })}
            {separator}
            {source}
        </p>
    })
}

/// `part="published"` / `part="updated"`: a `<time>` formatted for the reader's language.
#[component]
pub fn Timestamp(
    part: &'static str,
    label: &'static str,
    time: article::Timestamp,
    lang: String,
) -> impl IntoView {
    let shown =
        intl::format_date_time(time.epoch_ms, &lang).unwrap_or_else(|| time.rfc3339.clone());
    view! {
        <span class=part>
            <span class="label">{label}" "</span>
            <time part=part datetime=time.rfc3339>{shown}</time>
        </span>
    }
}

/// `part="reading-time"`: "2 min read".
#[component]
pub fn ReadingTime(minutes: u32, lang: String) -> impl IntoView {
    view! { <p part="reading-time" class="reading-time">{(strings(&lang).reading_time)(minutes)}</p> }
}
