//! Grapheme clusters and their display width.
//!
//! Every place that needs to know how many cells a piece of text takes (the
//! screen when drawing, the layout when measuring, the input when moving the
//! caret) asks this module, so they all agree.
//!
//! The rules:
//! - text is split into extended grapheme clusters (UAX #29);
//! - a cluster that starts with a control character (C0, DEL, C1) has width 0
//!   and is never drawn: it must not reach the terminal;
//! - otherwise the width is the cluster's East Asian width as computed by
//!   `unicode-width` for the whole cluster (so an emoji ZWJ sequence, a flag
//!   or a keycap takes 2 cells, `e` + combining acute takes 1), clamped to 2;
//! - a cluster of width 0 (a lone zero-width space or joiner, a combining mark
//!   with nothing to combine with) is skipped by drawing.
//!
//! Terminals do not all follow these rules, so they are a chosen profile
//! ([`set_widths`], process-wide): [`Clustering::Graphemes`] as above
//! (kitty, WezTerm, foot, Ghostty, any terminal in mode 2027), or
//! [`Clustering::PerCodePoint`] as xterm, tmux, VTE and Alacritty do:
//! every code point with a width starts a cell of that width, and the
//! zero-width ones after it stay in that cell (a flag is two cells of one
//! regional indicator each, a family of emoji one cell per person). East
//! Asian ambiguous characters take 1 cell, or 2 with `ambiguous_wide`.

use std::sync::atomic::{AtomicU8, Ordering};

use unicode_segmentation::GraphemeCursor;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How a terminal groups code points into cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clustering {
    /// Extended grapheme clusters, each as wide as the whole cluster.
    #[default]
    Graphemes,
    /// One cell per code point that has a width, as wide as that code point.
    PerCodePoint,
}

/// The width profile: see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Widths {
    /// How code points form cells.
    pub clustering: Clustering,
    /// East Asian ambiguous characters take 2 cells instead of 1.
    pub ambiguous_wide: bool,
}

/// The profile in force: bit 0 per code point, bit 1 ambiguous wide.
static WIDTHS: AtomicU8 = AtomicU8::new(0);
const PER_CODE_POINT: u8 = 1;
const AMBIGUOUS_WIDE: u8 = 2;

/// Chooses the width profile for the whole process. Set it before text
/// is laid out or drawn: measurements made before are not redone.
pub fn set_widths(w: Widths) {
    let bits = if w.clustering == Clustering::PerCodePoint {
        PER_CODE_POINT
    } else {
        0
    } | if w.ambiguous_wide { AMBIGUOUS_WIDE } else { 0 };
    WIDTHS.store(bits, Ordering::Relaxed);
}

/// The width profile in force.
pub fn widths() -> Widths {
    let bits = WIDTHS.load(Ordering::Relaxed);
    Widths {
        clustering: if bits & PER_CODE_POINT != 0 {
            Clustering::PerCodePoint
        } else {
            Clustering::Graphemes
        },
        ambiguous_wide: bits & AMBIGUOUS_WIDE != 0,
    }
}

#[inline]
fn profile_bits() -> u8 {
    WIDTHS.load(Ordering::Relaxed)
}

/// One grapheme cluster of a string and the number of cells it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster<'a> {
    /// The cluster's text, a slice of the input.
    pub text: &'a str,
    /// Byte offset of the cluster in the input.
    pub offset: usize,
    /// Cells taken: 0 (not drawable), 1 or 2.
    pub width: u8,
}

/// Returns true for C0 controls, DEL and C1 controls.
#[inline]
pub fn is_control(c: char) -> bool {
    let c = c as u32;
    c < 0x20 || (0x7f..0xa0).contains(&c)
}

