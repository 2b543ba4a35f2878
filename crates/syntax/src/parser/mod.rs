//! The parser: tokens → [`ast::File`], with gc's syntax errors.
//!
//! A hand-written recursive-descent parser of the complete Go 1.19 grammar
//! (generics included) with one token of lookahead. It is organised like
//! the grammar: this module holds the parser state, error reporting,
//! recovery and the top-level declarations; `types` parses type
//! expressions, parameter lists and their ambiguities; `expr` expressions
//! and composite literals; `stmt` statements and control-clause headers.
//!
//! Behaviour that matches gc 1.27 on purpose (checked against `go tool
//! compile` output, see `tests/syntax_errors.txt`):
//! * Error wording: `syntax error: unexpected X, expected Y`,
//!   `unexpected X in composite literal; possibly missing comma or }`, ...;
//!   the current token is described as gc does (`name x`, `keyword else`,
//!   `literal 42`, `newline`/`EOF`/`semicolon`, `comma`, ...).
//! * Recovery: after an error the parser skips tokens to the same
//!   synchronisation points as gc (`advance` with a follow set plus, inside
//!   function bodies, the statement keywords), so the *later* errors of a
//!   file are found where gc finds them too. Errors at the end of the file
//!   after an earlier error are suppressed (gc: "meaningless follow-up").
//! * Composite literals `T{` are not recognised at expression level in
//!   `if`/`for`/`switch` headers unless inside parentheses (gc's `xnest`).
//! * `//go:` directives: those gc knows (`go:noinline`, `go:notinheap`,
//!   `go:build`, ...) written where they do not apply are reported as
//!   `misplaced compiler directive`, in gc's order (while parsing for
//!   directives nothing takes, at the end of the file for the others).
//! * A few checks gc makes after parsing (in its type checker) but that the
//!   AST cannot represent are made here with gc's wording and no `syntax
//!   error:` prefix: `non-name x.y on left side of :=`, `X is not a type` (a type
//!   switch case or composite literal type that is not a type). As gc's
//!   type checker does not run after a syntax error, they are reported
//!   only for a file without one. `expression in defer must not be
//!   parenthesized`, `can only use ... with final parameter` and `invalid
//!   use of ...` are gc's parser's own.
//!
//! Invariants:
//! * The parser never panics and always terminates: every loop consumes a
//!   token or stops at EOF, and nesting deeper than [`MAX_DEPTH`] levels or
//!   [`STACK_BUDGET`] bytes of stack (nested expressions, types, statements
//!   or literals) is reported as `syntax error: too deeply nested` (gc has
//!   no limit; we must not overflow the stack), after which the rest of
//!   the file is skipped. So the tree is at most about [`MAX_DEPTH`] deep.
//! * Every node gets a fresh [`NodeId`] from the shared counter.
//! * Positions follow the conventions documented on [`ast::Expr::pos`] and
//!   [`ast::Stmt::pos`].

mod expr;
mod stmt;
mod types;

use std::mem::discriminant;

use crate::ast::{
    self, ConstSpec, Decl, Expr, ExprKind, File, FuncDecl, Ident, ImportSpec, NodeId, NodeIds, Type, TypeKind,
    TypeSpec, VarSpec,
};
use crate::diag::Diagnostics;
use crate::lexer::Lexer;
use crate::literal;
use crate::pos::{FileId, Pos, SourceMap};
use crate::renumber;
use crate::token::Tok;

/// Deepest nesting of expressions, types, statements and composite
/// literals the parser accepts (each binary operator, postfix operation and
/// `else if` counts as a level, so this bounds the depth of the tree).
/// Real programs stay far below: the deepest file of Go's test suite
/// nests 261 levels (a chain of `else if`), the standard library 52.
pub const MAX_DEPTH: u32 = 1000;

/// Stack the recursive descent may use, in bytes. Frame sizes depend on
/// the build profile, so besides [`MAX_DEPTH`] the parser measures how far
/// the stack has grown since it started and stops at this much, which
/// keeps it inside a 2 MiB test thread whatever the profile.
pub const STACK_BUDGET: usize = 1 << 20;

