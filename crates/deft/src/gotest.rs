//! `deft test`: each package is loaded with its tests (`load::load_test`),
//! compiled with a generated main, and run in a child process (see
//! `runtime::child`) whose standard output and error are one stream, as
//! the go command runs a test binary; then the go command's verdict line
//! follows: `ok  \tPATH\t0.012s`, `FAIL\tPATH\t0.012s`,
//! `?   \tPATH\t[no test files]`, `FAIL\tPATH [build failed]`.
//!
//! Two modes, as the go command's: without package operands (*local
//! directory mode*) the package in the current directory is tested and
//! the binary's output is shown as it comes, with `exit status N` when it
//! fails; with operands (*package list mode*) a passing package's output
//! is shown only with `-v`, `-list` or `-bench`, a failing one's in full, and a
//! final `FAIL` line ends a run in which any failed. deft caches no test
//! results (the go command does in package list mode: `(cached)`).
//!
//! With `-json` everything a package's test printed, the verdict line
//! included, goes through the JSON converter (`crate::test2json`) instead,
//! whatever the mode; a build failure's diagnostics become the go
//! command's `build-output` events, and no final `FAIL` line is printed.
//!
//! With `-c` the test binary is written instead (`crate::link`), the
//! same program as an executable: run, it prints what the child prints.

use std::io::Write;
use std::time::Instant;

use syntax::{Diagnostics, SourceMap};

use crate::cli::TestOptions;
use crate::load::TestLoad;
use crate::test2json::{Converter, build_event};

/// Runs `deft test`; returns the exit status (1 when a package failed).
pub fn test(opts: &TestOptions) -> i32 {
    let list_mode = !opts.packages.is_empty();
    let packages = if list_mode {
        match expand(&opts.packages, &opts.build.tags) {
            Ok(p) => p,
            Err(msg) => {
                eprintln!("{msg}");
                return 1;
            }
        }
    } else {
        vec![".".to_string()]
    };
    let mut failed = false;
    for operand in &packages {
        failed |= !test_package(opts, operand, list_mode);
    }
    if list_mode && failed && !opts.json {
        crate::driver::print_stdout("FAIL\n");
    }
    i32::from(failed)
}

/// Package operands with `dir/...` patterns expanded to the package
/// directories below `dir` (not those starting with `.` or `_`,
/// `testdata`, or another module's), sorted, and `std` to the standard
/// library's packages.
fn expand(operands: &[String], tags: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for op in operands {
        if op == "std" {
            out.extend(crate::load::standard_packages(tags)?);
            continue;
        }
        let Some(base) = op.strip_suffix("...") else {
            out.push(op.clone());
            continue;
        };
        let base = base.trim_end_matches('/');
        if !(base.is_empty() || base == "." || base.starts_with("./") || base.starts_with("../")) {
            return Err(format!("deft does not support the package pattern {op} yet"));
        }
        let root = if base.is_empty() { "." } else { base };
        let mut found = Vec::new();
        walk(std::path::Path::new(root), true, &mut found);
        found.sort();
        if found.is_empty() {
            eprintln!("go: warning: \"{op}\" matched no packages");
        }
        out.extend(found);
    }
    Ok(out)
}

fn walk(dir: &std::path::Path, top: bool, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    if !top && entries.iter().any(|e| e.file_name() == "go.mod") {
        return;
    }
    let has_go = entries.iter().any(|e| {
        e.file_name().to_str().is_some_and(|n| n.ends_with(".go")) && e.file_type().is_ok_and(|t| t.is_file())
    });
    if has_go {
        let shown = dir.to_string_lossy().into_owned();
        out.push(if shown.starts_with('.') || shown.starts_with('/') { shown } else { format!("./{shown}") });
    }
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_ok_and(|t| t.is_dir()) && !name.starts_with(['.', '_']) && name != "testdata" {
            walk(&dir.join(&name), false, out);
        }
    }
}

/// Where a package's report goes: standard output, or with `-json` the
/// converter to JSON events.
enum Sink {
    Plain(std::io::Stdout),
    Json(Box<Converter<std::io::Stdout>>),
}

impl Sink {
    fn new(json: bool, pkg: &str) -> Sink {
        if json { Sink::Json(Box::new(Converter::new(std::io::stdout(), pkg))) } else { Sink::Plain(std::io::stdout()) }
    }

    /// Writes what the go command or the test binary prints.
    fn out(&mut self, b: &[u8]) {
        match self {
            Sink::Plain(w) => {
                let _ = w.write_all(b);
                let _ = w.flush();
            }
            Sink::Json(c) => c.write(b),
        }
    }

