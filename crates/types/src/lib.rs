//! Type checking: syntax tree → [`Info`] (types, objects, constants).
//!
//! This crate owns Go's static semantics: scopes, the universe, types and
//! their identity, method sets, untyped constants with exact arithmetic, and
//! gc's wording of every type error. It never rewrites the tree and knows
//! nothing of code generation. Entry point: [`check_package`].
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod model;

pub use model::*;
