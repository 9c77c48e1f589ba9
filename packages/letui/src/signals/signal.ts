/**
 * Writable signals: the sources of the reactive graph.
 */

import {
  IS_COMPUTED,
  type Link,
  type SourceNode,
  bumpGlobalVersion,
  endBatch,
  observer,
  pushSub,
  removeSub,
  startBatch,
  track,
} from "./graph.ts";

/** Options shared by `signal` and `computed`. */
export interface SignalOptions<T> {
  /**
   * Decides whether a new value equals the current one; an equal value is not
   * stored and notifies nobody.
   * @default Object.is
   */
  equals?: (a: T, b: T) => boolean;
}

/** A reactive value that can be read (tracked) but not written. */
export interface ReadonlySignal<T> {
  /** The current value; reading it inside a computed or effect subscribes to it. */
  readonly value: T;
  /** The current value, read without subscribing. */
  peek(): T;
}

/** A writable reactive value. */
export interface Signal<T> extends ReadonlySignal<T> {
  /** The current value; assigning a value not equal to it notifies dependents. */
  value: T;
  /** Same as assigning `value`. */
  set(value: T): void;
  /** Sets the value to `fn(current)`; the current value is read without tracking. */
  update(fn: (value: T) => T): void;
}

/** Internal: the signal node. */
export class SignalImpl<T> implements Signal<T>, SourceNode {
  _value: T;
  _equals: (a: T, b: T) => boolean;
  _version = 0;
  _node: Link | undefined = undefined;
  _subs: Link | undefined = undefined;
  _flags = 0;
  _deps: Link | undefined = undefined;

  constructor(value: T, options: SignalOptions<T> | undefined) {
    this._value = value;
    this._equals = options?.equals ?? Object.is;
  }

  get value(): T {
    track(this);
    return this._value;
  }

  set value(value: T) {
    this.set(value);
  }

  peek(): T {
    return this._value;
  }

  set(value: T): void {
    if (observer !== undefined && (observer._flags & IS_COMPUTED) !== 0) {
      throw new Error(
        "letui signals: a computed must not write signals (move the write into an effect, " +
          "or wrap it in untrack() if you really mean it)",
      );
    }
    if (this._equals(this._value, value)) return;
    this._value = value;
    this._version++;
    bumpGlobalVersion();
    startBatch();
    try {
      for (let link = this._subs; link !== undefined; link = link.nextSub) {
        link.target._notify();
      }
    } finally {
      endBatch();
    }
  }

  update(fn: (value: T) => T): void {
    this.set(fn(this._value));
  }

  _refresh(): boolean {
    return true;
  }

  _subscribe(link: Link): void {
    pushSub(this, link);
  }

  _unsubscribe(link: Link): void {
    removeSub(this, link);
  }
}

/**
 * Creates a writable signal holding `initial`.
 *
 * # Examples
 * ```ts
 * const count = signal(0);
 * count.value++; // notifies dependents
 * count.update((n) => n + 1);
 * ```
 */
export function signal<T>(initial: T, options?: SignalOptions<T>): Signal<T> {
  return new SignalImpl(initial, options);
}
