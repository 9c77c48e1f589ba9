//! Rich text for the `Markdown` and `Diff` components: pure functions
//! that return JSON, no handles.

use letui_core::diff::diff_json;
use letui_core::markdown::parse_json;

use crate::error::{FfiError, bytes, guard, utf8};

/// Parses the UTF-8 Markdown at `text`/`len` and writes the JSON document
/// described in `letui_core::markdown` into `out` (at most `cap` bytes).
/// Returns the document's length in bytes, which is larger than `cap` when
/// it did not fit (then nothing is written: call again with a larger
/// buffer), or a negative status.
///
/// # Safety
/// `text` points to `len` readable bytes; `out` to `cap` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_markdown_parse(
    text: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
) -> i32 {
    guard(|| {
        // SAFETY: per the contract.
        let s = utf8(unsafe { bytes(text, len)? })?;
        // SAFETY: per the contract.
        unsafe { put(&parse_json(s), out, cap) }
    })
}

/// Writes `json` into `out` when it fits in `cap` bytes; returns its length.
///
/// # Safety
/// `out` points to `cap` writable bytes (or is null with `cap` 0).
unsafe fn put(json: &str, out: *mut u8, cap: usize) -> Result<i32, FfiError> {
    if out.is_null() && cap > 0 {
        return Err(FfiError::arg("output pointer is null"));
    }
    let n =
        i32::try_from(json.len()).map_err(|_| FfiError::arg("result too large (over 2 GiB)"))?;
    if json.len() <= cap {
        // SAFETY: json.len() <= cap, within the caller's buffer.
        unsafe { std::ptr::copy_nonoverlapping(json.as_ptr(), out, json.len()) };
    }
    Ok(n)
}

/// Diffs the UTF-8 texts `old` and `new` line by line, with word-level
/// highlights and `context` unchanged lines around each change, and
/// writes the JSON hunks described in `letui_core::diff` into `out` (at
/// most `cap` bytes). Returns their length, as `letui_markdown_parse`
/// does: larger than `cap` means call again with a larger buffer.
///
/// # Safety
/// `old`/`new` point to `old_len`/`new_len` readable bytes; `out` to `cap`
/// writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_diff(
    old: *const u8,
    old_len: usize,
    new: *const u8,
    new_len: usize,
    context: u32,
    out: *mut u8,
    cap: usize,
) -> i32 {
    guard(|| {
        // SAFETY: per the contract.
        let a = utf8(unsafe { bytes(old, old_len)? })?;
        // SAFETY: per the contract.
        let b = utf8(unsafe { bytes(new, new_len)? })?;
        // SAFETY: per the contract.
        unsafe { put(&diff_json(a, b, context as usize), out, cap) }
    })
}
