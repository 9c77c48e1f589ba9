/**
 * `Button`: focusable, activated by Enter, Space or a click, with focus,
 * hover and pressed styles.
 */
import { realClock } from "../app/clock.ts";
import { Element } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import type { MaybeSignal } from "../signals.ts";
import { type PackedStyle, packStyle, type Style } from "../style.ts";
import { textWidth } from "../text.ts";
import { fitLabel } from "./box.ts";
import { applyCommon, type CommonProps } from "./props.ts";

/** Props of {@link Button}. */
export interface ButtonProps extends CommonProps {
  /** The label. */
  label: MaybeSignal<string>;
  /** Called on Enter, Space or a click. */
  onPress?: () => void;
  /** When true, the button ignores presses and shows {@link disabledStyle}. */
  disabled?: MaybeSignal<boolean>;
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

/** Default looks of buttons. */
export const BUTTON_STYLES = {
  normal: { fg: "#d8dae5", bg: "#3a3d4a" },
  hover: { fg: "#ffffff", bg: "#4c5066" },
  focus: { fg: "#ffffff", bg: "#5865f2", bold: true },
  pressed: { fg: "#1b1d26", bg: "#a4adff", bold: true },
  disabled: { fg: "#6c6f7d", bg: "#2a2c35" },
} as const satisfies Record<string, Style>;

/** The element behind {@link Button}. */
export class ButtonElement extends Element {
  readonly kind = "button";
  label = "";
  disabled = false;
  hovered = false;
  pressed = false;
  onPress: (() => void) | undefined;
  styles: Record<keyof typeof BUTTON_STYLES, PackedStyle> = {
    normal: packStyle(BUTTON_STYLES.normal),
    hover: packStyle(BUTTON_STYLES.hover),
    focus: packStyle(BUTTON_STYLES.focus),
    pressed: packStyle(BUTTON_STYLES.pressed),
    disabled: packStyle(BUTTON_STYLES.disabled),
  };
  #release: (() => void) | undefined;

  constructor() {
    super();
    this.focusable = true;
  }

  /** The style for the current state. */
  get look(): PackedStyle {
    if (this.disabled) return this.styles.disabled;
    if (this.pressed) return this.styles.pressed;
    if (this.app?.focused === this) return this.styles.focus;
    if (this.hovered) return this.styles.hover;
    return this.styles.normal;
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

  override unmount(): void {
    this.#release?.();
    this.#release = undefined;
    super.unmount();
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
  const el = new ButtonElement();
  applyCommon(el, { height: 1, ...props });
  el.onPress = props.onPress;
  const s = el.styles;
  if (props.style) s.normal = packStyle({ ...BUTTON_STYLES.normal, ...props.style });
  if (props.hoverStyle) s.hover = packStyle({ ...BUTTON_STYLES.hover, ...props.hoverStyle });
  if (props.focusStyle) s.focus = packStyle({ ...BUTTON_STYLES.focus, ...props.focusStyle });
  if (props.pressedStyle) s.pressed = packStyle({ ...BUTTON_STYLES.pressed, ...props.pressedStyle });
  if (props.disabledStyle) s.disabled = packStyle({ ...BUTTON_STYLES.disabled, ...props.disabledStyle });
  el.bind(props.label, (label) => {
    el.label = label;
    if (props.width === undefined) el.setLayout({ width: textWidth(label) + 4 });
    el.invalidate();
  });
  el.bind(props.disabled, (d) => {
    el.disabled = d;
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
  el.handlers.onFocus = chainFocus(el.handlers.onFocus, () => el.invalidate());
  el.handlers.onBlur = chainFocus(el.handlers.onBlur, () => el.invalidate());
  return el;
}

function chainFocus(a: (() => void) | undefined, b: () => void): () => void {
  return a ? () => (a(), b()) : b;
}
