import { describe, expect, test } from "bun:test";
import { chatApp, KEPT } from "../../../examples/chat-app.ts";
import { longReply, reply, tokens } from "../../../examples/chat-model.ts";
import type { ManualClock } from "../src/app/clock.ts";
import { render } from "../src/testing/index.ts";

/** Streams until the model is idle again (at most `ms` of simulated time). */
async function settle(t: Awaited<ReturnType<typeof render>>, chat: ReturnType<typeof chatApp>, ms = 120_000): Promise<void> {
  for (let spent = 0; chat.phase() !== "idle" && spent < ms; spent += 100) await t.advance(100);
  expect(chat.phase()).toBe("idle");
}

describe("the chat example's model", () => {
  test("is deterministic, and its tokens join back to the answer", () => {
    expect(reply("hi", 0)).toBe(reply("hi", 0));
    expect(reply("show me a diff", 0)).toContain("```diff");
    expect(reply("a table please", 0)).toContain("| Structure |");
    const text = `${longReply(30)} 👍🏽 ✓`;
    const pieces = tokens(text);
    expect(pieces.join("")).toBe(text);
    for (const p of pieces) expect(/^[\udc00-\udfff]/.test(p)).toBe(false);
  });
});

describe("the chat example, inline", () => {
  test("a sent message is printed; the answer streams into the scrollback block by block", async () => {
    const chat = chatApp({ tokensPerSecond: 100, thinkMs: 600 });
    const t = await render(() => chat.root, { width: 80, height: 16 });
    expect(t.app.focused).toBe(chat.input);
    t.type("how do I debounce?");
    t.press("enter");
    await t.frame();
    expect(t.printed).toContain("❯ how do I debounce?");
    expect(chat.input.text).toBe("");
    // Thinking: the spinner shows, nothing streams yet.
    await t.advance(300);
    expect(t.text()).toContain("Thinking…");
    expect(chat.phase()).toBe("thinking");
    // Streaming at 100 tokens/s: the heading is finished after a few tokens and printed.
    await t.advance(800);
    expect(chat.phase()).toBe("streaming");
    expect(t.text()).not.toContain("Thinking…");
    expect(chat.streamed()).toBeGreaterThan(10);
    expect(chat.streamed()).toBeLessThan(60);
    expect(t.printed).toContain("Debouncing input");
    expect(t.text()).toContain("streaming…");
    // The live region holds only the open block.
    const open = chat.answer();
    expect(open).not.toBeNull();
    expect(open?.finishedBlocks).toBe(0);
    await settle(t, chat);
    const printed = t.printed.join("\n");
    // Everything arrived once, in order.
    const order = ["❯ how do I debounce?", "Debouncing input", "You asked: how do I debounce?", "• The timer restarts", "export function debounce", "return call;", "See the timers guide"];
    let at = -1;
    for (const s of order) {
      const i = printed.indexOf(s);
      expect([s, i > at]).toEqual([s, true]);
      at = i;
    }
    expect(printed.split("export function debounce").length).toBe(2);
    expect(t.text()).not.toContain("debounce");
    expect(t.text()).toContain(`${tokens(reply("how do I debounce?", 0)).length} tokens`);
    // Idle: no timer is left (the hidden spinner costs nothing).
    expect((t.app.clock as ManualClock).pending).toBe(0);
    await t.advance(5_000);
    t.takeOutput();
    await t.advance(5_000);
    expect(t.takeOutput().length).toBe(0);
    t.unmount();
  });

  test("Esc stops a streaming answer, closing an open code block; Alt-Enter is a newline", async () => {
    const chat = chatApp({ tokensPerSecond: 100, thinkMs: 100 });
    const t = await render(() => chat.root, { width: 80, height: 16 });
    t.type("one");
    t.press("alt+enter");
    t.type("two");
    await t.frame();
    expect(chat.input.text).toBe("one\ntwo");
    expect(chat.input.view.height).toBe(2);
    t.press("enter");
    await t.frame();
    expect(chat.input.view.height).toBe(1);
    expect(t.printed.slice(0, 2)).toEqual(["❯ one", "two"]);
    // Into the code block (it starts near token 110), then Esc.
    await t.advance(1_500);
    expect(chat.phase()).toBe("streaming");
    t.press("escape");
    await t.frame();
    expect(chat.phase()).toBe("idle");
    const printed = t.printed.join("\n");
    expect(printed).toContain("[interrupted]");
    // Printed as text after the closed block, not as a line of code.
    expect(t.printed.some((l) => l === "[interrupted]")).toBe(true);
    expect(printed).not.toContain("return call;");
    expect(t.text()).toContain("stopped after");
    // Esc while thinking stops too.
    t.type("again");
    t.press("enter");
    await t.advance(50);
    expect(chat.phase()).toBe("thinking");
    t.press("escape");
    expect(chat.phase()).toBe("idle");
    expect((t.app.clock as ManualClock).pending).toBe(0);
    t.unmount();
  });

  test("/ lists the commands; arrows pick, Tab completes, Enter runs", async () => {
    const chat = chatApp({ tokensPerSecond: 2_000, thinkMs: 0 });
    const t = await render(() => chat.root, { width: 80, height: 16 });
    t.type("/");
    await t.frame();
    for (const c of ["/help", "/long", "/clear", "/exit"]) expect(t.text()).toContain(c);
    t.type("l");
    await t.frame();
    expect(t.text()).toContain("/long");
    expect(t.text()).not.toContain("/help");
    t.press("tab");
    await t.frame();
    expect(chat.input.text).toBe("/long ");
    expect(t.text()).not.toContain("ask for a long answer");
    t.type("7");
    t.press("enter");
    await settle(t, chat);
    const printed = t.printed.join("\n");
    expect(printed).toContain("❯ /long 7");
    expect(printed).toContain("7.");
    expect(printed).toContain("That was paragraph 7, the last one.");
    // Down then Enter on a half-typed name runs the picked command.
    t.type("/");
    t.press("down");
    t.press("down");
    t.press("up");
    t.press("up");
    t.press("enter");
    await t.frame();
    expect(t.printed.join("\n")).toContain("Shift-Enter");
    expect(t.printed.join("\n")).toContain("/clear: start a new conversation");
    // A bad argument and an unknown command say so and send nothing.
    const before = t.printed.length;
    t.type("/long lots");
    t.press("enter");
    await t.frame();
    expect(t.text()).toContain("/long takes a whole number");
    t.type("/nope");
    t.press("escape");
    t.press("enter");
    await t.frame();
    expect(t.text()).toContain("unknown command /nope");
    expect(t.printed.length).toBe(before);
    t.type("/exit");
    t.press("enter");
    expect(t.exitCode).toBe(0);
  });

  test("a resize re-wraps the live region", async () => {
    const chat = chatApp({ tokensPerSecond: 100, thinkMs: 0 });
    const t = await render(() => chat.root, { width: 80, height: 16 });
    t.type("debounce");
    t.press("enter");
    await t.advance(300);
    const wide = t.lines().findIndex((l) => l.includes("A debounce"));
    expect(wide).toBeGreaterThanOrEqual(0);
    t.resize(40, 16);
    await t.frame();
    for (const l of t.lines()) expect(l.length).toBe(40);
    expect(t.text()).toContain("╰──────");
    expect(t.text()).toContain("A debounce");
    t.unmount();
  });
});

