//! Calls that take many nodes at once, so that a whole list of elements
//! crosses the FFI in one call: making nodes, freeing them, and giving
//! text leaves their text. Ids and lengths travel in the scratch buffer.

use letui_core::layout::NodeId;

use super::{LetuiLayout, scratch_bytes, with, wrap_arg};
use crate::abi::LETUI_LAYOUT_MAX_BATCH;
use crate::error::{FfiError, FfiResult, invalid, utf8};

fn batch(count: u32) -> FfiResult<usize> {
    if count > LETUI_LAYOUT_MAX_BATCH {
        return Err(FfiError::arg(format!(
            "{count} nodes in one call; the limit is {LETUI_LAYOUT_MAX_BATCH}"
        )));
    }
    Ok(count as usize)
}

/// The first `n` ids in the scratch buffer.
fn scratch_ids(scratch: &[u64], n: usize) -> FfiResult<Vec<NodeId>> {
    if n > scratch.len() {
        return Err(FfiError::arg(format!(
            "{n} ids do not fit in the scratch buffer ({} ids)",
            scratch.len()
        )));
    }
    Ok(scratch[..n]
        .iter()
        .map(|&w| NodeId::from_bits(u64::from_le(w)))
        .collect())
}

/// Creates `count` detached nodes with the default style and writes their
/// ids into the scratch buffer (`u64`, little endian; it grows, and the
/// generation changes, when they do not fit). Returns `count`.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_nodes_new(h: *mut LetuiLayout, count: u32) -> i32 {
    with(h, |s| {
        let n = batch(count)?;
        let mut ids = Vec::new();
        s.tree.create_many(n, &mut ids).map_err(invalid)?;
        if n > s.scratch.len() {
            s.scratch = vec![0; n.next_power_of_two()];
            s.bump_generation();
        }
        for (w, id) in s.scratch.iter_mut().zip(&ids) {
            *w = id.to_bits().to_le();
        }
        Ok(count as i32)
    })
}

/// Frees the `count` nodes whose ids are in the scratch buffer, each as
/// `letui_layout_node_free` does. All are checked first: on an error none
/// is freed.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_nodes_free(h: *mut LetuiLayout, count: u32) -> i32 {
    with(h, |s| {
        let ids = scratch_ids(&s.scratch, batch(count)?)?;
        s.tree.free_many(&ids).map_err(invalid).map(|()| 0)
    })
}

/// Sets the text of `count` nodes, each as `letui_layout_set_text` does.
/// The scratch buffer holds `count` node ids (`u64`), then `count` byte
/// lengths (`u32`, padded to a whole `u64`), then the UTF-8 texts one
/// after another. All are checked first: on an error nothing changes.
/// Returns 1 when the layout must run again, else 0.
///
/// # Safety
/// `h` is a layout handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_layout_set_texts(
    h: *mut LetuiLayout,
    count: u32,
    wrap: u32,
    ellipsis: u32,
) -> i32 {
    with(h, |s| {
        let mode = wrap_arg(wrap)?;
        let n = batch(count)?;
        let ids = scratch_ids(&s.scratch, n)?;
        let head = n + n.div_ceil(2);
        if head > s.scratch.len() {
            return Err(FfiError::arg(
                "the text lengths do not fit in the scratch buffer",
            ));
        }
        let lens: Vec<usize> = s.scratch[n..head]
            .iter()
            .flat_map(|&w| {
                let w = u64::from_le(w);
                [(w & 0xffff_ffff) as usize, (w >> 32) as usize]
            })
            .take(n)
            .collect();
        let total: usize = lens.iter().sum();
        let bytes = scratch_bytes(&s.scratch, head * 8 + total)?;
        let mut items = Vec::with_capacity(n);
        let mut at = head * 8;
        for (&id, &len) in ids.iter().zip(&lens) {
            items.push((id, utf8(&bytes[at..at + len])?));
            at += len;
        }
        s.tree
            .set_texts(&items, mode, ellipsis != 0)
            .map_err(invalid)
            .map(i32::from)
    })
}
