import { describe, expect, test } from "bun:test";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Box } from "./box.ts";
import { Button } from "./button.ts";
import { Show } from "./control-flow.ts";
import { ProgressBar, Sparkline, Spinner, type SpinnerElement } from "./progress.ts";
import { ScrollBox } from "./scroll-box.ts";
import { Text } from "./text.ts";
import { toast } from "./toast.ts";

describe("toast", () => {
  test("stacks in the corner, goes away by itself, by click and by Escape", async () => {
    let pressed = 0;
    const t = await render(() => Box({ flexGrow: 1 }, Button({ label: "Go", onPress: () => pressed++ })), { width: 50, height: 14 });
    toast(t.app, "Saved notes.txt", { kind: "success", duration: 1000 });
    toast(t.app, "Second", { title: "Heads up", duration: 0 });
    const third = toast(t.app, "Third", { duration: 5000 });
    await t.frame();
    const text = t.text();
    expect(text).toContain("Saved notes.txt");
    expect(text).toContain("Heads up");
    expect(text.indexOf("Saved")).toBeLessThan(text.indexOf("Third"));
    // The first goes after its duration; nothing is drawn until then.
    await t.advance(999);
    expect(t.text()).toContain("Saved");
    await t.advance(1);
    expect(t.text()).not.toContain("Saved");
    // Escape takes the newest.
    t.press("escape");
    expect(third.dismissed).toBe(true);
    await t.frame();
    expect(t.text()).not.toContain("Third");
    // A click on a toast dismisses it; clicks elsewhere reach the app.
    t.click(1, 0);
    expect(pressed).toBe(1);
    const row = t.lines().findIndex((l) => l.includes("Second"));
    const col = t.lines()[row]?.indexOf("Second") ?? 0;
    t.click(col, row);
    await t.frame();
    expect(t.text()).not.toContain("Second");
    expect(t.app.overlays.length).toBe(0);
    t.unmount();
  });

  test("bad arguments are clear errors", async () => {
    const t = await render(() => Text("x"), { width: 10, height: 3 });
    expect(() => toast(t.app, 5 as never)).toThrow(/toast: prop message/);
    expect(() => toast(t.app, "x", { kind: "loud" as never })).toThrow(/toast: prop kind/);
    expect(() => toast(t.app, "x", { duration: -1 })).toThrow(/toast: prop duration/);
    t.unmount();
  });
});

describe("ProgressBar, Spinner, Sparkline", () => {
  test("a determinate bar fills to an eighth of a cell", async () => {
    const value = signal(0.5);
    const t = await render(() => ProgressBar({ value, width: 10, showPercent: true }), { width: 10, height: 1 });
    expect(t.lines()[0]).toBe("██▌    50%"); // 2.5 of 5 cells
    value.value = 0.1; // half a cell
    await t.frame();
    expect(t.lines()[0]).toBe("▌      10%");
    value.value = 0.125; // five eighths
    await t.frame();
    expect(t.lines()[0]).toBe("▋      12%");
    value.value = 1;
    await t.frame();
    expect(t.lines()[0]).toBe("█████ 100%");
    expect(() => ProgressBar({ value: Number.NaN })).toThrow(/ProgressBar: prop value/);
    t.unmount();
  });

  test("an indeterminate bar sweeps while visible", async () => {
    const t = await render(() => ProgressBar({ value: null, width: 10 }), { width: 10, height: 1 });
    const first = t.lines()[0];
    await t.advance(60);
    expect(t.lines()[0]).not.toBe(first);
    t.unmount();
  });

  test("a spinner turns on the clock, and costs nothing while hidden or scrolled out", async () => {
    const show = signal(true);
    let spinner: SpinnerElement | undefined;
    const t = await render(
      () =>
        Show({ when: show }, () => {
          spinner = Spinner({ label: "Loading", kind: "line" });
          return spinner;
        }),
      { width: 20, height: 2 },
    );
    expect(t.lines()[0]).toStartWith("- Loading");
    await t.advance(120);
    expect(t.lines()[0]).toStartWith("\\ Loading");
    show.value = false;
    await t.frame();
    expect(spinner?.running).toBe(false);
    const frames = t.app.stats.frames;
    await t.advance(10_000);
    expect(t.app.stats.frames).toBe(frames);
    t.unmount();

    // Scrolled out of view: no timer; back in view: it spins again.
    const inner = Spinner({ label: "busy" });
    const rows = Array.from({ length: 20 }, (_, i) => Text(`row ${i}`));
    const sb = ScrollBox({ height: 3 }, inner, ...rows);
    const s = await render(() => Box({}, sb), { width: 20, height: 3 });
    expect(inner.running).toBe(true);
    sb.scrollTo(10);
    await s.frame();
    expect(inner.running).toBe(false);
    const before = s.app.stats.frames;
    await s.advance(5000);
    expect(s.app.stats.frames).toBe(before);
    sb.scrollTo(0);
    await s.frame();
    expect(inner.running).toBe(true);
    s.unmount();
  });

  test("a sparkline shows the last values that fit", async () => {
    const data = signal([1, 2, 3, 4, 5, 6, 7, 8]);
    const t = await render(() => Sparkline({ data, width: 8 }), { width: 8, height: 1 });
    expect(t.lines()[0]).toBe("▁▂▃▄▅▆▇█");
    data.value = [0, 10, 0, 10, 0, 10, 0, 10, 0, 10];
    await t.frame();
    expect(t.lines()[0]).toBe("▁█▁█▁█▁█");
    expect(() => Sparkline({ data: ["x"] as never })).toThrow(/Sparkline: prop data/);
    t.unmount();
  });
});
