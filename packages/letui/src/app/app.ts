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
import type { ColorMode, Screen } from "../screen.ts";
import { batch, type Signal, signal } from "../signals.ts";
export { normalizeCombo } from "./dispatch.ts";
export { mergeRects } from "./geometry.ts";
import { bubble, normalizeCombo, withPropagation } from "./dispatch.ts";
import { type Element, isEmpty, type Rect } from "./element.ts";
import { Focus } from "./focus.ts";
import { hitTest, mergeRects, paint, place } from "./geometry.ts";
import { PrintQueue } from "./print.ts";
import { RootElement } from "./root.ts";
import { darkTheme, type Theme } from "./theme.ts";
import { Clipboard, type ClipboardMode } from "./clipboard.ts";
import { Pointer } from "./pointer.ts";
import { type ScreenCell, excludedRects, paintSelection, type ScreenSelection, SelectionState, selectedText } from "./selection.ts";

/** Overlays stack above this zIndex, so content's own zIndex values stay below them. */
const OVERLAY_Z = 1_000_000;

/** A key binding handler; return nothing. */
export type KeyHandler = (e: KeyEvent) => void;

/** Options of an {@link App}. */
export interface AppOptions {
  /** Most frames per second; changes arriving faster are merged. @default unlimited (one frame per macrotask at most) */
  maxFps?: number;
  /** Stop the app on Ctrl-C (unless a handler stopped the key first). @default true */
  exitOnCtrlC?: boolean;
  /** Global key bindings, by combo (`"ctrl+s"`, `"f1"`, `"escape"`): run when no focused element stopped the key. */
  keys?: Record<string, KeyHandler>;
  /** The colors components use unless a subtree sets its own. @default darkTheme */
  theme?: Theme;
  /** Where copied text goes: also to the system clipboard by OSC 52, or only the app's own. @default "osc52" */
  clipboard?: ClipboardMode;
  /** Copy the screen-wide selection when the drag ends (it is also copied by Ctrl-C while shown). @default true */
  copyOnSelect?: boolean;
}

