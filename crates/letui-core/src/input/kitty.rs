//! The kitty keyboard protocol: `CSI code[:shifted[:base]] ; mods[:kind] ;
//! text u`, its functional keys in the private use area, and xterm's
//! `modifyOtherKeys` form `CSI 27 ; mods ; code ~` which shares its decoding.

use super::event::TextRange;
use super::key::{KEYPAD_DIGITS, KeyCode, KeyEvent, KeyKind, KeypadKey, MediaKey, ModifierKey};
use super::modifiers::Modifiers;
use super::params::Params;
use super::text::{TextBuf, char_key};

/// The functional key for a code point in kitty's private use range
/// (57344..=57454), `None` outside it.
pub(super) fn functional(cp: u32) -> Option<KeyCode> {
    use KeyCode as K;
    use KeypadKey as Kp;
    use MediaKey as M;
    use ModifierKey as Mk;
    Some(match cp {
        // Early kitty versions numbered these in the private use area too.
        57344 => K::Escape,
        57345 => K::Enter,
        57346 => K::Tab,
        57347 => K::Backspace,
        57348 => K::Insert,
        57349 => K::Delete,
        57350 => K::Left,
        57351 => K::Right,
        57352 => K::Up,
        57353 => K::Down,
        57354 => K::PageUp,
        57355 => K::PageDown,
        57356 => K::Home,
        57357 => K::End,
        57358 => K::CapsLock,
        57359 => K::ScrollLock,
        57360 => K::NumLock,
        57361 => K::PrintScreen,
        57362 => K::Pause,
        57363 => K::Menu,
        57364..=57398 => K::F((cp - 57363) as u8),
        57399..=57408 => K::Keypad(KEYPAD_DIGITS[(cp - 57399) as usize]),
        57409 => K::Keypad(Kp::Decimal),
        57410 => K::Keypad(Kp::Divide),
        57411 => K::Keypad(Kp::Multiply),
        57412 => K::Keypad(Kp::Subtract),
        57413 => K::Keypad(Kp::Add),
        57414 => K::Keypad(Kp::Enter),
        57415 => K::Keypad(Kp::Equal),
        57416 => K::Keypad(Kp::Separator),
        57417 => K::Keypad(Kp::Left),
        57418 => K::Keypad(Kp::Right),
        57419 => K::Keypad(Kp::Up),
        57420 => K::Keypad(Kp::Down),
        57421 => K::Keypad(Kp::PageUp),
        57422 => K::Keypad(Kp::PageDown),
        57423 => K::Keypad(Kp::Home),
        57424 => K::Keypad(Kp::End),
        57425 => K::Keypad(Kp::Insert),
        57426 => K::Keypad(Kp::Delete),
        57427 => K::Keypad(Kp::Begin),
        57428 => K::Media(M::Play),
        57429 => K::Media(M::Pause),
        57430 => K::Media(M::PlayPause),
        57431 => K::Media(M::Reverse),
        57432 => K::Media(M::Stop),
        57433 => K::Media(M::FastForward),
        57434 => K::Media(M::Rewind),
        57435 => K::Media(M::TrackNext),
        57436 => K::Media(M::TrackPrevious),
        57437 => K::Media(M::Record),
        57438 => K::Media(M::LowerVolume),
        57439 => K::Media(M::RaiseVolume),
        57440 => K::Media(M::MuteVolume),
        57441 => K::Modifier(Mk::LeftShift),
        57442 => K::Modifier(Mk::LeftCtrl),
        57443 => K::Modifier(Mk::LeftAlt),
        57444 => K::Modifier(Mk::LeftSuper),
        57445 => K::Modifier(Mk::LeftHyper),
        57446 => K::Modifier(Mk::LeftMeta),
        57447 => K::Modifier(Mk::RightShift),
        57448 => K::Modifier(Mk::RightCtrl),
        57449 => K::Modifier(Mk::RightAlt),
        57450 => K::Modifier(Mk::RightSuper),
        57451 => K::Modifier(Mk::RightHyper),
        57452 => K::Modifier(Mk::RightMeta),
        57453 => K::Modifier(Mk::IsoLevel3Shift),
        57454 => K::Modifier(Mk::IsoLevel5Shift),
        _ => return None,
    })
}

