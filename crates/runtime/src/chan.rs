//! Channels and `select`, with gc 1.19's semantics, on the cooperative
//! scheduler of [`crate::sched`].
//!
//! # Design
//!
//! * A channel ([`Chan`]) is a Go heap object (scanned: it points to its
//!   buffer), with a ring buffer of `cap` elements in a second heap object
//!   (noscan when the element type holds no pointers).
//! * A goroutine that must wait puts a [`Waiter`] (gc's sudog) on the
//!   channel's receive or send queue and parks. Waiters live in the parked
//!   goroutine's own frame (a select's in a vector its frame owns); the
//!   queues are doubly linked through them. The goroutine that completes
//!   the operation copies the element directly to or from the waiter's
//!   `elem`, records `success`, and readies the waiter's goroutine.
//! * A select parks with one waiter per case that has a channel. The first
//!   peer to take one of them unlinks the others at once ([`dequeue`]), so
//!   a select proceeds with exactly one case.
//! * Everything runs on one thread and only the running goroutine touches
//!   channels, so there are no locks: an operation is atomic up to the
//!   point where it parks.
//!
//! # Invariants
//!
//! * A waiter is on a queue only while its goroutine is parked on it; a
//!   woken goroutine's waiters are all off their queues.
//! * `recvq` is non-empty only while the buffer is empty, `sendq` only
//!   while it is full (for an unbuffered channel: always "full").
//! * Buffer slots not holding an element are zero, so that the collector
//!   keeps nothing alive through a consumed element.
//! * The Go values a waiter points to (its channel, its `elem`) are
//!   reachable from the parked goroutine's stack, which the collector scans.

use std::ptr::null_mut;

use crate::errors::RuntimeError;
use crate::frames::{Frame, RuntimeFrame};
use crate::panic::{G, cur_g, entry_shim, keeping_raise_regs, panic_runtime_error, panic_runtime_error_via};
use crate::sched::{fastrand, park, park_forever, ready};

/// Largest buffer gc allows (its `maxAlloc` on linux/amd64).
const MAX_ALLOC: u64 = 1 << 48;

/// A queue of waiting goroutines, oldest first.
#[repr(C)]
struct WaitQ {
    first: *mut Waiter,
    last: *mut Waiter,
}

/// A channel (`chan T`).
#[repr(C)]
pub struct Chan {
    elem_size: usize,
    cap: usize,
    /// Elements in the buffer.
    count: usize,
    /// Next buffer slot to receive from.
    recvx: usize,
    /// Next buffer slot to send into.
    sendx: usize,
    buf: *mut u8,
    closed: bool,
    /// A timer's channel (see [`mark_timer`]).
    timer: bool,
    recvq: WaitQ,
    sendq: WaitQ,
}

/// A goroutine waiting on a channel.
pub struct Waiter {
    g: *mut G,
    c: *mut Chan,
    /// Where a receiver wants the element (may be null) or what a sender sends.
    elem: *mut u8,
    next: *mut Waiter,
    prev: *mut Waiter,
    /// The select case this waiter belongs to.
    case: usize,
    is_send: bool,
    in_select: bool,
    /// The operation completed (false: woken because the channel closed).
    success: bool,
}

impl Waiter {
    fn new(g: *mut G, c: *mut Chan, elem: *mut u8, is_send: bool) -> Waiter {
        Waiter { g, c, elem, next: null_mut(), prev: null_mut(), case: 0, is_send, in_select: false, success: false }
    }
}

/// One case of a `select` statement, as the compiler lays out the array
/// passed to [`deft_select`].
#[repr(C)]
pub struct Scase {
    /// The channel (nil: the case never proceeds).
    pub c: *mut u8,
    /// Receive: where the value goes (may be null). Send: the value.
    pub elem: *mut u8,
    /// [`CASE_RECV`] or [`CASE_SEND`].
    pub kind: u64,
}

/// [`Scase::kind`] of a receive case.
pub const CASE_RECV: u64 = 0;
/// [`Scase::kind`] of a send case.
pub const CASE_SEND: u64 = 1;

// ---------------------------------------------------------------------------
// Wait queues
// ---------------------------------------------------------------------------

/// Appends `w` to `q`.
///
/// # Safety
/// `q` is a live queue and `w` a live waiter on no queue.
unsafe fn enqueue(q: *mut WaitQ, w: *mut Waiter) {
    // SAFETY: by the precondition.
    unsafe {
        (*w).next = null_mut();
        (*w).prev = (*q).last;
        if (*q).last.is_null() {
            (*q).first = w;
        } else {
            (*(*q).last).next = w;
        }
        (*q).last = w;
    }
}

