//! Goroutines: cooperative coroutines on the one thread that runs Go code.
//!
//! # Design
//!
//! * Every goroutine is a [`G`]. The main goroutine's `G` lives in
//!   [`crate::entry`]'s frame on the main thread's big stack; each other
//!   one is a leaked `Box<G>` with a stack of its own ([`STACK_RESERVE`]
//!   bytes reserved `MAP_NORESERVE`, lowest page inaccessible for the
//!   first [`GUARDED_STACKS`] stacks), made by
//!   [`deft_newproc`] and reused (LIFO, as gc's free list) once its
//!   goroutine has finished.
//! * Goroutines switch only inside runtime calls: a blocking operation
//!   ([`park`]), `runtime.Gosched`, or a goroutine's end. [`switch`] pushes
//!   the callee-saved registers on the old stack, saves rsp in the old `G`,
//!   loads the new `G`'s rsp and pops its registers. A new goroutine's
//!   stack starts with such a saved frame whose return address is
//!   [`goroutine_main`].
//! * Scheduling follows gc's with one P: a goroutine made runnable (by a
//!   `go` statement, a channel, a semaphore, a timer) becomes `runnext`,
//!   the next to run, pushing the previous `runnext` to the back of the
//!   FIFO run queue; `Gosched` appends the caller to the queue. Sleepers wait in a timer heap ordered by deadline, then by sleep
//!   order. When nothing is runnable the thread sleeps until the earliest
//!   deadline (in `poll(2)` when goroutines wait for file descriptors,
//!   [`crate::netpoll`]); when nothing is runnable, no timer is pending
//!   and no goroutine waits for a descriptor, every goroutine is blocked
//!   for good: the deadlock report ([`deadlock`]).
//! * Goroutine ids follow gc 1.19: main is 1, the others count from 5, or
//!   from 6 in a program with package `os`, whose files get finalizers in
//!   gc, which starts its finalizer goroutine for them
//!   ([`reserve_finalizer_goroutine`]).
//!
//! # Invariants
//!
//! * All scheduler state is thread-local and touched only through
//!   [`with_sched`], whose borrow never spans a switch, a call into Go
//!   code or an allocation on the Go heap.
//! * `cur_g()` is the `G` whose stack is in use; it is `Running`. Every
//!   other live `G` is `Runnable` (and in the run queue exactly once) or
//!   `Waiting` (and reachable only from whatever will wake it: a channel
//!   wait queue, a semaphore queue, the timer heap, or nothing when it
//!   waits forever).
//! * A `G` that is not running has `sp` pointing at its saved registers,
//!   and `park_fp` (when it waits) at a frame of its own from which its
//!   traceback starts. Its stack from `sp` to `stack_top` holds every
//!   pointer it keeps ([`mark_roots`] scans it).
//! * A finished goroutine's stack is never reused while it is still in
//!   use: it goes to the free list just before the final switch, once the
//!   next goroutine is chosen (choosing may start goroutines for due
//!   timers), and only a running goroutine (on another stack) takes from
//!   the list.

use std::cell::UnsafeCell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::ptr::null_mut;
use std::sync::atomic::AtomicU32;
use std::sync::atomic::Ordering::SeqCst;
use std::time::{Duration, Instant};

use crate::chan::Waiter;
use crate::frames::{Frame, find_func};
use crate::panic::{G, cur_g, set_g};
use crate::print::ByteSink;
use crate::traceback_fmt::{fmt_created_by, fmt_goroutine_header};

/// Address space reserved for each goroutine's stack.
pub const STACK_RESERVE: usize = 256 << 20;
/// The inaccessible bytes at the low end of a goroutine stack.
const GUARD: usize = 4096;
/// Stacks made with a guard page. The kernel limits the mappings of a
/// process (`vm.max_map_count`, 65530 by default) and a guarded stack is
/// two of them, while unguarded reservations next to each other merge into
/// one: beyond this many goroutines, stacks come without a guard (an
/// overflow of one runs into its neighbour instead of faulting, and is not
/// reported). An overflow into a guard is gc's `fatal error: stack
/// overflow` ([`crate::stackguard`]).
const GUARDED_STACKS: usize = 16384;
/// The first id of a goroutine other than main (gc's runtime takes 2–4).
const FIRST_USER_ID: u64 = 5;

/// Where a goroutine is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// On the run queue.
    Runnable,
    /// Its stack is in use.
    Running,
    /// Parked until something readies it.
    Waiting,
    /// Finished (or, for main, gone through `runtime.Goexit`).
    Dead,
}

/// The scheduler's part of a [`G`].
pub struct GSched {
    /// Life cycle state.
    pub status: Status,
    /// What a waiting goroutine waits for, as gc's tracebacks say it.
    pub wait_reason: &'static str,
    /// Saved stack pointer while not running.
    sp: usize,
    /// A frame pointer of the parked goroutine: its traceback starts there.
    park_fp: usize,
    /// Low end of the goroutine's stack reservation (0 for main).
    stack_lo: usize,
    /// The usable stack, `[lo, hi)`: `lo` is just above the guard page
    /// (the stack-overflow check of [`crate::stackguard`]); `(0, 0)` while
    /// unknown.
    pub(crate) stack: (usize, usize),
    /// Id of the goroutine whose `go` statement created it.
    creator: u64,
    /// The thunk the goroutine runs and its argument block (a GC root).
    thunk: usize,
    args: *mut u8,
    /// Return address of the `deft_newproc` call that created it.
    created_pc: usize,
    /// A select in progress: its waiters, one per case with a channel.
    pub(crate) select_waiters: *mut Waiter,
    /// Number of entries at `select_waiters`.
    pub(crate) select_len: usize,
    /// The waiter of the select case that proceeded (set by the waker).
    pub(crate) fired: *mut Waiter,
    /// The coroutine this goroutine runs (`iter.Pull`'s), null for an
    /// ordinary goroutine: when it ends, its partner runs next
    /// ([`crate::coro`]).
    pub(crate) coro: *mut crate::coro::Coro,
}

