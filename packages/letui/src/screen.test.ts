import { describe, expect, test } from "bun:test";
import { LetuiError } from "./errors.ts";
import { CELL_WORDS, CONTINUATION, Screen } from "./screen.ts";
import { color, packStyle, rgb } from "./style.ts";

const decoder = new TextDecoder();

function screen(width = 20, height = 4, colorMode: "truecolor" | "256" | "16" | "none" = "truecolor"): Screen {
  return new Screen({ width, height, fd: null, colorMode });
}

function frame(s: Screen): string {
  s.render();
  return decoder.decode(s.takeOutput());
}

describe("Screen drawing", () => {
  test("drawText handles scripts, wide characters and clusters", () => {
    using s = screen(24, 2);
    const end = s.drawText(0, 0, "héllo 中文 👨‍👩‍👧!", { fg: "red" });
    expect(end).toBe(14);
    expect(s.rowText(0)).toBe("héllo 中文 👨‍👩‍👧!" + " ".repeat(10));
    expect(s.cellAt(6, 0).text).toBe("中");
    expect(s.cellAt(7, 0).text).toBe("");
    expect(s.cellAt(11, 0).text).toBe("👨‍👩‍👧");
    expect(s.cellAt(0, 0).style.fg).toBe(color("red"));
  });

  test("control characters never land in the grid", () => {
    using s = screen(12, 1);
    s.drawText(0, 0, "a\x1b[2J\tb\nc\u200b");
    expect(s.rowText(0)).toBe("a[2Jbc      ");
  });

  test("setCell writes ASCII straight into shared memory", () => {
    using s = screen(4, 1);
    s.setCell(2, 0, "x", { fg: "#ff0000", bold: true, underline: "curly" });
    const i = 2 * CELL_WORDS;
    expect(s.cells[i]).toBe("x".charCodeAt(0));
    expect(s.cells[i + 1]).toBe(rgb(255, 0, 0));
    const st = s.cellAt(2, 0).style;
    expect(st.bold).toBe(true);
    expect(st.underline).toBe("curly");
  });

  test("setCell over half of a wide character clears the other half", () => {
    using s = screen(6, 1);
    s.drawText(0, 0, "中文");
    s.setCell(1, 0, "x");
    expect(s.rowText(0)).toBe(" x文  ");
    s.setCell(2, 0, "y");
    expect(s.rowText(0)).toBe(" xy   ");
    expect(s.cells[3 * CELL_WORDS]).not.toBe(CONTINUATION);
  });

  test("setCell with a wide or composed character goes native", () => {
    using s = screen(4, 1);
    s.setCell(0, 0, "中");
    s.setCell(2, 0, "e\u0301");
    expect(s.rowText(0)).toBe("中e\u0301 ");
  });

  test("clipping applies to every drawing call", () => {
    using s = screen(10, 3);
    s.setClip({ x: 2, y: 1, width: 4, height: 1 });
    s.drawText(0, 1, "abcdefghij");
    s.setCell(0, 1, "Z");
    s.setCell(3, 0, "Z");
    s.fill(0, 0, 10, 3, "#");
    expect(s.rowText(0)).toBe(" ".repeat(10));
    expect(s.rowText(1)).toBe("  ####    ");
    s.setClip(null);
    s.setCell(0, 0, "A");
    expect(s.rowText(0)).toBe("A" + " ".repeat(9));
  });

  test("the last clip set before a native draw is the one applied", () => {
    using s = screen(10, 2);
    s.setClip({ x: 0, y: 0, width: 2, height: 1 });
    s.setClip({ x: 4, y: 0, width: 3, height: 1 });
    s.drawText(0, 0, "abcdefghij");
    expect(s.rowText(0)).toBe("    efg   ");
    // The same clip again, then none: a wide character is drawn unclipped.
    s.setClip({ x: 4, y: 0, width: 3, height: 1 });
    s.setClip(null);
    s.drawText(0, 1, "中文");
    expect(s.rowText(1)).toBe("中文      ");
    // A clip set before a resize is gone after it.
    s.setClip({ x: 0, y: 0, width: 1, height: 1 });
    s.resize(6, 2);
    s.fill(0, 0, 6, 2, "#");
    expect(s.rowText(1)).toBe("######");
    s.setClip({ x: 1, y: 1, width: 2, height: 1 });
    s.fill(0, 0, 6, 2, ".");
    expect(s.rowText(1)).toBe("#..###");
  });

  test("reading back: cells with width, style and link URL; rows as styled spans; what was sent", () => {
    using s = screen(12, 2);
    s.drawText(0, 0, "ab", { fg: "red", bold: true });
    s.drawText(2, 0, "中", { link: "https://example.com/a" });
    s.drawText(4, 0, "e\u0301 👍🏽");
    const wide = s.cellAt(2, 0);
    expect([wide.text, wide.width, wide.link]).toEqual(["中", 2, "https://example.com/a"]);
    expect([s.cellAt(3, 0).text, s.cellAt(3, 0).width]).toEqual(["", 0]);
    expect(s.cellAt(0, 0)).toMatchObject({ text: "a", width: 1, style: { bold: true, fg: color("red") } });
    expect(s.cellAt(0, 0).link).toBeUndefined();
    expect([s.cellAt(4, 0).text, s.cellAt(6, 0).text, s.cellAt(6, 0).width]).toEqual(["e\u0301", "👍🏽", 2]);
    expect(s.linkUrl(s.cellAt(2, 0).style.linkId)).toBe("https://example.com/a");
    expect(s.linkUrl(0)).toBeUndefined();
    expect(s.linkUrl(999)).toBeUndefined();
    const [row] = s.lines();
    expect(row?.text).toBe(s.rowText(0));
    expect(row?.spans.map((p) => [p.text, p.width, p.link ?? null])).toEqual([
      ["ab", 2, null],
      ["中", 2, "https://example.com/a"],
      ["e\u0301 👍🏽    ", 8, null],
    ]);
    expect(row?.spans[0]?.style.bold).toBe(true);
    // The renderer's view: nothing sent yet, then the frame.
    expect(s.shownRowText(0).trim()).toBe("");
    frame(s);
    expect(s.shownRowText(0)).toBe(s.rowText(0));
    s.drawText(0, 1, "next");
    expect(s.shownRowText(1).trim()).toBe("");
  });

  test("fill with keep colors leaves the background", () => {
    using s = screen(4, 1);
    s.fill(0, 0, 4, 1, " ", { bg: "blue" });
    s.drawText(0, 0, "ab", { fg: "white", bg: "keep" });
    expect(s.cellAt(0, 0).style.bg).toBe(color("blue"));
    expect(s.cellAt(1, 0).style.fg).toBe(color("white"));
  });

  test("long text grows the scratch buffer and remaps", () => {
    using s = screen(10, 1);
    const long = "x".repeat(200_000) + "end";
    expect(s.drawText(-199_995, 0, long)).toBe(8);
    expect(s.rowText(0)).toBe("xxxxxend  ");
  });

  test("resize keeps content and remaps the cell view", () => {
    using s = screen(4, 2);
    s.drawText(0, 0, "abcd");
    const before = s.cells;
    s.resize(6, 3);
    expect(s.cells).not.toBe(before);
    expect(s.cells.length).toBe(6 * 3 * CELL_WORDS);
    expect(s.rowText(0)).toBe("abcd  ");
    s.resize(2, 1);
    expect(s.rowText(0)).toBe("ab");
    expect(s.width).toBe(2);
  });
});

