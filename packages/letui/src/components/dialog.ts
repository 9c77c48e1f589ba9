/**
 * Dialogs: a panel on an overlay above everything. While open it keeps
 * Tab inside (a focus scope) and takes every click (what is behind does
 * not react); Escape or a click outside the panel closes it, and focus
 * goes back to where it was.
 *
 * `openDialog(app, () => content, options)` opens one and returns a
 * handle; `Dialog({ open }, () => content)` is the same driven by a
 * signal from anywhere in the tree; `confirm(app, { message })` asks a
 * question and resolves with the answer.
 */
import type { App } from "../app/app.ts";
import type { ElementKeyEvent, ElementMouseEvent } from "../app/dispatch.ts";
import { Element } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { isSignal, onCleanup, type Signal, untrack } from "../signals.ts";
import { swapOwner } from "../signals/scope.ts";
import { Box, BoxElement, type BoxProps, Row, setupBox } from "./box.ts";
import { Button } from "./button.ts";
import { checkBoolean, checkFunction, checkPropsObject, checkString, propError } from "./check.ts";
import { Text } from "./text.ts";

/** Options of {@link openDialog} and props of {@link Dialog}. */
export interface DialogOptions {
  /** Title on the panel's top border. */
  title?: string;
  /** Panel width (cells or percent of the screen). @default fits the content, at most 90% */
  width?: number | `${number}%`;
  /** Panel height. @default fits the content, at most 90% */
  height?: number | `${number}%`;
  /** Close on Escape. @default true */
  closeOnEscape?: boolean;
  /** Close on a click outside the panel. @default true */
  closeOnOutsideClick?: boolean;
  /** Called once when the dialog closes (by any means). */
  onClose?: () => void;
  /** More props for the panel (a Box): border, padding, colors, id. */
  panel?: BoxProps;
}

/** An open dialog. */
export interface DialogHandle {
  /** The panel holding the content. */
  readonly panel: Element;
  /** Closes the dialog (once; later calls do nothing). */
  close(): void;
  /** True once closed. */
  readonly closed: boolean;
  /** Resolves when the dialog has closed. */
  readonly done: Promise<void>;
}

/** The layer under a dialog's panel: covers the screen and takes clicks outside the panel. */
class DialogLayer extends Element {
  readonly kind = "dialog-layer";

  constructor() {
    super();
    this.layout = { position: "absolute", top: 0, left: 0, width: "100%", height: "100%", alignItems: "center", justifyContent: "center" };
  }

  paint(_screen: Screen): void {}
}

/** A dialog's panel: an opaque box. */
class DialogPanel extends BoxElement {
  override readonly kind: string = "dialog";
  override opaque = true;
}

function appOf(owner: App | Element): App {
  const app = owner instanceof Element ? owner.app : owner;
  if (!app || app.stopped) throw propError("openDialog", "owner", owner, "a running App or a mounted element");
  return app;
}

function checkSize(component: string, prop: string, v: unknown): void {
  if (v === undefined) return;
  if (typeof v === "number" ? !(Number.isInteger(v) && v > 0) : !(typeof v === "string" && /^\d+(\.\d+)?%$/.test(v))) {
    throw propError(component, prop, v, "a positive whole number of cells or a percentage");
  }
}

function checkOptions(component: string, o: DialogOptions): void {
  checkPropsObject(component, o);
  checkString(component, "title", o.title);
  checkSize(component, "width", o.width);
  checkSize(component, "height", o.height);
  checkBoolean(component, "closeOnEscape", o.closeOnEscape);
  checkBoolean(component, "closeOnOutsideClick", o.closeOnOutsideClick);
  checkFunction(component, "onClose", o.onClose);
  if (o.panel !== undefined) checkPropsObject(component, o.panel);
}

/** Opens a dialog showing `content()` on `owner`'s app (an App, or any mounted element of it). */
export function openDialog(owner: App | Element, content: () => Element, options: DialogOptions = {}): DialogHandle {
  checkOptions("openDialog", options);
  checkFunction("openDialog", "content", content);
  const app = appOf(owner);
  // The dialog lives until it closes, whatever effect or scope opened it.
  const prev = swapOwner(undefined);
  try {
    return untrack(() => build(app, content, options));
  } finally {
    swapOwner(prev);
  }
}

