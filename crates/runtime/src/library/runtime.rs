//! Package `runtime`: processors, callers and the functions at program
//! counters. (`Goexit` is the panic engine's: [`crate::panic::deft_goexit`].)
//!
//! The stack walks start at the frame of the adapter that called in (a
//! glue frame, skipped like every frame that is not a Go function's).

use crate::abi::{GoString, Kind, TypeDesc};
use crate::frames::{Frame, FrameKind, FuncInfo, RuntimeFrame, find_func, mark_pc, source_at, source_pcs};
use crate::strings::new_string;

/// `func Breakpoint()`: a breakpoint trap (`SIGTRAP`), as gc's.
pub extern "C" fn breakpoint() {
    // SAFETY: `int3` only raises SIGTRAP; it touches no memory.
    unsafe { core::arch::asm!("int3") };
}

/// `func NumCPU() int`.
pub extern "C" fn num_cpu() -> i64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as i64)
}

/// `func cpuName() string` of package testing: the processor's brand
/// string (CPUID leaves 0x80000002–4), leading spaces and everything from
/// the first NUL dropped, as gc's `internal/cpu.Name`; empty when the
/// processor has no brand string.
pub extern "C" fn cpu_name() -> GoString {
    use std::arch::x86_64::__cpuid;
    let max = __cpuid(0x8000_0000).eax;
    if max < 0x8000_0004 {
        return crate::strings::new_string(b"");
    }
    let mut data = Vec::with_capacity(48);
    for leaf in 0x8000_0002u32..=0x8000_0004 {
        let r = __cpuid(leaf);
        for word in [r.eax, r.ebx, r.ecx, r.edx] {
            data.extend_from_slice(&word.to_le_bytes());
        }
    }
    let start = data.iter().position(|&b| b != b' ').unwrap_or(data.len());
    let data = &data[start..];
    let end = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    crate::strings::new_string(&data[..end])
}

/// The results of `runtime.Caller`, as the adapter lays them out.
#[repr(C)]
pub struct CallerResults {
    pc: usize,
    file: GoString,
    line: i64,
    ok: bool,
}

/// `func Caller(skip int) (pc uintptr, file string, line int, ok bool)`,
/// entered with the adapter's return address and frame pointer appended
/// (see [`caller`]).
#[unsafe(naked)]
pub extern "C" fn caller_shim(_out: *mut CallerResults, _skip: i64) {
    core::arch::naked_asm!("mov rdx, [rsp]", "mov rcx, rbp", "jmp {imp}", imp = sym caller)
}

