//! UI strings and text direction, per language.
//!
//! Adding a language is one file: copy `en.rs`, translate it, and add it to
//! `LANGUAGES` below. A tag without strings falls back to its base language
//! (`fr-CA` → `fr`), then to English (contract §2).

mod en;

/// Every string the widget shows that does not come from the article.
pub struct Strings {
    /// The base language tag these strings are for.
    pub lang: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub loading: &'static str,
    pub reading_time: fn(u32) -> String,
    pub error_title: &'static str,
    pub error_network: &'static str,
    pub error_http: &'static str,
    pub error_timeout: &'static str,
    pub error_too_large: &'static str,
    pub error_invalid: &'static str,
    pub retry: &'static str,
    pub read_on_site: &'static str,
}

const LANGUAGES: &[&Strings] = &[&en::STRINGS];

/// The strings for a BCP 47 tag.
pub fn strings(lang: &str) -> &'static Strings {
    let base = lang.split(['-', '_']).next().unwrap_or_default();
    LANGUAGES
        .iter()
        .find(|s| s.lang.eq_ignore_ascii_case(base))
        .copied()
        .unwrap_or(&en::STRINGS)
}

/// Right-to-left scripts, by base language.
pub fn is_rtl(lang: &str) -> bool {
    let base = lang
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        base.as_str(),
        "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_base_language_then_english() {
        assert_eq!(strings("en-GB").lang, "en");
        assert_eq!(strings("xx-YY").lang, "en");
        assert_eq!(strings("").lang, "en");
    }

    #[test]
    fn english_reading_time() {
        assert_eq!((strings("en").reading_time)(2), "2 min read");
        assert_eq!((strings("en").reading_time)(1), "1 min read");
    }

    #[test]
    fn knows_right_to_left_languages() {
        assert!(is_rtl("ar"));
        assert!(is_rtl("he-IL"));
        assert!(!is_rtl("en"));
        assert!(!is_rtl("fr-CA"));
    }
}
