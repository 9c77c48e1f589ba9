//! The layout object: a core [`LayoutTree`] behind a handle, driven by
//! incremental calls, with styles, text and results passed through shared
//! memory.
//!
//! Node ids are `u64` values below 2^53 (exact as JavaScript numbers):
//! `generation << 32 | slot`. A freed node's id is never valid again; any
//! call with it fails with `LETUI_STATUS_INVALID_ARGUMENT`.
//!
//! Shared memory ([`LetuiLayoutView`]):
//! - the style block, [`LETUI_LAYOUT_STYLE_WORDS`] `f32` words that
//!   `letui_layout_set_style` reads (layout below); it never moves;
//! - the scratch buffer for text (UTF-8) and child lists (`u64` ids, little
//!   endian), 8-byte aligned;
//! - the results: [`LETUI_LAYOUT_RESULT_WORDS`] `i32` words per slot (the
//!   low 32 bits of an id), written by `letui_layout_compute`: x, y,
//!   width, height, content x offset, content y offset, max scroll x, max
//!   scroll y (all zero for nodes hidden or outside the computed tree),
//!   then, as a `u32`, the number of the compute that last changed this
//!   box or one in its subtree (compare with `LETUI_LAYOUT_INFO_COMPUTES`;
//!   a reader can skip subtrees that did not change);
//! - the lines of the last `letui_layout_text_lines`,
//!   [`LETUI_LAYOUT_LINE_WORDS`] `u32` words each: start and end in UTF-16
//!   code units, width in cells, flags (1: ends with an ellipsis `…`);
//! - the info block (`LETUI_LAYOUT_INFO_*` words), which never moves.
//!
//! The scratch, results and lines move when they grow; the generation
//! word of the info block changes whenever they do.
//!
//! Style block: `f32` words at the `LETUI_STYLE_*` offsets of
//! [`crate::abi`]. Enumerations are small integers stored as floats (the
//! `Letui*` enums there); a length is two words, a [`crate::abi::LetuiUnit`]
//! and a value. Value ranges are checked by the core.

use letui_core::layout::{LayoutTree, NodeId, NodeResult};
use letui_core::wrap::Line;

use crate::abi::{
    LETUI_LAYOUT_INFO_COMPUTES, LETUI_LAYOUT_INFO_GENERATION, LETUI_LAYOUT_INFO_LEN,
    LETUI_LAYOUT_INFO_LINES, LETUI_LAYOUT_INFO_NODES, LETUI_LAYOUT_LINE_WORDS,
    LETUI_LAYOUT_RESULT_WORDS, LETUI_LAYOUT_STYLE_WORDS, wrap_mode,
};
use crate::error::{FfiError, FfiResult, guard, invalid, utf8};
use crate::handle::{self, Handle, Kind};

mod batch;
mod style;
pub use batch::{letui_layout_nodes_free, letui_layout_nodes_new, letui_layout_set_texts};
use style::decode_style;

/// Opaque layout tree handle.
pub struct LetuiLayout {
    _private: [u8; 0],
}

/// Where a layout tree's shared buffers are. Pointers stay valid until the
/// generation (info word 0) changes or the tree is freed.
#[repr(C)]
pub struct LetuiLayoutView {
    /// The style block, `LETUI_LAYOUT_STYLE_WORDS` words (never moves).
    pub style: *mut f32,
    /// Number of `f32` words in `style`.
    pub style_len: usize,
    /// Scratch buffer for text and child lists (8-byte aligned).
    pub scratch: *mut u8,
    /// Its length in bytes.
    pub scratch_len: usize,
    /// Results, `LETUI_LAYOUT_RESULT_WORDS` words per slot.
    pub results: *const i32,
    /// Number of `i32` words in `results`.
    pub results_len: usize,
    /// Lines of the last `letui_layout_text_lines`.
    pub lines: *const u32,
    /// Number of `u32` words in `lines`.
    pub lines_len: usize,
    /// The info block (see the `LETUI_LAYOUT_INFO_*` constants).
    pub info: *const u32,
    /// Number of `u32` words in `info`.
    pub info_len: usize,
}

const STYLE_WORDS: usize = LETUI_LAYOUT_STYLE_WORDS as usize;
const LINE_WORDS: usize = LETUI_LAYOUT_LINE_WORDS as usize;
/// Initial scratch size in bytes.
const SCRATCH_INITIAL: usize = 16 * 1024;
/// Largest scratch size in bytes.
const SCRATCH_MAX: usize = 256 * 1024 * 1024;

