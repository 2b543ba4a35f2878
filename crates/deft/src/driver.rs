//! Runs the pipeline for `deft run` and `deft build` and maps its outcome
//! to an exit status.
//!
//! ```text
//! files ─read─▶ SourceMap ─syntax─▶ AST ─(+ library packages)─▶ ─types─▶ Info ─lower─▶ IR ─codegen─▶ JIT ─▶ run
//!                                                                                              └─▶ object ─cc─▶ executable
//! ```
//! Each stage reports user errors into one `Diagnostics`; the driver renders
//! them once, in gc's format, and stops at the first stage that failed.

use syntax::{Diagnostic, Diagnostics, SourceMap};

use crate::cli::{Command, RunOptions, USAGE};

/// Where code generation puts a program: machine code in memory to run
/// now (`deft run`, `deft test`), or an object file to link (`deft build`,
/// `deft test -c`).
pub trait Backend: Sized {
    /// Compiles the lowered program; `godebug` is the main module's
    /// GODEBUG default.
    fn generate(
        program: &lower::ir::Program,
        sources: &SourceMap,
        opts: &codegen::Options,
        godebug: &str,
    ) -> Result<Self, codegen::Failure>;
    /// Whether the program has a `main.main`.
    fn has_main(&self) -> bool;
    /// Whether the package cache serves this backend (see `pkgcache`).
    const PACKAGE_CACHE: bool;
    /// The units of the packages compiled, for the package cache to keep.
    fn take_units(&mut self) -> Vec<(String, codegen::artifact::Artifact)> {
        Vec::new()
    }
}

impl Backend for codegen::JitProgram {
    fn generate(
        program: &lower::ir::Program,
        sources: &SourceMap,
        opts: &codegen::Options,
        _: &str,
    ) -> Result<Self, codegen::Failure> {
        codegen::compile_jit(program, sources, opts)
    }

    fn has_main(&self) -> bool {
        codegen::JitProgram::has_main(self)
    }

    const PACKAGE_CACHE: bool = true;

    fn take_units(&mut self) -> Vec<(String, codegen::artifact::Artifact)> {
        std::mem::take(&mut self.units)
    }
}

impl Backend for codegen::ObjectProgram {
    fn generate(
        program: &lower::ir::Program,
        sources: &SourceMap,
        opts: &codegen::Options,
        godebug: &str,
    ) -> Result<Self, codegen::Failure> {
        codegen::compile_object(program, sources, opts, godebug).map_err(codegen::Failure::Diagnostics)
    }

    fn has_main(&self) -> bool {
        codegen::ObjectProgram::has_main(self)
    }

    // `deft build` keeps the per-function cache only.
    const PACKAGE_CACHE: bool = false;
}

/// A compiled program with the names the go command would use for it.
pub struct Compiled<B> {
    /// The code.
    pub program: B,
    /// The executable's name (`go build`'s default output, `go run`'s
    /// `os.Args[0]`).
    pub exec_name: String,
    /// The main package's import path (`command-line-arguments` for files).
    pub main_path: String,
    /// The program's default GODEBUG.
    pub godebug: String,
    /// The paths whose state decided the load.
    pub inputs: crate::load::Inputs,
}

/// Writes `text` to standard output. A reader that went away (`deft run
/// --dump-ir x.go | head`) is not an error of deft's: what it did not read
/// is dropped, as `print!` would panic instead (Rust ignores `SIGPIPE`).
pub fn print_stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Executes a parsed command; returns the process exit status.
pub fn execute(cmd: Command) -> i32 {
    match cmd {
        Command::Help => {
            print_stdout(USAGE);
            0
        }
        Command::Version => {
            print_stdout(&format!("deft version {} go1.27 linux/amd64\n", env!("CARGO_PKG_VERSION")));
            0
        }
        Command::Run(opts) => run(&opts),
        Command::Build(opts) => crate::link::build(&opts),
        Command::Test(opts) => crate::gotest::test(&opts),
    }
}

