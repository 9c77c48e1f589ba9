/**
 * How a line of editable text is shown: its grapheme clusters, what each
 * one draws (tabs as spaces to the next stop, control characters and
 * bytes that were not UTF-8 in a visible form), and where it wraps.
 */
import { isEscapedByte } from "../utf8.ts";
import { graphemes, textWidth } from "../text.ts";

/** How long lines are shown: wrapped at word boundaries, at any cluster, or not at all (the view scrolls sideways). */
export type TextWrap = "word" | "char" | "none";

/** One cluster of a laid-out line. */
export interface Piece {
  /** Start offset in the line (UTF-16). */
  start: number;
  /** End offset in the line. */
  end: number;
  /** Column within its visual row. */
  x: number;
  /** Cells it takes. */
  width: number;
  /** What to draw instead of the text (tabs, controls, escaped bytes), or undefined to draw the text. */
  shown: string | undefined;
}

/** A line laid out for a given width. */
export interface LineLayout {
  /** The clusters in order. */
  pieces: Piece[];
  /** Index of the first piece of each visual row (the first is always 0). */
  rows: number[];
}

const SPECIAL = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;
const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

function hex(n: number, digits: number): string {
  return n.toString(16).toUpperCase().padStart(digits, "0");
}

/** The visible form of a code unit that cannot be drawn as itself, or undefined. */
function visibleForm(code: number, next: number): string | undefined {
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return "^?";
  if (code >= 0x80 && code <= 0x9f) return `<${hex(code, 2)}>`;
  if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return undefined;
  if (isEscapedByte(code)) return `\\x${hex(code - 0xdc00, 2)}`;
  if (code >= 0xd800 && code <= 0xdfff) return `<${hex(code, 4)}>`;
  return undefined;
}

/** What a cluster containing special code units draws: each special unit in its visible form, the rest as is. */
function shownCluster(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const form = visibleForm(c, i + 1 < text.length ? text.charCodeAt(i + 1) : 0);
    if (form !== undefined) out += form;
    else if (c >= 0xd800 && c <= 0xdbff) {
      out += text.slice(i, i + 2);
      i++;
    } else out += text[i];
  }
  return out;
}

/**
 * Lays out `text` for rows of `width` cells (`Infinity` with wrap
 * `"none"`), with tab stops every `tabSize` cells counted from the row's
 * start.
 */
export function layoutLine(text: string, width: number, wrap: TextWrap, tabSize: number): LineLayout {
  const pieces: Piece[] = [];
  if (PLAIN_ASCII.test(text)) {
    for (let i = 0; i < text.length; i++) pieces.push({ start: i, end: i + 1, x: 0, width: 1, shown: undefined });
  } else {
    const special = SPECIAL.test(text);
    for (const g of graphemes(text)) {
      let shown: string | undefined;
      let w = g.width;
      if (special) {
        const s = text.slice(g.start, g.end);
        if (s === "\t") {
          shown = "\t";
        } else if (SPECIAL.test(s)) {
          const form = shownCluster(s);
          if (form !== s) {
            shown = form;
            w = textWidth(form);
          }
        }
      }
      pieces.push({ start: g.start, end: g.end, x: 0, width: w, shown });
    }
  }
  const rows = [0];
  const limit = wrap === "none" ? Infinity : Math.max(1, width);
  let x = 0;
  let rowStart = 0;
  let lastBreak = -1;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    if (p.shown === "\t") p.width = tabSize - (x % tabSize);
    if (x + p.width > limit && i > rowStart) {
      const at = wrap === "word" && lastBreak > rowStart ? lastBreak : i;
      rows.push(at);
      rowStart = at;
      lastBreak = -1;
      x = 0;
      i = at - 1;
      continue;
    }
    p.x = x;
    x += p.width;
    if (wrap === "word" && p.shown === undefined && p.end - p.start === 1 && text.charCodeAt(p.start) === 0x20) lastBreak = i + 1;
    else if (p.shown === "\t") lastBreak = i + 1;
  }
  return { pieces, rows };
}

/** The cells a row of a layout takes. */
export function rowWidth(layout: LineLayout, row: number): number {
  const end = layout.rows[row + 1] ?? layout.pieces.length;
  const last = layout.pieces[end - 1];
  return last && end > (layout.rows[row] ?? 0) ? last.x + last.width : 0;
}

