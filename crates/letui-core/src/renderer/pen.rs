//! The terminal's current SGR state ("pen") and the shortest sequence that
//! changes it: the delta of what differs, or a reset followed by the full
//! target when that is shorter, never a reset when one attribute changed.

use crate::ansi::{self, Sgr};
use crate::cell::{Attrs, Cell, Color, Underline};
use crate::color::ColorMode;

/// Flags that show nothing on a blank cell: a space printed with or
/// without them looks the same.
const INVISIBLE_ON_BLANK: u32 =
    Attrs::BOLD | Attrs::DIM | Attrs::ITALIC | Attrs::BLINK | Attrs::HIDDEN;

/// Colors and attributes as the terminal holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pen {
    /// Foreground, already downgraded to the color mode.
    pub fg: Color,
    /// Background, already downgraded.
    pub bg: Color,
    /// SGR attribute bits ([`Attrs::sgr_bits`]).
    pub attrs: u32,
}

impl Pen {
    /// The pen after `SGR 0`.
    pub const RESET: Pen = Pen {
        fg: Color::DEFAULT,
        bg: Color::DEFAULT,
        attrs: 0,
    };

    /// The pen needed to show `cell`, given the color mode, whether the
    /// terminal knows underline styles, and the current pen (a blank cell
    /// without visible attributes keeps the current foreground and
    /// invisible flags, which saves bytes and changes nothing on screen).
    #[inline]
    pub fn for_cell(cell: &Cell, mode: ColorMode, styled_underline: bool, current: &Pen) -> Pen {
        let mut attrs = if cell.attrs.is_normal() {
            cell.attrs
        } else {
            cell.attrs.normalized()
        };
        if !styled_underline && attrs.underline() != Underline::None {
            attrs = attrs.with_underline(Underline::Single);
        }
        let bits = attrs.sgr_bits();
        let bg = mode.downgrade(cell.bg);
        if is_plain_blank(cell) {
            return Pen {
                fg: current.fg,
                bg,
                attrs: current.attrs & INVISIBLE_ON_BLANK,
            };
        }
        Pen {
            fg: mode.downgrade(cell.fg),
            bg,
            attrs: bits,
        }
    }

    /// Writes the shortest SGR sequence changing `self` into `to` (nothing
    /// when they are equal) and becomes `to`.
    ///
    /// The delta is written first; only when it had to turn something off
    /// can a reset plus the full target be shorter, and then that is
    /// written instead.
    #[inline]
    pub fn change_to(&mut self, to: Pen, out: &mut Vec<u8>) {
        if *self == to {
            return;
        }
        let (delta, turned_off) = delta(self, &to);
        if turned_off && reset_len(&to) < delta.len() {
            write_full(&to, out);
        } else {
            delta.finish(out);
        }
        *self = to;
    }
}

/// A space whose look depends on nothing but its background: no inverse,
/// underline, strikethrough or hyperlink.
#[inline]
pub fn is_plain_blank(cell: &Cell) -> bool {
    cell.glyph == b' ' as u32
        && cell.attrs.0 & (Attrs::INVERSE | Attrs::STRIKE) == 0
        && cell.attrs.underline() == Underline::None
        && cell.attrs.link() == 0
}

/// Writes `CSI 0 ; <everything in to> m` (or `CSI m` for the reset pen).
fn write_full(to: &Pen, out: &mut Vec<u8>) {
    if *to == Pen::RESET {
        out.extend_from_slice(ansi::SGR_RESET);
        return;
    }
    let mut p = Sgr::new();
    p.push(0);
    let a = Attrs(to.attrs);
    for (bit, n) in FLAG_CODES {
        if a.has(bit) {
            p.push(n);
        }
    }
    if a.underline() != Underline::None {
        p.underline(a.underline());
    }
    if to.fg != Color::DEFAULT {
        p.color(to.fg, 30);
    }
    if to.bg != Color::DEFAULT {
        p.color(to.bg, 40);
    }
    p.finish(out);
}

/// Bytes [`write_full`] would write.
fn reset_len(to: &Pen) -> usize {
    if *to == Pen::RESET {
        return ansi::SGR_RESET.len();
    }
    let a = Attrs(to.attrs);
    let mut n = 4; // CSI 0 ... m
    n += 2 * (a.flag_bits()).count_ones() as usize;
    n += match a.underline() {
        Underline::None => 0,
        Underline::Single => 2,
        _ => 4,
    };
    if to.fg != Color::DEFAULT {
        n += 1 + ansi::color_len(to.fg, 30);
    }
    if to.bg != Color::DEFAULT {
        n += 1 + ansi::color_len(to.bg, 40);
    }
    n
}

/// (flag, SGR code that sets it) in the order they are written.
const FLAG_CODES: [(u32, u8); 7] = [
    (Attrs::BOLD, 1),
    (Attrs::DIM, 2),
    (Attrs::ITALIC, 3),
    (Attrs::BLINK, 5),
    (Attrs::INVERSE, 7),
    (Attrs::HIDDEN, 8),
    (Attrs::STRIKE, 9),
];

