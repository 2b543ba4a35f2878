//! A read-only walk over the syntax tree, for the analyses that look at a
//! whole function body before it is lowered (defer planning, closure
//! numbering, captured variables).
//!
//! The walk visits statements and expressions in source order (pre-order).
//! A visitor returns `false` from a hook to skip that node's children; in
//! particular returning `false` for a function literal keeps the walk inside
//! the current function. Type expressions are not entered: the only
//! expressions they hold are constant array lengths.

use syntax::ast::{Block, CaseClause, CommClause, Decl, Expr, ExprKind, Stmt, StmtKind, TypeCaseClause};

/// Hooks called by [`walk_stmt`] / [`walk_expr`].
pub trait Visitor<'a> {
    /// Called for every statement before its children; `false` skips them.
    fn stmt(&mut self, _s: &'a Stmt) -> bool {
        true
    }
    /// Called for every expression before its children; `false` skips them.
    fn expr(&mut self, _e: &'a Expr) -> bool {
        true
    }
}

/// Walks a list of statements.
pub fn walk_stmts<'a>(list: &'a [Stmt], v: &mut impl Visitor<'a>) {
    for s in list {
        walk_stmt(s, v);
    }
}

/// Walks a block.
pub fn walk_block<'a>(b: &'a Block, v: &mut impl Visitor<'a>) {
    walk_stmts(&b.stmts, v);
}

/// Walks one statement and everything inside it.
pub fn walk_stmt<'a>(s: &'a Stmt, v: &mut impl Visitor<'a>) {
    if !v.stmt(s) {
        return;
    }
    match &s.kind {
        StmtKind::Empty | StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) => {}
        StmtKind::Fallthrough | StmtKind::Bad => {}
        StmtKind::Decl(d) => walk_decl(d, v),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(e, v),
        StmtKind::Send { chan, value } => {
            walk_expr(chan, v);
            walk_expr(value, v);
        }
        StmtKind::IncDec { target, .. } => walk_expr(target, v),
        StmtKind::Assign { lhs, rhs, .. } => {
            walk_exprs(lhs, v);
            walk_exprs(rhs, v);
        }
        StmtKind::Define { rhs, .. } => walk_exprs(rhs, v),
        StmtKind::Return(es) => walk_exprs(es, v),
        StmtKind::Block(b) => walk_block(b, v),
        StmtKind::If { init, cond, then, els } => {
            walk_opt_stmt(init, v);
            walk_expr(cond, v);
            walk_block(then, v);
            walk_opt_stmt(els, v);
        }
        StmtKind::Switch { init, tag, cases, .. } => {
            walk_opt_stmt(init, v);
            if let Some(t) = tag {
                walk_expr(t, v);
            }
            for c in cases {
                walk_case(c, v);
            }
        }
        StmtKind::TypeSwitch { init, subject, cases, .. } => {
            walk_opt_stmt(init, v);
            walk_expr(subject, v);
            for c in cases {
                walk_type_case(c, v);
            }
        }
        StmtKind::Select(cases) => {
            for c in cases {
                walk_comm(c, v);
            }
        }
        StmtKind::For { init, cond, post, body } => {
            walk_opt_stmt(init, v);
            if let Some(c) = cond {
                walk_expr(c, v);
            }
            walk_opt_stmt(post, v);
            walk_block(body, v);
        }
        StmtKind::Range { key, value, expr, body, .. } => {
            if let Some(k) = key {
                walk_expr(k, v);
            }
            if let Some(x) = value {
                walk_expr(x, v);
            }
            walk_expr(expr, v);
            walk_block(body, v);
        }
        StmtKind::Labeled { stmt, .. } => walk_stmt(stmt, v),
    }
}

fn walk_opt_stmt<'a>(s: &'a Option<Box<Stmt>>, v: &mut impl Visitor<'a>) {
    if let Some(s) = s {
        walk_stmt(s, v);
    }
}

fn walk_case<'a>(c: &'a CaseClause, v: &mut impl Visitor<'a>) {
    if let Some(es) = &c.exprs {
        walk_exprs(es, v);
    }
    walk_stmts(&c.body, v);
}

fn walk_type_case<'a>(c: &'a TypeCaseClause, v: &mut impl Visitor<'a>) {
    walk_stmts(&c.body, v);
}

fn walk_comm<'a>(c: &'a CommClause, v: &mut impl Visitor<'a>) {
    if let Some(s) = &c.comm {
        walk_stmt(s, v);
    }
    walk_stmts(&c.body, v);
}

/// Walks a declaration's initial values.
pub fn walk_decl<'a>(d: &'a Decl, v: &mut impl Visitor<'a>) {
    match d {
        Decl::Var(specs) => {
            for s in specs {
                walk_exprs(&s.values, v);
            }
        }
        Decl::Const(_) | Decl::Type(_) => {}
        Decl::Func(f) => {
            if let Some(b) = &f.body {
                walk_block(b, v);
            }
        }
    }
}

/// Walks a list of expressions.
pub fn walk_exprs<'a>(es: &'a [Expr], v: &mut impl Visitor<'a>) {
    for e in es {
        walk_expr(e, v);
    }
}

/// Walks one expression and its operands (and a function literal's body).
pub fn walk_expr<'a>(e: &'a Expr, v: &mut impl Visitor<'a>) {
    if !v.expr(e) {
        return;
    }
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::BasicLit { .. } | ExprKind::Type(_) | ExprKind::Bad => {}
        ExprKind::CompositeLit { elems, .. } => {
            for el in elems {
                if let Some(k) = &el.key {
                    walk_expr(k, v);
                }
                walk_expr(&el.value, v);
            }
        }
        ExprKind::FuncLit { body, .. } => walk_block(body, v),
        ExprKind::Paren(x) | ExprKind::Star(x) => walk_expr(x, v),
        ExprKind::Selector { x, .. } => walk_expr(x, v),
        ExprKind::Unary { x, .. } => walk_expr(x, v),
        ExprKind::TypeAssert { x, .. } => walk_expr(x, v),
        ExprKind::Index { x, indices } => {
            walk_expr(x, v);
            walk_exprs(indices, v);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            walk_expr(x, v);
            for b in [lo, hi, max].into_iter().flatten() {
                walk_expr(b, v);
            }
        }
        ExprKind::Call { func, args, .. } => {
            walk_expr(func, v);
            walk_exprs(args, v);
        }
        ExprKind::Binary { x, y, .. } => {
            walk_expr(x, v);
            walk_expr(y, v);
        }
    }
}

/// The function literals directly inside an expression, in source order.
pub fn direct_func_lits_in_expr(e: &Expr) -> Vec<&Expr> {
    let mut v = DirectLits(Vec::new());
    walk_expr(e, &mut v);
    v.0
}

struct DirectLits<'a>(Vec<&'a Expr>);

impl<'a> Visitor<'a> for DirectLits<'a> {
    fn expr(&mut self, e: &'a Expr) -> bool {
        if matches!(e.kind, ExprKind::FuncLit { .. }) {
            self.0.push(e);
            return false;
        }
        true
    }
}
