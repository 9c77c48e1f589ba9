//! The renderer's correctness contract: replaying the bytes emitted for any
//! sequence of frames into a reference terminal yields exactly the screen
//! the buffer holds, after every frame.
//!
//! Random frame sequences draw text in many scripts (CJK, emoji ZWJ
//! sequences, flags, combining marks, controls), fill, write raw cells
//! (including invalid ones the renderer must repair), scroll content,
//! resize, force redraws, change color modes and capabilities, and move the
//! cursor. At least 10,000 frames run by default.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};

use letui_core::cell::{Attrs, Cell, Color, ColorKind, Underline};
use letui_core::renderer::{Capabilities, CursorRequest};
use letui_core::{ColorMode, Grid, Rect, Renderer, Screen, Style};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use support::emulator::{EColor, Emulator};

static FRAMES: AtomicUsize = AtomicUsize::new(0);

const TEXTS: &[&str] = &[
    "hello",
    "a",
    "The quick brown fox",
    "中文字符",
    "日本語のテキスト",
    "한국어",
    "👨\u{200d}👩\u{200d}👧",
    "🇺🇸🇯🇵",
    "👍🏽ok",
    "e\u{301}a\u{308}",
    "❤\u{fe0f}❤",
    "1\u{fe0f}\u{20e3}",
    "ก\u{e48}ข",
    "Ελληνικά",
    "עברית",
    "a\tb\nc\x1b[31m\x07",
    "\u{200b}\u{301}x",
    "   ",
    "x中y",
    "‐—…",
];

const URLS: &[&str] = &[
    "https://a.example/",
    "https://b.example/x?y=1;z=2",
    "file:///tmp/日本",
];

#[derive(Debug, Clone)]
enum Op {
    Text {
        x: i32,
        y: i32,
        text: usize,
        style: StyleSpec,
    },
    Fill {
        x: i32,
        y: i32,
        w: u32,
        h: u32,
        glyph: usize,
        style: StyleSpec,
    },
    Raw {
        x: u16,
        y: u16,
        glyph: u32,
        fg: u32,
        bg: u32,
        attrs: u32,
    },
    ScrollContent {
        down: bool,
        k: u16,
    },
    Clip(Option<(u16, u16, u16, u16)>),
    Resize {
        w: u32,
        h: u32,
    },
    Redraw,
    Mode(u8),
    Caps(u8),
    Cursor(Option<(u16, u16)>, u8),
}

#[derive(Debug, Clone)]
struct StyleSpec {
    fg: u32,
    bg: u32,
    attrs: u32,
    underline: u8,
    link: Option<usize>,
}

fn color() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(Color::DEFAULT.0),
        Just(Color::KEEP.0),
        (0u8..16).prop_map(|i| Color::indexed(i).0),
        any::<u8>().prop_map(|i| Color::indexed(i).0),
        (0u8..4, 0u8..4, 0u8..4).prop_map(|(r, g, b)| Color::rgb(r * 85, g * 85, b * 85).0),
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::rgb(r, g, b).0),
    ]
}

fn style() -> impl Strategy<Value = StyleSpec> {
    (
        color(),
        color(),
        prop_oneof![Just(0u32), 0u32..0x80],
        prop_oneof![Just(0u8), 0u8..6],
        prop_oneof![3 => Just(None), 1 => (0..URLS.len()).prop_map(Some)],
    )
        .prop_map(|(fg, bg, attrs, underline, link)| StyleSpec {
            fg,
            bg,
            attrs,
            underline,
            link,
        })
}

fn raw_glyph() -> impl Strategy<Value = u32> {
    prop_oneof![
        (0x20u32..0x7f),
        Just('中' as u32),
        Just('😀' as u32),
        Just(0x301),
        Just(0x1b),
        Just(0x7f),
        Just(0xd800),
        Just(0x11_0000),
        Just(Cell::CONTINUATION),
        (0u32..4).prop_map(|i| Cell::POOL_BIT | i),
        any::<u32>(),
    ]
}

fn op(w: u16, h: u16) -> impl Strategy<Value = Op> {
    let (wi, hi) = (w as i32, h as i32);
    prop_oneof![
        8 => (-3..wi + 2, -1..hi + 1, 0..TEXTS.len(), style())
            .prop_map(|(x, y, text, style)| Op::Text { x, y, text, style }),
        2 => (-2..wi, -2..hi, 0u32..40, 0u32..20, 0..TEXTS.len(), style())
            .prop_map(|(x, y, w, h, glyph, style)| Op::Fill { x, y, w, h, glyph, style }),
        2 => (0..w, 0..h, raw_glyph(), color(), color(), any::<u32>())
            .prop_map(|(x, y, glyph, fg, bg, attrs)| Op::Raw { x, y, glyph, fg, bg, attrs }),
        1 => (any::<bool>(), 1u16..5).prop_map(|(down, k)| Op::ScrollContent { down, k }),
        1 => prop_oneof![
            Just(None),
            (0..w, 0..h, 0..w + 2, 0..h + 2).prop_map(Some)
        ]
        .prop_map(Op::Clip),
        1 => (1u32..40, 1u32..16).prop_map(|(w, h)| Op::Resize { w, h }),
        1 => Just(Op::Redraw),
        1 => (0u8..4).prop_map(Op::Mode),
        1 => any::<u8>().prop_map(Op::Caps),
        1 => (prop_oneof![Just(None), (0..w + 1, 0..h + 1).prop_map(Some)], 0u8..7)
            .prop_map(|(p, s)| Op::Cursor(p, s)),
    ]
}

