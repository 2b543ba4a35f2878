//! Package `os`: the process's arguments, writing to file descriptors,
//! exiting.

use crate::abi::{GoSlice, GoString};

/// `func runtime_args() []string`: a copy of the `[]string` header of
/// `os.Args` (set by the driver before Go code runs), through `out`.
pub extern "C" fn runtime_args(out: *mut GoSlice) {
    let args = crate::proc::deft_args();
    // SAFETY: `out` points at the adapter's result area for a slice header;
    // `args` points at the runtime's immutable header.
    unsafe { out.write(args.read()) };
}

/// `func write(fd int, b []byte) int`: writes all of `b` to `fd`; the
/// number of bytes written, or a negated errno.
pub extern "C" fn write(fd: i64, ptr: *const u8, len: usize, _cap: usize) -> i64 {
    if len == 0 {
        return 0;
    }
    // SAFETY: a Go `[]byte` of length `len` at `ptr`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    crate::sys::write_all(fd as i32, bytes) as i64
}

/// `func read(fd int, b []byte) int`: reads up to `len(b)` bytes from `fd`;
/// the count, 0 at the end of the input, or a negated errno.
pub extern "C" fn read(fd: i64, ptr: *mut u8, len: usize, _cap: usize) -> i64 {
    if len == 0 {
        return 0;
    }
    // SAFETY: a Go `[]byte` of length `len` at `ptr`.
    let buf = unsafe { std::slice::from_raw_parts_mut(ptr, len) };
    crate::sys::read_some(fd as i32, buf) as i64
}

/// `func exit(code int)` (behind `os.Exit`): ends the process at once; deferred calls do not
/// run (deft writes output unbuffered, so nothing is lost).
pub extern "C" fn exit(code: i64) {
    std::process::exit(code as i32)
}

/// The results of `getenv`.
#[repr(C)]
pub struct Lookup {
    value: GoString,
    found: bool,
}

/// `func getenv(key string) (value string, found bool)`.
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
