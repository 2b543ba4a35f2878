//! Stack overflow: a goroutine that runs off the low end of its stack gets
//! gc's `fatal error: stack overflow` report and the process exits with
//! status 2, instead of the host's `thread … has overflowed its stack`
//! abort (or a plain `SIGSEGV` death on a goroutine's own stack).
//!
//! # Design
//!
//! * Every goroutine stack ends in an inaccessible guard at its low end: the
//!   thread library's guard page below the main goroutine's thread stack
//!   ([`crate::entry`]), and the guard page [`crate::sched`] puts below each
//!   goroutine stack it reserves (the first `GUARDED_STACKS` of them: the
//!   kernel's limit on mappings makes later stacks come without one, and an
//!   overflow of such a stack runs into its neighbour undetected, as
//!   before). Each `G` knows its usable stack `[lo, hi)` (`GSched::stack`).
//! * A `SIGSEGV`/`SIGBUS` handler ([`install`], once per process) runs on an
//!   alternate signal stack of the goroutine thread ([`SignalStack`]): the
//!   faulting stack has no room left. The fault is a stack overflow when the
//!   thread is running a goroutine and the faulting address lies below that
//!   goroutine's `lo`, either within [`GUARD_WINDOW`] of it (the guard) or no
//!   further than the red zone below the interrupted stack pointer (a big
//!   frame that jumped over the guard). Any other fault goes to the handler
//!   installed before ours (the Rust runtime's, which reports overflows of
//!   other threads' stacks and otherwise lets the fault kill the process,
//!   as before); deft's own nil checks are explicit and raise no signal.
//! * The report has gc 1.27.3's shape (gc 1.19, the reference of the rest
//!   of the runtime, prints the same lines with a 1.19 traceback; the newer
//!   form is the one users see today):
//!   ```text
//!   runtime: goroutine stack exceeds 1000000000-byte limit
//!   runtime: sp=0x… stack=[0x…, 0x…]
//!   fatal error: stack overflow
//!
//!   runtime stack:
//!   runtime.throw(...)      the report and the signal handler, on the
//!   runtime.sighandler(...) signal stack (named for their roles in gc)
//!
//!   goroutine 1 gp=0x… m=0 mp=0x… [running]:
//!   main.f(...)             the 50 innermost frames,
//!   ...N frames elided...   when there are more than 100,
//!   main.main()             the 50 outermost ones
//!   (created by …)
//!
//!   goroutine 5 gp=0x… m=nil [chan receive]:   every other goroutine
//!   ```
//!   The limit is gc's fixed text (deft's stacks are 256 MB reservations,
//!   main's 1 GB). `sp=` is the interrupted stack pointer and `stack=` the
//!   goroutine's usable stack. Frames carry gc's `fp=` (top of the frame),
//!   `sp=` and `pc=`; goroutine ids are deft's (gc 1.19's numbering).
//! * The innermost frame is shown where gc's prologue check would have
//!   stopped it: at the entry of the function that could not get its frame.
//!   The fault may come from that function's `push rbp` (its caller's frame
//!   is then at rbp, the return address at rsp), from the caller's `call`
//!   pushing the return address (the callee is decoded from the
//!   instruction when it is a direct or register call), or from the first
//!   store into the new frame (rbp is the new frame). Its line is the
//!   function's entry line (the first line of its line table).
//! * The walk goes up the rbp chain once, to the stack top, keeping the
//!   first [`INNER`] shown frames and a ring of the last [`OUTER`] (frames
//!   are a million deep: nothing is walked twice, recursively, or kept
//!   beyond those 100).
//!
//! # Invariants
//!
//! * The handler allocates nothing, takes no lock and borrows nothing that
//!   may be borrowed: it may have interrupted the allocator, the collector
//!   or the scheduler. It writes through a fixed buffer with `write(2)`
//!   and ends the process with `_exit(2)`; the pending `print` output is
//!   flushed first only if its buffer is free.
//! * It reads only memory that is mapped: the code bytes at the faulting
//!   pc, funcdata, and frames between the first frame pointer (checked to
//!   lie in the goroutine's stack) and the stack top (each next frame
//!   pointer must go up the stack and stay below the top).
//! * It never returns into an overflowed goroutine. A fault during the
//!   report (a bug) is not reported again: the signal is blocked while the
//!   handler runs, so the kernel ends the process.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::frames::{Frame, FrameKind, FuncInfo, find_func};
use crate::panic::{G, Shown, Wrappers, cur_g, fmt_shown_frame, shown_frame};
use crate::print::{ByteSink, fmt_hex};
use crate::sys::{REG_RBP, REG_RIP, REG_RSP, SA_ONSTACK, SA_SIGINFO, SIGURG, SigAction, StackT, UC_GREGS};
use crate::traceback_fmt::{FrameAddrs, FrameArgs, fmt_frame_at, fmt_frames_elided, fmt_goroutine_header_at};

