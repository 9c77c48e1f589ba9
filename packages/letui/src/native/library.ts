/**
 * Loading the native library on Bun, Node or Deno. This directory is the
 * only code that knows symbol names or touches an FFI.
 *
 * The library is looked for in this order: the file named by `LETUI_LIB`
 * (when set, it is the only place tried), the platform package
 * (`@letui/linux-x64-gnu` and the like, an optional dependency of
 * `letui`), then a local build in a letui checkout
 * (`target/release/libletui.so`). When every place fails, one error says
 * what was tried, why each failed, and what to do.
 *
 * With `LETUI_TRACE=<file>`, every native call is appended to that file
 * with its arguments, status and duration. When the variable is unset the
 * raw FFI functions are used as they are: tracing costs nothing.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LetuiError } from "../errors.ts";
import { bunBackend } from "./backends/bun.ts";
import { denoBackend } from "./backends/deno.ts";
import { nodeBackend } from "./backends/node.ts";
import { inputSymbols } from "./symbols/input.ts";
import { layoutSymbols } from "./symbols/layout.ts";
import { screenSymbols } from "./symbols/screen.ts";
import { terminalSymbols } from "./symbols/terminal.ts";
import { textSymbols } from "./symbols/text.ts";
import type { Backend, NativeFunctions, NativeHandle } from "./types.ts";

/** Every symbol the binding uses, with its C signature. */
export const symbols = {
  ...screenSymbols,
  ...inputSymbols,
  ...layoutSymbols,
  ...terminalSymbols,
  ...textSymbols,
} as const;

/** The loaded library's functions. */
export type NativeSymbols = NativeFunctions<typeof symbols>;

/** The library version this package needs (`major << 16 | minor << 8 | patch`, as `letui_version` returns it). */
export const NATIVE_VERSION = 0x000100;

/** The command that builds the native library in a letui checkout. */
export const BUILD_COMMAND = "cargo build --release -p letui-ffi";

/** Oldest supported version of each runtime. */
export const MIN_RUNTIME: Readonly<Record<Backend["runtime"], string>> = { bun: "1.1.0", node: "20.0.0", deno: "2.0.0" };

/** Platforms with a prebuilt library package. */
export const PREBUILT = ["linux-x64-gnu", "linux-arm64-gnu", "darwin-x64", "darwin-arm64", "win32-x64-msvc"] as const;

const here = dirname(fileURLToPath(import.meta.url));

/** The runtime this code runs on, and its version. */
export function detectRuntime(): { runtime: Backend["runtime"]; version: string } {
  const g = globalThis as { Bun?: { version: string }; Deno?: { version: { deno: string } } };
  // Deno and Bun both define `process.versions.node`: test them first.
  if (g.Bun) return { runtime: "bun", version: g.Bun.version };
  if (g.Deno) return { runtime: "deno", version: g.Deno.version.deno };
  return { runtime: "node", version: process.versions.node ?? "0.0.0" };
}

