//! Recognising a band of rows whose content moved up or down by whole rows
//! (a scrolled list or log), so the renderer can scroll the terminal's
//! region instead of repainting every moved row.
//!
//! Rows are compared through fingerprints (a hash of a few sampled cells)
//! first, so a frame with scattered changes pays almost nothing; only rows
//! whose fingerprints agree are compared in full.

use crate::cell::Cell;
use crate::grid::{Grid, rows_equal};

/// Largest shift looked for, in rows.
pub const MAX_SHIFT: u16 = 12;

/// A detected scroll: rows `top..=bottom` of the region scroll by `shift`
/// rows (positive: content moves up, as after `CSI n S`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    /// First row of the scrolling region.
    pub top: u16,
    /// Last row of the scrolling region.
    pub bottom: u16,
    /// Rows moved: positive up, negative down.
    pub shift: i16,
}

#[inline]
fn mix(h: u64, v: u32) -> u64 {
    (h.rotate_left(5) ^ v as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// A hash of a few cells of a row, equal for equal rows.
#[inline]
pub fn fingerprint(row: &[Cell]) -> u64 {
    let w = row.len();
    let mut h = w as u64;
    if w == 0 {
        return h;
    }
    for i in 0..6 {
        let c = &row[i * (w - 1) / 5];
        h = mix(h, c.glyph ^ c.fg.0.rotate_left(7));
    }
    h
}

/// Reusable buffers for [`Detector::detect`].
#[derive(Debug, Clone, Default)]
pub struct Detector {
    back: Vec<u64>,
    front: Vec<u64>,
    sorted: Vec<(u64, u16)>,
}

impl Detector {
    /// Finds the scroll that saves the most row repaints, if any saves at
    /// least two. `changed[y]` tells whether row `y` differs between `back`
    /// and `front` (both of the same size).
    pub fn detect(&mut self, back: &Grid, front: &Grid, changed: &[bool]) -> Option<Scroll> {
        let h = back.height();
        if h < 3 || changed.iter().filter(|&&c| c).count() < 2 {
            return None;
        }
        self.back.clear();
        self.front.clear();
        for y in 0..h {
            self.back.push(if changed[y as usize] {
                fingerprint(back.row(y))
            } else {
                0
            });
            self.front.push(fingerprint(front.row(y)));
        }
        // Cheap pre-check: at least two changed rows must match some front
        // row within reach, or no scroll can pay off. Front fingerprints
        // sorted once make each lookup a binary search.
        let reach = MAX_SHIFT.min(h - 1) as usize;
        self.sorted.clear();
        self.sorted
            .extend(self.front.iter().enumerate().map(|(i, &f)| (f, i as u16)));
        self.sorted.sort_unstable();
        let mut candidates = 0;
        for (y, _) in changed.iter().enumerate().filter(|(_, c)| **c) {
            let fp = self.back[y];
            let start = self.sorted.partition_point(|&(f, _)| f < fp);
            let near = self.sorted[start..]
                .iter()
                .take_while(|&&(f, _)| f == fp)
                .any(|&(_, s)| s as usize != y && (s as usize).abs_diff(y) <= reach);
            if near {
                candidates += 1;
                if candidates >= 2 {
                    break;
                }
            }
        }
        if candidates < 2 {
            return None;
        }
        for y in 0..h {
            if !changed[y as usize] {
                self.back[y as usize] = fingerprint(back.row(y));
            }
        }
        let mut best: Option<(usize, Scroll)> = None;
        for k in 1..=MAX_SHIFT.min(h - 1) {
            for up in [true, false] {
                self.best_run(back, front, changed, k, up, &mut best);
            }
        }
        best.filter(|(score, _)| *score >= 2).map(|(_, s)| s)
    }

    /// Scans for runs of rows `y` with back row `y` equal to front row
    /// `y + k` (up) or `y - k` (down), keeping the one with most changed rows.
    fn best_run(
        &self,
        back: &Grid,
        front: &Grid,
        changed: &[bool],
        k: u16,
        up: bool,
        best: &mut Option<(usize, Scroll)>,
    ) {
        let h = back.height();
        let (lo, hi) = if up { (0, h - k) } else { (k, h) };
        let mut run_start = lo;
        let mut score = 0usize;
        for y in lo..=hi {
            let holds = y < hi && {
                let src = if up { y + k } else { y - k };
                self.back[y as usize] == self.front[src as usize]
                    && rows_equal(back.row(y), front.row(src))
            };
            if holds {
                score += usize::from(changed[y as usize]);
                continue;
            }
            if y > run_start && score > best.map_or(0, |b| b.0) {
                let (a, b) = (run_start, y - 1);
                let scroll = if up {
                    Scroll {
                        top: a,
                        bottom: b + k,
                        shift: k as i16,
                    }
                } else {
                    Scroll {
                        top: a - k,
                        bottom: b,
                        shift: -(k as i16),
                    }
                };
                *best = Some((score, scroll));
            }
            run_start = y + 1;
            score = 0;
        }
    }
}

/// Applies `scroll` to `grid` as the terminal will, marking the rows that
/// scroll in with `fresh` (cells the renderer knows to repaint).
pub fn apply(grid: &mut Grid, scroll: Scroll, fresh: Cell) {
    let w = grid.width() as usize;
    let (top, bottom) = (scroll.top as usize, scroll.bottom as usize);
    let k = scroll.shift.unsigned_abs() as usize;
    let band = &mut grid.cells_mut()[top * w..(bottom + 1) * w];
    if scroll.shift > 0 {
        band.rotate_left(k * w);
        let n = band.len();
        band[n - k * w..].fill(fresh);
    } else {
        band.rotate_right(k * w);
        band[..k * w].fill(fresh);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(a: &Grid, b: &Grid) -> Vec<bool> {
        (0..a.height()).map(|y| a.row(y) != b.row(y)).collect()
    }

    #[test]
    fn finds_scroll_up_and_down() {
        let front = Grid::from_lines(&["aaaa", "bbbb", "cccc", "dddd", "eeee"]);
        let back = Grid::from_lines(&["bbbb", "cccc", "dddd", "eeee", "ffff"]);
        let mut d = Detector::default();
        let s = d.detect(&back, &front, &changed(&back, &front)).unwrap();
        assert_eq!(
            s,
            Scroll {
                top: 0,
                bottom: 4,
                shift: 1
            }
        );
        let s = d.detect(&front, &back, &changed(&front, &back)).unwrap();
        assert_eq!(
            s,
            Scroll {
                top: 0,
                bottom: 4,
                shift: -1
            }
        );
    }

    #[test]
    fn finds_a_band_inside_fixed_rows() {
        let front = Grid::from_lines(&["HEAD", "l1  ", "l2  ", "l3  ", "l4  ", "FOOT"]);
        let back = Grid::from_lines(&["HEAD", "l3  ", "l4  ", "l5  ", "l6  ", "FOOT"]);
        let mut d = Detector::default();
        let s = d.detect(&back, &front, &changed(&back, &front)).unwrap();
        assert_eq!(
            s,
            Scroll {
                top: 1,
                bottom: 4,
                shift: 2
            }
        );
        let mut g = front.clone();
        apply(&mut g, s, Cell::BLANK);
        assert_eq!(
            g,
            Grid::from_lines(&["HEAD", "l3  ", "l4  ", "    ", "    ", "FOOT"])
        );
    }

    #[test]
    fn scattered_changes_are_not_a_scroll() {
        let front = Grid::from_lines(&["abcd", "efgh", "ijkl", "mnop"]);
        let back = Grid::from_lines(&["abcX", "eXgh", "ijkl", "Xnop"]);
        let mut d = Detector::default();
        assert_eq!(d.detect(&back, &front, &changed(&back, &front)), None);
    }
}
