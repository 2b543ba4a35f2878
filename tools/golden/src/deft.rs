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
//! of its own. In [`Mode::Build`] it is instead built by `deft build
//! [FLAGS] OPERANDS` into a scratch directory and the executable run with
//! the program's arguments from the same directory: what is observed is
//! the build's failure, or the executable's behaviour.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::case::{Case, RunEnv, split_run_args};
use crate::expect::Expectation;
use crate::gc::{TempDir, go_env_goroot, project_paths};
use crate::normalize::{Paths, normalize_stderr, normalize_test_stdout};
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

/// How deft runs a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `deft run` (`deft test` for a test case).
    Run,
    /// `deft build`, then the executable (see the module doc). Test cases
    /// (`deft test -c`) are not run this way.
    Build,
}

/// The command `deft run FLAGS WORDS` (`deft test` for a test case), run
/// from the case's directory, in
/// a project's environment `env`.
pub fn command(deft: &Path, case: &Case, env: Option<&RunEnv>) -> Command {
    let mut cmd = Command::new(deft);
    cmd.arg(if case.test { "test" } else { "run" }).args(&case.flags).args(&case.args).current_dir(&case.cwd);
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

/// Runs a case under deft with a time limit (each of the build and the
/// run in [`Mode::Build`]).
pub fn observe(deft: &Path, case: &Case, timeout: Duration, mode: Mode) -> Result<Observed, String> {
    let env = case.project.as_ref().map(|p| p.environment(&case.cwd)).transpose()?;
    let paths = match (&case.project, &env) {
        (Some(project), Some(env)) => project_paths(project, &env.cache.0, deft_goroot()),
        _ => Paths::of_files(&case.files).dir(deft_goroot(), "$GOROOT"),
    };
    let scratch = TempDir::new("golden-build").map_err(|e| format!("scratch directory: {e}"))?;
    let out = match mode {
        Mode::Build if !case.test => build_and_run(deft, case, env.as_ref(), &scratch.0, timeout)?,
        _ => process::run_with_stdin(
            command(deft, case, env.as_ref()),
            timeout,
            Streams::Separate,
            case.stdin.as_deref(),
        )
        .map_err(|e| format!("cannot run {}: {e}", deft.display()))?,
    };
    let behaviour = Expectation {
        exit: out.status.code().unwrap_or(-1),
        stdout: if case.test { normalize_test_stdout(&out.stdout, &paths) } else { out.stdout },
        stderr: normalize_stderr(&out.stderr, &paths),
    };
    Ok(Observed { status: out.status, behaviour, elapsed: out.elapsed })
}

/// `deft build -o SCRATCH/ FLAGS OPERANDS`, then, if it succeeded, the
/// executable it wrote (the only file in `scratch`) with the program's
/// arguments: what the build printed (the `-d=defer` report) followed by
/// what the executable did, as `go run` builds and then runs.
fn build_and_run(
    deft: &Path,
    case: &Case,
    env: Option<&RunEnv>,
    scratch: &Path,
    timeout: Duration,
) -> Result<process::Output, String> {
    let (operands, program_args) = split_run_args(&case.args);
    let mut build = Command::new(deft);
    build.arg("build").arg("-o").arg(format!("{}/", scratch.display()));
    build.args(&case.flags).args(operands).current_dir(&case.cwd);
    if let Some(env) = env {
        env.apply(&mut build);
    }
    let built =
        process::run(build, timeout, Streams::Separate).map_err(|e| format!("cannot run {}: {e}", deft.display()))?;
    if built.status != Status::Exited(0) {
        return Ok(built);
    }
    let exe = std::fs::read_dir(scratch)
        .map_err(|e| format!("{}: {e}", scratch.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .next()
        .ok_or(NO_EXECUTABLE)?;
    let mut run = Command::new(&exe);
    run.args(program_args).current_dir(&case.cwd);
    if let Some(env) = env {
        env.apply(&mut run);
    }
    let mut ran = process::run_with_stdin(run, timeout, Streams::Separate, case.stdin.as_deref())
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    ran.stdout.splice(0..0, built.stdout);
    ran.stderr.splice(0..0, built.stderr);
    ran.elapsed += built.elapsed;
    Ok(ran)
}

/// Why a case cannot be checked in [`Mode::Build`] when `deft build`
/// succeeds without an executable: a package other than main, which go
/// build accepts and go run (whose behaviour the expectation is) refuses.
pub const NO_EXECUTABLE: &str = "deft build wrote no executable (go build accepts a package other than main)";
