/** The components letui ships. */
export { Box, BoxElement, type BoxProps, type BorderStyle, Column, Row } from "./components/box.ts";
export { Button, ButtonElement, type ButtonProps } from "./components/button.ts";
export { Checkbox, CheckboxElement, type CheckboxProps, RadioGroup, RadioGroupElement, type RadioGroupProps } from "./components/choice.ts";
export { type Column as TableColumn, type ColumnWidth, type SortOrder, Table, TableElement, type TableProps } from "./components/table.ts";
export { type Tab, TabBarElement, Tabs, TabsElement, type TabsProps } from "./components/tabs.ts";
export { Tree, TreeElement, type TreeNode, type TreeProps, type TreeRow } from "./components/tree.ts";
export { For, type ForProps, FragmentElement, Show, type ShowProps } from "./components/control-flow.ts";
export { Input, InputElement, type InputProps, sanitizeLine } from "./components/input.ts";
export type { Child, CommonProps, LayoutProps } from "./components/props.ts";
export { type ItemSource, List, ListElement, type ListProps, Select, type SelectProps } from "./components/list.ts";
export { Markdown, MarkdownElement, type MarkdownProps } from "./components/markdown.ts";
export { Code, CodeElement, type CodeProps, Highlighter, isCodeLanguage } from "./components/code.ts";
export { Diff, DiffElement, type DiffHunk, type DiffLine, type DiffProps, parsePatch } from "./components/diff.ts";
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
export { type TabMode, Textarea, TextareaElement, type TextareaProps } from "./components/textarea.ts";
export { type EditKind, type Position, TextDocument } from "./components/text-document.ts";
export type { TextWrap } from "./components/text-layout.ts";
export {
  confirm,
  type ConfirmOptions,
  Dialog,
  DialogElement,
  type DialogHandle,
  type DialogOptions,
  type DialogProps,
  openDialog,
} from "./components/dialog.ts";
export { toast, type ToastHandle, type ToastKind, type ToastOptions } from "./components/toast.ts";
export {
  ProgressBar,
  ProgressBarElement,
  type ProgressBarProps,
  Sparkline,
  SparklineElement,
  type SparklineProps,
  Spinner,
  SpinnerElement,
  type SpinnerProps,
  SPINNERS,
  type SpinnerStyle,
} from "./components/progress.ts";
