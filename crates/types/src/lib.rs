//! Type checking: syntax tree → [`Info`] (types, objects, constants).
//!
//! This crate owns Go's static semantics: scopes, the universe, types and
//! their identity, method sets, untyped constants with exact arithmetic, and
//! gc's wording of every type error. It never rewrites the tree and knows
//! nothing of code generation. Entry point: [`check_package`].
//!
//! Module map (each module's doc states what it owns):
//! * [`model`] — the contract with `lower`: everything the checker records.
//! * `check` — the checker's state, scopes, objects, the checking order.
//! * `universe` — predeclared objects. `types` — the checker's own type
//!   store (spelling-preserving, mapped to canonical model ids).
//! * `decl` — declarations; `typexpr` — type expressions; `expr`, `call`,
//!   `assign`, `stmt` — expressions, calls and builtins, assignments,
//!   statements; `lookup` — fields, methods, interfaces.
//! * `branches` — labels and branch statements (gc's parse-time pass);
//!   `initorder` — package variable initialization order.
//! * `gostd` — what Go's own standard library declares, asked through
//!   [`GoStd`] only to word the error for a name deft's library lacks.
//! * [`lang`] — language versions: a file's, and gc's errors for features
//!   newer than it (`Checker::require_version`).
//! * generics: `typeset` — type sets of constraints and core types;
//!   `subst` — substitution of type arguments (the one instantiation
//!   seam); `infer` — instantiation of generic functions and types,
//!   function argument type inference, constraint satisfaction.
//! * `constant` — exact constant arithmetic; `operand`, `typestr`,
//!   `exprstr` — printing operands, types and expressions as gc does.
//!
//! **Architecture Invariant:** the checker never panics on any tree the
//! parser can produce (including `Bad` nodes); every problem in the user's
//! program becomes a diagnostic worded as gc 1.27 words it.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod assign;
mod branches;
mod call;
mod check;
mod constant;
mod cycles;
mod decl;
mod expr;
mod exprstr;
mod gostd;
mod infer;
mod initorder;
pub mod lang;
mod lookup;
pub mod model;
mod mono;
mod operand;
mod sizes;
mod stmt;
mod subst;
mod types;
mod typeset;
mod typestr;
mod typexpr;
mod universe;

pub use gostd::GoStd;
pub use model::*;
pub use sizes::{field_offsets, size_align};

use std::collections::HashMap;

use syntax::ast::File;
use syntax::{Diagnostics, SourceMap};

use check::{Checker, PkgDecl};

/// Type-checks a program consisting of a single package made of `files`
/// (its import path is its package name). See [`check_program`].
pub fn check_package(sources: &SourceMap, files: &[File], diags: &mut Diagnostics) -> Info {
    let path = files.first().map_or_else(|| "main".to_string(), |f| f.package.name.clone());
    let spec = PackageSpec {
        path,
        files: 0..files.len(),
        library: false,
        lang: LangVersion::CURRENT,
        import_map: Default::default(),
        unfound_imports: Default::default(),
    };
    check_program(sources, files, std::slice::from_ref(&spec), None, diags)
}

/// Type-checks the packages of a program and returns what was learned.
///
/// `packages` partition `files` and come in dependency order: every
/// package after the packages it imports (so `main` is last). An import of
/// a path not among the packages before it is reported as unsupported.
///
/// Errors are reported to `diags` in the order gc reports them (gc then
/// prints the first ten, sorted by position); checking stops after the
/// first package with errors. When `diags` receives no
/// error from this call, the returned [`Info`] satisfies the invariants of
/// [`model`].
///
/// `gostd`, when given, tells what Go's own standard library declares: a
/// use of a name of a library package that deft's library lacks and Go's
/// has is reported as unsupported (`deft does not support time.Date yet`)
/// rather than undefined.
///
/// A package whose files were parsed for their declarations only
/// (`syntax::parser::parse_decls`) is checked for what its importers
/// need: its declarations and generic bodies. The bodies skipped are not
/// checked, no import is judged unused (a skipped body may use it), and
/// its [`PackageInfo::init_order`] misses the references those bodies
/// make: such a package must not be lowered; its code comes from the
/// package cache, compiled when its bodies were checked.
pub fn check_program<'a>(
    sources: &'a SourceMap,
    files: &'a [File],
    packages: &[PackageSpec],
    gostd: Option<&'a dyn GoStd>,
    diags: &'a mut Diagnostics,
) -> Info {
    let mut c = Checker::new(sources, diags);
    c.gostd = gostd;
    for spec in packages {
        let before = c.diags.len();
        c.begin_package(spec.clone(), &files[spec.files.clone()]);
        c.check_files();
        // As the go command, a package with errors stops the build: the
        // packages importing it are not compiled.
        if c.diags.len() > before {
            break;
        }
    }
    c.finish()
}

/// Checks only the labels and branch statements of `files` (one package),
/// which gc does while parsing: for a package with syntax errors, these
/// are the only errors gc reports besides them. As gc, it skips function
/// bodies that have errors of their own (their trees are incomplete).
pub fn check_branches(sources: &SourceMap, files: &[File], diags: &mut Diagnostics) {
    let errors: Vec<syntax::Pos> = diags.iter().map(|d| d.pos).collect();
    let mut c = Checker::new(sources, diags);
    c.branches_of(files, |body| errors.iter().any(|&p| p >= body.pos && (!body.end.is_known() || p <= body.end)));
}

impl<'a> Checker<'a> {
    /// Checks the labels and branches of the function bodies of `files`,
    /// except those `skip` selects.
    fn branches_of(&mut self, files: &[File], skip: impl Fn(&syntax::ast::Block) -> bool) {
        for f in files {
            for d in &f.decls {
                if let syntax::ast::Decl::Func(fd) = d
                    && let Some(body) = &fd.body
                    && !skip(body)
                {
                    self.check_branches(body, fd.name.id);
                }
            }
        }
    }

