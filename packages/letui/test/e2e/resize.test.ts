/**
 * Resizing the terminal: the session's screen follows the window, and
 * each frame after a resize shows exactly the new size's picture (a box
 * along the edges and `<w>x<h>` in the middle), with no stale rows or
 * columns from the previous size, whether it shrank or grew.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { available, expectRestored, fixture, frame, RUNTIMES, saveSettings, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

/** What fixtures/resize.ts draws at a size, row by row. */
function expected(w: number, h: number): string[] {
  const edge = `+${"-".repeat(w - 2)}+`;
  const rows = [edge, ...Array.from({ length: h - 2 }, () => `|${" ".repeat(w - 2)}|`), edge];
  const label = `${w}x${h}`;
  const x = Math.floor((w - label.length) / 2);
  const y = Math.floor(h / 2);
  const row = rows[y] as string;
  rows[y] = row.slice(0, x) + label + row.slice(x + label.length);
  return rows;
}

for (const runtime of RUNTIMES) {
describe.skipIf(!available)(`resize on ${runtime}`, () => {
  test(
    "every frame matches the new size exactly, shrinking and growing",
    async () => {
      const srv = server as TmuxServer;
      const pane = srv.session({ runtime });
      try {
        await pane.run(`${saveSettings("resize")}; clear; ${fixture("resize.ts")}; echo EXIT=$?`);
        let want = expected(100, 30);
        const same = () => {
          const rows = pane.rows();
          return rows.length === want.length && rows.every((r, i) => r === want[i]);
        };
        await pane.started("100x30");
        await pane.until(same, () => `the 100x30 frame, expected:\n${frame(want.join("\n"))}`);
        for (const [w, h] of [
          [60, 20],
          [120, 40],
          [40, 10],
          [41, 11],
          [100, 30],
        ] as const) {
          srv.tmux("resize-window", "-t", pane.session, "-x", String(w), "-y", String(h));
          want = expected(w, h);
          await pane.until(same, () => `the ${w}x${h} frame, expected:\n${frame(want.join("\n"))}`);
        }
        // Colors survive the repaint: the size label is yellow.
        expect(pane.capture(true)).toMatch(/\x1b\[33m100x30/);
        pane.keys("q");
        await pane.waitFor(/^EXIT=0$/m);
        await expectRestored(pane, "resize");
      } finally {
        pane.kill();
      }
    },
    45_000,
  );
});
}
