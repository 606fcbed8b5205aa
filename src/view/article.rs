use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Node;

use super::{
    body::body,
    meta::{byline, reading_time, timestamp},
    share::{share, Shared},
    View,
};
use crate::{
    article::Article,
    config::ShareUrl,
    embed::page_url,
    i18n::{direction, strings},
};

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// `part="article"`: the rendered article, a landmark named by its headline.
pub fn article(view: &Rc<View>, parent: &Node, article: &Article) -> Result<(), JsValue> {
    let config = &view.config;
    let lang = config.lang.as_str();
    let text = strings(lang);
    // A landmark named by its headline (ARIA in HTML allows `region` on `<article>`).
    let root = view.element(
        parent,
        "article",
        &[
            ("part", "article"),
            ("class", "article"),
            ("lang", lang),
            ("dir", direction(lang)),
            ("role", "region"),
            ("aria-labelledby", "headline"),
        ],
    )?;
    let head = view.element(&root, "header", &[("class", "head")])?;
    headline(view, &head, &article.headline, config.heading_level)?;
    if let Some(standfirst) = &article.standfirst {
        let p = view.element(
            &head,
            "p",
            &[
                ("part", "standfirst"),
                ("class", "standfirst"),
                ("dir", "auto"),
            ],
        )?;
        view.text(&p, standfirst)?;
    }
    let meta = view.element(&head, "div", &[("class", "meta")])?;
    byline(
        view,
        &meta,
        article.byline.as_deref(),
        article.source.as_ref(),
    )?;
    let dates = view.element(&meta, "p", &[("class", "dates")])?;
    if let Some(time) = &article.published {
        timestamp(view, &dates, "published", text.published, time)?;
    }
    if let Some(time) = &article.updated {
        timestamp(view, &dates, "updated", text.updated, time)?;
    }
    reading_time(view, &meta, article.reading_time_minutes)?;
    body(view, &root, &article.body)?;
    // Share the canonical URL, or the host page's with `share-url="page"`; with
    // neither (or `share="none"`), no share controls.
    let shared_url = match config.share_url {
        ShareUrl::Article => article.url.clone(),
        ShareUrl::Page => page_url(),
    };
    if let Some(url) = shared_url.filter(|_| !config.share.is_empty()) {
        let shared = Shared {
            url,
            title: article.headline.clone(),
            text: article.standfirst.clone(),
        };
        share(view, &root, &config.share, Rc::new(shared))?;
    }
    Ok(())
}

/// `part="headline"`: `<h2>` unless the `heading-level` attribute says otherwise.
fn headline(view: &View, parent: &Node, text: &str, level: u8) -> Result<(), JsValue> {
    let tag = HEADINGS[usize::from(level.clamp(1, 6) - 1)];
    let headline = view.element(
        parent,
        tag,
        &[
            ("part", "headline"),
            ("id", "headline"),
            ("class", "headline"),
            ("dir", "auto"),
        ],
    )?;
    view.text(&headline, text)
}
