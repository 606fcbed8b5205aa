//! Documents of every shape that once cost more than linear time or memory,
//! and the others a hostile publisher could send: each built at a given size
//! in bytes, for the growth test (tests/growth.rs) and the benchmark
//! (`cargo run --profile measure --example growth`).

use serde_json::json;

/// A shape: its name, and the document of about `bytes` bytes.
pub type Shape = (&'static str, fn(usize) -> Vec<u8>);

/// `unit` repeated to about `bytes` bytes.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat((bytes / unit.len()).max(1))
}

fn json_ld_body(html: String) -> Vec<u8> {
    json!({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "articleBody": html})
        .to_string()
        .into_bytes()
}

fn feed_body(html: String) -> Vec<u8> {
    json!({"version": "https://jsonfeed.org/version/1.1", "title": "F",
           "items": [{"id": "1", "title": "H", "content_html": html}]})
    .to_string()
    .into_bytes()
}

pub const SHAPES: &[Shape] = &[
    ("a long link around bold/plain runs", |n| {
        let href = "a".repeat(n / 2);
        json_ld_body(format!(
            "<p><a href=\"https://x.example/{href}\">{}</a></p>",
            fill("<b>x</b>y", n / 2)
        ))
    }),
    ("line breaks then text", |n| {
        feed_body(fill("<br>", n) + "<p>text</p>")
    }),
    ("links without href", |n| feed_body(fill("<a>x", n))),
    ("raw-text elements (<title>)", |n| {
        json_ld_body(fill("<title></title>", n) + "<p>text</p>")
    }),
    ("open elements then unmatched end tags", |n| {
        json_ld_body(fill("<div>", n / 2) + &fill("</span>", n / 2) + "<p>text</p>")
    }),
    ("nested lists", |n| json_ld_body(fill("<ul><li>x", n))),
    ("nested quotes", |n| {
        json_ld_body(fill("<blockquote><p>q", n))
    }),
    ("inline runs", |n| {
        json_ld_body(format!("<p>{}</p>", fill("<b>x</b><i>y</i> ", n)))
    }),
    ("paragraphs", |n| {
        json_ld_body(fill("<p>A short paragraph of text.</p>", n))
    }),
    ("character references", |n| {
        json_ld_body(format!(
            "<p>{}</p>",
            fill("&amp;&#8217;&eacute;&hellip; ", n)
        ))
    }),
    ("bare ampersands", |n| {
        json_ld_body(format!("<p>{}</p>", fill("& ", n)))
    }),
    ("unknown references", |n| {
        json_ld_body(format!("<p>{}</p>", fill("&zzzzzz; ", n)))
    }),
    ("many attributes", |n| {
        json_ld_body(format!("<p {}>text</p>", fill("a=1 ", n)))
    }),
    ("images with long URLs", |n| {
        json_ld_body(fill(
            &format!("<img src=\"https://x.example/{}\">", "i".repeat(5_000)),
            n,
        ))
    }),
    ("links with long URLs", |n| {
        json_ld_body(fill(
            &format!(
                "<p><a href=\"https://x.example/{}\">x</a></p>",
                "l".repeat(5_000)
            ),
            n,
        ))
    }),
    ("text without spaces", |n| {
        json_ld_body(format!("<p>{}</p>", "a".repeat(n)))
    }),
    ("CJK text", |n| {
        json_ld_body(format!("<p>{}</p>", fill("日本語の記事本文。", n)))
    }),
    ("plain-text body, many lines", |n| {
        json_ld_body(fill("A line of text.\n", n))
    }),
    ("comments and doctypes", |n| {
        json_ld_body(fill("<!-- c --><!x>", n) + "<p>text</p>")
    }),
    ("stray less-than signs", |n| {
        json_ld_body(format!("<p>{}</p>", fill("< ", n)))
    }),
    ("graph references to authors", |n| {
        let count = n / 60;
        let mut graph: Vec<serde_json::Value> = (0..count)
            .map(|i| json!({"@id": format!("#p{i}"), "@type": "Person", "name": format!("P{i}")}))
            .collect();
        let authors: Vec<serde_json::Value> = (0..count)
            .map(|i| json!({"@id": format!("#p{i}")}))
            .collect();
        graph.push(json!({"@type": "NewsArticle", "headline": "H", "articleBody": "Text.", "author": authors}));
        json!({"@context": "https://schema.org", "@graph": graph})
            .to_string()
            .into_bytes()
    }),
    ("a Person with many names", |n| {
        let names: Vec<String> = (0..n / 12).map(|i| format!("Name {i}")).collect();
        json!({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "articleBody": "Text.",
               "author": {"@type": "Person", "name": names}})
        .to_string()
        .into_bytes()
    }),
    ("native runs", |n| {
        let runs: Vec<serde_json::Value> = (0..n / 40)
            .map(|i| json!({"text": "x ", "strong": i % 2 == 0, "href": "https://x.example/"}))
            .collect();
        json!({"headline": "H", "body": [{"type": "paragraph", "runs": runs}]})
            .to_string()
            .into_bytes()
    }),
    ("native blocks", |n| {
        let blocks: Vec<serde_json::Value> = (0..n / 40)
            .map(|_| json!({"type": "paragraph", "text": "A paragraph."}))
            .collect();
        json!({"headline": "H", "body": blocks})
            .to_string()
            .into_bytes()
    }),
    ("WordPress paragraphs", |n| {
        json!({"id": 1, "link": "https://n.example/p", "title": {"rendered": "H"},
               "content": {"rendered": fill("<p>Some text, <em>some emphasis</em>.</p>", n)}})
        .to_string()
        .into_bytes()
    }),
];

/// The shape's document at about `bytes` bytes: built once more, smaller, when
/// its escaping in JSON made it larger.
pub fn document(build: fn(usize) -> Vec<u8>, bytes: usize) -> Vec<u8> {
    let first = build(bytes);
    if first.len() <= bytes + bytes / 20 {
        return first;
    }
    build(bytes * bytes / first.len())
}
