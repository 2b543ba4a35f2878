//! Goroutines and channels: `go`, `make(chan T, n)`, send, receive (plain
//! and comma-ok), `close`, `range` over a channel and `select`, lowered to
//! [`IK::Chan`] operations, [`Stmt::Go`] and [`Stmt::Select`].
//!
//! A `go` statement takes the path of a `defer`: its operands are evaluated
//! at the statement and the call, wrapped as gc wraps it (the wrapper's
//! closure number is spent even when deft calls the function directly), is
//! made by the new goroutine.
//!
//! A `select` evaluates every channel operand and every value to send, in
//! source order, into temporaries; the chosen receive case stores into
//! temporaries too, and its body begins by assigning them to the clause's
//! variables (`v, ok := <-c` declares them there, scoped to the clause).
//! The whole statement is a breakable block.
//!
//! `for v := range c` receives with the comma-ok form until the channel is
//! closed and drained.

use syntax::Pos;
use syntax::ast::{self, Expr, ExprKind, StmtKind, UnaryOp};
use types::{Type, TypeId};

use crate::func::FnCx;
use crate::ir::{ChanOp, Expr as IExpr, ExprKind as IK, Place, SelectCase, SelectDir, Stmt, TyId};
use crate::query::unparen;

impl FnCx<'_, '_> {
    /// The element type of channel type `t`.
    fn chan_elem(&mut self, t: TypeId, pos: Pos) -> TypeId {
        match self.under(t) {
            Type::Chan(_, e) => e,
            _ => self.ice(pos, "channel operation on a non-channel"),
        }
    }

    fn chan_expr(&self, op: ChanOp, args: Vec<IExpr>, ty: TyId, pos: Pos) -> IExpr {
        IExpr { kind: IK::Chan(op, args), ty, pos }
    }

    /// `make(chan T[, n])`; `e` is the call.
    pub fn make_chan(&mut self, args: &[Expr], e: &Expr) -> IExpr {
        let ty = self.cx.ty(self.go_type(e));
        let size = args.get(1).map(|n| self.size_arg(n)).into_iter().collect();
        self.chan_expr(ChanOp::Make, size, ty, e.pos)
    }

    /// `close(c)`.
    pub fn close_chan(&mut self, c: &Expr, pos: Pos) -> IExpr {
        let cv = self.expr(c);
        let unit = self.unit_ty();
        self.chan_expr(ChanOp::Close, vec![cv], unit, pos)
    }

    /// `<-c`, of type `ty` (the element type).
    pub fn recv(&mut self, c: &Expr, ty: TyId, pos: Pos) -> IExpr {
        let cv = self.expr(c);
        self.chan_expr(ChanOp::Recv, vec![cv], ty, pos)
    }

    /// `v, ok := <-c` (`e` is the receive), of tuple type `ty`.
    pub fn recv_ok(&mut self, e: &Expr, ty: TyId) -> Option<IExpr> {
        let ExprKind::Unary { op: UnaryOp::Recv, x } = &unparen(e).kind else { return None };
        let cv = self.expr(x);
        Some(self.chan_expr(ChanOp::RecvOk, vec![cv], ty, e.pos))
    }

    /// `c <- v`.
    pub fn send_stmt(&mut self, c: &Expr, v: &Expr, pos: Pos, out: &mut Vec<Stmt>) {
        self.hoist(&[c, v], false, out);
        let elem = self.chan_elem(self.go_type(c), pos);
        let cv = self.expr(c);
        let vv = self.value_as(v, elem);
        let unit = self.unit_ty();
        out.push(Stmt::Eval(self.chan_expr(ChanOp::Send, vec![cv, vv], unit, pos)));
    }

    /// `go call`.
    pub fn go_stmt(&mut self, s: &ast::Stmt, call: &Expr, out: &mut Vec<Stmt>) {
        let wrapper = self.plan.go_wrapper(s);
        self.defer_operands(call, out);
        if let Some(call) = self.deferred_call(call, wrapper) {
            out.push(Stmt::Go(call));
        }
    }

