//! What upstream `syscall`, `os`, `internal/poll`, `internal/syscall/unix`
//! and `internal/godebug` reach of gc's runtime (assembly, or functions of
//! package runtime pulled by `//go:linkname`): the raw system call, the
//! environment and arguments the process started with, fork hooks, and
//! exiting.
//!
//! # Fork and exec
//!
//! `syscall.forkAndExecInChild1` (Go code) forks with `rawVforkSyscall`
//! and, in the child, runs Go code that makes raw system calls until it
//! execs or exits. gc's `CLONE_VM|CLONE_VFORK` child shares the parent's
//! memory and stack; that is safe for gc because its assembly keeps the
//! return address in a register. deft reaches this Rust function through a
//! compiled adapter whose frame the child would overwrite, so
//! [`raw_vfork_syscall`] clears `CLONE_VM`: the child runs on a
//! copy-on-write copy of the address space (`CLONE_VFORK` stays, so the
//! parent still waits until the child has exec'd or exited). Invariant:
//! nothing the child runs allocates, takes a lock or switches goroutines
//! (the Go code is gc's `nosplit` child path; the Rust functions are bare
//! system calls), and every signal is blocked from
//! `runtime_BeforeFork` until `runtime_AfterFork` (parent) or
//! `runtime_AfterForkInChild` (child, which first resets the handlers deft
//! installs, and `SIGPIPE`, which Rust's start-up ignores, to the default
//! a new program expects).

use std::cell::{Cell, RefCell};

use super::Pair;
use crate::abi::GoSlice;
use crate::sys::{SIGPIPE, SigAction, set_sigaction};

/// The results of `internal/runtime/syscall/linux.Syscall6`.
#[repr(C)]
pub struct Syscall6 {
    r1: usize,
    r2: usize,
    errno: usize,
}

/// The raw system call `num` with six arguments: `(rax, rdx)`.
#[inline(always)]
pub(super) fn raw6(num: usize, a: [usize; 6]) -> (usize, usize) {
    let (r1, r2): (usize, usize);
    // SAFETY: a system call; the kernel clobbers rcx and r11 only. What it
    // does to memory is what the Go caller asked for.
    unsafe {
        core::arch::asm!(
            "syscall",
            inlateout("rax") num => r1,
            in("rdi") a[0], in("rsi") a[1], inlateout("rdx") a[2] => r2,
            in("r10") a[3], in("r8") a[4], in("r9") a[5],
            lateout("rcx") _, lateout("r11") _,
            options(nostack),
        );
    }
    (r1, r2)
}

/// `func Syscall6(num, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, errno
/// uintptr)` (package `internal/runtime/syscall/linux`, assembly in gc):
/// on failure r1 is -1 and errno the error number, as gc's.
pub extern "C" fn syscall6(
    out: *mut Syscall6,
    num: usize,
    a1: usize,
    a2: usize,
    a3: usize,
    a4: usize,
    a5: usize,
    a6: usize,
) {
    // The flag is taken, not read: a goroutine that parks in
    // `wait_until_ready` must not leave it set for the others.
    if IN_SYSCALL.with(|c| c.replace(false)) && !crate::panic::cur_g().is_null() {
        wait_until_ready(num, [a1, a2, a3, a4]);
    }
    let (r1, r2) = raw6(num, [a1, a2, a3, a4, a5, a6]);
    let res = if r1 > (-4096isize) as usize {
        Syscall6 { r1: usize::MAX, r2: 0, errno: r1.wrapping_neg() }
    } else {
        Syscall6 { r1, r2, errno: 0 }
    };
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(res) };
}

/// `func rawSyscallNoError(trap, a1, a2, a3 uintptr) (r1, r2 uintptr)`.
pub extern "C" fn raw_syscall_no_error(trap: usize, a1: usize, a2: usize, a3: usize) -> Pair {
    let (r1, r2) = raw6(trap, [a1, a2, a3, 0, 0, 0]);
    Pair(r1 as i64, r2 as i64)
}

const CLONE_VM: usize = 0x100;
const SYS_CLONE3: usize = 435;

/// `func rawVforkSyscall(trap, a1, a2, a3 uintptr) (r1 uintptr, err
/// Errno)`: `clone` or `clone3` with `CLONE_VM` cleared (see the module
/// doc); returns the child's pid in the parent, 0 in the child.
pub extern "C" fn raw_vfork_syscall(trap: usize, a1: usize, a2: usize, a3: usize) -> Pair {
    let (r1, _) = if trap == SYS_CLONE3 {
        // clone3's first argument is a `struct clone_args` whose first
        // word is the flags.
        let mut args = [0u64; 11];
        let size = a2.min(std::mem::size_of_val(&args));
        // SAFETY: the caller's clone_args holds `a2` bytes.
        unsafe { std::ptr::copy_nonoverlapping(a1 as *const u8, args.as_mut_ptr().cast::<u8>(), size) };
        args[0] &= !(CLONE_VM as u64);
        raw6(trap, [args.as_ptr() as usize, size, a3, 0, 0, 0])
    } else {
        raw6(trap, [a1 & !CLONE_VM, a2, a3, 0, 0, 0])
    };
    if r1 > (-4096isize) as usize { Pair(-1, r1.wrapping_neg() as i64) } else { Pair(r1 as i64, 0) }
}

