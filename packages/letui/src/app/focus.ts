/**
 * Keyboard focus: which element has it, Tab order (disabled and hidden
 * elements are left out; a focus scope keeps Tab inside its subtree), and
 * autofocus. Focus changes call the elements' focus hooks and repaint the
 * elements whose look depends on them.
 */
import { batch } from "../signals.ts";
import { type Element, isEmpty } from "./element.ts";

/** True when `el` can take focus now. */
export function canFocus(el: Element): boolean {
  if (!el.focusable || !el.mounted) return false;
  for (let p: Element | null = el; p; p = p.parent) if (p.disabled) return false;
  return true;
}

/** The innermost focus scope (`trapFocus`) holding `el`, if any. */
export function scopeOf(el: Element | null): Element | null {
  for (let p = el; p; p = p.parent) if (p.trapFocus) return p;
  return null;
}

/** Focus state of one app. */
export class Focus {
  #focused: Element | null = null;
  #pending: Element | null = null;
  readonly #root: Element;
  readonly #changed: () => void;

  constructor(root: Element, changed: () => void) {
    this.#root = root;
    this.#changed = changed;
  }

  /** The element with keyboard focus. */
  get focused(): Element | null {
    return this.#focused;
  }

  /** Moves focus to `el` (or clears it with null). An element that cannot take focus is ignored. */
  focus(el: Element | null): void {
    if (el === this.#focused) return;
    if (el && !canFocus(el)) return;
    const prev = this.#focused;
    this.#focused = el;
    batch(() => {
      prev?.handlers.onBlur?.();
      el?.handlers.onFocus?.();
    });
    // Scrolling ancestors bring the newly focused element into view.
    for (let p = el?.parent ?? null; p; p = p.parent) if (el) p.reveal(el);
    // Boxes showing focus within repaint as focus enters or leaves them.
    for (const chain of [prev, el]) {
      for (let p = chain; p; p = p.parent) if (p === chain || p.focusWithinLook) p.invalidate();
    }
    this.#changed();
  }

  /** Focusable elements in Tab order, within `scope` (the whole tree by default). */
  order(scope: Element = this.#root): Element[] {
    const all: Element[] = [];
    const visit = (e: Element): void => {
      if (e.disabled) return;
      // Scrolled out of view still counts (focus scrolls it back); hidden (no size) does not.
      if (e.focusable && e.tabIndex >= 0 && !isEmpty(e.rect)) all.push(e);
      for (const c of e.children) visit(c);
    };
    visit(scope);
    const positive = all.filter((e) => e.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex);
    return [...positive, ...all.filter((e) => e.tabIndex === 0)];
  }

  /** Moves focus to the next (or previous) element, wrapping around inside the focus scope. */
  next(backwards = false): void {
    const scope = scopeOf(this.#focused) ?? this.#openScope() ?? this.#root;
    const order = this.order(scope);
    if (order.length === 0) return;
    const i = this.#focused ? order.indexOf(this.#focused) : -1;
    const n = i < 0 ? (backwards ? order.length - 1 : 0) : (i + (backwards ? -1 : 1) + order.length) % order.length;
    this.focus(order[n] ?? null);
  }

  /** The last focus scope in document order, for when focus is outside every scope (a dialog just opened). */
  #openScope(): Element | null {
    let found: Element | null = null;
    const visit = (e: Element): void => {
      if (e.disabled) return;
      if (e.trapFocus && !isEmpty(e.clip)) found = e;
      for (const c of e.children) visit(c);
    };
    visit(this.#root);
    return found;
  }

  /** Asks for `el` to take focus once it has been laid out (the `autofocus` prop). */
  request(el: Element): void {
    this.#pending = el;
    this.#changed();
  }

  /** Gives a pending autofocus request its focus (called by the frame loop after layout). */
  settle(): void {
    const el = this.#pending;
    this.#pending = null;
    if (el?.mounted) this.focus(el);
  }

  /** Forgets an element that left the tree; focus moves to nothing. */
  removed(el: Element): void {
    if (this.#pending === el) this.#pending = null;
    if (this.#focused === el) this.#focused = null;
  }

  /** Drops focus when the focused element became disabled. */
  checkDisabled(): void {
    if (this.#focused && !canFocus(this.#focused)) this.focus(null);
  }
}
