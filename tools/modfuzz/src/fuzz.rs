//! The fuzzing loop: generate, run, judge, group, save, minimize.
//!
//! Projects are checked by `jobs` threads; each lives in its own scratch
//! directory (removed afterwards). Differences are grouped by
//! [`signature`]; the first project of each group (and every crash) is
//! saved in the output directory as `seed-S.txtar` (the project, see
//! `project`) and `seed-S.txt` (both runs), then minimized into
//! `seed-S.min.txtar` / `.min.txt`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use golden::gc::TempDir;

use crate::generator::{generate, is_sound};
use crate::minimize::{Budget, minimize};
use crate::project::Project;
use crate::run::{Outcome, Ran, Runner, Verdict, signature};

/// A fuzzing run's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// First seed; project k uses seed `seed + k`.
    pub seed: u64,
    /// Number of projects.
    pub count: u64,
    /// Worker threads.
    pub jobs: usize,
    /// Where differences are saved.
    pub out_dir: PathBuf,
    /// Minimization budget per distinct difference (0 tests: none).
    pub budget: Budget,
    /// One line per project.
    pub verbose: bool,
    /// Save every differing project, not only the first of each signature.
    pub save_all: bool,
}

/// The counts of a finished run.
#[derive(Debug, Default)]
pub struct Summary {
    /// Projects run.
    pub projects: u64,
    /// Of which sound (no deliberate fault), and how many of those differed.
    pub sound: (u64, u64),
    /// Same behaviour.
    pub same: u64,
    /// deft lacks a standard package, by reason.
    pub unsupported: BTreeMap<String, u64>,
    /// Differences by signature: count and seeds (first few).
    pub differ: BTreeMap<String, (u64, Vec<u64>)>,
    /// Seeds where deft crashed.
    pub crashes: Vec<u64>,
    /// Seeds that could not be run (an error of the harness).
    pub errors: Vec<(u64, String)>,
    /// How the go command ended: (exit code, count), to see what the
    /// generator exercises.
    pub go_status: BTreeMap<String, u64>,
}

impl Summary {
    /// Whether nothing differed and nothing crashed.
    pub fn clean(&self) -> bool {
        self.differ.is_empty() && self.crashes.is_empty() && self.errors.is_empty()
    }
}

/// Runs `cfg.count` projects and prints the report.
pub fn fuzz(cfg: &Config, runner: &Runner) -> Summary {
    let started = Instant::now();
    let next = AtomicU64::new(0);
    let summary = Mutex::new(Summary::default());
    let firsts: Mutex<Vec<(u64, Project, Outcome)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..cfg.jobs.max(1) {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= cfg.count {
                        break;
                    }
                    let seed = cfg.seed.wrapping_add(k);
                    let project = generate(seed);
                    let result = check(runner, &project);
                    let mut sum = summary.lock().expect("a worker panicked");
                    record(cfg, &mut sum, seed, &project, result, &firsts);
                    if sum.projects % 100 == 0 {
                        eprintln!("  ... {} projects, {:.0?}", sum.projects, started.elapsed());
                    }
                }
            });
        }
    });
    let mut summary = summary.into_inner().expect("a worker panicked");
    let mut firsts = firsts.into_inner().expect("a worker panicked");
    firsts.sort_by_key(|f| f.0);
    for (seed, project, outcome) in &firsts {
        save(cfg, &format!("seed-{seed}"), project, outcome);
        if cfg.budget.tests > 0 {
            minimize_one(cfg, runner, *seed, project, outcome);
        }
    }
    summary.errors.sort();
    summary.crashes.sort();
    print!("{}", report(&summary, started.elapsed()));
    summary
}

/// Runs one project in a fresh scratch directory.
pub fn check(runner: &Runner, project: &Project) -> Result<Outcome, String> {
    check_against(runner, project, None)
}

/// As [`check`], with `go run`'s outcome recorded already when `go_ran`
/// is given (deft alone runs).
pub fn check_against(runner: &Runner, project: &Project, go_ran: Option<&Ran>) -> Result<Outcome, String> {
    let tmp = TempDir::new("modfuzz").map_err(|e| format!("scratch directory: {e}"))?;
    let out = runner.check(project, &tmp.0, go_ran);
    make_writable(&tmp.0);
    out
}

/// The go command leaves module cache directories read-only; make them
/// removable.
fn make_writable(dir: &std::path::Path) {
    let _ = std::process::Command::new("chmod").args(["-R", "u+w"]).arg(dir).status();
}

