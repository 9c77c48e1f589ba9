//! The drawing surface: a grid of cells plus the tables its cells refer to.
//!
//! A [`Screen`] is what applications draw into (the back buffer). It keeps
//! the grid consistent: text is split into grapheme clusters, each cluster
//! takes its display width in cells, wide clusters are followed by a
//! continuation cell, control and zero-width characters never land in the
//! grid, a cluster keeps no zero-width joiner at its end (it would join
//! the next cell's cluster on some terminals), and overwriting either half
//! of a wide character clears the other half. Drawing is clipped to the
//! clip rectangle.

use thiserror::Error;

use crate::cell::{Attrs, Cell, Color};
use crate::grid::{Grid, Rect};
use crate::intern::Interner;
use crate::links::{self, LinkError, MAX_LINK_ID};
use crate::width::clusters;

/// A cluster as it can stand in a cell of its own on any terminal: without
/// leading zero-width code points (a per-code-point terminal joins them to
/// the cell on the left, wherever the cursor came from) and without a
/// zero-width joiner at the end (it joins nothing visible here, and tmux
/// 3.3a joins the next cell's cluster to it across cursor moves).
fn standalone(text: &str) -> &str {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if (c as u32) < 0x80 && !text.ends_with('\u{200d}') => text,
        _ => text
            .trim_start_matches(|c| crate::width::char_width(c) == 0)
            .trim_end_matches('\u{200d}'),
    }
}

/// Largest number of cells a screen may have (64 MiB of cells).
pub const MAX_CELLS: usize = 1 << 22;
/// Largest width or height.
pub const MAX_SIDE: u32 = u16::MAX as u32;
/// Largest grapheme pool id.
const MAX_POOL_ID: u32 = (1 << 30) - 1;
/// Pool and link tables are collected once they grow past this many ids.
const COLLECT_AT: usize = 1024;

/// Errors from screen operations.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScreenError {
    /// Width or height is zero, larger than [`MAX_SIDE`], or their product is
    /// larger than [`MAX_CELLS`].
    #[error(
        "invalid screen size {width}x{height}: each side must be 1..={MAX_SIDE} and the area at most {MAX_CELLS} cells"
    )]
    InvalidSize {
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
    },
    /// A hyperlink could not be registered.
    #[error(transparent)]
    Link(#[from] LinkError),
}

/// Result of screen operations.
pub type ScreenResult<T> = Result<T, ScreenError>;

/// How drawn cells look. [`Color::KEEP`] keeps a cell's existing color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    /// Foreground color.
    pub fg: Color,
    /// Background color.
    pub bg: Color,
    /// Attributes, including the hyperlink id.
    pub attrs: Attrs,
}

impl Style {
    /// Default colors, no attributes.
    pub const PLAIN: Style = Style {
        fg: Color::DEFAULT,
        bg: Color::DEFAULT,
        attrs: Attrs::NONE,
    };

    /// A style from its parts.
    pub const fn new(fg: Color, bg: Color, attrs: Attrs) -> Style {
        Style { fg, bg, attrs }
    }

    #[inline]
    fn cell(&self, glyph: u32, under: &Cell) -> Cell {
        Cell {
            glyph,
            fg: if self.fg == Color::KEEP {
                under.fg
            } else {
                self.fg
            },
            bg: if self.bg == Color::KEEP {
                under.bg
            } else {
                self.bg
            },
            attrs: self.attrs,
        }
    }
}

/// The back buffer applications draw into. See the module documentation.
#[derive(Debug, Clone)]
pub struct Screen {
    grid: Grid,
    graphemes: Interner,
    links: Interner,
    clip: Option<Rect>,
    generation: u32,
    live: Vec<bool>,
}

fn check_size(width: u32, height: u32) -> ScreenResult<(u16, u16)> {
    let ok = (1..=MAX_SIDE).contains(&width)
        && (1..=MAX_SIDE).contains(&height)
        && width as usize * height as usize <= MAX_CELLS;
    if ok {
        Ok((width as u16, height as u16))
    } else {
        Err(ScreenError::InvalidSize { width, height })
    }
}

