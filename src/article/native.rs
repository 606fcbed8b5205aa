//! The native article JSON (contract §5) → [`Article`].
//!
//! Lenient where the contract allows (unknown fields and block types, optional
//! fields of the wrong type are ignored), strict where it must be (headline and a
//! renderable body are required).

use serde_json::{Map, Value};

use super::{
    reading_load, reading_time_minutes, resolve_http_url, Article, Block, Invalid, LoadError,
    Source, Timestamp,
};

/// Reads a parsed native document. `document_url` is the absolute URL relative
/// URLs resolve against.
pub fn from_value(value: &Value, document_url: &str) -> Result<Article, LoadError> {
    let object = value.as_object().ok_or(Invalid::NotAnObject)?;
    let url = object
        .get("url")
        .and_then(Value::as_str)
        .and_then(|u| resolve_http_url(u, document_url));
    let invalid = |reason| LoadError::Invalid {
        reason,
        canonical_url: url.clone(),
    };

    let headline = text(object, "headline").ok_or_else(|| invalid(Invalid::MissingHeadline))?;
    let blocks = match object.get("body").and_then(Value::as_array) {
        Some(blocks) if !blocks.is_empty() => blocks,
        _ => return Err(invalid(Invalid::MissingBody)),
    };
    let body: Vec<Block> = blocks
        .iter()
        .filter_map(|b| block(b.as_object()?, document_url))
        .collect();
    if body.is_empty() {
        return Err(invalid(Invalid::NothingToShow));
    }

    let published = text(object, "published").and_then(|t| Timestamp::parse(&t));
    let updated = text(object, "updated")
        .and_then(|t| Timestamp::parse(&t))
        .filter(|u| published.as_ref().is_none_or(|p| p.epoch_ms != u.epoch_ms));
    let id = match object.get("id") {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => text(object, "id"),
    };
    let source = object
        .get("source")
        .and_then(Value::as_object)
        .and_then(|s| {
            let source = Source {
                name: text(s, "name"),
                url: link(s, "url", document_url),
                logo: link(s, "logo", document_url),
            };
            (source
                != Source {
                    name: None,
                    url: None,
                    logo: None,
                })
            .then_some(source)
        });
    let tags = object
        .get("tags")
        .and_then(Value::as_array)
        .map(|tags| tags.iter().filter_map(clean).collect())
        .unwrap_or_default();

    let mut article = Article {
        id,
        url,
        headline,
        standfirst: text(object, "standfirst"),
        byline: text(object, "byline"),
        source,
        published,
        updated,
        reading_time_minutes: 1,
        tags,
        body,
    };
    article.reading_time_minutes = match object.get("reading_time_minutes").and_then(Value::as_u64)
    {
        Some(minutes @ 1..=1_000) => minutes as u32,
        _ => reading_time_minutes(reading_load(article.reading_text())),
    };
    Ok(article)
}

fn block(block: &Map<String, Value>, document_url: &str) -> Option<Block> {
    match block.get("type")?.as_str()? {
        "paragraph" => Some(Block::Paragraph {
            text: text(block, "text")?,
        }),
        "heading" => Some(Block::Heading {
            text: text(block, "text")?,
        }),
        "quote" => Some(Block::Quote {
            text: text(block, "text")?,
            cite: text(block, "cite"),
        }),
        "list" => {
            let items: Vec<String> = block
                .get("items")?
                .as_array()?
                .iter()
                .filter_map(clean)
                .collect();
            let ordered = block
                .get("ordered")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            (!items.is_empty()).then_some(Block::List { ordered, items })
        }
        "image" => Some(Block::Image {
            src: link(block, "src", document_url)?,
            alt: text(block, "alt").unwrap_or_default(),
            caption: text(block, "caption"),
            credit: text(block, "credit"),
        }),
        _ => None,
    }
}

/// A non-empty, trimmed string field; anything else (missing, `null`, a number) is absent.
fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    clean(object.get(key)?)
}

fn clean(value: &Value) -> Option<String> {
    let text = value.as_str()?.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn link(object: &Map<String, Value>, key: &str, document_url: &str) -> Option<String> {
    resolve_http_url(object.get(key)?.as_str()?, document_url)
}
