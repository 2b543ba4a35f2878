//! Running a project under `go run` and `deft run`, and judging the pair.
//!
//! Both commands run from the same directory with the same environment:
//! the project's own module cache (`GOMODCACHE`), `GOPROXY=off`,
//! `GOSUMDB=off`, `GOFLAGS=`, `GOTOOLCHAIN=local`, `GOENV=off`, no
//! `GOWORK` (a go.work is found by looking upwards, as usual), and
//! `CGO_ENABLED=0`: deft has no cgo and its build constraints say `cgo` is
//! false, which is the go command's default only on a machine without a C
//! compiler.
//!
//! What is compared: the exit status, stdout, and stderr, after the only
//! normalisation that must be: the scratch directory becomes `$WORK` and
//! Go's root `$GOROOT` (both commands print the same paths, but they change
//! from run to run), `go run`'s `# pkg` banner lines are dropped, and when
//! the program itself ran and exited with N ≠ 0, `go run` exits 1 and
//! prints `exit status N` last: that becomes status N, as deft reports it.
//! `go run` exits 1 when the go command or the compiler fails, and so does
//! deft.
//!
//! A Rust panic of deft (`panicked at`, exit 101) is a *crash*, always a
//! bug. deft's `does not support ... yet` (a standard package it lacks) is
//! *unsupported*, not a difference, when the go command ran the program.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use golden::process::{self, Status, Streams};

use crate::project::Project;

/// How to run the two commands.
#[derive(Clone, Debug)]
pub struct Runner {
    /// The `go` command.
    pub go: PathBuf,
    /// The deft binary.
    pub deft: PathBuf,
    /// `go env GOROOT`, replaced by `$GOROOT` in messages.
    pub goroot: String,
    /// Time limit per command.
    pub timeout: Duration,
}

/// What one command did, normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ran {
    /// How it ended.
    pub status: Status,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error, normalised.
    pub stderr: String,
}

/// The judgement of one project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Same status and output.
    Same,
    /// deft lacks a standard package (the reason, without positions).
    Unsupported(String),
    /// deft panicked.
    Crash,
    /// Anything else that differs.
    Differ,
}

/// Both runs and the verdict.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// `go run`.
    pub go: Ran,
    /// `deft run`.
    pub deft: Ran,
    /// The judgement.
    pub verdict: Verdict,
}

impl Runner {
    /// Lays `project` out under `root` (an empty directory) and runs it:
    /// under `go run`, or, given `go_ran` (what `go run` did, recorded),
    /// under deft only.
    pub fn check(&self, project: &Project, root: &Path, go_ran: Option<&Ran>) -> Result<Outcome, String> {
        let cache = project.materialize(root)?;
        let cwd = root.join(&project.cwd);
        let go = match go_ran {
            Some(ran) => ran.clone(),
            None => exit_status_line(self.run(&self.go, project, &cwd, &cache, root)?),
        };
        let deft = self.run(&self.deft, project, &cwd, &cache, root)?;
        let verdict = judge(&go, &deft);
        Ok(Outcome { go, deft, verdict })
    }

    fn run(&self, bin: &Path, project: &Project, cwd: &Path, cache: &Path, root: &Path) -> Result<Ran, String> {
        let mut cmd = Command::new(bin);
        cmd.arg("run").args(&project.args).current_dir(cwd);
        cmd.env_remove("GOWORK").envs([
            ("GOMODCACHE", cache.to_string_lossy().as_ref()),
            ("GOPROXY", "off"),
            ("GOSUMDB", "off"),
            ("GOFLAGS", ""),
            ("GOTOOLCHAIN", "local"),
            ("GOENV", "off"),
            ("GO111MODULE", ""),
            ("CGO_ENABLED", "0"),
            ("PWD", cwd.to_string_lossy().as_ref()),
        ]);
        let out = process::run(cmd, self.timeout, Streams::Separate)
            .map_err(|e| format!("running {}: {e}", bin.display()))?;
        let clean = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(bytes);
            let text = text.replace(&*root.to_string_lossy(), "$WORK");
            if self.goroot.is_empty() { text } else { text.replace(&self.goroot, "$GOROOT") }
        };
        let stderr: String = clean(&out.stderr).split_inclusive('\n').filter(|l| !l.starts_with("# ")).collect();
        Ok(Ran { status: out.status, stdout: clean(&out.stdout), stderr })
    }
}

impl Ran {
    /// The text of a `.want` file (what `--bless` records of `go run`):
    /// `exit: N`, then the streams.
    pub fn to_text(&self) -> String {
        let code = self.status.code().map_or_else(|| self.status.to_string(), |c| c.to_string());
        format!("exit: {code}\n-- stdout --\n{}-- stderr --\n{}", self.stdout, self.stderr)
    }

    /// Reads [`Ran::to_text`]'s form back.
    pub fn from_text(text: &str) -> Result<Ran, String> {
        let bad = || "not a .want file (exit: N, -- stdout --, -- stderr --)".to_string();
        let (head, rest) = text.split_once("\n-- stdout --\n").ok_or_else(bad)?;
        let (stdout, stderr) = rest.split_once("-- stderr --\n").ok_or_else(bad)?;
        let code = head.strip_prefix("exit: ").and_then(|c| c.parse().ok()).ok_or_else(bad)?;
        Ok(Ran { status: Status::Exited(code), stdout: stdout.into(), stderr: stderr.into() })
    }
}