/// Removes `w` from `q`, which holds it.
///
/// # Safety
/// `w` is on `q`.
unsafe fn unlink(q: *mut WaitQ, w: *mut Waiter) {
    // SAFETY: by the precondition, the neighbours are live waiters of `q`.
    unsafe {
        if (*w).prev.is_null() {
            (*q).first = (*w).next;
        } else {
            (*(*w).prev).next = (*w).next;
        }
        if (*w).next.is_null() {
            (*q).last = (*w).prev;
        } else {
            (*(*w).next).prev = (*w).prev;
        }
        (*w).next = null_mut();
        (*w).prev = null_mut();
    }
}

/// The queue a waiter of this kind waits on.
///
/// # Safety
/// `w` is a live waiter with a live channel.
unsafe fn queue_of(w: *mut Waiter) -> *mut WaitQ {
    // SAFETY: by the precondition.
    unsafe { if (*w).is_send { &raw mut (*(*w).c).sendq } else { &raw mut (*(*w).c).recvq } }
}

/// Takes the oldest waiter off `q` (null if none). If it belongs to a
/// select, the select's other waiters leave their queues and the waiter
/// is recorded as the case that fired.
///
/// # Safety
/// `q` is a live queue.
unsafe fn dequeue(q: *mut WaitQ) -> *mut Waiter {
    // SAFETY: queued waiters and their goroutines are live (see module doc).
    unsafe {
        let w = (*q).first;
        if w.is_null() {
            return w;
        }
        unlink(q, w);
        if (*w).in_select {
            let g = (*w).g;
            let sched = &mut (*g).sched;
            for i in 0..sched.select_len {
                let other = sched.select_waiters.add(i);
                if other != w {
                    unlink(queue_of(other), other);
                }
            }
            sched.select_waiters = null_mut();
            sched.select_len = 0;
            sched.fired = w;
        }
        w
    }
}

/// Finishes a waiter's operation and readies its goroutine.
///
/// # Safety
/// `w` was just taken off its queue.
unsafe fn wake(w: *mut Waiter, success: bool) {
    // SAFETY: by the precondition.
    unsafe {
        (*w).success = success;
        ready((*w).g);
    }
}

// ---------------------------------------------------------------------------
// Element copies
// ---------------------------------------------------------------------------

/// Copies one element from `src` to `dst` (nothing if `dst` is null).
///
/// # Safety
/// `src` and a non-null `dst` address `c.elem_size` bytes.
unsafe fn copy_elem(c: *mut Chan, dst: *mut u8, src: *const u8) {
    // SAFETY: by the precondition.
    unsafe {
        let n = (*c).elem_size;
        if n != 0 && !dst.is_null() {
            std::ptr::copy(src, dst, n);
        }
    }
}

/// Zeroes one element at `dst` (nothing if null).
///
/// # Safety
/// A non-null `dst` addresses `c.elem_size` bytes.
unsafe fn zero_elem(c: *mut Chan, dst: *mut u8) {
    // SAFETY: by the precondition.
    unsafe {
        if (*c).elem_size != 0 && !dst.is_null() {
            std::ptr::write_bytes(dst, 0, (*c).elem_size);
        }
    }
}

/// Buffer slot `i`.
///
/// # Safety
/// `i < c.cap`.
unsafe fn slot(c: *mut Chan, i: usize) -> *mut u8 {
    // SAFETY: the buffer holds `cap` elements.
    unsafe { (*c).buf.add(i * (*c).elem_size) }
}

// ---------------------------------------------------------------------------
// make, len, cap, close
// ---------------------------------------------------------------------------

entry_shim!(
    /// `make(chan T, cap)`: the compiler emits a call to this with T's size,
    /// the capacity, and whether T holds no pointers (nonzero). A capacity
    /// that is negative or too large panics with gc's `makechan: size out of
    /// range`. The shim passes the caller's frame on for that panic.
    deft_makechan(i64, i64, i64) -> *mut u8 => makechan, pc: "rcx", fp: "r8"
);

