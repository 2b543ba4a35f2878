//! Running the whole corpus, the known-failures list, and blessing.
//!
//! `tests/known-failures.txt` lists programs deft is known to get wrong,
//! one per line: the case name (relative to `tests/go`), whitespace, and a
//! reason. `#` starts a comment line. A run fails when a program fails that
//! is not listed, when a listed program now passes ("now passes, remove
//! from known-failures"), and when a listed program does not exist.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use crate::case::{Case, Recipe};
use crate::compare::{Mismatch, compare_case};
use crate::deft::{Mode, observe};
use crate::gc::Gc;
use crate::process::{Status, par_map};

/// The verdict on one case.
#[derive(Clone, Debug)]
pub struct CaseResult {
    /// The case's name.
    pub name: String,
    /// `Ok` when deft behaved as gc did.
    pub verdict: Result<(), Mismatch>,
}

/// Runs every case under deft, `jobs` at a time.
pub fn check_all(deft: &Path, cases: &[Case], jobs: usize, timeout: Duration, mode: Mode) -> Vec<CaseResult> {
    par_map(cases, jobs, |case| CaseResult { name: case.name.clone(), verdict: check_case(deft, case, timeout, mode) })
}

/// Runs one case under deft and judges it against its expectation.
pub fn check_case(deft: &Path, case: &Case, timeout: Duration, mode: Mode) -> Result<(), Mismatch> {
    let fail = |summary: String| Mismatch { summary, details: String::new() };
    let bytes = std::fs::read(&case.golden).map_err(|e| fail(format!("no expectation ({e}); run scripts/bless")))?;
    let mut want = crate::expect::Expectation::parse(&bytes).map_err(|e| fail(format!("bad expectation file: {e}")))?;
    // Normalizing is idempotent: an expectation made before a rule was
    // added gets it here, without a bless.
    want.stderr = crate::normalize::normalize_stderr(&want.stderr, &crate::normalize::Paths::of_files(&case.files));
    if case.test {
        want.stdout =
            crate::normalize::normalize_test_stdout(&want.stdout, &crate::normalize::Paths::of_files(&case.files));
    }
    let have = observe(deft, case, timeout, mode).map_err(fail)?;
    let verdict = match have.status {
        Status::Exited(_) => compare_case(&want, &have.behaviour, case),
        other => Err(Mismatch {
            summary: format!("deft {other}"),
            details: format!(
                "after {:.1?}\nstdout:\n{}\nstderr:\n{}",
                have.elapsed,
                String::from_utf8_lossy(&have.behaviour.stdout),
                String::from_utf8_lossy(&have.behaviour.stderr)
            ),
        }),
    };
    verdict.map_err(|mut m| {
        if let Some(line) = notable_line(&have.behaviour.stderr) {
            m.summary = format!("{} ({line})", m.summary);
        }
        m
    })
}

/// The line of deft's stderr that best explains a failure, if there is
/// one: an unsupported feature, a Rust panic, a stack overflow, an internal
/// compiler error; without its `file:L:C: ` prefix.
fn notable_line(stderr: &[u8]) -> Option<String> {
    const MARKS: &[&str] = &[
        "deft does not support",
        "panicked at",
        "overflowed its stack",
        "internal compiler error",
        "fatal runtime error",
    ];
    let text = String::from_utf8_lossy(stderr);
    let line = text.lines().find(|l| MARKS.iter().any(|m| l.contains(m)))?;
    let msg = match line.split_once(".go:") {
        Some((_, rest)) => rest.splitn(3, ':').last().unwrap_or(rest).trim(),
        None => line.trim(),
    };
    // Rust prints the thread id, `thread 'main' (20493) ...`: not reproducible.
    let msg = match msg.split_once("' (") {
        Some((head, tail)) if tail.split_once(") ").is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit())) => {
            format!("{head}' {}", tail.split_once(") ").map_or("", |(_, rest)| rest))
        }
        _ => msg.to_string(),
    };
    Some(msg)
}

/// The parsed `tests/known-failures.txt`: case name → reason.
#[derive(Clone, Debug, Default)]
pub struct KnownFailures(pub BTreeMap<String, String>);

impl KnownFailures {
    /// Reads the list; a missing file is an empty list.
    pub fn load(path: &Path) -> Result<KnownFailures, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(KnownFailures::default());
            }
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let mut map = BTreeMap::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (name, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            map.insert(name.to_string(), reason.trim().to_string());
        }
        Ok(KnownFailures(map))
    }

    /// The file's text: a header, then one sorted line per entry.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# Golden programs (tests/go) that deft is known to get wrong: NAME  REASON.\n\
             # A listed program that passes fails the test run: remove its line.\n\
             # Regenerate from a run with scripts/known-failures-update (keeps reasons of\n\
             # entries that still fail).\n",
        );
        let width = self.0.keys().map(String::len).max().unwrap_or(0);
        for (name, reason) in &self.0 {
            let _ = writeln!(out, "{name:width$}  {reason}");
        }
        out
    }

    /// The list a run implies: its failures, keeping old reasons where present.
    pub fn from_results(results: &[CaseResult], old: &KnownFailures) -> KnownFailures {
        let map = results
            .iter()
            .filter_map(|r| {
                let m = r.verdict.as_ref().err()?;
                let reason = old.0.get(&r.name).cloned().unwrap_or_else(|| m.summary.clone());
                Some((r.name.clone(), reason))
            })
            .collect();
        KnownFailures(map)
    }
}

