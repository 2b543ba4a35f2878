//! Typed syntax tree → lowered IR ([`ir`]).
//!
//! This crate owns the desugaring the backend should not see: closure
//! capture and heap cells, order of evaluation, `switch`/`range` as loops
//! and branches, and the choice of strategy for each `defer`. It never
//! touches Cranelift and does no IO.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod ir;
