/**
 * `Input`: a single-line text field. Editing works on grapheme clusters
 * (an emoji or a CJK character is never split), measured with the native
 * width rules; the view scrolls horizontally to keep the caret visible, and
 * the terminal cursor sits at the caret so IME candidate windows appear in
 * the right place.
 */
import { Element } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { isSignal, type MaybeSignal, type Signal, signal } from "../signals.ts";
import { type PackedStyle, type Style } from "../style.ts";
import { type Grapheme, graphemes } from "../text.ts";
import { overlayStyle } from "../app/theme.ts";
import { checkBoolean, checkFunction, checkPropsObject, checkString, checkText } from "./check.ts";
import { addDefaults, applyCommon, type CommonProps, styleProps } from "./props.ts";
import type { ElementKeyEvent } from "../app/dispatch.ts";

/** Props of {@link Input}. */
export interface InputProps extends CommonProps {
  /** The value: a signal the input reads and writes (two-way), or an initial string. */
  value?: Signal<string> | string;
  /** Shown dimmed while the value is empty. */
  placeholder?: MaybeSignal<string>;
  /** Show every character as {@link mask}. */
  password?: MaybeSignal<boolean>;
  /** The character shown for each character of a password. @default "•" */
  mask?: string;
  /** Called after every change of the value. */
  onChange?: (value: string) => void;
  /** Called on Enter. */
  onSubmit?: (value: string) => void;
  /** Look of the field. */
  style?: Style;
  /** Look while focused. */
  focusStyle?: Style;
  /** Look of the placeholder. */
  placeholderStyle?: Style;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Removes what cannot be part of a single line: line breaks and tabs become spaces, other controls go. */
export function sanitizeLine(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(/\r\n|[\r\n\t]/g, " ").replace(CONTROL, "");
}

function isSpace(s: string): boolean {
  return /^\s+$/.test(s);
}

/** The element behind {@link Input}. */
export class InputElement extends Element {
  readonly kind = "input";
  readonly value: Signal<string>;
  /** Caret as a UTF-16 offset, always on a grapheme boundary. */
  caret = 0;
  /** First visible cell of the text. */
  scroll = 0;
  placeholder = "";
  password = false;
  mask = "•";
  onChange: ((v: string) => void) | undefined;
  onSubmit: ((v: string) => void) | undefined;
  /** Style props merged over the theme's looks. */
  overrides: { normal?: Style; focus?: Style; placeholder?: Style } = {};
  #clusters: Grapheme[] = [];
  #text = "";

  constructor(value: Signal<string>) {
    super();
    this.value = value;
    this.focusable = true;
  }

  /** Re-reads the value (after any change) and keeps the caret on a boundary. */
  sync(text: string): void {
    this.#text = text;
    this.#clusters = graphemes(text);
    this.caret = this.#snap(Math.min(this.caret, text.length));
    this.invalidate();
  }

  /** The nearest boundary at or after `offset`. */
  #snap(offset: number): number {
    if (offset <= 0) return 0;
    for (const g of this.#clusters) if (g.end >= offset) return g.end === offset ? offset : g.start < offset ? g.end : g.start;
    return this.#text.length;
  }

  #index(offset: number): number {
    let i = 0;
    while (i < this.#clusters.length && (this.#clusters[i] as Grapheme).end <= offset) i++;
    return i;
  }

  #cellWidth(g: Grapheme): number {
    return this.password ? 1 : g.width;
  }

  /** The caret's column within the text, in cells. */
  caretCell(): number {
    let cells = 0;
    for (const g of this.#clusters) {
      if (g.end > this.caret) break;
      cells += this.#cellWidth(g);
    }
    return cells;
  }

