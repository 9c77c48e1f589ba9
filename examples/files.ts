/**
 * A file browser on a real directory: folders in a tree, the entries of
 * the selected folder in a sortable table, and a preview of the selected
 * text file. Ctrl-C quits.
 *
 * Run: node_modules/.bin/bun examples/files.ts [directory]
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { run } from "letui";
import { filesApp } from "./files-app.ts";

const dir = resolve(process.argv[2] ?? ".");
try {
  if (!statSync(dir).isDirectory()) throw new Error("not a directory");
} catch (e) {
  process.stderr.write(`files: ${dir}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const { app, exited } = await run(() => filesApp(dir), { mouse: "drag" });
app.focusNext();
await exited;
