import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { render, type TestApp } from "../testing/index.ts";
import { decodeUtf8, encodeUtf8 } from "../utf8.ts";
import { Box } from "./box.ts";
import { TextDocument } from "./text-document.ts";
import { Textarea, type TextareaElement, type TextareaProps } from "./textarea.ts";

async function editor(
  props: TextareaProps = {},
  size: { width: number; height: number } = { width: 20, height: 5 },
): Promise<{ t: TestApp; ta: TextareaElement }> {
  const ta = Textarea({ width: size.width, height: size.height, ...props });
  const t = await render(() => Box({}, ta), size);
  t.app.focus(ta);
  await t.frame();
  return { t, ta };
}

const decoder = new TextDecoder();

describe("Textarea editing", () => {
  test("typing, Enter, Backspace and Delete, with the value signal two-way", async () => {
    const value = signal("");
    const changes: string[] = [];
    const { t, ta } = await editor({ value, onChange: (v) => changes.push(v) });
    t.type("ab");
    t.press("enter");
    t.type("cd");
    expect(value.value).toBe("ab\ncd");
    t.press("left");
    t.press("backspace");
    expect(value.value).toBe("ab\nd");
    t.press("up");
    t.press("delete");
    expect(value.value).toBe("b\nd");
    expect(changes.at(-1)).toBe("b\nd");
    // Writing the signal from outside replaces the text.
    value.value = "new text";
    await t.frame();
    expect(ta.text).toBe("new text");
    expect(t.lines()[0]).toStartWith("new text");
    t.unmount();
  });

  test("never splits a cluster; word moves; Ctrl-W, Ctrl-K and Ctrl-U", async () => {
    const { t, ta } = await editor({ value: "a👨‍👩‍👧中e\u0301 two three" }, { width: 40, height: 3 });
    t.press("ctrl+e");
    t.press("ctrl+left");
    t.type("X");
    expect(ta.text).toBe("a👨‍👩‍👧中e\u0301 two Xthree");
    t.press("home");
    t.press("right");
    t.press("right");
    t.press("backspace");
    expect(ta.text).toBe("a中e\u0301 two Xthree");
    t.press("right");
    t.press("right");
    t.press("backspace");
    expect(ta.text).toBe("a中 two Xthree");
    t.press("ctrl+e");
    t.press("ctrl+w");
    expect(ta.text).toBe("a中 two ");
    t.press("home");
    t.press("ctrl+right");
    t.press("ctrl+k");
    expect(ta.text).toBe("a中");
    t.press("ctrl+u");
    expect(ta.text).toBe("");
    t.unmount();
  });

  test("soft wrap by word, and up/down by visual row keep the column", async () => {
    const { t, ta } = await editor({ value: "one two three four five six\nshort" }, { width: 12, height: 5 });
    expect(t.lines().slice(0, 4).map((l) => l.trimEnd())).toEqual(["one two", "three four", "five six", "short"]);
    t.press("ctrl+home");
    t.press("right");
    t.press("right");
    t.press("down");
    expect(ta.head).toEqual({ line: 0, col: 10 }); // "th|ree"
    t.press("down");
    t.press("down");
    expect(ta.head).toEqual({ line: 1, col: 2 });
    t.press("up");
    t.press("up");
    expect(ta.head).toEqual({ line: 0, col: 10 });
    // Home goes to the row's start, pressed again to the line's start.
    t.press("end");
    expect(ta.head.col).toBe(18); // before the space that ends the row
    t.press("home");
    expect(ta.head.col).toBe(8);
    t.press("home");
    expect(ta.head.col).toBe(0);
    t.unmount();
  });

  test("character wrap, and no wrap with sideways scrolling", async () => {
    const c = await editor({ value: "abcdefghij", wrap: "char" }, { width: 5, height: 3 });
    expect(c.t.lines().map((l) => l.trimEnd())).toEqual(["abcd", "efgh", "ij"]);
    c.t.unmount();
    const n = await editor({ value: "abcdefghij", wrap: "none" }, { width: 5, height: 2 });
    expect(n.t.lines()[0]).toBe("abcde");
    n.t.press("end");
    await n.t.frame();
    expect(n.t.lines()[0]?.trimEnd()).toBe("ghij");
    expect(n.t.app.focused?.cursor()).toEqual({ x: 4, y: 0 });
    n.t.unmount();
  });

  test("undo merges typing into words; redo; a paste is one step", async () => {
    const { t, ta } = await editor({}, { width: 40, height: 3 });
    t.type("hello world");
    t.press("ctrl+z");
    expect(ta.text).toBe("hello ");
    t.press("ctrl+z");
    expect(ta.text).toBe("");
    t.press("ctrl+y");
    t.press("ctrl+shift+z");
    expect(ta.text).toBe("hello world");
    t.paste("one\r\ntwo\rthree");
    expect(ta.text).toBe("hello worldone\ntwo\nthree");
    t.press("ctrl+z");
    expect(ta.text).toBe("hello world");
    // Backspaces merge too, a word at a time.
    t.press("backspace");
    t.press("backspace");
    t.press("backspace");
    t.press("ctrl+z");
    expect(ta.text).toBe("hello world");
    // Moving the caret ends a step.
    t.type("ab");
    t.press("left");
    t.press("right");
    t.type("cd");
    t.press("ctrl+z");
    expect(ta.text).toBe("hello worldab");
    t.unmount();
  });

  test("selection by Shift, copy to OSC 52 and the app's clipboard, cut and paste", async () => {
    const { t, ta } = await editor({ value: "alpha beta\ngamma" }, { width: 30, height: 3 });
    t.takeOutput();
    t.press("ctrl+home");
    t.press("shift+ctrl+right");
    expect(ta.selectedText).toBe("alpha");
    t.press("ctrl+c");
    await t.frame();
    const out = decoder.decode(t.takeOutput());
    expect(out).toContain(`\x1b]52;c;${btoa("alpha")}\x07`);
    expect(t.app.clipboard.text).toBe("alpha");
    // The selection is drawn in the selection look.
    expect(t.cell(0, 0).style).not.toEqual(t.cell(8, 0).style);
    t.press("shift+down");
    expect(ta.selectedText).toBe("alpha beta\ngamma");
    t.press("ctrl+x");
    expect(ta.text).toBe("");
    t.press("ctrl+v");
    t.press("ctrl+v");
    expect(ta.text).toBe("alpha beta\ngammaalpha beta\ngamma");
    t.press("ctrl+a");
    expect(ta.selectedText).toBe(ta.text);
    t.press("escape");
    expect(ta.hasSelection).toBe(false);
    t.type("!");
    t.unmount();
  });

  test("the internal clipboard only, when the app says so", async () => {
    const ta = Textarea({ value: "secret", width: 10, height: 1 });
    const t = await render(() => ta, { width: 10, height: 1, clipboard: "internal" });
    t.app.focus(ta);
    t.takeOutput();
    t.press("ctrl+a");
    t.press("ctrl+c");
    await t.frame();
    expect(decoder.decode(t.takeOutput())).not.toContain("\x1b]52");
    expect(t.app.clipboard.text).toBe("secret");
    t.unmount();
  });

  test("mouse: click places, drag selects, double-click a word, triple-click a line, wheel scrolls", async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} word`);
    const { t, ta } = await editor({ value: lines.join("\n") }, { width: 20, height: 5 });
    t.click(3, 1);
    expect(ta.head).toEqual({ line: 1, col: 3 });
    t.mouse("down", 0, 0);
    t.mouse("drag", 4, 2);
    t.mouse("up", 4, 2);
    expect(ta.selectedText).toBe("line 0 word\nline 1 word\nline");
    await t.advance(1000);
    t.click(8, 3);
    t.click(8, 3);
    expect(ta.selectedText).toBe("word");
    t.click(8, 3);
    expect(ta.selectedText).toBe("line 3 word\n");
    await t.advance(1000);
    t.wheel(2, 2, "down");
    await t.frame();
    expect(t.lines()[0]?.trimEnd()).toBe("line 3 word");
    // Dragging below the view scrolls it.
    t.mouse("down", 0, 0);
    t.mouse("drag", 0, 7);
    t.mouse("drag", 0, 7);
    t.mouse("up", 0, 7);
    await t.frame();
    expect(t.lines()[0]?.trimEnd()).toBe("line 5 word");
    t.unmount();
  });

  test("big documents: only what shows is laid out, PageDown and Ctrl-End, line numbers", async () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `row ${i}`).join("\n");
    const { t, ta } = await editor({ value: text, lineNumbers: true, scrollbar: true }, { width: 30, height: 10 });
    expect(t.lines()[0]).toStartWith("     1 row 0");
    t.press("pagedown");
    await t.frame();
    expect(t.lines()[0]).toStartWith("    10 row 9");
    t.press("ctrl+end");
    t.type("!");
    await t.frame();
    expect(t.lines()[9]).toStartWith("100000 row 99999!");
    expect(t.lines()[9]?.at(-1)).toBe("█");
    expect(ta.document.lineCount).toBe(100_000);
    t.unmount();
  });

  test("read-only, maxLength at a cluster boundary, placeholder", async () => {
    const ro = await editor({ value: "fixed", readOnly: true });
    ro.t.type("x");
    ro.t.press("backspace");
    ro.t.paste("y");
    ro.t.press("ctrl+a");
    ro.t.press("ctrl+c");
    expect(ro.ta.text).toBe("fixed");
    expect(ro.t.app.clipboard.text).toBe("fixed");
    ro.t.unmount();
    const max = await editor({ maxLength: 6 });
    max.t.paste("ab👍🏽cd"); // 👍🏽 is 4 code units: "ab👍🏽" is 6
    expect(max.ta.text).toBe("ab👍🏽");
    max.t.type("z");
    expect(max.ta.text).toBe("ab👍🏽");
    max.t.unmount();
    const ph = await editor({ placeholder: "Write here" });
    expect(ph.t.lines()[0]).toStartWith("Write here");
    ph.t.type("a");
    await ph.t.frame();
    expect(ph.t.lines()[0]?.trimEnd()).toBe("a");
    ph.t.unmount();
  });

  test("Tab inserts, inserts spaces, or moves focus; submit keys", async () => {
    const submitted: string[] = [];
    const ins = await editor({ submitKey: "ctrl+s", onSubmit: (v) => submitted.push(v) }, { width: 20, height: 2 });
    ins.t.type("a");
    ins.t.press("tab");
    ins.t.type("b");
    expect(ins.ta.text).toBe("a\tb");
    await ins.t.frame();
    expect(ins.t.lines()[0]?.trimEnd()).toBe("a→  b");
    ins.t.press("ctrl+s");
    expect(submitted).toEqual(["a\tb"]);
    ins.t.unmount();
    const sp = await editor({ tab: "spaces", tabSize: 4 });
    sp.t.type("a");
    sp.t.press("tab");
    expect(sp.ta.text).toBe("a   ");
    sp.t.unmount();
    const a = Textarea({ tab: "focus", height: 2 });
    const b = Textarea({ height: 2 });
    const t = await render(() => Box({}, a, b), { width: 20, height: 4 });
    t.app.focus(a);
    t.press("tab");
    expect(t.app.focused).toBe(b);
    t.unmount();
    const enter = await editor({ submitKey: "enter", onSubmit: (v) => submitted.push(v) });
    enter.t.type("hi");
    enter.t.press("alt+enter");
    enter.t.type("there");
    enter.t.press("enter");
    expect(submitted.at(-1)).toBe("hi\nthere");
    enter.t.unmount();
  });

  test("the terminal cursor sits at the caret, after wide characters", async () => {
    const { t } = await editor({ value: "中文" }, { width: 10, height: 2 });
    t.press("ctrl+e");
    await t.frame();
    expect(t.app.focused?.cursor()).toEqual({ x: 4, y: 0 });
    t.unmount();
  });
});

describe("Textarea and bad input", () => {
  test("control characters, tabs, lone surrogates and escaped bytes show in a visible form and are kept", async () => {
    const raw = "a\x1b[31mred\x07\u0085\ud800z\udcff";
    const { t, ta } = await editor({}, { width: 40, height: 2 });
    t.paste(raw);
    await t.frame();
    expect(ta.text).toBe(raw);
    expect(t.lines()[0]?.trimEnd()).toBe("a^[[31mred^G<85><D800>z\\xFF");
    // Nothing but the screen's own sequences reaches the terminal.
    const out = decoder.decode(t.takeOutput());
    expect(out).not.toContain("\x1b[31mred");
    expect(out).not.toContain("\x07");
    t.unmount();
  });

  test("invalid UTF-8 survives decode, edit and encode byte for byte", async () => {
    const bytes = new Uint8Array([0x68, 0x69, 0xff, 0x0a, 0xc3, 0x28, 0xe2, 0x82, 0x0a, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80]);
    const text = decodeUtf8(bytes);
    expect(encodeUtf8(text)).toEqual(bytes);
    const { t, ta } = await editor({ value: text }, { width: 30, height: 4 });
    expect(t.lines()[0]?.trimEnd()).toBe("hi\\xFF");
    t.press("ctrl+end");
    t.type("!");
    const saved = encodeUtf8(ta.text);
    expect(saved).toEqual(new Uint8Array([...bytes, 0x21]));
    t.unmount();
    // Lone surrogates that are not escapes are kept in the generalized form.
    expect(encodeUtf8("a\ud800b")).toEqual(new Uint8Array([0x61, 0xed, 0xa0, 0x80, 0x62]));
    expect(decodeUtf8(new Uint8Array([0xe2, 0x82, 0xac]))).toBe("€");
  });

  test("CRLF text keeps its breaks; a lone CR in a LF file stays in its line", () => {
    const crlf = new TextDocument("a\r\nb\r\n");
    expect(crlf.lineCount).toBe(3);
    crlf.replace({ line: 1, col: 1 }, { line: 1, col: 1 }, "\nc", [{ line: 0, col: 0 }, { line: 0, col: 0 }]);
    expect(crlf.text()).toBe("a\r\nb\r\nc\r\n");
    const lf = new TextDocument("a\rb\nc");
    expect(lf.lineCount).toBe(2);
    expect(lf.text()).toBe("a\rb\nc");
  });

  test("bad props throw clear errors", () => {
    expect(() => Textarea({ wrap: "sideways" as never })).toThrow(/Textarea: prop wrap/);
    expect(() => Textarea({ tabSize: 0 })).toThrow(/Textarea: prop tabSize/);
    expect(() => Textarea({ maxLength: -1 })).toThrow(/Textarea: prop maxLength/);
    expect(() => Textarea({ value: 5 as never })).toThrow(/Textarea: prop value/);
    expect(() => Textarea({ submitKey: "" })).toThrow(/Textarea: prop submitKey/);
  });
});
