//! Replays recorded terminal input (`tests/corpus/input/<terminal>/*.in`)
//! through the parser and compares with the expected events (`*.out`).
//!
//! `.in` format: the bytes, written as text. Line breaks in the file are not
//! input; escapes are `\e` (ESC), `\xHH`, `\r`, `\n`, `\t`, `\0`, `\\` and `\s`
//! (a space, for line ends). Lines starting with `#` are comments. A line
//! `@flush` calls `flush` (a 25 ms silence), `@abort` calls `abort` (a 1 s
//! silence), `@expect-cpr` calls `expect_cursor_position`. The input ends
//! with an implicit `@flush`.
//!
//! `.out` format: one event per line (`#` comments and blank lines skipped):
//! - `key <shortcut> [repeat|release] [text=<string>] [base=<char>] [locks=<locks>]`
//! - `mouse <down|up|drag|move|wheel> <button> <x>,<y> [<modifiers>]`
//! - `paste <string> [truncated]`
//! - `focus in|out`, `cpr <row>,<col>`, `da1 <class> [<attr>,...]`,
//!   `kbflags <n>`, `mode [?]<n> <state>`
//!
//! where `<string>` is Rust debug syntax (`"a\nb"`) and positions are 0-based.
//!
//! Beyond the exact events of the whole input, each case is also checked fed
//! byte by byte and split in two at every point (comparing typed text as
//! one string, since a grapheme cluster split across calls is two keys).
//! Set `LETUI_CORPUS_PRINT=1` to print what each case produces.

use std::fs;
use std::path::{Path, PathBuf};

use letui_core::input::{Event, KeyKind, Modifiers, MouseButton, MouseKind, Parser};

/// One step of a case.
#[derive(Debug)]
enum Step {
    Bytes(Vec<u8>),
    Flush,
    Abort,
    ExpectCpr,
}

fn unescape(line: &str, out: &mut Vec<u8>, file: &Path) {
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match chars.next() {
            Some('e') => out.push(0x1b),
            Some('r') => out.push(b'\r'),
            Some('n') => out.push(b'\n'),
            Some('t') => out.push(b'\t'),
            Some('0') => out.push(0),
            Some('s') => out.push(b' '),
            Some('\\') => out.push(b'\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                let b = u8::from_str_radix(&hex, 16)
                    .unwrap_or_else(|_| panic!("{}: bad \\x{hex}", file.display()));
                out.push(b);
            }
            other => panic!("{}: bad escape \\{other:?}", file.display()),
        }
    }
}

fn parse_input(src: &str, file: &Path) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut bytes = Vec::new();
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        let directive = match line.trim_end() {
            "@flush" => Some(Step::Flush),
            "@abort" => Some(Step::Abort),
            "@expect-cpr" => Some(Step::ExpectCpr),
            _ => None,
        };
        match directive {
            Some(d) => {
                if !bytes.is_empty() {
                    steps.push(Step::Bytes(std::mem::take(&mut bytes)));
                }
                steps.push(d);
            }
            None => unescape(line, &mut bytes, file),
        }
    }
    if !bytes.is_empty() {
        steps.push(Step::Bytes(bytes));
    }
    steps.push(Step::Flush);
    steps
}

/// One event as a line of the `.out` format.
fn show(e: &Event, p: &Parser) -> String {
    match *e {
        Event::Key(k) => {
            let mut s = format!("key {k}");
            match k.kind {
                KeyKind::Press => {}
                KeyKind::Repeat => s += " repeat",
                KeyKind::Release => s += " release",
            }
            if !k.text.is_empty() {
                s += &format!(" text={:?}", p.text_of(k.text));
            }
            if let Some(b) = k.base_layout {
                s += &format!(" base={b}");
            }
            let locks = k.modifiers & (Modifiers::CAPS_LOCK | Modifiers::NUM_LOCK);
            if !locks.is_empty() {
                s += &format!(" locks={locks}");
            }
            s
        }
        Event::Mouse(m) => {
            let kind = match m.kind {
                MouseKind::Down => "down",
                MouseKind::Up => "up",
                MouseKind::Drag => "drag",
                MouseKind::Move => "move",
                MouseKind::Wheel => "wheel",
            };
            let button = match m.button {
                MouseButton::None => "none",
                MouseButton::Left => "left",
                MouseButton::Middle => "middle",
                MouseButton::Right => "right",
                MouseButton::WheelUp => "wheelup",
                MouseButton::WheelDown => "wheeldown",
                MouseButton::WheelLeft => "wheelleft",
                MouseButton::WheelRight => "wheelright",
                MouseButton::Back => "back",
                MouseButton::Forward => "forward",
                MouseButton::Button10 => "button10",
                MouseButton::Button11 => "button11",
            };
            let mut s = format!("mouse {kind} {button} {},{}", m.x, m.y);
            if !m.modifiers.is_empty() {
                s += &format!(" {}", m.modifiers);
            }
            s
        }
        Event::Paste { text, truncated } => format!(
            "paste {:?}{}",
            p.text_of(text),
            if truncated { " truncated" } else { "" }
        ),
        Event::Focus(f) => format!("focus {}", if f { "in" } else { "out" }),
        Event::CursorPosition { row, col } => format!("cpr {row},{col}"),
        Event::PrimaryDeviceAttributes(da) => {
            let attrs: Vec<String> = (0..64)
                .filter(|&n| da.has(n))
                .map(|n| n.to_string())
                .collect();
            format!("da1 {} [{}]", da.class, attrs.join(","))
        }
        Event::KeyboardFlags(f) => format!("kbflags {f}"),
        Event::ModeReport {
            mode,
            private,
            state,
        } => {
            let state = format!("{state:?}").to_lowercase();
            format!("mode {}{mode} {state}", if private { "?" } else { "" })
        }
    }
}