    fn new(sources: &'a SourceMap, diags: &'a mut Diagnostics) -> Checker<'a> {
        let tys = types::Types::new();
        let info = Info { types_table: TypeTable::default(), ..Default::default() };
        let mut c = Checker {
            sources,
            diags,
            files: &[],
            pkg: None,
            pkg_scopes: Vec::new(),
            info,
            tys,
            objs: Vec::new(),
            scopes: Vec::new(),
            universe: check::ScopeId(0),
            unsafe_scope: check::ScopeId(0),
            pkg_scope: check::ScopeId(0),
            file_scopes: Vec::new(),
            scope: check::ScopeId(0),
            func: None,
            iota: None,
            errpos: None,
            cur_decl: None,
            deps: HashMap::new(),
            untyped: Default::default(),
            had_error: false,
            pkg_objs: Vec::new(),
            bodies: Vec::new(),
            methods: HashMap::new(),
            universe_iota: ObjId(0),
            type_path: Vec::new(),
            generic_aliases: HashMap::new(),
            obj_path: Vec::new(),
            embeds_incomplete: HashMap::new(),
            iface_awaiting: HashMap::new(),
            mono: Vec::new(),
            backend_errors: Vec::new(),
            mono_canon: HashMap::new(),
            defined_from: HashMap::new(),
            inst_pos: HashMap::new(),
            declared_inst: HashMap::new(),
            awaiting: HashMap::new(),
            sig_objs: HashMap::new(),
            iface_objs: HashMap::new(),
            value_desc: None,
            assign_targets: Vec::new(),
            reverse_desc: None,
            generic_args: Vec::new(),
            arg_targs: Vec::new(),
            partial: HashMap::new(),
            delayed: Vec::new(),
            local_type_lits: None,
            later: Vec::new(),
            imports: Vec::new(),
            dot_imports: HashMap::new(),
            dot_used: Default::default(),
            gostd: None,
            file_langs: HashMap::new(),
        };
        c.universe = c.new_scope(None);
        let u = c.universe;
        c.build_universe(u);
        c.unsafe_scope = c.new_scope(None);
        c.build_unsafe(c.unsafe_scope);
        c
    }

    /// Starts checking a new package: a fresh package scope and file
    /// scopes, and fresh per-package bookkeeping. Objects, types, scopes
    /// and facts of the packages checked before stay (they are imported).
    fn begin_package(&mut self, spec: PackageSpec, files: &'a [File]) {
        let name = files.first().map_or_else(|| spec.path.clone(), |f| f.package.name.clone());
        self.pkg = Some(PkgId(self.info.packages.len() as u32));
        self.info.packages.push(PackageInfo { spec, name, init_order: Vec::new() });
        self.files = files;
        self.pkg_scope = self.new_scope(Some(self.universe));
        self.pkg_scopes.push(self.pkg_scope);
        self.file_scopes.clear();
        for _ in files {
            let s = self.new_scope(Some(self.pkg_scope));
            self.file_scopes.push(s);
        }
        self.scope = self.pkg_scope;
        self.set_file_langs();
        self.deps.clear();
        self.pkg_objs.clear();
        self.bodies.clear();
        self.methods.clear();
        self.delayed.clear();
        self.later.clear();
        self.imports.clear();
    }

    fn check_files(&mut self) {
        let files = self.files;
        // 1. Branches and labels (gc: while parsing).
        self.branches_of(files, |_| false);
        // 2. Objects.
        for f in files {
            if f.package.name == "_" {
                self.error(f.package.pos, "invalid package name _");
            }
        }
        self.collect_objects(files);
        self.file_alias_methods();
        self.report_import_conflicts();
        // 3. Package-level declarations: defined types, then aliases (as
        // types2: an alias's type is then rarely needed before it is
        // known), then methods, then the rest.
        let objs = self.pkg_objs.clone();
        for alias in [false, true] {
            for &o in &objs {
                if matches!(self.objs[o.0 as usize].decl, Some(PkgDecl::Type(spec)) if spec.alias == alias) {
                    self.obj_decl(o);
                }
            }
        }
        for &o in &objs {
            if matches!(self.objs[o.0 as usize].decl, Some(PkgDecl::Func(fd)) if fd.recv.is_some()) {
                self.obj_decl(o);
            }
        }
        for &o in &objs {
            self.obj_decl(o);
        }
        // Functions not reached above (blank names, `init`).
        for (o, _) in self.bodies.clone() {
            self.obj_decl(o);
        }
        self.check_later();
        // 4. Function bodies (the queue grows while function literals at
        // package level are found).
        let mut i = 0;
        while i < self.delayed.len() {
            let d = self.delayed[i].clone();
            self.scope = d.scope;
            self.cur_decl = d.decl;
            self.iota = d.iota;
            self.func_body(d.sig, &d.objs, d.body, d.owner);
            i += 1;
        }
        self.cur_decl = None;
        self.iota = None;
        self.scope = self.pkg_scope;
        self.check_later();
        self.monomorph();
        // 5. Initialization order.
        self.init_order();
        self.report_imports();
        self.report_backend_errors();
        // Functions without a body are lowering's to judge (gc: while
        // compiling to SSA, and only when building a program), a missing
        // `main` the driver's (gc: when linking).
    }

    fn finish(mut self) -> Info {
        self.flush_untyped();
        // Canonical types of all objects (set as they were resolved) and
        // the type table.
        for (i, d) in self.objs.iter().enumerate() {
            let t = self.tys.canon(d.ty);
            self.info.objects[i].ty = t;
        }
        self.info.types_table = std::mem::take(&mut self.tys.table);
        self.info
    }
}
