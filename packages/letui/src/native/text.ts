/** Text measurement's native calls, typed (`letui_text_*`). */
import { check, native } from "./library.ts";

/** Display width of the first `len` bytes of `utf8`. */
export function textWidthOf(utf8: Uint8Array, len: number): number {
  return check(native().letui_text_width(utf8, len));
}

/** Writes one word per cluster of the first `len` bytes into `out`; returns the number of clusters (may exceed `out.length`). */
export function textClustersOf(utf8: Uint8Array, len: number, out: Uint32Array): number {
  return check(native().letui_text_clusters(utf8, len, out, out.length));
}
