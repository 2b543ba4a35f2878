//! The few operating-system calls the leaf runtime needs, on Linux/amd64.
//!
//! The functions are the C library's, which the Rust standard library links
//! anyway; declaring them here keeps the runtime free of dependencies and of
//! `std::io`'s locks and buffers (Go's `print` writes straight to fd 2).
//!
//! Invariant: nothing here allocates, panics or unwinds, so every function
//! may be called from an `extern "C"` entry point or on the panic path.

use std::ffi::c_void;

unsafe extern "C" {
    fn write(fd: i32, buf: *const c_void, count: usize) -> isize;
    fn read(fd: i32, buf: *mut c_void, count: usize) -> isize;
    fn mmap(addr: *mut c_void, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut c_void;
    fn madvise(addr: *mut c_void, len: usize, advice: i32) -> i32;
    fn mprotect(addr: *mut c_void, len: usize, prot: i32) -> i32;
}

const PROT_NONE: i32 = 0x0;
const PROT_READ: i32 = 0x1;
const PROT_WRITE: i32 = 0x2;
const MAP_PRIVATE: i32 = 0x02;
const MAP_ANONYMOUS: i32 = 0x20;
const MAP_NORESERVE: i32 = 0x4000;
const MADV_DONTNEED: i32 = 4;
const EINTR: i32 = 4;

/// Writes all of `bytes` to `fd`, retrying after interrupts and short
/// writes. Returns the number of bytes written, or `-errno` on the first
/// error (bytes written before it are lost to the count, as with `write`).
pub fn write_all(fd: i32, bytes: &[u8]) -> isize {
    let mut done = 0;
    while done < bytes.len() {
        let rest = &bytes[done..];
        // SAFETY: `rest` is a live slice; `write` reads at most `rest.len()`
        // bytes from it.
        let n = unsafe { write(fd, rest.as_ptr().cast(), rest.len()) };
        if n < 0 {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if errno == EINTR {
                continue;
            }
            return -(errno as isize);
        }
        done += n as usize;
    }
    done as isize
}

/// Reads at most `buf.len()` bytes from `fd`, retrying after interrupts.
/// Returns the count (0 at end of input), or `-errno`.
pub fn read_some(fd: i32, buf: &mut [u8]) -> isize {
    loop {
        // SAFETY: `buf` is a live, writable slice of `buf.len()` bytes.
        let n = unsafe { read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n >= 0 {
            return n;
        }
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if errno != EINTR {
            return -(errno as isize);
        }
    }
}

/// Reserves `len` bytes of zeroed, readable and writable address space
/// without committing memory (`MAP_NORESERVE`: pages are backed when first
/// touched); `None` when the system refuses.
pub fn reserve(len: usize) -> Option<*mut u8> {
    // SAFETY: an anonymous private mapping at an address of the kernel's
    // choosing touches no existing memory.
    let p = unsafe {
        mmap(std::ptr::null_mut(), len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
    };
    if p as usize == usize::MAX || p.is_null() { None } else { Some(p.cast()) }
}

/// Gives the pages of `[addr, addr + len)` (page-aligned, inside a mapping
/// of ours holding nothing live) back to the system; they read as zero
/// afterwards. Failure is harmless and ignored.
pub fn release(addr: usize, len: usize) {
    // SAFETY: the caller owns the range and keeps nothing in it.
    unsafe { madvise(addr as *mut c_void, len, MADV_DONTNEED) };
}

/// Reserves a goroutine stack of `len` bytes as [`reserve`] does, with its
/// lowest `guard` bytes (if any) made inaccessible, so that running off the
/// low end faults instead of overwriting another mapping; `None` when the
/// system refuses.
pub fn reserve_stack(len: usize, guard: usize) -> Option<*mut u8> {
    let p = reserve(len)?;
    if guard == 0 {
        return Some(p);
    }
    // SAFETY: the first `guard` bytes belong to the mapping just made.
    if unsafe { mprotect(p.cast(), guard, PROT_NONE) } != 0 {
        return None;
    }
    Some(p)
}
