//! What upstream `os/signal` reaches of gc's runtime: signals delivered to
//! the program (`signal.Notify`) rather than acted on.
//!
//! # Design
//!
//! `signal_enable` installs a handler that writes the signal's number, one
//! byte, to a non-blocking pipe (a write is what a handler may do: no
//! lock, no allocation). `os/signal`'s loop goroutine calls `signal_recv`,
//! which reads the next number, waiting in the netpoller while the pipe is
//! empty; so, as in gc, a program that has asked for signals is never
//! reported deadlocked (a signal may yet come). `signal_disable` gives the
//! signal back the action it had before the first `signal_enable`.
//!
//! Not delivered: `SIGURG` (the runtime preempts goroutines with it),
//! `SIGSEGV` and `SIGBUS` (the stack-overflow report's handler keeps them);
//! `signal.Notify` for them changes nothing.
//!
//! # Invariants
//!
//! * The pipe is made once, by the thread that runs Go code, before any
//!   handler that writes to it is installed; its descriptors never change.
//! * [`SAVED`] is touched only by the thread that runs Go code.

use std::cell::RefCell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::sys::{SA_ONSTACK, SA_RESTART, SA_SIGINFO, SigAction, get_sigaction, set_sigaction};

/// The pipe's (read, write) descriptors.
static PIPE: OnceLock<(i32, i32)> = OnceLock::new();

/// The loop goroutine waits in `signal_recv` for the next signal.
static RECEIVER_WAITING: AtomicBool = AtomicBool::new(false);

/// Signals above this are not real-time signals Go numbers (`numSig`).
const NUM_SIG: usize = 65;

thread_local! {
    /// Each signal's action before its first `signal_enable`.
    static SAVED: RefCell<Vec<Option<SigAction>>> = RefCell::new((0..NUM_SIG).map(|_| None).collect());
}

unsafe extern "C" {
    fn pipe2(fds: *mut [i32; 2], flags: i32) -> i32;
}

const O_NONBLOCK: i32 = 0o4000;
const O_CLOEXEC: i32 = 0o2000000;

/// Whether signal `sig` is one the runtime keeps for itself (see the
/// module doc).
fn reserved(sig: u32) -> bool {
    sig == crate::sys::SIGURG as u32 || sig == 7 || sig == 11 || sig == 0 || sig as usize >= NUM_SIG
}

/// The handler of enabled signals: the number down the pipe, by the raw
/// system call (which leaves `errno`, the interrupted code's, alone). A
/// full pipe drops the signal, as gc drops one already pending.
extern "C" fn handler(sig: i32, _info: *mut u8, _ctx: *mut u8) {
    const SYS_WRITE: usize = 1;
    if let Some(&(_, w)) = PIPE.get() {
        let b = sig as u8;
        super::syscall::raw6(SYS_WRITE, [w as usize, &raw const b as usize, 1, 0, 0, 0]);
    }
}

/// The pipe, made on first use.
fn pipe() -> (i32, i32) {
    *PIPE.get_or_init(|| {
        let mut fds = [-1; 2];
        // SAFETY: `fds` has room for two descriptors.
        if unsafe { pipe2(&mut fds, O_NONBLOCK | O_CLOEXEC) } != 0 {
            crate::proc::throw("os/signal: cannot make the signal pipe");
        }
        (fds[0], fds[1])
    })
}

/// Remembers `sig`'s action before the program first changes it.
fn save(sig: u32) {
    SAVED.with(|s| {
        let mut s = s.borrow_mut();
        if s[sig as usize].is_none() {
            s[sig as usize] = get_sigaction(sig as i32);
        }
    });
}

/// `func signal_enable(uint32)`: `sig` is delivered to the program.
pub extern "C" fn signal_enable(sig: u32) {
    if reserved(sig) {
        return;
    }
    pipe();
    save(sig);
    let act = SigAction {
        handler: handler as *const () as usize,
        mask: [0; 16],
        flags: SA_SIGINFO | SA_RESTART | SA_ONSTACK,
        restorer: 0,
    };
    // SAFETY: the handler only writes to a pipe.
    unsafe { set_sigaction(sig as i32, &act) };
}

/// `func signal_disable(uint32)`: `sig` gets its action back.
pub extern "C" fn signal_disable(sig: u32) {
    if reserved(sig) {
        return;
    }
    if let Some(old) = SAVED.with(|s| s.borrow()[sig as usize].as_ref().map(|a| SigAction { ..*a })) {
        // SAFETY: the action the system gave back.
        unsafe { set_sigaction(sig as i32, &old) };
    }
}

/// `func signal_ignore(uint32)`: `sig` is ignored.
pub extern "C" fn signal_ignore(sig: u32) {
    if reserved(sig) {
        return;
    }
    save(sig);
    let ignore = SigAction { handler: 1, mask: [0; 16], flags: 0, restorer: 0 };
    // SAFETY: SIG_IGN.
    unsafe { set_sigaction(sig as i32, &ignore) };
}

/// `func signal_ignored(uint32) bool`: whether `sig` is ignored.
pub extern "C" fn signal_ignored(sig: u32) -> bool {
    (sig as usize) < NUM_SIG && get_sigaction(sig as i32).is_some_and(|a| a.handler == 1)
}

/// `func signal_recv() uint32`: the next signal delivered, waiting for it.
pub extern "C" fn signal_recv() -> u32 {
    let (r, _) = pipe();
    loop {
        let mut b = [0u8];
        if crate::sys::read_some(r, &mut b) == 1 {
            return u32::from(b[0]);
        }
        RECEIVER_WAITING.store(true, Ordering::SeqCst);
        crate::netpoll::wait_readable(r);
        RECEIVER_WAITING.store(false, Ordering::SeqCst);
    }
}

/// `func signalWaitUntilIdle()`: returns once every signal delivered so
/// far has been taken by the loop goroutine and it waits for the next
/// (`signal.Stop` and `Reset` wait so before they return).
pub extern "C" fn signal_wait_until_idle() {
    let Some(&(r, _)) = PIPE.get() else { return };
    while crate::netpoll::readable_now(r) || !RECEIVER_WAITING.load(Ordering::SeqCst) {
        crate::sched::gosched();
    }
}
