/**
 * The todo example in a real terminal, on Bun, Node and Deno: add items
 * by typing, toggle with Space, a double-click and Delete, quit with
 * Ctrl-C, and find the list saved in the file named on the command line.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { available, expectRestored, ROOT, RUNTIMES, runtimeArgv, saveSettings, sh, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
const dir = mkdtempSync(join(tmpdir(), "letui-todo-e2e-"));
afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

for (const runtime of RUNTIMES) {
  describe.skipIf(!available)(`examples/todo.ts on ${runtime}`, () => {
    test("add, toggle by key and mouse, delete, quit; the file holds the list", async () => {
      const file = join(dir, `${runtime}.json`);
      const pane = (server as TmuxServer).session({ width: 70, height: 14 });
      try {
        const argv = [...runtimeArgv(runtime), join(ROOT, "examples/todo.ts"), file].map(sh).join(" ");
        await pane.run(`${saveSettings(`todo-${runtime}`)}; ${argv}; echo EXIT=$?`);
        await pane.started("what needs doing?");
        pane.type("first thing");
        pane.keys("Enter");
        await pane.started("[ ] first thing");
        pane.type("second thing");
        pane.keys("Enter");
        await pane.started("2 left of 2");
        pane.keys("Tab", "Down", "Space");
        await pane.started("[x] second thing");
        await pane.started("1 left of 2");
        // A double-click on the first row toggles it.
        const rows = pane.capture().split("\n");
        const y = rows.findIndex((r) => r.includes("first thing"));
        const x = (rows[y] as string).indexOf("first") + 1;
        const click = `\x1b[<0;${x};${y + 1}M\x1b[<0;${x};${y + 1}m`;
        pane.type(click + click);
        await pane.started("[x] first thing");
        pane.keys("DC");
        await pane.waitFor((s) => !s.includes("first thing") && s.includes("1 left of 1") === false && s.includes("0 left of 1"));
        pane.keys("C-c");
        await pane.waitFor(/^EXIT=130$/m);
        await expectRestored(pane, `todo-${runtime}`);
        expect(JSON.parse(readFileSync(file, "utf8"))).toEqual([{ text: "second thing", done: true }]);
      } finally {
        pane.kill();
      }
    }, 60_000);
  });
}
