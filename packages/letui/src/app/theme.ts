/**
 * Themes: the colors every component reads by default, and the looks
 * derived from them for each color mode. Focus and selection must stay
 * visible however few colors the terminal has: with 16 colors they add
 * bold and underline, and with no color they use inverse, bold and
 * underline alone.
 */
import type { ColorMode } from "../screen.ts";
import { type ColorInput, colorOfWord, type PackedStyle, packStyle, type Style } from "../style.ts";

/** The colors components use. */
export interface Theme {
  /** Text. */
  fg: ColorInput;
  /** Background of the app (`"default"` leaves the terminal's own). */
  bg: ColorInput;
  /** Secondary text: hints, placeholders, disabled labels. */
  muted: ColorInput;
  /** Highlights: titles, marks of checked boxes, the active tab. */
  accent: ColorInput;
  /** The focused element: focus borders, a focused button, the cursor row of a focused list. */
  focus: ColorInput;
  /** Text drawn on {@link focus}. */
  focusFg: ColorInput;
  /** Selected rows and items. */
  selection: ColorInput;
  /** Text drawn on {@link selection}. */
  selectionFg: ColorInput;
  /** Borders and separators. */
  border: ColorInput;
  /** Fields and buttons. */
  surface: ColorInput;
  /** Fields and buttons while focused or hovered. */
  surfaceFocus: ColorInput;
  /** Errors. */
  error: ColorInput;
  /** Warnings. */
  warning: ColorInput;
  /** Success. */
  success: ColorInput;
}

/** The default theme, for dark terminals. */
export const darkTheme: Theme = Object.freeze({
  fg: "#d8dae5",
  bg: "default",
  muted: "#7c7f8f",
  accent: "#8be9fd",
  focus: "#5865f2",
  focusFg: "#ffffff",
  selection: "#44475a",
  selectionFg: "#ffffff",
  border: "#6c7086",
  surface: "#262833",
  surfaceFocus: "#3b4070",
  error: "#ff5555",
  warning: "#f1fa8c",
  success: "#50fa7b",
});

/** A theme for light terminals. */
export const lightTheme: Theme = Object.freeze({
  fg: "#1f2330",
  bg: "default",
  muted: "#6b6f80",
  accent: "#0057b8",
  focus: "#3451d1",
  focusFg: "#ffffff",
  selection: "#c9d4f2",
  selectionFg: "#10131c",
  border: "#8a8fa3",
  surface: "#e6e8ef",
  surfaceFocus: "#c3cbf0",
  error: "#c4262e",
  warning: "#9a6700",
  success: "#1a7f37",
});

/** Looks built from a theme for one color mode, packed once. */
export interface Looks {
  /** Plain text over the existing background. */
  text: PackedStyle;
  /** Muted text. */
  muted: PackedStyle;
  /** Accent text. */
  accent: PackedStyle;
  /** A border. */
  border: PackedStyle;
  /** A border (and title) of a box with focus inside. */
  focusBorder: PackedStyle;
  /** A field or button. */
  field: PackedStyle;
  /** A field while focused. */
  fieldFocus: PackedStyle;
  /** A placeholder in a field. */
  placeholder: PackedStyle;
  /** A button or control while focused (strong). */
  focus: PackedStyle;
  /** A button under the pointer. */
  hover: PackedStyle;
  /** A button while pressed. */
  pressed: PackedStyle;
  /** A disabled control. */
  disabled: PackedStyle;
  /** A selected row in a list that does not have focus. */
  selection: PackedStyle;
  /** The cursor row of a focused list (selected or not). */
  cursor: PackedStyle;
  /** A scrollbar's track. */
  track: PackedStyle;
  /** A scrollbar's thumb. */
  thumb: PackedStyle;
  /** Error text. */
  error: PackedStyle;
  /** Warning text. */
  warning: PackedStyle;
  /** Success text. */
  success: PackedStyle;
}

