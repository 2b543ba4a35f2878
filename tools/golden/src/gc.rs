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

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::case::Case;
use crate::expect::Expectation;
use crate::normalize::{normalize_stderr, strip_build_banner};
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

    /// Builds and runs `case` with gc and returns what it did, and whether
    /// the build succeeded.
    pub fn expectation(&self, case: &Case) -> Result<(Expectation, bool), String> {
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
                let stderr = normalize_stderr(&build_stderr, &case.files);
                return Ok((Expectation { exit: COMPILE_ERROR_EXIT, stdout: built.stdout, stderr }, false));
            }
            other => return Err(format!("go build: {other}")),
        }
        let mut run = Command::new(&prog);
        run.current_dir(&case.cwd);
        let ran = process::run(run, self.timeout, Streams::Separate).map_err(|e| format!("running gc's build: {e}"))?;
        let Status::Exited(exit) = ran.status else {
            return Err(format!("gc's build of {}: {}", case.name, ran.status));
        };
        let mut stderr = build_stderr;
        stderr.extend_from_slice(&ran.stderr);
        Ok((Expectation { exit, stdout: ran.stdout, stderr: normalize_stderr(&stderr, &case.files) }, true))
    }
}
