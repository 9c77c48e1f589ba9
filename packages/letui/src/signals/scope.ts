/**
 * Ownership scopes: who disposes the effects, computeds, child scopes and
 * cleanup callbacks created while some code runs.
 *
 * The current owner is either a `Scope` (inside `scope.run`) or a running
 * effect. An effect owns what its run creates through a run scope, made on
 * first need and disposed before the effect's next run and on its disposal.
 */

import { endBatch, startBatch, swapObserver } from "./graph.ts";

/** A group of reactive nodes and cleanups that are disposed together. */
export interface Scope {
  /**
   * Runs `fn` with this scope as the owner and without tracking, and returns
   * its result: effects, computeds, scopes and `onCleanup` callbacks created
   * during `fn` belong to this scope.
   *
   * # Errors
   * Throws if the scope is disposed.
   */
  run<T>(fn: () => T): T;
  /**
   * Disposes everything the scope owns, newest first: child scopes, effects
   * (their cleanups run), computeds (unsubscribed from their sources) and
   * `onCleanup` callbacks. Idempotent. Effects queued by writes made during
   * disposal run after it, and disposed ones never run.
   *
   * # Errors
   * Every owned item is disposed even if some throw; the first error is
   * rethrown at the end.
   */
  dispose(): void;
  /** Whether `dispose` was called. */
  readonly disposed: boolean;
}

/** Internal: an item a scope owns, in an intrusive doubly linked list. */
export interface Owned {
  _owner: ScopeImpl | undefined;
  _prevOwned: Owned | undefined;
  _nextOwned: Owned | undefined;
  _dispose(): void;
}

/** Internal: the current owner (a scope, or an effect during its run). */
export interface Owner {
  /** The scope that adopts items created under this owner. */
  _ownScope(): ScopeImpl;
}

let currentOwner: Owner | undefined;

/** Sets the current owner and returns the previous one (restore it in `finally`). */
export function swapOwner(next: Owner | undefined): Owner | undefined {
  const prev = currentOwner;
  currentOwner = next;
  return prev;
}

/** The scope that would own an item created now, if any. */
export function currentScope(): ScopeImpl | undefined {
  return currentOwner === undefined ? undefined : currentOwner._ownScope();
}

/** Gives `item` to the current scope, if there is one. */
export function adopt(item: Owned): void {
  const scope = currentScope();
  if (scope !== undefined) scope._adopt(item);
}

/** Removes `item` from its owner's list (no-op when unowned). */
export function detach(item: Owned): void {
  const owner = item._owner;
  if (owner === undefined) return;
  const prev = item._prevOwned;
  const next = item._nextOwned;
  if (prev !== undefined) prev._nextOwned = next;
  else owner._head = next;
  if (next !== undefined) next._prevOwned = prev;
  else owner._tail = prev;
  item._owner = undefined;
  item._prevOwned = undefined;
  item._nextOwned = undefined;
}

/** Internal: the scope implementation. */
export class ScopeImpl implements Scope, Owned, Owner {
  _owner: ScopeImpl | undefined = undefined;
  _prevOwned: Owned | undefined = undefined;
  _nextOwned: Owned | undefined = undefined;
  _head: Owned | undefined = undefined;
  _tail: Owned | undefined = undefined;
  _disposed = false;

  constructor(parent: ScopeImpl | undefined) {
    if (parent !== undefined) parent._adopt(this);
  }

  get disposed(): boolean {
    return this._disposed;
  }

  _ownScope(): ScopeImpl {
    return this;
  }

  _adopt(item: Owned): void {
    if (this._disposed) {
      throw new Error("letui signals: cannot create reactive nodes in a disposed scope");
    }
    const tail = this._tail;
    item._owner = this;
    item._prevOwned = tail;
    item._nextOwned = undefined;
    if (tail !== undefined) tail._nextOwned = item;
    else this._head = item;
    this._tail = item;
  }

  run<T>(fn: () => T): T {
    if (this._disposed) {
      throw new Error("letui signals: Scope.run() called on a disposed scope");
    }
    const prevOwner = swapOwner(this);
    const prevObserver = swapObserver(undefined);
    try {
      return fn();
    } finally {
      swapObserver(prevObserver);
      swapOwner(prevOwner);
    }
  }

  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    detach(this);
    let failed = false;
    let error: unknown;
    const prevOwner = swapOwner(undefined);
    const prevObserver = swapObserver(undefined);
    startBatch();
    try {
      let item = this._tail;
      this._head = undefined;
      this._tail = undefined;
      while (item !== undefined) {
        const prev: Owned | undefined = item._prevOwned;
        item._owner = undefined;
        item._prevOwned = undefined;
        item._nextOwned = undefined;
        try {
          item._dispose();
        } catch (err) {
          if (!failed) {
            failed = true;
            error = err;
          }
        }
        item = prev;
      }
    } finally {
      swapObserver(prevObserver);
      swapOwner(prevOwner);
      endBatch();
    }
    if (failed) throw error;
  }

  _dispose(): void {
    this.dispose();
  }
}

class CleanupNode implements Owned {
  _owner: ScopeImpl | undefined = undefined;
  _prevOwned: Owned | undefined = undefined;
  _nextOwned: Owned | undefined = undefined;
  _fn: () => void;

  constructor(fn: () => void) {
    this._fn = fn;
  }

  _dispose(): void {
    this._fn();
  }
}

/**
 * Creates a scope. Inside another scope or an effect run, it is a child of
 * that owner and is disposed with it.
 *
 * # Examples
 * ```ts
 * const scope = createScope();
 * scope.run(() => {
 *   effect(() => console.log(count.value));
 *   onCleanup(() => console.log("bye"));
 * });
 * scope.dispose(); // the effect stops, "bye" is printed
 * ```
 */
export function createScope(): Scope {
  return new ScopeImpl(currentScope());
}

/**
 * The current scope: the one running (`scope.run`), or inside an effect the
 * scope of the effect's current run (disposed before its next run).
 * Undefined at top level and inside computeds.
 */
export function getScope(): Scope | undefined {
  return currentScope();
}

/**
 * Registers `fn` to run when the current scope is disposed, or inside an
 * effect, before the effect's next run and on its disposal.
 *
 * # Errors
 * Throws when there is no current scope or effect (top level, computeds).
 */
export function onCleanup(fn: () => void): void {
  const scope = currentScope();
  if (scope === undefined) {
    throw new Error("letui signals: onCleanup() called outside a scope or effect");
  }
  scope._adopt(new CleanupNode(fn));
}
