/**
 * Screens, layout trees and decoders that become unreachable without
 * dispose() have their native memory freed after GC, on every runtime:
 * the native library's live-object count comes back to where it was.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { FIXTURES, RUNTIMES, runtimeArgv } from "./e2e/tmux.ts";

const gcFlags: Record<(typeof RUNTIMES)[number], string[]> = {
  bun: [],
  node: ["--expose-gc"],
  deno: ["--v8-flags=--expose-gc"],
};

for (const runtime of RUNTIMES) {
  describe(`finalizers on ${runtime}`, () => {
    test("free every forgotten native object", () => {
      const [cmd, ...args] = runtimeArgv(runtime);
      // The flag goes before the script (and for Node before --import too).
      const argv = runtime === "node" ? [...gcFlags.node, ...args] : [...args, ...gcFlags[runtime]];
      const r = spawnSync(cmd as string, [...argv, join(FIXTURES, "finalize.ts"), "4", "500"], {
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(r.stderr).toBe("");
      const result = JSON.parse(r.stdout) as { made: number; live: number; finalized: number };
      expect(result.made).toBe(2400);
      // A conservative stack scan may keep one or two alive; before the
      // fix every Screen stayed (2000 of them).
      expect(result.live).toBeLessThanOrEqual(10);
      expect(result.finalized).toBeGreaterThanOrEqual(2390);
    }, 120_000);

    test("with LETUI_WARN_UNDISPOSED, say which object a finalizer had to free", () => {
      const [cmd, ...args] = runtimeArgv(runtime);
      const argv = runtime === "node" ? [...gcFlags.node, ...args] : [...args, ...gcFlags[runtime]];
      const r = spawnSync(cmd as string, [...argv, join(FIXTURES, "finalize.ts"), "1", "20"], {
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, LETUI_WARN_UNDISPOSED: "1" },
      });
      expect(r.stderr).toContain("letui: a Screen was garbage-collected without dispose()");
      expect(r.stderr).toContain("letui: a LayoutTree was garbage-collected without dispose()");
    }, 120_000);
  });
}