impl Screen {
    /// A blank screen.
    ///
    /// # Errors
    /// [`ScreenError::InvalidSize`] for a zero or too large size.
    ///
    /// # Examples
    /// ```
    /// use letui_core::{Screen, Style};
    /// let mut s = Screen::new(10, 2).unwrap();
    /// let end = s.draw_text(0, 0, "日本 ok", Style::PLAIN);
    /// assert_eq!(end, 7);
    /// assert_eq!(s.row_text(0), "日本 ok   ");
    /// assert!(Screen::new(0, 5).is_err());
    /// ```
    pub fn new(width: u32, height: u32) -> ScreenResult<Screen> {
        let (w, h) = check_size(width, height)?;
        Ok(Screen {
            grid: Grid::new(w, h),
            graphemes: Interner::new(0, MAX_POOL_ID),
            links: Interner::new(1, MAX_LINK_ID),
            clip: None,
            generation: 0,
            live: Vec::new(),
        })
    }

    /// Width in cells.
    pub fn width(&self) -> u16 {
        self.grid.width()
    }

    /// Height in cells.
    pub fn height(&self) -> u16 {
        self.grid.height()
    }

    /// The cells.
    pub fn grid(&self) -> &Grid {
        &self.grid
    }

    /// The cells, mutable. Writing cells directly is allowed; the renderer
    /// repairs inconsistent cells (a wide character without its
    /// continuation, say) before it sends them.
    pub fn grid_mut(&mut self) -> &mut Grid {
        &mut self.grid
    }

    /// Counter bumped whenever the cell storage moves (on resize), so that
    /// views over it can be re-made.
    pub fn generation(&self) -> u32 {
        self.generation
    }

    /// Changes the size, keeping the overlapping content. The clip
    /// rectangle is reset.
    ///
    /// # Errors
    /// [`ScreenError::InvalidSize`] for a zero or too large size; the screen
    /// is left unchanged.
    pub fn resize(&mut self, width: u32, height: u32) -> ScreenResult<()> {
        let (w, h) = check_size(width, height)?;
        if (w, h) != (self.width(), self.height()) {
            self.grid.resize(w, h);
            self.generation = self.generation.wrapping_add(1);
        }
        self.clip = None;
        Ok(())
    }

    /// Restricts drawing to `rect` (intersected with the screen), or lifts
    /// the restriction with `None`.
    pub fn set_clip(&mut self, rect: Option<Rect>) {
        self.clip = rect;
    }

    /// The area drawing may touch.
    pub fn clip(&self) -> Rect {
        match self.clip {
            Some(r) => r.intersect(&self.grid.area()),
            None => self.grid.area(),
        }
    }

    /// Registers a hyperlink target and returns its id for
    /// [`Attrs::with_link`].
    ///
    /// Ids stay valid while a cell on screen uses them; after a frame in
    /// which no cell does, the id may be collected and reused (watch
    /// [`Screen::links_epoch`]).
    ///
    /// # Errors
    /// [`ScreenError::Link`] for an invalid URL or when all ids are in use.
    pub fn link(&mut self, url: &str) -> ScreenResult<u16> {
        links::validate_url(url)?;
        let id = self.links.intern(url).ok_or(LinkError::Full)?;
        Ok(id as u16)
    }

    /// The URL of a link id.
    pub fn link_url(&self, id: u16) -> Option<&str> {
        self.links.get(id as u32)
    }

    /// Bumped when link ids were collected: cached ids must be dropped.
    pub fn links_epoch(&self) -> u32 {
        self.links.epoch()
    }

    /// The text of a pooled grapheme id.
    pub fn grapheme(&self, id: u32) -> Option<&str> {
        self.graphemes.get(id)
    }

    /// Number of pooled grapheme clusters.
    pub fn graphemes_len(&self) -> usize {
        self.graphemes.len()
    }

