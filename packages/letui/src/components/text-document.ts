/**
 * The document behind a Textarea: an array of lines plus an undo history.
 *
 * Why lines and not a native rope: every operation a Textarea makes
 * touches a handful of lines (a keystroke rewrites one short string; a
 * paste splices one array), painting reads only the visible lines, and a
 * JavaScript string array does both without crossing the FFI. Measured on
 * a 100,000-line document (benches/textarea.bench.ts): opening, typing,
 * pasting 1 MB and undoing it all stay far under their targets, while a
 * rope behind a handle would pay a native call and a UTF-8 to UTF-16
 * conversion for every visible line of every frame.
 *
 * Positions are `{ line, col }` with `col` in UTF-16 code units. Line
 * breaks are `\n` or, when the text used `\r\n` throughout, `\r\n`; the
 * text comes back with the same breaks.
 */

/** A place in a document: a line index and a UTF-16 offset within the line. */
export interface Position {
  /** Line index, from 0. */
  readonly line: number;
  /** Offset within the line, in UTF-16 code units. */
  readonly col: number;
}

/** Orders two positions: negative when `a` is first. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.col - b.col;
}

/** One recorded change: at `from`, `removed` was replaced by `inserted`. */
interface Change {
  from: Position;
  removed: string;
  inserted: string;
  /** Selection (anchor, head) before and after. */
  before: [Position, Position];
  after: [Position, Position];
  /** How it was made, for merging typing into words. */
  kind: EditKind;
  at: number;
}

/** Why an edit was made: typed and deleted text merges into one undo step per word. */
export type EditKind = "type" | "delete" | "other";

/** How long typing may pause and still merge into the same undo step, in ms. */
const MERGE_MS = 1000;
/** Most undo steps kept. */
const HISTORY_LIMIT = 1000;

/** Splits text into lines at `\r\n`, `\r` or `\n`. */
export function splitLines(text: string): string[] {
  if (!/[\r\n]/.test(text)) return [text];
  return text.replace(/\r\n?/g, "\n").split("\n");
}

/** A text document as lines, with undo and redo. */
export class TextDocument {
  #lines: string[] = [""];
  #eol: "\n" | "\r\n" = "\n";
  #length = 0;
  #version = 0;
  #text: string | undefined = "";
  #undo: Change[] = [];
  #redo: Change[] = [];

  constructor(text = "") {
    this.reset(text);
  }

  /** Replaces the whole text and forgets the history. */
  reset(text: string): void {
    const crlf = text.includes("\r\n") && !/\r(?!\n)|(?<!\r)\n/.test(text);
    this.#eol = crlf ? "\r\n" : "\n";
    // Only the chosen break splits lines: a stray `\r` in a `\n` file stays in its line (shown, and saved back as it was).
    this.#lines = text.split(this.#eol);
    this.#length = text.length;
    this.#text = text;
    this.#undo = [];
    this.#redo = [];
    this.#version++;
  }

  /** The line break the text uses. */
  get eol(): string {
    return this.#eol;
  }

  /** Number of lines (an empty document has one). */
  get lineCount(): number {
    return this.#lines.length;
  }

  /** Length of the whole text in UTF-16 code units. */
  get length(): number {
    return this.#length;
  }

  /** Counts changes: it grows with every edit, undo and redo. */
  get version(): number {
    return this.#version;
  }

  /** Line `i` without its break. */
  line(i: number): string {
    return this.#lines[i] ?? "";
  }

  /** The whole text (joined once per change, on demand). */
  text(): string {
    this.#text ??= this.#lines.join(this.#eol);
    return this.#text;
  }

  /** The end of the document. */
  end(): Position {
    const line = this.#lines.length - 1;
    return { line, col: this.line(line).length };
  }

