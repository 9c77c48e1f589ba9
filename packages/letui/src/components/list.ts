/**
 * `List` (and `Select`): a virtualized list. Only the visible rows are
 * painted (with the default row) or exist as elements (with a custom row
 * renderer), so a million items cost no more than a screenful. Items come
 * from an array (or a signal of one) or from a `{ count, item(i) }`
 * source. Keys: arrows, PageUp/PageDown, Home/End, typing to find, Space
 * to toggle (multiple selection), Enter to activate. Mouse: click selects,
 * double-click activates, the wheel scrolls, the scrollbar pages and drags.
 */
import { realClock } from "../app/clock.ts";
import type { Element, Rect } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { createScope, isSignal, type MaybeSignal, read, type Scope, type Signal, signal, untrack } from "../signals.ts";
import type { PackedStyle } from "../style.ts";
import { BoxElement, type BoxProps, fitLabel, setupBox } from "./box.ts";
import { checkBoolean, checkFunction, checkNumber, checkPropsObject, checkRendered, propError } from "./check.ts";
import { sanitizeLine } from "./input.ts";
import { offsetForThumb, paintBar, trackPress } from "./scrollbar.ts";

/** A source of items for millions of rows: how many, and the item at an index. */
export interface ItemSource<T> {
  /** How many items (a signal when it changes). */
  count: MaybeSignal<number>;
  /** The item at `index` (0 <= index < count). */
  item(index: number): T;
}

/** Props of {@link List}. */
export interface ListProps<T> extends BoxProps {
  /** The items: an array, a signal of one, or an {@link ItemSource}. */
  items: MaybeSignal<readonly T[]> | ItemSource<T>;
  /** The text of an item, for the default row and for typing to find. @default String(item) */
  label?: (item: T, index: number) => string;
  /** A custom row: an element for the item (one row tall). Rows exist only while visible. */
  renderItem?: (item: T, index: number) => Element;
  /** Several items can be selected (Space or Ctrl-click toggles). @default false */
  multiple?: boolean;
  /** The highlighted item, two-way. */
  cursor?: Signal<number>;
  /** The selected items' indices, two-way (in single selection it follows the cursor). */
  selected?: Signal<readonly number[]>;
  /** Called when the cursor moves to another item, or the selection changes. */
  onSelect?: (index: number, item: T) => void;
  /** Called on Enter or a double-click. */
  onActivate?: (index: number, item: T) => void;
  /** Show a scrollbar when the items do not fit. @default true */
  scrollbar?: boolean;
}

const DOUBLE_CLICK_MS = 400;
const FIND_RESET_MS = 1000;

/** The element behind {@link List}. */
export class ListElement<T = unknown> extends BoxElement {
  override readonly kind: string = "list";
  /** The highlighted index (-1 when there are no items). */
  readonly cursorSignal: Signal<number>;
  /** The selected indices. */
  readonly selectedSignal: Signal<readonly number[]>;
  /** First visible item. */
  top = 0;
  /** Whether several items can be selected. */
  multiple = false;
  /** Whether the scrollbar is shown when needed. */
  showScrollbar = true;
  /** Rows above the items (a table's header). */
  headerRows = 0;
  label: (item: T, index: number) => string = (item) => String(item);
  renderItem: ((item: T, index: number) => Element) | undefined;
  onSelect: ((index: number, item: T) => void) | undefined;
  onActivate: ((index: number, item: T) => void) | undefined;
  #count = 0;
  #item: (i: number) => T = () => undefined as T;
  #rows = new Map<number, { el: Element; scope: Scope }>();
  #lastClick = { at: -Infinity, index: -1 };
  #find = { text: "", at: -Infinity };
  #drag: number | null = null;

  constructor(cursor: Signal<number>, selected: Signal<readonly number[]>) {
    super();
    this.cursorSignal = cursor;
    this.selectedSignal = selected;
    this.focusable = true;
  }

  /** How many items. */
  get count(): number {
    return this.#count;
  }

  /** The item at `index`. */
  item(index: number): T {
    return this.#item(index);
  }

  /** The highlighted index. */
  get current(): number {
    return untrack(() => this.cursorSignal.value);
  }

  /** Rows of items that fit. */
  get pageSize(): number {
    return Math.max(0, this.content.height - this.headerRows);
  }

