/**
 * The input pump: terminal bytes from the runtime's stdin stream into the
 * native decoder, events out to a callback, and the two timers the
 * decoder needs (a lone ESC becomes the Escape key after a short silence;
 * a paste whose end never comes is delivered after a long one).
 *
 * A chunk is decoded in slices of {@link SLICE} bytes, each slice's
 * events dispatched before the next is decoded, so that a burst of
 * event-dense garbage (a megabyte of ESC bytes is half a million events)
 * never builds one huge batch of event objects.
 */
import { InputDecoder } from "../input/decoder.ts";
import type { InputEvent, ReplyEvent } from "../input/events.ts";

/** Bytes decoded per batch of dispatched events. */
export const SLICE = 4096;

const encoder = new TextEncoder();

/** Reads the process's stdin and dispatches decoded events. */
export class InputPump {
  readonly #decoder = new InputDecoder();
  readonly #dispatch: (events: (InputEvent | ReplyEvent)[]) => void;
  readonly #escapeTimeout: number;
  #escTimer: ReturnType<typeof setTimeout> | undefined;
  #pasteTimer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #onData = (chunk: Uint8Array | string) => this.#input(typeof chunk === "string" ? encoder.encode(chunk) : chunk);

  /** A pump dispatching to `dispatch`; call {@link start}. */
  constructor(dispatch: (events: (InputEvent | ReplyEvent)[]) => void, escapeTimeout: number) {
    this.#dispatch = dispatch;
    this.#escapeTimeout = escapeTimeout;
  }

  /** Starts reading stdin. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    process.stdin.on("data", this.#onData);
    process.stdin.resume();
  }

  /** Stops reading (stdin is paused, so that it does not keep the process alive) and frees the decoder. */
  stop(): void {
    this.#running = false;
    clearTimeout(this.#escTimer);
    clearTimeout(this.#pasteTimer);
    process.stdin.off("data", this.#onData);
    process.stdin.pause();
    this.#decoder.dispose();
  }

  /** Announces a cursor position query, so that its reply is not read as a key. */
  expectCursorPosition(): void {
    if (this.#running) this.#decoder.expectCursorPosition();
  }

  #input(chunk: Uint8Array): void {
    if (!this.#running) return;
    clearTimeout(this.#escTimer);
    clearTimeout(this.#pasteTimer);
    for (let at = 0; at < chunk.length && this.#running; at += SLICE) {
      const events = this.#decoder.feed(chunk.subarray(at, at + SLICE));
      if (events.length > 0) this.#dispatch(events);
    }
    this.#arm();
  }

  #arm(): void {
    if (!this.#running) return;
    const d = this.#decoder;
    if (d.inPaste) {
      this.#pasteTimer = setTimeout(() => {
        if (this.#running) this.#dispatch(d.abortPaste());
      }, 1000);
    } else if (d.pending) {
      this.#escTimer = setTimeout(() => {
        if (!this.#running) return;
        this.#dispatch(d.flush());
        this.#arm();
      }, this.#escapeTimeout);
    }
  }
}
