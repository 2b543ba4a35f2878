//! The Go test-suite harness: runs the files of Go's own `test/` directory
//! (`/usr/lib/go-1.19/test` from Debian's `golang-1.19-src`) under deft and
//! judges each one the way Go's `test/run.go` judges gc.
//!
//! ```text
//! suite file ──recipe──▶ action + flags ──harness──▶ deft (black box) ──▶ Verdict
//!                 └─constraint (linux/amd64/gc, no cgo)      └─errorcheck (// ERROR "re")
//! verdicts ──report──▶ per-directory table, closing `N passed, N failed, N skipped`,
//!                      conformance/passing.txt (write / check)
//! ```
//!
//! **Invariant:** deft is only ever run as a process; this crate links no
//! compiler crate. Verdicts depend only on deft's behaviour and the suite's
//! files, so the same deft build and suite give the same list.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod constraint;
pub mod errorcheck;
pub mod harness;
pub mod recipe;
pub mod report;
pub mod types2;
