/**
 * Scrollbars in block characters: a track with a thumb whose length is
 * the visible share of the content. Shared by ScrollBox, List and Table.
 */
import type { Screen } from "../screen.ts";
import type { PackedStyle } from "../style.ts";

/** Where a thumb sits on a track of `track` cells, for `total` rows of which `visible` show from `offset`. */
export function thumbOf(track: number, total: number, visible: number, offset: number): { start: number; size: number } {
  if (track <= 0 || total <= visible || total <= 0) return { start: 0, size: Math.max(0, track) };
  const size = Math.max(1, Math.min(track, Math.round((track * visible) / total)));
  const range = total - visible;
  const start = Math.round(((track - size) * Math.max(0, Math.min(offset, range))) / range);
  return { start, size };
}

/** Paints a vertical scrollbar at column `x` from row `y`, `height` rows tall. */
export function paintVertical(
  screen: Screen,
  x: number,
  y: number,
  height: number,
  total: number,
  visible: number,
  offset: number,
  track: PackedStyle,
  thumb: PackedStyle,
): void {
  const t = thumbOf(height, total, visible, offset);
  screen.fill(x, y, 1, height, "│", track);
  screen.fill(x, y + t.start, 1, t.size, "█", thumb);
}

/** Paints a horizontal scrollbar at row `y` from column `x`, `width` cells wide. */
export function paintHorizontal(
  screen: Screen,
  x: number,
  y: number,
  width: number,
  total: number,
  visible: number,
  offset: number,
  track: PackedStyle,
  thumb: PackedStyle,
): void {
  const t = thumbOf(width, total, visible, offset);
  screen.fill(x, y, width, 1, "─", track);
  screen.fill(x + t.start, y, t.size, 1, "█", thumb);
}

/**
 * What a press at `at` cells along a track means: inside the thumb it
 * starts a drag (`grab` is the offset into the thumb), before or after it
 * pages.
 */
export function trackPress(at: number, track: number, total: number, visible: number, offset: number): { page: -1 | 1 } | { grab: number } {
  const t = thumbOf(track, total, visible, offset);
  if (at < t.start) return { page: -1 };
  if (at >= t.start + t.size) return { page: 1 };
  return { grab: at - t.start };
}

/** The offset that puts the thumb's start at `thumbStart` cells along the track. */
export function offsetForThumb(thumbStart: number, track: number, total: number, visible: number): number {
  const t = thumbOf(track, total, visible, 0);
  const room = track - t.size;
  if (room <= 0) return 0;
  return Math.round((Math.max(0, Math.min(thumbStart, room)) / room) * (total - visible));
}
