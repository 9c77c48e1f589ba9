/**
 * `Code`: source code highlighted natively by tree-sitter (see
 * `letui_core::highlight`), with an optional line-number gutter. Long
 * lines wrap (the default) or keep one row per line, the element then as
 * wide as the longest line, for a horizontal `ScrollBox`.
 *
 * Streaming: {@link CodeElement.appendText} (or a `code` signal that grows)
 * re-parses incrementally and re-reads the highlights of the lines that
 * changed only. Only the rows inside the element's visible clip are
 * painted, so a 10,000-line file in a ScrollBox costs a screenful per frame.
 */
import { Element } from "../app/element.ts";
import type { Theme } from "../app/theme.ts";
import { highlighterFeed, highlighterFree, highlighterNew, highlighterSpans } from "../native/text.ts";
import { NativeObject } from "../native/object.ts";
import type { Screen } from "../screen.ts";
import { isSignal, type MaybeSignal } from "../signals.ts";
import { type PackedStyle, packStyle, type Style } from "../style.ts";
import { textWidth } from "../text.ts";
import { checkBoolean, checkNumber, checkPropsObject, checkString, propError } from "./check.ts";
import { applyCommon, type CommonProps, styleProps } from "./props.ts";
import { layoutLine, type LineLayout, type Piece } from "./text-layout.ts";

/** A native tree-sitter highlighter over one source. */
export class Highlighter extends NativeObject {
  /** A highlighter for `lang`, a name or file extension (`ts`, `rust`, `py`, ...); throws a LetuiError naming the known ones. */
  constructor(lang: string) {
    super("Highlighter", highlighterNew(lang), highlighterFree);
  }

  /** Replaces the source. */
  set(text: string): void {
    highlighterFeed(this.handle, text, false);
  }

  /** Appends to the source; returns the first line whose highlighting may have changed. */
  append(text: string): number {
    return highlighterFeed(this.handle, text, true);
  }

  /** Spans of lines `fromLine..toLine` (default: to the end), four words each: line, start and end UTF-16 column, class; valid until the next call. */
  spans(fromLine: number, toLine = 0xffff_ffff): Uint32Array {
    return highlighterSpans(this.handle, fromLine, toLine);
  }
}

const known = new Map<string, boolean>();

/** True when `lang` names a language {@link Code} highlights (`ts`, `rust`, `python`, `go`, `json`, `sh`, `html`, `css`, `yaml`, `md`, ...). */
export function isCodeLanguage(lang: string): boolean {
  const key = lang.trim().toLowerCase();
  let ok = known.get(key);
  if (ok === undefined) {
    try {
      new Highlighter(key).dispose();
      ok = true;
    } catch {
      ok = false;
    }
    known.set(key, ok);
  }
  return ok;
}

/** Props of {@link Code}. */
export interface CodeProps extends CommonProps {
  /** The source; a signal may grow (streaming: only what changed is re-highlighted). */
  code?: MaybeSignal<string>;
  /** The language, a name or extension (`ts`, `rust`, `py`, ...); omitted, the code shows plain. */
  lang?: string;
  /** Show line numbers in a gutter. @default false */
  lineNumbers?: boolean;
  /** The number of the first line. @default 1 */
  startLine?: number;
  /** Wrap long lines (true), or keep one row per line and grow as wide as the longest (false). @default true */
  wrap?: boolean;
  /** Look of the code (its background fills the element). */
  style?: Style;
  /** Look of the gutter. */
  gutterStyle?: Style;
}

/** The looks of the highlight classes (index = class number of `letui_core::highlight::Class`). */
function classStyles(t: Theme, base: Style): PackedStyle[] {
  const s = (own: Style) => packStyle({ ...base, ...own });
  return [
    s({}),
    s({ fg: t.accent, bold: true }), // keyword
    s({ fg: t.success }), // string
    s({ fg: t.warning }), // constant
    s({ fg: t.muted, italic: true }), // comment
    s({ fg: t.focus }), // function
    s({ fg: t.warning, italic: true }), // type
    s({ fg: t.accent, italic: true }), // builtin
    s({ fg: t.fg }), // property
    s({ fg: t.muted }), // punctuation
    s({ fg: t.accent }), // tag
    s({ fg: t.warning }), // attribute
    s({ fg: t.accent, bold: true }), // heading
    s({ fg: t.focus, underline: true }), // link
  ];
}

