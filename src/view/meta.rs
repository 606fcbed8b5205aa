use super::words::Words;
use leptos::{either::Either, prelude::*};

use super::intl;
use crate::article::{relative_time, Source, Timestamp};

/// `part="byline"`: the author(s) and/or the source, linked when it has a URL.
#[component]
pub fn Byline(
    /// The author(s), as the article names them.
    byline: Option<String>,
    /// The publisher.
    source: Option<Source>,
) -> impl IntoView {
    let (name, url) = source.map(|s| (s.name, s.url)).unwrap_or_default();
    // "SBS News · SBS News" says nothing twice.
    let name = name.filter(|n| byline.as_deref() != Some(n.as_str()));
    if byline.is_none() && name.is_none() {
        return None;
    }
    let source = name.map(|name| match url {
        Some(href) => Either::Left(view! {
            <a class="source" href=href target="_blank" rel="noopener noreferrer">{name}</a>
        }),
        None => Either::Right(view! { <span class="source">{name}</span> }),
    });
    let separator = if byline.is_some() && source.is_some() {
        " · "
    } else {
        ""
    };
    Some(view! {
        <p part="byline" class="byline">
            {byline.map(|b| view! { <span class="author">{b}</span> })}
            {separator}
            {source}
        </p>
    })
}

/// `part="published"` / `part="updated"`: a `<time>` in the reader's language:
/// "3 hours ago" when recent, the date and time otherwise (and on hover).
#[component]
pub fn Time(
    /// `published` or `updated`.
    part: &'static str,
    /// Its label ("Published").
    #[prop(into)]
    label: Signal<&'static str>,
    /// When.
    time: Timestamp,
    /// The UI language (BCP 47).
    lang: Memo<String>,
) -> impl IntoView {
    let (epoch_ms, rfc3339) = (time.epoch_ms, time.rfc3339.clone());
    let absolute = Signal::derive(move || {
        intl::format_date_time(epoch_ms, &lang.read()).unwrap_or_else(|| rfc3339.clone())
    });
    let shown = Signal::derive(move || {
        relative_time(epoch_ms, js_sys::Date::now() as i64)
            .and_then(|relative| intl::format_relative(relative, &lang.read()))
            .unwrap_or_else(|| absolute.get())
    });
    view! {
        <span class=part>
            <span class="label">{label}" "</span>
            <time part=part datetime=time.rfc3339 title=absolute>{shown}</time>
        </span>
    }
}

/// `part="reading-time"`: "2 min read", plural-correct in every language.
#[component]
pub fn ReadingTime(
    /// Whole minutes.
    minutes: u32,
    /// The UI language and its strings.
    text: Words,
) -> impl IntoView {
    let shown = Signal::derive(move || {
        let lang = text.lang.read();
        text.get().reading_time.format(
            &intl::plural_category(minutes, &lang),
            &intl::format_number(minutes, &lang),
        )
    });
    view! { <p part="reading-time" class="reading-time">{shown}</p> }
}
