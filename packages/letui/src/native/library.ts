/**
 * Loading the native library. This directory is the only place that knows
 * symbol names or imports `bun:ffi`.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { dlopen, suffix } from "bun:ffi";
import { LetuiError } from "./errors.ts";
import { inputSymbols } from "./symbols/input.ts";
import { layoutSymbols } from "./symbols/layout.ts";
import { screenSymbols } from "./symbols/screen.ts";
import { terminalSymbols } from "./symbols/terminal.ts";
import { textSymbols } from "./symbols/text.ts";

/** Every symbol the binding uses, with its C signature in bun:ffi terms. */
export const symbols = {
  ...screenSymbols,
  ...inputSymbols,
  ...layoutSymbols,
  ...terminalSymbols,
  ...textSymbols,
} as const;

/** The loaded library's functions. */
export type NativeSymbols = ReturnType<typeof dlopen<typeof symbols>>["symbols"];

/** The repository root (this file is packages/letui/src/native/library.ts). */
const root = resolve(import.meta.dir, "../../../..");

/** The command that builds the native library. */
export const BUILD_COMMAND = "cargo build --release -p letui-ffi";

/**
 * Where the native library is: `LETUI_LIB` when set, otherwise the
 * workspace's release build.
 */
export function libraryPath(): string {
  const fromEnv = process.env.LETUI_LIB;
  if (fromEnv) return resolve(fromEnv);
  return join(root, "target", "release", `libletui.${suffix}`);
}

let loaded: NativeSymbols | undefined;

/** The library's functions, loaded on first use. */
export function native(): NativeSymbols {
  if (loaded) return loaded;
  const path = libraryPath();
  if (!existsSync(path)) {
    const hint = process.env.LETUI_LIB
      ? "LETUI_LIB points to a file that does not exist"
      : `build it with \`${BUILD_COMMAND}\` in ${root} (or set LETUI_LIB to its path)`;
    throw new LetuiError(0, `letui native library not found at ${path}: ${hint}`, "Unknown");
  }
  try {
    loaded = dlopen(path, symbols).symbols;
  } catch (e) {
    throw new LetuiError(0, `letui native library at ${path} could not be loaded: ${String(e)}`, "Unknown");
  }
  return loaded;
}

const errorBuffer = new Uint8Array(4096);
const decoder = new TextDecoder();

/** The native message of the last failure on this thread. */
export function lastError(): string {
  const n = Number(native().letui_last_error(errorBuffer, errorBuffer.length));
  return decoder.decode(errorBuffer.subarray(0, Math.min(n, errorBuffer.length)));
}

/**
 * Returns `code` when it is a success (0 or a non-negative result) and
 * throws a {@link LetuiError} with the native message otherwise.
 */
export function check(code: number): number {
  if (code >= 0) return code;
  throw new LetuiError(code, lastError());
}
