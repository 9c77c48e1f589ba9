//! Incremental results: after any sequence of changes, the rectangles an
//! incremental compute writes (walking only subtrees that may have
//! changed) equal those of a tree built fresh from the same description,
//! and the change numbers of every changed box and its ancestors are the
//! current compute's.

use letui_core::layout::{
    Display, Edges, FlexDirection, LayoutTree, Length, NodeId, NodeStyle, Overflow, Position,
};
use letui_core::wrap::WrapMode;
use proptest::prelude::*;

/// The styles nodes take, by number.
fn style(i: u8) -> NodeStyle {
    let d = NodeStyle::default();
    match i % 10 {
        0 => d,
        1 => NodeStyle {
            flex_grow: 1.0,
            ..d
        },
        2 => NodeStyle {
            width: Length::Cells(7.0),
            height: Length::Cells(3.0),
            ..d
        },
        3 => NodeStyle {
            display: Display::None,
            ..d
        },
        4 => NodeStyle {
            padding: Edges {
                top: Length::Cells(1.0),
                right: Length::Cells(2.0),
                bottom: Length::Cells(0.0),
                left: Length::Cells(1.0),
            },
            border: Edges {
                top: 1.0,
                right: 1.0,
                bottom: 1.0,
                left: 1.0,
            },
            ..d
        },
        5 => NodeStyle {
            flex_direction: FlexDirection::Row,
            ..d
        },
        6 => NodeStyle {
            position: Position::Absolute,
            inset: Edges {
                top: Length::Cells(2.0),
                right: Length::Auto,
                bottom: Length::Auto,
                left: Length::Cells(3.0),
            },
            ..d
        },
        7 => NodeStyle {
            width: Length::Percent(50.0),
            padding: Edges {
                top: Length::Percent(10.0),
                right: Length::Percent(5.0),
                bottom: Length::Cells(0.0),
                left: Length::Percent(5.0),
            },
            ..d
        },
        8 => NodeStyle {
            overflow_y: Overflow::Scroll,
            height: Length::Cells(4.0),
            ..d
        },
        _ => NodeStyle {
            flex_direction: FlexDirection::Row,
            flex_grow: 2.0,
            width: Length::Cells(10.5),
            ..d
        },
    }
}

fn fill() -> NodeStyle {
    NodeStyle {
        width: Length::Percent(100.0),
        height: Length::Percent(100.0),
        ..NodeStyle::default()
    }
}

const TEXTS: [&str; 5] = [
    "",
    "one",
    "a few words that wrap",
    "中文 text, wider",
    "line\nbreaks\nhere",
];

#[derive(Debug, Clone)]
enum Op {
    Style(usize, u8),
    Text(usize, usize),
    Append(usize, usize),
    Insert(usize, usize, usize),
    Remove(usize),
    Free(usize),
    Create,
    Compute(u32, u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..40usize, any::<u8>()).prop_map(|(n, s)| Op::Style(n, s)),
        2 => (0..40usize, 0..TEXTS.len()).prop_map(|(n, t)| Op::Text(n, t)),
        4 => (0..40usize, 0..40usize).prop_map(|(p, c)| Op::Append(p, c)),
        1 => (0..40usize, 0..40usize, 0..4usize).prop_map(|(p, c, i)| Op::Insert(p, c, i)),
        2 => (0..40usize).prop_map(Op::Remove),
        1 => (0..40usize).prop_map(Op::Free),
        2 => Just(Op::Create),
        3 => (5..60u32, 3..30u32).prop_map(|(w, h)| Op::Compute(w, h)),
    ]
}

/// What a node is, apart from the tree: its style and text.
#[derive(Clone)]
struct Desc {
    style: u8,
    text: Option<usize>,
}

