/**
 * Layout styles: CSS flexbox names in cells, checked and written into the
 * native style block (the `LETUI_STYLE_*` word offsets and `LETUI_*`
 * enumeration values of `native/abi.ts`).
 */
import { argumentError } from "../errors.ts";
import * as abi from "../native/abi.ts";

/** A length: cells (a number), a percentage of the containing block (`"50%"`), or `"auto"`. */
export type LayoutLength = number | `${number}%` | "auto";

/** A length that cannot be `"auto"` (padding, gaps): cells or a percentage. */
export type LayoutSpacing = number | `${number}%`;

/** Cross-axis alignment (`alignItems`, `alignSelf`). */
export type LayoutAlign = "start" | "end" | "flex-start" | "flex-end" | "center" | "baseline" | "stretch";

/** Distribution of space on an axis (`justifyContent`, `alignContent`). */
export type LayoutJustify =
  | "start"
  | "end"
  | "flex-start"
  | "flex-end"
  | "center"
  | "stretch"
  | "space-between"
  | "space-evenly"
  | "space-around";

/** What happens to content larger than its box. */
export type LayoutOverflow = "visible" | "hidden" | "scroll";

/**
 * The style of a layout node, with CSS names, in terminal cells.
 *
 * Sizes include padding and border (`box-sizing: border-box`). Spacing
 * shorthands resolve from the general to the particular: `padding`, then
 * `paddingX`/`paddingY`, then `paddingTop`/`paddingRight`/`paddingBottom`/
 * `paddingLeft` (the same for `margin` and `border`; `gap`, then `rowGap`/
 * `columnGap`; `overflow`, then `overflowX`/`overflowY`). Every property
 * is optional; an absent one has its CSS initial value.
 */
export interface LayoutStyle {
  /** `"none"` hides the node and its subtree. @default "flex" */
  display?: "flex" | "none";
  /**
   * `"relative"` nodes are in the flow, shifted by their insets;
   * `"absolute"` nodes are placed by their insets in the parent's padding
   * box (every node is the containing block of its absolute children).
   * @default "relative"
   */
  position?: "relative" | "absolute";
  /** Inset from the top. @default "auto" */
  top?: LayoutLength;
  /** Inset from the right. @default "auto" */
  right?: LayoutLength;
  /** Inset from the bottom. @default "auto" */
  bottom?: LayoutLength;
  /** Inset from the left. @default "auto" */
  left?: LayoutLength;
  /** Main axis. @default "row" */
  flexDirection?: "row" | "column" | "row-reverse" | "column-reverse";
  /** Whether items wrap onto several lines. @default "nowrap" */
  flexWrap?: "nowrap" | "wrap" | "wrap-reverse";
  /** Share of free space taken (>= 0). @default 0 */
  flexGrow?: number;
  /** Share of missing space given up (>= 0). @default 1 */
  flexShrink?: number;
  /** Initial main size. @default "auto" */
  flexBasis?: LayoutLength;
  /** Cross-axis alignment of the items. @default "stretch" */
  alignItems?: LayoutAlign;
  /** This item's cross-axis alignment. @default "auto" (the container's) */
  alignSelf?: LayoutAlign | "auto";
  /** Distribution of wrapped lines. @default "stretch" */
  alignContent?: LayoutJustify;
  /** Distribution of the items on the main axis. @default "flex-start" */
  justifyContent?: LayoutJustify;
  /** Width. @default "auto" */
  width?: LayoutLength;
  /** Height. @default "auto" */
  height?: LayoutLength;
  /** Smallest width; `"auto"` is the content's minimum for flex items. @default "auto" */
  minWidth?: LayoutLength;
  /** Smallest height. @default "auto" */
  minHeight?: LayoutLength;
  /** Largest width; `"auto"` is none. @default "auto" */
  maxWidth?: LayoutLength;
  /** Largest height. @default "auto" */
  maxHeight?: LayoutLength;
  /** Padding on all sides. @default 0 */
  padding?: LayoutSpacing;
  /** Left and right padding. */
  paddingX?: LayoutSpacing;
  /** Top and bottom padding. */
  paddingY?: LayoutSpacing;
  /** Top padding. */
  paddingTop?: LayoutSpacing;
  /** Right padding. */
  paddingRight?: LayoutSpacing;
  /** Bottom padding. */
  paddingBottom?: LayoutSpacing;
  /** Left padding. */
  paddingLeft?: LayoutSpacing;
  /** Margin on all sides; `"auto"` takes free space (centering). @default 0 */
  margin?: LayoutLength;
  /** Left and right margins. */
  marginX?: LayoutLength;
  /** Top and bottom margins. */
  marginY?: LayoutLength;
  /** Top margin. */
  marginTop?: LayoutLength;
  /** Right margin. */
  marginRight?: LayoutLength;
  /** Bottom margin. */
  marginBottom?: LayoutLength;
  /** Left margin. */
  marginLeft?: LayoutLength;
  /** Border width in cells on all sides (a drawn box border is 1). @default 0 */
  border?: number;
  /** Left and right border widths. */
  borderX?: number;
  /** Top and bottom border widths. */
  borderY?: number;
  /** Top border width. */
  borderTop?: number;
  /** Right border width. */
  borderRight?: number;
  /** Bottom border width. */
  borderBottom?: number;
  /** Left border width. */
  borderLeft?: number;
  /** Gap between rows and columns of items. @default 0 */
  gap?: LayoutSpacing;
  /** Gap between lines (rows in a row container). */
  rowGap?: LayoutSpacing;
  /** Gap between items in a line. */
  columnGap?: LayoutSpacing;
  /** Overflow on both axes; `"scroll"` content may be larger than the box. @default "visible" */
  overflow?: LayoutOverflow;
  /** Horizontal overflow. */
  overflowX?: LayoutOverflow;
  /** Vertical overflow. */
  overflowY?: LayoutOverflow;
}

