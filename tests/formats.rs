//! Real documents in the formats publishers already publish, read by the
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
            } => Some(link.to_string()),
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
        ("jsonfeed/pxlnv-linklog.json", Format::JsonFeed),
        ("jsonld/ksta-pflaster-desaster.json", Format::JsonLd),
        ("jsonld/elpais-antartida-20-grados.json", Format::JsonLd),
        ("jsonld/elsiglo-protestas-guatemala.json", Format::JsonLd),
        (
            "jsonld/elcomercio-kenji-fujimori-juicio.json",
            Format::JsonLd,
        ),
        ("jsonld/nytimes-trump-ad-blitz.json", Format::JsonLd),
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

fn lead_image(article: &Article) -> Option<&str> {
    match article.body.first() {
        Some(Block::Image { src, .. }) => Some(src),
        _ => None,
    }
}

#[test]
fn json_feed_1_0_declared_with_http() {
    // "version": "http://jsonfeed.org/version/1", as pxlnv.com's feed has it.
    let article = read("jsonfeed/pxlnv-linklog.json");
    assert_eq!(article.headline, "Uber Lost $4.5 Billion in 2017");
    assert_eq!(article.byline.as_deref(), Some("Nick Heer"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://pxlnv.com/linklog/uber-losses-2017/")
    );
    assert_eq!(dates(&article).0, Some("2018-02-13T23:23:12+00:00"));
    assert!(!article.body.is_empty());
}

#[test]
fn json_ld_http_context_type_list_and_image_list() {
    // "@context": "http://schema.org", "@type": ["NewsArticle"], image: [ImageObject].
    let article = read("jsonld/ksta-pflaster-desaster.json");
    assert_eq!(
        article.headline,
        "Bergisch Gladbach: die Stadt verklagt die Baufirma wegen schlechter Pflastersteine"
    );
    assert_eq!(
        article.byline.as_deref(),
        Some("Claus Boelen-Theile"),
        "not the image's author"
    );
    assert_eq!(dates(&article).0, Some("2019-10-19T08:00:00+02:00"));
    assert_eq!(
        lead_image(&article),
        Some("https://www.ksta.de/image/33335588/max/1920/1080/fe1935c84d482d6ffd7ea986897b7e19/XW/fussgaengerzone-bergisch-gladbach.jpg")
    );
}

#[test]
fn json_ld_subtype_in_a_list_with_an_image_object() {
    // "@type": ["ReportageNewsArticle"], image: { "@type": "ImageObject", "url": … }.
    let article = read("jsonld/elpais-antartida-20-grados.json");
    assert_eq!(
        article.headline,
        "¿Ha llegado realmente la Antártida a los 20 grados?"
    );
    assert_eq!(article.byline.as_deref(), Some("Nuño Domínguez"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://elpais.com/elpais/2020/02/18/ciencia/1582045946_459487.html")
    );
    assert_eq!(
        lead_image(&article),
        Some("https://ep00.epimg.net/elpais/imagenes/2020/02/18/ciencia/1582045946_459487_1582112649_rrss_normal.jpg")
    );
}

#[test]
fn json_ld_bare_string_author_and_an_escaped_html_body() {
    // "author": "María Victoria Echeverría"; articleBody "&lt;p&gt;&nbsp;La organizaci&oacute;n…";
    // "mainEntityOfPage": "True", which is no URL.
    let article = read("jsonld/elsiglo-protestas-guatemala.json");
    assert_eq!(
        article.headline,
        "Continúan las protestas de campesinos en Guatemala"
    );
    assert_eq!(article.byline.as_deref(), Some("María Victoria Echeverría"));
    assert_eq!(article.url, None);
    assert_eq!(dates(&article).0, Some("2022-04-27T02:10:00-05:00"));
    let text = article.reading_text().join(" ");
    assert!(
        text.contains("La organización social Comité de Desarrollo Campesino"),
        "{text}"
    );
    assert!(!text.contains("&lt;") && !text.contains("<p"), "{text}");
    assert_eq!(
        lead_image(&article),
        Some("http://elsiglo.com.pa/media/news/image/567786_800x600_crop_62688ae3f31ed.jpg")
    );
}

#[test]
fn json_ld_reportage_subtype_with_http_context() {
    // "@context":"http://schema.org","@type":"ReportageNewsArticle".
    let article = read("jsonld/elcomercio-kenji-fujimori-juicio.json");
    assert_eq!(
        article.headline,
        "Kenji Fujimori: juicio por presunta compra de votos continuará el 18 de mayo"
    );
    assert_eq!(article.byline.as_deref(), Some("Redacción EC"));
    assert_eq!(dates(&article).0, Some("2022-05-07T20:06:23-05:00"));
    assert!(
        lead_image(&article).is_some_and(|src| src.starts_with("https://elcomercio.pe/resizer/"))
    );
}

#[test]
fn json_ld_list_of_image_objects_takes_the_first() {
    let article = read("jsonld/nytimes-trump-ad-blitz.json");
    assert_eq!(
        article.byline.as_deref(),
        Some("Maggie Haberman, Shane Goldmacher and Michael Crowley")
    );
    assert_eq!(
        lead_image(&article),
        Some("https://static01.nyt.com/images/2020/10/19/us/politics/19campaign/19campaign-videoSixteenByNineJumbo1600.jpg")
    );
}

// Spellings publishers use that the specifications do not: each is
// accepted where it is unambiguous. Real documents showing them are tested above;
// these pin each spelling down on its own.

fn read_json(document: serde_json::Value) -> Article {
    read_article(document.to_string().as_bytes(), BASE)
        .unwrap_or_else(|e| panic!("{document}: {e}"))
}

#[test]
fn json_feed_version_spelt_http_or_https_is_a_feed() {
    for version in [
        "https://jsonfeed.org/version/1",
        "http://jsonfeed.org/version/1",
        "https://jsonfeed.org/version/1.1",
        "http://jsonfeed.org/version/1.1",
    ] {
        let feed = serde_json::json!({
            "version": version, "title": "Feed",
            "items": [{ "id": "1", "title": "H", "content_text": "Body" }],
        });
        assert_eq!(Format::of(&feed), Format::JsonFeed, "{version}");
        assert_eq!(read_json(feed).headline, "H", "{version}");
    }
    let not_a_feed = serde_json::json!({ "version": "ftp://jsonfeed.org/version/1", "items": [] });
    assert_eq!(Format::of(&not_a_feed), Format::Native);
}

#[test]
fn json_feed_authors_fall_back_to_the_feed_and_may_be_bare_names() {
    let feed = |feed_author: serde_json::Value, item_author: serde_json::Value| {
        let mut item = serde_json::json!({ "id": "1", "title": "H", "content_text": "Body" });
        if !item_author.is_null() {
            item["author"] = item_author;
        }
        read_json(serde_json::json!({
            "version": "http://jsonfeed.org/version/1", "title": "Feed",
            "author": feed_author, "items": [item],
        }))
        .byline
    };
    let byline = |name: &str| Some(name.to_owned());
    assert_eq!(
        feed(
            serde_json::json!({ "name": "Feed Writer" }),
            serde_json::Value::Null
        ),
        byline("Feed Writer")
    );
    assert_eq!(
        feed(
            serde_json::json!({ "name": "Feed Writer" }),
            serde_json::json!({ "name": "Item Writer" })
        ),
        byline("Item Writer")
    );
    assert_eq!(
        feed(serde_json::json!("Bare Name"), serde_json::Value::Null),
        byline("Bare Name")
    );
    assert_eq!(
        feed(
            serde_json::Value::Null,
            serde_json::json!(["A", { "name": "B" }])
        ),
        byline("A and B")
    );
}

fn json_ld(node: serde_json::Value) -> serde_json::Value {
    let mut document = serde_json::json!({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "H", "articleBody": "Body.",
    });
    for (key, value) in node.as_object().into_iter().flatten() {
        document[key] = value.clone();
    }
    document
}

#[test]
fn json_ld_context_spelt_http_https_or_as_an_object_is_read_alike() {
    for context in [
        serde_json::json!("http://schema.org"),
        serde_json::json!("https://schema.org/"),
        serde_json::json!({ "@vocab": "http://schema.org/" }),
        serde_json::json!(["http://schema.org", { "@language": "en" }]),
    ] {
        let document = json_ld(serde_json::json!({ "@context": context }));
        assert_eq!(Format::of(&document), Format::JsonLd, "{context}");
        assert_eq!(read_json(document).headline, "H");
    }
}

#[test]
fn json_ld_types_as_lists_iris_prefixes_and_subtypes() {
    for article_type in [
        serde_json::json!(["NewsArticle"]),
        serde_json::json!(["WebPage", "Article"]),
        serde_json::json!("http://schema.org/NewsArticle"),
        serde_json::json!("https://schema.org/Article"),
        serde_json::json!("schema:BlogPosting"),
        serde_json::json!("OpinionNewsArticle"),
        serde_json::json!("AnalysisNewsArticle"),
        serde_json::json!("LiveBlogPosting"),
        serde_json::json!(["http://schema.org/ReviewNewsArticle"]),
    ] {
        let document = json_ld(serde_json::json!({ "@type": article_type }));
        assert_eq!(Format::of(&document), Format::JsonLd, "{article_type}");
        assert_eq!(read_json(document).headline, "H");
    }
    for not_an_article in [
        "WebPage",
        "Person",
        "http://example.org/NewsArticle",
        "schema:Recipe",
    ] {
        let document = json_ld(serde_json::json!({ "@type": not_an_article }));
        assert_ne!(Format::of(&document), Format::JsonLd, "{not_an_article}");
    }
}

#[test]
fn json_ld_authors_as_bare_strings_alone_or_in_lists() {
    let byline = |author: serde_json::Value| {
        read_json(json_ld(serde_json::json!({ "author": author }))).byline
    };
    assert_eq!(
        byline(serde_json::json!("Jane Doe")).as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        byline(serde_json::json!(["Jane Doe", { "@type": "Person", "name": "John Roe" }]))
            .as_deref(),
        Some("Jane Doe and John Roe")
    );
}

#[test]
fn json_ld_images_as_urls_image_objects_or_lists() {
    let image_of = |image: serde_json::Value| {
        let article = read_json(json_ld(serde_json::json!({ "image": image })));
        lead_image(&article).map(str::to_owned)
    };
    let expected = Some("https://publisher.example/lead.jpg".to_owned());
    for image in [
        serde_json::json!("https://publisher.example/lead.jpg"),
        serde_json::json!("/lead.jpg"),
        serde_json::json!({ "@type": "ImageObject", "url": "https://publisher.example/lead.jpg", "width": 1200 }),
        serde_json::json!({ "@type": "ImageObject", "contentUrl": "https://publisher.example/lead.jpg" }),
        serde_json::json!([
            "https://publisher.example/lead.jpg",
            "https://publisher.example/4x3.jpg"
        ]),
        serde_json::json!([{ "@type": "ImageObject", "url": "https://publisher.example/lead.jpg" }]),
        serde_json::json!(["javascript:alert(1)", "https://publisher.example/lead.jpg"]),
    ] {
        assert_eq!(image_of(image.clone()), expected, "{image}");
    }
}

#[test]
fn json_ld_publisher_given_by_name_alone() {
    let article = read_json(json_ld(
        serde_json::json!({ "publisher": "The Daily Example" }),
    ));
    assert_eq!(
        article.source.and_then(|s| s.name).as_deref(),
        Some("The Daily Example")
    );
}

// Many-valued properties: schema.org lets every property carry one
// value or several; each is read either way.

#[test]
fn json_ld_a_person_with_a_list_of_names_is_several_authors() {
    // The Centre for Eastern Studies gives its two authors as one Person with a
    // list of names, each an HTML link.
    let article = read("jsonld/osw-rosyjskie-zamachy-czechy.json");
    assert_eq!(
        article.byline.as_deref(),
        Some("Mateusz Gniazdowski and Martyna Wasiuta")
    );
    // Frankfurter Rundschau: a list of one name.
    let article = read("jsonld/frankfurter-rundschau-kim-jong-un-trump.json");
    assert_eq!(article.byline.as_deref(), Some("Redaktion"));
}

#[test]
fn json_ld_a_list_of_publishers_and_of_pages() {
    // cleveland.com: `publisher` and `mainEntityOfPage` are lists of one node,
    // the logo a list of one ImageObject.
    let article = read("jsonld/cleveland-doobie-brothers-blossom.json");
    let source = article.source.expect("a publisher");
    assert_eq!(source.name.as_deref(), Some("cleveland"));
    assert_eq!(
        source.logo.as_deref(),
        Some("https://static.advance.net/static/cleveland/static/img/logos/logo_main.png")
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.cleveland.com/entertainment/2019/11/doobie-brothers-to-reunite-with-michael-mcdonald-for-blossom-show.html")
    );
}

#[test]
fn json_ld_every_property_may_be_a_list() {
    let article = read_json(serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": ["", "First headline", "Second headline"],
        "description": [{"@value": "The standfirst.", "@language": "en"}, "Another"],
        "url": ["javascript:alert(1)", "https://n.example/story"],
        "datePublished": ["yesterday", "2024-05-01T10:00:00Z", "2024-05-02T10:00:00Z"],
        "dateModified": ["2024-05-01T12:00:00Z"],
        "image": [{"@type": "ImageObject"}, "https://n.example/lead.jpg"],
        "author": [
            {"@type": "Person", "name": ["Ana Ruiz", "Ben Okafor"]},
            "Chen Li",
            {"@type": "Person", "givenName": "Dana", "familyName": "Smith"},
            {"@type": "Person", "name": [{"@value": "not a name string"}]},
        ],
        "publisher": [{"@type": "Organization"}, {"@type": "Organization", "name": ["The News", "News Ltd"], "url": ["https://n.example/"]}],
        "articleBody": ["First body paragraph.", "Second body paragraph."],
        "identifier": ["id-1", "id-2"],
    }));
    assert_eq!(article.headline, "First headline");
    assert_eq!(article.standfirst.as_deref(), Some("The standfirst."));
    assert_eq!(article.url.as_deref(), Some("https://n.example/story"));
    assert_eq!(
        article.published.as_ref().map(|p| p.epoch_ms),
        Some(1_714_557_600_000)
    );
    assert_eq!(
        article.updated.as_ref().map(|p| p.epoch_ms),
        Some(1_714_564_800_000)
    );
    assert_eq!(lead_image(&article), Some("https://n.example/lead.jpg"));
    assert_eq!(
        article.byline.as_deref(),
        Some("Ana Ruiz, Ben Okafor, Chen Li and Dana Smith")
    );
    let source = article.source.clone().expect("a publisher");
    assert_eq!(source.name.as_deref(), Some("The News"));
    assert_eq!(source.url.as_deref(), Some("https://n.example/"));
    assert_eq!(shape(&article), "IPP");
    assert_eq!(article.id.as_deref(), Some("id-1"));
}