/// `deft run`: the program from the program cache if its inputs are as
/// an earlier run found them, else compiled (and stored there).
fn run(opts: &RunOptions) -> i32 {
    let mut cached = crate::progcache::ProgramCache::open("run", opts, &[]);
    if let Some(hit) = cached.as_mut().and_then(|c| c.lookup()) {
        crate::phases::Phases::start().note("program cache: hit");
        runtime::godebug::set_default(hit.godebug);
        return hit.program.run(program_args(&hit.exec_name, opts));
    }
    let keep_artifact = cached.as_ref().is_some_and(|c| c.wants_artifact());
    let mut sources = SourceMap::default();
    match compile::<codegen::JitProgram>(&mut sources, opts, keep_artifact) {
        Ok(Some(mut c)) => {
            if let Some(cache) = &cached {
                let artifact = c.program.take_artifact();
                let entry = crate::progcache::Entry {
                    inputs: &c.inputs,
                    exec_name: &c.exec_name,
                    package: &c.main_path,
                    godebug: &c.godebug,
                    run_dir: "",
                    artifact,
                };
                cache.store(entry);
            }
            c.program.run(program_args(&c.exec_name, opts))
        }
        Ok(None) => 0,
        Err(rendered) => {
            eprint!("{rendered}");
            1
        }
    }
}

/// Loads and compiles the program `opts` names; `Ok(None)` when there is
/// nothing to run (`--check-only`, `--dump-ir`), `Err` with the rendered
/// diagnostics or the go command's load error. With the program comes the
/// name `go run` would give its executable. `keep_artifact`: the JIT's
/// program keeps its artifact (see `codegen::Options::keep_artifact`).
pub fn compile<B: Backend>(
    sources: &mut SourceMap,
    opts: &RunOptions,
    keep_artifact: bool,
) -> Result<Option<Compiled<B>>, String> {
    let mut phases = crate::phases::Phases::start();
    let mut diags = Diagnostics::default();
    let mut ids = syntax::ast::NodeIds::default();
    let request = crate::load::Request {
        operands: &opts.inputs,
        lang: opts.lang,
        explicit: &opts.packages,
        tags: &opts.tags,
        main_only: opts.main_only(),
        decls_first: package_cache_wanted::<B>(opts),
        compile_only: opts.check_only,
    };
    let loaded = crate::load::load(&request, sources, &mut ids, &mut diags).map_err(|msg| msg + "\n")?;
    phases.end("load");
    compile_loaded(sources, &mut ids, loaded, diags, opts, keep_artifact)
}

/// Whether compiling with backend `B` as `opts` say uses the package
/// cache (see `pkgcache`): in memory, with a cache directory, not under
/// `DEFT_RELINK`, not for `--dump-ir`, `--check-only` nor `-d=defer`.
/// The loader then parses the module's packages for their declarations
/// first (`load::Request::decls_first`).
pub fn package_cache_wanted<B: Backend>(opts: &RunOptions) -> bool {
    B::PACKAGE_CACHE
        && relink_mode() == codegen::Relink::Off
        && !opts.dump_ir
        && !opts.check_only
        && crate::pkgcache::applies(opts.report_defers.is_some())
        && crate::cache::DiskCache::open().is_some()
}

/// `DEFT_RELINK`: how a program's artifacts are relinked to test them.
fn relink_mode() -> codegen::Relink {
    match std::env::var("DEFT_RELINK").as_deref() {
        Ok("1") => codegen::Relink::Units,
        Ok("packages") => codegen::Relink::Packages,
        _ => codegen::Relink::Off,
    }
}

