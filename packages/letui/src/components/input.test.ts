import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { render, type TestApp } from "../testing/index.ts";
import { Box } from "./box.ts";
import { Input, type InputElement } from "./input.ts";

async function field(width = 10, initial = ""): Promise<{ t: TestApp; input: InputElement; value: ReturnType<typeof signal<string>> }> {
  const value = signal(initial);
  const input = Input({ value, width });
  const t = await render(() => Box({}, input), { width, height: 1 });
  t.app.focus(input);
  return { t, input, value };
}

describe("Input", () => {
  test("typing, moving and deleting", async () => {
    const { t, input, value } = await field();
    t.type("helo");
    t.press("left");
    t.type("l");
    expect(value.value).toBe("hello");
    t.press("home");
    t.press("delete");
    t.press("end");
    t.press("backspace");
    expect(value.value).toBe("ell");
    t.press("ctrl+a");
    t.type("y");
    t.press("ctrl+e");
    t.type("!");
    expect(value.value).toBe("yell!");
    expect(input.caret).toBe(5);
    t.unmount();
  });

  test("word moves and word deletes", async () => {
    const { t, value } = await field(30, "one two  three");
    t.press("end");
    t.press("ctrl+left");
    t.type("X");
    expect(value.value).toBe("one two  Xthree");
    t.press("alt+left");
    t.press("alt+left");
    t.press("ctrl+right");
    t.type("Y");
    expect(value.value).toBe("one twoY  Xthree");
    t.press("ctrl+w");
    expect(value.value).toBe("one   Xthree");
    t.press("ctrl+k");
    expect(value.value).toBe("one ");
    t.press("ctrl+u");
    expect(value.value).toBe("");
    t.unmount();
  });

  test("never splits a grapheme cluster", async () => {
    const { t, input, value } = await field(20);
    t.paste("a👨‍👩‍👧中e\u0301");
    expect(value.value).toBe("a👨‍👩‍👧中e\u0301");
    t.press("backspace");
    expect(value.value).toBe("a👨‍👩‍👧中");
    t.press("left");
    t.press("backspace");
    expect(value.value).toBe("a中");
    expect(input.caret).toBe(1);
    expect(input.caretCell()).toBe(1);
    t.press("right");
    expect(input.caretCell()).toBe(3);
    t.unmount();
  });

  test("paste inserts one line and drops controls", async () => {
    const { t, value } = await field(30);
    t.paste("multi\nline\ttext\x1b[31m");
    expect(value.value).toBe("multi line text[31m");
    t.unmount();
  });

  test("scrolls horizontally to keep the caret visible, and places the terminal cursor there", async () => {
    const { t, input } = await field(5);
    t.type("abcdefgh");
    await t.frame();
    expect(t.lines()[0]).toBe("efgh ");
    expect(input.cursor()).toEqual({ x: 4, y: 0 });
    t.press("home");
    await t.frame();
    expect(t.lines()[0]).toBe("abcde");
    expect(input.cursor()).toEqual({ x: 0, y: 0 });
    const out = new TextDecoder().decode(t.takeOutput());
    expect(out).toContain("\x1b[?25h");
    t.unmount();
  });

  test("placeholder, password and callbacks", async () => {
    const changes: string[] = [];
    const submits: string[] = [];
    const input = Input({ placeholder: "name", password: true, width: 8, onChange: (v) => changes.push(v), onSubmit: (v) => submits.push(v) });
    const t = await render(() => Box({}, input), { width: 8, height: 1 });
    expect(t.lines()[0]).toBe("name    ");
    t.app.focus(input);
    t.type("pw");
    t.press("enter");
    await t.frame();
    expect(t.lines()[0]).toBe("••      ");
    expect(changes).toEqual(["p", "pw"]);
    expect(submits).toEqual(["pw"]);
    t.unmount();
  });

  test("external value changes are shown and the caret stays valid", async () => {
    const { t, input, value } = await field(10, "hello");
    t.press("end");
    value.value = "hi";
    await t.frame();
    expect(t.lines()[0]).toBe("hi        ");
    expect(input.caret).toBe(2);
    t.unmount();
  });

  test("clicking places the caret", async () => {
    const { t, input } = await field(10, "abcdef");
    t.click(3, 0);
    expect(input.caret).toBe(3);
    t.unmount();
  });
});