#[test]
fn json_ld_authors_by_reference_are_found_in_a_large_graph() {
    let people: Vec<serde_json::Value> = (0..5_000)
        .map(|i| serde_json::json!({"@id": format!("#p{i}"), "@type": "Person", "name": format!("P{i}")}))
        .collect();
    let mut graph = people;
    graph.push(serde_json::json!({
        "@type": "NewsArticle", "headline": "H", "articleBody": "Text.",
        "author": [{"@id": "#p4999"}, {"@id": "#p7"}, {"@id": "#missing"}],
    }));
    let article = read_json(serde_json::json!({"@context": "https://schema.org", "@graph": graph}));
    assert_eq!(article.byline.as_deref(), Some("P4999 and P7"));
}

#[test]
fn json_ld_corrections_and_withdrawal() {
    let doc = |extra: serde_json::Value| {
        let mut node = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "H",
            "articleBody": "P",
            "url": "https://news.example.com/a",
            "publisher": { "@type": "Organization", "name": "News Example" },
        });
        for (key, value) in extra.as_object().expect("an object") {
            node[key] = value.clone();
        }
        read_article(
            node.to_string().as_bytes(),
            "https://news.example.com/a.json",
        )
    };
    // Text, a CorrectionComment, a reference to one, or a list of these.
    let article = doc(serde_json::json!({ "correction": "A plain correction." })).expect("valid");
    assert_eq!(article.corrections.len(), 1);
    assert_eq!(article.corrections[0].text, "A plain correction.");
    let article = doc(serde_json::json!({ "correction": [
        { "@type": "CorrectionComment", "text": "First <em>fixed</em>.", "datePublished": "2014-10-15T08:00:00Z" },
        "Second.",
        { "@type": "CorrectionComment", "datePublished": "2014-10-16" }
    ] }))
    .expect("valid");
    let found: Vec<(&str, Option<&str>)> = article
        .corrections
        .iter()
        .map(|c| (c.text.as_str(), c.date.as_ref().map(|d| d.rfc3339.as_str())))
        .collect();
    assert_eq!(
        found,
        [
            ("First fixed.", Some("2014-10-15T08:00:00Z")),
            ("Second.", None)
        ]
    );
    // creativeWorkStatus, any case, with or without schema.org's prefix.
    for status in [
        "withdrawn",
        "Retracted",
        "CANCELED",
        "cancelled",
        "https://schema.org/Withdrawn",
    ] {
        let Err(article_widget::article::LoadError::Withdrawn(withdrawal)) =
            doc(serde_json::json!({ "creativeWorkStatus": status }))
        else {
            panic!("{status} withdraws")
        };
        assert_eq!(withdrawal.source.as_deref(), Some("News Example"));
        assert_eq!(
            withdrawal.url.as_deref(),
            Some("https://news.example.com/a")
        );
    }
    for status in ["published", "Draft", ""] {
        assert!(doc(serde_json::json!({ "creativeWorkStatus": status })).is_ok());
    }
}
