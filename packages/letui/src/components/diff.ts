/**
 * `Diff`: a code change shown as colored `+`/`−` lines with line numbers,
 * hunk headers and the changed words marked within changed lines. Input
 * is a unified diff (`patch`, as `git diff` prints it) or two texts
 * (`old` and `new`, compared natively with the `similar` crate). Side by
 * side when the element is at least `splitWidth` cells wide, otherwise
 * unified.
 *
 * The text is untrusted: control characters are shown as visible control
 * pictures, never sent to the terminal.
 */
import { Element } from "../app/element.ts";
import type { Theme } from "../app/theme.ts";
import { diffJson } from "../native/text.ts";
import { isSignal, type MaybeSignal } from "../signals.ts";
import type { Style } from "../style.ts";
import { Row } from "./box.ts";
import { checkPropsObject, propError } from "./check.ts";
import { applyCommon, type CommonProps } from "./props.ts";
import { type Span, Text } from "./text.ts";

/** Props of {@link Diff}. */
export interface DiffProps extends CommonProps {
  /** A unified diff (`---`/`+++` file headers, `@@` hunks). */
  patch?: MaybeSignal<string>;
  /** The text before the change (with {@link DiffProps.new}). */
  old?: MaybeSignal<string>;
  /** The text after the change (with {@link DiffProps.old}). */
  new?: MaybeSignal<string>;
  /** Unchanged lines shown around each change, for `old`/`new`. @default 3 */
  context?: number;
  /** `"split"` (side by side), `"unified"`, or `"auto"`: split when at least {@link DiffProps.splitWidth} wide. @default "auto" */
  layout?: "auto" | "split" | "unified";
  /** The narrowest width shown side by side in `"auto"` layout. @default 100 */
  splitWidth?: number;
  /** Line numbers in a gutter. @default true */
  lineNumbers?: boolean;
}

/** One line of a hunk: kind, line numbers, and segments (text, changed). */
export interface DiffLine {
  /** `" "` unchanged, `"-"` removed, `"+"` added. */
  k: " " | "-" | "+";
  /** Its line number in the old text. */
  o?: number;
  /** Its line number in the new text. */
  n?: number;
  /** Its text in segments, each marked when it differs from the other side. */
  s: [string, boolean][];
}

/** A hunk (or a file header, with no lines). */
export interface DiffHunk {
  /** The `@@` line, or the file's name. */
  header: string;
  /** True for a file header. */
  file?: boolean;
  /** The hunk's lines. */
  lines: DiffLine[];
}

const LAYOUTS = ["auto", "split", "unified"] as const;

/** Hunks of the diff of two texts. */
function hunksOfTexts(a: string, b: string, context: number): DiffHunk[] {
  const doc = JSON.parse(diffJson(a, b, context)) as { hunks: { old: [number, number]; new: [number, number]; lines: DiffLine[] }[] };
  return doc.hunks.map((h) => ({ header: `@@ -${h.old[0]},${h.old[1]} +${h.new[0]},${h.new[1]} @@`, lines: h.lines }));
}

/** Word highlights for a run of removed lines followed by added ones, from the native diff of the two runs. */
function markWords(minus: DiffLine[], plus: DiffLine[]): void {
  if (minus.length === 0 || plus.length === 0) return;
  const text = (ls: DiffLine[]) => ls.map((l) => `${l.s[0]?.[0] ?? ""}\n`).join("");
  const [h] = JSON.parse(diffJson(text(minus), text(plus), 0)).hunks as { lines: DiffLine[] }[];
  for (const l of h?.lines ?? []) {
    if (l.k === "-" && l.o !== undefined && minus[l.o - 1]) (minus[l.o - 1] as DiffLine).s = l.s;
    if (l.k === "+" && l.n !== undefined && plus[l.n - 1]) (plus[l.n - 1] as DiffLine).s = l.s;
  }
}

