//! The function table and the frame walker: pc → function, funcdata, lines.
//!
//! Code generation registers one [`FuncInfo`] per compiled function (Go
//! functions, and the hidden thunks and trampolines it generates) once the
//! code has its final address. The panic engine ([`crate::panic`]) and the
//! traceback printer find a frame's function by a return address through
//! [`find_func`].
//!
//! Invariants:
//! * Every JIT function and every Rust runtime function keeps a frame
//!   pointer (Cranelift `preserve_frame_pointers`, rustc
//!   `-C force-frame-pointers=yes`), so `[fp]` is the caller's fp and
//!   `[fp + 8]` the return address into the caller: one walk of the rbp
//!   chain crosses Go and runtime frames alike.
//! * A frame is looked up by `return address − 1`: a call that never returns
//!   may be the last instruction of its function. Answers are cached per
//!   thread (a panic walk asks about the same return addresses repeatedly).
//! * The table only grows; a published table is never mutated (readers hold
//!   plain `&'static` references to it).
//!
//! **Inlined calls.** Code generation replaces some calls by the callee's
//! code, and gc shows the frames of such calls as if they were real (its
//! *inline tree*): a function's [`InlineTree`] says, per range of code,
//! which inlined call it came from, and each call which call (or the
//! function's own body) it sits in and at what line. One physical frame
//! then stands for several *source frames* ([`SourceFrame`]), innermost
//! first. As gc's `runtime.Callers` gives each source frame a program
//! counter of its own (gc's inline marks), an outer source frame is named by
//! a *mark*: an address that is no code address (non-canonical on x86-64:
//! never mapped, never a return address), one per inlined call, that
//! [`source_at`] resolves to the call's position in its parent
//! ([`mark_pc`]). Marks are given out as functions are registered and never
//! change.

use std::cell::Cell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicPtr, Ordering};

/// What a registered function is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// A Go function or method: printed in tracebacks, may have defers.
    Go,
    /// A generated defer thunk (`thunk(args, fp_out)`): the runtime calls a
    /// deferred function through it. Hidden in tracebacks.
    DeferThunk,
    /// Any other generated glue (runtime → Go trampolines). Hidden.
    Glue,
    /// The generated text-method catcher through which the runtime calls a
    /// panic value's `Error` or `String` method: a panic reaching it is
    /// caught ([`crate::entry::call_text_method_catching`]). Hidden.
    Catch,
}

/// Funcdata of a function whose defers are open-coded.
#[derive(Clone, Debug, Default)]
pub struct OpenDeferInfo {
    /// FP-relative offset of the 64-bit deferBits slot.
    pub bits_off: i32,
    /// One entry per open-coded defer site, indexed by bit number.
    pub sites: Vec<OpenDeferSite>,
}

/// One open-coded defer site.
#[derive(Clone, Debug, Default)]
pub struct OpenDeferSite {
    /// FP-relative offset of the slot holding the saved callee and arguments.
    pub args_off: i32,
    /// Address of the thunk `extern "C" fn(args: *const u8, fp_out: *mut usize)`
    /// that loads them and makes the deferred call.
    pub thunk: usize,
}

/// A call site whose exceptional edge leads to a landing pad (the function's
/// deferreturn block): where a recovered frame resumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LandingPad {
    /// Offset of the call's return address from the function start.
    pub ret_off: u32,
    /// FP − SP while the call is in progress.
    pub sp_below_fp: u32,
    /// Offset of the landing pad from the function start.
    pub pad_off: u32,
}

/// The callee-saved integer registers of the System V ABI, by hardware
/// encoding, in the order [`CalleeSaved`] keeps them: rbx, r12, r13, r14,
/// r15 (rbp, the frame pointer, is restored by the frame walk itself).
pub const CALLEE_SAVED_ENCODINGS: [u8; 5] = [3, 12, 13, 14, 15];

