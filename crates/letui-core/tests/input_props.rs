//! Property tests of the input parser.
//!
//! - Any bytes (biased towards escape-sequence material): feeding them whole,
//!   split at arbitrary points or byte by byte gives the same events (after a
//!   final flush), nothing panics, and the number of events is bounded by the
//!   number of bytes.
//! - Valid event streams, encoded by a small encoder below, decode back to
//!   the same events however the bytes are split.

use letui_core::input::{
    DeviceAttributes, Event, KeyCode, KeyEvent, KeyKind, KeypadKey, MediaKey, ModeState,
    ModifierKey, Modifiers, MouseButton, MouseEvent, MouseKind, Parser, TextRange,
};
use proptest::prelude::*;

/// An event with its text resolved (ranges differ between runs).
#[derive(Debug, Clone, PartialEq)]
enum Owned {
    Event(Event, String),
    /// Consecutive typed-text keys merged (see `merge_typed`).
    Typed(String),
}

fn own(e: &Event, p: &Parser) -> Owned {
    match *e {
        Event::Key(mut k) => {
            let t = p.text_of(k.text).to_string();
            k.text = TextRange::EMPTY;
            Owned::Event(Event::Key(k), t)
        }
        Event::Paste { text, truncated } => Owned::Event(
            Event::Paste {
                text: TextRange::EMPTY,
                truncated,
            },
            p.text_of(text).to_string(),
        ),
        other => Owned::Event(other, String::new()),
    }
}

/// Feeds `bytes` cut at `cuts` (sorted offsets), then flushes and aborts.
fn decode(bytes: &[u8], cuts: &[usize], expect_cpr: usize) -> Vec<Owned> {
    let mut p = Parser::new();
    for _ in 0..expect_cpr {
        p.expect_cursor_position();
    }
    let mut got = Vec::new();
    let mut out = Vec::new();
    let mut start = 0;
    for &c in cuts.iter().chain([bytes.len()].iter()) {
        let c = c.clamp(start, bytes.len());
        out.clear();
        p.feed(&bytes[start..c], &mut out);
        got.extend(out.iter().map(|e| own(e, &p)));
        start = c;
    }
    out.clear();
    p.flush(&mut out);
    got.extend(out.iter().map(|e| own(e, &p)));
    out.clear();
    p.abort(&mut out);
    got.extend(out.iter().map(|e| own(e, &p)));
    assert!(!p.pending() && !p.awaiting_end());
    got
}

/// Merges runs of typed text (press with text, no shortcut modifier): a
/// grapheme cluster cut by a chunk boundary comes out as two keys.
fn merge_typed(events: Vec<Owned>) -> Vec<Owned> {
    let mut merged = Vec::new();
    let mut typed = String::new();
    for e in events {
        if let Owned::Event(Event::Key(k), t) = &e
            && k.kind == KeyKind::Press
            && !t.is_empty()
            && !k.modifiers.intersects(Modifiers::SHORTCUT)
        {
            typed.push_str(t);
            continue;
        }
        if !typed.is_empty() {
            merged.push(Owned::Typed(std::mem::take(&mut typed)));
        }
        merged.push(e);
    }
    if !typed.is_empty() {
        merged.push(Owned::Typed(typed));
    }
    merged
}

/// Pieces that make up biased random input.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    const FRAGMENTS: &[&[u8]] = &[
        b"\x1b",
        b"\x1b",
        b"\x1b",
        b"[",
        b"[",
        b"O",
        b"0",
        b"1",
        b"2",
        b"5",
        b"9",
        b"27",
        b"57441",
        b";",
        b";",
        b":",
        b"<",
        b"?",
        b"$",
        b"M",
        b"m",
        b"u",
        b"~",
        b"A",
        b"R",
        b"y",
        b"c",
        b"I",
        b"\x1b[",
        b"\x1b[<",
        b"\x1b[M",
        b"\x1b[200~",
        b"\x1b[201~",
        b"\x1b[20",
        b"\x1b]",
        b"\x1bP",
        b"\x1b_",
        b"\x07",
        b"\x1b\\",
        b"\r",
        b"\n",
        b"\x7f",
        b"\xc3",
        b"\xa9",
        b"\xe4",
        b"\xb8",
        b"\xf0",
        b"\x9f",
        b"\x80",
        b"\xff",
        "中".as_bytes(),
        "é".as_bytes(),
        b"\xcc\x81",
        b"a",
        b" ",
    ];
    prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ]
}

