/**
 * A todo list kept in a JSON file: type and press Enter to add, Tab to
 * the list, arrows to move, Space or Enter to toggle, d or Delete to
 * remove, Ctrl-C to quit.
 *
 * Run: node_modules/.bin/bun examples/todo.ts todos.json
 */
import { run } from "letui";
import { todoApp } from "./todo-app.ts";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: todo.ts FILE.json   (the list is read from and saved to FILE.json)\n");
  process.exit(2);
}
let root: ReturnType<typeof todoApp>;
try {
  root = todoApp(file);
} catch (e) {
  process.stderr.write(`todo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
const { exited } = await run(() => root, { mouse: "drag" });
await exited;
