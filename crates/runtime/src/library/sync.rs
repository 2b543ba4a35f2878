//! Packages `sync` and `sync/atomic`: what their Go code cannot say.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::abi::{Eface, TypeDesc};

/// `func fatal(msg, status string)` (package sync): gc's `fatal error: msg`
/// and the goroutine's traceback (`status`: what its header says), exit
/// status 2 (a deadlock of the only goroutine, a misused lock). Entered
/// with the adapter's return address and frame pointer appended.
#[unsafe(naked)]
pub extern "C" fn fatal_shim(_msg: *const u8, _msg_len: usize, _status: *const u8, _status_len: usize) {
    core::arch::naked_asm!("mov r8, [rsp]", "mov r9, rbp", "jmp {imp}", imp = sym fatal)
}

extern "C" fn fatal(msg: *const u8, msg_len: usize, status: *const u8, status_len: usize, pc: usize, fp: usize) {
    // SAFETY: Go strings of the given lengths.
    let (msg, status) =
        unsafe { (crate::strings::go_bytes(msg, msg_len), crate::strings::go_bytes(status, status_len)) };
    crate::panic::fatal_with_traceback(msg, status, crate::frames::Frame { pc, fp })
}

/// `func sameType(a, b any) bool` (package sync/atomic): whether both
/// interface values have the same dynamic type (descriptors are unique).
pub extern "C" fn same_type(a: *const TypeDesc, _: usize, b: *const TypeDesc, _: usize) -> bool {
    std::ptr::eq(a, b)
}

/// `func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)`
/// (package internal/sync, gc's `sync.runtime_SemacquireMutex`): its
/// `Mutex` (under `HashTrieMap`, `unique`'s map) waits until `*s > 0` and
/// decrements it, a waiter that waited before queued first (`lifo`). deft
/// keeps no contention profile, which `skipframes` serves in gc.
///
/// # Safety
/// `s` points to a live, aligned `uint32`.
pub unsafe extern "C" fn internal_semacquire_mutex(s: *mut u32, lifo: bool, _skipframes: isize) {
    // SAFETY: forwarded.
    unsafe { crate::sched::semacquire(s, "sync.Mutex.Lock", lifo) }
}

/// `func runtime_Semrelease(s *uint32, handoff bool, skipframes int)`
/// (package internal/sync): increments `*s` and wakes one waiter. gc's
/// `handoff` (a starving Mutex's unlock) gives the count to the first
/// waiter directly; here the woken waiter competes for it, which only
/// goroutines counted as the Mutex's waiters take (its Lock counts itself
/// a waiter before it waits while the Mutex starves), so whichever takes
/// it owns the Mutex as the handed-off one would: fairness differs, the
/// state stays consistent.
///
/// # Safety
/// `s` points to a live, aligned `uint32`.
pub unsafe extern "C" fn internal_semrelease(s: *mut u32, _handoff: bool, _skipframes: isize) {
    // SAFETY: forwarded.
    unsafe { crate::sched::semrelease(s) }
}

/// `func runtime_canSpin(i int) bool` (package internal/sync): whether a
/// Mutex's Lock should spin before it waits. Never: spinning is gc's
/// optimisation for a lock held by a goroutine running on another
/// processor, and waiting is always correct.
pub extern "C" fn can_spin(_i: isize) -> bool {
    false
}

/// `func runtime_doSpin()` (package internal/sync): a few pause
/// instructions (not called while `can_spin` says no).
pub extern "C" fn do_spin() {
    for _ in 0..30 {
        std::hint::spin_loop();
    }
}

/// `func throw(string)` and `func fatal(string)` (package internal/sync):
/// gc's `fatal error: msg` (a Mutex's inconsistent state, an unlock of an
/// unlocked Mutex) and the running goroutine's traceback, exit status 2.
/// Entered with the adapter's return address and frame pointer appended.
#[unsafe(naked)]
pub extern "C" fn internal_fatal_shim(_msg: *const u8, _msg_len: usize) {
    core::arch::naked_asm!("mov rdx, [rsp]", "mov rcx, rbp", "jmp {imp}", imp = sym internal_fatal)
}

extern "C" fn internal_fatal(msg: *const u8, msg_len: usize, pc: usize, fp: usize) {
    // SAFETY: a Go string of the given length.
    let msg = unsafe { crate::strings::go_bytes(msg, msg_len) };
    crate::panic::fatal_with_traceback(msg, b"running", crate::frames::Frame { pc, fp })
}

/// The first fields of `sync.Pool` (lib/sync/cond.go): its processors'
/// slots and how many there are.
#[repr(C)]
pub struct PoolSlots {
    local: *mut u8,
    local_size: AtomicUsize,
}

/// Bytes of a `sync.poolLocal`: the slot's interface, padded to a cache
/// line.
const POOL_LOCAL_SIZE: usize = 64;

/// The calling processor's slot of pool `p`, if it has one yet. Runtime
/// code is never preempted, so nothing comes between a read and a write of
/// the slot, and only this processor's code touches it: no atomic
/// operation is needed (the slot count is read with acquire order, after
/// the slots were published). deft runs Go code on one thread, processor
/// 0; with several, each gets its own slot.
///
/// # Safety
/// `p` points to a live `sync.Pool`.
unsafe fn pool_slot(p: *mut PoolSlots) -> Option<*mut Eface> {
    let processor = 0;
    // SAFETY: `p` is a Pool, whose `local` holds `local_size` slots once
    // that is set; a slot starts with its interface.
    unsafe {
        (processor < (*p).local_size.load(Ordering::Acquire))
            .then(|| (*p).local.add(processor * POOL_LOCAL_SIZE).cast::<Eface>())
    }
}

/// `func runtime_poolTake(p *Pool) any` (package sync): empties the
/// calling processor's slot of `p` and returns what it held (see
/// [`pool_slot`]).
///
/// # Safety
/// `p` points to a live `sync.Pool`.
pub unsafe extern "C" fn pool_take(p: *mut PoolSlots) -> Eface {
    let empty = Eface { ty: std::ptr::null(), data: std::ptr::null() };
    // SAFETY: the caller's contract; the slot is this processor's.
    unsafe { pool_slot(p).map_or(empty, |slot| std::ptr::replace(slot, empty)) }
}

/// `func runtime_poolOffer(p *Pool, x any) bool` (package sync): puts `x`
/// in the calling processor's slot of `p` if it is empty (gc's Put keeps
/// the object already there and queues the new one).
///
/// # Safety
/// `p` points to a live `sync.Pool`.
pub unsafe extern "C" fn pool_offer(p: *mut PoolSlots, ty: *const TypeDesc, data: *const u8) -> bool {
    // SAFETY: the caller's contract; the slot is this processor's.
    unsafe {
        match pool_slot(p) {
            Some(slot) if (*slot).ty.is_null() => {
                *slot = Eface { ty, data };
                true
            }
            _ => false,
        }
    }
}