/// Width of a single character drawn on its own: 0, 1 or 2.
///
/// Control characters and zero-width characters have width 0.
///
/// # Examples
/// ```
/// use letui_core::width::char_width;
/// assert_eq!(char_width('a'), 1);
/// assert_eq!(char_width('中'), 2);
/// assert_eq!(char_width('\u{301}'), 0);
/// assert_eq!(char_width('\x1b'), 0);
/// ```
#[inline]
pub fn char_width(c: char) -> u8 {
    if (c as u32) < 0x7f {
        return u8::from(c as u32 >= 0x20);
    }
    if is_control(c) {
        return 0;
    }
    let w = if profile_bits() & AMBIGUOUS_WIDE != 0 {
        c.width_cjk()
    } else {
        c.width()
    };
    w.unwrap_or(0).min(2) as u8
}

/// True when terminals agree on the width of `c` printed alone, so that a
/// renderer may trust its cursor column after it.
///
/// They agree on printable ASCII, on narrow letters and marks outside the
/// symbol blocks (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic
/// and other scripts below U+2000), and on the wide CJK, Hangul syllable
/// and fullwidth blocks. They disagree on East Asian ambiguous characters
/// (1 or 2 by setting), on symbols and emoji (text or emoji presentation,
/// and the Unicode version of each terminal's tables: U+1F9CC is 2 cells
/// here and 1 in xterm.js), and on code points their tables lack.
///
/// # Examples
/// ```
/// use letui_core::width::width_is_certain;
/// assert!(width_is_certain('a') && width_is_certain('é') && width_is_certain('中'));
/// assert!(!width_is_certain('\u{1f9cc}') && !width_is_certain('☎') && !width_is_certain('±'));
/// ```
#[inline]
pub fn width_is_certain(c: char) -> bool {
    let u = c as u32;
    if u < 0x7f {
        return u >= 0x20;
    }
    let (Some(w), Some(cjk)) = (c.width(), c.width_cjk()) else {
        return false;
    };
    if w != cjk {
        return false;
    }
    match w {
        1 => (0xa0..0x2000).contains(&u) && !(0x1100..0x1200).contains(&u),
        2 => {
            matches!(u, 0x2e80..=0x303e | 0x3041..=0x33ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xa000..=0xa4cf | 0xac00..=0xd7a3 | 0xf900..=0xfaff | 0xff01..=0xff60 | 0xffe0..=0xffe6 | 0x20000..=0x2fffd | 0x30000..=0x3fffd)
        }
        _ => false,
    }
}

/// Width of one grapheme cluster: 0, 1 or 2.
///
/// # Examples
/// ```
/// use letui_core::width::cluster_width;
/// assert_eq!(cluster_width("e\u{301}"), 1);
/// assert_eq!(cluster_width("👨\u{200d}👩\u{200d}👧"), 2);
/// assert_eq!(cluster_width("\u{200b}"), 0);
/// assert_eq!(cluster_width("\r\n"), 0);
/// ```
#[inline]
pub fn cluster_width(cluster: &str) -> u8 {
    let mut chars = cluster.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    if chars.as_str().is_empty() {
        return char_width(first);
    }
    if is_control(first) {
        return 0;
    }
    let bits = profile_bits();
    if bits & PER_CODE_POINT != 0 {
        let sum: u32 = cluster.chars().map(|c| u32::from(char_width(c))).sum();
        return sum.min(2) as u8;
    }
    let w = if bits & AMBIGUOUS_WIDE != 0 {
        cluster.width_cjk()
    } else {
        cluster.width()
    };
    w.min(2) as u8
}

/// True for characters that always form a grapheme cluster boundary on
/// both sides when their neighbour is ASCII or another such character:
/// their Grapheme_Cluster_Break property is `Other` (or a Hangul syllable,
/// whose only joining partners are jamo, which are not in this set), so no
/// UAX #29 rule can join them with such a neighbour. Conservative: anything
/// not listed takes the full segmentation path.
#[inline]
fn is_simple(c: char) -> bool {
    matches!(c as u32,
        0xa0..=0xac | 0xae..=0x2ff // Latin-1 (but soft hyphen), Latin Extended, IPA, modifiers
        | 0x370..=0x482 | 0x48a..=0x52f // Greek, Cyrillic (but combining)
        | 0x2010..=0x2027 | 0x2030..=0x205e // punctuation
        | 0x2190..=0x23ff | 0x2500..=0x25ff // arrows, technical, box drawing, blocks, shapes
        | 0x3001..=0x3029 | 0x3031..=0x303c | 0x3041..=0x3096 | 0x30a1..=0x30fa | 0x30fc..=0x30ff
        | 0x3400..=0x4dbf | 0x4e00..=0x9fff // CJK ideographs
        | 0xac00..=0xd7a3 // Hangul syllables
        | 0xff01..=0xff60 // fullwidth forms
    )
}

