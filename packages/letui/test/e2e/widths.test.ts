/**
 * In tmux, which draws each code point in a cell of its own, the session
 * measures that at start-up and takes the per-code-point profile, and the
 * pane shows emoji sequences, CJK and Indic text exactly as letui's screen
 * holds them, cell by cell; the measured profile is cached for the next
 * start.
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
      // TERM is xterm-256color and TMUX unset in the panes: the profile
      // comes from measuring tmux at start-up, with a cache of its own.
      const cache = mkdtempSync(join(tmpdir(), "letui-widths-cache-"));
      const pane = (server as TmuxServer).session({ width: 40, height: 16, env: { XDG_CACHE_HOME: cache } });
      try {
        await pane.run(`clear; ${fixture("widths.ts", out)}; echo EXIT=$?`);
        await pane.started("DONE");
        const held = JSON.parse(readFileSync(out, "utf8")) as { widths: { clustering: string }; rows: string[] };
        expect(held.widths.clustering).toBe("per-code-point");
        expect(JSON.parse(readFileSync(join(cache, "letui", "widths.json"), "utf8"))).toEqual({ "xterm-256color": { clustering: "per-code-point", ambiguousWide: false } });
        const shown = pane.capture(false).split("\n");
        // The probes left nothing on their row.
        expect(shown[0]?.trim()).toBe("");
        held.rows.forEach((row, i) => {
          // Every sample ends with `|` where letui put it, and `#` stays at column 20.
          expect(`${i}: ${(shown[i + 1] ?? "").trimEnd()}`).toBe(`${i}: ${row}`);
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
