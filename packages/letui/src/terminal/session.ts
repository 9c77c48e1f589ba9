/**
 * The terminal session: raw mode and modes on start, input events while
 * running, the terminal given back on every way the program can end
 * (with terminal/process-guard.ts), suspension and resumption.
 */
import { pickWidths, setWidths, type Widths, widthsFromEnv } from "../widths.ts";
import { captureConsole, releaseConsole } from "../console-capture.ts";
import { argumentError, LetuiError } from "../errors.ts";
import type { FocusEvent, InputEvent, KeyEvent, MouseEvent, PasteEvent, ReplyEvent, ResizeEvent } from "../input/events.ts";
import { eventBase } from "../input/events.ts";
import * as abi from "../native/abi.ts";
import { NativeObject } from "../native/object.ts";
import * as nt from "../native/terminal.ts";
import { type ColorMode, Screen } from "../screen.ts";
import { InputPump } from "./input-pump.ts";
import { cursorRow, negotiate, Replies, widthsFromProbes } from "./negotiate.ts";
import * as guard from "./process-guard.ts";

/** Options of a {@link Terminal}. */
export interface TerminalOptions {
  /**
   * `"fullscreen"` uses the alternate screen; `"inline"` renders in a
   * region of {@link inlineHeight} rows below the shell prompt.
   * @default "fullscreen"
   */
  mode?: "fullscreen" | "inline";
  /**
   * Rows of the inline region.
   * @default 10
   */
  inlineHeight?: number;
  /**
   * Mouse reporting: off, clicks (and wheel), drag (also motion with a
   * button held), or all motion.
   * @default "clicks"
   */
  mouse?: "off" | "clicks" | "drag" | "motion";
  /** Bracketed paste. @default true */
  paste?: boolean;
  /** Focus in/out events. @default true */
  focus?: boolean;
  /**
   * Ask for the kitty keyboard protocol (disambiguated keys, release
   * events) and fall back to legacy input when the terminal does not
   * answer within {@link queryTimeout}.
   * @default true
   */
  kittyKeyboard?: boolean;
  /** How long to wait for replies to terminal queries, in ms. @default 200 */
  queryTimeout?: number;
  /** Silence after a lone ESC before it counts as the Escape key, in ms. @default 25 */
  escapeTimeout?: number;
  /** Color mode of the screen. @default "auto" */
  colorMode?: ColorMode;
  /**
   * The width profile (see `setWidths`): `"auto"` takes `LETUI_WIDTHS`
   * when set, else grapheme clusters when the terminal reports mode 2027,
   * else per code point inside tmux or GNU screen and in xterm, VTE,
   * Alacritty and VS Code, else grapheme clusters. It is set for the whole
   * process when the session starts.
   * @default "auto"
   */
  widths?: Widths | "auto";
  /**
   * Hold `console.*` output while the session is active (it would draw
   * over the screen) and write it to stderr when the terminal is given
   * back, or to the `LETUI_LOG` file as it happens.
   * @default true
   */
  captureConsole?: boolean;
  /** Input file descriptor. @default 0 */
  input?: number;
  /** Output file descriptor. @default 1 */
  output?: number;
  /**
   * Act on Ctrl-C (exit with status 130) and Ctrl-Z (suspend) when no
   * key handler called `preventDefault()`. Apps made with `run()` turn
   * this off: the app owns those keys.
   * @default true
   */
  defaultKeys?: boolean;
}

/** Event types of a {@link Terminal} and their payloads. */
export interface TerminalEvents {
  /** A key. Default for Ctrl-C: exit; for Ctrl-Z: suspend (see {@link TerminalOptions.defaultKeys}). */
  key: KeyEvent;
  /** A mouse event. */
  mouse: MouseEvent;
  /** A paste. */
  paste: PasteEvent;
  /** Focus gained or lost. */
  focus: FocusEvent;
  /** The terminal was resized; the screen already has the new size. */
  resize: ResizeEvent;
  /** The program came back from suspension (Ctrl-Z then `fg`); the next frame repaints everything. */
  resume: { type: "resume" };
  /** The output failed (the terminal or pipe is gone); the session then stops with status 1. */
  error: { type: "error"; error: LetuiError };
}

