//! Line diffs with word-level highlights, for showing code changes.
//!
//! [`diff_json`] compares two texts line by line (the `similar` crate,
//! Myers' algorithm with a time limit, so pathological inputs stay
//! bounded) and groups the changes into hunks with `context` unchanged
//! lines around them. Within each changed line, the words that differ
//! from its counterpart are marked. The result is JSON for the TypeScript
//! side:
//!
//! ```json
//! {"hunks":[{"old":[1,3],"new":[1,4],"lines":[
//!   {"k":" ","o":1,"n":1,"s":[["unchanged",false]]},
//!   {"k":"-","o":2,"s":[["let ",false],["a",true]]},
//!   {"k":"+","n":2,"s":[["let ",false],["b",true]]}]}]}
//! ```
//!
//! `old`/`new` are the hunk's first line (1-based) and line count; `o`/`n`
//! a line's numbers on each side. Text is made inert (control characters
//! become visible pictures), since diffs show untrusted files.

use std::time::{Duration, Instant};

use similar::{Algorithm, ChangeTag, TextDiff};

use crate::markdown::inert;

/// How long a diff may search for the best alignment before it settles
/// for a coarser one.
const TIME_LIMIT: Duration = Duration::from_millis(200);

/// Lines longer than this are compared as whole lines, without word
/// highlights (word diffs of huge lines cost more than they show).
const WORD_DIFF_MAX: usize = 4096;

/// One line of a hunk: its kind, old and new index, and its segments
/// (changed or not, text).
type Change = (ChangeTag, Option<usize>, Option<usize>, Vec<(bool, String)>);

fn json_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).expect("a string always serializes"));
}

/// The diff of `old` and `new` as JSON hunks (see the module docs), with
/// `context` unchanged lines around each change.
pub fn diff_json(old: &str, new: &str, context: usize) -> String {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(TIME_LIMIT)
        .diff_lines(old, new);
    let deadline = Instant::now() + TIME_LIMIT;
    let mut out = String::from("{\"hunks\":[");
    for (h, group) in diff.grouped_ops(context).iter().enumerate() {
        if h > 0 {
            out.push(',');
        }
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let (o0, n0) = (first.old_range().start, first.new_range().start);
        let (o1, n1) = (last.old_range().end, last.new_range().end);
        // A side with no lines starts, as in unified diffs, at the line before.
        let start = |from: usize, count: usize| if count == 0 { from } else { from + 1 };
        out.push_str(&format!(
            "{{\"old\":[{},{}],\"new\":[{},{}],\"lines\":[",
            start(o0, o1 - o0),
            o1 - o0,
            start(n0, n1 - n0),
            n1 - n0
        ));
        let mut first_line = true;
        for op in group {
            let long = diff.old_slices()[op.old_range()]
                .iter()
                .chain(&diff.new_slices()[op.new_range()])
                .any(|l| l.len() > WORD_DIFF_MAX);
            let changes: Vec<Change> = if long {
                diff.iter_changes(op)
                    .map(|c| {
                        (
                            c.tag(),
                            c.old_index(),
                            c.new_index(),
                            vec![(false, c.value().to_owned())],
                        )
                    })
                    .collect()
            } else {
                diff.iter_inline_changes_deadline(op, Some(deadline))
                    .map(|c| {
                        let segs = c
                            .iter_strings_lossy()
                            .map(|(e, s)| (e, s.into_owned()))
                            .collect();
                        (c.tag(), c.old_index(), c.new_index(), segs)
                    })
                    .collect()
            };
            for (tag, o, n, segs) in changes {
                if !first_line {
                    out.push(',');
                }
                first_line = false;
                let k = match tag {
                    ChangeTag::Equal => ' ',
                    ChangeTag::Delete => '-',
                    ChangeTag::Insert => '+',
                };
                out.push_str(&format!("{{\"k\":\"{k}\""));
                if let Some(o) = o {
                    out.push_str(&format!(",\"o\":{}", o + 1));
                }
                if let Some(n) = n {
                    out.push_str(&format!(",\"n\":{}", n + 1));
                }
                out.push_str(",\"s\":[");
                let mut first_seg = true;
                for (emph, text) in segs {
                    let text = text.strip_suffix('\n').unwrap_or(&text);
                    let text = text.strip_suffix('\r').unwrap_or(text);
                    if text.is_empty() {
                        continue;
                    }
                    if !first_seg {
                        out.push(',');
                    }
                    first_seg = false;
                    out.push('[');
                    json_str(&mut out, &inert(text, false));
                    out.push_str(if emph { ",true]" } else { ",false]" });
                }
                out.push_str("]}");
            }
        }
        out.push_str("]}");
    }
    out.push_str("]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(old: &str, new: &str, context: usize) -> serde_json::Value {
        let json = diff_json(old, new, context);
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
    }

    #[test]
    fn hunks_with_context_and_word_highlights() {
        let old = "a\nb\nlet x = 1;\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nlet y = 1;\nc\nd\ne\nf\ng\nh\nadded\n";
        let v = parse(old, new, 1);
        let hunks = v["hunks"].as_array().unwrap();
        assert_eq!(hunks.len(), 2);
        assert_eq!(hunks[0]["old"], serde_json::json!([2, 3]));
        assert_eq!(hunks[0]["new"], serde_json::json!([2, 3]));
        let lines = hunks[0]["lines"].as_array().unwrap();
        let kinds: Vec<_> = lines.iter().map(|l| l["k"].as_str().unwrap()).collect();
        assert_eq!(kinds, [" ", "-", "+", " "]);
        assert_eq!(lines[1]["o"], 3);
        assert_eq!(lines[2]["n"], 3);
        let emphasized: Vec<_> = lines[2]["s"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s[1] == true)
            .map(|s| s[0].as_str().unwrap())
            .collect();
        assert_eq!(emphasized, ["y"]);
        assert_eq!(hunks[1]["new"], serde_json::json!([9, 2]));
    }

    #[test]
    fn equal_texts_have_no_hunks_and_controls_are_inert() {
        assert_eq!(parse("x\n", "x\n", 3)["hunks"], serde_json::json!([]));
        let v = parse("", "\x1b[2Jboom\n", 3);
        assert_eq!(v["hunks"][0]["old"], serde_json::json!([0, 0]));
        assert_eq!(v["hunks"][0]["lines"][0]["s"][0][0], "\u{241b}[2Jboom");
    }

    #[test]
    fn pathological_inputs_stay_bounded() {
        let a: String = (0..20_000).map(|i| format!("{}\n", i * 7 % 1000)).collect();
        let b: String = (0..20_000).map(|i| format!("{}\n", i * 13 % 997)).collect();
        let t = Instant::now();
        let v = parse(&a, &b, 3);
        assert!(!v["hunks"].as_array().unwrap().is_empty());
        let huge = "x".repeat(1 << 20);
        let v = parse(&huge, &format!("{huge}y"), 3);
        assert_eq!(v["hunks"][0]["lines"].as_array().unwrap().len(), 2);
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "took {:?}",
            t.elapsed()
        );
    }
}
