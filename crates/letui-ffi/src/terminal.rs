//! The terminal object: a core [`Session`] behind a handle (raw mode, the
//! application's modes and negotiated protocols, all given back on leave,
//! on free, or after a panic), plus the restore plan published for the
//! fault handler.

use std::time::Duration;

use letui_core::terminal::{Session, SessionError};

use crate::error::{FfiError, FfiResult, LetuiStatus, bytes, guard};
use crate::fault;
use crate::handle::{self, Handle, Kind};
use crate::output::borrow_open;

/// Opaque terminal handle.
pub struct LetuiTerminal {
    _private: [u8; 0],
}

/// The object behind a terminal handle.
pub struct TerminalState {
    session: Session,
    /// The output descriptor the caller gave, for the fault handler.
    output: i32,
    /// The input descriptor the caller gave, for the fault handler.
    input: i32,
}

impl Kind for TerminalState {
    const MAGIC: u64 = handle::TERMINAL;
    const NAME: &'static str = "terminal";
}

impl TerminalState {
    /// Tells the fault handler how to leave the session as it is now.
    fn publish(&self) {
        fault::publish(self.input, self.output, self.session.restore_plan());
    }
}

impl Drop for TerminalState {
    fn drop(&mut self) {
        if self.session.active() {
            fault::publish(self.input, self.output, None);
        }
    }
}

fn session_error(e: SessionError) -> FfiError {
    match e {
        SessionError::NotATerminal => FfiError::new(LetuiStatus::Unsupported, e.to_string()),
        SessionError::State(_) => FfiError::arg(e.to_string()),
        other => FfiError::new(LetuiStatus::Io, other.to_string()),
    }
}

fn cast(h: *mut LetuiTerminal) -> *mut Handle<TerminalState> {
    h.cast()
}

fn with(h: *mut LetuiTerminal, f: impl FnOnce(&mut TerminalState) -> FfiResult<i32>) -> i32 {
    // SAFETY: validated by handle::with (see handle.rs for the contract).
    guard(|| unsafe { handle::with(cast(h), f) })
}

/// Creates a terminal on `input_fd` and `output_fd` (not yet entered). It
/// keeps duplicates of both.
///
/// # Safety
/// `out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_new(
    input_fd: i32,
    output_fd: i32,
    out: *mut *mut LetuiTerminal,
) -> i32 {
    guard(|| {
        if out.is_null() {
            return Err(FfiError::arg("out pointer is null"));
        }
        let session = Session::new(borrow_open(input_fd)?, borrow_open(output_fd)?)?;
        let state = TerminalState {
            session,
            output: output_fd,
            input: input_fd,
        };
        let h = handle::into_raw(state).cast::<LetuiTerminal>();
        // SAFETY: checked non-null; writable per the contract.
        unsafe { out.write(h) };
        Ok(0)
    })
}

/// Frees a terminal, leaving the session first if it is still entered.
///
/// # Safety
/// `h` is null or a value from `letui_terminal_new`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_free(h: *mut LetuiTerminal) -> i32 {
    // SAFETY: validated by handle::free.
    guard(|| unsafe { handle::free(cast(h)).map(|()| 0) })
}

/// Returns 1 when both descriptors are terminals, 0 otherwise.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_is_tty(h: *mut LetuiTerminal) -> i32 {
    with(h, |t| Ok(i32::from(t.session.is_tty())))
}

/// Enters the session: saves the terminal's settings, switches to raw mode
/// and writes the mode sequences (`LETUI_MODE_*` bits). Entering twice is
/// an error. From now until leave, a fatal signal (a crash in native code,
/// `abort()`) gives the terminal back before the process dies.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_enter(h: *mut LetuiTerminal, modes: u32) -> i32 {
    with(h, |t| {
        let modes = crate::abi::modes(modes)
            .ok_or_else(|| FfiError::arg(format!("mode bits {modes:#x} are not valid")))?;
        t.session.enter(modes).map_err(session_error)?;
        fault::install();
        t.publish();
        Ok(0)
    })
}

/// Leaves the session: turns every mode off, leaves the alternate screen,
/// shows the cursor and restores the saved settings. Does nothing when not
/// entered; works even after a panic poisoned the handle.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_leave(h: *mut LetuiTerminal) -> i32 {
    // SAFETY: validated by handle::with_poisoned.
    guard(|| unsafe {
        handle::with_poisoned(cast(h), |t| {
            fault::publish(t.input, t.output, None);
            t.session.leave().map_err(session_error).map(|()| 0)
        })
    })
}

