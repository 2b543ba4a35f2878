//! Whole-program state of one compilation: the Cranelift module (in memory
//! for `deft run`, an object file for `deft build`), declarations of
//! Go functions and runtime entry points, static data (strings, type
//! descriptors, func values, globals), generated thunks, and the funcdata
//! collected from each compiled function.
//!
//! Invariants:
//! * Every IR function is declared (with its Go signature) before any
//!   body is translated, so calls and func values can refer to any function.
//! * Static data is created once per key (string bytes, type, function,
//!   global) and shared by all functions.
//! * Defer thunks are requested while a function is translated and generated
//!   after it (the per-function Cranelift context is in use meanwhile); a
//!   thunk is shared by all defer sites with the same [`ThunkSpec`].

use std::collections::{HashMap, HashSet};

use cranelift_codegen::ir::{self, AbiParam, Signature, Type, types};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_module::{DataDescription, DataId, FuncId as ClifFuncId, Linkage, Module};
use lower::ir::{Const, FuncId, FuncSig, Program, TyId, TyKind};
use runtime::abi::{
    FieldDesc, Kind, TYPE_FLAG_NAMED, TYPE_FLAG_NOPTR, TYPE_FLAG_REGISTER_RESULTS, TYPE_FLAG_VARIADIC, TypeDesc,
};
use syntax::{Diagnostic, Pos, SourceMap};

use crate::funcdata::CompiledFunc;
use crate::layout::{Layout, Layouts};
use crate::runtime_symbols::Rt;

/// Builds the target ISA once per process (building it costs a few hundred
/// microseconds, which matters for `deft run` latency).
pub fn isa() -> OwnedTargetIsa {
    static ISA: std::sync::OnceLock<OwnedTargetIsa> = std::sync::OnceLock::new();
    ISA.get_or_init(|| {
        let mut fb = settings::builder();
        let set = |fb: &mut settings::Builder, k: &str, v: &str| {
            fb.set(k, v).unwrap_or_else(|e| panic!("internal compiler error: ISA flag {k}={v}: {e}"));
        };
        set(&mut fb, "preserve_frame_pointers", "true");
        set(&mut fb, "opt_level", "speed");
        set(&mut fb, "use_colocated_libcalls", "false");
        set(&mut fb, "is_pic", "false");
        set(&mut fb, "enable_multi_ret_implicit_sret", "true");
        set(&mut fb, "enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" });
        let builder =
            cranelift_native::builder().unwrap_or_else(|e| panic!("internal compiler error: unsupported host: {e}"));
        builder.finish(settings::Flags::new(fb)).unwrap_or_else(|e| panic!("internal compiler error: ISA: {e}"))
    })
    .clone()
}

/// What a defer thunk calls.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ThunkTarget {
    /// A static function, called directly with a null closure context.
    Static(FuncId),
    /// A closure whose pointer is the first saved word.
    Closure,
    /// A closure made by a function literal: the closure pointer is the
    /// first saved word, but the code is known, so the call is direct.
    Literal(FuncId),
}

impl ThunkTarget {
    /// Whether the first saved word is the closure pointer.
    pub fn saves_closure(&self) -> bool {
        !matches!(self, ThunkTarget::Static(_))
    }
}

/// The shape of a defer thunk `extern "C" fn(args, fp_out)`: what it calls
/// and the types of the saved arguments (one 8-byte word each, after the
/// closure word for [`ThunkTarget::Closure`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ThunkSpec {
    /// The callee.
    pub target: ThunkTarget,
    /// Argument scalars (excluding the closure context).
    pub args: Vec<ir::Type>,
    /// Result scalars of the callee (discarded).
    pub results: Vec<ir::Type>,
    /// Sizes of the callee's big results (the thunk passes result areas).
    pub areas: Vec<u32>,
}

/// lib/reflect's functions that read a func type descriptor's call
/// adapter (`Value.Call`, `CallSlice` go through it) and MakeFunc stub.
const REFLECT_CALL: &str = "reflect.Value.call";
const REFLECT_MAKE_FUNC: &str = "reflect.MakeFunc";

/// A func type's descriptor awaiting its definition: its bytes and
/// relocations, and whether the call adapter's and the MakeFunc stub's
/// have been added.
struct FuncDesc {
    id: DataId,
    ty: TyId,
    bytes: Vec<u8>,
    relocs: Vec<(usize, Option<DataId>)>,
    calls: bool,
    makes: bool,
}

/// The symbol prefix of type descriptors (`go:type:` and the type's link
/// name).
pub(crate) const TYPEDESC_PREFIX: &str = "go:type:";