const _: () = assert!(
    std::mem::size_of::<NodeResult>() == 4 * LETUI_LAYOUT_RESULT_WORDS as usize
        && std::mem::align_of::<NodeResult>() == 4
);

/// The object behind a layout handle.
pub struct LayoutState {
    tree: LayoutTree,
    style: Box<[f32; STYLE_WORDS]>,
    /// Bytes, kept in `u64`s for alignment.
    scratch: Vec<u64>,
    lines: Vec<Line>,
    line_words: Vec<u32>,
    info: Box<[u32; LETUI_LAYOUT_INFO_LEN as usize]>,
    /// Where the results were last published.
    results_seen: (usize, usize),
}

impl Kind for LayoutState {
    const MAGIC: u64 = handle::LAYOUT;
    const NAME: &'static str = "layout";
}

impl LayoutState {
    fn bump_generation(&mut self) {
        let g = &mut self.info[LETUI_LAYOUT_INFO_GENERATION as usize];
        *g = g.wrapping_add(1);
    }

    /// Bumps the generation when the results moved or grew; updates info.
    fn sync(&mut self) {
        let r = self.tree.results();
        let seen = (r.as_ptr() as usize, r.len());
        if seen != self.results_seen {
            self.results_seen = seen;
            self.bump_generation();
        }
        self.info[LETUI_LAYOUT_INFO_NODES as usize] = self.tree.len() as u32;
        self.info[LETUI_LAYOUT_INFO_COMPUTES as usize] = self.tree.computes();
    }
}

/// The first `len` bytes of the scratch buffer.
fn scratch_bytes(scratch: &[u64], len: usize) -> FfiResult<&[u8]> {
    let cap = scratch.len() * 8;
    if len > cap {
        return Err(FfiError::arg(format!(
            "length {len} is larger than the scratch buffer ({cap} bytes)"
        )));
    }
    // SAFETY: u64 has no padding and every byte is a valid u8; the slice
    // covers `len <= 8 * scratch.len()` bytes of the words' memory and
    // borrows them for as long as `scratch`.
    Ok(unsafe { std::slice::from_raw_parts(scratch.as_ptr().cast::<u8>(), len) })
}

fn cast(h: *mut LetuiLayout) -> *mut Handle<LayoutState> {
    h.cast()
}

/// Runs `f` on the layout behind `h` inside the export guard, then
/// publishes moved buffers.
fn with(h: *mut LetuiLayout, f: impl FnOnce(&mut LayoutState) -> FfiResult<i32>) -> i32 {
    // SAFETY: `h` is what the caller holds as a layout handle; `check`
    // validates it (see handle.rs for the contract).
    guard(|| unsafe {
        handle::with(cast(h), |s| {
            let r = f(s);
            s.sync();
            r
        })
    })
}

fn node(id: u64) -> NodeId {
    NodeId::from_bits(id)
}

/// Creates an empty layout tree; the handle goes to `*out`.
///
/// # Safety
/// `out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_new(out: *mut *mut LetuiLayout) -> i32 {
    guard(|| {
        if out.is_null() {
            return Err(FfiError::arg("out pointer is null"));
        }
        let mut state = LayoutState {
            tree: LayoutTree::new(),
            style: Box::new([0.0; STYLE_WORDS]),
            scratch: vec![0; SCRATCH_INITIAL / 8],
            lines: Vec::new(),
            line_words: vec![0; 64 * LINE_WORDS],
            info: Box::new([0; LETUI_LAYOUT_INFO_LEN as usize]),
            results_seen: (0, 0),
        };
        state.sync();
        let h = handle::into_raw(state).cast::<LetuiLayout>();
        // SAFETY: checked non-null; writable per the contract.
        unsafe { out.write(h) };
        Ok(0)
    })
}

/// Frees a layout tree and all its nodes. Null is accepted; a second free
/// is an error, not a crash.
///
/// # Safety
/// `h` is null or a value from `letui_layout_new`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_free(h: *mut LetuiLayout) -> i32 {
    // SAFETY: validated by handle::free.
    guard(|| unsafe { handle::free(cast(h)).map(|()| 0) })
}

