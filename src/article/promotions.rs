//! The publisher's promotions (contract §7): a newsletter sign-up and groups of
//! links (apps, podcasts, where to watch), read leniently from the article's
//! `promotions` object or from a promotions document.
//!
//! Every field is optional; what breaks a rule is dropped, not fatal. Texts are
//! text. URLs are http(s) only, relative ones against the document holding
//! them; a sign-up `action` must be `https:` (an address never travels in the
//! clear), or `http:` to the reader's own machine (`localhost`, `127.0.0.1`,
//! `[::1]`: what browsers count as secure, for a publisher's local testing). Bounded: at most [`MAX_GROUPS`] groups of [`MAX_LINKS`] links, each
//! text at most [`MAX_TEXT`] characters.

use serde_json::Value;

use super::fields::{self, Object};

/// The most groups shown (contract §7).
pub const MAX_GROUPS: usize = 6;
/// The most links shown in a group (contract §7).
pub const MAX_LINKS: usize = 12;
/// The longest text kept (title, text, consent, a link's name or description),
/// in characters: longer is cut, with an ellipsis.
pub const MAX_TEXT: usize = 600;

/// What the publisher promotes under the article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Promotions {
    pub newsletter: Option<Newsletter>,
    pub groups: Vec<Group>,
}

/// A newsletter sign-up: a form posting to `action`, or else a link to `url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Newsletter {
    pub title: String,
    pub text: Option<String>,
    /// Where the form posts (`https:` only).
    pub action: Option<String>,
    /// The publisher's sign-up page.
    pub url: Option<String>,
    pub consent: Option<String>,
    pub terms_url: Option<String>,
    pub privacy_url: Option<String>,
}

/// A titled list of links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub title: String,
    pub links: Vec<PromotionLink>,
}

/// One promoted link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromotionLink {
    pub name: String,
    pub description: Option<String>,
    pub url: String,
}

/// Where an article's promotions come from, as read with it: the `promotions`
/// object as the document has it, and the document's URL for its relative
/// links. Read into [`Promotions`] (by [`read_promotions`]) only where they
/// are shown.
#[derive(Debug, Clone, PartialEq)]
pub struct PromotionsSource {
    pub value: Value,
    pub base: String,
}

impl PromotionsSource {
    /// The promotions, by the rules above; `None` when nothing is left to show.
    pub fn read(&self) -> Option<Promotions> {
        read_promotions(&self.value, &self.base)
    }
}

/// Reads a `promotions` object (contract §7); `None` when it is not an object
/// or nothing in it is left to show.
pub fn read_promotions(value: &Value, base: &str) -> Option<Promotions> {
    let object = value.as_object()?;
    let newsletter = object
        .get("newsletter")
        .and_then(Value::as_object)
        .and_then(|n| newsletter(n, base));
    let groups: Vec<Group> = match object.get("groups") {
        Some(Value::Array(groups)) => groups
            .iter()
            .filter_map(Value::as_object)
            .filter_map(|g| group(g, base))
            .take(MAX_GROUPS)
            .collect(),
        _ => Vec::new(),
    };
    (newsletter.is_some() || !groups.is_empty()).then_some(Promotions { newsletter, groups })
}

fn newsletter(object: &Object, base: &str) -> Option<Newsletter> {
    let title = text(object, "title")?;
    let action = fields::link(object, "action", base).filter(|url| is_secure(url));
    let url = fields::link(object, "url", base);
    if action.is_none() && url.is_none() {
        return None;
    }
    Some(Newsletter {
        title,
        text: text(object, "text"),
        action,
        url,
        consent: text(object, "consent"),
        terms_url: fields::link(object, "terms_url", base),
        privacy_url: fields::link(object, "privacy_url", base),
    })
}

