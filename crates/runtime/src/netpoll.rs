//! The network poller behind upstream `internal/poll`: goroutines that wait
//! for a file descriptor to become readable or writable.
//!
//! # Design
//!
//! `internal/poll` opens every descriptor it may use in non-blocking mode
//! through `runtime_pollOpen`; when a read or write then fails with
//! `EAGAIN` it calls `runtime_pollWait`, which parks the goroutine here
//! until the descriptor is ready (or closed, or past its deadline). The
//! scheduler asks [`poll`] whenever it looks for the next goroutine while
//! some goroutine waits here: without blocking when other goroutines can
//! run, else until the earliest timer, so a goroutine reading a pipe never
//! blocks the others (gc's netpoller, with `poll(2)` over the waiting
//! descriptors instead of an epoll set: deft runs goroutines on one thread,
//! and few descriptors wait at once).
//!
//! Regular files and directories are not pollable (epoll refuses them as
//! well): `runtime_pollOpen` says so with `EPERM`, and `internal/poll`
//! then uses blocking system calls for them, which finish without waiting
//! on anyone else. A descriptor `os` did not open itself (the standard
//! streams) stays in blocking mode, as in gc; before `syscall.Read` of one
//! that has nothing to read, the goroutine waits here all the same
//! ([`wait_readable`], from `library::syscall`), so a read of a terminal
//! or pipe on standard input does not hold the other goroutines (gc runs
//! them on another thread meanwhile).
//!
//! # Invariants
//!
//! * A [`PollDesc`] lives from `runtime_pollOpen` to `runtime_pollClose`
//!   (a leaked `Box`; Go holds its address as a `uintptr`, never a Go
//!   pointer), on the thread that runs Go code; only that thread touches it.
//! * A desc with a waiting goroutine is in [`WAITING`] exactly once; a
//!   goroutine waits on one desc and mode at a time and is readied exactly
//!   once, by whoever clears its slot.
//! * Deadlines are `runtimeNano` readings ([`crate::library::nanotime`]):
//!   0 is none, a negative one has passed.

use std::cell::RefCell;
use std::ptr::null_mut;

use crate::panic::G;

/// What `runtime_pollWait` and `runtime_pollReset` return (internal/poll's
/// `pollNoError`, `pollErrClosing`, `pollErrTimeout`).
const POLL_OK: i64 = 0;
const POLL_CLOSING: i64 = 1;
const POLL_TIMEOUT: i64 = 2;

/// `EPERM`, what `runtime_pollOpen` reports for a descriptor it cannot poll.
const EPERM: i64 = 1;

/// One descriptor `internal/poll` registered.
pub struct PollDesc {
    fd: i32,
    /// `runtime_pollUnblock` was called: the descriptor is being closed.
    closing: bool,
    /// Read and write deadlines.
    rd: i64,
    wd: i64,
    /// The goroutines waiting to read and to write (null: none).
    rg: *mut G,
    wg: *mut G,
}

thread_local! {
    /// The descs some goroutine waits on.
    static WAITING: RefCell<Vec<*mut PollDesc>> = const { RefCell::new(Vec::new()) };
}

unsafe extern "C" {
    fn poll(fds: *mut PollFd, n: u64, timeout_ms: i32) -> i32;
    fn fstat(fd: i32, st: *mut [u64; 18]) -> i32;
}

/// `struct pollfd`.
#[repr(C)]
struct PollFd {
    fd: i32,
    events: i16,
    revents: i16,
}

const POLLIN: i16 = 1;
const POLLOUT: i16 = 4;

/// Whether a goroutine waits on some descriptor.
pub(crate) fn waiting() -> bool {
    WAITING.with(|w| !w.borrow().is_empty())
}

