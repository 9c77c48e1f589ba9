//! The input parser: terminal bytes in, [`Event`]s out.
//!
//! # Contract
//!
//! - **Pure.** Bytes in, events out, state kept across calls. No globals, no
//!   I/O, no clock: the caller owns timeouts. After ~25 ms without input
//!   while [`Parser::pending`] is true it calls [`Parser::flush`]; after ~1 s
//!   without input while [`Parser::awaiting_end`] is true it may call
//!   [`Parser::abort`].
//! - **Incremental.** Chunks may be split anywhere (inside UTF-8, inside a
//!   sequence, inside a paste's end marker): feeding `a` then `b` yields the
//!   events of feeding `a ++ b`, with one exception: a grapheme cluster split
//!   across two calls comes out as two key events (typed text is never held
//!   back waiting for a combining mark).
//! - **Total.** No input panics, loops or allocates without bound: sequences
//!   are bounded (512 bytes for CSI, [`ParserOptions::max_string`] for
//!   OSC/DCS/APC/PM/SOS, [`ParserOptions::max_paste`] for pastes), the text
//!   buffer grows with the chunk fed and is reset by each call.
//! - **Nothing is swallowed.** An unknown, invalid or cut sequence never eats
//!   the input after it: `ESC [ 9999 z a` yields nothing for the bogus
//!   sequence and still `a`; a sequence interrupted by ESC is dropped and the
//!   new one parses; one interrupted by another control byte is dropped and
//!   that byte is decoded as a key. Unknown sequences produce no event (there
//!   is no `Unknown` event) and their bytes never become keys.
//! - **No allocation in steady state.** Events are `Copy`; their text lives
//!   in a parser-owned buffer ([`Parser::text`]) reused across calls.
//!
//! # Choices
//!
//! - `0x7f` is Backspace; `0x08` is Ctrl+Backspace (what xterm, VTE, iTerm2,
//!   Windows Terminal send for it; Ctrl+H sends the same byte).
//! - `0x0d` is Enter; `0x0a` is Ctrl+J (in raw mode Enter sends CR).
//! - `0x09` is Tab, `0x1b` starts Escape, `0x00` is Ctrl+Space, `0x1c..=0x1f`
//!   are Ctrl+`\` `]` `^` `_`, other C0 bytes are Ctrl+letter.
//! - `ESC x` is Alt+x (also for controls: `ESC 0x01` is Ctrl+Alt+A);
//!   `ESC ESC [ A` is Alt+Up; `ESC ESC` then silence is Alt+Escape.
//! - A lone ESC is Escape after [`Parser::flush`]. A cut sequence is flushed
//!   as the keys typed: `ESC [ 1 ;` gives Alt+`[`, `1`, `;`; `ESC O` gives
//!   Alt+Shift+O; `ESC P` (no content yet) gives Alt+Shift+P.
//! - An incomplete UTF-8 sequence at flush time becomes U+FFFD, as does each
//!   maximal invalid subsequence anywhere.
//! - `CSI 1 ; m R` is a cursor position report only while one is expected
//!   ([`Parser::expect_cursor_position`]), otherwise F3 with modifiers. A
//!   report that cannot be a key (`CSI 24 ; 80 R`) is always a report.
//! - Paste contents are passed through as UTF-8 (invalid bytes to U+FFFD);
//!   CR LF and lone CR become LF unless
//!   [`ParserOptions::normalize_paste_newlines`] is off. A paste past
//!   `max_paste` keeps its first bytes and is flagged truncated. `flush` does
//!   not end a paste (pastes can stall); `abort` does, flagging it truncated.
//! - OSC, DCS, APC, PM and SOS strings (terminated by BEL or `ESC \`) are
//!   ignored. Any other C0 byte, or ESC followed by anything but `\`, ends
//!   the string and is decoded as input, so a stuck reply cannot eat keys
//!   for long; `abort` drops one that stalls.

