//! The compiled program in memory, and running it: the only module of the
//! compiler that holds `unsafe` code.
#![allow(unsafe_code)]

use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{FuncId as ClifFuncId, default_libcall_names};
use syntax::Diagnostic;

use crate::runtime_symbols::Rt;
use crate::{Translated, funcdata};

/// A compiled program, ready to run.
pub struct JitProgram {
    /// Keeps the code and data mapped.
    _module: JITModule,
    trampoline: usize,
    /// The text-method catcher (`runtime::entry::TextCatcher`).
    catcher: usize,
    init: usize,
    /// `main.main`, if the program has one.
    main: Option<usize>,
    /// The program as an artifact, when [`crate::Options::keep_artifact`]
    /// asked for it.
    artifact: Option<Vec<u8>>,
    /// The units of the packages compiled, by import path, when
    /// [`crate::Options::keep_units`] asked for them.
    pub units: Vec<(String, crate::artifact::Artifact)>,
}

/// A fresh JIT module in which the runtime's entry points and the library
/// functions it implements resolve to their addresses in this process.
pub(crate) fn new_module() -> JITModule {
    let mut jb = JITBuilder::with_isa(crate::program::isa(), default_libcall_names());
    for rt in Rt::ALL {
        let s = rt.sym();
        jb.symbol(s.name, s.addr);
    }
    jb.symbol_lookup_fn(Box::new(runtime::library::symbol));
    JITModule::new(jb)
}

/// Finalizes the module, registers the funcdata with the runtime.
pub(crate) fn finish(mut module: JITModule, t: Translated) -> Result<JitProgram, Vec<Diagnostic>> {
    let Translated { compiled, globals, trampoline, catcher, init, main, typelinks, .. } = t;
    if let Err(e) = module.finalize_definitions() {
        return Err(vec![Diagnostic {
            pos: syntax::Pos::NONE,
            msg: format!("internal compiler error: finalizing code: {e:?}"),
        }]);
    }
    let addr = |id: ClifFuncId| module.get_finalized_function(id) as usize;
    let funcs = funcdata::publish(&compiled, addr);
    if std::env::var_os("DEFT_PERFMAP").is_some() {
        write_perf_map(&funcs);
    }
    runtime::frames::register(funcs);
    // The globals are roots of the collector: register their address ranges.
    let roots: Vec<(usize, usize)> = globals
        .into_iter()
        .map(|(id, _)| {
            let (p, size) = module.get_finalized_data(id);
            (p as usize, p as usize + size)
        })
        .collect();
    runtime::gc::register_roots(&roots);
    if let Some((id, len)) = typelinks {
        // SAFETY: the finalized table holds `len` descriptors, which live as
        // long as the module (the program's run).
        unsafe { runtime::library::register_typelinks(module.get_finalized_data(id).0.cast(), len) };
    }
    Ok(JitProgram {
        trampoline: addr(trampoline),
        catcher: addr(catcher),
        init: addr(init),
        main: main.map(addr),
        _module: module,
        artifact: None,
        units: Vec::new(),
    })
}

/// Writes `/tmp/perf-PID.map`, which names generated code for Linux `perf`
/// (`DEFT_PERFMAP=1 perf record deft run prog.go`): one `START SIZE NAME`
/// line per function, with the Go names of tracebacks.
fn write_perf_map(funcs: &[runtime::frames::FuncInfo]) {
    let map: String = funcs.iter().map(|f| format!("{:x} {:x} {}\n", f.start, f.end - f.start, f.name)).collect();
    let path = format!("/tmp/perf-{}.map", std::process::id());
    if let Err(e) = std::fs::write(&path, map) {
        eprintln!("deft: writing {path}: {e}");
    }
}

impl JitProgram {
    /// Whether the program has a `main.main` to run (gc reports its absence
    /// when linking: `function main is undeclared in the main package`).
    pub fn has_main(&self) -> bool {
        self.main.is_some()
    }

    /// The program as an encoded [`crate::artifact::Artifact`], which
    /// [`crate::link_jit`] makes into this program again in another
    /// process; `None` unless [`crate::Options::keep_artifact`] asked for it.
    pub fn take_artifact(&mut self) -> Option<Vec<u8>> {
        self.artifact.take()
    }

    pub(crate) fn set_artifact(&mut self, bytes: Vec<u8>) {
        self.artifact = Some(bytes);
    }

    /// Runs `init` then `main.main`. Returns 0 when main returns; an
    /// unrecovered panic prints its report and exits the process with
    /// status 2, `os.Exit` with its code (neither returns here: JIT frames
    /// have no unwind information to return through).
    ///
    /// Precondition: [`JitProgram::has_main`].
    pub fn run(self, args: Vec<String>) -> i32 {
        let Some(main) = self.main else { panic!("internal compiler error: running a program without main.main") };
        runtime::proc::set_args(args);
        // SAFETY: the addresses are finalized code generated with the
        // signatures `run_main` expects, and their funcdata is registered.
        unsafe { runtime::entry::run_main(self.trampoline, self.catcher, self.init, main) }
    }
}
