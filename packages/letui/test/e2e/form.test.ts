/**
 * The form example in a real terminal, on Bun, Node and Deno: an empty
 * submit shows the problems, fields are filled by keys, the plan is
 * picked and the terms accepted with the mouse, the confirm dialog is
 * answered, and the sign-up lands in the file named on the command line.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { available, expectRestored, type Pane, ROOT, RUNTIMES, runtimeArgv, saveSettings, sh, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
const dir = mkdtempSync(join(tmpdir(), "letui-form-e2e-"));
afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Clicks the first cell of `text` on the pane (rows of one code unit per cell). */
function clickOn(pane: Pane, text: string): void {
  const rows = pane.capture().split("\n");
  const y = rows.findIndex((r) => r.includes(text));
  if (y < 0) throw new Error(`"${text}" is not on the pane`);
  const x = (rows[y] as string).indexOf(text) + 1;
  pane.type(`\x1b[<0;${x};${y + 1}M\x1b[<0;${x};${y + 1}m`);
}

for (const runtime of RUNTIMES) {
  describe.skipIf(!available)(`examples/form.ts on ${runtime}`, () => {
    test("validate, fill in, confirm, and the sign-up is saved", async () => {
      const file = join(dir, `${runtime}.jsonl`);
      const pane = (server as TmuxServer).session({ width: 80, height: 26 });
      try {
        const argv = [...runtimeArgv(runtime), join(ROOT, "examples/form.ts"), file].map(sh).join(" ");
        await pane.run(`${saveSettings(`form-${runtime}`)}; ${argv}; echo EXIT=$?`);
        await pane.started("Create account");
        clickOn(pane, "Create account");
        await pane.started("Please fix 4 fields");
        await pane.started("Enter your name");
        pane.type("Grace Hopper");
        pane.keys("Tab");
        pane.type("grace@example.com");
        pane.keys("Tab");
        pane.type("cobol1959");
        pane.keys("Tab");
        pane.type("Compilers");
        await pane.started("9/280");
        clickOn(pane, "( ) Pro");
        await pane.started("(•) Pro");
        clickOn(pane, "[ ] I accept");
        await pane.started("[x] I accept");
        await pane.waitFor((s) => !s.includes("Enter your name") && !s.includes("Accept the terms"));
        clickOn(pane, "Create account");
        await pane.started("Create a Pro account for Grace Hopper");
        pane.keys("Enter");
        await pane.started("Account created for Grace Hopper.");
        await pane.started("Welcome, Grace Hopper!");
        pane.keys("C-c");
        await pane.waitFor(/^EXIT=130$/m);
        await expectRestored(pane, `form-${runtime}`);
        expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ name: "Grace Hopper", email: "grace@example.com", plan: "Pro", about: "Compilers" });
      } finally {
        pane.kill();
      }
    }, 60_000);
  });
}