/// Values of the callee-saved registers ([`CALLEE_SAVED_ENCODINGS`]) as a
/// frame sees them at the call it is stopped at.
///
/// A Go function whose calling convention is SystemV keeps values in these
/// registers across its calls, also across a `try_call` whose exceptional
/// edge a recovery takes: so the panic engine must resume such a frame with
/// them as they were at that call. It starts from the values the raising
/// entry shim captured and undoes, frame by frame outward, each frame's
/// saves ([`FuncInfo::saved_regs`]).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct CalleeSaved(pub [usize; 5]);

/// Everything the runtime knows about one compiled function.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// Name as gc prints it (`main.f.func1`).
    pub name: String,
    /// Source file as printed in tracebacks.
    pub file: String,
    /// Whether the Go function takes parameters (`f(...)` vs `f()` in tracebacks).
    pub has_params: bool,
    /// First code byte.
    pub start: usize,
    /// One past the last code byte.
    pub end: usize,
    /// Kind of function.
    pub kind: FrameKind,
    /// A compiler-generated wrapper (method value `T.M-fm`) that calls
    /// exactly one function: transparent for the recover rule, as gc's
    /// WRAPPER functions are.
    pub wrapper: bool,
    /// `(pc offset, line)` sorted by offset: code from an offset up to the
    /// next entry belongs to that line (0: unknown).
    pub lines: Vec<(u32, u32)>,
    /// Open-coded defer funcdata, if the function has open-coded defers.
    pub open_defers: Option<OpenDeferInfo>,
    /// Landing pads, sorted by `ret_off` (binary searched on recovery).
    pub landing_pads: Vec<LandingPad>,
    /// Callee-saved registers its prologue saves: (index in
    /// [`CalleeSaved`], FP-relative offset of the saved value).
    pub saved_regs: Vec<(u8, i32)>,
    /// The calls inlined into its code.
    pub inline: InlineTree,
    /// The index of its first inlined call's mark among all marks (set by
    /// [`register`]).
    pub mark_base: usize,
}

/// The calls inlined into a function's code (gc's inline tree).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InlineTree {
    /// The inlined calls; an inlined call's own inlined calls come after
    /// it.
    pub calls: Vec<InlinedCall>,
    /// `(pc offset, call)` sorted by offset, as [`FuncInfo::lines`]: code
    /// from an offset up to the next entry came from the body of inlined
    /// call `call - 1` (0: the function's own body).
    pub runs: Vec<(u32, u32)>,
}

/// One inlined call: the callee's code is in its caller's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlinedCall {
    /// The callee's name as gc prints it.
    pub name: String,
    /// The callee's source file.
    pub file: String,
    /// The inlined call whose body the call is in (index + 1), 0 for the
    /// function's own body.
    pub parent: u32,
    /// The line of the call in that body.
    pub line: u32,
}

/// A frame as gc shows it: a function, or a call inlined into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceFrame<'a> {
    /// The function's name.
    pub name: &'a str,
    /// Its source file.
    pub file: &'a str,
    /// The line it is at.
    pub line: u32,
    /// The inlined call it is (index + 1), 0 for the physical frame's own
    /// function.
    pub call: u32,
}

impl FuncInfo {
    /// The source line of the instruction at `pc` (a return address − 1).
    pub fn line_at(&self, pc: usize) -> u32 {
        let off = pc.wrapping_sub(self.start) as u32;
        let i = self.lines.partition_point(|&(o, _)| o <= off);
        if i == 0 { 0 } else { self.lines[i - 1].1 }
    }

    /// The inlined call (index + 1, 0: none) the instruction at `pc` (a
    /// return address − 1) came from.
    pub fn call_at(&self, pc: usize) -> u32 {
        let off = pc.wrapping_sub(self.start) as u32;
        let i = self.inline.runs.partition_point(|&(o, _)| o <= off);
        if i == 0 { 0 } else { self.inline.runs[i - 1].1 }
    }

