/**
 * A text editor: edit the file named on the command line, Ctrl-S to save,
 * Ctrl-Q to quit (it asks when there are unsaved changes, and before
 * overwriting a file that changed on disk). Mouse: click, drag to select,
 * double-click a word, the wheel scrolls.
 *
 * Run: node_modules/.bin/bun examples/editor.ts notes.txt
 */
import { run } from "letui";
import { type Editor, editorApp } from "./editor-app.ts";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: editor.ts FILE   (created on the first save when it does not exist)\n");
  process.exit(2);
}
let editor: Editor;
try {
  editor = editorApp(file);
} catch (e) {
  process.stderr.write(`editor: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
const { exited } = await run(() => editor.root, { mouse: "drag", exitOnCtrlC: false });
await exited;
