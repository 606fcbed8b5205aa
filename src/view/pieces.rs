//! The view's later pieces (see `crate::split`), the components they hold as
//! the rest of the view uses them, and what stands in their place until they
//! are here.
//!
//! What a reader sees first (the skeleton, then the article from its headline to
//! the end of its body) is in the first module. What follows the body (the
//! continue control, the share controls, the promotions, the attribution) is one
//! piece, and the error panel another. A component goes in a piece by being
//! rendered only through that piece's entry point below; the rest of the view
//! writes `<Share … />` as for any component, through the small wrapper of the
//! same name here, which renders it once its piece is here (and meanwhile what
//! holds its place).

use super::words::Words;
use leptos::{prelude::*, tachys::view::any_view::AnyView};

use super::{
    attribution::{self, AttributionProps},
    error::{self, ErrorPanelProps},
    live::{self, LiveProps},
    preview::{self, ContinueProps},
    promotions::{self, PromotionsProps},
    share::{self, ShareProps},
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
        LoadError::Withdrawn(_) => text.withdrawn,
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
    /// `part="update"`: the checks for newer versions, and their bar (contract §8).
    pub live: fn(LiveProps) -> AnyView,
}

/// The later pieces' styles (style/pieces.css): only this piece refers to them,
/// so they come with it.
const PIECES_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/pieces.min.css"));

split! {
    /// What follows an article's body, and its styles.
    extras: fn extras() -> Extras {{
        crate::embed::add_later_styles(PIECES_CSS);
        Extras {
            share: |props| share::Share(props).into_any(),
            more: |props| preview::Continue(props).into_any(),
            attribution: |props| attribution::Attribution(props).into_any(),
            promotions: |props| promotions::Promotions(props).into_any(),
            live: |props| live::Live(props).into_any(),
        }
    }}
}

split! {
    /// `part="error"`: the error panel.
    error_panel: fn error_panel() -> fn(ErrorPanelProps) -> AnyView {
        |props| error::ErrorPanel(props).into_any()
    }
}

/// What a wrapper renders once its piece is here: one type for all of them, so
/// that the code that renders and updates it is in the module once (a closure
/// type each, and views made `AnyView` here, measured 4 KB more of the first
/// module).
type FromPiece = Box<dyn FnMut() -> Option<AnyView> + Send>;

/// A component of `piece`, rendered with `props` once the piece is here. The
/// piece's signal is read untracked once it is here, so this renders the
/// component once.
fn from_piece<T, P>(piece: &'static Piece<T>, props: P, render: fn(T, P) -> AnyView) -> FromPiece
where
    T: Copy + Send + Sync + 'static,
    P: Send + 'static,
{
    let mut props = Some(props);
    Box::new(move || match piece.get() {
        Loaded::Ready(entry) => props.take().map(|props| render(entry, props)),
        _ => None,
    })
}

/// `part="share"` (see `share::Share`): until its piece is here, a group of its
/// size holds its place.
#[allow(non_snake_case)]
pub fn Share(props: ShareProps) -> impl IntoView {
    let text = props.text;
    let pending =
        move || matches!(EXTRAS.get(), Loaded::Pending).then(|| view! { <SharePending text /> });
    (
        from_piece(&EXTRAS, props, |extras, props| (extras.share)(props)),
        pending,
    )
}

/// `part="continue"` (see `preview::Continue`).
#[allow(non_snake_case)]
pub fn Continue(props: ContinueProps) -> impl IntoView {
    from_piece(&EXTRAS, props, |extras, props| (extras.more)(props))
}

/// `part="attribution"` (see `attribution::Attribution`).
#[allow(non_snake_case)]
pub fn Attribution(props: AttributionProps) -> impl IntoView {
    from_piece(&EXTRAS, props, |extras, props| (extras.attribution)(props))
}

/// `part="update"` (see `live::Live`): nothing until its piece is here.
#[allow(non_snake_case)]
pub fn Live(props: LiveProps) -> impl IntoView {
    from_piece(&EXTRAS, props, |extras, props| (extras.live)(props))
}

/// `part="promotions"` (see `promotions::Promotions`).
#[allow(non_snake_case)]
pub fn Promotions(props: PromotionsProps) -> impl IntoView {
    from_piece(&EXTRAS, props, |extras, props| (extras.promotions)(props))
}

/// `part="error"` (see `error::ErrorPanel`): until its piece is here, its title,
/// message and the partner's fallback; where the piece failed, with a button that
/// loads it again.
#[allow(non_snake_case)]
pub fn ErrorPanel(props: ErrorPanelProps) -> impl IntoView {
    let (error, text) = (props.error.clone(), props.text);
    let waiting = move || match ERROR_PANEL.get() {
        Loaded::Ready(_) => None,
        loading => Some(view! {
            <ErrorPending error=error.clone() text failed=matches!(loading, Loaded::Failed) />
        }),
    };
    (
        from_piece(&ERROR_PANEL, props, |render, props| render(props)),
        waiting,
    )
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
