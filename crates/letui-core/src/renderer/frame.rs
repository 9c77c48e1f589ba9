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

pub mod print;
mod row;

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
    fn the_cursor_is_addressed_again_after_a_character_of_uncertain_width() {
        let mut s = Screen::new(12, 1).unwrap();
        let mut r = plain();
        frame(&mut r, &mut s);
        // U+1F9CC is two cells here and one in xterm.js: "ab" is placed by
        // column, not by trusting the cursor.
        s.draw_text(0, 0, "\u{1f9cc}ab", Style::PLAIN);
        let out = frame(&mut r, &mut s);
        assert!(out.contains("\u{1f9cc}\x1b[3Gab"), "{out:?}");
        // CJK and accented letters are trusted: no move between them.
        s.draw_text(0, 0, "中é xyz   ", Style::PLAIN);
        let out = frame(&mut r, &mut s);
        assert!(out.contains("中é xyz"), "{out:?}");
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
