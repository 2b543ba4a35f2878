//! A read-only walk over one function's lowered IR, for the analyses that
//! read a body before it is translated (codegen's bounds-check
//! elimination and its frame cells, `escape.rs`).
//!
//! The walk is pre-order: a hook sees a statement, expression or place
//! before its children, and returning `false` skips them. Children are
//! visited in the order they are evaluated (a place's operands before the
//! value assigned to it, a loop's condition before its body and post
//! statements). Function literals are not entered: their bodies are other
//! [`Func`](crate::ir::Func)s, and a closure expression's captures are
//! locals, not expressions.

use crate::ir::{Call, Callee, Expr, ExprKind, Place, SelectDir, Stmt};

/// Hooks called by [`walk_stmts`]; each returns whether to visit the node's
/// children.
pub trait Visitor {
    /// Called for every statement.
    fn stmt(&mut self, _s: &Stmt) -> bool {
        true
    }
    /// Called for every expression.
    fn expr(&mut self, _e: &Expr) -> bool {
        true
    }
    /// Called for every place (assigned to, loaded, or whose address is taken).
    fn place(&mut self, _p: &Place) -> bool {
        true
    }
    /// Called for every call (an expression's, a `go` or `defer`
    /// statement's) before its callee and arguments are walked: the one
    /// hook that sees a static callee ([`Callee::Func`]).
    fn call(&mut self, _c: &Call) {}
}

/// Walks a statement list and everything inside it.
pub fn walk_stmts(list: &[Stmt], v: &mut impl Visitor) {
    for s in list {
        walk_stmt(s, v);
    }
}

