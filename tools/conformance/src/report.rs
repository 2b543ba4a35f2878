//! Counting verdicts: the per-directory table, the closing line, and the
//! committed list of passing files.
//!
//! The closing line is `N passed, N failed, N skipped`, where *failed*
//! counts fail + crash + timeout and *skipped* counts unsupported (deft said
//! "not supported yet") + every kind of test not run (skip recipes, build
//! constraints, gc-specific flags, multi-package tests, malformed recipes).
//! The two lines before it break both numbers down.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::harness::{SkipKind, Verdict, directory_of};

/// Counts of each verdict kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Passed.
    pub pass: usize,
    /// Failed (deft ran and behaved differently).
    pub fail: usize,
    /// deft crashed.
    pub crash: usize,
    /// deft timed out.
    pub timeout: usize,
    /// deft reported an unsupported feature.
    pub unsupported: usize,
    /// Not run, by reason.
    pub skipped: BTreeMap<SkipKind, usize>,
}

impl Counts {
    /// Adds one verdict.
    pub fn add(&mut self, v: &Verdict) {
        match v {
            Verdict::Pass => self.pass += 1,
            Verdict::Fail(_) => self.fail += 1,
            Verdict::Crash(_) => self.crash += 1,
            Verdict::Timeout => self.timeout += 1,
            Verdict::Unsupported(_) => self.unsupported += 1,
            Verdict::Skipped(k, _) => *self.skipped.entry(*k).or_default() += 1,
        }
    }

    /// fail + crash + timeout.
    pub fn failed(&self) -> usize {
        self.fail + self.crash + self.timeout
    }

    /// unsupported + not run.
    pub fn skipped_total(&self) -> usize {
        self.unsupported + self.skipped.values().sum::<usize>()
    }

    /// All files counted.
    pub fn total(&self) -> usize {
        self.pass + self.failed() + self.skipped_total()
    }
}

/// The table by directory, the breakdown, and the closing line.
pub fn render(results: &[(String, Verdict)]) -> String {
    render_by(results, directory_of)
}

/// [`render`] with the directory column given by `dir_of` (the table of
/// another corpus than Go's `test/`).
pub fn render_by(results: &[(String, Verdict)], dir_of: impl Fn(&str) -> String) -> String {
    let mut by_dir: BTreeMap<String, Counts> = BTreeMap::new();
    let mut all = Counts::default();
    for (rel, v) in results {
        by_dir.entry(dir_of(rel)).or_default().add(v);
        all.add(v);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<26} {:>6} {:>6} {:>6} {:>6} {:>8} {:>12} {:>8}",
        "directory", "total", "pass", "fail", "crash", "timeout", "unsupported", "not run"
    );
    let mut row = |name: &str, c: &Counts| {
        let not_run: usize = c.skipped.values().sum();
        let _ = writeln!(
            out,
            "{:<26} {:>6} {:>6} {:>6} {:>6} {:>8} {:>12} {:>8}",
            name,
            c.total(),
            c.pass,
            c.fail,
            c.crash,
            c.timeout,
            c.unsupported,
            not_run
        );
    };
    for (dir, c) in &by_dir {
        row(dir, c);
    }
    row("all", &all);
    let _ = writeln!(out, "failed: {} fail, {} crash, {} timeout", all.fail, all.crash, all.timeout);
    let mut skipped = format!("skipped: {} unsupported by deft", all.unsupported);
    for (k, n) in &all.skipped {
        let _ = write!(skipped, ", {n} {}", k.label());
    }
    let _ = writeln!(out, "{skipped}");
    let _ = writeln!(out, "{} passed, {} failed, {} skipped", all.pass, all.failed(), all.skipped_total());
    out
}

/// The header of `conformance/passing.txt`.
pub const PASSING_HEADER: &str = "\
# Go test-suite files (relative to /usr/lib/go-1.19/test) that deft passes
# and gc 1.27.3 passes too (checked with scripts/gc-as-deft standing in for
# deft; the files gc 1.27.3 fails are in gc127-fails.txt).
# Written by `cargo run -p conformance --release -- --exclude @conformance/gc127-fails.txt --write-passing conformance/passing.txt`;
# CI runs --check-passing on this list and fails if any of them stops passing.
";

/// Renders the sorted list of passing files.
pub fn render_passing(results: &[(String, Verdict)]) -> String {
    render_passing_with(results, PASSING_HEADER)
}

/// [`render_passing`] under another header (another corpus's list).
pub fn render_passing_with(results: &[(String, Verdict)], header: &str) -> String {
    let mut names: Vec<&str> = results.iter().filter(|(_, v)| *v == Verdict::Pass).map(|(r, _)| r.as_str()).collect();
    names.sort_unstable();
    let mut out = header.to_string();
    for n in names {
        out.push_str(n);
        out.push('\n');
    }
    out
}

/// Reads a list of files: one per line, `#` comments and blank lines ignored.
pub fn parse_list(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results() -> Vec<(String, Verdict)> {
        vec![
            ("a.go".into(), Verdict::Pass),
            ("b.go".into(), Verdict::Fail("x".into())),
            ("fixedbugs/c.go".into(), Verdict::Unsupported("u".into())),
            ("fixedbugs/d.go".into(), Verdict::Skipped(SkipKind::Constraints, "//go:build cgo".into())),
            ("fixedbugs/e.go".into(), Verdict::Crash("c".into())),
            ("fixedbugs/f.go".into(), Verdict::Pass),
        ]
    }

    #[test]
    fn closing_line_and_breakdown() {
        let text = render(&results());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.last(), Some(&"2 passed, 2 failed, 2 skipped"));
        assert!(text.contains("skipped: 1 unsupported by deft, 1 build constraints"), "{text}");
        assert!(text.contains("test/fixedbugs/"), "{text}");
    }

    #[test]
    fn passing_list_round_trip() {
        let text = render_passing(&results());
        assert_eq!(parse_list(&text), ["a.go", "fixedbugs/f.go"]);
    }
}
