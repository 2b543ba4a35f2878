//! `deft-modfuzz`: the command line of the package-loader fuzzer.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use deft_modfuzz::fuzz::{self, Config};
use deft_modfuzz::generator::generate;
use deft_modfuzz::minimize::Budget;
use deft_modfuzz::project::Project;
use deft_modfuzz::run::{Ran, Runner, Verdict};

const USAGE: &str = "\
usage: deft-modfuzz [options]

Generates random Go module projects (broken go.mod files, go.work, vendor/,
replacements, a module cache, import cycles, internal/, build constraints),
runs each under `go run` and `deft run` from the same directory with the
same environment, and compares exit status, stdout and stderr.

  --seed S          first seed (default 1); project k uses seed S+k
  --count N         number of projects (default 30)
  --deft PATH       deft binary (default: $DEFT_BIN, else the release
                    binary of this workspace's target directory)
  --jobs N          worker threads (default: available cores)
  --timeout SECS    time limit per command (default 120)
  --out DIR         where differences are saved (default modfuzz-failures)
  --min-tests N     minimization budget per distinct difference (default 150; 0: off)
  --min-time SECS   ... and its time limit (default 300)
  --print           print the project for --seed (txtar) and exit
  --replay PATH     run a saved project (.txtar) and print both runs, or
                    every .txtar of a directory, one line each (-v: runs);
                    a project with a NAME.want beside it runs under deft
                    only, against that record of go run
  --bless           with --replay DIR: run go run on every project and
                    write its outcome to NAME.want
  --crashes-only    exit 1 only when deft crashed (differences are still
                    reported): the smoke test of issue 14
  --save-all        save every differing project, not only the first of
                    each signature
  -v, --verbose     one line per project

Exit status: 0 when every project behaved the same (or deft lacked a
standard package), 1 when something differed or deft crashed (with
--crashes-only: when deft crashed), 2 for bad usage.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("deft-modfuzz: {e}\n(see deft-modfuzz --help)");
            ExitCode::from(2)
        }
    }
}

/// Does what `args` say; `Ok(false)` when a difference was found.
fn run(args: &[String]) -> Result<bool, String> {
    let mut cfg = Config {
        seed: 1,
        count: 30,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        out_dir: PathBuf::from("modfuzz-failures"),
        budget: Budget { tests: 150, time: Duration::from_secs(300) },
        verbose: false,
        save_all: false,
    };
    let mut deft = golden::deft::default_binary();
    let mut timeout = Duration::from_secs(120);
    let (mut print, mut replay, mut crashes_only, mut bless) = (false, None, false, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(true);
            }
            "--seed" => cfg.seed = number(a, val()?)?,
            "--count" => cfg.count = number(a, val()?)?,
            "--deft" => deft = PathBuf::from(val()?),
            "--jobs" => cfg.jobs = number::<usize>(a, val()?)?.max(1),
            "--timeout" => timeout = Duration::from_secs(number(a, val()?)?),
            "--out" => cfg.out_dir = PathBuf::from(val()?),
            "--min-tests" => cfg.budget.tests = number(a, val()?)?,
            "--min-time" => cfg.budget.time = Duration::from_secs(number(a, val()?)?),
            "--print" => print = true,
            "--replay" => replay = Some(PathBuf::from(val()?)),
            "-v" | "--verbose" => cfg.verbose = true,
            "--save-all" => cfg.save_all = true,
            "--crashes-only" => crashes_only = true,
            "--bless" => bless = true,
            _ => return Err(format!("unknown argument {a:?}")),
        }
    }
    if print {
        print!("{}", generate(cfg.seed).to_txtar());
        return Ok(true);
    }
    let deft = deft.canonicalize().map_err(|e| {
        format!("deft binary {}: {e}\n  build it (cargo build --release -p deft) or pass --deft PATH", deft.display())
    })?;
    let go = PathBuf::from("go");
    let goroot = golden::gc::go_env_goroot(&go);
    if goroot.is_empty() {
        return Err("`go env GOROOT` failed: is gc 1.27.3 on PATH?".into());
    }
    let runner = Runner { go, deft, goroot, timeout };
    if let Some(path) = replay {
        return replay_all(&runner, &path, cfg.verbose, cfg.jobs, bless);
    }
    println!(
        "deft-modfuzz: seeds {}..={} ({} projects), {} jobs, deft {}",
        cfg.seed,
        cfg.seed + cfg.count.saturating_sub(1),
        cfg.count,
        cfg.jobs,
        runner.deft.display()
    );
    let summary = fuzz::fuzz(&cfg, &runner);
    Ok(if crashes_only { summary.crashes.is_empty() && summary.errors.is_empty() } else { summary.clean() })
}

/// `--replay`: one saved project (both runs printed), or every `.txtar`
/// of a directory (one line each; both runs with `-v`), checked by `jobs`
/// threads, against its `.want` record of `go run` when it has one (with
/// `bless`: go runs, and the records are written). `Ok(true)` when all
/// behaved the same.
fn replay_all(
    runner: &Runner,
    path: &std::path::Path,
    verbose: bool,
    jobs: usize,
    bless: bool,
) -> Result<bool, String> {
    let read = |p: &std::path::Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    if !path.is_dir() {
        let project = Project::from_txtar(&read(path)?)?;
        let outcome = fuzz::check(runner, &project)?;
        print!("{}", fuzz::describe(&project, &outcome));
        return Ok(outcome.verdict == Verdict::Same);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    files.sort();
    let projects = files
        .iter()
        .map(|f| Project::from_txtar(&read(f)?).map_err(|e| format!("{}: {e}", f.display())))
        .collect::<Result<Vec<_>, _>>()?;
    let wants = files
        .iter()
        .map(|f| {
            let want = f.with_extension("want");
            match want.is_file() && !bless {
                true => Ran::from_text(&read(&want)?).map(Some).map_err(|e| format!("{}: {e}", want.display())),
                false => Ok(None),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let outcomes: Vec<_> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs.max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(project) = projects.get(i) else { return done };
                        done.push((i, fuzz::check_against(runner, project, wants[i].as_ref())));
                    }
                })
            })
            .collect();
        let mut all: Vec<_> = workers.into_iter().flat_map(|w| w.join().expect("a replay worker panicked")).collect();
        all.sort_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, o)| o).collect()
    });
    let mut same = 0;
    for ((file, project), outcome) in files.iter().zip(&projects).zip(outcomes) {
        let outcome = outcome?;
        if bless {
            let want = file.with_extension("want");
            std::fs::write(&want, outcome.go.to_text()).map_err(|e| format!("{}: {e}", want.display()))?;
        }
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        println!("{name}: {:?}", outcome.verdict);
        if verbose && outcome.verdict != Verdict::Same {
            print!("{}", fuzz::describe(project, &outcome));
        }
        same += usize::from(outcome.verdict == Verdict::Same);
    }
    println!("{} projects, {same} same", files.len());
    Ok(same == files.len())
}

fn number<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("{flag}: not a number: {v:?}"))
}
