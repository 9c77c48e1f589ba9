//! Text measurement for callers that lay out text themselves (a text
//! input's caret and scrolling): the same clusters and widths the screen
//! uses. Pure functions, no handle.

use letui_core::width::{Widths, clusters, set_widths, str_width, widths};

use crate::abi::clustering;
use crate::error::{FfiError, bytes, guard, utf8};

/// Chooses the width profile for the whole process: `clustering` a
/// `LetuiClustering`, `ambiguous_wide` nonzero for East Asian ambiguous
/// characters of 2 cells. Set it before text is laid out or drawn. Returns
/// 0, or a negative status for an unknown clustering.
#[unsafe(no_mangle)]
pub extern "C" fn letui_set_widths(clustering_mode: u32, ambiguous_wide: u32) -> i32 {
    guard(|| {
        let clustering = clustering(clustering_mode).ok_or_else(|| {
            FfiError::arg(format!(
                "unknown clustering {clustering_mode}: 0 (graphemes) or 1 (per code point)"
            ))
        })?;
        set_widths(Widths {
            clustering,
            ambiguous_wide: ambiguous_wide != 0,
        });
        Ok(0)
    })
}

/// The width profile in force: the `LetuiClustering` in bit 0, bit 1 set
/// when ambiguous characters are wide.
#[unsafe(no_mangle)]
pub extern "C" fn letui_widths() -> i32 {
    let w = widths();
    i32::from(w.clustering == letui_core::width::Clustering::PerCodePoint)
        | (i32::from(w.ambiguous_wide) << 1)
}

/// Returns the display width in cells of the UTF-8 text at `text`/`len`,
/// or a negative status.
///
/// # Safety
/// `text` points to `len` readable bytes (or is null with `len` 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_text_width(text: *const u8, len: usize) -> i32 {
    guard(|| {
        // SAFETY: per the contract.
        let s = utf8(unsafe { bytes(text, len)? })?;
        i32::try_from(str_width(s)).map_err(|_| FfiError::arg("text too wide"))
    })
}

/// Splits the UTF-8 text into grapheme clusters and writes one word per
/// cluster into `out` (at most `cap` words): the cluster's end offset in
/// UTF-16 code units, shifted left by 2, or'ed with its width (0, 1 or 2).
/// Returns the number of clusters (which may be larger than `cap`: call
/// again with a larger buffer), or a negative status.
///
/// # Safety
/// `text` points to `len` readable bytes; `out` to `cap` writable `u32`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_text_clusters(
    text: *const u8,
    len: usize,
    out: *mut u32,
    cap: usize,
) -> i32 {
    guard(|| {
        // SAFETY: per the contract.
        let s = utf8(unsafe { bytes(text, len)? })?;
        if out.is_null() && cap > 0 {
            return Err(FfiError::arg("output pointer is null"));
        }
        let mut n = 0usize;
        let mut end16 = 0u32;
        for c in clusters(s) {
            end16 += c.text.encode_utf16().count() as u32;
            if n < cap {
                // SAFETY: n < cap, within the caller's buffer.
                unsafe { out.add(n).write(end16 << 2 | c.width as u32) };
            }
            n += 1;
        }
        i32::try_from(n).map_err(|_| FfiError::arg("too many clusters"))
    })
}
