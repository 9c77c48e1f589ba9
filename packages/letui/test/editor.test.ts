import { afterEach, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { editorApp } from "../../../examples/editor-app.ts";
import { render, type TestApp } from "../src/testing/index.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempFile(content?: Uint8Array | string): string {
  const dir = mkdtempSync(join(tmpdir(), "letui-editor-"));
  dirs.push(dir);
  const file = join(dir, "notes.txt");
  if (content !== undefined) writeFileSync(file, content);
  return file;
}

/** Lets the promise chains of dialogs settle and the frames they ask for run. */
async function settle(t: TestApp): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await Promise.resolve();
    await t.frame();
  }
}

describe("the editor example", () => {
  test("invalid UTF-8, control bytes and CRLF are shown and saved back unchanged apart from the edit", async () => {
    const original = new Uint8Array([
      ...new TextEncoder().encode("caf\u00e9 \t tab\r\n"),
      0xff,
      0xc3,
      0x28,
      0x1b,
      ...new TextEncoder().encode("[31m\r\nlast"),
    ]);
    const file = tempFile(original);
    const ed = editorApp(file);
    const t = await render(() => ed.root, { width: 50, height: 10 });
    await settle(t);
    expect(t.text()).toContain("\\xFF\\xC3(^[[31m");
    t.press("ctrl+end");
    t.type("!");
    t.press("ctrl+s");
    await settle(t);
    expect(t.text()).toContain("Saved");
    expect(new Uint8Array(readFileSync(file))).toEqual(new Uint8Array([...original, 0x21]));
    t.unmount();
  });

  test("a new file is created on the first save; the status line follows the caret and the modified mark", async () => {
    const file = tempFile();
    const ed = editorApp(file);
    const t = await render(() => ed.root, { width: 60, height: 8 });
    await settle(t);
    t.type("one");
    t.press("enter");
    t.type("two");
    await t.frame();
    expect(t.text()).toContain("notes.txt ● · Ln 2, Col 4 · 2 lines");
    expect(existsSync(file)).toBe(false);
    t.press("ctrl+s");
    await settle(t);
    expect(readFileSync(file, "utf8")).toBe("one\ntwo");
    expect(t.text()).toContain("notes.txt · Ln 2, Col 4");
    t.unmount();
  });

  test("a file changed on disk is not overwritten without asking", async () => {
    const file = tempFile("mine\n");
    const ed = editorApp(file);
    const t = await render(() => ed.root, { width: 60, height: 12 });
    await settle(t);
    t.type("edit ");
    writeFileSync(file, "theirs\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    t.press("ctrl+s");
    await settle(t);
    expect(t.text()).toContain("changed on disk");
    t.press("escape");
    await settle(t);
    expect(readFileSync(file, "utf8")).toBe("theirs\n");
    expect(t.text()).toContain("Not saved");
    t.press("ctrl+s");
    await settle(t);
    t.press("enter"); // Overwrite has the focus
    await settle(t);
    expect(readFileSync(file, "utf8")).toBe("edit mine\n");
    t.unmount();
  });

  test("quitting with unsaved changes asks; Cancel keeps editing, Quit leaves without saving", async () => {
    const file = tempFile("keep\n");
    const ed = editorApp(file);
    const t = await render(() => ed.root, { width: 60, height: 12 });
    await settle(t);
    t.type("x");
    t.press("ctrl+q");
    await settle(t);
    expect(t.text()).toContain("unsaved changes");
    t.press("shift+tab");
    t.press("enter"); // Cancel
    await settle(t);
    expect(t.exitCode).toBeUndefined();
    expect(t.app.focused).toBe(ed.textarea);
    t.type("y");
    t.press("ctrl+c");
    await settle(t);
    t.press("enter"); // Quit
    await settle(t);
    expect(t.exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toBe("keep\n");
  });

  test("quitting with nothing changed does not ask", async () => {
    const ed = editorApp(tempFile("same"));
    const t = await render(() => ed.root, { width: 40, height: 6 });
    await settle(t);
    t.press("ctrl+q");
    await settle(t);
    expect(t.exitCode).toBe(0);
  });
});
