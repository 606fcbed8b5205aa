use std::sync::Arc;

use leptos::{html, prelude::*};

use super::{
    body::{heading, Body},
    meta::{Byline, ReadingTime, Time},
    share::{Share, Shared},
    Ui,
};
use crate::{
    article as model,
    config::{Config, ShareUrl},
    embed::page_url,
};

/// `part="article"`: the rendered article, a region landmark named by its headline.
#[component]
pub fn Article(
    /// The validated article.
    article: Arc<model::Article>,
    /// The element's attributes, live: heading level and share controls follow them.
    config: ReadSignal<Config>,
    /// The UI language, live.
    ui: Ui,
    /// The `<article>` element, for the loader to lay out once rendered.
    root: NodeRef<html::Article>,
) -> impl IntoView {
    let level = Memo::new(move |_| config.with(|c| c.heading_level));
    let sharing = Memo::new(move |_| config.with(|c| (c.share.clone(), c.share_url)));
    let share = {
        let article = article.clone();
        // Share the canonical URL, or the host page's with `share-url="page"`; with
        // neither (or `share="none"`), no share controls.
        move || {
            let (networks, share_url) = sharing.get();
            let url = match share_url {
                ShareUrl::Article => article.url.clone(),
                ShareUrl::Page => page_url(),
            };
            url.filter(|_| !networks.is_empty()).map(|url| {
                let shared = Shared {
                    url,
                    title: article.headline.clone(),
                    text: article.standfirst.clone(),
                };
                view! { <Share networks shared ui /> }
            })
        }
    };

    view! {
        <article
            node_ref=root
            part="article"
            class="article"
            lang=ui.lang()
            dir=ui.dir()
            role="region"
            aria-labelledby="headline"
        >
            <header class="head">
                <Headline text=article.headline.clone() level />
                {article.standfirst.clone().map(|text| view! { <Standfirst text /> })}
                <div class="meta">
                    <Byline byline=article.byline.clone() source=article.source.clone() />
                    <p class="dates">
                        {article.published.clone().map(|time| {
                            view! { <Time part="published" label=|t| t.published time ui /> }
                        })}
                        {article.updated.clone().map(|time| {
                            view! { <Time part="updated" label=|t| t.updated time ui /> }
                        })}
                    </p>
                    <ReadingTime minutes=article.reading_time_minutes ui />
                </div>
            </header>
            <Body blocks=article.body.clone() level />
            {share}
        </article>
    }
}

/// `part="headline"`: `<h2>` unless the `heading-level` attribute says otherwise.
#[component]
pub fn Headline(
    /// The headline text.
    text: String,
    /// The heading level (1–6), live.
    level: Memo<u8>,
) -> impl IntoView {
    move || {
        heading(level.get())
            .attr("part", "headline")
            .attr("id", "headline")
            .attr("class", "headline")
            .attr("dir", "auto")
            .child(text.clone())
    }
}

/// `part="standfirst"`: the summary under the headline.
#[component]
pub fn Standfirst(
    /// The standfirst text.
    text: String,
) -> impl IntoView {
    view! { <p part="standfirst" class="standfirst" dir="auto">{text}</p> }
}
