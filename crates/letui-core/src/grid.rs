//! A rectangular grid of cells and the rectangle type.

use crate::cell::Cell;

/// A rectangle in cell coordinates. `x`/`y` may be anywhere; methods clamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rect {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Width in cells.
    pub width: u16,
    /// Height in cells.
    pub height: u16,
}

impl Rect {
    /// A rectangle from its origin and size.
    pub const fn new(x: u16, y: u16, width: u16, height: u16) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// One past the right column.
    #[inline]
    pub const fn right(&self) -> u32 {
        self.x as u32 + self.width as u32
    }

    /// One past the bottom row.
    #[inline]
    pub const fn bottom(&self) -> u32 {
        self.y as u32 + self.height as u32
    }

    /// The overlap of two rectangles (empty when they do not meet).
    pub fn intersect(&self, other: &Rect) -> Rect {
        let x = self.x.max(other.x);
        let y = self.y.max(other.y);
        let r = self.right().min(other.right());
        let b = self.bottom().min(other.bottom());
        if r <= x as u32 || b <= y as u32 {
            return Rect::new(x, y, 0, 0);
        }
        Rect::new(x, y, (r - x as u32) as u16, (b - y as u32) as u16)
    }

    /// True when the rectangle has no cells.
    pub const fn is_empty(&self) -> bool {
        self.width == 0 || self.height == 0
    }

    /// True when the cell (x, y) is inside.
    #[inline]
    pub const fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x && (x as u32) < self.right() && y >= self.y && (y as u32) < self.bottom()
    }
}

#[inline(always)]
fn cell_diff(a: &Cell, b: &Cell) -> u32 {
    (a.glyph ^ b.glyph) | (a.fg.0 ^ b.fg.0) | (a.bg.0 ^ b.bg.0) | (a.attrs.0 ^ b.attrs.0)
}

/// The index of the first cell at or after `from` where `a` and `b` differ
/// (the shorter length when they agree to the end).
///
/// Compares eight cells at a time without branching inside a block, which
/// the compiler turns into vector instructions: this scan is most of the
/// cost of a frame with few changes.
#[inline]
pub fn first_difference(a: &[Cell], b: &[Cell], from: usize) -> usize {
    let n = a.len().min(b.len());
    let mut i = from.min(n);
    // Right after a change, the next cell often differs too.
    if i < n && cell_diff(&a[i], &b[i]) != 0 {
        return i;
    }
    let (ra, rb) = (&a[i..n], &b[i..n]);
    for (ca, cb) in ra.chunks_exact(8).zip(rb.chunks_exact(8)) {
        let acc = ca
            .iter()
            .zip(cb)
            .fold(0, |acc, (p, q)| acc | cell_diff(p, q));
        if acc != 0 {
            break;
        }
        i += 8;
    }
    while i < n && cell_diff(&a[i], &b[i]) == 0 {
        i += 1;
    }
    i
}

/// True when two rows of cells are equal (the fast form of `==`).
#[inline]
pub fn rows_equal(a: &[Cell], b: &[Cell]) -> bool {
    a.len() == b.len() && first_difference(a, b, 0) == a.len()
}

/// A `width` x `height` array of cells, row-major.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    width: u16,
    height: u16,
    cells: Vec<Cell>,
}

impl Grid {
    /// A grid filled with [`Cell::BLANK`].
    pub fn new(width: u16, height: u16) -> Grid {
        Grid {
            width,
            height,
            cells: vec![Cell::BLANK; width as usize * height as usize],
        }
    }

    /// A grid whose rows are the given ASCII lines (padded with blanks), for
    /// tests and examples. Lines must be narrow characters only.
    ///
    /// # Examples
    /// ```
    /// use letui_core::Grid;
    /// let g = Grid::from_lines(&["ab", "c"]);
    /// assert_eq!((g.width(), g.height()), (2, 2));
    /// assert_eq!(g.row_text(1), "c ");
    /// ```
    pub fn from_lines(lines: &[&str]) -> Grid {
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let mut g = Grid::new(width as u16, lines.len() as u16);
        for (y, line) in lines.iter().enumerate() {
            for (x, c) in line.chars().enumerate() {
                g.cells[y * width + x].set_char(c);
            }
        }
        g
    }

    /// Width in cells.
    #[inline]
    pub const fn width(&self) -> u16 {
        self.width
    }

    /// Height in cells.
    #[inline]
    pub const fn height(&self) -> u16 {
        self.height
    }

    /// The whole grid as a rectangle at the origin.
    pub const fn area(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }

    /// All cells, row-major.
    #[inline]
    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    /// All cells, mutable.
    #[inline]
    pub fn cells_mut(&mut self) -> &mut [Cell] {
        &mut self.cells
    }

