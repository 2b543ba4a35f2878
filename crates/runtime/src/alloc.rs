//! Memory for Go values: the entry points in front of the collected heap
//! ([`crate::gc`]).
//!
//! Every heap object of a Go program (escaping variables, closure cells,
//! strings, slice backing arrays, boxed interface values, map tables) comes
//! from [`deft_alloc`], which sees the size, the alignment and whether the
//! object can hold pointers: the [`NOSCAN`] flag, or'ed into the alignment
//! argument, says it cannot (string bytes, `[]byte`, numeric arrays), so
//! the collector never scans it. Codegen passes the flag when the allocated
//! type's layout has no pointer scalar; `deft_makeslice`/`deft_growslice`
//! receive it the same way in their alignment argument.
//!
//! * Zero-sized objects all share one address, [`zero_base`] (Go allows
//!   distinct zero-sized variables to share an address).
//! * Everything else comes from the current thread's [`crate::gc::Heap`],
//!   which may run a collection first (see the pacing rules there).
//!
//! Invariants:
//! * Every returned block is zeroed and aligned as asked, but for the
//!   prefix of a pointer-free block that its caller fills at once
//!   ([`alloc_filled`]: copies, concatenations, `append`'s growth).
//! * Running out of memory is fatal, as in gc:
//!   `fatal error: runtime: out of memory`.
//! * Generated code must not assume that two allocations are adjacent, and
//!   a pointer to an object must stay somewhere the collector scans (stack,
//!   registers, globals, Go heap) while the object is used.

/// Flag or'ed into the `align` argument of [`deft_alloc`] (and of
/// `deft_makeslice`/`deft_growslice`): the object holds no pointers.
pub const NOSCAN: usize = 1 << 32;

/// The one address of all zero-sized objects.
#[repr(C, align(4096))]
struct ZeroBase([u8; 8]);

static ZERO_BASE: ZeroBase = ZeroBase([0; 8]);

/// The address returned for every zero-sized allocation (readable, never
/// written: a zero-sized object has no bytes to write).
pub fn zero_base() -> *mut u8 {
    (&raw const ZERO_BASE).cast::<u8>().cast_mut()
}

/// The compiler emits a call to this whenever a Go value needs heap memory
/// (`new`, `make`, escaping variables, closures, string and slice data).
/// Returns a pointer to `size` zeroed bytes aligned to `align & !NOSCAN`, a
/// power of two at most 4096 (0 is taken as 1); with [`NOSCAN`] set the
/// block is never scanned for pointers. Never returns null: running out of
/// memory is a fatal error. May collect garbage first.
#[unsafe(no_mangle)]
pub extern "C" fn deft_alloc(size: usize, align: usize) -> *mut u8 {
    alloc_filled(size, align, 0)
}

/// [`deft_alloc`] of a block whose first `filled` bytes the caller writes
/// at once, before any other allocation: when the block holds no pointers
/// they are not zeroed first (the rest is).
pub fn alloc_filled(size: usize, align: usize, filled: usize) -> *mut u8 {
    let noscan = align & NOSCAN != 0;
    let align = (align & !NOSCAN).max(1);
    if !align.is_power_of_two() || align > 4096 {
        crate::proc::throw("runtime: deft_alloc called with a bad alignment");
    }
    if size == 0 {
        return zero_base();
    }
    if size > 1 << 47 {
        crate::proc::throw("runtime: out of memory");
    }
    crate::gc::alloc(size, align, noscan, filled)
}

/// [`deft_alloc`] of a block that holds no pointers.
pub fn alloc_noscan(size: usize, align: usize) -> *mut u8 {
    deft_alloc(size, align | NOSCAN)
}

/// Copies `bytes` into a fresh heap block (alignment 1) and returns it; for
/// runtime code building Go strings and byte slices.
pub fn alloc_copy(bytes: &[u8]) -> *mut u8 {
    let p = alloc_filled(bytes.len(), NOSCAN | 1, bytes.len());
    // SAFETY: `p` is a fresh block of `bytes.len()` bytes that cannot
    // overlap `bytes`.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
    p
}
