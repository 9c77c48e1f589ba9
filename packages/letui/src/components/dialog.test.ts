import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Box } from "./box.ts";
import { Button } from "./button.ts";
import { confirm, Dialog, openDialog } from "./dialog.ts";
import { Input } from "./input.ts";
import { Text } from "./text.ts";

describe("Dialog", () => {
  test("opens above everything, traps Tab, closes on Escape and gives focus back", async () => {
    let behind = 0;
    const back = Button({ label: "Behind", onPress: () => behind++ });
    const t = await render(() => Box({ flexGrow: 1 }, back, Text("x".repeat(40))), { width: 40, height: 10 });
    t.app.focus(back);
    const a = Input({ id: "a" });
    const b = Button({ label: "B" });
    const closed: string[] = [];
    const d = openDialog(t.app, () => Box({ width: 20 }, a, b), { title: "Edit", onClose: () => closed.push("x") });
    await t.frame();
    await t.frame();
    const lines = t.lines();
    expect(lines.some((l) => l.includes("╭ Edit"))).toBe(true);
    expect(t.app.focused).toBe(a);
    t.press("tab");
    expect(t.app.focused).toBe(b);
    t.press("tab");
    expect(t.app.focused).toBe(a);
    // A click on what is behind does nothing to it (and closes the dialog as an outside click).
    t.press("escape");
    expect(d.closed).toBe(true);
    expect(closed).toEqual(["x"]);
    expect(t.app.focused).toBe(back);
    await t.frame();
    expect(t.lines().some((l) => l.includes("Edit"))).toBe(false);
    expect(behind).toBe(0);
    t.unmount();
  });

  test("an outside click closes it; clicks inside work; nothing behind reacts", async () => {
    let behind = 0;
    let inside = 0;
    const t = await render(() => Box({ flexGrow: 1 }, Button({ label: "Behind", width: 40, onPress: () => behind++ })), { width: 40, height: 9 });
    const d = openDialog(t.app, () => Button({ label: "Inside", width: 10, onPress: () => inside++ }), { closeOnOutsideClick: true });
    await t.frame();
    await t.frame();
    const row = t.lines().findIndex((l) => l.includes("Inside"));
    const col = t.lines()[row]?.indexOf("Inside") ?? 0;
    t.click(col, row);
    expect(inside).toBe(1);
    expect(d.closed).toBe(false);
    t.click(1, 0);
    expect(behind).toBe(0);
    expect(d.closed).toBe(true);
    t.unmount();
  });

  test("confirm resolves with the answer", async () => {
    const t = await render(() => Box({ flexGrow: 1 }, Text("document")), { width: 50, height: 12 });
    const yes = confirm(t.app, { message: "Discard changes?", confirmLabel: "Discard" });
    await t.frame();
    await t.frame();
    expect(t.text()).toContain("Discard changes?");
    expect(t.text()).toContain("Discard");
    t.press("enter");
    expect(await yes).toBe(true);
    const no = confirm(t.app, { message: "Really?" });
    await t.frame();
    await t.frame();
    t.press("escape");
    expect(await no).toBe(false);
    const cancel = confirm(t.app, { message: "Sure?" });
    await t.frame();
    await t.frame();
    t.press("shift+tab");
    t.press("enter");
    expect(await cancel).toBe(false);
    t.unmount();
  });

  test("Dialog follows its signal both ways, from anywhere in the tree", async () => {
    const open = signal(false);
    const t = await render(() => Box({ height: 3, overflow: "hidden" }, Dialog({ open, title: "Help" }, () => Text("Press q to quit"))), {
      width: 40,
      height: 10,
    });
    expect(t.text()).not.toContain("Help");
    open.value = true;
    await t.frame();
    await t.frame();
    expect(t.text()).toContain("Press q to quit");
    t.press("escape");
    expect(open.value).toBe(false);
    await t.frame();
    expect(t.text()).not.toContain("Press q");
    open.value = true;
    await t.frame();
    open.value = false;
    await t.frame();
    expect(t.text()).not.toContain("Help");
    t.unmount();
  });

  test("bad options are clear errors", async () => {
    const t = await render(() => Text("x"), { width: 10, height: 3 });
    expect(() => openDialog(t.app, () => Text("y"), { width: -3 })).toThrow(/openDialog: prop width/);
    expect(() => Dialog({ open: true as never }, () => Text("y"))).toThrow(/Dialog: prop open/);
    expect(() => confirm(t.app, { message: 3 as never })).toThrow(/confirm: prop message/);
    t.unmount();
  });
});