describe("the chat example, full screen", () => {
  test("messages stay in a ScrollBox that follows the stream", async () => {
    const chat = chatApp({ mode: "fullscreen", tokensPerSecond: 500, thinkMs: 100 });
    const t = await render(() => chat.root, { width: 80, height: 20 });
    t.type("show me a patch");
    t.press("enter");
    await settle(t, chat);
    t.type("/long 40");
    t.press("enter");
    await settle(t, chat);
    expect(t.printed).toEqual([]);
    // Stuck to the bottom: the end of the last answer shows.
    expect(t.text()).toContain("That was paragraph 40, the last one.");
    expect(t.text()).not.toContain("❯ show me a patch");
    // The wheel scrolls back to the start.
    for (let i = 0; i < 60; i++) t.wheel(10, 3, "up");
    await t.frame();
    expect(t.text()).toContain("❯ show me a patch");
    expect(t.text()).toContain("−         let entry = self.map.get(key)?;");
    t.type("/clear");
    t.press("enter");
    await t.frame();
    expect(t.text()).not.toContain("❯ show me a patch");
    t.unmount();
  });

  test("a long session keeps the newest messages only, bounded", async () => {
    const chat = chatApp({ mode: "fullscreen", tokensPerSecond: 20_000, thinkMs: 0 });
    const t = await render(() => chat.root, { width: 80, height: 20 });
    for (let i = 0; i < KEPT; i++) {
      t.type(`question ${i}`);
      t.press("enter");
      await settle(t, chat);
    }
    const pages = t.app.root.find("transcript")?.children ?? [];
    expect(pages.reduce((n, p) => n + p.children.length, 0)).toBe(KEPT);
    wheelUp(t);
    await t.frame();
    // Each question and its answer are two entries: the oldest half were dropped.
    expect(t.text()).toMatch(new RegExp(`❯ question ${KEPT / 2} `));
    expect(t.text()).not.toMatch(new RegExp(`❯ question ${KEPT / 2 - 1} `));
    t.unmount();
  });
});

function wheelUp(t: Awaited<ReturnType<typeof render>>): void {
  for (let i = 0; i < 2_000; i++) t.wheel(10, 3, "up");
}

