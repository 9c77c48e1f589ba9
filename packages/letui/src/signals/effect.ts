/**
 * Effects: the sinks of the reactive graph, where changes leave it.
 */

import {
  DISPOSED,
  type Link,
  NOTIFIED,
  type QueuedEffect,
  RUNNING,
  type TargetNode,
  TRACKING,
  beginTracking,
  dropDependencies,
  endBatch,
  endTracking,
  enqueue,
  needsToRecompute,
  startBatch,
  swapObserver,
} from "./graph.ts";
import { type Owned, type Owner, ScopeImpl, adopt, detach, swapOwner } from "./scope.ts";

/** A function an effect returns to undo its work before the next run or on dispose. */
export type EffectCleanup = () => void;

/** The body of an effect: may return a cleanup function. */
export type EffectFn = () => void | EffectCleanup;

let nextEffectId = 0;

const noop = (): void => {};

/** Internal: the effect node. */
export class EffectImpl implements TargetNode, QueuedEffect, Owned, Owner {
  _fn: EffectFn;
  _cleanup: EffectCleanup | undefined = undefined;
  /** Owns what the current run created; made on first need. */
  _scope: ScopeImpl | undefined = undefined;
  _id = ++nextEffectId;
  _flags = TRACKING;
  _deps: Link | undefined = undefined;
  _cursor: Link | undefined = undefined;
  _owner: ScopeImpl | undefined = undefined;
  _prevOwned: Owned | undefined = undefined;
  _nextOwned: Owned | undefined = undefined;

  constructor(fn: EffectFn) {
    this._fn = fn;
    adopt(this);
  }

  _ownScope(): ScopeImpl {
    let scope = this._scope;
    if (scope === undefined || scope._disposed) {
      scope = new ScopeImpl(undefined);
      this._scope = scope;
    }
    return scope;
  }

  _notify(): void {
    if ((this._flags & (NOTIFIED | DISPOSED)) === 0) {
      this._flags |= NOTIFIED;
      enqueue(this);
    }
  }

  _flush(): void {
    if ((this._flags & DISPOSED) === 0 && needsToRecompute(this)) this._run();
  }

  /** Runs the previous cleanup, then the body, tracking what it reads. */
  _run(): void {
    let cleanupFailed = false;
    let cleanupError: unknown;
    if (this._cleanup !== undefined || this._scope !== undefined) {
      try {
        this._runCleanup();
      } catch (error) {
        cleanupFailed = true;
        cleanupError = error;
      }
      // A cleanup may dispose its own effect.
      if ((this._flags & DISPOSED) !== 0) {
        if (cleanupFailed) throw cleanupError;
        return;
      }
    }
    startBatch();
    beginTracking(this);
    const prevObserver = swapObserver(this);
    const prevOwner = swapOwner(this);
    this._flags |= RUNNING;
    try {
      const cleanup = this._fn();
      if (typeof cleanup === "function") this._cleanup = cleanup;
    } finally {
      swapOwner(prevOwner);
      swapObserver(prevObserver);
      endTracking(this);
      this._flags &= ~RUNNING;
      try {
        // Disposed during its own run: finish the disposal now.
        if ((this._flags & DISPOSED) !== 0) this._destroy();
      } finally {
        endBatch();
      }
    }
    if (cleanupFailed) throw cleanupError;
  }

  /** Runs the returned cleanup, then disposes what the last run created. */
  _runCleanup(): void {
    const cleanup = this._cleanup;
    const scope = this._scope;
    this._cleanup = undefined;
    this._scope = undefined;
    const prevObserver = swapObserver(undefined);
    const prevOwner = swapOwner(undefined);
    startBatch();
    try {
      if (cleanup !== undefined) {
        try {
          cleanup();
        } finally {
          if (scope !== undefined) scope.dispose();
        }
      } else if (scope !== undefined) {
        scope.dispose();
      }
    } finally {
      swapOwner(prevOwner);
      swapObserver(prevObserver);
      endBatch();
    }
  }

  _dispose(): void {
    if ((this._flags & DISPOSED) !== 0) return;
    this._flags |= DISPOSED;
    detach(this);
    if ((this._flags & RUNNING) === 0) this._destroy();
  }

  _destroy(): void {
    dropDependencies(this);
    this._fn = noop;
    this._runCleanup();
  }
}

/**
 * Runs `fn` now, and again whenever a signal or computed it read changes.
 *
 * Re-runs happen when the current batch ends (a write outside `batch` is a
 * batch of one), in creation order, each effect at most once per flush pass.
 * Dependencies are re-tracked on every run. Before each re-run and on
 * disposal, the cleanup `fn` returned runs, then everything the previous run
 * created (effects, computeds, scopes, `onCleanup` callbacks) is disposed,
 * newest first. Created inside a scope or an effect run, the effect is
 * disposed with it.
 *
 * Returns a function that disposes the effect (idempotent).
 *
 * # Errors
 * If the first run throws, the effect is disposed and the error propagates.
 * Errors of later runs propagate from the write (or `batch`) that flushed them.
 *
 * # Examples
 * ```ts
 * const name = signal("Ada");
 * const stop = effect(() => {
 *   console.log(name.value);
 *   return () => console.log("before next run");
 * });
 * name.value = "Grace"; // logs "before next run", then "Grace"
 * stop();
 * ```
 */
export function effect(fn: EffectFn): () => void {
  const node = new EffectImpl(fn);
  startBatch();
  let ok = false;
  try {
    node._run();
    ok = true;
  } finally {
    try {
      if (!ok) node._dispose();
    } finally {
      endBatch();
    }
  }
  return () => node._dispose();
}
