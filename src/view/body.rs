use leptos::prelude::*;

use crate::article::{Block, Inline, Text};

/// `part="body"`: the article body as semantic elements; text is always text.
#[component]
pub fn Body(blocks: Vec<Block>, level: u8) -> impl IntoView {
    // Subheadings sit one level under the headline.
    let sub = (level + 1).min(6);
    view! {
        <div part="body" class="body">
            {blocks.into_iter().map(|block| render(block, sub)).collect_view()}
        </div>
    }
}

fn render(block: Block, sub: u8) -> AnyView {
    match block {
        Block::Paragraph { text } => view! { <p dir="auto">{rich(text)}</p> }.into_any(),
        Block::Quote { text, cite } => view! {
            <blockquote dir="auto">
                <p>{rich(text)}</p>
                {cite.map(|cite| view! { <footer>"— "<cite>{cite}</cite></footer> })}
            </blockquote>
        }
        .into_any(),
        Block::Heading { text } => subheading(rich(text), sub),
        Block::List {
            ordered: true,
            items,
        } => view! { <ol>{list_items(items)}</ol> }.into_any(),
        Block::List {
            ordered: false,
            items,
        } => view! { <ul>{list_items(items)}</ul> }.into_any(),
        Block::Image {
            src,
            alt,
            caption,
            credit,
        } => {
            let has_caption = caption.is_some() || credit.is_some();
            view! {
                <figure>
                    <img src=src alt=alt loading="lazy" decoding="async" />
                    {has_caption.then(|| view! {
                        <figcaption dir="auto">
                            {caption}
                            {credit.map(|credit| view! { " "<span class="credit">{credit}</span> })}
                        </figcaption>
                    })}
                </figure>
            }
            .into_any()
        }
    }
}

fn list_items(items: Vec<Text>) -> impl IntoView {
    items
        .into_iter()
        .map(|item| view! { <li dir="auto">{rich(item)}</li> })
        .collect_view()
}

/// Inline runs: text nodes, `<strong>`, `<em>`, links (to a new tab) and `<br>`.
fn rich(text: Text) -> impl IntoView {
    text.0
        .into_iter()
        .map(|inline| match inline {
            Inline::Break => view! { <br /> }.into_any(),
            Inline::Run {
                text,
                strong,
                emphasis,
                link,
            } => {
                let mut run = text.into_any();
                if emphasis {
                    run = view! { <em>{run}</em> }.into_any();
                }
                if strong {
                    run = view! { <strong>{run}</strong> }.into_any();
                }
                if let Some(href) = link {
                    run =
                        view! { <a href=href target="_blank" rel="noopener noreferrer">{run}</a> }
                            .into_any();
                }
                run
            }
        })
        .collect_view()
}

fn subheading(text: impl IntoView + 'static, level: u8) -> AnyView {
    match level {
        4 => view! { <h4 dir="auto">{text}</h4> }.into_any(),
        5 => view! { <h5 dir="auto">{text}</h5> }.into_any(),
        6 => view! { <h6 dir="auto">{text}</h6> }.into_any(),
        _ => view! { <h3 dir="auto">{text}</h3> }.into_any(),
    }
}
