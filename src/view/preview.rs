use super::words::Words;
use std::sync::Arc;

use leptos::{html, prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;

use super::control::Control;

use super::Host;
use crate::{article as model, tasks::rendered};

/// A preview's state (contract §6), kept by the widget, set by its control.
#[derive(Clone, Copy)]
pub struct PreviewSignals {
    /// The reader revealed the rest of the body.
    pub expanded: RwSignal<bool>,
    /// Where the control reports (`article-widget:expand`).
    pub host: Host,
    /// The body (`part="body"`), where focus goes on after the control.
    pub body: NodeRef<html::Div>,
}

impl PreviewSignals {
    pub fn new(host: Host) -> PreviewSignals {
        PreviewSignals {
            expanded: RwSignal::new(false),
            host,
            body: NodeRef::new(),
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
    let control = NodeRef::<html::Button>::new();
    let action = move || {
        if expands {
            // The control goes with the rest revealed: focus, if it had it,
            // goes on to the first new block (contract §6).
            let refocus = control
                .get_untracked()
                .is_some_and(|button| has_focus(&button));
            preview.expanded.set(true);
            if refocus {
                spawn_local(async move {
                    rendered().await;
                    let block = preview
                        .body
                        .try_get_untracked()
                        .flatten()
                        .and_then(|body| body.children().item(first_hidden as u32))
                        .and_then(|block| block.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(block) = block {
                        let _ = block.set_attribute("tabindex", "-1");
                        let _ = block.focus();
                    }
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
            button=control
        />
    }
}

/// Whether `element` has focus in its shadow root.
pub fn has_focus(element: &web_sys::Element) -> bool {
    element
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.active_element())
        .is_some_and(|focused| &focused == element)
}
