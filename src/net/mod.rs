//! The network: where the article comes from (an inline
//! `<script type="application/json">` child or the `src` URL, fetched with
//! gloo-net with a timeout, a size cap and an abort on unmount), the shared fetch
//! of a promotions document, and the newsletter sign-up's POST.
//!
//! The one-way flow: `embed` reads the attributes into a [`Source`], the view
//! loads it here into an `Article`, and renders it.

use std::{
    cell::{Cell, RefCell},
    future::Future,
    rc::Rc,
};

use gloo_net::http::{Request, Response};
use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::{closure::Closure, prelude::wasm_bindgen, JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{AbortController, HtmlElement, ReadableStreamDefaultReader, RequestInit};

pub mod live;

use crate::{
    article::{
        parse_document, read_native, read_publisher_format, Article, Format, Invalid, LoadError,
        PromotionsSource, Withdrawal, MAX_DOCUMENT_BYTES,
    },
    config::Config,
    split::split,
    tasks::next_task,
};

/// The article document's origin, decided once at mount.
#[derive(Clone, Debug)]
pub enum Source {
    /// Inline JSON; relative URLs in it resolve against the page.
    Inline { json: String, base: String },
    /// An absolute URL to fetch, perhaps already being fetched by `embed.js`.
    Remote { url: String, prefetch: Prefetch },
    /// Neither inline JSON nor a usable `src`.
    Missing,
}

/// The fetch `embed.js` starts as soon as a widget is due, so the article downloads
/// alongside the wasm rather than after it. The first load takes it over, once.
#[derive(Clone, Debug, Default)]
pub struct Prefetch(Rc<RefCell<Option<Prefetched>>>);

#[derive(Debug)]
struct Prefetched {
    url: String,
    response: Promise,
    controller: AbortController,
}

impl Prefetch {
    /// From `embed.js`'s `{ url, response, controller }` (anything else: none).
    pub fn from_js(value: &JsValue) -> Prefetch {
        let get = |key: &str| Reflect::get(value, &key.into()).ok();
        let prefetched = (|| {
            Some(Prefetched {
                url: get("url")?.as_string()?,
                response: get("response")?.dyn_into().ok()?,
                controller: get("controller")?.dyn_into().ok()?,
            })
        })();
        if prefetched.is_none() {
            // Half of one (a host's odd `fetch`): stop it rather than let it run on.
            if let Some(controller) = get("controller").and_then(|c| c.dyn_into().ok()) {
                AbortController::abort(&controller);
            }
        }
        Prefetch(Rc::new(RefCell::new(prefetched)))
    }

    /// Aborts an early fetch nobody will take over.
    fn abort(&self) {
        if let Some(prefetched) = self.0.borrow_mut().take() {
            prefetched.controller.abort();
        }
    }

    /// The prefetched response for `url`, once. One for another URL is aborted.
    fn take(&self, url: &str) -> Option<Prefetched> {
        let prefetched = self.0.borrow_mut().take()?;
        if prefetched.url == url {
            Some(prefetched)
        } else {
            prefetched.controller.abort();
            None
        }
    }
}

impl Source {
    // Not inlined: `mount` and `update` both call it.
    #[inline(never)]
    pub fn of(host: &HtmlElement, config: &Config, prefetch: Prefetch) -> Result<Source, JsValue> {
        let base = host
            .owner_document()
            .ok_or("no document")?
            .base_uri()?
            .unwrap_or_default();
        if let Some(script) = host.query_selector(":scope > script[type='application/json']")? {
            prefetch.abort();
            return Ok(Source::Inline {
                json: script.text_content().unwrap_or_default(),
                base,
            });
        }
        let url = config
            .src
            .as_deref()
            .and_then(|src| web_sys::Url::new_with_base(src, &base).ok());
        Ok(match url {
            Some(url) => Source::Remote {
                url: url.href(),
                prefetch,
            },
            None => {
                prefetch.abort();
                Source::Missing
            }
        })
    }

    /// Whether `other` is the same document: then an attribute change needs no new load.
    pub fn is_same(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Inline { json: a, .. }, Source::Inline { json: b, .. }) => a == b,
            (Source::Remote { url: a, .. }, Source::Remote { url: b, .. }) => a == b,
            (Source::Missing, Source::Missing) => true,
            _ => false,
        }
    }

    /// Gives up a source that will not be loaded, aborting its early fetch.
    pub fn abandon(self) {
        if let Source::Remote { prefetch, .. } = self {
            prefetch.abort();
        }
    }
}

