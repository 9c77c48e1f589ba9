/**
 * The `Screen`: a grid of cells owned by the native library, mapped into
 * TypeScript as a `Uint32Array` (four words per cell: glyph, fg, bg,
 * attrs), with drawing calls that cost one native call per string and a
 * `render()` that diffs and writes a frame in one call.
 */
import { argumentError, disposedError, LetuiError } from "./errors.ts";
import {
  LETUI_ATTR_LINK_SHIFT,
  LETUI_CAP_HYPERLINKS,
  LETUI_CAP_SCROLL_REGIONS,
  LETUI_CAP_STYLED_UNDERLINE,
  LETUI_CAP_SYNCHRONIZED_OUTPUT,
  LETUI_CELL_WORDS,
  LETUI_COLOR_KEEP,
  LETUI_GLYPH_CONTINUATION,
  LETUI_INFO_DEFERRED,
  LETUI_INFO_END_X,
  LETUI_INFO_FRAME_BYTES,
  LETUI_INFO_GENERATION,
  LETUI_INFO_LINKS_EPOCH,
  LETUI_INFO_UNSENT,
  LETUI_MAX_CLUSTER_CHARS,
} from "./native/abi.ts";
import { notifier, stopNotify } from "./native/library.ts";
import { NativeObject, SharedViews } from "./native/object.ts";
import type { NativeHandle } from "./native/types.ts";
import * as ns from "./native/screen.ts";
import { type Capabilities, COLOR_MODE_NAMES, COLOR_MODES, type ColorMode, type CursorShape, type ScreenOptions } from "./screen-options.ts";
import * as read from "./screen-read.ts";
import { type CellStyle, type PackedStyle, packStyle, type Style } from "./style.ts";

export type { Capabilities, ColorMode, CursorShape, ScreenOptions } from "./screen-options.ts";

/** Words per cell in {@link Screen.cells}. */
export const CELL_WORDS = LETUI_CELL_WORDS;
/** Glyph word of the right half of a wide character. */
export const CONTINUATION = LETUI_GLYPH_CONTINUATION;
/**
 * The most code points one cell keeps of a grapheme cluster (32): a base
 * character and its marks. Longer clusters keep their first 32 code
 * points, so every cell costs a bounded number of bytes per frame.
 */
export const MAX_CLUSTER_CHARS: number = LETUI_MAX_CLUSTER_CHARS;

const KEEP = LETUI_COLOR_KEEP;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;

/**
 * A drawing coordinate as the native `i32`: floored and clamped to the
 * `i32` range (so a far-away position stays far away and never wraps), or
 * `null` when it is NaN or infinite (the call draws nothing).
 */
function coord(v: number): number | null {
  if (!Number.isFinite(v)) return null;
  return Math.min(I32_MAX, Math.max(I32_MIN, Math.floor(v)));
}

/**
 * The cells `[start, end)` that a span from `at` of `size` cells covers
 * within `0..limit`, computed exactly in doubles: both floored, NaN or a
 * size of 0 or less covers nothing, and `Infinity` reaches the edge.
 * `null` when it covers nothing.
 */
function span(at: number, size: number, limit: number): [number, number] | null {
  if (!Number.isFinite(at) || Number.isNaN(size)) return null;
  const a = Math.floor(at);
  const start = Math.max(0, a);
  const end = Math.min(limit, a + Math.floor(size));
  return end > start ? [start, end] : null;
}

/**
 * The free function of a screen. Made outside the constructor on purpose:
 * a closure made there shares the constructor's scope, which holds `this`,
 * and the finalizer's held value would then keep the screen alive forever.
 */
function freer(token: number | undefined): (h: NativeHandle) => number {
  return (h) => {
    if (token !== undefined) stopNotify(token);
    return ns.screenFree(h);
  };
}

function checkInt(name: string, v: number, min: number, max: number): number {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw argumentError(`${name} must be an integer in ${min}..${max}, got ${v}`);
  }
  return v;
}