/// Returns 1 while the session is entered, 0 otherwise.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_is_active(h: *mut LetuiTerminal) -> i32 {
    with(h, |t| Ok(i32::from(t.session.active())))
}

/// Enables the kitty keyboard protocol with `flags` (1 disambiguate, 2
/// event types, 4 alternate keys, 8 all keys as escapes, 16 associated
/// text), pushed so that leaving pops it.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_push_keyboard(h: *mut LetuiTerminal, flags: u32) -> i32 {
    with(h, |t| {
        let f = u8::try_from(flags)
            .map_err(|_| FfiError::arg(format!("keyboard flags {flags} are not 1..=31")))?;
        t.session.push_keyboard(f).map_err(session_error)?;
        t.publish();
        Ok(0)
    })
}

/// Enables xterm's modifyOtherKeys at `level` (1 or 2), for terminals
/// without the kitty protocol (tmux with `extended-keys` on reports
/// modified keys this way); leaving resets it.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_modify_other_keys(
    h: *mut LetuiTerminal,
    level: u32,
) -> i32 {
    with(h, |t| {
        let l = u8::try_from(level)
            .map_err(|_| FfiError::arg(format!("modifyOtherKeys level {level} is not 1 or 2")))?;
        t.session.modify_other_keys(l).map_err(session_error)?;
        t.publish();
        Ok(0)
    })
}

/// Turns on grapheme cluster mode (DEC private mode 2027), in which the
/// terminal gives a whole grapheme cluster (an emoji ZWJ sequence, say)
/// the width letui gives it; leaving turns it off again. Call it only
/// when the terminal reported the mode as supported and off.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_grapheme_clusters(h: *mut LetuiTerminal) -> i32 {
    with(h, |t| {
        t.session.grapheme_clusters().map_err(session_error)?;
        t.publish();
        Ok(0)
    })
}

/// Writes bytes to the terminal, waiting at most 2 s for a terminal that
/// stopped reading. While a screen renders to the same terminal, write
/// through `letui_screen_write` instead, to keep the order with frames.
///
/// # Safety
/// `h` is a terminal handle; `data` points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_write(
    h: *mut LetuiTerminal,
    data: *const u8,
    len: usize,
) -> i32 {
    with(h, |t| {
        // SAFETY: per the contract.
        let b = unsafe { bytes(data, len)? };
        t.session.write(b).map_err(session_error)?;
        Ok(0)
    })
}

/// Reads and drops pending input (replies to queries that would otherwise
/// reach the shell) until it has been quiet for `quiet_ms` (at most
/// `max_ms` in all); returns the bytes dropped.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_drain_input(
    h: *mut LetuiTerminal,
    quiet_ms: u32,
    max_ms: u32,
) -> i32 {
    with(h, |t| {
        let n = t.session.drain_input(
            Duration::from_millis(quiet_ms.into()),
            Duration::from_millis(max_ms.into()),
        );
        Ok(i32::try_from(n).unwrap_or(i32::MAX))
    })
}

/// Writes the terminal's size to `size[0]` (columns) and `size[1]` (rows),
/// as the terminal reports it (a new pty may say 0 x 0). Fails with
/// `Unsupported` when neither descriptor is a terminal.
///
/// # Safety
/// `h` is a terminal handle; `size` points to two writable `u32`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_size(h: *mut LetuiTerminal, size: *mut u32) -> i32 {
    with(h, |t| {
        if size.is_null() {
            return Err(FfiError::arg("size pointer is null"));
        }
        let (w, hgt) = t.session.size().ok_or_else(|| {
            FfiError::new(
                LetuiStatus::Unsupported,
                "the terminal size is unknown: neither descriptor is a terminal",
            )
        })?;
        // SAFETY: two writable u32 per the contract.
        unsafe {
            size.write(u32::from(w));
            size.add(1).write(u32::from(hgt));
        }
        Ok(0)
    })
}

/// Repairs a terminal a killed program left broken (raw, alternate
/// screen, mouse reporting, keyboard protocols): turns every mode off on
/// `output_fd` and puts `input_fd` back into cooked, blocking mode. Needs
/// no terminal object; for `letui reset`.
#[unsafe(no_mangle)]
pub extern "C" fn letui_terminal_reset(input_fd: i32, output_fd: i32) -> i32 {
    guard(|| {
        letui_core::terminal::reset(borrow_open(input_fd)?, borrow_open(output_fd)?)
            .map_err(session_error)?;
        Ok(0)
    })
}
