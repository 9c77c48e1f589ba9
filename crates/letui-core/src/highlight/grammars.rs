//! The bundled grammars: the languages by name, each one's tree-sitter
//! grammar and highlights query (compiled once, shared), and how capture
//! names map to highlight classes.

use std::sync::OnceLock;

use tree_sitter::{Language, Query};

/// A highlight class: what a span of code is, for choosing its look.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Nothing special.
    Plain = 0,
    /// Keywords and storage modifiers.
    Keyword = 1,
    /// Strings and characters.
    String = 2,
    /// Numbers, booleans, constants, escapes.
    Constant = 3,
    /// Comments.
    Comment = 4,
    /// Functions, methods, constructors, macros.
    Function = 5,
    /// Types and modules.
    Type = 6,
    /// Built-in variables (`self`, `this`).
    Builtin = 7,
    /// Properties, fields, labels, keys.
    Property = 8,
    /// Operators and punctuation.
    Punctuation = 9,
    /// Tags (HTML, JSX).
    Tag = 10,
    /// Attributes.
    Attribute = 11,
    /// Headings (Markdown).
    Heading = 12,
    /// Links and URLs.
    Link = 13,
}

/// The languages highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// TypeScript.
    TypeScript,
    /// TypeScript with JSX.
    Tsx,
    /// JavaScript (with JSX).
    JavaScript,
    /// Rust.
    Rust,
    /// Python.
    Python,
    /// Go.
    Go,
    /// JSON.
    Json,
    /// Shell (bash).
    Bash,
    /// HTML.
    Html,
    /// CSS.
    Css,
    /// YAML.
    Yaml,
    /// Markdown (block structure).
    Markdown,
}

pub(super) const ALL: [Lang; 12] = [
    Lang::TypeScript,
    Lang::Tsx,
    Lang::JavaScript,
    Lang::Rust,
    Lang::Python,
    Lang::Go,
    Lang::Json,
    Lang::Bash,
    Lang::Html,
    Lang::Css,
    Lang::Yaml,
    Lang::Markdown,
];

/// The names accepted by [`Lang::from_name`], for error messages.
pub const LANG_NAMES: &str = "typescript (ts, mts, cts), tsx, javascript (js, jsx, mjs, cjs), rust (rs), python (py), go (golang), json (jsonc), bash (sh, shell, zsh, console), html (htm, xml), css, yaml (yml), markdown (md)";

