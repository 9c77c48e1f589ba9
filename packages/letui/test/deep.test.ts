/**
 * A tree 10,000 deep never overflows a stack, natively or in JS: it is
 * refused with a LetuiError at MAX_LAYOUT_DEPTH, on every runtime, and a
 * tree at the limit lays out and draws.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { FIXTURES, RUNTIMES, runtimeArgv } from "./e2e/tmux.ts";

for (const runtime of RUNTIMES) {
  describe(`deep trees on ${runtime}`, () => {
    test("at the limit they draw; 10,000 deep is a LetuiError", () => {
      const [cmd, ...args] = runtimeArgv(runtime);
      const r = spawnSync(cmd as string, [...args, join(FIXTURES, "deep.ts")], { encoding: "utf8", timeout: 60_000 });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout.trimEnd().split("\n")).toEqual([
        "elements at the limit: ok leaf",
        "elements 10000 deep: LetuiError BoxElement: the element tree would be more than 256 levels deep (MAX_LAYOUT_DEPTH)",
        "nodes at the limit: ok 0",
        expect.stringMatching(/^nodes 10000 deep: LetuiError cannot attach under layout node 0x[0-9a-f]+: the tree would be more than 256 levels deep$/),
        "done",
      ]);
    });
  });
}
