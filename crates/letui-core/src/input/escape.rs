//! The parser's sequence states: after ESC, inside CSI and SS3 sequences,
//! X10 mouse reports, control strings and bracketed pastes (see the contract
//! at the top of `parser.rs`).

use super::csi::{self, Action};
use super::event::Event;
use super::key::{KeyCode, KeyEvent};
use super::modifiers::Modifiers;
use super::params::MAX_SEQ;
use super::parser::{Parser, State};
use super::paste::Emit;

impl Parser {
    /// One byte in a sequence state; returns whether it was consumed (if not,
    /// the state is now one that will consume it).
    pub(super) fn step(&mut self, b: u8, out: &mut Vec<Event>) -> bool {
        match self.state {
            State::Escape => match b {
                0x1b => {
                    if self.alt {
                        // ESC ESC ESC: Alt+Escape, then a new ESC.
                        self.key(KeyEvent::new(KeyCode::Escape, Modifiers::NONE), out);
                    } else {
                        self.alt = true;
                    }
                    true
                }
                b'[' => {
                    self.seq_len = 0;
                    self.state = State::Csi;
                    true
                }
                b'O' => {
                    self.state = State::Ss3;
                    true
                }
                b'P' | b']' | b'_' | b'^' | b'X' => {
                    self.state = State::Str {
                        intro: b,
                        len: 0,
                        esc: false,
                    };
                    true
                }
                _ => {
                    self.alt = true;
                    self.state = State::Ground;
                    false
                }
            },
            State::Csi => match b {
                0x1b => self.interrupted(),
                0x40..=0x7e => {
                    if self.seq_len == 0 && b == b'[' {
                        self.state = State::CsiLinux;
                    } else if self.seq_len == 0 && b == b'M' {
                        self.state = State::X10;
                    } else {
                        self.push_seq(b);
                        self.dispatch(out);
                    }
                    true
                }
                0x20..=0x3f => {
                    if b == b'$'
                        && self.seq_len > 0
                        && self.seq[..self.seq_len].iter().all(u8::is_ascii_digit)
                    {
                        // rxvt's shifted keys end with `$` (`CSI 3 $`).
                        self.push_seq(b);
                        self.dispatch(out);
                    } else if self.seq_len >= MAX_SEQ {
                        self.alt = false;
                        self.state = State::CsiIgnore;
                    } else {
                        self.push_seq(b);
                    }
                    true
                }
                _ => self.abandon(),
            },
            State::CsiIgnore => match b {
                0x1b => self.interrupted(),
                0x20..=0x3f => true,
                0x40..=0x7e => {
                    self.drop_seq();
                    true
                }
                _ => self.abandon(),
            },
            State::CsiLinux => match b {
                0x1b => self.interrupted(),
                _ => match csi::linux_function_key(b) {
                    Some(k) => {
                        self.state = State::Ground;
                        self.key(k, out);
                        true
                    }
                    None => self.abandon(),
                },
            },
            State::X10 => match b {
                0x1b => self.interrupted(),
                0x00..=0x1f => self.abandon(),
                _ => {
                    self.push_seq(b);
                    if self.seq_len == 3 {
                        self.drop_seq();
                        let [cb, cx, cy, ..] = self.seq;
                        if let Some(e) = csi::x10_mouse([cb, cx, cy]) {
                            self.emit(e, out);
                        }
                    }
                    true
                }
            },
            State::Ss3 => match b {
                0x1b => self.interrupted(),
                _ => {
                    self.state = State::Ground;
                    match csi::ss3(b) {
                        Some(mut k) => {
                            if let KeyCode::Keypad(kp) = k.code
                                && !self.alt
                                && let Some(c) = kp.char()
                            {
                                let start = self.text.len();
                                self.text.push(c);
                                k.text = self.text.range_from(start);
                            }
                            self.key(k, out);
                            true
                        }
                        None => {
                            // Not SS3 after all: Alt+Shift+O, then `b` as input.
                            let mods = Modifiers::SHIFT | Modifiers::ALT;
                            let k = KeyEvent::new(KeyCode::Char('o'), mods);
                            self.key(k, out);
                            false
                        }
                    }
                }
            },
            State::Ground | State::Str { .. } | State::Paste => {
                // Not reached: `run` handles these states in bulk.
                self.state = State::Ground;
                false
            }
        }
    }

