//! Errors of the layout tree.

/// What went wrong in a layout call. Every misuse is an error, never a
/// panic.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LayoutError {
    /// The id was never made by this tree, or its node was freed.
    #[error("layout node {0:#x} does not exist (it was freed, or comes from another tree)")]
    UnknownNode(u64),
    /// Attaching would make a node its own ancestor.
    #[error(
        "cannot attach layout node {child:#x} under {parent:#x}: it would become its own ancestor"
    )]
    Cycle {
        /// The would-be parent.
        parent: u64,
        /// The node being attached.
        child: u64,
    },
    /// The node is not a child of the given parent.
    #[error("layout node {child:#x} is not a child of {parent:#x}")]
    NotAChild {
        /// The parent given.
        parent: u64,
        /// The node given as its child.
        child: u64,
    },
    /// A child index past the end of the children.
    #[error("child index {index} is out of range: layout node {parent:#x} has {len} children")]
    IndexOutOfRange {
        /// The parent.
        parent: u64,
        /// The index given.
        index: usize,
        /// The number of children (after detaching the child being moved).
        len: usize,
    },
    /// The same node appears twice in a list of children.
    #[error("layout node {0:#x} appears twice in the list of children")]
    DuplicateChild(u64),
    /// Attaching would make the tree deeper than [`MAX_DEPTH`](super::tree::MAX_DEPTH).
    #[error(
        "cannot attach under layout node {parent:#x}: the tree would be more than {limit} levels deep"
    )]
    TooDeep {
        /// The would-be parent.
        parent: u64,
        /// The limit, [`MAX_DEPTH`](super::tree::MAX_DEPTH).
        limit: usize,
    },
    /// Text leaves cannot have children.
    #[error("layout node {0:#x} is a text leaf and cannot have children")]
    TextHasChildren(u64),
    /// A style value is out of range; the message names it.
    #[error("invalid style: {0}")]
    InvalidStyle(String),
    /// Every node id has been used up (after about 2^52 nodes).
    #[error("the layout tree has no node ids left")]
    Exhausted,
    /// Taffy refused an operation (should not happen: arguments are
    /// checked first).
    #[error("layout engine error: {0}")]
    Engine(String),
}

/// Result of layout calls.
pub type LayoutResult<T> = Result<T, LayoutError>;
