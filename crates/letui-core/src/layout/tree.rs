//! The layout tree: taffy's tree behind ids that are checked on every
//! call and never reused, with text leaves measured by [`crate::wrap`] and
//! results as absolute integer rectangles.

use std::collections::VecDeque;

use taffy::{AvailableSpace, Size, TaffyTree, TraversePartialTree};

use super::error::{LayoutError, LayoutResult};
use super::style::NodeStyle;
use super::text::TextNode;
use crate::wrap::{Line, Wrap, WrapMode};

/// A node of a [`LayoutTree`]: a slot index and a generation.
///
/// Its bits (`generation << 32 | index`) stay below 2^53, so they cross
/// into JavaScript as an exact number. The index (the low 32 bits) is the
/// node's row in [`LayoutTree::rects`]. A freed node's id is never handed
/// out again: its slot is reused with the next generation, and a slot
/// whose generations are used up is retired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(u64);

/// Largest generation of a slot: keeps ids below 2^53.
const MAX_GENERATION: u32 = (1 << 21) - 1;

impl NodeId {
    /// The id with these bits (checked when used).
    pub const fn from_bits(bits: u64) -> NodeId {
        NodeId(bits)
    }

    /// The id's bits: `generation << 32 | index`.
    pub const fn to_bits(self) -> u64 {
        self.0
    }

    /// The slot index: the node's row in [`LayoutTree::rects`].
    pub const fn index(self) -> usize {
        (self.0 & 0xffff_ffff) as usize
    }

    const fn generation(self) -> u32 {
        (self.0 >> 32) as u32
    }

    const fn new(index: u32, generation: u32) -> NodeId {
        NodeId(((generation as u64) << 32) | index as u64)
    }
}

/// The computed box of a node, absolute, in whole cells.
///
/// `#[repr(C)]`: eight 32-bit words, shared with the C ABI.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NodeRect {
    /// Column of the left edge.
    pub x: i32,
    /// Row of the top edge.
    pub y: i32,
    /// Width in cells.
    pub width: i32,
    /// Height in cells.
    pub height: i32,
    /// Offset of the content box from the left edge (border + padding).
    pub content_x: i32,
    /// Offset of the content box from the top edge (border + padding).
    pub content_y: i32,
    /// Largest horizontal scroll offset: how far the content overflows the
    /// box to the right (0 when it fits).
    pub max_scroll_x: i32,
    /// Largest vertical scroll offset.
    pub max_scroll_y: i32,
}

/// A slot's result as shared through the C ABI: its rectangle, and the
/// number of the last compute that changed it or any rectangle in its
/// subtree (0: never), so that a reader can skip unchanged subtrees.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NodeResult {
    /// The rectangle from the last compute.
    pub rect: NodeRect,
    /// The compute (see [`LayoutTree::computes`]) that last changed this
    /// rectangle or one below it.
    pub changed: u32,
}

/// What a node's children were laid out from, at the last compute: its
/// absolute position, size, border and padding (per side) and scroll
/// range. While these stay equal and nothing below it changed, its
/// subtree's rectangles stay equal too.
type Placed = [f32; 14];

/// The deepest a layout tree may be, counted in nodes from a root to its
/// deepest leaf. Attaching a child that would pass it fails with
/// [`LayoutError::TooDeep`]. Flexbox layout recurses once per level (about
/// 2.2 KiB of native stack each), so this keeps a whole layout within
/// about 600 KiB of stack on any thread, far below the 8 MiB a main
/// thread has; real interfaces are a few dozen levels deep.
pub const MAX_DEPTH: usize = 256;

/// Unlimited available space for [`LayoutTree::compute`]: size to content.
pub const UNBOUNDED: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Slot {
    generation: u32,
    node: Option<taffy::NodeId>,
}

/// The index of a taffy node in its slot map: the low 32 bits of its id
/// (slotmap's stable `as_ffi` form, version above index).
fn taffy_index(n: taffy::NodeId) -> usize {
    (u64::from(n) & 0xffff_ffff) as usize
}