extern "C" fn makechan(elem_size: i64, cap: i64, elem_noscan: i64, pc: usize, fp: usize) -> *mut u8 {
    let bytes = (elem_size as u64).checked_mul(cap as u64);
    if cap < 0 || bytes.is_none_or(|b| b > MAX_ALLOC - std::mem::size_of::<Chan>() as u64) {
        panic_runtime_error(RuntimeError::MakeChanSize, Frame { pc, fp });
    }
    let bytes = bytes.unwrap_or(0) as usize;
    let c = crate::alloc::deft_alloc(std::mem::size_of::<Chan>(), 8).cast::<Chan>();
    let flags = if elem_noscan != 0 { crate::alloc::NOSCAN } else { 0 };
    // A zero-byte buffer is the shared zero-size block: never written.
    let buf = crate::alloc::deft_alloc(bytes, 8 | flags);
    // SAFETY: `c` is a fresh, zeroed block of the size of a Chan.
    unsafe {
        (*c).elem_size = elem_size as usize;
        (*c).cap = cap as usize;
        (*c).buf = buf;
    }
    c.cast()
}

/// `len(c)` of a channel (0 for nil, and for a timer's: see
/// [`mark_timer`]).
///
/// # Safety
/// `c` is null or a channel.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_chanlen(c: *mut u8) -> i64 {
    let c = c.cast::<Chan>();
    // SAFETY: by the precondition.
    if c.is_null() || unsafe { (*c).timer } { 0 } else { unsafe { (*c).count as i64 } }
}

/// `cap(c)` of a channel (0 for nil, and for a timer's: see
/// [`mark_timer`]).
///
/// # Safety
/// `c` is null or a channel.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_chancap(c: *mut u8) -> i64 {
    let c = c.cast::<Chan>();
    // SAFETY: by the precondition.
    if c.is_null() || unsafe { (*c).timer } { 0 } else { unsafe { (*c).cap as i64 } }
}

/// Gives channel `c` (a `time.Timer`'s or `Ticker`'s, buffered for one
/// value) Go 1.23's synchronous semantics as far as they are observable:
/// it reports `len` and `cap` 0, and the timer's `Stop` and `Reset`
/// discard a value it sent that nobody received ([`drain_timer`]), so that
/// no receive after them sees a stale time. (gc sends such a value only
/// when a receiver comes; the value is the timer's time either way.)
///
/// # Safety
/// `c` is a channel.
pub(crate) unsafe fn mark_timer(c: *mut u8) {
    // SAFETY: by the precondition.
    unsafe { (*c.cast::<Chan>()).timer = true };
}

/// Discards what timer channel `c` holds; whether it held a value.
///
/// # Safety
/// `c` is a channel (a timer's, whose senders never wait).
pub(crate) unsafe fn drain_timer(c: *mut u8) -> bool {
    let c = c.cast::<Chan>();
    // SAFETY: by the precondition; a null `out` discards the element.
    unsafe {
        let held = (*c).count;
        for _ in 0..held {
            try_recv(c, null_mut());
        }
        held > 0
    }
}

entry_shim!(
    /// `close(c)`: panics for a nil or closed channel; otherwise wakes every
    /// waiting receiver (with the zero value, ok false) and every waiting
    /// sender (which then panics). The shim passes the caller's frame on.
    deft_closechan(*mut u8) -> () => closechan, pc: "rsi", fp: "rdx"
);

extern "C" fn closechan(c: *mut u8, pc: usize, fp: usize) {
    let c = c.cast::<Chan>();
    if c.is_null() {
        panic_runtime_error(RuntimeError::CloseOfNilChannel, Frame { pc, fp });
    }
    // SAFETY: `c` is a channel; queued waiters are live.
    unsafe {
        if (*c).closed {
            panic_runtime_error(RuntimeError::CloseOfClosedChannel, Frame { pc, fp });
        }
        (*c).closed = true;
        loop {
            let w = dequeue(&raw mut (*c).recvq);
            if w.is_null() {
                break;
            }
            zero_elem(c, (*w).elem);
            wake(w, false);
        }
        loop {
            let w = dequeue(&raw mut (*c).sendq);
            if w.is_null() {
                break;
            }
            wake(w, false);
        }
    }
}

// ---------------------------------------------------------------------------
// Send and receive
// ---------------------------------------------------------------------------

/// Sends without blocking if that is possible: to a waiting receiver, or
/// into the buffer. Returns whether it sent.
///
/// # Safety
/// `c` is an open channel; `elem` addresses an element.
unsafe fn try_send(c: *mut Chan, elem: *const u8) -> bool {
    // SAFETY: by the precondition; queued waiters are live.
    unsafe {
        let w = dequeue(&raw mut (*c).recvq);
        if !w.is_null() {
            copy_elem(c, (*w).elem, elem);
            wake(w, true);
            return true;
        }
        if (*c).count < (*c).cap {
            copy_elem(c, slot(c, (*c).sendx), elem);
            (*c).sendx = ((*c).sendx + 1) % (*c).cap;
            (*c).count += 1;
            return true;
        }
        false
    }
}

