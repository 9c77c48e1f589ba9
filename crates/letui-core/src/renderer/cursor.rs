//! Where the terminal cursor is, and the cheapest bytes that move it.
//!
//! Positions are relative to the rendered region (whose top row is
//! `origin` rows below the top of the terminal in inline mode). A
//! coordinate is unknown after anything that leaves the terminal's idea of
//! it uncertain: writing into the last column (the pending-wrap state,
//! which terminals treat differently), printing a multi-codepoint grapheme
//! (which some terminals do not cluster), or resetting the scroll region.

use crate::ansi::{self, csi_n_len, cup_len};

/// The cursor as far as the renderer knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    /// Column, if known.
    pub x: Option<u16>,
    /// Row, if known.
    pub y: Option<u16>,
}

impl Cursor {
    /// Both coordinates unknown.
    pub const UNKNOWN: Cursor = Cursor { x: None, y: None };

    /// A known position.
    pub const fn at(x: u16, y: u16) -> Cursor {
        Cursor {
            x: Some(x),
            y: Some(y),
        }
    }
}

/// A horizontal move within a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizontal {
    /// No move.
    None,
    /// Carriage return: to column 0.
    Cr,
    /// CHA to a column.
    Cha(u16),
    /// CUF by n.
    Cuf(u16),
    /// CUB by n.
    Cub(u16),
    /// n backspaces.
    Bs(u16),
}

/// A planned cursor move: its cost in bytes is known before it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Already there.
    None,
    /// CUP to (x, absolute row).
    Cup(u16, u32),
    /// CR and n line feeds (to column 0, n rows down).
    CrLf(u16),
    /// CUU (negative) or CUD by n rows, or nothing, then a horizontal move.
    Relative(i32, Horizontal),
}

impl Move {
    /// Bytes the move takes.
    pub fn len(&self) -> usize {
        match *self {
            Move::None => 0,
            Move::Cup(x, y) => cup_len(x as u32, y),
            Move::CrLf(n) => 1 + n as usize,
            Move::Relative(dy, h) => {
                let v = if dy == 0 {
                    0
                } else {
                    csi_n_len(dy.unsigned_abs())
                };
                v + horizontal_len(h)
            }
        }
    }

    /// True when no bytes are needed.
    pub fn is_empty(&self) -> bool {
        *self == Move::None
    }

    /// Writes the move.
    #[inline]
    pub fn write(&self, out: &mut Vec<u8>) {
        match *self {
            Move::None => {}
            Move::Cup(x, y) => ansi::cup(out, x as u32, y),
            Move::CrLf(n) => {
                out.push(b'\r');
                for _ in 0..n {
                    out.push(b'\n');
                }
            }
            Move::Relative(0, Horizontal::Cuf(n)) if n < 10 => {
                // The most frequent move, as one store.
                if n == 1 {
                    out.extend_from_slice(b"\x1b[C");
                } else {
                    out.extend_from_slice(&[0x1b, b'[', b'0' + n as u8, b'C']);
                }
            }
            Move::Relative(dy, h) => {
                if dy > 0 {
                    ansi::csi_n(out, dy as u32, b'B');
                } else if dy < 0 {
                    ansi::csi_n(out, dy.unsigned_abs(), b'A');
                }
                match h {
                    Horizontal::None => {}
                    Horizontal::Cr => out.push(b'\r'),
                    Horizontal::Cha(x) => ansi::csi_n(out, x as u32 + 1, b'G'),
                    Horizontal::Cuf(n) => ansi::csi_n(out, n as u32, b'C'),
                    Horizontal::Cub(n) => ansi::csi_n(out, n as u32, b'D'),
                    Horizontal::Bs(n) => {
                        for _ in 0..n {
                            out.push(0x08);
                        }
                    }
                }
            }
        }
    }
}

fn horizontal_len(h: Horizontal) -> usize {
    match h {
        Horizontal::None => 0,
        Horizontal::Cr => 1,
        Horizontal::Cha(x) => csi_n_len(x as u32 + 1),
        Horizontal::Cuf(n) | Horizontal::Cub(n) => csi_n_len(n as u32),
        Horizontal::Bs(n) => n as usize,
    }
}

