import type { SymbolTable } from "../types.ts";

/** Symbols of text measurement (`letui_text_*`), Markdown parsing (`letui_markdown_*`), diffs (`letui_diff`) and syntax highlighters (`letui_highlighter_*`). */
export const textSymbols = {
  letui_text_width: { args: ["buf", "usize"], returns: "i32" },
  letui_set_widths: { args: ["u32", "u32"], returns: "i32" },
  letui_widths: { args: [], returns: "i32" },
  letui_text_clusters: { args: ["buf", "usize", "buf", "usize"], returns: "i32" },
  letui_markdown_parse: { args: ["buf", "usize", "buf", "usize"], returns: "i32" },
  letui_diff: { args: ["buf", "usize", "buf", "usize", "u32", "buf", "usize"], returns: "i32" },
  letui_highlighter_new: { args: ["buf", "usize", "buf"], returns: "i32" },
  letui_highlighter_free: { args: ["ptr"], returns: "i32" },
  letui_highlighter_set: { args: ["ptr", "buf", "usize"], returns: "i32" },
  letui_highlighter_append: { args: ["ptr", "buf", "usize"], returns: "i32" },
  letui_highlighter_spans: { args: ["ptr", "u32", "u32", "buf", "usize"], returns: "i32" },
} as const satisfies SymbolTable;