fn biased_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_split_gives_the_same_events(
        bytes in biased_bytes(),
        mut cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let whole = decode(&bytes, &[], 0);
        prop_assert!(whole.len() <= bytes.len() + 1, "{} events from {} bytes", whole.len(), bytes.len());
        let mut offsets: Vec<usize> = cuts.drain(..).map(|i| i.index(bytes.len() + 1)).collect();
        offsets.sort_unstable();
        let split = decode(&bytes, &offsets, 0);
        let whole = merge_typed(whole);
        prop_assert_eq!(&merge_typed(split), &whole);
        let every: Vec<usize> = (1..bytes.len()).collect();
        prop_assert_eq!(&merge_typed(decode(&bytes, &every, 0)), &whole);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let events = decode(&bytes, &[bytes.len() / 2], 2);
        prop_assert!(events.len() <= bytes.len() + 1);
    }

    #[test]
    fn encoded_events_round_trip(
        gens in prop::collection::vec(gen_event(), 0..40),
        mut cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
    ) {
        let mut bytes = Vec::new();
        let mut want = Vec::new();
        let mut cprs = 0;
        for g in &gens {
            let (b, e, t) = encode(g);
            bytes.extend_from_slice(&b);
            want.push(Owned::Event(e, t));
            cprs += usize::from(matches!(g, Gen::Cpr(..)));
        }
        prop_assert_eq!(&decode(&bytes, &[], cprs), &want, "{:?}", String::from_utf8_lossy(&bytes));
        let mut offsets: Vec<usize> = cuts.drain(..).map(|i| i.index(bytes.len() + 1)).collect();
        offsets.sort_unstable();
        prop_assert_eq!(&decode(&bytes, &offsets, cprs), &want);
    }
}

// ---- a small encoder of valid input ----

/// An event to encode.
#[derive(Debug, Clone)]
enum Gen {
    Typed(char),
    CtrlLetter(u8),
    AltChar(char),
    Legacy(usize, u8),
    Kitty(u32, u8, KeyKind),
    Mouse(usize, u8, u16, u16),
    Paste(String),
    Focus(bool),
    Cpr(u16, u16),
    Da1(u16, Vec<u8>),
    Flags(u8),
    Mode(u16, u8),
}

/// Characters that never join a neighbour into one grapheme cluster.
fn typed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        (0x20u32..0x7f).prop_map(|c| char::from_u32(c).unwrap_or('a')),
        (0xc0u32..0x100).prop_map(|c| char::from_u32(c).unwrap_or('a')),
        (0x4e00u32..0xa000).prop_map(|c| char::from_u32(c).unwrap_or('a')),
        (0xac00u32..0xd7a4).prop_map(|c| char::from_u32(c).unwrap_or('a')),
        (0x1f600u32..0x1f650).prop_map(|c| char::from_u32(c).unwrap_or('a')),
    ]
}

/// Legacy keys: code, CSI number (0 for letter finals), final byte.
const LEGACY: &[(KeyCode, u8, u8)] = &[
    (KeyCode::Up, 1, b'A'),
    (KeyCode::Down, 1, b'B'),
    (KeyCode::Right, 1, b'C'),
    (KeyCode::Left, 1, b'D'),
    (KeyCode::Home, 1, b'H'),
    (KeyCode::End, 1, b'F'),
    (KeyCode::F(1), 1, b'P'),
    (KeyCode::F(2), 1, b'Q'),
    (KeyCode::F(4), 1, b'S'),
    (KeyCode::Insert, 2, b'~'),
    (KeyCode::Delete, 3, b'~'),
    (KeyCode::PageUp, 5, b'~'),
    (KeyCode::PageDown, 6, b'~'),
    (KeyCode::F(3), 13, b'~'),
    (KeyCode::F(5), 15, b'~'),
    (KeyCode::F(6), 17, b'~'),
    (KeyCode::F(10), 21, b'~'),
    (KeyCode::F(12), 24, b'~'),
];

/// kitty key code points and their keys.
const KITTY_FUNCTIONAL: &[(u32, KeyCode)] = &[
    (13, KeyCode::Enter),
    (9, KeyCode::Tab),
    (27, KeyCode::Escape),
    (127, KeyCode::Backspace),
    (57358, KeyCode::CapsLock),
    (57376, KeyCode::F(13)),
    (57399, KeyCode::Keypad(KeypadKey::Num0)),
    (57414, KeyCode::Keypad(KeypadKey::Enter)),
    (57428, KeyCode::Media(MediaKey::Play)),
    (57441, KeyCode::Modifier(ModifierKey::LeftShift)),
];

