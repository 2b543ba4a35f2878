//! The deft runtime: what compiled Go code calls and stands on.
//!
//! Owns value representations shared with the compiler (strings, slices,
//! interfaces, type descriptors: [`abi`]), memory allocation, printing, the
//! panic/defer engine, the frame walker, and goroutines with their
//! channels ([`sched`], [`chan`]). Linked into the `deft` binary
//! and called by JIT-compiled code through `extern "C"` entry points; or
//! linked, as a static library (`crates/rtlib`), into an executable built by
//! `deft build`, whose generated code calls the same entry points by their
//! symbol names and whose C `main` starts it ([`image`]).
//!
//! **Architecture invariant:** the runtime never depends on the compiler
//! crates; the compiler learns the runtime's addresses only through the
//! symbol table in [`abi`].
#![deny(missing_docs)]

pub mod abi;
pub mod alloc;
pub mod chan;
pub mod child;
pub mod complex;
pub mod coro;
pub mod entry;
pub mod errors;
pub mod frames;
pub mod gc;
pub mod godebug;
pub mod iface;
pub mod image;
pub mod library;
pub mod maps;
pub mod netpoll;
pub mod panic;
pub mod panicprint;
pub mod preempt;
pub mod print;
mod printfloat;
pub mod proc;
pub mod sched;
pub mod slices;
pub mod stackguard;
pub mod strings;
mod sys;
pub mod traceback_fmt;
