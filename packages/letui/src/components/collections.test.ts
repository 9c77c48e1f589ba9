import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Box } from "./box.ts";
import { Checkbox, RadioGroup } from "./choice.ts";
import { type SortOrder, Table } from "./table.ts";
import { Tabs } from "./tabs.ts";
import { Text } from "./text.ts";
import { Tree, type TreeNode } from "./tree.ts";

interface Row {
  name: string;
  size: number;
}

describe("Table", () => {
  test("a header; fixed, fit and flexible widths; alignment; wide characters cut with an ellipsis", async () => {
    const rows: Row[] = [
      { name: "readme.md", size: 1200 },
      { name: "日本語のファイル名.txt", size: 7 },
    ];
    const table = Table({
      items: rows,
      height: 3,
      columns: [
        { title: "Name", value: (r) => r.name, width: { flex: 1 } },
        { title: "Size", value: (r) => r.size, width: 6, align: "right" },
      ],
    });
    const t = await render(() => Box({}, table), { width: 20, height: 3 });
    expect(t.lines()).toEqual(["Name            Size", "readme.md       1200", "日本語のファ…      7"]);
    t.unmount();
  });

  test("clicking a header asks the app to sort, toggling the direction; rows are virtualized", async () => {
    const items = signal(Array.from({ length: 100_000 }, (_, i) => ({ name: `f${i}`, size: i })));
    const orders: SortOrder[] = [];
    const table = Table({
      items,
      height: 4,
      columns: [
        { title: "Name", value: (r) => r.name, width: "fit" },
        { title: "Size", value: (r) => r.size, width: { flex: 1 }, align: "right" },
      ],
      onSort: (o) => {
        orders.push(o);
        const dir = o.direction === "asc" ? 1 : -1;
        items.value = [...items.value].sort((a, b) => (a.size - b.size) * dir);
      },
    });
    const t = await render(() => Box({}, table), { width: 20, height: 4 });
    t.click(10, 0);
    t.click(10, 0);
    await t.frame();
    expect(orders).toEqual([
      { column: 1, direction: "asc" },
      { column: 1, direction: "desc" },
    ]);
    expect(t.lines()[0]).toContain("Size ▼");
    expect(t.lines()[1]?.startsWith("f99999")).toBe(true);
    t.press("tab");
    t.press("down");
    await t.frame();
    expect(table.current).toBe(1);
    t.unmount();
  });
});

describe("Tree", () => {
  test("expands by key and mouse, loads children lazily, moves to parent and child", async () => {
    let loads = 0;
    const nodes: TreeNode<string>[] = [
      {
        label: "src",
        children: () => {
          loads++;
          return [{ label: "main.ts" }, { label: "lib", children: [{ label: "util.ts" }] }];
        },
      },
      { label: "README.md" },
    ];
    const tree = Tree({ nodes, height: 5 });
    const t = await render(() => Box({}, tree), { width: 20, height: 5 });
    expect(t.lines().slice(0, 2).map((l) => l.trimEnd())).toEqual(["▸ src", "  README.md"]);
    expect(loads).toBe(0);
    t.press("tab");
    t.press("right");
    await t.frame();
    expect(t.lines().slice(0, 4).map((l) => l.trimEnd())).toEqual(["▾ src", "    main.ts", "  ▸ lib", "  README.md"]);
    t.press("right");
    expect(tree.current).toBe(1);
    t.press("left");
    expect(tree.current).toBe(0);
    t.click(2, 2);
    await t.frame();
    expect(t.lines()[3]?.trimEnd()).toBe("      util.ts");
    t.press("home");
    t.press("left");
    await t.frame();
    expect(t.lines()[1]?.trimEnd()).toBe("  README.md");
    t.press("right");
    expect(loads).toBe(1);
    t.unmount();
  });

  test("children from a promise show while loading, then appear", async () => {
    let resolve: (v: TreeNode[]) => void = () => {};
    const tree = Tree({ nodes: [{ label: "remote", children: () => new Promise<TreeNode[]>((r) => (resolve = r)) }], height: 3 });
    const t = await render(() => Box({}, tree), { width: 20, height: 3 });
    t.press("tab");
    t.press("space");
    await t.frame();
    expect(t.lines()[0]?.trimEnd()).toBe("▾ remote …");
    resolve([{ label: "a" }]);
    await Promise.resolve();
    await t.frame();
    expect(t.lines()[1]?.trimEnd()).toBe("    a");
    t.unmount();
  });
});

describe("Tabs", () => {
  test("keys and clicks switch; panels are made on first show and kept", async () => {
    let made = 0;
    const tabs = Tabs({
      tabs: [
        { title: "One", render: () => (made++, Text("first")) },
        { title: "Two", render: () => (made++, Text("second")) },
      ],
      height: 3,
    });
    const t = await render(() => Box({}, tabs), { width: 20, height: 3 });
    expect(t.lines()[0]?.trimEnd()).toBe(" One   Two");
    expect(t.lines()[1]?.trimEnd()).toBe("first");
    expect(made).toBe(1);
    t.press("tab");
    t.press("right");
    await t.frame();
    expect(t.lines()[1]?.trimEnd()).toBe("second");
    t.click(1, 0);
    await t.frame();
    expect(t.lines()[1]?.trimEnd()).toBe("first");
    t.click(7, 0);
    await t.frame();
    expect(made).toBe(2);
    expect(tabs.active).toBe(1);
    t.unmount();
  });
});

describe("Checkbox and RadioGroup", () => {
  test("Space, Enter and clicks toggle; arrows choose; disabled ones take no focus", async () => {
    const done = signal(false);
    const level = signal<"low" | "mid" | "high" | undefined>("low");
    const cb = Checkbox({ label: "Done", checked: done });
    const rg = RadioGroup({ options: ["low", "mid", "high"], value: level });
    const off = Checkbox({ label: "Off", disabled: true });
    const t = await render(() => Box({}, cb, rg, off), { width: 12, height: 5 });
    expect(t.lines().slice(0, 4).map((l) => l.trimEnd())).toEqual(["[ ] Done", "(•) low", "( ) mid", "( ) high"]);
    t.press("tab");
    t.press("space");
    expect(done.value).toBe(true);
    t.click(1, 0);
    expect(done.value).toBe(false);
    t.press("tab");
    t.press("down");
    t.press("down");
    expect(level.value).toBe("high");
    t.click(1, 2);
    expect(level.value).toBe("mid");
    t.press("tab");
    expect(t.app.focused).toBe(cb);
    t.unmount();
  });
});