impl Lang {
    /// The language for a name or file extension (case-insensitive), as in
    /// a Markdown fence: `ts`, `rust`, `py`, ...
    pub fn from_name(name: &str) -> Option<Lang> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "typescript" | "ts" | "mts" | "cts" => Lang::TypeScript,
            "tsx" => Lang::Tsx,
            "javascript" | "js" | "jsx" | "mjs" | "cjs" | "node" => Lang::JavaScript,
            "rust" | "rs" => Lang::Rust,
            "python" | "py" | "python3" => Lang::Python,
            "go" | "golang" => Lang::Go,
            "json" | "jsonc" => Lang::Json,
            "bash" | "sh" | "shell" | "zsh" | "console" | "shellscript" => Lang::Bash,
            "html" | "htm" | "xml" | "svg" => Lang::Html,
            "css" => Lang::Css,
            "yaml" | "yml" => Lang::Yaml,
            "markdown" | "md" => Lang::Markdown,
            _ => return None,
        })
    }

    fn index(self) -> usize {
        ALL.iter().position(|&l| l == self).unwrap_or(0)
    }

    pub(super) fn language(self) -> Language {
        match self {
            Lang::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Lang::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Lang::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Lang::Rust => tree_sitter_rust::LANGUAGE.into(),
            Lang::Python => tree_sitter_python::LANGUAGE.into(),
            Lang::Go => tree_sitter_go::LANGUAGE.into(),
            Lang::Json => tree_sitter_json::LANGUAGE.into(),
            Lang::Bash => tree_sitter_bash::LANGUAGE.into(),
            Lang::Html => tree_sitter_html::LANGUAGE.into(),
            Lang::Css => tree_sitter_css::LANGUAGE.into(),
            Lang::Yaml => tree_sitter_yaml::LANGUAGE.into(),
            Lang::Markdown => tree_sitter_md::LANGUAGE.into(),
        }
    }

    pub(super) fn query_source(self) -> String {
        match self {
            // The TypeScript queries extend JavaScript's; its own come first so they win.
            Lang::TypeScript => format!(
                "{}\n{}",
                tree_sitter_typescript::HIGHLIGHTS_QUERY,
                tree_sitter_javascript::HIGHLIGHT_QUERY
            ),
            Lang::Tsx => format!(
                "{}\n{}\n{}",
                tree_sitter_typescript::HIGHLIGHTS_QUERY,
                tree_sitter_javascript::JSX_HIGHLIGHT_QUERY,
                tree_sitter_javascript::HIGHLIGHT_QUERY
            ),
            Lang::JavaScript => format!(
                "{}\n{}",
                tree_sitter_javascript::JSX_HIGHLIGHT_QUERY,
                tree_sitter_javascript::HIGHLIGHT_QUERY
            ),
            Lang::Rust => tree_sitter_rust::HIGHLIGHTS_QUERY.to_owned(),
            Lang::Python => tree_sitter_python::HIGHLIGHTS_QUERY.to_owned(),
            Lang::Go => tree_sitter_go::HIGHLIGHTS_QUERY.to_owned(),
            Lang::Json => tree_sitter_json::HIGHLIGHTS_QUERY.to_owned(),
            Lang::Bash => tree_sitter_bash::HIGHLIGHT_QUERY.to_owned(),
            Lang::Html => tree_sitter_html::HIGHLIGHTS_QUERY.to_owned(),
            Lang::Css => tree_sitter_css::HIGHLIGHTS_QUERY.to_owned(),
            Lang::Yaml => tree_sitter_yaml::HIGHLIGHTS_QUERY.to_owned(),
            Lang::Markdown => tree_sitter_md::HIGHLIGHT_QUERY_BLOCK.to_owned(),
        }
    }
}

/// The class of a capture name.
pub fn class_of(capture: &str) -> Class {
    let mut parts = capture.split('.');
    let head = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    match head {
        "keyword" | "conditional" | "repeat" | "include" | "exception" | "storageclass"
        | "storage" => Class::Keyword,
        "string" | "character" => {
            if second == "special" && capture.contains("url") {
                Class::Link
            } else if second == "escape" {
                Class::Constant
            } else {
                Class::String
            }
        }
        "number" | "float" | "boolean" | "escape" => Class::Constant,
        "constant" if second == "builtin" => Class::Constant,
        "constant" => Class::Constant,
        "comment" => Class::Comment,
        "function" | "method" | "constructor" => Class::Function,
        "type" | "module" | "namespace" => Class::Type,
        "variable" if second == "builtin" => Class::Builtin,
        "property" | "field" | "label" => Class::Property,
        "operator" | "punctuation" | "delimiter" => Class::Punctuation,
        "tag" => Class::Tag,
        "attribute" => Class::Attribute,
        "text" | "markup" => match second {
            "title" | "heading" => Class::Heading,
            "literal" | "raw" => Class::String,
            "uri" | "link" | "reference" => Class::Link,
            "quote" => Class::Comment,
            _ => Class::Plain,
        },
        "embedded" => Class::Plain,
        _ => Class::Plain,
    }
}

/// A compiled query and the class of each of its captures.
pub(super) struct Compiled {
    pub(super) language: Language,
    pub(super) query: Query,
    pub(super) classes: Vec<Class>,
}

pub(super) fn compiled(lang: Lang) -> &'static Compiled {
    static CACHE: [OnceLock<Compiled>; 12] = [const { OnceLock::new() }; 12];
    CACHE[lang.index()].get_or_init(|| {
        let language = lang.language();
        // The bundled queries are tested to compile (see the tests below);
        // an empty query would only lose the colors, never the text.
        let query = Query::new(&language, &lang.query_source())
            .unwrap_or_else(|_| Query::new(&language, "").expect("the empty query compiles"));
        let classes = query.capture_names().iter().map(|n| class_of(n)).collect();
        Compiled {
            language,
            query,
            classes,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_query_compiles() {
        for lang in ALL {
            let language = lang.language();
            if let Err(e) = Query::new(&language, &lang.query_source()) {
                panic!("{lang:?}: {e}");
            }
        }
    }
}
