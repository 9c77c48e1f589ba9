/**
 * The pointer: which elements it hovers, which one a button was pressed
 * on (a click needs the release over the same element or a relative),
 * which one captured it (a scrollbar's thumb being dragged), and a drag
 * that no element takes, which selects text on the screen.
 */
import type { MouseEvent } from "../input/events.ts";
import { bubbleMouse, scrollBy } from "./dispatch.ts";
import type { Element } from "./element.ts";
import { canFocus } from "./focus.ts";
import { isSelectable, type SelectionState } from "./selection.ts";

/** What the pointer acts on in its app. */
export interface PointerHost {
  /** The element under everything. */
  readonly root: Element;
  /** The screen-wide selection. */
  readonly selection: SelectionState;
  /** Moves focus to `el`. */
  focus(el: Element): void;
  /** Drops the screen-wide selection. */
  clearSelection(): void;
  /** Called when a drag selection ends (the app copies it when told to). */
  selected(): void;
  /** The topmost element at (x, y). */
  hitTest(x: number, y: number): Element | null;
}

/** Mouse dispatch for one app: see the module documentation. */
export class Pointer {
  #hovered: Element[] = [];
  #pressed: Element | null = null;
  #capture: Element | null = null;
  readonly #host: PointerHost;

  constructor(host: PointerHost) {
    this.#host = host;
  }

  /** The element under the pointer and its ancestors, innermost first. */
  get hovered(): readonly Element[] {
    return this.#hovered;
  }

  /** Sends the following mouse events to `el` until the button is released. */
  capture(el: Element): void {
    this.#capture = el;
  }

  /** `el` left the tree: it is no longer hovered, pressed or capturing. */
  removed(el: Element): void {
    if (this.#capture === el) this.#capture = null;
    if (this.#pressed === el) this.#pressed = null;
    this.#hovered = this.#hovered.filter((h) => h !== el);
  }

  /** Dispatches a mouse event: hover, focus on click, bubbling handlers, clicks, wheel scrolling, selection by dragging. */
  handle(e: MouseEvent): void {
    const host = this.#host;
    const captured = this.#capture;
    if (captured && e.kind !== "wheel" && e.kind !== "down") {
      if (e.kind === "up") this.#capture = null;
      bubbleMouse(e, captured, (el) => (el === captured ? el.handlers.onMouse : undefined));
      return;
    }
    const sel = host.selection;
    if (sel.from && e.kind === "drag") {
      const from = sel.from;
      if (sel.selecting || e.x !== from.x || e.y !== from.y) {
        // A drag that no element captured selects text on the screen.
        sel.selecting = true;
        this.#pressed = null;
        sel.set(from, e);
        return;
      }
    }
    if (e.kind === "up" && sel.selecting) {
      sel.selecting = false;
      sel.from = null;
      host.selected();
      return;
    }
    const target = host.hitTest(e.x, e.y) ?? host.root;
    this.#hover(target);
    if (e.kind === "down") {
      host.clearSelection();
      sel.from = null;
    }
    if (e.kind === "down" && e.button === "left") {
      let f: Element | null = target;
      while (f && !f.focusable) f = f.parent;
      if (f && canFocus(f)) host.focus(f);
      this.#pressed = target;
    }
    const used = bubbleMouse(e, target, (el) => el.handlers.onMouse);
    if (e.kind === "down" && e.button === "left" && !this.#capture && isSelectable(target)) sel.from = { x: e.x, y: e.y };
    if (used) return;
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
  }

  #hover(target: Element): void {
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
}

function isAncestor(a: Element, b: Element): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}
