//! Modifier bits held with a key or a mouse event.

use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign};

/// A set of modifiers, as bit flags.
///
/// The bit layout is the kitty keyboard protocol's (and xterm's for the first
/// four): the wire value of a modifier parameter is `1 + bits`. Legacy xterm's
/// "meta" (bit 8) is reported as [`Modifiers::SUPER`], as kitty does.
///
/// # Examples
/// ```
/// use letui_core::input::Modifiers;
/// let m = Modifiers::CTRL | Modifiers::SHIFT;
/// assert!(m.contains(Modifiers::CTRL));
/// assert_eq!(m.to_string(), "ctrl+shift");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Modifiers(u8);

impl Modifiers {
    /// No modifier.
    pub const NONE: Self = Self(0);
    /// Shift.
    pub const SHIFT: Self = Self(1);
    /// Alt (Option on macOS); also set for a key prefixed with ESC.
    pub const ALT: Self = Self(2);
    /// Control.
    pub const CTRL: Self = Self(4);
    /// Super (Windows, Command); legacy xterm calls this bit "meta".
    pub const SUPER: Self = Self(8);
    /// Hyper (kitty only).
    pub const HYPER: Self = Self(16);
    /// Meta (kitty only).
    pub const META: Self = Self(32);
    /// Caps Lock is on (kitty only, a lock state rather than a modifier).
    pub const CAPS_LOCK: Self = Self(64);
    /// Num Lock is on (kitty only, a lock state rather than a modifier).
    pub const NUM_LOCK: Self = Self(128);

    /// The modifiers that make a key a shortcut rather than text.
    ///
    /// Ctrl, Alt, Super, Hyper and Meta; not Shift nor the lock states.
    pub const SHORTCUT: Self = Self(2 | 4 | 8 | 16 | 32);

    /// Modifiers from raw bits (kitty's layout).
    ///
    /// Every `u8` is a valid set.
    #[inline]
    pub const fn from_bits(bits: u8) -> Self {
        Self(bits)
    }

    /// The raw bits (kitty's layout).
    ///
    /// The wire value of a modifier parameter is `1 + bits`.
    #[inline]
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// True when no bit is set.
    ///
    /// Lock states count as bits here.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when every bit of `other` is set in `self`.
    ///
    /// `contains(Modifiers::NONE)` is always true.
    #[inline]
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when any bit of `other` is set in `self`.
    ///
    /// `intersects(Modifiers::NONE)` is always false.
    #[inline]
    pub const fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// Sets the bits of `other`.
    ///
    /// Returns `&mut Self` for chaining.
    #[inline]
    pub fn insert(&mut self, other: Self) -> &mut Self {
        self.0 |= other.0;
        self
    }

    /// Clears the bits of `other`.
    ///
    /// Returns `&mut Self` for chaining.
    #[inline]
    pub fn remove(&mut self, other: Self) -> &mut Self {
        self.0 &= !other.0;
        self
    }
}

impl BitOr for Modifiers {
    type Output = Self;

    #[inline]
    fn bitor(self, rhs: Self) -> Self {
        Self(self.0 | rhs.0)
    }
}

impl BitOrAssign for Modifiers {
    #[inline]
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for Modifiers {
    type Output = Self;

    #[inline]
    fn bitand(self, rhs: Self) -> Self {
        Self(self.0 & rhs.0)
    }
}

/// Names in the order a shortcut is written: `ctrl+alt+shift+super+hyper+meta`.
const NAMES: [(Modifiers, &str); 8] = [
    (Modifiers::CTRL, "ctrl"),
    (Modifiers::ALT, "alt"),
    (Modifiers::SHIFT, "shift"),
    (Modifiers::SUPER, "super"),
    (Modifiers::HYPER, "hyper"),
    (Modifiers::META, "meta"),
    (Modifiers::CAPS_LOCK, "capslock"),
    (Modifiers::NUM_LOCK, "numlock"),
];

impl fmt::Display for Modifiers {
    /// Writes the set bits joined by `+` (`ctrl+alt+shift`), lock states last.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (bit, name) in NAMES {
            if self.contains(bit) {
                if !first {
                    f.write_str("+")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let mut m = Modifiers::NONE;
        assert!(m.is_empty());
        m.insert(Modifiers::CTRL).insert(Modifiers::ALT);
        assert!(m.contains(Modifiers::CTRL | Modifiers::ALT));
        assert!(!m.contains(Modifiers::SHIFT));
        assert!(m.intersects(Modifiers::SHORTCUT));
        m.remove(Modifiers::CTRL);
        assert_eq!(m, Modifiers::ALT);
        assert_eq!((m & Modifiers::ALT).bits(), 2);
        let mut n = Modifiers::SHIFT;
        n |= Modifiers::META;
        assert_eq!(n.bits(), 33);
        assert_eq!(Modifiers::from_bits(255).bits(), 255);
    }

    #[test]
    fn display_order() {
        let m = Modifiers::SHIFT | Modifiers::CTRL | Modifiers::ALT | Modifiers::SUPER;
        assert_eq!(m.to_string(), "ctrl+alt+shift+super");
        assert_eq!(Modifiers::NONE.to_string(), "");
        assert_eq!(
            (Modifiers::CAPS_LOCK | Modifiers::HYPER).to_string(),
            "hyper+capslock"
        );
    }
}
