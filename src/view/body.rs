use wasm_bindgen::JsValue;
use web_sys::{Element, Node};

use super::View;
use crate::article::{Block, Inline, Text};

const SUBHEADINGS: [&str; 4] = ["h3", "h4", "h5", "h6"];

/// `part="body"`: the article body as semantic elements; text is always text.
pub fn body(view: &View, parent: &Node, blocks: &[Block]) -> Result<(), JsValue> {
    let body = view.element(parent, "div", &[("part", "body"), ("class", "body")])?;
    // Subheadings sit one level under the headline.
    let level = (view.config.heading_level + 1).clamp(3, 6);
    let subheading = SUBHEADINGS[usize::from(level - 3)];
    for block in blocks {
        match block {
            Block::Paragraph { text } => {
                rich(view, &view.element(&body, "p", &[("dir", "auto")])?, text)?;
            }
            Block::Heading { text } => {
                rich(
                    view,
                    &view.element(&body, subheading, &[("dir", "auto")])?,
                    text,
                )?;
            }
            Block::Quote { text, cite } => {
                let quote = view.element(&body, "blockquote", &[("dir", "auto")])?;
                rich(view, &view.element(&quote, "p", &[])?, text)?;
                if let Some(cite) = cite {
                    let footer = view.element(&quote, "footer", &[])?;
                    view.text(&footer, "— ")?;
                    let cite_element = view.element(&footer, "cite", &[])?;
                    view.text(&cite_element, cite)?;
                }
            }
            Block::List { ordered, items } => {
                let list = view.element(&body, if *ordered { "ol" } else { "ul" }, &[])?;
                for item in items {
                    rich(view, &view.element(&list, "li", &[("dir", "auto")])?, item)?;
                }
            }
            Block::Image {
                src,
                alt,
                caption,
                credit,
            } => image(view, &body, src, alt, caption.as_deref(), credit.as_deref())?,
        }
    }
    Ok(())
}

fn image(
    view: &View,
    parent: &Element,
    src: &str,
    alt: &str,
    caption: Option<&str>,
    credit: Option<&str>,
) -> Result<(), JsValue> {
    let figure = view.element(parent, "figure", &[])?;
    view.element(
        &figure,
        "img",
        &[
            ("src", src),
            ("alt", alt),
            ("loading", "lazy"),
            ("decoding", "async"),
        ],
    )?;
    if caption.is_some() || credit.is_some() {
        let figcaption = view.element(&figure, "figcaption", &[("dir", "auto")])?;
        if let Some(caption) = caption {
            view.text(&figcaption, caption)?;
        }
        if let Some(credit) = credit {
            view.text(&figcaption, " ")?;
            let credit_element = view.element(&figcaption, "span", &[("class", "credit")])?;
            view.text(&credit_element, credit)?;
        }
    }
    Ok(())
}

/// Inline runs: text nodes, `<strong>`, `<em>`, links (to a new tab) and `<br>`.
fn rich(view: &View, parent: &Element, text: &Text) -> Result<(), JsValue> {
    for inline in &text.0 {
        match inline {
            Inline::Break => {
                view.element(parent, "br", &[])?;
            }
            Inline::Run {
                text,
                strong,
                emphasis,
                link,
            } => {
                let mut at = parent.clone();
                if let Some(href) = link {
                    let attributes = [
                        ("href", href.as_str()),
                        ("target", "_blank"),
                        ("rel", "noopener noreferrer"),
                    ];
                    at = view.element(&at, "a", &attributes)?;
                }
                if *strong {
                    at = view.element(&at, "strong", &[])?;
                }
                if *emphasis {
                    at = view.element(&at, "em", &[])?;
                }
                view.text(&at, text)?;
            }
        }
    }
    Ok(())
}
