import { afterEach, describe, expect, test } from "bun:test";
import { LetuiError } from "./errors.ts";
import { Screen } from "./screen.ts";
import { textWidth } from "./text.ts";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clearWidthCache, currentWidths, pickWidths, setWidths, widthCacheFile, widthsFromEnv } from "./widths.ts";

describe("width profiles", () => {
  afterEach(() => setWidths({ clustering: "graphemes", ambiguousWide: false }));

  test("per code point: a flag is two cells, a skin tone a cell of its own; ambiguous characters can be wide", () => {
    expect(currentWidths()).toEqual({ clustering: "graphemes", ambiguousWide: false });
    expect([textWidth("🇺🇸"), textWidth("👍🏽"), textWidth("±")]).toEqual([2, 2, 1]);
    setWidths({ clustering: "per-code-point", ambiguousWide: true });
    expect(currentWidths()).toEqual({ clustering: "per-code-point", ambiguousWide: true });
    expect([textWidth("🇺🇸"), textWidth("👍🏽"), textWidth("±"), textWidth("e\u0301")]).toEqual([2, 4, 2, 1]);
    const s = new Screen({ width: 8, height: 1, fd: null });
    s.drawText(0, 0, "🇺🇸👍🏽|");
    expect(s.rowText(0)).toBe("🇺🇸👍🏽| ");
    expect(s.clusterText(1, 0)).toBe("🇸");
    expect(s.clusterText(4, 0)).toBe("🏽");
    s.dispose();
  });

  test("LETUI_WIDTHS chooses the profile; anything else is an error naming the valid values", () => {
    expect(widthsFromEnv({})).toBeNull();
    expect(widthsFromEnv({ LETUI_WIDTHS: "per-code-point" })).toEqual({ clustering: "per-code-point", ambiguousWide: false });
    expect(widthsFromEnv({ LETUI_WIDTHS: "Graphemes, ambiguous-wide" })).toEqual({ clustering: "graphemes", ambiguousWide: true });
    expect(() => widthsFromEnv({ LETUI_WIDTHS: "wide" })).toThrow(LetuiError);
    expect(() => widthsFromEnv({ LETUI_WIDTHS: "wide" })).toThrow(/per-code-point,ambiguous-wide/);
    expect(() => setWidths({ clustering: "kitty" as "graphemes", ambiguousWide: false })).toThrow(/clustering/);
  });

  test("a session picks graphemes where the terminal reports mode 2027, per code point in tmux and its kin", () => {
    expect(pickWidths({ TMUX: "/tmp/tmux-0/default,1,0", TERM: "tmux-256color" }, false).clustering).toBe("per-code-point");
    expect(pickWidths({ TERM: "screen-256color" }, false).clustering).toBe("per-code-point");
    expect(pickWidths({ TERM: "xterm-256color", VTE_VERSION: "7000" }, false).clustering).toBe("per-code-point");
    expect(pickWidths({ TERM: "xterm-kitty" }, false).clustering).toBe("graphemes");
    expect(pickWidths({ TERM: "xterm-256color" }, true).clustering).toBe("graphemes");
    expect(pickWidths({ TMUX: "x", LETUI_WIDTHS: "graphemes" }, false).clustering).toBe("graphemes");
  });

  test("a measured profile is cached per terminal and used when the terminal does not report; clearWidthCache forgets it", () => {
    const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "letui-widths-")), TERM_PROGRAM: "Example", TERM_PROGRAM_VERSION: "1.2" };
    const file = widthCacheFile(env) as string;
    expect(file).toBe(join(env.XDG_CACHE_HOME, "letui", "widths.json"));
    expect(pickWidths(env, false, { clustering: "per-code-point", ambiguousWide: true })).toEqual({ clustering: "per-code-point", ambiguousWide: true });
    expect(existsSync(file)).toBe(true);
    // Not measured this time: the cache, over the mode-2027 guess.
    expect(pickWidths(env, true)).toEqual({ clustering: "per-code-point", ambiguousWide: true });
    // Another terminal has no entry.
    expect(pickWidths({ ...env, TERM_PROGRAM_VERSION: "2.0" }, true).clustering).toBe("graphemes");
    clearWidthCache(env);
    expect(existsSync(file)).toBe(false);
    expect(pickWidths(env, true).clustering).toBe("graphemes");
  });
});