    /// A line of the go command's own about the outcome; `framing`: a
    /// verdict the converter must take as one (`FAIL\tpkg\t0.1s`).
    fn verdict(&mut self, line: &str, framing: bool) {
        let marker = if framing && matches!(self, Sink::Json(_)) { "\x16" } else { "" };
        self.out(format!("{marker}{line}\n").as_bytes());
    }

    /// Ends the report: `ok` whether the package passed.
    fn end(self, ok: bool) {
        if let Sink::Json(mut c) = self {
            c.exited(ok);
            c.close();
        }
    }
}

/// Reports a package that did not build: its diagnostics `rendered` (to
/// standard error, or as build events of `desc`, the package as the go
/// command describes it: `p [p.test]` when its test variant failed to
/// build, `p` when it could not be loaded) and the verdict `line`.
fn report_failed_build(opts: &TestOptions, shown: &str, desc: &str, rendered: &str, line: &str) {
    if !opts.json {
        eprint!("{rendered}");
        crate::driver::print_stdout(&format!("{line}\n"));
        return;
    }
    let mut stdout = std::io::stdout();
    let _ = stdout.write_all(build_event(desc, Some(format!("# {desc}\n").as_bytes())).as_bytes());
    for l in rendered.split_inclusive('\n') {
        let _ = stdout.write_all(build_event(desc, Some(l.as_bytes())).as_bytes());
    }
    let _ = stdout.write_all(build_event(desc, None).as_bytes());
    let mut c = Converter::new(stdout, shown);
    c.write(format!("{line}\n").as_bytes());
    c.set_failed_build(desc);
    c.exited(false);
    c.close();
}

/// Tests one package; whether it passed. Its test program comes from the
/// program cache when its inputs are unchanged, else it is compiled.
fn test_package(opts: &TestOptions, operand: &str, list_mode: bool) -> bool {
    let mut cached =
        if opts.compile_only { None } else { crate::progcache::ProgramCache::open("test", &opts.build, &[operand]) };
    let test = match cached.as_mut().and_then(|c| c.lookup()) {
        Some(hit) => {
            crate::phases::Phases::start().note("program cache: hit");
            runtime::godebug::set_default(hit.godebug);
            TestProgram { jit: hit.program, exec_name: hit.exec_name, shown: hit.package, dir: hit.run_dir.into() }
        }
        None => match compile_test(opts, operand, cached.as_ref()) {
            Ok(compiled) => compiled,
            Err(passed) => return passed,
        },
    };
    run_test_program(opts, test, list_mode)
}

/// A package's test program, ready to run.
struct TestProgram {
    jit: codegen::JitProgram,
    /// Its `os.Args[0]`.
    exec_name: String,
    /// The package's import path as the go command shows it.
    shown: String,
    /// The package's directory, where the go command runs a test binary
    /// (tests read their testdata/ relative to it).
    dir: std::path::PathBuf,
}

/// Loads and compiles the test program of `operand` (storing it in
/// `cached`, if given); `Err` with whether the package passed when there
/// is nothing to run (no test files, a build failure reported, `-c`).
fn compile_test(
    opts: &TestOptions,
    operand: &str,
    cached: Option<&crate::progcache::ProgramCache>,
) -> Result<TestProgram, bool> {
    let mut sources = SourceMap::default();
    let mut diags = Diagnostics::default();
    let mut ids = syntax::ast::NodeIds::default();
    let operands = vec![operand.to_string()];
    let req = crate::load::Request {
        operands: &operands,
        lang: opts.build.lang,
        explicit: &[],
        tags: &opts.build.tags,
        main_only: false,
        decls_first: !opts.compile_only && crate::driver::package_cache_wanted::<codegen::JitProgram>(&opts.build),
        compile_only: false,
    };
    let (path, loaded) = crate::load::load_test(&req, &mut sources, &mut ids, &mut diags);
    let shown = path.unwrap_or_else(|| operand.to_string());
    let (program, dir) = match loaded {
        Err(msg) => {
            let line = format!("FAIL\t{shown} [setup failed]");
            report_failed_build(opts, &shown, &shown, &format!("{msg}\n"), &line);
            return Err(false);
        }
        Ok(TestLoad::NoTestFiles) => {
            let mut sink = Sink::new(opts.json, &shown);
            sink.verdict(&format!("?   \t{shown}\t[no test files]"), false);
            sink.end(true);
            return Err(true);
        }
        Ok(TestLoad::Program(p, dir)) => (*p, dir),
    };
    if opts.compile_only {
        return Err(write_test_binary(opts, &mut sources, &mut ids, program, diags));
    }
    let keep_artifact = cached.is_some_and(|c| c.wants_artifact());
    let compiled = crate::driver::compile_loaded::<codegen::JitProgram>(
        &mut sources,
        &mut ids,
        program,
        diags,
        &opts.build,
        keep_artifact,
    );
    let mut c = match compiled {
        Ok(Some(done)) => done,
        Ok(None) => return Err(true),
        Err(rendered) => {
            let desc = format!("{shown} [{shown}.test]");
            report_failed_build(opts, &shown, &desc, &rendered, &format!("FAIL\t{shown} [build failed]"));
            return Err(false);
        }
    };
    if let Some(cache) = cached {
        let artifact = c.program.take_artifact();
        let (inputs, exec_name, package, godebug) = (&c.inputs, &c.exec_name, &shown, &c.godebug);
        let run_dir = &dir.to_string_lossy();
        cache.store(crate::progcache::Entry { inputs, exec_name, package, godebug, run_dir, artifact });
    }
    Ok(TestProgram { jit: c.program, exec_name: c.exec_name, shown, dir })
}

