/** The input parser's native calls, typed (`letui_input_*`). */
import { check, handleAt, native, nativeView } from "./library.ts";
import type { NativeHandle } from "./types.ts";

/** The shared buffers of an input parser. */
export interface InputViews {
  /** Event records (`LETUI_INPUT_RECORD_WORDS` words each). */
  readonly records: Uint32Array;
  /** Text of events (UTF-8). */
  readonly text: Uint8Array;
  /** The info words (`LETUI_INPUT_INFO_*`). */
  readonly info: Uint32Array;
}

/** Empty views, for a disposed parser. */
export const NO_INPUT_VIEWS: InputViews = { records: new Uint32Array(0), text: new Uint8Array(0), info: new Uint32Array(0) };

/** Creates a parser; `maxPaste` bytes bound a paste (0: the default). */
export function inputNew(maxPaste: number): NativeHandle {
  const out = new BigUint64Array(1);
  check(native().letui_input_new(maxPaste, out));
  return handleAt(out);
}

/** Frees a parser; returns the status. */
export function inputFree(h: NativeHandle | null): number {
  return native().letui_input_free(h);
}

/** Maps the parser's shared buffers. */
export function inputViews(h: NativeHandle): InputViews {
  const v = new BigUint64Array(6);
  check(native().letui_input_view(h, v));
  return {
    records: new Uint32Array(nativeView(v[0], Number(v[1]) * 4)),
    text: new Uint8Array(nativeView(v[2], Number(v[3]))),
    info: new Uint32Array(nativeView(v[4], Number(v[5]) * 4)),
  };
}

/** Decodes a chunk; returns the number of event records. */
export function inputFeed(h: NativeHandle, chunk: Uint8Array): number {
  return check(native().letui_input_feed(h, chunk, chunk.length));
}

/** Resolves input waiting for a timeout; returns the number of records. */
export function inputFlush(h: NativeHandle): number {
  return check(native().letui_input_flush(h));
}

/** Ends an unterminated paste; returns the number of records. */
export function inputAbortPaste(h: NativeHandle): number {
  return check(native().letui_input_abort_paste(h));
}

/** Announces a cursor position query. */
export function inputExpectCursorPosition(h: NativeHandle): void {
  check(native().letui_input_expect_cursor_position(h));
}
