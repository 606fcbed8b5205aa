//! The Leptos view: small components, each named after the `part` it renders.

mod article;
mod body;
mod error;
mod icons;
mod intl;
mod meta;
mod share;
mod skeleton;
mod widget;

pub use widget::Widget;
