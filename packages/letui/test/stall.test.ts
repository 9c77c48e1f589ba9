/**
 * Output never blocks the event loop: a 200x60 truecolor animation runs on
 * a pty whose reader stops for 3 s. Keys typed during the stall are
 * handled at once and timers keep running (the bounds here are loose, a
 * blocked loop misses them by seconds; benches/stall.bench.ts prints the
 * real figures), memory stays flat, no error is reported, and after the
 * stall the terminal shows exactly the app's last frame, colors included.
 */
import { describe, expect, test } from "bun:test";
import { RUNTIMES } from "./e2e/tmux.ts";
import { runStall } from "./stall/harness.ts";

for (const runtime of RUNTIMES) {
  describe(`an output stall on ${runtime}`, () => {
    test("keys and timers keep going, memory stays flat, the final screen is exact", async () => {
      const r = await runStall(runtime, 3000);
      expect(r.keyLatencies.length).toBeGreaterThanOrEqual(2);
      for (const ms of r.keyLatencies) expect(ms).toBeLessThan(1000);
      expect(r.lateness.max).toBeLessThan(1000);
      expect(r.maxRenderMs).toBeLessThan(1000);
      expect(r.rssGrowthMB).toBeLessThan(50);
      expect(r.outputError).toBeNull();
      expect(r.wrongRows).toEqual([]);
      expect(r.colorsMatch).toBe(true);
    }, 60_000);
  });
}
