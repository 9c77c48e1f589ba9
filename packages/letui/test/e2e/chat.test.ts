/**
 * The chat example in a real terminal. Inline: a long streamed answer ends
 * up in tmux's scrollback whole and in order, above the shell's earlier
 * output (nothing was cleared); Esc stops an answer; the terminal is given
 * back as it was. Full screen: the answer streams into the ScrollBox on
 * the alternate screen, and the shell's screen comes back after.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { available, expectRestored, marker, ROOT, type Runtime, runtimeArgv, saveSettings, sh, TmuxServer } from "./tmux.ts";

const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

function chatCommand(runtime: Runtime, ...args: string[]): string {
  return [...runtimeArgv(runtime), join(ROOT, "examples/chat.ts"), ...args].map(sh).join(" ");
}

/** The pane's whole history and screen as text. */
function scrollback(pane: { server: TmuxServer; target: string }): string {
  return pane.server.tmux("capture-pane", "-p", "-S", "-", "-E", "-", "-t", pane.target);
}

for (const runtime of ["bun", "node"] as const) {
  describe.skipIf(!available)(`examples/chat.ts inline on ${runtime}`, () => {
    test("a long answer streams into the scrollback whole, in order, with nothing cleared", async () => {
      const pane = (server as TmuxServer).session({ width: 90, height: 24 });
      try {
        const before = marker("BEFORE");
        await pane.run(before.echo);
        await pane.waitFor(before.text);
        await pane.run(`${saveSettings(`chat-${runtime}`)}; ${chatCommand(runtime, "--tps", "3000")}; echo EXIT=$?`);
        await pane.started("Enter sends");
        pane.type("/lo");
        await pane.started("ask for a long answer");
        pane.keys("Tab");
        pane.type("150");
        pane.keys("Enter");
        await pane.waitFor((s) => /^\d+ tokens\s+inline$/m.test(s) && !s.includes("streaming"), { timeout: 60_000 });
        const all = scrollback(pane);
        // The shell's earlier output is still above: no clear wiped it.
        const top = all.indexOf(before.text);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(all.indexOf("❯ /long 150")).toBeGreaterThan(top);
        // Every paragraph once, in order.
        let at = all.indexOf("Here are 150 paragraphs.");
        expect(at).toBeGreaterThan(top);
        for (let i = 1; i <= 150; i++) {
          const lines = all.split("\n").filter((l) => l.startsWith(`${i}. `));
          expect([i, lines.length]).toEqual([i, 1]);
          const next = all.indexOf(`\n${i}. `, at);
          expect([i, next > at]).toEqual([i, true]);
          at = next;
        }
        expect(all.indexOf("That was paragraph 150, the last one.")).toBeGreaterThan(at);
        expect(all.split('echo "checkpoint 100"').length).toBe(2);
        expect(Number(pane.format("#{history_size}"))).toBeGreaterThan(150);

        // A second answer, stopped with Esc while it streams.
        pane.type("/long 5000");
        pane.keys("Enter");
        await pane.started("streaming…");
        pane.keys("Escape");
        await pane.started(/stopped after \d+ tokens/);
        expect(scrollback(pane)).toContain("[interrupted]");

        pane.keys("C-c");
        await pane.waitFor(/^EXIT=130$/m);
        await expectRestored(pane, `chat-${runtime}`);
        // The transcript stays in the scrollback after the app ended.
        expect(scrollback(pane)).toContain("That was paragraph 150, the last one.");
      } finally {
        pane.kill();
      }
    }, 120_000);
  });
}

describe.skipIf(!available)("examples/chat.ts --fullscreen", () => {
  test("the answer streams into a ScrollBox; the shell's screen comes back", async () => {
    const pane = (server as TmuxServer).session({ width: 90, height: 24 });
    try {
      const before = marker("BEFORE");
      await pane.run(before.echo);
      await pane.waitFor(before.text);
      await pane.run(`${saveSettings("chat-full")}; ${chatCommand("bun", "--fullscreen", "--tps", "1000")}; echo EXIT=$?`);
      await pane.started("full screen");
      expect(pane.format("#{alternate_on}")).toBe("1");
      pane.type("show me a patch");
      pane.keys("Enter");
      await pane.started("Expired entries are now removed");
      await pane.started((s) => /^\d+ tokens\s+full screen$/m.test(s));
      expect(pane.capture()).toContain("+         let now = Instant::now();");
      // Stuck to the bottom; the wheel scrolls back up to the question.
      expect(pane.capture()).not.toContain("❯ show me a patch");
      pane.type("\x1b[<64;10;5M".repeat(10));
      await pane.started("❯ show me a patch");
      pane.keys("C-c");
      await pane.waitFor(/^EXIT=130$/m);
      await expectRestored(pane, "chat-full");
      expect(pane.capture()).toContain(before.text);
      expect(scrollback(pane)).not.toContain("Expired entries");
    } finally {
      pane.kill();
    }
  }, 60_000);
});
