import { describe, expect, test } from "bun:test";
import { computed, signal, subscriberCount } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Box } from "./box.ts";
import { For, Show } from "./control-flow.ts";
import { Text } from "./text.ts";

describe("Show", () => {
  test("switches between the child and the fallback", async () => {
    const on = signal(false);
    let made = 0;
    const t = await render(
      () =>
        Box(
          {},
          Show({ when: on, fallback: () => Text("off") }, () => {
            made++;
            return Text("on");
          }),
        ),
      { width: 4, height: 1 },
    );
    expect(t.lines()[0]).toBe("off ");
    on.value = true;
    await t.nextFrame();
    expect(t.lines()[0]).toBe("on  ");
    on.value = true;
    await t.frame();
    expect(made).toBe(1);
    on.value = false;
    await t.nextFrame();
    expect(t.lines()[0]).toBe("off ");
    t.unmount();
  });
});

describe("For", () => {
  test("reuses elements by key: only new keys create elements", async () => {
    const rows = signal([
      { id: 1, name: "one" },
      { id: 2, name: "two" },
      { id: 3, name: "three" },
    ]);
    let created = 0;
    const t = await render(
      () =>
        For({ each: rows, key: (r) => r.id }, (row) => {
          created++;
          return Text(computed(() => row.value.name));
        }),
      { width: 8, height: 4 },
    );
    expect(created).toBe(3);
    expect(t.lines().map((l) => l.trimEnd())).toEqual(["one", "two", "three", ""]);
    rows.value = [{ id: 3, name: "THREE" }, { id: 1, name: "one" }, { id: 4, name: "four" }];
    await t.nextFrame();
    expect(created).toBe(4);
    expect(t.lines().map((l) => l.trimEnd())).toEqual(["THREE", "one", "four", ""]);
    rows.value = [];
    await t.nextFrame();
    expect(t.text()).toBe("");
    t.unmount();
  });

  test("removed items dispose their effects", async () => {
    const shared = signal("x");
    const items = signal([1, 2, 3]);
    const t = await render(() => For({ each: items }, () => Text(shared)), { width: 4, height: 3 });
    expect(subscriberCount(shared)).toBe(3);
    items.value = [2];
    await t.nextFrame();
    expect(subscriberCount(shared)).toBe(1);
    t.unmount();
    expect(subscriberCount(shared)).toBe(0);
  });

  test("duplicate keys are an error", () => {
    expect(() => For({ each: [1, 1] }, () => Text("x"))).toThrow("duplicate key");
  });
});
