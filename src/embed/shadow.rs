//! The open shadow root each widget renders into, and the two stylesheets they
//! share: the first screen's, and the later pieces', which the extras piece
//! fills when it arrives (so its rules come with it, not in the first module).

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

// style/widget.css, minified by build.rs.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    /// Built once per page and adopted by every shadow root: no request, no inline
    /// `style` attribute, nothing for the host's CSP `style-src` to refuse.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|sheet| sheet.replace_sync(CSS).is_ok());
    /// Adopted by every shadow root too, empty until the later pieces' rules arrive.
    static LATER: Option<CssStyleSheet> = CssStyleSheet::new().ok();
    /// Where stylesheets cannot be adopted: each root's `<style>` for the later
    /// pieces' rules, filled when they arrive.
    static LATER_STYLES: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
    static LATER_CSS: RefCell<Option<&'static str>> = const { RefCell::new(None) };
}

/// The later pieces' rules, for every widget on the page, now and to come.
pub fn add_later_styles(css: &'static str) {
    if LATER_CSS.with_borrow(Option::is_some) {
        return;
    }
    LATER_CSS.set(Some(css));
    LATER.with(|sheet| sheet.as_ref().map(|sheet| sheet.replace_sync(css)));
    LATER_STYLES.with_borrow_mut(|styles| {
        // Roots that are gone go with this.
        styles.retain(|style| style.is_connected());
        for style in styles.iter() {
            style.set_text_content(Some(css));
        }
    });
}

/// Parses the stylesheet, once per page: called as the module starts, so that
/// the first widget's mount does not pay for it.
pub fn prepare() {
    SHEET.with(|_| ());
}

/// A fresh container for the view, in the host's (possibly new) shadow root,
/// after what `embed.js` put there to hold the space (the partner's children),
/// which stays until the view is mounted ([`clear_placeholder`]).
pub fn container(host: &HtmlElement) -> Result<HtmlElement, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    // Whatever an earlier mount left, but embed.js's placeholder (before the
    // styles: a `<style>` put in first would go with it).
    let children = root.children();
    for index in (0..children.length()).rev() {
        if let Some(child) = children.item(index) {
            if child.tag_name() != "DIV" || child.class_name() == "widget" {
                child.remove();
            }
        }
    }
    adopt_styles(&root)?;
    let document = host.owner_document().ok_or("no document")?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("widget");
    root.append_child(&container)?;
    Ok(container)
}

/// Removes embed.js's placeholder (a `div` before `container`) once the view is
/// in `container`.
pub fn clear_placeholder(container: &HtmlElement) {
    let mut sibling = container.previous_element_sibling();
    while let Some(element) = sibling {
        sibling = element.previous_element_sibling();
        if element.tag_name() == "DIV" {
            element.remove();
        }
    }
}

fn adopt_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    // Where constructable stylesheets are missing, throw ("Illegal constructor" in
    // WebKit before Safari 16.4) or cannot be adopted, a `<style>` instead.
    let adoptable = js_sys::Reflect::has(root, &"adoptedStyleSheets".into()).unwrap_or(false);
    let sheets = (SHEET.with(Clone::clone), LATER.with(Clone::clone));
    if let (Some(sheet), Some(later), true) = (sheets.0, sheets.1, adoptable) {
        root.set_adopted_style_sheets(&Array::of2(&sheet, &later));
    } else {
        if adoptable {
            // Not embed.js's sheet that held the space: its rules are for that box.
            root.set_adopted_style_sheets(&Array::new());
        }
        let document = root.owner_document().ok_or("no document")?;
        let style = document.create_element("style")?;
        style.set_text_content(Some(CSS));
        root.append_child(&style)?;
        let later = document.create_element("style")?;
        later.set_text_content(LATER_CSS.with_borrow(|css| *css));
        root.append_child(&later)?;
        LATER_STYLES.with_borrow_mut(|styles| styles.push(later));
    }
    Ok(())
}
