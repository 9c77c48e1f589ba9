/**
 * `Box` (and the `Row` / `Column` shorthands): a flex container with an
 * optional border, title, background and scrolling.
 */
import { Element } from "../app/element.ts";
import { argumentError } from "../errors.ts";
import type { Screen } from "../screen.ts";
import type { MaybeSignal } from "../signals.ts";
import { type ColorInput, type PackedStyle, packStyle } from "../style.ts";
import { graphemes, textWidth } from "../text.ts";
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
  /** Children (also accepted as extra arguments). */
  children?: Child[];
}

/** The element behind {@link Box}. */
export class BoxElement extends Element {
  readonly kind: string = "box";
  border: BorderStyle = "none";
  borderStyle: PackedStyle = packStyle({ bg: "keep" });
  title = "";
  titleAlign: "left" | "center" | "right" = "left";
  background: PackedStyle | null = null;

  override get scrollable(): boolean {
    return this.layout.overflow === "scroll";
  }

  /** Scrolls so that content row `top` (and column `left`) is at the top-left, clamped to the content. */
  scrollTo(top: number, left = this.scrollLeft): void {
    const inner = this.#inner();
    let maxBottom = 0;
    let maxRight = 0;
    for (const c of this.children) {
      maxBottom = Math.max(maxBottom, c.rect.y + c.rect.height - inner.y);
      maxRight = Math.max(maxRight, c.rect.x + c.rect.width - inner.x);
    }
    const t = Math.max(0, Math.min(Math.round(top), maxBottom - inner.height));
    const l = Math.max(0, Math.min(Math.round(left), maxRight - inner.width));
    if (t === this.scrollTop && l === this.scrollLeft) return;
    this.scrollTop = t;
    this.scrollLeft = l;
    this.app?.scrolled();
    this.invalidate();
  }

  #inner(): { x: number; y: number; width: number; height: number } {
    const b = this.border === "none" ? 0 : 1;
    return { x: this.rect.x + b, y: this.rect.y + b, width: Math.max(0, this.rect.width - 2 * b), height: Math.max(0, this.rect.height - 2 * b) };
  }

  paint(screen: Screen): void {
    const { x, y, width: w, height: h } = this.view;
    if (this.background) screen.fill(x, y, w, h, " ", this.background);
    if (this.border === "none" || w < 1 || h < 1) return;
    const [tl, t, tr, r, br, b, bl, l] = BORDERS[this.border] as [string, string, string, string, string, string, string, string];
    const st = this.borderStyle;
    if (w >= 2) {
      screen.fill(x + 1, y, w - 2, 1, t, st);
      screen.fill(x + 1, y + h - 1, w - 2, 1, b, st);
    }
    if (h >= 2) {
      screen.fill(x, y + 1, 1, h - 2, l, st);
      screen.fill(x + w - 1, y + 1, 1, h - 2, r, st);
    }
    screen.setCell(x, y, tl, st);
    screen.setCell(x + w - 1, y, tr, st);
    screen.setCell(x, y + h - 1, bl, st);
    screen.setCell(x + w - 1, y + h - 1, br, st);
    if (this.title && w > 4) {
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

const BORDER_NAMES = new Set(["single", "double", "rounded", "heavy", "none"]);

/** Configures a box element from props and children. */
export function setupBox<E extends BoxElement>(el: E, props: BoxProps, children: Child[]): E {
  applyCommon(el, props);
  let color: ColorInput;
  let bg: ColorInput;
  const restyle = () => {
    el.borderStyle = packStyle({ fg: color, bg: bg ?? "keep" });
    el.background = bg === undefined || bg === null ? null : packStyle({ bg });
    el.invalidate();
  };
  el.bind(props.border, (b) => {
    if (!BORDER_NAMES.has(b)) throw argumentError(`unknown border style ${JSON.stringify(b)}`);
    el.border = b;
    const n = b === "none" ? 0 : 1;
    el.setLayout({ border: n });
    el.invalidate();
  });
  el.bind(props.borderColor, (c) => {
    color = c;
    restyle();
  });
  el.bind(props.bg, (c) => {
    bg = c;
    restyle();
  });
  el.bind(props.title, (t) => {
    el.title = t;
    el.invalidate();
  });
  el.bind(props.titleAlign, (a) => {
    el.titleAlign = a;
    el.invalidate();
  });
  el.bind(props.overflow, (o) => {
    el.clipsChildren = o === "hidden" || o === "scroll";
  });
  const kids = flattenChildren([...(props.children ?? []), ...children], (t) => Text(t));
  for (const k of kids) el.append(k);
  return el;
}

/** A flex container: `Box({ border: "rounded", padding: 1 }, child1, child2)`. Column by default. */
export function Box(props: BoxProps = {}, ...children: Child[]): BoxElement {
  return setupBox(new BoxElement(), { flexDirection: "column", ...props }, children);
}

/** A box laying out its children in a row. */
export function Row(props: BoxProps = {}, ...children: Child[]): BoxElement {
  return setupBox(new BoxElement(), { ...props, flexDirection: "row" }, children);
}

/** A box laying out its children in a column. */
export function Column(props: BoxProps = {}, ...children: Child[]): BoxElement {
  return setupBox(new BoxElement(), { ...props, flexDirection: "column" }, children);
}
