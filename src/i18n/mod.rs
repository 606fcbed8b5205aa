//! UI strings and text direction, per language.
//!
//! Adding a language is one file: copy `en.rs` to `xx.rs` (its base language
//! tag), translate it, and list it in `LANGUAGES` below. A tag without strings
//! falls back to its base language (`fr-CA` → `fr`), then to English (contract §2).

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod zh;

use crate::article::Network;

/// The strings the first screen shows: the loading and error states, the
/// article's head, and the share controls' place.
pub struct Strings {
    /// The base language tag these strings are for.
    pub lang: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub loading: &'static str,
    /// "{n} min read", by CLDR plural category (chosen with `Intl.PluralRules`).
    pub reading_time: Plural,
    pub error_title: &'static str,
    pub error_network: &'static str,
    pub error_http: &'static str,
    pub error_timeout: &'static str,
    pub error_too_large: &'static str,
    pub error_invalid: &'static str,
    pub retry: &'static str,
    /// The share controls' group label.
    pub share_label: &'static str,
    /// In place of a part of the widget whose code could not be loaded.
    pub piece_failed: &'static str,
    /// A withdrawn article's notice (contract §8), and with who withdrew it:
    /// what comes before the name, and after it.
    pub withdrawn: &'static str,
    pub withdrawn_by: (&'static str, &'static str),
    /// The notice's link to the article's canonical URL.
    pub withdrawn_link: &'static str,
    /// The corrections' heading, for one and for more.
    pub correction: &'static str,
    pub corrections: &'static str,
}

/// The strings of what comes in the module's later pieces (share controls,
/// continue, attribution, promotions, the error panel's actions): only those
/// pieces read them, so their tables come with them, not in the first module.
pub struct Later {
    pub read_on_site: &'static str,
    /// The control after a preview's blocks (contract §6).
    pub continue_reading: &'static str,
    /// The attribution: what comes before the publisher's name, and after it.
    pub originally_published: (&'static str, &'static str),
    /// The link to the original article in the attribution.
    pub read_original: &'static str,
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
    /// The promotions' label (contract §7): before the publisher's name, and after it.
    pub more_from: (&'static str, &'static str),
    /// Their label when the article names no publisher.
    pub more_from_publisher: &'static str,
    /// The newsletter form's field label.
    pub email_address: &'static str,
    /// The newsletter form's button, and the link to the publisher's sign-up page.
    pub sign_up: &'static str,
    /// Announced (and shown in place of the form) once a sign-up was answered with 2xx.
    pub subscribed: &'static str,
    /// Announced when a sign-up failed; the address stays in the field.
    pub subscribe_failed: &'static str,
    /// The links after the sign-up's consent text.
    pub terms: &'static str,
    pub privacy: &'static str,
    /// The bar over an article a newer version of which is waiting (contract §8).
    pub article_updated: &'static str,
    /// Its button.
    pub show_latest: &'static str,
}

impl Later {
    /// The accessible name of a share control.
    pub fn share_control(&self, network: Network) -> &'static str {
        share_control(network)(self)
    }
}

/// Which of the [`Later`] strings names a share control (the view reads it live).
pub fn share_control(network: Network) -> fn(&Later) -> &'static str {
    match network {
        Network::Native => |t| t.share_native,
        Network::Facebook => |t| t.share_facebook,
        Network::X => |t| t.share_x,
        Network::Linkedin => |t| t.share_linkedin,
        Network::Whatsapp => |t| t.share_whatsapp,
        Network::Email => |t| t.share_email,
        Network::Copy => |t| t.copy_link,
    }
}

const LANGUAGES: &[&Strings] = &[
    &en::STRINGS,
    &es::STRINGS,
    &fr::STRINGS,
    &de::STRINGS,
    &ar::STRINGS,
    &zh::STRINGS,
];

/// The later strings, in the order of [`LANGUAGES`].
const LATER_LANGUAGES: &[&Later] = &[
    &en::LATER,
    &es::LATER,
    &fr::LATER,
    &de::LATER,
    &ar::LATER,
    &zh::LATER,
];

/// A message with plural forms; `{n}` stands for the (already formatted) number.
/// Forms a language does not distinguish fall back to `other`.
pub struct Plural {
    pub zero: Option<&'static str>,
    pub one: Option<&'static str>,
    pub two: Option<&'static str>,
    pub few: Option<&'static str>,
    pub many: Option<&'static str>,
    pub other: &'static str,
}

