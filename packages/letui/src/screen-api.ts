/**
 * `letui/screen`: the low-level API under the components. A `Screen` is a
 * grid of cells in native memory that you draw on and render; a
 * `Terminal` is a session on the process's TTY (raw mode, modes, input
 * events, the terminal given back on exit); the `InputDecoder` turns
 * terminal bytes into events; styles pack into cell words; text is
 * measured with the screen's rules.
 */
export { type InputDecoderOptions, InputDecoder } from "./input/decoder.ts";
export {
  CELL_WORDS,
  CONTINUATION,
  type Capabilities,
  type ColorMode,
  type CursorShape,
  MAX_CLUSTER_CHARS,
  Screen,
  type ScreenOptions,
} from "./screen.ts";
export type { CellInfo, StyledLine, StyledSpan } from "./screen-read.ts";
export {
  Attr,
  type CellStyle,
  color,
  DEFAULT_COLOR,
  decodeStyle,
  formatColor,
  indexed,
  KEEP_COLOR,
  type PackedStyle,
  packStyle,
  PLAIN,
  rgb,
} from "./style.ts";
export { resetTerminal, Terminal, type TerminalEvents, type TerminalOptions } from "./terminal.ts";
export { type Grapheme, graphemes, textWidth } from "./text.ts";
export type { ColorInput, Style, UnderlineStyle } from "./style.ts";
export type { EventBase, FocusEvent, InputEvent, KeyEvent, MouseEvent, PasteEvent, ReplyEvent, ResizeEvent } from "./input/events.ts";
export { LetuiError, type StatusName, Status } from "./errors.ts";
