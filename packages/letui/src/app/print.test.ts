import { describe, expect, test } from "bun:test";
import { Column } from "../components/box.ts";
import { Markdown } from "../components/markdown.ts";
import { Text } from "../components/text.ts";
import { LetuiError } from "../errors.ts";
import { Screen } from "../screen.ts";
import { render } from "../testing/index.ts";

describe("printing above the live region", () => {
  test("app.print lays content out at the screen's width, at its own height", async () => {
    const t = await render(() => Text("live"), { width: 20, height: 3 });
    t.app.print(Column({}, Text("first message that wraps here"), Markdown({ text: "- a\n- **b**" })));
    expect(t.printed).toEqual([]); // printed with the next frame
    await t.frame();
    expect(t.printed).toEqual(["first message that", "wraps here", "• a", "• b"]);
    // The live region is untouched.
    expect(t.lines()[0]?.trimEnd()).toBe("live");
    expect(() => t.app.print("text" as unknown as ReturnType<typeof Column>)).toThrow(LetuiError);
    t.unmount();
  });

  test("a screen prints lines above its inline region and repaints the region below them", () => {
    const live = new Screen({ width: 10, height: 2, fd: null });
    live.setInline(true, 0);
    live.drawText(0, 0, "live");
    live.render();
    live.takeOutput();
    const lines = new Screen({ width: 10, height: 3, fd: null });
    lines.drawText(0, 0, "one");
    lines.drawText(0, 1, "two", { fg: "red" });
    lines.drawText(0, 2, "three");
    // A terminal of 4 rows: 3 lines plus a region of 2 scroll by 1.
    expect(live.printAbove(lines, 4)).toBe(2);
    const out = new TextDecoder().decode(live.takeOutput());
    expect(out).toContain("one\r\n");
    expect(out).toContain("\x1b[31mtwo\x1b[m\r\n");
    expect(out).toContain("three\r\n\x1b[4H\n");
    expect(out).toContain("live");
    expect(out).not.toContain("\x1b[2J");
    expect(out).not.toContain("\x1b[J");
    expect(() => live.printAbove(new Screen({ width: 5, height: 1, fd: null }), 4)).toThrow(/wide/);
    const full = new Screen({ width: 10, height: 2, fd: null });
    expect(() => full.printAbove(lines, 4)).toThrow(/inline/);
    for (const s of [live, lines, full]) s.dispose();
  });
});
