//! Control sequences (`ESC [ ...`, `ESC O x`) to events.
//!
//! The parser collects the bytes of a sequence after its introducer and hands
//! them here once complete; this module only decodes. Everything it does not
//! recognise yields [`Action::None`].

use super::event::{DeviceAttributes, Event, ModeState};
use super::key::KEYPAD_DIGITS;
use super::key::{KeyCode, KeyEvent, KeypadKey};
use super::kitty;
use super::modifiers::Modifiers;
use super::mouse::{self, Release};
use super::params::{Params, parse};
use super::text::TextBuf;

/// What a complete sequence asks of the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    /// Nothing: unknown, malformed or ignored.
    None,
    /// Emit this event.
    Event(Event),
    /// `CSI 200 ~`: a bracketed paste starts.
    PasteStart,
}

impl From<Option<Event>> for Action {
    fn from(e: Option<Event>) -> Self {
        e.map_or(Self::None, Self::Event)
    }
}

/// Decodes a complete sequence (the bytes after `ESC [`).
///
/// `text` receives kitty's associated text; `cpr` counts the cursor
/// position reports still expected, and is decremented when one arrives.
pub(super) fn dispatch(
    seq: &[u8],
    params: &mut Params,
    text: &mut TextBuf,
    cpr: &mut u32,
) -> Action {
    let Some(c) = parse(seq, params) else {
        return Action::None;
    };
    let p = &*params;
    let key = |k: Option<KeyEvent>| Action::from(k.map(Event::Key));
    match (c.private, c.intermediate, c.fin) {
        (0, 0, b'R') => cursor_or_f3(p, cpr),
        (0, 0, f @ (b'A'..=b'H' | b'P' | b'Q' | b'S')) => {
            key(letter_key(f).and_then(|code| with_mods(code, p.param(1))))
        }
        (0, 0, b'Z') => key(with_mods(KeyCode::Tab, p.param(1)).map(|mut k| {
            k.modifiers |= Modifiers::SHIFT;
            k
        })),
        (0, 0, f @ b'a'..=b'd') if p.len() == 0 => {
            key(letter_key(f - 32).map(|code| KeyEvent::new(code, Modifiers::SHIFT)))
        }
        (0, 0, b'I') if p.len() == 0 => Action::Event(Event::Focus(true)),
        (0, 0, b'O') if p.len() == 0 => Action::Event(Event::Focus(false)),
        (0, 0, b'~') => tilde(p, text),
        (0, 0, f @ (b'$' | b'^' | b'@')) if p.len() == 1 => {
            let mods = match f {
                b'$' => Modifiers::SHIFT,
                b'^' => Modifiers::CTRL,
                _ => Modifiers::CTRL | Modifiers::SHIFT,
            };
            key(p
                .get(0, 0)
                .and_then(tilde_key)
                .map(|code| KeyEvent::new(code, mods)))
        }
        (0, 0, b'u') => key(kitty::decode_u(p, text)),
        (b'?', 0, b'u') => {
            let flags = p.get(0, 0).unwrap_or(0).min(255) as u8;
            Action::Event(Event::KeyboardFlags(flags))
        }
        (b'?', 0, b'R') => cursor_position(p, cpr),
        (b'<', 0, f @ (b'M' | b'm')) if p.len() == 3 => {
            let (cb, x, y) = (p.get(0, 0), p.get(1, 0), p.get(2, 0));
            Action::from(
                mouse::decode(cb.unwrap_or(0), x.unwrap_or(1), y.unwrap_or(1), {
                    Release::Sgr(f == b'm')
                })
                .map(Event::Mouse),
            )
        }
        (0, 0, b'M') if p.len() == 3 => match (p.get(0, 0), p.get(1, 0), p.get(2, 0)) {
            (Some(cb @ 32..), Some(x), Some(y)) => {
                Action::from(mouse::decode(cb - 32, x, y, Release::Legacy).map(Event::Mouse))
            }
            _ => Action::None,
        },
        (b'?', 0, b'c') => {
            let class = p.get(0, 0).unwrap_or(0).min(u32::from(u16::MAX)) as u16;
            let mut da = DeviceAttributes::new(class, 0);
            for i in 1..p.len() {
                if let Some(v) = p.get(i, 0) {
                    da.set(v);
                }
            }
            Action::Event(Event::PrimaryDeviceAttributes(da))
        }
        (b'?' | 0, b'$', b'y') => {
            let mode = p.get(0, 0).and_then(|m| u16::try_from(m).ok());
            let state = p.get(1, 0).and_then(ModeState::from_value);
            match (mode, state) {
                (Some(mode), Some(state)) => Action::Event(Event::ModeReport {
                    mode,
                    private: c.private == b'?',
                    state,
                }),
                _ => Action::None,
            }
        }
        _ => Action::None,
    }
}

