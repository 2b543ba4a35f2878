//! `runtime.rand`, which upstream `math/rand`, `math/rand/v2`, `os`,
//! `unique`, `net` and `internal/sync` pull by `//go:linkname`.

/// `func runtime_rand() uint64`: 64 bits from the runtime's generator (the
/// one behind map hash seeds and iteration order), seeded from the
/// operating system, as gc's `runtime.rand`.
pub extern "C" fn runtime_rand() -> u64 {
    crate::maps::rand()
}
