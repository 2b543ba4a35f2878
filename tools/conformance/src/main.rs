//! `conformance`: run Go's test suite under deft.
//!
//! ```text
//! cargo run -p conformance --release -- [--deft PATH] [--suite DIR] [--only LIST]
//!     [--exclude LIST] [--jobs N] [--verbose] [--write-passing FILE] [--check-passing FILE]
//! ```
//!
//! * `--corpus go|types2`: which corpus: Go's test suite (`go`, the
//!   default), or the type checker's own (`types2`: the tests of
//!   `GOROOT/src/internal/types/testdata`, judged as types2's
//!   `check_test.go` judges types2; `types2.rs`).
//! * `--deft PATH`: the binary (default `$DEFT_BIN`, else `TARGET/release/deft`).
//! * `--suite DIR`: the corpus's directory (default `/usr/lib/go-1.19/test`,
//!   or the testdata of deft's Go root for `types2`).
//! * `--only LIST`: comma-separated files (`defer.go`, `fixedbugs/issue1.go`)
//!   or directories ending in `/` (`fixedbugs/`); `@FILE` reads a list.
//! * `--exclude LIST`: files or directories left out, in `--only`'s forms
//!   (`@conformance/gc127-fails.txt`: what gc 1.27.3 itself fails).
//! * `--jobs N`: parallel tests (default 2).
//! * `--verbose`: a line for every file, not only for failures (for
//!   `types2`, every problem of a failing test, not only its first).
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
use conformance::report::{PASSING_HEADER, parse_list, render_by, render_passing_with};
use conformance::{harness, types2};
use golden::deft::{absolute, default_binary, deft_goroot};
use golden::process::par_map;

/// The corpora the harness judges.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Corpus {
    /// Go's `test/` directory, judged as `test/run.go` judges gc.
    Go,
    /// The type checker's testdata, judged as types2's `check_test.go` judges types2.
    Types2,
}

struct Options {
    corpus: Corpus,
    deft: PathBuf,
    suite: Option<PathBuf>,
    only: Option<Vec<String>>,
    exclude: Vec<String>,
    jobs: usize,
    verbose: bool,
    write_passing: Option<PathBuf>,
    check_passing: Option<PathBuf>,
}

fn parse_options() -> Result<Options, String> {
    let mut o = Options {
        corpus: Corpus::Go,
        deft: default_binary(),
        suite: None,
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
            "--suite" => o.suite = Some(PathBuf::from(value("--suite")?)),
            "--corpus" => {
                o.corpus = match value("--corpus")?.as_str() {
                    "go" => Corpus::Go,
                    "types2" => Corpus::Types2,
                    other => return Err(format!("unknown corpus {other} (go or types2)")),
                }
            }
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
                "usage: conformance [--corpus go|types2] [--deft PATH] [--suite DIR] [--only LIST] [--exclude LIST] [--jobs N] [--verbose] [--write-passing FILE] [--check-passing FILE]"
            );
            return ExitCode::from(2);
        }
    };
    let suite = o.suite.clone().unwrap_or_else(|| match o.corpus {
        Corpus::Go => PathBuf::from("/usr/lib/go-1.19/test"),
        Corpus::Types2 => types2::corpus_of(std::path::Path::new(deft_goroot())),
    });
    if !suite.is_dir() {
        let hint = match o.corpus {
            Corpus::Go => "apt-get install golang-1.19-src",
            Corpus::Types2 => "install gc 1.27.3 or set DEFT_GOROOT",
        };
        eprintln!("conformance: no test corpus at {} ({hint})", suite.display());
        return ExitCode::from(2);
    }
    let all = match o.corpus {
        Corpus::Go => discover(&suite),
        Corpus::Types2 => types2::discover(&suite),
    };
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
    let cfg = Config { suite: suite.clone(), deft: o.deft.clone(), timeout: Duration::from_secs(10) };
    let results: Vec<(String, Verdict)> = par_map(&files, o.jobs, |rel| {
        let v = if !known.contains(rel.as_str()) {
            Verdict::Fail("no such test in the corpus".into())
        } else if o.corpus == Corpus::Types2 {
            types2::run_test(&cfg.deft, &cfg.suite, rel, cfg.timeout, o.verbose)
        } else {
            run_test(&cfg, rel)
        };
        (rel.clone(), v)
    });
    let (header, dir_of): (&str, fn(&str) -> String) = match o.corpus {
        Corpus::Go => (PASSING_HEADER, harness::directory_of),
        Corpus::Types2 => (types2::PASSING_HEADER, types2::directory_of),
    };
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
        if let Err(e) = std::fs::write(path, render_passing_with(&results, header)) {
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
    print!("{}", render_by(&results, dir_of));
    status
}
