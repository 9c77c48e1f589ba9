//! The style of a layout node: a plain value with CSS flexbox names, in
//! cells, converted to taffy's style when set.

use taffy::style as ts;

use super::error::{LayoutError, LayoutResult};

/// A length: automatic, a number of cells, or a percentage of the
/// containing block (`Percent(50.0)` is 50%).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Length {
    /// Decided by the layout (`auto`).
    #[default]
    Auto,
    /// A number of cells; fractions are allowed, results are rounded.
    Cells(f32),
    /// A percentage of the containing block's size (0..=100 and beyond).
    Percent(f32),
}

/// The four sides of a box, in CSS order.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Edges<T> {
    /// Top side.
    pub top: T,
    /// Right side.
    pub right: T,
    /// Bottom side.
    pub bottom: T,
    /// Left side.
    pub left: T,
}

impl<T: Copy> Edges<T> {
    /// The same value on all four sides.
    pub fn all(v: T) -> Edges<T> {
        Edges {
            top: v,
            right: v,
            bottom: v,
            left: v,
        }
    }
}

/// Whether a node takes part in layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Display {
    /// A flex container (the default).
    #[default]
    Flex,
    /// Hidden: takes no space, and neither does its subtree.
    None,
}

/// How a node is positioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Position {
    /// In the flow, then shifted by its insets. Every node is the
    /// containing block of its absolutely positioned children.
    #[default]
    Relative,
    /// Out of the flow, placed by its insets in its parent's padding box.
    Absolute,
}

/// The main axis of a flex container.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FlexDirection {
    /// Left to right.
    #[default]
    Row,
    /// Top to bottom.
    Column,
    /// Right to left.
    RowReverse,
    /// Bottom to top.
    ColumnReverse,
}

/// Whether flex items wrap onto several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FlexWrap {
    /// One line.
    #[default]
    NoWrap,
    /// Several lines, top to bottom (or left to right).
    Wrap,
    /// Several lines, in reverse order.
    WrapReverse,
}

/// Alignment of items on the cross axis (`align-items`, `align-self`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlignItems {
    /// Cross-start edge.
    Start,
    /// Cross-end edge.
    End,
    /// Flex-relative start.
    FlexStart,
    /// Flex-relative end.
    FlexEnd,
    /// Centered.
    Center,
    /// Along the first baseline (the top, for text in cells).
    Baseline,
    /// Stretched to fill the line.
    Stretch,
}

/// Distribution of space on an axis (`justify-content`, `align-content`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JustifyContent {
    /// Packed at the start.
    Start,
    /// Packed at the end.
    End,
    /// Packed at the flex-relative start.
    FlexStart,
    /// Packed at the flex-relative end.
    FlexEnd,
    /// Centered.
    Center,
    /// Stretched (lines only).
    Stretch,
    /// Even space between items, none at the edges.
    SpaceBetween,
    /// Even space between items and at the edges.
    SpaceEvenly,
    /// Even space around each item (half at the edges).
    SpaceAround,
}

/// What happens to content larger than its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overflow {
    /// Content may spill out of the box.
    #[default]
    Visible,
    /// Content is clipped to the box.
    Hidden,
    /// Content is clipped and may be scrolled; it may be larger than the
    /// box.
    Scroll,
}

