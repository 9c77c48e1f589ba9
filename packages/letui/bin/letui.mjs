#!/usr/bin/env node
// The letui command. `letui reset` repairs a terminal that a killed
// full-screen program left raw, on the alternate screen, with the cursor
// hidden or mouse reporting on (`kill -9` runs no handler). Runs on Node
// (npx letui reset), Bun (bunx letui reset) and Deno
// (deno run -A npm:letui reset).
const [command, ...rest] = process.argv.slice(2);
const usage = "usage: letui reset    restore a terminal a killed letui app left broken";

/**
 * Node and Bun put back, as they exit, the terminal settings they found
 * when they started: here the raw mode being repaired (npx adds one more
 * Node process that does the same). So once every process of this
 * command's process group has exited, the cooked settings are applied
 * again, by a small detached shell that holds the terminal as fd 3.
 */
async function settleAfterExit() {
  const { spawn, execFileSync } = await import("node:child_process");
  // The group is read here, while this process is alive: a helper that
  // looked it up itself could start after this process has gone, find no
  // group, and repair the settings before npx's Node puts raw mode back.
  // Without `ps`, a fixed wait stands in for watching the group.
  let group = "";
  try {
    group = execFileSync("ps", ["-o", "pgid=", "-p", String(process.pid)], { encoding: "utf8" }).trim();
  } catch {
    group = "";
  }
  const wait = /^\d+$/.test(group)
    ? 'i=0; while kill -0 -"$PG" 2>/dev/null && [ "$i" -lt 3000 ]; do sleep 0.01; i=$((i + 1)); done; '
    : "sleep 0.5; ";
  const script = `${wait}stty sane <&3`;
  const child = spawn("/bin/sh", ["-c", script], { detached: true, stdio: ["ignore", "ignore", "ignore", 0], env: { ...process.env, PG: group } });
  child.unref();
}

if (command === "reset" && rest.length === 0) {
  const { resetTerminal } = await import("letui");
  try {
    resetTerminal(0, 1);
  } catch (e) {
    process.stderr.write(`letui reset: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  if (typeof globalThis.Deno === "undefined") await settleAfterExit();
} else if (command === "--help" || command === "-h" || command === "help") {
  process.stdout.write(`${usage}\n`);
} else {
  process.stderr.write(`${command === undefined ? "" : `letui: unknown command ${JSON.stringify(command)}\n`}${usage}\n`);
  process.exit(2);
}
