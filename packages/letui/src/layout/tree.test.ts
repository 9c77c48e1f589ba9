import { describe, expect, test } from "bun:test";
import { LetuiError } from "../errors.ts";
import type { LayoutStyle } from "./style.ts";
import { type LayoutNode, LayoutTree } from "./tree.ts";

function box(t: LayoutTree, style: LayoutStyle, children: LayoutNode[] = []): LayoutNode {
  const n = t.createNode();
  t.setStyle(n, style);
  if (children.length > 0) t.setChildren(n, children);
  return n;
}

function rect(t: LayoutTree, n: LayoutNode): [number, number, number, number] {
  const l = t.layoutOf(n);
  return [l.x, l.y, l.width, l.height];
}

function lines(t: LayoutTree, n: LayoutNode, text: string): string[] {
  return t.textLines(n).map((l) => text.slice(l.start, l.end) + (l.ellipsis ? "…" : ""));
}

describe("flexbox", () => {
  test("rows and columns", () => {
    using t = new LayoutTree();
    const a = box(t, { width: 3, height: 1 });
    const b = box(t, { width: 4, height: 2 });
    const root = box(t, { width: 20, height: 5 }, [a, b]);
    t.compute(root, 80, 24);
    expect(rect(t, a)).toEqual([0, 0, 3, 1]);
    expect(rect(t, b)).toEqual([3, 0, 4, 2]);
    t.setStyle(root, { width: 20, flexDirection: "column" });
    t.compute(root, 80, 24);
    expect(rect(t, b)).toEqual([0, 1, 4, 2]);
    expect(rect(t, root)).toEqual([0, 0, 20, 3]);
    t.setStyle(root, { width: 10, height: 4, flexDirection: "column-reverse" });
    t.compute(root, 80, 24);
    expect(rect(t, a)).toEqual([0, 3, 3, 1]);
  });

  test("grow, shrink and basis", () => {
    using t = new LayoutTree();
    const a = box(t, { flexGrow: 1 });
    const b = box(t, { flexGrow: 3 });
    const c = box(t, { flexBasis: 8, flexShrink: 0 });
    const root = box(t, { width: 20, height: 1 }, [a, b, c]);
    t.compute(root, 80, 24);
    expect([rect(t, a), rect(t, b), rect(t, c)]).toEqual([
      [0, 0, 3, 1],
      [3, 0, 9, 1],
      [12, 0, 8, 1],
    ]);
    const d = box(t, { width: 10, height: 1 });
    const e = box(t, { width: 10, height: 1, flexShrink: 0 });
    const row = box(t, { width: 12, height: 1 }, [d, e]);
    t.compute(row, 80, 24);
    expect(rect(t, d)).toEqual([0, 0, 2, 1]);
    expect(rect(t, e)).toEqual([2, 0, 10, 1]);
  });

  test("percentages, min and max", () => {
    using t = new LayoutTree();
    const a = box(t, { width: "50%", height: "100%" });
    const b = box(t, { flexGrow: 1, maxWidth: 5 });
    const c = box(t, { width: 2, minWidth: 7 });
    const d = box(t, { width: "10%", minHeight: 2, maxHeight: "50%" });
    const root = box(t, { width: "100%", height: "100%" }, [a, b, c, d]);
    t.compute(root, 40, 4);
    expect(rect(t, root)).toEqual([0, 0, 40, 4]);
    expect(rect(t, a)).toEqual([0, 0, 20, 4]);
    expect(rect(t, b)).toEqual([20, 0, 5, 4]);
    expect(rect(t, c)).toEqual([25, 0, 7, 4]);
    expect(rect(t, d)).toEqual([32, 0, 4, 2]);
  });

  test("padding, border and margin", () => {
    using t = new LayoutTree();
    const inner = box(t, { flexGrow: 1 });
    const framed = box(t, { width: 12, height: 6, padding: 1, paddingLeft: 2, border: 1, margin: 1 }, [inner]);
    const root = box(t, { width: 30, height: 10 }, [framed]);
    t.compute(root, 80, 24);
    const l = t.layoutOf(framed);
    expect([l.x, l.y, l.width, l.height, l.contentX, l.contentY]).toEqual([1, 1, 12, 6, 3, 2]);
    expect(rect(t, inner)).toEqual([4, 3, 7, 2]);
    // Axis shorthands, and the most particular side wins.
    t.setStyle(framed, { width: 12, height: 6, paddingX: 3, paddingY: 0, borderX: 1, marginX: 2, marginTop: 1 });
    t.compute(root, 80, 24);
    expect(rect(t, framed)).toEqual([2, 1, 12, 6]);
    expect(rect(t, inner)).toEqual([6, 1, 4, 6]);
    // Auto margins center.
    t.setStyle(framed, { width: 4, height: 2, margin: "auto" });
    t.compute(root, 80, 24);
    expect(rect(t, framed)).toEqual([13, 4, 4, 2]);
  });

  test("gaps and wrapping", () => {
    using t = new LayoutTree();
    const kids = Array.from({ length: 5 }, () => box(t, { width: 4, height: 1 }));
    const root = box(t, { width: 14, height: 10, flexWrap: "wrap", gap: 1, alignContent: "flex-start" }, kids);
    t.compute(root, 80, 24);
    expect(kids.map((k) => rect(t, k))).toEqual([
      [0, 0, 4, 1],
      [5, 0, 4, 1],
      [10, 0, 4, 1],
      [0, 2, 4, 1],
      [5, 2, 4, 1],
    ]);
    t.setStyle(root, { width: 14, height: 10, flexWrap: "wrap", rowGap: 0, columnGap: 2, alignContent: "flex-start" });
    t.compute(root, 80, 24);
    expect(rect(t, kids[2] as LayoutNode)).toEqual([0, 1, 4, 1]);
  });

  test("alignment and justification", () => {
    using t = new LayoutTree();
    const a = box(t, { width: 2, height: 1 });
    const b = box(t, { width: 2, height: 1, alignSelf: "flex-end" });
    const root = box(t, { width: 10, height: 5, alignItems: "center", justifyContent: "space-between" }, [a, b]);
    t.compute(root, 80, 24);
    expect(rect(t, a)).toEqual([0, 2, 2, 1]);
    expect(rect(t, b)).toEqual([8, 4, 2, 1]);
    t.setStyle(root, { width: 10, height: 5, justifyContent: "center" });
    t.setStyle(a, { width: 2 });
    t.compute(root, 80, 24);
    expect(rect(t, a)).toEqual([3, 0, 2, 5]);
    t.setStyle(root, { width: 10, height: 5, justifyContent: "space-evenly", alignItems: "flex-end" });
    t.compute(root, 80, 24);
    expect(rect(t, a)).toEqual([2, 5, 2, 0]);
    expect(rect(t, b)).toEqual([6, 4, 2, 1]);
  });

  test("absolute positioning inside the parent's padding box", () => {
    using t = new LayoutTree();
    const flow = box(t, { width: 5, height: 1 });
    const abs = box(t, { position: "absolute", right: 1, bottom: 0, width: 3, height: 2 });
    const framed = box(t, { width: 12, height: 6, border: 1, marginLeft: 4 }, [abs, flow]);
    const root = box(t, { width: 30, height: 10 }, [framed]);
    t.compute(root, 80, 24);
    expect(rect(t, flow)).toEqual([5, 1, 5, 1]);
    expect(rect(t, abs)).toEqual([11, 3, 3, 2]);
    t.setStyle(abs, { position: "absolute", top: "50%", left: 0, width: "50%", height: 1 });
    t.compute(root, 80, 24);
    expect(rect(t, abs)).toEqual([5, 3, 5, 1]);
    // Relative insets shift a node without moving its siblings.
    t.setStyle(flow, { width: 5, height: 1, left: 2, top: 1 });
    t.compute(root, 80, 24);
    expect(rect(t, flow)).toEqual([7, 2, 5, 1]);
  });

  test("display none hides the subtree", () => {
    using t = new LayoutTree();
    const leaf = box(t, { width: 2, height: 2 });
    const hidden = box(t, { display: "none", width: 4, height: 4 }, [leaf]);
    const after = box(t, { width: 3, height: 1 });
    const root = box(t, { width: 20, height: 5 }, [hidden, after]);
    t.compute(root, 80, 24);
    expect(rect(t, hidden)).toEqual([0, 0, 0, 0]);
    expect(rect(t, leaf)).toEqual([0, 0, 0, 0]);
    expect(rect(t, after)).toEqual([0, 0, 3, 1]);
    t.setStyle(hidden, { width: 4, height: 4 });
    t.compute(root, 80, 24);
    expect(rect(t, after)).toEqual([4, 0, 3, 1]);
  });

  test("scroll containers report how far their content overflows", () => {
    using t = new LayoutTree();
    const tall = box(t, { width: 4, height: 20, flexShrink: 0 });
    const scroller = box(t, { width: 10, height: 5, overflow: "scroll" }, [tall]);
    t.compute(scroller, 80, 24);
    expect(t.layoutOf(scroller).maxScrollY).toBe(15);
    expect(rect(t, tall)).toEqual([0, 0, 4, 20]);
  });

  test("siblings never overlap or leave gaps with fractional splits", () => {
    using t = new LayoutTree();
    for (const n of [3, 6, 7]) {
      for (const width of [10, 11, 13, 29]) {
        const kids = Array.from({ length: n }, (_, i) => box(t, { flexGrow: 1 + (i % 3) }));
        const row = box(t, { width, height: 1 }, kids);
        t.compute(row, 200, 10);
        let x = 0;
        for (const k of kids) {
          const l = t.layoutOf(k);
          expect(l.x).toBe(x);
          x += l.width;
        }
        expect(x).toBe(width);
        t.freeSubtree(row);
      }
    }
  });

  test("an unbounded viewport sizes to content", () => {
    using t = new LayoutTree();
    const kids = Array.from({ length: 30 }, () => box(t, { height: 1, width: 2 }));
    const root = box(t, { flexDirection: "column" }, kids);
    t.compute(root, 10, Infinity);
    expect(rect(t, root)).toEqual([0, 0, 2, 30]);
  });
});