/// A tree of layout nodes: flexbox in cells, text leaves measured with the
/// screen's width rules, incremental (only changed nodes and their
/// ancestors are laid out again).
///
/// # Examples
/// ```
/// use letui_core::layout::{LayoutTree, Length, NodeStyle};
/// let mut tree = LayoutTree::new();
/// let root = tree.create().unwrap();
/// let a = tree.create().unwrap();
/// let b = tree.create().unwrap();
/// let grow = NodeStyle { flex_grow: 1.0, ..NodeStyle::default() };
/// tree.set_style(a, &grow).unwrap();
/// tree.set_style(b, &grow).unwrap();
/// tree.set_children(root, &[a, b]).unwrap();
/// // The root is sized by its style: fill the viewport's width.
/// let fill = NodeStyle { width: Length::Percent(100.0), ..NodeStyle::default() };
/// tree.set_style(root, &fill).unwrap();
/// tree.compute(root, 9, 2).unwrap();
/// let (ra, rb) = (tree.rect(a).unwrap(), tree.rect(b).unwrap());
/// assert_eq!((ra.x, ra.width, rb.x, rb.width), (0, 5, 5, 4));
/// ```
pub struct LayoutTree {
    taffy: TaffyTree<TextNode>,
    /// Our id of each taffy node, by taffy index, with the taffy id to
    /// check against. (Only text leaves carry a taffy context, so taffy
    /// skips the context lookup for the others.)
    ids: Vec<Option<(taffy::NodeId, NodeId)>>,
    default_style: taffy::Style,
    slots: Vec<Slot>,
    free: VecDeque<u32>,
    live: usize,
    results: Vec<NodeResult>,
    /// Rounded content-box sizes, by slot (what text leaves wrap to).
    content: Vec<(i32, i32)>,
    /// What each visible slot was placed from, at the last compute.
    placed: Vec<Option<Placed>>,
    /// Taffy nodes found changed before the current compute, by taffy
    /// index: marked with the compute's number.
    dirty: Vec<u32>,
    /// Nodes taken out of their parent since the last compute (their
    /// subtrees read as zero unless they are back in the tree).
    detached: Vec<taffy::NodeId>,
    /// The root of the last compute.
    last_root: Option<taffy::NodeId>,
    /// Computes so far.
    computes: u32,
    stack: Vec<(taffy::NodeId, f32, f32)>,
}

impl Default for LayoutTree {
    fn default() -> LayoutTree {
        LayoutTree::new()
    }
}

impl std::fmt::Debug for LayoutTree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayoutTree")
            .field("nodes", &self.live)
            .finish_non_exhaustive()
    }
}

fn engine(e: taffy::TaffyError) -> LayoutError {
    LayoutError::Engine(e.to_string())
}

mod results;
mod structure;

impl LayoutTree {
    /// An empty tree.
    pub fn new() -> LayoutTree {
        let mut taffy = TaffyTree::new();
        // Rounded here, on absolute positions (write_rects).
        taffy.disable_rounding();
        LayoutTree {
            taffy,
            default_style: NodeStyle::default()
                .to_taffy()
                .unwrap_or(taffy::Style::DEFAULT),
            ids: Vec::new(),
            slots: Vec::new(),
            free: VecDeque::new(),
            live: 0,
            results: Vec::new(),
            content: Vec::new(),
            placed: Vec::new(),
            dirty: Vec::new(),
            detached: Vec::new(),
            last_root: None,
            computes: 0,
            stack: Vec::new(),
        }
    }

    /// Number of live nodes.
    pub fn len(&self) -> usize {
        self.live
    }

