/**
 * The app: the element tree mounted on a screen, the frame loop, focus,
 * and event dispatch.
 *
 * Frames: changes (a signal updating a prop, a structural change, a
 * resize) mark the app dirty and schedule one frame on the next
 * macrotask, so any number of changes in one tick make one frame. A frame
 * lays out only when structure, style or text changed, repaints only the
 * damaged areas (the old and new rectangles of elements that moved or
 * changed), and makes one native render call. With nothing dirty there is
 * no frame, and the terminal receives no bytes.
 */
import { type Clock, realClock } from "./clock.ts";
import type { FocusEvent, KeyEvent, MouseEvent, PasteEvent } from "../input/events.ts";
import { LayoutTree } from "../layout.ts";
import type { Screen } from "../screen.ts";
import { batch, type Signal, signal } from "../signals.ts";
import { bubble, type ElementMouseEvent, withPropagation } from "./dispatch.ts";
import { contains, EMPTY_RECT, type Element, intersect, isEmpty, type Rect, sameRect } from "./element.ts";
import { RootElement } from "./root.ts";

/** A key binding handler; return nothing. */
export type KeyHandler = (e: KeyEvent) => void;

/** Options of an {@link App}. */
export interface AppOptions {
  /**
   * Most frames per second; changes arriving faster are merged.
   * @default unlimited (one frame per macrotask at most)
   */
  maxFps?: number;
  /**
   * Stop the app on Ctrl-C (unless a handler stopped the key first).
   * @default true
   */
  exitOnCtrlC?: boolean;
  /** Global key bindings, by combo (`"ctrl+s"`, `"f1"`, `"escape"`): run when no focused element stopped the key. */
  keys?: Record<string, KeyHandler>;
}

/** What an app draws on and is told about: a terminal session, or the headless test host. */
export interface Host {
  /** The screen to draw on; its size is the app's size. */
  readonly screen: Screen;
  /** Called when the app stops (Ctrl-C or `stop()`). */
  stop(code: number): void;
  /** Suspends the program (Ctrl-Z), when the host can. */
  suspend?(): void;
  /** The clock components' timers use. @default real time */
  readonly clock?: Clock;
}

/** Counters for tests and benchmarks. */
export interface AppStats {
  /** Frames painted. */
  frames: number;
  /** Frames that ran layout. */
  layouts: number;
  /** Bytes written by the last frame. */
  lastFrameBytes: number;
  /** Bytes written by all frames. */
  totalBytes: number;
}

/** The running application. See the module documentation. */
export class App {
  /** The native layout tree. */
  readonly tree = new LayoutTree();
  /** The root element, filling the screen. */
  readonly root: RootElement;
  /** Frame statistics. */
  readonly stats: AppStats = { frames: 0, layouts: 0, lastFrameBytes: 0, totalBytes: 0 };
  /** Whether the terminal window has focus (from focus reports). */
  readonly terminalFocused: Signal<boolean> = signal(true);
  /** The clock for components' timers (the host's, or real time). */
  readonly clock: Clock;
  readonly #host: Host;
  readonly #options: Required<Omit<AppOptions, "keys" | "maxFps">> & { maxFps: number };
  readonly #keys = new Map<string, KeyHandler>();
  #focused: Element | null = null;
  #hovered: Element[] = [];
  #pressed: Element | null = null;
  #dirty = new Set<Element>();
  #damage: Rect[] = [];
  #rectsStale = true;
  #scheduled: ReturnType<typeof setImmediate> | ReturnType<typeof setTimeout> | null = null;
  #lastFrame = 0;
  #stopped = false;
  #frameWaiters: (() => void)[] = [];
  #width = 0;
  #height = 0;
  #cursorKey = "";
  #notices: Element[] = [];

  constructor(host: Host, options: AppOptions = {}) {
    this.#host = host;
    this.clock = host.clock ?? realClock;
    this.#options = { exitOnCtrlC: options.exitOnCtrlC ?? true, maxFps: options.maxFps ?? 0 };
    for (const [combo, h] of Object.entries(options.keys ?? {})) this.bindKey(combo, h);
    this.root = new RootElement();
    this.root.mountInto(this);
    this.#resizeRoot();
  }

