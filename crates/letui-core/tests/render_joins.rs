//! No accidental joins: clusters the screen keeps in separate cells stay
//! separate on the terminal, in a clustering terminal (which gathers
//! printed code points into grapheme clusters until an escape) and in a
//! per-code-point one (where zero-width code points, and tmux's code
//! points after a zero-width joiner, join the cell left of the cursor
//! however the cursor got there).
//!
//! Random frames of pieces that can extend a neighbour (lone extenders,
//! emoji modifiers, regional indicators, spacing marks, Hangul jamo,
//! prepended marks), drawn next to existing cells by separate draws, with
//! skipped controls between them and as raw cells, replay into both
//! emulators with no mismatch.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};

use letui_core::renderer::Capabilities;
use letui_core::{Cell, ColorMode, Renderer, Screen, Style};
use proptest::prelude::*;
use support::emulator::Emulator;

/// Frames compared, per terminal.
static CLUSTERING: AtomicUsize = AtomicUsize::new(0);
static PER_CODE_POINT: AtomicUsize = AtomicUsize::new(0);

/// Both kinds of terminal, fed the same bytes.
struct Terminals {
    clustering: Emulator,
    per_code_point: Emulator,
    /// False once the screen held a cluster the per-code-point terminal
    /// splits into cells of other widths: from then on it shows another
    /// screen by design (a matter of width profiles), and is not compared.
    comparable: bool,
}