    /// The source frame of inlined call `call` (index + 1; 0: the function
    /// itself) at `line`.
    pub fn source_frame(&self, call: u32, line: u32) -> SourceFrame<'_> {
        match call.checked_sub(1).and_then(|c| self.inline.calls.get(c as usize)) {
            Some(c) => SourceFrame { name: &c.name, file: &c.file, line, call },
            None => SourceFrame { name: &self.name, file: &self.file, line, call: 0 },
        }
    }

    /// The source frame of the call `call` sits in (index + 1), at the
    /// call's line; `None` for the function itself.
    pub fn parent_frame(&self, call: u32) -> Option<SourceFrame<'_>> {
        let c = self.inline.calls.get(call.checked_sub(1)? as usize)?;
        Some(self.source_frame(c.parent, c.line))
    }

    /// The source frames a frame of this function stopped at `pc` (a
    /// return address − 1) stands for, innermost first: the inlined calls
    /// the instruction came from, then the function.
    pub fn source_frames(&self, pc: usize) -> impl Iterator<Item = SourceFrame<'_>> {
        std::iter::successors(Some(self.source_frame(self.call_at(pc), self.line_at(pc))), |f| {
            self.parent_frame(f.call)
        })
    }

    /// Unwinds `regs` through a frame of this function at `fp`: from what
    /// the registers held at a call this frame made, to what they held at
    /// the call its caller made (the values this frame saved on entry).
    ///
    /// # Safety
    /// `fp` is the frame pointer of a live frame of this function, stopped
    /// at a call (its prologue has run).
    pub unsafe fn unwind_saved_regs(&self, fp: usize, regs: &mut CalleeSaved) {
        for &(reg, off) in &self.saved_regs {
            // SAFETY: by the precondition, the save slots of the frame hold
            // the values its prologue stored.
            regs.0[reg as usize] = unsafe { *((fp as isize + off as isize) as *const usize) };
        }
    }

    /// The landing pad of the call whose return address is `ret_pc`.
    pub fn landing_pad(&self, ret_pc: usize) -> Option<LandingPad> {
        let off = ret_pc.wrapping_sub(self.start) as u32;
        let i = self.landing_pads.binary_search_by_key(&off, |lp| lp.ret_off).ok()?;
        Some(self.landing_pads[i])
    }
}

/// The published table: `starts` is sorted and parallel to `funcs`; the
/// binary search runs over the compact `starts` array.
struct FuncTable {
    starts: Vec<usize>,
    funcs: Vec<FuncInfo>,
    /// Per mark (see the module doc): the start of its function and the
    /// inlined call (index + 1).
    marks: Vec<(usize, u32)>,
}

/// The first mark's address: non-canonical, so no code address (see the
/// module doc). Mark k is `INLINE_MARKS + 2k`, its "return address" one
/// more.
const INLINE_MARKS: usize = 0x4000_0000_0000_0000;

/// The return address that stands for the source frame of the call
/// inlined call `call` (index + 1) of `f` sits in, at the call (gc's
/// inline mark + 1).
pub fn mark_pc(f: &FuncInfo, call: u32) -> usize {
    INLINE_MARKS + 2 * (f.mark_base + call as usize - 1) + 1
}

/// The function at `pc` (a return address − 1, or a mark), the inlined
/// call there (index + 1, 0: none) and the line: for a mark, its call's
/// position in its parent.
pub fn source_at(pc: usize) -> Option<(&'static FuncInfo, u32, u32)> {
    if let Some(k) = pc.checked_sub(INLINE_MARKS) {
        let &(start, call) = current()?.marks.get(k / 2)?;
        let f = find_func(start)?;
        let c = f.inline.calls.get(call as usize - 1)?;
        return Some((f, c.parent, c.line));
    }
    let f = find_func(pc)?;
    Some((f, f.call_at(pc), f.line_at(pc)))
}

