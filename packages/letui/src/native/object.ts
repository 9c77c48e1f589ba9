/**
 * The base of every wrapper over a native object (`Screen`, `LayoutTree`,
 * `InputDecoder`, `Terminal`): the handle, an idempotent `dispose()`, use
 * after disposal as an error, a finalizer that frees what was never
 * disposed, and shared-memory views re-mapped when the native buffers
 * move.
 */
import { disposedError } from "../errors.ts";
import type { NativeHandle } from "./types.ts";

interface Held {
  readonly what: string;
  readonly handle: NativeHandle;
  readonly free: (h: NativeHandle) => number;
}

/** With `LETUI_WARN_UNDISPOSED` set, a finalizer that had to free an object says so (through `console.warn`). */
const warnUndisposed = Boolean(process.env.LETUI_WARN_UNDISPOSED);

let finalized = 0;

const registry = new FinalizationRegistry<Held>((held) => {
  finalized++;
  held.free(held.handle);
  if (warnUndisposed) console.warn(`letui: a ${held.what} was garbage-collected without dispose(); its native memory was freed by a finalizer`);
});

/** How many native objects finalizers have freed so far (for tests and leak hunting). */
export function finalizedCount(): number {
  return finalized;
}

/** A JavaScript object owning one native handle. */
export abstract class NativeObject {
  #handle: NativeHandle | null;
  readonly #what: string;
  readonly #free: (h: NativeHandle) => number;

  /** Takes ownership of `handle`, freed with `free` by {@link dispose} or by the finalizer. */
  protected constructor(what: string, handle: NativeHandle, free: (h: NativeHandle) => number) {
    this.#handle = handle;
    this.#what = what;
    this.#free = free;
    registry.register(this, { what, handle, free }, this);
  }

  /** The live handle; throws once disposed. */
  protected get handle(): NativeHandle {
    if (this.#handle === null) throw disposedError(this.#what);
    return this.#handle;
  }

  /** True once disposed. */
  get disposed(): boolean {
    return this.#handle === null;
  }

  /** Called by {@link dispose} before the native object is freed: drop views here. */
  protected onDispose(): void {}

  /** Frees the native object. Idempotent. */
  dispose(): void {
    const h = this.#handle;
    if (h === null) return;
    this.#handle = null;
    registry.unregister(this);
    this.onDispose();
    this.#free(h);
  }

  /** Disposes at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** Views over native buffers whose word `generation` of `info` changes when they move. */
export interface ViewSet {
  /** The info block, which never moves while the object lives. */
  readonly info: Uint32Array;
}

/**
 * Shared-memory views of one native object, re-mapped (one native call)
 * only when its generation word changes.
 */
export class SharedViews<V extends ViewSet> {
  #views: V;
  #generation: number;
  readonly #map: () => V;
  readonly #word: number;
  readonly #empty: V;

  /** `map` asks the native side for the buffers; `word` is the index of the generation in `info`; `empty` replaces the views after disposal. */
  constructor(map: () => V, word: number, empty: V) {
    this.#map = map;
    this.#word = word;
    this.#empty = empty;
    this.#views = map();
    this.#generation = this.#views.info[word] ?? 0;
  }

  /** The views, re-mapped first if the buffers moved. */
  get current(): V {
    if (this.#views.info[this.#word] !== this.#generation) this.remap();
    return this.#views;
  }

  /** The views as last mapped (the info block is always current). */
  get last(): V {
    return this.#views;
  }

  /** Maps the buffers again. */
  remap(): void {
    this.#views = this.#map();
    this.#generation = this.#views.info[this.#word] ?? 0;
  }

  /** Replaces the views with empty ones (after the object is freed). */
  drop(): void {
    this.#views = this.#empty;
    this.#generation = -1;
  }
}
