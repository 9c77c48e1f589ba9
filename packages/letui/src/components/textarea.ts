/**
 * `Textarea`: a multi-line editor. The document is a {@link TextDocument}
 * (lines plus undo history); only the lines on screen are laid out
 * (wrapped and measured), so a keystroke in a 100,000-line file costs what
 * a keystroke in a short one does.
 *
 * Keys (Shift with any move extends the selection):
 * - arrows: by cluster and visual row; Ctrl/Alt-arrows by word;
 * - Home/End: start/end of the visual row, pressed again of the line;
 *   Ctrl-Home/End: start/end of the document; PageUp/PageDown: a page;
 * - Backspace/Delete (Ctrl/Alt: a word), Ctrl-W, Ctrl-U, Ctrl-K;
 * - Ctrl-A selects all, Ctrl-C/X/V copy, cut and paste, Ctrl-Z undo,
 *   Ctrl-Y or Ctrl-Shift-Z redo; Escape drops the selection.
 * Mouse: click places the caret, drag selects, double-click selects a
 * word, triple-click a line, the wheel scrolls.
 */
import { Element } from "../app/element.ts";
import type { ElementKeyEvent, ElementMouseEvent } from "../app/dispatch.ts";
import { normalizeCombo } from "../app/dispatch.ts";
import type { Screen } from "../screen.ts";
import { computed, isSignal, type MaybeSignal, type ReadonlySignal, type Signal, signal } from "../signals.ts";
import type { Style } from "../style.ts";
import { graphemes } from "../text.ts";
import { checkBoolean, checkFunction, checkNumber, checkOneOf, checkPropsObject, checkString, checkText, propError } from "./check.ts";
import { sanitizeLine } from "./input.ts";
import { addDefaults, applyCommon, type CommonProps, styleProps } from "./props.ts";
import { paintTextarea } from "./textarea-paint.ts";
import { comparePositions, type EditKind, type Position, TextDocument } from "./text-document.ts";
import { TextRows } from "./text-rows.ts";
import {
  clusterStep,
  columnOf,
  type LineLayout,
  offsetAt,
  type Piece,
  rowOf,
  type TextWrap,
  wordAt,
  wordStep,
} from "./text-layout.ts";

/** What Tab does in a {@link Textarea}: insert a tab, insert spaces to the next stop, or move focus. */
export type TabMode = "insert" | "spaces" | "focus";

/** Props of {@link Textarea}. */
export interface TextareaProps extends CommonProps {
  /** The text: a signal the textarea reads and writes (two-way; the whole text is joined on every change), or an initial string. */
  value?: Signal<string> | string;
  /** Shown dimmed while the text is empty. */
  placeholder?: MaybeSignal<string>;
  /** How long lines show. @default "word" */
  wrap?: TextWrap;
  /** Cells per tab stop. @default 4 */
  tabSize?: number;
  /** What Tab does. @default "insert" */
  tab?: TabMode;
  /** Refuse edits (moving, selecting and copying still work). */
  readOnly?: MaybeSignal<boolean>;
  /** Most UTF-16 code units the text may hold; longer input is cut at a cluster boundary. */
  maxLength?: number;
  /** Show line numbers in a gutter. */
  lineNumbers?: MaybeSignal<boolean>;
  /** Show a scrollbar in the last column. */
  scrollbar?: boolean;
  /** Key combos that submit (e.g. `"ctrl+enter"`, or `"enter"`, which leaves Shift-Enter and Alt-Enter for newlines). @default none */
  submitKey?: string | string[];
  /** Called after every change with the whole text. */
  onChange?: (value: string) => void;
  /** Called on a submit key with the whole text. */
  onSubmit?: (value: string) => void;
  /** Look of the field. */
  style?: Style;
  /** Look while focused. */
  focusStyle?: Style;
  /** Look of the placeholder. */
  placeholderStyle?: Style;
  /** Look of selected text. */
  selectionStyle?: Style;
  /** Look of the line-number gutter. */
  gutterStyle?: Style;
}

