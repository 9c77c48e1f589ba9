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

/** A bar's place: its axis, its first cell, and its length in cells. */
export interface BarPlace {
  /** Vertical (down a column) or horizontal (along a row). */
  vertical: boolean;
  /** Column of the first cell. */
  x: number;
  /** Row of the first cell. */
  y: number;
  /** Length of the track in cells. */
  length: number;
}

/** Paints a scrollbar at `at` for `total` rows (or columns) of which `visible` show from `offset`. */
export function paintBar(screen: Screen, at: BarPlace, total: number, visible: number, offset: number, track: PackedStyle, thumb: PackedStyle): void {
  const t = thumbOf(at.length, total, visible, offset);
  if (at.vertical) {
    screen.fill(at.x, at.y, 1, at.length, "│", track);
    screen.fill(at.x, at.y + t.start, 1, t.size, "█", thumb);
  } else {
    screen.fill(at.x, at.y, at.length, 1, "─", track);
    screen.fill(at.x + t.start, at.y, t.size, 1, "█", thumb);
  }
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
