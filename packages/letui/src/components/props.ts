/**
 * Props shared by components: layout (any of which may be a signal),
 * event handlers, identity, and how children are given.
 */
import type { ElementKeyEvent, ElementMouseEvent, ElementPasteEvent } from "../app/dispatch.ts";
import type { Handlers } from "../app/element.ts";
import { Element } from "../app/element.ts";
import type { Theme } from "../app/theme.ts";
import { LAYOUT_STYLE_KEYS, type LayoutStyle } from "../layout.ts";
import { STYLE_WORDS, writeLayoutStyle } from "../layout/style.ts";
import { isSignal, type MaybeSignal, type ReadonlySignal } from "../signals.ts";
import { packStyle, type Style } from "../style.ts";
import { checkBoolean, checkFunction, checkNumber, checkPropsObject, checkString, named, propError } from "./check.ts";

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
  /** A disabled element (and its subtree) takes no focus and ignores input. */
  disabled?: MaybeSignal<boolean>;
  /** Take focus when mounted. */
  autofocus?: boolean;
  /** Keep Tab inside this subtree while focus is in it (a focus scope, for dialogs). */
  trapFocus?: boolean;
  /** Theme colors for this subtree, over the app's theme. */
  theme?: Partial<Theme>;
  /** False leaves this element (and its subtree) out of the screen-wide selection. @default true */
  selectable?: boolean;
}

/** What may be given as a child: elements, text (plain or reactive), nothing, or lists of these. */
export type Child = Element | string | number | ReadonlySignal<string | number> | null | undefined | false | Child[];

/** Names of {@link LayoutStyle} fields accepted as props (a box sets its border widths itself). */
const LAYOUT_SET = new Set<string>(LAYOUT_STYLE_KEYS.filter((k) => !k.startsWith("border")));

const HANDLERS = [
  "onKey",
  "onKeyRelease",
  "onMouse",
  "onClick",
  "onWheel",
  "onPaste",
  "onMouseEnter",
  "onMouseLeave",
  "onFocus",
  "onBlur",
] as const satisfies readonly (keyof Handlers)[];

const scratch = new Float32Array(STYLE_WORDS);

/**
 * Applies common props to an element: layout (reactively), handlers,
 * identity, focus. `component` names the component in errors: every prop
 * is checked, and a bad one throws a LetuiError naming the component, the
 * prop and the value.
 */
export function applyCommon(el: Element, props: CommonProps, component: string): void {
  checkPropsObject(component, props, false);
  for (const key in props) {
    if (!LAYOUT_SET.has(key)) continue;
    const value = props[key as keyof CommonProps] as MaybeSignal<unknown> | undefined;
    if (value === undefined) continue;
    el.bind(value, (v) => {
      const style = { [key]: v } as LayoutStyle;
      // Checked here, so the error names the component even before it is mounted.
      named(component, () => writeLayoutStyle(style, scratch));
      if (typeof v === "number" && v < 0 && /^(width|height|min|max|padding|flexGrow|flexShrink|gap|rowGap|columnGap)/.test(key)) {
        throw propError(component, key, v, "at least 0");
      }
      el.setLayout(style);
    });
  }
  el.bind(props.zIndex, (z) => {
    checkNumber(component, "zIndex", z, { integer: true });
    el.zIndex = z;
    el.app?.structureChanged(el);
    el.invalidate();
  });
  checkString(component, "id", props.id);
  checkBoolean(component, "focusable", props.focusable);
  checkNumber(component, "tabIndex", props.tabIndex, { integer: true, min: -1 });
  checkBoolean(component, "autofocus", props.autofocus);
  checkBoolean(component, "trapFocus", props.trapFocus);
  checkBoolean(component, "selectable", props.selectable);
  if (props.theme !== undefined && (typeof props.theme !== "object" || props.theme === null || isSignal(props.theme))) {
    throw propError(component, "theme", props.theme, "an object of theme colors");
  }
  for (const h of HANDLERS) checkFunction(component, h, props[h]);
  if (props.id !== undefined) el.id = props.id;
  if (props.focusable !== undefined) el.focusable = props.focusable;
  if (props.tabIndex !== undefined) el.tabIndex = props.tabIndex;
  if (props.autofocus) el.autofocus = true;
  if (props.trapFocus) el.trapFocus = true;
  if (props.selectable === false) el.selectable = false;
  if (props.theme) el.themeOverride = props.theme;
  el.bind(props.disabled, (d) => {
    checkBoolean(component, "disabled", d);
    if (d === el.disabled) return;
    el.disabled = d;
    el.app?.disabledChanged();
    el.invalidate();
  });
  const h = el.handlers;
  if (props.onKey) h.onKey = props.onKey;
  if (props.onKeyRelease) h.onKeyRelease = props.onKeyRelease;
  if (props.onMouse) h.onMouse = props.onMouse;
  if (props.onClick) h.onClick = props.onClick;
  if (props.onWheel) h.onWheel = props.onWheel;
  if (props.onPaste) h.onPaste = props.onPaste;
  if (props.onMouseEnter) h.onMouseEnter = chain(h.onMouseEnter, props.onMouseEnter);
  if (props.onMouseLeave) h.onMouseLeave = chain(h.onMouseLeave, props.onMouseLeave);
  if (props.onFocus) h.onFocus = chain(h.onFocus, props.onFocus);
  if (props.onBlur) h.onBlur = chain(h.onBlur, props.onBlur);
}

