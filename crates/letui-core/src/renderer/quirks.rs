//! Bugs of real terminals that the renderer steps around, where that is
//! cheap. Each is kept here with its repro, and its test renders the
//! repro and checks the bytes that avoid it.
//!
//! - **tmux 3.3a, an erase ending inside a wide character.** `ECH` (erase
//!   characters) that covers the left half of a wide character but not its
//!   right half leaves the right half behind in tmux's grid (other
//!   terminals blank both). A character later written into that right
//!   half then resets the cell to its left, the erased left half, to the
//!   default background. Repro: `ab`, ten spaces and `中c` on a row, then
//!   columns 2 to 12 become green blanks and column 13 `ş`: the renderer
//!   sent `\e[11X` and `ş`, and tmux showed column 12 without its green.
//!   Avoided by [`erase_count`]: the erase takes the whole wide character,
//!   and the right half is painted again afterwards.

use crate::cell::Cell;

/// How many cells an erase of `n` cells from `x` should cover on a row the
/// terminal shows as `front`: one more when it would end on the left half
/// of a wide character (see the module docs).
pub fn erase_count(front: &[Cell], x: usize, n: usize) -> usize {
    let end = x + n;
    if end < front.len() && front[end].is_continuation() {
        n + 1
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use crate::cell::Color;
    use crate::color::ColorMode;
    use crate::renderer::{Capabilities, Renderer};
    use crate::screen::{Screen, Style};

    #[test]
    fn tmux_an_erase_takes_the_whole_wide_character() {
        let mut s = Screen::new(16, 1).unwrap();
        let mut r = Renderer::new(
            ColorMode::TrueColor,
            Capabilities {
                synchronized_output: false,
                ..Capabilities::default()
            },
        );
        s.draw_text(0, 0, "ab          中c", Style::PLAIN);
        r.render(&mut s);
        let green = Style {
            bg: Color::rgb(0, 128, 0),
            ..Style::PLAIN
        };
        s.draw_text(2, 0, "           ", green);
        s.draw_text(13, 0, "ş", Style::PLAIN);
        let out = String::from_utf8(r.render(&mut s).to_vec()).unwrap();
        // Twelve cells erased (the wide character's both halves), then
        // the right half painted again: never `\e[11X`.
        assert!(
            out.contains("\x1b[12X") && !out.contains("\x1b[11X"),
            "{out:?}"
        );
        assert!(out.ends_with("ş"), "{out:?}");
        assert_eq!(s.row_text(0), "ab           şc ");
    }
}
