use std::sync::Arc;

use leptos::{ev, html::custom, prelude::*};

/// What a control does when used.
pub type Action = Arc<dyn Fn() + Send + Sync>;

/// A button, or a link to `href` in a new tab, named `part`, that runs `action`
/// when used. The retry button and the continue control are both this one
/// element type with one handler type: Leptos compiles each distinct view and
/// handler on its own, and two of each measured 1 KB more.
pub fn control(
    part: &'static str,
    href: Option<String>,
    busy: Option<bool>,
    label: &'static str,
    action: Action,
) -> impl IntoView {
    let button = href.is_none();
    let disabled = busy.unwrap_or(false);
    custom(if button { "BUTTON" } else { "A" })
        .attr("part", part)
        .attr("type", button.then_some("button"))
        .attr(
            "aria-expanded",
            (button && busy.is_none()).then_some("false"),
        )
        .attr(
            "aria-busy",
            busy.map(|busy| if busy { "true" } else { "false" }),
        )
        .attr("disabled", disabled.then_some(""))
        .attr("href", href)
        .attr("target", (!button).then_some("_blank"))
        .attr("rel", (!button).then_some("noopener"))
        .on(ev::click, move |_| {
            if !disabled {
                action()
            }
        })
        .child(label)
}