use super::event::Event;
use super::key::{KeyCode, KeyEvent};
use super::modifiers::Modifiers;
use super::params::{MAX_SEQ, Params};
use super::paste::{Emit, PasteBuf};
use super::text::{TextBuf, char_key};
use super::utf8::{Partial, REPLACEMENT};

/// Largest accepted [`ParserOptions::max_paste`]: keeps text offsets in
/// `u32` even if every byte becomes a 3-byte U+FFFD.
const MAX_PASTE_LIMIT: usize = 1 << 30;

/// Options of a [`Parser`].
///
/// # Examples
/// ```
/// use letui_core::input::{Parser, ParserOptions};
/// let parser = Parser::with_options(ParserOptions {
///     max_paste: 1 << 20,
///     ..ParserOptions::default()
/// });
/// assert_eq!(parser.options().max_paste, 1 << 20);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParserOptions {
    /// Most bytes of one bracketed paste kept; the rest is dropped and the
    /// paste flagged truncated. Default 32 MiB, at most 1 GiB.
    pub max_paste: usize,
    /// Most bytes of one OSC/DCS/APC/PM/SOS string kept. A longer string
    /// is still skipped through its terminator (BEL, `ESC \\`, or another
    /// control byte); its bytes never become keys. Default 1 MiB.
    pub max_string: usize,
    /// Turn CR LF and lone CR into LF in pastes. Default true.
    pub normalize_paste_newlines: bool,
}

impl Default for ParserOptions {
    fn default() -> Self {
        Self {
            max_paste: 32 << 20,
            max_string: 1 << 20,
            normalize_paste_newlines: true,
        }
    }
}

/// Where the parser is between two bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    /// Text and control bytes (an incomplete UTF-8 sequence is in `utf8`).
    Ground,
    /// After ESC.
    Escape,
    /// After `ESC [`, collecting into `seq`.
    Csi,
    /// A CSI sequence too long to keep: skipped up to its final byte.
    CsiIgnore,
    /// After `ESC [ [` (Linux console F1-F5).
    CsiLinux,
    /// After `ESC [ M`, collecting three raw bytes into `seq`.
    X10,
    /// After `ESC O`.
    Ss3,
    /// Inside an OSC/DCS/APC/PM/SOS string introduced by `intro`.
    Str {
        /// `]`, `P`, `_`, `^` or `X`.
        intro: u8,
        /// Bytes of content so far.
        len: usize,
        /// The last byte was ESC (maybe the start of `ESC \`).
        esc: bool,
    },
    /// Inside a bracketed paste.
    Paste,
}

/// Incremental decoder of terminal input.
///
/// # Examples
/// ```
/// use letui_core::input::{Event, KeyCode, Modifiers, Parser};
/// let mut parser = Parser::new();
/// let mut events = Vec::new();
/// parser.feed(b"a\x1b[1;5", &mut events);
/// parser.feed(b"A\x1b", &mut events);
/// assert_eq!(events.len(), 2);
/// let Event::Key(k) = events[1] else { unreachable!() };
/// assert_eq!((k.code, k.modifiers), (KeyCode::Up, Modifiers::CTRL));
/// // The lone ESC waits for more input, or for the caller's timeout.
/// assert!(parser.pending());
/// events.clear();
/// parser.flush(&mut events);
/// let Event::Key(k) = events[0] else { unreachable!() };
/// assert_eq!(k.code, KeyCode::Escape);
/// ```
#[derive(Debug)]
pub struct Parser {
    pub(super) state: State,
    /// Bytes of the CSI sequence (or X10 report) being collected.
    pub(super) seq: [u8; MAX_SEQ + 1],
    pub(super) seq_len: usize,
    /// A UTF-8 sequence cut by the end of the last chunk.
    pub(super) utf8: Partial,
    /// The next key gets Alt (it followed an ESC).
    pub(super) alt: bool,
    /// Parameters of the last CSI sequence (storage reused).
    pub(super) params: Params,
    /// Cursor position reports still expected.
    pub(super) cpr_expected: u32,
    /// Start in `text` of typed text not yet turned into key events.
    pub(super) run_start: Option<usize>,
    pub(super) text: TextBuf,
    pub(super) paste: PasteBuf,
    pub(super) opts: ParserOptions,
}

