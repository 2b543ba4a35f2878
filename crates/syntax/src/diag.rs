//! User diagnostics: values with positions, collected, rendered in one place.
//!
//! Every stage reports problems in the user's program as [`Diagnostic`]s in a
//! [`Diagnostics`] sink. They are rendered only by [`Diagnostics::render`], in
//! gc's form `file.go:L:C: message`, sorted by position, at most ten, then
//! `too many errors` — the way `go build` prints them. Compiler bugs are not
//! diagnostics: they are internal compiler errors raised with `ice!`.

use crate::pos::{Pos, SourceMap};

/// One problem in the user's program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub pos: Pos,
    /// The message, worded as gc 1.19 words it (no trailing newline).
    pub msg: String,
}

/// Collects diagnostics of one compilation.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

/// gc stops after this many errors and prints `too many errors`.
pub const MAX_ERRORS: usize = 10;

impl Diagnostics {
    /// Records an error at `pos`.
    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.list.push(Diagnostic { pos, msg: msg.into() });
    }

    /// Whether any error was reported.
    pub fn has_errors(&self) -> bool {
        !self.list.is_empty()
    }

    /// Number of errors reported.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether no error was reported.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The errors in the order they were reported.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter()
    }

    /// Renders the errors as gc does: sorted by position, one per line, the
    /// same line and message only once, at most [`MAX_ERRORS`] then
    /// `too many errors`.
    pub fn render(&self, sources: &SourceMap) -> String {
        let mut sorted: Vec<&Diagnostic> = self.list.iter().collect();
        sorted.sort_by_key(|d| (d.pos.file, d.pos.line, d.pos.col));
        sorted.dedup_by(|a, b| a.pos.line == b.pos.line && a.pos.file == b.pos.file && a.msg == b.msg);
        let mut out = String::new();
        for (i, d) in sorted.iter().enumerate() {
            if i == MAX_ERRORS {
                out.push_str("too many errors\n");
                break;
            }
            out.push_str(&sources.render(d.pos));
            out.push_str(": ");
            out.push_str(&d.msg);
            out.push('\n');
        }
        out
    }
}