fn frames() -> impl Strategy<Value = (u16, u16, bool, Vec<Vec<Op>>)> {
    (1u16..32, 1u16..12, any::<bool>()).prop_flat_map(|(w, h, inline)| {
        let frame = prop::collection::vec(op(w, h), 0..6);
        (
            Just(w),
            Just(h),
            Just(inline),
            prop::collection::vec(frame, 16),
        )
    })
}

fn caps_from(bits: u8) -> Capabilities {
    Capabilities {
        synchronized_output: bits & 1 != 0,
        styled_underline: bits & 2 != 0,
        hyperlinks: bits & 4 != 0,
        scroll_regions: bits & 8 != 0,
    }
}

fn to_style(screen: &mut Screen, s: &StyleSpec) -> Style {
    let mut attrs = Attrs::flags(s.attrs).with_underline(Underline::from_u8(s.underline));
    if s.underline == 0 {
        attrs = attrs.with_underline(Underline::None);
    }
    if let Some(l) = s.link {
        attrs = attrs.with_link(screen.link(URLS[l]).unwrap());
    }
    Style::new(Color(s.fg), Color(s.bg), attrs)
}

fn apply(screen: &mut Screen, r: &mut Renderer, op: &Op) {
    match op {
        Op::Text { x, y, text, style } => {
            let st = to_style(screen, style);
            screen.draw_text(*x, *y, TEXTS[*text], st);
        }
        Op::Fill {
            x,
            y,
            w,
            h,
            glyph,
            style,
        } => {
            let st = to_style(screen, style);
            screen.fill(*x, *y, *w, *h, TEXTS[*glyph], st);
        }
        Op::Raw {
            x,
            y,
            glyph,
            fg,
            bg,
            attrs,
        } => {
            if let Some(c) = screen.grid_mut().get_mut(*x, *y) {
                *c = Cell {
                    glyph: *glyph,
                    fg: Color(*fg),
                    bg: Color(*bg),
                    // Keep link ids valid: an unknown id would be a dangling
                    // reference, which the FFI never produces either.
                    attrs: Attrs(*attrs & 0xffff),
                };
            }
        }
        Op::ScrollContent { down, k } => {
            let h = screen.height();
            let w = screen.width() as usize;
            let k = (*k).min(h) as usize;
            let cells = screen.grid_mut().cells_mut();
            if *down {
                cells.rotate_right(k * w);
            } else {
                cells.rotate_left(k * w);
            }
        }
        Op::Clip(c) => screen.set_clip(c.map(|(x, y, w, h)| Rect::new(x, y, w, h))),
        Op::Resize { w, h } => screen.resize(*w, *h).unwrap(),
        Op::Redraw => r.force_redraw(),
        Op::Mode(m) => r.set_color_mode(
            [
                ColorMode::TrueColor,
                ColorMode::Palette256,
                ColorMode::Basic16,
                ColorMode::NoColor,
            ][*m as usize],
        ),
        Op::Caps(bits) => r.set_capabilities(caps_from(*bits)),
        Op::Cursor(p, shape) => r.set_cursor(CursorRequest {
            position: *p,
            shape: *shape,
        }),
    }
}

fn ecolor(c: Color) -> EColor {
    match c.kind() {
        ColorKind::Default => EColor::Default,
        ColorKind::Indexed(i) => EColor::Idx(i),
        ColorKind::Rgb(r, g, b) => EColor::Rgb(r, g, b),
    }
}