    /// True when the tree has no nodes.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Creates a detached node with the default style.
    ///
    /// # Errors
    /// [`LayoutError::Exhausted`] when no id is left (not in practice).
    pub fn create(&mut self) -> LayoutResult<NodeId> {
        let (index, generation) = match self.free.pop_front() {
            Some(i) => (i, self.slots[i as usize].generation + 1),
            None => {
                let i = u32::try_from(self.slots.len()).map_err(|_| LayoutError::Exhausted)?;
                self.slots.push(Slot {
                    generation: 0,
                    node: None,
                });
                if self.results.len() < self.slots.len() {
                    // Grow by doubling, so that the slice (shared through
                    // the C ABI) moves rarely.
                    let len = (self.results.len() * 2).max(64);
                    self.results.resize(len, NodeResult::default());
                    self.content.resize(len, (0, 0));
                    self.placed.resize(len, None);
                }
                (i, 1)
            }
        };
        let id = NodeId::new(index, generation);
        let node = self
            .taffy
            .new_leaf(self.default_style.clone())
            .map_err(engine)?;
        let ti = taffy_index(node);
        if self.ids.len() <= ti {
            self.ids.resize(ti + 1, None);
        }
        self.ids[ti] = Some((node, id));
        self.slots[index as usize] = Slot {
            generation,
            node: Some(node),
        };
        self.live += 1;
        Ok(id)
    }

