//! Static initialisation: a package variable whose initializer is made of
//! constants and composite literals is laid out before the program runs,
//! as gc's `staticinit` does, instead of being built by `P.init`.
//!
//! Why: Go's own packages keep their tables in such variables (`unicode`'s
//! hundreds of `RangeTable`s, `internal/strconv`'s powers of ten), and
//! building them with stores at every start, through code lowered and
//! translated at every compilation, made upstream `unicode` cost more than
//! a small program's whole compilation.
//!
//! What is static ([`FnCx::static_value`]): a constant of a non-interface
//! type; an array or struct literal whose listed elements are static; a
//! slice literal over such elements (its array is a static object of its
//! own); `&T{...}` of a static literal (a static object). Anything else —
//! a call, a variable, a map, a func, an interface-typed element — makes
//! the whole initializer dynamic, lowered as before. Evaluating a static
//! initializer has no effects and cannot panic, so taking it out of the
//! dependency order changes nothing a program can observe: every static
//! variable holds its value before any initializer runs, as in gc.
//!
//! Invariant: every value described here can be encoded by codegen (a
//! `Const` only at a scalar type that is not an interface).

use syntax::ast::{Expr, ExprKind, UnaryOp};
use types::{ObjId, Type, TypeId};

use crate::func::FnCx;
use crate::ir::{ExprKind as IK, StaticValue};
use crate::query::unparen;

/// Nesting deeper than this is built by code (a bound on the recursion,
/// far beyond what tables use).
const MAX_DEPTH: u32 = 32;

/// Arrays longer than this are built by code: a static object is as large
/// as its type, and a sparse literal of a huge array would be mostly zeros
/// in the program's data.
const MAX_ARRAY_LEN: u64 = 1 << 16;

impl FnCx<'_, '_> {
    /// Lays out the initializer `rhs` of `lhs` before the program runs if
    /// it is static (one variable; a blank one needs nothing); whether it
    /// was, in which case `P.init` has nothing to do for it.
    pub fn static_global_init(&mut self, lhs: &[ObjId], rhs: &Expr) -> bool {
        let [obj] = lhs else { return false };
        let t = self.facts().obj_ty(*obj);
        let Some(value) = self.static_value(rhs, t) else { return false };
        // A value `-ldflags=-X` gave stays.
        if let Some(&g) = self.cx.globals.get(obj) {
            self.cx.prog.globals[g.0 as usize].init.get_or_insert(value);
        }
        true
    }

    /// The value of initializer `e` stored at type `t`, when it can be laid
    /// out before the program runs (see the module doc).
    pub fn static_value(&mut self, e: &Expr, t: TypeId) -> Option<StaticValue> {
        self.static_at(e, t, 0)
    }

    fn static_at(&mut self, e: &Expr, t: TypeId, depth: u32) -> Option<StaticValue> {
        if depth > MAX_DEPTH {
            return None;
        }
        let e = unparen(e);
        if matches!(self.under(t), Type::Interface(_)) {
            return None;
        }
        let tv = self.tv(e);
        if let Some(v) = &tv.value {
            return match self.constant(v, t, e.pos).kind {
                IK::Const(c) => Some(StaticValue::Const(c)),
                _ => None,
            };
        }
        match &e.kind {
            ExprKind::CompositeLit { elems, .. } => self.static_literal(tv.ty, elems, depth),
            ExprKind::Unary { op: UnaryOp::Addr, x } => {
                let x = unparen(x);
                let ExprKind::CompositeLit { elems, .. } = &x.kind else { return None };
                let lit_ty = self.go_type(x);
                let value = self.static_literal(lit_ty, elems, depth)?;
                Some(StaticValue::Ref { ty: self.cx.ty(lit_ty), value: Box::new(value) })
            }
            _ => None,
        }
    }

    /// A composite literal of type `t` (an elided `&T` inside another
    /// literal included).
    fn static_literal(&mut self, t: TypeId, elems: &[syntax::ast::KeyedElement], depth: u32) -> Option<StaticValue> {
        match self.under(t) {
            Type::Pointer(inner) => {
                let value = self.static_literal(inner, elems, depth)?;
                Some(StaticValue::Ref { ty: self.cx.ty(inner), value: Box::new(value) })
            }
            Type::Struct(fields) => {
                let mut parts = Vec::with_capacity(elems.len());
                for (n, el) in elems.iter().enumerate() {
                    let i = match &el.key {
                        Some(k) => match &k.kind {
                            ExprKind::Ident(id) => fields.iter().position(|f| f.name == id.name)?,
                            _ => return None,
                        },
                        None => n,
                    };
                    let field = fields.get(i)?;
                    let value = self.static_at(&el.value, field.ty, depth + 1)?;
                    // A blank field stays zero (its element has no effect).
                    if field.name != "_" {
                        parts.push((i as u64, value));
                    }
                }
                Some(StaticValue::Parts(parts))
            }
            Type::Array(n, et) if n <= MAX_ARRAY_LEN => Some(StaticValue::Parts(self.static_elems(elems, et, depth)?)),
            Type::Slice(et) => {
                let parts = self.static_elems(elems, et, depth)?;
                let len = parts.iter().map(|(i, _)| i + 1).max().unwrap_or(0);
                if len > MAX_ARRAY_LEN {
                    return None;
                }
                Some(StaticValue::Slice { elem: self.cx.ty(et), len, parts })
            }
            _ => None,
        }
    }

    /// The elements of an array or slice literal of element type `et`, by
    /// index.
    fn static_elems(
        &mut self,
        elems: &[syntax::ast::KeyedElement],
        et: TypeId,
        depth: u32,
    ) -> Option<Vec<(u64, StaticValue)>> {
        let slots = self.indexed_slots(elems);
        let mut parts = Vec::with_capacity(slots.len());
        for (i, value) in slots {
            parts.push((i as u64, self.static_at(value, et, depth + 1)?));
        }
        Some(parts)
    }
}
