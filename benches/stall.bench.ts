/**
 * A 10 s output stall of a 200x60 truecolor animation (every cell changes
 * every frame) on a pty, per runtime: timer lateness (p50/p99/max), the
 * latency from typing a key to its handler during the stall, RSS growth,
 * the longest render() call, and whether the final screen matched the
 * app's exactly. Targets: p99 <= 5 ms, keys <= 5 ms, RSS <= 10 MB.
 *
 *   bun benches/stall.bench.ts [seconds=10]
 */
import { RUNTIMES } from "../packages/letui/test/e2e/tmux.ts";
import { runStall } from "../packages/letui/test/stall/harness.ts";

const seconds = Number(process.argv[2] ?? 10);
const f = (n: number) => n.toFixed(2);
for (const runtime of RUNTIMES) {
  const r = await runStall(runtime, seconds * 1000);
  const keys = [...r.keyLatencies].sort((a, b) => a - b);
  console.log(
    `stall ${runtime} ${seconds}s: timers p50 ${f(r.lateness.p50)} ms, p99 ${f(r.lateness.p99)} ms, max ${f(r.lateness.max)} ms; ` +
      `keys ${keys.map(f).join("/")} ms (max ${f(keys[keys.length - 1] ?? 0)}); RSS +${f(r.rssGrowthMB)} MB; ` +
      `longest render ${f(r.maxRenderMs)} ms; ${r.frames} frames drawn; final screen ${r.wrongRows.length === 0 && r.colorsMatch ? "exact" : `WRONG rows ${r.wrongRows.join(",")}`}`,
  );
}
