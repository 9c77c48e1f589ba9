/**
 * The input decoder: one native call per chunk of terminal input, events
 * read back from shared records and turned into typed objects.
 */
import { type Pointer, toArrayBuffer } from "bun:ffi";
import { disposedError } from "../native/errors.ts";
import { check, native } from "../native/library.ts";
import { eventBase, type InputEvent, type KeyEvent, type MouseButton, type ReplyEvent } from "./events.ts";

const RECORD_WORDS = 8;
const INFO_GENERATION = 0;
const INFO_PENDING = 1;
const INFO_IN_PASTE = 2;

const BUTTONS: MouseButton[] = [
  "none",
  "left",
  "middle",
  "right",
  "wheelUp",
  "wheelDown",
  "wheelLeft",
  "wheelRight",
  "back",
  "forward",
  "button10",
  "button11",
];
const MOUSE_KINDS = ["down", "up", "drag", "move", "wheel"] as const;
const KEY_KINDS = ["press", "repeat", "release"] as const;

const decoder = new TextDecoder();

const registry = new FinalizationRegistry<Pointer>((h) => {
  native().letui_input_free(h);
});

/** Options of an {@link InputDecoder}. */
export interface InputDecoderOptions {
  /**
   * Longest bracketed paste kept, in bytes; longer pastes are cut and
   * flagged `truncated`.
   * @default 33554432 (32 MiB)
   */
  maxPaste?: number;
}

/**
 * Decodes terminal input bytes into events: keys (legacy and kitty
 * protocol), mouse, paste, focus, and replies to queries. Keeps state
 * across chunks, so sequences split anywhere decode the same.
 */
export class InputDecoder {
  #handle: Pointer | null;
  #records = new Uint32Array(0);
  #text = new Uint8Array(0);
  #info = new Uint32Array(0);
  #generation = -1;
  readonly #token = {};

  constructor(options: InputDecoderOptions = {}) {
    const out = new BigUint64Array(1);
    const max = options.maxPaste ?? 0;
    check(native().letui_input_new(Math.max(0, Math.min(max, 2 ** 30)), out));
    this.#handle = Number(out[0]) as Pointer;
    registry.register(this, this.#handle, this.#token);
    this.#remap();
  }

  #h(): Pointer {
    if (this.#handle === null) throw disposedError("InputDecoder");
    return this.#handle;
  }

  #remap(): void {
    const v = new BigUint64Array(6);
    check(native().letui_input_view(this.#h(), v));
    const [rec, recLen, text, textLen, info, infoLen] = v as unknown as bigint[];
    this.#records = new Uint32Array(toArrayBuffer(Number(rec), 0, Number(recLen) * 4));
    this.#text = new Uint8Array(toArrayBuffer(Number(text), 0, Number(textLen)));
    this.#info = new Uint32Array(toArrayBuffer(Number(info), 0, Number(infoLen) * 4));
    this.#generation = this.#info[INFO_GENERATION] ?? 0;
  }

  /** True when buffered input waits for a short silence to be resolved with {@link flush} (a lone ESC). */
  get pending(): boolean {
    return this.#handle !== null && this.#info[INFO_PENDING] === 1;
  }

  /** True inside a bracketed paste whose end has not arrived. */
  get inPaste(): boolean {
    return this.#handle !== null && this.#info[INFO_IN_PASTE] === 1;
  }

  /** Decodes a chunk and returns its events (and replies, in order). */
  feed(chunk: Uint8Array): (InputEvent | ReplyEvent)[] {
    if (chunk.length === 0) return [];
    return this.#read(check(native().letui_input_feed(this.#h(), chunk, chunk.length)));
  }

  /** Resolves input waiting for a timeout: a lone ESC becomes the Escape key. */
  flush(): (InputEvent | ReplyEvent)[] {
    return this.#read(check(native().letui_input_flush(this.#h())));
  }

  /** Ends a paste whose end marker never came, delivering what arrived. */
  abortPaste(): (InputEvent | ReplyEvent)[] {
    return this.#read(check(native().letui_input_abort_paste(this.#h())));
  }

  /** Announces a cursor position query, so that its reply is not read as a key. */
  expectCursorPosition(): void {
    check(native().letui_input_expect_cursor_position(this.#h()));
  }

  #str(offset: number, len: number): string {
    return len === 0 ? "" : decoder.decode(this.#text.subarray(offset, offset + len));
  }

  #read(n: number): (InputEvent | ReplyEvent)[] {
    if (this.#info[INFO_GENERATION] !== this.#generation) this.#remap();
    const r = this.#records;
    const out: (InputEvent | ReplyEvent)[] = [];
    for (let i = 0; i < n; i++) {
      const o = i * RECORD_WORDS;
      const kind = r[o] ?? 0;
      const w = (k: number) => r[o + k] ?? 0;
      switch (kind) {
        case 1: {
          const mods = w(2);
          const name = this.#str(w(4), w(5));
          const m = {
            shift: (mods & 1) !== 0,
            alt: (mods & 2) !== 0,
            ctrl: (mods & 4) !== 0,
            super: (mods & 8) !== 0,
            hyper: (mods & 16) !== 0,
            meta: (mods & 32) !== 0,
          };
          const parts: string[] = [];
          if (m.ctrl) parts.push("ctrl");
          if (m.alt) parts.push("alt");
          if (m.shift) parts.push("shift");
          if (m.super) parts.push("super");
          if (m.hyper) parts.push("hyper");
          if (m.meta) parts.push("meta");
          parts.push(name);
          const ev: KeyEvent = Object.assign(eventBase(), m, {
            type: "key" as const,
            name,
            text: this.#str(w(6), w(7)),
            kind: KEY_KINDS[w(3)] ?? "press",
            combo: parts.join("+"),
          });
          out.push(ev);
          break;
        }
        case 2: {
          const mods = w(5);
          out.push(
            Object.assign(eventBase(), {
              type: "mouse" as const,
              x: w(1),
              y: w(2),
              button: BUTTONS[w(3)] ?? "none",
              kind: MOUSE_KINDS[w(4)] ?? "move",
              shift: (mods & 1) !== 0,
              alt: (mods & 2) !== 0,
              ctrl: (mods & 4) !== 0,
            }),
          );
          break;
        }
        case 3:
          out.push(Object.assign(eventBase(), { type: "paste" as const, text: this.#str(w(1), w(2)), truncated: w(3) === 1 }));
          break;
        case 4:
          out.push(Object.assign(eventBase(), { type: "focus" as const, focused: w(1) === 1 }));
          break;
        case 5:
          out.push({ type: "cursorPosition", row: w(1), col: w(2) });
          break;
        case 6:
          out.push({ type: "deviceAttributes", class: w(1) });
          break;
        case 7:
          out.push({ type: "keyboardFlags", flags: w(1) });
          break;
        case 8:
          out.push({ type: "modeReport", mode: w(1), private: w(2) === 1, state: w(3) });
          break;
      }
    }
    return out;
  }

  /** Frees the native parser. Idempotent. */
  dispose(): void {
    if (this.#handle === null) return;
    const h = this.#handle;
    this.#handle = null;
    registry.unregister(this.#token);
    check(native().letui_input_free(h));
  }

  /** Disposes at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
