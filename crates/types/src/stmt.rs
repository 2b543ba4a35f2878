//! Statements, and the "terminating statement" analysis behind
//! `missing return`.
//!
//! Branch statements and labels are not checked here: gc checks them while
//! parsing (see `branches`), so types2 runs with `IgnoreBranchErrors` and so
//! does this module. Every block, `if`, `for`, `switch` and case clause opens
//! its own scope.

use syntax::Pos;
use syntax::ast::{
    BinaryOp, Block, CaseClause, CommClause, Expr, ExprKind, Ident, Stmt, StmtKind, TypeCaseClause, TypeKind,
};

use crate::check::Checker;
use crate::constant::Value;
use crate::expr::{ExprClass, INVALID_OP};
use crate::exprstr::{expr_string, start_pos, type_start};
use crate::lang::LangVersion;
use crate::model::{BasicKind, Builtin, ObjKind, VarInfo};
use crate::operand::{OpMode, Operand};
use crate::types::{INVALID, RUNE, T, TyId, basic};

const GO1_22: LangVersion = LangVersion::GO1_22;
const GO1_23: LangVersion = LangVersion::GO1_23;

fn unparen(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

impl<'a> Checker<'a> {
    /// Checks a list of statements.
    pub(crate) fn stmt_list(&mut self, list: &'a [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn block(&mut self, b: &'a Block) {
        self.open_scope();
        self.stmt_list(&b.stmts);
        self.close_scope();
    }

    fn simple_stmt(&mut self, s: Option<&'a Stmt>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    /// Checks one statement.
    pub(crate) fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Bad => {}
            StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) | StmtKind::Fallthrough => {}
            StmtKind::Decl(d) => self.decl_stmt(d),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) => {
                let mut x = Operand::invalid(None);
                let class = self.raw_expr(&mut x, e, None);
                let msg = match x.mode {
                    OpMode::Builtin(_) => "must be called",
                    OpMode::TypeExpr => "is not an expression",
                    _ => {
                        if class == ExprClass::Statement {
                            return;
                        }
                        "is not used"
                    }
                };
                let xs = self.op_string(&x);
                self.error(start_pos(e), format!("{xs} {msg}"));
            }
            StmtKind::Send { chan, value } => {
                let (mut ch, mut val) = (Operand::invalid(None), Operand::invalid(None));
                self.expr(&mut ch, chan);
                self.generic_expr(&mut val, value, None);
                if ch.is_invalid() || val.is_invalid() {
                    return;
                }
                let cs = self.op_string(&ch);
                if matches!(self.tys.get(ch.ty), T::TypeParam(_)) {
                    match self.tparam_chan(ch.ty, false) {
                        Ok(elem) => self.assignment(&mut val, Some(elem), "send"),
                        Err(cause) => self.error(start_pos(chan), format!("{INVALID_OP}cannot send to {cs}: {cause}")),
                    }
                    return;
                }
                match self.tys.get(self.tys.core(ch.ty)).clone() {
                    T::Chan(syntax::ast::ChanDir::Recv, _) => {
                        self.error(start_pos(chan), format!("{INVALID_OP}cannot send to receive-only channel {cs}"));
                    }
                    T::Chan(_, elem) => self.assignment(&mut val, Some(elem), "send"),
                    _ => self.error(start_pos(chan), format!("{INVALID_OP}cannot send to non-channel {cs}")),
                }
            }
            StmtKind::IncDec { target, inc } => {
                let mut x = Operand::invalid(None);
                self.expr(&mut x, target);
                if x.is_invalid() {
                    return;
                }
                if !self.tys.is_numeric(x.ty) {
                    let (ts, op) = (self.ts(x.ty), if *inc { "++" } else { "--" });
                    let es = expr_string(target);
                    self.error(start_pos(target), format!("{INVALID_OP}{es}{op} (non-numeric type {ts})"));
                    return;
                }
                x.mode = OpMode::Value;
                self.assign_var(target, &mut x);
            }
            StmtKind::Assign { lhs, op, rhs } => match op {
                None => self.assign_vars(lhs, rhs),
                Some(op) => {
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.error(
                            s.pos,
                            format!("assignment operation {}= requires single-valued expressions", op.as_str()),
                        );
                        return;
                    }
                    let mut x = Operand::invalid(None);
                    self.binary(&mut x, None, &lhs[0], &rhs[0], *op, s.pos);
                    self.assign_var(&lhs[0], &mut x);
                }
            },
            StmtKind::Define { lhs, rhs } => self.short_var_decl(s.pos, lhs, rhs),
            StmtKind::Go(e) => self.suspended_call("go", e),
            StmtKind::Defer(e) => self.suspended_call("defer", e),
            StmtKind::Return(results) => self.return_stmt(s.pos, results),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If { init, cond, then, els } => {
                self.open_scope();
                self.simple_stmt(init.as_deref());
                let mut x = Operand::invalid(None);
                self.expr(&mut x, cond);
                if !x.is_invalid() && !self.tys.is_boolean(x.ty) {
                    self.error(start_pos(cond), "non-boolean condition in if statement");
                }
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.close_scope();
            }
            StmtKind::Switch { init, tag, cases, end } => {
                self.open_scope();
                self.simple_stmt(init.as_deref());
                self.switch_stmt(tag.as_ref(), cases, *end);
                self.close_scope();
            }
            StmtKind::TypeSwitch { init, bind, subject, cases, .. } => {
                self.open_scope();
                self.simple_stmt(init.as_deref());
                self.type_switch_stmt(bind.as_ref(), subject, cases);
                self.close_scope();
            }
            StmtKind::Select(clauses) => self.select_stmt(clauses),
            StmtKind::For { init, cond, post, body } => {
                self.open_scope();
                self.simple_stmt(init.as_deref());
                if let Some(c) = cond {
                    let mut x = Operand::invalid(None);
                    self.expr(&mut x, c);
                    if !x.is_invalid() && !self.tys.is_boolean(x.ty) {
                        self.error(start_pos(c), "non-boolean condition in for statement");
                    }
                }
                self.simple_stmt(post.as_deref());
                self.block(body);
                self.close_scope();
            }
            StmtKind::Range { key, value, extra, define, expr, body } => {
                let ranges = self.range_stmt(s.pos, key.as_ref(), value.as_ref(), *define, expr, body);
                if let Some(at) = extra.filter(|_| ranges) {
                    self.error(at, "range clause permits at most two iteration variables");
                }
            }
        }
    }

    fn suspended_call(&mut self, keyword: &str, e: &'a Expr) {
        if !matches!(unparen(e).kind, ExprKind::Call { .. }) {
            self.error(start_pos(e), format!("expression in {keyword} must be function call"));
            let mut x = Operand::invalid(None);
            self.raw_expr(&mut x, e, None);
            return;
        }
        let mut x = Operand::invalid(None);
        let msg = match self.raw_expr(&mut x, e, None) {
            ExprClass::Conversion => "requires function call, not conversion",
            ExprClass::Expression => "discards result of",
            ExprClass::Statement => return,
        };
        let xs = self.op_string(&x);
        self.error_at_op(&x, format!("{keyword} {msg} {xs}"));
    }

    fn return_stmt(&mut self, pos: Pos, results: &'a [Expr]) {
        let Some(f) = self.func.clone() else { return };
        let named = f.results.first().is_some_and(|&o| !self.obj(o).name.is_empty());
        if results.is_empty() && named {
            for &o in &f.results {
                let name = self.obj(o).name.clone();
                if let Some(alt) = self.lookup(&name)
                    && alt != o
                {
                    let at = self.pos_string(self.obj(alt).pos);
                    let ts = self.ts(self.obj_ty(alt));
                    self.error(pos, format!("result parameter {name} not in scope at return\n\t{at}: inner declaration of var {name} {ts}"));
                }
            }
            return;
        }
        self.init_vars(&f.results, true, results, Some(pos));
    }

    // ------------------------------------------------------------------
    // Switches.

    fn switch_stmt(&mut self, tag: Option<&'a Expr>, cases: &'a [CaseClause], end: Pos) {
        let mut x = Operand::invalid(None);
        let tag_str;
        match tag {
            Some(t) => {
                self.expr(&mut x, t);
                self.assignment(&mut x, None, "switch expression");
                if !x.is_invalid() && !self.tys.comparable(x.ty) && !self.tys.has_nil(x.ty) {
                    let (xs, ts) = (self.op_string(&x), self.ts(x.ty));
                    self.error_at_op(&x, format!("cannot switch on {xs} ({ts} is not comparable)"));
                    x.set_invalid();
                }
                tag_str = expr_string(t);
            }
            None => {
                x.mode = OpMode::Constant;
                x.ty = basic(BasicKind::Bool);
                x.val = Value::Bool(true);
                tag_str = "true".to_string();
                let _ = end;
            }
        }
        self.multiple_defaults(cases.iter().map(|c| (c.pos, c.exprs.is_none())));
        let mut seen: Vec<(Value, TyId, Pos)> = Vec::new();
        for clause in cases {
            if let Some(exprs) = &clause.exprs {
                for e in exprs {
                    self.case_value(&x, &tag_str, e, &mut seen);
                }
            }
            self.open_scope();
            self.stmt_list(&clause.body);
            self.close_scope();
        }
    }

    fn multiple_defaults(&mut self, clauses: impl Iterator<Item = (Pos, bool)>) {
        let mut first: Option<Pos> = None;
        for (pos, is_default) in clauses {
            if !is_default {
                continue;
            }
            match first {
                Some(f) => {
                    let fs = self.pos_string(f);
                    self.error(pos, format!("multiple defaults (first at {fs})"));
                }
                None => first = Some(pos),
            }
        }
    }

    fn case_value(&mut self, x: &Operand<'a>, tag_str: &str, e: &'a Expr, seen: &mut Vec<(Value, TyId, Pos)>) {
        let mut v = Operand::invalid(None);
        self.expr(&mut v, e);
        if x.is_invalid() || v.is_invalid() {
            return;
        }
        self.convert_untyped(&mut v, x.ty);
        if v.is_invalid() {
            return;
        }
        let mut res = v.clone();
        let mut tag = x.clone();
        if tag.expr.is_none() {
            // Tagless switch: compare against `true`; print it as such.
            let cause_ok = self.assignable_to(&res, tag.ty, None) || self.assignable_to(&tag, res.ty, None);
            if !cause_ok {
                let (rs, ts) = (self.ts(res.ty), self.ts(tag.ty));
                let es = expr_string(e);
                self.error_at_op(&v, format!("invalid case {es} in switch (mismatched types {rs} and {ts})"));
                return;
            }
        } else {
            self.comparison(&mut res, &mut tag, BinaryOp::Eq, true);
            if res.is_invalid() {
                return;
            }
        }
        let _ = tag_str;
        if !v.is_const() {
            return;
        }
        let pos = e.pos;
        if let Some((_, _, prev)) =
            seen.iter().find(|(val, t, _)| self.tys.identical(*t, v.ty) && same_key(val, &v.val))
        {
            let (vs, ps) = (self.op_string(&v), self.pos_string(*prev));
            self.error(v.start_pos(), format!("duplicate case {vs} in expression switch\n\t{ps}: previous case"));
            return;
        }
        seen.push((v.val.clone(), v.ty, pos));
    }

    fn type_switch_stmt(&mut self, bind: Option<&'a Ident>, subject: &'a Expr, cases: &'a [TypeCaseClause]) {
        let mut bind = bind;
        if let Some(b) = bind
            && b.name == "_"
        {
            self.error(b.pos, "no new variable on left side of :=");
            bind = None;
        }
        // The subject is `y.(type)`; the value switched on is `y`.
        let value = match &subject.kind {
            ExprKind::TypeAssert { x, ty: None } => x.as_ref(),
            _ => subject,
        };
        let mut x = Operand::invalid(None);
        self.expr(&mut x, value);
        // With an invalid subject the clauses are still checked (what
        // their bodies use is used), as in types2.
        let valid = !x.is_invalid();
        if valid {
            self.record_type(subject.id, crate::model::Mode::Value, x.ty, None);
        }
        let sx_ok = valid && self.tys.is_interface(x.ty);
        if valid && !sx_ok {
            let xs = self.op_string(&x);
            let msg = match self.tys.get(x.ty) {
                T::TypeParam(_) => format!("cannot use type switch on type parameter value {xs}"),
                _ => format!("{xs} is not an interface"),
            };
            self.error_at_op(&x, msg);
        }
        if let Some(b) = bind {
            let o = self.new_var(&b.name, x.ty, b.pos, VarInfo::default());
            self.info.defs.insert(b.id, o);
        }
        self.multiple_defaults(cases.iter().map(|c| (c.pos, c.types.is_none())));
        let mut seen: Vec<(Option<TyId>, Pos)> = Vec::new();
        let mut vars = Vec::new();
        for clause in cases {
            let mut single: Option<Option<TyId>> = None;
            if let Some(types) = &clause.types {
                for t in types {
                    let ct = self.case_type(t, if sx_ok { Some(&x) } else { None }, &mut seen);
                    single = if types.len() == 1 { ct } else { None };
                }
            }
            self.open_scope();
            if let Some(b) = bind {
                let t = match single {
                    Some(Some(t)) => t,
                    _ => x.ty,
                };
                let o = self.new_var(&b.name, t, b.pos, VarInfo::default());
                self.info.implicits.insert(clause.implicit, o);
                self.declare(self.scope, None, o);
                vars.push(o);
            }
            self.stmt_list(&clause.body);
            self.close_scope();
        }
        if let Some(b) = bind.filter(|_| valid) {
            let used = vars.iter().any(|o| self.objs[o.0 as usize].used);
            if !used {
                self.error(b.pos, format!("{} declared and not used", b.name));
            }
        }
    }

    /// Checks one type switch case; `Some(None)` for `nil`, `None` if invalid.
    fn case_type(
        &mut self,
        t: &'a syntax::ast::Type,
        x: Option<&Operand<'a>>,
        seen: &mut Vec<(Option<TyId>, Pos)>,
    ) -> Option<Option<TyId>> {
        let is_nil = matches!(&t.kind, TypeKind::Name { pkg: None, name } if name.name == "nil"
            && self.lookup("nil").is_some_and(|o| matches!(self.obj(o).kind, ObjKind::Nil)));
        let ct = if is_nil {
            if let TypeKind::Name { name, .. } = &t.kind
                && let Some(o) = self.lookup("nil")
            {
                self.use_obj(name.id, o);
            }
            self.record_type(t.id, crate::model::Mode::Value, basic(BasicKind::UntypedNil), None);
            None
        } else {
            let ty = self.var_type(t);
            if ty == INVALID {
                // The clause variable gets an invalid type: no follow-on errors.
                return Some(Some(INVALID));
            }
            Some(ty)
        };
        let pos = type_start(t);
        if let Some((_, other)) = seen.iter().find(|(s, _)| match (s, ct) {
            (None, None) => true,
            (Some(a), Some(b)) => self.tys.identical(*a, b),
            _ => false,
        }) {
            let ts = match ct {
                Some(c) => self.ts(c),
                None => "nil".to_string(),
            };
            let os = self.pos_string(*other);
            self.error(pos, format!("duplicate case {ts} in type switch\n\t{os}: previous case"));
            return Some(ct);
        }
        seen.push((ct, pos));
        if let (Some(x), Some(c)) = (x, ct) {
            let es = crate::exprstr::type_expr_string(t);
            self.type_assertion(es, pos, x, c, true);
        }
        Some(ct)
    }

    fn select_stmt(&mut self, clauses: &'a [CommClause]) {
        self.multiple_defaults(clauses.iter().map(|c| (c.pos, c.comm.is_none())));
        for c in clauses {
            let valid = match c.comm.as_deref().map(|s| &s.kind) {
                None | Some(StmtKind::Send { .. }) => true,
                Some(StmtKind::Expr(e)) => is_recv(e),
                Some(StmtKind::Assign { rhs, .. }) | Some(StmtKind::Define { rhs, .. }) => {
                    rhs.len() == 1 && is_recv(&rhs[0])
                }
                _ => false,
            };
            if !valid {
                let at = c.comm.as_ref().map(|s| s.pos).unwrap_or(c.pos);
                self.error(at, "select case must be send or receive (possibly with assignment)");
                continue;
            }
            self.open_scope();
            if let Some(s) = &c.comm {
                self.stmt(s);
            }
            self.stmt_list(&c.body);
            self.close_scope();
        }
    }

    /// The underlying type a range clause ranges over for a range
    /// expression of type `t` (every type of a type parameter's set
    /// shares it; channels must all permit receiving), or why there is
    /// none, as types2's `rangeKeyVal` words it.
    fn range_under(&self, t: TyId) -> Result<TyId, String> {
        let send_only = self.tys.tparam_terms(t).map_or(vec![t], |ts| ts.iter().map(|term| term.ty).collect());
        if let Some(&c) = send_only
            .iter()
            .find(|&&c| matches!(self.tys.get(self.tys.under(c)), T::Chan(syntax::ast::ChanDir::Send, _)))
        {
            return Err(format!("receive from send-only channel {}", self.ts(c)));
        }
        self.tys.common_under(t, true).map_err(|e| self.core_error_string(e))
    }

    /// Checks a range clause and its body; returns whether a third
    /// iteration variable is to be reported: not when the range
    /// expression is invalid or a channel (types2 reports those instead).
    fn range_stmt(
        &mut self,
        pos: Pos,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        expr: &'a Expr,
        body: &'a Block,
    ) -> bool {
        let mut x = Operand::invalid(None);
        self.expr(&mut x, expr);
        let (mut kt, mut vt): (Option<TyId>, Option<TyId>) = (None, None);
        let mut two_vars = false;
        let mut int_range = false;
        let mut func_range = false;
        // A yield function with two parameters: both iteration variables.
        let mut yield_pair = false;
        if !x.is_invalid() {
            let mut cause = String::new();
            let mut u = match self.range_under(x.ty) {
                Ok(u) => u,
                Err(c) => {
                    cause = c;
                    INVALID
                }
            };
            if let T::Pointer(p) = self.tys.get(u).clone()
                && matches!(self.tys.get(self.tys.under(p)), T::Array(..))
            {
                u = self.tys.under(p);
            }
            match self.tys.get(u).clone() {
                T::Basic(_) | T::Alias(..) if self.tys.is_string(u) => {
                    kt = Some(basic(BasicKind::Int));
                    vt = Some(RUNE);
                    if self.tys.is_untyped(x.ty) {
                        self.convert_untyped(&mut x, basic(BasicKind::String));
                    }
                }
                // Go 1.22: the iteration values have n's type (an untyped
                // constant's is settled below, as if assigned to the key).
                T::Basic(_) | T::Alias(..) if self.tys.is_integer(u) && !self.allows(x.start_pos(), GO1_22) => {
                    cause = format!("requires {} or later", GO1_22);
                }
                T::Basic(_) | T::Alias(..) if self.tys.is_integer(u) => {
                    kt = Some(x.ty);
                    vt = Some(INVALID);
                    int_range = true;
                    if let Some(v) = value {
                        let xs = self.op_string(&x);
                        self.error(start_pos(v), format!("range over {xs} permits only one iteration variable"));
                    }
                }
                T::Array(_, e) | T::Slice(e) => {
                    kt = Some(basic(BasicKind::Int));
                    vt = Some(e);
                }
                T::Map(k, v) => {
                    kt = Some(k);
                    vt = Some(v);
                }
                // Go 1.23: an iterator function; its yield function's
                // parameters are the iteration values.
                T::Func(_) if !self.allows(x.start_pos(), GO1_23) => {
                    cause = format!("requires {} or later", GO1_23);
                }
                T::Func(sig) => {
                    func_range = true;
                    match self.yield_params(&sig) {
                        Ok(ps) => {
                            yield_pair = ps.len() == 2;
                            kt = ps.first().copied();
                            vt = ps.get(1).copied();
                            let what = match ps.len() {
                                0 => Some((key, "permits no iteration variables")),
                                1 => Some((value, "permits only one iteration variable")),
                                _ => None,
                            };
                            if let Some((Some(extra), msg)) = what {
                                let xs = self.op_string(&x);
                                self.error(start_pos(extra), format!("range over {xs} {msg}"));
                            }
                            // Variables beyond the yield's parameters are
                            // invalid (and not reported unused).
                            kt = kt.or(Some(INVALID));
                            vt = vt.or(Some(INVALID));
                        }
                        Err(c) => cause = c,
                    }
                }
                T::Chan(_, e) => {
                    kt = Some(e);
                    vt = Some(INVALID);
                    if let Some(v) = value {
                        let xs = self.op_string(&x);
                        self.error(start_pos(v), format!("range over {xs} permits only one iteration variable"));
                    }
                }
                _ => {}
            }
            // A channel or an integer has one iteration variable (an
            // error of its own).
            two_vars = !matches!(self.tys.get(u), T::Chan(..)) && !int_range && (!func_range || yield_pair);
            if kt.is_none() || !cause.is_empty() {
                let xs = self.op_string(&x);
                if cause.is_empty() {
                    self.error_at_op(&x, format!("cannot range over {xs}"));
                } else if cause.starts_with("requires go") {
                    let msg = self.version_message(x.start_pos(), &format!("cannot range over {xs}: {cause}"));
                    self.error_at_op(&x, msg);
                } else {
                    self.error_at_op(&x, format!("cannot range over {xs}: {cause}"));
                }
                kt = kt.or(Some(INVALID));
                vt = vt.or(Some(INVALID));
            }
        }
        self.open_scope();
        // The body of a range over a function becomes a function of its
        // own (the yield function), whose parameters are the `:=`
        // variables: the variables of the enclosing function it uses are
        // captured, as by a function literal.
        let saved_owner = self.func.as_ref().map(|f| f.owner);
        if func_range && let Some(f) = self.func.as_mut() {
            f.owner = expr.id;
        }
        let lhs = [key, value];
        let rhs = [kt, vt];
        if define {
            let mut vars = Vec::new();
            for (l, t) in lhs.iter().zip(rhs) {
                let Some(l) = l else { continue };
                let o = match &l.kind {
                    ExprKind::Ident(id) => {
                        let o = self.new_var(&id.name, INVALID, id.pos, VarInfo::default());
                        self.info.defs.insert(id.id, o);
                        if id.name != "_" {
                            vars.push(o);
                        }
                        o
                    }
                    _ => {
                        let ls = expr_string(l);
                        self.error(start_pos(l), format!("cannot declare {ls}"));
                        self.new_var("_", INVALID, l.pos, VarInfo::default())
                    }
                };
                match t {
                    // The key of an integer range is initialized with n
                    // itself: an untyped constant takes its default type.
                    Some(t) if t != INVALID && int_range => {
                        if let Some(t) = self.init_var(o, false, &mut x, "range clause") {
                            self.record_type(l.id, crate::model::Mode::Variable, t, None);
                        }
                    }
                    Some(t) if t != INVALID => {
                        let mut v = Operand { mode: OpMode::Value, ty: t, val: Value::Unknown, expr: Some(l) };
                        self.init_var(o, false, &mut v, "range clause");
                        self.record_type(l.id, crate::model::Mode::Variable, t, None);
                    }
                    _ => {
                        self.set_obj_ty(o, INVALID);
                        self.data(o).used = true;
                    }
                }
            }
            if vars.is_empty() {
                self.error(pos, "no new variables on left side of :=");
            }
            for o in vars {
                self.declare(self.scope, None, o);
                self.add_local(o);
            }
        } else if key.is_some() {
            for (l, t) in lhs.iter().zip(rhs) {
                let (Some(l), Some(t)) = (l, t) else { continue };
                if t == INVALID {
                    continue;
                }
                if int_range {
                    // n is assigned to the key: an untyped constant takes
                    // the key's type, which must be an integer type.
                    self.assign_var_in(l, &mut x, "range clause");
                    if !x.is_invalid() && !self.tys.is_integer(x.ty) {
                        let ts = self.ts(x.ty);
                        self.error(start_pos(l), format!("cannot use iteration variable of type {ts}"));
                    }
                    continue;
                }
                let mut v = Operand { mode: OpMode::Value, ty: t, val: Value::Unknown, expr: Some(l) };
                self.assign_var(l, &mut v);
            }
        } else if int_range {
            // `for range n`: n still needs a type.
            self.assignment(&mut x, None, "range clause");
        }
        self.block(body);
        if let (Some(f), Some(o)) = (self.func.as_mut(), saved_owner) {
            f.owner = o;
        }
        self.close_scope();
        two_vars
    }

    /// The parameter types of the yield function of iterator signature
    /// `sig` (`func(yield func(K, V) bool)`), or gc's reason why it is not
    /// one.
    fn yield_params(&self, sig: &crate::types::Sig) -> Result<Vec<TyId>, String> {
        const MUST: &str = "func must be func(yield func(...) bool)";
        if sig.params.len() != 1 {
            return Err(format!("{MUST}: wrong argument count"));
        }
        if !sig.results.is_empty() {
            return Err(format!("{MUST}: unexpected results"));
        }
        let yt = sig.params[0].ty;
        let yu = match self.tys.common_under(yt, false) {
            Ok(u) => u,
            Err(e) => return Err(format!("{MUST}: in yield type, {}", self.core_error_string(e))),
        };
        let T::Func(y) = self.tys.get(yu).clone() else {
            return Err(format!("{MUST}: argument is not func"));
        };
        if y.params.len() > 2 {
            return Err(format!("{MUST}: yield func has too many parameters"));
        }
        if y.results.len() != 1 || !self.tys.identical(y.results[0].ty, basic(BasicKind::Bool)) {
            if y.results.len() == 1 && self.tys.is_boolean(y.results[0].ty) {
                return Err(format!("{MUST}: yield func returns user-defined boolean, not bool"));
            }
            return Err(format!("{MUST}: yield func does not return bool"));
        }
        if y.variadic {
            let ts = self.ts(yt);
            return Err(format!("yield func of type {ts} cannot be variadic"));
        }
        Ok(y.params.iter().map(|p| p.ty).collect())
    }

    // ------------------------------------------------------------------
    // Terminating statements (spec "Terminating statements").

    /// Whether a statement list ends in a terminating statement.
    pub(crate) fn is_terminating_list(&self, list: &[Stmt], label: &str) -> bool {
        match list.iter().rev().find(|s| !matches!(s.kind, StmtKind::Empty)) {
            Some(s) => self.is_terminating(s, label),
            None => false,
        }
    }

    fn is_terminating(&self, s: &Stmt, label: &str) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) | StmtKind::Fallthrough => true,
            StmtKind::Labeled { label, stmt } => self.is_terminating(stmt, &label.name),
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, .. } = &unparen(e).kind
                    && let ExprKind::Ident(id) = &unparen(func).kind
                    && let Some(&o) = self.info.uses.get(&id.id)
                {
                    return self.builtin_of(o) == Some(Builtin::Panic);
                }
                false
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, ""),
            StmtKind::If { then, els, .. } => {
                els.as_ref().is_some_and(|e| self.is_terminating_list(&then.stmts, "") && self.is_terminating(e, ""))
            }
            StmtKind::Switch { cases, .. } => {
                let mut has_default = false;
                for c in cases {
                    if c.exprs.is_none() {
                        has_default = true;
                    }
                    if !self.is_terminating_list(&c.body, "") || has_break_list(&c.body, label, true) {
                        return false;
                    }
                }
                has_default
            }
            StmtKind::TypeSwitch { cases, .. } => {
                let mut has_default = false;
                for c in cases {
                    if c.types.is_none() {
                        has_default = true;
                    }
                    if !self.is_terminating_list(&c.body, "") || has_break_list(&c.body, label, true) {
                        return false;
                    }
                }
                has_default
            }
            StmtKind::Select(clauses) => {
                clauses.iter().all(|c| self.is_terminating_list(&c.body, "") && !has_break_list(&c.body, label, true))
            }
            StmtKind::For { cond: None, body, .. } => !has_break_list(&body.stmts, label, true),
            _ => false,
        }
    }
}

