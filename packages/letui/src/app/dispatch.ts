/**
 * Events as elements receive them: the terminal's event plus propagation
 * control and the element it is dispatched to.
 */
import type { KeyEvent, MouseEvent, PasteEvent } from "../input/events.ts";
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

/** Wraps an event for dispatch to `target`. */
export function withPropagation<E extends object>(event: E, target: Element): Dispatched<E> {
  let stopped = false;
  const wrapped = Object.create(event) as Dispatched<E> & { currentTarget: Element };
  Object.defineProperties(wrapped, {
    stopPropagation: {
      value: () => {
        stopped = true;
      },
    },
    propagationStopped: { get: () => stopped },
    target: { value: target },
    currentTarget: { value: target, writable: true },
  });
  return wrapped;
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
