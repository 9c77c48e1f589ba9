//! Text wrapping into lines of at most a given number of cells.
//!
//! Widths come from [`crate::width`], so a wrapped line takes exactly the
//! cells the screen gives it, and a grapheme cluster is never split.
//!
//! The rules:
//! - a hard line break (`\n`, or `\r\n`) always ends a line; the break
//!   itself belongs to no line;
//! - [`WrapMode::Word`] breaks at whitespace between words, and between a
//!   wide cluster (CJK, emoji) and its neighbours; the whitespace at a break
//!   is dropped (it belongs to no line and takes no cells), and so is the
//!   whitespace at the end of a hard line. A word longer than the width is
//!   broken between clusters. Leading whitespace of a hard line is kept,
//!   unless the first word does not fit after it;
//! - [`WrapMode::Char`] breaks between any two clusters and keeps every
//!   cluster, whitespace included;
//! - [`WrapMode::None`] makes one line per hard line, however wide;
//! - a cluster wider than the limit (a wide character in a width of 1)
//!   gets a line of its own: wrapping always makes progress;
//! - an empty text has no lines; `"a\n"` has two (`"a"` and `""`).
//!
//! With an ellipsis, a line cut short ends with `…` (one cell): each
//! overflowing line in mode `None`, and the last allowed line when a
//! maximum line count leaves text out.

use std::ops::ControlFlow;

use crate::width::clusters;

/// How text is broken into lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum WrapMode {
    /// Break between words; words longer than the width are broken between
    /// characters.
    #[default]
    Word,
    /// Break between any two grapheme clusters.
    Char,
    /// Never break: one line per hard line.
    None,
}

/// One wrapped line: a slice of the text, its width, and whether an
/// ellipsis (`…`, one cell) is drawn after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Line {
    /// Start of the slice, in UTF-8 bytes.
    pub start: usize,
    /// End of the slice (exclusive), in UTF-8 bytes.
    pub end: usize,
    /// Start of the slice, in UTF-16 code units.
    pub start_utf16: usize,
    /// End of the slice (exclusive), in UTF-16 code units.
    pub end_utf16: usize,
    /// Cells taken, the ellipsis included.
    pub width: usize,
    /// True when the line was cut short and ends with `…`.
    pub ellipsis: bool,
}

impl Line {
    /// The line's text (without the ellipsis).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Wrapping parameters: mode, width, and optional truncation.
///
/// # Examples
/// ```
/// use letui_core::wrap::{Wrap, WrapMode};
/// let text = "the quick brown fox";
/// let lines = Wrap::new(WrapMode::Word, 10).max_lines(1).ellipsis(true).lines(text);
/// assert_eq!(lines.len(), 1);
/// assert_eq!(lines[0].text(text), "the quick");
/// assert!(lines[0].ellipsis);
/// assert_eq!(lines[0].width, 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wrap {
    mode: WrapMode,
    width: usize,
    max_lines: usize,
    ellipsis: bool,
}

/// The ellipsis drawn after a line cut short.
pub const ELLIPSIS: char = '…';

/// A line before UTF-16 offsets are known.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    width: usize,
}

impl Wrap {
    /// Wrapping in `mode` to `width` cells (0 behaves as 1), without a line
    /// limit or ellipsis.
    pub fn new(mode: WrapMode, width: usize) -> Wrap {
        Wrap {
            mode,
            width,
            max_lines: usize::MAX,
            ellipsis: false,
        }
    }

    /// Keeps at most `n` lines.
    pub fn max_lines(mut self, n: usize) -> Wrap {
        self.max_lines = n;
        self
    }

    /// Ends lines cut short with `…`.
    pub fn ellipsis(mut self, on: bool) -> Wrap {
        self.ellipsis = on;
        self
    }

    /// The lines of `text`.
    pub fn lines(&self, text: &str) -> Vec<Line> {
        let mut out = Vec::new();
        self.lines_into(text, &mut out);
        out
    }

