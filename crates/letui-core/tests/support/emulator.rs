//! A reference terminal emulator for tests: the oracle that the renderer's
//! bytes are replayed into.
//!
//! It models a modern terminal that clusters graphemes (as kitty, WezTerm,
//! foot or Ghostty do, and as mode 2027 asks): printed characters are
//! gathered into extended grapheme clusters, and each cluster takes the
//! width of the whole cluster. Escape parsing is the `vte` crate's.
//!
//! It is strict: a sequence the renderer is not expected to send makes it
//! panic, so garbage in the output fails the test instead of being ignored.
//! Where terminals differ (what is left when half of a wide character is
//! overwritten), it picks the outcome the renderer can least rely on.
//!
//! [`Emulator::per_code_point`] models the other family (xterm, tmux, VTE,
//! Alacritty): each code point takes its own width, a zero-width one joins
//! the cell left of the cursor wherever the cursor got there, and, as tmux
//! 3.3a does, anything printed after a cell that ends with a zero-width
//! joiner joins that cell too.

#![allow(dead_code)]

use letui_core::cell::Underline;
use letui_core::width::cluster_width;
use unicode_segmentation::UnicodeSegmentation;
use vte::{Params, Parser, Perform};

/// SGR colors as the emulator holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EColor {
    /// Default color.
    #[default]
    Default,
    /// Palette index.
    Idx(u8),
    /// RGB.
    Rgb(u8, u8, u8),
}

/// The attribute state of the pen or of a cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EStyle {
    pub fg: EColor,
    pub bg: EColor,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub blink: bool,
    pub inverse: bool,
    pub hidden: bool,
    pub strike: bool,
    pub underline: u8,
}

/// One emulator cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ECell {
    /// The grapheme cluster shown ("" for a continuation).
    pub text: String,
    /// Right half of a wide cluster.
    pub continuation: bool,
    /// Style.
    pub style: EStyle,
    /// OSC 8 target.
    pub link: Option<String>,
}

impl ECell {
    fn blank(bg: EColor) -> ECell {
        ECell {
            text: " ".into(),
            continuation: false,
            style: EStyle {
                bg,
                ..EStyle::default()
            },
            link: None,
        }
    }
}

/// The emulator.
pub struct Emulator {
    parser: Parser,
    state: State,
}

struct State {
    width: usize,
    height: usize,
    cells: Vec<ECell>,
    x: usize,
    y: usize,
    pending_wrap: bool,
    pen: EStyle,
    link: Option<String>,
    top: usize,
    bottom: usize,
    cursor_visible: bool,
    cursor_shape: u16,
    /// The cluster being gathered and where it started.
    cluster: String,
    /// Per-code-point widths instead of clustering (see the module docs).
    per_code_point: bool,
}

impl Emulator {
    /// A blank `width` x `height` terminal, cursor visible at the origin.
    pub fn new(width: usize, height: usize) -> Emulator {
        Emulator {
            parser: Parser::new(),
            state: State {
                width,
                height,
                cells: vec![ECell::blank(EColor::Default); width * height],
                x: 0,
                y: 0,
                pending_wrap: false,
                pen: EStyle::default(),
                link: None,
                top: 0,
                bottom: height - 1,
                cursor_visible: true,
                cursor_shape: 0,
                cluster: String::new(),
                per_code_point: false,
            },
        }
    }

    /// A terminal that does not cluster (see the module docs).
    pub fn per_code_point(width: usize, height: usize) -> Emulator {
        let mut e = Emulator::new(width, height);
        e.state.per_code_point = true;
        e
    }

    /// Feeds output bytes.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.parser.advance(&mut self.state, bytes);
        self.state.commit();
    }

    /// The cell at (x, y).
    pub fn cell(&self, x: usize, y: usize) -> &ECell {
        &self.state.cells[y * self.state.width + x]
    }

    /// Cursor position.
    pub fn cursor(&self) -> (usize, usize) {
        (self.state.x, self.state.y)
    }

    /// True when the cursor is shown.
    pub fn cursor_visible(&self) -> bool {
        self.state.cursor_visible
    }

    /// Last DECSCUSR shape.
    pub fn cursor_shape(&self) -> u16 {
        self.state.cursor_shape
    }

    /// The whole screen as text lines, for failure messages.
    pub fn lines(&self) -> Vec<String> {
        (0..self.state.height)
            .map(|y| {
                (0..self.state.width)
                    .map(|x| self.cell(x, y).text.clone())
                    .collect()
            })
            .collect()
    }
}