const PLAIN_ASCII = /^[\u0020-\u007e]*$/;
const TAB = 4;
const NO_RUNS = new Uint32Array(0);
/** The longest part of a non-ASCII line laid out (UTF-16 code units). */
const MAX_LAYOUT = 1 << 16;

/** The element behind {@link Code}. */
export class CodeElement extends Element {
  readonly kind = "code";
  #source = "";
  /** The lines (split at `\n`). */
  lines: string[] = [""];
  /** Per line, highlight runs as (start, end, class) triples; null until read (lines are read when they come into view). */
  #runs: (Uint32Array | null)[] = [null];
  /** Per line, its first visual row; one more entry holds the total. */
  #rowStart = new Int32Array(2);
  #rowsWidth = -1;
  #lang: string | undefined;
  #highlighter: Highlighter | null = null;
  #layouts = new Map<number, { text: string; layout: LineLayout }>();
  #styles: { theme: Theme; list: PackedStyle[] } | null = null;
  wrap = true;
  lineNumbers = false;
  startLine = 1;
  overrides: { normal?: Style; gutter?: Style } = {};

  /** The whole source. */
  get source(): string {
    return this.#source;
  }

  /** The language, or undefined when plain. */
  get lang(): string | undefined {
    return this.#lang;
  }

  /** Sets the language (`undefined` for plain); re-highlights everything. */
  setLang(lang: string | undefined): void {
    this.#highlighter?.dispose();
    this.#highlighter = lang === undefined ? null : new Highlighter(lang);
    this.#lang = lang;
    this.#highlighter?.set(this.#source);
    this.#forget(0);
  }

  override get watchesLayout(): boolean {
    return true;
  }

  /** Cells of the gutter (0 without line numbers). */
  get gutterWidth(): number {
    return this.lineNumbers ? String(this.startLine + this.lines.length - 1).length + 1 : 0;
  }

  /** Cells for code per row. */
  get codeWidth(): number {
    return Math.max(1, this.view.width - this.gutterWidth);
  }

  /** Appends source text: the new lines are highlighted, earlier lines only where their syntax changed. */
  appendText(chunk: string): void {
    if (typeof chunk !== "string") throw propError("Code", "append", chunk, "a string");
    if (chunk === "") return;
    const firstTouched = this.lines.length - 1;
    this.#source += chunk;
    const parts = chunk.split("\n");
    this.lines[firstTouched] += parts[0] as string;
    for (let i = 1; i < parts.length; i++) {
      this.lines.push(parts[i] as string);
      this.#runs.push(null);
    }
    const first = this.#highlighter ? this.#highlighter.append(chunk) : firstTouched;
    this.#forget(Math.min(first, firstTouched));
    this.#measure(firstTouched);
  }

