/**
 * Layout styles: CSS flexbox names in cells, checked and packed into the
 * native style block (the word layout documented in
 * crates/letui-ffi/src/layout.rs).
 */
import { argumentError } from "../native/errors.ts";

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
export const STYLE_WORDS = 64;

const DISPLAY = { flex: 0, none: 1 } as const;
const POSITION = { relative: 0, absolute: 1 } as const;
const DIRECTION = { row: 0, column: 1, "row-reverse": 2, "column-reverse": 3 } as const;
const WRAP = { nowrap: 0, wrap: 1, "wrap-reverse": 2 } as const;
const ALIGN = { start: 1, end: 2, "flex-start": 3, "flex-end": 4, center: 5, baseline: 6, stretch: 7 } as const;
const ALIGN_SELF = { auto: 0, ...ALIGN } as const;
const JUSTIFY = {
  start: 1,
  end: 2,
  "flex-start": 3,
  "flex-end": 4,
  center: 5,
  stretch: 6,
  "space-between": 7,
  "space-evenly": 8,
  "space-around": 9,
} as const;
const OVERFLOW = { visible: 0, hidden: 1, scroll: 2 } as const;

/** Word offsets of the style block. */
const W = {
  display: 0,
  position: 1,
  flexDirection: 2,
  flexWrap: 3,
  alignItems: 4,
  alignSelf: 5,
  alignContent: 6,
  justifyContent: 7,
  overflowX: 8,
  overflowY: 9,
  flexGrow: 10,
  flexShrink: 11,
  flexBasis: 12,
  width: 14,
  height: 16,
  minWidth: 18,
  minHeight: 20,
  maxWidth: 22,
  maxHeight: 24,
  inset: 26,
  margin: 34,
  padding: 42,
  border: 50,
  rowGap: 58,
  columnGap: 60,
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
    out[word] = 1;
    out[word + 1] = v;
    return;
  }
  if (v === "auto" && auto) {
    out[word] = 0;
    out[word + 1] = 0;
    return;
  }
  const m = typeof v === "string" ? PERCENT.exec(v) : null;
  if (m) {
    out[word] = 2;
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
export function packStyle(style: LayoutStyle, out: Float32Array): void {
  if (typeof style !== "object" || style === null) {
    throw argumentError(`a layout style must be an object, got ${show(style)}`);
  }
  const s = style as Record<string, unknown>;
  for (const k in s) {
    if (!KNOWN.has(k)) throw argumentError(`unknown layout style property ${JSON.stringify(k)}`);
  }
  out[W.display] = keyword("display", DISPLAY, s.display, 0);
  out[W.position] = keyword("position", POSITION, s.position, 0);
  out[W.flexDirection] = keyword("flexDirection", DIRECTION, s.flexDirection, 0);
  out[W.flexWrap] = keyword("flexWrap", WRAP, s.flexWrap, 0);
  out[W.alignItems] = keyword("alignItems", ALIGN, s.alignItems, 0);
  out[W.alignSelf] = keyword("alignSelf", ALIGN_SELF, s.alignSelf, 0);
  out[W.alignContent] = keyword("alignContent", JUSTIFY, s.alignContent, 0);
  out[W.justifyContent] = keyword("justifyContent", JUSTIFY, s.justifyContent, 0);
  const overflow = keyword("overflow", OVERFLOW, s.overflow, 0);
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
    out[W.border + 2 * i] = 1;
    out[W.border + 2 * i + 1] = numberOf(bName, b, 0);
  }
  length(out, W.rowGap, s.rowGap !== undefined ? "rowGap" : "gap", s.rowGap ?? s.gap, false, 0);
  length(out, W.columnGap, s.columnGap !== undefined ? "columnGap" : "gap", s.columnGap ?? s.gap, false, 0);
  out[62] = 0;
  out[63] = 0;
}
