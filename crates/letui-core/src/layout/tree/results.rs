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