/// Per-compilation state shared by all functions.
pub struct ProgramCx<'p> {
    /// The program being compiled.
    pub prog: &'p Program,
    /// Its sources (file names for funcdata).
    pub sources: &'p SourceMap,
    /// The module the code and data go to: translation is the same for
    /// every kind of module (see [`crate::translate`]).
    pub module: &'p mut dyn Module,
    /// Layouts of all types.
    pub layouts: Layouts,
    /// Declaration of each IR function (use [`ProgramCx::func_decl`], which
    /// also makes sure the function gets compiled).
    pub funcs: Vec<ClifFuncId>,
    /// Functions queued for compilation (see [`ProgramCx::func_decl`]).
    queued: Vec<bool>,
    /// Queued functions not compiled yet.
    pub worklist: Vec<FuncId>,
    rt: HashMap<Rt, ClifFuncId>,
    strings: HashMap<Vec<u8>, DataId>,
    /// Read-only boxes of constants converted to interfaces, by the box's
    /// bytes and the string it points to (see [`ProgramCx::const_box`]).
    const_boxes: HashMap<(Vec<u8>, Option<Vec<u8>>), DataId>,
    /// Functions by name, for [`ProgramCx::func_named`] (made on first use).
    by_name: Option<HashMap<&'p str, FuncId>>,
    /// The read-only table of the 64-bit words 0..256 (see
    /// [`ProgramCx::small_uints`]), once made.
    small_uints: Option<DataId>,
    /// [`ProgramCx::zero_block`], once made.
    zero_block: Option<DataId>,
    typedescs: HashMap<TyId, DataId>,
    /// The program's pointer types by element type, for
    /// [`ProgramCx::pointer_to`] (made on first use).
    pointer_types: Option<HashMap<TyId, TyId>>,
    funcvals: HashMap<ClifFuncId, DataId>,
    globals: Vec<Option<DataId>>,
    /// Static objects that can hold pointers (see [`crate::statics`]),
    /// with their sizes: roots of the collector, as globals are.
    pub(crate) static_roots: Vec<(DataId, usize)>,
    thunk_ids: HashMap<ThunkSpec, ClifFuncId>,
    /// Thunks requested but not generated yet.
    pub pending_thunks: Vec<(ThunkSpec, ClifFuncId)>,
    /// Funcdata of every function compiled so far.
    pub compiled: Vec<CompiledFunc>,
    /// Generated interface glue (see [`crate::iface`]).
    pub iface: crate::iface::IfaceGlue,
    /// Method tables and the liveness of their methods (see [`crate::methods`]).
    pub(crate) methods: crate::methods::MethodTables,
    /// Descriptors of func types, defined at the end (see
    /// [`ProgramCx::resolve_reflect_calls`]).
    func_descs: Vec<FuncDesc>,
    /// User-visible problems (unsupported constructs).
    pub diags: Vec<Diagnostic>,
    /// The machine-code cache, if any (see [`crate::CodeCache`]).
    pub cache: Option<std::sync::Arc<dyn crate::CodeCache>>,
    /// Records every definition, for an artifact (see [`crate::Options::relink`]).
    pub(crate) capture: Option<crate::artifact::Capture>,
    /// Which parameters of the functions called so far leak (see [`crate::leaks`]).
    pub leaks: crate::leaks::Summaries,
    /// Per unit (an index of [`Program::packages`]): whether its code
    /// and variables come from a prebuilt artifact, linked after the
    /// translation (see `crate::Prebuilt`): they are declared, never
    /// defined here, but for the functions whose bodies were lowered and
    /// that no artifact defines, which are translated.
    prebuilt: Vec<bool>,
    /// The named objects the prebuilt artifacts define.
    unit_symbols: HashSet<String>,
    /// Per function: whether a prebuilt artifact defines it.
    unit_defines: Vec<bool>,
    /// Prebuilt units whose artifacts lack a function or variable of
    /// theirs that this program reaches (which the translation cannot
    /// make: its body, or initialiser, was not lowered): stale.
    pub(crate) incomplete_units: std::collections::BTreeSet<u32>,
}

