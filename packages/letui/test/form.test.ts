import { describe, expect, test } from "bun:test";
import { formApp, type SignUp } from "../../../examples/form-app.ts";
import { render, type TestApp } from "../src/testing/index.ts";

async function settle(t: TestApp): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await Promise.resolve();
    await t.frame();
  }
}

describe("the form example", () => {
  test("submitting an empty form shows every problem, a toast, and focuses the first bad field", async () => {
    const sent: SignUp[] = [];
    const t = await render(() => formApp((d) => sent.push(d)), { width: 80, height: 26 });
    await settle(t);
    expect(t.text()).not.toContain("Enter your name");
    t.app.focus(t.app.root.find("submit") ?? null);
    t.press("enter");
    await settle(t);
    const text = t.text();
    expect(text).toContain("Enter your name");
    expect(text).toContain("Enter an email address");
    expect(text).toContain("At least 8 characters");
    expect(text).toContain("Accept the terms");
    expect(text).toContain("Please fix 4 fields");
    expect(t.app.focused?.id).toBe("name");
    // Messages go as the fields become valid.
    t.type("Ada");
    t.press("tab");
    t.type("ada@example");
    await settle(t);
    expect(t.text()).not.toContain("Enter your name");
    expect(t.text()).toContain("Enter an email address");
    expect(sent).toEqual([]);
    t.unmount();
  });

  test("a valid form asks to confirm; Cancel sends nothing, Create sends and shows a toast", async () => {
    const sent: SignUp[] = [];
    const t = await render(() => formApp((d) => sent.push(d)), { width: 80, height: 26 });
    await settle(t);
    t.type("Ada Lovelace");
    t.press("tab");
    t.type("ada@example.com");
    t.press("tab");
    t.type("engine42");
    t.press("tab");
    t.type("Notes on the\n");
    t.paste("analytical engine");
    t.press("tab");
    t.press("right");
    t.press("right");
    t.press("tab");
    t.press("space");
    t.press("tab");
    expect(t.app.focused?.id).toBe("submit");
    t.press("enter");
    await settle(t);
    expect(t.text()).toContain("Create a Team account for Ada Lovelace");
    expect(t.text()).toContain("<ada@example.com>?");
    t.press("escape");
    await settle(t);
    expect(sent).toEqual([]);
    expect(t.app.focused?.id).toBe("submit");
    t.press("enter");
    await settle(t);
    t.press("enter");
    await settle(t);
    expect(sent).toEqual([{ name: "Ada Lovelace", email: "ada@example.com", plan: "Team", about: "Notes on the\nanalytical engine" }]);
    expect(t.text()).toContain("Account created for Ada Lovelace.");
    expect(t.text()).toContain("Welcome, Ada Lovelace!");
    t.unmount();
  });
});
