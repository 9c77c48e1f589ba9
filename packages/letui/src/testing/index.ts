/**
 * Headless testing: render any element tree into an in-memory screen,
 * without a terminal; read text and styles; send keys, mouse, paste and
 * resizes; wait for frames.
 *
 * ```ts
 * const t = await render(() => Button({ label: "OK", onPress }), { width: 20, height: 3 });
 * t.press("enter");
 * await t.frame();
 * expect(t.lines()[0]).toContain("OK");
 * ```
 */
import { App, type AppOptions } from "../app/app.ts";
import { ManualClock } from "../app/clock.ts";
import type { Element } from "../app/element.ts";
import { InputDecoder } from "../input/decoder.ts";
import { eventBase, type KeyEvent, type MouseButton, type MouseEvent, type PasteEvent } from "../input/events.ts";
import { type ColorMode, Screen } from "../screen.ts";
import type { CellStyle } from "../style.ts";

/** Options of {@link render}. */
export interface RenderOptions extends AppOptions {
  /** Width in cells. @default 80 */
  width?: number;
  /** Height in cells. @default 24 */
  height?: number;
  /** The color mode of the screen, for testing looks with fewer colors. @default "truecolor" */
  colorMode?: ColorMode;
}

/** Modifiers for synthesized events. */
export interface TestModifiers {
  /** Ctrl. */
  ctrl?: boolean;
  /** Alt. */
  alt?: boolean;
  /** Shift. */
  shift?: boolean;
}

/** A rendered app under test. */
export interface TestApp {
  /** The app. */
  readonly app: App;
  /** The in-memory screen. */
  readonly screen: Screen;
  /** Rows printed above the live region by `app.print` (trailing spaces trimmed), oldest first. */
  readonly printed: string[];
  /** The screen's rows as text (trailing spaces kept). */
  lines(): string[];
  /** The screen as text, rows joined with newlines and trailing spaces trimmed (snapshot-friendly). */
  text(): string;
  /** The text and style of a cell. */
  cell(x: number, y: number): { text: string; style: CellStyle };
  /** Sends a key by combo: `"a"`, `"enter"`, `"ctrl+w"`, `"shift+tab"`, `"alt+left"`. */
  press(combo: string): void;
  /** Types text, one key per character. */
  type(text: string): void;
  /** Sends raw terminal input bytes through the real decoder (escape sequences, pastes, mouse reports). */
  input(bytes: string | Uint8Array): void;
  /** Sends a mouse event. */
  mouse(kind: MouseEvent["kind"], x: number, y: number, button?: MouseButton, mods?: TestModifiers): void;
  /** A left click (press and release) at (x, y). */
  click(x: number, y: number): void;
  /** A wheel notch at (x, y). */
  wheel(x: number, y: number, direction: "up" | "down"): void;
  /** Sends a bracketed paste. */
  paste(text: string): void;
  /** Resizes the screen. */
  resize(width: number, height: number): void;
  /** Runs the pending frame now (if any change is pending). */
  frame(): Promise<void>;
  /** Resolves after the next scheduled frame. */
  nextFrame(): Promise<void>;
  /**
   * Moves the app's clock forward by `ms`, running the component timers
   * that fall due (time stands still otherwise under test), then runs the
   * pending frame.
   */
  advance(ms: number): Promise<void>;
  /** The bytes the renderer wrote since the last call (what a terminal would receive). */
  takeOutput(): Uint8Array;
  /** The exit code, once the app stopped. */
  readonly exitCode: number | undefined;
  /** Stops the app and frees the screen. */
  unmount(): void;
}

const MOD_ORDER = ["ctrl", "alt", "shift"] as const;