impl Plural {
    /// Only `other`: for languages without plural forms in this message.
    pub const fn same(other: &'static str) -> Plural {
        Plural {
            zero: None,
            one: None,
            two: None,
            few: None,
            many: None,
            other,
        }
    }

    /// `category` is a CLDR plural category (`zero`, `one`, `two`, `few`, `many`, `other`).
    pub fn format(&self, category: &str, number: &str) -> String {
        let form = match category {
            "zero" => self.zero,
            "one" => self.one,
            "two" => self.two,
            "few" => self.few,
            "many" => self.many,
            _ => None,
        };
        form.unwrap_or(self.other).replace("{n}", number)
    }
}

/// Which of [`LANGUAGES`] a BCP 47 tag reads (its base language, else English).
fn language(lang: &str) -> usize {
    let base = lang.split(['-', '_']).next().unwrap_or_default();
    LANGUAGES
        .iter()
        .position(|s| s.lang.eq_ignore_ascii_case(base))
        .unwrap_or(0)
}

/// The strings for a BCP 47 tag.
pub fn strings(lang: &str) -> &'static Strings {
    LANGUAGES[language(lang)]
}

/// The later pieces' strings for a BCP 47 tag.
pub fn later(lang: &str) -> &'static Later {
    LATER_LANGUAGES[language(lang)]
}

/// The `dir` attribute for UI in `lang`.
pub fn direction(lang: &str) -> &'static str {
    if is_rtl(lang) {
        "rtl"
    } else {
        "ltr"
    }
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
    fn reading_time_in_every_language() {
        let read =
            |lang: &str, category: &str, n: &str| strings(lang).reading_time.format(category, n);
        assert_eq!(read("en", "other", "2"), "2 min read");
        assert_eq!(read("en", "one", "1"), "1 min read");
        assert_eq!(read("es", "other", "2"), "2 min de lectura");
        assert_eq!(read("fr", "one", "1"), "1 min de lecture");
        assert_eq!(read("de", "other", "2"), "2 Min. Lesezeit");
        assert_eq!(read("zh", "other", "2"), "阅读需 2 分钟");
        assert_eq!(read("ar", "one", "١"), "دقيقة واحدة للقراءة");
        assert_eq!(read("ar", "two", "٢"), "دقيقتان للقراءة");
        assert_eq!(read("ar", "few", "٣"), "٣ دقائق للقراءة");
        assert_eq!(read("ar", "many", "١١"), "١١ دقيقة للقراءة");
    }

    #[test]
    fn six_languages_each_by_its_base_tag() {
        for lang in ["en", "es", "fr", "de", "ar", "zh"] {
            assert_eq!(strings(lang).lang, lang);
        }
        assert_eq!(strings("zh-Hant-TW").lang, "zh");
        assert_eq!(strings("ES-mx").lang, "es");
        assert_eq!(strings("ar_EG").lang, "ar");
    }

    #[test]
    fn every_language_translates_every_string() {
        let en = strings("en");
        for lang in ["es", "fr", "de", "ar", "zh"] {
            let s = strings(lang);
            let pairs = [
                (s.published, en.published),
                (s.updated, en.updated),
                (s.loading, en.loading),
                (s.error_title, en.error_title),
                (s.retry, en.retry),
                (s.share_label, en.share_label),
            ];
            let (l, later_en) = (later(lang), later("en"));
            let later_pairs = [
                (l.copy_link, later_en.copy_link),
                (l.link_copied, later_en.link_copied),
                (l.continue_reading, later_en.continue_reading),
                (l.originally_published.0, later_en.originally_published.0),
                (l.read_original, later_en.read_original),
            ];
            for (translated, english) in later_pairs {
                assert!(
                    !translated.is_empty() && translated != english,
                    "{lang}: {english}"
                );
            }
            for (translated, english) in pairs {
                assert!(
                    !translated.is_empty() && translated != english,
                    "{lang}: {english}"
                );
            }
            assert!(s.reading_time.other.contains("{n}"), "{lang}");
            assert!(
                !l.originally_published.0.is_empty() && !l.originally_published.0.contains('{'),
                "{lang}"
            );
        }
    }

    #[test]
    fn every_share_control_has_a_name() {
        let en = later("en");
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
