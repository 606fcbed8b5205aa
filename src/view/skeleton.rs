use wasm_bindgen::JsValue;
use web_sys::Node;

use super::View;
use crate::i18n::{direction, strings};

const BONES: [&str; 6] = [
    "bone bone-headline",
    "bone bone-headline short",
    "bone bone-meta",
    "bone",
    "bone",
    "bone short",
];

/// `part="skeleton"`: the placeholder while the article loads, with the partner's
/// fallback children (slotted) still visible inside it.
pub fn skeleton(view: &View, parent: &Node) -> Result<(), JsValue> {
    let lang = view.config.lang.as_str();
    let skeleton = view.element(
        parent,
        "div",
        &[
            ("part", "skeleton"),
            ("class", "skeleton"),
            ("role", "status"),
            ("aria-busy", "true"),
            ("lang", lang),
            ("dir", direction(lang)),
        ],
    )?;
    let label = view.element(&skeleton, "span", &[("class", "visually-hidden")])?;
    view.text(&label, strings(lang).loading)?;
    fallback(view, &skeleton)?;
    for class in BONES {
        view.element(
            &skeleton,
            "div",
            &[("class", class), ("aria-hidden", "true")],
        )?;
    }
    Ok(())
}

/// The partner's fallback children, shown through a slot.
pub fn fallback(view: &View, parent: &Node) -> Result<(), JsValue> {
    let fallback = view.element(parent, "div", &[("class", "fallback")])?;
    view.element(&fallback, "slot", &[])?;
    Ok(())
}
