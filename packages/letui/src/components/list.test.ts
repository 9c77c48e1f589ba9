import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Box } from "./box.ts";
import { List, Select } from "./list.ts";
import { Text } from "./text.ts";

describe("List", () => {
  test("a million items: only the visible rows are painted; keys move and keep the cursor in view", async () => {
    const activated: number[] = [];
    const list = List({ items: { count: 1_000_000, item: (i) => `item ${i}` }, height: 4, onActivate: (i) => activated.push(i) });
    const t = await render(() => Box({}, list), { width: 14, height: 4 });
    expect(t.lines()).toEqual(["item 0       █", "item 1       │", "item 2       │", "item 3       │"]);
    t.press("tab");
    t.press("down");
    t.press("pagedown");
    await t.frame();
    // PageDown moves by a page less one row.
    expect(list.current).toBe(4);
    expect(list.top).toBe(1);
    expect(t.lines()[3]?.startsWith("item 4")).toBe(true);
    t.press("end");
    await t.frame();
    expect(t.lines()[3]?.startsWith("item 999999")).toBe(true);
    expect(t.lines()[3]?.endsWith("█")).toBe(true);
    t.press("enter");
    expect(activated).toEqual([999_999]);
    expect(list.children.length).toBe(0);
    t.unmount();
  });

  test("click selects, double-click activates, the wheel scrolls, typing finds", async () => {
    const names = signal(["apple", "banana", "blueberry", "cherry", "date", "elder", "fig"]);
    const selected: string[] = [];
    const activated: string[] = [];
    const list = List({ items: names, height: 3, onSelect: (_, s) => selected.push(s), onActivate: (_, s) => activated.push(s) });
    const t = await render(() => Box({}, list), { width: 12, height: 3 });
    t.click(2, 1);
    expect(selected).toEqual(["banana"]);
    expect(list.selectedSignal.value).toEqual([1]);
    t.click(2, 1);
    expect(activated).toEqual(["banana"]);
    t.wheel(2, 1, "down");
    await t.frame();
    expect(list.top).toBe(3);
    // Each notch moves on from where the view is (the last rows stop it).
    t.wheel(2, 1, "down");
    await t.frame();
    expect(list.top).toBe(4);
    t.wheel(2, 1, "up");
    await t.frame();
    expect(list.top).toBe(1);
    t.wheel(2, 1, "down");
    await t.frame();
    expect(list.top).toBe(4);
    t.type("bl");
    expect(list.current).toBe(2);
    await t.advance(1500);
    t.type("f");
    expect(list.current).toBe(6);
    names.value = ["only"];
    await t.frame();
    expect(list.current).toBe(0);
    expect(t.lines()[0]?.trimEnd()).toBe("only");
    t.unmount();
  });

  test("multiple selection with Space and Ctrl-click, exposed as a signal", async () => {
    const selected = signal<readonly number[]>([]);
    const list = List({ items: ["a", "b", "c"], multiple: true, selected, height: 3 });
    const t = await render(() => Box({}, list), { width: 8, height: 3 });
    t.press("tab");
    t.press("space");
    t.press("down");
    t.press("down");
    t.press("space");
    expect(selected.value).toEqual([0, 2]);
    await t.frame();
    expect(t.lines()[0]?.trimEnd()).toBe("◉ a");
    expect(t.lines()[1]?.trimEnd()).toBe("○ b");
    t.mouse("down", 1, 1, "left", { ctrl: true });
    expect(selected.value).toEqual([0, 1, 2]);
    t.unmount();
  });

  test("a custom row renderer makes elements for the visible rows only", async () => {
    let made = 0;
    const list = List({
      items: { count: 100_000, item: (i) => i },
      height: 3,
      renderItem: (i) => {
        made++;
        return Text(`#${i}`);
      },
    });
    const t = await render(() => Box({}, list), { width: 10, height: 3 });
    expect(t.lines().map((l) => l.trimEnd().replace(/[█│]$/, "").trimEnd())).toEqual(["#0", "#1", "#2"]);
    expect(list.children.length).toBe(3);
    t.press("tab");
    t.press("end");
    await t.frame();
    expect(t.lines()[2]?.startsWith("#99999")).toBe(true);
    expect(list.children.length).toBe(3);
    expect(made).toBeLessThan(10);
    t.unmount();
  });

  test("labels from untrusted sources cannot emit escape sequences", async () => {
    const list = List({ items: ["\u001b[31mred\u001b[0m"], height: 1 });
    const t = await render(() => Box({}, list), { width: 12, height: 1 });
    expect(t.lines()[0]?.trimEnd()).toBe("[31mred[0m");
    t.unmount();
  });
});

describe("Select", () => {
  test("Enter or a click chooses a value", async () => {
    const value = signal<string | undefined>("b");
    const sel = Select({ items: ["a", "b", "c"], value, height: 3 });
    const t = await render(() => Box({}, sel), { width: 6, height: 3 });
    expect(sel.current).toBe(1);
    t.click(1, 2);
    expect(value.value).toBe("c");
    t.press("up");
    t.press("enter");
    expect(value.value).toBe("b");
    t.unmount();
  });
});
