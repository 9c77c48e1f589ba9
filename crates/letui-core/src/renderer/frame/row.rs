//! Painting one row: the difference between the back and front rows as
//! the fewest bytes (a fast path for plain ASCII, erase sequences for
//! blank tails, wide characters and clusters, hyperlinks, cells repaired
//! when they were written invalid into shared memory).

use super::*;

impl Renderer {
    pub(super) fn diff_row(&mut self, screen: &mut Screen, y: u16) {
        let w = screen.width() as usize;
        // Room for a fully changed row of truecolor cells, so that the
        // byte pushes below never reallocate mid-row.
        self.out.reserve(w * 40);
        let mut tail = None;
        let mut x = 0;
        while x < w {
            x = first_difference(screen.grid().row(y), self.front.row(y), x);
            if x >= w {
                break;
            }
            let nx = self.fast_run(screen.grid().row(y), y, x);
            if nx > x {
                x = nx;
                continue;
            }
            let Some(width) = repair(screen, y, x) else {
                // The cell became equal after repair, or only a
                // continuation's invisible style changed.
                let back = screen.grid().row(y)[x];
                self.front.row_mut(y)[x] = back;
                x += 1;
                continue;
            };
            let tail_start = *tail.get_or_insert_with(|| blank_tail(screen, self.mode, y));
            if width == 1 && is_plain_blank(&screen.grid().row(y)[x]) {
                if let Some(next) = self.erase(screen, y, x, tail_start) {
                    x = next;
                    continue;
                }
            }
            self.emit_cell(screen, y, x, width);
            x += width as usize;
        }
    }

    /// Paints a run of changed cells from `x` that need nothing but their
    /// colors and glyph: printable ASCII (no spaces, which may be better
    /// erased), valid colors and attributes, no hyperlink, with the cursor
    /// already at `x`. Returns the column where the run stopped (`x` when
    /// the fast path does not apply) and leaves the rest to the general
    /// path. This is most of a full repaint.
    fn fast_run(&mut self, back: &[Cell], y: u16, mut x: usize) -> usize {
        if self.open_link != 0 || self.mode != ColorMode::TrueColor {
            return x;
        }
        let w = back.len();
        if x + 1 >= w || !simple_cell(back, self.front.row(y), x) {
            return x;
        }
        let first = simple_pen(&back[x], self.caps.styled_underline);
        if self.cursor != Cursor::at(x as u16, y) {
            self.move_or_reprint(back, x as u16, y, &first, 0);
        }
        if first == self.pen && back[x + 1] == self.front.row(y)[x + 1] {
            // One changed cell in the pen already set, the most common
            // change of all: a glyph and nothing else.
            self.out.push(back[x].glyph as u8);
            self.front.row_mut(y)[x] = back[x];
            self.cursor = Cursor::at(x as u16 + 1, y);
            return x + 1;
        }
        let Renderer {
            front,
            out,
            chunk,
            pen: cur,
            caps,
            ..
        } = self;
        let front = front.row_mut(y);
        let mut ch = Chunk::new(chunk);
        // The last column leaves the cursor in pending wrap: general path.
        while x + 1 < w {
            let c = back[x];
            if !simple_cell(back, front, x) {
                break;
            }
            let pen = simple_pen(&c, caps.styled_underline);
            if !ch.room() {
                ch.flush(out);
            }
            if pen.attrs == cur.attrs && pen.fg != Color::DEFAULT && pen.bg != Color::DEFAULT {
                // Only colors change, none to the default: the delta is the
                // shortest form.
                let fg = (pen.fg != cur.fg).then_some(pen.fg);
                let bg = (pen.bg != cur.bg).then_some(pen.bg);
                ch.sgr_colors(fg, bg);
                *cur = pen;
            } else {
                ch.flush(out);
                cur.change_to(pen, out);
            }
            ch.byte(c.glyph as u8);
            front[x] = c;
            x += 1;
        }
        ch.flush(out);
        self.cursor = Cursor::at(x as u16, y);
        x
    }

