//! The shape of a layout tree: attaching, moving and detaching children,
//! with the checks that keep it a tree (no cycles, no children under text,
//! at most [`MAX_DEPTH`] levels).

use super::*;

impl LayoutTree {
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
            self.detached.push(c);
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
        self.detached.push(c);
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
        self.detached.extend(self.taffy.child_ids(p));
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
}