impl GSched {
    /// The state of a running goroutine without a stack of its own (main).
    pub const fn new() -> GSched {
        GSched {
            status: Status::Running,
            wait_reason: "",
            sp: 0,
            park_fp: 0,
            stack_lo: 0,
            stack: (0, 0),
            creator: 0,
            thunk: 0,
            args: null_mut(),
            created_pc: 0,
            select_waiters: null_mut(),
            select_len: 0,
            fired: null_mut(),
            coro: null_mut(),
        }
    }
}

impl Default for GSched {
    fn default() -> Self {
        GSched::new()
    }
}

/// A sleeping goroutine: deadline, then sequence number (FIFO among equal
/// deadlines), then the `G`.
type Timer = Reverse<(Instant, u64, usize)>;

struct Sched {
    /// Every `G` in creation order, main first (dead ones stay: gc's allgs).
    all: Vec<*mut G>,
    /// Finished goroutines whose `G` and stack can be reused.
    free: Vec<*mut G>,
    runq: VecDeque<*mut G>,
    /// The goroutine to run next, ahead of `runq`: the one made runnable
    /// last (created, or woken by a channel, semaphore or timer), as gc's
    /// `runnext` on one P. It moves to the back of `runq` when another one
    /// takes its place. So a goroutine woken by a send runs as soon as the
    /// sender blocks, and output orders are gc's with one P.
    runnext: Option<*mut G>,
    timers: BinaryHeap<Timer>,
    timer_seq: u64,
    /// Timers that run a Go function (package time's timers), by deadline
    /// then sequence number; an entry whose sequence number is no longer
    /// its timer's (stopped or reset since) is stale and skipped.
    func_timers: BinaryHeap<Reverse<(Instant, u64, u64)>>,
    /// The armed function timers by id.
    armed: BTreeMap<u64, FuncTimer>,
    /// The runtime goroutines running a fired timer's function, each with
    /// the timer's id and how late it fired (ns).
    firing: Vec<(*mut G, u64, i64)>,
    /// The last pick ran due timers' functions: the next one lets a
    /// goroutine of the program run before it fires any again (gc runs
    /// them inside the scheduler, between two goroutines' turns; a ticker
    /// of a tiny period must not starve the program).
    timers_just_fired: bool,
    next_id: u64,
    /// Goroutines not finished, main included.
    live: usize,
    /// Goroutines waiting in `sync.runtime_Semacquire`, by address.
    sema: BTreeMap<usize, VecDeque<*mut G>>,
    /// Goroutines waiting in `sync.Cond.Wait`, by the address of the
    /// condition's notify list, each with its ticket.
    notify: BTreeMap<usize, Vec<(u32, *mut G)>>,
    /// xorshift state for select's random choice (0: not seeded yet).
    rng: u64,
    /// gc's finalizer goroutine has taken its id (see
    /// [`reserve_finalizer_goroutine`]).
    fing_id_taken: bool,
    /// A goroutine of the runtime's runs the queued finalizers.
    finalizer_runner: bool,
}

struct SchedCell(UnsafeCell<Sched>);

thread_local! {
    static SCHED: SchedCell = const {
        SchedCell(UnsafeCell::new(Sched {
            all: Vec::new(),
            free: Vec::new(),
            runq: VecDeque::new(),
            runnext: None,
            timers: BinaryHeap::new(),
            timer_seq: 0,
            func_timers: BinaryHeap::new(),
            armed: BTreeMap::new(),
            firing: Vec::new(),
            timers_just_fired: false,
            next_id: FIRST_USER_ID,
            live: 0,
            sema: BTreeMap::new(),
            notify: BTreeMap::new(),
            rng: 0,
            fing_id_taken: false,
            finalizer_runner: false,
        }))
    };
}

/// Runs `f` on this thread's scheduler state. `f` must not switch
/// goroutines, call Go code or re-enter `with_sched`.
fn with_sched<R>(f: impl FnOnce(&mut Sched) -> R) -> R {
    // SAFETY: thread-local, and by the rule above this is the only reference.
    SCHED.with(|s| f(unsafe { &mut *s.0.get() }))
}

/// Makes `main` (the main goroutine's `G`, running) the first goroutine of
/// a fresh scheduler on this thread. Goroutines of an earlier program on
/// this thread are abandoned.
pub fn init_main(main: *mut G) {
    with_sched(|s| {
        s.all.clear();
        s.free.clear();
        s.runq.clear();
        s.runnext = None;
        s.timers.clear();
        s.func_timers.clear();
        s.armed.clear();
        s.firing.clear();
        s.timers_just_fired = false;
        s.sema.clear();
        s.notify.clear();
        s.next_id = FIRST_USER_ID;
        s.fing_id_taken = false;
        s.finalizer_runner = false;
        s.live = 1;
        s.all.push(main);
    });
}

/// The running goroutine, registered as main if the scheduler has not
/// seen a goroutine yet.
fn running() -> *mut G {
    let g = cur_g();
    if g.is_null() {
        crate::panic::fatal("goroutine operation outside Go code");
    }
    with_sched(|s| {
        if s.all.is_empty() {
            s.all.push(g);
            s.live = 1;
        }
    });
    g
}

// ---------------------------------------------------------------------------
// Switching
// ---------------------------------------------------------------------------

/// Saves the callee-saved registers on the current stack and its stack
/// pointer in `*save_sp`, then resumes the stack at `new_sp` (saved the
/// same way, or prepared by [`prepare_stack`]).
///
/// # Safety
/// `new_sp` must be a stack saved by `switch` or prepared by
/// [`prepare_stack`] and not resumed since.
#[unsafe(naked)]
unsafe extern "C" fn switch(_save_sp: *mut usize, _new_sp: usize) {
    core::arch::naked_asm!(
        "push rbp",
        "push rbx",
        "push r12",
        "push r13",
        "push r14",
        "push r15",
        "mov [rdi], rsp",
        "mov rsp, rsi",
        "pop r15",
        "pop r14",
        "pop r13",
        "pop r12",
        "pop rbx",
        "pop rbp",
        "ret",
    )
}

