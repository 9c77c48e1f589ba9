/**
 * Computed signals: lazy, cached, glitch-free derived values.
 */

import {
  DISPOSED,
  HAS_ERROR,
  IS_COMPUTED,
  type Link,
  NOTIFIED,
  OUTDATED,
  RUNNING,
  type SourceNode,
  type TargetNode,
  TRACKING,
  beginTracking,
  dropDependencies,
  endTracking,
  globalVersion,
  needsToRecompute,
  pushSub,
  removeSub,
  swapObserver,
  track,
} from "./graph.ts";
import { type Owned, type ScopeImpl, adopt, detach, swapOwner } from "./scope.ts";
import type { ReadonlySignal, SignalOptions } from "./signal.ts";

function cycleError(): Error {
  return new Error(
    "letui signals: cycle detected: a computed read itself (directly or through other computeds)",
  );
}

/**
 * Internal: the computed node.
 *
 * A computed subscribes to its sources only while something subscribes to it
 * (an effect, or a computed that is itself subscribed). Unobserved, it keeps
 * its dependency list but no source references it, and it revalidates by
 * pulling when read.
 */
export class ComputedImpl<T> implements ReadonlySignal<T>, SourceNode, TargetNode, Owned {
  _fn: () => T;
  _equals: (a: T, b: T) => boolean;
  /** The cached value, or the cached error when `HAS_ERROR` is set. */
  _value: unknown = undefined;
  /** 0 until the first evaluation. */
  _version = 0;
  /** `globalVersion` at the last refresh. */
  _globalVersion = -1;
  _flags = OUTDATED | IS_COMPUTED;
  _node: Link | undefined = undefined;
  _subs: Link | undefined = undefined;
  _deps: Link | undefined = undefined;
  _cursor: Link | undefined = undefined;
  _owner: ScopeImpl | undefined = undefined;
  _prevOwned: Owned | undefined = undefined;
  _nextOwned: Owned | undefined = undefined;

  constructor(fn: () => T, options: SignalOptions<T> | undefined) {
    this._fn = fn;
    this._equals = options?.equals ?? Object.is;
    adopt(this);
  }

  get value(): T {
    const link = track(this);
    if ((this._flags & RUNNING) !== 0) throw cycleError();
    this._refresh();
    if (link !== undefined) link.version = this._version;
    if ((this._flags & HAS_ERROR) !== 0) throw this._value;
    return this._value as T;
  }

  peek(): T {
    if ((this._flags & RUNNING) !== 0) throw cycleError();
    this._refresh();
    if ((this._flags & HAS_ERROR) !== 0) throw this._value;
    return this._value as T;
  }

  _refresh(): boolean {
    this._flags &= ~NOTIFIED;
    if ((this._flags & RUNNING) !== 0) return false;
    if ((this._flags & DISPOSED) !== 0) {
      // Frozen: keeps its last value; computes once, untracked, if never read.
      if (this._version === 0) this._evaluate(false);
      return true;
    }
    // Subscribed and not notified since the last refresh: the cache is valid.
    if ((this._flags & (OUTDATED | TRACKING)) === TRACKING) return true;
    this._flags &= ~OUTDATED;
    // Nothing was written anywhere since the last refresh.
    if (this._globalVersion === globalVersion) return true;
    this._globalVersion = globalVersion;
    if (this._version > 0) {
      this._flags |= RUNNING;
      let stale: boolean;
      try {
        stale = needsToRecompute(this);
      } finally {
        this._flags &= ~RUNNING;
      }
      if (!stale) return true;
    }
    this._evaluate(true);
    return true;
  }

  _evaluate(tracked: boolean): void {
    this._flags |= RUNNING;
    if (tracked) beginTracking(this);
    const prevObserver = swapObserver(tracked ? this : undefined);
    const prevOwner = swapOwner(undefined);
    try {
      const value = this._fn();
      if (
        (this._flags & HAS_ERROR) !== 0 ||
        this._version === 0 ||
        !this._equals(this._value as T, value)
      ) {
        this._value = value;
        this._flags &= ~HAS_ERROR;
        this._version++;
      }
    } catch (error) {
      this._value = error;
      this._flags |= HAS_ERROR;
      this._version++;
    } finally {
      swapOwner(prevOwner);
      swapObserver(prevObserver);
      if (tracked) endTracking(this);
      this._flags &= ~RUNNING;
      if ((this._flags & DISPOSED) !== 0) dropDependencies(this);
    }
  }

  _notify(): void {
    if ((this._flags & NOTIFIED) === 0) {
      this._flags |= OUTDATED | NOTIFIED;
      for (let link = this._subs; link !== undefined; link = link.nextSub) {
        link.target._notify();
      }
    }
  }

  _subscribe(link: Link): void {
    if (this._subs === undefined && (this._flags & DISPOSED) === 0) {
      // First subscriber: start receiving notifications, and revalidate once
      // since none were received while unobserved.
      this._flags = (this._flags | OUTDATED | TRACKING) & ~NOTIFIED;
      for (let dep = this._deps; dep !== undefined; dep = dep.nextDep) {
        dep.source._subscribe(dep);
      }
    }
    pushSub(this, link);
  }

  _unsubscribe(link: Link): void {
    if (!removeSub(this, link)) return;
    if (this._subs === undefined && (this._flags & TRACKING) !== 0) {
      this._flags &= ~TRACKING;
      for (let dep = this._deps; dep !== undefined; dep = dep.nextDep) {
        dep.source._unsubscribe(dep);
      }
    }
  }

  _dispose(): void {
    if ((this._flags & DISPOSED) !== 0) return;
    detach(this);
    this._flags = (this._flags | DISPOSED) & ~(OUTDATED | NOTIFIED);
    if ((this._flags & RUNNING) === 0) {
      dropDependencies(this);
    } else {
      // Mid-evaluation: the run still needs its links; unsubscribe now and let
      // `_evaluate` drop them when it ends.
      if ((this._flags & TRACKING) !== 0) {
        for (let dep = this._deps; dep !== undefined; dep = dep.nextDep) {
          dep.source._unsubscribe(dep);
        }
      }
      this._flags &= ~TRACKING;
    }
  }
}

/**
 * Creates a derived signal whose value is `fn()`.
 *
 * Lazy (runs only when read and possibly stale), cached, and glitch-free: it
 * never sees some sources updated and others stale. Its dependencies are
 * re-tracked on every run. When a run produces a value equal to the previous
 * one (`options.equals`, default `Object.is`), dependents do not re-run. An
 * error thrown by `fn` is cached and rethrown on every read until a
 * dependency changes. A computed that reads itself throws a cycle error.
 *
 * Created inside a scope or an effect run, it is disposed with it: it drops
 * its subscriptions and keeps returning its last value.
 *
 * `fn` must not write signals (it throws).
 *
 * # Examples
 * ```ts
 * const first = signal("Ada");
 * const greeting = computed(() => `Hello, ${first.value}`);
 * greeting.value; // "Hello, Ada"
 * ```
 */
export function computed<T>(fn: () => T, options?: SignalOptions<T>): ReadonlySignal<T> {
  return new ComputedImpl(fn, options);
}
