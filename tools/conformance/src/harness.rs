//! Running one test of Go's suite under deft and judging it like run.go.
//!
//! deft is a black box, invoked from the suite's root directory with the
//! test's path relative to it (as run.go does with `go run`):
//!
//! ```text
//! run, buildrun      deft run [-gcflags=F] PATH ARGS...        exit 0, output == X.out (or empty)
//! runoutput          deft run PATH > tmp__.go; deft run tmp__.go   output == X.out
//! errorcheck         deft run --check-only -gcflags='-e F' PATH    // ERROR comments matched
//! errorcheckoutput   deft run PATH > tmp__.go; errorcheck tmp__.go
//! compile, build     deft run --check-only [-gcflags=F] PATH       exit 0
//! compiledir, errorcheckdir, rundir, errorcheckandrundir, runindir,
//! builddir, buildrundir: the packages of X.dir (see `dirs`)
//! ```
//!
//! Output is standard output and standard error through one pipe, as run.go
//! collects it. Before judging, deft's behaviour is classified: killed by a
//! signal, a Rust panic (`thread '…' panicked at`, exit 101) or an
//! `internal compiler error` is a **crash**; running past the time limit a
//! **timeout**; a `deft does not support … yet` diagnostic **unsupported**.
//!
//! Compiler flags of a recipe are kept when deft implements them (`-N`, `-l`,
//! `-e`, `-d=defer`), dropped when they cannot change the verdict (`-C`,
//! `-c=N`, `-l=N`, `-d=panic`, `-d=ssa/check/on`), and any other flag (`-m`,
//! `-live`, `-race`, `-lang=…`, `-d=ssa/…`, …) makes the test **skipped**:
//! it asks for gc-internal output or behaviour outside the language.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use golden::gc::TempDir;
use golden::process::{self, Status, Streams};

use crate::errorcheck;
use crate::recipe::{self, Action, Header, Recipe};

pub mod dirs;

/// The directories of the suite that hold single-file tests (run.go's `dirs`).
pub const DIRS: &[&str] = &[
    ".",
    "ken",
    "chan",
    "interface",
    "syntax",
    "dwarf",
    "fixedbugs",
    "codegen",
    "runtime",
    "abi",
    "typeparam",
    "typeparam/mdempsky",
];

/// Why a test was not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipKind {
    /// The recipe says `skip`.
    SkipRecipe,
    /// Build constraints exclude linux/amd64/gc, or need cgo.
    Constraints,
    /// The recipe needs a gc-specific flag or GOEXPERIMENT.
    GcFlags,
    /// `asmcheck`, or a test directory with assembly files.
    Assembly,
    /// No usable recipe.
    Malformed,
}

impl SkipKind {
    /// A short label for reports.
    pub fn label(self) -> &'static str {
        match self {
            SkipKind::SkipRecipe => "skip recipe",
            SkipKind::Constraints => "build constraints",
            SkipKind::GcFlags => "gc-specific flags",
            SkipKind::Assembly => "asmcheck or assembly",
            SkipKind::Malformed => "malformed recipe",
        }
    }
}

/// The verdict on one test file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// deft behaved as run.go requires.
    Pass,
    /// It did not; the first difference.
    Fail(String),
    /// deft crashed; how.
    Crash(String),
    /// deft ran past the time limit.
    Timeout,
    /// deft said it does not support something yet; its message.
    Unsupported(String),
    /// Not run; why.
    Skipped(SkipKind, String),
}

/// What the harness needs to run tests.
#[derive(Clone, Debug)]
pub struct Config {
    /// The suite's root, e.g. `/usr/lib/go-1.19/test`.
    pub suite: PathBuf,
    /// The deft binary.
    pub deft: PathBuf,
    /// Time limit per deft invocation.
    pub timeout: Duration,
}

/// Every test file of the suite, as paths relative to its root, sorted.
pub fn discover(suite: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for dir in DIRS {
        let Ok(entries) = std::fs::read_dir(suite.join(dir)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| !n.starts_with('.') && n.ends_with(".go"))
            .filter(|n| suite.join(dir).join(n).is_file())
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| if *dir == "." { n } else { format!("{dir}/{n}") }));
    }
    out
}

/// The directory column of a test path: `test/`, `test/fixedbugs/`, ...
pub fn directory_of(rel: &str) -> String {
    match rel.rsplit_once('/') {
        Some((dir, _)) => format!("test/{dir}/"),
        None => "test/".to_string(),
    }
}

