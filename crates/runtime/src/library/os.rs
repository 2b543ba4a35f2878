//! Package `os`: the process's arguments, writing to file descriptors,
//! exiting, making and removing directories, the working directory.

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

/// The Go string at `ptr` (`len` bytes) as a path; `None` if it is not
/// UTF-8 (deft's paths are).
fn path_arg<'a>(ptr: *const u8, len: usize) -> Option<&'a std::path::Path> {
    // SAFETY: a Go string of `len` bytes at `ptr` (or empty).
    let bytes = if len == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(ptr, len) } };
    std::str::from_utf8(bytes).ok().map(std::path::Path::new)
}

/// What a failed system call's error reads as in Go (`syscall.Errno`'s
/// text: the C library's, lower-cased first letter): "" for success.
fn errno_text(result: std::io::Result<()>) -> GoString {
    let Err(e) = result else { return crate::strings::new_string(b"") };
    let text = match e.raw_os_error() {
        Some(code) => {
            let shown = std::io::Error::from_raw_os_error(code).to_string();
            let cut = shown.find(" (os error").map_or(shown.as_str(), |i| &shown[..i]).to_string();
            let mut chars = cut.chars();
            chars.next().map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
        }
        None => e.to_string(),
    };
    crate::strings::new_string(text.as_bytes())
}

/// `func mkdir(name string, perm int) string`: creates directory `name`
/// with permission bits `perm` (less the umask); "" or the error's text.
pub extern "C" fn mkdir(ptr: *const u8, len: usize, perm: i64) -> GoString {
    use std::os::unix::fs::DirBuilderExt;
    let Some(path) = path_arg(ptr, len) else { return crate::strings::new_string(b"invalid argument") };
    errno_text(std::fs::DirBuilder::new().mode(perm as u32 & 0o7777).create(path))
}

/// `func removeAll(name string) string`: removes `name` and everything
/// below it; a missing `name` is no error. "" or the error's text.
pub extern "C" fn remove_all(ptr: *const u8, len: usize) -> GoString {
    let Some(path) = path_arg(ptr, len) else { return crate::strings::new_string(b"invalid argument") };
    let result = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        _ => std::fs::remove_file(path),
    };
    errno_text(result)
}

/// `func chdir(name string) string`: makes `name` the process's working
/// directory; "" or the error's text.
pub extern "C" fn chdir(ptr: *const u8, len: usize) -> GoString {
    let Some(path) = path_arg(ptr, len) else { return crate::strings::new_string(b"invalid argument") };
    errno_text(std::env::set_current_dir(path))
}

/// The results of `getwd`.
#[repr(C)]
pub struct Getwd {
    dir: GoString,
    err: GoString,
}

/// `func getwd() (dir string, err string)`: the working directory, or
/// the error's text.
pub extern "C" fn getwd(out: *mut Getwd) {
    let res = match std::env::current_dir() {
        Ok(dir) => {
            Getwd { dir: crate::strings::new_string(dir.as_os_str().as_encoded_bytes()), err: errno_text(Ok(())) }
        }
        Err(e) => Getwd { dir: crate::strings::new_string(b""), err: errno_text(Err(e)) },
    };
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(res) };
}
