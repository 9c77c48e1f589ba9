/**
 * The file browser (see files.ts): a Tree of folders, a Table of the
 * selected folder's entries (name, size, modified; click a header to
 * sort), and a ScrollBox preview of the selected text file. Split from
 * files.ts so tests can mount it headlessly.
 */
import { closeSync, openSync, readdirSync, readSync, type Stats, statSync } from "node:fs";
import { basename, join } from "node:path";
import { Box, computed, Row, ScrollBox, signal, type SortOrder, Table, Text, Tree, type TreeNode } from "letui";

/** An entry of a folder. */
export interface Entry {
  /** File name. */
  name: string;
  /** Full path. */
  path: string;
  /** True for a folder. */
  dir: boolean;
  /** Size in bytes. */
  size: number;
  /** Last modification. */
  modified: Date;
}

/** The entries of `dir` (unreadable ones left out); folders first, then by name. */
export function readEntries(dir: string): Entry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Entry[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let st: Stats;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    out.push({ name, path, dir: st.isDirectory(), size: st.size, modified: st.mtime });
  }
  return out.sort((a, b) => Number(b.dir) - Number(a.dir) || a.name.localeCompare(b.name));
}

/** Folder nodes of `dir`, each loading its own subfolders when expanded. */
function folderNodes(dir: string): TreeNode<string>[] {
  return readEntries(dir)
    .filter((e) => e.dir)
    .map((e) => ({ label: e.name, value: e.path, children: () => folderNodes(e.path) }));
}

const PREVIEW_BYTES = 64 * 1024;

/** The start of a file as text, or why it is not shown (binary files are not previewed). */
export function preview(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    return `(cannot open: ${e instanceof Error ? e.message : String(e)})`;
  }
  try {
    const buf = Buffer.alloc(PREVIEW_BYTES);
    const n = readSync(fd, buf, 0, PREVIEW_BYTES, 0);
    const bytes = buf.subarray(0, n);
    if (bytes.includes(0)) return "(binary file)";
    // Untrusted text: control characters other than newlines and tabs are shown as U+FFFD.
    return new TextDecoder("utf-8").decode(bytes).replace(/\t/g, "    ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\ufffd");
  } finally {
    closeSync(fd);
  }
}

/** Formats a size for people: 999 B, 1.2 KiB, 3.4 MiB. */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The browser's element tree, rooted at `root`. */
export function filesApp(root: string) {
  const folder = signal(root);
  const order = signal<SortOrder | null>(null);
  const entries = computed(() => {
    const list = readEntries(folder.value);
    const o = order.value;
    if (!o) return list;
    const dir = o.direction === "asc" ? 1 : -1;
    const cmp: ((a: Entry, b: Entry) => number)[] = [
      (a, b) => a.name.localeCompare(b.name),
      (a, b) => a.size - b.size,
      (a, b) => a.modified.getTime() - b.modified.getTime(),
    ];
    const by = cmp[o.column] ?? cmp[0];
    return [...list].sort((a, b) => (by as (a: Entry, b: Entry) => number)(a, b) * dir);
  });
  const chosen = signal<Entry | null>(null);
  const text = computed(() => {
    const e = chosen.value;
    if (!e) return "Select a file to preview it.";
    if (e.dir) return `${e.name}/ is a folder (Enter opens it)`;
    return preview(e.path);
  });
  const tree = Tree<string>({
    id: "tree",
    nodes: [{ label: basename(root) || root, value: root, children: () => folderNodes(root) }],
    onSelect: (_, row) => {
      folder.value = row.node.value ?? root;
      chosen.value = null;
    },
  });
  const top = tree.rows[0]?.node;
  if (top) tree.setExpanded(top, true);
  const table = Table<Entry>({
    id: "entries",
    items: entries,
    sort: order,
    onSort: () => {},
    columns: [
      { title: "Name", value: (e) => (e.dir ? `${e.name}/` : e.name), width: { flex: 1 } },
      { title: "Size", value: (e) => (e.dir ? "" : formatSize(e.size)), width: 10, align: "right" },
      { title: "Modified", value: (e) => formatDate(e.modified), width: 16 },
    ],
    onSelect: (_, e) => {
      chosen.value = e;
    },
    onActivate: (_, e) => {
      if (e.dir) {
        folder.value = e.path;
        chosen.value = null;
      }
    },
  });
  const body = Text({ wrap: "char" }, text);
  const pane = ScrollBox({ id: "preview", flexGrow: 1 }, body);
  return Box(
    { flexGrow: 1, minHeight: 0 },
    Text({ bold: true }, computed(() => `letui files · ${folder.value}`)),
    Row(
      { flexGrow: 1, minHeight: 0 },
      Box({ border: "rounded", title: "folders", width: "25%", focusBorderColor: "cyan" }, tree),
      Box(
        { flexGrow: 1, minHeight: 0 },
        Box({ border: "rounded", title: "entries", flexGrow: 1, flexBasis: 0, focusBorderColor: "cyan" }, table),
        Box({ border: "rounded", title: computed(() => chosen.value?.name ?? "preview"), flexGrow: 1, flexBasis: 0, minHeight: 0, focusBorderColor: "cyan" }, pane),
      ),
    ),
    Text({ dim: true }, "Tab: next pane · arrows: move · Enter: open · click headers to sort · Ctrl-C: quit"),
  );
}
