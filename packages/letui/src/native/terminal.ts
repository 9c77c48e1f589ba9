/** The terminal session's native calls, typed (`letui_terminal_*`). */
import { check, created, native } from "./library.ts";
import type { NativeHandle } from "./types.ts";

/** Opens a session object on two descriptors (not entered yet). */
export function terminalNew(input: number, output: number): NativeHandle {
  return created((out) => native().letui_terminal_new(input, output, out));
}

/** Frees a session object (leaving the session first); returns the status. */
export function terminalFree(h: NativeHandle | null): number {
  return native().letui_terminal_free(h);
}

/** True when both descriptors are terminals. */
export function terminalIsTty(h: NativeHandle): boolean {
  return check(native().letui_terminal_is_tty(h)) === 1;
}

/** Enters raw mode and the modes in `bits` (`LETUI_MODE_*`). */
export function terminalEnter(h: NativeHandle, bits: number): void {
  check(native().letui_terminal_enter(h, bits));
}

/** Leaves the session; returns the status (exit paths ignore failures). */
export function terminalLeave(h: NativeHandle): number {
  return native().letui_terminal_leave(h);
}

/** Pushes kitty keyboard flags. */
export function terminalPushKeyboard(h: NativeHandle, flags: number): void {
  check(native().letui_terminal_push_keyboard(h, flags));
}

/** Turns on modifyOtherKeys at `level`. */
export function terminalModifyOtherKeys(h: NativeHandle, level: number): void {
  check(native().letui_terminal_modify_other_keys(h, level));
}

/** Turns on grapheme cluster mode 2027. */
export function terminalGraphemeClusters(h: NativeHandle): void {
  check(native().letui_terminal_grapheme_clusters(h));
}

/** Writes bytes to the terminal. */
export function terminalWrite(h: NativeHandle, bytes: Uint8Array): void {
  check(native().letui_terminal_write(h, bytes, bytes.length));
}

/** Reads and drops pending input (late replies to queries) until quiet for `quietMs`, at most `maxMs`; returns the bytes dropped. */
export function terminalDrainInput(h: NativeHandle, quietMs: number, maxMs: number): number {
  return check(native().letui_terminal_drain_input(h, quietMs, maxMs));
}

/** The terminal's size in cells, as it reports it (0 x 0 is possible). */
export function terminalSize(h: NativeHandle): { width: number; height: number } {
  const size = new Uint32Array(2);
  check(native().letui_terminal_size(h, size));
  return { width: size[0] ?? 0, height: size[1] ?? 0 };
}

/** Turns every mode off on `output` and puts `input` back into cooked mode (no session needed). */
export function terminalReset(input: number, output: number): void {
  check(native().letui_terminal_reset(input, output));
}
