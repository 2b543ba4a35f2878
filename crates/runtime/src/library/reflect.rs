//! Package `reflect`: `DeepEqual`, read through the type descriptors.
//!
//! gc's `reflect.DeepEqual` (reflect/deepequal.go) walks two `reflect.Value`s;
//! this walks (descriptor, address of the value) pairs the same way, rule
//! for rule, so that it answers as gc does on every input, cyclic ones
//! included:
//!
//! * values of different types are never equal (descriptors are unique per
//!   type, so identity is pointer equality);
//! * arrays and structs are equal when every element and every field is
//!   (blank `_` fields too, unlike `==`);
//! * slices when both are nil or both non-nil, of the same length, and
//!   either with the same first element address or equal element by
//!   element (`[]byte` compared as bytes); maps likewise (nil vs empty
//!   differs), each key of the first looked up in the second (a NaN key is
//!   never found, so a map holding one equals only itself);
//! * pointers when equal or pointing to deeply equal values; interfaces when
//!   both nil, or holding deeply equal values of the same dynamic type;
//! * funcs only when both are nil; chans and unsafe pointers when equal;
//!   the basic kinds by `==` (so a NaN is unequal to itself, `-0 == +0`).
//!
//! Cycles: before comparing two non-nil pointers, maps, slices or
//! interfaces, the pair of addresses (the pointee or map for pointers and
//! maps, the location of the slice header or interface value otherwise:
//! gc's `Value.pointer()` and `Value.ptr`) with the type is recorded, and a
//! pair met again is taken as equal. A `false` anywhere makes the whole
//! answer `false`, so the records change only cyclic answers, as in gc.
//!
//! Nothing here allocates Go memory or calls Go code, so no collection can
//! happen during the walk (the values stay where the two words point).

use std::collections::HashSet;

use crate::abi::{Eface, FieldDesc, GoSlice, GoString, Kind, TypeDesc};
use crate::iface::direct;
use crate::maps::{map_entries, map_find, map_len};
use crate::strings::go_bytes;

/// The pairs already under comparison: (lower address, higher address,
/// type descriptor).
type Visited = HashSet<(usize, usize, usize)>;

/// `func DeepEqual(x, y any) bool`.
pub extern "C" fn deep_equal(t1: *const TypeDesc, d1: *const u8, t2: *const TypeDesc, d2: *const u8) -> bool {
    // `x == nil || y == nil`: then `x == y`.
    if t1.is_null() || t2.is_null() {
        return t1.is_null() && t2.is_null();
    }
    if !std::ptr::eq(t1, t2) {
        return false;
    }
    // SAFETY: a non-null descriptor is static data from the compiler.
    let t = unsafe { &*t1 };
    // A pointer-shaped value is the data word itself: compare the words in
    // place; any other value is where the data word points.
    let (w1, w2) = (d1, d2);
    let (a, b) = if direct(t.kind) { ((&raw const w1).cast(), (&raw const w2).cast()) } else { (d1, d2) };
    // SAFETY: `a` and `b` hold values of `t` (the interfaces' values).
    unsafe { deep(t, a, b, &mut Visited::new()) }
}

/// Reads the word at `p`.
///
/// # Safety
/// `p` is readable for a word.
unsafe fn word(p: *const u8) -> usize {
    // SAFETY: by the precondition.
    unsafe { p.cast::<usize>().read() }
}

