/**
 * The error type of the whole library, and the status codes of the
 * native library it carries. A leaf module: every layer may import it.
 */

/**
 * Status codes returned by the native library (`LetuiStatus` in
 * `crates/letui-ffi/include/letui.h`; `native/abi.test.ts` checks them).
 */
export const Status = {
  Ok: 0,
  NullHandle: -1,
  InvalidHandle: -2,
  InvalidArgument: -3,
  InvalidUtf8: -4,
  Io: -5,
  Panic: -6,
  Poisoned: -7,
  Unsupported: -8,
} as const;

/** The name of a status code. */
export type StatusName = keyof typeof Status;

const names = new Map<number, StatusName>(
  (Object.entries(Status) as [StatusName, number][]).map(([name, code]) => [code, name]),
);

/** The name of a numeric status, or `"Unknown"`. */
export function statusName(code: number): StatusName | "Unknown" {
  return names.get(code) ?? "Unknown";
}

/**
 * An error reported by letui: a failed native call (with the native status
 * code and message), or misuse caught on the TypeScript side (a disposed
 * object, an invalid argument).
 */
export class LetuiError extends Error {
  /** The native status code (negative), or 0 for errors raised in TypeScript. */
  readonly code: number;
  /** The status name, e.g. `"InvalidArgument"`. */
  readonly status: StatusName | "Unknown" | "Disposed";

  constructor(code: number, message: string, status?: StatusName | "Unknown" | "Disposed") {
    super(message);
    this.name = "LetuiError";
    this.code = code;
    this.status = status ?? statusName(code);
  }
}

/** The error thrown when an object is used after `dispose()`. */
export function disposedError(what: string): LetuiError {
  return new LetuiError(0, `${what} was disposed and cannot be used any more`, "Disposed");
}

/** An invalid-argument error raised before any native call. */
export function argumentError(message: string): LetuiError {
  return new LetuiError(Status.InvalidArgument, message, "InvalidArgument");
}
