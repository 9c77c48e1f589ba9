/** The screen object's native calls, typed (`letui_screen_*`). */
import { LetuiError, Status } from "../errors.ts";
import { check, created, lastError, native, nativeView, viewPairs } from "./library.ts";
import type { NativeHandle } from "./types.ts";

type View = [bigint, number];

/** The shared buffers of a screen. */
export interface ScreenViews {
  /** Cells, four words each. */
  readonly cells: Uint32Array;
  /** Scratch bytes for text arguments and results. */
  readonly scratch: Uint8Array;
  /** The info words (`LETUI_INFO_*`). */
  readonly info: Uint32Array;
}

/** Empty views, for a disposed screen. */
export const NO_SCREEN_VIEWS: ScreenViews = { cells: new Uint32Array(0), scratch: new Uint8Array(0), info: new Uint32Array(0) };

/** Creates a screen writing to `fd` (-1: an output buffer) in color mode `mode`. */
export function screenNew(width: number, height: number, fd: number, mode: number): NativeHandle {
  return created((out) => native().letui_screen_new(width, height, fd, mode, out));
}

/** Frees a screen; returns the status. */
export function screenFree(h: NativeHandle | null): number {
  return native().letui_screen_free(h);
}

/** Maps the screen's shared buffers. */
export function screenViews(h: NativeHandle): ScreenViews {
  const [cells, scratch, info] = viewPairs(3, (v) => native().letui_screen_view(h, v)) as [View, View, View];
  return {
    cells: new Uint32Array(nativeView(cells[0], cells[1] * 4)),
    scratch: new Uint8Array(nativeView(scratch[0], scratch[1])),
    info: new Uint32Array(nativeView(info[0], info[1] * 4)),
  };
}

/** Resizes the screen. */
export function screenResize(h: NativeHandle, width: number, height: number): void {
  check(native().letui_screen_resize(h, width, height));
}

/** Grows the scratch buffer to at least `bytes`. */
export function screenReserveScratch(h: NativeHandle, bytes: number): void {
  check(native().letui_screen_reserve_scratch(h, bytes));
}

/** Draws the first `len` scratch bytes as text at (x, y). */
export function screenDrawText(h: NativeHandle, x: number, y: number, len: number, fg: number, bg: number, attrs: number): void {
  check(native().letui_screen_draw_text(h, x, y, len, fg, bg, attrs));
}

/** Fills a rectangle with the grapheme in the first `len` scratch bytes (a space when 0). */
export function screenFill(
  h: NativeHandle,
  x: number,
  y: number,
  width: number,
  height: number,
  len: number,
  fg: number,
  bg: number,
  attrs: number,
): void {
  check(native().letui_screen_fill(h, x, y, width, height, len, fg, bg, attrs));
}

/** Blanks the screen. */
export function screenClear(h: NativeHandle): void {
  check(native().letui_screen_clear(h));
}

/** Sets the clip rectangle (a negative width lifts it). */
export function screenSetClip(h: NativeHandle, x: number, y: number, width: number, height: number): void {
  check(native().letui_screen_set_clip(h, x, y, width, height));
}

/** Registers the URL in the first `len` scratch bytes; returns its link id. */
export function screenLink(h: NativeHandle, len: number): number {
  return check(native().letui_screen_link(h, len));
}

/**
 * Renders a frame; returns null, or the output's failure (the terminal is
 * gone: later frames are dropped) as an error instead of throwing it.
 */
export function screenRender(h: NativeHandle): LetuiError | null {
  return outputStatus(native().letui_screen_render(h));
}

/** Writes bytes ordered with frames; returns null, or the output's failure. */
export function screenWrite(h: NativeHandle, bytes: Uint8Array): LetuiError | null {
  return outputStatus(native().letui_screen_write(h, bytes, bytes.length));
}

/** Writes the screen's rows as printable lines into the scratch buffer; returns their length. */
export function screenEncodeLines(h: NativeHandle): number {
  return check(native().letui_screen_encode_lines(h));
}

