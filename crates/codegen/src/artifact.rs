//! Compiled code as bytes that another run can link: the format of issue
//! 14's package artifacts.
//!
//! An [`Artifact`] holds functions (machine code, alignment, relocations)
//! and data objects (bytes or a zeroed size, alignment, writability,
//! relocations), every reference made *symbolic*: a named object by its
//! symbol (`go:main.f`, `go:type:[]int`, `go:var:main.x`: the link names
//! of `lower::ir`, the same in every program, see `program::go_symbol`), an
//! import by name (a runtime entry point, a library function, a libcall),
//! and an anonymous object (string bytes, a defer thunk, glue) by its
//! index in the artifact, which carries its own copy. Beside them: the
//! functions' funcdata in the runtime's encoding (`runtime::image::
//! encode_funcs`, code addresses as indices of the artifact's functions,
//! the encoding `deft build`'s images use), the globals (the collector's
//! roots) and the entry glues.
//!
//! [`capture`] makes one from what [`crate::translate`] defined in a
//! module; [`split`] cuts a whole program's into one per package (a
//! *unit*: the package's own code and data, with copies of what no
//! package owns that it refers to); [`link_units`] defines artifacts in
//! another module (a named object the module has declared already is
//! reused, so what a translation declared first keeps its signature; a
//! named object two units both carry is defined once, by the first).
//! [`Artifact::encode`] and [`Artifact::decode`] write and read it;
//! decoding checks every length and index and gives `None` for bytes that
//! are not an artifact (the cache checksums what it stores; this is the
//! second line).
//!
//! Today a program's units are made and linked in the same run
//! (`Options::relink`, a self-test of the format and of the split on whole
//! programs); keeping them in the cache is the next seam.

use cranelift_codegen::binemit::Reloc;
use cranelift_codegen::entity::EntityRef;
use cranelift_codegen::ir::Signature;
use cranelift_codegen::isa::CallConv;
use cranelift_module::{
    DataDescription, DataId, FuncId as ClifFuncId, FuncOrDataId, Init, Linkage, Module, ModuleDeclarations,
    ModuleReloc, ModuleRelocTarget,
};

use crate::Translated;
use crate::funcdata::CompiledFunc;

/// An object of an artifact: a symbol, or an anonymous object of the
/// artifact by index (among its functions, or among its data).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Sym {
    /// A named function or data object.
    Named(String),
    /// The artifact's own function or data object of this index.
    Anon(u32),
}

/// What a relocation refers to.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A function.
    Func(Sym),
    /// A data object.
    Data(Sym),
    /// A function the code imports by name (runtime, library, libcall).
    Import(String),
}

/// A relocation: at `offset`, the address of `target` plus `addend`, as
/// `kind` computes it.
#[derive(Clone, Debug, PartialEq)]
pub struct ArtReloc {
    /// Offset in the function or data object.
    pub offset: u32,
    /// How the address is written.
    pub kind: Reloc,
    /// What it is the address of.
    pub target: Target,
    /// Added to the address.
    pub addend: i64,
}

/// A function of an artifact.
#[derive(Clone, Debug, PartialEq)]
pub struct ArtFunc {
    /// Its symbol, or `Anon` (its own index).
    pub sym: Sym,
    /// Alignment of its code.
    pub align: u64,
    /// Machine code.
    pub code: Vec<u8>,
    /// Relocations of the code.
    pub relocs: Vec<ArtReloc>,
}

/// A data object of an artifact.
#[derive(Clone, Debug, PartialEq)]
pub struct ArtData {
    /// Its symbol, or `Anon` (its own index).
    pub sym: Sym,
    /// Writable (a variable, an inline cache) or read-only.
    pub writable: bool,
    /// Alignment, if not the module's default.
    pub align: Option<u64>,
    /// Contents; `None`: `size` zero bytes.
    pub bytes: Option<Vec<u8>>,
    /// Size in bytes.
    pub size: u64,
    /// Addresses written into it (kind `Abs8`).
    pub relocs: Vec<ArtReloc>,
}

/// Compiled code and data with symbolic references (see the module doc).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Artifact {
    /// Functions.
    pub funcs: Vec<ArtFunc>,
    /// Data objects.
    pub data: Vec<ArtData>,
    /// Funcdata (`runtime::image::encode_funcs`; code indices are indices of `funcs`).
    pub funcdata: Vec<u8>,
    /// The collector's roots: data objects and their sizes.
    pub roots: Vec<(Sym, u64)>,
    /// The entry trampoline, the text-method catcher, `init` and
    /// `main.main` (see [`Translated`]), as indices of `funcs`.
    pub entries: [Option<u32>; 4],
    /// With reflect, the table of every type descriptor and its length
    /// (see [`Translated::typelinks`]).
    pub typelinks: Option<(Sym, u64)>,
    /// What the translation it came from assumed of the whole program.
    pub assumed: Assumptions,
    /// What code translated beside the unit needs to know of its
    /// functions (kept for the library's unit).
    pub facts: UnitFacts,
}

/// What code translated beside a unit needs to know of the unit's
/// functions whose bodies are not lowered (see `crate::Options::keep_library`):
/// the same code is then made as with their bodies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitFacts {
    /// The gc names of its functions with inline bodies (`inline.rs`),
    /// those that call included: their bodies are checked and lowered
    /// again, for the inliner to copy.
    pub leaves: Vec<String>,
    /// Escape summaries (`leaks.rs`) by function symbol: whether each
    /// parameter, then capture, may leak.
    pub leaks: Vec<(String, Vec<bool>)>,
}

