import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Status } from "../errors.ts";
import * as abi from "./abi.ts";

const header = readFileSync(resolve(import.meta.dir, "../../../../crates/letui-ffi/include/letui.h"), "utf8");

/** Every `#define LETUI_*` and enumeration value of the header. */
function headerConstants(): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of header.matchAll(/^#define (LETUI_\w+) (\S+)$/gm)) {
    const [, name, value] = m;
    if (!name || !value || name === "LETUI_H") continue;
    out.set(name, value === "UINT32_MAX" ? 0xffffffff : Number(value));
  }
  for (const m of header.matchAll(/^\s+(LETUI_\w+) = (-?\d+),$/gm)) {
    const [, name, value] = m;
    if (name && value) out.set(name, Number(value));
  }
  return out;
}

function screaming(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

describe("wire constants", () => {
  const inHeader = headerConstants();

  test("every constant of native/abi.ts is in letui.h with the same value", () => {
    const ours = Object.entries(abi);
    expect(ours.length).toBeGreaterThan(100);
    for (const [name, value] of ours) {
      expect({ name, value: inHeader.get(name) }).toEqual({ name, value });
    }
  });

  test("every constant of letui.h is in native/abi.ts (or is a status)", () => {
    const ours = new Map<string, number>(Object.entries(abi));
    for (const [name, value] of Object.entries(Status)) ours.set(`LETUI_STATUS_${screaming(name)}`, value);
    for (const [name, value] of inHeader) {
      expect({ name, value: ours.get(name) }).toEqual({ name, value });
    }
  });
});
