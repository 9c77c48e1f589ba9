/**
 * `Text`: styled spans of text, wrapped (by word, by character, or not),
 * aligned, measured natively with the same widths the screen uses.
 */
import { Element } from "../app/element.ts";
import type { Screen } from "../screen.ts";
import { effect, isSignal, type MaybeSignal, type ReadonlySignal, read } from "../signals.ts";
import { type PackedStyle, packStyle, type Style } from "../style.ts";
import { checkBoolean, checkOneOf } from "./check.ts";
import { applyCommon, type CommonProps } from "./props.ts";

/** How text breaks into lines. */
export type WrapMode = "word" | "char" | "none";

/** A {@link Style} whose fields may be signals. */
export type ReactiveStyle = { [K in keyof Style]?: MaybeSignal<Style[K]> };

/** A run of text with its own style (any field may be a signal). */
export interface Span extends ReactiveStyle {
  /** The text (plain or reactive). */
  text: MaybeSignal<string | number>;
}

/** Props of {@link Text}: the base style of all spans (any field may be a signal). */
export interface TextProps extends CommonProps, ReactiveStyle {
  /** Line breaking. @default "word" */
  wrap?: MaybeSignal<WrapMode>;
  /** Horizontal alignment of each line. @default "left" */
  align?: MaybeSignal<"left" | "center" | "right">;
  /** End a line that does not fit (or the last visible line) with `…`. @default false */
  ellipsis?: MaybeSignal<boolean>;
}

/** What `Text` accepts as content. */
export type TextContent = string | number | ReadonlySignal<string | number> | Span | null | undefined | false;

interface LiveSpan {
  text: string;
  style: PackedStyle;
  start: number;
}

/** Applies "keep the background" unless a span sets one, so text sits on its box's background. */
function spanStyle(base: Style, own: Style): PackedStyle {
  const merged: Style = { ...base, ...own };
  const packed = packStyle(merged);
  if (merged.bg === undefined) return packStyle({ ...merged, bg: "keep" });
  return packed;
}

/** The element behind {@link Text}. */
export class TextElement extends Element {
  readonly kind = "text";
  #spans: LiveSpan[] = [];
  #full = "";
  #wrap: WrapMode = "word";
  #align: "left" | "center" | "right" = "left";
  #ellipsis = false;
  #lines: { start: number; end: number; width: number; ellipsis: boolean }[] | null = null;

  /** The whole text. */
  get text(): string {
    return this.#full;
  }

