//! schema.org `NewsArticle` (and `Article`, `BlogPosting` and their subtypes)
//! JSON-LD, as publishers embed it for search engines: a lone object, an array,
//! or a `@graph` whose nodes refer to each other by `@id`. Types are read as
//! publishers write them: a name, a list, or an IRI (`http://schema.org/…`,
//! `https://schema.org/…`, `schema:…`), whatever the `@context`'s spelling.

use serde_json::Value;

use super::{
    fields::{clean, first_text, join_names, link, strings, text, values, Object},
    html::{html_to_blocks, html_to_text},
    work, Article, Block, Correction, Draft, LoadError, Source, Timestamp,
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
    work::items(1);
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

/// The document's nodes by `@id`, for references (`{ "@id": … }`), collected
/// once. At most [`MAX_LOOKUPS`](super::bounds::MAX_LOOKUPS) references are
/// followed, so their searches cost a bounded number of passes over the list,
/// never one per reference of a hostile document.
pub struct Graph<'a> {
    by_id: Vec<(&'a str, &'a Object)>,
    lookups: std::cell::Cell<usize>,
}

impl<'a> Graph<'a> {
    pub fn new(document: &'a Value) -> Graph<'a> {
        let by_id = nodes(document)
            .into_iter()
            .filter(|node| node.len() > 1)
            .filter_map(|node| Some((node.get("@id")?.as_str()?, node)))
            .collect();
        Graph {
            by_id,
            lookups: std::cell::Cell::new(super::bounds::MAX_LOOKUPS),
        }
    }

    /// The node `value` is, following a reference to it (the first node with
    /// that `@id` and more than it).
    fn resolve(&self, value: &'a Value) -> Option<&'a Object> {
        let object = value.as_object()?;
        match object.get("@id").and_then(Value::as_str) {
            Some(id) if object.len() == 1 => {
                let left = self.lookups.get().checked_sub(1)?;
                self.lookups.set(left);
                let at = self.by_id.iter().position(|(other, _)| *other == id);
                work::items(at.map_or(self.by_id.len(), |at| at + 1));
                at.map(|at| self.by_id[at].1)
            }
            _ => Some(object),
        }
    }

    /// The names in a property (authors): strings, nodes with a `name` (one or
    /// several: a `Person` with a list of names is several authors) or with a
    /// given and a family name, and references to them; at most
    /// [`MAX_AUTHORS`](super::bounds::MAX_AUTHORS).
    fn names(&self, value: Option<&'a Value>) -> Vec<String> {
        let mut names = Vec::new();
        for value in values(value) {
            work::items(1);
            if names.len() >= super::bounds::MAX_AUTHORS {
                break;
            }
            match value {
                Value::String(_) => names.extend(clean(value).map(|n| html_to_text(&n))),
                value => {
                    let Some(node) = self.resolve(value) else {
                        continue;
                    };
                    let named: Vec<String> = values(node.get("name"))
                        .iter()
                        .filter_map(clean)
                        .map(|n| html_to_text(&n))
                        .collect();
                    if named.is_empty() {
                        let given = [
                            first_text(node, "givenName"),
                            first_text(node, "familyName"),
                        ];
                        names.extend(join_names_by_space(given));
                    }
                    names.extend(named);
                }
            }
        }
        names.truncate(super::bounds::MAX_AUTHORS);
        names
    }

    /// An image (or logo) as a URL: a string, an `ImageObject`
    /// (`url`/`contentUrl`), or the first usable of a list.
    fn image_url(&self, value: Option<&'a Value>, document_url: &str) -> Option<String> {
        values(value).iter().find_map(|value| match value {
            Value::String(url) => super::resolve_http_url(url, document_url),
            value => {
                let object = self.resolve(value)?;
                first_link(object, "url", document_url)
                    .or_else(|| first_link(object, "contentUrl", document_url))
            }
        })
    }

    /// The publisher: a name, or an `Organization` (the first usable of a list).
    fn publisher(&self, value: Option<&'a Value>, document_url: &str) -> Option<Source> {
        values(value).iter().find_map(|value| match value {
            Value::String(_) => clean(value).map(|name| Source {
                name: Some(html_to_text(&name)).filter(|n| !n.is_empty()),
                url: None,
                logo: None,
            }),
            value => self
                .resolve(value)
                .map(|p| Source {
                    name: first_text(p, "name").map(|n| html_to_text(&n)),
                    url: first_link(p, "url", document_url),
                    logo: self.image_url(p.get("logo"), document_url),
                })
                .filter(|s| s.name.is_some() || s.url.is_some() || s.logo.is_some()),
        })
    }
}

/// "Given Family", when there is either.
fn join_names_by_space(parts: [Option<String>; 2]) -> Option<String> {
    let joined = super::fields::join(parts.iter().flatten(), " ");
    (!joined.is_empty()).then(|| html_to_text(&joined))
}

/// The first `http(s)` URL among a property's values.
fn first_link(node: &Object, key: &str, document_url: &str) -> Option<String> {
    values(node.get(key))
        .iter()
        .filter_map(Value::as_str)
        .find_map(|url| super::resolve_http_url(url, document_url))
}

/// The first date among a property's values that reads as one.
fn first_timestamp(node: &Object, key: &str) -> Option<Timestamp> {
    values(node.get(key))
        .iter()
        .filter_map(clean)
        .find_map(|date| Timestamp::parse_lenient(&date))
}

pub fn read(node: &Object, document: &Value, document_url: &str) -> Result<Article, LoadError> {
    let graph = Graph::new(document);
    let url = first_link(node, "url", document_url).or_else(|| {
        values(node.get("mainEntityOfPage"))
            .iter()
            .find_map(|page| match page {
                // A URL; not the `"True"` some publishers write there.
                Value::String(page) if page.contains('/') => {
                    super::resolve_http_url(page, document_url)
                }
                Value::String(_) => None,
                // Often a reference to the WebPage node, whose `url` is the page
                // (its `@id` may carry a #fragment).
                page => graph.resolve(page).and_then(|p| {
                    first_link(p, "url", document_url).or_else(|| link(p, "@id", document_url))
                }),
            })
    });
    let source = graph.publisher(node.get("publisher"), document_url);
    let description = first_text(node, "description")
        .map(|d| html_to_text(&d))
        .filter(|d| !d.is_empty());
    // Many publishers leave articleBody out: the description is then the body.
    // Several bodies are read one after the other.
    let bodies: Vec<String> = values(node.get("articleBody"))
        .iter()
        .filter_map(clean)
        .collect();
    let (standfirst, mut body) = super::summary_and_body(
        description,
        bodies
            .iter()
            .flat_map(|b| body_blocks(b, document_url))
            .collect(),
    );
    if let Some(src) = graph.image_url(node.get("image"), document_url) {
        super::lead_image(&mut body, src);
    }
    let headline = |key| {
        values(node.get(key))
            .iter()
            .filter_map(clean)
            .map(|h| html_to_text(&h))
            .find(|h| !h.is_empty())
    };
    Draft {
        id: text(node, "@id").or_else(|| first_text(node, "identifier")),
        url,
        headline: headline("headline").or_else(|| headline("name")),
        standfirst,
        byline: join_names(graph.names(node.get("author"))),
        source,
        published: first_timestamp(node, "datePublished"),
        updated: first_timestamp(node, "dateModified"),
        reading_time_minutes: None,
        tags: keywords(node.get("keywords")),
        body,
        promotions: None,
        corrections: corrections(&graph, node.get("correction")),
        withdrawn: values(node.get("creativeWorkStatus"))
            .iter()
            .filter_map(clean)
            .any(|status| is_withdrawn(&status)),
        notice: None,
    }
    .finish()
}

/// The `creativeWorkStatus` values that mean the article is no longer published
/// (any case, with or without schema.org's prefix).
fn is_withdrawn(status: &str) -> bool {
    let status = status.rsplit(['/', ':']).next().unwrap_or(status);
    ["withdrawn", "retracted", "canceled", "cancelled"]
        .iter()
        .any(|word| status.eq_ignore_ascii_case(word))
}

/// `correction`: text, a `CorrectionComment` (`text`, `datePublished`), a
/// reference to one, or a list of these.
fn corrections(graph: &Graph, value: Option<&Value>) -> Vec<Correction> {
    values(value)
        .iter()
        .take(super::bounds::MAX_CORRECTIONS * 4)
        .filter_map(|value| {
            work::items(1);
            let (text, date) = match value {
                Value::String(_) => (clean(value), None),
                value => {
                    let node = graph.resolve(value)?;
                    (
                        first_text(node, "text"),
                        first_timestamp(node, "datePublished"),
                    )
                }
            };
            let text = html_to_text(&text?);
            (!text.is_empty()).then_some(Correction { text, date })
        })
        .take(super::bounds::MAX_CORRECTIONS)
        .collect()
}

fn looks_like_html(text: &str) -> bool {
    ["</", "<p", "<br"].iter().any(|tag| text.contains(tag))
}

/// `articleBody` is plain text by the schema, but some publishers put HTML in it,
/// and some HTML escaped once more (`&lt;p&gt;…`): what a reader should see is the
/// text either way.
fn body_blocks(body: &str, document_url: &str) -> Vec<Block> {
    work::bytes(body.len());
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