function versionAtLeast(version: string, min: string): boolean {
  const a = version.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const b = min.split(".").map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Throws a {@link LetuiError} when `runtime` at `version` is older than letui supports. */
export function checkRuntime(runtime: Backend["runtime"], version: string): void {
  const min = MIN_RUNTIME[runtime];
  if (!versionAtLeast(version, min)) {
    throw new LetuiError(
      0,
      `letui needs ${runtime === "bun" ? "Bun" : runtime === "deno" ? "Deno" : "Node.js"} ${min} or newer; this is ${version}`,
      "Unsupported",
    );
  }
}

let theBackend: Backend | undefined;

/** The backend of the running runtime (created on first use). */
export function backend(): Backend {
  if (theBackend) return theBackend;
  const { runtime, version } = detectRuntime();
  checkRuntime(runtime, version);
  if (runtime === "bun") theBackend = bunBackend(version);
  else if (runtime === "deno") theBackend = denoBackend((globalThis as { Deno?: unknown }).Deno, version);
  else {
    try {
      theBackend = nodeBackend(version);
    } catch (e) {
      throw new LetuiError(
        0,
        `letui on Node.js calls its native library through the koffi package, which could not be loaded (${String(e)}): reinstall letui with \`npm install letui\``,
        "Unsupported",
      );
    }
  }
  return theBackend;
}

/** The name of this platform's prebuilt package key, e.g. `linux-x64-gnu`. */
export function platformKey(): string {
  const { platform, arch } = process;
  if (platform === "linux") return `linux-${arch}-${isMusl() ? "musl" : "gnu"}`;
  if (platform === "win32") return `win32-${arch}-msvc`;
  return `${platform}-${arch}`;
}

function isMusl(): boolean {
  try {
    return readdirSync("/lib").some((f) => f.startsWith("ld-musl-"));
  } catch {
    return false;
  }
}

/** A place the library may be, and why it cannot be used when it cannot. */
export interface Candidate {
  /** Where it comes from: `LETUI_LIB`, the platform package, or a local build. */
  readonly source: string;
  /** The file, when one was found. */
  readonly path?: string;
  /** Why this place has no usable library (unset when it may be tried). */
  readonly missing?: string;
}

function libraryName(suffix: string): string {
  return suffix === "dll" ? "letui.dll" : `libletui.${suffix}`;
}

/** Finds the letui checkout this module sits in, if any. */
function checkoutRoot(): string | undefined {
  for (let dir = here, i = 0; i < 8; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, "crates", "letui-ffi", "Cargo.toml"))) return dir;
    if (dirname(dir) === dir) break;
  }
  return undefined;
}

/** The places the library is looked for, in order. */
export function candidates(suffix: string): Candidate[] {
  const fromEnv = process.env.LETUI_LIB;
  if (fromEnv) {
    const path = resolve(fromEnv);
    return [{ source: "LETUI_LIB", path, ...(existsSync(path) ? {} : { missing: "the file does not exist" }) }];
  }
  const out: Candidate[] = [{ source: "LETUI_LIB", missing: "not set" }];
  const key = platformKey();
  const pkg = `@letui/${key}`;
  if (!(PREBUILT as readonly string[]).includes(key)) {
    out.push({ source: `platform package ${pkg}`, missing: `no prebuilt library is published for ${key}` });
  } else {
    try {
      const manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
      const path = join(dirname(manifest), libraryName(suffix));
      out.push({ source: `platform package ${pkg}`, path, ...(existsSync(path) ? {} : { missing: "the package has no library file" }) });
    } catch {
      out.push({
        source: `platform package ${pkg}`,
        missing: "not installed (an optional dependency of letui: installs that omit optional dependencies skip it)",
      });
    }
  }
  const root = checkoutRoot();
  if (root) {
    const path = join(root, "target", "release", libraryName(suffix));
    out.push({
      source: "local build",
      path,
      ...(existsSync(path) ? {} : { missing: `does not exist (build it with \`${BUILD_COMMAND}\`)` }),
    });
  } else {
    out.push({ source: "local build", missing: "this copy of letui is not inside a letui checkout" });
  }
  return out;
}

/** Explains a loader's message in a few words when it is a known kind of failure. */
function explain(message: string): string {
  if (/wrong ELF class|ELF file's machine|incompatible architecture|not a valid Win32|mach-o, but wrong architecture|invalid ELF header/i.test(message)) {
    return `${message} (the library was built for another architecture or system)`;
  }
  const glibc = /GLIBC_(\d+\.\d+)/.exec(message);
  if (glibc) return `${message} (the library needs glibc ${glibc[1]} or newer than this system has)`;
  return message;
}

const ELF_MACHINES: Record<number, string> = { 3: "ia32", 40: "arm", 62: "x64", 183: "arm64", 243: "riscv64", 8: "mips", 21: "ppc64", 22: "s390x" };

