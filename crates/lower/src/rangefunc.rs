//! Range over functions (Go 1.23): `for k, v := range f { body }`.
//!
//! As gc rewrites it, the loop body becomes a function of its own, the
//! *yield function*, which `f` is called with:
//!
//! ```text
//! #state := READY                       // a cell shared with the body
//! f(main.g-range1)                      // the body, a closure over #state, #next, ...
//! if #state == PANIC { panicrangestate(MISSING_PANIC) }
//! #state = EXHAUSTED
//! if #next == ... { ... }               // exits the body asked for
//!
//! func main.g-range1(k K, v V) bool {
//!     t := #state; #state = PANIC
//!     if t != READY { panicrangestate(t) }   // called after break, panic, or the loop's end
//!     body
//!     #state = READY; return true
//! }
//! ```
//!
//! Inside the body, `continue` is `#state = READY; return true` and `break`
//! is `#state = DONE; return false`. An exit that must leave the iterator
//! call too (a `return`, a labeled `break`/`continue` of an enclosing
//! statement) stores a code into `#next` (one cell per outermost loop,
//! shared by all nested ones) and returns false; each function running a
//! range-over-func loop tests `#next` after the iterator returns, and
//! either takes the exit (it owns the target) or stops its own iterator in
//! turn. `return` assigns the results of the function that contains the
//! loop through their cells (captured by the bodies), and that function
//! returns when the code is `-1`. The body's function is named as gc names
//! it, `outer-rangeN`; its function literals are `outer-rangeN.M`.
//!
//! `goto` to a label outside the body is such an exit too: the function
//! that declares the label (the enclosing function, or an enclosing loop
//! body) jumps there once its iterator has returned.
//!
//! **`defer` in a loop body** belongs to the function containing the
//! outermost loop, *F*: it runs when F returns or panics, among F's own
//! deferred calls in the order they were all deferred. gc makes a token
//! record (`deferrangefunc`) before the outermost loop, collects the body's
//! defers on it (`deferprocat`) and converts them when F's defers run. deft
//! needs no token: F stores its frame pointer into `#frame` before the
//! outermost loop (only when some body has a `defer`), the bodies capture
//! a copy, and a body's `defer` ([`crate::ir::DeferSite::outer`]) links a
//! pooled heap record *for F's frame* into the goroutine's chain, in front
//! of F's records and behind those of the frames in between (the
//! iterator's, which run first when a panic unwinds through them). F
//! cannot defer anything while the loop runs, so F's records then hold its
//! own and its bodies' deferred calls newest first, exactly gc's order;
//! F's exit code and the panic walk run them like any records, `recover`
//! and the resumption after it included. F's own defers stop being
//! open-coded ([`crate::plan::FuncPlan::range_defers`]), as in gc, whose
//! `-d=defer` lines (stack-allocated in F, heap-allocated in the body) are
//! reproduced.
//!
//! The lowering is a seam of its own: `FnCx::range_ctx` is set only in the
//! function of a loop body, and the statements whose meaning changes there
//! (`break`, `continue`, `return`, `goto`, `defer`) ask it.
//!
//! Not supported yet (reported by the runtime, never wrong code): a body
//! with a `defer` run by another goroutine than F's (an iterator calling
//! its yield function from a goroutine of its own).

use std::collections::HashSet;

use syntax::Pos;
use syntax::ast::{self, Expr, ExprKind, Stmt as AStmt, StmtKind};
use types::{ObjId, Type};

use crate::func::FnCx;
use crate::ir::{BinOp, Call, Callee, Const, Expr as IExpr, ExprKind as IK, LocalId, Place, RangeState, Stmt};
use crate::plan::{PlanInput, plan_func};
use crate::visit::{self, Visitor};

/// What the function of a loop body knows about its loop.
pub struct RangeCtx {
    /// This loop's `#state` cell.
    pub state: LocalId,
    /// The `#next` cell of the outermost loop.
    pub next: LocalId,
    /// The frame pointer of the function containing the outermost loop,
    /// which the body's deferred calls attach to (a captured copy; only
    /// when the body or a nested one has a `defer`).
    pub frame: Option<LocalId>,
    /// The body function's own result (`true`: go on).
    pub own_result: LocalId,
    /// The loop's label.
    pub label: Option<String>,
    /// Exits through `#next` the enclosing functions must take.
    pub exits: Vec<Exit>,
    /// A `return` stored `-1` into `#next`.
    pub returns: bool,
    /// Labels declared in the body (outside its function literals).
    pub local_labels: HashSet<String>,
}

