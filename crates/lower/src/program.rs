//! Package level: which functions, methods and globals exist, their names
//! as gc prints them (qualified by import path: `main.f`, `strconv.Itoa`),
//! the package initialisers and `main`.
//!
//! Order of work, over the packages in the checker's order (imports
//! first): every top-level function and method gets its [`FuncId`] and
//! every package-level variable its [`GlobalId`] first, so bodies can refer
//! to any of them; then bodies are lowered in source order (closures get
//! their ids as they are met); last comes each package's `P.init`, which
//! calls the previous package's `init`, then runs the global initialisers
//! in the checker's dependency order and then each `func init` in source
//! order (`main.init.0`, `main.init.1`, ...). The last package's `init` is
//! the program's.
//!
//! Not lowered at all, as in gc: functions named `_` (gc never compiles
//! them). Generic code is type-checked but not lowered yet: a program with
//! any generic declaration is reported as unsupported at the first one,
//! before anything else is lowered, so no type parameter, instance or
//! generic function ever reaches the rest of this crate. A function without a body is rejected, except in deft's library,
//! where it is [`Func::external`]: implemented by the runtime.

use std::collections::HashMap;

use syntax::ast::{self, Decl, Expr, FuncDecl};
use syntax::{Diagnostics, Pos, SourceMap};
use types::{Info, ObjId, Type};

use crate::LowerOptions;
use crate::func::{FnCx, FuncSpec};
use crate::ir::{Func, FuncId, Global, GlobalId, LocalId, Program, Stmt};
use crate::plan::FuncPlan;
use crate::tys::{TyEnv, TyMap};
use crate::visit;

/// State shared by the lowering of all functions of the program.
pub struct Ctx<'a> {
    /// Source files (for positions in internal errors).
    pub sources: &'a SourceMap,
    /// Checker facts.
    pub info: &'a Info,
    /// Options.
    pub opts: &'a LowerOptions,
    /// User diagnostics.
    pub diags: &'a mut Diagnostics,
    /// The program being built.
    pub prog: Program,
    /// Checker types → IR types.
    pub tys: TyMap,
    /// Top-level functions and methods, by object.
    pub funcs: HashMap<ObjId, FuncId>,
    /// Methods of each defined type: (name, function, pointer receiver).
    pub methods: HashMap<ObjId, Vec<(String, FuncId, bool)>>,
    /// Methods with a pointer receiver.
    pub ptr_methods: std::collections::HashSet<ObjId>,
    /// Captured variables that closures copy (see [`crate::captures`]).
    pub by_value: std::collections::HashSet<ObjId>,
    /// Package-level variables, by object.
    pub globals: HashMap<ObjId, GlobalId>,
    /// Import path of the package being lowered (`main`, `strconv`).
    pub pkg: String,
    /// Whether that package is part of deft's library.
    pub library: bool,
    /// Method → its method-value wrapper (`main.T.M-fm`), once made.
    pub method_value_wrappers: HashMap<FuncId, FuncId>,
    /// Value method → its pointer-receiver wrapper (`main.(*T).M`), once made.
    pub deref_wrappers: HashMap<FuncId, FuncId>,
    /// (receiver type, method name) → the wrapper of a promoted method,
    /// once made (see `crate::promote`).
    pub promoted_wrappers: HashMap<(crate::ir::TyId, String), FuncId>,
}

