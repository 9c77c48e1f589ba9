/** The Bun backend: `bun:ffi`. */
import { createRequire } from "node:module";
import type { Backend, NativeHandle, NativeType, SymbolTable } from "../types.ts";

/** The parts of `bun:ffi` this backend uses. */
interface BunFfi {
  JSCallback: new (fn: (token: number) => void, def: { args: string[]; returns: string; threadsafe: boolean }) => { ptr: number };
  dlopen(path: string, symbols: Record<string, { args: number[]; returns: number }>): { symbols: Record<string, (...a: never[]) => unknown> };
  toArrayBuffer(ptr: number, byteOffset: number, byteLength: number): ArrayBuffer;
  suffix: string;
  FFIType: Record<string, number>;
}

/** Creates the backend; call only on Bun. */
export function bunBackend(version: string): Backend {
  const ffi = createRequire(import.meta.url)("bun:ffi") as BunFfi;
  const T = ffi.FFIType;
  const types: Record<NativeType, number | undefined> = {
    i32: T.i32,
    u32: T.u32,
    u64: T.u64,
    // Results of size_t fit a number; u64_fast returns one instead of a BigInt.
    usize: T.u64_fast,
    ptr: T.ptr,
    buf: T.ptr,
    void: T.void,
  };
  const type = (t: NativeType): number => {
    const n = types[t];
    if (n === undefined) throw new Error(`bun:ffi has no type for ${t}`);
    return n;
  };
  return {
    runtime: "bun",
    version,
    suffix: ffi.suffix,
    open(path: string, table: SymbolTable) {
      const spec: Record<string, { args: number[]; returns: number }> = {};
      for (const [name, sig] of Object.entries(table)) {
        // size_t arguments are plain u64 (u64_fast is a result-only type).
        spec[name] = { args: sig.args.map((a) => (a === "usize" ? type("u64") : type(a))), returns: type(sig.returns) };
      }
      return ffi.dlopen(path, spec).symbols;
    },
    handle(words: BigUint64Array, index: number): NativeHandle {
      return Number(words[index] ?? 0n) as unknown as NativeHandle;
    },
    view(address: bigint, byteLength: number): ArrayBuffer {
      if (byteLength === 0 || address === 0n) return new ArrayBuffer(0);
      return ffi.toArrayBuffer(Number(address), 0, byteLength);
    },
    address(handle: NativeHandle | null): bigint {
      return handle === null ? 0n : BigInt(handle as unknown as number);
    },
    callback(fn: (token: number) => void): NativeHandle {
      // threadsafe: calls from the writer thread are queued to the event
      // loop instead of running on that thread.
      return new ffi.JSCallback(fn, { args: ["u32"], returns: "void", threadsafe: true }).ptr as unknown as NativeHandle;
    },
  };
}