/// `go run`'s `exit status N` (the program's own status) as status N.
fn exit_status_line(mut ran: Ran) -> Ran {
    if ran.status != Status::Exited(1) {
        return ran;
    }
    let body = ran.stderr.strip_suffix('\n').unwrap_or(&ran.stderr);
    let (rest, last) = body.rsplit_once('\n').unwrap_or(("", body));
    if let Some(code) = last.strip_prefix("exit status ").and_then(|c| c.parse().ok()) {
        ran.status = Status::Exited(code);
        ran.stderr = if rest.is_empty() { String::new() } else { format!("{rest}\n") };
    }
    ran
}

/// The verdict for a pair of runs, as the module doc describes.
pub fn judge(go: &Ran, deft: &Ran) -> Verdict {
    if deft.stderr.contains("panicked at") || deft.status == Status::Exited(101) {
        return Verdict::Crash;
    }
    if go == deft || (go.status == deft.status && go.stdout == deft.stdout && go.stderr == deft.stderr) {
        return Verdict::Same;
    }
    if deft.status == Status::Exited(1)
        && go.status == Status::Exited(0)
        && let Some(line) = deft.stderr.lines().find(|l| l.contains("does not support"))
    {
        let reason = line.split_once(": ").map_or(line, |(_, r)| r);
        return Verdict::Unsupported(reason.to_string());
    }
    Verdict::Differ
}

/// A short key for grouping differences: the first line where the two
/// stderrs (else stdouts) differ, each with digits, quoted strings and
/// paths masked, and the pair of statuses.
pub fn signature(go: &Ran, deft: &Ran) -> String {
    let first_diff = |a: &str, b: &str| -> Option<(String, String)> {
        let (mut la, mut lb) = (a.lines(), b.lines());
        loop {
            match (la.next(), lb.next()) {
                (None, None) => return None,
                (x, y) if x == y => continue,
                (x, y) => return Some((mask(x.unwrap_or("<end>")), mask(y.unwrap_or("<end>")))),
            }
        }
    };
    let (g, d) =
        first_diff(&go.stderr, &deft.stderr).or_else(|| first_diff(&go.stdout, &deft.stdout)).unwrap_or_default();
    format!("go {} / deft {}: go `{g}` / deft `{d}`", go.status, deft.status)
}

/// `line` with runs of digits as `N`, `"..."` as `"Q"`, and words holding
/// a `/` or ending in `.go` as `P`.
fn mask(line: &str) -> String {
    let mut words = Vec::new();
    for w in line.split(' ') {
        let core = w.trim_matches(|c: char| ":()\"'".contains(c));
        if core.contains('/') || core.ends_with(".go") || core.contains(".go:") {
            words.push("P".to_string());
        } else {
            words.push(w.to_string());
        }
    }
    let line = words.join(" ");
    let mut out = String::new();
    let mut in_quote = false;
    let mut last_digit = false;
    for c in line.chars() {
        if c == '"' {
            if !in_quote {
                out.push_str("\"Q\"");
            }
            in_quote = !in_quote;
            continue;
        }
        if in_quote {
            continue;
        }
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('N');
            }
            last_digit = true;
            continue;
        }
        last_digit = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ran(status: i32, stderr: &str) -> Ran {
        Ran { status: Status::Exited(status), stdout: String::new(), stderr: stderr.into() }
    }

    #[test]
    fn program_status_from_go_run() {
        let r = exit_status_line(ran(1, "main\nexit status 3\n"));
        assert_eq!(r, ran(3, "main\n"));
        let r = exit_status_line(ran(1, "x.go:1:1: error\n"));
        assert_eq!(r.status, Status::Exited(1));
    }

    #[test]
    fn crashes_and_unsupported() {
        assert_eq!(judge(&ran(0, ""), &ran(101, "thread 'main' panicked at x.rs")), Verdict::Crash);
        let unsupported = ran(1, "a.go:3:2: deft does not support package net/url yet\n");
        let v = judge(&ran(0, ""), &unsupported);
        assert_eq!(v, Verdict::Unsupported("deft does not support package net/url yet".into()));
        assert_eq!(judge(&ran(1, "a.go:1:2: no required module provides package x\n"), &unsupported), Verdict::Differ);
        assert_eq!(judge(&ran(1, "x\n"), &ran(1, "x\n")), Verdict::Same);
    }

    #[test]
    fn want_files_round_trip() {
        let r = Ran { status: Status::Exited(1), stdout: "a\n".into(), stderr: "x.go:1:2: e\n-- stderr --\n".into() };
        assert_eq!(Ran::from_text(&r.to_text()).unwrap(), r);
        assert!(Ran::from_text("exit: x\n").is_err());
    }

    #[test]
    fn masks() {
        assert_eq!(mask("main.go:3:8: package foo/bar is not in std"), "P package P is not in std");
        assert_eq!(mask("go.mod:12: unknown directive: \"x y\""), "go.mod:N: unknown directive: \"Q\"");
    }
}
