//! Input parser throughput on ~1 MiB of mixed terminal input.
//!
//! The mix: typed ASCII text, CJK and emoji text, legacy keys (arrows,
//! function keys with modifiers, Ctrl+letters, Alt via ESC), kitty keys with
//! press/release and associated text, SGR mouse motion and clicks, focus
//! events, and bracketed pastes. Two cases:
//! - `mixed/4k-chunks`: fed in 4 KiB reads, as stdin delivers it;
//! - `mixed/whole`: fed in one call;
//! - `typing/ascii`: plain ASCII text alone (the fast path).
//!
//! Besides criterion's report, each case prints MB/s and events per second
//! measured over a fixed number of passes.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use letui_core::input::{Event, Parser};

/// A small deterministic generator (same sequence each run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next() as usize % items.len()]
    }
}

const WORDS: &[&str] = &[
    "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "Terminal", "input", "parser",
    "letui", "frame", "cell", "Enter",
];
const WIDE: &[&str] = &[
    "中文",
    "日本語",
    "한국어",
    "😀",
    "👍🏽",
    "🎉",
    "café",
    "naïve",
];
const LEGACY: &[&[u8]] = &[
    b"\x1b[A",
    b"\x1b[B",
    b"\x1b[1;5C",
    b"\x1b[1;2D",
    b"\x1bOP",
    b"\x1b[15~",
    b"\x1b[24;5~",
    b"\x1b[3~",
    b"\x1b[5~",
    b"\x1b[Z",
    b"\x01",
    b"\x17",
    b"\r",
    b"\t",
    b"\x7f",
    b"\x1bf",
];
const KITTY: &[&[u8]] = &[
    b"\x1b[97;;97u",
    b"\x1b[97;1:3u",
    b"\x1b[97;5u",
    b"\x1b[13;2u",
    b"\x1b[57441;2u",
    b"\x1b[57441;1:3u",
    b"\x1b[1;1:3A",
    b"\x1b[105;5:2u",
    b"\x1b[1089::99;5u",
];

/// About `size` bytes of mixed input.
fn mixed(size: usize) -> Vec<u8> {
    let mut rng = Lcg(0x5eed);
    let mut out = Vec::with_capacity(size + 4096);
    while out.len() < size {
        match rng.next() % 100 {
            0..=34 => {
                for _ in 0..8 {
                    out.extend_from_slice(rng.pick(WORDS).as_bytes());
                    out.push(b' ');
                }
            }
            35..=44 => {
                for _ in 0..4 {
                    out.extend_from_slice(rng.pick(WIDE).as_bytes());
                }
            }
            45..=59 => out.extend_from_slice(rng.pick(LEGACY)),
            60..=74 => out.extend_from_slice(rng.pick(KITTY)),
            75..=94 => {
                let (x, y) = (rng.next() % 200 + 1, rng.next() % 60 + 1);
                let b = rng.pick(&[0u32, 32, 35, 64, 65]);
                let fin = if rng.next() % 4 == 0 { 'm' } else { 'M' };
                out.extend_from_slice(format!("\x1b[<{b};{x};{y}{fin}").as_bytes());
            }
            95..=97 => out.extend_from_slice(b"\x1b[I\x1b[O"),
            _ => {
                out.extend_from_slice(b"\x1b[200~");
                for i in 0..200 {
                    out.extend_from_slice(rng.pick(WORDS).as_bytes());
                    out.extend_from_slice(if i % 10 == 9 { b"\n" } else { b" " });
                }
                out.extend_from_slice("中文 😀\n".as_bytes());
                out.extend_from_slice(b"\x1b[201~");
            }
        }
    }
    out
}

/// Plain typed text.
fn ascii(size: usize) -> Vec<u8> {
    let mut rng = Lcg(7);
    let mut out = Vec::with_capacity(size + 16);
    while out.len() < size {
        out.extend_from_slice(rng.pick(WORDS).as_bytes());
        out.push(b' ');
    }
    out
}

/// Uniformly random bytes: event-dense garbage.
fn random(size: usize) -> Vec<u8> {
    let mut rng = Lcg(0xbad);
    (0..size).map(|_| rng.next() as u8).collect()
}

/// An OSC 52 sequence of `size` bytes (past the string cap), then a key.
fn long_osc(size: usize) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.resize(size, b'x');
    out.extend_from_slice(b"\x07q");
    out
}

/// Parses `input` in `chunk`-byte calls; returns the number of events.
fn parse(p: &mut Parser, input: &[u8], chunk: usize, events: &mut Vec<Event>) -> usize {
    let mut n = 0;
    for c in input.chunks(chunk) {
        events.clear();
        p.feed(black_box(c), events);
        n += events.len();
        black_box(&events);
    }
    n
}

/// Prints throughput measured over `passes` passes.
fn report(name: &str, input: &[u8], chunk: usize) {
    let mut p = Parser::new();
    let mut events = Vec::with_capacity(chunk.min(input.len()) + 16);
    let n = parse(&mut p, input, chunk, &mut events);
    let passes = 20;
    let t = Instant::now();
    for _ in 0..passes {
        parse(&mut p, input, chunk, &mut events);
    }
    let secs = t.elapsed().as_secs_f64() / f64::from(passes);
    println!(
        "input {name}: {:.1} MB/s, {:.1} M events/s ({} bytes, {n} events per pass, {:.0} us)",
        input.len() as f64 / secs / 1e6,
        n as f64 / secs / 1e6,
        input.len(),
        secs * 1e6,
    );
}

fn bench(c: &mut Criterion) {
    let mix = mixed(1 << 20);
    let text = ascii(1 << 20);
    report("mixed/4k-chunks", &mix, 4096);
    report("mixed/whole", &mix, mix.len());
    report("typing/ascii", &text, 4096);
    report("garbage/random-4k-chunks", &random(1 << 22), 4096);
    report("garbage/random-whole", &random(1 << 22), 1 << 22);
    report("garbage/esc-whole", &vec![0x1b; 1 << 20], 1 << 20);
    report("garbage/osc-10MB", &long_osc(10 << 20), 4096);
    if std::env::var_os("LETUI_BENCH_FIGURES_ONLY").is_some() {
        return;
    }

    let mut g = c.benchmark_group("input");
    g.throughput(Throughput::Bytes(mix.len() as u64));
    let mut p = Parser::new();
    let mut events = Vec::with_capacity(8192);
    g.bench_function("mixed/4k-chunks", |b| {
        b.iter(|| parse(&mut p, &mix, 4096, &mut events))
    });
    g.bench_function("mixed/whole", |b| {
        b.iter(|| parse(&mut p, &mix, mix.len(), &mut events))
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("typing/ascii", |b| {
        b.iter(|| parse(&mut p, &text, 4096, &mut events))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
