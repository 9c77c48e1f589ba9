/**
 * The visual rows of a document at a width: which line and wrapped row
 * is at the top of a view, stepping between rows, keeping a position in
 * view, and mapping view cells to positions. Only the lines it touches
 * are laid out, and layouts are cached by line content, so the cost does
 * not grow with the document.
 */
import type { Position, TextDocument } from "./text-document.ts";
import { columnOf, layoutLine, type LineLayout, offsetAt, rowOf, type TextWrap } from "./text-layout.ts";

/** A visual row: a line and a row of its layout. */
export interface RowRef {
  /** Line index. */
  readonly line: number;
  /** Wrapped row within the line. */
  readonly row: number;
}

/** What the rows are shown in: cells for text per row, and rows shown. */
export interface RowArea {
  /** Cells for text in a row. */
  readonly textWidth: number;
  /** Rows shown. */
  readonly visibleRows: number;
}

const CACHE_LIMIT = 4096;

function before(a: RowRef, b: RowRef): boolean {
  return a.line < b.line || (a.line === b.line && a.row < b.row);
}

/** The visual rows of `document` shown in `area`; see the module documentation. */
export class TextRows {
  /** First visual row shown. */
  top: RowRef = { line: 0, row: 0 };
  /** First column shown (wrap `"none"`). */
  scrollX = 0;
  /** How long lines show. */
  wrap: TextWrap = "word";
  /** Cells per tab stop. */
  tabSize = 4;
  readonly #document: TextDocument;
  readonly #area: RowArea;
  #cache = new Map<string, LineLayout>();
  #cacheKey = "";

  constructor(document: TextDocument, area: RowArea) {
    this.#document = document;
    this.#area = area;
  }

  /** Layout of line `i` for the current width (cached by content). */
  layoutOf(i: number): LineLayout {
    // One column stays free at the end of a wrapped row for the caret.
    const width = this.wrap === "none" ? Infinity : Math.max(1, this.#area.textWidth - 1);
    const key = `${width}|${this.wrap}|${this.tabSize}`;
    if (key !== this.#cacheKey) {
      this.#cache.clear();
      this.#cacheKey = key;
    }
    const text = this.#document.line(i);
    let l = this.#cache.get(text);
    if (!l) {
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
      l = layoutLine(text, width, this.wrap, this.tabSize);
      this.#cache.set(text, l);
    }
    return l;
  }

  /** The row after `r`, or null at the end. */
  next(r: RowRef): RowRef | null {
    if (r.row + 1 < this.layoutOf(r.line).rows.length) return { line: r.line, row: r.row + 1 };
    if (r.line + 1 < this.#document.lineCount) return { line: r.line + 1, row: 0 };
    return null;
  }

  /** The row before `r`, or null at the start. */
  prev(r: RowRef): RowRef | null {
    if (r.row > 0) return { line: r.line, row: r.row - 1 };
    if (r.line > 0) return { line: r.line - 1, row: this.layoutOf(r.line - 1).rows.length - 1 };
    return null;
  }

  /** The row holding position `p`. */
  rowAt(p: Position): RowRef {
    return { line: p.line, row: rowOf(this.layoutOf(p.line), p.col) };
  }

  /** `n` rows from `from` (negative: up), stopping at either end. */
  walk(from: RowRef, n: number): RowRef {
    let r = from;
    for (let i = 0; i < Math.abs(n); i++) {
      const next = n > 0 ? this.next(r) : this.prev(r);
      if (!next) break;
      r = next;
    }
    return r;
  }

  /** Where `p` shows in the text area (row from the top, column), or null when it is not in view. */
  cellOf(p: Position): { x: number; y: number } | null {
    const target = this.rowAt(p);
    let r: RowRef | null = this.top;
    for (let y = 0; y < this.#area.visibleRows && r; y++) {
      if (r.line === target.line && r.row === target.row) return { x: columnOf(this.layoutOf(p.line), p.col) - this.scrollX, y };
      r = this.next(r);
    }
    return null;
  }

  /** Keeps the top inside the document after edits. */
  clampTop(): void {
    const line = Math.min(this.top.line, this.#document.lineCount - 1);
    this.top = { line, row: Math.min(this.top.row, this.layoutOf(line).rows.length - 1) };
  }

  /** Scrolls so that `p` is visible. */
  follow(p: Position): void {
    const height = Math.max(1, this.#area.visibleRows);
    this.clampTop();
    const c = this.rowAt(p);
    if (before(c, this.top)) this.top = c;
    else {
      let r: RowRef | null = this.top;
      let seen = false;
      for (let y = 0; y < height && r && !seen; y++, r = this.next(r)) seen = r.line === c.line && r.row === c.row;
      if (!seen) this.top = this.walk(c, -(height - 1));
    }
    if (this.wrap === "none") {
      const x = columnOf(this.layoutOf(p.line), p.col);
      const w = this.#area.textWidth;
      if (x < this.scrollX) this.scrollX = x;
      else if (x >= this.scrollX + w) this.scrollX = x - w + 1;
    } else this.scrollX = 0;
  }

  /** Scrolls by `rows` visual rows, never past the point where the last row is at the bottom. */
  scroll(rows: number): void {
    this.clampTop();
    let top = this.walk(this.top, rows);
    if (rows > 0) {
      const end = this.#document.end();
      const lowest = this.walk({ line: end.line, row: this.layoutOf(end.line).rows.length - 1 }, -(this.#area.visibleRows - 1));
      if (before(lowest, top)) top = lowest;
      if (before(top, this.top)) top = this.top;
    }
    this.top = top;
  }

  /** The position under text-area cell (x, y); rows above or below the view count from the top. */
  positionAt(x: number, y: number): Position {
    this.clampTop();
    const r = this.walk(this.top, y < 0 ? y : Math.min(y, this.#area.visibleRows - 1));
    const col = offsetAt(this.layoutOf(r.line), r.row, Math.max(0, x + this.scrollX), this.#document.line(r.line).length);
    return { line: r.line, col };
  }
}
