/**
 * Painting a Textarea: the visible rows with the selection, visible forms
 * of special characters, the line-number gutter and the scrollbar.
 */
import type { Screen } from "../screen.ts";
import type { PackedStyle } from "../style.ts";
import { overlayStyle } from "../app/theme.ts";
import { paintBar } from "./scrollbar.ts";
import type { RowRef } from "./text-rows.ts";
import { type LineLayout, type Piece, rowWidth } from "./text-layout.ts";
import type { TextareaElement } from "./textarea.ts";

/** Paints `ta` on `screen` (its whole view). */
export function paintTextarea(screen: Screen, ta: TextareaElement): void {
  const { x, y, width, height } = ta.view;
  const looks = ta.looks;
  const base: PackedStyle = ta.isFocused ? overlayStyle(looks.fieldFocus, ta.overrides.focus) : overlayStyle(looks.field, ta.overrides.normal);
  const selected = overlayStyle(looks.cursor, ta.overrides.selection);
  const special = looks.muted;
  const gutter = overlayStyle(looks.muted, ta.overrides.gutter);
  screen.fill(x, y, width, height, " ", base);
  const gw = ta.gutterWidth;
  const tw = ta.textWidth;
  const tx = x + gw;
  if (ta.document.length === 0 && ta.placeholder) {
    screen.drawText(tx, y, ta.placeholder, overlayStyle(looks.placeholder, ta.overrides.placeholder));
  }
  const [s, t] = ta.hasSelection ? ta.selectionRange() : [null, null];
  ta.rows.clampTop();
  let r: RowRef | null = ta.rows.top;
  for (let row = 0; row < height && r; row++, r = ta.rows.next(r)) {
    const line = ta.document.line(r.line);
    const layout = ta.layoutOf(r.line);
    const cy = y + row;
    if (gw > 0 && r.row === 0) screen.drawText(x, cy, String(r.line + 1).padStart(gw - 1), gutter);
    // The selected columns of this line.
    let selA = Infinity;
    let selB = -1;
    if (s && t && r.line >= s.line && r.line <= t.line) {
      selA = r.line === s.line ? s.col : 0;
      selB = r.line === t.line ? t.col : Infinity;
    }
    const first = layout.rows[r.row] as number;
    const end = layout.rows[r.row + 1] ?? layout.pieces.length;
    let i = first;
    while (i < end) {
      const p = layout.pieces[i] as Piece;
      const inSel = p.start >= selA && p.start < selB;
      if (p.shown !== undefined) {
        drawPiece(screen, ta.rows.scrollX, tx, cy, tw, p, p.shown === "\t" ? "→" + " ".repeat(p.width - 1) : p.shown, inSel ? selected : special);
        i++;
        continue;
      }
      // A run of plain clusters with the same selection state: one draw.
      let j = i + 1;
      while (j < end) {
        const q = layout.pieces[j] as Piece;
        if (q.shown !== undefined || (q.start >= selA && q.start < selB) !== inSel) break;
        j++;
      }
      const last = layout.pieces[j - 1] as Piece;
      drawRun(screen, ta.rows.scrollX, tx, cy, tw, layout, i, j, line.slice(p.start, last.end), inSel ? selected : base);
      i = j;
    }
    // A selected line break shows as one selected cell after the line.
    const lastRow = r.row === layout.rows.length - 1;
    if (lastRow && selB === Infinity && r.line < (t?.line ?? -1)) {
      const cx = rowWidth(layout, r.row) - ta.rows.scrollX;
      if (cx >= 0 && cx < tw) screen.setCell(tx + cx, cy, " ", selected);
    }
  }
  if (ta.scrollbar && height > 0) {
    paintBar(screen, { vertical: true, x: x + width - 1, y, length: height }, ta.document.lineCount, height, ta.rows.top.line, looks.track, looks.thumb);
  }
}

function drawPiece(screen: Screen, scrollX: number, tx: number, cy: number, tw: number, p: Piece, text: string, style: PackedStyle): void {
  const cx = p.x - scrollX;
  if (cx < 0 || cx + p.width > tw) return;
  screen.drawText(tx + cx, cy, text, style);
}

function drawRun(screen: Screen, scrollX: number, tx: number, cy: number, tw: number, layout: LineLayout, i: number, j: number, text: string, style: PackedStyle): void {
  const first = layout.pieces[i] as Piece;
  const last = layout.pieces[j - 1] as Piece;
  const from = first.x - scrollX;
  if (from >= 0 && last.x + last.width - scrollX <= tw) {
    screen.drawText(tx + from, cy, text, style);
    return;
  }
  // Partly outside the text area (scrolled sideways): draw the clusters that fit whole.
  for (let k = i; k < j; k++) {
    const p = layout.pieces[k] as Piece;
    const cx = p.x - scrollX;
    if (cx < 0) continue;
    if (cx + p.width > tw) break;
    screen.drawText(tx + cx, cy, text.slice(p.start - first.start, p.end - first.start), style);
  }
}