/// A labeled `break` or `continue`, or a `goto`, out of a loop body, by its
/// `#next` code.
#[derive(Clone, Debug)]
pub struct Exit {
    /// The code (positive; `-1` is `return`).
    pub code: u64,
    /// The target's label.
    pub label: String,
    /// What the function owning the label does.
    pub kind: ExitKind,
}

/// The statement an [`Exit`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// `break label`.
    Break,
    /// `continue label`.
    Continue,
    /// `goto label`.
    Goto,
}

/// `#next`'s code for `return`.
const RETURN_CODE: u64 = u64::MAX; // -1 as an int

impl FnCx<'_, '_> {
    /// Lowers a range over a function value.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn range_func(
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
        let info = self.cx.info;
        let ft = self.go_type(x);
        let yt = match self.facts().under(ft) {
            Type::Func(s) if s.params.len() == 1 => s.params[0],
            _ => self.ice(pos, "range over a function that is not an iterator"),
        };
        let yield_params = match self.facts().under(yt) {
            Type::Func(s) => s.params.clone(),
            _ => self.ice(pos, "iterator whose argument is not a function"),
        };
        // The iteration variables a `:=` clause declares are the yield
        // function's parameters, not locals of this function.
        self.iteration_decls.clear();
        let xv = self.expr(x);
        let it = self.spill(xv, out);
        let int = self.basic_ty(types::BasicKind::Int);
        let state = self.new_local("#state".into(), int, true);
        out.push(Stmt::Decl(state));
        out.push(Stmt::Assign(Place::Local(state), self.state_const(RangeState::Ready, pos)));
        let next = match &self.range_ctx {
            Some(r) => r.next,
            None => {
                let n = self.new_local("#next".into(), int, true);
                out.push(Stmt::Decl(n));
                out.push(Stmt::Assign(Place::Local(n), self.int_const(0, pos)));
                n
            }
        };
        // A `defer` in the body (or a nested one) attaches to the frame of
        // the function containing the outermost loop.
        let outer_frame = match &self.range_ctx {
            Some(r) => r.frame,
            None if crate::plan::has_defer(&body.stmts) => {
                let uintptr = self.basic_ty(types::BasicKind::Uintptr);
                let fr = self.new_local("#frame".into(), uintptr, false);
                out.push(Stmt::Decl(fr));
                out.push(Stmt::Assign(Place::Local(fr), IExpr { kind: IK::FramePointer, ty: uintptr, pos }));
                Some(fr)
            }
            None => None,
        };
        // `return` with results in the body assigns them through cells.
        let results = if body_returns(&body.stmts) { self.results.clone() } else { Vec::new() };
        if self.range_ctx.is_none() {
            for &r in &results {
                self.locals[r.0 as usize].heap = true;
            }
        }
        self.ranges += 1;
        let name = format!("{}-range{}", self.cx.prog.funcs[self.id.0 as usize].name, self.ranges);
        let fid = self.cx.reserve_func(name.clone(), pos);
        let params: Vec<ObjId> = if define {
            [k, v]
                .iter()
                .filter_map(|e| match e.map(|e| &e.kind) {
                    Some(ExprKind::Ident(id)) => info.defs.get(&id.id).copied().filter(|_| id.name != "_"),
                    _ => None,
                })
                .collect()
        } else {
            Vec::new()
        };
        let assigned = if define { [None, None] } else { [k, v] };
        let free = free_vars_of_body(info, &body.stmts, &assigned, &params);
        let mut plan = plan_func(
            &body.stmts,
            &PlanInput { facts: self.facts(), disable_open_defers: self.cx.opts.disable_open_defers, results: &[] },
        );
        // The deferred calls of nested loop bodies are the outer function's.
        plan.range_defers = false;
        let result_tys = self.result_tys.clone();
        let codes = self.range_codes;
        let subst = self.subst.clone();
        let mut f = FnCx::empty(self.cx, fid, format!("{name}."), plan);
        f.range_codes = codes;
        f.subst = subst;
        f.heap_objs = crate::func::addressed_vars(f.facts(), &f.cx.ptr_methods, &body.stmts);
        let mut targets = Vec::new();
        for (i, &pt) in yield_params.iter().enumerate() {
            let var = if define { [k, v].get(i).copied().flatten() } else { None };
            let obj = var.and_then(|e| match &e.kind {
                ExprKind::Ident(id) if id.name != "_" => info.defs.get(&id.id).copied(),
                _ => None,
            });
            let l = match obj {
                Some(o) => f.declare_var(o),
                None => {
                    let ty = f.cx.ty(pt);
                    f.new_local(format!("#p{}", i + 1), ty, false)
                }
            };
            if !define && let Some(Some(e)) = [k, v].get(i) {
                targets.push((*e, l, pt));
            }
            f.params.push(l);
        }
        for &obj in &free {
            let l = f.declare_var(obj);
            f.locals[l.0 as usize].heap = !f.cx.by_value.contains(&obj);
            f.captures.push(l);
        }
        let st = f.new_local("#state".into(), int, true);
        let nx = f.new_local("#next".into(), int, true);
        f.captures.extend([st, nx]);
        let frame = outer_frame.map(|_| {
            let uintptr = f.basic_ty(types::BasicKind::Uintptr);
            let fr = f.new_local("#frame".into(), uintptr, false);
            f.captures.push(fr);
            fr
        });
        for &r in &results {
            let l = f.new_local(self.locals[r.0 as usize].name.clone(), self.locals[r.0 as usize].ty, true);
            f.captures.push(l);
            f.results.push(l);
        }
        f.result_tys = if results.is_empty() { Vec::new() } else { result_tys };
        let bool_ty = f.bool_ty();
        let own_result = f.new_local("#r".into(), bool_ty, false);
        f.range_ctx = Some(RangeCtx {
            state: st,
            next: nx,
            frame,
            own_result,
            label,
            exits: Vec::new(),
            returns: false,
            local_labels: body_labels(&body.stmts),
        });
        let mut b = Vec::new();
        // `for x = range f`: the targets are assigned first, as gc's body
        // does, so a yield called when it must not be still sets them.
        let targets = targets.into_iter().map(|(e, l, t)| (e, f.local_expr(l, e.pos), t)).collect::<Vec<_>>();
        if !targets.is_empty() {
            f.range_assigns(targets, pos, &mut b);
        }
        // Entry check: only a READY loop may run its body.
        let tmp = f.spill(f.local_expr(st, pos), &mut b);
        b.push(Stmt::Assign(Place::Local(st), f.state_const(RangeState::Panic, pos)));
        let ready = f.state_const(RangeState::Ready, pos);
        let not_ready = f.binary(BinOp::Ne, f.local_expr(tmp, pos), ready, bool_ty, pos);
        let unit = f.unit_ty();
        let raise = IExpr { kind: IK::PanicRangeState(Box::new(f.local_expr(tmp, pos))), ty: unit, pos };
        b.push(Stmt::If { cond: not_ready, then: vec![Stmt::Eval(raise)], els: Vec::new() });
        f.stmts(&body.stmts, &mut b);
        f.body_exit(RangeState::Ready, true, body.end, &mut b);
        let Some(ctx) = f.range_ctx.take() else { f.ice(pos, "range body lost its context") };
        let codes = f.range_codes;
        f.results = vec![own_result];
        f.finish(b, body.end);
        self.range_codes = codes;

