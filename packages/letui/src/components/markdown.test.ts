import { describe, expect, test } from "bun:test";
import { LetuiError } from "../errors.ts";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Markdown, type MarkdownElement } from "./markdown.ts";

const DOC = "# Title\n\nSome *em* and **bold** [link](https://example.com/a)\n\n> quoted\n> text\n\n---\n\n- a\n- [x] b\n- [ ] c\n\n```ts\nlet a = 1;\n```\n\n| a | b |\n|---|--:|\n| 1 | 22 |\n";

describe("Markdown", () => {
  test("headings, emphasis, quotes, rules, lists, tasks, code and tables", async () => {
    const t = await render(() => Markdown({ text: DOC }), { width: 30, height: 20 });
    const lines = t.lines().map((l) => l.trimEnd());
    expect(lines.slice(0, 21)).toEqual([
      "Title",
      "",
      "Some em and bold link",
      "",
      "│ quoted text",
      "",
      "─".repeat(30),
      "",
      "• a",
      "• ☑ b",
      "• ☐ c",
      "",
      " ts",
      " let a = 1;",
      "",
      "a │  b",
      "──────",
      "1 │ 22",
      "",
      "",
    ]);
    expect(t.cell(0, 0).style.bold).toBe(true);
    expect(t.cell(5, 2).style.italic).toBe(true);
    expect(t.cell(12, 2).style.bold).toBe(true);
    // The link is an OSC 8 hyperlink to its URL, and only the link text carries it.
    expect(t.screen.cellAt(17, 2).link).toBe("https://example.com/a");
    expect(t.screen.cellAt(15, 2).link).toBeUndefined();
    // The code block sits on the surface color, wider than its text.
    expect(t.cell(20, 13).style.bg).toBe(t.cell(1, 13).style.bg);
    expect(t.cell(20, 13).style.bg).not.toBe(t.cell(20, 2).style.bg);
    t.unmount();
  });

  test("wraps to its width; ordered lists and nested lists indent", async () => {
    const text = "1. one two three four five six seven\n2. second\n   - inner item\n";
    const t = await render(() => Markdown({ text }), { width: 16, height: 8 });
    expect(t.lines().map((l) => l.trimEnd()).slice(0, 5)).toEqual(["1. one two three", "   four five six", "   seven", "2. second", "   ◦ inner item"]);
    t.unmount();
  });

  test("GFM strikethrough and bare URL autolinks", async () => {
    const t = await render(() => Markdown({ text: "~~gone~~ see www.example.org now" }), { width: 40, height: 2 });
    expect(t.lines()[0]?.trimEnd()).toBe("gone see www.example.org now");
    expect(t.cell(0, 0).style.strikethrough).toBe(true);
    expect(t.screen.cellAt(10, 0).link).toBe("http://www.example.org");
    t.unmount();
  });

  test("streaming re-parses only the open tail block", async () => {
    let el!: MarkdownElement;
    const t = await render(
      () => {
        el = Markdown({});
        return el;
      },
      { width: 40, height: 10 },
    );
    for (let i = 0; i < 300; i++) el.appendText(`Paragraph ${i} has some words.\n\n`);
    el.appendText("The open");
    expect(el.finishedBlocks).toBe(300);
    el.appendText(" tail grows");
    // Only the tail paragraph (and the blank lines before it) is parsed again.
    expect(el.lastParsed).toBeLessThan(40);
    el.appendText(" word by word.");
    await t.frame();
    expect(el.source.endsWith("The open tail grows word by word.")).toBe(true);
    // Finished blocks sit in groups of 16 (300 = 18 full groups and one of 12), then the tail.
    expect(el.children.length).toBe(20);
    expect(el.children.map((c) => c.children.length).slice(17)).toEqual([16, 12, 0]);
    // A fence left open keeps the tail open across blank lines, then closes.
    el.appendText("\n\n```\ncode\n\nmore");
    expect(el.finishedBlocks).toBe(301);
    el.appendText("\n```\n\nafter");
    expect(el.finishedBlocks).toBe(302);
    t.unmount();
  });

  test("a text signal that grows streams; one that changes re-parses", async () => {
    const text = signal("# A\n\nfirst");
    let el!: MarkdownElement;
    const t = await render(
      () => {
        el = Markdown({ text });
        return el;
      },
      { width: 20, height: 6 },
    );
    text.set("# A\n\nfirst second");
    await t.frame();
    expect(el.lastParsed).toBe("first second".length);
    expect(t.lines()[2]?.trimEnd()).toBe("first second");
    text.set("other");
    await t.frame();
    expect(t.lines().map((l) => l.trimEnd()).slice(0, 2)).toEqual(["other", ""]);
    t.unmount();
  });

  test("untrusted text never emits escapes; bad link URLs are dropped", async () => {
    const evil = "a\x1b]52;c;SGVsbG8=\x07b \x1b[2J\x9b31m \u202e [x](https://ok.example/\x1b]8;;) [y](javascript:alert(1)) [z](https://fine.example)";
    const t = await render(() => Markdown({ text: evil }), { width: 60, height: 3 });
    const out = new TextDecoder().decode(t.takeOutput());
    // The only escapes are the renderer's own: no OSC 52, no clear, no C1.
    expect(out).not.toContain("\x1b]52");
    expect(out.indexOf("\x1b[2J", 20)).toBe(-1); // only the first frame's own clear
    expect(out).not.toContain("\x9b");
    expect(out).not.toContain("\u202e");
    expect(t.lines()[0]).toContain("␛]52;c;SGVsbG8=␇b");
    const links = new Set<string>();
    for (let y = 0; y < 3; y++) for (let x = 0; x < 60; x++) links.add(t.screen.cellAt(x, y).link ?? "");
    // The URL is cut at the escape (a bare-URL autolink); javascript: gets no link.
    expect([...links].sort()).toEqual(["", "https://fine.example", "https://ok.example/"]);
    t.unmount();
  });

  test("pathological input is bounded", async () => {
    const deep = `${"> ".repeat(100_000)}deep\n\n${"- ".repeat(50_000)}item\n`;
    const long = "word ".repeat(200_000);
    const t = await render(() => Markdown({ text: deep + long }), { width: 40, height: 10 });
    expect(t.lines().join("")).toContain("deep");
    t.unmount();
  });

  test("bad props are LetuiErrors naming Markdown", () => {
    expect(() => Markdown({ text: 3 as unknown as string })).toThrow(LetuiError);
    expect(() => Markdown({ text: 3 as unknown as string })).toThrow(/Markdown.*text/);
    expect(() => Markdown(null as unknown as object)).toThrow(/Markdown/);
    const el = Markdown({});
    expect(() => el.appendText(null as unknown as string)).toThrow(LetuiError);
  });
});

test("a fenced diff block is shown as a Diff", async () => {
  const text = "```diff\n@@ -1 +1 @@\n-old line\n+new line\n```\n";
  const t = await render(() => Markdown({ text }), { width: 30, height: 4 });
  expect(t.lines().map((l) => l.trimEnd())).toEqual(["@@ -1 +1 @@", "1   − old line", "  1 + new line", ""]);
  t.unmount();
});
