/**
 * Screen-wide selection. With mouse reporting on, the terminal's own
 * selection stops working, so the app keeps one: a drag selects cells in
 * reading order (to the end of the first row, whole rows between, the
 * start of the last), across components, leaving out elements marked
 * `selectable: false`. It is drawn over whatever painted there, and its
 * text is read back from the screen's cells.
 */
import type { Screen } from "../screen.ts";
import { CELL_WORDS } from "../screen.ts";
import { type PackedStyle, packStyle } from "../style.ts";
import type { Element, Rect } from "./element.ts";
import type { Theme } from "./theme.ts";

/** A cell of the screen. */
export interface ScreenCell {
  /** Column. */
  readonly x: number;
  /** Row. */
  readonly y: number;
}

/** A selection between two cells (both included), `anchor` where it began. */
export interface ScreenSelection {
  /** Where the drag began. */
  readonly anchor: ScreenCell;
  /** Where it is now. */
  readonly head: ScreenCell;
}

/** The selection's first and last cells in reading order. */
export function ordered(s: ScreenSelection): [ScreenCell, ScreenCell] {
  const { anchor: a, head: b } = s;
  return a.y < b.y || (a.y === b.y && a.x <= b.x) ? [a, b] : [b, a];
}

/** The selected columns `[x0, x1)` of row `y` (empty when the row is outside). */
export function rowSpan(s: ScreenSelection, y: number, width: number): [number, number] {
  const [a, b] = ordered(s);
  if (y < a.y || y > b.y) return [0, 0];
  const x0 = y === a.y ? a.x : 0;
  const x1 = y === b.y ? b.x + 1 : width;
  return [Math.max(0, x0), Math.min(width, x1)];
}

/** The on-screen rectangles of elements that opted out (`selectable: false`), subtrees included. */
export function excludedRects(root: Element): Rect[] {
  const out: Rect[] = [];
  const visit = (el: Element): void => {
    if (!el.selectable) {
      if (el.clip.width > 0 && el.clip.height > 0) out.push(el.clip);
      return;
    }
    for (const c of el.children) visit(c);
  };
  visit(root);
  return out;
}

/** Splits `[x0, x1)` of row `y` into the parts outside every excluded rectangle. */
function segments(y: number, x0: number, x1: number, excluded: readonly Rect[]): [number, number][] {
  let parts: [number, number][] = [[x0, x1]];
  for (const r of excluded) {
    if (y < r.y || y >= r.y + r.height) continue;
    const next: [number, number][] = [];
    for (const [a, b] of parts) {
      const ra = Math.max(a, r.x);
      const rb = Math.min(b, r.x + r.width);
      if (ra >= rb) next.push([a, b]);
      else {
        if (a < ra) next.push([a, ra]);
        if (rb < b) next.push([rb, b]);
      }
    }
    parts = next;
  }
  return parts;
}

/** The selected text: rows in reading order, each without trailing spaces, joined by newlines. */
export function selectedText(screen: Screen, s: ScreenSelection, excluded: readonly Rect[]): string {
  const [a, b] = ordered(s);
  const rows: string[] = [];
  for (let y = Math.max(0, a.y); y <= Math.min(screen.height - 1, b.y); y++) {
    const [x0, x1] = rowSpan(s, y, screen.width);
    let row = "";
    for (const [p, q] of segments(y, x0, x1, excluded)) row += screen.textOf(y, p, q);
    rows.push(row.trimEnd());
  }
  return rows.join("\n");
}

/** Draws the selection over the screen's cells in `look`'s colors (idempotent, so it can run after any repaint). */
export function paintSelection(screen: Screen, s: ScreenSelection, excluded: readonly Rect[], look: PackedStyle): void {
  const [a, b] = ordered(s);
  const cells = screen.cells;
  const w = screen.width;
  for (let y = Math.max(0, a.y); y <= Math.min(screen.height - 1, b.y); y++) {
    const [x0, x1] = rowSpan(s, y, w);
    for (const [p, q] of segments(y, x0, x1, excluded)) {
      for (let i = (y * w + p) * CELL_WORDS, end = (y * w + q) * CELL_WORDS; i < end; i += CELL_WORDS) {
        cells[i + 1] = look.fg;
        cells[i + 2] = look.bg;
      }
    }
  }
}

/** What a {@link SelectionState} needs from its app: the screen size, damage, and the theme. */
export interface SelectionHost {
  /** The screen's width and height in cells. */
  size(): readonly [number, number];
  /** The theme whose selection colors are drawn. */
  theme(): Theme;
  /** Repaints an area. */
  damageRect(r: Rect): void;
}

/**
 * The app's screen-wide selection: the selected span, a press that may
 * start a drag, and the packed look (rebuilt only when the theme changes).
 */
export class SelectionState {
  /** The current selection, if any. */
  current: ScreenSelection | null = null;
  /** Where a left press that no element captured went down (a drag from it selects). */
  from: ScreenCell | null = null;
  /** True while a drag is selecting. */
  selecting = false;
  #look: { theme: Theme; style: PackedStyle } | undefined;

  constructor(private readonly host: SelectionHost) {}

  /** Forgets everything (the screen was resized). */
  reset(): void {
    this.current = null;
    this.from = null;
    this.selecting = false;
  }

  /** Selects from `anchor` to `head`, clamped to the screen. */
  set(anchor: ScreenCell, head: ScreenCell): void {
    const [w, h] = this.host.size();
    const c = (p: ScreenCell) => ({ x: clamp(Math.trunc(p.x), 0, w - 1), y: clamp(Math.trunc(p.y), 0, h - 1) });
    const next = { anchor: c(anchor), head: c(head) };
    this.#damageRows(this.current, next);
    this.current = next;
  }

  /** Drops the selection. */
  clear(): void {
    if (!this.current) return;
    this.#damageRows(this.current, null);
    this.current = null;
  }

  /** The packed selection look of the host's theme. */
  style(): PackedStyle {
    const t = this.host.theme();
    if (this.#look?.theme !== t) this.#look = { theme: t, style: packStyle({ fg: t.selectionFg, bg: t.selection }) };
    return this.#look.style;
  }

  /** Repaints the rows whose selected part changed between `prev` and `next`. */
  #damageRows(prev: ScreenSelection | null, next: ScreenSelection | null): void {
    let y0: number;
    let y1: number;
    if (prev && next && prev.anchor.x === next.anchor.x && prev.anchor.y === next.anchor.y) {
      y0 = Math.min(prev.head.y, next.head.y);
      y1 = Math.max(prev.head.y, next.head.y);
    } else {
      const spans = [prev, next].filter((s): s is ScreenSelection => s !== null).map(ordered);
      y0 = Math.min(...spans.map(([a]) => a.y));
      y1 = Math.max(...spans.map(([, b]) => b.y));
    }
    this.host.damageRect({ x: 0, y: y0, width: this.host.size()[0], height: y1 - y0 + 1 });
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Whether a drag starting on `el` may select screen text (no ancestor opted out). */
export function isSelectable(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parent) if (!p.selectable) return false;
  return true;
}
