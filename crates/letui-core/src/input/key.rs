//! Keys: which key, with which modifiers, pressed or released, typing what.

use std::fmt;
use std::ops::Deref;

use super::event::TextRange;
use super::modifiers::Modifiers;

/// Which key an event is about.
///
/// Text keys are [`KeyCode::Char`]; the others are named. The parser
/// normalises an ASCII capital letter to its lowercase `Char` plus
/// [`Modifiers::SHIFT`] (so legacy `A` and kitty's `CSI 97;2u` agree); other
/// shifted characters stay as typed in legacy encodings (`!`), while kitty
/// reports the unshifted key (`1` + shift). `BackTab` is `Tab` + shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A key that types a character; for a multi-character grapheme cluster
    /// typed at once (IME, emoji), its first character.
    Char(char),
    /// Enter (Return).
    Enter,
    /// Tab; Shift+Tab is `Tab` with [`Modifiers::SHIFT`].
    Tab,
    /// Backspace.
    Backspace,
    /// Escape.
    Escape,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Insert.
    Insert,
    /// Delete (forward delete).
    Delete,
    /// A function key, `F(1)` to `F(35)`.
    F(u8),
    /// Caps Lock (kitty).
    CapsLock,
    /// Scroll Lock (kitty).
    ScrollLock,
    /// Num Lock (kitty).
    NumLock,
    /// Print Screen (kitty).
    PrintScreen,
    /// Pause (kitty).
    Pause,
    /// Menu (kitty).
    Menu,
    /// A key of the numeric keypad (kitty, or application keypad mode).
    Keypad(KeypadKey),
    /// A media key (kitty).
    Media(MediaKey),
    /// A modifier key pressed on its own (kitty, with "report all keys").
    Modifier(ModifierKey),
}

/// A key of the numeric keypad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum KeypadKey {
    Num0,
    Num1,
    Num2,
    Num3,
    Num4,
    Num5,
    Num6,
    Num7,
    Num8,
    Num9,
    Decimal,
    Divide,
    Multiply,
    Subtract,
    Add,
    Enter,
    Equal,
    Separator,
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Insert,
    Delete,
    /// The middle key (5) with Num Lock off.
    Begin,
}

/// A media key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum MediaKey {
    Play,
    Pause,
    PlayPause,
    Reverse,
    Stop,
    FastForward,
    Rewind,
    TrackNext,
    TrackPrevious,
    Record,
    LowerVolume,
    RaiseVolume,
    MuteVolume,
}

/// A modifier key reported as a key of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum ModifierKey {
    LeftShift,
    LeftCtrl,
    LeftAlt,
    LeftSuper,
    LeftHyper,
    LeftMeta,
    RightShift,
    RightCtrl,
    RightAlt,
    RightSuper,
    RightHyper,
    RightMeta,
    IsoLevel3Shift,
    IsoLevel5Shift,
}

/// Whether a key went down, repeats or went up.
///
/// Only the kitty protocol (with its "report event types" flag) reports
/// `Repeat` and `Release`; every legacy key is a `Press`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum KeyKind {
    /// The key went down.
    #[default]
    Press,
    /// The key is held and auto-repeats.
    Repeat,
    /// The key went up.
    Release,
}

/// One key event.
///
/// `text` is a range into the parser's text buffer ([`Parser::text`]) of
/// the text the key types: the character (or grapheme cluster) for a text
/// key without Ctrl/Alt/Super/Hyper/Meta, kitty's associated text when sent,
/// and empty otherwise (named keys, shortcuts, releases).
///
/// [`Parser::text`]: super::Parser::text
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyEvent {
    /// Which key.
    pub code: KeyCode,
    /// Modifiers held (and, with kitty, lock states).
    pub modifiers: Modifiers,
    /// Press, repeat or release.
    pub kind: KeyKind,
    /// The text typed, in the parser's text buffer; empty if none.
    pub text: TextRange,
    /// kitty "report alternate keys": the key at the same place in the US
    /// layout (`c` for Cyrillic `с`), to match shortcuts across layouts.
    pub base_layout: Option<char>,
}

impl KeyEvent {
    /// A press of `code` with `modifiers`, typing no text.
    ///
    /// Use the `with_*` methods for the other fields.
    #[inline]
    pub const fn new(code: KeyCode, modifiers: Modifiers) -> Self {
        Self {
            code,
            modifiers,
            kind: KeyKind::Press,
            text: TextRange::EMPTY,
            base_layout: None,
        }
    }

    /// The same event with another kind.
    ///
    /// Chains after [`KeyEvent::new`].
    #[inline]
    pub const fn with_kind(mut self, kind: KeyKind) -> Self {
        self.kind = kind;
        self
    }

    /// The same event with another text range.
    ///
    /// Chains after [`KeyEvent::new`].
    #[inline]
    pub const fn with_text(mut self, text: TextRange) -> Self {
        self.text = text;
        self
    }