impl Ctx<'_> {
    /// The IR type of a checker type.
    pub fn ty(&mut self, t: types::TypeId) -> crate::ir::TyId {
        let env = TyEnv { info: self.info, methods: &self.methods };
        self.tys.lower(&env, &mut self.prog.types, t)
    }

    /// Runs `f` with the type mapping (read only) and its environment.
    pub fn with_env<R>(&self, f: impl FnOnce(&TyMap, &TyEnv) -> R) -> R {
        let env = TyEnv { info: self.info, methods: &self.methods };
        f(&self.tys, &env)
    }

    /// Runs `f` with the type mapping's environment.
    pub fn with_tys<R>(&mut self, f: impl FnOnce(&mut TyMap, &TyEnv, &mut Vec<crate::ir::TyDef>) -> R) -> R {
        let env = TyEnv { info: self.info, methods: &self.methods };
        f(&mut self.tys, &env, &mut self.prog.types)
    }

    /// Reserves a function id; the function is filled in later.
    pub fn reserve_func(&mut self, name: String, pos: Pos) -> FuncId {
        let id = FuncId(self.prog.funcs.len() as u32);
        self.prog.funcs.push(Func {
            name,
            pos,
            end: Pos::NONE,
            params: Vec::new(),
            results: Vec::new(),
            captures: Vec::new(),
            locals: Vec::new(),
            body: Vec::new(),
            defers: Vec::new(),
            range_defers: false,
            external: false,
            on_demand: self.library,
        });
        id
    }

    /// Defines function `id` (reserved with its name and position by
    /// [`Ctx::reserve_func`]) as generated code, compiled only if reached.
    /// A `wrapper` is transparent to `recover` and tracebacks (see
    /// [`Program::wrappers`]).
    pub fn define_generated(&mut self, id: FuncId, g: Generated, wrapper: bool) {
        let slot = &mut self.prog.funcs[id.0 as usize];
        *slot = Func {
            name: std::mem::take(&mut slot.name),
            pos: slot.pos,
            end: Pos::NONE,
            params: g.params,
            results: g.results,
            captures: g.captures,
            locals: g.locals,
            body: g.body,
            defers: Vec::new(),
            range_defers: false,
            external: false,
            on_demand: true,
        };
        if wrapper {
            self.prog.wrappers.push(id);
        }
    }

    /// Reports a feature deft cannot lower yet.
    pub fn unsupported(&mut self, pos: Pos, what: &str) {
        self.diags.error(pos, format!("deft does not support {what} yet"));
    }

    /// Internal compiler error at `pos`.
    pub fn ice(&self, pos: Pos, msg: &str) -> ! {
        crate::ice(self.sources, pos, msg)
    }
}

/// The parts of a generated function (a wrapper, a deferred builtin's
/// closure) besides its name and position.
pub struct Generated {
    /// Parameter locals in order.
    pub params: Vec<LocalId>,
    /// Result locals in order.
    pub results: Vec<LocalId>,
    /// Captured cells (for closures).
    pub captures: Vec<LocalId>,
    /// All locals.
    pub locals: Vec<crate::ir::Local>,
    /// The body, ending in `Return`.
    pub body: Vec<Stmt>,
}

/// Lowers the whole program.
pub fn lower(
    sources: &SourceMap,
    files: &[ast::File],
    info: &Info,
    opts: &LowerOptions,
    diags: &mut Diagnostics,
) -> Option<Program> {
    let mut cx = Ctx {
        sources,
        info,
        opts,
        diags,
        prog: Program::default(),
        tys: TyMap::default(),
        funcs: HashMap::new(),
        methods: HashMap::new(),
        ptr_methods: Default::default(),
        by_value: Default::default(),
        globals: HashMap::new(),
        pkg: String::new(),
        library: false,
        method_value_wrappers: HashMap::new(),
        deref_wrappers: HashMap::new(),
        promoted_wrappers: HashMap::new(),
    };
    // Generic code is checked but not lowered yet: one error, at the first
    // generic declaration (nothing generic can be used without one).
    if let Some(pos) = first_generic(info) {
        cx.unsupported(pos, "generics");
        return None;
    }
    let mut main = None;
    let mut init = None;
    for pkg in &info.packages {
        let pkg_files = &files[pkg.spec.files.clone()];
        cx.pkg = pkg.spec.path.clone();
        cx.library = pkg.spec.library;
        let decls = declare(&mut cx, pkg_files);
        for (fid, decl) in &decls.funcs {
            lower_func_decl(&mut cx, *fid, decl);
        }
        init = Some(lower_init(&mut cx, pkg_files, &pkg.init_order, init, &decls.inits));
        main = decls.main;
    }
    cx.prog.init = init.unwrap_or_default();
    cx.prog.main = main;
    crate::promote::complete_method_tables(&mut cx);
    Some(cx.prog)
}

/// Where the program's first generic declaration (function, type, or
/// method of a generic type, local types included) is, in the order the
/// packages are compiled, then by position.
fn first_generic(info: &Info) -> Option<Pos> {
    let objs = info.types_table.generics.keys().map(|&o| info.obj(o));
    objs.map(|o| (o.pkg, o.pos)).min().map(|(_, pos)| pos)
}

