use std::sync::Arc;

use leptos::{
    either::{Either, EitherOf4},
    html::{custom, Custom, HtmlElement},
    prelude::*,
};

use crate::article::{block_keys, Article, Block, Inline, Text};

// Upper case, as the DOM reports `tagName`: re-rendering compares the two and
// keeps the element when they match.
const HEADINGS: [&str; 6] = ["H1", "H2", "H3", "H4", "H5", "H6"];

/// An `<h1>`–`<h6>` element. Its level is data (the `heading-level` attribute,
/// and subheadings one below it), so its tag is computed.
pub fn heading(level: u8) -> HtmlElement<Custom<&'static str>, (), ()> {
    custom(HEADINGS[usize::from(level.clamp(1, 6) - 1)])
}

/// `part="body"`: the article body as semantic elements; text is always text.
///
/// Its first `shown` blocks. Each is keyed by its content: revealing more of a
/// preview adds the rest after them, and a newer version of the article
/// (contract §8) adds, removes and moves blocks around the ones it kept, which
/// keep their elements (the reader's place, a selection, the scroll anchor). Of
/// those, the first `built`: a long body is built a few blocks a task (see
/// `widget.rs`).
#[component]
pub fn Body(
    /// The article whose body this is, as it is now.
    current: ReadSignal<Arc<Article>>,
    /// How many of its blocks show.
    shown: Memo<usize>,
    /// How many of its blocks are built so far.
    built: ReadSignal<usize>,
    /// The headline's level: subheadings sit one level below it.
    level: Memo<u8>,
    /// The body's element, for focus and the engagement observers.
    element: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    // Each block's key: its content's hash, and which of the blocks with that
    // hash it is (a body may repeat a block).
    let keys = Memo::new(move |_| current.with(|article| block_keys(&article.body)));
    view! {
        <div node_ref=element part="body" class="body">
            <For
                each=move || {
                    let count = shown.get().min(built.get());
                    keys.with(|keys| keys.iter().copied().take(count).enumerate().collect::<Vec<_>>())
                }
                key=|(_, key)| *key
                children=move |(index, _)| {
                    current
                        .with_untracked(|article| article.body.get(index).cloned())
                        .map(|block| view! { <BodyBlock block level /> })
                }
            />
        </div>
    }
}

/// One block of the body, by kind.
#[component]
fn BodyBlock(block: Block, level: Memo<u8>) -> impl IntoView {
    match block {
        Block::Paragraph { text } => EitherOf4::A(Either::Left(view! {
            <p dir="auto"><Runs text /></p>
        })),
        // Subheadings sit one level below the headline (at most `h6`).
        Block::Heading { text } => EitherOf4::A(Either::Right(move || {
            heading((level.get() + 1).max(3))
                .attr("dir", "auto")
                .child(view! { <Runs text=text.clone() /> })
        })),
        Block::Quote { text, cite } => EitherOf4::B(view! { <Quote text cite /> }),
        Block::List { ordered, items } => EitherOf4::C(view! { <List ordered items /> }),
        Block::Image {
            src,
            alt,
            caption,
            credit,
        } => EitherOf4::D(view! { <Figure src alt caption credit /> }),
    }
}

/// A quotation, with its source when known.
#[component]
fn Quote(text: Text, cite: Option<String>) -> impl IntoView {
    view! {
        <blockquote dir="auto">
            <p><Runs text /></p>
            {cite.map(|cite| view! { <footer>"— "<cite>{cite}</cite></footer> })}
        </blockquote>
    }
}

/// A bulleted or numbered list.
#[component]
fn List(ordered: bool, items: Vec<Text>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|text| view! { <li dir="auto"><Runs text /></li> })
        .collect_view();
    if ordered {
        Either::Left(view! { <ol>{items}</ol> })
    } else {
        Either::Right(view! { <ul>{items}</ul> })
    }
}

/// An image, with its caption and credit when it has them.
#[component]
fn Figure(
    src: String,
    alt: String,
    caption: Option<String>,
    credit: Option<String>,
) -> impl IntoView {
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
}

/// Inline runs: text, `<strong>`, `<em>`, links (to a new tab) and `<br>`.
#[component]
fn Runs(text: Text) -> impl IntoView {
    text.0
        .into_iter()
        .map(|inline| match inline {
            Inline::Break => Either::Left(view! { <br /> }),
            Inline::Run {
                text,
                strong,
                emphasis,
                link,
            } => Either::Right(run(text, strong, emphasis, link)),
        })
        .collect_view()
}

/// A run of text inside its elements, outermost first: `<a>`, `<strong>`, `<em>`.
fn run(text: String, strong: bool, emphasis: bool, link: Option<Arc<str>>) -> impl IntoView {
    let text = if emphasis {
        Either::Left(view! { <em>{text}</em> })
    } else {
        Either::Right(text)
    };
    let text = if strong {
        Either::Left(view! { <strong>{text}</strong> })
    } else {
        Either::Right(text)
    };
    match link {
        Some(href) => Either::Left(view! {
            <a href=href target="_blank" rel="noopener noreferrer">{text}</a>
        }),
        None => Either::Right(text),
    }
}
