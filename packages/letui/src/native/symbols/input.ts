import { FFIType } from "bun:ffi";

const { i32, u32, u64, ptr } = FFIType;

/** Symbols of the input parser object (`letui_input_*`). */
export const inputSymbols = {
  letui_input_new: { args: [u32, ptr], returns: i32 },
  letui_input_free: { args: [ptr], returns: i32 },
  letui_input_view: { args: [ptr, ptr], returns: i32 },
  letui_input_feed: { args: [ptr, ptr, u64], returns: i32 },
  letui_input_flush: { args: [ptr], returns: i32 },
  letui_input_abort_paste: { args: [ptr], returns: i32 },
  letui_input_expect_cursor_position: { args: [ptr], returns: i32 },
} as const;