/// Starts reading the article from its source, waiting at most `timeout_ms` for
/// a remote one: the controller that cancels it (on removal), and the result to
/// come. An `urgent` article is read as soon as it is here; the others in a task
/// of their own.
pub fn load_article(
    source: &Source,
    timeout_ms: u32,
    urgent: bool,
) -> (
    Option<AbortController>,
    impl Future<Output = Result<Article, LoadError>> + 'static,
) {
    let prefetched = match source {
        Source::Remote { url, prefetch } => prefetch.take(url),
        _ => None,
    };
    let controller = match &prefetched {
        Some(prefetched) => Some(prefetched.controller.clone()),
        None => AbortController::new().ok(),
    };
    let (source, abort) = (source.clone(), controller.clone());
    let article = async move {
        let Some(abort) = abort else {
            return Err(LoadError::Network(
                "this browser cannot fetch articles".into(),
            ));
        };
        // Many widgets start together, often with their articles already here
        // (inline, or fetched early): reading and rendering them all in the task
        // that mounted them would be one long task for the host page. Each widget
        // further down starts reading its article in a task of its own; every
        // widget reads its document in a task after the one it arrived in, and
        // renders it in a task after that. (A forced layout after each render,
        // meant to spread the layouts, measured 15-23% slower to the last of fifty
        // headlines, with no fewer long tasks: the browser's frames do it.)
        if !urgent {
            next_task().await;
        }
        let article = read_from(source, timeout_ms, abort, prefetched.map(|p| p.response)).await;
        next_task().await;
        article
    };
    (controller, article)
}

async fn read_from(
    source: Source,
    timeout_ms: u32,
    abort: AbortController,
    prefetched: Option<Promise>,
) -> Result<Article, LoadError> {
    match source {
        Source::Inline { json, base } => {
            next_task().await;
            read(json.as_bytes(), &base).await
        }
        Source::Remote { url, .. } => {
            let timer = Timer::abort_after(&abort, timeout_ms);
            let fetched = fetch_bytes(&url, &timer, prefetched, false).await;
            let timed_out = timer.fired();
            drop(timer);
            match fetched {
                Err(_) if timed_out => Err(LoadError::Timeout(timeout_ms)),
                Err(error) => Err(error),
                Ok((bytes, final_url)) => {
                    // Read in a task of its own, not in the one that mounted the
                    // widget or received the last bytes.
                    next_task().await;
                    read(&bytes, &final_url).await
                }
            }
        }
        Source::Missing => Err(Invalid::NoSource.into()),
    }
}

/// Reads the document: a native one at once; one in a publishers' format
/// through their readers, which come in a piece of the module of their own
/// (fetched as the module starts, so usually here before the article).
async fn read(bytes: &[u8], document_url: &str) -> Result<Article, LoadError> {
    let value = parse_document(bytes)?;
    match Format::of(&value) {
        Format::Native => read_native(value, document_url),
        format => (publisher_reader().await?)(value, format, document_url),
    }
}

/// How a document in a publishers' format becomes an article.
type Reader = fn(serde_json::Value, Format, &str) -> Result<Article, LoadError>;

split! {
    /// The publishers' readers (JSON-LD, JSON Feed, WordPress) and the HTML
    /// converter, in a piece of their own.
    formats: fn publisher_reader() -> Reader { read_publisher_format }
}

/// Starts loading the publishers' readers, as the module starts: a document in
/// their formats then waits for no second round trip after its own.
pub fn preload_formats() {
    spawn_local(async {
        let _ = publisher_reader().await;
    });
}

/// A piece of the module that did not arrive is a network error of the article
/// it was needed for (retry loads it again).
impl From<leptos::wasm_split::SplitLoaderError> for LoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> LoadError {
        LoadError::Network("a part of the widget could not be loaded".into())
    }
}

#[wasm_bindgen]
extern "C" {
    /// The page's `fetch`, bound with `catch`: a host page's replacement that
    /// throws is an error value here, where an exception would unwind through
    /// WebAssembly and wedge every widget's tasks.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn page_fetch(request: &web_sys::Request) -> Result<JsValue, JsValue>;
}

