/**
 * `Table`: a virtualized list of rows in columns, with a header. Column
 * widths are fixed, a percentage, flexible, or fitted to the content
 * (the header and the visible rows); cells are aligned and cut with an
 * ellipsis at grapheme boundaries (wide characters never split). Clicking
 * a header sorts through the app's `onSort`: the first click sorts
 * ascending, the next toggles.
 */
import type { Rect } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { type Signal, signal, untrack } from "../signals.ts";
import type { PackedStyle } from "../style.ts";
import { textWidth } from "../text.ts";
import { fitLabel } from "./box.ts";
import { checkFunction, checkOneOf, checkPropsObject, checkString, propError } from "./check.ts";
import { sanitizeLine } from "./input.ts";
import { ListElement, type ListProps, setupList } from "./list.ts";

/** How wide a column is: cells, a percentage of the table, `"fit"` (the content), or `{ flex }` (a share of what is left). */
export type ColumnWidth = number | `${number}%` | "fit" | { flex: number };

/** A column of a {@link Table}. */
export interface Column<T> {
  /** The header text. */
  title: string;
  /** The cell text of a row. */
  value: (row: T, index: number) => string | number;
  /** Width. @default { flex: 1 } */
  width?: ColumnWidth;
  /** Alignment in the cell. @default "left" */
  align?: "left" | "center" | "right";
  /** Whether clicking the header sorts by it. @default true when the table has onSort */
  sortable?: boolean;
}

/** A sort order. */
export interface SortOrder {
  /** Index of the column. */
  column: number;
  /** Direction. */
  direction: "asc" | "desc";
}

/** Props of {@link Table}. */
export interface TableProps<T> extends Omit<ListProps<T>, "renderItem" | "label"> {
  /** The columns. */
  columns: readonly Column<T>[];
  /** The current order, two-way (the app sorts its items in `onSort`). */
  sort?: Signal<SortOrder | null>;
  /** Called when a header click asks for an order; sort the items here. */
  onSort?: (order: SortOrder) => void;
}

/** The element behind {@link Table}. */
export class TableElement<T = unknown> extends ListElement<T> {
  override readonly kind: string = "table";
  columns: readonly Column<T>[] = [];
  readonly sort: Signal<SortOrder | null>;
  onSort: ((order: SortOrder) => void) | undefined;

  constructor(cursor: Signal<number>, selected: Signal<readonly number[]>, sort: Signal<SortOrder | null>) {
    super(cursor, selected);
    this.sort = sort;
    this.headerRows = 1;
  }

  /** Column widths for a table `width` cells wide (one cell between columns). */
  widths(width: number): number[] {
    const cols = this.columns;
    const gaps = Math.max(0, cols.length - 1);
    const out = new Array<number>(cols.length).fill(0);
    let left = width - gaps;
    let flex = 0;
    cols.forEach((c, k) => {
      const w = c.width ?? { flex: 1 };
      if (typeof w === "number") out[k] = Math.max(0, Math.floor(w));
      else if (typeof w === "string" && w.endsWith("%")) out[k] = Math.max(0, Math.floor((Number.parseFloat(w) / 100) * (width - gaps)));
      else if (w === "fit") {
        let m = textWidth(c.title) + 2;
        const end = Math.min(this.count, this.top + this.pageSize);
        for (let i = this.top; i < end; i++) m = Math.max(m, textWidth(sanitizeLine(String(c.value(this.item(i), i)))));
        out[k] = m;
      } else if (typeof w === "object") {
        flex += w.flex;
        return;
      }
      left -= out[k] as number;
    });
    if (flex > 0) {
      let share = Math.max(0, left);
      cols.forEach((c, k) => {
        const w = c.width ?? { flex: 1 };
        if (typeof w === "object") {
          const n = Math.floor((Math.max(0, left) * w.flex) / flex);
          out[k] = n;
          share -= n;
        }
      });
      // Cells left over by rounding go to the last flexible column.
      for (let k = cols.length - 1; k >= 0; k--) {
        if (typeof (cols[k]?.width ?? { flex: 1 }) === "object") {
          out[k] = (out[k] as number) + share;
          break;
        }
      }
    }
    return out;
  }

  #painting: { width: number; widths: number[] } | null = null;

  override paint(screen: Screen, area: Rect = this.view): void {
    // Widths once per paint ("fit" columns measure the visible rows).
    this.#painting = { width: this.rowWidth, widths: this.widths(this.rowWidth) };
    try {
      super.paint(screen, area);
    } finally {
      this.#painting = null;
    }
  }