impl Terminals {
    fn new(w: usize, h: usize) -> Terminals {
        Terminals {
            clustering: Emulator::new(w, h),
            per_code_point: Emulator::per_code_point(w, h),
            comparable: true,
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.clustering.feed(bytes);
        self.per_code_point.feed(bytes);
    }
}

/// Compares every cell's text and width with both emulators.
fn check(screen: &Screen, t: &mut Terminals) -> Result<(), String> {
    let grid = screen.grid();
    t.comparable &= (0..grid.height()).all(|y| per_code_point_agrees(screen, y));
    for (name, emu) in [
        ("clustering", &t.clustering),
        ("per code point", &t.per_code_point),
    ] {
        if name == "per code point" && !t.comparable {
            continue;
        }
        let counter = if name == "clustering" {
            &CLUSTERING
        } else {
            &PER_CODE_POINT
        };
        counter.fetch_add(1, Ordering::Relaxed);
        for y in 0..grid.height() {
            for x in 0..grid.width() {
                let c = grid.get(x, y).unwrap();
                let e = emu.cell(x as usize, y as usize);
                let (want, got) = if c.is_continuation() {
                    (
                        "(continuation)".to_string(),
                        if e.continuation {
                            "(continuation)".to_string()
                        } else {
                            e.text.clone()
                        },
                    )
                } else {
                    (
                        screen.cell_text(c),
                        if e.continuation {
                            "(continuation)".to_string()
                        } else {
                            e.text.clone()
                        },
                    )
                };
                if want != got {
                    return Err(format!(
                        "{name} terminal: cell ({x},{y}) shows {got:?}, the screen holds {want:?}\nterminal: {:?}\nscreen: {:?}",
                        emu.lines(),
                        (0..grid.height())
                            .map(|y| screen.row_text(y))
                            .collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    Ok(())
}

/// True when a per-code-point terminal shows each cluster on row `y` in
/// one cell of the same width: its first code point has the cluster's
/// width and the others none.
fn per_code_point_agrees(screen: &Screen, y: u16) -> bool {
    use letui_core::width::{char_width, cluster_width};
    screen
        .grid()
        .row(y)
        .iter()
        .filter(|c| !c.is_continuation())
        .all(|c| {
            let text = screen.cell_text(c);
            let mut chars = text.chars();
            let first = chars.next().map_or(0, char_width);
            first == cluster_width(&text) && chars.all(|ch| char_width(ch) == 0)
        })
}

fn render(screen: &mut Screen, r: &mut Renderer, t: &mut Terminals) -> Result<(), String> {
    let bytes = r.render(screen).to_vec();
    t.feed(&bytes);
    check(screen, t).map_err(|e| format!("{e}\nbytes: {:?}", String::from_utf8_lossy(&bytes)))
}

/// Draws each `(x, text)` on row 0 (and a second row of plain text), renders once, and checks both terminals.
fn shows(draws: &[(i32, &str)]) {
    let mut screen = Screen::new(12, 2).unwrap();
    let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
    let mut t = Terminals::new(12, 2);
    for &(x, text) in draws {
        screen.draw_text(x, 0, text, Style::default());
    }
    screen.draw_text(0, 1, "next row", Style::default());
    if let Err(e) = render(&mut screen, &mut r, &mut t) {
        panic!("{draws:?}: {e}");
    }
}

#[test]
fn a_skipped_control_leaves_no_join() {
    shows(&[(0, "\u{915}\x07\u{93f}|")]);
    shows(&[(0, "👍\t🏽|")]);
    shows(&[(0, "\u{1100}\t\u{ac00}|")]);
}

#[test]
fn separate_draws_leave_no_join() {
    shows(&[(0, "👍"), (2, "🏽|")]);
    let ri = letui_core::width::str_width("🇺") as i32;
    shows(&[(0, "🇺"), (ri, "🇸|")]);
    shows(&[(0, "\u{915}"), (1, "\u{93f}|")]);
    shows(&[
        (0, "\u{600}"),
        (letui_core::width::str_width("\u{600}") as i32, "1|"),
    ]);
}

#[test]
fn a_dangling_joiner_joins_nothing_even_in_tmux() {
    // tmux 3.3a joins what follows a zero-width joiner across a cursor move.
    shows(&[(0, "👨\u{200d}"), (2, "👩|")]);
    shows(&[(0, "a\u{200d}"), (1, "b|")]);
}

#[test]
fn raw_cells_leave_no_join() {
    let mut screen = Screen::new(8, 1).unwrap();
    let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
    let mut t = Terminals::new(8, 1);
    screen.draw_text(0, 0, "\u{915}", Style::default());
    screen.grid_mut().row_mut(0)[1] = Cell {
        glyph: 0x93f,
        ..Cell::BLANK
    };
    screen.grid_mut().row_mut(0)[2] = Cell {
        glyph: '|' as u32,
        ..Cell::BLANK
    };
    render(&mut screen, &mut r, &mut t).unwrap();
}

/// Pieces that can extend the cluster before them, and ordinary ones.
const PIECES: &[&str] = &[
    "a",
    "|",
    "中",
    "\u{915}",
    "\u{93f}",
    "\u{94d}",
    "👍",
    "🏽",
    "🇺",
    "🇸",
    "\u{1100}",
    "\u{1161}",
    "\u{ac00}",
    "\u{600}",
    "e\u{301}",
    "\u{301}",
    "\u{200d}",
    "👨\u{200d}",
    "\u{fe0f}",
    "❤",
    "\x07",
    "\t",
    "ก",
    "\u{e33}",
];

#[derive(Debug, Clone)]
enum Op {
    /// Several pieces in one draw, from column x of row y.
    Draw(u16, u16, Vec<usize>),
    /// A raw cell holding one code point.
    Raw(u16, u16, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u16..10, 0u16..3, prop::collection::vec(0..PIECES.len(), 1..5)).prop_map(|(x, y, p)| Op::Draw(x, y, p)),
        1 => (0u16..10, 0u16..3, 0..PIECES.len()).prop_map(|(x, y, p)| Op::Raw(x, y, p)),
    ]
}

#[test]
fn random_neighbours_never_join() {
    let config = ProptestConfig {
        cases: 3000,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let frames = prop::collection::vec(prop::collection::vec(op(), 1..6), 1..8);
    if let Err(e) = runner.run(&frames, |frames| replay(&frames)) {
        panic!("{e}");
    }
    let (c, p) = (
        CLUSTERING.load(Ordering::Relaxed),
        PER_CODE_POINT.load(Ordering::Relaxed),
    );
    eprintln!(
        "join replay: {c} frames against a clustering terminal, {p} against a per-code-point one, no mismatch"
    );
    assert!(
        c >= 5_000 && p >= 2_000,
        "too few frames compared: {c}, {p}"
    );
}

fn replay(frames: &[Vec<Op>]) -> Result<(), TestCaseError> {
    {
        let mut screen = Screen::new(10, 3).unwrap();
        let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
        let mut t = Terminals::new(10, 3);
        for ops in frames {
            for op in ops {
                match op {
                    Op::Draw(x, y, pieces) => {
                        let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
                        screen.draw_text(i32::from(*x), i32::from(*y), &text, Style::default());
                    }
                    Op::Raw(x, y, p) => {
                        if let Some(c) = PIECES[*p].chars().next() {
                            screen.grid_mut().row_mut(*y)[*x as usize] = Cell {
                                glyph: c as u32,
                                ..Cell::BLANK
                            };
                        }
                    }
                }
            }
            render(&mut screen, &mut r, &mut t).map_err(TestCaseError::fail)?;
        }
    }
    Ok(())
}
