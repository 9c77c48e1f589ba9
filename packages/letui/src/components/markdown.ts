/**
 * `Markdown`: CommonMark plus GFM tables, task lists, strikethrough and
 * autolinks, parsed natively (pulldown-cmark) and shown as elements that
 * wrap to their width, in the theme's colors. Links become OSC 8
 * hyperlinks.
 *
 * Streaming: {@link MarkdownElement.appendText} (or a `text` signal that grows)
 * re-parses only the open tail block. Every top-level block before it is
 * finished: its elements are built once and never touched again, so the
 * cost of a chunk does not grow with the document. (A link reference
 * definition only applies to blocks parsed after it.)
 *
 * The source is untrusted: control characters are shown as visible
 * control pictures, and link URLs that could break out of the hyperlink
 * sequence are dropped.
 */
import { Element, type Rect } from "../app/element.ts";
import type { Theme } from "../app/theme.ts";
import { markdownJson } from "../native/text.ts";
import type { Screen } from "../screen.ts";
import { isSignal, type MaybeSignal } from "../signals.ts";
import { type PackedStyle, packStyle, type Style } from "../style.ts";
import { textWidth } from "../text.ts";
import { Box, Column, Row } from "./box.ts";
import { checkPropsObject, propError } from "./check.ts";
import { Code, isCodeLanguage } from "./code.ts";
import { Diff } from "./diff.ts";
import { applyCommon, type CommonProps } from "./props.ts";
import { type Span, Text } from "./text.ts";

/** Props of {@link Markdown}. */
export interface MarkdownProps extends CommonProps {
  /**
   * The Markdown source. A signal may grow (streaming: only the open tail
   * block is re-parsed) or change completely (everything is re-parsed).
   */
  text?: MaybeSignal<string>;
}

/** A run of inline text from the native parser. */
interface RunData {
  x: string;
  s: number;
  u?: string;
}

/** A block from the native parser (see `letui_core::markdown`). */
type BlockData =
  | { t: "p"; c: RunData[] }
  | { t: "h"; l: number; c: RunData[] }
  | { t: "code"; lang: string; text: string }
  | { t: "html"; text: string }
  | { t: "hr" }
  | { t: "quote"; c: BlockData[] }
  | { t: "list"; start: number | null; loose?: boolean; items: BlockData[][] }
  | { t: "table"; align: ("l" | "c" | "r" | "")[]; rows: RunData[][][] };

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const CODE = 8;
const TASK_DONE = 16;
const TASK_OPEN = 32;
const IMAGE = 64;

/** A one-cell-wide or one-row-high line: a quote's bar or a rule. */
class LineElement extends Element {
  readonly kind = "markdown-line";
  constructor(
    readonly vertical: boolean,
    readonly style: PackedStyle,
  ) {
    super();
    this.setLayout(vertical ? { width: 1, flexShrink: 0, alignSelf: "stretch" } : { height: 1, flexShrink: 0, alignSelf: "stretch" });
  }

  paint(screen: Screen, area: Rect = this.view): void {
    const { x, y, width, height } = this.view;
    if (this.vertical) screen.fill(x, Math.max(y, area.y), 1, Math.min(height, area.y + area.height - y), "│", this.style);
    else screen.fill(x, y, width, 1, "─", this.style);
  }
}

/**
 * Finished blocks are kept in groups of this many, so that a change at
 * the tail lays out one group and the list of groups, not every block of
 * a long document.
 */
const GROUP = 16;

/** A group of finished blocks: a column with the document's spacing; paints nothing itself. */
class GroupElement extends Element {
  readonly kind = "markdown-group";
  constructor() {
    super();
    this.setLayout({ flexDirection: "column", gap: 1, flexShrink: 0 });
  }

  paint(): void {}
}

/** Turns parsed blocks into elements in one theme's looks. */
class Builder {
  readonly #t: Theme;
  constructor(theme: Theme) {
    this.#t = theme;
  }

  spans(runs: RunData[], base: Style = {}): Span[] {
    const t = this.#t;
    return runs.map((r): Span => {
      if (r.s & TASK_DONE) return { text: "☑ ", fg: t.success };
      if (r.s & TASK_OPEN) return { text: "☐ ", fg: t.muted };
      const s: Span = { text: r.x, ...base };
      if (r.s & BOLD) s.bold = true;
      if (r.s & ITALIC) s.italic = true;
      if (r.s & STRIKE) s.strikethrough = true;
      if (r.s & CODE) {
        s.fg = t.accent;
        s.bg = t.surface;
      }
      if (r.s & IMAGE) {
        s.fg = t.muted;
        s.italic = true;
      }
      if (r.u !== undefined) {
        s.link = r.u;
        s.underline = true;
        if (!(r.s & CODE)) s.fg = t.accent;
      }
      return s;
    });
  }