impl State {
    fn idx(&self, x: usize, y: usize) -> usize {
        y * self.width + x
    }

    fn blank_cell(&self) -> ECell {
        ECell::blank(self.pen.bg)
    }

    /// Puts the gathered cluster on screen.
    fn commit(&mut self) {
        if self.cluster.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.cluster);
        let w = cluster_width(&text) as usize;
        assert!(w > 0, "renderer printed a zero-width cluster {text:?}");
        if self.pending_wrap || (w == 2 && self.x + 1 >= self.width) {
            self.pending_wrap = false;
            self.x = 0;
            self.line_feed();
        }
        let (x, y) = (self.x, self.y);
        self.break_wide(x, y);
        if w == 2 {
            self.break_wide(x + 1, y);
        }
        let cell = ECell {
            text,
            continuation: false,
            style: self.pen.clone(),
            link: self.link.clone(),
        };
        let i = self.idx(x, y);
        if w == 2 {
            self.cells[i + 1] = ECell {
                text: String::new(),
                continuation: true,
                ..cell.clone()
            };
        }
        self.cells[i] = cell;
        if x + w >= self.width {
            self.x = self.width - 1;
            self.pending_wrap = true;
        } else {
            self.x = x + w;
        }
    }

    /// The cell left of the cursor (the owner of a wide one), if any.
    fn left_of_cursor(&self) -> Option<usize> {
        let x = if self.pending_wrap {
            self.x + 1
        } else {
            self.x
        };
        if x == 0 {
            return None;
        }
        let mut i = self.idx(x - 1, self.y);
        if self.cells[i].continuation && x >= 2 {
            i -= 1;
        }
        Some(i)
    }

    /// Per-code-point printing: zero-width code points, and anything after
    /// a cell ending with a zero-width joiner, join the cell left of the
    /// cursor; every other one is a cell of its own width.
    fn print_code_point(&mut self, c: char) {
        let left = self.left_of_cursor();
        let joins_left = letui_core::width::char_width(c) == 0
            || left.is_some_and(|i| self.cells[i].text.ends_with('\u{200d}'));
        if joins_left {
            if let Some(i) = left {
                self.cells[i].text.push(c);
            }
            return;
        }
        self.cluster.push(c);
        self.commit();
    }

    /// Before (x, y) is overwritten: a wide character it is half of loses
    /// its other half, which becomes a blank with the default background.
    fn break_wide(&mut self, x: usize, y: usize) {
        if x >= self.width {
            return;
        }
        let i = self.idx(x, y);
        if self.cells[i].continuation && x > 0 {
            self.cells[i - 1] = ECell::blank(EColor::Default);
            self.cells[i] = ECell::blank(EColor::Default);
        }
        if x + 1 < self.width && self.cells[i + 1].continuation {
            self.cells[i + 1] = ECell::blank(EColor::Default);
        }
    }

    fn line_feed(&mut self) {
        if self.y == self.bottom {
            self.scroll_up(1);
        } else if self.y + 1 < self.height {
            self.y += 1;
        }
    }

    fn scroll_up(&mut self, n: usize) {
        let (t, b, w) = (self.top, self.bottom, self.width);
        let n = n.min(b - t + 1);
        let blank = self.blank_cell();
        let band = &mut self.cells[t * w..(b + 1) * w];
        band.rotate_left(n * w);
        let len = band.len();
        band[len - n * w..].fill(blank);
    }

    fn scroll_down(&mut self, n: usize) {
        let (t, b, w) = (self.top, self.bottom, self.width);
        let n = n.min(b - t + 1);
        let blank = self.blank_cell();
        let band = &mut self.cells[t * w..(b + 1) * w];
        band.rotate_right(n * w);
        band[..n * w].fill(blank);
    }

    fn erase(&mut self, from: usize, to: usize) {
        // Erasing half of a wide character erases all of it.
        let blank = self.blank_cell();
        let (mut from, mut to) = (from, to);
        if from < to && self.cells[from].continuation && from % self.width > 0 {
            from -= 1;
        }
        if to < self.cells.len() && to % self.width != 0 && self.cells[to].continuation {
            to += 1;
        }
        self.cells[from..to].fill(blank);
    }

    fn sgr(&mut self, params: &Params) {
        let list: Vec<Vec<u16>> = params.iter().map(|p| p.to_vec()).collect();
        if list.is_empty() {
            self.pen = EStyle::default();
            return;
        }
        let mut i = 0;
        while i < list.len() {
            let p = &list[i];
            let n = p[0];
            match n {
                0 => self.pen = EStyle::default(),
                1 => self.pen.bold = true,
                2 => self.pen.dim = true,
                3 => self.pen.italic = true,
                4 => {
                    self.pen.underline = if p.len() > 1 { p[1] as u8 } else { 1 };
                    assert!(self.pen.underline <= 5, "bad underline style {p:?}");
                }
                5 => self.pen.blink = true,
                7 => self.pen.inverse = true,
                8 => self.pen.hidden = true,
                9 => self.pen.strike = true,
                22 => {
                    self.pen.bold = false;
                    self.pen.dim = false;
                }
                23 => self.pen.italic = false,
                24 => self.pen.underline = 0,
                25 => self.pen.blink = false,
                27 => self.pen.inverse = false,
                28 => self.pen.hidden = false,
                29 => self.pen.strike = false,
                30..=37 => self.pen.fg = EColor::Idx((n - 30) as u8),
                39 => self.pen.fg = EColor::Default,
                40..=47 => self.pen.bg = EColor::Idx((n - 40) as u8),
                49 => self.pen.bg = EColor::Default,
                90..=97 => self.pen.fg = EColor::Idx((n - 90 + 8) as u8),
                100..=107 => self.pen.bg = EColor::Idx((n - 100 + 8) as u8),
                38 | 48 => {
                    let (color, used) = match list.get(i + 1).map(|v| v[0]) {
                        Some(5) => (EColor::Idx(list[i + 2][0] as u8), 2),
                        Some(2) => (
                            EColor::Rgb(
                                list[i + 2][0] as u8,
                                list[i + 3][0] as u8,
                                list[i + 4][0] as u8,
                            ),
                            4,
                        ),
                        other => panic!("bad extended color {other:?}"),
                    };
                    if n == 38 {
                        self.pen.fg = color;
                    } else {
                        self.pen.bg = color;
                    }
                    i += used;
                }
                _ => panic!("renderer sent unexpected SGR {n}"),
            }
            i += 1;
        }
    }
}

