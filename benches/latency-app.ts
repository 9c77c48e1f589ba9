/**
 * The program measured by latency.bench.ts: a letui session whose key
 * handler answers at once. Modes: `handler` writes a marker from the key
 * handler; `frame` draws the key count into the screen, renders, then
 * writes the marker (keypress to frame written); `baseline` is the same
 * round trip through Node's raw mode with no letui at all; `search` runs
 * the search example with its input focused and writes the marker after
 * the frame that shows the typed key.
 *
 * Run by the bench: bun benches/latency-app.ts <mode>
 */
import { run } from "letui";
import { Terminal } from "letui/screen";
import { searchApp } from "../examples/search-app.ts";

const mode = process.argv[2] ?? "handler";
const MARK = "\x1b[0m<k>";

if (mode === "search") {
  // The search example with its Input focused: the marker follows the
  // frame that shows the typed key (keypress to updated frame written).
  const { app, terminal } = await run(() => searchApp(), { mouse: "off" });
  app.focusNext();
  app.frame();
  terminal.on("key", (e) => {
    if (e.name === "q" && e.ctrl) terminal.exit(0);
    void app.nextFrame().then(() => terminal.write(MARK));
  });
  terminal.write("<ready>");
} else if (mode === "baseline") {
  process.stdin.setRawMode(true);
  process.stdin.on("data", (chunk: Buffer) => {
    if (chunk[0] === 0x71) process.exit(0);
    process.stdout.write(MARK);
  });
  process.stdout.write("<ready>");
} else {
  const term = new Terminal({ mouse: "off" });
  await term.start();
  let count = 0;
  term.on("key", (e) => {
    if (e.name === "q") term.exit(0);
    if (mode === "frame") {
      count++;
      term.screen.drawText(0, 0, `keys: ${count}`);
      term.screen.render();
    }
    term.write(MARK);
  });
  term.screen.drawText(0, 0, "keys: 0");
  term.screen.render();
  term.write("<ready>");
}
