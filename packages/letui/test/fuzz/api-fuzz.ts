/**
 * A seeded random-call fuzz of the public low-level API: Screen,
 * LayoutTree and InputDecoder, called with values a careless or hostile
 * caller passes (NaN, infinities, negatives, huge numbers, lone
 * surrogates, control and escape characters, stale and foreign node ids,
 * disposed objects). Invariants after every call:
 *
 * - a failure is a LetuiError, never another error or a crash;
 * - a screen's rows keep their width;
 * - rendered bytes never carry an escape sequence that came from text
 *   (the fuzz strings hold markers the renderer never emits itself);
 * - decoders yield no more events than bytes fed.
 *
 *   <runtime> api-fuzz.ts [seconds=60] [seed=random]
 *
 * Prints one JSON line: seed, calls, errors by kind. Exit status 1 with
 * the seed, the step and the call on the first broken invariant.
 */
import { LetuiError } from "../../src/errors.ts";
import { InputDecoder } from "../../src/input/decoder.ts";
import { type LayoutNode, type LayoutStyle, LayoutTree } from "../../src/layout.ts";
import { Screen } from "../../src/screen.ts";

const seconds = Number(process.argv[2] ?? 60);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));

/** xorshift32: the same calls for the same seed. */
let state = seed >>> 0 || 1;
function rand(): number {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 2 ** 32;
}
const int = (n: number) => Math.floor(rand() * n);
function pick<T>(items: readonly T[]): T {
  return items[int(items.length)] as T;
}

const NUMBERS = [0, 1, 2, 3, 5, 10, 79, 80, 199, -1, -2, -1e9, 1e9, 2 ** 31, -(2 ** 31), 2 ** 32 + 1, 2 ** 53, 0.5, -0.5, 7.9, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE];
const number = () => (rand() < 0.5 ? int(40) - 5 : pick(NUMBERS));

/** Markers the renderer never emits: if one shows up in output, text leaked through. */
const LEAKS = ["\x1b]52;", "\x1b[6n", "\x1bP", "\x1b_", "\x9b", "\x1b[?1049l", "\x07"];
const PIECES = ["a", "é", "e\u0301", "中", "👨‍👩‍👧", "\ud800", "\udc00x", "\u200b", "\t", "\n", "\r", "\x00", "\x7f", " ", "\u0301".repeat(50), "🇺🇸", ...LEAKS];
function text(): string {
  let s = "";
  const n = int(12);
  for (let i = 0; i < n; i++) s += rand() < 0.5 ? String.fromCharCode(0x20 + int(95)) : pick(PIECES);
  return s;
}

const COLORS = ["red", "#ff0000", "#abc", "rgb(1,2,3)", 7, 255, 256, -1, NaN, "nope", "#12345g", 0x1000000];
function style(): Record<string, unknown> | undefined {
  if (rand() < 0.4) return undefined;
  const s: Record<string, unknown> = {};
  if (rand() < 0.5) s.fg = pick(COLORS);
  if (rand() < 0.3) s.bg = pick(COLORS);
  if (rand() < 0.3) s.bold = rand() < 0.5;
  if (rand() < 0.2) s.underline = pick([true, false, "curly", "double", "bogus"]);
  if (rand() < 0.1) s.link = pick(["https://example.com", "", "javascript:\x1b]52;", "http://a b", "x".repeat(5000)]);
  return s;
}

const LENGTHS = [0, 1, 5, 40, -1, NaN, Infinity, "50%", "auto", "200%", "-5%", "x", 1e9];
function layoutStyle(): LayoutStyle {
  const s: Record<string, unknown> = {};
  const keys = ["width", "height", "minWidth", "maxHeight", "flexBasis", "top", "left", "padding", "margin", "gap"];
  for (let i = int(4); i > 0; i--) s[pick(keys)] = pick(LENGTHS);
  if (rand() < 0.3) s.flexDirection = pick(["row", "column", "sideways"]);
  if (rand() < 0.3) s.flexGrow = number();
  if (rand() < 0.2) s.display = pick(["flex", "none", "grid"]);
  if (rand() < 0.2) s.position = pick(["relative", "absolute"]);
  if (rand() < 0.2) s.overflow = pick(["visible", "hidden", "scroll", "clip"]);
  return s as LayoutStyle;
}

