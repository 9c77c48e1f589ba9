import { describe, expect, test } from "bun:test";
import { LetuiError } from "../errors.ts";
import { signal } from "../signals.ts";
import { render } from "../testing/index.ts";
import { Box } from "./box.ts";
import { Button } from "./button.ts";
import { For, Show } from "./control-flow.ts";
import { Input } from "./input.ts";
import { Text } from "./text.ts";

/** Expects a LetuiError whose message names the component, the prop and the value. */
function rejects(make: () => unknown, ...parts: string[]): void {
  let error: unknown;
  try {
    make();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(LetuiError);
  for (const p of parts) expect((error as Error).message).toContain(p);
}

describe("bad props are LetuiErrors naming component, prop and value", () => {
  test("the cases that gave bare TypeErrors or were accepted silently", () => {
    rejects(() => Button({ label: null as unknown as string }), "Button", "label", "null");
    rejects(() => Button({ label: "x", onPress: "x" as unknown as () => void }), "Button", "onPress", '"x"');
    rejects(() => For({ each: null as unknown as [] }, () => Text("x")), "For", "each", "null");
    rejects(() => Box({ title: "t", titleAlign: "up" as "left" }), "Box", "titleAlign", '"up"');
    rejects(() => Box({ zIndex: Number.NaN }), "Box", "zIndex", "NaN");
    rejects(() => Box({ tabIndex: "x" as unknown as number }), "Box", "tabIndex", '"x"');
  });

  test("a Show whose render returns null fails when it renders, naming Show", async () => {
    const on = signal(false);
    const t = await render(() => Box({}, Show({ when: on }, () => null as unknown as ReturnType<typeof Text>)), { width: 4, height: 1 });
    let error: unknown;
    try {
      on.value = true;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetuiError);
    expect((error as Error).message).toContain("Show: prop render");
    t.unmount();
  });

  test("a signal that later gives a bad value is rejected the same way", () => {
    const align = signal<"left" | "center" | "right">("left");
    Box({ title: "t", titleAlign: align });
    rejects(() => {
      align.value = "up" as "left";
    }, "Box", "titleAlign", '"up"');
  });

  test("more props of every component", () => {
    rejects(() => Box(null as unknown as {}), "Box", "props");
    rejects(() => Box({ border: "wavy" as "single" }), "Box", "border", '"wavy"');
    rejects(() => Box({ width: -3 }), "Box", "width", "-3");
    rejects(() => Box({ width: "wide" as "auto" }), "Box", "width", '"wide"');
    rejects(() => Box({ onClick: 3 as unknown as () => void }), "Box", "onClick", "3");
    rejects(() => Box({ bg: "nocolor" }), "Box", "nocolor");
    rejects(() => Box({}, { text: 1 } as unknown as string), "Box", "children");
    rejects(() => Text({ wrap: "sometimes" as "word" }, "x"), "Text", "wrap", '"sometimes"');
    rejects(() => Input({ value: 5 as unknown as string }), "Input", "value", "5");
    rejects(() => Input({ onSubmit: {} as unknown as () => void }), "Input", "onSubmit");
    rejects(() => Button({ label: "x", disabled: "no" as unknown as boolean }), "Button", "disabled", '"no"');
    rejects(() => Button({ label: "x", focusStyle: { fg: "nocolor" } }), "Button", "nocolor");
    rejects(() => Show({ when: true }, undefined as unknown as () => ReturnType<typeof Text>), "Show", "render");
    rejects(() => For({ each: [1, 1] }, () => Text("x")), "For", "duplicate key 1");
  });
});