/// Parses one source file of `sources`. Errors go to `diags` (in gc's
/// words); the returned tree holds whatever could be parsed, with `Bad`
/// nodes where the source was malformed. Node ids come from `ids`, shared
/// by all files of a package.
pub fn parse_file(sources: &SourceMap, file: FileId, ids: &mut NodeIds, diags: &mut Diagnostics) -> File {
    parse(sources, file, ids, diags, Mode { std: false, decls_only: false })
}

/// Parses a file of the standard library (deft's or Go's own) as
/// [`parse_file`] does, allowing the directives gc allows only there.
pub fn parse_std_file(sources: &SourceMap, file: FileId, ids: &mut NodeIds, diags: &mut Diagnostics) -> File {
    parse(sources, file, ids, diags, Mode { std: true, decls_only: false })
}

/// Parses a file for its declarations only: the body of every function
/// that is not generic (no type parameters, no receiver of a generic type)
/// is skipped — its tokens are read only to find the closing brace — and
/// marked [`ast::FuncDecl::body_skipped`]. Generic bodies are parsed,
/// because importers compile their instances. This is what a package's
/// importers need of it (see [`crate::api`]), at a fraction of a full
/// parse's cost; `std` as for [`parse_std_file`]. A file that
/// [`parse_file`] accepts gives the same declarations, positions and node
/// ids aside; errors inside skipped bodies go unreported.
pub fn parse_decls(sources: &SourceMap, file: FileId, ids: &mut NodeIds, diags: &mut Diagnostics, std: bool) -> File {
    parse(sources, file, ids, diags, Mode { std, decls_only: true })
}

/// How a file is parsed.
#[derive(Clone, Copy)]
struct Mode {
    /// A file of the standard library (see [`Lexer::std`]).
    std: bool,
    /// Non-generic function bodies are skipped (see [`parse_decls`]).
    decls_only: bool,
}

fn parse(sources: &SourceMap, file: FileId, ids: &mut NodeIds, diags: &mut Diagnostics, mode: Mode) -> File {
    let text = sources.file(file).text.as_str();
    let mut p = Parser::new(text, file, ids, diags, mode.std);
    p.decls_only = mode.decls_only;
    let mut tree = p.file();
    p.report_deferred_directives();
    p.report_checker_errors();
    tree.linknames = std::mem::take(&mut p.lx.linknames);
    tree
}

/// Whether `f` is generic (type parameters of its own, or a receiver of a
/// generic type): a declarations-only parse keeps its body, which
/// importers compile per instance.
pub fn is_generic(f: &ast::FuncDecl) -> bool {
    !f.type_params.is_empty() || f.recv.as_ref().is_some_and(generic_receiver)
}

/// Whether a method's receiver is of a generic type (`l *List[T]`), whose
/// methods are compiled per instance by importers.
fn generic_receiver(recv: &ast::Field) -> bool {
    let mut t = &recv.ty;
    loop {
        match &t.kind {
            TypeKind::Paren(inner) | TypeKind::Pointer(inner) => t = inner,
            TypeKind::Instance { .. } => return true,
            _ => return false,
        }
    }
}

/// Statement keywords where recovery stops inside function bodies.
const STOP_SET: [Tok; 14] = [
    Tok::Break,
    Tok::Const,
    Tok::Continue,
    Tok::Defer,
    Tok::Fallthrough,
    Tok::For,
    Tok::Go,
    Tok::Goto,
    Tok::If,
    Tok::Return,
    Tok::Select,
    Tok::Switch,
    Tok::Type,
    Tok::Var,
];

/// Top-level declaration keywords, where recovery stops at file level.
const DECL_KEYWORDS: [Tok; 5] = [Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func];

/// What a `//go:` directive is attached to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PragmaPlace {
    /// The package clause (only `//go:build` belongs there).
    Package,
    /// A function declaration.
    Func,
    /// A type declaration that is not an alias.
    Type,
    /// Anything else: other declarations, statements, nothing at all.
    Other,
}

