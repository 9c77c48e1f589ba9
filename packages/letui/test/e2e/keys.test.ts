/**
 * examples/keys.ts in a real terminal: keys with modifiers, function
 * keys, Escape, mouse clicks and the wheel, a bracketed paste, focus and
 * resize arrive decoded; `q` quits and the terminal comes back, down to
 * the modes tmux has no format variable for (bracketed paste, focus
 * reporting, modifyOtherKeys), which a raw probe checks byte by byte.
 *
 * Run twice: with tmux's `extended-keys` off and on. tmux 3.3a forwards
 * modified keys to a pane that asked for modifyOtherKeys (letui does,
 * `CSI > 4 ; 1 m`, when the kitty query gets no answer) in either case,
 * as `CSI <code> ; <mods> u` (ctrl+shift+a is `ESC[65;6u`, shift+enter
 * `ESC[13;2u`); the option only decides what tmux asks of the outer
 * terminal. Keys tmux cannot encode otherwise (ctrl+enter, ctrl+tab)
 * need that mode, so they prove it was on, and the probe after exit
 * proves it was turned off.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { available, expectRestored, fixture, type Pane, paneModes, ROOT, saveSettings, sh, TmuxServer } from "./tmux.ts";

const servers: TmuxServer[] = [];
afterAll(() => {
  for (const s of servers) s.kill();
});

/** The log rows of keys.ts (from row 2), whitespace collapsed. */
function log(pane: Pane): string[] {
  return pane
    .capture()
    .split("\n")
    .slice(2)
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter((l) => l !== "");
}

/** Does `act`, then waits until the log ends with `lines`. */
async function expectEvents(pane: Pane, act: () => void, ...lines: string[]): Promise<void> {
  act();
  await pane.until(
    () => log(pane).slice(-lines.length).join("\n") === lines.join("\n"),
    () => `the log to end with:\n${lines.join("\n")}`,
  );
}

const key = (combo: string, text = "") => `key ${combo} kind=press text=${JSON.stringify(text)}`;

/** tmux key name (or literal text with `-l`) and the event line keys.ts shows. */
const KEYS: [string, string][] = [
  ["a", key("a", "a")],
  ["C-a", key("ctrl+a")],
  ["Enter", key("enter")],
  ["Tab", key("tab")],
  ["S-Up", key("shift+up")],
  ["C-Left", key("ctrl+left")],
  ["M-Up", key("alt+up")],
  ["C-S-Right", key("ctrl+shift+right")],
  ["F5", key("f5")],
  ["S-F5", key("shift+f5")],
  ["BTab", key("shift+tab")],
  ["M-x", key("alt+x")],
  ["Escape", key("escape")],
  ["M-Enter", key("alt+enter")],
  // Only with modifyOtherKeys on (CSI u from tmux).
  ["C-S-a", key("ctrl+shift+a")],
  ["S-Enter", key("shift+enter")],
  ["C-Enter", key("ctrl+enter")],
  ["C-Tab", key("ctrl+tab")],
];

for (const extended of ["off", "on"] as const) {
  describe.skipIf(!available)(`keys.ts with tmux extended-keys ${extended}`, () => {
    test(
      "shows every kind of event decoded, and q gives the terminal back",
      async () => {
        const srv = new TmuxServer();
        servers.push(srv);
        srv.tmux("set-option", "-s", "extended-keys", extended);
        srv.tmux("set-option", "-s", "focus-events", "on");
        const pane = srv.session();
        const client = srv.attachControlClient(pane.session);
        try {
          await pane.until(
            () => srv.tmux("list-clients", "-t", pane.session).includes("focused"),
            () => "the control client to attach",
          );
          await pane.run(`${saveSettings("keys")}; $BUN ${sh(join(ROOT, "examples/keys.ts"))}; echo EXIT=$?`);
          await pane.started("letui keys");
          expect(pane.capture()).toContain("kitty keyboard: off");
          const modes = paneModes(pane);
          expect([modes.alternate_on, modes.cursor_flag, modes.mouse_button_flag, modes.mouse_sgr_flag]).toEqual(["1", "0", "1", "1"]);

          for (const [name, line] of KEYS) await expectEvents(pane, () => pane.keys(name), line);
          await expectEvents(pane, () => pane.type("é"), key("é", "é"));

          // SGR mouse reports, as the terminal sends them (1-based).
          await expectEvents(pane, () => pane.type("\x1b[<0;10;5M\x1b[<0;10;5m"), "mouse down left at 9,4", "mouse up left at 9,4");
          await expectEvents(pane, () => pane.type("\x1b[<65;3;7M"), "mouse wheel wheelDown at 2,6");
          await expectEvents(pane, () => pane.type("\x1b[<16;1;1M"), "mouse down left at 0,0 ctrl");
          await expectEvents(pane, () => pane.type("\x1b[<32;2;2M"), "mouse drag left at 1,1");

          // paste-buffer -p brackets the text because the app asked for it.
          srv.tmux("set-buffer", "-b", "e2e", "pasted: one two");
          await expectEvents(
            pane,
            () => srv.tmux("paste-buffer", "-p", "-b", "e2e", "-t", pane.target),
            'paste 15 characters: "pasted: one two"',
          );

          // Switching windows takes the pane's focus away and back.
          srv.tmux("new-window", "-d", "-t", `${pane.session}:1`);
          await expectEvents(
            pane,
            () => {
              srv.tmux("select-window", "-t", `${pane.session}:1`);
              srv.tmux("select-window", "-t", `${pane.session}:0`);
            },
            "focus lost",
            "focus gained",
          );

          await expectEvents(pane, () => srv.tmux("resize-window", "-t", pane.session, "-x", "90", "-y", "25"), "resize 90x25");
          expect(pane.capture()).toContain("letui keys — 90x25");
          srv.tmux("resize-window", "-t", pane.session, "-x", "100", "-y", "30");
          await pane.waitFor("letui keys — 100x30");

          pane.keys("q");
          await pane.waitFor(/^EXIT=0$/m);
          await expectRestored(pane, "keys");

          // What tmux has no format for: a probe in raw mode shows the
          // bytes. No paste brackets, no focus reports, no CSI u keys.
          await pane.run(`clear; ${fixture("probe.ts")}`);
          await pane.waitFor("PROBE READY");
          // Reads may merge: check the bytes of all of them, up to a final z.
          srv.tmux("paste-buffer", "-p", "-b", "e2e", "-t", pane.target);
          srv.tmux("select-window", "-t", `${pane.session}:1`);
          srv.tmux("select-window", "-t", `${pane.session}:0`);
          pane.keys("C-S-a", "S-Enter", "C-Enter", "z");
          const bytes = (await pane.waitFor(/z"$/m)).replace(/"\n"/g, "");
          expect(bytes).toContain("pasted: one two");
          expect(bytes).not.toContain("200~");
          expect(bytes).not.toContain("\\u001b[I");
          expect(bytes).not.toContain("\\u001b[O");
          expect(bytes).not.toContain("\\u001b[65;6u");
          expect(bytes).not.toContain("\\u001b[13;");
          pane.keys("q");
          await pane.prompt();
        } finally {
          client.kill();
          pane.kill();
        }
      },
      60_000,
    );
  });
}
