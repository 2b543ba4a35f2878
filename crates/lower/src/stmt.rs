//! Statements: control flow, declarations, `return`, `defer`.
//!
//! Every statement first asks the defer plan for its fate: statements gc
//! removes as dead code produce nothing, unreachable ones produce nothing
//! but still get their closures compiled (see [`crate::plan`]).
//!
//! Shapes produced:
//! * `for init; cond; post { body }` → init, then `Loop { cond, body, post }`;
//!   since Go 1.22 a variable of the init's `:=` that lives in a heap cell
//!   is declared anew at the start of `post` (a fresh cell holding a copy
//!   of the last iteration's value), the others are plain locals and
//!   declared once; `range` clauses with `:=` declare their variables at
//!   the start of every iteration;
//! * `switch` → a breakable `Block`; without `fallthrough` an `If` chain
//!   (default last), with it `If`+`Goto` tests followed by the labeled
//!   bodies in source order, so falling through is just not breaking;
//! * `switch v := x.(type)` → a breakable `Block`: its leading concrete
//!   cases a `TypeSwitch` when there are enough of them, the rest an `If`
//!   chain;
//! * `for i := range n` → a `Loop` over a hidden counter of n's type, n
//!   evaluated once before it;
//! * `for i, r := range s` → a `Loop` over a hidden byte index, decoding with
//!   [`crate::ir::ExprKind::DecodeRune`]; over arrays and slices a hidden
//!   index and length;
//! * `return e1, e2` → results assigned (through temporaries when there are
//!   several), then `Return`.

use syntax::Pos;
use syntax::ast::{self, CaseClause, Expr, ExprKind, Stmt as AStmt, StmtKind};
use types::Type;

use crate::func::{Breakable, FnCx};
use crate::ir::{
    BinOp, Const, DeferKind, DeferSite, Expr as IExpr, ExprKind as IK, LocalId, Place, ScopeId, Stmt, TyId,
};
use crate::plan::{Fate, SwitchFold, key};

/// The fewest concrete types among a type switch's leading cases for which
/// it dispatches by the dynamic type's hash ([`Stmt::TypeSwitch`]): a few
/// compares of the type word cost less than loading the hash and an
/// indirect jump.
const HASHED_TYPE_CASES: usize = 5;

impl FnCx<'_, '_> {
    /// Lowers a statement list.
    pub fn stmts(&mut self, list: &[AStmt], out: &mut Vec<Stmt>) {
        for s in list {
            self.stmt(s, out);
        }
    }

    fn stmt(&mut self, s: &AStmt, out: &mut Vec<Stmt>) {
        match self.plan.fate(s) {
            Fate::Removed => return,
            Fate::SsaDead => {
                self.dead_stmt(s, out);
                return;
            }
            Fate::Live => {}
        }
        let label = self.pending_label.take();
        self.stmt_kind(s, label, out);
        // Every temporary `crate::order` made for the statement was used.
        debug_assert!(self.hoisted.is_empty(), "hoisted value not used at {:?}", s.pos);
    }