/// The style of a layout node. Lengths are in cells.
///
/// The default is CSS's initial flexbox style: a row container, items
/// that do not grow and shrink by 1, automatic sizes, no spacing. Sizes
/// include padding and border (`box-sizing: border-box`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeStyle {
    /// Flex container, or hidden.
    pub display: Display,
    /// Relative (in flow) or absolute.
    pub position: Position,
    /// Offsets: from the normal position (relative), or from the
    /// parent's padding box edges (absolute).
    pub inset: Edges<Length>,
    /// Main axis.
    pub flex_direction: FlexDirection,
    /// Wrapping of items.
    pub flex_wrap: FlexWrap,
    /// Share of free space taken (>= 0).
    pub flex_grow: f32,
    /// Share of missing space given up (>= 0).
    pub flex_shrink: f32,
    /// Initial main size.
    pub flex_basis: Length,
    /// Cross-axis alignment of items; `None` is `stretch`.
    pub align_items: Option<AlignItems>,
    /// This item's cross-axis alignment; `None` follows the container.
    pub align_self: Option<AlignItems>,
    /// Distribution of lines when wrapping; `None` is `stretch`.
    pub align_content: Option<JustifyContent>,
    /// Distribution of items on the main axis; `None` is `flex-start`.
    pub justify_content: Option<JustifyContent>,
    /// Width.
    pub width: Length,
    /// Height.
    pub height: Length,
    /// Smallest width; `Auto` is the content's minimum for flex items.
    pub min_width: Length,
    /// Smallest height.
    pub min_height: Length,
    /// Largest width; `Auto` is none.
    pub max_width: Length,
    /// Largest height.
    pub max_height: Length,
    /// Inner spacing (no `Auto`).
    pub padding: Edges<Length>,
    /// Outer spacing; `Auto` takes free space (centering).
    pub margin: Edges<Length>,
    /// Border widths in cells (the Box component draws 1).
    pub border: Edges<f32>,
    /// Space between lines of items (no `Auto`).
    pub row_gap: Length,
    /// Space between items in a line (no `Auto`).
    pub column_gap: Length,
    /// Horizontal overflow.
    pub overflow_x: Overflow,
    /// Vertical overflow.
    pub overflow_y: Overflow,
}

impl Default for NodeStyle {
    fn default() -> NodeStyle {
        NodeStyle {
            display: Display::Flex,
            position: Position::Relative,
            inset: Edges::all(Length::Auto),
            flex_direction: FlexDirection::Row,
            flex_wrap: FlexWrap::NoWrap,
            flex_grow: 0.0,
            flex_shrink: 1.0,
            flex_basis: Length::Auto,
            align_items: None,
            align_self: None,
            align_content: None,
            justify_content: None,
            width: Length::Auto,
            height: Length::Auto,
            min_width: Length::Auto,
            min_height: Length::Auto,
            max_width: Length::Auto,
            max_height: Length::Auto,
            padding: Edges::all(Length::Cells(0.0)),
            margin: Edges::all(Length::Cells(0.0)),
            border: Edges::all(0.0),
            row_gap: Length::Cells(0.0),
            column_gap: Length::Cells(0.0),
            overflow_x: Overflow::Visible,
            overflow_y: Overflow::Visible,
        }
    }
}

fn bad(name: &str, why: impl std::fmt::Display) -> LayoutError {
    LayoutError::InvalidStyle(format!("{name} {why}"))
}

/// Checks a number: finite, and not negative unless `signed`.
fn number(name: &str, v: f32, signed: bool) -> LayoutResult<f32> {
    if !v.is_finite() {
        return Err(bad(name, format_args!("must be a finite number, got {v}")));
    }
    if !signed && v < 0.0 {
        return Err(bad(name, format_args!("must not be negative, got {v}")));
    }
    Ok(v)
}

fn auto(name: &str, l: Length, signed: bool) -> LayoutResult<ts::LengthPercentageAuto> {
    Ok(match l {
        Length::Auto => ts::LengthPercentageAuto::auto(),
        Length::Cells(v) => ts::LengthPercentageAuto::length(number(name, v, signed)?),
        Length::Percent(v) => ts::LengthPercentageAuto::percent(number(name, v, signed)? / 100.0),
    })
}

fn dimension(name: &str, l: Length) -> LayoutResult<ts::Dimension> {
    Ok(match l {
        Length::Auto => ts::Dimension::auto(),
        Length::Cells(v) => ts::Dimension::length(number(name, v, false)?),
        Length::Percent(v) => ts::Dimension::percent(number(name, v, false)? / 100.0),
    })
}

fn fixed(name: &str, l: Length) -> LayoutResult<ts::LengthPercentage> {
    Ok(match l {
        Length::Auto => return Err(bad(name, "cannot be auto")),
        Length::Cells(v) => ts::LengthPercentage::length(number(name, v, false)?),
        Length::Percent(v) => ts::LengthPercentage::percent(number(name, v, false)? / 100.0),
    })
}

fn edges<T, U>(
    name: &str,
    e: Edges<T>,
    f: impl Fn(&str, T) -> LayoutResult<U>,
) -> LayoutResult<taffy::Rect<U>> {
    Ok(taffy::Rect {
        top: f(&format!("{name} top"), e.top)?,
        right: f(&format!("{name} right"), e.right)?,
        bottom: f(&format!("{name} bottom"), e.bottom)?,
        left: f(&format!("{name} left"), e.left)?,
    })
}

