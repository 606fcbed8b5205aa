use super::words::Words;
use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};

use super::control::Control;

use crate::{
    article as model,
    fetch::{rendered, Host},
};

/// A preview's state (contract §6), kept by the widget, set by its control.
#[derive(Clone, Copy)]
pub struct PreviewSignals {
    /// The reader revealed the rest of the body.
    pub expanded: RwSignal<bool>,
    /// Where the control reports (`article-widget:expand`).
    pub host: Host,
}

impl PreviewSignals {
    pub fn new(host: Host) -> PreviewSignals {
        PreviewSignals {
            expanded: RwSignal::new(false),
            host,
        }
    }
}

/// `part="continue"`: after a preview's blocks, "Continue reading": a button that
/// reveals the rest of the body in place, or (`continue="link"`) a link to the
/// original in a new tab. Either reports `article-widget:expand`.
#[component]
pub fn Continue(
    /// The article, for the event's `id` and `url`.
    article: Arc<model::Article>,
    /// The original's URL, when the control is a link.
    link: Option<String>,
    /// The first block the preview does not show: where a reader who used the
    /// control from the keyboard goes on.
    first_hidden: usize,
    /// The UI strings.
    text: Words,
    /// The preview's state.
    preview: PreviewSignals,
) -> impl IntoView {
    let host = preview.host;
    let expands = link.is_none();
    let action = move || {
        if expands {
            // The control goes with the rest revealed: focus, if it had it,
            // goes on to the first new block (contract §6).
            let refocus = host.has_focus("[part=continue]");
            preview.expanded.set(true);
            if refocus {
                spawn_local(async move {
                    rendered().await;
                    host.focus_block(first_hidden);
                });
            }
        }
        host.expand(&article, if expands { "expand" } else { "link" });
    };
    view! {
        <Control
            part="continue"
            href=link
            label=text.say_later(|t| t.continue_reading)
            action=Arc::new(action)
        />
    }
}
