//! Lowered IR → Cranelift IR → machine code + funcdata, run in memory (JIT)
//! or written as an object file for an executable (`deft build`).
//!
//! ```text
//! lower::ir::Program
//!   │  program.rs  declare every function (Go signature and convention),
//!   │              static data: strings, type descriptors, func values, globals
//!   │  func.rs     frame (where locals live), statements, places
//!   │  bounds.rs   index operations a loop's condition proves in bounds
//!   │  expr.rs     expressions with Go's arithmetic, conversions, interfaces
//!   │  calls.rs    Go calls, runtime calls and checks, print/println
//!   │  maps.rs     map indexing, stores, delete, len, make, range
//!   │  defers.rs   open-coded defers, defer records, deferreturn block, thunks
//!   │  external.rs adapters to library functions the runtime implements
//!   │  intrinsics.rs sync/atomic's operations, inline at direct calls
//!   │  inline.rs   calls of small leaf functions replaced by their code
//!   │  reduce.rs   integer reductions over slices split over accumulators
//!   │  prove.rs    branches (bounds checks) that dominating comparisons decide
//!   ▼
//! Cranelift IR ──(any cranelift_module::Module: translate)──▶ machine code
//!   │  funcdata.rs  lines, deferBits/argument slot offsets, landing pads
//!   ├─ jit.rs     cranelift-jit: runtime::frames::register, run init, then main
//!   ▼
//! object.rs  cranelift-object: the same code, the funcdata as data
//!            (runtime::image::Image) and a C `main` calling deft_main
//! ```
//!
//! Conventions: a Go function has the SystemV convention when its results
//! fit SystemV's return registers and Tail otherwise
//! ([`program::go_call_conv`], which says why); every Go function takes the
//! closure context as a hidden first parameter (null for static calls);
//! runtime entry points are in one table ([`runtime_symbols`]); the runtime
//! enters Go code through generated trampolines and defer thunks.
//!
//! **Architecture invariant:** codegen never reports a user error by
//! panicking: constructs it does not handle become `deft does not support X
//! yet` diagnostics. Only `jit.rs` contains `unsafe` code (calling the
//! generated entry point).
#![deny(missing_docs)]
#![deny(unsafe_code)]

pub mod artifact;
pub mod bounds;
pub mod calls;
pub mod chans;
pub mod deadstores;
pub mod defers;
pub mod epilogue;
pub mod escape;
pub mod expr;
pub mod external;
pub mod func;
pub mod funcdata;
pub mod iface;
pub mod inline;
pub mod intrinsics;
mod jit;
pub mod layout;
pub mod leaks;
pub mod maps;
mod methods;
mod object;
pub mod program;
pub mod prove;
mod reduce;
pub mod runtime_symbols;
pub mod slices;
mod statics;
pub mod typeswitch;

use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::{DataId, FuncId as ClifFuncId, Module};
use lower::ir::{FuncId, Program};
use syntax::{Diagnostic, SourceMap};

pub use jit::JitProgram;
pub use object::{ObjectProgram, compile_object};

use crate::funcdata::CompiledFunc;
use crate::program::ProgramCx;

/// Where compiled machine code is kept between runs: the blobs Cranelift's
/// incremental cache makes, by the 32-byte hash of a function's Cranelift
/// IR (and the ISA and its flags). A function whose IR is unchanged is not
/// compiled again. The implementation (the driver's, on disk) must treat
/// every stored blob as untrusted: `get` returns only a blob that `put`
/// stored under that key, intact, or `None`. Keys come in groups (a
/// function's group is its source file): an implementation can keep a
/// group's entries together, so that a compilation reads the entries of
/// the files it compiles and no others.
pub trait CodeCache: std::fmt::Debug + Send + Sync {
    /// The blob stored under `key` in `group`, if there is an intact one.
    fn get(&self, group: &str, key: &[u8]) -> Option<Vec<u8>>;
    /// Stores `blob` under `key` in `group` (best effort: failures are
    /// ignored).
    fn put(&self, group: &str, key: &[u8], blob: &[u8]);
}

