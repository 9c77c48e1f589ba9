import { describe, expect, test } from "bun:test";
import { computed, signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Box } from "./box.ts";
import { Button } from "./button.ts";
import { For } from "./control-flow.ts";
import { ScrollBox } from "./scroll-box.ts";
import { Text } from "./text.ts";

const rows = (n: number) => Array.from({ length: n }, (_, i) => Text(`row ${i}`));

describe("ScrollBox", () => {
  test("a bar with a proportional thumb; wheel, keys and scrollTo keep the border intact", async () => {
    const box = ScrollBox({ border: "single", title: "log", height: 6, width: 12 }, ...rows(16));
    const t = await render(() => Box({}, box), { width: 12, height: 6 });
    // 4 of 16 rows show: a thumb of 1 cell on a 4-cell track.
    expect(t.lines()).toEqual(["┌ log ─────┐", "│row 0    █│", "│row 1    ││", "│row 2    ││", "│row 3    ││", "└──────────┘"]);
    t.wheel(3, 2, "down");
    await t.frame();
    expect(t.lines()[1]).toBe("│row 3    ││");
    t.press("tab");
    t.press("end");
    await t.frame();
    expect(t.lines().slice(1, 5)).toEqual(["│row 12   ││", "│row 13   ││", "│row 14   ││", "│row 15   █│"]);
    expect(t.lines()[0]).toBe("┌ log ─────┐");
    expect(t.lines()[5]).toBe("└──────────┘");
    t.press("home");
    t.press("pagedown");
    await t.frame();
    expect(t.lines()[1]).toBe("│row 3    ││");
    t.unmount();
  });

  test("a click on the track pages; the thumb drags", async () => {
    const box = ScrollBox({ height: 4, width: 10 }, ...rows(40));
    const t = await render(() => Box({}, box), { width: 10, height: 4 });
    t.click(9, 3);
    await t.frame();
    expect(box.scrollTop).toBe(3);
    t.mouse("down", 9, 0);
    t.mouse("drag", 9, 3);
    await t.frame();
    expect(box.scrollTop).toBe(36);
    // The drag goes on outside the bar, until the release.
    t.mouse("drag", 2, 1);
    await t.frame();
    expect(box.scrollTop).toBe(12);
    t.mouse("up", 2, 1);
    t.mouse("drag", 2, 3);
    await t.frame();
    expect(box.scrollTop).toBe(12);
    t.unmount();
  });

  test("stickToBottom follows appended lines until the user scrolls up, and again at the bottom", async () => {
    const lines = signal<number[]>([0, 1, 2]);
    const box = ScrollBox({ height: 3, width: 10, stickToBottom: true }, For({ each: lines }, (i) => Text(computed(() => `line ${i.value}`))));
    const t = await render(() => Box({}, box), { width: 10, height: 3 });
    const add = async (n: number) => {
      lines.value = [...lines.value, ...Array.from({ length: n }, (_, k) => lines.value.length + k)];
      await t.frame();
    };
    await add(2);
    expect(t.lines()[2]?.trimEnd()).toBe("line 4   █");
    t.wheel(1, 1, "up");
    await t.frame();
    const held = box.scrollTop;
    await add(3);
    expect(box.scrollTop).toBe(held);
    t.press("tab");
    t.press("end");
    await t.frame();
    await add(1);
    expect(t.lines()[2]?.startsWith("line 8")).toBe(true);
    t.unmount();
  });

  test("the focused descendant is kept in view, and scrollIntoView reveals any element", async () => {
    const buttons = Array.from({ length: 10 }, (_, i) => Button({ label: `b${i}` }));
    const box = ScrollBox({ height: 3, width: 10 }, ...buttons);
    const t = await render(() => Box({}, box), { width: 10, height: 3 });
    for (let i = 0; i < 6; i++) t.press("tab");
    await t.frame();
    expect((t.app.focused as { label?: string } | null)?.label).toBe("b4");
    expect(t.lines().join("\n")).toContain("b4");
    box.scrollIntoView(buttons[0] as (typeof buttons)[number]);
    await t.frame();
    expect(t.lines()[0]).toContain("b0");
    t.unmount();
  });
});
