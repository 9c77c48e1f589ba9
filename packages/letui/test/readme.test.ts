/**
 * The README's first program, kept true: examples/counter.ts holds the
 * same component as the README snippet (the snippet itself runs as
 * written in a fresh project, test/package/fresh.test.ts), and it does
 * what the README says.
 */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { counter } from "../../../examples/counter.ts";
import { render } from "../src/testing/index.ts";

const root = join(import.meta.dir, "..", "..", "..");

/** The text of `function counter() { ... }` in a source file. */
function counterFunction(source: string): string {
  const m = /function counter\(\)[^{]*\{[\s\S]*?\n\}/.exec(source);
  if (!m) throw new Error("no counter function found");
  return m[0].replace(/function counter\(\)[^{]*\{/, "function counter() {");
}

test("examples/counter.ts is the README's counter", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const snippet = /<!-- readme-test: counter -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const example = readFileSync(join(root, "examples", "counter.ts"), "utf8");
  expect(counterFunction(example)).toBe(counterFunction(snippet));
});

test("the README's counter works as the README says", async () => {
  const t = await render(() => counter(), { width: 40, height: 8 });
  expect(t.text()).toContain("clicked 0 times");
  t.press("tab");
  t.press("enter");
  await t.frame();
  expect(t.text()).toContain("clicked 1 times");
  t.press("tab");
  t.press("space");
  await t.frame();
  expect(t.text()).toContain("clicked 0 times");
  expect(t.lines()[0]).toMatch(/^╭ counter ─+╮/);
  t.unmount();
});
