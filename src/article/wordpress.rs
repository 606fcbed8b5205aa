//! A WordPress REST API post (`/wp-json/wp/v2/posts/ID`), or a one-element list of
//! them, with what `?_embed` adds (author, featured image, terms) when present.

use serde_json::Value;

use super::{
    fields::{self, join_names, link, text, timestamp, Object},
    html::{html_to_blocks, html_to_text},
    resolve_http_url, Article, Block, Draft, LoadError, Source,
};

/// `{ "rendered": "…" }` fields, as WordPress returns them.
fn rendered<'a>(object: &'a Object, key: &str) -> Option<&'a str> {
    object.get(key)?.get("rendered")?.as_str()
}

/// The post of a WordPress response, if it is one.
pub fn find(value: &Value) -> Option<&Object> {
    let post = match value {
        Value::Array(items) => items.first()?,
        post => post,
    }
    .as_object()?;
    (rendered(post, "title").is_some() && post.get("content").is_some()).then_some(post)
}

fn embedded<'a>(post: &'a Object, key: &str) -> impl Iterator<Item = &'a Object> {
    post.get("_embedded")
        .and_then(|e| e.get(key))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

pub fn read(post: &Object, document_url: &str) -> Result<Article, LoadError> {
    let url = link(post, "link", document_url);
    let excerpt = rendered(post, "excerpt")
        .map(html_to_text)
        .filter(|e| !e.is_empty());
    // A password-protected post has no content: its excerpt is then the body.
    let (standfirst, mut body) = super::summary_and_body(
        excerpt,
        rendered(post, "content")
            .map(|html| html_to_blocks(html, document_url))
            .unwrap_or_default(),
    );
    // The featured image: embedded media, or the `featured_image_src` plugins add.
    let media = embedded(post, "wp:featuredmedia").next();
    let featured = media
        .and_then(|m| link(m, "source_url", document_url))
        .or_else(|| link(post, "featured_image_src", document_url));
    if let Some(src) = featured {
        super::lead_image(&mut body, src.clone());
        if let (
            Some(Block::Image {
                src: first,
                alt,
                caption,
                ..
            }),
            Some(media),
        ) = (body.first_mut(), media)
        {
            if *first == src {
                *alt = text(media, "alt_text").unwrap_or_default();
                *caption = rendered(media, "caption")
                    .map(html_to_text)
                    .filter(|c| !c.is_empty());
            }
        }
    }
    // Authors: embedded users, or the `author_info` plugins add.
    let mut authors: Vec<String> = embedded(post, "author")
        .filter_map(|a| text(a, "name"))
        .collect();
    if authors.is_empty() {
        authors.extend(
            post.get("author_info")
                .and_then(Value::as_object)
                .and_then(|a| text(a, "display_name")),
        );
    }
    let site = post
        .get("yoast_head_json")
        .and_then(Value::as_object)
        .and_then(|y| text(y, "og_site_name"));
    let source = url
        .as_deref()
        .and_then(|u| resolve_http_url("/", u))
        .map(|home| Source {
            name: site,
            url: Some(home),
            logo: None,
        });
    let tags = embedded_terms(post);
    Draft {
        id: fields::id(post.get("id")),
        url,
        headline: rendered(post, "title")
            .map(html_to_text)
            .filter(|t| !t.is_empty()),
        standfirst,
        byline: join_names(authors),
        source,
        // date_gmt and modified_gmt carry no time zone: they are UTC.
        published: timestamp(post, "date_gmt").or_else(|| timestamp(post, "date")),
        updated: timestamp(post, "modified_gmt").or_else(|| timestamp(post, "modified")),
        reading_time_minutes: None,
        tags,
        body,
        // (Promotions come to these formats through the `promotions` attribute.)
        promotions: None,
        ..Draft::default()
    }
    .finish()
}

/// Category and tag names from `_embedded["wp:term"]` (a list of lists).
fn embedded_terms(post: &Object) -> Vec<String> {
    post.get("_embedded")
        .and_then(|e| e.get("wp:term"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|term| term.get("name")?.as_str())
        .map(html_to_text)
        .filter(|name| !name.is_empty() && name != "Uncategorized")
        .collect()
}
