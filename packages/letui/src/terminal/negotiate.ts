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
import type { Widths } from "../widths.ts";
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
  /** The cells each of {@link WIDTH_PROBES} took, when they were probed and the terminal reported them all. */
  probed: number[] | undefined;
}

/**
 * Clusters whose width tells the terminal's profile apart: a thumb with a
 * skin tone (2 cells when it clusters graphemes, 4 when it draws each code
 * point), and an East Asian ambiguous sign (1 cell, or 2 when ambiguous
 * characters are wide).
 */
export const WIDTH_PROBES = ["\u{1f44d}\u{1f3fd}", "\u00b1"] as const;

/**
 * The probe sequence: each probe printed concealed at the start of row
 * `row` (0-based) and followed by a cursor position report, then the row
 * erased, inside a synchronized update and between a cursor save and
 * restore, so that nothing shows and the cursor and pen are as before.
 */
export function probeSequence(row: number): string {
  const at = `\x1b[${row + 1};1H`;
  const probes = WIDTH_PROBES.map((p) => `${at}\x1b[8m${p}\x1b[28m\x1b[6n`).join("");
  return `\x1b[?2026h\x1b7${probes}${at}\x1b[2K\x1b8\x1b[?2026l`;
}

/** The profile the probes' widths show, or undefined when they show none. */
export function widthsFromProbes(widths: readonly number[] | undefined): Widths | undefined {
  if (!widths || widths.length !== WIDTH_PROBES.length) return undefined;
  const [thumb, sign] = widths;
  const clustering = thumb === 2 ? "graphemes" : thumb === 4 ? "per-code-point" : undefined;
  if (!clustering || (sign !== 1 && sign !== 2)) return undefined;
  return { clustering, ambiguousWide: sign === 2 };
}

/**
 * Asks for the kitty keyboard flags (when wanted) and the state of mode
 * 2027, then DA1.
 */
export async function negotiate(replies: Replies, kitty: boolean, probe?: { row: number; expect: () => void }): Promise<Support> {
  let flags: number | undefined;
  let clusters: number | undefined;
  // The width probes ride in the same write: their reports come before
  // the DA1 reply, so they cost no round trip of their own.
  const cols: number[] = [];
  if (probe) for (let i = 0; i < WIDTH_PROBES.length; i++) probe.expect();
  const reply = await replies.query(`${kitty ? "\x1b[?u" : ""}\x1b[?2027$p${probe ? probeSequence(probe.row) : ""}\x1b[c`, (r) => {
    if (r.type === "keyboardFlags") flags = r.flags;
    else if (r.type === "modeReport" && r.mode === 2027 && r.private) clusters = r.state;
    else if (r.type === "cursorPosition") cols.push(r.col);
    return r.type === "deviceAttributes";
  });
  return {
    answered: reply !== undefined,
    kittyKeyboard: flags !== undefined,
    clustersOff: clusters === LETUI_MODE_STATE_RESET,
    clusters: clusters === LETUI_MODE_STATE_SET || clusters === LETUI_MODE_STATE_RESET || clusters === LETUI_MODE_STATE_PERMANENTLY_SET,
    probed: probe && cols.length === WIDTH_PROBES.length ? cols : undefined,
  };
}

/** The cursor's row (0-based), or undefined when the terminal does not answer. */
export async function cursorRow(replies: Replies, expect: () => void): Promise<number | undefined> {
  expect();
  const pos = await replies.query("\x1b[6n", (r) => r.type === "cursorPosition");
  return pos?.type === "cursorPosition" ? pos.row : undefined;
}
