//! Package level: which functions, methods and globals exist, their names
//! as gc prints them (qualified by import path: `main.f`, `strconv.Itoa`),
//! the package initialisers and `main`.
//!
//! Order of work, over the packages in the checker's order (imports
//! first): every top-level function and method gets its [`FuncId`] and
//! every package-level variable its [`GlobalId`] first, so bodies can refer
//! to any of them; then bodies are lowered in source order (closures get
//! their ids as they are met); last comes each package's `P.init`, which
//! runs the global initialisers in the checker's dependency order. The
//! program's `init` ([`PROGRAM_INIT`]) calls, package after package, its
//! `P.init` (if it has code) and its `func init`s in source order
//! (`main.init.0`, `main.init.1`, ...).
//!
//! Not lowered at all, as in gc: functions named `_` (gc never compiles
//! them). A function without a body is rejected, except in deft's library,
//! where it is [`Func::external`]: implemented by the runtime.
//!
//! Generic functions and methods of generic types are monomorphised: a
//! declaration is not lowered itself, but once per list of type arguments
//! some code instantiates it with ([`Ctx::instance_func`], keyed by the
//! object and its type arguments after substitution, so that `f[T]`
//! calling `g[[]T]` makes `g[[]int]` for `f[int]`). Instances are lowered
//! after the packages' own functions, with the facts of their
//! substitution (`crate::facts`), each as a function of its own named as
//! gc names the shared code of its instances in tracebacks:
//! `main.Map[...]`, `main.(*List[...]).Push`. The method tables of
//! instantiated types list instances of the generic type's methods, made
//! when the tables are completed; instances whose type arguments nest
//! deeper than [`MAX_METHOD_TABLE_DEPTH`] get no method table (a method
//! returning `List[List[T]]` would otherwise instantiate forever).

use std::borrow::Cow;
use std::collections::HashMap;

use syntax::ast::{self, Decl, Expr, FuncDecl};
use syntax::{Diagnostics, Pos, SourceMap};
use types::{Info, ObjId, Type, TypeId, TypeTable};

use crate::LowerOptions;
use crate::func::{FnCx, FuncSpec};
use crate::ir::{Func, FuncId, Global, GlobalId, LocalId, Program, Stmt};
use crate::plan::FuncPlan;
use crate::tys::{TyEnv, TyMap};

/// State shared by the lowering of all functions of the program.
pub struct Ctx<'a> {
    /// Source files (for positions in internal errors).
    pub sources: &'a SourceMap,
    /// Checker facts. Types are read through [`crate::facts::Facts`]
    /// (or from `types` for types already substituted), never from here.
    pub info: &'a Info,
    /// All types: the checker's, plus the instances and substituted types
    /// lowering makes (copied from the checker's on the first addition).
    pub types: Cow<'a, TypeTable>,
    /// The empty substitution, of code outside generic functions.
    pub no_subst: crate::facts::Subst,
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
    /// That package's index in [`Program::packages`].
    pub unit: u32,
    /// Method → its method-value wrapper (`main.T.M-fm`), once made.
    pub method_value_wrappers: HashMap<FuncId, FuncId>,
    /// Value method → its pointer-receiver wrapper (`main.(*T).M`), once made.
    pub deref_wrappers: HashMap<FuncId, FuncId>,
    /// (receiver type, method name) → the wrapper of a promoted method,
    /// once made (see `crate::promote`).
    pub promoted_wrappers: HashMap<(crate::ir::TyId, String), FuncId>,
    /// Generic functions and methods of generic types, by object.
    pub generic_decls: HashMap<ObjId, GenericDecl<'a>>,
    /// Methods of each generic type: (name, method object, pointer receiver).
    pub generic_methods: HashMap<ObjId, Vec<(String, ObjId, bool)>>,
    /// Instances of generic functions and methods made so far, by object
    /// and type arguments.
    pub instances: HashMap<(ObjId, Vec<TypeId>), FuncId>,
    /// Instances made but not lowered yet.
    pending: Vec<(ObjId, Vec<TypeId>, FuncId)>,
    /// Generic functions reported as instantiating themselves forever.
    cycle_reported: std::collections::HashSet<ObjId>,
    /// Functions with a body by link symbol: each under its own name
    /// (`syscall.checkClonePidfd`) and under the target of a
    /// `//go:linkname local target` directive that pushes it to another
    /// package (`syscall.hasWaitingReaders`, defined by package sync). A
    /// function declared without a body whose symbol is here is that
    /// function (see [`linked_body`]).
    symbols: HashMap<String, FuncId>,
    /// Methods (declared, instances, promoted wrappers of them) whose last
    /// parameter is variadic: what their func types in
    /// [`Program::method_types`] need that their IR parameters do not say.
    pub variadic_funcs: std::collections::HashSet<FuncId>,
    /// The type arguments, as link names spell them (`[int,string]`), of
    /// the instance being lowered, if any: the functions made meanwhile
    /// belong to it (see [`Ctx::reserve_func`]). One group per `[...]` of
    /// the instance's name: a generic method of a generic type has two,
    /// its receiver's type arguments and its own (`main.L[...].M[...]`).
    instance_args: Option<LinkArgs>,
    /// The type arguments of the instance each function belongs to (the
    /// instances and what was made while lowering them).
    func_args: HashMap<FuncId, LinkArgs>,
    /// Library functions whose bodies wait until the program reaches them
    /// (see [`crate::reach`]).
    pub(crate) deferred: HashMap<FuncId, Deferred<'a>>,
    /// What the reachability walk has seen.
    pub(crate) reach: crate::reach::Reach,
    /// Functions of prebuilt packages whose bodies were skipped (their
    /// code is the unit's): listed in `Program::not_lowered`.
    pub(crate) skipped: std::collections::HashSet<FuncId>,
}