impl<'p> ProgramCx<'p> {
    /// The state of compiling `prog` into `module` (fresh, built with
    /// [`isa`]), with every IR function declared.
    pub fn new(module: &'p mut dyn Module, prog: &'p Program, sources: &'p SourceMap) -> ProgramCx<'p> {
        let mut cx = ProgramCx {
            prog,
            sources,
            module,
            layouts: Layouts::new(prog),
            funcs: Vec::with_capacity(prog.funcs.len()),
            queued: vec![false; prog.funcs.len()],
            worklist: Vec::new(),
            rt: HashMap::new(),
            strings: HashMap::new(),
            const_boxes: HashMap::new(),
            small_uints: None,
            zero_block: None,
            by_name: None,
            typedescs: HashMap::new(),
            pointer_types: None,
            funcvals: HashMap::new(),
            globals: vec![None; prog.globals.len()],
            static_roots: Vec::new(),
            thunk_ids: HashMap::new(),
            pending_thunks: Vec::new(),
            compiled: Vec::new(),
            iface: Default::default(),
            methods: Default::default(),
            func_descs: Vec::new(),
            diags: Vec::new(),
            cache: None,
            capture: None,
            leaks: Default::default(),
            prebuilt: Vec::new(),
            unit_symbols: HashSet::new(),
            unit_defines: Vec::new(),
            incomplete_units: Default::default(),
        };
        for i in 0..prog.funcs.len() {
            let id = cx.declare_go_func(FuncId(i as u32));
            cx.funcs.push(id);
        }
        cx
    }

    /// Declares IR function `f` under its symbol, [`go_symbol`] of its link
    /// name, a local symbol. Link names are unique (the IR verifier's
    /// invariant); should two collide anyway, the second is reported as an
    /// internal compiler error and declared anonymously, so that
    /// compilation goes on.
    fn declare_go_func(&mut self, f: FuncId) -> ClifFuncId {
        let sig = self.func_signature(f);
        let symbol = go_symbol(&self.prog.funcs[f.0 as usize].link);
        if self.module.get_name(&symbol).is_none()
            && let Ok(id) = self.module.declare_function(&symbol, Linkage::Local, &sig)
        {
            return id;
        }
        self.error(Pos::NONE, format!("internal compiler error: link name {symbol} declared twice"));
        self.declare_anon(&sig)
    }

    /// Takes the packages of `prebuilt` as prebuilt.
    pub(crate) fn use_prebuilt(&mut self, prebuilt: &crate::Prebuilt) {
        self.prebuilt = prebuilt.units.iter().map(Option::is_some).collect();
        let named =
            prebuilt.arts.iter().flat_map(|a| a.funcs.iter().map(|f| &f.sym).chain(a.data.iter().map(|d| &d.sym)));
        self.unit_symbols = named
            .filter_map(|s| match s {
                crate::artifact::Sym::Named(n) => Some(n.clone()),
                crate::artifact::Sym::Anon(_) => None,
            })
            .collect();
        self.unit_defines = (self.prog.funcs.iter())
            .map(|f| f.unit.is_some_and(|u| self.unit_prebuilt(u)) && self.unit_symbols.contains(&go_symbol(&f.link)))
            .collect();
    }

    /// Whether function `f`'s code comes from a prebuilt unit: its unit is
    /// prebuilt and defines it, or ought to (its body was not lowered).
    pub fn is_prebuilt(&self, f: FuncId) -> bool {
        let i = f.0 as usize;
        self.prog.funcs[i].unit.is_some_and(|u| self.unit_prebuilt(u))
            && (self.unit_defines.get(i).copied().unwrap_or(false) || self.prog.not_lowered.contains(&f))
    }

    /// Notes that the program reaches prebuilt function `f`: its unit is
    /// incomplete if it lacks it.
    pub(crate) fn note_unit_has(&mut self, f: FuncId) {
        if !self.unit_defines.get(f.0 as usize).copied().unwrap_or(false)
            && let Some(u) = self.prog.funcs[f.0 as usize].unit
        {
            self.incomplete_units.insert(u);
        }
    }

    fn unit_prebuilt(&self, unit: u32) -> bool {
        self.prebuilt.get(unit as usize).copied().unwrap_or(false)
    }

    /// The declaration of IR function `f`, for a reference to it (a call, a
    /// func value, a method table entry): the first reference queues it
    /// for compilation, so only reachable [`lower::ir::Func::on_demand`]
    /// functions are compiled.
    pub fn func_decl(&mut self, f: FuncId) -> ClifFuncId {
        let i = f.0 as usize;
        if !self.queued[i] {
            self.queued[i] = true;
            self.worklist.push(f);
        }
        self.funcs[i]
    }

    /// Whether IR function `f` is reachable (queued for compilation).
    pub fn is_queued(&self, f: FuncId) -> bool {
        self.queued[f.0 as usize]
    }

    /// Declares an anonymous local function.
    pub fn declare_anon(&mut self, sig: &Signature) -> ClifFuncId {
        self.module
            .declare_anonymous_function(sig)
            .unwrap_or_else(|e| panic!("internal compiler error: declare function: {e}"))
    }

    /// Records a user-visible error.
    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic { pos, msg: msg.into() });
    }

    /// Records "deft does not support X yet" at `pos`.
    pub fn unsupported(&mut self, pos: Pos, what: &str) {
        self.error(pos, format!("deft does not support {what} yet"));
    }

    /// The signature of a Go function: closure context, then the
    /// parameters' scalars, then the address of a result area per big
    /// result (allocated by the caller, see [`crate::layout`]); the
    /// results' scalars (a big result returns its area's address). Its
    /// convention is [`go_call_conv`]'s.
    pub fn go_signature(&self, params: &[TyId], results: &[TyId]) -> Signature {
        let mut sig = Signature::new(CallConv::SystemV);
        sig.params.push(AbiParam::new(types::I64));
        for t in params {
            sig.params.extend(self.layouts.get(*t).scalars.iter().map(|s| go_param(s.ty)));
        }
        for t in results {
            if self.layouts.get(*t).too_big {
                sig.params.push(AbiParam::new(types::I64));
            }
        }
        for t in results {
            sig.returns.extend(self.layouts.get(*t).scalars.iter().map(|s| AbiParam::new(s.ty)));
        }
        sig.call_conv = go_call_conv(&sig.returns);
        sig
    }

    /// The signature of IR function `f`.
    pub fn func_signature(&self, f: FuncId) -> Signature {
        let func = &self.prog.funcs[f.0 as usize];
        let params: Vec<TyId> = func.params.iter().map(|l| func.locals[l.0 as usize].ty).collect();
        let results: Vec<TyId> = func.results.iter().map(|l| func.locals[l.0 as usize].ty).collect();
        self.go_signature(&params, &results)
    }

    /// The signature of a func value of type `sig`.
    pub fn func_type_signature(&self, sig: &FuncSig) -> Signature {
        self.go_signature(&sig.params, &sig.results)
    }

    /// The declaration of runtime entry point `rt`.
    pub fn rt_func(&mut self, rt: Rt) -> ClifFuncId {
        if let Some(id) = self.rt.get(&rt) {
            return *id;
        }
        let id = self
            .module
            .declare_function(rt.sym().name, Linkage::Import, &rt.signature())
            .unwrap_or_else(|e| panic!("internal compiler error: declare {}: {e}", rt.sym().name));
        self.rt.insert(rt, id);
        id
    }

    /// Read-only static bytes (string constants, names).
    pub fn bytes_data(&mut self, bytes: &[u8]) -> DataId {
        if let Some(id) = self.strings.get(bytes) {
            return *id;
        }
        let id = self.anon_data(false);
        let mut d = DataDescription::new();
        d.define(bytes.to_vec().into_boxed_slice());
        d.set_align(1);
        self.define_data(id, &d);
        self.strings.insert(bytes.to_vec(), id);
        id
    }

    /// A read-only static holding constant `c` laid out as `l`: the data
    /// word of the constant converted to an interface, which gc also
    /// points at read-only data instead of allocating (an interface's
    /// boxed value is never written). None for a constant without such a
    /// box (nil, or a layout this does not encode).
    pub fn const_box(&mut self, c: &Const, l: &Layout) -> Option<DataId> {
        let (bytes, string) = encode_const(c, l)?;
        let key = (bytes, string);
        if let Some(id) = self.const_boxes.get(&key) {
            return Some(*id);
        }
        let mut d = DataDescription::new();
        d.define(key.0.clone().into_boxed_slice());
        d.set_align(u64::from(l.align.max(1)));
        if let Some(s) = key.1.as_deref().filter(|s| !s.is_empty()) {
            let bytes = self.bytes_data(s);
            let gv = self.module.declare_data_in_data(bytes, &mut d);
            d.write_data_addr(0, gv, 0);
        }
        let id = self.static_data(&d);
        self.const_boxes.insert(key, id);
        Some(id)
    }

    /// The function of the program named `name` (`sync.(*Mutex).lockSlow`).
    pub fn func_named(&mut self, name: &str) -> Option<FuncId> {
        let prog = self.prog;
        let map = self.by_name.get_or_insert_with(|| {
            prog.funcs.iter().enumerate().map(|(i, f)| (f.name.as_str(), FuncId(i as u32))).collect()
        });
        map.get(name).copied()
    }

    /// A read-only table of 256 64-bit words, word i holding i: the boxes
    /// of small integers and bools converted to an interface (gc's
    /// `staticuint64s`; on little-endian a narrower value reads its own
    /// bytes at the start of its word). No allocation, and the same value
    /// converted twice is the same interface value, as in gc.
    pub fn small_uints(&mut self) -> DataId {
        if let Some(id) = self.small_uints {
            return id;
        }
        let bytes: Vec<u8> = (0u64..256).flat_map(u64::to_le_bytes).collect();
        let mut d = DataDescription::new();
        d.define(bytes.into_boxed_slice());
        d.set_align(8);
        let id = self.static_data(&d);
        self.small_uints = Some(id);
        id
    }

    /// A read-only block of [`ZERO_BLOCK`] zero bytes: the box of an
    /// empty string or a nil slice converted to an interface (gc's
    /// `zeroVal`).
    pub fn zero_block(&mut self) -> DataId {
        if let Some(id) = self.zero_block {
            return id;
        }
        let mut d = DataDescription::new();
        d.define_zeroinit(ZERO_BLOCK);
        d.set_align(8);
        let id = self.static_data(&d);
        self.zero_block = Some(id);
        id
    }

    /// The static closure object `[code]` of top-level function `f`, used
    /// for `f` as a func value.
    pub fn funcval(&mut self, f: FuncId) -> DataId {
        let code = self.func_decl(f);
        self.code_funcval(code)
    }

    /// The static closure object `[code]` of function `code` (a Go
    /// function taking its closure context first): a func value of it.
    pub fn code_funcval(&mut self, code: ClifFuncId) -> DataId {
        if let Some(id) = self.funcvals.get(&code) {
            return *id;
        }
        let id = self.anon_data(false);
        let mut d = DataDescription::new();
        // Bytes, not `define_zeroinit`: an object file puts zero-initialized
        // data in .bss, where a relocation cannot be applied.
        d.define(Box::new([0u8; 8]));
        d.set_align(8);
        let fr = self.module.declare_func_in_data(code, &mut d);
        d.write_function_addr(0, fr);
        self.define_data(id, &d);
        self.funcvals.insert(code, id);
        id
    }

    /// The storage of package-level variable `g`: zeroed, or its static
    /// initial value (see [`crate::statics`]).
    pub fn global(&mut self, g: lower::ir::GlobalId) -> DataId {
        if let Some(id) = self.globals[g.0 as usize] {
            return id;
        }
        let symbol = var_symbol(&self.prog.globals[g.0 as usize].name);
        let id = self.named_data(&symbol, true);
        let global = &self.prog.globals[g.0 as usize];
        self.globals[g.0 as usize] = Some(id);
        if self.unit_prebuilt(global.unit) {
            if !self.unit_symbols.contains(&symbol) {
                self.incomplete_units.insert(global.unit);
            }
            return id;
        }
        match &global.init {
            Some(value) => self.define_static(id, global.ty, value),
            None => {
                let l = self.layouts.get(global.ty);
                let mut d = DataDescription::new();
                d.define_zeroinit(l.size.max(1) as usize);
                d.set_align(u64::from(l.align.max(1)));
                self.define_data(id, &d);
            }
        }
        id
    }

    /// The data objects of every global variable defined so far and of
    /// the static objects that can hold pointers, with their sizes (roots
    /// of the garbage collector once finalized).
    pub fn global_ids(&self) -> Vec<(DataId, usize)> {
        let size = |g: usize| self.layouts.get(self.prog.globals[g].ty).size.max(1) as usize;
        let own = |g: usize| !self.unit_prebuilt(self.prog.globals[g].unit);
        let globals =
            self.globals.iter().enumerate().filter(|&(g, _)| own(g)).filter_map(|(g, id)| id.map(|id| (id, size(g))));
        globals.chain(self.static_roots.iter().copied()).collect()
    }

    /// The static type descriptor of `ty` (layout: [`TypeDesc`]).
    pub fn typedesc(&mut self, ty: TyId) -> DataId {
        if let Some(id) = self.typedescs.get(&ty) {
            return *id;
        }
        let id = self.named_data(&format!("{TYPEDESC_PREFIX}{}", self.prog.types[ty.0 as usize].link), false);
        // Insert first: element types may refer back to this one.
        self.typedescs.insert(ty, id);
        let prog = self.prog;
        let def = &prog.types[ty.0 as usize];
        let l = self.layouts.get(ty);
        let mut bytes = vec![0u8; std::mem::size_of::<TypeDesc>()];
        let put = |bytes: &mut Vec<u8>, off: usize, v: &[u8]| bytes[off..off + v.len()].copy_from_slice(v);
        put(&mut bytes, std::mem::offset_of!(TypeDesc, size), &(l.size as usize).to_le_bytes());
        put(&mut bytes, std::mem::offset_of!(TypeDesc, kind), &[reflect_kind(def) as u8]);
        put(&mut bytes, std::mem::offset_of!(TypeDesc, align), &[l.align.max(1) as u8]);
        put(&mut bytes, std::mem::offset_of!(TypeDesc, chan_dir), &[def.reflect.chan_dir]);
        put(&mut bytes, std::mem::offset_of!(TypeDesc, hash), &crate::typeswitch::type_hash(&def.link).to_le_bytes());
        let register_results = match &def.kind {
            TyKind::Func(sig) => {
                let results = sig.results.iter().map(|r| self.layouts.get(*r));
                let scalars: usize = results.clone().map(|r| r.scalars.len()).sum();
                scalars <= 2 && !results.clone().any(|r| r.too_big)
            }
            _ => false,
        };
        let flags = if def.named { TYPE_FLAG_NAMED } else { 0 }
            | if l.has_ptr { 0 } else { TYPE_FLAG_NOPTR }
            | if register_results { TYPE_FLAG_REGISTER_RESULTS } else { 0 }
            | if def.reflect.variadic { TYPE_FLAG_VARIADIC } else { 0 };
        put(&mut bytes, std::mem::offset_of!(TypeDesc, flags), &[flags]);
        // A func type gives its parameter count and first parameter's type
        // (`len`, `key`): what runtime.SetFinalizer checks.
        let len = match &def.kind {
            TyKind::Array(n, _) => *n as usize,
            TyKind::Func(sig) => sig.params.len(),
            _ => 0,
        };
        put(&mut bytes, std::mem::offset_of!(TypeDesc, len), &len.to_le_bytes());
        let elem = match &def.kind {
            TyKind::Pointer(e) | TyKind::Slice(e) | TyKind::Array(_, e) | TyKind::Chan(e) | TyKind::Map(_, e) => {
                Some(*e)
            }
            _ => None,
        };
        let key = match &def.kind {
            TyKind::Map(k, _) => Some(*k),
            TyKind::Func(sig) => sig.params.first().copied(),
            _ => None,
        };
        let methods = self.method_table(ty);
        put(&mut bytes, std::mem::offset_of!(TypeDesc, nmethods), &methods.map_or(0, |m| m.1).to_le_bytes());
        let fields = self.field_table(ty);
        put(&mut bytes, std::mem::offset_of!(TypeDesc, nfields), &fields.map_or(0, |f| f.1).to_le_bytes());
        let params = match &def.kind {
            TyKind::Func(sig) => {
                put(&mut bytes, std::mem::offset_of!(TypeDesc, nout), &sig.results.len().to_le_bytes());
                self.typedesc_table(&[sig.params.as_slice(), sig.results.as_slice()].concat())
            }
            _ => None,
        };
        let mut relocs = vec![
            (std::mem::offset_of!(TypeDesc, elem), elem.map(|e| self.typedesc(e))),
            (std::mem::offset_of!(TypeDesc, key), key.map(|k| self.typedesc(k))),
            (std::mem::offset_of!(TypeDesc, methods), methods.map(|m| m.0)),
            (std::mem::offset_of!(TypeDesc, fields), fields.map(|f| f.0)),
            (std::mem::offset_of!(TypeDesc, params), params),
            (std::mem::offset_of!(TypeDesc, ptr_to_this), self.pointer_to(ty).map(|p| self.typedesc(p))),
        ];
        for (off, s) in [
            (std::mem::offset_of!(TypeDesc, name), &def.name),
            (std::mem::offset_of!(TypeDesc, pkg_path), &def.reflect.pkg_path),
        ] {
            put(&mut bytes, off + 8, &s.len().to_le_bytes());
            relocs.push((off, Some(self.bytes_data(s.as_bytes()))));
        }
        if def.reflect.call.is_some() {
            // Its call adapter and MakeFunc stub wait (see
            // `resolve_reflect_calls`).
            self.func_descs.push(FuncDesc { id, ty, bytes, relocs, calls: false, makes: false });
        } else {
            self.define_with_relocs(id, bytes, &relocs);
        }
        id
    }

    /// Adds to the descriptors of func types what reflect's `Value.Call`
    /// and `MakeFunc` read, once those are reachable (before, nothing
    /// reads it, and each func type's call adapter and MakeFunc stub
    /// would be compiled for nothing: `hello world` with fmt has hundreds
    /// of func types); whether it added any. Called between rounds of
    /// compilation, as [`Self::resolve_method_tables`].
    pub fn resolve_reflect_calls(&mut self) -> bool {
        let (calls, makes) = self.reflect_reach();
        let mut added = false;
        // Resolving makes frame descriptors, which may add func types.
        let mut i = 0;
        while i < self.func_descs.len() {
            let (ty, done_calls, done_makes) = {
                let d = &self.func_descs[i];
                (d.ty, d.calls, d.makes)
            };
            // Only types with an adapter wait (see `typedesc`).
            let Some(call) = self.prog.types[ty.0 as usize].reflect.call else {
                i += 1;
                continue;
            };
            let mut relocs = Vec::new();
            // Both read the frame's layout.
            if (calls || makes) && !(done_calls || done_makes) {
                relocs.push((std::mem::offset_of!(TypeDesc, call_frame), Some(self.typedesc(call.frame))));
            }
            if calls && !done_calls {
                relocs.push((std::mem::offset_of!(TypeDesc, call), Some(self.funcval(call.adapter))));
            }
            if makes && !done_makes {
                relocs.push((std::mem::offset_of!(TypeDesc, make_func), call.make_func.map(|f| self.funcval(f))));
            }
            let d = &mut self.func_descs[i];
            d.calls |= calls;
            d.makes |= makes;
            added |= relocs.iter().any(|r| r.1.is_some());
            d.relocs.extend(relocs);
            i += 1;
        }
        added
    }

    /// Whether reflect's `Value.call` and `MakeFunc` are reachable (queued
    /// for compilation).
    pub(crate) fn reflect_reach(&mut self) -> (bool, bool) {
        let mut reached = |name: &str| self.func_named(name).is_some_and(|f| self.is_queued(f));
        (reached(REFLECT_CALL), reached(REFLECT_MAKE_FUNC))
    }

    /// Defines the descriptors of func types, once
    /// [`Self::resolve_reflect_calls`] adds nothing more.
    pub fn define_func_descs(&mut self) {
        for d in std::mem::take(&mut self.func_descs) {
            self.define_with_relocs(d.id, d.bytes, &d.relocs);
        }
    }

    /// Defines data `id` as `bytes` with the address of each target of
    /// `relocs` (those that are `Some`) at its offset.
    fn define_with_relocs(&mut self, id: DataId, bytes: Vec<u8>, relocs: &[(usize, Option<DataId>)]) {
        let mut d = DataDescription::new();
        d.define(bytes.into_boxed_slice());
        d.set_align(8);
        for &(off, target) in relocs {
            if let Some(t) = target {
                let gv = self.module.declare_data_in_data(t, &mut d);
                d.write_data_addr(off as u32, gv, 0);
            }
        }
        self.define_data(id, &d);
    }

    /// A static array of the descriptors of `tys` (a func type's
    /// parameters and results); `None` when empty.
    fn typedesc_table(&mut self, tys: &[TyId]) -> Option<DataId> {
        if tys.is_empty() {
            return None;
        }
        let relocs: Vec<(usize, Option<DataId>)> =
            tys.iter().enumerate().map(|(i, t)| (i * 8, Some(self.typedesc(*t)))).collect();
        let id = self.anon_data(false);
        self.define_with_relocs(id, vec![0u8; tys.len() * 8], &relocs);
        Some(id)
    }

    /// The program's type `*ty`, when the program has it and uses package
    /// reflect (whose `PointerTo` must then find it, see
    /// [`TypeDesc::ptr_to_this`]). Made known to descriptors only then:
    /// the descriptor of `*T` brings `*T`'s method table, whose methods
    /// are compiled.
    fn pointer_to(&mut self, ty: TyId) -> Option<TyId> {
        let prog = self.prog;
        if !prog.uses_reflect {
            return None;
        }
        let index = self.pointer_types.get_or_insert_with(|| {
            let pointers = prog.types.iter().enumerate();
            pointers
                .filter_map(|(i, d)| if let TyKind::Pointer(e) = d.kind { Some((e, TyId(i as u32))) } else { None })
                .collect()
        });
        index.get(&ty).copied()
    }

    /// For a program that uses reflect, a table of the address of every
    /// type descriptor emitted (by type id: the same table on every run),
    /// and its length: gc's typelinks, through which reflect's `SliceOf`,
    /// `MapOf`, `FuncOf`, ... find the program's own descriptor of a type
    /// rather than make a second one. Called once code generation is done
    /// (no descriptor is made after it). The descriptors the `prebuilt`
    /// units carry that this translation lacks follow, by name (their
    /// units define them when linked beside it).
    pub fn typelinks(&mut self, prebuilt: &[crate::artifact::Artifact]) -> Option<(DataId, usize)> {
        if !self.prog.uses_reflect {
            return None;
        }
        let mut ids: Vec<(TyId, DataId)> = self.typedescs.iter().map(|(t, d)| (*t, *d)).collect();
        ids.sort_by_key(|(t, _)| *t);
        let mut descs: Vec<DataId> = ids.into_iter().map(|(_, d)| d).collect();
        descs.extend(self.prebuilt_typedescs(prebuilt));
        let relocs: Vec<(usize, Option<DataId>)> = descs.iter().enumerate().map(|(i, d)| (8 * i, Some(*d))).collect();
        let id = self.anon_data(false);
        self.define_with_relocs(id, vec![0u8; 8 * descs.len().max(1)], &relocs);
        Some((id, descs.len()))
    }

    /// The type descriptors (`go:type:` objects) the `prebuilt` units
    /// carry and this translation did not make, declared, in name order.
    fn prebuilt_typedescs(&mut self, prebuilt: &[crate::artifact::Artifact]) -> Vec<DataId> {
        let mut names: Vec<&str> = prebuilt
            .iter()
            .flat_map(|a| &a.data)
            .filter_map(|d| match &d.sym {
                crate::artifact::Sym::Named(n) if n.starts_with(TYPEDESC_PREFIX) => Some(n.as_str()),
                _ => None,
            })
            .filter(|n| self.module.get_name(n).is_none())
            .collect();
        names.sort_unstable();
        names.dedup();
        names.into_iter().filter_map(|n| self.module.declare_data(n, Linkage::Local, false, false).ok()).collect()
    }

    /// The [`FieldDesc`] table of a struct type (data, count); `None` for
    /// other types and empty structs. The runtime hashes and compares struct
    /// values field by field with it (padding ignored).
    fn field_table(&mut self, ty: TyId) -> Option<(DataId, usize)> {
        let TyKind::Struct(fields) = &self.prog.types[ty.0 as usize].kind else { return None };
        if fields.is_empty() {
            return None;
        }
        let fields = fields.clone();
        let tags = &self.prog.types[ty.0 as usize].reflect.tags;
        let offsets: Vec<u32> = self.layouts.get(ty).fields.iter().map(|f| f.0).collect();
        let size = std::mem::size_of::<FieldDesc>();
        let mut bytes = vec![0u8; size * fields.len()];
        let mut relocs = Vec::new();
        for (i, (name, fty, embedded)) in fields.iter().enumerate() {
            let base = i * size;
            let tag = tags.get(i).map_or("", |t| t.as_str());
            for (off, s) in
                [(std::mem::offset_of!(FieldDesc, name), name.as_str()), (std::mem::offset_of!(FieldDesc, tag), tag)]
            {
                bytes[base + off + 8..base + off + 16].copy_from_slice(&s.len().to_le_bytes());
                relocs.push((base + off, Some(self.bytes_data(s.as_bytes()))));
            }
            let off = base + std::mem::offset_of!(FieldDesc, offset);
            bytes[off..off + 8].copy_from_slice(&(offsets[i] as usize).to_le_bytes());
            let off = base + std::mem::offset_of!(FieldDesc, embedded);
            bytes[off..off + 8].copy_from_slice(&usize::from(*embedded).to_le_bytes());
            relocs.push((base + std::mem::offset_of!(FieldDesc, ty), Some(self.typedesc(*fty))));
        }
        let id = self.anon_data(false);
        self.define_with_relocs(id, bytes, &relocs);
        Some((id, fields.len()))
    }

    /// The thunk for `spec`, declared now and generated after the current
    /// function (see [`crate::defers::define_thunk`]).
    pub fn thunk(&mut self, spec: ThunkSpec) -> ClifFuncId {
        if let Some(id) = self.thunk_ids.get(&spec) {
            return *id;
        }
        let mut sig = Signature::new(CallConv::SystemV);
        sig.params.extend([AbiParam::new(types::I64), AbiParam::new(types::I64)]);
        let id = self.declare_anon(&sig);
        self.thunk_ids.insert(spec.clone(), id);
        self.pending_thunks.push((spec, id));
        id
    }

    /// Read-only anonymous static data described by `d`.
    pub fn static_data(&mut self, d: &DataDescription) -> DataId {
        let id = self.anon_data(false);
        self.define_data(id, d);
        id
    }

    /// A fresh writable, zeroed static of `size` bytes (8-aligned): the
    /// inline cache of an interface call site.
    pub fn zeroed_static(&mut self, size: usize) -> DataId {
        let id = self.anon_data(true);
        let mut d = DataDescription::new();
        d.define_zeroinit(size);
        d.set_align(8);
        self.define_data(id, &d);
        id
    }

    /// Declares a program-wide data object under `symbol`, a local symbol
    /// made of a link name (a type descriptor's, a package-level
    /// variable's: unique, see [`lower::ir::TyDef::link`]); as
    /// [`ProgramCx::declare_go_func`], a collision is reported as an
    /// internal compiler error and the object declared anonymously.
    fn named_data(&mut self, symbol: &str, writable: bool) -> DataId {
        if self.module.get_name(symbol).is_none()
            && let Ok(id) = self.module.declare_data(symbol, Linkage::Local, writable, false)
        {
            return id;
        }
        self.error(Pos::NONE, format!("internal compiler error: data {symbol} declared twice"));
        self.anon_data(writable)
    }

    pub(crate) fn anon_data(&mut self, writable: bool) -> DataId {
        self.module
            .declare_anonymous_data(writable, false)
            .unwrap_or_else(|e| panic!("internal compiler error: declare data: {e}"))
    }

    pub(crate) fn define_data(&mut self, id: DataId, d: &DataDescription) {
        self.module.define_data(id, d).unwrap_or_else(|e| panic!("internal compiler error: define data: {e}"));
        if let Some(capture) = &mut self.capture {
            capture.data(id, d);
        }
    }
}