/// Code generation options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Cranelift `opt_level=speed` (the ISA is built once per process with
    /// it; `false` is accepted and currently has the same effect).
    pub opt_level_speed: bool,
    /// Go functions (by traceback name) whose Cranelift IR and machine code
    /// (VCode after register allocation) are printed to stderr: a debugging
    /// aid.
    pub dump_functions: Vec<String>,
    /// The machine-code cache, if any.
    pub cache: Option<std::sync::Arc<dyn CodeCache>>,
    /// A self-test of the program and package caches' artifacts on whole
    /// programs (see [`Relink`]).
    pub relink: Relink,
    /// [`compile_jit`] also returns the program as an encoded artifact
    /// ([`JitProgram::take_artifact`]), for the driver's program cache.
    pub keep_artifact: bool,
    /// Packages, by import path, whose code is the given unit (made by
    /// [`package_units`] or kept by the package cache) rather than
    /// translated: the program was lowered with their bodies skipped
    /// (`lower::LowerOptions::prebuilt`).
    pub prebuilt: Vec<(String, artifact::Artifact)>,
    /// [`compile_jit`] gives the units of the main module's packages it
    /// translated (but main's), for the package cache to keep
    /// ([`JitProgram::units`]).
    pub keep_units: bool,
    /// With `keep_units`, [`compile_jit`] also gives the library's unit,
    /// [`LIBRARY_UNIT`], if it translated the library: the code of every
    /// library package as this program reached it, one unit, with the
    /// [`artifact::UnitFacts`] that code translated beside it needs (its
    /// functions with inline bodies, its escape summaries). Holding what one program
    /// reached, it serves that program's next compilations; a program
    /// that reaches more finds it incomplete (`Failure::StaleUnits`).
    pub keep_library: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            opt_level_speed: true,
            dump_functions: Vec::new(),
            cache: None,
            relink: Relink::Off,
            keep_artifact: false,
            prebuilt: Vec::new(),
            keep_units: false,
            keep_library: false,
        }
    }
}

/// How [`compile_jit`] runs a program through the package cache's
/// artifacts, to prove them on whole programs (`DEFT_RELINK`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Relink {
    /// The program's code as translated.
    #[default]
    Off,
    /// Every package's unit ([`artifact::split`]) written, read back and
    /// linked into a fresh module (`DEFT_RELINK=1`).
    Units,
    /// The units of the main module's packages other than main
    /// ([`package_units`]) written and read back, then the program lowered
    /// and translated again without them and linked with them, as the
    /// package cache's hits will be (`DEFT_RELINK=packages`, which the
    /// driver runs).
    Packages,
}

/// Cranelift's view of a [`CodeCache`], for one function of `group`.
struct CacheStore<'c> {
    cache: &'c dyn CodeCache,
    group: &'c str,
}

impl cranelift_codegen::incremental_cache::CacheKvStore for CacheStore<'_> {
    fn get(&self, key: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
        self.cache.get(self.group, key).map(std::borrow::Cow::Owned)
    }

    fn insert(&mut self, key: &[u8], val: Vec<u8>) {
        self.cache.put(self.group, key, &val);
    }
}

/// The cache group of a function: its source file, whose functions are
/// looked up together (generated glue, which has none, shares one group).
fn cache_group(meta: &funcdata::FuncMeta) -> &str {
    if meta.file.is_empty() { "<glue>" } else { &meta.file }
}