/** Builds a key event from a combo string, as the decoder would produce it. */
export function keyEvent(combo: string, kind: KeyEvent["kind"] = "press"): KeyEvent {
  const parts = combo.split("+");
  let name = parts.pop() ?? "";
  if (name === "" && combo.endsWith("+")) name = "+";
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const ctrl = mods.has("ctrl");
  const alt = mods.has("alt");
  let shift = mods.has("shift");
  let text = "";
  if ([...name].length === 1) {
    if (name !== name.toLowerCase()) {
      shift = true;
    }
    text = ctrl || alt ? "" : shift ? name.toUpperCase() : name;
    name = name.toLowerCase();
  } else if (name === "space") {
    text = ctrl || alt ? "" : " ";
  }
  const on = { ctrl, alt, shift };
  const prefix = MOD_ORDER.filter((m) => on[m]);
  return Object.assign(eventBase(), {
    type: "key" as const,
    name,
    text,
    kind,
    ctrl,
    alt,
    shift,
    super: false,
    hyper: false,
    meta: false,
    combo: [...prefix, name].join("+"),
  });
}

/** Builds a mouse event, as the decoder would produce it. */
export function mouseEvent(kind: MouseEvent["kind"], x: number, y: number, button: MouseButton = "left", mods: TestModifiers = {}): MouseEvent {
  return Object.assign(eventBase(), {
    type: "mouse" as const,
    x,
    y,
    button,
    kind,
    ctrl: mods.ctrl ?? false,
    alt: mods.alt ?? false,
    shift: mods.shift ?? false,
  });
}

/** Builds a bracketed-paste event, as the decoder would produce it. */
export function pasteEvent(text: string): PasteEvent {
  return Object.assign(eventBase(), { type: "paste" as const, text, truncated: false });
}

/** Renders `root` headlessly and returns a handle to drive and inspect it. */
export async function render(root: Element | (() => Element), options: RenderOptions = {}): Promise<TestApp> {
  const screen = new Screen({ width: options.width ?? 80, height: options.height ?? 24, fd: null, colorMode: options.colorMode ?? "truecolor" });
  let exitCode: number | undefined;
  const clock = new ManualClock();
  const printed: string[] = [];
  const app = new App(
    {
      screen,
      clock,
      print(lines) {
        for (let y = 0; y < lines.height; y++) printed.push(lines.rowText(y).trimEnd());
      },
      stop(code) {
        exitCode = code;
      },
    },
    options,
  );
  const decoder = new InputDecoder();
  app.mount(typeof root === "function" ? root() : root);
  app.frame();
  const dispatch = (events: ReturnType<InputDecoder["feed"]>) => {
    for (const e of events) {
      if (e.type === "key") app.handleKey(e);
      else if (e.type === "mouse") app.handleMouse(e);
      else if (e.type === "paste") app.handlePaste(e);
      else if (e.type === "focus") app.handleFocus(e);
    }
  };
  const mouse = (kind: MouseEvent["kind"], x: number, y: number, button: MouseButton = "left", mods: TestModifiers = {}) => {
    app.handleMouse(mouseEvent(kind, x, y, button, mods));
  };
  const t: TestApp = {
    app,
    screen,
    printed,
    lines: () => Array.from({ length: screen.height }, (_, y) => screen.rowText(y)),
    text: () =>
      t
        .lines()
        .map((l) => l.trimEnd())
        .join("\n")
        .replace(/\n+$/, ""),
    cell: (x, y) => screen.cellAt(x, y),
    press: (combo) => app.handleKey(keyEvent(combo)),
    type: (text) => {
      for (const ch of text) app.handleKey(keyEvent(ch === " " ? "space" : ch));
    },
    input: (bytes) => {
      dispatch(decoder.feed(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes));
      if (decoder.pending) dispatch(decoder.flush());
    },
    mouse,
    click: (x, y) => {
      mouse("down", x, y);
      mouse("up", x, y);
    },
    wheel: (x, y, direction) => mouse("wheel", x, y, direction === "up" ? "wheelUp" : "wheelDown"),
    paste: (text) => app.handlePaste(pasteEvent(text)),
    resize: (width, height) => {
      screen.resize(width, height);
      app.resized();
    },
    frame: async () => {
      await Promise.resolve();
      app.frame();
    },
    nextFrame: () => app.nextFrame(),
    advance: async (ms) => {
      clock.advance(ms);
      await Promise.resolve();
      app.frame();
    },
    takeOutput: () => screen.takeOutput(),
    get exitCode() {
      return exitCode;
    },
    unmount: () => {
      app.stop(0);
      decoder.dispose();
      screen.dispose();
    },
  };
  return t;
}
