/**
 * Capability negotiation against a scripted terminal on a pty: the test
 * answers the session's queries as a terminal would and checks what the
 * session turns on, and that leaving turns it off. tmux 3.3a answers
 * neither the kitty query nor DECRQM, so this is where the kitty and
 * grapheme-cluster paths are exercised.
 */
import { describe, expect, test } from "bun:test";
import { closeSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeSlave, openPty, readSome, writeAll } from "../pty.ts";
import { RUNTIMES, type Runtime, runtimeArgv } from "./tmux.ts";

const fixture = join(import.meta.dir, "fixtures", "negotiate.ts");
const enc = new TextEncoder();
const dec = new TextDecoder();

/** How wide a scripted terminal draws each width probe (undefined: it does not report the cursor). */
type Measure = ((probe: string) => number) | undefined;

const GRAPHEMES: Measure = (p) => (p === "\u00b1" ? 1 : 2);
const PER_CODE_POINT: Measure = (p) => (p === "\u00b1" ? 1 : 4);
const AMBIGUOUS_WIDE: Measure = () => 2;

/**
 * Runs the fixture, answering its DA1 query with `answer` (and, first, the
 * cursor position after each width probe, as `measure` says), and returns
 * everything it wrote. The widths cache lives in `cache`.
 */
async function session(runtime: Runtime, answer: string, measure?: Measure, cache = mkdtempSync(join(tmpdir(), "letui-neg-cache-"))): Promise<string> {
  const pty = openPty(80, 24);
  const child = Bun.spawn([...runtimeArgv(runtime), fixture], { stdin: pty.slave, stdout: pty.slave, stderr: "pipe", env: { ...process.env, XDG_CACHE_HOME: cache } });
  closeSlave(pty);
  const buf = new Uint8Array(1 << 16);
  let out = "";
  let answered = false;
  let quit = false;
  const end = Date.now() + 15_000;
  try {
    while (Date.now() < end) {
      const n = readSome(pty.master, buf, 50);
      if (n < 0) break;
      out += dec.decode(buf.subarray(0, n));
      if (!answered && out.includes("\x1b[c")) {
        if (measure) {
          for (const m of out.matchAll(/\x1b\[8m(.*?)\x1b\[28m\x1b\[6n/gu)) writeAll(pty.master, enc.encode(`\x1b[1;${1 + measure(m[1] as string)}R`));
        }
        writeAll(pty.master, enc.encode(answer));
        answered = true;
      }
      if (!quit && out.includes("READY")) {
        writeAll(pty.master, enc.encode("q"));
        quit = true;
      }
      if (quit && child.exitCode !== null) break;
      await Bun.sleep(0);
    }
    await child.exited;
    expect(child.exitCode).toBe(0);
    return out;
  } finally {
    child.kill();
    closeSync(pty.master);
  }
}

for (const runtime of RUNTIMES) {
describe(`capability negotiation on ${runtime}`, () => {
  test("a kitty terminal with mode 2027 off: protocol pushed and popped, clusters on and off", async () => {
    const out = await session(runtime, "\x1b[?0u\x1b[?2027;2$y\x1b[?62;22c");
    // The queries, the width probes (see below), then DA1, in one write.
    expect(out).toMatch(/\x1b\[\?u\x1b\[\?2027\$p\x1b\[\?2026h[^]*\x1b\[\?2026l\x1b\[c/u);
    expect(out).toContain("\x1b[?2027h");
    expect(out).toContain("\x1b[>3u");
    expect(out).toContain("READY kitty=true");
    const leave = out.slice(out.indexOf("READY"));
    expect(leave).toContain("\x1b[<u");
    expect(leave).toContain("\x1b[?2027l");
    expect(out).not.toContain("\x1b[>4;1m");
  }, 30_000);

  test("a legacy terminal: modifyOtherKeys instead, and no mode 2027", async () => {
    const out = await session(runtime, "\x1b[?62;22c");
    expect(out).toContain("READY kitty=false");
    expect(out).toContain("\x1b[>4;1m");
    expect(out).not.toContain("\x1b[?2027h");
    expect(out).not.toContain("\x1b[>3u");
    expect(out.slice(out.indexOf("READY"))).toContain("\x1b[>4;0m");
  }, 30_000);

  test("mode 2027 already on is left alone", async () => {
    const out = await session(runtime, "\x1b[?2027;3$y\x1b[?62c");
    expect(out).not.toContain("\x1b[?2027h");
    expect(out).not.toContain("\x1b[?2027l");
  }, 30_000);

  test("the widths are measured in the same round trip, invisibly, and cached per terminal", async () => {
    const cache = mkdtempSync(join(tmpdir(), "letui-neg-cache-"));
    const out = await session(runtime, "\x1b[?62c", PER_CODE_POINT, cache);
    expect(out).toContain("widths=per-code-point,narrow");
    // Each probe concealed, its row erased, all in one synchronized update
    // that restores the cursor, before DA1.
    const probes = /\x1b\[\?2026h\x1b7(?:\x1b\[1;1H\x1b\[8m[^\x1b]+\x1b\[28m\x1b\[6n){2}\x1b\[1;1H\x1b\[2K\x1b8\x1b\[\?2026l\x1b\[c/u;
    expect(out).toMatch(probes);
    expect(out.replace(probes, "")).not.toContain("\u{1f3fd}");
    // Next time the terminal does not report the cursor: the cached profile.
    expect(await session(runtime, "\x1b[?62c", undefined, cache)).toContain("widths=per-code-point,narrow");
  }, 30_000);

  test("a clustering terminal, and one with wide ambiguous characters", async () => {
    expect(await session(runtime, "\x1b[?62c", GRAPHEMES)).toContain("widths=graphemes,narrow");
    expect(await session(runtime, "\x1b[?62c", AMBIGUOUS_WIDE)).toContain("widths=graphemes,wide");
  }, 30_000);
});
}
