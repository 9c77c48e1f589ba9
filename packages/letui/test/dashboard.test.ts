import { describe, expect, test } from "bun:test";
import { dashboardApp } from "../../../examples/dashboard-app.ts";
import { render } from "../src/testing/index.ts";

describe("the dashboard example", () => {
  test("the table updates live and sorts by header clicks; the log follows new lines; tabs switch", async () => {
    const d = dashboardApp({ procs: 30 });
    const t = await render(() => d.root, { width: 80, height: 16 });
    expect(t.text()).toContain("CPU % ▼");
    const before = t.text();
    d.tick();
    await t.frame();
    expect(t.text()).not.toBe(before);
    // Sorted by CPU, highest first.
    const cpus = t
      .lines()
      .slice(4, 10)
      .map((l) => Number(l.split(/\s+/).filter(Boolean)[2]));
    expect(cpus).toEqual([...cpus].sort((a, b) => b - a));
    const header = t.lines().findIndex((l) => l.includes("PID"));
    t.click((t.lines()[header] as string).indexOf("Name") + 1, header);
    await t.frame();
    expect(d.order.value).toEqual({ column: 1, direction: "asc" });
    expect(t.text()).toContain("Name ▲");
    t.app.focus(t.app.root.find("tabs")?.children[0] ?? null);
    t.press("right");
    for (let i = 0; i < 120; i++) d.tick();
    await t.frame();
    const last = d.logs.value.at(-1)?.text.trim() ?? "";
    expect(last).not.toBe("");
    expect(t.text()).toContain(last);
    t.unmount();
  });
});