/// Stops running `cur` and runs `next` (which is not `cur`).
///
/// # Safety
/// `cur` is the running goroutine, already marked with its new status;
/// `next` is runnable.
unsafe fn switch_to(cur: *mut G, next: *mut G) {
    // SAFETY: by the precondition; when `switch` returns, whoever resumed
    // us has made us current again.
    unsafe {
        (*next).sched.status = Status::Running;
        set_g(next);
        switch(&raw mut (*cur).sched.sp, (*next).sched.sp);
    }
}

/// Gives up the thread: runs the next runnable goroutine (sleeping until a
/// timer fires if none is), and returns when `cur` runs again.
fn reschedule(cur: *mut G) {
    let next = find_next();
    if next == cur {
        // SAFETY: cur is the running goroutine's G.
        unsafe { (*cur).sched.status = Status::Running };
        return;
    }
    // SAFETY: `cur` is running and has its new status; `next` is runnable.
    unsafe { switch_to(cur, next) }
}

/// The next goroutine to run, taken off the run queue. Readies expired
/// sleepers first; sleeps while only timers are pending; reports the
/// deadlock when nothing can ever run.
fn find_next() -> *mut G {
    loop {
        let (next, earliest, funcs) = with_sched(|s| {
            let runnable = s.runnext.is_some() || !s.runq.is_empty();
            let funcs_due = !std::mem::take(&mut s.timers_just_fired) || !runnable;
            let timers_pending = !s.timers.is_empty() || !s.func_timers.is_empty();
            let funcs = if timers_pending { s.fire_timers(Instant::now(), funcs_due) } else { Vec::new() };
            let earliest = [s.timers.peek().map(|t| t.0.0), s.func_timers.peek().map(|t| t.0.0)];
            (s.runnext.take().or_else(|| s.runq.pop_front()), earliest.into_iter().flatten().min(), funcs)
        });
        let finalize =
            crate::gc::finalizers_ready() && !with_sched(|s| std::mem::replace(&mut s.finalizer_runner, true));
        if finalize || !funcs.is_empty() {
            // Due timers' functions and the finalizers run first, each on a
            // goroutine of the runtime's.
            if let Some(g) = next {
                with_sched(|s| s.runq.push_front(g));
            }
            for (id, fire, late) in funcs {
                let g = start_runtime_goroutine(run_timer, fire as *mut u8);
                with_sched(|s| {
                    s.firing.push((g, id, late));
                    s.timers_just_fired = true;
                });
            }
            if finalize {
                start_runtime_goroutine(run_finalizers, null_mut());
            }
            // The last one started runs now. (Going round the loop would
            // fire a timer of a tiny period again and again, starting
            // goroutines that never run.)
            match with_sched(|s| s.runnext.take()) {
                Some(g) => return g,
                None => continue,
            }
        }
        if crate::netpoll::waiting() {
            // Goroutines wait for descriptors: see which are ready, waiting
            // for one (until the earliest timer) only when nothing else
            // can run.
            let timeout = match (next, earliest) {
                (Some(_), _) => Some(Duration::ZERO),
                (None, Some(deadline)) => Some(deadline.saturating_duration_since(Instant::now())),
                (None, None) => None,
            };
            crate::netpoll::poll_ready(timeout);
            if next.is_none() {
                continue;
            }
        }
        if let Some(g) = next {
            return g;
        }
        match earliest {
            Some(deadline) => std::thread::sleep(deadline.saturating_duration_since(Instant::now())),
            None => deadlock(),
        }
    }
}

impl Sched {
    /// Moves every sleeper whose deadline has passed to the run queue, and
    /// (if `funcs`) returns the function timers that are due, each as its
    /// id, its function and how late it is (ns), re-arming the periodic
    /// ones.
    fn fire_timers(&mut self, now: Instant, funcs: bool) -> Vec<(u64, usize, i64)> {
        while let Some(&Reverse((deadline, _, g))) = self.timers.peek() {
            if deadline > now {
                break;
            }
            self.timers.pop();
            self.make_ready(g as *mut G);
        }
        let mut due = Vec::new();
        while let Some(&Reverse((deadline, seq, id))) = self.func_timers.peek() {
            if deadline > now || !funcs {
                break;
            }
            self.func_timers.pop();
            let Some(t) = self.armed.get(&id).copied().filter(|t| t.seq == seq) else { continue };
            let late = now.duration_since(deadline);
            due.push((id, t.fire, late.as_nanos().min(i64::MAX as u128) as i64));
            if t.period.is_zero() {
                self.armed.remove(&id);
            } else {
                // The next tick after now: ticks missed while the thread
                // was busy are dropped (as gc's tickers do), not fired in
                // a burst.
                let missed = late.as_nanos() / t.period.as_nanos().max(1);
                let next = deadline + t.period * (missed.min(u32::MAX as u128) as u32 + 1);
                self.arm(id, FuncTimer { seq: 0, ..t }, next);
            }
        }
        due
    }

    /// Arms function timer `id` as `t` (whose sequence number it sets),
    /// replacing its previous deadline, if any.
    fn arm(&mut self, id: u64, t: FuncTimer, deadline: Instant) {
        self.timer_seq += 1;
        let seq = self.timer_seq;
        self.armed.insert(id, FuncTimer { seq, ..t });
        self.func_timers.push(Reverse((deadline, seq, id)));
    }

    /// Makes `g` runnable as the next goroutine to run (see `runnext`).
    fn make_ready(&mut self, g: *mut G) {
        // SAFETY: g is a live G (waiting, as the callers ensure).
        unsafe { (*g).sched.status = Status::Runnable };
        if let Some(previous) = self.runnext.replace(g) {
            self.runq.push_back(previous);
        }
    }
}

/// Makes the waiting goroutine `g` runnable (the next to run).
pub(crate) fn ready(g: *mut G) {
    with_sched(|s| s.make_ready(g));
}

/// `os.runtime_reserveFinalizerGoroutine()`, called by package `os`'s
/// initialisation: takes the id gc's finalizer goroutine gets (gc starts
/// it when `os` sets finalizers on the standard files), so that the
/// program's own goroutines get gc's ids.
pub extern "C" fn reserve_finalizer_goroutine() {
    with_sched(|s| {
        if !s.fing_id_taken {
            s.fing_id_taken = true;
            s.next_id += 1;
        }
    });
}

