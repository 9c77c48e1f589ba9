//! Terminal modes as escape sequences.
//!
//! Entering writes the sequences that turn modes on; leaving writes the
//! ones that turn them off, in reverse order, plus resets (attributes,
//! cursor shape and visibility) that any frame may have changed.

/// Which mouse events the terminal reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MouseMode {
    /// No mouse reporting.
    #[default]
    Off,
    /// Presses, releases and the wheel (mode 1000).
    Clicks,
    /// Also motion while a button is held (mode 1002).
    Drag,
    /// Also motion with no button held (mode 1003).
    Motion,
}

/// The modes of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modes {
    /// Use the alternate screen (full-screen apps); off for inline mode.
    pub alternate_screen: bool,
    /// Hide the cursor (frames show it where the app asks).
    pub hide_cursor: bool,
    /// Mouse reporting, SGR-encoded (mode 1006).
    pub mouse: MouseMode,
    /// Bracketed paste (mode 2004).
    pub bracketed_paste: bool,
    /// Focus in/out reports (mode 1004).
    pub focus: bool,
}

impl Default for Modes {
    fn default() -> Self {
        Modes {
            alternate_screen: true,
            hide_cursor: true,
            mouse: MouseMode::Clicks,
            bracketed_paste: true,
            focus: true,
        }
    }
}

impl Modes {
    /// The bytes that turn these modes on.
    pub fn enter_sequence(&self) -> Vec<u8> {
        let mut out = Vec::new();
        if self.alternate_screen {
            // Save the cursor, switch to the alternate screen, clear it.
            out.extend_from_slice(b"\x1b[?1049h\x1b[H\x1b[2J");
        }
        if self.hide_cursor {
            out.extend_from_slice(b"\x1b[?25l");
        }
        match self.mouse {
            MouseMode::Off => {}
            MouseMode::Clicks => out.extend_from_slice(b"\x1b[?1000h\x1b[?1006h"),
            MouseMode::Drag => out.extend_from_slice(b"\x1b[?1000h\x1b[?1002h\x1b[?1006h"),
            MouseMode::Motion => out.extend_from_slice(b"\x1b[?1000h\x1b[?1003h\x1b[?1006h"),
        }
        if self.bracketed_paste {
            out.extend_from_slice(b"\x1b[?2004h");
        }
        if self.focus {
            out.extend_from_slice(b"\x1b[?1004h");
        }
        out
    }

    /// The bytes that turn every mode a session may have touched off and
    /// reset what frames change. `kitty` tells whether a keyboard protocol
    /// level was pushed (it is popped).
    ///
    /// Modes are turned off even when these [`Modes`] did not turn them on:
    /// the sequences are harmless when the mode is already off, and this
    /// undoes whatever a crashed earlier run left behind.
    pub fn leave_sequence(&self, kitty: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if kitty {
            out.extend_from_slice(b"\x1b[<u");
        }
        out.extend_from_slice(b"\x1b[?1004l\x1b[?2004l");
        out.extend_from_slice(b"\x1b[?1006l\x1b[?1003l\x1b[?1002l\x1b[?1000l");
        // Synchronized output off, in case a frame was cut short.
        out.extend_from_slice(b"\x1b[?2026l");
        out.extend_from_slice(b"\x1b[0m\x1b]8;;\x1b\\\x1b[0 q\x1b[?25h");
        if self.alternate_screen {
            // Leave the alternate screen, restoring the saved cursor.
            out.extend_from_slice(b"\x1b[?1049l");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences() {
        let m = Modes::default();
        let enter = String::from_utf8(m.enter_sequence()).unwrap();
        assert!(enter.starts_with("\x1b[?1049h"));
        assert!(enter.contains("\x1b[?1000h\x1b[?1006h"));
        assert!(enter.contains("\x1b[?2004h") && enter.contains("\x1b[?1004h"));
        let leave = String::from_utf8(m.leave_sequence(true)).unwrap();
        assert!(leave.starts_with("\x1b[<u"));
        assert!(leave.ends_with("\x1b[?25h\x1b[?1049l"));
        let inline = Modes {
            alternate_screen: false,
            ..m
        };
        assert!(
            !String::from_utf8(inline.leave_sequence(false))
                .unwrap()
                .contains("1049")
        );
    }
}
