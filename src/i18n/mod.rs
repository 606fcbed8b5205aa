//! UI strings and text direction, per language.
//!
//! Adding a language is one file: copy `en.rs`, translate it, and add it to
//! `LANGUAGES` below. A tag without strings falls back to its base language
//! (`fr-CA` → `fr`), then to English (contract §2).

mod en;

use crate::article::Network;

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
    /// The share controls' group label.
    pub share_label: &'static str,
    pub share_native: &'static str,
    pub share_facebook: &'static str,
    pub share_x: &'static str,
    pub share_linkedin: &'static str,
    pub share_whatsapp: &'static str,
    pub share_email: &'static str,
    pub copy_link: &'static str,
    /// Shown on the copy button, and announced, once the link is on the clipboard.
    pub link_copied: &'static str,
    /// Announced when the clipboard refused: the link is then shown, selected.
    pub copy_failed: &'static str,
}

impl Strings {
    /// The accessible name of a share control.
    pub fn share_control(&self, network: Network) -> &'static str {
        match network {
            Network::Native => self.share_native,
            Network::Facebook => self.share_facebook,
            Network::X => self.share_x,
            Network::Linkedin => self.share_linkedin,
            Network::Whatsapp => self.share_whatsapp,
            Network::Email => self.share_email,
            Network::Copy => self.copy_link,
        }
    }
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
    fn every_share_control_has_a_name() {
        let en = strings("en");
        assert_eq!(en.share_control(Network::Facebook), "Share on Facebook");
        assert_eq!(en.share_control(Network::Copy), "Copy link");
        for network in Network::ALL {
            assert!(!en.share_control(network).is_empty());
        }
    }

    #[test]
    fn knows_right_to_left_languages() {
        assert!(is_rtl("ar"));
        assert!(is_rtl("he-IL"));
        assert!(!is_rtl("en"));
        assert!(!is_rtl("fr-CA"));
    }
}
