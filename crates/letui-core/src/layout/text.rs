//! Text leaves: their content, wrap mode, and measurement for taffy.

use taffy::{AvailableSpace, Size};

use crate::wrap::{self, WrapMode};

/// The text of a text leaf and how it wraps, with cached measurements.
#[derive(Debug, Clone)]
pub(crate) struct TextNode {
    pub(crate) text: String,
    pub(crate) mode: WrapMode,
    pub(crate) ellipsis: bool,
    /// Width and height without a width limit.
    natural: Option<(usize, usize)>,
    /// Narrowest width without overflow.
    min_width: Option<usize>,
    /// The last limited measurement: limit, (width, height).
    last: Option<(usize, (usize, usize))>,
    /// Every measurement taffy asked for since the node was last marked
    /// dirty, with its answer: its layout cache can hold nothing else.
    asked: Vec<Asked>,
    /// More distinct questions than [`MAX_ASKED`] were asked.
    asked_too_many: bool,
}

/// A measure call: what taffy knew, the space it offered, and the answer.
type Asked = (Size<Option<f32>>, Size<AvailableSpace>, Size<f32>);

/// How many distinct measure calls a node remembers. A text leaf is
/// usually asked two to four times per layout; beyond this a text change
/// simply re-runs the layout.
const MAX_ASKED: usize = 16;

impl TextNode {
    pub(crate) fn new(text: &str, mode: WrapMode, ellipsis: bool) -> TextNode {
        TextNode {
            text: text.to_string(),
            mode,
            ellipsis,
            natural: None,
            min_width: None,
            last: None,
            asked: Vec::new(),
            asked_too_many: false,
        }
    }

    /// True when the content and options are already these.
    pub(crate) fn is(&self, text: &str, mode: WrapMode, ellipsis: bool) -> bool {
        self.mode == mode && self.ellipsis == ellipsis && self.text == text
    }

    /// Replaces the content, dropping cached measurements. Returns true
    /// when the layout must run again: false when the new content gives
    /// the same answer to every measurement taffy asked for since the node
    /// was last marked dirty (taffy's cache for the node, and so every
    /// rectangle, stays right: a counter ticking in a fixed-width label
    /// costs no layout pass). When true, the caller marks the node dirty.
    pub(crate) fn set(&mut self, text: &str, mode: WrapMode, ellipsis: bool) -> bool {
        self.text.clear();
        self.text.push_str(text);
        self.mode = mode;
        self.ellipsis = ellipsis;
        self.natural = None;
        self.min_width = None;
        self.last = None;
        let mut asked = std::mem::take(&mut self.asked);
        // Nothing asked: the node is dirty already, or was never reached
        // (outside the laid-out tree, under `display: none`); say so.
        let same = !self.asked_too_many
            && !asked.is_empty()
            && asked
                .iter()
                .all(|&(known, available, answer)| self.answer(known, available) == answer);
        if same {
            self.asked = asked;
        } else {
            asked.clear();
            self.asked = asked;
            self.asked_too_many = false;
        }
        !same
    }

    fn natural(&mut self) -> (usize, usize) {
        *self
            .natural
            .get_or_insert_with(|| wrap::measure(&self.text, self.mode, usize::MAX))
    }

    fn min_width(&mut self) -> usize {
        if self.mode == WrapMode::None && self.ellipsis {
            return self.natural().0.min(1);
        }
        *self
            .min_width
            .get_or_insert_with(|| wrap::min_width(&self.text, self.mode))
    }

    /// Width and height in cells when wrapped to `limit` cells.
    fn size(&mut self, limit: usize) -> (usize, usize) {
        let natural = self.natural();
        if limit >= natural.0 {
            return natural;
        }
        if self.mode == WrapMode::None {
            return if self.ellipsis {
                (limit.max(1).min(natural.0), natural.1)
            } else {
                natural
            };
        }
        if let Some((l, size)) = self.last {
            if l == limit {
                return size;
            }
        }
        let size = wrap::measure(&self.text, self.mode, limit.max(1));
        self.last = Some((limit, size));
        size
    }

    /// The measure function of a text leaf (remembering the question; see
    /// [`set`](Self::set)).
    pub(crate) fn measure(
        &mut self,
        known: Size<Option<f32>>,
        available: Size<AvailableSpace>,
    ) -> Size<f32> {
        let answer = self.answer(known, available);
        if !self.asked_too_many
            && !self
                .asked
                .iter()
                .any(|&(k, a, _)| k == known && a == available)
        {
            if self.asked.len() < MAX_ASKED {
                self.asked.push((known, available, answer));
            } else {
                self.asked_too_many = true;
            }
        }
        answer
    }

    fn answer(&mut self, known: Size<Option<f32>>, available: Size<AvailableSpace>) -> Size<f32> {
        let limit = match (known.width, available.width) {
            (Some(w), _) | (None, AvailableSpace::Definite(w)) => cells(w),
            (None, AvailableSpace::MinContent) => self.min_width(),
            (None, AvailableSpace::MaxContent) => usize::MAX,
        };
        let (w, h) = self.size(limit);
        Size {
            width: known.width.unwrap_or(w as f32),
            height: known.height.unwrap_or(h as f32),
        }
    }
}

/// Whole cells in a layout length (tolerating float noise just below an
/// integer).
pub(crate) fn cells(v: f32) -> usize {
    // `as` truncates toward zero (floor, for positive values) and
    // saturates; NaN becomes 0.
    if v > 0.0 { (v + 1e-3) as usize } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(t: &mut TextNode, w: AvailableSpace) -> (f32, f32) {
        let s = t.measure(
            Size {
                width: None,
                height: None,
            },
            Size {
                width: w,
                height: AvailableSpace::MaxContent,
            },
        );
        (s.width, s.height)
    }

    #[test]
    fn measures_under_each_constraint() {
        let mut t = TextNode::new("hello big world", WrapMode::Word, false);
        assert_eq!(size(&mut t, AvailableSpace::MaxContent), (15.0, 1.0));
        assert_eq!(size(&mut t, AvailableSpace::Definite(9.5)), (9.0, 2.0));
        assert_eq!(size(&mut t, AvailableSpace::Definite(9.9999)), (9.0, 2.0));
        assert_eq!(size(&mut t, AvailableSpace::MinContent), (1.0, 13.0));
        let mut none = TextNode::new("hello world", WrapMode::None, true);
        assert_eq!(size(&mut none, AvailableSpace::Definite(4.0)), (4.0, 1.0));
        assert_eq!(size(&mut none, AvailableSpace::MinContent), (1.0, 1.0));
        none.set("hello world", WrapMode::None, false);
        assert_eq!(size(&mut none, AvailableSpace::Definite(4.0)), (11.0, 1.0));
    }

    #[test]
    fn cells_floor_with_tolerance() {
        assert_eq!(cells(3.0), 3);
        assert_eq!(cells(2.9995), 3);
        assert_eq!(cells(3.7), 3);
        assert_eq!(cells(-1.0), 0);
        assert_eq!(cells(f32::NAN), 0);
    }
}
