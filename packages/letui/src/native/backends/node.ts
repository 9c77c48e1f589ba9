/**
 * The Node backend: koffi, a dynamic FFI with prebuilt binaries. Chosen
 * over an N-API addon (napi-rs) by measurement: a call with seven
 * integer arguments costs about 100 ns through koffi and 175 ns through a
 * napi-rs function (each argument is converted by its own N-API call),
 * and koffi loads the same C library the other runtimes use, so there is
 * no second native artifact per platform.
 */
import { createRequire } from "node:module";
import type { Backend, NativeHandle, NativeType, SymbolTable } from "../types.ts";

/** The parts of koffi this backend uses. */
interface Koffi {
  load(path: string): { func(name: string, result: string, args: string[]): (...a: never[]) => unknown };
  decode(value: ArrayBufferView, type: string): unknown;
  view(ptr: unknown, len: number): ArrayBuffer;
  address(ptr: unknown): bigint;
  proto(signature: string): unknown;
  pointer(type: unknown): unknown;
  register(fn: (token: number) => void, type: unknown): unknown;
}

const TYPES: Record<NativeType, string> = {
  i32: "int32_t",
  u32: "uint32_t",
  u64: "uint64_t",
  usize: "size_t",
  ptr: "void *",
  buf: "void *",
  void: "void",
};

/** Creates the backend; call only on Node. Throws when koffi is not installed. */
export function nodeBackend(version: string): Backend {
  const koffi = createRequire(import.meta.url)("koffi") as Koffi;
  return {
    runtime: "node",
    version,
    suffix: process.platform === "darwin" ? "dylib" : process.platform === "win32" ? "dll" : "so",
    open(path: string, table: SymbolTable) {
      const lib = koffi.load(path);
      const symbols: Record<string, (...a: never[]) => unknown> = {};
      for (const [name, sig] of Object.entries(table)) {
        const fn = lib.func(name, TYPES[sig.returns], sig.args.map((a) => TYPES[a]));
        symbols[name] =
          sig.returns === "u64" || sig.returns === "usize" ? (...a: never[]) => Number(fn(...a) as number | bigint) : fn;
      }
      return symbols;
    },
    handle(words: BigUint64Array, index: number): NativeHandle {
      return koffi.decode(words.subarray(index, index + 1), "void *") as NativeHandle;
    },
    view(address: bigint, byteLength: number): ArrayBuffer {
      if (byteLength === 0 || address === 0n) return new ArrayBuffer(0);
      const words = new BigUint64Array([address]);
      return koffi.view(koffi.decode(words, "void *"), byteLength);
    },
    address(handle: NativeHandle | null): bigint {
      if (handle === null) return 0n;
      return typeof handle === "bigint" ? handle : koffi.address(handle);
    },
    callback(fn: (token: number) => void): NativeHandle {
      // koffi queues calls from other threads to the event loop.
      const type = koffi.pointer(koffi.proto("void letui_notify(uint32_t token)"));
      return koffi.register(fn, type) as NativeHandle;
    },
  };
}
