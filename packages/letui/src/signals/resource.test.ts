import { describe, expect, test } from "bun:test";
import { subscriberCount } from "./debug.ts";
import { effect } from "./effect.ts";
import { resource } from "./resource.ts";
import { createScope } from "./scope.ts";
import { signal } from "./signal.ts";

/** A promise settled by hand. */
interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A fetcher whose calls are recorded and settled by the test. */
function controlledFetcher<S, T>() {
  const calls: Array<{ source: S; signal: AbortSignal; deferred: Deferred<T> }> = [];
  const fetcher = (source: S, info: { signal: AbortSignal }): Promise<T> => {
    const d = deferred<T>();
    calls.push({ source, signal: info.signal, deferred: d });
    return d.promise;
  };
  return { calls, fetcher };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function call<T>(list: T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no call #${i}`);
  return item;
}

describe("resource", () => {
  test("loading, then data", async () => {
    const id = signal(1);
    const { calls, fetcher } = controlledFetcher<number, string>();
    const scope = createScope();
    const r = scope.run(() => resource(() => id.value, fetcher));
    expect(r.state.value).toBe("loading");
    expect(r.loading.value).toBe(true);
    expect(r.data.value).toBeUndefined();
    expect(calls.map((c) => c.source)).toEqual([1]);
    call(calls, 0).deferred.resolve("one");
    await tick();
    expect(r.state.value).toBe("ready");
    expect(r.loading.value).toBe(false);
    expect(r.data.value).toBe("one");
    expect(r.error.value).toBeUndefined();
    scope.dispose();
  });

  test("effects observe the transitions", async () => {
    const { calls, fetcher } = controlledFetcher<string, number>();
    const scope = createScope();
    const seen: string[] = [];
    scope.run(() => {
      const r = resource(() => "x", fetcher);
      effect(() => {
        seen.push(`${r.state.value}:${r.data.value}`);
      });
    });
    call(calls, 0).deferred.resolve(5);
    await tick();
    expect(seen).toEqual(["loading:undefined", "ready:5"]);
    scope.dispose();
  });

  test("a rejected fetch sets error, keeps data, and recovers on refetch", async () => {
    const { calls, fetcher } = controlledFetcher<number, string>();
    const scope = createScope();
    const r = scope.run(() => resource(() => 1, fetcher));
    call(calls, 0).deferred.resolve("first");
    await tick();
    r.refetch();
    expect(r.state.value).toBe("loading");
    expect(r.data.value).toBe("first");
    const failure = new Error("offline");
    call(calls, 1).deferred.reject(failure);
    await tick();
    expect(r.state.value).toBe("error");
    expect(r.error.value).toBe(failure);
    expect(r.loading.value).toBe(false);
    expect(r.data.value).toBe("first");
    r.refetch();
    call(calls, 2).deferred.resolve("second");
    await tick();
    expect(r.state.value).toBe("ready");
    expect(r.error.value).toBeUndefined();
    expect(r.data.value).toBe("second");
    scope.dispose();
  });

  test("a fetcher that throws synchronously is an error", async () => {
    const scope = createScope();
    const r = scope.run(() =>
      resource(
        () => 1,
        (): Promise<number> => {
          throw new Error("sync");
        },
      ),
    );
    await tick();
    expect(r.state.value).toBe("error");
    expect((r.error.value as Error).message).toBe("sync");
    scope.dispose();
  });

  test("a source that throws is an error", () => {
    const scope = createScope();
    const r = scope.run(() =>
      resource(
        (): number => {
          throw new Error("bad source");
        },
        async (n: number) => n,
      ),
    );
    expect(r.state.value).toBe("error");
    expect((r.error.value as Error).message).toBe("bad source");
    scope.dispose();
  });

  test("a stale response is ignored and the previous fetch aborted", async () => {
    const query = signal("a");
    const { calls, fetcher } = controlledFetcher<string, string>();
    const scope = createScope();
    const r = scope.run(() => resource(() => query.value, fetcher));
    query.value = "ab";
    expect(calls.length).toBe(2);
    expect(call(calls, 0).signal.aborted).toBe(true);
    expect(call(calls, 1).signal.aborted).toBe(false);
    call(calls, 1).deferred.resolve("result ab");
    await tick();
    call(calls, 0).deferred.resolve("result a"); // late answer to the old query
    await tick();
    expect(r.data.value).toBe("result ab");
    expect(r.state.value).toBe("ready");
    scope.dispose();
  });

  test("a stale rejection is ignored too", async () => {
    const query = signal(1);
    const { calls, fetcher } = controlledFetcher<number, string>();
    const scope = createScope();
    const r = scope.run(() => resource(() => query.value, fetcher));
    query.value = 2;
    call(calls, 0).deferred.reject(new DOMException("aborted", "AbortError"));
    await tick();
    expect(r.state.value).toBe("loading");
    expect(r.error.value).toBeUndefined();
    call(calls, 1).deferred.resolve("two");
    await tick();
    expect(r.data.value).toBe("two");
    scope.dispose();
  });

  test("refetch aborts the pending fetch", async () => {
    const { calls, fetcher } = controlledFetcher<number, string>();
    const scope = createScope();
    const r = scope.run(() => resource(() => 1, fetcher));
    r.refetch();
    expect(call(calls, 0).signal.aborted).toBe(true);
    call(calls, 0).deferred.resolve("old");
    call(calls, 1).deferred.resolve("new");
    await tick();
    expect(r.data.value).toBe("new");
    scope.dispose();
  });

  test("undefined, false and null sources mean idle", async () => {
    const id = signal<number | undefined | false | null>(undefined);
    const { calls, fetcher } = controlledFetcher<number, string>();
    const scope = createScope();
    const r = scope.run(() => resource(() => id.value, fetcher));
    expect(r.state.value).toBe("idle");
    expect(r.loading.value).toBe(false);
    expect(calls.length).toBe(0);
    id.value = 3;
    call(calls, 0).deferred.resolve("three");
    await tick();
    expect(r.data.value).toBe("three");
    id.value = false;
    expect(r.state.value).toBe("idle");
    expect(r.data.value).toBeUndefined();
    id.value = 4;
    id.value = null;
    expect(call(calls, 1).signal.aborted).toBe(true);
    expect(r.state.value).toBe("idle");
    call(calls, 1).deferred.resolve("four");
    await tick();
    expect(r.state.value).toBe("idle");
    expect(r.data.value).toBeUndefined();
    expect(calls.length).toBe(2);
    scope.dispose();
  });

  test("dispose while pending: aborted, response ignored, source unsubscribed", async () => {
    const id = signal(1);
    const { calls, fetcher } = controlledFetcher<number, string>();
    const scope = createScope();
    const r = scope.run(() => resource(() => id.value, fetcher));
    expect(subscriberCount(id)).toBe(1);
    scope.dispose();
    expect(subscriberCount(id)).toBe(0);
    expect(call(calls, 0).signal.aborted).toBe(true);
    call(calls, 0).deferred.resolve("late");
    await tick();
    expect(r.data.value).toBeUndefined();
    expect(r.state.value).toBe("loading");
    id.value = 2;
    r.refetch();
    expect(calls.length).toBe(1);
  });

  test("a resource created in an effect run is replaced on re-run", async () => {
    const user = signal("ada");
    const { calls, fetcher } = controlledFetcher<string, string>();
    const stop = effect(() => {
      const name = user.value;
      resource(() => name, fetcher);
    });
    user.value = "grace";
    expect(calls.map((c) => [c.source, c.signal.aborted])).toEqual([
      ["ada", true],
      ["grace", false],
    ]);
    stop();
    expect(call(calls, 1).signal.aborted).toBe(true);
  });
});