/// Iterates over the grapheme clusters of `text` with their widths.
///
/// Runs of ASCII and of common scripts whose characters never join (see
/// `is_simple`) are split without the segmenter; everything else
/// (combining marks, emoji sequences, jamo, regional indicators, Indic
/// scripts) goes through full UAX #29 segmentation. The result is the same
/// as segmenting everything.
pub fn clusters(text: &str) -> Clusters<'_> {
    Clusters { text, pos: 0 }
}

/// Iterator returned by [`clusters`].
#[derive(Debug, Clone)]
pub struct Clusters<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Clusters<'a> {
    /// The end of the cluster starting at `pos` (not at the end).
    #[inline]
    fn cluster_end(&self, pos: usize) -> usize {
        let bytes = self.text.as_bytes();
        let b = bytes[pos];
        if profile_bits() & PER_CODE_POINT != 0 {
            return self.code_point_end(pos);
        }
        if b < 0x80 {
            match bytes.get(pos + 1) {
                None => return pos + 1,
                Some(b'\n') if b == b'\r' => return pos + 2,
                Some(&n) if n < 0x80 => return pos + 1,
                Some(_) => {
                    let next = self.text[pos + 1..].chars().next();
                    if next.is_some_and(is_simple) {
                        return pos + 1;
                    }
                }
            }
        } else {
            let mut chars = self.text[pos..].chars();
            if let Some(c) = chars.next() {
                if is_simple(c) {
                    let end = pos + c.len_utf8();
                    match chars.next() {
                        None => return end,
                        Some(d) if d.is_ascii() || is_simple(d) => return end,
                        Some(_) => {}
                    }
                }
            }
        }
        let mut cursor = GraphemeCursor::new(pos, self.text.len(), true);
        match cursor.next_boundary(self.text, 0) {
            Ok(Some(end)) => end,
            // The whole text is one chunk, so no more context is ever
            // needed; step one character if the cursor says otherwise.
            _ => pos + self.text[pos..].chars().next().map_or(1, char::len_utf8),
        }
    }
}

impl Clusters<'_> {
    /// Per code point: the code point at `pos` and the zero-width,
    /// non-control code points after it (none after a control).
    fn code_point_end(&self, pos: usize) -> usize {
        let mut chars = self.text[pos..].char_indices();
        let Some((_, first)) = chars.next() else {
            return pos + 1;
        };
        if is_control(first) {
            return pos + first.len_utf8();
        }
        for (i, c) in chars {
            if is_control(c) || char_width(c) != 0 {
                return pos + i;
            }
        }
        self.text.len()
    }
}

impl<'a> Iterator for Clusters<'a> {
    type Item = Cluster<'a>;

    #[inline]
    fn next(&mut self) -> Option<Cluster<'a>> {
        let offset = self.pos;
        if offset >= self.text.len() {
            return None;
        }
        let end = self.cluster_end(offset);
        self.pos = end;
        let text = &self.text[offset..end];
        Some(Cluster {
            text,
            offset,
            width: cluster_width(text),
        })
    }
}

/// Display width of a whole string: the sum of its clusters' widths.
///
/// # Examples
/// ```
/// use letui_core::width::str_width;
/// assert_eq!(str_width("héllo"), 5);
/// assert_eq!(str_width("日本語"), 6);
/// assert_eq!(str_width("a\tb"), 2);
/// ```
pub fn str_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| (0x20..0x7f).contains(b)).count();
    }
    clusters(text).map(|c| usize::from(c.width)).sum()
}

