//! Package `os`'s arguments and the environment `time` reads (`TZ`);
//! everything else of upstream `os` goes through package syscall
//! ([`super::syscall`]).

use crate::abi::{GoSlice, GoString};

/// `func runtime_args() []string`: a copy of the `[]string` header of
/// `os.Args` (set by the driver before Go code runs), through `out`.
pub extern "C" fn runtime_args(out: *mut GoSlice) {
    let args = crate::proc::deft_args();
    // SAFETY: `out` points at the adapter's result area for a slice header;
    // `args` points at the runtime's immutable header.
    unsafe { out.write(args.read()) };
}

/// The results of `getenv`.
#[repr(C)]
pub struct Lookup {
    value: GoString,
    found: bool,
}

/// `func getenv(key string) (value string, found bool)` (package time):
/// the environment the process started with.
pub extern "C" fn getenv(out: *mut Lookup, ptr: *const u8, len: usize) {
    // SAFETY: a Go string of `len` bytes at `ptr` (or empty).
    let key = if len == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(ptr, len) } };
    let value = std::str::from_utf8(key).ok().and_then(std::env::var_os);
    let res = match value {
        Some(v) => Lookup { value: crate::strings::new_string(v.as_encoded_bytes()), found: true },
        None => Lookup { value: crate::strings::new_string(b""), found: false },
    };
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(res) };
}