/// Frames a long trace shows from its innermost end (gc 1.27's count).
const INNER: usize = 50;
/// Frames a long trace shows from its outermost end (gc 1.27's count).
const OUTER: usize = 50;

/// How far below a stack's usable low end a faulting address still counts
/// as its guard (the thread library's guard may be more than a page).
const GUARD_WINDOW: usize = 64 << 10;
/// What x86-64 code may write below the stack pointer (the System V red
/// zone; Cranelift's code uses none, Rust's leaf functions may).
const RED_ZONE: usize = 128;
/// Size of the alternate signal stack the report runs on.
const SIGNAL_STACK_SIZE: usize = 256 << 10;
/// The inaccessible page below it.
const PAGE: usize = 4096;

const SIGBUS: i32 = 7;
const SIGSEGV: i32 = 11;
/// Offset of `si_addr` in a `siginfo_t` of a memory fault.
const SI_ADDR: usize = 16;
/// `gregs` index of each register by its hardware encoding (rax, rcx, rdx,
/// rbx, rsp, rbp, rsi, rdi, r8–r15).
const GREG_OF_ENCODING: [usize; 16] = [13, 14, 12, 11, 15, 10, 9, 8, 0, 1, 2, 3, 4, 5, 6, 7];

/// gc's fixed first line: the limit of its goroutine stacks.
const LIMIT_LINE: &[u8] = b"runtime: goroutine stack exceeds 1000000000-byte limit\n";

/// The actions installed before ours, by signal: handler, flags.
static OLD_SEGV: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];
static OLD_BUS: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];
/// A report is being written (a second fault does not start another).
static REPORTING: AtomicBool = AtomicBool::new(false);

/// Installs the `SIGSEGV` and `SIGBUS` handler, the first time. The thread
/// that runs goroutines must also have a [`SignalStack`].
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for (sig, old) in [(SIGSEGV, &OLD_SEGV), (SIGBUS, &OLD_BUS)] {
            let mut mask = [0u64; 16];
            // Preemption is blocked while the report runs.
            mask[0] = 1 << (SIGURG - 1);
            let act = SigAction {
                handler: on_fault as *const () as usize,
                mask,
                flags: SA_SIGINFO | SA_ONSTACK,
                restorer: 0,
            };
            // SAFETY: on_fault does only what a signal handler may (see the
            // module's invariants).
            if let Some(prev) = unsafe { crate::sys::set_sigaction(sig, &act) } {
                old[0].store(prev.handler, Ordering::Relaxed);
                old[1].store(prev.flags as u32 as usize, Ordering::Relaxed);
            }
        }
    });
}

/// The calling thread's alternate signal stack while this lives: a
/// reservation of [`SIGNAL_STACK_SIZE`] bytes above a guard page. The
/// previous alternate stack (the Rust runtime's small one) is put back
/// when it is dropped.
pub struct SignalStack {
    base: usize,
    old: Option<StackT>,
}

impl SignalStack {
    /// Makes a signal stack the calling thread's (a no-op one when the
    /// system refuses: faults then kill the process as before).
    pub fn new() -> SignalStack {
        let Some(base) = crate::sys::reserve_stack(SIGNAL_STACK_SIZE + PAGE, PAGE) else {
            return SignalStack { base: 0, old: None };
        };
        // SAFETY: the reservation is ours and above its guard page.
        let old = crate::sys::set_signal_stack(unsafe { base.add(PAGE) }, SIGNAL_STACK_SIZE);
        if old.is_none() {
            crate::sys::unreserve(base as usize, SIGNAL_STACK_SIZE + PAGE);
            return SignalStack { base: 0, old: None };
        }
        SignalStack { base: base as usize, old }
    }
}

impl Default for SignalStack {
    fn default() -> Self {
        SignalStack::new()
    }
}

