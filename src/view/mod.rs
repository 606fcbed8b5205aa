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
    /// The tag, live: `lang=ui.lang()` in a view.
    pub fn lang(self) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.0.get()
    }

    /// The text direction of the UI language, live: `dir=ui.dir()` in a view.
    pub fn dir(self) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.0.with(|lang| direction(lang))
    }

    /// The strings, read inside a reactive closure (which then follows the language).
    pub fn text(self) -> &'static Strings {
        self.0.with(|lang| strings(lang))
    }

    /// One UI string, live: `ui.t(|t| t.retry)` as a view child or attribute.
    /// Every call returns the same closure type, so Leptos compiles its render
    /// code once for all of them rather than once per string.
    pub fn t(
        self,
        pick: fn(&Strings) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.text())
    }

    /// The strings now, without subscribing (for event handlers and tasks).
    pub fn text_untracked(self) -> &'static Strings {
        self.0.with_untracked(|lang| strings(lang))
    }

    /// The tag, read inside a reactive closure (which then follows it).
    pub fn tag(self) -> String {
        self.0.get()
    }

    /// The tag now, without subscribing.
    pub fn lang_untracked(self) -> String {
        self.0.get_untracked()
    }
}