function build(t: Theme, mode: Exclude<ColorMode, "auto">): Looks {
  const p = (s: Style) => packStyle(s);
  if (mode === "none") {
    // Attributes only: inverse for selection, plus bold and underline for focus.
    return {
      text: p({ bg: "keep" }),
      muted: p({ bg: "keep", dim: true }),
      accent: p({ bg: "keep", bold: true }),
      border: p({ bg: "keep" }),
      focusBorder: p({ bg: "keep", bold: true }),
      field: p({ underline: true }),
      fieldFocus: p({ underline: true, bold: true, inverse: true }),
      placeholder: p({ underline: true, dim: true }),
      focus: p({ inverse: true, bold: true, underline: true }),
      hover: p({ bold: true }),
      pressed: p({ inverse: true }),
      disabled: p({ dim: true }),
      selection: p({ inverse: true }),
      cursor: p({ inverse: true, bold: true, underline: true }),
      track: p({ bg: "keep", dim: true }),
      thumb: p({ inverse: true }),
      error: p({ bg: "keep", bold: true }),
      warning: p({ bg: "keep", bold: true }),
      success: p({ bg: "keep" }),
    };
  }
  // Few colors: focus also gets attributes, since nearby shades collapse.
  const few = mode === "16";
  return {
    text: p({ fg: t.fg, bg: "keep" }),
    muted: p({ fg: t.muted, bg: "keep" }),
    accent: p({ fg: t.accent, bg: "keep" }),
    border: p({ fg: t.border, bg: "keep" }),
    focusBorder: p({ fg: t.focus, bg: "keep", bold: true }),
    field: p({ fg: t.fg, bg: t.surface }),
    fieldFocus: p({ fg: t.fg, bg: t.surfaceFocus, underline: few, bold: few }),
    placeholder: p({ fg: t.muted, bg: t.surface, italic: true }),
    focus: p({ fg: t.focusFg, bg: t.focus, bold: true, underline: few }),
    hover: p({ fg: t.fg, bg: t.surfaceFocus }),
    pressed: p({ fg: t.focus, bg: t.focusFg, bold: true }),
    disabled: p({ fg: t.muted, bg: t.surface, dim: few }),
    selection: p({ fg: t.selectionFg, bg: t.selection, inverse: few }),
    cursor: p({ fg: t.focusFg, bg: t.focus, bold: true, underline: few }),
    track: p({ fg: t.border, bg: "keep" }),
    thumb: p({ fg: t.fg, bg: "keep" }),
    error: p({ fg: t.error, bg: "keep" }),
    warning: p({ fg: t.warning, bg: "keep" }),
    success: p({ fg: t.success, bg: "keep" }),
  };
}

const cache = new WeakMap<Theme, Map<string, Looks>>();

/** The looks of `theme` in color `mode` (built once per theme object and mode). */
export function looksOf(theme: Theme, mode: Exclude<ColorMode, "auto">): Looks {
  let byMode = cache.get(theme);
  if (!byMode) {
    byMode = new Map();
    cache.set(theme, byMode);
  }
  let looks = byMode.get(mode);
  if (!looks) {
    looks = build(theme, mode);
    byMode.set(mode, looks);
  }
  return looks;
}

const overlays = new WeakMap<Style, Map<string, PackedStyle>>();

/**
 * A theme look with a style prop over it: the look's colors, then the
 * style's fields (packed once per look and style object).
 */
export function overlayStyle(base: PackedStyle, own: Style | undefined): PackedStyle {
  if (!own) return base;
  let byBase = overlays.get(own);
  if (!byBase) {
    byBase = new Map();
    overlays.set(own, byBase);
  }
  const key = `${base.fg}:${base.bg}:${base.attrs}`;
  let packed = byBase.get(key);
  if (!packed) {
    packed = packStyle({ fg: colorOfWord(base.fg), bg: colorOfWord(base.bg), ...own });
    byBase.set(key, packed);
  }
  return packed;
}
