//! article-widget: a news article that partner sites embed with one script tag.
//!
//! - [`article`]: the pure core (model, parsing, validation, reading time, dates, URLs).
//! - [`config`]: the element's attributes, read and validated.
//! - [`i18n`]: UI strings and text direction per language.
//! - `view`: the Leptos components, one per `part` (wasm only).
//! - `embed`: the glue to the custom element in `embed.js` (wasm only).

pub mod article;
pub mod config;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod split;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use embed::{mount, Widget};
