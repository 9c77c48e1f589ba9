/**
 * The packages as users get them: `scripts/release.mjs local` builds and
 * packs `letui` and this platform's library package, npm installs the
 * tarballs into a new project outside the workspace (no links), and
 * there, on Bun, Node and Deno, a headless render works, a `run()` app
 * runs in a real terminal (tmux) and quits with `q`, and every README
 * snippet runs as written.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { available, BUN, expectRestored, marker, paneModes, RESTORED_FORMATS, ROOT, RUNTIMES, type Runtime, saveSettings, sh, sttyFlags, TmuxServer } from "../e2e/tmux.ts";
import { neededVersions, newestGlibc } from "../support/elf.ts";

const DENO = join(ROOT, "node_modules", ".bin", "deno");
const TIMEOUT = 60_000;

/** The README's code blocks marked `<!-- readme-test: name -->`, by name. */
function readmeSnippets(): Map<string, string> {
  const text = readFileSync(join(ROOT, "README.md"), "utf8");
  const out = new Map<string, string>();
  for (const m of text.matchAll(/<!-- readme-test: (\w+) -->\n```ts\n([\s\S]*?)```/g)) out.set(m[1] as string, m[2] as string);
  return out;
}

function sh0(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, LETUI_LIB: undefined, ...env }, timeout: 300_000 });
  if (r.error) throw r.error;
  return r;
}

// Build, pack and install once for the whole file (several minutes the
// first time: the native build; seconds afterwards).
const packed = sh0("node", ["scripts/release.mjs", "local", "--quiet"], ROOT);
if (packed.status !== 0) throw new Error(`scripts/release.mjs local failed:\n${packed.stderr}`);
const tarballs = JSON.parse(packed.stdout) as Record<string, string>;
const platformTarball = Object.entries(tarballs).find(([name]) => name.startsWith("@letui/"))?.[1] as string;
const mainTarball = tarballs.letui as string;

const project = mkdtempSync(join(tmpdir(), "letui-fresh-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));
writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "fresh-app", private: true, type: "module" }, null, 2)}\n`);
const installed = sh0("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", mainTarball, platformTarball], project);
if (installed.status !== 0) throw new Error(`npm install of the tarballs failed:\n${installed.stderr}`);

const snippets = readmeSnippets();
for (const [name, code] of snippets) {
  writeFileSync(join(project, `${name}.ts`), code);
  // The snippets are plain JavaScript too: Node 20 runs the .mjs copy.
  writeFileSync(join(project, `${name}.mjs`), code);
}
writeFileSync(join(project, "headless.test.ts"), snippets.get("headless") ?? "");

writeFileSync(
  join(project, "render.mjs"),
  `import { Box, Button, computed, signal, Text } from "letui";
import { render } from "letui/testing";
const count = signal(0);
const t = await render(
  () => Box({ border: "rounded", title: "fresh", padding: 1 }, Text(computed(() => \`clicked \${count.value}\`)), Button({ label: "+1", onPress: () => count.value++ })),
  { width: 30, height: 8 },
);
t.press("tab");
t.press("enter");
await t.frame();
console.log(t.text());
t.unmount();
`,
);
const appSource = `import { Box, run, Text } from "letui";
const { app, exited } = await run(() => Box({ border: "single", title: "fresh" }, Text("APP READY, q quits")), {
  keys: { q: () => app.stop(0) },
});
process.exitCode = await exited;
`;
writeFileSync(join(project, "app.mjs"), appSource);
writeFileSync(join(project, "app.ts"), appSource);

/** The command that runs `file` (a base name without extension) on `runtime` in the project. */
function command(runtime: Runtime, file: string): string[] {
  if (runtime === "bun") return [BUN, `${file}.ts`];
  if (runtime === "deno") return [DENO, "run", "-A", "--quiet", `${file}.ts`];
  return ["node", `${file}.mjs`];
}

describe("the packages", () => {
  test("letui ships compiled JavaScript, declarations, README and LICENSE, and no tests", () => {
    const files = sh0("tar", ["tzf", mainTarball], project).stdout.split("\n").filter(Boolean);
    for (const f of ["package/package.json", "package/README.md", "package/LICENSE", "package/dist/index.js", "package/dist/index.d.ts", "package/dist/testing/index.js", "package/dist/screen-api.js", "package/dist/layout.js"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /\.test\.|\/test\/|fixtures|\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(project, "node_modules", "letui", "package.json"), "utf8"));
    expect(Object.keys(manifest.exports)).toEqual([".", "./testing", "./screen", "./layout", "./package.json"]);
    expect(Object.keys(manifest.optionalDependencies)).toContain("@letui/linux-x64-gnu");
    expect(manifest.engines).toEqual({ node: ">=20", bun: ">=1.1", deno: ">=2" });
  });

  test("the Linux library needs glibc 2.28 at most", () => {
    const lib = join(project, "node_modules", "@letui", "linux-x64-gnu", "libletui.so");
    const versions = neededVersions(lib);
    expect(Object.keys(versions)).toContain("libc.so.6");
    const [major, minor] = newestGlibc(versions);
    expect((major ?? 0) * 1000 + (minor ?? 0)).toBeLessThanOrEqual(2028);
  });

  test("the declarations type-check in a Node project (no Bun or Deno types needed)", () => {
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          typeRoots: [join(ROOT, "node_modules", "@types")],
          types: ["node"],
          lib: ["ES2023", "ESNext.Disposable"],
        },
        files: ["counter.ts", "screen.ts"],
      }),
    );
    const r = sh0(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], project);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  test("the README's headless test passes under bun test", () => {
    const r = sh0(BUN, ["test", "headless.test.ts"], project);
    expect(r.stderr).toContain("1 pass");
    expect(r.status).toBe(0);
  });

  for (const runtime of RUNTIMES) {
    test(`renders headlessly on ${runtime}, with the prebuilt library (traced)`, () => {
      copyFileSync(join(project, "render.mjs"), join(project, "render.ts"));
      const trace = join(project, `trace-${runtime}.log`);
      const r = sh0(command(runtime, "render")[0] as string, command(runtime, "render").slice(1), project, { LETUI_TRACE: trace });
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("╭ fresh ─");
      expect(r.stdout).toContain("clicked 1");
      const log = readFileSync(trace, "utf8");
      expect(log.split("\n")[0]).toContain(`${runtime} `);
      expect(log.split("\n")[0]).toContain(join("node_modules", "@letui", "linux-x64-gnu", "libletui.so"));
      expect(log).toMatch(/ms letui_screen_render\(0x[0-9a-f]+\) -> 0 \[\d+\.\d+us\]/);
    }, TIMEOUT);
  }
});

