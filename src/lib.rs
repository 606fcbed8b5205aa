//! article-widget: a news article that partner sites embed with one script tag.
//!
//! - [`article`]: the pure core (model, parsing, validation, reading time, dates, URLs).
//! - [`config`]: the element's attributes, read and validated.
//! - [`i18n`]: UI strings and text direction per language.
//! - `view`: the Leptos components, one per `part`, and the events they send
//!   their element (wasm only).
//! - `net`: the network: the article's fetch, the promotions document's, the
//!   newsletter sign-up (wasm only).
//! - `embed`: the glue to the custom element in `embed.js`, which mounts the
//!   view (wasm only).
//! - `split`: the module's later pieces; `tasks`: yielding to the page (wasm only).

pub mod article;
pub mod config;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod net;
#[cfg(target_arch = "wasm32")]
mod split;
#[cfg(target_arch = "wasm32")]
mod tasks;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use embed::{mount, Widget};
