//! Maps: `make`, `delete`, comma-ok lookups, map literals and `range`,
//! lowered to [`IK::Map`] operations (indexing is [`Place::MapIndex`]).
//!
//! A map literal is a `Make` followed by one store per entry, in source
//! order. A `range` over a map evaluates the map once, starts an iterator
//! ([`MapOp::IterStart`]), and loops while [`MapOp::IterNext`] finds an
//! entry, assigning the iteration variables from the current entry.

use syntax::Pos;
use syntax::ast::{self, Expr, KeyedElement};
use types::{Type, TypeId};

use crate::func::FnCx;
use crate::ir::{Expr as IExpr, ExprKind as IK, MapOp, Place, Stmt, TyId};

impl FnCx<'_, '_> {
    /// Key and value Go types of map type `t`.
    pub fn map_kv(&mut self, t: TypeId, pos: Pos) -> (TypeId, TypeId) {
        match self.under(t) {
            Type::Map(k, v) => (k, v),
            _ => self.ice(pos, "map operation on a non-map"),
        }
    }

    fn map_expr(&self, op: MapOp, args: Vec<IExpr>, ty: TyId, pos: Pos) -> IExpr {
        IExpr { kind: IK::Map(op, args), ty, pos }
    }

    /// `make(map[K]V[, hint])`; `e` is the call.
    pub fn make_map(&mut self, args: &[Expr], e: &Expr) -> IExpr {
        let ty = self.cx.ty(self.go_type(e));
        let hint = args.get(1).map(|h| self.expr(h)).into_iter().collect();
        self.map_expr(MapOp::Make, hint, ty, e.pos)
    }

    /// The operands of `delete(m, k)`, the key converted to the map's key type.
    pub fn delete_operands(&mut self, args: &[Expr]) -> Vec<IExpr> {
        // `delete(f())` spreads a two-result call.
        let map_ty = match self.facts().get(self.go_type(&args[0])) {
            types::Type::Tuple(ts) => ts[0],
            _ => self.go_type(&args[0]),
        };
        let (kt, _) = self.map_kv(map_ty, args[0].pos);
        self.builtin_operands(args, args[0].pos, |_, i, t| if i == 0 { t } else { kt })
    }

    /// `delete(m, k)` with operands already evaluated.
    pub fn delete_map(&mut self, operands: Vec<IExpr>, pos: Pos) -> IExpr {
        let unit = self.unit_ty();
        self.map_expr(MapOp::Delete, operands, unit, pos)
    }

    /// `m[k]` in comma-ok form; `ty` is the (value, bool) tuple.
    pub fn map_lookup(&mut self, m: &Expr, k: &Expr, ty: TyId, pos: Pos) -> IExpr {
        let place = self.map_index_place(m, k);
        let Place::MapIndex(m, k) = place else { self.ice(pos, "map lookup of a non-map") };
        self.map_expr(MapOp::Lookup, vec![*m, *k], ty, pos)
    }

    /// `m[k]` as a place.
    pub fn map_index_place(&mut self, m: &Expr, k: &Expr) -> Place {
        let (kt, _) = self.map_kv(self.go_type(m), m.pos);
        let mv = self.expr(m);
        Place::MapIndex(Box::new(mv), Box::new(self.value_as(k, kt)))
    }

    /// A map literal of Go type `t`.
    pub fn map_literal(&mut self, t: TypeId, elems: &[KeyedElement], pos: Pos) -> IExpr {
        let (kt, vt) = self.map_kv(t, pos);
        let ty = self.cx.ty(t);
        let hint = self.int_const(elems.len() as u64, pos);
        let make = self.map_expr(MapOp::Make, vec![hint], ty, pos);
        let mut stmts = Vec::new();
        let m = self.spill(make, &mut stmts);
        // As gc: the entries whose key and value are constants first, then
        // the others one at a time, each ordered as `m[k] = v` would be.
        let facts = self.facts();
        let is_const = |e: &Expr| facts.is_const(e);
        let (statics, dynamics): (Vec<&KeyedElement>, Vec<&KeyedElement>) =
            elems.iter().partition(|el| el.key.as_ref().is_some_and(is_const) && is_const(&el.value));
        for el in statics.into_iter().chain(dynamics) {
            let Some(k) = &el.key else { self.ice(el.value.pos, "map literal element without a key") };
            self.hoist(&[k, &el.value], false, &mut stmts);
            let key = self.value_as(k, kt);
            let val = self.value_as(&el.value, vt);
            let place = Place::MapIndex(Box::new(self.local_expr(m, pos)), Box::new(key));
            stmts.push(Stmt::Assign(place, val));
        }
        IExpr { kind: IK::Seq(stmts, Box::new(self.local_expr(m, pos))), ty, pos }
    }

    /// `for k, v := range m { body }` (iteration variables already declared
    /// when defined by the statement).
    #[allow(clippy::too_many_arguments)]
    pub fn range_map(
        &mut self,
        k: Option<&Expr>,
        v: Option<&Expr>,
        x: &Expr,
        body: &ast::Block,
        label: Option<String>,
        pos: Pos,
        out: &mut Vec<Stmt>,
    ) {
        let (kt, vt) = self.map_kv(self.go_type(x), x.pos);
        let mv = self.expr(x);
        let m = self.spill(mv, out);
        let uintptr = self.basic_ty(types::BasicKind::Uintptr);
        let start = self.map_expr(MapOp::IterStart, vec![self.local_expr(m, pos)], uintptr, pos);
        let it = self.spill(start, out);
        let bool_ty = self.bool_ty();
        let cond = self.map_expr(MapOp::IterNext, vec![self.local_expr(it, pos)], bool_ty, pos);
        let lp = self.in_scope(true, label, |f, id| {
            let mut b = Vec::new();
            let mut targets = Vec::new();
            for (var, op, t) in [(k, MapOp::IterKey, kt), (v, MapOp::IterValue, vt)] {
                if let Some(var) = var {
                    let ty = f.cx.ty(t);
                    targets.push((var, f.map_expr(op, vec![f.local_expr(it, pos)], ty, pos), t));
                }
            }
            f.range_assigns(targets, pos, &mut b);
            f.stmts(&body.stmts, &mut b);
            Stmt::Loop { id, cond: Some(cond), body: b, post: Vec::new() }
        });
        out.push(lp);
    }
}