/// Compiles a loaded program (`diags` holds the syntax errors loading
/// found; `ids` gave its syntax trees' node ids); as [`compile`].
pub fn compile_loaded<B: Backend>(
    sources: &mut SourceMap,
    ids: &mut syntax::ast::NodeIds,
    loaded: crate::load::Program,
    mut diags: Diagnostics,
    opts: &RunOptions,
    keep_artifact: bool,
) -> Result<Option<Compiled<B>>, String> {
    let mut phases = crate::phases::Phases::start();
    runtime::godebug::set_default(loaded.godebug.clone());
    let defer_rank = defer_ranks(&loaded, opts);
    let crate::load::Program { mut files, packages, exec_name, main_path, godebug, inputs, decls_only, .. } = loaded;
    let limit = if opts.all_errors { None } else { Some(syntax::diag::MAX_ERRORS) };
    // The go command refuses to run a package other than main before
    // compiling anything (Go's `compile` and `errorcheck` tests, mostly
    // `package p`, are checked with --check-only).
    if opts.main_only() && packages.last().is_some_and(|p| p.path != "main") {
        return Err(format!("package {main_path} is not a main package\n"));
    }
    let sources = &*sources;
    let cache = crate::cache::DiskCache::open().map(std::sync::Arc::new);
    let relink = relink_mode();
    let use_pkgcache = package_cache_wanted::<B>(opts) && cache.is_some();
    let mut plan = match &cache {
        Some(c) if use_pkgcache && !diags.has_syntax_errors() => {
            crate::pkgcache::plan(sources, &files, &packages, &decls_only, || pkgcache_settings(opts), c.as_ref())
        }
        _ => crate::pkgcache::Plan::default(),
    };
    // The packages parsed for their declarations only that are compiled
    // are parsed whole (their syntax errors are reported with the others').
    let (hit_parts, missed): (Vec<usize>, Vec<usize>) =
        decls_only.iter().partition(|&&i| plan.hits.iter().any(|(p, _)| *p == packages[i].path));
    crate::pkgcache::parse_whole(sources, &mut files, &packages, &missed, ids, &mut diags);
    // gc checks labels and branches while parsing: their errors come with
    // syntax errors too (library packages have none).
    if diags.has_syntax_errors() {
        for spec in packages.iter().filter(|p| !p.library) {
            types::check_branches(sources, &files[spec.files.clone()], &mut diags);
        }
    }
    let fail = |diags: &Diagnostics| Err(diags.render_limited(sources, limit));
    // Like gc, only syntax errors stop before type checking; lexical errors
    // (a bad character, a malformed literal) are reported together with type errors.
    if diags.has_syntax_errors() {
        return fail(&diags);
    }
    let cg_opts = codegen::Options {
        dump_functions: std::env::var("DEFT_DUMP")
            .map(|v| v.split(',').map(String::from).collect())
            .unwrap_or_default(),
        cache: cache.clone().map(|c| c as std::sync::Arc<dyn codegen::CodeCache>),
        relink,
        keep_artifact,
        keep_units: use_pkgcache,
        keep_library: plan.library.is_some(),
        ..codegen::Options::default()
    };
    let mut build = Build {
        sources,
        packages: &packages,
        opts,
        godebug: &godebug,
        defer_rank: &defer_rank,
        limit,
        phases: &mut phases,
        decls_only: &decls_only,
    };
    let library_hit = plan.library_hit();
    let hits = std::mem::take(&mut plan.hits);
    let mut result = build.generate::<B>(files, diags.clone(), cg_opts.clone(), hits);
    if let Err(Stop::Stale(stale, files)) = result {
        // Units whose assumptions this program breaks: every package is
        // compiled anew (and its unit kept again).
        build.phases.note(&format!("stale units {stale:?}: every package compiled again"));
        let mut files = files;
        crate::pkgcache::unskip_bodies(&mut files);
        crate::pkgcache::parse_whole(sources, &mut files, &packages, &hit_parts, ids, &mut diags);
        result = build.generate::<B>(files, diags, cg_opts, Vec::new());
    }
    // Before the program runs: it may end the process.
    if let Some(cache) = &cache {
        if let Ok(c) = &mut result {
            let library = plan.library.map(|key| (key, plan.library_group.as_str()));
            crate::pkgcache::keep(&plan.keys, library, &packages, &c.take_units(), cache.as_ref());
        }
        cache.flush();
        let (hits, misses) = cache.lookups();
        let (unit_hits, unit_misses) = plan.lookups;
        phases.note(&format!("cache: {} hits, {} misses", hits - unit_hits, misses - unit_misses));
        if use_pkgcache {
            phases.note(&format!("packages: {unit_hits} hits, {unit_misses} misses"));
        }
        if plan.library.is_some() {
            phases.note(if library_hit { "library: hit" } else { "library: miss" });
        }
    }
    let compiled = match result {
        Ok(c) => c,
        Err(Stop::Nothing) => return Ok(None),
        Err(Stop::Failed(rendered)) => return Err(rendered),
        Err(Stop::Stale(stale, _)) => return Err(format!("internal compiler error: stale units {stale:?}\n")),
    };
    if opts.check_only {
        return Ok(None);
    }
    if !compiled.has_main() {
        // gc finds this when linking and names the missing symbol, not a position.
        return Err("runtime.main_main·f: function main is undeclared in the main package\n".to_string());
    }
    Ok(Some(Compiled { program: compiled, exec_name, main_path, godebug, inputs }))
}

