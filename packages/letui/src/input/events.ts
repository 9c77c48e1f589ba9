/**
 * Typed input events, decoded from the native parser's records.
 */

/** Modifier keys held during a key or mouse event. */
export interface Modifiers {
  /** Shift. */
  shift: boolean;
  /** Alt (Option). */
  alt: boolean;
  /** Control. */
  ctrl: boolean;
  /** Super (Windows, Command), kitty protocol only. */
  super: boolean;
  /** Hyper, kitty protocol only. */
  hyper: boolean;
  /** Meta, kitty protocol only. */
  meta: boolean;
}

/** Base of all events: handlers may call `preventDefault()` to skip the default action (Ctrl-C exits, Ctrl-Z suspends). */
export interface EventBase {
  /** Skips the default action of this event. */
  preventDefault(): void;
  /** True once `preventDefault()` was called. */
  readonly defaultPrevented: boolean;
}

/** A key press, repeat or release. */
export interface KeyEvent extends EventBase, Modifiers {
  /** Event type. */
  readonly type: "key";
  /** Key name: `"a"`, `"enter"`, `"up"`, `"f5"`, `"space"`, `"pageup"`, `"kpenter"`... (lowercase). */
  readonly name: string;
  /** The text the key types (`""` for keys that type nothing, and when Ctrl or Alt is held). */
  readonly text: string;
  /** Press, repeat (held down) or release (kitty protocol only). */
  readonly kind: "press" | "repeat" | "release";
  /** Modifier-prefixed name, e.g. `"ctrl+shift+a"`, for key bindings. */
  readonly combo: string;
}

/** Mouse buttons. */
export type MouseButton =
  | "none"
  | "left"
  | "middle"
  | "right"
  | "wheelUp"
  | "wheelDown"
  | "wheelLeft"
  | "wheelRight"
  | "back"
  | "forward"
  | "button10"
  | "button11";

/** A mouse event; coordinates are 0-based cells. */
export interface MouseEvent extends EventBase {
  /** Event type. */
  readonly type: "mouse";
  /** Column. */
  readonly x: number;
  /** Row. */
  readonly y: number;
  /** The button (`"none"` for motion without a button). */
  readonly button: MouseButton;
  /** What happened. */
  readonly kind: "down" | "up" | "drag" | "move" | "wheel";
  /** Shift held. */
  readonly shift: boolean;
  /** Alt held. */
  readonly alt: boolean;
  /** Ctrl held. */
  readonly ctrl: boolean;
}

/** Text pasted while bracketed paste was on: one event however long. */
export interface PasteEvent extends EventBase {
  /** Event type. */
  readonly type: "paste";
  /** The pasted text. */
  readonly text: string;
  /** True when the paste was longer than the bound and was cut. */
  readonly truncated: boolean;
}

/** The terminal window gained or lost focus. */
export interface FocusEvent extends EventBase {
  /** Event type. */
  readonly type: "focus";
  /** True when focus was gained. */
  readonly focused: boolean;
}

/** The terminal was resized. */
export interface ResizeEvent extends EventBase {
  /** Event type. */
  readonly type: "resize";
  /** New width in cells. */
  readonly width: number;
  /** New height in cells. */
  readonly height: number;
}

/** Replies to queries the library sends; consumed by the terminal session. */
export type ReplyEvent =
  | { readonly type: "cursorPosition"; readonly row: number; readonly col: number }
  | { readonly type: "deviceAttributes"; readonly class: number }
  | { readonly type: "keyboardFlags"; readonly flags: number }
  | { readonly type: "modeReport"; readonly mode: number; readonly private: boolean; readonly state: number };

/** Every event an application receives. */
export type InputEvent = KeyEvent | MouseEvent | PasteEvent | FocusEvent | ResizeEvent;

/**
 * The base of every event object: `preventDefault`, and the propagation
 * fields that dispatch through an element tree sets. A class, so that
 * events are plain objects of one shape with shared methods (a burst of
 * input is millions of events: no closures per event, and dispatch writes
 * fields an event already has instead of adding properties, which is
 * slow, very slow on V8).
 */
export class BaseEvent implements EventBase {
  #prevented = false;
  /** True once `stopPropagation()` was called during a dispatch. */
  propagationStopped = false;
  /** During a dispatch, the element the event was aimed at. */
  target: unknown = null;
  /** During a dispatch, the element whose handler is running. */
  currentTarget: unknown = null;

  /** Asks that the default action not be taken. */
  preventDefault(): void {
    this.#prevented = true;
  }

  /** True once `preventDefault()` was called. */
  get defaultPrevented(): boolean {
    return this.#prevented;
  }

  /** Stops the event from reaching ancestors. */
  stopPropagation(): void {
    this.propagationStopped = true;
  }
}

/** A new event base, for events assembled with `Object.assign(eventBase(), {...})`. */
export function eventBase(): BaseEvent {
  return new BaseEvent();
}