    /// Draws `text` on row `y` from column `x` (which may be negative: text
    /// scrolled off the left edge), clipped, and returns the column after
    /// the text as if nothing had been clipped.
    ///
    /// A wide cluster cut by the clip edge leaves a blank in its visible
    /// half.
    pub fn draw_text(&mut self, x: i32, y: i32, text: &str, style: Style) -> i32 {
        let clip = self.clip();
        let row_visible = y >= clip.y as i32 && (y as i64) < clip.bottom() as i64;
        if !row_visible {
            let end = x as i64 + crate::width::str_width(text) as i64;
            return end.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        }
        let (left, right) = (clip.x as i64, clip.right() as i64);
        let mut cx = x as i64;
        let y = y as u16;
        for cl in clusters(text) {
            if cl.width == 0 {
                continue;
            }
            let start = cx;
            cx += cl.width as i64;
            if cx <= left || start >= right {
                continue;
            }
            if cl.width == 1 && start >= left && cx <= right {
                let mut chars = cl.text.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    // Fast path: one narrow scalar, fully visible.
                    let row = self.grid.row_mut(y);
                    let i = start as usize;
                    if i > 0 && row[i].is_continuation() {
                        row[i - 1].glyph = b' ' as u32;
                    }
                    if let Some(next) = row.get_mut(i + 1) {
                        if next.is_continuation() {
                            next.glyph = b' ' as u32;
                        }
                    }
                    row[i] = style.cell(c as u32, &row[i]);
                    continue;
                }
            }
            if start < left || cx > right {
                let bx = start.max(left) as u16;
                self.put_blank(bx, y, style);
            } else {
                let text = standalone(cl.text);
                if text.len() == cl.text.len() {
                    self.put_cluster(start as u16, y, text, cl.width, style);
                } else {
                    // What is left keeps its own width; the rest of the
                    // cluster's cells are blank.
                    let w = crate::width::cluster_width(text).min(cl.width);
                    if w == 0 {
                        for bx in start..cx {
                            self.put_blank(bx as u16, y, style);
                        }
                    } else {
                        self.put_cluster(start as u16, y, text, w, style);
                        for bx in start + i64::from(w)..cx {
                            self.put_blank(bx as u16, y, style);
                        }
                    }
                }
            }
        }
        cx.clamp(i32::MIN as i64, i32::MAX as i64) as i32
    }

    /// Fills the rectangle at (`x`, `y`) of `width` x `height` (clipped)
    /// with the first grapheme cluster of `glyph` (a space if it has none
    /// or it is not drawable). A wide cluster fills pairs of cells; an odd
    /// cell left over at a row's end is blank.
    pub fn fill(&mut self, x: i32, y: i32, width: u32, height: u32, glyph: &str, style: Style) {
        let clip = self.clip();
        let x0 = (x as i64).max(clip.x as i64);
        let y0 = (y as i64).max(clip.y as i64);
        let x1 = (x as i64 + width as i64).min(clip.right() as i64);
        let y1 = (y as i64 + height as i64).min(clip.bottom() as i64);
        if x0 >= x1 || y0 >= y1 {
            return;
        }
        let (text, w) = match clusters(glyph)
            .next()
            .map(|c| (standalone(c.text), c.width))
        {
            Some((t, w)) if w > 0 && crate::width::cluster_width(t) > 0 => {
                (t, crate::width::cluster_width(t).min(w))
            }
            _ => (" ", 1),
        };
        let glyph_word = self.glyph_word(text);
        for y in y0 as u16..y1 as u16 {
            self.clear_overlap(x0 as u16, x1 as u16, y);
            let row = self.grid.row_mut(y);
            let mut cx = x0 as usize;
            while cx < x1 as usize {
                if w == 2 && cx + 1 < x1 as usize {
                    row[cx] = style.cell(glyph_word, &row[cx]);
                    row[cx + 1] = style.cell(Cell::CONTINUATION, &row[cx + 1]);
                    cx += 2;
                } else {
                    let glyph = if w == 2 { b' ' as u32 } else { glyph_word };
                    row[cx] = style.cell(glyph, &row[cx]);
                    cx += 1;
                }
            }
        }
    }

    /// Blanks the whole screen (ignoring the clip).
    pub fn clear(&mut self) {
        self.grid.clear(Cell::BLANK);
    }

    /// The text shown by a cell (empty for a continuation).
    pub fn cell_text(&self, cell: &Cell) -> String {
        if cell.is_continuation() {
            return String::new();
        }
        match cell.pool_id() {
            Some(id) => self.graphemes.get(id).unwrap_or("\u{fffd}").to_string(),
            None => cell.char().map(String::from).unwrap_or_default(),
        }
    }

    /// Row `y` as text, continuation cells skipped, for tests and debugging.
    pub fn row_text(&self, y: u16) -> String {
        self.grid.row(y).iter().map(|c| self.cell_text(c)).collect()
    }

    /// The glyph word for a cluster: the scalar itself, or a pool id. A
    /// cluster longer than [`MAX_CLUSTER_CHARS`] code points keeps only its
    /// first ones (the rest are marks that no terminal stacks that deep).
    fn glyph_word(&mut self, text: &str) -> u32 {
        let text = standalone(text);
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c as u32,
            _ => match self.graphemes.intern(cap_cluster(text)) {
                Some(id) => Cell::POOL_BIT | id,
                None => '\u{fffd}' as u32,
            },
        }
    }

    fn put_cluster(&mut self, x: u16, y: u16, text: &str, w: u8, style: Style) {
        let glyph = self.glyph_word(text);
        if w == 2 && glyph == '\u{fffd}' as u32 {
            // Pool full: a narrow replacement plus a blank keeps the width.
            self.put_cluster(x, y, "\u{fffd}", 1, style);
            self.put_blank(x + 1, y, style);
            return;
        }
        let x1 = x + w as u16;
        self.clear_overlap(x, x1, y);
        let row = self.grid.row_mut(y);
        let cell = style.cell(glyph, &row[x as usize]);
        row[x as usize] = cell;
        if w == 2 {
            row[x as usize + 1] = Cell {
                glyph: Cell::CONTINUATION,
                ..cell
            };
        }
    }

    fn put_blank(&mut self, x: u16, y: u16, style: Style) {
        self.clear_overlap(x, x + 1, y);
        let row = self.grid.row_mut(y);
        row[x as usize] = style.cell(b' ' as u32, &row[x as usize]);
    }

    /// Before cells `x0..x1` of row `y` are overwritten: a wide character
    /// whose other half lies outside that span loses that half too.
    fn clear_overlap(&mut self, x0: u16, x1: u16, y: u16) {
        let row = self.grid.row_mut(y);
        if x0 > 0 && row[x0 as usize].is_continuation() {
            row[x0 as usize - 1].glyph = b' ' as u32;
        }
        if let Some(next) = row.get_mut(x1 as usize) {
            if next.is_continuation() {
                next.glyph = b' ' as u32;
            }
        }
    }

    /// Frees pooled graphemes and link ids no cell uses any more, once the
    /// tables have grown. Only sound when every grid holding ids is this
    /// screen's (the renderer calls it after a frame, when its copy equals
    /// this one).
    pub fn collect_garbage(&mut self) {
        if self.graphemes.len() >= COLLECT_AT.max(self.grid.cells().len() / 2) {
            self.live.clear();
            self.live.resize(self.graphemes.capacity(), false);
            for c in self.grid.cells() {
                if let Some(id) = c.pool_id() {
                    if let Some(l) = self.live.get_mut(id as usize) {
                        *l = true;
                    }
                }
            }
            self.graphemes.retain(&self.live);
        }
        if self.links.len() >= COLLECT_AT {
            self.live.clear();
            self.live.resize(self.links.capacity(), false);
            for c in self.grid.cells() {
                if let Some(l) = self.live.get_mut(c.attrs.link() as usize) {
                    *l = true;
                }
            }
            self.links.retain(&self.live);
        }
    }
}