  /** Replaces the source: an extension of the current one streams, anything else re-highlights everything. */
  setText(text: string): void {
    if (typeof text !== "string") throw propError("Code", "code", text, "a string");
    if (text.startsWith(this.#source)) {
      this.appendText(text.slice(this.#source.length));
      return;
    }
    this.#source = text;
    this.lines = text.split("\n");
    this.#runs = this.lines.map(() => null);
    this.#layouts.clear();
    this.#highlighter?.set(text);
    this.#forget(0);
    this.#measure(0);
  }

  /** Drops the highlights of lines `from..` (read again when painted). */
  #forget(from: number): void {
    for (let i = from; i < this.#runs.length; i++) this.#runs[i] = null;
    this.invalidate();
  }

  /** Reads the highlights of lines `from..to` from the native highlighter. */
  #read(from: number, to: number): void {
    if (!this.#highlighter) return;
    for (let i = from; i < to; i++) this.#runs[i] = NO_RUNS;
    const words = this.#highlighter.spans(from, to);
    let i = 0;
    while (i < words.length) {
      const line = words[i] as number;
      let j = i;
      while (j < words.length && words[j] === line) j += 4;
      const runs = new Uint32Array(((j - i) / 4) * 3);
      for (let k = i, o = 0; k < j; k += 4, o += 3) {
        runs[o] = words[k + 1] as number;
        runs[o + 1] = words[k + 2] as number;
        runs[o + 2] = words[k + 3] as number;
      }
      if (line < this.#runs.length) this.#runs[line] = runs;
      i = j;
    }
  }

  /** Rows of line `i` at the current width. */
  #rowsOf(i: number): number {
    const line = this.lines[i] as string;
    if (!this.wrap) return 1;
    const w = this.codeWidth;
    if (PLAIN_ASCII.test(line)) return Math.max(1, Math.ceil(line.length / w));
    return this.#layout(i).rows.length;
  }

  #layout(i: number): LineLayout {
    const text = this.lines[i] as string;
    const cached = this.#layouts.get(i);
    if (cached && cached.text === text) return cached.layout;
    // A very long line that is not plain ASCII shows its first MAX_LAYOUT code units (bounded time and memory).
    const shown = text.length > MAX_LAYOUT ? text.slice(0, MAX_LAYOUT) : text;
    const layout = layoutLine(shown, this.wrap ? this.codeWidth : Infinity, this.wrap ? "char" : "none", TAB);
    if (this.#layouts.size > 512) this.#layouts.clear();
    this.#layouts.set(i, { text, layout });
    return layout;
  }

  /** Recomputes row starts from line `from` on and sets the height (and, unwrapped, the width). */
  #measure(from: number): void {
    const n = this.lines.length;
    if (this.#rowStart.length < n + 1) {
      const grown = new Int32Array(Math.max(n + 1, this.#rowStart.length * 2));
      grown.set(this.#rowStart);
      this.#rowStart = grown;
    }
    for (let i = from; i < n; i++) this.#layouts.delete(i);
    const start = Math.max(0, Math.min(from, n - 1));
    for (let i = start; i < n; i++) this.#rowStart[i + 1] = (this.#rowStart[i] as number) + this.#rowsOf(i);
    const layout: { height: number; width?: number } = { height: this.#rowStart[n] as number };
    if (!this.wrap) {
      let widest = 0;
      for (const line of this.lines) widest = Math.max(widest, PLAIN_ASCII.test(line) ? line.length : textWidth(line.replaceAll("\t", "    ")));
      layout.width = this.gutterWidth + widest;
    }
    this.setLayout(layout);
    this.invalidate();
  }

  override afterLayout(): void {
    if (this.wrap && this.view.width !== this.#rowsWidth) {
      this.#rowsWidth = this.view.width;
      this.#layouts.clear();
      this.#measure(0);
    }
  }

  protected override onMount(): void {
    if (this.#lang !== undefined && !this.#highlighter) this.setLang(this.#lang);
  }

  protected override onUnmount(): void {
    // The native tree goes with the element; a remount parses afresh.
    this.#layouts.clear();
    this.dispose();
  }

  /** Frees the native highlighter (also done by a finalizer). */
  dispose(): void {
    this.#highlighter?.dispose();
    this.#highlighter = null;
  }

  #looks(): PackedStyle[] {
    const theme = this.theme;
    if (this.#styles?.theme !== theme) this.#styles = { theme, list: classStyles(theme, { fg: theme.fg, bg: theme.surface, ...this.overrides.normal }) };
    return this.#styles.list;
  }

  paint(screen: Screen): void {
    const { x, y, width } = this.view;
    const clip = this.clip;
    if (clip.width <= 0 || clip.height <= 0) return;
    const styles = this.#looks();
    const base = styles[0] as PackedStyle;
    const gutter = packStyle({ fg: this.theme.muted, bg: this.theme.surface, ...this.overrides.gutter });
    screen.fill(clip.x, clip.y, clip.width, clip.height, " ", base);
    const gw = this.gutterWidth;
    const top = clip.y - y;
    const bottom = top + clip.height;
    // The first line with a row in view (binary search over row starts).
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#rowStart[mid] as number) <= top) lo = mid;
      else hi = mid - 1;
    }
    let end = lo;
    while (end < this.lines.length && (this.#rowStart[end] as number) < bottom) end++;
    // Lines come into view: read their highlights (one native call for the lines not known yet).
    if (this.#highlighter) {
      let a = lo;
      while (a < end && this.#runs[a] !== null) a++;
      let b = end;
      while (b > a && this.#runs[b - 1] !== null) b--;
      if (a < b) this.#read(a, b);
    }
    for (let i = lo; i < end; i++) {
      const first = this.#rowStart[i] as number;
      if (gw > 0 && first >= top) screen.drawText(x, y + first, String(this.startLine + i).padStart(gw - 1), gutter);
      this.#paintLine(screen, i, x + gw, y + first, Math.max(0, width - gw), top - first, bottom - first, styles);
    }
  }

  /** Paints rows `fromRow..toRow` of line `i` with its top row at `y`. */
  #paintLine(screen: Screen, i: number, x: number, y: number, w: number, fromRow: number, toRow: number, styles: PackedStyle[]): void {
    const line = this.lines[i] as string;
    const runs = this.#runs[i] ?? null;
    if (PLAIN_ASCII.test(line)) {
      // One cell per code unit: rows are slices, no cluster layout needed (long lines stay cheap).
      const rows = this.wrap ? Math.max(1, Math.ceil(line.length / w)) : 1;
      for (let row = Math.max(0, fromRow); row < rows && row < toRow; row++) {
        const a = this.wrap ? row * w : 0;
        paintRuns(screen, x - a, y + row, line, a, Math.min(line.length, a + w), runs, styles);
      }
      return;
    }
    const layout = this.#layout(i);
    const rows = layout.rows;
    const muted = styles[4] as PackedStyle;
    for (let row = Math.max(0, fromRow); row < rows.length && row < toRow; row++) {
      const a = rows[row] as number;
      const b = rows[row + 1] ?? layout.pieces.length;
      let k = a;
      while (k < b) {
        const p = layout.pieces[k] as Piece;
        if (p.x + p.width > w) break;
        if (p.shown !== undefined) {
          screen.drawText(x + p.x, y + row, p.shown === "\t" ? " ".repeat(p.width) : p.shown, muted);
          k++;
          continue;
        }
        const cls = classAt(runs, p.start);
        let j = k + 1;
        while (j < b) {
          const q = layout.pieces[j] as Piece;
          if (q.shown !== undefined || q.x + q.width > w || classAt(runs, q.start) !== cls) break;
          j++;
        }
        const last = layout.pieces[j - 1] as Piece;
        screen.drawText(x + p.x, y + row, line.slice(p.start, last.end), styles[cls] ?? (styles[0] as PackedStyle));
        k = j;
      }
    }
  }
}

/** The class at UTF-16 column `col` of a line's runs (0 when plain). */
function classAt(runs: Uint32Array | null, col: number): number {
  if (!runs) return 0;
  // Runs are sorted and disjoint: binary search.
  let lo = 0;
  let hi = runs.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (col < (runs[mid * 3] as number)) hi = mid - 1;
    else if (col >= (runs[mid * 3 + 1] as number)) lo = mid + 1;
    else return runs[mid * 3 + 2] as number;
  }
  return 0;
}

/** Draws `line[a..b)` (ASCII) at `x + a` with the looks of its runs. */
function paintRuns(screen: Screen, x: number, y: number, line: string, a: number, b: number, runs: Uint32Array | null, styles: PackedStyle[]): void {
  let at = a;
  while (at < b) {
    const cls = classAt(runs, at);
    let end = at + 1;
    while (end < b && classAt(runs, end) === cls) end++;
    screen.drawText(x + at, y, line.slice(at, end), styles[cls] ?? (styles[0] as PackedStyle));
    at = end;
  }
}

/**
 * Highlighted source code: `Code({ code: source, lang: "ts", lineNumbers: true })`.
 * `code` may be a signal that grows while it streams in, or call
 * {@link CodeElement.appendText}.
 */
export function Code(props: CodeProps = {}): CodeElement {
  checkPropsObject("Code", props);
  checkBoolean("Code", "lineNumbers", props.lineNumbers);
  checkBoolean("Code", "wrap", props.wrap);
  checkNumber("Code", "startLine", props.startLine, { integer: true, min: 0 });
  checkString("Code", "lang", props.lang);
  const el = new CodeElement();
  el.wrap = props.wrap ?? true;
  el.lineNumbers = props.lineNumbers ?? false;
  el.startLine = props.startLine ?? 1;
  applyCommon(el, { flexShrink: 0, ...props }, "Code");
  el.overrides = styleProps("Code", props, [
    ["normal", "style"],
    ["gutter", "gutterStyle"],
  ] as const);
  if (props.lang !== undefined) {
    try {
      el.setLang(props.lang);
    } catch (e) {
      throw propError("Code", "lang", props.lang, `a language name such as "ts", "rust" or "py" (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const code = props.code;
  if (code !== undefined && typeof code !== "string" && !isSignal(code)) throw propError("Code", "code", code, "a string or a signal of one");
  el.bind(code, (v) => {
    if (typeof v !== "string") throw propError("Code", "code", v, "a string");
    el.setText(v);
  });
  if (code === undefined) el.setText("");
  return el;
}
