/**
 * A tmux harness for end-to-end tests: programs run in a real terminal
 * (a tmux pane) while the test sends keys, reads the screen and asks tmux
 * for the pane's modes.
 *
 * Each test file starts its own server on a unique socket (`tmux -L`),
 * never the user's default server, with no configuration file; each test
 * gets its own session whose pane runs `dash -i` in a clean environment,
 * so that programs are started from a shell with job control, as a user
 * would, and the shell's earlier output shows whether the alternate screen
 * was left. dash has no line editor: it never changes the terminal's
 * settings or modes itself (bash would reset the settings after a job is
 * stopped or killed, hiding the very bugs these tests look for).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository root. */
export const ROOT = resolve(import.meta.dir, "../../../..");
/** Where the fixture programs are. */
export const FIXTURES = join(import.meta.dir, "fixtures");
/** The Bun that runs the tests, used to run the programs under test. */
export const BUN = process.execPath;

/** The runtimes letui runs on; programs under test run on each. */
export const RUNTIMES = ["bun", "node", "deno"] as const;
/** One of {@link RUNTIMES}. */
export type Runtime = (typeof RUNTIMES)[number];

/**
 * The command that runs a TypeScript program on `runtime`: this Bun;
 * Node with the test loader that strips types (Node 20 cannot run
 * TypeScript itself); Deno from the npm package, with every permission.
 */
export function runtimeCommand(runtime: Runtime): string {
  return runtimeArgv(runtime).map(sh).join(" ");
}

/** {@link runtimeCommand} as an argument vector, for spawning directly. */
export function runtimeArgv(runtime: Runtime): string[] {
  switch (runtime) {
    case "bun":
      return [BUN];
    case "node":
      return ["node", "--import", join(ROOT, "scripts/node-ts.mjs")];
    case "deno":
      return [join(ROOT, "node_modules/.bin/deno"), "run", "-A", "--quiet"];
  }
}

/**
 * True when tmux and dash are installed. Locally the e2e tests skip
 * otherwise, with a warning; in CI (`CI` set) a missing tool is an error,
 * so that a green run always means the terminal tests ran.
 */
export const available = Bun.which("tmux") !== null && Bun.which("dash") !== null;
if (!available) {
  const message = "letui e2e: tmux and dash are needed for the terminal end-to-end tests";
  if (process.env.CI) throw new Error(`${message} (.ci/run installs them)`);
  console.warn(`${message}; skipping them`);
}

/** How long waits last before failing, in ms (generous: CI machines are slow and busy). */
export const WAIT_MS = 15_000;
const POLL_MS = 20;

let counter = 0;