        // The call, and what follows it.
        let captures: Vec<LocalId> = free
            .iter()
            .map(|&o| self.var(o, pos))
            .chain([state, next])
            .chain(outer_frame)
            .chain(results.iter().copied())
            .collect();
        let yty = self.cx.ty(yt);
        let closure = IExpr { kind: IK::Closure { func: fid, captures }, ty: yty, pos };
        let unit = self.unit_ty();
        let call = Call { callee: Callee::Value(self.local_expr(it, pos)), args: vec![closure], pos };
        out.push(Stmt::Eval(IExpr { kind: IK::Call(Box::new(call)), ty: unit, pos }));
        let bool_ty = self.bool_ty();
        let panicked = self.state_const(RangeState::Panic, pos);
        let cond = self.binary(BinOp::Eq, self.local_expr(state, pos), panicked, bool_ty, pos);
        // gc reports a swallowed panic at the loop's closing brace.
        let missing = self.state_const(RangeState::MissingPanic, body.end);
        let raise = IExpr { kind: IK::PanicRangeState(Box::new(missing)), ty: unit, pos: body.end };
        out.push(Stmt::If { cond, then: vec![Stmt::Eval(raise)], els: Vec::new() });
        out.push(Stmt::Assign(Place::Local(state), self.state_const(RangeState::Exhausted, pos)));
        self.take_exits(ctx, next, pos, out);
    }

    /// After an iterator call: the exits its body asked for.
    fn take_exits(&mut self, ctx: RangeCtx, next: LocalId, pos: Pos, out: &mut Vec<Stmt>) {
        let bool_ty = self.bool_ty();
        let mut propagate = ctx.returns;
        for e in ctx.exits {
            let mut then = vec![Stmt::Assign(Place::Local(next), self.int_const(0, pos))];
            let is_continue = e.kind == ExitKind::Continue;
            if e.kind == ExitKind::Goto {
                if self.goto_leaves_body(&e.label) {
                    propagate = true;
                    if let Some(r) = self.range_ctx.as_mut() {
                        r.exits.push(e);
                    }
                    continue;
                }
                let l = self.label(&e.label);
                then.push(Stmt::Goto(l));
            } else if let Some(b) = self.label_scopes.get(&e.label).copied() {
                then.push(if is_continue { Stmt::Continue(b.id) } else { Stmt::Break(b.id) });
            } else if self.range_ctx.as_ref().is_some_and(|r| r.label.as_deref() == Some(e.label.as_str())) {
                let (st, go_on) = if is_continue { (RangeState::Ready, true) } else { (RangeState::Done, false) };
                self.body_exit(st, go_on, pos, &mut then);
            } else {
                propagate = true;
                match self.range_ctx.as_mut() {
                    Some(r) => r.exits.push(e),
                    None => self.ice(pos, "break or continue to a label outside the function"),
                }
                continue;
            }
            let code = self.int_const(e.code, pos);
            let cond = self.binary(BinOp::Eq, self.local_expr(next, pos), code, bool_ty, pos);
            out.push(Stmt::If { cond, then, els: Vec::new() });
        }
        if !propagate {
            return;
        }
        match self.range_ctx.as_mut() {
            Some(r) => {
                r.returns |= ctx.returns;
                let zero = self.int_const(0, pos);
                let cond = self.binary(BinOp::Ne, self.local_expr(next, pos), zero, bool_ty, pos);
                let mut then = Vec::new();
                self.body_exit(RangeState::Done, false, pos, &mut then);
                out.push(Stmt::If { cond, then, els: Vec::new() });
            }
            None => {
                let code = self.int_const(RETURN_CODE, pos);
                let cond = self.binary(BinOp::Eq, self.local_expr(next, pos), code, bool_ty, pos);
                out.push(Stmt::If { cond, then: vec![Stmt::Return(pos)], els: Vec::new() });
            }
        }
    }

    /// In a loop body's function: `#state = st; return go_on`.
    fn body_exit(&mut self, st: RangeState, go_on: bool, pos: Pos, out: &mut Vec<Stmt>) {
        let Some(ctx) = &self.range_ctx else { self.ice(pos, "loop body exit outside a loop body") };
        let (state, r) = (ctx.state, ctx.own_result);
        out.push(Stmt::Assign(Place::Local(state), self.state_const(st, pos)));
        let ty = self.bool_ty();
        out.push(Stmt::Assign(Place::Local(r), IExpr { kind: IK::Const(Const::Bool(go_on)), ty, pos }));
        out.push(Stmt::Return(pos));
    }

    /// A `break` or `continue` whose target is not in this function: in a
    /// loop body, this loop or a statement around it.
    pub(crate) fn range_branch(
        &mut self,
        label: Option<&ast::Ident>,
        is_continue: bool,
        pos: Pos,
        out: &mut Vec<Stmt>,
    ) {
        let Some(ctx) = &self.range_ctx else { self.ice(pos, "break or continue outside a loop") };
        let own = match label {
            None => true,
            Some(l) => ctx.label.as_deref() == Some(l.name.as_str()),
        };
        if own {
            let (st, go_on) = if is_continue { (RangeState::Ready, true) } else { (RangeState::Done, false) };
            self.body_exit(st, go_on, pos, out);
            return;
        }
        let Some(l) = label else { return };
        self.range_codes += 1;
        let code = self.range_codes;
        let next = ctx.next;
        if let Some(ctx) = self.range_ctx.as_mut() {
            let kind = if is_continue { ExitKind::Continue } else { ExitKind::Break };
            ctx.exits.push(Exit { code, label: l.name.clone(), kind });
        }
        out.push(Stmt::Assign(Place::Local(next), self.int_const(code, pos)));
        self.body_exit(RangeState::Done, false, pos, out);
    }

    /// `return` in a loop body, after the results were assigned.
    pub(crate) fn range_return(&mut self, pos: Pos, out: &mut Vec<Stmt>) {
        let Some(ctx) = self.range_ctx.as_mut() else { self.ice(pos, "return outside a loop body") };
        ctx.returns = true;
        let next = ctx.next;
        out.push(Stmt::Assign(Place::Local(next), self.int_const(RETURN_CODE, pos)));
        self.body_exit(RangeState::Done, false, pos, out);
    }

    /// `goto label` out of a loop body: like a labeled `break`, it stops
    /// every iterator up to the function that declares the label, which
    /// then jumps.
    pub(crate) fn range_goto(&mut self, label: &str, pos: Pos, out: &mut Vec<Stmt>) {
        let Some(ctx) = &self.range_ctx else { self.ice(pos, "goto out of a loop body outside one") };
        let next = ctx.next;
        self.range_codes += 1;
        let code = self.range_codes;
        if let Some(ctx) = self.range_ctx.as_mut() {
            ctx.exits.push(Exit { code, label: label.to_string(), kind: ExitKind::Goto });
        }
        out.push(Stmt::Assign(Place::Local(next), self.int_const(code, pos)));
        self.body_exit(RangeState::Done, false, pos, out);
    }

    /// Whether `goto label` here leaves a loop body.
    pub(crate) fn goto_leaves_body(&self, label: &str) -> bool {
        self.range_ctx.as_ref().is_some_and(|r| !r.local_labels.contains(label))
    }

    fn state_const(&mut self, s: RangeState, pos: Pos) -> IExpr {
        self.int_const(s as u64, pos)
    }
}

