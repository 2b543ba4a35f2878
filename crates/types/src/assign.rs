//! Assignability, assignments, variable initialization and `:=`.
//!
//! [`Checker::assignment`] is the one place where a value meets a target
//! type (assignments, initializers, arguments, returns, sends, composite
//! literal elements); it gives untyped operands their final type and words
//! failures as gc 1.27 does (`cannot use x (variable of type int) as
//! string value in assignment`, `... as int8 value in ... (overflows)`).

use syntax::Pos;
use syntax::ast::{Expr, ExprKind, Ident, NodeId};

use crate::check::Checker;
use crate::exprstr::{expr_string, start_pos};
use crate::model::{BasicKind, ObjId, ObjKind, VarInfo};
use crate::operand::{OpMode, Operand};
use crate::types::{INVALID, T, TyId};

use crate::expr::ConvCode;

impl<'a> Checker<'a> {
    /// Whether `x` can be assigned to type `t`; `reason` receives the cause.
    pub(crate) fn assignable_to(&mut self, x: &Operand<'a>, t: TyId, reason: Option<&mut String>) -> bool {
        if x.is_invalid() || t == INVALID {
            return true;
        }
        let v = x.ty;
        if self.tys.identical(v, t) {
            return true;
        }
        let vu = self.tys.under(v);
        let tu = self.tys.under(t);
        if self.tys.is_untyped(vu) {
            return self.implicit_type_and_value(x, t).is_ok();
        }
        if self.tys.identical(vu, tu) && (!self.tys.is_named(v) || !self.tys.is_named(t)) {
            return true;
        }
        // A pointer to an interface gets the reason of an interface; a
        // type parameter may still be assignable by its type set.
        let v_tparam = matches!(self.tys.get(v), T::TypeParam(_));
        if self.tys.is_interface(t) || self.tys.is_interface_ptr(t) {
            match self.implements(v, t) {
                None => return true,
                Some(msg) if !v_tparam => {
                    if let Some(r) = reason {
                        *r = msg;
                    }
                    return false;
                }
                Some(_) => {}
            }
        }
        if self.tys.is_interface(v) && self.missing_method(t, v).is_none() {
            if let Some(r) = reason {
                *r = "need type assertion".into();
            }
            return false;
        }
        if let (T::Chan(syntax::ast::ChanDir::Both, ve), T::Chan(_, te)) =
            (self.tys.get(vu).clone(), self.tys.get(tu).clone())
            && self.tys.identical(ve, te)
        {
            return !self.tys.is_named(v) || !self.tys.is_named(t);
        }
        self.assignable_generic(x, t, reason)
    }

    /// The assignability rules for type parameters (types2's): a value of
    /// a type without name is assignable to a type parameter if it is to
    /// every type of its set, and a type parameter's value to a type
    /// without name if every type of its set is.
    fn assignable_generic(&mut self, x: &Operand<'a>, t: TyId, reason: Option<&mut String>) -> bool {
        let v = x.ty;
        let (vterms, tterms) = (self.tys.tparam_terms(v), self.tys.tparam_terms(t));
        let (terms, to_terms) = match (vterms, tterms) {
            (_, Some(ts)) if !self.tys.is_named(v) => (ts, true),
            (Some(vs), _) if !self.tys.is_named(t) => (vs, false),
            _ => return false,
        };
        if terms.is_empty() {
            return false;
        }
        for term in terms {
            let ok = if to_terms {
                self.assignable_to(x, term.ty, None)
            } else {
                let y = Operand { ty: term.ty, ..x.clone() };
                self.assignable_to(&y, t, None)
            };
            if !ok {
                if let Some(r) = reason {
                    let (vs, ts, xs) = (self.ts(v), self.ts(t), self.ts(term.ty));
                    *r = match to_terms {
                        true => format!("cannot assign {vs} to {xs} (in {ts})"),
                        false => format!("cannot assign {xs} (in {vs}) to {ts}"),
                    };
                }
                return false;
            }
        }
        true
    }