/// Compiles `program` to machine code in memory. Returns the program ready
/// to run, or the diagnostics for constructs deft does not support yet.
pub fn compile_jit(program: &Program, sources: &SourceMap, opts: &Options) -> Result<JitProgram, Failure> {
    let mut module = jit::new_module();
    let prebuilt = Prebuilt::of(program, opts);
    let translated = translate(&mut module, program, sources, opts, &prebuilt)?;
    let whole = match opts.keep_artifact {
        true => Some(whole_artifact(&module, &translated, &prebuilt)?),
        false => None,
    };
    let mut jit = if opts.relink == Relink::Units {
        let all: Vec<usize> = (0..program.packages.len().max(1)).collect();
        let units = split_units(&module, program, &translated, &all, usize::MAX)?;
        drop(module);
        let mut fresh = jit::new_module();
        let linked = artifact::link_units(&mut fresh, &units).map_err(|e| ice(&e))?;
        jit::finish(fresh, linked)?
    } else {
        let units = match opts.keep_units {
            true => package_units_of(&module, program, &translated, &prebuilt, opts.keep_library)?,
            false => Vec::new(),
        };
        let mut jit = jit::finish(module, translated)?;
        jit.units = units;
        jit
    };
    if let Some(bytes) = whole {
        jit.set_artifact(bytes);
    }
    Ok(jit)
}

/// The whole program `translated` (translated with a capture into
/// `module`) and the prebuilt units linked beside it, as one encoded list
/// of artifacts: what [`link_jit`] reads back.
fn whole_artifact(
    module: &cranelift_jit::JITModule,
    translated: &Translated,
    prebuilt: &Prebuilt,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let capture = translated.capture.as_ref().ok_or_else(|| ice("nothing captured"))?;
    let art = artifact::capture(module.declarations(), capture, translated)
        .ok_or_else(|| ice("the program cannot be written as an artifact"))?;
    let all: Vec<&artifact::Artifact> = std::iter::once(&art).chain(&prebuilt.arts).collect();
    Ok(artifact::encode_list(&all))
}

/// Links a whole program's artifacts, as [`JitProgram::take_artifact`]
/// gave them, into memory, ready to run; `Err` says why the bytes are not
/// such a program.
pub fn link_jit(encoded: &[u8]) -> Result<JitProgram, String> {
    let units = artifact::decode_list(encoded).ok_or("an artifact does not read back")?;
    let mut module = jit::new_module();
    let linked = artifact::link_units(&mut module, &units)?;
    jit::finish(module, linked).map_err(|d| d.into_iter().map(|d| d.msg).collect::<Vec<_>>().join("\n"))
}

/// The units of the main module's packages but main, as the package
/// cache would keep them: `program` compiled and split, each unit written
/// and read back, paired with its package's import path (for
/// `DEFT_RELINK=packages`, see [`Relink::Packages`]).
pub fn package_units(
    program: &Program,
    sources: &SourceMap,
    opts: &Options,
) -> Result<Vec<(String, artifact::Artifact)>, Vec<Diagnostic>> {
    let mut module = jit::new_module();
    let opts = Options { relink: Relink::Units, prebuilt: Vec::new(), ..opts.clone() };
    let translated =
        translate(&mut module, program, sources, &opts, &Prebuilt::default()).map_err(Failure::into_diagnostics)?;
    package_units_of(&module, program, &translated, &Prebuilt::default(), false)
}

/// The units of the main module's packages but main and but those
/// `prebuilt`, of `translated` (translated with a capture into `module`);
/// with `library`, the library's unit too if it was translated (see
/// [`Options::keep_library`]).
fn package_units_of(
    module: &cranelift_jit::JITModule,
    program: &Program,
    translated: &Translated,
    prebuilt: &Prebuilt,
    library: bool,
) -> Result<Vec<(String, artifact::Artifact)>, Vec<Diagnostic>> {
    let last = program.packages.len().saturating_sub(1);
    let translated_unit = |u: usize| prebuilt.units.get(u).copied().flatten().is_none();
    let mut kept: Vec<usize> = (program.packages.iter().enumerate())
        .filter(|&(u, p)| !p.library && u < last && translated_unit(u))
        .map(|(u, _)| u)
        .collect();
    let library = library && program.packages.iter().enumerate().any(|(u, p)| p.library && translated_unit(u));
    // The library's packages are one unit, numbered after the program's.
    let library_unit = program.packages.len();
    if library {
        kept.push(library_unit);
    }
    if kept.is_empty() {
        return Ok(Vec::new());
    }
    let mut units = split_units(module, program, translated, &kept, library_unit)?;
    let paths = kept.iter().map(|&u| program.packages.get(u).map_or(LIBRARY_UNIT, |p| &p.path).to_string());
    if library && let Some(unit) = units.last_mut() {
        unit.facts = translated.library_facts.clone();
    }
    Ok(paths.zip(units).collect())
}

