//! Width profiles: under each profile the screen holds what a terminal of
//! that kind shows. Random frames of text in many scripts (emoji
//! sequences, flags, skin tones, CJK, Indic, Hangul jamo, combining marks,
//! East Asian ambiguous symbols), fills and raw cells replay into the
//! reference emulator of the same kind, with no mismatch, at least 10,000
//! frames per profile.
//!
//! The profile is process-wide, so every profile runs inside one test.

mod support;

use std::cell::Cell;

use letui_core::renderer::Capabilities;
use letui_core::width::{Clustering, Widths, set_widths};
use letui_core::{ColorMode, Renderer, Screen, Style};
use proptest::prelude::*;
use support::emulator::Emulator;

const TEXTS: &[&str] = &[
    "hello",
    "中文字符",
    "한국어",
    "\u{1100}\u{1161}\u{11a8}",
    "👨\u{200d}👩\u{200d}👧",
    "🇺🇸🇯🇵",
    "👍🏽ok",
    "e\u{301}a\u{308}",
    "❤\u{fe0f}❤",
    "1\u{fe0f}\u{20e3}",
    "ก\u{e33}ข",
    "\u{915}\u{94d}\u{937}\u{93f}",
    "±§°×",
    "☎\u{fe0f}",
    "\u{1f9cc}",
    "a\tb\x07c",
    "\u{200b}\u{301}x",
    "ﾊﾟ",
    "|",
];

#[derive(Debug, Clone)]
enum Op {
    Text(i32, u16, usize),
    Fill(u16, u16, u16, usize),
    Raw(u16, u16, u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (-2i32..14, 0u16..4, 0..TEXTS.len()).prop_map(|(x, y, t)| Op::Text(x, y, t)),
        1 => (0u16..12, 0u16..4, 1u16..6, 0..TEXTS.len()).prop_map(|(x, y, w, t)| Op::Fill(x, y, w, t)),
        1 => (0u16..12, 0u16..4, prop_oneof![Just('中' as u32), Just(0x301), Just(0x1f1fa), Just(0xb1), Just('a' as u32)])
            .prop_map(|(x, y, g)| Op::Raw(x, y, g)),
    ]
}

fn check(screen: &Screen, emu: &Emulator) -> Result<(), String> {
    let grid = screen.grid();
    for y in 0..grid.height() {
        for x in 0..grid.width() {
            let c = grid.get(x, y).unwrap();
            let e = emu.cell(x as usize, y as usize);
            let ok = if c.is_continuation() {
                e.continuation
            } else {
                !e.continuation && e.text == screen.cell_text(c)
            };
            if !ok {
                return Err(format!(
                    "cell ({x},{y}): terminal {:?}, screen {:?}\nterminal: {:?}\nscreen: {:?}",
                    e.text,
                    screen.cell_text(c),
                    emu.lines(),
                    (0..grid.height())
                        .map(|y| screen.row_text(y))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    Ok(())
}

fn replay(
    frames: &[Vec<Op>],
    per_code_point: bool,
    count: &Cell<usize>,
) -> Result<(), TestCaseError> {
    let mut screen = Screen::new(12, 4).unwrap();
    let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
    let mut emu = if per_code_point {
        Emulator::per_code_point(12, 4)
    } else {
        Emulator::new(12, 4)
    };
    for ops in frames {
        for op in ops {
            match *op {
                Op::Text(x, y, t) => {
                    screen.draw_text(x, i32::from(y), TEXTS[t], Style::default());
                }
                Op::Fill(x, y, w, t) => screen.fill(
                    i32::from(x),
                    i32::from(y),
                    u32::from(w),
                    1,
                    TEXTS[t],
                    Style::default(),
                ),
                Op::Raw(x, y, g) => {
                    screen.grid_mut().row_mut(y)[x as usize] = letui_core::Cell {
                        glyph: g,
                        ..letui_core::Cell::BLANK
                    }
                }
            }
        }
        let bytes = r.render(&mut screen).to_vec();
        emu.feed(&bytes);
        count.set(count.get() + 1);
        check(&screen, &emu).map_err(|e| {
            TestCaseError::fail(format!("{e}\nbytes: {:?}", String::from_utf8_lossy(&bytes)))
        })?;
    }
    Ok(())
}

#[test]
fn every_profile_shows_the_buffer() {
    let profiles = [
        ("per code point", Clustering::PerCodePoint, false),
        (
            "per code point, ambiguous wide",
            Clustering::PerCodePoint,
            true,
        ),
        ("graphemes, ambiguous wide", Clustering::Graphemes, true),
        ("graphemes", Clustering::Graphemes, false),
    ];
    // Per code point: a flag is two cells, a family one cell per person
    // (the joiners stay with the person before them), a skin tone a cell of
    // its own; an accent stays on its letter.
    set_widths(Widths {
        clustering: Clustering::PerCodePoint,
        ambiguous_wide: false,
    });
    let mut s = Screen::new(16, 1).unwrap();
    let end = s.draw_text(0, 0, "🇺🇸|👨\u{200d}👩|e\u{301}👍🏽", Style::default());
    let cells: Vec<String> = s
        .grid()
        .row(0)
        .iter()
        .filter(|c| !c.is_continuation())
        .map(|c| s.cell_text(c))
        .collect();
    set_widths(Widths::default());
    assert_eq!(end, 13);
    assert_eq!(
        &cells[..9],
        ["🇺", "🇸", "|", "👨", "👩", "|", "e\u{301}", "👍", "🏽"]
    );
    set_widths(Widths {
        clustering: Clustering::Graphemes,
        ambiguous_wide: true,
    });
    let wide = letui_core::width::str_width("±§");
    set_widths(Widths::default());
    assert_eq!((wide, letui_core::width::str_width("±§")), (4, 2));

    for (name, clustering, ambiguous_wide) in profiles {
        set_widths(Widths {
            clustering,
            ambiguous_wide,
        });
        let count = Cell::new(0);
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases: 1500,
            ..ProptestConfig::default()
        });
        let frames = prop::collection::vec(prop::collection::vec(op(), 1..5), 4..12);
        let result = runner.run(&frames, |f| {
            replay(&f, clustering == Clustering::PerCodePoint, &count)
        });
        let count = count.get();
        if let Err(e) = result {
            set_widths(Widths::default());
            panic!("{name}: {e}");
        }
        eprintln!("{name}: {count} frames, no mismatch");
        assert!(count >= 10_000, "{name}: only {count} frames");
    }
    set_widths(Widths::default());
}
