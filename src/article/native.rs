//! The native article JSON (contract §5) → [`Article`].
//!
//! Lenient where the contract allows (unknown fields and block types, optional
//! fields of the wrong type are ignored), strict where it must be (headline and a
//! renderable body are required). Text is text: never HTML.

use serde_json::Value;

use super::{
    fields::{self, inline_link, link, text, Object},
    Article, Block, Draft, Inline, Invalid, LoadError, Source, Text, Timestamp,
};

/// Reads a parsed native document. `document_url` is the absolute URL relative
/// URLs resolve against.
pub fn from_value(value: &Value, document_url: &str) -> Result<Article, LoadError> {
    let object = value.as_object().ok_or(Invalid::NotAnObject)?;
    let url = link(object, "url", document_url);
    let invalid = |reason| LoadError::Invalid {
        reason,
        canonical_url: url.clone(),
    };
    if text(object, "headline").is_none() {
        return Err(invalid(Invalid::MissingHeadline));
    }
    let blocks = match object.get("body").and_then(Value::as_array) {
        Some(blocks) if !blocks.is_empty() => blocks,
        _ => return Err(invalid(Invalid::MissingBody)),
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
    Draft {
        id: fields::id(object.get("id")),
        url,
        headline: text(object, "headline"),
        standfirst: text(object, "standfirst"),
        byline: text(object, "byline"),
        source,
        // The native format is strict RFC 3339.
        published: text(object, "published").and_then(|t| Timestamp::parse(&t)),
        updated: text(object, "updated").and_then(|t| Timestamp::parse(&t)),
        reading_time_minutes: match object.get("reading_time_minutes").and_then(Value::as_u64) {
            Some(minutes @ 1..=1_000) => Some(minutes as u32),
            _ => None,
        },
        tags: fields::strings(object.get("tags")),
        body: blocks
            .iter()
            .filter_map(|b| block(b.as_object()?, document_url))
            .collect(),
    }
    .finish()
}

fn block(block: &Object, document_url: &str) -> Option<Block> {
    match block.get("type")?.as_str()? {
        "paragraph" => Some(Block::Paragraph {
            text: rich_text(block, document_url)?,
        }),
        "heading" => Some(Block::Heading {
            text: rich_text(block, document_url)?,
        }),
        "quote" => Some(Block::Quote {
            text: rich_text(block, document_url)?,
            cite: text(block, "cite"),
        }),
        "list" => {
            let items: Vec<Text> = block
                .get("items")?
                .as_array()?
                .iter()
                .filter_map(|item| match item {
                    Value::Object(item) => rich_text(item, document_url),
                    item => fields::clean(item).map(Text::from),
                })
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

/// `"text": "…"`, or `"runs": [{ "text", "strong", "emphasis", "href" } | { "break": true }]`.
fn rich_text(object: &Object, document_url: &str) -> Option<Text> {
    let Some(runs) = object.get("runs").and_then(Value::as_array) else {
        return text(object, "text").map(Text::from);
    };
    let mut rich = Text::default();
    for run in runs.iter().filter_map(Value::as_object) {
        if run.get("break").and_then(Value::as_bool) == Some(true) {
            rich.0.push(Inline::Break);
        } else if let Some(text) = run.get("text").and_then(Value::as_str) {
            let flag = |key| run.get(key).and_then(Value::as_bool).unwrap_or(false);
            let href = run
                .get("href")
                .and_then(Value::as_str)
                .and_then(|h| inline_link(h, document_url));
            rich.push(text, flag("strong"), flag("emphasis"), href.as_deref());
        }
    }
    (!rich.is_blank()).then(|| rich.trimmed())
}
