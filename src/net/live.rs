//! Checks of shown articles for newer versions (contract §8): one conditional
//! request per URL and check, however many widgets show it, at the shortest
//! interval any of them asks for and no sooner than the publisher's `max-age`;
//! none while the page is hidden (a check that fell due then runs when it shows
//! again); twice the wait after each failure. A check's document is read only
//! when its bytes changed; each watcher compares what it read with what it shows.
//!
//! Everything here is reached from the view's later piece only, so it comes
//! with it (except [`note_max_age`], which the first load calls).

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
    sync::Arc,
};

use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::spawn_local;
use web_sys::AbortController;

use super::{fetch_bytes, read, Timer};
use crate::article::{
    live::{max_age, next_check_s},
    Article, LoadError, Withdrawal,
};

/// What a check found.
pub enum Checked {
    /// The document now reads as this article (maybe the one shown: the
    /// watcher compares).
    Read(Arc<Article>),
    /// The publisher withdrew it; no check follows.
    Withdrawn(Withdrawal),
    /// The check failed; the next waits longer.
    Failed(LoadError),
}

/// Told of every check of its URL until dropped.
type OnCheck = Rc<dyn Fn(&Checked)>;

struct Watcher {
    id: u64,
    every_s: u32,
    on_check: OnCheck,
}

/// One URL's checks.
struct Checks {
    url: String,
    timeout_ms: u32,
    watchers: Vec<Watcher>,
    failures: u32,
    /// The next check's timer.
    timer: Option<(i32, Closure<dyn FnMut()>)>,
    /// It fell due while the page was hidden.
    due: bool,
    /// The check under way.
    running: Option<AbortController>,
    /// A digest of the last document read, to skip reading it again.
    last: Option<u64>,
}

thread_local! {
    static CHECKS: RefCell<Vec<Checks>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
    /// The last `Cache-Control` each URL answered with (the first load's included).
    static CACHE_CONTROL: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// The page's `visibilitychange` listener, added with the first watcher.
    static ON_VISIBLE: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
}

/// Records the `Cache-Control` an answer for `url` had (`None`: it had none).
pub(super) fn note_cache_control(url: &str, value: Option<String>) {
    CACHE_CONTROL.with_borrow_mut(|all| {
        all.retain(|(u, _)| u != url);
        if let Some(value) = value {
            all.push((url.to_owned(), value));
        }
    });
}

/// The `max-age` of the last answer for `url`.
fn max_age_of(url: &str) -> Option<u32> {
    CACHE_CONTROL.with_borrow(|all| {
        all.iter()
            .find(|(u, _)| u == url)
            .and_then(|(_, value)| max_age(value))
    })
}

/// A widget's watch of its article's URL; dropping it stops its checks (and the
/// URL's, when it was the last).
pub struct Watch(u64);

impl Drop for Watch {
    fn drop(&mut self) {
        let id = self.0;
        let emptied = CHECKS.with_borrow_mut(|all| {
            let at = all
                .iter()
                .position(|c| c.watchers.iter().any(|w| w.id == id))?;
            all[at].watchers.retain(|w| w.id != id);
            all[at].watchers.is_empty().then(|| all.remove(at))
        });
        if let Some(checks) = emptied {
            stop(checks);
        }
    }
}

/// Watches `url` every `every_s` seconds (or sooner, if another widget asks):
/// `on_check` hears of each check until the [`Watch`] is dropped.
pub fn watch(url: &str, every_s: u32, timeout_ms: u32, on_check: OnCheck) -> Watch {
    listen_for_visibility();
    let id = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let watcher = Watcher {
        id,
        every_s,
        on_check,
    };
    let new = CHECKS.with_borrow_mut(|all| match all.iter_mut().find(|c| c.url == url) {
        Some(checks) => {
            checks.watchers.push(watcher);
            false
        }
        None => {
            all.push(Checks {
                url: url.to_owned(),
                timeout_ms,
                watchers: vec![watcher],
                failures: 0,
                timer: None,
                due: false,
                running: None,
                last: None,
            });
            true
        }
    });
    if new {
        schedule(url);
    }
    Watch(id)
}

/// Ends a URL's checks: its timer, and the check under way.
fn stop(checks: Checks) {
    if let (Some((handle, callback)), Some(window)) = (checks.timer, web_sys::window()) {
        window.clear_timeout_with_handle(handle);
        // Not dropped here: this may run inside the timer's own call.
        spawn_local(async move { drop(callback) });
    }
    if let Some(abort) = checks.running {
        abort.abort();
    }
}

