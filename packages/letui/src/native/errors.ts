import { type StatusName, statusName } from "./status.ts";

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
  return new LetuiError(-3, message, "InvalidArgument");
}