/// What `translated` (translated with a capture into `module`) is as the
/// units `which` of `program`'s packages (indices of its packages, or
/// `library_unit` for all of the library's), each written and read back.
fn split_units(
    module: &cranelift_jit::JITModule,
    program: &Program,
    translated: &Translated,
    which: &[usize],
    library_unit: usize,
) -> Result<Vec<artifact::Artifact>, Vec<Diagnostic>> {
    let capture = translated.capture.as_ref().ok_or_else(|| ice("nothing captured"))?;
    let art = artifact::capture(module.declarations(), capture, translated)
        .ok_or_else(|| ice("the program cannot be written as an artifact"))?;
    let owners = unit_owners(program);
    let program_unit = program.packages.len().max(1) - 1;
    let owner = |s: &str| {
        let u = *owners.get(s)?;
        Some(if program.packages[u].library && which.contains(&library_unit) { library_unit } else { u })
    };
    let units = artifact::split(&art, which, program_unit, owner)
        .ok_or_else(|| ice("the program's artifact does not split into units"))?;
    let units: Option<Vec<_>> = units.iter().map(|u| artifact::Artifact::decode(&u.encode())).collect();
    units.ok_or_else(|| ice("an artifact does not read back"))
}

/// An internal compiler error as codegen's diagnostics.
fn ice(what: &str) -> Vec<Diagnostic> {
    vec![Diagnostic { pos: syntax::Pos::NONE, msg: format!("internal compiler error: {what}") }]
}

/// The name [`Options::prebuilt`] and [`JitProgram::units`] give the unit
/// of every library package at once (see [`Options::keep_library`]).
pub const LIBRARY_UNIT: &str = "<library>";

/// Packages whose code comes from artifacts instead of translation: what
/// [`translate`] declares, does not translate, and links beside what it
/// translated.
#[derive(Default)]
pub(crate) struct Prebuilt {
    /// Per unit (an index of [`Program::packages`]): the index in `arts`
    /// of the artifact its code comes from, if prebuilt.
    pub units: Vec<Option<usize>>,
    /// The units' artifacts.
    pub arts: Vec<artifact::Artifact>,
    /// Their packages' import paths ([`LIBRARY_UNIT`] for the library's).
    pub paths: Vec<String>,
}

impl Prebuilt {
    /// The prebuilt units of [`Options::prebuilt`], by `program`'s packages.
    pub(crate) fn of(program: &Program, opts: &Options) -> Prebuilt {
        let mut p = Prebuilt { units: vec![None; program.packages.len()], ..Prebuilt::default() };
        for (path, art) in &opts.prebuilt {
            let covers = |q: &lower::ir::Package| match path.as_str() {
                LIBRARY_UNIT => q.library,
                _ => &q.path == path,
            };
            let mut used = false;
            for (u, _) in program.packages.iter().enumerate().filter(|(_, q)| covers(q)) {
                p.units[u] = Some(p.arts.len());
                used = true;
            }
            if used {
                p.arts.push(art.clone());
                p.paths.push(path.clone());
            }
        }
        p
    }
}

/// The unit (an index of [`Program::packages`]) that defines each named
/// object of `program` that a unit owns: functions by [`lower::ir::Func::unit`],
/// package-level variables by their package.
fn unit_owners(program: &Program) -> std::collections::HashMap<String, usize> {
    let funcs = program.funcs.iter().filter_map(|f| Some((program::go_symbol(&f.link), f.unit? as usize)));
    let globals = program.globals.iter().map(|g| (program::var_symbol(&g.name), g.unit as usize));
    funcs.chain(globals).collect()
}

