/**
 * The program measured by versus.bench.ts: a 120x40 dashboard of three
 * bordered panels with a header, where three values change per frame,
 * drawn either as a component app (`app`) or with the low-level Screen
 * API (`screen`). After as many frames of warm-up, it draws `frames`
 * frames one event-loop turn apart,
 * then writes its own process CPU per frame (user + system, every thread)
 * and the bytes per frame to the file named by the third argument, and
 * exits.
 *
 * Run by the bench: bun benches/versus-app.ts <app|screen> <frames> <out>
 */
import { writeFileSync } from "node:fs";
import { Box, Row, run, signal, Text } from "letui";
import { Terminal } from "letui/screen";

const mode = process.argv[2] ?? "app";
const frames = Number(process.argv[3] ?? 2000);
const outFile = process.argv[4] ?? "/dev/null";
const ROWS = 30;
const line = (p: number, i: number) => `panel ${p} line ${String(i).padStart(2)}: steady text`;
const value = (p: number, n: number) => `value ${p}: ${(n * (p + 3)) % 100_000}`;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the frames; `step` draws one and returns the bytes it wrote. */
async function loop(step: (n: number) => number, done: () => void): Promise<void> {
  // As long a warm-up as the measurement: a running app's code is compiled
  // by the JIT's last tier; the first thousands of frames are not.
  for (let n = 0; n < frames; n++) {
    step(n);
    await turn();
  }
  let bytes = 0;
  const c0 = process.cpuUsage();
  for (let n = frames; n < 2 * frames; n++) {
    bytes += step(n);
    await turn();
  }
  const c = process.cpuUsage(c0);
  writeFileSync(outFile, `${(c.user + c.system) / frames} ${bytes / frames}\n`);
  done();
}

if (mode === "app") {
  const values = [0, 1, 2].map((p) => signal(value(p, 0)));
  const panel = (p: number) =>
    Box({ border: "single", title: `panel ${p}`, flexGrow: 1, paddingX: 1 }, Text(values[p] as (typeof values)[0]), ...Array.from({ length: ROWS }, (_, i) => Text(line(p, i))));
  const { app, stop } = await run(() => Box({ flexGrow: 1 }, Text({ bold: true }, "dashboard"), Row({ flexGrow: 1 }, panel(0), panel(1), panel(2))), { mouse: "off" });
  await loop(
    (n) => {
      for (let p = 0; p < 3; p++) (values[p] as (typeof values)[0]).value = value(p, n);
      app.frame();
      return app.stats.lastFrameBytes;
    },
    () => stop(0),
  );
} else {
  const term = new Terminal({ mouse: "off" });
  await term.start();
  const s = term.screen;
  const W = s.width;
  const pw = Math.floor(W / 3);
  const bold = { bold: true };
  const drawPanel = (p: number) => {
    const x0 = p * pw;
    const w = p === 2 ? W - 2 * pw : pw;
    const h = s.height - 1;
    s.drawText(x0, 1, `┌ panel ${p} ${"─".repeat(Math.max(0, w - 11))}┐`);
    for (let y = 2; y < h; y++) {
      s.setCell(x0, y, "│");
      s.setCell(x0 + w - 1, y, "│");
    }
    s.drawText(x0, h, `└${"─".repeat(w - 2)}┘`);
    s.setClip({ x: x0 + 2, y: 2, width: w - 4, height: h - 2 });
    for (let i = 0; i < ROWS; i++) s.drawText(x0 + 2, 3 + i, line(p, i));
    s.setClip(null);
  };
  s.drawText(0, 0, "dashboard", bold);
  for (let p = 0; p < 3; p++) drawPanel(p);
  s.render();
  await loop(
    (n) => {
      for (let p = 0; p < 3; p++) {
        const x0 = p * pw + 2;
        const w = (p === 2 ? W - 2 * pw : pw) - 4;
        s.fill(x0, 2, w, 1);
        s.setClip({ x: x0, y: 2, width: w, height: 1 });
        s.drawText(x0, 2, value(p, n));
        s.setClip(null);
      }
      return s.render();
    },
    () => term.exit(0),
  );
}