/**
 * A grid of cells in native memory and a renderer that turns it into
 * terminal bytes. Draw with {@link setCell}, {@link drawText},
 * {@link fill} (or write {@link cells} directly), then call {@link render}.
 *
 * Dispose it with {@link dispose} (or `using`); a finalizer frees it if
 * you forget, and any use after disposal throws.
 */
export class Screen extends NativeObject {
  readonly #views: SharedViews<ns.ScreenViews>;
  #width: number;
  #height: number;
  #clip = { x0: 0, y0: 0, x1: 0, y1: 0 };
  /** The clip the native side has (null: unknown), and whether it is "none". */
  #clipSent: { x0: number; y0: number; x1: number; y1: number } | null = null;
  #sentUnset = true;
  #clipUnset = true;
  /** `#clip` is not yet what the native side has. */
  #clipPending = false;
  #links = new Map<string, number>();
  #linksEpoch = 0;
  readonly #buffered: boolean;
  #deferred = false;
  #flushWaiters: (() => void)[] = [];
  #outputError: LetuiError | null = null;
  readonly #onOutputError: ((error: LetuiError) => void) | undefined;
  #colorMode: Exclude<ColorMode, "auto"> = "truecolor";

  constructor(options: ScreenOptions) {
    const width = checkInt("width", options.width, 1, 65535);
    const height = checkInt("height", options.height, 1, 65535);
    const fd = options.fd === undefined ? 1 : options.fd === null ? -1 : checkInt("fd", options.fd, 0, 2 ** 31 - 1);
    const mode = COLOR_MODES[options.colorMode ?? "auto"];
    if (mode === undefined) throw argumentError(`unknown color mode ${JSON.stringify(options.colorMode)}`);
    // The writer's notifications find the screen through a weak reference,
    // so that a forgotten screen can still be collected (and freed).
    const self: { ref?: WeakRef<Screen> } = {};
    const note = fd < 0 ? undefined : notifier(() => {
      const screen = self.ref?.deref();
      if (screen) screen.#notified();
    });
    super("Screen", ns.screenNew(width, height, fd, mode), freer(note?.token));
    self.ref = new WeakRef(this);
    if (note) ns.screenSetNotify(this.handle, note.pointer, note.token);
    this.#onOutputError = options.onOutputError;
    this.#buffered = fd < 0;
    this.#width = width;
    this.#height = height;
    this.#views = new SharedViews(() => ns.screenViews(this.handle), LETUI_INFO_GENERATION, ns.NO_SCREEN_VIEWS);
    this.#clip = { x0: 0, y0: 0, x1: width, y1: height };
    this.#clipSent = this.#clip;
    this.#colorMode = this.setColorMode(options.colorMode ?? "auto");
  }

  protected override onDispose(): void {
    this.#views.drop();
    this.#settleFlush();
  }

  /** Width in cells. */
  get width(): number {
    return this.#width;
  }

  /** Height in cells. */
  get height(): number {
    return this.#height;
  }

  /**
   * The cells: four `u32` words per cell (glyph, fg, bg, attrs), row-major.
   * The view is replaced after {@link resize}; read this property again
   * rather than keeping it. Writes are allowed; the renderer repairs cells
   * the terminal cannot show as written.
   */
  get cells(): Uint32Array {
    return this.#views.current.cells;
  }

  /** Writes `text` into the scratch buffer and returns its byte length. */
  #put(text: string): number {
    let r = encoder.encodeInto(text, this.#views.current.scratch);
    if (r.read < text.length) {
      ns.screenReserveScratch(this.handle, text.length * 3);
      r = encoder.encodeInto(text, this.#views.current.scratch);
    }
    return r.written;
  }

  /** The attribute word with the link id of this screen. */
  #attrs(style: PackedStyle): number {
    if (style.link === undefined) return style.attrs;
    return (style.attrs | (this.link(style.link) << LETUI_ATTR_LINK_SHIFT)) >>> 0;
  }

