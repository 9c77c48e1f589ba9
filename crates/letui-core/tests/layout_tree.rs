//! The layout tree: flexbox results in whole cells, text leaves, incremental
//! updates and misuse.

use letui_core::layout::{
    AlignItems, Display, Edges, FlexDirection, FlexWrap, JustifyContent, LayoutError, LayoutTree,
    Length, NodeId, NodeRect, NodeStyle, Overflow, Position, UNBOUNDED,
};
use letui_core::wrap::WrapMode;
use proptest::prelude::*;

fn node(tree: &mut LayoutTree, style: NodeStyle) -> NodeId {
    let n = tree.create().unwrap();
    tree.set_style(n, &style).unwrap();
    n
}

fn parent(tree: &mut LayoutTree, style: NodeStyle, children: &[NodeId]) -> NodeId {
    let n = node(tree, style);
    tree.set_children(n, children).unwrap();
    n
}

fn text(tree: &mut LayoutTree, s: &str, mode: WrapMode) -> NodeId {
    let n = tree.create().unwrap();
    tree.set_text(n, s, mode, false).unwrap();
    n
}

fn xywh(tree: &LayoutTree, n: NodeId) -> (i32, i32, i32, i32) {
    let r = tree.rect(n).unwrap();
    (r.x, r.y, r.width, r.height)
}

fn sized(w: f32, h: f32) -> NodeStyle {
    NodeStyle {
        width: Length::Cells(w),
        height: Length::Cells(h),
        ..NodeStyle::default()
    }
}

fn grow(g: f32) -> NodeStyle {
    NodeStyle {
        flex_grow: g,
        ..NodeStyle::default()
    }
}

fn column() -> NodeStyle {
    NodeStyle {
        flex_direction: FlexDirection::Column,
        ..NodeStyle::default()
    }
}

#[test]
fn rows_and_columns() {
    let mut t = LayoutTree::new();
    let a = node(&mut t, sized(3.0, 1.0));
    let b = node(&mut t, sized(4.0, 2.0));
    let row = parent(&mut t, sized(20.0, 5.0), &[a, b]);
    t.compute(row, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (0, 0, 3, 1));
    assert_eq!(xywh(&t, b), (3, 0, 4, 2));
    let col = NodeStyle {
        width: Length::Cells(20.0),
        ..column()
    };
    t.set_style(row, &col).unwrap();
    t.compute(row, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (0, 0, 3, 1));
    assert_eq!(xywh(&t, b), (0, 1, 4, 2));
    assert_eq!(xywh(&t, row), (0, 0, 20, 3));
    let rev = NodeStyle {
        flex_direction: FlexDirection::RowReverse,
        ..sized(20.0, 2.0)
    };
    t.set_style(row, &rev).unwrap();
    t.compute(row, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (17, 0, 3, 1));
    assert_eq!(xywh(&t, b), (13, 0, 4, 2));
}

#[test]
fn grow_shrink_and_basis() {
    let mut t = LayoutTree::new();
    let a = node(&mut t, grow(1.0));
    let b = node(&mut t, grow(3.0));
    let c = node(
        &mut t,
        NodeStyle {
            flex_basis: Length::Cells(8.0),
            flex_shrink: 0.0,
            ..NodeStyle::default()
        },
    );
    let row = parent(&mut t, sized(20.0, 1.0), &[a, b, c]);
    t.compute(row, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (0, 0, 3, 1));
    assert_eq!(xywh(&t, b), (3, 0, 9, 1));
    assert_eq!(xywh(&t, c), (12, 0, 8, 1));
    // Shrinking: two 10-wide items in 12 cells, the second does not shrink.
    let d = node(&mut t, sized(10.0, 1.0));
    let e = node(
        &mut t,
        NodeStyle {
            flex_shrink: 0.0,
            ..sized(10.0, 1.0)
        },
    );
    let row2 = parent(&mut t, sized(12.0, 1.0), &[d, e]);
    t.compute(row2, 80, 24).unwrap();
    assert_eq!(xywh(&t, d), (0, 0, 2, 1));
    assert_eq!(xywh(&t, e), (2, 0, 10, 1));
}

