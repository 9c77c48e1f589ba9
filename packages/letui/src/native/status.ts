/**
 * Status codes returned by the native library, mirroring `LetuiStatus` in
 * `crates/letui-ffi/include/letui.h`.
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
