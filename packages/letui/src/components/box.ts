/**
 * `Box` (and the `Row` / `Column` shorthands): a flex container with an
 * optional border, title, background and scrolling.
 */
import { Element, type Rect } from "../app/element.ts";
import type { Theme } from "../app/theme.ts";
import { argumentError } from "../errors.ts";
import type { Screen } from "../screen.ts";
import type { MaybeSignal } from "../signals.ts";
import { type ColorInput, type PackedStyle, packStyle } from "../style.ts";
import { graphemes, textWidth } from "../text.ts";
import { checkOneOf, checkPropsObject, checkText, named, propError } from "./check.ts";
import { applyCommon, type Child, type CommonProps, flattenChildren } from "./props.ts";
import { Text } from "./text.ts";

/** Border line styles. */
export type BorderStyle = "single" | "double" | "rounded" | "heavy" | "none";

/** Corner and edge characters: top-left, top, top-right, right, bottom-right, bottom, bottom-left, left. */
const BORDERS: Record<Exclude<BorderStyle, "none">, readonly string[]> = {
  single: ["┌", "─", "┐", "│", "┘", "─", "└", "│"],
  double: ["╔", "═", "╗", "║", "╝", "═", "╚", "║"],
  rounded: ["╭", "─", "╮", "│", "╯", "─", "╰", "│"],
  heavy: ["┏", "━", "┓", "┃", "┛", "━", "┗", "┃"],
};

/** Props of {@link Box}. */
export interface BoxProps extends CommonProps {
  /** Border style. @default "none" */
  border?: MaybeSignal<BorderStyle>;
  /** Border (and title) color. */
  borderColor?: MaybeSignal<ColorInput>;
  /** A title drawn on the top border. */
  title?: MaybeSignal<string>;
  /** Where the title sits. @default "left" */
  titleAlign?: MaybeSignal<"left" | "center" | "right">;
  /** Background color filling the box. */
  bg?: MaybeSignal<ColorInput>;
  /**
   * Border (and title) color while focus is in the box. Setting it (or
   * making the box focusable) gives the box a focus look; the default is
   * the theme's focus color.
   */
  focusBorderColor?: MaybeSignal<ColorInput>;
  /** Children (also accepted as extra arguments). */
  children?: Child[];
}

/** The element behind {@link Box}. */
export class BoxElement extends Element {
  readonly kind: string = "box";
  border: BorderStyle = "none";
  /** The border's look from `borderColor` (null: the theme's). */
  borderStyle: PackedStyle | null = null;
  /** The border's look while focus is inside, from `focusBorderColor` (null: the theme's). */
  focusBorderStyle: PackedStyle | null = null;
  title = "";
  titleAlign: "left" | "center" | "right" = "left";
  background: PackedStyle | null = null;

  override get scrollable(): boolean {
    return this.layout.overflow === "scroll";
  }

  /** How far the content can scroll: its extent beyond the content box, per axis. */
  scrollRange(): { top: number; left: number } {
    const inner = this.content;
    let maxBottom = 0;
    let maxRight = 0;
    for (const c of this.children) {
      maxBottom = Math.max(maxBottom, c.rect.y + c.rect.height - inner.y);
      maxRight = Math.max(maxRight, c.rect.x + c.rect.width - inner.x);
    }
    return { top: Math.max(0, maxBottom - inner.height), left: Math.max(0, maxRight - inner.width) };
  }

  /** Scrolls so that content row `top` (and column `left`) is at the top-left of the content box, clamped to the content. */
  scrollTo(top: number, left = this.scrollLeft): void {
    if (!Number.isFinite(top) || !Number.isFinite(left)) return;
    const range = this.scrollRange();
    const t = Math.max(0, Math.min(Math.round(top), range.top));
    const l = Math.max(0, Math.min(Math.round(left), range.left));
    if (t === this.scrollTop && l === this.scrollLeft) return;
    this.scrollTop = t;
    this.scrollLeft = l;
    this.app?.scrolled(this);
    this.invalidate();
    this.onScroll();
  }

  /** Called after the scroll offset changed. */
  protected onScroll(): void {}

  /** The border's look now: the focus look while focus is inside (when the box has one). */
  get currentBorderStyle(): PackedStyle {
    if (this.focusWithinLook && this.focusWithin) return this.focusBorderStyle ?? this.looks.focusBorder;
    return this.borderStyle ?? this.looks.border;
  }

  /** Without a `bg`, fill with the theme's background anyway (panels that sit over other content). */
  opaque = false;
  #opaqueLook: { theme: Theme; style: PackedStyle } | undefined;

