//! The view's later pieces (see `crate::split`), and what stands in their place
//! until they are here.
//!
//! What a reader sees first (the skeleton, then the article from its headline to
//! the end of its body) is in the first module. What follows the body (the
//! continue control, the share controls, the attribution) is one piece, and the
//! error panel another: a component goes in a piece by being rendered only
//! through that piece's entry points below.

use super::words::Words;
use leptos::{prelude::*, tachys::view::any_view::AnyView};

use super::{
    attribution::{Attribution, AttributionProps},
    error::{ErrorPanel, ErrorPanelProps},
    preview::{Continue, ContinueProps},
    promotions::{Promotions, PromotionsProps},
    share::{Share, ShareProps},
    skeleton::Fallback,
};
use crate::{
    article::LoadError,
    i18n::Strings,
    split::{split, Loaded, Piece},
};

/// What the error panel says of `error`.
pub fn error_message(text: &'static Strings, error: &LoadError) -> &'static str {
    match error {
        LoadError::Network(_) => text.error_network,
        LoadError::Http(_) => text.error_http,
        LoadError::Timeout(_) => text.error_timeout,
        LoadError::TooLarge => text.error_too_large,
        LoadError::Invalid { .. } => text.error_invalid,
    }
}

/// The renderers of what follows an article's body.
#[derive(Clone, Copy)]
pub struct Extras {
    /// `part="share"`: the share controls, their icons and the clipboard.
    pub share: fn(ShareProps) -> AnyView,
    /// `part="continue"`: after a preview's blocks.
    pub more: fn(ContinueProps) -> AnyView,
    /// `part="attribution"`: the publisher's credit and the original's link.
    pub attribution: fn(AttributionProps) -> AnyView,
    /// `part="promotions"`: the publisher's sign-up and links (contract §7).
    pub promotions: fn(PromotionsProps) -> AnyView,
}

/// The later pieces' styles (style/pieces.css): only this piece refers to them,
/// so they come with it.
const PIECES_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/pieces.min.css"));

split! {
    /// What follows an article's body, and its styles.
    extras: fn extras() -> Extras {{
        crate::embed::add_later_styles(PIECES_CSS);
        Extras {
            share: |props| Share(props).into_any(),
            more: |props| Continue(props).into_any(),
            attribution: |props| Attribution(props).into_any(),
            promotions: |props| Promotions(props).into_any(),
        }
    }}
}

split! {
    /// `part="error"`: the error panel.
    error_panel: fn error_panel() -> fn(ErrorPanelProps) -> AnyView {
        |props| ErrorPanel(props).into_any()
    }
}

/// What follows an article's body, once its piece is here.
pub static EXTRAS: Piece<Extras> = Piece::new(|| Box::pin(extras()));

/// The error panel's renderer, once its piece is here.
pub static ERROR_PANEL: Piece<fn(ErrorPanelProps) -> AnyView> =
    Piece::new(|| Box::pin(error_panel()));

/// Starts loading the view's later pieces, side by side: a task after the first
/// headline, which neither is needed for (started with the module, the pieces
/// measured 40 ms of main thread at CPU 4× before it). Each loads once however
/// often this is called; a view that reads a piece starts it too.
pub fn start_pieces() {
    EXTRAS.start();
    ERROR_PANEL.start();
}

impl<T: Copy + Send + Sync + 'static> Piece<T> {
    /// The piece's entry point once it is here (tracked).
    pub fn ready(&'static self) -> Option<T> {
        match self.get() {
            Loaded::Ready(entry) => Some(entry),
            _ => None,
        }
    }
}

// Classes given as expressions keep these elements off the template path, which
// hosts requiring Trusted Types refuse (see `skeleton.rs`).
const SHARE_CLASS: &str = "share";
const PENDING_CLASS: &str = "share-pending";
const FAILED_CLASS: &str = "piece-failed";
const RETRY_CLASS: &str = "share-control";

/// Where the share controls will be: their group's label and a row of their
/// height, so nothing moves when they arrive.
#[component]
pub fn SharePending(
    /// The UI strings.
    text: Words,
) -> impl IntoView {
    view! {
        <div class=SHARE_CLASS aria-hidden="true">
            <p class="share-label">{text.say(|t| t.share_label)}</p>
            <div class=PENDING_CLASS></div>
        </div>
    }
}

/// In place of a piece that could not be loaded: says so, with a button that
/// loads it again. The rest of the article stays as it is.
#[component]
pub fn PieceFailed(
    /// The UI strings.
    text: Words,
    /// Loads the piece again.
    retry: fn(),
) -> impl IntoView {
    view! {
        <p class=FAILED_CLASS role="status">
            {text.say(|t| t.piece_failed)}
            " "
            <button type="button" class=RETRY_CLASS part="piece-retry" on:click=move |_| retry()>
                {text.say(|t| t.retry)}
            </button>
        </p>
    }
}

const ERROR_CLASS: &str = "error";
const ERROR_TITLE_CLASS: &str = "error-title";
const ERROR_MESSAGE_CLASS: &str = "error-message";

/// `part="error"` until the error panel's piece is here: its title, message and
/// the partner's fallback, as the panel shows them (so that its arrival adds
/// only the actions below them, moving nothing); where the piece failed, a
/// button that loads it again.
#[component]
pub fn ErrorPending(
    /// Why the article cannot be shown.
    error: LoadError,
    /// The UI language and its strings.
    text: Words,
    /// The panel's piece could not be loaded.
    failed: bool,
) -> impl IntoView {
    view! {
        <div
            part="error"
            class=ERROR_CLASS
            role="alert"
            dir=text.dir()
            lang=text.lang
        >
            <p class=ERROR_TITLE_CLASS>{text.say(|t| t.error_title)}</p>
            <p class=ERROR_MESSAGE_CLASS>{move || error_message(text.get(), &error)}</p>
            <Fallback />
            {failed.then(|| view! { <PieceFailed text retry=|| ERROR_PANEL.start() /> })}
        </div>
    }
}
