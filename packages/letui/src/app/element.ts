/**
 * Elements: the retained tree that components build. Each element owns a
 * native layout node, a reactive scope (disposed when it unmounts), its
 * position from the last layout, and how it paints and handles events.
 */
import { argumentError } from "../errors.ts";
import { type LayoutStyle, MAX_LAYOUT_DEPTH } from "../layout.ts";
import type { Screen } from "../screen.ts";
import { createScope, effect, isSignal, type MaybeSignal, type ReadonlySignal, type Scope, type Signal, signal } from "../signals.ts";
import type { App } from "./app.ts";
import type { ElementKeyEvent, ElementMouseEvent, ElementPasteEvent } from "./dispatch.ts";
import { darkTheme, type Looks, looksOf, type Theme } from "./theme.ts";

/** A rectangle in cells. */
export interface Rect {
  /** Left column. */
  x: number;
  /** Top row. */
  y: number;
  /** Width. */
  width: number;
  /** Height. */
  height: number;
}

/** The layout style of an element that sets none (shared: styles are replaced, never changed in place). */
export const EMPTY_LAYOUT: LayoutStyle = Object.freeze({});

/** The empty rectangle at the origin. */
/** What an element was last placed with (see {@link Element.placement}). */
export interface Placement {
  /** Something here or below changed that the native layout does not report. */
  stale: boolean;
  /** Ancestors' scroll offsets it was placed under. */
  dx: number;
  /** Ancestors' scroll offsets it was placed under. */
  dy: number;
  /** The clip it was placed in. */
  clip: Rect;
  /** Its parent's content width (what percentages of insets resolve against). */
  basis: number;
  /** Its view as last computed (see {@link Element.view}). */
  view: Rect;
  /** How far its ancestors scrolled since the views in this subtree were computed (while it is out of view and not walked). */
  lagX: number;
  /** How far its ancestors scrolled since the views in this subtree were computed (while it is out of view and not walked). */
  lagY: number;
  /** The union of the rectangles of the subtree (before scrolling), up to elements that clip their children. */
  extent: Rect;
  /** True when it or an element below it is subscribed to {@link Element.measure}. */
  measuredInside: boolean;
  /** The layout style {@link insets} were read from. */
  insetsOf: LayoutStyle | null;
  /** Border plus padding per side, read from the layout style (see `geometry.ts`). */
  insets: unknown;
}

export const EMPTY_RECT: Rect = Object.freeze({ x: 0, y: 0, width: 0, height: 0 });

/** Intersection of two rectangles (empty when they do not meet). */
export function intersect(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const r = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (r <= x || bottom <= y) return EMPTY_RECT;
  return { x, y, width: r - x, height: bottom - y };
}

/** True when the rectangle has no cells. */
export function isEmpty(r: Rect): boolean {
  return r.width <= 0 || r.height <= 0;
}

/** True when two rectangles are equal. */
export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** True when (x, y) is inside. */
export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
}

/** Event handlers any element may have. Handlers may call `stopPropagation()`. */
export interface Handlers {
  /** A key press or repeat while this element or a descendant has focus (bubbles). */
  onKey?: (e: ElementKeyEvent) => void;
  /** A key release while this element or a descendant has focus (bubbles; terminals report releases only with the kitty keyboard protocol). */
  onKeyRelease?: (e: ElementKeyEvent) => void;
  /** Any mouse event on this element or a descendant (bubbles). */
  onMouse?: (e: ElementMouseEvent) => void;
  /** A press and release of the left button on this element (bubbles). */
  onClick?: (e: ElementMouseEvent) => void;
  /** A wheel event over this element (bubbles; scrollable boxes scroll when no handler stops it). */
  onWheel?: (e: ElementMouseEvent) => void;
  /** A paste while this element or a descendant has focus (bubbles). */
  onPaste?: (e: ElementPasteEvent) => void;
  /** The pointer entered this element. */
  onMouseEnter?: () => void;
  /** The pointer left this element. */
  onMouseLeave?: () => void;
  /** This element got focus. */
  onFocus?: () => void;
  /** This element lost focus. */
  onBlur?: () => void;
}

