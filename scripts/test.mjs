#!/usr/bin/env node
// Runs every test: Rust (unit, integration, property, FFI misuse), the
// TypeScript type check, the FFI tests under valgrind, and Bun's tests
// (binding, components, terminal end-to-end tests under tmux, the API
// fuzz and the output stall on Bun, Node and Deno). Exits non-zero if any
// part fails.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bun = join(root, "node_modules", ".bin", "bun");
const tsc = join(root, "node_modules", ".bin", "tsc");

const steps = [
  ["Rust tests", "cargo", ["test", "--workspace"]],
  ["TypeScript type check", tsc, ["-p", "packages/letui/tsconfig.json", "--noEmit"]],
  ["FFI tests under valgrind", "node", ["scripts/valgrind.mjs"]],
  ["Bun tests", bun, ["test"]],
];

// Sessions cache the widths they measure per terminal (widths.ts): the
// tests' scripted terminals and tmux panes must not share the user's cache
// or each other's runs.
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), "letui-test-cache-"));

const failed = [];
for (const [name, cmd, args] of steps) {
  process.stderr.write(`\n== ${name}: ${[cmd.replace(root + "/", ""), ...args].join(" ")}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  process.stderr.write(`\nFAILED: ${failed.join(", ")}\n`);
  process.exit(1);
}
process.stderr.write("\nall tests passed\n");
