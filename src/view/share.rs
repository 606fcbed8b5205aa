use js_sys::{Function, Object, Promise, Reflect};
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

use super::icons::Icon;
use crate::{
    article::Network,
    embed::{dispatch_share, Host},
    i18n::Strings,
};

/// How long the copy button shows its confirmation.
const CONFIRMATION: std::time::Duration = std::time::Duration::from_millis(2500);

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
pub fn Share(networks: Vec<Network>, shared: Shared, text: &'static Strings) -> impl IntoView {
    let (announcement, announce) = signal(String::new());
    let (copied, set_copied) = signal(false);
    let (manual_copy, set_manual_copy) = signal(false);
    let host = use_context::<Host>();
    let report = StoredValue::new(move |network: Network, url: &str| {
        if let Some(host) = &host {
            dispatch_share(&host.0, network.name(), url);
        }
    });
    let controls = networks
        .into_iter()
        .filter(|network| *network != Network::Native || can_share_natively())
        .map(|network| {
            let label = text.share_control(network);
            let shared = shared.clone();
            let control = match network.href(&shared.url, &shared.title) {
                Some(href) => view! {
                    <a
                        class="share-control"
                        data-network=network.name()
                        href=href
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label=label
                        title=label
                        on:click=move |_| report.with_value(|report| report(network, &shared.url))
                    >
                        <Icon network />
                    </a>
                }
                .into_any(),
                None if network == Network::Copy => view! {
                    <button
                        type="button"
                        class="share-control copy"
                        data-network="copy"
                        on:click=move |_| {
                            let url = shared.url.clone();
                            spawn_local(async move {
                                if copy_to_clipboard(&url).await {
                                    announce.set(text.link_copied.to_owned());
                                    set_copied.set(true);
                                    set_timeout(move || { let _ = set_copied.try_set(false); }, CONFIRMATION);
                                    report.with_value(|report| report(network, &url));
                                } else {
                                    set_manual_copy.set(true);
                                    announce.set(text.copy_failed.to_owned());
                                }
                            });
                        }
                    >
                        <Icon network done=copied />
                        <span>{move || if copied.get() { text.link_copied } else { label }}</span>
                    </button>
                }
                .into_any(),
                None => view! {
                    <button
                        type="button"
                        class="share-control"
                        data-network=network.name()
                        aria-label=label
                        title=label
                        on:click=move |_| {
                            let shared = shared.clone();
                            spawn_local(async move {
                                // A cancelled share sheet is not an error, and not a share.
                                if share_natively(&shared).await {
                                    report.with_value(|report| report(network, &shared.url));
                                }
                            });
                        }
                    >
                        <Icon network />
                    </button>
                }
                .into_any(),
            };
            view! { <li>{control}</li> }
        })
        .collect_view();
    let url = shared.url.clone();

    view! {
        <div part="share" class="share" role="group" aria-labelledby="share-label">
            <p class="share-label" id="share-label">{text.share_label}</p>
            <ul class="share-list">{controls}</ul>
            <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
            {move || manual_copy.get().then(|| view! { <ManualCopy url=url.clone() label=text.copy_link /> })}
        </div>
    }
}

/// Where the clipboard is refused: the link, selected, for the reader to copy.
#[component]
fn ManualCopy(url: String, label: &'static str) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let input: &HtmlInputElement = &input;
            let _ = input.focus();
            input.select();
        }
    });
    view! { <input node_ref=input class="share-manual" type="text" readonly value=url aria-label=label /> }
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
