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
    // Taller terminal: bigger pages.
    t.resize(60, 20);
    await t.frame();
    await t.frame();
    expect(t.text()).toContain("Page 2 of 2");
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
