//! JSON Feed 1.0 and 1.1: a whole feed renders its first item, or the item whose
//! `id` is the `src` URL's fragment (`feed.json#item-id`).

use serde_json::Value;

use super::{
    fields::{self, join_names, link, strings, text, timestamp, Object},
    html::{html_to_blocks, html_to_text},
    Article, Block, Draft, Invalid, LoadError, Source,
};

/// A JSON Feed declares its version as a URL; many 1.0 feeds in the wild (and
/// generators such as WordPress's JSON Feed plugin) spell it `http://`.
pub fn is_feed(value: &Value) -> bool {
    let version = value
        .get("version")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let version = version
        .strip_prefix("https://")
        .or_else(|| version.strip_prefix("http://"))
        .unwrap_or_default();
    version.starts_with("jsonfeed.org/version/") && value.get("items").is_some_and(Value::is_array)
}

fn fragment(url: &str) -> Option<String> {
    let fragment = url.split_once('#')?.1;
    (!fragment.is_empty()).then(|| percent_decode(fragment))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An author object's `name`, or an author given as a bare name.
fn author_name(author: &Value) -> Option<String> {
    match author {
        Value::Object(author) => text(author, "name"),
        name => fields::clean(name),
    }
}

pub fn read(feed: &Value, document_url: &str) -> Result<Article, LoadError> {
    let items: Vec<&Object> = feed
        .get("items")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .collect();
    let item = match fragment(document_url) {
        Some(id) => items
            .iter()
            .find(|item| fields::id(item.get("id")).as_deref() == Some(id.as_str()))
            .ok_or(Invalid::NoSuchItem(id))?,
        None => items.first().ok_or(Invalid::MissingBody)?,
    };
    let feed = feed.as_object().ok_or(Invalid::NotAnObject)?;
    // The item's own `source` (a common extension) names the publisher best.
    let source = match item.get("source").and_then(Value::as_object) {
        Some(s) => Source {
            name: text(s, "name"),
            url: link(s, "url", document_url),
            logo: None,
        },
        None => Source {
            name: text(feed, "title").map(|t| html_to_text(&t)),
            url: link(feed, "home_page_url", document_url),
            logo: link(feed, "icon", document_url).or_else(|| link(feed, "favicon", document_url)),
        },
    };
    // 1.1's `authors`, else 1.0's `author`, the item's own before the feed's.
    let authors = item
        .get("authors")
        .or_else(|| item.get("author"))
        .or_else(|| feed.get("authors"))
        .or_else(|| feed.get("author"));
    let names = match authors {
        Some(Value::Array(list)) => list.iter().filter_map(author_name).collect(),
        Some(author) => author_name(author).into_iter().collect(),
        None => Vec::new(),
    };
    let mut body = match (text(item, "content_html"), text(item, "content_text")) {
        (Some(html), _) => html_to_blocks(&html, document_url),
        (None, Some(plain)) => plain
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Block::Paragraph { text: p.into() })
            .collect(),
        (None, None) => Vec::new(),
    };
    if let Some(src) =
        link(item, "image", document_url).or_else(|| link(item, "banner_image", document_url))
    {
        super::lead_image(&mut body, src);
    }
    Draft {
        id: fields::id(item.get("id")),
        url: link(item, "url", document_url).or_else(|| link(item, "external_url", document_url)),
        headline: text(item, "title")
            .map(|t| html_to_text(&t))
            .filter(|t| !t.is_empty()),
        standfirst: text(item, "summary")
            .map(|s| html_to_text(&s))
            .filter(|s| !s.is_empty()),
        byline: join_names(
            names
                .iter()
                .map(|n| super::fields::collapse_whitespace(n))
                .collect(),
        ),
        source: (source
            != Source {
                name: None,
                url: None,
                logo: None,
            })
        .then_some(source),
        published: timestamp(item, "date_published"),
        updated: timestamp(item, "date_modified"),
        reading_time_minutes: None,
        tags: strings(item.get("tags")),
        body,
        promotions: None,
        ..Draft::default()
    }
    .finish()
}
