//! Printing rows above an inline region, into the terminal's scrollback.
//!
//! In inline mode the live region is redrawn in place; finished content
//! (a completed message) is printed once above it as ordinary lines and
//! then belongs to the terminal: its own scrolling, search and selection
//! work on it, and it is never redrawn. [`encode_lines`] turns a screen's
//! rows into such lines (colors, attributes and hyperlinks, no cursor
//! addressing other than a column after a cluster whose width terminals
//! disagree on); [`Renderer::print_above`] writes them where the region
//! was, moves the region below them, scrolling the terminal when it must,
//! and repaints the region in the same synchronized update. Nothing is
//! ever cleared beyond the lines being replaced.

use super::{DIRTY, Renderer};
use crate::ansi;
use crate::cell::Cell;
use crate::color::ColorMode;
use crate::renderer::cursor::Cursor;
use crate::renderer::pen::{Pen, is_plain_blank};
use crate::screen::Screen;

/// Appends every row of `screen` to `out` as a line of text ending in
/// `\r\n`: each starts by erasing the row it lands on, trailing blanks
/// are left out, and every style and hyperlink is closed at the end.
pub fn encode_lines(
    screen: &Screen,
    mode: ColorMode,
    styled_underline: bool,
    hyperlinks: bool,
    out: &mut Vec<u8>,
) {
    let grid = screen.grid();
    for y in 0..screen.height() {
        let row = grid.row(y);
        let end = row
            .iter()
            .rposition(|c| !(is_plain_blank(c) && mode.downgrade(c.bg) == Pen::RESET.bg))
            .map_or(0, |i| i + 1);
        out.extend_from_slice(b"\x1b[2K");
        let mut pen = Pen::RESET;
        let mut link = 0u16;
        let mut x = 0;
        while x < end {
            let cell = row[x];
            if cell.is_continuation() {
                x += 1;
                continue;
            }
            let want = if hyperlinks { cell.attrs.link() } else { 0 };
            if want != link {
                if link != 0 {
                    out.extend_from_slice(ansi::LINK_CLOSE);
                }
                link = match screen.link_url(want) {
                    Some(url) if want != 0 => {
                        ansi::link_open(out, want, url);
                        want
                    }
                    _ => 0,
                };
            }
            pen.change_to(Pen::for_cell(&cell, mode, styled_underline, &pen), out);
            let wide = x + 1 < row.len() && row[x + 1].is_continuation();
            let uncertain = match cell.pool_id() {
                Some(id) => {
                    out.extend_from_slice(screen.grapheme(id).unwrap_or(" ").as_bytes());
                    true
                }
                None => {
                    let c = cell.char().filter(|c| !c.is_control()).unwrap_or(' ');
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    !crate::width::width_is_certain(c)
                }
            };
            x += if wide { 2 } else { 1 };
            if uncertain && x < end {
                // Where the next cell starts, whatever width the terminal
                // gave this one.
                ansi::csi_n(out, x as u32 + 1, b'G');
            }
        }
        if link != 0 {
            out.extend_from_slice(ansi::LINK_CLOSE);
        }
        if pen != Pen::RESET {
            out.extend_from_slice(ansi::SGR_RESET);
        }
        out.extend_from_slice(b"\r\n");
    }
}

impl Renderer {
    /// Prints `lines` (from [`encode_lines`]: `count` lines) where the
    /// inline region starts, moves the region below them (scrolling the
    /// terminal, `term_height` rows tall, when there is no room: the rows
    /// that leave the top go to its scrollback), then repaints the region
    /// from `screen`, all in one synchronized update. Returns the bytes
    /// and the region's new top row.
    ///
    /// Outside inline mode there is no scrollback to print into: returns
    /// `None`.
    pub fn print_above(
        &mut self,
        screen: &mut Screen,
        lines: &[u8],
        count: u32,
        term_height: u16,
    ) -> Option<(&[u8], u16)> {
        if !self.inline {
            return None;
        }
        let h = screen.height().min(term_height.max(1));
        let last = u32::from(term_height.max(1) - 1);
        let mut pre = Vec::with_capacity(lines.len() + 64);
        if self.caps.synchronized_output {
            pre.extend_from_slice(ansi::SYNC_BEGIN);
        }
        if self.open_link != 0 {
            pre.extend_from_slice(ansi::LINK_CLOSE);
            self.open_link = 0;
        }
        pre.extend_from_slice(ansi::SGR_RESET);
        self.pen = Pen::RESET;
        ansi::cup(&mut pre, 0, u32::from(self.origin));
        pre.extend_from_slice(lines);
        // Each line ends in CR LF: past the last row, LF scrolls.
        let row = (u32::from(self.origin) + count).min(last);
        let top = u32::from(term_height) - u32::from(h);
        let origin = if row > top {
            ansi::cup(&mut pre, 0, last);
            pre.extend(std::iter::repeat_n(b'\n', (row - top) as usize));
            top
        } else {
            row
        };
        self.origin = origin as u16;
        self.cursor = Cursor::UNKNOWN;
        // The region's rows now show what the terminal had `count` rows
        // below them: the old region's rows from `count` on (the printed
        // lines took the first `count`), then rows that were below the
        // region. Shift the front buffer to match, so the repaint only
        // writes what differs; the rows from below are unknown (dirty).
        // Nothing is erased, so nothing flashes blank.
        let dirty = Cell {
            glyph: DIRTY,
            ..Cell::BLANK
        };
        if self.front.width() == screen.width() && self.front.height() == screen.height() {
            let w = usize::from(self.front.width());
            let rows = usize::from(self.front.height());
            let kept = rows.saturating_sub(count as usize);
            let cells = self.front.cells_mut();
            cells.copy_within((rows - kept) * w..rows * w, 0);
            cells[kept * w..].fill(dirty);
        }
        let frame = self.render(screen);
        let frame = frame.strip_prefix(ansi::SYNC_BEGIN).unwrap_or(frame);
        let frame = frame.strip_suffix(ansi::SYNC_END).unwrap_or(frame);
        pre.extend_from_slice(frame);
        if self.caps.synchronized_output {
            pre.extend_from_slice(ansi::SYNC_END);
        }
        self.out = pre;
        Some((&self.out, origin as u16))
    }
}