/** Hunks of a unified diff. Lines outside hunks (`diff --git`, `index`, `---`, `+++`) become file headers. */
export function parsePatch(patch: string): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let hunk: DiffHunk | null = null;
  let o = 0;
  let n = 0;
  let minus: DiffLine[] = [];
  let plus: DiffLine[] = [];
  const flush = () => {
    markWords(minus, plus);
    minus = [];
    plus = [];
  };
  for (const raw of patch.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const m = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (m) {
      flush();
      o = Number(m[1]);
      n = Number(m[2]);
      hunk = { header: line, lines: [] };
      hunks.push(hunk);
      continue;
    }
    const k = line[0];
    if (hunk && (k === " " || k === "-" || k === "+") && !line.startsWith("--- ") && !line.startsWith("+++ ")) {
      const text = line.slice(1);
      if (k === " ") {
        flush();
        hunk.lines.push({ k, o: o++, n: n++, s: [[text, false]] });
      } else if (k === "-") {
        if (plus.length > 0) flush();
        const l: DiffLine = { k, o: o++, s: [[text, false]] };
        minus.push(l);
        hunk.lines.push(l);
      } else {
        const l: DiffLine = { k, n: n++, s: [[text, false]] };
        plus.push(l);
        hunk.lines.push(l);
      }
      continue;
    }
    if (line.startsWith("\\")) continue; // "\ No newline at end of file"
    flush();
    if (line === "" && hunk) continue;
    if (line.startsWith("+++ ") || line.startsWith("diff ") || (line.startsWith("--- ") && !hunk)) {
      hunk = null;
      if (line.startsWith("+++ ")) hunks.push({ header: line.slice(4).replace(/^b\//, ""), file: true, lines: [] });
      continue;
    }
  }
  flush();
  return hunks.map((h) => ({ ...h, lines: h.lines.map(inertLine) }));
}

/** Control characters in a parsed patch's text, shown as pictures (the native diff does this for its own output). */
function inertLine(l: DiffLine): DiffLine {
  const pic = (s: string) => s.replace(/[\x00-\x1f\x7f\x80-\x9f]/g, (c) => (c === "\t" ? "    " : c === "\x7f" ? "\u2421" : c < " " ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : "\ufffd"));
  return { ...l, s: l.s.map(([t, e]) => [pic(t), e]) };
}

/** The element behind {@link Diff}. */
export class DiffElement extends Element {
  readonly kind = "diff";
  #hunks: DiffHunk[] = [];
  #split: boolean | null = null;
  #layout: (typeof LAYOUTS)[number] = "auto";
  #splitWidth = 100;
  #numbers = true;

  constructor() {
    super();
    this.setLayout({ flexDirection: "column", flexShrink: 0 });
  }

  /** @internal */
  configure(layout: (typeof LAYOUTS)[number], splitWidth: number, numbers: boolean): void {
    this.#layout = layout;
    this.#splitWidth = splitWidth;
    this.#numbers = numbers;
  }

  /** Shows these hunks. */
  setHunks(hunks: DiffHunk[]): void {
    this.#hunks = hunks;
    this.#split = null;
    this.#build();
  }

  /** Whether the diff is shown side by side now. */
  get split(): boolean {
    return this.#split ?? false;
  }

  /** Rebuilds when the width crosses `splitWidth` (auto layout). */
  widthChanged(width: number): void {
    if (this.#layout === "auto" && width > 0 && width >= this.#splitWidth !== this.#split) this.#build();
  }

  #build(): void {
    if (!this.app) return;
    const split = this.#layout === "split" || (this.#layout === "auto" && (this.view.width || (this.app.screen.width ?? 0)) >= this.#splitWidth);
    this.#split = split;
    const t = this.theme;
    let digits = 1;
    for (const h of this.#hunks) for (const l of h.lines) digits = Math.max(digits, String(l.o ?? 0).length, String(l.n ?? 0).length);
    const rows: Element[] = [];
    for (const h of this.#hunks) {
      if (h.file) {
        rows.push(Text({ fg: t.fg, bold: true, wrap: "char" }, h.header));
        continue;
      }
      rows.push(Text({ fg: t.accent, wrap: "char" }, h.header));
      if (split) this.#splitRows(h.lines, digits, t, rows);
      else for (const l of h.lines) rows.push(this.#line(l, digits, t, "both"));
    }
    this.setChildren(rows);
  }

  #splitRows(lines: DiffLine[], digits: number, t: Theme, rows: Element[]): void {
    let i = 0;
    while (i < lines.length) {
      const l = lines[i] as DiffLine;
      if (l.k === " ") {
        rows.push(Row({}, this.#line(l, digits, t, "old"), this.#line(l, digits, t, "new")));
        i++;
        continue;
      }
      const minus: DiffLine[] = [];
      const plus: DiffLine[] = [];
      while (i < lines.length && (lines[i] as DiffLine).k === "-") minus.push(lines[i++] as DiffLine);
      while (i < lines.length && (lines[i] as DiffLine).k === "+") plus.push(lines[i++] as DiffLine);
      for (let j = 0; j < Math.max(minus.length, plus.length); j++) {
        rows.push(Row({}, this.#line(minus[j] ?? null, digits, t, "old"), this.#line(plus[j] ?? null, digits, t, "new")));
      }
    }
  }

  /** One line: its gutter and its text; `side` picks the number shown (`both` for unified). A missing line is a blank half. */
  #line(l: DiffLine | null, digits: number, t: Theme, side: "old" | "new" | "both"): Element {
    const half = side !== "both";
    const grow = { flexGrow: 1, flexShrink: 1, flexBasis: 0, minWidth: 0 };
    if (!l) return Text({ ...(half ? grow : {}), fg: t.muted }, "");
    const fg = l.k === "+" ? t.success : l.k === "-" ? t.error : t.fg;
    const num = (v: number | undefined) => (v === undefined ? " ".repeat(digits) : String(v).padStart(digits));
    const gutter = !this.#numbers ? "" : side === "both" ? `${num(l.o)} ${num(l.n)} ` : `${num(side === "old" ? l.o : l.n)} `;
    const mark = l.k === "-" ? "−" : l.k;
    const spans: Span[] = l.s.map(([text, changed]): Span => {
      const s: Style = { fg };
      if (changed) s.inverse = true;
      return { text, ...s };
    });
    return Row(
      { ...(half ? grow : { flexShrink: 0 }) },
      Text({ fg: t.muted, flexShrink: 0, wrap: "none" }, `${gutter}${mark} `),
      Text({ fg, wrap: "char", flexGrow: 1, flexShrink: 1, minWidth: 0 }, ...(spans.length > 0 ? spans : [{ text: "" }])),
    );
  }

  protected override onMount(): void {
    this.#build();
    this.bind(this.measure(), (r) => this.widthChanged(r.width));
  }

  paint(): void {}
}

/**
 * A diff: `Diff({ patch })` for a unified diff, or `Diff({ old, new })`
 * to compare two texts.
 */
export function Diff(props: DiffProps): DiffElement {
  checkPropsObject("Diff", props);
  const el = new DiffElement();
  applyCommon(el, props, "Diff");
  const { patch, old: a, new: b } = props;
  if (patch !== undefined && (a !== undefined || b !== undefined)) throw propError("Diff", "patch", patch, "either patch, or old and new, not both");
  if (patch === undefined && (a === undefined || b === undefined)) throw propError("Diff", a === undefined ? "old" : "new", a === undefined ? a : b, "a string (give old and new, or patch)");
  const layout = props.layout ?? "auto";
  if (!LAYOUTS.includes(layout)) throw propError("Diff", "layout", layout, `one of ${LAYOUTS.join(", ")}`);
  const context = props.context ?? 3;
  if (!Number.isInteger(context) || context < 0 || context > 1_000_000) throw propError("Diff", "context", context, "a whole number of lines, 0 or more");
  const splitWidth = props.splitWidth ?? 100;
  if (!Number.isInteger(splitWidth) || splitWidth < 1) throw propError("Diff", "splitWidth", splitWidth, "a positive whole number of cells");
  if (props.lineNumbers !== undefined && typeof props.lineNumbers !== "boolean") throw propError("Diff", "lineNumbers", props.lineNumbers, "a boolean");
  el.configure(layout, splitWidth, props.lineNumbers ?? true);
  const str = (name: string, v: unknown): string => {
    if (typeof v !== "string") throw propError("Diff", name, v, "a string");
    return v;
  };
  for (const [name, v] of [["patch", patch], ["old", a], ["new", b]] as const) {
    if (v !== undefined && typeof v !== "string" && !isSignal(v)) throw propError("Diff", name, v, "a string or a signal of one");
  }
  if (patch !== undefined) {
    el.bind(patch, (p) => el.setHunks(parsePatch(str("patch", p))));
  } else {
    let oldText = "";
    let newText = "";
    let ready = false;
    const update = () => {
      if (ready) el.setHunks(hunksOfTexts(oldText, newText, context));
    };
    el.bind(a, (v) => {
      oldText = str("old", v);
      update();
    });
    el.bind(b, (v) => {
      newText = str("new", v);
      update();
    });
    ready = true;
    update();
  }
  return el;
}
