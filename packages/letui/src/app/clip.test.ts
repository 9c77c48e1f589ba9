import { describe, expect, test } from "bun:test";
import { Box } from "../components/box.ts";
import { Text } from "../components/text.ts";
import { render } from "../testing/index.ts";

describe("clipping to the content box", () => {
  test("a bordered scroll box never draws its children over its border, at any offset", async () => {
    const box = Box(
      { border: "single", title: "list", overflow: "scroll", height: 4, width: 12 },
      Text("row 0"),
      Text("row 1"),
      Text("row 2"),
      Text("row 3"),
    );
    const t = await render(() => Box({}, box), { width: 12, height: 4 });
    expect(t.lines()).toEqual(["┌ list ────┐", "│row 0     │", "│row 1     │", "└──────────┘"]);
    for (const top of [1, 2, 3, 99]) {
      box.scrollTo(top);
      await t.frame();
      const at = Math.min(top, 2);
      expect(t.lines()).toEqual(["┌ list ────┐", `│row ${at}     │`, `│row ${at + 1}     │`, "└──────────┘"]);
    }
    t.wheel(3, 1, "up");
    await t.frame();
    expect(t.lines()[0]).toBe("┌ list ────┐");
    expect(t.lines()[3]).toBe("└──────────┘");
    t.unmount();
  });

  test("padding is kept clear too, on every side", async () => {
    const box = Box({ border: "single", padding: 1, overflow: "hidden", height: 5, width: 8 }, Text("abcdefghij"), Text("2"), Text("3"));
    const t = await render(() => Box({}, box), { width: 8, height: 5 });
    expect(t.lines()).toEqual(["┌──────┐", "│      │", "│ abcd │", "│      │", "└──────┘"]);
    t.unmount();
  });
});
