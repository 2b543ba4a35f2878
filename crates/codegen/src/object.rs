//! The compiled program as a relocatable object file, for `deft build`.
//!
//! The same translation as `deft run`'s ([`crate::translate`]) into
//! Cranelift's object module, plus what the JIT hands the runtime in memory
//! written as data: one `runtime::image::Image` holding the funcdata (with
//! code addresses as indices into a table of addresses the linker fills
//! in), the globals' address ranges, the GODEBUG default and the entry
//! glues; and a C `main` that passes it to the runtime's `deft_main`.
//!
//! The object is linked (by the driver, with the system `cc`) against the
//! runtime's static library, whose exported symbols are the names the code
//! imports: the runtime's entry points (`deft_alloc`) and the library
//! functions under their Go names (`os.write`).
//!
//! Invariants:
//! * The code is position-dependent (the ISA is the JIT's: `is_pic=false`,
//!   absolute addresses in code and data), so the executable is linked
//!   with `-no-pie`; and it is the host's code (the ISA uses the features
//!   of the CPU deft runs on), like `-march=native`.
//! * Translation is byte for byte the JIT's, so both share the
//!   machine-code cache.

use std::collections::HashMap;

use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature, types};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, FuncId as ClifFuncId, Linkage, Module, default_libcall_names};
use cranelift_object::{ObjectBuilder, ObjectModule, ObjectProduct};
use lower::ir::Program;
use runtime::image::{IMAGE_MAGIC, Image};
use syntax::{Diagnostic, SourceMap};

use crate::funcdata::CompiledFunc;
use crate::{Options, Translated, funcdata};

/// The symbol of the runtime's start-up (`runtime::image::deft_main`).
const RUNTIME_MAIN: &str = "deft_main";

/// A program compiled to an object file.
pub struct ObjectProgram {
    /// The ELF relocatable object; empty when the program has no `main.main`.
    pub bytes: Vec<u8>,
    has_main: bool,
}

impl ObjectProgram {
    /// Whether the program has a `main.main` (gc reports its absence when
    /// linking: `function main is undeclared in the main package`).
    pub fn has_main(&self) -> bool {
        self.has_main
    }
}

/// Compiles `program` to an object file defining C `main`, whose main
/// module's GODEBUG default is `godebug`. Returns the diagnostics for
/// constructs deft does not support yet.
pub fn compile_object(
    program: &Program,
    sources: &SourceMap,
    opts: &Options,
    godebug: &str,
) -> Result<ObjectProgram, Vec<Diagnostic>> {
    let builder = ObjectBuilder::new(crate::program::isa(), "deft-program", default_libcall_names())
        .map_err(|e| ice(format!("object module: {e}")))?;
    let mut module = ObjectModule::new(builder);
    let prebuilt = crate::Prebuilt::of(program, opts);
    let t =
        crate::translate(&mut module, program, sources, opts, &prebuilt).map_err(crate::Failure::into_diagnostics)?;
    let Some(main) = t.main else { return Ok(ObjectProgram { bytes: Vec::new(), has_main: false }) };
    let image = define_image(&mut module, &t, main, godebug).map_err(ice)?;
    define_c_main(&mut module, image).map_err(ice)?;
    let mut product = module.finish();
    name_functions(&mut product, &t.compiled);
    let bytes = product.emit().map_err(|e| ice(format!("writing the object file: {e}")))?;
    Ok(ObjectProgram { bytes, has_main: true })
}

fn ice(msg: impl std::fmt::Display) -> Vec<Diagnostic> {
    vec![Diagnostic { pos: syntax::Pos::NONE, msg: format!("internal compiler error: {msg}") }]
}

/// Gives each function's symbol the name tracebacks print (`main.main`,
/// `fmt.Println`) instead of an anonymous one, for debuggers and profilers
/// (`perf` reads an executable's symbol table). The symbols stay local,
/// so names need not be unique, and a local symbol never satisfies an
/// import of the same name (a library adapter is named like the runtime
/// function it calls).
fn name_functions(product: &mut ObjectProduct, compiled: &[CompiledFunc]) {
    for c in compiled {
        let symbol = product.function_symbol(c.id);
        product.object.symbol_mut(symbol).name = c.name.clone().into_bytes();
    }
}