/// The return addresses `runtime.Callers` reports for a frame of `f`
/// stopped at return address `pc`: `pc` for the innermost source frame,
/// then a mark for each enclosing one (see [`FuncInfo::source_frames`]).
pub fn source_pcs(f: &FuncInfo, pc: usize) -> impl Iterator<Item = usize> + '_ {
    let calls =
        std::iter::successors(Some(f.call_at(pc - 1)), |&c| f.parent_frame(c).map(|p| p.call)).take_while(|&c| c != 0);
    std::iter::once(pc).chain(calls.map(|c| mark_pc(f, c)))
}

static TABLE: AtomicPtr<FuncTable> = AtomicPtr::new(std::ptr::null_mut());
static REGISTER: Mutex<()> = Mutex::new(());

/// Functions of gc's runtime that `runtime.Caller` and `runtime.Callers`
/// report although deft has no such frames: `runtime.gopanic` (where gc's
/// panic makes a deferred call) and `runtime.Goexit` (where Goexit makes
/// one), `runtime.main` and `runtime.goexit` below `main.main`, and the
/// functions gc goes through from a failed check to `gopanic` (see
/// [`RuntimeFrame::raising`]). They get funcdata at fake addresses in the
/// never mapped first pages, so that `runtime.FuncForPC` and `Frames` name
/// them. Their files and lines are gc 1.27.3's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuntimeFrame {
    /// `runtime.gopanic`, `runtime/panic.go:859`.
    Gopanic,
    /// `runtime.main`, `runtime/proc.go:302`.
    Main,
    /// `runtime.goexit`, `runtime/asm_amd64.s:1264`.
    Goexit,
    /// `runtime.Goexit`, `runtime/panic.go:694`: the deferred calls Goexit runs.
    GoexitCall,
    /// `runtime.deferreturn`, `runtime/panic.go:668`: shown (gc elides it,
    /// a wrapper, otherwise) when the deferred func it calls is nil.
    Deferreturn,
    /// `runtime.panicmem`, `runtime/panic.go:336`.
    Panicmem,
    /// `runtime.sigpanic`, `runtime/signal_unix.go:931`.
    Sigpanic,
    /// `runtime.panicdivide`, `runtime/panic.go:315`.
    Panicdivide,
    /// `runtime.panicshift`, `runtime/panic.go:307`.
    Panicshift,
    /// `runtime.panicBounds64`, `runtime/panic.go:236`.
    PanicBounds64,
    /// `runtime.panicBounds`, `runtime/asm_amd64.s:1622`.
    PanicBounds,
    /// `runtime.panicrangestate`, `runtime/panic.go:380`.
    Panicrangestate,
    /// `runtime.panicdottypeE`, `runtime/iface.go:293`.
    PanicdottypeE,
    /// `runtime.panicdottypeI`, `runtime/iface.go:303`.
    PanicdottypeI,
    /// `runtime.panicnildottype`, `runtime/iface.go:309`.
    Panicnildottype,
    /// `runtime.getitab`, `runtime/iface.go:102`.
    Getitab,
    /// `runtime.typeAssert`, `runtime/iface.go:492`.
    TypeAssert,
    /// `runtime.closechan`, `runtime/chan.go:416` (a nil channel).
    ClosechanNil,
    /// `runtime.closechan`, `runtime/chan.go:425` (a closed channel).
    ClosechanClosed,
    /// `runtime.chansend`, `runtime/chan.go:226` (closed when it is called).
    Chansend,
    /// `runtime.chansend`, `runtime/chan.go:307` (closed while it waited).
    ChansendWoken,
    /// `runtime.chansend1`, `runtime/chan.go:161`.
    Chansend1,
    /// `runtime.selectnbsend`, `runtime/chan.go:785`.
    Selectnbsend,
    /// `runtime.selectgo`, `runtime/select.go:542`.
    Selectgo,
}

/// The source directory of the Go runtime frames deft reports stand for
/// (gc prints its own GOROOT; this is the official distribution's).
pub const GOROOT_SRC: &str = "/usr/local/go/src";

