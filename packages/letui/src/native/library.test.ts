import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ptr } from "bun:ffi";
import { LetuiError, Status } from "../errors.ts";
import {
  BUILD_COMMAND,
  check,
  checkRuntime,
  handleAt,
  lastError,
  libraryPath,
  native,
  NATIVE_VERSION,
  openLibrary,
  symbols,
} from "./library.ts";
import type { NativeHandle, NativeType } from "./types.ts";

const header = readFileSync(resolve(import.meta.dir, "../../../../crates/letui-ffi/include/letui.h"), "utf8");

/** C type in the header -> the seam types that may stand for it. */
function typesFor(c: string): NativeType[] {
  const t = c.replace(/\bconst\b/g, "").replace(/\s+/g, " ").trim();
  if (t.includes("*") || t === "LetuiNotify") return ["ptr", "buf"];
  switch (t) {
    case "int32_t":
      return ["i32"];
    case "uint32_t":
      return ["u32"];
    case "uint64_t":
      return ["u64"];
    case "size_t":
      return ["usize"];
    case "void":
      return ["void"];
    default:
      throw new Error(`unmapped C type ${c}`);
  }
}

function parseHeader(): Map<string, { ret: string; params: string[] }> {
  const fns = new Map<string, { ret: string; params: string[] }>();
  const re = /^([A-Za-z_][\w \t*]*?)\s*\b(letui_\w+)\(([^)]*)\);/gm;
  for (const m of header.matchAll(re)) {
    const [, ret, name, params] = m;
    if (!ret || !name || params === undefined) continue;
    const list = params.trim() === "" || params.trim() === "void" ? [] : params.split(",").map((p) => p.trim());
    // Drop the parameter name, keep the type.
    fns.set(name, { ret, params: list.map((p) => p.replace(/\b\w+$/, "").trim()) });
  }
  return fns;
}

describe("native symbol table", () => {
  test("matches the generated C header exactly", () => {
    const fns = parseHeader();
    expect(fns.size).toBeGreaterThan(10);
    const table = symbols as Record<string, { args: readonly NativeType[]; returns: NativeType }>;
    for (const [name, sig] of Object.entries(table)) {
      const c = fns.get(name);
      if (!c) throw new Error(`${name} is in the TS symbol table but not in letui.h`);
      expect({ name, n: sig.args.length }).toEqual({ name, n: c.params.length });
      sig.args.forEach((a, i) => {
        const allowed = typesFor(c.params[i] ?? "");
        if (!allowed.includes(a)) throw new Error(`${name} argument ${i}: TS has ${a}, header has ${c.params[i]}`);
      });
      if (!typesFor(c.ret).includes(sig.returns)) throw new Error(`${name} returns ${c.ret}, TS has ${sig.returns}`);
    }
    for (const name of fns.keys()) {
      if (!(name in table)) throw new Error(`${name} is exported in letui.h but the binding does not declare it`);
    }
  });

  test("the library reports its version", () => {
    expect(native().letui_version()).toBe(NATIVE_VERSION);
    const cargo = readFileSync(resolve(import.meta.dir, "../../../../Cargo.toml"), "utf8");
    const [major, minor, patch] = (/^version = "(\d+)\.(\d+)\.(\d+)"/m.exec(cargo) ?? []).slice(1).map(Number);
    expect(NATIVE_VERSION).toBe(((major ?? 0) << 16) | ((minor ?? 0) << 8) | (patch ?? 0));
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dir, "../../package.json"), "utf8")) as { version: string };
    expect(pkg.version).toBe(`${major}.${minor}.${patch}`);
  });
});

describe("misuse of the C ABI from Bun", () => {
  const lib = native();

  test("a null handle is an error, not a crash", () => {
    expect(lib.letui_screen_render(null)).toBe(Status.NullHandle);
    expect(lastError()).toContain("null");
    expect(lib.letui_screen_free(null)).toBe(Status.Ok);
  });

  test("a freed handle is an error and a double free is too", () => {
    const out = new BigUint64Array(1);
    check(lib.letui_screen_new(10, 2, -1, 0, out));
    const h = handleAt(out);
    expect(lib.letui_screen_free(h)).toBe(Status.Ok);
    expect(lib.letui_screen_render(h)).toBe(Status.InvalidHandle);
    expect(lastError()).toContain("already freed");
    expect(lib.letui_screen_free(h)).toBe(Status.InvalidHandle);
  });

  test("a pointer to something that is not a handle is rejected", () => {
    const fake = new BigUint64Array([123n, 0n, 0n, 0n]);
    expect(lib.letui_screen_render(ptr(fake) as unknown as NativeHandle)).toBe(Status.InvalidHandle);
    expect(lastError()).toContain("not a letui handle");
  });

  test("zero, huge and overflowing sizes are rejected", () => {
    const out = new BigUint64Array(1);
    for (const [w, h] of [
      [0, 10],
      [10, 0],
      [70000, 1],
      [65535, 65535],
      [2 ** 32 - 1, 2],
    ] as const) {
      expect(lib.letui_screen_new(w, h, -1, 0, out)).toBe(Status.InvalidArgument);
      expect(lastError()).toContain("invalid screen size");
    }
  });

  test("a closed file descriptor is rejected", () => {
    const out = new BigUint64Array(1);
    expect(lib.letui_screen_new(10, 2, 987654, 0, out)).toBe(Status.InvalidArgument);
    expect(lastError()).toContain("not open");
  });

  test("invalid UTF-8 is rejected with a clear error", () => {
    const out = new BigUint64Array(1);
    check(lib.letui_screen_new(10, 2, -1, 0, out));
    const h = handleAt(out);
    const bad = new Uint8Array([0x61, 0xff, 0x62]);
    expect(lib.letui_screen_draw_text_ptr(h, 0, 0, bad, 3, 0, 0, 0)).toBe(Status.InvalidUtf8);
    expect(lastError()).toContain("UTF-8");
    expect(lib.letui_screen_draw_text(h, 0, 0, 1 << 30, 0, 0, 0)).toBe(Status.InvalidArgument);
    expect(lastError()).toContain("scratch");
    check(lib.letui_screen_free(h));
  });

  test("a panic inside a native call becomes an error", () => {
    expect(lib.letui_debug_panic()).toBe(Status.Panic);
    expect(lastError()).toContain("letui_debug_panic");
    expect(() => check(Status.Panic)).toThrow(LetuiError);
  });
});

describe("loading the library", () => {
  test("a library of another version is refused with both versions named", () => {
    const path = libraryPath();
    expect(path).toBeDefined();
    expect(openLibrary(path as string, 0x000200)).toBe("it is version 0.1.0, this package needs 0.2.0");
  });

  test("an unsupported runtime version is a clear error", () => {
    expect(() => checkRuntime("node", "18.19.0")).toThrow("letui needs Node.js 20.0.0 or newer; this is 18.19.0");
    expect(() => checkRuntime("deno", "1.46.3")).toThrow("letui needs Deno 2.0.0 or newer; this is 1.46.3");
    expect(() => checkRuntime("bun", "1.0.36")).toThrow("letui needs Bun 1.1.0 or newer; this is 1.0.36");
    expect(() => checkRuntime("node", "20.0.0")).not.toThrow();
    expect(() => checkRuntime("bun", "1.4.4")).not.toThrow();
    expect(() => checkRuntime("deno", "2.9.6")).not.toThrow();
  });

  test("the build command is the one the README gives", () => {
    expect(BUILD_COMMAND).toBe("cargo build --release -p letui-ffi");
  });
});