/// Runs one test and judges it.
pub fn run_test(cfg: &Config, rel: &str) -> Verdict {
    let path = cfg.suite.join(rel);
    let src = match std::fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => return Verdict::Fail(format!("cannot read: {e}")),
    };
    let recipe = match recipe::parse(&src) {
        Header::Test(r) => r,
        Header::Excluded(line) => return Verdict::Skipped(SkipKind::Constraints, line),
        Header::Malformed(why) => return Verdict::Skipped(SkipKind::Malformed, why),
    };
    if !recipe.goexperiment.is_empty() {
        return Verdict::Skipped(SkipKind::GcFlags, format!("-goexperiment {}", recipe.goexperiment.join(",")));
    }
    let t = Test { cfg, rel, src: &src, recipe: &recipe };
    match recipe.action {
        Action::Skip => Verdict::Skipped(SkipKind::SkipRecipe, "// skip".into()),
        Action::AsmCheck => Verdict::Skipped(SkipKind::Assembly, "asmcheck".into()),
        Action::Run | Action::BuildRun => t.run(),
        Action::RunOutput => t.run_output(),
        Action::ErrorCheck => t.error_check(),
        Action::ErrorCheckOutput => t.error_check_output(),
        Action::Compile => t.compile(),
        Action::CompileDir | Action::RunDir => t.packages_in_turn(false),
        Action::ErrorCheckDir | Action::ErrorCheckAndRunDir => t.packages_in_turn(true),
        Action::RunInDir => t.run_in_dir(),
        Action::BuildDir => t.build_dir(false),
        Action::BuildRunDir => t.build_dir(true),
    }
}

struct Test<'a> {
    cfg: &'a Config,
    rel: &'a str,
    src: &'a str,
    recipe: &'a Recipe,
}

/// What a deft invocation did: exit code (when it exited) and combined output.
struct Ran {
    code: i32,
    out: String,
    bytes: Vec<u8>,
}

