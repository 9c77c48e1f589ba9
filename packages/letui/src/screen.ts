/**
 * The `Screen`: a grid of cells owned by the native library, mapped into
 * TypeScript as a `Uint32Array` (four words per cell: glyph, fg, bg,
 * attrs), with drawing calls that cost one native call per string and a
 * `render()` that diffs and writes a frame in one call.
 */
import { type Pointer, toArrayBuffer } from "bun:ffi";
import { argumentError, disposedError, LetuiError } from "./native/errors.ts";
import { check, native } from "./native/library.ts";
import { type CellStyle, decodeStyle, type PackedStyle, packStyle, type Style } from "./style.ts";

/** How many colors the terminal shows. `"auto"` reads COLORTERM, TERM, NO_COLOR and LETUI_COLOR. */
export type ColorMode = "auto" | "truecolor" | "256" | "16" | "none";

const COLOR_MODES: Record<ColorMode, number> = { auto: -1, truecolor: 0, "256": 1, "16": 2, none: 3 };
const COLOR_MODE_NAMES: ColorMode[] = ["truecolor", "256", "16", "none"];

/** Options of a {@link Screen}. */
export interface ScreenOptions {
  /** Width in cells. */
  width: number;
  /** Height in cells. */
  height: number;
  /**
   * Where frames go: a file descriptor, or `null` for an output buffer
   * drained with {@link Screen.takeOutput} (to render to any stream).
   * @default 1 (stdout)
   */
  fd?: number | null;
  /**
   * Color capability; downgrades 24-bit colors for the terminal.
   * @default "auto"
   */
  colorMode?: ColorMode;
}

/** Terminal features the renderer may use (all on by default). */
export interface Capabilities {
  /** Wrap frames in synchronized output (mode 2026). */
  synchronizedOutput: boolean;
  /** Send curly/double/dotted/dashed underlines, not just single. */
  styledUnderline: boolean;
  /** Send OSC 8 hyperlinks. */
  hyperlinks: boolean;
  /** Scroll regions for content that moved by whole rows. */
  scrollRegions: boolean;
}

/** Cursor shapes (DECSCUSR). */
export type CursorShape = "default" | "block" | "underline" | "bar";

/** Words per cell in {@link Screen.cells}. */
export const CELL_WORDS = 4;
/** Glyph word of the right half of a wide character. */
export const CONTINUATION = 0xffffffff;

const INFO_GENERATION = 0;
const INFO_WIDTH = 1;
const INFO_HEIGHT = 2;
const INFO_LINKS_EPOCH = 3;
const INFO_END_X = 4;
const INFO_FRAME_BYTES = 5;
const KEEP = 0x0300_0000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const registry = new FinalizationRegistry<Pointer>((handle) => {
  // Safety net for screens that were never disposed: free the native side.
  native().letui_screen_free(handle);
});

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
export class Screen {
  #handle: Pointer | null;
  #cells = new Uint32Array(0);
  #scratch = new Uint8Array(0);
  #info: Uint32Array;
  #generation = -1;
  #width: number;
  #height: number;
  #clip = { x0: 0, y0: 0, x1: 0, y1: 0 };
  #links = new Map<string, number>();
  #linksEpoch = 0;
  readonly #token = {};
  readonly #buffered: boolean;

