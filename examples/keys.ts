/**
 * Shows every input event the terminal sends: keys with modifiers, mouse
 * position and buttons, paste length, focus, and size. Quits on `q`.
 *
 * Run: node_modules/.bin/bun examples/keys.ts [--inline] [--motion]
 */
import { Terminal } from "letui/screen";

const inline = process.argv.includes("--inline");
const term = new Terminal({
  mode: inline ? "inline" : "fullscreen",
  inlineHeight: 12,
  mouse: process.argv.includes("--motion") ? "motion" : "drag",
});
await term.start();

const log: string[] = [];
const title = { fg: "black", bg: "cyan", bold: true } as const;

function draw(): void {
  const s = term.screen;
  s.clear();
  s.fill(0, 0, s.width, 1, " ", title);
  s.drawText(1, 0, `letui keys — ${s.width}x${s.height} — kitty keyboard: ${term.kittyKeyboard ? "on" : "off"} — q quits`, title);
  const rows = s.height - 2;
  const shown = log.slice(-rows);
  shown.forEach((line, i) => s.drawText(1, i + 2, line, { fg: i === shown.length - 1 ? "brightWhite" : "gray" }));
  s.render();
}

function add(line: string): void {
  log.push(line);
  if (log.length > 500) log.splice(0, log.length - 500);
  draw();
}

term.on("key", (e) => {
  if (e.name === "q" && !e.ctrl && !e.alt && e.kind === "press") term.exit(0);
  add(`key    ${e.combo.padEnd(18)} kind=${e.kind.padEnd(7)} text=${JSON.stringify(e.text)}`);
});
term.on("mouse", (e) => {
  const mods = [e.ctrl && "ctrl", e.alt && "alt", e.shift && "shift"].filter(Boolean).join("+");
  add(`mouse  ${e.kind.padEnd(5)} ${e.button.padEnd(10)} at ${e.x},${e.y}${mods ? ` ${mods}` : ""}`);
});
term.on("paste", (e) => add(`paste  ${e.text.length} characters${e.truncated ? " (truncated)" : ""}: ${JSON.stringify(e.text.slice(0, 40))}`));
term.on("focus", (e) => add(`focus  ${e.focused ? "gained" : "lost"}`));
term.on("resize", (e) => add(`resize ${e.width}x${e.height}`));
term.on("resume", () => add("resumed"));
draw();
