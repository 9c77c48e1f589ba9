//! The parser's text buffer, and typed text turned into key events.

use unicode_segmentation::UnicodeSegmentation;

use super::event::{Event, TextRange};
use super::key::{KeyCode, KeyEvent, KeyKind};
use super::modifiers::Modifiers;

/// Text of the events of one call; ranges are `u32`, so it never grows past
/// `u32::MAX` bytes (text that would is dropped: its range is empty).
#[derive(Debug, Default)]
pub(super) struct TextBuf {
    s: String,
}

impl TextBuf {
    /// Empties the buffer, keeping its capacity.
    #[inline]
    pub(super) fn clear(&mut self) {
        self.s.clear();
    }

    /// The text.
    #[inline]
    pub(super) fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in bytes.
    #[inline]
    pub(super) fn len(&self) -> usize {
        self.s.len()
    }

    /// True if `extra` more bytes keep every offset within `u32`.
    #[inline]
    pub(super) fn fits(&self, extra: usize) -> bool {
        self.s.len().saturating_add(extra) <= u32::MAX as usize
    }

    /// Direct access for decoders; they must check [`TextBuf::fits`] first.
    #[inline]
    pub(super) fn string_mut(&mut self) -> &mut String {
        &mut self.s
    }

    /// Appends a character (if it fits).
    #[inline]
    pub(super) fn push(&mut self, c: char) {
        if self.fits(4) {
            self.s.push(c);
        }
    }

    /// The range from byte `start` to the end.
    #[inline]
    pub(super) fn range_from(&self, start: usize) -> TextRange {
        let end = self.s.len();
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(s), Ok(e)) if s <= e => TextRange::new(s, e - s),
            _ => TextRange::EMPTY,
        }
    }
}

/// True for C1 control characters, which are never typed text.
#[inline]
fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// The key code and modifiers for a typed character: an ASCII capital is its
/// lowercase letter plus Shift.
#[inline]
pub(super) fn char_key(c: char) -> (KeyCode, Modifiers) {
    if c.is_ascii_uppercase() {
        (KeyCode::Char(c.to_ascii_lowercase()), Modifiers::SHIFT)
    } else {
        (KeyCode::Char(c), Modifiers::NONE)
    }
}

/// Emits one key event per grapheme cluster of `text[start..]`.
///
/// Each event's text is its cluster. Clusters that start with a C1 control
/// are dropped. ASCII takes a fast path: a boundary always falls between two
/// ASCII bytes (no ASCII character extends a cluster, and only CR LF joins
/// two of them, which never reach a run), so only the stretches around
/// non-ASCII characters go through grapheme segmentation.
pub(super) fn emit_keys(text: &TextBuf, start: usize, out: &mut Vec<Event>) {
    let Some(run) = text.as_str().get(start..) else {
        return;
    };
    let bytes = run.as_bytes();
    out.reserve(bytes.len());
    let base = start as u32;
    if run.is_ascii() {
        push_ascii(bytes, base, out);
    } else {
        emit_clusters(run, base, out);
    }
}

#[inline]
fn push_ascii(bytes: &[u8], base: u32, out: &mut Vec<Event>) {
    // `extend` over an exact-size iterator writes without per-event checks.
    out.extend(
        bytes
            .iter()
            .enumerate()
            .map(|(i, &b)| ascii_key(b, base + i as u32)),
    );
}

/// The key event of a typed ASCII byte at `at` in the buffer.
#[inline]
fn ascii_key(b: u8, at: u32) -> Event {
    let (code, modifiers) = char_key(char::from(b));
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyKind::Press,
        text: TextRange::new(at, 1),
        base_layout: None,
    })
}

/// Emits one key per grapheme cluster of `s`, found at `base` in the buffer.
/// True when the text at the start of `rest` is a character that never
/// joins the one before it into a cluster: printable ASCII or U+FFFD
/// (grapheme break property Other, and not Prepend), or the end of text.
#[inline]
fn starts_alone(rest: &[u8]) -> bool {
    match rest.first() {
        None => true,
        Some(&b) if b < 0x80 => (0x20..0x7f).contains(&b),
        Some(&0xef) => rest.starts_with("\u{fffd}".as_bytes()),
        Some(_) => false,
    }
}

fn emit_clusters(s: &str, base: u32, out: &mut Vec<Event>) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // `i` is a cluster boundary. When the character there and the one
        // after it both stand alone, the cluster is that one character:
        // no segmenter needed (typed ASCII, and garbage, are mostly this).
        let b = bytes[i];
        let first = if b < 0x80 {
            char::from(b)
        } else if b == 0xef && bytes[i..].starts_with("\u{fffd}".as_bytes()) {
            '\u{fffd}'
        } else {
            s[i..].chars().next().unwrap_or('\u{fffd}')
        };
        let flen = first.len_utf8();
        let len = if starts_alone(&bytes[i..]) && starts_alone(&bytes[i + flen..]) {
            flen
        } else {
            s[i..].graphemes(true).next().map_or(flen, str::len)
        };
        if !is_c1(first) {
            let (code, modifiers) = char_key(first);
            out.push(Event::Key(
                KeyEvent::new(code, modifiers)
                    .with_text(TextRange::new(base + i as u32, len as u32)),
            ));
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<(KeyCode, Modifiers, String)> {
        let mut t = TextBuf::default();
        t.string_mut().push_str("xx");
        t.string_mut().push_str(s);
        let mut out = Vec::new();
        emit_keys(&t, 2, &mut out);
        out.iter()
            .map(|e| match e {
                Event::Key(k) => (k.code, k.modifiers, t.as_str()[k.text.range()].to_string()),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn ascii_per_byte_with_shift_for_capitals() {
        let k = keys("aB ");
        assert_eq!(k.len(), 3);
        assert_eq!(k[0], (KeyCode::Char('a'), Modifiers::NONE, "a".into()));
        assert_eq!(k[1], (KeyCode::Char('b'), Modifiers::SHIFT, "B".into()));
        assert_eq!(k[2], (KeyCode::Char(' '), Modifiers::NONE, " ".into()));
    }

    #[test]
    fn clusters() {
        let k = keys("e\u{301}中👍🏽\u{85}x");
        assert_eq!(k.len(), 4);
        assert_eq!(k[0].0, KeyCode::Char('e'));
        assert_eq!(k[0].2, "e\u{301}");
        assert_eq!(k[1].2, "中");
        assert_eq!(k[2].0, KeyCode::Char('👍'));
        assert_eq!(k[2].2, "👍🏽");
        assert_eq!(k[3].2, "x");
    }

    #[test]
    fn ascii_next_to_non_ascii() {
        let k = keys("ab\u{301}c中d");
        let texts: Vec<&str> = k.iter().map(|k| k.2.as_str()).collect();
        assert_eq!(texts, ["a", "b\u{301}", "c", "中", "d"]);
        // A prepended mark joins the ASCII letter after it.
        let k = keys("x\u{600}1y");
        let texts: Vec<&str> = k.iter().map(|k| k.2.as_str()).collect();
        assert_eq!(texts, ["x", "\u{600}1", "y"]);
    }

    #[test]
    fn range_from() {
        let mut t = TextBuf::default();
        t.push('a');
        t.push('é');
        assert_eq!(t.range_from(1), TextRange::new(1, 2));
        assert_eq!(t.range_from(9), TextRange::EMPTY);
        assert!(t.fits(10));
        assert_eq!(t.len(), 3);
    }
}
