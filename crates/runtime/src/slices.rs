//! Slice backing arrays: `make`, `append`'s growth, `copy`.
//!
//! These entry points never panic themselves: a size that is out of range
//! comes back as an [`AllocError`] code, and the generated code raises it
//! through `deft_panicalloc` (a panic shim, so that the panic starts from
//! the Go frame). They are plain SysV calls.
//!
//! Growth follows gc 1.27's `growslice` exactly, so that `cap()` after an
//! `append` prints what gc prints: the capacity first doubles (below 256
//! elements) or grows by a quarter plus 192 elements, or becomes the needed
//! length when that is larger; then the byte size is rounded up to gc's
//! malloc size class and the capacity is whatever fits in it. An array
//! holding pointers of more than 512 bytes shares its size class with the
//! 8-byte header gc's allocator puts in front of it (Go 1.22's allocation
//! headers), so it gets 8 bytes less.
//!
//! Not reproduced: gc 1.25 and later give an `append` whose result does
//! not escape a 32-byte backing array in the frame at its first growth
//! from empty (capacity `32 / size`), which needs gc's escape analysis.

use crate::alloc::{NOSCAN, deft_alloc, zero_base};

/// Why a backing array could not be made, or an `unsafe.Slice` or
/// `unsafe.String` cannot be; passed to `deft_panicalloc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum AllocError {
    /// `makeslice: len out of range`.
    MakeSliceLen = 1,
    /// `makeslice: cap out of range`.
    MakeSliceCap = 2,
    /// `growslice: len out of range`.
    GrowSliceLen = 3,
    /// `unsafe.Slice: len out of range`.
    UnsafeSliceLen = 4,
    /// `unsafe.Slice: ptr is nil and len is not zero`.
    UnsafeSliceNilPtr = 5,
    /// `unsafe.String: len out of range`.
    UnsafeStringLen = 6,
    /// `unsafe.String: ptr is nil and len is not zero`.
    UnsafeStringNilPtr = 7,
}

impl AllocError {
    /// The code's error, `None` for a code the compiler never emits.
    pub fn from_code(code: u64) -> Option<AllocError> {
        use AllocError::*;
        [
            MakeSliceLen,
            MakeSliceCap,
            GrowSliceLen,
            UnsafeSliceLen,
            UnsafeSliceNilPtr,
            UnsafeStringLen,
            UnsafeStringNilPtr,
        ]
        .into_iter()
        .find(|e| *e as u64 == code)
    }
}

/// The compiler emits a call to this for `unsafe.Slice(ptr, len)` (`string`
/// false, `elem_size` the element's size) and `unsafe.String(ptr, len)`
/// (`string` true, `elem_size` 1), with `len` widened to 64 bits (an
/// unsigned one too large for an `int` arrives negative). Returns 0 when
/// the result may be made, else the [`AllocError`] code gc's checks give:
/// a negative `len` is out of range; otherwise, when `len` elements do not
/// fit between `ptr` and the end of the address space, a nil `ptr` is the
/// error, else the length. (A nil `ptr` with elements of size 0 is fine.)
#[unsafe(no_mangle)]
pub extern "C" fn deft_unsafeslicecheck(ptr: u64, len: i64, elem_size: u64, string: bool) -> u64 {
    let (len_err, nil_err) = if string {
        (AllocError::UnsafeStringLen, AllocError::UnsafeStringNilPtr)
    } else {
        (AllocError::UnsafeSliceLen, AllocError::UnsafeSliceNilPtr)
    };
    if len < 0 {
        return len_err as u64;
    }
    match elem_size.checked_mul(len as u64) {
        Some(bytes) if bytes <= ptr.wrapping_neg() => 0,
        _ if ptr == 0 => nil_err as u64,
        _ => len_err as u64,
    }
}

/// The compiler emits a call to this for `clear(s)` of a slice: sets the
/// `bytes` bytes at `ptr` (its elements up to its length) to zero.
///
/// # Safety
/// `ptr` is valid for `bytes` bytes of writes (any pointer when 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_memclr(ptr: *mut u8, bytes: u64) {
    if bytes > 0 {
        // SAFETY: by the precondition.
        unsafe { std::ptr::write_bytes(ptr, 0, bytes as usize) };
    }
}

/// gc's largest allocation on linux/amd64 (`maxAlloc`, 2^48 bytes).
pub(crate) const MAX_ALLOC: u64 = 1 << 48;

/// gc's page size for large objects.
const PAGE: u64 = 8192;

/// gc's allocation header: 8 bytes in front of a small object that holds
/// pointers and is larger than 512 bytes (`mallocHeaderSize`,
/// `minSizeForMallocHeader`).
const MALLOC_HEADER: u64 = 8;
const MIN_SIZE_FOR_MALLOC_HEADER: u64 = 512;

/// gc's largest small object (`maxSmallSize`).
const MAX_SMALL_SIZE: u64 = 32768;

/// The usable size gc's allocator actually hands out for a request of
/// `size` bytes (`roundupsize`); `noscan`: the object holds no pointers.
pub(crate) fn round_up_size(size: u64, noscan: bool) -> u64 {
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER {
        let header = if !noscan && size > MIN_SIZE_FOR_MALLOC_HEADER { MALLOC_HEADER } else { 0 };
        // The collector's size classes are gc's; a request this small has one.
        if let Some(&c) = crate::gc::CLASS_SIZES.iter().find(|&&c| c as u64 >= size + header) {
            return c as u64 - header;
        }
    }
    size.checked_next_multiple_of(PAGE).unwrap_or(size)
}

