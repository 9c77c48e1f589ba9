import { afterEach, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadTodos, todoApp } from "../../../examples/todo-app.ts";
import { render } from "../src/testing/index.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempFile(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "letui-todo-"));
  dirs.push(dir);
  const file = join(dir, "todos.json");
  if (content !== undefined) writeFileSync(file, content);
  return file;
}

describe("the todo example", () => {
  test("add with the input, toggle and delete in the list; every change is saved", async () => {
    const file = tempFile();
    const t = await render(() => todoApp(file), { width: 50, height: 12 });
    expect(t.app.focused?.id).toBe("new");
    t.type("buy milk");
    t.press("enter");
    t.type("write tests");
    t.press("enter");
    t.press("enter");
    await t.frame();
    expect(t.text()).toContain("[ ] buy milk");
    expect(t.text()).toContain("2 left of 2");
    t.press("tab");
    expect(t.app.focused?.id).toBe("todos");
    t.press("down");
    t.press("space");
    await t.frame();
    expect(t.text()).toContain("[x] write tests");
    expect(t.text()).toContain("1 left of 2");
    expect(loadTodos(file)).toEqual([
      { text: "buy milk", done: false },
      { text: "write tests", done: true },
    ]);
    t.press("up");
    t.press("d");
    await t.frame();
    expect(t.text()).not.toContain("buy milk");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual([{ text: "write tests", done: true }]);
    // A click on a row selects it; a double-click toggles.
    const row = t.lines().findIndex((l) => l.includes("write tests"));
    const col = (t.lines()[row] as string).indexOf("write");
    t.click(col, row);
    t.click(col, row);
    expect(loadTodos(file)[0]?.done).toBe(false);
    t.unmount();
  });

  test("an existing file is loaded; a bad one is a clear error", () => {
    const file = tempFile(JSON.stringify([{ text: "a", done: true }]));
    expect(loadTodos(file)).toEqual([{ text: "a", done: true }]);
    expect(() => loadTodos(tempFile("{nope"))).toThrow("is not a todo list");
    expect(() => loadTodos(tempFile('[{"text": 1}]'))).toThrow("is not a todo list");
  });
});
