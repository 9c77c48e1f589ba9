/**
 * The runtime-neutral vocabulary of the native seam: how C signatures are
 * described, what a handle is, and what each runtime's backend provides.
 */

/**
 * Argument and result types of native functions:
 * - `i32`, `u32`, `u64`, `usize`: integers, passed as numbers;
 * - `ptr`: a pointer the library handed out (a {@link NativeHandle});
 * - `buf`: a pointer to JavaScript memory (a typed array), for out-params;
 * - `void`: no result.
 */
export type NativeType = "i32" | "u32" | "u64" | "usize" | "ptr" | "buf" | "void";

/** A C signature in {@link NativeType} terms. */
export interface Signature {
  /** Argument types, in order. */
  readonly args: readonly NativeType[];
  /** Result type. */
  readonly returns: NativeType;
}

/** A table of C functions by symbol name. */
export type SymbolTable = Readonly<Record<string, Signature>>;

declare const handleBrand: unique symbol;

/**
 * A pointer to a native object, in whatever form the runtime's FFI passes
 * fastest (a number on Bun, a pointer object on Deno, a BigInt on Node).
 * Opaque outside `native/`.
 */
export type NativeHandle = { readonly [handleBrand]: true };

type ArgOf<T extends NativeType> = T extends "ptr" ? NativeHandle | null : T extends "buf" ? ArrayBufferView : number;

/** The JavaScript argument types of a list of {@link NativeType}s. */
type ArgsOf<A extends readonly NativeType[]> = { -readonly [K in keyof A]: A[K] extends NativeType ? ArgOf<A[K]> : never };

/** The JavaScript function type of a {@link Signature}. */
export type NativeFunction<S extends Signature> = (...args: ArgsOf<S["args"]>) => S["returns"] extends "void" ? void : number;

/** The functions of a loaded table. */
export type NativeFunctions<T extends SymbolTable> = { readonly [K in keyof T]: NativeFunction<T[K]> };

/** What each runtime provides to the seam: opening the library, handles, and views of native memory. */
export interface Backend {
  /** The runtime's name. */
  readonly runtime: "bun" | "node" | "deno";
  /** The runtime's version. */
  readonly version: string;
  /** Shared library file suffix of this platform: `so`, `dylib` or `dll`. */
  readonly suffix: string;
  /** Opens the library and binds every symbol of `table`; throws with the runtime's message. */
  open(path: string, table: SymbolTable): Record<string, (...args: never[]) => unknown>;
  /** The handle stored as a pointer-sized word at `index` of `words` (an out-parameter). */
  handle(words: BigUint64Array, index: number): NativeHandle;
  /** An `ArrayBuffer` over `byteLength` bytes of native memory at `address`, without a copy. */
  view(address: bigint, byteLength: number): ArrayBuffer;
  /** The address of a handle, for messages and traces. */
  address(handle: NativeHandle | null): bigint;
  /**
   * A C function pointer `void (*)(uint32_t)` that may be called from any
   * native thread: each call runs `fn` later on the event loop, and it
   * does not keep the process alive. It is never freed (native code may
   * hold it for as long as the process runs).
   */
  callback(fn: (token: number) => void): NativeHandle;
}