fn arg(params: &Params, i: usize, default: u16) -> u16 {
    match params.iter().nth(i).map(|p| p[0]) {
        None | Some(0) => default,
        Some(n) => n,
    }
}

impl Perform for State {
    fn print(&mut self, c: char) {
        if self.per_code_point {
            self.print_code_point(c);
            return;
        }
        if !self.cluster.is_empty() {
            let mut joined = self.cluster.clone();
            joined.push(c);
            if joined.graphemes(true).count() == 1 {
                self.cluster = joined;
                return;
            }
            self.commit();
        }
        self.cluster.push(c);
    }

    fn execute(&mut self, byte: u8) {
        self.commit();
        match byte {
            b'\r' => {
                self.x = 0;
                self.pending_wrap = false;
            }
            b'\n' => self.line_feed(),
            0x08 => {
                self.x = self.x.saturating_sub(1);
                self.pending_wrap = false;
            }
            _ => panic!("renderer sent control byte {byte:#04x}"),
        }
    }

    fn csi_dispatch(&mut self, params: &Params, intermediates: &[u8], ignore: bool, action: char) {
        self.commit();
        assert!(!ignore, "CSI with too many parameters");
        let (w, h) = (self.width, self.height);
        match (intermediates, action) {
            ([b'?'], 'h' | 'l') => {
                let on = action == 'h';
                for p in params.iter() {
                    match p[0] {
                        25 => self.cursor_visible = on,
                        2026 => {}
                        n => panic!("unexpected private mode {n}"),
                    }
                }
            }
            ([b' '], 'q') => self.cursor_shape = arg(params, 0, 0),
            ([], 'm') => self.sgr(params),
            ([], 'H' | 'f') => {
                self.y = (arg(params, 0, 1) as usize - 1).min(h - 1);
                self.x = (arg(params, 1, 1) as usize - 1).min(w - 1);
                self.pending_wrap = false;
            }
            ([], 'A') => {
                self.y = self.y.saturating_sub(arg(params, 0, 1) as usize);
                self.pending_wrap = false;
            }
            ([], 'B') => {
                self.y = (self.y + arg(params, 0, 1) as usize).min(h - 1);
                self.pending_wrap = false;
            }
            ([], 'C') => {
                self.x = (self.x + arg(params, 0, 1) as usize).min(w - 1);
                self.pending_wrap = false;
            }
            ([], 'D') => {
                self.x = self.x.saturating_sub(arg(params, 0, 1) as usize);
                self.pending_wrap = false;
            }
            ([], 'G') => {
                self.x = (arg(params, 0, 1) as usize - 1).min(w - 1);
                self.pending_wrap = false;
            }
            ([], 'J') => {
                let here = self.idx(self.x, self.y);
                match arg(params, 0, 0) {
                    0 => self.erase(here, w * h),
                    2 => self.erase(0, w * h),
                    n => panic!("unexpected ED {n}"),
                }
            }
            ([], 'K') => {
                let here = self.idx(self.x, self.y);
                let end = self.idx(0, self.y) + w;
                match arg(params, 0, 0) {
                    0 => self.erase(here, end),
                    n => panic!("unexpected EL {n}"),
                }
                self.pending_wrap = false;
            }
            ([], 'X') => {
                let n = arg(params, 0, 1) as usize;
                let here = self.idx(self.x, self.y);
                let end = (here + n).min(self.idx(0, self.y) + w);
                self.erase(here, end);
                self.pending_wrap = false;
            }
            ([], 'r') => {
                let top = arg(params, 0, 1) as usize - 1;
                let bottom = (arg(params, 1, h as u16) as usize - 1).min(h - 1);
                assert!(top < bottom, "bad scroll region {top}..{bottom}");
                self.top = top;
                self.bottom = bottom;
                self.x = 0;
                self.y = 0;
                self.pending_wrap = false;
            }
            ([], 'S') => self.scroll_up(arg(params, 0, 1) as usize),
            ([], 'T') => self.scroll_down(arg(params, 0, 1) as usize),
            _ => panic!("renderer sent unexpected CSI {intermediates:?} {action}"),
        }
    }

    fn osc_dispatch(&mut self, params: &[&[u8]], _bell_terminated: bool) {
        self.commit();
        assert_eq!(
            params.first(),
            Some(&&b"8"[..]),
            "unexpected OSC {params:?}"
        );
        // OSC 8 ; params ; url — a url containing ';' arrives split.
        let url: Vec<u8> = params[2..].join(&b';');
        self.link = if url.is_empty() {
            None
        } else {
            Some(String::from_utf8(url).expect("link URL is UTF-8"))
        };
    }

    fn esc_dispatch(&mut self, intermediates: &[u8], _ignore: bool, byte: u8) {
        self.commit();
        // ST (ESC \) ends OSC strings and reaches here.
        assert!(
            intermediates.is_empty() && byte == b'\\',
            "renderer sent unexpected ESC {intermediates:?} {}",
            byte as char
        );
    }

    fn hook(&mut self, _: &Params, _: &[u8], _: bool, _: char) {
        panic!("renderer sent a DCS string");
    }
}

/// The style the emulator should show for a cell whose look is `fg`, `bg`
/// and `attrs` after color downgrading; used by comparisons.
pub fn underline_number(u: Underline) -> u8 {
    u as u8
}
