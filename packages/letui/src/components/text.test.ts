import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { color } from "../style.ts";
import { render } from "../testing/index.ts";
import { Box } from "./box.ts";
import { Text } from "./text.ts";

describe("Text", () => {
  test("spans keep their styles", async () => {
    const t = await render(() => Text("a ", { text: "bold", bold: true, fg: "red" }, " c"), { width: 10, height: 1 });
    expect(t.lines()[0]).toBe("a bold c  ");
    expect(t.cell(2, 0).style.bold).toBe(true);
    expect(t.cell(2, 0).style.fg).toBe(color("red"));
    expect(t.cell(7, 0).style.bold).toBe(false);
    t.unmount();
  });

  test("wraps by word, by character, or not at all", async () => {
    const text = "hello wide world";
    const t = await render(
      () =>
        Box(
          { width: 7 },
          Text({ wrap: "word" }, text),
          Text({ wrap: "char" }, text),
          Text({ wrap: "none" }, text),
        ),
      { width: 7, height: 7 },
    );
    expect(t.lines()).toEqual(["hello  ", "wide   ", "world  ", "hello w", "ide wor", "ld     ", "hello w"]);
    t.unmount();
  });

  test("aligns and ends with an ellipsis", async () => {
    const t = await render(
      () =>
        Box(
          { width: 8 },
          Text({ align: "center" }, "mid"),
          Text({ align: "right" }, "end"),
          Text({ wrap: "none", ellipsis: true }, "truncated text"),
        ),
      { width: 8, height: 3 },
    );
    expect(t.lines()).toEqual(["  mid   ", "     end", "truncat…"]);
    t.unmount();
  });

  test("wide characters wrap as whole cells", async () => {
    const t = await render(() => Box({ width: 5 }, Text({ wrap: "char" }, "日本語テキスト")), { width: 5, height: 4 });
    expect(t.lines()).toEqual(["日本 ", "語テ ", "キス ", "ト   "]);
    t.unmount();
  });

  test("reactive text updates layout", async () => {
    const s = signal("short");
    const t = await render(() => Box({ width: 6 }, Text(s), Text("next")), { width: 6, height: 3 });
    expect(t.lines()).toEqual(["short ", "next  ", "      "]);
    s.value = "longer text";
    await t.nextFrame();
    expect(t.lines()).toEqual(["longer", "text  ", "next  "]);
    t.unmount();
  });

  test("invalid props throw", () => {
    expect(() => Text({ wrap: "sometimes" as "word" }, "x")).toThrow("Text: prop wrap must be one of");
  });
});

describe("Text styles from signals", () => {
  test("a signal in the base style or a span restyles without relayout", async () => {
    const fg = signal<"red" | "blue">("red");
    const bold = signal(false);
    const t = await render(() => Text({ fg }, "ab", { text: "cd", bold }), { width: 6, height: 1 });
    const layouts = t.app.stats.layouts;
    expect(t.cell(0, 0).style.fg).toBe(color("red"));
    fg.value = "blue";
    bold.value = true;
    await t.nextFrame();
    expect(t.cell(0, 0).style.fg).toBe(color("blue"));
    expect(t.cell(2, 0).style.bold).toBe(true);
    expect(t.cell(2, 0).style.fg).toBe(color("blue"));
    expect(t.app.stats.layouts).toBe(layouts);
    t.unmount();
  });
});
