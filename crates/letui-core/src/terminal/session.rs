//! [`Session`]: one application's time on a terminal. Entering saves the
//! terminal's settings, switches to raw mode and writes the mode
//! sequences; the protocols negotiated afterwards (kitty keyboard flags,
//! modifyOtherKeys, grapheme cluster mode 2027) are remembered; leaving
//! turns everything off and puts the settings back. [`Session::restore_plan`]
//! gives the same leaving as plain data, for code that must restore the
//! terminal where it cannot call back into this (a signal handler).

use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::termios::{QueueSelector, Termios, isatty, tcflush};
use thiserror::Error;

use super::modes::Modes;
use super::tty::{TtyError, TtyState, window_size_raw};
use crate::output::{FdSink, Sink};

/// How long a control write (modes, queries) may wait for a terminal that
/// stopped reading before it fails.
pub const CONTROL_TIMEOUT: Duration = Duration::from_secs(2);

/// Errors of a session.
#[derive(Debug, Error)]
pub enum SessionError {
    /// The input is not a terminal.
    #[error("not a terminal (standard input must be a TTY for an interactive session)")]
    NotATerminal,
    /// Settings could not be read or changed.
    #[error(transparent)]
    Tty(TtyError),
    /// Writing to the terminal failed.
    #[error("writing to the terminal failed: {0}")]
    Write(#[from] io::Error),
    /// The call needs an entered session, or an idle one.
    #[error("{0}")]
    State(&'static str),
}

impl From<TtyError> for SessionError {
    fn from(e: TtyError) -> Self {
        match e {
            TtyError::NotATerminal => SessionError::NotATerminal,
            other => SessionError::Tty(other),
        }
    }
}

/// What leaving a session takes, as data: the bytes to write and the
/// settings to put back.
#[derive(Debug, Clone)]
pub struct RestorePlan {
    /// The sequences that turn every mode off.
    pub leave: Vec<u8>,
    /// The terminal settings found on entering.
    pub termios: Termios,
}

/// A session on an input and an output descriptor (see the module
/// documentation). It keeps descriptors of its own: duplicates of both,
/// and a non-blocking description of the output for its writes.
#[derive(Debug)]
pub struct Session {
    input: OwnedFd,
    output: OwnedFd,
    sink: FdSink,
    saved: Option<TtyState>,
    modes: Modes,
    kitty: bool,
    modify_other_keys: bool,
    grapheme_clusters: bool,
}

impl Session {
    /// A session (not entered) on `input` and `output`.
    ///
    /// # Errors
    /// A descriptor is not open.
    pub fn new(input: BorrowedFd<'_>, output: BorrowedFd<'_>) -> io::Result<Session> {
        Ok(Session {
            input: rustix::io::fcntl_dupfd_cloexec(input, 3)?,
            output: rustix::io::fcntl_dupfd_cloexec(output, 3)?,
            sink: FdSink::new(output, CONTROL_TIMEOUT)?,
            saved: None,
            modes: Modes::default(),
            kitty: false,
            modify_other_keys: false,
            grapheme_clusters: false,
        })
    }

    /// True when both descriptors are terminals.
    pub fn is_tty(&self) -> bool {
        isatty(&self.input) && isatty(&self.output)
    }

    /// True while entered.
    pub fn active(&self) -> bool {
        self.saved.is_some()
    }

    /// The terminal's size as (columns, rows), as it reports it (a pty may
    /// say 0 x 0); `None` when neither descriptor is a terminal.
    pub fn size(&self) -> Option<(u16, u16)> {
        window_size_raw(&self.output).or_else(|| window_size_raw(&self.input))
    }

    /// Enters: saves the settings, switches to raw mode, writes the mode
    /// sequences.
    ///
    /// # Errors
    /// Already entered, not a terminal, or a failing system call (the
    /// terminal is given back before the error returns).
    pub fn enter(&mut self, modes: Modes) -> Result<(), SessionError> {
        if self.saved.is_some() {
            return Err(SessionError::State(
                "the terminal session is already entered",
            ));
        }
        let saved = TtyState::save(&self.input, Some(&self.output))?;
        saved.make_raw(&self.input)?;
        self.saved = Some(saved);
        self.modes = modes;
        if let Err(e) = self.sink.send(&modes.enter_sequence()) {
            let _ = self.leave();
            return Err(e.into());
        }
        Ok(())
    }

    /// The bytes that leave the session as it is now.
    pub fn leave_sequence(&self) -> Vec<u8> {
        let mut seq = self.modes.leave_sequence(self.kitty);
        if self.modify_other_keys {
            seq.extend_from_slice(b"\x1b[>4;0m");
        }
        if self.grapheme_clusters {
            seq.extend_from_slice(b"\x1b[?2027l");
        }
        seq
    }

    /// Leaving as data, while entered.
    pub fn restore_plan(&self) -> Option<RestorePlan> {
        Some(RestorePlan {
            leave: self.leave_sequence(),
            termios: self.saved.as_ref()?.termios().clone(),
        })
    }

    /// Leaves: turns every mode off, then puts the settings back (both are
    /// tried even if one fails). Does nothing when not entered.
    ///
    /// # Errors
    /// The first failure.
    pub fn leave(&mut self) -> Result<(), SessionError> {
        let Some(saved) = self.saved.take() else {
            return Ok(());
        };
        let seq = self.leave_sequence();
        self.kitty = false;
        self.modify_other_keys = false;
        self.grapheme_clusters = false;
        let written = self.sink.send(&seq).map_err(SessionError::from);
        let restored = saved
            .restore(&self.input, Some(&self.output))
            .map_err(SessionError::from);
        written.and(restored)
    }

    fn entered(&self) -> Result<(), SessionError> {
        if self.saved.is_none() {
            return Err(SessionError::State("the terminal session is not entered"));
        }
        Ok(())
    }

    /// Enables the kitty keyboard protocol with `flags` (1..=31), pushed so
    /// that leaving pops it.
    ///
    /// # Errors
    /// Not entered, flags out of range, or the write failed.
    pub fn push_keyboard(&mut self, flags: u8) -> Result<(), SessionError> {
        if !(1..=31).contains(&flags) {
            return Err(SessionError::State("keyboard flags must be 1..=31"));
        }
        self.entered()?;
        self.sink.send(format!("\x1b[>{flags}u").as_bytes())?;
        self.kitty = true;
        Ok(())
    }

    /// Enables xterm's modifyOtherKeys at `level` (1 or 2); leaving resets
    /// it.
    ///
    /// # Errors
    /// Not entered, a level out of range, or the write failed.
    pub fn modify_other_keys(&mut self, level: u8) -> Result<(), SessionError> {
        if !(1..=2).contains(&level) {
            return Err(SessionError::State(
                "the modifyOtherKeys level must be 1 or 2",
            ));
        }
        self.entered()?;
        self.sink.send(format!("\x1b[>4;{level}m").as_bytes())?;
        self.modify_other_keys = true;
        Ok(())
    }

    /// Turns on grapheme cluster mode 2027; leaving turns it off.
    ///
    /// # Errors
    /// Not entered, or the write failed.
    pub fn grapheme_clusters(&mut self) -> Result<(), SessionError> {
        self.entered()?;
        self.sink.send(b"\x1b[?2027h")?;
        self.grapheme_clusters = true;
        Ok(())
    }

    /// Writes bytes to the terminal (waiting at most [`CONTROL_TIMEOUT`]).
    ///
    /// # Errors
    /// The write failed or timed out.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), SessionError> {
        Ok(self.sink.send(bytes)?)
    }

    /// Reads and drops input until it has been quiet for `quiet` (at most
    /// `max` in all), then discards what the terminal still holds: replies
    /// to queries that would otherwise reach the shell after the program
    /// ends. Returns the bytes dropped.
    pub fn drain_input(&self, quiet: Duration, max: Duration) -> usize {
        let deadline = Instant::now() + max;
        let mut dropped = 0;
        let mut buf = [0u8; 4096];
        loop {
            let left = deadline
                .saturating_duration_since(Instant::now())
                .min(quiet);
            if left.is_zero() {
                break;
            }
            let fd = self.input.as_fd();
            let mut fds = [PollFd::new(&fd, PollFlags::IN)];
            let ts = Timespec {
                tv_sec: left.as_secs() as i64,
                tv_nsec: i64::from(left.subsec_nanos()),
            };
            match poll(&mut fds, Some(&ts)) {
                Ok(0) => break,
                Ok(_) => match rustix::io::read(&self.input, &mut buf) {
                    Ok(0) => break,
                    Ok(n) => dropped += n,
                    Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
                    Err(_) => break,
                },
                Err(rustix::io::Errno::INTR) => {}
                Err(_) => break,
            }
        }
        let _ = tcflush(&self.input, QueueSelector::IFlush);
        dropped
    }

    /// The output descriptor of the session's own writes (for writers that
    /// must be ordered with it).
    pub fn output(&self) -> BorrowedFd<'_> {
        self.output.as_fd()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.leave();
    }
}

