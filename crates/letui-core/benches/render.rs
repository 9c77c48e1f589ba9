//! Render benchmarks on a 200x60 screen: time and bytes per frame.
//!
//! (a) every cell changes, truecolor foreground and background;
//! (b) 3% of cells change, scattered, in an otherwise steady themed screen;
//! (c) the text content scrolls by one line.
//!
//! Each case alternates between two prepared screens so that every frame
//! carries the same amount of change; the timed work is the renderer's
//! diff and encode alone. Besides criterion's report, each case prints its
//! own figures: time per frame and bytes per frame (and, for (b), the ratio
//! to the target's reference: changed glyph bytes plus one cursor move per
//! changed run).

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use letui_core::ansi::cup_len;
use letui_core::cell::{Attrs, Color};
use letui_core::renderer::Capabilities;
use letui_core::{ColorMode, Renderer, Screen, Style};

const W: u32 = 200;
const H: u32 = 60;

/// A small deterministic generator (no dependency, same sequence each run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }
}

const WORDS: &[&str] = &[
    "lorem", "ipsum", "dolor", "sit", "amet", "render", "frame", "terminal", "cell", "diff",
    "bytes", "cursor", "screen", "layout", "signal", "letui",
];

fn text_line(rng: &mut Lcg) -> String {
    let mut s = String::new();
    while s.len() < W as usize {
        s.push_str(WORDS[rng.next() as usize % WORDS.len()]);
        s.push(' ');
    }
    s.truncate(W as usize);
    s
}

fn theme() -> Style {
    Style::new(
        Color::rgb(210, 210, 200),
        Color::rgb(24, 26, 33),
        Attrs::NONE,
    )
}

/// (a): two screens differing in every cell's glyph and colors.
fn all_changed() -> (Screen, Screen) {
    let mut pair = [Screen::new(W, H).unwrap(), Screen::new(W, H).unwrap()];
    for (i, s) in pair.iter_mut().enumerate() {
        for y in 0..H {
            for x in 0..W {
                let c = (b'a' + ((x + y + i as u32) % 26) as u8) as char;
                let fg = Color::rgb((x * 5) as u8, (y * 4) as u8, (i * 200) as u8);
                let bg = Color::rgb((y * 3) as u8, (x + i as u32 * 7) as u8, (x * 2) as u8);
                let mut buf = [0u8; 4];
                s.draw_text(
                    x as i32,
                    y as i32,
                    c.encode_utf8(&mut buf),
                    Style::new(fg, bg, Attrs::NONE),
                );
            }
        }
    }
    let [a, b] = pair;
    (a, b)
}

/// (b): a themed text screen and a copy with 3% of cells changed. Returns
/// the reference byte count of the change too.
fn scattered() -> (Screen, Screen, usize) {
    let mut rng = Lcg(7);
    let mut a = Screen::new(W, H).unwrap();
    for y in 0..H {
        a.draw_text(0, y as i32, &text_line(&mut rng), theme());
    }
    let mut b = a.clone();
    let n = (W * H * 3 / 100) as usize;
    let mut changed = vec![false; (W * H) as usize];
    let mut count = 0;
    while count < n {
        let i = rng.next() as usize % changed.len();
        if changed[i] {
            continue;
        }
        changed[i] = true;
        count += 1;
        let (x, y) = ((i as u32 % W) as i32, (i as u32 / W) as i32);
        let old = a.grid().cells()[i].glyph;
        let c = if old == 'X' as u32 { "Y" } else { "X" };
        b.draw_text(x, y, c, theme());
    }
    // Reference: changed glyph bytes + one absolute move per run.
    let mut reference = 0;
    for y in 0..H {
        let mut x = 0;
        while x < W {
            if changed[(y * W + x) as usize] {
                reference += cup_len(x, y);
                while x < W && changed[(y * W + x) as usize] {
                    reference += 1;
                    x += 1;
                }
            }
            x += 1;
        }
    }
    (a, b, reference)
}

/// (c): a log screen and the same log scrolled by one line.
fn scrolled() -> (Screen, Screen) {
    let mut rng = Lcg(11);
    let lines: Vec<String> = (0..=H).map(|_| text_line(&mut rng)).collect();
    let mut a = Screen::new(W, H).unwrap();
    let mut b = Screen::new(W, H).unwrap();
    for y in 0..H as usize {
        let fg = Color::rgb((y * 4) as u8, 200, 120);
        let style = Style::new(fg, Color::rgb(10, 10, 10), Attrs::NONE);
        a.draw_text(0, y as i32, &lines[y], style);
        let fg = Color::rgb(((y + 1) * 4) as u8, 200, 120);
        let style = Style::new(fg, Color::rgb(10, 10, 10), Attrs::NONE);
        b.draw_text(0, y as i32, &lines[y + 1], style);
    }
    (a, b)
}

/// Renders a, b, a, b... and returns (ns per frame, bytes per frame).
fn measure(a: &mut Screen, b: &mut Screen, frames: usize) -> (f64, f64) {
    let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
    r.render(a);
    r.render(b);
    let mut bytes = 0;
    let start = Instant::now();
    for i in 0..frames {
        let s = if i % 2 == 0 { &mut *a } else { &mut *b };
        bytes += black_box(r.render(s)).len();
    }
    let ns = start.elapsed().as_nanos() as f64 / frames as f64;
    (ns, bytes as f64 / frames as f64)
}

fn report(name: &str, a: &mut Screen, b: &mut Screen, extra: impl FnOnce(f64) -> String) {
    let (ns, bytes) = measure(a, b, 2000);
    println!(
        "render {name}: {:.1} us/frame, {:.0} bytes/frame{}",
        ns / 1000.0,
        bytes,
        extra(bytes)
    );
}

fn bench(c: &mut Criterion) {
    let (mut a1, mut b1) = all_changed();
    let (mut a2, mut b2, reference) = scattered();
    let (mut a3, mut b3) = scrolled();
    report("(a) all cells, truecolor", &mut a1, &mut b1, |_| {
        String::new()
    });
    report("(b) 3% scattered", &mut a2, &mut b2, |bytes| {
        format!(
            ", reference {reference} bytes, ratio {:.2} (target <= 1.5)",
            bytes / reference as f64
        )
    });
    report("(c) scroll by one line", &mut a3, &mut b3, |_| {
        String::new()
    });

    let mut group = c.benchmark_group("render_200x60");
    for (name, a, b) in [
        ("a_all_changed", &mut a1, &mut b1),
        ("b_scattered_3pct", &mut a2, &mut b2),
        ("c_scroll_one_line", &mut a3, &mut b3),
    ] {
        let mut r = Renderer::new(ColorMode::TrueColor, Capabilities::default());
        r.render(a);
        let mut flip = false;
        group.bench_function(name, |bench| {
            bench.iter(|| {
                flip = !flip;
                let s = if flip { &mut *b } else { &mut *a };
                black_box(r.render(s).len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