/// Whether the values of `t` at `a` and `b` are deeply equal.
///
/// # Safety
/// `t` is a valid descriptor, `a` and `b` point to values of it, and no Go
/// code runs during the call.
unsafe fn deep(t: &TypeDesc, a: *const u8, b: *const u8, visited: &mut Visited) -> bool {
    use Kind as K;
    let kind = t.kind;
    let is = |k: Kind| kind == k as u8;
    // SAFETY: by the precondition, each read is of a value of the kind the
    // descriptor says, and element, field, key and pointee descriptors are
    // valid.
    unsafe {
        // gc's `hard`: only non-nil pointers, maps, slices and interfaces
        // can close a cycle.
        let cycle_addrs = if is(K::Pointer) || is(K::Map) {
            let (p, q) = (word(a), word(b));
            (p != 0 && q != 0).then_some((p, q))
        } else if is(K::Slice) || is(K::Interface) {
            (word(a) != 0 && word(b) != 0).then_some((a as usize, b as usize))
        } else {
            None
        };
        if let Some((p, q)) = cycle_addrs
            && !visited.insert((p.min(q), p.max(q), t as *const TypeDesc as usize))
        {
            return true;
        }
        match kind {
            k if k == K::Array as u8 => {
                let e = &*t.elem;
                (0..t.len).all(|i| deep(e, a.add(i * e.size), b.add(i * e.size), visited))
            }
            k if k == K::Slice as u8 => {
                let (x, y) = (a.cast::<GoSlice>().read(), b.cast::<GoSlice>().read());
                if x.ptr.is_null() != y.ptr.is_null() || x.len != y.len {
                    return false;
                }
                if x.ptr == y.ptr {
                    return true;
                }
                let e = &*t.elem;
                if e.kind == K::Uint8 as u8 {
                    return go_bytes(x.ptr.cast_const(), x.len) == go_bytes(y.ptr.cast_const(), y.len);
                }
                (0..x.len).all(|i| deep(e, x.ptr.add(i * e.size), y.ptr.add(i * e.size), visited))
            }
            k if k == K::Interface as u8 => {
                let (x, y) = (a.cast::<Eface>(), b.cast::<Eface>());
                let (tx, ty) = ((*x).ty, (*y).ty);
                if tx.is_null() || ty.is_null() {
                    return tx.is_null() && ty.is_null();
                }
                if !std::ptr::eq(tx, ty) {
                    return false;
                }
                let dt = &*tx;
                // The dynamic value: in the data word itself when
                // pointer-shaped, else where it points.
                let (p, q) = if direct(dt.kind) {
                    ((&raw const (*x).data).cast(), (&raw const (*y).data).cast())
                } else {
                    ((*x).data, (*y).data)
                };
                deep(dt, p, q, visited)
            }
            k if k == K::Pointer as u8 => {
                let (p, q) = (word(a), word(b));
                if p == q {
                    return true;
                }
                // A nil pointer's Elem is no value: equal only to another.
                if p == 0 || q == 0 {
                    return false;
                }
                deep(&*t.elem, p as *const u8, q as *const u8, visited)
            }
            k if k == K::Struct as u8 => {
                let fields: &[FieldDesc] =
                    if t.nfields == 0 { &[] } else { std::slice::from_raw_parts(t.fields, t.nfields) };
                fields.iter().all(|f| deep(&*f.ty, a.add(f.offset), b.add(f.offset), visited))
            }
            k if k == K::Map as u8 => {
                let (m1, m2) = (word(a) as *const u8, word(b) as *const u8);
                if m1.is_null() != m2.is_null() || map_len(m1) != map_len(m2) {
                    return false;
                }
                if m1 == m2 {
                    return true;
                }
                let e = &*t.elem;
                map_entries(m1).into_iter().all(|(k, v1)| match map_find(m2, k) {
                    Some(v2) => deep(e, v1, v2, visited),
                    None => false,
                })
            }
            k if k == K::Func as u8 => word(a) == 0 && word(b) == 0,
            k if k == K::String as u8 => {
                let (x, y) = (a.cast::<GoString>().read(), b.cast::<GoString>().read());
                go_bytes(x.ptr, x.len) == go_bytes(y.ptr, y.len)
            }
            k if k == K::Float32 as u8 => a.cast::<f32>().read() == b.cast::<f32>().read(),
            k if k == K::Float64 as u8 => a.cast::<f64>().read() == b.cast::<f64>().read(),
            k if k == K::Complex64 as u8 => a.cast::<[f32; 2]>().read() == b.cast::<[f32; 2]>().read(),
            k if k == K::Complex128 as u8 => a.cast::<[f64; 2]>().read() == b.cast::<[f64; 2]>().read(),
            // Booleans, integers, chans and unsafe pointers: their bytes.
            _ => go_bytes(a, t.size) == go_bytes(b, t.size),
        }
    }
}