    /// Tries to paint blank cells from `x` with an erase: EL when every cell
    /// from `x` to the row's end is a blank of the same background, ECH for
    /// a long run. Returns the column after the erased cells.
    fn erase(&mut self, screen: &Screen, y: u16, x: usize, tail_start: usize) -> Option<usize> {
        let back = screen.grid().row(y);
        let front = self.front.row(y);
        let w = back.len();
        let bg = self.mode.downgrade(back[x].bg);
        let same = |c: &Cell| is_plain_blank(c) && self.mode.downgrade(c.bg) == bg;
        let mut run = x;
        let mut last_changed = x;
        while run < w && same(&back[run]) {
            if back[run] != front[run] {
                last_changed = run;
            }
            run += 1;
        }
        let print_cost = last_changed - x + 1;
        let to_end = x >= tail_start;
        let n = (run - x) as u32;
        let erase_cost = if to_end {
            ansi::ERASE_LINE_RIGHT.len()
        } else {
            // ECH leaves the cursor at `x`; count a move to come back.
            csi_n_len(n) + 4
        };
        if erase_cost >= print_cost {
            return None;
        }
        // An erase never ends inside a wide character (quirks.rs).
        let count = super::super::quirks::erase_count(front, x, n as usize);
        self.move_to(x as u16, y);
        let pen = Pen::for_cell(&back[x], self.mode, self.caps.styled_underline, &self.pen);
        self.set_link(screen, 0);
        self.pen.change_to(pen, &mut self.out);
        let end = if to_end {
            self.out.extend_from_slice(ansi::ERASE_LINE_RIGHT);
            w
        } else {
            ansi::csi_n(&mut self.out, count as u32, b'X');
            run
        };
        let front = self.front.row_mut(y);
        front[x..end].copy_from_slice(&back[x..end]);
        if end < w && front[end].is_continuation() {
            // The erase took the right half of a wide character the
            // terminal showed: paint that cell again.
            front[end].glyph = DIRTY;
        }
        Some(end)
    }

    fn emit_cell(&mut self, screen: &Screen, y: u16, x: usize, width: u8) {
        let cell = screen.grid().row(y)[x];
        if joins_left(screen, self.front.row(y), x, &cell) {
            // Printed right after its left neighbour (as it is, or re-printed
            // to skip a move), a clustering terminal would make one cluster
            // of the two: address it (a cursor move ends the cluster being
            // gathered).
            self.cursor.x = None;
        }
        let pen = Pen::for_cell(&cell, self.mode, self.caps.styled_underline, &self.pen);
        let link = if self.caps.hyperlinks {
            cell.attrs.link()
        } else {
            0
        };
        self.move_or_reprint(screen.grid().row(y), x as u16, y, &pen, link);
        self.set_link(screen, link);
        self.pen.change_to(pen, &mut self.out);
        // `uncertain`: a cluster of several code points, or one whose width
        // terminals disagree on; the cursor column after it is not trusted.
        let uncertain = match cell.pool_id() {
            Some(id) => {
                let text = screen.grapheme(id).unwrap_or(" ");
                self.out.extend_from_slice(text.as_bytes());
                true
            }
            None => {
                if cell.glyph < 0x80 {
                    self.out.push(cell.glyph as u8);
                    false
                } else {
                    let c = cell.char().unwrap_or(' ');
                    let mut buf = [0u8; 4];
                    self.out
                        .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    !crate::width::width_is_certain(c)
                }
            }
        };
        let w = screen.width() as usize;
        let front = self.front.row_mut(y);
        // The terminal blanks the half of a wide character we overwrite
        // partially: mark it for repaint.
        let end = x + width as usize;
        if end < w && front[end].is_continuation() {
            front[end].glyph = DIRTY;
        }
        front[x] = cell;
        if width == 2 {
            front[x + 1] = screen.grid().row(y)[x + 1];
        }
        let nx = end as u16;
        self.cursor = if end >= w || uncertain {
            // Pending wrap, or a cluster some terminals size differently:
            // the next print re-addresses, so a width mistake costs at most
            // this cell.
            Cursor {
                x: None,
                y: Some(y),
            }
        } else {
            Cursor::at(nx, y)
        };
    }

    pub(super) fn move_to(&mut self, x: u16, y: u16) {
        best_move(self.cursor, x, y, self.origin).write(&mut self.out);
        self.cursor = Cursor::at(x, y);
    }

