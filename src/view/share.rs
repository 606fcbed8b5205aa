use std::time::Duration;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::{html, prelude::*, task::spawn_local};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{icons::Icon, Ui};
use crate::{article::Network, embed::Host};

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
    // What the live region announces ("Link copied"); the copy control sets it.
    let announcement = RwSignal::new("");
    // How many times copying failed: each failure shows (and selects) the link field again.
    let copy_failures = RwSignal::new(0u32);
    let url = shared.url.clone();
    let controls = networks
        .into_iter()
        .filter(|network| *network != Network::Native || can_share_natively())
        .map(|network| {
            let shared = shared.clone();
            let control = match network.href(&shared.url, &shared.title) {
                Some(href) => view! { <ShareLink network href url=shared.url ui /> }.into_any(),
                None if network == Network::Copy => {
                    view! { <CopyLink url=shared.url ui announcement failures=copy_failures /> }
                        .into_any()
                }
                None => view! { <NativeShare shared ui /> }.into_any(),
            };
            view! { <li>{control}</li> }
        })
        .collect_view();

    view! {
        <div part="share" class="share" role="group" aria-labelledby="share-label">
            <p class="share-label" id="share-label">{move || ui.text().share_label}</p>
            <ul class="share-list">{controls}</ul>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || announcement.get()}
            </p>
            {move || {
                (copy_failures.get() > 0)
                    .then(|| view! { <ManualCopy url=url.clone() ui failures=copy_failures /> })
            }}
        </div>
    }
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
    let label = move || ui.text().share_control(network);
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

/// The copy control: writes the URL with the Clipboard API and says "Link copied"
/// for a moment; where the clipboard is missing or refused, it shows the link
/// selected in a field for the reader to copy.
#[component]
fn CopyLink(
    /// The URL to copy.
    url: String,
    /// The UI language, live.
    ui: Ui,
    /// The share group's live region.
    announcement: RwSignal<&'static str>,
    /// Counts the failures to copy (the group then shows the link to copy by hand).
    failures: RwSignal<u32>,
) -> impl IntoView {
    let host = use_context::<Host>();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let url = url.clone();
        // Read now: the widget may be gone once the clipboard answers.
        let text = ui.text_untracked();
        spawn_local(async move {
            if copy_to_clipboard(&url).await {
                announcement.try_set(text.link_copied);
                copied.try_set(true);
                set_timeout(
                    move || {
                        copied.try_set(false);
                    },
                    CONFIRMATION,
                );
                if let Some(host) = host {
                    host.share(Network::Copy.name(), &url);
                }
            } else {
                announcement.try_set(text.copy_failed);
                failures.try_update(|n| *n += 1);
            }
        });
    };
    let caption = move || {
        let text = ui.text();
        if copied.get() {
            text.link_copied
        } else {
            text.copy_link
        }
    };
    view! {
        <button type="button" class="share-control copy" data-network="copy" on:click=copy>
            <Icon network=Network::Copy done=copied />
            <span>{caption}</span>
        </button>
    }
}

/// Where the clipboard is refused: the link, selected, for the reader to copy.
#[component]
fn ManualCopy(
    /// The URL to copy.
    url: String,
    /// The UI language, live.
    ui: Ui,
    /// The failures so far: each one selects the field again.
    failures: RwSignal<u32>,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    Effect::new(move || {
        failures.track();
        if let Some(input) = input.get() {
            let _ = input.focus();
            input.select();
        }
    });
    view! {
        <input
            node_ref=input
            class="share-manual"
            type="text"
            readonly
            value=url
            aria-label=move || ui.text().copy_link
        />
    }
}

/// The device's share sheet, with the title, text and URL.
#[component]
fn NativeShare(
    /// What to share.
    shared: Shared,
    /// The UI language, live.
    ui: Ui,
) -> impl IntoView {
    let host = use_context::<Host>();
    let label = move || ui.text().share_native;
    view! {
        <button
            type="button"
            class="share-control"
            data-network="native"
            aria-label=label
            title=label
            on:click=move |_| {
                let shared = shared.clone();
                spawn_local(async move {
                    // A cancelled share sheet is not an error, and not a share.
                    if share_natively(&shared).await {
                        if let Some(host) = host {
                            host.share(Network::Native.name(), &shared.url);
                        }
                    }
                });
            }
        >
            <Icon network=Network::Native />
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