    /// A sequence interrupted by ESC: dropped, the ESC starts a new one.
    pub(super) fn interrupted(&mut self) -> bool {
        self.alt = false;
        self.state = State::Escape;
        true
    }

    /// A sequence broken by a byte that cannot continue it: dropped, and
    /// the byte is decoded again in the ground state.
    pub(super) fn abandon(&mut self) -> bool {
        self.drop_seq();
        false
    }

    /// Back to the ground state, forgetting a pending Alt.
    pub(super) fn drop_seq(&mut self) {
        self.alt = false;
        self.state = State::Ground;
    }

    pub(super) fn push_seq(&mut self, b: u8) {
        if let Some(slot) = self.seq.get_mut(self.seq_len) {
            *slot = b;
            self.seq_len += 1;
        }
    }

    /// A complete CSI sequence is in `seq`.
    pub(super) fn dispatch(&mut self, out: &mut Vec<Event>) {
        self.state = State::Ground;
        let seq = &self.seq[..self.seq_len];
        match csi::dispatch(
            seq,
            &mut self.params,
            &mut self.text,
            &mut self.cpr_expected,
        ) {
            Action::None => self.alt = false,
            Action::Event(Event::Key(k)) => self.key(k, out),
            Action::Event(e) => self.emit(e, out),
            Action::PasteStart => {
                self.alt = false;
                self.paste.begin();
                self.state = State::Paste;
            }
        }
    }

    /// CSI parameter bytes from `bytes[i]`, copied in bulk; other bytes go
    /// through [`Parser::step`]. Returns the next index.
    pub(super) fn in_csi(&mut self, bytes: &[u8], i: usize, out: &mut Vec<Event>) -> usize {
        let rest = &bytes[i..];
        let n = rest
            .iter()
            .position(|b| !(0x30..=0x3f).contains(b))
            .unwrap_or(rest.len());
        if n == 0 {
            return i + usize::from(self.step(bytes[i], out));
        }
        let room = MAX_SEQ.saturating_sub(self.seq_len);
        let take = n.min(room);
        self.seq[self.seq_len..self.seq_len + take].copy_from_slice(&rest[..take]);
        self.seq_len += take;
        if n > room {
            self.alt = false;
            self.state = State::CsiIgnore;
        }
        i + take
    }

    /// Control string content from `bytes[i]`; returns the next index.
    pub(super) fn in_string(&mut self, bytes: &[u8], i: usize) -> usize {
        let State::Str { intro, len, esc } = self.state else {
            return i;
        };
        if esc {
            if bytes[i] == b'\\' {
                self.drop_seq();
                return i + 1;
            }
            // ESC + anything else: the string was cut, a new sequence starts.
            self.alt = false;
            self.state = State::Escape;
            return i;
        }
        let rest = &bytes[i..];
        let n = rest.iter().position(|&b| b < 0x20).unwrap_or(rest.len());
        // Past `max_string` nothing more is kept (strings are skipped
        // today), but the string still runs to its terminator: its bytes
        // are never decoded as keys.
        let len = len.saturating_add(n).min(self.opts.max_string.max(1));
        let Some(&b) = rest.get(n) else {
            self.state = State::Str { intro, len, esc };
            return bytes.len();
        };
        match b {
            0x07 => {
                self.drop_seq();
                i + n + 1
            }
            0x1b => {
                self.state = State::Str {
                    intro,
                    len,
                    esc: true,
                };
                i + n + 1
            }
            _ => {
                self.drop_seq();
                i + n
            }
        }
    }

