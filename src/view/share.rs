use std::time::Duration;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::{
    html,
    prelude::*,
    task::{spawn_local, tick},
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{icons::Icon, Ui};
use crate::{article::Network, embed::Host, i18n::share_control};

/// How long the copy button shows its confirmation.
const CONFIRMATION: Duration = Duration::from_millis(2500);

/// What is shared: the URL, and the title and text the networks and the OS share sheet get.
#[derive(Clone)]
pub struct Shared {
    pub url: String,
    pub title: String,
    pub text: Option<String>,
}

/// `part="share"`: a labelled group of share links and buttons, and a live region
/// that announces what happened.
#[component]
pub fn Share(
    /// The controls, in order (`native` only shows where the browser can share).
    networks: Vec<Network>,
    /// What to share.
    shared: Shared,
    /// The UI language, live.
    ui: Ui,
) -> impl IntoView {
    let status = Status {
        announcement: RwSignal::new(""),
        copy_failures: RwSignal::new(0),
        manual: NodeRef::new(),
    };
    let url = shared.url.clone();
    let controls = networks
        .into_iter()
        .filter(|network| *network != Network::Native || can_share_natively())
        .map(|network| {
            let control = match network.href(&shared.url, &shared.title) {
                Some(href) => view! { <ShareLink network href url=shared.url.clone() ui /> }
                    .into_any(),
                None => view! { <ShareButton network shared=shared.clone() ui status /> }
                    .into_any(),
            };
            view! { <li>{control}</li> }
        })
        .collect_view();

    view! {
        <div part="share" class="share" role="group" aria-labelledby="share-label">
            <p class="share-label" id="share-label">{ui.t(|t| t.share_label)}</p>
            <ul class="share-list">{controls}</ul>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || status.announcement.get()}
            </p>
            // Where the clipboard is refused: the link, for the reader to copy.
            {move || (status.copy_failures.get() > 0).then(|| view! {
                <input
                    node_ref=status.manual
                    class="share-manual"
                    type="text"
                    readonly
                    value=url.clone()
                    aria-label=ui.t(|t| t.copy_link)
                />
            })}
        </div>
    }
}

/// What the share group tells the reader besides its controls.
#[derive(Clone, Copy)]
struct Status {
    /// What the live region announces ("Link copied").
    announcement: RwSignal<&'static str>,
    /// How many times copying failed: the link field shows from the first.
    copy_failures: RwSignal<u32>,
    /// The link field, selected after each failure.
    manual: NodeRef<html::Input>,
}

/// A link to a network's share page, in a new tab; reports the share.
#[component]
fn ShareLink(
    /// Which network.
    network: Network,
    /// The network's share URL.
    href: String,
    /// The URL shared.
    url: String,
    /// The UI language, live.
    ui: Ui,
) -> impl IntoView {
    let host = use_context::<Host>();
    let label = ui.t(share_control(network));
    view! {
        <a
            class="share-control"
            data-network=network.name()
            href=href
            target="_blank"
            rel="noopener noreferrer"
            aria-label=label
            title=label
            on:click=move |_| {
                if let Some(host) = host {
                    host.share(network.name(), &url);
                }
            }
        >
            <Icon network />
        </a>
    }
}

/// `copy` (the URL to the clipboard, "Link copied" for a moment; where the
/// clipboard is missing or refused, the link shown selected for the reader to
/// copy) or `native` (the device's share sheet).
#[component]
fn ShareButton(
    /// `copy` or `native`.
    network: Network,
    /// What to share.
    shared: Shared,
    /// The UI language, live.
    ui: Ui,
    /// The share group's announcements and link field.
    status: Status,
) -> impl IntoView {
    let host = use_context::<Host>();
    let copied = RwSignal::new(false);
    let copy = network == Network::Copy;
    let click = move |_| {
        let shared = shared.clone();
        // Read now: the widget may be gone once the browser answers.
        let text = ui.text_untracked();
        spawn_local(async move {
            let done = if copy {
                copy_to_clipboard(&shared.url).await
            } else {
                share_natively(&shared).await
            };
            if done {
                if copy {
                    status.announcement.try_set(text.link_copied);
                    copied.try_set(true);
                    set_timeout(
                        move || {
                            copied.try_set(false);
                        },
                        CONFIRMATION,
                    );
                }
                if let Some(host) = host {
                    host.share(network.name(), &shared.url);
                }
            } else if copy {
                // (A cancelled share sheet is neither an error nor a share.)
                status.announcement.try_set(text.copy_failed);
                status.copy_failures.try_update(|n| *n += 1);
                // Rendered once this resumes.
                tick().await;
                if let Some(field) = status.manual.try_get_untracked().flatten() {
                    let _ = field.focus();
                    field.select();
                }
            }
        });
    };
    // The copy button says what it does; the share-sheet button is an icon with a name.
    let label = (!copy).then_some(ui.t(|t| t.share_native));
    view! {
        <button
            type="button"
            class=if copy { "share-control copy" } else { "share-control" }
            data-network=network.name()
            aria-label=label
            title=label
            on:click=click
        >
            <Icon network done=copied />
            {copy.then_some(view! {
                <span>{move || if copied.get() { ui.text().link_copied } else { ui.text().copy_link }}</span>
            })}
        </button>
    }
}

fn navigator() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"navigator".into()).ok()
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into()).ok()?.dyn_into().ok()
}

fn can_share_natively() -> bool {
    navigator().and_then(|n| method(&n, "share")).is_some()
}

/// Opens the OS share sheet; `true` when the reader shared.
async fn share_natively(shared: &Shared) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    let Some(share) = method(&navigator, "share") else {
        return false;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &shared.title.as_str().into());
    let _ = Reflect::set(&data, &"url".into(), &shared.url.as_str().into());
    if let Some(text) = &shared.text {
        let _ = Reflect::set(&data, &"text".into(), &text.as_str().into());
    }
    settle(share.call1(&navigator, &data)).await
}

/// Writes `url` with the Clipboard API; `false` where it is missing or refused.
async fn copy_to_clipboard(url: &str) -> bool {
    let Some(clipboard) = navigator().and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
    else {
        return false;
    };
    let Some(write_text) = method(&clipboard, "writeText") else {
        return false;
    };
    settle(write_text.call1(&clipboard, &url.into())).await
}

/// `true` when a call returned a promise that resolved.
async fn settle(result: Result<JsValue, JsValue>) -> bool {
    match result
        .ok()
        .and_then(|value| value.dyn_into::<Promise>().ok())
    {
        Some(promise) => JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}
