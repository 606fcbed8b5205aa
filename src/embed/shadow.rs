//! The open shadow root each widget renders into, and the one stylesheet they share.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

// style/widget.css, minified by build.rs.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    /// Built once per page and adopted by every shadow root: no request, no inline
    /// `style` attribute, nothing for the host's CSP `style-src` to refuse.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|sheet| sheet.replace_sync(CSS).is_ok());
}

/// A fresh container for the view, in the host's (possibly new) shadow root.
pub fn container(host: &HtmlElement) -> Result<HtmlElement, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    adopt_styles(&root)?;
    // What embed.js put there to hold the space until now.
    root.set_text_content(None);
    let document = host.owner_document().ok_or("no document")?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("widget");
    root.append_child(&container)?;
    Ok(container)
}

fn adopt_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    if let Some(sheet) = SHEET.with(Clone::clone) {
        root.set_adopted_style_sheets(&Array::of1(&sheet));
    } else if root.query_selector("style")?.is_none() {
        // Browsers without constructable stylesheets (Safari before 16.4).
        let document = root.owner_document().ok_or("no document")?;
        let style = document.create_element("style")?;
        style.set_text_content(Some(CSS));
        root.append_child(&style)?;
    }
    Ok(())
}
