import type { SymbolTable } from "../types.ts";

/** Symbols of the terminal session object (`letui_terminal_*`). */
export const terminalSymbols = {
  letui_terminal_new: { args: ["i32", "i32", "buf"], returns: "i32" },
  letui_terminal_free: { args: ["ptr"], returns: "i32" },
  letui_terminal_is_tty: { args: ["ptr"], returns: "i32" },
  letui_terminal_enter: { args: ["ptr", "u32"], returns: "i32" },
  letui_terminal_leave: { args: ["ptr"], returns: "i32" },
  letui_terminal_is_active: { args: ["ptr"], returns: "i32" },
  letui_terminal_push_keyboard: { args: ["ptr", "u32"], returns: "i32" },
  letui_terminal_modify_other_keys: { args: ["ptr", "u32"], returns: "i32" },
  letui_terminal_grapheme_clusters: { args: ["ptr"], returns: "i32" },
  letui_terminal_write: { args: ["ptr", "buf", "usize"], returns: "i32" },
  letui_terminal_drain_input: { args: ["ptr", "u32", "u32"], returns: "i32" },
  letui_terminal_size: { args: ["ptr", "buf"], returns: "i32" },
  letui_terminal_reset: { args: ["i32", "i32"], returns: "i32" },
} as const satisfies SymbolTable;