/// What a translation assumed of the whole program it compiled, in the
/// copies of what no package owns that its units carry: which entries of
/// method tables stayed dead (`methods`), and whether func types'
/// descriptors got reflect's call adapters. A unit linked into another
/// program is right only if that program assumes no more
/// ([`Assumptions::hold_in`]); the translation linking it starts from the
/// unit's live names ([`Assumptions::called`]), so that the unit's own
/// interface calls keep their methods live in the tables it makes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assumptions {
    /// Method names looked up by interface calls, sorted.
    pub called: Vec<String>,
    /// Every method live (reflect's method lookups were reachable).
    pub all_live: bool,
    /// Names of the entries some method table left dead, sorted.
    pub dead: Vec<String>,
    /// reflect's `Value.call` and `MakeFunc` were reachable.
    pub reflect_calls: bool,
    /// See `reflect_calls`.
    pub reflect_makes: bool,
}

impl Assumptions {
    /// Whether code compiled under these assumptions is right in a
    /// program whose translation ended with `program`'s: none of its dead
    /// entries is live there, and reflect reaches no adapter it left out.
    pub fn hold_in(&self, program: &Assumptions) -> bool {
        let revived = if program.all_live {
            !self.all_live && !self.dead.is_empty()
        } else {
            self.dead.iter().any(|n| program.called.binary_search(n).is_ok())
        };
        !revived && (self.reflect_calls || !program.reflect_calls) && (self.reflect_makes || !program.reflect_makes)
    }
}

/// What a translation defined in a module, recorded as it happened.
#[derive(Default)]
pub(crate) struct Capture {
    /// Function, alignment, code, relocations.
    funcs: Vec<(ClifFuncId, u64, Vec<u8>, Vec<ModuleReloc>)>,
    data: Vec<CapturedData>,
}

/// A data object's definition as `define_data` received it.
struct CapturedData {
    id: DataId,
    align: Option<u64>,
    bytes: Option<Vec<u8>>,
    size: u64,
    /// (offset, target, addend).
    relocs: Vec<(u32, ModuleRelocTarget, i64)>,
}

impl Capture {
    /// Records function `id`'s definition.
    pub(crate) fn func(&mut self, id: ClifFuncId, align: u64, code: &[u8], relocs: &[ModuleReloc]) {
        self.funcs.push((id, align, code.to_vec(), relocs.to_vec()));
    }

    /// The names of the named objects defined, as `decls` declares them.
    pub(crate) fn defined_names(&self, decls: &ModuleDeclarations) -> std::collections::HashSet<String> {
        let funcs = self.funcs.iter().filter_map(|f| decls.get_function_decl(f.0).name.clone());
        funcs.chain(self.data.iter().filter_map(|d| decls.get_data_decl(d.id).name.clone())).collect()
    }

    /// Records data object `id`'s definition.
    pub(crate) fn data(&mut self, id: DataId, d: &DataDescription) {
        let (bytes, size) = match &d.init {
            Init::Bytes { contents } => (Some(contents.to_vec()), contents.len() as u64),
            Init::Zeros { size } => (None, *size as u64),
            Init::Uninitialized => (None, 0),
        };
        let mut relocs: Vec<(u32, ModuleRelocTarget, i64)> =
            d.function_relocs.iter().map(|(off, f)| (*off, d.function_decls[*f].clone(), 0)).collect();
        relocs.extend(d.data_relocs.iter().map(|(off, gv, addend)| (*off, d.data_decls[*gv].clone(), *addend)));
        self.data.push(CapturedData { id, align: d.align, bytes, size, relocs });
    }
}

/// The artifact of what `capture` recorded, translated in a module with
/// declarations `decls` into `t`; `None` when something cannot be made
/// symbolic (a relocation kind or target the format does not carry).
pub(crate) fn capture(decls: &ModuleDeclarations, capture: &Capture, t: &Translated) -> Option<Artifact> {
    let func_index: std::collections::HashMap<ClifFuncId, u32> =
        capture.funcs.iter().enumerate().map(|(i, f)| (f.0, i as u32)).collect();
    let data_index: std::collections::HashMap<DataId, u32> =
        capture.data.iter().enumerate().map(|(i, d)| (d.id, i as u32)).collect();
    let func_sym = |id: ClifFuncId| -> Option<Target> {
        let decl = decls.get_function_decl(id);
        match (&decl.name, decl.linkage) {
            (Some(n), Linkage::Import) => Some(Target::Import(n.clone())),
            (Some(n), _) => Some(Target::Func(Sym::Named(n.clone()))),
            (None, _) => Some(Target::Func(Sym::Anon(*func_index.get(&id)?))),
        }
    };
    let data_sym = |id: DataId| -> Option<Sym> {
        match &decls.get_data_decl(id).name {
            Some(n) => Some(Sym::Named(n.clone())),
            None => Some(Sym::Anon(*data_index.get(&id)?)),
        }
    };
    let target = |t: &ModuleRelocTarget| -> Option<Target> {
        match t {
            ModuleRelocTarget::User { namespace: 0, index } => func_sym(ClifFuncId::new(*index as usize)),
            ModuleRelocTarget::User { namespace: 1, index } => {
                Some(Target::Data(data_sym(DataId::new(*index as usize))?))
            }
            ModuleRelocTarget::LibCall(lc) => Some(Target::Import((cranelift_module::default_libcall_names())(*lc))),
            _ => None,
        }
    };
    let own = |sym: Option<Target>| match sym? {
        Target::Func(s) => Some(s),
        _ => None,
    };
    let mut art = Artifact::default();
    for (id, align, code, relocs) in &capture.funcs {
        let relocs = relocs
            .iter()
            .map(|r| {
                RELOC_KINDS.contains(&r.kind).then_some(())?;
                Some(ArtReloc { offset: r.offset, kind: r.kind, target: target(&r.name)?, addend: r.addend })
            })
            .collect::<Option<_>>()?;
        art.funcs.push(ArtFunc { sym: own(func_sym(*id))?, align: *align, code: code.clone(), relocs });
    }
    for CapturedData { id, align, bytes, size, relocs } in &capture.data {
        let relocs = relocs
            .iter()
            .map(|(off, t, addend)| {
                Some(ArtReloc { offset: *off, kind: Reloc::Abs8, target: target(t)?, addend: *addend })
            })
            .collect::<Option<_>>()?;
        let writable = decls.get_data_decl(*id).writable;
        art.data.push(ArtData {
            sym: data_sym(*id)?,
            writable,
            align: *align,
            bytes: bytes.clone(),
            size: *size,
            relocs,
        });
    }
    // What units linked beside the translation defined is theirs, not
    // the capture's (see `link_beside`).
    let captured: Vec<CompiledFunc> = t.compiled.iter().filter(|c| func_index.contains_key(&c.id)).cloned().collect();
    let infos = crate::funcdata::publish(&captured, |id| func_index[&id] as usize);
    art.funcdata = runtime::image::encode_funcs(&infos);
    let roots = t.globals.iter().filter(|(id, _)| data_index.contains_key(id));
    art.roots = roots.map(|&(id, size)| Some((data_sym(id)?, size as u64))).collect::<Option<_>>()?;
    let entry = |id: ClifFuncId| func_index.get(&id).copied();
    art.entries = [entry(t.trampoline), entry(t.catcher), entry(t.init), t.main.and_then(entry)];
    art.typelinks = match t.typelinks {
        Some((id, len)) => Some((data_sym(id)?, len as u64)),
        None => None,
    };
    art.assumed = t.assumed.clone();
    Some(art)
}

