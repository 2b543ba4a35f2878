//! Producing an expectation by running gc, the reference implementation.
//!
//! `go build [FLAGS] -o TMP/prog FILES` in the program's directory (`.`
//! instead of the files for a directory with a go.mod), then
//! `TMP/prog` run from the case's working directory with empty standard
//! input. Never `go run`, which adds its own `exit status 2` line. When the
//! build fails, the expectation is exit status 1 (see [`COMPILE_ERROR_EXIT`])
//! and the build's standard error. When it succeeds, the build's standard error (non-empty only for
//! flags such as `-gcflags=-d=defer`) comes first in the expected stderr,
//! followed by the program's. The `# command-line-arguments` banner is
//! dropped and everything is normalized (see `normalize`).
//!
//! A test case (`// deft-test:`) is `go test FLAGS WORDS` run from the
//! project in its environment: the exit status, standard output (timings
//! normalized, see `normalize`) and standard error (banners dropped).
//!
//! A project (see `case`) is built the way `go run` builds it, from the
//! directory it runs from, in the environment of
//! `case::Project::environment` (its own module cache, no network):
//! `go build [FLAGS] -o TMP/exe/ OPERANDS`, so that the executable gets the
//! name `go run` gives it (`tool` for `./cmd/tool`, `main` for `main.go
//! x.go`: what the program sees in `os.Args[0]`), then `TMP/exe/NAME ARGS`.
//! When that build fails, the expectation is `go run [FLAGS] WORDS`'s
//! standard error (without its banners) and exit status 1: the go command's
//! own errors (`package example.com/m/lib is not a main package`) are
//! worded for `go run`, not `go build -o`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::case::{Case, Project, split_run_args};
use crate::expect::Expectation;
use crate::normalize::{Paths, normalize_stderr, normalize_test_stdout, strip_build_banner};
use crate::process::{self, Status, Streams};

/// How to run gc.
#[derive(Clone, Debug)]
pub struct Gc {
    /// The `go` command.
    pub go: PathBuf,
    /// Time limit for the built program (the build gets five minutes).
    pub timeout: Duration,
}

impl Default for Gc {
    fn default() -> Self {
        Gc { go: PathBuf::from("go"), timeout: Duration::from_secs(10) }
    }
}

/// The exit status recorded when gc rejects a program: that of gc's
/// compiler (`go tool compile`) and of deft, not `go build`'s 2.
pub const COMPILE_ERROR_EXIT: i32 = 1;

static TMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A temporary directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// Creates a fresh directory under the system's temporary directory.
    pub fn new(tag: &str) -> std::io::Result<TempDir> {
        let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("deft-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Gc {
    /// `go version`'s line, e.g. `go version go1.19.8 linux/amd64`.
    pub fn version(&self) -> Result<String, String> {
        let out = Command::new(&self.go).arg("version").output().map_err(|e| format!("{}: {e}", self.go.display()))?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// `go env GOROOT`, asked once; empty if the go command fails.
    pub fn goroot(&self) -> &'static str {
        static GOROOT: OnceLock<String> = OnceLock::new();
        GOROOT.get_or_init(|| go_env_goroot(&self.go))
    }

    /// Builds and runs `case` with gc and returns what it did, and whether
    /// the build succeeded.
    pub fn expectation(&self, case: &Case) -> Result<(Expectation, bool), String> {
        if let Some(project) = &case.project {
            return self.project_expectation(case, project);
        }
        let paths = Paths::of_files(&case.files).dir(self.goroot(), "$GOROOT");
        let tmp = TempDir::new("gc").map_err(|e| format!("temporary directory: {e}"))?;
        let prog = tmp.0.join("prog");
        let mut build = Command::new(&self.go);
        build.arg("build").args(&case.flags).arg("-o").arg(&prog);
        // A directory with its own go.mod is a module: built as the package
        // `.`, so that its `go` line sets the language version (files named
        // one by one belong to no module and get the toolchain's version).
        if case.is_dir && case.source_dir().join("go.mod").is_file() {
            build.arg(".");
        } else {
            build.args(&case.files);
        }
        build.current_dir(case.source_dir()).env("GOFLAGS", "").env("GO111MODULE", "");
        let built = process::run(build, Duration::from_secs(300), Streams::Separate)
            .map_err(|e| format!("{}: {e}", self.go.display()))?;
        let build_stderr = strip_build_banner(&built.stderr);
        match built.status {
            Status::Exited(0) => {}
            Status::Exited(_) => {
                // `go build` exits 2 here; gc's compiler itself (`go tool
                // compile`) exits 1, and 1 is deft's contract for compile errors.
                let stderr = normalize_stderr(&build_stderr, &paths);
                return Ok((Expectation { exit: COMPILE_ERROR_EXIT, stdout: built.stdout, stderr }, false));
            }
            other => return Err(format!("go build: {other}")),
        }
        let mut run = Command::new(&prog);
        run.current_dir(&case.cwd);
        let ran = process::run_with_stdin(run, self.timeout, Streams::Separate, case.stdin.as_deref())
            .map_err(|e| format!("running gc's build: {e}"))?;
        let Status::Exited(exit) = ran.status else {
            return Err(format!("gc's build of {}: {}", case.name, ran.status));
        };
        let mut stderr = build_stderr;
        stderr.extend_from_slice(&ran.stderr);
        Ok((Expectation { exit, stdout: ran.stdout, stderr: normalize_stderr(&stderr, &paths) }, true))
    }

    /// A project's expectation, as the module doc describes.
    fn project_expectation(&self, case: &Case, project: &Project) -> Result<(Expectation, bool), String> {
        let env = project.environment(&case.cwd)?;
        let paths = project_paths(project, &env.cache.0, self.goroot());
        if case.test {
            // `go test FLAGS WORDS`: its exit status and both streams; it
            // "builds" unless a package's build failed.
            let mut cmd = Command::new(&self.go);
            cmd.arg("test").args(&case.flags).args(&case.args).current_dir(&case.cwd);
            env.apply(&mut cmd);
            let ran = process::run(cmd, Duration::from_secs(300), Streams::Separate)
                .map_err(|e| format!("{}: {e}", self.go.display()))?;
            let Status::Exited(exit) = ran.status else {
                return Err(format!("go test: {}", ran.status));
            };
            let text = String::from_utf8_lossy(&ran.stdout);
            let built = !text.contains(" [build failed]") && !text.contains(" [setup failed]");
            let stdout = normalize_test_stdout(&ran.stdout, &paths);
            let stderr = normalize_stderr(&strip_build_banner(&ran.stderr), &paths);
            return Ok((Expectation { exit, stdout, stderr }, built));
        }
        let tmp = TempDir::new("gc").map_err(|e| format!("temporary directory: {e}"))?;
        let exe_dir = tmp.0.join("exe");
        let (operands, program_args) = split_run_args(&case.args);
        let mut build = Command::new(&self.go);
        build.arg("build").args(&case.flags).arg("-o").arg(format!("{}/", exe_dir.display())).args(operands);
        build.current_dir(&case.cwd);
        env.apply(&mut build);
        let built = process::run(build, Duration::from_secs(300), Streams::Separate)
            .map_err(|e| format!("{}: {e}", self.go.display()))?;
        let exe = match built.status {
            Status::Exited(0) => single_entry(&exe_dir)?,
            Status::Exited(_) => None,
            other => return Err(format!("go build: {other}")),
        };
        let Some(exe) = exe else {
            // Rejected (or no executable, as for a package that is not
            // main): the go command's errors as `go run` words them.
            let mut run = Command::new(&self.go);
            run.arg("run").args(&case.flags).args(&case.args).current_dir(&case.cwd);
            env.apply(&mut run);
            let ran = process::run(run, Duration::from_secs(300), Streams::Separate)
                .map_err(|e| format!("{}: {e}", self.go.display()))?;
            if ran.status == Status::Exited(0) {
                return Err("`go build` fails but `go run` succeeds".into());
            }
            let stderr = normalize_stderr(&strip_build_banner(&ran.stderr), &paths);
            return Ok((Expectation { exit: COMPILE_ERROR_EXIT, stdout: ran.stdout, stderr }, false));
        };
        let mut run = Command::new(&exe);
        run.args(program_args).current_dir(&case.cwd);
        env.apply(&mut run);
        let ran = process::run_with_stdin(run, self.timeout, Streams::Separate, case.stdin.as_deref())
            .map_err(|e| format!("running gc's build: {e}"))?;
        let Status::Exited(exit) = ran.status else {
            return Err(format!("gc's build of {}: {}", case.name, ran.status));
        };
        let mut stderr = strip_build_banner(&built.stderr);
        stderr.extend_from_slice(&ran.stderr);
        Ok((Expectation { exit, stdout: ran.stdout, stderr: normalize_stderr(&stderr, &paths) }, true))
    }
}

/// How a project's paths are normalized: its directory, its module cache
/// and Go's root (see `normalize`).
pub fn project_paths(project: &Project, modcache: &Path, goroot: &str) -> Paths {
    Paths::default()
        .dir(&project.root.to_string_lossy(), ".")
        .dir(&modcache.to_string_lossy(), "$GOMODCACHE")
        .dir(goroot, "$GOROOT")
}

/// `go env GOROOT` of the go command `go`; empty when it fails.
pub fn go_env_goroot(go: &Path) -> String {
    Command::new(go)
        .args(["env", "GOROOT"])
        .env("GOTOOLCHAIN", "local")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

/// The one file `go build -o DIR/` wrote, if any.
fn single_entry(dir: &Path) -> Result<Option<PathBuf>, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(None);
    };
    let entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    match entries.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        _ => Err(format!("`go build -o {}/` wrote {} files, want one", dir.display(), entries.len())),
    }
}