/** `f32` words in the native style block. */
export const STYLE_WORDS = abi.LETUI_LAYOUT_STYLE_WORDS;

const DISPLAY = { flex: abi.LETUI_DISPLAY_FLEX, none: abi.LETUI_DISPLAY_NONE } as const;
const POSITION = { relative: abi.LETUI_POSITION_RELATIVE, absolute: abi.LETUI_POSITION_ABSOLUTE } as const;
const DIRECTION = {
  row: abi.LETUI_FLEX_DIRECTION_ROW,
  column: abi.LETUI_FLEX_DIRECTION_COLUMN,
  "row-reverse": abi.LETUI_FLEX_DIRECTION_ROW_REVERSE,
  "column-reverse": abi.LETUI_FLEX_DIRECTION_COLUMN_REVERSE,
} as const;
const WRAP = { nowrap: abi.LETUI_FLEX_WRAP_NOWRAP, wrap: abi.LETUI_FLEX_WRAP_WRAP, "wrap-reverse": abi.LETUI_FLEX_WRAP_WRAP_REVERSE } as const;
const ALIGN = {
  start: abi.LETUI_ALIGN_START,
  end: abi.LETUI_ALIGN_END,
  "flex-start": abi.LETUI_ALIGN_FLEX_START,
  "flex-end": abi.LETUI_ALIGN_FLEX_END,
  center: abi.LETUI_ALIGN_CENTER,
  baseline: abi.LETUI_ALIGN_BASELINE,
  stretch: abi.LETUI_ALIGN_STRETCH,
} as const;
const ALIGN_SELF = { auto: abi.LETUI_ALIGN_DEFAULT, ...ALIGN } as const;
const JUSTIFY = {
  start: abi.LETUI_JUSTIFY_START,
  end: abi.LETUI_JUSTIFY_END,
  "flex-start": abi.LETUI_JUSTIFY_FLEX_START,
  "flex-end": abi.LETUI_JUSTIFY_FLEX_END,
  center: abi.LETUI_JUSTIFY_CENTER,
  stretch: abi.LETUI_JUSTIFY_STRETCH,
  "space-between": abi.LETUI_JUSTIFY_SPACE_BETWEEN,
  "space-evenly": abi.LETUI_JUSTIFY_SPACE_EVENLY,
  "space-around": abi.LETUI_JUSTIFY_SPACE_AROUND,
} as const;
const OVERFLOW = { visible: abi.LETUI_OVERFLOW_VISIBLE, hidden: abi.LETUI_OVERFLOW_HIDDEN, scroll: abi.LETUI_OVERFLOW_SCROLL } as const;

