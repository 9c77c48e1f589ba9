/**
 * Colors and text styles, and their packing into the cell words the native
 * screen stores (see `crates/letui-core/src/cell.rs`).
 */
import { argumentError } from "./errors.ts";
import * as abi from "./native/abi.ts";

/** A color: a name, `#rgb`/`#rrggbb`, `rgb(r, g, b)`, a 256-palette index, an RGB object, `"default"`, or `"keep"` (draw over the existing color). */
export type ColorInput = string | number | { r: number; g: number; b: number } | null | undefined;

/** Underline styles. */
export type UnderlineStyle = "single" | "double" | "curly" | "dotted" | "dashed";

/** How text looks. Every field is optional; missing means default / off. */
export interface Style {
  /** Foreground color. */
  fg?: ColorInput;
  /** Background color. */
  bg?: ColorInput;
  /** Bold. */
  bold?: boolean;
  /** Dim (faint). */
  dim?: boolean;
  /** Italic. */
  italic?: boolean;
  /** Underline: `true` for a single line, or a style. */
  underline?: boolean | UnderlineStyle;
  /** Blink. */
  blink?: boolean;
  /** Swap foreground and background. */
  inverse?: boolean;
  /** Hidden (concealed). */
  hidden?: boolean;
  /** Strikethrough. */
  strikethrough?: boolean;
  /** OSC 8 hyperlink target. */
  link?: string;
}

const PACKED: unique symbol = Symbol("letui.packedStyle");

/** A style converted to cell words once, for reuse in hot drawing code. */
export interface PackedStyle {
  /** Foreground color word. */
  readonly fg: number;
  /** Background color word. */
  readonly bg: number;
  /** Attribute word without the hyperlink id. */
  readonly attrs: number;
  /** Hyperlink target, resolved to an id by each screen. */
  readonly link: string | undefined;
  /** Brand. */
  readonly [PACKED]: true;
}

/** Color word of the terminal default color. */
export const DEFAULT_COLOR = abi.LETUI_COLOR_DEFAULT;
/** Color word meaning "keep the cell's color" (drawing only). */
export const KEEP_COLOR = abi.LETUI_COLOR_KEEP;

/** Attribute bits (cell word 3). */
export const Attr = {
  bold: abi.LETUI_ATTR_BOLD,
  dim: abi.LETUI_ATTR_DIM,
  italic: abi.LETUI_ATTR_ITALIC,
  blink: abi.LETUI_ATTR_BLINK,
  inverse: abi.LETUI_ATTR_INVERSE,
  hidden: abi.LETUI_ATTR_HIDDEN,
  strikethrough: abi.LETUI_ATTR_STRIKETHROUGH,
} as const;

const UNDERLINE_SHIFT = abi.LETUI_ATTR_UNDERLINE_SHIFT;
const LINK_SHIFT = abi.LETUI_ATTR_LINK_SHIFT;

const UNDERLINE: Record<UnderlineStyle, number> = { single: 1, double: 2, curly: 3, dotted: 4, dashed: 5 };

const NAMED: Record<string, number> = {
  black: 0,
  red: 1,
  green: 2,
  yellow: 3,
  blue: 4,
  magenta: 5,
  cyan: 6,
  white: 7,
  gray: 8,
  grey: 8,
  brightblack: 8,
  brightred: 9,
  brightgreen: 10,
  brightyellow: 11,
  brightblue: 12,
  brightmagenta: 13,
  brightcyan: 14,
  brightwhite: 15,
};

/** The color word of a 24-bit color. */
export function rgb(r: number, g: number, b: number): number {
  // One combined check keeps this cheap enough for per-cell use.
  if (!((r & 255) === r && (g & 255) === g && (b & 255) === b)) {
    throw argumentError(`color components (${r}, ${g}, ${b}) must be integers in 0..255`);
  }
  return (abi.LETUI_COLOR_TAG_RGB | (r << 16) | (g << 8) | b) >>> 0;
}

/** The color word of a 256-palette index (0..15 are the terminal's named colors). */
export function indexed(i: number): number {
  if (!Number.isInteger(i) || i < 0 || i > 255) {
    throw argumentError(`palette index ${i} is not an integer in 0..255`);
  }
  return (abi.LETUI_COLOR_TAG_PALETTE | i) >>> 0;
}

const colorCache = new Map<string, number>();

function parseColorString(s: string): number {
  const key = s.trim().toLowerCase();
  if (key === "" || key === "default" || key === "none") return DEFAULT_COLOR;
  if (key === "keep" || key === "inherit" || key === "transparent") return KEEP_COLOR;
  const named = NAMED[key.replace(/[-_ ]/g, "")];
  if (named !== undefined) return indexed(named);
  let m = /^#([0-9a-f]{6})$/.exec(key);
  if (m?.[1]) {
    const v = Number.parseInt(m[1], 16);
    return rgb((v >> 16) & 255, (v >> 8) & 255, v & 255);
  }
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(key);
  if (m?.[1] && m[2] && m[3]) {
    return rgb(Number.parseInt(m[1], 16) * 17, Number.parseInt(m[2], 16) * 17, Number.parseInt(m[3], 16) * 17);
  }
  m = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(key);
  if (m?.[1] && m[2] && m[3]) return rgb(Number(m[1]), Number(m[2]), Number(m[3]));
  throw argumentError(
    `unknown color ${JSON.stringify(s)}: use a name (red, brightBlue...), #rgb, #rrggbb, rgb(r, g, b), a palette index, "default" or "keep"`,
  );
}