/// A library function's body not lowered yet, with its package (path and
/// unit).
pub(crate) struct Deferred<'a> {
    pub decl: &'a FuncDecl,
    pub pkg: String,
    pub unit: u32,
}

/// The type arguments of an instance as its link name spells them, one
/// group (`[int,main.T]`) for each `[...]` of its name, in order.
type LinkArgs = std::rc::Rc<[Box<str>]>;

/// A generic function or method of a generic type, lowered per instance.
pub struct GenericDecl<'a> {
    /// Its declaration.
    pub decl: &'a FuncDecl,
    /// The import path of its package.
    pub pkg: String,
    /// Whether its package is part of deft's library.
    pub library: bool,
}

/// Type arguments nesting deeper than this are taken for an
/// instantiation cycle (see [`Ctx::instance_func`]).
pub const MAX_TYPE_ARGUMENT_DEPTH: usize = 64;

/// Instances whose type arguments nest deeper than this get no method
/// table (see the module doc).
pub const MAX_METHOD_TABLE_DEPTH: usize = 8;

impl<'a> Ctx<'a> {
    /// The function of the instance of generic function or method `obj`
    /// with type arguments `targs` (free of type parameters), made on first
    /// request and lowered later; `None` when `obj` is not generic.
    pub fn instance_func(&mut self, obj: ObjId, targs: Vec<TypeId>) -> Option<FuncId> {
        let key = (obj, targs);
        if let Some(&f) = self.instances.get(&key) {
            return Some(f);
        }
        let g = self.generic_decls.get(&obj)?;
        let (pkg, decl) = (g.pkg.clone(), g.decl);
        if key.1.iter().any(|&t| crate::subst::type_depth(&self.types, t) > MAX_TYPE_ARGUMENT_DEPTH) {
            // gc rejects a generic function that instantiates itself with
            // ever larger type arguments (`f[T]` calling `f[[]T]`) as an
            // instantiation cycle; the checker does not yet, so it is
            // stopped here rather than lowered forever.
            if self.cycle_reported.insert(obj) {
                self.diags.error(decl.name.pos, "instantiation cycle".to_string());
            }
            return None;
        }
        let own = decl.type_params.iter().map(|f| f.names.len()).sum::<usize>();
        let name = instance_name(self, &pkg, decl, own > 0);
        // The receiver's type arguments, then the method's own: one group
        // for each `[...]` of the name.
        let split = key.1.len() - own.min(key.1.len());
        let groups = [&key.1[..split], &key.1[split..]];
        let args = groups.iter().filter(|g| !g.is_empty()).map(|g| self.link_args(g)).collect();
        let fid = self.reserve_func_in(name, decl.pos, Some(args));
        self.prog.funcs[fid.0 as usize].on_demand = true;
        self.note_variadic(fid, obj);
        self.instances.insert(key.clone(), fid);
        self.pending.push((key.0, key.1, fid));
        Some(fid)
    }

    /// Gives function `f` its parameters now (for code that needs them,
    /// such as a promoted method's wrapper): an instance waiting to be
    /// lowered is lowered.
    pub fn ensure_lowered(&mut self, f: FuncId) {
        if let Some(i) = self.pending.iter().position(|p| p.2 == f) {
            let p = self.pending.remove(i);
            lower_instance(self, p);
        } else if let Some(d) = self.deferred.get(&f) {
            // A library body waits for reachability; its signature is
            // what the caller needs.
            let decl = d.decl;
            crate::reach::declare_signature(self, f, decl);
        }
    }

