/**
 * Time for components: timers an element sets (a button's pressed look,
 * later spinners and toasts) go through the app's clock, real time in a
 * terminal and a manual clock under `letui/testing`, where a test moves
 * time forward with `advance(ms)` instead of waiting.
 */

/** A source of time and timers. */
export interface Clock {
  /** Milliseconds on this clock (only differences mean anything). */
  now(): number;
  /** Calls `fn` once, `ms` from now; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/** Real time: `performance.now()` and `setTimeout`. */
export const realClock: Clock = {
  now: () => performance.now(),
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that moves only when told to; timers run in order of their due time. */
export class ManualClock implements Clock {
  #now = 0;
  #next = 0;
  #timers: Timer[] = [];

  /** The current time, starting at 0. */
  now(): number {
    return this.#now;
  }

  /** Calls `fn` when the clock reaches now + `ms`. */
  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.#now + Math.max(0, ms), seq: this.#next++, fn };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  }

  /** Timers not yet run. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order (timers they set run too if due). */
  advance(ms: number): void {
    const end = this.#now + Math.max(0, ms);
    for (;;) {
      let due: Timer | undefined;
      for (const t of this.#timers) {
        if (t.at <= end && (!due || t.at < due.at || (t.at === due.at && t.seq < due.seq))) due = t;
      }
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = due.at;
      due.fn();
    }
    this.#now = end;
  }
}