/// A timer of package time (`runtime.timeTimer`, `lib/runtime/timer.go`)
/// while it is armed: the Go `func(late int64)` it calls when it fires,
/// the channel that function sends on (0 for `AfterFunc`'s), its period
/// (zero: once), and the sequence number of its live heap entry. Both
/// words are roots ([`mark_roots`]).
#[derive(Clone, Copy)]
struct FuncTimer {
    fire: usize,
    chan: usize,
    period: Duration,
    seq: u64,
}

/// `runtime.timerNew(when, period int64, fire func(int64), c
/// unsafe.Pointer) uint64`: a new timer, armed to call `fire` (on a
/// goroutine of the runtime's) at `when` (a `runtimeNano` reading), then
/// every `period` ns if `period > 0`; returns its id. `c` is the channel
/// `fire` sends on (nil for `AfterFunc`'s), which gets Go 1.23's
/// synchronous semantics ([`crate::chan::mark_timer`]; gc 1.27 removed
/// `GODEBUG=asynctimerchan`, the old ones). gc's timers run their
/// functions in the runtime, not in a goroutine of the program: this
/// goroutine has no id of the program's, is not counted by
/// `NumGoroutine`, and `fire` must not block.
pub extern "C" fn timer_new(when: i64, period: i64, fire: usize, chan: usize) -> u64 {
    crate::preempt::start();
    if chan != 0 {
        // SAFETY: a channel of the program.
        unsafe { crate::chan::mark_timer(chan as *mut u8) };
    }
    with_sched(|s| {
        s.timer_seq += 1;
        let id = s.timer_seq;
        s.arm(id, FuncTimer { fire, chan, period: period_of(period), seq: 0 }, crate::library::instant_at(when));
        id
    })
}

/// `runtime.timerStop(id uint64, c unsafe.Pointer) bool`: disarms timer
/// `id` (whose channel is `c`); whether it was pending: armed, or fired
/// with a value on its channel that nobody received (which it discards).
pub extern "C" fn timer_stop(id: u64, chan: usize) -> bool {
    let armed = with_sched(|s| s.armed.remove(&id).is_some());
    // Not short-circuited: the channel is drained either way.
    armed | discard_sent(id, chan)
}

/// `runtime.timerReset(id uint64, when, period int64, fire func(int64), c
/// unsafe.Pointer) bool`: [`timer_stop`], then arms timer `id` again as
/// [`timer_new`] does; whether it was pending.
pub extern "C" fn timer_reset(id: u64, when: i64, period: i64, fire: usize, chan: usize) -> bool {
    let pending = timer_stop(id, chan);
    let t = FuncTimer { fire, chan, period: period_of(period), seq: 0 };
    with_sched(|s| s.arm(id, t, crate::library::instant_at(when)));
    pending
}

/// A timer's period of `ns` nanoseconds (zero: it fires once).
fn period_of(ns: i64) -> Duration {
    Duration::from_nanos(ns.max(0) as u64)
}

/// For timer `id` with channel `chan` (0: none): waits until no function
/// of it that fired is still running (it may have been preempted before
/// its send: gc's timers hold a lock across the send for this), then
/// discards what the channel holds; whether it held a value.
fn discard_sent(id: u64, chan: usize) -> bool {
    if chan == 0 {
        return false;
    }
    while with_sched(|s| s.firing.iter().any(|&(_, t, _)| t == id)) {
        gosched();
    }
    // SAFETY: a timer's channel.
    unsafe { crate::chan::drain_timer(chan as *mut u8) }
}

/// Starts a goroutine of the runtime's (no id of the program's, not
/// counted) that calls `thunk(args)`, to run next.
fn start_runtime_goroutine(thunk: Thunk, args: *mut u8) -> *mut G {
    start_goroutine(0, thunk as usize, args, 0)
}

/// The thunk of the runtime goroutine that runs the finalizers a
/// collection queued, one after the other (gc's finalizer goroutine).
unsafe extern "C" fn run_finalizers(_args: *mut u8, _fp_out: *mut usize) {
    while let Some((obj, f)) = crate::gc::take_ready_finalizer() {
        let (a0, a1) = if f.by_interface { (f.obj_ty, obj) } else { (obj, 0) };
        // SAFETY: a finalizer's function takes the object as SetFinalizer
        // checked; `obj` and `f.func` stay on this stack while it runs.
        unsafe { crate::entry::call_go_func(f.func, a0, a1) };
        std::hint::black_box((obj, f));
    }
    with_sched(|s| s.finalizer_runner = false);
}

/// `func runtime_blockUntilEmptyCleanupQueue(timeout int64) bool`
/// (packages unique and sync's tests): yields until no finalizer or
/// cleanup is queued or running, or `timeout` nanoseconds have passed;
/// whether the queue emptied.
pub extern "C" fn block_until_empty_cleanup_queue(timeout: i64) -> bool {
    let start = Instant::now();
    let limit = Duration::from_nanos(timeout.max(0) as u64);
    loop {
        if !crate::gc::finalizers_ready() && !with_sched(|s| s.finalizer_runner) {
            return true;
        }
        if start.elapsed() >= limit {
            return false;
        }
        gosched();
    }
}

/// The thunk of the runtime goroutine that runs a fired timer's function
/// `args` (a `func(late int64)`), listed in `firing` until it returns.
unsafe extern "C" fn run_timer(args: *mut u8, _fp_out: *mut usize) {
    let g = cur_g();
    let late = with_sched(|s| s.firing.iter().find(|f| f.0 == g).map_or(0, |f| f.2));
    // SAFETY: `args` is a timer's Go func value of that type (kept alive
    // as this goroutine's argument block).
    unsafe { crate::entry::call_go_func(args as usize, late as usize, 0) };
    with_sched(|s| s.firing.retain(|f| f.0 != g));
}