/** When `path` is a library for another system or architecture, says which (the loaders' own messages are often "not found"). */
function foreignBinary(path: string): string | undefined {
  let head: Buffer;
  try {
    const fd = openSync(path, "r");
    head = Buffer.alloc(64);
    readSync(fd, head, 0, 64, 0);
    closeSync(fd);
  } catch {
    return undefined;
  }
  const what = (kind: string) => `it is ${kind}, and this is ${process.platform}-${process.arch} (the library was built for another architecture or system)`;
  if (head.readUInt32BE(0) === 0x7f454c46) {
    const machine = ELF_MACHINES[head.readUInt16LE(0x12)] ?? `machine ${head.readUInt16LE(0x12)}`;
    if (process.platform !== "linux" && process.platform !== "freebsd") return what(`an ELF library for ${machine}`);
    if (machine !== process.arch) return what(`a library for ${machine}`);
    return undefined;
  }
  const magic = head.readUInt32LE(0);
  if ((magic === 0xfeedfacf || magic === 0xcafebabe || magic === 0xbebafeca) && process.platform !== "darwin") return what("a macOS library");
  if (head.readUInt16LE(0) === 0x5a4d && process.platform !== "win32") return what("a Windows library");
  return undefined;
}

let loaded: NativeSymbols | undefined;
let loadedFrom: string | undefined;

/**
 * Opens the library at `path` and checks that it is version `expected`;
 * returns its functions, or why it cannot be used.
 */
export function openLibrary(path: string, expected = NATIVE_VERSION): Record<string, (...a: never[]) => unknown> | string {
  let fns: Record<string, (...a: never[]) => unknown>;
  try {
    fns = backend().open(path, symbols);
  } catch (e) {
    return foreignBinary(path) ?? explain(e instanceof Error ? e.message : String(e));
  }
  const version = (fns.letui_version as () => number)();
  if (version !== expected) return `it is version ${formatVersion(version)}, this package needs ${formatVersion(expected)}`;
  return fns;
}

/** The library's functions, loaded on first use. */
export function native(): NativeSymbols {
  if (loaded) return loaded;
  const b = backend();
  const tried: string[] = [];
  for (const c of candidates(b.suffix)) {
    if (c.missing !== undefined || c.path === undefined) {
      tried.push(`  - ${c.source}${c.path === undefined ? "" : ` ${c.path}`}: ${c.missing ?? "not found"}`);
      continue;
    }
    const fns = openLibrary(c.path);
    if (typeof fns === "string") {
      tried.push(`  - ${c.source} ${c.path}: ${fns}`);
      continue;
    }
    loadedFrom = c.path;
    loaded = (process.env.LETUI_TRACE ? traced(fns, process.env.LETUI_TRACE, b, c.path) : fns) as unknown as NativeSymbols;
    return loaded;
  }
  const explicit = process.env.LETUI_LIB
    ? "unset LETUI_LIB to use the prebuilt library, or point it to a library built from this version of letui"
    : `install letui with its optional dependencies (\`npm install letui\`; prebuilt for ${PREBUILT.join(", ")}), or build the library from a letui checkout with \`${BUILD_COMMAND}\` and set LETUI_LIB to target/release/${libraryName(b.suffix)}`;
  throw new LetuiError(
    0,
    `letui could not load its native library (${b.runtime} ${b.version}, ${platformKey()}). Tried:\n${tried.join("\n")}\nTo fix: ${explicit}.`,
    "Unsupported",
  );
}

/** The file the library was loaded from (after the first native call). */
export function libraryPath(): string | undefined {
  return loadedFrom;
}

function formatVersion(v: number): string {
  return `${v >>> 16}.${(v >>> 8) & 255}.${v & 255}`;
}

const errorBuffer = new Uint8Array(4096);
const utf8 = new TextDecoder();

/** The native message of the last failure on this thread. */
export function lastError(): string {
  const n = native().letui_last_error(errorBuffer, errorBuffer.length);
  return utf8.decode(errorBuffer.subarray(0, Math.min(n, errorBuffer.length)));
}

