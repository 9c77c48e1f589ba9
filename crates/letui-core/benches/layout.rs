//! Layout benchmarks on a tree of 1,001 nodes (a column of 100 rows of
//! boxes and text in a 200x60 viewport):
//!
//! (a) layout from scratch (every node new; building excluded), target
//!     <= 1 ms;
//! (b) building the tree and laying it out;
//! (c) layout again after one text node changed, target <= 0.2 ms.
//!
//! Besides criterion's report, each case prints its own figure.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use letui_core::layout::{AlignItems, Edges, FlexDirection, LayoutTree, Length, NodeId, NodeStyle};
use letui_core::wrap::WrapMode;

const W: u32 = 200;
const H: u32 = 60;

const SENTENCES: &[&str] = &[
    "The quick brown fox jumps over the lazy dog while the terminal redraws.",
    "日本語のテキストも正しく折り返されます。",
    "Short one.",
    "Emoji 👍🏽 and flags 🇯🇵 take two cells each in a line of text.",
];

struct Built {
    tree: LayoutTree,
    root: NodeId,
    changing: NodeId,
}

fn text(tree: &mut LayoutTree, s: &str, mode: WrapMode, ellipsis: bool) -> NodeId {
    let n = tree.create().unwrap();
    tree.set_text(n, s, mode, ellipsis).unwrap();
    n
}

fn styled(tree: &mut LayoutTree, style: &NodeStyle, children: &[NodeId]) -> NodeId {
    let n = tree.create().unwrap();
    tree.set_style(n, style).unwrap();
    tree.set_children(n, children).unwrap();
    n
}

/// 1 root + 100 rows of 10 nodes.
fn build() -> Built {
    let mut tree = LayoutTree::new();
    let row_style = NodeStyle {
        column_gap: Length::Cells(1.0),
        align_items: Some(AlignItems::FlexStart),
        flex_shrink: 0.0,
        ..NodeStyle::default()
    };
    let label_style = NodeStyle {
        flex_shrink: 0.0,
        ..NodeStyle::default()
    };
    let card_style = NodeStyle {
        flex_grow: 1.0,
        border: Edges::all(1.0),
        padding: Edges {
            left: Length::Cells(1.0),
            right: Length::Cells(1.0),
            ..Edges::all(Length::Cells(0.0))
        },
        ..NodeStyle::default()
    };
    let status_style = NodeStyle {
        width: Length::Cells(12.0),
        ..NodeStyle::default()
    };
    let stack_style = NodeStyle {
        flex_direction: FlexDirection::Column,
        width: Length::Percent(15.0),
        ..NodeStyle::default()
    };
    let mut rows = Vec::new();
    let mut changing = None;
    for i in 0..100 {
        let label = text(&mut tree, &format!("Item {i}:"), WrapMode::None, false);
        tree.set_style(label, &label_style).unwrap();
        let body = text(
            &mut tree,
            SENTENCES[i % SENTENCES.len()],
            WrapMode::Word,
            false,
        );
        if i == 50 {
            changing = Some(body);
        }
        let card = styled(&mut tree, &card_style, &[body]);
        let status_text = text(&mut tree, "status: ok", WrapMode::Word, true);
        let status = styled(&mut tree, &status_style, &[status_text]);
        let a = text(&mut tree, "first line", WrapMode::Char, false);
        let b = text(&mut tree, "second line", WrapMode::Char, false);
        let stack = styled(&mut tree, &stack_style, &[a, b]);
        let tail = text(&mut tree, "…tail", WrapMode::None, true);
        rows.push(styled(
            &mut tree,
            &row_style,
            &[label, card, status, stack, tail],
        ));
    }
    let root_style = NodeStyle {
        flex_direction: FlexDirection::Column,
        width: Length::Percent(100.0),
        ..NodeStyle::default()
    };
    let root = styled(&mut tree, &root_style, &rows);
    assert_eq!(tree.len(), 1001);
    Built {
        tree,
        root,
        changing: changing.unwrap(),
    }
}

fn per_iter(n: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..n / 10 {
        f();
    }
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
}

fn bench(c: &mut Criterion) {
    // Printed figures: time per layout.
    let mut trees: Vec<Built> = (0..200).map(|_| build()).collect();
    let start = Instant::now();
    for b in &mut trees {
        b.tree.compute(b.root, W, H).unwrap();
    }
    let scratch = start.elapsed().as_secs_f64() * 1e6 / trees.len() as f64;
    println!("(a) layout of 1,001 new nodes: {scratch:.1} us (target <= 1000 us)");
    let built = per_iter(100, || {
        let mut b = build();
        b.tree.compute(b.root, W, H).unwrap();
        black_box(b.tree.results().len());
    });
    println!("(b) build + layout of 1,001 nodes: {built:.1} us");
    let mut b = build();
    b.tree.compute(b.root, W, H).unwrap();
    let mut flip = false;
    let relayout = per_iter(2000, || {
        flip = !flip;
        let s = if flip {
            "A changed sentence, a little longer than before it was."
        } else {
            SENTENCES[2]
        };
        b.tree
            .set_text(b.changing, s, WrapMode::Word, false)
            .unwrap();
        b.tree.compute(b.root, W, H).unwrap();
    });
    println!("(c) layout after one text change: {relayout:.1} us (target <= 200 us)");

    let mut group = c.benchmark_group("layout_1001_nodes");
    group.bench_function("a_from_scratch", |bench| {
        bench.iter_batched(
            build,
            |mut b| {
                b.tree.compute(b.root, W, H).unwrap();
                b
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("b_build_and_layout", |bench| {
        bench.iter(|| {
            let mut b = build();
            b.tree.compute(b.root, W, H).unwrap();
            b
        })
    });
    group.bench_function("c_one_text_changed", |bench| {
        bench.iter(|| {
            flip = !flip;
            let s = if flip {
                "A changed sentence, a little longer than before it was."
            } else {
                SENTENCES[2]
            };
            b.tree
                .set_text(b.changing, s, WrapMode::Word, false)
                .unwrap();
            b.tree.compute(b.root, W, H).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
