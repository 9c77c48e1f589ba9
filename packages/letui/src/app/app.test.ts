import { describe, expect, test } from "bun:test";
import { Box, Button, Input, Row, Text } from "../components.ts";
import { signal, subscriberCount } from "../signals.ts";
import { render } from "../testing/index.ts";
import { mergeRects, normalizeCombo } from "./app.ts";

describe("the frame loop", () => {
  test("an idle app writes no bytes and paints no frames", async () => {
    const t = await render(() => Box({ border: "single" }, Text("hello")), { width: 20, height: 5 });
    t.takeOutput();
    const frames = t.app.stats.frames;
    await t.frame();
    await t.frame();
    expect(t.takeOutput().length).toBe(0);
    expect(t.app.stats.frames).toBe(frames);
    t.unmount();
  });

  test("many changes in one tick make one frame", async () => {
    const n = signal(0);
    const t = await render(() => Text(n), { width: 10, height: 1 });
    const frames = t.app.stats.frames;
    for (let i = 1; i <= 50; i++) n.value = i;
    await t.nextFrame();
    expect(t.app.stats.frames).toBe(frames + 1);
    expect(t.lines()[0]).toBe("50        ");
    t.unmount();
  });

  test("a text change repaints only what changed", async () => {
    const n = signal("a");
    const t = await render(
      () => Box({}, Text("a fixed line of text across the top"), Text(n), Text("and another fixed line at the bottom")),
      { width: 40, height: 3 },
    );
    t.takeOutput();
    n.value = "b";
    await t.nextFrame();
    const out = new TextDecoder().decode(t.takeOutput());
    expect(out).toContain("b");
    expect(out).not.toContain("fixed");
    expect(t.app.stats.lastFrameBytes).toBeLessThan(30);
    t.unmount();
  });

  test("layout runs only when structure, style or text changed", async () => {
    const focusable = Button({ label: "x" });
    const t = await render(() => Box({}, focusable), { width: 10, height: 2 });
    const layouts = t.app.stats.layouts;
    t.app.focus(focusable);
    await t.frame();
    expect(t.app.stats.layouts).toBe(layouts);
    expect(t.app.stats.frames).toBeGreaterThan(0);
    t.unmount();
  });

  test("a text change that keeps the measured size runs no layout", async () => {
    const label = signal("cpu 10%");
    const shrunk = signal("ab");
    const t = await render(
      () => Row({}, Box({ border: "single", width: 12 }, Text(label)), Box({ border: "single" }, Text(shrunk))),
      { width: 30, height: 3 },
    );
    const layouts = t.app.stats.layouts;
    label.value = "cpu 99%";
    await t.nextFrame();
    expect(t.app.stats.layouts).toBe(layouts);
    expect(t.lines()[1]).toBe("│cpu 99%   ││ab│".padEnd(30));
    // Wrapping to two lines, or a shrink-wrapped box's text growing, lays out again.
    label.value = "cpu 99% of all four";
    await t.nextFrame();
    expect(t.app.stats.layouts).toBe(layouts + 1);
    shrunk.value = "abc";
    await t.nextFrame();
    expect(t.app.stats.layouts).toBe(layouts + 2);
    expect(t.lines()[1]).toBe("│cpu 99% of││abc│".padEnd(30));
    t.unmount();
  });
});

describe("focus and keys", () => {
  test("Tab and Shift-Tab move focus in document order, honouring tabIndex", async () => {
    const a = Button({ label: "a" });
    const b = Button({ label: "b", tabIndex: 1 });
    const c = Button({ label: "c" });
    const skip = Button({ label: "d", tabIndex: -1 });
    const t = await render(() => Row({}, a, skip, b, c), { width: 30, height: 1 });
    t.press("tab");
    expect(t.app.focused).toBe(b);
    t.press("tab");
    expect(t.app.focused).toBe(a);
    t.press("tab");
    expect(t.app.focused).toBe(c);
    t.press("tab");
    expect(t.app.focused).toBe(b);
    t.press("shift+tab");
    expect(t.app.focused).toBe(c);
    t.unmount();
  });

  test("keys bubble from the focused element, and stopPropagation stops them", async () => {
    const seen: string[] = [];
    const input = Input({ onKey: (e) => seen.push(`input:${e.combo}`) });
    const t = await render(
      () =>
        Box(
          { onKey: (e) => seen.push(`outer:${e.combo}`) },
          Box({ onKey: (e) => (seen.push(`inner:${e.combo}`), e.name === "x" && e.stopPropagation()) }, input),
        ),
      { width: 20, height: 3, keys: { "ctrl+g": () => seen.push("global") } },
    );
    t.app.focus(input);
    t.press("f1");
    t.press("x");
    t.press("ctrl+g");
    expect(seen).toEqual([
      "input:f1",
      "inner:f1",
      "outer:f1",
      "input:x",
      // The input typed "x" and stopped it.
      "input:ctrl+g",
      "inner:ctrl+g",
      "outer:ctrl+g",
      "global",
    ]);
    t.unmount();
  });

  test("Ctrl-C stops the app by default", async () => {
    const t = await render(() => Text("hi"), { width: 5, height: 1 });
    t.press("ctrl+c");
    expect(t.exitCode).toBe(130);
    expect(t.app.stopped).toBe(true);
  });

  test("combos are normalized", () => {
    expect(normalizeCombo("Shift+Ctrl+A")).toBe("ctrl+shift+a");
    expect(normalizeCombo("cmd+option+x")).toBe("alt+super+x");
  });
});

