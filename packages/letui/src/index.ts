/**
 * letui: terminal UIs in TypeScript on Bun, with the hot path in Rust.
 */
export { App, type AppOptions, type AppStats, type Host, type KeyHandler } from "./app/app.ts";
export type { ElementKeyEvent, ElementMouseEvent, ElementPasteEvent, Propagation } from "./app/dispatch.ts";
export { Element, type Handlers, type Rect } from "./app/element.ts";
export { run, type RunHandle, type RunOptions } from "./app/run.ts";
export {
  Box,
  BoxElement,
  type BoxProps,
  type BorderStyle,
  BUTTON_STYLES,
  Button,
  ButtonElement,
  type ButtonProps,
  type Child,
  Column,
  type CommonProps,
  For,
  type ForProps,
  INPUT_STYLES,
  Input,
  InputElement,
  type InputProps,
  type LayoutProps,
  Row,
  Show,
  type ShowProps,
  type ReactiveStyle,
  type Span,
  sanitizeLine,
  Text,
  type TextContent,
  TextElement,
  type TextProps,
  type WrapMode,
} from "./components.ts";
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
export {
  LAYOUT_STYLE_KEYS,
  type LayoutAlign,
  type LayoutJustify,
  type LayoutLength,
  type LayoutNode,
  type LayoutOverflow,
  type LayoutSpacing,
  type LayoutStyle,
  LayoutTree,
  type NodeLayout,
  type TextLine,
  type TextOptions,
} from "./layout.ts";
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
export { type Grapheme, graphemes, textWidth } from "./text.ts";
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
