//! Runs the pipeline for `deft run` and maps its outcome to an exit status.
//!
//! ```text
//! files ─read─▶ SourceMap ─syntax─▶ AST ─(+ library packages)─▶ ─types─▶ Info ─lower─▶ IR ─codegen─▶ JIT ─▶ run
//! ```
//! Each stage reports user errors into one `Diagnostics`; the driver renders
//! them once, in gc's format, and stops at the first stage that failed.

use std::path::{Path, PathBuf};

use syntax::{Diagnostics, SourceMap};

use crate::cli::{Command, RunOptions, USAGE};

/// Executes a parsed command; returns the process exit status.
pub fn execute(cmd: Command) -> i32 {
    match cmd {
        Command::Help => {
            print!("{USAGE}");
            0
        }
        Command::Version => {
            println!("deft version {} go1.27 linux/amd64", env!("CARGO_PKG_VERSION"));
            0
        }
        Command::Run(opts) => run(&opts),
    }
}

fn run(opts: &RunOptions) -> i32 {
    let mut sources = SourceMap::default();
    let lang = match crate::gomod::package_lang(&opts.inputs, opts.lang) {
        Ok(v) => v,
        Err(msg) => {
            eprintln!("{msg}");
            return 1;
        }
    };
    if let Err(msg) = read_inputs(&opts.inputs, &mut sources) {
        eprintln!("{msg}");
        return 1;
    }
    match compile(&mut sources, lang, opts) {
        Ok(Some(program)) => program.run(program_args(opts)),
        Ok(None) => 0,
        Err(rendered) => {
            eprint!("{rendered}");
            1
        }
    }
}

/// Compiles the sources; `Ok(None)` when there is nothing to run
/// (`--check-only`, `--dump-ir`), `Err` with the rendered diagnostics.
/// `lang` is the user package's language version.
fn compile(
    sources: &mut SourceMap,
    lang: types::LangVersion,
    opts: &RunOptions,
) -> Result<Option<codegen::JitProgram>, String> {
    let mut diags = Diagnostics::default();
    let mut ids = syntax::ast::NodeIds::default();
    let user: Vec<_> =
        sources.files().map(|(id, _)| syntax::parser::parse_file(sources, id, &mut ids, &mut diags)).collect();
    let limit = if opts.all_errors { None } else { Some(syntax::diag::MAX_ERRORS) };
    let user_package = user.first().map(|f| f.package.name.clone());
    // gc checks labels and branches while parsing: their errors come with
    // syntax errors too (library packages have none).
    if diags.has_syntax_errors() {
        types::check_branches(sources, &user, &mut diags);
    }
    let crate::packages::Program { files, packages } =
        crate::packages::assemble(sources, user, lang, &mut ids, &mut diags);
    let sources = &*sources;
    let fail = |diags: &Diagnostics| Err(diags.render_limited(sources, limit));
    // Like gc, only syntax errors stop before type checking; lexical errors
    // (a bad character, a malformed literal) are reported together with type errors.
    if diags.has_syntax_errors() {
        return fail(&diags);
    }
    // Go's own library, read only if a name deft's library lacks is used.
    let goroot = crate::gostd::GoRoot::default();
    let info = types::check_program(sources, &files, &packages, Some(&goroot), &mut diags);
    if diags.has_errors() {
        return fail(&diags);
    }
    // A package other than main can be checked (Go's `compile` and
    // `errorcheck` tests are mostly `package p`) but there is nothing to run.
    if user_package.is_some_and(|name| name != "main") {
        return if opts.check_only {
            Ok(None)
        } else {
            Err("package command-line-arguments is not a main package\n".to_string())
        };
    }
    let lower_opts = lower::LowerOptions { disable_open_defers: opts.no_opt, compile_only: opts.check_only };
    let Some(program) = lower::lower_program(sources, &files, &info, &lower_opts, &mut diags) else {
        return fail(&diags);
    };
    if diags.has_errors() {
        return fail(&diags);
    }
    if opts.report_defers {
        eprint!("{}", lower::defer_report(&program, sources));
    }
    if opts.dump_ir {
        print!("{}", lower::dump(&program));
        return Ok(None);
    }
    let cg_opts = codegen::Options {
        dump_functions: std::env::var("DEFT_DUMP")
            .map(|v| v.split(',').map(String::from).collect())
            .unwrap_or_default(),
        ..codegen::Options::default()
    };
    let jit = codegen::compile_jit(&program, sources, &cg_opts).map_err(|errors| {
        let mut diags = Diagnostics::default();
        for d in errors {
            diags.error(d.pos, d.msg);
        }
        diags.render_limited(sources, limit)
    })?;
    if opts.check_only {
        return Ok(None);
    }
    if !jit.has_main() {
        // gc finds this when linking and names the missing symbol, not a position.
        return Err("runtime.main_main·f: function main is undeclared in the main package\n".to_string());
    }
    Ok(Some(jit))
}

/// `os.Args`: the program name (as `go run` shows it, the binary's base
/// name) followed by the user's arguments.
fn program_args(opts: &RunOptions) -> Vec<String> {
    let first = Path::new(&opts.inputs[0]);
    let name = first.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    std::iter::once(name).chain(opts.program_args.iter().cloned()).collect()
}

/// Reads the named `.go` files, or every non-test `.go` file of a directory
/// (sorted by name, as the go command does).
fn read_inputs(inputs: &[String], sources: &mut SourceMap) -> Result<(), String> {
    let paths = if inputs.len() == 1 && Path::new(&inputs[0]).is_dir() {
        package_files(&inputs[0])?
    } else {
        inputs.iter().map(PathBuf::from).collect()
    };
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| format!("open {}: {}", path.display(), describe_io(&e)))?;
        let name = path.to_string_lossy().trim_start_matches("./").to_string();
        sources.add(name, String::from_utf8_lossy(&bytes).into_owned());
    }
    Ok(())
}

fn package_files(dir: &str) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("open {dir}: {}", describe_io(&e)))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            name.ends_with(".go") && !name.ends_with("_test.go") && !name.starts_with(['.', '_'])
        })
        .collect();
    if files.is_empty() {
        return Err(format!("no Go files in {dir}"));
    }
    files.sort();
    Ok(files)
}

/// The OS error without Rust's "(os error N)" suffix, as Go prints it.
fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
