import { describe, expect, test } from "bun:test";
import { computed, signal, subscriberCount } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Box, Row } from "./box.ts";
import { For, FragmentElement, Show } from "./control-flow.ts";
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

describe("fragments: Show and For add no box", () => {
  test("a Show in a row puts its child in the row, in its place", async () => {
    const on = signal(true);
    const show = Show({ when: on }, () => Text("b"));
    expect(show).toBeInstanceOf(FragmentElement);
    expect(show.fragment).toBe(true);
    const t = await render(() => Row({}, Text("a"), show, Text("c")), { width: 5, height: 1 });
    expect(t.lines()[0]).toBe("abc  ");
    // It spans its child, paints nothing itself and is never hit.
    expect(show.rect).toEqual({ x: 1, y: 0, width: 1, height: 1 });
    expect(t.app.hitTest(1, 0)).not.toBe(show);
    on.value = false;
    await t.nextFrame();
    expect(t.lines()[0]).toBe("ac   ");
    on.value = true;
    await t.nextFrame();
    expect(t.lines()[0]).toBe("abc  ");
    t.unmount();
  });

  test("a For in a row lays its items out in the row, following key order", async () => {
    const items = signal(["x", "y", "z"]);
    const t = await render(() => Row({ gap: 1 }, Text("["), For({ each: items }, (i) => Text(i.value)), Text("]")), { width: 12, height: 1 });
    expect(t.lines()[0]).toBe("[ x y z ]   ");
    items.value = ["z", "x"];
    await t.nextFrame();
    expect(t.lines()[0]).toBe("[ z x ]     ");
    items.value = [];
    await t.nextFrame();
    expect(t.lines()[0]).toBe("[ ]         ");
    t.unmount();
  });

  test("nested fragments, and siblings inserted around them, keep document order", async () => {
    const groups = signal([1, 2]);
    const shown = signal(true);
    const box = Box({}, Text("top"));
    const t = await render(
      () => {
        box.append(For({ each: groups }, (g) => Show({ when: shown }, () => Text(`group ${g.value}`))));
        box.append(Text("bottom"));
        return box;
      },
      { width: 8, height: 6 },
    );
    expect(t.lines().map((l) => l.trimEnd())).toEqual(["top", "group 1", "group 2", "bottom", "", ""]);
    box.insert(Text("first"), 0);
    groups.value = [2, 3, 1];
    await t.nextFrame();
    expect(t.lines().map((l) => l.trimEnd())).toEqual(["first", "top", "group 2", "group 3", "group 1", "bottom"]);
    shown.value = false;
    await t.nextFrame();
    expect(t.lines().map((l) => l.trimEnd())).toEqual(["first", "top", "bottom", "", "", ""]);
    const nodes = t.app.tree.size;
    shown.value = true;
    await t.nextFrame();
    expect(t.app.tree.size).toBe(nodes + 3);
    t.unmount();
  });

  test("layout props on Show and For are refused with a clear error", () => {
    expect(() => For({ each: [1], flexGrow: 1 } as unknown as { each: number[] }, () => Text("x"))).toThrow(
      "For: prop flexGrow is not supported: For adds no box of its own",
    );
    expect(() => Show({ when: true, border: "single" } as unknown as { when: boolean }, () => Text("x"))).toThrow("Show: prop border is not supported");
  });
});