thread_local! {
    /// Set by `runtime_entersyscall`, taken by the `Syscall6` that follows:
    /// that system call is `syscall.Syscall`'s, which may wait in the
    /// scheduler (not `RawSyscall`'s, which the forked child makes too).
    static IN_SYSCALL: Cell<bool> = const { Cell::new(false) };
}

/// `func runtime_entersyscall()`: gc hands its P to another thread while
/// a system call blocks. deft's goroutines share one thread, so a call
/// that would block it for long waits in the scheduler first
/// ([`wait_until_ready`]).
pub extern "C" fn enter_syscall() {
    IN_SYSCALL.with(|c| c.set(true));
}

/// `func runtime_exitsyscall()`.
pub extern "C" fn exit_syscall() {
    IN_SYSCALL.with(|c| c.set(false));
}

const SYS_READ: usize = 0;
const SYS_FCNTL: usize = 72;
const SYS_WAIT4: usize = 61;
const SYS_WAITID: usize = 247;
const P_PID: usize = 1;
const P_PIDFD: usize = 3;
const WNOHANG: usize = 1;
const WEXITED: usize = 4;
const WNOWAIT: usize = 0x0100_0000;
const O_NONBLOCK: usize = 0o4000;

/// Before a blocking system call that could wait indefinitely, lets the
/// other goroutines run until it would not: a read of a descriptor in
/// blocking mode (standard input, say) waits in the netpoller until data
/// (or the end) is there, and a wait for a child process until the child
/// has changed state (its pidfd in the netpoller, or else a check every
/// millisecond). Without this the one thread would sleep in the kernel
/// while, say, the goroutine feeding the child's input never ran.
fn wait_until_ready(num: usize, a: [usize; 4]) {
    match num {
        SYS_READ if !crate::netpoll::readable_now(a[0] as i32) && !nonblocking(a[0]) => {
            crate::netpoll::wait_readable(a[0] as i32)
        }
        SYS_WAITID if a[3] & WNOHANG == 0 => wait_for_child(a[0], a[1]),
        SYS_WAIT4 if a[2] & WNOHANG == 0 && (a[0] as isize) > 0 => wait_for_child(P_PID, a[0]),
        _ => {}
    }
}

/// Whether descriptor `fd` is in non-blocking mode (its operations fail
/// with `EAGAIN` rather than wait).
fn nonblocking(fd: usize) -> bool {
    const F_GETFL: usize = 3;
    let (flags, _) = raw6(SYS_FCNTL, [fd, F_GETFL, 0, 0, 0, 0]);
    flags <= (-4096isize) as usize && flags & O_NONBLOCK != 0
}

/// Parks the goroutine until child `id` (of id type `idtype`, `waitid`'s)
/// has exited or waiting for it fails: on its pidfd in the netpoller, else
/// checking every millisecond.
fn wait_for_child(idtype: usize, id: usize) {
    loop {
        let mut info = [0u8; 128];
        let (r, _) = raw6(SYS_WAITID, [idtype, id, info.as_mut_ptr() as usize, WEXITED | WNOHANG | WNOWAIT, 0, 0]);
        // siginfo_t's si_pid (offset 16) stays 0 while no child is waitable.
        if r != 0 || info[16..20] != [0; 4] {
            return;
        }
        if idtype == P_PIDFD {
            crate::netpoll::wait_readable(id as i32);
        } else {
            crate::sched::sleep(1_000_000);
        }
    }
}

unsafe extern "C" {
    fn pthread_sigmask(how: i32, set: *const [u64; 16], old: *mut [u64; 16]) -> i32;
}

const SIG_SETMASK: i32 = 2;

thread_local! {
    /// The signal mask `runtime_BeforeFork` replaced.
    static FORK_MASK: Cell<[u64; 16]> = const { Cell::new([0; 16]) };
    /// `SIGSYS`'s action while `os` ignores it (`ignoreSIGSYS`).
    static SIGSYS_ACTION: RefCell<Option<SigAction>> = const { RefCell::new(None) };
}

/// `func runtime_BeforeFork()`: blocks every signal (a preemption signal
/// must not reach the child's Go code) and remembers the mask.
pub extern "C" fn before_fork() {
    // The child's raw system calls never wait in the scheduler.
    IN_SYSCALL.with(|c| c.set(false));
    let all = [u64::MAX; 16];
    let mut old = [0u64; 16];
    // SAFETY: valid signal sets.
    unsafe { pthread_sigmask(SIG_SETMASK, &all, &mut old) };
    FORK_MASK.with(|m| m.set(old));
}

