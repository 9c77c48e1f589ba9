/**
 * Input from bytes to handlers: a 4 MiB burst of random bytes (event-dense
 * garbage), typical input (typed text, keys, mouse), and 1 MiB of ESC
 * bytes, decoded natively in 4 KiB slices as the input pump does and
 * dispatched through an app to onKey/onMouse handlers (the run() path
 * minus the file descriptor). Prints milliseconds, MB/s, events, and the
 * memory growth for the ESC burst.
 *
 *   bun benches/input.bench.ts
 */
import { Box, Text } from "letui";
import { render } from "letui/testing";
import { InputDecoder } from "../packages/letui/src/input/decoder.ts";
import type { InputEvent, ReplyEvent } from "../packages/letui/src/input/events.ts";

const SLICE = 4096;

function lcgBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

function typical(n: number): Uint8Array {
  const parts = ["hello world ", "\x1b[A", "\x1b[B", "\x1b[<0;10;5M", "\x1b[<0;10;5m", "中文 ", "\x1b[1;5C", "\r"];
  let s = "";
  for (let i = 0; s.length < n; i++) s += parts[i % parts.length];
  return new TextEncoder().encode(s).subarray(0, n);
}

let handled = 0;
const t = await render(
  () =>
    Box(
      {
        focusable: true,
        onKey: (e) => {
          handled++;
          // Handled here: garbage holds Ctrl-C and Ctrl-Z bytes too.
          e.stopPropagation();
        },
        onMouse: () => {
          handled++;
        },
      },
      Text("input"),
    ),
  { width: 40, height: 5 },
);
const app = t.app;
app.focusNext(false);

function dispatch(events: (InputEvent | ReplyEvent)[]): void {
  for (const e of events) {
    switch (e.type) {
      case "key":
        app.handleKey(e);
        break;
      case "mouse":
        app.handleMouse(e);
        break;
      case "paste":
        app.handlePaste(e);
        break;
      case "focus":
        app.handleFocus(e);
        break;
    }
  }
}

function run(name: string, bytes: Uint8Array, passes: number): void {
  const decoder = new InputDecoder();
  const times: number[] = [];
  let events = 0;
  for (let p = 0; p < passes; p++) {
    handled = 0;
    events = 0;
    const start = performance.now();
    for (let at = 0; at < bytes.length; at += SLICE) {
      const ev = decoder.feed(bytes.subarray(at, at + SLICE));
      events += ev.length;
      dispatch(ev);
    }
    events += decoder.flush().length;
    times.push(performance.now() - start);
  }
  decoder.dispose();
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `input ${name}: ${ms.toFixed(1)} ms median of ${passes} (${(bytes.length / ms / 1e3).toFixed(1)} MB/s), ${events} events, ${handled} reached handlers`,
  );
}

run("random 4 MiB burst, to handlers", lcgBytes(4 << 20, 0xbad), 5);
run("typical 4 MiB, to handlers", typical(4 << 20), 5);

const esc = new Uint8Array(1 << 20).fill(0x1b);
const rss0 = process.memoryUsage().rss;
const heap0 = process.memoryUsage().heapUsed;
let peakHeap = 0;
const d = new InputDecoder();
let n = 0;
for (let at = 0; at < esc.length; at += SLICE) {
  const ev = d.feed(esc.subarray(at, at + SLICE));
  n += ev.length;
  dispatch(ev);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heap0);
}
n += d.flush().length;
d.dispose();
console.log(
  `input 1 MiB of ESC: ${n} events, heap growth peak ${(peakHeap / 1e6).toFixed(1)} MB, RSS growth ${((process.memoryUsage().rss - rss0) / 1e6).toFixed(1)} MB`,
);
t.unmount();