/// Whether gc reports the directive comment `text` (`//go:noinline`) as
/// misplaced at `place`. Only the directives gc gives a meaning to are
/// checked; unknown ones and `go:linkname`/`go:embed` (handled apart) never are.
fn pragma_misplaced(text: &str, place: PragmaPlace) -> bool {
    let verb = text.trim_start_matches("//").split_whitespace().next().unwrap_or("");
    const FUNC: &[&str] = &[
        "go:noescape",
        "go:norace",
        "go:nosplit",
        "go:noinline",
        "go:nocheckptr",
        "go:systemstack",
        "go:nowritebarrier",
        "go:nowritebarrierrec",
        "go:yeswritebarrierrec",
        "go:cgo_unsafe_args",
        "go:uintptrkeepalive",
        "go:uintptrescapes",
        "go:registerparams",
    ];
    let allowed = match verb {
        "go:build" => place == PragmaPlace::Package,
        "go:notinheap" => place == PragmaPlace::Type,
        v if FUNC.contains(&v) => place == PragmaPlace::Func,
        _ => true,
    };
    !allowed
}

/// Parser state for one file.
pub(crate) struct Parser<'a> {
    lx: Lexer<'a>,
    ids: &'a mut NodeIds,
    /// Number of diagnostics before this file was parsed.
    errors_before: usize,
    /// Function nesting (recovery uses the statement keywords inside bodies).
    fnest: u32,
    /// Expression nesting: negative inside control clause headers, where
    /// `T{` does not start a composite literal.
    xnest: i32,
    /// Current recursion depth (see [`MAX_DEPTH`]).
    depth: u32,
    /// Address of a local of the parser's entry (see [`STACK_BUDGET`]).
    stack_base: usize,
    /// Misplaced directives attached to declarations, reported at the end
    /// (whether in a function body, position).
    deferred_directives: Vec<(bool, Pos)>,
    /// Errors gc's type checker reports, found while parsing (see
    /// [`Parser::checker_error`]).
    checker_errors: Vec<(Pos, String)>,
    /// Skip the bodies of non-generic functions (see [`parse_decls`]).
    decls_only: bool,
}

/// An address in the current stack frame.
#[inline(always)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