/**
 * Returns `code` when it is a success (0 or a non-negative result) and
 * throws a {@link LetuiError} with the native message otherwise.
 */
export function check(code: number): number {
  if (code >= 0) return code;
  throw new LetuiError(code, lastError());
}

/** A handle written by the library into an out-parameter word. */
export function handleAt(words: BigUint64Array, index = 0): NativeHandle {
  return backend().handle(words, index);
}

/** Runs a `letui_*_new` call that writes a handle to its out-parameter, and returns the handle. */
export function created(create: (out: BigUint64Array) => number): NativeHandle {
  const out = new BigUint64Array(1);
  check(create(out));
  return handleAt(out);
}

/**
 * Runs a `letui_*_view` call that writes `pairs` (address, length) pairs,
 * and returns them as `[address, length]`.
 */
export function viewPairs(pairs: number, view: (words: BigUint64Array) => number): [bigint, number][] {
  const words = new BigUint64Array(pairs * 2);
  check(view(words));
  return Array.from({ length: pairs }, (_, i) => [words[2 * i] ?? 0n, Number(words[2 * i + 1] ?? 0n)]);
}

/** A view of native memory (see {@link Backend.view}). */
export function nativeView(address: bigint | undefined, byteLength: number): ArrayBuffer {
  return backend().view(address ?? 0n, byteLength);
}

const listeners = new Map<number, () => void>();
let notifyPointer: NativeHandle | undefined;
let nextToken = 1;

/**
 * Registers `fn` to run (on the event loop) when native code calls the
 * notifier with the returned token; returns the notifier's function
 * pointer and the token. {@link stopNotify} forgets the token; a call
 * already on its way for it is then ignored.
 */
export function notifier(fn: () => void): { pointer: NativeHandle; token: number } {
  notifyPointer ??= backend().callback((token) => listeners.get(token)?.());
  const token = nextToken++;
  listeners.set(token, fn);
  return { pointer: notifyPointer, token };
}

/** Forgets a token of {@link notifier}. */
export function stopNotify(token: number): void {
  listeners.delete(token);
}

/** Wraps every function so that each call is logged to `file`. */
function traced(
  fns: Record<string, (...a: never[]) => unknown>,
  file: string,
  b: Backend,
  path: string,
): Record<string, (...a: never[]) => unknown> {
  const fd = openSync(file, "a");
  let lines: string[] = [];
  const t0 = performance.now();
  // Lines are written in batches, and at exit, so that tracing a frame
  // loop does not cost a system call per native call.
  const flush = () => {
    if (lines.length === 0) return;
    const text = `${lines.join("\n")}\n`;
    lines = [];
    try {
      writeSync(fd, text);
    } catch {
      // A trace must never break the program.
    }
  };
  process.on("exit", () => {
    flush();
    closeSync(fd);
  });
  const show = (a: unknown, type: string): string => {
    if (type === "ptr") return `0x${b.address(a as NativeHandle | null).toString(16)}`;
    if (ArrayBuffer.isView(a)) return `<${a.constructor.name}(${a.byteLength} bytes)>`;
    return String(a);
  };
  writeSync(fd, `# letui trace: ${b.runtime} ${b.version}, pid ${process.pid}, library ${path}\n`);
  const out: Record<string, (...a: never[]) => unknown> = {};
  for (const [name, raw] of Object.entries(fns)) {
    const sig = (symbols as Record<string, { args: readonly string[] }>)[name];
    const types = sig?.args ?? [];
    out[name] = (...args: never[]) => {
      const start = performance.now();
      const result = raw(...args);
      const end = performance.now();
      const shown = args.map((a, i) => show(a, types[i] ?? "")).join(", ");
      lines.push(`${(start - t0).toFixed(3)}ms ${name}(${shown}) -> ${String(result)} [${((end - start) * 1000).toFixed(1)}us]`);
      if (lines.length >= 512) flush();
      return result;
    };
  }
  return out;
}