    /// `for k := range c`: receive until the channel is closed and drained.
    #[allow(clippy::too_many_arguments)]
    pub fn range_chan(
        &mut self,
        k: Option<&Expr>,
        x: &Expr,
        body: &ast::Block,
        label: Option<String>,
        pos: Pos,
        out: &mut Vec<Stmt>,
    ) {
        let elem = self.chan_elem(self.go_type(x), pos);
        let cv = self.expr(x);
        let c = self.spill(cv, out);
        let (ety, bool_ty) = (self.cx.ty(elem), self.bool_ty());
        let tuple = self.cx.with_tys(|m, env, o| m.tuple(env, o, vec![ety, bool_ty]));
        let lp = self.in_scope(true, label, |f, id| {
            let (v, ok) = (f.temp(ety), f.temp(bool_ty));
            let recv = f.chan_expr(ChanOp::RecvOk, vec![f.local_expr(c, pos)], tuple, pos);
            let not_ok =
                IExpr { kind: IK::Unary(crate::ir::UnOp::Not, Box::new(f.local_expr(ok, pos))), ty: bool_ty, pos };
            let mut b = vec![
                Stmt::Decl(v),
                Stmt::Decl(ok),
                Stmt::AssignMulti(vec![Some(Place::Local(v)), Some(Place::Local(ok))], recv),
                Stmt::If { cond: not_ok, then: vec![Stmt::Break(id)], els: Vec::new() },
            ];
            if let Some(k) = k {
                let val = f.local_expr(v, pos);
                f.range_assigns(vec![(k, val, elem)], pos, &mut b);
            }
            f.stmts(&body.stmts, &mut b);
            Stmt::Loop { id, cond: None, body: b, post: Vec::new() }
        });
        out.push(lp);
    }

    /// `select { ... }`.
    pub fn select_stmt(&mut self, clauses: &[ast::CommClause], label: Option<String>, out: &mut Vec<Stmt>) {
        let blk = self.in_scope(false, label, |f, id| {
            let mut b = Vec::new();
            let mut cases = Vec::new();
            let mut default = None;
            for cl in clauses {
                match &cl.comm {
                    None => {
                        let mut body = Vec::new();
                        f.stmts(&cl.body, &mut body);
                        default = Some(body);
                    }
                    Some(comm) => {
                        if let Some(case) = f.select_case(comm, &cl.body, &mut b) {
                            cases.push(case);
                        }
                    }
                }
            }
            b.push(Stmt::Select { cases, default });
            Stmt::Block { id, body: b }
        });
        out.push(blk);
    }

    /// One communication clause: its operands are evaluated into `pre`.
    fn select_case(&mut self, comm: &ast::Stmt, body: &[ast::Stmt], pre: &mut Vec<Stmt>) -> Option<SelectCase> {
        let pos = comm.pos;
        // The receive, the targets it assigns, the names it declares.
        let (recv, targets, defined) = match &comm.kind {
            StmtKind::Send { chan, value } => {
                self.hoist(&[chan, value], false, pre);
                let elem = self.chan_elem(self.go_type(chan), pos);
                let cv = self.expr(chan);
                let c = self.spill(cv, pre);
                let vv = self.value_as(value, elem);
                let v = self.spill(vv, pre);
                let mut b = Vec::new();
                self.stmts(body, &mut b);
                return Some(SelectCase { chan: c, dir: SelectDir::Send(v), body: b });
            }
            StmtKind::Expr(e) => (e, Vec::new(), &[][..]),
            StmtKind::Assign { lhs, op: None, rhs } if rhs.len() == 1 => (&rhs[0], lhs.iter().collect(), &[][..]),
            StmtKind::Define { lhs, rhs } if rhs.len() == 1 => (&rhs[0], Vec::new(), &lhs[..]),
            _ => self.ice(pos, "select case is not a send or a receive"),
        };
        let ExprKind::Unary { op: UnaryOp::Recv, x } = &unparen(recv).kind else {
            self.ice(pos, "select case without a receive")
        };
        self.hoist(&[x], false, pre);
        let elem = self.chan_elem(self.go_type(x), pos);
        let cv = self.expr(x);
        let c = self.spill(cv, pre);
        let (ety, bool_ty) = (self.cx.ty(elem), self.bool_ty());
        let (value, ok) = (self.temp(ety), self.temp(bool_ty));
        pre.extend([Stmt::Decl(value), Stmt::Decl(ok)]);
        let mut b = Vec::new();
        let bool_go = types::TypeTable::basic(types::BasicKind::Bool);
        let results = [(self.local_expr(value, pos), elem), (self.local_expr(ok, pos), bool_go)];
        if !defined.is_empty() {
            for (id, (v, from)) in defined.iter().zip(results) {
                let Some(&obj) = self.cx.info.defs.get(&id.id) else { continue };
                let l = self.declare_var(obj);
                let t = self.facts().obj_ty(obj);
                b.push(Stmt::Decl(l));
                b.push(Stmt::Assign(Place::Local(l), self.convert_to(v, from, t, pos)));
            }
        } else {
            let assigns = targets
                .into_iter()
                .zip(results)
                .filter(|(target, _)| !matches!(&target.kind, ExprKind::Ident(i) if i.name == "_"))
                .map(|(target, (v, from))| (target, v, from))
                .collect();
            self.range_assigns(assigns, pos, &mut b);
        }
        self.stmts(body, &mut b);
        Some(SelectCase { chan: c, dir: SelectDir::Recv { value: Some(value), ok: Some(ok) }, body: b })
    }
}