/// Defines the artifacts `units` in `module`, in order, and returns what
/// the JIT needs to run them, or why they could not be linked. A named
/// object that an earlier unit defined already is not defined again
/// (link-once: two units carry copies of what both refer to, see
/// [`split`], and a symbol names one object in every unit); its funcdata
/// is dropped with it. One of the units has the entries.
pub(crate) fn link_units(module: &mut dyn Module, units: &[Artifact]) -> Result<Translated, String> {
    let mut defined = std::collections::HashSet::new();
    let mut linked = Linked::default();
    for art in units {
        link_one(module, art, &mut defined, &mut linked)?;
    }
    let need = |f: Option<ClifFuncId>, what: &str| f.ok_or(format!("the artifact has no {what}"));
    let [tramp, catcher, init, main] = linked.entries;
    Ok(Translated {
        compiled: linked.compiled,
        globals: linked.globals,
        trampoline: need(tramp, "trampoline")?,
        catcher: need(catcher, "catcher")?,
        init: need(init, "init")?,
        main,
        typelinks: linked.typelinks,
        capture: None,
        assumed: Assumptions::default(),
        library_facts: UnitFacts::default(),
    })
}

/// Defines the artifacts `units` in `module` beside the translation `t`
/// (which defined the named objects `defined`), as [`link_units`] does,
/// and adds their funcdata and roots to `t`.
pub(crate) fn link_beside(
    module: &mut dyn Module,
    units: &[Artifact],
    mut defined: std::collections::HashSet<String>,
    t: &mut Translated,
) -> Result<(), String> {
    let mut linked = Linked::default();
    for art in units {
        link_one(module, art, &mut defined, &mut linked)?;
    }
    t.compiled.extend(linked.compiled);
    for g in linked.globals {
        if !t.globals.contains(&g) {
            t.globals.push(g);
        }
    }
    Ok(())
}

/// The named objects the relocations of `units` refer to and none of them
/// defines.
pub(crate) fn undefined_refs(units: &[Artifact]) -> std::collections::HashSet<&str> {
    let defined: std::collections::HashSet<&str> = units
        .iter()
        .flat_map(|a| a.funcs.iter().map(|f| &f.sym).chain(a.data.iter().map(|d| &d.sym)))
        .filter_map(sym_name)
        .collect();
    let relocs =
        units.iter().flat_map(|a| a.funcs.iter().flat_map(|f| &f.relocs).chain(a.data.iter().flat_map(|d| &d.relocs)));
    relocs
        .filter_map(|r| match &r.target {
            Target::Func(s) | Target::Data(s) => sym_name(s),
            Target::Import(_) => None,
        })
        .filter(|n| !defined.contains(n))
        .collect()
}

/// What the units linked so far give the JIT.
#[derive(Default)]
struct Linked {
    compiled: Vec<CompiledFunc>,
    globals: Vec<(DataId, usize)>,
    entries: [Option<ClifFuncId>; 4],
    typelinks: Option<(DataId, usize)>,
}

