//! Markdown (CommonMark plus GFM tables, task lists, strikethrough and
//! autolinks) parsed with `pulldown-cmark` into a compact JSON document
//! that the TypeScript `Markdown` component turns into elements.
//!
//! The output is made for untrusted input (model output, files):
//! - control characters in text become visible control pictures
//!   (U+2400..), so no escape sequence ever reaches the terminal;
//! - a link whose URL would break an OSC 8 sequence is dropped (its text
//!   stays);
//! - container nesting deeper than [`MAX_DEPTH`] is flattened, so a
//!   pathological document cannot grow the element tree without bound.
//!
//! Shape (all offsets in UTF-16 code units, as JavaScript strings count):
//! `{"blocks":[{"at":N,"b":BLOCK},...]}` where `at` is where the top-level
//! block starts in the source and `BLOCK` is one of
//! - `{"t":"p","c":RUNS}` a paragraph, `{"t":"h","l":1..6,"c":RUNS}` a heading;
//! - `{"t":"code","lang":"rs","text":"..."}`, `{"t":"html","text":"..."}`;
//! - `{"t":"hr"}`, `{"t":"quote","c":[BLOCK...]}`;
//! - `{"t":"list","start":N|null,"items":[[BLOCK...]...]}`;
//! - `{"t":"table","align":["l"|"c"|"r"|"",...],"rows":[[RUNS...]...]}` (the first row is the header).
//!
//! `RUNS` is `[{"x":"text","s":FLAGS,"u":"url"?}...]` with [`flags`].

use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

mod safe;

pub use safe::inert;
use safe::{safe_url, with_autolinks};

/// Deepest nesting of block quotes and lists kept; deeper containers are
/// flattened into their parent.
pub const MAX_DEPTH: usize = 16;

/// Style bits of a run.
pub mod flags {
    /// Strong emphasis.
    pub const BOLD: u32 = 1;
    /// Emphasis.
    pub const ITALIC: u32 = 2;
    /// Strikethrough.
    pub const STRIKE: u32 = 4;
    /// A code span.
    pub const CODE: u32 = 8;
    /// A task list marker that is checked.
    pub const TASK_DONE: u32 = 16;
    /// A task list marker that is open.
    pub const TASK_OPEN: u32 = 32;
    /// An image's alt text.
    pub const IMAGE: u32 = 64;
}

#[derive(Clone, PartialEq)]
struct Run {
    text: String,
    flags: u32,
    link: Option<String>,
}

enum Frame {
    /// A container whose JSON array is open; `first` is true until an element is written.
    Open { first: bool },
    /// A container past [`MAX_DEPTH`]: its children go to the parent.
    Flattened,
}

struct Writer {
    out: String,
    /// Open JSON arrays of blocks (or items, or rows).
    frames: Vec<Frame>,
    depth: usize,
    /// Inline runs of the open leaf block.
    runs: Vec<Run>,
    /// The open leaf's JSON prefix (`{"t":"p","c":`), when one is open.
    leaf: Option<String>,
    bold: u32,
    italic: u32,
    strike: u32,
    links: Vec<Option<String>>,
    image: u32,
    code: Option<(String, String)>,
    html: Option<String>,
    table_cells: Option<Vec<Vec<Run>>>,
    top_level: bool,
    /// Open quotes, lists and items, innermost last (kept past `MAX_DEPTH`).
    parents: Vec<Parent>,
    /// Per open list: whether an item holds a paragraph (a loose list).
    loose: Vec<bool>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Parent {
    Quote,
    List,
    Item,
}

fn json_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).expect("a string always serializes"));
}

fn push_run(runs: &mut Vec<Run>, text: &str, flags: u32, link: Option<String>) {
    if text.is_empty() {
        return;
    }
    let text = inert(text, true);
    if let Some(last) = runs.last_mut()
        && last.flags == flags
        && last.link == link
    {
        last.text.push_str(&text);
        return;
    }
    runs.push(Run { text, flags, link });
}

