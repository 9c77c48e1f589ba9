/**
 * A component app against the same screen drawn with the low-level Screen
 * API, each run as a user's process runs: in a terminal (tmux, 120x40),
 * writing to its pty. Both draw a dashboard of three bordered panels where
 * three values change per frame; each reports its whole-process CPU per
 * frame (benches/versus-app.ts). Target: the app costs at most 2x.
 *
 * Run: node_modules/.bin/bun benches/versus.bench.ts [frames]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..");
const frames = Number(process.argv[2] ?? 30000);
const dir = mkdtempSync(join(tmpdir(), "letui-versus-"));
const tmux = (...args: string[]) => Bun.spawnSync(["tmux", "-L", "letui-versus-bench", ...args]).stdout.toString().trim();

async function measure(mode: string, run: number): Promise<{ cpu: number; bytes: number; screen: string }> {
  const out = join(dir, `${mode}-${run}`);
  tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", mode, `${join(ROOT, "node_modules/.bin/bun")} ${join(ROOT, "benches/versus-app.ts")} ${mode} ${frames} ${out}; sleep 30`);
  let screen = "";
  for (let i = 0; i < 1200 && !existsSync(out); i++) {
    if (i === 8) screen = tmux("capture-pane", "-p", "-t", mode);
    await Bun.sleep(100);
  }
  await Bun.sleep(100);
  tmux("kill-session", "-t", mode);
  const [cpu, bytes] = readFileSync(out, "utf8").trim().split(" ").map(Number);
  return { cpu: cpu ?? Number.NaN, bytes: bytes ?? Number.NaN, screen };
}

if (Bun.spawnSync(["sh", "-c", "command -v tmux"]).exitCode !== 0) {
  console.log("versus: skipped (no tmux)");
} else {
  // Alternate the two, so that a noisy neighbour hits both alike.
  const runs: Record<string, number[]> = { app: [], screen: [] };
  const shots: Record<string, string> = {};
  const bytes: Record<string, number> = {};
  for (let r = 0; r < 3; r++) {
    for (const mode of ["screen", "app"]) {
      const m = await measure(mode, r);
      runs[mode]?.push(m.cpu);
      shots[mode] = m.screen;
      bytes[mode] = m.bytes;
    }
  }
  tmux("kill-server");
  rmSync(dir, { recursive: true, force: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const app = median(runs.app as number[]);
  const screen = median(runs.screen as number[]);
  console.log(`screen API: ${screen.toFixed(1)} us CPU/frame, ${bytes.screen?.toFixed(1)} bytes/frame (runs ${runs.screen?.map((x) => x.toFixed(1)).join(", ")})`);
  console.log(`component app: ${app.toFixed(1)} us CPU/frame, ${bytes.app?.toFixed(1)} bytes/frame (runs ${runs.app?.map((x) => x.toFixed(1)).join(", ")})`);
  console.log(`component app / screen API: ${(app / screen).toFixed(2)}x (target 2x), ${frames} frames each, in a 120x40 pty`);
  if (process.env.VERSUS_SHOW) for (const [k, v] of Object.entries(shots)) console.log(`--- ${k}\n${v}`);
}