    /// Paste content from `bytes[i]`; returns the next index.
    pub(super) fn in_paste(&mut self, bytes: &[u8], i: usize, out: &mut Vec<Event>) -> usize {
        let (n, done) = self.paste.consume(&bytes[i..], self.opts.max_paste);
        if done {
            let opts = Emit {
                max: self.opts.max_paste,
                normalize_newlines: self.opts.normalize_paste_newlines,
                aborted: false,
            };
            self.end_run(out);
            self.paste.emit(&mut self.text, opts, out);
            self.state = State::Ground;
        }
        i + n
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_SEQ;
    use crate::input::parser::testing::*;
    use crate::input::{Parser, ParserOptions};

    #[test]
    fn legacy_cursor_and_editing_keys() {
        let v = ev(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1bOD\x1b[H\x1b[F\x1bOH\x1bOF");
        assert_eq!(
            v,
            [
                "up", "down", "right", "left", "up", "left", "home", "end", "home", "end"
            ]
        );
        let v = ev(b"\x1b[1~\x1b[4~\x1b[7~\x1b[8~\x1b[5~\x1b[6~\x1b[2~\x1b[3~");
        assert_eq!(
            v,
            [
                "home", "end", "home", "end", "pageup", "pagedown", "insert", "delete"
            ]
        );
        assert_eq!(
            ev(b"\x1b[1;5A\x1b[1;2B\x1b[1;3C\x1b[1;8D"),
            ["ctrl+up", "shift+down", "alt+right", "ctrl+alt+shift+left"]
        );
        assert_eq!(ev(b"\x1b[1;9A"), ["super+up"]);
        assert_eq!(
            ev(b"\x1b[5;5~\x1b[3;2~\x1b[1;5H"),
            ["ctrl+pageup", "shift+delete", "ctrl+home"]
        );
        assert_eq!(ev(b"\x1b[Z\x1b[1;5Z"), ["shift+tab", "ctrl+shift+tab"]);
        assert_eq!(ev(b"\x1b[E\x1bOE\x1b[G"), ["kpbegin", "kpbegin", "kpbegin"]);
    }

    #[test]
    fn function_keys() {
        assert_eq!(
            ev(b"\x1bOP\x1bOQ\x1bOR\x1bOS\x1b[1;2P\x1b[1;5Q\x1b[1;3S"),
            ["f1", "f2", "f3", "f4", "shift+f1", "ctrl+f2", "alt+f4"]
        );
        assert_eq!(
            ev(b"\x1b[11~\x1b[12~\x1b[13~\x1b[14~"),
            ["f1", "f2", "f3", "f4"]
        );
        let v = ev(b"\x1b[15~\x1b[17~\x1b[18~\x1b[19~\x1b[20~\x1b[21~\x1b[23~\x1b[24~");
        assert_eq!(v, ["f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12"]);
        assert_eq!(ev(b"\x1b[15;5~\x1b[24;2~"), ["ctrl+f5", "shift+f12"]);
        assert_eq!(
            ev(b"\x1b[25~\x1b[26~\x1b[28~\x1b[29~\x1b[31~\x1b[34~"),
            ["f13", "f14", "f15", "f16", "f17", "f20"]
        );
    }

    #[test]
    fn linux_console_and_rxvt() {
        assert_eq!(
            ev(b"\x1b[[A\x1b[[B\x1b[[C\x1b[[D\x1b[[E"),
            ["f1", "f2", "f3", "f4", "f5"]
        );
        assert_eq!(ev(b"\x1b[[Zq"), [r#"shift+z "Z""#, r#"q "q""#]);
        assert_eq!(
            ev(b"\x1b[a\x1b[d\x1bOa\x1bOc\x1b[2$\x1b[3^\x1b[5@\x1b[7$x"),
            [
                "shift+up",
                "shift+left",
                "ctrl+up",
                "ctrl+right",
                "shift+insert",
                "ctrl+delete",
                "ctrl+shift+pageup",
                "shift+home",
                r#"x "x""#
            ]
        );
    }

    #[test]
    fn keypad_application_mode() {
        assert_eq!(
            ev(b"\x1bOp\x1bOy\x1bOM\x1bOk\x1bOj"),
            [
                r#"kp0 "0""#,
                r#"kp9 "9""#,
                "kpenter",
                r#"kpadd "+""#,
                r#"kpmultiply "*""#
            ]
        );
        assert_eq!(ev(b"\x1b\x1bOp"), ["alt+kp0"]);
    }

    #[test]
    fn kitty_keys() {
        assert_eq!(ev(b"\x1b[13;2u"), ["shift+enter"]);
        assert_eq!(ev(b"\x1b[105;5u\x1b[9u"), ["ctrl+i", "tab"]);
        assert_eq!(ev(b"\x1b[109;5u\x1b[13u"), ["ctrl+m", "enter"]);
        assert_eq!(ev(b"\x1b[27u\x1b[27;3u"), ["escape", "alt+escape"]);
        assert_eq!(ev(b"\x1b[127;5u"), ["ctrl+backspace"]);
        assert_eq!(
            ev(b"\x1b[97u\x1b[97;1:2u\x1b[97;1:3u"),
            [r#"a "a""#, r#"repeat a "a""#, "release a"]
        );
        assert_eq!(ev(b"\x1b[97;2;65u"), [r#"shift+a "A""#]);
        assert_eq!(ev(b"\x1b[97:65;2u"), [r#"shift+a "A""#]);
        assert_eq!(ev(b"\x1b[1089::99;5u"), ["ctrl+с base=c"]);
        assert_eq!(ev(b"\x1b[97;65u"), [r#"a [capslock] "A""#]);
        assert_eq!(ev(b"\x1b[57399;129u"), [r#"kp0 [numlock] "0""#]);
        assert_eq!(
            ev(b"\x1b[1;5:3A\x1b[1;1:2B\x1b[3;5:3~\x1b[13~\x1b[1;2:1P"),
            [
                "release ctrl+up",
                "repeat down",
                "release ctrl+delete",
                "f3",
                "shift+f1"
            ]
        );
        assert_eq!(
            ev(b"\x1b[57441;2u\x1b[57441;1:3u\x1b[57358u\x1b[57428u\x1b[57376u\x1b[57427~"),
            [
                "shift+leftshift",
                "release leftshift",
                "capslock",
                "mediaplay",
                "f13",
                "kpbegin"
            ]
        );
        assert_eq!(ev(b"\x1b[120;;120:121u"), [r#"x "xy""#]);
        assert_eq!(ev(b"\x1b[0u\x1b[1u\x1b[97;9:9uz"), [r#"z "z""#]);
    }

    #[test]
    fn modify_other_keys() {
        assert_eq!(
            ev(b"\x1b[27;5;105~\x1b[27;2;13~\x1b[27;6;65~"),
            ["ctrl+i", "shift+enter", "ctrl+shift+a"]
        );
    }

    #[test]
    fn sgr_mouse() {
        assert_eq!(
            ev(b"\x1b[<0;1;1M\x1b[<0;1;1m\x1b[<1;10;20M\x1b[<2;3;4m"),
            [
                "mouse Down Left 0,0",
                "mouse Up Left 0,0",
                "mouse Down Middle 9,19",
                "mouse Up Right 2,3"
            ]
        );
        assert_eq!(
            ev(b"\x1b[<32;5;5M\x1b[<35;6;6M\x1b[<64;1;1M\x1b[<65;1;1M\x1b[<66;1;1M\x1b[<67;1;1M"),
            [
                "mouse Drag Left 4,4",
                "mouse Move None 5,5",
                "mouse Wheel WheelUp 0,0",
                "mouse Wheel WheelDown 0,0",
                "mouse Wheel WheelLeft 0,0",
                "mouse Wheel WheelRight 0,0"
            ]
        );
        assert_eq!(
            ev(b"\x1b[<4;1;1M\x1b[<8;1;1M\x1b[<16;1;1M\x1b[<28;300;400M"),
            [
                "mouse Down Left 0,0 shift",
                "mouse Down Left 0,0 alt",
                "mouse Down Left 0,0 ctrl",
                "mouse Down Left 299,399 ctrl+alt+shift"
            ]
        );
        assert_eq!(ev(b"\x1b[<128;2;2M"), ["mouse Down Back 1,1"]);
        assert_eq!(ev(b"\x1b[<0;1M!"), [r#"! "!""#]);
    }

    #[test]
    fn x10_and_urxvt_mouse() {
        assert_eq!(ev(b"\x1b[M !!"), ["mouse Down Left 0,0"]);
        assert_eq!(ev(b"\x1b[M#!!"), ["mouse Up None 0,0"]);
        // Raw bytes past 0x7f: not UTF-8, coordinates past 95.
        let v = ev(b"\x1b[M \xff\xfea");
        assert_eq!(v, ["mouse Down Left 222,221", r#"a "a""#]);
        assert_eq!(ev(b"\x1b[M`!!"), ["mouse Wheel WheelUp 0,0"]);
        assert_eq!(ev(b"\x1b[M@++"), ["mouse Drag Left 10,10"]);
        assert_eq!(ev(b"\x1b[32;10;5M"), ["mouse Down Left 9,4"]);
        assert_eq!(ev(b"\x1b[35;10;5M"), ["mouse Up None 9,4"]);
        // A control byte interrupts the report.
        assert_eq!(ev(b"\x1b[M !\r"), ["enter"]);
    }

    #[test]
    fn focus() {
        assert_eq!(ev(b"\x1b[I\x1b[O"), ["focus in", "focus out"]);
    }

    #[test]
    fn replies() {
        assert_eq!(ev(b"\x1b[?62;4;22;52c"), ["da1 62 [4,22,52]"]);
        assert_eq!(ev(b"\x1b[?1;2c"), ["da1 1 [2]"]);
        assert_eq!(ev(b"\x1b[?31u\x1b[?0u"), ["kbflags 31", "kbflags 0"]);
        assert_eq!(
            ev(b"\x1b[?2026;2$y\x1b[?2027;0$y\x1b[4;1$y"),
            ["mode ?2026 Reset", "mode ?2027 NotRecognized", "mode 4 Set"]
        );
        assert_eq!(ev(b"\x1b[>1;4000;20c\x1b[?2026;7$yq"), [r#"q "q""#]);
    }

    #[test]
    fn cursor_position_versus_shift_f3() {
        assert_eq!(ev(b"\x1b[1;2R"), ["shift+f3"]);
        assert_eq!(ev(b"\x1b[1;5R"), ["ctrl+f3"]);
        assert_eq!(ev(b"\x1b[24;80R"), ["cpr 23,79"]);
        let mut p = Parser::new();
        p.expect_cursor_position();
        p.expect_cursor_position();
        assert_eq!(p.expected_cursor_positions(), 2);
        assert_eq!(feed_with(&mut p, b"\x1b[1;2R"), ["cpr 0,1"]);
        assert_eq!(feed_with(&mut p, b"\x1b[1;1R"), ["cpr 0,0"]);
        assert_eq!(p.expected_cursor_positions(), 0);
        assert_eq!(feed_with(&mut p, b"\x1b[1;2R"), ["shift+f3"]);
        assert_eq!(feed_with(&mut p, b"\x1b[?5;7;1R"), ["cpr 4,6"]);
    }

    #[test]
    fn bracketed_paste() {
        assert_eq!(
            ev(b"a\x1b[200~hi \x1b[A\x1b\x03there\x1b[201~b"),
            [
                r#"a "a""#,
                "paste \"hi \\u{1b}[A\\u{1b}\\u{3}there\"",
                r#"b "b""#
            ]
        );
        assert_eq!(
            ev(b"\x1b[200~l1\r\nl2\rl3\n\x1b[201~"),
            [r#"paste "l1\nl2\nl3\n""#]
        );
        assert_eq!(
            ev(b"\x1b[200~\x1b[200~\x1b[201~"),
            ["paste \"\\u{1b}[200~\""]
        );
        assert_eq!(
            ev(b"\x1b[200~\xff\xe4\x1b[201~"),
            ["paste \"\u{fffd}\u{fffd}\""]
        );
        assert_eq!(ev(b"\x1b[200~\x1b[201~"), [r#"paste """#]);
        assert_eq!(ev("\x1b[200~中文\x1b[201~".as_bytes()), [r#"paste "中文""#]);
    }

    #[test]
    fn control_strings_are_ignored() {
        assert_eq!(ev(b"\x1b]11;rgb:0000/0000/0000\x07a"), [r#"a "a""#]);
        assert_eq!(ev(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\a"), [r#"a "a""#]);
        assert_eq!(ev(b"\x1bP>|kitty(0.35.2)\x1b\\b"), [r#"b "b""#]);
        assert_eq!(
            ev(b"\x1b_Gi=1;OK\x1b\\\x1b^pm\x07\x1bXsos\x07c"),
            [r#"c "c""#]
        );
        assert_eq!(ev("\x1b]0;títle\x07d".as_bytes()), [r#"d "d""#]);
    }

    #[test]
    fn control_strings_never_eat_keys_for_long() {
        // ESC + anything but `\` ends the string; the new sequence parses.
        assert_eq!(ev(b"\x1b]11;rgb:00\x1b[Ax"), ["up", r#"x "x""#]);
        // Another control byte ends it and is a key.
        assert_eq!(ev(b"\x1b]junk\rx"), ["enter", r#"x "x""#]);
        // ESC P alone, then silence: Alt+Shift+P.
        assert_eq!(ev(b"\x1bP"), ["alt+shift+p"]);
        assert_eq!(ev(b"\x1b]"), ["alt+]"]);
        // ESC inside a string, then silence: Escape.
        let (_, mut p) = fed(b"\x1b]abc\x1b");
        assert!(p.pending());
        assert_eq!(flush_with(&mut p), ["escape"]);
        // A string with content survives flush; abort drops it.
        let (_, mut p) = fed(b"\x1b]11;rgb");
        assert!(!p.pending() && p.awaiting_end());
        assert!(flush_with(&mut p).is_empty());
        let mut out = Vec::new();
        p.abort(&mut out);
        assert!(out.is_empty());
        assert_eq!(feed_with(&mut p, b"z"), [r#"z "z""#]);
    }

    #[test]
    fn control_strings_past_the_bound_run_to_their_terminator() {
        for intro in [b']', b'P', b'_', b'^', b'X'] {
            let mut p = Parser::with_options(ParserOptions {
                max_string: 4,
                ..ParserOptions::default()
            });
            let mut long = vec![0x1b, intro];
            long.extend(b"abcdefgh");
            assert!(feed_with(&mut p, &long).is_empty());
            assert!(p.awaiting_end());
            assert!(feed_with(&mut p, b"ijkl").is_empty());
            assert_eq!(feed_with(&mut p, b"mn\x07q"), [r#"q "q""#]);
            assert_eq!(
                feed_with(&mut p, &[&long[..], b"\x1b\\r"].concat()),
                [r#"r "r""#]
            );
        }
        // Any other control byte still ends one, and is decoded.
        let mut p = Parser::with_options(ParserOptions {
            max_string: 4,
            ..ParserOptions::default()
        });
        assert_eq!(
            feed_with(&mut p, b"\x1b]abcdefgh\rz"),
            ["enter", r#"z "z""#]
        );
    }

    #[test]
    fn a_10_mib_osc_52_is_skipped_whole() {
        let mut osc = b"\x1b]52;c;".to_vec();
        osc.resize(10 << 20, b'x');
        let mut p = Parser::new();
        let mut out = Vec::new();
        for c in osc.chunks(4096) {
            p.feed(c, &mut out);
        }
        assert!(out.is_empty(), "{} events", out.len());
        assert_eq!(feed_with(&mut p, b"\x07a"), [r#"a "a""#]);
        // Unterminated, abort (the caller's long timeout) drops it.
        for c in osc.chunks(4096) {
            p.feed(c, &mut out);
        }
        p.abort(&mut out);
        assert!(out.is_empty());
        assert_eq!(feed_with(&mut p, b"b"), [r#"b "b""#]);
    }

    #[test]
    fn bogus_sequences_never_swallow() {
        assert_eq!(ev(b"\x1b[9999za"), [r#"a "a""#]);
        assert_eq!(ev(b"\x1b[1;\x1b[B"), ["down"]);
        assert_eq!(ev(b"\x1b[1\r"), ["enter"]);
        assert_eq!(ev(b"\x1b[1\xc3\xa9"), [r#"é "é""#]);
        assert_eq!(ev(b"\x1b[1<2Ax"), [r#"x "x""#]);
        assert_eq!(ev(b"\x1b[?1;2;3;4$$yx"), [r#"x "x""#]);
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', MAX_SEQ + 50));
        long.extend(b"Ab");
        assert_eq!(ev(&long), [r#"b "b""#]);
        let mut many = b"\x1b[".to_vec();
        many.extend(std::iter::repeat_n(b';', 100));
        many.extend(b"uc");
        assert_eq!(ev(&many), [r#"c "c""#]);
    }
}