impl Drop for SignalStack {
    fn drop(&mut self) {
        if let Some(old) = self.old.take() {
            crate::sys::restore_signal_stack(old);
            crate::sys::unreserve(self.base, SIGNAL_STACK_SIZE + PAGE);
        }
    }
}

/// Whether a fault at `addr`, with the stack pointer at `rsp`, is the
/// overflow of a stack whose usable part starts at `lo`.
fn overflowed(addr: usize, rsp: usize, lo: usize) -> bool {
    addr < lo && (addr >= lo.saturating_sub(GUARD_WINDOW) || addr.saturating_add(RED_ZONE) >= rsp)
}

/// The interrupted registers.
struct Regs(*const usize);

impl Regs {
    /// # Safety
    /// `ctx` is the `ucontext_t` the kernel passed to a handler.
    unsafe fn of(ctx: *const u8) -> Regs {
        // SAFETY: by the precondition.
        Regs(unsafe { ctx.add(UC_GREGS).cast() })
    }

    fn get(&self, reg: usize) -> usize {
        // SAFETY: `reg` indexes gregs (23 entries).
        unsafe { *self.0.add(reg) }
    }

    fn rip(&self) -> usize {
        self.get(REG_RIP)
    }

    fn rsp(&self) -> usize {
        self.get(REG_RSP)
    }

    fn rbp(&self) -> usize {
        self.get(REG_RBP)
    }
}

/// The `SIGSEGV`/`SIGBUS` handler: reports a goroutine's stack overflow,
/// passes anything else on.
extern "C" fn on_fault(sig: i32, info: *mut u8, ctx: *mut u8) {
    // SAFETY: the kernel passes a siginfo_t of a memory fault and the
    // interrupted context; a non-null current G is live.
    unsafe {
        let addr = *info.add(SI_ADDR).cast::<usize>();
        let regs = Regs::of(ctx);
        let g = cur_g();
        if !g.is_null() {
            let (lo, hi) = (*g).sched.stack;
            if lo != 0 && overflowed(addr, regs.rsp(), lo) {
                let here =
                    FrameAddrs { fp: frame_pointer() + 16, sp: stack_pointer(), pc: on_fault as *const () as usize };
                report(g, lo, hi, &regs, here);
            }
        }
        pass_on(sig, info, ctx);
    }
}

/// Hands a fault that is not a goroutine's stack overflow to the action
/// installed before ours; with none, restores the default action, so that
/// the faulting instruction, run again, ends the process as it would have.
///
/// # Safety
/// The arguments are those the kernel gave [`on_fault`].
unsafe fn pass_on(sig: i32, info: *mut u8, ctx: *mut u8) {
    let old = if sig == SIGBUS { &OLD_BUS } else { &OLD_SEGV };
    let (handler, flags) = (old[0].load(Ordering::Relaxed), old[1].load(Ordering::Relaxed) as i32);
    // SAFETY: a handler other than SIG_DFL/SIG_IGN has the signature its
    // flags announce.
    unsafe {
        match handler {
            0 | 1 => {
                let dfl = SigAction { handler: 0, mask: [0; 16], flags: 0, restorer: 0 };
                crate::sys::set_sigaction(sig, &dfl);
            }
            h if flags & SA_SIGINFO != 0 => {
                std::mem::transmute::<usize, extern "C" fn(i32, *mut u8, *mut u8)>(h)(sig, info, ctx)
            }
            h => std::mem::transmute::<usize, extern "C" fn(i32)>(h)(sig),
        }
    }
}

/// The current frame pointer.
#[inline(always)]
fn frame_pointer() -> usize {
    let fp: usize;
    // SAFETY: reads rbp.
    unsafe { core::arch::asm!("mov {}, rbp", out(reg) fp, options(nomem, nostack, preserves_flags)) };
    fp
}

/// The current stack pointer.
#[inline(always)]
fn stack_pointer() -> usize {
    let sp: usize;
    // SAFETY: reads rsp.
    unsafe { core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags)) };
    sp
}

/// Standard error through a fixed buffer: nothing is allocated.
struct StderrSink {
    buf: [u8; 4096],
    len: usize,
}

impl StderrSink {
    fn flush(&mut self) {
        crate::sys::write_all(2, &self.buf[..self.len]);
        self.len = 0;
    }
}

