//! Yielding to the page: the widget's work is split into tasks, so that none is
//! long for the partner's page (its input and frames come between them).

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves a task later: the page's input and frames come first. Where the
/// browser has `scheduler.yield()`, the widget's work then continues ahead of
/// other queued tasks (other widgets' included), so that splitting it costs its
/// first headline little; elsewhere a message to a channel of its own, a task
/// without the clamping of nested timers.
pub async fn next_task() {
    let _ = JsFuture::from(yielded()).await;
}

fn yielded() -> Promise {
    let scheduler = Reflect::get(&js_sys::global(), &"scheduler".into()).ok();
    let yield_now = scheduler
        .as_ref()
        .and_then(|s| Reflect::get(s, &"yield".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(scheduler), Some(yield_now)) = (scheduler, yield_now) {
        if let Ok(promise) = yield_now.call0(&scheduler).and_then(|p| p.dyn_into()) {
            return promise;
        }
    }
    Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            if channel.port2().post_message(&JsValue::NULL).is_err() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
        Err(_) => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    })
}

/// Resolves once what a signal change has queued has run: Leptos re-renders in
/// the executor's queue of microtasks, and this resolves in a promise reaction
/// after it.
pub async fn rendered() {
    let _ = JsFuture::from(Promise::resolve(&JsValue::UNDEFINED)).await;
}