/// The parameters that differ, and whether any of them turns something off
/// (so that a reset might be shorter).
#[inline]
fn delta(from: &Pen, to: &Pen) -> (Sgr, bool) {
    let mut p = Sgr::new();
    let mut off = false;
    let (f, t) = (Attrs(from.attrs), Attrs(to.attrs));
    if f.sgr_bits() != t.sgr_bits() {
        // Bold and dim share one "off" code (22).
        let intensity = Attrs::BOLD | Attrs::DIM;
        if f.0 & intensity & !t.0 != 0 {
            off = true;
            p.push(22);
            if t.has(Attrs::BOLD) {
                p.push(1);
            }
            if t.has(Attrs::DIM) {
                p.push(2);
            }
        } else {
            for (bit, n) in [(Attrs::BOLD, 1), (Attrs::DIM, 2)] {
                if t.has(bit) && !f.has(bit) {
                    p.push(n);
                }
            }
        }
        for (bit, on, off_code) in [
            (Attrs::ITALIC, 3, 23),
            (Attrs::BLINK, 5, 25),
            (Attrs::INVERSE, 7, 27),
            (Attrs::HIDDEN, 8, 28),
            (Attrs::STRIKE, 9, 29),
        ] {
            match (f.has(bit), t.has(bit)) {
                (false, true) => p.push(on),
                (true, false) => {
                    off = true;
                    p.push(off_code);
                }
                _ => {}
            }
        }
        if f.underline() != t.underline() {
            off |= t.underline() == Underline::None;
            p.underline(t.underline());
        }
    }
    if from.fg != to.fg {
        off |= to.fg == Color::DEFAULT;
        p.color(to.fg, 30);
    }
    if from.bg != to.bg {
        off |= to.bg == Color::DEFAULT;
        p.color(to.bg, 40);
    }
    (p, off)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(from: Pen, to: Pen) -> String {
        let mut out = Vec::new();
        let mut pen = from;
        pen.change_to(to, &mut out);
        assert_eq!(pen, to);
        String::from_utf8(out).unwrap()
    }

    fn pen(fg: Color, bg: Color, attrs: u32) -> Pen {
        Pen { fg, bg, attrs }
    }

    #[test]
    fn one_attribute_change_is_a_delta() {
        let red = Color::rgb(255, 0, 0);
        let blue = Color::rgb(0, 0, 255);
        let from = pen(red, blue, Attrs::BOLD | Attrs::ITALIC);
        assert_eq!(change(from, pen(red, blue, Attrs::BOLD)), "\x1b[23m");
        assert_eq!(change(from, pen(red, blue, Attrs::ITALIC)), "\x1b[22m");
        assert_eq!(
            change(from, pen(red, blue, Attrs::ITALIC | Attrs::DIM)),
            "\x1b[22;2m"
        );
        assert_eq!(
            change(from, pen(Color::indexed(1), blue, from.attrs)),
            "\x1b[31m"
        );
        assert_eq!(change(from, from), "");
    }

    #[test]
    fn reset_when_shorter() {
        let from = pen(
            Color::rgb(1, 2, 3),
            Color::rgb(4, 5, 6),
            Attrs::BOLD | Attrs::ITALIC | Attrs::INVERSE,
        );
        assert_eq!(change(from, Pen::RESET), "\x1b[m");
        assert_eq!(
            change(from, pen(Color::DEFAULT, Color::DEFAULT, Attrs::DIM)),
            "\x1b[0;2m"
        );
    }

    #[test]
    fn underline_styles() {
        let plain = Pen::RESET;
        let curly = pen(
            Color::DEFAULT,
            Color::DEFAULT,
            Attrs::NONE.with_underline(Underline::Curly).0,
        );
        assert_eq!(change(plain, curly), "\x1b[4:3m");
        assert_eq!(change(curly, plain), "\x1b[m");
        let single = pen(
            Color::indexed(2),
            Color::DEFAULT,
            Attrs::NONE.with_underline(Underline::Single).0,
        );
        let bare = pen(Color::indexed(2), Color::DEFAULT, 0);
        assert_eq!(change(single, bare), "\x1b[24m");
    }

    #[test]
    fn blank_cells_keep_invisible_state() {
        let current = pen(
            Color::rgb(9, 9, 9),
            Color::DEFAULT,
            Attrs::BOLD | Attrs::INVERSE,
        );
        let blank = Cell::blank(Color::indexed(4));
        let p = Pen::for_cell(&blank, ColorMode::TrueColor, true, &current);
        assert_eq!(p, pen(Color::rgb(9, 9, 9), Color::indexed(4), Attrs::BOLD));
        let mut underlined = blank;
        underlined.attrs = Attrs::NONE.with_underline(Underline::Double);
        let p = Pen::for_cell(&underlined, ColorMode::TrueColor, false, &current);
        assert_eq!(Attrs(p.attrs).underline(), Underline::Single);
        assert_eq!(p.fg, Color::DEFAULT);
    }

    #[test]
    fn colors_are_downgraded() {
        let mut c = Cell::BLANK;
        c.set_char('x').set_fg(Color::rgb(255, 0, 0));
        let p = Pen::for_cell(&c, ColorMode::Basic16, true, &Pen::RESET);
        assert_eq!(p.fg, Color::indexed(9));
        let p = Pen::for_cell(&c, ColorMode::NoColor, true, &Pen::RESET);
        assert_eq!(p.fg, Color::DEFAULT);
    }

    /// Pens covering every flag, underline style and color kind.
    fn sample_pens() -> Vec<Pen> {
        let colors = [
            Color::DEFAULT,
            Color::indexed(1),
            Color::indexed(9),
            Color::indexed(200),
            Color::rgb(1, 2, 3),
            Color::rgb(255, 255, 255),
        ];
        let attrs = [
            0,
            Attrs::BOLD,
            Attrs::DIM,
            Attrs::BOLD | Attrs::DIM,
            Attrs::ITALIC | Attrs::BLINK,
            Attrs::INVERSE | Attrs::HIDDEN | Attrs::STRIKE,
            Attrs::NONE.with_underline(Underline::Single).0,
            Attrs::NONE.with_underline(Underline::Curly).0 | Attrs::BOLD,
            Attrs::BOLD
                | Attrs::DIM
                | Attrs::ITALIC
                | Attrs::BLINK
                | Attrs::INVERSE
                | Attrs::HIDDEN
                | Attrs::STRIKE,
        ];
        let mut out = Vec::new();
        for (i, &fg) in colors.iter().enumerate() {
            for &bg in &colors[i % 3..] {
                for &a in &attrs {
                    out.push(pen(fg, bg, a));
                }
            }
        }
        out
    }

    #[test]
    fn reset_len_is_what_a_reset_writes() {
        for to in sample_pens() {
            let mut out = Vec::new();
            write_full(&to, &mut out);
            assert_eq!(
                reset_len(&to),
                out.len(),
                "{to:?}: {:?}",
                String::from_utf8_lossy(&out)
            );
        }
    }

    #[test]
    fn every_change_is_the_shorter_of_delta_and_reset_and_reaches_its_target() {
        for from in sample_pens() {
            for to in sample_pens() {
                let got = change(from, to);
                if from == to {
                    assert_eq!(got, "");
                    continue;
                }
                let (d, turned_off) = delta(&from, &to);
                let mut delta_bytes = Vec::new();
                d.finish(&mut delta_bytes);
                let mut reset_bytes = Vec::new();
                write_full(&to, &mut reset_bytes);
                let want = if turned_off && reset_bytes.len() < delta_bytes.len() {
                    reset_bytes
                } else {
                    delta_bytes
                };
                assert_eq!(got.as_bytes(), want, "{from:?} -> {to:?}");
                // A reset is only chosen when it is strictly shorter (a tie
                // keeps the delta), and a delta with nothing turned off is
                // never replaced.
                if !turned_off {
                    assert!(
                        !got.starts_with("\x1b[0") && got != "\x1b[m" || to == Pen::RESET,
                        "{from:?} -> {to:?}: {got:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn reset_versus_delta_at_the_tie() {
        // From bold+italic to nothing but a red foreground: the delta
        // "22;23;31" (11 bytes) loses to "0;31" (7).
        let from = pen(Color::DEFAULT, Color::DEFAULT, Attrs::BOLD | Attrs::ITALIC);
        assert_eq!(
            change(from, pen(Color::indexed(1), Color::DEFAULT, 0)),
            "\x1b[0;31m"
        );
        // Turning one flag off and keeping a truecolor background: the
        // delta "23" (5 bytes) beats a reset spelling the color out.
        let bg = Color::rgb(10, 20, 30);
        let from = pen(Color::DEFAULT, bg, Attrs::ITALIC);
        assert_eq!(change(from, pen(Color::DEFAULT, bg, 0)), "\x1b[23m");
        // A lone bold off: "22" (5 bytes) against the bare reset (3)...
        let from = pen(Color::DEFAULT, Color::DEFAULT, Attrs::BOLD);
        assert_eq!(change(from, Pen::RESET), "\x1b[m");
        // ...but bold off with dim kept is "22;2" (7) against "0;2" (6).
        let from = pen(Color::DEFAULT, Color::DEFAULT, Attrs::BOLD | Attrs::DIM);
        assert_eq!(
            change(from, pen(Color::DEFAULT, Color::DEFAULT, Attrs::DIM)),
            "\x1b[0;2m"
        );
        // Default foreground back from a palette color, background kept:
        // "39" (5) against "0;41" (7).
        let from = pen(Color::indexed(2), Color::indexed(1), 0);
        assert_eq!(
            change(from, pen(Color::DEFAULT, Color::indexed(1), 0)),
            "\x1b[39m"
        );
    }
}
