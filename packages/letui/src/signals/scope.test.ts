import { describe, expect, test } from "bun:test";
import { computed } from "./computed.ts";
import { subscriberCount } from "./debug.ts";
import { effect } from "./effect.ts";
import { batch } from "./graph.ts";
import { createScope, getScope, onCleanup } from "./scope.ts";
import { signal } from "./signal.ts";

describe("scope", () => {
  test("run returns fn's result and sets the current scope", () => {
    const scope = createScope();
    expect(getScope()).toBeUndefined();
    expect(scope.run(() => getScope())).toBe(scope);
    expect(scope.run(() => 7)).toBe(7);
    expect(getScope()).toBeUndefined();
  });

  test("dispose stops effects, runs cleanups in reverse order, is idempotent", () => {
    const s = signal(0);
    const log: string[] = [];
    const scope = createScope();
    scope.run(() => {
      onCleanup(() => log.push("cleanup 1"));
      effect(() => {
        log.push(`effect ${s.value}`);
        return () => log.push("effect cleanup");
      });
      onCleanup(() => log.push("cleanup 2"));
    });
    s.value = 1;
    expect(scope.disposed).toBe(false);
    scope.dispose();
    expect(scope.disposed).toBe(true);
    scope.dispose();
    s.value = 2;
    expect(log).toEqual([
      "effect 0",
      "effect cleanup",
      "effect 1",
      "cleanup 2",
      "effect cleanup",
      "cleanup 1",
    ]);
    expect(subscriberCount(s)).toBe(0);
  });

  test("nested scopes are disposed with their parent, children first if newer", () => {
    const log: string[] = [];
    const parent = createScope();
    const child = parent.run(() => {
      onCleanup(() => log.push("parent cleanup"));
      const c = createScope();
      c.run(() => onCleanup(() => log.push("child cleanup")));
      return c;
    });
    parent.dispose();
    expect(child.disposed).toBe(true);
    expect(log).toEqual(["child cleanup", "parent cleanup"]);
  });

  test("a child scope disposed early leaves its parent", () => {
    const log: string[] = [];
    const parent = createScope();
    const child = parent.run(() => createScope());
    child.run(() => onCleanup(() => log.push("child")));
    child.dispose();
    expect(log).toEqual(["child"]);
    parent.dispose();
    expect(log).toEqual(["child"]);
  });

  test("scope.run does not track reads for the surrounding effect", () => {
    const s = signal(0);
    let runs = 0;
    const scope = createScope();
    effect(() => {
      runs++;
      scope.run(() => s.value);
    });
    s.value = 1;
    expect(runs).toBe(1);
    scope.dispose();
  });

  test("run on a disposed scope throws", () => {
    const scope = createScope();
    scope.dispose();
    expect(() => scope.run(() => 1)).toThrow(/disposed scope/);
  });

  test("onCleanup outside any scope throws", () => {
    expect(() => onCleanup(() => {})).toThrow(/outside a scope/);
  });

  test("onCleanup inside a computed throws", () => {
    const c = computed(() => {
      onCleanup(() => {});
      return 1;
    });
    expect(() => c.value).toThrow(/outside a scope/);
  });

  test("an effect disposed by hand leaves its scope", () => {
    const s = signal(0);
    let cleanups = 0;
    const scope = createScope();
    const stop = scope.run(() =>
      effect(() => {
        s.value;
        return () => cleanups++;
      }),
    );
    stop();
    expect(cleanups).toBe(1);
    scope.dispose();
    expect(cleanups).toBe(1);
  });

  test("getScope inside an effect is the effect's run scope", () => {
    const s = signal(0);
    const log: string[] = [];
    effect(() => {
      const v = s.value;
      const scope = getScope();
      expect(scope).toBeDefined();
      scope?.run(() => onCleanup(() => log.push(`run ${v} over`)));
    });
    s.value = 1;
    expect(log).toEqual(["run 0 over"]);
  });

  test("scopes and computeds created in an effect run are disposed before the next run", () => {
    const trigger = signal(0);
    const src = signal(0);
    const scopes: Array<{ disposed: boolean }> = [];
    effect(() => {
      trigger.value;
      scopes.push(createScope());
      const c = computed(() => src.value);
      effect(() => {
        c.value;
      });
    });
    expect(subscriberCount(src)).toBe(1);
    trigger.value = 1;
    expect(scopes.map((s) => s.disposed)).toEqual([true, false]);
    expect(subscriberCount(src)).toBe(1);
  });

  test("every item is disposed even if a cleanup throws; the first error is rethrown", () => {
    const log: string[] = [];
    const scope = createScope();
    scope.run(() => {
      onCleanup(() => log.push("a"));
      onCleanup(() => {
        throw new Error("b");
      });
      onCleanup(() => {
        throw new Error("c");
      });
    });
    expect(() => scope.dispose()).toThrow("c");
    expect(log).toEqual(["a"]);
    expect(scope.disposed).toBe(true);
  });

  test("effects triggered by writes during dispose never run if disposed", () => {
    const s = signal(0);
    let runs = 0;
    const scope = createScope();
    scope.run(() => {
      effect(() => {
        s.value;
        runs++;
      });
      onCleanup(() => {
        s.value = 1; // cleanups run newest first: the effect is still alive here
      });
    });
    scope.dispose();
    expect(runs).toBe(1);
  });

  test("disposing a scope from inside its own effect", () => {
    const s = signal(0);
    let runs = 0;
    const scope = createScope();
    scope.run(() =>
      effect(() => {
        runs++;
        if (s.value === 1) scope.dispose();
      }),
    );
    s.value = 1;
    s.value = 2;
    expect(runs).toBe(2);
    expect(subscriberCount(s)).toBe(0);
  });

  test("dispose inside a batch", () => {
    const s = signal(0);
    let runs = 0;
    const scope = createScope();
    scope.run(() =>
      effect(() => {
        s.value;
        runs++;
      }),
    );
    batch(() => {
      s.value = 1;
      scope.dispose();
    });
    expect(runs).toBe(1);
  });
});
