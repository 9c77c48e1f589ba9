/**
 * letui on Bun, Node and Deno, measured in one run:
 *
 * - per-frame CPU of the repo's own frame benches (benches/app.bench.ts:
 *   a 120x40 dashboard where one Text changes per frame; and
 *   benches/screen.bench.ts: full-screen 200x60 truecolor frames), on
 *   each runtime, with the ratio to Bun (target: Node and Deno <= 1.5x);
 * - the dashboard bench on Bun with `LETUI_TRACE` unset and set (the
 *   trace off must cost nothing; on, its cost is reported);
 * - cold start to the first frame of a component app in a real
 *   pseudo-terminal (median of 5 starts per runtime).
 *
 * Node runs the bench files through scripts/node-ts.mjs (types stripped)
 * against the compiled package in packages/letui/dist, which this script
 * builds first.
 *
 * Run: node_modules/.bin/bun benches/runtimes.bench.ts
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeSlave, openPty, readSome, writeAll } from "../packages/letui/test/pty.ts";

const root = join(import.meta.dir, "..");
const RUNTIMES = ["bun", "node", "deno"] as const;
type Runtime = (typeof RUNTIMES)[number];

function argv(runtime: Runtime): string[] {
  if (runtime === "bun") return [process.execPath];
  if (runtime === "node") return ["node", "--import", join(root, "scripts", "node-ts.mjs")];
  return [join(root, "node_modules", ".bin", "deno"), "run", "-A", "--quiet"];
}

function runBench(runtime: Runtime, file: string, env: Record<string, string | undefined> = {}): string {
  const [cmd, ...args] = argv(runtime);
  const r = spawnSync(cmd as string, [...args, join(root, "benches", file)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`${runtime} ${file} failed:\n${r.stderr}`);
  return r.stdout;
}

/** `name: ... N us CPU/frame` lines of a bench's output. */
function cpuPerFrame(out: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of out.split("\n")) {
    const hit = /^(.*?): .*?([\d.]+) us CPU\/frame/.exec(line);
    if (hit) m.set(hit[1] as string, Number(hit[2]));
  }
  return m;
}

const built = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(root, "packages", "letui", "tsconfig.build.json")], { stdio: "inherit" });
if (built.status !== 0) throw new Error("building packages/letui/dist failed");

console.log("CPU per frame on each runtime (us; ratio to Bun)");
const results = new Map<Runtime, Map<string, number>>();
for (const rt of RUNTIMES) {
  const m = new Map([...cpuPerFrame(runBench(rt, "app.bench.ts")), ...cpuPerFrame(runBench(rt, "screen.bench.ts"))]);
  results.set(rt, m);
}
const bun = results.get("bun") as Map<string, number>;
for (const [name, base] of bun) {
  const cells = RUNTIMES.map((rt) => {
    const v = results.get(rt)?.get(name) ?? NaN;
    return `${rt} ${v.toFixed(1).padStart(7)}${rt === "bun" ? "" : ` (${(v / base).toFixed(2)}x)`}`;
  });
  console.log(`  ${name.padEnd(46)} ${cells.join("  ")}`);
}

console.log("\nLETUI_TRACE on the dashboard bench, Bun (us CPU/frame)");
const dir = mkdtempSync(join(tmpdir(), "letui-trace-"));
try {
  const key = "one Text per frame, 120x40";
  const off = [0, 1, 2].map(() => cpuPerFrame(runBench("bun", "app.bench.ts")).get(key) ?? NaN);
  const on = [0, 1, 2].map((i) => cpuPerFrame(runBench("bun", "app.bench.ts", { LETUI_TRACE: join(dir, `trace-${i}.log`) })).get(key) ?? NaN);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
  console.log(`  trace off ${off.map((v) => v.toFixed(1)).join(" / ")}  (median ${med(off).toFixed(1)}; the untraced functions are the FFI's own)`);
  console.log(`  trace on  ${on.map((v) => v.toFixed(1)).join(" / ")}  (median ${med(on).toFixed(1)}, ${(med(on) / med(off)).toFixed(2)}x)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log("\ncold start to the first frame in a pty (ms, median of 5)");
const dec = new TextDecoder();
const enc = new TextEncoder();
for (const rt of RUNTIMES) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const pty = openPty(80, 24);
    // Plain JavaScript: Node runs it without the TypeScript loader.
    const [cmd, ...args] = rt === "node" ? ["node"] : argv(rt);
    const t0 = performance.now();
    const child = Bun.spawn([cmd as string, ...args, join(root, "benches", "startup-app.mjs")], { cwd: root, stdin: pty.slave, stdout: pty.slave, stderr: "inherit" });
    closeSlave(pty);
    const buf = new Uint8Array(1 << 16);
    let seen = "";
    const end = Date.now() + 20_000;
    while (!seen.includes("clicked 0 times") && Date.now() < end) {
      const n = readSome(pty.master, buf, 50);
      if (n < 0) break;
      seen += dec.decode(buf.subarray(0, n));
      // No answer to the capability queries: the first frame comes
      // before the negotiation timeout, as on a terminal that is slow.
      if (seen.includes("\x1b[c")) {
        seen = seen.replace("\x1b[c", "");
        writeAll(pty.master, enc.encode("\x1b[?62;22c"));
      }
    }
    times.push(performance.now() - t0);
    child.kill();
    await child.exited;
    closeSync(pty.master);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${rt.padEnd(5)} ${(times[2] as number).toFixed(0)} ms  (all: ${times.map((t) => t.toFixed(0)).join(", ")})`);
}