/// The outcome of a run, judged against the known-failures list.
#[derive(Debug, Default)]
pub struct Report {
    /// Cases that passed.
    pub passed: usize,
    /// Cases that failed (known or not).
    pub failed: usize,
    /// Failures that are listed as known.
    pub known: usize,
    /// A line per problem that fails the run, with details.
    pub problems: Vec<String>,
}

/// Judges results against the known-failures list.
pub fn judge(results: &[CaseResult], known: &KnownFailures) -> Report {
    let mut report = Report::default();
    for r in results {
        match (&r.verdict, known.0.contains_key(&r.name)) {
            (Ok(()), false) => report.passed += 1,
            (Ok(()), true) => {
                report.passed += 1;
                report.problems.push(format!("{}: now passes, remove from known-failures\n", r.name));
            }
            (Err(_), true) => {
                report.failed += 1;
                report.known += 1;
            }
            (Err(m), false) => {
                report.failed += 1;
                report.problems.push(format!("FAIL {}: {}\n{}", r.name, m.summary, m.details));
            }
        }
    }
    for name in known.0.keys() {
        if !results.iter().any(|r| &r.name == name) {
            report.problems.push(format!("{name}: listed in known-failures but no such program\n"));
        }
    }
    report
}

impl Report {
    /// `N passed, M failed` with the known-failure count.
    pub fn summary(&self) -> String {
        format!(
            "golden: {} passed, {} failed ({} known failures, {} unexpected problems)",
            self.passed,
            self.failed,
            self.known,
            self.problems.len()
        )
    }
}

/// What blessing did to one case.
#[derive(Debug)]
pub enum Blessed {
    /// The expectation file was written (it was missing or differed).
    Updated,
    /// The expectation file already held gc's behaviour.
    Unchanged,
}

/// Regenerates the expectation of `case` with gc. Refuses a case whose
/// recipe disagrees with what gc did (`// run` but gc rejects it, or
/// `// errorcheck` but gc accepts it), and a project whose go.sum lacks a
/// line of a module of its `_deps/` (the message gives the lines).
pub fn bless_case(gc: &Gc, case: &Case, comment: &str) -> Result<Blessed, String> {
    if let Some(project) = &case.project {
        let missing = project.missing_go_sum_lines()?;
        if !missing.is_empty() {
            return Err(format!("go.sum lacks the lines of _deps/:\n{}", missing.join("\n")));
        }
    }
    let (e, built) = gc.expectation(case)?;
    match (case.recipe, built) {
        (Some(Recipe::Run), false) => {
            return Err(format!("recipe says `// run` but gc rejects it:\n{}", String::from_utf8_lossy(&e.stderr)));
        }
        (Some(Recipe::ErrorCheck), true) => {
            return Err("recipe says `// errorcheck` but gc builds it".into());
        }
        _ => {}
    }
    let text = e.render(comment)?;
    if std::fs::read(&case.golden).is_ok_and(|old| old == text) {
        return Ok(Blessed::Unchanged);
    }
    std::fs::write(&case.golden, text).map_err(|e| format!("{}: {e}", case.golden.display()))?;
    Ok(Blessed::Updated)
}

/// What blessing did to each case: its name and outcome.
pub type BlessOutcomes = Vec<(String, Result<Blessed, String>)>;

/// Blesses every case, `jobs` at a time; returns per-case outcomes.
pub fn bless_all(gc: &Gc, cases: &[Case], jobs: usize) -> Result<BlessOutcomes, String> {
    let version = gc.version()?;
    let comment = format!("generated by scripts/bless from {version}; do not edit");
    Ok(par_map(cases, jobs, |case| (case.name.clone(), bless_case(gc, case, &comment))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(name: &str, ok: bool) -> CaseResult {
        let verdict = if ok { Ok(()) } else { Err(Mismatch { summary: "x".into(), details: String::new() }) };
        CaseResult { name: name.into(), verdict }
    }

    #[test]
    fn judging_against_known_failures() {
        let known = KnownFailures::load(Path::new("/nonexistent")).unwrap();
        assert!(known.0.is_empty());
        let mut known = KnownFailures::default();
        known.0.insert("a.go".into(), "r".into());
        known.0.insert("b.go".into(), "r".into());
        known.0.insert("gone.go".into(), "r".into());
        let results = [result("a.go", false), result("b.go", true), result("c.go", false), result("d.go", true)];
        let r = judge(&results, &known);
        assert_eq!((r.passed, r.failed, r.known), (2, 2, 1));
        assert_eq!(r.problems.len(), 3, "{:?}", r.problems);
        assert!(r.problems[0].contains("now passes, remove from known-failures"));
    }

    #[test]
    fn notable_lines() {
        let e = b"x.go:7:8: deft does not support package \"runtime\" yet\n";
        assert_eq!(notable_line(e).as_deref(), Some("deft does not support package \"runtime\" yet"));
        let e = b"ok\nthread 'main' (25070) has overflowed its stack\n";
        assert_eq!(notable_line(e).as_deref(), Some("thread 'main' has overflowed its stack"));
        assert_eq!(notable_line(b"panic: x\n"), None);
    }

    #[test]
    fn known_failures_round_trip() {
        let results = [result("x/a.go", false), result("x/b.go", true)];
        let mut old = KnownFailures::default();
        old.0.insert("x/a.go".into(), "hand-written reason".into());
        let new = KnownFailures::from_results(&results, &old);
        let dir = crate::gc::TempDir::new("kf").unwrap();
        let path = dir.0.join("k.txt");
        std::fs::write(&path, new.render()).unwrap();
        let back = KnownFailures::load(&path).unwrap();
        assert_eq!(back.0.get("x/a.go").map(String::as_str), Some("hand-written reason"));
        assert_eq!(back.0.len(), 1);
    }
}
