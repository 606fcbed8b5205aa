use leptos::prelude::*;

use super::{
    body::Body,
    meta::{Byline, ReadingTime, Timestamp},
    share::{Share, Shared},
};
use crate::{
    article::Article,
    config::{Config, ShareUrl},
    embed::{dispatch_load, page_url, Host},
    i18n::{direction, strings},
};

/// `part="article"`: the rendered article, a landmark named by its headline.
#[component]
pub fn ArticleView(article: Article, config: Config) -> impl IntoView {
    if let Some(host) = use_context::<Host>() {
        let article = article.clone();
        // Effects run after the view is in the DOM: "load" means "rendered".
        Effect::new(move |_| dispatch_load(&host.0, &article));
    }
    let text = strings(&config.lang);
    let dir = direction(&config.lang);
    let lang = config.lang.clone();
    // Share the canonical URL, or the host page's with `share-url="page"`; with
    // neither (or `share="none"`), no share controls.
    let shared_url = match config.share_url {
        ShareUrl::Article => article.url.clone(),
        ShareUrl::Page => page_url(),
    };
    let share = shared_url
        .filter(|_| !config.share.is_empty())
        .map(|url| Shared {
            url,
            title: article.headline.clone(),
            text: article.standfirst.clone(),
        });
    let Article {
        headline,
        standfirst,
        byline,
        source,
        published,
        updated,
        reading_time_minutes,
        body,
        ..
    } = article;

    view! {
        // A landmark named by its headline (ARIA in HTML allows `region` on `<article>`).
        <article part="article" class="article" lang=lang.clone() dir=dir role="region" aria-labelledby="headline">
            <header class="head">
                <Headline text=headline level=config.heading_level />
                {standfirst.map(|text| view! { <p part="standfirst" class="standfirst" dir="auto">{text}</p> })}
                <div class="meta">
                    <Byline byline source />
                    <p class="dates">
                        {published.map(|t| view! { <Timestamp part="published" label=text.published time=t lang=lang.clone() /> })}
                        {updated.map(|t| view! { <Timestamp part="updated" label=text.updated time=t lang=lang.clone() /> })}
                    </p>
                    <ReadingTime minutes=reading_time_minutes lang=lang.clone() />
                </div>
            </header>
            <Body blocks=body level=config.heading_level />
            {share.map(|shared| view! { <Share networks=config.share.clone() shared text /> })}
        </article>
    }
}

/// `part="headline"`: `<h2>` unless the `heading-level` attribute says otherwise.
#[component]
fn Headline(text: String, level: u8) -> impl IntoView {
    match level {
        1 => view! { <h1 part="headline" id="headline" class="headline" dir="auto">{text}</h1> }
            .into_any(),
        3 => view! { <h3 part="headline" id="headline" class="headline" dir="auto">{text}</h3> }
            .into_any(),
        4 => view! { <h4 part="headline" id="headline" class="headline" dir="auto">{text}</h4> }
            .into_any(),
        5 => view! { <h5 part="headline" id="headline" class="headline" dir="auto">{text}</h5> }
            .into_any(),
        6 => view! { <h6 part="headline" id="headline" class="headline" dir="auto">{text}</h6> }
            .into_any(),
        _ => view! { <h2 part="headline" id="headline" class="headline" dir="auto">{text}</h2> }
            .into_any(),
    }
}
