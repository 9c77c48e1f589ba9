/**
 * `Tree`: a virtualized outline. Nodes expand and collapse with Right and
 * Left (Right on an open node goes to its first child, Left on a closed
 * one to its parent), Space or a click on the arrow; children may be
 * given lazily, by a function (which may return a promise) called on the
 * first expansion. Only expanded nodes are flattened into rows, and only
 * the visible rows are painted.
 */
import type { Screen } from "../screen.ts";
import { type Signal, signal } from "../signals.ts";
import type { PackedStyle } from "../style.ts";
import { fitLabel } from "./box.ts";
import { checkArray, checkFunction, checkPropsObject, propError } from "./check.ts";
import { sanitizeLine } from "./input.ts";
import { ListElement, type ListProps, setupList } from "./list.ts";

/** A node of a {@link Tree}. */
export interface TreeNode<T = unknown> {
  /** The text of the row. */
  label: string;
  /** Data for the app. */
  value?: T;
  /** Children: a list, or a function giving them (a promise too) on the first expansion. None: a leaf. */
  children?: readonly TreeNode<T>[] | (() => readonly TreeNode<T>[] | Promise<readonly TreeNode<T>[]>);
}

/** A visible row: a node at a depth. */
export interface TreeRow<T = unknown> {
  /** The node. */
  node: TreeNode<T>;
  /** Nesting level (0 for roots). */
  depth: number;
  /** The parent row's node, if any. */
  parent: TreeNode<T> | null;
}

/** Props of {@link Tree}. */
export interface TreeProps<T> extends Omit<ListProps<TreeRow<T>>, "items" | "label" | "renderItem"> {
  /** The top-level nodes. */
  nodes: readonly TreeNode<T>[];
  /** Called after a node was expanded or collapsed. */
  onToggle?: (node: TreeNode<T>, expanded: boolean) => void;
}

type Loaded<T> = readonly TreeNode<T>[] | "loading" | Error;

/** The element behind {@link Tree}. */
export class TreeElement<T = unknown> extends ListElement<TreeRow<T>> {
  override readonly kind: string = "tree";
  roots: readonly TreeNode<T>[] = [];
  readonly expanded = new Set<TreeNode<T>>();
  readonly #loaded = new Map<TreeNode<T>, Loaded<T>>();
  #rows: TreeRow<T>[] = [];
  onToggle: ((node: TreeNode<T>, expanded: boolean) => void) | undefined;

  /** The visible rows, in order. */
  get rows(): readonly TreeRow<T>[] {
    return this.#rows;
  }

  /** Rebuilds the visible rows from the expanded nodes. */
  refresh(): void {
    const out: TreeRow<T>[] = [];
    const visit = (nodes: readonly TreeNode<T>[], depth: number, parent: TreeNode<T> | null) => {
      for (const node of nodes) {
        out.push({ node, depth, parent });
        const kids = this.expanded.has(node) ? this.#loaded.get(node) : undefined;
        if (Array.isArray(kids)) visit(kids as readonly TreeNode<T>[], depth + 1, node);
      }
    };
    visit(this.roots, 0, null);
    const current = this.rows[this.current]?.node;
    this.#rows = out;
    this.setSource(out.length, (i) => out[i] as TreeRow<T>);
    const i = current ? out.findIndex((r) => r.node === current) : -1;
    if (i >= 0 && i !== this.current) this.moveTo(i);
  }

  /** True for a node that has (or may have) children. */
  isBranch(node: TreeNode<T>): boolean {
    return node.children !== undefined;
  }

