import { describe, expect, test } from "bun:test";
import { Screen } from "./screen.ts";
import { graphemes, textWidth } from "./text.ts";

describe("textWidth", () => {
  test("agrees with the screen for ASCII, controls, wide and joined text", () => {
    using s = new Screen({ width: 600, height: 1, fd: null });
    const samples = ["", "a", "hello world", "~!@#$%^&*()_+{}|:\"<>?", "tab\there", "bell\x07", "\x7f", "é", "e\u0301", "中文", "👍🏽", "a".repeat(300), `${"x".repeat(255)}中`];
    for (const text of samples) {
      s.clear();
      const end = s.drawText(0, 0, text);
      expect({ text, width: textWidth(text) }).toEqual({ text, width: end });
      expect(graphemes(text).reduce((n, g) => n + g.width, 0)).toBe(end);
    }
  });
});
