/**
 * letui: terminal UIs in TypeScript on Bun, Node and Deno, with the hot
 * path in Rust. This entry has the components, signals, `run` and the
 * event types; `letui/screen` has the low-level drawing surface and
 * terminal session, `letui/layout` the flexbox layout tree, and
 * `letui/testing` headless rendering for tests.
 */
export { App, type AppOptions, type AppStats, type Host, type KeyHandler } from "./app/app.ts";
export { type Clock, ManualClock, realClock } from "./app/clock.ts";
export type { ElementKeyEvent, ElementMouseEvent, ElementPasteEvent, Propagation } from "./app/dispatch.ts";
export { Element, type Handlers, type Rect } from "./app/element.ts";
export { run, type RunHandle, type RunOptions } from "./app/run.ts";
export { darkTheme, type Looks, looksOf, lightTheme, type Theme } from "./app/theme.ts";
export {
  Box,
  BoxElement,
  type BoxProps,
  type BorderStyle,
  Button,
  ButtonElement,
  type ButtonProps,
  Checkbox,
  CheckboxElement,
  type CheckboxProps,
  type Child,
  Column,
  type ColumnWidth,
  type CommonProps,
  For,
  type ForProps,
  Input,
  InputElement,
  type InputProps,
  type ItemSource,
  type LayoutProps,
  List,
  ListElement,
  type ListProps,
  RadioGroup,
  RadioGroupElement,
  type RadioGroupProps,
  Row,
  ScrollBox,
  ScrollBoxElement,
  type ScrollBoxProps,
  Select,
  type SelectProps,
  Show,
  type ShowProps,
  type SortOrder,
  type Tab,
  TabBarElement,
  Table,
  type TableColumn,
  TableElement,
  type TableProps,
  Tabs,
  TabsElement,
  type TabsProps,
  Tree,
  TreeElement,
  type TreeNode,
  type TreeProps,
  type TreeRow,
  type ReactiveStyle,
  type Span,
  sanitizeLine,
  Text,
  type TextContent,
  TextElement,
  type TextProps,
  type WrapMode,
  type TabMode,
  Textarea,
  TextareaElement,
  type TextareaProps,
  type EditKind,
  type Position,
  TextDocument,
  type TextWrap,
} from "./components.ts";
export { Clipboard, type ClipboardMode, osc52 } from "./app/clipboard.ts";
export { decodeUtf8, encodeUtf8 } from "./utf8.ts";
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
export { LetuiError, type StatusName, Status } from "./errors.ts";
export { MAX_LAYOUT_DEPTH } from "./layout.ts";
export { type ColorMode, MAX_CLUSTER_CHARS } from "./screen.ts";
export { type ColorInput, type Style, type UnderlineStyle } from "./style.ts";
export { resetTerminal, type TerminalEvents, type TerminalOptions } from "./terminal.ts";
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
