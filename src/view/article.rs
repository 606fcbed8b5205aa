use super::words::Words;
use std::sync::Arc;

use leptos::{html, prelude::*};

use super::{
    body::{heading, Body},
    corrections::Corrections,
    host::page_url,
    meta::{Byline, ReadingTime, Time},
    pieces::{Attribution, Continue, Live, PieceFailed, Promotions, Share, EXTRAS},
    preview::PreviewSignals,
    share::ShareSignals,
};
use crate::{
    article as model,
    config::{Config, Continue as ContinueTo, PromotionsFrom, ShareUrl},
    split::Loaded,
};

/// `part="article"`: the rendered article (an `article`, named by its headline).
/// Not a region landmark: a page with several widgets of one source would have
/// several landmarks of one name, which no reader can tell apart.
///
/// It shows the `current` version, and follows a newer one in place (contract
/// §8): the body's blocks are keyed by their content (an unchanged block keeps
/// its element, the reader's place and selection with it); the head and the
/// share controls and attribution render anew; the promotions stay (a typed
/// newsletter address stays typed). (Memos of each part's fields, and keys
/// sorted by hash, measured 11 KB more of the first module.) What the
/// attributes and the reader change (language, heading level, how much of a
/// preview shows, the share list) is read by the element that shows it.
#[component]
pub fn Article(
    /// The version shown: a newer one replaces it in place.
    current: ArcRwSignal<Arc<model::Article>>,
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
    /// The `<article>` element, for the engagement observers.
    element: NodeRef<html::Article>,
    /// The URL to check for newer versions (none for an inline article).
    watch: Option<String>,
    /// Shows a newer version in place of this one.
    show: Callback<Arc<model::Article>>,
    /// Shows the withdrawal notice in place of this article.
    withdraw: Callback<model::Withdrawal>,
) -> impl IntoView {
    // Owned here: dropped with the view.
    let current = RwSignal::from(current);
    let level = Memo::new(move |_| config.with(|c| c.heading_level));
    let blocks = Memo::new(move |_| current.with(|a| a.body.len()));
    // A preview shows its first blocks and "Continue reading"; a body no longer
    // than that shows whole (contract §6).
    let shown = Memo::new(move |_| {
        let previewed = config.with(|c| c.preview);
        if preview.expanded.get() {
            blocks.get()
        } else {
            current.with(|a| a.preview_len(previewed))
        }
    });
    let link_to = Memo::new(move |_| config.with(|c| c.continue_to) == ContinueTo::Link);
    // What follows the body (share controls, promotions, attribution) is built
    // once the body is: after the first screenful, in tasks of their own.
    let body_built = Memo::new(move |_| built.get() >= blocks.get());
    let url = Memo::new(move |_| current.with(|a| a.url.clone()));
    // After a preview's blocks, "Continue reading".
    let more = move || {
        (shown.get() < blocks.get()).then(|| {
            let link = link_to.get().then(|| url.get()).flatten();
            view! {
                <Continue
                    article=current.get_untracked()
                    link
                    first_hidden=shown.get_untracked()
                    text
                    preview
                />
            }
        })
    };
    // Where the piece of what follows the body could not be loaded: said once,
    // with a button that loads it again (a preview's rest is out of reach without it).
    let failed = move || {
        (body_built.get() || shown.get() < blocks.get())
            .then(|| matches!(EXTRAS.get(), Loaded::Failed))
            .filter(|failed| *failed)
            .map(|_| view! { <PieceFailed text retry=|| EXTRAS.start() /> })
    };
    // The publisher's promotions, between the share controls and the attribution
    // (none to wait for when the article has none of its own and no document is
    // named). Rendered once for the article: a newer version keeps them, and with
    // them what the reader typed (its own promotions show from the next page view).
    let promotions_from = Memo::new(move |_| config.with(|c| c.promotions.clone()));
    let has_promotions = Memo::new(move |_| current.with(|a| a.promotions.is_some()));
    let promotions = {
        let host = preview.host;
        move || {
            let from = promotions_from.get();
            let none = match &from {
                PromotionsFrom::None => true,
                PromotionsFrom::Article => !has_promotions.get(),
                PromotionsFrom::Document(_) => false,
            };
            (!none && body_built.get()).then(|| {
                let (level, timeout_ms) = config.with(|c| (c.heading_level, c.timeout_ms));
                let article = current.get_untracked();
                view! { <Promotions from article level timeout_ms text host /> }
            })
        }
    };
    let attribution = move || {
        body_built.get().then(|| {
            let (publisher, logo, url) = current.with(|a| {
                let logo = a.source.as_ref().and_then(|s| s.logo.clone());
                (a.publisher().map(str::to_owned), logo, a.url.clone())
            });
            view! { <Attribution publisher logo url text /> }
        })
    };
    // Share the canonical URL, or the host page's with `share-url="page"`; with
    // neither (or `share="none"`), no share controls.
    let sharing = Memo::new(move |_| {
        let url = url.get();
        config.with(|c| {
            let url = match c.share_url {
                ShareUrl::Article => url,
                ShareUrl::Page => page_url(),
            };
            url.filter(|_| !c.share.is_empty())
                .map(|url| (url, c.share.clone()))
        })
    });
    let share_controls = move || {
        sharing
            .get()
            .filter(|_| body_built.get())
            .map(|(url, networks)| {
                let (title, summary) = current.with(|a| (a.headline.clone(), a.standfirst.clone()));
                view! { <Share networks url title summary text signals=share /> }
            })
    };
    // The checks for newer versions, and their bar over the article (first in
    // it: sticky, it stays in view while the article is on screen), once its
    // piece is here.
    let live = watch.map(|url| {
        let host = preview.host;
        view! { <Live url current config text host show withdraw /> }
    });
    // The head, rendered anew with a newer version (a few elements).
    let head = move || {
        let head = current.get();
        view! {
            <header class="head">
                <Headline text=head.headline.clone() level />
                {head.standfirst.clone().map(|text| view! { <Standfirst text /> })}
                <div class="meta">
                    <Byline byline=head.byline.clone() source=head.source.clone() />
                    <p class="dates">
                        {head.published.clone().map(|time| {
                            view! { <Time part="published" label=text.say(|t| t.published) time lang=text.lang /> }
                        })}
                        {head.updated.clone().map(|time| {
                            view! { <Time part="updated" label=text.say(|t| t.updated) time lang=text.lang /> }
                        })}
                    </p>
                    <ReadingTime minutes=head.reading_time_minutes text />
                </div>
            </header>
            <Corrections corrections=head.corrections.clone() level text />
        }
    };
    view! {
        <article
            node_ref=element
            part="article"
            class="article"
            dir=text.dir()
            lang=text.lang
            aria-labelledby="headline"
        >
            {live}
            {head}
            <Body current=current.read_only() shown built level element=preview.body />
            {more}
            {failed}
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
