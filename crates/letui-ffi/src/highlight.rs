//! Syntax highlighters (`letui_highlighter_*`): a handle per source, fed
//! whole or by appending, and asked for the spans of the lines that may
//! have changed. Delegates to `letui_core::highlight`.

use letui_core::highlight::Highlighter;

use crate::error::{FfiError, FfiResult, bytes, guard, invalid, utf8};
use crate::handle::{self, Handle, Kind};

/// Opaque highlighter handle.
pub struct LetuiHighlighter {
    _private: [u8; 0],
}

/// The object behind a highlighter handle: the highlighter and the spans
/// last computed (kept so that a call with too small a buffer costs no
/// second run of the query).
pub struct HighlighterState {
    highlighter: Highlighter,
    spans: Option<((usize, usize), Vec<u32>)>,
}

impl Kind for HighlighterState {
    const MAGIC: u64 = handle::HIGHLIGHTER;
    const NAME: &'static str = "highlighter";
}

fn with(h: *mut LetuiHighlighter, f: impl FnOnce(&mut HighlighterState) -> FfiResult<i32>) -> i32 {
    // SAFETY: validated by handle::with (see handle.rs for the contract).
    guard(|| unsafe { handle::with(h.cast::<Handle<HighlighterState>>(), f) })
}

fn line_result(line: usize) -> FfiResult<i32> {
    i32::try_from(line).map_err(|_| FfiError::arg("too many lines (over 2^31)"))
}

/// Creates a highlighter for the language named by the UTF-8 `lang`/`len`
/// (a name or file extension: `ts`, `rust`, `py`, ...); an unknown name is
/// an error that lists the known ones.
///
/// # Safety
/// `lang` points to `len` readable bytes; `out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_highlighter_new(
    lang: *const u8,
    len: usize,
    out: *mut *mut LetuiHighlighter,
) -> i32 {
    guard(|| {
        if out.is_null() {
            return Err(FfiError::arg("out pointer is null"));
        }
        // SAFETY: per the contract.
        let name = utf8(unsafe { bytes(lang, len)? })?;
        let highlighter = Highlighter::new(name).map_err(invalid)?;
        let h = handle::into_raw(HighlighterState {
            highlighter,
            spans: None,
        })
        .cast::<LetuiHighlighter>();
        // SAFETY: checked non-null; writable per the contract.
        unsafe { out.write(h) };
        Ok(0)
    })
}

/// Frees a highlighter. Null is accepted; a second free is an error.
///
/// # Safety
/// `h` is null or a value from `letui_highlighter_new`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_highlighter_free(h: *mut LetuiHighlighter) -> i32 {
    // SAFETY: validated by handle::free.
    guard(|| unsafe { handle::free(h.cast::<Handle<HighlighterState>>()).map(|()| 0) })
}

/// Replaces the source with the UTF-8 `text`/`len` and parses it; returns
/// 0 (the first line whose highlighting changed) or a negative status.
///
/// # Safety
/// `h` is a highlighter handle; `text` points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_highlighter_set(
    h: *mut LetuiHighlighter,
    text: *const u8,
    len: usize,
) -> i32 {
    with(h, |s| {
        // SAFETY: per the contract.
        let text = utf8(unsafe { bytes(text, len)? })?;
        s.spans = None;
        line_result(s.highlighter.set(text))
    })
}

/// Appends the UTF-8 `text`/`len` and re-parses incrementally; returns the
/// first line whose highlighting may have changed, or a negative status.
///
/// # Safety
/// `h` is a highlighter handle; `text` points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_highlighter_append(
    h: *mut LetuiHighlighter,
    text: *const u8,
    len: usize,
) -> i32 {
    with(h, |s| {
        // SAFETY: per the contract.
        let text = utf8(unsafe { bytes(text, len)? })?;
        s.spans = None;
        line_result(s.highlighter.append(text))
    })
}

/// Writes the spans of lines `from_line..to_line` into `out` (at most `cap`
/// words): four words each, line, start and end column in UTF-16 code
/// units, and class (see `letui_core::highlight::Class`). Returns the
/// number of words, which is larger than `cap` when they did not fit
/// (nothing is written then: call again with a larger buffer; the spans
/// are kept, not computed twice), or a negative status.
///
/// # Safety
/// `h` is a highlighter handle; `out` points to `cap` writable `u32`s (or
/// is null with `cap` 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_highlighter_spans(
    h: *mut LetuiHighlighter,
    from_line: u32,
    to_line: u32,
    out: *mut u32,
    cap: usize,
) -> i32 {
    with(h, |s| {
        if out.is_null() && cap > 0 {
            return Err(FfiError::arg("output pointer is null"));
        }
        let range = (from_line as usize, to_line as usize);
        let fresh = !matches!(&s.spans, Some((r, _)) if *r == range);
        if fresh {
            s.spans = Some((range, s.highlighter.spans(range.0, range.1)));
        }
        let words = s.spans.as_ref().map_or(&[][..], |(_, w)| &w[..]);
        let n = i32::try_from(words.len())
            .map_err(|_| FfiError::arg("too many spans (over 2^31 words)"))?;
        if words.len() <= cap {
            // SAFETY: words.len() <= cap, within the caller's buffer.
            unsafe { std::ptr::copy_nonoverlapping(words.as_ptr(), out, words.len()) };
            s.spans = None;
        }
        Ok(n)
    })
}
