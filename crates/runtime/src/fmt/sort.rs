//! The order in which maps print: keys sorted as Go's `internal/fmtsort`
//! sorts them — numbers numerically (NaN first), strings bytewise, false
//! before true, pointers and channels by address, structs and arrays
//! element by element, interfaces nil first, then by dynamic type (here:
//! descriptor address), then by value.

use super::value::{Value, kind_of, str_bytes};
use crate::abi::{Eface, GoString, Kind, TypeDesc};
use std::cmp::Ordering;

/// Sorts map entries (key address, value address) by key of type `key`.
pub(super) fn sort_entries(entries: &mut [(*const u8, *const u8)], key: &TypeDesc) {
    entries.sort_by(|a, b| compare(at(key, a.0), at(key, b.0)));
}

fn at(ty: *const TypeDesc, p: *const u8) -> Value {
    Value { ty, p, exported: true }
}

/// Floats with NaN before every number (NaNs equal among themselves).
fn cmp_float(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

/// Orders two values of the same type.
fn compare(a: Value, b: Value) -> Ordering {
    let Some(t) = a.ty() else {
        return Ordering::Equal;
    };
    match kind_of(t) {
        Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => a.int().cmp(&b.int()),
        Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr => {
            a.uint().cmp(&b.uint())
        }
        Kind::String => str_bytes(a.read::<GoString>()).cmp(str_bytes(b.read::<GoString>())),
        Kind::Float32 => cmp_float(f64::from(a.read::<f32>()), f64::from(b.read::<f32>())),
        Kind::Float64 => cmp_float(a.read::<f64>(), b.read::<f64>()),
        Kind::Complex64 => {
            let (x, y) = (a.read::<[f32; 2]>(), b.read::<[f32; 2]>());
            cmp_float(x[0].into(), y[0].into()).then(cmp_float(x[1].into(), y[1].into()))
        }
        Kind::Complex128 => {
            let (x, y) = (a.read::<[f64; 2]>(), b.read::<[f64; 2]>());
            cmp_float(x[0], y[0]).then(cmp_float(x[1], y[1]))
        }
        Kind::Bool => a.read::<u8>().cmp(&b.read::<u8>()),
        Kind::Struct => a
            .fields()
            .iter()
            .map(|f| compare(at(f.ty, a.p.wrapping_add(f.offset)), at(f.ty, b.p.wrapping_add(f.offset))))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal),
        Kind::Array => {
            let ((ety, pa, n), (_, pb, _)) = (a.elems(), b.elems());
            (0..n)
                .map(|i| compare(a.elem_at(ety, pa, i), b.elem_at(ety, pb, i)))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        }
        Kind::Interface => {
            let (ea, eb) = (a.read::<Eface>(), b.read::<Eface>());
            match (ea.ty.is_null(), eb.ty.is_null()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                _ => (ea.ty as usize).cmp(&(eb.ty as usize)).then_with(|| {
                    // SAFETY: both hold interface values.
                    let (x, y) = unsafe { (Value::from_eface(a.p.cast()), Value::from_eface(b.p.cast())) };
                    compare(x, y)
                }),
            }
        }
        _ => a.pointer().cmp(&b.pointer()),
    }
}
