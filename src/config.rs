//! The `<article-widget>` attributes (contract §2), read and validated.
//!
//! Pure: the embed layer hands over a getter, so the rules are tested natively.
//! Unknown values fall back to the default and are reported, so the embed layer
//! can log one console warning per widget.

use crate::article::{join, parse_share_list, Network};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
    Host,
}

/// Which URL the share controls share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareUrl {
    /// The article's canonical `url`; no controls when it has none.
    Article,
    /// The host page's URL.
    Page,
}

/// What the "Continue reading" control of a preview does (contract §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Continue {
    /// Reveals the rest of the body in place.
    Expand,
    /// Links to the article's canonical URL (in a new tab).
    Link,
}

/// Where the publisher's promotions come from (contract §7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromotionsFrom {
    /// The article's own `promotions`, if any.
    Article,
    /// Never show promotions.
    None,
    /// A promotions document at this URL (as written: resolved against the page
    /// by the fetch), which replaces the article's.
    Document(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    Lazy,
    Eager,
}

pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
pub const DEFAULT_HEADING_LEVEL: u8 = 2;
/// The most body blocks a `preview` may ask for.
pub const MAX_PREVIEW: u32 = 50;
/// `live="auto"`: how often a shown article is checked for a newer version.
pub const DEFAULT_LIVE_SECONDS: u32 = 300;
/// The range of a `live` interval in seconds.
pub const LIVE_SECONDS: std::ops::RangeInclusive<u32> = 10..=3600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The `src` attribute as written (resolved against the page by the fetcher).
    pub src: Option<String>,
    pub theme: Theme,
    /// The BCP 47 tag for UI strings, dates and direction.
    pub lang: String,
    pub loading: Loading,
    pub timeout_ms: u32,
    pub heading_level: u8,
    /// The share controls, in order; empty for `share="none"`.
    pub share: Vec<Network>,
    pub share_url: ShareUrl,
    /// `preview`: show only this many body blocks (1–50), then "Continue reading".
    pub preview: Option<usize>,
    pub continue_to: Continue,
    /// `promotions`: `auto` (the article's), `none`, or a document's URL.
    pub promotions: PromotionsFrom,
    /// `live`: seconds between checks for a newer version; `None` for `off`.
    pub live: Option<u32>,
}