impl Test<'_> {
    /// Runs deft with `args` from `cwd`; a crash, timeout or unsupported
    /// report is returned as the verdict (`Err`).
    fn deft(&self, args: &[String], cwd: &Path) -> Result<Ran, Verdict> {
        let mut cmd = Command::new(&self.cfg.deft);
        cmd.args(args).current_dir(cwd);
        // run.go sets these for every command it runs; some tests read them.
        for (k, v) in [("GOOS", "linux"), ("GOARCH", "amd64")] {
            if std::env::var_os(k).is_none() {
                cmd.env(k, v);
            }
        }
        let out = process::run(cmd, self.cfg.timeout, Streams::Combined)
            .map_err(|e| Verdict::Crash(format!("cannot run {}: {e}", self.cfg.deft.display())))?;
        let (code, text) = classify(&out)?;
        Ok(Ran { code, out: text, bytes: out.stdout })
    }

    /// `-gcflags=...` for deft from compiler flags, or the skip verdict.
    fn gcflags(&self, flags: &[String], extra: &[&str]) -> Result<Vec<String>, Verdict> {
        let mut kept: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        for f in flags {
            match compiler_flag(f) {
                Ok(Some(f)) => kept.push(f),
                Ok(None) => {}
                Err(f) => return Err(Verdict::Skipped(SkipKind::GcFlags, f)),
            }
        }
        kept.dedup();
        Ok(if kept.is_empty() { vec![] } else { vec![format!("-gcflags={}", kept.join(" "))] })
    }

    /// The recipe's flags as go-command flags (`run`): only `-gcflags`.
    fn go_command_gcflags(&self) -> Result<Vec<String>, Verdict> {
        self.gcflags(&self.go_command_compiler_flags()?, &[])
    }

    /// The compiler flags in the recipe's go-command flags (`-gcflags`),
    /// or the skip verdict for any other go-command flag.
    fn go_command_compiler_flags(&self) -> Result<Vec<String>, Verdict> {
        let mut compiler = Vec::new();
        let mut it = self.recipe.flags.iter();
        while let Some(f) = it.next() {
            let f = f.strip_prefix('-').unwrap_or(f);
            let value = if let Some(v) = f.strip_prefix("-gcflags=").or_else(|| f.strip_prefix("gcflags=")) {
                v.to_string()
            } else if f == "gcflags" || f == "-gcflags" {
                it.next().cloned().unwrap_or_default()
            } else {
                return Err(Verdict::Skipped(SkipKind::GcFlags, format!("-{f}")));
            };
            let value = value.strip_prefix("all=").unwrap_or(&value).to_string();
            compiler.extend(value.split_whitespace().map(str::to_string));
        }
        Ok(compiler)
    }

    fn expected_output(&self) -> String {
        let out = self.cfg.suite.join(self.rel.trim_end_matches(".go").to_string() + ".out");
        std::fs::read(out).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
    }

    fn compare_output(&self, have: &str) -> Verdict {
        let want = self.expected_output();
        if have == want {
            return Verdict::Pass;
        }
        Verdict::Fail(first_difference(&want, have))
    }

    fn run(&self) -> Verdict {
        let flags = match self.go_command_gcflags() {
            Ok(f) => f,
            Err(v) => return v,
        };
        let mut args = vec!["run".to_string()];
        args.extend(flags);
        args.push(self.rel.to_string());
        args.extend(self.recipe.args.iter().cloned());
        match self.deft(&args, &self.cfg.suite) {
            Err(v) => v,
            Ok(r) if r.code != 0 => Verdict::Fail(format!("exit status {}: {}", r.code, first_line(&r.out))),
            Ok(r) => self.compare_output(&r.out),
        }
    }

    /// Runs the test file and writes what it printed to `tmp/tmp__.go`.
    fn generate(&self, tmp: &Path) -> Result<PathBuf, Verdict> {
        let mut args = vec!["run".to_string(), self.rel.to_string()];
        args.extend(self.recipe.args.iter().cloned());
        let r = self.deft(&args, &self.cfg.suite)?;
        if r.code != 0 {
            return Err(Verdict::Fail(format!("generator: exit status {}: {}", r.code, first_line(&r.out))));
        }
        let file = tmp.join("tmp__.go");
        std::fs::write(&file, r.bytes).map_err(|e| Verdict::Fail(format!("writing tmp__.go: {e}")))?;
        Ok(file)
    }

    fn run_output(&self) -> Verdict {
        let Ok(tmp) = TempDir::new("conformance") else {
            return Verdict::Fail("no temporary directory".into());
        };
        let file = match self.generate(&tmp.0) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let args = vec!["run".to_string(), file.display().to_string()];
        match self.deft(&args, &tmp.0) {
            Err(v) => v,
            Ok(r) if r.code != 0 => {
                Verdict::Fail(format!("generated program: exit status {}: {}", r.code, first_line(&r.out)))
            }
            Ok(r) => self.compare_output(&r.out),
        }
    }

    fn error_check(&self) -> Verdict {
        let short = self.rel.rsplit('/').next().unwrap_or(self.rel);
        let full = self.cfg.suite.join(self.rel).display().to_string();
        self.error_check_file(self.rel, self.src, &self.cfg.suite, &[(&full, short), (self.rel, short)], short)
    }

    fn error_check_output(&self) -> Verdict {
        let Ok(tmp) = TempDir::new("conformance") else {
            return Verdict::Fail("no temporary directory".into());
        };
        let file = match self.generate(&tmp.0) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let src = String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).into_owned();
        let full = file.display().to_string();
        self.error_check_file("tmp__.go", &src, &tmp.0, &[(&full, "tmp__.go")], "tmp__.go")
    }

    /// Compiles `operand` (from `cwd`) and checks its diagnostics against
    /// the `// ERROR` comments of `src`; `names` are the spellings of the
    /// file in the output, each with the base name `short` it becomes.
    fn error_check_file(&self, operand: &str, src: &str, cwd: &Path, names: &[(&str, &str)], short: &str) -> Verdict {
        let flags = match self.gcflags(&self.recipe.flags, &["-e"]) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let wanted = match errorcheck::wanted(src, short) {
            Ok(w) => w,
            Err(e) => return Verdict::Fail(format!("bad test: {e}")),
        };
        let mut args = vec!["run".to_string(), "--check-only".to_string()];
        args.extend(flags);
        args.push(operand.to_string());
        let r = match self.deft(&args, cwd) {
            Ok(r) => r,
            Err(v) => return v,
        };
        if self.recipe.want_error && r.code == 0 {
            return Verdict::Fail("compilation succeeded unexpectedly".into());
        }
        if !self.recipe.want_error && r.code != 0 {
            return Verdict::Fail(format!("compilation failed: {}", first_line(&r.out)));
        }
        let want_auto = self.recipe.word == "errorcheckwithauto";
        let problems = errorcheck::check(&r.out, &wanted, want_auto, names);
        match problems.first() {
            None => Verdict::Pass,
            Some(p) if p == "Unmatched Errors:" => Verdict::Fail(format!("unmatched error: {}", problems[1])),
            Some(p) => Verdict::Fail(p.clone()),
        }
    }

    fn compile(&self) -> Verdict {
        let flags = match self.gcflags(&self.recipe.flags, &[]) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let mut args = vec!["run".to_string(), "--check-only".to_string()];
        args.extend(flags);
        args.push(self.rel.to_string());
        match self.deft(&args, &self.cfg.suite) {
            Err(v) => v,
            Ok(r) if r.code != 0 => Verdict::Fail(format!("compilation failed: {}", first_line(&r.out))),
            Ok(_) => Verdict::Pass,
        }
    }
}