    /// The lines of `text`, into `out` (cleared first), reusing its
    /// allocation.
    pub fn lines_into(&self, text: &str, out: &mut Vec<Line>) {
        out.clear();
        if self.max_lines == 0 {
            return;
        }
        let mut cut = false;
        let _ = spans(text, self.mode, self.width, |s| {
            if out.len() == self.max_lines {
                cut = true;
                return ControlFlow::Break(());
            }
            let mut line = Line {
                start: s.start,
                end: s.end,
                width: s.width,
                ..Line::default()
            };
            if self.ellipsis && s.width > self.width {
                line = self.truncate(text, line);
            }
            out.push(line);
            ControlFlow::Continue(())
        });
        if cut && self.ellipsis {
            if let Some(last) = out.last_mut() {
                if last.ellipsis {
                    // Already cut short: the ellipsis says it all.
                } else if last.width < self.width.max(1) {
                    last.ellipsis = true;
                    last.width += 1;
                } else {
                    *last = self.truncate(text, *last);
                }
            }
        }
        fill_utf16(text, out);
    }

    /// Cuts `line` to leave a cell for the ellipsis, dropping trailing
    /// whitespace.
    fn truncate(&self, text: &str, line: Line) -> Line {
        let limit = self.width.max(1) - 1;
        let (mut end, mut width) = (line.start, 0);
        let mut w = 0;
        for c in clusters(&text[line.start..line.end]) {
            w += usize::from(c.width);
            if w > limit {
                break;
            }
            if !is_space(c.text) {
                end = line.start + c.offset + c.text.len();
                width = w;
            }
        }
        Line {
            start: line.start,
            end,
            width: width + 1,
            ellipsis: true,
            ..line
        }
    }
}

/// Wraps `text` in `mode` to `width` cells (see the module rules).
///
/// # Examples
/// ```
/// use letui_core::wrap::{wrap, WrapMode};
/// let text = "hello wide 世界";
/// let lines: Vec<&str> = wrap(text, WrapMode::Word, 7).iter().map(|l| l.text(text)).collect();
/// assert_eq!(lines, ["hello", "wide 世", "界"]);
/// ```
pub fn wrap(text: &str, mode: WrapMode, width: usize) -> Vec<Line> {
    Wrap::new(mode, width).lines(text)
}

/// The size of `text` wrapped in `mode` to `max_width` cells (`usize::MAX`
/// for no limit): the width of its widest line and its number of lines.
/// Allocates nothing.
///
/// # Examples
/// ```
/// use letui_core::wrap::{measure, WrapMode};
/// assert_eq!(measure("ab cd ef", WrapMode::Word, 5), (5, 2));
/// assert_eq!(measure("ab cd ef", WrapMode::Word, usize::MAX), (8, 1));
/// assert_eq!(measure("日本", WrapMode::Char, 1), (2, 2));
/// assert_eq!(measure("", WrapMode::Word, 5), (0, 0));
/// ```
pub fn measure(text: &str, mode: WrapMode, max_width: usize) -> (usize, usize) {
    let (mut width, mut height) = (0, 0);
    let _ = spans(text, mode, max_width, |s| {
        width = width.max(s.width);
        height += 1;
        ControlFlow::Continue(())
    });
    (width, height)
}

/// The narrowest width `text` can be wrapped to in `mode` without a line
/// overflowing: its widest cluster in modes `Word` and `Char` (words break
/// between clusters when they must), its widest line in mode `None`.
pub fn min_width(text: &str, mode: WrapMode) -> usize {
    match mode {
        WrapMode::None => measure(text, mode, usize::MAX).0,
        WrapMode::Word | WrapMode::Char => {
            if text.is_ascii() {
                return usize::from(text.bytes().any(|b| (0x20..0x7f).contains(&b)));
            }
            clusters(text)
                .map(|c| usize::from(c.width))
                .max()
                .unwrap_or(0)
        }
    }
}

/// Whitespace that allows a break: a single whitespace character other
/// than the no-break spaces.
#[inline]
fn is_space(cluster: &str) -> bool {
    let mut chars = cluster.chars();
    match (chars.next(), chars.next()) {
        (Some(' '), None) => true,
        (Some(c), None) if !c.is_ascii() || c == '\t' => {
            c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
        }
        _ => false,
    }
}

