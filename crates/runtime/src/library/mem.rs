//! Helpers the Go library uses in place of `make`, `append` and
//! reflection until the compiler has them: fresh byte and string slices,
//! appending a string to a byte slice with gc's growth policy, and the
//! length and element swap of a slice held in an `interface{}` (for
//! `sort.Slice`). Registered under several packages' names.

use crate::abi::{Eface, GoSlice, GoString, Kind};
use crate::alloc::{alloc_noscan, deft_alloc};

/// A fresh zeroed slice of `n` elements of `size` bytes, `cap == len`.
fn fresh(n: i64, size: usize, align: usize) -> GoSlice {
    // Byte arrays hold no pointers.
    let align = if size == 1 { align | crate::alloc::NOSCAN } else { align };
    let n = n.max(0) as usize;
    let ptr = deft_alloc(n.checked_mul(size).unwrap_or_else(|| crate::panic::fatal("runtime: out of memory")), align);
    GoSlice { ptr, len: n, cap: n }
}

/// `func makeBytes(n, c int) []byte`: like `make([]byte, n, c)` (the Go
/// side keeps `0 <= n <= c`).
pub extern "C" fn make_bytes(out: *mut GoSlice, n: i64, c: i64) {
    let mut s = fresh(c.max(n), 1, 1);
    s.len = n.max(0) as usize;
    // SAFETY: `out` is the adapter's result area for a slice header.
    unsafe { out.write(s) };
}

/// `func makeStrings(n int) []string`: like `make([]string, n)`.
pub extern "C" fn make_strings(out: *mut GoSlice, n: i64) {
    // SAFETY: `out` is the adapter's result area for a slice header.
    unsafe { out.write(fresh(n, size_of::<GoString>(), align_of::<GoString>())) };
}

/// `func makeSlices(n int) [][]byte`: like `make([][]byte, n)`.
pub extern "C" fn make_slices(out: *mut GoSlice, n: i64) {
    // SAFETY: `out` is the adapter's result area for a slice header.
    unsafe { out.write(fresh(n, size_of::<GoSlice>(), align_of::<GoSlice>())) };
}

/// gc 1.19's malloc size classes (bytes), the capacities `append` rounds
/// up to for small byte slices.
const SIZE_CLASSES: &[usize] = &[
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480,
    512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864,
    5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480,
    21760, 24576, 27264, 28672, 32768,
];

/// The capacity gc's `append` gives a byte slice of capacity `old` that
/// must hold `needed` bytes.
pub fn grown_cap(old: usize, needed: usize) -> usize {
    let double = old * 2;
    let mut new = old;
    if needed > double {
        new = needed;
    } else if old < 256 {
        new = double;
    } else {
        while new < needed {
            new += (new + 3 * 256) / 4;
        }
    }
    match SIZE_CLASSES.iter().find(|&&c| c >= new) {
        Some(&c) => c,
        None => new.next_multiple_of(8192),
    }
}

/// `func appendString(b []byte, s string) []byte`: like `append(b, s...)`,
/// growing as gc does when `b` lacks room.
pub extern "C" fn append_string(out: *mut GoSlice, ptr: *mut u8, len: usize, cap: usize, sp: *const u8, slen: usize) {
    let mut b = GoSlice { ptr, len, cap };
    if slen > 0 {
        let needed = len + slen;
        if needed > cap {
            let new_cap = grown_cap(cap, needed);
            let p = alloc_noscan(new_cap, 1);
            if len > 0 {
                // SAFETY: `b` holds `len` bytes; `p` is a fresh block of `new_cap >= len`.
                unsafe { std::ptr::copy_nonoverlapping(ptr, p, len) };
            }
            b = GoSlice { ptr: p, len, cap: new_cap };
        }
        // SAFETY: `b` has room for `needed` bytes; `sp` holds `slen` bytes
        // (it may alias `b`'s array only before `len`, so `copy` is used).
        unsafe { std::ptr::copy(sp, b.ptr.add(len), slen) };
        b.len = needed;
    }
    // SAFETY: `out` is the adapter's result area for a slice header.
    unsafe { out.write(b) };
}

/// The slice header and element size of the slice in `x`, if it holds one.
fn slice_of(ty: *const crate::abi::TypeDesc, data: *const u8) -> Option<(GoSlice, usize)> {
    let x = Eface { ty, data };
    if x.ty.is_null() {
        return None;
    }
    // SAFETY: a non-null type descriptor is static data from the compiler;
    // a slice's interface data word points at a heap copy of its header.
    unsafe {
        let ty = &*x.ty;
        if ty.kind != Kind::Slice as u8 {
            return None;
        }
        Some((x.data.cast::<GoSlice>().read(), (*ty.elem).size))
    }
}

/// `func lenAny(x any) int`: the length of the slice in `x`; -1 when `x`
/// holds no slice.
pub extern "C" fn len_any(ty: *const crate::abi::TypeDesc, data: *const u8) -> i64 {
    slice_of(ty, data).map_or(-1, |(s, _)| s.len as i64)
}

/// `func kindAny(x any) int`: the kind number (as Go's `reflect.Kind`) of
/// `x`'s dynamic type; 0 for nil.
pub extern "C" fn kind_any(ty: *const crate::abi::TypeDesc, _data: *const u8) -> i64 {
    if ty.is_null() {
        return 0;
    }
    // SAFETY: a non-null type descriptor is static data from the compiler.
    unsafe { (*ty).kind as i64 }
}

