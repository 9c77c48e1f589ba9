/**
 * Introspection for tests and debugging.
 */

import { ComputedImpl } from "./computed.ts";
import { countSubs } from "./graph.ts";
import { type ReadonlySignal, SignalImpl } from "./signal.ts";

/**
 * How many effects and subscribed computeds currently depend on `source`.
 *
 * A computed subscribes to its sources only while something subscribes to
 * it, so an unobserved computed is not counted. After every scope that used
 * a long-lived signal is disposed, its count is back to what it was.
 *
 * # Errors
 * Throws a `TypeError` if `source` was not made by `signal` or `computed`.
 */
export function subscriberCount(source: ReadonlySignal<unknown>): number {
  if (source instanceof SignalImpl || source instanceof ComputedImpl) return countSubs(source);
  throw new TypeError("letui signals: subscriberCount() expects a signal or a computed");
}
