#!/usr/bin/env node
// Runs the C ABI tests (crates/letui-ffi: unit, misuse, allocation,
// layout misuse) under valgrind: any invalid read or write, use of
// uninitialised memory, or bad free fails the run. Leaks are not counted
// (the tests leak on purpose where they check that misuse is refused).
// Needs valgrind; under CI its absence is a failure, elsewhere a skip.
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (spawnSync("valgrind", ["--version"]).status !== 0) {
  if (process.env.CI) {
    console.error("valgrind is not installed (apt-get install valgrind)");
    process.exit(1);
  }
  console.error("valgrind is not installed: skipping the FFI tests under valgrind");
  process.exit(0);
}

const json = execFileSync("cargo", ["test", "-p", "letui-ffi", "--no-run", "--message-format=json"], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
  maxBuffer: 64 << 20,
});
const binaries = json
  .split("\n")
  .filter((l) => l.startsWith("{"))
  .map((l) => JSON.parse(l))
  .filter((m) => m.reason === "compiler-artifact" && m.executable && m.profile?.test)
  .map((m) => m.executable);
if (binaries.length === 0) {
  console.error("no FFI test binaries were built");
  process.exit(1);
}
let failed = 0;
for (const bin of binaries) {
  const r = spawnSync(
    "valgrind",
    ["--quiet", "--error-exitcode=99", "--errors-for-leak-kinds=none", "--track-origins=yes", bin, "--test-threads=1"],
    { cwd: root, encoding: "utf8" },
  );
  const name = bin.split("/").pop();
  const summary = (r.stdout.match(/test result: .*/) ?? ["(no result)"])[0];
  if (r.status !== 0) {
    failed++;
    console.error(`valgrind: ${name} FAILED (status ${r.status})\n${r.stderr}`);
  } else {
    console.error(`valgrind: ${name}: clean, ${summary}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