  /** `p` moved inside the document. */
  clamp(p: Position): Position {
    const line = Math.max(0, Math.min(this.#lines.length - 1, Math.trunc(p.line)));
    return { line, col: Math.max(0, Math.min(this.line(line).length, Math.trunc(p.col))) };
  }

  /** The text between two positions (in either order), with the document's line breaks. */
  slice(a: Position, b: Position): string {
    if (comparePositions(a, b) > 0) [a, b] = [b, a];
    if (a.line === b.line) return this.line(a.line).slice(a.col, b.col);
    const parts = [this.line(a.line).slice(a.col)];
    for (let i = a.line + 1; i < b.line; i++) parts.push(this.line(i));
    parts.push(this.line(b.line).slice(0, b.col));
    return parts.join(this.#eol);
  }

  /** The offset of `p` in the whole text. */
  offsetOf(p: Position): number {
    let n = 0;
    for (let i = 0; i < p.line; i++) n += this.line(i).length + this.#eol.length;
    return n + p.col;
  }

  /** The position of `offset` in the whole text. */
  positionAt(offset: number): Position {
    let rest = Math.max(0, offset);
    for (let i = 0; i < this.#lines.length; i++) {
      const len = this.line(i).length;
      if (rest <= len) return { line: i, col: rest };
      rest -= len + this.#eol.length;
    }
    return this.end();
  }

  /** Where text inserted at `from` ends. */
  static endOf(from: Position, lines: string[]): Position {
    if (lines.length === 1) return { line: from.line, col: from.col + (lines[0] as string).length };
    return { line: from.line + lines.length - 1, col: (lines[lines.length - 1] as string).length };
  }

  /** Replaces the text between `a` and `b` with `text` (breaks of any kind); returns where the new text ends. Not recorded. */
  #splice(a: Position, b: Position, lines: string[]): Position {
    const prefix = this.line(a.line).slice(0, a.col);
    const suffix = this.line(b.line).slice(b.col);
    const removedLength = this.#lengthBetween(a, b);
    const end = TextDocument.endOf(a, lines);
    const added = lines.slice();
    added[0] = prefix + (added[0] as string);
    added[added.length - 1] = (added[added.length - 1] as string) + suffix;
    const count = b.line - a.line + 1;
    if (added.length < 10_000 && count < 10_000) this.#lines.splice(a.line, count, ...added);
    else this.#lines = this.#lines.slice(0, a.line).concat(added, this.#lines.slice(b.line + 1));
    let insertedLength = (lines.length - 1) * this.#eol.length;
    for (const l of lines) insertedLength += l.length;
    this.#length += insertedLength - removedLength;
    this.#text = undefined;
    this.#version++;
    return end;
  }

  #lengthBetween(a: Position, b: Position): number {
    if (a.line === b.line) return b.col - a.col;
    let n = this.line(a.line).length - a.col + this.#eol.length;
    for (let i = a.line + 1; i < b.line; i++) n += this.line(i).length + this.#eol.length;
    return n + b.col;
  }

  /**
   * Replaces the text between `a` and `b` with `text`, recording an undo
   * step (typing and deleting merge into one step per word). `selection`
   * is the (anchor, head) before the edit, restored by undo. Returns
   * where the new text ends.
   */
  replace(a: Position, b: Position, text: string, selection: [Position, Position], kind: EditKind = "other", now = 0): Position {
    if (comparePositions(a, b) > 0) [a, b] = [b, a];
    a = this.clamp(a);
    b = this.clamp(b);
    const removed = this.slice(a, b);
    const lines = splitLines(text);
    const end = this.#splice(a, b, lines);
    const inserted = lines.join(this.#eol);
    const change: Change = { from: a, removed, inserted, before: selection, after: [end, end], kind, at: now };
    this.#redo = [];
    const last = this.#undo[this.#undo.length - 1];
    if (!last || !this.#merge(last, change)) {
      this.#undo.push(change);
      if (this.#undo.length > HISTORY_LIMIT) this.#undo.shift();
    }
    return end;
  }

  /** Merges `next` into `last` when both are typing (or deleting) in one word, close in time. */
  #merge(last: Change, next: Change): boolean {
    if (last.kind !== next.kind || next.kind === "other" || next.at - last.at > MERGE_MS) return false;
    if (next.kind === "type") {
      if (next.removed !== "" || next.inserted.includes("\n")) return false;
      const lastEnd = TextDocument.endOf(last.from, splitLines(last.inserted));
      if (comparePositions(lastEnd, next.from) !== 0) return false;
      // A word ends where a space is followed by a letter: "hello " and "world" are two steps.
      const prev = last.inserted.at(-1) ?? "";
      if (/\s/.test(prev) && !/\s/.test(next.inserted)) return false;
      last.inserted += next.inserted;
    } else {
      if (next.inserted !== "" || next.removed.includes("\n")) return false;
      if (comparePositions(next.from, last.from) === 0 && next.before[1].col >= last.from.col) {
        last.removed += next.removed; // forward delete
      } else if (next.from.line === last.from.line && next.from.col + next.removed.length === last.from.col) {
        if (/\s/.test(last.removed[0] ?? "") && !/\s/.test(next.removed)) return false;
        last.removed = next.removed + last.removed; // backspace
        last.from = next.from;
      } else return false;
    }
    last.after = next.after;
    last.at = next.at;
    return true;
  }

  /** Breaks the current undo step, so the next edit starts a new one. */
  breakUndo(): void {
    const last = this.#undo[this.#undo.length - 1];
    if (last) last.at = -Infinity;
  }

  /** Whether there is something to undo. */
  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** Whether there is something to redo. */
  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /** Undoes the last step; returns the selection to restore, or null when there was nothing to undo. */
  undo(): [Position, Position] | null {
    const c = this.#undo.pop();
    if (!c) return null;
    const end = TextDocument.endOf(c.from, this.#split(c.inserted));
    this.#splice(c.from, end, this.#split(c.removed));
    this.#redo.push(c);
    return c.before;
  }

  /** Redoes the last undone step; returns the selection after it, or null. */
  redo(): [Position, Position] | null {
    const c = this.#redo.pop();
    if (!c) return null;
    const end = TextDocument.endOf(c.from, this.#split(c.removed));
    this.#splice(c.from, end, this.#split(c.inserted));
    c.at = -Infinity;
    this.#undo.push(c);
    return c.after;
  }

  #split(text: string): string[] {
    return text.split(this.#eol);
  }
}