  block(b: BlockData, depth: number): Element {
    const t = this.#t;
    switch (b.t) {
      case "p":
        return Text({ fg: t.fg }, ...this.spans(b.c));
      case "h": {
        const mark = b.l <= 2 ? "" : `${"#".repeat(b.l)} `;
        const style: Style = { fg: b.l <= 2 ? t.accent : t.fg, bold: true, underline: b.l === 1 };
        return Text({ fg: style.fg }, ...(mark ? [{ text: mark, fg: t.muted }] : []), ...this.spans(b.c, style));
      }
      case "code":
        if (b.lang === "diff" || b.lang === "patch") return Diff({ patch: b.text, layout: "unified" });
        return Box(
          { bg: t.surface, paddingX: 1, flexShrink: 0 },
          ...(b.lang ? [Text({ fg: t.muted, bg: t.surface }, b.lang)] : []),
          b.lang && isCodeLanguage(b.lang)
            ? Code({ code: b.text.endsWith("\n") ? b.text.slice(0, -1) : b.text, lang: b.lang })
            : Text({ fg: t.fg, bg: t.surface, wrap: "char" }, b.text === "" ? " " : b.text),
        );
      case "html":
        return Text({ fg: t.muted, wrap: "char" }, b.text);
      case "hr":
        return new LineElement(false, packStyle({ fg: t.border }));
      case "quote":
        return Row(
          { flexShrink: 0 },
          new LineElement(true, packStyle({ fg: t.border })),
          Column({ flexGrow: 1, flexShrink: 1, minWidth: 0, marginLeft: 1, gap: 1 }, ...b.c.map((c) => this.block(c, depth + 1))),
        );
      case "list":
        return this.list(b, depth);
      case "table":
        return this.table(b);
    }
  }

  list(b: { start: number | null; loose?: boolean; items: BlockData[][] }, depth: number): Element {
    const t = this.#t;
    const last = b.start === null ? 0 : b.start + b.items.length - 1;
    const markerWidth = b.start === null ? 2 : String(last).length + 2;
    const bullet = ["•", "◦", "▪"][depth % 3] as string;
    return Column(
      { flexShrink: 0, gap: b.loose ? 1 : 0 },
      ...b.items.map((item, i) => {
        const marker = b.start === null ? `${bullet} ` : `${b.start + i}. `.padStart(markerWidth);
        return Row(
          {},
          Text({ fg: t.accent, width: markerWidth, flexShrink: 0, wrap: "none" }, marker),
          Column({ flexGrow: 1, flexShrink: 1, minWidth: 0, gap: b.loose ? 1 : 0 }, ...item.map((c) => this.block(c, depth + 1))),
        );
      }),
    );
  }

  table(b: { align: ("l" | "c" | "r" | "")[]; rows: RunData[][][] }): Element {
    const t = this.#t;
    const cols = Math.max(b.align.length, ...b.rows.map((r) => r.length));
    const natural: number[] = Array.from({ length: cols }, () => 1);
    for (const row of b.rows) {
      row.forEach((cell, i) => {
        natural[i] = Math.max(natural[i] as number, textWidth(cell.map((r) => r.x).join("")));
      });
    }
    const sep = () => Text({ fg: t.border, width: 3, flexShrink: 0, wrap: "none" }, " │ ");
    const line = (row: RunData[][], head: boolean) => {
      const cells: Element[] = [];
      for (let i = 0; i < cols; i++) {
        if (i > 0) cells.push(sep());
        const a = b.align[i];
        const w = natural[i] as number;
        cells.push(
          Text(
            { fg: t.fg, wrap: "none", ellipsis: true, flexBasis: w, flexShrink: w, flexGrow: 0, minWidth: 0, align: a === "c" ? "center" : a === "r" ? "right" : "left" },
            ...this.spans(row[i] ?? [], head ? { bold: true } : {}),
          ),
        );
      }
      return Row({ flexShrink: 0 }, ...cells);
    };
    const [head, ...body] = b.rows;
    const width = natural.reduce((a, w) => a + w, 0) + 3 * (cols - 1);
    return Column(
      { flexShrink: 0, maxWidth: width, alignItems: "stretch" },
      ...(head ? [line(head, true), new LineElement(false, packStyle({ fg: t.border }))] : []),
      ...body.map((r) => line(r, false)),
    );
  }
}