/// The most code points one cell stores. A cluster is a base character
/// and its marks; longer ones (thousands of stacked accents, which every
/// terminal draws as a smear) are cut to their first 32 code points, so a
/// cell costs a bounded number of bytes in every frame that sends it. The
/// longest emoji sequences in use are about 10 code points.
pub const MAX_CLUSTER_CHARS: usize = 32;

/// `text` cut to its first [`MAX_CLUSTER_CHARS`] code points.
fn cap_cluster(text: &str) -> &str {
    match text.char_indices().nth(MAX_CLUSTER_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::Underline;

    fn screen(w: u32, h: u32) -> Screen {
        Screen::new(w, h).unwrap()
    }

    #[test]
    fn sizes_are_validated() {
        assert!(Screen::new(0, 1).is_err());
        assert!(Screen::new(1, 0).is_err());
        assert!(Screen::new(70_000, 1).is_err());
        assert!(Screen::new(4096, 4096).is_err());
        assert!(Screen::new(2048, 2048).is_ok());
        let mut s = screen(3, 3);
        assert!(s.resize(0, 3).is_err());
        assert_eq!((s.width(), s.height()), (3, 3));
    }

    #[test]
    fn wide_text_takes_two_cells() {
        let mut s = screen(8, 1);
        assert_eq!(s.draw_text(0, 0, "a中b", Style::PLAIN), 4);
        let g = s.grid();
        assert_eq!(g.get(1, 0).unwrap().char(), Some('中'));
        assert!(g.get(2, 0).unwrap().is_continuation());
        assert_eq!(g.get(3, 0).unwrap().char(), Some('b'));
    }

    #[test]
    fn clusters_are_pooled() {
        let mut s = screen(8, 1);
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(s.draw_text(0, 0, family, Style::PLAIN), 2);
        assert_eq!(s.draw_text(2, 0, "e\u{301}", Style::PLAIN), 3);
        assert_eq!(s.row_text(0), format!("{family}e\u{301}     "));
        assert_eq!(s.graphemes_len(), 2);
        s.draw_text(4, 0, family, Style::PLAIN);
        assert_eq!(s.graphemes_len(), 2, "same cluster, same id");
    }

    #[test]
    fn a_cell_keeps_at_most_32_code_points_of_a_cluster() {
        let mut s = screen(4, 1);
        let huge = format!("a{}", "\u{301}".repeat(1 << 16));
        assert_eq!(s.draw_text(0, 0, &huge, Style::PLAIN), 1);
        s.fill(1, 0, 1, 1, &huge, Style::PLAIN);
        let kept = format!("a{}", "\u{301}".repeat(MAX_CLUSTER_CHARS - 1));
        assert_eq!(s.row_text(0), format!("{kept}{kept}  "));
        assert_eq!(s.graphemes_len(), 1, "both cut to the same cluster");
        // Exactly the limit is kept whole; an emoji sequence is far below it.
        let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
        s.draw_text(2, 0, family, Style::PLAIN);
        assert_eq!(s.row_text(0), format!("{kept}{kept}{family}"));
    }

    #[test]
    fn what_a_blank_keeps_of_the_cell_under_it() {
        let red = Color::rgb(255, 0, 0);
        let blue = Color::indexed(4);
        let styled = Style::new(red, blue, Attrs(Attrs::BOLD | Attrs::ITALIC));
        let mut s = screen(6, 1);
        s.draw_text(0, 0, "abcdef", styled);
        // A blank drawn with KEEP colors keeps the colors under it, never
        // its attributes: those come from the style alone.
        let keep = Style::new(Color::KEEP, Color::KEEP, Attrs(Attrs::DIM));
        s.fill(0, 0, 2, 1, " ", keep);
        let c = *s.grid().get(0, 0).unwrap();
        assert_eq!(
            (c.char(), c.fg, c.bg, c.attrs),
            (Some(' '), red, blue, Attrs(Attrs::DIM))
        );
        // A blank with its own colors takes them.
        s.fill(2, 0, 1, 1, " ", Style::PLAIN);
        assert_eq!(*s.grid().get(2, 0).unwrap(), Cell::BLANK);
        // The half left of an overwritten wide character becomes a space
        // with the wide character's colors and attributes.
        s.draw_text(3, 0, "中", styled);
        s.draw_text(4, 0, "x", Style::PLAIN);
        let left = *s.grid().get(3, 0).unwrap();
        assert_eq!(
            (left.char(), left.fg, left.bg, left.attrs),
            (Some(' '), red, blue, styled.attrs)
        );
        // clear() and the cells a resize adds are plain blanks.
        s.resize(8, 2).unwrap();
        assert_eq!(*s.grid().get(7, 1).unwrap(), Cell::BLANK);
        s.clear();
        assert!(s.grid().cells().iter().all(|c| *c == Cell::BLANK));
    }

    #[test]
    fn controls_and_zero_width_never_land() {
        let mut s = screen(8, 1);
        assert_eq!(
            s.draw_text(0, 0, "a\x1b[31m\tb\u{200b}\nc", Style::PLAIN),
            7
        );
        assert_eq!(s.row_text(0), "a[31mbc ");
        let mut s = screen(4, 1);
        assert_eq!(s.draw_text(0, 0, "\u{301}x", Style::PLAIN), 1);
        assert_eq!(s.row_text(0), "x   ");
    }

    #[test]
    fn clusters_stand_alone_in_their_cells() {
        // A dangling joiner is dropped; so are leading zero-width code
        // points of a cluster that has width (jamo before a spacing mark).
        let mut s = screen(8, 1);
        s.draw_text(0, 0, "👨\u{200d}", Style::PLAIN);
        assert_eq!(s.cell_text(s.grid().get(0, 0).unwrap()), "👨");
        s.draw_text(2, 0, "\u{1161}\u{93f}|", Style::PLAIN);
        assert_eq!(s.cell_text(s.grid().get(2, 0).unwrap()), "\u{93f}");
        assert_eq!(s.cell_text(s.grid().get(3, 0).unwrap()), "|");
        s.fill(4, 0, 2, 1, "a\u{200d}", Style::PLAIN);
        assert_eq!(s.row_text(0), "👨\u{93f}|aa  ");
        // A whole sequence keeps its joiners.
        s.draw_text(0, 0, "👨\u{200d}👩", Style::PLAIN);
        assert_eq!(s.cell_text(s.grid().get(0, 0).unwrap()), "👨\u{200d}👩");
    }

    #[test]
    fn overwriting_half_of_a_wide_char_clears_the_other_half() {
        let mut s = screen(6, 1);
        s.draw_text(0, 0, "中文", Style::PLAIN);
        s.draw_text(1, 0, "x", Style::PLAIN); // right half of 中
        assert_eq!(s.row_text(0), " x文  ");
        s.draw_text(2, 0, "y", Style::PLAIN); // left half of 文
        assert_eq!(s.row_text(0), " xy   ");
        s.draw_text(0, 0, "日本", Style::PLAIN);
        s.draw_text(1, 0, "語", Style::PLAIN); // straddles both
        assert_eq!(s.row_text(0), " 語   ");
        assert!(!s.grid().get(3, 0).unwrap().is_continuation());
    }

    #[test]
    fn clipping_cuts_wide_chars_into_blanks() {
        let mut s = screen(6, 2);
        s.set_clip(Some(Rect::new(1, 0, 3, 1)));
        assert_eq!(s.draw_text(0, 0, "中文字", Style::PLAIN), 6);
        assert_eq!(s.row_text(0), "  文  ");
        assert_eq!(s.draw_text(0, 1, "abc", Style::PLAIN), 3);
        assert_eq!(s.row_text(1), "      ");
        s.set_clip(None);
        assert_eq!(s.draw_text(-1, 1, "中ab", Style::PLAIN), 3);
        assert_eq!(s.row_text(1), " ab   ");
    }

    #[test]
    fn huge_and_negative_coordinates_are_safe() {
        let mut s = screen(4, 2);
        assert_eq!(s.draw_text(i32::MAX, 0, "ab", Style::PLAIN), i32::MAX);
        assert_eq!(s.draw_text(i32::MIN, 0, "ab", Style::PLAIN), i32::MIN + 2);
        s.draw_text(0, -1, "ab", Style::PLAIN);
        s.draw_text(0, 99, "ab", Style::PLAIN);
        s.fill(i32::MIN, i32::MIN, u32::MAX, u32::MAX, "#", Style::PLAIN);
        assert_eq!(s.row_text(0), "####");
        s.fill(i32::MAX, i32::MAX, u32::MAX, u32::MAX, "#", Style::PLAIN);
    }

    #[test]
    fn fill_with_wide_glyph_and_keep() {
        let mut s = screen(5, 2);
        let red = Color::rgb(255, 0, 0);
        s.fill(
            0,
            0,
            5,
            2,
            " ",
            Style::new(Color::DEFAULT, red, Attrs::NONE),
        );
        s.fill(
            0,
            0,
            5,
            1,
            "中",
            Style::new(Color::indexed(2), Color::KEEP, Attrs::NONE),
        );
        assert_eq!(s.row_text(0), "中中 ");
        for c in s.grid().row(0) {
            assert_eq!(c.bg, red);
        }
        s.fill(1, 0, 1, 1, "x", Style::PLAIN);
        assert_eq!(s.row_text(0), " x中 ");
    }

    #[test]
    fn links_are_interned_and_collected() {
        let mut s = screen(2, 1);
        let a = s.link("https://a").unwrap();
        assert_eq!(s.link("https://a").unwrap(), a);
        assert!(s.link("bad\x1bx").is_err());
        s.draw_text(
            0,
            0,
            "x",
            Style::new(Color::DEFAULT, Color::DEFAULT, Attrs::NONE.with_link(a)),
        );
        for i in 0..COLLECT_AT {
            s.link(&format!("https://x/{i}")).unwrap();
        }
        let epoch = s.links_epoch();
        s.collect_garbage();
        assert_ne!(s.links_epoch(), epoch);
        assert_eq!(s.link_url(a), Some("https://a"));
        assert_eq!(s.links.len(), 1);
    }

    #[test]
    fn style_attrs_are_stored() {
        let mut s = screen(2, 1);
        let attrs = Attrs::flags(Attrs::BOLD).with_underline(Underline::Curly);
        s.draw_text(
            0,
            0,
            "x",
            Style::new(Color::indexed(1), Color::rgb(1, 2, 3), attrs),
        );
        let c = s.grid().get(0, 0).unwrap();
        assert_eq!(
            (c.fg, c.bg, c.attrs),
            (Color::indexed(1), Color::rgb(1, 2, 3), attrs)
        );
    }
}
