//! Coroutines: the two runtime hooks behind `iter.Pull` and `iter.Pull2`.
//!
//! Package iter (compiled from Go's source, unchanged) declares
//! `newcoro(func(*coro)) *coro` and `coroswitch(*coro)` without bodies and
//! reaches gc's runtime for them by `//go:linkname`; deft's runtime
//! provides them under those names (`library::SYMBOLS`), on its own
//! goroutines, as gc does:
//!
//! * `newcoro(f)` makes a goroutine (numbered and counted as any other,
//!   waiting with gc's reason `coroutine`) that will call `f(c)` when first
//!   switched to, and returns the coroutine `c`;
//! * `coroswitch(c)` parks the running goroutine and runs the one `c`
//!   holds at once (not through the run queue), leaving the caller in `c`
//!   in its place: the two goroutines take turns;
//! * when `f` returns, or its goroutine ends by `runtime.Goexit` (after its
//!   deferred calls), the goroutine that last switched to it runs again
//!   and `c` holds none; a switch to it then is gc's fatal error
//!   `coroswitch on exited coro`.
//!
//! Panics never cross a switch: each goroutine has its own stack and
//! panic chain. `iter.Pull`'s own code recovers a panic of the iterator on
//! the coroutine's goroutine and panics again with the value in the
//! goroutine that called `next` or `stop`; it notices a `Goexit` (its
//! deferred function sees no panic and an unfinished sequence) and calls
//! `runtime.Goexit` there — which is what gc does with the same code.
//!
//! Invariant: a [`Coro`] is an object of the Go heap (it holds `f`); it is
//! reachable from the goroutine it runs (the goroutine's argument block, a
//! root) for as long as that goroutine lives, and from iter's closures.

use std::ptr::null_mut;

use crate::alloc::deft_alloc;
use crate::panic::G;

/// `iter.coro` as deft's runtime lays it out.
#[repr(C)]
pub struct Coro {
    /// The goroutine that is not running of the two: the coroutine's own
    /// while its partner runs, the partner while it runs; null once it has
    /// ended.
    g: *mut G,
    /// The Go func value `func(*coro)` the coroutine runs.
    f: usize,
}

/// `func newcoro(func(*coro)) *coro` (package iter, gc's
/// `runtime.newcoro`): a coroutine that will run `f`.
pub extern "C" fn newcoro(f: usize) -> *mut Coro {
    let c = deft_alloc(std::mem::size_of::<Coro>(), 8).cast::<Coro>();
    // SAFETY: a fresh block sized and aligned for a Coro.
    unsafe { c.write(Coro { g: null_mut(), f }) };
    let g = crate::sched::new_coroutine_goroutine(run, c.cast(), c);
    // SAFETY: `c` is live (reachable from the new goroutine's arguments).
    unsafe { (*c).g = g };
    c
}

/// The thunk of a coroutine's goroutine: calls its function with it.
unsafe extern "C" fn run(args: *mut u8, _fp_out: *mut usize) {
    let c = args.cast::<Coro>();
    // SAFETY: `args` is the Coro `newcoro` made; its `f` is a Go
    // `func(*coro)` value, called on this goroutine with `c`.
    unsafe { crate::entry::call_go_func((*c).f, c as usize, 0) }
}

/// `func coroswitch(*coro)` (package iter, gc's `runtime.coroswitch`):
/// runs the goroutine `c` holds, leaving the caller's there.
///
/// # Safety
/// `c` is a coroutine made by [`newcoro`].
pub unsafe extern "C" fn coroswitch(c: *mut Coro) {
    // SAFETY: by the precondition.
    unsafe {
        let next = (*c).g;
        if next.is_null() {
            crate::proc::throw("coroswitch on exited coro");
        }
        (*c).g = crate::panic::cur_g();
        crate::sched::switch_parked(next);
    }
}

/// The coroutine `c`'s goroutine has ended: returns the goroutine to run
/// next (the one that switched to it), and leaves `c` ended.
pub(crate) fn finished(c: &mut Coro) -> *mut G {
    let next = std::mem::replace(&mut c.g, null_mut());
    if next.is_null() {
        crate::panic::fatal("a coroutine ended with no goroutine to resume");
    }
    next
}
