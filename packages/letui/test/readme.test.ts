import { expect, test } from "bun:test";
import { counter } from "../../../examples/counter.ts";
import { render } from "../src/testing/index.ts";

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