/** Word offsets of the style block. */
const W = {
  display: abi.LETUI_STYLE_DISPLAY,
  position: abi.LETUI_STYLE_POSITION,
  flexDirection: abi.LETUI_STYLE_FLEX_DIRECTION,
  flexWrap: abi.LETUI_STYLE_FLEX_WRAP,
  alignItems: abi.LETUI_STYLE_ALIGN_ITEMS,
  alignSelf: abi.LETUI_STYLE_ALIGN_SELF,
  alignContent: abi.LETUI_STYLE_ALIGN_CONTENT,
  justifyContent: abi.LETUI_STYLE_JUSTIFY_CONTENT,
  overflowX: abi.LETUI_STYLE_OVERFLOW_X,
  overflowY: abi.LETUI_STYLE_OVERFLOW_Y,
  flexGrow: abi.LETUI_STYLE_FLEX_GROW,
  flexShrink: abi.LETUI_STYLE_FLEX_SHRINK,
  flexBasis: abi.LETUI_STYLE_FLEX_BASIS,
  width: abi.LETUI_STYLE_WIDTH,
  height: abi.LETUI_STYLE_HEIGHT,
  minWidth: abi.LETUI_STYLE_MIN_WIDTH,
  minHeight: abi.LETUI_STYLE_MIN_HEIGHT,
  maxWidth: abi.LETUI_STYLE_MAX_WIDTH,
  maxHeight: abi.LETUI_STYLE_MAX_HEIGHT,
  inset: abi.LETUI_STYLE_INSET,
  margin: abi.LETUI_STYLE_MARGIN,
  padding: abi.LETUI_STYLE_PADDING,
  border: abi.LETUI_STYLE_BORDER,
  rowGap: abi.LETUI_STYLE_ROW_GAP,
  columnGap: abi.LETUI_STYLE_COLUMN_GAP,
} as const;

/** Every {@link LayoutStyle} property name. */
export const LAYOUT_STYLE_KEYS = [
  "display",
  "position",
  "top",
  "right",
  "bottom",
  "left",
  "flexDirection",
  "flexWrap",
  "flexGrow",
  "flexShrink",
  "flexBasis",
  "alignItems",
  "alignSelf",
  "alignContent",
  "justifyContent",
  "width",
  "height",
  "minWidth",
  "minHeight",
  "maxWidth",
  "maxHeight",
  ...(["padding", "margin", "border"] as const).flatMap(
    (p) => [p, `${p}X`, `${p}Y`, `${p}Top`, `${p}Right`, `${p}Bottom`, `${p}Left`] as const,
  ),
  "gap",
  "rowGap",
  "columnGap",
  "overflow",
  "overflowX",
  "overflowY",
] as const satisfies readonly (keyof LayoutStyle)[];

const KNOWN = new Set<string>(LAYOUT_STYLE_KEYS);

const PERCENT = /^(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)%$/;

function show(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

function keyword<T extends Record<string, number>>(name: string, table: T, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  const n = typeof v === "string" && Object.hasOwn(table, v) ? table[v] : undefined;
  if (n === undefined) {
    const allowed = Object.keys(table)
      .map((k) => JSON.stringify(k))
      .join(", ");
    throw argumentError(`layout style ${name} must be one of ${allowed}, got ${show(v)}`);
  }
  return n;
}

function numberOf(name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw argumentError(`layout style ${name} must be a finite number, got ${show(v)}`);
  }
  return v;
}

/** Writes a length (unit, value) at `word`. */
function length(out: Float32Array, word: number, name: string, v: unknown, auto: boolean, fallback: unknown): void {
  if (v === undefined) v = fallback;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw argumentError(`layout style ${name} must be a finite number of cells, got ${v}`);
    out[word] = abi.LETUI_UNIT_CELLS;
    out[word + 1] = v;
    return;
  }
  if (v === "auto" && auto) {
    out[word] = abi.LETUI_UNIT_AUTO;
    out[word + 1] = 0;
    return;
  }
  const m = typeof v === "string" ? PERCENT.exec(v) : null;
  if (m) {
    out[word] = abi.LETUI_UNIT_PERCENT;
    out[word + 1] = Number(m[1]);
    return;
  }
  const forms = auto ? `a number of cells, a percentage like "50%" or "auto"` : `a number of cells or a percentage like "50%"`;
  throw argumentError(`layout style ${name} must be ${forms}, got ${show(v)}`);
}

