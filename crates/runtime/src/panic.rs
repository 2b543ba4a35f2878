//! Panic, defer and recover: the runtime half of Go's defer machinery.
//!
//! # Design
//!
//! Deferred calls come in two kinds, chosen per function by the compiler
//! (the choice mirrors gc 1.14+, see `lower::ir::DeferKind`):
//!
//! * **Open-coded defers.** The function keeps the callee and arguments of
//!   each `defer` statement in fixed slots of its own frame and sets bit *i*
//!   of a `deferBits` slot when statement *i* executes. Its exit code tests
//!   the bits last to first and makes the calls inline. The runtime learns
//!   about these frames only through funcdata ([`crate::frames::FuncInfo`]):
//!   the FP offset of deferBits and, per site, the FP offset of the saved
//!   arguments and a generated *thunk* that makes the call.
//! * **Defer records** ([`DeferRecord`]), for defers in loops (heap records)
//!   or in functions that cannot be open-coded (stack records). The record
//!   holds a thunk and the saved arguments; [`deft_deferproc`] (stack
//!   records) or [`deft_deferprocheap`] (heap records, pooled) links it onto
//!   the goroutine's defer chain with the frame pointer of the deferring
//!   frame, and [`deft_deferreturn`] runs a frame's records at its exit.
//!   A `defer` in a range-over-func loop body makes a heap record for the
//!   frame of the function containing the loop, further up the stack
//!   ([`deft_deferprocat`]): it is linked among that frame's records, not
//!   at the head, so the chain stays ordered by frame (innermost first).
//!
//! A panic ([`gopanic`]) walks the rbp chain from the panicking frame
//! outward. In each Go frame it first runs the frame's records (the ones at
//! the head of the chain whose `fp` is this frame), then its open-coded
//! defers; so records and open-coded frames interleave in frame order.
//!
//! # Invariants
//!
//! * Deferred calls of one frame run last to first, whichever path runs
//!   them (inline exit code, [`deft_deferreturn`], or a panic).
//! * The record chain is ordered by frame: records of inner (newer) frames
//!   come before those of outer frames, and a frame's records are
//!   contiguous, newest first.
//! * A defer is *consumed before its call*: the deferBits bit is cleared (and
//!   stored to the frame) or the record is unlinked before the deferred
//!   function is entered. A deferred call that panics is therefore never run
//!   again, neither by the new panic nor by the frame's exit code after a
//!   recovery.
//! * `recover()` succeeds only when (a) a panic is in progress and is not
//!   Goexit, (b) it has not been recovered already, and (c) recover's caller
//!   was called directly by the thunk through which the panic machinery made
//!   the current deferred call: the caller's saved rbp equals
//!   [`Panic::thunk_fp`]. Deferred calls made by exit code (inline or
//!   [`deft_deferreturn`]) never match, so recover returns nil there.
//!   `defer recover()` passes the frame pointer of the function executing
//!   the `defer` statement (saved at the `defer`, as gc evaluates recover's
//!   frame argument there), so it recovers exactly when that function is
//!   itself the deferred call the panic is running.
//! * A panic raised while an earlier panic runs a deferred call of frame F
//!   *aborts* the earlier one when its walk reaches F (gc marks the started
//!   defer's panic aborted). Aborted and recovered panics stay on the list
//!   until a recovery removes them, so an unrecovered panic prints the whole
//!   chain, oldest first.
//! * When a deferred call recovers, the frame whose defer it was resumes at
//!   the landing pad of the call it is stopped at (its deferreturn block):
//!   `rsp = fp − sp_below_fp`, `rbp = fp`, and the callee-saved registers
//!   as they were at that call ([`CalleeSaved`]: a SystemV-convention callee
//!   leaves the frame's values in them, and its landing pad may use them).
//!   The walk computes them: a panic starts from the registers its entry
//!   shim captured ([`RAISE_REGS`]); each frame passed undoes its prologue's
//!   saves; where the walk comes out of runtime frames into a Go frame, that
//!   frame either raised an earlier panic (whose captured registers apply)
//!   or called runtime code that may call Go code in a way that clobbers
//!   every register (a `try_call` of a Tail or PreserveAll callee), so its
//!   own prologue saved them all. Every frame between is discarded
//!   without running Rust destructors, so the runtime's panic path holds no
//!   owned values while it calls into Go; it reaches the panic record only
//!   through raw pointers.
//! * The recovered panic, and the aborted panics on the list right after it,
//!   are unlinked before resuming: they live in `gopanic` frames below the
//!   resumed frame, which the resume discards.

use std::cell::Cell;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::abi::{Eface, GoString, TypeDesc};
use crate::errors::{BoundsError, RuntimeError, TypeAssertionError, runtime_error_eface};
use crate::frames::{CalleeSaved, Frame, FrameKind, FuncInfo, RuntimeFrame};
use crate::panicprint::{ChainEntry, SignalInfo, fmt_panic_value, fmt_unrecovered_panic};
use crate::print::write_stderr;
use crate::traceback_fmt::{FrameAddrs, FrameArgs, fmt_frame, fmt_frame_at, fmt_goroutine_header, fmt_panic_frame};

/// An active panic (or, later, Goexit). Like gc's `_panic`, it lives in the
/// frame of [`gopanic`] and is linked into the goroutine's list; it is
/// unlinked before that frame is discarded.
pub struct Panic {
    /// The value passed to `panic`.
    pub arg: Eface,
    /// The panic that was in progress when this one started.
    pub link: *mut Panic,
    /// `recover()` returned this panic's value.
    pub recovered: bool,
    /// A newer panic walked past the frame this one was running defers of.
    pub aborted: bool,
    /// This is `runtime.Goexit`, not a panic: recover returns nil.
    pub goexit: bool,
    /// FP of the frame whose deferred call this panic is running (0: none yet).
    pub frame_fp: usize,
    /// FP of the thunk through which the current deferred call runs (0: none).
    pub thunk_fp: usize,
    /// The Go frame that raised it.
    pub origin: Frame,
    /// The functions gc's runtime has between `origin` and `gopanic` for
    /// this panic, innermost first (`runtime.Callers` reports them).
    pub via: &'static [RuntimeFrame],
    /// That frame's callee-saved registers at the raising call.
    pub regs: CalleeSaved,
}

