//! Expressions: operands, untyped constants and their final types,
//! operators, literals, selectors, index and slice expressions.
//!
//! Untyped expressions (constants, comparisons, shifts of untyped
//! constants) are recorded in `untyped` until the context fixes their type;
//! [`Checker::update_expr_type`] then walks down the expression giving each
//! untyped sub-expression its final type and checking that constants are
//! representable, exactly as types2 does. Constant operands of a larger
//! constant expression keep their untyped value.

use syntax::Pos;
use syntax::ast::{BinaryOp, Expr, ExprKind, KeyedElement, LitKind, TypeKind, UnaryOp};

use crate::check::Checker;
use crate::constant::{self, Cmp, Op, Value};
use crate::exprstr::{expr_string, start_pos};
use crate::lang::LangVersion;
use crate::lookup::{Lookup, Near, NearKind};
use crate::model::{BasicKind, Mode, ObjKind, SelectionKind};
use crate::operand::{OpMode, Operand};
use crate::types::{BYTE, INVALID, Sig, T, TyId, basic};

/// What kind of expression a call or expression statement was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExprClass {
    Conversion,
    Expression,
    Statement,
}

/// Why an untyped operand cannot take a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConvCode {
    Truncated,
    Overflow,
    InvalidConst,
    InvalidUntyped,
}

pub(crate) const INVALID_OP: &str = "invalid operation: ";

fn unparen(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

fn is_comparison(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge)
}

fn is_shift(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Shl | BinaryOp::Shr)
}

fn untyped_rank(k: BasicKind) -> u8 {
    match k {
        BasicKind::UntypedInt => 1,
        BasicKind::UntypedRune => 2,
        BasicKind::UntypedFloat => 3,
        BasicKind::UntypedComplex => 4,
        _ => 0,
    }
}

impl<'a> Checker<'a> {
    // ------------------------------------------------------------------
    // Entry points.

