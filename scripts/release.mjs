#!/usr/bin/env node
// Builds the npm packages: `letui` (compiled ESM + .d.ts, README,
// LICENSE) and one package per platform carrying the prebuilt native
// library, pulled in by `letui` as optional dependencies.
//
//   node scripts/release.mjs local        this platform's package + letui, packed into .build/tarballs
//   node scripts/release.mjs build <key>  one platform package (a CI matrix job per key, on a runner of that OS)
//   node scripts/release.mjs main         the letui package
//   node scripts/release.mjs pack         npm pack everything assembled in .build/packages
//   node scripts/release.mjs matrix       the platform keys, runners and Rust targets as JSON (for a CI matrix)
//
// Linux libraries are linked against glibc 2.28 with cargo-zigbuild (zig
// from the PyPI package `ziglang`, installed into .build/tools on first
// use), so that they load on any distribution from 2018 on.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const build = join(root, ".build");
const packages = join(build, "packages");
const tarballs = join(build, "tarballs");
const tools = join(build, "tools");

/** Oldest glibc the Linux libraries load on. */
export const GLIBC = "2.28";

/** The prebuilt platforms: package key, Rust target, CI runner, npm os/cpu/libc, library file. */
export const MATRIX = [
  { key: "linux-x64-gnu", target: "x86_64-unknown-linux-gnu", runner: "ubuntu-latest", os: "linux", cpu: "x64", libc: "glibc", file: "libletui.so" },
  { key: "linux-arm64-gnu", target: "aarch64-unknown-linux-gnu", runner: "ubuntu-24.04-arm", os: "linux", cpu: "arm64", libc: "glibc", file: "libletui.so" },
  { key: "darwin-x64", target: "x86_64-apple-darwin", runner: "macos-13", os: "darwin", cpu: "x64", file: "libletui.dylib" },
  { key: "darwin-arm64", target: "aarch64-apple-darwin", runner: "macos-14", os: "darwin", cpu: "arm64", file: "libletui.dylib" },
  { key: "win32-x64-msvc", target: "x86_64-pc-windows-msvc", runner: "windows-latest", os: "win32", cpu: "x64", file: "letui.dll" },
];

const quiet = process.argv.includes("--quiet");

function log(msg) {
  if (!quiet) process.stderr.write(`[release] ${msg}\n`);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"], ...options });
  if (r.error) throw new Error(`${cmd} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with status ${r.status}`);
}

function version() {
  return JSON.parse(readFileSync(join(root, "packages", "letui", "package.json"), "utf8")).version;
}

/** The matrix entry of the machine this runs on, if it has one. */
export function hostEntry() {
  const key = process.platform === "linux" ? `linux-${process.arch}-gnu` : process.platform === "win32" ? `win32-${process.arch}-msvc` : `${process.platform}-${process.arch}`;
  return MATRIX.find((e) => e.key === key);
}

/** An environment with zig and cargo-zigbuild on the PATH, installing them into .build/tools when missing. */
function zigEnv() {
  const env = { ...process.env, PATH: `${join(tools, "bin")}${delimiter}${process.env.PATH ?? ""}`, PYTHONPATH: tools };
  const works = () => spawnSync("cargo-zigbuild", ["--version"], { env, stdio: "ignore" }).status === 0 && spawnSync("python3", ["-m", "ziglang", "version"], { env, stdio: "ignore" }).status === 0;
  if (!works()) {
    log("installing zig and cargo-zigbuild from PyPI into .build/tools (once, about 10 s)");
    run("python3", ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", tools, "ziglang==0.17.1", "cargo-zigbuild==0.24.1"], { env });
    if (!works()) throw new Error("zig or cargo-zigbuild does not run after installing them into .build/tools");
  }
  return env;
}

/** Builds the native library for a matrix entry; returns its path. */
export function buildLibrary(entry) {
  const args = ["--profile", "dist", "-p", "letui-ffi", ...(quiet ? ["--quiet"] : [])];
  if (entry.libc === "glibc") {
    log(`building ${entry.file} for ${entry.key} against glibc ${GLIBC} (cargo zigbuild, about 30 s)`);
    run("cargo", ["zigbuild", ...args, "--target", `${entry.target}.${GLIBC}`], { env: zigEnv() });
  } else {
    log(`building ${entry.file} for ${entry.key} (cargo build)`);
    run("cargo", ["build", ...args, "--target", entry.target]);
  }
  const path = join(root, "target", entry.target, "dist", entry.file);
  if (!existsSync(path)) throw new Error(`the build did not produce ${path}`);
  return path;
}

/** Writes the platform package of `entry` with the library at `library`. */
export function assemblePlatform(entry, library) {
  const dir = join(packages, entry.key);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(library, join(dir, entry.file));
  copyFileSync(join(root, "LICENSE"), join(dir, "LICENSE"));
  const manifest = {
    name: `@letui/${entry.key}`,
    version: version(),
    description: `The letui native library for ${entry.key}${entry.libc === "glibc" ? ` (glibc ${GLIBC} or newer)` : ""}`,
    os: [entry.os],
    cpu: [entry.cpu],
    ...(entry.libc ? { libc: [entry.libc] } : {}),
    files: [entry.file, "LICENSE"],
    letui: { library: entry.file },
    license: "MIT",
    repository: { type: "git", url: "https://github.com/letui/letui" },
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, "README.md"), `# ${manifest.name}\n\n${manifest.description}. Installed by \`letui\` as an optional dependency; do not depend on it directly.\n`);
  return dir;
}

