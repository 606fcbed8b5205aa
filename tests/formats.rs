//! Real documents in the formats publishers already publish (issue 7), read by the
//! core: JSON Feed, schema.org JSON-LD and the WordPress REST API. Provenance of
//! every fixture: tests/fixtures/formats/SOURCES.md.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::article::{read_article, Article, Block, Format, Inline};

const BASE: &str = "https://publisher.example/feed.json";

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/formats/{path}")).expect("fixture")
}

fn read(path: &str) -> Article {
    read_article(&fixture(path), BASE).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn format(path: &str) -> Format {
    Format::of(&serde_json::from_slice(&fixture(path)).expect("JSON"))
}

/// The body's shape, one letter a block: Paragraph, Quote, Heading, List, Image.
fn shape(article: &Article) -> String {
    article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph { .. } => 'P',
            Block::Quote { .. } => 'Q',
            Block::Heading { .. } => 'H',
            Block::List { .. } => 'L',
            Block::Image { .. } => 'I',
        })
        .collect()
}

fn dates(article: &Article) -> (Option<&str>, Option<&str>) {
    (
        article.published.as_ref().map(|t| t.rfc3339.as_str()),
        article.updated.as_ref().map(|t| t.rfc3339.as_str()),
    )
}

fn links(block: &Block) -> Vec<String> {
    let text = match block {
        Block::Paragraph { text } | Block::Heading { text } | Block::Quote { text, .. } => {
            vec![text]
        }
        Block::List { items, .. } => items.iter().collect(),
        Block::Image { .. } => vec![],
    };
    text.iter()
        .flat_map(|t| t.0.iter())
        .filter_map(|inline| match inline {
            Inline::Run {
                link: Some(link), ..
            } => Some(link.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn formats_are_detected_from_the_document_itself() {
    for (path, expected) in [
        ("jsonfeed/news-aggregator-fr-en.json", Format::JsonFeed),
        ("jsonfeed/curtclifton-feed.json", Format::JsonFeed),
        ("jsonld/dailymail-victoria-floods.json", Format::JsonLd),
        (
            "jsonld/traveltomorrow-kazakhstan-music.json",
            Format::JsonLd,
        ),
        ("jsonld/uol-whatsapp-cancelamento.json", Format::JsonLd),
        ("jsonld/thelocal-hamburg-words.json", Format::JsonLd),
        (
            "wordpress/click9ja-boko-haram-borno.json",
            Format::WordPress,
        ),
        (
            "wordpress/photolandhk-panasonic-85mm.json",
            Format::WordPress,
        ),
    ] {
        assert_eq!(format(path), expected, "{path}");
    }
    let native = include_bytes!("../demo/articles/us-russia-intel.json");
    assert_eq!(
        Format::of(&serde_json::from_slice(native).expect("JSON")),
        Format::Native
    );
}

#[test]
fn json_feed_renders_its_first_item() {
    let article = read("jsonfeed/news-aggregator-fr-en.json");
    assert_eq!(
        article.headline,
        "« Trump s’attaque à notre sécurité économique » : Fréchette prépare l’aide aux entreprises"
    );
    assert_eq!(dates(&article), (Some("2026-08-22T20:06:12+00:00"), None));
    assert_eq!(article.byline, None, "an empty authors array is no byline");
    assert_eq!(
        article.source.as_ref().and_then(|s| s.name.as_deref()),
        Some("Radio-Canada | Info | A-la-une")
    );
    assert_eq!(
        article.body,
        vec![Block::Paragraph {
            text: "Tarifs américains\u{a0}: Québec met en place deux\u{a0}nouveaux programmes destinés aux entreprises de la province".into()
        }]
    );
}

#[test]
fn json_feed_item_chosen_by_fragment_with_lists_links_and_bylines() {
    let url = "https://publisher.example/feed.json#0909bcb53e4ef2d6a0a50363c2e6ca62f3069c3109266e2cc93f744e2b81b06d";
    let article = read_article(&fixture("jsonfeed/news-aggregator-fr-en.json"), url).expect("item");
    assert_eq!(
        article.headline,
        "Chemical suppression: why the UK is exploring libido control drugs to treat sex offenders"
    );
    assert_eq!(
        article.byline.as_deref(),
        Some("Rajeev Syal and Faisa Mohamed")
    );
    assert_eq!(
        article.source.as_ref().and_then(|s| s.name.as_deref()),
        Some("World news | The Guardian")
    );
    assert_eq!(shape(&article), "PLPPP");
    assert_eq!(
        links(&article.body[1]),
        ["https://www.theguardian.com/society/2026/aug/22/sex-offenders-libido-control-drugs-prisons-england-wales"]
    );
    // The "Continue reading..." link outside any <p> is its own paragraph.
    assert!(
        matches!(&article.body[4], Block::Paragraph { text } if text.plain() == "Continue reading...")
    );
    assert_eq!(article.tags.first().map(String::as_str), Some("Crime"));

    let missing = read_article(
        &fixture("jsonfeed/news-aggregator-fr-en.json"),
        "https://p.example/f.json#nope",
    );
    assert_eq!(missing.map_err(|e| e.kind()), Err("invalid"));
}

#[test]
fn json_feed_bodies_keep_strong_text_and_decode_entities() {
    let doc = fixture("jsonfeed/news-aggregator-fr-en.json");
    let exclusive = read_article(
        &doc,
        &format!("{BASE}#a39e5f0dbc84400a4f7918993ed2a4267df0a91caff74d4f68cf8f21d019877a"),
    )
    .expect("item");
    assert!(matches!(&exclusive.body[0], Block::Paragraph { text }
        if matches!(&text.0[0], Inline::Run { text, strong: true, .. } if text.trim() == "Exclusive:")));
    let putin = read_article(
        &doc,
        &format!("{BASE}#f55fcdaeb57fac0e4932e0fea4133b04aef0108af99bfc98c96417217b3a6499"),
    )
    .expect("item");
    assert!(putin.body.iter().any(|b| matches!(b, Block::Paragraph { text } if text.plain().contains("Ukraine's 'most vulnerable'"))));
    // El País: a broken <img alt="." " width="957" /> with no src is skipped, the text kept.
    let opinion = read_article(
        &doc,
        &format!("{BASE}#5fff8ec8a666f34c9b50ca4993e709a861c686cfa971a63786b9ef3eca65dd70"),
    )
    .expect("item");
    assert_eq!(shape(&opinion), "P");
    assert_eq!(opinion.byline.as_deref(), Some("Rick McGahey"));
}

#[test]
fn every_item_of_the_real_feed_reads() {
    let doc = fixture("jsonfeed/news-aggregator-fr-en.json");
    let feed: serde_json::Value = serde_json::from_slice(&doc).expect("JSON");
    let items = feed["items"].as_array().expect("items");
    for item in items {
        let id = item["id"].as_str().expect("id");
        let article =
            read_article(&doc, &format!("{BASE}#{id}")).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(
            !article.headline.contains("&#") && !article.headline.contains("&amp;"),
            "{}",
            article.headline
        );
        assert!(article
            .url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://")));
        assert!(article.published.is_some());
    }
    assert_eq!(items.len(), 20);
}

#[test]
fn json_feed_version_1_with_dates_without_a_time_zone() {
    let article = read("jsonfeed/curtclifton-feed.json");
    assert_eq!(article.headline, "Twitter Quitter");
    // "2018-01-06T08:00": no seconds, no zone: read as UTC.
    assert_eq!(dates(&article), (Some("2018-01-06T08:00:00Z"), None));
    assert_eq!(
        article.url.as_deref(),
        Some("http://www.curtclifton.net/twitter-quitter")
    );
    assert_eq!(
        article.source.as_ref().and_then(|s| s.name.as_deref()),
        Some("curtclifton.net")
    );
    assert_eq!(shape(&article), "PPPPP");
    assert!(article
        .reading_text()
        .join(" ")
        .contains("I’ve decided to close my Twitter account."));
}

#[test]
fn json_ld_plain_object_with_an_author_array() {
    let article = read("jsonld/dailymail-victoria-floods.json");
    assert_eq!(
        article.headline,
        "Victoria floods: Echuca looters steal sandbags item as towns work to keep waters at bay"
    );
    assert_eq!(
        article.byline.as_deref(),
        Some("Sam McPhee and ¿ tara Cosoleto")
    );
    assert_eq!(
        article.source.as_ref().and_then(|s| s.name.as_deref()),
        Some("Daily Mail")
    );
    // "+0100" offsets, read as +01:00.
    assert_eq!(dates(&article).0, Some("2022-10-18T07:02:26+01:00"));
    assert!(article
        .standfirst
        .as_deref()
        .is_some_and(|s| s.starts_with("Shameful looters")));
    assert_eq!(
        shape(&article),
        "IP",
        "the lead image, then the plain-text articleBody"
    );
}

#[test]
fn json_ld_graph_follows_id_references() {
    let article = read("jsonld/traveltomorrow-kazakhstan-music.json");
    assert_eq!(
        article.headline,
        "Traditional and classical music from Kazakhstan to hit Brussels"
    );
    assert_eq!(
        article.byline.as_deref(),
        Some("Deborah O'Donoghue"),
        "author by @id"
    );
    let source = article.source.clone().expect("publisher by @id");
    assert_eq!(source.name.as_deref(), Some("Travel tomorrow"));
    assert_eq!(
        source.logo.as_deref(),
        Some("https://traveltomorrow.com/wp-content/uploads/2020/05/logo-travel-tomorrow-vertical.png")
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://traveltomorrow.com/traditional-and-classical-music-from-kazakhstan-to-hit-brussels/")
    );
    assert_eq!(
        dates(&article),
        (
            Some("2023-03-22T11:46:01+00:00"),
            Some("2023-03-22T12:29:54+00:00")
        )
    );
    // No articleBody and no description: the lead image is all the body there is.
    assert!(
        matches!(&article.body[..], [Block::Image { src, .. }] if src.ends_with("2905262_new.jpeg"))
    );
}

#[test]
fn json_ld_top_level_array_without_a_body_uses_the_description() {
    let article = read("jsonld/uol-whatsapp-cancelamento.json");
    assert_eq!(
        article.headline,
        "Decreto permite que consumidor cancele serviços de empresas via WhatsApp"
    );
    assert_eq!(article.byline.as_deref(), Some("Caio Mello"));
    assert_eq!(
        article.source.as_ref().and_then(|s| s.name.as_deref()),
        Some("UOL")
    );
    assert_eq!(
        dates(&article),
        (
            Some("2022-05-02T15:40:13-03:00"),
            Some("2022-05-02T17:52:35-03:00")
        )
    );
    assert_eq!(
        article.standfirst, None,
        "the description became the body, not both"
    );
    assert_eq!(shape(&article), "IP");
}

#[test]
fn json_ld_html_article_body() {
    let article = read("jsonld/thelocal-hamburg-words.json");
    assert_eq!(
        article.headline,
        "12 words and phrases you need to survive in Hamburg"
    );
    assert_eq!(article.byline.as_deref(), Some("Alexander Johnstone"));
    assert_eq!(
        dates(&article),
        (
            Some("2019-04-02T10:18:44+02:00"),
            Some("2022-05-02T16:48:55+02:00")
        )
    );
    let shape = shape(&article);
    assert!(
        shape.starts_with("IP") && shape.matches('I').count() == 3 && !shape.contains('Q'),
        "{shape}"
    );
    assert_eq!(article.reading_time_minutes, 3);
    assert!(article
        .body
        .iter()
        .all(|b| links(b).iter().all(|l| l.starts_with("http"))));
}

#[test]
fn wordpress_post_with_embedded_author_media_and_a_quote() {
    let article = read("wordpress/click9ja-boko-haram-borno.json");
    assert_eq!(
        article.headline,
        "Boko Haram Attacks In Borno Getting Worse – Gov Shettima Raises Alarm"
    );
    assert_eq!(article.byline.as_deref(), Some("lawizee"));
    assert_eq!(article.id.as_deref(), Some("16483"));
    // date_gmt has no zone: UTC.
    assert_eq!(
        dates(&article),
        (Some("2019-01-02T08:19:18Z"), None) // modified 9 s later: not an update worth showing
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://click9ja.com/2019/01/02/boko-haram-attacks-in-borno-getting-worse-gov-shettima-raises-alarm/")
    );
    assert_eq!(
        article.source.as_ref().and_then(|s| s.url.as_deref()),
        Some("https://click9ja.com/")
    );
    assert_eq!(shape(&article), "IHPPQP");
    assert!(article
        .standfirst
        .as_deref()
        .is_some_and(|s| !s.contains('<') && !s.contains("&#")));
}

#[test]
fn wordpress_post_without_embeds_uses_plugin_fields() {
    let article = read("wordpress/photolandhk-panasonic-85mm.json");
    assert_eq!(
        article.headline,
        "Panasonic 85mm f/1.8 L mount 鏡頭規格洩漏–預計11月5日發布"
    );
    assert_eq!(
        article.byline.as_deref(),
        Some("Perry Yu"),
        "author_info.display_name"
    );
    assert_eq!(article.id.as_deref(), Some("10464"));
    assert_eq!(
        dates(&article),
        (Some("2020-11-03T23:25:14Z"), Some("2020-11-03T02:08:22Z"))
    );
    assert_eq!(shape(&article), "IPIPIPPIIP");
    assert!(
        article
            .standfirst
            .as_deref()
            .is_some_and(|s| s.ends_with('…')),
        "&hellip; decoded"
    );
}

#[test]
fn native_runs_express_what_html_can() {
    let doc = serde_json::json!({
        "headline": "Runs",
        "body": [
            { "type": "paragraph", "runs": [
                { "text": "Read " }, { "text": "this", "strong": true }, { "text": " and " },
                { "text": "that", "emphasis": true, "href": "/that" }, { "break": true },
                { "text": "next line", "href": "javascript:alert(1)" }
            ] },
            { "type": "list", "items": ["plain", { "runs": [{ "text": "mail us", "href": "mailto:desk@n.example" }] }] }
        ]
    });
    let article =
        read_article(doc.to_string().as_bytes(), "https://n.example/a/b.json").expect("valid");
    let Block::Paragraph { text } = &article.body[0] else {
        panic!("a paragraph")
    };
    assert_eq!(
        text.0,
        vec![
            Inline::Run {
                text: "Read ".into(),
                strong: false,
                emphasis: false,
                link: None
            },
            Inline::Run {
                text: "this".into(),
                strong: true,
                emphasis: false,
                link: None
            },
            Inline::Run {
                text: " and ".into(),
                strong: false,
                emphasis: false,
                link: None
            },
            Inline::Run {
                text: "that".into(),
                strong: false,
                emphasis: true,
                link: Some("https://n.example/that".into())
            },
            Inline::Break,
            Inline::Run {
                text: "next line".into(),
                strong: false,
                emphasis: false,
                link: None
            },
        ]
    );
    assert_eq!(links(&article.body[1]), ["mailto:desk@n.example"]);
}

#[test]
fn json_ld_plain_text_with_a_less_than_sign_stays_text() {
    let doc = br#"{"@type":"NewsArticle","headline":"Maths","articleBody":"If a<b then a is smaller.\nA<bigger> word is not a tag either."}"#;
    let article = read_article(doc, "https://example.com/").expect("reads");
    let texts: Vec<String> = article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph { text } => text.plain(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "If a<b then a is smaller.",
            "A<bigger> word is not a tag either."
        ]
    );
}