  #set(text: string, caret: number): void {
    if (text !== this.#text) {
      this.#text = text;
      this.#clusters = graphemes(text);
      this.caret = this.#snap(caret);
      this.value.value = text;
      this.onChange?.(text);
    } else {
      this.caret = this.#snap(caret);
    }
    this.#follow();
    this.invalidate();
    this.app?.requestFrame();
  }

  /** Inserts text at the caret (line breaks become spaces, controls are dropped). */
  insertText(raw: string): void {
    const text = sanitizeLine(raw);
    if (!text) return;
    const t = this.#text;
    this.#set(t.slice(0, this.caret) + text + t.slice(this.caret), this.caret + text.length);
  }

  /** The text as the field knows it. */
  get text(): string {
    return this.#text;
  }

  /** Puts the caret at a UTF-16 offset (snapped to a grapheme boundary). */
  moveTo(offset: number): void {
    this.#set(this.#text, Math.max(0, Math.min(offset, this.#text.length)));
  }

  /** Deletes the grapheme before the caret. */
  backspace(): void {
    const i = this.#index(this.caret);
    if (i > 0) this.deleteTo((this.#clusters[i - 1] as Grapheme).start);
  }

  /** Deletes the grapheme after the caret. */
  deleteForward(): void {
    const i = this.#index(this.caret);
    const g = this.#clusters[i];
    if (g) this.deleteTo(g.end);
  }

  /** Moves the caret by `n` graphemes (negative: left). */
  move(n: number): void {
    const i = this.#index(this.caret);
    const target = Math.max(0, Math.min(this.#clusters.length, i + n));
    this.#set(this.#text, target === 0 ? 0 : (this.#clusters[target - 1] as Grapheme).end);
  }

  /** The offset of the start of the word before the caret (or end of the word after it). */
  wordBoundary(forward: boolean): number {
    const cs = this.#clusters;
    let i = this.#index(this.caret);
    const at = (k: number) => this.#text.slice((cs[k] as Grapheme).start, (cs[k] as Grapheme).end);
    if (forward) {
      while (i < cs.length && isSpace(at(i))) i++;
      while (i < cs.length && !isSpace(at(i))) i++;
      return i === 0 ? 0 : (cs[i - 1] as Grapheme).end;
    }
    while (i > 0 && isSpace(at(i - 1))) i--;
    while (i > 0 && !isSpace(at(i - 1))) i--;
    return i === 0 ? 0 : (cs[i - 1] as Grapheme).end;
  }

  /** Deletes from the caret to `offset` (either side). */
  deleteTo(offset: number): void {
    const a = Math.min(offset, this.caret);
    const b = Math.max(offset, this.caret);
    if (a === b) return;
    this.#set(this.#text.slice(0, a) + this.#text.slice(b), a);
  }

  /** Puts the caret at the grapheme under column `cell` of the view. */
  caretAtCell(cell: number): void {
    let cells = 0;
    for (const g of this.#clusters) {
      const w = this.#cellWidth(g);
      if (cells + w / 2 > cell + this.scroll) {
        this.#set(this.#text, g.start);
        return;
      }
      cells += w;
    }
    this.#set(this.#text, this.#text.length);
  }

  /** Scrolls so that the caret is visible. */
  #follow(): void {
    const width = Math.max(1, this.view.width);
    const c = this.caretCell();
    if (c < this.scroll) this.scroll = c;
    else if (c >= this.scroll + width) this.scroll = c - width + 1;
    const total = this.#clusters.reduce((n, g) => n + this.#cellWidth(g), 0);
    this.scroll = Math.max(0, Math.min(this.scroll, Math.max(0, total + 1 - width)));
  }

  override onLayout(): void {
    this.#follow();
  }

  override cursor(): { x: number; y: number } | null {
    if (this.app?.focused !== this || this.view.width === 0) return null;
    const x = this.view.x + this.caretCell() - this.scroll;
    if (x < this.clip.x || x >= this.clip.x + this.clip.width || this.view.y < this.clip.y) return null;
    return { x, y: this.view.y };
  }

  paint(screen: Screen): void {
    const { x, y, width, height } = this.view;
    const looks = this.looks;
    const st: PackedStyle = this.isFocused ? overlayStyle(looks.fieldFocus, this.overrides.focus) : overlayStyle(looks.field, this.overrides.normal);
    screen.fill(x, y, width, height, " ", st);
    if (this.#text.length === 0) {
      if (this.placeholder) screen.drawText(x, y, this.placeholder, overlayStyle(looks.placeholder, this.overrides.placeholder));
      return;
    }
    const shown = this.password ? this.mask.repeat(this.#clusters.length) : this.#text;
    screen.drawText(x - this.scroll, y, shown, st);
  }
}

/**
 * A single-line text field: `Input({ value: query, placeholder: "Search",
 * onSubmit: run })`. Arrows, Home/End, Ctrl-A/E, Alt/Ctrl-arrows by word,
 * Backspace, Delete, Ctrl-W, Ctrl-U, Ctrl-K, paste, and clicks to place the
 * caret.
 */
export function Input(props: InputProps = {}): InputElement {
  checkPropsObject("Input", props);
  if (props.value !== undefined && !isSignal(props.value)) checkString("Input", "value", props.value);
  const value = isSignal(props.value) ? props.value : signal(typeof props.value === "string" ? props.value : "");
  const el = new InputElement(value);
  applyCommon(el, { height: 1, flexGrow: props.width === undefined ? 1 : undefined, ...props }, "Input");
  checkFunction("Input", "onChange", props.onChange);
  checkFunction("Input", "onSubmit", props.onSubmit);
  checkString("Input", "mask", props.mask);
  el.onChange = props.onChange;
  el.onSubmit = props.onSubmit;
  if (props.mask) el.mask = props.mask;
  el.overrides = styleProps("Input", props, [
    ["normal", "style"],
    ["focus", "focusStyle"],
    ["placeholder", "placeholderStyle"],
  ] as const);
  el.bind(value, (v) => {
    if (v !== el.text) el.sync(v);
  });
  el.bind(props.placeholder, (p) => {
    checkText("Input", "placeholder", p);
    el.placeholder = sanitizeLine(String(p));
    el.invalidate();
  });
  el.bind(props.password, (p) => {
    checkBoolean("Input", "password", p);
    el.password = p;
    el.invalidate();
  });
  const key = (e: ElementKeyEvent): boolean => {
    const word = e.ctrl || e.alt;
    const end = el.text.length;
    const actions: Record<string, (() => void) | undefined> = {
      left: () => (word ? el.moveTo(el.wordBoundary(false)) : el.move(-1)),
      right: () => (word ? el.moveTo(el.wordBoundary(true)) : el.move(1)),
      home: () => el.moveTo(0),
      end: () => el.moveTo(end),
      backspace: () => (word ? el.deleteTo(el.wordBoundary(false)) : el.backspace()),
      delete: () => (word ? el.deleteTo(el.wordBoundary(true)) : el.deleteForward()),
      enter: () => el.onSubmit?.(el.text),
    };
    const ctrlActions: Record<string, (() => void) | undefined> = {
      a: () => el.moveTo(0),
      e: () => el.moveTo(end),
      w: () => el.deleteTo(el.wordBoundary(false)),
      u: () => el.deleteTo(0),
      k: () => el.deleteTo(end),
      b: () => el.move(-1),
      f: () => el.move(1),
      d: () => el.deleteForward(),
      h: () => el.backspace(),
    };
    const action = actions[e.name] ?? (e.ctrl && !e.alt ? ctrlActions[e.name] : undefined);
    let handled = action !== undefined;
    action?.();
    if (!handled && e.text && !e.ctrl && !e.alt && !e.super) {
      el.insertText(e.text);
      handled = true;
    }
    return handled;
  };
  addDefaults(el, {
    key,
    paste: (e) => el.insertText(e.text),
    mouse: (e) => {
      if (e.kind === "down" && e.button === "left") el.caretAtCell(e.localX);
    },
  });
  return el;
}
