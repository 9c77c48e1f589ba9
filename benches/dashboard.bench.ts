/**
 * The dashboard example at 60 updates per second in a real terminal
 * (tmux, 120x40): the whole process's CPU over 10 s as a share of one
 * core, read from /proc. Also the headless CPU per update+frame.
 *
 * Run: node_modules/.bin/bun benches/dashboard.bench.ts
 */
import { openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "letui";
import { Screen } from "letui/screen";
import { dashboardApp } from "../examples/dashboard-app.ts";

const ROOT = join(import.meta.dir, "..");

{
  const screen = new Screen({ width: 120, height: 40, fd: openSync("/dev/null", "w"), colorMode: "truecolor" });
  const app = new App({ screen, stop() {} });
  const d = dashboardApp();
  app.mount(d.root);
  app.frame();
  for (let i = 0; i < 300; i++) {
    d.tick();
    app.frame();
  }
  const n = 3000;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    d.tick();
    app.frame();
  }
  const c = process.cpuUsage(c0);
  console.log(`dashboard headless: ${((c.user + c.system) / n).toFixed(0)} us CPU per update and frame`);
}

function ticks(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(f[11]) + Number(f[12]);
}

const tmux = (...args: string[]) => Bun.spawnSync(["tmux", "-L", "letui-dash-bench", ...args]).stdout.toString().trim();
if (Bun.spawnSync(["sh", "-c", "command -v tmux"]).exitCode !== 0) {
  console.log("dashboard in tmux: skipped (no tmux)");
} else {
  tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "d", `exec ${join(ROOT, "node_modules/.bin/bun")} ${join(ROOT, "examples/dashboard.ts")} 60`);
  await Bun.sleep(3000);
  const pid = Number(tmux("display", "-p", "-t", "d", "#{pane_pid}"));
  const t0 = ticks(pid);
  const w0 = performance.now();
  await Bun.sleep(10_000);
  const used = (ticks(pid) - t0) / 100;
  const wall = (performance.now() - w0) / 1000;
  tmux("kill-server");
  console.log(`dashboard in tmux at 60 updates/s: ${((100 * used) / wall).toFixed(1)}% of one core over ${wall.toFixed(1)} s`);
}
