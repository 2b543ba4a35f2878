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

/// The value of setting `name` in a GODEBUG string (`k=v,k2=v2`; a later
/// setting overrides an earlier one), if it has one.
pub fn godebug_value<'a>(godebug: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    godebug.split(|&b| b == b',').filter_map(|kv| kv.strip_prefix(name)?.strip_prefix(b"=")).next_back()
}

/// `func godebug(name string) string`: the value the GODEBUG environment
/// variable gives setting `name`, "" when it gives none.
pub extern "C" fn godebug(ptr: *const u8, len: usize) -> GoString {
    // SAFETY: a Go string of `len` bytes at `ptr` (or empty).
    let name = if len == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(ptr, len) } };
    let env = std::env::var_os("GODEBUG").unwrap_or_default();
    crate::strings::new_string(godebug_value(env.as_encoded_bytes(), name).unwrap_or(b""))
}

#[cfg(test)]
mod tests {
    use super::godebug_value;

    #[test]
    fn last_setting_wins() {
        let g = b"randautoseed=0,x=1,randseednop=0,randautoseed=1";
        assert_eq!(godebug_value(g, b"randautoseed"), Some(&b"1"[..]));
        assert_eq!(godebug_value(g, b"randseednop"), Some(&b"0"[..]));
        assert_eq!(godebug_value(g, b"rand"), None);
        assert_eq!(godebug_value(b"", b"x"), None);
    }
}