#[test]
fn fractional_splits_tile_exactly() {
    let mut t = LayoutTree::new();
    let kids: Vec<NodeId> = (0..3).map(|_| node(&mut t, grow(1.0))).collect();
    let row = parent(&mut t, sized(10.0, 1.0), &kids);
    t.compute(row, 80, 24).unwrap();
    let rects: Vec<_> = kids.iter().map(|&k| xywh(&t, k)).collect();
    assert_eq!(rects[0].0, 0);
    assert_eq!(rects[0].0 + rects[0].2, rects[1].0);
    assert_eq!(rects[1].0 + rects[1].2, rects[2].0);
    assert_eq!(rects[2].0 + rects[2].2, 10);
    let widths: Vec<i32> = rects.iter().map(|r| r.2).collect();
    assert!(widths.iter().all(|&w| w == 3 || w == 4), "{widths:?}");
}

#[test]
fn percentages_and_min_max() {
    let mut t = LayoutTree::new();
    let a = node(
        &mut t,
        NodeStyle {
            width: Length::Percent(50.0),
            height: Length::Percent(100.0),
            ..NodeStyle::default()
        },
    );
    let b = node(
        &mut t,
        NodeStyle {
            flex_grow: 1.0,
            max_width: Length::Cells(5.0),
            ..NodeStyle::default()
        },
    );
    let c = node(
        &mut t,
        NodeStyle {
            min_width: Length::Cells(7.0),
            width: Length::Cells(2.0),
            ..NodeStyle::default()
        },
    );
    let row = parent(&mut t, sized(40.0, 4.0), &[a, b, c]);
    t.compute(row, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (0, 0, 20, 4));
    assert_eq!(xywh(&t, b), (20, 0, 5, 4));
    assert_eq!(xywh(&t, c), (25, 0, 7, 4));
}

#[test]
fn padding_border_margin_and_content_offsets() {
    let mut t = LayoutTree::new();
    let inner = node(&mut t, grow(1.0));
    let boxed = parent(
        &mut t,
        NodeStyle {
            padding: Edges {
                left: Length::Cells(2.0),
                ..Edges::all(Length::Cells(1.0))
            },
            border: Edges::all(1.0),
            margin: Edges::all(Length::Cells(1.0)),
            ..sized(12.0, 6.0)
        },
        &[inner],
    );
    let root = parent(&mut t, sized(30.0, 10.0), &[boxed]);
    t.compute(root, 80, 24).unwrap();
    let r = t.rect(boxed).unwrap();
    assert_eq!((r.x, r.y, r.width, r.height), (1, 1, 12, 6));
    assert_eq!((r.content_x, r.content_y), (3, 2));
    assert_eq!(xywh(&t, inner), (4, 3, 7, 2));
}

#[test]
fn auto_margins_center() {
    let mut t = LayoutTree::new();
    let a = node(
        &mut t,
        NodeStyle {
            margin: Edges::all(Length::Auto),
            ..sized(4.0, 2.0)
        },
    );
    let root = parent(&mut t, sized(10.0, 6.0), &[a]);
    t.compute(root, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (3, 2, 4, 2));
}

#[test]
fn gaps_and_wrapping() {
    let mut t = LayoutTree::new();
    let kids: Vec<NodeId> = (0..5).map(|_| node(&mut t, sized(4.0, 1.0))).collect();
    let row = parent(
        &mut t,
        NodeStyle {
            flex_wrap: FlexWrap::Wrap,
            column_gap: Length::Cells(1.0),
            row_gap: Length::Cells(1.0),
            align_content: Some(JustifyContent::FlexStart),
            ..sized(14.0, 10.0)
        },
        &kids,
    );
    t.compute(row, 80, 24).unwrap();
    let got: Vec<_> = kids.iter().map(|&k| xywh(&t, k)).collect();
    assert_eq!(
        got,
        [
            (0, 0, 4, 1),
            (5, 0, 4, 1),
            (10, 0, 4, 1),
            (0, 2, 4, 1),
            (5, 2, 4, 1)
        ]
    );
}