  /**
   * Registers a hyperlink target and returns its id (cached; ids are
   * recycled by the native side once no cell uses them, and the cache is
   * dropped then).
   */
  link(url: string): number {
    const epoch = this.#views.current.info[LETUI_INFO_LINKS_EPOCH] ?? 0;
    if (epoch !== this.#linksEpoch) {
      this.#links.clear();
      this.#linksEpoch = epoch;
    }
    let id = this.#links.get(url);
    if (id === undefined) {
      const len = this.#put(url);
      id = ns.screenLink(this.handle, len);
      this.#links.set(url, id);
    }
    return id;
  }

  /**
   * Sets one cell to a character (one grapheme). Printable ASCII is
   * written straight into shared memory; anything else takes one native
   * call so that wide characters and clusters are handled natively.
   */
  setCell(x: number, y: number, char: string, style?: Style | PackedStyle): void {
    const s = packStyle(style);
    const code = char.length === 1 ? char.charCodeAt(0) : 0;
    if (code < 0x20 || code > 0x7e) {
      this.drawText(x, y, char, s);
      return;
    }
    // A disposed screen has empty views: `current` re-maps them, which
    // throws.
    const cells = this.#views.current.cells;
    const c = this.#clip;
    x = Math.floor(x);
    y = Math.floor(y);
    // Written so that NaN fails every test and is dropped.
    if (!(x >= c.x0 && x < c.x1 && y >= c.y0 && y < c.y1)) return;
    const w = this.#width;
    const i = (y * w + x) * CELL_WORDS;
    // Overwriting half of a wide character clears its other half.
    if (cells[i] === CONTINUATION && x > 0) cells[i - CELL_WORDS] = 0x20;
    if (x + 1 < w && cells[i + CELL_WORDS] === CONTINUATION) cells[i + CELL_WORDS] = 0x20;
    cells[i] = code;
    if (s.fg !== KEEP) cells[i + 1] = s.fg;
    if (s.bg !== KEEP) cells[i + 2] = s.bg;
    cells[i + 3] = s.link === undefined ? s.attrs : this.#attrs(s);
  }