/// Whether a body has a `return` statement (outside its function literals).
fn body_returns(stmts: &[AStmt]) -> bool {
    struct V(bool);
    impl<'s> Visitor<'s> for V {
        fn stmt(&mut self, s: &'s AStmt) -> bool {
            if matches!(s.kind, StmtKind::Return(_)) {
                self.0 = true;
            }
            true
        }
        fn expr(&mut self, e: &'s Expr) -> bool {
            !matches!(e.kind, ExprKind::FuncLit { .. })
        }
    }
    let mut v = V(false);
    visit::walk_stmts(stmts, &mut v);
    v.0
}

/// The labels declared in a body (outside its function literals).
fn body_labels(stmts: &[AStmt]) -> HashSet<String> {
    struct V(HashSet<String>);
    impl<'s> Visitor<'s> for V {
        fn stmt(&mut self, s: &'s AStmt) -> bool {
            if let StmtKind::Labeled { label, .. } = &s.kind {
                self.0.insert(label.name.clone());
            }
            true
        }
        fn expr(&mut self, e: &'s Expr) -> bool {
            !matches!(e.kind, ExprKind::FuncLit { .. })
        }
    }
    let mut v = V(HashSet::new());
    visit::walk_stmts(stmts, &mut v);
    v.0
}

/// The variables of enclosing functions a loop body uses (its captures),
/// in order of first use: those of `targets` (the `=` clause's iteration
/// variables, assigned in the body) first. `params` are declared by the
/// clause itself.
fn free_vars_of_body(info: &types::Info, stmts: &[AStmt], targets: &[Option<&Expr>], params: &[ObjId]) -> Vec<ObjId> {
    let mut used = Vec::new();
    for t in targets.iter().flatten() {
        for o in crate::func::free_vars_in(info, |v| visit::walk_expr(t, v)) {
            if !used.contains(&o) {
                used.push(o);
            }
        }
    }
    for o in crate::func::free_vars_in(info, |v| visit::walk_stmts(stmts, v)) {
        if !used.contains(&o) && !params.contains(&o) {
            used.push(o);
        }
    }
    used
}
