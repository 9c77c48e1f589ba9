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

/** The output buffer of the JSON-returning calls; grows to the largest result. */
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

/** Diffs two texts natively; returns the JSON hunks (see `letui_core::diff`). */
export function diffJson(oldText: string, newText: string, context: number): string {
  const a = mdEncoder.encode(oldText);
  const b = mdEncoder.encode(newText);
  let n = check(native().letui_diff(a, a.length, b, b.length, context, mdOut, mdOut.length));
  if (n > mdOut.length) {
    mdOut = new Uint8Array(Math.max(n, mdOut.length * 2));
    n = check(native().letui_diff(a, a.length, b, b.length, context, mdOut, mdOut.length));
  }
  return mdDecoder.decode(mdOut.subarray(0, n));
}