/** Converts any {@link ColorInput} to its color word; throws a `LetuiError` for invalid input. */
export function color(input: ColorInput): number {
  if (input === undefined || input === null) return DEFAULT_COLOR;
  if (typeof input === "number") return indexed(input);
  if (typeof input === "string") {
    let c = colorCache.get(input);
    if (c === undefined) {
      c = parseColorString(input);
      if (colorCache.size < 4096) colorCache.set(input, c);
    }
    return c;
  }
  if (typeof input === "object") return rgb(input.r, input.g, input.b);
  throw argumentError(`invalid color ${String(input)}`);
}

const packedCache = new WeakMap<Style, PackedStyle>();

/** True for a style made by {@link packStyle}. */
export function isPacked(s: Style | PackedStyle): s is PackedStyle {
  return (s as PackedStyle)[PACKED] === true;
}

/**
 * Converts a style to cell words. The result of packing the same style
 * object is cached, so passing the same `Style` repeatedly costs nothing.
 */
export function packStyle(style?: Style | PackedStyle): PackedStyle {
  if (style === undefined) return PLAIN;
  if (isPacked(style)) return style;
  const cached = packedCache.get(style);
  if (cached) return cached;
  let attrs = 0;
  if (style.bold) attrs |= Attr.bold;
  if (style.dim) attrs |= Attr.dim;
  if (style.italic) attrs |= Attr.italic;
  if (style.blink) attrs |= Attr.blink;
  if (style.inverse) attrs |= Attr.inverse;
  if (style.hidden) attrs |= Attr.hidden;
  if (style.strikethrough) attrs |= Attr.strikethrough;
  if (style.underline) {
    const u = style.underline === true ? 1 : UNDERLINE[style.underline];
    if (u === undefined) throw argumentError(`unknown underline style ${JSON.stringify(style.underline)}`);
    attrs |= u << UNDERLINE_SHIFT;
  }
  if (style.link !== undefined && typeof style.link !== "string") {
    throw argumentError("style.link must be a string URL");
  }
  const packed: PackedStyle = { fg: color(style.fg), bg: color(style.bg), attrs, link: style.link || undefined, [PACKED]: true };
  packedCache.set(style, packed);
  return packed;
}

/** The default style: default colors, no attributes. */
export const PLAIN: PackedStyle = { fg: 0, bg: 0, attrs: 0, link: undefined, [PACKED]: true };

/** Decoded attributes of a cell, as read back from a screen. */
export interface CellStyle {
  /** Foreground color word. */
  fg: number;
  /** Background color word. */
  bg: number;
  /** Bold. */
  bold: boolean;
  /** Dim. */
  dim: boolean;
  /** Italic. */
  italic: boolean;
  /** Underline style, or `false`. */
  underline: false | UnderlineStyle;
  /** Blink. */
  blink: boolean;
  /** Inverse. */
  inverse: boolean;
  /** Hidden. */
  hidden: boolean;
  /** Strikethrough. */
  strikethrough: boolean;
  /** Hyperlink id (0: none). */
  linkId: number;
}

const UNDERLINE_NAMES: (false | UnderlineStyle)[] = [false, "single", "double", "curly", "dotted", "dashed"];

/** Decodes cell words into a {@link CellStyle}. */
export function decodeStyle(fg: number, bg: number, attrs: number): CellStyle {
  return {
    fg,
    bg,
    bold: (attrs & Attr.bold) !== 0,
    dim: (attrs & Attr.dim) !== 0,
    italic: (attrs & Attr.italic) !== 0,
    underline: UNDERLINE_NAMES[(attrs >> UNDERLINE_SHIFT) & 7] ?? "single",
    blink: (attrs & Attr.blink) !== 0,
    inverse: (attrs & Attr.inverse) !== 0,
    hidden: (attrs & Attr.hidden) !== 0,
    strikethrough: (attrs & Attr.strikethrough) !== 0,
    linkId: attrs >>> LINK_SHIFT,
  };
}

/** Formats a color word for humans: `default`, `#rrggbb`, or a palette index like `idx(196)`. */
export function formatColor(word: number): string {
  const tag = (word & 0xff00_0000) >>> 0;
  if (tag === abi.LETUI_COLOR_TAG_PALETTE) return `idx(${word & 255})`;
  if (tag === abi.LETUI_COLOR_TAG_RGB) return `#${(word & 0xffffff).toString(16).padStart(6, "0")}`;
  return "default";
}

/** The {@link ColorInput} of a color word (the inverse of {@link color}). */
export function colorOfWord(word: number): ColorInput {
  const tag = (word & 0xff00_0000) >>> 0;
  if (tag === abi.LETUI_COLOR_TAG_PALETTE) return word & 255;
  if (tag === abi.LETUI_COLOR_TAG_RGB) return `#${(word & 0xffffff).toString(16).padStart(6, "0")}`;
  if (word === KEEP_COLOR) return "keep";
  return "default";
}
