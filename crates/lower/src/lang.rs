//! Questions about semantics that changed between Go versions, answered
//! from the language version of the file (`types::Info::lang_at`, gc's
//! model: go.mod's `go` line, `-lang`, a `//go:build` line). Callers ask
//! about semantics, never compare versions themselves.

use syntax::Pos;
use types::Info;
use types::lang::LangVersion;

/// Whether loops at `pos` declare fresh iteration variables on every
/// iteration (Go 1.22): a three-clause `for` copies its `:=` variables into
/// new ones before the post statement, and `for k, v := range` declares `k`
/// and `v` anew in each iteration.
pub(crate) fn per_iteration_loop_vars(info: &Info, pos: Pos) -> bool {
    info.lang_at(pos) >= LangVersion::GO1_22
}
