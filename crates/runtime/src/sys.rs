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
    fn munmap(addr: *mut c_void, len: usize) -> i32;
    fn sigaction(sig: i32, act: *const SigAction, old: *mut SigAction) -> i32;
    fn sigaltstack(ss: *const StackT, old: *mut StackT) -> i32;
    fn _exit(code: i32) -> !;
    fn pthread_self() -> usize;
    fn pthread_getattr_np(thread: usize, attr: *mut PthreadAttr) -> i32;
    fn pthread_attr_getstack(attr: *const PthreadAttr, addr: *mut *mut c_void, size: *mut usize) -> i32;
    fn pthread_attr_destroy(attr: *mut PthreadAttr) -> i32;
}

/// glibc's `struct sigaction` on x86-64.
#[repr(C)]
pub(crate) struct SigAction {
    /// `sa_handler` / `sa_sigaction` (0: `SIG_DFL`, 1: `SIG_IGN`).
    pub handler: usize,
    /// Signals blocked while the handler runs.
    pub mask: [u64; 16],
    /// `SA_*` flags.
    pub flags: i32,
    /// Unused on x86-64 (the C library sets its own).
    pub restorer: usize,
}

/// `SA_SIGINFO`: the handler takes `(sig, siginfo, ucontext)`.
pub(crate) const SA_SIGINFO: i32 = 4;
/// `SIGURG`, the signal gc (and deft) preempts goroutines with.
pub(crate) const SIGURG: i32 = 23;
/// Offset of `uc_mcontext.gregs` in a Linux x86-64 `ucontext_t`, and the
/// indices of registers in it.
pub(crate) const UC_GREGS: usize = 40;
pub(crate) const REG_RBP: usize = 10;
pub(crate) const REG_RSP: usize = 15;
pub(crate) const REG_RIP: usize = 16;
/// `SA_ONSTACK`: the handler runs on the thread's alternate signal stack.
pub(crate) const SA_ONSTACK: i32 = 0x0800_0000;
/// `SA_RESTART`: interrupted system calls are restarted.
pub(crate) const SA_RESTART: i32 = 0x1000_0000;

/// Installs `act` for `sig`; returns the previous action, or `None` when
/// the system refuses.
///
/// # Safety
/// `act.handler` is `SIG_DFL`, `SIG_IGN` or a function of the signature
/// `act.flags` announces that does only what a signal handler may do.
pub(crate) unsafe fn set_sigaction(sig: i32, act: &SigAction) -> Option<SigAction> {
    let mut old = SigAction { handler: 0, mask: [0; 16], flags: 0, restorer: 0 };
    // SAFETY: both structs have glibc's layout; the handler is the caller's.
    (unsafe { sigaction(sig, act, &mut old) } == 0).then_some(old)
}

/// The action installed for `sig`, or `None` when the system refuses to
/// say.
pub(crate) fn get_sigaction(sig: i32) -> Option<SigAction> {
    let mut old = SigAction { handler: 0, mask: [0; 16], flags: 0, restorer: 0 };
    // SAFETY: a null new action only reads the current one into `old`.
    (unsafe { sigaction(sig, std::ptr::null(), &mut old) } == 0).then_some(old)
}

/// `SIGPIPE`.
pub(crate) const SIGPIPE: i32 = 13;

/// Ignores `SIGPIPE`, as Rust's start-up does in the deft binary: a write
/// to a pipe nobody reads fails with `EPIPE` instead of killing the process.
pub(crate) fn ignore_sigpipe() {
    let act = SigAction { handler: 1, mask: [0; 16], flags: 0, restorer: 0 };
    // SAFETY: `SIG_IGN` is a valid action for SIGPIPE.
    unsafe { set_sigaction(SIGPIPE, &act) };
}

/// `stack_t`, an alternate signal stack.
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) struct StackT {
    sp: *mut c_void,
    flags: i32,
    size: usize,
}

/// `SS_DISABLE`: no alternate signal stack.
const SS_DISABLE: i32 = 2;

/// Makes `[base, base + len)` the calling thread's alternate signal stack;
/// returns the previous one (to give back to [`restore_signal_stack`]), or
/// `None` when the system refuses.
pub(crate) fn set_signal_stack(base: *mut u8, len: usize) -> Option<StackT> {
    let new = StackT { sp: base.cast(), flags: 0, size: len };
    let mut old = StackT { sp: std::ptr::null_mut(), flags: SS_DISABLE, size: 0 };
    // SAFETY: `new` describes memory the caller keeps for the thread.
    (unsafe { sigaltstack(&new, &mut old) } == 0).then_some(old)
}

/// Puts back an alternate signal stack [`set_signal_stack`] returned.
pub(crate) fn restore_signal_stack(old: StackT) {
    // SAFETY: `old` was the thread's alternate stack (or a disabled one).
    unsafe { sigaltstack(&old, std::ptr::null_mut()) };
}

/// Ends the process at once with `code`: no exit handlers, no flushing
/// (what a signal handler may call).
pub(crate) fn exit_now(code: i32) -> ! {
    // SAFETY: _exit is async-signal-safe and never returns.
    unsafe { _exit(code) }
}

/// glibc's `pthread_attr_t` (56 bytes on x86-64).
#[repr(C, align(8))]
pub(crate) struct PthreadAttr([u8; 56]);

/// The calling thread's stack as its thread library set it up, `[lo, hi)`
/// (for a thread it created, above its guard page); `None` when unknown.
pub(crate) fn thread_stack() -> Option<(usize, usize)> {
    let mut attr = PthreadAttr([0; 56]);
    let mut addr: *mut c_void = std::ptr::null_mut();
    let mut size = 0usize;
    // SAFETY: `attr` is initialized by pthread_getattr_np before use and
    // destroyed after.
    unsafe {
        if pthread_getattr_np(pthread_self(), &mut attr) != 0 {
            return None;
        }
        let ok = pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        pthread_attr_destroy(&mut attr);
        (ok && !addr.is_null()).then(|| (addr as usize, addr as usize + size))
    }
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

/// Unmaps `[addr, addr + len)`, a mapping of ours nothing uses any more.
pub fn unreserve(addr: usize, len: usize) {
    // SAFETY: the caller owns the range and keeps nothing in it.
    unsafe { munmap(addr as *mut c_void, len) };
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
