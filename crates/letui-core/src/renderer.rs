//! The renderer: diffs the back screen against what the terminal shows and
//! writes the fewest bytes that make them equal.
//!
//! - [`pen`]: the SGR state of the terminal and the shortest change of it;
//! - [`cursor`]: the terminal cursor and the cheapest way to move it;
//! - [`scroll`]: recognising content that moved up or down by whole rows;
//! - [`frame`]: the [`Renderer`] itself, one frame at a time;
//! - [`quirks`]: the bugs of real terminals the renderer steps around.

pub mod cursor;
pub mod frame;
pub mod pen;
pub mod quirks;
pub mod scroll;

#[doc(inline)]
pub use frame::print::encode_lines;
#[doc(inline)]
pub use frame::{Capabilities, CursorRequest, Renderer};
