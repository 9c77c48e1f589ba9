/**
 * `ScrollBox`: scrolls any content vertically and horizontally, with
 * scrollbars (a click on the track pages, the thumb drags), the wheel,
 * and keys while focused. `stickToBottom` follows appended content until
 * the user scrolls up, and again once they are back at the bottom. The
 * focused descendant is kept in view. Children are clipped to the content
 * box, and only what is visible is painted.
 */
import type { Element, Rect } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { Box, BoxElement, type BoxProps, setupBox } from "./box.ts";
import { checkBoolean, checkPropsObject } from "./check.ts";
import type { Child } from "./props.ts";
import { offsetForThumb, paintBar, trackPress } from "./scrollbar.ts";

/** Props of {@link ScrollBox}. */
export interface ScrollBoxProps extends BoxProps {
  /** Show a vertical scrollbar (it takes the rightmost column of the content box). @default true */
  scrollbar?: boolean;
  /** Scroll horizontally too, with a scrollbar on the bottom row. @default false */
  horizontal?: boolean;
  /** Follow content appended at the bottom, unless the user has scrolled up. @default false */
  stickToBottom?: boolean;
  /** Called after the scroll offset changed. */
  onScroll?: (top: number, left: number) => void;
}

/** The element behind {@link ScrollBox}. */
export class ScrollBoxElement extends BoxElement {
  override readonly kind: string = "scrollbox";
  /** Whether a vertical bar is drawn. */
  vertical = true;
  /** Whether horizontal scrolling (and its bar) is on. */
  horizontal = false;
  /** Follow appended content. */
  stickToBottom = false;
  /** True while the view is at the bottom (what `stickToBottom` keeps). */
  atBottom = true;
  /** The box holding the content: append children here, not to the ScrollBox itself. */
  contentBox: BoxElement | null = null;
  /** Called after scrolling. */
  onScrolled: ((top: number, left: number) => void) | undefined;
  #drag: { axis: "y" | "x"; grab: number } | null = null;

  override get watchesLayout(): boolean {
    return true;
  }

  override get scrollable(): boolean {
    return true;
  }

  override afterLayout(): void {
    const range = this.scrollRange();
    if (this.stickToBottom && this.atBottom && this.scrollTop !== range.top) this.scrollTo(range.top);
    else if (this.scrollTop > range.top || this.scrollLeft > range.left) this.scrollTo(this.scrollTop, this.scrollLeft);
  }

  protected override onScroll(): void {
    this.atBottom = this.scrollTop >= this.scrollRange().top;
    this.onScrolled?.(this.scrollTop, this.scrollLeft);
  }

  /** Scrolls by `rows` (and `cols`). */
  scrollBy(rows: number, cols = 0): void {
    this.scrollTo(this.scrollTop + rows, this.scrollLeft + cols);
  }

  /** Scrolls as little as needed so that `el` (a descendant) is in view. */
  scrollIntoView(el: Element): void {
    const c = this.content;
    if (c.height <= 0) return;
    const y0 = el.rect.y - c.y;
    const x0 = el.rect.x - c.x;
    let top = this.scrollTop;
    let left = this.scrollLeft;
    if (y0 < top) top = y0;
    else if (y0 + el.rect.height > top + c.height) top = Math.min(y0, y0 + el.rect.height - c.height);
    if (this.horizontal) {
      if (x0 < left) left = x0;
      else if (x0 + el.rect.width > left + c.width) left = Math.min(x0, x0 + el.rect.width - c.width);
    }
    this.scrollTo(top, left);
  }

  override reveal(descendant: Element): void {
    this.scrollIntoView(descendant);
  }

