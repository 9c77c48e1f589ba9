import { describe, expect, test } from "bun:test";
import { computed } from "./computed.ts";
import { subscriberCount } from "./debug.ts";
import { effect } from "./effect.ts";
import { batch, untrack } from "./graph.ts";
import { createScope } from "./scope.ts";
import { signal } from "./signal.ts";

describe("computed", () => {
  test("lazy: never runs if never read", () => {
    const s = signal(1);
    let runs = 0;
    computed(() => {
      runs++;
      return s.value;
    });
    s.value = 2;
    s.value = 3;
    expect(runs).toBe(0);
  });

  test("cached: runs once per change, however often read", () => {
    const s = signal(1);
    let runs = 0;
    const c = computed(() => {
      runs++;
      return s.value * 2;
    });
    expect(c.value).toBe(2);
    expect(c.value).toBe(2);
    expect(c.peek()).toBe(2);
    expect(runs).toBe(1);
    s.value = 5;
    s.value = 6;
    expect(runs).toBe(1); // still lazy
    expect(c.value).toBe(12);
    expect(c.value).toBe(12);
    expect(runs).toBe(2);
  });

  test("unobserved computeds stay correct through chains", () => {
    const s = signal(1);
    const a = computed(() => s.value + 1);
    const b = computed(() => a.value * 2);
    expect(b.value).toBe(4);
    s.value = 2;
    expect(b.value).toBe(6);
    expect(a.value).toBe(3);
  });

  test("diamond: d runs once per change and never sees a glitch", () => {
    const a = signal(1);
    let bRuns = 0;
    let cRuns = 0;
    let dRuns = 0;
    const b = computed(() => {
      bRuns++;
      return a.value * 2;
    });
    const c = computed(() => {
      cRuns++;
      return a.value * 3;
    });
    const seen: Array<[number, number]> = [];
    const d = computed(() => {
      dRuns++;
      seen.push([b.value, c.value]);
      return b.value + c.value;
    });
    const out: number[] = [];
    effect(() => {
      out.push(d.value);
    });
    for (let i = 2; i <= 5; i++) a.value = i;
    expect(out).toEqual([5, 10, 15, 20, 25]);
    expect([bRuns, cRuns, dRuns]).toEqual([5, 5, 5]);
    for (const [bv, cv] of seen) expect(bv / 2).toBe(cv / 3);
  });

  test("diamond read without effects is glitch-free too", () => {
    const a = signal(1);
    const b = computed(() => a.value + 1);
    const c = computed(() => a.value + 2);
    let runs = 0;
    const d = computed(() => {
      runs++;
      return `${b.value}/${c.value}`;
    });
    expect(d.value).toBe("2/3");
    a.value = 10;
    expect(d.value).toBe("11/12");
    expect(runs).toBe(2);
  });

  test("equality cut-off: an unchanged computed does not re-run dependents", () => {
    const s = signal(1);
    const parity = computed(() => s.value % 2);
    let downstream = 0;
    const label = computed(() => {
      downstream++;
      return parity.value === 0 ? "even" : "odd";
    });
    let effects = 0;
    effect(() => {
      label.value;
      effects++;
    });
    s.value = 3;
    s.value = 5;
    expect(downstream).toBe(1);
    expect(effects).toBe(1);
    s.value = 4;
    expect(downstream).toBe(2);
    expect(effects).toBe(2);
  });

  test("custom equality on computed", () => {
    const s = signal([1, 2]);
    const copy = computed(() => [...s.value], {
      equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
    });
    let runs = 0;
    effect(() => {
      copy.value;
      runs++;
    });
    s.value = [1, 2];
    expect(runs).toBe(1);
    s.value = [1, 3];
    expect(runs).toBe(2);
  });

  test("dynamic dependencies: the branch not taken is unsubscribed", () => {
    const cond = signal(true);
    const a = signal("a");
    const b = signal("b");
    let runs = 0;
    const c = computed(() => {
      runs++;
      return cond.value ? a.value : b.value;
    });
    const out: string[] = [];
    effect(() => {
      out.push(c.value);
    });
    expect(subscriberCount(a)).toBe(1);
    expect(subscriberCount(b)).toBe(0);
    cond.value = false;
    expect(subscriberCount(a)).toBe(0);
    expect(subscriberCount(b)).toBe(1);
    a.value = "A"; // not a dependency any more
    expect(runs).toBe(2);
    b.value = "B";
    expect(out).toEqual(["a", "b", "B"]);
    cond.value = true;
    expect(subscriberCount(a)).toBe(1);
    expect(subscriberCount(b)).toBe(0);
    expect(out).toEqual(["a", "b", "B", "A"]);
  });

  test("dependencies read in a new order are kept, old ones dropped", () => {
    const s = [signal(0), signal(1), signal(2), signal(3)] as const;
    const order = signal([0, 1, 2, 3]);
    const c = computed(() => order.value.map((i) => s[i as 0 | 1 | 2 | 3].value).join(","));
    const out: string[] = [];
    effect(() => {
      out.push(c.value);
    });
    order.value = [3, 1, 1, 0];
    expect(out.at(-1)).toBe("3,1,1,0");
    expect(s.map((x) => subscriberCount(x))).toEqual([1, 1, 0, 1]);
    s[2].value = 20;
    expect(out.length).toBe(2);
    s[3].value = 30;
    expect(out.at(-1)).toBe("30,1,1,0");
  });

  test("errors are cached and rethrown until a dependency changes", () => {
    const s = signal(0);
    let runs = 0;
    const c = computed(() => {
      runs++;
      if (s.value < 0) throw new Error(`negative: ${s.value}`);
      return s.value;
    });
    expect(c.value).toBe(0);
    s.value = -1;
    expect(() => c.value).toThrow("negative: -1");
    expect(() => c.value).toThrow("negative: -1");
    expect(() => c.peek()).toThrow("negative: -1");
    expect(runs).toBe(2);
    s.value = 5;
    expect(c.value).toBe(5);
    expect(runs).toBe(3);
  });

  test("the same error object is rethrown", () => {
    const boom = new Error("boom");
    const c = computed(() => {
      throw boom;
    });
    let caught: unknown;
    try {
      c.value;
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(boom);
  });

  test("an error propagates to dependents and recovers", () => {
    const s = signal(1);
    const c = computed(() => {
      if (s.value === 0) throw new Error("zero");
      return 10 / s.value;
    });
    const d = computed(() => c.value + 1);
    const seen: string[] = [];
    effect(() => {
      try {
        seen.push(String(d.value));
      } catch (e) {
        seen.push((e as Error).message);
      }
    });
    s.value = 0;
    s.value = 2;
    expect(seen).toEqual(["11", "zero", "6"]);
  });

  test("self-read throws a cycle error", () => {
    const c: { value: number } = computed((): number => c.value + 1);
    expect(() => c.value).toThrow(/cycle/);
  });

  test("indirect cycle throws instead of overflowing, and recovers when broken", () => {
    const useCycle = signal(true);
    const a = computed((): number => (useCycle.value ? b.value + 1 : 0));
    const b: { value: number } = computed((): number => a.value + 1);
    expect(() => a.value).toThrow(/cycle/);
    expect(() => b.value).toThrow(/cycle/);
    useCycle.value = false;
    expect(a.value).toBe(0);
    expect(b.value).toBe(1);
  });

  test("writing a signal inside a computed throws (untrack allows it)", () => {
    const s = signal(0);
    const t = signal(0);
    const bad = computed(() => {
      t.value = s.value;
      return 1;
    });
    expect(() => bad.value).toThrow(/must not write/);
    const allowed = computed(() => {
      untrack(() => {
        t.value = 7;
      });
      return 2;
    });
    expect(allowed.value).toBe(2);
    expect(t.peek()).toBe(7);
  });

  test("reads inside a batch see fresh values", () => {
    const s = signal(1);
    const c = computed(() => s.value * 2);
    effect(() => {
      c.value;
    });
    batch(() => {
      s.value = 4;
      expect(c.value).toBe(8);
    });
  });

  test("a deep chain updates", () => {
    const s = signal(0);
    let node: { value: number } = s;
    for (let i = 0; i < 1000; i++) {
      const prev = node;
      node = computed(() => prev.value + 1);
    }
    const last = node;
    let out = 0;
    effect(() => {
      out = last.value;
    });
    expect(out).toBe(1000);
    s.value = 5;
    expect(out).toBe(1005);
  });

  test("a disposed computed unsubscribes and keeps its last value", () => {
    const s = signal(1);
    const scope = createScope();
    const c = scope.run(() => computed(() => s.value * 2));
    let seen = 0;
    const stop = effect(() => {
      seen = c.value;
    });
    expect(subscriberCount(s)).toBe(1);
    scope.dispose();
    expect(subscriberCount(s)).toBe(0);
    s.value = 5;
    expect(c.value).toBe(2);
    expect(seen).toBe(2);
    stop();
    expect(subscriberCount(c)).toBe(0);
  });

  test("a computed disposed before its first read computes once, untracked", () => {
    const s = signal(3);
    const scope = createScope();
    const c = scope.run(() => computed(() => s.value + 1));
    scope.dispose();
    expect(c.value).toBe(4);
    expect(subscriberCount(s)).toBe(0);
  });
});
