//! Memory for Go values: a bump allocator over large zeroed mappings.
//!
//! Every heap object of a Go program (escaping variables, closure cells,
//! strings, slice backing arrays, boxed interface values) comes from
//! [`deft_alloc`]. The design for now:
//!
//! * Each thread bumps a pointer through its current **chunk**
//!   ([`CHUNK_SIZE`] bytes, fresh from `mmap`, hence already zero). When an
//!   object does not fit, the rest of the chunk is abandoned and a new chunk
//!   is mapped.
//! * **Large objects** (at least [`LARGE_OBJECT`] bytes) get a mapping of
//!   their own, so they never waste a chunk.
//! * Zero-sized objects all share one address, [`zero_base`] (Go allows
//!   distinct zero-sized variables to share an address).
//! * Nothing is ever freed or reused, which is what makes "fresh memory is
//!   zero" true without clearing.
//!
//! There is **no garbage collector yet** (a later issue). The door is kept
//! open: every allocation goes through [`deft_alloc`], which sees the size
//! and alignment, so size classes and mark bits can be introduced behind it
//! without touching generated code; the collector will then have to zero
//! reused memory itself, since callers rely on zeroed results. Generated
//! code must not assume that two allocations are adjacent.
//!
//! Invariants:
//! * A chunk's bump pointer only grows, and `next <= end` always.
//! * Every returned block is zeroed, aligned as asked, and never freed.
//! * Running out of memory is fatal, as in gc:
//!   `fatal error: runtime: out of memory`.

use std::cell::Cell;

use crate::sys;

/// Bytes mapped per chunk. Mappings are lazy, so untouched space costs only
/// address space.
pub const CHUNK_SIZE: usize = 4 << 20;

/// Objects at least this large get their own mapping (gc's large-object
/// threshold, 32 KiB).
pub const LARGE_OBJECT: usize = 32 << 10;

/// A thread's current chunk: the next free byte and the end.
struct Arena {
    next: Cell<usize>,
    end: Cell<usize>,
}

thread_local! {
    static ARENA: Arena = const { Arena { next: Cell::new(0), end: Cell::new(0) } };
}

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
/// Returns a pointer to `size` zeroed bytes aligned to `align`, a power of
/// two at most 4096 (0 is taken as 1). Never returns null: running out of
/// memory is a fatal error.
#[unsafe(no_mangle)]
pub extern "C" fn deft_alloc(size: usize, align: usize) -> *mut u8 {
    let mask = align.wrapping_sub(1);
    let fast = ARENA.try_with(|a| {
        let start = a.next.get().wrapping_add(mask) & !mask;
        let end = start.wrapping_add(size);
        // One test covers: chunk too small, no chunk yet (0..0 with size > 0),
        // and wrap-around; `size == 0` and bad alignments take the slow path.
        if end <= a.end.get() && start >= a.next.get() && size != 0 && align & mask == 0 {
            a.next.set(end);
            Some(start as *mut u8)
        } else {
            None
        }
    });
    match fast {
        Ok(Some(p)) => p,
        _ => alloc_slow(size, align),
    }
}

/// Everything [`deft_alloc`]'s bump path does not handle.
#[cold]
fn alloc_slow(size: usize, align: usize) -> *mut u8 {
    let align = align.max(1);
    if !align.is_power_of_two() || align > sys::PAGE_SIZE {
        crate::proc::throw("runtime: deft_alloc called with a bad alignment");
    }
    if size == 0 {
        return zero_base();
    }
    if size >= LARGE_OBJECT {
        return map_or_die(size);
    }
    let chunk = map_or_die(CHUNK_SIZE) as usize;
    let start = chunk.next_multiple_of(align);
    let end = start + size;
    let _ = ARENA.try_with(|a| {
        a.next.set(end);
        a.end.set(chunk + CHUNK_SIZE);
    });
    start as *mut u8
}

/// Maps at least `size` zeroed bytes, page-aligned, or dies as gc does.
fn map_or_die(size: usize) -> *mut u8 {
    size.checked_next_multiple_of(sys::PAGE_SIZE)
        .and_then(sys::map_zeroed)
        .unwrap_or_else(|| crate::proc::throw("runtime: out of memory"))
}

/// Copies `bytes` into a fresh heap block (alignment 1) and returns it; for
/// runtime code building Go strings and byte slices.
pub fn alloc_copy(bytes: &[u8]) -> *mut u8 {
    let p = deft_alloc(bytes.len(), 1);
    // SAFETY: `p` is a fresh block of `bytes.len()` bytes that cannot
    // overlap `bytes`.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
    p
}