/// The key for a key code point: the C0 keys kitty keeps (Tab 9, Enter 13,
/// Escape 27, Backspace 127 and 8), functional keys, or a character. Other
/// controls and invalid code points give `None`. An ASCII capital is
/// normalised to its lowercase letter plus Shift.
pub(super) fn codepoint_key(cp: u32) -> Option<(KeyCode, Modifiers)> {
    Some(match cp {
        8 | 127 => (KeyCode::Backspace, Modifiers::NONE),
        9 => (KeyCode::Tab, Modifiers::NONE),
        13 => (KeyCode::Enter, Modifiers::NONE),
        27 => (KeyCode::Escape, Modifiers::NONE),
        0..=31 | 128..=159 => return None,
        57344..=57454 => (functional(cp)?, Modifiers::NONE),
        _ => char_key(char::from_u32(cp)?),
    })
}

/// Modifiers and event kind from a `mods[:kind]` parameter (absent = none,
/// press). `None` if either is out of range.
pub(super) fn mods_kind(param: &[Option<u32>]) -> Option<(Modifiers, KeyKind)> {
    let m = param.first().copied().flatten().unwrap_or(1);
    let bits = match m {
        0 | 1 => 0,
        2..=256 => (m - 1) as u8,
        _ => return None,
    };
    let kind = match param.get(1).copied().flatten() {
        None | Some(1) => KeyKind::Press,
        Some(2) => KeyKind::Repeat,
        Some(3) => KeyKind::Release,
        Some(_) => return None,
    };
    Some((Modifiers::from_bits(bits), kind))
}

/// `CSI code[:shifted[:base]] ; mods[:kind] ; text u`.
pub(super) fn decode_u(p: &Params, text: &mut TextBuf) -> Option<KeyEvent> {
    let (code, norm) = codepoint_key(p.get(0, 0)?)?;
    let (mods, kind) = mods_kind(p.param(1))?;
    let shifted = p.get(0, 1).and_then(char::from_u32);
    let base = p.get(0, 2).and_then(char::from_u32);
    let modifiers = mods | norm;
    let text = match kind {
        KeyKind::Release => TextRange::EMPTY,
        _ => match push_codepoints(p.param(2), text) {
            r if r.is_empty() => push_derived(code, modifiers, shifted, text),
            r => r,
        },
    };
    Some(KeyEvent {
        code,
        modifiers,
        kind,
        text,
        base_layout: base,
    })
}

/// xterm `modifyOtherKeys`: `CSI 27 ; mods ; code ~`.
pub(super) fn modify_other_keys(p: &Params, text: &mut TextBuf) -> Option<KeyEvent> {
    let (code, norm) = codepoint_key(p.get(2, 0)?)?;
    let (mods, kind) = mods_kind(p.param(1))?;
    let modifiers = mods | norm;
    let text = push_derived(code, modifiers, None, text);
    Some(
        KeyEvent::new(code, modifiers)
            .with_kind(kind)
            .with_text(text),
    )
}

/// Appends kitty's associated text (code points), skipping controls and
/// invalid code points.
fn push_codepoints(cps: &[Option<u32>], text: &mut TextBuf) -> TextRange {
    let start = text.len();
    for c in cps.iter().filter_map(|cp| char::from_u32((*cp)?)) {
        if !c.is_control() {
            text.push(c);
        }
    }
    text.range_from(start)
}

