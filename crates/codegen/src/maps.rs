//! Maps: indexing, stores, comma-ok lookups, `delete`, `len`, `make` and
//! range iteration, all through the runtime's hash table
//! (`runtime::maps`). A map value is one pointer (null for nil).
//!
//! Keys are passed to the runtime by address: generated code spills the
//! key's scalars into a frame slot. A store `m[k] = v` evaluates `m`, then
//! `k`, then `v`, and only then calls `deft_mapassign` (see [`Dest`]), so a
//! panic while computing `v` leaves the map unchanged, as in gc.

use cranelift_codegen::ir::{InstBuilder, Value, condcodes::IntCC, types};
use lower::ir::{BinOp, Expr, ExprKind, MapOp, Place, TyId, TyKind};
use runtime::maps::ITER_WORDS;

use crate::func::{FnTx, Loc, flags};
use crate::runtime_symbols::Rt;

/// Where an assignment stores: a location resolved before the value is
/// computed, or a map entry inserted only after.
pub enum Dest {
    /// An ordinary place.
    Loc(Loc),
    /// `m[k]`: the map type's descriptor, the map, and the key's address.
    MapEntry {
        /// Address of the map type's descriptor.
        desc: Value,
        /// The map.
        map: Value,
        /// Address of the spilled key.
        key: Value,
    },
}

impl<'a, 'p> FnTx<'a, 'p> {
    /// Key and value types of map type `ty`.
    fn map_kv(&self, ty: TyId) -> (TyId, TyId) {
        match self.kind(ty) {
            TyKind::Map(k, v) => (*k, *v),
            _ => (ty, ty),
        }
    }

    /// Evaluates map `m` and key `k`: (descriptor, map, key address). A
    /// `lookup` only reads the map, so a `string(b)` key shares `b`'s
    /// bytes (see `expr_string_tmp`); a key stored in the map is a copy.
    fn map_operands(&mut self, m: &'p Expr, k: &'p Expr, lookup: bool) -> (Value, Value, Value) {
        let map = self.expr(m)[0];
        let kv = if lookup { self.expr_string_tmp(k) } else { self.expr(k) };
        let (kty, _) = self.map_kv(m.ty);
        let l = self.layout(kty);
        let slot = self.slot(l.size, l.align);
        let key = self.b.ins().stack_addr(types::I64, slot, 0);
        self.store_value(&l, &kv, key, 0);
        let d = self.cx.typedesc(m.ty);
        let desc = self.data_addr(d);
        self.set_pos(k.pos);
        (desc, map, key)
    }

    /// `m[k]` read as a place: the address of the value, or of a zero value.
    pub fn map_read_loc(&mut self, m: &'p Expr, k: &'p Expr) -> Loc {
        let (desc, map, key) = self.map_operands(m, k, true);
        Loc::Mem(self.rt_call(Rt::MapAccess1, &[desc, map, key])[0], 0)
    }

    /// `m[k]` as an assignment target: operands evaluated now, the entry
    /// made by [`Self::write_dest`].
    pub fn map_dest(&mut self, m: &'p Expr, k: &'p Expr) -> Dest {
        let (desc, map, key) = self.map_operands(m, k, false);
        Dest::MapEntry { desc, map, key }
    }

    /// Stores `vals` (of type `ty`) at `dest`.
    pub fn write_dest(&mut self, dest: &Dest, ty: TyId, vals: &[Value]) {
        match dest {
            Dest::Loc(loc) => self.write_loc(loc, ty, vals),
            Dest::MapEntry { desc, map, key } => {
                let at = self.rt_call(Rt::MapAssign, &[*desc, *map, *key])[0];
                self.write_loc(&Loc::Mem(at, 0), ty, vals);
            }
        }
    }

    /// `m[k] op= y` (lowered to `m[k] = m[k] op y`) when the operands and
    /// `y` are constants or locals and `op` is not `/` or `%`. Then, as gc
    /// does, one `deft_mapassign` finds or inserts the entry and the value
    /// is updated in place, instead of a lookup and an insertion. Only a
    /// shift by a negative count can panic after the insertion, and gc
    /// leaves the key inserted then too. Only the `op=` form matches: its
    /// lowering reads back the very place it stores (equal positions
    /// included), while an explicit `m[k] = m[k] << s` spells the place
    /// twice and keeps gc's lookup-then-insert order (a negative `s` then
    /// inserts nothing, as in gc). Returns false (emitting nothing) for any
    /// other assignment.
    pub fn map_update(&mut self, p: &'p Place, e: &'p Expr) -> bool {
        let Place::MapIndex(m, k) = p else { return false };
        let ExprKind::Binary(op, x, y) = &e.kind else { return false };
        let pure = |x: &Expr| matches!(x.kind, ExprKind::Const(_) | ExprKind::Local(_));
        let same = matches!(&x.kind, ExprKind::Load(q) if **q == *p);
        if !same || !pure(m) || !pure(k) || !pure(y) || matches!(op, BinOp::Div | BinOp::Rem) {
            return false;
        }
        let (desc, map, key) = self.map_operands(m, k, false);
        let at = self.rt_call(Rt::MapAssign, &[desc, map, key])[0];
        self.map_entry = Some((p, at));
        let v = self.expr(e);
        self.map_entry = None;
        let ty = self.place_ty(p);
        self.write_loc(&Loc::Mem(at, 0), ty, &v);
        true
    }

