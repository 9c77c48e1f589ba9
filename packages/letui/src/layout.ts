/**
 * Flexbox layout in terminal cells, computed natively: the
 * {@link LayoutTree} mirrors the component tree through incremental calls
 * and exposes results read from shared memory.
 */
export {
  type LayoutNode,
  LayoutTree,
  MAX_LAYOUT_DEPTH,
  type NodeLayout,
  type TextLine,
  type TextOptions,
  type WrapMode,
} from "./layout/tree.ts";
export {
  LAYOUT_STYLE_KEYS,
  type LayoutAlign,
  type LayoutJustify,
  type LayoutLength,
  type LayoutOverflow,
  type LayoutSpacing,
  type LayoutStyle,
} from "./layout/style.ts";
