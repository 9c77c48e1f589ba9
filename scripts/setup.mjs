#!/usr/bin/env node
// Prepares a checkout: installs the JavaScript tools (Bun, Deno,
// TypeScript, koffi) from npm, then builds the native library. Safe to
// run often: each step does nothing when its result is already there, and
// cargo is not run while the library is newer than every Rust source.
//
// --quiet (used by `npm run demo`) prints one line per step that has work
// to do, and hides the tools' own output.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "node_modules", ".bin");
const quiet = process.argv.includes("--quiet");
const library = join(root, "target", "release", process.platform === "darwin" ? "libletui.dylib" : process.platform === "win32" ? "letui.dll" : "libletui.so");

function say(msg) {
  process.stderr.write(`[setup] ${msg}\n`);
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
  if (r.error || r.status !== 0) {
    say(`${what} failed (${cmd} ${args.join(" ")})${r.error ? `: ${r.error.message}` : ""}`);
    process.exit(r.status ?? 1);
  }
}

function works(tool) {
  try {
    execFileSync(join(bin, tool), ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

if (!existsSync(join(root, "node_modules", "typescript")) || !existsSync(join(root, "node_modules", "koffi")) || !works("bun") || !works("deno")) {
  say("installing the JavaScript tools with npm (Bun, Deno, TypeScript, koffi; about 20 s the first time)");
  run("npm", ["install", "--no-audit", "--no-fund", ...(quiet ? ["--loglevel=error"] : [])], "npm install");
}
if (!works("bun") && existsSync(join(root, "node_modules", "bun", "install.js"))) {
  // npm may skip install scripts (npm 11 does by default); the bun
  // package's script puts the platform binary in place.
  run("node", [join(root, "node_modules", "bun", "install.js")], "the bun package's install script");
}
for (const tool of ["bun", "deno"]) {
  if (!works(tool)) {
    say(`${join(bin, tool)} does not run; try \`npm install\` again`);
    process.exit(1);
  }
}

/** The newest modification time of the files the native library is built from. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== "target" && name !== "fuzz") visit(join(path, name));
    } else if (/\.(rs|toml|h)$/.test(path)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of ["Cargo.toml", "Cargo.lock", join("crates", "letui-core"), join("crates", "letui-ffi")]) visit(join(root, p));
  return newest;
}

if (existsSync(library) && statSync(library).mtimeMs >= newestSource()) {
  if (!quiet) say(`the native library is up to date (${library})`);
} else {
  say(`building the native library with cargo (cargo build --release -p letui-ffi; about a minute the first time, seconds afterwards)`);
  run("cargo", ["build", "--release", "-p", "letui-ffi", ...(quiet ? ["--quiet"] : [])], "the native build");
}