  /** Sets the spans (text and packed style). */
  setSpans(spans: { text: string; style: PackedStyle }[]): void {
    let start = 0;
    this.#spans = spans.map((s) => {
      const live = { text: s.text, style: s.style, start };
      start += s.text.length;
      return live;
    });
    const full = spans.map((s) => s.text).join("");
    if (full !== this.#full) {
      this.#full = full;
      this.#sync();
    }
    this.invalidate();
  }

  /** Sets wrapping, alignment and ellipsis. */
  setFormat(wrap: WrapMode, align: "left" | "center" | "right", ellipsis: boolean): void {
    checkOneOf("Text", "wrap", wrap, ["word", "char", "none"]);
    checkOneOf("Text", "align", align, ["left", "center", "right"]);
    checkBoolean("Text", "ellipsis", ellipsis);
    const changed = wrap !== this.#wrap || ellipsis !== this.#ellipsis;
    this.#wrap = wrap;
    this.#align = align;
    this.#ellipsis = ellipsis;
    if (changed) this.#sync();
    this.invalidate();
  }

  #sync(): void {
    this.#lines = null;
    if (this.app) this.app.tree.setTextLater(this.node, this.#full, { wrap: this.#wrap, ellipsis: this.#ellipsis });
  }

  protected override onMount(): void {
    this.#sync();
  }

  override onLayout(): void {
    this.#lines = null;
  }

  /** The wrapped lines at the current width (UTF-16 offsets into {@link text}). */
  lines(): { start: number; end: number; width: number; ellipsis: boolean }[] {
    if (!this.app) return [];
    this.#lines ??= this.app.tree.textLines(this.node);
    return this.#lines;
  }

  paint(screen: Screen): void {
    const { x, y, width, height } = this.view;
    const lines = this.lines();
    const spans = this.#spans;
    for (let i = 0; i < lines.length && i < height; i++) {
      const line = lines[i] as (typeof lines)[number];
      const free = Math.max(0, width - line.width);
      let cx = x + (this.#align === "center" ? free >> 1 : this.#align === "right" ? free : 0);
      let last: PackedStyle | undefined;
      for (const span of spans) {
        const s0 = Math.max(line.start, span.start);
        const s1 = Math.min(line.end, span.start + span.text.length);
        if (s0 >= s1) continue;
        cx = screen.drawText(cx, y + i, this.#full.slice(s0, s1), span.style);
        last = span.style;
      }
      if (line.ellipsis) screen.drawText(cx, y + i, "…", last ?? spans[spans.length - 1]?.style ?? packStyle({ bg: "keep" }));
    }
  }
}

const STYLE_KEYS = [
  "fg",
  "bg",
  "bold",
  "dim",
  "italic",
  "underline",
  "blink",
  "inverse",
  "hidden",
  "strikethrough",
  "link",
] as const satisfies readonly (keyof Style)[];

/** Reads a reactive style's current values (tracking the signals among them). */
function readStyle(s: ReactiveStyle): Style {
  const out: Record<string, unknown> = {};
  for (const k of STYLE_KEYS) {
    const v = s[k];
    if (v !== undefined) out[k] = read(v as MaybeSignal<unknown>);
  }
  return out as Style;
}

const KEEP_BG = packStyle({ bg: "keep" });

/** True when `props` sets no style and no format (wrap, align, ellipsis) of the text. */
function isPlain(props: TextProps): boolean {
  for (const k in props) {
    if ((STYLE_KEYS as readonly string[]).includes(k) || k === "wrap" || k === "align" || k === "ellipsis") {
      if (props[k as keyof TextProps] !== undefined) return false;
    }
  }
  return true;
}

function isSpan(v: unknown): v is Span {
  return typeof v === "object" && v !== null && "text" in v && !isSignal(v);
}

function isProps(v: unknown): v is TextProps {
  return typeof v === "object" && v !== null && !isSignal(v) && !("text" in v);
}

/**
 * Text made of spans: `Text("plain")`, `Text({ wrap: "char", fg: "red" },
 * "a ", { text: "bold", bold: true }, countSignal)`. Any span text or prop
 * may be a signal; the text is measured and wrapped natively.
 */
export function Text(first?: TextProps | TextContent, ...rest: TextContent[]): TextElement {
  const props: TextProps = isProps(first) ? first : {};
  const content: TextContent[] = isProps(first) ? rest : [first as TextContent, ...rest];
  const el = new TextElement();
  applyCommon(el, props, "Text");
  if (content.length === 1 && (typeof content[0] === "string" || typeof content[0] === "number") && isPlain(props)) {
    // The common case, plain text with no style or format props: one span, nothing reactive.
    el.setSpans([{ text: String(content[0]), style: KEEP_BG }]);
    return el;
  }
  const parts = content.filter((c): c is Exclude<TextContent, null | undefined | false> => c !== null && c !== undefined && c !== false);
  const texts: string[] = parts.map(() => "");
  const styles: PackedStyle[] = parts.map(() => packStyle({ bg: "keep" }));
  let ready = false;
  const publish = () => {
    if (ready) el.setSpans(texts.map((t, i) => ({ text: t, style: styles[i] as PackedStyle })));
  };
  const reactiveStyle = STYLE_KEYS.some((k) => isSignal(props[k])) || parts.some((p) => isSpan(p) && STYLE_KEYS.some((k) => isSignal(p[k])));
  const restyle = () => {
    const base = readStyle(props);
    parts.forEach((p, i) => {
      styles[i] = spanStyle(base, isSpan(p) ? readStyle(p) : {});
    });
    publish();
  };
  if (reactiveStyle) el.scope.run(() => effect(restyle));
  else restyle();
  parts.forEach((p, i) => {
    const source = isSpan(p) ? p.text : p;
    if (isSignal(source)) {
      el.bind(source, (v) => {
        texts[i] = String(v);
        publish();
      });
    } else {
      texts[i] = String(source);
    }
  });
  ready = true;
  publish();
  let wrap: WrapMode = "word";
  let align: "left" | "center" | "right" = "left";
  let ellipsis = false;
  el.bind(props.wrap, (w) => {
    wrap = w;
    el.setFormat(wrap, align, ellipsis);
  });
  el.bind(props.align, (a) => {
    align = a;
    el.setFormat(wrap, align, ellipsis);
  });
  el.bind(props.ellipsis, (e) => {
    ellipsis = e;
    el.setFormat(wrap, align, ellipsis);
  });
  return el;
}
