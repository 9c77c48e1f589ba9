import { describe, expect, test } from "bun:test";
import { computed } from "./computed.ts";
import { subscriberCount } from "./debug.ts";
import { effect } from "./effect.ts";
import { batch, MAX_FLUSH_PASSES, untrack } from "./graph.ts";
import { onCleanup } from "./scope.ts";
import { type Signal, SignalImpl, signal } from "./signal.ts";

describe("effect", () => {
  test("runs immediately, re-runs on change, stops on dispose", () => {
    const s = signal(1);
    const seen: number[] = [];
    const stop = effect(() => {
      seen.push(s.value);
    });
    expect(seen).toEqual([1]);
    s.value = 2;
    expect(seen).toEqual([1, 2]);
    stop();
    stop(); // idempotent
    s.value = 3;
    expect(seen).toEqual([1, 2]);
    expect(subscriberCount(s)).toBe(0);
  });

  test("re-tracks dependencies on every run", () => {
    const cond = signal(true);
    const a = signal(0);
    const b = signal(0);
    let runs = 0;
    effect(() => {
      runs++;
      if (cond.value) a.value;
      else b.value;
    });
    cond.value = false;
    expect(subscriberCount(a)).toBe(0);
    a.value = 1;
    expect(runs).toBe(2);
    b.value = 1;
    expect(runs).toBe(3);
  });

  test("reuses its dependency links when re-run with the same reads", () => {
    const a = signal(0) as SignalImpl<number>;
    const b = signal(0) as SignalImpl<number>;
    effect(() => {
      a.value;
      b.value;
      a.value; // duplicate read: one link
    });
    expect(subscriberCount(a)).toBe(1);
    const linkA = a._subs;
    const linkB = b._subs;
    for (let i = 1; i < 10; i++) a.value = i;
    b.value = 1;
    expect(a._subs).toBe(linkA);
    expect(b._subs).toBe(linkB);
    expect(subscriberCount(a)).toBe(1);
  });

  test("cleanup runs before each re-run and on dispose", () => {
    const s = signal(0);
    const log: string[] = [];
    const stop = effect(() => {
      const v = s.value;
      log.push(`run ${v}`);
      onCleanup(() => log.push(`onCleanup ${v}`));
      return () => log.push(`cleanup ${v}`);
    });
    s.value = 1;
    stop();
    expect(log).toEqual([
      "run 0",
      "cleanup 0",
      "onCleanup 0",
      "run 1",
      "cleanup 1",
      "onCleanup 1",
    ]);
  });

  test("onCleanup callbacks run in reverse order", () => {
    const s = signal(0);
    const log: number[] = [];
    effect(() => {
      s.value;
      onCleanup(() => log.push(1));
      onCleanup(() => log.push(2));
      onCleanup(() => log.push(3));
    });
    s.value = 1;
    expect(log).toEqual([3, 2, 1]);
  });

  test("cleanups run untracked", () => {
    const s = signal(0);
    const other = signal(0);
    let runs = 0;
    effect(() => {
      s.value;
      runs++;
      return () => {
        other.value; // must not become a dependency
      };
    });
    s.value = 1;
    other.value = 1;
    expect(runs).toBe(2);
  });

  test("nested effects are disposed before the parent re-runs", () => {
    const outer = signal(0);
    const inner = signal(0);
    const log: string[] = [];
    effect(() => {
      const o = outer.value;
      log.push(`outer ${o}`);
      effect(() => {
        log.push(`inner ${o}/${inner.value}`);
        return () => log.push(`inner cleanup ${o}`);
      });
    });
    inner.value = 1;
    outer.value = 1;
    inner.value = 2;
    expect(log).toEqual([
      "outer 0",
      "inner 0/0",
      "inner cleanup 0",
      "inner 0/1",
      "inner cleanup 0",
      "outer 1",
      "inner 1/1",
      "inner cleanup 1",
      "inner 1/2",
    ]);
    expect(subscriberCount(inner)).toBe(1);
  });

  test("a parent and child notified together: the stale child never runs", () => {
    const s = signal(0);
    const childRuns: number[] = [];
    effect(() => {
      const v = s.value;
      effect(() => {
        childRuns.push(v * 100 + s.value);
      });
    });
    s.value = 1;
    expect(childRuns).toEqual([0, 101]);
  });

  test("effects run in creation order", () => {
    const s = signal(0);
    const order: string[] = [];
    const c = computed(() => s.value);
    effect(() => {
      c.value;
      order.push("a");
    });
    effect(() => {
      s.value;
      order.push("b");
    });
    effect(() => {
      c.value;
      s.value;
      order.push("c");
    });
    order.length = 0;
    s.value = 1;
    expect(order).toEqual(["a", "b", "c"]);
  });

  test("creation order holds when notifications arrive out of order", () => {
    const s1 = signal(0);
    const s2 = signal(0);
    const order: number[] = [];
    effect(() => {
      s2.value;
      order.push(1);
    });
    effect(() => {
      s1.value;
      order.push(2);
    });
    effect(() => {
      s2.value;
      order.push(3);
    });
    effect(() => {
      s1.value;
      s2.value;
      order.push(4);
    });
    order.length = 0;
    batch(() => {
      s1.value = 1;
      s2.value = 1;
    });
    expect(order).toEqual([1, 2, 3, 4]);
  });

  test("an effect writing a signal another effect reads", () => {
    const source = signal(1);
    const doubled = signal(0);
    const seen: number[] = [];
    effect(() => {
      seen.push(doubled.value);
    });
    effect(() => {
      doubled.value = source.value * 2;
    });
    source.value = 5;
    expect(seen).toEqual([0, 2, 10]);
  });

  test("an effect writing a signal it reads settles", () => {
    const s = signal(0);
    let runs = 0;
    effect(() => {
      runs++;
      if (s.value < 3) s.value = s.value + 1;
    });
    expect(s.peek()).toBe(3);
    expect(runs).toBe(4);
  });

  test("an infinite update loop throws a clear error", () => {
    const s = signal(0);
    let runs = 0;
    const stop = effect(() => {
      runs++;
      if (runs > 1) s.value = s.value + 1;
      else s.value;
    });
    expect(() => {
      s.value = 1;
    }).toThrow(/did not settle/);
    expect(runs).toBe(MAX_FLUSH_PASSES + 1);
    stop();
    // The graph still works afterwards.
    const t = signal(0);
    const seen: number[] = [];
    effect(() => {
      seen.push(t.value);
    });
    t.value = 1;
    expect(seen).toEqual([0, 1]);
  });

  test("effects ping-ponging through two signals are detected", () => {
    const a = signal(0);
    const b = signal(0);
    const stops = [
      effect(() => {
        b.value = a.value + 1;
      }),
    ];
    expect(() =>
      stops.push(
        effect(() => {
          a.value = b.value + 1;
        }),
      ),
    ).toThrow(/did not settle/);
    for (const stop of stops) stop();
  });

  test("after an aborted flush, notifications through computeds still work", () => {
    const s = signal(0);
    const c = computed(() => s.value);
    let runs = 0;
    const stop = effect(() => {
      runs++;
      c.value;
      if (runs > 1 && runs < 1000) s.value = s.peek() + 1;
    });
    expect(() => {
      s.value = 1;
    }).toThrow(/did not settle/);
    const before = runs;
    runs = 1000;
    s.value = -1;
    expect(runs).toBe(1001);
    expect(before).toBeGreaterThan(1);
    stop();
  });

  test("a first run that throws disposes the effect and rethrows", () => {
    const s = signal(0);
    expect(() =>
      effect(() => {
        s.value;
        throw new Error("first");
      }),
    ).toThrow("first");
    expect(subscriberCount(s)).toBe(0);
  });

  test("a throwing re-run does not stop other effects; the error reaches the writer", () => {
    const s = signal(0);
    const seen: number[] = [];
    effect(() => {
      if (s.value === 1) throw new Error("one");
    });
    effect(() => {
      seen.push(s.value);
    });
    expect(() => {
      s.value = 1;
    }).toThrow("one");
    expect(seen).toEqual([0, 1]);
    s.value = 2; // the throwing effect is still alive and fine now
    expect(seen).toEqual([0, 1, 2]);
  });

  test("an effect may dispose itself during its run", () => {
    const s = signal(0);
    let runs = 0;
    let cleanups = 0;
    const stop: () => void = effect(() => {
      runs++;
      if (s.value === 1) stop();
      return () => cleanups++;
    });
    s.value = 1;
    expect(cleanups).toBe(2);
    s.value = 2;
    expect(runs).toBe(2);
    expect(subscriberCount(s)).toBe(0);
  });

  test("disposing an effect that is queued prevents its run", () => {
    const s = signal(0);
    let runs = 0;
    let stopB = (): void => {};
    effect(() => {
      if (s.value === 1) stopB();
    });
    stopB = effect(() => {
      s.value;
      runs++;
    });
    s.value = 1;
    expect(runs).toBe(1);
  });

  test("writes inside an effect's first run are batched until the run ends", () => {
    const a = signal(0);
    const b = signal(0);
    const seen: string[] = [];
    effect(() => {
      seen.push(`${a.value},${b.value}`);
    });
    effect(() => {
      a.value = 1;
      expect(seen).toEqual(["0,0"]);
      b.value = 1;
    });
    expect(seen).toEqual(["0,0", "1,1"]);
  });
});