#[test]
fn alignment_and_justification() {
    let mut t = LayoutTree::new();
    let a = node(&mut t, sized(2.0, 1.0));
    let b = node(
        &mut t,
        NodeStyle {
            align_self: Some(AlignItems::FlexEnd),
            ..sized(2.0, 1.0)
        },
    );
    let row = parent(
        &mut t,
        NodeStyle {
            align_items: Some(AlignItems::Center),
            justify_content: Some(JustifyContent::SpaceBetween),
            ..sized(10.0, 5.0)
        },
        &[a, b],
    );
    t.compute(row, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (0, 2, 2, 1));
    assert_eq!(xywh(&t, b), (8, 4, 2, 1));
    let centered = NodeStyle {
        justify_content: Some(JustifyContent::Center),
        align_items: Some(AlignItems::Stretch),
        ..sized(10.0, 5.0)
    };
    t.set_style(row, &centered).unwrap();
    let stretchy = NodeStyle {
        width: Length::Cells(2.0),
        ..NodeStyle::default()
    };
    t.set_style(a, &stretchy).unwrap();
    t.compute(row, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (3, 0, 2, 5));
    assert_eq!(xywh(&t, b), (5, 4, 2, 1));
}

#[test]
fn absolute_positioning_is_relative_to_the_parent() {
    let mut t = LayoutTree::new();
    let flow = node(&mut t, sized(5.0, 1.0));
    let abs = node(
        &mut t,
        NodeStyle {
            position: Position::Absolute,
            inset: Edges {
                right: Length::Cells(1.0),
                bottom: Length::Cells(0.0),
                ..Edges::all(Length::Auto)
            },
            ..sized(3.0, 2.0)
        },
    );
    let boxed = parent(
        &mut t,
        NodeStyle {
            border: Edges::all(1.0),
            margin: Edges {
                left: Length::Cells(4.0),
                ..Edges::all(Length::Cells(0.0))
            },
            ..sized(12.0, 6.0)
        },
        &[abs, flow],
    );
    let root = parent(&mut t, sized(30.0, 10.0), &[boxed]);
    t.compute(root, 80, 24).unwrap();
    // The absolute child takes no space in the flow.
    assert_eq!(xywh(&t, flow), (5, 1, 5, 1));
    // Right and bottom insets from the padding box (inside the border).
    assert_eq!(xywh(&t, abs), (4 + 12 - 1 - 1 - 3, 6 - 1 - 2, 3, 2));
    // Relative offsets shift without moving siblings.
    let shifted = NodeStyle {
        inset: Edges {
            left: Length::Cells(2.0),
            top: Length::Cells(1.0),
            ..Edges::all(Length::Auto)
        },
        ..sized(5.0, 1.0)
    };
    t.set_style(flow, &shifted).unwrap();
    t.compute(root, 80, 24).unwrap();
    assert_eq!(xywh(&t, flow), (7, 2, 5, 1));
}

#[test]
fn display_none_hides_the_subtree() {
    let mut t = LayoutTree::new();
    let leaf = node(&mut t, sized(2.0, 2.0));
    let hidden = parent(
        &mut t,
        NodeStyle {
            display: Display::None,
            ..sized(4.0, 4.0)
        },
        &[leaf],
    );
    let after = node(&mut t, sized(3.0, 1.0));
    let root = parent(&mut t, sized(20.0, 5.0), &[hidden, after]);
    t.compute(root, 80, 24).unwrap();
    assert_eq!(t.rect(hidden).unwrap(), NodeRect::default());
    assert_eq!(t.rect(leaf).unwrap(), NodeRect::default());
    assert_eq!(xywh(&t, after), (0, 0, 3, 1));
}