/// `func swapAny(x any, i, j int)`: swaps elements `i` and `j` of the
/// slice in `x` (both in range: the Go side guarantees it).
pub extern "C" fn swap_any(ty: *const crate::abi::TypeDesc, data: *const u8, i: i64, j: i64) {
    let Some((s, size)) = slice_of(ty, data) else { return };
    if i == j || i as usize >= s.len || j as usize >= s.len || i < 0 || j < 0 {
        return;
    }
    // SAFETY: `i` and `j` are distinct in-range indices, so the two elements
    // are disjoint `size`-byte regions of the slice's array.
    unsafe { std::ptr::swap_nonoverlapping(s.ptr.add(i as usize * size), s.ptr.add(j as usize * size), size) };
}

/// `func sortInts(x []int)` (package sort): sorts `x` in place. Equal ints
/// are indistinguishable, so any correct sort gives gc's result.
///
/// # Safety
/// `ptr`/`len` must be a valid Go `[]int`.
pub unsafe extern "C" fn sort_ints(ptr: *mut i64, len: usize, _cap: usize) {
    if len > 1 {
        // SAFETY: a Go `[]int` of `len` elements at `ptr`, not aliased
        // during the call.
        unsafe { std::slice::from_raw_parts_mut(ptr, len) }.sort_unstable();
    }
}

/// `func sortStrings(x []string)` (package sort): sorts `x` in place by
/// bytes. Equal strings are indistinguishable, so any correct sort gives
/// gc's result.
///
/// # Safety
/// `ptr`/`len` must be a valid Go `[]string`.
pub unsafe extern "C" fn sort_strings(ptr: *mut GoString, len: usize, _cap: usize) {
    if len > 1 {
        // SAFETY: a Go `[]string` of `len` valid strings at `ptr`, not
        // aliased during the call.
        let x = unsafe { std::slice::from_raw_parts_mut(ptr, len) };
        // SAFETY: each element is a valid Go string.
        x.sort_unstable_by(|a, b| unsafe { a.bytes().cmp(b.bytes()) });
    }
}

/// `func growSlice(b []byte, n int) []byte` (package bytes): a copy of `b`
/// in a new array with room for `n` more bytes, at least twice `b`'s
/// capacity, rounded up to a malloc size class as gc's `bytes.Buffer`
/// does; same length as `b`.
pub extern "C" fn grow_slice(out: *mut GoSlice, ptr: *mut u8, len: usize, cap: usize, n: i64) {
    let want = (len + n.max(0) as usize).max(2 * cap);
    let new_cap = grown_cap(0, want);
    let p = alloc_noscan(new_cap, 1);
    if len > 0 {
        // SAFETY: `b` holds `len` bytes; `p` is a fresh block of `new_cap >= len`.
        unsafe { std::ptr::copy_nonoverlapping(ptr, p, len) };
    }
    // SAFETY: `out` is the adapter's result area for a slice header.
    unsafe { out.write(GoSlice { ptr: p, len, cap: new_cap }) };
}

/// `func unsafeString(b []byte) string` (package strings): the bytes of
/// `b` as a string without copying, for `Builder.String`. Sound because a
/// Builder never changes bytes it has written: appends go past the
/// length, and growing or resetting moves to a new array.
pub extern "C" fn unsafe_string(ptr: *const u8, len: usize, _cap: usize) -> GoString {
    if len == 0 {
        return crate::strings::new_string(&[]);
    }
    GoString { ptr, len }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_matches_gc() {
        // Capacities gc 1.19 reports for a byte slice appended to one byte at a time.
        let mut cap = 0;
        let mut seen = vec![];
        for len in 1..5000 {
            if len > cap {
                cap = grown_cap(cap, len);
                seen.push(cap);
            }
        }
        assert_eq!(seen, [8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072, 4096, 5376]);
        assert_eq!(grown_cap(0, 33), 48);
        assert_eq!(grown_cap(5, 100000), 106496);
    }

    fn append(b: GoSlice, s: &[u8]) -> GoSlice {
        let mut out = GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
        append_string(&mut out, b.ptr, b.len, b.cap, s.as_ptr(), s.len());
        out
    }

    fn bytes(b: &GoSlice) -> &[u8] {
        // SAFETY: test slices come from `append_string`/`make_bytes`.
        unsafe { crate::strings::go_bytes(b.ptr, b.len) }
    }

    #[test]
    fn append_in_place_and_growing() {
        let nil = GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
        assert!(append(nil, b"").ptr.is_null());
        let a = append(nil, b"hello");
        assert_eq!((bytes(&a), a.cap), (&b"hello"[..], 8));
        let b = append(a, b"!!");
        assert_eq!((bytes(&b), b.cap, b.ptr), (&b"hello!!"[..], 8, a.ptr));
        let c = append(b, b"xyz");
        assert_eq!((bytes(&c), c.cap), (&b"hello!!xyz"[..], 16));
        assert_ne!(c.ptr, a.ptr);
        // Appending a slice's own bytes to itself.
        let own = GoSlice { ptr: c.ptr, len: 5, cap: c.cap };
        // SAFETY: `c` holds 10 bytes.
        let src = unsafe { std::slice::from_raw_parts(c.ptr, 5) }.to_vec();
        let d = append(own, &src);
        assert_eq!(bytes(&d), b"hellohello");
    }

    #[test]
    fn make_and_grow_slice() {
        let mut m = GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
        make_bytes(&mut m, 3, 10);
        assert_eq!((m.len, m.cap, bytes(&m)), (3, 10, &[0u8, 0, 0][..]));
        let filled = append(m, b"ab");
        let mut g = GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
        grow_slice(&mut g, filled.ptr, filled.len, filled.cap, 1);
        assert_eq!((bytes(&g), g.cap), (&[0u8, 0, 0, b'a', b'b'][..], 24));
        grow_slice(&mut g, filled.ptr, filled.len, filled.cap, 100);
        assert_eq!(g.cap, 112);
    }
}
