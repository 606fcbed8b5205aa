//! Fuzzing in the project: real publishers' documents (every fixture
//! and the demo's article), mutated the way a broken CMS or a hostile publisher
//! would (bytes flipped, cut, repeated, and markup and JSON tokens spliced in),
//! go through `read_article` and the HTML converter. Each must come back as a
//! value, never a panic, and an article must hold the contract's invariants and
//! stay within every bound of `article::bounds`.
//!
//! Briefly in scripts/test (256 cases); longer, as the README says:
//! `PROPTEST_CASES=20000 cargo test --profile measure --test fuzz`.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::article::{
    bounds::{
        MAX_BLOCKS, MAX_BODY_CHARS, MAX_BYLINE, MAX_HEADLINE, MAX_INLINES, MAX_STANDFIRST, MAX_URL,
    },
    html_to_blocks, read_article, Article, Block, Inline, Text,
};
use proptest::{prelude::*, test_runner::Config};

/// Every real document the project has.
fn seeds() -> Vec<Vec<u8>> {
    let mut paths = vec!["demo/articles/us-russia-intel.json".to_owned()];
    for format in ["jsonld", "jsonfeed", "wordpress"] {
        let dir = format!("tests/fixtures/formats/{format}");
        let mut found: Vec<String> = std::fs::read_dir(&dir)
            .expect("fixtures")
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path().display().to_string())
            .filter(|path| path.ends_with(".json"))
            .collect();
        found.sort();
        paths.extend(found);
    }
    paths
        .iter()
        .map(|path| std::fs::read(path).expect("fixture"))
        .collect()
}

/// What a mutation splices in: the tokens the readers and the converter act on.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<p>",
    "</p>",
    "<br>",
    "<a href=\"",
    "</a>",
    "<b>",
    "<i>",
    "<ul><li>",
    "</li>",
    "<blockquote>",
    "<figure><img src=\"x.jpg\">",
    "<figcaption>",
    "<script>",
    "</script>",
    "<title>",
    "<!--",
    "-->",
    "&amp;",
    "&#",
    "&#x",
    "&",
    ";",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "true",
    "1e999",
    "\"@id\":\"#a\"",
    "\"@type\":\"NewsArticle\"",
    "\"@graph\":[",
    "\"name\":[\"A\",\"B\"]",
    "\"author\":",
    "\"headline\":",
    "\"body\":[",
    "\"runs\":[",
    "\"content_html\":\"",
    "javascript:",
    "https://x.example/",
    "\u{202e}",
    "日本語",
    "\u{feff}",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip {
        at: usize,
        bit: u8,
    },
    Delete {
        at: usize,
        len: usize,
    },
    Repeat {
        at: usize,
        len: usize,
        times: usize,
    },
    Splice {
        at: usize,
        token: usize,
        times: usize,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..64, 1usize..200).prop_map(|(at, len, times)| Mutation::Repeat {
            at,
            len,
            times
        }),
        (any::<usize>(), 0..TOKENS.len(), 1usize..300)
            .prop_map(|(at, token, times)| Mutation::Splice { at, token, times }),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len().max(1);
        match *mutation {
            Mutation::Flip { at, bit } => {
                if let Some(byte) = bytes.get_mut(at % len) {
                    *byte ^= 1 << bit;
                }
            }
            Mutation::Delete { at, len: n } => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Repeat { at, len: n, times } => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    let piece = bytes[at..end].repeat(times);
                    bytes.splice(end..end, piece);
                }
            }
            Mutation::Splice { at, token, times } => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, TOKENS[token].repeat(times).into_bytes());
            }
        }
    }
    bytes
}

/// Every string in `value`, in document order.
fn strings<'a>(value: &'a mut serde_json::Value, found: &mut Vec<&'a mut String>) {
    match value {
        serde_json::Value::String(text) => found.push(text),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|item| strings(item, found)),
        serde_json::Value::Object(object) => {
            object.values_mut().for_each(|item| strings(item, found))
        }
        _ => {}
    }
}

