//! The Leptos view: small components, each named after the `part` it renders.

mod article;
mod body;
mod error;
mod intl;
mod meta;
mod skeleton;
mod widget;

pub use widget::Widget;
