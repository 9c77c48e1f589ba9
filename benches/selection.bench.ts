/**
 * Screen-wide selection and idle animation, on a 200x60 screen writing to
 * /dev/null: a drag that grows the selection from the top-left cell over
 * the whole screen of text (CPU per drag frame, with the highlight and
 * the text copied at the end), and an app whose Spinner is hidden (frames
 * and bytes over one idle second, against a visible one).
 *
 * Run: node_modules/.bin/bun benches/selection.bench.ts
 */
import { openSync } from "node:fs";
import { App, Box, Show, signal, Spinner, Text } from "letui";
import { Screen } from "letui/screen";
import { mouseEvent as mouse } from "letui/testing";

const W = 200;
const H = 60;
const out = openSync("/dev/null", "w");

function app(): App {
  const screen = new Screen({ width: W, height: H, fd: out, colorMode: "truecolor" });
  return new App({ screen, stop() {} });
}

{
  const a = app();
  const line = (i: number) => `${String(i).padStart(3)} ${"lorem ipsum dolor sit amet 中文 ".repeat(7)}`.slice(0, W - 2);
  a.mount(Box({ flexGrow: 1 }, ...Array.from({ length: H }, (_, i) => Text(line(i)))));
  a.frame();
  a.handleMouse(mouse("down", 0, 0));
  a.frame();
  const steps: [number, number][] = [];
  for (let i = 1; i <= 600; i++) steps.push([Math.min(W - 1, Math.round((i * W) / 600)), Math.min(H - 1, Math.round((i * H) / 600))]);
  const c0 = process.cpuUsage();
  let bytes = 0;
  for (const [x, y] of steps) {
    a.handleMouse(mouse("drag", x, y));
    a.frame();
    bytes += a.stats.lastFrameBytes;
  }
  const c = process.cpuUsage(c0);
  const perFrame = (c.user + c.system) / steps.length;
  const t0 = performance.now();
  a.handleMouse(mouse("up", W - 1, H - 1));
  const copy = performance.now() - t0;
  console.log(
    `select by drag over ${W}x${H}: ${(perFrame / 1000).toFixed(3)} ms CPU per drag frame (${(bytes / steps.length).toFixed(0)} bytes/frame); copying ${a.clipboard.text.length} chars on release: ${copy.toFixed(2)} ms`,
  );
  let warm = Infinity;
  for (let k = 0; k < 20; k++) {
    const t1 = performance.now();
    a.selectedText();
    warm = Math.min(warm, performance.now() - t1);
  }
  console.log(`reading the selected text again (warm): ${warm.toFixed(2)} ms`);
  // The worst case: every frame the selection jumps between one row and the whole screen (all rows repainted).
  const flips = 400;
  const f0 = process.cpuUsage();
  for (let i = 0; i < flips; i++) {
    a.handleMouse(mouse("down", 0, 0));
    a.handleMouse(mouse("drag", i % 2 ? 5 : W - 1, i % 2 ? 0 : H - 1));
    a.frame();
  }
  const f = process.cpuUsage(f0);
  console.log(`selection jumping between one row and all ${H} rows: ${((f.user + f.system) / flips / 1000).toFixed(3)} ms CPU per drag frame`);
  a.stop();
}

async function idle(visible: boolean): Promise<{ frames: number; bytes: number }> {
  const a = app();
  const show = signal(visible);
  a.mount(Box({ flexGrow: 1 }, Text("working"), Show({ when: show }, () => Spinner({ label: "busy" }))));
  a.frame();
  await new Promise((r) => setTimeout(r, 50));
  const f0 = a.stats.frames;
  const b0 = a.stats.totalBytes;
  await new Promise((r) => setTimeout(r, 1000));
  const r = { frames: a.stats.frames - f0, bytes: a.stats.totalBytes - b0 };
  a.stop();
  return r;
}

const hidden = await idle(false);
const shown = await idle(true);
console.log(`idle second with a hidden Spinner: ${hidden.frames} frames, ${hidden.bytes} bytes (visible: ${shown.frames} frames, ${shown.bytes} bytes)`);
