//! The parser's ground state: typed text, control bytes, and emitting
//! events (see the contract at the top of `parser.rs`).

use super::event::Event;
use super::key::{KeyCode, KeyEvent};
use super::modifiers::Modifiers;
use super::parser::{Parser, State};
use super::text::{self, char_key};
use super::utf8::{REPLACEMENT, Step, push_lossy};

impl Parser {
    /// Ground state from `bytes[i]`; returns the next index.
    pub(super) fn ground(&mut self, bytes: &[u8], i: usize, out: &mut Vec<Event>) -> usize {
        let b = bytes[i];
        if self.utf8.is_active() {
            return match self.utf8.push(b) {
                Step::More => i + 1,
                Step::Done(c) => {
                    self.typed(c, out);
                    i + 1
                }
                Step::Invalid => {
                    self.typed(REPLACEMENT, out);
                    i
                }
            };
        }
        if b < 0x20 || b == 0x7f {
            self.end_run(out);
            self.control(b, out);
            return i + 1;
        }
        if self.alt {
            if b < 0x80 {
                self.typed(char::from(b), out);
            } else if !self.utf8.start(b) {
                self.typed(REPLACEMENT, out);
            }
            return i + 1;
        }
        // A run of text: everything up to the next control byte.
        let rest = &bytes[i..];
        let n = rest
            .iter()
            .position(|&b| b < 0x20 || b == 0x7f)
            .unwrap_or(rest.len());
        let run = &rest[..n];
        if self.text.fits(run.len().saturating_mul(3)) {
            self.run_start.get_or_insert(self.text.len());
            let tail = push_lossy(run, self.text.string_mut());
            if tail > 0 {
                if i + n == bytes.len() {
                    self.utf8.set(&run[n - tail..]);
                } else {
                    self.text.push(REPLACEMENT);
                }
            }
        }
        i + n
    }

    /// A character typed in the ground state.
    pub(super) fn typed(&mut self, c: char, out: &mut Vec<Event>) {
        if self.alt {
            if ('\u{80}'..='\u{9f}').contains(&c) {
                self.alt = false;
                return;
            }
            let (code, mods) = char_key(c);
            self.key(KeyEvent::new(code, mods), out);
        } else {
            self.run_start.get_or_insert(self.text.len());
            self.text.push(c);
        }
    }

    /// A C0 control byte or DEL in the ground state.
    pub(super) fn control(&mut self, b: u8, out: &mut Vec<Event>) {
        let (code, mods) = match b {
            0x1b => {
                self.alt = false;
                self.state = State::Escape;
                return;
            }
            0x00 => (KeyCode::Char(' '), Modifiers::CTRL),
            0x08 => (KeyCode::Backspace, Modifiers::CTRL),
            0x09 => (KeyCode::Tab, Modifiers::NONE),
            0x0d => (KeyCode::Enter, Modifiers::NONE),
            0x7f => (KeyCode::Backspace, Modifiers::NONE),
            0x01..=0x1a => (KeyCode::Char(char::from(b'a' + b - 1)), Modifiers::CTRL),
            0x1c..=0x1f => (KeyCode::Char(char::from(b + 0x40)), Modifiers::CTRL),
            _ => return,
        };
        self.key(KeyEvent::new(code, mods), out);
    }

    /// Emits a key, adding a pending Alt.
    pub(super) fn key(&mut self, mut k: KeyEvent, out: &mut Vec<Event>) {
        if self.alt {
            k.modifiers |= Modifiers::ALT;
            self.alt = false;
        }
        self.emit(Event::Key(k), out);
    }

    /// Emits an event after the typed text before it.
    pub(super) fn emit(&mut self, e: Event, out: &mut Vec<Event>) {
        self.end_run(out);
        out.push(e);
    }