/// Compares every cell of `screen` with the emulator, whose region starts at
/// row `origin`.
fn check(screen: &Screen, r: &Renderer, emu: &Emulator, origin: usize) -> Result<(), String> {
    let mode = r.color_mode();
    let caps = r.capabilities();
    let grid: &Grid = screen.grid();
    for y in 0..grid.height() {
        for x in 0..grid.width() {
            let c = grid.get(x, y).unwrap();
            let e = emu.cell(x as usize, y as usize + origin);
            let at = || format!("cell ({x},{y}) {c:?} vs {e:?}\nscreen: {:#?}", emu.lines());
            if c.is_continuation() {
                if !e.continuation {
                    return Err(format!("expected continuation at {}", at()));
                }
                continue;
            }
            let text = screen.cell_text(c);
            if e.text != text {
                return Err(format!("text differs at {}", at()));
            }
            let a = c.attrs.normalized();
            let link = if caps.hyperlinks { a.link() } else { 0 };
            let visible_blank = text == " "
                && !a.has(Attrs::INVERSE)
                && !a.has(Attrs::STRIKE)
                && a.underline() == Underline::None
                && link == 0;
            if ecolor(mode.downgrade(c.bg)) != e.style.bg {
                return Err(format!("background differs at {}", at()));
            }
            if visible_blank {
                if e.style.inverse || e.style.strike || e.style.underline != 0 || e.link.is_some() {
                    return Err(format!("blank shows attributes at {}", at()));
                }
                continue;
            }
            if ecolor(mode.downgrade(c.fg)) != e.style.fg {
                return Err(format!("foreground differs at {}", at()));
            }
            let s = &e.style;
            let flags = [
                (Attrs::BOLD, s.bold),
                (Attrs::DIM, s.dim),
                (Attrs::ITALIC, s.italic),
                (Attrs::BLINK, s.blink),
                (Attrs::INVERSE, s.inverse),
                (Attrs::HIDDEN, s.hidden),
                (Attrs::STRIKE, s.strike),
            ];
            for (bit, shown) in flags {
                if a.has(bit) != shown {
                    return Err(format!("attribute {bit:#x} differs at {}", at()));
                }
            }
            let mut u = a.underline() as u8;
            if !caps.styled_underline && u > 1 {
                u = 1;
            }
            if u != s.underline {
                return Err(format!("underline differs at {}", at()));
            }
            let want = (link != 0).then(|| screen.link_url(link).unwrap().to_string());
            if want != e.link {
                return Err(format!("link differs at {}", at()));
            }
        }
    }
    Ok(())
}

/// The cursor after a frame: shown where requested, with the requested
/// shape, when that is on the screen; hidden otherwise.
fn check_cursor(
    screen: &Screen,
    emu: &Emulator,
    origin: usize,
    (position, shape): (Option<(u16, u16)>, u8),
) -> Result<(), String> {
    let (w, h) = (screen.width(), screen.height());
    match position {
        Some((x, y)) if x < w && y < h => {
            let want = (x as usize, y as usize + origin);
            if !emu.cursor_visible() {
                return Err(format!("cursor hidden, expected at {want:?}"));
            }
            if emu.cursor() != want {
                return Err(format!(
                    "cursor at {:?}, expected at {want:?}",
                    emu.cursor()
                ));
            }
            if emu.cursor_shape() != u16::from(shape) {
                return Err(format!(
                    "cursor shape {}, expected {shape}",
                    emu.cursor_shape()
                ));
            }
        }
        _ if emu.cursor_visible() => {
            return Err(format!(
                "cursor shown at {:?}, expected hidden ({position:?} on {w}x{h})",
                emu.cursor()
            ));
        }
        _ => {}
    }
    Ok(())
}

fn run_frames(w: u16, h: u16, inline: bool, frames: &[Vec<Op>]) -> Result<(), TestCaseError> {
    let mut screen = Screen::new(w as u32, h as u32).unwrap();
    let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
    // Inline: the region sits 3 rows down a taller terminal.
    let origin = if inline { 3 } else { 0 };
    r.set_inline(inline, origin as u16);
    let mut emu = Emulator::new(40, 16 + origin);
    let mut cursor: (Option<(u16, u16)>, u8) = (None, 0);
    for (i, ops) in frames.iter().enumerate() {
        for op in ops {
            apply(&mut screen, &mut r, op);
            if let Op::Cursor(p, shape) = op {
                cursor = (*p, *shape);
            }
        }
        let bytes = r.render(&mut screen).to_vec();
        emu.feed(&bytes);
        FRAMES.fetch_add(1, Ordering::Relaxed);
        check(&screen, &r, &emu, origin)
            .and_then(|()| check_cursor(&screen, &emu, origin, cursor))
            .map_err(|e| {
                TestCaseError::fail(format!(
                    "frame {i}: {e}\nbytes: {:?}",
                    String::from_utf8_lossy(&bytes)
                ))
            })?;
        // A second render with no change writes nothing.
        let again = r.render(&mut screen);
        prop_assert!(
            again.is_empty(),
            "idle frame wrote {:?}",
            String::from_utf8_lossy(again)
        );
    }
    Ok(())
}

#[test]
fn emulator_shows_the_buffer() {
    let config = ProptestConfig {
        cases: 2000,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&frames(), |(w, h, inline, frames)| {
        run_frames(w, h, inline, &frames)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let n = FRAMES.load(Ordering::Relaxed);
    eprintln!("emulator replay: {n} frames, no mismatch");
    assert!(n >= 10_000, "only {n} frames replayed");
}
