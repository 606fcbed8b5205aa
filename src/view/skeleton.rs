use leptos::prelude::*;

use crate::i18n::strings;

/// `part="skeleton"`: the placeholder while the article loads, with the partner's
/// fallback children (slotted) still visible inside it.
#[component]
pub fn Skeleton(lang: String) -> impl IntoView {
    view! {
        <div part="skeleton" class="skeleton" role="status" aria-busy="true" lang=lang.clone()>
            <span class="visually-hidden">{strings(&lang).loading}</span>
            <div class="fallback">
                <slot></slot>
            </div>
            <div class="bone bone-headline" aria-hidden="true"></div>
            <div class="bone bone-headline short" aria-hidden="true"></div>
            <div class="bone bone-meta" aria-hidden="true"></div>
            <div class="bone" aria-hidden="true"></div>
            <div class="bone" aria-hidden="true"></div>
            <div class="bone short" aria-hidden="true"></div>
        </div>
    }
}
