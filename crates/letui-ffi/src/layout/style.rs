//! Decoding a node's style from its wire form: `LETUI_LAYOUT_STYLE_WORDS`
//! `f32` words at the `LETUI_STYLE_*` offsets, units and enumerations as
//! whole numbers, every value checked (an out-of-range word is an error
//! naming the field).

use letui_core::layout::{
    AlignItems, Display, Edges, FlexDirection, FlexWrap, JustifyContent, Length, NodeStyle,
    Overflow, Position,
};

use super::STYLE_WORDS;
use crate::abi::{
    LETUI_STYLE_ALIGN_CONTENT, LETUI_STYLE_ALIGN_ITEMS, LETUI_STYLE_ALIGN_SELF, LETUI_STYLE_BORDER,
    LETUI_STYLE_COLUMN_GAP, LETUI_STYLE_DISPLAY, LETUI_STYLE_FLEX_BASIS,
    LETUI_STYLE_FLEX_DIRECTION, LETUI_STYLE_FLEX_GROW, LETUI_STYLE_FLEX_SHRINK,
    LETUI_STYLE_FLEX_WRAP, LETUI_STYLE_HEIGHT, LETUI_STYLE_INSET, LETUI_STYLE_JUSTIFY_CONTENT,
    LETUI_STYLE_MARGIN, LETUI_STYLE_MAX_HEIGHT, LETUI_STYLE_MAX_WIDTH, LETUI_STYLE_MIN_HEIGHT,
    LETUI_STYLE_MIN_WIDTH, LETUI_STYLE_OVERFLOW_X, LETUI_STYLE_OVERFLOW_Y, LETUI_STYLE_PADDING,
    LETUI_STYLE_POSITION, LETUI_STYLE_ROW_GAP, LETUI_STYLE_WIDTH, LetuiAlign, LetuiJustify,
    LetuiUnit,
};
use crate::error::{FfiError, FfiResult};

/// Decodes an enumeration word.
fn choice(style: &[f32], word: u32, name: &str, max: u32) -> FfiResult<u32> {
    let v = style[word as usize];
    if v.fract() != 0.0 || !(0.0..=max as f32).contains(&v) {
        return Err(FfiError::arg(format!(
            "invalid style: {name} (word {word}) must be an integer in 0..={max}, got {v}"
        )));
    }
    Ok(v as u32)
}

/// Decodes a length: unit word, value word.
fn length(style: &[f32], word: u32, name: &str) -> FfiResult<Length> {
    let value = style[word as usize + 1];
    let unit = choice(
        style,
        word,
        &format!("{name} unit"),
        LetuiUnit::Percent as u32,
    )?;
    Ok(if unit == LetuiUnit::Auto as u32 {
        Length::Auto
    } else if unit == LetuiUnit::Cells as u32 {
        Length::Cells(value)
    } else {
        Length::Percent(value)
    })
}

fn edges(style: &[f32], word: u32, name: &str) -> FfiResult<Edges<Length>> {
    Ok(Edges {
        top: length(style, word, &format!("{name} top"))?,
        right: length(style, word + 2, &format!("{name} right"))?,
        bottom: length(style, word + 4, &format!("{name} bottom"))?,
        left: length(style, word + 6, &format!("{name} left"))?,
    })
}

/// Alignments in [`LetuiAlign`] order (1-based; 0 is the default).
const ALIGN: [AlignItems; 7] = [
    AlignItems::Start,
    AlignItems::End,
    AlignItems::FlexStart,
    AlignItems::FlexEnd,
    AlignItems::Center,
    AlignItems::Baseline,
    AlignItems::Stretch,
];

/// Distributions in [`LetuiJustify`] order (1-based; 0 is the default).
const JUSTIFY: [JustifyContent; 9] = [
    JustifyContent::Start,
    JustifyContent::End,
    JustifyContent::FlexStart,
    JustifyContent::FlexEnd,
    JustifyContent::Center,
    JustifyContent::Stretch,
    JustifyContent::SpaceBetween,
    JustifyContent::SpaceEvenly,
    JustifyContent::SpaceAround,
];

const _: () = assert!(
    ALIGN.len() == LetuiAlign::Stretch as usize
        && JUSTIFY.len() == LetuiJustify::SpaceAround as usize
);