/// The shortest horizontal move to column `x` from `from` (unknown when
/// `None`): CR, CHA, CUF, CUB or backspaces.
fn horizontal(from: Option<u16>, x: u16) -> Horizontal {
    if from == Some(x) {
        return Horizontal::None;
    }
    if x == 0 {
        return Horizontal::Cr;
    }
    let mut best = Horizontal::Cha(x);
    let mut consider = |h: Horizontal| {
        if horizontal_len(h) < horizontal_len(best) {
            best = h;
        }
    };
    // (CR then CUF by x is never shorter than CHA to x: CHA's number,
    // x + 1, has at most one more digit than x, and CR costs one byte.)
    if let Some(cx) = from {
        if x > cx {
            consider(Horizontal::Cuf(x - cx));
        } else {
            consider(Horizontal::Cub(cx - x));
            consider(Horizontal::Bs(cx - x));
        }
    }
    best
}

/// The cheapest move of the cursor from `cur` to (`x`, `y`) of a region
/// whose top is row `origin` of the terminal. Ties go to the absolute move.
///
/// Line feeds are only used to reach column 0 (so output post-processing
/// turning LF into CRLF changes nothing) and never scroll, since the target
/// row is inside the region.
#[inline]
pub fn best_move(cur: Cursor, x: u16, y: u16, origin: u16) -> Move {
    if cur.x == Some(x) && cur.y == Some(y) {
        return Move::None;
    }
    let cup = Move::Cup(x, y as u32 + origin as u32);
    let Some(cy) = cur.y else {
        return cup;
    };
    if y == cy {
        // Same row: a horizontal move is never longer than CUP, which
        // spells the row out as well. Forward from a known column, CUF is
        // never longer than the alternatives (its count is at most the
        // target column): the common case, decided without comparing.
        if let Some(cx) = cur.x {
            if x > cx {
                return Move::Relative(0, Horizontal::Cuf(x - cx));
            }
        }
        return Move::Relative(0, horizontal(cur.x, x));
    }
    let rel = if y > cy && x == 0 && y - cy <= 4 {
        Move::CrLf(y - cy)
    } else {
        Move::Relative(y as i32 - cy as i32, horizontal(cur.x, x))
    };
    if rel.len() < cup.len() { rel } else { cup }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mv(cur: Cursor, x: u16, y: u16) -> String {
        let m = best_move(cur, x, y, 0);
        let mut out = Vec::new();
        m.write(&mut out);
        assert_eq!(out.len(), m.len(), "{m:?}");
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn unknown_cursor_uses_cup() {
        assert_eq!(mv(Cursor::UNKNOWN, 0, 0), "\x1b[H");
        assert_eq!(mv(Cursor::UNKNOWN, 4, 2), "\x1b[3;5H");
    }

    #[test]
    fn same_row_moves() {
        assert_eq!(mv(Cursor::at(5, 3), 5, 3), "");
        assert_eq!(mv(Cursor::at(5, 3), 6, 3), "\x1b[C");
        assert_eq!(
            mv(Cursor::at(5, 3), 40, 3),
            "\x1b[35C",
            "forward: CUF is never longer"
        );
        assert_eq!(mv(Cursor::at(5, 3), 14, 3), "\x1b[9C");
        assert_eq!(mv(Cursor::at(5, 3), 4, 3), "\x08");
        assert_eq!(mv(Cursor::at(5, 3), 2, 3), "\x08\x08\x08");
        assert_eq!(mv(Cursor::at(50, 3), 2, 3), "\x1b[3G");
        assert_eq!(mv(Cursor::at(150, 3), 140, 3), "\x1b[10D");
        assert_eq!(mv(Cursor::at(5, 3), 0, 3), "\r");
        assert_eq!(
            mv(
                Cursor {
                    x: None,
                    y: Some(3)
                },
                7,
                3
            ),
            "\x1b[8G",
            "column unknown: absolute column"
        );
    }

    #[test]
    fn row_changes() {
        assert_eq!(mv(Cursor::at(5, 3), 0, 4), "\r\n");
        assert_eq!(mv(Cursor::at(5, 3), 0, 5), "\r\n\n");
        assert_eq!(
            mv(Cursor::at(5, 3), 0, 6),
            "\x1b[7H",
            "ties go to the absolute move"
        );
        assert_eq!(mv(Cursor::at(5, 3), 5, 4), "\x1b[B");
        assert_eq!(
            mv(Cursor::at(5, 3), 6, 2),
            "\x1b[3;7H",
            "ties go to the absolute move"
        );
        assert_eq!(mv(Cursor::at(5, 30), 6, 29), "\x1b[A\x1b[C");
        assert_eq!(mv(Cursor::at(5, 30), 100, 2), "\x1b[3;101H");
    }

    #[test]
    fn origin_offsets_absolute_moves() {
        assert_eq!(best_move(Cursor::UNKNOWN, 0, 0, 10), Move::Cup(0, 10));
    }

    #[test]
    fn every_move_is_no_longer_than_cup() {
        for cx in [None, Some(0u16), Some(3), Some(79)] {
            for cy in [None, Some(0u16), Some(5), Some(23)] {
                for (x, y) in [(0u16, 0u16), (1, 5), (79, 23), (40, 6)] {
                    let s = best_move(Cursor { x: cx, y: cy }, x, y, 0);
                    assert!(s.len() <= cup_len(x as u32, y as u32));
                }
            }
        }
    }

    #[test]
    fn every_move_costs_what_it_writes() {
        let rows = [
            None,
            Some(0u16),
            Some(8),
            Some(9),
            Some(10),
            Some(98),
            Some(99),
            Some(100),
        ];
        let cols = [
            None,
            Some(0u16),
            Some(1),
            Some(8),
            Some(9),
            Some(10),
            Some(98),
            Some(99),
            Some(100),
            Some(150),
        ];
        for cy in rows {
            for cx in cols {
                for y in [0u16, 8, 9, 10, 98, 99, 100] {
                    for x in [0u16, 1, 7, 8, 9, 10, 11, 98, 99, 100, 101, 140] {
                        let m = best_move(Cursor { x: cx, y: cy }, x, y, 0);
                        let mut out = Vec::new();
                        m.write(&mut out);
                        assert_eq!(out.len(), m.len(), "{m:?}");
                        assert!(m.len() <= cup_len(x as u32, y as u32), "{m:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn costs_change_where_numbers_gain_a_digit() {
        // Backwards to column 8 is CHA 9 (4 bytes); column 9 is CHA 10 (5).
        assert_eq!(mv(Cursor::at(30, 3), 8, 3), "\x1b[9G");
        assert_eq!(mv(Cursor::at(30, 3), 9, 3), "\x1b[10G");
        assert_eq!(mv(Cursor::at(200, 3), 98, 3), "\x1b[99G");
        assert_eq!(
            mv(Cursor::at(200, 3), 99, 3),
            "\x1b[100G",
            "a tie with CUB 101 goes to CHA"
        );
        assert_eq!(
            mv(Cursor::at(120, 3), 99, 3),
            "\x1b[21D",
            "CUB 21 is shorter than CHA 100"
        );
        assert_eq!(
            mv(Cursor::at(120, 3), 98, 3),
            "\x1b[99G",
            "a tie with CUB 22 goes to CHA"
        );
        // Backwards by a few: backspaces while no longer than a CUB.
        assert_eq!(mv(Cursor::at(120, 3), 117, 3), "\x08\x08\x08");
        assert_eq!(
            mv(Cursor::at(120, 3), 116, 3),
            "\x1b[4D",
            "a tie with four backspaces goes to CUB"
        );
        assert_eq!(mv(Cursor::at(120, 3), 115, 3), "\x1b[5D");
        assert_eq!(mv(Cursor::at(120, 3), 110, 3), "\x1b[10D");
        // CUF by 1 to 9 is one digit shorter than by 10 or more.
        assert_eq!(mv(Cursor::at(0, 3), 1, 3), "\x1b[C");
        assert_eq!(mv(Cursor::at(0, 3), 9, 3), "\x1b[9C");
        assert_eq!(mv(Cursor::at(0, 3), 10, 3), "\x1b[10C");
        assert_eq!(mv(Cursor::at(0, 3), 99, 3), "\x1b[99C");
        assert_eq!(mv(Cursor::at(0, 3), 100, 3), "\x1b[100C");
        // Rows: one down beats CUP; CUP spells 1-based numbers.
        assert_eq!(mv(Cursor::at(4, 8), 4, 9), "\x1b[B");
        assert_eq!(mv(Cursor::UNKNOWN, 8, 8), "\x1b[9;9H");
        assert_eq!(mv(Cursor::UNKNOWN, 9, 9), "\x1b[10;10H");
        assert_eq!(mv(Cursor::UNKNOWN, 99, 99), "\x1b[100;100H");
    }
}