    /// The same event with a base layout key.
    ///
    /// Chains after [`KeyEvent::new`].
    #[inline]
    pub const fn with_base_layout(mut self, base: char) -> Self {
        self.base_layout = Some(base);
        self
    }
}

impl fmt::Display for KeyEvent {
    /// Writes the shortcut name: modifiers (without lock states) then the
    /// key name, joined by `+`, e.g. `ctrl+shift+a`, `alt+enter`, `space`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mods = self.modifiers & (Modifiers::SHORTCUT | Modifiers::SHIFT);
        if !mods.is_empty() {
            write!(f, "{mods}+")?;
        }
        f.write_str(&self.code.name())
    }
}

impl KeyCode {
    /// The key's stable lowercase name.
    ///
    /// Named keys have fixed names (`enter`, `pageup`, `f5`, `kp0`,
    /// `mediaplaypause`, `leftshift`); `Char(' ')` is `space`; another
    /// `Char` is the character itself, lowercased when that gives one
    /// character.
    ///
    /// # Examples
    /// ```
    /// use letui_core::input::KeyCode;
    /// assert_eq!(KeyCode::PageUp.name(), "pageup");
    /// assert_eq!(KeyCode::F(5).name(), "f5");
    /// assert_eq!(KeyCode::Char(' ').name(), "space");
    /// assert_eq!(KeyCode::Char('A').name(), "a");
    /// assert_eq!(KeyCode::Char('中').name(), "中");
    /// ```
    pub fn name(&self) -> KeyName {
        let s = match *self {
            Self::Char(' ') => "space",
            Self::Char(c) => return KeyName::from_char(lowercase(c)),
            Self::Enter => "enter",
            Self::Tab => "tab",
            Self::Backspace => "backspace",
            Self::Escape => "escape",
            Self::Up => "up",
            Self::Down => "down",
            Self::Left => "left",
            Self::Right => "right",
            Self::Home => "home",
            Self::End => "end",
            Self::PageUp => "pageup",
            Self::PageDown => "pagedown",
            Self::Insert => "insert",
            Self::Delete => "delete",
            Self::F(n) => F_NAMES.get(usize::from(n)).copied().unwrap_or("f"),
            Self::CapsLock => "capslock",
            Self::ScrollLock => "scrolllock",
            Self::NumLock => "numlock",
            Self::PrintScreen => "printscreen",
            Self::Pause => "pause",
            Self::Menu => "menu",
            Self::Keypad(k) => k.name(),
            Self::Media(k) => k.name(),
            Self::Modifier(k) => k.name(),
        };
        KeyName(Repr::Static(s))
    }
}

impl fmt::Display for KeyCode {
    /// Writes [`KeyCode::name`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// `c` lowercased if that is one character, else `c`.
fn lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

const F_NAMES: [&str; 36] = [
    "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12", "f13", "f14",
    "f15", "f16", "f17", "f18", "f19", "f20", "f21", "f22", "f23", "f24", "f25", "f26", "f27",
    "f28", "f29", "f30", "f31", "f32", "f33", "f34", "f35",
];

impl KeypadKey {
    fn name(self) -> &'static str {
        match self {
            Self::Num0 => "kp0",
            Self::Num1 => "kp1",
            Self::Num2 => "kp2",
            Self::Num3 => "kp3",
            Self::Num4 => "kp4",
            Self::Num5 => "kp5",
            Self::Num6 => "kp6",
            Self::Num7 => "kp7",
            Self::Num8 => "kp8",
            Self::Num9 => "kp9",
            Self::Decimal => "kpdecimal",
            Self::Divide => "kpdivide",
            Self::Multiply => "kpmultiply",
            Self::Subtract => "kpsubtract",
            Self::Add => "kpadd",
            Self::Enter => "kpenter",
            Self::Equal => "kpequal",
            Self::Separator => "kpseparator",
            Self::Left => "kpleft",
            Self::Right => "kpright",
            Self::Up => "kpup",
            Self::Down => "kpdown",
            Self::PageUp => "kppageup",
            Self::PageDown => "kppagedown",
            Self::Home => "kphome",
            Self::End => "kpend",
            Self::Insert => "kpinsert",
            Self::Delete => "kpdelete",
            Self::Begin => "kpbegin",
        }
    }

    /// The character the key types with Num Lock on, if any.
    ///
    /// Digits, `.`, `/`, `*`, `-`, `+`, `=` and `,`.
    pub fn char(self) -> Option<char> {
        Some(match self {
            Self::Num0 => '0',
            Self::Num1 => '1',
            Self::Num2 => '2',
            Self::Num3 => '3',
            Self::Num4 => '4',
            Self::Num5 => '5',
            Self::Num6 => '6',
            Self::Num7 => '7',
            Self::Num8 => '8',
            Self::Num9 => '9',
            Self::Decimal => '.',
            Self::Divide => '/',
            Self::Multiply => '*',
            Self::Subtract => '-',
            Self::Add => '+',
            Self::Equal => '=',
            Self::Separator => ',',
            _ => return None,
        })
    }
}