fn is_recv(e: &Expr) -> bool {
    matches!(unparen(e).kind, ExprKind::Unary { op: syntax::ast::UnaryOp::Recv, .. })
}

/// Whether two case constants are the same Go value.
fn same_key(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => a.compare(crate::constant::Cmp::Eq, b),
        (Value::Str(x), Value::Str(y)) => x == y,
        // gc does not look for duplicate boolean cases.
        _ => false,
    }
}

fn has_break_list(list: &[Stmt], label: &str, implicit: bool) -> bool {
    list.iter().any(|s| has_break(s, label, implicit))
}

fn has_break(s: &Stmt, label: &str, implicit: bool) -> bool {
    match &s.kind {
        StmtKind::Break(None) => implicit,
        StmtKind::Break(Some(l)) => l.name == label,
        StmtKind::Labeled { stmt, .. } => has_break(stmt, label, implicit),
        StmtKind::Block(b) => has_break_list(&b.stmts, label, implicit),
        StmtKind::If { then, els, .. } => {
            has_break_list(&then.stmts, label, implicit) || els.as_ref().is_some_and(|e| has_break(e, label, implicit))
        }
        StmtKind::Switch { cases, .. } => {
            !label.is_empty() && cases.iter().any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::TypeSwitch { cases, .. } => {
            !label.is_empty() && cases.iter().any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::Select(cs) => !label.is_empty() && cs.iter().any(|c| has_break_list(&c.body, label, false)),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            !label.is_empty() && has_break_list(&body.stmts, label, false)
        }
        _ => false,
    }
}
