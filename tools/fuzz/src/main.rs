//! `deft-fuzz`: the command line of the differential fuzzer.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use deft_fuzz::driver::{self, Config};
use deft_fuzz::features::{self, Features};
use deft_fuzz::generator::generate;

const USAGE: &str = "\
usage: deft-fuzz [options]

Generates random Go programs full of defers, panics and recovers, runs each
under gc (`go`) and `deft run`, and compares stdout, exit status and stderr
up to the goroutine trace.

  --seed S          first seed (default 1); program k uses seed S+k
  --count N         number of programs (default 30)
  --deft PATH       deft binary (default target/release/deft)
  --gc-only         no deft: check that every program compiles and
                    terminates under gc, and report output sizes
  --keep-going      do not stop at the first difference
  --print           print the program for --seed and exit
  --features LIST   comma-separated changes to the default features:
                    name or +name on, -name off, all, none
  --list-features   list the features and their defaults
  --jobs N          worker threads (default: available cores)
  --out DIR         where failures are saved (default fuzz-failures)
  --min-tests N     minimization budget in test runs (default 300; 0: off)
  --min-time SECS   minimization budget in seconds (default 300)
  --timeout SECS    per-run time limit (default 10)
  --cache DIR       gc outcome cache (default $TMPDIR/deft-fuzz-gc-cache)
  --no-cache        do not cache gc outcomes
  -v, --verbose     one line per program

Exit status: 0 when no difference and no generator error was found,
1 otherwise, 2 for bad usage or when gc cannot be run.";

/// What the command line asks for.
enum Mode {
    Fuzz(Config),
    Print(u64, Features),
    ListFeatures,
    Help,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = match parse(&args) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("deft-fuzz: {e}\n(see deft-fuzz --help)");
            return ExitCode::from(2);
        }
    };
    match mode {
        Mode::Help => println!("{USAGE}"),
        Mode::ListFeatures => {
            for (_, name, on, doc) in features::ALL {
                println!("{name:12} {:3}  {doc}", if *on { "on" } else { "off" });
            }
        }
        Mode::Print(seed, feat) => print!("{}", generate(seed, &feat)),
        Mode::Fuzz(cfg) => {
            return match driver::fuzz(&cfg) {
                Ok(s) if s.clean() => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(1),
                Err(e) => {
                    eprintln!("deft-fuzz: {e}");
                    ExitCode::from(2)
                }
            };
        }
    }
    ExitCode::SUCCESS
}

fn parse(args: &[String]) -> Result<Mode, String> {
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut cfg = Config {
        seed: 1,
        count: 30,
        deft: Some(PathBuf::from("target/release/deft")),
        keep_going: false,
        jobs,
        out_dir: PathBuf::from("fuzz-failures"),
        features: Features::default(),
        min_tests: 300,
        min_time: Duration::from_secs(300),
        timeout: Duration::from_secs(10),
        cache: Some(std::env::temp_dir().join("deft-fuzz-gc-cache")),
        verbose: false,
    };
    let (mut print, mut gc_only) = (false, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "-h" | "--help" => return Ok(Mode::Help),
            "--list-features" => return Ok(Mode::ListFeatures),
            "--seed" => cfg.seed = number(a, val()?)?,
            "--count" => cfg.count = number(a, val()?)?,
            "--deft" => cfg.deft = Some(PathBuf::from(val()?)),
            "--gc-only" => gc_only = true,
            "--keep-going" => cfg.keep_going = true,
            "--print" => print = true,
            "--features" => cfg.features = Features::parse(val()?)?,
            "--jobs" => cfg.jobs = number::<usize>(a, val()?)?.max(1),
            "--out" => cfg.out_dir = PathBuf::from(val()?),
            "--min-tests" => cfg.min_tests = number(a, val()?)?,
            "--min-time" => cfg.min_time = Duration::from_secs(number(a, val()?)?),
            "--timeout" => cfg.timeout = Duration::from_secs(number(a, val()?)?),
            "--cache" => cfg.cache = Some(PathBuf::from(val()?)),
            "--no-cache" => cfg.cache = None,
            "-v" | "--verbose" => cfg.verbose = true,
            _ => return Err(format!("unknown argument {a:?}")),
        }
    }
    if print {
        return Ok(Mode::Print(cfg.seed, cfg.features));
    }
    if gc_only {
        cfg.deft = None;
    } else if let Some(d) = &cfg.deft {
        let abs = d.canonicalize().map_err(|e| {
            format!(
                "deft binary {}: {e}\n  build it (cargo build --release -p deft), pass --deft PATH, or use --gc-only",
                d.display()
            )
        })?;
        cfg.deft = Some(abs);
    }
    Ok(Mode::Fuzz(cfg))
}

fn number<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("{flag}: not a number: {v:?}"))
}
