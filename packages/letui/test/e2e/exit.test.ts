/**
 * Every way a program can end gives the terminal back (DESIGN.md, "The
 * terminal comes back"): a full-screen session (fixtures/session.ts) runs
 * in a tmux pane from a shell, ends one way, and the shell then finds its
 * earlier output on the main screen, every mode off and its settings as
 * before, with typed text echoing again.
 */
import { afterAll, describe, expect, test } from "bun:test";
import {
  available,
  expectRestored,
  fixture,
  marker,
  type Pane,
  paneModes,
  readText,
  RUNTIMES,
  type Runtime,
  saveSettings,
  TmuxServer,
} from "./tmux.ts";

const TIMEOUT = 45_000;
const server = available ? new TmuxServer() : null;
afterAll(() => server?.kill());

/** Starts the fixture with `ending` after saving the settings and printing a marker; returns the marker and the pid. */
async function start(pane: Pane, ending: string, id: string): Promise<{ before: string; pid: number }> {
  const before = marker("BEFORE");
  await pane.run(`${saveSettings(id)}; ${before.echo}; ${fixture("session.ts", ending)}; echo EXIT=$?`);
  const screen = await pane.started(/READY \S+ pid=\d+/);
  expect(pane.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}")).toBe("1 0 1");
  const pid = Number(/pid=(\d+)/.exec(screen)?.[1]);
  return { before: before.text, pid };
}

/** Waits for the shell's `EXIT=<code>` and checks the terminal came back, with the marker on the main screen above. */
async function ended(pane: Pane, before: string, code: number, id: string): Promise<string> {
  const screen = await pane.waitFor(/^EXIT=\d+$/m);
  expect(screen).toMatch(new RegExp(`^EXIT=${code}$`, "m"));
  expect(screen).toMatch(new RegExp(`^${before}$`, "m"));
  await expectRestored(pane, id);
  return screen;
}

/** Runs `body` with a session on `runtime`, killing it afterwards even on failure. */
function withSession(
  runtime: Runtime,
  ending: string,
  body: (s: { pane: Pane; before: string; pid: number; id: string }) => Promise<void>,
) {
  return async () => {
    const id = `${ending}-${Math.random().toString(36).slice(2, 8)}`;
    const pane = (server as TmuxServer).session({ runtime });
    try {
      await body({ pane, ...(await start(pane, ending, id)), id });
    } finally {
      pane.kill();
    }
  };
}

