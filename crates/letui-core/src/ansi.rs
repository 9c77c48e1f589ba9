//! Escape sequences as bytes, written into a `Vec<u8>` without allocating
//! once the vector has grown to a frame's size.

use crate::cell::{Color, ColorKind, Underline};

/// Begin synchronized output (DEC private mode 2026).
pub const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
/// End synchronized output.
pub const SYNC_END: &[u8] = b"\x1b[?2026l";
/// Reset all SGR attributes.
pub const SGR_RESET: &[u8] = b"\x1b[m";
/// Erase from the cursor to the end of the line (EL 0).
pub const ERASE_LINE_RIGHT: &[u8] = b"\x1b[K";
/// Erase from the cursor to the end of the screen (ED 0).
pub const ERASE_BELOW: &[u8] = b"\x1b[J";
/// Home the cursor and erase the whole screen.
pub const HOME_AND_CLEAR: &[u8] = b"\x1b[H\x1b[2J";
/// Show the cursor (DECTCEM set).
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// Hide the cursor (DECTCEM reset).
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
/// Reset the scrolling region to the whole screen (also homes the cursor).
pub const RESET_SCROLL_REGION: &[u8] = b"\x1b[r";
/// Close an OSC 8 hyperlink.
pub const LINK_CLOSE: &[u8] = b"\x1b]8;;\x1b\\";

/// Number of decimal digits of `n`.
#[inline]
pub const fn digits(n: u32) -> usize {
    match n {
        0..10 => 1,
        10..100 => 2,
        100..1000 => 3,
        1000..10000 => 4,
        10000..100000 => 5,
        _ => {
            let mut d = 6;
            let mut n = n / 1_000_000;
            while n > 0 {
                d += 1;
                n /= 10;
            }
            d
        }
    }
}

/// Appends `n` in decimal.
#[inline]
pub fn push_num(out: &mut Vec<u8>, n: u32) {
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    if n < 256 {
        push_u8(out, n as u8);
        return;
    }
    if n < 10_000 {
        // Four digits or fewer: byte pushes, no variable-length copy.
        let d = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        let skip = usize::from(n < 1000);
        for &x in &d[skip..] {
            out.push(b'0' + x as u8);
        }
        return;
    }
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut n = n;
    while n > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&buf[i..]);
}

/// Appends `CSI n final`, leaving out `n` when it is 1 (the default).
#[inline]
pub fn csi_n(out: &mut Vec<u8>, n: u32, final_byte: u8) {
    out.extend_from_slice(b"\x1b[");
    if n != 1 {
        push_num(out, n);
    }
    out.push(final_byte);
}

/// Bytes taken by [`csi_n`].
#[inline]
pub const fn csi_n_len(n: u32) -> usize {
    if n == 1 { 3 } else { 3 + digits(n) }
}

/// Appends CUP to 0-based (`x`, `y`), shortened where defaults allow.
#[inline]
pub fn cup(out: &mut Vec<u8>, x: u32, y: u32) {
    out.extend_from_slice(b"\x1b[");
    if y > 0 || x > 0 {
        push_num(out, y + 1);
    }
    if x > 0 {
        out.push(b';');
        push_num(out, x + 1);
    }
    out.push(b'H');
}

/// Bytes taken by [`cup`].
#[inline]
pub const fn cup_len(x: u32, y: u32) -> usize {
    let mut n = 3;
    if y > 0 || x > 0 {
        n += digits(y + 1);
    }
    if x > 0 {
        n += 1 + digits(x + 1);
    }
    n
}

/// Appends DECSTBM setting the scrolling region to 0-based rows
/// `top..=bottom`.
pub fn scroll_region(out: &mut Vec<u8>, top: u32, bottom: u32) {
    out.extend_from_slice(b"\x1b[");
    push_num(out, top + 1);
    out.push(b';');
    push_num(out, bottom + 1);
    out.push(b'r');
}

/// Appends an OSC 8 hyperlink opening for `url`, with an `id` parameter so
/// that terminals treat cells with the same id as one link.
pub fn link_open(out: &mut Vec<u8>, id: u16, url: &str) {
    out.extend_from_slice(b"\x1b]8;id=");
    push_num(out, id as u32);
    out.push(b';');
    out.extend_from_slice(url.as_bytes());
    out.extend_from_slice(b"\x1b\\");
}

