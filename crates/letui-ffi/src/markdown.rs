//! Markdown parsing for the `Markdown` component: a pure function, no handle.

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
        if out.is_null() && cap > 0 {
            return Err(FfiError::arg("output pointer is null"));
        }
        let json = parse_json(s);
        let n =
            i32::try_from(json.len()).map_err(|_| FfiError::arg("markdown document too large"))?;
        if json.len() <= cap {
            // SAFETY: json.len() <= cap, within the caller's buffer.
            unsafe { std::ptr::copy_nonoverlapping(json.as_ptr(), out, json.len()) };
        }
        Ok(n)
    })
}
