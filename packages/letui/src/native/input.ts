/** The input parser's native calls, typed (`letui_input_*`). */
import { check, created, native, nativeView, viewPairs } from "./library.ts";
import type { NativeHandle } from "./types.ts";

type View = [bigint, number];

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
  return created((out) => native().letui_input_new(maxPaste, out));
}

/** Frees a parser; returns the status. */
export function inputFree(h: NativeHandle | null): number {
  return native().letui_input_free(h);
}

/** Maps the parser's shared buffers. */
export function inputViews(h: NativeHandle): InputViews {
  const [records, text, info] = viewPairs(3, (v) => native().letui_input_view(h, v)) as [View, View, View];
  return {
    records: new Uint32Array(nativeView(records[0], records[1] * 4)),
    text: new Uint8Array(nativeView(text[0], text[1])),
    info: new Uint32Array(nativeView(info[0], info[1] * 4)),
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
