//! Saving, changing and restoring a terminal's settings.

use std::os::fd::AsFd;

use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
use rustix::termios::{OptionalActions, Termios, isatty, tcgetattr, tcgetwinsize, tcsetattr};
use thiserror::Error;

/// Errors from terminal settings.
#[derive(Debug, Error)]
pub enum TtyError {
    /// The descriptor is not a terminal.
    #[error("not a terminal (standard input must be a TTY for an interactive session)")]
    NotATerminal,
    /// A system call failed.
    #[error("{call} failed: {source}")]
    Sys {
        /// The call.
        call: &'static str,
        /// Its error.
        source: rustix::io::Errno,
    },
}

fn sys(call: &'static str) -> impl FnOnce(rustix::io::Errno) -> TtyError {
    move |source| TtyError::Sys { call, source }
}

/// What a session changes on its input and output descriptors, as found
/// before it changed them.
#[derive(Debug, Clone)]
pub struct TtyState {
    termios: Termios,
    input_flags: OFlags,
    output_flags: Option<OFlags>,
}

impl TtyState {
    /// Saves the settings of the terminal on `input` (and the status flags
    /// of `output`, which shares the terminal but may be another open file
    /// description).
    ///
    /// # Errors
    /// [`TtyError::NotATerminal`] when `input` is not a terminal, or the
    /// system call's error.
    pub fn save(input: impl AsFd, output: Option<impl AsFd>) -> Result<TtyState, TtyError> {
        let input = input.as_fd();
        if !isatty(input) {
            return Err(TtyError::NotATerminal);
        }
        Ok(TtyState {
            termios: tcgetattr(input).map_err(sys("tcgetattr"))?,
            input_flags: fcntl_getfl(input).map_err(sys("fcntl(F_GETFL)"))?,
            output_flags: match output {
                Some(o) => Some(fcntl_getfl(o.as_fd()).map_err(sys("fcntl(F_GETFL)"))?),
                None => None,
            },
        })
    }

    /// Puts the terminal in raw mode: no echo, no line editing, no signals
    /// from keys (Ctrl-C and Ctrl-Z arrive as bytes), no output
    /// post-processing, reads return each byte as it comes.
    ///
    /// # Errors
    /// The system call's error.
    pub fn make_raw(&self, input: impl AsFd) -> Result<(), TtyError> {
        let mut raw = self.termios.clone();
        raw.make_raw();
        tcsetattr(input.as_fd(), OptionalActions::Flush, &raw).map_err(sys("tcsetattr"))
    }

    /// The terminal settings found by [`TtyState::save`].
    pub fn termios(&self) -> &Termios {
        &self.termios
    }

    /// Puts back everything [`TtyState::save`] recorded.
    ///
    /// # Errors
    /// The first failing system call's error (the others are still tried).
    pub fn restore(&self, input: impl AsFd, output: Option<impl AsFd>) -> Result<(), TtyError> {
        let input = input.as_fd();
        let a = tcsetattr(input, OptionalActions::Now, &self.termios).map_err(sys("tcsetattr"));
        let b = fcntl_setfl(input, self.input_flags).map_err(sys("fcntl(F_SETFL)"));
        let c = match (output, self.output_flags) {
            (Some(o), Some(flags)) => fcntl_setfl(o.as_fd(), flags).map_err(sys("fcntl(F_SETFL)")),
            _ => Ok(()),
        };
        a.and(b).and(c)
    }
}

/// The size of the terminal on `fd` as (columns, rows); `None` when it is
/// not a terminal or reports a zero size.
pub fn window_size(fd: impl AsFd) -> Option<(u16, u16)> {
    window_size_raw(fd).filter(|&(w, h)| w > 0 && h > 0)
}

/// The size the terminal on `fd` reports, zeros included (a new pty is
/// 0 x 0 until someone sets it); `None` when it is not a terminal.
pub fn window_size_raw(fd: impl AsFd) -> Option<(u16, u16)> {
    let ws = tcgetwinsize(fd).ok()?;
    Some((ws.ws_col, ws.ws_row))
}

/// Puts the terminal on `fd` back into the cooked mode a shell expects
/// (what `stty sane` does for the flags a session changes): line editing,
/// echo, signals, CR/NL translation, output processing; and blocking
/// reads. For a terminal whose program died without restoring it.
///
/// # Errors
/// [`TtyError::NotATerminal`], or the system call's error.
pub fn make_sane(fd: impl AsFd) -> Result<(), TtyError> {
    use rustix::termios::{InputModes, LocalModes, OutputModes, SpecialCodeIndex};
    let fd = fd.as_fd();
    if !isatty(fd) {
        return Err(TtyError::NotATerminal);
    }
    let mut t = tcgetattr(fd).map_err(sys("tcgetattr"))?;
    t.input_modes |=
        InputModes::BRKINT | InputModes::ICRNL | InputModes::IXON | InputModes::IMAXBEL;
    t.input_modes -=
        InputModes::INLCR | InputModes::IGNCR | InputModes::ISTRIP | InputModes::IGNBRK;
    t.output_modes |= OutputModes::OPOST | OutputModes::ONLCR;
    t.local_modes |= LocalModes::ISIG
        | LocalModes::ICANON
        | LocalModes::IEXTEN
        | LocalModes::ECHO
        | LocalModes::ECHOE
        | LocalModes::ECHOK
        | LocalModes::ECHOCTL
        | LocalModes::ECHOKE;
    t.local_modes -= LocalModes::ECHONL | LocalModes::NOFLSH | LocalModes::TOSTOP;
    t.special_codes[SpecialCodeIndex::VMIN] = 1;
    t.special_codes[SpecialCodeIndex::VTIME] = 0;
    tcsetattr(fd, OptionalActions::Now, &t).map_err(sys("tcsetattr"))?;
    let flags = fcntl_getfl(fd).map_err(sys("fcntl(F_GETFL)"))?;
    fcntl_setfl(fd, flags - OFlags::NONBLOCK).map_err(sys("fcntl(F_SETFL)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_is_not_a_terminal() {
        let (r, w) = rustix::pipe::pipe().unwrap();
        assert!(matches!(
            TtyState::save(&r, Some(&w)),
            Err(TtyError::NotATerminal)
        ));
        assert_eq!(window_size(&r), None);
    }
}