/// Defines `art` in `module` (but the named objects in `defined`, to
/// which it adds its own) and adds what the JIT needs to `out`.
fn link_one(
    module: &mut dyn Module,
    art: &Artifact,
    defined: &mut std::collections::HashSet<String>,
    out: &mut Linked,
) -> Result<(), String> {
    let placeholder = Signature::new(CallConv::SystemV);
    let err = |e: cranelift_module::ModuleError| format!("linking an artifact: {e}");
    // Whether each object is this unit's to define.
    let mut first = |sym: &Sym| match sym {
        Sym::Named(n) => defined.insert(n.clone()),
        Sym::Anon(_) => true,
    };
    let func_first: Vec<bool> = art.funcs.iter().map(|f| first(&f.sym)).collect();
    let data_first: Vec<bool> = art.data.iter().map(|d| first(&d.sym)).collect();
    let mut funcs = Vec::with_capacity(art.funcs.len());
    for f in &art.funcs {
        funcs.push(match &f.sym {
            Sym::Named(n) => named_func(module, n, Linkage::Local, &placeholder)?,
            Sym::Anon(_) => module.declare_anonymous_function(&placeholder).map_err(err)?,
        });
    }
    let mut data = Vec::with_capacity(art.data.len());
    for d in &art.data {
        data.push(match &d.sym {
            Sym::Named(n) => match module.get_name(n) {
                Some(FuncOrDataId::Func(_)) => return Err(format!("{n} is a function, not data")),
                // Declared again even if a reference of an artifact linked
                // before declared it (read-only): declarations merge, and
                // a variable must stay writable.
                _ => module.declare_data(n, Linkage::Local, d.writable, false).map_err(err)?,
            },
            Sym::Anon(_) => module.declare_anonymous_data(d.writable, false).map_err(err)?,
        });
    }
    let resolve = |module: &mut dyn Module, t: &Target| -> Result<ModuleRelocTarget, String> {
        Ok(match t {
            Target::Func(Sym::Anon(i)) => pick(&funcs, *i)?.into(),
            Target::Func(Sym::Named(n)) => named_func(module, n, Linkage::Local, &placeholder)?.into(),
            Target::Import(n) => named_func(module, n, Linkage::Import, &placeholder)?.into(),
            Target::Data(Sym::Anon(i)) => pick(&data, *i)?.into(),
            Target::Data(Sym::Named(n)) => match module.get_name(n) {
                Some(FuncOrDataId::Data(id)) => id.into(),
                _ => module.declare_data(n, Linkage::Local, false, false).map_err(err)?.into(),
            },
        })
    };
    for ((f, &id), _) in art.funcs.iter().zip(&funcs).zip(&func_first).filter(|(_, first)| **first) {
        let relocs = f
            .relocs
            .iter()
            .map(|r| {
                Ok(ModuleReloc { offset: r.offset, kind: r.kind, name: resolve(module, &r.target)?, addend: r.addend })
            })
            .collect::<Result<Vec<_>, String>>()?;
        module.define_function_bytes(id, f.align, &f.code, &relocs).map_err(err)?;
    }
    for ((d, &id), _) in art.data.iter().zip(&data).zip(&data_first).filter(|(_, first)| **first) {
        let mut desc = DataDescription::new();
        match &d.bytes {
            Some(b) => desc.define(b.clone().into_boxed_slice()),
            None => desc.define_zeroinit(d.size as usize),
        }
        if let Some(a) = d.align {
            desc.set_align(a);
        }
        for r in &d.relocs {
            match resolve(module, &r.target)? {
                ModuleRelocTarget::User { namespace: 0, index } => {
                    let f = module.declare_func_in_data(ClifFuncId::new(index as usize), &mut desc);
                    desc.write_function_addr(r.offset, f);
                }
                ModuleRelocTarget::User { namespace: 1, index } => {
                    let gv = module.declare_data_in_data(DataId::new(index as usize), &mut desc);
                    desc.write_data_addr(r.offset, gv, r.addend);
                }
                other => return Err(format!("a data relocation to {other:?}")),
            }
        }
        module.define_data(id, &desc).map_err(err)?;
    }
    let identity: Vec<usize> = (0..funcs.len()).collect();
    let infos = runtime::image::decode_funcs(&art.funcdata, &identity).ok_or("malformed funcdata")?;
    out.compiled.extend(infos.into_iter().filter(|f| func_first[f.start]).map(|f| CompiledFunc {
        id: funcs[f.start],
        name: f.name,
        file: f.file,
        has_params: f.has_params,
        kind: f.kind,
        size: f.end - f.start,
        lines: f.lines,
        open_defers:
            f.open_defers.map(|d| (d.bits_off, d.sites.iter().map(|s| (s.args_off, funcs[s.thunk])).collect())),
        landing_pads: f.landing_pads,
        saved_regs: f.saved_regs,
        wrapper: f.wrapper,
        inline: f.inline,
    }));
    let data_of = |s: &Sym| match s {
        Sym::Anon(i) => pick(&data, *i),
        Sym::Named(n) => match module.get_name(n) {
            Some(FuncOrDataId::Data(id)) => Ok(id),
            _ => Err(format!("no data {n}")),
        },
    };
    for (s, size) in &art.roots {
        let id = data_of(s)?;
        if !out.globals.iter().any(|&(g, _)| g == id) {
            out.globals.push((id, *size as usize));
        }
    }
    if let Some((s, len)) = &art.typelinks {
        out.typelinks = Some((data_of(s)?, *len as usize));
    }
    for (slot, i) in out.entries.iter_mut().zip(art.entries) {
        if let Some(i) = i {
            *slot = Some(pick(&funcs, i)?);
        }
    }
    Ok(())
}

/// An object of an artifact: a function or a data object, by index.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Obj {
    Func(usize),
    Data(usize),
}

