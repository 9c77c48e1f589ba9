import { FFIType } from "bun:ffi";

const { i32, u64, ptr } = FFIType;

/** Symbols of text measurement (`letui_text_*`). */
export const textSymbols = {
  letui_text_width: { args: [ptr, u64], returns: i32 },
  letui_text_clusters: { args: [ptr, u64, ptr, u64], returns: i32 },
} as const;