    /// Moves to (x, y), or re-prints the unchanged cells between the cursor
    /// and `x` when that is shorter and needs no style change.
    fn move_or_reprint(&mut self, row: &[Cell], x: u16, y: u16, pen: &Pen, link: u16) {
        let seq = best_move(self.cursor, x, y, self.origin);
        if seq.is_empty() {
            return;
        }
        let cost = seq.len();
        if let (Some(cx), Some(cy)) = (self.cursor.x, self.cursor.y) {
            let gap = x.saturating_sub(cx) as usize;
            if cy == y && gap > 0 && gap < cost && link == self.open_link && *pen == self.pen {
                let span = &row[cx as usize..x as usize];
                if span.iter().all(|c| self.reprintable(c))
                    && !joins_left_ascii(self.front.row(y), cx as usize, span[0].glyph)
                {
                    // Every cell is ASCII, so the bytes equal the cells.
                    for c in span {
                        self.out.push(c.glyph as u8);
                    }
                    self.cursor = Cursor::at(x, y);
                    return;
                }
            }
        }
        seq.write(&mut self.out);
        self.cursor = Cursor::at(x, y);
    }

    /// True when `c` can be printed again as it is with the current pen and
    /// link: printable ASCII that the pen already shows.
    #[inline]
    fn reprintable(&self, c: &Cell) -> bool {
        if !(0x20..0x7f).contains(&c.glyph) {
            return false;
        }
        // The common case, checked without building a pen: exactly the
        // pen's colors and attributes, no link, in truecolor.
        if self.open_link == 0
            && self.mode == ColorMode::TrueColor
            && c.fg == self.pen.fg
            && c.bg == self.pen.bg
            && c.attrs.0 == self.pen.attrs
        {
            return true;
        }
        let link = if self.caps.hyperlinks {
            c.attrs.link()
        } else {
            0
        };
        link == self.open_link
            && Pen::for_cell(c, self.mode, self.caps.styled_underline, &self.pen) == self.pen
    }

    fn set_link(&mut self, screen: &Screen, link: u16) {
        if link == self.open_link {
            return;
        }
        if self.open_link != 0 {
            self.out.extend_from_slice(ansi::LINK_CLOSE);
        }
        if link != 0 {
            match screen.link_url(link) {
                Some(url) => ansi::link_open(&mut self.out, link, url),
                None => {
                    self.open_link = 0;
                    return;
                }
            }
        }
        self.open_link = link;
    }
}

/// True when `cell`, printed at column `x` right after the cluster the
/// terminal shows left of it (in `front`), would join that cluster in a
/// terminal that gathers grapheme clusters (a skipped control, separate
/// draws or raw writes can leave such neighbours: a spacing mark, an emoji
/// modifier, a second regional indicator, Hangul jamo, a prepended mark).
fn joins_left(screen: &Screen, front: &[Cell], x: usize, cell: &Cell) -> bool {
    let Some(left) = left_cell(front, x) else {
        return false;
    };
    if left.glyph < 0x80 && cell.glyph < 0x80 {
        // ASCII next to ASCII never joins (CR LF is not printed).
        return false;
    }
    let (mut a, mut b) = ([0u8; 4], [0u8; 4]);
    match (
        cell_str(screen, &left, &mut a),
        cell_str(screen, cell, &mut b),
    ) {
        (Some(l), Some(n)) => crate::width::joins(l, n),
        _ => false,
    }
}

/// The text a (non-continuation) cell shows, without allocating.
fn cell_str<'a>(screen: &'a Screen, cell: &Cell, buf: &'a mut [u8; 4]) -> Option<&'a str> {
    match cell.pool_id() {
        Some(id) => screen.grapheme(id),
        None => cell.char().map(|c| &*c.encode_utf8(buf)),
    }
}

/// [`joins_left`] for printable ASCII `glyph` being re-printed at `x`: only
/// a prepended mark can pull ASCII into its cluster.
fn joins_left_ascii(front: &[Cell], x: usize, glyph: u32) -> bool {
    match left_cell(front, x) {
        Some(left) if left.glyph >= 0x80 && left.pool_id().is_none() => {
            let (Some(l), Some(c)) = (left.char(), char::from_u32(glyph)) else {
                return false;
            };
            let (mut a, mut b) = ([0u8; 4], [0u8; 4]);
            crate::width::joins(l.encode_utf8(&mut a), c.encode_utf8(&mut b))
        }
        // A pooled cluster may end with a prepended mark too.
        Some(left) => left.pool_id().is_some(),
        None => false,
    }
}

