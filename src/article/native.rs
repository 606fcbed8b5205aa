//! The native article JSON (contract §5) → [`Article`], read by `serde` into the
//! typed document below.
//!
//! Lenient where the contract allows: unknown fields and block types are ignored,
//! and an optional field of the wrong type is absent ([`Lenient`]). Strict where
//! it must be: a headline and a renderable body are required. Text is text:
//! never HTML.

use std::{fmt, marker::PhantomData};

use serde::{
    de::{
        value::{MapAccessDeserializer, SeqAccessDeserializer},
        Error, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor,
    },
    Deserialize, Deserializer,
};
use serde_json::Value;

use super::{
    fields::{self, inline_link},
    resolve_http_url, work, Article, Block, Correction, Draft, Inline, Invalid, LoadError,
    PromotionsSource, Source, Text, Timestamp,
};

/// A field that is `Some` only when it has the expected type: anything else
/// (`null`, a number for a string, an object for a list) reads as absent instead
/// of failing the whole document, as the contract asks of optional fields.
#[derive(Debug)]
pub struct Lenient<T>(pub Option<T>);

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Lenient(None)
    }
}

/// The kind of JSON value a field's type is read from. Only that kind is tried,
/// so `serde` never builds (and the wasm never carries) the messages of type
/// errors, which include a float printer.
#[derive(PartialEq, Eq)]
pub enum Shape {
    Text,
    Boolean,
    Number,
    List,
    Object,
    /// Any JSON value, kept as it is.
    Any,
}

/// A type a [`Lenient`] field can hold.
pub trait Expected {
    const SHAPE: Shape;
}

impl Expected for String {
    const SHAPE: Shape = Shape::Text;
}

impl Expected for bool {
    const SHAPE: Shape = Shape::Boolean;
}

impl Expected for u64 {
    const SHAPE: Shape = Shape::Number;
}

impl<T> Expected for Vec<T> {
    const SHAPE: Shape = Shape::List;
}

impl Expected for Value {
    const SHAPE: Shape = Shape::Any;
}

impl<'de, T: Deserialize<'de> + Expected> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor(PhantomData))
    }
}

/// Takes whatever JSON comes and tries it as a `T` if it is the kind `T` is read
/// from; a list or an object is always read to its end (a parsed `Value` insists).
struct LenientVisitor<T>(PhantomData<T>);

impl<T> LenientVisitor<T> {
    fn fits(shape: Shape) -> bool
    where
        T: Expected,
    {
        T::SHAPE == shape || T::SHAPE == Shape::Any
    }
}

impl<'de, T: Deserialize<'de> + Expected> Visitor<'de> for LenientVisitor<T> {
    type Value = Lenient<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E: Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(primitive(Self::fits(Shape::Boolean), v))
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(primitive(Self::fits(Shape::Number), v))
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(primitive(Self::fits(Shape::Number), v))
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(primitive(Self::fits(Shape::Number), v))
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(primitive(Self::fits(Shape::Text), v))
    }

    fn visit_string<E: Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(primitive(Self::fits(Shape::Text), v))
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(primitive(Self::fits(Shape::Any), ()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if Self::fits(Shape::List) {
            return Ok(Lenient(
                T::deserialize(SeqAccessDeserializer::new(seq)).ok(),
            ));
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Lenient(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        if Self::fits(Shape::Object) {
            return Ok(Lenient(
                T::deserialize(MapAccessDeserializer::new(map)).ok(),
            ));
        }
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Lenient(None))
    }
}

/// A number, string, boolean or `null` tried as a `T` when it `fits`.
fn primitive<'de, T: Deserialize<'de>, V: IntoDeserializer<'de, Mismatch>>(
    fits: bool,
    v: V,
) -> Lenient<T> {
    Lenient(
        fits.then(|| T::deserialize(v.into_deserializer()).ok())
            .flatten(),
    )
}

/// Why a value did not fit its field, which is all a lenient field needs to know:
/// `serde`'s messages are never formatted.
#[derive(Debug)]
struct Mismatch;