/// Splits the artifact of a whole program into one artifact per *unit*
/// (a package; see `lower::ir::Func::unit`), each linkable on its own
/// beside the others (with [`link_units`]), so that a unit can be kept
/// and linked again in another run.
///
/// `owner` says which unit defines a named object; the entries and the
/// typelinks table go to `program_unit`. The artifacts made are those of
/// `units`, in its order (a package cache keeping one unit need not make
/// the others). A unit is its own objects and,
/// copied, everything they refer to that no unit owns — anonymous objects
/// (strings, defer thunks, glue, func values), type descriptors, and
/// functions made for whoever needs them (instances, wrappers) —
/// transitively, through relocations and through the open-coded defer
/// thunks of the funcdata; a reference to another unit's object stays a
/// symbol. `None` when the artifact's funcdata does not read.
///
/// Invariant: an object no unit owns is read-only or written only by
/// code of the one function that refers to it (an inline cache), so its
/// copies are indistinguishable; named copies are linked once.
pub fn split(
    art: &Artifact,
    units: &[usize],
    program_unit: usize,
    owner: impl Fn(&str) -> Option<usize>,
) -> Option<Vec<Artifact>> {
    let identity: Vec<usize> = (0..art.funcs.len()).collect();
    let infos = runtime::image::decode_funcs(&art.funcdata, &identity)?;
    let mut info_of = vec![None; art.funcs.len()];
    for (i, f) in infos.iter().enumerate() {
        *info_of.get_mut(f.start)? = Some(i);
    }
    let func_named: std::collections::HashMap<&str, usize> =
        art.funcs.iter().enumerate().filter_map(|(i, f)| Some((sym_name(&f.sym)?, i))).collect();
    let data_named: std::collections::HashMap<&str, usize> =
        art.data.iter().enumerate().filter_map(|(i, d)| Some((sym_name(&d.sym)?, i))).collect();
    // The object a relocation of a unit brings into it, if any.
    let copied = |t: &Target| match t {
        Target::Func(Sym::Anon(i)) => Some(Obj::Func(*i as usize)),
        Target::Data(Sym::Anon(i)) => Some(Obj::Data(*i as usize)),
        Target::Func(Sym::Named(n)) if owner(n).is_none() => func_named.get(n.as_str()).map(|&i| Obj::Func(i)),
        Target::Data(Sym::Named(n)) if owner(n).is_none() => data_named.get(n.as_str()).map(|&i| Obj::Data(i)),
        _ => None,
    };
    let sym_obj = |sym: &Sym, is_func: bool| match (sym, is_func) {
        (Sym::Anon(i), true) => Some(Obj::Func(*i as usize)),
        (Sym::Anon(i), false) => Some(Obj::Data(*i as usize)),
        (Sym::Named(n), true) => func_named.get(n.as_str()).map(|&i| Obj::Func(i)),
        (Sym::Named(n), false) => data_named.get(n.as_str()).map(|&i| Obj::Data(i)),
    };
    let mut out = Vec::with_capacity(units.len());
    for &u in units {
        let mut roots: Vec<Obj> = Vec::new();
        let own = |sym: &Sym| sym_name(sym).and_then(&owner) == Some(u);
        roots.extend(art.funcs.iter().enumerate().filter(|(_, f)| own(&f.sym)).map(|(i, _)| Obj::Func(i)));
        roots.extend(art.data.iter().enumerate().filter(|(_, d)| own(&d.sym)).map(|(i, _)| Obj::Data(i)));
        if u == program_unit {
            roots.extend(art.entries.iter().flatten().map(|&i| Obj::Func(i as usize)));
            roots.extend(art.typelinks.as_ref().and_then(|(s, _)| sym_obj(s, false)));
        }
        let mut taken = std::collections::HashSet::new();
        let mut work = Vec::new();
        for o in roots {
            if taken.insert(o) {
                work.push(o);
            }
        }
        while let Some(o) = work.pop() {
            let (relocs, thunks) = match o {
                Obj::Func(i) => {
                    let info = info_of.get(i)?.map(|k| &infos[k]);
                    let thunks = info
                        .and_then(|f| f.open_defers.as_ref())
                        .map_or(Vec::new(), |d| d.sites.iter().map(|s| Obj::Func(s.thunk)).collect());
                    (&art.funcs.get(i)?.relocs, thunks)
                }
                Obj::Data(i) => (&art.data.get(i)?.relocs, Vec::new()),
            };
            for next in relocs.iter().filter_map(|r| copied(&r.target)).chain(thunks) {
                if taken.insert(next) {
                    work.push(next);
                }
            }
        }
        out.push(unit_artifact(art, &infos, &taken, u == program_unit)?);
    }
    Some(out)
}

/// The name of a named object.
fn sym_name(sym: &Sym) -> Option<&str> {
    match sym {
        Sym::Named(n) => Some(n.as_str()),
        Sym::Anon(_) => None,
    }
}

