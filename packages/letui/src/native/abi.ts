/**
 * The wire numbering of the C ABI: info words, cell words, option bits,
 * event records, style-block offsets and enumeration values. These are
 * the names and values of `crates/letui-ffi/include/letui.h` (generated
 * from `crates/letui-ffi/src/abi.rs`); `abi.test.ts` checks that every
 * constant here is in the header with the same value, and the other way
 * round. Code outside `native/` imports them from here, never writes the
 * numbers itself.
 */

/** Screen info word: generation, changed whenever cells or scratch move. */
export const LETUI_INFO_GENERATION = 0;
/** Screen info word: width in cells. */
export const LETUI_INFO_WIDTH = 1;
/** Screen info word: height in cells. */
export const LETUI_INFO_HEIGHT = 2;
/** Screen info word: hyperlink epoch, changed when link ids were recycled. */
export const LETUI_INFO_LINKS_EPOCH = 3;
/** Screen info word: column after the last `letui_screen_draw_text` (an `i32`). */
export const LETUI_INFO_END_X = 4;
/** Screen info word: bytes of the last rendered frame. */
export const LETUI_INFO_FRAME_BYTES = 5;
/** Screen info word: bytes waiting in the output buffer (buffer mode). */
export const LETUI_INFO_PENDING_BYTES = 6;
/** Screen info word: 1 when the last render was deferred because the terminal had not taken the previous frame yet. */
export const LETUI_INFO_DEFERRED = 7;
/** Screen info word: bytes handed to the output and not yet written (as of the last call). */
export const LETUI_INFO_UNSENT = 8;
/** Number of screen info words. */
export const LETUI_INFO_LEN = 12;
/** `u32` words per cell: glyph, fg, bg, attrs. */
export const LETUI_CELL_WORDS = 4;
/** Glyph word of the right half of a wide character. */
export const LETUI_GLYPH_CONTINUATION = 0xffffffff;
/** Glyph bit: the rest is an id into the screen's cluster pool. */
export const LETUI_GLYPH_POOL_BIT = 0x80000000;
/** The most code points one cell keeps of a grapheme cluster; the rest are dropped when it is drawn. */
export const LETUI_MAX_CLUSTER_CHARS = 32;
/** Color word of the terminal's default color. */
export const LETUI_COLOR_DEFAULT = 0;
/** Color tag of a 256-palette index (the index in the low byte). */
export const LETUI_COLOR_TAG_PALETTE = 0x1000000;
/** Color tag of a 24-bit color (`0xRRGGBB` in the low bytes). */
export const LETUI_COLOR_TAG_RGB = 0x2000000;
/** Color word for drawing calls: keep the cell's color. */
export const LETUI_COLOR_KEEP = 0x3000000;
/** Attribute bit: bold. */
export const LETUI_ATTR_BOLD = 1;
/** Attribute bit: dim. */
export const LETUI_ATTR_DIM = 2;
/** Attribute bit: italic. */
export const LETUI_ATTR_ITALIC = 4;
/** Attribute bit: blink. */
export const LETUI_ATTR_BLINK = 8;
/** Attribute bit: inverse. */
export const LETUI_ATTR_INVERSE = 16;
/** Attribute bit: hidden. */
export const LETUI_ATTR_HIDDEN = 32;
/** Attribute bit: strikethrough. */
export const LETUI_ATTR_STRIKETHROUGH = 64;
/** Shift of the underline style (0 none, 1 single, 2 double, 3 curly, 4 dotted, 5 dashed) in the attribute word. */
export const LETUI_ATTR_UNDERLINE_SHIFT = 8;
/** Shift of the hyperlink id (16 bits) in the attribute word. */
export const LETUI_ATTR_LINK_SHIFT = 16;
/** Capability bit: synchronized output (mode 2026). */
export const LETUI_CAP_SYNCHRONIZED_OUTPUT = 1;
/** Capability bit: curly, double, dotted and dashed underlines. */
export const LETUI_CAP_STYLED_UNDERLINE = 2;
/** Capability bit: OSC 8 hyperlinks. */
export const LETUI_CAP_HYPERLINKS = 4;
/** Capability bit: scroll regions for moved rows. */
export const LETUI_CAP_SCROLL_REGIONS = 8;
/** Terminal mode bit: the alternate screen. */
export const LETUI_MODE_ALTERNATE_SCREEN = 1;
/** Terminal mode bit: hide the cursor. */
export const LETUI_MODE_HIDE_CURSOR = 2;
/** Terminal mode bit: bracketed paste. */
export const LETUI_MODE_BRACKETED_PASTE = 4;
/** Terminal mode bit: focus reports. */
export const LETUI_MODE_FOCUS = 8;
/** Shift of the mouse mode (0 off, 1 clicks, 2 drag, 3 all motion) in the mode bits. */
export const LETUI_MODE_MOUSE_SHIFT = 8;
/** `u32` words per event record. */
export const LETUI_INPUT_RECORD_WORDS = 8;
/** Input info word: generation, changed whenever records or text move. */
export const LETUI_INPUT_INFO_GENERATION = 0;
/** Input info word: 1 when buffered input waits for a timeout (`letui_input_flush`). */
export const LETUI_INPUT_INFO_PENDING = 1;
/** Input info word: 1 inside a bracketed paste that has not ended. */
export const LETUI_INPUT_INFO_IN_PASTE = 2;
/** Input info word: bytes used in the text buffer by the last call. */
export const LETUI_INPUT_INFO_TEXT_USED = 3;
/** Number of input info words. */
export const LETUI_INPUT_INFO_LEN = 4;
/** Modifier bit: Shift. */
export const LETUI_MOD_SHIFT = 1;
/** Modifier bit: Alt. */
export const LETUI_MOD_ALT = 2;
/** Modifier bit: Ctrl. */
export const LETUI_MOD_CTRL = 4;
/** Modifier bit: Super. */
export const LETUI_MOD_SUPER = 8;
/** Modifier bit: Hyper. */
export const LETUI_MOD_HYPER = 16;
/** Modifier bit: Meta. */
export const LETUI_MOD_META = 32;
/** `f32` words in the layout style block. */
export const LETUI_LAYOUT_STYLE_WORDS = 64;
/** Words per slot in the layout results: eight `i32` (the box) and one `u32` (the compute that last changed it or a box below it). */
export const LETUI_LAYOUT_RESULT_WORDS = 9;
/** `u32` words per line record. */
export const LETUI_LAYOUT_LINE_WORDS = 4;
/** Width or height for `letui_layout_compute`: no limit, size to content. */
export const LETUI_LAYOUT_UNBOUNDED = 0xffffffff;
/** Most nodes one call of `letui_layout_nodes_new`, `letui_layout_nodes_free` or `letui_layout_set_texts` takes. */
export const LETUI_LAYOUT_MAX_BATCH = 16777216;
/** The deepest a layout tree may be, in nodes from a root to its deepest leaf. */
export const LETUI_LAYOUT_MAX_DEPTH = 256;
/** Layout info word: generation, changed whenever scratch, results or lines move. */
export const LETUI_LAYOUT_INFO_GENERATION = 0;
/** Layout info word: number of live nodes. */
export const LETUI_LAYOUT_INFO_NODES = 1;
/** Layout info word: number of lines written by the last `letui_layout_text_lines`. */
export const LETUI_LAYOUT_INFO_LINES = 2;
/** Layout info word: the number of the last `letui_layout_compute` (from 1, wrapping to 1). */
export const LETUI_LAYOUT_INFO_COMPUTES = 3;
/** Number of layout info words. */
export const LETUI_LAYOUT_INFO_LEN = 4;
/** Style word: display. */
export const LETUI_STYLE_DISPLAY = 0;
/** Style word: position. */
export const LETUI_STYLE_POSITION = 1;
/** Style word: flex direction. */
export const LETUI_STYLE_FLEX_DIRECTION = 2;
/** Style word: flex wrap. */
export const LETUI_STYLE_FLEX_WRAP = 3;
/** Style word: align items. */
export const LETUI_STYLE_ALIGN_ITEMS = 4;
/** Style word: align self. */
export const LETUI_STYLE_ALIGN_SELF = 5;
/** Style word: align content. */
export const LETUI_STYLE_ALIGN_CONTENT = 6;
/** Style word: justify content. */
export const LETUI_STYLE_JUSTIFY_CONTENT = 7;
/** Style word: overflow x. */
export const LETUI_STYLE_OVERFLOW_X = 8;
/** Style word: overflow y. */
export const LETUI_STYLE_OVERFLOW_Y = 9;
/** Style word: flex grow. */
export const LETUI_STYLE_FLEX_GROW = 10;
/** Style word: flex shrink. */
export const LETUI_STYLE_FLEX_SHRINK = 11;
/** Style words: flex basis (a length: unit word, value word). */
export const LETUI_STYLE_FLEX_BASIS = 12;
/** Style words: width (a length). */
export const LETUI_STYLE_WIDTH = 14;
/** Style words: height (a length). */
export const LETUI_STYLE_HEIGHT = 16;
/** Style words: min width (a length). */
export const LETUI_STYLE_MIN_WIDTH = 18;
/** Style words: min height (a length). */
export const LETUI_STYLE_MIN_HEIGHT = 20;
/** Style words: max width (a length). */
export const LETUI_STYLE_MAX_WIDTH = 22;
/** Style words: max height (a length). */
export const LETUI_STYLE_MAX_HEIGHT = 24;
/** Style words: insets top, right, bottom, left (four lengths). */
export const LETUI_STYLE_INSET = 26;
/** Style words: margins top, right, bottom, left (four lengths). */
export const LETUI_STYLE_MARGIN = 34;
/** Style words: paddings top, right, bottom, left (four lengths). */
export const LETUI_STYLE_PADDING = 42;
/** Style words: borders top, right, bottom, left (four lengths in cells). */
export const LETUI_STYLE_BORDER = 50;
/** Style words: row gap (a length). */
export const LETUI_STYLE_ROW_GAP = 58;
/** Style words: column gap (a length). */
export const LETUI_STYLE_COLUMN_GAP = 60;
/** Detect from the environment. */
export const LETUI_COLOR_MODE_DETECT = -1;
/** 24-bit color. */
export const LETUI_COLOR_MODE_TRUECOLOR = 0;
/** The 256-color palette. */
export const LETUI_COLOR_MODE_PALETTE256 = 1;
/** The 16 basic colors. */
export const LETUI_COLOR_MODE_BASIC16 = 2;
/** No color. */
export const LETUI_COLOR_MODE_NONE = 3;
/** No reporting. */
export const LETUI_MOUSE_MODE_OFF = 0;
/** Presses, releases and the wheel. */
export const LETUI_MOUSE_MODE_CLICKS = 1;
/** Also motion with a button held. */
export const LETUI_MOUSE_MODE_DRAG = 2;
/** Also motion without a button. */
export const LETUI_MOUSE_MODE_MOTION = 3;
/** A key. */
export const LETUI_EVENT_KIND_KEY = 1;
/** A mouse event. */
export const LETUI_EVENT_KIND_MOUSE = 2;
/** A bracketed paste. */
export const LETUI_EVENT_KIND_PASTE = 3;
/** Focus gained or lost. */
export const LETUI_EVENT_KIND_FOCUS = 4;
/** A cursor position report. */
export const LETUI_EVENT_KIND_CURSOR_POSITION = 5;
/** Primary device attributes. */
export const LETUI_EVENT_KIND_DEVICE_ATTRIBUTES = 6;
/** Kitty keyboard flags. */
export const LETUI_EVENT_KIND_KEYBOARD_FLAGS = 7;
/** A DECRQM mode report. */
export const LETUI_EVENT_KIND_MODE_REPORT = 8;
/** Pressed. */
export const LETUI_KEY_KIND_PRESS = 0;
/** Held down (auto-repeat). */
export const LETUI_KEY_KIND_REPEAT = 1;
/** Released (kitty protocol). */
export const LETUI_KEY_KIND_RELEASE = 2;
/** A button went down. */
export const LETUI_MOUSE_KIND_DOWN = 0;
/** A button came up. */
export const LETUI_MOUSE_KIND_UP = 1;
/** Motion with a button held. */
export const LETUI_MOUSE_KIND_DRAG = 2;
/** Motion without a button. */
export const LETUI_MOUSE_KIND_MOVE = 3;
/** A wheel notch. */
export const LETUI_MOUSE_KIND_WHEEL = 4;
/** No button (motion). */
export const LETUI_MOUSE_BUTTON_NONE = 0;
/** Left. */
export const LETUI_MOUSE_BUTTON_LEFT = 1;
/** Middle. */
export const LETUI_MOUSE_BUTTON_MIDDLE = 2;
/** Right. */
export const LETUI_MOUSE_BUTTON_RIGHT = 3;
/** Wheel up. */
export const LETUI_MOUSE_BUTTON_WHEEL_UP = 4;
/** Wheel down. */
export const LETUI_MOUSE_BUTTON_WHEEL_DOWN = 5;
/** Wheel left. */
export const LETUI_MOUSE_BUTTON_WHEEL_LEFT = 6;
/** Wheel right. */
export const LETUI_MOUSE_BUTTON_WHEEL_RIGHT = 7;
/** Back. */
export const LETUI_MOUSE_BUTTON_BACK = 8;
/** Forward. */
export const LETUI_MOUSE_BUTTON_FORWARD = 9;
/** Button 10. */
export const LETUI_MOUSE_BUTTON_BUTTON10 = 10;
/** Button 11. */
export const LETUI_MOUSE_BUTTON_BUTTON11 = 11;
/** The terminal does not know the mode. */
export const LETUI_MODE_STATE_NOT_RECOGNIZED = 0;
/** Set. */
export const LETUI_MODE_STATE_SET = 1;
/** Reset. */
export const LETUI_MODE_STATE_RESET = 2;
/** Permanently set. */
export const LETUI_MODE_STATE_PERMANENTLY_SET = 3;
/** Permanently reset. */
export const LETUI_MODE_STATE_PERMANENTLY_RESET = 4;
/** `auto`. */
export const LETUI_UNIT_AUTO = 0;
/** Cells. */
export const LETUI_UNIT_CELLS = 1;
/** Percent of the containing block. */
export const LETUI_UNIT_PERCENT = 2;
/** Flex container. */
export const LETUI_DISPLAY_FLEX = 0;
/** Hidden. */
export const LETUI_DISPLAY_NONE = 1;
/** In the flow. */
export const LETUI_POSITION_RELATIVE = 0;
/** Placed by insets. */
export const LETUI_POSITION_ABSOLUTE = 1;
/** Row. */
export const LETUI_FLEX_DIRECTION_ROW = 0;
/** Column. */
export const LETUI_FLEX_DIRECTION_COLUMN = 1;
/** Row, reversed. */
export const LETUI_FLEX_DIRECTION_ROW_REVERSE = 2;
/** Column, reversed. */
export const LETUI_FLEX_DIRECTION_COLUMN_REVERSE = 3;
/** One line. */
export const LETUI_FLEX_WRAP_NOWRAP = 0;
/** Wrap. */
export const LETUI_FLEX_WRAP_WRAP = 1;
/** Wrap, reversed. */
export const LETUI_FLEX_WRAP_WRAP_REVERSE = 2;
/** Not set: the default (`auto` for align-self). */
export const LETUI_ALIGN_DEFAULT = 0;
/** start. */
export const LETUI_ALIGN_START = 1;
/** end. */
export const LETUI_ALIGN_END = 2;
/** flex-start. */
export const LETUI_ALIGN_FLEX_START = 3;
/** flex-end. */
export const LETUI_ALIGN_FLEX_END = 4;
/** center. */
export const LETUI_ALIGN_CENTER = 5;
/** baseline. */
export const LETUI_ALIGN_BASELINE = 6;
/** stretch. */
export const LETUI_ALIGN_STRETCH = 7;
/** Not set: the default. */
export const LETUI_JUSTIFY_DEFAULT = 0;
/** start. */
export const LETUI_JUSTIFY_START = 1;
/** end. */
export const LETUI_JUSTIFY_END = 2;
/** flex-start. */
export const LETUI_JUSTIFY_FLEX_START = 3;
/** flex-end. */
export const LETUI_JUSTIFY_FLEX_END = 4;
/** center. */
export const LETUI_JUSTIFY_CENTER = 5;
/** stretch. */
export const LETUI_JUSTIFY_STRETCH = 6;
/** space-between. */
export const LETUI_JUSTIFY_SPACE_BETWEEN = 7;
/** space-evenly. */
export const LETUI_JUSTIFY_SPACE_EVENLY = 8;
/** space-around. */
export const LETUI_JUSTIFY_SPACE_AROUND = 9;
/** Visible. */
export const LETUI_OVERFLOW_VISIBLE = 0;
/** Hidden. */
export const LETUI_OVERFLOW_HIDDEN = 1;
/** Scroll. */
export const LETUI_OVERFLOW_SCROLL = 2;
/** Between words. */
export const LETUI_WRAP_WORD = 0;
/** Between any two clusters. */
export const LETUI_WRAP_CHAR = 1;
/** Only at line breaks. */
export const LETUI_WRAP_NONE = 2;
/** Extended grapheme clusters (kitty, WezTerm, foot, Ghostty, mode 2027). */
export const LETUI_CLUSTERING_GRAPHEMES = 0;
/** One cell per code point with a width (xterm, tmux, VTE, Alacritty). */
export const LETUI_CLUSTERING_PER_CODE_POINT = 1;