/** Prints `count` encoded lines above the inline region; returns its new top row, or the output's failure. */
export function screenPrintAbove(h: NativeHandle, lines: Uint8Array, count: number, termHeight: number): number | LetuiError {
  const code = native().letui_screen_print_above(h, lines, lines.length, count, termHeight);
  if (code === Status.Io) return new LetuiError(code, lastError());
  return check(code);
}

/** A status of an output call: null when it is fine, the failure when the output failed, and a throw for anything else. */
function outputStatus(code: number): LetuiError | null {
  if (code === Status.Io) return new LetuiError(code, lastError());
  check(code);
  return null;
}

/** Sets the notifier called when the output drained after a deferred frame or an arm, or failed. */
export function screenSetNotify(h: NativeHandle, notify: NativeHandle, token: number): void {
  check(native().letui_screen_set_notify(h, notify, token));
}

/** Arms the notifier; returns true when a call will come, false when the output is already drained. */
export function screenArmNotify(h: NativeHandle): boolean | LetuiError {
  const code = native().letui_screen_arm_notify(h);
  return code === Status.Io ? new LetuiError(code, lastError()) : check(code) === 1;
}

/** Waits at most `timeoutMs` for the output to drain; returns true when it did. */
export function screenFlush(h: NativeHandle, timeoutMs: number): boolean {
  return check(native().letui_screen_flush(h, timeoutMs)) === 1;
}

/** The output's failure, or null. */
export function screenOutputError(h: NativeHandle): LetuiError | null {
  return outputStatus(native().letui_screen_output_error(h));
}

/** Makes the next frame repaint everything. */
export function screenForceRedraw(h: NativeHandle): void {
  check(native().letui_screen_force_redraw(h));
}

/** Places the cursor (negative: hidden) with a DECSCUSR shape. */
export function screenSetCursor(h: NativeHandle, x: number, y: number, shape: number): void {
  check(native().letui_screen_set_cursor(h, x, y, shape));
}

/** Sets the color mode; returns the mode in effect. */
export function screenSetColorMode(h: NativeHandle, mode: number): number {
  return check(native().letui_screen_set_color_mode(h, mode));
}

/** Sets the capability bits. */
export function screenSetCapabilities(h: NativeHandle, bits: number): void {
  check(native().letui_screen_set_capabilities(h, bits));
}

/** Turns inline mode on or off. */
export function screenSetInline(h: NativeHandle, enabled: boolean, origin: number): void {
  check(native().letui_screen_set_inline(h, enabled ? 1 : 0, origin));
}

/** A copy of the bytes waiting in the output buffer, which are then dropped. */
export function screenTakeOutput(h: NativeHandle): Uint8Array {
  const ptr = new BigUint64Array(1);
  const len = new BigUint64Array(1);
  check(native().letui_screen_output(h, ptr, len));
  const n = Number(len[0]);
  if (n === 0) return new Uint8Array(0);
  const bytes = new Uint8Array(nativeView(ptr[0], n)).slice();
  check(native().letui_screen_consume_output(h, n));
  return bytes;
}

/** Writes row `y`'s text into the scratch buffer; returns its length. */
export function screenRowText(h: NativeHandle, y: number): number {
  return check(native().letui_screen_row_text(h, y));
}

/** Writes a cell's text into the scratch buffer; returns its length. */
export function screenCellText(h: NativeHandle, x: number, y: number): number {
  return check(native().letui_screen_cell_text(h, x, y));
}

/** Writes row `y` as the terminal was last sent it into the scratch; returns its byte length. */
export function screenShownRowText(h: NativeHandle, y: number): number {
  return check(native().letui_screen_shown_row_text(h, y));
}

/** Writes the URL of link `id` into the scratch; returns its byte length (0: no such link). */
export function screenLinkUrl(h: NativeHandle, id: number): number {
  return check(native().letui_screen_link_url(h, id));
}