/// What translating a program into a module produced, before the module
/// is finished (finalized in memory, or written as an object file).
pub(crate) struct Translated {
    /// Funcdata of every function defined.
    pub compiled: Vec<CompiledFunc>,
    /// Every package-level variable's storage and size: the collector's roots.
    pub globals: Vec<(DataId, usize)>,
    /// The entry trampoline (`runtime::entry::GoTrampoline`).
    pub trampoline: ClifFuncId,
    /// The text-method catcher (`runtime::entry::TextCatcher`).
    pub catcher: ClifFuncId,
    /// The program's `init`.
    pub init: ClifFuncId,
    /// `main.main`, if the program has one.
    pub main: Option<ClifFuncId>,
    /// With reflect, the table of every type descriptor the program has and
    /// its length (see `runtime::library::register_typelinks`).
    pub typelinks: Option<(DataId, usize)>,
    /// What was defined, when [`Options::relink`] or [`Options::keep_artifact`] asked for it.
    pub capture: Option<artifact::Capture>,
    /// What the translation assumed of the whole program.
    pub assumed: artifact::Assumptions,
    /// What code translated beside the library's unit needs to know of
    /// its functions, when [`Options::keep_library`] asked for it.
    pub library_facts: artifact::UnitFacts,
}

/// Why code generation gave no program.
#[derive(Debug)]
pub enum Failure {
    /// Constructs deft does not support yet (or internal errors).
    Diagnostics(Vec<Diagnostic>),
    /// Prebuilt units, by import path, that were compiled under
    /// assumptions this program breaks ([`artifact::Assumptions`]: it
    /// calls a method their copies of method tables left dead, say): the
    /// program must be compiled again with those packages translated.
    StaleUnits(Vec<String>),
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(d: Vec<Diagnostic>) -> Failure {
        Failure::Diagnostics(d)
    }
}

impl Failure {
    /// The failure as diagnostics, for a compilation that has no prebuilt
    /// units (where stale ones are an internal error).
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        match self {
            Failure::Diagnostics(d) => d,
            Failure::StaleUnits(paths) => ice(&format!("stale units without a package cache: {paths:?}")),
        }
    }
}