/// Runs the steps, feeding each byte segment in pieces cut at `cuts`
/// (offsets into the concatenation of all segments).
fn run(steps: &[Step], cut: &dyn Fn(usize, usize) -> bool) -> Vec<String> {
    let mut p = Parser::new();
    let mut lines = Vec::new();
    let mut out = Vec::new();
    let mut offset = 0;
    for step in steps {
        out.clear();
        match step {
            Step::Bytes(b) => {
                let mut start = 0;
                for i in 1..=b.len() {
                    if i == b.len() || cut(offset + i, i) {
                        out.clear();
                        p.feed(&b[start..i], &mut out);
                        lines.extend(out.iter().map(|e| show(e, &p)));
                        start = i;
                    }
                }
                offset += b.len();
                continue;
            }
            Step::Flush => p.flush(&mut out),
            Step::Abort => p.abort(&mut out),
            Step::ExpectCpr => p.expect_cursor_position(),
        }
        lines.extend(out.iter().map(|e| show(e, &p)));
    }
    lines
}

/// Merges runs of plain typed-text keys into one `typed` line, so that
/// results of different chunkings compare equal.
fn merge_typed(lines: &[String]) -> Vec<String> {
    let mut merged: Vec<String> = Vec::new();
    let mut typed = String::new();
    for l in lines {
        // A press with text and no shortcut modifier: `key [shift+]x text=..`.
        let shortcut = l.strip_prefix("key ").and_then(|r| r.split(' ').next());
        let typed_key = shortcut.is_some_and(|k| {
            let mods = k.strip_suffix(|_: char| true).unwrap_or(k);
            !["ctrl+", "alt+", "super+", "hyper+", "meta+"]
                .iter()
                .any(|m| mods.contains(m))
        }) && l.contains(" text=")
            && !l.contains(" release")
            && !l.contains(" repeat");
        if typed_key {
            let t = &l[l.find(" text=").unwrap_or(0) + 6..];
            let t = t.split(" base=").next().unwrap_or(t);
            let t = t.split(" locks=").next().unwrap_or(t);
            typed.push_str(t.trim_matches('"'));
            continue;
        }
        if !typed.is_empty() {
            merged.push(format!("typed {}", std::mem::take(&mut typed)));
        }
        merged.push(l.clone());
    }
    if !typed.is_empty() {
        merged.push(format!("typed {typed}"));
    }
    merged
}

fn expected(src: &str) -> Vec<String> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/input");
    let mut found = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d).expect("corpus directory") {
            let path = entry.expect("corpus entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "in") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn corpus_matches_expected_events() {
    let cases = cases();
    assert!(cases.len() >= 30, "corpus has {} cases", cases.len());
    let print = std::env::var_os("LETUI_CORPUS_PRINT").is_some();
    let mut failures = Vec::new();
    for input in &cases {
        let src = fs::read_to_string(input).expect("read .in");
        let steps = parse_input(&src, input);
        let got = run(&steps, &|_, _| false);
        let name = input
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(input)
            .display()
            .to_string();
        if print {
            println!("== {name}");
            for l in &got {
                println!("{l}");
            }
        }
        let out_path = input.with_extension("out");
        let want = expected(&fs::read_to_string(&out_path).expect("read .out"));
        if got != want {
            failures.push(format!(
                "{name}:\n  got:\n    {}\n  want:\n    {}",
                got.join("\n    "),
                want.join("\n    ")
            ));
            continue;
        }
        let whole = merge_typed(&got);
        let bytewise = merge_typed(&run(&steps, &|_, _| true));
        if bytewise != whole {
            failures.push(format!("{name}: byte-by-byte differs: {bytewise:#?}"));
        }
        let total: usize = steps
            .iter()
            .map(|s| match s {
                Step::Bytes(b) => b.len(),
                _ => 0,
            })
            .sum();
        for at in 1..total {
            let split = merge_typed(&run(&steps, &|off, _| off == at));
            if split != whole {
                failures.push(format!("{name}: split at {at} differs: {split:#?}"));
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn unescape_format() {
    let mut v = Vec::new();
    unescape(r"\e[A\x00\r\n\t\0\\\sé", &mut v, Path::new("x"));
    assert_eq!(v, b"\x1b[A\x00\r\n\t\x00\\ \xc3\xa9");
}

/// Writes each case's bytes (directives dropped) as a fuzzing seed into
/// `fuzz/seeds/input/`, prefixed with the two split-selector bytes the fuzz
/// target reads. Run with `cargo test --test input_corpus -- --ignored`.
#[test]
#[ignore = "writes the fuzz seeds; run by hand when the corpus changes"]
fn write_fuzz_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/input");
    fs::create_dir_all(&dir).expect("create seeds directory");
    for input in cases() {
        let src = fs::read_to_string(&input).expect("read .in");
        let mut bytes = vec![0x55, 0xaa];
        for step in parse_input(&src, &input) {
            if let Step::Bytes(b) = step {
                bytes.extend_from_slice(&b);
            }
        }
        let parent = input
            .parent()
            .and_then(Path::file_name)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        fs::write(dir.join(format!("{parent}-{stem}")), bytes).expect("write seed");
    }
}