/** What an app draws on and is told about: a terminal session, or the headless test host. */
export interface Host {
  /** Prints a screen's rows above the live region (inline sessions only). */
  print?(lines: Screen): void;
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
  readonly #prints: PrintQueue;
  /** Copy and paste between components, and to the system clipboard. */
  readonly clipboard: Clipboard;
  /** The app's theme (a subtree may override it with a box's `theme` prop). */
  theme: Theme;
  readonly #options: { exitOnCtrlC: boolean; maxFps: number; copyOnSelect: boolean };
  readonly #keys = new Map<string, KeyHandler>();
  readonly #focus: Focus;
  #colorMode: Exclude<ColorMode, "auto"> | undefined;
  #dirty = new Set<Element>();
  #damage: Rect[] = [];
  #rectsStale = true;
  /** The native compute number at the last placing (null: place everything next time). */
  #placedAt: number | null = null;
  #scheduled: ReturnType<typeof setImmediate> | ReturnType<typeof setTimeout> | null = null;
  #lastFrame = 0;
  #stopped = false;
  #frameWaiters: (() => void)[] = [];
  #width = 0;
  #height = 0;
  #cursorKey = "";
  #notices: Element[] = [];
  readonly #watchers = new Set<Element>();
  #content: Element | null = null;
  readonly #overlays: Element[] = [];
  readonly #unhandled: ((e: KeyEvent) => boolean)[] = [];
  readonly #pointer: Pointer;
  readonly #sel = new SelectionState({
    size: () => [this.#width, this.#height],
    theme: () => this.theme,
    damageRect: (r) => this.damageRect(r),
  });

  constructor(host: Host, options: AppOptions = {}) {
    this.#host = host;
    this.#prints = new PrintQueue(host, (h, o) => new App(h, o));
    this.clock = host.clock ?? realClock;
    this.#options = { exitOnCtrlC: options.exitOnCtrlC ?? true, maxFps: options.maxFps ?? 0, copyOnSelect: options.copyOnSelect ?? true };
    for (const [combo, h] of Object.entries(options.keys ?? {})) this.bindKey(combo, h);
    this.theme = options.theme ?? darkTheme;
    this.clipboard = new Clipboard((data) => this.screen.write(data), options.clipboard ?? "osc52");
    this.root = new RootElement();
    this.#focus = new Focus(this.root, () => this.requestFrame());
    const app = this;
    this.#pointer = new Pointer({
      root: this.root,
      selection: this.#sel,
      focus: (el) => this.focus(el),
      clearSelection: () => this.clearSelection(),
      selected() {
        if (app.#options.copyOnSelect && app.#sel.current) app.clipboard.copy(app.selectedText());
      },
      hitTest: (x, y) => this.hitTest(x, y),
    });
    this.root.mountInto(this);
    this.#resizeRoot();
  }

  /** The screen the app draws on. */
  get screen(): Screen {
    return this.#host.screen;
  }

  /** The element with keyboard focus. */
  get focused(): Element | null {
    return this.#focus.focused;
  }

  /** How many colors the screen shows (components pick focus and selection looks that stay visible in each). */
  get colorMode(): Exclude<ColorMode, "auto"> {
    this.#colorMode ??= this.screen.colorMode;
    return this.#colorMode;
  }

  /** Sets the theme of the whole app and repaints. */
  setTheme(theme: Theme): void {
    this.theme = theme;
    this.damageRect({ x: 0, y: 0, width: this.#width, height: this.#height });
  }

  /** True once stopped. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Mounts `element` as the app's content (replacing what was there; overlays stay). */
  mount(element: Element): void {
    this.#content = element;
    this.root.setChildren([element, ...this.#overlays]);
    this.requestFrame();
  }

  /** Layers above the content (dialogs, toasts), bottom first. */
  get overlays(): readonly Element[] {
    return this.#overlays;
  }

  /**
   * Shows `layer` above the content and every earlier overlay, laid out
   * against the whole screen (give it `position: "absolute"` and insets).
   */
  addOverlay(layer: Element): void {
    if (this.#overlays.includes(layer)) return;
    this.#overlays.push(layer);
    layer.zIndex = OVERLAY_Z + this.#overlays.length;
    this.#syncRoot();
  }

  /** Takes an overlay away (unmounting it). */
  removeOverlay(layer: Element): void {
    const i = this.#overlays.indexOf(layer);
    if (i < 0) return;
    this.#overlays.splice(i, 1);
    this.#syncRoot();
  }

  #syncRoot(): void {
    if (this.#stopped) return;
    this.root.setChildren([...(this.#content ? [this.#content] : []), ...this.#overlays]);
    this.requestFrame();
  }

  /**
   * Adds a handler for keys nothing else used (no element, no binding),
   * asked before the defaults (Tab, Ctrl-C); it returns true when it used
   * the key. The last added is asked first. Returns the remove function.
   */
  onUnhandledKey(handler: (e: KeyEvent) => boolean): () => void {
    this.#unhandled.push(handler);
    return () => {
      const i = this.#unhandled.indexOf(handler);
      if (i >= 0) this.#unhandled.splice(i, 1);
    };
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

  /** Called when `el`'s children were added, removed or moved, or its clipping changed (without `el`: anywhere). */
  structureChanged(el?: Element): void {
    this.#restale(el);
    this.requestFrame();
  }

  /** Called when `el`'s scroll offsets changed: positions must be recomputed, no layout needed. */
  scrolled(el?: Element): void {
    this.#restale(el);
    this.requestFrame();
  }

  /** Marks `el` and its ancestors to be placed again (everything without `el`). */
  #restale(el: Element | undefined): void {
    this.#rectsStale = true;
    if (!el) this.#placedAt = null;
    for (let e = el ?? null; e; e = e.parent) e.placement.stale = true;
  }

  /** Calls `el.afterLayout()` after every layout while `el` is mounted (elements with `watchesLayout` are added when they mount). */
  watchLayout(el: Element): void {
    this.#watchers.add(el);
  }

  /** Sends the following mouse events (drags, moves, the release) to `el` until the button is released (a scrollbar's thumb being dragged). */
  captureMouse(el: Element): void {
    this.#pointer.capture(el);
  }

  /** Called when an element leaves the tree: it can no longer be focused, hovered or pressed. */
  elementRemoved(el: Element): void {
    this.#dirty.delete(el);
    this.#watchers.delete(el);
    this.#focus.removed(el);
    this.#pointer.removed(el);
  }

  /** The screen was resized (or its color mode changed): lay out and repaint everything. */
  resized(): void {
    this.#colorMode = undefined;
    this.#sel.reset();
    this.#resizeRoot();
    this.damageRect({ x: 0, y: 0, width: this.#width, height: this.#height });
  }

  #resizeRoot(): void {
    this.#width = this.screen.width;
    this.#height = this.screen.height;
    this.root.setLayout({ width: this.#width, height: this.#height });
    this.#rectsStale = true;
    this.#placedAt = null;
  }

  /** Runs a frame now: layout if needed, repaint damage, render. */
  frame(): void {
    if (this.#scheduled !== null) {
      clearTimeout(this.#scheduled as ReturnType<typeof setTimeout>);
      clearImmediate(this.#scheduled as ReturnType<typeof setImmediate>);
      this.#scheduled = null;
    }
    if (this.#stopped) return;
    const cursor = this.focused?.cursor() ?? null;
    const cursorKey = cursor ? `${cursor.x},${cursor.y}` : "";
    const work =
      this.tree.needsLayout || this.#rectsStale || this.#dirty.size > 0 || this.#damage.length > 0 || cursorKey !== this.#cursorKey || this.#prints.pending;
    if (!work) {
      this.#settle();
      return;
    }
    this.#lastFrame = performance.now();
    if (this.#layOut()) {
      // Elements that follow their content (a log sticking to the bottom,
      // a list making rows for its new size) may change the tree now: lay
      // that out in this same frame.
      for (const el of this.#watchers) el.afterLayout();
      this.#layOut();
      // Autofocus waits for a layout: an element off screen takes no focus.
      this.#focus.settle();
      this.#focus.checkDisabled();
    }
    for (const el of this.#dirty) if (el.app === this) this.#damage.push(el.clip);
    this.#dirty.clear();
    const damage = mergeRects(this.#damage, this.#width, this.#height);
    this.#damage = [];
    const screen = this.screen;
    for (const r of damage) {
      screen.setClip(r);
      screen.fill(r.x, r.y, r.width, r.height);
      paint(screen, this.root, r);
    }
    if (damage.length > 0) screen.setClip(null);
    if (this.#sel.current) paintSelection(screen, this.#sel.current, excludedRects(this.root), this.#sel.style());
    // Layout may have moved the focused element: ask again.
    const placed = this.focused?.cursor() ?? null;
    const placedKey = placed ? `${placed.x},${placed.y}` : "";
    if (placedKey !== this.#cursorKey || this.stats.frames === 0) {
      // The renderer keeps the request: tell it only when it changed.
      this.#cursorKey = placedKey;
      screen.setCursor(placed, "bar");
    }
    const bytes = this.#prints.flush() ? 0 : screen.render();
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

  /** Lays out if needed and reads the results into elements; true when elements were placed. */
  #layOut(): boolean {
    if (this.tree.needsLayout) {
      this.tree.compute(this.root.node, this.#width, this.#height);
      this.stats.layouts++;
      this.#rectsStale = true;
    }
    if (!this.#rectsStale) return false;
    this.#rectsStale = false;
    place(this.tree, this.root, this.#width, this.#height, { damage: this.#damage, notices: this.#notices }, this.#placedAt);
    this.#placedAt = this.tree.computes;
    return true;
  }

  #settle(): void {
    const waiters = this.#frameWaiters;
    this.#frameWaiters = [];
    for (const w of waiters) w();
  }

  // ---- focus ----------------------------------------------------------------

  /** Moves focus to `el` (or clears it with null); an element that cannot take focus (disabled, not focusable) is ignored. */
  focus(el: Element | null): void {
    this.#focus.focus(el);
  }

  /** Focuses `el` after the next layout (the `autofocus` prop). */
  requestFocus(el: Element): void {
    this.#focus.request(el);
  }

  /** Focusable elements in Tab order (disabled ones left out), within `scope` (the whole app by default). */
  focusOrder(scope?: Element): Element[] {
    return this.#focus.order(scope);
  }

  /** Moves focus to the next (or previous) focusable element, wrapping around inside the current focus scope. */
  focusNext(backwards = false): void {
    this.#focus.next(backwards);
  }

  /** Called when an element's `disabled` changed: a disabled element loses focus. */
  disabledChanged(): void {
    this.#focus.checkDisabled();
    this.requestFrame();
  }

  // ---- input ----------------------------------------------------------------

  /** Dispatches a key: focused element and ancestors, then global bindings, then defaults (Tab, Ctrl-C). */
  handleKey(e: KeyEvent): void {
    if (this.#stopped) return;
    batch(() => {
      const target = this.focused ?? this.root;
      const ev = withPropagation(e, target);
      if (e.kind === "release") {
        bubble(ev, target, (el) => el.handlers.onKeyRelease);
        return;
      }
      if (bubble(ev, target, (el) => el.handlers.onKey)) return;
      const binding = this.#keys.get(e.combo);
      if (binding) {
        binding(e);
        e.preventDefault();
        return;
      }
      if (e.defaultPrevented) return;
      for (let i = this.#unhandled.length - 1; i >= 0; i--) {
        if ((this.#unhandled[i] as (e: KeyEvent) => boolean)(e)) {
          e.preventDefault();
          return;
        }
      }
      if (this.#sel.current && (e.combo === "escape" || e.combo === "ctrl+c" || e.combo === "ctrl+shift+c")) {
        // A visible selection takes Escape (drop it) and Ctrl-C (copy it) before the defaults.
        if (e.combo !== "escape") this.clipboard.copy(this.selectedText());
        this.clearSelection();
        e.preventDefault();
        return;
      }
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
      const target = this.focused ?? this.root;
      bubble(withPropagation(e, target), target, (el) => el.handlers.onPaste);
    });
  }

  /** Records the terminal's focus state. */
  handleFocus(e: FocusEvent): void {
    this.terminalFocused.value = e.focused;
  }

  /** The topmost element at (x, y), respecting clipping and stacking. */
  hitTest(x: number, y: number): Element | null {
    return hitTest(this.root, x, y);
  }

  /** Dispatches a mouse event: hover, focus on click, bubbling handlers, clicks, wheel scrolling, screen-wide selection by dragging. */
  handleMouse(e: MouseEvent): void {
    if (this.#stopped) return;
    batch(() => this.#pointer.handle(e));
  }

  // ---- selection -------------------------------------------------------------

  /** The screen-wide selection, if any. */
  get selection(): ScreenSelection | null {
    return this.#sel.current;
  }

  /** The text of the screen-wide selection ("" when none): rows in reading order, trailing spaces trimmed. */
  selectedText(): string {
    const s = this.#sel.current;
    return s ? selectedText(this.screen, s, excludedRects(this.root)) : "";
  }

  /** Selects from `anchor` to `head` (cells, both included, in any order). */
  select(anchor: ScreenCell, head: ScreenCell): void {
    this.#sel.set(anchor, head);
  }

  /** Drops the screen-wide selection. */
  clearSelection(): void {
    this.#sel.clear();
  }

  /** The element under the pointer and its ancestors, innermost first. */
  get hovered(): readonly Element[] {
    return this.#pointer.hovered;
  }

  // ---- lifetime -------------------------------------------------------------

  /** Inline mode: prints `content` once above the live region, with the next frame, into the terminal's scrollback (see `print.ts`). */
  print(content: Element): void {
    this.#prints.add(this, content);
    this.requestFrame();
  }

  /** Stops the app: unmounts everything (disposing effects) and tells the host. Idempotent. */
  stop(code = 0): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#scheduled !== null) {
      clearTimeout(this.#scheduled as ReturnType<typeof setTimeout>);
      clearImmediate(this.#scheduled as ReturnType<typeof setImmediate>);
      this.#scheduled = null;
    }
    this.#prints.flush();
    this.root.unmount();
    this.tree.dispose();
    for (const w of this.#frameWaiters) w();
    this.#frameWaiters = [];
    this.#host.stop(code);
  }
}
