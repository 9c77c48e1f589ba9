/**
 * The input decoder: one native call per chunk of terminal input, events
 * read back from shared records and turned into typed objects.
 */
import { argumentError } from "../errors.ts";
import * as abi from "../native/abi.ts";
import * as ni from "../native/input.ts";
import { NativeObject, SharedViews } from "../native/object.ts";
import { BaseEvent, eventBase, type InputEvent, type KeyEvent, type MouseButton, type MouseEvent, type ReplyEvent } from "./events.ts";

const RECORD_WORDS = abi.LETUI_INPUT_RECORD_WORDS;

/** Most bytes decoded per native call. */
const FEED_SLICE = 4096;

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

/** A decoded key; a class for the reasons given at BaseEvent. */
class Key extends BaseEvent implements KeyEvent {
  readonly type = "key" as const;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly ctrl: boolean;
  readonly super: boolean;
  readonly hyper: boolean;
  readonly meta: boolean;

  constructor(
    mods: number,
    readonly name: string,
    readonly text: string,
    readonly kind: KeyEvent["kind"],
    readonly combo: string,
  ) {
    super();
    this.shift = (mods & abi.LETUI_MOD_SHIFT) !== 0;
    this.alt = (mods & abi.LETUI_MOD_ALT) !== 0;
    this.ctrl = (mods & abi.LETUI_MOD_CTRL) !== 0;
    this.super = (mods & abi.LETUI_MOD_SUPER) !== 0;
    this.hyper = (mods & abi.LETUI_MOD_HYPER) !== 0;
    this.meta = (mods & abi.LETUI_MOD_META) !== 0;
  }
}

/** A decoded mouse event (see Key). */
class Mouse extends BaseEvent implements MouseEvent {
  readonly type = "mouse" as const;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly ctrl: boolean;
  localX = 0;
  localY = 0;

  constructor(
    readonly x: number,
    readonly y: number,
    readonly button: MouseButton,
    readonly kind: MouseEvent["kind"],
    mods: number,
  ) {
    super();
    this.shift = (mods & abi.LETUI_MOD_SHIFT) !== 0;
    this.alt = (mods & abi.LETUI_MOD_ALT) !== 0;
    this.ctrl = (mods & abi.LETUI_MOD_CTRL) !== 0;
  }
}

/** The modifier words of a combo, in order. */
const MOD_NAMES: [number, string][] = [
  [abi.LETUI_MOD_CTRL, "ctrl"],
  [abi.LETUI_MOD_ALT, "alt"],
  [abi.LETUI_MOD_SHIFT, "shift"],
  [abi.LETUI_MOD_SUPER, "super"],
  [abi.LETUI_MOD_HYPER, "hyper"],
  [abi.LETUI_MOD_META, "meta"],
];

/** Combos by modifier bits, then by key name (bounded: names are few). */
const combos = new Map<number, Map<string, string>>();

function combo(mods: number, name: string): string {
  if (mods === 0) return name;
  let byName = combos.get(mods);
  if (!byName) {
    byName = new Map();
    combos.set(mods, byName);
  }
  let c = byName.get(name);
  if (c === undefined) {
    c = MOD_NAMES.filter(([bit]) => (mods & bit) !== 0)
      .map(([, n]) => n)
      .concat(name)
      .join("+");
    if (byName.size < 4096) byName.set(name, c);
  }
  return c;
}

/** One-byte strings, made once. */
const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
const REPLACEMENT = "\ufffd";

/** Decoded strings of 2 to 4 bytes (one character, mostly), by their bytes; bounded. */
const short = new Map<number, string>();

/**
 * Text from the shared buffer. A key's text is mostly one character:
 * ASCII comes from a table and other short strings from a cache, so that
 * a burst of keys costs no decoder call per key.
 */
