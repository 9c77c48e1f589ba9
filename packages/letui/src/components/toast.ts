/**
 * Toasts: short notices stacked in a corner of the screen, newest at the
 * bottom. Each goes away after its duration (on the app's clock, so no
 * frame is drawn in between), on a click, or on Escape when nothing else
 * used the key (the newest goes first). Toasts never take focus, and
 * clicks outside them reach the app as usual.
 */
import type { App } from "../app/app.ts";
import { Element } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { untrack } from "../signals.ts";
import { swapOwner } from "../signals/scope.ts";
import type { Theme } from "../app/theme.ts";
import { packStyle, type PackedStyle } from "../style.ts";
import { BoxElement, setupBox } from "./box.ts";
import { checkNumber, checkOneOf, checkPropsObject, checkString, propError } from "./check.ts";
import { Text } from "./text.ts";

/** The kind of a toast, which picks its color. */
export type ToastKind = "info" | "success" | "warning" | "error";

/** Options of {@link toast}. */
export interface ToastOptions {
  /** Picks the border color from the theme. @default "info" */
  kind?: ToastKind;
  /** A title above the message. */
  title?: string;
  /** Milliseconds until it goes away by itself; 0 keeps it until dismissed. @default 4000 */
  duration?: number;
}

/** A toast on screen. */
export interface ToastHandle {
  /** Takes the toast away (once). */
  dismiss(): void;
  /** True once it is gone. */
  readonly dismissed: boolean;
}

/** A toast's box: opaque, with a border in its kind's color from the theme. */
class ToastBox extends BoxElement {
  override readonly kind: string = "toast";
  override opaque = true;
  readonly toastKind: ToastKind;
  #look: { theme: Theme; border: PackedStyle } | undefined;

  constructor(kind: ToastKind) {
    super();
    this.toastKind = kind;
  }

  override get currentBorderStyle(): PackedStyle {
    const t = this.theme;
    if (this.#look?.theme !== t) {
      const k = this.toastKind;
      const fg = k === "error" ? t.error : k === "warning" ? t.warning : k === "success" ? t.success : t.accent;
      this.#look = { theme: t, border: packStyle({ fg, bg: t.bg }) };
    }
    return this.#look.border;
  }
}

/** Most toasts shown at once; older ones go first. */
const MAX_TOASTS = 5;

/** The overlay holding an app's toasts: sized to them, in the bottom-right corner. */
class ToastStack extends Element {
  readonly kind = "toasts";
  readonly items: { el: Element; handle: ToastHandle }[] = [];
  removeKey: (() => void) | null = null;

  constructor() {
    super();
    this.layout = { position: "absolute", right: 1, bottom: 1, flexDirection: "column", alignItems: "flex-end", maxWidth: "50%" };
  }

  paint(_screen: Screen): void {}
}

const stacks = new WeakMap<App, ToastStack>();

/** Shows `message` as a toast on `owner`'s app (an App, or a mounted element of it). */
export function toast(owner: App | Element, message: string, options: ToastOptions = {}): ToastHandle {
  if (typeof message !== "string") throw propError("toast", "message", message, "a string");
  checkPropsObject("toast", options);
  checkOneOf("toast", "kind", options.kind, ["info", "success", "warning", "error"]);
  checkString("toast", "title", options.title);
  checkNumber("toast", "duration", options.duration, { min: 0 });
  const app = owner instanceof Element ? owner.app : owner;
  if (!app || app.stopped) throw propError("toast", "owner", owner, "a running App or a mounted element");
  const prev = swapOwner(undefined);
  try {
    return untrack(() => show(app, message, options));
  } finally {
    swapOwner(prev);
  }
}

function show(app: App, message: string, options: ToastOptions): ToastHandle {
  let stack = stacks.get(app);
  if (!stack || !stack.mounted) {
    stack = new ToastStack();
    stacks.set(app, stack);
  }
  const s = stack;
  const kind = options.kind ?? "info";
  let cancelTimer: (() => void) | null = null;
  const handle: ToastHandle = {
    dismissed: false,
    dismiss() {
      if (handle.dismissed) return;
      (handle as { dismissed: boolean }).dismissed = true;
      cancelTimer?.();
      const i = s.items.findIndex((it) => it.handle === handle);
      if (i >= 0) {
        const [item] = s.items.splice(i, 1);
        if (item) s.remove(item.el);
      }
      if (s.items.length === 0) {
        s.removeKey?.();
        s.removeKey = null;
        app.removeOverlay(s);
      }
    },
  };
  const box = setupBox(
    new ToastBox(kind),
    { flexDirection: "column", border: "rounded", paddingX: 1, minWidth: 12, flexShrink: 0, onClick: () => handle.dismiss() },
    [options.title ? Text({ bold: true }, options.title) : null, Text({ wrap: "word" }, message)],
    "toast",
  );
  s.append(box);
  s.items.push({ el: box, handle });
  while (s.items.length > MAX_TOASTS) s.items[0]?.handle.dismiss();
  if (!s.removeKey) {
    s.removeKey = app.onUnhandledKey((e) => {
      if (e.name !== "escape" || e.ctrl || e.alt) return false;
      s.items.at(-1)?.handle.dismiss();
      return true;
    });
  }
  app.addOverlay(s);
  const ms = options.duration ?? 4000;
  if (ms > 0) cancelTimer = app.clock.after(ms, () => handle.dismiss());
  app.requestFrame();
  return handle;
}