/** Writes the `letui` package: compiled JavaScript and declarations, README, LICENSE, the published manifest. */
export function assembleMain() {
  const dir = join(packages, "letui");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log("compiling TypeScript to ESM and declarations");
  run(join(root, "node_modules", ".bin", "tsc"), ["-p", join(root, "packages", "letui", "tsconfig.build.json"), "--outDir", join(dir, "dist")]);
  const dev = JSON.parse(readFileSync(join(root, "packages", "letui", "package.json"), "utf8"));
  const exports = {};
  for (const [sub, target] of Object.entries(dev.exports)) {
    if (typeof target === "string") {
      exports[sub] = target;
      continue;
    }
    const js = target.default;
    exports[sub] = { types: js.replace(/\.js$/, ".d.ts"), default: js };
  }
  const manifest = {
    name: dev.name,
    version: dev.version,
    description: dev.description,
    keywords: ["terminal", "tui", "cli", "ui", "console", "bun", "deno", "node"],
    type: "module",
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports,
    bin: dev.bin,
    files: ["dist", "bin", "README.md", "LICENSE"],
    dependencies: dev.dependencies,
    optionalDependencies: Object.fromEntries(MATRIX.map((e) => [`@letui/${e.key}`, dev.version])),
    engines: dev.engines,
    license: dev.license,
    repository: { type: "git", url: "https://github.com/letui/letui" },
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(join(root, "README.md"), join(dir, "README.md"));
  copyFileSync(join(root, "LICENSE"), join(dir, "LICENSE"));
  cpSync(join(root, "packages", "letui", "bin"), join(dir, "bin"), { recursive: true });
  return dir;
}

/** Packs every assembled package into .build/tarballs; returns the tarball paths by package name. */
export function pack() {
  rmSync(tarballs, { recursive: true, force: true });
  mkdirSync(tarballs, { recursive: true });
  const out = {};
  for (const name of readdirSync(packages)) {
    const dir = join(packages, name);
    const r = spawnSync("npm", ["pack", "--json", "--pack-destination", tarballs], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (r.status !== 0) throw new Error(`npm pack failed in ${dir}`);
    const [info] = JSON.parse(r.stdout);
    out[info.name] = join(tarballs, info.filename);
  }
  return out;
}

/** Builds this platform's package and letui, and packs both. */
export function local() {
  const entry = hostEntry();
  if (!entry) throw new Error(`no prebuilt package is defined for ${process.platform}-${process.arch}`);
  rmSync(packages, { recursive: true, force: true });
  assemblePlatform(entry, buildLibrary(entry));
  assembleMain();
  return pack();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, arg] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  try {
    if (cmd === "local") process.stdout.write(`${JSON.stringify(local(), null, 2)}\n`);
    else if (cmd === "build") {
      const entry = MATRIX.find((e) => e.key === arg);
      if (!entry) throw new Error(`unknown platform ${arg}; one of ${MATRIX.map((e) => e.key).join(", ")}`);
      assemblePlatform(entry, buildLibrary(entry));
    } else if (cmd === "main") assembleMain();
    else if (cmd === "pack") process.stdout.write(`${JSON.stringify(pack(), null, 2)}\n`);
    else if (cmd === "matrix") process.stdout.write(`${JSON.stringify(MATRIX)}\n`);
    else throw new Error("usage: node scripts/release.mjs local | build <key> | main | pack | matrix");
  } catch (e) {
    process.stderr.write(`[release] ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
