/**
 * `Checkbox` and `RadioGroup`: focusable choices toggled by Space, Enter
 * or a click, with the theme's focus look (inverse, bold and underline
 * when there are no colors).
 */
import { Element } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { type MaybeSignal, type Signal, signal, untrack } from "../signals.ts";
import { fitLabel } from "./box.ts";
import { checkArray, checkBoolean, checkFunction, checkPropsObject, checkText, propError } from "./check.ts";
import { sanitizeLine } from "./input.ts";
import { applyCommon, type CommonProps } from "./props.ts";
import { textWidth } from "../text.ts";

/** Props of {@link Checkbox}. */
export interface CheckboxProps extends CommonProps {
  /** The label after the box. */
  label: MaybeSignal<string>;
  /** Checked, two-way (a signal), or the initial state. */
  checked?: Signal<boolean> | boolean;
  /** Called after it was toggled. */
  onChange?: (checked: boolean) => void;
}

/** The element behind {@link Checkbox}. */
export class CheckboxElement extends Element {
  readonly kind = "checkbox";
  label = "";
  readonly checked: Signal<boolean>;
  onChange: ((checked: boolean) => void) | undefined;

  constructor(checked: Signal<boolean>) {
    super();
    this.checked = checked;
    this.focusable = true;
  }

  /** Flips the state (unless disabled). */
  toggle(): void {
    if (this.disabled) return;
    const next = !untrack(() => this.checked.value);
    this.checked.value = next;
    this.onChange?.(next);
  }

  paint(screen: Screen): void {
    const { x, y, width } = this.view;
    const looks = this.looks;
    const on = untrack(() => this.checked.value);
    const look = this.disabled ? looks.muted : this.isFocused ? looks.focus : looks.text;
    screen.drawText(x, y, on ? "[x]" : "[ ]", on && !this.isFocused ? looks.accent : look);
    screen.drawText(x + 4, y, fitLabel(this.label, Math.max(1, width - 4)).label, look);
  }
}

/** A checkbox: `Checkbox({ label: "Done", checked: done })`. */
export function Checkbox(props: CheckboxProps): CheckboxElement {
  checkPropsObject("Checkbox", props, false);
  checkFunction("Checkbox", "onChange", props.onChange);
  if (typeof props.checked !== "object") checkBoolean("Checkbox", "checked", props.checked);
  const checked = typeof props.checked === "object" ? props.checked : signal(props.checked ?? false);
  const el = new CheckboxElement(checked);
  el.onChange = props.onChange;
  applyCommon(el, { height: 1, ...props }, "Checkbox");
  if (props.label === undefined) throw propError("Checkbox", "label", props.label, "a string");
  el.bind(props.label, (l) => {
    checkText("Checkbox", "label", l);
    el.label = sanitizeLine(String(l));
    if (props.width === undefined) el.setLayout({ width: textWidth(el.label) + 4 });
    el.invalidate();
  });
  el.bind(checked, () => el.invalidate());
  const { onKey, onClick } = el.handlers;
  el.handlers.onKey = (e) => {
    onKey?.(e);
    if (e.propagationStopped || e.ctrl || e.alt) return;
    if (e.name === "space" || e.name === "enter") {
      el.toggle();
      e.stopPropagation();
      e.preventDefault();
    }
  };
  el.handlers.onClick = (e) => {
    onClick?.(e);
    if (e.propagationStopped) return;
    el.toggle();
    e.stopPropagation();
  };
  return el;
}

/** Props of {@link RadioGroup}. */
export interface RadioGroupProps<T extends string> extends CommonProps {
  /** The choices, as values (shown as they are) or `{ value, label }`. */
  options: readonly (T | { value: T; label: string })[];
  /** The chosen value, two-way (a signal), or the initial one. */
  value?: Signal<T | undefined> | T;
  /** Lay the options out in a row. @default false (a column) */
  horizontal?: boolean;
  /** Called after the choice changed. */
  onChange?: (value: T) => void;
}