  /** The screen the app draws on. */
  get screen(): Screen {
    return this.#host.screen;
  }

  /** The element with keyboard focus. */
  get focused(): Element | null {
    return this.#focused;
  }

  /** True once stopped. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Mounts `element` as the app's content (replacing what was there). */
  mount(element: Element): void {
    this.root.setChildren([element]);
    this.requestFrame();
  }

  /** Binds a global key combo (e.g. `"ctrl+s"`); returns the unbind function. */
  bindKey(combo: string, handler: KeyHandler): () => void {
    const key = normalizeCombo(combo);
    this.#keys.set(key, handler);
    return () => {
      if (this.#keys.get(key) === handler) this.#keys.delete(key);
    };
  }

  // ---- frame scheduling ----------------------------------------------------

  /** Schedules a frame (at most one per macrotask, and per `maxFps`). */
  requestFrame(): void {
    if (this.#scheduled !== null || this.#stopped) return;
    const minGap = this.#options.maxFps > 0 ? 1000 / this.#options.maxFps : 0;
    const wait = minGap - (performance.now() - this.#lastFrame);
    this.#scheduled = wait > 0 ? setTimeout(() => this.frame(), wait) : setImmediate(() => this.frame());
  }

  /** Resolves after the next frame (or at once if none is pending and nothing is dirty). */
  nextFrame(): Promise<void> {
    if (this.#scheduled === null) return Promise.resolve();
    return new Promise((resolve) => this.#frameWaiters.push(resolve));
  }

  /** Marks an element for repaint. */
  invalidate(el: Element): void {
    this.#dirty.add(el);
    this.requestFrame();
  }

  /** Marks an area of the screen for repaint. */
  damageRect(r: Rect): void {
    if (!isEmpty(r)) this.#damage.push(r);
    this.requestFrame();
  }

  /** Called when children were added, removed or moved. */
  structureChanged(): void {
    this.#rectsStale = true;
    this.requestFrame();
  }

  /** Called when scroll offsets changed: positions must be recomputed, no layout needed. */
  scrolled(): void {
    this.#rectsStale = true;
    this.requestFrame();
  }

  /** Called when an element leaves the tree: it can no longer be focused, hovered or pressed. */
  elementRemoved(el: Element): void {
    this.#dirty.delete(el);
    if (this.#focused === el) this.#focused = null;
    if (this.#pressed === el) this.#pressed = null;
    this.#hovered = this.#hovered.filter((h) => h !== el);
  }

  /** The screen was resized: lay out and repaint everything. */
  resized(): void {
    this.#resizeRoot();
    this.damageRect({ x: 0, y: 0, width: this.#width, height: this.#height });
  }

  #resizeRoot(): void {
    this.#width = this.screen.width;
    this.#height = this.screen.height;
    this.root.setLayout({ width: this.#width, height: this.#height });
    this.#rectsStale = true;
  }

  /** Runs a frame now: layout if needed, repaint damage, render. */
  frame(): void {
    if (this.#scheduled !== null) {
      clearTimeout(this.#scheduled as ReturnType<typeof setTimeout>);
      clearImmediate(this.#scheduled as ReturnType<typeof setImmediate>);
      this.#scheduled = null;
    }
    if (this.#stopped) return;
    const cursor = this.#focused?.cursor() ?? null;
    const cursorKey = cursor ? `${cursor.x},${cursor.y}` : "";
    const work =
      this.tree.needsLayout || this.#rectsStale || this.#dirty.size > 0 || this.#damage.length > 0 || cursorKey !== this.#cursorKey;
    if (!work) {
      this.#settle();
      return;
    }
    this.#lastFrame = performance.now();
    if (this.tree.needsLayout) {
      this.tree.compute(this.root.node, this.#width, this.#height);
      this.stats.layouts++;
      this.#rectsStale = true;
    }
    if (this.#rectsStale) {
      this.#rectsStale = false;
      this.#place(this.root, 0, 0, { x: 0, y: 0, width: this.#width, height: this.#height });
    }
    for (const el of this.#dirty) if (el.app === this) this.#damage.push(el.clip);
    this.#dirty.clear();
    const damage = mergeRects(this.#damage, this.#width, this.#height);
    this.#damage = [];
    const screen = this.screen;
    for (const r of damage) {
      screen.setClip(r);
      screen.fill(r.x, r.y, r.width, r.height);
      this.#paint(this.root, r);
    }
    if (damage.length > 0) screen.setClip(null);
    // Layout may have moved the focused element: ask again.
    const placed = this.#focused?.cursor() ?? null;
    const placedKey = placed ? `${placed.x},${placed.y}` : "";
    if (placedKey !== this.#cursorKey || this.stats.frames === 0) {
      // The renderer keeps the request: tell it only when it changed.
      this.#cursorKey = placedKey;
      screen.setCursor(placed, "bar");
    }
    const bytes = screen.render();
    this.stats.frames++;
    this.stats.lastFrameBytes = bytes;
    this.stats.totalBytes += bytes;
    if (this.#notices.length > 0) {
      // Size subscribers run after the frame, so they may change the tree.
      const notices = this.#notices;
      this.#notices = [];
      batch(() => {
        for (const el of notices) el.notifyLayout();
      });
    }
    this.#settle();
  }

  #settle(): void {
    const waiters = this.#frameWaiters;
    this.#frameWaiters = [];
    for (const w of waiters) w();
  }

  /** Reads layout results into elements: positions, scroll offsets, clips; damages what moved. */
  #place(el: Element, dx: number, dy: number, clip: Rect): void {
    const rect = el === this.root ? { x: 0, y: 0, width: this.#width, height: this.#height } : this.tree.layoutOf(el.node);
    const view = { x: rect.x - dx, y: rect.y - dy, width: rect.width, height: rect.height };
    const visible = intersect(view, clip);
    const moved = !sameRect(el.rect, rect) || !sameRect(el.view, view) || !sameRect(el.clip, visible);
    if (moved) {
      if (!isEmpty(el.clip)) this.#damage.push(el.clip);
      if (!isEmpty(visible)) this.#damage.push(visible);
    }
    const resized = el.rect.width !== rect.width || el.rect.height !== rect.height;
    el.rect = rect;
    el.view = view;
    el.clip = visible;
    if (resized || moved) {
      el.onLayout();
      if (el.measured) this.#notices.push(el);
    }
    const childClip = el.clipsChildren ? visible : clip;
    const cdx = dx + el.scrollLeft;
    const cdy = dy + el.scrollTop;
    let bounds = visible;
    for (const c of el.children) {
      this.#place(c, cdx, cdy, childClip);
      bounds = union(bounds, c.bounds);
    }
    el.bounds = bounds;
  }

  /** Paints `el` and its descendants that meet `area`, in stacking order. */
  #paint(el: Element, area: Rect): void {
    if (isEmpty(intersect(el.bounds, area))) return;
    const own = intersect(el.clip, area);
    if (!isEmpty(own)) {
      this.screen.setClip(own);
      el.paint(this.screen);
    }
    for (const c of stacking(el.children)) this.#paint(c, area);
  }

  // ---- focus ----------------------------------------------------------------

  /** Moves focus to `el` (or clears it with null). */
  focus(el: Element | null): void {
    if (el === this.#focused) return;
    const prev = this.#focused;
    this.#focused = el;
    batch(() => {
      prev?.handlers.onBlur?.();
      el?.handlers.onFocus?.();
    });
    prev?.invalidate();
    el?.invalidate();
    this.requestFrame();
  }

  /** Focusable elements in Tab order. */
  focusOrder(): Element[] {
    const all = [...this.root.walk()].filter((e) => e.focusable && e.tabIndex >= 0 && !isEmpty(e.clip));
    const positive = all.filter((e) => e.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex);
    return [...positive, ...all.filter((e) => e.tabIndex === 0)];
  }

  /** Moves focus to the next (or previous) focusable element, wrapping around. */
  focusNext(backwards = false): void {
    const order = this.focusOrder();
    if (order.length === 0) return;
    const i = this.#focused ? order.indexOf(this.#focused) : -1;
    const next = i < 0 ? (backwards ? order.length - 1 : 0) : (i + (backwards ? -1 : 1) + order.length) % order.length;
    this.focus(order[next] ?? null);
  }

  // ---- input ----------------------------------------------------------------

  /** Dispatches a key: focused element and ancestors, then global bindings, then defaults (Tab, Ctrl-C). */
  handleKey(e: KeyEvent): void {
    if (this.#stopped) return;
    batch(() => {
      const target = this.#focused ?? this.root;
      const ev = withPropagation(e, target);
      if (bubble(ev, target, (el) => el.handlers.onKey)) return;
      if (e.kind === "release") return;
      const binding = this.#keys.get(e.combo);
      if (binding) {
        binding(e);
        e.preventDefault();
        return;
      }
      if (e.defaultPrevented) return;
      if (e.name === "tab" && !e.ctrl && !e.alt) {
        this.focusNext(e.shift);
        e.preventDefault();
      } else if (e.combo === "ctrl+c" && this.#options.exitOnCtrlC) {
        e.preventDefault();
        this.stop(130);
      } else if (e.combo === "ctrl+z" && this.#host.suspend) {
        e.preventDefault();
        this.#host.suspend();
      }
    });
  }

  /** Dispatches a paste to the focused element and its ancestors. */
  handlePaste(e: PasteEvent): void {
    if (this.#stopped) return;
    batch(() => {
      const target = this.#focused ?? this.root;
      bubble(withPropagation(e, target), target, (el) => el.handlers.onPaste);
    });
  }

  /** Records the terminal's focus state. */
  handleFocus(e: FocusEvent): void {
    this.terminalFocused.value = e.focused;
  }

  /** The topmost element at (x, y), respecting clipping and stacking. */
  hitTest(x: number, y: number): Element | null {
    const visit = (el: Element): Element | null => {
      if (!contains(el.bounds, x, y)) return null;
      const kids = stacking(el.children);
      for (let i = kids.length - 1; i >= 0; i--) {
        const hit = visit(kids[i] as Element);
        if (hit) return hit;
      }
      return contains(el.clip, x, y) ? el : null;
    };
    return visit(this.root);
  }

  /** Dispatches a mouse event: hover, focus on click, bubbling handlers, clicks, wheel scrolling. */
  handleMouse(e: MouseEvent): void {
    if (this.#stopped) return;
    batch(() => {
      const target = this.hitTest(e.x, e.y) ?? this.root;
      this.#updateHover(target);
      if (e.kind === "down" && e.button === "left") {
        let f: Element | null = target;
        while (f && !f.focusable) f = f.parent;
        if (f) this.focus(f);
        this.#pressed = target;
      }
      if (bubbleMouse(e, target, (el) => el.handlers.onMouse)) return;
      if (e.kind === "wheel") {
        bubbleMouse(e, target, (el) => el.handlers.onWheel ?? (el.scrollable ? (w) => scrollBy(el, w) : undefined));
      }
      if (e.kind === "up" && e.button === "left") {
        const pressed = this.#pressed;
        this.#pressed = null;
        if (pressed && (pressed === target || isAncestor(pressed, target) || isAncestor(target, pressed))) {
          bubbleMouse(e, target, (el) => el.handlers.onClick);
        }
      }
    });
  }

  #updateHover(target: Element): void {
    const chain: Element[] = [];
    for (let el: Element | null = target; el; el = el.parent) chain.push(el);
    const next = new Set(chain);
    const prev = new Set(this.#hovered);
    for (const el of this.#hovered) if (!next.has(el)) el.handlers.onMouseLeave?.();
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i] as Element;
      if (!prev.has(el)) el.handlers.onMouseEnter?.();
    }
    this.#hovered = chain;
  }

  /** The element under the pointer and its ancestors, innermost first. */
  get hovered(): readonly Element[] {
    return this.#hovered;
  }

  // ---- lifetime -------------------------------------------------------------

  /** Stops the app: unmounts everything (disposing effects) and tells the host. Idempotent. */
  stop(code = 0): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#scheduled !== null) {
      clearTimeout(this.#scheduled as ReturnType<typeof setTimeout>);
      clearImmediate(this.#scheduled as ReturnType<typeof setImmediate>);
      this.#scheduled = null;
    }
    this.root.unmount();
    this.tree.dispose();
    for (const w of this.#frameWaiters) w();
    this.#frameWaiters = [];
    this.#host.stop(code);
  }
}

/**
 * Dispatches a mouse event from `target` up, with `localX`/`localY` set
 * relative to each handler's element before it runs.
 */
function bubbleMouse(
  e: MouseEvent,
  target: Element,
  pick: (el: Element) => ((e: ElementMouseEvent) => void) | undefined,
): boolean {
  const ev = withPropagation(e, target) as ElementMouseEvent & { localX: number; localY: number };
  return bubble(ev, target, pick, (el) => {
    ev.localX = e.x - el.view.x;
    ev.localY = e.y - el.view.y;
  });
}

function union(a: Rect, b: Rect): Rect {
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function covers(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Clips damage to the screen, drops pieces covered by others, and falls back to one union when there are many. */
export function mergeRects(rects: Rect[], width: number, height: number): Rect[] {
  const screen = { x: 0, y: 0, width, height };
  let out: Rect[] = [];
  for (const r of rects) {
    const c = intersect(r, screen);
    if (isEmpty(c) || out.some((o) => covers(o, c))) continue;
    out = out.filter((o) => !covers(c, o));
    out.push(c);
  }
  if (out.length > 12) {
    let u = EMPTY_RECT;
    for (const r of out) u = union(u, r);
    return [u];
  }
  return out;
}

function stacking(children: Element[]): Element[] {
  let sorted = true;
  for (let i = 1; i < children.length; i++) {
    if ((children[i] as Element).zIndex < (children[i - 1] as Element).zIndex) {
      sorted = false;
      break;
    }
  }
  if (sorted) return children;
  return children.map((c, i) => [c, i] as const).sort((a, b) => a[0].zIndex - b[0].zIndex || a[1] - b[1]).map(([c]) => c);
}

function isAncestor(a: Element, b: Element): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

/** Scrolls a scrollable element by a wheel event (3 rows per notch). */
function scrollBy(el: Element, e: ElementMouseEvent): void {
  const step = 3;
  const s = el as Element & { scrollTo?: (top: number, left?: number) => void };
  if (!s.scrollTo) return;
  if (e.button === "wheelUp") s.scrollTo(el.scrollTop - step);
  else if (e.button === "wheelDown") s.scrollTo(el.scrollTop + step);
  else if (e.button === "wheelLeft") s.scrollTo(el.scrollTop, el.scrollLeft - step);
  else if (e.button === "wheelRight") s.scrollTo(el.scrollTop, el.scrollLeft + step);
  e.stopPropagation();
}

/** Normalizes a key combo string to the order the decoder produces (`ctrl+alt+shift+super+hyper+meta+key`). */
export function normalizeCombo(combo: string): string {
  const parts = combo.toLowerCase().split("+").map((p) => p.trim());
  const name = parts.pop() ?? "";
  const mods = new Set(parts.map((p) => (p === "control" ? "ctrl" : p === "option" ? "alt" : p === "cmd" ? "super" : p)));
  const order = ["ctrl", "alt", "shift", "super", "hyper", "meta"].filter((m) => mods.has(m));
  return [...order, name].join("+");
}