/// A defer record: the layout generated code writes (stack records live in
/// the deferring frame, heap records come from [`deft_deferprocheap`]).
///
/// The compiler emits, at a stack-record `defer` statement, stores of
/// `heap_size` (0), `thunk` and the saved arguments (at
/// [`DEFER_RECORD_ARGS`]) into a frame slot, then a call of
/// [`deft_deferproc`]; at a heap-record one, a call of
/// [`deft_deferprocheap`] and the same stores into the record it returns.
#[repr(C)]
pub struct DeferRecord {
    /// Next (older) record of the goroutine.
    pub link: *mut DeferRecord,
    /// Frame pointer of the function that executed the `defer`.
    pub fp: usize,
    /// `extern "C" fn(args: *const u8, fp_out: *mut usize)` making the call.
    pub thunk: usize,
    /// Size in bytes if allocated by [`deft_deferprocheap`], 0 for a stack record.
    pub heap_size: usize,
}

/// Offset of the saved arguments in a [`DeferRecord`].
pub const DEFER_RECORD_ARGS: usize = std::mem::size_of::<DeferRecord>();

/// Signature of a defer thunk.
type Thunk = unsafe extern "C" fn(args: *const u8, fp_out: *mut usize);

/// Per-goroutine state of the panic engine.
pub struct G {
    /// Innermost active panic.
    pub panic: *mut Panic,
    /// Newest defer record.
    pub defer: *mut DeferRecord,
    /// Frame walks stop at frame pointers at or above this address (the
    /// runtime frame that entered Go code).
    pub stack_top: usize,
    /// Nonzero while the current panic chain started with a (simulated)
    /// memory fault: the pc of the failed nil check, for the
    /// `[signal SIGSEGV ...]` line of an unrecovered panic. Cleared when a
    /// recovery empties the panic list.
    pub sig: usize,
    /// Free heap defer records of [`POOLED_RECORD_SIZE`] bytes.
    pub defer_pool: *mut DeferRecord,
    /// Goroutine id as gc numbers them (main is 1).
    pub id: u64,
    /// Scheduler state ([`crate::sched`]).
    pub sched: crate::sched::GSched,
    /// What the crypto packages keep on a goroutine
    /// ([`crate::library::crypto`]).
    pub crypto: crate::library::crypto::CryptoState,
}

thread_local! {
    static CUR_G: Cell<*mut G> = const { Cell::new(null_mut()) };
}

/// The running goroutine. Null outside Go code.
pub fn cur_g() -> *mut G {
    CUR_G.get()
}

/// Makes `g` the running goroutine; returns the previous one.
pub fn set_g(g: *mut G) -> *mut G {
    CUR_G.replace(g)
}

// ---------------------------------------------------------------------------
// Entry shims. Each captures the Go caller's frame (return address and rbp)
// and callee-saved registers, and jumps to the Rust implementation. The
// compiler declares them SysV and calls them by `try_call` in functions
// with defers: a recovery resumes such a caller with the captured
// registers. The panicking ones never return.
// ---------------------------------------------------------------------------

/// The callee-saved registers of the Go frame that last entered the runtime
/// through a raising entry shim, as they were at that call: a panic raised
/// there resumes frames above it with these (see the module doc). One
/// thread runs Go code, and a raise reads them before any other Go code can
/// run; a shim that may park its goroutine first and raise afterwards keeps
/// a copy across the wait ([`keeping_raise_regs`]).
pub(crate) static mut RAISE_REGS: CalleeSaved = CalleeSaved([0; 5]);

/// The registers the last raising entry shim captured.
pub(crate) fn raise_regs() -> CalleeSaved {
    // SAFETY: only the thread running Go code touches RAISE_REGS.
    unsafe { (&raw const RAISE_REGS).read() }
}

/// Runs `wait` (which parks the goroutine, so that other goroutines enter
/// shims meanwhile) and then puts back the registers the current entry
/// shim captured, for a panic it raises afterwards.
pub(crate) fn keeping_raise_regs<R>(wait: impl FnOnce() -> R) -> R {
    let regs = raise_regs();
    let r = wait();
    // SAFETY: as in `raise_regs`.
    unsafe { (&raw mut RAISE_REGS).write(regs) };
    r
}

/// The instructions that begin a raising entry shim: store the
/// callee-saved registers into `{regs}` (bound to [`RAISE_REGS`]).
macro_rules! capture_regs {
    () => {
        "mov qword ptr [rip + {regs}], rbx
         mov qword ptr [rip + {regs} + 8], r12
         mov qword ptr [rip + {regs} + 16], r13
         mov qword ptr [rip + {regs} + 24], r14
         mov qword ptr [rip + {regs} + 32], r15"
    };
}
pub(crate) use capture_regs;

