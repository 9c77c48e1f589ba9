/**
 * The search app: an input and a Search button on top, one page of
 * results filling the middle, Prev/Next and a page indicator at the
 * bottom. Searching is asynchronous with a visible loading state; the page
 * size follows the height of the results area, so resizing the terminal
 * changes it. Used by examples/search.ts and by the tests.
 */
import {
  Box,
  Button,
  computed,
  type Element,
  For,
  Input,
  resource,
  Row,
  Show,
  signal,
  Text,
} from "letui";

/** One search result. */
export interface Item {
  /** Stable id. */
  id: number;
  /** Title line. */
  title: string;
  /** A longer description. */
  body: string;
}

/** Options of {@link searchApp}. */
export interface SearchOptions {
  /** The search function (default: {@link localSearch} over {@link corpus}). */
  search?: (query: string, signal: AbortSignal) => Promise<Item[]>;
  /** Simulated latency of the default search, in ms. @default 300 */
  latency?: number;
}

const TOPICS = [
  ["terminal", "Terminals render text in a grid of cells, one glyph per cell or two for wide ones."],
  ["rendering", "A renderer diffs two frames and writes only the bytes that change what is shown."],
  ["unicode", "Grapheme clusters join code points: é, 👨‍👩‍👧 and 한 are each one unit on screen."],
  ["layout", "Flexbox distributes space along a main axis and aligns items across it."],
  ["signals", "Signals hold values; computeds derive from them; effects react when they change."],
  ["keyboard", "The kitty protocol tells Shift+Enter from Enter and reports key releases."],
  ["mouse", "SGR mouse reports carry the button, the cell, and the modifiers held."],
  ["colors", "24-bit colors are downgraded to 256 or 16 when the terminal shows fewer."],
  ["日本語", "日本語のテキストは全角文字で、画面では二つのセルを使います。"],
  ["한국어", "한국어 음절은 조합된 글자로, 화면에서 두 칸을 차지합니다."],
  ["emoji", "Emoji like 🎉 and 👍🏽 take two cells; flags like 🇯🇵 are pairs of regional indicators."],
  ["Ελληνικά", "Τα ελληνικά γράμματα είναι στενά: ένα κελί το καθένα."],
] as const;

/** A deterministic local corpus of `n` items across a dozen topics. */
export function corpus(n = 240): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const [topic, text] = TOPICS[i % TOPICS.length] as (typeof TOPICS)[number];
    items.push({ id: i + 1, title: `${topic} note #${Math.floor(i / TOPICS.length) + 1}`, body: text });
  }
  return items;
}

/** Searches `items` for every word of `query` (case-insensitive), after `latency` ms. */
export function localSearch(items: Item[], latency: number) {
  return (query: string, signal: AbortSignal): Promise<Item[]> =>
    new Promise((resolve, reject) => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const timer = setTimeout(() => {
        resolve(items.filter((it) => words.every((w) => `${it.title} ${it.body}`.toLowerCase().includes(w))));
      }, latency);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new Error("aborted"));
      });
    });
}

/** Builds the search app's element tree. */
export function searchApp(options: SearchOptions = {}): Element {
  const search = options.search ?? localSearch(corpus(), options.latency ?? 300);
  const query = signal("");
  const submitted = signal<string | null>(null);
  // Re-running the same query is a new request: keep a counter with it.
  const request = signal(0);
  // The index of the first item shown: the page follows from it, so a
  // resize that changes the page size keeps that item on screen.
  const anchor = signal(0);
  const results = resource(
    () => (submitted.value === null ? null : { q: submitted.value, n: request.value }),
    ({ q }, { signal: abort }) => search(q, abort),
  );
  const run = () => {
    submitted.value = query.peek();
    request.value++;
    anchor.value = 0;
  };

  // The results take whatever height is left, whatever they contain: a
  // zero basis, and the header and footer never shrink.
  const list = Box({ flexGrow: 1, flexShrink: 1, flexBasis: 0, minHeight: 0, paddingX: 1, overflow: "hidden" });
  const pageSize = computed(() => Math.max(1, list.measure().value.height));
  const items = computed(() => results.data.value ?? []);
  const pages = computed(() => Math.max(1, Math.ceil(items.value.length / pageSize.value)));
  const current = computed(() => Math.min(Math.floor(anchor.value / pageSize.value), pages.value - 1));
  const visible = computed(() => {
    const start = current.value * pageSize.value;
    return items.value.slice(start, start + pageSize.value).map((item, i) => ({ item, n: start + i + 1 }));
  });
  const prev = () => {
    anchor.value = Math.max(0, current.peek() - 1) * pageSize.peek();
  };
  const next = () => {
    anchor.value = Math.min(pages.peek() - 1, current.peek() + 1) * pageSize.peek();
  };

  const status = computed(() => {
    const state = results.state.value;
    if (state === "idle") return "Type a query and press Enter";
    if (state === "loading") return `Searching for “${submitted.value}”…`;
    if (state === "error") return `Search failed: ${String(results.error.value)}`;
    const n = items.value.length;
    return n === 0 ? `No results for “${submitted.value}”` : `${n} result${n === 1 ? "" : "s"} for “${submitted.value}”`;
  });

  list.append(
    Show(
      { when: computed(() => results.state.value === "ready" && items.value.length > 0), fallback: () => Text({ fg: "gray", italic: true }, status) },
      () =>
        For({ each: visible, key: (r) => r.item.id }, (row) =>
          Text(
            { wrap: "none", ellipsis: true },
            { text: computed(() => `${String(row.value.n).padStart(3)}. `), fg: "gray" },
            { text: computed(() => row.value.item.title), fg: "#8be9fd", bold: true },
            { text: " — ", fg: "gray" },
            { text: computed(() => row.value.item.body) },
          ),
        ),
    ),
  );

  return Box(
    {
      flexGrow: 1,
      onKey: (e) => {
        if (e.name === "pagedown") {
          next();
          e.stopPropagation();
        } else if (e.name === "pageup") {
          prev();
          e.stopPropagation();
        }
      },
    },
    Box(
      { border: "rounded", borderColor: "#6272a4", title: "letui search", paddingX: 1, flexShrink: 0 },
      Row(
        { gap: 1 },
        Input({ id: "query", value: query, placeholder: "Search notes…", onSubmit: run }),
        Button({ id: "search", label: "Search", onPress: run }),
      ),
    ),
    list,
    Row(
      { height: 1, flexShrink: 0, gap: 2, paddingX: 1, justifyContent: "space-between" },
      Button({ id: "prev", label: "◀ Prev", onPress: prev, disabled: computed(() => current.value === 0) }),
      Text(
        // The status gives way (cut with an ellipsis); the buttons keep their labels.
        { align: "center", flexGrow: 1, flexShrink: 1, flexBasis: 0, minWidth: 0, wrap: "none", ellipsis: true, fg: "gray" },
        computed(() => (results.state.value === "loading" ? "loading…" : `Page ${current.value + 1} of ${pages.value}`)),
        { text: computed(() => (results.state.value === "ready" ? ` · ${status.value}` : "")), fg: "gray" },
      ),
      Button({ id: "next", label: "Next ▶", onPress: next, disabled: computed(() => current.value >= pages.value - 1) }),
    ),
  );
}