describe("Screen rendering", () => {
  test("renders a frame, then nothing when idle", () => {
    using s = screen(80, 2);
    s.drawText(0, 0, "hi there, this first frame is long enough to be wrapped in synchronized output", { fg: "green" });
    const first = frame(s);
    expect(first).toContain("\x1b[?2026h");
    expect(first).toContain("hi there");
    expect(s.render()).toBe(0);
    expect(s.takeOutput().length).toBe(0);
    s.setCell(5, 1, "!");
    const next = frame(s);
    expect(next).toBe("\x1b[2;6H\x1b[m!");
  });

  test("colors downgrade by mode", () => {
    using s256 = screen(4, 1, "256");
    s256.drawText(0, 0, "x", { fg: "#ff0000" });
    expect(frame(s256)).toContain("38;5;196");
    using s16 = screen(4, 1, "16");
    s16.drawText(0, 0, "x", { fg: "#ff0000" });
    expect(frame(s16)).toContain("\x1b[91m");
    using none = screen(4, 1, "none");
    none.drawText(0, 0, "x", { fg: "#ff0000", bold: true });
    const out = frame(none);
    expect(out).not.toContain("38;");
    expect(out).toContain("\x1b[1m");
  });

  test("hyperlinks become OSC 8", () => {
    using s = screen(10, 1);
    s.drawText(0, 0, "docs", { link: "https://example.com/docs" });
    const out = frame(s);
    expect(out).toContain("\x1b]8;id=1;https://example.com/docs\x1b\\docs\x1b]8;;\x1b\\");
    expect(s.cellAt(0, 0).style.linkId).toBe(1);
  });

  test("cursor placement and shape", () => {
    using s = screen(10, 2);
    frame(s);
    s.setCursor({ x: 3, y: 1 }, "bar");
    expect(frame(s)).toContain("\x1b[6 q\x1b[2;4H\x1b[?25h");
    s.setCursor(null);
    expect(frame(s)).toContain("\x1b[?25l");
  });

  test("a negative cursor position hides the cursor instead of moving it to 0", () => {
    using s = screen(10, 2);
    frame(s);
    s.setCursor({ x: 3, y: 1 });
    expect(frame(s)).toContain("\x1b[?25h");
    for (const pos of [{ x: -1, y: 1 }, { x: 2, y: -5 }, { x: Number.NaN, y: 0 }]) {
      s.setCursor(pos);
      const out = frame(s);
      expect(out).toContain("\x1b[?25l");
      expect(out).not.toContain("\x1b[2;1H");
      s.setCursor({ x: 3, y: 1 });
      frame(s);
    }
  });

  test("an invalid LETUI_COLOR is an error naming the valid values", () => {
    // The variable is read from the process environment, as a user sets it.
    const probe = (value: string, mode = "auto") =>
      Bun.spawnSync([process.execPath, "-e", `import { Screen } from "${import.meta.dir}/screen.ts"; try { console.log(new Screen({ width: 4, height: 1, fd: null, colorMode: "${mode}" }).colorMode); } catch (e) { console.log(String(e)); }`], {
        env: { ...process.env, LETUI_COLOR: value },
      })
        .stdout.toString()
        .trim();
    expect(probe("256colors")).toMatch(/LETUI_COLOR="256colors" is not a color mode: use truecolor.*256, 16, or none/);
    expect(probe("16")).toBe("16");
    expect(probe("")).not.toContain("Error");
    // An explicit mode does not read it.
    expect(probe("bogus", "256")).toBe("256");
  });


  test("capabilities and inline mode", () => {
    using s = screen(6, 2);
    s.setCapabilities({ synchronizedOutput: false });
    s.setInline(true, 4);
    s.drawText(0, 0, "ok");
    const out = frame(s);
    expect(out).not.toContain("2026");
    expect(out).toContain("\x1b[5H\x1b[J");
  });

  test("forced redraw repaints everything", () => {
    using s = screen(6, 1);
    s.drawText(0, 0, "abc");
    frame(s);
    s.forceRedraw();
    expect(frame(s)).toContain("abc");
  });

  test("rendering to a file descriptor writes the frame", async () => {
    const path = `/tmp/letui-screen-test-${process.pid}.out`;
    const fs = await import("node:fs");
    const fd = fs.openSync(path, "w");
    try {
      using s = new Screen({ width: 8, height: 1, fd, colorMode: "truecolor" });
      s.drawText(0, 0, "to fd");
      const n = s.render();
      expect(n).toBeGreaterThan(5);
      expect(fs.readFileSync(path, "utf8")).toContain("to fd");
      expect(() => s.takeOutput()).toThrow(LetuiError);
    } finally {
      fs.closeSync(fd);
      fs.unlinkSync(path);
    }
  });
});