  #cells(screen: Screen, x: number, y: number, width: number, texts: string[], look: PackedStyle): void {
    const widths = this.#painting?.width === width ? this.#painting.widths : this.widths(width);
    let cx = x;
    this.columns.forEach((c, k) => {
      const w = Math.min(widths[k] as number, x + width - cx);
      if (w <= 0) return;
      const { label, width: lw } = fitLabel(sanitizeLine(texts[k] ?? ""), w);
      const free = w - lw;
      const at = c.align === "right" ? cx + free : c.align === "center" ? cx + (free >> 1) : cx;
      screen.drawText(at, y, label, look);
      cx += w + 1;
    });
  }

  protected override paintHeader(screen: Screen, x: number, y: number, width: number): void {
    const order = untrack(() => this.sort.value);
    const texts = this.columns.map((c, k) => (order?.column === k ? `${c.title} ${order.direction === "asc" ? "▲" : "▼"}` : c.title));
    const looks = this.looks;
    this.#cells(screen, x, y, width, texts, looks.accent);
  }

  protected override paintRow(screen: Screen, index: number, x: number, y: number, width: number, look: PackedStyle | null): void {
    const row = this.item(index);
    this.#cells(screen, x, y, width, this.columns.map((c) => String(c.value(row, index))), look ?? this.looks.text);
  }

  /** The column under screen column `x` of the header, or -1. */
  columnAt(x: number): number {
    const left = this.content.x - (this.rect.x - this.view.x);
    const widths = this.widths(this.rowWidth);
    let cx = left;
    for (let k = 0; k < widths.length; k++) {
      const w = widths[k] as number;
      if (x >= cx && x < cx + w) return k;
      cx += w + 1;
    }
    return -1;
  }

  /** Asks for an order by column `k` (toggling when it is already the order). */
  sortBy(k: number): void {
    const c = this.columns[k];
    if (!c || c.sortable === false || !this.onSort) return;
    const now = untrack(() => this.sort.value);
    const order: SortOrder = { column: k, direction: now?.column === k && now.direction === "asc" ? "desc" : "asc" };
    this.sort.value = order;
    this.onSort(order);
    this.invalidate();
  }
}

const ALIGNS = ["left", "center", "right"] as const;

/**
 * A virtualized table: `Table({ items: rows, columns: [{ title: "Name",
 * value: (r) => r.name, width: "fit" }], onSort })`. Selection, keys and
 * mouse work as in {@link List}.
 */
export function Table<T>(props: TableProps<T>): TableElement<T> {
  checkPropsObject("Table", props, false);
  if (!Array.isArray(props.columns)) throw propError("Table", "columns", props.columns, "an array of columns");
  props.columns.forEach((c, k) => {
    if (typeof c !== "object" || c === null) throw propError("Table", `columns[${k}]`, c, "a column object");
    checkString("Table", `columns[${k}].title`, c.title);
    if (typeof c.value !== "function") throw propError("Table", `columns[${k}].value`, c.value, "a function");
    checkOneOf("Table", `columns[${k}].align`, c.align, ALIGNS);
    const w = c.width;
    const ok =
      w === undefined ||
      w === "fit" ||
      (typeof w === "number" && Number.isFinite(w) && w >= 0) ||
      (typeof w === "string" && /^\d+(\.\d+)?%$/.test(w)) ||
      (typeof w === "object" && w !== null && typeof w.flex === "number" && w.flex > 0);
    if (!ok) throw propError("Table", `columns[${k}].width`, w, 'cells, a percentage, "fit" or { flex }');
  });
  checkFunction("Table", "onSort", props.onSort);
  const cursor = props.cursor ?? signal(0);
  const selected = props.selected ?? signal<readonly number[]>(props.multiple ? [] : [0]);
  const el = new TableElement<T>(cursor, selected, props.sort ?? signal<SortOrder | null>(null));
  el.columns = props.columns;
  el.onSort = props.onSort;
  setupList(el, props, "Table");
  el.label = (row, i) => String(props.columns[0]?.value(row, i) ?? "");
  const { onMouse } = el.handlers;
  el.handlers.onMouse = (e) => {
    const headerY = el.content.y - (el.rect.y - el.view.y);
    if (e.kind === "down" && e.button === "left" && e.y === headerY) {
      const k = el.columnAt(e.x);
      if (k >= 0) {
        el.sortBy(k);
        e.stopPropagation();
        return;
      }
    }
    onMouse?.(e);
  };
  return el;
}
