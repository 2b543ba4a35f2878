//! A project as data: its files under a scratch root, the directory to run
//! from, and the words given to `go run` / `deft run`.
//!
//! Paths are relative to the scratch root. The main module is `m/`; other
//! directories hold replacement targets and workspace modules
//! (`depsrc/`, `other/`), and `_deps/PATH@VERSION/` holds module versions
//! that [`Project::materialize`] lays out as a module cache with
//! `golden::modcache` (the golden harness's offline GOMODCACHE). A file
//! whose whole text is [`GO_SUM_MARK`] becomes the `go.sum` lines of every
//! module under `_deps/`; a module holding a file [`NOT_IN_CACHE`] is
//! left out of the cache (but not out of go.sum), and one holding a file
//! [`GO_SUM_FAULT`] has its go.sum lines damaged as that file says.
//!
//! The text form (what `--print` shows, what failures are saved as, what
//! `--replay` reads) is a txtar archive whose comment says how to run it:
//!
//! ```text
//! cwd: m
//! run: -tags=mytag .
//! dir: m/empty
//! -- m/go.mod --
//! module example.com/m
//! -- m/main.go --
//! package main
//! ...
//! ```
//!
//! `dir:` lines name directories to create even if empty.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use golden::modcache;

/// The text of a `go.sum` to fill with the module cache's lines.
pub const GO_SUM_MARK: &str = "(go.sum lines of every module under _deps/)\n";

/// A module under `_deps/` with this file is in go.sum but not in the cache.
pub const NOT_IN_CACHE: &str = "NOT-IN-CACHE";

/// A module under `_deps/` with this file has its go.sum lines damaged as
/// the file's first word says: `files` (its files' line left out),
/// `go.mod` (its go.mod's line left out), `hash` (its files' hash wrong),
/// `malformed` (a line of two fields after its lines).
pub const GO_SUM_FAULT: &str = "GO-SUM-FAULT";

/// The module cache's directory under the scratch root.
pub const CACHE_DIR: &str = "gomodcache";

/// One generated (or replayed) project.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Project {
    /// File texts by path.
    pub files: BTreeMap<String, String>,
    /// Directories to create even when nothing is in them.
    pub dirs: Vec<String>,
    /// Where both commands run, relative to the scratch root.
    pub cwd: String,
    /// The words after `run`: flags, then operands.
    pub args: Vec<String>,
}

impl Project {
    /// The txtar form described in the module doc.
    pub fn to_txtar(&self) -> String {
        let mut out = format!("cwd: {}\nrun: {}\n", self.cwd, self.args.join(" "));
        for d in &self.dirs {
            let _ = writeln!(out, "dir: {d}");
        }
        for (path, text) in &self.files {
            let _ = writeln!(out, "-- {path} --");
            out.push_str(text);
            if !text.is_empty() && !text.ends_with('\n') {
                out.push('\n');
            }
        }
        out
    }