    /// Assigns `x` to a target of type `t` (`None`: no target type, the
    /// operand takes its default type) in `context`.
    pub(crate) fn assignment(&mut self, x: &mut Operand<'a>, t: Option<TyId>, context: &str) {
        self.single_value(x);
        self.generic_to_target(x, t, context);
        match x.mode {
            OpMode::Invalid => return,
            OpMode::Constant | OpMode::Variable | OpMode::MapIndex | OpMode::Value | OpMode::Nil | OpMode::CommaOk => {}
            _ => {
                let (xs, ts) = (self.op_string(x), t.map(|t| self.ts(t)).unwrap_or_default());
                self.error_at_op(x, format!("cannot assign {xs} to {ts} in {context}"));
                x.set_invalid();
                return;
            }
        }
        if self.tys.is_untyped(x.ty) {
            let mut target = t;
            if x.is_nil() {
                if t.is_none() {
                    self.error_at_op(x, format!("use of untyped nil in {context}"));
                    x.set_invalid();
                    return;
                }
            } else if t.is_none_or(|t| self.tys.is_interface(t)) {
                target = Some(self.tys.default_type(x.ty));
            }
            let target = target.unwrap_or(INVALID);
            match self.implicit_type_and_value(x, target) {
                Err(code) => {
                    let (xs, ts) = (self.op_string(x), self.ts(target));
                    let mut msg = format!("cannot use {xs} as {ts} value in {context}");
                    match code {
                        ConvCode::Truncated => msg.push_str(" (truncated)"),
                        ConvCode::Overflow => msg.push_str(" (overflows)"),
                        _ => {}
                    }
                    self.error_at_op(x, msg);
                    x.set_invalid();
                    return;
                }
                Ok((nt, val)) => {
                    if let Some(v) = val {
                        if let Some(e) = x.expr
                            && let Some(u) = self.untyped.get_mut(&e.id)
                        {
                            u.val = Some(v.clone());
                        }
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
        let Some(t) = t else { return };
        let mut reason = String::new();
        if !self.assignable_to(x, t, Some(&mut reason)) {
            let (xs, ts) = (self.op_string(x), self.ts(t));
            let msg = if reason.is_empty() {
                format!("cannot use {xs} as {ts} value in {context}")
            } else {
                format!("cannot use {xs} as {ts} value in {context}: {reason}")
            };
            self.error_at_op(x, msg);
            x.set_invalid();
        }
    }

    /// Initializes variable `o` with `x`; `typed`: `o` has a declared type.
    /// Returns the value's type, `None` after an error.
    pub(crate) fn init_var(&mut self, o: ObjId, typed: bool, x: &mut Operand<'a>, context: &str) -> Option<TyId> {
        let lt = if typed { self.obj_ty(o) } else { INVALID };
        if x.is_invalid() || x.ty == INVALID || (typed && lt == INVALID) {
            if !typed {
                self.set_obj_ty(o, INVALID);
            }
            return None;
        }
        let mut target = lt;
        if !typed {
            let mut t = x.ty;
            if self.tys.is_untyped(t) {
                if x.is_nil() {
                    self.error_at_op(x, format!("use of untyped nil in {context}"));
                    self.set_obj_ty(o, INVALID);
                    return None;
                }
                t = self.tys.default_type(t);
            }
            self.set_obj_ty(o, t);
            target = t;
        }
        self.assignment(x, Some(target), context);
        if x.is_invalid() {
            return None;
        }
        Some(x.ty)
    }

    /// Sets how value `i` of the single multi-valued expression `rhs`
    /// assigned to several targets is named in messages (`1st function
    /// result`, `ok value of (comma, ok) expression`), or clears it.
    fn describe_value(&mut self, rhs: &'a [Expr], targets: usize, i: usize, comma_ok: bool) {
        self.value_desc = match rhs {
            [e] if targets > 1 && !comma_ok => Some((e.id, nth(i + 1, "function result"))),
            [e] if comma_ok && i == 1 => Some((e.id, "ok value of (comma, ok) expression".to_string())),
            _ => None,
        };
    }

    /// Checks `rhs` as a list of values for `n` targets; returns the
    /// operands and whether the single rhs is a `v, ok` expression used as two.
    pub(crate) fn expr_list(&mut self, rhs: &'a [Expr], allow_comma_ok: bool) -> (Vec<Operand<'a>>, bool) {
        if rhs.len() == 1 {
            let mut x = Operand::invalid(None);
            self.multi_expr(&mut x, &rhs[0]);
            if x.is_invalid() {
                return (vec![x], false);
            }
            if let Some(ts) = self.tys.tuple_types(x.ty)
                && x.mode == OpMode::Value
            {
                let list = ts
                    .iter()
                    .map(|&t| Operand {
                        mode: OpMode::Value,
                        ty: t,
                        val: crate::constant::Value::Unknown,
                        expr: x.expr,
                    })
                    .collect();
                return (list, false);
            }
            if allow_comma_ok && matches!(x.mode, OpMode::MapIndex | OpMode::CommaOk) {
                let x2 = Operand {
                    mode: OpMode::Value,
                    ty: crate::types::basic(BasicKind::UntypedBool),
                    val: crate::constant::Value::Unknown,
                    expr: x.expr,
                };
                let mut x1 = x;
                if x1.mode == OpMode::CommaOk {
                    x1.mode = OpMode::Value;
                }
                return (vec![x1, x2], true);
            }
            return (vec![x], false);
        }
        let list = rhs
            .iter()
            .map(|e| {
                let mut x = Operand::invalid(None);
                self.expr(&mut x, e);
                x
            })
            .collect();
        (list, false)
    }

    fn assign_error(&mut self, rhs: &'a [Expr], nvars: usize, nvals: usize) {
        let measure = |n: usize, unit: &str| {
            if n == 1 { format!("{n} {unit}") } else { format!("{n} {unit}s") }
        };
        let (vars, vals) = (measure(nvars, "variable"), measure(nvals, "value"));
        let Some(r0) = rhs.first() else { return };
        if rhs.len() == 1
            && let ExprKind::Call { func, .. } = &unparen(r0).kind
        {
            let f = expr_string(func);
            self.error(start_pos(r0), format!("assignment mismatch: {vars} but {f} returns {vals}"));
            return;
        }
        self.error(start_pos(r0), format!("assignment mismatch: {vars} but {vals}"));
    }

    /// gc's summary of a type list in call/return mismatches: `(number, string)`;
    /// `variadic`: the last is a `...T` parameter; `has_dots`: the last is
    /// an argument passed with `...`.
    pub(crate) fn types_summary(&self, list: &[TyId], variadic: bool, has_dots: bool) -> String {
        let parts: Vec<String> = list
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                let mut s = if t == INVALID {
                    "unknown type".to_string()
                } else if self.tys.is_untyped(t) {
                    if self.tys.is_numeric(t) { "number".to_string() } else { self.ts(t).replace("untyped ", "") }
                } else {
                    self.ts(t)
                };
                if i + 1 == list.len() {
                    if variadic {
                        if let T::Slice(e) = self.tys.get(t) {
                            s = self.ts(*e);
                        }
                        s = format!("...{s}");
                    } else if has_dots {
                        s.push_str("...");
                    }
                }
                s
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    /// Initializes `lhs` from `rhs` (declarations, `:=`, returns when
    /// `ret` is the return statement's position and result types).
    pub(crate) fn init_vars(&mut self, lhs: &[ObjId], typed: bool, rhs: &'a [Expr], ret: Option<Pos>) {
        let saved = self.assign_targets.len();
        if typed && lhs.len() == rhs.len() {
            for (&o, e) in lhs.iter().zip(rhs) {
                let desc = if ret.is_some() { "result variable".to_string() } else { self.obj(o).name.clone() };
                self.assign_targets.push((e.id, self.obj_ty(o), desc));
            }
        }
        let (mut vals, comma_ok) = self.expr_list(rhs, lhs.len() == 2 && ret.is_none());
        self.assign_targets.truncate(saved);
        if lhs.len() != vals.len() {
            for &o in lhs {
                if !typed && self.obj_ty(o) == INVALID {
                    self.set_obj_ty(o, INVALID);
                }
            }
            if vals.iter().any(|v| v.is_invalid()) {
                return;
            }
            if let Some(pos) = ret {
                let (qualifier, at) = if vals.len() > lhs.len() {
                    ("too many", vals[lhs.len()].start_pos())
                } else if let Some(last) = vals.last() {
                    ("not enough", last.start_pos())
                } else {
                    ("not enough", pos)
                };
                let have: Vec<TyId> = vals.iter().map(|v| v.ty).collect();
                let want: Vec<TyId> = lhs.iter().map(|&o| self.obj_ty(o)).collect();
                let msg = format!(
                    "{qualifier} return values\n\thave {}\n\twant {}",
                    self.types_summary(&have, false, false),
                    self.types_summary(&want, false, false)
                );
                self.error(at, msg);
                return;
            }
            self.assign_error(rhs, lhs.len(), vals.len());
            return;
        }
        let context = match ret {
            Some(_) => "return statement",
            None if lhs.len() > 1 => "multiple assignment",
            None => "assignment",
        };
        if comma_ok {
            let t0 = self.init_var(lhs[0], typed, &mut vals[0], context);
            self.describe_value(rhs, 2, 1, true);
            let t1 = self.init_var(lhs[1], typed, &mut vals[1], context);
            self.value_desc = None;
            if let (Some(t0), Some(t1)) = (t0, t1) {
                self.record_comma_ok(&rhs[0], t0, t1);
            }
            return;
        }
        for (i, &o) in lhs.iter().enumerate() {
            self.describe_value(rhs, lhs.len(), i, false);
            self.init_var(o, typed, &mut vals[i], context);
        }
        self.value_desc = None;
    }

    /// Checks `lhs = x` for one target; returns the assigned type.
    pub(crate) fn assign_var(&mut self, lhs: &'a Expr, x: &mut Operand<'a>) -> Option<TyId> {
        self.assign_var_in(lhs, x, "assignment")
    }

    /// [`Checker::assign_var`] in `context` (`multiple assignment` for one
    /// of several targets).
    pub(crate) fn assign_var_in(&mut self, lhs: &'a Expr, x: &mut Operand<'a>, context: &str) -> Option<TyId> {
        if x.is_invalid() || x.ty == INVALID {
            self.use_lhs(lhs);
            return None;
        }
        let ident = match &unparen(lhs).kind {
            ExprKind::Ident(id) => Some(id),
            _ => None,
        };
        if let Some(id) = ident
            && id.name == "_"
        {
            let o = self.new_var("_", INVALID, id.pos, VarInfo::default());
            self.info.defs.insert(id.id, o);
            let context = if context == "assignment" { "assignment to _ identifier" } else { context };
            self.assignment(x, None, context);
            if x.is_invalid() {
                return None;
            }
            self.set_obj_ty(o, x.ty);
            return Some(x.ty);
        }
        // An assignment is not a use of the variable assigned to.
        let saved = ident.and_then(|id| self.lookup(&id.name)).map(|o| (o, self.objs[o.0 as usize].used));
        let mut z = Operand::invalid(None);
        self.expr(&mut z, lhs);
        if let Some((o, used)) = saved
            && matches!(self.obj(o).kind, ObjKind::Var(_))
        {
            self.objs[o.0 as usize].used = used;
        }
        if z.is_invalid() || z.ty == INVALID {
            return None;
        }
        match z.mode {
            OpMode::Variable | OpMode::MapIndex => {}
            _ => {
                if let ExprKind::Selector { x: sx, .. } = &unparen(lhs).kind {
                    let mut op = Operand::invalid(None);
                    self.expr(&mut op, sx);
                    if op.mode == OpMode::MapIndex {
                        let s = expr_string(lhs);
                        self.error_at_op(&z, format!("cannot assign to struct field {s} in map"));
                        return None;
                    }
                }
                let s = expr_string(lhs);
                self.error_at_op(&z, format!("cannot assign to {s} (neither addressable nor a map index expression)"));
                return None;
            }
        }
        // Reverse inference names the target by its expression.
        self.generic_to_target(x, Some(z.ty), &expr_string(lhs));
        self.assignment(x, Some(z.ty), context);
        if x.is_invalid() {
            return None;
        }
        Some(x.ty)
    }

    /// `a, b = x, y`.
    pub(crate) fn assign_vars(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        // A generic function assigned to its own target stays generic until
        // the target's type is known (the target is checked after it).
        let saved = self.generic_args.len();
        if lhs.len() == rhs.len() {
            self.generic_args.extend(rhs.iter().map(|e| e.id));
        }
        let (mut vals, comma_ok) = self.expr_list(rhs, lhs.len() == 2);
        self.generic_args.truncate(saved);
        if lhs.len() != vals.len() {
            for l in lhs {
                self.use_lhs(l);
            }
            if vals.iter().any(|v| v.is_invalid()) {
                return;
            }
            self.assign_error(rhs, lhs.len(), vals.len());
            return;
        }
        let context = if lhs.len() > 1 { "multiple assignment" } else { "assignment" };
        if comma_ok {
            let t0 = self.assign_var_in(&lhs[0], &mut vals[0], context);
            self.describe_value(rhs, 2, 1, true);
            let t1 = self.assign_var_in(&lhs[1], &mut vals[1], context);
            self.value_desc = None;
            if let (Some(t0), Some(t1)) = (t0, t1) {
                self.record_comma_ok(&rhs[0], t0, t1);
            }
            return;
        }
        for (i, (l, v)) in lhs.iter().zip(vals.iter_mut()).enumerate() {
            self.describe_value(rhs, lhs.len(), i, false);
            self.assign_var_in(l, v, context);
        }
        self.value_desc = None;
    }

    /// Evaluates the target of an assignment only for its side facts
    /// (after an error): a variable named by the target itself is not used
    /// by it, as in types2's `useLHS`.
    fn use_lhs(&mut self, e: &'a Expr) {
        if let ExprKind::Ident(id) = &unparen(e).kind {
            if let Some(o) = self.lookup(&id.name) {
                let used = self.objs[o.0 as usize].used;
                self.use_obj(id.id, o);
                self.objs[o.0 as usize].used = used;
            }
            return;
        }
        self.use_expr(e);
    }

    /// Evaluates an expression only for its side facts (after an error).
    pub(crate) fn use_expr(&mut self, e: &'a Expr) {
        let mut x = Operand::invalid(None);
        if let ExprKind::Ident(id) = &unparen(e).kind {
            if let Some(o) = self.lookup(&id.name) {
                self.use_obj(id.id, o);
            }
            return;
        }
        self.raw_expr(&mut x, e, None);
    }

    /// `a, b := x, y`; `pos` is the position of `:=`.
    pub(crate) fn short_var_decl(&mut self, pos: Pos, lhs: &'a [Ident], rhs: &'a [Expr]) {
        let mut seen: Vec<&str> = Vec::new();
        let mut lhs_vars: Vec<ObjId> = Vec::new();
        let mut new_vars: Vec<(NodeId, ObjId)> = Vec::new();
        let mut has_err = false;
        for id in lhs {
            // Not a name (reported by the parser): assigned as to `_`.
            if id.name.is_empty() {
                has_err = true;
                lhs_vars.push(self.new_var("_", INVALID, id.pos, VarInfo::default()));
                continue;
            }
            if id.name != "_" {
                if seen.contains(&id.name.as_str()) {
                    self.error(id.pos, format!("{} repeated on left side of :=", id.name));
                    has_err = true;
                    lhs_vars.push(self.new_var("_", INVALID, id.pos, VarInfo::default()));
                    continue;
                }
                seen.push(&id.name);
            }
            if let Some(alt) = self.lookup_in(self.scope, &id.name) {
                self.info.uses.insert(id.id, alt);
                if matches!(self.obj(alt).kind, ObjKind::Var(_)) {
                    lhs_vars.push(alt);
                } else {
                    self.error(id.pos, format!("cannot assign to {}", id.name));
                    has_err = true;
                    lhs_vars.push(self.new_var("_", INVALID, id.pos, VarInfo::default()));
                }
                continue;
            }
            let o = self.new_var(&id.name, INVALID, id.pos, VarInfo::default());
            self.info.defs.insert(id.id, o);
            lhs_vars.push(o);
            if id.name != "_" {
                new_vars.push((id.id, o));
            }
        }
        // Variables already declared keep their types; new ones are inferred.
        self.init_vars_mixed(&lhs_vars, &new_vars.iter().map(|p| p.1).collect::<Vec<_>>(), rhs);
        if new_vars.is_empty() && !has_err {
            self.error(pos, "no new variables on left side of :=");
            return;
        }
        for (id, o) in new_vars {
            self.declare(self.scope, Some(id), o);
            self.add_local(o);
        }
    }

    /// `init_vars` where only the variables in `fresh` are untyped.
    fn init_vars_mixed(&mut self, lhs: &[ObjId], fresh: &[ObjId], rhs: &'a [Expr]) {
        let (mut vals, comma_ok) = self.expr_list(rhs, lhs.len() == 2);
        if lhs.len() != vals.len() {
            if vals.iter().any(|v| v.is_invalid()) {
                return;
            }
            self.assign_error(rhs, lhs.len(), vals.len());
            return;
        }
        let mut types = Vec::new();
        let context = if lhs.len() > 1 { "multiple assignment" } else { "assignment" };
        for (i, &o) in lhs.iter().enumerate() {
            self.describe_value(rhs, lhs.len(), i, comma_ok);
            let typed = !fresh.contains(&o) && self.obj_ty(o) != INVALID;
            let r = if !fresh.contains(&o) && self.obj(o).name != "_" {
                // Reassignment of an existing variable: not a use.
                let used = self.objs[o.0 as usize].used;
                let r = self.init_var(o, typed, &mut vals[i], context);
                self.objs[o.0 as usize].used = used;
                r
            } else {
                self.init_var(o, typed, &mut vals[i], context)
            };
            types.push(r);
        }
        self.value_desc = None;
        if comma_ok && let (Some(Some(t0)), Some(Some(t1))) = (types.first(), types.get(1)) {
            let (t0, t1) = (*t0, *t1);
            self.record_comma_ok(&rhs[0], t0, t1);
        }
    }
}

fn unparen(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

/// `1st function result`, `2nd ...`: the `n`th `what` (types2's `nth`).
fn nth(n: usize, what: &str) -> String {
    let ext = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{n}{ext} {what}")
}