impl Default for Parser {
    fn default() -> Self {
        Self::new()
    }
}

impl Parser {
    /// A parser with default options.
    ///
    /// See [`ParserOptions::default`].
    pub fn new() -> Self {
        Self::with_options(ParserOptions::default())
    }

    /// A parser with the given options.
    ///
    /// `max_paste` is clamped to 1 GiB.
    pub fn with_options(mut opts: ParserOptions) -> Self {
        opts.max_paste = opts.max_paste.min(MAX_PASTE_LIMIT);
        Self {
            state: State::Ground,
            seq: [0; MAX_SEQ + 1],
            seq_len: 0,
            utf8: Partial::default(),
            alt: false,
            params: Params::new(),
            cpr_expected: 0,
            run_start: None,
            text: TextBuf::default(),
            paste: PasteBuf::default(),
            opts,
        }
    }

    /// The options in force.
    ///
    /// As given to [`Parser::with_options`], clamped.
    pub fn options(&self) -> &ParserOptions {
        &self.opts
    }

    /// Decodes `bytes`, appending the events to `out`.
    ///
    /// Resets the text buffer first: the [`TextRange`]s of events from an
    /// earlier call are no longer valid. Incomplete input is kept for the
    /// next call (see [`Parser::pending`]).
    ///
    /// [`TextRange`]: super::TextRange
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        self.text.clear();
        self.run(bytes, out);
        self.end_run(out);
    }

    /// True when buffered input waits for a short timeout: a lone ESC, a
    /// cut escape sequence, a cut UTF-8 sequence.
    ///
    /// The caller calls [`Parser::flush`] after ~25 ms without input.
    pub fn pending(&self) -> bool {
        match self.state {
            State::Ground => self.utf8.is_active(),
            State::Str { len, esc, .. } => esc || len == 0,
            State::Paste => false,
            _ => true,
        }
    }

    /// Resolves what [`Parser::pending`] reports, as a timeout would.
    ///
    /// A lone ESC becomes Escape, a cut sequence the keys it was typed as
    /// (`ESC [` is Alt+`[`), a cut UTF-8 sequence U+FFFD. A paste, or a
    /// control string with content, is left alone: see [`Parser::abort`].
    /// Resets the text buffer first.
    pub fn flush(&mut self, out: &mut Vec<Event>) {
        self.text.clear();
        self.resolve(out);
        self.end_run(out);
    }

    /// True inside a bracketed paste or a control string with content: only
    /// its end marker ends it.
    ///
    /// The caller may call [`Parser::abort`] after ~1 s without input.
    pub fn awaiting_end(&self) -> bool {
        match self.state {
            State::Paste => true,
            State::Str { len, esc, .. } => len > 0 && !esc,
            _ => false,
        }
    }

    /// Ends what [`Parser::awaiting_end`] reports, as a long timeout would,
    /// then does what [`Parser::flush`] does.
    ///
    /// A paste is emitted with what it has so far, flagged truncated; a
    /// control string is dropped. Resets the text buffer first.
    pub fn abort(&mut self, out: &mut Vec<Event>) {
        self.text.clear();
        match self.state {
            State::Paste => {
                let opts = Emit {
                    max: self.opts.max_paste,
                    normalize_newlines: self.opts.normalize_paste_newlines,
                    aborted: true,
                };
                self.paste.emit(&mut self.text, opts, out);
                self.state = State::Ground;
            }
            State::Str { len, esc, .. } if len > 0 && !esc => self.drop_seq(),
            _ => self.resolve(out),
        }
        self.end_run(out);
    }

    /// Forgets all buffered input and expectations, emitting nothing.
    ///
    /// For when the terminal is handed to another program.
    pub fn reset(&mut self) {
        self.state = State::Ground;
        self.seq_len = 0;
        self.utf8.clear();
        self.alt = false;
        self.cpr_expected = 0;
        self.run_start = None;
        self.paste.begin();
    }

    /// Tells the parser a cursor position report was requested (`CSI 6 n`).
    ///
    /// Each call makes one `CSI row ; col R` decode as
    /// [`Event::CursorPosition`] rather than F3 with modifiers.
    pub fn expect_cursor_position(&mut self) {
        self.cpr_expected = self.cpr_expected.saturating_add(1);
    }

    /// The number of cursor position reports still expected.
    ///
    /// Decremented by each report decoded.
    pub fn expected_cursor_positions(&self) -> u32 {
        self.cpr_expected
    }

    /// The text buffer of the last call.
    ///
    /// Events' [`TextRange`]s index into it.
    ///
    /// [`TextRange`]: super::TextRange
    pub fn text(&self) -> &str {
        self.text.as_str()
    }

    /// The text of `range` in the buffer of the last call.
    ///
    /// Empty if the range is out of bounds (e.g. from an earlier call).
    pub fn text_of(&self, range: super::TextRange) -> &str {
        self.text.as_str().get(range.range()).unwrap_or("")
    }

    // ---- the state machine ----

    pub(super) fn run(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        let mut i = 0;
        while i < bytes.len() {
            // Every branch consumes a byte or moves to a state that will.
            i = match self.state {
                State::Ground => self.ground(bytes, i, out),
                State::Paste => self.in_paste(bytes, i, out),
                State::Str { .. } => self.in_string(bytes, i),
                State::Csi => self.in_csi(bytes, i, out),
                _ => i + usize::from(self.step(bytes[i], out)),
            };
        }
    }

    /// What a timeout does to the current state (see [`Parser::flush`]).
    fn resolve(&mut self, out: &mut Vec<Event>) {
        let alt_key = |code, mods| KeyEvent::new(code, mods | Modifiers::ALT);
        match self.state {
            State::Ground => {
                if self.utf8.is_active() {
                    self.utf8.clear();
                    self.typed(REPLACEMENT, out);
                }
            }
            State::Escape => {
                self.state = State::Ground;
                self.key(KeyEvent::new(KeyCode::Escape, Modifiers::NONE), out);
            }
            State::Csi | State::CsiLinux | State::X10 => {
                // Replay what followed `ESC [` as typed keys.
                let mut buf = [0; MAX_SEQ + 2];
                let mut n = 0;
                match self.state {
                    State::CsiLinux => {
                        buf[0] = b'[';
                        n = 1;
                    }
                    State::X10 => {
                        buf[0] = b'M';
                        n = 1;
                    }
                    _ => {}
                }
                let seq = &self.seq[..self.seq_len];
                buf[n..n + seq.len()].copy_from_slice(seq);
                n += seq.len();
                self.state = State::Ground;
                self.key(alt_key(KeyCode::Char('['), Modifiers::NONE), out);
                self.run(&buf[..n], out);
                if self.utf8.is_active() {
                    self.utf8.clear();
                    self.typed(REPLACEMENT, out);
                }
            }
            State::CsiIgnore => self.drop_seq(),
            State::Ss3 => {
                self.state = State::Ground;
                self.key(alt_key(KeyCode::Char('o'), Modifiers::SHIFT), out);
            }
            State::Str { intro, len, esc } => {
                if esc {
                    self.drop_seq();
                    self.key(KeyEvent::new(KeyCode::Escape, Modifiers::NONE), out);
                } else if len == 0 {
                    self.state = State::Ground;
                    let (code, mods) = char_key(char::from(intro));
                    self.key(alt_key(code, mods), out);
                }
            }
            State::Paste => {}
        }
    }
}

