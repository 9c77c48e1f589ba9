/**
 * Resources: async data as signals.
 */

import { effect } from "./effect.ts";
import { batch, untrack } from "./graph.ts";
import { type ReadonlySignal, SignalImpl } from "./signal.ts";

/** Where a resource is: no source, fetching, fetched, or failed. */
export type ResourceState = "idle" | "loading" | "ready" | "error";

/** What a fetcher receives besides the source value. */
export interface ResourceFetchInfo {
  /** Aborted when this fetch is superseded (new source, `refetch`) or the resource is disposed. */
  signal: AbortSignal;
}

/** Async data fetched from a reactive source. */
export interface Resource<T> {
  /**
   * The last fetched value. Kept while a new fetch loads and after an error;
   * undefined before the first success and while idle.
   */
  readonly data: ReadonlySignal<T | undefined>;
  /** The error of the last fetch, or undefined. */
  readonly error: ReadonlySignal<unknown>;
  /** Whether a fetch is pending (`state` is `"loading"`). */
  readonly loading: ReadonlySignal<boolean>;
  /** The resource's state. */
  readonly state: ReadonlySignal<ResourceState>;
  /** Fetches again with the current source value (aborting a pending fetch). No-op once disposed. */
  refetch(): void;
}

/**
 * Fetches `fetcher(source())` and exposes the result as signals.
 *
 * `source` is tracked: when it changes, the pending fetch is aborted and a new
 * one starts. A response that arrives after a newer fetch started, or after
 * the resource was disposed, is ignored. A source of undefined, false or null
 * makes the resource idle (no fetch; data and error cleared). Created inside a
 * scope or an effect run, the resource is disposed with it: its fetch is
 * aborted and it stops following the source.
 *
 * # Examples
 * ```ts
 * const user = resource(
 *   () => userId.value,
 *   (id, { signal }) => fetch(`/users/${id}`, { signal }).then((r) => r.json()),
 * );
 * effect(() => console.log(user.state.value, user.data.value));
 * ```
 */
export function resource<T, S>(
  source: () => S | undefined | false | null,
  fetcher: (source: S, info: ResourceFetchInfo) => Promise<T>,
): Resource<T> {
  const data = new SignalImpl<T | undefined>(undefined, undefined);
  const error = new SignalImpl<unknown>(undefined, undefined);
  const loading = new SignalImpl(false, undefined);
  const state = new SignalImpl<ResourceState>("idle", undefined);

  /** Id of the newest fetch; a settling fetch with another id is stale. */
  let request = 0;
  let controller: AbortController | undefined;
  let current: S | undefined | false | null;
  let active = false;

  const settle = (next: ResourceState, value: T | undefined, reason: unknown): void => {
    batch(() => {
      if (next === "ready") data.set(value);
      error.set(reason);
      state.set(next);
      loading.set(next === "loading");
    });
  };

  const start = (input: S | undefined | false | null): void => {
    const id = ++request;
    controller?.abort();
    controller = undefined;
    if (input === undefined || input === false || input === null) {
      batch(() => {
        data.set(undefined);
        settle("idle", undefined, undefined);
      });
      return;
    }
    const ctrl = new AbortController();
    controller = ctrl;
    settle("loading", undefined, undefined);
    let promise: Promise<T>;
    try {
      promise = Promise.resolve(fetcher(input, { signal: ctrl.signal }));
    } catch (thrown) {
      promise = Promise.reject(thrown);
    }
    promise.then(
      (value) => {
        if (id !== request) return;
        controller = undefined;
        settle("ready", value, undefined);
      },
      (reason: unknown) => {
        if (id !== request) return;
        controller = undefined;
        settle("error", undefined, reason);
      },
    );
  };

  const stop = (): void => {
    active = false;
    request++;
    controller?.abort();
    controller = undefined;
  };

  effect(() => {
    active = true;
    let input: S | undefined | false | null;
    try {
      input = source();
    } catch (thrown) {
      current = undefined;
      untrack(() => settle("error", undefined, thrown));
      return stop;
    }
    current = input;
    untrack(() => start(input));
    return stop;
  });

  return {
    data,
    error,
    loading,
    state,
    refetch(): void {
      if (active) start(current);
    },
  };
}