    /// The methods declared for instance type `t` (`List[int]`) with value
    /// receivers, or with `pointer` those with pointer receivers (the rest
    /// of `*List[int]`'s table), instantiated: (name, function) sorted by
    /// name, as [`TyMap::declared_methods`] gives them for defined types.
    pub fn instance_methods(&mut self, t: TypeId, pointer: bool) -> Vec<(String, FuncId)> {
        let Type::Instance { base, args } = self.types.get(t).clone() else { return Vec::new() };
        if crate::subst::instance_depth(&self.types, t) > MAX_METHOD_TABLE_DEPTH {
            return Vec::new();
        }
        let methods = self.generic_methods.get(&base).cloned().unwrap_or_default();
        let mut out: Vec<(String, FuncId)> = methods
            .into_iter()
            .filter(|m| m.2 == pointer)
            .filter_map(|(name, m, _)| Some((name, self.instance_func(m, args.clone())?)))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Notes method `fid` as variadic if its declaration `obj` is.
    fn note_variadic(&mut self, fid: FuncId, obj: ObjId) {
        if let Type::Func(sig) = self.types.get(self.info.obj(obj).ty)
            && sig.variadic
        {
            self.variadic_funcs.insert(fid);
        }
    }

    /// The checker's facts outside generic code (no substitution).
    pub fn facts(&self) -> crate::facts::Facts<'_> {
        crate::facts::Facts { info: self.info, types: &self.types, subst: &self.no_subst }
    }

    /// The IR type of a checker type.
    pub fn ty(&mut self, t: types::TypeId) -> crate::ir::TyId {
        let env = TyEnv { info: self.info, types: &self.types, methods: &self.methods, pkg: &self.pkg };
        self.tys.lower(&env, &mut self.prog.types, t)
    }

    /// Runs `f` with the type mapping (read only) and its environment.
    pub fn with_env<R>(&self, f: impl FnOnce(&TyMap, &TyEnv) -> R) -> R {
        let env = TyEnv { info: self.info, types: &self.types, methods: &self.methods, pkg: &self.pkg };
        f(&self.tys, &env)
    }

    /// Runs `f` with the type mapping's environment.
    pub fn with_tys<R>(&mut self, f: impl FnOnce(&mut TyMap, &TyEnv, &mut Vec<crate::ir::TyDef>) -> R) -> R {
        let env = TyEnv { info: self.info, types: &self.types, methods: &self.methods, pkg: &self.pkg };
        f(&mut self.tys, &env, &mut self.prog.types)
    }

    /// Reserves a function id; the function is filled in later.
    ///
    /// A function made while an instance is lowered belongs to it: its
    /// link name spells out the instance's type arguments where its name
    /// has gc's `[...]` (a closure `main.Map[...].func1`).
    pub fn reserve_func(&mut self, name: String, pos: Pos) -> FuncId {
        self.reserve_func_in(name, pos, self.instance_args.clone())
    }

    /// [`Ctx::reserve_func`] for a function made for function `from`
    /// (its method value, its pointer wrapper): it belongs to `from`'s
    /// instance, if any, wherever it is made.
    pub fn reserve_func_for(&mut self, name: String, pos: Pos, from: FuncId) -> FuncId {
        let args = self.func_args.get(&from).cloned();
        self.reserve_func_in(name, pos, args)
    }

    /// The type arguments `targs` as link names spell them: `[int,main.T]`.
    fn link_args(&self, targs: &[TypeId]) -> Box<str> {
        let names: Vec<String> = self.with_env(|_, env| targs.iter().map(|&t| crate::tys::link_name(env, t)).collect());
        format!("[{}]", names.join(",")).into()
    }

    /// [`Ctx::reserve_func`] for a function named after IR type `ty`
    /// (`name` is `make(ty's name)`: a promoted method's wrapper): its link
    /// name is made of the type's link name.
    pub fn reserve_func_of_type(&mut self, ty: crate::ir::TyId, make: impl Fn(&str) -> String, pos: Pos) -> FuncId {
        let name = make(&self.prog.types[ty.0 as usize].name);
        let link = self.tys.checker_type(ty).map(|t| self.with_env(|_, env| make(&crate::tys::link_name(env, t))));
        let id = self.reserve_func_in(name, pos, None);
        if let Some(link) = link {
            self.prog.funcs[id.0 as usize].link = link;
        }
        id
    }

