//! gc's order pass, as behaviour: within one statement, the operations gc
//! evaluates into temporaries before the statement (function and method
//! calls; the builtins `len`, `cap`, `append`, `make`, `new`, `copy`,
//! `complex`, `real`, `imag`, `recover`; `[]byte(s)` and `[]rune(s)`;
//! slice expressions; type assertions to a type that is not
//! pointer-shaped; `&&`/`||`; map literals with non-constant entries) run
//! first, in post-order, left to right, each into a temporary. Only then
//! is the rest of the statement evaluated: plain reads of variables,
//! fields, elements and pointers, arithmetic, comparisons, conversions.
//! So `a + f()`, `x, y = a, f()`, `return a, f()`, `T{a, f()}`,
//! `s[i] = f()` read `a`, `s`, `i` after `f` ran.
//!
//! [`FnCx::hoist`] visits a statement's expressions and lowers each such
//! operation into a temporary (its own operands lowered first, so its
//! nested calls are already temporaries); [`FnCx::expr`] then finds the
//! temporary recorded for the node. `&&`/`||` order each operand on its
//! own ([`FnCx::ordered`]): the right one is evaluated only when needed.
//! Function literals are not entered.

use syntax::ast::{BinaryOp, Expr, ExprKind};
use types::{Builtin, Mode, Type};

use crate::func::FnCx;
use crate::ir::{Expr as IExpr, ExprKind as IK, Stmt};
use crate::query::{builtin_callee, is_type_expr};

impl FnCx<'_, '_> {
    /// Hoists the calls (and the other operations gc evaluates first) of
    /// `exprs`, in order, into temporaries declared in `out`. A root that
    /// is itself a call is left in place when `keep_roots`.
    pub fn hoist(&mut self, exprs: &[&Expr], keep_roots: bool, out: &mut Vec<Stmt>) {
        for e in exprs {
            self.hoist_expr(e, keep_roots, out);
        }
    }

    /// `e` lowered with its calls run first: a `Seq` of the hoisted
    /// temporaries and the rest, for expressions evaluated in place
    /// (conditions, operands of `&&`/`||`).
    pub fn ordered(&mut self, e: &Expr) -> IExpr {
        let mut pre = Vec::new();
        self.hoist_expr(e, true, &mut pre);
        let v = self.expr(e);
        if pre.is_empty() {
            return v;
        }
        let (ty, pos) = (v.ty, v.pos);
        IExpr { kind: IK::Seq(pre, Box::new(v)), ty, pos }
    }

    /// The temporary an earlier [`FnCx::hoist`] recorded for `e`.
    pub fn take_hoisted(&mut self, e: &Expr) -> Option<IExpr> {
        let l = self.hoisted.remove(&e.id)?;
        Some(self.local_expr(l, e.pos))
    }

    fn hoist_expr(&mut self, e: &Expr, root: bool, out: &mut Vec<Stmt>) {
        let Some(tv) = self.cx.info.types.get(&e.id) else { return };
        if tv.value.is_some() || matches!(tv.mode, Mode::TypeExpr | Mode::Builtin | Mode::Constant) {
            return;
        }
        let comma_ok = tv.mode == Mode::CommaOk;
        let single = !comma_ok && tv.mode != Mode::NoValue && !matches!(self.under(tv.ty), Type::Tuple(_));
        let hoist = match &e.kind {
            ExprKind::Paren(x) => return self.hoist_expr(x, root, out),
            ExprKind::Ident(_) | ExprKind::BasicLit { .. } | ExprKind::FuncLit { .. } => false,
            ExprKind::Type(_) | ExprKind::Bad => false,
            ExprKind::CompositeLit { elems, .. } => {
                if matches!(self.under(tv.ty), Type::Map(..)) {
                    // Evaluated entry by entry, each entry ordered on its
                    // own (see `map_literal`).
                    elems
                        .iter()
                        .any(|el| !el.key.as_ref().is_some_and(|k| self.is_const(k)) || !self.is_const(&el.value))
                } else {
                    let is_struct = matches!(self.under(tv.ty), Type::Struct(_));
                    for el in elems {
                        if let Some(k) = &el.key
                            && !is_struct
                        {
                            self.hoist_expr(k, false, out);
                        }
                        self.hoist_expr(&el.value, false, out);
                    }
                    false
                }
            }
            ExprKind::Selector { x, .. } => {
                if crate::query::qualified_ident(self.cx.info, e).is_none() {
                    self.hoist_expr(x, false, out);
                }
                false
            }
            ExprKind::Index { x, indices } => {
                self.hoist_expr(x, false, out);
                for i in indices {
                    self.hoist_expr(i, false, out);
                }
                false
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.hoist_expr(x, false, out);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.hoist_expr(b, false, out);
                }
                true
            }
            ExprKind::TypeAssert { x, .. } => {
                self.hoist_expr(x, false, out);
                !self.pointer_shaped(tv.ty)
            }
            ExprKind::Star(x) | ExprKind::Unary { x, .. } => {
                self.hoist_expr(x, false, out);
                false
            }
            ExprKind::Binary { op: BinaryOp::AndAnd | BinaryOp::OrOr, .. } => true,
            ExprKind::Binary { x, y, .. } => {
                self.hoist_expr(x, false, out);
                self.hoist_expr(y, false, out);
                false
            }
            ExprKind::Call { func, args, .. } => {
                if is_type_expr(self.cx.info, func) {
                    self.hoist_expr(&args[0], false, out);
                    // `[]byte(s)`, `[]rune(s)` copy the string: gc runs them first.
                    matches!(self.under(tv.ty), Type::Slice(_))
                        && matches!(self.under(self.go_type(&args[0])), Type::Basic(_))
                } else if let Some(b) = builtin_callee(self.cx.info, func) {
                    for a in args {
                        self.hoist_expr(a, false, out);
                    }
                    matches!(
                        b,
                        Builtin::Len
                            | Builtin::Cap
                            | Builtin::Append
                            | Builtin::Make
                            | Builtin::New
                            | Builtin::Copy
                            | Builtin::Complex
                            | Builtin::Real
                            | Builtin::Imag
                            | Builtin::Recover
                    )
                } else {
                    self.hoist_expr(func, false, out);
                    for a in args {
                        self.hoist_expr(a, false, out);
                    }
                    true
                }
            }
        };
        if hoist && single && !root && !self.hoisted.contains_key(&e.id) {
            let v = self.expr(e);
            let t = self.spill(v, out);
            self.hoisted.insert(e.id, t);
        }
    }

    fn is_const(&self, e: &Expr) -> bool {
        self.cx.info.types.get(&e.id).is_some_and(|tv| tv.value.is_some())
    }

    /// Whether values of Go type `t` are stored directly in an interface's
    /// data word (gc's `IsDirectIface`): type assertions to them need no
    /// temporary.
    fn pointer_shaped(&self, t: types::TypeId) -> bool {
        match self.under(t) {
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => true,
            Type::Basic(b) => b == types::BasicKind::UnsafePointer,
            Type::Struct(fs) => fs.len() == 1 && self.pointer_shaped(fs[0].ty),
            Type::Array(1, elem) => self.pointer_shaped(elem),
            _ => false,
        }
    }
}
