/** Text measurement's native calls, typed (`letui_text_*`). */
import { check, created, native } from "./library.ts";
import type { NativeHandle } from "./types.ts";

/** Sets the process-wide width profile: a `LETUI_CLUSTERING_*` value, and ambiguous characters wide or not. */
export function setWidthProfile(clustering: number, ambiguousWide: boolean): void {
  check(native().letui_set_widths(clustering, ambiguousWide ? 1 : 0));
}

/** The width profile in force: the clustering in bit 0, ambiguous-wide in bit 1. */
export function widthProfileBits(): number {
  return check(native().letui_widths());
}

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

/** Creates a syntax highlighter for a language name or extension (`ts`, `rust`, ...); throws naming the known ones. */
export function highlighterNew(lang: string): NativeHandle {
  const name = mdEncoder.encode(lang);
  return created((out) => native().letui_highlighter_new(name, name.length, out));
}

/** Frees a highlighter; returns the status. */
export function highlighterFree(h: NativeHandle | null): number {
  return native().letui_highlighter_free(h);
}

/** Replaces a highlighter's source (returns 0) or appends to it (returns the first line whose highlighting may have changed). */
export function highlighterFeed(h: NativeHandle, text: string, append: boolean): number {
  const bytes = mdEncoder.encode(text);
  return check(append ? native().letui_highlighter_append(h, bytes, bytes.length) : native().letui_highlighter_set(h, bytes, bytes.length));
}

let spanOut = new Uint32Array(1 << 14);

/** The spans of lines `fromLine..toLine`: four words each (line, start and end UTF-16 column, class); a view valid until the next call. */
export function highlighterSpans(h: NativeHandle, fromLine: number, toLine: number): Uint32Array {
  const to = Math.min(toLine, 0xffff_ffff);
  let n = check(native().letui_highlighter_spans(h, fromLine, to, spanOut, spanOut.length));
  if (n > spanOut.length) {
    spanOut = new Uint32Array(Math.max(n, spanOut.length * 2));
    n = check(native().letui_highlighter_spans(h, fromLine, to, spanOut, spanOut.length));
  }
  return spanOut.subarray(0, n);
}