/// Walks one statement and everything inside it.
pub fn walk_stmt(s: &Stmt, v: &mut impl Visitor) {
    if !v.stmt(s) {
        return;
    }
    match s {
        Stmt::Decl(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::Label(_) | Stmt::Goto(_) | Stmt::Return(_) => {}
        Stmt::Eval(e) => walk_expr(e, v),
        Stmt::Assign(p, e) => {
            walk_place(p, v);
            walk_expr(e, v);
        }
        Stmt::AssignMulti(ps, e) => {
            ps.iter().flatten().for_each(|p| walk_place(p, v));
            walk_expr(e, v);
        }
        Stmt::If { cond, then, els } => {
            walk_expr(cond, v);
            walk_stmts(then, v);
            walk_stmts(els, v);
        }
        Stmt::Loop { cond, body, post, .. } => {
            cond.iter().for_each(|c| walk_expr(c, v));
            walk_stmts(body, v);
            walk_stmts(post, v);
        }
        Stmt::Block { body, .. } => walk_stmts(body, v),
        Stmt::TypeSwitch { x, arms, miss, .. } => {
            walk_expr(x, v);
            arms.iter().for_each(|a| walk_stmts(a, v));
            walk_stmts(miss, v);
        }
        Stmt::Go(call) | Stmt::Defer { call, .. } => walk_call(call, v),
        Stmt::Select { cases, default } => {
            for c in cases {
                walk_stmts(&c.body, v);
            }
            default.iter().for_each(|d| walk_stmts(d, v));
        }
    }
}

/// Walks a call's callee and arguments.
fn walk_call(c: &Call, v: &mut impl Visitor) {
    v.call(c);
    match &c.callee {
        Callee::Func(_) => {}
        Callee::Value(e) | Callee::Interface(e, _) => walk_expr(e, v),
    }
    c.args.iter().for_each(|a| walk_expr(a, v));
}

/// Walks a place and its operands.
pub fn walk_place(p: &Place, v: &mut impl Visitor) {
    if !v.place(p) {
        return;
    }
    match p {
        Place::Local(_) | Place::Global(_) => {}
        Place::Deref(e) => walk_expr(e, v),
        Place::Field(inner, _) => walk_place(inner, v),
        Place::ArrayIndex(inner, i) => {
            walk_place(inner, v);
            walk_expr(i, v);
        }
        Place::SliceIndex(x, i) | Place::MapIndex(x, i) => {
            walk_expr(x, v);
            walk_expr(i, v);
        }
    }
}

/// Walks an expression and everything inside it.
pub fn walk_expr(e: &Expr, v: &mut impl Visitor) {
    if !v.expr(e) {
        return;
    }
    match &e.kind {
        ExprKind::Const(_)
        | ExprKind::Local(_)
        | ExprKind::Global(_)
        | ExprKind::FuncValue(_)
        | ExprKind::Closure { .. }
        | ExprKind::New
        | ExprKind::Recover
        | ExprKind::PanicWrap { .. }
        | ExprKind::FramePointer
        | ExprKind::Zero => {}
        ExprKind::Load(p) | ExprKind::AddrOf(p) => walk_place(p, v),
        ExprKind::Call(c) => walk_call(c, v),
        ExprKind::Unary(_, x)
        | ExprKind::Convert(x)
        | ExprKind::ToInterface(x)
        | ExprKind::Len(x)
        | ExprKind::Cap(x)
        | ExprKind::Panic(x)
        | ExprKind::PanicRangeState(x)
        | ExprKind::IfaceMethodValue(x, _)
        | ExprKind::ComplexPart { x, .. }
        | ExprKind::Clear(x)
        | ExprKind::DataPtr(x)
        | ExprKind::RecoverFor(x)
        | ExprKind::TypeAssert { x, .. } => walk_expr(x, v),
        ExprKind::Binary(_, x, y)
        | ExprKind::AndAnd(x, y)
        | ExprKind::OrOr(x, y)
        | ExprKind::Index(x, y)
        | ExprKind::AppendSlice(x, y)
        | ExprKind::FromPointer(x, y)
        | ExprKind::Copy(x, y)
        | ExprKind::DecodeRune { s: x, i: y } => {
            walk_expr(x, v);
            walk_expr(y, v);
        }
        ExprKind::MakeSlice { len, cap } => {
            walk_expr(len, v);
            cap.iter().for_each(|c| walk_expr(c, v));
        }
        ExprKind::Append(s, vs) => {
            walk_expr(s, v);
            vs.iter().for_each(|x| walk_expr(x, v));
        }
        ExprKind::Slice { x, lo, hi, max } => {
            walk_expr(x, v);
            [lo, hi, max].into_iter().flatten().for_each(|b| walk_expr(b, v));
        }
        ExprKind::Composite(es)
        | ExprKind::SliceLit(es)
        | ExprKind::Print { args: es, .. }
        | ExprKind::Map(_, es)
        | ExprKind::Chan(_, es) => es.iter().for_each(|x| walk_expr(x, v)),
        ExprKind::Seq(stmts, x) => {
            walk_stmts(stmts, v);
            walk_expr(x, v);
        }
    }
}

/// The locals a statement list may store into, anywhere inside it: the
/// targets of `Decl`s, assignments (a place rooted at the local: `x`,
/// `x.f`, `x[i]` of an array), select receives, and address-taken places.
/// Each is listed once per store, so a count tells how often a local is
/// written.
pub fn written_locals(list: &[Stmt]) -> Vec<crate::ir::LocalId> {
    struct Writes(Vec<crate::ir::LocalId>);
    impl Visitor for Writes {
        fn stmt(&mut self, s: &Stmt) -> bool {
            match s {
                Stmt::Decl(l) => self.0.push(*l),
                Stmt::Assign(p, _) => self.0.extend(p.root_local()),
                Stmt::AssignMulti(ps, _) => self.0.extend(ps.iter().flatten().filter_map(Place::root_local)),
                Stmt::Select { cases, .. } => {
                    for c in cases {
                        match c.dir {
                            SelectDir::Recv { value, ok } => self.0.extend(value.into_iter().chain(ok)),
                            SelectDir::Send(_) => {}
                        }
                    }
                }
                _ => {}
            }
            true
        }
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::AddrOf(p) = &e.kind {
                self.0.extend(p.root_local());
            }
            true
        }
    }
    let mut w = Writes(Vec::new());
    walk_stmts(list, &mut w);
    w.0
}