describe("text", () => {
  test("word wrapping, measured natively", () => {
    using t = new LayoutTree();
    const s = "hello wide world";
    const n = t.createNode();
    t.setText(n, s);
    const root = box(t, { width: 10, height: 10, flexDirection: "column", alignItems: "flex-start" }, [n]);
    t.compute(root, 80, 24);
    expect(rect(t, n)).toEqual([0, 0, 10, 2]);
    expect(lines(t, n, s)).toEqual(["hello wide", "world"]);
  });

  test("wide characters and emoji take two cells and are never split", () => {
    using t = new LayoutTree();
    const s = "日本語のテキスト👍🏽👨‍👩‍👧ok";
    const n = t.createNode();
    t.setText(n, s, { wrap: "char" });
    const root = box(t, { width: 9, height: 10, flexDirection: "column" }, [n]);
    t.compute(root, 80, 24);
    const got = t.textLines(n);
    expect(got.map((l) => l.width)).toEqual([8, 8, 6]);
    expect(got.map((l) => s.slice(l.start, l.end))).toEqual(["日本語の", "テキスト", "👍🏽👨‍👩‍👧ok"]);
    // Word mode breaks between CJK characters too.
    t.setText(n, "中文 text 日本", { wrap: "word" });
    t.compute(root, 80, 24);
    expect(lines(t, n, "中文 text 日本")).toEqual(["中文 text", "日本"]);
  });

  test("mode none keeps hard lines whole, and the ellipsis cuts them", () => {
    using t = new LayoutTree();
    const s = "a long line here\nshort";
    const n = t.createNode();
    t.setText(n, s, { wrap: "none" });
    const root = box(t, { width: 8, height: 5, flexDirection: "column", alignItems: "flex-start" }, [n]);
    t.compute(root, 80, 24);
    expect(rect(t, n)).toEqual([0, 0, 16, 2]);
    expect(lines(t, n, s)).toEqual(["a long line here", "short"]);
    t.setText(n, s, { wrap: "none", ellipsis: true });
    t.compute(root, 80, 24);
    expect(rect(t, n)).toEqual([0, 0, 8, 2]);
    expect(lines(t, n, s)).toEqual(["a long…", "short"]);
  });

  test("nodes made and freed in batches; queued texts are sent before they are needed", () => {
    using t = new LayoutTree();
    const nodes = t.createNodes(500);
    expect(new Set(nodes).size).toBe(500);
    expect(t.size).toBe(500);
    const texts = nodes.map((_, i) => (i % 3 === 0 ? `日本 ${i}` : `item ${i}`));
    nodes.forEach((n, i) => t.setTextLater(n, texts[i] as string, i === 7 ? { wrap: "none", ellipsis: true } : {}));
    // Queued twice: the last text wins.
    t.setTextLater(nodes[1] as LayoutNode, "changed");
    texts[1] = "changed";
    const root = box(t, { width: 30, flexDirection: "column", alignItems: "flex-start" }, nodes);
    t.compute(root, 30, 1000);
    expect(rect(t, nodes[1] as LayoutNode)).toEqual([0, 1, 7, 1]);
    expect(rect(t, nodes[3] as LayoutNode)).toEqual([0, 3, 6, 1]);
    expect(lines(t, nodes[499] as LayoutNode, texts[499] as string)).toEqual(["item 499"]);
    // Before a compute, needsLayout itself sends them: a text of the same size needs none.
    t.setTextLater(nodes[2] as LayoutNode, "item 9");
    expect(t.needsLayout).toBe(false);
    t.setTextLater(nodes[2] as LayoutNode, "item 2, and longer");
    expect(t.needsLayout).toBe(true);
    t.compute(root, 30, 1000);
    expect(rect(t, nodes[2] as LayoutNode)[2]).toBe(18);
    // A bad id in a batch frees nothing.
    expect(() => t.freeNodes([nodes[0] as LayoutNode, 12345 as LayoutNode])).toThrow("does not exist");
    expect(t.size).toBe(501);
    t.freeNodes([root, ...nodes]);
    expect(t.size).toBe(0);
    expect(() => t.createNodes(-1)).toThrow("node count");
    expect(t.createNodes(0)).toEqual([]);
  });

  test("the ellipsis marks text cut at the node's height", () => {
    using t = new LayoutTree();
    const s = "one two three four five six";
    const n = t.createNode();
    t.setText(n, s, { ellipsis: true });
    t.setStyle(n, { width: 9, height: 2 });
    const root = box(t, { width: 20, height: 5 }, [n]);
    t.compute(root, 80, 24);
    expect(lines(t, n, s)).toEqual(["one two", "three…"]);
    const l = t.textLines(n)[1];
    expect(l?.ellipsis).toBe(true);
    expect(l?.width).toBe(6);
  });

  test("a text change re-lays out correctly, and equal text makes no change", () => {
    using t = new LayoutTree();
    const label = t.createNode();
    const side = box(t, { width: 3, height: 1 });
    t.setText(label, "short");
    const row = box(t, {}, [label, side]);
    const root = box(t, { width: 30, flexDirection: "column" }, [row]);
    t.compute(root, 80, 24);
    expect(rect(t, side)).toEqual([5, 0, 3, 1]);
    expect(t.needsLayout).toBe(false);
    t.setText(label, "a longer label");
    expect(t.needsLayout).toBe(true);
    t.compute(root, 80, 24);
    expect(rect(t, side)).toEqual([14, 0, 3, 1]);
    t.setText(label, "a longer label");
    t.setStyle(side, { width: 3, height: 1 });
    expect(t.needsLayout).toBe(false);
    t.setStyle(side, { width: 4, height: 1 });
    expect(t.needsLayout).toBe(true);
    t.compute(root, 80, 24);
    expect(rect(t, side)).toEqual([14, 0, 4, 1]);
    // Long texts grow the scratch buffer.
    const long = "word ".repeat(20000);
    t.setText(label, long);
    t.compute(root, 80, 24);
    expect(t.layoutOf(label).height).toBeGreaterThan(1000);
    t.clearText(label);
    t.compute(root, 80, 24);
    // An empty box, stretched to the row's height.
    expect(rect(t, label)).toEqual([0, 0, 0, 1]);
  });

  test("non-text nodes have no lines", () => {
    using t = new LayoutTree();
    const n = box(t, { width: 3, height: 3 });
    t.compute(n, 10, 10);
    expect(t.textLines(n)).toEqual([]);
  });
});