macro_rules! entry_shim {
    ($(#[$doc:meta])* $name:ident($($arg:ty),*) => $imp:ident, pc: $pc:literal, fp: $fp:literal) => {
        entry_shim!($(#[$doc])* $name($($arg),*) -> ! => $imp, pc: $pc, fp: $fp);
    };
    // An entry that may panic but usually returns: `$imp` takes the same
    // arguments plus pc and fp and returns straight to the Go caller.
    ($(#[$doc:meta])* $name:ident($($arg:ty),*) -> $ret:ty => $imp:ident, pc: $pc:literal, fp: $fp:literal) => {
        $(#[$doc])*
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub extern "C" fn $name($(_: $arg),*) -> $ret {
            core::arch::naked_asm!(
                $crate::panic::capture_regs!(),
                concat!("mov ", $pc, ", [rsp]"),
                concat!("mov ", $fp, ", rbp"),
                "jmp {imp}",
                regs = sym $crate::panic::RAISE_REGS,
                imp = sym $imp,
            )
        }
    };
}
pub(crate) use entry_shim;

entry_shim!(
    /// `panic(v)`. The compiler emits a call to this for `panic(v)` with the
    /// two words of the `interface{}` value.
    deft_gopanic(usize, usize) => gopanic_entry, pc: "rdx", fp: "rcx"
);
entry_shim!(
    /// The compiler emits a call to this when an integer division or
    /// remainder has a zero divisor.
    deft_panicdivide() => panicdivide_entry, pc: "rdi", fp: "rsi"
);
entry_shim!(
    /// The compiler emits a call to this when a shift count of signed type
    /// is negative.
    deft_panicshift() => panicshift_entry, pc: "rdi", fp: "rsi"
);
entry_shim!(
    /// The compiler emits a call to this when a range-over-func iterator
    /// misbehaves (gc's `panicrangestate`): `state` is the loop's state
    /// (`lower::ir::RangeState`) that makes the call an error.
    deft_panicrangestate(u64) => panicrangestate_entry, pc: "rsi", fp: "rdx"
);
entry_shim!(
    /// The compiler emits a call to this when it dereferences a nil pointer
    /// or calls a nil func value (gc gets a SIGSEGV there; deft checks).
    deft_panicmem() => panicmem_entry, pc: "rdi", fp: "rsi"
);
entry_shim!(
    /// The compiler emits a call to this when `deft_makeslice` or
    /// `deft_growslice` reports a size out of range: `code` is an
    /// [`AllocError`](crate::slices::AllocError).
    deft_panicalloc(u64) => panicalloc_entry, pc: "rsi", fp: "rdx"
);
entry_shim!(
    /// The compiler emits a call to this when an index or slice bound is out
    /// of range: `operands` points at `x` and `y` (in the failing frame),
    /// `code` is a [`BoundsCode`] (bit 8 set when `x` is signed). Through
    /// memory, not registers: a call whose arguments must be in fixed
    /// registers makes the register allocator keep a loop's index and
    /// length in those registers (or move them there) on the hot path, for
    /// a call that runs at most once.
    deft_panicbounds(*const [i64; 2], u64) => panicbounds_entry, pc: "rdx", fp: "rcx"
);

entry_shim!(
    /// The compiler emits a call to this when a type assertion `x.(T)`
    /// (without comma-ok) fails: the operand's dynamic type (null for nil),
    /// the asserted type, and the operand's static interface type.
    deft_panicdottype(usize, usize, usize) => panicdottype_entry, pc: "rcx", fp: "r8"
);

entry_shim!(
    /// `runtime.Goexit()`: the library's `runtime.Goexit` is implemented by
    /// this (called from its adapter, a glue frame the walk skips).
    deft_goexit() => goexit_entry, pc: "rdi", fp: "rsi"
);

entry_shim!(
    /// The compiler emits a call to this when a method table's wrapper for
    /// value method `method` of type `recv` finds the receiver pointer nil
    /// (gc's `panicwrap`).
    deft_panicwrap(usize, usize, usize) => panicwrap_entry, pc: "rcx", fp: "r8"
);

extern "C" fn panicwrap_entry(recv: usize, name_ptr: usize, name_len: usize, pc: usize, fp: usize) -> ! {
    let method = GoString { ptr: name_ptr as *const u8, len: name_len };
    panic_runtime_error(RuntimeError::NilValueReceiver(recv as *const TypeDesc, method), Frame { pc, fp })
}

extern "C" fn goexit_entry(pc: usize, fp: usize) -> ! {
    goexit(Frame { pc, fp })
}

extern "C" fn gopanic_entry(ty: usize, data: usize, pc: usize, fp: usize) -> ! {
    let arg = Eface { ty: ty as *const TypeDesc, data: data as *const u8 };
    let via = match RAISING_NEXT.take() {
        Some((v, via)) if v.same_words(arg) => via,
        _ => &[],
    };
    gopanic_via(arg, Frame { pc, fp }, via)
}

thread_local! {
    /// A runtime error value made by runtime code that generated code then
    /// raises with `panic` (a failed assertion to an interface type), with
    /// the runtime functions gc goes through to raise it.
    static RAISING_NEXT: Cell<Option<(Eface, &'static [RuntimeFrame])>> = const { Cell::new(None) };
}

/// Says that generated code is about to raise `v` with `panic` as gc's
/// runtime raises it through `via` (innermost first): the next
/// [`deft_gopanic`] of these very words records them.
pub(crate) fn raising_next(v: Eface, via: &'static [RuntimeFrame]) {
    RAISING_NEXT.set(Some((v, via)));
}

/// Raises runtime error `err` from the Go frame `origin`.
pub(crate) fn panic_runtime_error(err: RuntimeError, origin: Frame) -> ! {
    let via = RuntimeFrame::raising(&err);
    panic_runtime_error_via(err, origin, via)
}

/// Raises runtime error `err` from the Go frame `origin`, gc's runtime
/// functions between being `via` (innermost first).
pub(crate) fn panic_runtime_error_via(err: RuntimeError, origin: Frame, via: &'static [RuntimeFrame]) -> ! {
    if err.is_nil_deref() {
        // SAFETY: the shims are called from Go code, which runs on a goroutine.
        unsafe { (*cur_g()).sig = origin.pc };
    }
    gopanic_via(runtime_error_eface(err), origin, via)
}

extern "C" fn panicdivide_entry(pc: usize, fp: usize) -> ! {
    panic_runtime_error(RuntimeError::DivideByZero, Frame { pc, fp })
}

extern "C" fn panicshift_entry(pc: usize, fp: usize) -> ! {
    panic_runtime_error(RuntimeError::NegativeShift, Frame { pc, fp })
}

extern "C" fn panicrangestate_entry(state: u64, pc: usize, fp: usize) -> ! {
    if state > 4 || state == 1 {
        crate::proc::throw("unexpected state passed to panicrangestate");
    }
    panic_runtime_error(RuntimeError::RangeState(state as u8), Frame { pc, fp })
}

extern "C" fn panicmem_entry(pc: usize, fp: usize) -> ! {
    panic_runtime_error(RuntimeError::NilDeref, Frame { pc, fp })
}

extern "C" fn panicalloc_entry(code: u64, pc: usize, fp: usize) -> ! {
    use crate::slices::AllocError;
    let err = match AllocError::from_code(code) {
        Some(AllocError::MakeSliceLen) => RuntimeError::MakeSliceLen,
        Some(AllocError::MakeSliceCap) => RuntimeError::MakeSliceCap,
        Some(AllocError::GrowSliceLen) => RuntimeError::GrowSliceLen,
        Some(AllocError::UnsafeSliceLen) => RuntimeError::UnsafeSliceLen,
        Some(AllocError::UnsafeSliceNilPtr) => RuntimeError::UnsafeSliceNilPtr,
        Some(AllocError::UnsafeStringLen) => RuntimeError::UnsafeStringLen,
        Some(AllocError::UnsafeStringNilPtr) => RuntimeError::UnsafeStringNilPtr,
        None => crate::proc::throw("runtime: bad allocation error code"),
    };
    panic_runtime_error(err, Frame { pc, fp })
}

extern "C" fn panicbounds_entry(operands: *const [i64; 2], code: u64, pc: usize, fp: usize) -> ! {
    // SAFETY: the compiler passes the address of two words in the frame
    // of the failing function, which the walk has not left yet.
    let [x, y] = unsafe { *operands };
    let Some(b) = BoundsError::from_packed(x, y, code) else {
        fatal("bad bounds error code");
    };
    panic_runtime_error(RuntimeError::Bounds(b), Frame { pc, fp })
}

extern "C" fn panicdottype_entry(concrete: usize, asserted: usize, iface: usize, pc: usize, fp: usize) -> ! {
    let e = TypeAssertionError {
        interface: iface as *const TypeDesc,
        concrete: concrete as *const TypeDesc,
        asserted: asserted as *const TypeDesc,
        missing_method: GoString { ptr: std::ptr::null(), len: 0 },
    };
    panic_runtime_error(RuntimeError::TypeAssertion(e), Frame { pc, fp })
}

// ---------------------------------------------------------------------------
// The panic walk
// ---------------------------------------------------------------------------

/// Starts a panic with value `arg`, raised by the Go frame `origin` (the
/// return address into the panicking function and its frame pointer).
/// Runs deferred calls outward; resumes a frame if one recovers; otherwise
/// prints the panic and exits with status 2.
pub fn gopanic(arg: Eface, origin: Frame) -> ! {
    gopanic_via(arg, origin, &[])
}

/// [`gopanic`] for a panic that gc's runtime raises through the functions
/// `via` (innermost first).
fn gopanic_via(arg: Eface, origin: Frame, via: &'static [RuntimeFrame]) -> ! {
    let gp = cur_g();
    if gp.is_null() {
        fatal("panic outside Go code");
    }
    // Go 1.21: panic(nil) raises a *runtime.PanicNilError, unless
    // GODEBUG=panicnil=1 (the default of modules older than go 1.21).
    let arg = if arg.ty.is_null() && crate::godebug::value(b"panicnil") != b"1" {
        crate::errors::panic_nil_eface()
    } else {
        arg
    };
    // SAFETY: gp is the running goroutine; the panic record lives in this
    // frame, which stays alive until we resume elsewhere or exit, and is
    // unlinked before any resume discards it.
    unsafe {
        let mut rec = Panic {
            arg,
            link: (*gp).panic,
            recovered: false,
            aborted: false,
            goexit: false,
            frame_fp: 0,
            thunk_fp: 0,
            origin,
            via,
            regs: raise_regs(),
        };
        // Only raw pointers from here on: deferred calls (and nested panics)
        // reach the record through the goroutine's list while we are
        // suspended in a call.
        let p: *mut Panic = &raw mut rec;
        (*gp).panic = p;
        run_deferred_calls(gp, p, origin);
        fatal_panic(gp, origin)
    }
}

/// `runtime.Goexit` called from the Go frame `origin`: runs every pending
/// deferred call of the goroutine, as a panic would, except that `recover`
/// returns nil throughout (the goexit record is the innermost "panic").
/// Then the goroutine is finished ([`crate::sched::exit_current`]); for
/// the main goroutine the others keep running, and the process ends when
/// none is left.
pub fn goexit(origin: Frame) -> ! {
    let gp = cur_g();
    if gp.is_null() {
        fatal("Goexit outside Go code");
    }
    // SAFETY: as in `gopanic`: the record lives in this frame, reached only
    // through raw pointers while deferred calls run.
    unsafe {
        let nil = Eface { ty: std::ptr::null(), data: std::ptr::null() };
        let mut rec = Panic {
            arg: nil,
            link: (*gp).panic,
            recovered: false,
            aborted: false,
            goexit: true,
            frame_fp: 0,
            thunk_fp: 0,
            origin,
            via: &[],
            regs: raise_regs(),
        };
        let p: *mut Panic = &raw mut rec;
        (*gp).panic = p;
        run_deferred_calls(gp, p, origin);
        (*gp).panic = rec.link;
    }
    crate::sched::exit_current()
}

/// Walks the frames from `origin` outward, running every pending deferred
/// call; returns only if none recovered.
///
/// # Safety
/// `gp` is the running goroutine, `p` its innermost panic, `origin` a live
/// Go frame of this goroutine.
unsafe fn run_deferred_calls(gp: *mut G, p: *mut Panic, origin: Frame) {
    // SAFETY: frames below stack_top are live frames of this goroutine.
    unsafe {
        let top = (*gp).stack_top;
        let mut regs = (*p).regs;
        let mut in_runtime = false;
        let mut frame = Some(origin);
        while let Some(fr) = frame {
            frame = fr.caller(top);
            let Some(f) = fr.func() else {
                in_runtime = true;
                continue;
            };
            if std::mem::take(&mut in_runtime)
                && let Some(q) = panic_raised_by(p, fr.fp)
            {
                regs = (*q).regs;
            }
            if f.kind == FrameKind::Catch && !(*p).goexit {
                caught(gp, p, f, fr, &regs);
            }
            if f.kind == FrameKind::Go {
                abort_overtaken(p, fr.fp);
                run_frame_records(gp, p, f, fr, &regs);
                if let Some(od) = &f.open_defers {
                    run_frame_open_defers(p, f, od, fr, &regs);
                }
            }
            f.unwind_saved_regs(fr.fp, &mut regs);
        }
    }
}

/// The earlier panic (or Goexit) that the Go frame `fp` raised, if any.
///
/// # Safety
/// `p` is a live panic record whose list is well formed.
unsafe fn panic_raised_by(p: *mut Panic, fp: usize) -> Option<*mut Panic> {
    // SAFETY: the list links live panic records (see `gopanic`).
    unsafe {
        let mut q = (*p).link;
        while !q.is_null() {
            if (*q).origin.fp == fp {
                return Some(q);
            }
            q = (*q).link;
        }
        None
    }
}

/// Marks aborted every earlier panic that was running a deferred call of
/// frame `fp` or of a frame below it: this panic has overtaken it.
///
/// # Safety
/// `p` is a live panic record whose list is well formed.
unsafe fn abort_overtaken(p: *mut Panic, fp: usize) {
    // SAFETY: the list links live panic records (see `gopanic`).
    unsafe {
        let mut q = (*p).link;
        while !q.is_null() {
            if (*q).frame_fp != 0 && (*q).frame_fp <= fp {
                (*q).aborted = true;
            }
            q = (*q).link;
        }
    }
}

/// Runs the defer records of frame `fr` (those at the head of the chain).
///
/// # Safety
/// As [`run_deferred_calls`]; `f` is `fr`'s function.
unsafe fn run_frame_records(gp: *mut G, p: *mut Panic, f: &FuncInfo, fr: Frame, regs: &CalleeSaved) {
    // SAFETY: records on the chain are live (stack records belong to frames
    // at or above `fr`, heap records are only freed once unlinked).
    unsafe {
        loop {
            let d = (*gp).defer;
            if d.is_null() || (*d).fp != fr.fp {
                return;
            }
            (*gp).defer = (*d).link; // consumed before the call
            call_deferred(p, fr.fp, (*d).thunk, d.cast::<u8>().add(DEFER_RECORD_ARGS));
            free_record(gp, d);
            if (*p).recovered {
                recovery(gp, p, f, fr, regs);
            }
        }
    }
}

/// Runs the pending open-coded defers of frame `fr`, newest first.
///
/// # Safety
/// As [`run_deferred_calls`]; `od` is the funcdata of `fr`'s function `f`.
unsafe fn run_frame_open_defers(
    p: *mut Panic,
    f: &FuncInfo,
    od: &crate::frames::OpenDeferInfo,
    fr: Frame,
    regs: &CalleeSaved,
) {
    // SAFETY: the funcdata offsets address slots of the live frame `fr`.
    unsafe {
        let gp = cur_g();
        let bits = (fr.fp as isize + od.bits_off as isize) as *mut u64;
        for (i, site) in od.sites.iter().enumerate().rev() {
            let b = bits.read_volatile();
            if b & (1 << i) == 0 {
                continue;
            }
            // Clear the bit BEFORE calling: if this deferred call panics,
            // neither the new panic nor this frame's deferreturn block (after
            // a recovery) may run it again.
            bits.write_volatile(b & !(1 << i));
            let args = (fr.fp as isize + site.args_off as isize) as *const u8;
            call_deferred(p, fr.fp, site.thunk, args);
            if (*p).recovered {
                recovery(gp, p, f, fr, regs);
            }
        }
    }
}

/// Makes one deferred call on behalf of panic `p`, recording the frames
/// that the recover rule checks.
///
/// # Safety
/// `thunk` is a generated defer thunk and `args` its saved arguments.
unsafe fn call_deferred(p: *mut Panic, frame_fp: usize, thunk: usize, args: *const u8) {
    // SAFETY: by the precondition; `p` stays valid during the call.
    unsafe {
        (*p).frame_fp = frame_fp;
        let thunk: Thunk = std::mem::transmute::<usize, Thunk>(thunk);
        thunk(args, &raw mut (*p).thunk_fp);
        (*p).thunk_fp = 0;
    }
}

/// A deferred call of frame `fr` recovered panic `p`: unlink it (and the
/// aborted panics it overtook) and continue `fr` at the landing pad of the
/// call it is stopped at, with callee-saved registers `regs`.
///
/// # Safety
/// As [`run_deferred_calls`].
unsafe fn recovery(gp: *mut G, p: *mut Panic, f: &FuncInfo, fr: Frame, regs: &CalleeSaved) -> ! {
    // SAFETY: by the precondition.
    unsafe { unlink_and_resume(gp, p, f, fr, regs) }
}

/// Set while an unrecovered panic's values are turned into text (by their
/// `Error` or `String` methods): a panic in one of those is fatal.
static PRINTING_PANIC_VALUES: AtomicBool = AtomicBool::new(false);

/// The value of the panic the text-method catcher last caught.
static mut CAUGHT: Eface = Eface { ty: std::ptr::null(), data: std::ptr::null() };

/// Panic `p` reached the text-method catcher frame `fr`: it stops there
/// (a panic in a panic value's `String` or `Error` method); the
/// catcher resumes at its landing pad and returns 0, and its caller takes
/// the value with [`take_caught`].
///
/// # Safety
/// As [`run_deferred_calls`].
unsafe fn caught(gp: *mut G, p: *mut Panic, f: &FuncInfo, fr: Frame, regs: &CalleeSaved) -> ! {
    // SAFETY: only the thread running Go code touches CAUGHT, and the
    // catcher's caller reads it before any Go code runs again.
    unsafe {
        if PRINTING_PANIC_VALUES.load(Ordering::Relaxed) {
            // gc throws from the deferred call that recovers it, with the
            // frames of the method still on the stack.
            let msg = crate::panicprint::printing_panicked_message((*p).arg);
            fatal_with_traceback(msg.as_bytes(), b"running", (*p).origin);
        }
        (&raw mut CAUGHT).write((*p).arg);
        unlink_and_resume(gp, p, f, fr, regs)
    }
}

/// The value of the panic the text-method catcher just caught (see
/// [`crate::entry::call_text_method_catching`]).
pub(crate) fn take_caught() -> Eface {
    // SAFETY: as in `caught`.
    unsafe { (&raw const CAUGHT).read() }
}

/// Unlinks panic `p` (and the aborted panics it overtook) and continues
/// `fr` at the landing pad of the call it is stopped at, with callee-saved
/// registers `regs`.
///
/// # Safety
/// As [`run_deferred_calls`].
unsafe fn unlink_and_resume(gp: *mut G, p: *mut Panic, f: &FuncInfo, fr: Frame, regs: &CalleeSaved) -> ! {
    // SAFETY: the panic list holds live records; `fr` is a live frame and the
    // landing pad's stack depth comes from the compiler's call-site table.
    unsafe {
        let mut next = (*p).link;
        while !next.is_null() && (*next).aborted {
            next = (*next).link;
        }
        (*gp).panic = next;
        if next.is_null() {
            (*gp).sig = 0;
        }
        let Some(lp) = f.landing_pad(fr.pc) else {
            fatal(&format!("{}: resumed at +{:#x}, which is not a landing-pad call site", f.name, fr.pc - f.start));
        };
        resume(f.start + lp.pad_off as usize, fr.fp - lp.sp_below_fp as usize, fr.fp, regs)
    }
}

/// Jumps to a landing pad with the given stack and frame pointers and
/// callee-saved registers.
///
/// # Safety
/// `pc`, `sp`, `fp` must describe a landing pad of a live frame, and `regs`
/// the callee-saved registers at its call.
unsafe fn resume(pc: usize, sp: usize, fp: usize, regs: &CalleeSaved) -> ! {
    // SAFETY: by the precondition; everything below `sp` is discarded (the
    // registers are read before rsp moves).
    unsafe {
        core::arch::asm!(
            "mov rbx, [r8]",
            "mov r12, [r8 + 8]",
            "mov r13, [r8 + 16]",
            "mov r14, [r8 + 24]",
            "mov r15, [r8 + 32]",
            "mov rsp, rcx",
            "mov rbp, rsi",
            "jmp rdi",
            in("r8") regs.0.as_ptr(),
            in("rax") 0usize, in("rdx") 0usize, in("rcx") sp, in("rsi") fp, in("rdi") pc,
            options(noreturn),
        )
    }
}

// ---------------------------------------------------------------------------
// recover, defer records
// ---------------------------------------------------------------------------

/// `recover()`. The compiler emits a call to this for `recover()`, passing
/// the frame pointer of the function containing it. Returns the panic value
/// and marks the panic recovered when the rule in the module doc allows it,
/// otherwise the nil interface.
#[unsafe(no_mangle)]
pub extern "C" fn deft_recover(caller_fp: usize) -> Eface {
    let nil = Eface { ty: std::ptr::null(), data: std::ptr::null() };
    let gp = cur_g();
    // SAFETY: `caller_fp` is the frame pointer of a live Go frame, whose
    // saved rbp is readable; the panic list holds live records.
    unsafe {
        let p = if gp.is_null() { null_mut() } else { (*gp).panic };
        if p.is_null() || (*p).goexit || (*p).recovered {
            return nil;
        }
        if deferred_call_parent(caller_fp) != (*p).thunk_fp {
            return nil;
        }
        (*p).recovered = true;
        (*p).arg
    }
}

/// Size of pooled heap records: records this large or smaller are reused
/// through the goroutine's free list instead of going back to the
/// allocator (gc keeps a per-P defer pool for the same reason).
pub const POOLED_RECORD_SIZE: usize = 128;

/// The frame pointer of the frame that called the function whose frame is
/// `fp`, looking through wrapper frames (method value wrappers): with
/// `f := t.M; defer f()`, `M` is called by the wrapper, which the thunk
/// called.
///
/// # Safety
/// `fp` is the frame pointer of a live frame.
unsafe fn deferred_call_parent(fp: usize) -> usize {
    // SAFETY: walking saved frame pointers and return addresses of live frames.
    unsafe {
        let mut parent = Frame { pc: *((fp + 8) as *const usize), fp: *(fp as *const usize) };
        while parent.func().is_some_and(|f| f.wrapper) {
            parent = Frame { pc: *((parent.fp + 8) as *const usize), fp: *(parent.fp as *const usize) };
        }
        parent.fp
    }
}

/// The compiler emits a call to this at a heap-allocated `defer` statement
/// (a `defer` in a loop), before filling in the record: returns a record
/// of at least `size` bytes (header plus saved arguments), already linked
/// onto the goroutine's defer chain for frame `fp`; the generated code then
/// stores the thunk and the arguments (nothing can run the record before
/// that: the stores cannot panic).
#[unsafe(no_mangle)]
pub extern "C" fn deft_deferprocheap(size: usize, fp: usize) -> *mut DeferRecord {
    let gp = cur_g();
    // SAFETY: gp is the running goroutine; the record is new.
    unsafe {
        let d = new_record(gp, size);
        link_record(gp, d, fp);
        d
    }
}

/// The compiler emits a call to this at a `defer` in a range-over-func loop
/// body (gc's `deferprocat`), before filling in the record: returns a
/// record of at least `size` bytes linked for frame `fp`, the function
/// containing the loop, which is still running further up the stack of the
/// body's frame `own_fp`. The record goes in front of that frame's records
/// but behind those of the frames between (the iterator's, the bodies'),
/// which must run first: since the frame cannot have deferred anything
/// itself while the loop runs, the chain then holds, for each frame, its
/// deferred calls in the order they were deferred, as gc's conversion of
/// the `deferrangefunc` token yields them.
///
/// A body run by another goroutine than the one running `fp` (an iterator
/// that calls its yield function from a goroutine of its own) is reported
/// as not supported: that goroutine's chain cannot hold the record.
#[unsafe(no_mangle)]
pub extern "C" fn deft_deferprocat(size: usize, fp: usize, own_fp: usize) -> *mut DeferRecord {
    let gp = cur_g();
    // SAFETY: gp is the running goroutine; the chain holds live records,
    // newest (innermost frame) first.
    unsafe {
        if !(own_fp < fp && fp < (*gp).stack_top) {
            fatal("deft does not support defer in a range-over-func loop body run by another goroutine yet");
        }
        let d = new_record(gp, size);
        let mut at: *mut *mut DeferRecord = &raw mut (*gp).defer;
        while !(*at).is_null() && (**at).fp < fp {
            at = &raw mut (**at).link;
        }
        (*d).fp = fp;
        (*d).link = *at;
        *at = d;
        d
    }
}

/// A heap record of at least `size` bytes, not linked: a pooled one when
/// it fits.
///
/// # Safety
/// `gp` is the running goroutine.
unsafe fn new_record(gp: *mut G, size: usize) -> *mut DeferRecord {
    // SAFETY: pooled records are unlinked records of POOLED_RECORD_SIZE
    // bytes.
    unsafe {
        if size <= POOLED_RECORD_SIZE && !(*gp).defer_pool.is_null() {
            let d = (*gp).defer_pool;
            (*gp).defer_pool = (*d).link;
            d
        } else {
            let size = if size <= POOLED_RECORD_SIZE { POOLED_RECORD_SIZE } else { size };
            let layout = std::alloc::Layout::from_size_align(size, 16).expect("defer record size");
            let d = std::alloc::alloc(layout).cast::<DeferRecord>();
            if d.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            (*d).heap_size = size;
            d
        }
    }
}

/// Links record `d` of frame `fp` onto the goroutine's defer chain.
///
/// # Safety
/// `gp` is the running goroutine; `d` a record not linked yet.
unsafe fn link_record(gp: *mut G, d: *mut DeferRecord, fp: usize) {
    // SAFETY: by the precondition.
    unsafe {
        (*d).fp = fp;
        (*d).link = (*gp).defer;
        (*gp).defer = d;
    }
}

/// Frees a heap record (stack records are left alone): pooled sizes go to
/// the goroutine's free list.
///
/// # Safety
/// `d` is unlinked and no longer used.
unsafe fn free_record(gp: *mut G, d: *mut DeferRecord) {
    // SAFETY: heap records were allocated by `deft_deferprocheap` with this
    // layout; gp is the running goroutine.
    unsafe {
        match (*d).heap_size {
            0 => {}
            POOLED_RECORD_SIZE => {
                (*d).link = (*gp).defer_pool;
                (*gp).defer_pool = d;
            }
            size => std::alloc::dealloc(d.cast(), std::alloc::Layout::from_size_align_unchecked(size, 16)),
        }
    }
}

/// The compiler emits a call to this after filling in a defer record (thunk
/// and arguments) at a record-kind `defer` statement: links `d` onto the
/// goroutine's defer chain for the frame `fp`.
///
/// # Safety
/// `d` must point to a record in the frame `fp` that is not linked yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_deferproc(d: *mut DeferRecord, fp: usize) {
    // SAFETY: `d` is a record the generated code just filled in; the
    // running goroutine is live.
    unsafe { link_record(cur_g(), d, fp) }
}

/// The compiler emits a call to this (a try_call whose exceptional edge is
/// the deferreturn block itself) in the exit code of a function with defer
/// records: runs the records of frame `fp`, newest first.
#[unsafe(no_mangle)]
pub extern "C" fn deft_deferreturn(fp: usize) {
    let gp = cur_g();
    // SAFETY: the chain holds live records; the thunk writes its frame
    // pointer into a local that no panic compares against.
    unsafe {
        loop {
            let d = (*gp).defer;
            if d.is_null() || (*d).fp != fp {
                return;
            }
            (*gp).defer = (*d).link;
            let mut thunk_fp = 0usize;
            let thunk: Thunk = std::mem::transmute::<usize, Thunk>((*d).thunk);
            thunk(d.cast::<u8>().add(DEFER_RECORD_ARGS), &raw mut thunk_fp);
            free_record(gp, d);
        }
    }
}

// ---------------------------------------------------------------------------
// Unrecovered panics
// ---------------------------------------------------------------------------

/// Whether an unrecovered panic lists every goroutine, not only the
/// panicking one: gc's `GOTRACEBACK=all`, which package testing sets
/// (`debug.SetTraceback("all")`) before its timeout panic.
static TRACEBACK_ALL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `func setTracebackAll()` of package testing: from now on an
/// unrecovered panic prints every goroutine's traceback.
pub extern "C" fn set_traceback_all() {
    TRACEBACK_ALL.store(true, Ordering::Relaxed);
}

/// `func setTracebackAll(all bool)` of package runtime/debug (behind
/// `SetTraceback`): whether an unrecovered panic prints every goroutine's
/// traceback from now on.
pub extern "C" fn set_traceback_all_to(all: bool) {
    TRACEBACK_ALL.store(all, Ordering::Relaxed);
}

/// Prints a runtime-internal fatal error (not a Go panic) and exits with 2.
pub fn fatal(msg: &str) -> ! {
    crate::proc::throw(msg)
}

/// Prints the panic chain and the goroutine's stack as gc does, then exits
/// with status 2.
///
/// # Safety
/// `gp` is the running goroutine; `origin` the frame that raised the last panic.
unsafe fn fatal_panic(gp: *mut G, origin: Frame) -> ! {
    let mut out: Vec<u8> = Vec::new();
    // SAFETY: the list holds live records.
    unsafe {
        let mut panics = Vec::new();
        let mut p = (*gp).panic;
        while !p.is_null() {
            panics.push(p);
            p = (*p).link;
        }
        panics.reverse();
        // gc's preprintpanics: values with an Error or String method print
        // what it returns; the methods are Go code and run first, before
        // anything is printed (a panic in one is fatal, see `caught`).
        PRINTING_PANIC_VALUES.store(true, Ordering::Relaxed);
        // A panic whose value is the very interface value of the panic
        // before it (gc 1.23+ compares the two words) re-raised that one:
        // it is not printed, the earlier one says so.
        let repanicked: Vec<bool> = (0..panics.len())
            .map(|i| panics.get(i + 1).is_some_and(|&next| (*next).arg.same_words((*panics[i]).arg)))
            .collect();
        let texts: Vec<Vec<u8>> = panics
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let mut t = Vec::new();
                if i == 0 || !repanicked[i - 1] {
                    let method_text = crate::iface::panic_method_text((*p).arg);
                    fmt_panic_value(&mut t, (*p).arg, method_text.as_deref());
                }
                t
            })
            .collect();
        let chain: Vec<ChainEntry> = panics
            .iter()
            .zip(&texts)
            .zip(&repanicked)
            .map(|((&p, t), &repanicked)| ChainEntry {
                text: t,
                recovered: (*p).recovered,
                goexit: (*p).goexit,
                repanicked,
            })
            .collect();
        let signal = ((*gp).sig != 0).then_some(SignalInfo { addr: 0, pc: (*gp).sig as u64 });
        fmt_unrecovered_panic(&mut out, &chain, signal);
        fmt_goroutine_header(&mut out, (*gp).id, b"running");
        traceback(&mut out, gp, origin, Wrappers::Elided);
        crate::sched::fmt_creator(&mut out, gp);
        if TRACEBACK_ALL.load(Ordering::Relaxed) {
            crate::sched::fmt_other_goroutines(&mut out, gp);
        }
    }
    write_stderr(&out);
    crate::proc::exit(crate::proc::EXIT_PANIC)
}

/// gc's `fatal error: MSG` followed by the goroutine's traceback, as a
/// fatal error raised by the Go frame `origin` prints it (`status` is what
/// the goroutine header says it was doing, e.g. `semacquire`); exits with
/// status 2.
pub fn fatal_with_traceback(msg: &[u8], status: &[u8], origin: Frame) -> ! {
    let mut out = Vec::new();
    crate::proc::fmt_fatal_error(&mut out, msg);
    out.push(b'\n');
    fmt_goroutine_header(&mut out, crate::sched::current_id(), status);
    let gp = cur_g();
    if !gp.is_null() {
        // SAFETY: `origin` is a live Go frame of the running goroutine.
        unsafe {
            traceback(&mut out, gp, origin, Wrappers::Shown);
            crate::sched::fmt_creator(&mut out, gp);
        }
    }
    write_stderr(&out);
    crate::proc::exit(crate::proc::EXIT_PANIC)
}

/// Which frames of wrappers (gc's autogenerated `(*T).M`, `I.M-fm`) a
/// traceback shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wrappers {
    /// Only a wrapper that raised the panic, as gc's panics and
    /// `runtime.Stack` show them.
    Elided,
    /// All, as gc's fatal errors (`throw`) show them.
    Shown,
}

/// Appends gc-style traceback lines for the goroutine's Go frames, from
/// `origin` outward. A defer thunk called by an active panic shows as that
/// panic's `panic(...)` frame, as gc shows `gopanic`.
///
/// # Safety
/// `origin` is a live frame of goroutine `gp`.
pub(crate) unsafe fn traceback(out: &mut Vec<u8>, gp: *mut G, origin: Frame, wrappers: Wrappers) {
    // SAFETY: by the precondition.
    unsafe { traceback_skipping(out, gp, origin, wrappers, 0) }
}

/// [`traceback`] without the `skip` innermost source frames of `origin`
/// (calls inlined there: see [`FuncInfo::source_frames`]).
///
/// # Safety
/// `origin` is a live frame of goroutine `gp`.
pub(crate) unsafe fn traceback_skipping(out: &mut Vec<u8>, gp: *mut G, origin: Frame, wrappers: Wrappers, skip: usize) {
    // SAFETY: walking live frames below the stack top.
    unsafe {
        let top = (*gp).stack_top;
        let mut frame = Some(origin);
        let mut skip = skip;
        while let Some(fr) = frame {
            let shown = shown_frame(gp, fr, origin.fp, wrappers);
            fmt_shown_frame(out, fr, shown, None, std::mem::take(&mut skip)..usize::MAX);
            frame = fr.caller(top);
        }
    }
}

/// What a traceback shows for one frame of the rbp chain.
#[derive(Clone, Copy)]
pub(crate) enum Shown {
    /// A Go function's frame.
    Go(&'static FuncInfo),
    /// A defer thunk through which panic `p` runs a deferred call: its
    /// `panic(...)` pseudo-frame.
    Panic(*mut Panic),
    /// Nothing (runtime code, glue, an elided wrapper).
    Hidden,
}

/// What a traceback of goroutine `gp` that starts at the frame whose fp is
/// `origin_fp` shows for frame `fr`. Reads only funcdata and the
/// goroutine's panic list (no allocation: the stack-overflow report calls
/// it in a signal handler).
///
/// # Safety
/// `fr` is a frame of goroutine `gp`.
pub(crate) unsafe fn shown_frame(gp: *mut G, fr: Frame, origin_fp: usize, wrappers: Wrappers) -> Shown {
    match fr.func() {
        Some(f) if f.kind == FrameKind::Go && (!f.wrapper || wrappers == Wrappers::Shown || fr.fp == origin_fp) => {
            Shown::Go(f)
        }
        // SAFETY: by the precondition.
        Some(f) if f.kind == FrameKind::DeferThunk => match unsafe { panic_of_thunk(gp, fr.fp) } {
            Some(p) => Shown::Panic(p),
            None => Shown::Hidden,
        },
        _ => Shown::Hidden,
    }
}

/// Writes what [`shown_frame`] decided for frame `fr`, its source frames
/// `which` (0: the innermost; see [`FuncInfo::source_frames`]); `at` adds
/// gc's `fp=… sp=…` of a fatal error's trace (`pc=` is the frame's return
/// address).
///
/// # Safety
/// `fr` is a live frame; a `Shown::Panic` is live.
pub(crate) unsafe fn fmt_shown_frame(
    out: &mut impl crate::print::ByteSink,
    fr: Frame,
    shown: Shown,
    at: Option<FrameAddrs>,
    which: std::ops::Range<usize>,
) {
    match shown {
        Shown::Go(f) => {
            // The calls inlined at the pc first, as gc shows them: `(...)`,
            // no offset, no addresses.
            let (skip, take) = (which.start, which.end.saturating_sub(which.start));
            for sf in f.source_frames(fr.pc - 1).skip(skip).take(take) {
                let (name, file) = (sf.name.as_bytes(), sf.file.as_bytes());
                if sf.call != 0 {
                    fmt_frame(out, name, FrameArgs::Elided, file, sf.line, None);
                    continue;
                }
                let args = if f.has_params { FrameArgs::Elided } else { FrameArgs::None };
                let off = Some((fr.pc - f.start) as u64);
                match at {
                    None => fmt_frame(out, name, args, file, sf.line, off),
                    Some(a) => fmt_frame_at(out, name, args, file, sf.line, off, a),
                }
            }
        }
        // SAFETY: by the precondition.
        Shown::Panic(p) => fmt_panic_frame(out, unsafe { (*p).arg }),
        Shown::Hidden => {}
    }
}

/// The active panic (or Goexit) that frame `fr` raised, if any.
///
/// # Safety
/// `gp` is the running goroutine.
pub(crate) unsafe fn panic_raised_at(gp: *mut G, fr: Frame) -> Option<*mut Panic> {
    // SAFETY: the list holds live records.
    unsafe {
        let mut p = (*gp).panic;
        while !p.is_null() {
            if (*p).origin.fp == fr.fp && (*p).origin.pc == fr.pc {
                return Some(p);
            }
            p = (*p).link;
        }
        None
    }
}

/// The active panic whose deferred call runs through the thunk frame `fp`.
///
/// # Safety
/// `gp` is the running goroutine.
pub(crate) unsafe fn panic_of_thunk(gp: *mut G, fp: usize) -> Option<*mut Panic> {
    // SAFETY: the list holds live records.
    unsafe {
        let mut p = (*gp).panic;
        while !p.is_null() {
            if (*p).thunk_fp == fp {
                return Some(p);
            }
            p = (*p).link;
        }
        None
    }
}
