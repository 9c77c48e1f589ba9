/**
 * letui: terminal UIs in TypeScript on Bun, with the hot path in Rust.
 */
export { type InputDecoderOptions, InputDecoder } from "./input/decoder.ts";
export type {
  EventBase,
  FocusEvent,
  InputEvent,
  KeyEvent,
  Modifiers,
  MouseButton,
  MouseEvent,
  PasteEvent,
  ReplyEvent,
  ResizeEvent,
} from "./input/events.ts";
export { LetuiError } from "./native/errors.ts";
export { type StatusName, Status } from "./native/status.ts";
export {
  CELL_WORDS,
  CONTINUATION,
  type Capabilities,
  type ColorMode,
  type CursorShape,
  Screen,
  type ScreenOptions,
} from "./screen.ts";
export {
  Attr,
  type CellStyle,
  type ColorInput,
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
  type Style,
  type UnderlineStyle,
} from "./style.ts";
export { Terminal, type TerminalEvents, type TerminalOptions } from "./terminal.ts";
export {
  batch,
  computed,
  createScope,
  type EffectCleanup,
  type EffectFn,
  effect,
  getScope,
  isSignal,
  type MaybeSignal,
  onCleanup,
  type ReadonlySignal,
  type Resource,
  type ResourceFetchInfo,
  type ResourceState,
  read,
  resource,
  type Scope,
  type Signal,
  type SignalOptions,
  signal,
  subscriberCount,
  untrack,
} from "./signals.ts";
