/**
 * Console output during a session is held off the screen and shown on the
 * main screen once the terminal is given back.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { available, fixture, RUNTIMES, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

for (const runtime of RUNTIMES) {
describe.skipIf(!available)(`console output during a session on ${runtime}`, () => {
  test(
    "is not drawn over the frame, and appears after exit",
    async () => {
      const pane = (server as TmuxServer).session({ runtime });
      try {
        await pane.run(`clear; ${fixture("console.ts")}; echo EXIT=$?`);
        const during = await pane.started("CONSOLE READY");
        expect(during).not.toContain("DURING SESSION");
        pane.keys("q");
        const after = await pane.waitFor(/^EXIT=0$/m);
        expect(after).toContain("LOGGED DURING SESSION");
        expect(after).toContain("ERRORED DURING SESSION");
        expect(after.indexOf("LOGGED")).toBeLessThan(after.indexOf("EXIT=0"));
      } finally {
        pane.kill();
      }
    },
    45_000,
  );
});
}
