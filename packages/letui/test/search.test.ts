import { describe, expect, test } from "bun:test";
import { corpus, type Item, localSearch, searchApp } from "../../../examples/search-app.ts";
import { render } from "../src/testing/index.ts";

/** A search whose answers the test releases by hand. */
function controlled() {
  const pending: { query: string; resolve: (items: Item[]) => void }[] = [];
  const search = (query: string) => new Promise<Item[]>((resolve) => pending.push({ query, resolve }));
  return { search, pending };
}

describe("the search example", () => {
  test("type, search with a loading state, page through, resize", async () => {
    const { search, pending } = controlled();
    const t = await render(() => searchApp({ search }), { width: 60, height: 12 });
    t.app.focusNext();
    expect(t.text()).toContain("Type a query and press Enter");
    t.type("note");
    t.press("enter");
    await t.frame();
    expect(pending.length).toBe(1);
    expect(pending[0]?.query).toBe("note");
    expect(t.text()).toContain("Searching for “note”…");
    pending[0]?.resolve(corpus(30));
    await new Promise((r) => setTimeout(r, 0));
    await t.frame();
    await t.frame();
    const first = t.text();
    expect(first).toContain("  1. terminal note #1");
    // The results area is 12 - 3 (header) - 1 (footer) = 8 rows: 4 pages.
    expect(first).toContain("Page 1 of 4");
    t.press("pagedown");
    await t.frame();
    expect(t.text()).toContain("  9. ");
    expect(t.text()).toContain("Page 2 of 4");
    // Click Next.
    const next = t.app.root.find("next");
    if (!next) throw new Error("no next button");
    t.click(next.view.x + 1, next.view.y);
    await t.frame();
    expect(t.text()).toContain("Page 3 of 4");
    t.press("pageup");
    await t.frame();
    expect(t.text()).toContain("Page 2 of 4");
    // Taller terminal: bigger pages, and the first item shown (9) stays on screen.
    t.resize(60, 20);
    await t.frame();
    await t.frame();
    expect(t.text()).toContain("Page 1 of 2");
    expect(t.text()).toContain("  9. ");
    t.unmount();
  });

  test("clicking Search runs the search, and stale answers are ignored", async () => {
    const { search, pending } = controlled();
    const t = await render(() => searchApp({ search }), { width: 60, height: 10 });
    const input = t.app.root.find("query");
    if (!input) throw new Error("no input");
    t.click(input.view.x, input.view.y);
    t.type("emoji");
    const button = t.app.root.find("search");
    if (!button) throw new Error("no button");
    t.click(button.view.x + 1, button.view.y);
    t.click(button.view.x + 1, button.view.y);
    await t.frame();
    expect(pending.length).toBe(2);
    pending[1]?.resolve([{ id: 1, title: "fresh", body: "answer" }]);
    pending[0]?.resolve([{ id: 2, title: "stale", body: "answer" }]);
    await new Promise((r) => setTimeout(r, 0));
    await t.frame();
    await t.frame();
    expect(t.text()).toContain("fresh");
    expect(t.text()).not.toContain("stale");
    t.unmount();
  });

  test("the local search matches every word", async () => {
    const items = await localSearch(corpus(), 0)("grid cells", new AbortController().signal);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.title.startsWith("terminal"))).toBe(true);
  });
});

describe("the search example at small sizes", () => {
  test("at 50 and 40 columns the buttons keep their labels; a disabled Prev takes no focus", async () => {
    for (const width of [50, 40]) {
      const t = await render(() => searchApp({ search: async () => corpus(100) }), { width, height: 12 });
      t.app.focusNext();
      t.type("x");
      t.press("enter");
      await new Promise((r) => setTimeout(r, 0));
      await t.frame();
      const footer = t.lines().at(-1) as string;
      expect([width, footer.includes("◀ Prev"), footer.includes("Next ▶")]).toEqual([width, true, true]);
      const ids = t.app.focusOrder().map((e) => e.id);
      expect(ids).toEqual(["query", "search", "next"]);
      t.unmount();
    }
  });

  test("on resize the page keeps its first visible item on screen", async () => {
    const t = await render(() => searchApp({ search: async () => corpus(100) }), { width: 60, height: 12 });
    t.app.focusNext();
    t.type("x");
    t.press("enter");
    await new Promise((r) => setTimeout(r, 0));
    await t.frame();
    for (let i = 0; i < 3; i++) t.press("pagedown");
    await t.frame();
    const first = (t.lines()[3] as string).trim().split(".")[0] as string;
    for (const [w, h] of [
      [60, 8],
      [60, 20],
      [40, 9],
    ] as const) {
      t.resize(w, h);
      await t.frame();
      await t.frame();
      expect([h, t.text().includes(` ${first}. `)]).toEqual([h, true]);
    }
    t.unmount();
  });
});
