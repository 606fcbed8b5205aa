use leptos::prelude::*;

use crate::i18n::{direction, later, strings, Later, Strings};

/// The UI strings of the widget's language, as the view reads them: a change of
/// `lang` updates every string, `dir` and `lang` in place.
///
/// Each string is a `Signal<&'static str>` picked by a plain `fn`, so every
/// label in the view is one type, rendered by one piece of code. (Updating the
/// language in place measured 1 KB of gzipped wasm against strings read once.)
#[derive(Clone, Copy)]
pub struct Words {
    /// The language (BCP 47).
    pub lang: Memo<String>,
    strings: Signal<&'static Strings>,
}

impl Words {
    pub fn new(lang: Memo<String>) -> Words {
        Words {
            lang,
            strings: Signal::derive(move || strings(&lang.read())),
        }
    }

    /// The strings themselves (tracked).
    pub fn get(self) -> &'static Strings {
        self.strings.get()
    }

    /// One string, as the view shows it.
    pub fn say(self, pick: fn(&'static Strings) -> &'static str) -> Signal<&'static str> {
        let strings = self.strings;
        Signal::derive(move || pick(strings.get()))
    }

    /// The later pieces' strings (tracked): read only by code in those pieces,
    /// which their tables come with.
    pub fn later(self) -> &'static Later {
        later(&self.lang.read())
    }

    /// One of the later pieces' strings, as the view shows it.
    pub fn say_later(self, pick: fn(&'static Later) -> &'static str) -> Signal<&'static str> {
        let lang = self.lang;
        Signal::derive(move || pick(later(&lang.read())))
    }

    /// The `dir` attribute for the language.
    pub fn dir(self) -> Signal<&'static str> {
        let lang = self.lang;
        Signal::derive(move || direction(&lang.read()))
    }
}