type Handler<T> = (event: T) => void;

const encoder = new TextEncoder();

const MOUSE_BITS = {
  off: abi.LETUI_MOUSE_MODE_OFF,
  clicks: abi.LETUI_MOUSE_MODE_CLICKS,
  drag: abi.LETUI_MOUSE_MODE_DRAG,
  motion: abi.LETUI_MOUSE_MODE_MOTION,
} as const;

/** The mode bits of a session with these options. */
function modeBits(o: { mode: "fullscreen" | "inline"; paste: boolean; focus: boolean; mouse: keyof typeof MOUSE_BITS }): number {
  return (
    (o.mode === "inline" ? 0 : abi.LETUI_MODE_ALTERNATE_SCREEN) |
    abi.LETUI_MODE_HIDE_CURSOR |
    (o.paste ? abi.LETUI_MODE_BRACKETED_PASTE : 0) |
    (o.focus ? abi.LETUI_MODE_FOCUS : 0) |
    (MOUSE_BITS[o.mouse] << abi.LETUI_MODE_MOUSE_SHIFT)
  );
}

/** How long giving the terminal back waits for the last frame to be written. */
const LAST_FRAME_MS = 500;

/**
 * A terminal session on the process's TTY. {@link start} enters raw mode,
 * the alternate screen (or an inline region), mouse, paste and focus
 * reporting and, when the terminal answers, the kitty keyboard protocol;
 * {@link stop} gives all of it back, and so does every way the program
 * can end (return, `process.exit`, an uncaught exception or rejection,
 * SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1/2, Ctrl-C, `abort()`, a panic
 * or a crash in native code). Ctrl-Z suspends with the terminal restored,
 * and `fg` resumes with a full repaint. Output never blocks: see
 * {@link Screen.render}.
 */
export class Terminal extends NativeObject implements guard.Guarded {
  readonly #options: Required<Omit<TerminalOptions, "colorMode" | "widths">> & { colorMode: ColorMode; widths: Widths | "auto" };
  #pump: InputPump | null = null;
  #screen: Screen | null = null;
  #entered = false;
  #stopped = false;
  #kitty = false;
  readonly #replies: Replies;
  #handlers = new Map<keyof TerminalEvents, Set<Handler<never>>>();
  #onResize = () => this.#resized();
  #exited: Promise<number>;
  #resolveExit: (code: number) => void = () => {};
  #origin = 0;
  #termSize = { width: 0, height: 0 };

