//! The hooks gc's runtime gives the crypto packages by `//go:linkname`:
//! `crypto/fips140`'s per-goroutine service indicator and bypass flag,
//! `crypto/subtle`'s data-independent timing switch, BoringCrypto's cache
//! registry, and the signature markers of `crypto/internal/boring/sig`.
//! (Their `fatal` is gc's `runtime.fatal`, as `internal/sync`'s is:
//! `sync::internal_fatal_shim`. Their assembly is not needed: deft
//! compiles upstream with the `purego` tag, see `load::stdsrc`.)
//!
//! Invariants: the per-goroutine state lives in the goroutine's [`G`]
//! ([`CryptoState`]) and is read and written only by that goroutine, as
//! gc keeps it in its `g`; every goroutine starts with a clear state, and
//! a user's goroutine takes its creator's bypass flag ([`inherit`], as
//! gc's `newproc1`). The registered caches are shared by every thread,
//! behind a lock, and cleared by each collection before it marks
//! ([`at_collection`]).

use std::sync::Mutex;
use std::sync::atomic::{AtomicPtr, Ordering};

use crate::panic::{G, cur_g};

/// What gc keeps on a goroutine for the crypto packages: `fipsIndicator`
/// and `fipsOnlyBypass`.
#[derive(Clone, Copy, Default)]
pub struct CryptoState {
    /// `crypto/internal/fips140`'s service indicator (`getIndicator`).
    indicator: u8,
    /// Whether `crypto/fips140.WithoutEnforcement` is running on this
    /// goroutine or the one that created it.
    bypass: bool,
}

impl CryptoState {
    /// The state of a goroutine that no other goroutine created (main).
    pub const fn new() -> CryptoState {
        CryptoState { indicator: 0, bypass: false }
    }
}

/// Gives goroutine `g`, just created (with a clear state) by `creator`,
/// its creator's bypass flag, as gc's `newproc1` does: the bypass holds
/// for whatever a bypassed function starts.
///
/// # Safety
/// Both are live `G`s; `g` has not run.
pub(crate) unsafe fn inherit(creator: *const G, g: *mut G) {
    // SAFETY: by the precondition.
    unsafe { (*g).crypto.bypass = (*creator).crypto.bypass };
}

/// Runs `f` on the running goroutine's state.
fn with_state<R>(f: impl FnOnce(&mut CryptoState) -> R) -> R {
    // SAFETY: hooks are called from Go code, so a goroutine is running,
    // and only it touches its own state.
    f(unsafe { &mut (*cur_g()).crypto })
}

/// `func getIndicator() uint8` (package crypto/internal/fips140).
pub extern "C" fn get_indicator() -> u8 {
    with_state(|s| s.indicator)
}

/// `func setIndicator(uint8)` (package crypto/internal/fips140).
pub extern "C" fn set_indicator(indicator: u8) {
    with_state(|s| s.indicator = indicator);
}

/// `func setBypass()` (package crypto/fips140).
pub extern "C" fn set_bypass() {
    with_state(|s| s.bypass = true);
}

/// `func unsetBypass()` (package crypto/fips140).
pub extern "C" fn unset_bypass() {
    with_state(|s| s.bypass = false);
}

/// `func isBypassed() bool` (package crypto/fips140).
pub extern "C" fn is_bypassed() -> bool {
    with_state(|s| s.bypass)
}

/// `func setDITEnabled() bool` (package crypto/subtle): whether data-
/// independent timing was already on. amd64 has no such mode (gc's
/// `sys.EnableDIT` is false there, and the goroutine's wish only matters
/// to the arm64 scheduler), so it never is.
pub extern "C" fn set_dit_enabled() -> bool {
    false
}

/// `func setDITDisabled()` (package crypto/subtle): nothing to switch off
/// on amd64 (see [`set_dit_enabled`]).
pub extern "C" fn set_dit_disabled() {}

/// `func StandardCrypto()`, `BoringCrypto()`, `FIPSOnly()` (package
/// crypto/internal/boring/sig): markers that tools find in gc's
/// executables; calling one does nothing.
pub extern "C" fn signature_marker() {}

/// The `ptable` fields of the registered `bcache.Cache`s: each an
/// `atomic.Pointer` that every collection sets to nil.
static CACHES: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// `func registerCache(unsafe.Pointer)` (package
/// crypto/internal/boring/bcache): clear the pointer at `p` at every
/// collection from now on, as gc's runtime does its `boringCaches`.
pub extern "C" fn register_cache(p: *mut u8) {
    CACHES.lock().unwrap_or_else(|e| e.into_inner()).push(p as usize);
}

/// Called by each collection before it marks: empties every registered
/// cache (its table becomes garbage now, as gc's `clearpools` makes it)
/// and marks the caches themselves, which the registry keeps alive as
/// gc's `boringCaches` slice does.
pub(crate) fn at_collection(h: &mut crate::gc::Heap) {
    let caches = CACHES.lock().unwrap_or_else(|e| e.into_inner());
    for &p in caches.iter() {
        // SAFETY: `p` is the address of a live `atomic.Pointer` (kept
        // alive by this marking), which Go code changes only atomically.
        unsafe { AtomicPtr::from_ptr(p as *mut *mut u8).store(std::ptr::null_mut(), Ordering::SeqCst) };
    }
    // SAFETY: the registry's buffer is live while its lock is held.
    unsafe { h.mark_range(caches.as_ptr() as usize, caches.as_ptr() as usize + caches.len() * size_of::<usize>()) };
}