  /**
   * Draws text on one row from column `x` (may be negative), clipped, and
   * returns the column after it. Text is split into grapheme clusters
   * natively; wide clusters take two cells; control characters are
   * skipped. One native call per string.
   */
  drawText(x: number, y: number, text: string, style?: Style | PackedStyle): number {
    const cx = coord(x);
    const cy = coord(y);
    if (text.length === 0 || cx === null || cy === null) return x;
    const s = packStyle(style);
    const attrs = this.#attrs(s);
    const len = this.#put(text);
    if (this.#clipPending) this.#sendClip();
    ns.screenDrawText(this.handle, cx, cy, len, s.fg, s.bg, attrs);
    return (this.#views.last.info[LETUI_INFO_END_X] ?? 0) | 0;
  }

  /** Fills a rectangle (clipped) with a character (a space by default). */
  fill(x: number, y: number, width: number, height: number, char = " ", style?: Style | PackedStyle): void {
    const xs = span(x, width, this.#width);
    const ys = span(y, height, this.#height);
    if (xs === null || ys === null) return;
    const s = packStyle(style);
    const attrs = this.#attrs(s);
    const len = char === " " ? 0 : this.#put(char);
    if (this.#clipPending) this.#sendClip();
    ns.screenFill(this.handle, xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0], len, s.fg, s.bg, attrs);
  }

  /** Blanks the whole screen (ignoring the clip). */
  clear(): void {
    ns.screenClear(this.handle);
  }

  /**
   * Restricts drawing to a rectangle, or lifts the restriction with `null`.
   * The native side learns of it only before the next native draw, so a
   * painter may set clips freely for elements that end up drawing nothing.
   */
  setClip(rect: { x: number; y: number; width: number; height: number } | null): void {
    if (rect === null) {
      this.#clip = { x0: 0, y0: 0, x1: this.#width, y1: this.#height };
      this.#clipUnset = true;
    } else {
      const xs = span(rect.x, rect.width, this.#width);
      const ys = span(rect.y, rect.height, this.#height);
      // A clip that covers no cell (or names no real position) lets nothing through.
      const [x0, x1] = xs && ys ? xs : [0, 0];
      const [y0, y1] = xs && ys ? ys : [0, 0];
      this.#clip = { x0, y0, x1, y1 };
      this.#clipUnset = false;
    }
    this.#clipPending = this.#clip !== this.#clipSent;
  }

  /** Hands the clip to the native side when it changed since it last did. */
  #sendClip(): void {
    const c = this.#clip;
    const sent = this.#clipSent;
    this.#clipPending = false;
    if (sent !== null && sent.x0 === c.x0 && sent.y0 === c.y0 && sent.x1 === c.x1 && sent.y1 === c.y1 && this.#clipUnset === this.#sentUnset) {
      this.#clipSent = c;
      return;
    }
    if (this.#clipUnset) ns.screenSetClip(this.handle, 0, 0, -1, -1);
    else ns.screenSetClip(this.handle, c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
    this.#clipSent = c;
    this.#sentUnset = this.#clipUnset;
  }

  /** Changes the size, keeping the overlapping content; the next frame repaints everything. */
  resize(width: number, height: number): void {
    checkInt("width", width, 1, 65535);
    checkInt("height", height, 1, 65535);
    ns.screenResize(this.handle, width, height);
    this.#width = width;
    this.#height = height;
    // Resizing lifts the native clip.
    this.#clip = { x0: 0, y0: 0, x1: width, y1: height };
    this.#clipSent = this.#clip;
    this.#clipUnset = true;
    this.#sentUnset = true;
    this.#clipPending = false;
  }

  /**
   * Renders a frame: hands the bytes that bring the terminal up to date
   * (nothing when nothing changed) to the output and returns their number.
   *
   * Never blocks. When the terminal has not taken the previous frame yet
   * (it stopped reading: a paused terminal, a slow ssh link), nothing is
   * rendered now and 0 is returned; once the output drained, the screen
   * renders again by itself, diffing against what was really sent, so the
   * terminal always ends up showing exactly the last frame. When the
   * output failed (see {@link ScreenOptions.onOutputError}), frames are
   * dropped.
   */
  render(): number {
    if (this.#outputError) {
      if (this.disposed) throw disposedError("Screen");
      return 0;
    }
    const error = ns.screenRender(this.handle);
    if (error) {
      this.#failed(error);
      return 0;
    }
    const info = this.#views.last.info;
    this.#deferred = info[LETUI_INFO_DEFERRED] === 1;
    return this.#deferred ? 0 : (info[LETUI_INFO_FRAME_BYTES] ?? 0);
  }

  /** True when the last frame waits for the terminal to take the one before it. */
  get deferred(): boolean {
    return this.#deferred;
  }

  /** Bytes handed to the output and not yet written (as of the last call). */
  get unsent(): number {
    return this.#views.last.info[LETUI_INFO_UNSENT] ?? 0;
  }

  /** The color mode in effect (what `"auto"` detected, or what was set). */
  get colorMode(): Exclude<ColorMode, "auto"> {
    return this.#colorMode;
  }

  /** The output's failure, once it failed. */
  get outputError(): LetuiError | null {
    return this.#outputError;
  }

  /**
   * Resolves once everything rendered so far has been written to the
   * terminal (at once for a buffer screen, or when the output failed):
   * for apps that want backpressure.
   */
  flushed(): Promise<void> {
    if (this.#buffered || this.#outputError || this.disposed) return Promise.resolve();
    const armed = ns.screenArmNotify(this.handle);
    if (armed instanceof LetuiError) {
      this.#failed(armed);
      return Promise.resolve();
    }
    if (!armed && !this.#deferred) return Promise.resolve();
    return new Promise((resolve) => this.#flushWaiters.push(resolve));
  }

  /**
   * Waits (blocking, at most `timeoutMs`) until everything rendered has
   * been written; returns true when it has. For exit paths, where the
   * last frame must reach the terminal before it is given back.
   */
  flush(timeoutMs: number): boolean {
    if (this.#buffered || this.#outputError || this.disposed) return true;
    return ns.screenFlush(this.handle, Math.max(0, Math.min(Math.trunc(timeoutMs), 2 ** 31)));
  }

  /** Writes bytes to the output in order with rendered frames (queries, text below an inline region), without blocking. */
  write(data: string | Uint8Array): void {
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    if (bytes.length === 0 || this.#outputError) return;
    const error = ns.screenWrite(this.handle, bytes);
    if (error) this.#failed(error);
  }

  /**
   * Inline mode: prints every row of `lines` (a screen of the same width,
   * drawn like this one) above the region, into the terminal's normal
   * output and from there its scrollback, then repaints the region below
   * them, in one update and without clearing anything. The terminal owns
   * printed rows from then on: they are never redrawn. `terminalHeight`
   * is the terminal's height in rows; returns the region's new top row.
   */
  printAbove(lines: Screen, terminalHeight: number): number {
    if (lines.width !== this.#width) throw argumentError(`printed lines are ${lines.width} cells wide, the screen ${this.#width}`);
    checkInt("terminalHeight", terminalHeight, 1, 65535);
    const n = ns.screenEncodeLines(lines.handle);
    const bytes = lines.#views.current.scratch.slice(0, n);
    const origin = ns.screenPrintAbove(this.handle, bytes, lines.height, terminalHeight);
    if (origin instanceof LetuiError) {
      this.#failed(origin);
      return 0;
    }
    return origin;
  }

  /** The writer drained (after a deferred frame or a flushed() request) or failed. */
  #notified(): void {
    if (this.disposed) return;
    const error = ns.screenOutputError(this.handle);
    if (error) {
      this.#failed(error);
      return;
    }
    if (this.#deferred) this.render();
    if (this.#flushWaiters.length > 0 && !this.#deferred) {
      const armed = ns.screenArmNotify(this.handle);
      if (armed === false) this.#settleFlush();
    }
  }

  #settleFlush(): void {
    const waiters = this.#flushWaiters;
    this.#flushWaiters = [];
    for (const w of waiters) w();
  }

  #failed(error: LetuiError): void {
    if (this.#outputError) return;
    this.#outputError = error;
    this.#deferred = false;
    this.#settleFlush();
    this.#onOutputError?.(error);
  }

  /** Makes the next frame repaint everything (after a resize, or when the terminal was disturbed). */
  forceRedraw(): void {
    ns.screenForceRedraw(this.handle);
  }

  /** Shows the terminal cursor at (x, y) after each frame, with a shape, or hides it with `null` (or a negative or non-finite position). */
  setCursor(pos: { x: number; y: number } | null, shape: CursorShape = "default", blink = false): void {
    const shapes: Record<CursorShape, number> = { default: 0, block: 2, underline: 4, bar: 6 };
    let n = shapes[shape];
    if (n === undefined) throw argumentError(`unknown cursor shape ${JSON.stringify(shape)}`);
    if (blink && n > 0) n -= 1;
    // A cursor at no real position, or at a negative one, is hidden.
    const cx = pos ? coord(pos.x) : null;
    const cy = pos ? coord(pos.y) : null;
    const hidden = cx === null || cy === null || cx < 0 || cy < 0;
    ns.screenSetCursor(this.handle, hidden ? -1 : cx, hidden ? -1 : cy, n);
  }

  /** Sets the color mode (`"auto"` detects again); returns the mode in effect. The next frame repaints everything. */
  setColorMode(mode: ColorMode): Exclude<ColorMode, "auto"> {
    const n = COLOR_MODES[mode];
    if (n === undefined) throw argumentError(`unknown color mode ${JSON.stringify(mode)}`);
    const got = ns.screenSetColorMode(this.handle, n);
    const name = COLOR_MODE_NAMES.get(got);
    if (name === undefined) throw new LetuiError(0, `the library reported an unknown color mode ${got}`, "Unknown");
    this.#colorMode = name;
    return name;
  }

  /** Turns renderer features on or off. The next frame repaints everything. */
  setCapabilities(caps: Partial<Capabilities>): void {
    const c: Capabilities = {
      synchronizedOutput: true,
      styledUnderline: true,
      hyperlinks: true,
      scrollRegions: true,
      ...caps,
    };
    const bits =
      (c.synchronizedOutput ? LETUI_CAP_SYNCHRONIZED_OUTPUT : 0) |
      (c.styledUnderline ? LETUI_CAP_STYLED_UNDERLINE : 0) |
      (c.hyperlinks ? LETUI_CAP_HYPERLINKS : 0) |
      (c.scrollRegions ? LETUI_CAP_SCROLL_REGIONS : 0);
    ns.screenSetCapabilities(this.handle, bits);
  }

  /** Renders into rows `origin..` of the normal screen instead of the whole terminal (inline mode). */
  setInline(enabled: boolean, origin = 0): void {
    ns.screenSetInline(this.handle, enabled, checkInt("origin", origin, 0, 65535));
  }

  /**
   * In buffer mode (`fd: null`), returns the bytes rendered since the last
   * call (a copy) and drops them from the buffer.
   */
  takeOutput(): Uint8Array {
    if (!this.#buffered) throw new LetuiError(-8, "this screen writes to a file descriptor; it has no output buffer");
    return ns.screenTakeOutput(this.handle);
  }

  // ---- reading the screen back (screen-read.ts) ---------------------------
  // What these return is what the terminal shows once render() ran: render
  // first repairs cells written straight into the view that no terminal can
  // show as written.

  #scratchText(n: number): string {
    return decoder.decode(this.#views.current.scratch.subarray(0, n));
  }

  /** @internal The text of the cluster at (x, y), read natively (for clusters of several code points). */
  clusterText(x: number, y: number): string {
    return this.#scratchText(ns.screenCellText(this.handle, x, y));
  }

  /** The text of row `y` (wide characters once, padded with spaces). Valid after {@link render}. */
  rowText(y: number): string {
    checkInt("y", y, 0, this.#height - 1);
    return this.#scratchText(ns.screenRowText(this.handle, y));
  }

  /**
   * The text of cells `x0` to `x1` (exclusive) of row `y`, each character
   * once (the right half of a wide one adds nothing). Reads the cell view,
   * crossing the FFI only for clusters of more than one code point.
   */
  textOf(y: number, x0 = 0, x1 = this.#width): string {
    checkInt("y", y, 0, this.#height - 1);
    return read.textOf(this, y, x0, x1);
  }

  /**
   * One cell: its cluster's text (`""` for the right half of a wide
   * character), width in cells (2 for a wide character, 0 for its right
   * half), style, and hyperlink URL. Valid after {@link render}.
   */
  cellAt(x: number, y: number): read.CellInfo {
    checkInt("x", x, 0, this.#width - 1);
    checkInt("y", y, 0, this.#height - 1);
    return read.cellAt(this, x, y);
  }

  /** Every row as spans of equal style (and link), each cluster once. Valid after {@link render}. */
  lines(): read.StyledLine[] {
    return read.lines(this);
  }

  /** The URL of hyperlink `id` (as in {@link CellStyle.linkId}), or undefined for none. */
  linkUrl(id: number): string | undefined {
    if (!Number.isInteger(id) || id <= 0 || id > 0xffff) return undefined;
    const n = ns.screenLinkUrl(this.handle, id);
    return n === 0 ? undefined : this.#scratchText(n);
  }

  /**
   * A debug view: row `y` as the renderer believes the terminal shows it
   * (what was last sent). Equal to {@link rowText} after a render that was
   * not deferred; `""` for a row never sent.
   */
  shownRowText(y: number): string {
    checkInt("y", y, 0, this.#height - 1);
    return this.#scratchText(ns.screenShownRowText(this.handle, y));
  }
}