/// Defines the program's [`Image`] and the data it points to.
fn define_image(module: &mut dyn Module, t: &Translated, main: ClifFuncId, godebug: &str) -> Result<DataId, String> {
    // The table of code addresses: every function with funcdata, and the
    // thunks of open-coded defer sites, each once.
    let mut index: HashMap<ClifFuncId, usize> = HashMap::new();
    let mut code: Vec<ClifFuncId> = Vec::new();
    let thunks = t.compiled.iter().flat_map(|c| c.open_defers.iter().flat_map(|(_, sites)| sites.iter().map(|s| s.1)));
    for id in t.compiled.iter().map(|c| c.id).chain(thunks) {
        index.entry(id).or_insert_with(|| {
            code.push(id);
            code.len() - 1
        });
    }
    let funcdata = runtime::image::encode_funcs(&funcdata::publish(&t.compiled, |id| index[&id]));
    let funcdata_id = bytes(module, &funcdata)?;
    let godebug_id = bytes(module, godebug.as_bytes())?;

    let mut table = DataDescription::new();
    // Bytes (to relocate), not `define_zeroinit` (.bss, no relocations).
    table.define(vec![0u8; 8 * code.len()].into_boxed_slice());
    table.set_align(8);
    for (i, id) in code.iter().enumerate() {
        let f = module.declare_func_in_data(*id, &mut table);
        table.write_function_addr(8 * i as u32, f);
    }
    let code_id = define(module, &table, false)?;

    let mut roots = DataDescription::new();
    roots.define(vec![0u8; (16 * t.globals.len()).max(8)].into_boxed_slice());
    roots.set_align(8);
    for (i, &(global, size)) in t.globals.iter().enumerate() {
        let gv = module.declare_data_in_data(global, &mut roots);
        roots.write_data_addr(16 * i as u32, gv, 0);
        roots.write_data_addr(16 * i as u32 + 8, gv, size as i64);
    }
    let roots_id = define(module, &roots, false)?;

    let mut words = vec![0u8; std::mem::size_of::<Image>()];
    let mut put = |off: usize, v: u64| words[off..off + 8].copy_from_slice(&v.to_le_bytes());
    put(std::mem::offset_of!(Image, magic), IMAGE_MAGIC);
    put(std::mem::offset_of!(Image, funcdata_len), funcdata.len() as u64);
    put(std::mem::offset_of!(Image, code_len), code.len() as u64);
    put(std::mem::offset_of!(Image, roots_len), t.globals.len() as u64);
    put(std::mem::offset_of!(Image, godebug_len), godebug.len() as u64);
    put(std::mem::offset_of!(Image, typelinks_len), t.typelinks.map_or(0, |(_, n)| n) as u64);
    let mut image = DataDescription::new();
    image.define(words.into_boxed_slice());
    image.set_align(8);
    for (off, data) in [
        (std::mem::offset_of!(Image, funcdata), funcdata_id),
        (std::mem::offset_of!(Image, code), code_id),
        (std::mem::offset_of!(Image, roots), roots_id),
        (std::mem::offset_of!(Image, godebug), godebug_id),
    ]
    .into_iter()
    .chain(t.typelinks.map(|(id, _)| (std::mem::offset_of!(Image, typelinks), id)))
    {
        let gv = module.declare_data_in_data(data, &mut image);
        image.write_data_addr(off as u32, gv, 0);
    }
    for (off, func) in [
        (std::mem::offset_of!(Image, trampoline), t.trampoline),
        (std::mem::offset_of!(Image, catcher), t.catcher),
        (std::mem::offset_of!(Image, init), t.init),
        (std::mem::offset_of!(Image, main), main),
    ] {
        let f = module.declare_func_in_data(func, &mut image);
        image.write_function_addr(off as u32, f);
    }
    define(module, &image, false)
}

/// Read-only bytes (at least one, so that every object has an address).
fn bytes(module: &mut dyn Module, b: &[u8]) -> Result<DataId, String> {
    let mut d = DataDescription::new();
    let mut v = b.to_vec();
    if v.is_empty() {
        v.push(0);
    }
    d.define(v.into_boxed_slice());
    d.set_align(8);
    define(module, &d, false)
}

fn define(module: &mut dyn Module, d: &DataDescription, writable: bool) -> Result<DataId, String> {
    let id = module.declare_anonymous_data(writable, false).map_err(|e| format!("declaring data: {e}"))?;
    module.define_data(id, d).map_err(|e| format!("defining data: {e}"))?;
    Ok(id)
}

/// Defines C `int main(int argc, char **argv)`: `return deft_main(argc,
/// argv, &image)`.
fn define_c_main(module: &mut dyn Module, image: DataId) -> Result<(), String> {
    let mut sig = Signature::new(CallConv::SystemV);
    sig.params.extend([AbiParam::new(types::I32), AbiParam::new(types::I64)]);
    sig.returns.push(AbiParam::new(types::I32));
    let main = module.declare_function("main", Linkage::Export, &sig).map_err(|e| format!("declaring main: {e}"))?;
    let mut rt_sig = sig.clone();
    rt_sig.params.push(AbiParam::new(types::I64));
    let rt_main = module
        .declare_function(RUNTIME_MAIN, Linkage::Import, &rt_sig)
        .map_err(|e| format!("declaring {RUNTIME_MAIN}: {e}"))?;
    let mut ctx = module.make_context();
    ctx.func.signature = sig;
    let mut fctx = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let (argc, argv) = (b.block_params(entry)[0], b.block_params(entry)[1]);
    let gv = module.declare_data_in_func(image, b.func);
    let image_addr = b.ins().symbol_value(types::I64, gv);
    let callee = module.declare_func_in_func(rt_main, b.func);
    let call = b.ins().call(callee, &[argc, argv, image_addr]);
    let status = b.inst_results(call)[0];
    b.ins().return_(&[status]);
    b.seal_all_blocks();
    b.finalize(module.target_config());
    module.define_function(main, &mut ctx).map_err(|e| format!("defining main: {e}"))
}