/// Readies the goroutines whose descriptor is ready or whose deadline has
/// passed, waiting at most `timeout` for one (`None`: until one is).
pub(crate) fn poll_ready(timeout: Option<std::time::Duration>) {
    let descs: Vec<*mut PollDesc> = WAITING.with(|w| w.borrow().clone());
    let now = crate::library::nanotime();
    let mut fds = Vec::with_capacity(descs.len());
    let mut earliest: Option<i64> = None;
    for &pd in &descs {
        // SAFETY: descs in WAITING are live (see the invariants).
        let d = unsafe { &*pd };
        let mut events = 0;
        for (g, deadline, ev) in [(d.rg, d.rd, POLLIN), (d.wg, d.wd, POLLOUT)] {
            if !g.is_null() {
                events |= ev;
                if deadline > 0 {
                    earliest = Some(earliest.map_or(deadline, |e| e.min(deadline)));
                }
            }
        }
        fds.push(PollFd { fd: d.fd, events, revents: 0 });
    }
    // Milliseconds, rounded up so that a deadline is never polled early;
    // -1 waits for good.
    let ms = |ns: u128| ns.div_ceil(1_000_000).min(i32::MAX as u128) as i32;
    let mut timeout_ms = timeout.map_or(-1, |t| ms(t.as_nanos()));
    if let Some(e) = earliest {
        let until = ms((e - now).max(0) as u128);
        timeout_ms = if timeout_ms < 0 { until } else { timeout_ms.min(until) };
    }
    // SAFETY: `fds` is a live array of `fds.len()` pollfds. EINTR (a
    // preemption signal) leaves every revents 0; deadlines are checked below.
    unsafe { poll(fds.as_mut_ptr(), fds.len() as u64, timeout_ms) };
    let now = crate::library::nanotime();
    for (&pd, f) in descs.iter().zip(&fds) {
        // SAFETY: as above.
        let d = unsafe { &mut *pd };
        let ready_r = f.revents & !POLLOUT != 0;
        let ready_w = f.revents & !POLLIN != 0;
        if ready_r || expired(d.rd, now) {
            wake(&mut d.rg);
        }
        if ready_w || expired(d.wd, now) {
            wake(&mut d.wg);
        }
    }
    forget_idle();
}

/// Whether deadline `d` has passed at `now`.
fn expired(d: i64, now: i64) -> bool {
    d < 0 || (d > 0 && d <= now)
}

/// Readies the goroutine in `slot`, if any, and empties the slot.
fn wake(slot: &mut *mut G) {
    let g = std::mem::replace(slot, null_mut());
    if !g.is_null() {
        crate::sched::ready(g);
    }
}

/// Drops the descs nobody waits on any more from [`WAITING`].
fn forget_idle() {
    // SAFETY: descs in WAITING are live.
    WAITING.with(|w| w.borrow_mut().retain(|&pd| unsafe { !(*pd).rg.is_null() || !(*pd).wg.is_null() }));
}

/// The desc behind a `uintptr` context.
///
/// # Safety
/// `ctx` came from [`poll_open`] and was not closed.
unsafe fn desc<'a>(ctx: usize) -> &'a mut PollDesc {
    // SAFETY: by the precondition.
    unsafe { &mut *(ctx as *mut PollDesc) }
}

/// Whether `mode` (`'r'`, `'w'` or their sum) includes reading, writing.
fn modes(mode: i64) -> (bool, bool) {
    (mode == 'r' as i64 || mode == ('r' as i64 + 'w' as i64), mode == 'w' as i64 || mode == ('r' as i64 + 'w' as i64))
}

/// What a wait in `mode` would return right now, if not [`POLL_OK`].
fn check(d: &PollDesc, mode: i64) -> i64 {
    if d.closing {
        return POLL_CLOSING;
    }
    let now = crate::library::nanotime();
    let (r, w) = modes(mode);
    if (r && expired(d.rd, now)) || (w && expired(d.wd, now)) {
        return POLL_TIMEOUT;
    }
    POLL_OK
}

/// `func runtime_pollServerInit()`: nothing to set up.
pub extern "C" fn poll_server_init() {}

/// The results of `runtime_pollOpen`.
#[repr(C)]
pub struct Opened {
    ctx: usize,
    errno: i64,
}

/// `func runtime_pollOpen(fd uintptr) (uintptr, int)`: a desc for `fd`, or
/// `EPERM` for a regular file or a directory (see the module doc).
pub extern "C" fn poll_open(fd: usize) -> Opened {
    let mut st = [0u64; 18];
    // SAFETY: `st` is large enough for `struct stat` (144 bytes).
    if unsafe { fstat(fd as i32, &mut st) } == 0 {
        // st_mode is the u32 at byte 24.
        let mode = (st[3] & 0xffff_ffff) as u32 & 0o170000;
        if mode == 0o100000 || mode == 0o040000 {
            return Opened { ctx: 0, errno: EPERM };
        }
    }
    let pd = PollDesc { fd: fd as i32, closing: false, rd: 0, wd: 0, rg: null_mut(), wg: null_mut() };
    Opened { ctx: Box::into_raw(Box::new(pd)) as usize, errno: 0 }
}