/// Sends `request` as gloo-net's `Request::send` does, but through [`page_fetch`],
/// and accepting whatever a host's `fetch` returns (`Promise.resolve` of it).
async fn send(request: Request, timer: &Timer) -> Result<Response, JsValue> {
    let returned = page_fetch(&request.into())?;
    let response = timer.within(&Promise::resolve(&returned)).await?;
    Ok(Response::from(response.dyn_into::<web_sys::Response>()?))
}

/// Fetches the document at `url` (or takes over the `prefetched` response), with
/// the timer's deadline and the size cap. With `revalidate`, through the HTTP
/// cache with validation (the fetch cache mode `no-cache`): an unchanged article
/// costs its publisher a `304`, and no request header of our own means no CORS
/// preflight.
async fn fetch_bytes(
    url: &str,
    timer: &Timer,
    prefetched: Option<Promise>,
    revalidate: bool,
) -> Result<(Vec<u8>, String), LoadError> {
    let network = |error: JsValue| LoadError::Network(describe(&error));
    let abort = &timer.abort;
    let response = match prefetched {
        Some(response) => timer
            .within(&response)
            .await
            .and_then(JsCast::dyn_into::<web_sys::Response>)
            .map(Response::from)
            .map_err(network)?,
        None => {
            // The request is made from the URL exactly as given: gloo-net's
            // `RequestBuilder` rewrites the query (it re-encodes it and appends a
            // `&`), which breaks signed URLs.
            let init = RequestInit::new();
            init.set_signal(Some(&abort.signal()));
            if revalidate {
                init.set_cache(web_sys::RequestCache::NoCache);
            }
            let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(network)?;
            send(Request::from(request), timer).await.map_err(network)?
        }
    };
    // How long the publisher asks copies to wait before checking again (a
    // CORS-safelisted header: always readable).
    // (Kept as it came: read where the checks are, in a later piece.)
    live::note_cache_control(url, response.headers().get("cache-control"));
    // The publisher withdrew it (contract §8): not an error.
    if response.status() == 410 {
        return Err(LoadError::Withdrawn(Withdrawal::default()));
    }
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_DOCUMENT_BYTES) {
        abort.abort();
        return Err(LoadError::TooLarge);
    }
    // fetch() drops the fragment; a feed's `#item-id` still needs it.
    let final_url = match url.split_once('#') {
        Some((_, fragment)) => format!("{}#{fragment}", response.url()),
        None => response.url(),
    };
    let Some(body) = response.body() else {
        return Ok((Vec::new(), final_url));
    };
    // Read chunk by chunk so a server that sends no (or a false) Content-Length
    // still cannot make us buffer more than the cap.
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(declared.unwrap_or(16 * 1024));
    loop {
        let chunk = match timer.within(&reader.read()).await {
            Ok(chunk) => chunk,
            Err(error) => {
                // Lets the connection go where the abort did not (awaited, so
                // its rejection is handled).
                let cancelled = JsFuture::from(reader.cancel());
                spawn_local(async move {
                    let _ = cancelled.await;
                });
                return Err(network(error));
            }
        };
        if Reflect::get(&chunk, &"done".into())
            .map_err(network)?
            .is_truthy()
        {
            break;
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(network)?
            .unchecked_into();
        if bytes.len() + value.length() as usize > MAX_DOCUMENT_BYTES {
            abort.abort();
            return Err(LoadError::TooLarge);
        }
        bytes.extend_from_slice(&value.to_vec());
    }
    Ok((bytes, final_url))
}