fn write_runs(out: &mut String, runs: &[Run]) {
    out.push('[');
    for (i, r) in runs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"x\":");
        json_str(out, &r.text);
        out.push_str(",\"s\":");
        out.push_str(&r.flags.to_string());
        if let Some(u) = &r.link {
            out.push_str(",\"u\":");
            json_str(out, u);
        }
        out.push('}');
    }
    out.push(']');
}

impl Writer {
    fn flags(&self) -> u32 {
        let mut f = 0;
        if self.bold > 0 {
            f |= flags::BOLD;
        }
        if self.italic > 0 {
            f |= flags::ITALIC;
        }
        if self.strike > 0 {
            f |= flags::STRIKE;
        }
        if self.image > 0 {
            f |= flags::IMAGE;
        }
        f
    }

    fn link(&self) -> Option<String> {
        self.links.iter().rev().find_map(|l| l.clone())
    }

    /// Starts an element of the innermost open array (a comma when needed).
    fn element(&mut self, at: usize, source_utf16: &mut Utf16Cursor) {
        let top = self.frames.iter().all(|f| matches!(f, Frame::Flattened));
        if let Some(Frame::Open { first }) = self
            .frames
            .iter_mut()
            .rev()
            .find(|f| matches!(f, Frame::Open { .. }))
        {
            if !*first {
                self.out.push(',');
            }
            *first = false;
        }
        if top && self.top_level {
            self.out.push_str("{\"at\":");
            self.out.push_str(&source_utf16.at(at).to_string());
            self.out.push_str(",\"b\":");
        }
    }

    fn end_element(&mut self) {
        if self.frames.iter().all(|f| matches!(f, Frame::Flattened)) && self.top_level {
            self.out.push('}');
        }
    }

    fn text(&mut self, s: &str, at: usize, src: &mut Utf16Cursor) {
        if let Some((_, code)) = &mut self.code {
            code.push_str(s);
            return;
        }
        if let Some(html) = &mut self.html {
            html.push_str(s);
            return;
        }
        self.ensure_leaf(at, src);
        let flags = self.flags();
        let link = self.link();
        push_run(&mut self.runs, s, flags, link);
    }

    /// Inline content outside a paragraph (a tight list item) opens one.
    fn ensure_leaf(&mut self, at: usize, src: &mut Utf16Cursor) {
        if self.leaf.is_none() && self.table_cells.is_none() {
            self.element(at, src);
            self.leaf = Some("{\"t\":\"p\",\"c\":".into());
        }
    }

    fn close_leaf(&mut self) {
        if let Some(prefix) = self.leaf.take() {
            self.out.push_str(&prefix);
            let runs = with_autolinks(std::mem::take(&mut self.runs));
            write_runs(&mut self.out, &runs);
            self.out.push('}');
            self.end_element();
        }
    }

    fn open_container(&mut self, prefix: &str, at: usize, src: &mut Utf16Cursor) {
        self.close_leaf();
        if self.depth >= MAX_DEPTH {
            self.frames.push(Frame::Flattened);
            return;
        }
        self.element(at, src);
        self.out.push_str(prefix);
        self.depth += 1;
        self.frames.push(Frame::Open { first: true });
    }

    fn close_container(&mut self, suffix: &str) {
        self.close_leaf();
        if let Some(Frame::Open { .. }) = self.frames.pop() {
            self.depth -= 1;
            self.out.push_str(suffix);
            self.end_element();
        }
    }
}

/// Converts byte offsets of the source to UTF-16 offsets, moving forward.
struct Utf16Cursor<'a> {
    src: &'a str,
    byte: usize,
    unit: usize,
}

impl Utf16Cursor<'_> {
    fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.src.len());
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        let mut b = byte;
        while !self.src.is_char_boundary(b) {
            b -= 1;
        }
        self.unit += self.src[self.byte..b].encode_utf16().count();
        self.byte = b;
        self.unit
    }
}