    /// Reads the txtar form back (`run:` words are split at spaces).
    pub fn from_txtar(text: &str) -> Result<Project, String> {
        let mut p = Project::default();
        let mut current: Option<String> = None;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            if let Some(name) = body.strip_prefix("-- ").and_then(|r| r.strip_suffix(" --")) {
                p.files.insert(name.to_string(), String::new());
                current = Some(name.to_string());
            } else if let Some(name) = &current {
                p.files.get_mut(name).expect("the current file was inserted").push_str(line);
            } else if let Some(cwd) = body.strip_prefix("cwd: ") {
                p.cwd = cwd.to_string();
            } else if let Some(run) = body.strip_prefix("run:") {
                p.args = run.split_whitespace().map(String::from).collect();
            } else if let Some(dir) = body.strip_prefix("dir: ") {
                p.dirs.push(dir.to_string());
            } else if !body.is_empty() && !body.starts_with('#') {
                return Err(format!("unexpected line before the first file: {body:?}"));
            }
        }
        if p.args.is_empty() {
            return Err("no `run:` line".into());
        }
        Ok(p)
    }

    /// Writes the project under `root` (an empty directory): its files and
    /// directories, the module cache `root/gomodcache` built from `_deps/`,
    /// and the `go.sum` files marked [`GO_SUM_MARK`]. Returns the cache.
    pub fn materialize(&self, root: &Path) -> Result<PathBuf, String> {
        let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
        for d in &self.dirs {
            let dir = root.join(d);
            fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
        }
        for (path, text) in self.files.iter().filter(|(_, t)| *t != GO_SUM_MARK) {
            let file = root.join(path);
            if let Some(parent) = file.parent() {
                fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
            }
            fs::write(&file, text).map_err(|e| io(&file, e))?;
        }
        fs::create_dir_all(root.join(&self.cwd)).map_err(|e| io(&root.join(&self.cwd), e))?;
        let deps = modcache::find_deps(root)?;
        let cache = root.join(CACHE_DIR);
        let cached: Vec<_> = deps.iter().filter(|d| !d.dir.join(NOT_IN_CACHE).exists()).cloned().collect();
        modcache::build(&cached, &cache)?;
        let mut sums = String::new();
        for dep in &deps {
            let fault = fs::read_to_string(dep.dir.join(GO_SUM_FAULT)).unwrap_or_default();
            sums.push_str(&damaged_sum_lines(dep.go_sum_lines()?, fault.trim()));
        }
        for path in self.files.iter().filter(|(_, t)| *t == GO_SUM_MARK).map(|(p, _)| p) {
            let file = root.join(path);
            fs::write(&file, &sums).map_err(|e| io(&file, e))?;
        }
        Ok(cache)
    }

    /// Total lines of all files (the minimizer's measure).
    pub fn lines(&self) -> usize {
        self.files.values().map(|t| t.lines().count()).sum()
    }
}

/// A module's two go.sum lines (files, go.mod) as text, damaged as
/// [`GO_SUM_FAULT`] `fault` says (empty: intact).
fn damaged_sum_lines([files, go_mod]: [String; 2], fault: &str) -> String {
    match fault {
        "files" => format!("{go_mod}\n"),
        "go.mod" => format!("{files}\n"),
        "hash" => {
            // The hash's first base64 digit changed: still well-formed.
            let (head, digits) = files.split_once(" h1:").unwrap_or((&files, ""));
            let first = if digits.starts_with('A') { 'B' } else { 'A' };
            format!("{head} h1:{first}{}\n{go_mod}\n", digits.get(1..).unwrap_or(""))
        }
        "malformed" => format!("{files}\n{go_mod}\ngarbage line\n"),
        _ => format!("{files}\n{go_mod}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txtar_round_trip() {
        let mut p = Project { cwd: "m".into(), args: vec!["-tags=x".into(), ".".into()], ..Default::default() };
        p.dirs.push("m/empty".into());
        p.files.insert("m/go.mod".into(), "module example.com/m\n\ngo 1.22\n".into());
        p.files.insert("m/main.go".into(), "package main\n\nfunc main() {}\n".into());
        p.files.insert("m/empty.go".into(), String::new());
        assert_eq!(Project::from_txtar(&p.to_txtar()).unwrap(), p);
    }

    #[test]
    fn go_sum_mark_is_filled() {
        let tmp = golden::gc::TempDir::new("modfuzz-project-test").unwrap();
        let mut p = Project { cwd: "m".into(), args: vec![".".into()], ..Default::default() };
        p.files.insert("_deps/example.com/dep@v1.0.0/go.mod".into(), "module example.com/dep\n".into());
        p.files.insert("m/go.sum".into(), GO_SUM_MARK.into());
        let cache = p.materialize(&tmp.0).unwrap();
        assert!(cache.join("cache/download/example.com/dep/@v/v1.0.0.ziphash").is_file());
        let sum = fs::read_to_string(tmp.0.join("m/go.sum")).unwrap();
        assert!(sum.starts_with("example.com/dep v1.0.0 h1:"), "{sum}");
        assert_eq!(sum.lines().count(), 2);
    }
}