describe("structure", () => {
  test("insert, move, remove and free", () => {
    using t = new LayoutTree();
    const [a, b, c] = [0, 1, 2].map(() => box(t, { width: 1, height: 1 })) as [LayoutNode, LayoutNode, LayoutNode];
    const p = box(t, {}, [a, b]);
    t.insertChild(p, c, 1);
    t.compute(p, 10, 10);
    expect([a, c, b].map((n) => t.layoutOf(n).x)).toEqual([0, 1, 2]);
    t.removeChild(p, c);
    t.appendChild(p, c);
    t.compute(p, 10, 10);
    expect([a, b, c].map((n) => t.layoutOf(n).x)).toEqual([0, 1, 2]);
    t.free(b);
    t.compute(p, 10, 10);
    expect([a, c].map((n) => t.layoutOf(n).x)).toEqual([0, 1]);
    expect(t.size).toBe(3);
    t.freeSubtree(p);
    expect(t.size).toBe(0);
    expect(() => t.layoutOf(a)).toThrow(LetuiError);
  });

  test("many nodes grow the shared results", () => {
    using t = new LayoutTree();
    const root = box(t, { flexDirection: "column" });
    const kids: LayoutNode[] = [];
    for (let i = 0; i < 500; i++) {
      const k = box(t, { height: 1, width: (i % 7) + 1 });
      t.appendChild(root, k);
      kids.push(k);
    }
    t.compute(root, 80, Infinity);
    expect(rect(t, kids[499] as LayoutNode)).toEqual([0, 499, 3, 1]);
  });
});