describe("batch", () => {
  test("effects run once at the end of the outermost batch", () => {
    const a = signal(0);
    const b = signal(0);
    const seen: string[] = [];
    effect(() => {
      seen.push(`${a.value},${b.value}`);
    });
    batch(() => {
      a.value = 1;
      batch(() => {
        b.value = 1;
        a.value = 2;
      });
      expect(seen).toEqual(["0,0"]);
    });
    expect(seen).toEqual(["0,0", "2,1"]);
  });

  test("returns fn's result", () => {
    expect(batch(() => 42)).toBe(42);
  });

  test("a write reverted within a batch is cut off by a computed", () => {
    const s = signal(0);
    const c = computed(() => s.value);
    let runs = 0;
    effect(() => {
      c.value;
      runs++;
    });
    batch(() => {
      s.value = 1;
      s.value = 0;
    });
    expect(runs).toBe(1);
  });

  test("a throw inside a batch still flushes, then rethrows", () => {
    const s = signal(0);
    const seen: number[] = [];
    effect(() => {
      seen.push(s.value);
    });
    expect(() =>
      batch(() => {
        s.value = 1;
        throw new Error("inside");
      }),
    ).toThrow("inside");
    expect(seen).toEqual([0, 1]);
    // batch bookkeeping was restored: writes flush immediately again
    s.value = 2;
    expect(seen).toEqual([0, 1, 2]);
  });

  test("fn error and flush error together become an AggregateError", () => {
    const s = signal(0);
    effect(() => {
      if (s.value === 1) throw new Error("effect");
    });
    let caught: unknown;
    try {
      batch(() => {
        s.value = 1;
        throw new Error("batch");
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AggregateError);
    expect((caught as AggregateError).errors.map((e: Error) => e.message)).toEqual([
      "batch",
      "effect",
    ]);
  });
});

describe("untrack", () => {
  test("reads inside untrack are not dependencies", () => {
    const tracked = signal(0);
    const hidden = signal(0);
    let runs = 0;
    effect(() => {
      tracked.value;
      untrack(() => hidden.value);
      runs++;
    });
    hidden.value = 1;
    expect(runs).toBe(1);
    tracked.value = 1;
    expect(runs).toBe(2);
    expect(subscriberCount(hidden)).toBe(0);
  });

  test("returns fn's result and restores tracking after a throw", () => {
    const s: Signal<number> = signal(0);
    let runs = 0;
    effect(() => {
      runs++;
      expect(untrack(() => 5)).toBe(5);
      try {
        untrack(() => {
          throw new Error("x");
        });
      } catch {
        // expected
      }
      s.value; // tracked again
    });
    s.value = 1;
    expect(runs).toBe(2);
  });
});