/** The element behind {@link RadioGroup}: one focus stop; arrows move the choice. */
export class RadioGroupElement<T extends string = string> extends Element {
  readonly kind = "radiogroup";
  options: { value: T; label: string }[] = [];
  readonly value: Signal<T | undefined>;
  /** The option the keyboard is on. */
  active = 0;
  horizontal = false;
  onChange: ((value: T) => void) | undefined;

  constructor(value: Signal<T | undefined>) {
    super();
    this.value = value;
    this.focusable = true;
  }

  /** Chooses option `i`. */
  choose(i: number): void {
    const o = this.options[i];
    if (!o || this.disabled) return;
    this.active = i;
    if (untrack(() => this.value.value) !== o.value) {
      this.value.value = o.value;
      this.onChange?.(o.value);
    }
    this.invalidate();
  }

  /** Where option `i` starts, relative to the element. */
  offsetOf(i: number): { dx: number; dy: number } {
    if (!this.horizontal) return { dx: 0, dy: i };
    let dx = 0;
    for (let k = 0; k < i; k++) dx += textWidth((this.options[k] as { label: string }).label) + 6;
    return { dx, dy: 0 };
  }

  paint(screen: Screen): void {
    const { x, y } = this.view;
    const looks = this.looks;
    const chosen = untrack(() => this.value.value);
    this.options.forEach((o, i) => {
      const { dx, dy } = this.offsetOf(i);
      const on = o.value === chosen;
      const focused = this.isFocused && i === this.active;
      const look = this.disabled ? looks.muted : focused ? looks.focus : looks.text;
      screen.drawText(x + dx, y + dy, on ? "(•)" : "( )", on && !focused ? looks.accent : look);
      screen.drawText(x + dx + 4, y + dy, o.label, look);
    });
  }
}

/** A group of exclusive choices: `RadioGroup({ options: ["low", "high"], value: level })`. */
export function RadioGroup<T extends string>(props: RadioGroupProps<T>): RadioGroupElement<T> {
  checkPropsObject("RadioGroup", props, false);
  checkArray("RadioGroup", "options", props.options);
  checkFunction("RadioGroup", "onChange", props.onChange);
  checkBoolean("RadioGroup", "horizontal", props.horizontal);
  const value = typeof props.value === "object" ? props.value : signal<T | undefined>(props.value);
  const el = new RadioGroupElement<T>(value);
  el.options = props.options.map((o, k) => {
    if (typeof o === "string") return { value: o, label: sanitizeLine(o) };
    if (typeof o !== "object" || o === null || typeof o.value !== "string") throw propError("RadioGroup", `options[${k}]`, o, "a string or { value, label }");
    checkText("RadioGroup", `options[${k}].label`, o.label);
    return { value: o.value, label: sanitizeLine(o.label) };
  });
  el.horizontal = props.horizontal ?? false;
  el.onChange = props.onChange;
  const last = el.options.length - 1;
  const size = el.horizontal
    ? { width: el.offsetOf(el.options.length).dx, height: 1 }
    : { width: Math.max(0, ...el.options.map((o) => textWidth(o.label) + 4)), height: el.options.length };
  applyCommon(el, { ...size, ...props }, "RadioGroup");
  el.bind(value, (v) => {
    const i = el.options.findIndex((o) => o.value === v);
    if (i >= 0) el.active = i;
    el.invalidate();
  });
  const { onKey, onMouse } = el.handlers;
  el.handlers.onKey = (e) => {
    onKey?.(e);
    if (e.propagationStopped || e.ctrl || e.alt) return;
    const back = el.horizontal ? "left" : "up";
    const fwd = el.horizontal ? "right" : "down";
    if (e.name === back) el.choose(Math.max(0, el.active - 1));
    else if (e.name === fwd) el.choose(Math.min(last, el.active + 1));
    else if (e.name === "space" || e.name === "enter") el.choose(el.active);
    else return;
    e.stopPropagation();
    e.preventDefault();
  };
  el.handlers.onMouse = (e) => {
    onMouse?.(e);
    if (e.propagationStopped || e.kind !== "down" || e.button !== "left") return;
    for (let i = el.options.length - 1; i >= 0; i--) {
      const { dx, dy } = el.offsetOf(i);
      if (e.localY === dy && e.localX >= dx) {
        el.choose(i);
        break;
      }
    }
  };
  return el;
}