/// How an attempt at compiling a loaded program ended without one.
enum Stop {
    /// Nothing to run: a package other than main checked, `--dump-ir`.
    Nothing,
    /// Errors, rendered.
    Failed(String),
    /// Prebuilt units the program made stale, by import path (see
    /// `codegen::Failure::StaleUnits`), and the files, to compile again.
    Stale(Vec<String>, Vec<syntax::ast::File>),
}

/// What every attempt at compiling a loaded program shares.
struct Build<'a> {
    sources: &'a SourceMap,
    packages: &'a [types::PackageSpec],
    opts: &'a RunOptions,
    godebug: &'a str,
    defer_rank: &'a std::collections::HashMap<syntax::FileId, usize>,
    limit: Option<usize>,
    phases: &'a mut crate::phases::Phases,
    /// The packages parsed for their declarations only (see
    /// `load::Request::decls_first`).
    decls_only: &'a [usize],
}

impl Build<'_> {
    /// Checks, lowers and generates the program of `files` (`diags` holds
    /// what loading found), with the packages of `hits` from the package
    /// cache: their bodies are neither checked nor lowered, their units
    /// are linked.
    fn generate<B: Backend>(
        &mut self,
        mut files: Vec<syntax::ast::File>,
        mut diags: Diagnostics,
        mut cg_opts: codegen::Options,
        hits: Vec<(String, codegen::artifact::Artifact)>,
    ) -> Result<B, Stop> {
        let (sources, packages, opts) = (self.sources, self.packages, self.opts);
        let fail = |diags: &Diagnostics| Stop::Failed(diags.render_limited(sources, self.limit));
        crate::pkgcache::skip_bodies(sources, &mut files, packages, &hits, self.decls_only);
        // Go's own library, read only if a name deft's library lacks is used.
        let goroot = crate::gostd::GoRoot::default();
        let info = types::check_program(sources, &files, packages, Some(&goroot), &mut diags);
        self.phases.end("types");
        if diags.has_errors() {
            return Err(fail(&diags));
        }
        // A package other than main can be checked (Go's `compile` and
        // `errorcheck` tests are mostly `package p`) but there is nothing to run.
        if !opts.main_only() && packages.last().is_some_and(|p| p.path != "main") {
            return Err(Stop::Nothing);
        }
        let mut lower_opts = lower::LowerOptions {
            disable_open_defers: opts.no_opt,
            compile_only: opts.check_only,
            lower_all: opts.report_defers.is_some(),
            prebuilt: prebuilt_packages(packages, &hits),
            link_strings: link_strings(opts),
        };
        let Some(mut program) = lower::lower_program(sources, &files, &info, &lower_opts, &mut diags) else {
            return Err(fail(&diags));
        };
        self.phases.end("lower");
        if diags.has_errors() {
            return Err(fail(&diags));
        }
        if opts.report_defers.is_some() {
            eprint!("{}", lower::defer_report(&program, sources, &|file| self.defer_rank.get(&file).copied()));
        }
        cg_opts.prebuilt = hits;
        if cg_opts.relink == codegen::Relink::Packages && !opts.dump_ir {
            // The self-test of the package cache's hits: the main module's
            // packages but main compiled into units, then the program lowered
            // without their bodies and translated without them.
            let units = codegen::package_units(&program, sources, &cg_opts)
                .map_err(|e| Stop::Failed(render(sources, e, self.limit)))?;
            lower_opts.prebuilt = prebuilt_packages(packages, &units);
            let Some(again) = lower::lower_program(sources, &files, &info, &lower_opts, &mut diags) else {
                return Err(fail(&diags));
            };
            program = again;
            cg_opts.prebuilt = units;
        }
        // Codegen needs neither the syntax trees nor the checker's facts:
        // they are freed on another thread while it runs (a tenth of a large
        // program's compile time went to freeing them, and they no longer
        // add to the peak of codegen's memory). With prebuilt units the
        // trees are kept for a second attempt should the units be stale.
        drop_in_background(info);
        let files = if cg_opts.prebuilt.is_empty() {
            drop_in_background(files);
            None
        } else {
            Some(files)
        };
        if opts.dump_ir {
            print_stdout(&lower::dump(&program));
            return Err(Stop::Nothing);
        }
        let compiled = B::generate(&program, sources, &cg_opts, self.godebug);
        self.phases.end("codegen");
        drop_in_background((program, cg_opts));
        compiled.map_err(|f| match f {
            codegen::Failure::Diagnostics(errors) => Stop::Failed(render(sources, errors, self.limit)),
            codegen::Failure::StaleUnits(paths) => match files {
                Some(files) => Stop::Stale(paths, files),
                None => Stop::Failed(format!("internal compiler error: stale units {paths:?}\n")),
            },
        })
    }
}