/// Calls `visit` with each frame that has funcdata (Go functions, thunks,
/// glue), from the adapter's frame (`pc`, `fp`) outward, until it returns
/// false. Returns false if `visit` stopped the walk.
fn walk_frames(pc: usize, fp: usize, mut visit: impl FnMut(Frame, &'static FuncInfo) -> bool) -> bool {
    let gp = crate::panic::cur_g();
    if gp.is_null() {
        return true;
    }
    // SAFETY: the adapter's frame is live and the walk stays below the
    // goroutine's stack top.
    let top = unsafe { (*gp).stack_top };
    let mut frame = Some(Frame { pc, fp });
    while let Some(fr) = frame {
        if let Some(f) = fr.func()
            && !visit(fr, f)
        {
            return false;
        }
        // SAFETY: `fr` is a live frame of this goroutine.
        frame = unsafe { fr.caller(top) };
    }
    true
}

/// Calls `visit` with the return address of each frame gc would report,
/// from the adapter's frame (`pc`, `fp`) outward, until it returns false:
/// the Go frames (a frame's inlined calls first, each with a mark, as
/// [`source_pcs`] gives them); `runtime.gopanic` (or `runtime.Goexit`)
/// for a defer thunk through which a panic (or Goexit) makes its deferred
/// call; below a frame that raised a panic, the runtime functions gc goes
/// through to raise it (`runtime.sigpanic`, `runtime.panicmem`, ...: the
/// panic's `via`), and `runtime.deferreturn` for a defer record's thunk
/// that found its func nil (gc elides that wrapper unless it called
/// `sigpanic`); and `runtime.main` and `runtime.goexit` below `main.main`
/// (only `runtime.goexit` below a goroutine's first function; see
/// [`RuntimeFrame`]).
fn walk_go_frames(pc: usize, fp: usize, mut visit: impl FnMut(usize) -> bool) {
    let gp = crate::panic::cur_g();
    let runtime_frame = |r: RuntimeFrame| find_func(r.pc()).map(|f| (r.pc(), f));
    // SAFETY: a running goroutine's stack top.
    let top = if gp.is_null() { 0 } else { unsafe { (*gp).stack_top } };
    let mut last = "";
    let finished = walk_frames(pc, fp, |fr, f| {
        // SAFETY: `gp` is the running goroutine (walk_frames visits nothing
        // without one) and `fr` a live frame of it; a panic's `via` is static.
        let via = unsafe { crate::panic::panic_raised_at(gp, fr).map_or(&[][..], |q| (*q).via) };
        for (pc, _) in via.iter().copied().filter_map(runtime_frame) {
            if !visit(pc) {
                return false;
            }
        }
        let reported = match f.kind {
            // gc elides wrappers.
            FrameKind::Go if !f.wrapper => Some((fr.pc, f)),
            // SAFETY: as above.
            FrameKind::DeferThunk => match unsafe { crate::panic::panic_of_thunk(gp, fr.fp) } {
                // SAFETY: the panic list holds live records.
                Some(p) if unsafe { (*p).goexit } => runtime_frame(RuntimeFrame::GoexitCall),
                Some(_) => runtime_frame(RuntimeFrame::Gopanic),
                // A thunk that raised and was called by runtime code
                // (`deft_deferreturn`), not by its frame's exit code.
                // SAFETY: `fr` is a live frame below `top`.
                None if !via.is_empty() && unsafe { fr.caller(top) }.and_then(Frame::func).is_none() => {
                    runtime_frame(RuntimeFrame::Deferreturn)
                }
                None => None,
            },
            _ => None,
        };
        let Some((pc, f)) = reported else { return true };
        last = &f.name;
        source_pcs(f, pc).all(&mut visit)
    });
    if !finished {
        return;
    }
    // gc's goroutines start in runtime.goexit's frame; main's also has
    // runtime.main's below main.main.
    let below: &[RuntimeFrame] = if crate::sched::current_id() != 1 {
        &[RuntimeFrame::Goexit]
    } else if last == "main.main" {
        &[RuntimeFrame::Main, RuntimeFrame::Goexit]
    } else {
        &[]
    };
    for (pc, _) in below.iter().copied().filter_map(runtime_frame) {
        if !visit(pc) {
            return;
        }
    }
}

/// Walks the Go frames outward from the adapter that called
/// [`caller_shim`] (frame `pc`, `fp`): skip 0 is the Go function that
/// called `runtime.Caller`.
extern "C" fn caller(out: *mut CallerResults, skip: i64, pc: usize, fp: usize) {
    let mut res = CallerResults { pc: 0, file: new_string(b""), line: 0, ok: false };
    let mut left = skip;
    walk_go_frames(pc, fp, |pc| {
        if left == 0
            && let Some((f, call, line)) = source_at(pc - 1)
        {
            let file = f.source_frame(call, line).file;
            // gc reports the pc of the call (CallersFrames' Frame.PC).
            res = CallerResults { pc: pc - 1, file: new_string(file.as_bytes()), line: line.into(), ok: true };
        }
        left -= 1;
        left >= 0
    });
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(res) };
}

/// `func callers(skip int, pc []uintptr) int`, entered with the adapter's
/// return address and frame pointer appended (see [`callers`]).
#[unsafe(naked)]
pub extern "C" fn callers_shim(_skip: i64, _ptr: *mut usize, _len: usize, _cap: usize) -> i64 {
    core::arch::naked_asm!("mov r8, [rsp]", "mov r9, rbp", "jmp {imp}", imp = sym callers)
}

/// Fills `pcs` with the return addresses of the Go frames from the one
/// that called `runtime.callers` (`runtime.Callers`, skip 0) outward.
extern "C" fn callers(skip: i64, ptr: *mut usize, len: usize, _cap: usize, pc: usize, fp: usize) -> i64 {
    let mut n = 0;
    let mut left = skip;
    walk_go_frames(pc, fp, |pc| {
        if left > 0 {
            left -= 1;
            return true;
        }
        if n < len {
            // SAFETY: `ptr` holds `len` words (a Go []uintptr).
            unsafe { ptr.add(n).write(pc) };
            n += 1;
        }
        n < len
    });
    n as i64
}

