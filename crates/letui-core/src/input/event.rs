//! The events the parser emits, and the text range they carry.

use std::ops::Range;

use super::key::KeyEvent;
use super::mouse::MouseEvent;

/// A range of the parser's text buffer: `start` and `len` in bytes.
///
/// Events are `Copy` and hold no heap data, so their text (a typed grapheme
/// cluster, kitty's associated text, paste contents) lives in a buffer the
/// parser owns and reuses; read it with [`Parser::text_of`]. The buffer is
/// reset at the start of every [`Parser::feed`], [`Parser::flush`] and
/// [`Parser::abort`], so consume the events of one call before the next.
///
/// [`Parser::text_of`]: super::Parser::text_of
/// [`Parser::feed`]: super::Parser::feed
/// [`Parser::flush`]: super::Parser::flush
/// [`Parser::abort`]: super::Parser::abort
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TextRange {
    /// Byte offset in the text buffer.
    pub start: u32,
    /// Length in bytes.
    pub len: u32,
}

impl TextRange {
    /// The empty range.
    ///
    /// Keys that type nothing carry it.
    pub const EMPTY: Self = Self { start: 0, len: 0 };

    /// A range of `len` bytes from `start`.
    ///
    /// No check is made against any buffer.
    #[inline]
    pub const fn new(start: u32, len: u32) -> Self {
        Self { start, len }
    }

    /// True when the range covers no byte.
    ///
    /// The start does not matter.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.len == 0
    }

    /// The range as `usize` bounds, for slicing.
    ///
    /// Saturates rather than overflows.
    #[inline]
    pub fn range(self) -> Range<usize> {
        let start = self.start as usize;
        start..start.saturating_add(self.len as usize)
    }
}

/// One decoded input event.
///
/// `Copy` and 24 bytes: text is referenced through [`TextRange`]. Unknown,
/// invalid or unsupported sequences produce no event at all (there is no
/// `Unknown` variant), and never leak their bytes as keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    /// A key press, repeat or release.
    Key(KeyEvent),
    /// A mouse button, motion or wheel event.
    Mouse(MouseEvent),
    /// A bracketed paste, delivered whole.
    Paste {
        /// The pasted text (see [`ParserOptions`] for newline handling).
        ///
        /// [`ParserOptions`]: super::ParserOptions
        text: TextRange,
        /// True when bytes were dropped past the size bound, or the paste
        /// was ended by [`Parser::abort`] rather than its end marker.
        ///
        /// [`Parser::abort`]: super::Parser::abort
        truncated: bool,
    },
    /// The terminal gained (`true`) or lost (`false`) focus (mode 1004).
    Focus(bool),
    /// A cursor position report (`CSI row ; col R`), 0-based.
    ///
    /// Only reported as such when one was expected
    /// ([`Parser::expect_cursor_position`]) or when it cannot be a key.
    ///
    /// [`Parser::expect_cursor_position`]: super::Parser::expect_cursor_position
    CursorPosition {
        /// 0-based row.
        row: u16,
        /// 0-based column.
        col: u16,
    },
    /// The reply to a primary device attributes request (`CSI ? ... c`).
    PrimaryDeviceAttributes(DeviceAttributes),
    /// The kitty keyboard flags in force (reply `CSI ? flags u`).
    KeyboardFlags(u8),
    /// A DECRPM reply (`CSI ? mode ; value $ y`) telling a mode's state.
    ModeReport {
        /// The mode number, e.g. 2026 (synchronized output).
        mode: u16,
        /// True for a DEC private mode (`?`), false for an ANSI mode.
        private: bool,
        /// The mode's state.
        state: ModeState,
    },
}

/// The state of a mode, as reported by DECRPM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModeState {
    /// 0: the terminal does not know the mode.
    NotRecognized,
    /// 1: set.
    Set,
    /// 2: reset.
    Reset,
    /// 3: permanently set.
    PermanentlySet,
    /// 4: permanently reset.
    PermanentlyReset,
}

impl ModeState {
    /// The state for a DECRPM value, `None` if out of range.
    ///
    /// Values are 0 to 4.
    pub const fn from_value(value: u32) -> Option<Self> {
        Some(match value {
            0 => Self::NotRecognized,
            1 => Self::Set,
            2 => Self::Reset,
            3 => Self::PermanentlySet,
            4 => Self::PermanentlyReset,
            _ => return None,
        })
    }

    /// True for `Set` and `PermanentlySet`.
    ///
    /// The mode is in force.
    pub const fn is_set(self) -> bool {
        matches!(self, Self::Set | Self::PermanentlySet)
    }
}

/// A primary device attributes reply: `CSI ? class ; attr ; attr ... c`.
///
/// `class` is the first parameter (e.g. 62 for a VT220-class terminal, 1 for
/// VT100); the attributes are kept as a set of numbers below 64 (e.g. 4
/// sixel, 22 ANSI color, 52 OSC 52 clipboard). Larger numbers are dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DeviceAttributes {
    /// The first parameter: the terminal's conformance class.
    pub class: u16,
    bits: [u32; 2],
}

impl DeviceAttributes {
    /// Attributes from a class and a bit set (bit `n` = attribute `n`).
    ///
    /// The inverse of [`DeviceAttributes::features`].
    pub const fn new(class: u16, features: u64) -> Self {
        Self {
            class,
            bits: [features as u32, (features >> 32) as u32],
        }
    }

    /// True when attribute `n` was reported.
    ///
    /// Always false for `n >= 64`.
    pub const fn has(&self, n: u32) -> bool {
        n < 64 && self.features() & (1 << n) != 0
    }

    /// The attributes as a bit set: bit `n` = attribute `n`.
    ///
    /// Attributes of 64 and above are not kept.
    pub const fn features(&self) -> u64 {
        self.bits[0] as u64 | (self.bits[1] as u64) << 32
    }

    /// Adds attribute `n`; ignored for `n >= 64`.
    ///
    /// Returns `&mut Self` for chaining.
    pub fn set(&mut self, n: u32) -> &mut Self {
        if n < 64 {
            let f = self.features() | 1 << n;
            *self = Self::new(self.class, f);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_is_small() {
        assert!(std::mem::size_of::<Event>() <= 32);
        assert!(std::mem::size_of::<Event>() <= 24);
    }

    #[test]
    fn text_range() {
        assert!(TextRange::EMPTY.is_empty());
        assert_eq!(TextRange::new(3, 4).range(), 3..7);
        assert_eq!(
            TextRange::new(u32::MAX, u32::MAX).range().end,
            (u32::MAX as usize).saturating_mul(2)
        );
    }

    #[test]
    fn device_attributes() {
        let mut da = DeviceAttributes::new(62, 0);
        da.set(22).set(52).set(64);
        assert!(da.has(22) && da.has(52));
        assert!(!da.has(4) && !da.has(64) && !da.has(1000));
        assert_eq!(da.features(), 1 << 22 | 1 << 52);
    }

    #[test]
    fn mode_state() {
        assert_eq!(ModeState::from_value(2), Some(ModeState::Reset));
        assert_eq!(ModeState::from_value(5), None);
        assert!(ModeState::PermanentlySet.is_set());
        assert!(!ModeState::NotRecognized.is_set());
    }
}
