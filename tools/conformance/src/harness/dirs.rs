//! The recipes over a directory `X.dir` beside the test file `X.go`, run
//! as Go 1.19's `test/run.go` runs them with gc, deft standing in for
//! `go tool compile` and `go tool link`.
//!
//! run.go groups the `.go` files of `X.dir` into packages (`goDirPackages`):
//! files in name order, a file joining the package of its package clause's
//! name, a new package starting at each new name (or at every file with
//! `-s`). It compiles the packages in that order, each one against those
//! compiled before it, a non-main package under the import path
//! `test/STEM` (STEM: its first file's name without `.go`), which the
//! test's files import as `./STEM`. deft is told the same with
//! `--package test/STEM=FILE,...` (deft resolves `./STEM` to it), the package
//! being compiled (or run) given as operand files:
//!
//! ```text
//! compiledir           deft run --check-only -gcflags=-e [--package P=FILES]... FILES   per package; each exit 0
//! errorcheckdir        the same, each package's output matched against its files'
//!                      // ERROR comments; the last must fail (-0: none may)
//! rundir               every package but the last compiled as above, then
//!                      deft run [--package P=FILES]... FILES ARGS...   exit 0, output == X.out
//! errorcheckandrundir  errorcheckdir where none may fail (-1: the one before the last
//!                      must, and is then left out), then the last is run as in rundir
//! runindir             X.dir as module `X.dir` (go 1.14): its subdirectories' packages
//!                      as --package X.dir/SUB=FILES, -gcflags=-lang=go1.14, the root's
//!                      files run; files chosen as the go command does (go/build)
//! builddir             deft run --check-only -gcflags=-e X.dir/*.go   (one package main)
//! buildrundir          deft run X.dir/*.go                             output == X.out
//! ```
//!
//! A directory with assembly files (`.s`; for `runindir` those the go
//! command would build) is skipped: deft compiles only Go. Flags after
//! `-ldflags` in a recipe are the linker's, which deft does not have.

use std::path::Path;

use regex::Regex;

use super::{SkipKind, Test, Verdict, first_line};
use crate::constraint;
use crate::errorcheck;
use crate::recipe::Action;

/// One package of a test directory (run.go's `goDirPkg`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirPackage {
    /// The name in its package clause (empty for `runindir`'s packages,
    /// which are directories).
    pub name: String,
    /// Its files, as paths relative to the suite's root.
    pub files: Vec<String>,
    /// The import path deft is given: gc's `test/STEM`, STEM the first
    /// file's name without `.go` (imported as `./STEM`, which deft
    /// resolves to it), or for `runindir` the module path of its directory.
    pub path: String,
}

impl DirPackage {
    /// The `--package PATH=FILE,...` argument declaring it.
    fn declaration(&self) -> [String; 2] {
        ["--package".to_string(), format!("{}={}", self.path, self.files.join(","))]
    }
}

/// run.go's `packageRE`: the first line starting `package NAME`.
fn package_clause(src: &str) -> Option<String> {
    let re = Regex::new(r"(?m)^package ([\p{Lu}\p{Ll}0-9A-Za-z_]+)").expect("a valid regular expression");
    re.captures(src).map(|c| c[1].to_string())
}

/// The `.go` files of `dir` (relative to `suite`) grouped into packages as
/// run.go's `goDirPackages` does.
pub fn dir_packages(suite: &Path, dir: &str, single_file_pkgs: bool) -> Result<Vec<DirPackage>, String> {
    let mut names: Vec<String> = std::fs::read_dir(suite.join(dir))
        .map_err(|e| format!("{dir}: {e}"))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| Path::new(n).extension().is_some_and(|x| x == "go"))
        .collect();
    names.sort();
    let mut pkgs: Vec<DirPackage> = Vec::new();
    for name in names {
        let file = format!("{dir}/{name}");
        let src = std::fs::read(suite.join(&file)).map_err(|e| format!("{file}: {e}"))?;
        let pkg = package_clause(&String::from_utf8_lossy(&src))
            .ok_or_else(|| format!("cannot find package name in {file}"))?;
        match pkgs.iter_mut().find(|p| p.name == pkg) {
            Some(p) if !single_file_pkgs => p.files.push(file),
            _ => {
                let path = format!("test/{}", name.trim_end_matches(".go"));
                pkgs.push(DirPackage { name: pkg, files: vec![file], path });
            }
        }
    }
    Ok(pkgs)
}