/// `func funcEntry(pc uintptr) uintptr`: the entry of the Go function
/// containing `pc` (for a call inlined there, or a mark, the function's
/// it is inlined into, as gc's), 0 when there is none.
pub extern "C" fn func_entry(pc: usize) -> usize {
    source_at(pc).filter(|s| s.0.kind == FrameKind::Go).map_or(0, |s| s.0.start)
}

/// `func funcName(pc uintptr) string`: the innermost function at `pc`
/// (a call inlined there, as gc's).
pub extern "C" fn func_name(pc: usize) -> GoString {
    let name = source_at(pc).map_or("", |(f, call, line)| f.source_frame(call, line).name);
    new_string(name.as_bytes())
}

/// `func funcInlined(pc uintptr) uintptr`: for a `pc` in the code of an
/// inlined call (or a mark), the mark of the frame it was inlined into
/// (what `runtime.Callers` reports after it), else 0.
pub extern "C" fn func_inlined(pc: usize) -> usize {
    match source_at(pc) {
        Some((f, call, _)) if call != 0 => mark_pc(f, call),
        _ => 0,
    }
}

/// The results of `funcFileLine`.
#[repr(C)]
pub struct FileLine {
    file: GoString,
    line: i64,
}

/// `func funcFileLine(pc uintptr) (file string, line int)`: `?`, 0 when
/// `pc` is in no Go function (as gc).
pub extern "C" fn func_file_line(out: *mut FileLine, pc: usize) {
    let res = match source_at(pc) {
        Some((f, call, line)) => {
            FileLine { file: new_string(f.source_frame(call, line).file.as_bytes()), line: line.into() }
        }
        None => FileLine { file: new_string(b"?"), line: 0 },
    };
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(res) };
}

/// `runtime/debug.stack() string`, entered with the adapter's return
/// address and frame pointer appended (see [`stack`]).
#[unsafe(naked)]
pub extern "C" fn stack_shim() -> GoString {
    core::arch::naked_asm!("mov rdi, [rsp]", "mov rsi, rbp", "jmp {imp}", imp = sym stack)
}

/// `func stack(all bool) string` (behind `runtime.Stack`), entered with
/// the adapter's return address and frame pointer appended (see
/// [`runtime_stack`]).
#[unsafe(naked)]
pub extern "C" fn runtime_stack_shim(_all: bool) -> GoString {
    core::arch::naked_asm!("mov rsi, [rsp]", "mov rdx, rbp", "jmp {imp}", imp = sym runtime_stack)
}

/// The traceback `runtime.Stack` writes: the running goroutine's, from the
/// caller of `runtime.Stack` outward, then with `all` every other
/// goroutine's, as gc formats them. The adapter (`pc`, `fp`) was called by
/// `runtime.Stack`.
extern "C" fn runtime_stack(all: bool, pc: usize, fp: usize) -> GoString {
    let mut out = Vec::new();
    crate::traceback_fmt::fmt_goroutine_header(&mut out, crate::sched::current_id(), b"running");
    caller_traceback(&mut out, pc, fp);
    if all {
        // SAFETY: on the thread running goroutines; the current one is `gp`.
        unsafe { crate::sched::fmt_other_goroutines(&mut out, crate::panic::cur_g()) };
    }
    new_string(&out)
}

/// The traceback `runtime/debug.Stack` returns: gc's goroutine header, its
/// own frame at gc's position, then the frames from its caller outward,
/// as an unrecovered panic prints them. The adapter (`pc`, `fp`) was
/// called by `debug.stack`'s caller, `debug.Stack`.
extern "C" fn stack(pc: usize, fp: usize) -> GoString {
    let mut out = Vec::new();
    crate::traceback_fmt::fmt_goroutine_header(&mut out, crate::sched::current_id(), b"running");
    crate::traceback_fmt::fmt_frame(
        &mut out,
        b"runtime/debug.Stack",
        crate::traceback_fmt::FrameArgs::None,
        b"/usr/local/go/src/runtime/debug/stack.go",
        26,
        Some(0x5e),
    );
    caller_traceback(&mut out, pc, fp);
    new_string(&out)
}