impl Config {
    /// `attribute` returns an attribute of the element; `inherited_lang` is the
    /// nearest `lang` up the host's tree. Returns the config and the problems found.
    pub fn from_attributes(
        attribute: impl Fn(&str) -> Option<String>,
        inherited_lang: Option<String>,
    ) -> (Config, Vec<String>) {
        let mut problems = Vec::new();
        let mut read = |name: &str, parse: &dyn Fn(&str) -> bool| -> Option<String> {
            let value = attribute(name)?.trim().to_ascii_lowercase();
            if parse(&value) {
                Some(value)
            } else {
                problems.push(format!(
                    "{name}=\"{value}\" is not a known value; using the default"
                ));
                None
            }
        };
        let theme = match read("theme", &|v| {
            matches!(v, "auto" | "light" | "dark" | "host")
        })
        .as_deref()
        {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some("host") => Theme::Host,
            _ => Theme::Auto,
        };
        let loading = match read("loading", &|v| matches!(v, "lazy" | "eager")).as_deref() {
            Some("eager") => Loading::Eager,
            _ => Loading::Lazy,
        };
        let timeout_ms = read("timeout", &|v| v.parse::<u32>().is_ok_and(|ms| ms > 0))
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_TIMEOUT_MS);
        let heading_level = read("heading-level", &|v| {
            matches!(v, "1" | "2" | "3" | "4" | "5" | "6")
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_HEADING_LEVEL);
        let share_url = match read("share-url", &|v| matches!(v, "article" | "page")).as_deref() {
            Some("page") => ShareUrl::Page,
            _ => ShareUrl::Article,
        };
        let preview = read("preview", &|v| {
            v.parse::<u32>()
                .is_ok_and(|n| (1..=MAX_PREVIEW).contains(&n))
        })
        .and_then(|v| v.parse::<u32>().ok())
        .map(|n| n as usize);
        let continue_to = match read("continue", &|v| matches!(v, "expand" | "link")).as_deref() {
            Some("link") => Continue::Link,
            _ => Continue::Expand,
        };
        let live = match read("live", &|v| {
            v == "auto" || v == "off" || v.parse().is_ok_and(|s| LIVE_SECONDS.contains(&s))
        })
        .as_deref()
        {
            Some("off") => None,
            Some("auto") | None => Some(DEFAULT_LIVE_SECONDS),
            Some(seconds) => seconds.parse().ok(),
        };
        let (share, unknown) = parse_share_list(attribute("share").as_deref());
        if !unknown.is_empty() {
            let names = join(unknown.iter().map(|name| format!("\"{name}\"")), ", ");
            problems.push(format!("share: ignored unknown names {names}"));
        }
        let lang = [attribute("lang"), inherited_lang]
            .into_iter()
            .flatten()
            .map(|l| l.trim().to_owned())
            .find(|l| is_language_tag(l))
            .unwrap_or_else(|| "en".to_owned());
        // Anything but `auto` and `none` is a URL; one that does not resolve is
        // reported by the fetch.
        let promotions = match attribute("promotions").map(|p| p.trim().to_owned()) {
            None => PromotionsFrom::Article,
            Some(p) if p.is_empty() || p.eq_ignore_ascii_case("auto") => PromotionsFrom::Article,
            Some(p) if p.eq_ignore_ascii_case("none") => PromotionsFrom::None,
            Some(url) => PromotionsFrom::Document(url),
        };
        let src = attribute("src")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        (
            Config {
                src,
                theme,
                lang,
                loading,
                timeout_ms,
                heading_level,
                share,
                share_url,
                preview,
                continue_to,
                promotions,
                live,
            },
            problems,
        )
    }
}

