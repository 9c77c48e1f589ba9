/**
 * Values that may or may not be signals, as component props are.
 */

import { ComputedImpl } from "./computed.ts";
import { type ReadonlySignal, SignalImpl } from "./signal.ts";

/** A plain value or a signal of it: what components accept as props. */
export type MaybeSignal<T> = T | ReadonlySignal<T>;

/** Whether `value` is a signal or a computed. */
export function isSignal<T>(value: MaybeSignal<T>): value is ReadonlySignal<T>;
/** Whether `value` is a signal or a computed. */
export function isSignal(value: unknown): value is ReadonlySignal<unknown>;
export function isSignal(value: unknown): value is ReadonlySignal<unknown> {
  return value instanceof SignalImpl || value instanceof ComputedImpl;
}

/**
 * The value of `value`: read (and tracked) if it is a signal, as is otherwise.
 *
 * # Examples
 * ```ts
 * function label(props: { text: MaybeSignal<string> }) {
 *   effect(() => draw(read(props.text))); // re-runs only if text is a signal that changes
 * }
 * ```
 */
export function read<T>(value: MaybeSignal<T>): T {
  return isSignal(value) ? value.value : value;
}
