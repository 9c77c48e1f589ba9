/**
 * The layout tree: a native flexbox tree mirrored by incremental calls
 * (create, style, insert, remove, text), with results read from shared
 * memory without a native call per node.
 */
import { type Pointer, toArrayBuffer } from "bun:ffi";
import { argumentError, disposedError, LetuiError } from "../native/errors.ts";
import { check, native } from "../native/library.ts";
import { type LayoutStyle, packStyle, STYLE_WORDS } from "./style.ts";

/**
 * A node of a {@link LayoutTree}: an integer id (below 2^53) that is never
 * reused, so a stale one is always an error.
 */
export type LayoutNode = number;

/** How text is broken into lines. */
export type WrapMode = "word" | "char" | "none";

/** Options of {@link LayoutTree.setText}. */
export interface TextOptions {
  /**
   * `"word"` breaks between words (long words between characters),
   * `"char"` between any two characters, `"none"` only at line breaks.
   * @default "word"
   */
  wrap?: WrapMode;
  /**
   * Ends a line cut short with `…`: each overflowing line in `"none"`
   * mode, and the last line that fits the node's height when text is left
   * out.
   * @default false
   */
  ellipsis?: boolean;
}

/** The computed box of a node, absolute, in cells. */
export interface NodeLayout {
  /** Column of the left edge. */
  x: number;
  /** Row of the top edge. */
  y: number;
  /** Width in cells. */
  width: number;
  /** Height in cells. */
  height: number;
  /** Offset of the content box from the left edge (border + padding). */
  contentX: number;
  /** Offset of the content box from the top edge (border + padding). */
  contentY: number;
  /** Largest horizontal scroll offset (how far content overflows to the right). */
  maxScrollX: number;
  /** Largest vertical scroll offset (how far content overflows below). */
  maxScrollY: number;
}

/** One wrapped line of a text node. */
export interface TextLine {
  /** Start of the line in the text, in UTF-16 code units (for `text.slice`). */
  start: number;
  /** End of the line (exclusive), in UTF-16 code units. */
  end: number;
  /** Cells taken, the ellipsis included. */
  width: number;
  /** True when the line was cut short: draw `…` after it. */
  ellipsis: boolean;
}

const RESULT_WORDS = 8;
const LINE_WORDS = 4;
const INFO_GENERATION = 0;
const UNBOUNDED = 0xffffffff;
const SLOT = 2 ** 32;
const WRAP_MODES: Record<WrapMode, number> = { word: 0, char: 1, none: 2 };

const encoder = new TextEncoder();

const registry = new FinalizationRegistry<Pointer>((h) => {
  // Safety net for trees that were never disposed.
  native().letui_layout_free(h);
});

/** A viewport size: whole cells, or `Infinity` to size to content. */
function extent(name: string, v: number): number {
  if (v === Infinity) return UNBOUNDED;
  if (!Number.isInteger(v) || v < 0 || v >= UNBOUNDED) {
    throw argumentError(`${name} must be a whole number of cells or Infinity, got ${v}`);
  }
  return v;
}

/**
 * A tree of flexbox nodes laid out natively (taffy), in terminal cells.
 *
 * Mirror the component tree with {@link createNode}, {@link setStyle},
 * {@link appendChild}/{@link insertChild}/{@link removeChild},
 * {@link setText}; when {@link needsLayout} is true, call {@link compute}
 * once, then read {@link layoutOf} and {@link textLines}. Equal styles and
 * texts set again make no native call; only changed nodes and their
 * ancestors are laid out again.
 *
 * Dispose it with {@link dispose} (or `using`); a finalizer frees it if
 * you forget, and any use after disposal throws.
 *
 * @example
 * ```ts
 * using tree = new LayoutTree();
 * const root = tree.createNode();
 * const label = tree.createNode();
 * tree.setStyle(root, { width: 20, padding: 1, border: 1 });
 * tree.setText(label, "hello world", { wrap: "word" });
 * tree.appendChild(root, label);
 * tree.compute(root, 80, 24);
 * tree.layoutOf(label); // { x: 2, y: 2, width: 11, height: 1, ... }
 * ```
 */
