//! Go source → syntax tree: lexer, parser, positions and the diagnostics type.
//!
//! This crate owns everything about Go's concrete syntax. It knows nothing of
//! types, of the file system (callers hand it text) or of code generation.
//! Malformed input yields gc-style `syntax error: ...` diagnostics and a
//! partial tree; the parser never panics, whatever the bytes.
//!
//! Entry point: [`parser::parse_file`]. Map of the crate:
//!
//! ```text
//! text ─lexer─▶ tokens ─parser─▶ ast::File      errors ─▶ diag::Diagnostics
//! ```
//! * [`pos`], [`diag`]: positions and the diagnostics every stage reports into.
//! * [`token`], [`lexer`]: the Go tokens; semicolon insertion; gc's lexical errors.
//! * [`parser`]: recursive descent over the full Go 1.19 grammar; gc's syntax errors.
//! * [`ast`]: the tree, with the position conventions later stages rely on.
//! * [`literal`]: values of string and rune literals.
//! * [`printer`]: expressions back to text, as gc quotes them in messages.
//! * [`renumber`]: fresh node ids for copied subtrees (implicit constant specs).
//! * [`api`]: a file's API text, what its package's importers compile against.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod api;
pub mod ast;
pub mod diag;
pub mod lexer;
pub mod literal;
pub mod parser;
pub mod pos;
pub mod printer;
pub mod renumber;
pub mod token;

pub use diag::{Diagnostic, Diagnostics};
pub use pos::{FileId, Pos, SourceMap};
