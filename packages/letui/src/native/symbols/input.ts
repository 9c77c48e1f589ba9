import type { SymbolTable } from "../types.ts";

/** Symbols of the input parser object (`letui_input_*`). */
export const inputSymbols = {
  letui_input_new: { args: ["u32", "buf"], returns: "i32" },
  letui_input_free: { args: ["ptr"], returns: "i32" },
  letui_input_view: { args: ["ptr", "buf"], returns: "i32" },
  letui_input_feed: { args: ["ptr", "buf", "usize"], returns: "i32" },
  letui_input_flush: { args: ["ptr"], returns: "i32" },
  letui_input_abort_paste: { args: ["ptr"], returns: "i32" },
  letui_input_expect_cursor_position: { args: ["ptr"], returns: "i32" },
} as const satisfies SymbolTable;
