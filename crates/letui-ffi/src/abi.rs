//! The wire numbering of the C ABI, in one place: info words, cell words,
//! option bits, event records, style-block offsets, and the small
//! integers that stand for enumerations. cbindgen copies every constant
//! here into `include/letui.h`, and the TypeScript binding's
//! `native/abi.ts` is checked against that header, so the two sides
//! cannot drift apart.
//!
//! The core defines the meaning (its types); this module defines the
//! numbers and decodes them.

use letui_core::ColorMode;
use letui_core::cell::{Attrs, Cell, Color};
use letui_core::input::Modifiers;
use letui_core::terminal::{Modes, MouseMode};
use letui_core::wrap::WrapMode;

// ---- screen: info words -------------------------------------------------

/// Screen info word: generation, changed whenever cells or scratch move.
pub const LETUI_INFO_GENERATION: u32 = 0;
/// Screen info word: width in cells.
pub const LETUI_INFO_WIDTH: u32 = 1;
/// Screen info word: height in cells.
pub const LETUI_INFO_HEIGHT: u32 = 2;
/// Screen info word: hyperlink epoch, changed when link ids were recycled.
pub const LETUI_INFO_LINKS_EPOCH: u32 = 3;
/// Screen info word: column after the last `letui_screen_draw_text` (an `i32`).
pub const LETUI_INFO_END_X: u32 = 4;
/// Screen info word: bytes of the last rendered frame.
pub const LETUI_INFO_FRAME_BYTES: u32 = 5;
/// Screen info word: bytes waiting in the output buffer (buffer mode).
pub const LETUI_INFO_PENDING_BYTES: u32 = 6;
/// Screen info word: 1 when the last render was deferred because the
/// terminal had not taken the previous frame yet.
pub const LETUI_INFO_DEFERRED: u32 = 7;
/// Screen info word: bytes handed to the output and not yet written (as of
/// the last call).
pub const LETUI_INFO_UNSENT: u32 = 8;
/// Number of screen info words.
pub const LETUI_INFO_LEN: u32 = 12;

// ---- screen: cells --------------------------------------------------------

/// `u32` words per cell: glyph, fg, bg, attrs.
pub const LETUI_CELL_WORDS: u32 = 4;
/// Glyph word of the right half of a wide character.
pub const LETUI_GLYPH_CONTINUATION: u32 = 0xffff_ffff;
/// Glyph bit: the rest is an id into the screen's cluster pool.
pub const LETUI_GLYPH_POOL_BIT: u32 = 0x8000_0000;
/// The most code points one cell keeps of a grapheme cluster; the rest
/// are dropped when it is drawn.
pub const LETUI_MAX_CLUSTER_CHARS: u32 = 32;
/// Color word of the terminal's default color.
pub const LETUI_COLOR_DEFAULT: u32 = 0;
/// Color tag of a 256-palette index (the index in the low byte).
pub const LETUI_COLOR_TAG_PALETTE: u32 = 0x0100_0000;
/// Color tag of a 24-bit color (`0xRRGGBB` in the low bytes).
pub const LETUI_COLOR_TAG_RGB: u32 = 0x0200_0000;
/// Color word for drawing calls: keep the cell's color.
pub const LETUI_COLOR_KEEP: u32 = 0x0300_0000;
/// Attribute bit: bold.
pub const LETUI_ATTR_BOLD: u32 = 1;
/// Attribute bit: dim.
pub const LETUI_ATTR_DIM: u32 = 2;
/// Attribute bit: italic.
pub const LETUI_ATTR_ITALIC: u32 = 4;
/// Attribute bit: blink.
pub const LETUI_ATTR_BLINK: u32 = 8;
/// Attribute bit: inverse.
pub const LETUI_ATTR_INVERSE: u32 = 16;
/// Attribute bit: hidden.
pub const LETUI_ATTR_HIDDEN: u32 = 32;
/// Attribute bit: strikethrough.
pub const LETUI_ATTR_STRIKETHROUGH: u32 = 64;
/// Shift of the underline style (0 none, 1 single, 2 double, 3 curly, 4
/// dotted, 5 dashed) in the attribute word.
pub const LETUI_ATTR_UNDERLINE_SHIFT: u32 = 8;
/// Shift of the hyperlink id (16 bits) in the attribute word.
pub const LETUI_ATTR_LINK_SHIFT: u32 = 16;

