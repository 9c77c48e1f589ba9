//! The frame side of the screen object: rendering, the output (a native
//! writer on a descriptor, or a buffer the caller drains), backpressure
//! (notify, flush, output errors), and what the renderer is told about
//! the terminal (cursor, color mode, capabilities, inline mode).

use std::sync::Arc;
use std::time::Duration;

use letui_core::output::{Output, Writer};
use letui_core::renderer::CursorRequest;

use super::{LetuiNotify, LetuiScreen, caps, color_mode, with};
use crate::abi::{LETUI_INFO_DEFERRED, LETUI_INFO_FRAME_BYTES, color_mode_number};
use crate::error::{FfiError, LetuiStatus, bytes};

/// Renders a frame: the bytes that bring the terminal to the screen go to
/// the output. Their number goes to info word `LETUI_INFO_FRAME_BYTES`;
/// nothing is written when nothing changed. Never blocks: when the
/// terminal has not taken the previous frame yet, nothing is rendered,
/// info word `LETUI_INFO_DEFERRED` becomes 1, and the screen's notifier
/// is called once the output drained, to render again (the new frame is
/// then diffed against what was really sent). When the output failed
/// (the terminal is gone), frames are dropped and the call returns
/// `LETUI_STATUS_IO` with the failure's message.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_render(h: *mut LetuiScreen) -> i32 {
    with(h, |s| {
        let r = s.surface.render();
        let (bytes, deferred) = match &r {
            Ok(r) => (r.bytes, r.deferred),
            Err(_) => (0, false),
        };
        if deferred && let Some(w) = s.writer() {
            w.arm();
        }
        s.info[LETUI_INFO_FRAME_BYTES as usize] = u32::try_from(bytes).unwrap_or(u32::MAX);
        s.info[LETUI_INFO_DEFERRED as usize] = u32::from(deferred);
        s.sync_info();
        r.map(|_| 0)
            .map_err(|e| FfiError::new(LetuiStatus::Io, format!("terminal output failed: {e}")))
    })
}

/// Writes bytes ordered with rendered frames (queries, text after an
/// inline region), without blocking.
///
/// # Safety
/// `h` is a screen handle; `data` points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_write(
    h: *mut LetuiScreen,
    data: *const u8,
    len: usize,
) -> i32 {
    with(h, |s| {
        // SAFETY: per the contract.
        let b = unsafe { bytes(data, len)? };
        let r = s.surface.write(b);
        s.sync_info();
        r.map(|()| 0)
            .map_err(|e| FfiError::new(LetuiStatus::Io, format!("terminal output failed: {e}")))
    })
}

/// Sets the function called (with `token`) on the writer's thread when
/// the output drained after `letui_screen_arm_notify` or a deferred frame,
/// and when the output failed. Null removes it. Buffer screens never call
/// it.
///
/// # Safety
/// `h` is a screen handle; `notify` stays callable for as long as the
/// process runs (a call may already be on its way when it is replaced).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_set_notify(
    h: *mut LetuiScreen,
    notify: LetuiNotify,
    token: u32,
) -> i32 {
    with(h, |s| {
        if let Some(w) = s.writer() {
            w.set_notifier(
                notify.map(|f| Arc::new(move || f(token)) as letui_core::output::Notifier),
            );
        }
        Ok(0)
    })
}

/// Asks for the notifier once everything handed to the output is written.
/// Returns 1 when a call will come, 0 when the output is already drained
/// (or has no writer), or `LETUI_STATUS_IO` when it failed.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_arm_notify(h: *mut LetuiScreen) -> i32 {
    with(h, |s| {
        let Some(w) = s.writer() else { return Ok(0) };
        if let Some(e) = w.error() {
            return Err(FfiError::new(
                LetuiStatus::Io,
                format!("terminal output failed: {e}"),
            ));
        }
        let armed = w.arm();
        s.sync_info();
        Ok(i32::from(armed))
    })
}

/// Waits, at most `timeout_ms`, until everything handed to the output is
/// written; returns 1 when it is, 0 on timeout (for exit paths: the last
/// frame before the terminal is given back).
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_flush(h: *mut LetuiScreen, timeout_ms: u32) -> i32 {
    with(h, |s| {
        let done = s
            .writer()
            .is_none_or(|w| w.flush(Duration::from_millis(timeout_ms.into())));
        s.sync_info();
        Ok(i32::from(done))
    })
}

/// The output's failure as a status and message (`LETUI_STATUS_IO`), or 0
/// while it works.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_output_error(h: *mut LetuiScreen) -> i32 {
    with(h, |s| match s.writer().and_then(Writer::error) {
        Some(e) => Err(FfiError::new(
            LetuiStatus::Io,
            format!("terminal output failed: {e}"),
        )),
        None => Ok(0),
    })
}

/// Makes the next frame repaint everything.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_force_redraw(h: *mut LetuiScreen) -> i32 {
    with(h, |s| {
        s.surface.renderer.force_redraw();
        Ok(0)
    })
}