  /** Replaces the items (from the `items` prop). */
  setSource(count: number, item: (i: number) => T): void {
    this.#count = Math.max(0, Math.floor(count));
    this.#item = item;
    for (const [, r] of this.#rows) r.scope.dispose();
    this.#rows.clear();
    const c = untrack(() => this.cursorSignal.value);
    if (this.#count === 0) this.cursorSignal.value = -1;
    else if (c < 0 || c >= this.#count) this.cursorSignal.value = Math.max(0, Math.min(c, this.#count - 1));
    this.#clampTop();
    this.#syncRows();
    this.invalidate();
  }

  /** Scrolls so that item `top` is the first visible one (clamped). */
  scrollToIndex(top: number): void {
    if (!Number.isFinite(top)) return;
    const before = this.top;
    this.top = Math.round(top);
    this.#clampTop();
    if (this.top !== before) {
      this.#syncRows();
      this.invalidate();
    }
  }

  #clampTop(): void {
    this.top = Math.max(0, Math.min(this.top, this.#count - this.pageSize));
  }

  /** Moves the cursor to `index` (clamped), keeping it in view; selects it in single selection. */
  moveTo(index: number): void {
    if (this.#count === 0 || !Number.isFinite(index)) return;
    const i = Math.max(0, Math.min(Math.round(index), this.#count - 1));
    const page = Math.max(1, this.pageSize);
    if (i < this.top) this.scrollToIndex(i);
    else if (i >= this.top + page) this.scrollToIndex(i - page + 1);
    if (i === untrack(() => this.cursorSignal.value)) return;
    this.cursorSignal.value = i;
    if (!this.multiple) this.selectedSignal.value = [i];
    this.invalidate();
    this.onSelect?.(i, this.#item(i));
  }

  /** Toggles the selection of `index` (multiple selection), or selects it alone. */
  toggle(index: number): void {
    if (index < 0 || index >= this.#count) return;
    const sel = untrack(() => this.selectedSignal.value);
    if (!this.multiple) this.selectedSignal.value = [index];
    else this.selectedSignal.value = sel.includes(index) ? sel.filter((s) => s !== index) : [...sel, index].sort((a, b) => a - b);
    this.invalidate();
    this.onSelect?.(index, this.#item(index));
  }

  /** Activates the item at the cursor (as Enter does). */
  activate(index = this.current): void {
    if (index >= 0 && index < this.#count) this.onActivate?.(index, this.#item(index));
  }

  /** Jumps to the next item whose label starts with the typed text (typing within a second extends it). */
  typeToFind(ch: string): void {
    const now = (this.app?.clock ?? realClock).now();
    const text = now - this.#find.at < FIND_RESET_MS ? this.#find.text + ch.toLowerCase() : ch.toLowerCase();
    this.#find = { text, at: now };
    const n = this.#count;
    const start = text.length > 1 ? Math.max(0, this.current) : this.current + 1;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      if (this.label(this.#item(i), i).toLowerCase().startsWith(text)) {
        this.moveTo(i);
        return;
      }
    }
  }

  override get watchesLayout(): boolean {
    return true;
  }

  override afterLayout(): void {
    const top = this.top;
    this.#clampTop();
    if (this.top !== top) this.invalidate();
    this.#syncRows();
  }

  /** With a custom renderer: makes elements for the visible rows only, reusing those still visible. */
  #syncRows(): void {
    if (!this.renderItem) return;
    const render = this.renderItem;
    const end = Math.min(this.#count, this.top + this.pageSize);
    const next = new Map<number, { el: Element; scope: Scope }>();
    for (let i = this.top; i < end; i++) {
      let row = this.#rows.get(i);
      if (!row) {
        const scope = this.scope.run(() => createScope());
        const item = this.#item(i);
        const el = untrack(() => scope.run(() => checkRendered("List", "renderItem", render(item, i))));
        el.setLayout({ height: 1, flexShrink: 0 });
        row = { el, scope };
      }
      next.set(i, row);
    }
    const gone = [...this.#rows].filter(([i]) => !next.has(i));
    this.#rows = next;
    const kids = [...next.values()].map((r) => r.el);
    if (kids.length !== this.children.length || kids.some((k, i) => k !== this.children[i])) this.setChildren(kids);
    for (const [, r] of gone) r.scope.dispose();
  }

  #selected: { of: readonly number[]; set: Set<number> } | null = null;

  /** True when item `index` is selected. */
  isSelected(index: number): boolean {
    const of = untrack(() => this.selectedSignal.value);
    if (this.#selected?.of !== of) this.#selected = { of, set: new Set(of) };
    return this.#selected.set.has(index);
  }

  /** Paints the item at `index` on row `y` (the default row: its label, cut with an ellipsis). */
  protected paintRow(screen: Screen, index: number, x: number, y: number, width: number, look: PackedStyle | null): void {
    if (this.renderItem) return;
    const mark = this.multiple ? (this.isSelected(index) ? "◉ " : "○ ") : "";
    const text = mark + sanitizeLine(this.label(this.#item(index), index));
    screen.drawText(x, y, fitLabel(text, width).label, look ?? this.looks.text);
  }

  /** Paints the header (none in a list). */
  protected paintHeader(_screen: Screen, _x: number, _y: number, _width: number): void {}

  /** Width of the rows: the content box minus the scrollbar when it shows. */
  get rowWidth(): number {
    return Math.max(0, this.content.width - (this.#barShown ? 1 : 0));
  }

  get #barShown(): boolean {
    return this.showScrollbar && this.#count > this.pageSize && this.content.width > 1;
  }

  override paint(screen: Screen, area: Rect = this.view): void {
    super.paint(screen, area);
    const c = this.content;
    const x = c.x - (this.rect.x - this.view.x);
    const y = c.y - (this.rect.y - this.view.y);
    const width = this.rowWidth;
    this.paintHeader(screen, x, y, width);
    const page = this.pageSize;
    // Read once per paint, not per row: the theme walks up the tree, focus walks the focus chain.
    const looks = this.looks;
    const cursor = this.focusWithin ? this.current : -1;
    for (let r = 0; r < page; r++) {
      const i = this.top + r;
      if (i >= this.#count) break;
      const look = i === cursor ? looks.cursor : this.isSelected(i) ? looks.selection : null;
      if (look) screen.fill(x, y + this.headerRows + r, width, 1, " ", look);
      this.paintRow(screen, i, x, y + this.headerRows + r, width, look);
    }
    if (this.#barShown) {
      paintBar(screen, { vertical: true, x: x + width, y: y + this.headerRows, length: page }, this.#count, page, this.top, looks.track, looks.thumb);
    }
  }

  /** The item index at screen row `y`, or -1. */
  indexAt(y: number): number {
    const top = this.content.y - (this.rect.y - this.view.y) + this.headerRows;
    const r = y - top;
    if (r < 0 || r >= this.pageSize) return -1;
    const i = this.top + r;
    return i < this.#count ? i : -1;
  }

  /** Handles a mouse event on the list; true when it was used. */
  listMouse(kind: string, button: string, x: number, y: number, ctrl: boolean): boolean {
    const c = this.content;
    const barX = c.x - (this.rect.x - this.view.x) + this.rowWidth;
    const top = c.y - (this.rect.y - this.view.y) + this.headerRows;
    const page = this.pageSize;
    if (this.#drag !== null) {
      if (kind === "up") this.#drag = null;
      else this.scrollToIndex(offsetForThumb(y - top - this.#drag, page, this.#count, page));
      return true;
    }
    if (kind !== "down" || button !== "left") return false;
    if (this.#barShown && x === barX && y >= top && y < top + page) {
      const r = trackPress(y - top, page, this.#count, page, this.top);
      if ("page" in r) this.scrollToIndex(this.top + r.page * page);
      else {
        this.#drag = r.grab;
        this.app?.captureMouse(this);
      }
      return true;
    }
    const i = this.indexAt(y);
    if (i < 0) return false;
    const now = (this.app?.clock ?? realClock).now();
    const double = this.#lastClick.index === i && now - this.#lastClick.at < DOUBLE_CLICK_MS;
    this.#lastClick = double ? { at: -Infinity, index: -1 } : { at: now, index: i };
    if (this.multiple && ctrl) this.toggle(i);
    this.moveTo(i);
    if (double) this.activate(i);
    return true;
  }

}

/** Normalizes the `items` prop. */
function bindItems<T>(el: ListElement<T>, items: ListProps<T>["items"], component: string): void {
  if (isSignal(items) || Array.isArray(items)) {
    el.bind(items as MaybeSignal<readonly T[]>, (arr) => {
      if (!Array.isArray(arr)) throw propError(component, "items", arr, "an array, a signal of one, or { count, item }");
      el.setSource(arr.length, (i) => arr[i] as T);
    });
    return;
  }
  if (typeof items !== "object" || items === null || typeof (items as ItemSource<T>).item !== "function") {
    throw propError(component, "items", items, "an array, a signal of one, or { count, item }");
  }
  const source = items as ItemSource<T>;
  el.bind(source.count, (n) => {
    checkNumber(component, "items.count", n, { integer: true, min: 0 });
    el.setSource(n, (i) => source.item(i));
  });
}

/** Configures a list element from props (shared by List, Select and Table). */
export function setupList<T, E extends ListElement<T>>(el: E, props: ListProps<T>, component: string): E {
  checkPropsObject(component, props, false);
  for (const f of ["label", "renderItem", "onSelect", "onActivate"] as const) checkFunction(component, f, props[f]);
  checkBoolean(component, "multiple", props.multiple);
  checkBoolean(component, "scrollbar", props.scrollbar);
  if (props.label) el.label = props.label;
  el.renderItem = props.renderItem;
  el.onSelect = props.onSelect;
  el.onActivate = props.onActivate;
  el.multiple = props.multiple ?? false;
  el.showScrollbar = props.scrollbar ?? true;
  setupBox(el, { flexDirection: "column", flexGrow: 1, ...props, overflow: "hidden" }, [], component);
  bindItems(el, props.items, component);
  el.bind(el.cursorSignal, () => el.invalidate());
  el.bind(el.selectedSignal, () => el.invalidate());
  const { onKey, onMouse, onWheel } = el.handlers;
  // The wheel moves the view (by 3 rows a notch), not the cursor.
  el.handlers.onWheel = (e) => {
    onWheel?.(e);
    if (e.propagationStopped) return;
    if (e.button === "wheelUp") el.scrollToIndex(el.top - 3);
    else if (e.button === "wheelDown") el.scrollToIndex(el.top + 3);
    else return;
    e.stopPropagation();
  };
  el.handlers.onKey = (e) => {
    onKey?.(e);
    if (e.propagationStopped || e.ctrl || e.alt || el.count === 0) return;
    const page = Math.max(1, el.pageSize - 1);
    const c = Math.max(0, el.current);
    const acts: Record<string, () => void> = {
      up: () => el.moveTo(c - 1),
      down: () => el.moveTo(c + 1),
      pageup: () => el.moveTo(c - page),
      pagedown: () => el.moveTo(c + page),
      home: () => el.moveTo(0),
      end: () => el.moveTo(el.count - 1),
      enter: () => el.activate(),
      space: () => (el.multiple ? el.toggle(c) : el.activate()),
    };
    const act = acts[e.name];
    if (act) act();
    else if (e.text && e.text.trim() !== "" && !e.super) el.typeToFind(e.text);
    else return;
    e.stopPropagation();
    e.preventDefault();
  };
  el.handlers.onMouse = (e) => {
    onMouse?.(e);
    if (e.propagationStopped) return;
    if (el.listMouse(e.kind, e.button, e.x, e.y, e.ctrl)) e.stopPropagation();
  };
  return el;
}

/**
 * A virtualized list: `List({ items: files, label: (f) => f.name,
 * onActivate: open })`. `cursor` and `selected` are signals (given or
 * made), also on the element as `cursorSignal` and `selectedSignal`.
 */
export function List<T>(props: ListProps<T>): ListElement<T> {
  checkPropsObject("List", props, false);
  const cursor = props.cursor ?? signal(0);
  const selected = props.selected ?? signal<readonly number[]>(props.multiple ? [] : [0]);
  return setupList(new ListElement<T>(cursor, selected), props, "List");
}

/** Props of {@link Select}. */
export interface SelectProps<T> extends Omit<ListProps<T>, "multiple" | "selected"> {
  /** The chosen value, two-way. */
  value?: Signal<T | undefined>;
}

/** A list for choosing one value: `Select({ items: ["a", "b"], value })`; Enter, Space or a click choose. */
export function Select<T>(props: SelectProps<T>): ListElement<T> {
  checkPropsObject("Select", props, false);
  const value = props.value;
  const onActivate = props.onActivate;
  checkFunction("Select", "onActivate", onActivate);
  const cursor = props.cursor ?? signal(0);
  const el = setupList(
    new ListElement<T>(cursor, signal<readonly number[]>([])),
    {
      ...props,
      onActivate: (i, item) => {
        if (value) value.value = item;
        el.selectedSignal.value = [i];
        onActivate?.(i, item);
      },
    },
    "Select",
  );
  const initial = value ? read(value) : undefined;
  if (initial !== undefined) {
    for (let i = 0; i < el.count; i++) {
      if (el.item(i) === initial) {
        el.selectedSignal.value = [i];
        cursor.value = i;
        break;
      }
    }
  }
  // Choosing is activating: a click chooses too.
  const { onMouse } = el.handlers;
  el.handlers.onMouse = (e) => {
    const before = el.current;
    onMouse?.(e);
    if (e.kind === "down" && e.button === "left" && el.indexAt(e.y) >= 0 && el.current !== before) el.activate(el.current);
  };
  return el;
}