/** The value of a side: the most particular property that is set. */
function side(s: Record<string, unknown>, base: string, axis: "X" | "Y", sideName: string): [string, unknown] {
  const own = `${base}${sideName}`;
  if (s[own] !== undefined) return [own, s[own]];
  const ax = `${base}${axis}`;
  if (s[ax] !== undefined) return [ax, s[ax]];
  return [base, s[base]];
}

const SIDES = [
  ["Top", "Y"],
  ["Right", "X"],
  ["Bottom", "Y"],
  ["Left", "X"],
] as const;

/**
 * Checks `style` and writes it into `out` (at least {@link STYLE_WORDS}
 * words). Throws a `LetuiError` naming the property for an unknown
 * property, a wrong type or an unknown keyword; value ranges (negative
 * sizes, ...) are checked natively.
 */
export function writeLayoutStyle(style: LayoutStyle, out: Float32Array): void {
  if (typeof style !== "object" || style === null) {
    throw argumentError(`a layout style must be an object, got ${show(style)}`);
  }
  const s = style as Record<string, unknown>;
  for (const k in s) {
    if (!KNOWN.has(k)) throw argumentError(`unknown layout style property ${JSON.stringify(k)}`);
  }
  out[W.display] = keyword("display", DISPLAY, s.display, DISPLAY.flex);
  out[W.position] = keyword("position", POSITION, s.position, POSITION.relative);
  out[W.flexDirection] = keyword("flexDirection", DIRECTION, s.flexDirection, DIRECTION.row);
  out[W.flexWrap] = keyword("flexWrap", WRAP, s.flexWrap, WRAP.nowrap);
  out[W.alignItems] = keyword("alignItems", ALIGN, s.alignItems, abi.LETUI_ALIGN_DEFAULT);
  out[W.alignSelf] = keyword("alignSelf", ALIGN_SELF, s.alignSelf, abi.LETUI_ALIGN_DEFAULT);
  out[W.alignContent] = keyword("alignContent", JUSTIFY, s.alignContent, abi.LETUI_JUSTIFY_DEFAULT);
  out[W.justifyContent] = keyword("justifyContent", JUSTIFY, s.justifyContent, abi.LETUI_JUSTIFY_DEFAULT);
  const overflow = keyword("overflow", OVERFLOW, s.overflow, OVERFLOW.visible);
  out[W.overflowX] = keyword("overflowX", OVERFLOW, s.overflowX, overflow);
  out[W.overflowY] = keyword("overflowY", OVERFLOW, s.overflowY, overflow);
  out[W.flexGrow] = numberOf("flexGrow", s.flexGrow, 0);
  out[W.flexShrink] = numberOf("flexShrink", s.flexShrink, 1);
  length(out, W.flexBasis, "flexBasis", s.flexBasis, true, "auto");
  length(out, W.width, "width", s.width, true, "auto");
  length(out, W.height, "height", s.height, true, "auto");
  length(out, W.minWidth, "minWidth", s.minWidth, true, "auto");
  length(out, W.minHeight, "minHeight", s.minHeight, true, "auto");
  length(out, W.maxWidth, "maxWidth", s.maxWidth, true, "auto");
  length(out, W.maxHeight, "maxHeight", s.maxHeight, true, "auto");
  length(out, W.inset, "top", s.top, true, "auto");
  length(out, W.inset + 2, "right", s.right, true, "auto");
  length(out, W.inset + 4, "bottom", s.bottom, true, "auto");
  length(out, W.inset + 6, "left", s.left, true, "auto");
  for (let i = 0; i < 4; i++) {
    const [sideName, axis] = SIDES[i] as (typeof SIDES)[number];
    const [mName, m] = side(s, "margin", axis, sideName);
    length(out, W.margin + 2 * i, mName, m, true, 0);
    const [pName, p] = side(s, "padding", axis, sideName);
    length(out, W.padding + 2 * i, pName, p, false, 0);
    const [bName, b] = side(s, "border", axis, sideName);
    out[W.border + 2 * i] = abi.LETUI_UNIT_CELLS;
    out[W.border + 2 * i + 1] = numberOf(bName, b, 0);
  }
  length(out, W.rowGap, s.rowGap !== undefined ? "rowGap" : "gap", s.rowGap ?? s.gap, false, 0);
  length(out, W.columnGap, s.columnGap !== undefined ? "columnGap" : "gap", s.columnGap ?? s.gap, false, 0);
  out.fill(0, W.columnGap + 2, STYLE_WORDS);
}