/// Translates `program` into `module`, any kind of Cranelift module: the
/// seam between the compiler and where its code goes. Every function the
/// program can reach is defined, with the two entry glues the runtime calls.
pub(crate) fn translate(
    module: &mut dyn Module,
    program: &Program,
    sources: &SourceMap,
    opts: &Options,
    prebuilt: &Prebuilt,
) -> Result<Translated, Failure> {
    let mut cx = ProgramCx::new(module, program, sources);
    cx.cache = opts.cache.clone();
    cx.use_prebuilt(prebuilt);
    // Linking prebuilt units needs the names the translation defined.
    let capture = opts.relink != Relink::Off || opts.keep_artifact || !prebuilt.arts.is_empty() || opts.keep_units;
    cx.capture = capture.then(artifact::Capture::default);
    let mut ctx = cx.module.make_context();
    let mut fctx = FunctionBuilderContext::new();
    let mut inliner = inline::Inliner::new(&cx);
    // Compile what the program can reach, starting from init, main and
    // every function the user wrote (see `Func::on_demand`).
    for i in (0..program.funcs.len()).rev() {
        if !program.funcs[i].on_demand && !cx.is_prebuilt(FuncId(i as u32)) {
            cx.func_decl(FuncId(i as u32));
        }
    }
    cx.func_decl(program.init);
    if let Some(m) = program.main {
        cx.func_decl(m);
    }
    // What the units refer to and none defines: queued for translation
    // now, and what still has no definition once it is done dangles.
    let unit_refs = artifact::undefined_refs(&prebuilt.arts);
    queue_prebuilt_refs(&mut cx, &unit_refs);
    for art in &prebuilt.arts {
        cx.assume(&art.assumed);
    }
    give_summaries(&mut cx, &prebuilt.arts);
    // Compiling functions makes method tables, whose live methods (see
    // `methods`) are compiled in turn, until nothing new is reached.
    // So do the descriptors of func types, whose reflect call adapters
    // are compiled once reflect can call through them.
    loop {
        compile_worklist(&mut cx, &mut ctx, &mut fctx, &mut inliner, opts);
        let tables = cx.resolve_method_tables();
        if !cx.resolve_reflect_calls() && !tables {
            break;
        }
    }
    cx.define_method_tables();
    cx.define_func_descs();
    let mut sig = cranelift_codegen::ir::Signature::new(cranelift_codegen::isa::CallConv::SystemV);
    sig.params.extend([cranelift_codegen::ir::AbiParam::new(cranelift_codegen::ir::types::I64); 4]);
    let trampoline = cx.declare_anon(&sig);
    let meta = defers::define_entry_trampoline(&cx, &mut ctx, &mut fctx);
    define(&mut cx, &mut ctx, trampoline, meta);
    cx.module.clear_context(&mut ctx);
    sig.returns.push(cranelift_codegen::ir::AbiParam::new(cranelift_codegen::ir::types::I64));
    let catcher = cx.declare_anon(&sig);
    let meta = defers::define_text_catcher(&cx, &mut ctx, &mut fctx);
    define(&mut cx, &mut ctx, catcher, meta);
    if !cx.diags.is_empty() {
        let mut d = std::mem::take(&mut cx.diags);
        d.sort_by_key(|d| (d.pos.file, d.pos.line, d.pos.col));
        d.dedup();
        return Err(d.into());
    }
    let init = cx.func_decl(program.init);
    let main = program.main.map(|m| cx.func_decl(m));
    let globals = cx.global_ids();
    let typelinks = cx.typelinks(&prebuilt.arts);
    let assumed = cx.assumptions();
    // A unit is stale when this program assumes more than its
    // translation did, or reaches something of its packages it lacks; and
    // all are when their code refers to what neither they nor the
    // translation define (rare: the program changed under them).
    let incomplete: std::collections::HashSet<usize> =
        cx.incomplete_units.iter().filter_map(|&u| prebuilt.units.get(u as usize).copied().flatten()).collect();
    let defined = cx.capture.as_ref().map(|c| c.defined_names(cx.module.declarations())).unwrap_or_default();
    let dangling = unit_refs.iter().any(|&n| !defined.contains(n));
    let stale: Vec<String> = (prebuilt.arts.iter().enumerate())
        .filter(|(a, art)| dangling || !art.assumed.hold_in(&assumed) || incomplete.contains(a))
        .map(|(a, _)| prebuilt.paths[a].clone())
        .collect();
    if !stale.is_empty() {
        return Err(Failure::StaleUnits(stale));
    }
    let library_facts = match opts.keep_library {
        true => library_facts(&cx, &inliner),
        false => artifact::UnitFacts::default(),
    };
    let capture = cx.capture;
    let mut t = Translated {
        compiled: cx.compiled,
        globals,
        trampoline,
        catcher,
        init,
        main,
        typelinks,
        capture,
        assumed,
        library_facts,
    };
    if !prebuilt.arts.is_empty() {
        artifact::link_beside(cx.module, &prebuilt.arts, defined, &mut t).map_err(|e| ice(&e))?;
    }
    Ok(t)
}

/// The escape summaries the prebuilt units' compilations made of their
/// functions, given to this translation's (their bodies are not lowered).
fn give_summaries(cx: &mut ProgramCx, arts: &[artifact::Artifact]) {
    if arts.iter().all(|a| a.facts.leaks.is_empty()) {
        return;
    }
    let prog = cx.prog;
    let funcs: std::collections::HashMap<String, FuncId> =
        prog.funcs.iter().enumerate().map(|(i, f)| (program::go_symbol(&f.link), FuncId(i as u32))).collect();
    for (name, leaks) in arts.iter().flat_map(|a| &a.facts.leaks) {
        if let Some(&g) = funcs.get(name) {
            cx.leaks.give(g, leaks);
        }
    }
}

