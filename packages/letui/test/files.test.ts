import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filesApp, formatSize, preview } from "../../../examples/files-app.ts";
import { render } from "../src/testing/index.ts";

const dir = mkdtempSync(join(tmpdir(), "letui-files-"));
mkdirSync(join(dir, "docs", "old"), { recursive: true });
writeFileSync(join(dir, "small.txt"), "hello\nworld\n");
writeFileSync(join(dir, "big.txt"), Array.from({ length: 300 }, (_, i) => `line ${i}`).join("\n"));
writeFileSync(join(dir, "docs", "guide.md"), "# guide\n");
writeFileSync(join(dir, "evil.txt"), "safe\u001b[2Jtext");
writeFileSync(join(dir, "blob.bin"), Buffer.from([1, 0, 2, 3]));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the files example", () => {
  test("tree of folders, table of entries with sorting, preview of the selected file", async () => {
    const t = await render(() => filesApp(dir), { width: 100, height: 24 });
    t.app.focusNext();
    expect(t.text()).toContain("▾ letui-files-");
    expect(t.text()).toContain("  ▸ docs");
    t.press("tab");
    expect(t.app.focused?.id).toBe("entries");
    // Folders first, then by name: docs/, big.txt, blob.bin, evil.txt, small.txt.
    t.press("down");
    await t.frame();
    expect(t.text()).toContain("╭ big.txt");
    expect(t.text()).toContain("line 0");
    // The preview scrolls.
    t.press("tab");
    expect(t.app.focused?.id).toBe("preview");
    t.press("end");
    await t.frame();
    expect(t.text()).toContain("line 299");
    // Sorting by size, largest first after two clicks.
    const header = t.lines().findIndex((l) => l.includes("Modified"));
    const x = (t.lines()[header] as string).indexOf("Size");
    t.click(x, header);
    t.click(x, header);
    await t.frame();
    expect(t.text()).toContain("Size ▼");
    const rows = t.lines().slice(header + 1, header + 3).join("\n");
    expect(rows).toContain("big.txt");
    // The tree opens a folder's entries.
    t.app.focus(t.app.root.find("tree") ?? null);
    t.press("down");
    await t.frame();
    expect(t.text()).toContain("guide.md");
    t.unmount();
  });

  test("previews are text only, without escape sequences", () => {
    expect(preview(join(dir, "blob.bin"))).toBe("(binary file)");
    expect(preview(join(dir, "evil.txt"))).toBe("safe\ufffd[2Jtext");
    expect(preview(join(dir, "missing"))).toContain("cannot open");
    expect(formatSize(1536)).toBe("1.5 KiB");
  });
});