describe("errors", () => {
  test("bad style values throw with a clear message", () => {
    using t = new LayoutTree();
    const n = t.createNode();
    const cases: [unknown, string][] = [
      [{ widht: 3 }, 'unknown layout style property "widht"'],
      [{ width: "3px" }, 'width must be a number of cells, a percentage like "50%" or "auto", got "3px"'],
      [{ padding: "auto" }, 'padding must be a number of cells or a percentage like "50%"'],
      [{ flexDirection: "diagonal" }, 'flexDirection must be one of "row", "column"'],
      [{ flexGrow: Number.NaN }, "flexGrow must be a finite number"],
      [{ height: -2 }, "height must not be negative"],
      [{ flexShrink: -1 }, "flex shrink must not be negative"],
      [{ borderTop: -1 }, "border top must not be negative"],
      [{ minWidth: Infinity }, "minWidth must be a finite number"],
      [null, "a layout style must be an object"],
    ];
    for (const [style, message] of cases) {
      let err: unknown;
      try {
        t.setStyle(n, style as LayoutStyle);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LetuiError);
      expect((err as LetuiError).message).toContain(message);
      expect((err as LetuiError).status).toBe("InvalidArgument");
    }
    expect(() => t.setText(n, "x", { wrap: "words" as "word" })).toThrow('wrap must be "word"');
    expect(() => t.compute(n, -1, 5)).toThrow("width must be a whole number");
  });

  test("stale and foreign node ids throw", () => {
    using t = new LayoutTree();
    using other = new LayoutTree();
    const a = t.createNode();
    const b = t.createNode();
    t.free(a);
    expect(() => t.setStyle(a, {})).toThrow("does not exist");
    expect(() => t.appendChild(b, a)).toThrow("does not exist");
    expect(() => t.free(a)).toThrow(LetuiError);
    const foreign = other.createNode();
    other.createNode();
    const c = other.createNode();
    expect(() => t.layoutOf(c)).toThrow("does not exist");
    // Ids are numbers: a foreign id is caught when this tree has no such
    // live node (here, the freed one).
    expect(() => t.compute(foreign, 1, 1)).toThrow("does not exist");
    expect(() => t.setText(12345 as LayoutNode, "x")).toThrow("does not exist");
  });

  test("cycles and bad structure are native errors", () => {
    using t = new LayoutTree();
    const a = t.createNode();
    const b = t.createNode();
    t.appendChild(a, b);
    expect(() => t.appendChild(b, a)).toThrow("its own ancestor");
    expect(() => t.appendChild(a, a)).toThrow("its own ancestor");
    expect(() => t.insertChild(a, b, 3)).toThrow("out of range");
    expect(() => t.setChildren(a, [b, b])).toThrow("twice");
    const c = t.createNode();
    expect(() => t.removeChild(a, c)).toThrow("not a child");
    t.setText(c, "leaf");
    expect(() => t.appendChild(c, b)).toThrow("text leaf");
  });

  test("a disposed tree throws", () => {
    const t = new LayoutTree();
    const n = t.createNode();
    t.dispose();
    t.dispose();
    expect(t.disposed).toBe(true);
    expect(() => t.createNode()).toThrow("disposed");
    expect(() => t.layoutOf(n)).toThrow("disposed");
    expect(() => t.compute(n, 1, 1)).toThrow("disposed");
  });
});
