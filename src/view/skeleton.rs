use super::words::Words;
use leptos::prelude::*;

// `view!` builds an element whose attributes and children are all literals from
// markup (`template.innerHTML`), which hosts requiring Trusted Types refuse.
// Classes given as expressions keep every element on the `createElement` path.
const FALLBACK: &str = "fallback";
const BONES: [&str; 6] = [
    "bone bone-headline",
    "bone bone-headline short",
    "bone bone-meta",
    "bone",
    "bone",
    "bone short",
];

/// `part="skeleton"`: the placeholder while the article loads, with the partner's
/// fallback children (slotted) still visible inside it.
#[component]
pub fn Skeleton(
    /// The UI language and its strings.
    text: Words,
) -> impl IntoView {
    view! {
        <div
            part="skeleton"
            class="skeleton"
            role="status"
            aria-busy="true"
            dir=text.dir()
            lang=text.lang
        >
            <span class="visually-hidden">{text.say(|t| t.loading)}</span>
            <Fallback />
            {BONES.map(|class| view! { <div class=class aria-hidden="true"></div> })}
        </div>
    }
}

/// The partner's fallback children, shown through a slot.
#[component]
pub fn Fallback() -> impl IntoView {
    view! {
        <div class=FALLBACK>
            <slot></slot>
        </div>
    }
}
