//! The view: one small function per `part`, building DOM with `web-sys`.
//!
//! `widget.rs` owns a widget's state (loading → article or error, retry, the
//! listeners) and `dom.rs` the three helpers everything builds with; every other
//! file renders one visible piece and is named after its `part`.

mod article;
mod body;
mod dom;
mod error;
mod icons;
mod intl;
mod meta;
mod share;
mod skeleton;
mod widget;

pub use widget::View;
