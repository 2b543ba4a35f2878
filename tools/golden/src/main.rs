//! `golden`: the command-line face of the golden tests.
//!
//! ```text
//! golden check   [--deft PATH] [--jobs N] [--build] [NAME...]
//!                                                     run the corpus under deft (as the cargo test does);
//!                                                     --build: deft build each program, run the executable
//! golden bless   [--jobs N] [NAME...]                 regenerate expectations with gc
//! golden known-failures [--deft PATH] [--jobs N]      rewrite tests/known-failures.txt from a run
//! golden diff-gc [--deft PATH] FILE.go|DIR            run one program (or project) under gc and deft, show differences
//! ```
//!
//! `NAME` selects cases whose name (`area/file.go`) starts with it. Without
//! `--deft`, the binary is `$DEFT_BIN` or `TARGET/release/deft` (see the
//! library's `deft` module); nothing is built. `--build` checks every
//! program but the `deft test` projects (`deft test -c` is not checked
//! here) as an executable written by `deft build`, against the same
//! expectations and known failures, plus `tests/known-failures-build.txt`.
//! Exit status: 0 when all is
//! well, 1 when something failed, 2 for bad usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use golden::case::{Case, discover};
use golden::compare::compare_case;
use golden::deft::{Mode, absolute, default_binary, observe};
use golden::gc::Gc;
use golden::process::{Status, default_jobs};
use golden::suite::{Blessed, KnownFailures, bless_all, check_all, judge};
use golden::{TIMEOUT, corpus_root, known_failures_build_path, known_failures_path};

struct Args {
    command: String,
    deft: PathBuf,
    jobs: usize,
    mode: Mode,
    operands: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut argv = std::env::args().skip(1);
    let command = argv.next().ok_or("missing command")?;
    let mut args =
        Args { command, deft: default_binary(), jobs: default_jobs(), mode: Mode::Run, operands: Vec::new() };
    while let Some(a) = argv.next() {
        match a.as_str() {
            "--deft" => args.deft = absolute(Path::new(&argv.next().ok_or("--deft needs a path")?)),
            "--jobs" => {
                args.jobs = argv.next().and_then(|n| n.parse().ok()).ok_or("--jobs needs a number")?;
            }
            "--build" => args.mode = Mode::Build,
            _ if a.starts_with("--") => return Err(format!("unknown flag {a}")),
            _ => args.operands.push(a),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "golden: {e}\nusage: golden check|bless|known-failures|diff-gc [--deft PATH] [--jobs N] [--build] [NAME...]"
            );
            return ExitCode::from(2);
        }
    };
    let result = match args.command.as_str() {
        "check" => check(&args),
        "bless" => bless(&args),
        "known-failures" => update_known_failures(&args),
        "diff-gc" => diff_gc(&args),
        other => Err(format!("unknown command {other}")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("golden: {e}");
            ExitCode::FAILURE
        }
    }
}

fn selected_cases(operands: &[String]) -> Result<Vec<Case>, String> {
    let mut cases = discover(&corpus_root())?;
    if !operands.is_empty() {
        cases.retain(|c| operands.iter().any(|o| c.name.starts_with(o.trim_start_matches("tests/go/"))));
    }
    Ok(cases)
}

fn check(args: &Args) -> Result<bool, String> {
    require_binary(&args.deft)?;
    let mut cases = selected_cases(&args.operands)?;
    let all = cases.len();
    if args.mode == Mode::Build {
        cases.retain(|c| !c.test);
        println!("--build: {} of {all} programs (deft test projects left out)", cases.len());
    }
    let results = check_all(&args.deft, &cases, args.jobs, TIMEOUT, args.mode);
    let mut known = KnownFailures::load(&known_failures_path())?;
    if args.mode == Mode::Build {
        known.0.extend(KnownFailures::load(&known_failures_build_path())?.0);
    }
    for r in &results {
        match &r.verdict {
            Ok(()) => println!("ok    {}", r.name),
            Err(m) if known.0.contains_key(&r.name) => println!("known {}: {}", r.name, m.summary),
            Err(m) => println!("FAIL  {}: {}\n{}", r.name, m.summary, m.details),
        }
    }
    let mut report = judge(&results, &known);
    if !args.operands.is_empty() || cases.len() < all {
        report.problems.retain(|p| !p.contains("listed in known-failures but no such program"));
    }
    for p in &report.problems {
        if !p.starts_with("FAIL ") {
            println!("{p}");
        }
    }
    println!("{}", report.summary());
    Ok(report.problems.is_empty())
}

fn bless(args: &Args) -> Result<bool, String> {
    let cases = selected_cases(&args.operands)?;
    let gc = Gc::default();
    let outcomes = bless_all(&gc, &cases, args.jobs)?;
    let (mut updated, mut errors) = (0, 0);
    for (name, outcome) in outcomes {
        match outcome {
            Ok(Blessed::Updated) => {
                updated += 1;
                println!("updated {name}");
            }
            Ok(Blessed::Unchanged) => {}
            Err(e) => {
                errors += 1;
                println!("ERROR {name}: {e}");
            }
        }
    }
    println!("bless: {} programs, {updated} expectations updated, {errors} errors", cases.len());
    Ok(errors == 0)
}

fn update_known_failures(args: &Args) -> Result<bool, String> {
    require_binary(&args.deft)?;
    let cases = selected_cases(&[])?;
    let results = check_all(&args.deft, &cases, args.jobs, TIMEOUT, Mode::Run);
    let path = known_failures_path();
    let old = KnownFailures::load(&path)?;
    let new = KnownFailures::from_results(&results, &old);
    std::fs::write(&path, new.render()).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("{}: {} of {} programs listed", path.display(), new.0.len(), cases.len());
    Ok(true)
}

fn diff_gc(args: &Args) -> Result<bool, String> {
    let [operand] = args.operands.as_slice() else {
        return Err("diff-gc takes one FILE.go or DIR".into());
    };
    require_binary(&args.deft)?;
    let path = Path::new(operand);
    let case = Case::load(path, operand.clone())?;
    let (want, _) = Gc::default().expectation(&case)?;
    let have = observe(&args.deft, &case, TIMEOUT, args.mode)?;
    if have.status != Status::Exited(have.behaviour.exit) {
        println!("deft: {}", have.status);
    }
    match compare_case(&want, &have.behaviour, &case) {
        Ok(()) => {
            println!("{operand}: deft and gc agree (exit {})", want.exit);
            Ok(true)
        }
        Err(m) => {
            println!("{operand}: {}\n{}", m.summary, m.details);
            println!("-- gc stderr --\n{}", String::from_utf8_lossy(&want.stderr));
            println!("-- deft stderr --\n{}", String::from_utf8_lossy(&have.behaviour.stderr));
            Ok(false)
        }
    }
}

fn require_binary(deft: &Path) -> Result<(), String> {
    if deft.is_file() {
        Ok(())
    } else {
        Err(format!(
            "no deft binary at {}: run `cargo build --release -p deft`, or pass --deft PATH / set DEFT_BIN",
            deft.display()
        ))
    }
}
