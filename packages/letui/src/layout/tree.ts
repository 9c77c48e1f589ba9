/**
 * The layout tree: a native flexbox tree mirrored by incremental calls
 * (create, style, insert, remove, text), with results read from shared
 * memory without a native call per node.
 */
import { argumentError, disposedError } from "../errors.ts";
import {
  LETUI_LAYOUT_INFO_COMPUTES,
  LETUI_LAYOUT_INFO_GENERATION,
  LETUI_LAYOUT_LINE_WORDS,
  LETUI_LAYOUT_MAX_BATCH,
  LETUI_LAYOUT_MAX_DEPTH,
  LETUI_LAYOUT_RESULT_WORDS,
  LETUI_LAYOUT_UNBOUNDED,
  LETUI_WRAP_CHAR,
  LETUI_WRAP_NONE,
  LETUI_WRAP_WORD,
} from "../native/abi.ts";
import * as nl from "../native/layout.ts";
import { NativeObject, SharedViews } from "../native/object.ts";
import { type LayoutStyle, STYLE_WORDS, writeLayoutStyle } from "./style.ts";

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

const RESULT_WORDS = LETUI_LAYOUT_RESULT_WORDS;
const LINE_WORDS = LETUI_LAYOUT_LINE_WORDS;
const UNBOUNDED = LETUI_LAYOUT_UNBOUNDED;

/**
 * The deepest a layout tree (and so an element tree) may be, counted in
 * nodes from the root to the deepest leaf: 256. Attaching past it throws a
 * `LetuiError`; flexbox layout recurses once per level, and this
 * bound keeps it far from any stack limit.
 */
export const MAX_LAYOUT_DEPTH: number = LETUI_LAYOUT_MAX_DEPTH;
const SLOT = 2 ** 32;
const MAX_BATCH = LETUI_LAYOUT_MAX_BATCH;
const WRAP_MODES: Record<WrapMode, number> = { word: LETUI_WRAP_WORD, char: LETUI_WRAP_CHAR, none: LETUI_WRAP_NONE };

const encoder = new TextEncoder();

/** What a text leaf was last given. */
interface TextState {
  text: string;
  wrap: number;
  ellipsis: boolean;
}

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
export class LayoutTree extends NativeObject {
  readonly #views: SharedViews<nl.LayoutViews>;
  readonly #out = new Uint32Array(2);
  readonly #packed = new Float32Array(STYLE_WORDS);
  // Per-node state in arrays indexed by slot (an id is slot + generation *
  // 2^32): much cheaper than maps when lists of 100,000 nodes come and go.
  /** The generation of the live node in each slot (undefined or 0: free). */
  readonly #gen: number[] = [];
  #liveCount = 0;
  readonly #styles: (Float32Array | undefined)[] = [];
  readonly #texts: (TextState | undefined)[] = [];
  /** Nodes whose text waits to be sent (see {@link setTextLater}). */
  #queued: number[] = [];
  #needsLayout = false;

  constructor() {
    super("LayoutTree", nl.layoutNew(), nl.layoutFree);
    this.#views = new SharedViews(() => nl.layoutViews(this.handle), LETUI_LAYOUT_INFO_GENERATION, nl.NO_LAYOUT_VIEWS);
  }

  protected override onDispose(): void {
    this.#queued = [];
    this.#views.drop();
    this.#gen.length = 0;
    this.#liveCount = 0;
    this.#styles.length = 0;
    this.#texts.length = 0;
  }

