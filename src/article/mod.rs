//! The pure-Rust core: everything about an article that does not need a browser.
//!
//! Bytes come in, a validated [`Article`] (or a typed [`LoadError`]) comes out,
//! whatever the format: native, JSON-LD, JSON Feed or WordPress ([`Format`]).
//! Nothing here touches the DOM, so all of it is tested natively with `cargo test`.

pub mod bounds;
mod date;
mod engagement;
mod entities;
mod error;
mod fields;
mod html;
mod jsonfeed;
mod jsonld;
pub mod live;
mod model;
mod native;
mod promotions;
mod reading_time;
mod share;
mod url;
mod wordpress;
pub mod work;

pub use date::Timestamp;
pub use date::{relative_time, RelativeTime};
pub use engagement::{in_view, Actions, Viewability, VIEW_MS};
pub use error::{Invalid, LoadError, Withdrawal};
pub use fields::join;
pub use html::{html_to_blocks, html_to_text};
pub use model::{block_keys, Article, Block, Correction, Draft, Inline, Source, Text};
pub use promotions::{
    read_promotions, Group, Newsletter, PromotionLink, Promotions, PromotionsSource, MAX_GROUPS,
    MAX_LINKS, MAX_TEXT,
};
pub use reading_time::{
    reading_load, reading_time_minutes, ReadingLoad, CJK_CHARACTERS_PER_MINUTE, WORDS_PER_MINUTE,
};
pub use share::{parse_share_list, percent_encode, Network};
pub use url::resolve_http_url;

/// Article documents larger than this are rejected as `too-large` (contract §4).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// Reads an article document.
///
/// `document_url` is the absolute URL the document was fetched from (or the host
/// page's URL for inline JSON); relative URLs inside the article resolve against it.
pub fn read_article(bytes: &[u8], document_url: &str) -> Result<Article, LoadError> {
    let value = parse_document(bytes)?;
    match Format::of(&value) {
        Format::Native => read_native(value, document_url),
        format => read_publisher_format(value, format, document_url),
    }
}

/// The document's JSON, within the size cap and the nesting limit: the first
/// step of [`read_article`], which the browser build takes on its own so that
/// the publishers' readers can come in a later piece of the module.
pub fn parse_document(bytes: &[u8]) -> Result<serde_json::Value, LoadError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Invalid::NotUtf8)?;
    work::bytes(text.len());
    // serde_json stops at 128 levels of nesting (its recursion limit), so a hostile
    // document can neither overflow the stack nor be read past the contract's limit.
    serde_json::from_str(text).map_err(|error| Invalid::from_json_error(error).into())
}

/// A document in the contract's own format (§5).
pub fn read_native(value: serde_json::Value, document_url: &str) -> Result<Article, LoadError> {
    native::from_value(value, document_url)
}

/// A document in a publishers' format (JSON-LD, JSON Feed, WordPress); a
/// `Format::Native` one is read as native.
pub fn read_publisher_format(
    value: serde_json::Value,
    format: Format,
    document_url: &str,
) -> Result<Article, LoadError> {
    match format {
        Format::JsonLd => jsonld::find(&value).map_or(Err(Invalid::NotAnObject.into()), |node| {
            jsonld::read(node, &value, document_url)
        }),
        Format::JsonFeed => jsonfeed::read(&value, document_url),
        Format::WordPress => wordpress::find(&value)
            .map_or(Err(Invalid::NotAnObject.into()), |post| {
                wordpress::read(post, document_url)
            }),
        Format::Native => native::from_value(value, document_url),
    }
}

/// The article formats the widget reads, told apart by the document itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The contract's own JSON (§5); also what anything unrecognised is read as.
    Native,
    /// schema.org `Article` JSON-LD (`NewsArticle`, `BlogPosting` and other subtypes).
    JsonLd,
    /// JSON Feed 1.0/1.1.
    JsonFeed,
    /// A WordPress REST API post.
    WordPress,
}

impl Format {
    pub fn of(value: &serde_json::Value) -> Format {
        if jsonld::find(value).is_some() {
            Format::JsonLd
        } else if jsonfeed::is_feed(value) {
            Format::JsonFeed
        } else if wordpress::find(value).is_some() {
            Format::WordPress
        } else {
            Format::Native
        }
    }
}

/// The standfirst and body from a summary and a body: without a body, the summary
/// is all there is to show, as the body rather than twice.
fn summary_and_body(summary: Option<String>, body: Vec<Block>) -> (Option<String>, Vec<Block>) {
    match summary {
        Some(summary) if body.is_empty() => (
            None,
            vec![Block::Paragraph {
                text: summary.into(),
            }],
        ),
        summary => (summary, body),
    }
}

/// Puts the article's lead image first in its body, unless the body already shows it.
fn lead_image(body: &mut Vec<Block>, src: String) {
    let shown = body
        .iter()
        .any(|b| matches!(b, Block::Image { src: s, .. } if *s == src));
    if !shown {
        body.insert(
            0,
            Block::Image {
                src,
                alt: String::new(),
                caption: None,
                credit: None,
            },
        );
    }
}