/// `func runtime_AfterFork()`: the parent's signal mask again.
pub extern "C" fn after_fork() {
    let old = FORK_MASK.with(Cell::get);
    // SAFETY: a valid signal set.
    unsafe { pthread_sigmask(SIG_SETMASK, &old, std::ptr::null_mut()) };
}

/// The signals whose disposition the child resets before exec: those
/// deft's runtime handles, and `SIGPIPE`.
const CHILD_DEFAULT_SIGNALS: [i32; 4] = [crate::sys::SIGURG, 7, 11, SIGPIPE];

/// `func runtime_AfterForkInChild()`: in the child, the default action for
/// the signals deft handles and for `SIGPIPE`, then the parent's mask.
/// Allocates nothing (see the module doc).
pub extern "C" fn after_fork_in_child() {
    let default = SigAction { handler: 0, mask: [0; 16], flags: 0, restorer: 0 };
    for sig in CHILD_DEFAULT_SIGNALS {
        // SAFETY: installs SIG_DFL.
        unsafe { set_sigaction(sig, &default) };
    }
    after_fork();
}

/// `func ignoreSIGSYS()` (package os, while it probes for pidfd support):
/// `SIGSYS` is ignored until [`restore_sigsys`].
pub extern "C" fn ignore_sigsys() {
    let ignore = SigAction { handler: 1, mask: [0; 16], flags: 0, restorer: 0 };
    // SAFETY: installs SIG_IGN.
    let old = unsafe { set_sigaction(SIGSYS, &ignore) };
    SIGSYS_ACTION.with(|a| *a.borrow_mut() = old);
}

const SIGSYS: i32 = 31;

/// `func restoreSIGSYS()`: `SIGSYS`'s action before [`ignore_sigsys`].
pub extern "C" fn restore_sigsys() {
    if let Some(old) = SIGSYS_ACTION.with(|a| a.borrow_mut().take()) {
        // SAFETY: the action the system gave back.
        unsafe { set_sigaction(SIGSYS, &old) };
    }
}

/// `func runtime_envs() []string` (package syscall): the environment the
/// process started with, `KEY=value` strings.
pub extern "C" fn runtime_envs(out: *mut GoSlice) {
    let env = crate::proc::deft_envs();
    // SAFETY: `out` is the adapter's result area; `env` the runtime's header.
    unsafe { out.write(env.read()) };
}

/// `func Getpagesize() int`.
pub extern "C" fn getpagesize() -> i64 {
    4096
}

/// `func Exit(code int)` (package syscall, behind `os.Exit`): ends the
/// process once `print`'s pending output is written.
pub extern "C" fn exit(code: i64) {
    crate::proc::exit(code as i32)
}

/// `func runtime_beforeExit(exitCode int)` (package os): gc flushes race
/// and coverage data; deft has neither.
pub extern "C" fn before_exit(_code: i64) {}

/// `func sigpipe()` (package os): a write to standard output or error
/// failed with `EPIPE`: the process dies of `SIGPIPE`, as gc's does
/// (Rust's start-up ignores it, so the default action comes back first).
pub extern "C" fn sigpipe() {
    unsafe extern "C" {
        fn raise(sig: i32) -> i32;
    }
    let default = SigAction { handler: 0, mask: [0; 16], flags: 0, restorer: 0 };
    crate::print::flush_print();
    // SAFETY: installs SIG_DFL for SIGPIPE, then raises it.
    unsafe {
        set_sigaction(SIGPIPE, &default);
        raise(SIGPIPE);
    }
}

/// `func fcntl(fd int32, cmd int32, arg int32) (int32, int32)` (package
/// `internal/syscall/unix`): the result and the error number.
pub extern "C" fn fcntl(fd: i32, cmd: i32, arg: i32) -> Pair {
    let (r, _) = raw6(SYS_FCNTL, [fd as usize, cmd as usize, arg as usize, 0, 0, 0]);
    if r > (-4096isize) as usize { Pair(-1, r.wrapping_neg() as i64) } else { Pair(r as i64, 0) }
}

/// `func vgetrandom(p []byte, flags uint32) (ret int, supported bool)`:
/// deft has no vDSO getrandom; the caller uses the system call.
pub extern "C" fn vgetrandom(_p: *mut u8, _len: usize, _cap: usize, _flags: u32) -> Pair {
    Pair(-1, 0)
}

/// `func write(fd uintptr, p unsafe.Pointer, n int32) int32` (package
/// `internal/godebug`, for its `GODEBUG` warnings).
pub extern "C" fn write(fd: usize, p: *const u8, n: i32) -> i32 {
    if n <= 0 {
        return 0;
    }
    // SAFETY: `n` bytes at `p`.
    let bytes = unsafe { std::slice::from_raw_parts(p, n as usize) };
    crate::sys::write_all(fd as i32, bytes) as i32
}