/// A fresh backing array and its capacity, or a null pointer on failure.
#[repr(C)]
pub struct Grown {
    /// The array (null: `growslice: len out of range`).
    pub ptr: *mut u8,
    /// Its capacity in elements.
    pub cap: i64,
}

/// A `make` result: the array, or null and an [`AllocError`] code.
#[repr(C)]
pub struct Made {
    /// The array (null on failure).
    pub ptr: *mut u8,
    /// 0, or the [`AllocError`] code.
    pub code: u64,
}

/// The compiler emits a call to this for `make([]T, len, cap)` (`cap` is
/// `len` when omitted), with both operands widened to 64 bits (unsigned
/// ones that do not fit an `int` arrive negative). Returns a zeroed array
/// of `cap` elements of `elem_size` bytes aligned to `align`, or the error
/// gc reports: the length is checked only once the capacity is found bad,
/// as gc does, so a bad length wins over a bad capacity.
#[unsafe(no_mangle)]
pub extern "C" fn deft_makeslice(elem_size: u64, align: u64, len: i64, cap: i64) -> Made {
    let fits = |n: i64| n >= 0 && (n as u64).checked_mul(elem_size).is_some_and(|b| b <= MAX_ALLOC);
    if !fits(cap) || len > cap || len < 0 {
        let err = if fits(len) { AllocError::MakeSliceCap } else { AllocError::MakeSliceLen };
        return Made { ptr: std::ptr::null_mut(), code: err as u64 };
    }
    Made { ptr: deft_alloc((cap as u64 * elem_size) as usize, align as usize), code: 0 }
}

/// The compiler emits a call to this when `append` needs more than the
/// capacity `old_cap` of slice (`old`, `old_len`): `new_len` is the length
/// after the append (negative if it overflowed). Returns a new array
/// holding a copy of the `old_len` old elements, zeroed after `new_len`
/// (the caller stores the elements in between; before it has, they are
/// garbage if the array holds no pointers, else zero), with gc's
/// capacity, or a null pointer when the capacity is out of range.
///
/// # Safety
/// `old` must point to at least `old_len` elements of `elem_size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_growslice(
    old: *const u8,
    old_len: i64,
    old_cap: i64,
    new_len: i64,
    elem_size: u64,
    align: u64,
) -> Grown {
    if new_len < old_cap {
        return Grown { ptr: std::ptr::null_mut(), cap: 0 };
    }
    if elem_size == 0 {
        return Grown { ptr: zero_base(), cap: new_len };
    }
    let want = grown_cap(old_cap, new_len);
    let Some(bytes) = (want as u64).checked_mul(elem_size).filter(|&b| b <= MAX_ALLOC) else {
        return Grown { ptr: std::ptr::null_mut(), cap: 0 };
    };
    let bytes = round_up_size(bytes, align as usize & NOSCAN != 0);
    // The caller stores the appended elements, up to `new_len`, at once.
    let filled = new_len as usize * elem_size as usize;
    let ptr = crate::alloc::alloc_filled(bytes as usize, align as usize, filled);
    if old_len > 0 {
        // SAFETY: `ptr` is a fresh block of at least `new_len >= old_len`
        // elements; `old` holds `old_len` elements (the caller's contract),
        // so it is not null.
        unsafe { std::ptr::copy_nonoverlapping(old, ptr, old_len as usize * elem_size as usize) };
    }
    Grown { ptr, cap: (bytes / elem_size) as i64 }
}

/// gc's new capacity in elements before size-class rounding.
fn grown_cap(old_cap: i64, needed: i64) -> i64 {
    const THRESHOLD: i64 = 256;
    let double = old_cap.saturating_add(old_cap);
    if needed > double {
        return needed;
    }
    if old_cap < THRESHOLD {
        return double;
    }
    let mut cap = old_cap;
    while 0 < cap && cap < needed {
        cap = cap.wrapping_add((cap + 3 * THRESHOLD) / 4);
    }
    if cap <= 0 { needed } else { cap }
}

/// The compiler emits a call to this to move `n` bytes for `copy` and for
/// `append(s, t...)`; the ranges may overlap. With `n == 0` either pointer
/// may be nil (a nil slice).
///
/// # Safety
/// Both ranges must be valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_memmove(dst: *mut u8, src: *const u8, n: u64) {
    if n > 0 {
        // SAFETY: the caller's contract (non-empty ranges of Go slices are
        // not nil); `copy` handles overlap.
        unsafe { std::ptr::copy(src, dst, n as usize) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The capacities of appending one element of `size` bytes at a time
    /// from nil up to `n` elements.
    fn caps(size: u64, noscan: bool, n: i64) -> Vec<i64> {
        let mut cap = 0;
        let mut caps = Vec::new();
        for len in 1..=n {
            if len > cap {
                let bytes = round_up_size(grown_cap(cap, len) as u64 * size, noscan);
                cap = (bytes / size) as i64;
                caps.push(cap);
            }
        }
        caps
    }

    #[test]
    fn growth_matches_gc() {
        // As gc 1.27.3 prints them for a global []int, []*int and []string.
        assert_eq!(caps(8, true, 3000), [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560, 3408]);
        assert_eq!(caps(8, false, 3000), [1, 2, 4, 8, 16, 32, 64, 143, 287, 607, 1023, 1535, 2303, 3071]);
        assert_eq!(caps(16, false, 3000), [1, 2, 4, 8, 16, 32, 71, 143, 303, 591, 1023, 1535, 2560, 3584]);
    }
}