const MULTI_CLICK_MS = 400;
const WHEEL_ROWS = 3;
const ORIGIN: Position = Object.freeze({ line: 0, col: 0 });

/** The element behind {@link Textarea}. */
export class TextareaElement extends Element {
  readonly kind = "textarea";
  /** The document (lines and history). */
  readonly document: TextDocument;
  /** The text, joined only when read. */
  readonly value: ReadonlySignal<string>;
  /** Counts edits (cheap to watch, unlike {@link value}). */
  readonly revision: ReadonlySignal<number>;
  /** The caret, updated on every move and edit (for a status line). */
  readonly caret: ReadonlySignal<Position>;
  /** Where the selection started; equal to {@link head} when nothing is selected. */
  anchor: Position = ORIGIN;
  /** The caret. */
  head: Position = ORIGIN;
  placeholder = "";
  tab: TabMode = "insert";
  readOnly = false;
  maxLength = Infinity;
  lineNumbers = false;
  scrollbar = false;
  submitKeys: string[] = [];
  onChange: ((v: string) => void) | undefined;
  onSubmit: ((v: string) => void) | undefined;
  /** Style props merged over the theme's looks. */
  overrides: { normal?: Style; focus?: Style; placeholder?: Style; selection?: Style; gutter?: Style } = {};
  /** The visual rows shown: top row, sideways scroll, wrapping. */
  readonly rows: TextRows;
  #goalX: number | null = null;
  #version = signal(0);
  #caret = signal<Position>(ORIGIN);
  #external: Signal<string> | undefined;
  #emitted: string | undefined;
  #clicks = { at: -Infinity, x: -1, y: -1, count: 0 };
  #dragging = false;

  constructor(text: string, external: Signal<string> | undefined) {
    super();
    this.document = new TextDocument(text);
    this.rows = new TextRows(this.document, this);
    this.#external = external;
    this.#emitted = external ? text : undefined;
    this.focusable = true;
    this.value = computed(() => {
      this.#version.value;
      return this.document.text();
    });
    this.revision = this.#version;
    this.caret = this.#caret;
  }

  // ---- geometry ---------------------------------------------------------

  /** Cells of the line-number gutter. */
  get gutterWidth(): number {
    return this.lineNumbers ? String(this.document.lineCount).length + 1 : 0;
  }

  /** Cells for text in a row. */
  get textWidth(): number {
    return Math.max(1, this.view.width - this.gutterWidth - (this.scrollbar ? 1 : 0));
  }

  /** Rows shown. */
  get visibleRows(): number {
    return this.view.height;
  }

  /** Layout of line `i` for the current width (cached by content). */
  layoutOf(i: number): LineLayout {
    return this.rows.layoutOf(i);
  }

  /** The caret's place in the element (row from the top, column), or null when it is not in view. */
  caretCell(): { x: number; y: number } | null {
    const c = this.rows.cellOf(this.head);
    return c ? { x: c.x + this.gutterWidth, y: c.y } : null;
  }