    /// Index of (x, y) in [`Grid::cells`], if inside.
    #[inline]
    pub fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.width && y < self.height).then(|| y as usize * self.width as usize + x as usize)
    }

    /// The cell at (x, y), if inside.
    #[inline]
    pub fn get(&self, x: u16, y: u16) -> Option<&Cell> {
        self.index(x, y).map(|i| &self.cells[i])
    }

    /// The cell at (x, y), mutable, if inside.
    #[inline]
    pub fn get_mut(&mut self, x: u16, y: u16) -> Option<&mut Cell> {
        self.index(x, y).map(|i| &mut self.cells[i])
    }

    /// Row `y` (which must be inside).
    #[inline]
    pub fn row(&self, y: u16) -> &[Cell] {
        let w = self.width as usize;
        &self.cells[y as usize * w..(y as usize + 1) * w]
    }

    /// Row `y`, mutable (which must be inside).
    #[inline]
    pub fn row_mut(&mut self, y: u16) -> &mut [Cell] {
        let w = self.width as usize;
        &mut self.cells[y as usize * w..(y as usize + 1) * w]
    }

    /// Sets every cell to `cell`.
    pub fn clear(&mut self, cell: Cell) {
        self.cells.fill(cell);
    }

    /// Changes the size, keeping the overlapping top-left content.
    ///
    /// New cells are blank. A wide character cut in half by the new right
    /// edge becomes a blank.
    pub fn resize(&mut self, width: u16, height: u16) {
        if width == self.width && height == self.height {
            return;
        }
        let (ow, oh) = (self.width as usize, self.height as usize);
        let (nw, nh) = (width as usize, height as usize);
        if nw == ow {
            self.cells.resize(nw * nh, Cell::BLANK);
        } else {
            let mut cells = vec![Cell::BLANK; nw * nh];
            let keep = ow.min(nw);
            for y in 0..oh.min(nh) {
                cells[y * nw..y * nw + keep].copy_from_slice(&self.cells[y * ow..y * ow + keep]);
                if nw < ow && keep > 0 && self.cells[y * ow + keep].is_continuation() {
                    let last = &mut cells[y * nw + keep - 1];
                    *last = Cell::blank(last.bg);
                }
            }
            self.cells = cells;
        }
        self.width = width;
        self.height = height;
    }

    /// Row `y` as text (pool glyphs and continuations shown as nothing, bad
    /// glyphs as `?`), for tests and debugging.
    pub fn row_text(&self, y: u16) -> String {
        self.row(y)
            .iter()
            .filter(|c| !c.is_continuation())
            .map(|c| c.char().unwrap_or('?'))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::Color;

    #[test]
    fn first_difference_finds_each_position() {
        let a = Grid::from_lines(&["abcdefghijklmnopqrstuvwxyz0123456789"]);
        for i in 0..a.width() as usize {
            let mut b = a.clone();
            b.cells_mut()[i].glyph = '#' as u32;
            assert_eq!(first_difference(a.row(0), b.row(0), 0), i);
            assert_eq!(
                first_difference(a.row(0), b.row(0), i + 1),
                a.width() as usize
            );
            assert!(!rows_equal(a.row(0), b.row(0)));
            b.cells_mut()[i].glyph = a.cells()[i].glyph;
            b.cells_mut()[i].attrs.0 = 1 << 31;
            assert_eq!(first_difference(a.row(0), b.row(0), 0), i);
        }
        assert!(rows_equal(a.row(0), a.row(0)));
        assert_eq!(first_difference(&[], &[], 5), 0);
    }

    #[test]
    fn intersect_clamps() {
        let a = Rect::new(2, 2, 10, 5);
        assert_eq!(a.intersect(&Rect::new(0, 0, 5, 5)), Rect::new(2, 2, 3, 3));
        assert!(a.intersect(&Rect::new(20, 0, 5, 5)).is_empty());
        let big = Rect::new(u16::MAX - 1, 0, u16::MAX, 1);
        assert_eq!(big.right(), u16::MAX as u32 * 2 - 1);
        assert!(big.intersect(&a).is_empty());
    }

    #[test]
    fn resize_keeps_overlap() {
        let mut g = Grid::from_lines(&["abcd", "efgh", "ijkl"]);
        g.resize(2, 2);
        assert_eq!(g, Grid::from_lines(&["ab", "ef"]));
        g.resize(3, 3);
        assert_eq!(g, Grid::from_lines(&["ab ", "ef ", "   "]));
        g.resize(3, 1);
        assert_eq!(g, Grid::from_lines(&["ab "]));
        g.resize(0, 0);
        assert_eq!(g.cells().len(), 0);
        g.resize(1, 1);
        assert_eq!(g, Grid::from_lines(&[" "]));
    }

    #[test]
    fn resize_cutting_a_wide_char_blanks_its_left_half() {
        let mut g = Grid::new(4, 1);
        g.get_mut(1, 0)
            .unwrap()
            .set_char('中')
            .set_bg(Color::indexed(3));
        g.get_mut(2, 0).unwrap().glyph = crate::cell::Cell::CONTINUATION;
        g.resize(2, 1);
        assert_eq!(*g.get(1, 0).unwrap(), Cell::blank(Color::indexed(3)));
    }
}