/// Helpers for the parser's unit tests (here, in `ground.rs`, `escape.rs`).
#[cfg(test)]
pub(super) mod testing {
    use super::*;
    use crate::input::KeyKind;

    /// One event as a short readable string.
    pub(crate) fn show(e: &Event, p: &Parser) -> String {
        match *e {
            Event::Key(k) => {
                let mut s = match k.kind {
                    KeyKind::Press => String::new(),
                    KeyKind::Repeat => "repeat ".into(),
                    KeyKind::Release => "release ".into(),
                };
                s += &k.to_string();
                let locks = k.modifiers & (Modifiers::CAPS_LOCK | Modifiers::NUM_LOCK);
                if !locks.is_empty() {
                    s += &format!(" [{locks}]");
                }
                if !k.text.is_empty() {
                    s += &format!(" {:?}", p.text_of(k.text));
                }
                if let Some(b) = k.base_layout {
                    s += &format!(" base={b}");
                }
                s
            }
            Event::Mouse(m) => {
                let mut s = format!("mouse {:?} {:?} {},{}", m.kind, m.button, m.x, m.y);
                if !m.modifiers.is_empty() {
                    s += &format!(" {}", m.modifiers);
                }
                s
            }
            Event::Paste { text, truncated } => {
                format!(
                    "paste {:?}{}",
                    p.text_of(text),
                    if truncated { " truncated" } else { "" }
                )
            }
            Event::Focus(f) => format!("focus {}", if f { "in" } else { "out" }),
            Event::CursorPosition { row, col } => format!("cpr {row},{col}"),
            Event::PrimaryDeviceAttributes(da) => {
                let attrs: Vec<String> = (0..64)
                    .filter(|&n| da.has(n))
                    .map(|n| n.to_string())
                    .collect();
                format!("da1 {} [{}]", da.class, attrs.join(","))
            }
            Event::KeyboardFlags(f) => format!("kbflags {f}"),
            Event::ModeReport {
                mode,
                private,
                state,
            } => format!("mode {}{mode} {state:?}", if private { "?" } else { "" }),
        }
    }

