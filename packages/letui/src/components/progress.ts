/**
 * Progress and activity: `ProgressBar` (determinate, to an eighth of a
 * cell, or indeterminate), `Spinner` and `Sparkline`.
 *
 * Animation runs on the app's clock only while the element is mounted
 * and some of it is on screen: hidden (unmounted, `display: "none"`,
 * zero-sized) or scrolled out of view, it sets no timer and causes no
 * frame.
 */
import { Element, isEmpty } from "../app/element.ts";
import { overlayStyle } from "../app/theme.ts";
import type { Screen } from "../screen.ts";
import { type MaybeSignal, onCleanup } from "../signals.ts";
import { packStyle, type PackedStyle, type Style } from "../style.ts";
import { textWidth } from "../text.ts";
import { checkArray, checkBoolean, checkNumber, checkOneOf, checkPropsObject, checkText, propError } from "./check.ts";
import { sanitizeLine } from "./input.ts";
import { applyCommon, type CommonProps, styleProps } from "./props.ts";

/** An element that animates while visible: `animating` says whether it wants to, `tick()` advances it. */
abstract class AnimatedElement extends Element {
  /** Milliseconds between animation steps. */
  interval = 80;
  /** Animation step, counting up while it runs. */
  phase = 0;
  #cancel: (() => void) | null = null;

  constructor() {
    super();
    this.scope.run(() => onCleanup(() => this.#stop()));
  }

  /** Whether the element has something to animate now. */
  abstract get animating(): boolean;

  /** Whether a timer is set (for tests and benchmarks: false while hidden). */
  get running(): boolean {
    return this.#cancel !== null;
  }

  override get watchesLayout(): boolean {
    return true;
  }

  override afterLayout(): void {
    this.update();
  }

  /** Starts or stops the timer to match `animating` and visibility. */
  update(): void {
    const app = this.app;
    const want = this.animating && app !== null && !app.stopped && !isEmpty(this.clip);
    if (want && !this.#cancel && app) {
      this.#cancel = app.clock.after(this.interval, () => {
        this.#cancel = null;
        this.phase++;
        this.invalidate();
        this.update();
      });
    } else if (!want) this.#stop();
  }

  #stop(): void {
    this.#cancel?.();
    this.#cancel = null;
  }
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps extends CommonProps {
  /** Done so far, from 0 to 1; `null` for an indeterminate bar (a block sweeping back and forth). */
  value?: MaybeSignal<number | null>;
  /** Show the percentage after the bar. */
  showPercent?: MaybeSignal<boolean>;
  /** Look of the filled part (its foreground) and of the track (its background). */
  style?: Style;
}

/** The element behind {@link ProgressBar}. */
export class ProgressBarElement extends AnimatedElement {
  readonly kind = "progress";
  /** The fraction done, or null when indeterminate. */
  value: number | null = 0;
  showPercent = false;
  overrides: { normal?: Style } = {};
  #look: { key: unknown; style: PackedStyle } | undefined;

  constructor() {
    super();
    this.interval = 60;
  }

  get animating(): boolean {
    return this.value === null;
  }

  #style(): PackedStyle {
    const t = this.theme;
    if (this.#look?.key !== t) this.#look = { key: t, style: overlayStyle(packStyle({ fg: t.accent, bg: t.surface }), this.overrides.normal) };
    return this.#look.style;
  }

  paint(screen: Screen): void {
    const { x, y, width } = this.view;
    const st = this.#style();
    const label = this.showPercent && this.value !== null ? ` ${Math.floor(this.value * 100)}%`.padStart(5) : "";
    const w = Math.max(0, width - label.length);
    screen.fill(x, y, w, 1, " ", st);
    if (this.value === null) {
      const block = Math.max(1, Math.min(w, Math.round(w / 5)));
      const span = Math.max(1, w - block);
      const p = this.phase % (2 * span);
      screen.fill(x + (p < span ? p : 2 * span - p), y, block, 1, "█", st);
    } else {
      const eighths = Math.round(Math.max(0, Math.min(1, this.value)) * w * 8);
      const full = Math.floor(eighths / 8);
      screen.fill(x, y, full, 1, "█", st);
      const part = EIGHTHS[eighths % 8] ?? "";
      if (part && full < w) screen.setCell(x + full, y, part, st);
    }
    if (label) screen.drawText(x + w, y, label, this.looks.text);
  }
}

/** A progress bar: `ProgressBar({ value: done, showPercent: true })` (value 0..1, or null while unknown). */
export function ProgressBar(props: ProgressBarProps = {}): ProgressBarElement {
  checkPropsObject("ProgressBar", props);
  const el = new ProgressBarElement();
  applyCommon(el, { height: 1, flexGrow: props.width === undefined ? 1 : undefined, ...props }, "ProgressBar");
  el.overrides = styleProps("ProgressBar", props, [["normal", "style"]] as const);
  el.bind(props.value, (v) => {
    if (v !== null && (typeof v !== "number" || !Number.isFinite(v))) throw propError("ProgressBar", "value", v, "a number from 0 to 1, or null");
    el.value = v === null ? null : Math.max(0, Math.min(1, v));
    el.invalidate();
    el.update();
  });
  el.bind(props.showPercent, (v) => {
    checkBoolean("ProgressBar", "showPercent", v);
    el.showPercent = v;
    el.invalidate();
  });
  return el;
}

