//! Reductions split over several accumulators: a counted loop over a
//! slice whose body only folds each element into one integer local —
//!
//! ```go
//! for _, v := range s { total += v }      // also ^=, |=, &=, = max(total, v)
//! for _, v := range s { if v > m { m = v } } // also <, and min(m, v)
//! ```
//!
//! — first runs [`LANES`] elements per iteration into as many accumulators
//! (the local itself and fresh ones holding the operation's identity),
//! combines them, and then finishes the elements left in the loop as
//! written. One accumulator makes every iteration wait for the previous
//! one's addition (or comparison and select); four let the processor
//! overlap them, and the loop's own test runs once per four elements.
//!
//! Exact: the operations are those on integers that are associative and
//! commutative — wrapping addition, xor, or, and, max and min — so that the
//! result does not depend on how the elements are grouped (not
//! floating-point addition, which rounds, nor float max, where -0 and +0
//! compare equal but print differently), and the body has no other effect.
//!
//! The loop must be one [`crate::bounds`] proves counted, with the body's
//! element access proven in bounds: then `0 <= i < B <= len(s)` in the
//! loop, and the split part, which runs while `i < B - LANES + 1`, reads
//! `s[i]` to `s[i+LANES-1]` without checks. Every local involved lives in
//! Cranelift variables (none in memory, so nothing else can see the
//! accumulator while the loop runs).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{InstBuilder, Type, Value};
use cranelift_frontend::Variable;
use lower::ir::{BinOp, Const, Expr, ExprKind, LocalId, Place, Stmt};

use crate::func::{FnTx, Loc};

/// Elements per iteration of the split part.
const LANES: i64 = 4;

/// How each element is folded into the accumulator.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fold {
    Add,
    Xor,
    Or,
    And,
    Max,
    Min,
}

/// A loop recognised as a reduction: its counter, bound and slice, the
/// accumulator and the fold.
pub(crate) struct Reduction<'p> {
    index: LocalId,
    bound: LocalId,
    slice: &'p Expr,
    acc: LocalId,
    fold: Fold,
}

/// The reduction `for cond { body } post` is, if it is one (see the
/// module doc); `element` is the body's element access.
fn recognize<'p>(cond: &'p Expr, body: &'p [Stmt], post: &'p [Stmt]) -> Option<(Reduction<'p>, &'p Place)> {
    let ExprKind::Binary(BinOp::Lt, i, b) = &cond.kind else { return None };
    let (ExprKind::Local(index), ExprKind::Local(bound)) = (&i.kind, &b.kind) else { return None };
    let [Stmt::Assign(Place::Local(inc), step)] = post else { return None };
    let ExprKind::Binary(BinOp::Add, x, one) = &step.kind else { return None };
    if inc != index || !is_local(x, *index) || !matches!(one.kind, ExprKind::Const(Const::Int(1))) {
        return None;
    }
    let [Stmt::Decl(v), Stmt::Assign(Place::Local(v2), load), fold] = body else { return None };
    let ExprKind::Load(place) = &load.kind else { return None };
    let Place::SliceIndex(slice, at) = &**place else { return None };
    if v != v2 || !is_local(at, *index) || !matches!(slice.kind, ExprKind::Local(_)) {
        return None;
    }
    let (acc, fold) = fold_of(fold, *v)?;
    if acc == *index || acc == *bound || acc == *v || is_local(slice, acc) {
        return None;
    }
    Some((Reduction { index: *index, bound: *bound, slice, acc, fold }, place))
}