/// The bytes that turn off everything any session may have turned on,
/// whatever its state: keyboard protocol levels (all popped), other-keys
/// and grapheme-cluster modes, scroll margins, then every mode of
/// [`Modes::leave_sequence`] including the alternate screen.
pub fn reset_sequence() -> Vec<u8> {
    let mut seq = b"\x1b[<99u\x1b[>4;0m\x1b[?2027l\x1b[r".to_vec();
    seq.extend_from_slice(&Modes::default().leave_sequence(false));
    seq
}

/// Repairs a terminal that a killed program left raw, on the alternate
/// screen, with mouse reporting on (`kill -9` runs no handler): writes
/// [`reset_sequence`] to `output` (within [`CONTROL_TIMEOUT`]), then puts
/// `input` back into cooked mode ([`super::tty::make_sane`]).
///
/// # Errors
/// The write's error, or the terminal settings' error (both are tried).
pub fn reset(input: BorrowedFd<'_>, output: BorrowedFd<'_>) -> Result<(), SessionError> {
    let written = crate::output::write_all_within(output, &reset_sequence(), CONTROL_TIMEOUT);
    let sane = super::tty::make_sane(input);
    written?;
    sane?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_session_cannot_enter() {
        let (r, w) = rustix::pipe::pipe().unwrap();
        let mut s = Session::new(r.as_fd(), w.as_fd()).unwrap();
        assert!(!s.is_tty());
        assert!(matches!(
            s.enter(Modes::default()),
            Err(SessionError::NotATerminal)
        ));
        assert!(!s.active());
        assert!(matches!(s.push_keyboard(3), Err(SessionError::State(_))));
        assert!(s.restore_plan().is_none());
    }

    #[test]
    fn the_leave_sequence_undoes_what_was_negotiated() {
        let (r, w) = rustix::pipe::pipe().unwrap();
        let mut s = Session::new(r.as_fd(), w.as_fd()).unwrap();
        s.kitty = true;
        s.modify_other_keys = true;
        s.grapheme_clusters = true;
        let seq = String::from_utf8(s.leave_sequence()).unwrap();
        assert!(seq.starts_with("\x1b[<u"));
        assert!(seq.ends_with("\x1b[>4;0m\x1b[?2027l"));
    }

    #[test]
    fn draining_drops_pending_input() {
        let (r, w) = rustix::pipe::pipe().unwrap();
        rustix::io::write(&w, b"\x1b[?62;22c").unwrap();
        let s = Session::new(r.as_fd(), w.as_fd()).unwrap();
        assert_eq!(
            s.drain_input(Duration::from_millis(20), Duration::from_millis(200)),
            9
        );
    }
}
