/**
 * Inline mode: a 5-row region drawn below the shell's earlier output, on
 * the main screen. The earlier output stays above, the region draws
 * right below it (scrolling the screen when it starts near the bottom),
 * and after the program ends its last frame stays and the prompt comes
 * back on the line below. After Ctrl-Z and `fg` the region starts again
 * below the shell's lines, leaving the old frame whole above them.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { available, expectRestored, fixture, paneModes, RESTORED_FORMATS, RUNTIMES, saveSettings, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

const region = (word: string) => [0, 1, 2, 3, 4].map((i) => `inline ${i} ${word}`);

for (const runtime of RUNTIMES) {
describe.skipIf(!available)(`inline mode on ${runtime}`, () => {
  for (const [name, lines] of [
    ["below a few lines of output", 3],
    ["at the bottom of a full screen (it scrolls)", 40],
  ] as const) {
    test(
      name,
      async () => {
        const pane = (server as TmuxServer).session({ runtime });
        try {
          await pane.run(`${saveSettings("inline")}; clear; seq ${lines}; ${fixture("inline.ts")}; echo EXIT=$?`);
          const last = String(lines);
          /** Rows (trimmed) from the line showing the last number of `seq`. */
          const from = (rows: string[]) => {
            const trimmed = rows.map((r) => r.trimEnd());
            return trimmed.slice(trimmed.lastIndexOf(last));
          };
          await pane.started("inline 4 READY");
          await pane.until(
            () => from(pane.rows()).slice(1, 6).join("\n") === region("READY").join("\n"),
            () => "the region right below the earlier output",
          );
          expect(pane.format("#{alternate_on} #{cursor_flag}")).toBe("0 0");
          const rows = pane.rows().map((r) => r.trimEnd());
          if (lines === 3) {
            // Nothing scrolled: 1 2 3 at the top, then the region.
            expect(rows.slice(0, 8)).toEqual(["1", "2", "3", ...region("READY")]);
          } else {
            // Scrolled so that the region fits at the bottom.
            expect(rows.slice(-6)).toEqual([last, ...region("READY")]);
            expect(rows[0]).toBe(String(lines - 24));
            expect(rows.length).toBe(30);
          }
          // The region is styled: row 0 is green.
          expect(pane.capture(true)).toMatch(/\x1b\[32minline 0 READY/);

          pane.keys("x");
          await pane.waitFor(/^EXIT=0$/m);
          const after = pane.rows().map((r) => r.trimEnd());
          const at = after.lastIndexOf(last);
          expect(after.slice(at, at + 8)).toEqual([last, ...region("FINAL"), "EXIT=0", "$"]);
          await expectRestored(pane, "inline");
        } finally {
          pane.kill();
        }
      },
      45_000,
    );
  }

  test(
    "a shorter window keeps the region on screen",
    async () => {
      const pane = (server as TmuxServer).session({ runtime });
      try {
        await pane.run(`clear; seq 40; ${fixture("inline.ts")}; echo EXIT=$?`);
        await pane.started("inline 4 READY");
        (server as TmuxServer).tmux("resize-window", "-t", pane.session, "-x", "100", "-y", "20");
        await pane.until(
          () => pane.rows().map((r) => r.trimEnd()).slice(-5).join("\n") === region("RESIZED").join("\n"),
          () => "the region redrawn on the last rows of the shorter window",
        );
        expect(pane.capture()).not.toContain("READY");
        pane.keys("x");
        await pane.waitFor(/^EXIT=0$/m);
      } finally {
        pane.kill();
      }
    },
    45_000,
  );

  test(
    "Ctrl-Z then fg: the region starts again below the shell's lines",
    async () => {
      const pane = (server as TmuxServer).session({ runtime });
      try {
        await pane.run(`${saveSettings("inline-z")}; clear; seq 40`);
        await pane.run(fixture("inline.ts"));
        await pane.waitFor("inline 4 READY");
        pane.keys("C-z");
        await pane.waitFor(/Stopped/);
        expect(paneModes(pane)).toEqual({ ...RESTORED_FORMATS });
        await pane.run("fg");
        await pane.until(
          () => pane.capture().trimEnd().endsWith(region("READY").join("\n")),
          () => "the region at the bottom again",
        );
        const rows = pane.rows().map((r) => r.trimEnd());
        // The old frame, whole; the shell's lines; the new region.
        const fg = rows.lastIndexOf("$ fg");
        expect(rows.slice(fg - 7, fg)).toEqual(["$ $RUN inline.ts", ...region("READY"), rows[fg - 1] as string]);
        expect(rows[fg - 1]).toContain("Stopped");
        expect(rows.slice(fg + 2)).toEqual(region("READY"));
        pane.keys("x");
        await pane.prompt();
        expect(pane.rows().map((r) => r.trimEnd()).slice(-6)).toEqual([...region("FINAL"), "$"]);
        await expectRestored(pane, "inline-z");
      } finally {
        pane.kill();
      }
    },
    45_000,
  );
});
}