describe("Screen errors", () => {
  test("invalid sizes, colors and props throw LetuiError", () => {
    expect(() => screen(0, 1)).toThrow(LetuiError);
    expect(() => screen(1.5, 1)).toThrow("width must be an integer");
    expect(() => new Screen({ width: 10, height: 10, fd: 999_999 })).toThrow("not open");
    using s = screen(4, 1);
    expect(() => s.drawText(0, 0, "x", { fg: "reddish" })).toThrow("unknown color");
    expect(() => s.drawText(0, 0, "x", { bg: 300 })).toThrow("palette index");
    expect(() => s.setColorMode("million" as "256")).toThrow("unknown color mode");
    expect(() => s.link("bad\x1burl")).toThrow("control character");
    expect(() => s.resize(0, 3)).toThrow(LetuiError);
    expect(() => s.rowText(5)).toThrow(LetuiError);
    expect(s.width).toBe(4);
  });

  test("a disposed screen throws a clear error and dispose is idempotent", () => {
    const s = screen(4, 1);
    s.dispose();
    s.dispose();
    expect(s.disposed).toBe(true);
    expect(() => s.render()).toThrow("Screen was disposed");
    expect(() => s.cells).toThrow("disposed");
    expect(() => s.setCell(0, 0, "x")).toThrow("disposed");
  });

  test("packed styles are reused", () => {
    const style = { fg: "red", bold: true } as const;
    expect(packStyle(style)).toBe(packStyle(style));
    expect(packStyle(packStyle(style))).toBe(packStyle(style));
  });
});
