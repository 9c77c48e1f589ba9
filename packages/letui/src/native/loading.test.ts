/**
 * A library that cannot be used gives one clear LetuiError on every
 * runtime, never a crash: missing, built for another architecture, or
 * needing a newer glibc than the system has. Each case runs a program on
 * Bun, Node and Deno with LETUI_LIB pointing to a damaged copy of the
 * real library.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RUNTIMES, runtimeArgv } from "../../test/e2e/tmux.ts";
import { libraryPath, native } from "./library.ts";

native();
const real = libraryPath() as string;
const dir = mkdtempSync(join(tmpdir(), "letui-loading-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the library with `edit` applied to its bytes. */
function damaged(name: string, edit: (b: Buffer) => void): string {
  const path = join(dir, name);
  copyFileSync(real, path);
  const b = readFileSync(path);
  edit(b);
  writeFileSync(path, b);
  return path;
}

const wrongArch = damaged("arm64.so", (b) => b.writeUInt16LE(183, 0x12)); // e_machine: AArch64
const newGlibc = damaged("glibc.so", (b) => {
  // Rename a needed version to one no glibc has: the loader refuses it.
  const at = b.indexOf("GLIBC_2.18\0", 0, "latin1");
  if (at < 0) throw new Error("the library needs no GLIBC_2.18 symbol to rename");
  b.write("GLIBC_9.18", at, "latin1");
});

const program = join(dir, "probe.ts");
writeFileSync(
  program,
  `import { Screen } from ${JSON.stringify(join(import.meta.dir, "..", "screen-api.ts"))};
try {
  new Screen({ width: 10, height: 2, fd: null });
  console.log("LOADED");
} catch (e) {
  console.log(\`\${e.name} (\${e.status}): \${e.message}\`);
}
`,
);

function probe(runtime: (typeof RUNTIMES)[number], lib: string): { out: string; status: number | null } {
  const [cmd, ...args] = runtimeArgv(runtime);
  const r = spawnSync(cmd as string, [...args, program], { encoding: "utf8", env: { ...process.env, LETUI_LIB: lib }, timeout: 60_000 });
  return { out: r.stdout + r.stderr, status: r.status };
}

for (const runtime of RUNTIMES) {
  describe(`an unusable library on ${runtime}`, () => {
    test("a missing file", () => {
      const { out, status } = probe(runtime, join(dir, "nothing-here.so"));
      expect(status).toBe(0);
      expect(out).toContain("LetuiError (Unsupported): letui could not load its native library");
      expect(out).toContain(`LETUI_LIB ${join(dir, "nothing-here.so")}: the file does not exist`);
      expect(out).toContain("To fix: unset LETUI_LIB");
    }, 60_000);

    test("a library for another architecture", () => {
      const { out, status } = probe(runtime, wrongArch);
      expect(status).toBe(0);
      expect(out).toContain("LetuiError (Unsupported): letui could not load its native library");
      expect(out).toContain("(the library was built for another architecture or system)");
    }, 60_000);

    test("a library that needs a newer glibc", () => {
      const { out, status } = probe(runtime, newGlibc);
      expect(status).toBe(0);
      expect(out).toContain("LetuiError (Unsupported): letui could not load its native library");
      expect(out).toContain("(the library needs glibc 9.18 or newer than this system has)");
    }, 60_000);

    test("the real library loads", () => {
      expect(probe(runtime, real).out.trim()).toBe("LOADED");
    }, 60_000);
  });
}