/// Runs a package's test program in a child process and reports the
/// outcome as go test does; whether the package passed.
fn run_test_program(opts: &TestOptions, test: TestProgram, list_mode: bool) -> bool {
    let TestProgram { jit, exec_name, shown, dir } = test;
    let shown = shown.as_str();
    let args: Vec<String> = std::iter::once(exec_name).chain(opts.test_args.iter().cloned()).collect();
    let _ = std::io::stdout().flush();
    let mut sink = Sink::new(opts.json, shown);
    let start = Instant::now();
    let child = match runtime::child::spawn(move || match std::env::set_current_dir(&dir) {
        Ok(()) => jit.run(args),
        Err(e) => {
            eprintln!("deft: cannot enter {}: {e}", dir.display());
            1
        }
    }) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("deft: {msg}");
            sink.verdict(&format!("FAIL\t{shown}\t0.000s"), true);
            sink.end(false);
            return false;
        }
    };
    // In package list mode a passing package's output is shown only with
    // -v, -list, -bench or -json: it is held until the verdict.
    let stream = !list_mode || opts.json;
    let mut output = Vec::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = child.read(&mut buf);
        if n <= 0 {
            break;
        }
        let chunk = &buf[..n as usize];
        if list_mode {
            output.extend_from_slice(chunk);
        }
        if stream {
            sink.out(chunk);
        }
    }
    let exit = child.wait();
    let secs = start.elapsed().as_secs_f64();
    let passed = exit == runtime::child::Exit::Code(0);
    if !stream && (!passed || opts.verbose || opts.list || opts.bench) {
        sink.out(&output);
    }
    if passed {
        let none = list_mode && no_tests_ran(&output);
        sink.verdict(&format!("ok  \t{shown}\t{secs:.3}s{}", if none { " [no tests to run]" } else { "" }), false);
        sink.end(true);
        return true;
    }
    if !list_mode {
        match exit {
            runtime::child::Exit::Code(code) => sink.verdict(&format!("exit status {code}"), false),
            runtime::child::Exit::Signal(sig) => sink.verdict(&format!("signal: {}", signal_name(sig)), false),
        }
    }
    sink.verdict(&format!("FAIL\t{shown}\t{secs:.3}s"), true);
    sink.end(false);
    false
}

/// `deft test -c`: writes the test binary of a loaded package (as `deft
/// build -o` writes an executable, named `PKG.test` by default) instead of
/// running it; whether that succeeded. A build failure prints the
/// diagnostics only, as `go test -c` does.
fn write_test_binary(
    opts: &TestOptions,
    sources: &mut SourceMap,
    ids: &mut syntax::ast::NodeIds,
    program: crate::load::Program,
    diags: Diagnostics,
) -> bool {
    match crate::driver::compile_loaded::<codegen::ObjectProgram>(sources, ids, program, diags, &opts.build, false) {
        Ok(Some(compiled)) => {
            crate::link::report(crate::link::write_executable(&compiled, opts.output.as_deref())) == 0
        }
        Ok(None) => true,
        Err(rendered) => {
            eprint!("{rendered}");
            false
        }
    }
}

/// Whether the test binary said it ran no test.
fn no_tests_ran(output: &[u8]) -> bool {
    const WARNING: &[u8] = b"\ntesting: warning: no tests to run\n";
    output.starts_with(&WARNING[1..]) || output.windows(WARNING.len()).any(|w| w == WARNING)
}

/// The name Go's os/exec gives a signal in `signal: killed`.
fn signal_name(sig: i32) -> String {
    match sig {
        6 => "aborted".into(),
        9 => "killed".into(),
        11 => "segmentation fault".into(),
        15 => "terminated".into(),
        _ => format!("signal {sig}"),
    }
}
