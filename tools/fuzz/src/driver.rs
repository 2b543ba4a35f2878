//! The fuzzing loop: generate, run under gc and deft, judge, report, save,
//! minimize.
//!
//! Programs are checked by `jobs` worker threads but *reported in seed
//! order*, so a run's output and its "first difference" do not depend on
//! scheduling: when seed k differs (without `--keep-going`), every seed
//! below k has been reported and none above it is.
//!
//! Each program lives in its own scratch directory under the system temp
//! dir (`deft-fuzz-<pid>/s<seed>/main.go`), removed when done. Differences
//! and generator errors are saved in the output directory (default
//! `fuzz-failures/`, which gets a `.gitignore` of `*`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::compare::{self, Difference, Verdict};
use crate::exec::{self, Outcome, Status};
use crate::features::Features;
use crate::gc::{self, Gc, GcResult};
use crate::generator::generate;
use crate::minimize::{Budget, minimize};

/// Everything a fuzzing run needs to know.
#[derive(Clone, Debug)]
pub struct Config {
    /// First seed; program k uses seed `seed + k`.
    pub seed: u64,
    /// Number of programs.
    pub count: u64,
    /// The deft binary; `None` runs gc only (generator validation).
    pub deft: Option<PathBuf>,
    /// Go on after the first difference.
    pub keep_going: bool,
    /// Worker threads.
    pub jobs: usize,
    /// Where differences and generator errors are saved.
    pub out_dir: PathBuf,
    /// The language the generator may use.
    pub features: Features,
    /// Predicate evaluations allowed per minimization (0: no minimizing).
    pub min_tests: usize,
    /// Time allowed per minimization.
    pub min_time: Duration,
    /// Time limit per program run (gc's or deft's).
    pub timeout: Duration,
    /// gc outcome cache directory (`None`: no cache).
    pub cache: Option<PathBuf>,
    /// One line per program.
    pub verbose: bool,
}

/// Counts of a finished run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Programs reported.
    pub programs: u64,
    /// deft matched gc (gc-only mode: gc ran the program).
    pub same: u64,
    /// deft differed from gc.
    pub differ: u64,
    /// deft reported `does not support ... yet`.
    pub unsupported: u64,
    /// gc rejected a program or it did not terminate.
    pub generator_errors: u64,
    /// gc could not be run for reasons outside the program.
    pub environment_errors: u64,
    /// `does not support ... yet` reasons (position stripped) and counts.
    pub unsupported_reasons: BTreeMap<String, u64>,
    /// gc-only mode: how gc's runs ended, with counts.
    pub gc_exits: BTreeMap<String, u64>,
    /// gc-only mode: the stderr size of each run.
    pub gc_stderr_sizes: Vec<usize>,
}

impl Summary {
    /// The closing line.
    pub fn line(&self, gc_only: bool) -> String {
        let mut s = if gc_only {
            format!(
                "{} programs, {} ran under gc, {} generator errors",
                self.programs, self.same, self.generator_errors
            )
        } else {
            format!(
                "{} programs, {} same, {} differ, {} unsupported, {} generator errors",
                self.programs, self.same, self.differ, self.unsupported, self.generator_errors
            )
        };
        if self.environment_errors > 0 {
            let _ = write!(s, ", {} environment errors", self.environment_errors);
        }
        s
    }

    /// Whether the run found nothing wrong.
    pub fn clean(&self) -> bool {
        self.differ == 0 && self.generator_errors == 0 && self.environment_errors == 0
    }
}

/// What checking one program found.
#[derive(Debug)]
enum Report {
    Same,
    Unsupported(String),
    Differ {
        gc: Outcome,
        deft: Outcome,
        diff: Difference,
    },
    /// gc rejected the program or it did not terminate: a generator bug.
    GenError(String),
    /// gc or deft could not be run at all.
    Env(String),
    /// gc-only mode: gc's run.
    GcOnly(Outcome),
}

/// A difference waiting to be minimized.
struct Failure {
    seed: u64,
    text: String,
    diff: Difference,
}

