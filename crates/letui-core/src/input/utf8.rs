//! Incremental UTF-8 decoding with U+FFFD for invalid input.
//!
//! Invalid input follows the "maximal subpart" practice (as
//! `String::from_utf8_lossy` does): each maximal prefix of a valid sequence
//! that is cut short, and each byte that cannot start a sequence, becomes one
//! U+FFFD, and the byte that broke a sequence is decoded again on its own.

/// The replacement character.
pub(super) const REPLACEMENT: char = '\u{fffd}';

/// A UTF-8 sequence cut by the end of a chunk.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Partial {
    buf: [u8; 4],
    len: u8,
    need: u8,
}

/// What one more byte did to a [`Partial`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Still incomplete.
    More,
    /// Complete.
    Done(char),
    /// The byte does not continue the sequence: the bytes so far are one
    /// invalid subpart (one U+FFFD) and the byte must be decoded again.
    Invalid,
}

/// The length of the sequence a lead byte starts, 0 if it cannot start one.
#[inline]
pub(super) fn sequence_len(lead: u8) -> u8 {
    match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

/// The valid range of the byte after `lead` (excludes overlongs, surrogates
/// and code points above U+10FFFF).
#[inline]
fn second_range(lead: u8) -> (u8, u8) {
    match lead {
        0xe0 => (0xa0, 0xbf),
        0xed => (0x80, 0x9f),
        0xf0 => (0x90, 0xbf),
        0xf4 => (0x80, 0x8f),
        _ => (0x80, 0xbf),
    }
}

impl Partial {
    /// True while a sequence is incomplete.
    #[inline]
    pub(super) fn is_active(&self) -> bool {
        self.len != 0
    }

    /// Forgets the sequence.
    #[inline]
    pub(super) fn clear(&mut self) {
        self.len = 0;
    }

    /// Starts a sequence with a multi-byte lead byte.
    ///
    /// Returns false (and stays inactive) if `lead` cannot start one.
    pub(super) fn start(&mut self, lead: u8) -> bool {
        let need = sequence_len(lead);
        if need < 2 {
            return false;
        }
        self.buf[0] = lead;
        self.len = 1;
        self.need = need;
        true
    }

    /// Keeps `bytes`, a valid but incomplete prefix (1 to 3 bytes).
    pub(super) fn set(&mut self, bytes: &[u8]) {
        let n = bytes.len().min(3);
        self.buf[..n].copy_from_slice(&bytes[..n]);
        self.len = n as u8;
        self.need = sequence_len(bytes[0]);
    }

    /// Adds a byte to an active sequence.
    pub(super) fn push(&mut self, b: u8) -> Step {
        let (lo, hi) = if self.len == 1 {
            second_range(self.buf[0])
        } else {
            (0x80, 0xbf)
        };
        if b < lo || b > hi {
            self.len = 0;
            return Step::Invalid;
        }
        self.buf[usize::from(self.len)] = b;
        self.len += 1;
        if self.len < self.need {
            return Step::More;
        }
        let n = usize::from(self.len);
        self.len = 0;
        match std::str::from_utf8(&self.buf[..n]) {
            Ok(s) => Step::Done(s.chars().next().unwrap_or(REPLACEMENT)),
            Err(_) => Step::Invalid,
        }
    }
}

/// Appends `bytes` to `dst` decoded, invalid subparts as U+FFFD.
///
/// If `bytes` ends with a valid but incomplete sequence, it is not decoded:
/// its length is returned (0 otherwise) so that the caller can keep it for
/// the next chunk or replace it.
pub(super) fn push_lossy(bytes: &[u8], dst: &mut String) -> usize {
    // Valid text (the usual case) is one validation and one copy.
    let bad = match std::str::from_utf8(bytes) {
        Ok(s) => {
            dst.push_str(s);
            return 0;
        }
        Err(e) => e.valid_up_to(),
    };
    dst.push_str(std::str::from_utf8(&bytes[..bad]).unwrap_or_default());
    // Each byte left becomes at most 3 (one U+FFFD).
    dst.reserve((bytes.len() - bad) * 3);
    // Garbage: one sequence at a time, without a validation per byte.
    let mut i = bad;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            dst.push(char::from(b));
            i += 1;
            continue;
        }
        match decode(&bytes[i..]) {
            Decoded::Char(c, n) => {
                dst.push(c);
                i += n;
            }
            Decoded::Invalid(n) => {
                dst.push(REPLACEMENT);
                i += n;
            }
            Decoded::Cut => return bytes.len() - i,
        }
    }
    0
}