/// Loosely BCP 47: letters, digits and hyphens, starting with a 2–8 letter language.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    (2..=8).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(attributes: &[(&str, &str)], inherited: Option<&str>) -> (Config, Vec<String>) {
        let attributes: Vec<(String, String)> = attributes
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_attributes(
            |name| {
                attributes
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            },
            inherited.map(str::to_owned),
        )
    }

    #[test]
    fn defaults_follow_the_contract() {
        let (c, problems) = config(&[], None);
        assert_eq!(c.src, None);
        assert_eq!(c.theme, Theme::Auto);
        assert_eq!(c.lang, "en");
        assert_eq!(c.loading, Loading::Lazy);
        assert_eq!(c.timeout_ms, 10_000);
        assert_eq!(c.heading_level, 2);
        assert_eq!(c.share, Network::ALL);
        assert_eq!(c.share_url, ShareUrl::Article);
        assert_eq!((c.preview, c.continue_to), (None, Continue::Expand));
        assert!(problems.is_empty());
    }

    #[test]
    fn preview_and_continue_follow_contract_section_6() {
        let (c, problems) = config(&[("preview", "3"), ("continue", "Link")], None);
        assert_eq!((c.preview, c.continue_to), (Some(3), Continue::Link));
        assert!(problems.is_empty());
        assert_eq!(config(&[("preview", "1")], None).0.preview, Some(1));
        assert_eq!(config(&[("preview", "50")], None).0.preview, Some(50));
        for bad in ["0", "51", "-2", "2.5", "three", ""] {
            let (c, problems) = config(&[("preview", bad), ("continue", "tab")], None);
            assert_eq!(
                (c.preview, c.continue_to),
                (None, Continue::Expand),
                "{bad}"
            );
            assert_eq!(problems.len(), 2, "{bad}: {problems:?}");
        }
    }

    #[test]
    fn reads_every_valid_value() {
        let (c, problems) = config(
            &[
                ("src", " a.json "),
                ("theme", "Dark"),
                ("lang", "fr-CA"),
                ("loading", "eager"),
                ("timeout", "2500"),
                ("heading-level", "4"),
                ("share", "email,copy"),
                ("share-url", "page"),
            ],
            Some("de"),
        );
        assert_eq!(c.src.as_deref(), Some("a.json"));
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.lang, "fr-CA");
        assert_eq!(c.loading, Loading::Eager);
        assert_eq!(c.timeout_ms, 2500);
        assert_eq!(c.heading_level, 4);
        assert_eq!(c.share, [Network::Email, Network::Copy]);
        assert_eq!(c.share_url, ShareUrl::Page);
        assert!(problems.is_empty());
        assert_eq!(config(&[("theme", "host")], None).0.theme, Theme::Host);
        assert_eq!(config(&[("theme", "light")], None).0.theme, Theme::Light);
    }

    #[test]
    fn unknown_values_fall_back_and_are_reported() {
        let (c, problems) = config(
            &[
                ("theme", "purple"),
                ("loading", "soon"),
                ("timeout", "-5"),
                ("heading-level", "7"),
                ("share", "x,myspace"),
                ("share-url", "elsewhere"),
            ],
            None,
        );
        assert_eq!(
            (c.theme, c.loading, c.timeout_ms, c.heading_level),
            (Theme::Auto, Loading::Lazy, 10_000, 2)
        );
        assert_eq!(
            (c.share, c.share_url),
            (vec![Network::X], ShareUrl::Article)
        );
        assert_eq!(problems.len(), 6, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("myspace")));
        assert!(problems[0].contains("theme=\"purple\""));
        assert_eq!(config(&[("timeout", "0")], None).1.len(), 1);
        assert_eq!(config(&[("heading-level", "two")], None).1.len(), 1);
    }

    #[test]
    fn lang_comes_from_the_attribute_then_the_host_tree_then_english() {
        assert_eq!(config(&[("lang", "es")], Some("de")).0.lang, "es");
        assert_eq!(config(&[], Some("de-AT")).0.lang, "de-AT");
        assert_eq!(config(&[("lang", "")], Some("ar")).0.lang, "ar");
        assert_eq!(config(&[("lang", "<script>")], None).0.lang, "en");
        assert_eq!(config(&[], Some("x")).0.lang, "en");
    }

    #[test]
    fn empty_src_is_no_src() {
        assert_eq!(config(&[("src", "  ")], None).0.src, None);
    }

    #[test]
    fn promotions_are_the_article_s_none_or_a_document() {
        assert_eq!(config(&[], None).0.promotions, PromotionsFrom::Article);
        assert_eq!(
            config(&[("promotions", "AUTO")], None).0.promotions,
            PromotionsFrom::Article
        );
        assert_eq!(
            config(&[("promotions", " none ")], None).0.promotions,
            PromotionsFrom::None
        );
        assert_eq!(
            config(&[("promotions", " /promotions.json ")], None)
                .0
                .promotions,
            PromotionsFrom::Document("/promotions.json".into())
        );
        assert!(
            config(&[("promotions", "/p.json")], None).1.is_empty(),
            "no warning"
        );
    }

    #[test]
    fn live_is_auto_off_or_seconds_from_ten_to_an_hour() {
        let live = |value: &str| {
            let (config, problems) = config(&[("live", value)], None);
            (config.live, problems.len())
        };
        assert_eq!(config(&[], None).0.live, Some(300));
        assert_eq!(live("auto"), (Some(300), 0));
        assert_eq!(live(" OFF "), (None, 0));
        assert_eq!(live("10"), (Some(10), 0));
        assert_eq!(live("3600"), (Some(3600), 0));
        for out_of_range in ["9", "0", "-30", "3601", "1e3", "soon", "", "99999999999"] {
            assert_eq!(live(out_of_range), (Some(300), 1), "{out_of_range}");
        }
    }
}