impl MediaKey {
    fn name(self) -> &'static str {
        match self {
            Self::Play => "mediaplay",
            Self::Pause => "mediapause",
            Self::PlayPause => "mediaplaypause",
            Self::Reverse => "mediareverse",
            Self::Stop => "mediastop",
            Self::FastForward => "mediafastforward",
            Self::Rewind => "mediarewind",
            Self::TrackNext => "medianext",
            Self::TrackPrevious => "mediaprevious",
            Self::Record => "mediarecord",
            Self::LowerVolume => "volumedown",
            Self::RaiseVolume => "volumeup",
            Self::MuteVolume => "volumemute",
        }
    }
}

impl ModifierKey {
    fn name(self) -> &'static str {
        match self {
            Self::LeftShift => "leftshift",
            Self::LeftCtrl => "leftctrl",
            Self::LeftAlt => "leftalt",
            Self::LeftSuper => "leftsuper",
            Self::LeftHyper => "lefthyper",
            Self::LeftMeta => "leftmeta",
            Self::RightShift => "rightshift",
            Self::RightCtrl => "rightctrl",
            Self::RightAlt => "rightalt",
            Self::RightSuper => "rightsuper",
            Self::RightHyper => "righthyper",
            Self::RightMeta => "rightmeta",
            Self::IsoLevel3Shift => "isolevel3shift",
            Self::IsoLevel5Shift => "isolevel5shift",
        }
    }
}

/// A key name, as returned by [`KeyCode::name`]; dereferences to `&str`.
///
/// Holds a static string or one inline character, so naming a key never
/// allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyName(Repr);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Repr {
    Static(&'static str),
    Inline([u8; 4], u8),
}

impl KeyName {
    fn from_char(c: char) -> Self {
        let mut buf = [0; 4];
        let len = c.encode_utf8(&mut buf).len() as u8;
        Self(Repr::Inline(buf, len))
    }

    /// The name as a string slice.
    ///
    /// Same as dereferencing.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(s) => s,
            Repr::Inline(buf, len) => {
                std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or("\u{fffd}")
            }
        }
    }
}

impl Deref for KeyName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for KeyName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for KeyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The keypad digit keys, 0 to 9.
pub(super) const KEYPAD_DIGITS: [KeypadKey; 10] = [
    KeypadKey::Num0,
    KeypadKey::Num1,
    KeypadKey::Num2,
    KeypadKey::Num3,
    KeypadKey::Num4,
    KeypadKey::Num5,
    KeypadKey::Num6,
    KeypadKey::Num7,
    KeypadKey::Num8,
    KeypadKey::Num9,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(KeyCode::Char('a').name(), "a");
        assert_eq!(KeyCode::Char('Z').name(), "z");
        assert_eq!(KeyCode::Char('Σ').name(), "σ");
        assert_eq!(KeyCode::Char('İ').name(), "İ");
        assert_eq!(KeyCode::Char(' ').name(), "space");
        assert_eq!(KeyCode::Char('😀').name(), "😀");
        assert_eq!(KeyCode::Enter.name(), "enter");
        assert_eq!(KeyCode::F(12).name(), "f12");
        assert_eq!(KeyCode::F(35).name(), "f35");
        assert_eq!(KeyCode::F(200).name(), "f");
        assert_eq!(KeyCode::Keypad(KeypadKey::Num7).name(), "kp7");
        assert_eq!(KeyCode::Media(MediaKey::PlayPause).name(), "mediaplaypause");
        assert_eq!(KeyCode::Modifier(ModifierKey::RightAlt).name(), "rightalt");
        assert_eq!(KeyCode::PageDown.to_string(), "pagedown");
    }

    #[test]
    fn event_display_is_a_shortcut_name() {
        let k = KeyEvent::new(KeyCode::Char('a'), Modifiers::CTRL | Modifiers::SHIFT);
        assert_eq!(k.to_string(), "ctrl+shift+a");
        let k = KeyEvent::new(KeyCode::Enter, Modifiers::ALT | Modifiers::NUM_LOCK);
        assert_eq!(k.to_string(), "alt+enter");
        assert_eq!(
            KeyEvent::new(KeyCode::Char(' '), Modifiers::NONE).to_string(),
            "space"
        );
    }

    #[test]
    fn builders() {
        let k = KeyEvent::new(KeyCode::Up, Modifiers::NONE)
            .with_kind(KeyKind::Release)
            .with_text(TextRange::new(1, 2))
            .with_base_layout('c');
        assert_eq!(k.kind, KeyKind::Release);
        assert_eq!(k.text, TextRange::new(1, 2));
        assert_eq!(k.base_layout, Some('c'));
    }

    #[test]
    fn keypad_chars() {
        assert_eq!(KeypadKey::Num5.char(), Some('5'));
        assert_eq!(KeypadKey::Separator.char(), Some(','));
        assert_eq!(KeypadKey::Begin.char(), None);
    }
}
