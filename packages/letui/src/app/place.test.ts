import { describe, expect, test } from "bun:test";
import { Box } from "../components/box.ts";
import { ScrollBox } from "../components/scroll-box.ts";
import { Text, type TextElement } from "../components/text.ts";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { place } from "./geometry.ts";

/** Placing walks only what changed: views, clips and painting stay exactly as a full walk leaves them. */
describe("incremental placing", () => {
  const nested = (i: number) => Box({ id: `b${i}`, flexDirection: "row", gap: 1 }, Text(`row ${i}`), Text(`(${i})`));

  test("elements scrolled out of view read correct views, and paint right when they come back", async () => {
    const box = ScrollBox({ height: 4, width: 16 }, ...Array.from({ length: 60 }, (_, i) => nested(i)));
    const t = await render(() => Box({}, box), { width: 16, height: 4 });
    const row = (i: number) => t.app.root.find(`b${i}`);
    for (const top of [5, 17, 30, 31, 44, 3, 56, 0]) {
      box.scrollTo(top);
      await t.frame();
      for (const i of [0, 2, 10, 31, 45, 59]) {
        const el = row(i);
        if (!el) throw new Error("no row");
        // Rows are one line each, so row i is at i - top on screen.
        expect(el.view.y).toBe(i - top);
        expect((el.children[1] as TextElement).view.y).toBe(i - top);
        expect((el.children[1] as TextElement).view.x).toBe(5 + String(i).length);
      }
      expect(t.lines()[0]).toBe(`row ${top} (${top})`.padEnd(15) + (t.lines()[0] as string).slice(15));
      expect(t.lines()[3]?.startsWith(`row ${top + 3} (${top + 3})`)).toBe(true);
    }
    t.unmount();
  });

  test("a text change deep in an unchanged tree is placed and painted; the rest is not walked again", async () => {
    const word = signal("short");
    const t = await render(
      () =>
        Box(
          { flexDirection: "column" },
          ...Array.from({ length: 20 }, (_, i) => Box({ id: `p${i}` }, Text(`para ${i}`))),
          Box({ id: "last" }, Text({ id: "w", text: word })),
        ),
      { width: 30, height: 24 },
    );
    word.value = "a much longer line of words that wraps";
    await t.frame();
    expect(t.lines()[20]?.trimEnd()).toBe("a much longer line of words");
    expect(t.lines()[21]?.trimEnd()).toBe("that wraps");
    // A second walk from the same compute skips every subtree: nothing is damaged.
    const out = { damage: [], notices: [] };
    place(t.app.tree, t.app.root, 30, 24, out, t.app.tree.computes);
    expect(out.damage).toEqual([]);
    // A full walk finds everything where it was.
    const full = { damage: [], notices: [] };
    place(t.app.tree, t.app.root, 30, 24, full, null);
    expect(full.damage).toEqual([]);
    t.unmount();
  });

  test("measure() subscribers inside a subtree that scrolls out of view are told where it went", async () => {
    const inner = Text("watched");
    const seen: number[] = [];
    const box = ScrollBox({ height: 3, width: 12 }, ...Array.from({ length: 3 }, (_, i) => Text(`top ${i}`)), Box({}, inner), ...Array.from({ length: 30 }, (_, i) => Text(`x ${i}`)));
    const t = await render(() => Box({}, box), { width: 12, height: 3 });
    const m = inner.measure();
    box.scrollTo(10);
    await t.frame();
    seen.push(m.value.y);
    box.scrollTo(20);
    await t.frame();
    seen.push(m.value.y);
    expect(seen).toEqual([3 - 10, 3 - 20]);
    t.unmount();
  });
});