/// Runs the fuzzer as configured, printing progress and the closing line.
pub fn fuzz(cfg: &Config) -> Result<Summary, String> {
    let gc = Gc::new(cfg.cache.clone(), cfg.timeout)?;
    let root = std::env::temp_dir().join(format!("deft-fuzz-{}", std::process::id()));
    let deft = cfg.deft.as_ref().map_or("none (--gc-only)".to_string(), |d| d.display().to_string());
    println!(
        "deft-fuzz: seeds {}..={} ({} programs), {} jobs\n  features: {}\n  deft: {deft}\n  gc: {}",
        cfg.seed,
        cfg.seed.wrapping_add(cfg.count.saturating_sub(1)),
        cfg.count,
        cfg.jobs,
        cfg.features,
        gc.version()
    );
    let start = Instant::now();
    let (summary, failures) = run_all(cfg, &gc, &root);
    for f in failures {
        minimize_failure(cfg, &gc, &root, &f);
    }
    let _ = gc::remove_dir(&root);
    print_tail(cfg, &summary, start.elapsed());
    Ok(summary)
}

/// Checks every seed on `cfg.jobs` threads, reporting in seed order.
fn run_all(cfg: &Config, gc: &Gc, root: &Path) -> (Summary, Vec<Failure>) {
    let next = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(u64, String, Report)>();
    let mut summary = Summary::default();
    let mut failures = Vec::new();
    thread::scope(|s| {
        for _ in 0..cfg.jobs.max(1) {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            s.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= cfg.count {
                        break;
                    }
                    let (text, rep) = check(cfg, gc, root, cfg.seed.wrapping_add(k));
                    if tx.send((k, text, rep)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0u64;
        let mut done = false;
        for (k, text, rep) in rx {
            pending.insert(k, (text, rep));
            while let Some((text, rep)) = pending.remove(&want) {
                let seed = cfg.seed.wrapping_add(want);
                want += 1;
                if done {
                    continue;
                }
                if let Some(f) = record(cfg, &mut summary, seed, text, rep) {
                    failures.push(f);
                    if !cfg.keep_going {
                        done = true;
                        stop.store(true, Ordering::Relaxed);
                    }
                }
                if summary.programs % 100 == 0 && cfg.count >= 200 {
                    eprintln!("  ... {}", summary.line(cfg.deft.is_none()));
                }
            }
        }
    });
    (summary, failures)
}

/// Generates the program for `seed` and judges it.
fn check(cfg: &Config, gc: &Gc, root: &Path, seed: u64) -> (String, Report) {
    let text = generate(seed, &cfg.features);
    let dir = root.join(format!("s{seed}"));
    let rep = judge_program(cfg, gc, &text, &dir, true);
    let _ = gc::remove_dir(&dir);
    (text, rep)
}

fn judge_program(cfg: &Config, gc: &Gc, text: &str, dir: &Path, use_cache: bool) -> Report {
    let gc_out = match gc.run(text, dir, use_cache) {
        Err(e) => return Report::Env(e),
        Ok(GcResult::CompileError(m)) => {
            return Report::GenError(format!("gc rejects the program:\n{m}"));
        }
        Ok(GcResult::Ran(o)) => o,
    };
    if !matches!(gc_out.status, Status::Exit(0) | Status::Exit(2)) {
        return Report::GenError(format!("gc's run ended with {} (want exit 0 or 2)", gc_out.status));
    }
    let Some(deft) = &cfg.deft else {
        return Report::GcOnly(gc_out);
    };
    if !dir.join("main.go").exists() {
        // A cached gc result: the source was never written.
        if let Err(e) = fs::create_dir_all(dir).and_then(|_| fs::write(dir.join("main.go"), text)) {
            return Report::Env(format!("writing {}: {e}", dir.display()));
        }
    }
    let mut cmd = Command::new(deft);
    cmd.args(["run", "main.go"]).current_dir(dir);
    let deft_out = match exec::run(&mut cmd, dir, "deft", cfg.timeout) {
        Err(e) => return Report::Env(format!("running {}: {e}", deft.display())),
        Ok(o) => o,
    };
    match compare::judge(&gc_out, &deft_out) {
        Verdict::Same => Report::Same,
        Verdict::Unsupported(r) => Report::Unsupported(r),
        Verdict::Differ(diff) => Report::Differ { gc: gc_out, deft: deft_out, diff },
    }
}

/// Counts and prints one report; returns the failure to minimize, if any.
fn record(cfg: &Config, sum: &mut Summary, seed: u64, text: String, rep: Report) -> Option<Failure> {
    sum.programs += 1;
    match rep {
        Report::Same => {
            sum.same += 1;
            if cfg.verbose {
                println!("seed {seed}: same");
            }
        }
        Report::Unsupported(r) => {
            sum.unsupported += 1;
            if cfg.verbose {
                println!("seed {seed}: unsupported: {r}");
            }
            *sum.unsupported_reasons.entry(strip_position(&r)).or_default() += 1;
        }
        Report::GcOnly(o) => {
            sum.same += 1;
            *sum.gc_exits.entry(o.status.to_string()).or_default() += 1;
            sum.gc_stderr_sizes.push(o.stderr.len());
            if cfg.verbose {
                println!("seed {seed}: gc {} ({} bytes stderr)", o.status, o.stderr.len());
            }
        }
        Report::GenError(msg) => {
            sum.generator_errors += 1;
            let path = save(cfg, &format!("generror-seed-{seed}"), &text, &gen_error_report(cfg, seed, &msg));
            println!("seed {seed}: GENERATOR ERROR (saved {path})\n{}", indent(first_lines(&msg, 6)));
        }
        Report::Env(msg) => {
            sum.environment_errors += 1;
            println!("seed {seed}: environment error: {msg}");
        }
        Report::Differ { gc, deft, diff } => {
            sum.differ += 1;
            let report = difference_report(cfg, seed, &diff, &gc, &deft);
            let path = save(cfg, &format!("seed-{seed}"), &text, &report);
            println!("seed {seed}: DIFFER (saved {path})\n{}", indent(&diff.summary));
            return Some(Failure { seed, text, diff });
        }
    }
    None
}

/// Shrinks a differing program, keeping gc's and deft's exit statuses.
fn minimize_failure(cfg: &Config, gc: &Gc, root: &Path, f: &Failure) {
    if cfg.min_tests == 0 {
        return;
    }
    let start = Instant::now();
    let dir = root.join(format!("min{}", f.seed));
    let mut last: Option<(Outcome, Outcome, Difference)> = None;
    let budget = Budget { tests: cfg.min_tests, time: cfg.min_time };
    let m = minimize(&f.text, budget, |cand| {
        let _ = fs::remove_file(dir.join("main.go"));
        match judge_program(cfg, gc, cand, &dir, false) {
            Report::Differ { gc, deft, diff }
                if diff.gc_status == f.diff.gc_status && diff.deft_status == f.diff.deft_status =>
            {
                last = Some((gc, deft, diff));
                true
            }
            _ => false,
        }
    });
    let _ = gc::remove_dir(&dir);
    let before = f.text.lines().count();
    let after = m.text.lines().count();
    let report = match &last {
        Some((g, d, diff)) => difference_report(cfg, f.seed, diff, g, d),
        None => "minimization removed nothing\n".to_string(),
    };
    let path = save(cfg, &format!("seed-{}.min", f.seed), &m.text, &report);
    println!(
        "seed {}: minimized {before} -> {after} lines in {} tests ({:.0?}), saved {path}",
        f.seed,
        m.tests,
        start.elapsed()
    );
}

/// Writes `name.go` and `name.txt` into the output directory; returns the
/// `.go` path for printing.
fn save(cfg: &Config, name: &str, program: &str, report: &str) -> String {
    let dir = &cfg.out_dir;
    let go = dir.join(format!("{name}.go"));
    let res = fs::create_dir_all(dir)
        .and_then(|_| ensure_gitignore(dir))
        .and_then(|_| fs::write(&go, program))
        .and_then(|_| fs::write(dir.join(format!("{name}.txt")), report));
    if let Err(e) = res {
        eprintln!("deft-fuzz: warning: cannot save {}: {e}", go.display());
    }
    go.display().to_string()
}

fn ensure_gitignore(dir: &Path) -> std::io::Result<()> {
    let p = dir.join(".gitignore");
    if p.exists() { Ok(()) } else { fs::write(p, "# deft-fuzz output, never committed\n*\n") }
}

fn reproduce(cfg: &Config, seed: u64) -> String {
    format!("deft-fuzz --seed {seed} --count 1 --features none,{}", cfg.features)
}

fn difference_report(cfg: &Config, seed: u64, diff: &Difference, gc: &Outcome, deft: &Outcome) -> String {
    format!(
        "seed {seed}: deft differs from gc\nreproduce: {}\n\n{}\n\n--- gc: {} ---\nstdout:\n{}\nstderr (compared part):\n{}\n--- deft: {} ---\nstdout:\n{}\nstderr:\n{}\n",
        reproduce(cfg, seed),
        diff.summary,
        gc.status,
        clip(&gc.stdout),
        compare::significant_stderr(&clip(&gc.stderr).into_bytes()),
        deft.status,
        clip(&deft.stdout),
        clip(&deft.stderr),
    )
}

/// Output as text, at most 32 KiB of it (a runaway program can write
/// megabytes).
fn clip(bytes: &[u8]) -> String {
    const MAX: usize = 32 << 10;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX)]).into_owned();
    if bytes.len() > MAX { format!("{text}\n[... {} more bytes]\n", bytes.len() - MAX) } else { text }
}

