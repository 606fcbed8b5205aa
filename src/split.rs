//! The module's later pieces: code that the first headline does not need comes in
//! WebAssembly modules of its own, split off the first one by Leptos's code
//! splitting (`wasm_split`, the machinery under `#[lazy]`; run by
//! `scripts/release.mjs` after the release build).
//!
//! A piece is one split function that hands back what it holds (a renderer, a
//! reader) as a plain `fn`: once the piece is here, using it is a synchronous
//! call. The view reads a piece through [`Piece`], a signal every widget shares,
//! so whatever waits for it updates in place when it arrives. The publishers'
//! readers start loading a task after the module is instantiated, the view's
//! pieces a task after the first headline (`view::pieces::start_pieces`), and
//! any piece when a view first reads it.
//!
//! `#[lazy]` itself is not used: its loader panics when a piece fails to load,
//! and a panic in WebAssembly stops every widget on the page. The `fallible`
//! option of the split macro makes that failure a value instead. Builds without
//! the `split` feature (component tests, native) call the function directly.

use std::{
    future::Future,
    pin::Pin,
    sync::{
        atomic::{AtomicBool, Ordering},
        LazyLock,
    },
};

use leptos::prelude::*;
// Not Leptos's `spawn_local`: a piece may start loading before any widget has
// mounted (and set up Leptos's executor), as the page idles.
use wasm_bindgen_futures::spawn_local;

/// Why a piece is not here: its module could not be fetched or instantiated.
pub use leptos::wasm_split::SplitLoaderError;

/// What loading a piece gives back.
pub type Loading<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// Declares a piece: `split!(name: fn loader() -> T { value })` makes
/// `loader()`, which loads the piece `name` (with the `split` feature) and
/// returns `value`, the piece's entry point.
macro_rules! split {
    ($(#[$doc:meta])* $piece:ident: fn $loader:ident() -> $ty:ty { $value:expr }) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $loader() -> Result<$ty, $crate::split::SplitLoaderError> {
            Ok($value)
        }
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        async fn $loader() -> Result<$ty, $crate::split::SplitLoaderError> {
            Ok($value)
        }
    };
}
pub(crate) use split;

/// Where a piece is: coming, here (with its entry point), or failed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Loaded<T> {
    Pending,
    Ready(T),
    Failed,
}

/// A piece as the view reads it: a signal shared by every widget on the page.
pub struct Piece<T: 'static> {
    state: LazyLock<ArcRwSignal<Loaded<T>>>,
    /// A load is under way or done (a failure clears it, for a retry).
    started: AtomicBool,
    load: fn() -> Loading<T>,
}

impl<T: Copy + Send + Sync + 'static> Piece<T> {
    pub const fn new(load: fn() -> Loading<T>) -> Piece<T> {
        Piece {
            state: LazyLock::new(|| ArcRwSignal::new(Loaded::Pending)),
            started: AtomicBool::new(false),
            load,
        }
    }

    /// Where the piece is, tracked while it may still change: a view that reads
    /// it updates when it arrives. Once it is here it is read untracked: a render
    /// effect stays in a signal's subscribers after it is dropped (reactive_graph
    /// 0.2.16), and this signal lives as long as the page, so every widget
    /// mounted after the piece arrived would grow it for good (measured: 48 bytes
    /// a widget, in the component test of widgets that come and go).
    ///
    /// Reading a piece starts it, if nothing has yet.
    pub fn get(&'static self) -> Loaded<T> {
        match self.state.get_untracked() {
            ready @ Loaded::Ready(_) => ready,
            Loaded::Pending => {
                self.start();
                self.state.get()
            }
            Loaded::Failed => self.state.get(),
        }
    }

    /// Loads the piece unless it is here or on its way; a failed piece loads
    /// afresh (the loader keeps no failure).
    pub fn start(&'static self) {
        if self.started.swap(true, Ordering::Relaxed) {
            return;
        }
        let state = self.state.clone();
        if matches!(state.get_untracked(), Loaded::Failed) {
            state.set(Loaded::Pending);
        }
        let loading = (self.load)();
        spawn_local(async move {
            match loading.await {
                Ok(entry) => state.set(Loaded::Ready(entry)),
                Err(_) => {
                    web_sys::console::warn_1(
                        &"<article-widget>: a part of the widget could not be loaded".into(),
                    );
                    self.started.store(false, Ordering::Relaxed);
                    state.set(Loaded::Failed);
                }
            }
        });
    }
}
