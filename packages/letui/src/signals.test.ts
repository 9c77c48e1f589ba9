import { expect, test } from "bun:test";
import {
  batch,
  computed,
  createScope,
  effect,
  getScope,
  isSignal,
  onCleanup,
  read,
  resource,
  signal,
  subscriberCount,
  untrack,
} from "./signals.ts";

test("the public surface is exported", () => {
  for (const fn of [
    batch,
    computed,
    createScope,
    effect,
    getScope,
    isSignal,
    onCleanup,
    read,
    resource,
    signal,
    subscriberCount,
    untrack,
  ]) {
    expect(typeof fn).toBe("function");
  }
});

test("10,000 scopes created and disposed against shared sources leave no subscribers", async () => {
  const a = signal(0);
  const b = signal(0);
  const shared = computed(() => a.value + b.value); // long-lived, read by scoped nodes
  let effectRuns = 0;
  let cleanups = 0;
  let fetches = 0;
  const pending: Array<(value: number) => void> = [];

  for (let i = 0; i < 10_000; i++) {
    const scope = createScope();
    scope.run(() => {
      const local = computed(() => a.value * 2 + shared.value);
      effect(() => {
        effectRuns++;
        local.value;
        b.value;
        return () => cleanups++;
      });
      const child = createScope();
      child.run(() => {
        effect(() => {
          effectRuns++;
          if (a.value % 2 === 0) shared.value;
          effect(() => {
            effectRuns++;
            b.value;
          });
        });
        onCleanup(() => cleanups++);
      });
      resource(
        () => (b.value % 3 === 0 ? b.value : undefined),
        (n) => {
          fetches++;
          return new Promise<number>((resolve) => pending.push(() => resolve(n)));
        },
      );
    });
    if (i % 100 === 0) {
      // Exercise updates while the scope is alive.
      batch(() => {
        a.value++;
        b.value++;
      });
    }
    scope.dispose();
  }

  expect(subscriberCount(a)).toBe(0);
  expect(subscriberCount(b)).toBe(0);
  expect(subscriberCount(shared)).toBe(0);
  expect(cleanups).toBeGreaterThanOrEqual(20_000);

  const runsAfterDispose = effectRuns;
  const fetchesAfterDispose = fetches;
  a.value++;
  b.value++;
  batch(() => {
    a.value = 3;
    b.value = 3;
  });
  for (const resolve of pending) resolve(0);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(effectRuns).toBe(runsAfterDispose);
  expect(fetches).toBe(fetchesAfterDispose);
});

test("a component-like tree: props as signals or values, disposed as a unit", () => {
  const text = signal("hi");
  const rendered: string[] = [];
  function label(props: { text: string | { readonly value: string; peek(): string } }): void {
    effect(() => {
      rendered.push(read(props.text));
    });
    onCleanup(() => rendered.push("unmount"));
  }
  const root = createScope();
  root.run(() => {
    label({ text });
    label({ text: "static" });
  });
  text.value = "there";
  root.dispose();
  text.value = "ignored";
  expect(rendered).toEqual(["hi", "static", "there", "unmount", "unmount"]);
  expect(subscriberCount(text)).toBe(0);
});

test("untrack and getScope from the public module", () => {
  const s = signal(1);
  expect(untrack(() => s.value)).toBe(1);
  expect(getScope()).toBeUndefined();
  expect(isSignal(s)).toBe(true);
});