fn align(s: &[f32], word: u32, name: &str) -> FfiResult<Option<AlignItems>> {
    let v = choice(s, word, name, LetuiAlign::Stretch as u32)? as usize;
    Ok(v.checked_sub(1).map(|i| ALIGN[i]))
}

fn justify(s: &[f32], word: u32, name: &str) -> FfiResult<Option<JustifyContent>> {
    let v = choice(s, word, name, LetuiJustify::SpaceAround as u32)? as usize;
    Ok(v.checked_sub(1).map(|i| JUSTIFY[i]))
}

/// Picks the variant numbered by an enumeration word from `table`
/// (numbered from 0).
fn pick<T: Copy>(s: &[f32], word: u32, name: &str, table: &[T]) -> FfiResult<T> {
    Ok(table[choice(s, word, name, table.len() as u32 - 1)? as usize])
}

/// Decodes the style block (value ranges are checked by the core).
pub(super) fn decode_style(s: &[f32; STYLE_WORDS]) -> FfiResult<NodeStyle> {
    let border = edges(s, LETUI_STYLE_BORDER, "border")?;
    let cells = |l: Length, side: &str| match l {
        Length::Cells(v) => Ok(v),
        _ => Err(FfiError::arg(format!(
            "invalid style: border {side} must be in cells (unit {})",
            LetuiUnit::Cells as u32
        ))),
    };
    let overflow = [Overflow::Visible, Overflow::Hidden, Overflow::Scroll];
    Ok(NodeStyle {
        display: pick(
            s,
            LETUI_STYLE_DISPLAY,
            "display",
            &[Display::Flex, Display::None],
        )?,
        position: pick(
            s,
            LETUI_STYLE_POSITION,
            "position",
            &[Position::Relative, Position::Absolute],
        )?,
        flex_direction: pick(
            s,
            LETUI_STYLE_FLEX_DIRECTION,
            "flex direction",
            &[
                FlexDirection::Row,
                FlexDirection::Column,
                FlexDirection::RowReverse,
                FlexDirection::ColumnReverse,
            ],
        )?,
        flex_wrap: pick(
            s,
            LETUI_STYLE_FLEX_WRAP,
            "flex wrap",
            &[FlexWrap::NoWrap, FlexWrap::Wrap, FlexWrap::WrapReverse],
        )?,
        align_items: align(s, LETUI_STYLE_ALIGN_ITEMS, "align items")?,
        align_self: align(s, LETUI_STYLE_ALIGN_SELF, "align self")?,
        align_content: justify(s, LETUI_STYLE_ALIGN_CONTENT, "align content")?,
        justify_content: justify(s, LETUI_STYLE_JUSTIFY_CONTENT, "justify content")?,
        overflow_x: pick(s, LETUI_STYLE_OVERFLOW_X, "overflow x", &overflow)?,
        overflow_y: pick(s, LETUI_STYLE_OVERFLOW_Y, "overflow y", &overflow)?,
        flex_grow: s[LETUI_STYLE_FLEX_GROW as usize],
        flex_shrink: s[LETUI_STYLE_FLEX_SHRINK as usize],
        flex_basis: length(s, LETUI_STYLE_FLEX_BASIS, "flex basis")?,
        width: length(s, LETUI_STYLE_WIDTH, "width")?,
        height: length(s, LETUI_STYLE_HEIGHT, "height")?,
        min_width: length(s, LETUI_STYLE_MIN_WIDTH, "min width")?,
        min_height: length(s, LETUI_STYLE_MIN_HEIGHT, "min height")?,
        max_width: length(s, LETUI_STYLE_MAX_WIDTH, "max width")?,
        max_height: length(s, LETUI_STYLE_MAX_HEIGHT, "max height")?,
        inset: edges(s, LETUI_STYLE_INSET, "inset")?,
        margin: edges(s, LETUI_STYLE_MARGIN, "margin")?,
        padding: edges(s, LETUI_STYLE_PADDING, "padding")?,
        border: Edges {
            top: cells(border.top, "top")?,
            right: cells(border.right, "right")?,
            bottom: cells(border.bottom, "bottom")?,
            left: cells(border.left, "left")?,
        },
        row_gap: length(s, LETUI_STYLE_ROW_GAP, "row gap")?,
        column_gap: length(s, LETUI_STYLE_COLUMN_GAP, "column gap")?,
    })
}
