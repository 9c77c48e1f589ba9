/**
 * A full-screen truecolor animation for the output-stall test: every cell
 * changes every frame (about 500 KB per 200x60 frame), while a 10 ms
 * timer chain measures how late timers run, and keys are timestamped
 * when handled. `q` draws a final frame, waits until it is written, and
 * writes the figures as JSON to the file named by LETUI_STALL_RESULT
 * (never to the screen); `x` then stops.
 */
import { writeFileSync } from "node:fs";
import { Terminal } from "../../src/terminal.ts";
import { rgb } from "../../src/style.ts";

const resultPath = process.env.LETUI_STALL_RESULT;
if (!resultPath) throw new Error("set LETUI_STALL_RESULT");
const now = () => performance.timeOrigin + performance.now();

const term = new Terminal();
await term.start();
const screen = term.screen;

let frame = 0;
let frames = 0;
let maxRender = 0;
function draw(n: number): void {
  const { width, height } = screen;
  const cells = screen.cells;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      cells[i] = 0x41 + ((x + y + n) % 26);
      cells[i + 1] = rgb((x * 5 + n * 7) & 255, (y * 9 + n * 3) & 255, (x + y + n) & 255);
      cells[i + 2] = rgb((n * 11) & 255, (x * 3) & 255, (y * 17) & 255);
      cells[i + 3] = 0;
    }
  }
  const t = now();
  screen.render();
  maxRender = Math.max(maxRender, now() - t);
  frames++;
}

const timer = setInterval(() => draw(++frame), 16);

// Timer lateness: each 10 ms timeout, how much later than asked it ran.
const lateness: number[] = [];
let rssPeak = 0;
let rssStart = 0;
let armed = now();
function tick(): void {
  const t = now();
  lateness.push(t - armed - 10);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  armed = now();
  tickTimer = setTimeout(tick, 10);
}
let tickTimer = setTimeout(tick, 10);

const keys: { key: string; at: number }[] = [];
term.on("key", (e) => {
  if (e.kind === "release") return;
  keys.push({ key: e.text, at: now() });
  if (e.text === "s") {
    // The harness is about to stop reading.
    rssStart = process.memoryUsage().rss;
    rssPeak = rssStart;
  }
  if (e.text === "q") void finish();
  if (e.text === "x") term.stop();
});

async function finish(): Promise<void> {
  clearInterval(timer);
  clearTimeout(tickTimer);
  draw(frame + 1000);
  const text = Array.from({ length: screen.height }, (_, y) => screen.rowText(y));
  const probe = screen.cellAt(7, 5).style;
  const flushedAt = now();
  await screen.flushed();
  writeFileSync(
    resultPath as string,
    JSON.stringify({
      frames,
      maxRenderMs: maxRender,
      lateness,
      keys,
      rssStart,
      rssPeak,
      flushMs: now() - flushedAt,
      outputError: screen.outputError?.message ?? null,
      final: { text, probe: { x: 7, y: 5, fg: probe.fg, bg: probe.bg } },
    }),
  );
  // The harness compares screens now, then types x to stop.
}