  /** Checks that `node` is a live node of this tree. */
  #node(node: LayoutNode, what = "node"): number {
    if (this.disposed) throw disposedError("LayoutTree");
    if (!this.#isLive(node)) {
      throw argumentError(`layout ${what} ${String(node)} does not exist (it was freed, or comes from another tree)`);
    }
    return node;
  }

  /** True after a change of structure, style or text, until the next {@link compute}. */
  get needsLayout(): boolean {
    this.#flushTexts();
    return this.#needsLayout;
  }

  /** Number of live nodes. */
  get size(): number {
    return this.#liveCount;
  }

  /** Creates a detached node with the default style (a row flex container). */
  createNode(): LayoutNode {
    const out = this.#out;
    nl.layoutNodeNew(this.handle, out);
    const id = (out[0] ?? 0) + (out[1] ?? 0) * SLOT;
    this.#add(id);
    return id as LayoutNode;
  }

  /** Creates `count` detached nodes in one native call (see {@link createNode}). */
  createNodes(count: number): LayoutNode[] {
    if (this.disposed) throw disposedError("LayoutTree");
    if (!Number.isInteger(count) || count < 0 || count > MAX_BATCH) {
      throw argumentError(`node count must be an integer from 0 to ${MAX_BATCH}, got ${count}`);
    }
    if (count === 0) return [];
    nl.layoutNodesNew(this.handle, count);
    const ids = this.#views.current.ids;
    const out: LayoutNode[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const id = (ids[2 * i] ?? 0) + (ids[2 * i + 1] ?? 0) * SLOT;
      this.#add(id);
      out[i] = id as LayoutNode;
    }
    return out;
  }

  /** Frees nodes in one native call, each as {@link free} does; on an error none is freed. */
  freeNodes(nodes: readonly LayoutNode[]): void {
    const n = nodes.length;
    if (n === 0) return;
    if (n > MAX_BATCH) throw argumentError(`at most ${MAX_BATCH} nodes can be freed in one call, got ${n}`);
    this.#flushTexts();
    if (n * 8 > this.#views.current.scratch.length) nl.layoutReserveScratch(this.handle, n * 8);
    const ids = this.#views.current.ids;
    for (let i = 0; i < n; i++) {
      const c = this.#node(nodes[i] as LayoutNode);
      ids[2 * i] = c % SLOT;
      ids[2 * i + 1] = Math.floor(c / SLOT);
    }
    nl.layoutNodesFree(this.handle, n);
    for (let i = 0; i < n; i++) this.#forget(nodes[i] as number);
    this.#needsLayout = true;
  }

  #isLive(node: number): boolean {
    const g = this.#gen[node % SLOT];
    return g !== undefined && g !== 0 && g === Math.floor(node / SLOT);
  }

  #add(node: number): void {
    this.#gen[node % SLOT] = Math.floor(node / SLOT);
    this.#liveCount++;
  }

  #forget(node: number): void {
    const slot = node % SLOT;
    if (this.#gen[slot] === Math.floor(node / SLOT)) {
      this.#gen[slot] = 0;
      this.#liveCount--;
    }
    this.#styles[slot] = undefined;
    this.#texts[slot] = undefined;
  }

  /**
   * Frees one node: it leaves its parent, and its children become
   * detached (they stay alive). Its id is an error from now on.
   */
  free(node: LayoutNode): void {
    this.#flushTexts();
    nl.layoutNodeFree(this.handle, this.#node(node));
    this.#forget(node);
    this.#needsLayout = true;
  }

  /** Frees a node and all its descendants. */
  freeSubtree(node: LayoutNode): void {
    this.#flushTexts();
    const n = nl.layoutNodeFreeSubtree(this.handle, this.#node(node));
    // The native side wrote the freed ids into the scratch buffer.
    const ids = this.#views.current.ids;
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
    if (isEmptyStyle(style)) packed.set(DEFAULT_WORDS);
    else writeLayoutStyle(style, packed);
    // A node starts with the default style: setting it again makes no call.
    const cached = this.#styles[node % SLOT] ?? DEFAULT_WORDS;
    if (sameWords(cached, packed)) return;
    this.#views.current.style.set(packed);
    nl.layoutSetStyle(this.handle, node);
    if (cached !== DEFAULT_WORDS) cached.set(packed);
    else this.#styles[node % SLOT] = packed.slice();
    this.#needsLayout = true;
  }

  /** Makes `child` the last child of `parent`, taking it out of its current parent. */
  appendChild(parent: LayoutNode, child: LayoutNode): void {
    this.#flushTexts();
    this.#node(parent, "parent");
    this.#node(child, "child");
    nl.layoutAppendChild(this.handle, parent, child);
    this.#needsLayout = true;
  }

  /** Makes `child` the child of `parent` at `index` (counted after taking `child` out of its current place). */
  insertChild(parent: LayoutNode, child: LayoutNode, index: number): void {
    this.#flushTexts();
    this.#node(parent, "parent");
    this.#node(child, "child");
    if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) {
      throw argumentError(`child index must be a non-negative integer, got ${index}`);
    }
    nl.layoutInsertChild(this.handle, parent, child, index);
    this.#needsLayout = true;
  }

  /** Takes `child` out of `parent`; it stays alive, detached. */
  removeChild(parent: LayoutNode, child: LayoutNode): void {
    this.#flushTexts();
    this.#node(parent, "parent");
    this.#node(child, "child");
    nl.layoutRemoveChild(this.handle, parent, child);
    this.#needsLayout = true;
  }

  /** Replaces the children of `parent` with `children`, in order (one native call). */
  setChildren(parent: LayoutNode, children: readonly LayoutNode[]): void {
    this.#flushTexts();
    this.#node(parent, "parent");
    const n = children.length;
    if (n * 8 > this.#views.current.scratch.length) nl.layoutReserveScratch(this.handle, n * 8);
    const ids = this.#views.current.ids;
    for (let i = 0; i < n; i++) {
      const c = this.#node(children[i] as LayoutNode, "child");
      ids[2 * i] = c % SLOT;
      ids[2 * i + 1] = Math.floor(c / SLOT);
    }
    nl.layoutSetChildren(this.handle, parent, n);
    this.#needsLayout = true;
  }

  /**
   * Makes a node a text leaf measured natively (grapheme clusters, wide
   * characters, the screen's width rules). The same text and options
   * again make no native call. New text that measures as the old text did
   * under every constraint of the last layouts leaves {@link needsLayout}
   * as it was: the boxes stay, and {@link textLines} reads the new lines.
   */
  setText(node: LayoutNode, text: string, options: TextOptions = {}): void {
    this.#flushTexts();
    const t = this.#recordText(node, text, options);
    if (t === null) return;
    try {
      let r = encoder.encodeInto(text, this.#views.current.scratch);
      if (r.read < text.length) {
        nl.layoutReserveScratch(this.handle, text.length * 3);
        r = encoder.encodeInto(text, this.#views.current.scratch);
      }
      if (nl.layoutSetText(this.handle, node, r.written, t.wrap, t.ellipsis)) this.#needsLayout = true;
    } catch (e) {
      // The native side kept the old text: forget it here too.
      this.#texts[node % SLOT] = undefined;
      throw e;
    }
  }

  /**
   * Like {@link setText}, but the native call waits for the next call that
   * needs it (any read, a structure change, {@link needsLayout}), and then
   * all texts queued so make one call. For leaves only (a node that gets
   * children before that call makes it fail). Elements use this, so that
   * mounting a list of texts crosses the FFI once.
   */
  setTextLater(node: LayoutNode, text: string, options: TextOptions = {}): void {
    if (this.#recordText(node, text, options) !== null) this.#queued.push(node);
  }

  /** Checks a text change and records it; null when the node has this text and these options already. */
  #recordText(node: LayoutNode, text: string, options: TextOptions): TextState | null {
    this.#node(node);
    if (typeof text !== "string") throw argumentError(`text must be a string, got ${typeof text}`);
    const wrap = WRAP_MODES[options.wrap ?? "word"];
    if (wrap === undefined) {
      throw argumentError(`wrap must be "word", "char" or "none", got ${JSON.stringify(options.wrap)}`);
    }
    const ellipsis = options.ellipsis === true;
    const slot = node % SLOT;
    const old = this.#texts[slot];
    if (old !== undefined && old.text === text && old.wrap === wrap && old.ellipsis === ellipsis) return null;
    if (old === undefined) return (this.#texts[slot] = { text, wrap, ellipsis });
    old.text = text;
    old.wrap = wrap;
    old.ellipsis = ellipsis;
    return old;
  }

  /** Sends the queued texts: one native call per wrap mode. */
  #flushTexts(): void {
    if (this.#queued.length === 0) return;
    const queued = this.#queued;
    this.#queued = [];
    // Group by options (almost always one group); a node queued twice is
    // sent once, with its last text.
    const groups = new Map<number, { nodes: number[]; texts: string[] }>();
    const seen = new Set<number>();
    for (let i = queued.length - 1; i >= 0; i--) {
      const node = queued[i] as number;
      if (seen.has(node)) continue;
      seen.add(node);
      if (!this.#isLive(node)) continue;
      const t = this.#texts[node % SLOT];
      if (t === undefined) continue;
      const key = t.wrap * 2 + (t.ellipsis ? 1 : 0);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { nodes: [], texts: [] }));
      g.nodes.push(node);
      g.texts.push(t.text);
    }
    try {
      for (const [key, g] of groups) this.#sendTexts(g.nodes, g.texts, key >> 1, (key & 1) === 1);
    } catch (e) {
      // The native side changed nothing for the failed group: forget what
      // was queued, so that the next setText sends it again.
      for (const node of queued) this.#texts[node % SLOT] = undefined;
      throw e;
    }
  }

  #sendTexts(nodes: number[], texts: string[], wrap: number, ellipsis: boolean): void {
    for (let start = 0; start < nodes.length; start += MAX_BATCH) {
      const n = Math.min(MAX_BATCH, nodes.length - start);
      const head = 8 * (n + Math.ceil(n / 2));
      let worst = head;
      for (let i = 0; i < n; i++) worst += 3 * (texts[start + i] as string).length;
      if (worst > this.#views.current.scratch.length) nl.layoutReserveScratch(this.handle, worst);
      const views = this.#views.current;
      const ids = views.ids;
      const scratch = views.scratch;
      let at = head;
      for (let i = 0; i < n; i++) {
        const node = nodes[start + i] as number;
        ids[2 * i] = node % SLOT;
        ids[2 * i + 1] = Math.floor(node / SLOT);
        const r = encoder.encodeInto(texts[start + i] as string, scratch.subarray(at));
        ids[2 * n + i] = r.written;
        at += r.written;
      }
      if (nl.layoutSetTexts(this.handle, n, wrap, ellipsis)) this.#needsLayout = true;
    }
  }

  /** Makes a text leaf an ordinary node again. */
  clearText(node: LayoutNode): void {
    this.#flushTexts();
    this.#node(node);
    if (this.#texts[node % SLOT] === undefined) return;
    nl.layoutClearText(this.handle, node);
    this.#texts[node % SLOT] = undefined;
    this.#needsLayout = true;
  }

  /** Marks a node for layout (for changes the tree cannot see). */
  markDirty(node: LayoutNode): void {
    this.#flushTexts();
    nl.layoutMarkDirty(this.handle, this.#node(node));
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
    this.#flushTexts();
    this.#node(root, "root");
    nl.layoutCompute(this.handle, root, extent("width", width), extent("height", height));
    this.#needsLayout = false;
  }

  /** The number of the last {@link compute} (from 1; 0 before the first). */
  get computes(): number {
    return this.#views.current.info[LETUI_LAYOUT_INFO_COMPUTES] ?? 0;
  }

  /**
   * True when the box of `node`, or of any node in its subtree, changed in
   * a {@link compute} after the one numbered `since` (see
   * {@link computes}): a reader of the results can skip unchanged subtrees.
   */
  changedSince(node: LayoutNode, since: number): boolean {
    const changed = this.#views.current.results[(node % SLOT) * RESULT_WORDS + 8] ?? 0;
    return ((changed - since) | 0) > 0;
  }

  /** The box of a node from the last {@link compute} (read from shared memory). */
  layoutOf(node: LayoutNode): NodeLayout {
    this.#node(node);
    const r = this.#views.current.results;
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
    this.#flushTexts();
    const n = nl.layoutTextLines(this.handle, this.#node(node));
    const w = this.#views.current.lines;
    const out: TextLine[] = new Array(n);
    for (let i = 0, o = 0; i < n; i++, o += LINE_WORDS) {
      out[i] = { start: w[o] ?? 0, end: w[o + 1] ?? 0, width: w[o + 2] ?? 0, ellipsis: w[o + 3] === 1 };
    }
    return out;
  }
}

/** The words of the default style, which every new node has. */
const DEFAULT_WORDS = new Float32Array(STYLE_WORDS);
writeLayoutStyle({}, DEFAULT_WORDS);

function isEmptyStyle(style: LayoutStyle): boolean {
  if (typeof style !== "object" || style === null) return false;
  for (const k in style) if ((style as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

function sameWords(a: Float32Array, b: Float32Array): boolean {
  for (let i = 0; i < STYLE_WORDS; i++) if (a[i] !== b[i]) return false;
  return true;
}

