/**
 * A live dashboard: Tabs, a process Table updating 60 times a second
 * (click a header to sort), and a log pane that follows new lines unless
 * you scroll up. Ctrl-C quits.
 *
 * Run: node_modules/.bin/bun examples/dashboard.ts [updates per second]
 */
import { run } from "letui";
import { dashboardApp } from "./dashboard-app.ts";

const rate = Number(process.argv[2] ?? 60);
if (!Number.isFinite(rate) || rate <= 0 || rate > 1000) {
  process.stderr.write("usage: dashboard.ts [updates per second, 1..1000]\n");
  process.exit(2);
}
const dash = dashboardApp();
const { app, exited } = await run(() => dash.root, { mouse: "drag" });
const timer = setInterval(() => dash.tick(), 1000 / rate);
app.focusNext();
await exited;
clearInterval(timer);
