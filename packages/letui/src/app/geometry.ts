/**
 * Geometry of the element tree: reading layout results into elements
 * (positions, scroll offsets, clips, content boxes), painting damaged
 * areas in stacking order, hit testing, and merging damage rectangles.
 * Pure functions over elements and a layout tree; the frame loop in
 * `app.ts` calls them.
 */
import type { LayoutStyle, LayoutTree } from "../layout.ts";
import type { Screen } from "../screen.ts";
import { contains, EMPTY_LAYOUT, EMPTY_RECT, type Element, intersect, isEmpty, type Rect, sameRect } from "./element.ts";

/** What placing a tree reports back: areas to repaint and elements whose size subscribers to tell. */
export interface PlaceOutput {
  /** Areas that changed. */
  damage: Rect[];
  /** Elements subscribed to {@link Element.measure} whose rectangle changed. */
  notices: Element[];
}

type Side = "Top" | "Right" | "Bottom" | "Left";

/** Border plus padding on each side of a style: fixed cells plus a fraction of the basis. */
interface Insets {
  readonly cells: readonly [number, number, number, number];
  readonly share: readonly [number, number, number, number];
}

const NO_INSETS: Insets = { cells: [0, 0, 0, 0], share: [0, 0, 0, 0] };
const SIDES: readonly Side[] = ["Left", "Top", "Right", "Bottom"];
const FAMILY_KEYS = SIDES.map((side) => {
  const axis = side === "Left" || side === "Right" ? "X" : "Y";
  return (["padding", "border"] as const).map((f) => [`${f}${side}`, `${f}${axis}`, f] as const);
});

/**
 * Insets of a style. Each element keeps those of its current style object
 * (a style is replaced, never mutated, when it changes), so placing a tree
 * does no string work.
 */
function insetsOf(style: LayoutStyle): Insets {
  if (style === EMPTY_LAYOUT) return NO_INSETS;
  const s = style as Record<string, unknown>;
  const cells: [number, number, number, number] = [0, 0, 0, 0];
  const share: [number, number, number, number] = [0, 0, 0, 0];
  let any = false;
  for (let i = 0; i < 4; i++) {
    for (const [own, axis, all] of FAMILY_KEYS[i] as (readonly [string, string, string])[]) {
      const v = s[own] ?? s[axis] ?? s[all];
      if (typeof v === "number" && Number.isFinite(v) && v > 0) {
        cells[i] = (cells[i] ?? 0) + v;
        any = true;
      } else if (typeof v === "string" && v.endsWith("%") && Number.parseFloat(v) > 0) {
        share[i] = (share[i] ?? 0) + Number.parseFloat(v) / 100;
        any = true;
      }
    }
  }
  return any ? { cells, share } : NO_INSETS;
}

/**
 * The content box of an element (inside its border and padding), in the
 * same coordinates as `rect`. The native layout reports the left and top
 * insets exactly; the right and bottom ones come from the style.
 */
export function contentBox(el: Element, rect: { x: number; y: number; width: number; height: number; contentX?: number; contentY?: number }, basis: number): Rect {
  const p = el.placement;
  if (p.insetsOf !== el.layout) {
    p.insets = insetsOf(el.layout);
    p.insetsOf = el.layout;
  }
  const { cells, share } = p.insets as Insets;
  const left = rect.contentX ?? Math.round(cells[0] + share[0] * basis);
  const top = rect.contentY ?? Math.round(cells[1] + share[1] * basis);
  const right = Math.round(cells[2] + share[2] * basis);
  const bottom = Math.round(cells[3] + share[3] * basis);
  const x = rect.x + left;
  const y = rect.y + top;
  const width = Math.max(0, rect.width - left - right);
  const height = Math.max(0, rect.height - top - bottom);
  const old = el.content;
  if (old.x === x && old.y === y && old.width === width && old.height === height) return old;
  return { x, y, width, height };
}

/**
 * Reads layout results into `el` and its subtree: positions, positions on
 * screen after ancestors' scroll offsets, clips (a clipping element clips
 * its children to its content box, so border and padding are never drawn
 * over), and bounds. Damages what moved into `out`.
 *
 * With `since` (the native compute placed last time), a subtree is not
 * walked again when nothing in it changed: no native box in it changed
 * after that compute (see {@link LayoutTree.changedSince}), nothing was
 * marked stale in it (children, scroll offsets, clipping), and it is
 * placed with the same offsets, clip and basis as before. A frame then
 * costs what changed, not the size of the tree.
 */
