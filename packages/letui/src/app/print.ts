/**
 * Printing finished content above the live region (inline mode).
 *
 * A transcript in the terminal's scrollback: a completed message is laid
 * out once at the screen's width, drawn into a screen of its own height,
 * and printed above the live region as ordinary lines. From then on the
 * terminal owns it: its scrolling, search and selection work on it, and
 * the app never redraws it, so what was printed stays as it was written
 * (a later resize does not re-wrap it; terminals that reflow lines do
 * that themselves). Only the live region (a streaming reply, the input, a
 * status line) is redrawn frame by frame.
 */
import { argumentError } from "../errors.ts";
import { Screen } from "../screen.ts";
import type { App, AppOptions, Host } from "./app.ts";
import { Element } from "./element.ts";

/** Makes an app (passed in, so that this module does not import the app's). */
type MakeApp = (host: Host, options: AppOptions) => App;

/** Lays out `content` at `app`'s width and returns a screen of its height holding it (the caller disposes it). */
export function renderLines(app: App, content: Element, make: MakeApp): Screen {
  const width = app.screen.width;
  const screen = new Screen({ width, height: 1, fd: null, colorMode: app.colorMode });
  const sub = make({ screen, stop() {} }, { theme: app.theme, exitOnCtrlC: false });
  try {
    content.setLayout({ flexShrink: 0 });
    sub.mount(content);
    sub.frame();
    const height = Math.max(1, content.view.y + content.view.height);
    if (height > 1) {
      screen.resize(width, height);
      sub.resized();
      sub.frame();
    }
    return screen;
  } catch (e) {
    screen.dispose();
    throw e;
  } finally {
    sub.stop();
  }
}

/**
 * Content waiting to be printed: {@link App.print} lays it out at once and
 * the next frame prints it, so the lines and the region's repaint reach
 * the terminal in one update.
 */
export class PrintQueue {
  #queued: Screen[] = [];
  constructor(
    readonly host: Host,
    readonly make: MakeApp,
  ) {}

  /** Lays `content` out for printing with the next frame. */
  add(app: App, content: Element): void {
    if (!(content instanceof Element)) throw argumentError(`print: expected an element, got ${content === null ? "null" : typeof content}`);
    if (!this.host.print) throw argumentError('print needs an inline session (run with mode: "inline"): a full-screen app has no scrollback to print into');
    this.#queued.push(renderLines(app, content, this.make));
  }

  /** True when something waits to be printed. */
  get pending(): boolean {
    return this.#queued.length > 0;
  }

  /** Prints everything queued (each print repaints the region from the screen as drawn); true when anything was printed. */
  flush(): boolean {
    const queued = this.#queued;
    if (queued.length === 0) return false;
    this.#queued = [];
    try {
      for (const lines of queued) this.host.print?.(lines);
    } finally {
      for (const lines of queued) lines.dispose();
    }
    return true;
  }
}