  #follow(): void {
    this.rows.follow(this.head);
  }

  /** Scrolls the view by `rows` visual rows without moving the caret. */
  scrollRows(rows: number): void {
    this.rows.scroll(rows);
    this.invalidate();
  }

  /** The document position under view cell (x, y), relative to the element. */
  positionAtCell(x: number, y: number): Position {
    return this.rows.positionAt(x - this.gutterWidth, y);
  }

  // ---- selection and caret ------------------------------------------------

  /** Whether some text is selected. */
  get hasSelection(): boolean {
    return comparePositions(this.anchor, this.head) !== 0;
  }

  /** The selection, first position first. */
  selectionRange(): [Position, Position] {
    return comparePositions(this.anchor, this.head) <= 0 ? [this.anchor, this.head] : [this.head, this.anchor];
  }

  /** The selected text. */
  get selectedText(): string {
    const [a, b] = this.selectionRange();
    return this.document.slice(a, b);
  }

  /** Sets the selection (both ends are clamped into the document); `head` is the caret. */
  select(anchor: Position, head: Position = anchor): void {
    this.anchor = this.document.clamp(anchor);
    this.head = this.document.clamp(head);
    this.#moved();
  }

  /** Selects the whole text. */
  selectAll(): void {
    this.select(ORIGIN, this.document.end());
  }

  /** Moves the caret to `p`, extending the selection when `extend`. */
  moveCaret(p: Position, extend = false, keepGoal = false): void {
    this.head = this.document.clamp(p);
    if (!extend) this.anchor = this.head;
    if (!keepGoal) this.#goalX = null;
    this.#moved();
  }

  #moved(): void {
    this.document.breakUndo();
    this.#caret.value = this.head;
    this.#follow();
    this.invalidate();
  }

  /** Where a horizontal move of one cluster (or word) lands from the caret. */
  stepFrom(p: Position, forward: boolean, word: boolean): Position {
    const text = this.document.line(p.line);
    if (forward && p.col >= text.length) return p.line + 1 < this.document.lineCount ? { line: p.line + 1, col: 0 } : p;
    if (!forward && p.col <= 0) return p.line > 0 ? { line: p.line - 1, col: this.document.line(p.line - 1).length } : p;
    const layout = this.layoutOf(p.line);
    return { line: p.line, col: word ? wordStep(text, layout, p.col, forward) : clusterStep(layout, p.col, forward) };
  }

  /** Where a vertical move of `rows` visual rows lands, keeping the goal column. */
  #vertical(rows: number): Position {
    const from = this.rows.rowAt(this.head);
    const x = this.#goalX ?? columnOf(this.layoutOf(this.head.line), this.head.col);
    this.#goalX = x;
    const to = this.rows.walk(from, rows);
    if (to.line === from.line && to.row === from.row) return rows < 0 ? { line: 0, col: 0 } : this.document.end();
    return { line: to.line, col: offsetAt(this.layoutOf(to.line), to.row, x, this.document.line(to.line).length) };
  }

  /** Start (or end) of the caret's visual row; when already there, of its line. */
  #rowEdge(end: boolean): Position {
    const p = this.head;
    const layout = this.layoutOf(p.line);
    const row = rowOf(layout, p.col);
    const text = this.document.line(p.line);
    let col: number;
    if (!end) col = (layout.pieces[layout.rows[row] as number] as Piece | undefined)?.start ?? 0;
    else if (row + 1 < layout.rows.length) col = offsetAt(layout, row, Infinity, text.length);
    else col = text.length;
    if (col === p.col) col = end ? text.length : 0;
    return { line: p.line, col };
  }

  // ---- editing --------------------------------------------------------------

  /** Replaces the selection with `text` (typed, pasted or given), respecting `readOnly` and `maxLength`. */
  insertText(text: string, kind: EditKind = "other"): void {
    if (this.readOnly) return;
    const [a, b] = this.selectionRange();
    let t = text;
    if (Number.isFinite(this.maxLength)) {
      const selected = this.document.slice(a, b).length;
      const room = Math.max(0, this.maxLength - (this.document.length - selected));
      if (t.length > room) t = cutAt(t, room);
      if (t.length === 0 && a === b) return;
    }
    const end = this.document.replace(a, b, t, [this.anchor, this.head], kind, this.app?.clock.now() ?? 0);
    this.anchor = end;
    this.head = end;
    this.#changed();
  }

  /** Deletes the selection, or from the caret to `to` when nothing is selected. */
  deleteTo(to: Position, kind: EditKind = "delete"): void {
    if (this.readOnly) return;
    const [a, b] = this.hasSelection ? this.selectionRange() : [this.head, this.document.clamp(to)];
    if (comparePositions(a, b) === 0) return;
    const end = this.document.replace(a, b, "", [this.anchor, this.head], this.hasSelection ? "other" : kind, this.app?.clock.now() ?? 0);
    this.anchor = end;
    this.head = end;
    this.#changed();
  }

  /** Undoes the last step. */
  undo(): void {
    if (this.readOnly) return;
    const sel = this.document.undo();
    if (!sel) return;
    [this.anchor, this.head] = [this.document.clamp(sel[0]), this.document.clamp(sel[1])];
    this.#changed();
  }

  /** Redoes the last undone step. */
  redo(): void {
    if (this.readOnly) return;
    const sel = this.document.redo();
    if (!sel) return;
    [this.anchor, this.head] = [this.document.clamp(sel[0]), this.document.clamp(sel[1])];
    this.#changed();
  }

  /** Copies the selection to the app's clipboard; false when nothing is selected. */
  copy(): boolean {
    if (!this.hasSelection) return false;
    this.app?.clipboard.copy(this.selectedText);
    return true;
  }

  /** Copies and deletes the selection. */
  cut(): boolean {
    if (!this.copy()) return false;
    this.deleteTo(this.head, "other");
    return true;
  }

  /** Replaces the whole text (the history starts again). */
  setText(text: string): void {
    this.document.reset(text);
    this.anchor = this.document.clamp(this.anchor);
    this.head = this.document.clamp(this.head);
    this.rows.clampTop();
    this.#goalX = null;
    this.#caret.value = this.head;
    this.#version.value++;
    this.#follow();
    this.invalidate();
  }

  /** The whole text. */
  get text(): string {
    return this.document.text();
  }

  #changed(): void {
    this.#goalX = null;
    this.#caret.value = this.head;
    this.#version.value++;
    this.#follow();
    this.invalidate();
    if (this.#external || this.onChange) {
      const text = this.document.text();
      if (this.#external) {
        this.#emitted = text;
        this.#external.value = text;
      }
      this.onChange?.(text);
    }
  }

  /** Called by the `value` binding: an outside change replaces the text. */
  syncExternal(text: string): void {
    if (text === this.#emitted) return;
    this.#emitted = text;
    if (text !== this.document.text()) this.setText(text);
  }

  // ---- input ------------------------------------------------------------------

  /** Handles a key; true when it was used. */
  handleKey(e: ElementKeyEvent): boolean {
    const extend = e.shift;
    const word = e.ctrl || e.alt;
    const go = (p: Position, keepGoal = false) => this.moveCaret(p, extend, keepGoal);
    if (this.submitKeys.includes(e.combo)) {
      this.onSubmit?.(this.document.text());
      return true;
    }
    const [a, b] = this.selectionRange();
    switch (e.name) {
      case "left":
        if (this.hasSelection && !extend) go(a);
        else go(this.stepFrom(this.head, false, word));
        return true;
      case "right":
        if (this.hasSelection && !extend) go(b);
        else go(this.stepFrom(this.head, true, word));
        return true;
      case "up":
        go(this.#vertical(-1), true);
        return true;
      case "down":
        go(this.#vertical(1), true);
        return true;
      case "pageup":
      case "pagedown": {
        const rows = Math.max(1, this.view.height - 1) * (e.name === "pageup" ? -1 : 1);
        const to = this.#vertical(rows);
        this.rows.top = this.rows.walk(this.rows.top, rows);
        go(to, true);
        return true;
      }
      case "home":
        go(e.ctrl ? ORIGIN : this.#rowEdge(false));
        return true;
      case "end":
        go(e.ctrl ? this.document.end() : this.#rowEdge(true));
        return true;
      case "backspace":
        this.deleteTo(this.stepFrom(this.head, false, word));
        return true;
      case "delete":
        this.deleteTo(this.stepFrom(this.head, true, word));
        return true;
      case "enter":
        if (e.ctrl || e.super) return false;
        this.insertText("\n");
        return true;
      case "tab":
        if (this.tab === "focus" || e.ctrl || e.alt || e.shift) return false;
        if (this.tab === "spaces") {
          const x = columnOf(this.layoutOf(this.head.line), this.head.col);
          this.insertText(" ".repeat(this.rows.tabSize - (x % this.rows.tabSize)), "type");
        } else this.insertText("\t", "type");
        return true;
      case "escape":
        if (!this.hasSelection) return false;
        go(this.head);
        return true;
    }
    if (e.ctrl && !e.alt) {
      switch (e.name) {
        case "a":
          this.selectAll();
          return true;
        case "e":
          this.moveCaret({ line: this.head.line, col: this.document.line(this.head.line).length }, extend);
          return true;
        case "z":
          if (e.shift) this.redo();
          else this.undo();
          return true;
        case "y":
          this.redo();
          return true;
        case "c":
          return this.copy();
        case "x":
          return this.cut() || true;
        case "v":
          if (this.app) this.insertText(this.app.clipboard.text);
          return true;
        case "w":
          this.deleteTo(this.stepFrom(this.head, false, true));
          return true;
        case "u":
          this.deleteTo({ line: this.head.line, col: 0 });
          return true;
        case "k": {
          const len = this.document.line(this.head.line).length;
          this.deleteTo(this.head.col < len ? { line: this.head.line, col: len } : { line: this.head.line + 1, col: 0 });
          return true;
        }
      }
      return false;
    }
    if (e.text && !e.ctrl && !e.alt && !e.super) {
      this.insertText(e.text, "type");
      return true;
    }
    return false;
  }

  /** Handles a mouse event on the element (cells relative to it). */
  handleMouse(e: ElementMouseEvent): void {
    if (e.kind === "down" && e.button === "left") {
      const c = this.#clicks;
      const now = this.app?.clock.now() ?? 0;
      c.count = now - c.at < MULTI_CLICK_MS && c.x === e.localX && c.y === e.localY ? (c.count % 3) + 1 : 1;
      c.at = now;
      c.x = e.localX;
      c.y = e.localY;
      const p = this.positionAtCell(e.localX, e.localY);
      if (c.count === 2) {
        const [s, t] = wordAt(this.document.line(p.line), this.layoutOf(p.line), p.col);
        this.select({ line: p.line, col: s }, { line: p.line, col: t });
      } else if (c.count === 3) {
        const next = p.line + 1 < this.document.lineCount ? { line: p.line + 1, col: 0 } : { line: p.line, col: this.document.line(p.line).length };
        this.select({ line: p.line, col: 0 }, next);
      } else this.moveCaret(p, e.shift);
      this.#dragging = true;
      this.app?.captureMouse(this);
    } else if (e.kind === "drag" && this.#dragging) {
      if (e.localY < 0) this.scrollRows(-1);
      else if (e.localY >= this.view.height) this.scrollRows(1);
      const y = Math.max(0, Math.min(this.view.height - 1, e.localY));
      this.moveCaret(this.positionAtCell(e.localX, y), true);
    } else if (e.kind === "up") {
      this.#dragging = false;
    }
  }

  // ---- element hooks ---------------------------------------------------------

  override onLayout(): void {
    this.#follow();
  }

  override cursor(): { x: number; y: number } | null {
    if (this.app?.focused !== this || this.view.width === 0) return null;
    const c = this.caretCell();
    if (!c || c.x < this.gutterWidth || c.x >= this.gutterWidth + this.textWidth) return null;
    const x = this.view.x + c.x;
    const y = this.view.y + c.y;
    const clip = this.clip;
    if (x < clip.x || x >= clip.x + clip.width || y < clip.y || y >= clip.y + clip.height) return null;
    return { x, y };
  }

  paint(screen: Screen): void {
    paintTextarea(screen, this);
  }
}

/** `text` cut to at most `room` UTF-16 code units, at a cluster boundary. */
function cutAt(text: string, room: number): string {
  if (room <= 0) return "";
  let end = 0;
  for (const g of graphemes(text.slice(0, room + 16))) {
    if (g.end > room) break;
    end = g.end;
  }
  return text.slice(0, end);
}

/**
 * A multi-line text editor: `Textarea({ value: notes, height: 10,
 * lineNumbers: true })`. See the module documentation for its keys; the
 * caret, selection, undo history and clipboard all work by grapheme
 * cluster, and the terminal cursor sits at the caret for IME.
 */
export function Textarea(props: TextareaProps = {}): TextareaElement {
  checkPropsObject("Textarea", props);
  if (props.value !== undefined && !isSignal(props.value)) checkString("Textarea", "value", props.value);
  const external = isSignal(props.value) ? props.value : undefined;
  const initial = external ? external.peek() : typeof props.value === "string" ? props.value : "";
  if (typeof initial !== "string") throw propError("Textarea", "value", initial, "a string");
  const el = new TextareaElement(initial, external);
  applyCommon(el, { flexGrow: props.width === undefined && props.height === undefined ? 1 : undefined, minHeight: 1, ...props }, "Textarea");
  checkOneOf("Textarea", "wrap", props.wrap, ["word", "char", "none"]);
  checkOneOf("Textarea", "tab", props.tab, ["insert", "spaces", "focus"]);
  checkNumber("Textarea", "tabSize", props.tabSize, { integer: true, min: 1, max: 16 });
  checkNumber("Textarea", "maxLength", props.maxLength, { integer: true, min: 0 });
  checkBoolean("Textarea", "scrollbar", props.scrollbar);
  checkFunction("Textarea", "onChange", props.onChange);
  checkFunction("Textarea", "onSubmit", props.onSubmit);
  const keys = props.submitKey === undefined ? [] : Array.isArray(props.submitKey) ? props.submitKey : [props.submitKey];
  for (const k of keys) if (typeof k !== "string" || k.trim() === "") throw propError("Textarea", "submitKey", k, "a key combo such as \"ctrl+enter\"");
  el.submitKeys = keys.map(normalizeCombo);
  if (props.wrap) el.rows.wrap = props.wrap;
  if (props.tab) el.tab = props.tab;
  if (props.tabSize) el.rows.tabSize = props.tabSize;
  if (props.maxLength !== undefined) el.maxLength = props.maxLength;
  el.scrollbar = props.scrollbar ?? false;
  el.onChange = props.onChange;
  el.onSubmit = props.onSubmit;
  el.overrides = styleProps("Textarea", props, [
    ["normal", "style"],
    ["focus", "focusStyle"],
    ["placeholder", "placeholderStyle"],
    ["selection", "selectionStyle"],
    ["gutter", "gutterStyle"],
  ] as const);
  if (external) {
    el.bind(external, (v) => {
      if (typeof v !== "string") throw propError("Textarea", "value", v, "a string");
      el.syncExternal(v);
    });
  }
  el.bind(props.placeholder, (p) => {
    checkText("Textarea", "placeholder", p);
    el.placeholder = sanitizeLine(String(p));
    el.invalidate();
  });
  el.bind(props.readOnly, (v) => {
    checkBoolean("Textarea", "readOnly", v);
    el.readOnly = v;
  });
  el.bind(props.lineNumbers, (v) => {
    checkBoolean("Textarea", "lineNumbers", v);
    el.lineNumbers = v;
    el.invalidate();
  });
  addDefaults(el, {
    key: (e) => el.handleKey(e),
    paste: (e) => el.insertText(e.text),
    mouse: (e) => el.handleMouse(e),
    wheel: (e) => {
      if (e.button !== "wheelUp" && e.button !== "wheelDown") return false;
      el.scrollRows(e.button === "wheelUp" ? -WHEEL_ROWS : WHEEL_ROWS);
      return true;
    },
  });
  return el;
}