  constructor(options: ScreenOptions) {
    const width = checkInt("width", options.width, 1, 65535);
    const height = checkInt("height", options.height, 1, 65535);
    const fd = options.fd === undefined ? 1 : options.fd === null ? -1 : checkInt("fd", options.fd, 0, 2 ** 31 - 1);
    const mode = COLOR_MODES[options.colorMode ?? "auto"];
    if (mode === undefined) throw argumentError(`unknown color mode ${JSON.stringify(options.colorMode)}`);
    const out = new BigUint64Array(1);
    check(native().letui_screen_new(width, height, fd, mode, out));
    this.#handle = Number(out[0]) as Pointer;
    this.#buffered = fd < 0;
    this.#width = width;
    this.#height = height;
    registry.register(this, this.#handle as Pointer, this.#token);
    this.#info = new Uint32Array(0);
    this.#remap();
    this.#clip = { x0: 0, y0: 0, x1: width, y1: height };
  }

  /** The native handle; throws once disposed. */
  #h(): Pointer {
    if (this.#handle === null) throw disposedError("Screen");
    return this.#handle;
  }

  #remap(): void {
    const view = new BigUint64Array(6);
    check(native().letui_screen_view(this.#h(), view));
    const [cells, cellsLen, scratch, scratchLen, info, infoLen] = view as unknown as [bigint, bigint, bigint, bigint, bigint, bigint];
    this.#cells = new Uint32Array(toArrayBuffer(Number(cells), 0, Number(cellsLen) * 4));
    this.#scratch = new Uint8Array(toArrayBuffer(Number(scratch), 0, Number(scratchLen)));
    this.#info = new Uint32Array(toArrayBuffer(Number(info), 0, Number(infoLen) * 4));
    this.#generation = this.#info[INFO_GENERATION] ?? 0;
  }

  /** Re-maps the views when the native buffers moved. */
  #sync(): void {
    if (this.#handle === null) throw disposedError("Screen");
    if (this.#info[INFO_GENERATION] !== this.#generation) this.#remap();
  }

  /** Width in cells. */
  get width(): number {
    return this.#width;
  }

  /** Height in cells. */
  get height(): number {
    return this.#height;
  }

  /** True once disposed. */
  get disposed(): boolean {
    return this.#handle === null;
  }

  /**
   * The cells: four `u32` words per cell (glyph, fg, bg, attrs), row-major.
   * The view is replaced after {@link resize}; read this property again
   * rather than keeping it. Writes are allowed; the renderer repairs cells
   * the terminal cannot show as written.
   */
  get cells(): Uint32Array {
    this.#sync();
    return this.#cells;
  }

  /** Writes `text` into the scratch buffer and returns its byte length. */
  #put(text: string): number {
    this.#sync();
    let r = encoder.encodeInto(text, this.#scratch);
    if (r.read < text.length) {
      check(native().letui_screen_reserve_scratch(this.#h(), text.length * 3));
      this.#sync();
      r = encoder.encodeInto(text, this.#scratch);
    }
    return r.written;
  }

  /** The attribute word with the link id of this screen. */
  #attrs(style: PackedStyle): number {
    if (style.link === undefined) return style.attrs;
    return (style.attrs | (this.link(style.link) << 16)) >>> 0;
  }

  /**
   * Registers a hyperlink target and returns its id (cached; ids are
   * recycled by the native side once no cell uses them, and the cache is
   * dropped then).
   */
  link(url: string): number {
    this.#sync();
    const epoch = this.#info[INFO_LINKS_EPOCH] ?? 0;
    if (epoch !== this.#linksEpoch) {
      this.#links.clear();
      this.#linksEpoch = epoch;
    }
    let id = this.#links.get(url);
    if (id === undefined) {
      const len = this.#put(url);
      id = check(native().letui_screen_link(this.#h(), len));
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
    // A disposed screen has an empty info view: this check sends it to
    // #sync, which throws.
    if (this.#info[INFO_GENERATION] !== this.#generation) this.#sync();
    const c = this.#clip;
    if (x < c.x0 || x >= c.x1 || y < c.y0 || y >= c.y1 || (x | 0) !== x || (y | 0) !== y) return;
    const cells = this.#cells;
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
    if (text.length === 0) return x;
    const s = packStyle(style);
    const attrs = this.#attrs(s);
    const len = this.#put(text);
    check(native().letui_screen_draw_text(this.#h(), x | 0, y | 0, len, s.fg, s.bg, attrs));
    return (this.#info[INFO_END_X] ?? 0) | 0;
  }

  /** Fills a rectangle (clipped) with a character (a space by default). */
  fill(x: number, y: number, width: number, height: number, char = " ", style?: Style | PackedStyle): void {
    if (width <= 0 || height <= 0) return;
    const s = packStyle(style);
    const attrs = this.#attrs(s);
    const len = char === " " ? 0 : this.#put(char);
    check(native().letui_screen_fill(this.#h(), x | 0, y | 0, Math.min(width, 2 ** 31), Math.min(height, 2 ** 31), len, s.fg, s.bg, attrs));
  }

  /** Blanks the whole screen (ignoring the clip). */
  clear(): void {
    check(native().letui_screen_clear(this.#h()));
  }

  /** Restricts drawing to a rectangle, or lifts the restriction with `null`. */
  setClip(rect: { x: number; y: number; width: number; height: number } | null): void {
    if (rect === null) {
      check(native().letui_screen_set_clip(this.#h(), 0, 0, -1, -1));
      this.#clip = { x0: 0, y0: 0, x1: this.#width, y1: this.#height };
      return;
    }
    const x = Math.trunc(rect.x);
    const y = Math.trunc(rect.y);
    const w = Math.max(0, Math.trunc(rect.width));
    const h = Math.max(0, Math.trunc(rect.height));
    check(native().letui_screen_set_clip(this.#h(), x, y, Math.min(w, 2 ** 31 - 1), Math.min(h, 2 ** 31 - 1)));
    this.#clip = {
      x0: Math.max(0, x),
      y0: Math.max(0, y),
      x1: Math.min(this.#width, x + w),
      y1: Math.min(this.#height, y + h),
    };
  }

  /** Changes the size, keeping the overlapping content; the next frame repaints everything. */
  resize(width: number, height: number): void {
    checkInt("width", width, 1, 65535);
    checkInt("height", height, 1, 65535);
    check(native().letui_screen_resize(this.#h(), width, height));
    this.#width = width;
    this.#height = height;
    this.#clip = { x0: 0, y0: 0, x1: width, y1: height };
    this.#sync();
  }

  /**
   * Renders a frame: writes the bytes that bring the terminal up to date
   * (nothing when nothing changed) and returns their number.
   */
  render(): number {
    check(native().letui_screen_render(this.#h()));
    return this.#info[INFO_FRAME_BYTES] ?? 0;
  }

  /** Makes the next frame repaint everything (after a resize, or when the terminal was disturbed). */
  forceRedraw(): void {
    check(native().letui_screen_force_redraw(this.#h()));
  }

  /** Shows the terminal cursor at (x, y) after each frame, with a shape, or hides it with `null`. */
  setCursor(pos: { x: number; y: number } | null, shape: CursorShape = "default", blink = false): void {
    const shapes: Record<CursorShape, number> = { default: 0, block: 2, underline: 4, bar: 6 };
    let n = shapes[shape];
    if (n === undefined) throw argumentError(`unknown cursor shape ${JSON.stringify(shape)}`);
    if (blink && n > 0) n -= 1;
    const x = pos ? Math.max(0, Math.trunc(pos.x)) : -1;
    const y = pos ? Math.max(0, Math.trunc(pos.y)) : -1;
    check(native().letui_screen_set_cursor(this.#h(), x, y, n));
  }

  /** Sets the color mode (`"auto"` detects again); returns the mode in effect. The next frame repaints everything. */
  setColorMode(mode: ColorMode): Exclude<ColorMode, "auto"> {
    const n = COLOR_MODES[mode];
    if (n === undefined) throw argumentError(`unknown color mode ${JSON.stringify(mode)}`);
    const got = check(native().letui_screen_set_color_mode(this.#h(), n));
    return COLOR_MODE_NAMES[got] as Exclude<ColorMode, "auto">;
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
      (c.synchronizedOutput ? 1 : 0) | (c.styledUnderline ? 2 : 0) | (c.hyperlinks ? 4 : 0) | (c.scrollRegions ? 8 : 0);
    check(native().letui_screen_set_capabilities(this.#h(), bits));
  }

  /** Renders into rows `origin..` of the normal screen instead of the whole terminal (inline mode). */
  setInline(enabled: boolean, origin = 0): void {
    check(native().letui_screen_set_inline(this.#h(), enabled ? 1 : 0, checkInt("origin", origin, 0, 65535)));
  }

  /**
   * In buffer mode (`fd: null`), returns the bytes rendered since the last
   * call (a copy) and drops them from the buffer.
   */
  takeOutput(): Uint8Array {
    if (!this.#buffered) throw new LetuiError(-8, "this screen writes to a file descriptor; it has no output buffer");
    const ptr = new BigUint64Array(1);
    const len = new BigUint64Array(1);
    check(native().letui_screen_output(this.#h(), ptr, len));
    const n = Number(len[0]);
    if (n === 0) return new Uint8Array(0);
    const bytes = new Uint8Array(toArrayBuffer(Number(ptr[0]), 0, n)).slice();
    check(native().letui_screen_consume_output(this.#h(), n));
    return bytes;
  }

  /** The text of row `y` (wide characters once, padded with spaces). */
  rowText(y: number): string {
    checkInt("y", y, 0, this.#height - 1);
    const n = check(native().letui_screen_row_text(this.#h(), y));
    this.#sync();
    return decoder.decode(this.#scratch.subarray(0, n));
  }

  /** The text and style of the cell at (x, y); the right half of a wide character has text `""`. */
  cellAt(x: number, y: number): { text: string; style: CellStyle } {
    checkInt("x", x, 0, this.#width - 1);
    checkInt("y", y, 0, this.#height - 1);
    const n = check(native().letui_screen_cell_text(this.#h(), x, y));
    this.#sync();
    const text = decoder.decode(this.#scratch.subarray(0, n));
    const i = (y * this.#width + x) * CELL_WORDS;
    const c = this.#cells;
    return { text, style: decodeStyle(c[i + 1] ?? 0, c[i + 2] ?? 0, c[i + 3] ?? 0) };
  }

  /** Frees the native screen. Idempotent. */
  dispose(): void {
    if (this.#handle === null) return;
    const h = this.#handle;
    this.#handle = null;
    this.#cells = new Uint32Array(0);
    this.#scratch = new Uint8Array(0);
    this.#info = new Uint32Array(0);
    registry.unregister(this.#token);
    check(native().letui_screen_free(h));
  }

  /** Disposes at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