/** The visual row of a layout holding offset `col` (an offset at a wrap belongs to the row it starts). */
export function rowOf(layout: LineLayout, col: number): number {
  let row = 0;
  for (let r = 1; r < layout.rows.length; r++) {
    const p = layout.pieces[layout.rows[r] as number];
    if (p && p.start <= col) row = r;
    else break;
  }
  return row;
}

/** The column of offset `col` within its visual row. */
export function columnOf(layout: LineLayout, col: number): number {
  const row = rowOf(layout, col);
  const end = layout.rows[row + 1] ?? layout.pieces.length;
  for (let i = layout.rows[row] as number; i < end; i++) {
    const p = layout.pieces[i] as Piece;
    if (p.start >= col) return p.x;
  }
  return rowWidth(layout, row);
}

/** The offset nearest to column `x` of visual row `row` (a click or an up/down move lands here). */
export function offsetAt(layout: LineLayout, row: number, x: number, lineLength: number): number {
  const first = layout.rows[row] ?? 0;
  const end = layout.rows[row + 1] ?? layout.pieces.length;
  for (let i = first; i < end; i++) {
    const p = layout.pieces[i] as Piece;
    if (x < p.x + p.width / 2) return p.start;
  }
  // Past the end of a wrapped row: the last cluster's start, so the caret stays on this row.
  if (row + 1 < layout.rows.length) return (layout.pieces[end - 1] as Piece | undefined)?.start ?? 0;
  return lineLength;
}

/** Cluster boundaries of a line: the offset before `col` (or after, with `forward`). */
export function clusterStep(layout: LineLayout, col: number, forward: boolean): number {
  const ps = layout.pieces;
  if (forward) {
    for (const p of ps) if (p.start >= col) return p.end;
    return col;
  }
  for (let i = ps.length - 1; i >= 0; i--) if ((ps[i] as Piece).end <= col) return (ps[i] as Piece).start;
  return 0;
}

/** The kind of a cluster for word moves: word characters, spaces, or punctuation. */
function classOf(s: string): number {
  if (/^\s+$/.test(s)) return 0;
  if (/[\p{L}\p{N}_\p{M}]/u.test(s)) return 1;
  return 2;
}

/** The next word boundary after (or before) `col` in a line, as word-wise editors move. */
export function wordStep(text: string, layout: LineLayout, col: number, forward: boolean): number {
  const ps = layout.pieces;
  const cls = (p: Piece) => classOf(text.slice(p.start, p.end));
  if (forward) {
    let i = ps.findIndex((p) => p.start >= col);
    if (i < 0) return text.length;
    while (i < ps.length && cls(ps[i] as Piece) === 0) i++;
    if (i >= ps.length) return text.length;
    const k = cls(ps[i] as Piece);
    while (i < ps.length && cls(ps[i] as Piece) === k) i++;
    return i < ps.length ? (ps[i] as Piece).start : text.length;
  }
  let i = -1;
  for (let j = ps.length - 1; j >= 0; j--) {
    if ((ps[j] as Piece).end <= col) {
      i = j;
      break;
    }
  }
  while (i >= 0 && cls(ps[i] as Piece) === 0) i--;
  if (i < 0) return 0;
  const k = cls(ps[i] as Piece);
  while (i >= 0 && cls(ps[i] as Piece) === k) i--;
  return i >= 0 ? (ps[i] as Piece).end : 0;
}

/** The word (or run of spaces or punctuation) around `col`: its start and end offsets. */
export function wordAt(text: string, layout: LineLayout, col: number): [number, number] {
  const ps = layout.pieces;
  if (ps.length === 0) return [0, 0];
  let i = ps.findIndex((p) => p.end > col);
  if (i < 0) i = ps.length - 1;
  const k = classOf(text.slice((ps[i] as Piece).start, (ps[i] as Piece).end));
  let a = i;
  let b = i;
  while (a > 0 && classOf(text.slice((ps[a - 1] as Piece).start, (ps[a - 1] as Piece).end)) === k) a--;
  while (b + 1 < ps.length && classOf(text.slice((ps[b + 1] as Piece).start, (ps[b + 1] as Piece).end)) === k) b++;
  return [(ps[a] as Piece).start, (ps[b] as Piece).end];
}
