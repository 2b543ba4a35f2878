//! Sizes, alignments and field offsets of types on linux/amd64, as gc
//! computes them (what `unsafe.Sizeof`, `Alignof` and `Offsetof` report).
//!
//! Works on the canonical [`TypeTable`]: sizes depend only on identity.
//! Rules: basic types are their natural size and alignment (`complex64`
//! aligns to 4, `complex128` and `string` to 8); pointers, maps, chans and
//! funcs are one word, interfaces and strings two, slices three; an array
//! is `n` elements aligned as its element; a struct lays its fields out in
//! order, each at a multiple of its alignment, aligns as its most aligned
//! field and is padded to a multiple of that — and, as gc does, gets one
//! more byte when it ends in a zero-size field (so that a pointer to that
//! field never points past the struct).

use crate::model::{StructField, Type, TypeId, TypeTable};

/// The largest size (and offset) a type may have, as types2's sizes
/// compute them in an `int64`; sizes beyond saturate (`u64::MAX`).
pub const MAX_SIZE: u64 = i64::MAX as u64;

/// Size and alignment of `t` in bytes.
pub fn size_align(table: &TypeTable, t: TypeId) -> (u64, u64) {
    size_align_depth(table, t, 0)
}

fn size_align_depth(table: &TypeTable, t: TypeId, depth: u32) -> (u64, u64) {
    // Invalid recursive types are reported elsewhere; stay total.
    if depth > 100 {
        return (0, 1);
    }
    match table.get(table.underlying(t)) {
        Type::Basic(k) => {
            let size = k.size();
            let align = match k {
                crate::model::BasicKind::Complex64 => 4,
                crate::model::BasicKind::Complex128 | crate::model::BasicKind::String => 8,
                _ => size.max(1),
            };
            (size, align)
        }
        Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => (8, 8),
        Type::Interface(_) | Type::Constraint(_) => (16, 8),
        Type::Slice(_) => (24, 8),
        Type::Array(n, e) => {
            let (size, align) = size_align_depth(table, *e, depth + 1);
            (size.saturating_mul(*n), align)
        }
        Type::Struct(fields) => struct_layout(table, fields, depth).0,
        Type::Named(_) | Type::Tuple(_) | Type::TypeParam(_) | Type::Instance { .. } => (0, 1),
    }
}

/// Whether the size of model type `t` depends on type arguments: a type
/// parameter, or an array or struct holding one (`unsafe.Offsetof`'s
/// question; `Checker::has_var_size` asks it of the checker's own types,
/// finding invalid cycles on the way).
pub fn has_var_size(table: &TypeTable, t: TypeId) -> bool {
    has_var_size_depth(table, t, 0)
}

fn has_var_size_depth(table: &TypeTable, t: TypeId, depth: u32) -> bool {
    if depth > 100 {
        return false;
    }
    match table.get(table.underlying(t)) {
        Type::TypeParam(_) => true,
        Type::Array(_, e) => has_var_size_depth(table, *e, depth + 1),
        Type::Struct(fields) => fields.iter().any(|f| has_var_size_depth(table, f.ty, depth + 1)),
        _ => false,
    }
}

/// Offset of each field of a struct with `fields`.
pub fn field_offsets(table: &TypeTable, fields: &[StructField]) -> Vec<u64> {
    struct_layout(table, fields, 0).1
}

fn struct_layout(table: &TypeTable, fields: &[StructField], depth: u32) -> ((u64, u64), Vec<u64>) {
    let mut offsets = Vec::with_capacity(fields.len());
    let (mut end, mut align, mut last_size) = (0u64, 1u64, None);
    for f in fields {
        let (size, a) = size_align_depth(table, f.ty, depth + 1);
        end = end.checked_next_multiple_of(a).unwrap_or(u64::MAX);
        offsets.push(end);
        end = end.saturating_add(size);
        align = align.max(a);
        last_size = Some(size);
    }
    if last_size == Some(0) && end > 0 {
        end = end.saturating_add(1);
    }
    ((end.checked_next_multiple_of(align).unwrap_or(u64::MAX), align), offsets)
}