/// Calls `f` with each line of `text` in order, until it breaks.
fn spans(
    text: &str,
    mode: WrapMode,
    width: usize,
    mut f: impl FnMut(Span) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if text.is_empty() {
        return ControlFlow::Continue(());
    }
    let mut pos = 0;
    loop {
        let (end, next) = match text[pos..].find('\n') {
            Some(i) => {
                let nl = pos + i;
                let end = if nl > pos && text.as_bytes()[nl - 1] == b'\r' {
                    nl - 1
                } else {
                    nl
                };
                (end, Some(nl + 1))
            }
            None => (text.len(), None),
        };
        match mode {
            WrapMode::Word => word_spans(text, pos, end, width, &mut f)?,
            WrapMode::Char => char_spans(text, pos, end, width, &mut f)?,
            WrapMode::None => f(Span {
                start: pos,
                end,
                width: crate::width::str_width(&text[pos..end]),
            })?,
        }
        match next {
            Some(n) => pos = n,
            None => return ControlFlow::Continue(()),
        }
    }
}

/// Mode `Char` on the hard line `text[start..end]`.
fn char_spans(
    text: &str,
    start: usize,
    end: usize,
    width: usize,
    f: &mut impl FnMut(Span) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let line = &text[start..end];
    if line.is_ascii() {
        // One cell per printable byte, none for controls.
        let mut s = start;
        let mut w = 0;
        for (i, b) in line.bytes().enumerate() {
            let cw = usize::from((0x20..0x7f).contains(&b));
            if w + cw > width && w > 0 {
                f(Span {
                    start: s,
                    end: start + i,
                    width: w,
                })?;
                s = start + i;
                w = 0;
            }
            w += cw;
        }
        return f(Span {
            start: s,
            end,
            width: w,
        });
    }
    let mut s = start;
    let mut w = 0;
    for c in clusters(line) {
        let cw = usize::from(c.width);
        if w + cw > width && w > 0 {
            f(Span {
                start: s,
                end: start + c.offset,
                width: w,
            })?;
            s = start + c.offset;
            w = 0;
        }
        w += cw;
    }
    f(Span {
        start: s,
        end,
        width: w,
    })
}

/// Greedy word wrapping state for one hard line.
struct WordState {
    /// Start of the current line.
    start: usize,
    /// End of the content committed to the line (up to the last break
    /// opportunity, without trailing whitespace) and its width.
    committed_end: usize,
    committed_width: usize,
    has_committed: bool,
    /// Width of the whitespace after the committed content (or leading
    /// whitespace when nothing is committed).
    gap: usize,
    /// The word being read: since the last break opportunity.
    in_word: bool,
    word_start: usize,
    word_end: usize,
    word_width: usize,
}

impl WordState {
    fn commit(&mut self) {
        self.committed_width += self.gap + self.word_width;
        self.committed_end = self.word_end;
        self.has_committed = true;
        self.gap = 0;
        self.in_word = false;
        self.word_width = 0;
    }
}

