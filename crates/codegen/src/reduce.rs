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
//! result does not depend on how the elements are grouped, and the body has
//! no other effect. Floats are split only for max and min, never for
//! addition (regrouping a sum rounds differently):
//! * the builtins `max`/`min` are associative and commutative on floats
//!   too (a NaN wins, -0 is less than +0), so the lanes start from -Inf
//!   (+Inf), which leaves every value unchanged;
//! * `if v > m { m = v }` skips NaNs and keeps the first (or with `>=`
//!   the last) of elements that compare equal. Elements that compare equal
//!   are the same bits except +0 and -0, so the lanes' combined value is
//!   the loop's unless it is a zero; then the split part is undone (the
//!   counter and the accumulator get back their values from before it) and
//!   the loop as written runs over every element. A NaN the accumulator
//!   starts with stays, in both.
//!
//! The loop must be one [`crate::bounds`] proves counted, with the body's
//! element access proven in bounds: then `0 <= i < B <= len(s)` in the
//! loop, and the split part, which runs while `i < B - LANES + 1`, reads
//! `s[i]` to `s[i+LANES-1]` without checks. Every local involved lives in
//! Cranelift variables (none in memory, so nothing else can see the
//! accumulator while the loop runs).

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{InstBuilder, Value};
use cranelift_frontend::Variable;
use lower::ir::{BinOp, Const, Expr, ExprKind, LocalId, Place, Stmt};

use crate::expr::float_cc;
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
    /// The builtin `max`, or for integers `if v > m { m = v }`.
    Max,
    /// The builtin `min`, or for integers `if v < m { m = v }`.
    Min,
    /// `if v OP m { m = v }`, as written (floats: see the module doc).
    Keep(BinOp),
}

impl Fold {
    /// Whether the fold keeps the greater element (max, `if v > m`).
    fn grows(self) -> bool {
        matches!(self, Fold::Max | Fold::Keep(BinOp::Gt | BinOp::Ge))
    }
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
            matches!(op, BinOp::Gt | BinOp::Ge | BinOp::Lt | BinOp::Le).then_some((*acc, Fold::Keep(*op)))
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
        let elem = match self.kind(elem_ty) {
            lower::ir::TyKind::Int(int) => Elem::Int { signed: int.signed },
            lower::ir::TyKind::Float(_) if !matches!(r.fold, Fold::Add | Fold::Xor | Fold::Or | Fold::And) => {
                Elem::Float
            }
            _ => return,
        };
        let (Some(index), Some(bound), Some(acc)) = (self.var_of(r.index), self.var_of(r.bound), self.var_of(r.acc))
        else {
            return;
        };
        let ExprKind::Local(slice) = r.slice.kind else { return };
        if !matches!(self.local_loc(slice), Loc::Vars(_)) {
            return;
        }
        let size = i64::from(self.layout(elem_ty).size);
        let (start, first) = (self.b.use_var(index), self.b.use_var(acc));
        self.emit_split(&r, index, bound, acc, elem, size);
        if matches!((elem, r.fold), (Elem::Float, Fold::Keep(_))) {
            self.undo_if_zero(index, acc, start, first);
        }
    }

    /// After a split `if v > m { m = v }` over floats: when the result is
    /// a zero, whose sign depends on which of the equal elements the loop
    /// keeps, the counter and accumulator get back `start` and `first`,
    /// for the loop as written to run over every element.
    fn undo_if_zero(&mut self, index: Variable, acc: Variable, start: Value, first: Value) {
        let total = self.b.use_var(acc);
        let zero = self.fconst(total, 0.0);
        let is_zero = self.b.ins().fcmp(FloatCC::Equal, total, zero);
        let (at, acc_value) = (self.b.use_var(index), total);
        let at = self.b.ins().select(is_zero, start, at);
        let acc_value = self.b.ins().select(is_zero, first, acc_value);
        self.b.def_var(index, at);
        self.b.def_var(acc, acc_value);
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
        elem: Elem,
        size: i64,
    ) {
        let current = self.b.use_var(acc);
        let ty = self.b.func.dfg.value_type(current);
        let lanes: Vec<Variable> = (1..LANES).map(|_| self.b.declare_var(ty)).collect();
        for &lane in &lanes {
            let v = self.identity(r.fold, current, elem);
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
            let folded = self.fold(r.fold, elem, a, x);
            self.b.def_var(var, folded);
        }
        let next = self.b.ins().iadd_imm_s(i, LANES);
        self.b.def_var(index, next);
        self.b.ins().jump(head, &[]);
        self.b.switch_to_block(exit);
        let mut total = self.b.use_var(acc);
        for &lane in &lanes {
            let x = self.b.use_var(lane);
            total = self.fold(r.fold, elem, total, x);
        }
        self.b.def_var(acc, total);
    }

    /// `a` folded with `x`.
    fn fold(&mut self, fold: Fold, elem: Elem, a: Value, x: Value) -> Value {
        let signed = matches!(elem, Elem::Int { signed: true });
        let ins = self.b.ins();
        match (fold, elem) {
            (Fold::Add, _) => ins.iadd(a, x),
            (Fold::Xor, _) => ins.bxor(a, x),
            (Fold::Or, _) => ins.bor(a, x),
            (Fold::And, _) => ins.band(a, x),
            (Fold::Max, Elem::Float) => ins.fmax(a, x),
            (Fold::Min, Elem::Float) => ins.fmin(a, x),
            (Fold::Keep(op), Elem::Float) => {
                // `a < x` rather than `x > a`: the form Cranelift's x86
                // lowering makes one `maxsd` of (`minsd` is `x < a`'s, as
                // written), which is exactly `if v > m { m = v }`: `v`
                // if greater, else `m` (equal elements, NaNs).
                let keep = match op {
                    BinOp::Gt => ins.fcmp(FloatCC::LessThan, a, x),
                    _ => ins.fcmp(float_cc(op), x, a),
                };
                self.b.ins().select(keep, x, a)
            }
            _ if fold.grows() && signed => ins.smax(a, x),
            _ if fold.grows() => ins.umax(a, x),
            _ if signed => ins.smin(a, x),
            _ => ins.umin(a, x),
        }
    }

    /// The value `fold` leaves any other unchanged with, in the type of
    /// `like`.
    fn identity(&mut self, fold: Fold, like: Value, elem: Elem) -> Value {
        let Elem::Int { signed } = elem else {
            return self.fconst(like, if fold.grows() { f64::NEG_INFINITY } else { f64::INFINITY });
        };
        let ty = self.b.func.dfg.value_type(like);
        let max = if signed { i64::MAX >> (64 - ty.bits()) } else { -1 };
        let min = if signed { -max - 1 } else { 0 };
        let identity = match fold {
            Fold::Add | Fold::Xor | Fold::Or => 0,
            Fold::And => -1,
            _ if fold.grows() => min,
            _ => max,
        };
        self.iconst(ty, identity)
    }
}

/// The elements a reduction folds.
#[derive(Clone, Copy, Debug)]
enum Elem {
    Int { signed: bool },
    Float,
}