/// One multi-byte sequence at the start of `bytes`.
enum Decoded {
    /// A character and its length.
    Char(char, usize),
    /// A maximal invalid subpart of this many bytes (one U+FFFD).
    Invalid(usize),
    /// A valid prefix cut by the end of `bytes`.
    Cut,
}

#[inline]
fn decode(bytes: &[u8]) -> Decoded {
    let lead = bytes[0];
    let need = usize::from(sequence_len(lead));
    if need < 2 {
        return Decoded::Invalid(1);
    }
    let mut cp = u32::from(lead) & (0x7f >> need);
    for k in 1..need {
        let Some(&b) = bytes.get(k) else {
            return Decoded::Cut;
        };
        let (lo, hi) = if k == 1 {
            second_range(lead)
        } else {
            (0x80, 0xbf)
        };
        if b < lo || b > hi {
            return Decoded::Invalid(k);
        }
        cp = (cp << 6) | (u32::from(b) & 0x3f);
    }
    match char::from_u32(cp) {
        Some(c) => Decoded::Char(c, need),
        None => Decoded::Invalid(need),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lossy_incremental(bytes: &[u8]) -> String {
        let mut out = String::new();
        let mut p = Partial::default();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if p.is_active() {
                match p.push(b) {
                    Step::More => i += 1,
                    Step::Done(c) => {
                        out.push(c);
                        i += 1;
                    }
                    Step::Invalid => out.push(REPLACEMENT),
                }
            } else if b < 0x80 {
                out.push(b as char);
                i += 1;
            } else {
                if !p.start(b) {
                    out.push(REPLACEMENT);
                }
                i += 1;
            }
        }
        if p.is_active() {
            out.push(REPLACEMENT);
        }
        out
    }

    #[test]
    fn incremental_matches_std_lossy() {
        let cases: &[&[u8]] = &[
            b"abc",
            "中文😀".as_bytes(),
            b"\xe4\xb8",
            b"\xe4\xb8a",
            b"\xf0\x80\x80",
            b"\xed\xa0\x80",
            b"\xc0\xaf",
            b"\xff\xfe",
            b"\xf4\x90\x80\x80",
            b"\x80\x80a",
            b"\xe0\xa0",
            b"\xf0\x9f\x98",
        ];
        for c in cases {
            assert_eq!(lossy_incremental(c), String::from_utf8_lossy(c), "{:x?}", c);
        }
    }

    #[test]
    fn push_lossy_keeps_incomplete_tail() {
        let mut s = String::new();
        assert_eq!(push_lossy(b"a\xe4\xb8", &mut s), 2);
        assert_eq!(s, "a");
        s.clear();
        assert_eq!(push_lossy(b"a\xffb\xf0\x9f", &mut s), 2);
        assert_eq!(s, "a\u{fffd}b");
        s.clear();
        assert_eq!(push_lossy(b"\xe4\xb8a", &mut s), 0);
        assert_eq!(s, "\u{fffd}a");
    }

    #[test]
    fn partial_set_then_complete() {
        let mut p = Partial::default();
        p.set(b"\xf0\x9f");
        assert_eq!(p.push(0x98), Step::More);
        assert_eq!(p.push(0x80), Step::Done('😀'));
        assert!(!p.is_active());
        assert!(!p.start(0x80));
        assert!(p.start(0xc3));
        assert_eq!(p.push(b'a'), Step::Invalid);
    }
}
