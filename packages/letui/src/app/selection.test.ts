import { describe, expect, test } from "bun:test";
import { Box, Row } from "../components/box.ts";
import { Text } from "../components/text.ts";
import { Textarea } from "../components/textarea.ts";
import { render } from "../testing/index.ts";

const decoder = new TextDecoder();

function page() {
  return Box(
    { flexGrow: 1 },
    Text("first line of text"),
    Row({}, Text({ width: 10 }, "left 中文"), Text({ width: 10, selectable: false }, "secret"), Text("right")),
    Text("third line"),
  );
}

describe("screen-wide selection", () => {
  test("a drag selects across components in reading order; release copies by OSC 52", async () => {
    const t = await render(page, { width: 30, height: 4 });
    t.takeOutput();
    t.mouse("down", 6, 0);
    t.mouse("drag", 10, 1);
    t.mouse("drag", 3, 2);
    await t.frame();
    expect(t.app.selection).toEqual({ anchor: { x: 6, y: 0 }, head: { x: 3, y: 2 } });
    // The highlight is drawn over the text, and only over the selection.
    const selected = t.cell(7, 0).style;
    expect(selected).not.toEqual(t.cell(2, 0).style);
    expect(t.cell(0, 2).style).toEqual(selected);
    expect(t.cell(4, 2).style).not.toEqual(selected);
    // The opted-out element is neither highlighted nor copied.
    expect(t.cell(12, 1).style).not.toEqual(selected);
    t.mouse("up", 3, 2);
    await t.frame();
    const text = "line of text\nleft 中文 right\nthir";
    expect(t.app.selectedText()).toBe(text);
    expect(t.app.clipboard.text).toBe(text);
    const out = decoder.decode(t.takeOutput());
    expect(out).toContain("\x1b]52;c;");
    // A click drops it, and the cells get their own look back.
    t.click(0, 3);
    await t.frame();
    expect(t.app.selection).toBeNull();
    expect(t.cell(7, 0).style).toEqual(t.cell(2, 0).style);
    t.unmount();
  });

  test("Ctrl-C copies a shown selection instead of quitting; Escape drops it", async () => {
    const t = await render(page, { width: 30, height: 4, copyOnSelect: false });
    t.app.select({ x: 0, y: 2 }, { x: 4, y: 2 });
    await t.frame();
    expect(t.app.clipboard.text).toBe("");
    t.press("ctrl+c");
    expect(t.exitCode).toBeUndefined();
    expect(t.app.clipboard.text).toBe("third");
    expect(t.app.selection).toBeNull();
    t.app.select({ x: 0, y: 0 }, { x: 0, y: 0 });
    t.press("escape");
    expect(t.app.selection).toBeNull();
    t.press("ctrl+c");
    expect(t.exitCode).toBe(130);
  });

  test("a drag inside a Textarea selects in the Textarea, not on the screen", async () => {
    const ta = Textarea({ value: "one two\nthree", height: 2 });
    const t = await render(() => Box({ flexGrow: 1 }, ta, Text("below")), { width: 20, height: 4 });
    t.mouse("down", 0, 0);
    t.mouse("drag", 3, 1);
    t.mouse("up", 3, 1);
    expect(t.app.selection).toBeNull();
    expect(ta.selectedText).toBe("one two\nthr");
    t.unmount();
  });

  test("the whole screen selects and copies", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => Text(`row ${i} `.repeat(5)));
    const t = await render(() => Box({ flexGrow: 1 }, ...rows), { width: 40, height: 10 });
    t.mouse("down", 0, 0);
    t.mouse("drag", 39, 9);
    t.mouse("up", 39, 9);
    const text = t.app.clipboard.text.split("\n");
    expect(text.length).toBe(10);
    expect(text[9]).toBe("row 9 row 9 row 9 row 9 row 9");
    t.unmount();
  });
});
