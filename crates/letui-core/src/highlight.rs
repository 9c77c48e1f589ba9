//! Syntax highlighting with tree-sitter: a parser and a highlights query
//! per language, run natively, incremental while code streams in.
//!
//! A [`Highlighter`] holds the source, its syntax tree and the line starts.
//! [`Highlighter::append`] edits the tree and re-parses incrementally
//! (tree-sitter reuses every subtree the edit did not touch), then reports
//! the first line whose highlighting may have changed: the lowest of the
//! ranges whose syntax changed and the line the text was appended to.
//! [`Highlighter::spans`] runs the query over the lines from there on only,
//! so appending a line costs in proportion to what changed, not to the file.
//!
//! Even an incremental re-parse rebuilds the root's list of children, so on
//! its own an append costs in proportion to the file's top-level items. The
//! source is therefore kept in chunks: once the open tail passes
//! [`CHUNK_LINES`] lines, everything before its last top-level item that
//! starts a line (with no syntax error before it) is frozen with the tree
//! it was parsed in, and the tail is parsed on its own from there (a parser
//! range over the same source, so offsets stay absolute). Appends re-parse
//! only the open tail; a boundary between complete top-level items is one
//! that later text cannot change, so the highlights equal a whole parse.
//!
//! Parsing is also lazy: [`Highlighter::set`] only stores the source, and
//! [`Highlighter::spans`] parses up to the lines it is asked for, a stretch
//! of lines at a time frozen at the same kind of boundary. The first screen
//! of a long file costs a chunk's parse; the rest is parsed when read.
//!
//! Highlights are [`Class`]es, a small fixed set the TypeScript side maps to
//! theme colors. Capture names map to classes by their first dotted part
//! (`keyword.control` is a keyword); where captures nest the innermost wins,
//! and where patterns capture the same node the later pattern wins: the
//! bundled queries put general patterns (`(identifier) @variable`) before
//! specific ones. Injections (CSS inside HTML, code inside
//! Markdown) are not run: the host language's highlights apply.
//!
//! Compiled queries are built once per language and shared (read only).
//! Sources over [`MAX_SOURCE`] bytes are not parsed: they show as plain
//! text, so a pathological input costs bounded time and memory.

use tree_sitter::{InputEdit, Parser, Point, QueryCursor, Range, StreamingIterator, Tree};

mod grammars;

use grammars::compiled;
pub use grammars::{Class, LANG_NAMES, Lang, class_of};

/// The largest source highlighted (bytes); longer ones stay plain.
pub const MAX_SOURCE: usize = 16 << 20;

/// Lines the open tail may reach before its finished part is frozen (see
/// the module documentation).
pub const CHUNK_LINES: usize = 512;

/// A frozen stretch of the source, `start..end` in bytes, highlighted
/// from the tree it was parsed in.
struct Chunk {
    tree: Tree,
    start: usize,
    end: usize,
}

/// Why a [`Highlighter`] could not be made.
#[derive(Debug, thiserror::Error)]
pub enum HighlightError {
    /// The language name is not one of [`LANG_NAMES`].
    #[error("unknown language {0:?}; known: {LANG_NAMES}")]
    UnknownLanguage(String),
}

/// A source in one language, parsed and highlighted incrementally; see the module documentation.
pub struct Highlighter {
    lang: Lang,
    parser: Parser,
    /// Frozen chunks, in order, before the open tail.
    frozen: Vec<Chunk>,
    /// The open tail's tree, parsed from byte `open` on.
    tree: Option<Tree>,
    open: usize,
    /// No split is tried before the source has this many lines (after one
    /// found no boundary).
    next_split: usize,
    /// True when the open tail's tree covers it to the end of the source.
    complete: bool,
    chunk_lines: usize,
    source: String,
    /// Byte offset of each line's start (the first is 0).
    line_starts: Vec<usize>,
    cursor: QueryCursor,
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Highlighter")
            .field("lang", &self.lang)
            .field("bytes", &self.source.len())
            .finish()
    }
}

