//! Mouse events and the decoding of their button byte.
//!
//! Three wire encodings share one button code `cb`: SGR (`CSI < cb ; x ; y
//! M|m`, mode 1006), urxvt (`CSI cb+32 ; x ; y M`, mode 1015) and X10
//! (`CSI M` + three raw bytes `cb+32`, `x+32`, `y+32`). Bits of `cb`: 0-1
//! button (0 left, 1 middle, 2 right, 3 none or release), 4 shift, 8 alt,
//! 16 ctrl, 32 motion, 64 wheel (buttons 64-67: up, down, left, right), 128
//! extra buttons (128-131: buttons 8-11). Coordinates are 1-based on the
//! wire and 0-based in events.

use super::modifiers::Modifiers;

/// A mouse event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MouseEvent {
    /// 0-based column.
    pub x: u16,
    /// 0-based row.
    pub y: u16,
    /// The button involved; [`MouseButton::None`] for motion without a
    /// button, and for a release in the legacy encodings (which do not say
    /// which button went up).
    pub button: MouseButton,
    /// What happened.
    pub kind: MouseKind,
    /// Shift, Alt and Ctrl only (terminals report no other modifier, and
    /// often take Shift+click for selection).
    pub modifiers: Modifiers,
}

/// A mouse button, or a wheel direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MouseButton {
    /// No button (motion, or an unspecified release).
    None,
    /// The left button.
    Left,
    /// The middle button.
    Middle,
    /// The right button.
    Right,
    /// Wheel up (away from the user).
    WheelUp,
    /// Wheel down.
    WheelDown,
    /// Wheel (or tilt) left.
    WheelLeft,
    /// Wheel (or tilt) right.
    WheelRight,
    /// Button 8, usually "back".
    Back,
    /// Button 9, usually "forward".
    Forward,
    /// Button 10.
    Button10,
    /// Button 11.
    Button11,
}

/// What a mouse event reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MouseKind {
    /// A button went down.
    Down,
    /// A button went up.
    Up,
    /// The mouse moved with a button down (mode 1002 or 1003).
    Drag,
    /// The mouse moved with no button down (mode 1003).
    Move,
    /// The wheel turned one notch; the direction is the button.
    Wheel,
}

/// How the encoding marks a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Release {
    /// SGR: the final byte says press (`M`) or release (`m`).
    Sgr(bool),
    /// X10 and urxvt: button code 3 means "released".
    Legacy,
}

/// Decodes a button code and 1-based wire coordinates into an event.
///
/// Returns `None` for codes that make no sense (both wheel and extra bits,
/// an SGR release of a wheel).
pub(super) fn decode(cb: u32, x: u32, y: u32, release: Release) -> Option<MouseEvent> {
    let mut modifiers = Modifiers::NONE;
    if cb & 4 != 0 {
        modifiers |= Modifiers::SHIFT;
    }
    if cb & 8 != 0 {
        modifiers |= Modifiers::ALT;
    }
    if cb & 16 != 0 {
        modifiers |= Modifiers::CTRL;
    }
    let low = cb & 3;
    let motion = cb & 32 != 0;
    let released = match release {
        Release::Sgr(r) => r,
        Release::Legacy => low == 3 && cb & (64 | 128) == 0 && !motion,
    };
    let (button, kind) = match cb & (64 | 128 | !255) {
        0 => {
            let button = [
                MouseButton::Left,
                MouseButton::Middle,
                MouseButton::Right,
                MouseButton::None,
            ][low as usize];
            let kind = if released {
                MouseKind::Up
            } else if motion {
                if button == MouseButton::None {
                    MouseKind::Move
                } else {
                    MouseKind::Drag
                }
            } else if button == MouseButton::None {
                MouseKind::Up
            } else {
                MouseKind::Down
            };
            let button = if released && matches!(release, Release::Legacy) {
                MouseButton::None
            } else {
                button
            };
            (button, kind)
        }
        64 => {
            if released {
                return None;
            }
            let button = [
                MouseButton::WheelUp,
                MouseButton::WheelDown,
                MouseButton::WheelLeft,
                MouseButton::WheelRight,
            ][low as usize];
            (button, MouseKind::Wheel)
        }
        128 => {
            let button = [
                MouseButton::Back,
                MouseButton::Forward,
                MouseButton::Button10,
                MouseButton::Button11,
            ][low as usize];
            let kind = if released {
                MouseKind::Up
            } else if motion {
                MouseKind::Drag
            } else {
                MouseKind::Down
            };
            (button, kind)
        }
        _ => return None,
    };
    Some(MouseEvent {
        x: coord(x),
        y: coord(y),
        button,
        kind,
        modifiers,
    })
}

/// 1-based wire coordinate to 0-based, saturating at both ends.
fn coord(v: u32) -> u16 {
    v.saturating_sub(1).min(u32::from(u16::MAX)) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(button: MouseButton, kind: MouseKind, x: u16, y: u16) -> MouseEvent {
        MouseEvent {
            x,
            y,
            button,
            kind,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn sgr_buttons() {
        use MouseButton as B;
        use MouseKind as K;
        let sgr = |cb, r| decode(cb, 1, 1, Release::Sgr(r));
        assert_eq!(sgr(0, false), Some(ev(B::Left, K::Down, 0, 0)));
        assert_eq!(sgr(1, false), Some(ev(B::Middle, K::Down, 0, 0)));
        assert_eq!(sgr(2, true), Some(ev(B::Right, K::Up, 0, 0)));
        assert_eq!(sgr(32, false), Some(ev(B::Left, K::Drag, 0, 0)));
        assert_eq!(sgr(35, false), Some(ev(B::None, K::Move, 0, 0)));
        assert_eq!(sgr(64, false), Some(ev(B::WheelUp, K::Wheel, 0, 0)));
        assert_eq!(sgr(65, false), Some(ev(B::WheelDown, K::Wheel, 0, 0)));
        assert_eq!(sgr(66, false), Some(ev(B::WheelLeft, K::Wheel, 0, 0)));
        assert_eq!(sgr(67, false), Some(ev(B::WheelRight, K::Wheel, 0, 0)));
        assert_eq!(sgr(64, true), None);
        assert_eq!(sgr(128, false), Some(ev(B::Back, K::Down, 0, 0)));
        assert_eq!(sgr(129, true), Some(ev(B::Forward, K::Up, 0, 0)));
        assert_eq!(sgr(192, false), None);
        assert_eq!(sgr(1 << 20, false), None);
    }

    #[test]
    fn modifiers_bits() {
        let m = decode(4 | 8 | 16, 5, 6, Release::Sgr(false)).unwrap();
        assert_eq!(
            m.modifiers,
            Modifiers::SHIFT | Modifiers::ALT | Modifiers::CTRL
        );
        assert_eq!((m.x, m.y), (4, 5));
    }

    #[test]
    fn legacy_release_has_no_button() {
        let m = decode(3, 10, 20, Release::Legacy).unwrap();
        assert_eq!(m, ev(MouseButton::None, MouseKind::Up, 9, 19));
        let m = decode(35, 1, 1, Release::Legacy).unwrap();
        assert_eq!(m.kind, MouseKind::Move);
    }

    #[test]
    fn coordinates_saturate() {
        let m = decode(0, 0, 100_000, Release::Sgr(false)).unwrap();
        assert_eq!((m.x, m.y), (0, u16::MAX));
    }
}