/// `CSI row ; col R`: a cursor position report if one is expected (or it
/// cannot be a key), else F3 with modifiers (`CSI 1 ; mods R`).
fn cursor_or_f3(p: &Params, cpr: &mut u32) -> Action {
    if *cpr > 0 && p.len() == 2 {
        return cursor_position(p, cpr);
    }
    if p.get(0, 0).unwrap_or(1) == 1
        && let Some(k) = with_mods(KeyCode::F(3), p.param(1))
    {
        return Action::Event(Event::Key(k));
    }
    if p.len() == 2 {
        return cursor_position(p, cpr);
    }
    Action::None
}

fn cursor_position(p: &Params, cpr: &mut u32) -> Action {
    *cpr = cpr.saturating_sub(1);
    let to0 = |v: Option<u32>| v.unwrap_or(1).saturating_sub(1).min(u32::from(u16::MAX)) as u16;
    Action::Event(Event::CursorPosition {
        row: to0(p.get(0, 0)),
        col: to0(p.get(1, 0)),
    })
}

/// The key of a letter-final sequence (`CSI 1;mods X` / `SS3 X`).
fn letter_key(f: u8) -> Option<KeyCode> {
    Some(match f {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'E' | b'G' => KeyCode::Keypad(KeypadKey::Begin),
        b'F' => KeyCode::End,
        b'H' => KeyCode::Home,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// `code` with the modifiers and event kind of a `mods[:kind]` parameter.
fn with_mods(code: KeyCode, param: &[Option<u32>]) -> Option<KeyEvent> {
    let (mods, kind) = kitty::mods_kind(param)?;
    Some(KeyEvent::new(code, mods).with_kind(kind))
}

/// The key of a `CSI n ~` sequence (VT220 numbering, kitty's additions).
fn tilde_key(n: u32) -> Option<KeyCode> {
    let f = |k: u32| Some(KeyCode::F(k as u8));
    match n {
        1 | 7 => Some(KeyCode::Home),
        2 => Some(KeyCode::Insert),
        3 => Some(KeyCode::Delete),
        4 | 8 => Some(KeyCode::End),
        5 => Some(KeyCode::PageUp),
        6 => Some(KeyCode::PageDown),
        11..=15 => f(n - 10),
        17..=21 => f(n - 11),
        23..=26 => f(n - 12),
        28 | 29 => f(n - 13),
        31..=34 => f(n - 14),
        57344.. => kitty::functional(n),
        _ => None,
    }
}

/// `CSI n ; mods[:kind] ~`, xterm's `CSI 27 ; mods ; code ~`, paste start.
fn tilde(p: &Params, text: &mut TextBuf) -> Action {
    match p.get(0, 0) {
        Some(200) if p.len() == 1 => Action::PasteStart,
        Some(27) if p.len() == 3 => Action::from(kitty::modify_other_keys(p, text).map(Event::Key)),
        Some(n) => Action::from(
            tilde_key(n)
                .and_then(|code| with_mods(code, p.param(1)))
                .map(Event::Key),
        ),
        None => Action::None,
    }
}

/// `ESC O x`: the key, or `None` if `x` is not a known SS3 final.
pub(super) fn ss3(x: u8) -> Option<KeyEvent> {
    let kp = |k| KeyCode::Keypad(k);
    let code = match x {
        b'A'..=b'H' | b'P'..=b'S' => letter_key(x)?,
        b'a'..=b'd' => return Some(KeyEvent::new(letter_key(x - 32)?, Modifiers::CTRL)),
        b'j' => kp(KeypadKey::Multiply),
        b'k' => kp(KeypadKey::Add),
        b'l' => kp(KeypadKey::Separator),
        b'm' => kp(KeypadKey::Subtract),
        b'n' => kp(KeypadKey::Decimal),
        b'o' => kp(KeypadKey::Divide),
        b'p'..=b'y' => kp(KEYPAD_DIGITS[usize::from(x - b'p')]),
        b'M' => kp(KeypadKey::Enter),
        b'X' => kp(KeypadKey::Equal),
        _ => return None,
    };
    Some(KeyEvent::new(code, Modifiers::NONE))
}

/// Linux console `ESC [ [ x`: F1 to F5.
pub(super) fn linux_function_key(x: u8) -> Option<KeyEvent> {
    match x {
        b'A'..=b'E' => Some(KeyEvent::new(KeyCode::F(x - b'A' + 1), Modifiers::NONE)),
        _ => None,
    }
}

/// X10 mouse `ESC [ M cb cx cy`: three raw bytes, each offset by 32.
pub(super) fn x10_mouse(bytes: [u8; 3]) -> Option<Event> {
    let [cb, cx, cy] = bytes.map(|b| u32::from(b.saturating_sub(32)));
    mouse::decode(cb, cx, cy, Release::Legacy).map(Event::Mouse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::key::KeyKind;
    use crate::input::mouse::{MouseButton, MouseKind};

    fn run(seq: &[u8]) -> Action {
        let mut t = TextBuf::default();
        let mut cpr = 0;
        dispatch(seq, &mut Params::new(), &mut t, &mut cpr)
    }

    fn key_of(a: Action) -> KeyEvent {
        match a {
            Action::Event(Event::Key(k)) => k,
            other => panic!("not a key: {other:?}"),
        }
    }

    #[test]
    fn legacy_keys() {
        assert_eq!(key_of(run(b"A")).code, KeyCode::Up);
        let k = key_of(run(b"1;5D"));
        assert_eq!((k.code, k.modifiers), (KeyCode::Left, Modifiers::CTRL));
        let k = key_of(run(b"1;3:3H"));
        assert_eq!(
            (k.code, k.modifiers, k.kind),
            (KeyCode::Home, Modifiers::ALT, KeyKind::Release)
        );
        assert_eq!(key_of(run(b"15~")).code, KeyCode::F(5));
        assert_eq!(key_of(run(b"24;2~")).modifiers, Modifiers::SHIFT);
        assert_eq!(key_of(run(b"34~")).code, KeyCode::F(20));
        assert_eq!(key_of(run(b"1;2P")).code, KeyCode::F(1));
        let k = key_of(run(b"Z"));
        assert_eq!((k.code, k.modifiers), (KeyCode::Tab, Modifiers::SHIFT));
        assert_eq!(key_of(run(b"a")).modifiers, Modifiers::SHIFT);
        let k = key_of(run(b"3$"));
        assert_eq!((k.code, k.modifiers), (KeyCode::Delete, Modifiers::SHIFT));
        assert_eq!(key_of(run(b"5^")).modifiers, Modifiers::CTRL);
        assert_eq!(run(b"1;999A"), Action::None);
        assert_eq!(run(b"16~"), Action::None);
        assert_eq!(run(b"200~"), Action::PasteStart);
        assert_eq!(run(b"201~"), Action::None);
    }

    #[test]
    fn cpr_versus_f3() {
        let mut t = TextBuf::default();
        let mut cpr = 0;
        let k = key_of(dispatch(b"1;2R", &mut Params::new(), &mut t, &mut cpr));
        assert_eq!((k.code, k.modifiers), (KeyCode::F(3), Modifiers::SHIFT));
        cpr = 2;
        assert_eq!(
            dispatch(b"1;2R", &mut Params::new(), &mut t, &mut cpr),
            Action::Event(Event::CursorPosition { row: 0, col: 1 })
        );
        assert_eq!(cpr, 1);
        assert_eq!(
            dispatch(b"?24;80;1R", &mut Params::new(), &mut t, &mut cpr),
            Action::Event(Event::CursorPosition { row: 23, col: 79 })
        );
        assert_eq!(cpr, 0);
        assert_eq!(
            dispatch(b"24;80R", &mut Params::new(), &mut t, &mut cpr),
            Action::Event(Event::CursorPosition { row: 23, col: 79 })
        );
        assert_eq!(cpr, 0);
    }

    #[test]
    fn replies() {
        assert_eq!(run(b"?31u"), Action::Event(Event::KeyboardFlags(31)));
        assert_eq!(
            run(b"?2026;2$y"),
            Action::Event(Event::ModeReport {
                mode: 2026,
                private: true,
                state: ModeState::Reset
            })
        );
        assert_eq!(run(b"?2026;9$y"), Action::None);
        assert_eq!(run(b"?99999;1$y"), Action::None);
        let Action::Event(Event::PrimaryDeviceAttributes(da)) = run(b"?62;4;22;52c") else {
            panic!()
        };
        assert_eq!(da.class, 62);
        assert!(da.has(4) && da.has(22) && da.has(52) && !da.has(1));
        assert_eq!(run(b"I"), Action::Event(Event::Focus(true)));
        assert_eq!(run(b"O"), Action::Event(Event::Focus(false)));
        assert_eq!(run(b">1;10;0c"), Action::None);
    }

    #[test]
    fn mouse_encodings() {
        let Action::Event(Event::Mouse(m)) = run(b"<0;10;5M") else {
            panic!()
        };
        assert_eq!(
            (m.x, m.y, m.button, m.kind),
            (9, 4, MouseButton::Left, MouseKind::Down)
        );
        let Action::Event(Event::Mouse(m)) = run(b"32;3;4M") else {
            panic!()
        };
        assert_eq!((m.x, m.y, m.button), (2, 3, MouseButton::Left));
        assert_eq!(run(b"<0;10M"), Action::None);
        let m = x10_mouse([32 + 3, 33, 33 + 200]).unwrap();
        assert_eq!(
            m,
            Event::Mouse(crate::input::MouseEvent {
                x: 0,
                y: 200,
                button: MouseButton::None,
                kind: MouseKind::Up,
                modifiers: Modifiers::NONE
            })
        );
    }

    #[test]
    fn ss3_and_linux() {
        assert_eq!(ss3(b'P').unwrap().code, KeyCode::F(1));
        assert_eq!(ss3(b'a').unwrap().modifiers, Modifiers::CTRL);
        assert_eq!(ss3(b'q').unwrap().code, KeyCode::Keypad(KeypadKey::Num1));
        assert!(ss3(b'z').is_none());
        assert_eq!(linux_function_key(b'E').unwrap().code, KeyCode::F(5));
        assert!(linux_function_key(b'F').is_none());
    }
}