impl Highlighter {
    /// A highlighter for `lang` (a name or extension, see [`Lang::from_name`]) with no source yet.
    pub fn new(lang: &str) -> Result<Highlighter, HighlightError> {
        let lang = Lang::from_name(lang)
            .ok_or_else(|| HighlightError::UnknownLanguage(lang.to_owned()))?;
        let mut parser = Parser::new();
        // Every bundled grammar is built against this tree-sitter's ABI.
        let _ = parser.set_language(&compiled(lang).language);
        Ok(Highlighter {
            lang,
            parser,
            frozen: Vec::new(),
            tree: None,
            open: 0,
            next_split: 0,
            complete: false,
            chunk_lines: CHUNK_LINES,
            source: String::new(),
            line_starts: vec![0],
            cursor: QueryCursor::new(),
        })
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The source.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The number of lines (one more than the number of `\n`).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Replaces the source. Returns 0, the first line whose highlighting
    /// changed. Parsing is lazy: [`spans`](Self::spans) parses up to the
    /// lines it is asked for, a chunk at a time, so the first screen of a
    /// long file is highlighted without parsing the rest.
    pub fn set(&mut self, text: &str) -> usize {
        self.source.clear();
        self.source.push_str(text);
        self.line_starts.clear();
        self.line_starts.push(0);
        self.index_lines(0);
        self.frozen.clear();
        self.open = 0;
        self.next_split = 0;
        self.tree = None;
        self.complete = false;
        0
    }

    /// Appends `text` and re-parses incrementally; returns the first line whose highlighting may have changed.
    pub fn append(&mut self, text: &str) -> usize {
        if text.is_empty() {
            return self.line_count();
        }
        let old_len = self.source.len();
        let old_end = self.point(old_len);
        self.source.push_str(text);
        self.index_lines(old_len);
        let first_line = old_end.row;
        if !self.complete {
            // Not parsed that far yet: spans will.
            return first_line;
        }
        let new_end = self.point(self.source.len());
        let Some(mut old) = self.tree.take() else {
            return first_line;
        };
        if self.source.len() > MAX_SOURCE {
            // Past the size limit: everything is plain now.
            self.frozen.clear();
            return 0;
        }
        old.edit(&InputEdit {
            start_byte: old_len,
            old_end_byte: old_len,
            new_end_byte: self.source.len(),
            start_position: old_end,
            old_end_position: old_end,
            new_end_position: new_end,
        });
        self.tree = self.parser.parse(&self.source, Some(&old));
        let mut first = first_line;
        if let Some(new) = &self.tree {
            for r in old.changed_ranges(new) {
                first = first.min(r.start_point.row);
            }
        }
        self.split();
        first
    }

    /// Parses the open tail from its start to byte `end` (to the end of
    /// the source and beyond, for later appends, with `None`).
    fn parse_open(&mut self, end: Option<usize>) -> Option<Tree> {
        let (end_byte, end_point) = match end {
            Some(e) => (e, self.point(e)),
            None => (
                usize::MAX,
                Point {
                    row: usize::MAX,
                    column: usize::MAX,
                },
            ),
        };
        let range = Range {
            start_byte: self.open,
            end_byte,
            start_point: self.point(self.open),
            end_point,
        };
        // One range inside the source is always valid.
        let _ = self.parser.set_included_ranges(&[range]);
        self.parser.parse(&self.source, None)
    }

    /// Parses until the source before byte `to` is covered by frozen
    /// chunks, or the open tail is parsed to the end: a stretch of
    /// `2 * chunk_lines` lines at a time, frozen up to its last safe
    /// boundary (see [`boundary`](Self::boundary)); a stretch without one
    /// is doubled.
    fn advance(&mut self, to: usize) {
        if self.source.len() > MAX_SOURCE {
            return;
        }
        let mut step = self.chunk_lines.saturating_mul(2).max(2);
        while !self.complete && self.open < to {
            let row = self.point(self.open).row;
            let end = self.line_starts.get(row.saturating_add(step)).copied();
            let Some(end) = end else {
                self.tree = self.parse_open(None);
                self.complete = true;
                return;
            };
            let Some(tree) = self.parse_open(Some(end)) else {
                return;
            };
            match self.boundary(&tree) {
                Some(b) => {
                    self.frozen.push(Chunk {
                        tree,
                        start: self.open,
                        end: b,
                    });
                    self.open = b;
                    step = self.chunk_lines.saturating_mul(2).max(2);
                }
                None => step = step.saturating_mul(2),
            }
        }
    }

    /// Where the open tail may be cut in `tree`: the start of its last
    /// top-level item that begins a line after an item ending on an earlier
    /// one, with no syntax error before it and not the last item (it may
    /// still be growing, or be cut short).
    fn boundary(&self, tree: &Tree) -> Option<usize> {
        let root = tree.root_node();
        let mut cursor = root.walk();
        let kids: Vec<tree_sitter::Node> = root.children(&mut cursor).collect();
        let clean = kids
            .iter()
            .position(|k| k.has_error() || k.is_missing())
            .unwrap_or(kids.len());
        let last = kids.len().saturating_sub(1).min(clean);
        // Where a statement may go on across a line break (JavaScript's
        // optional semicolons), the item before must be closed.
        let asi = matches!(self.lang, Lang::TypeScript | Lang::Tsx | Lang::JavaScript);
        let src = self.source.as_bytes();
        (1..=last).rev().find_map(|k| {
            let (prev, kid) = (kids[k - 1], kids[k]);
            let at = kid.start_position();
            let closed =
                !asi || matches!(src.get(prev.end_byte().wrapping_sub(1)), Some(b';' | b'}'));
            (closed
                && at.column == 0
                && prev.end_position().row < at.row
                && kid.start_byte() > self.open)
                .then(|| kid.start_byte())
        })
    }

    /// Freezes the open tail's finished part once it is longer than
    /// `chunk_lines` (see [`boundary`](Self::boundary)); the rest is parsed
    /// on its own.
    fn split(&mut self) {
        let lines = self.line_count();
        if lines < self.next_split || lines - self.point(self.open).row <= self.chunk_lines {
            return;
        }
        let Some(tree) = self.tree.clone() else {
            return;
        };
        let Some(b) = self.boundary(&tree) else {
            self.next_split = lines + self.chunk_lines;
            return;
        };
        self.frozen.push(Chunk {
            tree,
            start: self.open,
            end: b,
        });
        self.open = b;
        self.tree = self.parse_open(None);
    }

    /// Records the starts of lines after byte `from`.
    fn index_lines(&mut self, from: usize) {
        let bytes = self.source.as_bytes();
        for (i, &b) in bytes.iter().enumerate().skip(from) {
            if b == b'\n' {
                self.line_starts.push(i + 1);
            }
        }
    }

    /// The line and byte column of a byte offset.
    fn point(&self, byte: usize) -> Point {
        let row = self
            .line_starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1);
        Point {
            row,
            column: byte - self.line_starts[row],
        }
    }

