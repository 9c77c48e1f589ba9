/**
 * The input decoder: one native call per chunk of terminal input, events
 * read back from shared records and turned into typed objects.
 */
import * as abi from "../native/abi.ts";
import * as ni from "../native/input.ts";
import { NativeObject, SharedViews } from "../native/object.ts";
import { eventBase, type InputEvent, type KeyEvent, type MouseButton, type MouseEvent, type ReplyEvent } from "./events.ts";

const RECORD_WORDS = abi.LETUI_INPUT_RECORD_WORDS;

/** Mouse buttons by wire number. */
const BUTTONS = table<MouseButton>([
  [abi.LETUI_MOUSE_BUTTON_NONE, "none"],
  [abi.LETUI_MOUSE_BUTTON_LEFT, "left"],
  [abi.LETUI_MOUSE_BUTTON_MIDDLE, "middle"],
  [abi.LETUI_MOUSE_BUTTON_RIGHT, "right"],
  [abi.LETUI_MOUSE_BUTTON_WHEEL_UP, "wheelUp"],
  [abi.LETUI_MOUSE_BUTTON_WHEEL_DOWN, "wheelDown"],
  [abi.LETUI_MOUSE_BUTTON_WHEEL_LEFT, "wheelLeft"],
  [abi.LETUI_MOUSE_BUTTON_WHEEL_RIGHT, "wheelRight"],
  [abi.LETUI_MOUSE_BUTTON_BACK, "back"],
  [abi.LETUI_MOUSE_BUTTON_FORWARD, "forward"],
  [abi.LETUI_MOUSE_BUTTON_BUTTON10, "button10"],
  [abi.LETUI_MOUSE_BUTTON_BUTTON11, "button11"],
]);
const MOUSE_KINDS = table<MouseEvent["kind"]>([
  [abi.LETUI_MOUSE_KIND_DOWN, "down"],
  [abi.LETUI_MOUSE_KIND_UP, "up"],
  [abi.LETUI_MOUSE_KIND_DRAG, "drag"],
  [abi.LETUI_MOUSE_KIND_MOVE, "move"],
  [abi.LETUI_MOUSE_KIND_WHEEL, "wheel"],
]);
const KEY_KINDS = table<KeyEvent["kind"]>([
  [abi.LETUI_KEY_KIND_PRESS, "press"],
  [abi.LETUI_KEY_KIND_REPEAT, "repeat"],
  [abi.LETUI_KEY_KIND_RELEASE, "release"],
]);

/** An array indexed by wire number. */
function table<T>(entries: [number, T][]): T[] {
  const out: T[] = [];
  for (const [n, v] of entries) out[n] = v;
  return out;
}

const decoder = new TextDecoder();

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
export class InputDecoder extends NativeObject {
  readonly #views: SharedViews<ni.InputViews>;

  constructor(options: InputDecoderOptions = {}) {
    const max = options.maxPaste ?? 0;
    super("InputDecoder", ni.inputNew(Math.max(0, Math.min(max, 2 ** 30))), ni.inputFree);
    this.#views = new SharedViews(() => ni.inputViews(this.handle), abi.LETUI_INPUT_INFO_GENERATION, ni.NO_INPUT_VIEWS);
  }

  protected override onDispose(): void {
    this.#views.drop();
  }

  /** True when buffered input waits for a short silence to be resolved with {@link flush} (a lone ESC). */
  get pending(): boolean {
    return !this.disposed && this.#views.last.info[abi.LETUI_INPUT_INFO_PENDING] === 1;
  }

  /** True inside a bracketed paste whose end has not arrived. */
  get inPaste(): boolean {
    return !this.disposed && this.#views.last.info[abi.LETUI_INPUT_INFO_IN_PASTE] === 1;
  }

  /** Decodes a chunk and returns its events (and replies, in order). */
  feed(chunk: Uint8Array): (InputEvent | ReplyEvent)[] {
    if (chunk.length === 0) return [];
    return this.#read(ni.inputFeed(this.handle, chunk));
  }

  /** Resolves input waiting for a timeout: a lone ESC becomes the Escape key. */
  flush(): (InputEvent | ReplyEvent)[] {
    return this.#read(ni.inputFlush(this.handle));
  }

  /** Ends a paste whose end marker never came, delivering what arrived. */
  abortPaste(): (InputEvent | ReplyEvent)[] {
    return this.#read(ni.inputAbortPaste(this.handle));
  }

  /** Announces a cursor position query, so that its reply is not read as a key. */
  expectCursorPosition(): void {
    ni.inputExpectCursorPosition(this.handle);
  }

  #read(n: number): (InputEvent | ReplyEvent)[] {
    const { records: r, text } = this.#views.current;
    const str = (offset: number, len: number) => (len === 0 ? "" : decoder.decode(text.subarray(offset, offset + len)));
    const out: (InputEvent | ReplyEvent)[] = [];
    for (let i = 0; i < n; i++) {
      const o = i * RECORD_WORDS;
      const kind = r[o] ?? 0;
      const w = (k: number) => r[o + k] ?? 0;
      switch (kind) {
        case abi.LETUI_EVENT_KIND_KEY: {
          const mods = w(2);
          const name = str(w(4), w(5));
          const m = {
            shift: (mods & abi.LETUI_MOD_SHIFT) !== 0,
            alt: (mods & abi.LETUI_MOD_ALT) !== 0,
            ctrl: (mods & abi.LETUI_MOD_CTRL) !== 0,
            super: (mods & abi.LETUI_MOD_SUPER) !== 0,
            hyper: (mods & abi.LETUI_MOD_HYPER) !== 0,
            meta: (mods & abi.LETUI_MOD_META) !== 0,
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
            text: str(w(6), w(7)),
            kind: KEY_KINDS[w(3)] ?? "press",
            combo: parts.join("+"),
          });
          out.push(ev);
          break;
        }
        case abi.LETUI_EVENT_KIND_MOUSE: {
          const mods = w(5);
          out.push(
            Object.assign(eventBase(), {
              type: "mouse" as const,
              x: w(1),
              y: w(2),
              button: BUTTONS[w(3)] ?? "none",
              kind: MOUSE_KINDS[w(4)] ?? "move",
              shift: (mods & abi.LETUI_MOD_SHIFT) !== 0,
              alt: (mods & abi.LETUI_MOD_ALT) !== 0,
              ctrl: (mods & abi.LETUI_MOD_CTRL) !== 0,
            }),
          );
          break;
        }
        case abi.LETUI_EVENT_KIND_PASTE:
          out.push(Object.assign(eventBase(), { type: "paste" as const, text: str(w(1), w(2)), truncated: w(3) === 1 }));
          break;
        case abi.LETUI_EVENT_KIND_FOCUS:
          out.push(Object.assign(eventBase(), { type: "focus" as const, focused: w(1) === 1 }));
          break;
        case abi.LETUI_EVENT_KIND_CURSOR_POSITION:
          out.push({ type: "cursorPosition", row: w(1), col: w(2) });
          break;
        case abi.LETUI_EVENT_KIND_DEVICE_ATTRIBUTES:
          out.push({ type: "deviceAttributes", class: w(1) });
          break;
        case abi.LETUI_EVENT_KIND_KEYBOARD_FLAGS:
          out.push({ type: "keyboardFlags", flags: w(1) });
          break;
        case abi.LETUI_EVENT_KIND_MODE_REPORT:
          out.push({ type: "modeReport", mode: w(1), private: w(2) === 1, state: w(3) });
          break;
      }
    }
    return out;
  }
}