/// Builds a fresh tree from `nodes` with the same shape as `tree` under
/// `root`, computes it, and compares every live node's rectangle.
fn check_fresh(
    tree: &LayoutTree,
    root: NodeId,
    nodes: &[Option<(NodeId, Desc)>],
    w: u32,
    h: u32,
) -> Result<(), TestCaseError> {
    let mut fresh = LayoutTree::new();
    let mut map = std::collections::HashMap::new();
    for (id, d) in nodes.iter().flatten() {
        let n = fresh.create().unwrap();
        fresh.set_style(n, &style(d.style)).unwrap();
        if let Some(t) = d.text {
            fresh.set_text(n, TEXTS[t], WrapMode::Word, false).unwrap();
        }
        map.insert(*id, n);
    }
    for (id, _) in nodes.iter().flatten() {
        let kids: Vec<NodeId> = tree.children(*id).unwrap().iter().map(|k| map[k]).collect();
        if !kids.is_empty() {
            fresh.set_children(map[id], &kids).unwrap();
        }
    }
    fresh.set_style(map[&root], &fill()).unwrap();
    fresh.compute(map[&root], w, h).unwrap();
    for (id, _) in nodes.iter().flatten() {
        prop_assert_eq!(
            tree.rect(*id).unwrap(),
            fresh.rect(map[id]).unwrap(),
            "node {:?}",
            id
        );
        let (mut a, mut b) = (Vec::new(), Vec::new());
        tree.text_lines(*id, &mut a).unwrap();
        fresh.text_lines(map[id], &mut b).unwrap();
        prop_assert_eq!(a, b);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn incremental_results_equal_a_fresh_layout(ops in prop::collection::vec(op(), 1..60)) {
        let mut tree = LayoutTree::new();
        let root = tree.create().unwrap();
        tree.set_style(root, &fill()).unwrap();
        let mut nodes: Vec<Option<(NodeId, Desc)>> = vec![Some((root, Desc { style: 0, text: None }))];
        for _ in 0..8 {
            nodes.push(Some((tree.create().unwrap(), Desc { style: 0, text: None })));
        }
        let pick = |nodes: &Vec<Option<(NodeId, Desc)>>, i: usize| nodes[i % nodes.len()].as_ref().map(|(n, _)| *n);
        let mut size = (40, 20);
        tree.compute(root, size.0, size.1).unwrap();
        for op in ops {
            match op {
                Op::Style(i, s) => {
                    let k = i % nodes.len();
                    if k != 0 && let Some((n, d)) = nodes[k].as_mut() {
                        tree.set_style(*n, &style(s)).unwrap();
                        d.style = s;
                    }
                }
                Op::Text(i, t) => {
                    let k = i % nodes.len();
                    if let Some((n, d)) = nodes[k].as_mut() && k != 0 && tree.children(*n).unwrap().is_empty() {
                        tree.set_text(*n, TEXTS[t], WrapMode::Word, false).unwrap();
                        d.text = Some(t);
                    }
                }
                Op::Append(p, c) => {
                    if let (Some(p), Some(c)) = (pick(&nodes, p), pick(&nodes, c)) && c != root {
                        // Refused moves (cycles, under text) change nothing.
                        let _ = tree.append_child(p, c);
                    }
                }
                Op::Insert(p, c, i) => {
                    if let (Some(p), Some(c)) = (pick(&nodes, p), pick(&nodes, c)) && c != root {
                        let _ = tree.insert_child(p, c, i);
                    }
                }
                Op::Remove(c) => {
                    if let Some(c) = pick(&nodes, c) && let Some(p) = tree.parent(c).unwrap() {
                        tree.remove_child(p, c).unwrap();
                    }
                }
                Op::Free(i) => {
                    let k = i % nodes.len();
                    if k != 0 && let Some((n, _)) = nodes[k].take() {
                        tree.free(n).unwrap();
                    }
                }
                Op::Create => nodes.push(Some((tree.create().unwrap(), Desc { style: 0, text: None }))),
                Op::Compute(w, h) => {
                    size = (w, h);
                    let before: Vec<_> = nodes.iter().flatten().map(|(n, _)| (*n, tree.rect(*n).unwrap())).collect();
                    tree.compute(root, w, h).unwrap();
                    let now = tree.computes();
                    for (n, old) in before {
                        if tree.rect(n).unwrap() != old {
                            // The box and every ancestor carry this compute's number.
                            let mut up = Some(n);
                            while let Some(a) = up {
                                prop_assert_eq!(tree.results()[a.index()].changed, now);
                                up = tree.parent(a).unwrap();
                            }
                        }
                    }
                    check_fresh(&tree, root, &nodes, w, h)?;
                }
            }
        }
        tree.compute(root, size.0, size.1).unwrap();
        check_fresh(&tree, root, &nodes, size.0, size.1)?;
    }
}
