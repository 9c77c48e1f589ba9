/**
 * Width profiles: how the terminal groups code points into cells and how
 * wide it draws them, so that the screen letui holds is what the terminal
 * shows. Terminals differ: kitty, WezTerm, foot and Ghostty (and any
 * terminal in mode 2027) draw extended grapheme clusters; xterm, tmux,
 * VTE and Alacritty draw each code point with a width in a cell of its own
 * (a flag is two cells, a family of emoji one cell per person). East Asian
 * ambiguous characters take 1 or 2 cells by setting.
 *
 * The profile is process-wide: choose it before text is laid out or drawn.
 * A terminal session picks it when it starts (see {@link pickWidths}).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LetuiError } from "./errors.ts";
import { LETUI_CLUSTERING_GRAPHEMES, LETUI_CLUSTERING_PER_CODE_POINT } from "./native/abi.ts";
import { setWidthProfile, widthProfileBits } from "./native/text.ts";

/** How code points form cells: grapheme clusters, or one cell per code point. */
export type Clustering = "graphemes" | "per-code-point";

/** A width profile. */
export interface Widths {
  /** How code points form cells. */
  clustering: Clustering;
  /** East Asian ambiguous characters (`±`, `§`, box corners in some fonts) take 2 cells. */
  ambiguousWide: boolean;
}

const CLUSTERINGS: readonly Clustering[] = ["graphemes", "per-code-point"];

/** Sets the width profile for the whole process. */
export function setWidths(widths: Widths): void {
  if (typeof widths !== "object" || widths === null || !CLUSTERINGS.includes(widths.clustering)) {
    throw new LetuiError(0, `setWidths: clustering must be "graphemes" or "per-code-point", not ${JSON.stringify((widths as Partial<Widths> | null)?.clustering)}`, "InvalidArgument");
  }
  if (typeof widths.ambiguousWide !== "boolean") {
    throw new LetuiError(0, `setWidths: ambiguousWide must be a boolean, not ${JSON.stringify(widths.ambiguousWide)}`, "InvalidArgument");
  }
  setWidthProfile(widths.clustering === "per-code-point" ? LETUI_CLUSTERING_PER_CODE_POINT : LETUI_CLUSTERING_GRAPHEMES, widths.ambiguousWide);
}

/** The width profile in force. */
export function currentWidths(): Widths {
  const bits = widthProfileBits();
  return { clustering: bits & 1 ? "per-code-point" : "graphemes", ambiguousWide: (bits & 2) !== 0 };
}

/** The values `LETUI_WIDTHS` takes. */
export const WIDTHS_VALUES = ["graphemes", "per-code-point", "graphemes,ambiguous-wide", "per-code-point,ambiguous-wide"] as const;

/**
 * The profile `LETUI_WIDTHS` asks for, or null when it is unset or empty.
 * Throws a LetuiError naming the valid values for anything else.
 */
export function widthsFromEnv(env: Record<string, string | undefined> = process.env): Widths | null {
  const raw = env.LETUI_WIDTHS?.trim().toLowerCase();
  if (!raw) return null;
  const [clustering, extra, more] = raw.split(",").map((s) => s.trim());
  if (!CLUSTERINGS.includes(clustering as Clustering) || (extra !== undefined && extra !== "ambiguous-wide") || more !== undefined) {
    throw new LetuiError(0, `LETUI_WIDTHS=${env.LETUI_WIDTHS}: expected one of ${WIDTHS_VALUES.join(", ")}`, "InvalidArgument");
  }
  return { clustering: clustering as Clustering, ambiguousWide: extra === "ambiguous-wide" };
}

/**
 * The profile for a terminal session: `LETUI_WIDTHS` when set; what the
 * terminal's widths showed when it was probed at start-up (`measured`);
 * else what it showed last time (the cache, see {@link widthCacheFile});
 * graphemes when the terminal reported mode 2027 (grapheme clusters); per
 * code point inside tmux or GNU screen, and in terminals known to draw per
 * code point (xterm, VTE, Alacritty, VS Code's xterm.js); graphemes
 * otherwise. A measured profile is saved in the cache.
 */
export function pickWidths(env: Record<string, string | undefined>, clusterMode: boolean, measured?: Widths): Widths {
  const fromEnv = widthsFromEnv(env);
  if (fromEnv) return fromEnv;
  const key = terminalKey(env);
  if (measured) {
    saveCachedWidths(env, key, measured);
    return measured;
  }
  const cached = readCache(env)[key];
  if (cached && CLUSTERINGS.includes(cached.clustering) && typeof cached.ambiguousWide === "boolean") return cached;
  if (clusterMode) return { clustering: "graphemes", ambiguousWide: false };
  const term = (env.TERM ?? "").toLowerCase();
  const perCodePoint =
    env.TMUX !== undefined ||
    term.startsWith("tmux") ||
    term.startsWith("screen") ||
    env.XTERM_VERSION !== undefined ||
    env.VTE_VERSION !== undefined ||
    term.startsWith("alacritty") ||
    env.ALACRITTY_WINDOW_ID !== undefined ||
    env.TERM_PROGRAM === "vscode";
  return { clustering: perCodePoint ? "per-code-point" : "graphemes", ambiguousWide: false };
}

/** Which terminal this is, for the cache: its program and version (or TERM), and whether tmux or screen sits in between. */
function terminalKey(env: Record<string, string | undefined>): string {
  const program = env.TERM_PROGRAM ? `${env.TERM_PROGRAM} ${env.TERM_PROGRAM_VERSION ?? ""}`.trim() : (env.TERM ?? "unknown");
  return `${program}${env.TMUX !== undefined ? " in tmux" : ""}${env.STY !== undefined ? " in screen" : ""}`;
}

/**
 * The file measured profiles are kept in, per terminal:
 * `$XDG_CACHE_HOME/letui/widths.json` (or `~/.cache/letui/widths.json`).
 * Delete it, or call {@link clearWidthCache}, to measure again.
 */
export function widthCacheFile(env: Record<string, string | undefined> = process.env): string | null {
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, ".cache") : null);
  return base ? join(base, "letui", "widths.json") : null;
}

/** Forgets every measured profile. */
export function clearWidthCache(env: Record<string, string | undefined> = process.env): void {
  const file = widthCacheFile(env);
  if (file) rmSync(file, { force: true });
}

function readCache(env: Record<string, string | undefined>): Record<string, Widths> {
  const file = widthCacheFile(env);
  if (!file || !existsSync(file)) return {};
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return typeof data === "object" && data !== null ? (data as Record<string, Widths>) : {};
  } catch {
    // A damaged cache is measured again.
    return {};
  }
}

function saveCachedWidths(env: Record<string, string | undefined>, key: string, widths: Widths): void {
  const file = widthCacheFile(env);
  if (!file) return;
  const cache = readCache(env);
  if (cache[key]?.clustering === widths.clustering && cache[key]?.ambiguousWide === widths.ambiguousWide) return;
  cache[key] = widths;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(cache, null, 1)}\n`);
  } catch {
    // A read-only home: no cache, measured each time.
  }
}
