use wasm_bindgen::JsValue;
use web_sys::Node;

use super::{intl, View};
use crate::{
    article::{relative_time, Source, Timestamp},
    i18n::strings,
};

/// `part="byline"`: the author(s) and/or the source, linked when it has a URL.
pub fn byline(
    view: &View,
    parent: &Node,
    byline: Option<&str>,
    source: Option<&Source>,
) -> Result<(), JsValue> {
    // "SBS News · SBS News" says nothing twice.
    let name = source
        .and_then(|s| s.name.as_deref())
        .filter(|name| byline != Some(*name));
    if byline.is_none() && name.is_none() {
        return Ok(());
    }
    let p = view.element(parent, "p", &[("part", "byline"), ("class", "byline")])?;
    if let Some(byline) = byline {
        let author = view.element(&p, "span", &[("class", "author")])?;
        view.text(&author, byline)?;
        if name.is_some() {
            view.text(&p, " · ")?;
        }
    }
    if let Some(name) = name {
        let source = match source.and_then(|s| s.url.as_deref()) {
            Some(href) => view.element(
                &p,
                "a",
                &[
                    ("class", "source"),
                    ("href", href),
                    ("target", "_blank"),
                    ("rel", "noopener noreferrer"),
                ],
            )?,
            None => view.element(&p, "span", &[("class", "source")])?,
        };
        view.text(&source, name)?;
    }
    Ok(())
}

/// `part="published"` / `part="updated"`: a `<time>` in the reader's language:
/// "3 hours ago" when recent, the date and time otherwise (and on hover).
pub fn timestamp(
    view: &View,
    parent: &Node,
    part: &str,
    label: &str,
    time: &Timestamp,
) -> Result<(), JsValue> {
    let lang = view.config.lang.as_str();
    let absolute =
        intl::format_date_time(time.epoch_ms, lang).unwrap_or_else(|| time.rfc3339.clone());
    let now = js_sys::Date::now() as i64;
    let shown = relative_time(time.epoch_ms, now)
        .and_then(|relative| intl::format_relative(relative, lang))
        .unwrap_or_else(|| absolute.clone());
    let wrapper = view.element(parent, "span", &[("class", part)])?;
    let label_element = view.element(&wrapper, "span", &[("class", "label")])?;
    view.text(&label_element, label)?;
    view.text(&label_element, " ")?;
    let time_element = view.element(
        &wrapper,
        "time",
        &[
            ("part", part),
            ("datetime", &time.rfc3339),
            ("title", &absolute),
        ],
    )?;
    view.text(&time_element, &shown)
}

/// `part="reading-time"`: "2 min read", plural-correct in every language.
pub fn reading_time(view: &View, parent: &Node, minutes: u32) -> Result<(), JsValue> {
    let lang = view.config.lang.as_str();
    let text = strings(lang).reading_time.format(
        &intl::plural_category(minutes, lang),
        &intl::format_number(minutes, lang),
    );
    let p = view.element(
        parent,
        "p",
        &[("part", "reading-time"), ("class", "reading-time")],
    )?;
    view.text(&p, &text)
}
