/**
 * The seeded API fuzz (test/fuzz/api-fuzz.ts) for a few seconds per
 * runtime: a fixed seed (the same calls every run) and a fresh one (new
 * calls each run; a failure prints its seed, replay it with
 * `bun test/fuzz/api-fuzz.ts 60 <seed>`). `npm run fuzz` runs it longer.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { RUNTIMES, runtimeArgv } from "./e2e/tmux.ts";

const seconds = Number(process.env.LETUI_FUZZ_SECONDS ?? 3);
const program = join(import.meta.dir, "fuzz", "api-fuzz.ts");

for (const runtime of RUNTIMES) {
  describe(`API fuzz on ${runtime}`, () => {
    for (const seed of [20261202, Math.floor(Math.random() * 2 ** 31)]) {
      test(`seed ${seed}: only LetuiErrors, whole grids, no escapes from text`, () => {
        const [cmd, ...args] = runtimeArgv(runtime);
        const r = spawnSync(cmd as string, [...args, program, String(seconds), String(seed)], {
          encoding: "utf8",
          timeout: (seconds + 60) * 1000,
        });
        const last = r.stdout.trim().split("\n").pop() ?? "";
        expect({ status: r.status, stderr: r.stderr, last }).toMatchObject({ status: 0, stderr: "" });
        const result = JSON.parse(last) as { calls: number; broken?: string };
        expect(result.broken).toBeUndefined();
        expect(result.calls).toBeGreaterThan(1000);
      }, (seconds + 60) * 1000);
    }
  });
}