/**
 * Reads style props (`[state, prop]` pairs, e.g. `["focus", "focusStyle"]`)
 * into the overrides a component lays over its theme looks, checking each.
 */
export function styleProps<S extends string, P extends string>(
  component: string,
  props: Partial<Record<P, Style>>,
  pairs: readonly (readonly [S, P])[],
): Partial<Record<S, Style>> {
  const out: Partial<Record<S, Style>> = {};
  for (const [state, prop] of pairs) {
    const style = props[prop];
    if (style === undefined) continue;
    if (typeof style !== "object" || style === null) throw propError(component, prop, style, "a style object");
    named(component, () => packStyle(style));
    out[state] = style;
  }
  return out;
}

function chain(a: (() => void) | undefined, b: () => void): () => void {
  return a ? () => (a(), b()) : b;
}

/** Flattens children, turning text into Text elements with `makeText`; anything else is an error naming `component`. */
export function flattenChildren(
  children: Child[],
  makeText: (t: string | ReadonlySignal<string | number>) => Element,
  component = "Box",
): Element[] {
  const out: Element[] = [];
  const visit = (c: Child): void => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) {
      for (const x of c) visit(x);
    } else if (c instanceof Element) {
      out.push(c);
    } else if (typeof c === "string" || (typeof c === "number" && Number.isFinite(c))) {
      out.push(makeText(String(c)));
    } else if (isSignal(c)) {
      out.push(makeText(c));
    } else {
      throw propError(component, "children", c, "elements, text, signals of text, or arrays of these");
    }
  };
  for (const c of children) visit(c);
  return out;
}

/** What a component does with input after the user's own handlers (see {@link addDefaults}). */
export interface Defaults {
  /** Handles a press or repeat; true when it used the key. */
  key?: (e: ElementKeyEvent) => boolean;
  /** Handles a paste (always used). */
  paste?: (e: ElementPasteEvent) => void;
  /** Handles a mouse event. */
  mouse?: (e: ElementMouseEvent) => void;
  /** Handles a wheel notch; true when it used it. */
  wheel?: (e: ElementMouseEvent) => boolean;
}

/**
 * Installs a component's own input handling behind the user's handlers:
 * the user's handler runs first and may stop propagation to keep the
 * component from acting; what the component uses stops there (and keys
 * also count as handled for the app's defaults).
 */
export function addDefaults(el: Element, d: Defaults): void {
  const h = el.handlers;
  const { onKey, onPaste, onMouse, onWheel } = h;
  if (d.key) {
    const key = d.key;
    h.onKey = (e) => {
      onKey?.(e);
      if (e.propagationStopped || e.kind === "release") return;
      if (key(e)) {
        e.stopPropagation();
        e.preventDefault();
      }
    };
  }
  if (d.paste) {
    const paste = d.paste;
    h.onPaste = (e) => {
      onPaste?.(e);
      if (e.propagationStopped) return;
      paste(e);
      e.stopPropagation();
    };
  }
  if (d.mouse) {
    const mouse = d.mouse;
    h.onMouse = (e) => {
      onMouse?.(e);
      if (!e.propagationStopped) mouse(e);
    };
  }
  if (d.wheel) {
    const wheel = d.wheel;
    h.onWheel = (e) => {
      onWheel?.(e);
      if (!e.propagationStopped && wheel(e)) e.stopPropagation();
    };
  }
}
