/**
 * Events as elements receive them: the terminal's event plus propagation
 * control and the element it is dispatched to.
 */
import { BaseEvent, type KeyEvent, type MouseEvent, type PasteEvent } from "../input/events.ts";
import type { Element } from "./element.ts";

/** Propagation control added to events dispatched through the element tree. */
export interface Propagation {
  /** Stops the event from reaching ancestors (and global key bindings). */
  stopPropagation(): void;
  /** True once `stopPropagation()` was called. */
  readonly propagationStopped: boolean;
  /** The element the event was aimed at (focused or under the pointer). */
  readonly target: Element;
  /** The element whose handler is running. */
  readonly currentTarget: Element;
}

/** A key event dispatched to the focused element and its ancestors. */
export type ElementKeyEvent = KeyEvent & Propagation;
/** A mouse event dispatched to the element under the pointer and its ancestors; `localX`/`localY` are relative to `currentTarget`. */
export type ElementMouseEvent = MouseEvent & Propagation & { readonly localX: number; readonly localY: number };
/** A paste dispatched to the focused element and its ancestors. */
export type ElementPasteEvent = PasteEvent & Propagation;

type Dispatched<E> = E & Propagation & { currentTarget: Element };

/**
 * Prepares an event for dispatch to `target`: resets its propagation
 * state and sets its targets, on the event object itself (events are
 * BaseEvents: no wrapper and no closures, and `preventDefault()` works on
 * the one object every listener sees).
 */
export function withPropagation<E extends object>(event: E, target: Element): Dispatched<E> {
  const ev = event as E & { stopPropagation?: () => void; propagationStopped: boolean; target: Element; currentTarget: Element };
  // An event made by hand (not through eventBase) gets the shared method.
  ev.stopPropagation ??= BaseEvent.prototype.stopPropagation;
  ev.propagationStopped = false;
  ev.target = target;
  ev.currentTarget = target;
  return ev as Dispatched<E>;
}

/**
 * Calls `pick(element)` on `target` and each ancestor until a handler stops
 * propagation. Returns true when one did.
 */
export function bubble<E extends object>(
  event: Dispatched<E>,
  target: Element,
  pick: (el: Element) => ((e: Dispatched<E>) => void) | undefined,
  before?: (el: Element) => void,
): boolean {
  for (let el: Element | null = target; el; el = el.parent) {
    const handler = pick(el);
    if (!handler) continue;
    (event as { currentTarget: Element }).currentTarget = el;
    before?.(el);
    handler(event);
    if (event.propagationStopped) return true;
  }
  return false;
}

/**
 * Dispatches a mouse event from `target` up, with `localX`/`localY` set
 * relative to each handler's element before it runs.
 */
export function bubbleMouse(
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

/** Scrolls a scrollable element by a wheel event (3 rows per notch). */
export function scrollBy(el: Element, e: ElementMouseEvent): void {
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