/// The packages of a module rooted at `dir` (relative to `suite`) whose
/// module path is `module`, as `go run .` sees them: the root's files (the
/// package run), and a package for every other directory with files the
/// go command builds (`testdata`, `_x` and `.x` directories left out), in
/// path order. Also whether any assembly file would be built.
pub fn module_packages(suite: &Path, dir: &str, module: &str) -> Result<(Vec<String>, Vec<DirPackage>, bool), String> {
    let mut root = Vec::new();
    let mut pkgs = Vec::new();
    let mut assembly = false;
    let mut pending = vec![String::new()];
    while let Some(sub) = pending.pop() {
        let rel = if sub.is_empty() { dir.to_string() } else { format!("{dir}/{sub}") };
        let mut entries: Vec<(String, bool)> = std::fs::read_dir(suite.join(&rel))
            .map_err(|e| format!("{rel}: {e}"))?
            .filter_map(|e| {
                let e = e.ok()?;
                Some((e.file_name().into_string().ok()?, e.file_type().ok()?.is_dir()))
            })
            .collect();
        entries.sort();
        let mut files = Vec::new();
        for (name, is_dir) in entries {
            if is_dir {
                if !name.starts_with(['_', '.']) && name != "testdata" {
                    pending.push(if sub.is_empty() { name } else { format!("{sub}/{name}") });
                }
                continue;
            }
            let is_go = name.ends_with(".go");
            if !is_go && !name.ends_with(".s") {
                continue;
            }
            let file = format!("{rel}/{name}");
            let src = std::fs::read(suite.join(&file)).map_err(|e| format!("{file}: {e}"))?;
            if !constraint::go_command_builds(&name, &String::from_utf8_lossy(&src)) {
                continue;
            }
            if is_go {
                files.push(file);
            } else {
                assembly = true;
            }
        }
        if sub.is_empty() {
            root = files;
        } else if !files.is_empty() {
            pkgs.push(DirPackage { name: String::new(), files, path: format!("{module}/{sub}") });
        }
    }
    pkgs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((root, pkgs, assembly))
}

/// Splits a directory recipe's flags at `-ldflags` (run.go: the rest are
/// the linker's).
fn compiler_flags(flags: &[String]) -> &[String] {
    let end = flags.iter().position(|f| f == "-ldflags").unwrap_or(flags.len());
    &flags[..end]
}