    /// Creates `count` detached nodes with the default style, appending
    /// their ids to `out` (one call for a whole list of new elements).
    ///
    /// # Errors
    /// [`LayoutError::Exhausted`]; the nodes made before it are freed again.
    pub fn create_many(&mut self, count: usize, out: &mut Vec<NodeId>) -> LayoutResult<()> {
        let start = out.len();
        out.reserve(count);
        for _ in 0..count {
            match self.create() {
                Ok(id) => out.push(id),
                Err(e) => {
                    for id in out.drain(start..) {
                        self.free(id)?;
                    }
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Frees each node as [`free`](Self::free) does. Every id is checked
    /// first: on an error nothing is freed. A parent listed before its
    /// children is cheapest (the children then leave no parent's list).
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`] for a stale or foreign id, and
    /// [`LayoutError::DuplicateChild`] for an id given twice.
    pub fn free_many(&mut self, ids: &[NodeId]) -> LayoutResult<()> {
        for &id in ids {
            self.node(id)?;
        }
        let mut sorted: Vec<u64> = ids.iter().map(|c| c.to_bits()).collect();
        sorted.sort_unstable();
        if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
            return Err(LayoutError::DuplicateChild(w[0]));
        }
        for &id in ids {
            self.free(id)?;
        }
        Ok(())
    }

    /// The taffy node of a live id.
    fn node(&self, id: NodeId) -> LayoutResult<taffy::NodeId> {
        match self.slots.get(id.index()) {
            Some(&Slot {
                generation,
                node: Some(n),
            }) if generation == id.generation() => Ok(n),
            _ => Err(LayoutError::UnknownNode(id.to_bits())),
        }
    }

    /// The id of a taffy node.
    fn id_of(&self, n: taffy::NodeId) -> NodeId {
        match self.ids.get(taffy_index(n)) {
            Some(&Some((t, id))) if t == n => id,
            // Every node is recorded when created.
            _ => NodeId(0),
        }
    }

    /// True when `id` is a live node of this tree.
    pub fn contains(&self, id: NodeId) -> bool {
        self.node(id).is_ok()
    }

    fn release(&mut self, id: NodeId, n: taffy::NodeId) {
        if let Some(e) = self.ids.get_mut(taffy_index(n)) {
            *e = None;
        }
        let slot = &mut self.slots[id.index()];
        slot.node = None;
        if slot.generation < MAX_GENERATION {
            self.free.push_back(id.index() as u32);
        }
        self.results[id.index()].rect = NodeRect::default();
        self.content[id.index()] = (0, 0);
        self.placed[id.index()] = None;
        self.live -= 1;
    }

    /// Frees one node: it leaves its parent (which will be laid out
    /// again), and its children become detached roots that stay alive.
    /// Its id is an error from now on.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`] for a stale or foreign id.
    pub fn free(&mut self, id: NodeId) -> LayoutResult<()> {
        let n = self.node(id)?;
        // Its children are left without a parent.
        self.detached.extend(self.taffy.child_ids(n));
        self.taffy.remove(n).map_err(engine)?;
        self.release(id, n);
        Ok(())
    }

    /// Frees a node and all its descendants, and returns their ids (the
    /// node's first).
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`] for a stale or foreign id.
    pub fn free_subtree(&mut self, id: NodeId) -> LayoutResult<Vec<NodeId>> {
        let n = self.node(id)?;
        let mut freed = Vec::new();
        let mut stack = vec![n];
        while let Some(n) = stack.pop() {
            stack.extend(self.taffy.child_ids(n));
            let id = self.id_of(n);
            self.taffy.remove(n).map_err(engine)?;
            self.release(id, n);
            freed.push(id);
        }
        Ok(freed)
    }

    /// Sets a node's style; an equal style changes nothing.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`], or [`LayoutError::InvalidStyle`]
    /// naming the bad value.
    pub fn set_style(&mut self, id: NodeId, style: &NodeStyle) -> LayoutResult<()> {
        let n = self.node(id)?;
        let style = style.to_taffy()?;
        if self.taffy.style(n).map_err(engine)? != &style {
            self.taffy.set_style(n, style).map_err(engine)?;
        }
        Ok(())
    }

    /// Makes a node a text leaf measured by wrapping `text` in `mode`
    /// (see [`crate::wrap`]), with `ellipsis` for text cut short. Setting
    /// the same text and options again changes nothing. Returns whether
    /// the layout must run again: a change marks only this node and its
    /// ancestors for layout, and none at all when the new text measures
    /// the same under every constraint the last layouts asked about (its
    /// lines are then read at the same width).
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`], or [`LayoutError::TextHasChildren`]
    /// when the node has children.
    pub fn set_text(
        &mut self,
        id: NodeId,
        text: &str,
        mode: WrapMode,
        ellipsis: bool,
    ) -> LayoutResult<bool> {
        let n = self.node(id)?;
        if self.taffy.child_count(n) > 0 {
            return Err(LayoutError::TextHasChildren(id.to_bits()));
        }
        match self.taffy.get_node_context_mut(n) {
            Some(t) if t.is(text, mode, ellipsis) => return Ok(false),
            Some(t) => {
                if !t.set(text, mode, ellipsis) {
                    return Ok(false);
                }
            }
            None => {
                let t = TextNode::new(text, mode, ellipsis);
                self.taffy.set_node_context(n, Some(t)).map_err(engine)?;
                return Ok(true);
            }
        }
        self.taffy.mark_dirty(n).map_err(engine)?;
        Ok(true)
    }

    /// Sets the text of many nodes, each as [`set_text`](Self::set_text)
    /// does, and returns whether the layout must run again. Every node is
    /// checked first: on an error nothing changes.
    ///
    /// # Errors
    /// As [`set_text`](Self::set_text).
    pub fn set_texts(
        &mut self,
        items: &[(NodeId, &str)],
        mode: WrapMode,
        ellipsis: bool,
    ) -> LayoutResult<bool> {
        for &(id, _) in items {
            let n = self.node(id)?;
            if self.taffy.child_count(n) > 0 {
                return Err(LayoutError::TextHasChildren(id.to_bits()));
            }
        }
        let mut changed = false;
        for &(id, text) in items {
            changed |= self.set_text(id, text, mode, ellipsis)?;
        }
        Ok(changed)
    }

    /// Makes a text leaf an ordinary node again (no change for others).
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn clear_text(&mut self, id: NodeId) -> LayoutResult<()> {
        let n = self.node(id)?;
        if self.taffy.get_node_context(n).is_some() {
            self.taffy.set_node_context(n, None).map_err(engine)?;
        }
        Ok(())
    }

    /// The text of a text leaf, or `None` for other nodes.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn text(&self, id: NodeId) -> LayoutResult<Option<&str>> {
        let n = self.node(id)?;
        Ok(self.taffy.get_node_context(n).map(|t| t.text.as_str()))
    }

    /// Marks a node (and its ancestors) for layout, for changes the tree
    /// cannot see.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn mark_dirty(&mut self, id: NodeId) -> LayoutResult<()> {
        let n = self.node(id)?;
        self.taffy.mark_dirty(n).map_err(engine)
    }

    /// True when the node will be laid out again by the next compute.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn is_dirty(&self, id: NodeId) -> LayoutResult<bool> {
        let n = self.node(id)?;
        self.taffy.dirty(n).map_err(engine)
    }
}
