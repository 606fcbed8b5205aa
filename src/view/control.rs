use std::sync::Arc;

use leptos::{either::Either, html, prelude::*};

/// What a control does when used.
pub type Action = Arc<dyn Fn() + Send + Sync>;

/// A button, or a link to `href` in a new tab, named `part`, that runs `action`
/// when used: the continue control and the retry button. A busy button is
/// disabled and says so.
#[component]
pub fn Control(
    /// Its `part`.
    part: &'static str,
    /// Where a link goes; a button has none.
    href: Option<String>,
    /// Whether a button is busy (`aria-busy`); a button without it expands
    /// (`aria-expanded`).
    #[prop(optional, into)]
    busy: Option<Signal<bool>>,
    /// What it says.
    #[prop(into)]
    label: Signal<&'static str>,
    /// What it does.
    action: Action,
    /// The button, for who needs it (focus).
    #[prop(optional)]
    button: Option<NodeRef<html::Button>>,
) -> impl IntoView {
    let button = button.unwrap_or_default();
    match href {
        Some(href) => Either::Left(view! {
            <a part=part href=href target="_blank" rel="noopener" on:click=move |_| action()>
                {label}
            </a>
        }),
        None => {
            let is_busy = move || busy.is_some_and(|busy| busy.get());
            Either::Right(view! {
                <button
                    node_ref=button
                    part=part
                    type="button"
                    aria-expanded=busy.is_none().then_some("false")
                    aria-busy=move || busy.map(|busy| if busy.get() { "true" } else { "false" })
                    disabled=is_busy
                    on:click=move |_| {
                        if !is_busy() {
                            action()
                        }
                    }
                >
                    {label}
                </button>
            })
        }
    }
}