/// Mode `Word` on the hard line `text[start..end]`.
fn word_spans(
    text: &str,
    start: usize,
    end: usize,
    width: usize,
    f: &mut impl FnMut(Span) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut st = WordState {
        start,
        committed_end: start,
        committed_width: 0,
        has_committed: false,
        gap: 0,
        in_word: false,
        word_start: start,
        word_end: start,
        word_width: 0,
    };
    let mut prev_wide = false;
    for c in clusters(&text[start..end]) {
        let (c_start, c_end) = (start + c.offset, start + c.offset + c.text.len());
        let cw = usize::from(c.width);
        if is_space(c.text) {
            if st.in_word {
                st.commit();
            }
            st.gap += cw;
            prev_wide = false;
            continue;
        }
        let wide = cw == 2;
        if st.in_word && (wide || prev_wide) {
            // A break opportunity with no whitespace in it.
            st.commit();
        }
        prev_wide = wide;
        if !st.in_word {
            st.in_word = true;
            st.word_start = c_start;
            st.word_end = c_start;
            st.word_width = 0;
        }
        if st.committed_width + st.gap + st.word_width + cw <= width {
            st.word_width += cw;
            st.word_end = c_end;
            continue;
        }
        // The cluster overflows the line.
        if st.has_committed {
            f(Span {
                start: st.start,
                end: st.committed_end,
                width: st.committed_width,
            })?;
            st.has_committed = false;
            st.committed_width = 0;
        }
        // The whitespace at the break, or the leading whitespace that left
        // no room for the first word, is dropped.
        st.gap = 0;
        st.start = st.word_start;
        st.committed_end = st.word_start;
        if st.word_width + cw <= width {
            st.word_width += cw;
            st.word_end = c_end;
            continue;
        }
        // The word alone is too wide: break it before this cluster.
        if st.word_width > 0 {
            f(Span {
                start: st.start,
                end: st.word_end,
                width: st.word_width,
            })?;
            st.start = c_start;
            st.word_start = c_start;
            st.committed_end = c_start;
            st.word_width = 0;
        }
        // A cluster wider than the limit takes a line of its own.
        st.word_width += cw;
        st.word_end = c_end;
    }
    if st.in_word {
        st.commit();
    }
    f(Span {
        start: st.start,
        end: st.committed_end.max(st.start),
        width: st.committed_width,
    })
}