/// What code translated beside the library's unit needs of its functions:
/// those `inliner` found to have inline bodies and the escape summaries
/// made of them.
fn library_facts(cx: &ProgramCx, inliner: &inline::Inliner) -> artifact::UnitFacts {
    let prog = cx.prog;
    let library = |g: FuncId| {
        let f = &prog.funcs[g.0 as usize];
        f.unit.is_some_and(|u| prog.packages.get(u as usize).is_some_and(|p| p.library))
    };
    let mut leaves: Vec<String> =
        inliner.leaves().filter(|&g| library(g)).map(|g| prog.funcs[g.0 as usize].name.clone()).collect();
    leaves.sort();
    let mut leaks: Vec<(String, Vec<bool>)> = (cx.leaks.finals())
        .filter(|&(g, _)| library(g))
        .map(|(g, l)| (program::go_symbol(&prog.funcs[g.0 as usize].link), l.to_vec()))
        .collect();
    leaks.sort();
    artifact::UnitFacts { leaves, leaks }
}

/// Queues for translation `refs`, what the prebuilt units refer to and
/// none of them defines: functions of the packages translated (library
/// code is compiled where the program reaches it, and a unit's code
/// reaches it too) and their package-level variables.
fn queue_prebuilt_refs(cx: &mut ProgramCx, refs: &std::collections::HashSet<&str>) {
    if refs.is_empty() {
        return;
    }
    let prog = cx.prog;
    let funcs: std::collections::HashMap<String, FuncId> =
        prog.funcs.iter().enumerate().map(|(i, f)| (program::go_symbol(&f.link), FuncId(i as u32))).collect();
    let globals: std::collections::HashMap<String, lower::ir::GlobalId> = prog
        .globals
        .iter()
        .enumerate()
        .map(|(i, g)| (program::var_symbol(&g.name), lower::ir::GlobalId(i as u32)))
        .collect();
    for &name in refs {
        if let Some(&f) = funcs.get(name) {
            cx.func_decl(f);
        } else if let Some(&g) = globals.get(name) {
            cx.global(g);
        }
    }
}

/// The alignment of a function of `len` bytes: 32 bytes (gc's), or 64 when
/// that makes its code span fewer 64-byte lines.
///
/// The CPU fetches and caches decoded instructions by aligned 64-byte
/// lines, and a path through a function that crosses into another line
/// costs a fetch of its own: a small function that straddles a boundary
/// pays for it on every call (measured on `bench/deferbench.go`'s
/// open-defer-closure, whose 61 bytes starting 32 bytes into a line took a
/// cycle more per call than the same bytes in one line). A function of
/// `len` bytes spans `ceil(len / 64)` lines from a 64-byte boundary, and
/// as many from the middle of a line only when `len % 64` is 1 to 32; the
/// others are worth the padding of a 64-byte boundary.
pub fn code_alignment(len: usize) -> u64 {
    match len % 64 {
        1..=32 => 32,
        _ => 64,
    }
}

/// Compiles every function of the worklist, and the thunks and glue they
/// need, until it is empty.
fn compile_worklist(
    cx: &mut ProgramCx,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
    inliner: &mut inline::Inliner,
    opts: &Options,
) {
    let program = cx.prog;
    loop {
        // Glue declared by the last function (or by resolving method
        // tables); receiver wrappers queue the methods they call.
        iface::define_glue(cx, ctx, fctx, define);
        let Some(fid) = cx.worklist.pop() else { break };
        let i = fid.0 as usize;
        if cx.is_prebuilt(fid) {
            cx.note_unit_has(fid);
            continue;
        }
        if program.funcs[i].external {
            if let Some(meta) = external::define_adapter(cx, ctx, fctx, fid) {
                let id = cx.funcs[i];
                define(cx, ctx, id, meta);
            }
            cx.module.clear_context(ctx);
            continue;
        }
        let translated = func::translate(cx, &mut ctx.func, fctx, fid);
        if let Some((mut meta, _)) = translated {
            if inliner.inline_calls(cx, ctx, fctx, fid, &mut meta) {
                inline::fold_constant_branches(ctx, cx.module.isa());
            }
            let bounds =
                cranelift_codegen::ir::UserExternalName::new(0, cx.rt_func(runtime_symbols::Rt::PanicBounds).as_u32());
            prove::fold_decided_branches(ctx, cx.module.isa(), &bounds);
            let id = cx.funcs[i];
            let dump = opts.dump_functions.contains(&meta.name);
            if dump {
                eprintln!("---- {} (Cranelift IR) ----\n{}", meta.name, ctx.func.display());
            }
            ctx.set_disasm(dump);
            define(cx, ctx, id, meta);
        }
        cx.module.clear_context(ctx);
        while let Some((spec, id)) = cx.pending_thunks.pop() {
            let meta = defers::define_thunk(cx, ctx, fctx, &spec);
            define(cx, ctx, id, meta);
            cx.module.clear_context(ctx);
        }
    }
}