impl ByteSink for StderrSink {
    fn put(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            if self.len == self.buf.len() {
                self.flush();
            }
            let n = bytes.len().min(self.buf.len() - self.len);
            self.buf[self.len..self.len + n].copy_from_slice(&bytes[..n]);
            self.len += n;
            bytes = &bytes[n..];
        }
    }
}

/// Writes gc's stack-overflow report for goroutine `g` (usable stack
/// `[lo, hi)`, interrupted with `regs`) and every other goroutine, and
/// exits with status 2. `handler` is the signal handler's frame.
///
/// # Safety
/// Called by [`on_fault`] on the signal stack, for the running goroutine.
#[inline(never)]
unsafe fn report(g: *mut G, lo: usize, hi: usize, regs: &Regs, handler: FrameAddrs) -> ! {
    if REPORTING.swap(true, Ordering::Relaxed) {
        crate::sys::exit_now(crate::proc::EXIT_PANIC);
    }
    crate::print::flush_print();
    let mut out = StderrSink { buf: [0; 4096], len: 0 };
    out.put(LIMIT_LINE);
    out.put(b"runtime: sp=");
    fmt_hex(&mut out, regs.rsp() as u64);
    out.put(b" stack=[");
    fmt_hex(&mut out, lo as u64);
    out.put(b", ");
    fmt_hex(&mut out, hi as u64);
    out.put(b"]\n");
    crate::proc::fmt_fatal_error(&mut out, b"stack overflow");
    out.put(b"\nruntime stack:\n");
    let here = FrameAddrs { fp: frame_pointer() + 16, sp: stack_pointer(), pc: report as *const () as usize };
    let file = file!().as_bytes();
    fmt_frame_at(&mut out, b"runtime.throw", FrameArgs::Elided, file, line!(), None, here);
    fmt_frame_at(&mut out, b"runtime.sighandler", FrameArgs::Elided, file, line!(), None, handler);
    out.put(b"\n");
    // SAFETY: g is the running goroutine, interrupted with `regs`; the
    // other goroutines are parked with live frames.
    unsafe {
        crate::traceback_fmt::fmt_goroutine_header_at(
            &mut out,
            (*g).id,
            g as usize,
            Some((0, crate::sched::thread_addr())),
            b"running",
        );
        let mut trace = Trace::new();
        faulting_frames(&mut trace, g, lo, regs);
        trace.print(&mut out);
        crate::sched::fmt_creator(&mut out, g);
        crate::sched::for_each_goroutine(|other, doing, park_fp| {
            if other == g {
                return;
            }
            out.put(b"\n");
            let doing = doing.unwrap_or("running").as_bytes();
            fmt_goroutine_header_at(&mut out, (*other).id, other as usize, None, doing);
            if park_fp != 0 {
                let mut trace = Trace::new();
                trace.walk(other, Frame { pc: 0, fp: park_fp }, park_fp);
                trace.print(&mut out);
            }
            crate::sched::fmt_creator(&mut out, other);
        });
    }
    out.flush();
    crate::sys::exit_now(crate::proc::EXIT_PANIC)
}

