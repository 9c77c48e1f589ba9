import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Row } from "./box.ts";
import { Button } from "./button.ts";

describe("Button", () => {
  test("Enter, Space and clicks activate it", async () => {
    let presses = 0;
    const b = Button({ label: "OK", onPress: () => presses++ });
    const t = await render(() => Row({}, b), { width: 10, height: 1 });
    expect(t.lines()[0]).toBe("  OK      ");
    t.press("tab");
    expect(t.app.focused).toBe(b);
    t.press("enter");
    t.press("space");
    t.click(2, 0);
    expect(presses).toBe(3);
    t.unmount();
  });

  test("focus, hover, pressed and disabled looks", async () => {
    const disabled = signal(false);
    const b = Button({ label: "Go", disabled });
    const t = await render(() => Row({}, b), { width: 10, height: 1 });
    const bg = () => t.cell(0, 0).style.bg;
    expect(bg()).toBe(b.looks.field.bg);
    t.mouse("move", 1, 0, "none");
    await t.frame();
    expect(bg()).toBe(b.looks.hover.bg);
    t.mouse("down", 1, 0);
    await t.frame();
    expect(bg()).toBe(b.looks.pressed.bg);
    t.mouse("up", 1, 0);
    // A click shows the pressed look for 120 ms of the app's clock
    // (manual under test), then the focus look (the click focused it).
    await t.advance(119);
    expect(bg()).toBe(b.looks.pressed.bg);
    await t.advance(1);
    expect(bg()).toBe(b.looks.focus.bg);
    t.mouse("move", 8, 0, "none");
    await t.frame();
    expect(bg()).toBe(b.looks.focus.bg);
    disabled.value = true;
    await t.frame();
    expect(bg()).toBe(b.looks.disabled.bg);
    t.unmount();
  });

  test("a disabled button ignores presses and takes no focus, by Tab, click or focus()", async () => {
    let presses = 0;
    const b = Button({ label: "No", disabled: true, onPress: () => presses++ });
    const c = Button({ label: "Yes" });
    const t = await render(() => Row({}, b, c), { width: 12, height: 1 });
    t.app.focus(b);
    expect(t.app.focused).toBe(null);
    t.press("tab");
    expect(t.app.focused).toBe(c);
    t.press("tab");
    expect(t.app.focused).toBe(c);
    t.click(1, 0);
    expect(t.app.focused).toBe(c);
    t.press("enter");
    expect(presses).toBe(0);
    t.unmount();
  });

  test("a button that becomes disabled while focused gives up focus", async () => {
    const disabled = signal(false);
    const b = Button({ label: "Go", disabled });
    const t = await render(() => Row({}, b), { width: 10, height: 1 });
    t.press("tab");
    expect(t.app.focused).toBe(b);
    disabled.value = true;
    await t.frame();
    expect(t.app.focused).toBe(null);
    t.unmount();
  });

  test("style props go over the theme's look", async () => {
    const b = Button({ label: "Go", style: { fg: "red" } });
    const t = await render(() => Row({}, b), { width: 10, height: 1 });
    expect(t.cell(0, 0).style.bg).toBe(b.looks.field.bg);
    expect(t.cell(2, 0).style.fg).not.toBe(b.looks.field.fg);
    t.unmount();
  });
});
