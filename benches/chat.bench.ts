/**
 * Rich text for chat apps, with the chat example's own code:
 *
 * - highlighting a 10,000-line TypeScript file (native parse and query,
 *   and the Code element's whole update), and re-highlighting after one
 *   appended line;
 * - streaming 2,000 tokens into a transcript that already holds 5,000
 *   lines, inline (transcript in the scrollback) and full screen (in a
 *   ScrollBox): JS + native CPU per token, bytes per token against the
 *   bytes of the glyphs that changed plus one cursor move per changed run
 *   (and the glyphs printed into the scrollback), and full-screen clears;
 * - a 2-hour session sped up on a manual clock, 500 messages: RSS growth.
 *
 * Run: node_modules/.bin/bun benches/chat.bench.ts [--quick]
 */
import { App, Code, Highlighter, type Host, ManualClock, ScrollBox } from "letui";
import { Screen } from "letui/screen";
import { chatApp } from "../examples/chat-app.ts";
import { cpuMs } from "./measure.ts";

const quick = process.argv.includes("--quick");
const W = 100;
const H = 30;
const REGION = 14;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

// ---- highlighting ------------------------------------------------------------

const UNIT = `export interface Item {
  id: number;
  name: string; // the shown name
}

/** Sums the ids of items whose name matches. */
export function total(items: readonly Item[], pattern: RegExp): number {
  let sum = 0;
  for (const item of items) {
    if (pattern.test(item.name)) sum += item.id * 2 + 0x1f;
  }
  return sum > 1_000 ? Math.floor(sum / 3) : \`small \${sum}\`.length;
}
`;
const unitLines = UNIT.split("\n").length - 1;
const file = UNIT.repeat(Math.ceil(10_000 / unitLines)).split("\n").slice(0, 10_000).join("\n");

{
  const h = new Highlighter("ts");
  const visible: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < (quick ? 2 : 7); i++) {
    const t0 = performance.now();
    h.set(file);
    if (h.spans(0, 40).length === 0) throw new Error("no spans");
    visible.push(performance.now() - t0);
    const t1 = performance.now();
    h.spans(0);
    whole.push(performance.now() - t1);
  }
  // The element: set the source and paint the first frame (100x40, lines in view highlighted).
  const element: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const screen = new Screen({ width: 100, height: 40, fd: null, colorMode: "truecolor" });
    const app = new App({ screen, stop() {} });
    const code = Code({ lang: "ts", lineNumbers: true });
    app.mount(ScrollBox({ flexGrow: 1 }, code));
    app.frame();
    const t0 = performance.now();
    code.setText(file);
    app.frame();
    element.push(performance.now() - t0);
    app.stop();
    screen.dispose();
  }
  // Appending one line at a time to the 10,000-line file, in view at the bottom.
  const screen = new Screen({ width: 100, height: 40, fd: null, colorMode: "truecolor" });
  const app = new App({ screen, stop() {} });
  const code = Code({ lang: "ts" });
  const box = ScrollBox({ flexGrow: 1, stickToBottom: true }, code);
  app.mount(box);
  code.setText(file);
  app.frame();
  box.scrollTo(1e9);
  app.frame();
  const append: number[] = [];
  const nativeAppend: number[] = [];
  for (let i = 0; i < (quick ? 50 : 300); i++) {
    const line = `\nconst v${i} = total(items, /x${i}/) + ${i}; // appended`;
    const t0 = performance.now();
    code.appendText(line);
    app.frame();
    append.push(performance.now() - t0);
    const t1 = performance.now();
    const first = h.append(line);
    h.spans(first);
    nativeAppend.push(performance.now() - t1);
  }
  app.stop();
  screen.dispose();
  h.dispose();
  console.log("highlighting a 10,000-line TypeScript file (median):");
  // Parsing is lazy, a chunk at a time: the lines in view parse only the
  // chunks they need; reading every line parses (and highlights) the rest.
  console.log(`  native parse + highlights of the 40 lines in view: ${median(visible).toFixed(1)} ms   (target <= 50 ms)`);
  console.log(`  parse and highlights of all 10,000 lines, on top:  ${median(whole).toFixed(1)} ms   (whole file: ${(median(visible) + median(whole)).toFixed(1)} ms)`);
  console.log(`  Code element in a ScrollBox, setText + frame:      ${median(element).toFixed(1)} ms`);
  console.log(`  append one line, native re-parse + highlights:     ${(median(nativeAppend) * 1000).toFixed(0)} us   (target <= 1 ms)`);
  console.log(`  append one line, Code element + frame:             ${(median(append) * 1000).toFixed(0)} us`);
}

// ---- streaming -------------------------------------------------------------------

/** Cells of a screen as strings, for counting what changed. */
function snapshot(screen: Screen): string[] {
  const rows: string[] = [];
  for (let y = 0; y < screen.height; y++) rows.push(screen.rowText(y));
  return rows;
}

/** The bytes a minimal update needs: changed glyphs plus one absolute cursor move per run of changed cells. */
function minimalBytes(before: string[], after: string[]): number {
  const enc = new TextEncoder();
  let bytes = 0;
  for (let y = 0; y < after.length; y++) {
    const a = [...(before[y] ?? "")];
    const b = [...(after[y] as string)];
    let inRun = false;
    for (let x = 0; x < Math.max(a.length, b.length); x++) {
      const changed = a[x] !== b[x];
      if (changed) {
        if (!inRun) bytes += `\x1b[${y + 1};${x + 1}H`.length;
        bytes += enc.encode(b[x] ?? " ").length;
      }
      inRun = changed;
    }
  }
  return bytes;
}