/// The artifact of the objects `taken` of `art` (whose funcdata reads as
/// `infos`), renumbered; with the entries and typelinks if `program`.
fn unit_artifact(
    art: &Artifact,
    infos: &[runtime::frames::FuncInfo],
    taken: &std::collections::HashSet<Obj>,
    program: bool,
) -> Option<Artifact> {
    let renumber = |n: usize, obj: fn(usize) -> Obj| {
        let mut next = 0u32;
        (0..n)
            .map(|i| {
                taken.contains(&obj(i)).then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect::<Vec<Option<u32>>>()
    };
    let (fmap, dmap) = (renumber(art.funcs.len(), Obj::Func), renumber(art.data.len(), Obj::Data));
    let sym = |s: &Sym, map: &[Option<u32>]| match s {
        Sym::Named(n) => Some(Sym::Named(n.clone())),
        Sym::Anon(i) => Some(Sym::Anon((*map.get(*i as usize)?)?)),
    };
    let relocs = |rs: &[ArtReloc]| {
        rs.iter()
            .map(|r| {
                let target = match &r.target {
                    Target::Func(s) => Target::Func(sym(s, &fmap)?),
                    Target::Data(s) => Target::Data(sym(s, &dmap)?),
                    Target::Import(n) => Target::Import(n.clone()),
                };
                Some(ArtReloc { target, ..r.clone() })
            })
            .collect::<Option<Vec<_>>>()
    };
    let mut unit = Artifact { assumed: art.assumed.clone(), ..Artifact::default() };
    for (f, _) in art.funcs.iter().zip(&fmap).filter(|(_, m)| m.is_some()) {
        unit.funcs.push(ArtFunc { sym: sym(&f.sym, &fmap)?, relocs: relocs(&f.relocs)?, ..f.clone() });
    }
    for (d, _) in art.data.iter().zip(&dmap).filter(|(_, m)| m.is_some()) {
        unit.data.push(ArtData { sym: sym(&d.sym, &dmap)?, relocs: relocs(&d.relocs)?, ..d.clone() });
    }
    let funcs: Vec<runtime::frames::FuncInfo> = infos
        .iter()
        .filter_map(|f| {
            let start = fmap.get(f.start).copied().flatten()? as usize;
            let mut f = f.clone();
            f.end = start + (f.end - f.start);
            f.start = start;
            if let Some(d) = &mut f.open_defers {
                for s in &mut d.sites {
                    s.thunk = fmap.get(s.thunk).copied().flatten()? as usize;
                }
            }
            Some(f)
        })
        .collect();
    unit.funcdata = runtime::image::encode_funcs(&funcs);
    let named_data: std::collections::HashSet<&Sym> = unit.data.iter().map(|d| &d.sym).collect();
    let roots = art.roots.iter().filter_map(|(s, size)| Some((sym(s, &dmap)?, *size)));
    let roots = roots.filter(|(s, _)| matches!(s, Sym::Anon(_)) || named_data.contains(s)).collect();
    unit.roots = roots;
    if program {
        unit.entries = art.entries.map(|e| e.and_then(|i| fmap.get(i as usize).copied().flatten()));
        unit.typelinks = match &art.typelinks {
            Some((s, len)) => Some((sym(s, &dmap)?, *len)),
            None => None,
        };
    }
    Some(unit)
}

/// Object `i` of an artifact's `list`.
fn pick<T: Copy>(list: &[T], i: u32) -> Result<T, String> {
    list.get(i as usize).copied().ok_or_else(|| format!("an artifact refers to its object {i}, which it lacks"))
}

/// The function named `name` in `module`, declared with `linkage` and a
/// placeholder signature if it is not declared yet.
fn named_func(module: &mut dyn Module, name: &str, linkage: Linkage, sig: &Signature) -> Result<ClifFuncId, String> {
    match module.get_name(name) {
        Some(FuncOrDataId::Func(id)) => Ok(id),
        Some(FuncOrDataId::Data(_)) => Err(format!("{name} is data, not a function")),
        None => module.declare_function(name, linkage, sig).map_err(|e| format!("linking an artifact: {e}")),
    }
}

impl Artifact {
    /// Whether it defines the named object `symbol`.
    pub fn defines(&self, symbol: &str) -> bool {
        let named = |s: &Sym| sym_name(s) == Some(symbol);
        self.funcs.iter().any(|f| named(&f.sym)) || self.data.iter().any(|d| named(&d.sym))
    }

    /// The artifact as bytes ([`Artifact::decode`] reads them back).
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.u64(self.funcs.len() as u64);
        for f in &self.funcs {
            w.sym(&f.sym);
            w.u64(f.align);
            w.bytes(&f.code);
            w.relocs(&f.relocs);
        }
        w.u64(self.data.len() as u64);
        for d in &self.data {
            w.sym(&d.sym);
            w.u64(u64::from(d.writable));
            w.u64(d.align.unwrap_or(0));
            w.u64(d.size);
            match &d.bytes {
                Some(b) => {
                    w.u64(1);
                    w.bytes(b);
                }
                None => w.u64(0),
            }
            w.relocs(&d.relocs);
        }
        w.bytes(&self.funcdata);
        w.u64(self.roots.len() as u64);
        for (s, size) in &self.roots {
            w.sym(s);
            w.u64(*size);
        }
        for e in self.entries {
            w.u64(e.map_or(u64::MAX, u64::from));
        }
        match &self.typelinks {
            Some((s, len)) => {
                w.u64(1);
                w.sym(s);
                w.u64(*len);
            }
            None => w.u64(0),
        }
        let a = &self.assumed;
        w.names(&a.called);
        w.names(&a.dead);
        w.u64(u64::from(a.all_live) | u64::from(a.reflect_calls) << 1 | u64::from(a.reflect_makes) << 2);
        w.names(&self.facts.leaves);
        w.u64(self.facts.leaks.len() as u64);
        for (name, leaks) in &self.facts.leaks {
            w.bytes(name.as_bytes());
            w.bytes(&leaks.iter().map(|&l| u8::from(l)).collect::<Vec<u8>>());
        }
        w.0
    }

    /// Reads what [`Artifact::encode`] wrote; `None` for other bytes.
    pub fn decode(bytes: &[u8]) -> Option<Artifact> {
        let mut r = Reader(bytes);
        let mut art = Artifact::default();
        for _ in 0..r.len()? {
            let (sym, align, code, relocs) = (r.sym()?, r.u64()?, r.bytes()?, r.relocs()?);
            art.funcs.push(ArtFunc { sym, align, code, relocs });
        }
        for _ in 0..r.len()? {
            let (sym, writable, align, size) = (r.sym()?, r.u64()? != 0, r.u64()?, r.u64()?);
            let bytes = match r.u64()? {
                0 => None,
                1 => Some(r.bytes()?),
                _ => return None,
            };
            let align = (align != 0).then_some(align);
            art.data.push(ArtData { sym, writable, align, bytes, size, relocs: r.relocs()? });
        }
        art.funcdata = r.bytes()?;
        for _ in 0..r.len()? {
            art.roots.push((r.sym()?, r.u64()?));
        }
        for e in &mut art.entries {
            *e = match r.u64()? {
                u64::MAX => None,
                i => Some(u32::try_from(i).ok()?),
            };
        }
        art.typelinks = match r.u64()? {
            0 => None,
            1 => Some((r.sym()?, r.u64()?)),
            _ => return None,
        };
        let (called, dead, flags) = (r.names()?, r.names()?, r.u64()?);
        if flags > 7 {
            return None;
        }
        let bit = |b: u64| flags & b != 0;
        art.assumed = Assumptions { called, all_live: bit(1), dead, reflect_calls: bit(2), reflect_makes: bit(4) };
        art.facts.leaves = r.names()?;
        for _ in 0..r.len()? {
            let (name, leaks) = (r.string()?, r.bytes()?);
            if leaks.iter().any(|&b| b > 1) {
                return None;
            }
            art.facts.leaks.push((name, leaks.into_iter().map(|b| b == 1).collect()));
        }
        r.0.is_empty().then_some(art)
    }
}

/// Several artifacts as one byte string (a program's translation and the
/// units linked beside it), as [`decode_list`] reads them.
pub fn encode_list(arts: &[&Artifact]) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.u64(arts.len() as u64);
    for art in arts {
        w.bytes(&art.encode());
    }
    w.0
}

