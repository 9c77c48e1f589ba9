/**
 * In tmux, which draws each code point in a cell of its own, the session
 * picks the per-code-point profile, and the pane shows emoji sequences,
 * CJK and Indic text exactly as letui's screen holds them, cell by cell.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { available, fixture, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

describe.skipIf(!available)("width profiles in tmux", () => {
  test(
    "emoji, CJK and Indic text: the pane shows what the screen holds",
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), "letui-widths-")), "rows.json");
      // The panes' clean environment lacks what tmux sets for programs in it.
      const pane = (server as TmuxServer).session({ width: 40, height: 16, env: { TMUX: "/tmp/tmux-letui/default,1,0", TERM: "tmux-256color" } });
      try {
        await pane.run(`clear; ${fixture("widths.ts", out)}; echo EXIT=$?`);
        await pane.started("DONE");
        const held = JSON.parse(readFileSync(out, "utf8")) as { widths: { clustering: string }; rows: string[] };
        expect(held.widths.clustering).toBe("per-code-point");
        const shown = pane.capture(false).split("\n");
        held.rows.forEach((row, y) => {
          // Every sample ends with `|` where letui put it, and `#` stays at column 20.
          expect(`${y}: ${(shown[y] ?? "").trimEnd()}`).toBe(`${y}: ${row}`);
        });
        pane.keys("q");
        await pane.waitFor(/^EXIT=0$/m);
      } finally {
        pane.kill();
      }
    },
    30_000,
  );
});
