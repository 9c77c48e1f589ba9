/**
 * `Button`: focusable, activated by Enter, Space or a click, with focus,
 * hover and pressed styles.
 */
import { realClock } from "../app/clock.ts";
import { Element } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import type { MaybeSignal } from "../signals.ts";
import { type PackedStyle, type Style } from "../style.ts";
import { overlayStyle } from "../app/theme.ts";
import { textWidth } from "../text.ts";
import { fitLabel } from "./box.ts";
import { checkFunction, checkPropsObject, checkText, propError } from "./check.ts";
import { applyCommon, type CommonProps, styleProps } from "./props.ts";

/** Props of {@link Button}. */
export interface ButtonProps extends CommonProps {
  /** The label. */
  label: MaybeSignal<string>;
  /** Called on Enter, Space or a click. */
  onPress?: () => void;
  /** Normal look. */
  style?: Style;
  /** Look while focused. */
  focusStyle?: Style;
  /** Look while the pointer is over it. */
  hoverStyle?: Style;
  /** Look while pressed. */
  pressedStyle?: Style;
  /** Look while disabled. */
  disabledStyle?: Style;
}

type ButtonState = "normal" | "hover" | "focus" | "pressed" | "disabled";

/** The element behind {@link Button}. */
export class ButtonElement extends Element {
  readonly kind = "button";
  label = "";
  hovered = false;
  pressed = false;
  onPress: (() => void) | undefined;
  /** Looks given as props, merged over the theme's (packed on first use per theme). */
  overrides: Partial<Record<ButtonState, Style>> = {};
  #release: (() => void) | undefined;

  constructor() {
    super();
    this.focusable = true;
  }

  /** The state the button shows. */
  get state(): ButtonState {
    if (this.disabled) return "disabled";
    if (this.pressed) return "pressed";
    if (this.isFocused) return "focus";
    if (this.hovered) return "hover";
    return "normal";
  }

  /** The style for the current state: the theme's look, with the state's style prop over it. */
  get look(): PackedStyle {
    const state = this.state;
    const looks = this.looks;
    const base =
      state === "normal" ? looks.field : state === "hover" ? looks.hover : state === "focus" ? looks.focus : state === "pressed" ? looks.pressed : looks.disabled;
    return overlayStyle(base, this.overrides[state]);
  }

  /** Activates the button (as Enter, Space or a click do), showing it pressed briefly. */
  press(): void {
    if (this.disabled) return;
    this.pressed = true;
    this.invalidate();
    this.#release?.();
    this.#release = (this.app?.clock ?? realClock).after(120, () => {
      this.pressed = false;
      this.invalidate();
    });
    this.onPress?.();
  }

  protected override onUnmount(): void {
    this.#release?.();
    this.#release = undefined;
  }

  paint(screen: Screen): void {
    const { x, y, width, height } = this.view;
    const st = this.look;
    screen.fill(x, y, width, height, " ", st);
    const { label, width: lw } = fitLabel(this.label, Math.max(1, width - 2));
    screen.drawText(x + Math.max(0, (width - lw) >> 1), y + ((height - 1) >> 1), label, st);
  }
}

/** A push button: `Button({ label: "Save", onPress: save })`. */
export function Button(props: ButtonProps): ButtonElement {
  checkPropsObject("Button", props, false);
  const el = new ButtonElement();
  // A button keeps its label: it does not shrink unless told to.
  applyCommon(el, { height: 1, flexShrink: 0, ...props }, "Button");
  checkFunction("Button", "onPress", props.onPress);
  el.onPress = props.onPress;
  el.overrides = styleProps("Button", props, [
    ["normal", "style"],
    ["hover", "hoverStyle"],
    ["focus", "focusStyle"],
    ["pressed", "pressedStyle"],
    ["disabled", "disabledStyle"],
  ] as const);
  if (props.label === undefined) throw propError("Button", "label", props.label, "a string");
  el.bind(props.label, (label) => {
    checkText("Button", "label", label);
    el.label = String(label);
    if (props.width === undefined) el.setLayout({ width: textWidth(el.label) + 4 });
    el.invalidate();
  });
  const { onKey, onClick, onMouse, onMouseEnter, onMouseLeave } = el.handlers;
  el.handlers.onKey = (e) => {
    onKey?.(e);
    if (e.propagationStopped || e.kind === "release") return;
    if ((e.name === "enter" || e.name === "space") && !e.ctrl && !e.alt) {
      e.stopPropagation();
      e.preventDefault();
      el.press();
    }
  };
  el.handlers.onMouse = (e) => {
    onMouse?.(e);
    if (e.kind === "down" && e.button === "left" && !el.disabled) {
      el.pressed = true;
      el.invalidate();
    } else if (e.kind === "up" && el.pressed) {
      el.pressed = false;
      el.invalidate();
    }
  };
  el.handlers.onClick = (e) => {
    onClick?.(e);
    if (e.propagationStopped) return;
    e.stopPropagation();
    el.press();
  };
  el.handlers.onMouseEnter = () => {
    onMouseEnter?.();
    el.hovered = true;
    el.invalidate();
  };
  el.handlers.onMouseLeave = () => {
    onMouseLeave?.();
    el.hovered = false;
    el.pressed = false;
    el.invalidate();
  };
  return el;
}