function build(app: App, content: () => Element, options: DialogOptions): DialogHandle {
  const returnTo = app.focused;
  const layer = new DialogLayer();
  const body = content();
  if (!(body instanceof Element)) throw propError("openDialog", "content", body, "a function returning an element");
  const panel = setupBox(
    new DialogPanel(),
    {
      flexDirection: "column",
      border: "rounded",
      paddingX: 1,
      maxWidth: "90%",
      maxHeight: "90%",
      focusable: true,
      tabIndex: -1,
      trapFocus: true,
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.width !== undefined ? { width: options.width } : {}),
      ...(options.height !== undefined ? { height: options.height } : {}),
      ...options.panel,
    },
    [body],
    "Dialog",
  );
  layer.append(panel);
  let resolve = () => {};
  const done = new Promise<void>((r) => (resolve = r));
  const handle: DialogHandle = {
    panel,
    closed: false,
    done,
    close() {
      if (handle.closed) return;
      (handle as { closed: boolean }).closed = true;
      app.removeOverlay(layer);
      if (returnTo && returnTo.app === app) app.focus(returnTo);
      options.onClose?.();
      resolve();
    },
  };
  layer.handlers.onKey = (e: ElementKeyEvent) => {
    if (e.kind === "release") return;
    if (e.name === "escape" && options.closeOnEscape !== false) {
      handle.close();
      e.stopPropagation();
      e.preventDefault();
    }
  };
  // The layer covers the screen, so nothing behind the dialog is hit by the pointer.
  layer.handlers.onMouse = (e: ElementMouseEvent) => {
    if (e.kind === "down" && e.target === layer && options.closeOnOutsideClick !== false) handle.close();
  };
  app.addOverlay(layer);
  // Focus the first focusable element inside (or the panel itself) once it is laid out.
  const inside = [...panel.walk()].filter((el) => el !== panel && el.focusable && el.tabIndex >= 0 && !el.disabled);
  const first = inside.find((el) => el.autofocus) ?? inside[0];
  app.requestFocus(first ?? panel);
  app.focus(null);
  return handle;
}

/** Props of {@link Dialog}. */
export interface DialogProps extends DialogOptions {
  /** Whether the dialog shows; set back to false when it closes by Escape or an outside click. */
  open: Signal<boolean>;
}

/** The element a {@link Dialog} leaves in the tree: it takes no room and shows the dialog on the app's overlay. */
export class DialogElement extends Element {
  readonly kind = "dialog-anchor";
  /** The open dialog, if any. */
  handle: DialogHandle | null = null;
  readonly #open: Signal<boolean>;
  readonly #content: () => Element;
  readonly #options: DialogOptions;

  constructor(open: Signal<boolean>, content: () => Element, options: DialogOptions) {
    super();
    this.layout = { display: "none" };
    this.#open = open;
    this.#content = content;
    this.#options = options;
    this.scope.run(() => onCleanup(() => this.handle?.close()));
    this.bind(open, () => this.#sync());
  }

  protected override onMount(): void {
    this.#sync();
  }

  #sync(): void {
    const want = this.#open.peek();
    if (want && !this.handle && this.app) {
      this.handle = openDialog(this, this.#content, {
        ...this.#options,
        onClose: () => {
          this.handle = null;
          this.#open.value = false;
          this.#options.onClose?.();
        },
      });
    } else if (!want && this.handle) this.handle.close();
  }

  paint(_screen: Screen): void {}
}

/**
 * A dialog driven by a signal: `Dialog({ open: showHelp, title: "Help" },
 * () => Text("..."))`. It may sit anywhere in the tree; the content is
 * made anew each time it opens.
 */
export function Dialog(props: DialogProps, content: () => Element): DialogElement {
  checkOptions("Dialog", props);
  if (!isSignal(props.open)) throw propError("Dialog", "open", props.open, "a signal of a boolean");
  checkFunction("Dialog", "content", content);
  const { open, ...options } = props;
  return new DialogElement(open as Signal<boolean>, content, options);
}

/** Options of {@link confirm}. */
export interface ConfirmOptions {
  /** The question. */
  message: string;
  /** Title of the dialog. @default "Confirm" */
  title?: string;
  /** Label of the button that answers yes. @default "OK" */
  confirmLabel?: string;
  /** Label of the button that answers no. @default "Cancel" */
  cancelLabel?: string;
}

/**
 * Asks a yes/no question in a dialog and resolves with the answer: true
 * for the confirm button (or Enter on it), false for cancel, Escape or a
 * click outside. Focus starts on the confirm button.
 */
export function confirm(owner: App | Element, options: ConfirmOptions): Promise<boolean> {
  checkPropsObject("confirm", options, false);
  checkString("confirm", "message", options.message);
  if (typeof options.message !== "string") throw propError("confirm", "message", options.message, "a string");
  checkString("confirm", "title", options.title);
  checkString("confirm", "confirmLabel", options.confirmLabel);
  checkString("confirm", "cancelLabel", options.cancelLabel);
  let answer = false;
  const handle = openDialog(
    owner,
    () =>
      Box(
        { gap: 1, maxWidth: 56 },
        Text({ wrap: "word" }, options.message),
        Row(
          { gap: 2, justifyContent: "flex-end" },
          Button({
            label: options.cancelLabel ?? "Cancel",
            onPress: () => {
              answer = false;
              handle.close();
            },
          }),
          Button({
            label: options.confirmLabel ?? "OK",
            autofocus: true,
            onPress: () => {
              answer = true;
              handle.close();
            },
          }),
        ),
      ),
    { title: options.title ?? "Confirm", panel: { minWidth: 30 } },
  );
  return handle.done.then(() => answer);
}
