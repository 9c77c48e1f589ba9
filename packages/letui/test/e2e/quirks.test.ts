/**
 * Terminal bugs the renderer steps around, each checked in the terminal
 * that has it: the fixture draws the repro in tmux, and the pane must
 * show exactly what the screen holds.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { available, fixture, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

describe.skipIf(!available)("terminal quirks", () => {
  test(
    "tmux: an erase that would end inside a wide character takes all of it, so no cell loses its background",
    async () => {
      const pane = (server as TmuxServer).session({ width: 40, height: 5 });
      try {
        await pane.run(`clear; ${fixture("quirks.ts")}; echo EXIT=$?`);
        await pane.started("DONE");
        const row = pane.capture(true).split("\n")[0] ?? "";
        // Columns 2 to 12: eleven green blanks, then the default background.
        expect(row).toBe(`ab\x1b[42m${" ".repeat(11)}\x1b[49mşc`);
        pane.keys("q");
        await pane.waitFor(/^EXIT=0$/m);
      } finally {
        pane.kill();
      }
    },
    30_000,
  );
});
