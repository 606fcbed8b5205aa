//! "Never panics": arbitrary bytes and arbitrary JSON documents go through the
//! core's one entry point and always come back as a value, an article or an error.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::article::{
    html_to_blocks, html_to_text, read_article, resolve_http_url, Article, Block, Inline,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn json_value() -> impl Strategy<Value = Value> {
    json_value_with_keys(&[
        "type",
        "text",
        "items",
        "src",
        "headline",
        "body",
        "url",
        "published",
        "source",
        "ordered",
        "cite",
    ])
}

/// The keys the publishers' readers look for (JSON-LD, JSON Feed, WordPress).
const PUBLISHER_KEYS: &[&str] = &[
    "@graph",
    "@id",
    "@type",
    "headline",
    "articleBody",
    "author",
    "name",
    "url",
    "datePublished",
    "dateModified",
    "description",
    "image",
    "publisher",
    "logo",
    "mainEntityOfPage",
    "keywords",
    "version",
    "items",
    "id",
    "title",
    "content_html",
    "content_text",
    "summary",
    "date_published",
    "date_modified",
    "authors",
    "tags",
    "external_url",
    "rendered",
    "content",
    "excerpt",
    "date_gmt",
    "modified_gmt",
    "link",
    "_embedded",
    "yoast_head_json",
    "og_site_name",
    "source_url",
    "caption",
];

fn json_value_with_keys(keys: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("paragraph"),
            Just("quote"),
            Just("heading"),
            Just("list"),
            Just("image"),
            Just("javascript:alert(1)"),
            Just("https://x.example/a.jpg"),
            Just("2014-10-14T09:30:00Z"),
        ]
        .prop_map(|s| Value::String(s.to_owned())),
        prop_oneof![
            Just("NewsArticle"),
            Just("https://jsonfeed.org/version/1.1"),
            Just("<p>Some <a href='javascript:x'>HTML</a> &amp; more</p>"),
            Just("#b"),
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        let key = prop::sample::select(keys).prop_map(str::to_owned);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// HTML made of the tags the converter cares about, in any order and nesting.
fn html() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>"),
        Just("</p>"),
        Just("<blockquote>"),
        Just("</blockquote>"),
        Just("<ul>"),
        Just("</ul>"),
        Just("<li>"),
        Just("</li>"),
        Just("<figure>"),
        Just("</figure>"),
        Just("<figcaption>"),
        Just("</figcaption>"),
        Just("<img src='a.jpg' alt='x'>"),
        Just("<img src='javascript:x'>"),
        Just("<a href='javascript:alert(1)'>"),
        Just("<a href='/ok'>"),
        Just("</a>"),
        Just("<strong>"),
        Just("</strong>"),
        Just("<em>"),
        Just("<br>"),
        Just("<script>"),
        Just("</script>"),
        Just("<cite>"),
        Just("</cite>"),
        Just("<h2>"),
        Just("</h2>"),
        Just("&amp;"),
        Just("&#8217;"),
        Just("text "),
        Just("<"),
        Just("\u{0}"),
        Just("<!--"),
        Just("-->"),
    ];
    prop::collection::vec(piece, 0..64).prop_map(|pieces| pieces.concat())
}