/// `https:`, or `http:` to a loopback host (a potentially trustworthy origin).
fn is_secure(url: &str) -> bool {
    if url.starts_with("https:") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match host.rsplit_once(':') {
        Some((name, port))
            if !name.is_empty()
                && port.chars().all(|c| c.is_ascii_digit())
                && !name.ends_with(':') =>
        {
            name
        }
        _ => host,
    };
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

fn group(object: &Object, base: &str) -> Option<Group> {
    let title = text(object, "title")?;
    let links: Vec<PromotionLink> = match object.get("links") {
        Some(Value::Array(links)) => links
            .iter()
            .filter_map(Value::as_object)
            .filter_map(|link| {
                Some(PromotionLink {
                    name: text(link, "name")?,
                    description: text(link, "description"),
                    url: fields::link(link, "url", base)?,
                })
            })
            .take(MAX_LINKS)
            .collect(),
        _ => Vec::new(),
    };
    (!links.is_empty()).then_some(Group { title, links })
}

/// A text field, white space collapsed, at most [`MAX_TEXT`] characters.
fn text(object: &Object, key: &str) -> Option<String> {
    let text = fields::collapse_whitespace(&fields::text(object, key)?);
    Some(match text.char_indices().nth(MAX_TEXT) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BASE: &str = "https://news.example.com/api/articles/a.json";

    fn read(value: Value) -> Option<Promotions> {
        read_promotions(&value, BASE)
    }

    fn sample() -> Value {
        json!({
            "newsletter": {
                "title": "Get SBS News daily and direct to your Inbox",
                "text": "Sign up now for the latest news.",
                "action": "https://news.example.com/api/newsletter",
                "url": "/newsletter",
                "consent": "By subscribing, you agree to SBS's terms.",
                "terms_url": "https://news.example.com/terms",
                "privacy_url": "/privacy"
            },
            "groups": [
                { "title": "Download our apps", "links": [
                    { "name": "SBS News", "url": "https://apps.example.com/sbs-news" },
                    { "name": "SBS Audio", "url": "https://apps.example.com/sbs-audio" } ] },
                { "title": "Listen to our podcasts", "links": [
                    { "name": "SBS News In Depth", "description": "Interviews", "url": "/podcasts/in-depth" } ] }
            ]
        })
    }

    #[test]
    fn reads_the_contract_example_with_relative_urls_resolved() {
        let p = read(sample()).expect("promotions");
        let n = p.newsletter.expect("newsletter");
        assert_eq!(n.title, "Get SBS News daily and direct to your Inbox");
        assert_eq!(
            n.action.as_deref(),
            Some("https://news.example.com/api/newsletter")
        );
        assert_eq!(
            n.url.as_deref(),
            Some("https://news.example.com/newsletter")
        );
        assert_eq!(
            n.privacy_url.as_deref(),
            Some("https://news.example.com/privacy")
        );
        assert_eq!(p.groups.len(), 2);
        assert_eq!(
            p.groups[1].links[0].url,
            "https://news.example.com/podcasts/in-depth"
        );
        assert_eq!(
            p.groups[1].links[0].description.as_deref(),
            Some("Interviews")
        );
    }

    #[test]
    fn a_newsletter_needs_a_title_and_an_https_action_or_a_url() {
        let only = |n: Value| read(json!({ "newsletter": n })).and_then(|p| p.newsletter);
        assert!(
            only(json!({ "action": "https://x.example/s" })).is_none(),
            "no title"
        );
        assert!(
            only(json!({ "title": "T" })).is_none(),
            "neither action nor url"
        );
        // An http: action would send the address in the clear: dropped, and with no url nothing is left.
        assert!(only(json!({ "title": "T", "action": "http://x.example/s" })).is_none());
        let link_only = only(
            json!({ "title": "T", "action": "http://x.example/s", "url": "https://x.example/n" }),
        )
        .unwrap();
        assert_eq!(
            (link_only.action, link_only.url.as_deref()),
            (None, Some("https://x.example/n"))
        );
        assert!(only(json!({ "title": "T", "action": "javascript:alert(1)" })).is_none());
        // The reader's own machine counts as secure, as browsers count it; a look-alike does not.
        assert!(
            only(json!({ "title": "T", "action": "http://127.0.0.1:8080/api/newsletter" }))
                .is_some()
        );
        assert!(only(json!({ "title": "T", "action": "http://localhost/s" })).is_some());
        assert!(
            only(json!({ "title": "T", "action": "http://localhost.example.com/s" })).is_none()
        );
        assert!(
            only(json!({ "title": "T", "action": "http://127.0.0.1.example.com/s" })).is_none()
        );
        assert!(only(json!({ "title": "T", "action": "http://user@evil.example/s" })).is_none());
        assert!(only(json!({ "title": "T", "url": "data:text/html,x" })).is_none());
    }

    #[test]
    fn a_group_needs_a_title_and_a_link_with_a_name_and_an_http_url() {
        let groups = |g: Value| read(json!({ "groups": g })).map_or(0, |p| p.groups.len());
        assert_eq!(
            groups(json!([{ "links": [{ "name": "A", "url": "https://a.example" }] }])),
            0
        );
        assert_eq!(groups(json!([{ "title": "G", "links": [] }])), 0);
        assert_eq!(
            groups(json!([{ "title": "G", "links": [{ "name": "A", "url": "javascript:x" }] }])),
            0
        );
        assert_eq!(
            groups(json!([{ "title": "G", "links": [{ "url": "https://a.example" }] }])),
            0
        );
        assert_eq!(
            groups(
                json!([{ "title": "G", "links": [{ "name": "A", "url": "https://a.example" }] }])
            ),
            1
        );
    }

    #[test]
    fn wrong_types_are_ignored_not_fatal() {
        assert_eq!(read(json!("promotions")), None);
        assert_eq!(read(json!([1, 2])), None);
        assert_eq!(read(json!({ "newsletter": [], "groups": {} })), None);
        let p = read(json!({
            "newsletter": { "title": 5, "url": "https://x.example" },
            "groups": [7, null, "g", { "title": ["G"], "links": [] },
                { "title": "G", "links": [3, { "name": { "x": 1 }, "url": "https://a.example" }, { "name": "B", "url": 9 }, { "name": "C", "url": "https://c.example", "description": 4 }] }]
        }))
        .unwrap();
        assert_eq!(p.newsletter, None);
        assert_eq!(p.groups.len(), 1);
        assert_eq!(
            p.groups[0].links,
            vec![PromotionLink {
                name: "C".into(),
                description: None,
                url: "https://c.example/".into()
            }]
        );
    }

    #[test]
    fn at_most_six_groups_of_twelve_links() {
        let link = json!({ "name": "L", "url": "https://l.example" });
        let group = json!({ "title": "G", "links": vec![link; 300] });
        let p = read(json!({ "groups": vec![group; 100] })).unwrap();
        assert_eq!(p.groups.len(), MAX_GROUPS);
        assert!(p.groups.iter().all(|g| g.links.len() == MAX_LINKS));
    }

    #[test]
    fn texts_are_text_collapsed_and_bounded() {
        let long = "word ".repeat(1000);
        let p = read(json!({ "groups": [{ "title": "<b>Apps</b>\n\n  now", "links": [{ "name": long, "url": "https://a.example" }] }] })).unwrap();
        assert_eq!(p.groups[0].title, "<b>Apps</b> now", "markup stays text");
        let name = &p.groups[0].links[0].name;
        assert!(name.chars().count() <= MAX_TEXT + 1 && name.ends_with('…'));
    }

    #[test]
    fn the_source_reads_against_its_base() {
        let source = PromotionsSource {
            value: sample(),
            base: "https://other.example/x/doc.json".into(),
        };
        let p = source.read().unwrap();
        assert_eq!(
            p.newsletter.unwrap().url.as_deref(),
            Some("https://other.example/newsletter")
        );
    }
}