/** Quotes a word for a POSIX shell. */
export function sh(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The environment of tmux clients: UTF-8, and not inside another tmux (which would refuse to attach). */
function clientEnv(): Record<string, string | undefined> {
  const { TMUX: _tmux, TMUX_PANE: _pane, ...env } = process.env;
  return { ...env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" };
}

/** A tmux server of its own, on a unique socket. */
export class TmuxServer {
  /** The socket name (`tmux -L`). */
  readonly socket: string;
  /** A temporary folder for files the tests write (removed by {@link kill}). */
  readonly dir: string;
  #sessions = 0;

  constructor() {
    this.socket = `letui-e2e-${process.pid}-${Date.now().toString(36)}-${counter++}`;
    this.dir = mkdtempSync(join(tmpdir(), "letui-e2e-"));
    // The server stays up between sessions until kill(): with exit-empty
    // on, killing a test's last session would shut it down while the next
    // test's new-session connects ("server exited unexpectedly").
    this.tmux("start-server", ";", "set-option", "-s", "exit-empty", "off");
    // A safety net for runs cut short: afterAll calls kill() otherwise.
    process.once("exit", () => this.kill());
  }

  /** Runs a tmux command and returns its standard output; throws when it fails. */
  tmux(...args: string[]): string {
    const r = Bun.spawnSync(["tmux", "-f", "/dev/null", "-L", this.socket, ...args], {
      stdin: "ignore",
      stdout: "pipe",
      stderr: "pipe",
      env: clientEnv(),
    });
    if (r.exitCode !== 0) {
      throw new Error(`tmux ${args.join(" ")} failed (${r.exitCode}): ${r.stderr.toString().trim()}`);
    }
    return r.stdout.toString();
  }

  /**
   * Starts a session whose pane runs an interactive dash in the
   * fixtures folder (or `cwd`) with a clean environment: only PATH, HOME,
   * TERM=xterm-256color, LANG, a `$ ` prompt, `BUN` (this Bun), `RUN`
   * (the command running TypeScript on the session's runtime), `D` (the
   * server's temporary folder), LETUI_LIB when the test run has it (to
   * find the native library), and `env`.
   */
  session(
    options: { width?: number; height?: number; env?: Record<string, string>; runtime?: Runtime; cwd?: string } = {},
  ): Pane {
    const name = `t${this.#sessions++}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      TERM: "xterm-256color",
      LANG: "C.UTF-8",
      PS1: "$ ",
      // Short names for command lines: the Bun running the tests and the
      // server's temporary folder.
      BUN,
      RUN: runtimeCommand(options.runtime ?? "bun"),
      D: this.dir,
      ...(process.env.LETUI_LIB ? { LETUI_LIB: process.env.LETUI_LIB } : {}),
      ...options.env,
    };
    const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    this.tmux(
      "new-session",
      "-d",
      "-s",
      name,
      "-x",
      String(options.width ?? 100),
      "-y",
      String(options.height ?? 30),
      "-c",
      options.cwd ?? FIXTURES,
      "--",
      "env",
      "-i",
      ...vars,
      "dash",
      "-i",
    );
    // Keep the pane (and its text) if the shell ends, for error messages.
    this.tmux("set-option", "-t", name, "remain-on-exit", "on");
    return new Pane(this, `${name}:0.0`);
  }

  /**
   * Attaches a control-mode client to `session` (no terminal needed) and
   * returns its process; kill it when done. tmux reports focus to panes
   * only while an attached client has focus.
   */
  attachControlClient(session: string): Bun.Subprocess {
    return Bun.spawn(["tmux", "-f", "/dev/null", "-L", this.socket, "-C", "attach-session", "-t", session], {
      stdin: "pipe",
      stdout: "ignore",
      stderr: "ignore",
      env: clientEnv(),
    });
  }

  /** Kills the server and removes its socket (tmux 3.3a leaves it) and the temporary folder. Never throws. */
  kill(): void {
    try {
      Bun.spawnSync(["tmux", "-L", this.socket, "kill-server"], { stdout: "ignore", stderr: "ignore", env: clientEnv() });
    } catch {
      // The server may be gone already: nothing left to clean.
    }
    const uid = process.getuid?.() ?? 0;
    rmSync(join(process.env.TMUX_TMPDIR ?? "/tmp", `tmux-${uid}`, this.socket), { force: true });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What {@link Pane.waitFor} waits for. */
export type Expectation = string | RegExp | ((screen: string) => boolean);

function matches(screen: string, what: Expectation): boolean {
  if (typeof what === "string") return screen.includes(what);
  if (what instanceof RegExp) return what.test(screen);
  return what(screen);
}

/** A pane of a session. */
export class Pane {
  readonly server: TmuxServer;
  /** The tmux target, `session:window.pane`. */
  readonly target: string;

  constructor(server: TmuxServer, target: string) {
    this.server = server;
    this.target = target;
  }

  /** The session name. */
  get session(): string {
    return this.target.split(":")[0] as string;
  }

  /** Sends keys by tmux name (`Enter`, `C-a`, `S-Up`, `F5`, ...). */
  keys(...names: string[]): void {
    this.server.tmux("send-keys", "-t", this.target, ...names);
  }

  /** Sends text literally (escape sequences included, as the terminal would). */
  type(text: string): void {
    this.server.tmux("send-keys", "-t", this.target, "-l", text);
  }

  /**
   * Waits for the shell's prompt (`$` alone on the last non-empty row),
   * then types a command line and Enter. Typing before the prompt would
   * race the shell: its output could land after a late prompt, and text
   * typed while Ctrl-C is handled is flushed by the terminal.
   */
  async run(command: string): Promise<void> {
    await this.prompt();
    this.type(command);
    this.keys("Enter");
  }

  /** Waits until the shell shows its prompt. */
  async prompt(): Promise<void> {
    await this.waitFor((screen) => screen.trimEnd().split("\n").at(-1) === "$");
  }

  /** The visible screen as text, one line per row (trailing spaces trimmed by tmux); `escapes` keeps colors. */
  capture(escapes = false): string {
    return this.server.tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", this.target);
  }

  /** The visible rows, exactly `height` of them, padded to the pane width. */
  rows(): string[] {
    const [w, h] = this.format("#{pane_width} #{pane_height}").split(" ").map(Number) as [number, number];
    const lines = this.server.tmux("capture-pane", "-p", "-N", "-t", this.target).split("\n").slice(0, h);
    while (lines.length < h) lines.push("");
    return lines.map((l) => l.padEnd(w));
  }

  /** Expands a tmux format for the pane (`#{alternate_on}`, ...). */
  format(fmt: string): string {
    return this.server.tmux("display-message", "-p", "-t", this.target, fmt).replace(/\n$/, "");
  }

  /**
   * Polls the screen every 20 ms until it shows `what`; fails with the
   * screen after `timeout` ms, or as soon as it shows `unless` (say, the
   * shell's `EXIT=` after the program under test died early).
   */
  async waitFor(what: Expectation, options: { timeout?: number; unless?: Expectation } = {}): Promise<string> {
    const timeout = options.timeout ?? WAIT_MS;
    const end = Date.now() + timeout;
    let screen = "";
    for (;;) {
      screen = this.capture();
      if (matches(screen, what)) return screen;
      if (options.unless !== undefined && matches(screen, options.unless)) {
        throw new Error(`the pane shows ${String(options.unless)} while waiting for ${String(what)}:\n${frame(screen)}`);
      }
      if (Date.now() > end) break;
      await Bun.sleep(POLL_MS);
    }
    throw new Error(`timed out after ${timeout} ms waiting for ${String(what)}; the pane shows:\n${frame(screen)}`);
  }

  /** Waits for `what` from a program started with `; echo EXIT=$?`, failing early if it ended. */
  started(what: Expectation): Promise<string> {
    return this.waitFor(what, { unless: /^EXIT=\d+$/m });
  }

  /** Polls until `check` returns true (for things other than the screen); fails with `describe()` and the screen. */
  async until(check: () => boolean, describe: () => string, timeout = WAIT_MS): Promise<void> {
    const end = Date.now() + timeout;
    for (;;) {
      if (check()) return;
      if (Date.now() > end) break;
      await Bun.sleep(POLL_MS);
    }
    let screen: string;
    try {
      screen = frame(this.capture());
    } catch {
      screen = "  (the pane is gone)";
    }
    throw new Error(`timed out after ${timeout} ms: ${describe()}; the pane shows:\n${screen}`);
  }

  /** Kills the session (the pane's processes get SIGHUP). */
  kill(): void {
    try {
      this.server.tmux("kill-session", "-t", this.session);
    } catch {
      // Already gone.
    }
  }
}

/** The screen boxed, for failure messages. */
export function frame(screen: string): string {
  return screen
    .replace(/\n+$/, "")
    .split("\n")
    .map((l) => `  |${l}`)
    .join("\n");
}

let markers = 0;

/**
 * A unique marker and a shell expression that prints it without the
 * typed command line containing it: `echo M_$((40+2))` shows `M_42`
 * only once the command ran.
 */
export function marker(name: string): { text: string; echo: string } {
  const n = 1000 + markers++;
  return { text: `${name}_${n}`, echo: `echo ${name}_$((${n - 1}+1))` };
}

/** The tmux format variables (all in tmux 3.3a) of a pane with every mode a letui session touches turned off. */
export const RESTORED_FORMATS = {
  alternate_on: "0",
  cursor_flag: "1",
  mouse_any_flag: "0",
  mouse_standard_flag: "0",
  mouse_button_flag: "0",
  mouse_all_flag: "0",
  mouse_sgr_flag: "0",
  mouse_utf8_flag: "0",
  keypad_flag: "0",
  keypad_cursor_flag: "0",
  insert_flag: "0",
  origin_flag: "0",
  wrap_flag: "1",
} as const;

/** The pane's mode flags, by format variable name. */
export function paneModes(pane: Pane): Record<string, string> {
  const names = Object.keys(RESTORED_FORMATS);
  const values = pane.format(names.map((n) => `#{${n}}`).join(" ")).split(" ");
  return Object.fromEntries(names.map((n, i) => [n, values[i] ?? ""]));
}

/** Terminal settings as `stty -a` lists them: flag name to on/off. */
export function sttyFlags(text: string): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  for (const word of text.split(/[\s;]+/)) {
    const m = /^(-?)([a-z0-9]+)$/.exec(word);
    if (m) flags.set(m[2] as string, m[1] === "");
  }
  return flags;
}

/** Reads a file the shell in a pane wrote, or "" when it is missing. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** The command line that runs a fixture (in the pane's folder) on the session's runtime (`$RUN`). */
export function fixture(name: string, ...args: string[]): string {
  return ["$RUN", ...[name, ...args].map(sh)].join(" ");
}

/** The shell command that saves the terminal's settings for {@link expectRestored}. */
export function saveSettings(id: string): string {
  return `stty -g >$D/${id}.before`;
}

/**
 * Checks, from the shell in `pane` after a program ended, that the
 * terminal is as it was found before {@link saveSettings}`(id)` ran:
 *
 * - tmux's mode flags of the pane ({@link RESTORED_FORMATS}): main
 *   screen, cursor visible, no mouse reporting, no keypad/insert/origin
 *   mode, autowrap on;
 * - the settings: `stty -g` equal to the saved one, and `stty -a` shows
 *   `icanon`, `echo`, `isig` (and the rest of cooked mode) on;
 * - typed text echoes and is read by lines (`cat` prints `hello` after
 *   Enter, below the echoed `hello`), and Ctrl-C interrupts `cat`.
 */
export async function expectRestored(pane: Pane, id: string): Promise<void> {
  const { expect } = await import("bun:test");
  expect(paneModes(pane)).toEqual({ ...RESTORED_FORMATS });

  const checked = marker("CHECKED");
  await pane.run(`stty -g >$D/${id}.after; stty -a >$D/${id}.stty; ${checked.echo}`);
  await pane.waitFor(checked.text);
  const dir = pane.server.dir;
  const before = readText(join(dir, `${id}.before`)).trim();
  expect(before).not.toBe("");
  expect(readText(join(dir, `${id}.after`)).trim()).toBe(before);
  const flags = sttyFlags(readText(join(dir, `${id}.stty`)));
  for (const flag of ["icanon", "echo", "isig", "iexten", "icrnl", "opost", "onlcr"]) {
    expect([flag, flags.get(flag)]).toEqual([flag, true]);
  }

  const word = `hello${markers++}`;
  const after = marker("AFTER");
  await pane.run("cat");
  pane.type(word);
  pane.keys("Enter");
  // Echoed by the terminal, then printed by cat once the line ended.
  await pane.waitFor(new RegExp(`^${word}\\n${word}$`, "m"));
  pane.keys("C-c");
  await pane.run(after.echo);
  await pane.waitFor(new RegExp(`^${after.text}$`, "m"));
}
