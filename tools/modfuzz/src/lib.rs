//! deft-modfuzz: differential fuzzing of deft's package loader against the
//! go command.
//!
//! ```text
//! seed ──generator──▶ Project (files, cwd, `run` words) ──materialize──▶ scratch dir + GOMODCACHE
//!                                    ├── go run WORDS  ──┐
//!                                    └── deft run WORDS ─┴─run::judge──▶ same / unsupported / differ / crash
//! ```
//!
//! The generator ([`generator`]) makes module projects of every shape the loader
//! must handle, broken ones included; [`run`] runs each under `go run`
//! (gc 1.27.3, the reference) and `deft run` with the same environment and
//! compares exit status, stdout and stderr; [`fuzz`] groups differences
//! by signature and saves and [`minimize`]s one project per group.
//!
//! Like the other tools, this crate treats deft as a black box behind its
//! CLI and never links a compiler crate. It reuses the golden harness's
//! offline module cache (`golden::modcache`) and child processes
//! (`golden::process`), and deft-fuzz's deterministic RNG.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod fuzz;
pub mod generator;
pub mod minimize;
pub mod project;
pub mod run;