const _: () = {
    assert!(LETUI_CELL_WORDS as usize * 4 == std::mem::size_of::<Cell>());
    assert!(LETUI_GLYPH_CONTINUATION == Cell::CONTINUATION);
    assert!(LETUI_GLYPH_POOL_BIT == Cell::POOL_BIT);
    assert!(LETUI_MAX_CLUSTER_CHARS as usize == letui_core::MAX_CLUSTER_CHARS);
    assert!(LETUI_COLOR_DEFAULT == Color::DEFAULT.0);
    assert!(LETUI_COLOR_KEEP == Color::KEEP.0);
    assert!(LETUI_COLOR_TAG_PALETTE == Color::indexed(0).0);
    assert!(LETUI_COLOR_TAG_RGB == Color::rgb(0, 0, 0).0);
    assert!(LETUI_ATTR_BOLD == Attrs::BOLD);
    assert!(LETUI_ATTR_DIM == Attrs::DIM);
    assert!(LETUI_ATTR_ITALIC == Attrs::ITALIC);
    assert!(LETUI_ATTR_BLINK == Attrs::BLINK);
    assert!(LETUI_ATTR_INVERSE == Attrs::INVERSE);
    assert!(LETUI_ATTR_HIDDEN == Attrs::HIDDEN);
    assert!(LETUI_ATTR_STRIKETHROUGH == Attrs::STRIKE);
    assert!(Attrs::NONE.with_link(1).0 == 1 << LETUI_ATTR_LINK_SHIFT);
};

// ---- screen: options ------------------------------------------------------

/// Color modes of `letui_screen_new` and `letui_screen_set_color_mode`.
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiColorMode {
    /// Detect from the environment.
    Detect = -1,
    /// 24-bit color.
    Truecolor = 0,
    /// The 256-color palette.
    Palette256 = 1,
    /// The 16 basic colors.
    Basic16 = 2,
    /// No color.
    None = 3,
}

/// The color mode numbered `n`, or `None` for detection (-1); an error
/// message for other numbers.
pub fn color_mode(n: i32) -> Result<Option<ColorMode>, String> {
    Ok(Some(match n {
        -1 => return Ok(None),
        0 => ColorMode::TrueColor,
        1 => ColorMode::Palette256,
        2 => ColorMode::Basic16,
        3 => ColorMode::NoColor,
        _ => return Err(format!("color mode {n} is not one of -1 (detect), 0..=3")),
    }))
}

/// The number of a color mode.
pub fn color_mode_number(mode: ColorMode) -> i32 {
    (match mode {
        ColorMode::TrueColor => LetuiColorMode::Truecolor,
        ColorMode::Palette256 => LetuiColorMode::Palette256,
        ColorMode::Basic16 => LetuiColorMode::Basic16,
        ColorMode::NoColor => LetuiColorMode::None,
    }) as i32
}

/// Capability bit: synchronized output (mode 2026).
pub const LETUI_CAP_SYNCHRONIZED_OUTPUT: u32 = 1;
/// Capability bit: curly, double, dotted and dashed underlines.
pub const LETUI_CAP_STYLED_UNDERLINE: u32 = 2;
/// Capability bit: OSC 8 hyperlinks.
pub const LETUI_CAP_HYPERLINKS: u32 = 4;
/// Capability bit: scroll regions for moved rows.
pub const LETUI_CAP_SCROLL_REGIONS: u32 = 8;

// ---- terminal: mode bits --------------------------------------------------

/// Terminal mode bit: the alternate screen.
pub const LETUI_MODE_ALTERNATE_SCREEN: u32 = 1;
/// Terminal mode bit: hide the cursor.
pub const LETUI_MODE_HIDE_CURSOR: u32 = 2;
/// Terminal mode bit: bracketed paste.
pub const LETUI_MODE_BRACKETED_PASTE: u32 = 4;
/// Terminal mode bit: focus reports.
pub const LETUI_MODE_FOCUS: u32 = 8;
/// Shift of the mouse mode (0 off, 1 clicks, 2 drag, 3 all motion) in
/// the mode bits.
pub const LETUI_MODE_MOUSE_SHIFT: u32 = 8;

/// Mouse modes, at [`LETUI_MODE_MOUSE_SHIFT`] in the mode bits.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiMouseMode {
    /// No reporting.
    Off = 0,
    /// Presses, releases and the wheel.
    Clicks = 1,
    /// Also motion with a button held.
    Drag = 2,
    /// Also motion without a button.
    Motion = 3,
}

