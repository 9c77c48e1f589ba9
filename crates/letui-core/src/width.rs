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

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
    c.width().unwrap_or(0).min(2) as u8
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
    cluster.width().min(2) as u8
}

/// Iterates over the grapheme clusters of `text` with their widths.
///
/// Pure ASCII text takes a fast path that does not run the segmenter (every
/// ASCII byte is its own cluster except `\r\n`, which is a control anyway).
pub fn clusters(text: &str) -> Clusters<'_> {
    Clusters {
        text,
        ascii: text.is_ascii(),
        pos: 0,
        inner: text.grapheme_indices(true),
    }
}

/// Iterator returned by [`clusters`].
#[derive(Debug, Clone)]
pub struct Clusters<'a> {
    text: &'a str,
    ascii: bool,
    pos: usize,
    inner: unicode_segmentation::GraphemeIndices<'a>,
}

impl<'a> Iterator for Clusters<'a> {
    type Item = Cluster<'a>;

    #[inline]
    fn next(&mut self) -> Option<Cluster<'a>> {
        if self.ascii {
            let bytes = self.text.as_bytes();
            let offset = self.pos;
            let &b = bytes.get(offset)?;
            let len = if b == b'\r' && bytes.get(offset + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            self.pos += len;
            return Some(Cluster {
                text: &self.text[offset..offset + len],
                offset,
                width: u8::from((0x20..0x7f).contains(&b) && len == 1),
            });
        }
        let (offset, text) = self.inner.next()?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
