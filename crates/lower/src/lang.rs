//! The language version whose semantics lowering follows, in one place.
//!
//! Go changed the meaning of some programs between versions: since Go 1.22
//! each iteration of a loop has its own iteration variables. gc decides
//! per file (the `go` line of go.mod, a `//go:build go1.N` line); deft has
//! no module loader yet, so every file gets gc's default outside a module,
//! the toolchain's own version. This module is the seam a language-version
//! model replaces: callers ask a question about semantics, never compare
//! versions themselves.

/// The language version of every file (gc 1.27's default outside a module).
const DEFAULT: (u32, u32) = (1, 27);

/// Whether loops declare fresh iteration variables on every iteration
/// (Go 1.22): a three-clause `for` copies its `:=` variables into new ones
/// before the post statement, and `for k, v := range` declares `k` and `v`
/// anew in each iteration.
pub(crate) fn per_iteration_loop_vars() -> bool {
    DEFAULT >= (1, 22)
}
