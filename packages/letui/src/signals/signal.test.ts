import { describe, expect, test } from "bun:test";
import { computed } from "./computed.ts";
import { subscriberCount } from "./debug.ts";
import { effect } from "./effect.ts";
import { isSignal, type MaybeSignal, read } from "./read.ts";
import { signal } from "./signal.ts";

describe("signal", () => {
  test("get, set, update, peek", () => {
    const s = signal(1);
    expect(s.value).toBe(1);
    s.value = 2;
    expect(s.value).toBe(2);
    s.set(3);
    expect(s.peek()).toBe(3);
    s.update((n) => n * 10);
    expect(s.value).toBe(30);
  });

  test("a write notifies only when the value changes (Object.is)", () => {
    const s = signal(Number.NaN);
    let runs = 0;
    effect(() => {
      s.value;
      runs++;
    });
    s.value = Number.NaN;
    expect(runs).toBe(1);
    s.value = 0;
    expect(runs).toBe(2);
    s.value = -0;
    expect(runs).toBe(3);
    s.value = -0;
    expect(runs).toBe(3);
  });

  test("custom equality cuts off notifications", () => {
    const s = signal({ x: 1 }, { equals: (a, b) => a.x === b.x });
    let runs = 0;
    effect(() => {
      s.value;
      runs++;
    });
    s.value = { x: 1 };
    expect(runs).toBe(1);
    s.value = { x: 2 };
    expect(runs).toBe(2);
  });

  test("peek does not subscribe", () => {
    const s = signal(1);
    let runs = 0;
    effect(() => {
      s.peek();
      runs++;
    });
    expect(subscriberCount(s)).toBe(0);
    s.value = 2;
    expect(runs).toBe(1);
  });

  test("update reads without tracking", () => {
    const s = signal(0);
    const other = signal(0);
    let runs = 0;
    effect(() => {
      other.value;
      s.update((n) => n + 1);
      runs++;
    });
    expect(s.peek()).toBe(1);
    other.value = 1;
    expect(runs).toBe(2);
    expect(s.peek()).toBe(2);
  });
});

describe("isSignal and read", () => {
  test("isSignal recognizes signals and computeds only", () => {
    expect(isSignal(signal(1))).toBe(true);
    expect(isSignal(computed(() => 1))).toBe(true);
    expect(isSignal(1)).toBe(false);
    expect(isSignal({ value: 1, peek: () => 1 })).toBe(false);
    expect(isSignal(null)).toBe(false);
    expect(isSignal(undefined)).toBe(false);
  });

  test("read returns plain values and reads signals with tracking", () => {
    const s = signal("a");
    const props: { text: MaybeSignal<string>; width: MaybeSignal<number> } = { text: s, width: 3 };
    const seen: string[] = [];
    effect(() => {
      seen.push(`${read(props.text)}:${read(props.width)}`);
    });
    s.value = "b";
    expect(seen).toEqual(["a:3", "b:3"]);
  });

  test("isSignal narrows a MaybeSignal", () => {
    const value: MaybeSignal<number> = signal(4);
    const n: number = isSignal(value) ? value.peek() : value;
    expect(n).toBe(4);
  });
});

describe("subscriberCount", () => {
  test("counts effects and subscribed computeds", () => {
    const s = signal(1);
    const c = computed(() => s.value);
    expect(subscriberCount(s)).toBe(0);
    c.value; // unobserved: pulls, does not subscribe
    expect(subscriberCount(s)).toBe(0);
    const stop1 = effect(() => {
      s.value;
    });
    expect(subscriberCount(s)).toBe(1);
    const stop2 = effect(() => {
      c.value;
    });
    expect(subscriberCount(s)).toBe(2);
    expect(subscriberCount(c)).toBe(1);
    stop2();
    expect(subscriberCount(c)).toBe(0);
    expect(subscriberCount(s)).toBe(1);
    stop1();
    expect(subscriberCount(s)).toBe(0);
  });

  test("rejects foreign objects", () => {
    expect(() => subscriberCount({ value: 1, peek: () => 1 })).toThrow(TypeError);
  });
});