/// The symbol of a Go function in a module: `go:` and its link name
/// ([`lower::ir::Func::link`]). The prefix keeps Go functions apart from
/// the symbols code imports (the runtime's entry points, and library
/// functions the runtime implements under their Go names: a bodyless
/// `os.write`'s adapter is `go:os.write`, and calls the import `os.write`).
pub fn go_symbol(link: &str) -> String {
    format!("go:{link}")
}

/// The symbol of package-level variable `name` (qualified: `main.x`) in a
/// module.
pub fn var_symbol(name: &str) -> String {
    format!("go:var:{name}")
}

/// The bytes of constant `c` in memory as layout `l` (a string's data
/// pointer left zero) and, for a string, its bytes. None for nil and for
/// layouts that are not the constant's plain scalars.
/// Bytes of [`ProgramCx::zero_block`]: a slice header's.
pub const ZERO_BLOCK: usize = 24;

pub(crate) fn encode_const(c: &Const, l: &Layout) -> Option<(Vec<u8>, Option<Vec<u8>>)> {
    let mut out = vec![0u8; l.size as usize];
    let mut put = |i: usize, bits: u64| -> Option<()> {
        let s = l.scalars.get(i)?;
        let n = s.ty.bytes() as usize;
        let at = s.offset as usize;
        out.get_mut(at..at + n)?.copy_from_slice(&bits.to_le_bytes()[..n]);
        Some(())
    };
    let float = |ty: Type, f: f64| if ty == types::F32 { u64::from((f as f32).to_bits()) } else { f.to_bits() };
    let first = l.scalars.first()?.ty;
    let mut string = None;
    match c {
        Const::Bool(b) if l.scalars.len() == 1 => put(0, u64::from(*b))?,
        Const::Int(bits) if l.scalars.len() == 1 => {
            put(0, if first.is_float() { float(first, *bits as i64 as f64) } else { *bits })?
        }
        Const::Float(f) if l.scalars.len() == 1 && first.is_float() => put(0, float(first, *f))?,
        Const::Float(re) if l.scalars.len() == 2 && first.is_float() => {
            put(0, float(first, *re))?;
            put(1, float(first, 0.0))?;
        }
        Const::Complex(re, im) if l.scalars.len() == 2 && first.is_float() => {
            put(0, float(first, *re))?;
            put(1, float(first, *im))?;
        }
        Const::String(s) if l.scalars.len() == 2 && l.size == 16 => string = Some(s.as_bytes().to_vec()),
        Const::Bytes(b) if l.scalars.len() == 2 && l.size == 16 => string = Some(b.clone()),
        _ => return None,
    }
    if let Some(b) = &string {
        put(1, b.len() as u64)?;
    }
    Some((out, string))
}