/// Sets the timer of `url`'s next check.
fn schedule(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let max_age = max_age_of(url);
    CHECKS.with_borrow_mut(|all| {
        let Some(checks) = all.iter_mut().find(|c| c.url == url) else {
            return;
        };
        let Some(every_s) = checks.watchers.iter().map(|w| w.every_s).min() else {
            return;
        };
        let wait_s = next_check_s(every_s, max_age, checks.failures);
        let callback = Closure::<dyn FnMut()>::new({
            let url = url.to_owned();
            move || fire(&url)
        });
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                (wait_s * 1000) as i32,
            )
            .unwrap_or(0);
        if let Some((old, callback)) = checks.timer.replace((handle, callback)) {
            window.clear_timeout_with_handle(old);
            spawn_local(async move { drop(callback) });
        }
    });
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// The timer went off: check now, or once the page shows again.
fn fire(url: &str) {
    let hidden = page_hidden();
    let run = CHECKS.with_borrow_mut(|all| {
        let checks = all.iter_mut().find(|c| c.url == url)?;
        if let Some((_, callback)) = checks.timer.take() {
            spawn_local(async move { drop(callback) });
        }
        if hidden {
            checks.due = true;
            return None;
        }
        Some(())
    });
    if run.is_some() {
        check(url.to_owned());
    }
}

/// One `visibilitychange` listener for the page: runs the checks that fell due.
fn listen_for_visibility() {
    ON_VISIBLE.with_borrow_mut(|listener| {
        if listener.is_some() {
            return;
        }
        let callback = Closure::<dyn FnMut()>::new(|| {
            if page_hidden() {
                return;
            }
            let due: Vec<String> = CHECKS.with_borrow_mut(|all| {
                all.iter_mut()
                    .filter_map(|c| std::mem::take(&mut c.due).then(|| c.url.clone()))
                    .collect()
            });
            due.into_iter().for_each(check);
        });
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                callback.as_ref().unchecked_ref(),
            );
        }
        *listener = Some(callback);
    });
}

/// A digest of a document, to tell whether it changed (FNV-1a).
fn digest(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Checks `url` once, tells its watchers, and sets the next check.
fn check(url: String) {
    let Ok(abort) = AbortController::new() else {
        return;
    };
    let timeout_ms = CHECKS.with_borrow_mut(|all| {
        let checks = all.iter_mut().find(|c| c.url == url)?;
        if checks.running.is_some() {
            return None;
        }
        checks.running = Some(abort.clone());
        Some(checks.timeout_ms)
    });
    let Some(timeout_ms) = timeout_ms else {
        return;
    };
    spawn_local(async move {
        let timer = Timer::abort_after(&abort, timeout_ms);
        let fetched = fetch_bytes(&url, &timer, None, true).await;
        let timed_out = timer.fired();
        drop(timer);
        let checked = match fetched {
            Err(LoadError::Withdrawn(withdrawal)) => Some(Checked::Withdrawn(withdrawal)),
            Err(_) if timed_out => Some(Checked::Failed(LoadError::Timeout(timeout_ms))),
            Err(error) => Some(Checked::Failed(error)),
            Ok((bytes, final_url)) => {
                let digest = digest(&bytes);
                let same = CHECKS.with_borrow_mut(|all| {
                    all.iter_mut()
                        .find(|c| c.url == url)
                        .map(|c| c.last.replace(digest) == Some(digest))
                });
                match same {
                    // Unchanged since the last check: nothing to read or tell.
                    Some(true) => None,
                    // Nobody watches any more.
                    None => return,
                    Some(false) => Some(match read(&bytes, &final_url).await {
                        Ok(article) => Checked::Read(Arc::new(article)),
                        Err(LoadError::Withdrawn(withdrawal)) => Checked::Withdrawn(withdrawal),
                        Err(error) => Checked::Failed(error),
                    }),
                }
            }
        };
        // The watchers now (one may have gone meanwhile), told outside the borrow:
        // a watcher may drop its watch as it hears.
        let watchers = CHECKS.with_borrow_mut(|all| {
            let checks = all.iter_mut().find(|c| c.url == url)?;
            checks.running = None;
            match &checked {
                Some(Checked::Failed(_)) => {
                    checks.failures = checks.failures.saturating_add(1);
                    // Read again next time: a document that failed is not "the same".
                    checks.last = None;
                }
                _ => checks.failures = 0,
            }
            Some(
                checks
                    .watchers
                    .iter()
                    .map(|w| w.on_check.clone())
                    .collect::<Vec<_>>(),
            )
        });
        let Some(watchers) = watchers else {
            return;
        };
        if let Some(checked) = &checked {
            for on_check in &watchers {
                on_check(checked);
            }
        }
        if matches!(checked, Some(Checked::Withdrawn(_))) {
            // No check follows a withdrawal.
            let ended = CHECKS.with_borrow_mut(|all| {
                let at = all.iter().position(|c| c.url == url)?;
                Some(all.remove(at))
            });
            if let Some(checks) = ended {
                stop(checks);
            }
        } else {
            schedule(&url);
        }
    });
}