#[test]
fn scroll_containers_report_their_overflow() {
    let mut t = LayoutTree::new();
    let tall = node(
        &mut t,
        NodeStyle {
            flex_shrink: 0.0,
            ..sized(4.0, 20.0)
        },
    );
    let scroller = parent(
        &mut t,
        NodeStyle {
            overflow_y: Overflow::Scroll,
            ..sized(10.0, 5.0)
        },
        &[tall],
    );
    t.compute(scroller, 80, 24).unwrap();
    let r = t.rect(scroller).unwrap();
    assert_eq!((r.height, r.max_scroll_y, r.max_scroll_x), (5, 15, 0));
    assert_eq!(xywh(&t, tall), (0, 0, 4, 20));
}

#[test]
fn text_is_measured_and_wrapped_at_its_width() {
    let mut t = LayoutTree::new();
    let a = text(&mut t, "hello wide world", WrapMode::Word);
    let root = parent(&mut t, sized(10.0, 10.0), &[a]);
    t.set_style(
        root,
        &NodeStyle {
            flex_direction: FlexDirection::Column,
            align_items: Some(AlignItems::FlexStart),
            ..sized(10.0, 10.0)
        },
    )
    .unwrap();
    t.compute(root, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (0, 0, 10, 2));
    let mut lines = Vec::new();
    t.text_lines(a, &mut lines).unwrap();
    let s = "hello wide world";
    let got: Vec<&str> = lines.iter().map(|l| l.text(s)).collect();
    assert_eq!(got, ["hello wide", "world"]);
    // CJK and emoji take two cells each.
    t.set_text(a, "日本語のテキスト👍🏽", WrapMode::Char, false)
        .unwrap();
    t.compute(root, 80, 24).unwrap();
    assert_eq!(xywh(&t, a), (0, 0, 10, 2));
    t.text_lines(a, &mut lines).unwrap();
    assert_eq!(lines.iter().map(|l| l.width).collect::<Vec<_>>(), [10, 8]);
    assert_eq!(
        lines[1].end_utf16,
        "日本語のテキスト👍🏽".encode_utf16().count()
    );
}

#[test]
fn text_in_a_row_shrink_wraps_and_shrinks() {
    let mut t = LayoutTree::new();
    let label = text(&mut t, "Name:", WrapMode::Word);
    let body = text(&mut t, "a long paragraph of words", WrapMode::Word);
    t.set_style(
        label,
        &NodeStyle {
            flex_shrink: 0.0,
            ..NodeStyle::default()
        },
    )
    .unwrap();
    let row = parent(
        &mut t,
        NodeStyle {
            column_gap: Length::Cells(1.0),
            align_items: Some(AlignItems::FlexStart),
            ..sized(20.0, 5.0)
        },
        &[label, body],
    );
    t.compute(row, 80, 24).unwrap();
    assert_eq!(xywh(&t, label), (0, 0, 5, 1));
    assert_eq!(xywh(&t, body), (6, 0, 14, 3));
}

#[test]
fn ellipsis_cuts_at_the_computed_height() {
    let mut t = LayoutTree::new();
    let s = "one two three four five six";
    let a = t.create().unwrap();
    t.set_text(a, s, WrapMode::Word, true).unwrap();
    t.set_style(a, &sized(9.0, 2.0)).unwrap();
    let root = parent(&mut t, sized(20.0, 5.0), &[a]);
    t.compute(root, 80, 24).unwrap();
    let mut lines = Vec::new();
    t.text_lines(a, &mut lines).unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].text(s), "one two");
    assert_eq!(lines[1].text(s), "three");
    assert!(lines[1].ellipsis);
    // Mode none cuts each line at the width.
    t.set_text(a, "abcdefghijkl\nxy", WrapMode::None, true)
        .unwrap();
    t.compute(root, 80, 24).unwrap();
    t.text_lines(a, &mut lines).unwrap();
    assert_eq!(
        lines
            .iter()
            .map(|l| (l.width, l.ellipsis))
            .collect::<Vec<_>>(),
        [(9, true), (2, false)]
    );
}

