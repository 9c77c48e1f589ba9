/**
 * Text measurement with the native rules (grapheme clusters, East Asian
 * widths), so that TypeScript code placing text agrees with the screen.
 */
import { textClustersOf, textWidthOf } from "./native/text.ts";

const encoder = new TextEncoder();
let buffer = new Uint8Array(1024);
let words = new Uint32Array(256);

function encode(text: string): number {
  if (text.length * 3 > buffer.length) buffer = new Uint8Array(Math.max(text.length * 3, buffer.length * 2));
  return encoder.encodeInto(text, buffer).written;
}

/** Display width of `text` in cells. */
export function textWidth(text: string): number {
  if (text.length === 0) return 0;
  // Printable ASCII (the common case: labels, numbers, table cells) is one
  // cell per character and never joins: no native call.
  if (text.length <= 256) {
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) {
        ascii = false;
        break;
      }
    }
    if (ascii) return text.length;
  }
  const n = encode(text);
  return textWidthOf(buffer, n);
}

/** A grapheme cluster of a string. */
export interface Grapheme {
  /** Start offset (UTF-16 code units). */
  start: number;
  /** End offset (UTF-16 code units). */
  end: number;
  /** Cells it takes: 0 (not drawable), 1 or 2. */
  width: number;
}

/** Splits `text` into grapheme clusters with their widths, as the screen does. */
export function graphemes(text: string): Grapheme[] {
  if (text.length === 0) return [];
  const n = encode(text);
  let count = textClustersOf(buffer, n, words);
  if (count > words.length) {
    words = new Uint32Array(count * 2);
    count = textClustersOf(buffer, n, words);
  }
  const out: Grapheme[] = new Array(count);
  let start = 0;
  for (let i = 0; i < count; i++) {
    const w = words[i] ?? 0;
    const end = w >>> 2;
    out[i] = { start, end, width: w & 3 };
    start = end;
  }
  return out;
}