/// Where the fake addresses of [`RuntimeFrame`]s start.
const RUNTIME_FRAMES_BASE: usize = 0x1000;

impl RuntimeFrame {
    const ALL: [RuntimeFrame; 24] = {
        use RuntimeFrame::*;
        [
            Gopanic,
            Main,
            Goexit,
            GoexitCall,
            Deferreturn,
            Panicmem,
            Sigpanic,
            Panicdivide,
            Panicshift,
            PanicBounds64,
            PanicBounds,
            Panicrangestate,
            PanicdottypeE,
            PanicdottypeI,
            Panicnildottype,
            Getitab,
            TypeAssert,
            ClosechanNil,
            ClosechanClosed,
            Chansend,
            ChansendWoken,
            Chansend1,
            Selectnbsend,
            Selectgo,
        ]
    };

    /// The return address a frame of it reports.
    pub fn pc(self) -> usize {
        RUNTIME_FRAMES_BASE + 16 * self as usize + 1
    }

    /// Name, file (under `GOROOT/src/`) and line, as gc 1.27.3 reports them.
    fn place(self) -> (&'static str, &'static str, u32) {
        use RuntimeFrame::*;
        match self {
            Gopanic => ("runtime.gopanic", "runtime/panic.go", 859),
            Main => ("runtime.main", "runtime/proc.go", 302),
            Goexit => ("runtime.goexit", "runtime/asm_amd64.s", 1264),
            GoexitCall => ("runtime.Goexit", "runtime/panic.go", 694),
            Deferreturn => ("runtime.deferreturn", "runtime/panic.go", 668),
            Panicmem => ("runtime.panicmem", "runtime/panic.go", 336),
            Sigpanic => ("runtime.sigpanic", "runtime/signal_unix.go", 931),
            Panicdivide => ("runtime.panicdivide", "runtime/panic.go", 315),
            Panicshift => ("runtime.panicshift", "runtime/panic.go", 307),
            PanicBounds64 => ("runtime.panicBounds64", "runtime/panic.go", 236),
            PanicBounds => ("runtime.panicBounds", "runtime/asm_amd64.s", 1622),
            Panicrangestate => ("runtime.panicrangestate", "runtime/panic.go", 380),
            PanicdottypeE => ("runtime.panicdottypeE", "runtime/iface.go", 293),
            PanicdottypeI => ("runtime.panicdottypeI", "runtime/iface.go", 303),
            Panicnildottype => ("runtime.panicnildottype", "runtime/iface.go", 309),
            Getitab => ("runtime.getitab", "runtime/iface.go", 102),
            TypeAssert => ("runtime.typeAssert", "runtime/iface.go", 492),
            ClosechanNil => ("runtime.closechan", "runtime/chan.go", 416),
            ClosechanClosed => ("runtime.closechan", "runtime/chan.go", 425),
            Chansend => ("runtime.chansend", "runtime/chan.go", 226),
            ChansendWoken => ("runtime.chansend", "runtime/chan.go", 307),
            Chansend1 => ("runtime.chansend1", "runtime/chan.go", 161),
            Selectnbsend => ("runtime.selectnbsend", "runtime/chan.go", 785),
            Selectgo => ("runtime.selectgo", "runtime/select.go", 542),
        }
    }

    fn info(self) -> FuncInfo {
        let (name, file, line) = self.place();
        let start = self.pc() - 1;
        FuncInfo {
            name: name.to_string(),
            file: format!("{GOROOT_SRC}/{file}"),
            has_params: false,
            start,
            end: start + 16,
            kind: FrameKind::Go,
            wrapper: false,
            lines: vec![(0, line)],
            open_defers: None,
            landing_pads: Vec::new(),
            saved_regs: Vec::new(),
            inline: InlineTree::default(),
            mark_base: 0,
        }
    }