/// Where the terminal cursor goes after each frame: shown at (`x`, `y`)
/// with DECSCUSR `shape` (0..=6), or hidden when `x` or `y` is negative.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_set_cursor(
    h: *mut LetuiScreen,
    x: i32,
    y: i32,
    shape: u32,
) -> i32 {
    with(h, |s| {
        if shape > 6 {
            return Err(FfiError::arg(format!("cursor shape {shape} is not 0..=6")));
        }
        let position = (x >= 0 && y >= 0)
            .then(|| (x.min(u16::MAX as i32) as u16, y.min(u16::MAX as i32) as u16));
        s.surface.renderer.set_cursor(CursorRequest {
            position,
            shape: shape as u8,
        });
        Ok(0)
    })
}

/// Sets the color mode (-1 detect, 0 truecolor, 1 256, 2 16, 3 none); the
/// next frame repaints everything.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_set_color_mode(h: *mut LetuiScreen, mode: i32) -> i32 {
    with(h, |s| {
        let mode = color_mode(mode)?;
        s.surface.renderer.set_color_mode(mode);
        Ok(color_mode_number(mode))
    })
}

/// Sets capability bits: 1 synchronized output, 2 styled underlines, 4
/// hyperlinks, 8 scroll regions (all on by default).
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_set_capabilities(h: *mut LetuiScreen, bits: u32) -> i32 {
    with(h, |s| {
        s.surface.renderer.set_capabilities(caps(bits)?);
        Ok(0)
    })
}

/// Renders into rows `origin..` of the normal screen (`enabled` non-zero)
/// instead of the whole terminal; the next frame repaints everything.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_set_inline(
    h: *mut LetuiScreen,
    enabled: u32,
    origin: u32,
) -> i32 {
    with(h, |s| {
        let origin = u16::try_from(origin)
            .map_err(|_| FfiError::arg(format!("inline origin row {origin} is too large")))?;
        s.surface.renderer.set_inline(enabled != 0, origin);
        Ok(0)
    })
}

/// In buffer mode, points `*ptr`/`*len` at the bytes waiting to be sent.
/// They stay valid until the next call on this screen.
///
/// # Safety
/// `h` is a screen handle; `ptr` and `len` are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_output(
    h: *mut LetuiScreen,
    ptr: *mut *const u8,
    len: *mut usize,
) -> i32 {
    with(h, |s| {
        if ptr.is_null() || len.is_null() {
            return Err(FfiError::arg("output pointers are null"));
        }
        let Output::Buffer(b) = s.surface.sink() else {
            return Err(FfiError::new(
                LetuiStatus::Unsupported,
                "this screen writes to a file descriptor; it has no output buffer",
            ));
        };
        // SAFETY: checked non-null; writable per the contract.
        unsafe {
            ptr.write(b.as_ptr());
            len.write(b.len());
        }
        Ok(0)
    })
}

/// In buffer mode, drops the first `n` waiting bytes (those the caller
/// sent on).
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_consume_output(h: *mut LetuiScreen, n: u64) -> i32 {
    with(h, |s| {
        let Output::Buffer(b) = s.surface.sink_mut() else {
            return Err(FfiError::new(
                LetuiStatus::Unsupported,
                "this screen has no output buffer",
            ));
        };
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        if n > b.len() {
            return Err(FfiError::arg(format!(
                "cannot consume {n} bytes, {} are waiting",
                b.len()
            )));
        }
        b.drain(..n);
        s.sync_info();
        Ok(0)
    })
}

/// Writes every row of the screen as lines to print (colors, attributes
/// and hyperlinks as this screen's renderer would send them, each line
/// ending in CR LF) into the scratch buffer; returns their length. For
/// `letui_screen_print_above` on another screen.
///
/// # Safety
/// `h` is a screen handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_encode_lines(h: *mut LetuiScreen) -> i32 {
    with(h, |s| {
        let r = &s.surface.renderer;
        let caps = r.capabilities();
        let mut out = Vec::new();
        letui_core::renderer::encode_lines(
            &s.surface.screen,
            r.color_mode(),
            caps.styled_underline,
            caps.hyperlinks,
            &mut out,
        );
        super::put_scratch(s, &out)
    })
}

/// In inline mode, prints `count` lines (`len` bytes from
/// `letui_screen_encode_lines`) where the region starts, moves the region
/// below them, scrolling a terminal of `term_height` rows when there is no
/// room (the rows leaving the top go to its scrollback), and repaints the
/// region, in one synchronized update. Returns the region's new top row.
/// Fails with `LETUI_STATUS_INVALID_ARGUMENT` outside inline mode.
///
/// # Safety
/// `h` is a screen handle; `lines` points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_screen_print_above(
    h: *mut LetuiScreen,
    lines: *const u8,
    len: usize,
    count: u32,
    term_height: u32,
) -> i32 {
    with(h, |s| {
        // SAFETY: per the contract.
        let b = unsafe { bytes(lines, len)? };
        let term_height = u16::try_from(term_height)
            .ok()
            .filter(|&t| t >= 1)
            .ok_or_else(|| {
                FfiError::arg(format!("terminal height {term_height} is not 1 to 65535"))
            })?;
        let r = s.surface.print_above(b, count, term_height);
        s.sync_info();
        match r {
            Ok(Some(origin)) => Ok(i32::from(origin)),
            Ok(None) => Err(FfiError::arg("printing above the region needs inline mode")),
            Err(e) => Err(FfiError::new(
                LetuiStatus::Io,
                format!("terminal output failed: {e}"),
            )),
        }
    })
}