impl<'a> Parser<'a> {
    /// A parser at the start of `text`; `std`: a file of the standard
    /// library (see [`Lexer::std`]).
    pub(crate) fn new(
        text: &'a str,
        file: FileId,
        ids: &'a mut NodeIds,
        diags: &'a mut Diagnostics,
        std: bool,
    ) -> Parser<'a> {
        let errors_before = diags.len();
        let mut lx = Lexer::new(text, file, diags);
        lx.std = std;
        lx.next();
        Parser {
            lx,
            ids,
            errors_before,
            fnest: 0,
            xnest: 0,
            depth: 0,
            stack_base: stack_address(),
            deferred_directives: Vec::new(),
            checker_errors: Vec::new(),
            decls_only: false,
        }
    }

    // ---- tokens ----

    fn tok(&self) -> Tok {
        self.lx.tok
    }

    fn pos(&self) -> Pos {
        self.lx.pos
    }

    fn next(&mut self) {
        self.lx.next();
    }

    /// Whether the current token is `t`.
    fn at(&self, t: Tok) -> bool {
        self.lx.tok == t
    }

    /// Consumes `t` if it is the current token.
    fn got(&mut self, t: Tok) -> bool {
        if self.at(t) {
            self.next();
            return true;
        }
        false
    }

    /// Consumes `t` or reports `unexpected X, expected t` and skips a token.
    #[inline(never)]
    fn want(&mut self, t: Tok) {
        if !self.got(t) {
            self.syntax_error(&format!("expected {}", t.tokstring()));
            self.advance(&[]);
        }
    }

    /// Whether the current token is the (non-binary) operator `op`.
    fn at_op(&self, op: crate::token::Operator) -> bool {
        self.lx.tok == Tok::Op(op)
    }

    // ---- errors ----

    /// Whether the lexer or parser reported an error in this file (gc's
    /// "first error"; misplaced directives do not count, see the lexer).
    fn had_errors(&mut self) -> bool {
        let directive_errors = self.lx.directive_errors;
        self.lx.diags().len() > self.errors_before + directive_errors
    }

    /// Reports `msg` at `pos` without the `syntax error:` prefix.
    fn error_at(&mut self, pos: Pos, msg: impl Into<String>) {
        self.lx.diags().error(pos, msg);
    }

    /// Records an error that gc's type checker reports (the AST cannot
    /// represent the construct), without the `syntax error:` prefix. gc
    /// does not type-check after a syntax error, so these are reported at
    /// the end of the file only if it has none.
    fn checker_error(&mut self, pos: Pos, msg: String) {
        self.checker_errors.push((pos, msg));
    }

    /// Reports the errors [`Parser::checker_error`] recorded, unless the
    /// file has a syntax error.
    fn report_checker_errors(&mut self) {
        let errors = std::mem::take(&mut self.checker_errors);
        let syntax_error = self.lx.diags().iter().skip(self.errors_before).any(|d| d.msg.starts_with("syntax error"));
        if !syntax_error {
            for (pos, msg) in errors {
                self.error_at(pos, msg);
            }
        }
    }

    /// Reports a syntax error at the current token.
    fn syntax_error(&mut self, msg: &str) {
        let pos = self.pos();
        self.syntax_error_at(pos, msg);
    }

    /// Reports a syntax error worded as gc does: a message starting with
    /// `in`, `at` or `after` follows `unexpected X`; one starting with
    /// `expected` follows `unexpected X,`; any other stands alone.
    #[inline(never)]
    fn syntax_error_at(&mut self, pos: Pos, msg: &str) {
        if self.at(Tok::Eof) && self.had_errors() {
            return; // a follow-on error at the end of the file says nothing
        }
        let tok = self.lx.describe();
        let text = if msg.is_empty() {
            format!("syntax error: unexpected {tok}")
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!("syntax error: unexpected {tok} {msg}")
        } else if msg.starts_with("expected ") {
            format!("syntax error: unexpected {tok}, {msg}")
        } else {
            format!("syntax error: {msg}")
        };
        self.error_at(pos, text);
    }

    /// Skips tokens until one of `follow` (or, inside a function body, a
    /// statement keyword) or EOF. With an empty `follow`, skips one token.
    #[inline(never)]
    fn advance(&mut self, follow: &[Tok]) {
        if follow.is_empty() {
            if !self.at(Tok::Eof) {
                self.next();
            }
            return;
        }
        loop {
            let t = self.tok();
            let kind = discriminant(&t);
            let stop = t == Tok::Eof
                || follow.iter().any(|f| discriminant(f) == kind)
                || (self.fnest > 0 && STOP_SET.contains(&t));
            if stop {
                return;
            }
            self.next();
        }
    }

    /// Enters one nesting level; false (after reporting once and skipping
    /// the rest of the file) when [`MAX_DEPTH`] or [`STACK_BUDGET`] is exceeded. Callers that get
    /// true must call [`Parser::leave`].
    fn enter(&mut self) -> bool {
        let stack_used = self.stack_base.abs_diff(stack_address());
        if self.depth >= MAX_DEPTH || stack_used > STACK_BUDGET {
            if !self.at(Tok::Eof) {
                let pos = self.pos();
                self.error_at(pos, "syntax error: too deeply nested");
                self.lx.stop();
            }
            return false;
        }
        self.depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- node construction ----

    fn fresh(&mut self) -> NodeId {
        self.ids.fresh()
    }

    fn new_ident(&mut self, pos: Pos, name: &str) -> Ident {
        Ident { id: self.fresh(), pos, name: name.to_string() }
    }

    fn new_expr(&mut self, pos: Pos, kind: ExprKind) -> Expr {
        Expr { id: self.fresh(), pos, kind }
    }

    fn new_type(&mut self, pos: Pos, kind: TypeKind) -> Type {
        Type { id: self.fresh(), pos, kind }
    }

    fn bad_expr(&mut self, pos: Pos) -> Expr {
        self.new_expr(pos, ExprKind::Bad)
    }

    fn bad_type(&mut self, pos: Pos) -> Type {
        self.new_type(pos, TypeKind::Bad)
    }

    /// An identifier, or `_` after `syntax error: unexpected X, expected name`.
    fn name(&mut self) -> Ident {
        let pos = self.pos();
        if self.at(Tok::Name) {
            let name = self.lx.text();
            let id = self.new_ident(pos, name);
            self.next();
            return id;
        }
        self.syntax_error("expected name");
        self.advance(&[]);
        self.new_ident(pos, "_")
    }

    /// `list = [ f { sep f } [sep] ] close`: calls `f` for each element
    /// until it returns true; returns the position of `close`. `context`
    /// names the list in gc's "possibly missing" message.
    #[inline(never)]
    fn list(&mut self, context: &str, sep: Tok, close: Tok, mut f: impl FnMut(&mut Self) -> bool) -> Pos {
        let mut done = false;
        while !self.at(Tok::Eof) && !self.at(close) && !done {
            done = f(self);
            if !self.got(sep) && !self.at(close) {
                let msg = format!("in {context}; possibly missing {} or {}", sep.as_str(), close.as_str());
                self.syntax_error(&msg);
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                if !self.at(close) {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    /// The `//go:` directives seen since the last take, attached to a
    /// declaration at `place`. Those gc knows but that do not apply there
    /// are reported as `misplaced compiler directive` when the file is done
    /// (see [`Parser::report_deferred_directives`]).
    fn attach_pragmas(&mut self, place: PragmaPlace) -> Vec<(Pos, String)> {
        let list = std::mem::take(&mut self.lx.pragmas);
        self.defer_misplaced(&list, place);
        list
    }

    fn defer_misplaced(&mut self, list: &[(Pos, String)], place: PragmaPlace) {
        let local = self.fnest > 0;
        let misplaced = list.iter().filter(|(_, text)| pragma_misplaced(text, place)).map(|(pos, _)| (local, *pos));
        self.deferred_directives.extend(misplaced);
    }

    /// Drops the pending `//go:` directives where nothing can take them,
    /// reporting the misplaced ones at once (gc does it while parsing).
    fn clear_pragmas(&mut self) {
        for (pos, text) in std::mem::take(&mut self.lx.pragmas) {
            if pragma_misplaced(&text, PragmaPlace::Other) {
                self.lx.misplaced_directive(pos);
            }
        }
    }

    /// gc checks the directives attached to declarations only when the
    /// package has no error at all so far (it does so after type checking),
    /// those of top-level declarations first, then those in function bodies.
    /// The parser cannot know about type errors: it reports these when the
    /// file has no other error.
    fn report_deferred_directives(&mut self) {
        if self.lx.diags().len() > self.errors_before {
            return;
        }
        let deferred = std::mem::take(&mut self.deferred_directives);
        for local in [false, true] {
            for &(_, pos) in deferred.iter().filter(|(l, _)| *l == local) {
                self.lx.misplaced_directive(pos);
            }
        }
    }

    // ---- file and declarations ----

    fn file(&mut self) -> File {
        let package_pos = self.pos();
        if !self.got(Tok::Package) {
            self.syntax_error("package statement must be first");
            let package = self.new_ident(package_pos, "_");
            return File {
                package_pos,
                package,
                imports: Vec::new(),
                decls: Vec::new(),
                go_build: None,
                linknames: Vec::new(),
            };
        }
        let go_build = self.attach_pragmas(PragmaPlace::Package).into_iter().find_map(|(_, text)| {
            let rest = text.strip_prefix("//go:build")?;
            rest.starts_with([' ', '\t']).then(|| rest.trim().to_string())
        });
        let package = self.name();
        self.want(Tok::Semi);
        let mut file =
            File { package_pos, package, imports: Vec::new(), decls: Vec::new(), go_build, linknames: Vec::new() };
        if self.had_errors() {
            return file; // gc does not go on after a broken package clause
        }

        // Imports are accepted anywhere, with an error after other
        // declarations (as gc does, for error tolerance).
        let mut prev = Tok::Import;
        while !self.at(Tok::Eof) {
            let pos = self.pos();
            if self.at(Tok::Import) && prev != Tok::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok();
            match self.tok() {
                Tok::Import => {
                    self.next();
                    self.group(|p| {
                        if let Some(spec) = p.import_spec() {
                            file.imports.push(spec);
                        }
                    });
                }
                Tok::Const => {
                    self.next();
                    file.decls.push(self.const_decl());
                }
                Tok::Type => {
                    self.next();
                    file.decls.push(self.type_decl());
                }
                Tok::Var => {
                    self.next();
                    file.decls.push(self.var_decl());
                }
                Tok::Func => {
                    self.next();
                    if let Some(f) = self.func_decl(pos) {
                        file.decls.push(Decl::Func(f));
                    }
                }
                _ => {
                    let after_bodyless_func = matches!(file.decls.last(), Some(Decl::Func(f)) if f.body.is_none());
                    if self.at(Tok::Lbrace) && after_bodyless_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&DECL_KEYWORDS);
                    continue;
                }
            }
            self.clear_pragmas();
            if !self.at(Tok::Eof) && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&DECL_KEYWORDS);
            }
        }
        // Directives after the last declaration: nothing takes them.
        self.clear_pragmas();
        file
    }

    /// `spec` or `( spec; spec; ... )` after a declaration keyword.
    fn group(&mut self, mut spec: impl FnMut(&mut Self)) {
        if self.at(Tok::Lparen) {
            self.clear_pragmas();
            self.next();
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, |p| {
                spec(p);
                false
            });
        } else {
            spec(self);
        }
    }

    /// `[name | .] "path"`.
    fn import_spec(&mut self) -> Option<ImportSpec> {
        self.attach_pragmas(PragmaPlace::Other);
        let pos = self.pos();
        let name = match self.tok() {
            Tok::Name => Some(self.name()),
            Tok::Dot => {
                let dot = self.new_ident(pos, ".");
                self.next();
                Some(dot)
            }
            _ => None,
        };
        let path_pos = self.pos();
        let Tok::Lit(kind) = self.tok() else {
            self.syntax_error("missing import path");
            self.advance(&[Tok::Semi, Tok::Rparen]);
            return None;
        };
        let raw = self.lx.text();
        let bad = self.lx.bad;
        self.next();
        if bad {
            return None;
        }
        if kind != ast::LitKind::String {
            self.syntax_error_at(path_pos, "import path must be a string");
            return None;
        }
        let path = literal::unquote_string(raw).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        Some(ImportSpec { pos, name, path, path_pos })
    }

    /// After `const`: the specs with their `iota`, implicit repetitions
    /// resolved (cloned with fresh ids).
    #[inline(never)]
    fn const_decl(&mut self) -> Decl {
        let mut specs: Vec<ConstSpec> = Vec::new();
        self.group(|p| {
            let spec = p.const_spec(specs.len() as u64);
            specs.push(spec);
        });
        let mut last: Option<usize> = None; // the last spec with values
        for i in 0..specs.len() {
            if !specs[i].values.is_empty() {
                last = Some(i);
                continue;
            }
            let Some(src) = last else { continue };
            if specs[i].ty.is_some() {
                continue; // a type without values: the checker reports it
            }
            let mut ty = specs[src].ty.clone();
            let mut values = specs[src].values.clone();
            if let Some(t) = ty.as_mut() {
                renumber::renumber_type(t, self.ids);
            }
            for v in values.iter_mut() {
                renumber::renumber_expr(v, self.ids);
            }
            let spec = &mut specs[i];
            spec.ty = ty;
            spec.values = values;
            spec.implicit = true;
        }
        Decl::Const(specs)
    }

    fn const_spec(&mut self, iota: u64) -> ConstSpec {
        self.attach_pragmas(PragmaPlace::Other);
        let pos = self.pos();
        let names = self.name_list();
        let mut ty = None;
        let mut values = Vec::new();
        if !self.at(Tok::Eof) && !self.at(Tok::Semi) && !self.at(Tok::Rparen) {
            ty = self.type_or_nil();
            if self.got(Tok::Assign) {
                values = self.expr_list();
            }
        }
        ConstSpec { pos, names, ty, values, iota, implicit: false }
    }

    fn var_decl(&mut self) -> Decl {
        let mut specs = Vec::new();
        self.group(|p| {
            let spec = p.var_spec();
            specs.push(spec);
        });
        Decl::Var(specs)
    }

    fn var_spec(&mut self) -> VarSpec {
        self.attach_pragmas(PragmaPlace::Other);
        let pos = self.pos();
        let names = self.name_list();
        let mut ty = None;
        let mut values = Vec::new();
        if self.got(Tok::Assign) {
            values = self.expr_list();
        } else {
            ty = Some(self.type_());
            if self.got(Tok::Assign) {
                values = self.expr_list();
            }
        }
        VarSpec { pos, names, ty, values }
    }

    fn type_decl(&mut self) -> Decl {
        let mut specs = Vec::new();
        self.group(|p| {
            let spec = p.type_spec();
            specs.push(spec);
        });
        Decl::Type(specs)
    }

    /// `name [TypeParams] [=] Type`, sorting out `type A[N]E` (array) from
    /// `type G[P C] ...` (generic) the way gc does.
    #[inline(never)]
    fn type_spec(&mut self) -> TypeSpec {
        let pragmas = std::mem::take(&mut self.lx.pragmas);
        let pos = self.pos();
        let name = self.name();
        let mut type_params = Vec::new();
        let mut alias = false;
        let ty = if self.at(Tok::Lbrack) {
            let lbrack = self.pos();
            self.next();
            match self.tok() {
                Tok::Name => match self.array_or_type_params(lbrack) {
                    Ok((params, is_alias, ty)) => {
                        type_params = params;
                        alias = is_alias;
                        ty
                    }
                    Err(array) => Some(array),
                },
                Tok::Rbrack => {
                    self.next();
                    let elem = self.type_();
                    Some(self.new_type(lbrack, TypeKind::Slice(Box::new(elem))))
                }
                _ => Some(self.array_type(lbrack, None)),
            }
        } else {
            alias = self.got(Tok::Assign);
            self.type_or_nil()
        };
        let ty = ty.unwrap_or_else(|| {
            let bad = self.bad_type(self.pos());
            self.syntax_error("in type declaration");
            self.advance(&[Tok::Semi, Tok::Rparen]);
            bad
        });
        self.defer_misplaced(&pragmas, if alias { PragmaPlace::Other } else { PragmaPlace::Type });
        TypeSpec { pos, name, type_params, alias, ty }
    }

    /// `Ident { "," Ident }`.
    fn name_list(&mut self) -> Vec<Ident> {
        let mut names = vec![self.name()];
        while self.got(Tok::Comma) {
            names.push(self.name());
        }
        names
    }

    /// After `func`: a function or method declaration; `None` when there
    /// is no name.
    #[inline(never)]
    fn func_decl(&mut self, pos: Pos) -> Option<FuncDecl> {
        let pragmas = self.attach_pragmas(PragmaPlace::Func).into_iter().map(|(_, text)| text).collect();
        let mut recv = None;
        if self.got(Tok::Lparen) {
            let mut fields = self.param_list(Tok::Rparen, false);
            let count: usize = fields.iter().map(|f| f.names.len().max(1)).sum();
            match count {
                0 => {
                    let pos = self.pos();
                    self.error_at(pos, "method has no receiver");
                }
                1 => recv = fields.pop(),
                _ => {
                    let pos = self.pos();
                    self.error_at(pos, "method has multiple receivers");
                    let mut first = fields.swap_remove(0);
                    first.names.truncate(1);
                    recv = Some(first);
                }
            }
        }
        if !self.at(Tok::Name) {
            self.syntax_error("expected name or (");
            self.advance(&[Tok::Lbrace, Tok::Semi]);
            return None;
        }
        let name = self.name();
        // Methods may have type parameters since Go 1.27.
        let (type_params, sig) = self.func_type("", None);
        let mut body_skipped = None;
        let body = if !self.at(Tok::Lbrace) {
            None
        } else if self.decls_only && type_params.is_empty() && !recv.as_ref().is_some_and(generic_receiver) {
            let (block, text) = self.skip_body();
            body_skipped = Some(text);
            Some(block)
        } else {
            Some(self.func_body())
        };
        Some(FuncDecl { pos, recv, name, type_params, sig, body, body_skipped, pragmas })
    }

    /// At a function body's `{`: skips to just after the matching `}`
    /// (the lexer keeps braces in strings and comments out of the count).
    /// Returns an empty block at the braces and the byte range between
    /// them. Directives inside are dropped with the statements they would
    /// attach to.
    fn skip_body(&mut self) -> (ast::Block, std::ops::Range<usize>) {
        let (pos, open) = (self.pos(), self.lx.token_start());
        let pragmas = self.lx.pragmas.len();
        let mut depth = 0usize;
        loop {
            match self.tok() {
                Tok::Lbrace => depth += 1,
                Tok::Rbrace => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                // Unterminated: report what a full parse reports there.
                Tok::Eof => break,
                _ => {}
            }
            self.next();
        }
        let (end, close) = (self.pos(), self.lx.token_start());
        self.lx.pragmas.truncate(pragmas);
        self.want(Tok::Rbrace);
        (ast::Block { pos, stmts: Vec::new(), end }, open + 1..close)
    }

    /// A function body; branch and label checks are the checker's.
    fn func_body(&mut self) -> ast::Block {
        self.fnest += 1;
        let body = self.block_stmt("");
        self.fnest -= 1;
        body
    }
}
