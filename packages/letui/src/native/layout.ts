/** The layout tree's native calls, typed (`letui_layout_*`). Node ids are numbers below 2^53. */
import { check, created, native, nativeView, viewPairs } from "./library.ts";
import type { NativeHandle } from "./types.ts";

type View = [bigint, number];

/** The shared buffers of a layout tree. */
export interface LayoutViews {
  /** The style block (`LETUI_LAYOUT_STYLE_WORDS` words). */
  readonly style: Float32Array;
  /** Scratch bytes for text and child lists. */
  readonly scratch: Uint8Array;
  /** The scratch as 32-bit words (child ids are two words each). */
  readonly ids: Uint32Array;
  /** Results, `LETUI_LAYOUT_RESULT_WORDS` words per slot. */
  readonly results: Int32Array;
  /** Line records of the last text-lines call. */
  readonly lines: Uint32Array;
  /** The info words (`LETUI_LAYOUT_INFO_*`). */
  readonly info: Uint32Array;
}

/** Empty views, for a disposed tree. */
export const NO_LAYOUT_VIEWS: LayoutViews = {
  style: new Float32Array(0),
  scratch: new Uint8Array(0),
  ids: new Uint32Array(0),
  results: new Int32Array(0),
  lines: new Uint32Array(0),
  info: new Uint32Array(0),
};

/** Creates an empty tree. */
export function layoutNew(): NativeHandle {
  return created((out) => native().letui_layout_new(out));
}

/** Frees a tree; returns the status. */
export function layoutFree(h: NativeHandle | null): number {
  return native().letui_layout_free(h);
}

/** Maps the tree's shared buffers. */
export function layoutViews(h: NativeHandle): LayoutViews {
  const [style, scratch, results, lines, info] = viewPairs(5, (v) => native().letui_layout_view(h, v)) as [View, View, View, View, View];
  const bytes = nativeView(scratch[0], scratch[1]);
  return {
    style: new Float32Array(nativeView(style[0], style[1] * 4)),
    scratch: new Uint8Array(bytes),
    ids: new Uint32Array(bytes, 0, bytes.byteLength >>> 2),
    results: new Int32Array(nativeView(results[0], results[1] * 4)),
    lines: new Uint32Array(nativeView(lines[0], lines[1] * 4)),
    info: new Uint32Array(nativeView(info[0], info[1] * 4)),
  };
}

/** Grows the scratch buffer to at least `bytes`. */
export function layoutReserveScratch(h: NativeHandle, bytes: number): void {
  check(native().letui_layout_reserve_scratch(h, bytes));
}

/** Creates a node; its id is written to `out` as two words (slot, generation). */
export function layoutNodeNew(h: NativeHandle, out: Uint32Array): void {
  check(native().letui_layout_node_new(h, out));
}

/** Frees one node. */
export function layoutNodeFree(h: NativeHandle, node: number): void {
  check(native().letui_layout_node_free(h, node));
}

/** Frees a subtree; the freed ids go to the scratch; returns their number. */
export function layoutNodeFreeSubtree(h: NativeHandle, node: number): number {
  return check(native().letui_layout_node_free_subtree(h, node));
}

/** Creates `count` nodes; their ids go to the scratch; returns `count`. */
export function layoutNodesNew(h: NativeHandle, count: number): number {
  return check(native().letui_layout_nodes_new(h, count));
}

/** Frees the `count` nodes whose ids are in the scratch. */
export function layoutNodesFree(h: NativeHandle, count: number): void {
  check(native().letui_layout_nodes_free(h, count));
}

/** Sets the texts of `count` nodes laid out in the scratch (ids, lengths, bytes); true when the layout must run again. */
export function layoutSetTexts(h: NativeHandle, count: number, wrap: number, ellipsis: boolean): boolean {
  return check(native().letui_layout_set_texts(h, count, wrap, ellipsis ? 1 : 0)) === 1;
}

/** Applies the style block to a node. */
export function layoutSetStyle(h: NativeHandle, node: number): void {
  check(native().letui_layout_set_style(h, node));
}

/** Appends a child. */
export function layoutAppendChild(h: NativeHandle, parent: number, child: number): void {
  check(native().letui_layout_append_child(h, parent, child));
}

/** Inserts a child at `index`. */
export function layoutInsertChild(h: NativeHandle, parent: number, child: number, index: number): void {
  check(native().letui_layout_insert_child(h, parent, child, index));
}

/** Removes a child. */
export function layoutRemoveChild(h: NativeHandle, parent: number, child: number): void {
  check(native().letui_layout_remove_child(h, parent, child));
}

/** Replaces the children with the `n` ids in the scratch. */
export function layoutSetChildren(h: NativeHandle, parent: number, n: number): void {
  check(native().letui_layout_set_children(h, parent, n));
}

/** Makes a node a text leaf with the first `len` scratch bytes; true when the layout must run again. */
export function layoutSetText(h: NativeHandle, node: number, len: number, wrap: number, ellipsis: boolean): boolean {
  return check(native().letui_layout_set_text(h, node, len, wrap, ellipsis ? 1 : 0)) === 1;
}

/** Makes a text leaf an ordinary node. */
export function layoutClearText(h: NativeHandle, node: number): void {
  check(native().letui_layout_clear_text(h, node));
}

/** Marks a node for layout. */
export function layoutMarkDirty(h: NativeHandle, node: number): void {
  check(native().letui_layout_mark_dirty(h, node));
}

/** Lays out the tree under `root`. */
export function layoutCompute(h: NativeHandle, root: number, width: number, height: number): void {
  check(native().letui_layout_compute(h, root, width, height));
}

/** Writes a text node's lines to the shared lines; returns their number. */
export function layoutTextLines(h: NativeHandle, node: number): number {
  return check(native().letui_layout_text_lines(h, node));
}