fn describe(error: &JsValue) -> String {
    error.as_string().unwrap_or_else(|| {
        Reflect::get(error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default()
    })
}

/// Aborts the fetch when the `timeout` attribute's time is up; cleared on drop.
///
/// Every wait of the fetch is also raced against it ([`Timer::within`]): WebKit
/// may leave a body read pending after the abort (seen in WebKitGTK 2.50 on a
/// retried trickling response), and the reader must still get the timeout.
struct Timer {
    id: Option<i32>,
    abort: AbortController,
    fired: Rc<Cell<bool>>,
    /// Resolves when the time is up.
    deadline: Promise,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    fn abort_after(abort: &AbortController, ms: u32) -> Timer {
        let fired = Rc::new(Cell::new(false));
        let mut expire = None;
        let deadline = Promise::new(&mut |resolve, _| expire = Some(resolve));
        let callback = Closure::<dyn FnMut()>::new({
            let (fired, abort) = (fired.clone(), abort.clone());
            move || {
                fired.set(true);
                abort.abort();
                if let Some(expire) = &expire {
                    let _ = expire.call0(&JsValue::UNDEFINED);
                }
            }
        });
        let id = web_sys::window().and_then(|w| {
            let ms = i32::try_from(ms).unwrap_or(i32::MAX);
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms,
            )
            .ok()
        });
        Timer {
            id,
            abort: abort.clone(),
            fired,
            deadline,
            _callback: callback,
        }
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }

    /// Awaits `promise`, or the deadline, whichever comes first.
    async fn within(&self, promise: &Promise) -> Result<JsValue, JsValue> {
        let first = Promise::race(&js_sys::Array::of2(promise, &self.deadline));
        let value = JsFuture::from(first).await?;
        if self.fired() {
            return Err(JsValue::from_str("the time is up"));
        }
        Ok(value)
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let (Some(id), Some(window)) = (self.id, web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
    }
}

thread_local! {
    /// The promotions documents of the page, by URL: each fetched once however
    /// many widgets name it (contract §7). A settled promise can be awaited again.
    static PROMOTIONS: RefCell<Vec<(String, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// The promotions document at `url` (resolved against the page), fetched once
/// per page, with the article's size cap and the timeout of the first widget
/// that asks; the fetch starts now. Its result: the document's `promotions`
/// object, or why it cannot be used.
pub fn promotions_document(
    url: &str,
    timeout_ms: u32,
) -> impl Future<Output = Result<PromotionsSource, String>> + 'static {
    let resolved = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map(|url| url.href());
    let promise = resolved.as_ref().map(|url| {
        PROMOTIONS.with_borrow_mut(|documents| {
            if let Some((_, promise)) = documents.iter().find(|(u, _)| u == url) {
                return promise.clone();
            }
            let promise = fetch_document(url.clone(), timeout_ms);
            documents.push((url.clone(), promise.clone()));
            promise
        })
    });
    async move {
        let promise = promise.ok_or("its URL is not valid")?;
        let fetched = JsFuture::from(promise)
            .await
            .map_err(|error| describe(&error))?;
        let bytes: Uint8Array = Reflect::get(&fetched, &0.into())
            .map_err(|_| "no document")?
            .unchecked_into();
        let base = Reflect::get(&fetched, &1.into())
            .ok()
            .and_then(|b| b.as_string())
            .unwrap_or_default();
        let value = parse_document(&bytes.to_vec()).map_err(|error| error.to_string())?;
        if !value.is_object() {
            return Err("it is not a promotions object".into());
        }
        Ok(PromotionsSource { value, base })
    }
}

/// Fetches a document as a promise of `[bytes, final URL]`, for every widget to await.
fn fetch_document(url: String, timeout_ms: u32) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let abort = AbortController::new()?;
        let timer = Timer::abort_after(&abort, timeout_ms);
        let fetched = fetch_bytes(&url, &timer, None, false).await;
        let timed_out = timer.fired();
        drop(timer);
        match fetched {
            Ok((bytes, final_url)) => {
                let pair = js_sys::Array::new();
                pair.push(&Uint8Array::from(bytes.as_slice()));
                pair.push(&final_url.into());
                Ok(pair.into())
            }
            Err(_) if timed_out => Err(LoadError::Timeout(timeout_ms).to_string().into()),
            Err(error) => Err(error.to_string().into()),
        }
    })
}

/// Posts a newsletter sign-up (contract §7): `body` as JSON to `action`, with
/// no credentials, waiting at most `timeout_ms`; `true` for a 2xx answer.
pub async fn sign_up(action: &str, body: String, timeout_ms: u32) -> bool {
    let Ok(abort) = AbortController::new() else {
        return false;
    };
    let timer = Timer::abort_after(&abort, timeout_ms);
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&body));
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_signal(Some(&abort.signal()));
    let Ok(headers) = web_sys::Headers::new() else {
        return false;
    };
    let _ = headers.set("content-type", "application/json");
    init.set_headers(&headers);
    let answered = match web_sys::Request::new_with_str_and_init(action, &init) {
        Ok(request) => send(Request::from(request), &timer)
            .await
            .is_ok_and(|r| r.ok()),
        Err(_) => false,
    };
    drop(timer);
    answered
}
