//! Flexbox layout of a node tree, backed by taffy.