    fn stmt_kind(&mut self, s: &AStmt, label: Option<String>, out: &mut Vec<Stmt>) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Fallthrough => {}
            StmtKind::Bad => self.ice(s.pos, "syntax error node reached lowering"),
            StmtKind::Decl(d) => self.local_decl(d, out),
            StmtKind::Expr(e) => {
                self.hoist(&[e], true, out);
                self.expr_stmt(e, out)
            }
            StmtKind::Send { chan, value } => self.send_stmt(chan, value, s.pos, out),
            StmtKind::IncDec { target, inc } => {
                self.hoist(&[target], false, out);
                self.inc_dec(target, *inc, s.pos, out)
            }
            StmtKind::Assign { lhs, op: Some(op), rhs } => {
                self.hoist(&[&lhs[0], &rhs[0]], false, out);
                self.assign_op(&lhs[0], *op, &rhs[0], out)
            }
            StmtKind::Assign { lhs, op: None, rhs } => {
                let lhs_refs: Vec<&Expr> = lhs.iter().collect();
                self.hoist(&lhs_refs, false, out);
                // `x = f()` needs no temporary; `s[i] = f()` does (gc reads
                // `s` and `i` after the call).
                let keep = lhs.len() == 1 && matches!(crate::query::unparen(&lhs[0]).kind, ExprKind::Ident(_));
                if lhs.len() > 1 && lhs.len() == rhs.len() {
                    let tys: Vec<types::TypeId> = lhs.iter().map(|l| self.lhs_type(l)).collect();
                    self.hoist_into(rhs, &tys, out);
                } else {
                    let rhs_refs: Vec<&Expr> = rhs.iter().collect();
                    self.hoist(&rhs_refs, keep, out);
                }
                self.assign(lhs, rhs, out)
            }
            StmtKind::Define { lhs, rhs } => {
                let rhs_refs: Vec<&Expr> = rhs.iter().collect();
                self.hoist(&rhs_refs, rhs.len() == 1, out);
                self.define(lhs, rhs, out)
            }
            StmtKind::Go(call) => self.go_stmt(s, call, out),
            StmtKind::Defer(call) => self.defer_stmt(s, call, out),
            StmtKind::Return(es) => self.return_stmt(es, s.pos, out),
            StmtKind::Break(l) => match self.branch_target(l.as_ref(), false) {
                Some(b) => out.push(Stmt::Break(b)),
                None => self.range_branch(l.as_ref(), false, s.pos, out),
            },
            StmtKind::Continue(l) => match self.branch_target(l.as_ref(), true) {
                Some(b) => out.push(Stmt::Continue(b)),
                None => self.range_branch(l.as_ref(), true, s.pos, out),
            },
            StmtKind::Goto(l) if self.goto_leaves_body(&l.name) => self.range_goto(&l.name, s.pos, out),
            StmtKind::Goto(l) => {
                let l = self.label(&l.name);
                out.push(Stmt::Goto(l));
            }
            StmtKind::Block(b) => self.stmts(&b.stmts, out),
            StmtKind::If { init, cond, then, els } => self.if_stmt(s, init.as_deref(), cond, then, els.as_deref(), out),
            StmtKind::Switch { init, tag, cases, .. } => {
                self.switch_stmt(s, init.as_deref(), tag.as_ref(), cases, label, out)
            }
            StmtKind::TypeSwitch { init, bind, subject, cases, .. } => {
                self.type_switch(init.as_deref(), bind.is_some(), subject, cases, label, out)
            }
            StmtKind::Select(clauses) => self.select_stmt(clauses, label, out),
            StmtKind::For { init, cond, post, body } => {
                self.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body, label, out)
            }
            StmtKind::Range { key, value, define, expr, body, .. } => {
                self.range_stmt(key.as_ref(), value.as_ref(), *define, expr, body, label, s.pos, out)
            }
            StmtKind::Labeled { label, stmt } => {
                let l = self.label(&label.name);
                out.push(Stmt::Label(l));
                self.pending_label = Some(label.name.clone());
                self.stmt(stmt, out);
                self.pending_label = None;
            }
        }
    }

    /// An unreachable statement: only its closures (gc compiles them) and
    /// the declarations of its variables (a later label may make code that
    /// reads them reachable).
    fn dead_stmt(&mut self, s: &AStmt, out: &mut Vec<Stmt>) {
        self.dead_closures(s);
        let names: Vec<&ast::Ident> = match &s.kind {
            StmtKind::Define { lhs, .. } => lhs.iter().collect(),
            StmtKind::Decl(ast::Decl::Var(specs)) => specs.iter().flat_map(|s| &s.names).collect(),
            _ => Vec::new(),
        };
        for n in names {
            if let Some(&obj) = self.cx.info.defs.get(&n.id)
                && n.name != "_"
                && !self.vars.contains_key(&obj)
            {
                let l = self.declare_var(obj);
                out.push(Stmt::Decl(l));
            }
        }
    }

    fn expr_stmt(&mut self, e: &Expr, out: &mut Vec<Stmt>) {
        let v = self.expr(e);
        out.push(Stmt::Eval(v));
    }

    /// The loop or block of this function a `break`/`continue` leaves
    /// (none: the range-over-func loop whose body this function is, or a
    /// statement around it, see `crate::rangefunc`).
    fn branch_target(&mut self, label: Option<&ast::Ident>, is_continue: bool) -> Option<ScopeId> {
        let found = match label {
            Some(l) => self.label_scopes.get(&l.name).copied(),
            None => self.breakables.iter().rev().find(|b| b.is_loop || !is_continue).copied(),
        };
        found.map(|b| b.id)
    }

    /// Opens a breakable scope (registering its label), runs `f`, closes it.
    pub(crate) fn in_scope<R>(
        &mut self,
        is_loop: bool,
        label: Option<String>,
        f: impl FnOnce(&mut Self, ScopeId) -> R,
    ) -> R {
        let id = self.new_scope();
        let b = Breakable { id, is_loop };
        if let Some(l) = &label {
            self.label_scopes.insert(l.clone(), b);
        }
        self.breakables.push(b);
        let r = f(self, id);
        self.breakables.pop();
        if let Some(l) = &label {
            self.label_scopes.remove(l);
        }
        r
    }

    fn simple_init(&mut self, init: Option<&AStmt>, out: &mut Vec<Stmt>) {
        if let Some(s) = init {
            self.stmt(s, out);
        }
    }

    fn if_stmt(
        &mut self,
        s: &AStmt,
        init: Option<&AStmt>,
        cond: &Expr,
        then: &ast::Block,
        els: Option<&AStmt>,
        out: &mut Vec<Stmt>,
    ) {
        self.simple_init(init, out);
        match self.plan.const_ifs.get(&key(s)).copied() {
            Some(true) => self.stmts(&then.stmts, out),
            Some(false) => {
                if let Some(e) = els {
                    self.stmt(e, out);
                }
            }
            None => {
                let cond = self.ordered(cond);
                let mut t = Vec::new();
                self.stmts(&then.stmts, &mut t);
                let mut e = Vec::new();
                if let Some(x) = els {
                    self.stmt(x, &mut e);
                }
                out.push(Stmt::If { cond, then: t, els: e });
            }
        }
    }

    fn for_stmt(
        &mut self,
        init: Option<&AStmt>,
        cond: Option<&Expr>,
        post: Option<&AStmt>,
        body: &ast::Block,
        label: Option<String>,
        out: &mut Vec<Stmt>,
    ) {
        self.simple_init(init, out);
        let renewed = self.per_iteration_cells(init);
        let cond = cond.map(|c| self.ordered(c));
        let lp = self.in_scope(true, label, |f, id| {
            let mut b = Vec::new();
            f.stmts(&body.stmts, &mut b);
            let mut p = Vec::new();
            for &l in &renewed {
                // The next iteration's variable starts as a copy of this
                // one's, before the post statement runs (Go 1.22).
                let pos = body.end;
                let copy = f.spill(f.local_expr(l, pos), &mut p);
                p.push(Stmt::Decl(l));
                p.push(Stmt::Assign(Place::Local(l), f.local_expr(copy, pos)));
            }
            if let Some(s) = post {
                f.stmt(s, &mut p);
            }
            Stmt::Loop { id, cond, body: b, post: p }
        });
        out.push(lp);
    }

    /// The variables a three-clause loop's `:=` init declares that must be
    /// renewed on every iteration: only those living in a heap cell (shared
    /// with a closure, or address taken) can tell one iteration's variable
    /// from the next, so the others stay plain locals at no cost.
    fn per_iteration_cells(&mut self, init: Option<&AStmt>) -> Vec<LocalId> {
        let Some(AStmt { kind: StmtKind::Define { lhs, .. }, pos, .. }) = init else { return Vec::new() };
        if !crate::lang::per_iteration_loop_vars(self.cx.info, *pos) {
            return Vec::new();
        }
        lhs.iter()
            .filter_map(|id| self.cx.info.defs.get(&id.id).and_then(|o| self.vars.get(o)).copied())
            .filter(|l| self.locals[l.0 as usize].heap)
            .collect()
    }

    fn switch_stmt(
        &mut self,
        s: &AStmt,
        init: Option<&AStmt>,
        tag: Option<&Expr>,
        cases: &[CaseClause],
        label: Option<String>,
        out: &mut Vec<Stmt>,
    ) {
        self.simple_init(init, out);
        match self.plan.switch_folds.get(&key(s)).cloned() {
            Some(SwitchFold::Nothing) => {}
            Some(SwitchFold::Only(ci)) => {
                let blk = self.in_scope(false, label, |f, id| {
                    let mut b = Vec::new();
                    f.stmts(&cases[ci].body, &mut b);
                    Stmt::Block { id, body: b }
                });
                out.push(blk);
            }
            None => {
                let blk = self.in_scope(false, label, |f, id| {
                    let mut b = Vec::new();
                    let tag = tag.map(|t| f.switch_tag(t, &mut b));
                    if cases.iter().any(ends_in_fallthrough) {
                        f.switch_with_labels(id, tag.as_ref(), cases, &mut b);
                    } else {
                        let chain = f.switch_chain(tag.as_ref(), cases);
                        b.extend(chain);
                    }
                    Stmt::Block { id, body: b }
                });
                out.push(blk);
            }
        }
    }

    /// Evaluates the tag once into a temporary.
    fn switch_tag(&mut self, tag: &Expr, out: &mut Vec<Stmt>) -> (LocalId, types::TypeId) {
        let t = self.go_type(tag);
        let v = self.ordered(tag);
        (self.spill(v, out), t)
    }

    /// The condition selecting a clause: `tag == e1 || tag == e2 ...`, or
    /// the expressions themselves for a tagless switch.
    fn case_cond(&mut self, tag: Option<&(LocalId, types::TypeId)>, exprs: &[Expr]) -> Option<IExpr> {
        let mut cond: Option<IExpr> = None;
        for e in exprs {
            let c = match tag {
                Some(&(t, tt)) => {
                    let tv = IExpr { kind: IK::Local(t), ty: self.locals[t.0 as usize].ty, pos: e.pos };
                    let bool_ty = self.bool_ty();
                    let mut pre = Vec::new();
                    self.hoist(&[e], true, &mut pre);
                    let c = self.compare(BinOp::Eq, tv, tt, e, bool_ty, e.pos);
                    if pre.is_empty() { c } else { IExpr { ty: c.ty, pos: c.pos, kind: IK::Seq(pre, Box::new(c)) } }
                }
                None => self.ordered(e),
            };
            cond = Some(match cond {
                None => c,
                Some(prev) => IExpr { ty: prev.ty, pos: prev.pos, kind: IK::OrOr(Box::new(prev), Box::new(c)) },
            });
        }
        cond
    }

    /// `if c1 { b1 } else if c2 { b2 } else { default }`.
    fn switch_chain(&mut self, tag: Option<&(LocalId, types::TypeId)>, cases: &[CaseClause]) -> Vec<Stmt> {
        let mut tests = Vec::new();
        let mut default = Vec::new();
        for c in cases {
            let mut body = Vec::new();
            self.stmts(&c.body, &mut body);
            match &c.exprs {
                None => default = body,
                Some(es) => {
                    let cond = self.case_cond(tag, es);
                    tests.push((cond, body));
                }
            }
        }
        tests.into_iter().rev().fold(default, |els, (cond, then)| match cond {
            Some(cond) => vec![Stmt::If { cond, then, els }],
            None => then,
        })
    }

    /// Tests that jump to labeled bodies, then the bodies in source order.
    fn switch_with_labels(
        &mut self,
        id: ScopeId,
        tag: Option<&(LocalId, types::TypeId)>,
        cases: &[CaseClause],
        out: &mut Vec<Stmt>,
    ) {
        let labels: Vec<_> = cases.iter().map(|_| self.fresh_label()).collect();
        let mut default = None;
        for (c, &l) in cases.iter().zip(&labels) {
            match &c.exprs {
                None => default = Some(l),
                Some(es) => {
                    if let Some(cond) = self.case_cond(tag, es) {
                        out.push(Stmt::If { cond, then: vec![Stmt::Goto(l)], els: Vec::new() });
                    }
                }
            }
        }
        out.push(default.map_or(Stmt::Break(id), Stmt::Goto));
        for (c, &l) in cases.iter().zip(&labels) {
            out.push(Stmt::Label(l));
            self.stmts(&c.body, out);
            if !ends_in_fallthrough(c) {
                out.push(Stmt::Break(id));
            }
        }
    }

    /// `switch v := x.(type) { case T: ... }` in a breakable block. The
    /// leading clauses whose cases are concrete types or `nil` become a
    /// [`Stmt::TypeSwitch`] when there are at least [`HASHED_TYPE_CASES`]
    /// types among them; the clauses from the first interface case on (an
    /// interface case may hold for any number of dynamic types, including
    /// those of later concrete cases, so Go's first match needs them in
    /// order) and shorter switches are an `If` chain, each type test a
    /// comma-ok type assertion, which also ends in the `default` clause. The
    /// clause's variable is declared at the start of its body.
    fn type_switch(
        &mut self,
        init: Option<&AStmt>,
        bind: bool,
        subject: &Expr,
        cases: &[ast::TypeCaseClause],
        label: Option<String>,
        out: &mut Vec<Stmt>,
    ) {
        self.simple_init(init, out);
        if let ExprKind::TypeAssert { x, .. } = &subject.kind {
            self.hoist(&[x], true, out);
        }
        let ExprKind::TypeAssert { x, .. } = &subject.kind else {
            self.ice(subject.pos, "type switch without x.(type)")
        };
        let blk = self.in_scope(false, label, |f, id| {
            let mut b = Vec::new();
            let xv = f.expr(x);
            let xt = f.spill(xv, &mut b);
            // The clauses before the first with an interface case, and the
            // types they test.
            let concrete = cases
                .iter()
                .position(|c| c.types.iter().flatten().any(|t| f.case_type(t).is_some_and(|t| f.is_interface(t))))
                .unwrap_or(cases.len());
            let hashed = cases[..concrete].iter().flat_map(|c| c.types.iter().flatten()).count() >= HASHED_TYPE_CASES;
            let mut tests = Vec::new();
            let mut default = Vec::new();
            let mut arms = Vec::new();
            let mut dispatch: Vec<(Option<TyId>, usize)> = Vec::new();
            for (k, c) in cases.iter().enumerate() {
                let dispatched = hashed && k < concrete && c.types.is_some();
                let single = c.types.as_ref().filter(|ts| ts.len() == 1 && !f.is_nil_case(&ts[0])).map(|ts| &ts[0]);
                let (cond, value) = match (&c.types, single) {
                    (Some(ts), _) if dispatched => {
                        for t in ts {
                            let ty = f.case_type(t).map(|t| f.cx.ty(t));
                            // A type parameter may repeat an earlier case's
                            // type: the first case has it.
                            if !dispatch.iter().any(|d| d.0 == ty) {
                                dispatch.push((ty, arms.len()));
                            }
                        }
                        let xv = f.local_expr(xt, c.pos);
                        let value = match single.and_then(|t| f.case_type(t)) {
                            // The arm runs only for this dynamic type, so the
                            // assertion's own test always passes.
                            Some(t) => {
                                let ty = f.cx.ty(t);
                                IExpr { kind: IK::TypeAssert { x: Box::new(xv), comma_ok: false }, ty, pos: c.pos }
                            }
                            None => xv,
                        };
                        (None, value)
                    }
                    (None, _) => (None, f.local_expr(xt, c.pos)),
                    (Some(_), Some(t)) => {
                        let (cond, v) = f.type_test(xt, t, true);
                        (Some(cond), f.local_expr(v.unwrap_or(xt), c.pos))
                    }
                    (Some(ts), None) => {
                        let conds: Vec<IExpr> = ts.iter().map(|t| f.type_test(xt, t, false).0).collect();
                        let bool_ty = f.bool_ty();
                        let cond = conds.into_iter().reduce(|a, b| IExpr {
                            kind: IK::OrOr(Box::new(a), Box::new(b)),
                            ty: bool_ty,
                            pos: c.pos,
                        });
                        (cond, f.local_expr(xt, c.pos))
                    }
                };
                let mut body = Vec::new();
                if bind && let Some(&obj) = f.cx.info.implicits.get(&c.implicit) {
                    let v = f.declare_var(obj);
                    let t = f.facts().obj_ty(obj);
                    let vt = f.cx.ty(t);
                    let value = if vt == value.ty {
                        value
                    } else {
                        IExpr { kind: IK::ToInterface(Box::new(value)), ty: vt, pos: c.pos }
                    };
                    body.extend([Stmt::Decl(v), Stmt::Assign(Place::Local(v), value)]);
                }
                f.stmts(&c.body, &mut body);
                match cond {
                    _ if dispatched => arms.push(body),
                    Some(cond) => tests.push((cond, body)),
                    None => default = body,
                }
            }
            let chain = tests.into_iter().rev().fold(default, |els, (cond, then)| vec![Stmt::If { cond, then, els }]);
            if hashed {
                let x = f.local_expr(xt, subject.pos);
                b.push(Stmt::TypeSwitch { x, cases: dispatch, arms, miss: chain });
            } else {
                b.extend(chain);
            }
            Stmt::Block { id, body: b }
        });
        out.push(blk);
    }

    /// The type of a type switch's case; `None` for `case nil`.
    fn case_type(&self, t: &ast::Type) -> Option<types::TypeId> {
        if self.is_nil_case(t) {
            return None;
        }
        let Some(tt) = self.facts().type_of(t.id) else { self.ice(t.pos, "type switch case without a type") };
        Some(tt)
    }

    /// `case nil` of a type switch.
    fn is_nil_case(&self, t: &ast::Type) -> bool {
        match &t.kind {
            ast::TypeKind::Name { pkg: None, name } => self
                .cx
                .info
                .uses
                .get(&name.id)
                .is_some_and(|&o| matches!(self.cx.info.obj(o).kind, types::ObjKind::Nil)),
            ast::TypeKind::Paren(inner) => self.is_nil_case(inner),
            _ => false,
        }
    }

    /// Whether the interface in `x` holds type `t` (or is nil, for the
    /// `nil` case); with `keep`, also the local receiving the value.
    fn type_test(&mut self, x: LocalId, t: &ast::Type, keep: bool) -> (IExpr, Option<LocalId>) {
        let pos = t.pos;
        let bool_ty = self.bool_ty();
        let xv = self.local_expr(x, pos);
        let Some(tt) = self.case_type(t) else {
            let nil = IExpr { kind: IK::Const(Const::Nil), ty: xv.ty, pos };
            return (self.binary(BinOp::Eq, xv, nil, bool_ty, pos), None);
        };
        let ty = self.cx.ty(tt);
        let tuple = self.cx.with_tys(|m, env, o| m.tuple(env, o, vec![ty, bool_ty]));
        let ok = self.temp(bool_ty);
        let val = keep.then(|| self.temp(ty));
        let assert = IExpr { kind: IK::TypeAssert { x: Box::new(xv), comma_ok: true }, ty: tuple, pos };
        let mut stmts: Vec<Stmt> = val.into_iter().chain([ok]).map(Stmt::Decl).collect();
        stmts.push(Stmt::AssignMulti(vec![val.map(Place::Local), Some(Place::Local(ok))], assert));
        let cond = IExpr { kind: IK::Seq(stmts, Box::new(self.local_expr(ok, pos))), ty: bool_ty, pos };
        (cond, val)
    }

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        k: Option<&Expr>,
        v: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
        label: Option<String>,
        pos: Pos,
        out: &mut Vec<Stmt>,
    ) {
        let k = k.filter(|e| !is_blank(e));
        let v = v.filter(|e| !is_blank(e));
        if define {
            // Declared before the loop (Go 1.19), or at the start of each
            // iteration (Go 1.22): `range_assigns` emits them there.
            let mut decls = Vec::new();
            for e in [k, v].into_iter().flatten() {
                self.define_range_var(e, &mut decls);
            }
            if crate::lang::per_iteration_loop_vars(self.cx.info, pos) {
                self.iteration_decls = decls;
            } else {
                out.extend(decls);
            }
        }
        self.hoist(&[x], true, out);
        let xt = self.go_type(x);
        match self.under(xt) {
            Type::Basic(b) if b.is_integer() => self.range_int(k, x, body, label, pos, out),
            Type::Basic(_) => self.range_string(k, v, x, body, label, pos, out),
            Type::Slice(_) => self.range_indexed(k, v, x, Indexed::Slice, body, label, pos, out),
            Type::Array(n, _) => self.range_indexed(k, v, x, Indexed::Array(n), body, label, pos, out),
            Type::Pointer(e) => match self.facts().under(e) {
                Type::Array(n, _) => {
                    let n = *n;
                    self.range_indexed(k, v, x, Indexed::PtrArray(n), body, label, pos, out)
                }
                _ => self.ice(pos, "range over a pointer to a non-array"),
            },
            Type::Map(..) => self.range_map(k, v, x, body, label, pos, out),
            Type::Chan(..) => self.range_chan(k, x, body, label, pos, out),
            Type::Func(_) => self.range_func(k, v, define, x, body, label, pos, out),
            _ => self.unsupported(pos, "this kind of range loop"),
        }
        debug_assert!(self.iteration_decls.is_empty(), "iteration variables never declared at {pos:?}");
        self.iteration_decls.clear();
    }

    fn define_range_var(&mut self, e: &Expr, out: &mut Vec<Stmt>) {
        let ExprKind::Ident(id) = &e.kind else { return };
        if let Some(&obj) = self.cx.info.defs.get(&id.id) {
            let l = self.declare_var(obj);
            out.push(Stmt::Decl(l));
        }
    }

    /// Assigns iteration variables (defined variables or any assignable
    /// expressions) their values, each converted from its Go type to the
    /// target's, as an assignment statement does: the operands of every
    /// target are evaluated first, then the stores are made left to right
    /// (`for i, x[i] = range y` stores into `x` at the old `i`).
    /// The iteration variables the `range` clause declares are declared
    /// here first when each iteration has its own.
    pub(crate) fn range_assigns(&mut self, targets: Vec<(&Expr, IExpr, types::TypeId)>, pos: Pos, out: &mut Vec<Stmt>) {
        out.append(&mut self.iteration_decls);
        let mut stores = Vec::with_capacity(targets.len());
        for (e, val, from) in targets {
            let t = self.go_type(e);
            let p = self.place(e);
            let p = self.pin_place(p, true, out);
            stores.push(Stmt::Assign(p, self.convert_to(val, from, t, pos)));
        }
        out.extend(stores);
    }

    /// `for i := range n` (Go 1.22): n evaluated once, the values 0 to
    /// n-1 in n's type (the checker gave an untyped constant its type).
    fn range_int(
        &mut self,
        k: Option<&Expr>,
        x: &Expr,
        body: &ast::Block,
        label: Option<String>,
        pos: Pos,
        out: &mut Vec<Stmt>,
    ) {
        let xt = self.go_type(x);
        let nv = self.expr(x);
        let ty = nv.ty;
        let n = self.spill(nv, out);
        let i = self.temp(ty);
        out.extend([Stmt::Decl(i), Stmt::Assign(Place::Local(i), IExpr { kind: IK::Const(Const::Int(0)), ty, pos })]);
        let bool_ty = self.bool_ty();
        let cond = self.binary(BinOp::Lt, self.local_expr(i, pos), self.local_expr(n, pos), bool_ty, pos);
        let lp = self.in_scope(true, label, |f, id| {
            let mut b = Vec::new();
            if let Some(k) = k {
                f.range_assigns(vec![(k, f.local_expr(i, pos), xt)], pos, &mut b);
            }
            f.stmts(&body.stmts, &mut b);
            let one = IExpr { kind: IK::Const(Const::Int(1)), ty, pos };
            let inc = f.binary(BinOp::Add, f.local_expr(i, pos), one, ty, pos);
            Stmt::Loop { id, cond: Some(cond), body: b, post: vec![Stmt::Assign(Place::Local(i), inc)] }
        });
        out.push(lp);
    }

    #[allow(clippy::too_many_arguments)]
    fn range_string(
        &mut self,
        k: Option<&Expr>,
        v: Option<&Expr>,
        x: &Expr,
        body: &ast::Block,
        label: Option<String>,
        pos: Pos,
        out: &mut Vec<Stmt>,
    ) {
        let sv = self.expr(x);
        let s = self.spill(sv, out);
        let int = self.basic_ty(types::BasicKind::Int);
        let rune = self.basic_ty(types::BasicKind::Int32);
        let i = self.temp(int);
        let next = self.temp(int);
        let r = self.temp(rune);
        out.extend([
            Stmt::Decl(i),
            Stmt::Assign(Place::Local(i), self.int_const(0, pos)),
            Stmt::Decl(next),
            Stmt::Decl(r),
        ]);
        let len = IExpr { kind: IK::Len(Box::new(self.local_expr(s, pos))), ty: int, pos };
        let bool_ty = self.bool_ty();
        let cond = self.binary(BinOp::Lt, self.local_expr(i, pos), len, bool_ty, pos);
        let tuple = self.cx.with_tys(|m, env, o| m.tuple(env, o, vec![rune, int]));
        let decode = IExpr {
            kind: IK::DecodeRune { s: Box::new(self.local_expr(s, pos)), i: Box::new(self.local_expr(i, pos)) },
            ty: tuple,
            pos,
        };
        let lp = self.in_scope(true, label, |f, id| {
            let mut b = vec![Stmt::AssignMulti(vec![Some(Place::Local(r)), Some(Place::Local(next))], decode)];
            let int = types::TypeTable::basic(types::BasicKind::Int);
            let rune = types::TypeTable::basic(types::BasicKind::Int32);
            let targets = [(k, i, int), (v, r, rune)]
                .into_iter()
                .filter_map(|(e, l, t)| e.map(|e| (e, f.local_expr(l, pos), t)))
                .collect();
            f.range_assigns(targets, pos, &mut b);
            f.stmts(&body.stmts, &mut b);
            let post = vec![Stmt::Assign(Place::Local(i), f.local_expr(next, pos))];
            Stmt::Loop { id, cond: Some(cond), body: b, post }
        });
        out.push(lp);
    }

    #[allow(clippy::too_many_arguments)]
    fn range_indexed(
        &mut self,
        k: Option<&Expr>,
        v: Option<&Expr>,
        x: &Expr,
        shape: Indexed,
        body: &ast::Block,
        label: Option<String>,
        pos: Pos,
        out: &mut Vec<Stmt>,
    ) {
        let int = self.basic_ty(types::BasicKind::Int);
        // With no value variable and a constant length, Go does not evaluate x.
        let constant_len = !crate::query::has_call_or_recv(self.facts(), x);
        let container = match (shape, v) {
            (Indexed::Array(_) | Indexed::PtrArray(_), None) if constant_len => None,
            _ => {
                let xv = self.expr(x);
                Some(self.spill(xv, out))
            }
        };
        let len = match (shape, container) {
            (Indexed::Array(n) | Indexed::PtrArray(n), _) => self.int_const(n, pos),
            (Indexed::Slice, Some(c)) => IExpr { kind: IK::Len(Box::new(self.local_expr(c, pos))), ty: int, pos },
            (Indexed::Slice, None) => self.ice(pos, "range over a slice without evaluating it"),
        };
        let n = self.spill(len, out);
        let i = self.temp(int);
        out.extend([Stmt::Decl(i), Stmt::Assign(Place::Local(i), self.int_const(0, pos))]);
        let bool_ty = self.bool_ty();
        let cond = self.binary(BinOp::Lt, self.local_expr(i, pos), self.local_expr(n, pos), bool_ty, pos);
        let elem_ty = self.go_type(x);
        let lp = self.in_scope(true, label, |f, id| {
            let mut b = Vec::new();
            let mut targets = Vec::new();
            if let Some(k) = k {
                targets.push((k, f.local_expr(i, pos), types::TypeTable::basic(types::BasicKind::Int)));
            }
            if let (Some(v), Some(c)) = (v, container) {
                let (val, from) = f.range_elem(c, i, shape, elem_ty, pos);
                targets.push((v, val, from));
            }
            f.range_assigns(targets, pos, &mut b);
            f.stmts(&body.stmts, &mut b);
            let one = f.int_const(1, pos);
            let inc = f.binary(BinOp::Add, f.local_expr(i, pos), one, int, pos);
            Stmt::Loop { id, cond: Some(cond), body: b, post: vec![Stmt::Assign(Place::Local(i), inc)] }
        });
        out.push(lp);
    }

    /// `c[i]` for the range container `c` (of Go type `ct`).
    fn range_elem(
        &mut self,
        c: LocalId,
        i: LocalId,
        shape: Indexed,
        ct: types::TypeId,
        pos: Pos,
    ) -> (IExpr, types::TypeId) {
        let facts = self.facts();
        let et = match (facts.under(ct), shape) {
            (Type::Slice(e) | Type::Array(_, e), _) => *e,
            (Type::Pointer(p), Indexed::PtrArray(_)) => match facts.under(*p) {
                Type::Array(_, e) => *e,
                _ => self.ice(pos, "range over a pointer to a non-array"),
            },
            _ => self.ice(pos, "range container has no element type"),
        };
        let idx = Box::new(self.local_expr(i, pos));
        let place = match shape {
            Indexed::Slice => Place::SliceIndex(Box::new(self.local_expr(c, pos)), idx),
            Indexed::Array(_) => Place::ArrayIndex(Box::new(Place::Local(c)), idx),
            Indexed::PtrArray(_) => Place::ArrayIndex(Box::new(Place::Deref(Box::new(self.local_expr(c, pos)))), idx),
        };
        let ty = self.cx.ty(et);
        (IExpr { kind: IK::Load(Box::new(place)), ty, pos }, et)
    }

    /// The type of an assignment's target (a blank `_` takes any value).
    fn lhs_type(&self, l: &Expr) -> types::TypeId {
        match self.facts().type_of(l.id) {
            Some(t) if !is_blank(l) => t,
            _ => types::TypeTable::basic(types::BasicKind::Invalid),
        }
    }

    fn return_stmt(&mut self, es: &[Expr], pos: Pos, out: &mut Vec<Stmt>) {
        let tys = self.result_tys.clone();
        if es.len() == 1 {
            self.hoist(&[&es[0]], true, out);
        } else {
            self.hoist_into(es, &tys, out);
        }
        let results = self.results.clone();
        let tys = self.result_tys.clone();
        match es.len() {
            0 => {}
            1 if results.len() > 1 => {
                let call = self.expr(&es[0]);
                let places = results.iter().map(|&r| Some(Place::Local(r))).collect();
                let elem_tys = self.tuple_elems(&es[0]);
                self.assign_multi_converted(places, &tys, call, &elem_tys, pos, out);
            }
            1 => {
                let v = self.value_as(&es[0], tys[0]);
                out.push(Stmt::Assign(Place::Local(results[0]), v));
            }
            _ => {
                let mut values = Vec::new();
                for (e, &t) in es.iter().zip(&tys) {
                    let v = self.value_as(e, t);
                    values.push(self.settle(v, out));
                }
                for (&r, v) in results.iter().zip(values) {
                    out.push(Stmt::Assign(Place::Local(r), v));
                }
            }
        }
        if self.range_ctx.is_some() {
            self.range_return(pos, out);
        } else {
            out.push(Stmt::Return(pos));
        }
    }

    fn defer_stmt(&mut self, s: &AStmt, call: &Expr, out: &mut Vec<Stmt>) {
        let Some(plan) = self.plan.defer(s) else { self.ice(s.pos, "defer statement without a plan") };
        if !plan.reported {
            return;
        }
        // In a range-over-func loop body the call belongs to the frame of
        // the function containing the loop: always a record (gc's
        // `deferprocat`, reported as heap-allocated).
        let (kind, outer) = match &self.range_ctx {
            Some(r) => match r.frame {
                Some(fr) => (DeferKind::Heap, Some(fr)),
                None => self.ice(s.pos, "defer in a loop body without the outer frame"),
            },
            None => (plan.kind, None),
        };
        self.defer_operands(call, out);
        let Some(call) = self.deferred_call(call, plan.wrapper) else {
            return;
        };
        let site = self.defers.len();
        self.defers.push(DeferSite { pos: s.pos, kind, outer });
        out.push(Stmt::Defer { site, call });
    }

    fn local_decl(&mut self, d: &ast::Decl, out: &mut Vec<Stmt>) {
        if let ast::Decl::Var(specs) = d {
            for spec in specs {
                self.var_spec(spec, out);
            }
        }
    }

    /// A fresh label for generated jumps.
    fn fresh_label(&mut self) -> crate::ir::LabelId {
        let name = format!("~L{}", self.labels.len());
        self.label(&name)
    }

    /// An integer constant of type `int`.
    pub fn int_const(&mut self, v: u64, pos: Pos) -> IExpr {
        let ty = self.basic_ty(types::BasicKind::Int);
        IExpr { kind: IK::Const(Const::Int(v)), ty, pos }
    }

    /// Reading a local.
    pub fn local_expr(&self, l: LocalId, pos: Pos) -> IExpr {
        IExpr { kind: IK::Local(l), ty: self.locals[l.0 as usize].ty, pos }
    }
}

/// How an indexed range container is reached.
#[derive(Clone, Copy)]
enum Indexed {
    Slice,
    Array(u64),
    PtrArray(u64),
}

fn ends_in_fallthrough(c: &CaseClause) -> bool {
    c.body.last().is_some_and(|s| matches!(s.kind, StmtKind::Fallthrough))
}

fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Ident(i) if i.name == "_")
}