  /** The content's full size (what the bars measure). */
  #extent(): { height: number; width: number } {
    const r = this.scrollRange();
    return { height: r.top + this.content.height, width: r.left + this.content.width };
  }

  /** Where the bars are, in screen cells. */
  #bars(): { vx: number; vy: number; vh: number; hx: number; hy: number; hw: number } {
    const c = this.content;
    const dx = this.rect.x - this.view.x;
    const dy = this.rect.y - this.view.y;
    return { vx: c.x + c.width - dx, vy: c.y - dy, vh: c.height, hx: c.x - dx, hy: c.y + c.height - dy, hw: c.width };
  }

  override paint(screen: Screen, area: Rect = this.view): void {
    super.paint(screen, area);
    const looks = this.looks;
    const ext = this.#extent();
    const b = this.#bars();
    const c = this.content;
    if (this.vertical) paintBar(screen, { vertical: true, x: b.vx, y: b.vy, length: b.vh }, ext.height, c.height, this.scrollTop, looks.track, looks.thumb);
    if (this.horizontal) paintBar(screen, { vertical: false, x: b.hx, y: b.hy, length: b.hw }, ext.width, c.width, this.scrollLeft, looks.track, looks.thumb);
  }

  /** Handles a press or drag on a scrollbar; true when the event was the bar's. */
  barMouse(kind: string, x: number, y: number): boolean {
    const b = this.#bars();
    const ext = this.#extent();
    const c = this.content;
    if (kind === "down") {
      if (this.vertical && x === b.vx && y >= b.vy && y < b.vy + b.vh) {
        const r = trackPress(y - b.vy, b.vh, ext.height, c.height, this.scrollTop);
        if ("page" in r) this.scrollBy(r.page * Math.max(1, c.height - 1));
        else {
          this.#drag = { axis: "y", grab: r.grab };
          this.app?.captureMouse(this);
        }
        return true;
      }
      if (this.horizontal && y === b.hy && x >= b.hx && x < b.hx + b.hw) {
        const r = trackPress(x - b.hx, b.hw, ext.width, c.width, this.scrollLeft);
        if ("page" in r) this.scrollBy(0, r.page * Math.max(1, c.width - 1));
        else {
          this.#drag = { axis: "x", grab: r.grab };
          this.app?.captureMouse(this);
        }
        return true;
      }
      return false;
    }
    const drag = this.#drag;
    if (!drag) return false;
    if (kind === "up") {
      this.#drag = null;
      return true;
    }
    if (drag.axis === "y") this.scrollTo(offsetForThumb(y - b.vy - drag.grab, b.vh, ext.height, c.height));
    else this.scrollTo(this.scrollTop, offsetForThumb(x - b.hx - drag.grab, b.hw, ext.width, c.width));
    return true;
  }
}

/**
 * A scrolling box: `ScrollBox({ height: 10, border: "single",
 * stickToBottom: true }, ...lines)`. Focusable (arrows, PageUp/PageDown,
 * Home/End) unless `focusable: false`. As in CSS flexbox, a box that
 * holds a ScrollBox and should not grow to its content needs
 * `minHeight: 0` (Tabs panels have it).
 */
export function ScrollBox(props: ScrollBoxProps = {}, ...children: Child[]): ScrollBoxElement {
  checkPropsObject("ScrollBox", props);
  for (const p of ["scrollbar", "horizontal", "stickToBottom"] as const) checkBoolean("ScrollBox", p, props[p]);
  const el = new ScrollBoxElement();
  el.focusable = true;
  el.vertical = props.scrollbar ?? true;
  el.horizontal = props.horizontal ?? false;
  el.stickToBottom = props.stickToBottom ?? false;
  el.onScrolled = props.onScroll;
  const reserve = { paddingRight: el.vertical ? 1 : 0, paddingBottom: el.horizontal ? 1 : 0 };
  // The content sits in one box that never shrinks: its children keep
  // their sizes however small the view is (that is what scrolls).
  const inner = Box(
    {
      flexDirection: props.flexDirection ?? "column",
      gap: props.gap,
      flexShrink: 0,
      ...(el.horizontal ? { alignSelf: "flex-start", minWidth: "100%" } : {}),
    },
    ...(props.children ?? []),
    ...children,
  );
  const { children: _given, flexDirection: _dir, gap: _gap, ...own } = props;
  // A growing scroll box takes its share of the space, not its content's size.
  const basis = props.flexGrow !== undefined && props.flexBasis === undefined && props.height === undefined ? { flexBasis: 0 } : {};
  setupBox(el, { minHeight: 0, minWidth: 0, ...basis, ...own, flexDirection: "column", overflow: "scroll", ...withReserve(props, reserve) }, [inner], "ScrollBox");
  el.contentBox = inner;
  const { onKey, onMouse } = el.handlers;
  el.handlers.onKey = (e) => {
    onKey?.(e);
    if (e.propagationStopped || e.ctrl || e.alt) return;
    const page = Math.max(1, el.content.height - 1);
    const range = el.scrollRange();
    const acts: Record<string, () => void> = {
      up: () => el.scrollBy(-1),
      down: () => el.scrollBy(1),
      left: () => el.scrollBy(0, -1),
      right: () => el.scrollBy(0, 1),
      pageup: () => el.scrollBy(-page),
      pagedown: () => el.scrollBy(page),
      home: () => el.scrollTo(0, 0),
      end: () => el.scrollTo(range.top),
    };
    const act = acts[e.name];
    if (!act || ((e.name === "left" || e.name === "right") && !el.horizontal)) return;
    act();
    e.stopPropagation();
    e.preventDefault();
  };
  el.handlers.onMouse = (e) => {
    onMouse?.(e);
    if (e.propagationStopped) return;
    if (el.barMouse(e.kind, e.x, e.y)) e.stopPropagation();
  };
  return el;
}

/** Adds the scrollbar's cells to the padding the user gave on that side. */
function withReserve(props: ScrollBoxProps, reserve: { paddingRight: number; paddingBottom: number }): Partial<ScrollBoxProps> {
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  const right = num(props.paddingRight ?? props.paddingX ?? props.padding);
  const bottom = num(props.paddingBottom ?? props.paddingY ?? props.padding);
  return { paddingRight: right + reserve.paddingRight, paddingBottom: bottom + reserve.paddingBottom };
}
