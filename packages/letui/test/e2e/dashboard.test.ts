/** The dashboard example in a real terminal: live updates, tabs by key and mouse, Ctrl-C gives the terminal back. */
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { available, expectRestored, ROOT, RUNTIMES, runtimeArgv, saveSettings, sh, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

for (const runtime of RUNTIMES) {
  describe.skipIf(!available)(`examples/dashboard.ts on ${runtime}`, () => {
    test("updates live, switches tabs, the log sticks to the bottom, quits", async () => {
      const pane = (server as TmuxServer).session({ width: 100, height: 24 });
      try {
        const argv = [...runtimeArgv(runtime), join(ROOT, "examples/dashboard.ts"), "60"].map(sh).join(" ");
        await pane.run(`${saveSettings(`dash-${runtime}`)}; ${argv}; echo EXIT=$?`);
        await pane.started("CPU % ▼");
        const first = pane.capture();
        await pane.waitFor((s) => s.includes("CPU % ▼") && s !== first);
        pane.keys("Right");
        await pane.waitFor(/cpu \d+\.\d%/);
        // A click on the "Processes" title goes back.
        const rows = pane.capture().split("\n");
        const y = rows.findIndex((r) => r.includes("Processes"));
        const x = (rows[y] as string).indexOf("Processes") + 2;
        pane.type(`\x1b[<0;${x};${y + 1}M\x1b[<0;${x};${y + 1}m`);
        await pane.started("Mem MiB");
        pane.keys("C-c");
        await pane.waitFor(/^EXIT=130$/m);
        await expectRestored(pane, `dash-${runtime}`);
        expect(pane.capture()).toContain("EXIT=130");
      } finally {
        pane.kill();
      }
    }, 60_000);
  });
}
