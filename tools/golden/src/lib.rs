//! Golden tests: the project's own Go programs under `tests/go`, each with an
//! expectation produced by gc 1.27.3, and the machinery that checks deft
//! against them.
//!
//! ```text
//! tests/go/AREA/NAME.go ──case──▶ Case ──gc──▶ Expectation ──expect──▶ NAME.golden   (scripts/bless)
//!                                   └──deft──▶ observed ──normalize──┐
//!                            NAME.golden ──expect──▶ Expectation ──compare──▶ pass / Mismatch
//! ```
//!
//! This crate treats `deft` as a black box: a binary that is given files,
//! prints and exits. It never links a compiler crate.
//! **Invariant:** expectations are only ever written by [`suite::bless_case`]
//! from gc's behaviour, never by hand and never from deft's.
//! Module by module: `case` (corpus layout, recipes, projects), `modcache`
//! (a project's module cache built from its `_deps/`), `expect` (the
//! `.golden` format), `normalize` and `compare` (the comparison rule),
//! `gc` and `deft` (running each), `suite` (whole runs, known failures,
//! blessing), `process` (child processes with time limits).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod case;
pub mod compare;
pub mod deft;
pub mod expect;
pub mod gc;
pub mod modcache;
pub mod normalize;
pub mod process;
pub mod suite;

use std::path::PathBuf;
use std::time::Duration;

/// Time limit for one program, under deft or gc.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// `<workspace>/tests/go`, the corpus root.
pub fn corpus_root() -> PathBuf {
    deft::workspace_root().join("tests/go")
}

/// `<workspace>/tests/known-failures.txt`.
pub fn known_failures_path() -> PathBuf {
    deft::workspace_root().join("tests/known-failures.txt")
}

/// `<workspace>/tests/known-failures-build.txt`: programs whose expectation
/// (go run's behaviour) does not hold for an executable of `deft build`,
/// added to the known failures in `golden check --build`.
pub fn known_failures_build_path() -> PathBuf {
    deft::workspace_root().join("tests/known-failures-build.txt")
}