/// The cell the terminal shows left of column `x` (the owner of a wide one).
fn left_cell(front: &[Cell], x: usize) -> Option<Cell> {
    let mut i = x.checked_sub(1)?;
    if front[i].is_continuation() {
        i = i.checked_sub(1)?;
    }
    Some(front[i])
}

/// True for a changed cell the fast path can paint: printable ASCII other
/// than a space (blank runs may be erased), valid colors and attributes, no
/// hyperlink, after a narrow cell, and not overwriting half of a wide one.
#[inline]
fn simple_cell(back: &[Cell], front: &[Cell], x: usize) -> bool {
    let c = &back[x];
    *c != front[x]
        && (0x21..0x7f).contains(&c.glyph)
        && (x == 0 || back[x - 1].glyph < 0x7f)
        && c.attrs.0 & 0xffff_0000 == 0
        && c.attrs.is_normal()
        && c.fg.is_normal()
        && c.bg.is_normal()
        && !front.get(x + 1).is_some_and(Cell::is_continuation)
}

/// The pen of a cell that passed [`simple_cell`] (in truecolor mode).
#[inline]
fn simple_pen(c: &Cell, styled_underline: bool) -> Pen {
    let mut attrs = c.attrs;
    if !styled_underline && attrs.underline() != Underline::None {
        attrs = attrs.with_underline(Underline::Single);
    }
    Pen {
        fg: c.fg,
        bg: c.bg,
        attrs: attrs.sgr_bits(),
    }
}

/// The first column from which every cell of row `y` is a plain blank of
/// one background (the row's width when the last cell is not one).
fn blank_tail(screen: &Screen, mode: ColorMode, y: u16) -> usize {
    let row = screen.grid().row(y);
    let Some(last) = row.last() else {
        return 0;
    };
    if !is_plain_blank(last) {
        return row.len();
    }
    let bg = mode.downgrade(last.bg);
    let mut start = row.len();
    while start > 0 && is_plain_blank(&row[start - 1]) && mode.downgrade(row[start - 1].bg) == bg {
        start -= 1;
    }
    start
}

/// The display width of a cell's glyph (0 when it cannot be shown).
fn glyph_width(screen: &Screen, cell: &Cell) -> u8 {
    if cell.is_continuation() {
        return 0;
    }
    match cell.pool_id() {
        Some(id) => screen.grapheme(id).map_or(0, cluster_width),
        None => cell.char().map_or(0, char_width),
    }
}

/// Makes the cell at (x, y) showable and consistent with its neighbours;
/// returns its width, or `None` when there is nothing to paint (it is the
/// continuation of an unchanged wide character).
fn repair(screen: &mut Screen, y: u16, x: usize) -> Option<u8> {
    let w = screen.width() as usize;
    {
        // Fast path: printable ASCII after a narrow cell, already normal.
        let row = screen.grid().row(y);
        let c = &row[x];
        let left_narrow = x == 0 || row[x - 1].glyph < 0x7f;
        if left_narrow
            && (0x20..0x7f).contains(&c.glyph)
            && c.fg.is_normal()
            && c.bg.is_normal()
            && c.attrs.is_normal()
        {
            return Some(1);
        }
    }
    let left_wide = x > 0 && {
        let left = screen.grid().row(y)[x - 1];
        glyph_width(screen, &left) == 2
    };
    let cell = screen.grid().row(y)[x];
    if left_wide {
        // The left neighbour is wide: this cell is its right half.
        let owner = screen.grid().row(y)[x - 1];
        screen.grid_mut().row_mut(y)[x] = Cell {
            glyph: Cell::CONTINUATION,
            ..owner
        };
        return None;
    }
    let mut width = glyph_width(screen, &cell);
    let row = screen.grid_mut().row_mut(y);
    if width == 2 && x + 1 >= w {
        width = 0;
    }
    if width == 0 {
        row[x].glyph = b' ' as u32;
        width = 1;
    }
    row[x].fg = row[x].fg.normalized();
    row[x].bg = row[x].bg.normalized();
    row[x].attrs = row[x].attrs.normalized();
    if row[x].attrs.underline() == Underline::None {
        row[x].attrs = row[x].attrs.with_underline(Underline::None);
    }
    if width == 2 && !row[x + 1].is_continuation() {
        row[x + 1] = Cell {
            glyph: Cell::CONTINUATION,
            ..row[x]
        };
    }
    Some(width)
}
