/**
 * Reading a screen back, for tests, tools and oracles: cells with their
 * text, width, style and link, and rows as styled spans. The cell view is
 * read directly; only clusters of more than one code point cross the FFI.
 */
import { LETUI_CELL_WORDS, LETUI_GLYPH_CONTINUATION, LETUI_GLYPH_POOL_BIT } from "./native/abi.ts";
import type { Screen } from "./screen.ts";
import { type CellStyle, decodeStyle } from "./style.ts";

const WORDS = LETUI_CELL_WORDS;

/** One cell read back from a screen (see {@link Screen.cellAt}). */
export interface CellInfo {
  /** The cluster's text; `""` for the right half of a wide character. */
  text: string;
  /** Cells the cluster takes: 1, 2 for a wide character, 0 for its right half. */
  width: number;
  /** Colors and attributes. */
  style: CellStyle;
  /** The hyperlink's URL, when the cell links somewhere. */
  link?: string;
}

/** A run of cells with one style and link (see {@link Screen.lines}). */
export interface StyledSpan {
  /** The text, each cluster once. */
  text: string;
  /** Cells it covers. */
  width: number;
  /** Colors and attributes. */
  style: CellStyle;
  /** The hyperlink's URL, if any. */
  link?: string;
}

/** A row read back as spans (see {@link Screen.lines}). */
export interface StyledLine {
  /** The row's text (as {@link Screen.rowText}). */
  text: string;
  /** Runs of equal style, left to right, covering the whole row. */
  spans: StyledSpan[];
}

/** The text of the cluster whose glyph word is `g`, at (x, y). */
function glyphText(screen: Screen, g: number, x: number, y: number): string {
  if (g === LETUI_GLYPH_CONTINUATION) return "";
  if (g & LETUI_GLYPH_POOL_BIT) return screen.clusterText(x, y);
  return g === 0 ? " " : String.fromCodePoint(g);
}

/** Cells `x0`..`x1` of row `y` as text. */
export function textOf(screen: Screen, y: number, x0: number, x1: number): string {
  const w = screen.width;
  const a = Math.max(0, Math.min(w, Math.trunc(x0)));
  const b = Math.max(a, Math.min(w, Math.trunc(x1)));
  const c = screen.cells;
  let out = "";
  for (let x = a, i = (y * w + a) * WORDS; x < b; x++, i += WORDS) out += glyphText(screen, c[i] ?? 0x20, x, y);
  return out;
}

/** The cell at (x, y), already checked to be inside. */
export function cellAt(screen: Screen, x: number, y: number): CellInfo {
  const w = screen.width;
  const c = screen.cells;
  const i = (y * w + x) * WORDS;
  const g = c[i] ?? 0x20;
  const style = decodeStyle(c[i + 1] ?? 0, c[i + 2] ?? 0, c[i + 3] ?? 0);
  const width = g === LETUI_GLYPH_CONTINUATION ? 0 : x + 1 < w && c[i + WORDS] === LETUI_GLYPH_CONTINUATION ? 2 : 1;
  const info: CellInfo = { text: glyphText(screen, g, x, y), width, style };
  const link = style.linkId === 0 ? undefined : screen.linkUrl(style.linkId);
  if (link !== undefined) info.link = link;
  return info;
}

/** Every row of the screen as styled spans. */
export function lines(screen: Screen): StyledLine[] {
  const w = screen.width;
  const out: StyledLine[] = [];
  for (let y = 0; y < screen.height; y++) {
    const c = screen.cells;
    const spans: StyledSpan[] = [];
    let text = "";
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const i = (y * w + x) * WORDS;
      const prev = (y * w + start) * WORDS;
      // A new span where the style words change (continuations share their wide character's).
      const boundary =
        x === w ||
        start < 0 ||
        (c[i] !== LETUI_GLYPH_CONTINUATION && (c[i + 1] !== c[prev + 1] || c[i + 2] !== c[prev + 2] || c[i + 3] !== c[prev + 3]));
      if (boundary && start >= 0) {
        const spanText = textOf(screen, y, start, x);
        const first = cellAt(screen, start, y);
        const span: StyledSpan = { text: spanText, width: x - start, style: first.style };
        if (first.link !== undefined) span.link = first.link;
        spans.push(span);
        text += spanText;
      }
      if (boundary) start = x;
    }
    out.push({ text, spans });
  }
  return out;
}