impl Error for Mismatch {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Mismatch
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("mismatch")
    }
}

impl std::error::Error for Mismatch {}

/// A text field as the document has it.
type Str = Lenient<String>;

/// The document (contract §5); every field optional at this stage.
#[derive(Deserialize)]
struct Document {
    /// A string or an integer.
    #[serde(default)]
    id: Lenient<Value>,
    #[serde(default)]
    url: Str,
    #[serde(default)]
    headline: Str,
    #[serde(default)]
    standfirst: Str,
    #[serde(default)]
    byline: Str,
    #[serde(default)]
    source: Lenient<SourceFields>,
    #[serde(default)]
    published: Str,
    #[serde(default)]
    updated: Str,
    #[serde(default)]
    reading_time_minutes: Lenient<u64>,
    /// A list of strings, or one string.
    #[serde(default)]
    tags: Lenient<Value>,
    #[serde(default)]
    promotions: Lenient<Value>,
    #[serde(default)]
    body: Lenient<Vec<Lenient<Piece>>>,
    /// `published` (the default) or `withdrawn`.
    #[serde(default)]
    status: Str,
    #[serde(default)]
    notice: Str,
    /// `{ "text", "date" }` objects (read as pieces: one reader fewer).
    #[serde(default)]
    corrections: Lenient<Vec<Lenient<Piece>>>,
}

#[derive(Deserialize)]
struct SourceFields {
    #[serde(default)]
    name: Str,
    #[serde(default)]
    url: Str,
    #[serde(default)]
    logo: Str,
}

/// A piece of the body: a block (its `type` telling which fields apply), a list
/// item given as an object, or an inline run. One struct for the three, and flat
/// rather than an internally tagged enum (which `serde` buffers): `serde`
/// compiles a reader per struct, 1.4 KB of wasm each.
#[derive(Deserialize)]
struct Piece {
    #[serde(default, rename = "type")]
    kind: Str,
    #[serde(default)]
    text: Str,
    #[serde(default)]
    runs: Lenient<Vec<Lenient<Piece>>>,
    #[serde(default)]
    cite: Str,
    #[serde(default)]
    ordered: Lenient<bool>,
    /// Strings, or `{ "runs": […] }` objects.
    #[serde(default)]
    items: Lenient<Vec<Value>>,
    #[serde(default)]
    src: Str,
    #[serde(default)]
    alt: Str,
    #[serde(default)]
    caption: Str,
    #[serde(default)]
    credit: Str,
    // As an inline run:
    #[serde(default)]
    strong: Lenient<bool>,
    #[serde(default)]
    emphasis: Lenient<bool>,
    #[serde(default)]
    href: Str,
    #[serde(default, rename = "break")]
    line_break: Lenient<bool>,
    // As a correction:
    #[serde(default)]
    date: Str,
}

impl Expected for Document {
    const SHAPE: Shape = Shape::Object;
}

impl Expected for SourceFields {
    const SHAPE: Shape = Shape::Object;
}

impl Expected for Piece {
    const SHAPE: Shape = Shape::Object;
}