export function place(tree: LayoutTree, root: Element, width: number, height: number, out: PlaceOutput, since: number | null = null): void {
  const screenRect = { x: 0, y: 0, width, height };
  const visit = (el: Element, dx: number, dy: number, clip: Rect, basis: number): void => {
    const p = el.placement;
    if (since !== null && !p.stale && el !== root && !el.fragment && p.basis === basis && !tree.changedSince(el.node, since)) {
      if (p.dx === dx && p.dy === dy && sameRect(p.clip, clip)) {
        // Placed as before, nothing changed below: every value holds.
        p.lagX = 0;
        p.lagY = 0;
        return;
      }
      // Only moved by scrolling, and out of view before and after: its
      // views are corrected on reading (Element.view) instead of walking
      // the subtree, so scrolling a long transcript costs what is in view.
      const e = p.extent;
      if (
        !p.measuredInside &&
        isEmpty(el.bounds) &&
        (isEmpty(e) || e.x - dx >= clip.x + clip.width || clip.x >= e.x - dx + e.width || e.y - dy >= clip.y + clip.height || clip.y >= e.y - dy + e.height)
      ) {
        p.lagX = dx - p.dx;
        p.lagY = dy - p.dy;
        return;
      }
    }
    p.stale = false;
    p.dx = dx;
    p.dy = dy;
    p.clip = clip;
    p.basis = basis;
    p.lagX = 0;
    p.lagY = 0;
    if (el.fragment) {
      // No box of its own: its children are placed as its host's, and it
      // spans them (for scroll ranges); it paints nothing and is never hit.
      let rect = EMPTY_RECT;
      let view = EMPTY_RECT;
      let bounds = EMPTY_RECT;
      let extent = EMPTY_RECT;
      let measured = el.measured;
      for (const c of el.children) {
        visit(c, dx, dy, clip, basis);
        rect = union(rect, c.rect);
        view = union(view, c.view);
        bounds = union(bounds, c.bounds);
        extent = union(extent, c.placement.extent);
        measured ||= c.placement.measuredInside;
      }
      if (!sameRect(el.rect, rect)) el.rect = rect;
      if (!sameRect(p.view, view)) p.view = view;
      el.clip = EMPTY_RECT;
      el.content = el.rect;
      el.bounds = bounds;
      p.extent = extent;
      p.measuredInside = measured;
      return;
    }
    const rect = el === root ? { ...screenRect, contentX: 0, contentY: 0 } : tree.layoutOf(el.node);
    const view = { x: rect.x - dx, y: rect.y - dy, width: rect.width, height: rect.height };
    const visible = intersect(view, clip);
    const moved = !sameRect(el.rect, rect) || !sameRect(p.view, view) || !sameRect(el.clip, visible);
    if (moved) {
      if (!isEmpty(el.clip)) out.damage.push(el.clip);
      if (!isEmpty(visible)) out.damage.push(visible);
    }
    const resized = el.rect.width !== rect.width || el.rect.height !== rect.height;
    if (moved) {
      el.rect = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      p.view = view;
      el.clip = visible;
    }
    el.content = contentBox(el, rect, basis);
    if (resized || moved) {
      el.onLayout();
      if (el.measured) out.notices.push(el);
    }
    let childClip = clip;
    if (el.clipsChildren) {
      const c = el.content;
      childClip = intersect(visible, { x: c.x - dx, y: c.y - dy, width: c.width, height: c.height });
    }
    const cdx = dx + el.scrollLeft;
    const cdy = dy + el.scrollTop;
    let bounds = visible;
    let extent = el.rect;
    let measured = el.measured;
    for (const c of el.children) {
      visit(c, cdx, cdy, childClip, el.content.width);
      bounds = union(bounds, c.bounds);
      if (!el.clipsChildren) {
        const e = c.placement.extent;
        extent = union(extent, el.scrollLeft === 0 && el.scrollTop === 0 ? e : { x: e.x - el.scrollLeft, y: e.y - el.scrollTop, width: e.width, height: e.height });
      }
      measured ||= c.placement.measuredInside;
    }
    el.bounds = bounds;
    p.extent = extent;
    p.measuredInside = measured;
  };
  visit(root, 0, 0, screenRect, width);
}

/** Paints `el` and its descendants that meet `area`, in stacking order. */
export function paint(screen: Screen, el: Element, area: Rect): void {
  const b = el.bounds;
  // Most children miss the area: test without making a rectangle.
  if (b.x >= area.x + area.width || area.x >= b.x + b.width || b.y >= area.y + area.height || area.y >= b.y + b.height || b.width <= 0 || b.height <= 0) return;
  const own = intersect(el.clip, area);
  if (!isEmpty(own)) {
    screen.setClip(own);
    el.paint(screen, own);
  }
  for (const c of stacking(el.children)) paint(screen, c, area);
}

/** The topmost element at (x, y) under `root`, respecting clipping and stacking. */
export function hitTest(root: Element, x: number, y: number): Element | null {
  const visit = (el: Element): Element | null => {
    if (!contains(el.bounds, x, y)) return null;
    const kids = stacking(el.children);
    for (let i = kids.length - 1; i >= 0; i--) {
      const hit = visit(kids[i] as Element);
      if (hit) return hit;
    }
    return contains(el.clip, x, y) ? el : null;
  };
  return visit(root);
}

/** The smallest rectangle holding both. */
export function union(a: Rect, b: Rect): Rect {
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function covers(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Clips damage to the screen, drops pieces covered by others, and falls back to one union when there are many. */
export function mergeRects(rects: Rect[], width: number, height: number): Rect[] {
  const screen = { x: 0, y: 0, width, height };
  let out: Rect[] = [];
  for (const r of rects) {
    const c = intersect(r, screen);
    if (isEmpty(c) || out.some((o) => covers(o, c))) continue;
    out = out.filter((o) => !covers(c, o));
    out.push(c);
  }
  if (out.length > 12) {
    let u = EMPTY_RECT;
    for (const r of out) u = union(u, r);
    return [u];
  }
  return out;
}

/** Children in paint order: by zIndex, then document order (the same array when already sorted). */
export function stacking(children: Element[]): Element[] {
  let sorted = true;
  for (let i = 1; i < children.length; i++) {
    if ((children[i] as Element).zIndex < (children[i - 1] as Element).zIndex) {
      sorted = false;
      break;
    }
  }
  if (sorted) return children;
  return children.map((c, i) => [c, i] as const).sort((a, b) => a[0].zIndex - b[0].zIndex || a[1] - b[1]).map(([c]) => c);
}