const counts: Record<string, number> = { calls: 0, LetuiError: 0 };
let step = 0;
let last = "";
function fail(why: string): never {
  console.log(JSON.stringify({ seed, step, last, broken: why }));
  process.exit(1);
}

/** Runs a call; only a LetuiError may come out of it. */
function call(name: string, fn: () => void): void {
  counts.calls = (counts.calls ?? 0) + 1;
  last = name;
  try {
    fn();
  } catch (e) {
    if (!(e instanceof LetuiError)) fail(`${name} threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
    counts.LetuiError = (counts.LetuiError ?? 0) + 1;
  }
}

const decoder = new TextDecoder();
let screens: Screen[] = [];
let trees: { tree: LayoutTree; nodes: LayoutNode[] }[] = [];
let decoders: InputDecoder[] = [];

/** The grid stays whole: a row read back has one cell per column (a wide one counts two). */
function checkScreen(s: Screen): void {
  if (s.disposed) return;
  if (s.cells.length !== s.width * s.height * 4) fail(`cells view of ${s.cells.length} words for ${s.width}x${s.height}`);
  const y = int(s.height);
  let columns = 0;
  for (let x = 0; x < s.width; x++) {
    const c = s.cellAt(x, y).text;
    if (c === "" && x === 0) fail(`row ${y} starts with the right half of a wide character`);
    columns++;
  }
  if (columns !== s.width) fail(`row ${y} has ${columns} cells, not ${s.width}`);
}

function screenCall(s: Screen): void {
  const x = number();
  const y = number();
  switch (int(14)) {
    case 0:
      call("setCell", () => s.setCell(x, y, rand() < 0.5 ? text().slice(0, 2) : pick(PIECES), style() as never));
      break;
    case 1:
      call("drawText", () => void s.drawText(x, y, text(), style() as never));
      break;
    case 2:
      call("fill", () => s.fill(x, y, number(), number(), pick(PIECES), style() as never));
      break;
    case 3:
      call("setClip", () => s.setClip(rand() < 0.2 ? null : { x, y, width: number(), height: number() }));
      break;
    case 4:
      call("setCursor", () => s.setCursor(rand() < 0.2 ? null : { x, y }, pick(["default", "block", "bar", "underline", "nope"]) as never, rand() < 0.5));
      break;
    case 5:
      call("resize", () => s.resize(pick([1, 2, 10, 80, 0, -1, NaN, 70000, 2.5]), pick([1, 3, 24, 0, NaN])));
      break;
    case 6:
    case 7:
      call("render", () => {
        s.render();
        const out = decoder.decode(s.takeOutput());
        for (const m of LEAKS) if (out.includes(m)) fail(`rendered output carries ${JSON.stringify(m)} from text`);
      });
      break;
    case 8:
      call("link", () => void s.link(pick(["https://example.com/a", "", "\x1b]8;;evil\x07", "x".repeat(3000), "ftp://x"])));
      break;
    case 9:
      call("setColorMode", () => void s.setColorMode(pick(["auto", "truecolor", "256", "16", "none", "bogus"]) as never));
      break;
    case 10:
      call("forceRedraw", () => s.forceRedraw());
      break;
    case 11:
      call("cellAt", () => void s.cellAt(x, y));
      break;
    case 12:
      call("setInline", () => s.setInline(rand() < 0.5, number()));
      break;
    default:
      call("clear", () => s.clear());
  }
  if (rand() < 0.1) checkScreen(s);
}

function treeCall(t: { tree: LayoutTree; nodes: LayoutNode[] }): void {
  const n = () => (rand() < 0.1 ? pick([-1, 0, NaN, 2 ** 53, 1.5]) : (pick(t.nodes) ?? 0));
  switch (int(10)) {
    case 0:
      call("createNode", () => void t.nodes.push(t.tree.createNode()));
      break;
    case 1:
      call("setStyle", () => t.tree.setStyle(n(), layoutStyle()));
      break;
    case 2:
      call("appendChild", () => t.tree.appendChild(n(), n()));
      break;
    case 3:
      call("insertChild", () => t.tree.insertChild(n(), n(), number()));
      break;
    case 4:
      call("removeChild", () => t.tree.removeChild(n(), n()));
      break;
    case 5:
      call("setChildren", () => t.tree.setChildren(n(), [n(), n(), n()].slice(0, int(4))));
      break;
    case 6:
      call("setText", () => t.tree.setText(n(), text(), { wrap: pick(["word", "char", "none", "bogus"]) as never }));
      break;
    case 7:
      call("compute", () => {
        t.tree.compute(n(), number(), number());
        t.tree.layoutOf(n());
      });
      break;
    case 8:
      call("free", () => t.tree.free(n()));
      break;
    default:
      call("textLines", () => void t.tree.textLines(n()));
  }
}

const fed = new WeakMap<InputDecoder, { bytes: number; events: number }>();

function decoderCall(d: InputDecoder): void {
  const bytes = new Uint8Array(int(300));
  for (let i = 0; i < bytes.length; i++) bytes[i] = rand() < 0.2 ? 0x1b : rand() < 0.5 ? 0x20 + int(95) : int(256);
  // Bytes held back by one call come out in a later one: count in total.
  const total = fed.get(d) ?? { bytes: 0, events: 0 };
  fed.set(d, total);
  const add = (events: unknown[]) => {
    total.events += events.length;
    if (total.events > total.bytes) fail(`${total.events} events from ${total.bytes} bytes`);
  };
  total.bytes += bytes.length;
  call("feed", () => add(d.feed(bytes)));
  if (rand() < 0.2) call("flush", () => add(d.flush()));
  if (rand() < 0.05) call("abortPaste", () => add(d.abortPaste()));
}

const end = Date.now() + seconds * 1000;
while (Date.now() < end) {
  for (let k = 0; k < 200; k++, step++) {
    const r = rand();
    if (r < 0.01 || screens.length === 0) {
      call("new Screen", () => void screens.push(new Screen({ width: pick([1, 3, 20, 80, 0, -5, NaN, 5000]), height: pick([1, 4, 24, 0]), fd: null, colorMode: pick(["truecolor", "256", "16", "none", "auto"]) })));
    } else if (r < 0.02 || trees.length === 0) {
      call("new LayoutTree", () => void trees.push({ tree: new LayoutTree(), nodes: [] }));
    } else if (r < 0.03 || decoders.length === 0) {
      call("new InputDecoder", () => void decoders.push(new InputDecoder({ maxPaste: pick([0, 10, 1 << 20, -1, NaN]) })));
    } else if (r < 0.035) {
      // Dispose something, then keep using it: every use is a LetuiError.
      const all = [...screens, ...trees.map((t) => t.tree), ...decoders];
      const victim = pick(all);
      if (victim) call("dispose", () => victim.dispose());
    } else if (r < 0.6) {
      const s = pick(screens);
      if (s) screenCall(s);
    } else if (r < 0.85) {
      const t = pick(trees);
      if (t) treeCall(t);
    } else {
      const d = pick(decoders);
      if (d) decoderCall(d);
    }
  }
  // Bound what is alive; the rest is left to finalizers (also under test).
  if (screens.length > 8) screens = screens.slice(-4);
  if (trees.length > 8) trees = trees.slice(-4);
  if (decoders.length > 8) decoders = decoders.slice(-4);
}
console.log(JSON.stringify({ seed, seconds, ...counts }));
