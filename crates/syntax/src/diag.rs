//! User diagnostics: values with positions, collected, rendered in one place.
//!
//! Every stage reports problems in the user's program as [`Diagnostic`]s in a
//! [`Diagnostics`] sink. They are rendered only by [`Diagnostics::render`], in
//! gc's form `file.go:L:C: message`, filtered, capped at ten and sorted
//! exactly as gc does it, then `file.go:L:C: too many errors` — the
//! way `go build` prints them. Compiler bugs are not
//! diagnostics: they are internal compiler errors (`lower::ice`), reported
//! with the position as `internal compiler error: file:L:C: ...`.

use crate::pos::{Pos, SourceMap};

/// One problem in the user's program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub pos: Pos,
    /// The message, worded as gc 1.27 words it (no trailing newline).
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

    /// Whether an error that stops gc before type checking was reported:
    /// gc goes on to type-check after lexical errors such as `invalid
    /// character U+0040 '@'` or `newline in string` (their messages lack
    /// the `syntax error:` prefix) but not after a `syntax error: ...`.
    pub fn has_syntax_errors(&self) -> bool {
        self.list.iter().any(|d| d.msg.starts_with("syntax error"))
    }

    /// Renders the errors as gc does (`file:line:col: msg` per line).
    ///
    /// gc filters errors as they are reported: of the `syntax error: ...`
    /// messages only the first on each line is kept, of the others a
    /// message equal to the previous one on the same line is dropped. It
    /// stops at the [`MAX_ERRORS`]th kept error. The kept errors are then
    /// printed sorted by position (exact duplicates once), followed, if
    /// the limit was reached, by `file:line:col: too many errors` at the
    /// position of the error that reached it.
    pub fn render(&self, sources: &SourceMap) -> String {
        self.render_limited(sources, Some(MAX_ERRORS))
    }

    /// Renders like [`Diagnostics::render`], stopping after `limit` kept
    /// errors, or never (gc's `-e` flag) when `limit` is `None`.
    pub fn render_limited(&self, sources: &SourceMap, limit: Option<usize>) -> String {
        let mut kept: Vec<&Diagnostic> = Vec::new();
        let mut last_syntax: Option<&Diagnostic> = None;
        let mut last_other: Option<&Diagnostic> = None;
        let same_line = |a: Option<&Diagnostic>, b: &Diagnostic| {
            a.is_some_and(|a| a.pos.file == b.pos.file && a.pos.line == b.pos.line)
        };
        let mut limit_at = None;
        for d in &self.list {
            if d.msg.starts_with("syntax error") {
                if same_line(last_syntax, d) {
                    continue;
                }
                last_syntax = Some(d);
            } else {
                if same_line(last_other, d) && last_other.is_some_and(|o| o.msg == d.msg) {
                    continue;
                }
                last_other = Some(d);
            }
            kept.push(d);
            if Some(kept.len()) == limit {
                limit_at = Some(d.pos);
                break;
            }
        }
        kept.sort_by_key(|d| (d.pos.file, d.pos.line, d.pos.col));
        kept.dedup_by(|a, b| a.pos == b.pos && a.msg == b.msg);
        let mut out = String::new();
        for d in kept {
            // A diagnostic without a position (a link-time error in gc) is its message alone.
            if d.pos.is_known() {
                out.push_str(&sources.render(d.pos));
                out.push_str(": ");
            }
            out.push_str(&d.msg);
            out.push('\n');
        }
        if let Some(pos) = limit_at {
            out.push_str(&sources.render(pos));
            out.push_str(": too many errors\n");
        }
        out
    }
}
