//! How Go values of each type are represented: as Cranelift values in
//! registers (a flat list of scalars) and as bytes in memory (gc's sizes,
//! alignments and field offsets on amd64).
//!
//! Invariants:
//! * A value of type T is always `layout(T).scalars.len()` Cranelift values,
//!   in the order of the scalars, whatever the expression producing it.
//! * `scalars[i].offset` is where scalar i lives when the value is in
//!   memory; loads and stores of a whole value go scalar by scalar.
//! * `bool` is an `i8` holding 0 or 1.
//! * **Big values**: an array or struct that would need more than
//!   [`MAX_SCALARS`] scalars (`too_big`) is one *big scalar* (`big` = its
//!   size): an `i64` holding the address of the value's bytes. As an
//!   expression's result that address is a temporary copy nobody writes
//!   again (a frame slot of the evaluating site, heap memory above
//!   `func::BIG_FRAME_LIMIT`; a call's big result is the call site's result
//!   area), so consumers may read it in place; in
//!   memory the value is its bytes (`size` of them), so loading a big scalar
//!   copies the bytes into a fresh temporary and storing one copies them
//!   out. Locals of big types always live in memory. Small values stay in
//!   registers exactly as before.

use cranelift_codegen::ir::{Type, types};
use lower::ir::{Program, TyId, TyKind};

/// Arrays and structs whose values would need more scalars than this are
/// handled by address (see the module doc).
pub const MAX_SCALARS: usize = 64;

/// One machine-level piece of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scalar {
    /// Cranelift type of the piece.
    pub ty: Type,
    /// Byte offset within the value in memory.
    pub offset: u32,
    /// Whether the piece may hold a heap pointer (for slot zeroing / GC).
    pub ptr: bool,
    /// Nonzero for a big scalar: the size in bytes of the value whose
    /// address the scalar holds (the bytes live at `offset` in memory).
    pub big: u32,
}

/// Representation of one Go type.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Size in bytes (gc's `unsafe.Sizeof`).
    pub size: u32,
    /// Alignment in bytes.
    pub align: u32,
    /// The flattened scalars.
    pub scalars: Vec<Scalar>,
    /// For structs and tuples: per field, its byte offset and the index of
    /// its first scalar.
    pub fields: Vec<(u32, usize)>,
    /// The value needs more than [`MAX_SCALARS`] scalars: it is one big
    /// scalar (see the module doc).
    pub too_big: bool,
    /// Some part of the value may hold a heap pointer (also known for
    /// `too_big` values, whose scalars are not listed): heap objects of
    /// types without pointers are allocated noscan.
    pub has_ptr: bool,
}

/// Layouts of all the program's types, computed once.
pub struct Layouts {
    all: Vec<Layout>,
}

impl Layouts {
    /// Computes the layout of every type of `prog`.
    pub fn new(prog: &Program) -> Layouts {
        let mut memo: Vec<Option<Layout>> = vec![None; prog.types.len()];
        for i in 0..prog.types.len() {
            compute(prog, TyId(i as u32), &mut memo);
        }
        Layouts { all: memo.into_iter().map(Option::unwrap_or_default).collect() }
    }

    /// The layout of `ty`.
    pub fn get(&self, ty: TyId) -> &Layout {
        &self.all[ty.0 as usize]
    }
}

fn scalar(ty: Type, ptr: bool) -> Layout {
    let size = ty.bytes();
    Layout { size, align: size, scalars: vec![Scalar { ty, offset: 0, ptr, big: 0 }], ..Layout::default() }
}

fn words(n: u32, ptr_first: bool) -> Layout {
    let scalars = (0..n).map(|i| Scalar { ty: types::I64, offset: 8 * i, ptr: i == 0 && ptr_first, big: 0 }).collect();
    Layout { size: 8 * n, align: 8, scalars, ..Layout::default() }
}

/// A sequence of fields laid out one after the other with gc's alignment.
fn sequence(parts: &[&Layout]) -> Layout {
    let mut out = Layout { align: 1, ..Layout::default() };
    for p in parts {
        let off = out.size.next_multiple_of(p.align.max(1));
        out.fields.push((off, out.scalars.len()));
        out.scalars.extend(p.scalars.iter().map(|s| Scalar { offset: s.offset + off, ..*s }));
        out.size = off + p.size;
        out.align = out.align.max(p.align);
        out.has_ptr |= p.has_ptr;
    }
    out.size = out.size.next_multiple_of(out.align);
    out
}

