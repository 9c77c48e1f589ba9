import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { color } from "../style.ts";
import { render } from "../testing/index.ts";
import { Box, Column, Row } from "./box.ts";
import { Text } from "./text.ts";

describe("Box", () => {
  test("border styles", async () => {
    const t = await render(
      () =>
        Row(
          {},
          Box({ border: "single", width: 4, height: 3 }),
          Box({ border: "double", width: 4, height: 3 }),
          Box({ border: "rounded", width: 4, height: 3 }),
          Box({ border: "heavy", width: 4, height: 3 }),
        ),
      { width: 16, height: 3 },
    );
    expect(t.text()).toBe(["┌──┐╔══╗╭──╮┏━━┓", "│  │║  ║│  │┃  ┃", "└──┘╚══╝╰──╯┗━━┛"].join("\n"));
    t.unmount();
  });

  test("titles align left, center and right, and are cut to fit", async () => {
    const t = await render(
      () =>
        Column(
          {},
          Box({ border: "single", title: "ab", height: 2 }),
          Box({ border: "single", title: "ab", titleAlign: "center", height: 2 }),
          Box({ border: "single", title: "ab", titleAlign: "right", height: 2 }),
          Box({ border: "single", title: "a very long title", height: 2 }),
        ),
      { width: 12, height: 8 },
    );
    const l = t.lines();
    expect(l[0]).toBe("┌ ab ──────┐");
    expect(l[2]).toBe("┌─── ab ───┐");
    expect(l[4]).toBe("┌────── ab ┐");
    expect(l[6]).toBe("┌ a very l…┐");
    t.unmount();
  });

  test("padding, gap, grow and background", async () => {
    const t = await render(
      () =>
        Row(
          { padding: 1, gap: 1, bg: "blue" },
          Box({ flexGrow: 1, bg: "red" }, Text("a")),
          Box({ flexGrow: 2, bg: "green" }, Text("b")),
        ),
      { width: 12, height: 3 },
    );
    expect(t.lines()[1]).toBe(" a   b      ");
    expect(t.cell(0, 0).style.bg).toBe(color("blue"));
    expect(t.cell(1, 1).style.bg).toBe(color("red"));
    expect(t.cell(4, 1).style.bg).toBe(color("blue"));
    expect(t.cell(5, 1).style.bg).toBe(color("green"));
    expect(t.cell(10, 1).style.bg).toBe(color("green"));
    t.unmount();
  });

  test("overflow hidden clips children; visible does not", async () => {
    const t = await render(
      () =>
        Column(
          {},
          Box({ width: 3, height: 1, overflow: "hidden" }, Box({ width: 8 }, Text({ wrap: "none" }, "clipped!"))),
          Box({ width: 3, height: 1 }, Box({ width: 8 }, Text({ wrap: "none" }, "spilling"))),
        ),
      { width: 12, height: 2 },
    );
    expect(t.lines()).toEqual(["cli         ", "spilling    "]);
    t.unmount();
  });

  test("absolute positioning and z-index", async () => {
    const t = await render(
      () =>
        Box(
          { width: 10, height: 3 },
          Text("underneath"),
          Box({ position: "absolute", top: 0, left: 2, width: 5, height: 1, bg: "red", zIndex: 2 }, Text("TOP")),
        ),
      { width: 10, height: 3 },
    );
    expect(t.lines()[0]).toBe("unTOP  ath");
    expect(t.cell(5, 0).style.bg).toBe(color("red"));
    t.unmount();
  });

  test("reactive props relayout and repaint", async () => {
    const w = signal(4);
    const border = signal<"single" | "double">("single");
    const t = await render(() => Box({ width: w, height: 2, border }), { width: 8, height: 2 });
    expect(t.lines()[0]).toBe("┌──┐    ");
    w.value = 6;
    border.value = "double";
    await t.nextFrame();
    expect(t.lines()[0]).toBe("╔════╗  ");
    t.unmount();
  });

  test("repainting part of a bordered box keeps its border and title whole", async () => {
    const value = signal("value 1");
    const title = signal("panel");
    const wide = signal("ab");
    const t = await render(
      () =>
        Row(
          {},
          Box({ border: "single", title, width: 12, paddingX: 1 }, Text(value), Text("steady")),
          Box({ border: "double", width: 12 }, Text(wide)),
        ),
      { width: 24, height: 4 },
    );
    const before = t.lines();
    expect(before).toEqual(["┌ panel ───┐╔══════════╗", "│ value 1  │║ab        ║", "│ steady   │║          ║", "└──────────┘╚══════════╝"]);
    value.value = "value 22";
    await t.nextFrame();
    expect(t.lines()).toEqual(["┌ panel ───┐╔══════════╗", "│ value 22 │║ab        ║", "│ steady   │║          ║", "└──────────┘╚══════════╝"]);
    // Damage reaching the border (a title, text running into the edge) repaints it.
    title.value = "p";
    wide.value = "abcdefghijklmn";
    await t.nextFrame();
    expect(t.lines()).toEqual(["┌ p ───────┐╔══════════╗", "│ value 22 │║abcdefghij║", "│ steady   │║klmn      ║", "└──────────┘╚══════════╝"]);
    t.unmount();
  });

  test("invalid props throw clear errors", () => {
    expect(() => Box({ border: "wavy" as "single" })).toThrow("Box: prop border must be one of");
    expect(() => Box({ bg: "nocolor" })).toThrow("unknown color");
  });
});
