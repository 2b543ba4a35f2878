//! Interface values at run time: method lookup for interface method calls,
//! assertions to non-empty interfaces, and `==` on interface values.
//!
//! Every interface value, empty or not, is an [`Eface`] (type descriptor,
//! data word); see the module doc of [`crate::abi`]. A call of an interface
//! method finds the code in the dynamic type's sorted [`MethodDesc`] table
//! with [`deft_ifacemethod`] and calls it with the Go convention: closure
//! context = the type descriptor, then the data word as receiver.
//!
//! The runtime error types' `Error` methods are Rust functions; for them
//! [`deft_ifacemethod`] hands out [`deft_runtime_error_method`], which takes
//! the context and the receiver as a Go method does.

use crate::abi::{Eface, GoString, Kind, MethodDesc, TypeDesc};
use crate::errors::{RuntimeError, TypeAssertionError, error_text, is_runtime_error_type, runtime_error_eface};
use crate::strings::{go_bytes, new_string};

/// The methods of `ty` (empty for null).
///
/// # Safety
/// `ty` is null or a valid type descriptor.
unsafe fn methods<'a>(ty: *const TypeDesc) -> &'a [MethodDesc] {
    // SAFETY: by the precondition; `methods` has `nmethods` entries.
    unsafe {
        match ty.as_ref() {
            Some(t) if t.nmethods > 0 => std::slice::from_raw_parts(t.methods, t.nmethods),
            _ => &[],
        }
    }
}

/// The bytes of a Go string.
fn bytes<'a>(s: &GoString) -> &'a [u8] {
    // SAFETY: Go strings in descriptors and generated code are valid.
    unsafe { go_bytes(s.ptr, s.len) }
}

/// Finds method `name` of `ty`: its code address (Go convention), or null.
///
/// # Safety
/// `ty` is null or a valid type descriptor.
pub(crate) unsafe fn lookup(ty: *const TypeDesc, name: &[u8]) -> *const u8 {
    // SAFETY: by the precondition.
    let ms = unsafe { methods(ty) };
    match ms.binary_search_by(|m| bytes(&m.name).cmp(name)) {
        Ok(_) if name == b"Error" && is_runtime_error_type(ty) => deft_runtime_error_method as *const u8,
        Ok(i) => ms[i].code,
        Err(_) => std::ptr::null(),
    }
}

/// Code address of method `name` of dynamic type `ty` (Go convention: the
/// closure context is `ty`, the receiver the data word), or null.
///
/// # Safety
/// `ty` is null or a valid type descriptor; `name` a valid Go string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_ifacemethod(ty: *const TypeDesc, name_ptr: *const u8, name_len: usize) -> *const u8 {
    // SAFETY: by the precondition.
    unsafe { lookup(ty, go_bytes(name_ptr, name_len)) }
}

/// Whether dynamic type `ty` (null: a nil interface) implements interface
/// `iface`, whose descriptor lists the method names.
///
/// # Safety
/// Both are null or valid type descriptors.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_assertiface(ty: *const TypeDesc, iface: *const TypeDesc) -> bool {
    if ty.is_null() {
        return false;
    }
    // SAFETY: by the precondition.
    unsafe { methods(iface).iter().all(|m| implements(ty, m)) }
}

/// Whether `ty` has interface method `m`: a method of the same name and
/// signature (a signature is checked when both tables give one).
///
/// # Safety
/// `ty` is null or a valid type descriptor.
unsafe fn implements(ty: *const TypeDesc, m: &MethodDesc) -> bool {
    // SAFETY: by the precondition.
    let ms = unsafe { methods(ty) };
    let Ok(i) = ms.binary_search_by(|c| bytes(&c.name).cmp(bytes(&m.name))) else { return false };
    let (want, have) = (bytes(&m.sig), bytes(&ms[i].sig));
    want.is_empty() || have.is_empty() || want == have
}

/// Compares the values of type `ty` at `a` and `b`; `Err(t)` when `t`
/// (part of `ty`) is not comparable.
///
/// # Safety
/// `ty` is valid and `a`, `b` point to values of it.
pub(crate) unsafe fn eq_at(ty: &TypeDesc, a: *const u8, b: *const u8) -> Result<bool, *const TypeDesc> {
    const SLICE: u8 = Kind::Slice as u8;
    const MAP: u8 = Kind::Map as u8;
    const FUNC: u8 = Kind::Func as u8;
    const STRING: u8 = Kind::String as u8;
    const F32: u8 = Kind::Float32 as u8;
    const F64: u8 = Kind::Float64 as u8;
    const C64: u8 = Kind::Complex64 as u8;
    const C128: u8 = Kind::Complex128 as u8;
    const IFACE: u8 = Kind::Interface as u8;
    const ARRAY: u8 = Kind::Array as u8;
    const STRUCT: u8 = Kind::Struct as u8;
    // SAFETY: by the precondition, `a` and `b` hold values of `ty`.
    unsafe {
        Ok(match ty.kind {
            SLICE | MAP | FUNC => return Err(ty),
            STRING => bytes(&*a.cast::<GoString>()) == bytes(&*b.cast::<GoString>()),
            F32 => *a.cast::<f32>() == *b.cast::<f32>(),
            F64 => *a.cast::<f64>() == *b.cast::<f64>(),
            C64 => *a.cast::<[f32; 2]>() == *b.cast::<[f32; 2]>(),
            C128 => *a.cast::<[f64; 2]>() == *b.cast::<[f64; 2]>(),
            IFACE => {
                let (x, y) = (*a.cast::<Eface>(), *b.cast::<Eface>());
                efaceeq(x, y)?
            }
            ARRAY if !ty.elem.is_null() => {
                let e = &*ty.elem;
                for i in 0..ty.len {
                    if !eq_at(e, a.add(i * e.size), b.add(i * e.size))? {
                        return Ok(false);
                    }
                }
                true
            }
            STRUCT if ty.nfields > 0 => {
                let fs = std::slice::from_raw_parts(ty.fields, ty.nfields);
                for f in fs.iter().filter(|f| !f.is_blank()) {
                    if !eq_at(&*f.ty, a.add(f.offset), b.add(f.offset))? {
                        return Ok(false);
                    }
                }
                true
            }
            // Without field descriptions a struct is compared bytewise.
            _ => go_bytes(a, ty.size) == go_bytes(b, ty.size),
        })
    }
}