/// What [`declare`] found.
struct Declared<'f> {
    /// Functions with bodies to lower, in source order.
    funcs: Vec<(FuncId, &'f FuncDecl)>,
    /// `func init`s in source order.
    inits: Vec<FuncId>,
    /// `main.main`.
    main: Option<FuncId>,
}

fn declare<'f>(cx: &mut Ctx, files: &'f [ast::File]) -> Declared<'f> {
    let mut out = Declared { funcs: Vec::new(), inits: Vec::new(), main: None };
    // Functions and methods first: declaring a global lowers its type, and
    // a lowered type's method set is fixed then, so every method must be
    // known before any global (a `var p = &T{}` above `func (*T) M()` would
    // otherwise give `*T` an empty method table).
    for decl in files.iter().flat_map(|f| &f.decls) {
        if let Decl::Func(f) = decl {
            declare_func(cx, f, &mut out);
        }
    }
    for decl in files.iter().flat_map(|f| &f.decls) {
        if let Decl::Var(specs) = decl {
            for name in specs.iter().flat_map(|spec| &spec.names) {
                declare_global(cx, name);
            }
        }
    }
    reject_variable_linknames(cx, files);
    out
}

/// A `//go:linkname` naming a package-level variable makes it another
/// package's variable, which deft cannot do: reported, never ignored (the
/// program would silently use a variable of its own).
fn reject_variable_linknames(cx: &mut Ctx, files: &[ast::File]) {
    for file in files {
        for (pos, text) in &file.linknames {
            let local = text.split_whitespace().nth(1).unwrap_or("");
            let is_var = files.iter().flat_map(|f| &f.decls).any(|d| match d {
                Decl::Var(specs) => specs.iter().flat_map(|s| &s.names).any(|n| n.name == local),
                _ => false,
            });
            if is_var {
                cx.unsupported(*pos, "//go:linkname of variables");
            }
        }
    }
}

fn declare_global(cx: &mut Ctx, name: &ast::Ident) {
    if name.name == "_" {
        return;
    }
    let Some(obj) = cx.info.defs.get(&name.id).copied() else {
        cx.ice(name.pos, &format!("no object for global {}", name.name))
    };
    let ty = cx.ty(cx.info.obj(obj).ty);
    let id = GlobalId(cx.prog.globals.len() as u32);
    cx.prog.globals.push(Global { name: format!("{}.{}", cx.pkg, name.name), ty });
    cx.globals.insert(obj, id);
}

fn declare_func<'f>(cx: &mut Ctx, f: &'f FuncDecl, out: &mut Declared<'f>) {
    if f.name.name == "_" {
        return;
    }
    if f.body.is_none() && !cx.library && !cx.opts.compile_only {
        // Declared all the same, so that calls of it still lower.
        if f.pragmas.is_empty() {
            cx.diags.error(f.name.pos, "missing function body");
        } else {
            // A directive (`//go:linkname`) names a symbol deft does not have.
            cx.unsupported(f.name.pos, "functions without a body");
        }
    }
    let Some(obj) = cx.info.defs.get(&f.name.id).copied() else { cx.ice(f.name.pos, "no object for function") };
    let name = match &f.recv {
        Some(recv) => method_name(cx, recv, &f.name.name),
        None if f.name.name == "init" => format!("{}.init.{}", cx.pkg, out.inits.len()),
        None => format!("{}.{}", cx.pkg, f.name.name),
    };
    let fid = cx.reserve_func(name, f.pos);
    if let Some(recv) = &f.recv {
        if let Some((tobj, ptr)) = receiver_base(cx, recv) {
            cx.methods.entry(tobj).or_default().push((f.name.name.clone(), fid, ptr));
            if ptr {
                cx.ptr_methods.insert(obj);
            }
        }
    } else if f.name.name == "init" {
        out.inits.push(fid);
    } else if f.name.name == "main" {
        out.main = Some(fid);
    }
    if f.name.name != "init" || f.recv.is_some() {
        cx.funcs.insert(obj, fid);
    }
    out.funcs.push((fid, f));
}

