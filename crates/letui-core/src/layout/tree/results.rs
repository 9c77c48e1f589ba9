//! Laying a tree out and reading the results: absolute rectangles in
//! whole cells (edges rounded once, at their absolute position) and the
//! lines of text leaves.

use super::*;

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
    /// Lays out the tree under `root` in a viewport of `width` x `height`
    /// cells ([`UNBOUNDED`] to size to content on that axis), then writes
    /// every node's absolute rectangle (see [`results`](Self::results)).
    /// Only nodes changed since the last compute, and their ancestors, are
    /// laid out again, and only subtrees whose position, size or content
    /// may have changed are walked to write rectangles. The root is sized
    /// by its own style (`Auto` sizes fit the content within the
    /// viewport).
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
        self.computes = self.computes.wrapping_add(1).max(1);
        let full = self.last_root != Some(r);
        if !full {
            self.find_dirty(r);
        }
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
        if full {
            let now = self.computes;
            self.results.fill(NodeResult {
                rect: NodeRect::default(),
                changed: now,
            });
            self.content.fill((0, 0));
            self.placed.fill(None);
            self.detached.clear();
        } else {
            self.zero_detached(r);
        }
        self.last_root = Some(r);
        self.write_rects(r, full);
        Ok(())
    }

    /// The number of the last compute (it counts up from 1, wrapping
    /// past `u32::MAX` to 1); compare with [`NodeResult::changed`].
    pub fn computes(&self) -> u32 {
        self.computes
    }

    /// Marks the nodes under `root` that changed since the last compute
    /// (taffy clears a changed node's cache and its ancestors'), walking
    /// only into changed nodes.
    fn find_dirty(&mut self, root: taffy::NodeId) {
        let now = self.computes;
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push((root, 0.0, 0.0));
        while let Some((n, _, _)) = stack.pop() {
            if !self.taffy.dirty(n).unwrap_or(true) {
                continue;
            }
            let ti = taffy_index(n);
            if self.dirty.len() <= ti {
                self.dirty.resize(ti + 1, 0);
            }
            self.dirty[ti] = now;
            stack.extend(self.taffy.child_ids(n).map(|c| (c, 0.0, 0.0)));
        }
        self.stack = stack;
    }

    fn is_dirty_now(&self, n: taffy::NodeId) -> bool {
        self.dirty.get(taffy_index(n)) == Some(&self.computes)
    }

    /// Our slot index of a live taffy node.
    fn slot_of(&self, n: taffy::NodeId) -> Option<usize> {
        match self.ids.get(taffy_index(n)) {
            Some(&Some((t, id))) if t == n => Some(id.index()),
            _ => None,
        }
    }

    /// Records that `n`'s rectangle changed in this compute, on it and
    /// its ancestors.
    fn stamp(&mut self, n: taffy::NodeId) {
        let now = self.computes;
        let mut up = Some(n);
        while let Some(a) = up {
            let Some(i) = self.slot_of(a) else { break };
            self.results[i].changed = now;
            up = self.taffy.parent(a);
        }
    }

    /// Zeroes the rectangles of `n`'s subtree (hidden, or out of the tree).
    fn zero_subtree(&mut self, n: taffy::NodeId) {
        let mut stack = vec![n];
        while let Some(n) = stack.pop() {
            let Some(i) = self.slot_of(n) else { continue };
            let shown = self.results[i].rect != NodeRect::default() || self.content[i] != (0, 0);
            if shown {
                self.results[i].rect = NodeRect::default();
                self.content[i] = (0, 0);
            }
            if self.placed[i].take().is_some() || shown {
                // On it and every ancestor, those between it and `n` too.
                self.stamp(n);
            }
            stack.extend(self.taffy.child_ids(n));
        }
    }

    /// Zeroes the subtrees taken out of the tree under `root` since the
    /// last compute (those put back are written by the walk).
    fn zero_detached(&mut self, root: taffy::NodeId) {
        let detached = std::mem::take(&mut self.detached);
        for &n in &detached {
            if self.slot_of(n).is_none() {
                // Freed since.
                continue;
            }
            let mut top = n;
            while let Some(p) = self.taffy.parent(top) {
                top = p;
            }
            if top != root {
                self.zero_subtree(n);
            }
        }
        self.detached = detached;
        self.detached.clear();
    }

    /// Absolute rectangles from the rounded layout, without allocating,
    /// walking only where something may have changed (all of it when
    /// `full`).
    fn write_rects(&mut self, root: taffy::NodeId, full: bool) {
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push((root, 0.0, 0.0));
        while let Some((n, px, py)) = stack.pop() {
            let Some(i) = self.slot_of(n) else { continue };
            let Ok(style) = self.taffy.style(n) else {
                continue;
            };
            if style.display == taffy::Display::None {
                if full || self.placed[i].is_some() || self.is_dirty_now(n) {
                    self.zero_subtree(n);
                }
                continue;
            }
            let Ok(&l) = self.taffy.layout(n) else {
                continue;
            };
            let ax = px + l.location.x;
            let ay = py + l.location.y;
            let placed: Placed = [
                ax,
                ay,
                l.size.width,
                l.size.height,
                l.border.left,
                l.border.top,
                l.border.right,
                l.border.bottom,
                l.padding.left,
                l.padding.top,
                l.padding.right,
                l.padding.bottom,
                l.scroll_width(),
                l.scroll_height(),
            ];
            if !full && self.placed[i] == Some(placed) && !self.is_dirty_now(n) {
                // Same place, nothing changed below: so is every rectangle
                // in its subtree.
                continue;
            }
            self.placed[i] = Some(placed);
            // Every edge is rounded at its absolute position (every node
            // is positioned, so it is the containing block of its absolute
            // children too): sizes are differences of rounded edges, so
            // adjacent boxes neither overlap nor leave gaps.
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
            if self.results[i].rect != rect || self.content[i] != content {
                self.results[i].rect = rect;
                self.content[i] = content;
                self.stamp(n);
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
        Ok(self.results[id.index()].rect)
    }

    /// Every slot's result from the last compute, indexed by
    /// [`NodeId::index`] (freed, unused and unreached slots are zero). The
    /// slice grows, doubling, when nodes are created.
    pub fn results(&self) -> &[NodeResult] {
        &self.results
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
        if self.results[id.index()].rect.width <= 0 {
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