fn record(
    cfg: &Config,
    sum: &mut Summary,
    seed: u64,
    project: &Project,
    result: Result<Outcome, String>,
    firsts: &Mutex<Vec<(u64, Project, Outcome)>>,
) {
    sum.projects += 1;
    let sound = is_sound(seed);
    sum.sound.0 += u64::from(sound);
    let outcome = match result {
        Ok(o) => o,
        Err(e) => {
            println!("seed {seed}: ERROR {e}");
            sum.errors.push((seed, e));
            return;
        }
    };
    *sum.go_status.entry(outcome.go.status.to_string()).or_default() += 1;
    let line = match &outcome.verdict {
        Verdict::Same => {
            sum.same += 1;
            "same".to_string()
        }
        Verdict::Unsupported(r) => {
            *sum.unsupported.entry(r.clone()).or_default() += 1;
            format!("unsupported: {r}")
        }
        Verdict::Crash | Verdict::Differ => {
            sum.sound.1 += u64::from(sound);
            let crash = outcome.verdict == Verdict::Crash;
            let sig = format!("{}{}", if crash { "CRASH " } else { "" }, signature(&outcome.go, &outcome.deft));
            if crash {
                sum.crashes.push(seed);
            }
            let entry = sum.differ.entry(sig.clone()).or_default();
            entry.0 += 1;
            if entry.1.len() < 5 {
                entry.1.push(seed);
            }
            if entry.0 == 1 {
                firsts.lock().expect("poisoned").push((seed, project.clone(), outcome.clone()));
            } else if cfg.save_all {
                save(cfg, &format!("seed-{seed}"), project, &outcome);
            }
            format!("DIFFER {sig}")
        }
    };
    if cfg.verbose || !matches!(outcome.verdict, Verdict::Same | Verdict::Unsupported(_)) {
        println!("seed {seed}: {line}");
    }
}

fn minimize_one(cfg: &Config, runner: &Runner, seed: u64, project: &Project, outcome: &Outcome) {
    let want = (outcome.verdict.clone(), signature(&outcome.go, &outcome.deft));
    let mut last = None;
    let (small, tests) = minimize(project, cfg.budget, |cand| match check(runner, cand) {
        Ok(o) if (o.verdict.clone(), signature(&o.go, &o.deft)) == want => {
            last = Some(o);
            true
        }
        _ => false,
    });
    let Some(o) = last else {
        println!("seed {seed}: minimization removed nothing ({tests} tests)");
        return;
    };
    let path = save(cfg, &format!("seed-{seed}.min"), &small, &o);
    println!("seed {seed}: minimized {} -> {} lines in {tests} tests: {path}", project.lines(), small.lines());
}

/// Writes `NAME.txtar` and `NAME.txt`; returns the first's path.
fn save(cfg: &Config, name: &str, project: &Project, outcome: &Outcome) -> String {
    let _ = fs::create_dir_all(&cfg.out_dir);
    let _ = fs::write(cfg.out_dir.join(".gitignore"), "*\n");
    let txtar = cfg.out_dir.join(format!("{name}.txtar"));
    let seed = name.trim_start_matches("seed-").trim_end_matches(".min");
    let _ = fs::write(&txtar, format!("# deft-modfuzz --seed {seed}\n{}", project.to_txtar()));
    let _ = fs::write(cfg.out_dir.join(format!("{name}.txt")), describe(project, outcome));
    txtar.display().to_string()
}

/// Both runs of a project, for a person to read.
pub fn describe(project: &Project, o: &Outcome) -> String {
    let mut s = format!("cd $WORK/{} && go run {}\n", project.cwd, project.args.join(" "));
    let _ = writeln!(s, "verdict: {:?}\nsignature: {}", o.verdict, signature(&o.go, &o.deft));
    for (who, r) in [("go", &o.go), ("deft", &o.deft)] {
        let _ = write!(s, "\n== {who}: {}\n-- stdout --\n{}-- stderr --\n{}", r.status, r.stdout, r.stderr);
    }
    s
}

/// The closing report.
fn report(sum: &Summary, elapsed: std::time::Duration) -> String {
    let mut s = String::new();
    let differ: u64 = sum.differ.values().map(|d| d.0).sum();
    let unsupported: u64 = sum.unsupported.values().sum();
    let _ = writeln!(s, "\ngo run's exits: {:?}", sum.go_status);
    let _ = writeln!(s, "sound projects: {}, of which {} differ", sum.sound.0, sum.sound.1);
    if !sum.unsupported.is_empty() {
        let _ = writeln!(s, "unsupported:");
        for (r, n) in &sum.unsupported {
            let _ = writeln!(s, "  {n:5}  {r}");
        }
    }
    if !sum.differ.is_empty() {
        let _ = writeln!(s, "differences ({} distinct):", sum.differ.len());
        for (sig, (n, seeds)) in &sum.differ {
            let _ = writeln!(s, "  {n:5}  {sig}\n         seeds {seeds:?}");
        }
    }
    if !sum.crashes.is_empty() {
        let _ = writeln!(s, "CRASHES at seeds {:?}", sum.crashes);
    }
    let _ = writeln!(
        s,
        "{} projects, {} same, {differ} differ ({} distinct), {unsupported} unsupported, {} crashes, {} errors ({elapsed:.0?})",
        sum.projects,
        sum.same,
        sum.differ.len(),
        sum.crashes.len(),
        sum.errors.len()
    );
    s
}
