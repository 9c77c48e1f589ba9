//! The [`Renderer`]: one frame at a time, the back screen is diffed against
//! the front grid (what the terminal shows) and the difference is written
//! as terminal bytes.

use crate::ansi::{self, Chunk, csi_n_len};
use crate::cell::{Cell, Color, Underline};
use crate::color::ColorMode;
use crate::grid::{Grid, first_difference, rows_equal};
use crate::screen::Screen;
use crate::width::{char_width, cluster_width};

use super::cursor::{Cursor, best_move};
use super::pen::{Pen, is_plain_blank};
use super::scroll::{self, Detector};

/// Frames of at most this many bytes are sent without the synchronized
/// output wrapping.
pub const SMALL_FRAME: usize = 64;

/// A front-grid glyph that equals no back cell: the terminal's content
/// there is unknown and must be repainted.
const DIRTY: u32 = 0xffff_fffe;

/// What the terminal supports beyond the basics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Wrap frames in synchronized output (mode 2026). Terminals that do
    /// not know the mode ignore it.
    pub synchronized_output: bool,
    /// Send underline styles (`4:3` curly...) rather than plain underline.
    pub styled_underline: bool,
    /// Send OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// Scroll regions of rows that moved instead of repainting them.
    pub scroll_regions: bool,
}

impl Default for Capabilities {
    fn default() -> Self {
        Capabilities {
            synchronized_output: true,
            styled_underline: true,
            hyperlinks: true,
            scroll_regions: true,
        }
    }
}

/// Where the application wants the terminal cursor after a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CursorRequest {
    /// Show the cursor at (x, y), or hide it with `None`.
    pub position: Option<(u16, u16)>,
    /// DECSCUSR shape: 0 terminal default, 1/2 block, 3/4 underline, 5/6
    /// bar (odd numbers blink).
    pub shape: u8,
}

/// Turns back screens into terminal bytes. See the module documentation.
#[derive(Debug, Clone)]
pub struct Renderer {
    front: Grid,
    out: Vec<u8>,
    mode: ColorMode,
    caps: Capabilities,
    pen: Pen,
    cursor: Cursor,
    full: bool,
    origin: u16,
    inline: bool,
    request: CursorRequest,
    shown: Option<bool>,
    shape: Option<u8>,
    changed: Vec<bool>,
    detector: Detector,
    open_link: u16,
    chunk: Vec<u8>,
}

impl Renderer {
    /// A renderer whose first frame repaints everything.
    pub fn new(mode: ColorMode, caps: Capabilities) -> Renderer {
        Renderer {
            front: Grid::new(0, 0),
            out: Vec::new(),
            mode,
            caps,
            pen: Pen::RESET,
            cursor: Cursor::UNKNOWN,
            full: true,
            origin: 0,
            inline: false,
            request: CursorRequest::default(),
            shown: None,
            shape: None,
            changed: Vec::new(),
            detector: Detector::default(),
            open_link: 0,
            chunk: vec![0; 4096],
        }
    }

    /// The color mode.
    pub fn color_mode(&self) -> ColorMode {
        self.mode
    }

    /// Changes the color mode; the next frame repaints everything.
    pub fn set_color_mode(&mut self, mode: ColorMode) {
        if mode != self.mode {
            self.mode = mode;
            self.full = true;
        }
    }

    /// The capabilities.
    pub fn capabilities(&self) -> Capabilities {
        self.caps
    }

    /// Changes the capabilities; the next frame repaints everything.
    pub fn set_capabilities(&mut self, caps: Capabilities) {
        if caps != self.caps {
            self.caps = caps;
            self.full = true;
        }
    }

    /// Makes the next frame repaint everything: after a resize, after the
    /// terminal was handed to another program, or to recover from output
    /// the renderer did not write.
    pub fn force_redraw(&mut self) {
        self.full = true;
    }

    /// Renders into a region of the normal screen instead of the whole
    /// terminal: the region's top is terminal row `origin`. The next frame
    /// repaints everything.
    pub fn set_inline(&mut self, inline: bool, origin: u16) {
        self.inline = inline;
        self.origin = if inline { origin } else { 0 };
        self.full = true;
    }

    /// Sets where the cursor goes after each frame.
    pub fn set_cursor(&mut self, request: CursorRequest) {
        self.request = request;
    }

    /// What the renderer believes the terminal shows.
    pub fn front(&self) -> &Grid {
        &self.front
    }