/// The packages whose code `units` hold (`lower::LowerOptions::prebuilt`):
/// each with whether its unit defines its `P.init` (every library
/// package's code is the library's unit).
fn prebuilt_packages(
    packages: &[types::PackageSpec],
    units: &[(String, codegen::artifact::Artifact)],
) -> std::collections::HashMap<String, bool> {
    let init = |p: &str| codegen::program::go_symbol(&format!("{p}.init"));
    let mut prebuilt = std::collections::HashMap::new();
    for (path, art) in units {
        let paths: Vec<&str> = match path.as_str() {
            codegen::LIBRARY_UNIT => packages.iter().filter(|p| p.library).map(|p| p.path.as_str()).collect(),
            _ => vec![path.as_str()],
        };
        prebuilt.extend(paths.into_iter().map(|p| (p.to_string(), art.defines(&init(p)))));
    }
    prebuilt
}

/// What else a package's unit depends on (see `pkgcache`): `-N`, the
/// build tags (which choose library packages' files), the Go distribution
/// whose library packages it calls and inlines, and the directory
/// tracebacks' absolute paths are made from.
/// The string variables set as gc's linker sets them: `runtime.GOROOT`'s
/// default, the Go distribution the program is compiled with, then the
/// user's `-ldflags=-X`.
fn link_strings(opts: &RunOptions) -> std::collections::HashMap<String, String> {
    let goroot = crate::load::env::find_goroot().map(|g| g.to_string_lossy().into_owned());
    let default = goroot.map(|g| ("runtime.defaultGOROOT".to_string(), g));
    default.into_iter().chain(opts.link_strings.iter().cloned()).collect()
}

fn pkgcache_settings(opts: &RunOptions) -> String {
    let goroot = crate::load::env::find_goroot();
    let version = goroot.as_ref().and_then(|g| std::fs::read_to_string(g.join("VERSION")).ok());
    let cwd = std::env::current_dir().ok();
    format!(
        "N={} tags={:?} X={:?} goroot={goroot:?} {version:?} cwd={cwd:?}",
        opts.no_opt, opts.tags, opts.link_strings
    )
}

/// Codegen's diagnostics, rendered.
fn render(sources: &SourceMap, errors: Vec<Diagnostic>, limit: Option<usize>) -> String {
    let mut diags = Diagnostics::default();
    for d in errors {
        diags.error(d.pos, d.msg);
    }
    diags.render_limited(sources, limit)
}

/// Drops `value` on a thread of its own, so that freeing a large tree
/// overlaps the work that follows. The process may exit before the thread
/// finishes: nothing is lost, the memory goes with the process. (Without
/// a thread to be had, `spawn` drops the value here.)
fn drop_in_background<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().name("deft-free".into()).spawn(move || drop(value));
}

/// For `-gcflags=[PATTERN=]-d=defer`: the files whose defers are
/// reported, each with its package's rank in compilation order.
fn defer_ranks(program: &crate::load::Program, opts: &RunOptions) -> std::collections::HashMap<syntax::FileId, usize> {
    let Some(pattern) = &opts.report_defers else { return Default::default() };
    let mut ranks = std::collections::HashMap::new();
    for (i, spec) in program.packages.iter().enumerate() {
        if program.matches(i, pattern) {
            ranks.extend(program.files[spec.files.clone()].iter().map(|f| (f.package_pos.file, i)));
        }
    }
    ranks
}

/// `os.Args`: the program name (as `go run` names the executable)
/// followed by the user's arguments.
fn program_args(exec_name: &str, opts: &RunOptions) -> Vec<String> {
    std::iter::once(exec_name.to_string()).chain(opts.program_args.iter().cloned()).collect()
}