/// Appends DECSCUSR cursor shape `n` (0 default, 1/2 block, 3/4 underline,
/// 5/6 bar; odd numbers blink).
pub fn cursor_shape(out: &mut Vec<u8>, n: u8) {
    out.extend_from_slice(b"\x1b[");
    push_num(out, n as u32);
    out.extend_from_slice(b" q");
}

/// Decimal text of every byte value: up to three digits, then the length.
const DEC: [[u8; 4]; 256] = {
    let mut t = [[0u8; 4]; 256];
    let mut i = 0;
    while i < 256 {
        let n = i as u8;
        t[i] = if n >= 100 {
            [b'0' + n / 100, b'0' + n / 10 % 10, b'0' + n % 10, 3]
        } else if n >= 10 {
            [b'0' + n / 10, b'0' + n % 10, 0, 2]
        } else {
            [b'0' + n, 0, 0, 1]
        };
        i += 1;
    }
    t
};

/// Appends a byte value in decimal.
#[inline]
pub fn push_u8(out: &mut Vec<u8>, n: u8) {
    // Byte pushes rather than a slice copy of variable length, which would
    // be a call to memmove: this runs several times per cell.
    let d = DEC[n as usize];
    out.push(d[0]);
    if d[3] > 1 {
        out.push(d[1]);
        if d[3] > 2 {
            out.push(d[2]);
        }
    }
}

/// Every byte value in decimal followed by `;`, padded to four bytes, and
/// the length of the used part.
const DEC_SEMI: [([u8; 4], u8); 256] = {
    let mut t = [([0u8; 4], 0u8); 256];
    let mut i = 0;
    while i < 256 {
        let d = DEC[i];
        let n = d[3] as usize;
        let mut b = [b';'; 4];
        let mut k = 0;
        while k < n {
            b[k] = d[k];
            k += 1;
        }
        t[i] = (b, n as u8 + 1);
        i += 1;
    }
    t
};

/// Builds one SGR sequence on the stack: `CSI`, each parameter followed by
/// `;`, and the last `;` turned into `m` by [`Sgr::finish`], which copies
/// the whole sequence into the output at once.
///
/// Numbers are written as fixed four-byte stores whose length is then
/// taken from a table: no division, no per-byte capacity checks. This is
/// the hottest code of a full repaint.
pub struct Sgr {
    buf: [u8; 96],
    len: usize,
}

impl Default for Sgr {
    fn default() -> Self {
        Sgr::new()
    }
}

impl Sgr {
    /// Starts a sequence.
    #[inline]
    pub fn new() -> Sgr {
        let mut buf = [0u8; 96];
        buf[0] = 0x1b;
        buf[1] = b'[';
        Sgr { buf, len: 2 }
    }

    #[inline(always)]
    fn put(&mut self, bytes: [u8; 4], len: usize) {
        // The longest sequence (a reset, every flag, two RGB colors) is
        // under 64 bytes; the check only guards the slice.
        if let Some(dst) = self.buf.get_mut(self.len..self.len + 4) {
            dst.copy_from_slice(&bytes);
            self.len += len;
        }
    }

    #[inline(always)]
    fn num(&mut self, n: u8) {
        let (bytes, len) = DEC_SEMI[n as usize];
        self.put(bytes, len as usize);
    }

    /// Adds one numeric parameter (all SGR codes fit in a byte).
    #[inline]
    pub fn push(&mut self, n: u8) {
        self.num(n);
    }

    /// Adds the parameters selecting an underline style.
    pub fn underline(&mut self, style: Underline) {
        match style {
            Underline::None => self.push(24),
            Underline::Single => self.push(4),
            other => self.put([b'4', b':', b'0' + other as u8, b';'], 4),
        }
    }

    /// Adds a foreground (`base` 30) or background (`base` 40) color.
    #[inline]
    pub fn color(&mut self, color: Color, base: u8) {
        let c = color.0;
        if c >> 24 == 2 {
            // RGB, the common case of themed interfaces, without decoding.
            self.put([b'0' + base / 10, b'8', b';', b'2'], 4);
            self.put([b';', 0, 0, 0], 1);
            self.num((c >> 16) as u8);
            self.num((c >> 8) as u8);
            self.num(c as u8);
            return;
        }
        match color.kind() {
            ColorKind::Default => self.push(base + 9),
            ColorKind::Indexed(i) if i < 8 => self.push(base + i),
            ColorKind::Indexed(i) if i < 16 => self.push(base + 60 + i - 8),
            ColorKind::Indexed(i) => {
                self.put([b'0' + base / 10, b'8', b';', b'5'], 4);
                self.put([b';', 0, 0, 0], 1);
                self.num(i);
            }
            ColorKind::Rgb(r, g, b) => {
                self.put([b'0' + base / 10, b'8', b';', b'2'], 4);
                self.put([b';', 0, 0, 0], 1);
                self.num(r);
                self.num(g);
                self.num(b);
            }
        }
    }

