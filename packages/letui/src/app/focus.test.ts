import { describe, expect, test } from "bun:test";
import { Box, Row } from "../components/box.ts";
import { Button } from "../components/button.ts";
import { Input } from "../components/input.ts";
import { Text } from "../components/text.ts";
import { signal } from "../signals.ts";
import { keyEvent, render } from "../testing/index.ts";

describe("focus", () => {
  test("autofocus focuses the element once it is laid out", async () => {
    const b = Button({ label: "B", autofocus: true });
    const t = await render(() => Row({}, Button({ label: "A" }), b), { width: 20, height: 1 });
    expect(t.app.focused).toBe(b);
    t.unmount();
  });

  test("a focus scope keeps Tab inside, and Tab goes into an open scope", async () => {
    const outside = Button({ label: "out" });
    const a = Button({ label: "a" });
    const b = Button({ label: "b" });
    const open = signal(false);
    const t = await render(
      () => Box({}, outside, Box({ trapFocus: true, display: open.value ? "flex" : "none" }, a, b)),
      { width: 20, height: 4 },
    );
    t.press("tab");
    expect(t.app.focused).toBe(outside);
    t.unmount();
    const t2 = await render(() => Box({}, Button({ label: "out" }), Box({ trapFocus: true }, a, b)), { width: 20, height: 4 });
    t2.press("tab");
    expect(t2.app.focused).toBe(a);
    t2.press("tab");
    expect(t2.app.focused).toBe(b);
    t2.press("tab");
    expect(t2.app.focused).toBe(a);
    t2.press("shift+tab");
    expect(t2.app.focused).toBe(b);
    t2.unmount();
  });

  test("onKey gets presses and repeats; releases go to onKeyRelease only", async () => {
    const kinds: string[] = [];
    const released: string[] = [];
    const i = Input({ onKey: (e) => kinds.push(e.kind), onKeyRelease: (e) => released.push(e.name), autofocus: true });
    const t = await render(() => Box({}, i), { width: 10, height: 1 });
    t.app.handleKey(keyEvent("a", "press"));
    t.app.handleKey(keyEvent("a", "repeat"));
    t.app.handleKey(keyEvent("a", "release"));
    expect(kinds).toEqual(["press", "repeat"]);
    expect(released).toEqual(["a"]);
    expect(i.text).toBe("aa");
    t.unmount();
  });

  test("a disabled subtree leaves the Tab order", async () => {
    const off = signal(true);
    const a = Button({ label: "a" });
    const b = Button({ label: "b" });
    const t = await render(() => Row({}, Box({ disabled: off }, a), b), { width: 20, height: 1 });
    expect(t.app.focusOrder()).toEqual([b]);
    off.value = false;
    await t.frame();
    expect(t.app.focusOrder()).toEqual([a, b]);
    t.unmount();
  });

  test("a focusable box shows its focus look on the border", async () => {
    const inner = Button({ label: "x" });
    const box = Box({ border: "single", focusBorderColor: "red", width: 8, height: 3 }, inner);
    const t = await render(() => Box({}, box, Text("below")), { width: 10, height: 5 });
    const before = t.cell(0, 0).style.fg;
    t.press("tab");
    await t.frame();
    expect(t.cell(0, 0).style.fg).not.toBe(before);
    expect(t.cell(0, 0).style.bold).toBe(true);
    t.unmount();
  });

  test("focus and selection stay visible with no colors and with 16 colors", async () => {
    for (const colorMode of ["none", "16", "256"] as const) {
      const a = Input({ width: 5 });
      const t = await render(() => Row({}, a, Input({ width: 5 })), { width: 10, height: 1, colorMode });
      const before = { ...t.cell(0, 0).style };
      t.press("tab");
      await t.frame();
      const after = t.cell(0, 0).style;
      expect([colorMode, JSON.stringify(after)]).not.toEqual([colorMode, JSON.stringify(before)]);
      if (colorMode !== "256") expect([colorMode, after.underline]).toEqual([colorMode, "single"]);
      t.unmount();
    }
  });
});