/// Decodes terminal mode bits; `None` for unknown bits.
pub fn modes(bits: u32) -> Option<Modes> {
    if bits & !0x3ff != 0 {
        return None;
    }
    Some(Modes {
        alternate_screen: bits & LETUI_MODE_ALTERNATE_SCREEN != 0,
        hide_cursor: bits & LETUI_MODE_HIDE_CURSOR != 0,
        bracketed_paste: bits & LETUI_MODE_BRACKETED_PASTE != 0,
        focus: bits & LETUI_MODE_FOCUS != 0,
        mouse: match (bits >> LETUI_MODE_MOUSE_SHIFT) & 3 {
            0 => MouseMode::Off,
            1 => MouseMode::Clicks,
            2 => MouseMode::Drag,
            _ => MouseMode::Motion,
        },
    })
}

// ---- input: records -------------------------------------------------------

/// `u32` words per event record.
pub const LETUI_INPUT_RECORD_WORDS: u32 = 8;
/// Input info word: generation, changed whenever records or text move.
pub const LETUI_INPUT_INFO_GENERATION: u32 = 0;
/// Input info word: 1 when buffered input waits for a timeout (`letui_input_flush`).
pub const LETUI_INPUT_INFO_PENDING: u32 = 1;
/// Input info word: 1 inside a bracketed paste that has not ended.
pub const LETUI_INPUT_INFO_IN_PASTE: u32 = 2;
/// Input info word: bytes used in the text buffer by the last call.
pub const LETUI_INPUT_INFO_TEXT_USED: u32 = 3;
/// Number of input info words.
pub const LETUI_INPUT_INFO_LEN: u32 = 4;

/// Kinds of event records (word 0); see `input.rs` for their words.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiEventKind {
    /// A key.
    Key = 1,
    /// A mouse event.
    Mouse = 2,
    /// A bracketed paste.
    Paste = 3,
    /// Focus gained or lost.
    Focus = 4,
    /// A cursor position report.
    CursorPosition = 5,
    /// Primary device attributes.
    DeviceAttributes = 6,
    /// Kitty keyboard flags.
    KeyboardFlags = 7,
    /// A DECRQM mode report.
    ModeReport = 8,
}

/// Modifier bit: Shift.
pub const LETUI_MOD_SHIFT: u32 = 1;
/// Modifier bit: Alt.
pub const LETUI_MOD_ALT: u32 = 2;
/// Modifier bit: Ctrl.
pub const LETUI_MOD_CTRL: u32 = 4;
/// Modifier bit: Super.
pub const LETUI_MOD_SUPER: u32 = 8;
/// Modifier bit: Hyper.
pub const LETUI_MOD_HYPER: u32 = 16;
/// Modifier bit: Meta.
pub const LETUI_MOD_META: u32 = 32;

const _: () = {
    assert!(LETUI_MOD_SHIFT == Modifiers::SHIFT.bits() as u32);
    assert!(LETUI_MOD_ALT == Modifiers::ALT.bits() as u32);
    assert!(LETUI_MOD_CTRL == Modifiers::CTRL.bits() as u32);
    assert!(LETUI_MOD_SUPER == Modifiers::SUPER.bits() as u32);
    assert!(LETUI_MOD_HYPER == Modifiers::HYPER.bits() as u32);
    assert!(LETUI_MOD_META == Modifiers::META.bits() as u32);
};

/// Key event kinds (key record word 3).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiKeyKind {
    /// Pressed.
    Press = 0,
    /// Held down (auto-repeat).
    Repeat = 1,
    /// Released (kitty protocol).
    Release = 2,
}

/// Mouse event kinds (mouse record word 4).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiMouseKind {
    /// A button went down.
    Down = 0,
    /// A button came up.
    Up = 1,
    /// Motion with a button held.
    Drag = 2,
    /// Motion without a button.
    Move = 3,
    /// A wheel notch.
    Wheel = 4,
}

/// Mouse buttons (mouse record word 3).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiMouseButton {
    /// No button (motion).
    None = 0,
    /// Left.
    Left = 1,
    /// Middle.
    Middle = 2,
    /// Right.
    Right = 3,
    /// Wheel up.
    WheelUp = 4,
    /// Wheel down.
    WheelDown = 5,
    /// Wheel left.
    WheelLeft = 6,
    /// Wheel right.
    WheelRight = 7,
    /// Back.
    Back = 8,
    /// Forward.
    Forward = 9,
    /// Button 10.
    Button10 = 10,
    /// Button 11.
    Button11 = 11,
}

/// States in a mode report (mode report record word 3).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiModeState {
    /// The terminal does not know the mode.
    NotRecognized = 0,
    /// Set.
    Set = 1,
    /// Reset.
    Reset = 2,
    /// Permanently set.
    PermanentlySet = 3,
    /// Permanently reset.
    PermanentlyReset = 4,
}

