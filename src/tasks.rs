//! Yielding to the page: the widget's work is split into tasks, so that none is
//! long for the partner's page (its input and frames come between them).

use js_sys::Promise;
use wasm_bindgen::{prelude::wasm_bindgen, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves a task later: the page's input and frames come first (see
/// `tasks.js`: `scheduler.yield()` where the browser has it, else a
/// `MessageChannel` task, in JavaScript: through web-sys the same measured
/// 0.5 KB more of the first module).
pub async fn next_task() {
    let _ = JsFuture::from(next_task_promise()).await;
}

#[wasm_bindgen(module = "/src/tasks.js")]
extern "C" {
    #[wasm_bindgen(js_name = nextTask)]
    fn next_task_promise() -> Promise;
}

/// Resolves once what a signal change has queued has run: Leptos re-renders in
/// the executor's queue of microtasks, and this resolves in a promise reaction
/// after it.
pub async fn rendered() {
    let _ = JsFuture::from(Promise::resolve(&JsValue::UNDEFINED)).await;
}