/// Appends the running goroutine's traceback from the caller of the Go
/// function that called the adapter at (`pc`, `fp`), and its creator.
fn caller_traceback(out: &mut Vec<u8>, pc: usize, fp: usize) {
    let gp = crate::panic::cur_g();
    let mut origin = None;
    if !gp.is_null() {
        let mut go_frames = 0;
        walk_frames(pc, fp, |fr, f| {
            go_frames += usize::from(f.kind == FrameKind::Go);
            // The first Go frame is the caller of the adapter: start from
            // its caller, which is the same frame if the caller was
            // inlined into it.
            if go_frames == 1 && f.call_at(fr.pc - 1) != 0 {
                origin = Some((fr, 1));
                return false;
            }
            if go_frames == 2 {
                origin = Some((fr, 0));
            }
            go_frames < 2
        });
    }
    if let Some((origin, skip)) = origin {
        // SAFETY: `origin` is a live frame of the running goroutine.
        unsafe {
            crate::panic::traceback_skipping(out, gp, origin, crate::panic::Wrappers::Elided, skip);
            crate::sched::fmt_creator(out, gp);
        }
    }
}

/// `func SetFinalizer(obj any, finalizer any)`: gc's checks (misuse is a
/// fatal error), then the finalizer set on (or, for a nil finalizer,
/// removed from) the object `obj` points to. Pointers outside the heap
/// (globals) are ignored, as gc ignores its linker-allocated objects.
pub extern "C" fn set_finalizer(oty: *const TypeDesc, obj: usize, fty: *const TypeDesc, func: usize) {
    // SAFETY: non-null descriptors are valid.
    let (o, f) = unsafe { (oty.as_ref(), fty.as_ref()) };
    // SAFETY: descriptor names are valid Go strings.
    let name = |t: &TypeDesc| String::from_utf8_lossy(unsafe { t.name.bytes() }).into_owned();
    let Some(o) = o else { crate::proc::throw("runtime.SetFinalizer: first argument is nil") };
    if o.kind != Kind::Pointer as u8 {
        crate::proc::throw(&format!("runtime.SetFinalizer: first argument is {}, not pointer", name(o)));
    }
    crate::sched::reserve_finalizer_goroutine();
    let Some(base) = crate::gc::with_heap(|h| h.object_base(obj)) else { return };
    if base != obj {
        crate::proc::throw("runtime.SetFinalizer: pointer not at beginning of allocated block");
    }
    let Some(f) = f else {
        crate::gc::with_heap(|h| h.set_finalizer(base, None));
        return;
    };
    if f.kind != Kind::Func as u8 {
        crate::proc::throw(&format!("runtime.SetFinalizer: second argument is {}, not a function", name(f)));
    }
    // SAFETY: a func type's `key` is its first parameter's type, or null.
    let param = unsafe { f.key.as_ref() };
    let by_interface = match param {
        Some(p) if f.len == 1 && std::ptr::eq(p, o) => false,
        Some(p) if f.len == 1 && p.kind == Kind::Interface as u8 => true,
        _ => crate::proc::throw(&format!("runtime.SetFinalizer: cannot pass {} to finalizer {}", name(o), name(f))),
    };
    if f.flags & crate::abi::TYPE_FLAG_REGISTER_RESULTS == 0 {
        crate::proc::throw(&format!(
            "runtime.SetFinalizer: deft does not support finalizers with large results yet ({})",
            name(f)
        ));
    }
    let fin = crate::gc::Finalizer { func, obj_ty: oty as usize, by_interface };
    crate::gc::with_heap(|h| h.set_finalizer(base, Some(fin)));
}

/// `func SetGCPercent(percent int) int`.
pub extern "C" fn set_gc_percent(percent: i64) -> i64 {
    crate::gc::set_gogc(percent)
}

/// `func GC()`: a full collection now. As in gc, where the caller waits
/// for the cycle while other goroutines run, the other runnable goroutines
/// get their turn (a goroutine calling `GC` in a loop leaves nothing for
/// preemption to interrupt, its time being in the collector).
pub extern "C" fn gc() {
    crate::gc::force_collection();
    if !crate::panic::cur_g().is_null() {
        crate::sched::gosched();
    }
}

/// The first fields of gc's `runtime.MemStats`, as the Go declaration in
/// `lib/runtime` lays them out (all `uint64`).
#[repr(C)]
pub struct MemStatsHead {
    alloc: u64,
    total_alloc: u64,
    sys: u64,
    lookups: u64,
    mallocs: u64,
    frees: u64,
    heap_alloc: u64,
    heap_sys: u64,
    heap_idle: u64,
    heap_inuse: u64,
    heap_released: u64,
    heap_objects: u64,
    stack_inuse: u64,
    stack_sys: u64,
    mspan_inuse: u64,
    mspan_sys: u64,
    mcache_inuse: u64,
    mcache_sys: u64,
    buck_hash_sys: u64,
    gc_sys: u64,
    other_sys: u64,
    next_gc: u64,
    last_gc: u64,
    pause_total_ns: u64,
    pause_ns: [u64; 256],
    pause_end: [u64; 256],
    num_gc: u32,
    num_forced_gc: u32,
    gc_cpu_fraction: f64,
    enable_gc: bool,
    debug_gc: bool,
}

