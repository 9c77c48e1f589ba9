/**
 * The app's clipboard. Copying keeps the text inside the app (what
 * Ctrl-V in a Textarea pastes) and, unless turned off, also sends it to
 * the system clipboard with OSC 52, which most terminals (and tmux with
 * `set-clipboard on`) accept. Terminals rarely let programs read the
 * system clipboard back, so pasting from outside comes in as a bracketed
 * paste when the user pastes with the terminal's own key.
 */
import { encodeUtf8 } from "../utf8.ts";

/** Where copied text goes: the system clipboard through the terminal (and the app's own), or the app's own only. */
export type ClipboardMode = "osc52" | "internal";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of bytes (standard alphabet, padded). */
export function base64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    chunk += ALPHABET.charAt(v >> 18) + ALPHABET.charAt((v >> 12) & 63) + ALPHABET.charAt((v >> 6) & 63) + ALPHABET.charAt(v & 63);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  if (i < n) {
    const a = bytes[i] as number;
    const b = i + 1 < n ? (bytes[i + 1] as number) : 0;
    const v = (a << 16) | (b << 8);
    chunk += ALPHABET.charAt(v >> 18) + ALPHABET.charAt((v >> 12) & 63) + (i + 1 < n ? ALPHABET.charAt((v >> 6) & 63) : "=") + "=";
  }
  parts.push(chunk);
  return parts.join("");
}

/** The OSC 52 sequence that puts `text` on the system clipboard. */
export function osc52(text: string): string {
  return `\x1b]52;c;${base64(encodeUtf8(text))}\x07`;
}

/** The app's clipboard: see the module documentation. */
export class Clipboard {
  #text = "";
  readonly #write: (data: string) => void;
  /** Where copies go. */
  mode: ClipboardMode;

  constructor(write: (data: string) => void, mode: ClipboardMode = "osc52") {
    this.#write = write;
    this.mode = mode;
  }

  /** The text last copied in this app. */
  get text(): string {
    return this.#text;
  }

  /** Copies `text`: kept for pasting in the app, and sent to the system clipboard in `"osc52"` mode. */
  copy(text: string): void {
    this.#text = text;
    if (this.mode === "osc52" && text.length > 0) this.#write(osc52(text));
  }
}
