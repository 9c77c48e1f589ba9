import { describe, expect, test } from "bun:test";
import { InputDecoder } from "./decoder.ts";
import type { KeyEvent, MouseEvent } from "./events.ts";

const enc = new TextEncoder();

function keys(bytes: string | Uint8Array): KeyEvent[] {
  using d = new InputDecoder();
  return d.feed(typeof bytes === "string" ? enc.encode(bytes) : bytes).filter((e): e is KeyEvent => e.type === "key");
}

describe("decoded keys", () => {
  test("name, text, combo and modifiers", () => {
    const [a, A, ctrlA, altX, up, e1, clus] = keys("aA\x01\x1bx\x1b[1;6A\u00e9\u0065\u0301");
    const [fffd, z] = keys(new Uint8Array([0xff, 0x7a]));
    expect([a?.name, a?.text, a?.combo, a?.shift]).toEqual(["a", "a", "a", false]);
    expect([A?.name, A?.text, A?.combo, A?.shift]).toEqual(["a", "A", "shift+a", true]);
    expect([ctrlA?.name, ctrlA?.combo, ctrlA?.ctrl, ctrlA?.text]).toEqual(["a", "ctrl+a", true, ""]);
    expect([altX?.combo, altX?.alt]).toEqual(["alt+x", true]);
    expect([up?.name, up?.combo, up?.ctrl, up?.shift, up?.alt]).toEqual(["up", "ctrl+shift+up", true, true, false]);
    expect([e1?.name, e1?.text]).toEqual(["é", "é"]);
    expect([fffd?.name, fffd?.text, z?.name]).toEqual(["\ufffd", "\ufffd", "z"]);
    expect([clus?.name, clus?.text]).toEqual(["e", "e\u0301"]);
    for (const k of [a, A, up]) expect(k?.kind).toBe("press");
  });

  test("short non-ASCII text is the same from the cache", () => {
    const first = keys("中é😀");
    const again = keys("中é😀");
    expect(first.map((k) => k.text)).toEqual(["中", "é", "😀"]);
    expect(again.map((k) => k.text)).toEqual(["中", "é", "😀"]);
    // Same bytes, different lengths: distinct entries.
    expect(keys(new Uint8Array([0xc3, 0xa9, 0xc3, 0xa9])).map((k) => k.text)).toEqual(["é", "é"]);
  });

  test("spreading a key keeps its fields; preventDefault is per key", () => {
    const [a, b] = keys("ab");
    const copy = { ...a };
    expect(copy).toMatchObject({ type: "key", name: "a", text: "a", combo: "a", ctrl: false, shift: false, kind: "press" });
    a?.preventDefault();
    expect(a?.defaultPrevented).toBe(true);
    expect(b?.defaultPrevented).toBe(false);
  });

  test("kitty press, repeat and release", () => {
    expect(keys("\x1b[97;1:1u\x1b[97;1:2u\x1b[97;1:3u").map((k) => k.kind)).toEqual(["press", "repeat", "release"]);
  });
});

describe("decoded mouse events", () => {
  test("position, button, kind and modifiers", () => {
    using d = new InputDecoder();
    const [down, wheel] = d.feed(enc.encode("\x1b[<0;10;5M\x1b[<68;3;4M")) as MouseEvent[];
    expect(down).toMatchObject({ type: "mouse", x: 9, y: 4, button: "left", kind: "down", shift: false, ctrl: false });
    expect(wheel).toMatchObject({ type: "mouse", x: 2, y: 3, button: "wheelUp", kind: "wheel", shift: true });
  });
});

describe("big chunks", () => {
  test("a chunk of any size decodes as its slices would, sequences split across slices included", () => {
    const parts: string[] = [];
    for (let i = 0; i < 6000; i++) parts.push(i % 3 === 0 ? "\x1b[1;5A" : i % 3 === 1 ? "中" : "x");
    const bytes = enc.encode(parts.join(""));
    expect(bytes.length).toBeGreaterThan(3 * 4096);
    using whole = new InputDecoder();
    using small = new InputDecoder();
    const a = whole.feed(bytes).map((e) => (e.type === "key" ? e.combo : e.type));
    const b: string[] = [];
    for (let at = 0; at < bytes.length; at += 7) for (const e of small.feed(bytes.subarray(at, at + 7))) b.push(e.type === "key" ? e.combo : e.type);
    expect(a.length).toBe(6000);
    expect(a).toEqual(b);
  });

  test("1 MiB of ESC bytes is half a million Alt+Escape keys, in one call", () => {
    using d = new InputDecoder();
    const events = d.feed(new Uint8Array(1 << 20).fill(0x1b));
    expect(events.length).toBe((1 << 19) - 1);
    expect((events[0] as KeyEvent).combo).toBe("alt+escape");
    expect(d.pending).toBe(true);
  });
});

describe("options", () => {
  test("a bad maxPaste is a LetuiError on every runtime (Deno's FFI threw a TypeError for NaN)", () => {
    for (const bad of [NaN, -1, 1.5, Infinity]) {
      expect(() => new InputDecoder({ maxPaste: bad })).toThrow(/maxPaste must be a whole number/);
    }
    using d = new InputDecoder({ maxPaste: 2 ** 40 });
    expect(d.feed(enc.encode("a")).length).toBe(1);
  });
});