fn gen_error_report(cfg: &Config, seed: u64, msg: &str) -> String {
    format!("seed {seed}: generator error\nreproduce: {}\n\n{msg}\n", reproduce(cfg, seed))
}

/// `main.go:5:2: deft does not support X yet` → `deft does not support X yet`.
fn strip_position(reason: &str) -> String {
    let mut rest = reason;
    for _ in 0..3 {
        match rest.split_once(':') {
            Some((head, tail)) if !head.contains(' ') => rest = tail,
            _ => break,
        }
    }
    rest.trim().to_string()
}

fn first_lines(s: &str, n: usize) -> &str {
    match s.match_indices('\n').nth(n.saturating_sub(1)) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect::<String>().trim_end().to_string()
}

fn print_tail(cfg: &Config, sum: &Summary, elapsed: Duration) {
    if !sum.unsupported_reasons.is_empty() {
        let mut reasons: Vec<_> = sum.unsupported_reasons.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("unsupported, by reason:");
        for (r, n) in reasons.iter().take(8) {
            println!("  {n:5}  {r}");
        }
    }
    if cfg.deft.is_none() && !sum.gc_stderr_sizes.is_empty() {
        let mut sizes = sum.gc_stderr_sizes.clone();
        sizes.sort_unstable();
        let exits: Vec<String> = sum.gc_exits.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        println!(
            "gc: {}; stderr bytes min {} / median {} / max {}",
            exits.join(", "),
            sizes[0],
            sizes[sizes.len() / 2],
            sizes[sizes.len() - 1]
        );
    }
    println!("time: {:.1?}", elapsed);
    println!("{}", sum.line(cfg.deft.is_none()));
}

#[cfg(test)]
mod tests {
    use super::{first_lines, strip_position};

    #[test]
    fn positions_are_stripped_from_reasons() {
        assert_eq!(strip_position("main.go:5:2: deft does not support defer yet"), "deft does not support defer yet");
        assert_eq!(strip_position("deft does not support x: y yet"), "deft does not support x: y yet");
    }

    #[test]
    fn first_lines_cuts() {
        assert_eq!(first_lines("a\nb\nc\n", 2), "a\nb");
        assert_eq!(first_lines("a", 2), "a");
    }
}