/// Whether dynamic kind `kind` is stored directly in the data word.
pub(crate) fn direct(kind: u8) -> bool {
    [Kind::Pointer, Kind::UnsafePointer, Kind::Map, Kind::Chan, Kind::Func].iter().any(|k| *k as u8 == kind)
}

/// `x == y` on interface values.
///
/// # Safety
/// Both are valid interface values.
unsafe fn efaceeq(x: Eface, y: Eface) -> Result<bool, *const TypeDesc> {
    if x.ty != y.ty {
        return Ok(false);
    }
    // SAFETY: by the precondition, a non-null `ty` is a valid descriptor.
    let Some(t) = (unsafe { x.ty.as_ref() }) else {
        return Ok(true);
    };
    if direct(t.kind) {
        if matches!(t.kind, k if k == Kind::Map as u8 || k == Kind::Func as u8) {
            return Err(t);
        }
        return Ok(x.data == y.data);
    }
    // SAFETY: the data words point to values of `t`.
    unsafe { eq_at(t, x.data, y.data) }
}

/// `(t1, d1) == (t2, d2)` on interface values: 0 (false), 1 (true), or the
/// descriptor of an uncomparable type met on the way (the caller panics
/// with [`deft_uncomparable`]).
///
/// # Safety
/// Both are valid interface values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_efaceeq(t1: *const TypeDesc, d1: *const u8, t2: *const TypeDesc, d2: *const u8) -> usize {
    let (x, y) = (Eface { ty: t1, data: d1 }, Eface { ty: t2, data: d2 });
    // SAFETY: by the precondition.
    match unsafe { efaceeq(x, y) } {
        Ok(b) => b as usize,
        Err(t) => t as usize,
    }
}

/// The panic value `runtime error: comparing uncomparable type T`.
#[unsafe(no_mangle)]
pub extern "C" fn deft_uncomparable(ty: *const TypeDesc) -> Eface {
    runtime_error_eface(RuntimeError::Uncomparable(ty))
}

/// `Error()` of the runtime error types, called as a Go method: context
/// (the type descriptor), then the receiver's data word. A Go function
/// returning a string has the SystemV convention
/// (`codegen::program::go_call_conv`), so this is an ordinary `extern "C"`
/// function.
pub extern "C" fn deft_runtime_error_method(ty: *const TypeDesc, data: *const u8) -> GoString {
    let text = error_text(Eface { ty, data }).unwrap_or_default();
    new_string(&text)
}

/// Calls the Go method at `code` as `Error() string` / `String() string`:
/// context `ty`, receiver `data`. The method has the SystemV convention
/// (see [`deft_runtime_error_method`]).
pub(crate) fn call_text_method(code: *const u8, ty: *const TypeDesc, data: *const u8) -> GoString {
    // SAFETY: `code` is the code of a Go method of `ty` with that signature.
    let method =
        unsafe { std::mem::transmute::<*const u8, extern "C" fn(*const TypeDesc, *const u8) -> GoString>(code) };
    method(ty, data)
}

/// The text gc prints for panic value `v` when its type has an `Error` or
/// `String` method (see [`crate::panicprint::panic_text_method`]): the
/// method is called (it is Go code and runs on the current goroutine). For
/// [`crate::panicprint::fmt_panic_value`]'s `method_text`.
///
/// # Safety
/// `v` is a valid interface value whose type descriptor is static, and Go
/// code may run (the goroutine's state is installed).
pub unsafe fn panic_method_text(v: Eface) -> Option<Vec<u8>> {
    // SAFETY: by the precondition.
    let m = unsafe { crate::panicprint::panic_text_method(v.ty)? };
    match crate::entry::call_text_method_catching(m.code, v.ty, v.data) {
        Ok(s) => Some(bytes(&s).to_vec()),
        Err(inner) => crate::proc::throw(&crate::panicprint::printing_panicked_message(inner)),
    }
}

/// The panic value of a failed assertion `x.(I)` to a non-empty interface
/// `asserted`: `x`'s dynamic type `concrete` (null when `x` is nil) lacks a
/// method. `iface` is `x`'s static type, null when it is `interface{}`.
///
/// # Safety
/// The descriptors are null (except `asserted`) or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_assertiface_error(
    concrete: *const TypeDesc,
    asserted: *const TypeDesc,
    iface: *const TypeDesc,
) -> Eface {
    // SAFETY: by the precondition.
    let missing = unsafe { methods(asserted).iter().find(|m| !implements(concrete, m)) };
    let missing_method = match missing {
        Some(m) if !concrete.is_null() => m.name,
        _ => GoString { ptr: std::ptr::null(), len: 0 },
    };
    let err = RuntimeError::TypeAssertion(TypeAssertionError { interface: iface, concrete, asserted, missing_method });
    let via = crate::frames::RuntimeFrame::raising(&err);
    let v = runtime_error_eface(err);
    // Generated code raises it next, with `panic`.
    crate::panic::raising_next(v, via);
    v
}