/// Fills `*view` with the shared buffers' addresses and lengths.
///
/// # Safety
/// `h` is a layout handle; `view` points to a writable `LetuiLayoutView`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_view(h: *mut LetuiLayout, view: *mut LetuiLayoutView) -> i32 {
    with(h, |s| {
        if view.is_null() {
            return Err(FfiError::arg("view pointer is null"));
        }
        let results = s.tree.results();
        let v = LetuiLayoutView {
            style: s.style.as_mut_ptr(),
            style_len: s.style.len(),
            scratch: s.scratch.as_mut_ptr().cast::<u8>(),
            scratch_len: s.scratch.len() * 8,
            results: results.as_ptr().cast::<i32>(),
            results_len: results.len() * LETUI_LAYOUT_RESULT_WORDS as usize,
            lines: s.line_words.as_ptr(),
            lines_len: s.line_words.len(),
            info: s.info.as_ptr(),
            info_len: s.info.len(),
        };
        // SAFETY: checked non-null; writable per the contract.
        unsafe { view.write(v) };
        Ok(0)
    })
}

/// Makes the scratch buffer at least `len` bytes. When it grows it moves:
/// the generation changes.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_reserve_scratch(h: *mut LetuiLayout, len: u64) -> i32 {
    with(h, |s| {
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if len > SCRATCH_MAX {
            return Err(FfiError::arg(format!(
                "scratch of {len} bytes requested, the limit is {SCRATCH_MAX}"
            )));
        }
        if len > s.scratch.len() * 8 {
            s.scratch = vec![0; len.next_power_of_two().min(SCRATCH_MAX) / 8];
            s.bump_generation();
        }
        Ok(0)
    })
}

/// Creates a detached node with the default style (a row flex container,
/// items not growing, shrinking by 1, automatic sizes); its id goes to
/// `*out`.
///
/// # Safety
/// `h` is a layout handle; `out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_node_new(h: *mut LetuiLayout, out: *mut u64) -> i32 {
    with(h, |s| {
        if out.is_null() {
            return Err(FfiError::arg("out pointer is null"));
        }
        let id = s.tree.create().map_err(invalid)?;
        // SAFETY: checked non-null; writable per the contract.
        unsafe { out.write(id.to_bits()) };
        Ok(0)
    })
}

/// The wrap mode a `wrap` argument names.
pub(crate) fn wrap_arg(wrap: u32) -> FfiResult<letui_core::wrap::WrapMode> {
    wrap_mode(wrap).ok_or_else(|| {
        FfiError::arg(format!(
            "wrap mode {wrap} is not 0 (word), 1 (char) or 2 (none)"
        ))
    })
}

/// Frees one node: it leaves its parent, and its children become detached
/// (they stay alive). The id is invalid from now on.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_node_free(h: *mut LetuiLayout, node: u64) -> i32 {
    with(h, |s| {
        s.tree.free(self::node(node)).map_err(invalid).map(|()| 0)
    })
}

/// Frees a node and all its descendants, writes their ids into the scratch
/// buffer (`u64`, little endian; it grows if needed, and the generation
/// changes then) and returns their number.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_node_free_subtree(h: *mut LetuiLayout, node: u64) -> i32 {
    with(h, |s| {
        let freed = s.tree.free_subtree(self::node(node)).map_err(invalid)?;
        if freed.len() > s.scratch.len() {
            s.scratch = vec![0; freed.len().next_power_of_two()];
            s.bump_generation();
        }
        for (w, id) in s.scratch.iter_mut().zip(&freed) {
            *w = id.to_bits().to_le();
        }
        i32::try_from(freed.len()).map_err(|_| FfiError::arg("too many nodes"))
    })
}

/// Sets a node's style from the style block (see the module docs). An
/// invalid enumeration, unit, NaN, infinite or negative size is an error
/// naming the field; the node keeps its style then.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_set_style(h: *mut LetuiLayout, node: u64) -> i32 {
    with(h, |s| {
        let style = decode_style(&s.style)?;
        s.tree
            .set_style(self::node(node), &style)
            .map_err(invalid)
            .map(|()| 0)
    })
}

/// Makes `child` the last child of `parent`, taking it out of its current
/// parent. Attaching a node under itself or a descendant, or under a text
/// node, is an error.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_append_child(
    h: *mut LetuiLayout,
    parent: u64,
    child: u64,
) -> i32 {
    with(h, |s| {
        s.tree
            .append_child(node(parent), node(child))
            .map_err(invalid)
            .map(|()| 0)
    })
}

/// Makes `child` the child of `parent` at `index` (counted after taking
/// `child` out of its current place). Errors as for
/// `letui_layout_append_child`, and for an index past the end.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_insert_child(
    h: *mut LetuiLayout,
    parent: u64,
    child: u64,
    index: u32,
) -> i32 {
    with(h, |s| {
        s.tree
            .insert_child(node(parent), node(child), index as usize)
            .map_err(invalid)
            .map(|()| 0)
    })
}

