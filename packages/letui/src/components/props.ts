/**
 * Props shared by components: layout (any of which may be a signal),
 * event handlers, identity, and how children are given.
 */
import type { Handlers } from "../app/element.ts";
import { Element } from "../app/element.ts";
import { LAYOUT_STYLE_KEYS, type LayoutStyle } from "../layout.ts";
import { type MaybeSignal, type ReadonlySignal } from "../signals.ts";

/** Layout fields set by components themselves (a box's border comes from its border style). */
type OwnLayout = "border" | "borderX" | "borderY" | "borderTop" | "borderRight" | "borderBottom" | "borderLeft";

/** Layout props: each is a {@link LayoutStyle} field and may be a signal. */
export type LayoutProps = {
  [K in Exclude<keyof LayoutStyle, OwnLayout>]?: MaybeSignal<LayoutStyle[K]>;
};

/** Props every component accepts. */
export interface CommonProps extends LayoutProps, Handlers {
  /** An id for lookups and tests (`app.root.find(id)`). */
  id?: string;
  /** Stacking order among siblings. */
  zIndex?: MaybeSignal<number>;
  /** Whether Tab and clicks focus it (buttons and inputs are focusable by default). */
  focusable?: boolean;
  /** Tab order: positive first (ascending), then 0 in document order; -1 removes from Tab order. */
  tabIndex?: number;
}

/** What may be given as a child: elements, text (plain or reactive), nothing, or lists of these. */
export type Child = Element | string | number | ReadonlySignal<string | number> | null | undefined | false | Child[];

/** Names of {@link LayoutStyle} fields accepted as props (a box sets its border widths itself). */
const LAYOUT_KEYS = LAYOUT_STYLE_KEYS.filter((k) => !k.startsWith("border"));

/** Applies common props to an element: layout (reactively), handlers, identity, focus. */
export function applyCommon(el: Element, props: CommonProps): void {
  for (const key of LAYOUT_KEYS) {
    const value = props[key as keyof CommonProps] as MaybeSignal<unknown> | undefined;
    if (value === undefined) continue;
    el.bind(value, (v) => el.setLayout({ [key]: v } as LayoutStyle));
  }
  el.bind(props.zIndex, (z) => {
    el.zIndex = z;
    el.app?.structureChanged();
    el.invalidate();
  });
  if (props.id !== undefined) el.id = props.id;
  if (props.focusable !== undefined) el.focusable = props.focusable;
  if (props.tabIndex !== undefined) el.tabIndex = props.tabIndex;
  const h = el.handlers;
  if (props.onKey) h.onKey = props.onKey;
  if (props.onMouse) h.onMouse = props.onMouse;
  if (props.onClick) h.onClick = props.onClick;
  if (props.onWheel) h.onWheel = props.onWheel;
  if (props.onPaste) h.onPaste = props.onPaste;
  if (props.onMouseEnter) h.onMouseEnter = chain(h.onMouseEnter, props.onMouseEnter);
  if (props.onMouseLeave) h.onMouseLeave = chain(h.onMouseLeave, props.onMouseLeave);
  if (props.onFocus) h.onFocus = chain(h.onFocus, props.onFocus);
  if (props.onBlur) h.onBlur = chain(h.onBlur, props.onBlur);
}

function chain(a: (() => void) | undefined, b: () => void): () => void {
  return a ? () => (a(), b()) : b;
}

/** Flattens children, turning text into Text elements with `makeText`. */
export function flattenChildren(children: Child[], makeText: (t: string | ReadonlySignal<string | number>) => Element): Element[] {
  const out: Element[] = [];
  const visit = (c: Child): void => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) {
      for (const x of c) visit(x);
    } else if (c instanceof Element) {
      out.push(c);
    } else if (typeof c === "string" || typeof c === "number") {
      out.push(makeText(String(c)));
    } else {
      out.push(makeText(c));
    }
  };
  for (const c of children) visit(c);
  return out;
}