#[test]
fn one_text_change_relays_out_only_its_ancestors() {
    let mut t = LayoutTree::new();
    let mut rows = Vec::new();
    let mut texts = Vec::new();
    for i in 0..5 {
        let label = text(&mut t, &format!("row {i}"), WrapMode::Word);
        let side = node(&mut t, sized(3.0, 1.0));
        rows.push(parent(&mut t, NodeStyle::default(), &[label, side]));
        texts.push(label);
    }
    let root = parent(
        &mut t,
        NodeStyle {
            width: Length::Cells(30.0),
            ..column()
        },
        &rows,
    );
    t.compute(root, 80, 24).unwrap();
    assert_eq!(xywh(&t, rows[2]), (0, 2, 30, 1));
    t.set_text(texts[2], "row two, longer", WrapMode::Word, false)
        .unwrap();
    assert!(t.is_dirty(texts[2]).unwrap());
    assert!(t.is_dirty(rows[2]).unwrap());
    assert!(t.is_dirty(root).unwrap());
    assert!(!t.is_dirty(rows[1]).unwrap());
    assert!(!t.is_dirty(texts[3]).unwrap());
    t.compute(root, 80, 24).unwrap();
    assert_eq!(xywh(&t, texts[2]), (0, 2, 15, 1));
    let side = t.children(rows[2]).unwrap()[1];
    assert_eq!(xywh(&t, side), (15, 2, 3, 1));
    // Same text again: nothing to do.
    t.set_text(texts[2], "row two, longer", WrapMode::Word, false)
        .unwrap();
    assert!(!t.is_dirty(root).unwrap());
    // Same style again: nothing to do.
    t.set_style(side, &sized(3.0, 1.0)).unwrap();
    assert!(!t.is_dirty(root).unwrap());
}

#[test]
fn structure_edits() {
    let mut t = LayoutTree::new();
    let [a, b, c] = [(); 3].map(|_| node(&mut t, sized(1.0, 1.0)));
    let p = parent(&mut t, NodeStyle::default(), &[a, b]);
    t.insert_child(p, c, 1).unwrap();
    assert_eq!(t.children(p).unwrap(), [a, c, b]);
    // Moving within the same parent counts the index without the child.
    t.insert_child(p, a, 2).unwrap();
    assert_eq!(t.children(p).unwrap(), [c, b, a]);
    t.remove_child(p, b).unwrap();
    assert_eq!(t.children(p).unwrap(), [c, a]);
    assert_eq!(t.parent(b).unwrap(), None);
    // Appending elsewhere moves the child.
    let q = parent(&mut t, NodeStyle::default(), &[]);
    t.append_child(q, a).unwrap();
    assert_eq!(t.children(p).unwrap(), [c]);
    assert_eq!(t.parent(a).unwrap(), Some(q));
    t.set_children(p, &[a, b]).unwrap();
    assert_eq!(t.children(q).unwrap(), []);
    assert_eq!(t.children(p).unwrap(), [a, b]);
    assert_eq!(t.parent(c).unwrap(), None);
}

#[test]
fn freeing_detaches_and_ids_are_not_reused() {
    let mut t = LayoutTree::new();
    let kid = node(&mut t, sized(1.0, 1.0));
    let mid = parent(&mut t, NodeStyle::default(), &[kid]);
    let root = parent(&mut t, NodeStyle::default(), &[mid]);
    t.free(mid).unwrap();
    assert_eq!(t.children(root).unwrap(), []);
    assert_eq!(t.parent(kid).unwrap(), None);
    assert_eq!(t.len(), 2);
    assert_eq!(t.free(mid), Err(LayoutError::UnknownNode(mid.to_bits())));
    let again = t.create().unwrap();
    assert_ne!(again, mid);
    assert!(!t.contains(mid));
    // Subtrees go together.
    let sub = parent(&mut t, NodeStyle::default(), &[kid, again]);
    t.append_child(root, sub).unwrap();
    assert_eq!(t.free_subtree(sub).unwrap(), [sub, again, kid]);
    assert!(!t.contains(kid) && !t.contains(again) && !t.contains(sub));
    assert_eq!(t.len(), 1);
    assert_eq!(t.children(root).unwrap(), []);
    // Slots are reused, ids never.
    let mut seen = std::collections::HashSet::new();
    for _ in 0..100 {
        let n = t.create().unwrap();
        assert!(seen.insert(n));
        assert!(n.to_bits() < 1 << 53);
        t.free(n).unwrap();
    }
    assert!(t.results().len() <= 64);
}

