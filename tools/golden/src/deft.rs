//! Finding the `deft` binary and running a case under it.
//!
//! Which binary: `--deft PATH` where a command takes it, else the `DEFT_BIN`
//! environment variable (relative to the workspace root), else `TARGET/release/deft`, where `TARGET` is
//! `$CARGO_TARGET_DIR` or the cargo target directory this tool itself was
//! built into (found by walking up from the running executable to the
//! directory holding cargo's `CACHEDIR.TAG`), or `<workspace>/target`.
//! [`build_release`] runs `cargo build --release -p deft` first, so a test
//! never measures a stale binary.
//!
//! A case runs as `deft run [FLAGS] WORDS` from the case's directory
//! (`Case::cwd`, `Case::args`); a project in the environment of
//! `case::Project::environment`, the same gc is given, with a module cache
//! of its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::case::{Case, RunEnv};
use crate::expect::Expectation;
use crate::gc::{go_env_goroot, project_paths};
use crate::normalize::{Paths, normalize_stderr};
use crate::process::{self, Status, Streams};

/// The workspace root (this crate lives in `<root>/tools/golden`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap_or_else(|_| PathBuf::from("."))
}

/// Cargo's target directory, as the module doc describes.
pub fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.ancestors().skip(1).find(|d| d.join("CACHEDIR.TAG").is_file())
    {
        return dir.to_path_buf();
    }
    workspace_root().join("target")
}

/// `DEFT_BIN`, else the release binary in the target directory. A
/// relative `DEFT_BIN` is taken relative to the workspace root (cargo runs
/// tests from the package directory, so the caller's directory is lost).
pub fn default_binary() -> PathBuf {
    match std::env::var_os("DEFT_BIN") {
        Some(p) if Path::new(&p).is_relative() => workspace_root().join(p),
        Some(p) => PathBuf::from(p),
        None => target_dir().join("release/deft"),
    }
}

/// `p` made absolute against the current directory (cases run elsewhere).
pub fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        return p.to_path_buf();
    }
    std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf())
}

/// Builds deft with `cargo build --release -p deft` (unless `DEFT_BIN` is
/// set, which names a binary to use as is) and returns its path.
pub fn build_release() -> Result<PathBuf, String> {
    if std::env::var_os("DEFT_BIN").is_some() {
        return Ok(default_binary());
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(&cargo)
        .args(["build", "--release", "-p", "deft"])
        .current_dir(workspace_root())
        .env("CARGO_TARGET_DIR", target_dir())
        .status()
        .map_err(|e| format!("running cargo: {e}"))?;
    if !status.success() {
        return Err(format!("`cargo build --release -p deft` failed ({status})"));
    }
    Ok(target_dir().join("release/deft"))
}

/// What deft did with a case.
#[derive(Clone, Debug)]
pub struct Observed {
    /// How the process ended.
    pub status: Status,
    /// Exit code, stdout, and normalized stderr (exit is -1 unless it exited).
    pub behaviour: Expectation,
    /// Wall time.
    pub elapsed: Duration,
}

/// The command `deft run FLAGS WORDS`, run from the case's directory, in
/// a project's environment `env`.
pub fn command(deft: &Path, case: &Case, env: Option<&RunEnv>) -> Command {
    let mut cmd = Command::new(deft);
    cmd.arg("run").args(&case.flags).args(&case.args).current_dir(&case.cwd);
    if let Some(env) = env {
        env.apply(&mut cmd);
    }
    cmd
}

/// The Go root deft reads (and names in messages): `$DEFT_GOROOT`, else
/// `go env GOROOT`; asked once.
pub fn deft_goroot() -> &'static str {
    static GOROOT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    GOROOT.get_or_init(|| match std::env::var("DEFT_GOROOT") {
        Ok(dir) if !dir.is_empty() => dir,
        _ => go_env_goroot(Path::new("go")),
    })
}

/// Runs a case under deft with a time limit.
pub fn observe(deft: &Path, case: &Case, timeout: Duration) -> Result<Observed, String> {
    let env = case.project.as_ref().map(|p| p.environment(&case.cwd)).transpose()?;
    let paths = match (&case.project, &env) {
        (Some(project), Some(env)) => project_paths(project, &env.cache.0, deft_goroot()),
        _ => Paths::of_files(&case.files).dir(deft_goroot(), "$GOROOT"),
    };
    let out = process::run(command(deft, case, env.as_ref()), timeout, Streams::Separate)
        .map_err(|e| format!("cannot run {}: {e}", deft.display()))?;
    let behaviour = Expectation {
        exit: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: normalize_stderr(&out.stderr, &paths),
    };
    Ok(Observed { status: out.status, behaviour, elapsed: out.elapsed })
}
