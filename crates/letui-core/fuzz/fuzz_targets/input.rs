//! Fuzzes the input parser: no panic, no hang, bounded output, text ranges
//! inside the text buffer, and the same events however the input is split.
//!
//! The first two bytes of the fuzz input choose where to split the rest.

#![no_main]

use letui_core::input::{Event, KeyKind, Modifiers, Parser};
use libfuzzer_sys::fuzz_target;

/// An event with its text resolved; typed text keys are merged into runs
/// (a grapheme cluster cut by a chunk boundary comes out as two keys).
#[derive(Debug, PartialEq)]
enum Owned {
    Event(String),
    Typed(String),
}

fn run(data: &[u8], cuts: &[usize]) -> Vec<Owned> {
    let mut p = Parser::new();
    p.expect_cursor_position();
    let mut owned = Vec::new();
    let mut out = Vec::new();
    let mut start = 0;
    let mut total = 0;
    let mut typed = String::new();
    let collect = |p: &Parser, out: &[Event], owned: &mut Vec<Owned>, typed: &mut String| {
        for e in out {
            let (text, plain) = match *e {
                Event::Key(k) => {
                    let t = p.text().get(k.text.range());
                    assert!(t.is_some(), "key text range out of bounds: {k:?}");
                    let plain = k.kind == KeyKind::Press
                        && !k.text.is_empty()
                        && !k.modifiers.intersects(Modifiers::SHORTCUT);
                    (t.unwrap_or_default(), plain)
                }
                Event::Paste { text, .. } => {
                    let t = p.text().get(text.range());
                    assert!(t.is_some(), "paste range out of bounds");
                    (t.unwrap_or_default(), false)
                }
                _ => ("", false),
            };
            if plain {
                typed.push_str(text);
                continue;
            }
            if !typed.is_empty() {
                owned.push(Owned::Typed(std::mem::take(typed)));
            }
            let mut e = *e;
            if let Event::Key(k) = &mut e {
                k.text = Default::default();
            }
            if let Event::Paste { text: t, .. } = &mut e {
                *t = Default::default();
            }
            owned.push(Owned::Event(format!("{e:?} {text:?}")));
        }
    };
    for &c in cuts.iter().chain([data.len()].iter()) {
        let c = c.clamp(start, data.len());
        out.clear();
        p.feed(&data[start..c], &mut out);
        total += out.len();
        collect(&p, &out, &mut owned, &mut typed);
        start = c;
    }
    out.clear();
    p.flush(&mut out);
    collect(&p, &out, &mut owned, &mut typed);
    total += out.len();
    out.clear();
    p.abort(&mut out);
    collect(&p, &out, &mut owned, &mut typed);
    total += out.len();
    assert!(!p.pending() && !p.awaiting_end());
    assert!(
        total <= data.len() + 1,
        "{total} events from {} bytes",
        data.len()
    );
    if !typed.is_empty() {
        owned.push(Owned::Typed(typed));
    }
    owned
}

fuzz_target!(|input: &[u8]| {
    let (head, data) = input.split_at(input.len().min(2));
    let whole = run(data, &[]);
    let n = data.len().max(1);
    let mut cuts: Vec<usize> = head.iter().map(|&b| usize::from(b) * n / 256).collect();
    cuts.sort_unstable();
    assert_eq!(run(data, &cuts), whole, "split at {cuts:?}");
    if data.len() <= 64 {
        let every: Vec<usize> = (1..data.len()).collect();
        assert_eq!(run(data, &every), whole, "byte by byte");
    }
});
