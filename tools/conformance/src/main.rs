//! `conformance`: run Go's test suite under deft.
//!
//! ```text
//! cargo run -p conformance --release -- [--deft PATH] [--suite DIR] [--only LIST]
//!     [--exclude LIST] [--jobs N] [--verbose] [--write-passing FILE] [--check-passing FILE]
//! ```
//!
//! * `--deft PATH`: the binary (default `$DEFT_BIN`, else `TARGET/release/deft`).
//! * `--suite DIR`: Go's `test/` directory (default `/usr/lib/go-1.19/test`).
//! * `--only LIST`: comma-separated files (`defer.go`, `fixedbugs/issue1.go`)
//!   or directories ending in `/` (`fixedbugs/`); `@FILE` reads a list.
//! * `--exclude LIST`: files or directories left out, in `--only`'s forms
//!   (`@conformance/gc127-fails.txt`: what gc 1.27.3 itself fails).
//! * `--jobs N`: parallel tests (default 2).
//! * `--verbose`: a line for every file, not only for failures.
//! * `--write-passing FILE`: write the sorted list of passing files.
//! * `--check-passing FILE`: run only the files listed there; exit 1 if any
//!   of them no longer passes.
//!
//! Prints a line per failing file, a table by directory, and the closing
//! `N passed, N failed, N skipped` line. Exit status 0 unless
//! `--check-passing` found a regression (1) or the usage was wrong (2).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use conformance::harness::{Config, Verdict, discover, run_test};
use conformance::report::{parse_list, render, render_passing};
use golden::deft::{absolute, default_binary};
use golden::process::par_map;

struct Options {
    deft: PathBuf,
    suite: PathBuf,
    only: Option<Vec<String>>,
    exclude: Vec<String>,
    jobs: usize,
    verbose: bool,
    write_passing: Option<PathBuf>,
    check_passing: Option<PathBuf>,
}

fn parse_options() -> Result<Options, String> {
    let mut o = Options {
        deft: default_binary(),
        suite: PathBuf::from("/usr/lib/go-1.19/test"),
        only: None,
        exclude: Vec::new(),
        jobs: 2,
        verbose: false,
        write_passing: None,
        check_passing: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--deft" => o.deft = absolute(&PathBuf::from(value("--deft")?)),
            "--suite" => o.suite = PathBuf::from(value("--suite")?),
            "--only" => o.only = Some(read_only_list(&value("--only")?)?),
            "--exclude" => o.exclude = read_only_list(&value("--exclude")?)?,
            "--jobs" => o.jobs = value("--jobs")?.parse().map_err(|_| "--jobs needs a number")?,
            "--verbose" | "-v" => o.verbose = true,
            "--write-passing" => o.write_passing = Some(PathBuf::from(value("--write-passing")?)),
            "--check-passing" => o.check_passing = Some(PathBuf::from(value("--check-passing")?)),
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(o)
}

fn read_only_list(v: &str) -> Result<Vec<String>, String> {
    match v.strip_prefix('@') {
        Some(file) => std::fs::read_to_string(file).map(|t| parse_list(&t)).map_err(|e| format!("{file}: {e}")),
        None => Ok(v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()),
    }
}

fn selected(rel: &str, only: &[String]) -> bool {
    only.iter().any(|o| rel == o || (o.ends_with('/') && rel.starts_with(o.as_str())))
}

fn main() -> ExitCode {
    let o = match parse_options() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("conformance: {e}");
            }
            eprintln!(
                "usage: conformance [--deft PATH] [--suite DIR] [--only LIST] [--exclude LIST] [--jobs N] [--verbose] [--write-passing FILE] [--check-passing FILE]"
            );
            return ExitCode::from(2);
        }
    };
    if !o.suite.is_dir() {
        eprintln!("conformance: no Go test suite at {} (apt-get install golang-1.19-src)", o.suite.display());
        return ExitCode::from(2);
    }
    let all = discover(&o.suite);
    let known: std::collections::HashSet<&str> = all.iter().map(String::as_str).collect();
    let mut files: Vec<String> = match &o.check_passing {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => parse_list(&t),
            Err(e) => {
                eprintln!("conformance: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => all.clone(),
    };
    if let Some(only) = &o.only {
        files.retain(|f| selected(f, only));
    }
    files.retain(|f| !selected(f, &o.exclude));
    files.sort();
    files.dedup();
    if !files.is_empty() && !o.deft.is_file() {
        eprintln!(
            "conformance: no deft binary at {}: run `cargo build --release -p deft`, or pass --deft PATH / set DEFT_BIN",
            o.deft.display()
        );
        return ExitCode::from(2);
    }
    let cfg = Config { suite: o.suite.clone(), deft: o.deft.clone(), timeout: Duration::from_secs(10) };
    let results: Vec<(String, Verdict)> = par_map(&files, o.jobs, |rel| {
        let v = if known.contains(rel.as_str()) {
            run_test(&cfg, rel)
        } else {
            Verdict::Fail("no such test file in the suite".into())
        };
        (rel.clone(), v)
    });
    for (rel, v) in &results {
        match v {
            Verdict::Pass if o.verbose => println!("PASS        {rel}"),
            Verdict::Fail(why) => println!("FAIL        {rel}: {why}"),
            Verdict::Crash(why) => println!("CRASH       {rel}: {why}"),
            Verdict::Timeout => println!("TIMEOUT     {rel}"),
            Verdict::Unsupported(why) if o.verbose => println!("UNSUPPORTED {rel}: {why}"),
            Verdict::Skipped(k, why) if o.verbose => {
                println!("SKIP        {rel}: {}: {why}", k.label())
            }
            _ => {}
        }
    }
    if let Some(path) = &o.write_passing {
        if let Err(e) = std::fs::write(path, render_passing(&results)) {
            eprintln!("conformance: {}: {e}", path.display());
            return ExitCode::from(2);
        }
        let n = results.iter().filter(|(_, v)| *v == Verdict::Pass).count();
        println!("wrote {n} passing files to {}", path.display());
    }
    let mut status = ExitCode::SUCCESS;
    if o.check_passing.is_some() {
        let regressions: Vec<&(String, Verdict)> = results.iter().filter(|(_, v)| *v != Verdict::Pass).collect();
        for (rel, v) in &regressions {
            println!("no longer passes: {rel}: {v:?}");
        }
        if !regressions.is_empty() {
            status = ExitCode::FAILURE;
        }
    }
    print!("{}", render(&results));
    status
}
