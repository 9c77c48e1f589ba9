//! A second, independent oracle: the `vt100` crate.
//!
//! `vt100` does not cluster graphemes and knows fewer attributes than
//! letui, so this replays frames restricted to what it models (single
//! codepoints incl. CJK, colors, bold or dim, italic, single underline,
//! inverse), with styled underlines and hyperlinks off. It guards against
//! the main emulator and the renderer sharing a misreading of the terminal.

use letui_core::cell::{Attrs, Color, ColorKind, Underline};
use letui_core::renderer::Capabilities;
use letui_core::{ColorMode, Renderer, Screen, Style};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const WORDS: &[&str] = &[
    "hello",
    "中文",
    "x",
    "日本語",
    "  ",
    "wörld",
    "한국",
    "abc def",
];

fn color() -> impl Strategy<Value = Color> {
    prop_oneof![
        Just(Color::DEFAULT),
        (0u8..=255).prop_map(Color::indexed),
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::rgb(r, g, b)),
    ]
}

fn attrs() -> impl Strategy<Value = Attrs> {
    (0u8..3, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(i, it, ul, inv)| {
        let mut bits = [0, Attrs::BOLD, Attrs::DIM][i as usize];
        if it {
            bits |= Attrs::ITALIC;
        }
        if inv {
            bits |= Attrs::INVERSE;
        }
        let u = if ul {
            Underline::Single
        } else {
            Underline::None
        };
        Attrs::flags(bits).with_underline(u)
    })
}

type Op = (i32, i32, usize, Color, Color, Attrs, bool);

fn op(w: u16, h: u16) -> impl Strategy<Value = Op> {
    (
        -2..w as i32,
        0..h as i32,
        0..WORDS.len(),
        color(),
        color(),
        attrs(),
        prop::bool::weighted(0.1),
    )
}

fn vcolor(c: Color) -> vt100::Color {
    match c.kind() {
        ColorKind::Default => vt100::Color::Default,
        ColorKind::Indexed(i) => vt100::Color::Idx(i),
        ColorKind::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
    }
}

fn run(w: u16, h: u16, frames: &[Vec<Op>]) -> Result<(), TestCaseError> {
    let mut screen = Screen::new(w as u32, h as u32).unwrap();
    let caps = Capabilities {
        styled_underline: false,
        hyperlinks: false,
        ..Capabilities::default()
    };
    let mut r = Renderer::new(ColorMode::TrueColor, caps);
    let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(nz(h), nz(w), 0);
    for (n, ops) in frames.iter().enumerate() {
        for &(x, y, word, fg, bg, attrs, shift) in ops {
            if shift {
                // Move everything up a row, as a scrolled list does.
                let cw = w as usize;
                screen.grid_mut().cells_mut().rotate_left(cw);
            } else {
                screen.draw_text(x, y, WORDS[word], Style::new(fg, bg, attrs));
            }
        }
        let bytes = r.render(&mut screen).to_vec();
        parser.process(&bytes);
        let vs = parser.screen();
        for y in 0..h {
            for x in 0..w {
                let c = *screen.grid().get(x, y).unwrap();
                let v = vs.cell(y, x).unwrap();
                let at = format!("frame {n} cell ({x},{y}): {c:?} vs {v:?}");
                if c.is_continuation() {
                    prop_assert!(v.is_wide_continuation(), "{}", at);
                    continue;
                }
                let text = screen.cell_text(&c);
                let shown = if v.contents().is_empty() {
                    " "
                } else {
                    v.contents()
                };
                prop_assert_eq!(shown, text.as_str(), "{}", at);
                prop_assert_eq!(v.bgcolor(), vcolor(c.bg), "{}", at);
                let plain = text == " "
                    && !c.attrs.has(Attrs::INVERSE)
                    && c.attrs.underline() == Underline::None;
                if plain {
                    continue;
                }
                prop_assert_eq!(v.fgcolor(), vcolor(c.fg), "{}", at);
                prop_assert_eq!(v.bold(), c.attrs.has(Attrs::BOLD), "{}", at);
                prop_assert_eq!(v.dim(), c.attrs.has(Attrs::DIM), "{}", at);
                prop_assert_eq!(v.italic(), c.attrs.has(Attrs::ITALIC), "{}", at);
                prop_assert_eq!(v.inverse(), c.attrs.has(Attrs::INVERSE), "{}", at);
                prop_assert_eq!(
                    v.underline(),
                    c.attrs.underline() != Underline::None,
                    "{}",
                    at
                );
            }
        }
    }
    Ok(())
}

#[test]
fn vt100_shows_the_buffer() {
    let strategy = (2u16..30, 2u16..10).prop_flat_map(|(w, h)| {
        (
            Just(w),
            Just(h),
            prop::collection::vec(prop::collection::vec(op(w, h), 0..6), 12),
        )
    });
    let mut runner = TestRunner::new(Config {
        cases: 400,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, |(w, h, frames)| run(w, h, &frames)) {
        panic!("{e}");
    }
}