/**
 * The base of every element. Subclasses paint themselves in {@link paint}
 * and may override the hooks; components are functions that create and
 * configure elements.
 */
export abstract class Element {
  /** A short name of the element type, for debugging and tests. */
  abstract readonly kind: string;
  /** Owns the element's effects; disposed on unmount. */
  readonly scope: Scope = createScope();
  /** The parent, when attached. */
  parent: Element | null = null;
  /** Children in document order. */
  children: Element[] = [];
  /** The app, while mounted. */
  app: App | null = null;
  /** The native layout node, while mounted (-1 otherwise). */
  node = -1;
  /** Layout style given to the native node. */
  layout: LayoutStyle = EMPTY_LAYOUT;
  /** Position from the last layout (absolute, before scrolling). */
  rect: Rect = EMPTY_RECT;
  /** Where the element is on screen: {@link rect} moved by its ancestors' scroll offsets. */
  get view(): Rect {
    // A subtree left unwalked while out of view (see `place`) holds views
    // from before its ancestors last scrolled: add what they moved since.
    let lx = 0;
    let ly = 0;
    for (let a: Element | null = this; a; a = a.parent) {
      lx += a.placement.lagX;
      ly += a.placement.lagY;
    }
    const v = this.placement.view;
    return lx === 0 && ly === 0 ? v : { x: v.x - lx, y: v.y - ly, width: v.width, height: v.height };
  }

  /** The visible part of {@link view} after clipping by ancestors. */
  clip: Rect = EMPTY_RECT;
  /** The union of the clips of this element and its descendants. */
  bounds: Rect = EMPTY_RECT;
  /** Stacking order among siblings: higher paints later and is hit first. */
  zIndex = 0;
  /** Whether Tab and clicks can focus it. */
  focusable = false;
  /** Tab order: positive values first (ascending), then 0 in document order; -1 removes it from Tab order. */
  tabIndex = 0;
  /** A disabled element and its subtree take no focus (they leave the Tab order); components also ignore input. */
  disabled = false;
  /** Take focus when mounted. */
  autofocus = false;
  /** A focus scope: while focus is inside, Tab and Shift-Tab cycle within this subtree (dialogs). */
  trapFocus = false;
  /** Repaint when focus enters or leaves the subtree (boxes with a focus look). */
  focusWithinLook = false;
  /** Whether the screen-wide selection takes this element's text (false leaves its cells out, subtree included). */
  selectable = true;
  /** The content box from the last layout (inside border and padding; absolute, before scrolling). */
  content: Rect = EMPTY_RECT;
  /** Event handlers. */
  handlers: Handlers = {};
  /** Optional id, for tests and lookups. */
  id: string | undefined;
  /** True when children beyond its rect are clipped (overflow hidden or scroll). */
  clipsChildren = false;
  /** Scroll offset of a scrollable element. */
  scrollTop = 0;
  /** Horizontal scroll offset. */
  scrollLeft = 0;
  /**
   * What placing this element last saw, so that an unchanged subtree is
   * not walked again (see `place` in `geometry.ts`): whether something
   * here or below changed that the native layout does not report
   * (children, scroll offsets, clipping), and the offsets, clip and basis
   * it was placed with.
   */
  placement: Placement = {
    stale: true,
    dx: Number.NaN,
    dy: Number.NaN,
    clip: EMPTY_RECT,
    basis: Number.NaN,
    view: EMPTY_RECT,
    lagX: 0,
    lagY: 0,
    extent: EMPTY_RECT,
    measuredInside: false,
    insetsOf: null,
    insets: null,
  };

  /** Theme colors for this subtree, over its ancestors' (a box's `theme` prop). */
  themeOverride: Partial<Theme> | undefined;

  #rectSignal: Signal<Rect> | undefined;
  #merged: { base: Theme; theme: Theme } | undefined;