#[test]
fn misuse_is_an_error() {
    let mut t = LayoutTree::new();
    let a = t.create().unwrap();
    let b = t.create().unwrap();
    t.append_child(a, b).unwrap();
    assert!(matches!(
        t.append_child(b, a),
        Err(LayoutError::Cycle { .. })
    ));
    assert!(matches!(
        t.append_child(a, a),
        Err(LayoutError::Cycle { .. })
    ));
    assert!(matches!(
        t.set_children(b, &[a]),
        Err(LayoutError::Cycle { .. })
    ));
    let c = t.create().unwrap();
    assert!(matches!(
        t.set_children(a, &[c, c]),
        Err(LayoutError::DuplicateChild(_))
    ));
    assert_eq!(t.children(a).unwrap(), [b]);
    assert!(matches!(
        t.insert_child(a, c, 2),
        Err(LayoutError::IndexOutOfRange { len: 1, .. })
    ));
    assert!(matches!(
        t.remove_child(c, b),
        Err(LayoutError::NotAChild { .. })
    ));
    t.set_text(c, "x", WrapMode::Word, false).unwrap();
    assert!(matches!(
        t.append_child(c, b),
        Err(LayoutError::TextHasChildren(_))
    ));
    assert!(matches!(
        t.set_text(a, "x", WrapMode::Word, false),
        Err(LayoutError::TextHasChildren(_))
    ));
    let foreign = NodeId::from_bits(0xdead_0000_0001);
    assert!(matches!(
        t.compute(foreign, 1, 1),
        Err(LayoutError::UnknownNode(_))
    ));
    assert!(matches!(t.rect(foreign), Err(LayoutError::UnknownNode(_))));
    let err = t
        .set_style(
            a,
            &NodeStyle {
                min_height: Length::Cells(f32::NAN),
                ..NodeStyle::default()
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("min height"), "{err}");
}

#[test]
fn unbounded_viewport_sizes_to_content() {
    let mut t = LayoutTree::new();
    let kids: Vec<NodeId> = (0..30).map(|_| node(&mut t, sized(2.0, 1.0))).collect();
    let root = parent(&mut t, column(), &kids);
    t.compute(root, 10, UNBOUNDED).unwrap();
    assert_eq!(xywh(&t, root).3, 30);
    assert_eq!(xywh(&t, kids[29]), (0, 29, 2, 1));
}

/// The two inputs that broke tiling before edges were snapped before
/// rounding (an exact half, off by float error, rounded both ways).
#[test]
fn siblings_tile_at_exact_halves() {
    for (grows, width, gap) in [
        (&[1u8, 4, 1, 2, 4, 3, 3][..], 16u32, 1u8),
        (&[4, 2, 3], 36, 1),
        (&[2, 3, 1, 3, 2, 4], 12, 2),
    ] {
        tile(grows, width, gap)
            .unwrap_or_else(|e| panic!("{grows:?} width {width} gap {gap}: {e}"));
    }
}

/// Lays out `grows` flex children in a row `width + 0.5` wide with `gap`,
/// half a cell in, and checks they tile: each starts where the one before
/// ended plus the gap, and together they fill the row.
fn tile(grows: &[u8], width: u32, gap: u8) -> Result<(), String> {
    let mut t = LayoutTree::new();
    let kids: Vec<NodeId> = grows
        .iter()
        .map(|&g| node(&mut t, grow(f32::from(g))))
        .collect();
    let row = parent(
        &mut t,
        NodeStyle {
            column_gap: Length::Cells(f32::from(gap)),
            ..sized(width as f32 + 0.5, 1.0)
        },
        &kids,
    );
    let outer = parent(
        &mut t,
        NodeStyle {
            padding: Edges::all(Length::Cells(0.5)),
            ..NodeStyle::default()
        },
        &[row],
    );
    t.compute(outer, 200, 10).unwrap();
    let r = t.rect(row).unwrap();
    let mut x = r.x;
    for (i, &k) in kids.iter().enumerate() {
        let c = t.rect(k).unwrap();
        if i > 0 {
            x += i32::from(gap);
        }
        if c.x != x {
            return Err(format!("child {i} at x={}, expected {x}", c.x));
        }
        if c.width < 0 {
            return Err(format!("child {i} has width {}", c.width));
        }
        x += c.width;
    }
    // Children fill the row (gaps included) when there is room.
    let total_gap = i32::from(gap) * (kids.len() as i32 - 1);
    if r.width >= total_gap && x != r.x + r.width {
        return Err(format!("children end at {x}, the row at {}", r.x + r.width));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn siblings_tile_without_overlap_or_gaps(
        grows in proptest::collection::vec(1u8..5, 1..8),
        width in 1u32..60,
        gap in 0u8..3,
    ) {
        prop_assert!(tile(&grows, width, gap).is_ok(), "{:?}", tile(&grows, width, gap));
    }
}

/// A chain of `levels` nodes; returns (top, bottom).
fn chain(tree: &mut LayoutTree, levels: usize) -> (NodeId, NodeId) {
    let bottom = tree.create().unwrap();
    let mut top = bottom;
    for _ in 1..levels {
        let n = tree.create().unwrap();
        tree.append_child(n, top).unwrap();
        top = n;
    }
    (top, bottom)
}

#[test]
fn a_tree_at_the_depth_limit_lays_out_on_a_small_stack() {
    // 1 MiB is less than any runtime's main or worker thread has.
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let mut tree = LayoutTree::new();
            let (top, bottom) = chain(&mut tree, letui_core::layout::MAX_DEPTH);
            tree.set_style(top, &sized(40.0, 10.0)).unwrap();
            tree.compute(top, 40, 10).unwrap();
            assert_eq!(xywh(&tree, top), (0, 0, 40, 10));
            assert_eq!(xywh(&tree, bottom).0, 0);
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn attaching_past_the_depth_limit_is_an_error_and_changes_nothing() {
    let max = letui_core::layout::MAX_DEPTH;
    let mut tree = LayoutTree::new();
    let (top, bottom) = chain(&mut tree, max);
    let extra = tree.create().unwrap();
    let too_deep = |e: LayoutError| matches!(e, LayoutError::TooDeep { limit, .. } if limit == max);
    assert!(too_deep(tree.append_child(bottom, extra).unwrap_err()));
    assert!(too_deep(tree.insert_child(bottom, extra, 0).unwrap_err()));
    assert!(too_deep(tree.set_children(bottom, &[extra]).unwrap_err()));
    assert_eq!(tree.parent(extra).unwrap(), None);
    assert!(tree.children(bottom).unwrap().is_empty());
    // A whole deep subtree under a parent: the sum of both counts.
    let (sub, _) = chain(&mut tree, 10);
    let (upper, upper_bottom) = chain(&mut tree, max - 9);
    let e = tree.append_child(upper_bottom, sub).unwrap_err();
    assert!(e.to_string().contains("more than 256 levels deep"), "{e}");
    // One level less fits.
    let (sub2, _) = chain(&mut tree, 9);
    tree.append_child(upper_bottom, sub2).unwrap();
    tree.compute(upper, 10, 10).unwrap();
    // Putting the top of a full chain under a new root passes it too.
    let root = tree.create().unwrap();
    assert!(too_deep(tree.append_child(root, top).unwrap_err()));
}

/// Texts in every kind of container: stretched in a column, shrink-wrapped
/// in a row, growing in a row, fixed width, and wrapping in a narrow box.
fn text_shapes(texts: &[String; 5]) -> (LayoutTree, NodeId, Vec<NodeId>) {
    let mut t = LayoutTree::new();
    let leaves: Vec<NodeId> = texts
        .iter()
        .map(|s| text(&mut t, s, WrapMode::Word))
        .collect();
    let stretched = parent(&mut t, column(), &[leaves[0]]);
    let shrunk = parent(&mut t, NodeStyle::default(), &[leaves[1]]);
    let grown_leaf = leaves[2];
    t.set_style(grown_leaf, &grow(1.0)).unwrap();
    let grown = parent(&mut t, NodeStyle::default(), &[grown_leaf]);
    t.set_style(leaves[3], &sized(7.0, 1.0)).unwrap();
    let narrow = parent(
        &mut t,
        NodeStyle {
            width: Length::Cells(6.0),
            ..column()
        },
        &[leaves[4]],
    );
    let root = parent(
        &mut t,
        column(),
        &[stretched, shrunk, grown, leaves[3], narrow],
    );
    t.compute(root, 30, 40).unwrap();
    (t, root, leaves)
}

fn snapshot(
    t: &LayoutTree,
    root: NodeId,
    leaves: &[NodeId],
) -> Vec<(NodeRect, Vec<letui_core::wrap::Line>)> {
    let mut all = vec![(t.rect(root).unwrap(), Vec::new())];
    for &n in leaves {
        let mut lines = Vec::new();
        t.text_lines(n, &mut lines).unwrap();
        all.push((t.rect(n).unwrap(), lines));
        if let Some(p) = t.parent(n).unwrap() {
            all.push((t.rect(p).unwrap(), Vec::new()));
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    /// A text change that reports no layout needed leaves every rectangle
    /// and line exactly as a fresh layout of the new texts has them.
    #[test]
    fn skipped_layouts_match_a_fresh_layout(
        steps in proptest::collection::vec((0usize..5, "[a-c ]{0,12}|[0-9]{1,5}|日本|👍🏽 x"), 1..12),
    ) {
        let mut texts: [String; 5] = ["value: 10".into(), "ab".into(), "grow".into(), "fixed".into(), "wrap me now".into()];
        let (mut t, root, leaves) = text_shapes(&texts);
        let mut skipped = 0;
        for (i, s) in steps {
            texts[i] = s.clone();
            if t.set_text(leaves[i], &s, WrapMode::Word, false).unwrap() {
                t.compute(root, 30, 40).unwrap();
            } else {
                skipped += 1;
            }
            let (fresh, froot, fleaves) = text_shapes(&texts);
            prop_assert_eq!(snapshot(&t, root, &leaves), snapshot(&fresh, froot, &fleaves), "after {} skipped", skipped);
        }
    }
}

#[test]
fn a_counter_in_a_stretched_label_needs_no_layout() {
    let texts: [String; 5] = [
        "value: 10".into(),
        "ab".into(),
        "grow".into(),
        "fixed".into(),
        "wrap me now".into(),
    ];
    let (mut t, _, leaves) = text_shapes(&texts);
    // Same width in a stretched column and in a fixed box: no layout.
    assert!(
        !t.set_text(leaves[0], "value: 11", WrapMode::Word, false)
            .unwrap()
    );
    assert!(
        !t.set_text(leaves[3], "fixes", WrapMode::Word, false)
            .unwrap()
    );
    // A shrink-wrapped label that grows, or a wrap that adds a line: layout.
    assert!(t.set_text(leaves[1], "abc", WrapMode::Word, false).unwrap());
    assert!(
        t.set_text(leaves[4], "wrap me now again", WrapMode::Word, false)
            .unwrap()
    );
}