export class LayoutTree {
  #handle: Pointer | null;
  #style = new Float32Array(0);
  #scratch = new Uint8Array(0);
  #ids = new Uint32Array(0);
  #results = new Int32Array(0);
  #lines = new Uint32Array(0);
  #info = new Uint32Array(0);
  #generation = -1;
  readonly #out = new Uint32Array(2);
  readonly #packed = new Float32Array(STYLE_WORDS);
  readonly #live = new Set<number>();
  readonly #styles = new Map<number, Float32Array>();
  readonly #texts = new Map<number, { text: string; wrap: number; ellipsis: boolean }>();
  readonly #token = {};
  #needsLayout = false;

  constructor() {
    const out = new BigUint64Array(1);
    check(native().letui_layout_new(out));
    this.#handle = Number(out[0]) as Pointer;
    registry.register(this, this.#handle, this.#token);
    this.#remap();
  }

  #h(): Pointer {
    if (this.#handle === null) throw disposedError("LayoutTree");
    return this.#handle;
  }

  #remap(): void {
    const v = new BigUint64Array(10);
    check(native().letui_layout_view(this.#h(), v));
    const [style, styleLen, scratch, scratchLen, results, resultsLen, lines, linesLen, info, infoLen] =
      v as unknown as bigint[];
    const buf = (p: bigint | undefined, bytes: number) => toArrayBuffer(Number(p), 0, bytes);
    this.#style = new Float32Array(buf(style, Number(styleLen) * 4));
    const scratchBuf = buf(scratch, Number(scratchLen));
    this.#scratch = new Uint8Array(scratchBuf);
    this.#ids = new Uint32Array(scratchBuf);
    this.#results = Number(resultsLen) > 0 ? new Int32Array(buf(results, Number(resultsLen) * 4)) : new Int32Array(0);
    this.#lines = new Uint32Array(buf(lines, Number(linesLen) * 4));
    this.#info = new Uint32Array(buf(info, Number(infoLen) * 4));
    this.#generation = this.#info[INFO_GENERATION] ?? 0;
  }

  /** Re-maps the views when the native buffers moved. */
  #sync(): void {
    if (this.#handle === null) throw disposedError("LayoutTree");
    if (this.#info[INFO_GENERATION] !== this.#generation) this.#remap();
  }

  /** Checks that `node` is a live node of this tree. */
  #node(node: LayoutNode, what = "node"): number {
    if (this.#handle === null) throw disposedError("LayoutTree");
    if (!this.#live.has(node)) {
      throw argumentError(`layout ${what} ${String(node)} does not exist (it was freed, or comes from another tree)`);
    }
    return node;
  }

  /** True after a change of structure, style or text, until the next {@link compute}. */
  get needsLayout(): boolean {
    return this.#needsLayout;
  }

  /** Number of live nodes. */
  get size(): number {
    return this.#live.size;
  }

  /** True once disposed. */
  get disposed(): boolean {
    return this.#handle === null;
  }

  /** Creates a detached node with the default style (a row flex container). */
  createNode(): LayoutNode {
    const out = this.#out;
    check(native().letui_layout_node_new(this.#h(), out));
    const id = (out[0] ?? 0) + (out[1] ?? 0) * SLOT;
    this.#live.add(id);
    return id as LayoutNode;
  }

  #forget(node: number): void {
    this.#live.delete(node);
    this.#styles.delete(node);
    this.#texts.delete(node);
  }

  /**
   * Frees one node: it leaves its parent, and its children become
   * detached (they stay alive). Its id is an error from now on.
   */
  free(node: LayoutNode): void {
    check(native().letui_layout_node_free(this.#h(), this.#node(node)));
    this.#forget(node);
    this.#needsLayout = true;
  }

  /** Frees a node and all its descendants. */
  freeSubtree(node: LayoutNode): void {
    const n = check(native().letui_layout_node_free_subtree(this.#h(), this.#node(node)));
    // The native side wrote the freed ids into the scratch buffer.
    this.#sync();
    const ids = this.#ids;
    for (let i = 0; i < n; i++) this.#forget((ids[2 * i] ?? 0) + (ids[2 * i + 1] ?? 0) * SLOT);
    this.#needsLayout = true;
  }

  /**
   * Sets a node's style (the whole style: absent properties take their
   * initial values). A style equal to the current one makes no native call.
   */
  setStyle(node: LayoutNode, style: LayoutStyle): void {
    this.#node(node);
    const packed = this.#packed;
    packStyle(style, packed);
    const cached = this.#styles.get(node);
    if (cached !== undefined && sameWords(cached, packed)) return;
    this.#sync();
    this.#style.set(packed);
    check(native().letui_layout_set_style(this.#h(), node));
    if (cached !== undefined) cached.set(packed);
    else this.#styles.set(node, packed.slice());
    this.#needsLayout = true;
  }

  /** Makes `child` the last child of `parent`, taking it out of its current parent. */
  appendChild(parent: LayoutNode, child: LayoutNode): void {
    this.#node(parent, "parent");
    this.#node(child, "child");
    check(native().letui_layout_append_child(this.#h(), parent, child));
    this.#needsLayout = true;
  }

  /** Makes `child` the child of `parent` at `index` (counted after taking `child` out of its current place). */
  insertChild(parent: LayoutNode, child: LayoutNode, index: number): void {
    this.#node(parent, "parent");
    this.#node(child, "child");
    if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) {
      throw argumentError(`child index must be a non-negative integer, got ${index}`);
    }
    check(native().letui_layout_insert_child(this.#h(), parent, child, index));
    this.#needsLayout = true;
  }

  /** Takes `child` out of `parent`; it stays alive, detached. */
  removeChild(parent: LayoutNode, child: LayoutNode): void {
    this.#node(parent, "parent");
    this.#node(child, "child");
    check(native().letui_layout_remove_child(this.#h(), parent, child));
    this.#needsLayout = true;
  }

  /** Replaces the children of `parent` with `children`, in order (one native call). */
  setChildren(parent: LayoutNode, children: readonly LayoutNode[]): void {
    this.#node(parent, "parent");
    const n = children.length;
    this.#sync();
    if (n * 8 > this.#scratch.length) {
      check(native().letui_layout_reserve_scratch(this.#h(), n * 8));
      this.#sync();
    }
    const ids = this.#ids;
    for (let i = 0; i < n; i++) {
      const c = this.#node(children[i] as LayoutNode, "child");
      ids[2 * i] = c % SLOT;
      ids[2 * i + 1] = Math.floor(c / SLOT);
    }
    check(native().letui_layout_set_children(this.#h(), parent, n));
    this.#needsLayout = true;
  }

  /**
   * Makes a node a text leaf measured natively (grapheme clusters, wide
   * characters, the screen's width rules). The same text and options
   * again make no native call.
   */
  setText(node: LayoutNode, text: string, options: TextOptions = {}): void {
    this.#node(node);
    if (typeof text !== "string") throw argumentError(`text must be a string, got ${typeof text}`);
    const wrap = WRAP_MODES[options.wrap ?? "word"];
    if (wrap === undefined) {
      throw argumentError(`wrap must be "word", "char" or "none", got ${JSON.stringify(options.wrap)}`);
    }
    const ellipsis = options.ellipsis === true;
    const old = this.#texts.get(node);
    if (old !== undefined && old.text === text && old.wrap === wrap && old.ellipsis === ellipsis) return;
    this.#sync();
    let r = encoder.encodeInto(text, this.#scratch);
    if (r.read < text.length) {
      check(native().letui_layout_reserve_scratch(this.#h(), text.length * 3));
      this.#sync();
      r = encoder.encodeInto(text, this.#scratch);
    }
    check(native().letui_layout_set_text(this.#h(), node, r.written, wrap, ellipsis ? 1 : 0));
    if (old !== undefined) {
      old.text = text;
      old.wrap = wrap;
      old.ellipsis = ellipsis;
    } else {
      this.#texts.set(node, { text, wrap, ellipsis });
    }
    this.#needsLayout = true;
  }

  /** Makes a text leaf an ordinary node again. */
  clearText(node: LayoutNode): void {
    this.#node(node);
    if (!this.#texts.has(node)) return;
    check(native().letui_layout_clear_text(this.#h(), node));
    this.#texts.delete(node);
    this.#needsLayout = true;
  }

  /** Marks a node for layout (for changes the tree cannot see). */
  markDirty(node: LayoutNode): void {
    check(native().letui_layout_mark_dirty(this.#h(), this.#node(node)));
    this.#needsLayout = true;
  }

  /**
   * Lays out the tree under `root` in a `width` x `height` viewport
   * (`Infinity` on an axis to size to content). The root is sized by its
   * own style: give it `width: "100%"`/`height: "100%"` to fill the
   * viewport; `"auto"` sizes fit the content. Nodes outside the root's
   * tree, or hidden by `display: "none"`, read as zero-size boxes.
   */
  compute(root: LayoutNode, width: number, height: number): void {
    this.#node(root, "root");
    check(native().letui_layout_compute(this.#h(), root, extent("width", width), extent("height", height)));
    this.#needsLayout = false;
  }

  /** The box of a node from the last {@link compute} (read from shared memory). */
  layoutOf(node: LayoutNode): NodeLayout {
    this.#node(node);
    this.#sync();
    const r = this.#results;
    const i = (node % SLOT) * RESULT_WORDS;
    return {
      x: r[i] ?? 0,
      y: r[i + 1] ?? 0,
      width: r[i + 2] ?? 0,
      height: r[i + 3] ?? 0,
      contentX: r[i + 4] ?? 0,
      contentY: r[i + 5] ?? 0,
      maxScrollX: r[i + 6] ?? 0,
      maxScrollY: r[i + 7] ?? 0,
    };
  }

  /**
   * The lines of a text node at its computed size (UTF-16 offsets into
   * its text: `text.slice(line.start, line.end)`); none for other nodes.
   */
  textLines(node: LayoutNode): TextLine[] {
    const n = check(native().letui_layout_text_lines(this.#h(), this.#node(node)));
    this.#sync();
    const w = this.#lines;
    const out: TextLine[] = new Array(n);
    for (let i = 0, o = 0; i < n; i++, o += LINE_WORDS) {
      out[i] = { start: w[o] ?? 0, end: w[o + 1] ?? 0, width: w[o + 2] ?? 0, ellipsis: w[o + 3] === 1 };
    }
    return out;
  }

  /** Frees the native tree and all its nodes. Idempotent. */
  dispose(): void {
    if (this.#handle === null) return;
    const h = this.#handle;
    this.#handle = null;
    this.#style = new Float32Array(0);
    this.#scratch = new Uint8Array(0);
    this.#ids = new Uint32Array(0);
    this.#results = new Int32Array(0);
    this.#lines = new Uint32Array(0);
    this.#info = new Uint32Array(0);
    this.#live.clear();
    this.#styles.clear();
    this.#texts.clear();
    registry.unregister(this.#token);
    const status = native().letui_layout_free(h);
    if (status < 0) throw new LetuiError(status, "the layout tree could not be freed");
  }

  /** Disposes at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

function sameWords(a: Float32Array, b: Float32Array): boolean {
  for (let i = 0; i < STYLE_WORDS; i++) if (a[i] !== b[i]) return false;
  return true;
}