    /// Renders one frame: returns the bytes that bring the terminal from
    /// the previous frame to `screen`, empty when nothing changed.
    ///
    /// Cells written directly into the screen that the terminal cannot show
    /// as they are (a control character, a wide character with no room or
    /// no continuation, a continuation with no wide character) are repaired
    /// in `screen` first, so the screen always equals what is shown.
    pub fn render(&mut self, screen: &mut Screen) -> &[u8] {
        self.out.clear();
        if self.caps.synchronized_output {
            self.out.extend_from_slice(ansi::SYNC_BEGIN);
        }
        let header = self.out.len();
        let (w, h) = (screen.width(), screen.height());
        if self.full || self.front.width() != w || self.front.height() != h {
            self.begin_full(w, h);
        }
        let back = screen.grid();
        self.changed.clear();
        self.changed
            .extend((0..h).map(|y| !rows_equal(back.row(y), self.front.row(y))));
        if self.caps.scroll_regions {
            self.scroll(screen);
        }
        if self.shown == Some(true)
            && !self.caps.synchronized_output
            && self.changed.contains(&true)
        {
            // Without synchronized output the cursor would be seen jumping
            // around while the frame is drawn.
            self.out.extend_from_slice(ansi::HIDE_CURSOR);
            self.shown = Some(false);
        }
        for y in 0..h {
            if self.changed[y as usize] {
                self.diff_row(screen, y);
            }
        }
        if self.open_link != 0 {
            self.out.extend_from_slice(ansi::LINK_CLOSE);
            self.open_link = 0;
        }
        self.place_cursor(w, h);
        if self.out.len() == header {
            self.out.clear();
            return &self.out;
        }
        if self.caps.synchronized_output {
            if self.out.len() - header <= SMALL_FRAME {
                // A frame this small reaches the terminal in one read and
                // cannot tear: the 16 bytes of wrapping would be most of it.
                self.out.drain(..header);
            } else {
                self.out.extend_from_slice(ansi::SYNC_END);
            }
        }
        screen.collect_garbage();
        &self.out
    }

    fn begin_full(&mut self, w: u16, h: u16) {
        self.full = false;
        self.front.resize(w, h);
        self.front.clear(Cell::BLANK);
        self.out.extend_from_slice(ansi::SGR_RESET);
        self.pen = Pen::RESET;
        if self.inline {
            ansi::cup(&mut self.out, 0, self.origin as u32);
            self.out.extend_from_slice(ansi::ERASE_BELOW);
        } else {
            self.out.extend_from_slice(ansi::HOME_AND_CLEAR);
        }
        self.cursor = Cursor::at(0, 0);
        self.shown = None;
        self.shape = None;
    }

    fn scroll(&mut self, screen: &Screen) {
        let back = screen.grid();
        let Some(s) = self.detector.detect(back, &self.front, &self.changed) else {
            return;
        };
        let out = &mut self.out;
        ansi::scroll_region(
            out,
            s.top as u32 + self.origin as u32,
            s.bottom as u32 + self.origin as u32,
        );
        let k = s.shift.unsigned_abs() as u32;
        ansi::csi_n(out, k, if s.shift > 0 { b'S' } else { b'T' });
        out.extend_from_slice(ansi::RESET_SCROLL_REGION);
        self.cursor = Cursor::UNKNOWN;
        let fresh = Cell {
            glyph: DIRTY,
            ..Cell::BLANK
        };
        scroll::apply(&mut self.front, s, fresh);
        // The detector compared the rows that moved in full: now in place,
        // they are equal; only the rows scrolled in need painting.
        let k = s.shift.unsigned_abs();
        let (fresh_lo, fresh_hi) = if s.shift > 0 {
            (s.bottom + 1 - k, s.bottom)
        } else {
            (s.top, s.top + k - 1)
        };
        for y in s.top..=s.bottom {
            self.changed[y as usize] = (fresh_lo..=fresh_hi).contains(&y);
        }
        debug_assert!(
            (s.top..=s.bottom)
                .all(|y| self.changed[y as usize] || rows_equal(back.row(y), self.front.row(y)))
        );
    }

    fn diff_row(&mut self, screen: &mut Screen, y: u16) {
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
        self.move_to(x as u16, y);
        let pen = Pen::for_cell(&back[x], self.mode, self.caps.styled_underline, &self.pen);
        self.set_link(screen, 0);
        self.pen.change_to(pen, &mut self.out);
        let end = if to_end {
            self.out.extend_from_slice(ansi::ERASE_LINE_RIGHT);
            w
        } else {
            ansi::csi_n(&mut self.out, n, b'X');
            run
        };
        let front = self.front.row_mut(y);
        front[x..end].copy_from_slice(&back[x..end]);
        if end < w && front[end].is_continuation() {
            // The erase cut a wide character the terminal shows: its right
            // half is gone too.
            front[end].glyph = DIRTY;
        }
        Some(end)
    }