    /// Checks `e` and records it (types2's `rawExpr`); a generic function
    /// or type not instantiated is an error.
    pub(crate) fn raw_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr, hint: Option<TyId>) -> ExprClass {
        self.raw_expr_generic(x, e, hint, false)
    }

    /// [`Checker::raw_expr`]; `allow_generic`: `x` may be a generic
    /// function or type (the callee of a call, the base of an index
    /// expression, which instantiate it).
    fn raw_expr_generic(&mut self, x: &mut Operand<'a>, e: &'a Expr, hint: Option<TyId>, allow: bool) -> ExprClass {
        let class = self.expr_internal(x, e, hint);
        if !allow {
            self.non_generic(x);
        }
        self.record(x);
        class
    }

    /// The element type of the channels a receive (`recv`) or a send on a
    /// value of type parameter type `t` works on, or why there are none, in
    /// gc's words: every type of the set must be a channel allowing the
    /// operation, all with identical element types.
    pub(crate) fn tparam_chan(&mut self, t: TyId, recv: bool) -> Result<TyId, String> {
        let terms = self.tys.tparam_terms(t).unwrap_or_default();
        let mut first: Option<(TyId, TyId)> = None;
        for term in &terms {
            let T::Chan(dir, elem) = self.tys.get(self.tys.under(term.ty)).clone() else {
                return Err(format!("non-channel {}", self.ts(term.ty)));
            };
            match dir {
                syntax::ast::ChanDir::Send if recv => return Err(format!("send-only channel {}", self.ts(term.ty))),
                syntax::ast::ChanDir::Recv if !recv => {
                    return Err(format!("receive-only channel {}", self.ts(term.ty)));
                }
                _ => {}
            }
            match first {
                None => first = Some((term.ty, elem)),
                Some((c, e)) if !self.tys.identical(e, elem) => {
                    let (cs, ts) = (self.ts(c), self.ts(term.ty));
                    return Err(format!("channels {cs} and {ts} have different element types"));
                }
                Some(_) => {}
            }
        }
        first.map(|(_, e)| e).ok_or_else(|| "no specific channel type".to_string())
    }

    /// Whether an index (`index`), slice or selector through a value of
    /// type `t` may see its structure: `t` itself complete (for an index),
    /// and the base of a pointer it is, and a map's elements (an index
    /// produces one).
    fn complete_through(&mut self, t: TyId, index: bool) -> bool {
        if index && !self.is_complete(t) {
            return false;
        }
        match self.tys.get(self.tys.under(t)).clone() {
            T::Pointer(b) => self.is_complete(b),
            T::Map(_, v) if index => self.is_complete(v),
            _ => true,
        }
    }

    /// The base type of the pointers `t` stands for (every type of a type
    /// parameter's set a pointer, all to one type), or the cause of the
    /// error, `{}` standing for the operand: types2's indirection.
    fn pointer_base(&self, t: TyId) -> Result<TyId, &'static str> {
        let types = self.tys.tparam_terms(t).map_or(vec![t], |ts| ts.iter().map(|t| t.ty).collect());
        let mut base = None;
        for u in types.iter().copied().chain(types.is_empty().then_some(t)) {
            let T::Pointer(b) = *self.tys.get(self.tys.under(u)) else { return Err("cannot indirect {}") };
            match base {
                Some(b0) if !self.tys.identical(b0, b) => return Err("pointers of {} must have identical base types"),
                _ => base = Some(b),
            }
        }
        base.ok_or("cannot indirect {}")
    }

    /// Reports a generic function or type used without instantiation.
    pub(crate) fn non_generic(&mut self, x: &mut Operand<'a>) {
        let alias = || x.expr.and_then(name_ident);
        let what = match x.mode {
            OpMode::Invalid | OpMode::NoValue => return,
            OpMode::TypeExpr if self.tys.is_generic_type(x.ty) => "type",
            OpMode::TypeExpr if self.generic_alias_named(alias()).is_some() => "type",
            OpMode::Value if self.tys.sig(x.ty).is_some_and(|s| !s.tparams.is_empty()) => "function",
            _ => return,
        };
        if what == "function" && self.instantiate_for_target(x, &[], &[]) {
            return;
        }
        if what == "function" && x.expr.is_some_and(|e| self.generic_args.contains(&e.id)) {
            return;
        }
        let es = x.expr.map(expr_string).unwrap_or_default();
        self.error_at_op(x, format!("cannot use generic {what} {es} without instantiation"));
        x.set_invalid();
    }

    /// A value or a type that may be generic (see `raw_expr_generic`).
    pub(crate) fn expr_or_type_generic(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        self.raw_expr_generic(x, e, None, true);
        self.exclude(x, true, false, false);
        self.single_value(x);
    }

    /// A single value (not a type, builtin or void call).
    pub(crate) fn expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        self.raw_expr(x, e, None);
        self.exclude(x, true, true, true);
        self.single_value(x);
    }

    /// A single value that may be a generic function still to be
    /// instantiated by the `assignment` it meets (types2's `genericExpr`:
    /// composite literal elements, sent values, map keys, conversions).
    pub(crate) fn generic_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr, hint: Option<TyId>) {
        self.raw_expr_generic(x, e, hint, true);
        self.exclude(x, true, true, true);
        self.single_value(x);
    }

    /// A value, possibly multi-valued.
    pub(crate) fn multi_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        self.raw_expr(x, e, None);
        self.exclude(x, true, true, true);
    }

    /// A value or a type.
    pub(crate) fn expr_or_type(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        self.raw_expr(x, e, None);
        self.exclude(x, true, false, false);
        self.single_value(x);
    }

    pub(crate) fn exclude(&mut self, x: &mut Operand<'a>, novalue: bool, builtin: bool, typexpr: bool) {
        let msg = match x.mode {
            OpMode::NoValue if novalue => {
                if typexpr {
                    "used as value"
                } else {
                    "used as value or type"
                }
            }
            OpMode::Builtin(_) if builtin => "must be called",
            OpMode::TypeExpr if typexpr => "is not an expression",
            _ => return,
        };
        let s = self.op_string(x);
        self.error_at_op(x, format!("{s} {msg}"));
        x.set_invalid();
    }

    pub(crate) fn single_value(&mut self, x: &mut Operand<'a>) {
        if x.mode == OpMode::Value && matches!(self.tys.get(x.ty), T::Tuple(_)) {
            let s = self.op_string(x);
            self.error_at_op(x, format!("multiple-value {s} in single-value context"));
            x.set_invalid();
        }
    }

    fn expr_internal(&mut self, x: &mut Operand<'a>, e: &'a Expr, hint: Option<TyId>) -> ExprClass {
        *x = Operand::invalid(Some(e));
        match &e.kind {
            ExprKind::Bad => {}
            ExprKind::Ident(id) => self.ident(x, e, id),
            ExprKind::BasicLit { kind, raw } => self.basic_lit(x, e, *kind, raw),
            ExprKind::FuncLit { sig, body } => {
                self.check_branches(body, e.id);
                let saved_func = self.func.take();
                let (t, objs) = self.func_type(sig, None, e.id);
                self.func = saved_func;
                let (scope, decl, iota) = (self.scope, self.cur_decl, self.iota.clone());
                let delayed =
                    crate::check::Delayed { sig: t, objs: objs.clone(), body, owner: e.id, scope, decl, iota };
                if self.func.is_none() {
                    // At package level: checked with the function bodies.
                    self.delayed.push(delayed);
                } else if let Some(lits) = self.local_type_lits.as_mut() {
                    lits.push(delayed);
                } else {
                    self.func_body(t, &objs, body, e.id);
                }
                x.mode = OpMode::Value;
                x.ty = t;
            }
            ExprKind::CompositeLit { ty, elems, rbrace } => self.composite_lit(x, e, ty.as_ref(), elems, *rbrace, hint),
            ExprKind::Paren(inner) => {
                let class = self.raw_expr(x, inner, hint);
                x.expr = Some(e);
                return class;
            }
            ExprKind::Selector { x: base, sel } => self.selector(x, e, base, sel),
            ExprKind::Index { x: base, indices } => self.index_expr(x, e, base, indices),
            ExprKind::Slice { x: base, lo, hi, max, three } => {
                self.slice_expr(x, e, base, [lo.as_deref(), hi.as_deref(), max.as_deref()], *three)
            }
            ExprKind::TypeAssert { x: base, ty } => {
                let Some(ty) = ty else {
                    // types2 checks nothing more of `x.(type)` here.
                    self.error(start_pos(e), "invalid syntax tree: use of .(type) outside type switch");
                    self.use_expr(base);
                    x.set_invalid();
                    return ExprClass::Expression;
                };
                self.expr(x, base);
                if x.is_invalid() {
                    x.expr = Some(e);
                    return ExprClass::Expression;
                }
                if !self.tys.is_interface(x.ty) {
                    let s = self.op_string(x);
                    let msg = match self.tys.get(x.ty) {
                        T::TypeParam(_) => format!("cannot use type assertion on type parameter value {s}"),
                        _ => format!("{s} is not an interface"),
                    };
                    self.error_at_op(x, format!("{INVALID_OP}{msg}"));
                    x.set_invalid();
                    return ExprClass::Expression;
                }
                let t = self.var_type(ty);
                if t == INVALID || !self.is_complete(t) {
                    x.set_invalid();
                    return ExprClass::Expression;
                }
                self.type_assertion(expr_string(e), start_pos(e), x, t, false);
                x.mode = OpMode::CommaOk;
                x.ty = t;
                x.expr = Some(e);
            }
            ExprKind::Call { .. } => return self.call_expr(x, e),
            ExprKind::Star(inner) => {
                self.expr_or_type(x, inner);
                x.expr = Some(e);
                match x.mode {
                    OpMode::Invalid => {}
                    OpMode::TypeExpr => {
                        // A pointer's base type is a variable's (types2's varType).
                        if !matches!(self.tys.get(x.ty), T::TypeParam(_)) {
                            self.later.push(crate::check::LaterCheck::VarType(x.ty, start_pos(inner)));
                        }
                        x.ty = self.tys.intern(T::Pointer(x.ty));
                    }
                    OpMode::Nil => {
                        self.error_at_op(x, format!("{INVALID_OP}cannot indirect nil"));
                        x.set_invalid();
                    }
                    _ => match self.pointer_base(x.ty) {
                        // Through a pointer to a type being declared, no.
                        Ok(b) if !self.is_complete(b) => x.set_invalid(),
                        Ok(b) => {
                            x.mode = OpMode::Variable;
                            x.ty = b;
                        }
                        Err(cause) => {
                            let s = self.op_string(&Operand { expr: Some(inner), ..x.clone() });
                            self.error(start_pos(inner), format!("{INVALID_OP}{}", cause.replace("{}", &s)));
                            x.set_invalid();
                        }
                    },
                }
            }
            ExprKind::Unary { op, x: inner } => {
                self.unary(x, e, *op, inner);
                if *op == UnaryOp::Recv && !x.is_invalid() {
                    // Receive operations may appear in statement context.
                    return ExprClass::Statement;
                }
            }
            ExprKind::Binary { op, x: l, y: r } => self.binary(x, Some(e), l, r, *op, e.pos),
            ExprKind::Type(t) => {
                let ty = self.typ(t);
                if ty != INVALID {
                    x.mode = OpMode::TypeExpr;
                    x.ty = ty;
                }
            }
        }
        ExprClass::Expression
    }

    // ------------------------------------------------------------------
    // Names and literals.

    fn ident(&mut self, x: &mut Operand<'a>, e: &'a Expr, id: &'a syntax::ast::Ident) {
        let Some(o) = self.lookup(&id.name) else {
            if id.name == "_" {
                self.error(id.pos, "cannot use _ as value or type");
            } else {
                self.error(id.pos, format!("undefined: {}", id.name));
            }
            return;
        };
        // A package name outside a selector is an error, not a use of the
        // import (which may then be unused as well, as gc reports).
        if !matches!(self.obj(o).kind, ObjKind::PkgName(_)) {
            self.use_obj(id.id, o);
        }
        self.object_operand(x, id, o);
        let _ = e;
    }

    /// Makes `x` the operand denoted by object `o`, named by `id` (a plain
    /// identifier, or the selector of a qualified identifier).
    fn object_operand(&mut self, x: &mut Operand<'a>, id: &syntax::ast::Ident, o: crate::model::ObjId) {
        let kind = self.obj(o).kind.clone();
        match kind {
            ObjKind::PkgName(_) => {
                self.error(id.pos, format!("use of package {} not in selector", id.name));
            }
            ObjKind::Const(_) => {
                self.obj_decl(o);
                let t = self.obj_ty(o);
                if t == INVALID {
                    return;
                }
                if o == self.universe_iota {
                    match &self.iota {
                        Some(v) => x.val = v.clone(),
                        None => {
                            self.error(id.pos, "cannot use iota outside constant declaration");
                            return;
                        }
                    }
                } else {
                    x.val = self.objs[o.0 as usize].val.clone();
                }
                x.mode = OpMode::Constant;
                x.ty = t;
            }
            ObjKind::TypeName => {
                self.obj_decl(o);
                x.mode = OpMode::TypeExpr;
                x.ty = self.obj_ty(o);
                if x.ty == INVALID {
                    x.set_invalid();
                }
            }
            ObjKind::Var(_) => {
                self.obj_decl(o);
                let t = self.obj_ty(o);
                if t == INVALID {
                    return;
                }
                x.mode = OpMode::Variable;
                x.ty = t;
            }
            ObjKind::Func { .. } => {
                self.obj_decl(o);
                let t = self.obj_ty(o);
                if t == INVALID {
                    return;
                }
                x.mode = OpMode::Value;
                x.ty = t;
            }
            ObjKind::Builtin(b) => {
                x.mode = OpMode::Builtin(b);
                x.ty = INVALID;
            }
            ObjKind::Nil => {
                x.mode = OpMode::Nil;
                x.ty = basic(BasicKind::UntypedNil);
            }
            ObjKind::Label => {}
        }
    }

    /// Reports a numeric literal written in a form newer than the file's
    /// language version (go1.13's, as types2's `langCompat` finds them).
    fn literal_version(&mut self, pos: Pos, kind: LitKind, raw: &str) {
        let b = raw.as_bytes();
        if b.len() <= 2 || self.allows(pos, LangVersion::GO1_13) {
            return;
        }
        let what = if raw.contains('_') {
            "underscore in numeric literal"
        } else if b[0] != b'0' {
            return;
        } else {
            match b[1] {
                b'b' | b'B' => "binary literal",
                b'o' | b'O' => "0o/0O-style octal literal",
                b'x' | b'X' if kind != LitKind::Int => "hexadecimal floating-point literal",
                _ => return,
            }
        };
        self.require_version(pos, what, LangVersion::GO1_13);
    }

    fn basic_lit(&mut self, x: &mut Operand<'a>, e: &'a Expr, kind: LitKind, raw: &str) {
        if matches!(kind, LitKind::Int | LitKind::Float | LitKind::Imag) && raw.len() > 10000 {
            self.error(e.pos, format!("excessively long constant: {}... ({} chars)", &raw[..10], raw.len()));
            return;
        }
        if matches!(kind, LitKind::Int | LitKind::Float | LitKind::Imag) {
            self.literal_version(e.pos, kind, raw);
        }
        let Some(v) = constant::from_literal(kind, raw) else {
            self.error(e.pos, format!("malformed constant: {raw}"));
            return;
        };
        x.mode = OpMode::Constant;
        x.ty = basic(match kind {
            LitKind::Int => BasicKind::UntypedInt,
            LitKind::Float => BasicKind::UntypedFloat,
            LitKind::Imag => BasicKind::UntypedComplex,
            LitKind::Rune => BasicKind::UntypedRune,
            LitKind::String => BasicKind::UntypedString,
        });
        x.val = v;
        // An integer literal may not exceed the constant precision either.
        x.expr = Some(e);
        self.overflow(x, e.pos);
    }

    // ------------------------------------------------------------------
    // Untyped operands.

    /// types2's `updateExprType`: gives `e` (and its untyped operands) the
    /// type `ty`; `final_` means no further changes are possible.
    pub(crate) fn update_expr_type(&mut self, e: &'a Expr, ty: TyId, final_: bool) {
        self.update_expr_type0(e, ty, final_);
    }

    fn update_expr_type0(&mut self, e: &'a Expr, ty: TyId, final_: bool) {
        let Some(mut old) = self.untyped.get(&e.id).cloned() else {
            return;
        };
        match &e.kind {
            ExprKind::Call { .. } | ExprKind::Ident(_) | ExprKind::BasicLit { .. } | ExprKind::Selector { .. } => {}
            ExprKind::Paren(x) => self.update_expr_type0(x, ty, final_),
            ExprKind::Unary { x, .. } => {
                if old.val.is_none() {
                    self.update_expr_type0(x, ty, final_);
                }
            }
            ExprKind::Binary { op, x, y } => {
                if old.val.is_none() {
                    if is_comparison(*op) {
                        // The result type is independent of the operand types.
                    } else if is_shift(*op) {
                        self.update_expr_type0(x, ty, final_);
                    } else {
                        self.update_expr_type0(x, ty, final_);
                        self.update_expr_type0(y, ty, final_);
                    }
                }
            }
            _ => return,
        }
        if !final_ && self.tys.is_untyped(ty) {
            old.ty = self.tys.under(ty);
            self.untyped.insert(e.id, old);
            return;
        }
        self.untyped.remove(&e.id);
        if old.is_lhs && !self.tys.is_integer(ty) {
            let (es, s) = (expr_string(e), self.ts(ty));
            self.error(start_pos(e), format!("{INVALID_OP}shifted operand {es} (type {s}) must be integer"));
            return;
        }
        let mut val = old.val.clone();
        if let Some(v) = &old.val {
            let mut c = Operand { mode: OpMode::Constant, ty: old.ty, val: v.clone(), expr: Some(e) };
            self.convert_untyped(&mut c, ty);
            if c.is_invalid() {
                return;
            }
            val = Some(c.val);
        }
        self.record_type(e.id, old.mode, ty, val.as_ref());
    }

    fn update_expr_val(&mut self, e: Option<&'a Expr>, v: &Value) {
        if let Some(e) = e
            && let Some(u) = self.untyped.get_mut(&e.id)
        {
            u.val = Some(v.clone());
        }
    }

    /// Converts an untyped operand to `target` (types2's `convertUntyped`).
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TyId) {
        match self.implicit_type_and_value(x, target) {
            Err(code) => {
                let t = self.tys.under(target);
                self.invalid_conversion(code, x, t);
                x.set_invalid();
            }
            Ok((nt, val)) => {
                if let Some(v) = val {
                    self.update_expr_val(x.expr, &v);
                    x.val = v;
                }
                if nt != x.ty {
                    x.ty = nt;
                    if let Some(e) = x.expr {
                        self.update_expr_type(e, nt, false);
                    }
                }
            }
        }
    }

    pub(crate) fn invalid_conversion(&mut self, code: ConvCode, x: &Operand<'a>, target: TyId) {
        let (xs, ts) = (self.op_string(x), self.ts(target));
        let msg = match code {
            ConvCode::Truncated => format!("{xs} truncated to {ts}"),
            ConvCode::Overflow => format!("{xs} overflows {ts}"),
            _ => format!("cannot convert {xs} to type {ts}"),
        };
        self.error_at_op(x, msg);
    }

    /// The type (and rounded value) an untyped operand takes in a context of
    /// type `target`.
    pub(crate) fn implicit_type_and_value(
        &mut self,
        x: &Operand<'a>,
        target: TyId,
    ) -> Result<(TyId, Option<Value>), ConvCode> {
        if x.is_invalid() || self.tys.is_typed(x.ty) || target == INVALID {
            return Ok((x.ty, None));
        }
        if self.tys.is_untyped(target) {
            let xk = self.tys.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
            let tk = self.tys.basic_kind(target).unwrap_or(BasicKind::Invalid);
            if xk.is_numeric() && tk.is_numeric() {
                if untyped_rank(xk) < untyped_rank(tk) {
                    return Ok((target, None));
                }
            } else if xk != tk {
                return Err(ConvCode::InvalidUntyped);
            }
            return Ok((x.ty, None));
        }
        if let Some(terms) = self.tys.tparam_terms(target) {
            // Each type of the type set must take the operand; nil stays
            // untyped (types2).
            if x.is_nil() {
                return if self.tys.has_nil(target) { Ok((x.ty, None)) } else { Err(ConvCode::InvalidUntyped) };
            }
            if terms.is_empty() || terms.iter().any(|t| self.implicit_type_and_value(x, t.ty).is_err()) {
                return Err(ConvCode::InvalidUntyped);
            }
            return Ok((target, None));
        }
        if x.is_nil() {
            return if self.tys.has_nil(target) { Ok((target, None)) } else { Err(ConvCode::InvalidUntyped) };
        }
        let u = self.tys.under(target);
        match self.tys.get(u).clone() {
            T::Basic(k) | T::Alias(_, k) => {
                if x.is_const() {
                    let v = self.representation(x, k)?;
                    return Ok((target, Some(v)));
                }
                let xk = self.tys.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
                let ok = match xk {
                    BasicKind::UntypedBool => self.tys.is_boolean(target),
                    BasicKind::UntypedInt
                    | BasicKind::UntypedRune
                    | BasicKind::UntypedFloat
                    | BasicKind::UntypedComplex => self.tys.is_numeric(target),
                    BasicKind::UntypedString => self.tys.is_string(target),
                    _ => false,
                };
                if !ok {
                    return Err(ConvCode::InvalidUntyped);
                }
            }
            T::Interface { methods, .. } => {
                if !methods.is_empty() {
                    return Err(ConvCode::InvalidUntyped);
                }
                return Ok((self.tys.default_type(x.ty), None));
            }
            _ => return Err(ConvCode::InvalidUntyped),
        }
        Ok((target, None))
    }

    /// The value of constant `x` in basic kind `k`, or why it does not fit.
    pub(crate) fn representation(&self, x: &Operand<'a>, k: BasicKind) -> Result<Value, ConvCode> {
        match representable_const(&x.val, k) {
            Some(v) => Ok(v),
            None => {
                let xk = self.tys.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
                if xk.is_numeric() && k.is_numeric() {
                    if !xk.is_integer() && k.is_integer() { Err(ConvCode::Truncated) } else { Err(ConvCode::Overflow) }
                } else {
                    Err(ConvCode::InvalidConst)
                }
            }
        }
    }

    /// Checks that constant `x` fits its (typed) type, rounding it.
    pub(crate) fn representable(&mut self, x: &mut Operand<'a>, t: TyId) {
        let k = self.tys.basic_kind(t).unwrap_or(BasicKind::Invalid);
        match self.representation(x, k) {
            Ok(v) => x.val = v,
            Err(code) => {
                self.invalid_conversion(code, x, t);
                x.set_invalid();
            }
        }
    }

    /// Checks a constant result (types2's `overflow`).
    fn overflow(&mut self, x: &mut Operand<'a>, op_pos: Pos) {
        if x.val == Value::Unknown {
            self.error(op_pos, "constant result is not representable");
            return;
        }
        if self.tys.is_typed(x.ty) {
            let u = self.tys.under(x.ty);
            self.representable(x, u);
            return;
        }
        if let Value::Int(i) = &x.val
            && constant::bit_len(i) > constant::INT_PREC
        {
            let name = match x.expr.map(|e| &e.kind) {
                Some(ExprKind::Binary { op, .. }) => match op {
                    BinaryOp::Add => "addition",
                    BinaryOp::Sub => "subtraction",
                    BinaryOp::Xor => "bitwise XOR",
                    BinaryOp::Mul => "multiplication",
                    BinaryOp::Shl => "shift",
                    _ => "",
                },
                Some(ExprKind::Unary { op: UnaryOp::BitNot, .. }) => "bitwise complement",
                _ => "",
            };
            let op = if name.is_empty() { String::new() } else { format!("{name} ") };
            self.error(op_pos, format!("constant {op}overflow"));
            x.val = Value::Unknown;
        }
    }

    // ------------------------------------------------------------------
    // Operators.

    /// types2's `op`: unless the operator is `defined` on `x`'s type,
    /// reports `operator op not defined on x` and invalidates `x`. Returns
    /// `defined`.
    fn op_defined(&mut self, x: &mut Operand<'a>, op: &str, defined: bool) -> bool {
        if !defined {
            let s = self.op_string(x);
            self.error_at_op(x, format!("{INVALID_OP}operator {op} not defined on {s}"));
            x.set_invalid();
        }
        defined
    }

    fn unary(&mut self, x: &mut Operand<'a>, e: &'a Expr, op: UnaryOp, inner: &'a Expr) {
        self.expr(x, inner);
        if x.is_invalid() {
            return;
        }
        match op {
            UnaryOp::Addr => {
                if !matches!(unparen(inner).kind, ExprKind::CompositeLit { .. }) && x.mode != OpMode::Variable {
                    let s = self.op_string(x);
                    self.error_at_op(x, format!("{INVALID_OP}cannot take address of {s}"));
                    x.set_invalid();
                    return;
                }
                self.mark_addr_taken(inner);
                x.mode = OpMode::Value;
                x.ty = self.tys.intern(T::Pointer(x.ty));
                x.expr = Some(e);
                return;
            }
            UnaryOp::Recv => {
                let s = self.op_string(x);
                if matches!(self.tys.get(x.ty), T::TypeParam(_)) {
                    match self.tparam_chan(x.ty, true) {
                        Ok(elem) => {
                            x.mode = OpMode::CommaOk;
                            x.ty = elem;
                        }
                        Err(cause) => {
                            self.error_at_op(x, format!("{INVALID_OP}cannot receive from {s}: {cause}"));
                            x.set_invalid();
                        }
                    }
                    x.expr = Some(e);
                    return;
                }
                match self.tys.get(self.tys.core(x.ty)).clone() {
                    T::Chan(dir, elem) => {
                        if dir == syntax::ast::ChanDir::Send {
                            self.error_at_op(x, format!("{INVALID_OP}cannot receive from send-only channel {s}"));
                            x.set_invalid();
                            return;
                        }
                        x.mode = OpMode::CommaOk;
                        x.ty = elem;
                        if !self.is_complete(elem) {
                            x.set_invalid();
                            return;
                        }
                    }
                    _ => {
                        self.error_at_op(x, format!("{INVALID_OP}cannot receive from non-channel {s}"));
                        x.set_invalid();
                    }
                }
                x.expr = Some(e);
                return;
            }
            // gc goes on with an integer operand as if `^` had been written.
            UnaryOp::Tilde if self.tys.is_integer(x.ty) => {
                self.error(
                    e.pos,
                    "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)",
                );
            }
            UnaryOp::Tilde => {
                self.error(e.pos, "cannot use ~ outside of interface or type constraint");
                x.set_invalid();
                return;
            }
            _ => {}
        }
        let op = if op == UnaryOp::Tilde { UnaryOp::BitNot } else { op };
        let ok = match op {
            UnaryOp::Pos | UnaryOp::Neg => self.tys.is_numeric(x.ty),
            UnaryOp::BitNot => self.tys.is_integer(x.ty),
            UnaryOp::Not => self.tys.is_boolean(x.ty),
            _ => false,
        };
        if !self.op_defined(x, op.as_str(), ok) {
            return;
        }
        if x.is_const() {
            if x.val == Value::Unknown {
                x.expr = Some(e);
                return;
            }
            let prec = if self.tys.is_unsigned(x.ty) {
                self.tys.basic_kind(x.ty).map(|k| k.size() * 8).unwrap_or(0) as u32
            } else {
                0
            };
            x.val = x.val.unary(op, prec);
            x.expr = Some(e);
            self.overflow(x, e.pos);
            return;
        }
        x.mode = OpMode::Value;
        x.expr = Some(e);
    }

    /// Marks the variable under `&x` (or `&x.f`, `&x[i]` of an array) as address-taken.
    pub(crate) fn mark_addr_taken(&mut self, e: &Expr) {
        let mut e = unparen(e);
        loop {
            match &e.kind {
                ExprKind::Selector { x, .. } => {
                    if let Some(sel) = self.info.selections.get(&e.id)
                        && sel.indirect
                    {
                        return;
                    }
                    e = unparen(x);
                }
                ExprKind::Index { x, .. } => {
                    let table = &self.tys.table;
                    let is_array =
                        self.info.types.get(&x.id).is_some_and(|tv| {
                            matches!(table.get(table.underlying(tv.ty)), crate::model::Type::Array(..))
                        });
                    if !is_array {
                        return;
                    }
                    e = unparen(x);
                }
                ExprKind::Ident(id) => {
                    if let Some(&o) = self.info.uses.get(&id.id)
                        && let Some(v) = self.var_info(o)
                    {
                        v.addr_taken = true;
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    /// A binary expression `l op r` (`e` is `None` for an assignment `l op= r`).
    pub(crate) fn binary(
        &mut self,
        x: &mut Operand<'a>,
        e: Option<&'a Expr>,
        l: &'a Expr,
        r: &'a Expr,
        op: BinaryOp,
        op_pos: Pos,
    ) {
        let mut y = Operand::invalid(None);
        self.expr(x, l);
        self.expr(&mut y, r);
        if x.is_invalid() {
            return;
        }
        if y.is_invalid() {
            x.set_invalid();
            x.expr = y.expr;
            return;
        }
        if is_shift(op) {
            self.shift(x, &mut y, e, op);
            return;
        }
        // types2's `mayConvert`: whether converting an untyped operand to
        // the other's type may succeed (else the types mismatch).
        let can_mix = {
            let t = &self.tys;
            if !t.is_untyped(x.ty) && !t.is_untyped(y.ty) || t.is_numeric(x.ty) != t.is_numeric(y.ty) {
                false
            } else if t.is_interface(x.ty) || t.is_interface(y.ty) {
                true
            } else if x.is_nil() || y.is_nil() {
                t.is_boolean(x.ty) == t.is_boolean(y.ty)
                    && t.is_string(x.ty) == t.is_string(y.ty)
                    && (!x.is_nil() || t.has_nil(y.ty))
                    && (!y.is_nil() || t.has_nil(x.ty))
            } else {
                t.is_boolean(x.ty) == t.is_boolean(y.ty)
                    && t.is_string(x.ty) == t.is_string(y.ty)
                    && !matches!(t.get(t.under(x.ty)), T::Pointer(_))
                    && !matches!(t.get(t.under(y.ty)), T::Pointer(_))
            }
        };
        if can_mix {
            let yt = y.ty;
            self.convert_untyped(x, yt);
            if x.is_invalid() {
                return;
            }
            let xt = x.ty;
            self.convert_untyped(&mut y, xt);
            if y.is_invalid() {
                x.set_invalid();
                return;
            }
        }
        if is_comparison(op) {
            self.comparison(x, &mut y, op, false);
            if let Some(e) = e {
                x.expr = Some(e);
            }
            return;
        }
        if !self.tys.identical(x.ty, y.ty) {
            if x.ty != INVALID && y.ty != INVALID {
                let (xs, ys) = (self.ts(x.ty), self.ts(y.ty));
                let what = match e {
                    Some(e) => expr_string(e),
                    None => format!("{} {}= {}", expr_string(l), op.as_str(), expr_string(r)),
                };
                self.error_at_op(x, format!("{INVALID_OP}{what} (mismatched types {xs} and {ys})"));
            }
            x.set_invalid();
            return;
        }
        let ok = match op {
            BinaryOp::Add => self.tys.is_numeric_or_string(x.ty),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => self.tys.is_numeric(x.ty),
            BinaryOp::Rem | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::AndNot => {
                self.tys.is_integer(x.ty)
            }
            BinaryOp::AndAnd | BinaryOp::OrOr => self.tys.is_boolean(x.ty),
            _ => false,
        };
        if !self.op_defined(x, op.as_str(), ok) {
            return;
        }
        if matches!(op, BinaryOp::Div | BinaryOp::Rem)
            && (x.is_const() || self.tys.is_integer(x.ty))
            && y.is_const()
            && (y.val.sign() == 0 || (x.is_const() && self.tys.is_complex(x.ty) && complex_squares_vanish(&y.val)))
        {
            self.error_at_op(&y, format!("{INVALID_OP}division by zero"));
            x.set_invalid();
            return;
        }
        if x.is_const() && y.is_const() {
            if x.val == Value::Unknown || y.val == Value::Unknown {
                x.val = Value::Unknown;
                x.expr = e;
                return;
            }
            let cop = match op {
                BinaryOp::Add => Op::Add,
                BinaryOp::Sub => Op::Sub,
                BinaryOp::Mul => Op::Mul,
                BinaryOp::Div if self.tys.is_integer(x.ty) => Op::QuoInt,
                BinaryOp::Div => Op::Quo,
                BinaryOp::Rem => Op::Rem,
                BinaryOp::And => Op::And,
                BinaryOp::Or => Op::Or,
                BinaryOp::Xor => Op::Xor,
                BinaryOp::AndNot => Op::AndNot,
                BinaryOp::AndAnd => Op::LAnd,
                _ => Op::LOr,
            };
            x.val = x.val.binary(cop, &y.val);
            x.expr = e;
            self.overflow(x, op_pos);
            return;
        }
        x.mode = OpMode::Value;
        if let Some(e) = e {
            x.expr = Some(e);
        }
    }

    fn shift(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>, e: Option<&'a Expr>, op: BinaryOp) {
        let xval = if x.is_const() { x.val.to_int() } else { Value::Unknown };
        let x_int_const = self.tys.is_untyped(x.ty) && matches!(xval, Value::Int(_));
        if !(self.tys.is_integer(x.ty) || x_int_const) {
            let s = self.op_string(x);
            self.error_at_op(x, format!("{INVALID_OP}shifted operand {s} must be integer"));
            x.set_invalid();
            return;
        }
        if y.is_const() {
            let yval = y.val.to_int();
            if let Value::Int(i) = &yval
                && i.sign() == num_bigint::Sign::Minus
            {
                let s = self.op_string(y);
                self.error_at_op(y, format!("{INVALID_OP}negative shift count {s}"));
                x.set_invalid();
                return;
            }
            if self.tys.is_untyped(y.ty) {
                self.representable(y, basic(BasicKind::Uint));
                if y.is_invalid() {
                    x.set_invalid();
                    return;
                }
                // Recorded as the uint it is (`x << (M+0.)` with M =
                // MaxUint shifts by MaxUint), not its default type.
                self.convert_untyped(y, basic(BasicKind::Uint));
            }
        } else if self.tys.is_integer(y.ty) {
            let pos = y.start_pos();
            if !self.tys.is_unsigned(y.ty) && !self.allows(pos, LangVersion::GO1_13) {
                let s = self.op_string(y);
                self.require_version(pos, &format!("{INVALID_OP}signed shift count {s}"), LangVersion::GO1_13);
                x.set_invalid();
                return;
            }
        } else if self.tys.is_untyped(y.ty) {
            self.convert_untyped(y, basic(BasicKind::Uint));
            if y.is_invalid() {
                x.set_invalid();
                return;
            }
        } else {
            let s = self.op_string(y);
            self.error_at_op(y, format!("{INVALID_OP}shift count {s} must be integer"));
            x.set_invalid();
            return;
        }
        if x.is_const() {
            if y.is_const() {
                if x.val == Value::Unknown || y.val == Value::Unknown {
                    x.val = Value::Unknown;
                    if !self.tys.is_integer(x.ty) {
                        x.ty = basic(BasicKind::UntypedInt);
                    }
                    return;
                }
                const SHIFT_BOUND: u64 = 1023 - 1 + 52;
                // A typed constant count need not be an integer (`s float32
                // = 2`): its integer value counts, as in types2.
                let s = y.val.to_int().as_u64();
                let Some(s) = s.filter(|&s| s <= SHIFT_BOUND) else {
                    let ys = self.op_string(y);
                    self.error_at_op(y, format!("{INVALID_OP}invalid shift count {ys}"));
                    x.set_invalid();
                    return;
                };
                if !self.tys.is_integer(x.ty) {
                    x.ty = basic(BasicKind::UntypedInt);
                }
                x.val = xval.shift(op == BinaryOp::Shl, s);
                x.expr = e;
                let pos = e.map(|e| e.pos).unwrap_or(Pos::NONE);
                self.overflow(x, pos);
                return;
            }
            if self.tys.is_untyped(x.ty) {
                // Non-constant shift of an untyped constant: its type is
                // decided by the context (updateExprType checks it).
                if let Some(xe) = x.expr
                    && let Some(u) = self.untyped.get_mut(&xe.id)
                {
                    u.is_lhs = true;
                }
                x.mode = OpMode::Value;
                if let Some(e) = e {
                    x.expr = Some(e);
                }
                return;
            }
        }
        if !self.tys.is_integer(x.ty) {
            let s = self.op_string(x);
            self.error_at_op(x, format!("{INVALID_OP}shifted operand {s} must be integer"));
            x.set_invalid();
            return;
        }
        // The type checker lets a typed constant count of another type
        // through; gc's back end refuses it when the shift is not constant.
        if y.is_const() && self.tys.is_typed(y.ty) && !self.tys.is_integer(y.ty) {
            let (xs, ts, v) = (x.expr.map(expr_string).unwrap_or_default(), self.ts(y.ty), y.val.to_int());
            let o = if op == BinaryOp::Shl { "<<" } else { ">>" };
            let pos = e.map_or_else(|| y.start_pos(), |e| e.pos);
            self.error(pos, format!("{INVALID_OP}{xs} {o} {ts}({v}) (shift count type {ts}, must be integer)"));
            x.set_invalid();
            return;
        }
        x.mode = OpMode::Value;
        if let Some(e) = e {
            x.expr = Some(e);
        }
    }

    /// A comparison (`switch_case`: `x` is a case value, `y` the tag).
    pub(crate) fn comparison(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>, op: BinaryOp, switch_case: bool) {
        let op = if switch_case { BinaryOp::Eq } else { op };
        let mut err_on_y = false;
        let mut cause = String::new();
        let ok = self.assignable_to(x, y.ty, None) || self.assignable_to(y, x.ty, None);
        let mut failed = false;
        if !ok {
            err_on_y = true;
            cause = format!("mismatched types {} and {}", self.ts(x.ty), self.ts(y.ty));
            failed = true;
        } else {
            match op {
                BinaryOp::Eq | BinaryOp::Ne => {
                    if x.is_nil() || y.is_nil() {
                        let t = if x.is_nil() { y.ty } else { x.ty };
                        if !self.tys.has_nil(t) {
                            err_on_y = true;
                            failed = true;
                        }
                    } else if !self.tys.comparable(x.ty) {
                        cause = self.incomparable_cause(x.ty);
                        failed = true;
                    } else if !self.tys.comparable(y.ty) {
                        err_on_y = true;
                        cause = self.incomparable_cause(y.ty);
                        failed = true;
                    }
                }
                _ => {
                    if !self.tys.is_ordered(x.ty) {
                        failed = true;
                    } else if !self.tys.is_ordered(y.ty) {
                        err_on_y = true;
                        failed = true;
                    }
                }
            }
        }
        if failed {
            let is_tp = |c: &Self, t: TyId| matches!(c.tys.get(t), T::TypeParam(_));
            if cause.is_empty() && (is_tp(self, x.ty) || is_tp(self, y.ty)) {
                if !is_tp(self, x.ty) {
                    err_on_y = true;
                }
                let t = if err_on_y { y.ty } else { x.ty };
                cause = format!("type parameter {} cannot use operator {}", self.ts(t), op.as_str());
            }
            let err_ty = if err_on_y { y.ty } else { x.ty };
            if cause.is_empty() {
                cause = format!("operator {} not defined on {}", op.as_str(), self.kind_string(err_ty));
            }
            let xs = x.expr.map(expr_string).unwrap_or_default();
            let ys = y.expr.map(expr_string).unwrap_or_default();
            if switch_case {
                self.error_at_op(x, format!("invalid case {xs} in switch on {ys} ({cause})"));
            } else {
                let at = if err_on_y { y.start_pos() } else { x.start_pos() };
                self.error(at, format!("{INVALID_OP}{xs} {} {ys} ({cause})", op.as_str()));
            }
            x.set_invalid();
            return;
        }
        if x.is_const() && y.is_const() {
            let c = match op {
                BinaryOp::Eq => Cmp::Eq,
                BinaryOp::Ne => Cmp::Ne,
                BinaryOp::Lt => Cmp::Lt,
                BinaryOp::Le => Cmp::Le,
                BinaryOp::Gt => Cmp::Gt,
                _ => Cmp::Ge,
            };
            x.val = Value::Bool(x.val.compare(c, &y.val));
        } else {
            x.mode = OpMode::Value;
            let (dx, dy) = (self.tys.default_type(x.ty), self.tys.default_type(y.ty));
            if let Some(xe) = x.expr {
                self.update_expr_type(xe, dx, true);
            }
            if let Some(ye) = y.expr {
                self.update_expr_type(ye, dy, true);
            }
        }
        x.ty = basic(BasicKind::UntypedBool);
    }

    fn incomparable_cause(&self, t: TyId) -> String {
        match self.tys.get(self.tys.under(t)) {
            T::TypeParam(p) => {
                // A set that requires comparable types but has only others
                // is empty too.
                let set = self.tys.tparam_set(*p).1;
                let empty = set.terms.as_ref().is_some_and(|ts| {
                    ts.is_empty() || (set.comparable && ts.iter().all(|t| !self.tys.comparable(t.ty)))
                });
                if empty { "empty type set" } else { "incomparable types in type set" }.into()
            }
            T::Slice(_) | T::Func(_) | T::Map(..) => {
                format!("{} can only be compared to nil", self.kind_string(t))
            }
            T::Struct(fs) => {
                for f in fs {
                    if !self.tys.comparable(f.ty) {
                        return format!("struct containing {} cannot be compared", self.ts(f.ty));
                    }
                }
                String::new()
            }
            T::Array(..) => format!("{} cannot be compared", self.ts(t)),
            _ => String::new(),
        }
    }

    fn kind_string(&self, t: TyId) -> String {
        match self.tys.get(self.tys.under(t)) {
            T::Array(..) => "array".into(),
            T::Slice(_) => "slice".into(),
            T::Struct(_) => "struct".into(),
            T::Pointer(_) => "pointer".into(),
            T::Func(_) => "func".into(),
            T::Interface { .. } => "interface".into(),
            T::Map(..) => "map".into(),
            T::Chan(..) => "chan".into(),
            _ => self.ts(t),
        }
    }

    // ------------------------------------------------------------------
    // Composite literals.

    fn composite_lit(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        ty: Option<&'a syntax::ast::Type>,
        elems: &'a [KeyedElement],
        rbrace: Pos,
        hint: Option<TyId>,
    ) {
        let (typ, base) = match (ty, hint) {
            (Some(t), _) => {
                if let TypeKind::Array { len: None, elem } = &t.kind {
                    // [...]T: the length comes from the elements.
                    let et = self.var_type(elem);
                    if et == INVALID {
                        self.use_elems(elems);
                        return;
                    }
                    let n = self.indexed_elts(elems, et, None);
                    let at = self.tys.intern(T::Array(n, et));
                    self.record_type(t.id, Mode::TypeExpr, at, None);
                    x.mode = OpMode::Value;
                    x.ty = at;
                    return;
                }
                let ty = self.typ(t);
                // An alias being declared may already denote its type
                // (`alias_known_type`), which is not complete all the same.
                if self.names_incomplete_alias(t) {
                    self.use_elems(elems);
                    return;
                }
                (ty, ty)
            }
            (None, Some(h)) => {
                let base = match self.tys.get(self.tys.core(h)) {
                    T::Pointer(b) => *b,
                    _ => h,
                };
                (h, base)
            }
            (None, None) => {
                self.error(e.pos, "missing type in composite literal");
                self.use_elems(elems);
                return;
            }
        };
        // A literal of a type being declared needs its structure.
        if !self.is_complete(base) {
            self.use_elems(elems);
            return;
        }
        let common = self.tys.common_under(base, false);
        let utyp = common.unwrap_or(base);
        match self.tys.get(utyp).clone() {
            T::Struct(fields) => {
                // The unexported fields of another package's type cannot
                // be set.
                let foreign = matches!(self.tys.get(base), T::Named(o) if self.obj(*o).pkg != Some(self.cur_pkg()));
                if !elems.is_empty() {
                    if elems[0].key.is_some() {
                        // The field paths set so far, with their names.
                        let mut visited: Vec<(Vec<usize>, String)> = Vec::new();
                        for kv in elems {
                            let Some(key) = &kv.key else {
                                self.error(
                                    start_pos(&kv.value),
                                    "mixture of field:value and value elements in struct literal",
                                );
                                continue;
                            };
                            let mut v = Operand::invalid(None);
                            let ExprKind::Ident(kid) = &key.kind else {
                                self.expr(&mut v, &kv.value);
                                let ks = expr_string(key);
                                self.error(start_pos(key), format!("invalid field name {ks} in struct literal"));
                                continue;
                            };
                            let hidden = |f: &crate::types::Field| foreign && !is_exported(&f.name);
                            let direct = fields.iter().position(|f| f.name == kid.name && f.name != "_" && !hidden(f));
                            let found = match direct {
                                Some(i) => Some((vec![i], fields[i].ty)),
                                None => self.promoted_lit_field(base, key, &kid.name),
                            };
                            let Some((path, ft)) = found else {
                                self.expr(&mut v, &kv.value);
                                let msg = self.unknown_lit_field(base, utyp, &kid.name);
                                self.error(kid.pos, msg);
                                continue;
                            };
                            // Struct literal elements never get an element type hint.
                            self.generic_expr(&mut v, &kv.value, None);
                            self.assignment(&mut v, Some(ft), "struct literal");
                            if let Some(msg) = lit_field_conflict(&visited, &path, &kid.name) {
                                self.error(start_pos(key), msg);
                                continue;
                            }
                            visited.push((path, kid.name.clone()));
                        }
                    } else {
                        for (i, kv) in elems.iter().enumerate() {
                            if let Some(k) = &kv.key {
                                self.error(start_pos(k), "mixture of field:value and value elements in struct literal");
                                continue;
                            }
                            let mut v = Operand::invalid(None);
                            self.generic_expr(&mut v, &kv.value, None);
                            let Some(f) = fields.get(i) else {
                                let bs = self.ts(base);
                                self.error_at_op(&v, format!("too many values in struct literal of type {bs}"));
                                break;
                            };
                            if foreign && !is_exported(&f.name) {
                                let bs = self.ts(base);
                                let msg = format!(
                                    "implicit assignment to unexported field {} in struct literal of type {bs}",
                                    f.name
                                );
                                self.error_at_op(&v, msg);
                                continue;
                            }
                            let ft = f.ty;
                            self.assignment(&mut v, Some(ft), "struct literal");
                        }
                        if elems.len() < fields.len() {
                            let bs = self.ts(base);
                            let hint = if foreign && fields.iter().any(|f| !is_exported(&f.name)) {
                                " (type has unexported fields - use key:value pairs)"
                            } else {
                                ""
                            };
                            self.error(rbrace, format!("too few values in struct literal of type {bs}{hint}"));
                        }
                    }
                }
            }
            T::Array(n, elem) => {
                self.indexed_elts(elems, elem, Some(n));
            }
            T::Slice(elem) => {
                self.indexed_elts(elems, elem, None);
            }
            T::Map(k, v) => {
                // Constant keys seen, with their types: keys of an interface
                // key type are duplicates only when their types are identical
                // too (`1` and `int64(1)` are distinct keys); others when
                // their values are equal (`1` and `1.0` of a type parameter).
                let mut seen: Vec<(Value, TyId)> = Vec::new();
                let iface_key = self.tys.is_interface(k);
                for kv in elems {
                    let Some(key) = &kv.key else {
                        self.error(start_pos(&kv.value), "missing key in map literal");
                        continue;
                    };
                    let mut kx = Operand::invalid(None);
                    self.generic_expr(&mut kx, key, Some(k));
                    self.assignment(&mut kx, Some(k), "map literal");
                    if kx.is_const() && !kx.is_invalid() {
                        if seen.iter().any(|(s, t)| {
                            s.compare(Cmp::Eq, &kx.val)
                                && (!iface_key
                                    || (std::mem::discriminant(s) == std::mem::discriminant(&kx.val)
                                        && self.tys.identical(*t, kx.ty)))
                        }) {
                            let vs = kx.val.to_string();
                            self.error_at_op(&kx, format!("duplicate key {vs} in map literal"));
                            continue;
                        }
                        seen.push((kx.val.clone(), kx.ty));
                    }
                    let mut vx = Operand::invalid(None);
                    self.generic_expr(&mut vx, &kv.value, Some(v));
                    self.assignment(&mut vx, Some(v), "map literal");
                }
            }
            _ => {
                self.use_elems(elems);
                if self.tys.under(base) != INVALID {
                    let ts = self.ts(typ);
                    let elem = if ty.is_none() { " element" } else { "" };
                    let cause = if common.is_err() { " (no common underlying type)" } else { "" };
                    self.error(start_pos(e), format!("invalid composite literal{elem} type {ts}{cause}"));
                    return;
                }
                // An instance of invalid structure (wrong type argument
                // count) still types its literal, as types2's does.
                if !matches!(self.tys.get(base), T::Inst(..)) {
                    return;
                }
            }
        }
        x.mode = OpMode::Value;
        x.ty = typ;
    }

    /// Checks the elements of a composite literal whose type is invalid or
    /// missing, for their own errors. An element that is a literal without
    /// type has no type to miss (as gc judges): its elements are checked.
    fn use_elems(&mut self, elems: &'a [KeyedElement]) {
        for kv in elems {
            match &kv.value.kind {
                ExprKind::CompositeLit { ty: None, elems, .. } => self.use_elems(elems),
                _ => {
                    let mut v = Operand::invalid(None);
                    self.raw_expr(&mut v, &kv.value, None);
                }
            }
        }
    }

    /// Checks array/slice literal elements; returns the literal's length.
    fn indexed_elts(&mut self, elems: &'a [KeyedElement], elem: TyId, length: Option<u64>) -> u64 {
        let mut visited = std::collections::HashSet::new();
        let (mut index, mut max) = (0u64, 0u64);
        for kv in elems {
            let mut valid = false;
            if let Some(k) = &kv.key {
                let lim = length.map(|l| l as i64).unwrap_or(-1);
                let (t, i) = self.index(k, lim);
                if t != INVALID {
                    if i >= 0 {
                        index = i as u64;
                        valid = true;
                    } else {
                        let ks = expr_string(k);
                        self.error(start_pos(k), format!("index {ks} must be integer constant"));
                    }
                }
            } else if length.is_some_and(|l| index >= l) {
                let l = length.unwrap_or(0);
                self.error(start_pos(&kv.value), format!("index {index} is out of bounds (>= {l})"));
            } else {
                valid = true;
            }
            if valid && !visited.insert(index) {
                let at = kv.key.as_ref().map(start_pos).unwrap_or_else(|| start_pos(&kv.value));
                self.error(at, format!("duplicate index {index} in array or slice literal"));
            }
            index += 1;
            max = max.max(index);
            let mut v = Operand::invalid(None);
            self.generic_expr(&mut v, &kv.value, Some(elem));
            self.assignment(&mut v, Some(elem), "array or slice literal");
        }
        max
    }

    // ------------------------------------------------------------------
    // Index and slice expressions.

    /// Checks an index; returns its type and constant value (-1 if not constant).
    pub(crate) fn index(&mut self, e: &'a Expr, max: i64) -> (TyId, i64) {
        let mut x = Operand::invalid(None);
        self.expr(&mut x, e);
        if !self.is_valid_index(&mut x, "index", false) {
            return (INVALID, -1);
        }
        if !x.is_const() {
            return (x.ty, -1);
        }
        let Some(v) = x.val.as_i64() else {
            return (INVALID, -1);
        };
        if max >= 0 && v >= max {
            let vs = x.val.to_string();
            self.error_at_op(&x, format!("invalid argument: index {vs} out of bounds [0:{max}]"));
            return (INVALID, -1);
        }
        (x.ty, v)
    }

    pub(crate) fn is_valid_index(&mut self, x: &mut Operand<'a>, what: &str, allow_negative: bool) -> bool {
        if x.is_invalid() {
            return false;
        }
        self.convert_untyped(x, basic(BasicKind::Int));
        if x.is_invalid() {
            return false;
        }
        if !self.tys.is_integer(x.ty) {
            let s = self.op_string(x);
            self.error_at_op(x, format!("invalid argument: {what} {s} must be integer"));
            return false;
        }
        if x.is_const() {
            if !allow_negative && x.val.sign() < 0 {
                let s = self.op_string(x);
                self.error_at_op(x, format!("invalid argument: {what} {s} must not be negative"));
                return false;
            }
            if representable_const(&x.val, BasicKind::Int).is_none() {
                let s = self.op_string(x);
                self.error_at_op(x, format!("invalid argument: {what} {s} overflows int"));
                return false;
            }
        }
        true
    }

    fn index_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr, base: &'a Expr, indices: &'a [Expr]) {
        self.expr_or_type_generic(x, base);
        self.index_operand(x, e, indices);
    }

    /// An index expression `e` whose base is the operand `x` (a generic
    /// function or type is instantiated: `f[int]`, `List[int]`).
    pub(crate) fn index_operand(&mut self, x: &mut Operand<'a>, e: &'a Expr, indices: &'a [Expr]) {
        x.expr = Some(e);
        match x.mode {
            OpMode::Invalid => {
                for i in indices {
                    let mut y = Operand::invalid(None);
                    self.raw_expr(&mut y, i, None);
                }
                return;
            }
            OpMode::TypeExpr => {
                self.type_instance_expr(x, e, indices);
                return;
            }
            OpMode::Value if self.tys.sig(x.ty).is_some_and(|s| !s.tparams.is_empty()) => {
                self.func_instance_expr(x, e, indices);
                return;
            }
            _ => {}
        }
        if !self.complete_through(x.ty, true) {
            indices.iter().for_each(|i| self.use_expr(i));
            x.set_invalid();
            return;
        }
        let mut length: i64 = -1;
        let mut valid = false;
        match self.tys.get(self.tys.core(x.ty)).clone() {
            T::Basic(_) | T::Alias(..) if self.tys.is_string(x.ty) => {
                valid = true;
                if let (OpMode::Constant, Value::Str(s)) = (x.mode, &x.val) {
                    length = s.len() as i64;
                }
                x.mode = OpMode::Value;
                x.ty = BYTE;
            }
            T::Array(n, elem) => {
                valid = true;
                length = n as i64;
                if x.mode != OpMode::Variable {
                    x.mode = OpMode::Value;
                }
                x.ty = elem;
            }
            T::Pointer(b) => {
                if let T::Array(n, elem) = self.tys.get(self.tys.under(b)).clone() {
                    valid = true;
                    length = n as i64;
                    x.mode = OpMode::Variable;
                    x.ty = elem;
                }
            }
            T::Slice(elem) => {
                valid = true;
                x.mode = OpMode::Variable;
                x.ty = elem;
            }
            T::Map(k, v) => {
                let Some(index) = self.single_index(indices) else {
                    x.set_invalid();
                    return;
                };
                let mut key = Operand::invalid(None);
                self.generic_expr(&mut key, index, None);
                self.assignment(&mut key, Some(k), "map index");
                x.mode = OpMode::MapIndex;
                x.ty = v;
                return;
            }
            T::TypeParam(_) => {
                if let Some((elem, variable, len)) = self.tparam_index_elem(x.ty) {
                    valid = true;
                    length = len;
                    let addressable = variable && x.mode == OpMode::Variable;
                    x.mode = match addressable || self.tparam_all_slices(x.ty) {
                        true => OpMode::Variable,
                        false => OpMode::Value,
                    };
                    x.ty = elem;
                }
            }
            _ => {}
        }
        if !valid {
            let base = match &e.kind {
                ExprKind::Index { x: base, .. } => Some(&**base),
                _ => x.expr,
            };
            let s = self.op_string(&Operand { expr: base, ..x.clone() });
            self.error(e.pos, format!("cannot index {s}"));
            indices.iter().for_each(|i| self.use_expr(i));
            x.set_invalid();
            return;
        }
        let Some(index) = self.single_index(indices) else {
            x.set_invalid();
            return;
        };
        self.index(index, length);
    }

    /// The element type every type of type parameter `t`'s set indexes
    /// to (strings, arrays, pointers to arrays, slices; no maps), if
    /// they agree, whether an element is a variable when the operand
    /// is (no strings), and the length constant indices are checked
    /// against (-1: none). The length is types2's: the first type's
    /// (-1 if it has none), lowered by any shorter array after it.
    fn tparam_index_elem(&self, t: TyId) -> Option<(TyId, bool, i64)> {
        let terms = self.tys.tparam_terms(t)?;
        let mut elem: Option<TyId> = None;
        let mut variable = true;
        let mut length = -1i64;
        for term in terms {
            let u = self.tys.under(term.ty);
            let (e, len) = match self.tys.get(u) {
                _ if self.tys.is_string(u) => {
                    variable = false;
                    (BYTE, -1)
                }
                T::Array(n, e) => (*e, *n as i64),
                T::Slice(e) => (*e, -1),
                T::Pointer(b) => match self.tys.get(self.tys.under(*b)) {
                    T::Array(n, e) => (*e, *n as i64),
                    _ => return None,
                },
                _ => return None,
            };
            match elem {
                Some(x) if !self.tys.identical(x, e) => return None,
                Some(_) if len >= 0 && len < length => length = len,
                Some(_) => {}
                None => (elem, length) = (Some(e), len),
            }
        }
        Some((elem?, variable, length))
    }

    /// Whether every type of type parameter `t`'s set is a slice or a
    /// pointer to an array (whose elements are variables whatever the
    /// operand).
    fn tparam_all_slices(&self, t: TyId) -> bool {
        self.tys.tparam_terms(t).is_some_and(|ts| {
            !ts.is_empty()
                && ts.iter().all(|x| matches!(self.tys.get(self.tys.under(x.ty)), T::Slice(_) | T::Pointer(_)))
        })
    }

    /// Why type parameter `t` has no common underlying type to slice, in
    /// types2's words, if that is why (strings count as byte slices).
    fn slice_mismatch(&mut self, t: TyId) -> Option<String> {
        let terms = self.tys.tparam_terms(t)?;
        let Some(first) = terms.first() else {
            return Some(format!("no specific type in {}", self.ts(t)));
        };
        let bytes = self.tys.intern(T::Slice(BYTE));
        let under = |tys: &crate::types::Types, t: TyId| if tys.is_string(t) { bytes } else { tys.under(t) };
        let cu = under(&self.tys, first.ty);
        let other = terms[1..].iter().find(|term| !self.tys.identical(cu, under(&self.tys, term.ty)))?;
        Some(format!("{} and {} have different underlying types", self.ts(first.ty), self.ts(other.ty)))
    }

    fn single_index(&mut self, indices: &'a [Expr]) -> Option<&'a Expr> {
        let first = indices.first()?;
        if let Some(second) = indices.get(1) {
            self.error(start_pos(second), format!("{INVALID_OP}more than one index"));
        }
        Some(first)
    }

    fn slice_expr(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        base: &'a Expr,
        idx: [Option<&'a Expr>; 3],
        three: bool,
    ) {
        self.expr(x, base);
        if !x.is_invalid() && !self.complete_through(x.ty, false) {
            x.set_invalid();
        }
        if x.is_invalid() {
            for i in idx.into_iter().flatten() {
                let mut y = Operand::invalid(None);
                self.raw_expr(&mut y, i, None);
            }
            x.expr = Some(e);
            return;
        }
        let mut valid = false;
        let mut length: i64 = -1;
        // A type parameter of strings and byte slices slices as a string
        // (types2's `coreString`); the result keeps its type.
        let core = if self.is_bytestring(x.ty) && self.tparam_has_string(x.ty) {
            basic(BasicKind::String)
        } else {
            self.tys.core(x.ty)
        };
        match self.tys.get(core).clone() {
            T::Basic(_) | T::Alias(..) if self.tys.is_string(core) => {
                if three {
                    let at = idx[2].map(start_pos).unwrap_or(e.pos);
                    self.error(at, format!("{INVALID_OP}3-index slice of string"));
                    x.set_invalid();
                    return;
                }
                valid = true;
                if let (OpMode::Constant, Value::Str(s)) = (x.mode, &x.val) {
                    length = s.len() as i64;
                }
                if self.tys.is_untyped(x.ty) {
                    x.ty = basic(BasicKind::String);
                }
            }
            T::Array(n, elem) => {
                valid = true;
                length = n as i64;
                if x.mode != OpMode::Variable {
                    let s = self.op_string(x);
                    self.error_at_op(x, format!("cannot slice unaddressable value {s}"));
                    x.set_invalid();
                    return;
                }
                self.mark_addr_taken(base);
                x.ty = self.tys.intern(T::Slice(elem));
            }
            T::Pointer(b) => {
                if let T::Array(n, elem) = self.tys.get(self.tys.under(b)).clone() {
                    valid = true;
                    length = n as i64;
                    x.ty = self.tys.intern(T::Slice(elem));
                }
            }
            T::Slice(_) => valid = true,
            _ => {}
        }
        if !valid {
            let s = self.op_string(x);
            let cause = self.slice_mismatch(x.ty).map(|c| format!(": {c}")).unwrap_or_default();
            self.error_at_op(x, format!("cannot slice {s}{cause}"));
            x.set_invalid();
            return;
        }
        x.mode = OpMode::Value;
        x.expr = Some(e);
        if three && (idx[1].is_none() || idx[2].is_none()) {
            // The parser has reported the missing index ("middle/final index
            // required"), which does not stop gc before type checking; gc
            // then reports nothing more about this slice expression.
            x.set_invalid();
            return;
        }
        let mut ind = [-1i64; 3];
        for (i, ie) in idx.iter().enumerate() {
            ind[i] = match ie {
                Some(ie) => {
                    let max = if length >= 0 { length + 1 } else { -1 };
                    let (_, v) = self.index(ie, max);
                    if v >= 0 { v } else { -1 }
                }
                None if i == 0 => 0,
                None if length >= 0 => length,
                None => -1,
            };
        }
        'outer: for i in 0..2 {
            let xi = ind[i];
            if xi > 0 {
                for j in i + 1..3 {
                    let yj = ind[j];
                    if yj >= 0 && yj < xi {
                        let at = idx[j].map(start_pos).unwrap_or(e.pos);
                        self.error(at, format!("invalid slice indices: {yj} < {xi}"));
                        break 'outer;
                    }
                }
            }
        }
    }

    /// `G[A, B]` in an expression, `x` being generic type `G`: the
    /// instance, as a type.
    fn type_instance_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr, indices: &'a [Expr]) {
        let ExprKind::Index { x: base, .. } = &e.kind else { return };
        self.require_version(e.pos, "type instantiation", LangVersion::GO1_18);
        let alias = self.generic_alias_named(name_ident(base));
        let generic = self.tys.named_of(x.ty).map(|(o, _)| o).filter(|o| self.tys.generic.contains_key(o));
        let Some(g) = alias.or(generic) else {
            let (es, ts) = (expr_string(e), self.ts(x.ty));
            self.error(start_pos(e), format!("{INVALID_OP}{es} ({ts} is not a generic type)"));
            x.set_invalid();
            return;
        };
        let mut targs = Vec::new();
        for i in indices {
            let t = self.expr_as_var_type(i);
            if t == INVALID {
                x.set_invalid();
                return;
            }
            targs.push(t);
        }
        let at: Vec<Pos> = indices.iter().map(start_pos).collect();
        if alias.is_some() {
            if !self.type_arg_count(g, targs.len(), start_pos(base)) {
                x.set_invalid();
                return;
            }
            x.mode = OpMode::TypeExpr;
            x.ty = self.alias_instance(g, targs, at, start_pos(base));
            return;
        }
        x.mode = OpMode::TypeExpr;
        x.ty = self.named_instance(g, targs, at, start_pos(base), name_ident(base));
    }

    /// `f[A, B]` as a value, `x` being generic function `f`: every type
    /// argument must be given (no call to infer the others from).
    fn func_instance_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr, indices: &'a [Expr]) {
        let Some(sig) = self.tys.sig(x.ty).cloned() else { return };
        self.require_version(e.pos, "function instantiation", LangVersion::GO1_18);
        let Some((targs, at)) = self.explicit_targs(&sig, indices) else {
            x.set_invalid();
            return;
        };
        // The others may follow from an assignment's target, or from the
        // constraints' core types.
        if targs.len() < sig.tparams.len() {
            let saved = x.expr;
            x.expr = Some(e);
            if self.instantiate_for_target(x, &targs, &at) {
                return;
            }
            // An assignment or a call's argument: its target completes it.
            if self.generic_args.contains(&e.id) {
                self.partial.insert(e.id, (targs, at));
                return;
            }
            x.expr = saved;
        }
        self.instantiate_explicit(x, e, &sig, &targs, &at);
    }

    /// Instantiates generic function `x` (the value of `e`) with the
    /// explicit type arguments `targs` (at `at`), the others inferred from
    /// the constraints alone.
    pub(crate) fn instantiate_explicit(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        sig: &Sig,
        targs: &[TyId],
        at: &[Pos],
    ) {
        let Some(targs) = self.infer(e.pos, "", sig, targs, &[], false) else {
            x.set_invalid();
            return;
        };
        match self.finish_instance(e, sig, &targs, at, e.pos) {
            Some(inst) => x.ty = inst,
            None => x.set_invalid(),
        }
    }

    /// A partial instantiation left for its target (see
    /// `Checker::partial`) that meets a generic callee instead: completed
    /// from its constraints alone (the callee's inference does not take
    /// partial instantiations).
    pub(crate) fn complete_partial(&mut self, x: &mut Operand<'a>) {
        let Some(e) = x.expr else { return };
        let Some((targs, at)) = self.partial.remove(&e.id) else { return };
        let Some(sig) = self.tys.sig(x.ty).cloned() else { return };
        self.instantiate_explicit(x, e, &sig, &targs, &at);
    }

    // ------------------------------------------------------------------
    // Selectors.

    fn selector(&mut self, x: &mut Operand<'a>, e: &'a Expr, base: &'a Expr, sel: &'a syntax::ast::Ident) {
        // Qualified identifier `pkg.Name`.
        if let ExprKind::Ident(id) = &base.kind
            && let Some(o) = self.lookup(&id.name)
            && let ObjKind::PkgName(path) = &self.obj(o).kind
        {
            let path = path.clone();
            self.use_obj(id.id, o);
            match self.qualified(&path, &id.name, &sel.name, sel.pos) {
                Some(target) => {
                    self.use_obj(sel.id, target);
                    self.object_operand(x, sel, target);
                    x.expr = Some(e);
                }
                None => x.set_invalid(),
            }
            return;
        }
        self.expr_or_type(x, base);
        match x.mode {
            OpMode::Invalid => {
                x.expr = Some(e);
                return;
            }
            OpMode::Builtin(_) => {
                let s = self.op_string(x);
                self.error(e.pos, format!("invalid use of {s} in selector expression"));
                x.set_invalid();
                return;
            }
            _ => {}
        }
        // Selecting needs the structure of the operand's type (and of a
        // pointer's base).
        if !self.is_complete(x.ty) || (x.mode != OpMode::TypeExpr && !self.complete_through(x.ty, false)) {
            x.set_invalid();
            x.expr = Some(e);
            return;
        }
        let addressable = x.mode == OpMode::Variable;
        let mut found = self.lookup_field_or_method(x.ty, addressable, &sel.name);
        let base_str = expr_string(base);
        // Another package's unexported member is not there for this one.
        if self.inaccessible(&found, &sel.name) {
            found = Lookup::NotFound;
        }
        match found {
            Lookup::NotFound => {
                if self.tys.under(x.ty) != INVALID {
                    let ts = self.ts(x.ty);
                    let near = self.near_member(x.ty, addressable, &sel.name, self.pkg);
                    let mut why = self.lookup_error(x.ty, &sel.name, &near);
                    if let T::Pointer(b) = self.tys.get(self.tys.under(x.ty)) {
                        if self.tys.is_interface(*b) {
                            why = format!("type {ts} is pointer to interface, not interface");
                        } else if matches!(self.tys.get(*b), T::TypeParam(_)) {
                            why = format!("type {ts} is pointer to type parameter, not type parameter");
                        }
                    }
                    let msg = self
                        .unsupported_member(x.ty, &sel.name)
                        .unwrap_or_else(|| format!("{base_str}.{} undefined ({why})", sel.name));
                    self.error(sel.pos, msg);
                }
                x.set_invalid();
            }
            Lookup::Ambiguous => {
                self.error(sel.pos, format!("ambiguous selector {base_str}.{}", sel.name));
                x.set_invalid();
            }
            Lookup::PtrMethodOnValue => {
                let ts = self.ts(x.ty);
                let msg = if x.mode == OpMode::TypeExpr {
                    let m = &sel.name;
                    format!("invalid method expression {ts}.{m} (needs pointer receiver (*{ts}).{m})")
                } else {
                    format!("cannot call pointer method {} on {ts}", sel.name)
                };
                self.error(sel.pos, msg);
                x.set_invalid();
            }
            Lookup::Field { path, ty, indirect, obj, .. } => {
                if x.mode == OpMode::TypeExpr {
                    let ts = self.ts(x.ty);
                    let msg = format!("operand for field selector {} must be value of type {ts}", sel.name);
                    self.error(start_pos(base), msg);
                    x.set_invalid();
                    return;
                }
                if let Some(o) = obj {
                    self.info.uses.insert(sel.id, o);
                }
                self.record_selection(e, SelectionKind::FieldVal, path, indirect, None, ty);
                if x.mode == OpMode::Variable || indirect {
                    x.mode = OpMode::Variable;
                } else {
                    x.mode = OpMode::Value;
                }
                x.ty = ty;
                // A field of invalid type (after its error) is no operand.
                if ty == INVALID {
                    x.set_invalid();
                }
            }
            Lookup::Method { path, obj, indirect, sig, iface } => {
                self.obj_decl(obj);
                self.info.uses.insert(sel.id, obj);
                self.mark_used(obj);
                if x.mode == OpMode::TypeExpr {
                    // Method expression T.m: a function with the receiver first.
                    let Some(s) = self.tys.sig(sig).cloned() else {
                        x.set_invalid();
                        return;
                    };
                    // Named as the method's parameters are (types2's
                    // `func(t T, x int)`, `_` for an unnamed receiver).
                    let recv_name = s.params.first().and_then(|p| p.name.as_ref()).map(|_| {
                        let r = self.sig_objs.get(&obj).and_then(|so| so.recv).map(|r| self.obj(r).name.clone());
                        r.filter(|n| !n.is_empty()).unwrap_or_else(|| "_".into())
                    });
                    let mut params = vec![crate::types::Param { name: recv_name, ty: x.ty }];
                    params.extend(s.params.iter().cloned());
                    let results = s.results.clone();
                    // A generic method's own type parameters stay: the
                    // expression is instantiated or inferred as a generic
                    // function is.
                    let ft = self.tys.intern(T::Func(crate::types::Sig {
                        params,
                        results,
                        variadic: s.variadic,
                        tparams: s.tparams.clone(),
                    }));
                    self.record_selection(e, SelectionKind::MethodExpr, path, indirect, Some(obj), sig);
                    x.mode = OpMode::Value;
                    x.ty = ft;
                } else {
                    if !iface && !indirect && self.method_has_ptr_recv(obj) {
                        // Method value on an addressable operand: implicit &x.
                        self.mark_addr_taken(base);
                    }
                    self.record_selection(e, SelectionKind::MethodVal, path, indirect, Some(obj), sig);
                    x.mode = OpMode::Value;
                    x.ty = sig;
                }
            }
        }
        x.expr = Some(e);
    }

    fn record_selection(
        &mut self,
        e: &Expr,
        kind: SelectionKind,
        path: Vec<usize>,
        indirect: bool,
        method: Option<crate::model::ObjId>,
        ty: TyId,
    ) {
        let ty = self.tys.canon(ty);
        self.info.selections.insert(e.id, crate::model::Selection { kind, path, indirect, method, ty });
    }
}

/// Whether re² and im² of a complex divisor both round to zero (gc then
/// reports division by zero).
fn complex_squares_vanish(v: &Value) -> bool {
    let Value::Complex(re, im) = v.to_complex() else {
        return false;
    };
    let sq = |f: &constant::Float| f.op(Op::Mul, f).map(|s| s.sign() == 0).unwrap_or(false);
    sq(&re) && sq(&im)
}

/// The position of the `:` of a `key: value` element, where gc reports
/// errors about the element. The tree does not record it; for a name or
/// literal key it is right after the key in gofmt'd code.
impl Checker<'_> {
    /// The path and type of the field `name` that struct type `base`
    /// promotes from an embedded struct (Go 1.27 lets a struct literal set
    /// it), recorded as a selection on `key` for lowering; `None` when
    /// there is no such field, or it is reached through a pointer or
    /// needs a newer language version (both reported here).
    fn promoted_lit_field(&mut self, base: TyId, key: &'_ Expr, name: &str) -> Option<(Vec<usize>, TyId)> {
        let Lookup::Field { path, ty, indirect, pkg, .. } = self.lookup_field_or_method(base, false, name) else {
            return None;
        };
        if path.len() < 2 || (!is_exported(name) && pkg.is_some_and(|p| p != self.cur_pkg())) {
            return None;
        }
        let what = format!(
            "use of promoted field {} in struct literal of type {}",
            self.field_path(base, &path),
            self.ts(base)
        );
        if !self.require_version(start_pos(key), &what, LangVersion::GO1_27) {
            return Some((path, INVALID));
        }
        if indirect {
            self.error(start_pos(key), format!("invalid implicit pointer indirection to reach {name}"));
            return Some((path, INVALID));
        }
        self.record_selection(key, SelectionKind::FieldVal, path.clone(), false, None, ty);
        Some((path, ty))
    }

    /// Why `name` is no field of the struct literal of type `base`
    /// (types2's `lookupError` for struct literals), from what its
    /// underlying struct type `utyp` has instead.
    fn unknown_lit_field(&mut self, base: TyId, utyp: TyId, name: &str) -> String {
        let bs = self.ts(base);
        let pkg = self.tys.named_of(base).map_or(self.pkg, |(o, _)| self.obj(o).pkg);
        match self.near_member(utyp, false, name, pkg) {
            Near::Missing => format!("unknown field {name} in struct literal of type {bs}"),
            Near::Found { kind: NearKind::Misspelled, alt, .. } => {
                format!("unknown field {name} in struct literal of type {bs}, but does have {alt}")
            }
            Near::Found { kind: NearKind::Unexported, alt, .. } => {
                format!("unknown field {name} in struct literal of type {bs}, but does have unexported {alt}")
            }
            Near::Found { kind: NearKind::Inaccessible, alt, .. } => {
                format!("cannot refer to unexported field {alt} in struct literal of type {bs}")
            }
        }
    }
}

/// Why setting the field at `path` (named `name`) conflicts with the
/// fields already set in a struct literal, if it does: the same field, or
/// an embedded field and a field promoted through it (types2's words).
fn lit_field_conflict(visited: &[(Vec<usize>, String)], path: &[usize], name: &str) -> Option<String> {
    let (alt_path, alt) = visited.iter().find(|(p, _)| p.starts_with(path) || path.starts_with(p))?;
    Some(match alt_path.len().cmp(&path.len()) {
        std::cmp::Ordering::Equal => format!("duplicate field name {name} in struct literal"),
        std::cmp::Ordering::Less => {
            format!("cannot specify promoted field {name} and enclosing embedded field {alt}")
        }
        std::cmp::Ordering::Greater => {
            format!("cannot specify embedded field {name} and enclosed promoted field {alt}")
        }
    })
}

/// Whether constant `v` fits basic kind `k`; returns the (rounded) value.
pub(crate) fn representable_const(v: &Value, k: BasicKind) -> Option<Value> {
    use BasicKind::*;
    if *v == Value::Unknown {
        return Some(Value::Unknown);
    }
    if k.is_integer() {
        let Value::Int(i) = v.to_int() else {
            return None;
        };
        let ok = match k {
            UntypedInt | UntypedRune => true,
            Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr => {
                i.sign() != num_bigint::Sign::Minus && constant::bit_len(&i) <= k.size() * 8
            }
            _ => {
                let bits = k.size() * 8;
                let lo = -(num_bigint::BigInt::from(1) << (bits - 1));
                let hi = (num_bigint::BigInt::from(1) << (bits - 1)) - 1;
                i >= lo && i <= hi
            }
        };
        return ok.then_some(Value::Int(i));
    }
    if k.is_float() {
        let Value::Float(f) = v.to_float() else {
            return None;
        };
        return match k {
            Float32 => f.to_f32().map(|r| Value::Float(constant::Float::from_f64(r))),
            Float64 => f.to_f64().map(|r| Value::Float(constant::Float::from_f64(r))),
            _ => Some(Value::Float(f)),
        };
    }
    if k.is_complex() {
        let Value::Complex(re, im) = v.to_complex() else {
            return None;
        };
        let round = |f: &constant::Float| match k {
            Complex64 => f.to_f32().map(constant::Float::from_f64),
            Complex128 => f.to_f64().map(constant::Float::from_f64),
            _ => Some(f.clone()),
        };
        return Some(Value::Complex(round(&re)?, round(&im)?));
    }
    match (k, v) {
        (String | UntypedString, Value::Str(_)) => Some(v.clone()),
        (Bool | UntypedBool, Value::Bool(_)) => Some(v.clone()),
        _ => None,
    }
}

/// The identifier naming the object of `x` or `pkg.x`.
fn name_ident(e: &Expr) -> Option<syntax::ast::NodeId> {
    match &e.kind {
        ExprKind::Paren(x) => name_ident(x),
        ExprKind::Ident(id) => Some(id.id),
        ExprKind::Selector { sel, .. } => Some(sel.id),
        _ => None,
    }
}

/// Whether a name is exported (starts with an upper-case letter).
fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}