/// Appends the text a key types when the terminal did not send it: only for
/// text keys without Ctrl/Alt/Super/Hyper/Meta. With Shift, the shifted key
/// if reported, an uppercase ASCII letter, or nothing (unknown layout).
fn push_derived(
    code: KeyCode,
    mods: Modifiers,
    shifted: Option<char>,
    text: &mut TextBuf,
) -> TextRange {
    if mods.intersects(Modifiers::SHORTCUT) {
        return TextRange::EMPTY;
    }
    let c = match code {
        KeyCode::Char(c) => {
            let shift = mods.contains(Modifiers::SHIFT);
            let caps = mods.contains(Modifiers::CAPS_LOCK);
            if c.is_ascii_lowercase() {
                if shift != caps {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            } else if shift {
                match shifted {
                    Some(s) => s,
                    None => return TextRange::EMPTY,
                }
            } else {
                c
            }
        }
        KeyCode::Keypad(k) => match k.char() {
            Some(c) => c,
            None => return TextRange::EMPTY,
        },
        _ => return TextRange::EMPTY,
    };
    if c.is_control() {
        return TextRange::EMPTY;
    }
    let start = text.len();
    text.push(c);
    text.range_from(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::params::parse;

    fn u(seq: &str) -> Option<(KeyEvent, String)> {
        let c = format!("{seq}u");
        let mut t = TextBuf::default();
        let p = params_of(c.as_bytes());
        let k = decode_u(&p, &mut t)?;
        let s = t.as_str()[k.text.range()].to_string();
        Some((k, s))
    }

    fn params_of(seq: &[u8]) -> Params {
        let mut p = Params::new();
        parse(seq, &mut p).unwrap();
        p
    }

    #[test]
    fn plain_and_modified() {
        let (k, s) = u("97").unwrap();
        assert_eq!(
            (k.code, k.modifiers, s.as_str()),
            (KeyCode::Char('a'), Modifiers::NONE, "a")
        );
        let (k, s) = u("97;2").unwrap();
        assert_eq!((k.modifiers, s.as_str()), (Modifiers::SHIFT, "A"));
        let (k, s) = u("97;5").unwrap();
        assert_eq!((k.modifiers, s.as_str()), (Modifiers::CTRL, ""));
        let (k, s) = u("49;2").unwrap();
        assert_eq!((k.code, s.as_str()), (KeyCode::Char('1'), ""));
        let (_, s) = u("49:33;2").unwrap();
        assert_eq!(s, "!");
        let (k, s) = u("97;65").unwrap();
        assert_eq!((k.modifiers, s.as_str()), (Modifiers::CAPS_LOCK, "A"));
    }

    #[test]
    fn disambiguated_keys() {
        assert_eq!(u("13;2").unwrap().0.code, KeyCode::Enter);
        assert_eq!(u("13;2").unwrap().0.modifiers, Modifiers::SHIFT);
        assert_eq!(u("27").unwrap().0.code, KeyCode::Escape);
        assert_eq!(u("9;5").unwrap().0.code, KeyCode::Tab);
        let (k, _) = u("105;5").unwrap();
        assert_eq!((k.code, k.modifiers), (KeyCode::Char('i'), Modifiers::CTRL));
        assert_eq!(u("127").unwrap().0.code, KeyCode::Backspace);
        assert!(u("1").is_none());
        assert!(u("55296").is_none());
    }

    #[test]
    fn kinds_text_and_alternates() {
        let (k, s) = u("97;1:3").unwrap();
        assert_eq!((k.kind, s.as_str()), (KeyKind::Release, ""));
        let (k, s) = u("97;1:2").unwrap();
        assert_eq!((k.kind, s.as_str()), (KeyKind::Repeat, "a"));
        let (k, s) = u("1089::99;5").unwrap();
        assert_eq!(
            (k.code, k.base_layout, s.as_str()),
            (KeyCode::Char('с'), Some('c'), "")
        );
        let (_, s) = u("97;;104:105").unwrap();
        assert_eq!(s, "hi");
        let (_, s) = u("97;;1:104").unwrap();
        assert_eq!(s, "h");
        let (_, s) = u("97;;").unwrap();
        assert_eq!(s, "a");
        assert!(u("97;1:4").is_none());
        assert!(u("97;300").is_none());
    }

    #[test]
    fn functional_keys() {
        let (k, s) = u("57399").unwrap();
        assert_eq!(
            (k.code, s.as_str()),
            (KeyCode::Keypad(KeypadKey::Num0), "0")
        );
        assert_eq!(u("57376").unwrap().0.code, KeyCode::F(13));
        assert_eq!(u("57398").unwrap().0.code, KeyCode::F(35));
        assert_eq!(
            u("57441;2").unwrap().0.code,
            KeyCode::Modifier(ModifierKey::LeftShift)
        );
        assert_eq!(
            u("57430").unwrap().0.code,
            KeyCode::Media(MediaKey::PlayPause)
        );
        assert_eq!(u("57358").unwrap().0.code, KeyCode::CapsLock);
        assert_eq!(u("57363").unwrap().0.code, KeyCode::Menu);
        assert_eq!(
            u("57454").unwrap().0.code,
            KeyCode::Modifier(ModifierKey::IsoLevel5Shift)
        );
        assert_eq!(u("57455").unwrap().0.code, KeyCode::Char('\u{e06f}'));
    }

    #[test]
    fn modify_other_keys_form() {
        let p = params_of(b"27;5;105~");
        let mut t = TextBuf::default();
        let k = modify_other_keys(&p, &mut t).unwrap();
        assert_eq!((k.code, k.modifiers), (KeyCode::Char('i'), Modifiers::CTRL));
        let p = params_of(b"27;2;65~");
        let k = modify_other_keys(&p, &mut t).unwrap();
        assert_eq!(
            (k.code, k.modifiers),
            (KeyCode::Char('a'), Modifiers::SHIFT)
        );
        assert_eq!(&t.as_str()[k.text.range()], "A");
    }
}