/// Prepended concatenation marks and the like (grapheme break property
/// Prepend): whatever follows joins their cluster.
fn is_prepend(c: char) -> bool {
    matches!(c as u32,
        0x600..=0x605 | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0xd4e | 0x110bd | 0x110cd
        | 0x111c2..=0x111c3 | 0x1193f | 0x11941 | 0x11a3a | 0x11a84..=0x11a89 | 0x11d46 | 0x11f02)
}

/// True for a code point that never extends the cluster before it (one
/// that does not end with a prepended mark or a zero-width joiner, which a
/// screen never keeps at a cluster's end): printable ASCII and the
/// [`is_simple`] letters and symbols of most screens, but a Hangul
/// syllable only when it does not follow a leading jamo. Other code points
/// may, and are looked up.
fn never_extends(c: char, after: char) -> bool {
    match c as u32 {
        0x20..=0x7e => true,
        0xac00..=0xd7a3 => !matches!(after as u32, 0x1100..=0x115f | 0xa960..=0xa97f),
        _ => is_simple(c),
    }
}

/// True when `next`, printed right after the cluster `left`, would extend
/// it into one grapheme cluster (extended grapheme rules): a spacing mark
/// after its base, an emoji modifier after an emoji, a second regional
/// indicator, Hangul jamo that compose, anything after a prepended mark.
///
/// ```
/// use letui_core::width::joins;
/// assert!(joins("\u{915}", "\u{93f}"));
/// assert!(joins("🇺", "🇸"));
/// assert!(!joins("a", "b"));
/// assert!(!joins("中", "文"));
/// ```
pub fn joins(left: &str, next: &str) -> bool {
    use unicode_segmentation::{GraphemeCursor, GraphemeIncomplete};
    let (Some(l), Some(n)) = (left.chars().next_back(), next.chars().next()) else {
        return false;
    };
    if !is_prepend(l) && never_extends(n, l) {
        // Most text: nothing to segment.
        return false;
    }
    let total = left.len() + next.len();
    let mut cursor = GraphemeCursor::new(left.len(), total, true);
    loop {
        match cursor.is_boundary(next, left.len()) {
            Ok(boundary) => return !boundary,
            Err(GraphemeIncomplete::PreContext(_)) => cursor.provide_context(left, 0),
            // Both sides are whole: nothing else can be asked for.
            Err(_) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_answer_of_joins_agrees_with_segmentation() {
        use unicode_segmentation::UnicodeSegmentation;
        // Every code point taken as never extending, after neighbours of
        // every kind, is a boundary by the segmentation tables.
        let lefts = [
            "a",
            "中",
            "\u{915}",
            "\u{915}\u{94d}",
            "👍",
            "🇺",
            "\u{1100}",
            "\u{ac00}",
            "e\u{301}",
            " ",
        ];
        for cp in (0x20..0x3_0000u32).step_by(3) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for left in lefts {
                let l = left.chars().next_back().unwrap();
                if never_extends(c, l) {
                    let s = format!("{left}{c}");
                    assert_eq!(
                        s.graphemes(true).next(),
                        Some(left),
                        "{left:?} then U+{cp:04X}"
                    );
                }
            }
        }
        assert!(joins("\u{600}", "1"));
        assert!(joins("\u{1100}", "\u{ac00}"));
        assert!(!joins("\u{ac00}", "\u{ac00}"));
        assert!(joins("👍", "🏽"));
        assert!(joins(" ", "\u{e33}"));
    }

    use super::*;

    #[test]
    fn the_edges_of_the_control_ranges() {
        // Space is the first printable character, tilde the last ASCII one;
        // DEL and C1 are controls, NBSP is not.
        for (c, control, width) in [
            ('\x00', true, 0),
            ('\x1f', true, 0),
            (' ', false, 1),
            ('~', false, 1),
            ('\x7f', true, 0),
            ('\u{80}', true, 0),
            ('\u{9f}', true, 0),
            ('\u{a0}', false, 1),
        ] {
            assert_eq!(is_control(c), control, "{c:?}");
            assert_eq!(char_width(c), width, "{c:?}");
            assert_eq!(cluster_width(c.encode_utf8(&mut [0; 4])), width, "{c:?}");
        }
        // A cluster led by a control is 0 wide even with marks after it.
        assert_eq!(cluster_width("\x7f\u{301}"), 0);
        assert_eq!(cluster_width(" \u{301}"), 1);
    }
    use unicode_segmentation::UnicodeSegmentation;

    fn segmented(s: &str) -> Vec<Cluster<'_>> {
        s.grapheme_indices(true)
            .map(|(offset, text)| Cluster {
                text,
                offset,
                width: cluster_width(text),
            })
            .collect()
    }

    #[test]
    fn fast_paths_agree_with_the_segmenter() {
        for s in [
            "abc\r\nd",
            "e\u{301}x",
            "日本語e\u{301}",
            "가\u{11a8}각",
            "\u{1100}\u{1161}\u{11a8}",
            "🇺🇸🇯🇵a",
            "a\u{200d}b",
            "😀\u{200d}😀",
            "क्षि",
            "\u{600}a",
            "x\u{feff}y",
            "ﾊﾟ",
            "か\u{3099}",
            "©\u{fe0f}",
            "a\r",
            "中\r\n",
        ] {
            assert_eq!(clusters(s).collect::<Vec<_>>(), segmented(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { failure_persistence: None, ..Default::default() })]
        #[test]
        fn any_text_segments_like_the_segmenter(chars in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::char::range('\0', '\x7f'),
                proptest::sample::select(vec![
                    '\r', '\n', 'é', '\u{301}', '\u{308}', '中', '가', '\u{1100}', '\u{1161}',
                    '\u{11a8}', '\u{1f1fa}', '\u{1f1f8}', '\u{200d}', '\u{fe0f}', '😀', '👍',
                    '\u{1f3fd}', 'क', '\u{94d}', '\u{93f}', '\u{600}', '\u{ad}', 'か', '\u{3099}',
                    '\u{ff8a}', '\u{ff9f}', '©', '—', '─', '\u{200b}', '\u{85}', 'Ω', 'Ж', '\u{483}',
                ]),
                proptest::char::any(),
            ],
            0..24,
        )) {
            let s: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(clusters(&s).collect::<Vec<_>>(), segmented(&s));
        }
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        for s in ["hello world", "a\r\nb", "\x1b[31m", "tab\there", ""] {
            let fast: Vec<_> = clusters(s).collect();
            let slow: Vec<_> = s
                .grapheme_indices(true)
                .map(|(offset, text)| Cluster {
                    text,
                    offset,
                    width: cluster_width(text),
                })
                .collect();
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    #[test]
    fn widths_of_scripts() {
        let cases: &[(&str, usize)] = &[
            ("abc", 3),
            ("中文", 4),
            ("한국어", 6),
            ("こんにちは", 10),
            ("🇺🇸", 2),
            ("👍🏽", 2),
            ("❤\u{fe0f}", 2),
            ("❤", 1),
            ("1\u{fe0f}\u{20e3}", 2),
            ("ก\u{e48}", 1),
            ("\u{200b}", 0),
            ("\u{0}\u{7}\u{85}", 0),
        ];
        for &(s, w) in cases {
            assert_eq!(str_width(s), w, "{s:?}");
        }
    }

    #[test]
    fn control_led_cluster_is_not_drawable() {
        // A combining mark after a control character forms one cluster with it
        // in some segmentations; it must still count as a control.
        assert_eq!(cluster_width("\u{1b}\u{301}"), 0);
        assert_eq!(cluster_width("\r\n"), 0);
    }

    #[test]
    fn offsets_cover_the_input() {
        let s = "a中\u{301}👨\u{200d}👩b";
        let mut next = 0;
        for c in clusters(s) {
            assert_eq!(c.offset, next);
            next += c.text.len();
        }
        assert_eq!(next, s.len());
    }
}