/// Parses `source` and returns the JSON document described in the module
/// documentation.
pub fn parse_json(source: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut w = Writer {
        out: String::with_capacity(source.len() + 64),
        frames: Vec::new(),
        depth: 0,
        runs: Vec::new(),
        leaf: None,
        bold: 0,
        italic: 0,
        strike: 0,
        links: Vec::new(),
        image: 0,
        code: None,
        html: None,
        table_cells: None,
        top_level: true,
        parents: Vec::new(),
        loose: Vec::new(),
    };
    let mut src = Utf16Cursor {
        src: source,
        byte: 0,
        unit: 0,
    };
    w.out.push_str("{\"blocks\":[");
    w.frames.push(Frame::Flattened);
    let mut first_top = true;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        let at = range.start;
        // Top-level commas: `element` only sees `Flattened` at the top.
        let at_top = w.frames.len() == 1
            && w.leaf.is_none()
            && w.code.is_none()
            && w.html.is_none()
            && w.table_cells.is_none();
        if at_top
            && matches!(
                event,
                Event::Start(_) | Event::Rule | Event::Html(_) | Event::Text(_)
            )
        {
            if !first_top {
                w.out.push(',');
            }
            first_top = false;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    if w.parents.last() == Some(&Parent::Item) {
                        if let Some(loose) = w.loose.last_mut() {
                            *loose = true;
                        }
                    }
                    w.close_leaf();
                    w.element(at, &mut src);
                    w.leaf = Some("{\"t\":\"p\",\"c\":".into());
                }
                Tag::Heading { level, .. } => {
                    w.close_leaf();
                    w.element(at, &mut src);
                    w.leaf = Some(format!("{{\"t\":\"h\",\"l\":{},\"c\":", level as u8));
                }
                Tag::BlockQuote(_) => {
                    w.parents.push(Parent::Quote);
                    w.open_container("{\"t\":\"quote\",\"c\":[", at, &mut src);
                }
                Tag::List(start) => {
                    w.parents.push(Parent::List);
                    w.loose.push(false);
                    let start = start.map_or("null".to_owned(), |n| n.to_string());
                    w.open_container(
                        &format!("{{\"t\":\"list\",\"start\":{start},\"items\":["),
                        at,
                        &mut src,
                    );
                }
                Tag::Item => {
                    w.parents.push(Parent::Item);
                    w.close_leaf();
                    match w.frames.last() {
                        Some(Frame::Open { .. }) => {
                            w.element(at, &mut src);
                            w.out.push('[');
                            w.frames.push(Frame::Open { first: true });
                        }
                        _ => w.frames.push(Frame::Flattened),
                    }
                }
                Tag::CodeBlock(kind) => {
                    w.close_leaf();
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_owned()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    w.element(at, &mut src);
                    w.code = Some((lang, String::new()));
                }
                Tag::HtmlBlock => {
                    w.close_leaf();
                    w.element(at, &mut src);
                    w.html = Some(String::new());
                }
                Tag::Table(align) => {
                    w.close_leaf();
                    w.element(at, &mut src);
                    w.out.push_str("{\"t\":\"table\",\"align\":[");
                    for (i, a) in align.iter().enumerate() {
                        if i > 0 {
                            w.out.push(',');
                        }
                        w.out.push_str(match a {
                            Alignment::None => "\"\"",
                            Alignment::Left => "\"l\"",
                            Alignment::Center => "\"c\"",
                            Alignment::Right => "\"r\"",
                        });
                    }
                    w.out.push_str("],\"rows\":[");
                    w.table_cells = Some(Vec::new());
                }
                Tag::TableHead | Tag::TableRow => {
                    if let Some(cells) = &mut w.table_cells {
                        cells.clear();
                    }
                }
                Tag::TableCell => w.runs.clear(),
                Tag::Emphasis => w.italic += 1,
                Tag::Strong => w.bold += 1,
                Tag::Strikethrough => w.strike += 1,
                Tag::Link {
                    link_type: LinkType::Email,
                    dest_url,
                    ..
                } => w.links.push(safe_url(&format!("mailto:{dest_url}"))),
                Tag::Link { dest_url, .. } => w.links.push(safe_url(&dest_url)),
                Tag::Image { dest_url, .. } => {
                    w.text("[image: ", at, &mut src);
                    w.links.push(safe_url(&dest_url));
                    w.image += 1;
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) => w.close_leaf(),
                TagEnd::BlockQuote(_) => {
                    w.parents.pop();
                    w.close_container("]}");
                }
                TagEnd::List(_) => {
                    w.parents.pop();
                    let loose = w.loose.pop().unwrap_or(false);
                    w.close_container(if loose { "],\"loose\":true}" } else { "]}" });
                }
                TagEnd::Item => {
                    w.parents.pop();
                    w.close_leaf();
                    if let Some(Frame::Open { .. }) = w.frames.pop() {
                        w.out.push(']');
                    }
                }
                TagEnd::CodeBlock => {
                    if let Some((lang, text)) = w.code.take() {
                        w.out.push_str("{\"t\":\"code\",\"lang\":");
                        json_str(&mut w.out, &inert(&lang, false));
                        w.out.push_str(",\"text\":");
                        let text = text.strip_suffix('\n').unwrap_or(&text);
                        json_str(&mut w.out, &inert(text, true));
                        w.out.push('}');
                        w.end_element();
                    }
                }
                TagEnd::HtmlBlock => {
                    if let Some(text) = w.html.take() {
                        w.out.push_str("{\"t\":\"html\",\"text\":");
                        let text = text.strip_suffix('\n').unwrap_or(&text);
                        json_str(&mut w.out, &inert(text, true));
                        w.out.push('}');
                        w.end_element();
                    }
                }
                TagEnd::Table => {
                    w.table_cells = None;
                    w.out.push_str("]}");
                    w.end_element();
                }
                TagEnd::TableHead | TagEnd::TableRow => {
                    if let Some(cells) = w.table_cells.take() {
                        if !w.out.ends_with('[') {
                            w.out.push(',');
                        }
                        w.out.push('[');
                        for (i, c) in cells.iter().enumerate() {
                            if i > 0 {
                                w.out.push(',');
                            }
                            write_runs(&mut w.out, c);
                        }
                        w.out.push(']');
                        w.table_cells = Some(Vec::new());
                    }
                }
                TagEnd::TableCell => {
                    let runs = with_autolinks(std::mem::take(&mut w.runs));
                    if let Some(cells) = &mut w.table_cells {
                        cells.push(runs);
                    }
                }
                TagEnd::Emphasis => w.italic = w.italic.saturating_sub(1),
                TagEnd::Strong => w.bold = w.bold.saturating_sub(1),
                TagEnd::Strikethrough => w.strike = w.strike.saturating_sub(1),
                TagEnd::Link => {
                    w.links.pop();
                }
                TagEnd::Image => {
                    w.links.pop();
                    w.image = w.image.saturating_sub(1);
                    w.text("]", at, &mut src);
                }
                _ => {}
            },
            Event::Text(t) => w.text(&t, at, &mut src),
            Event::Code(t) => {
                w.ensure_leaf(at, &mut src);
                let link = w.link();
                let flags = w.flags() | flags::CODE;
                push_run(&mut w.runs, &t, flags, link);
            }
            Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t)
            | Event::FootnoteReference(t) => w.text(&t, at, &mut src),
            Event::Html(t) => {
                if w.html.is_none() {
                    w.element(at, &mut src);
                    w.out.push_str("{\"t\":\"html\",\"text\":");
                    json_str(&mut w.out, &inert(t.trim_end_matches('\n'), true));
                    w.out.push('}');
                    w.end_element();
                } else {
                    w.text(&t, at, &mut src);
                }
            }
            Event::SoftBreak => w.text(" ", at, &mut src),
            Event::HardBreak => w.text("\n", at, &mut src),
            Event::Rule => {
                w.close_leaf();
                w.element(at, &mut src);
                w.out.push_str("{\"t\":\"hr\"}");
                w.end_element();
            }
            Event::TaskListMarker(done) => {
                w.ensure_leaf(at, &mut src);
                let f = if done {
                    flags::TASK_DONE
                } else {
                    flags::TASK_OPEN
                };
                w.runs.push(Run {
                    text: String::new(),
                    flags: f,
                    link: None,
                });
            }
        }
    }
    w.close_leaf();
    w.out.push_str("]}");
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> serde_json::Value {
        let json = parse_json(s);
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
    }

    #[test]
    fn blocks_carry_their_utf16_start() {
        let v = parse("# Tïtle 😀\n\npara *em* **b**\n\n- a\n- [x] b\n");
        let blocks = v["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0]["b"]["t"], "h");
        assert_eq!(blocks[1]["at"], 12); // "# Tïtle 😀\n\n" is 12 UTF-16 units
        assert_eq!(blocks[1]["b"]["c"][1]["s"], flags::ITALIC);
        assert_eq!(blocks[1]["b"]["c"][3]["s"], flags::BOLD);
        let items = blocks[2]["b"]["items"].as_array().unwrap();
        assert_eq!(items[1][0]["c"][0]["s"], flags::TASK_DONE);
    }

    #[test]
    fn lists_say_when_they_are_loose_and_links_keep_to_known_schemes() {
        let v = parse("- a\n- b\n  - c\n\n1. x\n\n2. y\n");
        assert_eq!(v["blocks"][0]["b"].get("loose"), None);
        assert_eq!(v["blocks"][1]["b"]["loose"], true);
        let v = parse(
            "[a](javascript:alert(1)) [b](data:text/html,x) [c](rel/path) [d](HTTPS://ok) <me@example.com>",
        );
        let runs = v["blocks"][0]["b"]["c"].as_array().unwrap();
        let urls: Vec<_> = runs.iter().filter_map(|r| r.get("u")).collect();
        assert_eq!(urls, ["HTTPS://ok", "mailto:me@example.com"]);
    }

    #[test]
    fn controls_are_shown_inertly_and_bad_urls_dropped() {
        let v = parse("a\x1b[31mred\x07 [x](<http://e.com/\x07>) `\x1b` \u{202e}");
        let text = v.to_string();
        assert!(
            !text.contains("\\u001b") && !text.contains("\\u0007"),
            "{text}"
        );
        assert!(text.contains('\u{241b}'));
        assert!(!text.contains("\"u\""), "{text}");
        assert_eq!(safe_url("http://a\x1b]8;;b"), None);
        assert_eq!(safe_url("http://a b"), None);
        assert_eq!(safe_url("http://a/b").as_deref(), Some("http://a/b"));
    }

    #[test]
    fn bare_urls_become_links() {
        let v = parse("see https://example.com/a_(b). and www.x.org, done");
        let runs = &v["blocks"][0]["b"]["c"];
        assert_eq!(runs[1]["u"], "https://example.com/a_(b)");
        assert_eq!(runs[3]["u"], "http://www.x.org");
    }

    #[test]
    fn tables_code_and_quotes() {
        let v = parse(
            "| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```rs\nfn\tx() {}\n```\n\n> q\n> > qq\n\n---\n",
        );
        let b = v["blocks"].as_array().unwrap();
        assert_eq!(b[0]["b"]["align"], serde_json::json!(["l", "r"]));
        assert_eq!(b[0]["b"]["rows"].as_array().unwrap().len(), 2);
        assert_eq!(b[1]["b"]["lang"], "rs");
        assert_eq!(b[1]["b"]["text"], "fn  x() {}");
        assert_eq!(b[2]["b"]["c"][1]["t"], "quote");
        assert_eq!(b[3]["b"]["t"], "hr");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let deep = ">".repeat(100_000) + " x\n\n" + &"- ".repeat(5_000) + "y\n";
        let v = parse(&deep);
        fn depth(v: &serde_json::Value) -> usize {
            match v {
                serde_json::Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
                serde_json::Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
                _ => 0,
            }
        }
        assert!(depth(&v) < 4 * MAX_DEPTH + 16, "depth {}", depth(&v));
        assert!(v.to_string().contains("\"x\":\"x\""));
        assert!(v.to_string().contains("\"x\":\"y\""));
    }

    #[test]
    fn a_huge_line_parses() {
        let line = "word ".repeat(2_000_000);
        let v = parse(&line);
        assert_eq!(v["blocks"].as_array().unwrap().len(), 1);
    }
}
