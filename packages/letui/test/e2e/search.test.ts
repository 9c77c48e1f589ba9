/**
 * The search example in a real terminal: typed keys, Enter, mouse clicks
 * on Search and Next, PageUp/PageDown, a resize that changes the page
 * size, and Ctrl-C giving the terminal back.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { available, expectRestored, type Pane, ROOT, saveSettings, sh, TmuxServer } from "./tmux.ts";

const servers: TmuxServer[] = [];
afterAll(() => {
  for (const s of servers) s.kill();
});

/** The 1-based SGR mouse press and release of a left click at 0-based (x, y). */
function click(pane: Pane, x: number, y: number): void {
  pane.type(`\x1b[<0;${x + 1};${y + 1}M\x1b[<0;${x + 1};${y + 1}m`);
}

/** Row and column of `text` on the screen. */
function locate(pane: Pane, text: string): { x: number; y: number } {
  const rows = pane.capture().split("\n");
  for (let y = 0; y < rows.length; y++) {
    const x = (rows[y] as string).indexOf(text);
    if (x >= 0) return { x, y };
  }
  throw new Error(`"${text}" is not on screen:\n${rows.join("\n")}`);
}

describe.skipIf(!available)("examples/search.ts", () => {
  test(
    "search with keys and clicks, page through, resize, quit",
    async () => {
      const srv = new TmuxServer();
      servers.push(srv);
      const pane = srv.session({ width: 90, height: 20 });
      try {
        await pane.run(`${saveSettings("search")}; $BUN ${sh(join(ROOT, "examples/search.ts"))}; echo EXIT=$?`);
        await pane.started("Type a query and press Enter");
        pane.type("note");
        pane.keys("Enter");
        await pane.started("Page 1 of 15 · 240 results for “note”");
        expect(pane.capture()).toContain("  1. terminal note #1");

        pane.keys("PageDown");
        await pane.started("Page 2 of 15");
        expect(pane.capture()).toContain(" 17. ");

        const next = locate(pane, "Next ▶");
        click(pane, next.x + 1, next.y);
        await pane.started("Page 3 of 15");
        pane.keys("PageUp");
        await pane.started("Page 2 of 15");

        // A new query by clicking into the input, editing, and clicking Search.
        const input = locate(pane, "note");
        click(pane, input.x + 4, input.y);
        pane.keys("C-w");
        pane.type("emoji");
        const search = locate(pane, "Search ");
        click(pane, search.x + 1, search.y);
        await pane.started("20 results for “emoji”");

        // A shorter terminal has shorter pages.
        srv.tmux("resize-window", "-t", pane.session, "-x", "90", "-y", "12");
        await pane.started("Page 1 of 3");
        srv.tmux("resize-window", "-t", pane.session, "-x", "90", "-y", "30");
        await pane.started("Page 1 of 1");

        pane.keys("C-c");
        await pane.waitFor(/^EXIT=130$/m);
        await expectRestored(pane, "search");
      } finally {
        pane.kill();
      }
    },
    60_000,
  );
});
