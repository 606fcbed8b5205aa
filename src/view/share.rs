use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlInputElement, Node};

use super::{
    icons::{icon, path, CHECK},
    View,
};
use crate::{
    article::Network,
    embed::{dispatch_share, sleep},
    i18n::strings,
};

/// How long the copy button shows its confirmation.
const CONFIRMATION_MS: i32 = 2500;

/// What is shared: the URL, and the title and text the networks and the OS share sheet get.
pub struct Shared {
    pub url: String,
    pub title: String,
    pub text: Option<String>,
}

/// `part="share"`: a labelled group of share links and buttons, and a live region
/// that announces what happened.
pub fn share(
    view: &Rc<View>,
    parent: &Node,
    networks: &[Network],
    shared: Rc<Shared>,
) -> Result<(), JsValue> {
    let text = strings(&view.config.lang);
    let group = view.element(
        parent,
        "div",
        &[
            ("part", "share"),
            ("class", "share"),
            ("role", "group"),
            ("aria-labelledby", "share-label"),
        ],
    )?;
    let label = view.element(
        &group,
        "p",
        &[("class", "share-label"), ("id", "share-label")],
    )?;
    view.text(&label, text.share_label)?;
    let list = view.element(&group, "ul", &[("class", "share-list")])?;
    let status = view.element(
        &group,
        "p",
        &[
            ("class", "visually-hidden"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
    )?;
    for &network in networks {
        if network == Network::Native && !can_share_natively() {
            continue;
        }
        let item = view.element(&list, "li", &[])?;
        let label = text.share_control(network);
        let shared = shared.clone();
        match network.href(&shared.url, &shared.title) {
            Some(href) => {
                let link = view.element(
                    &item,
                    "a",
                    &[
                        ("class", "share-control"),
                        ("data-network", network.name()),
                        ("href", &href),
                        ("target", "_blank"),
                        ("rel", "noopener noreferrer"),
                        ("aria-label", label),
                        ("title", label),
                    ],
                )?;
                icon(view, &link, network)?;
                view.on_click(&link, move |view| {
                    dispatch_share(&view.host, network.name(), &shared.url)
                })?;
            }
            None if network == Network::Copy => {
                let button = view.element(
                    &item,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "share-control copy"),
                        ("data-network", "copy"),
                    ],
                )?;
                let icon_path = icon(view, &button, network)?;
                let caption = view.element(&button, "span", &[])?;
                view.text(&caption, label)?;
                let (status, group) = (status.clone(), group.clone());
                view.on_click(&button, move |view| {
                    let view = Rc::downgrade(view);
                    let (shared, status, group) = (shared.clone(), status.clone(), group.clone());
                    let (icon_path, caption) = (icon_path.clone(), caption.clone());
                    spawn_local(async move {
                        let copied = copy_to_clipboard(&shared.url).await;
                        let Some(view) = view.upgrade() else { return };
                        if copied {
                            status.set_text_content(Some(text.link_copied));
                            let _ = icon_path.set_attribute("d", CHECK);
                            caption.set_text_content(Some(text.link_copied));
                            dispatch_share(&view.host, network.name(), &shared.url);
                            drop(view);
                            sleep(CONFIRMATION_MS).await;
                            let _ = icon_path.set_attribute("d", path(network));
                            caption.set_text_content(Some(label));
                        } else {
                            status.set_text_content(Some(text.copy_failed));
                            let _ = manual_copy(&view, &group, &shared.url, text.copy_link);
                        }
                    });
                })?;
            }
            None => {
                let button = view.element(
                    &item,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "share-control"),
                        ("data-network", network.name()),
                        ("aria-label", label),
                        ("title", label),
                    ],
                )?;
                icon(view, &button, network)?;
                view.on_click(&button, move |view| {
                    let view = Rc::downgrade(view);
                    let shared = shared.clone();
                    spawn_local(async move {
                        // A cancelled share sheet is not an error, and not a share.
                        if share_natively(&shared).await {
                            if let Some(view) = view.upgrade() {
                                dispatch_share(&view.host, network.name(), &shared.url);
                            }
                        }
                    });
                })?;
            }
        }
    }
    Ok(())
}

/// Where the clipboard is refused: the link, selected, for the reader to copy.
fn manual_copy(view: &View, group: &Element, url: &str, label: &str) -> Result<(), JsValue> {
    let input: HtmlInputElement = match group.query_selector(".share-manual")? {
        Some(input) => input,
        None => view.element(
            group,
            "input",
            &[
                ("class", "share-manual"),
                ("type", "text"),
                ("readonly", ""),
                ("value", url),
                ("aria-label", label),
            ],
        )?,
    }
    .dyn_into()?;
    input.focus()?;
    input.select();
    Ok(())
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
