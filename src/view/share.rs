use super::words::Words;
use std::time::Duration;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::{either::Either, html, prelude::*, task::spawn_local};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{icons::Icon, Host};
use crate::{article::Network, i18n::share_control, tasks::rendered};

/// How long the copy button shows its confirmation.
const CONFIRMATION: Duration = Duration::from_millis(2500);

/// What the share group says besides its controls, as signals (the loader
/// keeps them, the controls set them).
#[derive(Clone, Copy)]
pub struct ShareSignals {
    /// The link is on the clipboard: the copy button and the live region say so.
    pub copied: RwSignal<bool>,
    /// The clipboard refused: the link shows in a field to copy by hand, and the
    /// live region says so.
    pub manual: RwSignal<bool>,
    /// Where shares are reported.
    pub host: Host,
    /// The field with the link to copy by hand, once it shows.
    pub manual_field: NodeRef<html::Input>,
}

impl ShareSignals {
    pub fn new(host: Host) -> ShareSignals {
        ShareSignals {
            copied: RwSignal::new(false),
            manual: RwSignal::new(false),
            host,
            manual_field: NodeRef::new(),
        }
    }

    /// Back to saying nothing (a new article).
    pub fn reset(self) {
        self.copied.set(false);
        self.manual.set(false);
    }
}

/// `part="share"`: a labelled group of share links and buttons, and a live region
/// that announces what happened. A copy confirmation changes the copy button's
/// icon and caption and the live region's text, in place: the focused button
/// and the live region (which must stay to be heard) are the same elements.
#[component]
pub fn Share(
    /// The controls, in order (`native` only shows where the browser can share).
    networks: Vec<Network>,
    /// The URL shared.
    url: String,
    /// The headline, for the networks' share texts.
    title: String,
    /// The standfirst, for the device's share sheet.
    summary: Option<String>,
    /// The UI strings.
    text: Words,
    /// The share status.
    signals: ShareSignals,
) -> impl IntoView {
    let controls = networks
        .into_iter()
        .filter(|network| *network != Network::Native || can_share_natively())
        .map(|network| {
            let control = match network.href(&url, &title) {
                Some(href) => Either::Left(view! {
                    <ShareLink network href url=url.clone() text host=signals.host />
                }),
                None => Either::Right(view! {
                    <ShareButton
                        network
                        url=url.clone()
                        title=title.clone()
                        summary=summary.clone()
                        text
                        signals
                    />
                }),
            };
            view! { <li>{control}</li> }
        })
        .collect_view();
    let announcement = Signal::derive(move || {
        let text = text.later();
        if signals.copied.get() {
            text.link_copied
        } else if signals.manual.get() {
            text.copy_failed
        } else {
            ""
        }
    });
    view! {
        <div part="share" class="share" role="group" aria-labelledby="share-label">
            <p class="share-label" id="share-label">{text.say(|t| t.share_label)}</p>
            <ul class="share-list">{controls}</ul>
            <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
            // Where the clipboard is refused: the link, for the reader to copy.
            <Show when=move || signals.manual.get()>
                <input
                    node_ref=signals.manual_field
                    class="share-manual"
                    type="text"
                    readonly
                    value=url.clone()
                    aria-label=text.say_later(|t| t.copy_link)
                />
            </Show>
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
    /// The UI strings.
    text: Words,
    /// Where the share is reported.
    host: Host,
) -> impl IntoView {
    let label = text.say_later(share_control(network));
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
                host.share(network.name(), &url);
            }
        >
            <Icon network done=None />
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
    /// The URL shared.
    url: String,
    /// The headline.
    title: String,
    /// The standfirst.
    summary: Option<String>,
    /// The UI strings.
    text: Words,
    /// The share status, shown here and set by the click.
    signals: ShareSignals,
) -> impl IntoView {
    let copy = network == Network::Copy;
    let host = signals.host;
    let click = move |_| {
        let (url, title, summary) = (url.clone(), title.clone(), summary.clone());
        spawn_local(async move {
            let done = if copy {
                copy_to_clipboard(&url).await
            } else {
                share_natively(&url, &title, summary.as_deref()).await
            };
            if done {
                if copy {
                    signals.copied.try_set(true);
                    set_timeout(
                        move || {
                            signals.copied.try_set(false);
                        },
                        CONFIRMATION,
                    );
                }
                host.share(network.name(), &url);
            } else if copy {
                // (A cancelled share sheet is neither an error nor a share.)
                signals.manual.try_set(true);
                // Once the field is rendered: selected, for the reader to copy.
                rendered().await;
                if let Some(field) = signals.manual_field.try_get_untracked().flatten() {
                    let _ = field.focus();
                    field.select();
                }
            }
        });
    };
    // The copy button says what it does; the share-sheet button is an icon with a name.
    let label = (!copy).then(|| text.say_later(|t| t.share_native));
    let copied = signals.copied;
    let caption = copy.then(|| {
        let caption = Signal::derive(move || {
            let text = text.later();
            if copied.get() {
                text.link_copied
            } else {
                text.copy_link
            }
        });
        view! { <span>{caption}</span> }
    });
    view! {
        <button
            type="button"
            class=if copy { "share-control copy" } else { "share-control" }
            data-network=network.name()
            aria-label=label
            title=label
            on:click=click
        >
            <Icon network done=copy.then_some(copied) />
            {caption}
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
async fn share_natively(url: &str, title: &str, summary: Option<&str>) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    let Some(share) = method(&navigator, "share") else {
        return false;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    if let Some(summary) = summary {
        let _ = Reflect::set(&data, &"text".into(), &summary.into());
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