/// Receives without blocking if that is possible: from a waiting sender,
/// from the buffer, or the zero value of a closed channel. Returns
/// `Some(ok)` if it received.
///
/// # Safety
/// `c` is a channel; a non-null `out` addresses an element.
unsafe fn try_recv(c: *mut Chan, out: *mut u8) -> Option<bool> {
    // SAFETY: by the precondition; queued waiters are live.
    unsafe {
        let w = dequeue(&raw mut (*c).sendq);
        if !w.is_null() {
            if (*c).cap == 0 {
                copy_elem(c, out, (*w).elem);
            } else {
                // The buffer is full: take its head, and the sender's value
                // takes the freed slot at the tail (which is the same slot).
                let s = slot(c, (*c).recvx);
                copy_elem(c, out, s);
                copy_elem(c, s, (*w).elem);
                (*c).recvx = ((*c).recvx + 1) % (*c).cap;
                (*c).sendx = (*c).recvx;
            }
            wake(w, true);
            return Some(true);
        }
        if (*c).count > 0 {
            let s = slot(c, (*c).recvx);
            copy_elem(c, out, s);
            zero_elem(c, s);
            (*c).recvx = ((*c).recvx + 1) % (*c).cap;
            (*c).count -= 1;
            return Some(true);
        }
        if (*c).closed {
            zero_elem(c, out);
            return Some(false);
        }
        None
    }
}

entry_shim!(
    /// `c <- *elem`: blocks until a receiver takes the value (unbuffered) or
    /// there is room in the buffer; forever on a nil channel. Panics with
    /// `send on closed channel` if the channel is closed, also when it is
    /// closed while the sender waits. The shim passes the caller's frame on.
    deft_chansend(*mut u8, *const u8) -> () => chansend, pc: "rdx", fp: "rcx"
);

extern "C" fn chansend(c: *mut u8, elem: *const u8, pc: usize, fp: usize) {
    let c = c.cast::<Chan>();
    if c.is_null() {
        park_forever("chan send (nil chan)");
    }
    // SAFETY: `c` is a channel and `elem` an element; the waiter lives in
    // this frame while the goroutine is parked on it.
    unsafe {
        if (*c).closed {
            panic_runtime_error(RuntimeError::SendOnClosedChannel, Frame { pc, fp });
        }
        if try_send(c, elem) {
            return;
        }
        let mut w = Waiter::new(cur_g(), c, elem.cast_mut(), true);
        let w: *mut Waiter = &raw mut w;
        enqueue(&raw mut (*c).sendq, w);
        keeping_raise_regs(|| park("chan send"));
        if !(*w).success {
            let via = &[RuntimeFrame::ChansendWoken, RuntimeFrame::Chansend1];
            panic_runtime_error_via(RuntimeError::SendOnClosedChannel, Frame { pc, fp }, via);
        }
    }
}

/// `v, ok := <-c`: writes the element to `out` (if not null) and returns
/// ok; a closed, drained channel gives the zero value and false. Blocks
/// until a value comes or the channel is closed; forever on nil.
///
/// # Safety
/// `c` is null or a channel; a non-null `out` addresses an element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_chanrecv(c: *mut u8, out: *mut u8) -> bool {
    let c = c.cast::<Chan>();
    if c.is_null() {
        park_forever("chan receive (nil chan)");
    }
    // SAFETY: by the precondition; the waiter lives in this frame while the
    // goroutine is parked on it.
    unsafe {
        if let Some(ok) = try_recv(c, out) {
            return ok;
        }
        let mut w = Waiter::new(cur_g(), c, out, false);
        let w: *mut Waiter = &raw mut w;
        enqueue(&raw mut (*c).recvq, w);
        park("chan receive");
        (*w).success
    }
}

// ---------------------------------------------------------------------------
// select
// ---------------------------------------------------------------------------