/// `func ReadMemStats(m *MemStats)`.
pub extern "C" fn read_mem_stats(m: *mut MemStatsHead) {
    let (s, objects, enabled) = crate::gc::stats();
    if m.is_null() {
        return;
    }
    let heap_sys = s.heap_sys as u64;
    // SAFETY: `m` points to a Go `runtime.MemStats`, whose layout starts
    // with `MemStatsHead`'s fields.
    unsafe {
        let m = &mut *m;
        m.alloc = s.heap_alloc as u64;
        m.total_alloc = s.total_alloc;
        m.sys = heap_sys;
        m.mallocs = s.mallocs;
        m.frees = s.frees;
        m.heap_alloc = s.heap_alloc as u64;
        m.heap_sys = heap_sys;
        m.heap_inuse = s.heap_inuse as u64;
        m.heap_idle = heap_sys.saturating_sub(s.heap_inuse as u64);
        m.heap_objects = objects;
        m.next_gc = s.next_gc.min(u64::MAX as usize) as u64;
        m.last_gc = s.last_gc_unix_ns;
        m.pause_total_ns = s.pause_total_ns;
        if s.num_gc > 0 {
            m.pause_ns[(s.num_gc as usize + 255) % 256] = s.last_pause_ns;
            m.pause_end[(s.num_gc as usize + 255) % 256] = s.last_gc_unix_ns;
        }
        m.num_gc = s.num_gc;
        m.num_forced_gc = s.num_forced_gc;
        m.enable_gc = enabled;
    }
}

/// `func addCleanup(ptr unsafe.Pointer, cleanup func()) (base uintptr, id
/// uint64)` (behind `runtime.AddCleanup`): `cleanup` runs on a goroutine of
/// the runtime's once the object `ptr` points into is unreachable. A
/// pointer outside the heap (a global, the zero-size base) is never
/// collected, so its cleanup never runs: (0, 0).
pub extern "C" fn add_cleanup(ptr: usize, func: usize) -> super::Pair {
    crate::gc::with_heap(|h| match h.object_base(ptr) {
        Some(base) => super::Pair(base as i64, h.add_cleanup(base, func) as i64),
        None => super::Pair(0, 0),
    })
}

/// `func runtime_registerWeakPointer(unsafe.Pointer) unsafe.Pointer`
/// (package weak, behind `weak.Make`): the handle of a non-nil pointer
/// (see the weak pointers of [`crate::gc`]).
pub extern "C" fn register_weak_pointer(p: usize) -> usize {
    crate::gc::with_heap(|h| h.weak_handle(p))
}

/// `func runtime_makeStrongFromWeak(unsafe.Pointer) unsafe.Pointer`
/// (package weak, behind `Pointer.Value`): the pointer handle `u` holds,
/// nil once its object was found unreachable. The collector stops the
/// world and clears handles during a collection only, so the word read
/// is a live object's pointer or 0.
///
/// # Safety
/// `u` is a handle [`register_weak_pointer`] returned, still reachable.
pub unsafe extern "C" fn make_strong_from_weak(u: *const usize) -> usize {
    // SAFETY: by the precondition.
    unsafe { u.read() }
}

/// `func stopCleanup(base uintptr, id uint64)` (behind `Cleanup.Stop`).
pub extern "C" fn stop_cleanup(base: usize, id: u64) {
    if id != 0 {
        crate::gc::with_heap(|h| h.remove_cleanup(base, id));
    }
}

/// `func runtimeError(code int) error`: the value of a run-time panic
/// gc's runtime keeps in a variable for its library (`overflowError` for
/// code 1, else `divideError`), the one this runtime panics with.
pub extern "C" fn runtime_error(code: i64) -> crate::abi::Eface {
    use crate::errors::{RuntimeError, runtime_error_eface};
    runtime_error_eface(if code == 1 { RuntimeError::Overflow } else { RuntimeError::DivideByZero })
}

/// `func godebugDefault() string`: the program's default GODEBUG.
pub extern "C" fn godebug_default() -> crate::abi::GoString {
    crate::strings::new_string(crate::godebug::default().as_bytes())
}