describe("mouse", () => {
  test("hit testing respects stacking and clipping; hover enters and leaves", async () => {
    const events: string[] = [];
    const under = Box({ id: "under", width: 10, height: 3, onMouseEnter: () => events.push("enter under"), onMouseLeave: () => events.push("leave under") });
    const over = Box({
      id: "over",
      position: "absolute",
      top: 1,
      left: 2,
      width: 4,
      height: 1,
      zIndex: 1,
      onMouseEnter: () => events.push("enter over"),
      onMouseLeave: () => events.push("leave over"),
    });
    const clipped = Box({ id: "clip", height: 1, overflow: "hidden", width: 3 }, Box({ id: "wide", width: 20, height: 1 }));
    const t = await render(() => Box({}, Box({ height: 3 }, under, over), clipped), { width: 20, height: 5 });
    expect(t.app.hitTest(1, 0)?.id).toBe("under");
    expect(t.app.hitTest(3, 1)?.id).toBe("over");
    expect(t.app.hitTest(1, 3)?.id).toBe("wide");
    expect(t.app.hitTest(10, 3)?.id).not.toBe("wide");
    t.mouse("move", 1, 0, "none");
    t.mouse("move", 3, 1, "none");
    t.mouse("move", 1, 0, "none");
    expect(events).toEqual(["enter under", "leave under", "enter over", "leave over", "enter under"]);
    t.unmount();
  });

  test("wheel events scroll the nearest scrollable ancestor", async () => {
    const lines = Array.from({ length: 20 }, (_, i) => Text(`line ${i}`));
    const scroller = Box({ id: "scroller", height: 5, overflow: "scroll" }, ...lines);
    const t = await render(() => Box({}, scroller), { width: 12, height: 5 });
    expect(t.lines()[0]).toBe("line 0      ");
    t.wheel(2, 2, "down");
    await t.frame();
    expect(scroller.scrollTop).toBe(3);
    expect(t.lines()[0]).toBe("line 3      ");
    t.wheel(2, 2, "up");
    t.wheel(2, 2, "up");
    await t.frame();
    expect(t.lines()[0]).toBe("line 0      ");
    t.unmount();
  });
});

describe("lifetime", () => {
  test("mounting and unmounting 10,000 times leaks no subscribers", async () => {
    const shared = signal("x");
    const color = signal<"red" | "blue">("red");
    const holder = Box({});
    const t = await render(() => holder, { width: 20, height: 2 });
    for (let i = 0; i < 10_000; i++) {
      const child = Box({ border: "single", borderColor: color }, Text(shared), Input({ value: shared }));
      holder.append(child);
      holder.remove(child);
    }
    await t.frame();
    expect(subscriberCount(shared)).toBe(0);
    expect(subscriberCount(color)).toBe(0);
    t.unmount();
  });

  test("damage rectangles merge", () => {
    const r = mergeRects(
      [
        { x: 0, y: 0, width: 10, height: 2 },
        { x: 1, y: 1, width: 2, height: 1 },
        { x: -5, y: 0, width: 8, height: 1 },
      ],
      8,
      4,
    );
    expect(r).toEqual([{ x: 0, y: 0, width: 8, height: 2 }]);
  });
});

describe("maxFps", () => {
  test("changes faster than maxFps wait for the next slot", async () => {
    const n = signal(0);
    const t = await render(() => Text(n), { width: 6, height: 1, maxFps: 1 });
    // render() painted the first frame just now: the next slot is a second away.
    const frames = t.app.stats.frames;
    n.value = 2;
    // A macrotask later, an unthrottled app would have painted.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(t.app.stats.frames).toBe(frames);
    expect(t.lines()[0]).toBe("0     ");
    t.app.frame();
    expect(t.lines()[0]).toBe("2     ");
    t.unmount();
  });
});

describe("the manual clock", () => {
  test("runs due timers in order, timers they set included, and cancels", async () => {
    const { ManualClock } = await import("./clock.ts");
    const c = new ManualClock();
    const seen: string[] = [];
    c.after(20, () => seen.push(`b@${c.now()}`));
    c.after(10, () => {
      seen.push(`a@${c.now()}`);
      c.after(5, () => seen.push(`c@${c.now()}`));
    });
    const cancel = c.after(12, () => seen.push("never"));
    c.after(20, () => seen.push(`b2@${c.now()}`));
    cancel();
    c.advance(14);
    expect(seen).toEqual(["a@10"]);
    expect(c.now()).toBe(14);
    c.advance(6);
    expect(seen).toEqual(["a@10", "c@15", "b@20", "b2@20"]);
    expect(c.pending).toBe(0);
  });
});
