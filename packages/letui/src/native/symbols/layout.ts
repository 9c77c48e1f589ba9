import type { SymbolTable } from "../types.ts";

/** Symbols of the layout tree object (`letui_layout_*`). Node ids are `u64`. */
export const layoutSymbols = {
  letui_layout_new: { args: ["buf"], returns: "i32" },
  letui_layout_free: { args: ["ptr"], returns: "i32" },
  letui_layout_view: { args: ["ptr", "buf"], returns: "i32" },
  letui_layout_reserve_scratch: { args: ["ptr", "u64"], returns: "i32" },
  letui_layout_node_new: { args: ["ptr", "buf"], returns: "i32" },
  letui_layout_node_free: { args: ["ptr", "u64"], returns: "i32" },
  letui_layout_node_free_subtree: { args: ["ptr", "u64"], returns: "i32" },
  letui_layout_nodes_new: { args: ["ptr", "u32"], returns: "i32" },
  letui_layout_nodes_free: { args: ["ptr", "u32"], returns: "i32" },
  letui_layout_set_texts: { args: ["ptr", "u32", "u32", "u32"], returns: "i32" },
  letui_layout_set_style: { args: ["ptr", "u64"], returns: "i32" },
  letui_layout_append_child: { args: ["ptr", "u64", "u64"], returns: "i32" },
  letui_layout_insert_child: { args: ["ptr", "u64", "u64", "u32"], returns: "i32" },
  letui_layout_remove_child: { args: ["ptr", "u64", "u64"], returns: "i32" },
  letui_layout_set_children: { args: ["ptr", "u64", "u32"], returns: "i32" },
  letui_layout_set_text: { args: ["ptr", "u64", "u32", "u32", "u32"], returns: "i32" },
  letui_layout_clear_text: { args: ["ptr", "u64"], returns: "i32" },
  letui_layout_mark_dirty: { args: ["ptr", "u64"], returns: "i32" },
  letui_layout_compute: { args: ["ptr", "u64", "u32", "u32"], returns: "i32" },
  letui_layout_text_lines: { args: ["ptr", "u64"], returns: "i32" },
} as const satisfies SymbolTable;
