#!/usr/bin/env node
// Runs the benchmarks and prints their figures: the Rust criterion benches
// of the core (render, input, layout) and the Bun benches in benches/.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bun = join(root, "node_modules", ".bin", "bun");
const only = process.argv[2];

function run(cmd, args) {
  process.stderr.write(`\n== ${cmd.replace(root + "/", "")} ${args.join(" ")}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exitCode = 1;
}

if (!only || only === "rust") run("cargo", ["bench", "-p", "letui-core"]);
if (!only || only === "bun") {
  for (const f of readdirSync(join(root, "benches")).filter((f) => f.endsWith(".bench.ts")).sort()) {
    run(bun, [join("benches", f)]);
  }
}