// ---- layout: the style block ----------------------------------------------

/// `f32` words in the layout style block.
pub const LETUI_LAYOUT_STYLE_WORDS: u32 = 64;
/// Words per slot in the layout results: eight `i32` (the box) and one
/// `u32` (the compute that last changed it or a box below it).
pub const LETUI_LAYOUT_RESULT_WORDS: u32 = 9;
/// `u32` words per line record.
pub const LETUI_LAYOUT_LINE_WORDS: u32 = 4;
/// Width or height for `letui_layout_compute`: no limit, size to content.
pub const LETUI_LAYOUT_UNBOUNDED: u32 = 0xffff_ffff;
/// Most nodes one call of `letui_layout_nodes_new`, `letui_layout_nodes_free`
/// or `letui_layout_set_texts` takes.
pub const LETUI_LAYOUT_MAX_BATCH: u32 = 16_777_216;
const _: () = assert!(LETUI_LAYOUT_UNBOUNDED == letui_core::layout::UNBOUNDED);
/// The deepest a layout tree may be, in nodes from a root to its deepest
/// leaf; attaching past it fails with `LETUI_STATUS_INVALID_ARGUMENT`.
pub const LETUI_LAYOUT_MAX_DEPTH: u32 = 256;
const _: () = assert!(LETUI_LAYOUT_MAX_DEPTH as usize == letui_core::layout::MAX_DEPTH);
/// Layout info word: generation, changed whenever scratch, results or lines move.
pub const LETUI_LAYOUT_INFO_GENERATION: u32 = 0;
/// Layout info word: number of live nodes.
pub const LETUI_LAYOUT_INFO_NODES: u32 = 1;
/// Layout info word: number of lines written by the last `letui_layout_text_lines`.
pub const LETUI_LAYOUT_INFO_LINES: u32 = 2;
/// Layout info word: the number of the last `letui_layout_compute` (from
/// 1, wrapping to 1), which the ninth word of each result is compared with.
pub const LETUI_LAYOUT_INFO_COMPUTES: u32 = 3;
/// Number of layout info words.
pub const LETUI_LAYOUT_INFO_LEN: u32 = 4;

/// Style word: display.
pub const LETUI_STYLE_DISPLAY: u32 = 0;
/// Style word: position.
pub const LETUI_STYLE_POSITION: u32 = 1;
/// Style word: flex direction.
pub const LETUI_STYLE_FLEX_DIRECTION: u32 = 2;
/// Style word: flex wrap.
pub const LETUI_STYLE_FLEX_WRAP: u32 = 3;
/// Style word: align items.
pub const LETUI_STYLE_ALIGN_ITEMS: u32 = 4;
/// Style word: align self.
pub const LETUI_STYLE_ALIGN_SELF: u32 = 5;
/// Style word: align content.
pub const LETUI_STYLE_ALIGN_CONTENT: u32 = 6;
/// Style word: justify content.
pub const LETUI_STYLE_JUSTIFY_CONTENT: u32 = 7;
/// Style word: overflow x.
pub const LETUI_STYLE_OVERFLOW_X: u32 = 8;
/// Style word: overflow y.
pub const LETUI_STYLE_OVERFLOW_Y: u32 = 9;
/// Style word: flex grow.
pub const LETUI_STYLE_FLEX_GROW: u32 = 10;
/// Style word: flex shrink.
pub const LETUI_STYLE_FLEX_SHRINK: u32 = 11;
/// Style words: flex basis (a length: unit word, value word).
pub const LETUI_STYLE_FLEX_BASIS: u32 = 12;
/// Style words: width (a length).
pub const LETUI_STYLE_WIDTH: u32 = 14;
/// Style words: height (a length).
pub const LETUI_STYLE_HEIGHT: u32 = 16;
/// Style words: min width (a length).
pub const LETUI_STYLE_MIN_WIDTH: u32 = 18;
/// Style words: min height (a length).
pub const LETUI_STYLE_MIN_HEIGHT: u32 = 20;
/// Style words: max width (a length).
pub const LETUI_STYLE_MAX_WIDTH: u32 = 22;
/// Style words: max height (a length).
pub const LETUI_STYLE_MAX_HEIGHT: u32 = 24;
/// Style words: insets top, right, bottom, left (four lengths).
pub const LETUI_STYLE_INSET: u32 = 26;
/// Style words: margins top, right, bottom, left (four lengths).
pub const LETUI_STYLE_MARGIN: u32 = 34;
/// Style words: paddings top, right, bottom, left (four lengths).
pub const LETUI_STYLE_PADDING: u32 = 42;
/// Style words: borders top, right, bottom, left (four lengths in cells).
pub const LETUI_STYLE_BORDER: u32 = 50;
/// Style words: row gap (a length).
pub const LETUI_STYLE_ROW_GAP: u32 = 58;
/// Style words: column gap (a length).
pub const LETUI_STYLE_COLUMN_GAP: u32 = 60;

