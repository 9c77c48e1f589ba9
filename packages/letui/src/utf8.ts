/**
 * Lossless UTF-8: bytes that are not valid UTF-8 survive a round trip
 * through a string. Each invalid byte `0xHH` becomes the lone surrogate
 * `U+DCHH` (the scheme Python calls "surrogateescape"), which editing
 * components show as `\xHH` and {@link encodeUtf8} writes back as the
 * original byte. Valid text decodes and encodes exactly as `TextDecoder`
 * and `TextEncoder` would.
 */

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();
/** A surrogate that is not half of a pair (String.prototype.isWellFormed is not in every runtime letui supports). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceAt(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Decodes UTF-8 bytes; each byte that is not part of valid UTF-8 becomes `U+DC00 + byte`, so nothing is lost. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    // Fall through to the byte-by-byte path: the text has invalid sequences.
  }
  const parts: string[] = [];
  let run = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (run < i) parts.push(strict.decode(bytes.subarray(run, i)));
    parts.push(String.fromCharCode(0xdc00 + (bytes[i] as number)));
    i++;
    run = i;
  }
  if (run < bytes.length) parts.push(strict.decode(bytes.subarray(run)));
  return parts.join("");
}

/** True for the escape of an invalid byte made by {@link decodeUtf8}. */
export function isEscapedByte(code: number): boolean {
  return code >= 0xdc80 && code <= 0xdcff;
}

/**
 * Encodes a string as UTF-8, writing the escapes made by
 * {@link decodeUtf8} back as their original bytes. Other lone surrogates
 * (which no valid UTF-8 holds) are written in the generalized form
 * (`ED A0 80` for U+D800), so they are not lost either.
 */
export function encodeUtf8(text: string): Uint8Array {
  if (!LONE_SURROGATE.test(text)) return encoder.encode(text);
  const out = new Uint8Array(text.length * 3);
  let o = 0;
  let run = 0;
  const flush = (end: number) => {
    if (run < end) o += encoder.encodeInto(text.slice(run, end), out.subarray(o)).written;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    flush(i);
    if (isEscapedByte(c)) out[o++] = c - 0xdc00;
    else {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
    run = i + 1;
  }
  flush(text.length);
  return out.slice(0, o);
}
