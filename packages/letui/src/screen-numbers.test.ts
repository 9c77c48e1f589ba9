/**
 * One rule for numbers in every drawing call: a coordinate that is NaN or
 * infinite draws nothing; any other coordinate is floored and kept where
 * it is (far away stays far away, off screen), never wrapped into range;
 * sizes are floored, NaN is 0 and Infinity reaches the edge. And one cell
 * holds a bounded cluster.
 */
import { describe, expect, test } from "bun:test";
import { MAX_CLUSTER_CHARS, Screen } from "./screen.ts";

const decoder = new TextDecoder();
const W = 6;
const H = 3;

function screen(): Screen {
  return new Screen({ width: W, height: H, fd: null, colorMode: "truecolor" });
}

function blank(s: Screen): boolean {
  for (let y = 0; y < H; y++) if (s.rowText(y) !== " ".repeat(W)) return false;
  return true;
}

/** Coordinates that name no cell on a 6x3 screen. */
const nowhere = [NaN, Infinity, -Infinity, 2 ** 32 + 1, 2 ** 32, -(2 ** 32) + 1, 1e12, -1e12, 2 ** 31, -(2 ** 31) - 2, 2 ** 53];

type Draw = (s: Screen, x: number, y: number) => void;
const draws: Record<string, Draw> = {
  "setCell ASCII": (s, x, y) => s.setCell(x, y, "a"),
  "setCell wide": (s, x, y) => s.setCell(x, y, "中"),
  "setCell accented": (s, x, y) => s.setCell(x, y, "é"),
  drawText: (s, x, y) => s.drawText(x, y, "xy"),
  "drawText wide": (s, x, y) => s.drawText(x, y, "中文"),
  fill: (s, x, y) => s.fill(x, y, 1, 1, "z"),
  "fill huge": (s, x, y) => s.fill(x, y, 1e3, 1e3, "z"),
};

describe("coordinates that name no cell draw nothing", () => {
  for (const [name, draw] of Object.entries(draws)) {
    test(name, () => {
      for (const bad of nowhere) {
        using s = screen();
        draw(s, bad, 1);
        draw(s, 1, bad);
        draw(s, bad, bad);
        expect({ bad, blank: blank(s) }).toEqual({ bad, blank: true });
      }
    });
  }
});

describe("the cases that used to wrap", () => {
  test("setCell(NaN, NaN, '中') does not draw at (0,0)", () => {
    using s = screen();
    s.setCell(NaN, NaN, "中");
    expect(blank(s)).toBe(true);
  });

  test("setCell(2**32+1, 2, 'é') does not land in column 1", () => {
    using s = screen();
    s.setCell(2 ** 32 + 1, 2, "é");
    expect(s.rowText(2)).toBe(" ".repeat(W));
  });

  test("fill(NaN, NaN, 1e12, 1e12) does not fill the screen", () => {
    using s = screen();
    s.fill(NaN, NaN, 1e12, 1e12, "z");
    expect(blank(s)).toBe(true);
  });

  test("a huge fill from far to the left reaches exactly as far as it says", () => {
    using s = screen();
    s.fill(-(2 ** 32), 0, 2 ** 32 + 2, 1, "z");
    expect(s.rowText(0)).toBe("zz    ");
    s.fill(-1e12, 1, 1e12, 1, "z");
    expect(s.rowText(1)).toBe("      ");
    // Wide glyphs tile from the first visible column, as from a small x.
    s.fill(-(2 ** 40) - 3, 2, Infinity, 1, "中");
    const row = s.rowText(2);
    s.fill(-3, 2, 20, 1, "中");
    expect(s.rowText(2)).toBe(row);
  });

  test("a text starting far to the left stays far to the left", () => {
    using s = screen();
    // Wrapping -2^32+2 to 32 bits would start it at column 2.
    s.drawText(-(2 ** 32) + 2, 0, "abcdef");
    expect(blank(s)).toBe(true);
  });
});

describe("fractions are floored and sizes clip", () => {
  test("every call floors the same way", () => {
    using s = screen();
    s.setCell(1.7, 0.2, "a");
    s.setCell(2.5, 0.9, "é");
    s.drawText(3.99, 0, "b");
    s.fill(4.5, 0.5, 1.9, 1.2, "c");
    expect(s.rowText(0)).toBe(" aébc ");
    // A negative fraction floors to -1: off screen, nothing drawn.
    s.setCell(-0.5, 1, "x");
    s.drawText(-0.5, 1, "yz");
    expect(s.rowText(1)).toBe("z     ");
  });

  test("infinite or huge sizes reach the edge; NaN, zero or negative sizes draw nothing", () => {
    using s = screen();
    s.fill(0, 0, NaN, 5, "n");
    s.fill(0, 0, 5, -Infinity, "n");
    s.fill(0, 0, 0, 5, "n");
    expect(blank(s)).toBe(true);
    s.fill(4, 1, Infinity, 2 ** 40, "#");
    expect([s.rowText(0), s.rowText(1), s.rowText(2)]).toEqual(["      ", "    ##", "    ##"]);
  });

  test("setClip follows the same rule", () => {
    using s = screen();
    s.setClip({ x: NaN, y: 0, width: 3, height: 3 });
    s.fill(0, 0, W, H, "n");
    expect(blank(s)).toBe(true);
    s.setClip({ x: 2.5, y: -(2 ** 40), width: Infinity, height: 2 ** 40 + 1.5 });
    s.fill(0, 0, W, H, "#");
    s.setCell(0, 0, "x");
    expect([s.rowText(0), s.rowText(1)]).toEqual(["  ####", "      "]);
  });

  test("a cursor at no real position is hidden", () => {
    using s = screen();
    s.setCursor({ x: 2, y: 1 });
    const shown = decoder.decode((s.render(), s.takeOutput()));
    expect(shown).toContain("\x1b[?25h");
    s.setCursor({ x: NaN, y: 1 });
    const hidden = decoder.decode((s.render(), s.takeOutput()));
    expect(hidden).toContain("\x1b[?25l");
  });
});

describe("one cell holds a bounded cluster", () => {
  test(`a cluster of 5 million marks keeps ${MAX_CLUSTER_CHARS} code points, and a frame stays small`, () => {
    using s = screen();
    const huge = "a" + "\u0301".repeat(5 << 20);
    s.setCell(0, 0, huge);
    s.drawText(1, 0, huge);
    s.fill(2, 0, 1, 1, huge);
    const kept = "a" + "\u0301".repeat(MAX_CLUSTER_CHARS - 1);
    expect(s.cellAt(0, 0).text).toBe(kept);
    expect(s.cellAt(1, 0).text).toBe(kept);
    expect(s.cellAt(2, 0).text).toBe(kept);
    s.render();
    expect(s.takeOutput().length).toBeLessThan(1024);
    s.forceRedraw();
    s.render();
    expect(s.takeOutput().length).toBeLessThan(1024);
  });
});