/// Walks the frames of the overflowed goroutine `g` (usable stack from
/// `lo`) into `trace`, starting with the function that could not get its
/// frame (see the module doc).
///
/// # Safety
/// `g` is the running goroutine, interrupted with `regs` by a fault.
unsafe fn faulting_frames(trace: &mut Trace, g: *mut G, lo: usize, regs: &Regs) {
    // SAFETY: by the precondition.
    let top = unsafe { (*g).stack_top };
    let (rip, rsp, rbp) = (regs.rip(), regs.rsp(), regs.rbp());
    let in_stack = |a: usize| a >= lo && a.saturating_add(16) <= top;
    let go_at = |pc: usize| find_func(pc).filter(|f| f.kind == FrameKind::Go);
    // SAFETY: rip is the faulting instruction, in mapped code.
    let (first_byte, call) = unsafe { (*(rip as *const u8), decode_call(rip, regs)) };
    if first_byte == PUSH_RBP {
        // The function at rip was entered and has not linked its frame:
        // its caller's frame is at rbp, the return address at rsp.
        if let Some(f) = go_at(rip) {
            trace.push(Item { what: What::Entry(f), fr: Frame { pc: rip, fp: 0 }, sp: rsp, top: rsp + 8 });
        }
        if in_stack(rsp) && in_stack(rbp) {
            // SAFETY: rsp lies in the stack (checked).
            let ret = unsafe { *(rsp as *const usize) };
            // SAFETY: rbp lies in the stack (checked).
            unsafe { trace.walk(g, Frame { pc: ret, fp: rbp }, rsp + 8) };
        }
    } else if let Some((target, len)) = call {
        // The call pushing its return address faulted: the callee is the
        // function that could not be entered.
        if let Some(f) = go_at(target).filter(|f| f.start == target) {
            trace.push(Item { what: What::Entry(f), fr: Frame { pc: target, fp: 0 }, sp: rsp - 8, top: rsp });
        }
        if in_stack(rbp) {
            // SAFETY: rbp lies in the stack (checked).
            unsafe { trace.walk(g, Frame { pc: rip + len, fp: rbp }, rsp) };
        }
    } else if let Some(f) = go_at(rip) {
        // A store into the function's new frame faulted: rbp is that frame.
        trace.push(Item { what: What::Entry(f), fr: Frame { pc: rip, fp: 0 }, sp: rsp, top: rbp + 16 });
        if in_stack(rbp) {
            // SAFETY: rbp lies in the stack (checked), so its caller's
            // frame pointer and return address are readable.
            if let Some(caller) = unsafe { Frame { pc: rip + 1, fp: rbp }.caller(top) } {
                // SAFETY: a frame of the chain below the top.
                unsafe { trace.walk(g, caller, rbp + 16) };
            }
        }
    } else if in_stack(rbp) {
        // Runtime code (or glue) faulted in its own frame: the Go frames
        // that called it follow on the chain.
        // SAFETY: rbp lies in the stack (checked).
        unsafe { trace.walk(g, Frame { pc: rip + 1, fp: rbp }, rsp) };
    }
}

/// `push rbp`, the first instruction of every function (frame pointers
/// are kept everywhere, see [`crate::frames`]).
const PUSH_RBP: u8 = 0x55;

/// The target and length of the call instruction at `pc`, if it is one
/// whose target the interrupted registers tell: `call rel32`,
/// `call r64` and `call [rip + disp32]`.
///
/// # Safety
/// `pc` is in mapped code (the instruction that faulted).
unsafe fn decode_call(pc: usize, regs: &Regs) -> Option<(usize, usize)> {
    // SAFETY: an instruction is at most 15 bytes, all in the code mapping
    // of the faulting instruction; the call forms read are at most 6.
    unsafe {
        let b = |i: usize| *((pc + i) as *const u8);
        let rel32 = |i: usize| ((pc + i) as *const i32).read_unaligned() as isize;
        match b(0) {
            0xE8 => Some((pc.wrapping_add(5).wrapping_add_signed(rel32(1)), 5)),
            0xFF if b(1) == 0x15 => {
                let slot = pc.wrapping_add(6).wrapping_add_signed(rel32(2));
                Some((*(slot as *const usize), 6))
            }
            0xFF if b(1) & 0xF8 == 0xD0 => Some((regs.get(GREG_OF_ENCODING[(b(1) & 7) as usize]), 2)),
            0x41 if b(1) == 0xFF && b(2) & 0xF8 == 0xD0 => {
                Some((regs.get(GREG_OF_ENCODING[8 + (b(2) & 7) as usize]), 3))
            }
            _ => None,
        }
    }
}

/// What an entry of a trace shows.
#[derive(Clone, Copy)]
enum What {
    /// A function that could not get its frame, at its entry line.
    Entry(&'static FuncInfo),
    /// Source frame `.1` (0: the innermost) of a frame of the rbp chain
    /// (see [`FuncInfo::source_frames`]).
    Frame(Shown, usize),
}

/// One shown frame of a trace (a call inlined into a frame is one of its
/// own, as gc counts them): what, where it is stopped (`fr.pc`), its
/// bottom (`sp`) and top (gc's `fp=`).
#[derive(Clone, Copy)]
struct Item {
    what: What,
    fr: Frame,
    sp: usize,
    top: usize,
}

/// A trace bounded as gc 1.27 bounds one: the first [`INNER`] shown
/// frames, and a ring of the last [`OUTER`] of the rest, with the count.
struct Trace {
    inner: [Option<Item>; INNER],
    outer: [Option<Item>; OUTER],
    n: usize,
}

impl Trace {
    fn new() -> Trace {
        Trace { inner: [None; INNER], outer: [None; OUTER], n: 0 }
    }