  constructor(options: TerminalOptions = {}) {
    const input = options.input ?? 0;
    const output = options.output ?? 1;
    super("Terminal", nt.terminalNew(input, output), nt.terminalFree);
    this.#options = {
      mode: options.mode ?? "fullscreen",
      inlineHeight: options.inlineHeight ?? 10,
      mouse: options.mouse ?? "clicks",
      paste: options.paste ?? true,
      focus: options.focus ?? true,
      kittyKeyboard: options.kittyKeyboard ?? true,
      queryTimeout: options.queryTimeout ?? 200,
      escapeTimeout: options.escapeTimeout ?? 25,
      colorMode: options.colorMode ?? "auto",
      widths: options.widths ?? "auto",
      captureConsole: options.captureConsole ?? true,
      defaultKeys: options.defaultKeys ?? true,
      input,
      output,
    };
    if (!(this.#options.mode in { fullscreen: 1, inline: 1 })) throw argumentError(`unknown terminal mode ${JSON.stringify(options.mode)}`);
    if (!(this.#options.mouse in MOUSE_BITS)) throw argumentError(`unknown mouse mode ${JSON.stringify(options.mouse)}`);
    if (!Number.isInteger(this.#options.inlineHeight) || this.#options.inlineHeight < 1) {
      throw argumentError(`inlineHeight must be a positive integer, got ${options.inlineHeight}`);
    }
    this.#replies = new Replies((seq) => this.write(seq), this.#options.queryTimeout);
    this.#exited = new Promise((resolve) => {
      this.#resolveExit = resolve;
    });
  }

  /** True when input and output are terminals (a session can start). */
  static isTTY(input = 0, output = 1): boolean {
    let h: ReturnType<typeof nt.terminalNew>;
    try {
      h = nt.terminalNew(input, output);
    } catch {
      return false;
    }
    try {
      return nt.terminalIsTty(h);
    } finally {
      nt.terminalFree(h);
    }
  }

  /** The screen frames are drawn into, sized to the terminal (or the inline region). */
  get screen(): Screen {
    if (!this.#screen) throw new LetuiError(0, "the terminal session has not started", "InvalidArgument");
    return this.#screen;
  }

  /** True while the session is entered. */
  get running(): boolean {
    return this.#entered;
  }

  /** True when the kitty keyboard protocol is on. */
  get kittyKeyboard(): boolean {
    return this.#kitty;
  }

  /** Resolves with the exit code when the session ends. */
  get exited(): Promise<number> {
    return this.#exited;
  }

  /**
   * The terminal's size in cells. A terminal that reports 0 x 0 (a new
   * pty nobody sized yet) counts as `COLUMNS` x `LINES`, or 80 x 24.
   */
  size(): { width: number; height: number } {
    const s = nt.terminalSize(this.handle);
    const env = (name: string, fallback: number) => {
      const n = Number(process.env[name]);
      return Number.isInteger(n) && n > 0 && n <= 65535 ? n : fallback;
    };
    return { width: s.width > 0 ? s.width : env("COLUMNS", 80), height: s.height > 0 ? s.height : env("LINES", 24) };
  }

  /** Writes bytes to the terminal, ordered with rendered frames. */
  write(data: string | Uint8Array): void {
    if (this.disposed) return;
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    if (bytes.length === 0) return;
    if (this.#screen && !this.#screen.disposed) this.#screen.write(bytes);
    else nt.terminalWrite(this.handle, bytes);
  }

  /** Starts the session. Resolves once the terminal's replies (or their timeout) settled the keyboard protocol. */
  async start(): Promise<void> {
    if (this.#entered) return;
    if (this.#stopped) throw new LetuiError(0, "this terminal session was stopped; make a new Terminal", "InvalidArgument");
    const h = this.handle;
    if (!nt.terminalIsTty(h)) {
      throw new LetuiError(-8, "letui needs a terminal: standard input and output must be a TTY", "Unsupported");
    }
    if ((process.env.TERM ?? "").toLowerCase() === "dumb") {
      // No cursor addressing: drawing would send escape sequences blind.
      throw new LetuiError(
        -8,
        "TERM=dumb: this terminal cannot move the cursor, so letui cannot draw on it; run the program in a terminal that can (such as one with TERM=xterm-256color)",
        "Unsupported",
      );
    }
    const o = this.#options;
    // A bad LETUI_WIDTHS is an error before the terminal is touched.
    if (o.widths === "auto") widthsFromEnv();
    else setWidths(o.widths);
    nt.terminalEnter(h, modeBits(o));
    this.#entered = true;
    guard.entered(this);
    if (o.captureConsole) captureConsole();
    this.#pump = new InputPump((events) => this.#dispatch(events), o.escapeTimeout);
    this.#pump.start();
    process.on("SIGWINCH", this.#onResize);

    const { width, height } = this.size();
    this.#termSize = { width, height };
    const screen = { fd: o.output, colorMode: o.colorMode, onOutputError: (e: LetuiError) => this.#outputFailed(e) };
    if (o.mode === "inline") {
      const rows = Math.min(o.inlineHeight, height);
      this.#origin = await this.#placeInline(rows, height);
      this.#screen = new Screen({ width, height: rows, ...screen });
      this.#screen.setInline(true, this.#origin);
    } else {
      this.#screen = new Screen({ width, height, ...screen });
    }
    await this.#negotiate();
  }

  /** Makes room for an inline region of `rows` below the cursor, then asks where it starts (its first row, 0-based). */
  async #placeInline(rows: number, height: number): Promise<number> {
    this.write(rows > 1 ? `${"\n".repeat(rows - 1)}\x1b[${rows - 1}A\r` : "\r");
    const row = await cursorRow(this.#replies, () => this.#pump?.expectCursorPosition());
    return row ?? Math.max(0, height - rows);
  }

  /** Turns on what the terminal supports: grapheme clusters (2027), then the kitty protocol or modifyOtherKeys. */
  async #negotiate(): Promise<void> {
    const kitty = this.#options.kittyKeyboard;
    // Measure the terminal's widths (unless told them) at the region's first row.
    const measure = this.#options.widths === "auto" && !widthsFromEnv();
    const probe = measure ? { row: this.#origin, expect: () => this.#pump?.expectCursorPosition() } : undefined;
    const support = await negotiate(this.#replies, kitty, probe);
    // Before the app lays out any text: the widths this terminal draws.
    if (this.#options.widths === "auto") setWidths(pickWidths(process.env, support.answered && support.clusters, widthsFromProbes(support.probed)));
    if (this.disposed || !this.#entered || !support.answered) return;
    // Supported and off: on, so terminal and letui agree on cluster widths.
    if (support.clustersOff) nt.terminalGraphemeClusters(this.handle);
    if (!kitty) return;
    if (support.kittyKeyboard) {
      nt.terminalPushKeyboard(this.handle, 1 | 2);
      this.#kitty = true;
    } else {
      // No kitty protocol: ask for modifyOtherKeys, which tmux (with
      // extended-keys on) and xterm use to report modified keys.
      nt.terminalModifyOtherKeys(this.handle, 1);
    }
  }

  /**
   * Inline mode: prints every row of `lines` (a screen as wide as this
   * one's) above the region, where the terminal keeps it in its normal
   * output and scrollback, and moves the region below them.
   */
  print(lines: Screen): void {
    if (this.#options.mode !== "inline") throw argumentError('print needs mode: "inline": the alternate screen has no scrollback');
    const screen = this.#screen;
    if (!screen || !this.#entered) throw argumentError("print: the session is not running");
    this.#origin = screen.printAbove(lines, this.#termSize.height);
  }

  /** Subscribes to an event type; returns the unsubscribe function. */
  on<K extends keyof TerminalEvents>(type: K, handler: Handler<TerminalEvents[K]>): () => void {
    let set = this.#handlers.get(type);
    if (!set) {
      set = new Set();
      this.#handlers.set(type, set);
    }
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  #emit<K extends keyof TerminalEvents>(type: K, event: TerminalEvents[K]): void {
    const set = this.#handlers.get(type);
    if (!set) return;
    if (set.size === 1) {
      // The usual case (the app's handler): no copy per event.
      (set.values().next().value as Handler<TerminalEvents[K]>)(event);
      return;
    }
    for (const h of [...set]) (h as Handler<TerminalEvents[K]>)(event);
  }

  #dispatch(events: (InputEvent | ReplyEvent)[]): void {
    for (const e of events) {
      if (this.#stopped) return;
      switch (e.type) {
        case "key":
          this.#emit("key", e);
          if (this.#options.defaultKeys && !e.defaultPrevented && e.kind !== "release" && e.ctrl && !e.alt && !e.shift) {
            if (e.name === "c") this.exit(130);
            else if (e.name === "z") this.suspend();
          }
          break;
        case "mouse":
          this.#emit("mouse", e);
          break;
        case "paste":
          this.#emit("paste", e);
          break;
        case "focus":
          this.#emit("focus", e);
          break;
        case "resize":
          this.#emit("resize", e);
          break;
        default:
          this.#replies.deliver(e);
      }
    }
  }

  #outputFailed(error: LetuiError): void {
    this.#emit("error", { type: "error", error });
    this.stop(1);
  }

  #resized(): void {
    if (!this.#entered || !this.#screen) return;
    const { width, height } = this.size();
    const inline = this.#options.mode === "inline";
    const rows = inline ? Math.min(this.#options.inlineHeight, height) : height;
    const changed = width !== this.#termSize.width || height !== this.#termSize.height;
    this.#termSize = { width, height };
    this.#screen.resize(width, rows);
    if (inline) {
      // Keep the region on screen: a shorter window moves it up.
      const origin = Math.max(0, Math.min(this.#origin, height - rows));
      if (origin !== this.#origin) {
        this.#origin = origin;
        this.#screen.setInline(true, origin);
        // Repaint the last frame at once; the app may draw a new one too.
        this.#screen.render();
      }
    }
    if (!changed) return;
    this.#emit("resize", Object.assign(eventBase(), { type: "resize" as const, width, height: rows }));
  }

  /**
   * Gives the terminal back right now (synchronously): the last frame
   * written (waiting at most half a second), late replies to queries
   * drained, modes off, main screen, cursor shown, settings restored.
   * Used by exit paths; the session object stays usable for
   * {@link resume}.
   */
  restore(): void {
    this.#giveBack(false);
  }

  #giveBack(suspending: boolean): void {
    if (this.disposed || !this.#entered) return;
    const screen = this.#screen;
    if (screen && !screen.disposed) {
      if (this.#options.mode === "inline") {
        // Leave the cursor below the region, on a fresh line.
        screen.write(`\x1b[${this.#origin + screen.height};1H\r\n`);
      }
      screen.flush(LAST_FRAME_MS);
    }
    if (this.#replies.pending) nt.terminalDrainInput(this.handle, 30, 300);
    nt.terminalLeave(this.handle);
    this.#entered = false;
    this.#kitty = false;
    guard.left(this, suspending);
    if (!guard.anyActive()) releaseConsole();
  }

  /** Suspends the program like Ctrl-Z in a shell: the terminal is restored first, and {@link resume} runs on `fg`. */
  suspend(): void {
    if (!this.#entered) return;
    this.#giveBack(true);
    process.kill(process.pid, "SIGSTOP");
  }

  /** Re-enters the session after a suspension and repaints everything. */
  resume(): void {
    if (this.#entered || this.#stopped || this.disposed) return;
    const o = this.#options;
    nt.terminalEnter(this.handle, modeBits(o));
    this.#entered = true;
    guard.entered(this);
    if (o.captureConsole) captureConsole();
    const screen = this.#screen;
    if (o.mode === "inline" && screen) {
      // While suspended the shell wrote below the region (the job notice,
      // `fg`) and may have scrolled it: drawing at the old origin would
      // leave a stale copy above. The region starts again below the cursor.
      const height = this.size().height;
      void this.#placeInline(Math.min(o.inlineHeight, height), height).then((origin) => {
        if (!this.#entered || this.#screen !== screen) return;
        this.#origin = origin;
        screen.setInline(true, origin);
        this.#repaint();
      });
    } else {
      // Ask first: an app that ends as soon as it hears of the resume
      // must still not leave the replies to the shell.
      void this.#negotiate();
      this.#repaint();
      return;
    }
    void this.#negotiate();
  }

  /** After a resume: takes the current size, repaints everything, and tells the app. */
  #repaint(): void {
    if (this.#screen) {
      this.#resized();
      this.#screen.forceRedraw();
      this.#screen.render();
    }
    this.#emit("resume", { type: "resume" });
  }

  /** Ends the session and frees everything; resolves {@link exited} with `code`. Idempotent. */
  stop(code = 0): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#pump?.stop();
    this.#pump = null;
    process.off("SIGWINCH", this.#onResize);
    this.restore();
    guard.ended(this);
    this.#screen?.dispose();
    this.#screen = null;
    super.dispose();
    this.#resolveExit(code);
  }

  /** Stops the session and exits the process with `code`. */
  exit(code = 0): never {
    this.stop(code);
    process.exit(code);
  }

  /** The same as {@link stop} with code 0. */
  override dispose(): void {
    this.stop();
  }
}
