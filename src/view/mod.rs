//! The Leptos view: small components, each named after the `part` it renders.
//!
//! `widget.rs` holds a widget's state in signals (loading → article or error, a
//! retry under way) and switches between the skeleton, the article and the error
//! panel; every other file renders one visible piece. A component reads the live
//! settings it shows (the language through [`Ui`], the heading level, the share
//! list), so an attribute change re-renders only what depends on it.

mod article;
mod body;
mod error;
mod icons;
mod intl;
mod meta;
mod share;
mod skeleton;
mod widget;

use leptos::prelude::*;

pub use widget::Widget;

use crate::i18n::{direction, strings, Strings};

/// The UI language (a BCP 47 tag), live: strings, numbers, dates and direction
/// follow it. Read inside a reactive closure, each accessor subscribes to it.
#[derive(Clone, Copy)]
pub struct Ui(Memo<String>);

impl Ui {
    pub fn lang(self) -> String {
        self.0.get()
    }

    pub fn text(self) -> &'static Strings {
        self.0.with(|lang| strings(lang))
    }

    /// The strings now, without subscribing (for event handlers and tasks).
    pub fn text_untracked(self) -> &'static Strings {
        self.0.with_untracked(|lang| strings(lang))
    }

    pub fn dir(self) -> &'static str {
        self.0.with(|lang| direction(lang))
    }
}