/** The frames and pace of each {@link Spinner} style. */
export const SPINNERS = {
  dots: { frames: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"], interval: 80 },
  line: { frames: ["-", "\\", "|", "/"], interval: 120 },
  arc: { frames: ["◜", "◠", "◝", "◞", "◡", "◟"], interval: 100 },
  circle: { frames: ["◐", "◓", "◑", "◒"], interval: 120 },
  blocks: { frames: ["▖", "▘", "▝", "▗"], interval: 120 },
  bounce: { frames: ["⠁", "⠂", "⠄", "⠂"], interval: 120 },
} as const satisfies Record<string, { frames: readonly string[]; interval: number }>;

/** A {@link Spinner} style. */
export type SpinnerStyle = keyof typeof SPINNERS;

/** Props of {@link Spinner}. */
export interface SpinnerProps extends CommonProps {
  /** Which frames. @default "dots" */
  kind?: SpinnerStyle;
  /** Text after the spinner. */
  label?: MaybeSignal<string>;
  /** Spin (true) or stand still (false). @default true */
  spinning?: MaybeSignal<boolean>;
  /** Look of the spinner. */
  style?: Style;
}

/** The element behind {@link Spinner}. */
export class SpinnerElement extends AnimatedElement {
  readonly kind = "spinner";
  frames: readonly string[] = SPINNERS.dots.frames;
  label = "";
  spinning = true;
  overrides: { normal?: Style } = {};

  get animating(): boolean {
    return this.spinning;
  }

  paint(screen: Screen): void {
    const { x, y } = this.view;
    const frame = this.frames[this.phase % this.frames.length] ?? "";
    screen.drawText(x, y, frame, overlayStyle(this.looks.accent, this.overrides.normal));
    if (this.label) screen.drawText(x + 2, y, this.label, this.looks.text);
  }
}

/** An activity indicator: `Spinner({ label: "Loading" })`; it animates only while on screen. */
export function Spinner(props: SpinnerProps = {}): SpinnerElement {
  checkPropsObject("Spinner", props);
  checkOneOf("Spinner", "kind", props.kind, Object.keys(SPINNERS));
  const el = new SpinnerElement();
  const spec = SPINNERS[props.kind ?? "dots"];
  el.frames = spec.frames;
  el.interval = spec.interval;
  applyCommon(el, { height: 1, width: 1, flexShrink: 0, ...props }, "Spinner");
  el.overrides = styleProps("Spinner", props, [["normal", "style"]] as const);
  el.bind(props.label, (l) => {
    checkText("Spinner", "label", l);
    el.label = sanitizeLine(String(l));
    if (props.width === undefined) el.setLayout({ width: el.label ? 2 + textWidth(el.label) : 1 });
    el.invalidate();
  });
  el.bind(props.spinning, (s) => {
    checkBoolean("Spinner", "spinning", s);
    el.spinning = s;
    el.update();
  });
  return el;
}

const BARS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** Props of {@link Sparkline}. */
export interface SparklineProps extends CommonProps {
  /** The values; the last ones that fit are shown, one per cell. */
  data: MaybeSignal<readonly number[]>;
  /** The value drawn as the lowest bar. @default the smallest value */
  min?: number;
  /** The value drawn as the highest bar. @default the largest value */
  max?: number;
  /** Look of the bars. */
  style?: Style;
}

/** The element behind {@link Sparkline}. */
export class SparklineElement extends Element {
  readonly kind = "sparkline";
  data: readonly number[] = [];
  min: number | undefined;
  max: number | undefined;
  overrides: { normal?: Style } = {};

  paint(screen: Screen): void {
    const { x, y, width } = this.view;
    const shown = this.data.slice(Math.max(0, this.data.length - width));
    const finite = shown.filter((v) => Number.isFinite(v));
    const lo = this.min ?? Math.min(...finite);
    const hi = this.max ?? Math.max(...finite);
    const st = overlayStyle(this.looks.accent, this.overrides.normal);
    let line = "";
    for (const v of shown) {
      if (!Number.isFinite(v)) line += " ";
      else if (hi <= lo) line += BARS[3];
      else line += BARS[Math.max(0, Math.min(7, Math.round(((v - lo) / (hi - lo)) * 7)))];
    }
    screen.drawText(x + width - shown.length, y, line, st);
  }
}

/** A one-row chart of values: `Sparkline({ data: cpuHistory, width: 30 })`. */
export function Sparkline(props: SparklineProps): SparklineElement {
  checkPropsObject("Sparkline", props, false);
  checkNumber("Sparkline", "min", props.min);
  checkNumber("Sparkline", "max", props.max);
  const el = new SparklineElement();
  el.min = props.min;
  el.max = props.max;
  applyCommon(el, { height: 1, ...props }, "Sparkline");
  el.overrides = styleProps("Sparkline", props, [["normal", "style"]] as const);
  el.bind(props.data, (d) => {
    checkArray("Sparkline", "data", d);
    for (const v of d) if (typeof v !== "number") throw propError("Sparkline", "data", d, "an array of numbers");
    el.data = d;
    if (props.width === undefined) el.setLayout({ width: d.length });
    el.invalidate();
  });
  return el;
}
