/**
 * `run`: an app on the process's terminal.
 */
import type { Screen } from "../screen.ts";
import { Terminal, type TerminalOptions } from "../terminal.ts";
import { App, type AppOptions } from "./app.ts";
import type { Element } from "./element.ts";

/** Options of {@link run}: the app's and the terminal session's. */
export interface RunOptions extends AppOptions, TerminalOptions {
  /**
   * When Ctrl-C stops the app, also end the process (after `exited`
   * handlers ran), so timers an app forgot cannot keep it alive.
   * @default true
   */
  exitProcessOnCtrlC?: boolean;
}

/** A running app. */
export interface RunHandle {
  /** The app (element tree, focus, frames). */
  readonly app: App;
  /** The terminal session. */
  readonly terminal: Terminal;
  /** Stops the app and gives the terminal back. */
  stop(code?: number): void;
  /** Resolves with the exit code once the app stopped. */
  readonly exited: Promise<number>;
}

/**
 * Starts a terminal session and runs `root` in it:
 * `const { exited } = await run(() => Box({}, Text("hi")))`.
 */
export async function run(root: Element | (() => Element), options: RunOptions = {}): Promise<RunHandle> {
  // The app owns Ctrl-C and Ctrl-Z (App.handleKey); the terminal only
  // reports them.
  const terminal = new Terminal({ ...options, defaultKeys: false });
  await terminal.start();
  let app: App | null = null;
  const host = {
    screen: terminal.screen,
    ...(options.mode === "inline" ? { print: (lines: Screen) => terminal.print(lines) } : {}),
    stop(code: number) {
      terminal.stop(code);
      if (code === 130 && (options.exitProcessOnCtrlC ?? true)) setImmediate(() => process.exit(code));
    },
    suspend() {
      terminal.suspend();
    },
  };
  try {
    app = new App(host, options);
    const a = app;
    terminal.on("key", (e) => a.handleKey(e));
    terminal.on("mouse", (e) => a.handleMouse(e));
    terminal.on("paste", (e) => a.handlePaste(e));
    terminal.on("focus", (e) => a.handleFocus(e));
    terminal.on("resize", () => a.resized());
    terminal.on("resume", () => a.resized());
    // The session can end by itself (the terminal went away): so does the app.
    void terminal.exited.then((code) => a.stop(code));
    a.mount(typeof root === "function" ? root() : root);
    a.frame();
  } catch (e) {
    terminal.stop(1);
    throw e;
  }
  const started = app;
  return {
    app: started,
    terminal,
    stop: (code = 0) => started.stop(code),
    exited: terminal.exited,
  };
}
