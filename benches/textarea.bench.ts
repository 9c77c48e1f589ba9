/**
 * Textarea on a 100,000-line document, on a 120x40 screen writing to
 * /dev/null: open (mount and first frame), a keystroke near the end (key
 * handling, edit, frame: CPU per keystroke), a 1 MB paste and its undo
 * (each up to the written frame). For contrast, the same keystroke when
 * the app binds `value` to a signal (the whole text is joined per change).
 *
 * Run: node_modules/.bin/bun benches/textarea.bench.ts
 */
import { openSync } from "node:fs";
import { App, Box, signal, Textarea, type TextareaElement } from "letui";
import { Screen } from "letui/screen";
import { cpuMs } from "./measure.ts";
import { keyEvent, pasteEvent } from "letui/testing";

const W = 120;
const H = 40;
const out = openSync("/dev/null", "w");

const doc = Array.from({ length: 100_000 }, (_, i) => `${i}: the quick brown fox jumps over the lazy dog, line ${i} of the document`).join("\n");
const paste = Array.from({ length: 14_000 }, (_, i) => `pasted line ${i} with some words to make it about seventy chars wide`).join("\n");

function open(bind: boolean): { app: App; ta: TextareaElement; ms: number } {
  const screen = new Screen({ width: W, height: H, fd: out, colorMode: "truecolor" });
  const app = new App({ screen, stop() {} });
  let ta: TextareaElement | undefined;
  const m = cpuMs(() => {
    ta = Textarea({ value: bind ? signal(doc) : doc, lineNumbers: true, scrollbar: true });
    app.mount(Box({ flexGrow: 1 }, ta));
    app.focus(ta);
    app.frame();
  });
  return { app, ta: ta as TextareaElement, ms: m.wall };
}

function keystrokes(app: App, ta: TextareaElement, n: number): number {
  app.handleKey(keyEvent("ctrl+end"));
  for (let i = 0; i < 5; i++) app.handleKey(keyEvent("up"));
  app.frame();
  // Typing prose: words, and a new line every 60 characters.
  const keys = [..."hello world ".repeat(5), "enter"];
  const press = (i: number) => {
    app.handleKey(keyEvent(keys[i % keys.length] as string));
    app.frame();
  };
  for (let i = 0; i < 200; i++) press(i);
  const m = cpuMs(() => {
    for (let i = 0; i < n; i++) press(i);
  });
  void ta;
  return (m.cpu * 1000) / n;
}

{
  const { app, ta, ms } = open(false);
  console.log(`open 100,000 lines (${(doc.length / 1e6).toFixed(1)} MB): ${ms.toFixed(1)} ms to the first frame`);
  console.log(`keystroke near the end: ${keystrokes(app, ta, 3000).toFixed(1)} us CPU per key, up to the written frame`);
  const p = cpuMs(() => {
    app.handlePaste(pasteEvent(paste));
    app.frame();
  });
  console.log(`paste ${(paste.length / 1e6).toFixed(2)} MB (${paste.split("\n").length} lines): ${p.wall.toFixed(1)} ms; now ${ta.document.lineCount} lines`);
  const u = cpuMs(() => {
    app.handleKey(keyEvent("ctrl+z"));
    app.frame();
  });
  console.log(`undo of that paste: ${u.wall.toFixed(2)} ms; back to ${ta.document.lineCount} lines`);
  const r = cpuMs(() => {
    app.handleKey(keyEvent("ctrl+y"));
    app.frame();
  });
  console.log(`redo: ${r.wall.toFixed(2)} ms`);
  app.stop();
}
{
  const { app, ta } = open(true);
  console.log(`keystroke with value bound to a signal (the text is joined per change): ${keystrokes(app, ta, 300).toFixed(1)} us CPU per key`);
  app.stop();
}
