//! Package `math/rand`: the runtime's random bits and the GODEBUG settings
//! behind its top-level functions (Go 1.20's random seeding, Go 1.24's
//! no-op `Seed`).

use crate::abi::GoString;

/// `func runtimeRand() uint64`: 64 bits from the runtime's generator (the
/// one behind map hash seeds and iteration order), seeded from the
/// operating system, as gc's `runtime.rand`.
pub extern "C" fn runtime_rand() -> u64 {
    crate::maps::rand()
}

/// `func godebug(name string) string`: the value of GODEBUG setting
/// `name` (see `crate::godebug`), "" when it has none.
pub extern "C" fn godebug(ptr: *const u8, len: usize) -> GoString {
    // SAFETY: a Go string of `len` bytes at `ptr` (or empty).
    let name = if len == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(ptr, len) } };
    crate::strings::new_string(&crate::godebug::value(name))
}
