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
    rects: Vec<NodeRect>,
    /// Rounded content-box sizes, by slot (what text leaves wrap to).
    content: Vec<(i32, i32)>,
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

/// Rounds a layout coordinate to a whole cell.
///
/// Positions are sums of fractions (flex-grow shares, percentages), and
/// float error puts an exact half at 12.4999 or 12.5001. The value is
/// first snapped to a 1/256 grid, so that the same half rounds the same
/// way wherever it appears: the left edge of a box after an integer gap
/// is then always the right edge of the one before plus the gap.
fn round(v: f32) -> i32 {
    let snapped = (f64::from(v) * 256.0).round() / 256.0;
    snapped
        .round()
        .clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32
}

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
            rects: Vec::new(),
            content: Vec::new(),
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
                if self.rects.len() < self.slots.len() {
                    // Grow by doubling, so that the slice (shared through
                    // the C ABI) moves rarely.
                    let len = (self.rects.len() * 2).max(64);
                    self.rects.resize(len, NodeRect::default());
                    self.content.resize(len, (0, 0));
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
        self.rects[id.index()] = NodeRect::default();
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

    /// Checks that `child` may go under `parent`: both live, `parent` not
    /// a text leaf, and `child` not `parent` or one of its ancestors.
    fn check_attach(
        &self,
        parent: NodeId,
        child: NodeId,
    ) -> LayoutResult<(taffy::NodeId, taffy::NodeId)> {
        let p = self.node(parent)?;
        let c = self.node(child)?;
        self.check_container(parent, p)?;
        let mut up = Some(p);
        let mut depth = 0;
        while let Some(a) = up {
            if a == c {
                return Err(LayoutError::Cycle {
                    parent: parent.to_bits(),
                    child: child.to_bits(),
                });
            }
            depth += 1;
            up = self.taffy.parent(a);
        }
        self.check_depth(parent, depth, c)?;
        Ok((p, c))
    }

    /// Checks that `c`'s subtree fits under a parent `depth` levels deep
    /// (the parent itself counted) without passing [`MAX_DEPTH`]. Costs
    /// one walk of the subtree, without recursion.
    fn check_depth(&self, parent: NodeId, depth: usize, c: taffy::NodeId) -> LayoutResult<()> {
        let budget = MAX_DEPTH.saturating_sub(depth);
        let too_deep = || LayoutError::TooDeep {
            parent: parent.to_bits(),
            limit: MAX_DEPTH,
        };
        if budget == 0 {
            return Err(too_deep());
        }
        let mut stack = vec![(c, 1usize)];
        while let Some((n, level)) = stack.pop() {
            if level > budget {
                return Err(too_deep());
            }
            stack.extend(self.taffy.child_ids(n).map(|k| (k, level + 1)));
        }
        Ok(())
    }

    fn check_container(&self, id: NodeId, n: taffy::NodeId) -> LayoutResult<()> {
        if self.taffy.get_node_context(n).is_some() {
            return Err(LayoutError::TextHasChildren(id.to_bits()));
        }
        Ok(())
    }

    /// Takes `c` out of its parent's children, if it has a parent.
    fn detach(&mut self, c: taffy::NodeId) -> LayoutResult<()> {
        if let Some(old) = self.taffy.parent(c) {
            self.taffy.remove_child(old, c).map_err(engine)?;
        }
        Ok(())
    }

    /// Makes `child` the last child of `parent`, taking it out of its
    /// current parent first.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`]; [`LayoutError::Cycle`] when `child`
    /// is `parent` or one of its ancestors; [`LayoutError::TextHasChildren`]
    /// when `parent` is a text leaf.
    pub fn append_child(&mut self, parent: NodeId, child: NodeId) -> LayoutResult<()> {
        let (p, c) = self.check_attach(parent, child)?;
        self.detach(c)?;
        self.taffy.add_child(p, c).map_err(engine)
    }

    /// Makes `child` the child of `parent` at `index` (counted after taking
    /// `child` out of its current place).
    ///
    /// # Errors
    /// As [`append_child`](Self::append_child), and
    /// [`LayoutError::IndexOutOfRange`] past the end.
    pub fn insert_child(
        &mut self,
        parent: NodeId,
        child: NodeId,
        index: usize,
    ) -> LayoutResult<()> {
        let (p, c) = self.check_attach(parent, child)?;
        let mut len = self.taffy.child_count(p);
        if self.taffy.parent(c) == Some(p) {
            len -= 1;
        }
        if index > len {
            return Err(LayoutError::IndexOutOfRange {
                parent: parent.to_bits(),
                index,
                len,
            });
        }
        self.detach(c)?;
        self.taffy
            .insert_child_at_index(p, index, c)
            .map_err(engine)
    }

    /// Takes `child` out of `parent`; it stays alive, detached.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`], or [`LayoutError::NotAChild`].
    pub fn remove_child(&mut self, parent: NodeId, child: NodeId) -> LayoutResult<()> {
        let p = self.node(parent)?;
        let c = self.node(child)?;
        if self.taffy.parent(c) != Some(p) {
            return Err(LayoutError::NotAChild {
                parent: parent.to_bits(),
                child: child.to_bits(),
            });
        }
        self.taffy.remove_child(p, c).map_err(engine)?;
        Ok(())
    }

    /// Replaces the children of `parent` with `children`, in order, taking
    /// each out of its current parent. Former children not in the list
    /// become detached.
    ///
    /// # Errors
    /// As [`append_child`](Self::append_child) for each child, and
    /// [`LayoutError::DuplicateChild`]. Nothing changes on error.
    pub fn set_children(&mut self, parent: NodeId, children: &[NodeId]) -> LayoutResult<()> {
        let p = self.node(parent)?;
        if !children.is_empty() {
            self.check_container(parent, p)?;
        }
        let mut ancestors = Vec::new();
        let mut up = Some(p);
        while let Some(a) = up {
            ancestors.push(a);
            up = self.taffy.parent(a);
        }
        let mut nodes = Vec::with_capacity(children.len());
        for &child in children {
            let c = self.node(child)?;
            if ancestors.contains(&c) {
                return Err(LayoutError::Cycle {
                    parent: parent.to_bits(),
                    child: child.to_bits(),
                });
            }
            self.check_depth(parent, ancestors.len(), c)?;
            nodes.push(c);
        }
        let mut sorted: Vec<u64> = children.iter().map(|c| c.to_bits()).collect();
        sorted.sort_unstable();
        if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
            return Err(LayoutError::DuplicateChild(w[0]));
        }
        self.taffy.set_children(p, &nodes).map_err(engine)
    }

    /// The children of a node, in order.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn children(&self, id: NodeId) -> LayoutResult<Vec<NodeId>> {
        let n = self.node(id)?;
        Ok(self.taffy.child_ids(n).map(|c| self.id_of(c)).collect())
    }

    /// The parent of a node, if it is attached.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn parent(&self, id: NodeId) -> LayoutResult<Option<NodeId>> {
        let n = self.node(id)?;
        Ok(self.taffy.parent(n).map(|p| self.id_of(p)))
    }

    /// Makes a node a text leaf measured by wrapping `text` in `mode`
    /// (see [`crate::wrap`]), with `ellipsis` for text cut short. Setting
    /// the same text and options again changes nothing; a change marks
    /// only this node and its ancestors for layout.
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
    ) -> LayoutResult<()> {
        let n = self.node(id)?;
        if self.taffy.child_count(n) > 0 {
            return Err(LayoutError::TextHasChildren(id.to_bits()));
        }
        match self.taffy.get_node_context_mut(n) {
            Some(t) if t.is(text, mode, ellipsis) => return Ok(()),
            Some(t) => t.set(text, mode, ellipsis),
            None => {
                let t = TextNode::new(text, mode, ellipsis);
                return self.taffy.set_node_context(n, Some(t)).map_err(engine);
            }
        }
        self.taffy.mark_dirty(n).map_err(engine)
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

    /// Lays out the tree under `root` in a viewport of `width` x `height`
    /// cells ([`UNBOUNDED`] to size to content on that axis), then writes
    /// every node's absolute rectangle (see [`rects`](Self::rects)). Only
    /// nodes changed since the last compute, and their ancestors, are laid
    /// out again. The root is sized by its own style (`Auto` sizes fit the
    /// content within the viewport).
    ///
    /// Results are rounded to whole cells so that adjacent boxes neither
    /// overlap nor leave gaps. Nodes outside `root`'s tree, and nodes
    /// hidden by `display: none` (with their subtrees), get a zero
    /// rectangle.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn compute(&mut self, root: NodeId, width: u32, height: u32) -> LayoutResult<()> {
        let r = self.node(root)?;
        let space = |v: u32| {
            if v == UNBOUNDED {
                AvailableSpace::MaxContent
            } else {
                AvailableSpace::Definite(v as f32)
            }
        };
        let available = Size {
            width: space(width),
            height: space(height),
        };
        self.taffy
            .compute_layout_with_measure(r, available, |inputs, _, data, style| {
                taffy::compute_leaf_layout(
                    inputs,
                    style,
                    |_, _| 0.0,
                    |known, available| match data {
                        Some(text) => text.measure(known, available),
                        None => Size {
                            width: known.width.unwrap_or(0.0),
                            height: known.height.unwrap_or(0.0),
                        },
                    },
                )
            })
            .map_err(engine)?;
        self.write_rects(r);
        Ok(())
    }

    /// Absolute rectangles from the rounded layout, without allocating.
    fn write_rects(&mut self, root: taffy::NodeId) {
        self.rects.fill(NodeRect::default());
        self.content.fill((0, 0));
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push((root, 0.0, 0.0));
        while let Some((n, px, py)) = stack.pop() {
            let Ok(style) = self.taffy.style(n) else {
                continue;
            };
            if style.display == taffy::Display::None {
                continue;
            }
            let Ok(l) = self.taffy.layout(n) else {
                continue;
            };
            // Every edge is rounded at its absolute position (every node
            // is positioned, so it is the containing block of its absolute
            // children too): sizes are differences of rounded edges, so
            // adjacent boxes neither overlap nor leave gaps.
            let ax = px + l.location.x;
            let ay = py + l.location.y;
            let x = round(ax);
            let y = round(ay);
            let inset_left = l.border.left + l.padding.left;
            let inset_top = l.border.top + l.padding.top;
            let rect = NodeRect {
                x,
                y,
                width: round(ax + l.size.width) - x,
                height: round(ay + l.size.height) - y,
                content_x: round(ax + inset_left) - x,
                content_y: round(ay + inset_top) - y,
                max_scroll_x: round(l.scroll_width()),
                max_scroll_y: round(l.scroll_height()),
            };
            let content = (
                (round(ax + l.size.width - l.border.right - l.padding.right)
                    - round(ax + inset_left))
                .max(0),
                (round(ay + l.size.height - l.border.bottom - l.padding.bottom)
                    - round(ay + inset_top))
                .max(0),
            );
            if let Some(&Some((t, id))) = self.ids.get(taffy_index(n)) {
                if t == n {
                    self.rects[id.index()] = rect;
                    self.content[id.index()] = content;
                }
            }
            stack.extend(self.taffy.child_ids(n).map(|c| (c, ax, ay)));
        }
        self.stack = stack;
    }

    /// The rectangle of a node from the last compute.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn rect(&self, id: NodeId) -> LayoutResult<NodeRect> {
        self.node(id)?;
        Ok(self.rects[id.index()])
    }

    /// Every slot's rectangle from the last compute, indexed by
    /// [`NodeId::index`] (freed, unused and unreached slots are zero). The
    /// slice grows, doubling, when nodes are created.
    pub fn rects(&self) -> &[NodeRect] {
        &self.rects
    }

    /// The lines of a text leaf at its computed content width (its width
    /// less border and padding), into `out`. With the ellipsis option, at
    /// most as many lines as its content height, the last cut short with
    /// `…` when text is left out; without it, every line. Other nodes, and
    /// text leaves of zero width (hidden, or outside the last computed
    /// tree), have no lines.
    ///
    /// # Errors
    /// [`LayoutError::UnknownNode`].
    pub fn text_lines(&self, id: NodeId, out: &mut Vec<Line>) -> LayoutResult<()> {
        let n = self.node(id)?;
        out.clear();
        let Some(text) = self.taffy.get_node_context(n) else {
            return Ok(());
        };
        if self.rects[id.index()].width <= 0 {
            // Hidden, or not laid out.
            return Ok(());
        }
        let (w, h) = self.content[id.index()];
        let mut wrap = Wrap::new(text.mode, w as usize).ellipsis(text.ellipsis);
        if text.ellipsis {
            wrap = wrap.max_lines(h as usize);
        }
        wrap.lines_into(&text.text, out);
        Ok(())
    }
}