  /** The theme in effect here: the nearest overrides merged over the app's theme. */
  get theme(): Theme {
    const base = this.parent ? this.parent.theme : (this.app?.theme ?? darkTheme);
    if (!this.themeOverride) return base;
    if (this.#merged?.base !== base) this.#merged = { base, theme: { ...base, ...this.themeOverride } };
    return this.#merged.theme;
  }

  /** The looks of {@link theme} in the app's color mode, for painting. */
  get looks(): Looks {
    return looksOf(this.theme, this.app?.colorMode ?? "truecolor");
  }

  /**
   * The element's on-screen rectangle as a signal, updated after each
   * layout that changes it (for content that depends on its size, like a
   * page of results).
   */
  measure(): ReadonlySignal<Rect> {
    if (!this.#rectSignal) {
      this.#rectSignal = signal<Rect>(this.view, { equals: sameRect });
      // Placing must reach it again, even while out of view.
      this.app?.structureChanged(this);
    }
    return this.#rectSignal;
  }

  /** Publishes the new rectangle to {@link measure} subscribers (called by the app after a frame). */
  notifyLayout(): void {
    if (this.#rectSignal) this.#rectSignal.value = this.view;
  }

  /** True when anything subscribed to {@link measure}. */
  get measured(): boolean {
    return this.#rectSignal !== undefined;
  }

  /** True when this element or a descendant has focus. */
  get focusWithin(): boolean {
    for (let f = this.app?.focused ?? null; f; f = f.parent) if (f === this) return true;
    return false;
  }

  /** True when this element has focus. */
  get isFocused(): boolean {
    return this.app !== null && this.app.focused === this;
  }

  /** True when mounted in an app. */
  get mounted(): boolean {
    return this.app !== null;
  }

  /**
   * Paints the element into its clip (already set on the screen).
   * `area` is the part being repainted (within the clip): an element may
   * skip drawing that falls outside it.
   */
  abstract paint(screen: Screen, area: Rect): void;

  /** True when this element scrolls (receives wheel events by default). */
  get scrollable(): boolean {
    return false;
  }

  /** Where the terminal cursor should be while this element has focus, if anywhere. */
  cursor(): { x: number; y: number } | null {
    return null;
  }

  /** Called after the element is mounted (its node, and its subtree's, exist and are attached). */
  protected onMount(): void {}

  /** Called when the element is unmounted, before its effects are disposed. */
  protected onUnmount(): void {}

  /** Called after a layout changed the element's rect. */
  onLayout(): void {}

  /** True for elements whose {@link afterLayout} runs after every layout while mounted. */
  get watchesLayout(): boolean {
    return false;
  }

  /** Called after every layout while mounted, when {@link watchesLayout} is true. */
  afterLayout(): void {}

  /** Scrolls, if this element scrolls, so that `descendant` is visible. */
  reveal(_descendant: Element): void {}

  /**
   * True for elements with no box of their own (`Show`, `For`): they have
   * no layout node, and their children are laid out as children of the
   * nearest ancestor that has one. Their `rect` is the union of their
   * children's, and they paint nothing.
   */
  get fragment(): boolean {
    return false;
  }

  /** Sets layout properties (merged into the current style). */
  setLayout(style: LayoutStyle): void {
    if (this.fragment) throw argumentError(`${this.constructor.name}: an element without a box of its own takes no layout properties`);
    this.layout = { ...this.layout, ...style };
    if (this.app) this.app.tree.setStyle(this.node, this.layout);
  }

  /** The nearest element, this one or an ancestor, that has a layout node. */
  private layoutHost(): Element | null {
    let h: Element | null = this;
    while (h?.fragment) h = h.parent;
    return h;
  }

  /** Hands the native side this element's (or its host's) whole list of children again. */
  private syncNativeChildren(): void {
    const h = this.layoutHost();
    if (h?.app) h.app.tree.setChildren(h.node, nativeChildren(h));
  }

  /** Fragments among the children (when there are any, child lists are sent whole). */
  private fragmentChildren = 0;

  /** Asks for this element to be repainted in the next frame. */
  invalidate(): void {
    this.app?.invalidate(this);
  }

  /**
   * Applies a prop that may be a signal: now, and again whenever the
   * signal changes, for as long as the element lives.
   */
  bind<T>(value: MaybeSignal<T> | undefined, apply: (v: T) => void): void {
    if (value === undefined) return;
    if (isSignal(value)) {
      this.scope.run(() => effect(() => apply(value.value)));
    } else {
      apply(value);
    }
  }

  /** Appends a child (moving it if it is attached elsewhere). */
  append(child: Element): void {
    this.insert(child, this.children.length);
  }

  /** Inserts a child at `index` (moving it if it is attached elsewhere). */
  insert(child: Element, index: number): void {
    if (child === this || this.isDescendantOf(child)) throw new Error("an element cannot contain itself");
    this.checkDepth(child);
    if (child.parent) child.parent.detach(child);
    const i = Math.max(0, Math.min(index, this.children.length));
    this.children.splice(i, 0, child);
    child.parent = this;
    if (child.fragment) this.fragmentChildren++;
    if (this.app) {
      if (!child.app) child.mountInto(this.app);
      if (this.fragment || child.fragment || this.fragmentChildren > 0) this.syncNativeChildren();
      else this.app.tree.insertChild(this.node, child.node, i);
      this.app.structureChanged(this);
    } else if (child.app) {
      // Moved out of a mounted tree into one that is not mounted.
      child.unmount();
    }
  }

  /** Removes a child and unmounts it (disposing its effects). */
  remove(child: Element): void {
    if (child.parent !== this) return;
    this.detach(child);
    child.unmount();
  }

  /**
   * Replaces all children, reusing those present in both lists, with one
   * native call for the new order (linear in the number of children, so
   * replacing a list of 100,000 is one pass, not one splice per child).
   */
  setChildren(next: Element[]): void {
    const keep = new Set(next);
    if (keep.size !== next.length) throw argumentError(`${this.constructor.name}: setChildren was given the same element twice`);
    for (const c of next) {
      if (c === this || this.isDescendantOf(c)) throw new Error("an element cannot contain itself");
    }
    const depthChecked = new Set(this.children);
    const depth = this.depth();
    for (const c of next) if (!depthChecked.has(c)) this.checkDepth(c, depth);
    const removed = this.children.filter((c) => !keep.has(c));
    for (const c of next) if (c.parent && c.parent !== this) c.parent.detach(c);
    const app = this.app;
    this.children = next.slice();
    this.fragmentChildren = 0;
    for (const c of next) {
      c.parent = this;
      if (c.fragment) this.fragmentChildren++;
    }
    for (const c of removed) {
      c.parent = null;
      if (app) app.damageRect(c.bounds);
    }
    if (app) {
      Element.mountAll(app, next);
      this.syncNativeChildren();
      app.structureChanged(this);
    } else {
      for (const c of next) if (c.app) c.unmount();
    }
    Element.unmountAll(removed);
  }

  /** Takes a child out of the tree without unmounting it. */
  private detach(child: Element): void {
    const i = this.children.indexOf(child);
    if (i < 0) return;
    this.children.splice(i, 1);
    child.parent = null;
    if (child.fragment) this.fragmentChildren--;
    if (this.app && child.app) {
      if (this.fragment || child.fragment || this.fragmentChildren > 0) this.syncNativeChildren();
      else this.app.tree.removeChild(this.node, child.node);
      this.app.damageRect(child.bounds);
      this.app.structureChanged(this);
    }
  }

  /**
   * Throws when `child`'s subtree under this element would make the tree
   * deeper than {@link MAX_LAYOUT_DEPTH}, before anything changes. Walks
   * without recursion, so any depth gives the error and not a stack
   * overflow.
   */
  private checkDepth(child: Element, depth = this.depth()): void {
    const budget = MAX_LAYOUT_DEPTH - depth;
    if (child.children.length === 0 && budget >= 1) return; // a leaf: the common case, and one level
    const stack: [Element, number][] = [[child, 1]];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const [e, level] = top;
      if (level > budget) {
        throw argumentError(
          `${this.constructor.name}: the element tree would be more than ${MAX_LAYOUT_DEPTH} levels deep (MAX_LAYOUT_DEPTH)`,
        );
      }
      for (const c of e.children) stack.push([c, level + 1]);
    }
  }

  /** Levels from the root to this element, this one included. */
  private depth(): number {
    let depth = 0;
    for (let p: Element | null = this; p; p = p.parent) depth++;
    return depth;
  }

  private isDescendantOf(other: Element): boolean {
    for (let p = this.parent; p; p = p.parent) if (p === other) return true;
    return false;
  }

  /**
   * Mounts this subtree into `app`: native nodes (made in one call for the
   * whole subtree), styles, children (one call per parent), then each
   * element's `onMount` in document order.
   */
  mountInto(app: App): void {
    Element.mountAll(app, [this]);
  }

  /** Mounts the subtrees of `roots` as {@link mountInto} does, with one native call for all their new nodes. */
  static mountAll(app: App, roots: readonly Element[]): void {
    const fresh: Element[] = [];
    for (const r of roots) unmountedIn(r, fresh);
    if (fresh.length === 0) return;
    let boxes = 0;
    for (const el of fresh) if (!el.fragment) boxes++;
    const nodes = app.tree.createNodes(boxes);
    let next = 0;
    for (const el of fresh) {
      el.app = app;
      if (el.fragment) continue;
      el.node = nodes[next++] as number;
      app.tree.setStyle(el.node, el.layout);
    }
    for (const el of fresh) {
      if (el.children.length > 0 && !el.fragment) {
        app.tree.setChildren(el.node, nativeChildren(el));
      }
    }
    for (const el of fresh) {
      el.onMount();
      if (el.autofocus) app.requestFocus(el);
      if (el.watchesLayout) app.watchLayout(el);
    }
  }

  /** Unmounts this subtree: disposes effects and frees native nodes. */
  unmount(): void {
    Element.unmountAll([this]);
  }

  /**
   * Unmounts the subtrees of `roots`: `onUnmount` and the effects of each
   * element, children before parents, then one native call that frees
   * every node (parents first, so that no child is taken out of a long
   * list).
   */
  static unmountAll(roots: readonly Element[]): void {
    const order: Element[] = [];
    const stack: Element[] = [];
    for (const r of roots) {
      stack.push(r);
      for (let el = stack.pop(); el; el = stack.pop()) {
        order.push(el);
        for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as Element);
      }
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const el = order[i] as Element;
      el.onUnmount();
      el.scope.dispose();
      el.app?.elementRemoved(el);
    }
    const byApp = new Map<App, number[]>();
    for (const el of order) {
      if (!el.app || el.fragment) continue;
      let nodes = byApp.get(el.app);
      if (!nodes) byApp.set(el.app, (nodes = []));
      nodes.push(el.node);
    }
    for (const el of order) {
      el.app = null;
      el.node = -1;
    }
    for (const [app, nodes] of byApp) app.tree.freeNodes(nodes);
  }

  /** Walks this subtree in document order. */
  *walk(): Generator<Element> {
    yield this;
    for (const c of this.children) yield* c.walk();
  }

  /** Finds a descendant (or this) by id. */
  find(id: string): Element | undefined {
    for (const e of this.walk()) if (e.id === id) return e;
    return undefined;
  }
}

/** Adds the elements of `root`'s subtree that are not mounted to `out`, in document order. */
function unmountedIn(root: Element, out: Element[]): void {
  const stack: Element[] = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (el.app) continue;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as Element);
  }
}

/** The layout nodes under `host`: its children's, with each fragment replaced by its own children's. */
function nativeChildren(host: Element): number[] {
  const out: number[] = [];
  const add = (el: Element) => {
    for (const c of el.children) {
      if (c.fragment) add(c);
      else out.push(c.node);
    }
  };
  add(host);
  return out;
}