/// Reads a parsed native document. `document_url` is the absolute URL relative
/// URLs resolve against.
pub fn from_value(value: Value, document_url: &str) -> Result<Article, LoadError> {
    // Through `Lenient` like every field: `serde`'s type errors are never made.
    let document = Lenient::<Document>::deserialize(value)
        .ok()
        .and_then(|document| document.0)
        .ok_or(Invalid::NotAnObject)?;
    let link = |field: Str| resolve_http_url(&field.0?, document_url);
    let url = link(document.url);
    let invalid = |reason| LoadError::Invalid {
        reason,
        canonical_url: url.clone(),
    };
    let source = document.source.0.and_then(|s| {
        let source = Source {
            name: text(s.name),
            url: link(s.url),
            logo: link(s.logo),
        };
        (source.name.is_some() || source.url.is_some() || source.logo.is_some()).then_some(source)
    });
    // A withdrawn article needs neither headline nor body (`Draft::finish`).
    let withdrawn = text(document.status).is_some_and(|s| s.eq_ignore_ascii_case("withdrawn"));
    let headline = text(document.headline);
    let blocks = document.body.0.unwrap_or_default();
    if !withdrawn {
        if headline.is_none() {
            return Err(invalid(Invalid::MissingHeadline));
        }
        if blocks.is_empty() {
            return Err(invalid(Invalid::MissingBody));
        }
    }
    Draft {
        id: fields::id(document.id.0.as_ref()),
        url,
        headline,
        standfirst: text(document.standfirst),
        byline: text(document.byline),
        source,
        // The native format is strict RFC 3339.
        published: text(document.published).and_then(|t| Timestamp::parse(&t)),
        updated: text(document.updated).and_then(|t| Timestamp::parse(&t)),
        reading_time_minutes: match document.reading_time_minutes.0 {
            Some(minutes @ 1..=1_000) => Some(minutes as u32),
            _ => None,
        },
        tags: fields::strings(document.tags.0.as_ref()),
        promotions: document
            .promotions
            .0
            .filter(Value::is_object)
            .map(|value| PromotionsSource {
                value,
                base: document_url.to_owned(),
            }),
        body: blocks
            .into_iter()
            .filter_map(|b| block(b.0?, document_url))
            .collect(),
        corrections: document
            .corrections
            .0
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| {
                work::items(1);
                let c = c.0?;
                Some(Correction {
                    text: text(c.text)?,
                    date: text(c.date).and_then(|t| Timestamp::parse(&t)),
                })
            })
            .collect(),
        withdrawn,
        notice: text(document.notice),
    }
    .finish()
}

/// A non-empty, trimmed text.
fn text(field: Str) -> Option<String> {
    let text = field.0?;
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

fn block(block: Piece, document_url: &str) -> Option<Block> {
    work::items(1);
    let kind = block.kind.0?;
    match kind.as_str() {
        "paragraph" => Some(Block::Paragraph {
            text: rich_text(block.text, block.runs, document_url)?,
        }),
        "heading" => Some(Block::Heading {
            text: rich_text(block.text, block.runs, document_url)?,
        }),
        "quote" => Some(Block::Quote {
            text: rich_text(block.text, block.runs, document_url)?,
            cite: text(block.cite),
        }),
        "list" => {
            let items: Vec<Text> = block
                .items
                .0?
                .into_iter()
                .filter_map(|item| match item {
                    Value::Object(_) => {
                        work::items(1);
                        let item = Lenient::<Piece>::deserialize(item).ok()?.0?;
                        rich_text(item.text, item.runs, document_url)
                    }
                    item => fields::clean(&item).map(Text::from),
                })
                .collect();
            let ordered = block.ordered.0.unwrap_or(false);
            (!items.is_empty()).then_some(Block::List { ordered, items })
        }
        "image" => Some(Block::Image {
            src: resolve_http_url(&block.src.0?, document_url)?,
            alt: text(block.alt).unwrap_or_default(),
            caption: text(block.caption),
            credit: text(block.credit),
        }),
        _ => None,
    }
}

/// `"text": "…"`, or `"runs": [{ "text", "strong", "emphasis", "href" } | { "break": true }]`.
fn rich_text(plain: Str, runs: Lenient<Vec<Lenient<Piece>>>, document_url: &str) -> Option<Text> {
    let Some(runs) = runs.0 else {
        return text(plain).map(Text::from);
    };
    let mut rich = Text::default();
    for run in runs.into_iter().filter_map(|run| run.0) {
        work::items(1);
        if run.line_break.0 == Some(true) {
            rich.0.push(Inline::Break);
        } else if let Some(text) = run.text.0 {
            let href = run
                .href
                .0
                .and_then(|h| inline_link(&h, document_url))
                .map(std::sync::Arc::from);
            rich.push(
                &text,
                run.strong.0.unwrap_or(false),
                run.emphasis.0.unwrap_or(false),
                href.as_ref(),
            );
        }
    }
    (!rich.is_blank()).then(|| rich.trimmed())
}
