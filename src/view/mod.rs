//! The Leptos view: small components, each named after the `part` it renders.
//!
//! `widget.rs` holds a widget's state in signals (loading → article or error, a
//! retry under way) and shows the phase; every other file renders one visible
//! piece and is a function of its props. What changes while the article shows
//! (the language, the heading level, how much of a preview shows, the share
//! list, a copy confirmation, a busy retry) is a signal read by the element
//! that shows it, which Leptos updates in place: the same nodes, new text and
//! attributes, new blocks after the ones shown. A newer version of the article
//! (contract §8) is a signal too: what changed renders anew, an unchanged body
//! block keeps its element. Only a new phase (the article arriving, failing or
//! withdrawn, or a new `src`) replaces what shows.
//!
//! The view knows nothing of the custom element: it loads through `crate::net`
//! and reports through its [`Host`] (the events of the contract), and counts
//! views and reads with [`engagement`]; `crate::embed` mounts it.

mod article;
mod attribution;
mod body;
mod control;
mod corrections;
mod engagement;
mod error;
mod host;
mod icons;
mod intl;
mod live;
mod meta;
mod pieces;
mod preview;
mod promotions;
mod share;
mod skeleton;
mod widget;
mod withdrawn;
mod words;

pub use host::Host;
pub use widget::Widget;