/// The current frame pointer.
#[inline(always)]
fn frame_pointer() -> usize {
    let fp: usize;
    // SAFETY: reads rbp.
    unsafe { core::arch::asm!("mov {}, rbp", out(reg) fp, options(nomem, nostack, preserves_flags)) };
    fp
}

/// Parks the running goroutine, which waits for `reason` (gc's wait reason
/// text), until [`ready`] is called for it; returns when it runs again.
/// Whoever will ready it must already be able to find it.
#[inline(never)]
pub(crate) fn park(reason: &'static str) {
    let g = running();
    // SAFETY: g is the running goroutine; this frame stays live while parked.
    unsafe {
        (*g).sched.status = Status::Waiting;
        (*g).sched.wait_reason = reason;
        (*g).sched.park_fp = frame_pointer();
    }
    reschedule(g);
}

/// Parks the running goroutine for good (a nil channel, `select {}`).
pub(crate) fn park_forever(reason: &'static str) -> ! {
    park(reason);
    crate::panic::fatal("a goroutine blocked forever was resumed")
}

/// `func Gosched()` (package runtime): the running goroutine goes to the
/// back of the run queue.
#[inline(never)]
pub extern "C" fn gosched() {
    let g = running();
    let fp = frame_pointer();
    // Behind every other runnable goroutine, as gc's global run queue.
    with_sched(|s| {
        // SAFETY: g is the running goroutine; this frame stays live while
        // it waits to run again, so a fatal error's traceback starts here.
        unsafe {
            (*g).sched.status = Status::Runnable;
            (*g).sched.park_fp = fp;
        }
        s.runq.push_back(g);
    });
    reschedule(g);
}

// ---------------------------------------------------------------------------
// Creating and ending goroutines
// ---------------------------------------------------------------------------

/// Signature of the thunk a goroutine runs (a defer thunk).
pub(crate) type Thunk = unsafe extern "C" fn(args: *mut u8, fp_out: *mut usize);

/// The compiler emits a call to this for a `go` statement:
/// `deft_newproc(thunk, args)` starts a goroutine that calls
/// `thunk(args, &mut scratch)` (a defer thunk; `args` a Go heap block kept
/// alive until the goroutine ends) and then finishes. The caller keeps
/// running; the new goroutine goes to the back of the run queue. The shim
/// passes its return address on, for the goroutine's `created by` line.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn deft_newproc(_thunk: usize, _args: *mut u8) {
    core::arch::naked_asm!("mov rdx, [rsp]", "jmp {imp}", imp = sym newproc)
}

extern "C" fn newproc(thunk: usize, args: *mut u8, created_pc: usize) {
    let creator = running();
    crate::preempt::start();
    let id = count_new_goroutine();
    let g = start_goroutine(id, thunk, args, created_pc);
    // SAFETY: both are live G's; `g` has not run.
    unsafe {
        (*g).sched.creator = (*creator).id;
        crate::library::crypto::inherit(creator, g);
    }
}

/// Counts a new user goroutine among the live ones and gives it the next
/// goroutine id.
fn count_new_goroutine() -> u64 {
    with_sched(|s| {
        s.live += 1;
        s.next_id += 1;
        s.next_id - 1
    })
}

/// Makes goroutine `id` (0: one of the runtime's) on a reused or new `G`,
/// to call `thunk(args)` when it first runs, and makes it runnable next.
fn start_goroutine(id: u64, thunk: usize, args: *mut u8, created_pc: usize) -> *mut G {
    let g = prepare_goroutine(id, thunk, args, created_pc);
    with_sched(|s| s.make_ready(g));
    g
}

/// Makes goroutine `id` on a reused or new `G`, to call `thunk(args)` when
/// it first runs; its status is left to the caller.
fn prepare_goroutine(id: u64, thunk: usize, args: *mut u8, created_pc: usize) -> *mut G {
    let g = with_sched(|s| s.free.pop()).unwrap_or_else(new_goroutine);
    // SAFETY: g is a free G that nothing else refers to; its stack is unused.
    unsafe {
        (*g).panic = null_mut();
        (*g).defer = null_mut();
        (*g).sig = 0;
        (*g).id = id;
        (*g).crypto = crate::library::crypto::CryptoState::new();
        let st = &mut (*g).sched;
        st.thunk = thunk;
        st.args = args;
        st.created_pc = created_pc;
        st.creator = 0;
        st.park_fp = 0;
        st.coro = null_mut();
        st.sp = prepare_stack(st.stack_lo + STACK_RESERVE);
    }
    g
}

/// Makes the goroutine of a coroutine (`iter.Pull`'s, see [`crate::coro`]),
/// created by the running goroutine: counted and numbered as any other,
/// waiting (`coroutine`, as gc says) until [`switch_parked`] runs it; it
/// then calls `thunk(args)`.
pub(crate) fn new_coroutine_goroutine(thunk: Thunk, args: *mut u8, coro: *mut crate::coro::Coro) -> *mut G {
    let creator = running();
    crate::preempt::start();
    let id = count_new_goroutine();
    let g = prepare_goroutine(id, thunk as usize, args, 0);
    // SAFETY: both are live G's; `g` has not run.
    unsafe {
        (*g).sched.creator = (*creator).id;
        crate::library::crypto::inherit(creator, g);
        (*g).sched.coro = coro;
        (*g).sched.status = Status::Waiting;
        (*g).sched.wait_reason = COROUTINE;
    }
    g
}

/// gc's wait reason of a goroutine blocked in a coroutine switch.
const COROUTINE: &str = "coroutine";

/// Parks the running goroutine (`coroutine`, until a switch resumes it)
/// and runs `next` at once, past the run queue, as gc's `coroswitch`
/// hands the thread over; returns when the running goroutine is resumed.
///
/// # Safety
/// `next` is a live goroutine waiting in a coroutine switch (not queued).
#[inline(never)]
pub(crate) unsafe fn switch_parked(next: *mut G) {
    let g = running();
    // SAFETY: g is the running goroutine; this frame stays live while
    // parked; `next` waits, by the precondition.
    unsafe {
        (*g).sched.status = Status::Waiting;
        (*g).sched.wait_reason = COROUTINE;
        (*g).sched.park_fp = frame_pointer();
        switch_to(g, next);
    }
}