entry_shim!(
    /// A `select` statement over `ncases` cases: proceeds with one ready case,
    /// chosen uniformly at random, and returns its index; if none is ready,
    /// returns -1 when `block` is 0 (the `default` case), otherwise waits until
    /// one can proceed (forever with no cases, or only nil channels). A
    /// receive case sets `*recv_ok`. A send case on a closed channel panics,
    /// as a send does. The shim passes the caller's frame on.
    deft_select(*mut Scase, i64, i64, *mut bool) -> i64 => select, pc: "r8", fp: "r9"
);

/// What a select did with its chosen case.
enum Outcome {
    Received(usize, bool),
    Sent(usize),
    SendOnClosed,
}

extern "C" fn select(cases: *mut Scase, ncases: i64, block: i64, recv_ok: *mut bool, pc: usize, fp: usize) -> i64 {
    let cases: &[Scase] = if ncases <= 0 || cases.is_null() {
        &[]
    } else {
        // SAFETY: the compiler passes an array of `ncases` cases.
        unsafe { std::slice::from_raw_parts(cases, ncases as usize) }
    };
    // SAFETY: the cases hold channels and element pointers.
    let outcome = match unsafe { poll(cases) } {
        Some(o) => o,
        None if block == 0 => return -1,
        None if cases.is_empty() => park_forever("select (no cases)"),
        // SAFETY: as above.
        None => keeping_raise_regs(|| unsafe { wait(cases) }),
    };
    match outcome {
        Outcome::Received(i, ok) => {
            if !recv_ok.is_null() {
                // SAFETY: the compiler passes a writable bool.
                unsafe { *recv_ok = ok };
            }
            i as i64
        }
        Outcome::Sent(i) => i as i64,
        Outcome::SendOnClosed => {
            // gc compiles a select of one case as that send (with a default,
            // as a non-blocking send); any other goes through selectgo.
            let via: &[RuntimeFrame] = match (cases.len(), block) {
                (1, 0) => &[RuntimeFrame::Chansend, RuntimeFrame::Selectnbsend],
                (1, _) => &[RuntimeFrame::Chansend, RuntimeFrame::Chansend1],
                _ => &[RuntimeFrame::Selectgo],
            };
            panic_runtime_error_via(RuntimeError::SendOnClosedChannel, Frame { pc, fp }, via)
        }
    }
}

/// The cases with a channel, in random order (gc's poll order).
fn poll_order(cases: &[Scase]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cases.len()).filter(|&i| !cases[i].c.is_null()).collect();
    for i in (1..order.len()).rev() {
        let j = (fastrand() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// Proceeds with the first case in poll order that can, if any.
///
/// # Safety
/// As [`select`].
unsafe fn poll(cases: &[Scase]) -> Option<Outcome> {
    for i in poll_order(cases) {
        let cas = &cases[i];
        let c = cas.c.cast::<Chan>();
        // SAFETY: by the precondition.
        unsafe {
            if cas.kind == CASE_SEND {
                if (*c).closed {
                    return Some(Outcome::SendOnClosed);
                }
                if try_send(c, cas.elem) {
                    return Some(Outcome::Sent(i));
                }
            } else if let Some(ok) = try_recv(c, cas.elem) {
                return Some(Outcome::Received(i, ok));
            }
        }
    }
    None
}

/// Parks on every case with a channel until a peer (or a close) completes
/// one of them.
///
/// # Safety
/// As [`select`]; no case can proceed now.
unsafe fn wait(cases: &[Scase]) -> Outcome {
    let g = cur_g();
    let mut waiters: Vec<Waiter> = cases
        .iter()
        .enumerate()
        .filter(|(_, cas)| !cas.c.is_null())
        .map(|(i, cas)| Waiter {
            case: i,
            in_select: true,
            ..Waiter::new(g, cas.c.cast(), cas.elem, cas.kind == CASE_SEND)
        })
        .collect();
    // SAFETY: the waiters stay in place (the vector is not resized) until
    // the goroutine is woken, when they are all off their queues.
    unsafe {
        let base = waiters.as_mut_ptr();
        for i in 0..waiters.len() {
            enqueue(queue_of(base.add(i)), base.add(i));
        }
        (*g).sched.select_waiters = base;
        (*g).sched.select_len = waiters.len();
        (*g).sched.fired = null_mut();
        park("select");
        let w = std::mem::replace(&mut (*g).sched.fired, null_mut());
        if w.is_null() {
            crate::panic::fatal("select woken without a case");
        }
        match ((*w).is_send, (*w).success) {
            (true, true) => Outcome::Sent((*w).case),
            (true, false) => Outcome::SendOnClosed,
            (false, ok) => Outcome::Received((*w).case, ok),
        }
    }
}