/// Compiles the function in `ctx` as `id` (with [`epilogue`]'s peephole
/// applied to its code) and records its funcdata.
fn define(cx: &mut ProgramCx, ctx: &mut Context, id: cranelift_module::FuncId, meta: funcdata::FuncMeta) {
    let name = meta.name.clone();
    epilogue::mark_returns(&mut ctx.func);
    let mut ctrl_plane = cranelift_codegen::control::ControlPlane::default();
    // A function being dumped is compiled afresh: the cache has no VCode.
    let result = match &cx.cache {
        Some(cache) if !ctx.want_disasm => {
            let mut store = CacheStore { cache: cache.as_ref(), group: cache_group(&meta) };
            ctx.compile_with_cache(cx.module.isa(), &mut store, &mut ctrl_plane).map(|_| ())
        }
        _ => ctx.compile(cx.module.isa(), &mut ctrl_plane).map(|_| ()),
    };
    if let Err(e) = result {
        let e = cranelift_codegen::print_errors::pretty_error(e.func, e.inner);
        return cx.error(syntax::Pos::NONE, format!("internal compiler error: compiling {name}: {e}"));
    }
    let compiled = ctx.compiled_code().expect("compiled just now");
    if let Some(v) = &compiled.vcode {
        eprintln!("---- {name} (Cranelift IR after its optimisations) ----\n{}", ctx.func.display());
        eprintln!("---- {name} (machine code; each epilogue's `mov %rbp, %rsp` becomes a nop) ----\n{v}");
    }
    let mut code = compiled.code_buffer().to_vec();
    epilogue::patch(&mut code, &compiled.buffer);
    let relocs: Vec<_> = compiled
        .buffer
        .relocs()
        .iter()
        .map(|r| cranelift_module::ModuleReloc::from_mach_reloc(r, &ctx.func, id))
        .collect();
    let align = u64::from(compiled.buffer.alignment).max(code_alignment(code.len()));
    if let Err(e) = cx.module.define_function_bytes(id, align, &code, &relocs) {
        return cx.error(syntax::Pos::NONE, format!("internal compiler error: defining {name}: {e:?}"));
    }
    if let Some(capture) = &mut cx.capture {
        capture.func(id, align, &code, &relocs);
    }
    let c: CompiledFunc = funcdata::collect(id, ctx, meta);
    cx.compiled.push(c);
    // Cranelift 0.135's `Context::clear` keeps the exception tables: the
    // next function would carry this one's, which would also change its
    // cache key from run to run.
    ctx.func.dfg.exception_tables.clear();
}

#[cfg(test)]
mod tests {
    use super::code_alignment;

    #[test]
    fn alignment_minimises_the_lines_a_function_spans() {
        // Lines spanned by `len` bytes starting `start` bytes into a line.
        let lines = |start: usize, len: usize| (start + len - 1) / 64 + 1;
        for len in 1..400 {
            let (from_line, from_middle) = (lines(0, len), lines(32, len));
            match code_alignment(len) {
                32 => assert_eq!(from_middle, from_line, "len {len}: 32-byte alignment costs a line"),
                64 => assert!(from_middle > from_line, "len {len}: 64-byte alignment buys nothing"),
                a => panic!("len {len}: alignment {a}"),
            }
        }
    }
}