/// Units of a length in the style block.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiUnit {
    /// `auto`.
    Auto = 0,
    /// Cells.
    Cells = 1,
    /// Percent of the containing block.
    Percent = 2,
}

/// `display` values.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiDisplay {
    /// Flex container.
    Flex = 0,
    /// Hidden.
    None = 1,
}

/// `position` values.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiPosition {
    /// In the flow.
    Relative = 0,
    /// Placed by insets.
    Absolute = 1,
}

/// `flex-direction` values.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiFlexDirection {
    /// Row.
    Row = 0,
    /// Column.
    Column = 1,
    /// Row, reversed.
    RowReverse = 2,
    /// Column, reversed.
    ColumnReverse = 3,
}

/// `flex-wrap` values.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiFlexWrap {
    /// One line.
    Nowrap = 0,
    /// Wrap.
    Wrap = 1,
    /// Wrap, reversed.
    WrapReverse = 2,
}

/// `align-items` / `align-self` values (0 is the default).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiAlign {
    /// Not set: the default (`auto` for align-self).
    Default = 0,
    /// start.
    Start = 1,
    /// end.
    End = 2,
    /// flex-start.
    FlexStart = 3,
    /// flex-end.
    FlexEnd = 4,
    /// center.
    Center = 5,
    /// baseline.
    Baseline = 6,
    /// stretch.
    Stretch = 7,
}

/// `justify-content` / `align-content` values (0 is the default).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiJustify {
    /// Not set: the default.
    Default = 0,
    /// start.
    Start = 1,
    /// end.
    End = 2,
    /// flex-start.
    FlexStart = 3,
    /// flex-end.
    FlexEnd = 4,
    /// center.
    Center = 5,
    /// stretch.
    Stretch = 6,
    /// space-between.
    SpaceBetween = 7,
    /// space-evenly.
    SpaceEvenly = 8,
    /// space-around.
    SpaceAround = 9,
}

/// `overflow` values.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiOverflow {
    /// Visible.
    Visible = 0,
    /// Hidden.
    Hidden = 1,
    /// Scroll.
    Scroll = 2,
}

/// Text wrap modes of `letui_layout_set_text`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiWrap {
    /// Between words.
    Word = 0,
    /// Between any two clusters.
    Char = 1,
    /// Only at line breaks.
    None = 2,
}

/// How code points form cells (`letui_set_widths`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetuiClustering {
    /// Extended grapheme clusters (kitty, WezTerm, foot, Ghostty, mode 2027).
    Graphemes = 0,
    /// One cell per code point with a width (xterm, tmux, VTE, Alacritty).
    PerCodePoint = 1,
}

/// The core clustering for a `LetuiClustering` value.
pub fn clustering(n: u32) -> Option<letui_core::width::Clustering> {
    match n {
        0 => Some(letui_core::width::Clustering::Graphemes),
        1 => Some(letui_core::width::Clustering::PerCodePoint),
        _ => None,
    }
}

/// The wrap mode for a `LetuiWrap` value.
pub fn wrap_mode(n: u32) -> Option<WrapMode> {
    match n {
        0 => Some(WrapMode::Word),
        1 => Some(WrapMode::Char),
        2 => Some(WrapMode::None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_bits_decode() {
        let m = modes(1 | 2 | 4 | 8 | (3 << 8)).unwrap();
        assert_eq!(
            m,
            Modes {
                alternate_screen: true,
                hide_cursor: true,
                bracketed_paste: true,
                focus: true,
                mouse: MouseMode::Motion,
            }
        );
        assert_eq!(modes(0x400), None);
        assert_eq!(modes(0).unwrap().enter_sequence(), b"");
    }

    #[test]
    fn color_modes_round_trip() {
        for n in 0..4 {
            let m = color_mode(n).unwrap().unwrap();
            assert_eq!(color_mode_number(m), n);
        }
        assert_eq!(color_mode(-1).unwrap(), None);
        assert!(color_mode(4).unwrap_err().contains("-1 (detect)"));
    }

    #[test]
    fn wrap_modes() {
        assert_eq!(wrap_mode(LetuiWrap::Char as u32), Some(WrapMode::Char));
        assert_eq!(wrap_mode(3), None);
    }
}