  /** Expands or collapses `node`, loading lazy children on the first expansion. */
  setExpanded(node: TreeNode<T>, open: boolean): void {
    if (!this.isBranch(node) || this.expanded.has(node) === open) return;
    if (open) {
      this.expanded.add(node);
      if (!this.#loaded.has(node)) this.#load(node);
    } else {
      this.expanded.delete(node);
    }
    this.refresh();
    this.onToggle?.(node, open);
  }

  #load(node: TreeNode<T>): void {
    const c = node.children;
    if (typeof c !== "function") {
      this.#loaded.set(node, c ?? []);
      return;
    }
    let got: readonly TreeNode<T>[] | Promise<readonly TreeNode<T>[]>;
    try {
      got = c();
    } catch (e) {
      this.#loaded.set(node, e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if (Array.isArray(got)) {
      this.#loaded.set(node, got);
      return;
    }
    this.#loaded.set(node, "loading");
    Promise.resolve(got).then(
      (kids) => {
        this.#loaded.set(node, Array.isArray(kids) ? kids : new Error("children() did not give an array"));
        if (this.mounted) this.refresh();
      },
      (e: unknown) => {
        this.#loaded.set(node, e instanceof Error ? e : new Error(String(e)));
        if (this.mounted) this.refresh();
      },
    );
  }

  protected override paintRow(screen: Screen, index: number, x: number, y: number, width: number, look: PackedStyle | null): void {
    const row = this.#rows[index];
    if (!row) return;
    const state = this.#loaded.get(row.node);
    const open = this.expanded.has(row.node);
    const arrow = !this.isBranch(row.node) ? "  " : open ? "▾ " : "▸ ";
    const note = open && state === "loading" ? " …" : open && state instanceof Error ? ` (${sanitizeLine(state.message)})` : "";
    const text = `${"  ".repeat(row.depth)}${arrow}${sanitizeLine(row.node.label)}${note}`;
    screen.drawText(x, y, fitLabel(text, width).label, look ?? this.looks.text);
  }
}

/** A tree: `Tree({ nodes: [{ label: "src", children: () => readDir("src") }], onActivate })`. */
export function Tree<T>(props: TreeProps<T>): TreeElement<T> {
  checkPropsObject("Tree", props, false);
  checkArray("Tree", "nodes", props.nodes);
  checkFunction("Tree", "onToggle", props.onToggle);
  const check = (n: unknown, where: string) => {
    if (typeof n !== "object" || n === null || typeof (n as TreeNode).label !== "string") throw propError("Tree", where, n, "{ label, children? }");
  };
  props.nodes.forEach((n, k) => check(n, `nodes[${k}]`));
  const el = new TreeElement<T>(props.cursor ?? signal(0), props.selected ?? signal<readonly number[]>(props.multiple ? [] : [0]));
  el.roots = props.nodes;
  el.onToggle = props.onToggle;
  setupList(el, { ...props, items: [] }, "Tree");
  el.label = (r) => r.node.label;
  el.refresh();
  const { onKey, onMouse } = el.handlers;
  el.handlers.onKey = (e) => {
    const row = el.rows[el.current];
    if (row && !e.ctrl && !e.alt && !e.propagationStopped) {
      const open = el.expanded.has(row.node);
      let done = true;
      if (e.name === "right") {
        if (el.isBranch(row.node) && !open) el.setExpanded(row.node, true);
        else if (open && el.rows[el.current + 1]?.parent === row.node) el.moveTo(el.current + 1);
      } else if (e.name === "left") {
        if (open) el.setExpanded(row.node, false);
        else if (row.parent) el.moveTo(el.rows.findIndex((r) => r.node === row.parent));
      } else if (e.name === "space" && el.isBranch(row.node)) el.setExpanded(row.node, !open);
      else done = false;
      if (done) {
        e.stopPropagation();
        e.preventDefault();
        return;
      }
    }
    onKey?.(e);
  };
  el.handlers.onMouse = (e) => {
    const i = e.kind === "down" && e.button === "left" ? el.indexAt(e.y) : -1;
    const row = el.rows[i];
    if (row && el.isBranch(row.node)) {
      const arrowX = el.content.x - (el.rect.x - el.view.x) + row.depth * 2;
      if (e.x === arrowX || e.x === arrowX + 1) {
        el.moveTo(i);
        el.setExpanded(row.node, !el.expanded.has(row.node));
        e.stopPropagation();
        return;
      }
    }
    onMouse?.(e);
  };
  return el;
}