    /// `len(m)`: 0 for nil, else the table's first word.
    pub fn map_len(&mut self, map: Value) -> Value {
        let (nonnil, join) = (self.b.create_block(), self.b.create_block());
        let n = self.b.append_block_param(join, types::I64);
        let zero = self.iconst(types::I64, 0);
        self.b.ins().brif(map, nonnil, &[], join, &[zero.into()]);
        self.b.switch_to_block(nonnil);
        let count = self.b.ins().load(types::I64, flags(), map, 0);
        self.b.ins().jump(join, &[count.into()]);
        self.b.switch_to_block(join);
        n
    }

    /// An [`lower::ir::ExprKind::Map`] operation of type `ty`.
    pub fn map_op(&mut self, op: MapOp, args: &'p [Expr], ty: TyId) -> Vec<Value> {
        match (op, args) {
            (MapOp::Make, _) => {
                let hint = match args.first() {
                    Some(h) => {
                        let v = self.expr(h)[0];
                        self.index_value(v, h.ty)
                    }
                    None => self.iconst(types::I64, 0),
                };
                let d = self.cx.typedesc(ty);
                let desc = self.data_addr(d);
                self.rt_call(Rt::MakeMap, &[desc, hint])
            }
            (MapOp::Lookup, [m, k]) => {
                let (desc, map, key) = self.map_operands(m, k, true);
                let at = self.rt_call(Rt::MapAccess2, &[desc, map, key])[0];
                let (_, vty) = self.map_kv(m.ty);
                self.load_or_zero(at, vty)
            }
            (MapOp::Delete, [m, k]) => {
                let (desc, map, key) = self.map_operands(m, k, false);
                self.rt_call(Rt::MapDelete, &[desc, map, key]);
                Vec::new()
            }
            (MapOp::IterStart, [m]) => {
                let map = self.expr(m)[0];
                let slot = self.slot(ITER_WORDS as u32 * 8, 8);
                let it = self.b.ins().stack_addr(types::I64, slot, 0);
                self.rt_call(Rt::MapIterInit, &[map, it]);
                vec![it]
            }
            (MapOp::IterNext, [it]) => {
                let it = self.expr(it)[0];
                self.rt_call(Rt::MapIterNext, &[it])
            }
            (MapOp::IterKey | MapOp::IterValue, [it]) => {
                let it = self.expr(it)[0];
                let off = if op == MapOp::IterKey { 0 } else { 8 };
                let at = self.b.ins().load(types::I64, flags(), it, off);
                let l = self.layout(ty);
                self.load_value(&l, at, 0)
            }
            _ => {
                self.ice(args.first().map_or(syntax::Pos::NONE, |a| a.pos), "map operation with wrong operands");
                self.zeros(ty)
            }
        }
    }

    /// The comma-ok result (value, ok) for value address `at` (null: absent).
    fn load_or_zero(&mut self, at: Value, vty: TyId) -> Vec<Value> {
        let l = self.layout(vty);
        let (yes, join) = (self.b.create_block(), self.b.create_block());
        let params: Vec<Value> = l.scalars.iter().map(|s| self.b.append_block_param(join, s.ty)).collect();
        let zeros = self.zeros(vty);
        let zargs: Vec<_> = zeros.iter().map(|v| (*v).into()).collect();
        self.b.ins().brif(at, yes, &[], join, &zargs);
        self.b.switch_to_block(yes);
        let vals = self.load_value(&l, at, 0);
        let vargs: Vec<_> = vals.iter().map(|v| (*v).into()).collect();
        self.b.ins().jump(join, &vargs);
        self.b.switch_to_block(join);
        let ok = self.b.ins().icmp_imm_u(IntCC::NotEqual, at, 0);
        let mut out = params;
        out.push(ok);
        out
    }
}