/// The defined type a receiver belongs to, and whether it is a pointer.
fn receiver_base(cx: &Ctx, recv: &ast::Field) -> Option<(ObjId, bool)> {
    let t = cx.info.types.get(&recv.ty.id)?.ty;
    match cx.info.types_table.get(t) {
        Type::Named(obj) => Some((*obj, false)),
        Type::Pointer(e) => match cx.info.types_table.get(*e) {
            Type::Named(obj) => Some((*obj, true)),
            _ => None,
        },
        _ => None,
    }
}

/// `main.T.M` or `main.(*T).M`.
fn method_name(cx: &Ctx, recv: &ast::Field, method: &str) -> String {
    match receiver_base(cx, recv) {
        Some((obj, false)) => format!("{}.{}.{method}", cx.pkg, cx.info.obj(obj).name),
        Some((obj, true)) => format!("{}.(*{}).{method}", cx.pkg, cx.info.obj(obj).name),
        None => format!("{}.{method}", cx.pkg),
    }
}

fn lower_func_decl(cx: &mut Ctx, fid: FuncId, f: &FuncDecl) {
    let Some(obj) = cx.info.defs.get(&f.name.id).copied() else { cx.ice(f.name.pos, "no object for function") };
    let sig_ty = cx.info.obj(obj).ty;
    // A library function without a body keeps its signature (params and
    // results) and is implemented by the runtime.
    cx.prog.funcs[fid.0 as usize].external = f.body.is_none();
    let body = f.body.as_ref().map_or(&[][..], |b| &b.stmts[..]);
    let end = f.body.as_ref().map_or(f.pos, |b| b.end);
    let addressed = crate::func::addressed_vars(cx.info, &cx.ptr_methods, body);
    let by_value = crate::captures::by_value_captures(cx.info, &addressed, body);
    cx.by_value.extend(by_value);
    let spec = FuncSpec { id: fid, pos: f.pos, recv: f.recv.as_ref(), sig: &f.sig, sig_ty, body, end, closure: false };
    FnCx::lower(cx, spec, &[]);
}

/// Builds `P.init` of the current package: the previous package's `init`,
/// then global initialisers in dependency order, then the `init` functions
/// in source order.
fn lower_init(
    cx: &mut Ctx,
    files: &[ast::File],
    order: &[types::Initializer],
    previous: Option<FuncId>,
    inits: &[FuncId],
) -> FuncId {
    let name = format!("{}.init", cx.pkg);
    let pos = files.first().map_or(Pos::NONE, |f| f.package_pos);
    let fid = cx.reserve_func(name.clone(), pos);
    let values = global_values(files);
    let mut plan = FuncPlan::default();
    for (i, lit) in values.iter().flat_map(|e| visit::direct_func_lits_in_expr(e)).enumerate() {
        plan.lit_numbers.insert(lit.id, i as u32 + 1);
    }
    let by_id: syntax::ast::NodeMap<&Expr> = values.iter().map(|e| (e.id, *e)).collect();
    let mut fcx = FnCx::new_init(cx, fid, format!("{}.glob..func", cx_pkg(&name)), plan);
    let mut body = Vec::new();
    if let Some(f) = previous {
        body.push(fcx.call_static(f, pos));
    }
    for init in order {
        let Some(rhs) = by_id.get(&init.rhs).copied() else { fcx.ice(pos, "initializer expression not found") };
        fcx.global_init(&init.lhs, rhs, &mut body);
    }
    for &f in inits {
        body.push(fcx.call_static(f, pos));
    }
    body.push(Stmt::Return(Pos::NONE));
    fcx.finish(body, Pos::NONE);
    fid
}

/// `main` from `main.init`.
fn cx_pkg(init_name: &str) -> &str {
    init_name.strip_suffix(".init").unwrap_or(init_name)
}

/// Initial-value expressions of package-level variables, in source order.
fn global_values(files: &[ast::File]) -> Vec<&Expr> {
    let mut out = Vec::new();
    for file in files {
        for decl in &file.decls {
            if let Decl::Var(specs) = decl {
                for spec in specs {
                    out.extend(spec.values.iter());
                }
            }
        }
    }
    out
}
