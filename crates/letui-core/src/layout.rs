//! Flexbox layout of a node tree, backed by taffy.
//!
//! - [`style`] has [`NodeStyle`], a node's flexbox style in cells;
//! - [`tree`] has [`LayoutTree`], nodes behind checked ids, incremental
//!   layout, absolute results;
//! - `text` has text leaves, measured with [`crate::wrap`];
//! - [`error`] has [`LayoutError`].

pub mod error;
pub mod style;
mod text;
pub mod tree;

#[doc(inline)]
pub use error::{LayoutError, LayoutResult};
#[doc(inline)]
pub use style::{
    AlignItems, Display, Edges, FlexDirection, FlexWrap, JustifyContent, Length, NodeStyle,
    Overflow, Position,
};
#[doc(inline)]
pub use tree::{LayoutTree, MAX_DEPTH, NodeId, NodeRect, NodeResult, UNBOUNDED};