fn align_items(a: AlignItems) -> ts::AlignItems {
    match a {
        AlignItems::Start => ts::AlignItems::START,
        AlignItems::End => ts::AlignItems::END,
        AlignItems::FlexStart => ts::AlignItems::FLEX_START,
        AlignItems::FlexEnd => ts::AlignItems::FLEX_END,
        AlignItems::Center => ts::AlignItems::CENTER,
        AlignItems::Baseline => ts::AlignItems::BASELINE,
        AlignItems::Stretch => ts::AlignItems::STRETCH,
    }
}

fn justify(j: JustifyContent) -> ts::AlignContent {
    match j {
        JustifyContent::Start => ts::AlignContent::START,
        JustifyContent::End => ts::AlignContent::END,
        JustifyContent::FlexStart => ts::AlignContent::FLEX_START,
        JustifyContent::FlexEnd => ts::AlignContent::FLEX_END,
        JustifyContent::Center => ts::AlignContent::CENTER,
        JustifyContent::Stretch => ts::AlignContent::STRETCH,
        JustifyContent::SpaceBetween => ts::AlignContent::SPACE_BETWEEN,
        JustifyContent::SpaceEvenly => ts::AlignContent::SPACE_EVENLY,
        JustifyContent::SpaceAround => ts::AlignContent::SPACE_AROUND,
    }
}

fn overflow(o: Overflow) -> ts::Overflow {
    match o {
        Overflow::Visible => ts::Overflow::Visible,
        Overflow::Hidden => ts::Overflow::Hidden,
        Overflow::Scroll => ts::Overflow::Scroll,
    }
}

impl NodeStyle {
    /// Checks every value and converts the style to taffy's.
    ///
    /// # Errors
    /// [`LayoutError::InvalidStyle`] naming the first bad value: a NaN or
    /// infinite number, a negative size, padding, border, gap, grow or
    /// shrink, or `Auto` where it has no meaning (padding, gap).
    pub fn to_taffy(&self) -> LayoutResult<ts::Style> {
        // Names are only formatted on the error path: setting a valid style
        // allocates nothing.
        let s = ts::Style {
            display: match self.display {
                Display::Flex => ts::Display::Flex,
                Display::None => ts::Display::None,
            },
            position: match self.position {
                Position::Relative => ts::Position::Relative,
                Position::Absolute => ts::Position::Absolute,
            },
            inset: edges_auto("inset", self.inset, true)?,
            flex_direction: match self.flex_direction {
                FlexDirection::Row => ts::FlexDirection::Row,
                FlexDirection::Column => ts::FlexDirection::Column,
                FlexDirection::RowReverse => ts::FlexDirection::RowReverse,
                FlexDirection::ColumnReverse => ts::FlexDirection::ColumnReverse,
            },
            flex_wrap: match self.flex_wrap {
                FlexWrap::NoWrap => ts::FlexWrap::NoWrap,
                FlexWrap::Wrap => ts::FlexWrap::Wrap,
                FlexWrap::WrapReverse => ts::FlexWrap::WrapReverse,
            },
            flex_grow: number("flex grow", self.flex_grow, false)?,
            flex_shrink: number("flex shrink", self.flex_shrink, false)?,
            flex_basis: dimension("flex basis", self.flex_basis)?,
            align_items: self.align_items.map_or(ts::AlignItems::NORMAL, align_items),
            align_self: self.align_self.map(align_items),
            align_content: self.align_content.map_or(ts::AlignContent::NORMAL, justify),
            justify_content: self
                .justify_content
                .map_or(ts::AlignContent::NORMAL, justify),
            size: taffy::Size {
                width: dimension("width", self.width)?,
                height: dimension("height", self.height)?,
            },
            min_size: taffy::Size {
                width: auto("min width", self.min_width, false)?,
                height: auto("min height", self.min_height, false)?,
            },
            max_size: taffy::Size {
                width: auto("max width", self.max_width, false)?,
                height: auto("max height", self.max_height, false)?,
            },
            padding: edges_fixed("padding", self.padding)?,
            margin: edges_auto("margin", self.margin, true)?,
            border: edges_fixed("border", self.border.map_cells())?,
            gap: taffy::Size {
                width: fixed("column gap", self.column_gap)?,
                height: fixed("row gap", self.row_gap)?,
            },
            overflow: taffy::Point {
                x: overflow(self.overflow_x),
                y: overflow(self.overflow_y),
            },
            ..ts::Style::DEFAULT
        };
        Ok(s)
    }
}

