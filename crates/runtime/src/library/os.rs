//! Package `os`: the process's arguments, writing to file descriptors,
//! exiting.

use crate::abi::GoSlice;

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

/// `func Exit(code int)`: ends the process at once; deferred calls do not
/// run (deft writes output unbuffered, so nothing is lost).
pub extern "C" fn exit(code: i64) {
    std::process::exit(code as i32)
}