const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

for (const runtime of RUNTIMES) {
  describe.skipIf(!available)(`a fresh project in a terminal on ${runtime}`, () => {
    /** Runs `file` in a new pane of the project, after saving the terminal's settings. */
    async function start(file: string, id: string) {
      const pane = (server as TmuxServer).session({ cwd: project, env: { LETUI_LIB: "" } });
      await pane.run(`${saveSettings(id)}; ${command(runtime, file).map(sh).join(" ")}; echo EXIT=$?`);
      return pane;
    }

    test("a run() app starts and quits with q", async () => {
      const id = `app-${runtime}`;
      const pane = await start("app", id);
      try {
        await pane.started("APP READY, q quits");
        expect(pane.format("#{alternate_on}")).toBe("1");
        pane.keys("q");
        await pane.waitFor(/^EXIT=0$/m);
        await expectRestored(pane, id);
      } finally {
        pane.kill();
      }
    }, TIMEOUT);

    test("the README's first program counts, and Ctrl-C quits", async () => {
      const id = `counter-${runtime}`;
      const pane = await start("counter", id);
      try {
        await pane.started("clicked 0 times");
        pane.keys("Tab", "Enter");
        await pane.started("clicked 1 times");
        pane.keys("C-c");
        await pane.waitFor(/^EXIT=130$/m);
        await expectRestored(pane, id);
      } finally {
        pane.kill();
      }
    }, TIMEOUT);

    test("after kill -9, `letui reset` gives the terminal back", async () => {
      const id = `reset-${runtime}`;
      const pane = await start("app", id);
      try {
        await pane.started("APP READY, q quits");
        expect(pane.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}")).toBe("1 0 1");
        // SIGKILL runs no handler: the terminal stays raw, on the alternate screen.
        const shell = pane.format("#{pane_pid}");
        Bun.spawnSync(["pkill", "-KILL", "-P", shell]);
        await pane.waitFor(/EXIT=137/);
        expect(pane.format("#{alternate_on}")).toBe("1");
        // The shell reads lines, and raw mode turns Enter into a bare CR: end it with ^J.
        const reset = { bun: `${sh(BUN)} x letui reset`, node: "npx --no-install letui reset", deno: `${sh(DENO)} run -A --quiet node_modules/letui/bin/letui.mjs reset` }[runtime];
        pane.type(`${reset}; echo RESET=$?`);
        pane.keys("C-j");
        await pane.waitFor(/^RESET=0$/m);
        // Node and Bun put raw mode back as they exit; the command's
        // helper repairs it again just after. Then a clean prompt.
        await Bun.sleep(500);
        pane.type("clear");
        pane.keys("Enter");
        expect(paneModes(pane)).toEqual({ ...RESTORED_FORMATS });
        const checked = marker("CHECKED");
        await pane.run(`stty -a >$D/${id}.stty; ${checked.echo}`);
        await pane.waitFor(checked.text);
        const flags = sttyFlags(readFileSync(join((server as TmuxServer).dir, `${id}.stty`), "utf8"));
        for (const flag of ["icanon", "echo", "isig", "iexten", "icrnl", "opost", "onlcr"]) {
          expect([flag, flags.get(flag)]).toEqual([flag, true]);
        }
        // Typed text is echoed and read by lines again.
        await pane.run("cat");
        pane.type("typed-after-reset");
        pane.keys("Enter");
        await pane.waitFor(/^typed-after-reset\ntyped-after-reset$/m);
        pane.keys("C-c");
      } finally {
        pane.kill();
      }
    }, TIMEOUT);

    test("the README's Screen program draws, and a key quits", async () => {
      const id = `screen-${runtime}`;
      const pane = await start("screen", id);
      try {
        await pane.started("Hello, 世界 👋  (any key quits)");
        pane.keys("x");
        const done = marker("DONE");
        await pane.waitFor(/^EXIT=0$/m);
        await pane.run(done.echo);
        await pane.waitFor(done.text);
        await expectRestored(pane, id);
      } finally {
        pane.kill();
      }
    }, TIMEOUT);
  });
}