  /** What fills the box before its border: `bg`, or the theme's colors when opaque. */
  get fillStyle(): PackedStyle | null {
    if (this.background || !this.opaque) return this.background;
    const theme = this.theme;
    if (this.#opaqueLook?.theme !== theme) this.#opaqueLook = { theme, style: packStyle({ fg: theme.fg, bg: theme.bg }) };
    return this.#opaqueLook.style;
  }

  paint(screen: Screen, area: Rect = this.view): void {
    const { x, y, width: w, height: h } = this.view;
    const fill = this.fillStyle;
    if (fill) screen.fill(x, y, w, h, " ", fill);
    if (this.border === "none" || w < 1 || h < 1) return;
    // Only the edges that meet the repainted area (a label changing inside
    // a panel repaints none of its border).
    const ay = area.y;
    const ay1 = area.y + area.height;
    const ax = area.x;
    const ax1 = area.x + area.width;
    const top = y >= ay && y < ay1;
    const bottom = y + h - 1 >= ay && y + h - 1 < ay1;
    const spans = y < ay1 && y + h > ay;
    const left = spans && x >= ax && x < ax1;
    const right = spans && x + w - 1 >= ax && x + w - 1 < ax1;
    if (!top && !bottom && !left && !right) return;
    const [tl, t, tr, r, br, b, bl, l] = BORDERS[this.border] as [string, string, string, string, string, string, string, string];
    const st = this.currentBorderStyle;
    if (w >= 2) {
      if (top) screen.fill(x + 1, y, w - 2, 1, t, st);
      if (bottom) screen.fill(x + 1, y + h - 1, w - 2, 1, b, st);
    }
    if (h >= 2) {
      if (left) screen.fill(x, y + 1, 1, h - 2, l, st);
      if (right) screen.fill(x + w - 1, y + 1, 1, h - 2, r, st);
    }
    if (top) {
      screen.setCell(x, y, tl, st);
      screen.setCell(x + w - 1, y, tr, st);
    }
    if (bottom) {
      screen.setCell(x, y + h - 1, bl, st);
      screen.setCell(x + w - 1, y + h - 1, br, st);
    }
    if (this.title && w > 4 && top) {
      const room = w - 2;
      const { label, width } = fitLabel(` ${this.title} `, room);
      const at = this.titleAlign === "center" ? x + 1 + ((room - width) >> 1) : this.titleAlign === "right" ? x + w - 1 - width : x + 1;
      screen.drawText(at, y, label, st);
    }
  }
}

/** Cuts `label` to `room` cells, ending with `…` when it was cut. */
export function fitLabel(label: string, room: number): { label: string; width: number } {
  const width = textWidth(label);
  if (width <= room) return { label, width };
  let acc = 0;
  let end = 0;
  for (const g of graphemes(label)) {
    if (acc + g.width > room - 1) break;
    acc += g.width;
    end = g.end;
  }
  return { label: `${label.slice(0, end)}…`, width: acc + 1 };
}

const BORDER_NAMES = ["single", "double", "rounded", "heavy", "none"] as const;
const ALIGNS = ["left", "center", "right"] as const;

/** Configures a box element from props and children; `component` names it in errors. */
export function setupBox<E extends BoxElement>(el: E, props: BoxProps, children: Child[], component = "Box"): E {
  applyCommon(el, props, component);
  let color: ColorInput;
  let focusColor: ColorInput;
  let bg: ColorInput;
  const restyle = () => {
    named(component, () => {
      el.borderStyle = color === undefined ? null : packStyle({ fg: color, bg: bg ?? "keep" });
      el.focusBorderStyle = focusColor === undefined ? null : packStyle({ fg: focusColor, bg: bg ?? "keep", bold: true });
      el.background = bg === undefined || bg === null ? null : packStyle({ bg });
    });
    el.invalidate();
  };
  el.bind(props.border, (b) => {
    checkOneOf(component, "border", b, BORDER_NAMES);
    el.border = b;
    const n = b === "none" ? 0 : 1;
    el.setLayout({ border: n });
    el.invalidate();
  });
  el.bind(props.borderColor, (c) => {
    color = c;
    restyle();
  });
  el.bind(props.focusBorderColor, (c) => {
    focusColor = c;
    restyle();
  });
  if (props.focusBorderColor !== undefined || props.focusable) el.focusWithinLook = true;
  el.bind(props.bg, (c) => {
    bg = c;
    restyle();
  });
  el.bind(props.title, (t) => {
    checkText(component, "title", t);
    el.title = String(t);
    el.invalidate();
  });
  el.bind(props.titleAlign, (a) => {
    checkOneOf(component, "titleAlign", a, ALIGNS);
    el.titleAlign = a;
    el.invalidate();
  });
  el.bind(props.overflow, (o) => {
    const clips = o === "hidden" || o === "scroll";
    if (clips !== el.clipsChildren) {
      el.clipsChildren = clips;
      el.app?.structureChanged(el);
    }
  });
  if (props.children !== undefined && !Array.isArray(props.children)) throw propError(component, "children", props.children, "an array");
  const kids = flattenChildren([...(props.children ?? []), ...children], (t) => Text(t), component);
  for (const k of kids) el.append(k);
  return el;
}

/** A flex container: `Box({ border: "rounded", padding: 1 }, child1, child2)`. Column by default. */
export function Box(props: BoxProps = {}, ...children: Child[]): BoxElement {
  checkPropsObject("Box", props);
  return setupBox(new BoxElement(), { flexDirection: "column", ...props }, children);
}

/** A box laying out its children in a row. */
export function Row(props: BoxProps = {}, ...children: Child[]): BoxElement {
  checkPropsObject("Row", props);
  return setupBox(new BoxElement(), { ...props, flexDirection: "row" }, children, "Row");
}

/** A box laying out its children in a column. */
export function Column(props: BoxProps = {}, ...children: Child[]): BoxElement {
  checkPropsObject("Column", props);
  return setupBox(new BoxElement(), { ...props, flexDirection: "column" }, children, "Column");
}
