/**
 * The output-stall harness (Bun only: it holds the pty master through
 * bun:ffi). Runs test/stall/animate.ts on a 200x60 pty, reads its output
 * into a headless xterm for `beforeMs`, then stops reading for `stallMs`
 * (the terminal stalls, as a paused ssh session or a slow tmux client
 * does) while typing a key every second, then reads again, quits with
 * `q`, and checks the emulator's final screen against the app's.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Terminal as XTerm } from "@xterm/headless";
import { type Runtime, runtimeArgv } from "../e2e/tmux.ts";
import { closeSlave, openPty, readSome, writeAll } from "../pty.ts";

/** What one stall run measured. */
export interface StallResult {
  runtime: Runtime;
  stallMs: number;
  frames: number;
  /** Timer lateness in ms over the whole run: p50, p99, max. */
  lateness: { p50: number; p99: number; max: number };
  /** Per key typed during the stall: ms from typing to the handler. */
  keyLatencies: number[];
  /** RSS growth during the stall, MB. */
  rssGrowthMB: number;
  /** Longest render() call, ms. */
  maxRenderMs: number;
  /** Rows of the final screen that differ between the emulator and the app. */
  wrongRows: number[];
  /** The probe cell's colors matched. */
  colorsMatch: boolean;
  outputError: string | null;
  exitCode: number | null;
}

const now = () => performance.timeOrigin + performance.now();
const W = 200;
const H = 60;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

export async function runStall(runtime: Runtime, stallMs: number, beforeMs = 1500): Promise<StallResult> {
  const dir = mkdtempSync(join(tmpdir(), "letui-stall-"));
  const result = join(dir, "result.json");
  const pty = openPty(W, H);
  const child = Bun.spawn([...runtimeArgv(runtime), join(import.meta.dir, "animate.ts")], {
    stdin: pty.slave,
    stdout: pty.slave,
    stderr: "pipe",
    env: { ...process.env, TERM: "xterm-256color", COLORTERM: "truecolor", LETUI_STALL_RESULT: result },
  });
  closeSlave(pty);
  const xterm = new XTerm({ cols: W, rows: H, allowProposedApi: true });
  const buf = new Uint8Array(1 << 16);
  /** Reads for `untilMs` (or until `stop`), each chunk parsed by the emulator before the next read: a terminal as fast as the emulator. */
  const pump = async (untilMs: number, stop?: () => boolean) => {
    const end = now() + untilMs;
    while (now() < end && !stop?.()) {
      const n = readSome(pty.master, buf, 5);
      if (n < 0) return;
      if (n > 0) {
        const chunk = buf.slice(0, n);
        await new Promise<void>((r) => xterm.write(chunk, r));
      } else {
        await new Promise((r) => setTimeout(r, 0));
      }
    }
  };
  const typed: { key: string; at: number }[] = [];
  const type = (key: string) => {
    typed.push({ key, at: now() });
    writeAll(pty.master, new TextEncoder().encode(key));
  };
  try {
    // The first frame on screen: the app's key handlers are in place (a
    // slow start, such as Node's loader on a busy machine, would otherwise
    // lose the keys typed next).
    const drawn = () => (xterm.buffer.active.getLine(0)?.translateToString(true).trim() ?? "") !== "";
    await pump(20_000, drawn);
    await pump(beforeMs);
    type("s");
    await pump(50);
    // The stall: nothing is read; a key is typed every second.
    const stallEnd = now() + stallMs;
    const letters = "abcdefghijklmnop";
    for (let i = 0; now() < stallEnd; i++) {
      Bun.sleepSync(Math.min(1000, Math.max(0, stallEnd - now())));
      if (now() < stallEnd - 100) type(letters[i % letters.length] as string);
    }
    await pump(1500);
    type("q");
    // The app writes its figures once the final frame is out; read until then, and a little more.
    await pump(15_000, () => existsSync(result));
    await pump(300);
    const lines = Array.from({ length: H }, (_, y) => xterm.buffer.active.getLine(y)?.translateToString(true) ?? "");
    // The probe cell (7, 5), as animate.ts reports it.
    const probeCell = xterm.buffer.active.getLine(5)?.getCell(7);
    type("x");
    let exited = false;
    void child.exited.then(() => {
      exited = true;
    });
    await pump(15_000, () => exited);
    const exitCode = await child.exited;
    const stderr = await new Response(child.stderr).text();
    if (exitCode !== 0) throw new Error(`the stall app exited with ${exitCode}: ${stderr}`);
    const r = JSON.parse(readFileSync(result, "utf8")) as {
      frames: number;
      maxRenderMs: number;
      lateness: number[];
      keys: { key: string; at: number }[];
      rssStart: number;
      rssPeak: number;
      outputError: string | null;
      final: { text: string[]; probe: { x: number; y: number; fg: number; bg: number } };
    };
    const wrongRows = r.final.text.map((t, y) => (t.trimEnd() === (lines[y] ?? "").trimEnd() ? -1 : y)).filter((y) => y >= 0);
    const cell = probeCell;
    const colorsMatch =
      cell !== undefined &&
      cell.isFgRGB() &&
      cell.isBgRGB() &&
      cell.getFgColor() === (r.final.probe.fg & 0xffffff) &&
      cell.getBgColor() === (r.final.probe.bg & 0xffffff);
    const keyLatencies = typed
      .filter((t) => !"sqx".includes(t.key))
      .map((t) => {
        const handled = r.keys.find((k) => k.key === t.key && k.at >= t.at - 1);
        return handled ? handled.at - t.at : Number.POSITIVE_INFINITY;
      });
    if (process.env.LETUI_STALL_DEBUG) console.error(JSON.stringify({ typed, keys: r.keys }));
    const late = [...r.lateness].sort((a, b) => a - b);
    return {
      runtime,
      stallMs,
      frames: r.frames,
      lateness: { p50: percentile(late, 50), p99: percentile(late, 99), max: late[late.length - 1] ?? 0 },
      keyLatencies,
      rssGrowthMB: (r.rssPeak - r.rssStart) / 1e6,
      maxRenderMs: r.maxRenderMs,
      wrongRows,
      colorsMatch,
      outputError: r.outputError,
      exitCode,
    };
  } finally {
    child.kill();
    xterm.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const runtime = (process.argv[2] ?? "bun") as Runtime;
  const stall = Number(process.argv[3] ?? 3000);
  console.log(JSON.stringify(await runStall(runtime, stall)));
}
