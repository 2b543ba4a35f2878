//! deft-fuzz: differential fuzzing of deft against gc.
//!
//! A generator ([`generator::generate`]) turns a seed into a random, terminating,
//! well-typed Go program full of defers, panics, recovers, loops and named
//! results; a driver ([`driver`]) builds and runs each program with gc (the
//! reference) and with `deft run`, compares stdout, exit status and stderr
//! up to the goroutine trace, and saves and minimizes the programs where
//! they differ.
//!
//! This crate never links the compiler: deft is a black box behind its CLI,
//! exactly as users see it. It only reads and writes its own scratch
//! directories, the gc outcome cache and `fuzz-failures/`.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod compare;
pub mod driver;
pub mod exec;
pub mod features;
pub mod gc;
pub mod generator;
pub mod minimize;
pub mod rng;
