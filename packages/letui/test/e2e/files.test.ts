/** The files example in a real terminal, on a real directory: tree, table, preview, sorting by a click, Ctrl-C. */
import { afterAll, describe, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { available, expectRestored, ROOT, RUNTIMES, runtimeArgv, saveSettings, sh, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
const dir = mkdtempSync(join(tmpdir(), "letui-files-e2e-"));
mkdirSync(join(dir, "notes"));
writeFileSync(join(dir, "readme.txt"), "first line of the readme\nsecond line\n");
writeFileSync(join(dir, "notes", "todo.txt"), "inside notes\n");
afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

for (const runtime of RUNTIMES) {
  describe.skipIf(!available)(`examples/files.ts on ${runtime}`, () => {
    test("browse, preview, sort, quit", async () => {
      const pane = (server as TmuxServer).session({ width: 100, height: 24 });
      try {
        const argv = [...runtimeArgv(runtime), join(ROOT, "examples/files.ts"), dir].map(sh).join(" ");
        await pane.run(`${saveSettings(`files-${runtime}`)}; ${argv}; echo EXIT=$?`);
        await pane.started("readme.txt");
        pane.keys("Tab", "Down");
        await pane.started("first line of the readme");
        const rows = pane.capture().split("\n");
        const y = rows.findIndex((r) => r.includes("Modified"));
        const x = (rows[y] as string).indexOf("Name") + 1;
        pane.type(`\x1b[<0;${x};${y + 1}M\x1b[<0;${x};${y + 1}m`);
        await pane.started("Name ▲");
        pane.keys("BTab", "Down");
        await pane.started("todo.txt");
        pane.keys("C-c");
        await pane.waitFor(/^EXIT=130$/m);
        await expectRestored(pane, `files-${runtime}`);
      } finally {
        pane.kill();
      }
    }, 60_000);
  });
}