/// A new `G` with a fresh stack, added to the list of all goroutines.
fn new_goroutine() -> *mut G {
    let guard = if with_sched(|s| s.all.len()) < GUARDED_STACKS { GUARD } else { 0 };
    let Some(lo) = crate::sys::reserve_stack(STACK_RESERVE, guard) else {
        crate::proc::throw("runtime: cannot allocate goroutine stack");
    };
    let top = lo as usize + STACK_RESERVE;
    let g = Box::into_raw(Box::new(G {
        panic: null_mut(),
        defer: null_mut(),
        // Frame walks stop below goroutine_main's frame (see prepare_stack).
        stack_top: top - 16,
        sig: 0,
        defer_pool: null_mut(),
        id: 0,
        sched: GSched {
            stack_lo: lo as usize,
            stack: (lo as usize + guard, top),
            status: Status::Dead,
            ..GSched::new()
        },
        crypto: crate::library::crypto::CryptoState::new(),
    }));
    with_sched(|s| s.all.push(g));
    g
}

/// Writes the saved state that makes [`switch`] enter [`goroutine_main`]
/// on the stack ending at `top`; returns the stack pointer to resume.
///
/// Layout, from `top` down: a zero "return address" (so goroutine_main is
/// entered with the alignment of a call, rsp ≡ 8 mod 16), goroutine_main's
/// address (popped by `switch`'s `ret`), six zero registers (rbp = 0 ends
/// frame walks). goroutine_main's frame pointer is then `top − 16`.
///
/// # Safety
/// `top` is the 16-aligned top of a goroutine stack nothing runs on.
unsafe fn prepare_stack(top: usize) -> usize {
    let sp = top - 64;
    // SAFETY: the eight words below `top` belong to the unused stack.
    unsafe {
        std::ptr::write_bytes(sp as *mut usize, 0, 8);
        *((top - 16) as *mut usize) = goroutine_main as *const () as usize;
    }
    sp
}

/// Where a new goroutine starts: runs its thunk, then finishes it.
extern "C" fn goroutine_main() -> ! {
    let g = cur_g();
    // SAFETY: g is the running goroutine, set up by `newproc`; its thunk is
    // generated code taking the argument block.
    unsafe {
        let thunk = std::mem::transmute::<usize, Thunk>((*g).sched.thunk);
        let mut scratch = 0usize;
        thunk((*g).sched.args, &raw mut scratch);
    }
    exit_current()
}

/// Finishes the running goroutine (its thunk returned, or it called
/// `runtime.Goexit` and its deferred calls have run) and runs another.
/// The main goroutine is finished the same way (it never runs again);
/// the process then ends when the others are done or blocked.
pub fn exit_current() -> ! {
    let g = running();
    // SAFETY: g is the running goroutine; its stack stays in use until the
    // switch below, and only another running goroutine can reuse it.
    unsafe {
        (*g).sched.status = Status::Dead;
        (*g).sched.args = null_mut();
        (*g).panic = null_mut();
        (*g).defer = null_mut();
        with_sched(|s| {
            // The runtime's own goroutines (id 0) are not counted.
            if (*g).id != 0 {
                s.live -= 1;
            }
        });
        // A coroutine's end resumes the goroutine that switched to it.
        let next = match (*g).sched.coro.as_mut() {
            Some(c) => crate::coro::finished(c),
            None => find_next(),
        };
        // Free only now: finding the next goroutine may start goroutines
        // (for due timers), which must not get this stack while it is in
        // use.
        if (*g).sched.stack_lo != 0 {
            with_sched(|s| s.free.push(g));
        }
        switch_to(g, next);
    }
    crate::panic::fatal("a finished goroutine was resumed")
}

// ---------------------------------------------------------------------------
// Sleep, semaphores, counting
// ---------------------------------------------------------------------------

/// Parks the running goroutine for `ns` nanoseconds (`time.Sleep`); returns
/// at once for `ns <= 0`.
pub fn sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let d = Duration::from_nanos(ns as u64);
    if cur_g().is_null() {
        std::thread::sleep(d);
        return;
    }
    let g = running();
    let now = Instant::now();
    // A deadline past what Instant holds is never reached: sleep "forever"
    // (a century), still a pending timer as far as deadlock checks go.
    let deadline = now.checked_add(d).unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 86400));
    with_sched(|s| {
        s.timer_seq += 1;
        s.timers.push(Reverse((deadline, s.timer_seq, g as usize)));
    });
    park("sleep");
}

/// Waits until `*addr > 0`, then decrements it; a goroutine that waits
/// shows `reason` in tracebacks (gc 1.27 names the sync operation), and
/// queues at the head of the semaphore's waiters if `lifo` (a waiter that
/// waited before: `internal/sync`'s Mutex), else at the tail.
///
/// The count changes only through atomic instructions: library Go code
/// reads and writes the same words (a released count may be taken by a
/// goroutine that never parks).
///
/// # Safety
/// `addr` points to a live, aligned `uint32`.
pub(crate) unsafe fn semacquire(addr: *mut u32, reason: &'static str, lifo: bool) {
    // SAFETY: by the precondition.
    let count = unsafe { AtomicU32::from_ptr(addr) };
    loop {
        let n = count.load(SeqCst);
        if n > 0 {
            if count.compare_exchange(n, n - 1, SeqCst, SeqCst).is_ok() {
                return;
            }
            continue;
        }
        let g = running();
        with_sched(|s| {
            let q = s.sema.entry(addr as usize).or_default();
            if lifo { q.push_front(g) } else { q.push_back(g) }
        });
        park(reason);
    }
}