/// `func runtime_pollClose(ctx uintptr)`: frees the desc (nobody waits on
/// it: `internal/poll` closes after every operation has ended).
pub extern "C" fn poll_close(ctx: usize) {
    WAITING.with(|w| w.borrow_mut().retain(|&pd| pd as usize != ctx));
    // SAFETY: `ctx` came from `poll_open` and is closed once.
    drop(unsafe { Box::from_raw(ctx as *mut PollDesc) });
}

/// `func runtime_pollReset(ctx uintptr, mode int) int`: whether an
/// operation in `mode` may start (before a read or write).
pub extern "C" fn poll_reset(ctx: usize, mode: i64) -> i64 {
    // SAFETY: a live desc.
    check(unsafe { desc(ctx) }, mode)
}

/// `func runtime_pollWait(ctx uintptr, mode int) int`: parks the goroutine
/// until the descriptor is ready for `mode`, closed, or past its deadline.
pub extern "C" fn poll_wait(ctx: usize, mode: i64) -> i64 {
    loop {
        // SAFETY: a live desc; no reference is kept across the park.
        let d = unsafe { desc(ctx) };
        let err = check(d, mode);
        if err != POLL_OK {
            return err;
        }
        let (r, _) = modes(mode);
        let mut probe = PollFd { fd: d.fd, events: if r { POLLIN } else { POLLOUT }, revents: 0 };
        // SAFETY: one live pollfd.
        if unsafe { poll(&mut probe, 1, 0) } > 0 {
            return POLL_OK;
        }
        let g = crate::panic::cur_g();
        if r {
            d.rg = g
        } else {
            d.wg = g
        }
        WAITING.with(|w| {
            let mut w = w.borrow_mut();
            if !w.contains(&(ctx as *mut PollDesc)) {
                w.push(ctx as *mut PollDesc);
            }
        });
        crate::sched::park("IO wait");
    }
}

/// Whether descriptor `fd` has data to read (or its end, or an error)
/// right now.
pub(crate) fn readable_now(fd: i32) -> bool {
    let mut probe = PollFd { fd, events: POLLIN, revents: 0 };
    // SAFETY: one live pollfd.
    unsafe { poll(&mut probe, 1, 0) != 0 }
}

/// Parks the running goroutine until descriptor `fd` (which `internal/poll`
/// does not poll: one in blocking mode, a pidfd) is readable.
pub(crate) fn wait_readable(fd: i32) {
    let pd = PollDesc { fd, closing: false, rd: 0, wd: 0, rg: null_mut(), wg: null_mut() };
    let ctx = Box::into_raw(Box::new(pd)) as usize;
    poll_wait(ctx, 'r' as i64);
    poll_close(ctx);
}

/// `func runtime_pollWaitCanceled(ctx uintptr, mode int)`: Windows only.
pub extern "C" fn poll_wait_canceled(_ctx: usize, _mode: i64) {}

/// `func runtime_pollSetDeadline(ctx uintptr, d int64, mode int)`: sets the
/// deadline of `mode`; waiters wake to look at it again.
pub extern "C" fn poll_set_deadline(ctx: usize, d: i64, mode: i64) {
    // SAFETY: a live desc.
    let pd = unsafe { desc(ctx) };
    let (r, w) = modes(mode);
    if r {
        pd.rd = d;
        wake(&mut pd.rg);
    }
    if w {
        pd.wd = d;
        wake(&mut pd.wg);
    }
    forget_idle();
}

/// `func runtime_pollUnblock(ctx uintptr)`: the descriptor is being
/// closed; waiters wake and fail with `ErrFileClosing`.
pub extern "C" fn poll_unblock(ctx: usize) {
    // SAFETY: a live desc.
    let pd = unsafe { desc(ctx) };
    pd.closing = true;
    wake(&mut pd.rg);
    wake(&mut pd.wg);
    forget_idle();
}

/// `func runtime_isPollServerDescriptor(fd uintptr) bool`: deft's poller
/// has no descriptor of its own.
pub extern "C" fn is_poll_server_descriptor(_fd: usize) -> bool {
    false
}