/** True while `pid` runs (a zombie waiting for its parent has ended). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = readText(`/proc/${pid}/stat`);
  return !/^\d+ \(.*\) Z/.test(stat);
}

for (const runtime of RUNTIMES) {
describe.skipIf(!available)(`the terminal comes back on ${runtime}`, () => {
  test(
    "after stop() and a normal end of the program",
    withSession(runtime, "return", async ({ pane, before, id }) => {
      pane.keys("x");
      await ended(pane, before, 0, id);
    }),
    TIMEOUT,
  );

  test(
    "after process.exit(3) in a key handler",
    withSession(runtime, "exit", async ({ pane, before, id }) => {
      pane.keys("x");
      await ended(pane, before, 3, id);
    }),
    TIMEOUT,
  );

  test(
    "after process.exit() from a timer while the session is active",
    withSession(runtime, "exit-timer", async ({ pane, before, id }) => {
      pane.keys("x");
      await ended(pane, before, 0, id);
    }),
    TIMEOUT,
  );

  test(
    "after an uncaught exception, with the error readable on the main screen",
    withSession(runtime, "throw", async ({ pane, before, id }) => {
      pane.keys("x");
      const screen = await ended(pane, before, 1, id);
      const at = screen.indexOf("Error: boom from the fixture");
      expect(at).toBeGreaterThan(screen.indexOf(before));
      expect(at).toBeLessThan(screen.indexOf("EXIT=1"));
    }),
    TIMEOUT,
  );

  test(
    "after an unhandled promise rejection",
    withSession(runtime, "reject", async ({ pane, before, id }) => {
      pane.keys("x");
      const screen = await ended(pane, before, 1, id);
      expect(screen).toContain("rejected in the fixture");
    }),
    TIMEOUT,
  );

  test(
    "after a Rust panic in a native call (an uncaught LetuiError)",
    withSession(runtime, "panic", async ({ pane, before, id }) => {
      pane.keys("x");
      const screen = await ended(pane, before, 1, id);
      expect(screen).toContain("LetuiError: panic in letui");
      expect(screen).toContain("letui_debug_panic called");
    }),
    TIMEOUT,
  );

  test(
    "after process.abort() (SIGABRT)",
    withSession(runtime, "abort", async ({ pane, before, id }) => {
      pane.keys("x");
      await ended(pane, before, 134, id);
    }),
    TIMEOUT,
  );

  test(
    "after a crash in native code (SIGSEGV)",
    withSession(runtime, "crash", async ({ pane, before, id }) => {
      pane.keys("x");
      await ended(pane, before, 139, id);
    }),
    TIMEOUT,
  );

  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGQUIT", 131],
    ["SIGUSR2", 140],
    ...(runtime === "node" ? [] : ([["SIGUSR1", 138]] as const)),
    // Deno survives a SIGBUS sent with kill (its own handler takes it);
    // the terminal is given back and the program runs on.
    ...(runtime === "deno" ? [] : ([["SIGBUS", 135]] as const)),
    ["SIGILL", 132],
    ["SIGFPE", 136],
  ] as const) {
    test(
      `after ${signal}`,
      withSession(runtime, "wait", async ({ pane, before, pid, id }) => {
        process.kill(pid, signal);
        await ended(pane, before, code, id);
      }),
      TIMEOUT,
    );
  }

  test(
    "after Ctrl-C typed as a key (the default handler exits)",
    withSession(runtime, "wait", async ({ pane, before, id }) => {
      pane.keys("C-c");
      await ended(pane, before, 130, id);
    }),
    TIMEOUT,
  );
});

describe.skipIf(!available)(`a hangup on ${runtime}`, () => {
  test(
    "(the terminal goes away) ends the program instead of leaving it running",
    async () => {
      const pane = (server as TmuxServer).session({ runtime });
      let pid = 0;
      try {
        await pane.run(`${fixture("session.ts", "wait")}; echo EXIT=$?`);
        const screen = await pane.started(/READY wait pid=\d+/);
        pid = Number(/pid=(\d+)/.exec(screen)?.[1]);
        // Closing the pane hangs up its terminal: SIGHUP, then EIO on
        // every read and write.
        pane.kill();
        await pane.until(
          () => !alive(pid),
          () => `process ${pid} still runs after the hangup`,
        );
      } finally {
        if (pid > 0 && alive(pid)) process.kill(pid, "SIGKILL");
      }
    },
    TIMEOUT,
  );
});

describe.skipIf(!available)(`Ctrl-Z on ${runtime}`, () => {
  test(
    "suspends with the terminal restored, and fg resumes with a full repaint",
    async () => {
      const pane = (server as TmuxServer).session({ runtime });
      try {
        const id = `suspend-${runtime}`;
        const before = marker("BEFORE");
        // Separate command lines: a stopped job would let a list go on.
        await pane.run(`${saveSettings(id)}; ${before.echo}`);
        await pane.run(fixture("session.ts", "wait"));
        await pane.waitFor(/READY wait pid=\d+/);
        expect(pane.format("#{alternate_on}")).toBe("1");

        pane.keys("C-z");
        await pane.waitFor(/Stopped/);
        await pane.waitFor(new RegExp(`^${before.text}$`, "m"));
        // The shell has a sane terminal while the job is stopped.
        await expectRestored(pane, id);

        await pane.run("fg");
        await pane.until(
          () => pane.format("#{alternate_on}") === "1",
          () => "the alternate screen is not back after fg",
        );
        // Every row repainted: the border on the first and last rows,
        // the READY text, nothing left of the shell's screen.
        const full = (rows: string[]) =>
          rows.length === 30 &&
          /^#{100}$/.test(rows[0] ?? "") &&
          /^#{100}$/.test(rows[29] ?? "") &&
          rows.slice(1, 29).every((r) => r.startsWith("#") && r.endsWith("#")) &&
          (rows[2] ?? "").startsWith("# READY wait pid=");
        await pane.until(
          () => full(pane.rows()),
          () => "the frame was not repainted after fg",
        );
        expect(paneModes(pane).mouse_any_flag).toBe("1");

        pane.keys("q");
        const done = marker("DONE");
        await pane.run(done.echo);
        await pane.waitFor(new RegExp(`^${done.text}$`, "m"));
        await pane.waitFor(new RegExp(`^${before.text}$`, "m"));
        await expectRestored(pane, id);
      } finally {
        pane.kill();
      }
    },
    TIMEOUT,
  );
});

describe.skipIf(!available)(`a terminal without cursor addressing on ${runtime}`, () => {
  test(
    "TERM=dumb: a clear error, no escape sequence written, the terminal as it was",
    async () => {
      const pane = (server as TmuxServer).session({ runtime });
      const id = `dumb-${runtime}`;
      try {
        await pane.run(`${saveSettings(id)}; clear; TERM=dumb ${fixture("session.ts", "wait")} 2>$D/${id}.err; echo EXIT=$?`);
        const screen = await pane.waitFor(/^EXIT=\d+$/m);
        expect(screen).toMatch(/^EXIT=1$/m);
        // Nothing was drawn: the screen holds only the shell's lines, and
        // every mode is as before.
        expect(screen).not.toContain("READY");
        expect(pane.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}")).toBe("0 1 0");
        await expectRestored(pane, id);
        const err = readText(`${(server as TmuxServer).dir}/${id}.err`);
        expect(err).toContain("TERM=dumb: this terminal cannot move the cursor");
      } finally {
        pane.kill();
      }
    },
    TIMEOUT,
  );
});

describe.skipIf(!available)(`late replies on ${runtime}`, () => {
  test(
    "never reach the shell: Ctrl-Z, then fg, and the resumed session asks and exits at once",
    async () => {
      const pane = (server as TmuxServer).session({ runtime });
      try {
        await pane.run(fixture("session.ts", "resume-exit"));
        await pane.waitFor(/READY resume-exit pid=\d+/);
        pane.keys("C-z");
        await pane.waitFor(/Stopped/);
        await pane.run("fg; echo EXIT=$?");
        await pane.waitFor(/^EXIT=0$/m);
        const done = marker("DONE");
        await pane.run(done.echo);
        // A reply left in the input would be read by the shell as the
        // start of this command line, and the echo would not run.
        await pane.waitFor(new RegExp(`^${done.text}$`, "m"));
        expect(pane.capture()).not.toMatch(/\?\d+(;\d+)*c|\^\[/);
      } finally {
        pane.kill();
      }
    },
    TIMEOUT,
  );
});
}
