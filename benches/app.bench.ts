/**
 * A 120x40 app in which one Text changes per frame: CPU time per frame
 * (signal write, layout, repaint of the damaged area, native render and
 * write to /dev/null) and bytes per frame against the reference (the
 * changed glyphs' bytes plus one cursor move).
 *
 * Run: node_modules/.bin/bun benches/app.bench.ts (any runtime:
 * benches/runtimes.bench.ts runs it on Bun, Node and Deno).
 */
import { openSync } from "node:fs";
import { App, Box, Column, computed, Row, signal, Text } from "letui";
import { Screen } from "letui/screen";

const W = 120;
const H = 40;
const screen = new Screen({ width: W, height: H, fd: openSync("/dev/null", "w"), colorMode: "truecolor" });
const app = new App({ screen, stop() {} });

const counter = signal(0);
const label = computed(() => `frame ${String(counter.value).padStart(7, "0")}`);
const sidebar = Column(
  { width: 28, border: "rounded", title: "Items", paddingX: 1 },
  ...Array.from({ length: 30 }, (_, i) => Text({ wrap: "none", ellipsis: true }, `item ${i} — some label text`)),
);
const rows = Array.from({ length: 30 }, (_, i) =>
  Text({ wrap: "none" }, { text: `${String(i).padStart(2)} `, fg: "gray" }, { text: "a row of content in the main area, fairly long", fg: "#c0c0ff" }),
);
const main = Column({ flexGrow: 1, border: "single", title: "Main", paddingX: 1 }, ...rows);
const root = Column(
  { flexGrow: 1 },
  Row({ height: 1, bg: "#303040" }, Text({ fg: "white", bold: true }, "letui dashboard "), Text({ fg: "#8be9fd" }, label)),
  Row({ flexGrow: 1 }, sidebar, main),
  Row({ height: 1 }, Text({ fg: "gray" }, "status: ok")),
);
app.mount(root);
app.frame();

const frames = 5000;
for (let i = 0; i < 200; i++) {
  counter.value++;
  app.frame();
}
let bytes = 0;
let layouts = app.stats.layouts;
const cpu0 = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < frames; i++) {
  counter.value++;
  app.frame();
  bytes += app.stats.lastFrameBytes;
}
const ns = ((performance.now() - start) * 1e6) / frames;
const cpu = process.cpuUsage(cpu0);
const cpuNs = ((cpu.user + cpu.system) * 1000) / frames;
layouts = app.stats.layouts - layouts;
// Reference: the digits that changed (about 1.1 per frame on average for a
// counter, but count the whole 7-digit field to be conservative? No: count
// what really changes) plus one CUP to them.
const changedGlyphs = 1.111; // average number of digits that change per increment
const cup = "\x1b[1;28H".length;
const reference = changedGlyphs + cup;
console.log(
  `one Text per frame, 120x40: ${(ns / 1000).toFixed(1)} us/frame (JS + native), ${(cpuNs / 1000).toFixed(1)} us CPU/frame, ${(bytes / frames).toFixed(1)} bytes/frame, ` +
    `reference ${reference.toFixed(1)} (ratio ${((bytes / frames) / reference).toFixed(2)}, target <= 1.2), layouts ${layouts}/${frames}`,
);
app.stop();
screen.dispose();