fn edges_auto(
    name: &str,
    e: Edges<Length>,
    signed: bool,
) -> LayoutResult<taffy::Rect<ts::LengthPercentageAuto>> {
    let quick = |l: Length| -> Option<ts::LengthPercentageAuto> {
        match l {
            Length::Auto => Some(ts::LengthPercentageAuto::auto()),
            Length::Cells(v) if v.is_finite() && (signed || v >= 0.0) => {
                Some(ts::LengthPercentageAuto::length(v))
            }
            Length::Percent(v) if v.is_finite() && (signed || v >= 0.0) => {
                Some(ts::LengthPercentageAuto::percent(v / 100.0))
            }
            _ => None,
        }
    };
    if let (Some(top), Some(right), Some(bottom), Some(left)) =
        (quick(e.top), quick(e.right), quick(e.bottom), quick(e.left))
    {
        return Ok(taffy::Rect {
            top,
            right,
            bottom,
            left,
        });
    }
    edges(name, e, |n, l| auto(n, l, signed))
}

fn edges_fixed(name: &str, e: Edges<Length>) -> LayoutResult<taffy::Rect<ts::LengthPercentage>> {
    let quick = |l: Length| -> Option<ts::LengthPercentage> {
        match l {
            Length::Cells(v) if v.is_finite() && v >= 0.0 => Some(ts::LengthPercentage::length(v)),
            Length::Percent(v) if v.is_finite() && v >= 0.0 => {
                Some(ts::LengthPercentage::percent(v / 100.0))
            }
            _ => None,
        }
    };
    if let (Some(top), Some(right), Some(bottom), Some(left)) =
        (quick(e.top), quick(e.right), quick(e.bottom), quick(e.left))
    {
        return Ok(taffy::Rect {
            top,
            right,
            bottom,
            left,
        });
    }
    edges(name, e, fixed)
}

impl Edges<f32> {
    fn map_cells(self) -> Edges<Length> {
        Edges {
            top: Length::Cells(self.top),
            right: Length::Cells(self.right),
            bottom: Length::Cells(self.bottom),
            left: Length::Cells(self.left),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_style_converts() {
        let s = NodeStyle::default().to_taffy().unwrap();
        assert_eq!(s.position, ts::Position::Relative);
        assert_eq!(s.flex_shrink, 1.0);
    }

    #[test]
    fn bad_values_are_named() {
        let cases: Vec<(NodeStyle, &str)> = vec![
            (
                NodeStyle {
                    width: Length::Cells(f32::NAN),
                    ..NodeStyle::default()
                },
                "width must be a finite number",
            ),
            (
                NodeStyle {
                    height: Length::Cells(-1.0),
                    ..NodeStyle::default()
                },
                "height must not be negative",
            ),
            (
                NodeStyle {
                    flex_grow: f32::INFINITY,
                    ..NodeStyle::default()
                },
                "flex grow must be a finite number",
            ),
            (
                NodeStyle {
                    padding: Edges {
                        left: Length::Auto,
                        ..Edges::all(Length::Cells(1.0))
                    },
                    ..NodeStyle::default()
                },
                "padding left cannot be auto",
            ),
            (
                NodeStyle {
                    border: Edges {
                        top: -1.0,
                        ..Edges::all(0.0)
                    },
                    ..NodeStyle::default()
                },
                "border top must not be negative",
            ),
            (
                NodeStyle {
                    row_gap: Length::Percent(f32::NAN),
                    ..NodeStyle::default()
                },
                "row gap must be a finite number",
            ),
        ];
        for (style, message) in cases {
            let e = style.to_taffy().unwrap_err().to_string();
            assert!(e.contains(message), "{e}");
        }
    }

    #[test]
    fn negative_margins_and_insets_are_allowed() {
        let s = NodeStyle {
            margin: Edges::all(Length::Cells(-2.0)),
            inset: Edges::all(Length::Percent(-10.0)),
            ..NodeStyle::default()
        };
        assert!(s.to_taffy().is_ok());
    }
}