/// Defines the `sync.runtime_SemacquireX` entry points: [`semacquire`]
/// with the wait reason of the sync operation that waits.
macro_rules! semacquire_for {
    ($($(#[$doc:meta])* $name:ident => $reason:literal;)*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// `addr` points to a live, aligned `uint32`.
        pub unsafe extern "C" fn $name(addr: *mut u32) {
            // SAFETY: forwarded.
            unsafe { semacquire(addr, $reason, false) }
        }
    )*};
}

semacquire_for! {
    /// `func runtime_Semacquire(sema *uint32)` (package internal/poll): an
    /// `FD`'s close waits for its operations to end.
    semacquire_plain => "semacquire";
    /// `func runtime_SemacquireMutex(addr *uint32)`: `Mutex.Lock` waits.
    semacquire_mutex => "sync.Mutex.Lock";
    /// `func runtime_SemacquireRWMutex(addr *uint32)`: `RWMutex.Lock` waits.
    semacquire_rwmutex => "sync.RWMutex.Lock";
    /// `func runtime_SemacquireRWMutexR(addr *uint32)`: `RWMutex.RLock` waits.
    semacquire_rwmutex_r => "sync.RWMutex.RLock";
    /// `func runtime_SemacquireWaitGroup(addr *uint32)`: `WaitGroup.Wait` waits.
    semacquire_waitgroup => "sync.WaitGroup.Wait";
}

/// `func runtime_Semrelease(addr *uint32)` (package sync): increments
/// `*addr` and wakes one goroutine waiting on it (which then competes for
/// the count, as in gc: no handoff).
///
/// # Safety
/// `addr` points to a live, aligned `uint32`.
pub unsafe extern "C" fn semrelease(addr: *mut u32) {
    // SAFETY: by the precondition.
    unsafe { AtomicU32::from_ptr(addr) }.fetch_add(1, SeqCst);
    with_sched(|s| {
        let key = addr as usize;
        let Some(q) = s.sema.get_mut(&key) else { return };
        let waiter = q.pop_front();
        if q.is_empty() {
            s.sema.remove(&key);
        }
        if let Some(g) = waiter {
            s.make_ready(g);
        }
    });
}

/// A condition variable's notify list (package sync's `notifyList`): two
/// ticket counters. `Cond.Wait` takes ticket `wait` (an atomic increment
/// in Go code) before unlocking its lock, then waits until `notify` has
/// passed its ticket; `Signal` passes one ticket, `Broadcast` all taken.
/// Tickets make a wake-up go to a goroutine that was waiting when it was
/// sent, never to one that arrives later, as gc's.
#[repr(C)]
pub struct NotifyList {
    wait: AtomicU32,
    notify: AtomicU32,
}

/// Whether ticket `t` comes before `notify` (wrapping arithmetic: tickets
/// are a 32-bit counter).
fn ticket_passed(t: u32, notify: u32) -> bool {
    (t.wrapping_sub(notify) as i32) < 0
}

/// `func runtime_notifyListWait(l *notifyList, t uint32)` (package sync):
/// waits until ticket `t` has been notified.
///
/// # Safety
/// `l` points to a live notify list.
pub unsafe extern "C" fn notify_list_wait(l: *const NotifyList, t: u32) {
    // SAFETY: by the precondition.
    let list = unsafe { &*l };
    if ticket_passed(t, list.notify.load(SeqCst)) {
        return;
    }
    let g = running();
    with_sched(|s| s.notify.entry(l as usize).or_default().push((t, g)));
    park("sync.Cond.Wait");
}

/// `func runtime_notifyListNotifyOne(l *notifyList)` (package sync): wakes
/// the goroutine holding the oldest ticket not yet notified, if any.
///
/// # Safety
/// `l` points to a live notify list.
pub unsafe extern "C" fn notify_list_notify_one(l: *const NotifyList) {
    // SAFETY: by the precondition.
    let list = unsafe { &*l };
    let t = list.notify.load(SeqCst);
    if t == list.wait.load(SeqCst) {
        return;
    }
    list.notify.store(t.wrapping_add(1), SeqCst);
    // The ticket's holder may not be parked yet: it will see the ticket
    // passed when it gets to `notify_list_wait`.
    with_sched(|s| {
        let key = l as usize;
        let Some(q) = s.notify.get_mut(&key) else { return };
        let Some(i) = q.iter().position(|&(ticket, _)| ticket == t) else { return };
        let (_, g) = q.remove(i);
        if q.is_empty() {
            s.notify.remove(&key);
        }
        s.make_ready(g);
    });
}

/// `func runtime_notifyListNotifyAll(l *notifyList)` (package sync): wakes
/// every goroutine holding a ticket, in ticket order.
///
/// # Safety
/// `l` points to a live notify list.
pub unsafe extern "C" fn notify_list_notify_all(l: *const NotifyList) {
    // SAFETY: by the precondition.
    let list = unsafe { &*l };
    list.notify.store(list.wait.load(SeqCst), SeqCst);
    with_sched(|s| {
        let Some(mut q) = s.notify.remove(&(l as usize)) else { return };
        q.sort_by_key(|&(t, _)| t);
        for (_, g) in q {
            s.make_ready(g);
        }
    });
}

/// `func NumGoroutine() int` (package runtime): goroutines not finished,
/// main included.
pub extern "C" fn num_goroutine() -> i64 {
    running();
    with_sched(|s| s.live as i64)
}

/// A pseudo-random number (xorshift64, seeded from the clock): select's
/// choice among ready cases.
pub(crate) fn fastrand() -> u64 {
    with_sched(|s| {
        if s.rng == 0 {
            let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            s.rng = (seed as u64) | 1;
        }
        let mut x = s.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.rng = x;
        x
    })
}

// ---------------------------------------------------------------------------
// Garbage collection roots, tracebacks, deadlock
// ---------------------------------------------------------------------------

/// Marks what goroutines keep alive besides the running goroutine's stack
/// and registers (which the collector scans itself): every goroutine's heap
/// defer records and argument block, and the stack of each goroutine that
/// is not running, from its saved stack pointer (its saved registers are
/// there) to its stack top.
pub fn mark_roots(h: &mut crate::gc::Heap) {
    let funcs: Vec<usize> = with_sched(|s| s.armed.values().flat_map(|t| [t.fire, t.chan]).collect());
    // SAFETY: a local array of words.
    unsafe { h.mark_range(funcs.as_ptr() as usize, funcs.as_ptr() as usize + 8 * funcs.len()) };
    let cur = cur_g();
    let gs = with_sched(|s| s.all.clone());
    if gs.is_empty() {
        // SAFETY: collections run with a current G.
        unsafe { crate::gc::mark_defer_records(h, cur) };
        return;
    }
    for g in gs {
        // SAFETY: G's are never freed; a G that is not running has a saved
        // stack below its stack top.
        unsafe {
            if (*g).sched.status == Status::Dead {
                continue;
            }
            crate::gc::mark_defer_records(h, g);
            let args = [(*g).sched.args as usize];
            h.mark_range(args.as_ptr() as usize, args.as_ptr() as usize + 8);
            if g != cur {
                h.mark_range((*g).sched.sp, (*g).stack_top.max((*g).sched.sp));
            }
        }
    }
}

/// Appends the `created by FUNC in goroutine N` trailer of goroutine `g`
/// (nothing for main, or when the creator is not generated code), as gc
/// 1.21+ prints it. Allocates nothing (the stack-overflow report runs in a
/// signal handler).
///
/// # Safety
/// `g` is a live G.
pub unsafe fn fmt_creator(out: &mut impl ByteSink, g: *mut G) {
    // SAFETY: by the precondition.
    let (pc, creator) = unsafe { ((*g).sched.created_pc, (*g).sched.creator) };
    if pc == 0 {
        return;
    }
    // gc names the physical frame's function and gives the position of
    // the innermost call inlined there.
    if let Some(f) = find_func(pc - 1) {
        let at = f.source_frames(pc - 1).next().map_or((&f.file[..], 0), |sf| (sf.file, sf.line));
        fmt_created_by(out, f.name.as_bytes(), creator, at.0.as_bytes(), at.1, Some((pc - f.start) as u64));
    }
}

/// Calls `f` with every goroutine that has not finished (the runtime's own
/// excepted), in creation order, main first, with what it is doing (`None`:
/// running) and the frame pointer its traceback starts from (0: it has
/// not run yet).
///
/// For the stack-overflow report: allocates nothing and takes no borrow
/// of the scheduler, because it runs in a signal handler that may have
/// interrupted the scheduler itself (it then reads a list that the
/// interrupted code may be changing; the report is the process's last act).
///
/// # Safety
/// Only on the thread that runs goroutines; `f` must not start or end
/// goroutines.
pub(crate) unsafe fn for_each_goroutine(mut f: impl FnMut(*mut G, Option<&'static str>, usize)) {
    let sched = SCHED.with(|s| s.0.get());
    // SAFETY: thread-local state of this thread; G's are never freed.
    unsafe {
        let (all, len) = ((*sched).all.as_ptr(), (*sched).all.len());
        for i in 0..len {
            let g = *all.add(i);
            let st = &(*g).sched;
            let doing = match st.status {
                Status::Dead => continue,
                _ if (*g).id == 0 => continue,
                Status::Running => None,
                Status::Runnable => Some("runnable"),
                Status::Waiting => Some(st.wait_reason),
            };
            f(g, doing, st.park_fp);
        }
    }
}

/// An address that stands for the thread running goroutines in gc's
/// `mp=0x…` (deft's one "M" is its scheduler state).
pub(crate) fn thread_addr() -> usize {
    SCHED.with(|s| s.0.get() as usize)
}

/// The id of the running goroutine (1 outside the scheduler's knowledge).
pub fn current_id() -> u64 {
    let g = cur_g();
    // SAFETY: a non-null current G is live.
    if g.is_null() { 1 } else { unsafe { (*g).id } }
}

/// Appends, for an unrecovered panic under `GOTRACEBACK=all`, the
/// traceback of every goroutine but `cur` (the panicking one, printed
/// already) that has stopped somewhere (blocked or preempted), each after
/// a blank line, in creation order, as gc lists them.
///
/// # Safety
/// On the thread that runs goroutines; `cur` is the running goroutine.
pub unsafe fn fmt_other_goroutines(out: &mut Vec<u8>, cur: *mut G) {
    let gs = with_sched(|s| s.all.clone());
    for g in gs {
        // SAFETY: G's are never freed; a stopped G's park frame and the
        // frames above it are live.
        unsafe {
            let st = &(*g).sched;
            let doing: &[u8] = match st.status {
                Status::Waiting => st.wait_reason.as_bytes(),
                Status::Runnable => b"runnable",
                _ => continue,
            };
            if g == cur || (*g).id == 0 || st.park_fp == 0 {
                continue;
            }
            out.push(b'\n');
            fmt_goroutine_header(out, (*g).id, doing);
            crate::panic::traceback(out, g, Frame { pc: 0, fp: st.park_fp }, crate::panic::Wrappers::Shown);
            fmt_creator(out, g);
        }
    }
}

/// gc's report when no goroutine can ever run again: `fatal error: all
/// goroutines are asleep - deadlock!` and every blocked goroutine's
/// traceback, or, when none is left because main called `runtime.Goexit`,
/// that message alone. Exits with status 2.
fn deadlock() -> ! {
    let gs = with_sched(|s| s.all.clone());
    // SAFETY: G's are never freed.
    let blocked: Vec<*mut G> = gs.into_iter().filter(|&g| unsafe { (*g).sched.status } == Status::Waiting).collect();
    if blocked.is_empty() {
        crate::panic::fatal("no goroutines (main called runtime.Goexit) - deadlock!");
    }
    let mut out = Vec::new();
    crate::proc::fmt_fatal_error(&mut out, b"all goroutines are asleep - deadlock!");
    for g in blocked {
        out.push(b'\n');
        // SAFETY: a waiting G's park frame and the frames above it are live.
        unsafe {
            fmt_goroutine_header(&mut out, (*g).id, (*g).sched.wait_reason.as_bytes());
            crate::panic::traceback(
                &mut out,
                g,
                Frame { pc: 0, fp: (*g).sched.park_fp },
                crate::panic::Wrappers::Shown,
            );
            fmt_creator(&mut out, g);
        }
    }
    crate::print::write_stderr(&out);
    crate::proc::exit(crate::proc::EXIT_PANIC)
}