function countClears(out: string): number {
  return out.split("\x1b[2J").length - 1 + (out.split("\x1b[3J").length - 1);
}

interface Run {
  app: App;
  chat: ReturnType<typeof chatApp>;
  clock: ManualClock;
  screen: Screen;
  printedGlyphBytes: () => number;
  dispose(): void;
}

function start(mode: "inline" | "fullscreen"): Run {
  const clock = new ManualClock();
  const screen = new Screen({ width: W, height: mode === "inline" ? REGION : H, fd: null, colorMode: "truecolor" });
  if (mode === "inline") screen.setInline(true, 0);
  let printed = 0;
  const enc = new TextEncoder();
  const host: Host = {
    screen,
    clock,
    stop() {},
    ...(mode === "inline"
      ? {
          print(lines: Screen) {
            for (let y = 0; y < lines.height; y++) printed += enc.encode(lines.rowText(y).trimEnd()).length + 2;
            screen.printAbove(lines, H);
          },
        }
      : {}),
  };
  const chat = chatApp({ mode, tokensPerSecond: 100, thinkMs: 0 });
  const app = new App(host, { exitOnCtrlC: false });
  app.mount(chat.root);
  app.frame();
  return {
    app,
    chat,
    clock,
    screen,
    printedGlyphBytes: () => printed,
    dispose() {
      app.stop();
      screen.dispose();
    },
  };
}

/** Sends `text` and runs the clock until the answer is done, a frame per token. */
function converse(r: Run, text: string, onFrame?: () => void): number {
  r.chat.send(text);
  r.app.frame();
  let frames = 0;
  while (r.chat.phase() !== "idle") {
    r.clock.advance(10);
    r.app.frame();
    onFrame?.();
    frames++;
  }
  return frames;
}

function streaming(mode: "inline" | "fullscreen"): void {
  const r = start(mode);
  // A transcript of 5,000 lines first (50 long answers of about 100 lines).
  for (let i = 0; r.chat.phase() === "idle" && i < 50; i++) converse(r, "/long 48");
  r.screen.takeOutput();
  // Then 2,000 tokens, measured: /long 140 streams about that many.
  r.chat.send("/long 150");
  r.app.frame();
  let measuredTokens = 0;
  const m = cpuMs(() => {
    while (r.chat.phase() !== "idle" && measuredTokens < 2_000) {
      r.clock.advance(10);
      r.app.frame();
      measuredTokens = r.chat.streamed();
    }
  });
  // Bytes: replay the same answer frame by frame on a fresh run, counting.
  r.dispose();
  const q = start(mode);
  for (let i = 0; i < 50; i++) converse(q, "/long 48");
  q.screen.takeOutput();
  let bytes = 0;
  let minimal = 0;
  let clears = 0;
  let before = snapshot(q.screen);
  const p0 = q.printedGlyphBytes();
  q.chat.send("/long 150");
  q.app.frame();
  let counted = 0;
  const dec = new TextDecoder();
  while (q.chat.phase() !== "idle" && counted < 2_000) {
    q.clock.advance(10);
    q.app.frame();
    counted = q.chat.streamed();
    const out = q.screen.takeOutput();
    bytes += out.length;
    clears += countClears(dec.decode(out));
    const after = snapshot(q.screen);
    minimal += minimalBytes(before, after);
    before = after;
  }
  minimal += q.printedGlyphBytes() - p0;
  q.dispose();
  console.log(
    `streaming ${measuredTokens} tokens into 5,000 lines, ${mode.padEnd(10)}: ${((m.cpu / measuredTokens) * 1000).toFixed(0)} us CPU/token (target <= 200)` +
      `, ${(bytes / counted).toFixed(1)} bytes/token vs minimal ${(minimal / counted).toFixed(1)} (${(bytes / minimal).toFixed(2)}x, target <= 1.5x), ${clears} full clears`,
  );
}

streaming("inline");
streaming("fullscreen");

// ---- a long session -------------------------------------------------------------

function session(mode: "inline" | "fullscreen", messages: number): void {
  const r = start(mode);
  const prompts = ["how do I debounce?", "show me a patch", "a table of maps", "/long 30"];
  const rss = () => {
    Bun.gc(true);
    return process.memoryUsage().rss / 2 ** 20;
  };
  // The terminal consumes the output as it comes (the headless screen
  // would otherwise keep every frame's bytes).
  const drain = () => void r.screen.takeOutput();
  for (let i = 0; i < 20; i++) converse(r, prompts[i % prompts.length] as string, drain);
  const base = rss();
  const t0 = r.clock.now();
  for (let i = 20; i < messages; i++) {
    converse(r, prompts[i % prompts.length] as string, drain);
    // The user reads and types between messages: 14 s of simulated time.
    r.clock.advance(14_000);
    r.app.frame();
    drain();
  }
  const grown = rss() - base;
  const hours = (r.clock.now() - t0) / 3_600_000;
  r.dispose();
  console.log(`session of ${messages} messages (${hours.toFixed(1)} h simulated), ${mode.padEnd(10)}: RSS ${base.toFixed(0)} MB -> +${grown.toFixed(1)} MB (target <= 50 MB)`);
}

session("inline", quick ? 60 : 500);
session("fullscreen", quick ? 60 : 500);