impl Test<'_> {
    /// `X.dir`, relative to the suite.
    fn dir(&self) -> String {
        self.rel.trim_end_matches(".go").to_string() + ".dir"
    }

    /// The packages of `X.dir`, or the verdict when there are none (or a
    /// file has no package clause: run.go stops there).
    fn packages(&self) -> Result<Vec<DirPackage>, Verdict> {
        match dir_packages(&self.cfg.suite, &self.dir(), self.recipe.single_file_pkgs) {
            Ok(p) if p.is_empty() => Err(Verdict::Fail(format!("no .go files in {}", self.dir()))),
            Ok(p) => Ok(p),
            Err(e) => Err(Verdict::Fail(format!("bad test: {e}"))),
        }
    }

    /// Compiles `pkg` against `deps` (run.go's `compileInDir`).
    fn compile_package(
        &self,
        gcflags: &[String],
        deps: &[&DirPackage],
        pkg: &DirPackage,
    ) -> Result<super::Ran, Verdict> {
        let mut args = vec!["run".to_string(), "--check-only".to_string()];
        args.extend(gcflags.iter().cloned());
        args.extend(deps.iter().flat_map(|d| d.declaration()));
        args.extend(pkg.files.iter().cloned());
        self.deft(&args, &self.cfg.suite)
    }

    /// Runs the files `main` with the packages `deps` and compares the output.
    fn run_package(&self, gcflags: &[String], deps: &[&DirPackage], main: &[String]) -> Verdict {
        let mut args = vec!["run".to_string()];
        args.extend(gcflags.iter().cloned());
        args.extend(deps.iter().flat_map(|d| d.declaration()));
        args.extend(main.iter().cloned());
        args.extend(self.recipe.args.iter().cloned());
        match self.deft(&args, &self.cfg.suite) {
            Err(v) => v,
            Ok(r) if r.code != 0 => Verdict::Fail(format!("exit status {}: {}", r.code, first_line(&r.out))),
            Ok(r) => self.compare_output(&r.out),
        }
    }

    /// compiledir, errorcheckdir, rundir and errorcheckandrundir: the
    /// packages compiled in turn, error-checked when `check` (the
    /// errorcheck recipes), the last run for the run recipes.
    pub(super) fn packages_in_turn(&self, check: bool) -> Verdict {
        let pkgs = match self.packages() {
            Ok(p) => p,
            Err(v) => return v,
        };
        let flags = compiler_flags(&self.recipe.flags);
        let (compile_flags, run_flags) = match (self.gcflags(flags, &["-e"]), self.gcflags(flags, &[])) {
            (Ok(c), Ok(r)) => (c, r),
            (Err(v), _) | (_, Err(v)) => return v,
        };
        let action = self.recipe.action;
        let run = matches!(action, Action::RunDir | Action::ErrorCheckAndRunDir);
        let want_error = check && self.recipe.want_error;
        // With want_error, the package whose compilation must fail (run.go's
        // errPkg): the last, or for errorcheckandrundir the one before.
        let last = pkgs.len() - 1;
        let err_pkg = if action == Action::ErrorCheckAndRunDir { last.checked_sub(1) } else { Some(last) };
        let mut compiled: Vec<&DirPackage> = Vec::new();
        for (i, pkg) in pkgs.iter().enumerate() {
            if run && !check && i == last {
                break;
            }
            let r = match self.compile_package(&compile_flags, &compiled, pkg) {
                Ok(r) => r,
                Err(v) => return v,
            };
            let files = pkg.files.join(" ");
            let (ok, must_fail) = (r.code == 0, want_error && Some(i) == err_pkg);
            if must_fail && ok {
                return Verdict::Fail(format!("compilation of {files} succeeded unexpectedly"));
            }
            if !ok && !must_fail {
                return Verdict::Fail(format!("compilation of {files} failed: {}", first_line(&r.out)));
            }
            if check && let Some(v) = self.check_errors(&r.out, pkg) {
                return v;
            }
            if ok {
                compiled.push(pkg);
            }
        }
        if !run {
            return Verdict::Pass;
        }
        let main = &pkgs[last];
        compiled.retain(|p| *p != main);
        self.run_package(&run_flags, &compiled, &main.files)
    }

    /// Matches a compilation's output against the `// ERROR` comments of
    /// the files of `pkg`: the failure verdict, or `None`.
    fn check_errors(&self, out: &str, pkg: &DirPackage) -> Option<Verdict> {
        let mut wanted = Vec::new();
        let mut spellings = Vec::new();
        for file in &pkg.files {
            let short = file.rsplit('/').next().unwrap_or(file);
            let src = match std::fs::read(self.cfg.suite.join(file)) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => return Some(Verdict::Fail(format!("cannot read {file}: {e}"))),
            };
            match errorcheck::wanted(&src, short) {
                Ok(w) => wanted.extend(w),
                Err(e) => return Some(Verdict::Fail(format!("bad test: {e}"))),
            }
            spellings.push((self.cfg.suite.join(file).display().to_string(), short));
            spellings.push((file.clone(), short));
        }
        let names: Vec<(&str, &str)> = spellings.iter().map(|(f, s)| (f.as_str(), *s)).collect();
        let problems = errorcheck::check(out, &wanted, false, &names);
        match problems.first() {
            None => None,
            Some(p) if p == "Unmatched Errors:" => Some(Verdict::Fail(format!("unmatched error: {}", problems[1]))),
            Some(p) => Some(Verdict::Fail(p.clone())),
        }
    }

    /// runindir: run.go copies `X.dir` into a module named `X.dir` whose
    /// go.mod says `go 1.14` and runs `go run [FLAGS] .` there.
    pub(super) fn run_in_dir(&self) -> Verdict {
        let dir = self.dir();
        let module = dir.rsplit('/').next().unwrap_or(&dir).to_string();
        let (main, pkgs, assembly) = match module_packages(&self.cfg.suite, &dir, &module) {
            Ok(m) => m,
            Err(e) => return Verdict::Fail(format!("bad test: {e}")),
        };
        if assembly {
            return Verdict::Skipped(SkipKind::Assembly, "runindir with assembly files".into());
        }
        if main.is_empty() {
            return Verdict::Fail(format!("no .go files in {dir}"));
        }
        let compiler = match self.go_command_compiler_flags() {
            Ok(f) => f,
            Err(v) => return v,
        };
        let gcflags = match self.gcflags(&compiler, &["-lang=go1.14"]) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let deps: Vec<&DirPackage> = pkgs.iter().collect();
        self.run_package(&gcflags, &deps, &main)
    }

    /// builddir and buildrundir: every `.go` file of `X.dir` compiled as
    /// one package main (run.go passes the recipe's flags on to no tool).
    pub(super) fn build_dir(&self, run: bool) -> Verdict {
        let dir = self.dir();
        let mut names: Vec<String> = match std::fs::read_dir(self.cfg.suite.join(&dir)) {
            Ok(es) => es.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect(),
            Err(e) => return Verdict::Fail(format!("bad test: {dir}: {e}")),
        };
        names.sort();
        if names.iter().any(|n| n.ends_with(".s")) {
            return Verdict::Skipped(SkipKind::Assembly, format!("{} with assembly files", self.recipe.word));
        }
        let files: Vec<String> = names.iter().filter(|n| n.ends_with(".go")).map(|n| format!("{dir}/{n}")).collect();
        if run {
            return self.run_package(&[], &[], &files);
        }
        let one = DirPackage { name: "main".into(), files, path: String::new() };
        match self.compile_package(&["-gcflags=-e".to_string()], &[], &one) {
            Err(v) => v,
            Ok(r) if r.code != 0 => Verdict::Fail(format!("compilation failed: {}", first_line(&r.out))),
            Ok(_) => Verdict::Pass,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use golden::gc::TempDir;

    fn write(dir: &Path, name: &str, text: &str) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn packages_in_file_order() {
        let tmp = TempDir::new("conformance-dirs").unwrap();
        let d = tmp.0.join("x.dir");
        write(&d, "a.go", "// Copyright\n\npackage a\n");
        write(&d, "a2.go", "package a\n");
        write(&d, "b.go", "package b // comment\n\nimport \"./a\"\n");
        write(&d, "main.go", "/*\npackage notthis\n*/\npackage main\n");
        write(&d, "notes.txt", "package text\n");
        let pkgs = dir_packages(&tmp.0, "x.dir", false).unwrap();
        let have: Vec<(&str, &str, usize)> =
            pkgs.iter().map(|p| (p.name.as_str(), p.path.as_str(), p.files.len())).collect();
        // run.go's regular expression takes the first line starting `package`, even in a comment.
        assert_eq!(have, [("a", "test/a", 2), ("b", "test/b", 1), ("notthis", "test/main", 1)]);
        assert_eq!(pkgs[0].declaration(), ["--package", "test/a=x.dir/a.go,x.dir/a2.go"]);
        let single = dir_packages(&tmp.0, "x.dir", true).unwrap();
        assert_eq!(
            single.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
            ["test/a", "test/a2", "test/b", "test/main"]
        );
    }

    #[test]
    fn module_layout() {
        let tmp = TempDir::new("conformance-dirs").unwrap();
        let d = tmp.0.join("m.dir");
        write(&d, "main.go", "package main\n");
        write(&d, "main_test.go", "package main\n");
        write(&d, "asm_ppc64le.s", "");
        write(&d, "p1/ssa/ssa.go", "package ssa\n");
        write(&d, "p1/x_windows.go", "package p1\n");
        write(&d, "bad/bad.go", "package bad\n");
        write(&d, "testdata/t.go", "package t\n");
        let (main, pkgs, asm) = module_packages(&tmp.0, "m.dir", "m.dir").unwrap();
        assert_eq!(main, ["m.dir/main.go"]);
        assert!(!asm);
        let have: Vec<(&str, &[String])> = pkgs.iter().map(|p| (p.path.as_str(), p.files.as_slice())).collect();
        assert_eq!(
            have,
            [
                ("m.dir/bad", &["m.dir/bad/bad.go".to_string()][..]),
                ("m.dir/p1/ssa", &["m.dir/p1/ssa/ssa.go".to_string()][..])
            ]
        );
        write(&d, "call_amd64.s", "");
        assert!(module_packages(&tmp.0, "m.dir", "m.dir").unwrap().2);
    }

    #[test]
    fn linker_flags_split_off() {
        let flags: Vec<String> = ["-l=4", "-ldflags", "-strictdups=2", "-w=0"].map(String::from).to_vec();
        assert_eq!(compiler_flags(&flags), ["-l=4"]);
    }
}
