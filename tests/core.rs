//! Native tests of the pure core against whole documents (contract §3 and §5).
#![cfg(not(target_arch = "wasm32"))]

use article_widget::article::{read_article, Block, Invalid, LoadError, MAX_DOCUMENT_BYTES};
use serde_json::json;

const DOC_URL: &str = "https://news.example.com/api/articles/a.json";
const SAMPLE: &str = include_str!("../demo/articles/us-russia-intel.json");

fn read(value: serde_json::Value) -> Result<article_widget::article::Article, LoadError> {
    read_article(value.to_string().as_bytes(), DOC_URL)
}

fn minimal() -> serde_json::Value {
    json!({ "headline": "H", "body": [{ "type": "paragraph", "text": "P" }] })
}

#[test]
fn the_sample_article_reads_two_minutes_with_every_part() {
    let article = read_article(SAMPLE.as_bytes(), DOC_URL).expect("the sample is valid");
    assert_eq!(
        article.headline,
        "US, Russia to step up intel sharing on IS"
    );
    assert_eq!(article.id.as_deref(), Some("us-russia-intel-sharing"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://news.example.com/us-russia-intel")
    );
    assert!(article
        .standfirst
        .as_deref()
        .is_some_and(|s| s.starts_with("The US and Russia have agreed")));
    assert_eq!(article.byline.as_deref(), Some("SBS News"));
    assert_eq!(
        article.published.as_ref().map(|t| t.rfc3339.as_str()),
        Some("2014-10-14T09:30:00Z")
    );
    assert_eq!(
        article.updated.as_ref().map(|t| t.rfc3339.as_str()),
        Some("2014-10-14T11:05:00Z")
    );
    assert_eq!(article.reading_time_minutes, 2);
    assert_eq!(article.tags, ["World"]);
    let quotes: Vec<_> = article
        .body
        .iter()
        .filter(|b| matches!(b, Block::Quote { .. }))
        .collect();
    assert_eq!(quotes.len(), 2);
    assert!(
        matches!(article.body.last(), Some(Block::Quote { text, cite: Some(cite) })
        if text.plain().ends_with("fight against terrorism.") && cite == "Sergei Lavrov")
    );
}

#[test]
fn reads_every_field_and_block_type() {
    let article = read(json!({
        "id": 42,
        "url": "/story",
        "headline": "  Headline  ",
        "standfirst": "Standfirst",
        "byline": "Jane Doe",
        "source": { "name": "Daily", "url": "https://daily.example/", "logo": "logo.svg" },
        "published": "2014-10-14T09:30:00Z",
        "updated": "2014-10-14T10:30:00+00:00",
        "reading_time_minutes": 7,
        "tags": ["World", 3, "", "Politics"],
        "extra": { "ignored": true },
        "body": [
            { "type": "paragraph", "text": "One" },
            { "type": "quote", "text": "Two", "cite": "Someone" },
            { "type": "heading", "text": "Three" },
            { "type": "list", "ordered": true, "items": ["a", "", "b", null] },
            { "type": "image", "src": "../img/p.jpg", "alt": "A photo", "caption": "Cap", "credit": "AP" },
            { "type": "video", "src": "https://x.example/v.mp4" }
        ]
    }))
    .expect("valid");
    assert_eq!(article.id.as_deref(), Some("42"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://news.example.com/story")
    );
    assert_eq!(article.headline, "Headline");
    let source = article.source.expect("source");
    assert_eq!(source.name.as_deref(), Some("Daily"));
    assert_eq!(
        source.logo.as_deref(),
        Some("https://news.example.com/api/articles/logo.svg")
    );
    assert_eq!(article.reading_time_minutes, 7);
    assert_eq!(article.tags, ["World", "Politics"]);
    assert_eq!(
        article.body,
        vec![
            Block::Paragraph { text: "One".into() },
            Block::Quote {
                text: "Two".into(),
                cite: Some("Someone".into())
            },
            Block::Heading {
                text: "Three".into()
            },
            Block::List {
                ordered: true,
                items: vec!["a".into(), "b".into()]
            },
            Block::Image {
                src: "https://news.example.com/api/img/p.jpg".into(),
                alt: "A photo".into(),
                caption: Some("Cap".into()),
                credit: Some("AP".into()),
            },
        ]
    );
}

#[test]
fn optional_fields_may_be_null_missing_or_of_the_wrong_type() {
    let article = read(json!({
        "id": null, "url": 7, "headline": "H", "standfirst": null, "byline": ["x"],
        "source": "nope", "published": "yesterday", "updated": null, "tags": {},
        "reading_time_minutes": "two",
        "body": [{ "type": "paragraph", "text": "P" }]
    }))
    .expect("valid");
    assert_eq!(
        (article.id, article.url, article.standfirst, article.byline),
        (None, None, None, None)
    );
    assert_eq!(
        (article.source, article.published, article.updated),
        (None, None, None)
    );
    assert_eq!(article.reading_time_minutes, 1);
}

#[test]
fn updated_is_dropped_within_the_minute_of_publication() {
    let mut doc = minimal();
    doc["published"] = json!("2014-10-14T09:30:00Z");
    doc["updated"] = json!("2014-10-14T09:30:59Z");
    assert_eq!(read(doc.clone()).expect("valid").updated, None);
    doc["updated"] = json!("2014-10-14T09:31:00Z");
    assert!(read(doc).expect("valid").updated.is_some());
}

#[test]
fn updated_is_dropped_when_it_is_the_published_instant() {
    let mut doc = minimal();
    doc["published"] = json!("2014-10-14T09:30:00Z");
    doc["updated"] = json!("2014-10-14T10:30:00+01:00");
    assert_eq!(read(doc).expect("valid").updated, None);
}

#[test]
fn reading_time_is_computed_from_standfirst_and_body_but_not_captions() {
    let words = |n: usize| vec!["word"; n].join(" ");
    let doc = json!({
        "headline": "H", "standfirst": words(30),
        "body": [
            { "type": "paragraph", "text": words(200) },
            { "type": "list", "items": [words(1)] },
            { "type": "image", "src": "https://x.example/i.jpg", "caption": words(500) }
        ]
    });
    assert_eq!(read(doc).expect("valid").reading_time_minutes, 2); // 231 words
    let mut doc = minimal();
    doc["reading_time_minutes"] = json!(0);
    assert_eq!(read(doc).expect("valid").reading_time_minutes, 1);
}

#[test]
fn text_is_kept_as_text() {
    let mut doc = minimal();
    doc["headline"] = json!("<img src=x onerror=alert(1)>");
    doc["body"] = json!([{ "type": "paragraph", "text": "<script>alert(1)</script>" }]);
    let article = read(doc).expect("valid");
    assert_eq!(article.headline, "<img src=x onerror=alert(1)>");
    assert_eq!(
        article.body,
        vec![Block::Paragraph {
            text: "<script>alert(1)</script>".into()
        }]
    );
}

#[test]
fn urls_other_than_http_and_https_are_dropped() {
    for hostile in [
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "vbscript:x",
        " JAVASCRIPT:alert(1)",
    ] {
        let doc = json!({
            "url": hostile, "headline": "H",
            "source": { "name": "S", "url": hostile, "logo": hostile },
            "body": [
                { "type": "image", "src": hostile, "alt": "a" },
                { "type": "paragraph", "text": "P" }
            ]
        });
        let article = read(doc).expect("valid");
        assert_eq!(article.url, None, "{hostile}");
        let source = article.source.expect("the name survives");
        assert_eq!((source.url, source.logo), (None, None));
        assert_eq!(article.body, vec![Block::Paragraph { text: "P".into() }]);
    }
}

fn invalid(bytes: &[u8]) -> Invalid {
    match read_article(bytes, DOC_URL) {
        Err(LoadError::Invalid { reason, .. }) => reason,
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn every_invalid_document_has_its_reason() {
    assert_eq!(invalid(b"\xff\xfe{}"), Invalid::NotUtf8);
    assert!(matches!(invalid(b"{\"headline\": "), Invalid::NotJson(_)));
    assert!(matches!(invalid(b""), Invalid::NotJson(_)));
    assert_eq!(invalid(b"[]"), Invalid::NotAnObject);
    assert_eq!(invalid(b"null"), Invalid::NotAnObject);
    assert_eq!(
        invalid(br#"{"body":[{"type":"paragraph","text":"P"}]}"#),
        Invalid::MissingHeadline
    );
    assert_eq!(
        invalid(br#"{"headline":42,"body":[{"type":"paragraph","text":"P"}]}"#),
        Invalid::MissingHeadline
    );
    assert_eq!(
        invalid(br#"{"headline":"   ","body":[{"type":"paragraph","text":"P"}]}"#),
        Invalid::MissingHeadline
    );
    assert_eq!(invalid(br#"{"headline":"H"}"#), Invalid::MissingBody);
    assert_eq!(
        invalid(br#"{"headline":"H","body":[]}"#),
        Invalid::MissingBody
    );
    assert_eq!(
        invalid(br#"{"headline":"H","body":{"type":"paragraph"}}"#),
        Invalid::MissingBody
    );
    assert_eq!(
        invalid(br#"{"headline":"H","body":[{"type":"video"},null,{"type":"paragraph"}]}"#),
        Invalid::NothingToShow
    );
}

#[test]
fn nesting_deeper_than_128_levels_is_invalid_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(invalid(deep.as_bytes()), Invalid::TooDeep);
    let hidden = format!(
        r#"{{"headline":"H","x":{}1{},"body":[]}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    assert_eq!(invalid(hidden.as_bytes()), Invalid::TooDeep);
    let fine = format!(
        r#"{{"headline":"H","x":{}1{},"body":[{{"type":"paragraph","text":"P"}}]}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(read_article(fine.as_bytes(), DOC_URL).is_ok());
}

#[test]
fn documents_over_two_mebibytes_are_too_large() {
    let big = vec![b' '; MAX_DOCUMENT_BYTES + 1];
    assert_eq!(read_article(&big, DOC_URL), Err(LoadError::TooLarge));
    assert_eq!(LoadError::TooLarge.kind(), "too-large");
}

#[test]
fn the_canonical_url_is_kept_when_the_document_was_read_that_far() {
    let err = read_article(
        br#"{"url":"https://n.example/a","headline":"H","body":[]}"#,
        DOC_URL,
    )
    .unwrap_err();
    assert_eq!(err.kind(), "invalid");
    assert_eq!(err.canonical_url(), Some("https://n.example/a"));
    assert_eq!(
        read_article(b"[", DOC_URL).unwrap_err().canonical_url(),
        None
    );
}

#[test]
fn error_kinds_are_the_contract_names() {
    assert_eq!(LoadError::Network("x".into()).kind(), "network");
    assert_eq!(LoadError::Http(404).kind(), "http");
    assert_eq!(LoadError::Timeout(10).kind(), "timeout");
    assert_eq!(LoadError::from(Invalid::NotAnObject).kind(), "invalid");
}

#[test]
fn corrections_are_read_in_order_without_those_lacking_text_and_at_most_twenty() {
    let mut doc = minimal();
    doc["corrections"] = json!([
        { "date": "2014-10-15T08:00:00Z", "text": "An earlier version misstated the length of the meeting." },
        { "text": "  " },
        { "date": "2014-10-16T08:00:00Z" },
        "not an object",
        { "text": "A second correction, undated.", "date": "yesterday" }
    ]);
    let article = read(doc).expect("valid");
    let found: Vec<(&str, Option<&str>)> = article
        .corrections
        .iter()
        .map(|c| (c.text.as_str(), c.date.as_ref().map(|d| d.rfc3339.as_str())))
        .collect();
    assert_eq!(
        found,
        [
            (
                "An earlier version misstated the length of the meeting.",
                Some("2014-10-15T08:00:00Z")
            ),
            ("A second correction, undated.", None),
        ]
    );
    let mut many = minimal();
    many["corrections"] = (0..30)
        .map(|i| json!({ "text": format!("c{i}") }))
        .collect();
    let article = read(many).expect("valid");
    assert_eq!(article.corrections.len(), 20);
    assert_eq!(article.corrections[19].text, "c19");
    // Of the wrong type, or absent: none.
    let mut wrong = minimal();
    wrong["corrections"] = json!("text");
    assert!(read(wrong).expect("valid").corrections.is_empty());
    assert!(read(minimal()).expect("valid").corrections.is_empty());
}

#[test]
fn a_withdrawn_document_needs_no_headline_or_body_and_says_who_withdrew_it() {
    let doc = json!({
        "id": 7,
        "url": "/news/a",
        "status": "withdrawn",
        "notice": "This article has been withdrawn for legal reasons.",
        "byline": "A Reporter",
        "source": { "name": "News Example" }
    });
    let Err(LoadError::Withdrawn(withdrawal)) = read(doc) else {
        panic!("a withdrawal")
    };
    assert_eq!(withdrawal.id.as_deref(), Some("7"));
    assert_eq!(
        withdrawal.url.as_deref(),
        Some("https://news.example.com/news/a")
    );
    assert_eq!(withdrawal.source.as_deref(), Some("News Example"));
    assert_eq!(
        withdrawal.notice.as_deref(),
        Some("This article has been withdrawn for legal reasons.")
    );
    // The byline names it when there is no source; an article with everything is
    // withdrawn all the same.
    let mut doc = minimal();
    doc["status"] = json!("Withdrawn");
    doc["byline"] = json!("A Reporter");
    let Err(LoadError::Withdrawn(withdrawal)) = read(doc) else {
        panic!("a withdrawal")
    };
    assert_eq!(withdrawal.source.as_deref(), Some("A Reporter"));
    assert_eq!(withdrawal.notice, None);
    assert_eq!(LoadError::Withdrawn(withdrawal).kind(), "withdrawn");
    // Any other status is published.
    for status in [json!("published"), json!("draft"), json!(true), json!(null)] {
        let mut doc = minimal();
        doc["status"] = status;
        assert!(read(doc).is_ok());
    }
}

#[test]
fn block_keys_follow_content_and_tell_repeats_apart() {
    use article_widget::article::{block_keys, Block};
    let paragraph = |text: &str| Block::Paragraph { text: text.into() };
    let before = [
        paragraph("a"),
        paragraph("b"),
        paragraph("a"),
        paragraph("c"),
        paragraph("a"),
    ];
    let keys = block_keys(&before);
    // Repeats: the same hash, told apart by their occurrence, in order.
    assert_eq!(keys[0].0, keys[2].0);
    assert_eq!([keys[0].1, keys[2].1, keys[4].1], [0, 1, 2]);
    assert_ne!(keys[0], keys[1]);
    // A newer version: one block changed, one added at the top; the others keep their keys.
    let after = [
        paragraph("new"),
        paragraph("a"),
        paragraph("B"),
        paragraph("a"),
        paragraph("c"),
        paragraph("a"),
    ];
    let kept = block_keys(&after);
    assert_eq!(kept[1], keys[0]);
    assert_eq!(kept[4], keys[3]);
    assert!(!keys.contains(&kept[2]) && !keys.contains(&kept[0]));
    // The same content, the same keys, every time.
    assert_eq!(block_keys(&before), keys);
}
