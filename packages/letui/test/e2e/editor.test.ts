/**
 * The editor example in a real terminal, on Bun, Node and Deno: a file
 * with bytes that are not UTF-8 opens and shows them, typing, a click to
 * move the caret, a double-click to select a word and replace it, Ctrl-S
 * saves (the bytes on disk equal the original apart from the edits), and
 * Ctrl-Q with unsaved changes asks first (answered with a mouse click).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { available, expectRestored, ROOT, RUNTIMES, runtimeArgv, saveSettings, sh, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
const dir = mkdtempSync(join(tmpdir(), "letui-editor-e2e-"));
afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function sgr(x: number, y: number, release = false): string {
  return `\x1b[<0;${x + 1};${y + 1}${release ? "m" : "M"}`;
}

for (const runtime of RUNTIMES) {
  describe.skipIf(!available)(`examples/editor.ts on ${runtime}`, () => {
    test("open, edit by keys and mouse, save, quit after asking", async () => {
      const file = join(dir, `${runtime}.txt`);
      const enc = new TextEncoder();
      writeFileSync(file, new Uint8Array([...enc.encode("alpha beta gamma\nbad "), 0xff, 0xfe, ...enc.encode(" bytes\n")]));
      const pane = (server as TmuxServer).session({ width: 70, height: 14 });
      try {
        const argv = [...runtimeArgv(runtime), join(ROOT, "examples/editor.ts"), file].map(sh).join(" ");
        await pane.run(`${saveSettings(`editor-${runtime}`)}; ${argv}; echo EXIT=$?`);
        await pane.started("Ctrl-S save");
        expect(pane.capture()).toContain("bad \\xFF\\xFE bytes");
        // A double-click on "beta" selects it; typing replaces it.
        const rows = pane.capture().split("\n");
        const y = rows.findIndex((r) => r.includes("alpha beta"));
        const x = (rows[y] as string).indexOf("beta") + 1;
        pane.type(sgr(x, y) + sgr(x, y, true) + sgr(x, y) + sgr(x, y, true));
        pane.type("BETA");
        await pane.started("alpha BETA gamma");
        pane.keys("C-End");
        pane.type("end");
        pane.keys("C-s");
        await pane.started("Saved");
        const saved = new Uint8Array(readFileSync(file));
        expect(saved).toEqual(new Uint8Array([...enc.encode("alpha BETA gamma\nbad "), 0xff, 0xfe, ...enc.encode(" bytes\nend")]));
        // Unsaved changes: Ctrl-Q asks; a click on Quit leaves.
        pane.type("!");
        await pane.started("● ·");
        pane.keys("C-q");
        await pane.started("Quit without saving?");
        const dlg = pane.capture().split("\n");
        const qy = dlg.findIndex((r) => /Cancel\s+Quit/.test(r));
        // The row is box drawing and ASCII only: one code unit per cell.
        const qx = (dlg[qy] as string).lastIndexOf("Quit") + 1;
        pane.type(sgr(qx, qy) + sgr(qx, qy, true));
        await pane.waitFor(/^EXIT=0$/m);
        await expectRestored(pane, `editor-${runtime}`);
        expect(new Uint8Array(readFileSync(file))).toEqual(saved);
      } finally {
        pane.kill();
      }
    }, 60_000);
  });
}
