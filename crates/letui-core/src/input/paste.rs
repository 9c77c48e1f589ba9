//! Bracketed paste: collecting the bytes between `CSI 200~` and `CSI 201~`.

use super::event::{Event, TextRange};
use super::text::TextBuf;
use super::utf8::{REPLACEMENT, push_lossy};

/// The end marker of a bracketed paste.
const END: &[u8] = b"\x1b[201~";

/// Capacity kept after a paste; a larger buffer is shrunk back to it.
const KEEP_CAPACITY: usize = 64 * 1024;

/// The contents of the paste in progress, kept across calls.
#[derive(Debug, Default)]
pub(super) struct PasteBuf {
    bytes: Vec<u8>,
    /// How many bytes of [`END`] were seen last.
    matched: usize,
    truncated: bool,
}

impl PasteBuf {
    /// Starts a new paste.
    pub(super) fn begin(&mut self) {
        self.bytes.clear();
        self.matched = 0;
        self.truncated = false;
    }

    /// Appends content, dropping what goes past `max` bytes.
    fn append(&mut self, b: &[u8], max: usize) {
        let room = max.saturating_sub(self.bytes.len());
        if b.len() > room {
            self.truncated = true;
        }
        self.bytes.extend_from_slice(&b[..b.len().min(room)]);
    }

    /// Consumes paste bytes until the end marker. Returns how many bytes of
    /// `input` were used and whether the marker was completed.
    pub(super) fn consume(&mut self, input: &[u8], max: usize) -> (usize, bool) {
        let mut i = 0;
        while i < input.len() {
            if self.matched == 0 {
                match input[i..].iter().position(|&b| b == 0x1b) {
                    None => {
                        self.append(&input[i..], max);
                        return (input.len(), false);
                    }
                    Some(p) => {
                        self.append(&input[i..i + p], max);
                        i += p + 1;
                        self.matched = 1;
                    }
                }
            } else if input[i] == END[self.matched] {
                self.matched += 1;
                i += 1;
                if self.matched == END.len() {
                    self.matched = 0;
                    return (i, true);
                }
            } else {
                // Not the marker after all: what matched is content, and the
                // current byte is looked at again (it may be a new ESC).
                self.append(&END[..self.matched], max);
                self.matched = 0;
            }
        }
        (i, false)
    }

    /// Emits the paste (all bytes so far, including a partly matched end
    /// marker) into `text` and `out`, and resets the buffer.
    pub(super) fn emit(&mut self, text: &mut TextBuf, opts: Emit, out: &mut Vec<Event>) {
        if self.matched > 0 {
            let m = self.matched;
            self.matched = 0;
            self.append(&END[..m], opts.max);
        }
        let start = text.len();
        let range = if text.fits(self.bytes.len().saturating_mul(3)) {
            decode(&self.bytes, opts.normalize_newlines, text.string_mut());
            text.range_from(start)
        } else {
            TextRange::EMPTY
        };
        out.push(Event::Paste {
            text: range,
            truncated: opts.aborted || self.truncated,
        });
        self.bytes.clear();
        if self.bytes.capacity() > KEEP_CAPACITY {
            self.bytes.shrink_to(KEEP_CAPACITY);
        }
        self.truncated = false;
    }
}

/// How to emit a paste.
#[derive(Debug, Clone, Copy)]
pub(super) struct Emit {
    /// The size bound in bytes.
    pub(super) max: usize,
    /// Turn CR LF and CR into LF.
    pub(super) normalize_newlines: bool,
    /// The paste is ended by a timeout, not its end marker.
    pub(super) aborted: bool,
}

/// Decodes paste bytes into `dst`: invalid UTF-8 becomes U+FFFD; with
/// `normalize`, CR LF and lone CR become LF.
fn decode(bytes: &[u8], normalize: bool, dst: &mut String) {
    if !normalize || !bytes.contains(&b'\r') {
        if push_lossy(bytes, dst) > 0 {
            dst.push(REPLACEMENT);
        }
        return;
    }
    let mut rest = bytes;
    while let Some(p) = rest.iter().position(|&b| b == b'\r') {
        if push_lossy(&rest[..p], dst) > 0 {
            dst.push(REPLACEMENT);
        }
        dst.push('\n');
        rest = &rest[p + 1..];
        if rest.first() == Some(&b'\n') {
            rest = &rest[1..];
        }
    }
    if push_lossy(rest, dst) > 0 {
        dst.push(REPLACEMENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paste(chunks: &[&[u8]], max: usize, normalize: bool) -> (String, bool, usize) {
        let mut p = PasteBuf::default();
        p.begin();
        let mut used = 0;
        for c in chunks {
            let (n, done) = p.consume(c, max);
            used += n;
            if done {
                let mut t = TextBuf::default();
                let mut out = Vec::new();
                let opts = Emit {
                    max,
                    normalize_newlines: normalize,
                    aborted: false,
                };
                p.emit(&mut t, opts, &mut out);
                let Event::Paste { text, truncated } = out[0] else {
                    panic!()
                };
                return (t.as_str()[text.range()].to_string(), truncated, used);
            }
        }
        panic!("paste did not end")
    }

    #[test]
    fn end_marker_split_anywhere() {
        let whole = b"a\x1b[A\x1b[20b\x1b[201~tail";
        for cut in 0..whole.len() {
            let (a, b) = whole.split_at(cut);
            let (s, t, used) = paste(&[a, b], 1 << 20, false);
            assert_eq!(s, "a\x1b[A\x1b[20b");
            assert!(!t);
            assert_eq!(used, whole.len() - 4);
        }
    }

    #[test]
    fn esc_esc_restarts_match() {
        let (s, _, _) = paste(&[b"\x1b\x1b[201~"], 100, false);
        assert_eq!(s, "\x1b");
        let (s, _, _) = paste(&[b"\x1b[2\x1b[201~"], 100, false);
        assert_eq!(s, "\x1b[2");
    }

    #[test]
    fn bound_truncates() {
        let (s, t, _) = paste(&[b"abcdef", b"gh\x1b[201~"], 4, false);
        assert_eq!(s, "abcd");
        assert!(t);
    }

    #[test]
    fn newline_normalisation_and_utf8() {
        let (s, _, _) = paste(&[b"a\r\nb\rc\nd\xff\x1b[201~"], 100, true);
        assert_eq!(s, "a\nb\nc\nd\u{fffd}");
        let (s, _, _) = paste(&[b"a\r\n\xe4\xb8\r\x1b[201~"], 100, false);
        assert_eq!(s, "a\r\n\u{fffd}\r");
        let (s, _, _) = paste(&[b"\xe4\xb8\r\x1b[201~"], 100, true);
        assert_eq!(s, "\u{fffd}\n");
    }
}
