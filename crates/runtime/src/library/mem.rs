//! What the Go library needs beyond the language: the length, kind and
//! element swap of a slice held in an `interface{}` (for `sort.Slice`, in
//! place of reflection), sorting of `[]int`/`[]string`, and a string that
//! shares a `strings.Builder`'s bytes.

use crate::abi::{Eface, GoSlice, GoString, Kind};

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
