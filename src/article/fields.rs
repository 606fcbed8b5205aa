//! Reading fields out of JSON leniently: a field of the wrong type is absent.
//! Shared by every format reader.

use serde_json::{Map, Value};

use super::{resolve_http_url, work, Timestamp};

pub type Object = Map<String, Value>;

/// A non-empty, trimmed string field; anything else (missing, `null`, a number) is absent.
pub fn text(object: &Object, key: &str) -> Option<String> {
    clean(object.get(key)?)
}

pub fn clean(value: &Value) -> Option<String> {
    let text = value.as_str()?.trim();
    work::bytes(text.len());
    (!text.is_empty()).then(|| text.to_owned())
}

/// A property's values: schema.org lets every property have one or several.
pub fn values(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        Some(value) => std::slice::from_ref(value),
        None => &[],
    }
}

/// The first non-empty text among a property's values: a string, or a JSON-LD
/// value object's `@value` (`{"@value": "…", "@language": "en"}`).
pub fn first_text(object: &Object, key: &str) -> Option<String> {
    values(object.get(key))
        .iter()
        .find_map(|value| clean(value).or_else(|| value.get("@value").and_then(clean)))
}

/// An `http(s)` URL field, resolved against the document.
pub fn link(object: &Object, key: &str, document_url: &str) -> Option<String> {
    resolve_http_url(object.get(key)?.as_str()?, document_url)
}

/// A link inside article text: `http(s)` resolved against the document, or `mailto:`.
pub fn inline_link(href: &str, document_url: &str) -> Option<String> {
    // The URL Standard's trim (C0 controls and space), not Unicode's: a browser
    // keeps U+00A0 and reads it as part of a path.
    let href = href.trim_matches(|c: char| c <= ' ');
    let is_mailto = href
        .get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto:"));
    if is_mailto {
        return (href.len() <= super::bounds::MAX_URL
            && !href.chars().any(|c| c.is_control() || c.is_whitespace()))
        .then(|| href.to_owned());
    }
    resolve_http_url(href, document_url)
}

/// The strings of an array field (or a lone string), non-empty and trimmed.
pub fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(clean).collect(),
        Some(value) => clean(value).into_iter().collect(),
        None => Vec::new(),
    }
}

/// A date field: RFC 3339, or (for publishers' formats) a date and time without a
/// time zone, or a bare date, both read as UTC.
pub fn timestamp(object: &Object, key: &str) -> Option<Timestamp> {
    Timestamp::parse_lenient(&text(object, key)?)
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: Vec<String>) -> Option<String> {
    let mut names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    names.dedup();
    let last = names.pop()?;
    let mut joined = join(&names, ", ");
    if !joined.is_empty() {
        joined.push_str(" and ");
    }
    joined.push_str(&last);
    Some(joined)
}

/// Collapses runs of white space into single spaces.
pub fn collapse_whitespace(text: &str) -> String {
    work::bytes(text.len());
    join(text.split_whitespace(), " ")
}

/// `parts` joined by `separator`: one small loop where `[T]::join` would be
/// compiled again for every element type.
pub fn join<T: AsRef<str>>(parts: impl IntoIterator<Item = T>, separator: &str) -> String {
    let mut joined = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            joined.push_str(separator);
        }
        joined.push_str(part.as_ref());
    }
    work::bytes(joined.len());
    joined
}

/// An `id` as publishers write it: a string, or an integer.
pub fn id(value: Option<&Value>) -> Option<String> {
    match value? {
        value @ Value::String(_) => clean(value),
        // Integers only: through `u64`/`i64` rather than `Number`'s own formatting,
        // which would bring a float printer into the `.wasm`.
        Value::Number(n) => n
            .as_u64()
            .map(|n| n.to_string())
            .or_else(|| n.as_i64().map(|n| n.to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_joined_naturally() {
        let names = |list: &[&str]| join_names(list.iter().map(|s| s.to_string()).collect());
        assert_eq!(names(&[]), None);
        assert_eq!(names(&["A"]).as_deref(), Some("A"));
        assert_eq!(names(&["A", "B"]).as_deref(), Some("A and B"));
        assert_eq!(names(&["A", "B", "C"]).as_deref(), Some("A, B and C"));
        assert_eq!(names(&["A", "A"]).as_deref(), Some("A"));
    }

    #[test]
    fn inline_links_allow_mailto_but_nothing_else_odd() {
        let base = "https://n.example/a/b.json";
        assert_eq!(
            inline_link("mailto:desk@n.example", base).as_deref(),
            Some("mailto:desk@n.example")
        );
        assert_eq!(
            inline_link("MAILTO:desk@n.example", base).as_deref(),
            Some("MAILTO:desk@n.example")
        );
        assert_eq!(
            inline_link("../c", base).as_deref(),
            Some("https://n.example/c")
        );
        assert_eq!(inline_link("mailto:a@b.example\n?bcc=x", base), None);
        assert_eq!(inline_link("javascript:alert(1)", base), None);
        assert_eq!(inline_link("tel:+123", base), None);
    }
}