    fn push(&mut self, it: Item) {
        if self.n < INNER {
            self.inner[self.n] = Some(it);
        } else {
            self.outer[(self.n - INNER) % OUTER] = Some(it);
        }
        self.n += 1;
    }

    /// Adds the shown frames of goroutine `g` from `start` (whose bottom
    /// is `sp`) up to its stack top, each once.
    ///
    /// # Safety
    /// `start.fp` is a frame pointer in `g`'s stack below its top.
    unsafe fn walk(&mut self, g: *mut G, start: Frame, mut sp: usize) {
        // SAFETY: by the precondition; `caller` stops at the top and at a
        // frame pointer that does not go up.
        unsafe {
            let top = (*g).stack_top;
            let mut frame = Some(start);
            while let Some(fr) = frame {
                let shown = shown_frame(g, fr, start.fp, Wrappers::Shown);
                let n = match shown {
                    Shown::Go(f) => f.source_frames(fr.pc - 1).count(),
                    Shown::Panic(_) => 1,
                    Shown::Hidden => 0,
                };
                for k in 0..n {
                    self.push(Item { what: What::Frame(shown, k), fr, sp, top: fr.fp + 16 });
                }
                sp = fr.fp + 16;
                frame = fr.caller(top);
            }
        }
    }

    /// Writes the trace: all of it, or its inner and outer frames around
    /// gc's `...N frames elided...` line.
    ///
    /// # Safety
    /// The frames are live frames.
    unsafe fn print(&self, out: &mut impl ByteSink) {
        let first_outer = if self.n > INNER + OUTER { self.n - OUTER } else { INNER };
        for i in (0..self.n.min(INNER)).chain(first_outer..self.n) {
            if i == first_outer && first_outer > INNER {
                fmt_frames_elided(out, (self.n - INNER - OUTER) as u64);
            }
            let it = if i < INNER { self.inner[i] } else { self.outer[(i - INNER) % OUTER] };
            let Some(it) = it else { continue };
            let at = FrameAddrs { fp: it.top, sp: it.sp, pc: it.fr.pc };
            match it.what {
                What::Entry(f) => {
                    let args = if f.has_params { FrameArgs::Elided } else { FrameArgs::None };
                    let off = Some((it.fr.pc - f.start) as u64);
                    fmt_frame_at(out, f.name.as_bytes(), args, f.file.as_bytes(), entry_line(f), off, at);
                }
                // SAFETY: by the precondition.
                What::Frame(shown, k) => unsafe { fmt_shown_frame(out, it.fr, shown, Some(at), k..k + 1) },
            }
        }
    }
}

/// The line of a function's entry: the first line its line table gives
/// (the machine prologue itself has none).
fn entry_line(f: &FuncInfo) -> u32 {
    f.lines.iter().map(|&(_, line)| line).find(|&l| l != 0).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_below_the_stack_near_its_guard_or_its_pointer() {
        let lo = 0x10_0000;
        assert!(overflowed(lo - 8, lo, lo), "a push into the guard");
        assert!(overflowed(lo - 4096, lo + 64, lo), "anywhere in the guard page");
        assert!(overflowed(lo - 100_000, lo - 100_000, lo), "a frame that jumped the guard");
        assert!(!overflowed(lo, lo, lo), "inside the stack");
        assert!(!overflowed(8, lo + 4096, lo), "a nil dereference");
        assert!(!overflowed(lo - 100_000, lo + 4096, lo), "a wild pointer far below");
    }

    #[test]
    fn trace_keeps_inner_and_outer_frames() {
        let item = |pc| Item { what: What::Frame(Shown::Hidden, 0), fr: Frame { pc, fp: 0 }, sp: 0, top: 0 };
        let mut t = Trace::new();
        for pc in 0..1000 {
            t.push(item(pc));
        }
        assert_eq!(t.n, 1000);
        assert!((0..INNER).all(|i| t.inner[i].is_some_and(|it| it.fr.pc == i)));
        let outer: Vec<usize> = (1000 - OUTER..1000).map(|i| t.outer[(i - INNER) % OUTER].unwrap().fr.pc).collect();
        assert_eq!(outer, (1000 - OUTER..1000).collect::<Vec<_>>());
    }
}
