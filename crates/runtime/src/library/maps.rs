//! `maps`: the function package maps (compiled from Go's source) declares
//! without a body and gc's runtime provides by `//go:linkname`.

use crate::abi::TypeDesc;
use crate::library::Pair;

/// `func clone(m any) any`: a copy of the map in `m` (maps.Clone passes a
/// non-nil map), of the same dynamic type.
///
/// # Safety
/// `ty` is a map type descriptor and `m` a map of that type.
pub unsafe extern "C" fn clone(ty: *const TypeDesc, m: *const u8) -> Pair {
    // SAFETY: by the precondition.
    let copy = unsafe { crate::maps::map_clone(&*ty, m) };
    Pair(ty as i64, copy as i64)
}