/// What a deft invocation that ran to the end did: its exit code and its
/// output (CRLF made LF); or the verdict when it crashed (a signal, a Rust
/// panic, an internal compiler error), timed out, or said that it does not
/// support something yet.
pub fn classify(out: &process::Output) -> Result<(i32, String), Verdict> {
    let text = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    let code = match out.status {
        Status::TimedOut => return Err(Verdict::Timeout),
        Status::Signaled(sig) => return Err(Verdict::Crash(format!("killed by signal {sig}"))),
        Status::Exited(code) => code,
    };
    if let Some(line) = text.lines().find(|l| l.contains("panicked at") && l.starts_with("thread '")) {
        return Err(Verdict::Crash(line.to_string()));
    }
    if code == 101 {
        return Err(Verdict::Crash("exit status 101 (a Rust panic)".into()));
    }
    if let Some(line) = text.lines().find(|l| l.contains("internal compiler error")) {
        return Err(Verdict::Crash(line.to_string()));
    }
    if let Some(line) = text.lines().find(|l| l.contains("deft does not support")) {
        return Err(Verdict::Unsupported(line.to_string()));
    }
    Ok((code, text))
}

/// Classifies one compiler flag: `Ok(Some)` passed to deft, `Ok(None)`
/// dropped, `Err` not supported (the test is skipped).
pub fn compiler_flag(f: &str) -> Result<Option<String>, String> {
    match f {
        "-N" | "-l" | "-e" => return Ok(Some(f.to_string())),
        "-C" => return Ok(None),
        _ => {}
    }
    if let Some(n) = f.strip_prefix("-c=").or_else(|| f.strip_prefix("-l="))
        && n.chars().all(|c| c.is_ascii_digit())
    {
        return Ok(None);
    }
    if let Some(list) = f.strip_prefix("-d=") {
        let mut pass = false;
        for item in list.split(',') {
            match item {
                "defer" => pass = true,
                "panic" | "ssa/check/on" => {}
                _ => return Err(f.to_string()),
            }
        }
        return Ok(pass.then(|| "-d=defer".to_string()));
    }
    Err(f.to_string())
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("(no output)").to_string()
}

/// `line N: have "...", want "..."` for the first differing line.
pub fn first_difference(want: &str, have: &str) -> String {
    let (w, h): (Vec<&str>, Vec<&str>) = (want.split_inclusive('\n').collect(), have.split_inclusive('\n').collect());
    let i = w.iter().zip(&h).take_while(|(a, b)| a == b).count();
    let show = |v: &Vec<&str>| v.get(i).map_or("<end of output>".to_string(), |l| format!("{l:?}"));
    format!("output line {}: have {}, want {}", i + 1, show(&h), show(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_classes() {
        assert_eq!(compiler_flag("-N"), Ok(Some("-N".into())));
        assert_eq!(compiler_flag("-d=defer"), Ok(Some("-d=defer".into())));
        assert_eq!(compiler_flag("-d=panic"), Ok(None));
        assert_eq!(compiler_flag("-l=4"), Ok(None));
        assert_eq!(compiler_flag("-m"), Err("-m".into()));
        assert_eq!(compiler_flag("-d=ssa/prove/debug=1"), Err("-d=ssa/prove/debug=1".into()));
        assert_eq!(compiler_flag("-lang=go1.17"), Err("-lang=go1.17".into()));
    }

    #[test]
    fn differences() {
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), r#"output line 2: have "c\n", want "b\n""#);
        assert_eq!(first_difference("a\n", "a\nx\n"), r#"output line 2: have "x\n", want <end of output>"#);
    }

    #[test]
    fn directories() {
        assert_eq!(directory_of("defer.go"), "test/");
        assert_eq!(directory_of("fixedbugs/issue1.go"), "test/fixedbugs/");
        assert_eq!(directory_of("typeparam/mdempsky/1.go"), "test/typeparam/mdempsky/");
    }
}
