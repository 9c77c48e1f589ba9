/**
 * `Tabs`: a tab bar over panels. The bar is one focus stop (Left/Right,
 * Home/End; Ctrl-PageUp/PageDown anywhere inside the tabs); a click on a
 * title switches. A panel is created the first time it is shown and kept
 * (hidden) afterwards, so its state survives switching.
 */
import { Element } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { type Signal, signal, untrack } from "../signals.ts";
import { textWidth } from "../text.ts";
import { Box, BoxElement, type BoxProps, setupBox } from "./box.ts";
import { checkArray, checkFunction, checkPropsObject, checkRendered, checkString, propError } from "./check.ts";
import { sanitizeLine } from "./input.ts";

/** One tab. */
export interface Tab {
  /** The title in the bar. */
  title: string;
  /** Makes the panel (called once, the first time the tab is shown). */
  render: () => Element;
}

/** Props of {@link Tabs}. */
export interface TabsProps extends BoxProps {
  /** The tabs. */
  tabs: readonly Tab[];
  /** The active tab's index, two-way. */
  active?: Signal<number>;
  /** Called after the active tab changed. */
  onChange?: (index: number) => void;
}

/** The bar of titles. */
export class TabBarElement extends Element {
  readonly kind = "tabbar";
  titles: string[] = [];
  readonly active: Signal<number>;

  constructor(active: Signal<number>) {
    super();
    this.active = active;
    this.focusable = true;
  }

  /** Where title `i` starts and how wide it is (with its padding). */
  span(i: number): { x: number; width: number } {
    let x = 0;
    for (let k = 0; k < i; k++) x += textWidth(this.titles[k] ?? "") + 3;
    return { x, width: textWidth(this.titles[i] ?? "") + 2 };
  }

  paint(screen: Screen): void {
    const { x, y, width } = this.view;
    const looks = this.looks;
    const active = untrack(() => this.active.value);
    screen.fill(x, y, width, 1, " ", looks.text);
    this.titles.forEach((t, i) => {
      const s = this.span(i);
      const look = i === active ? (this.isFocused ? looks.focus : looks.selection) : looks.muted;
      screen.drawText(x + s.x, y, ` ${t} `, look);
    });
  }
}

/** The element behind {@link Tabs}. */
export class TabsElement extends BoxElement {
  override readonly kind: string = "tabs";
  readonly bar: TabBarElement;
  readonly body: BoxElement;
  tabs: readonly Tab[] = [];
  readonly panels = new Map<number, Element>();
  onChange: ((index: number) => void) | undefined;

  constructor(active: Signal<number>) {
    super();
    this.bar = new TabBarElement(active);
    this.bar.setLayout({ height: 1, flexShrink: 0 });
    // No minimum height: a scrolling panel gets the space there is, not its content's height.
    this.body = Box({ flexGrow: 1, flexDirection: "column", minHeight: 0 });
  }

  /** The active index. */
  get active(): number {
    return untrack(() => this.bar.active.value);
  }

  /** Shows tab `i` (clamped), creating its panel the first time. */
  select(i: number): void {
    if (this.tabs.length === 0 || !Number.isFinite(i)) return;
    const n = Math.max(0, Math.min(Math.round(i), this.tabs.length - 1));
    const changed = n !== this.active;
    this.bar.active.value = n;
    this.show(n);
    if (changed) this.onChange?.(n);
  }

  /** Makes panel `n` the visible one. */
  show(n: number): void {
    let panel = this.panels.get(n);
    if (!panel) {
      const tab = this.tabs[n] as Tab;
      panel = untrack(() => this.scope.run(() => checkRendered("Tabs", `tabs[${n}].render`, tab.render())));
      panel.setLayout({ flexGrow: 1, minHeight: 0 });
      this.panels.set(n, panel);
      this.body.append(panel);
    }
    for (const [k, p] of this.panels) p.setLayout({ display: k === n ? "flex" : "none" });
    this.bar.invalidate();
  }
}

/** Tabs over panels: `Tabs({ tabs: [{ title: "Logs", render: () => logs }] })`. */
export function Tabs(props: TabsProps): TabsElement {
  checkPropsObject("Tabs", props, false);
  checkArray("Tabs", "tabs", props.tabs);
  props.tabs.forEach((t, k) => {
    if (typeof t !== "object" || t === null) throw propError("Tabs", `tabs[${k}]`, t, "{ title, render }");
    checkString("Tabs", `tabs[${k}].title`, t.title);
    if (typeof t.render !== "function") throw propError("Tabs", `tabs[${k}].render`, t.render, "a function returning an element");
  });
  checkFunction("Tabs", "onChange", props.onChange);
  const active = props.active ?? signal(0);
  const el = new TabsElement(active);
  el.tabs = props.tabs;
  el.onChange = props.onChange;
  el.bar.titles = props.tabs.map((t) => sanitizeLine(t.title));
  setupBox(el, { flexDirection: "column", minHeight: 0, ...props }, [el.bar, el.body], "Tabs");
  el.bind(active, (i) => {
    if (props.tabs.length > 0) el.show(Math.max(0, Math.min(i, props.tabs.length - 1)));
  });
  el.bar.handlers.onKey = (e) => {
    if (e.ctrl || e.alt) return;
    const acts: Record<string, number> = { left: el.active - 1, right: el.active + 1, home: 0, end: props.tabs.length - 1 };
    const to = acts[e.name];
    if (to === undefined) return;
    el.select(to);
    e.stopPropagation();
    e.preventDefault();
  };
  el.bar.handlers.onMouse = (e) => {
    if (e.kind !== "down" || e.button !== "left") return;
    for (let i = 0; i < props.tabs.length; i++) {
      const s = el.bar.span(i);
      if (e.localX >= s.x && e.localX < s.x + s.width) el.select(i);
    }
  };
  const { onKey } = el.handlers;
  el.handlers.onKey = (e) => {
    onKey?.(e);
    if (e.propagationStopped || !e.ctrl || e.alt) return;
    if (e.name === "pageup" || e.name === "pagedown") {
      el.select(el.active + (e.name === "pageup" ? -1 : 1));
      e.stopPropagation();
      e.preventDefault();
    }
  };
  return el;
}
