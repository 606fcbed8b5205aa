//! The pure-Rust core: everything about an article that does not need a browser.
//!
//! Bytes come in, a validated [`Article`] (or a typed [`LoadError`]) comes out.
//! Nothing here touches the DOM, so all of it is tested natively with `cargo test`.

mod date;
mod error;
mod model;
mod native;
mod reading_time;
mod share;
mod url;

pub use date::Timestamp;
pub use date::{relative_time, RelativeTime};
pub use error::{Invalid, LoadError};
pub use model::{Article, Block, Source};
pub use reading_time::{
    reading_load, reading_time_minutes, ReadingLoad, CJK_CHARACTERS_PER_MINUTE, WORDS_PER_MINUTE,
};
pub use share::{parse_share_list, percent_encode, Network};
pub use url::{resolve_http_url, resolve_url};

/// Article documents larger than this are rejected as `too-large` (contract §4).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// Reads an article document.
///
/// `document_url` is the absolute URL the document was fetched from (or the host
/// page's URL for inline JSON); relative URLs inside the article resolve against it.
pub fn read_article(bytes: &[u8], document_url: &str) -> Result<Article, LoadError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Invalid::NotUtf8)?;
    // serde_json stops at 128 levels of nesting (its recursion limit), so a hostile
    // document can neither overflow the stack nor be read past the contract's limit.
    let value: serde_json::Value = serde_json::from_str(text).map_err(Invalid::from_json_error)?;
    native::from_value(&value, document_url)
}
