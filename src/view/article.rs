use super::words::Words;
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
    promotions::PromotionsProps,
    share::{ShareProps, ShareSignals},
};
use crate::{
    article as model,
    config::{Config, Continue as ContinueTo, PromotionsFrom, ShareUrl},
    fetch::page_url,
    split::Loaded,
};

/// `part="article"`: the rendered article, a region landmark named by its headline.
///
/// The article's own content is rendered once; what the attributes and the
/// reader change (language, heading level, how much of a preview shows, the
/// share list) is read by the element that shows it, which updates in place.
#[component]
pub fn Article(
    /// The validated article.
    article: Arc<model::Article>,
    /// The element's attributes.
    config: ReadSignal<Config>,
    /// The UI language and its strings.
    text: Words,
    /// What the share controls say, and where they report.
    share: ShareSignals,
    /// The preview's state: whether the reader revealed the rest.
    preview: PreviewSignals,
    /// How many of the body's blocks are built so far.
    built: ReadSignal<usize>,
) -> impl IntoView {
    let level = Memo::new(move |_| config.with(|c| c.heading_level));
    let blocks = article.body.len();
    // A preview shows its first blocks and "Continue reading"; a body no longer
    // than that shows whole (contract §6).
    let shown = Memo::new({
        let article = article.clone();
        move |_| {
            let previewed = config.with(|c| c.preview);
            if preview.expanded.get() {
                blocks
            } else {
                article.preview_len(previewed)
            }
        }
    });
    let link_to = Memo::new(move |_| config.with(|c| c.continue_to) == ContinueTo::Link);
    // What follows the body (share controls, promotions, attribution) is built
    // once the body is: after the first screenful, in tasks of their own.
    let body_built = Memo::new(move |_| built.get() >= blocks);
    let more = {
        let article = article.clone();
        // Without its piece the rest of the body is out of reach: the failure
        // (and its retry) shows here, not by the share controls.
        move || {
            (shown.get() < blocks).then(|| match EXTRAS.get() {
                Loaded::Ready(extras) => Either::Left((extras.more)(
                    ContinueProps::builder()
                        .article(article.clone())
                        .link(link_to.get().then(|| article.url.clone()).flatten())
                        .first_hidden(shown.get_untracked())
                        .text(text)
                        .preview(preview)
                        .build(),
                )),
                Loaded::Pending => Either::Right(None),
                Loaded::Failed => {
                    Either::Right(Some(view! { <PieceFailed text retry=|| EXTRAS.start() /> }))
                }
            })
        }
    };
    // The publisher's promotions, between the share controls and the attribution
    // (none to wait for when the article has none of its own and no document is named).
    let promotions_from = Memo::new(move |_| config.with(|c| c.promotions.clone()));
    let promotions = {
        let article = article.clone();
        let host = preview.host;
        move || {
            let from = promotions_from.get();
            let none = match &from {
                PromotionsFrom::None => true,
                PromotionsFrom::Article => article.promotions.is_none(),
                PromotionsFrom::Document(_) => false,
            };
            if none || !body_built.get() {
                return None;
            }
            let extras = EXTRAS.ready()?;
            let (level, timeout_ms) = config.with(|c| (c.heading_level, c.timeout_ms));
            Some((extras.promotions)(
                PromotionsProps::builder()
                    .from(from)
                    .article(article.clone())
                    .level(level)
                    .timeout_ms(timeout_ms)
                    .text(text)
                    .host(host)
                    .build(),
            ))
        }
    };
    let attribution = {
        let publisher = article.publisher().map(str::to_owned);
        let logo = article.source.as_ref().and_then(|s| s.logo.clone());
        let url = article.url.clone();
        move || {
            // (Reading the piece starts it: not before the body is built.)
            body_built
                .get()
                .then(|| EXTRAS.ready())
                .flatten()
                .map(|extras| {
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
    let sharing = Memo::new({
        let url = article.url.clone();
        move |_| {
            config.with(|c| {
                let url = match c.share_url {
                    ShareUrl::Article => url.clone(),
                    ShareUrl::Page => page_url(),
                };
                url.filter(|_| !c.share.is_empty())
                    .map(|url| (url, c.share.clone()))
            })
        }
    });
    let share_controls = {
        let (title, summary) = (article.headline.clone(), article.standfirst.clone());
        move || {
            sharing
                .get()
                .filter(|_| body_built.get())
                .map(|(url, networks)| match EXTRAS.get() {
                    Loaded::Ready(extras) => EitherOf3::A((extras.share)(
                        ShareProps::builder()
                            .networks(networks)
                            .url(url)
                            .title(title.clone())
                            .summary(summary.clone())
                            .text(text)
                            .signals(share)
                            .build(),
                    )),
                    // The share controls come in a piece of their own: until it is
                    // here, a group of their size holds their place.
                    Loaded::Pending => EitherOf3::B(view! { <SharePending text /> }),
                    // (A failure shows once, where the continue control would be.)
                    Loaded::Failed => EitherOf3::C((shown.get() == blocks).then(|| {
                        view! { <PieceFailed text retry=|| EXTRAS.start() /> }
                    })),
                })
        }
    };
    let (headline, standfirst) = (article.headline.clone(), article.standfirst.clone());
    let (byline, source) = (article.byline.clone(), article.source.clone());
    let (published, updated) = (article.published.clone(), article.updated.clone());
    view! {
        <article
            part="article"
            class="article"
            dir=text.dir()
            lang=text.lang
            role="region"
            aria-labelledby="headline"
        >
            <header class="head">
                <Headline text=headline level />
                {standfirst.map(|text| view! { <Standfirst text /> })}
                <div class="meta">
                    <Byline byline source />
                    <p class="dates">
                        {published.map(|time| {
                            view! { <Time part="published" label=text.say(|t| t.published) time lang=text.lang /> }
                        })}
                        {updated.map(|time| {
                            view! { <Time part="updated" label=text.say(|t| t.updated) time lang=text.lang /> }
                        })}
                    </p>
                    <ReadingTime minutes=article.reading_time_minutes text />
                </div>
            </header>
            <Body article=article.clone() shown built level />
            {more}
            {share_controls}
            {promotions}
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
