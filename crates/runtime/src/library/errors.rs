//! Package `errors`: the type tests behind `errors.As` and `errors.Is`,
//! which need a little reflection: the pointed-to type of the target,
//! storing an interface's value through a pointer of that type, and
//! whether a type is comparable.

use crate::abi::{Eface, Kind, TypeDesc};

/// The descriptor of `error` is not at hand here, so "implements error"
/// is tested by name: a type has an `Error` method.
///
/// # Safety
/// `ty` is a valid type descriptor.
unsafe fn has_error_method(ty: *const TypeDesc) -> bool {
    // SAFETY: by the precondition; the method table has `nmethods` entries.
    unsafe {
        let t = &*ty;
        if t.nmethods == 0 {
            return false;
        }
        std::slice::from_raw_parts(t.methods, t.nmethods).iter().any(|m| m.is_text_method(b"Error"))
    }
}

/// `func checkTarget(target any) int`: 0 when `target` is usable by `As`,
/// else which of gc's panics applies: 1 nil target, 2 not a non-nil
/// pointer, 3 pointing at neither an interface nor an error type.
pub extern "C" fn check_target(ty: *const TypeDesc, data: *const u8) -> i64 {
    if ty.is_null() {
        return 1;
    }
    // SAFETY: a non-null descriptor is static data from the compiler, and
    // a pointer type's `elem` is its pointee's descriptor.
    unsafe {
        let t = &*ty;
        if t.kind != Kind::Pointer as u8 || data.is_null() || t.elem.is_null() {
            return 2;
        }
        if (*t.elem).kind != Kind::Interface as u8 && !has_error_method(t.elem) {
            return 3;
        }
    }
    0
}

/// `func assignTo(err error, target any) bool`: when `err`'s dynamic type
/// is assignable to `*target`'s type (the same type, or an interface it
/// implements), stores `err`'s value in `*target` and returns true.
/// `target` has passed [`check_target`]; `err` is not nil.
pub extern "C" fn assign_to(ety: *const TypeDesc, edata: *const u8, tty: *const TypeDesc, tdata: *mut u8) -> bool {
    if ety.is_null() {
        return false;
    }
    // SAFETY: `tty` is a pointer type with a valid pointee descriptor and
    // `tdata` points at a variable of that type (check_target); `ety` is a
    // valid descriptor and `edata` its interface data word.
    unsafe {
        let want = (*tty).elem;
        let w = &*want;
        if w.kind == Kind::Interface as u8 {
            if !crate::iface::deft_assertiface(ety, want) {
                return false;
            }
            tdata.cast::<Eface>().write(Eface { ty: ety, data: edata });
            return true;
        }
        if ety != want {
            return false;
        }
        let direct =
            [Kind::Pointer, Kind::UnsafePointer, Kind::Map, Kind::Chan, Kind::Func].iter().any(|k| *k as u8 == w.kind);
        if direct {
            tdata.cast::<*const u8>().write(edata);
        } else if w.size > 0 {
            std::ptr::copy_nonoverlapping(edata, tdata, w.size);
        }
    }
    true
}

/// Whether values of type `t` can be compared with `==` without
/// panicking: not a slice, map or func, nor an array or struct holding one
/// (other than behind an interface, which is checked when compared).
fn comparable_type(t: &TypeDesc) -> bool {
    const ARRAY: u8 = Kind::Array as u8;
    const STRUCT: u8 = Kind::Struct as u8;
    match t.kind {
        k if k == Kind::Slice as u8 || k == Kind::Map as u8 || k == Kind::Func as u8 => false,
        // SAFETY: an array descriptor's element is a valid descriptor.
        ARRAY => unsafe { t.elem.as_ref() }.is_none_or(comparable_type),
        STRUCT if t.nfields > 0 => {
            // SAFETY: a struct descriptor has `nfields` fields, each with a
            // valid type descriptor.
            let fields = unsafe { std::slice::from_raw_parts(t.fields, t.nfields) };
            fields.iter().all(|f| unsafe { f.ty.as_ref() }.is_none_or(comparable_type))
        }
        _ => true,
    }
}

/// `func comparable(target any) bool`: whether `target`'s dynamic type is
/// comparable (`reflectlite.TypeOf(target).Comparable()`); true for nil.
pub extern "C" fn comparable(ty: *const TypeDesc, _data: *const u8) -> bool {
    // SAFETY: a non-null descriptor is static data from the compiler.
    unsafe { ty.as_ref() }.is_none_or(comparable_type)
}