/// The `reflect.Kind` of a type: its structure's, but for the 64-bit
/// integers, which the structure does not tell apart.
fn reflect_kind(def: &lower::ir::TyDef) -> Kind {
    match (kind_of(&def.kind), &def.reflect) {
        (_, f) if f.uintptr => Kind::Uintptr,
        (Kind::Int, f) if f.sized64 => Kind::Int64,
        (Kind::Uint, f) if f.sized64 => Kind::Uint64,
        (k, _) => k,
    }
}

/// The `reflect.Kind` of a type's structure.
fn kind_of(k: &TyKind) -> Kind {
    match k {
        TyKind::Bool => Kind::Bool,
        TyKind::Int(it) => match (it.bits, it.signed) {
            (8, true) => Kind::Int8,
            (16, true) => Kind::Int16,
            (32, true) => Kind::Int32,
            (_, true) => Kind::Int,
            (8, false) => Kind::Uint8,
            (16, false) => Kind::Uint16,
            (32, false) => Kind::Uint32,
            (_, false) => Kind::Uint,
        },
        TyKind::Float(32) => Kind::Float32,
        TyKind::Float(_) => Kind::Float64,
        TyKind::Complex(64) => Kind::Complex64,
        TyKind::Complex(_) => Kind::Complex128,
        TyKind::String => Kind::String,
        TyKind::UnsafePointer => Kind::UnsafePointer,
        TyKind::Pointer(_) => Kind::Pointer,
        TyKind::Slice(_) => Kind::Slice,
        TyKind::Array(..) => Kind::Array,
        TyKind::Struct(_) => Kind::Struct,
        TyKind::Map(..) => Kind::Map,
        TyKind::Chan(_) => Kind::Chan,
        TyKind::Func(_) => Kind::Func,
        TyKind::Interface(_) => Kind::Interface,
        TyKind::Tuple(_) => Kind::Invalid,
    }
}