const MOUSE: &[(MouseButton, MouseKind, u32)] = &[
    (MouseButton::Left, MouseKind::Down, 0),
    (MouseButton::Middle, MouseKind::Down, 1),
    (MouseButton::Right, MouseKind::Up, 2),
    (MouseButton::Left, MouseKind::Drag, 32),
    (MouseButton::None, MouseKind::Move, 35),
    (MouseButton::WheelUp, MouseKind::Wheel, 64),
    (MouseButton::WheelDown, MouseKind::Wheel, 65),
    (MouseButton::WheelLeft, MouseKind::Wheel, 66),
    (MouseButton::WheelRight, MouseKind::Wheel, 67),
    (MouseButton::Back, MouseKind::Down, 128),
    (MouseButton::Forward, MouseKind::Up, 129),
];

fn gen_event() -> impl Strategy<Value = Gen> {
    let kind = prop_oneof![
        Just(KeyKind::Press),
        Just(KeyKind::Repeat),
        Just(KeyKind::Release)
    ];
    let kitty_cp = prop_oneof![
        (b'a'..=b'z').prop_map(u32::from),
        (b'0'..=b'9').prop_map(u32::from),
        Just('é' as u32),
        Just('ж' as u32),
        prop::sample::select(KITTY_FUNCTIONAL).prop_map(|(cp, _)| cp),
    ];
    let paste = prop::collection::vec(
        prop_oneof![
            typed_char(),
            Just('\n'),
            Just('\t'),
            Just('\x1b'),
            Just('['),
            Just('2'),
            Just('~')
        ],
        0..30,
    )
    .prop_map(|v| v.into_iter().collect::<String>().replace("\x1b[201~", "x"));
    prop_oneof![
        8 => typed_char().prop_map(Gen::Typed),
        2 => (b'a'..=b'z')
            .prop_filter("not Backspace/Tab/Enter", |c| !b"him".contains(c))
            .prop_map(Gen::CtrlLetter),
        2 => prop_oneof![(b'a'..=b'z'), (b'0'..=b'9')].prop_map(|c| Gen::AltChar(char::from(c))),
        3 => (0..LEGACY.len(), 0u8..16).prop_map(|(k, m)| Gen::Legacy(k, m)),
        3 => (kitty_cp, any::<u8>(), kind).prop_map(|(c, m, k)| Gen::Kitty(c, m, k)),
        3 => (0..MOUSE.len(), 0u8..8, 0u16..2000, 0u16..2000)
            .prop_map(|(b, m, x, y)| Gen::Mouse(b, m, x, y)),
        1 => paste.prop_map(Gen::Paste),
        1 => any::<bool>().prop_map(Gen::Focus),
        1 => (0u16..500, 0u16..500).prop_map(|(r, c)| Gen::Cpr(r, c)),
        1 => (1u16..100, prop::collection::vec(0u8..64, 0..6)).prop_map(|(c, a)| Gen::Da1(c, a)),
        1 => any::<u8>().prop_map(Gen::Flags),
        1 => (0u16..10000, 0u8..5).prop_map(|(m, v)| Gen::Mode(m, v)),
    ]
}