/// Takes `child` out of `parent` (it stays alive, detached). An error when
/// it is not a child of `parent`.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_remove_child(
    h: *mut LetuiLayout,
    parent: u64,
    child: u64,
) -> i32 {
    with(h, |s| {
        s.tree
            .remove_child(node(parent), node(child))
            .map_err(invalid)
            .map(|()| 0)
    })
}

/// Replaces the children of `parent` with the `count` ids in the scratch
/// buffer (`u64`, little endian). Duplicates and cycles are errors, and
/// nothing changes then.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_set_children(
    h: *mut LetuiLayout,
    parent: u64,
    count: u32,
) -> i32 {
    with(h, |s| {
        let n = count as usize;
        if n > s.scratch.len() {
            return Err(FfiError::arg(format!(
                "{n} children do not fit in the scratch buffer ({} ids)",
                s.scratch.len()
            )));
        }
        let children: Vec<NodeId> = s.scratch[..n]
            .iter()
            .map(|&w| NodeId::from_bits(u64::from_le(w)))
            .collect();
        s.tree
            .set_children(node(parent), &children)
            .map_err(invalid)
            .map(|()| 0)
    })
}

/// Makes a node a text leaf: the UTF-8 text in the first `len` scratch
/// bytes, wrapped in `wrap` mode (0 word, 1 char, 2 none), cut with `…`
/// when `ellipsis` is non-zero. The same text and options again change
/// nothing. A node with children cannot be a text leaf. Returns 1 when the
/// layout must run again, 0 when the new text measures as the old one did
/// under every constraint the last layouts asked about.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_set_text(
    h: *mut LetuiLayout,
    node: u64,
    len: u32,
    wrap: u32,
    ellipsis: u32,
) -> i32 {
    with(h, |s| {
        let mode = wrap_arg(wrap)?;
        let text = utf8(scratch_bytes(&s.scratch, len as usize)?)?;
        s.tree
            .set_text(self::node(node), text, mode, ellipsis != 0)
            .map_err(invalid)
            .map(i32::from)
    })
}

/// Makes a text leaf an ordinary node again.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_clear_text(h: *mut LetuiLayout, node: u64) -> i32 {
    with(h, |s| {
        s.tree
            .clear_text(self::node(node))
            .map_err(invalid)
            .map(|()| 0)
    })
}

/// Marks a node and its ancestors for layout.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_mark_dirty(h: *mut LetuiLayout, node: u64) -> i32 {
    with(h, |s| {
        s.tree
            .mark_dirty(self::node(node))
            .map_err(invalid)
            .map(|()| 0)
    })
}

/// Lays out the tree under `root` in a `width` x `height` viewport
/// (`LETUI_LAYOUT_UNBOUNDED` on an axis to size to content), writing every
/// node's absolute rectangle into the results. Only changed nodes and
/// their ancestors are laid out again.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_compute(
    h: *mut LetuiLayout,
    root: u64,
    width: u32,
    height: u32,
) -> i32 {
    with(h, |s| {
        s.tree
            .compute(node(root), width, height)
            .map_err(invalid)
            .map(|()| 0)
    })
}

/// Writes the lines of a text leaf at its computed size into the shared
/// lines (see the module docs) and returns their number (0 for other
/// nodes). The lines grow if needed (generation changes).
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_text_lines(h: *mut LetuiLayout, node: u64) -> i32 {
    with(h, |s| {
        s.tree
            .text_lines(self::node(node), &mut s.lines)
            .map_err(invalid)?;
        let n = s.lines.len();
        let count = i32::try_from(n).map_err(|_| FfiError::arg("too many lines"))?;
        if s.line_words.len() < n * LINE_WORDS {
            s.line_words = vec![0; (n * LINE_WORDS).next_power_of_two()];
            s.bump_generation();
        }
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        for (l, w) in s
            .lines
            .iter()
            .zip(s.line_words.chunks_exact_mut(LINE_WORDS))
        {
            w[0] = clamp(l.start_utf16);
            w[1] = clamp(l.end_utf16);
            w[2] = clamp(l.width);
            w[3] = u32::from(l.ellipsis);
        }
        s.info[LETUI_LAYOUT_INFO_LINES as usize] = n as u32;
        Ok(count)
    })
}
