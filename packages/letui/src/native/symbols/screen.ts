import type { SymbolTable } from "../types.ts";

/** Symbols of the screen object (`letui_screen_*`) and the library basics. */
export const screenSymbols = {
  letui_version: { args: [], returns: "u32" },
  letui_last_error: { args: ["buf", "usize"], returns: "usize" },
  letui_debug_panic: { args: [], returns: "i32" },
  letui_screen_new: { args: ["u32", "u32", "i32", "i32", "buf"], returns: "i32" },
  letui_screen_free: { args: ["ptr"], returns: "i32" },
  letui_screen_view: { args: ["ptr", "buf"], returns: "i32" },
  letui_screen_resize: { args: ["ptr", "u32", "u32"], returns: "i32" },
  letui_screen_reserve_scratch: { args: ["ptr", "u64"], returns: "i32" },
  letui_screen_draw_text: { args: ["ptr", "i32", "i32", "u32", "u32", "u32", "u32"], returns: "i32" },
  letui_screen_draw_text_ptr: { args: ["ptr", "i32", "i32", "buf", "usize", "u32", "u32", "u32"], returns: "i32" },
  letui_screen_fill: { args: ["ptr", "i32", "i32", "u32", "u32", "u32", "u32", "u32", "u32"], returns: "i32" },
  letui_screen_clear: { args: ["ptr"], returns: "i32" },
  letui_screen_set_clip: { args: ["ptr", "i32", "i32", "i32", "i32"], returns: "i32" },
  letui_screen_link: { args: ["ptr", "u32"], returns: "i32" },
  letui_screen_render: { args: ["ptr"], returns: "i32" },
  letui_screen_force_redraw: { args: ["ptr"], returns: "i32" },
  letui_screen_set_cursor: { args: ["ptr", "i32", "i32", "u32"], returns: "i32" },
  letui_screen_set_color_mode: { args: ["ptr", "i32"], returns: "i32" },
  letui_screen_set_capabilities: { args: ["ptr", "u32"], returns: "i32" },
  letui_screen_set_inline: { args: ["ptr", "u32", "u32"], returns: "i32" },
  letui_screen_output: { args: ["ptr", "buf", "buf"], returns: "i32" },
  letui_screen_consume_output: { args: ["ptr", "u64"], returns: "i32" },
  letui_screen_row_text: { args: ["ptr", "u32"], returns: "i32" },
  letui_screen_cell_text: { args: ["ptr", "u32", "u32"], returns: "i32" },
} as const satisfies SymbolTable;
