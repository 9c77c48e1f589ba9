/**
 * Asking the terminal what it supports: queries written in order with
 * frames, replies matched as they arrive, a timeout for terminals that
 * never answer. Every batch of queries ends with primary device
 * attributes (DA1), which every terminal answers, so its reply ends the
 * wait. Replies still outstanding when the program ends are drained
 * before the terminal is given back (see {@link Replies.pending}), so that
 * none reaches the shell.
 */
import type { ReplyEvent } from "../input/events.ts";
import { LETUI_MODE_STATE_PERMANENTLY_SET, LETUI_MODE_STATE_RESET, LETUI_MODE_STATE_SET } from "../native/abi.ts";

/** Matches replies to the queries waiting for them. */
export class Replies {
  #waiters: ((r: ReplyEvent) => boolean)[] = [];
  #pending = 0;
  readonly #write: (seq: string) => void;
  readonly #timeout: number;

  /** Queries go out through `write`; each waits at most `timeout` ms. */
  constructor(write: (seq: string) => void, timeout: number) {
    this.#write = write;
    this.#timeout = timeout;
  }

  /** True while a query's final reply has not arrived (it may still, even after its timeout). */
  get pending(): boolean {
    return this.#pending > 0;
  }

  /** Hands a reply to the waiter it belongs to. */
  deliver(r: ReplyEvent): void {
    if (r.type === "deviceAttributes" || r.type === "cursorPosition") this.#pending = Math.max(0, this.#pending - 1);
    this.#waiters = this.#waiters.filter((w) => !w(r));
  }

  /** Sends `seq` and resolves with the first reply `match` accepts, or undefined after the timeout. */
  query(seq: string, match: (r: ReplyEvent) => boolean): Promise<ReplyEvent | undefined> {
    return new Promise((resolve) => {
      const waiter = (r: ReplyEvent) => {
        if (!match(r)) return false;
        clearTimeout(timer);
        resolve(r);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        resolve(undefined);
      }, this.#timeout);
      this.#waiters.push(waiter);
      this.#pending++;
      this.#write(seq);
    });
  }
}

/** What the terminal said it supports. */
export interface Support {
  /** True when it answered at all (DA1). */
  answered: boolean;
  /** The kitty keyboard protocol is there. */
  kittyKeyboard: boolean;
  /** Grapheme cluster mode 2027 is there and off: turn it on. */
  clustersOff: boolean;
  /** Grapheme cluster mode 2027 is there (on, off, or always on): the terminal draws grapheme clusters. */
  clusters: boolean;
}

/**
 * Asks for the kitty keyboard flags (when wanted) and the state of mode
 * 2027, then DA1.
 */
export async function negotiate(replies: Replies, kitty: boolean): Promise<Support> {
  let flags: number | undefined;
  let clusters: number | undefined;
  const reply = await replies.query(`${kitty ? "\x1b[?u" : ""}\x1b[?2027$p\x1b[c`, (r) => {
    if (r.type === "keyboardFlags") flags = r.flags;
    else if (r.type === "modeReport" && r.mode === 2027 && r.private) clusters = r.state;
    return r.type === "deviceAttributes";
  });
  return {
    answered: reply !== undefined,
    kittyKeyboard: flags !== undefined,
    clustersOff: clusters === LETUI_MODE_STATE_RESET,
    clusters: clusters === LETUI_MODE_STATE_SET || clusters === LETUI_MODE_STATE_RESET || clusters === LETUI_MODE_STATE_PERMANENTLY_SET,
  };
}

/** The cursor's row (0-based), or undefined when the terminal does not answer. */
export async function cursorRow(replies: Replies, expect: () => void): Promise<number | undefined> {
  expect();
  const pos = await replies.query("\x1b[6n", (r) => r.type === "cursorPosition");
  return pos?.type === "cursorPosition" ? pos.row : undefined;
}