    fn reserve_func_in(&mut self, name: String, pos: Pos, args: Option<LinkArgs>) -> FuncId {
        let id = FuncId(self.prog.funcs.len() as u32);
        let link = match &args {
            Some(a) => link_name(&name, a),
            None => name.clone(),
        };
        if let Some(a) = &args {
            self.func_args.insert(id, a.clone());
        }
        self.prog.funcs.push(Func {
            name,
            link,
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
            noinline: false,
            on_demand: self.library,
            unit: args.is_none().then_some(self.unit),
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
            link: std::mem::take(&mut slot.link),
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
            noinline: false,
            on_demand: true,
            unit: None,
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

/// Link name of a function named `name` that belongs to an instance with
/// type arguments `args`: each `[...]` of gc's name, in order, spelled out
/// by the next group (`main.L[...].M[...].func1` is
/// `main.L[int].M[string].func1`).
fn link_name(name: &str, args: &[Box<str>]) -> String {
    let mut parts = name.split("[...]");
    let mut link = parts.next().unwrap_or_default().to_string();
    for (i, part) in parts.enumerate() {
        link.push_str(args.get(i).map_or("[...]", |a| a));
        link.push_str(part);
    }
    link
}

/// gc's name of the code shared by the instances of generic `decl` of
/// package `pkg` (`own`: a method with type parameters of its own):
/// `main.Map[...]`, `main.(*List[...]).Push`, `main.T.M[...]`,
/// `main.(*List[...]).Map[...]`.
fn instance_name(cx: &Ctx, pkg: &str, decl: &FuncDecl, own: bool) -> String {
    let m = &decl.name.name;
    let own = if own { "[...]" } else { "" };
    let Some(recv) = &decl.recv else { return format!("{pkg}.{m}[...]") };
    let Some((tobj, ptr)) = receiver_base(cx, recv) else { return format!("{pkg}.{m}{own}") };
    let t = &cx.info.obj(tobj).name;
    let targs = if cx.types.generics.contains_key(&tobj) { "[...]" } else { "" };
    match ptr {
        false => format!("{pkg}.{t}{targs}.{m}{own}"),
        true => format!("{pkg}.(*{t}{targs}).{m}{own}"),
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
pub fn lower<'a>(
    sources: &'a SourceMap,
    files: &'a [ast::File],
    info: &'a Info,
    opts: &'a LowerOptions,
    diags: &'a mut Diagnostics,
) -> Option<Program> {
    let mut cx = Ctx {
        sources,
        info,
        types: Cow::Borrowed(&info.types_table),
        no_subst: Default::default(),
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
        unit: 0,
        method_value_wrappers: HashMap::new(),
        deref_wrappers: HashMap::new(),
        promoted_wrappers: HashMap::new(),
        generic_decls: HashMap::new(),
        generic_methods: HashMap::new(),
        instances: HashMap::new(),
        pending: Vec::new(),
        cycle_reported: Default::default(),
        symbols: HashMap::new(),
        variadic_funcs: Default::default(),
        instance_args: None,
        func_args: HashMap::new(),
        deferred: HashMap::new(),
        reach: Default::default(),
        skipped: Default::default(),
    };
    let mut main = None;
    let mut inits = Vec::new();
    for pkg in &info.packages {
        let pkg_files = &files[pkg.spec.files.clone()];
        cx.pkg = pkg.spec.path.clone();
        cx.library = pkg.spec.library;
        cx.unit = cx.prog.packages.len() as u32;
        cx.prog.packages.push(crate::ir::Package { path: cx.pkg.clone(), library: cx.library });
        let decls = declare(&mut cx, pkg_files);
        match opts.prebuilt.get(&cx.pkg) {
            None => {
                for &(fid, decl) in &decls.funcs {
                    if crate::reach::lazy(&cx) {
                        cx.deferred.insert(fid, Deferred { decl, pkg: cx.pkg.clone(), unit: cx.unit });
                    } else {
                        lower_func_decl(&mut cx, fid, decl);
                    }
                }
                inits.extend(lower_init(&mut cx, pkg_files, &pkg.init_order));
            }
            Some(&has_init) => {
                for &(fid, decl) in &decls.funcs {
                    // A body the checker checked (one kept for the inliner,
                    // see `LowerOptions::prebuilt`) or a missing one (the
                    // runtime's) is lowered: codegen still takes the
                    // function from the unit when the unit has it.
                    if decl.body_skipped.is_none() {
                        lower_func_decl(&mut cx, fid, decl);
                    } else {
                        lower_func_body(&mut cx, fid, decl, Default::default(), Body::Skipped);
                        cx.skipped.insert(fid);
                    }
                }
                if has_init {
                    let pos = pkg_files.first().map_or(Pos::NONE, |f| f.package_pos);
                    let init = cx.reserve_func(format!("{}.init", cx.pkg), pos);
                    cx.skipped.insert(init);
                    inits.push(init);
                }
            }
        }
        inits.extend(&decls.inits);
        main = decls.main;
    }
    cx.prog.init = program_init(&mut cx, &inits);
    cx.prog.main = main;
    cx.prog.uses_reflect = cx.prog.funcs.iter().any(|f| f.name == "reflect.Value.Call");
    crate::reach::lower_all_if_reflect(&mut cx);
    // Completing the method tables may instantiate methods, whose bodies
    // may make new types and instances in turn; so may the library bodies
    // found reached meanwhile.
    loop {
        lower_instances(&mut cx);
        crate::promote::complete_method_tables(&mut cx);
        if cx.pending.is_empty() && !crate::reach::lower_reached(&mut cx) {
            break;
        }
    }
    crate::reach::finish(&mut cx);
    crate::promote::record_method_types(&mut cx);
    crate::reflectcall::make_call_adapters(&mut cx);
    Some(cx.prog)
}

/// Lowers every instance made and not lowered yet (and those their bodies
/// make), each in its own package's context.
fn lower_instances(cx: &mut Ctx) {
    while let Some(p) = cx.pending.pop() {
        lower_instance(cx, p);
    }
}

/// Lowers one instance, in its package's context.
fn lower_instance(cx: &mut Ctx, (obj, targs, fid): (ObjId, Vec<TypeId>, FuncId)) {
    let Some(g) = cx.generic_decls.get(&obj) else { return };
    let decl = g.decl;
    let (pkg, library) = (std::mem::replace(&mut cx.pkg, g.pkg.clone()), cx.library);
    cx.library = g.library;
    let tparams = cx.types.generics.get(&obj).cloned().unwrap_or_default();
    if tparams.len() != targs.len() {
        cx.ice(decl.pos, "instance with the wrong number of type arguments");
    }
    // The types declared in its body.
    let end = decl.body.as_ref().map_or(decl.pos, |b| b.end);
    let within = |p: Pos| {
        p.file == decl.pos.file
            && (decl.pos.line, decl.pos.col) <= (p.line, p.col)
            && (p.line, p.col) <= (end.line, end.col)
    };
    let locals = cx.types.named.keys().copied().filter(|&o| within(cx.info.obj(o).pos)).collect();
    let subst = crate::subst::substitution(cx.types.to_mut(), &tparams, &targs, locals);
    let args = std::mem::replace(&mut cx.instance_args, cx.func_args.get(&fid).cloned());
    lower_func_body(cx, fid, decl, std::rc::Rc::new(subst), Body::Lowered);
    cx.instance_args = args;
    cx.pkg = pkg;
    cx.library = library;
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

fn declare<'a>(cx: &mut Ctx<'a>, files: &'a [ast::File]) -> Declared<'a> {
    let mut out = Declared { funcs: Vec::new(), inits: Vec::new(), main: None };
    let links = linknames(files);
    // Functions and methods first: declaring a global lowers its type, and
    // a lowered type's method set is fixed then, so every method must be
    // known before any global (a `var p = &T{}` above `func (*T) M()` would
    // otherwise give `*T` an empty method table). Those without a body
    // come last: one may stand for a function of its own package
    // ([`GO_FALLBACKS`]), which must be declared by then.
    let funcs =
        || files.iter().flat_map(|f| &f.decls).filter_map(|d| if let Decl::Func(f) = d { Some(f) } else { None });
    for f in funcs().filter(|f| f.body.is_some()).chain(funcs().filter(|f| f.body.is_none())) {
        declare_func(cx, f, &links, &mut out);
    }
    for decl in files.iter().flat_map(|f| &f.decls) {
        if let Decl::Var(specs) = decl {
            for name in specs.iter().flat_map(|spec| &spec.names) {
                declare_global(cx, name, &links);
            }
        }
    }
    reject_variable_linknames(cx, files);
    out
}

/// A `//go:linkname` naming a package-level variable and a target makes
/// it another package's variable: one of a package lowered before (gc's
/// pull form, `var haveHighResSleep bool` of time's tests is the
/// runtime's), or else it is reported, never ignored (the program would
/// silently use a variable of its own). A target gc's linker makes
/// ([`linker_symbol`]) is the exception. The one-argument form
/// (`//go:linkname X86`, in Go's own library) only lets other packages
/// reach the variable, and changes nothing here.
fn reject_variable_linknames(cx: &mut Ctx, files: &[ast::File]) {
    for (pos, local, target) in files.iter().flat_map(ast::File::linkname_args) {
        if target.is_none_or(|t| linker_symbol(t) || linked_global(cx, t).is_some()) {
            continue;
        }
        if files.iter().any(|f| f.declares_var(local)) {
            cx.unsupported(pos, "//go:linkname of variables");
        }
    }
}

fn declare_global(cx: &mut Ctx, name: &ast::Ident, links: &[(&str, &str)]) {
    if name.name == "_" {
        return;
    }
    let Some(obj) = cx.info.defs.get(&name.id).copied() else {
        cx.ice(name.pos, &format!("no object for global {}", name.name))
    };
    let target = links.iter().find(|(local, _)| *local == name.name);
    if let Some(id) = target.and_then(|(_, t)| linked_global(cx, t)) {
        cx.globals.insert(obj, id);
        return;
    }
    let go_ty = cx.facts().obj_ty(obj);
    let ty = cx.ty(go_ty);
    let id = GlobalId(cx.prog.globals.len() as u32);
    let qualified = format!("{}.{}", cx.pkg, name.name);
    let init = link_string(cx, &qualified, go_ty, ty);
    cx.prog.globals.push(Global { name: qualified, ty, init, unit: cx.unit });
    cx.globals.insert(obj, id);
}

/// The initial value `-ldflags=-X` gives the package variable `qualified`
/// of type `ty`, if any: a static string that a constant initializer does
/// not replace ([`FnCx::static_global_init`] keeps a value already given).
/// gc's linker refuses `-X` of a variable whose type is not `string`
/// (`type:NAME`, a link-time error without a position).
fn link_string(cx: &mut Ctx, qualified: &str, go_ty: TypeId, ty: crate::ir::TyId) -> Option<crate::ir::StaticValue> {
    let value = cx.opts.link_strings.get(qualified)?.clone();
    if go_ty != TypeTable::basic(types::BasicKind::String) {
        let shown = &cx.prog.types[ty.0 as usize].link;
        let msg = format!("{qualified}: cannot set with -X: not a var of type string (type:{shown})");
        cx.diags.error(Pos::NONE, msg);
        return None;
    }
    Some(crate::ir::StaticValue::Const(crate::ir::Const::String(value)))
}

/// Whether `target` names a symbol gc's linker makes (`go:fipsinfo`,
/// which `crypto/internal/fips140/check` reads only in FIPS mode, and then
/// refuses zeros). deft's linking makes none: a variable linked to one is
/// its package's own, zero.
fn linker_symbol(target: &str) -> bool {
    target.starts_with("go:")
}

/// The global of a package lowered before whose symbol is `target`
/// (`runtime.haveHighResSleep`), if there is one.
fn linked_global(cx: &Ctx, target: &str) -> Option<GlobalId> {
    let id = cx.prog.globals.iter().position(|g| g.name == target)?;
    Some(GlobalId(id as u32))
}

/// The `//go:linkname local target` directives of a package's files, as
/// (local, target) pairs.
fn linknames(files: &[ast::File]) -> Vec<(&str, &str)> {
    let args = files.iter().flat_map(ast::File::linkname_args);
    args.filter_map(|(_, local, target)| Some((local, target?))).collect()
}

/// The function with a body that bodyless top-level function `name` of
/// the package being lowered stands for, if the program has one: the
/// function its `//go:linkname` target names (gc's pull form, `os`'s
/// `checkClonePidfd` from `syscall`), one that another package pushed
/// to its own symbol, or its Go fallback ([`GO_FALLBACKS`]). Packages are
/// lowered after their imports, and a package's bodyless functions after
/// its others, so the function is declared by then. Otherwise the
/// runtime implements it.
fn linked_body(cx: &Ctx, name: &str, links: &[(&str, &str)]) -> Option<FuncId> {
    let own = format!("{}.{name}", cx.pkg);
    let target = links.iter().find(|(local, _)| *local == name).map_or(own.as_str(), |(_, t)| t);
    let fallback = || GO_FALLBACKS.iter().find(|(f, _)| *f == own).and_then(|(_, g)| cx.symbols.get(*g));
    cx.symbols.get(target).or_else(|| cx.symbols.get(&own)).or_else(fallback).copied()
}

/// Functions gc writes in amd64 assembly that have a Go twin in their
/// package, to which gc's ports without that assembly jump (a stub
/// `JMP ·block_generic(SB)`): deft is such a port, and the twin gives
/// gc's results by construction. (`purego` makes the crypto packages'
/// choice in Go instead; these packages do not honour it.)
const GO_FALLBACKS: &[(&str, &str)] = &[("internal/chacha8rand.block", "internal/chacha8rand.block_generic")];

fn declare_func<'a>(cx: &mut Ctx<'a>, f: &'a FuncDecl, links: &[(&str, &str)], out: &mut Declared<'a>) {
    if f.name.name == "_" {
        return;
    }
    if f.body.is_none()
        && f.recv.is_none()
        && let Some(fid) = linked_body(cx, &f.name.name, links)
    {
        let Some(obj) = cx.info.defs.get(&f.name.id).copied() else { cx.ice(f.name.pos, "no object for function") };
        cx.funcs.insert(obj, fid);
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
    if cx.types.generics.contains_key(&obj) {
        // Lowered per instance (see the module doc). A method with type
        // parameters of its own is in no method set (it is only called,
        // or taken as a value, instantiated): not in `generic_methods`.
        if let Some(recv) = &f.recv
            && let Some((tobj, ptr)) = receiver_base(cx, recv)
        {
            if f.type_params.is_empty() {
                cx.generic_methods.entry(tobj).or_default().push((f.name.name.clone(), obj, ptr));
            }
            if ptr {
                cx.ptr_methods.insert(obj);
            }
        }
        let g = GenericDecl { decl: f, pkg: cx.pkg.clone(), library: cx.library };
        cx.generic_decls.insert(obj, g);
        return;
    }
    let name = match &f.recv {
        Some(recv) => method_name(cx, recv, &f.name.name),
        None if f.name.name == "init" => format!("{}.init.{}", cx.pkg, out.inits.len()),
        None => format!("{}.{}", cx.pkg, f.name.name),
    };
    let fid = cx.reserve_func(name.clone(), f.pos);
    if f.body.is_some() && f.recv.is_none() {
        if let Some((_, target)) = links.iter().find(|(local, _)| *local == f.name.name) {
            cx.symbols.insert(target.to_string(), fid);
        }
        cx.symbols.insert(name, fid);
    }
    if let Some(recv) = &f.recv {
        cx.note_variadic(fid, obj);
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

/// The defined type a receiver belongs to (the generic type, for a method
/// of one), and whether it is a pointer.
fn receiver_base(cx: &Ctx, recv: &ast::Field) -> Option<(ObjId, bool)> {
    let facts = cx.facts();
    let t = facts.type_of(recv.ty.id)?;
    let base = |t: &Type| match t {
        Type::Named(obj) | Type::Instance { base: obj, .. } => Some(*obj),
        _ => None,
    };
    match facts.get(t) {
        Type::Pointer(e) => Some((base(facts.get(*e))?, true)),
        t => Some((base(t)?, false)),
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

/// Lowers the deferred body of library function `fid`, in its package's
/// context (see [`crate::reach`]).
pub(crate) fn lower_deferred(cx: &mut Ctx, fid: FuncId, d: Deferred) {
    // The closures and wrappers made while lowering it are its package's
    // (its unit's), whichever package is being lowered now.
    let (pkg, library, unit) = (std::mem::replace(&mut cx.pkg, d.pkg), cx.library, cx.unit);
    (cx.library, cx.unit) = (true, d.unit);
    lower_func_decl(cx, fid, d.decl);
    (cx.pkg, cx.library, cx.unit) = (pkg, library, unit);
}

fn lower_func_decl(cx: &mut Ctx, fid: FuncId, f: &FuncDecl) {
    lower_func_body(cx, fid, f, Default::default(), Body::Lowered);
}

/// What [`lower_func_body`] makes of a function's body.
#[derive(Clone, Copy, PartialEq)]
enum Body {
    /// The body.
    Lowered,
    /// Nothing: the function's code comes from the package cache (see
    /// [`crate::LowerOptions::prebuilt`]); it gets its signature only.
    Skipped,
}

/// Lowers declared function `f` into `fid`, with the substitution of its
/// instance (empty for a function that is not generic).
fn lower_func_body(cx: &mut Ctx, fid: FuncId, f: &FuncDecl, subst: std::rc::Rc<crate::facts::Subst>, lowered: Body) {
    let Some(obj) = cx.info.defs.get(&f.name.id).copied() else { cx.ice(f.name.pos, "no object for function") };
    let facts = crate::facts::Facts { info: cx.info, types: &cx.types, subst: &subst };
    let sig_ty = facts.obj_ty(obj);
    // A library function without a body keeps its signature (params and
    // results) and is implemented by the runtime.
    cx.prog.funcs[fid.0 as usize].external = f.body.is_none() && lowered == Body::Lowered;
    cx.prog.funcs[fid.0 as usize].noinline = f.pragmas.iter().any(|p| p.trim_end() == "//go:noinline");
    let body = match (&f.body, lowered) {
        (Some(b), Body::Lowered) => &b.stmts[..],
        _ => &[][..],
    };
    let end = f.body.as_ref().map_or(f.pos, |b| b.end);
    let addressed = crate::func::addressed_vars(facts, &cx.ptr_methods, body);
    let by_value = crate::captures::by_value_captures(facts, &addressed, body);
    cx.by_value.extend(by_value);
    let spec =
        FuncSpec { id: fid, pos: f.pos, recv: f.recv.as_ref(), sig: &f.sig, sig_ty, body, end, closure: false, subst };
    FnCx::lower(cx, spec, &[]);
}

/// Builds `P.init` of the current package, the global initialisers in
/// dependency order, and returns it for the program's init to call. A
/// library package's is left out when it has nothing to do (gc makes
/// `P.init` only for initialisers that need code; an empty one called
/// first shows in no traceback either). Compiled as the package's other
/// functions are, even when empty: every function an object file declares
/// must be defined; and a user package's is called even when empty, as a
/// package cache's hit calls it without knowing whether it has anything
/// to do, so that the program's init is the same code either way.
fn lower_init(cx: &mut Ctx, files: &[ast::File], order: &[types::Initializer]) -> Option<FuncId> {
    let name = format!("{}.init", cx.pkg);
    let pos = files.first().map_or(Pos::NONE, |f| f.package_pos);
    let fid = cx.reserve_func(name.clone(), pos);
    let values = global_values(files);
    let mut plan = FuncPlan::default();
    for (i, lit) in crate::plan::numbered_lits(cx.facts(), &values).into_iter().enumerate() {
        plan.lit_numbers.insert(lit.id, i as u32 + 1);
    }
    let by_id: syntax::ast::NodeMap<&Expr> = values.iter().map(|e| (e.id, *e)).collect();
    // Literals of package-level initialisers are gc 1.27's `main.init.func1`
    // (a `func init`'s are `main.init.0.func1`).
    let mut fcx = FnCx::new_init(cx, fid, format!("{name}.func"), plan);
    let mut body = Vec::new();
    for init in order {
        let Some(rhs) = by_id.get(&init.rhs).copied() else { fcx.ice(pos, "initializer expression not found") };
        if fcx.static_global_init(&init.lhs, rhs) {
            continue;
        }
        fcx.global_init(&init.lhs, rhs, &mut body);
    }
    let empty = body.is_empty();
    body.push(Stmt::Return(Pos::NONE));
    fcx.finish(body, Pos::NONE);
    (!empty || !cx.library).then_some(fid)
}

/// The program's initialisation, [`Program::init`]: a call of each
/// package's initialisation functions (`P.init`, then its `func init`s in
/// source order), packages in initialisation order, as gc's runtime runs
/// each package's init task. Each package's code is thus a function of
/// its own that no other package's calls, so that a package's compiled
/// code does not depend on which packages come before it (issue 14's
/// package cache). Named as the runtime function of gc that does this;
/// codegen hides its frame, as gc's tracebacks hide the runtime's.
fn program_init(cx: &mut Ctx, inits: &[FuncId]) -> FuncId {
    let library = std::mem::replace(&mut cx.library, false);
    let fid = cx.reserve_func(PROGRAM_INIT.to_string(), Pos::NONE);
    let mut fcx = FnCx::new_init(cx, fid, format!("{PROGRAM_INIT}.func"), FuncPlan::default());
    let mut body: Vec<Stmt> = inits.iter().map(|&f| fcx.call_static(f, Pos::NONE)).collect();
    body.push(Stmt::Return(Pos::NONE));
    fcx.finish(body, Pos::NONE);
    cx.library = library;
    cx.prog.funcs[fid.0 as usize].unit = None;
    fid
}

/// The name of [`Program::init`] (gc's runtime function that runs
/// packages' init tasks).
pub const PROGRAM_INIT: &str = "runtime.doInit";

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