    /// True when no parameter was added.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 2
    }

    /// Bytes [`Sgr::finish`] would write.
    #[inline]
    pub fn len(&self) -> usize {
        if self.is_empty() { 0 } else { self.len }
    }

    /// Appends the sequence to `out`; nothing if no parameter was added.
    #[inline]
    pub fn finish(mut self, out: &mut Vec<u8>) {
        if !self.is_empty() {
            self.buf[self.len - 1] = b'm';
            out.extend_from_slice(&self.buf[..self.len]);
        }
    }
}

/// A writer into a fixed slice, for the hottest loop of the renderer: every
/// write is a fixed-size store plus a length update, with no capacity
/// checks or calls. The caller flushes the slice to the output before it
/// can fill up ([`Chunk::room`]).
pub struct Chunk<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> Chunk<'a> {
    /// Most bytes one cell can add: a colors-only SGR with two RGB colors
    /// (39 bytes) and one ASCII glyph, rounded up.
    pub const CELL_MAX: usize = 48;

    /// A writer at the start of `buf`.
    pub fn new(buf: &'a mut [u8]) -> Chunk<'a> {
        Chunk { buf, len: 0 }
    }

    /// Bytes written.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing was written.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True when another cell fits.
    #[inline]
    pub fn room(&self) -> bool {
        self.len + Self::CELL_MAX <= self.buf.len()
    }

    /// Moves the bytes written to `out` and starts over.
    #[inline]
    pub fn flush(&mut self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.buf[..self.len]);
        self.len = 0;
    }

    #[inline(always)]
    fn put<const N: usize>(&mut self, bytes: [u8; N], used: usize) {
        if let Some(dst) = self.buf.get_mut(self.len..self.len + N) {
            dst.copy_from_slice(&bytes);
            self.len += used;
        }
    }

    /// Writes one byte.
    #[inline(always)]
    pub fn byte(&mut self, b: u8) {
        self.put([b], 1);
    }

    #[inline(always)]
    fn num(&mut self, n: u8) {
        let (bytes, len) = DEC_SEMI[n as usize];
        self.put(bytes, len as usize);
    }

    #[inline(always)]
    fn color(&mut self, color: Color, base: u8) {
        let c = color.0;
        match c >> 24 {
            2 => {
                // `38;2;r;g;b;` is at most 20 bytes: one window, one check.
                let Some(w) = self.buf.get_mut(self.len..self.len + 24) else {
                    return;
                };
                w[..5].copy_from_slice(&[b'0' + base / 10, b'8', b';', b'2', b';']);
                let mut o = 5;
                for v in [(c >> 16) as u8, (c >> 8) as u8, c as u8] {
                    let (bytes, len) = DEC_SEMI[v as usize];
                    w[o..o + 4].copy_from_slice(&bytes);
                    o += len as usize;
                }
                self.len += o;
            }
            1 if (c as u8) < 8 => self.num(base + c as u8),
            1 if (c as u8) < 16 => self.num(base + 60 + c as u8 - 8),
            1 => {
                self.put([b'0' + base / 10, b'8', b';', b'5', b';'], 5);
                self.num(c as u8);
            }
            _ => self.num(base + 9),
        }
    }

    /// Writes one SGR sequence setting the foreground and/or background
    /// (each `None` to leave alone); nothing when both are `None`.
    #[inline]
    pub fn sgr_colors(&mut self, fg: Option<Color>, bg: Option<Color>) {
        if fg.is_none() && bg.is_none() {
            return;
        }
        self.put([0x1b, b'['], 2);
        if let Some(fg) = fg {
            self.color(fg, 30);
        }
        if let Some(bg) = bg {
            self.color(bg, 40);
        }
        if let Some(last) = self.len.checked_sub(1).and_then(|i| self.buf.get_mut(i)) {
            *last = b'm';
        }
    }
}

