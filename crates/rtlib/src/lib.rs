//! The deft runtime as a static library (`libdeftrt.a`), which `deft
//! build` links into every executable it writes, found next to the `deft`
//! binary (`cargo build --release` builds both into `target/release/`).
//!
//! A crate of its own, rather than a `staticlib` crate type of `runtime`,
//! so that building `deft` (which links `runtime` as a Rust library) does
//! not also archive the whole standard library each time the runtime
//! changes; only `cargo build` of this crate (or of the workspace) does.
//!
//! It adds nothing: the runtime's exported symbols (its `extern "C"`
//! entry points, the library functions under their Go names, and
//! `deft_main`, which the executable's C `main` calls) are the archive's.
#![deny(missing_docs)]

pub use runtime;
