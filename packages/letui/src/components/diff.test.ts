import { describe, expect, test } from "bun:test";
import { LetuiError } from "../errors.ts";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Diff, parsePatch } from "./diff.ts";

const PATCH =
  "diff --git a/x.ts b/x.ts\nindex 1..2 100644\n--- a/x.ts\n+++ b/x.ts\n@@ -1,3 +1,3 @@ fn\n const a = 1;\n-let total = a + 2;\n+let total = a + 3;\n console.log(total);\n\\ No newline at end of file\n";

const rows = (lines: string[]) => lines.map((l) => l.trimEnd());

describe("Diff", () => {
  test("a unified diff: file header, hunk header, numbered lines, changed words marked", async () => {
    const t = await render(() => Diff({ patch: PATCH }), { width: 60, height: 7 });
    expect(rows(t.lines()).slice(0, 6)).toEqual([
      "x.ts",
      "@@ -1,3 +1,3 @@ fn",
      "1 1   const a = 1;",
      "2   − let total = a + 2;",
      "  2 + let total = a + 3;",
      "3 3   console.log(total);",
    ]);
    // Only the changed word is inverse; the line has the removed/added color.
    const at = (x: number, y: number) => t.cell(x, y).style;
    expect(at(22, 3).inverse).toBe(true);
    expect(at(18, 3).inverse).toBeFalsy();
    expect(at(22, 4).inverse).toBe(true);
    expect(at(8, 3).fg).not.toBe(at(8, 4).fg);
    expect(at(8, 2).fg).not.toBe(at(8, 3).fg);
    t.unmount();
  });

  test("side by side when wide enough, and back to unified when narrowed", async () => {
    const t = await render(() => Diff({ patch: PATCH, splitWidth: 80 }), { width: 100, height: 7 });
    // The first frame measures the width; the next shows the split layout.
    await t.frame();
    expect(rows(t.lines())[3]).toBe(`2 − let total = a + 2;${" ".repeat(28)}2 + let total = a + 3;`);
    t.resize(60, 7);
    await t.frame();
    await t.frame();
    expect(rows(t.lines())[3]).toBe("2   − let total = a + 2;");
    t.unmount();
  });

  test("two texts, compared natively; a signal updates the diff", async () => {
    const next = signal("a\nB\nc\nd\n");
    const t = await render(() => Diff({ old: "a\nb\nc\n", new: next, layout: "unified", lineNumbers: false }), { width: 30, height: 7 });
    expect(rows(t.lines()).slice(0, 6)).toEqual(["@@ -1,3 +1,4 @@", "  a", "− b", "+ B", "  c", "+ d"]);
    next.set("a\nb\nc\n");
    await t.frame();
    expect(t.text()).toBe("");
    t.unmount();
  });

  test("control characters in a patch are inert", async () => {
    const evil = "@@ -1 +1 @@\n-a\x1b]52;c;eA==\x07\n+b\x1b[2J\x9b\n";
    expect(parsePatch(evil)[0]?.lines.map((l) => l.s.map((s) => s[0]).join(""))).toEqual(["a␛]52;c;eA==␇", "b␛[2J\ufffd"]);
    const t = await render(() => Diff({ patch: evil }), { width: 40, height: 4 });
    const out = new TextDecoder().decode(t.takeOutput());
    expect(out).not.toContain("\x1b]52");
    expect(out.indexOf("\x1b[2J", 20)).toBe(-1);
    t.unmount();
  });

  test("bad props are LetuiErrors naming Diff", () => {
    expect(() => Diff({} as never)).toThrow(LetuiError);
    expect(() => Diff({ old: "a" } as never)).toThrow(/Diff.*new/);
    expect(() => Diff({ patch: "", old: "a", new: "b" })).toThrow(/Diff.*patch/);
    expect(() => Diff({ patch: "", layout: "wide" as never })).toThrow(/Diff.*layout/);
    expect(() => Diff({ old: "a", new: "b", context: -1 })).toThrow(/Diff.*context/);
    expect(() => Diff({ patch: 5 as never })).toThrow(/Diff.*patch/);
  });
});
