use std::sync::Arc;

use leptos::prelude::*;

use super::control::control;

use crate::{article as model, embed::Host, i18n::Strings};

/// A preview's state (contract §6), kept by the widget, set by its control.
#[derive(Clone, Copy)]
pub struct PreviewSignals {
    /// The reader revealed the rest of the body.
    pub expanded: RwSignal<bool>,
    /// The control had focus: once the rest is rendered, focus goes to its first
    /// block. (Read without tracking: it is not something to render.)
    pub refocus: RwSignal<bool>,
    /// Where the control reports (`article-widget:expand`).
    pub host: Host,
}

impl PreviewSignals {
    pub fn new(host: Host) -> PreviewSignals {
        PreviewSignals {
            expanded: RwSignal::new(false),
            refocus: RwSignal::new(false),
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
    /// The UI strings.
    text: &'static Strings,
    /// The preview's state.
    preview: PreviewSignals,
) -> impl IntoView {
    let host = preview.host;
    let expands = link.is_none();
    let action = move || {
        if expands {
            preview.refocus.set(host.has_focus("[part=continue]"));
            preview.expanded.set(true);
        }
        host.expand(&article, if expands { "expand" } else { "link" });
    };
    control(
        "continue",
        link,
        None,
        text.continue_reading,
        Arc::new(action),
    )
}