/// The document with one of its strings mutated (a CMS's broken body, a
/// hostile headline): the JSON stays valid, so the readers see the damage.
fn mutate_a_string(bytes: &[u8], which: usize, mutations: &[Mutation]) -> Option<Vec<u8>> {
    let mut value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let mut found = Vec::new();
    strings(&mut value, &mut found);
    let count = found.len();
    let text = found.into_iter().nth(which % count.max(1))?;
    *text =
        String::from_utf8_lossy(&mutate(std::mem::take(text).into_bytes(), mutations)).into_owned();
    serde_json::to_vec(&value).ok()
}

fn is_safe_link(url: &str) -> bool {
    url.len() <= MAX_URL
        && (url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:"))
}

/// Characters counted against the body's bound (an ellipsis marks each cut).
fn chars(text: &Text) -> usize {
    text.plain().chars().count()
}

/// The contract's invariants and the bounds, for an article the core returned.
fn check(article: &Article) -> Result<(), TestCaseError> {
    prop_assert!(!article.headline.trim().is_empty());
    prop_assert!(article.headline.chars().count() <= MAX_HEADLINE + 1);
    prop_assert!(article
        .standfirst
        .as_ref()
        .is_none_or(|s| s.chars().count() <= MAX_STANDFIRST + 1));
    prop_assert!(article
        .byline
        .as_ref()
        .is_none_or(|b| b.chars().count() <= MAX_BYLINE + 1));
    prop_assert!(article.url.as_deref().is_none_or(is_safe_link));
    prop_assert!(!article.body.is_empty());
    prop_assert!(article.reading_time_minutes >= 1);
    let (mut blocks, mut inlines, mut body_chars) = (0, 0, 0);
    for block in &article.body {
        let texts: Vec<&Text> = match block {
            Block::Paragraph { text } | Block::Heading { text } | Block::Quote { text, .. } => {
                blocks += 1;
                vec![text]
            }
            Block::List { items, .. } => {
                blocks += items.len();
                items.iter().collect()
            }
            Block::Image {
                src, alt, caption, ..
            } => {
                blocks += 1;
                prop_assert!(is_safe_link(src) && !src.starts_with("mailto:"));
                body_chars +=
                    alt.chars().count() + caption.as_ref().map_or(0, |c| c.chars().count());
                Vec::new()
            }
        };
        for text in texts {
            inlines += text.0.len();
            body_chars += chars(text);
            for inline in &text.0 {
                if let Inline::Run {
                    link: Some(link), ..
                } = inline
                {
                    prop_assert!(is_safe_link(link), "link {link}");
                }
            }
        }
    }
    prop_assert!(blocks <= MAX_BLOCKS, "{blocks} blocks");
    // Past the bound, each text keeps its rest as one more plain run.
    prop_assert!(inlines <= MAX_INLINES + blocks, "{inlines} inlines");
    prop_assert!(
        body_chars <= MAX_BODY_CHARS + blocks,
        "{body_chars} characters"
    );
    Ok(())
}

proptest! {
    // 256 cases unless PROPTEST_CASES says otherwise.
    #![proptest_config(Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256),
        ..Config::default()
    })]

    #[test]
    fn mutated_real_documents_read_within_the_bounds(
        seed in any::<prop::sample::Index>(),
        inside_a_string in any::<Option<usize>>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let seeds = seeds();
        let seed = seed.get(&seeds);
        let document = match inside_a_string {
            Some(which) => mutate_a_string(seed, which, &mutations).unwrap_or_default(),
            None => mutate(seed.clone(), &mutations),
        };
        if let Ok(article) = read_article(&document, "https://n.example/a/article.json#1") {
            check(&article)?;
        }
        // The converter alone, on the document as text (markup and all).
        let html = String::from_utf8_lossy(&document);
        for block in html_to_blocks(&html, "https://n.example/") {
            if let Block::Paragraph { text } | Block::Heading { text } = &block {
                prop_assert!(!text.is_blank(), "a blank block");
            }
        }
    }
}