/** The element behind {@link Markdown}. */
export class MarkdownElement extends Element {
  readonly kind = "markdown";
  #source = "";
  /** Where the open tail block starts in {@link source} (UTF-16 offset). */
  #stable = 0;
  /** Finished top-level blocks (parsed, not yet built while unmounted). */
  #finished: BlockData[] = [];
  #built = 0;
  #tail: BlockData | null = null;
  #tailElement: Element | null = null;
  /** The group finished blocks are added to (the last one, until it is full). */
  #group: GroupElement | null = null;
  #builder: Builder | null = null;
  /** Characters parsed by the last update (for tests and benchmarks). */
  lastParsed = 0;

  constructor() {
    super();
    this.setLayout({ flexDirection: "column", gap: 1, flexShrink: 0 });
  }

  /** The whole source. */
  get source(): string {
    return this.#source;
  }

  /** Number of finished top-level blocks: those before the open tail, which will not change. */
  get finishedBlocks(): number {
    return this.#finished.length;
  }

  /** Appends Markdown text; only the open tail block is re-parsed. */
  appendText(chunk: string): void {
    if (typeof chunk !== "string") throw propError("Markdown", "append", chunk, "a string");
    if (chunk === "") return;
    this.#source += chunk;
    this.#parseTail();
  }

  /**
   * Takes the finished blocks out: returns their source and keeps only the
   * open tail. For a transcript that prints finished blocks into the
   * terminal's scrollback while the rest still streams.
   */
  takeFinished(): string {
    const done = this.#source.slice(0, this.#stable);
    if (done === "") return "";
    this.#source = this.#source.slice(this.#stable);
    this.#stable = 0;
    this.#finished = [];
    this.#built = 0;
    this.#group = null;
    if (this.app) this.setChildren(this.#tailElement ? [this.#tailElement] : []);
    return done;
  }

  /** Replaces the source: an extension of the current one streams, anything else re-parses everything. */
  setText(text: string): void {
    if (typeof text !== "string") throw propError("Markdown", "text", text, "a string");
    if (text.startsWith(this.#source)) {
      this.appendText(text.slice(this.#source.length));
      return;
    }
    this.#source = text;
    this.#stable = 0;
    this.#finished = [];
    this.#built = 0;
    this.#tail = null;
    if (this.#tailElement) this.#tailElement = null;
    this.#group = null;
    if (this.children.length > 0) this.setChildren([]);
    this.#parseTail();
  }

  #parseTail(): void {
    const open = this.#source.slice(this.#stable);
    this.lastParsed = open.length;
    const doc = JSON.parse(markdownJson(open)) as { blocks: { at: number; b: BlockData }[] };
    const blocks = doc.blocks;
    for (let i = 0; i + 1 < blocks.length; i++) this.#finished.push((blocks[i] as { b: BlockData }).b);
    const last = blocks[blocks.length - 1];
    this.#tail = last ? last.b : null;
    if (last) this.#stable += last.at;
    this.#build();
  }

  /** Builds elements for blocks finished since the last build, and the tail's afresh (only while mounted: the looks come from the theme in effect here). */
  #build(): void {
    if (!this.app) return;
    this.#builder ??= new Builder(this.theme);
    const builder = this.#builder;
    if (this.#tailElement) {
      this.remove(this.#tailElement);
      this.#tailElement = null;
    }
    for (; this.#built < this.#finished.length; this.#built++) {
      if (!this.#group || this.#group.children.length >= GROUP) {
        this.#group = new GroupElement();
        this.append(this.#group);
      }
      this.#group.append(builder.block(this.#finished[this.#built] as BlockData, 0));
    }
    if (this.#tail) {
      this.#tailElement = builder.block(this.#tail, 0);
      this.append(this.#tailElement);
    }
  }

  protected override onMount(): void {
    if (this.#built === 0 && !this.#tailElement) this.#build();
  }

  paint(): void {}
}

/**
 * Markdown shown as text: `Markdown({ text: answer })` where `answer` may
 * be a signal that grows while a reply streams in, or call
 * {@link MarkdownElement.appendText} on the element.
 */
export function Markdown(props: MarkdownProps = {}): MarkdownElement {
  checkPropsObject("Markdown", props);
  const el = new MarkdownElement();
  applyCommon(el, props, "Markdown");
  const text = props.text;
  if (text !== undefined && typeof text !== "string" && !isSignal(text)) throw propError("Markdown", "text", text, "a string or a signal of one");
  el.bind(text, (v) => {
    if (typeof v !== "string") throw propError("Markdown", "text", v, "a string");
    el.setText(v);
  });
  return el;
}
