//! Load errors as the go command prints them.
//!
//! An error about an import is shown at the import's position
//! (`main.go:6:2: no required module provides package …`), except for the
//! kinds the go command always shows with the chain of imports that led
//! to it: a use of an internal package, a package whose files build
//! constraints all exclude, and an import cycle (whose chain names the
//! file of each import).

use syntax::{Pos, SourceMap};

/// What is wrong with one import.
pub enum ImportError {
    /// Shown at the import's position.
    Plain(String),
    /// The imported package's files are all excluded: shown after the
    /// chain of imports, ending with the imported package.
    Excluded(String),
    /// A use of this internal package by a package outside its tree.
    Internal(String),
}

/// A load error, ready to print.
pub struct PackageError {
    text: String,
}

impl ImportError {
    /// The error of import `import` at `pos` in the last package of
    /// `stack` (the chain of importers from the root; `stack[i].1` is the
    /// file of package `i` holding its import of package `i + 1`).
    pub fn at(self, import: &str, pos: Pos, sources: &SourceMap, stack: &[(String, Option<String>)]) -> PackageError {
        let shown_pos = || {
            let name = sources.file(pos.file).name.trim_start_matches("./");
            format!("{name}:{}:{}", pos.line, pos.col)
        };
        let chain = || stack.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>().join("\n\timports ");
        let text = match self {
            ImportError::Plain(msg) => format!("{}: {msg}", shown_pos()),
            ImportError::Excluded(msg) => format!("package {}\n\timports {import}: {msg}", chain()),
            ImportError::Internal(path) => {
                format!("package {}\n\t{}: use of internal package {path} not allowed", chain(), shown_pos())
            }
        };
        PackageError { text }
    }
}

impl PackageError {
    /// The cycle closed by the last package of `stack` importing `import`
    /// (a package on the stack).
    pub fn cycle(stack: &[(String, Option<String>)], import: &str) -> PackageError {
        let mut text = format!("package {}", stack[0].0);
        for pair in stack.windows(2) {
            text.push_str(&format!("\n\timports {}{}", pair[1].0, from(&pair[0].1)));
        }
        let last = &stack[stack.len() - 1];
        text.push_str(&format!("\n\timports {import}{}: import cycle not allowed", from(&last.1)));
        PackageError { text }
    }

    /// The text, without a final newline.
    pub fn render(&self) -> String {
        self.text.clone()
    }
}

/// ` from FILE` when the importing file is known.
fn from(file: &Option<String>) -> String {
    file.as_ref().map(|f| format!(" from {f}")).unwrap_or_default()
}
