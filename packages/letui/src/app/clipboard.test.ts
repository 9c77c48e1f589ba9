import { describe, expect, test } from "bun:test";
import { base64, Clipboard, osc52 } from "./clipboard.ts";

describe("clipboard", () => {
  test("base64 matches the standard encoding for every padding case", () => {
    for (const s of ["", "a", "ab", "abc", "abcd", "héllo wörld 👋"]) {
      const bytes = new TextEncoder().encode(s);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) & 255);
    expect(base64(big)).toBe(Buffer.from(big).toString("base64"));
  });

  test("OSC 52 carries the text as base64, so no text reaches the terminal as is", () => {
    expect(osc52("\x1b[31mred")).toBe(`\x1b]52;c;${Buffer.from("\x1b[31mred").toString("base64")}\x07`);
    const written: string[] = [];
    const c = new Clipboard((d) => written.push(d));
    c.copy("hi");
    expect(c.text).toBe("hi");
    expect(written).toEqual([osc52("hi")]);
    c.mode = "internal";
    c.copy("quiet");
    expect(written.length).toBe(1);
    expect(c.text).toBe("quiet");
  });
});