/// Reads what [`encode_list`] wrote; `None` for other bytes.
pub fn decode_list(bytes: &[u8]) -> Option<Vec<Artifact>> {
    let mut r = Reader(bytes);
    let arts = (0..r.len()?).map(|_| Artifact::decode(&r.bytes()?)).collect::<Option<Vec<_>>>()?;
    r.0.is_empty().then_some(arts)
}

/// The relocation kinds an artifact carries (x86-64's, non-PIC), by code.
const RELOC_KINDS: [Reloc; 5] =
    [Reloc::Abs4, Reloc::Abs8, Reloc::X86PCRel4, Reloc::X86CallPCRel4, Reloc::X86CallPLTRel4];

struct Writer(Vec<u8>);

impl Writer {
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }

    fn sym(&mut self, s: &Sym) {
        match s {
            Sym::Named(n) => {
                self.u64(0);
                self.bytes(n.as_bytes());
            }
            Sym::Anon(i) => {
                self.u64(1);
                self.u64(u64::from(*i));
            }
        }
    }

    fn names(&mut self, names: &[String]) {
        self.u64(names.len() as u64);
        for n in names {
            self.bytes(n.as_bytes());
        }
    }

    fn relocs(&mut self, relocs: &[ArtReloc]) {
        self.u64(relocs.len() as u64);
        for r in relocs {
            self.u64(u64::from(r.offset));
            // A kind outside the table cannot be captured (see `capture`).
            self.u64(RELOC_KINDS.iter().position(|k| *k == r.kind).map_or(u64::MAX, |i| i as u64));
            self.u64(r.addend as u64);
            match &r.target {
                Target::Func(s) => {
                    self.u64(0);
                    self.sym(s);
                }
                Target::Data(s) => {
                    self.u64(1);
                    self.sym(s);
                }
                Target::Import(n) => {
                    self.u64(2);
                    self.bytes(n.as_bytes());
                }
            }
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn u64(&mut self) -> Option<u64> {
        let (head, rest) = self.0.split_first_chunk::<8>()?;
        self.0 = rest;
        Some(u64::from_le_bytes(*head))
    }

    /// A count of items that follow, each at least a byte: never more than
    /// the bytes left (a corrupt count allocates nothing).
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok().filter(|&n| n <= self.0.len())
    }

    fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.len()?;
        let (b, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(b.to_vec())
    }

    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?).ok()
    }

    fn names(&mut self) -> Option<Vec<String>> {
        (0..self.len()?).map(|_| self.string()).collect()
    }

    fn sym(&mut self) -> Option<Sym> {
        match self.u64()? {
            0 => Some(Sym::Named(self.string()?)),
            1 => Some(Sym::Anon(u32::try_from(self.u64()?).ok()?)),
            _ => None,
        }
    }

    fn relocs(&mut self) -> Option<Vec<ArtReloc>> {
        (0..self.len()?)
            .map(|_| {
                let offset = u32::try_from(self.u64()?).ok()?;
                let kind = *RELOC_KINDS.get(usize::try_from(self.u64()?).ok()?)?;
                let addend = self.u64()? as i64;
                let target = match self.u64()? {
                    0 => Target::Func(self.sym()?),
                    1 => Target::Data(self.sym()?),
                    2 => Target::Import(self.string()?),
                    _ => return None,
                };
                Some(ArtReloc { offset, kind, target, addend })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Artifact {
        let call = ArtReloc {
            offset: 1,
            kind: Reloc::X86CallPCRel4,
            target: Target::Func(Sym::Named("go:main.f".into())),
            addend: -4,
        };
        let import = ArtReloc { offset: 9, kind: Reloc::Abs8, target: Target::Import("deft_alloc".into()), addend: 0 };
        let string = ArtReloc { offset: 0, kind: Reloc::Abs8, target: Target::Data(Sym::Anon(1)), addend: 0 };
        Artifact {
            funcs: vec![
                ArtFunc {
                    sym: Sym::Named("go:main.main".into()),
                    align: 32,
                    code: vec![0xe8, 0, 0, 0, 0, 0xc3],
                    relocs: vec![call, import],
                },
                ArtFunc { sym: Sym::Anon(1), align: 64, code: vec![0xc3], relocs: vec![] },
            ],
            data: vec![
                ArtData {
                    sym: Sym::Named("go:var:main.x".into()),
                    writable: true,
                    align: Some(8),
                    bytes: None,
                    size: 16,
                    relocs: vec![],
                },
                ArtData {
                    sym: Sym::Anon(1),
                    writable: false,
                    align: None,
                    bytes: Some(b"hello".to_vec()),
                    size: 5,
                    relocs: vec![],
                },
                ArtData {
                    sym: Sym::Anon(2),
                    writable: false,
                    align: Some(8),
                    bytes: Some(vec![0; 16]),
                    size: 16,
                    relocs: vec![string],
                },
            ],
            funcdata: vec![1, 2, 3],
            roots: vec![(Sym::Named("go:var:main.x".into()), 16)],
            entries: [Some(1), Some(1), Some(0), None],
            typelinks: Some((Sym::Anon(2), 3)),
            assumed: Assumptions {
                called: vec!["Len".into(), "Write".into()],
                all_live: false,
                dead: vec!["Close".into()],
                reflect_calls: true,
                reflect_makes: false,
            },
            facts: UnitFacts {
                leaves: vec!["main.(*T).Len".into()],
                leaks: vec![("go:main.f".into(), vec![true, false])],
            },
        }
    }

    #[test]
    fn an_artifact_reads_back_as_written() {
        let art = sample();
        assert_eq!(Artifact::decode(&art.encode()), Some(art));
    }

    #[test]
    fn damaged_bytes_are_refused_not_trusted() {
        let bytes = sample().encode();
        // Every truncation, and the bytes with anything after them.
        for n in 0..bytes.len() {
            assert_eq!(Artifact::decode(&bytes[..n]), None, "truncated to {n}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Artifact::decode(&longer), None);
        // Any byte changed: either refused or some other artifact, never a
        // panic or a huge allocation (counts are bounded by the bytes left).
        for i in 0..bytes.len() {
            for v in [0u8, 1, 0x7f, 0xff] {
                let mut b = bytes.clone();
                b[i] = v;
                let _ = Artifact::decode(&b);
            }
        }
    }

    /// A program of two units: package `a` (unit 0: `a.F`, variable
    /// `a.x`) and `main` (unit 1: `main.main`, the entries), both calling
    /// an instance no unit owns, which uses a string; `main.main` uses a
    /// type descriptor and has an open-coded defer whose thunk only its
    /// funcdata names.
    fn two_units() -> Artifact {
        let to = |target| ArtReloc { offset: 0, kind: Reloc::Abs8, target, addend: 0 };
        let func = |sym, relocs| ArtFunc { sym, align: 16, code: vec![0xc3; 8], relocs };
        let named = |n: &str| Sym::Named(n.into());
        let data =
            |sym, relocs| ArtData { sym, writable: false, align: None, bytes: Some(vec![7; 8]), size: 8, relocs };
        let funcs = vec![
            func(named("go:a.F"), vec![to(Target::Func(named("go:inst[int]")))]),
            func(
                named("go:main.main"),
                vec![
                    to(Target::Func(named("go:a.F"))),
                    to(Target::Func(named("go:inst[int]"))),
                    to(Target::Data(named("go:type:main.T"))),
                    to(Target::Import("deft_alloc".into())),
                ],
            ),
            func(named("go:inst[int]"), vec![to(Target::Data(Sym::Anon(1)))]),
            func(Sym::Anon(3), vec![]),
            func(Sym::Anon(4), vec![]),
        ];
        let infos: Vec<runtime::frames::FuncInfo> = (0..funcs.len())
            .map(|i| {
                let mut f = runtime::frames::FuncInfo {
                    name: format!("f{i}"),
                    file: String::new(),
                    has_params: false,
                    start: i,
                    end: i + 8,
                    kind: runtime::frames::FrameKind::Go,
                    wrapper: false,
                    lines: vec![],
                    open_defers: None,
                    landing_pads: vec![],
                    saved_regs: vec![],
                    inline: Default::default(),
                    mark_base: 0,
                };
                if i == 1 {
                    f.open_defers = Some(runtime::frames::OpenDeferInfo {
                        bits_off: -8,
                        sites: vec![runtime::frames::OpenDeferSite { args_off: -16, thunk: 4 }],
                    });
                }
                f
            })
            .collect();
        Artifact {
            funcs,
            data: vec![
                ArtData { writable: true, bytes: None, ..data(named("go:var:a.x"), vec![]) },
                data(Sym::Anon(1), vec![]),
                data(named("go:type:main.T"), vec![to(Target::Func(named("go:inst[int]")))]),
            ],
            funcdata: runtime::image::encode_funcs(&infos),
            roots: vec![(named("go:var:a.x"), 8)],
            entries: [Some(3), Some(3), Some(3), Some(1)],
            typelinks: None,
            assumed: Assumptions::default(),
            facts: UnitFacts::default(),
        }
    }

    fn syms<T>(list: &[T], sym: impl Fn(&T) -> &Sym) -> Vec<String> {
        list.iter()
            .map(|o| match sym(o) {
                Sym::Named(n) => n.clone(),
                Sym::Anon(i) => format!("#{i}"),
            })
            .collect()
    }

    #[test]
    fn a_program_splits_into_units_that_carry_what_no_unit_owns() {
        let owner = |s: &str| match s {
            "go:a.F" | "go:var:a.x" => Some(0),
            "go:main.main" => Some(1),
            _ => None,
        };
        let units = split(&two_units(), &[0, 1], 1, owner).expect("splits");
        let (a, main) = (&units[0], &units[1]);
        assert_eq!(syms(&a.funcs, |f| &f.sym), ["go:a.F", "go:inst[int]"]);
        assert_eq!(syms(&a.data, |d| &d.sym), ["go:var:a.x", "#1"]);
        assert_eq!(a.roots, vec![(Sym::Named("go:var:a.x".into()), 8)]);
        assert_eq!(a.entries, [None; 4]);
        // The instance's string is renumbered into the unit's own data.
        assert_eq!(a.funcs[1].relocs[0].target, Target::Data(Sym::Anon(1)));
        assert_eq!(syms(&main.funcs, |f| &f.sym), ["go:main.main", "go:inst[int]", "#2", "#3"]);
        assert_eq!(syms(&main.data, |d| &d.sym), ["#0", "go:type:main.T"]);
        assert!(main.roots.is_empty(), "a.x is a's");
        assert_eq!(main.entries, [Some(2), Some(2), Some(2), Some(0)]);
        // main.main still calls a.F by name; its defer thunk came with it.
        assert_eq!(main.funcs[0].relocs[0].target, Target::Func(Sym::Named("go:a.F".into())));
        let infos = runtime::image::decode_funcs(&main.funcdata, &[0, 1, 2, 3]).expect("funcdata");
        let names: Vec<&str> = infos.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["f1", "f2", "f3", "f4"]);
        assert_eq!(infos[0].open_defers.as_ref().map(|d| d.sites[0].thunk), Some(3));
        for u in &units {
            assert_eq!(Artifact::decode(&u.encode()).as_ref(), Some(u));
        }
        // A unit made alone is the same as made with the others.
        assert_eq!(split(&two_units(), &[1], 1, owner), Some(vec![units[1].clone()]));
    }

    #[test]
    fn a_relocation_kind_the_format_lacks_is_refused() {
        let mut art = sample();
        art.funcs[0].relocs[0].kind = Reloc::X86GOTPCRel4;
        assert_eq!(Artifact::decode(&art.encode()), None);
    }
}
