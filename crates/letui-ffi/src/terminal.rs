//! The terminal object: a session on an input and an output descriptor
//! (usually 0 and 1) that enters raw mode and the application's modes, and
//! gives everything back on leave, on free, or after a panic.

use letui_core::terminal::{Modes, TtyState, window_size};

use crate::error::{FfiError, FfiResult, LetuiStatus, bytes, guard};
use crate::handle::{self, Handle, Kind};
use crate::output::{borrow, check_open, write_all};

/// Opaque terminal handle.
pub struct LetuiTerminal {
    _private: [u8; 0],
}

/// The object behind a terminal handle.
pub struct TerminalState {
    input: i32,
    output: i32,
    saved: Option<TtyState>,
    modes: Modes,
    kitty: bool,
    modify_other_keys: bool,
    grapheme_clusters: bool,
}

impl Kind for TerminalState {
    const MAGIC: u64 = 0x6c65_7475_6900_0002;
    const NAME: &'static str = "terminal";
}

impl TerminalState {
    fn leave(&mut self) -> FfiResult<()> {
        let Some(saved) = self.saved.take() else {
            return Ok(());
        };
        let mut seq = self.modes.leave_sequence(self.kitty);
        if self.modify_other_keys {
            seq.extend_from_slice(b"\x1b[>4;0m");
        }
        if self.grapheme_clusters {
            seq.extend_from_slice(b"\x1b[?2027l");
        }
        self.kitty = false;
        self.modify_other_keys = false;
        self.grapheme_clusters = false;
        // Give the modes back first, then the settings, trying both even if
        // one fails: the terminal must come back as far as possible.
        let written = write_all(self.output, &seq);
        // SAFETY: descriptors were checked open at creation and the caller
        // keeps them open while the terminal lives.
        let (input, output) = unsafe { (borrow(self.input), borrow(self.output)) };
        let restored = saved
            .restore(input, Some(output))
            .map_err(|e| FfiError::new(LetuiStatus::Io, e.to_string()));
        written.and(restored)
    }
}

impl Drop for TerminalState {
    fn drop(&mut self) {
        let _ = self.leave();
    }
}

fn cast(h: *mut LetuiTerminal) -> *mut Handle<TerminalState> {
    h.cast()
}

fn with(h: *mut LetuiTerminal, f: impl FnOnce(&mut TerminalState) -> FfiResult<i32>) -> i32 {
    // SAFETY: validated by handle::with (see handle.rs for the contract).
    guard(|| unsafe { handle::with(cast(h), f) })
}

/// Creates a terminal on `input_fd` and `output_fd` (not yet entered).
///
/// # Safety
/// `out` is writable; the caller keeps both descriptors open while the
/// terminal lives.
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
        check_open(input_fd)?;
        check_open(output_fd)?;
        let state = TerminalState {
            input: input_fd,
            output: output_fd,
            saved: None,
            modes: Modes::default(),
            kitty: false,
            modify_other_keys: false,
            grapheme_clusters: false,
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
    with(h, |t| {
        // SAFETY: descriptors checked open at creation, kept open by the
        // caller.
        let (i, o) = unsafe { (borrow(t.input), borrow(t.output)) };
        Ok(i32::from(
            rustix::termios::isatty(i) && rustix::termios::isatty(o),
        ))
    })
}

/// Enters the session: saves the terminal's settings, switches to raw mode
/// and writes the mode sequences. `modes`: 1 alternate screen, 2 hide
/// cursor, 4 bracketed paste, 8 focus reports, bits 8..10 mouse (0 off, 1
/// clicks, 2 drag, 3 all motion). Entering twice is an error.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_enter(h: *mut LetuiTerminal, modes: u32) -> i32 {
    with(h, |t| {
        let modes = crate::abi::modes(modes)
            .ok_or_else(|| FfiError::arg(format!("mode bits {modes:#x} are not valid")))?;
        if t.saved.is_some() {
            return Err(FfiError::arg("the terminal session is already entered"));
        }
        // SAFETY: descriptors checked open at creation, kept open by the
        // caller.
        let (input, output) = unsafe { (borrow(t.input), borrow(t.output)) };
        let saved = TtyState::save(input, Some(output)).map_err(|e| match e {
            letui_core::terminal::TtyError::NotATerminal => {
                FfiError::new(LetuiStatus::Unsupported, e.to_string())
            }
            other => FfiError::new(LetuiStatus::Io, other.to_string()),
        })?;
        saved
            .make_raw(input)
            .map_err(|e| FfiError::new(LetuiStatus::Io, e.to_string()))?;
        t.saved = Some(saved);
        t.modes = modes;
        if let Err(e) = write_all(t.output, &modes.enter_sequence()) {
            let _ = t.leave();
            return Err(e);
        }
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
    guard(|| unsafe { handle::with_poisoned(cast(h), |t| t.leave().map(|()| 0)) })
}

/// Returns 1 while the session is entered, 0 otherwise.
///
/// # Safety
/// `h` is a terminal handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_is_active(h: *mut LetuiTerminal) -> i32 {
    with(h, |t| Ok(i32::from(t.saved.is_some())))
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
        if flags == 0 || flags > 31 {
            return Err(FfiError::arg(format!(
                "keyboard flags {flags} are not 1..=31"
            )));
        }
        if t.saved.is_none() {
            return Err(FfiError::arg("the terminal session is not entered"));
        }
        let seq = format!("\x1b[>{flags}u");
        write_all(t.output, seq.as_bytes())?;
        t.kitty = true;
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
        if !(1..=2).contains(&level) {
            return Err(FfiError::arg(format!(
                "modifyOtherKeys level {level} is not 1 or 2"
            )));
        }
        if t.saved.is_none() {
            return Err(FfiError::arg("the terminal session is not entered"));
        }
        write_all(t.output, format!("\x1b[>4;{level}m").as_bytes())?;
        t.modify_other_keys = true;
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
        if t.saved.is_none() {
            return Err(FfiError::arg("the terminal session is not entered"));
        }
        write_all(t.output, b"\x1b[?2027h")?;
        t.grapheme_clusters = true;
        Ok(0)
    })
}

/// Writes bytes to the terminal's output synchronously (queries, and
/// anything that must be ordered with rendered frames).
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
        write_all(t.output, b)?;
        Ok(0)
    })
}

/// Writes the terminal's size to `size[0]` (columns) and `size[1]` (rows).
/// Fails with `Unsupported` when neither descriptor is a terminal.
///
/// # Safety
/// `h` is a terminal handle; `size` points to two writable `u32`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn letui_terminal_size(h: *mut LetuiTerminal, size: *mut u32) -> i32 {
    with(h, |t| {
        if size.is_null() {
            return Err(FfiError::arg("size pointer is null"));
        }
        // SAFETY: descriptors checked open at creation, kept open by the
        // caller.
        let (i, o) = unsafe { (borrow(t.input), borrow(t.output)) };
        let (w, hgt) = window_size(o).or_else(|| window_size(i)).ok_or_else(|| {
            FfiError::new(
                LetuiStatus::Unsupported,
                "the terminal size is unknown (not a TTY)",
            )
        })?;
        // SAFETY: two writable u32 per the contract.
        unsafe {
            size.write(w as u32);
            size.add(1).write(hgt as u32);
        }
        Ok(0)
    })
}