    /// The functions gc's runtime goes through, innermost first, from the
    /// Go frame whose check fails with runtime error `err` to `gopanic`,
    /// where that does not depend on more than the error: nil dereferences
    /// (a signal in gc), divisions by zero, negative shifts, bounds, a
    /// misbehaving range-over-func iterator, type assertions, closing a nil
    /// or closed channel and sending on a closed one (by a send statement;
    /// a `select` says what it is itself). Empty for the others (maps,
    /// `make`, `append`, comparisons, `unsafe`), whose frames depend on the
    /// code gc chose for the site (FIXME: they are not reported).
    pub fn raising(err: &crate::errors::RuntimeError) -> &'static [RuntimeFrame] {
        use crate::errors::RuntimeError as E;
        use RuntimeFrame::*;
        match err {
            E::NilDeref => &[Panicmem, Sigpanic],
            E::DivideByZero => &[Panicdivide],
            E::NegativeShift => &[Panicshift],
            E::Bounds(_) => &[PanicBounds64, PanicBounds],
            E::RangeState(_) => &[Panicrangestate],
            E::CloseOfNilChannel => &[ClosechanNil],
            E::CloseOfClosedChannel => &[ClosechanClosed],
            E::SendOnClosedChannel => &[Chansend, Chansend1],
            E::TypeAssertion(e) => {
                // SAFETY: non-null descriptors are valid static data.
                let (to_interface, from_methods) = unsafe {
                    let to = (*e.asserted).kind == crate::abi::Kind::Interface as u8;
                    (to, e.interface.as_ref().is_some_and(|i| i.nmethods > 0))
                };
                match (to_interface, e.concrete.is_null(), from_methods) {
                    (true, true, _) => &[Panicnildottype],
                    (true, false, _) => &[Getitab, TypeAssert],
                    (false, _, false) => &[PanicdottypeE],
                    (false, _, true) => &[PanicdottypeE, PanicdottypeI],
                }
            }
            _ => &[],
        }
    }
}

/// Adds compiled functions to the table. Called by code generation after
/// the code is finalized, before any of it runs.
pub fn register(new: Vec<FuncInfo>) {
    let _guard = REGISTER.lock().unwrap_or_else(|e| e.into_inner());
    let (mut funcs, mut marks) = current().map_or_else(
        || (RuntimeFrame::ALL.map(RuntimeFrame::info).into(), Vec::new()),
        |t| (t.funcs.clone(), t.marks.clone()),
    );
    for mut f in new {
        f.mark_base = marks.len();
        marks.extend((1..=f.inline.calls.len() as u32).map(|c| (f.start, c)));
        funcs.push(f);
    }
    funcs.sort_by_key(|f| f.start);
    let starts = funcs.iter().map(|f| f.start).collect();
    // The previous table is leaked on purpose: readers may hold references to
    // it (tables are few and small).
    TABLE.store(Box::into_raw(Box::new(FuncTable { starts, funcs, marks })), Ordering::Release);
}

fn current() -> Option<&'static FuncTable> {
    let p = TABLE.load(Ordering::Acquire);
    // SAFETY: a published table is never freed nor mutated (see `register`).
    unsafe { p.as_ref() }
}

/// Size of the per-thread cache of [`find_func`] answers.
const RECENT_LOOKUPS: usize = 64;

thread_local! {
    /// Recent `pc → function` answers of [`find_func`], direct-mapped by pc.
    /// A panic walk looks up the same few return addresses again and again
    /// (the binary search was most of the cost of a deep panic). Entries
    /// never go stale: functions are never removed or moved, and published
    /// tables are never freed (see [`register`]).
    static RECENT: [Cell<(usize, *const FuncInfo)>; RECENT_LOOKUPS] =
        const { [const { Cell::new((0, std::ptr::null())) }; RECENT_LOOKUPS] };
}

