use std::sync::Arc;

use leptos::{
    either::{Either, EitherOf3},
    prelude::*,
};

use super::{
    attribution::AttributionProps,
    body::{heading, Body},
    meta::{Byline, ReadingTime, Time},
    pieces::{PieceFailed, SharePending, EXTRAS},
    preview::{ContinueProps, PreviewSignals},
    share::{ShareProps, ShareSignals},
};
use crate::split::Loaded;
use crate::{
    article as model,
    config::{Config, Continue as ContinueTo, ShareUrl},
    embed::page_url,
    i18n::{direction, Strings},
};

/// `part="article"`: the rendered article, a region landmark named by its headline.
#[component]
pub fn Article(
    /// The validated article.
    article: Arc<model::Article>,
    /// The element's attributes.
    config: Config,
    /// The UI strings for `config.lang`.
    text: &'static Strings,
    /// What the share controls say, and where they report.
    share: ShareSignals,
    /// The preview's state: whether the reader revealed the rest.
    preview: PreviewSignals,
    /// The rest of a preview is revealed.
    expanded: bool,
) -> impl IntoView {
    let lang = config.lang;
    // A preview shows its first blocks and "Continue reading"; a body no longer
    // than that shows whole (contract §6).
    let shown = if expanded {
        article.body.len()
    } else {
        article.preview_len(config.preview)
    };
    let more = (shown < article.body.len()).then(|| {
        let link = match config.continue_to {
            ContinueTo::Link => article.url.clone(),
            ContinueTo::Expand => None,
        };
        let article = article.clone();
        // Without its piece the rest of the body is out of reach: the failure
        // (and its retry) shows here, not by the share controls.
        move || match EXTRAS.get() {
            Loaded::Ready(extras) => Some(Either::Left((extras.more)(
                ContinueProps::builder()
                    .article(article.clone())
                    .link(link.clone())
                    .text(text)
                    .preview(preview)
                    .build(),
            ))),
            Loaded::Pending => None,
            Loaded::Failed => Some(Either::Right(
                view! { <PieceFailed text retry=|| EXTRAS.start() /> },
            )),
        }
    });
    let truncated = more.is_some();
    let attribution = {
        let publisher = article.publisher().map(str::to_owned);
        let logo = article.source.as_ref().and_then(|s| s.logo.clone());
        let url = article.url.clone();
        move || {
            EXTRAS.ready().map(|extras| {
                (extras.attribution)(
                    AttributionProps::builder()
                        .publisher(publisher.clone())
                        .logo(logo.clone())
                        .url(url.clone())
                        .text(text)
                        .build(),
                )
            })
        }
    };
    // Share the canonical URL, or the host page's with `share-url="page"`; with
    // neither (or `share="none"`), no share controls.
    let shared_url = match config.share_url {
        ShareUrl::Article => article.url.clone(),
        ShareUrl::Page => page_url(),
    }
    .filter(|_| !config.share.is_empty());
    view! {
        <article
            part="article"
            class="article"
            dir=direction(&lang)
            lang=lang.clone()
            role="region"
            aria-labelledby="headline"
        >
            <header class="head">
                <Headline text=article.headline.clone() level=config.heading_level />
                {article.standfirst.clone().map(|text| view! { <Standfirst text /> })}
                <div class="meta">
                    <Byline byline=article.byline.clone() source=article.source.clone() />
                    <p class="dates">
                        {article.published.clone().map(|time| {
                            let lang = lang.clone();
                            view! { <Time part="published" label=text.published time lang /> }
                        })}
                        {article.updated.clone().map(|time| {
                            let lang = lang.clone();
                            view! { <Time part="updated" label=text.updated time lang /> }
                        })}
                    </p>
                    <ReadingTime minutes=article.reading_time_minutes lang=lang.clone() text />
                </div>
            </header>
            <Body blocks=article.body[..shown].to_vec() level=config.heading_level />
            {more}
            {shared_url.map(|url| {
                let (title, summary) = (article.headline.clone(), article.standfirst.clone());
                let networks = config.share;
                // The share controls come in a piece of their own: until it is here,
                // a group of their size holds their place.
                move || match EXTRAS.get() {
                    Loaded::Ready(extras) => EitherOf3::A((extras.share)(
                        ShareProps::builder()
                            .networks(networks.clone())
                            .url(url.clone())
                            .title(title.clone())
                            .summary(summary.clone())
                            .text(text)
                            .signals(share)
                            .build(),
                    )),
                    Loaded::Pending => EitherOf3::B(view! { <SharePending text /> }),
                    Loaded::Failed => EitherOf3::C((!truncated).then(|| view! {
                        <PieceFailed text retry=|| EXTRAS.start() />
                    })),
                }
            })}
            {attribution}
        </article>
    }
}

/// `part="headline"`: `<h2>` unless the `heading-level` attribute says otherwise.
#[component]
pub fn Headline(
    /// The headline text.
    text: String,
    /// The heading level (1–6).
    level: u8,
) -> impl IntoView {
    heading(level)
        .attr("part", "headline")
        .attr("id", "headline")
        .attr("class", "headline")
        .attr("dir", "auto")
        .child(text)
}

/// `part="standfirst"`: the summary under the headline.
#[component]
pub fn Standfirst(
    /// The standfirst text.
    text: String,
) -> impl IntoView {
    view! { <p part="standfirst" class="standfirst" dir="auto">{text}</p> }
}
