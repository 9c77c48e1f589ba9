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

let mdOut = new Uint8Array(1 << 16);
const mdDecoder = new TextDecoder();
const mdEncoder = new TextEncoder();

/** Parses Markdown natively; returns the JSON document text (see `letui_core::markdown`). */
export function markdownJson(source: string): string {
  const input = mdEncoder.encode(source);
  let n = check(native().letui_markdown_parse(input, input.length, mdOut, mdOut.length));
  if (n > mdOut.length) {
    mdOut = new Uint8Array(Math.max(n, mdOut.length * 2));
    n = check(native().letui_markdown_parse(input, input.length, mdOut, mdOut.length));
  }
  return mdDecoder.decode(mdOut.subarray(0, n));
}