/// The function containing `pc`, if it is generated code.
pub fn find_func(pc: usize) -> Option<&'static FuncInfo> {
    let slot = (pc ^ (pc >> 7)) % RECENT_LOOKUPS;
    let (cached_pc, cached) = RECENT.with(|r| r[slot].get());
    if cached_pc == pc && !cached.is_null() {
        // SAFETY: cached entries point into published tables, which live
        // for the rest of the process.
        return Some(unsafe { &*cached });
    }
    let t = current()?;
    let i = t.starts.partition_point(|&s| s <= pc).checked_sub(1)?;
    let f = &t.funcs[i];
    if pc >= f.end {
        return None;
    }
    RECENT.with(|r| r[slot].set((pc, f)));
    Some(f)
}

/// One frame of the rbp chain.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    /// Return address into this frame's function (where it is stopped).
    pub pc: usize,
    /// This frame's frame pointer.
    pub fp: usize,
}

impl Frame {
    /// The caller's frame, or `None` at the end of the chain (a frame
    /// pointer that does not go up the stack, or `limit` reached).
    ///
    /// # Safety
    /// `self.fp` must be the frame pointer of a live frame whose saved rbp
    /// and return address are readable.
    pub unsafe fn caller(self, limit: usize) -> Option<Frame> {
        // SAFETY: by the precondition, [fp] and [fp+8] are the saved rbp and
        // return address of a live frame.
        let (next_fp, pc) = unsafe { (*(self.fp as *const usize), *((self.fp + 8) as *const usize)) };
        (next_fp > self.fp && next_fp < limit).then_some(Frame { pc, fp: next_fp })
    }

    /// The function this frame runs, if it is generated code.
    pub fn func(self) -> Option<&'static FuncInfo> {
        find_func(self.pc.wrapping_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `main.f` with `main.g` inlined at its line 5 (code 0x10..0x30) and,
    /// inside g's body, `main.h` at g's line 12 (code 0x20..0x30).
    fn inlined() -> FuncInfo {
        let mut f = RuntimeFrame::Main.info();
        f.name = "main.f".into();
        f.file = "/tmp/f.go".into();
        (f.start, f.end) = (0x1000, 0x1040);
        f.lines = vec![(0, 4), (0x10, 11), (0x20, 30), (0x30, 6)];
        f.inline = InlineTree {
            calls: vec![
                InlinedCall { name: "main.g".into(), file: "/tmp/f.go".into(), parent: 0, line: 5 },
                InlinedCall { name: "main.h".into(), file: "/tmp/h.go".into(), parent: 1, line: 12 },
            ],
            runs: vec![(0x10, 1), (0x20, 2), (0x30, 0)],
        };
        f
    }

    #[test]
    fn source_frames_are_the_inlined_calls_then_the_function() {
        let f = inlined();
        let frames = |pc: usize| f.source_frames(pc).map(|s| (s.name, s.file, s.line, s.call)).collect::<Vec<_>>();
        assert_eq!(frames(0x1004), [("main.f", "/tmp/f.go", 4, 0)]);
        assert_eq!(frames(0x1014), [("main.g", "/tmp/f.go", 11, 1), ("main.f", "/tmp/f.go", 5, 0)]);
        assert_eq!(
            frames(0x1024),
            [("main.h", "/tmp/h.go", 30, 2), ("main.g", "/tmp/f.go", 12, 1), ("main.f", "/tmp/f.go", 5, 0)]
        );
        assert_eq!(frames(0x1034), [("main.f", "/tmp/f.go", 6, 0)]);
    }

    #[test]
    fn marks_stand_for_the_enclosing_frames() {
        let mut f = inlined();
        f.mark_base = 7;
        let pcs: Vec<usize> = source_pcs(&f, 0x1025).collect();
        assert_eq!(pcs, [0x1025, mark_pc(&f, 2), mark_pc(&f, 1)]);
        assert!(pcs[1..].iter().all(|&pc| find_func(pc - 1).is_none()), "a mark is no code address");
        assert_eq!(mark_pc(&f, 1), INLINE_MARKS + 2 * 7 + 1);
    }
}
