#!/usr/bin/env node
// Prepares a fresh checkout: installs Bun (the npm package `bun`) and the
// TypeScript tools, then builds the native library. Safe to run often:
// each step does nothing when its result is already there.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bun = join(root, "node_modules", ".bin", "bun");
const quiet = process.argv.includes("--quiet");

function log(msg) {
  if (!quiet) process.stderr.write(`[setup] ${msg}\n`);
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
  if (r.status !== 0) {
    process.stderr.write(`[setup] ${what} failed (${cmd} ${args.join(" ")})\n`);
    process.exit(r.status ?? 1);
  }
}

function bunWorks() {
  try {
    execFileSync(bun, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

if (!existsSync(join(root, "node_modules", "typescript")) || !bunWorks()) {
  log("installing JavaScript dependencies (Bun, TypeScript)");
  run("npm", ["install", "--no-audit", "--no-fund"], "npm install");
}
if (!bunWorks() && existsSync(join(root, "node_modules", "bun", "install.js"))) {
  // Some npm setups skip install scripts; the bun package's script puts
  // the platform binary in place.
  log("running the bun package's install script");
  run("node", [join(root, "node_modules", "bun", "install.js")], "bun install script");
}
if (!bunWorks()) {
  process.stderr.write(`[setup] ${bun} does not run; try \`npm install\` again\n`);
  process.exit(1);
}

log("building the native library (cargo build --release -p letui-ffi)");
run("cargo", ["build", "--release", "-p", "letui-ffi", ...(quiet ? ["--quiet"] : [])], "native build");
