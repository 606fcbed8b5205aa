//! schema.org `NewsArticle` (and `Article`, `BlogPosting` and their subtypes)
//! JSON-LD, as publishers embed it for search engines: a lone object, an array,
//! or a `@graph` whose nodes refer to each other by `@id`. Types are read as
//! publishers write them: a name, a list, or an IRI (`http://schema.org/…`,
//! `https://schema.org/…`, `schema:…`), whatever the `@context`'s spelling.

use serde_json::Value;

use super::{
    fields::{join_names, link, strings, text, timestamp, Object},
    html::{html_to_blocks, html_to_text},
    Article, Block, Draft, LoadError, Source,
};

/// `Article` and those of its schema.org subtypes that are articles to read.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "SatiricalArticle",
    "TechArticle",
    "Report",
];

fn is_article_type(name: &str) -> bool {
    let name = ["http://schema.org/", "https://schema.org/", "schema:"]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .unwrap_or(name);
    ARTICLE_TYPES.contains(&name)
}

fn nodes(value: &Value) -> Vec<&Object> {
    match value {
        Value::Array(items) => items.iter().flat_map(nodes).collect(),
        Value::Object(object) => {
            let mut found = vec![object];
            if let Some(graph) = object.get("@graph") {
                found.extend(nodes(graph));
            }
            found
        }
        _ => Vec::new(),
    }
}

fn is_article(node: &Object) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => is_article_type(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

/// The article node of a JSON-LD document, if it is one.
pub fn find(value: &Value) -> Option<&Object> {
    nodes(value).into_iter().find(|node| is_article(node))
}

/// Follows an `{ "@id": … }` reference to its node in the document.
fn resolve<'a>(value: &'a Value, document: &'a Value) -> Option<&'a Object> {
    let object = value.as_object()?;
    match object.get("@id").and_then(Value::as_str) {
        Some(id) if object.len() == 1 => nodes(document)
            .into_iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.len() > 1),
        _ => Some(object),
    }
}

fn names(value: Option<&Value>, document: &Value) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .flat_map(|item| names(Some(item), document))
            .collect(),
        Some(Value::String(name)) => vec![html_to_text(name)],
        Some(value) => resolve(value, document)
            .and_then(|n| text(n, "name"))
            .map(|n| html_to_text(&n))
            .into_iter()
            .collect(),
        None => Vec::new(),
    }
}

/// An image (or logo) as a URL: a string, an `ImageObject` (`url`/`contentUrl`), or a list.
fn image_url(value: Option<&Value>, document: &Value, document_url: &str) -> Option<String> {
    match value? {
        Value::Array(items) => items
            .iter()
            .find_map(|item| image_url(Some(item), document, document_url)),
        Value::String(url) => super::resolve_http_url(url, document_url),
        value => {
            let object = resolve(value, document)?;
            link(object, "url", document_url).or_else(|| link(object, "contentUrl", document_url))
        }
    }
}

pub fn read(node: &Object, document: &Value, document_url: &str) -> Result<Article, LoadError> {
    let url = link(node, "url", document_url).or_else(|| match node.get("mainEntityOfPage") {
        // A URL; not the `"True"` some publishers write there.
        Some(Value::String(page)) if page.contains('/') => {
            super::resolve_http_url(page, document_url)
        }
        // Often a reference to the WebPage node, whose `url` is the page (its `@id`
        // may carry a #fragment).
        Some(page) => resolve(page, document)
            .and_then(|p| link(p, "url", document_url).or_else(|| link(p, "@id", document_url))),
        _ => None,
    });
    let source = match node.get("publisher") {
        // A publisher given by name alone.
        Some(Value::String(name)) => Some(html_to_text(name))
            .filter(|name| !name.trim().is_empty())
            .map(|name| Source {
                name: Some(name),
                url: None,
                logo: None,
            }),
        publisher => publisher
            .and_then(|p| resolve(p, document))
            .map(|p| Source {
                name: text(p, "name").map(|n| html_to_text(&n)),
                url: link(p, "url", document_url),
                logo: image_url(p.get("logo"), document, document_url),
            }),
    };
    let description = text(node, "description")
        .map(|d| html_to_text(&d))
        .filter(|d| !d.is_empty());
    // Many publishers leave articleBody out: the description is then the body.
    let (standfirst, mut body) = super::summary_and_body(
        description,
        text(node, "articleBody")
            .map(|b| body_blocks(&b, document_url))
            .unwrap_or_default(),
    );
    if let Some(src) = image_url(node.get("image"), document, document_url) {
        super::lead_image(&mut body, src);
    }
    Draft {
        id: text(node, "@id").or_else(|| text(node, "identifier")),
        url,
        headline: text(node, "headline")
            .or_else(|| text(node, "name"))
            .map(|h| html_to_text(&h))
            .filter(|h| !h.is_empty()),
        standfirst,
        byline: join_names(names(node.get("author"), document)),
        source,
        published: timestamp(node, "datePublished"),
        updated: timestamp(node, "dateModified"),
        reading_time_minutes: None,
        tags: keywords(node.get("keywords")),
        body,
        promotions: None,
    }
    .finish()
}

fn looks_like_html(text: &str) -> bool {
    ["</", "<p", "<br"].iter().any(|tag| text.contains(tag))
}

/// `articleBody` is plain text by the schema, but some publishers put HTML in it,
/// and some HTML escaped once more (`&lt;p&gt;…`): what a reader should see is the
/// text either way.
fn body_blocks(body: &str, document_url: &str) -> Vec<Block> {
    if looks_like_html(body) {
        return html_to_blocks(body, document_url);
    }
    if body.contains("&lt;") {
        let unescaped = super::entities::decode_entities(body);
        if looks_like_html(&unescaped) {
            return html_to_blocks(&unescaped, document_url);
        }
    }
    body.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph { text: p.into() })
        .collect()
}

fn keywords(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(list)) => list
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect(),
        other => strings(other),
    }
}
