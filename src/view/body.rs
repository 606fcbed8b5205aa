use leptos::{
    either::{EitherOf3, EitherOf4},
    html::{custom, Custom, HtmlElement},
    prelude::*,
};

use crate::article::{Block, Inline, Text};

// Upper case, as the DOM reports `tagName`: re-rendering compares the two and
// keeps the element when they match.
const HEADINGS: [&str; 6] = ["H1", "H2", "H3", "H4", "H5", "H6"];

/// An `<h1>`–`<h6>` element. One element of a computed tag, where a `view!` per
/// level would compile six views.
pub fn heading(level: u8) -> HtmlElement<Custom<&'static str>, (), ()> {
    custom(HEADINGS[usize::from(level.clamp(1, 6) - 1)])
}

/// `part="body"`: the article body as semantic elements; text is always text.
#[component]
pub fn Body(
    /// The blocks, in order.
    blocks: Vec<Block>,
    /// The headline's level: subheadings sit one level below it.
    level: u8,
) -> impl IntoView {
    view! {
        <div part="body" class="body">
            {blocks.into_iter().map(|block| view! { <BodyBlock block level /> }).collect_view()}
        </div>
    }
}

/// One block of the body, by kind.
#[component]
fn BodyBlock(block: Block, level: u8) -> impl IntoView {
    match block {
        Block::Paragraph { text } => EitherOf4::A(view! { <TextBlock tag="P" text /> }),
        // Subheadings sit one level below the headline (at most `h6`).
        Block::Heading { text } => {
            let tag = HEADINGS[usize::from((level + 1).clamp(3, 6) - 1)];
            EitherOf4::A(view! { <TextBlock tag text /> })
        }
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

/// A paragraph (`tag` "P") or a subheading (`tag` "H3"…"H6"): one element
/// type for both.
#[component]
fn TextBlock(tag: &'static str, text: Text) -> impl IntoView {
    custom(tag)
        .attr("dir", "auto")
        .child(view! { <Runs text /> })
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
    custom(if ordered { "ol" } else { "ul" }).child(
        items
            .into_iter()
            .map(|text| view! { <li dir="auto"><Runs text /></li> })
            .collect_view(),
    )
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
            Inline::Break => EitherOf3::A(view! { <br /> }),
            Inline::Run {
                text,
                strong: false,
                emphasis: false,
                link: None,
            } => EitherOf3::B(text),
            Inline::Run {
                text,
                strong,
                emphasis,
                link,
            } => EitherOf3::C(styled(text, strong, emphasis, link)),
        })
        .collect_view()
}

/// A formatted run inside its elements, outermost first: `<a>`, `<strong>`,
/// `<em>`. One element type per depth, tags computed, where a view per
/// combination would compile seven.
fn styled(text: String, strong: bool, emphasis: bool, link: Option<String>) -> impl IntoView {
    let mut tags = Vec::with_capacity(3);
    if link.is_some() {
        tags.push("A");
    }
    if strong {
        tags.push("STRONG");
    }
    if emphasis {
        tags.push("EM");
    }
    let (target, rel) = match link {
        Some(_) => (Some("_blank"), Some("noopener noreferrer")),
        None => (None, None),
    };
    let outer = custom(tags.first().copied().unwrap_or("SPAN"))
        .attr("href", link)
        .attr("target", target)
        .attr("rel", rel);
    match tags.get(1..).unwrap_or_default() {
        [] => EitherOf3::A(outer.child(text)),
        [inner] => EitherOf3::B(outer.child(custom(*inner).child(text))),
        [middle, inner, ..] => {
            EitherOf3::C(outer.child(custom(*middle).child(custom(*inner).child(text))))
        }
    }
}