fn key(code: KeyCode, mods: Modifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

/// The wire bytes of a generated event, the event expected back, its text.
fn encode(g: &Gen) -> (Vec<u8>, Event, String) {
    match g {
        Gen::Typed(c) => {
            let (code, mods) = if c.is_ascii_uppercase() {
                (KeyCode::Char(c.to_ascii_lowercase()), Modifiers::SHIFT)
            } else {
                (KeyCode::Char(*c), Modifiers::NONE)
            };
            (
                c.to_string().into_bytes(),
                Event::Key(key(code, mods)),
                c.to_string(),
            )
        }
        Gen::CtrlLetter(c) => (
            vec![c - b'a' + 1],
            Event::Key(key(KeyCode::Char(char::from(*c)), Modifiers::CTRL)),
            String::new(),
        ),
        Gen::AltChar(c) => (
            format!("\x1b{c}").into_bytes(),
            Event::Key(key(KeyCode::Char(*c), Modifiers::ALT)),
            String::new(),
        ),
        Gen::Legacy(i, bits) => {
            let (code, n, fin) = LEGACY[*i];
            let fin = char::from(fin);
            let bytes = match (bits, fin) {
                (0, '~') => format!("\x1b[{n}~"),
                (0, 'P' | 'Q' | 'S') => format!("\x1bO{fin}"),
                (0, _) => format!("\x1b[{fin}"),
                (m, _) => format!("\x1b[{n};{}{fin}", m + 1),
            };
            let mods = Modifiers::from_bits(*bits);
            (
                bytes.into_bytes(),
                Event::Key(key(code, mods)),
                String::new(),
            )
        }
        Gen::Kitty(cp, bits, kind) => {
            let mods = Modifiers::from_bits(*bits);
            let code = KITTY_FUNCTIONAL
                .iter()
                .find(|(c, _)| c == cp)
                .map(|(_, k)| *k)
                .unwrap_or_else(|| KeyCode::Char(char::from_u32(*cp).unwrap_or('a')));
            let shortcut = mods.intersects(Modifiers::SHORTCUT);
            let kind_param = match kind {
                KeyKind::Press => String::new(),
                KeyKind::Repeat => ":2".into(),
                KeyKind::Release => ":3".into(),
            };
            let mut bytes = format!("\x1b[{cp};{}{kind_param}", u32::from(*bits) + 1);
            let mut text = String::new();
            if *kind != KeyKind::Release && !shortcut {
                match code {
                    KeyCode::Char(c) => {
                        // Send the text explicitly (flag 16), as typed.
                        let t = if mods.contains(Modifiers::SHIFT) {
                            c.to_uppercase().collect()
                        } else {
                            c.to_string()
                        };
                        let cps: Vec<String> = t.chars().map(|c| (c as u32).to_string()).collect();
                        bytes += &format!(";{}", cps.join(":"));
                        text = t;
                    }
                    KeyCode::Keypad(KeypadKey::Num0) => text = "0".into(),
                    _ => {}
                }
            }
            bytes.push('u');
            let k = key(code, mods).with_kind(*kind);
            (bytes.into_bytes(), Event::Key(k), text)
        }
        Gen::Mouse(i, m, x, y) => {
            let (button, kind, cb) = MOUSE[*i];
            let cb = cb | u32::from(*m) << 2;
            let fin = if kind == MouseKind::Up { 'm' } else { 'M' };
            let bytes = format!("\x1b[<{cb};{};{}{fin}", x + 1, y + 1);
            let mut modifiers = Modifiers::NONE;
            for (bit, m2) in [
                (1, Modifiers::SHIFT),
                (2, Modifiers::ALT),
                (4, Modifiers::CTRL),
            ] {
                if m & bit != 0 {
                    modifiers |= m2;
                }
            }
            let e = Event::Mouse(MouseEvent {
                x: *x,
                y: *y,
                button,
                kind,
                modifiers,
            });
            (bytes.into_bytes(), e, String::new())
        }
        Gen::Paste(s) => (
            format!("\x1b[200~{s}\x1b[201~").into_bytes(),
            Event::Paste {
                text: TextRange::EMPTY,
                truncated: false,
            },
            s.clone(),
        ),
        Gen::Focus(f) => (
            if *f {
                b"\x1b[I".to_vec()
            } else {
                b"\x1b[O".to_vec()
            },
            Event::Focus(*f),
            String::new(),
        ),
        Gen::Cpr(r, c) => (
            format!("\x1b[{};{}R", r + 1, c + 1).into_bytes(),
            Event::CursorPosition { row: *r, col: *c },
            String::new(),
        ),
        Gen::Da1(class, attrs) => {
            let mut s = format!("\x1b[?{class}");
            let mut da = DeviceAttributes::new(*class, 0);
            for a in attrs {
                s += &format!(";{a}");
                da.set(u32::from(*a));
            }
            s.push('c');
            (
                s.into_bytes(),
                Event::PrimaryDeviceAttributes(da),
                String::new(),
            )
        }
        Gen::Flags(f) => (
            format!("\x1b[?{f}u").into_bytes(),
            Event::KeyboardFlags(*f),
            String::new(),
        ),
        Gen::Mode(m, v) => (
            format!("\x1b[?{m};{v}$y").into_bytes(),
            Event::ModeReport {
                mode: *m,
                private: true,
                state: ModeState::from_value(u32::from(*v)).unwrap_or(ModeState::NotRecognized),
            },
            String::new(),
        ),
    }
}

#[test]
fn merge_typed_merges_only_text() {
    let k = |c| {
        Owned::Event(
            Event::Key(KeyEvent::new(KeyCode::Char(c), Modifiers::NONE)),
            c.to_string(),
        )
    };
    let ctrl = Owned::Event(
        Event::Key(KeyEvent::new(KeyCode::Char('c'), Modifiers::CTRL)),
        String::new(),
    );
    let merged = merge_typed(vec![k('a'), k('b'), ctrl.clone(), k('c')]);
    assert_eq!(
        merged,
        vec![Owned::Typed("ab".into()), ctrl, Owned::Typed("c".into())]
    );
}