    /// Turns the typed text collected so far into key events.
    pub(super) fn end_run(&mut self, out: &mut Vec<Event>) {
        if let Some(start) = self.run_start.take() {
            text::emit_keys(&self.text, start, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::input::parser::testing::*;

    #[test]
    fn text_and_capitals() {
        assert_eq!(ev(b"aB "), [r#"a "a""#, r#"shift+b "B""#, r#"space " ""#]);
        assert_eq!(ev(b"1!~"), [r#"1 "1""#, r#"! "!""#, r#"~ "~""#]);
    }

    #[test]
    fn utf8_text_split_anywhere() {
        assert_eq!(
            ev("中é😀".as_bytes()),
            [r#"中 "中""#, r#"é "é""#, r#"😀 "😀""#]
        );
        assert_eq!(ev("日本語".as_bytes()).len(), 3);
    }

    #[test]
    fn grapheme_clusters_in_one_chunk() {
        let (v, _) = fed("e\u{301}👍🏽👨\u{200d}👩\u{200d}👧x".as_bytes());
        assert_eq!(
            v,
            [
                r#"e "e\u{301}""#,
                "👍 \"👍🏽\"",
                r#"👨 "👨\u{200d}👩\u{200d}👧""#,
                r#"x "x""#
            ]
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_without_eating() {
        assert_eq!(
            ev(b"a\xffb"),
            [r#"a "a""#, "\u{fffd} \"\u{fffd}\"", r#"b "b""#]
        );
        assert_eq!(ev(b"\xe4\xb8a"), ["\u{fffd} \"\u{fffd}\"", r#"a "a""#]);
        assert_eq!(ev(b"\xe4\xb8\r"), ["\u{fffd} \"\u{fffd}\"", "enter"]);
        assert_eq!(ev(b"\xf0\x80\x80").len(), 3);
        assert_eq!(ev(b"\xe4\xb8\x1b[A"), ["\u{fffd} \"\u{fffd}\"", "up"]);
        assert_eq!(ev(b"\xc2\x85z"), [r#"z "z""#]);
    }

    #[test]
    fn incomplete_utf8_waits_then_flushes_to_replacement() {
        let (v, mut p) = fed(b"a\xe4\xb8");
        assert_eq!(v, [r#"a "a""#]);
        assert!(p.pending());
        assert_eq!(flush_with(&mut p), ["\u{fffd} \"\u{fffd}\""]);
        assert!(!p.pending());
        assert_eq!(feed_with(&mut p, b"\xad"), ["\u{fffd} \"\u{fffd}\""]);
    }

    #[test]
    fn c0_controls() {
        let all: Vec<u8> = (0..0x20).filter(|&b| b != 0x1b).chain([0x7f]).collect();
        let v = ev(&all);
        assert_eq!(v[0], "ctrl+space");
        assert_eq!(v[1], "ctrl+a");
        assert_eq!(v[8], "ctrl+backspace");
        assert_eq!(v[9], "tab");
        assert_eq!(v[10], "ctrl+j");
        assert_eq!(v[13], "enter");
        assert_eq!(v[26], "ctrl+z");
        assert_eq!(
            &v[27..],
            ["ctrl+\\", "ctrl+]", "ctrl+^", "ctrl+_", "backspace"]
        );
    }

    #[test]
    fn escape_and_alt() {
        let (v, mut p) = fed(b"\x1b");
        assert!(v.is_empty() && p.pending());
        assert_eq!(flush_with(&mut p), ["escape"]);
        assert!(!p.pending());
        assert_eq!(ev(b"\x1ba"), ["alt+a"]);
        assert_eq!(ev(b"\x1bA"), ["alt+shift+a"]);
        assert_eq!(ev(b"\x1b\x01"), ["ctrl+alt+a"]);
        assert_eq!(ev(b"\x1b\x7f"), ["alt+backspace"]);
        assert_eq!(ev(b"\x1b\r"), ["alt+enter"]);
        assert_eq!(ev(b"\x1b "), ["alt+space"]);
        assert_eq!(ev("\x1bé".as_bytes()), ["alt+é"]);
        assert_eq!(ev("\x1b中x".as_bytes()), ["alt+中", r#"x "x""#]);
        assert_eq!(ev(b"\x1b\x1b[A"), ["alt+up"]);
        assert_eq!(ev(b"\x1b\x1bOB"), ["alt+down"]);
        assert_eq!(ev(b"\x1b\x1b"), ["alt+escape"]);
        assert_eq!(ev(b"\x1b\x1b\x1b"), ["alt+escape", "escape"]);
        assert_eq!(ev(b"\x1bab"), ["alt+a", r#"b "b""#]);
        assert_eq!(ev(b"\x1b\xff"), ["alt+\u{fffd}"]);
        assert_eq!(ev(b"\x1b\xe4\xb8"), ["alt+\u{fffd}"]);
    }

    #[test]
    fn many_events_per_chunk() {
        let (v, _) = fed(b"ab\x1b[Acd\x1b[<0;1;1M\x1b[I\r");
        assert_eq!(v.len(), 8);
        let kinds: Vec<_> = v.iter().map(|s| s.split(' ').next().unwrap()).collect();
        assert_eq!(kinds, ["a", "b", "up", "c", "d", "mouse", "focus", "enter"]);
    }
}