/// A Go parameter of scalar type `ty`. An integer narrower than a word
/// (`bool`, `rune`, `uint8`, ...) is passed zero-extended to a word: a
/// parameter passed on the stack is then stored as a word, which the
/// callee loads as one (Cranelift loads a whole word either way), where a
/// narrow store followed by a word load stalls on store forwarding
/// (fmt's `fmtInteger(v uint64, isSigned bool, verb rune)`, whose
/// `verb` is its seventh argument, spent 70% of its time on that load).
/// The callee reads only the low bits, so a caller that does not extend
/// (a signature made elsewhere) is as correct.
fn go_param(ty: Type) -> AbiParam {
    if ty.is_int() && ty.bits() < 64 { AbiParam::new(ty).uext() } else { AbiParam::new(ty) }
}

/// The calling convention of a Go function returning `returns`: SystemV
/// when they fit its result registers (two integer, two float), Tail
/// (eight of each) otherwise. The two agree on parameters.
///
/// SystemV, because a `try_call` of a SystemV callee leaves the
/// callee-saved registers intact on its exceptional edge too (the panic
/// engine restores them when it resumes a frame, see
/// `runtime::frames::CalleeSaved`), so a function with defers keeps values
/// in registers across its calls and saves only the registers it uses; a
/// `try_call` of a Tail callee clobbers every register on that edge.
pub fn go_call_conv(returns: &[AbiParam]) -> CallConv {
    let floats = returns.iter().filter(|r| r.value_type.is_float()).count();
    if floats <= 2 && returns.len() - floats <= 2 { CallConv::SystemV } else { CallConv::Tail }
}