    /// The highlighted spans of lines `from_line..to_line` as records of
    /// four words: line, start and end column in UTF-16 code units, and the
    /// [`Class`]. Spans never cross a line break; plain text has none. Only
    /// the captures of nodes touching those lines are computed, so asking
    /// for the lines in view costs a screenful whatever the file's length.
    pub fn spans(&mut self, from_line: usize, to_line: usize) -> Vec<u32> {
        let mut out = Vec::new();
        if self.source.len() > MAX_SOURCE {
            return out;
        }
        let from_line = from_line.min(self.line_starts.len() - 1);
        let start = self.line_starts[from_line];
        let end = self
            .line_starts
            .get(to_line)
            .map_or(self.source.len(), |&e| e.saturating_sub(1).max(start));
        if start >= end {
            return out;
        }
        self.advance(end);
        let open_tree = if self.complete {
            self.tree.as_ref()
        } else {
            None
        };
        let compiled = compiled(self.lang);
        // Captures as (start, end, pattern, class), painted outer to inner
        // and, for one range, first pattern to last, so inner and later win.
        let mut caps: Vec<(usize, usize, usize, Class)> = Vec::new();
        let text = self.source.as_bytes();
        // The frozen chunks the lines meet, then the open tail.
        let first = self.frozen.partition_point(|c| c.end <= start);
        let chunks = self.frozen[first..]
            .iter()
            .take_while(|c| c.start < end)
            .map(|c| (&c.tree, c.start, c.end))
            .chain(open_tree.map(|t| (t, self.open, usize::MAX)));
        for (tree, from, to) in chunks {
            let (lo, hi) = (start.max(from), end.min(to));
            if lo >= hi {
                continue;
            }
            self.cursor.set_byte_range(lo..hi);
            let mut it = self
                .cursor
                .captures(&compiled.query, tree.root_node(), text);
            while let Some((m, i)) = it.next() {
                let c = &m.captures[*i];
                let class = compiled.classes[c.index as usize];
                let (a, b) = (c.node.start_byte().max(lo), c.node.end_byte().min(hi));
                if a < b {
                    caps.push((a, b, m.pattern_index, class));
                }
            }
        }
        caps.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
        let mut classes = vec![Class::Plain; end - start];
        for &(a, b, _, class) in &caps {
            classes[a - start..b - start].fill(class);
        }
        // Runs per line in UTF-16 columns.
        let src = &self.source[start..end];
        let mut line = from_line as u32;
        let mut col: u32 = 0;
        let mut run: Option<(u32, Class)> = None;
        let close = |out: &mut Vec<u32>, run: &mut Option<(u32, Class)>, line: u32, col: u32| {
            if let Some((s, c)) = run.take() {
                if c != Class::Plain && col > s {
                    out.extend_from_slice(&[line, s, col, c as u32]);
                }
            }
        };
        for (i, ch) in src.char_indices() {
            if ch == '\n' {
                close(&mut out, &mut run, line, col);
                line += 1;
                col = 0;
                continue;
            }
            let class = classes[i];
            if run.map(|(_, c)| c) != Some(class) {
                close(&mut out, &mut run, line, col);
                run = Some((col, class));
            }
            col += ch.len_utf16() as u32;
        }
        close(&mut out, &mut run, line, col);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes_of(lang: &str, src: &str) -> Vec<(String, Class)> {
        let mut h = Highlighter::new(lang).unwrap();
        h.set(src);
        let lines: Vec<&str> = src.split('\n').collect();
        h.spans(0, usize::MAX)
            .chunks(4)
            .map(|r| {
                let line: Vec<u16> = lines[r[0] as usize].encode_utf16().collect();
                (
                    String::from_utf16_lossy(&line[r[1] as usize..r[2] as usize]),
                    match r[3] {
                        1 => Class::Keyword,
                        2 => Class::String,
                        3 => Class::Constant,
                        4 => Class::Comment,
                        5 => Class::Function,
                        6 => Class::Type,
                        7 => Class::Builtin,
                        8 => Class::Property,
                        9 => Class::Punctuation,
                        10 => Class::Tag,
                        11 => Class::Attribute,
                        12 => Class::Heading,
                        13 => Class::Link,
                        _ => Class::Plain,
                    },
                )
            })
            .collect()
    }

    fn has(spans: &[(String, Class)], text: &str, class: Class) -> bool {
        spans.iter().any(|(t, c)| t == text && *c == class)
    }

    #[test]
    fn each_language_colors_its_keywords_strings_and_comments() {
        let ts = classes_of(
            "ts",
            "// hi\nconst x: number = 1;\nfunction f(a: string) { return \"s\"; }",
        );
        assert!(has(&ts, "// hi", Class::Comment), "{ts:?}");
        assert!(has(&ts, "const", Class::Keyword), "{ts:?}");
        assert!(has(&ts, "number", Class::Type), "{ts:?}");
        assert!(has(&ts, "\"s\"", Class::String), "{ts:?}");
        assert!(has(&ts, "f", Class::Function), "{ts:?}");
        let rs = classes_of("rust", "fn main() { let s = \"x\"; println!(\"{}\", 42); }");
        assert!(
            has(&rs, "fn", Class::Keyword)
                && has(&rs, "42", Class::Constant)
                && has(&rs, "main", Class::Function),
            "{rs:?}"
        );
        let py = classes_of("py", "def f(x):\n    return 'y'  # c");
        assert!(
            has(&py, "def", Class::Keyword)
                && has(&py, "'y'", Class::String)
                && has(&py, "# c", Class::Comment),
            "{py:?}"
        );
        let go = classes_of("go", "package main\nfunc main() { x := 3 }");
        assert!(
            has(&go, "func", Class::Keyword) && has(&go, "3", Class::Constant),
            "{go:?}"
        );
        let json = classes_of("json", "{\"a\": [1, true, null]}");
        assert!(has(&json, "1", Class::Constant), "{json:?}");
        let sh = classes_of("sh", "if [ -f x ]; then echo \"hi\"; fi # done");
        assert!(
            has(&sh, "if", Class::Keyword) && has(&sh, "# done", Class::Comment),
            "{sh:?}"
        );
        let html = classes_of("html", "<a href=\"x\">t</a>");
        assert!(
            has(&html, "a", Class::Tag) && has(&html, "href", Class::Attribute),
            "{html:?}"
        );
        let css = classes_of("css", "a { color: red; }");
        assert!(has(&css, "color", Class::Property), "{css:?}");
        let yaml = classes_of("yml", "key: 'value'\nn: 3");
        assert!(has(&yaml, "'value'", Class::String), "{yaml:?}");
        let md = classes_of("md", "# Title\n\ntext");
        assert!(md.iter().any(|(_, c)| *c == Class::Heading), "{md:?}");
        let js = classes_of("jsx", "const a = <b c=\"d\"/>;");
        assert!(has(&js, "const", Class::Keyword), "{js:?}");
    }

    #[test]
    fn columns_are_utf16_and_spans_stay_on_their_line() {
        let s = classes_of("ts", "const 𝒳 = \"é😀\"; /* a\nb */ let y");
        assert!(has(&s, "\"é😀\"", Class::String), "{s:?}");
        assert!(
            has(&s, "/* a", Class::Comment) && has(&s, "b */", Class::Comment),
            "{s:?}"
        );
        assert!(has(&s, "let", Class::Keyword), "{s:?}");
    }

    #[test]
    fn appending_matches_a_fresh_parse_and_reports_the_first_changed_line() {
        let full = "let a = 1;\nconst s = `x\ny`;\n/* open\n still */ fn();\n";
        let mut inc = Highlighter::new("ts").unwrap();
        let mut at = 0;
        let mut spans = Vec::new();
        for piece in full.as_bytes().chunks(3) {
            let piece = std::str::from_utf8(piece).unwrap();
            let first = inc.append(piece);
            assert!(first <= inc.line_count());
            // Keep the spans of lines before `first`, take the rest afresh.
            spans.retain(|r: &[u32; 4]| (r[0] as usize) < first);
            spans.extend(records(&inc.spans(first, usize::MAX)));
            at += piece.len();
        }
        assert_eq!(at, full.len());
        let mut fresh = Highlighter::new("ts").unwrap();
        fresh.set(full);
        let want = records(&fresh.spans(0, usize::MAX));
        assert_eq!(spans, want);
        // Appending a line leaves earlier lines alone.
        let before = inc.line_count();
        let first = inc.append("let z = 2;\n");
        assert!(first >= before - 2, "{first} of {before}");
    }

    /// Span words as records of four.
    fn records(words: &[u32]) -> Vec<[u32; 4]> {
        words.chunks(4).map(|c| [c[0], c[1], c[2], c[3]]).collect()
    }

    /// Spans of all lines, as records.
    fn all(h: &mut Highlighter) -> Vec<[u32; 4]> {
        records(&h.spans(0, usize::MAX))
    }

    #[test]
    fn chunked_sources_highlight_as_one_whole_parse() {
        // Items that go on across lines, a statement without a semicolon
        // that a later line continues, comments between items, and an
        // unclosed construct in the middle.
        let unit = "export function f(a: number): number {\n  return a * 2; // double\n}\n\nlet x = f\n// note\n(1)\nconst s = `multi\nline ${x}`;\n\n/* a\n block */\nclass C { m() { return 'q'; } }\n";
        let src: String = unit.repeat(12) + "let broken = (1 +;\n" + &unit.repeat(6);
        for lang in [
            "ts", "js", "rust", "python", "go", "bash", "css", "markdown", "yaml", "json", "html",
        ] {
            let mut whole = Highlighter::new(lang).unwrap();
            whole.chunk_lines = usize::MAX;
            whole.set(&src);
            let want = all(&mut whole);
            // Set at once, and streamed line by line, in small chunks.
            let mut set = Highlighter::new(lang).unwrap();
            set.chunk_lines = 16;
            set.set(&src);
            assert_eq!(all(&mut set), want, "{lang}, set");
            // Lazily: the first lines parse only the first chunks.
            let mut lazy = Highlighter::new(lang).unwrap();
            lazy.chunk_lines = 16;
            lazy.set(&src);
            let head: Vec<[u32; 4]> = want.iter().filter(|r| r[0] < 10).copied().collect();
            let got = records(&lazy.spans(0, 10));
            assert_eq!(got, head, "{lang}, first lines");
            if lang == "ts" {
                assert!(
                    !lazy.complete && lazy.open < src.len() / 2,
                    "parsed to {}",
                    lazy.open
                );
            }
            assert_eq!(all(&mut lazy), want, "{lang}, lazy then all");
            let mut streamed = Highlighter::new(lang).unwrap();
            streamed.chunk_lines = 16;
            for line in src.split_inclusive('\n') {
                // As the Code element does: read the lines that changed.
                let first = streamed.append(line);
                streamed.spans(first, usize::MAX);
            }
            if lang == "ts" {
                assert!(
                    streamed.frozen.len() > 4,
                    "{} chunks",
                    streamed.frozen.len()
                );
            }
            assert_eq!(all(&mut streamed), want, "{lang}, streamed");
            // A range of lines across chunk boundaries.
            let part: Vec<[u32; 4]> = want
                .iter()
                .filter(|r| (40..120).contains(&r[0]))
                .copied()
                .collect();
            let got = records(&streamed.spans(40, 120));
            assert_eq!(got, part, "{lang}, lines 40..120");
        }
    }

    #[test]
    fn a_statement_that_a_later_line_continues_is_not_frozen() {
        // `let x = f` goes on as `f(1)` past the comment: a call.
        let src = "a;\nb;\nlet x = f\n// note\n(1);\n";
        let mut whole = Highlighter::new("ts").unwrap();
        whole.chunk_lines = usize::MAX;
        whole.set(src);
        let want = all(&mut whole);
        assert!(
            want.contains(&[2, 8, 9, Class::Function as u32]),
            "{want:?}"
        );
        let mut streamed = Highlighter::new("ts").unwrap();
        streamed.chunk_lines = 1;
        for line in src.split_inclusive('\n') {
            let first = streamed.append(line);
            streamed.spans(first, usize::MAX);
        }
        assert_eq!(all(&mut streamed), want);
    }

    #[test]
    fn a_range_of_lines_has_the_spans_the_whole_file_has_there() {
        let src = "/* a\nb */ let x = 1;\nconst s = `t\nu`;\nfn(2);\n";
        let mut h = Highlighter::new("ts").unwrap();
        h.set(src);
        let all = h.spans(0, usize::MAX);
        for from in 0..5 {
            for to in from..6 {
                let want: Vec<u32> = all
                    .chunks(4)
                    .filter(|r| (r[0] as usize) >= from && (r[0] as usize) < to)
                    .flatten()
                    .copied()
                    .collect();
                assert_eq!(h.spans(from, to), want, "{from}..{to}");
            }
        }
    }

    #[test]
    fn unknown_languages_are_refused_by_name_and_huge_sources_stay_plain() {
        let e = Highlighter::new("cobol").unwrap_err().to_string();
        assert!(e.contains("cobol") && e.contains("typescript"), "{e}");
        let mut h = Highlighter::new("json").unwrap();
        let big = format!("[{}]", "1,".repeat(MAX_SOURCE / 2 + 1));
        h.set(&big);
        assert!(h.spans(0, usize::MAX).is_empty());
        assert_eq!(h.line_count(), 1);
    }

    #[test]
    fn escapes_and_controls_in_code_are_just_text() {
        let mut h = Highlighter::new("ts").unwrap();
        h.set("const a = \"\x1b[31m\x07\";\n\u{0}");
        let spans = h.spans(0, usize::MAX);
        assert!(spans.chunks(4).all(|r| r[0] <= 1));
    }
}