/// Turns an array or struct layout into a big one when it needs more than
/// [`MAX_SCALARS`] scalars or contains a big value.
fn maybe_big(mut l: Layout) -> Layout {
    if l.too_big || l.scalars.len() > MAX_SCALARS || l.scalars.iter().any(|s| s.big > 0) {
        // The value's own pointers, not the address standing for it.
        l.has_ptr |= l.scalars.iter().any(|s| s.ptr && s.big == 0);
        l.too_big = true;
        l.scalars = vec![Scalar { ty: types::I64, offset: 0, ptr: true, big: l.size }];
        for f in &mut l.fields {
            f.1 = 0;
        }
    }
    l
}

fn compute(prog: &Program, ty: TyId, memo: &mut Vec<Option<Layout>>) -> Layout {
    if let Some(l) = &memo[ty.0 as usize] {
        return l.clone();
    }
    let def = &prog.types[ty.0 as usize];
    let l = match &def.kind {
        TyKind::Bool => scalar(types::I8, false),
        // A uintptr may hold an address converted from unsafe.Pointer (gc
        // keeps such objects alive across go/defer calls and in syscall
        // arguments): memory holding uintptrs is scanned too.
        TyKind::Int(it) => {
            let uintptr = def.name == "uintptr";
            scalar(Type::int(it.bits as u16).unwrap_or(types::I64), uintptr)
        }
        TyKind::Float(32) => scalar(types::F32, false),
        TyKind::Float(_) => scalar(types::F64, false),
        TyKind::Complex(64) => {
            let f = scalar(types::F32, false);
            sequence(&[&f, &f])
        }
        TyKind::Complex(_) => {
            let f = scalar(types::F64, false);
            sequence(&[&f, &f])
        }
        TyKind::String => words(2, true),
        TyKind::Slice(_) => words(3, true),
        TyKind::Interface(_) => {
            let mut l = words(2, true);
            l.scalars[1].ptr = true;
            l
        }
        TyKind::UnsafePointer | TyKind::Pointer(_) | TyKind::Map(..) | TyKind::Chan(_) | TyKind::Func(_) => {
            scalar(types::I64, true)
        }
        TyKind::Array(n, elem) => {
            let e = compute(prog, *elem, memo);
            let n = *n;
            if n as usize * e.scalars.len() > MAX_SCALARS || e.too_big {
                let size = (e.size as u64).saturating_mul(n).min(u32::MAX as u64) as u32;
                maybe_big(Layout {
                    size,
                    align: e.align.max(1),
                    too_big: true,
                    has_ptr: e.has_ptr,
                    ..Layout::default()
                })
            } else {
                let parts: Vec<&Layout> = (0..n).map(|_| &e).collect();
                let mut l = sequence(&parts);
                l.fields.clear();
                l.align = e.align.max(1);
                l
            }
        }
        TyKind::Struct(fields) => {
            let ls: Vec<Layout> = fields.iter().map(|(_, t, _)| compute(prog, *t, memo)).collect();
            let refs: Vec<&Layout> = ls.iter().collect();
            let mut l = sequence(&refs);
            // gc pads a struct ending in a zero-size field so that its address
            // stays inside the object.
            if let Some(last) = ls.last()
                && last.size == 0
                && l.size > 0
            {
                l.size = (l.size + 1).next_multiple_of(l.align);
            }
            maybe_big(l)
        }
        TyKind::Tuple(elems) => {
            let ls: Vec<Layout> = elems.iter().map(|t| compute(prog, *t, memo)).collect();
            let refs: Vec<&Layout> = ls.iter().collect();
            sequence(&refs)
        }
    };
    let mut l = l;
    // (A big value's one scalar is its address, not one of its pointers.)
    l.has_ptr |= l.scalars.iter().any(|s| s.ptr && s.big == 0);
    memo[ty.0 as usize] = Some(l.clone());
    l
}
