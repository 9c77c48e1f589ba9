import { describe, expect, test } from "bun:test";
import { darkTheme } from "../app/theme.ts";
import { LetuiError } from "../errors.ts";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { ScrollBox } from "./scroll-box.ts";
import { Code, Highlighter, isCodeLanguage } from "./code.ts";
import { Markdown } from "./markdown.ts";

type T = Awaited<ReturnType<typeof render>>;

/** The style of the first cell showing `text` on the screen. */
function styleOf(t: T, text: string) {
  const lines = t.lines();
  for (let y = 0; y < lines.length; y++) {
    const x = (lines[y] as string).indexOf(text);
    if (x >= 0) return t.cell(x, y).style;
  }
  throw new Error(`${text} is not on the screen:\n${t.text()}`);
}

/** Every cell's text and style, for comparing two renders. */
function cells(t: T): string {
  const out: string[] = [];
  for (let y = 0; y < t.screen.height; y++) for (let x = 0; x < t.screen.width; x++) out.push(JSON.stringify(t.cell(x, y)));
  return out.join("\n");
}

const TS = `// greet someone
const count: number = 42;
function greet(name: string) {
  return \`hi \${name}\`;
}`;

describe("Code", () => {
  test("colors keywords, strings, numbers, comments and functions from the theme", async () => {
    const t = await render(() => Code({ code: TS, lang: "ts" }), { width: 40, height: 6 });
    expect(t.text().split("\n")[1]).toBe("const count: number = 42;");
    const keyword = styleOf(t, "const");
    expect(keyword.bold).toBe(true);
    expect(styleOf(t, "// greet").italic).toBe(true);
    const number = styleOf(t, "42");
    const fn = styleOf(t, "greet(");
    const str = styleOf(t, "`hi");
    const plain = styleOf(t, " count");
    const fgs = new Set([keyword.fg, number.fg, fn.fg, str.fg, plain.fg]);
    expect(fgs.size).toBe(5);
    // All on the code background.
    for (const s of [keyword, number, fn, str, plain]) expect(s.bg).toBe(plain.bg);
    t.unmount();
  });

  test("knows the languages by name and extension, and refuses others by name", () => {
    for (const lang of ["ts", "typescript", "tsx", "js", "javascript", "rust", "rs", "python", "py", "go", "json", "sh", "bash", "html", "css", "yaml", "yml", "markdown", "md"]) {
      expect([lang, isCodeLanguage(lang)]).toEqual([lang, true]);
    }
    expect(isCodeLanguage("cobol")).toBe(false);
    expect(() => Code({ code: "x", lang: "cobol" })).toThrow(LetuiError);
    expect(() => Code({ code: "x", lang: "cobol" })).toThrow(/Code.*lang.*cobol/s);
    expect(() => Code({ code: 3 as unknown as string })).toThrow(/Code.*code/);
    expect(() => Code({ lineNumbers: "yes" as unknown as boolean })).toThrow(/Code.*lineNumbers/);
    expect(() => Code({ startLine: -1 })).toThrow(/Code.*startLine/);
    const h = new Highlighter("py");
    h.set("def f():\n    return 1\n");
    const words = [...h.spans(0, 2)];
    expect(words.length % 4).toBe(0);
    expect(words.slice(0, 4)).toEqual([0, 0, 3, 1]); // `def`, a keyword
    h.dispose();
    expect(() => h.spans(0)).toThrow(LetuiError);
  });

  test("a gutter of line numbers from startLine; long lines wrap or widen the element", async () => {
    const long = `const s = "${"x".repeat(50)}";`;
    const t = await render(() => Code({ code: `${long}\nlet y = 1;`, lang: "ts", lineNumbers: true, startLine: 9 }), { width: 30, height: 6 });
    const lines = t.text().split("\n");
    expect(lines[0]?.startsWith(" 9 const s")).toBe(true);
    expect(lines[1]?.startsWith("   ")).toBe(true); // the wrapped row has no number
    expect(lines[2]?.startsWith("   xxx")).toBe(true);
    expect(lines[3]?.startsWith("10 let y = 1;")).toBe(true);
    t.unmount();
    const box = ScrollBox({ horizontal: true, height: 4, width: 30 }, Code({ code: `${long}\nlet y = 1;`, lang: "ts", wrap: false }));
    const u = await render(() => box, { width: 30, height: 4 });
    expect(u.text().split("\n")[1]?.startsWith("let y = 1;")).toBe(true);
    box.scrollTo(0, 40);
    await u.frame();
    expect(u.text()).toContain("xxx\";");
    u.unmount();
  });

  test("streamed in by pieces, it shows exactly what the whole source shows", async () => {
    const src = `${TS}\nconst t = \`multi\nline\`; /* a block\ncomment */ let z = [1, 2];\n`;
    const whole = await render(() => Code({ code: src, lang: "ts", lineNumbers: true }), { width: 40, height: 12 });
    const text = signal("");
    const streamed = await render(() => Code({ code: text, lang: "ts", lineNumbers: true }), { width: 40, height: 12 });
    for (let i = 0; i < src.length; i += 3) {
      text.value = src.slice(0, i + 3);
      await streamed.frame();
    }
    expect(streamed.text()).toBe(whole.text());
    expect(cells(streamed)).toBe(cells(whole));
    whole.unmount();
    streamed.unmount();
  });

  test("only the rows in view are painted: a 10,000-line file in a ScrollBox", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `let v${i} = ${i}; // line ${i + 1}`);
    const code = Code({ code: lines.join("\n"), lang: "ts", lineNumbers: true });
    const box = ScrollBox({ height: 10, width: 60 }, code);
    const t = await render(() => box, { width: 60, height: 10 });
    expect(code.view.height).toBe(10_000);
    box.scrollTo(5_000);
    await t.frame();
    expect(t.text()).toContain(" 5001 let v5000 = 5000; // line 5001");
    expect(styleOf(t, "let v5000").bold).toBe(true);
    // Appending a line re-highlights it without touching the rest.
    code.appendText("\nconst last = true;");
    await t.frame();
    box.scrollTo(20_000);
    await t.frame();
    expect(t.text()).toContain("10001 const last = true;");
    expect(styleOf(t, "const last").bold).toBe(true);
    t.unmount();
  });

  test("escapes and controls in code are shown inertly; a huge line renders in bounded time", async () => {
    const t = await render(() => Code({ code: 'const a = "\x1b[31mred\x1b]8;;http://x\x07";\n\tx\u0000', lang: "ts" }), { width: 60, height: 3 });
    expect(t.text()).toContain("^[[31mred^[]8;;http://x^G");
    const out = new TextDecoder().decode(t.takeOutput());
    expect(out).not.toContain("\x1b[31mred");
    expect(out).not.toContain("\x1b]8;;http://x");
    expect(out).not.toContain("\x07");
    t.unmount();
    const huge = `const s = "${"é".repeat(2_000_000)}";`;
    const start = performance.now();
    const u = await render(() => Code({ code: huge, lang: "ts" }), { width: 80, height: 5 });
    expect(u.text().startsWith('const s = "éé')).toBe(true);
    expect(performance.now() - start).toBeLessThan(30_000);
    u.unmount();
  });

  test("Markdown fences in a known language are highlighted", async () => {
    const t = await render(() => Markdown({ text: "```rust\nfn main() { let x = 1; }\n```\n\n```cobol\nMOVE A\n```" }), { width: 40, height: 8 });
    expect(styleOf(t, "fn main").bold).toBe(true);
    expect(styleOf(t, "MOVE").bold).toBe(false);
    expect(t.text()).toContain("cobol");
    expect(darkTheme.accent).toBeDefined();
    t.unmount();
  });
});
