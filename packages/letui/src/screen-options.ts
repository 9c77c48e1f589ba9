/**
 * The options and settings of a {@link Screen}: color modes, capabilities
 * and cursor shapes.
 */
import type { LetuiError } from "./errors.ts";
import {
  LETUI_COLOR_MODE_BASIC16,
  LETUI_COLOR_MODE_DETECT,
  LETUI_COLOR_MODE_NONE,
  LETUI_COLOR_MODE_PALETTE256,
  LETUI_COLOR_MODE_TRUECOLOR,
} from "./native/abi.ts";
import type { Screen } from "./screen.ts";

/** How many colors the terminal shows. `"auto"` reads COLORTERM, TERM, NO_COLOR and LETUI_COLOR. */
export type ColorMode = "auto" | "truecolor" | "256" | "16" | "none";

export const COLOR_MODES: Record<ColorMode, number> = {
  auto: LETUI_COLOR_MODE_DETECT,
  truecolor: LETUI_COLOR_MODE_TRUECOLOR,
  "256": LETUI_COLOR_MODE_PALETTE256,
  "16": LETUI_COLOR_MODE_BASIC16,
  none: LETUI_COLOR_MODE_NONE,
};
export const COLOR_MODE_NAMES = new Map<number, Exclude<ColorMode, "auto">>([
  [LETUI_COLOR_MODE_TRUECOLOR, "truecolor"],
  [LETUI_COLOR_MODE_PALETTE256, "256"],
  [LETUI_COLOR_MODE_BASIC16, "16"],
  [LETUI_COLOR_MODE_NONE, "none"],
]);

/** Options of a {@link Screen}. */
export interface ScreenOptions {
  /** Width in cells. */
  width: number;
  /** Height in cells. */
  height: number;
  /**
   * Where frames go: a file descriptor, or `null` for an output buffer
   * drained with {@link Screen.takeOutput} (to render to any stream).
   * @default 1 (stdout)
   */
  fd?: number | null;
  /**
   * Color capability; downgrades 24-bit colors for the terminal.
   * @default "auto"
   */
  colorMode?: ColorMode;
  /**
   * Called once when the output fails (the terminal or pipe is gone);
   * frames are dropped from then on, and `render()` does not throw.
   */
  onOutputError?: (error: LetuiError) => void;
}

/** Terminal features the renderer may use (all on by default). */
export interface Capabilities {
  /** Wrap frames in synchronized output (mode 2026). */
  synchronizedOutput: boolean;
  /** Send curly/double/dotted/dashed underlines, not just single. */
  styledUnderline: boolean;
  /** Send OSC 8 hyperlinks. */
  hyperlinks: boolean;
  /** Scroll regions for content that moved by whole rows. */
  scrollRegions: boolean;
}

/** Cursor shapes (DECSCUSR). */
export type CursorShape = "default" | "block" | "underline" | "bar";
