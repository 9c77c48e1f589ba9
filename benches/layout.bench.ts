/**
 * Layout through the Bun binding, on the tree of the core bench
 * (crates/letui-core/benches/layout.rs): a column of 100 rows of boxes
 * and text, 1,001 nodes, in a 200x60 viewport. Prints:
 *
 * (a) building the tree through the binding and laying it out (target
 *     <= 1 ms for the layout);
 * (b) layout again after one text change (target <= 0.2 ms), including
 *     reading every node's box back from shared memory.
 *
 * Run: node_modules/.bin/bun benches/layout.bench.ts
 */
import { type LayoutNode, type LayoutStyle, LayoutTree } from "letui/layout";

const W = 200;
const H = 60;
const SENTENCES = [
  "The quick brown fox jumps over the lazy dog while the terminal redraws.",
  "日本語のテキストも正しく折り返されます。",
  "Short one.",
  "Emoji 👍🏽 and flags 🇯🇵 take two cells each in a line of text.",
];

const rowStyle: LayoutStyle = { columnGap: 1, alignItems: "flex-start", flexShrink: 0 };
const labelStyle: LayoutStyle = { flexShrink: 0 };
const cardStyle: LayoutStyle = { flexGrow: 1, border: 1, paddingX: 1 };
const statusStyle: LayoutStyle = { width: 12 };
const stackStyle: LayoutStyle = { flexDirection: "column", width: "15%" };
const rootStyle: LayoutStyle = { flexDirection: "column", width: "100%" };

interface Built {
  tree: LayoutTree;
  root: LayoutNode;
  changing: LayoutNode;
  all: LayoutNode[];
}

function build(): Built {
  const tree = new LayoutTree();
  const all: LayoutNode[] = [];
  const node = (style?: LayoutStyle, text?: string, wrap?: "word" | "char" | "none", ellipsis = false) => {
    const n = tree.createNode();
    if (style) tree.setStyle(n, style);
    if (text !== undefined) tree.setText(n, text, { wrap: wrap ?? "word", ellipsis });
    all.push(n);
    return n;
  };
  const rows: LayoutNode[] = [];
  let changing: LayoutNode | undefined;
  for (let i = 0; i < 100; i++) {
    const label = node(labelStyle, `Item ${i}:`, "none");
    const body = node(undefined, SENTENCES[i % SENTENCES.length] as string);
    if (i === 50) changing = body;
    const card = node(cardStyle);
    tree.appendChild(card, body);
    const status = node(statusStyle);
    tree.appendChild(status, node(undefined, "status: ok", "word", true));
    const stack = node(stackStyle);
    tree.setChildren(stack, [node(undefined, "first line", "char"), node(undefined, "second line", "char")]);
    const tail = node(undefined, "…tail", "none", true);
    const row = node(rowStyle);
    tree.setChildren(row, [label, card, status, stack, tail]);
    rows.push(row);
  }
  const root = node(rootStyle);
  tree.setChildren(root, rows);
  if (tree.size !== 1001) throw new Error(`expected 1001 nodes, built ${tree.size}`);
  return { tree, root, changing: changing as LayoutNode, all };
}

function readAll(b: Built): number {
  let sum = 0;
  for (const n of b.all) sum += b.tree.layoutOf(n).width;
  return sum;
}

// Warm up the JIT and the library.
for (let i = 0; i < 20; i++) {
  const b = build();
  b.tree.compute(b.root, W, H);
  readAll(b);
  b.tree.dispose();
}

const runs = 100;
let buildNs = 0;
let layoutNs = 0;
for (let i = 0; i < runs; i++) {
  const t0 = Bun.nanoseconds();
  const b = build();
  const t1 = Bun.nanoseconds();
  b.tree.compute(b.root, W, H);
  const t2 = Bun.nanoseconds();
  buildNs += t1 - t0;
  layoutNs += t2 - t1;
  b.tree.dispose();
}
console.log(
  `(a) build 1,001 nodes through the binding: ${(buildNs / runs / 1000).toFixed(1)} us, ` +
    `first layout: ${(layoutNs / runs / 1000).toFixed(1)} us (target <= 1000 us)`,
);

const b = build();
b.tree.compute(b.root, W, H);
const frames = 3000;
let relayoutNs = 0;
let readNs = 0;
for (let i = 0; i < frames; i++) {
  const text = i % 2 === 0 ? "A changed sentence, a little longer than before it was." : (SENTENCES[2] as string);
  const t0 = Bun.nanoseconds();
  b.tree.setText(b.changing, text);
  b.tree.compute(b.root, W, H);
  const t1 = Bun.nanoseconds();
  readAll(b);
  const t2 = Bun.nanoseconds();
  relayoutNs += t1 - t0;
  readNs += t2 - t1;
}
console.log(
  `(b) one text change + layout: ${(relayoutNs / frames / 1000).toFixed(1)} us (target <= 200 us), ` +
    `reading 1,001 boxes: ${(readNs / frames / 1000).toFixed(1)} us`,
);
b.tree.dispose();
