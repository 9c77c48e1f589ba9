//! letui's core: everything on the hot path of a terminal UI, in safe Rust.
//!
//! - [`cell`]: the 16-byte cell, its colors and attributes;
//! - [`width`]: grapheme clusters and display width, shared by every module;
//! - [`grid`], [`intern`], [`links`], [`screen`]: the drawing surface;
//! - [`color`]: terminal color capabilities and downgrading;
//! - [`ansi`], [`renderer`]: the diff of two grids into the fewest bytes;
//! - [`input`]: terminal input bytes to events;
//! - [`markdown`], [`diff`], [`highlight`]: rich text (Markdown, diffs, syntax highlighting);
//! - [`layout`]: flexbox layout of a node tree (taffy);
//! - [`terminal`]: raw mode, terminal modes, and restoring both.
//!
//! This crate has no FFI and no global mutable state; `letui-ffi` wraps it
//! in a C ABI.

pub mod ansi;
pub mod cell;
pub mod color;
pub mod diff;
pub mod grid;
pub mod highlight;
pub mod input;
pub mod intern;
pub mod layout;
pub mod links;
pub mod markdown;
pub mod output;
pub mod renderer;
pub mod screen;
pub mod surface;
pub mod terminal;
pub mod width;
pub mod wrap;

#[doc(inline)]
pub use cell::{Attrs, Cell, Color, Underline};
#[doc(inline)]
pub use color::{ColorMode, InvalidColorOverride};
#[doc(inline)]
pub use grid::{Grid, Rect};
#[doc(inline)]
pub use renderer::Renderer;
#[doc(inline)]
pub use screen::{MAX_CLUSTER_CHARS, Screen, ScreenError, Style};