/// Bytes a color parameter group takes in an SGR list (without separator),
/// for a foreground (`base` 30) or background (`base` 40).
#[inline]
pub fn color_len(color: Color, base: u8) -> usize {
    match color.kind() {
        ColorKind::Default => 2,
        ColorKind::Indexed(i) if i < 8 => 2,
        ColorKind::Indexed(i) if i < 16 => DEC[(base + 60 + i - 8) as usize][3] as usize,
        ColorKind::Indexed(i) => 5 + DEC[i as usize][3] as usize,
        ColorKind::Rgb(r, g, b) => {
            7 + (DEC[r as usize][3] + DEC[g as usize][3] + DEC[b as usize][3]) as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut v = Vec::new();
        f(&mut v);
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn numbers() {
        for n in [0, 1, 9, 10, 99, 100, 65535, 1_000_000, u32::MAX] {
            assert_eq!(bytes(|o| push_num(o, n)), n.to_string());
            assert_eq!(digits(n), n.to_string().len(), "{n}");
        }
    }

    #[test]
    fn cursor_moves_are_short() {
        assert_eq!(bytes(|o| cup(o, 0, 0)), "\x1b[H");
        assert_eq!(bytes(|o| cup(o, 0, 4)), "\x1b[5H");
        assert_eq!(bytes(|o| cup(o, 9, 4)), "\x1b[5;10H");
        assert_eq!(bytes(|o| cup(o, 9, 0)), "\x1b[1;10H");
        for (x, y) in [(0, 0), (0, 4), (9, 4), (9, 0), (199, 59)] {
            assert_eq!(bytes(|o| cup(o, x, y)).len(), cup_len(x, y));
        }
        assert_eq!(bytes(|o| csi_n(o, 1, b'C')), "\x1b[C");
        assert_eq!(bytes(|o| csi_n(o, 12, b'C')), "\x1b[12C");
        assert_eq!(csi_n_len(12), 5);
    }

    #[test]
    fn sgr_params() {
        let mut out = Vec::new();
        let mut p = Sgr::new();
        p.push(1);
        p.underline(Underline::Curly);
        p.color(Color::indexed(3), 30);
        p.color(Color::indexed(12), 40);
        p.color(Color::indexed(200), 30);
        p.color(Color::rgb(1, 20, 255), 40);
        p.color(Color::DEFAULT, 30);
        p.finish(&mut out);
        assert_eq!(
            std::str::from_utf8(&out).unwrap(),
            "\x1b[1;4:3;33;104;38;5;200;48;2;1;20;255;39m"
        );
        out.clear();
        Sgr::new().finish(&mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn color_only_sequences_match_the_general_writer() {
        let colors = [
            Color::DEFAULT,
            Color::indexed(3),
            Color::indexed(9),
            Color::indexed(99),
            Color::rgb(0, 10, 255),
        ];
        let mut scratch = [0u8; 128];
        for fg in colors {
            for bg in colors {
                let mut a = Vec::new();
                let mut c = Chunk::new(&mut scratch);
                c.sgr_colors(Some(fg), Some(bg));
                c.flush(&mut a);
                let mut b = Vec::new();
                let mut p = Sgr::new();
                p.color(fg, 30);
                p.color(bg, 40);
                p.finish(&mut b);
                assert_eq!(a, b);
            }
        }
        let mut a = Vec::new();
        let mut c = Chunk::new(&mut scratch);
        c.sgr_colors(None, Some(Color::indexed(1)));
        c.sgr_colors(None, None);
        c.byte(b'x');
        assert!(c.room());
        c.flush(&mut a);
        assert_eq!(a, b"\x1b[41mx");
    }

    #[test]
    fn color_lengths() {
        for c in [
            Color::DEFAULT,
            Color::indexed(3),
            Color::indexed(9),
            Color::indexed(13),
            Color::indexed(99),
            Color::indexed(200),
            Color::rgb(0, 10, 255),
        ] {
            let mut out = Vec::new();
            let mut p = Sgr::new();
            p.color(c, 40);
            p.color(c, 30);
            p.finish(&mut out);
            assert_eq!(out.len() - 4, color_len(c, 40) + color_len(c, 30), "{c:?}");
        }
        for n in 0..=255u8 {
            let mut out = Vec::new();
            push_u8(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }

    #[test]
    fn links_and_shapes() {
        assert_eq!(
            bytes(|o| link_open(o, 7, "https://x")),
            "\x1b]8;id=7;https://x\x1b\\"
        );
        assert_eq!(bytes(|o| cursor_shape(o, 5)), "\x1b[5 q");
        assert_eq!(bytes(|o| scroll_region(o, 0, 9)), "\x1b[1;10r");
    }
}
