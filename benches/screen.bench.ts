/**
 * End-to-end frame cost through the Bun binding on a 200x60 screen:
 * filling every cell (setCell), drawing every row (drawText), writing the
 * shared cell view directly, each followed by render() to /dev/null.
 * Prints time per frame and bytes per frame.
 *
 * Run: node_modules/.bin/bun benches/screen.bench.ts (any runtime:
 * benches/runtimes.bench.ts runs it on Bun, Node and Deno).
 */
import { openSync } from "node:fs";
import { CELL_WORDS, packStyle, rgb, Screen } from "letui/screen";

const W = 200;
const H = 60;
const fd = openSync("/dev/null", "w");
const screen = new Screen({ width: W, height: H, fd, colorMode: "truecolor" });

function bench(name: string, frames: number, frame: (n: number) => void): void {
  for (let i = 0; i < 50; i++) frame(i);
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < frames; i++) {
    frame(i);
    bytes += screen.render();
  }
  const ns = ((performance.now() - start) * 1e6) / frames;
  const cpu = process.cpuUsage(cpu0);
  const cpuNs = ((cpu.user + cpu.system) * 1000) / frames;
  console.log(`${name}: ${(ns / 1000).toFixed(1)} us/frame, ${(cpuNs / 1000).toFixed(1)} us CPU/frame, ${Math.round(bytes / frames)} bytes/frame`);
}

const styles = Array.from({ length: 16 }, (_, i) =>
  packStyle({ fg: { r: 255 - i * 8, g: 120 + i * 8, b: 40 }, bg: { r: 10, g: 10 + i * 4, b: 30 } }),
);
const letters = "abcdefghijklmnopqrstuvwxyz";

bench("setCell every cell (12,000 calls) + render", 300, (n) => {
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      screen.setCell(x, y, letters[(x + y + n) % 26] as string, styles[(x + n) & 15]);
    }
  }
});

const lines = Array.from({ length: 2 }, (_, k) =>
  Array.from({ length: H }, (_, y) => `${k ? "Ĳ" : "ab"} line ${y} — 日本語 text, ${"lorem ipsum ".repeat(20)}`.slice(0, W)),
);
bench("drawText every row (60 calls) + render", 1000, (n) => {
  const set = lines[n & 1] as string[];
  for (let y = 0; y < H; y++) screen.drawText(0, y, set[y] as string, styles[(y + n) & 15]);
});

bench("direct cell writes (Uint32Array) + render", 1000, (n) => {
  const cells = screen.cells;
  for (let i = 0, c = 0; c < W * H; c++, i += CELL_WORDS) {
    cells[i] = 97 + ((c + n) % 26);
    cells[i + 1] = rgb(200, (c + n) & 255, 80);
    cells[i + 2] = 0;
    cells[i + 3] = 0;
  }
});

bench("one text changes per frame + render", 5000, (n) => {
  screen.drawText(10, 10, `frame ${n}`, styles[0]);
});

bench("idle frame (nothing changed)", 5000, () => {});
screen.dispose();