    pub(crate) fn feed_with(p: &mut Parser, bytes: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        p.feed(bytes, &mut out);
        out.iter().map(|e| show(e, p)).collect()
    }

    pub(crate) fn flush_with(p: &mut Parser) -> Vec<String> {
        let mut out = Vec::new();
        p.flush(&mut out);
        out.iter().map(|e| show(e, p)).collect()
    }

    /// Events of `bytes` fed whole then flushed, checked against every
    /// two-way split of the input.
    pub(crate) fn ev(bytes: &[u8]) -> Vec<String> {
        let mut p = Parser::new();
        let mut all = feed_with(&mut p, bytes);
        all.extend(flush_with(&mut p));
        for cut in 1..bytes.len() {
            let mut p = Parser::new();
            let mut got = feed_with(&mut p, &bytes[..cut]);
            got.extend(feed_with(&mut p, &bytes[cut..]));
            got.extend(flush_with(&mut p));
            assert_eq!(got, all, "split at {cut} of {bytes:x?}");
        }
        all
    }

    /// Events of `bytes` fed whole, without flushing.
    pub(crate) fn fed(bytes: &[u8]) -> (Vec<String>, Parser) {
        let mut p = Parser::new();
        let v = feed_with(&mut p, bytes);
        (v, p)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn paste_verbatim_option() {
        let mut p = Parser::with_options(ParserOptions {
            normalize_paste_newlines: false,
            ..ParserOptions::default()
        });
        assert_eq!(
            feed_with(&mut p, b"\x1b[200~a\r\nb\x1b[201~"),
            [r#"paste "a\r\nb""#]
        );
    }

    #[test]
    fn paste_is_bounded_and_survives_flush() {
        let mut p = Parser::with_options(ParserOptions {
            max_paste: 4,
            ..ParserOptions::default()
        });
        assert!(feed_with(&mut p, b"\x1b[200~abcdefgh").is_empty());
        assert!(!p.pending());
        assert!(p.awaiting_end());
        assert!(flush_with(&mut p).is_empty());
        assert!(feed_with(&mut p, b"ij\x1b[20").is_empty());
        assert_eq!(
            feed_with(&mut p, b"1~x"),
            [r#"paste "abcd" truncated"#, r#"x "x""#]
        );
        assert!(!p.awaiting_end());
    }

    #[test]
    fn abort_ends_a_stalled_paste() {
        let (v, mut p) = fed(b"\x1b[200~partial\x1b[2");
        assert!(v.is_empty());
        let mut out = Vec::new();
        p.abort(&mut out);
        let v: Vec<String> = out.iter().map(|e| show(e, &p)).collect();
        assert_eq!(v, ["paste \"partial\\u{1b}[2\" truncated"]);
        assert_eq!(feed_with(&mut p, b"q"), [r#"q "q""#]);
    }

    #[test]
    fn cut_sequences_flush_as_keys() {
        assert_eq!(ev(b"\x1b["), ["alt+["]);
        assert_eq!(
            ev(b"\x1b[1;5"),
            ["alt+[", r#"1 "1""#, r#"; ";""#, r#"5 "5""#]
        );
        assert_eq!(ev(b"\x1bO"), ["alt+shift+o"]);
        assert_eq!(ev(b"\x1bOz"), ["alt+shift+o", r#"z "z""#]);
        assert_eq!(ev(b"\x1b[["), ["alt+[", r#"[ "[""#]);
        assert_eq!(
            ev(b"\x1b[M\xc3"),
            ["alt+[", r#"shift+m "M""#, "\u{fffd} \"\u{fffd}\""]
        );
        assert_eq!(ev(b"\x1b\x1b["), ["alt+["]);
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', MAX_SEQ + 50));
        assert!(ev(&long).is_empty());
    }

    #[test]
    fn pending_reports_what_a_timeout_resolves() {
        for (input, pending) in [
            (&b"a"[..], false),
            (b"\x1b", true),
            (b"\x1b[", true),
            (b"\x1b[1;", true),
            (b"\x1bO", true),
            (b"\x1b[M ", true),
            (b"\x1b[[", true),
            (b"\xe4", true),
            (b"\x1bP", true),
            (b"\x1bPx", false),
            (b"\x1b[200~", false),
            (b"\x1b[A", false),
        ] {
            let (_, mut p) = fed(input);
            assert_eq!(p.pending(), pending, "{input:x?}");
            let mut out = Vec::new();
            p.flush(&mut out);
            assert!(!p.pending(), "{input:x?}");
        }
    }

    #[test]
    fn text_buffer_is_per_call() {
        let mut p = Parser::new();
        let mut out = Vec::new();
        p.feed("héllo".as_bytes(), &mut out);
        assert_eq!(p.text(), "héllo");
        let Event::Key(k) = out[1] else { panic!() };
        assert_eq!(p.text_of(k.text), "é");
        out.clear();
        p.feed(b"x", &mut out);
        assert_eq!(p.text(), "x");
        assert_eq!(p.text_of(k.text), "");
    }

    #[test]
    fn reset_forgets_everything() {
        let (_, mut p) = fed(b"\x1b[200~abc");
        p.expect_cursor_position();
        p.reset();
        assert!(!p.pending() && !p.awaiting_end());
        assert_eq!(p.expected_cursor_positions(), 0);
        assert_eq!(feed_with(&mut p, b"\x1b[201~a"), [r#"a "a""#]);
    }

    #[test]
    fn options_are_clamped() {
        let p = Parser::with_options(ParserOptions {
            max_paste: usize::MAX,
            ..ParserOptions::default()
        });
        assert_eq!(p.options().max_paste, MAX_PASTE_LIMIT);
        assert_eq!(Parser::default().options(), &ParserOptions::default());
    }
}
