use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Node;

use super::{skeleton::fallback, View};
use crate::{
    article::LoadError,
    i18n::{direction, strings, Strings},
};

/// `part="error"`: a plain-language message, the partner's fallback children, a
/// `retry` button and, when known, a link to the article on the publisher's site.
pub fn error_panel(view: &Rc<View>, parent: &Node, error: &LoadError) -> Result<(), JsValue> {
    let lang = view.config.lang.as_str();
    let text = strings(lang);
    let panel = view.element(
        parent,
        "div",
        &[
            ("part", "error"),
            ("class", "error"),
            ("role", "alert"),
            ("dir", direction(lang)),
            ("lang", lang),
        ],
    )?;
    let title = view.element(&panel, "p", &[("class", "error-title")])?;
    view.text(&title, text.error_title)?;
    let message = view.element(&panel, "p", &[("class", "error-message")])?;
    view.text(&message, error_message(text, error))?;
    fallback(view, &panel)?;
    let actions = view.element(&panel, "div", &[("class", "error-actions")])?;
    let retry = view.element(
        &actions,
        "button",
        &[
            ("part", "retry"),
            ("type", "button"),
            ("aria-busy", "false"),
        ],
    )?;
    view.text(&retry, text.retry)?;
    let button = retry.clone();
    view.on_click(&retry, move |view| {
        if button.has_attribute("disabled") {
            return;
        }
        // Busy until the new result replaces the panel.
        let _ = button.set_attribute("aria-busy", "true");
        let _ = button.set_attribute("disabled", "");
        button.set_text_content(Some(text.loading));
        view.retrying.set(true);
        view.load();
    })?;
    let link = error.canonical_url().or(view.fallback_link.as_deref());
    if let Some(href) = link {
        let link = view.element(
            &actions,
            "a",
            &[
                ("class", "read-on-site"),
                ("href", href),
                ("target", "_blank"),
                ("rel", "noopener noreferrer"),
            ],
        )?;
        view.text(&link, text.read_on_site)?;
    }
    Ok(())
}

fn error_message(text: &Strings, error: &LoadError) -> &'static str {
    match error {
        LoadError::Network(_) => text.error_network,
        LoadError::Http(_) => text.error_http,
        LoadError::Timeout(_) => text.error_timeout,
        LoadError::TooLarge => text.error_too_large,
        LoadError::Invalid { .. } => text.error_invalid,
    }
}
