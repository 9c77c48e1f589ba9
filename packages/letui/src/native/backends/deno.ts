/** The Deno backend: `Deno.dlopen`. */
import type { Backend, NativeHandle, NativeType, SymbolTable } from "../types.ts";

/** The parts of Deno's FFI this backend uses. */
interface DenoFfi {
  dlopen(path: string, symbols: Record<string, { parameters: string[]; result: string }>): {
    symbols: Record<string, (...a: never[]) => unknown>;
  };
  UnsafePointer: { create(value: bigint): unknown; value(p: unknown): bigint | number };
  UnsafePointerView: { getArrayBuffer(p: unknown, byteLength: number, offset?: number): ArrayBuffer };
  build: { os: string };
  UnsafeCallback: {
    threadSafe(def: { parameters: string[]; result: string }, fn: (token: number) => void): { pointer: unknown; unref(): number };
  };
}

const TYPES: Record<NativeType, string> = {
  i32: "i32",
  u32: "u32",
  u64: "u64",
  usize: "usize",
  // Pointer objects are Deno's fast path for handles.
  ptr: "pointer",
  buf: "buffer",
  void: "void",
};

/** Creates the backend; call only on Deno. */
export function denoBackend(deno: unknown, version: string): Backend {
  const D = deno as DenoFfi;
  const os = D.build.os;
  return {
    runtime: "deno",
    version,
    suffix: os === "darwin" ? "dylib" : os === "windows" ? "dll" : "so",
    open(path: string, table: SymbolTable) {
      const spec: Record<string, { parameters: string[]; result: string }> = {};
      for (const [name, sig] of Object.entries(table)) {
        spec[name] = { parameters: sig.args.map((a) => TYPES[a]), result: TYPES[sig.returns] };
      }
      const symbols = D.dlopen(path, spec).symbols;
      // u64/usize results come back as BigInt when large; the seam's
      // results are numbers.
      for (const [name, sig] of Object.entries(table)) {
        if (sig.returns === "u64" || sig.returns === "usize") {
          const raw = symbols[name] as (...a: never[]) => number | bigint;
          symbols[name] = (...a: never[]) => Number(raw(...a));
        }
      }
      return symbols;
    },
    handle(words: BigUint64Array, index: number): NativeHandle {
      return D.UnsafePointer.create(words[index] ?? 0n) as NativeHandle;
    },
    view(address: bigint, byteLength: number): ArrayBuffer {
      if (byteLength === 0 || address === 0n) return new ArrayBuffer(0);
      return D.UnsafePointerView.getArrayBuffer(D.UnsafePointer.create(address), byteLength);
    },
    address(handle: NativeHandle | null): bigint {
      return handle === null ? 0n : BigInt(D.UnsafePointer.value(handle));
    },
    callback(fn: (token: number) => void): NativeHandle {
      const cb = D.UnsafeCallback.threadSafe({ parameters: ["u32"], result: "void" }, fn);
      // Woken from foreign threads, but not keeping the process alive.
      cb.unref();
      return cb.pointer as NativeHandle;
    },
  };
}