/// What every article the core returns guarantees the view.
fn holds_the_invariants(article: &Article) -> Result<(), TestCaseError> {
    prop_assert!(!article.headline.trim().is_empty());
    prop_assert!(!article.body.is_empty());
    prop_assert!(article.reading_time_minutes >= 1);
    for block in &article.body {
        if let Block::Image { src, .. } = block {
            prop_assert!(src.starts_with("http://") || src.starts_with("https://"));
        }
    }
    if let Some(url) = &article.url {
        prop_assert!(url.starts_with("http://") || url.starts_with("https://"));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_html_never_panics_and_keeps_only_safe_urls(html in html(), noise in ".{0,40}") {
        let html = format!("{html}{noise}");
        let _ = html_to_text(&html);
        for block in html_to_blocks(&html, "https://n.example/a/") {
            let runs = match &block {
                Block::Paragraph { text } | Block::Heading { text } | Block::Quote { text, .. } => text.0.clone(),
                Block::List { items, .. } => items.iter().flat_map(|i| i.0.clone()).collect(),
                Block::Image { src, .. } => {
                    prop_assert!(src.starts_with("https://") || src.starts_with("http://"));
                    Vec::new()
                }
            };
            for inline in runs {
                if let Inline::Run { link: Some(link), .. } = inline {
                    prop_assert!(link.starts_with("https://") || link.starts_with("http://") || link.starts_with("mailto:"));
                }
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_article(&bytes, "https://n.example/a.json");
    }

    #[test]
    fn arbitrary_documents_never_panic_and_valid_ones_hold_the_invariants(
        headline in proptest::option::of(json_value()),
        body in json_value(),
        extra in json_value(),
    ) {
        let doc = json!({ "headline": headline, "body": body, "url": extra.clone(), "source": extra });
        if let Ok(article) = read_article(doc.to_string().as_bytes(), "https://n.example/a.json") {
            holds_the_invariants(&article)?;
        }
    }

    #[test]
    fn arbitrary_publisher_documents_never_panic_and_valid_ones_hold_the_invariants(
        shape in 0..4usize,
        fields in prop::collection::btree_map(prop::sample::select(PUBLISHER_KEYS).prop_map(str::to_owned), json_value_with_keys(PUBLISHER_KEYS), 0..10),
        headline in ".{0,24}",
        body in html(),
    ) {
        let mut fields: serde_json::Map<String, Value> = fields.into_iter().collect();
        // Each reader gets a headline and an HTML body where it looks for them, among
        // arbitrary values in every other field; the fourth shape is left as it came.
        let doc = match shape {
            0 => {
                fields.insert("@type".into(), json!("NewsArticle"));
                fields.insert("headline".into(), json!(headline));
                fields.insert("articleBody".into(), json!(body));
                json!([{ "@graph": [Value::Object(fields)] }])
            }
            1 => {
                fields.insert("id".into(), json!("b"));
                fields.insert("title".into(), json!(headline));
                fields.insert("content_html".into(), json!(body));
                json!({ "version": "https://jsonfeed.org/version/1.1", "items": [Value::Object(fields)] })
            }
            2 => {
                fields.insert("title".into(), json!({ "rendered": headline }));
                fields.insert("content".into(), json!({ "rendered": body }));
                json!([Value::Object(fields)])
            }
            _ => Value::Object(fields),
        };
        let url = if shape == 1 { "https://n.example/feed.json#b" } else { "https://n.example/a.json" };
        if let Ok(article) = read_article(doc.to_string().as_bytes(), url) {
            holds_the_invariants(&article)?;
        }
    }
}

#[path = "support/url_inputs.rs"]
mod url_inputs;

/// What a kept URL must be: `http(s)` with a host, serialised (ASCII, no spaces),
/// and final (resolving it again, against any base, gives itself).
fn is_a_kept_url(url: &str) -> Result<(), TestCaseError> {
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .and_then(|rest| rest.split(['/', '?', '#']).next());
    prop_assert!(host.is_some_and(|host| !host.is_empty()), "{url:?}");
    prop_assert!(
        url.is_ascii() && !url.contains(|c: char| c.is_ascii_whitespace() || c.is_ascii_control())
    );
    for base in url_inputs::BASES {
        let again = resolve_http_url(url, base);
        prop_assert_eq!(again.as_deref(), Some(url));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Pieces of tricky URLs strung together at random; the browser test compares
    /// the same inputs with the platform's parser.
    #[test]
    fn kept_urls_are_final_http_urls_and_unicode_spaces_never_move_the_host(
        pieces in prop::collection::vec(prop::sample::select(url_inputs::pieces()), 0..7),
        base in prop::sample::select(&url_inputs::BASES[..]),
    ) {
        let reference = pieces.concat();
        if let Some(url) = resolve_http_url(&reference, base) {
            is_a_kept_url(&url)?;
            // A leading Unicode space is no scheme: the URL stays on the document's host.
            if reference.starts_with(|c: char| !c.is_ascii() && c.is_whitespace()) {
                let origin = base.split('/').take(3).collect::<Vec<_>>().join("/");
                prop_assert!(url.starts_with(&format!("{origin}/")), "{reference:?} → {url}");
            }
        }
    }
}

#[test]
fn every_combination_of_tricky_pieces_keeps_only_final_http_urls() {
    for reference in url_inputs::exhaustive(1) {
        for base in url_inputs::BASES {
            if let Some(url) = resolve_http_url(&reference, base) {
                if let Err(error) = is_a_kept_url(&url) {
                    panic!("{reference:?} against {base}: {error}");
                }
            }
        }
    }
}