/// Fills the UTF-16 offsets of `lines` (in text order).
fn fill_utf16(text: &str, lines: &mut [Line]) {
    let bytes = text.as_bytes();
    let (mut byte, mut unit) = (0, 0);
    let mut to = |target: usize| {
        // UTF-16 units: one per character, two for 4-byte characters; so
        // one per non-continuation byte plus one per 4-byte lead.
        unit += bytes[byte..target]
            .iter()
            .map(|&b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0))
            .sum::<usize>();
        byte = target;
        unit
    };
    for l in lines {
        l.start_utf16 = to(l.start);
        l.end_utf16 = to(l.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, mode: WrapMode, width: usize) -> Vec<&str> {
        wrap(text, mode, width)
            .iter()
            .map(|l| l.text(text))
            .collect()
    }

    #[test]
    fn word_wrap_breaks_at_spaces_and_drops_them() {
        assert_eq!(
            texts("the quick brown fox", WrapMode::Word, 10),
            ["the quick", "brown fox"]
        );
        assert_eq!(texts("aaa bbb", WrapMode::Word, 3), ["aaa", "bbb"]);
        assert_eq!(texts("aaa   bbb   ", WrapMode::Word, 3), ["aaa", "bbb"]);
        assert_eq!(texts("a b c d", WrapMode::Word, 3), ["a b", "c d"]);
        let lines = wrap("ab  ", WrapMode::Word, 10);
        assert_eq!((lines[0].end, lines[0].width), (2, 2));
    }

    #[test]
    fn leading_spaces_are_kept_when_they_fit() {
        assert_eq!(texts("  ab cd", WrapMode::Word, 5), ["  ab", "cd"]);
        assert_eq!(texts("    abcd", WrapMode::Word, 5), ["abcd"]);
        assert_eq!(texts("   ", WrapMode::Word, 5), [""]);
    }

    #[test]
    fn long_words_break_between_characters() {
        assert_eq!(
            texts("abcdefgh ij", WrapMode::Word, 3),
            ["abc", "def", "gh", "ij"]
        );
        assert_eq!(texts("ab cdefgh", WrapMode::Word, 4), ["ab", "cdef", "gh"]);
    }

    #[test]
    fn hard_breaks_always_break() {
        assert_eq!(texts("a\nb\r\nc", WrapMode::Word, 10), ["a", "b", "c"]);
        assert_eq!(texts("a\n\nb", WrapMode::None, 10), ["a", "", "b"]);
        assert_eq!(texts("a\n", WrapMode::Char, 10), ["a", ""]);
        assert!(wrap("", WrapMode::Word, 10).is_empty());
    }

    #[test]
    fn wide_clusters_never_straddle_the_limit() {
        assert_eq!(
            texts("日本語です", WrapMode::Word, 5),
            ["日本", "語で", "す"]
        );
        assert_eq!(texts("ab日本", WrapMode::Char, 3), ["ab", "日", "本"]);
        assert_eq!(texts("中文 text", WrapMode::Word, 4), ["中文", "text"]);
        assert_eq!(texts("x中y", WrapMode::Word, 2), ["x", "中", "y"]);
        // Width 1: a wide cluster still gets a line of its own.
        assert_eq!(texts("a中b", WrapMode::Word, 1), ["a", "中", "b"]);
        assert_eq!(texts("中文", WrapMode::Char, 1), ["中", "文"]);
        assert_eq!(texts("ab", WrapMode::Char, 0), ["a", "b"]);
    }

    #[test]
    fn emoji_clusters_stay_whole() {
        let family = "👨\u{200d}👩\u{200d}👧";
        let text = format!("{family}{family} ok");
        let lines = wrap(&text, WrapMode::Char, 3);
        assert_eq!(lines[0].text(&text), family);
        assert_eq!(lines[0].width, 2);
        assert_eq!(lines[0].end_utf16, 8);
        assert_eq!(lines[1].text(&text), format!("{family} "));
        assert_eq!(lines[1].start_utf16, 8);
        assert_eq!(lines[2].text(&text), "ok");
    }

    #[test]
    fn utf16_offsets_follow_the_text() {
        let text = "é😀 ab";
        let l = wrap(text, WrapMode::Word, 3);
        assert_eq!(l.len(), 2);
        assert_eq!((l[0].start_utf16, l[0].end_utf16), (0, 3));
        assert_eq!((l[1].start_utf16, l[1].end_utf16), (4, 6));
        assert_eq!((l[1].start, l[1].end), (7, 9));
    }

    #[test]
    fn mode_none_keeps_lines_whole_or_cuts_with_an_ellipsis() {
        let lines = wrap("hello world\nhi", WrapMode::None, 5);
        assert_eq!(lines[0].width, 11);
        let cut = Wrap::new(WrapMode::None, 5)
            .ellipsis(true)
            .lines("hello world\nhi");
        assert_eq!(cut[0].text("hello world\nhi"), "hell");
        assert_eq!((cut[0].width, cut[0].ellipsis), (5, true));
        assert_eq!((cut[1].width, cut[1].ellipsis), (2, false));
        let spaced = Wrap::new(WrapMode::None, 7)
            .ellipsis(true)
            .lines("ab cd efgh");
        assert_eq!(spaced[0].text("ab cd efgh"), "ab cd");
        let tiny = Wrap::new(WrapMode::None, 1).ellipsis(true).lines("abc");
        assert_eq!((tiny[0].end, tiny[0].width), (0, 1));
        let wide = Wrap::new(WrapMode::None, 4).ellipsis(true).lines("日本語");
        assert_eq!((wide[0].text("日本語"), wide[0].width), ("日", 3));
    }

    #[test]
    fn max_lines_cuts_the_last_line_with_an_ellipsis() {
        let text = "one two three four";
        let w = Wrap::new(WrapMode::Word, 9).max_lines(2);
        let plain = w.lines(text);
        assert_eq!(plain.len(), 2);
        assert!(!plain[1].ellipsis);
        let cut = w.ellipsis(true).lines(text);
        assert_eq!(cut[1].text(text), "three");
        assert_eq!((cut[1].width, cut[1].ellipsis), (6, true));
        // A full last line gives up its last cell for the ellipsis.
        let full = Wrap::new(WrapMode::Char, 3)
            .max_lines(1)
            .ellipsis(true)
            .lines("abcdef");
        assert_eq!((full[0].end, full[0].width), (2, 3));
        // Hard lines left out count too.
        let hard = Wrap::new(WrapMode::Word, 10)
            .max_lines(1)
            .ellipsis(true)
            .lines("a\nb");
        assert_eq!((hard[0].end, hard[0].width, hard[0].ellipsis), (1, 2, true));
        // Nothing left out, no ellipsis.
        let all = Wrap::new(WrapMode::Word, 10)
            .max_lines(2)
            .ellipsis(true)
            .lines("a\nb");
        assert!(all.iter().all(|l| !l.ellipsis));
        assert!(
            Wrap::new(WrapMode::Word, 10)
                .max_lines(0)
                .lines("a")
                .is_empty()
        );
    }

    #[test]
    fn measure_matches_wrap() {
        for (text, mode, w) in [
            ("the quick brown fox", WrapMode::Word, 10),
            ("日本語です", WrapMode::Word, 5),
            ("a\n\nb", WrapMode::None, 1),
            ("abc def", WrapMode::Char, 2),
        ] {
            let lines = wrap(text, mode, w);
            let width = lines.iter().map(|l| l.width).max().unwrap_or(0);
            assert_eq!(measure(text, mode, w), (width, lines.len()), "{text:?}");
        }
        assert_eq!(min_width("hello 世界", WrapMode::Word), 2);
        assert_eq!(min_width("hello", WrapMode::Char), 1);
        assert_eq!(min_width("ab\nabc", WrapMode::None), 3);
        assert_eq!(min_width("", WrapMode::Word), 0);
    }

    #[test]
    fn tabs_and_ideographic_spaces_break_but_nbsp_does_not() {
        assert_eq!(texts("ab\tcd", WrapMode::Word, 3), ["ab", "cd"]);
        assert_eq!(texts("日本\u{3000}語", WrapMode::Word, 4), ["日本", "語"]);
        assert_eq!(texts("ab\u{a0}cd", WrapMode::Word, 3), ["ab\u{a0}", "cd"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { failure_persistence: None, ..Default::default() })]
        #[test]
        fn wrapping_is_total_and_lossless(
            chars in proptest::collection::vec(
                proptest::sample::select(vec![
                    'a', 'b', 'c', ' ', ' ', '\n', '\r', '\t', '中', '日', 'é', '\u{301}', '😀',
                    '\u{200d}', '\u{fe0f}', '\u{a0}', '\u{3000}', '\u{1b}', 'x', 'y', '-',
                ]),
                0..40,
            ),
            width in 1usize..12,
            mode in proptest::sample::select(vec![WrapMode::Word, WrapMode::Char, WrapMode::None]),
        ) {
            let text: String = chars.into_iter().collect();
            let lines = wrap(&text, mode, width);
            let mut pos = 0;
            for l in &lines {
                proptest::prop_assert!(l.start >= pos && l.end >= l.start);
                // What lies between lines is whitespace or line breaks.
                let gap = &text[pos..l.start];
                proptest::prop_assert!(gap.chars().all(|c| is_space(c.encode_utf8(&mut [0; 4])) || c == '\n' || c == '\r'), "gap {:?}", gap);
                let slice = l.text(&text);
                proptest::prop_assert!(!slice.contains('\n'));
                let w = crate::width::str_width(slice);
                proptest::prop_assert_eq!(w, l.width);
                if mode != WrapMode::None {
                    let single = clusters(slice).filter(|c| c.width > 0).count() == 1;
                    proptest::prop_assert!(l.width <= width || single, "line {:?} of width {}", slice, l.width);
                }
                proptest::prop_assert_eq!(l.start_utf16, text[..l.start].encode_utf16().count());
                proptest::prop_assert_eq!(l.end_utf16, text[..l.end].encode_utf16().count());
                pos = l.end;
            }
            let rest = &text[pos..];
            proptest::prop_assert!(rest.chars().all(|c| c.is_whitespace()), "rest {:?}", rest);
            if mode == WrapMode::Char {
                let joined: usize = lines.iter().map(|l| l.end - l.start).sum();
                let breaks = text.matches('\n').count() + text.matches("\r\n").count();
                proptest::prop_assert_eq!(joined + breaks, text.len());
            }
            let (mw, mh) = measure(&text, mode, width);
            proptest::prop_assert_eq!(mh, lines.len());
            proptest::prop_assert_eq!(mw, lines.iter().map(|l| l.width).max().unwrap_or(0));
            let cut = Wrap::new(mode, width).max_lines(2).ellipsis(true).lines(&text);
            proptest::prop_assert!(cut.len() <= 2);
            for l in &cut {
                proptest::prop_assert!(l.width <= width.max(2));
            }
        }
    }
}