/// The accumulator and fold of statement `s` folding local `v` into one.
fn fold_of(s: &Stmt, v: LocalId) -> Option<(LocalId, Fold)> {
    match s {
        Stmt::Assign(Place::Local(acc), e) => {
            let ExprKind::Binary(op, x, y) = &e.kind else { return None };
            let fold = match op {
                BinOp::Add => Fold::Add,
                BinOp::Xor => Fold::Xor,
                BinOp::Or => Fold::Or,
                BinOp::And => Fold::And,
                BinOp::Max => Fold::Max,
                BinOp::Min => Fold::Min,
                _ => return None,
            };
            let operands = (is_local(x, *acc) && is_local(y, v)) || (is_local(x, v) && is_local(y, *acc));
            operands.then_some((*acc, fold))
        }
        // `if v > m { m = v }`: the first greatest element; for integers,
        // equal elements are indistinguishable.
        Stmt::If { cond, then, els } if els.is_empty() => {
            let [Stmt::Assign(Place::Local(acc), e)] = &then[..] else { return None };
            let ExprKind::Binary(op, x, y) = &cond.kind else { return None };
            if !is_local(e, v) || !is_local(x, v) || !is_local(y, *acc) {
                return None;
            }
            match op {
                BinOp::Gt | BinOp::Ge => Some((*acc, Fold::Max)),
                BinOp::Lt | BinOp::Le => Some((*acc, Fold::Min)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn is_local(e: &Expr, l: LocalId) -> bool {
    matches!(e.kind, ExprKind::Local(x) if x == l)
}

impl<'p> FnTx<'_, 'p> {
    /// If loop `cond { body } post` is a reduction (see the module doc),
    /// emits its split part, which leaves the counter and the accumulator
    /// for the loop as written to finish.
    pub(crate) fn split_reduction(&mut self, cond: &'p Expr, body: &'p [Stmt], post: &'p [Stmt]) {
        let Some((r, element)) = recognize(cond, body, post) else { return };
        if !self.in_bounds.place(element) {
            return;
        }
        let elem_ty = self.place_ty(element);
        let lower::ir::TyKind::Int(int) = self.kind(elem_ty) else { return };
        let signed = int.signed;
        let (Some(index), Some(bound), Some(acc)) = (self.var_of(r.index), self.var_of(r.bound), self.var_of(r.acc))
        else {
            return;
        };
        let ExprKind::Local(slice) = r.slice.kind else { return };
        if !matches!(self.local_loc(slice), Loc::Vars(_)) {
            return;
        }
        let size = i64::from(self.layout(elem_ty).size);
        self.emit_split(&r, index, bound, acc, signed, size);
    }

    /// The one variable local `l` lives in, if it lives in one.
    fn var_of(&mut self, l: LocalId) -> Option<Variable> {
        match self.local_loc(l) {
            Loc::Vars(vs) if vs.len() == 1 => Some(vs[0]),
            _ => None,
        }
    }

    fn emit_split(
        &mut self,
        r: &Reduction<'p>,
        index: Variable,
        bound: Variable,
        acc: Variable,
        signed: bool,
        size: i64,
    ) {
        let current = self.b.use_var(acc);
        let ty = self.b.func.dfg.value_type(current);
        let lanes: Vec<Variable> = (1..LANES).map(|_| self.b.declare_var(ty)).collect();
        let identity = identity(r.fold, ty, signed);
        for &lane in &lanes {
            let v = self.iconst(ty, identity);
            self.b.def_var(lane, v);
        }
        // Not rotated: Cranelift then folds each load into its operation
        // (`add (mem), reg`), which it did not in a rotated loop.
        let (head, body, exit) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
        self.b.ins().jump(head, &[]);
        self.b.switch_to_block(head);
        let i = self.b.use_var(index);
        let bound = self.b.use_var(bound);
        let limit = self.b.ins().iadd_imm_s(bound, -(LANES - 1));
        let more = self.b.ins().icmp(IntCC::SignedLessThan, i, limit);
        self.b.ins().brif(more, body, &[], exit, &[]);
        self.b.switch_to_block(body);
        let base = self.expr(r.slice)[0];
        let offset = self.b.ins().imul_imm_s(i, size);
        let at = self.b.ins().iadd(base, offset);
        for (k, var) in std::iter::once(acc).chain(lanes.iter().copied()).enumerate() {
            let x = self.b.ins().load(ty, crate::func::flags(), at, (k as i64 * size) as i32);
            let a = self.b.use_var(var);
            let folded = self.fold(r.fold, signed, a, x);
            self.b.def_var(var, folded);
        }
        let next = self.b.ins().iadd_imm_s(i, LANES);
        self.b.def_var(index, next);
        self.b.ins().jump(head, &[]);
        self.b.switch_to_block(exit);
        let mut total = self.b.use_var(acc);
        for &lane in &lanes {
            let x = self.b.use_var(lane);
            total = self.fold(r.fold, signed, total, x);
        }
        self.b.def_var(acc, total);
    }

    /// `a` folded with `x`.
    fn fold(&mut self, fold: Fold, signed: bool, a: Value, x: Value) -> Value {
        let ins = self.b.ins();
        match (fold, signed) {
            (Fold::Add, _) => ins.iadd(a, x),
            (Fold::Xor, _) => ins.bxor(a, x),
            (Fold::Or, _) => ins.bor(a, x),
            (Fold::And, _) => ins.band(a, x),
            (Fold::Max, true) => ins.smax(a, x),
            (Fold::Max, false) => ins.umax(a, x),
            (Fold::Min, true) => ins.smin(a, x),
            (Fold::Min, false) => ins.umin(a, x),
        }
    }
}

/// The value `fold` leaves any other unchanged with, in type `ty`.
fn identity(fold: Fold, ty: Type, signed: bool) -> i64 {
    let max = if signed { i64::MAX >> (64 - ty.bits()) } else { -1 };
    let min = if signed { -max - 1 } else { 0 };
    match fold {
        Fold::Add | Fold::Xor | Fold::Or => 0,
        Fold::And => -1,
        Fold::Max => min,
        Fold::Min => max,
    }
}
