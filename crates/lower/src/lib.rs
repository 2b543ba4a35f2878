//! Typed syntax tree → lowered IR ([`ir`]).
//!
//! This crate owns the desugaring the backend should not see: closure
//! capture and heap cells, order of evaluation, `switch`/`range` as loops
//! and branches, and the choice of strategy for each `defer`. It never
//! touches Cranelift and does no IO.
//!
//! Entry points: [`lower_program`] (AST + checker facts → [`ir::Program`]),
//! [`defer_report`] (`-gcflags=-d=defer` output), [`dump`] (the IR as text,
//! for tests and `deft run --dump-ir`), [`verify::verify`] (the IR
//! invariants).
//!
//! Code map:
//! * `plan` — replays gc 1.19's view of each function body to decide every
//!   defer's strategy, which defers `-d=defer` reports, and closure numbers
//!   (the heart of deft; read its module doc first);
//! * `program` — package level: functions, methods, globals, `init`, `main`;
//! * `func` — one function being lowered: locals, captures, scopes, labels;
//! * `stmt`, `assign`, `expr`, `call` — statements, assignments,
//!   expressions, calls/builtins/conversions/defers;
//! * `maps` — `make`, `delete`, comma-ok lookups, literals and `range` of maps;
//! * `rangefunc` — range over functions: the loop body as a yield closure;
//! * `lang` — the language version's questions (loop variables per iteration);
//! * `subst` — type arguments put in for type parameters (instances);
//! * `tys`, `consts` — types and constants;
//! * `facts` — the checker's facts as the function being lowered sees
//!   them, type arguments substituted (the one seam through which types
//!   are read);
//! * `visit`, `query` — reading the AST and the checker's facts;
//! * `walk` — reading the lowered IR (for codegen's analyses).
//!
//! Three error channels stay apart here: a Go feature deft cannot lower yet
//! is a user diagnostic (`deft does not support X yet`) at its position;
//! an inconsistency in the checker's facts or in lowering itself is an
//! internal compiler error (a Rust panic whose message is
//! `internal compiler error: file:line:col: ...`, see [`ice`]); nothing
//! else panics.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod assign;
mod call;
mod captures;
mod chans;
mod consts;
mod dump;
mod expr;
mod facts;
mod func;
pub mod ir;
mod lang;
mod maps;
mod order;
mod plan;
mod program;
mod promote;
mod query;
mod rangefunc;
mod reach;
mod reflectcall;
mod staticinit;
mod stmt;
mod subst;
mod tys;
pub mod verify;
mod visit;
pub mod walk;

pub use reach::RUNTIME_CALLED_METHODS;

use syntax::ast;
use syntax::{Diagnostics, Pos, SourceMap};

pub use dump::dump;

/// Options of [`lower_program`].
#[derive(Clone, Debug, Default)]
pub struct LowerOptions {
    /// `-gcflags=-N`: never open-code defers (every defer gets a record).
    pub disable_open_defers: bool,
    /// Compiling only, never linking or running (`go tool compile`, deft's
    /// `--check-only`): a function without a body is accepted, as its body
    /// could come from assembly; it becomes [`ir::Func::external`] with no
    /// runtime implementation (codegen makes it trap).
    pub compile_only: bool,
    /// Lower every function, reached or not (the `-d=defer` report covers
    /// every function of the packages it names); otherwise a library
    /// function is lowered only if the program can reach it
    /// ([`reach`]).
    pub lower_all: bool,
    /// Packages whose code comes from the package cache, by import path,
    /// each with whether its unit defines `P.init`: their declarations are
    /// lowered (functions get their signatures, variables and types
    /// exist), their initialisers are not, nor the bodies the checker
    /// skipped (`ast::FuncDecl::body_skipped`; those it checked, a
    /// library's inline bodies, are lowered for codegen's inliner);
    /// codegen links their units instead (issue 14).
    pub prebuilt: std::collections::HashMap<String, bool>,
    /// The linker's `-X importpath.name=value`: string variables whose
    /// initial value is given, by qualified name (`main.version`). A
    /// variable with an initializer that is not constant still runs it,
    /// overwriting the value, as in gc.
    pub link_strings: std::collections::HashMap<String, String>,
}

/// Lowers a type-checked package `main` to IR.
///
/// Precondition: the checker reported no errors for `files` and `info` is
/// its output. Returns `None` when lowering reported diagnostics (features
/// deft does not support yet). In debug builds the result is checked with
/// [`verify::verify`]; a violation is an internal compiler error.
pub fn lower_program(
    sources: &SourceMap,
    files: &[ast::File],
    info: &types::Info,
    opts: &LowerOptions,
    diags: &mut Diagnostics,
) -> Option<ir::Program> {
    let errors_before = diags.len();
    let program = program::lower(sources, files, info, opts, diags);
    if diags.len() > errors_before {
        return None;
    }
    let program = program?;
    if cfg!(debug_assertions)
        && let Err(msg) = verify::verify(&program)
    {
        ice(sources, Pos::NONE, &format!("lowered IR fails verification: {msg}"));
    }
    Some(program)
}

/// The `-gcflags=-d=defer` report: one line per defer site,
/// `file.go:L:C: open-coded defer` (or `stack-allocated defer`,
/// `heap-allocated defer`), in gc's order — by package in the order gc
/// compiles them, then by file (in the order the files were given), line
/// and column — each ending in a newline. `rank` gives the package rank of
/// a file whose defers are reported, `None` for a file whose package
/// `-gcflags` does not ask about.
///
/// The IR holds exactly the defers gc reports: defers in code gc removes as
/// dead or never reaches are not lowered at all, nor are the generic
/// functions no code instantiates.
pub fn defer_report(
    program: &ir::Program,
    sources: &SourceMap,
    rank: &dyn Fn(syntax::FileId) -> Option<usize>,
) -> String {
    let mut sites: Vec<(usize, &ir::DeferSite)> =
        program.funcs.iter().flat_map(|f| &f.defers).filter_map(|s| Some((rank(s.pos.file)?, s))).collect();
    sites.sort_by_key(|(rank, s)| (*rank, s.pos.file, s.pos.line, s.pos.col));
    // The instances of a generic function share their defer sites (gc
    // compiles and reports them once per shape, and prints a line once).
    sites.dedup_by_key(|(_, s)| s.pos);
    sites.iter().map(|(_, s)| format!("{}: {}\n", sources.render(s.pos), s.kind.describe())).collect()
}

/// Reports an internal compiler error — a bug in deft, never in the user's
/// program — and stops compilation by panicking with
/// `internal compiler error: POS: MSG`. The driver may catch the panic and
/// print the message like gc's own ICEs.
pub fn ice(sources: &SourceMap, pos: Pos, msg: &str) -> ! {
    panic!("internal compiler error: {}: {msg}", sources.render(pos))
}
