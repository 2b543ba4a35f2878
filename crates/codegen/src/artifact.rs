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
//! module; [`link`] defines it in another module (a named object the
//! module has declared already is reused, so what a translation declared
//! first keeps its signature; an object two artifacts both define is not
//! handled yet: the second definition fails).
//! [`Artifact::encode`] and [`Artifact::decode`] write and read it;
//! decoding checks every length and index and gives `None` for bytes that
//! are not an artifact (the cache checksums what it stores; this is the
//! second line).
//!
//! Today the whole program is one artifact (`Options::relink`, a self-test
//! of the format on whole programs); per-package units are the next seam.

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
#[derive(Clone, Debug, PartialEq)]
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
    let infos = crate::funcdata::publish(&t.compiled, |id| func_index.get(&id).map_or(usize::MAX, |&i| i as usize));
    if infos.iter().any(|f| f.start == usize::MAX) {
        return None;
    }
    art.funcdata = runtime::image::encode_funcs(&infos);
    art.roots = t.globals.iter().map(|&(id, size)| Some((data_sym(id)?, size as u64))).collect::<Option<_>>()?;
    let entry = |id: ClifFuncId| func_index.get(&id).copied();
    art.entries = [entry(t.trampoline), entry(t.catcher), entry(t.init), t.main.and_then(entry)];
    art.typelinks = match t.typelinks {
        Some((id, len)) => Some((data_sym(id)?, len as u64)),
        None => None,
    };
    Some(art)
}

/// Defines `art` in `module` and returns what the JIT needs to run it, or
/// why it could not be linked.
pub(crate) fn link(module: &mut dyn Module, art: &Artifact) -> Result<Translated, String> {
    let placeholder = Signature::new(CallConv::SystemV);
    let err = |e: cranelift_module::ModuleError| format!("linking an artifact: {e}");
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
                Some(FuncOrDataId::Data(id)) => id,
                Some(FuncOrDataId::Func(_)) => return Err(format!("{n} is a function, not data")),
                None => module.declare_data(n, Linkage::Local, d.writable, false).map_err(err)?,
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
    for (f, &id) in art.funcs.iter().zip(&funcs) {
        let relocs = f
            .relocs
            .iter()
            .map(|r| {
                Ok(ModuleReloc { offset: r.offset, kind: r.kind, name: resolve(module, &r.target)?, addend: r.addend })
            })
            .collect::<Result<Vec<_>, String>>()?;
        module.define_function_bytes(id, f.align, &f.code, &relocs).map_err(err)?;
    }
    for (d, &id) in art.data.iter().zip(&data) {
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
    let compiled = infos
        .into_iter()
        .map(|f| CompiledFunc {
            id: funcs[f.start],
            name: f.name,
            file: f.file,
            has_params: f.has_params,
            kind: f.kind,
            size: f.end - f.start,
            lines: f.lines,
            open_defers: f
                .open_defers
                .map(|d| (d.bits_off, d.sites.iter().map(|s| (s.args_off, funcs[s.thunk])).collect())),
            landing_pads: f.landing_pads,
            saved_regs: f.saved_regs,
            wrapper: f.wrapper,
        })
        .collect();
    let data_of = |s: &Sym| match s {
        Sym::Anon(i) => pick(&data, *i),
        Sym::Named(n) => match module.get_name(n) {
            Some(FuncOrDataId::Data(id)) => Ok(id),
            _ => Err(format!("no data {n}")),
        },
    };
    let globals = art.roots.iter().map(|(s, size)| Ok((data_of(s)?, *size as usize))).collect::<Result<_, String>>()?;
    let typelinks = art.typelinks.as_ref().map(|(s, len)| Ok::<_, String>((data_of(s)?, *len as usize))).transpose()?;
    let entry = |i: Option<u32>| i.map(|i| pick(&funcs, i)).transpose();
    let [tramp, catcher, init, main] = art.entries;
    let need = |f: Option<ClifFuncId>, what: &str| f.ok_or(format!("the artifact has no {what}"));
    Ok(Translated {
        compiled,
        globals,
        trampoline: need(entry(tramp)?, "trampoline")?,
        catcher: need(entry(catcher)?, "catcher")?,
        init: need(entry(init)?, "init")?,
        main: entry(main)?,
        typelinks,
        capture: None,
    })
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
        r.0.is_empty().then_some(art)
    }
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

    #[test]
    fn a_relocation_kind_the_format_lacks_is_refused() {
        let mut art = sample();
        art.funcs[0].relocs[0].kind = Reloc::X86GOTPCRel4;
        assert_eq!(Artifact::decode(&art.encode()), None);
    }
}
