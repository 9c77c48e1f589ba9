/**
 * Keypress-to-handler latency in a real pseudo-terminal: the bench writes
 * a key into the master side and times until the app's key handler's
 * marker comes back (a round trip: an upper bound of write-to-handler).
 * 1,000 samples after 200 of warm-up, per mode: `handler` (marker from
 * the letui key handler), `frame` (the handler also draws and renders a
 * frame first), `search` (a key typed into the search example's input,
 * until the updated frame is written), and `baseline` (Node raw mode, no
 * letui) for reference. Prints p50/p90/p99/max in ms. Targets: p99 <= 1 ms
 * for `handler`, <= 2 ms for `search`.
 *
 * Run: node_modules/.bin/bun benches/latency.bench.ts [samples]
 */
import { closeSync } from "node:fs";
import { join } from "node:path";
import { closeSlave, openPty, readSome, writeAll } from "../packages/letui/test/pty.ts";

const SAMPLES = Number(process.argv[2] ?? 1000);
const WARMUP = 200;
const TIMEOUT_MS = 5000;
const app = join(import.meta.dir, "latency-app.ts");
const enc = new TextEncoder();
const dec = new TextDecoder();
const buf = new Uint8Array(1 << 16);

/**
 * Reads from `fd` until `marker` arrived, answering the device-attributes
 * query on the way. A second marker would mean a sample was misattributed.
 */
function readUntil(fd: number, marker: string): void {
  let seen = "";
  const end = Date.now() + TIMEOUT_MS;
  for (;;) {
    const n = readSome(fd, buf, Math.max(1, end - Date.now()));
    if (n < 0) throw new Error(`the app ended before writing ${JSON.stringify(marker)}; it wrote ${JSON.stringify(seen.slice(-200))}`);
    if (n === 0 && Date.now() >= end) throw new Error(`no ${JSON.stringify(marker)} within ${TIMEOUT_MS} ms; got ${JSON.stringify(seen.slice(-200))}`);
    seen += dec.decode(buf.subarray(0, n));
    // Answer DA1 like a terminal without the kitty protocol (no flags reply).
    if (seen.includes("\x1b[c")) {
      seen = seen.replace("\x1b[c", "");
      writeAll(fd, enc.encode("\x1b[?62;22c"));
    }
    const at = seen.indexOf(marker);
    if (at >= 0) {
      if (seen.indexOf(marker, at + 1) >= 0) throw new Error("two markers for one key: samples are out of step");
      return;
    }
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function measure(mode: string): number[] {
  const pty = openPty(80, 24);
  const child = Bun.spawn([process.execPath, app, mode], {
    stdin: pty.slave,
    stdout: pty.slave,
    stderr: "inherit",
    env: process.env,
  });
  closeSlave(pty);
  try {
    readUntil(pty.master, "<ready>");
    const key = enc.encode("a");
    const times: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const t0 = Bun.nanoseconds();
      writeAll(pty.master, key);
      readUntil(pty.master, "<k>");
      if (i >= WARMUP) times.push((Bun.nanoseconds() - t0) / 1e6);
    }
    return times;
  } finally {
    child.kill();
    closeSync(pty.master);
  }
}

console.log(`keypress round trip through a pty, ${SAMPLES} samples after ${WARMUP} warm-up (ms)`);
for (const mode of ["handler", "frame", "search", "baseline"]) {
  const sorted = measure(mode).sort((a, b) => a - b);
  const f = (v: number) => v.toFixed(3).padStart(7);
  const p99 = percentile(sorted, 99);
  const limit = mode === "handler" ? 1 : mode === "search" ? 2 : 0;
  const target = limit ? `  (target p99 <= ${limit} ms: ${p99 <= limit ? "met" : "missed"})` : "";
  console.log(
    `${mode.padEnd(9)} p50 ${f(percentile(sorted, 50))}  p90 ${f(percentile(sorted, 90))}  p99 ${f(p99)}  max ${f(sorted.at(-1) ?? NaN)}${target}`,
  );
}