function textAt(bytes: Uint8Array, offset: number, len: number): string {
  if (len === 1) {
    const b = bytes[offset] ?? 0;
    if (b < 0x80) return ASCII[b] as string;
  } else if (len === 0) {
    return "";
  } else if (len === 3 && bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
    return REPLACEMENT;
  } else if (len <= 4) {
    // Bytes of a short string, with its length: a unique number.
    let k = len;
    for (let i = 0; i < len; i++) k = k * 256 + (bytes[offset + i] ?? 0);
    let s = short.get(k);
    if (s === undefined) {
      s = decoder.decode(bytes.subarray(offset, offset + len));
      if (short.size < 65536) short.set(k, s);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(offset, offset + len));
}

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
    if (!Number.isInteger(max) || max < 0) {
      throw argumentError(`InputDecoder: maxPaste must be a whole number of bytes (0 for the default), got ${max}`);
    }
    super("InputDecoder", ni.inputNew(Math.min(max, 2 ** 30)), ni.inputFree);
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
    if (chunk.length <= FEED_SLICE) return chunk.length === 0 ? [] : this.#read(ni.inputFeed(this.handle, chunk));
    // Natively in slices, so that the native event buffers stay small
    // whatever the chunk (1 MiB of ESC bytes is half a million events).
    const out: (InputEvent | ReplyEvent)[] = [];
    for (let at = 0; at < chunk.length; at += FEED_SLICE) {
      for (const e of this.#read(ni.inputFeed(this.handle, chunk.subarray(at, at + FEED_SLICE)))) out.push(e);
    }
    return out;
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
    const out: (InputEvent | ReplyEvent)[] = [];
    for (let i = 0; i < n; i++) {
      const o = i * RECORD_WORDS;
      const kind = r[o] ?? 0;
      switch (kind) {
        case abi.LETUI_EVENT_KIND_KEY: {
          const mods = (r[o + 2] as number);
          const name = textAt(text, (r[o + 4] as number), (r[o + 5] as number));
          // The text is most often the name itself (same bytes).
          const t = (r[o + 6] as number) === (r[o + 4] as number) && (r[o + 7] as number) === (r[o + 5] as number) ? name : textAt(text, (r[o + 6] as number), (r[o + 7] as number));
          out.push(new Key(mods, name, t, KEY_KINDS[(r[o + 3] as number)] ?? "press", combo(mods, name)));
          break;
        }
        case abi.LETUI_EVENT_KIND_MOUSE:
          out.push(
            new Mouse(
              r[o + 1] as number,
              r[o + 2] as number,
              BUTTONS[r[o + 3] as number] ?? "none",
              MOUSE_KINDS[r[o + 4] as number] ?? "move",
              r[o + 5] as number,
            ),
          );
          break;
        case abi.LETUI_EVENT_KIND_PASTE:
          out.push(Object.assign(eventBase(), { type: "paste" as const, text: textAt(text, r[o + 1] as number, r[o + 2] as number), truncated: (r[o + 3] as number) === 1 }));
          break;
        case abi.LETUI_EVENT_KIND_FOCUS:
          out.push(Object.assign(eventBase(), { type: "focus" as const, focused: (r[o + 1] as number) === 1 }));
          break;
        case abi.LETUI_EVENT_KIND_CURSOR_POSITION:
          out.push({ type: "cursorPosition", row: (r[o + 1] as number), col: (r[o + 2] as number) });
          break;
        case abi.LETUI_EVENT_KIND_DEVICE_ATTRIBUTES:
          out.push({ type: "deviceAttributes", class: (r[o + 1] as number) });
          break;
        case abi.LETUI_EVENT_KIND_KEYBOARD_FLAGS:
          out.push({ type: "keyboardFlags", flags: (r[o + 1] as number) });
          break;
        case abi.LETUI_EVENT_KIND_MODE_REPORT:
          out.push({ type: "modeReport", mode: (r[o + 1] as number), private: (r[o + 2] as number) === 1, state: (r[o + 3] as number) });
          break;
      }
    }
    return out;
  }
}
