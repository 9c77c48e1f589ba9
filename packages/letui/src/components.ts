/** The components letui ships. */
export { Box, BoxElement, type BoxProps, type BorderStyle, Column, Row } from "./components/box.ts";
export { Button, ButtonElement, type ButtonProps } from "./components/button.ts";
export { For, type ForProps, Show, type ShowProps } from "./components/control-flow.ts";
export { Input, InputElement, type InputProps, sanitizeLine } from "./components/input.ts";
export type { Child, CommonProps, LayoutProps } from "./components/props.ts";
export { type ItemSource, List, ListElement, type ListProps, Select, type SelectProps } from "./components/list.ts";
export { ScrollBox, ScrollBoxElement, type ScrollBoxProps } from "./components/scroll-box.ts";
export {
  type ReactiveStyle,
  type Span,
  Text,
  TextElement,
  type TextContent,
  type TextProps,
  type WrapMode,
} from "./components/text.ts";
