//! Go source → syntax tree: lexer, parser, positions and the diagnostics type.
//!
//! This crate owns everything about Go's concrete syntax. It knows nothing of
//! types, of the file system (callers hand it text) or of code generation.
//! Malformed input yields gc-style `syntax error: ...` diagnostics and a
//! partial tree; the parser never panics, whatever the bytes.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod ast;
pub mod diag;
pub mod pos;

pub use diag::{Diagnostic, Diagnostics};
pub use pos::{FileId, Pos, SourceMap};