    fn emit_cell(&mut self, screen: &Screen, y: u16, x: usize, width: u8) {
        let cell = screen.grid().row(y)[x];
        let pen = Pen::for_cell(&cell, self.mode, self.caps.styled_underline, &self.pen);
        let link = if self.caps.hyperlinks {
            cell.attrs.link()
        } else {
            0
        };
        self.move_or_reprint(screen.grid().row(y), x as u16, y, &pen, link);
        self.set_link(screen, link);
        self.pen.change_to(pen, &mut self.out);
        let pooled = match cell.pool_id() {
            Some(id) => {
                let text = screen.grapheme(id).unwrap_or(" ");
                self.out.extend_from_slice(text.as_bytes());
                true
            }
            None => {
                if cell.glyph < 0x80 {
                    self.out.push(cell.glyph as u8);
                } else {
                    let c = cell.char().unwrap_or(' ');
                    let mut buf = [0u8; 4];
                    self.out
                        .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                false
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
        self.cursor = if end >= w || pooled {
            // Pending wrap, or a cluster some terminals size differently.
            Cursor {
                x: None,
                y: Some(y),
            }
        } else {
            Cursor::at(nx, y)
        };
    }

    fn move_to(&mut self, x: u16, y: u16) {
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
                if span.iter().all(|c| self.reprintable(c)) {
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

    fn place_cursor(&mut self, w: u16, h: u16) {
        let req = self.request;
        match req.position {
            Some((x, y)) if x < w && y < h => {
                if self.shape != Some(req.shape) {
                    ansi::cursor_shape(&mut self.out, req.shape);
                    self.shape = Some(req.shape);
                }
                self.move_to(x, y);
                if self.shown != Some(true) {
                    self.out.extend_from_slice(ansi::SHOW_CURSOR);
                    self.shown = Some(true);
                }
            }
            _ => {
                if self.shown != Some(false) {
                    self.out.extend_from_slice(ansi::HIDE_CURSOR);
                    self.shown = Some(false);
                }
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::{Attrs, Color};
    use crate::screen::Style;

    fn plain() -> Renderer {
        Renderer::new(
            ColorMode::TrueColor,
            Capabilities {
                synchronized_output: false,
                ..Capabilities::default()
            },
        )
    }

    fn frame(r: &mut Renderer, s: &mut Screen) -> String {
        String::from_utf8(r.render(s).to_vec()).unwrap()
    }

    #[test]
    fn first_frame_clears_then_draws() {
        let mut s = Screen::new(10, 3).unwrap();
        s.draw_text(2, 1, "hi", Style::PLAIN);
        let mut r = plain();
        assert_eq!(
            frame(&mut r, &mut s),
            "\x1b[m\x1b[H\x1b[2J\x1b[2;3Hhi\x1b[?25l"
        );
        assert_eq!(frame(&mut r, &mut s), "", "idle frame writes nothing");
    }

    #[test]
    fn synchronized_output_wraps_frames_but_not_tiny_ones() {
        let mut s = Screen::new(80, 4).unwrap();
        let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
        s.draw_text(0, 1, &"x".repeat(80), Style::PLAIN);
        let out = frame(&mut r, &mut s);
        assert!(out.starts_with("\x1b[?2026h") && out.ends_with("\x1b[?2026l"));
        assert_eq!(frame(&mut r, &mut s), "");
        s.draw_text(3, 1, "y", Style::PLAIN);
        assert_eq!(frame(&mut r, &mut s), "\x1b[4Gy");
    }

    #[test]
    fn one_changed_cell_costs_a_move_and_a_glyph() {
        let mut s = Screen::new(80, 24).unwrap();
        let mut r = plain();
        frame(&mut r, &mut s);
        s.draw_text(40, 10, "x", Style::PLAIN);
        assert_eq!(frame(&mut r, &mut s), "\x1b[11;41Hx");
        s.draw_text(44, 10, "y", Style::PLAIN);
        assert_eq!(
            frame(&mut r, &mut s),
            "   y",
            "re-printing 3 blanks beats a move"
        );
        s.draw_text(60, 10, "z", Style::PLAIN);
        assert_eq!(
            frame(&mut r, &mut s),
            "\x1b[15Cz",
            "relative move from the last write"
        );
    }

    #[test]
    fn sgr_changes_are_deltas() {
        let mut s = Screen::new(10, 1).unwrap();
        let mut r = plain();
        let red = Style::new(Color::indexed(1), Color::DEFAULT, Attrs::flags(Attrs::BOLD));
        s.draw_text(0, 0, "ab", red);
        frame(&mut r, &mut s);
        let red_italic = Style::new(red.fg, red.bg, Attrs::flags(Attrs::BOLD | Attrs::ITALIC));
        s.draw_text(1, 0, "b", red_italic);
        assert_eq!(frame(&mut r, &mut s), "\x08\x1b[3mb");
    }

    #[test]
    fn blank_runs_are_erased() {
        let mut s = Screen::new(40, 2).unwrap();
        let mut r = plain();
        let text = "0123456789012345678901234567890123456789";
        s.draw_text(0, 0, text, Style::PLAIN);
        s.draw_text(0, 1, text, Style::PLAIN);
        frame(&mut r, &mut s);
        // Clear the end of row 0: one EL.
        s.fill(10, 0, 30, 1, " ", Style::PLAIN);
        assert_eq!(frame(&mut r, &mut s), "\x1b[1;11H\x1b[K");
        // Clear the middle of row 1: ECH, then a move past it.
        s.fill(5, 1, 20, 1, " ", Style::PLAIN);
        assert_eq!(frame(&mut r, &mut s), "\x1b[2;6H\x1b[20X");
    }

    #[test]
    fn erase_over_half_a_wide_char_takes_all_of_it() {
        let mut s = Screen::new(30, 1).unwrap();
        let mut r = plain();
        s.draw_text(0, 0, "abcdefghijklmn中xyz", Style::PLAIN);
        frame(&mut r, &mut s);
        // Blank a run ending on the left half of 中 (cols 14-15): the screen
        // blanks the right half too, and one erase covers both.
        s.fill(2, 0, 13, 1, " ", Style::PLAIN);
        assert_eq!(s.row_text(0), "ab              xyz           ");
        assert_eq!(frame(&mut r, &mut s), "\x1b[3G\x1b[14X");
    }

    #[test]
    fn scrolled_content_uses_a_scroll_region() {
        let mut s = Screen::new(20, 6).unwrap();
        let mut r = plain();
        for y in 0..6 {
            s.draw_text(0, y, &format!("line {y} of the log"), Style::PLAIN);
        }
        frame(&mut r, &mut s);
        s.grid_mut().cells_mut().rotate_left(20);
        s.fill(0, 5, 20, 1, " ", Style::PLAIN);
        s.draw_text(0, 5, "line 6 of the log", Style::PLAIN);
        let out = frame(&mut r, &mut s);
        assert!(out.starts_with("\x1b[1;6r\x1b[S\x1b[r"), "{out:?}");
        assert!(out.len() < 40, "{} bytes: {out:?}", out.len());
    }

    #[test]
    fn cursor_is_placed_and_shown() {
        let mut s = Screen::new(10, 3).unwrap();
        let mut r = plain();
        frame(&mut r, &mut s);
        r.set_cursor(CursorRequest {
            position: Some((3, 1)),
            shape: 5,
        });
        assert_eq!(frame(&mut r, &mut s), "\x1b[5 q\x1b[2;4H\x1b[?25h");
        r.set_cursor(CursorRequest::default());
        assert_eq!(frame(&mut r, &mut s), "\x1b[?25l");
    }

    #[test]
    fn repairs_raw_cells() {
        let mut s = Screen::new(4, 1).unwrap();
        let mut r = plain();
        let row = s.grid_mut().row_mut(0);
        row[0].glyph = 0x1b; // a control character
        row[1].glyph = '中' as u32; // wide, without continuation
        row[3].glyph = '中' as u32; // wide, in the last column
        let out = frame(&mut r, &mut s);
        assert!(!out.contains('\x1b') || !out.contains("\x1b\x1b"));
        assert_eq!(s.row_text(0), " 中 ");
        assert!(s.grid().get(2, 0).unwrap().is_continuation());
    }

    #[test]
    fn inline_mode_offsets_rows() {
        let mut s = Screen::new(10, 2).unwrap();
        let mut r = plain();
        r.set_inline(true, 5);
        s.draw_text(3, 1, "x", Style::PLAIN);
        assert_eq!(
            frame(&mut r, &mut s),
            "\x1b[m\x1b[6H\x1b[J\x1b[7;4Hx\x1b[?25l"
        );
        s.draw_text(0, 0, "y", Style::PLAIN);
        assert_eq!(frame(&mut r, &mut s), "\x1b[6Hy");
    }
}
