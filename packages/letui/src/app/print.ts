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

/** What {@link App.print} does: prints `content` above the live region. */
export function printAbove(app: App, host: Host, content: Element, make: MakeApp): void {
  if (!(content instanceof Element)) throw argumentError(`print: expected an element, got ${content === null ? "null" : typeof content}`);
  if (!host.print) throw argumentError('print needs an inline session (run with mode: "inline"): a full-screen app has no scrollback to print into');
  const lines = renderLines(app, content, make);
  try {
    host.print(lines);
  } finally {
    lines.dispose();
  }
}
