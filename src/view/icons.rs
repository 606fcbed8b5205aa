//! Inline SVG icons for the share controls: no request, hidden from assistive tech
//! (the control carries the name). Stroked outlines, drawn in `currentColor` by CSS.

use leptos::prelude::*;

use crate::article::Network;

fn path(network: Network) -> &'static str {
    match network {
        Network::Native => "M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4",
        Network::Facebook => "M18 2h-3a5 5 0 0 0-5 5v3H7v4h3v8h4v-8h3l1-4h-4V7a1 1 0 0 1 1-1h3z",
        Network::X => "M4 4l11.7 16H20L8.3 4H4zM4 20l6.8-6.8M20 4l-6.8 6.8",
        Network::Linkedin => "M16 8a6 6 0 0 1 6 6v7h-4v-7a2 2 0 0 0-4 0v7h-4v-7a6 6 0 0 1 6-6zM2 9h4v12H2zM4 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4z",
        Network::Whatsapp => "M21 11.5a8.4 8.4 0 0 1-12.3 7.6L3 21l1.9-5.7A8.5 8.5 0 1 1 21 11.5zM9 8.5c0 3.5 3 6.5 6.5 6.5l1-1.8-2.2-1-1 .9a5 5 0 0 1-2.4-2.4l.9-1-1-2.2z",
        Network::Email => "M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM22 6l-10 7L2 6",
        Network::Copy => "M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.8 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7",
    }
}

/// The check mark the copy button shows after copying.
const CHECK: &str = "M20 6L9 17l-5-5";

/// The icon of a share control; `done` shows a check mark instead (after copying).
#[component]
pub fn Icon(
    /// Whose icon.
    network: Network,
    /// Show the check mark while this is true (a copy button's).
    done: Option<RwSignal<bool>>,
) -> impl IntoView {
    // `d` is an expression, so `view!` creates the element rather than parsing
    // markup (which Trusted Types hosts refuse).
    let d = move || {
        if done.is_some_and(|done| done.get()) {
            CHECK
        } else {
            path(network)
        }
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=d></path>
        </svg>
    }
}
