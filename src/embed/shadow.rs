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
    // What embed.js put there to hold the space until now (before the styles: a
    // `<style>` put in first would go with it).
    root.set_text_content(None);
    adopt_styles(&root)?;
    let document = host.owner_document().ok_or("no document")?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("widget");
    root.append_child(&container)?;
    Ok(container)
}

fn adopt_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    // Where constructable stylesheets are missing, throw ("Illegal constructor" in
    // WebKit before Safari 16.4) or cannot be adopted, a `<style>` instead.
    let adoptable = js_sys::Reflect::has(root, &"adoptedStyleSheets".into()).unwrap_or(false);
    if let Some(sheet) = SHEET.with(Clone::clone).filter(|_| adoptable) {
        root.set_adopted_style_sheets(&Array::of1(&sheet));
    } else {
        if adoptable {
            // Not embed.js's sheet that held the space: its rules are for that box.
            root.set_adopted_style_sheets(&Array::new());
        }
        let document = root.owner_document().ok_or("no document")?;
        let style = document.create_element("style")?;
        style.set_text_content(Some(CSS));
        root.append_child(&style)?;
    }
    Ok(())
}
