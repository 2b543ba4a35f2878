//! Fresh node ids for a copied subtree.
//!
//! A constant spec written without values repeats the previous spec's type
//! and expressions (`const ( a = iota; b )`). The parser clones those
//! expressions and gives every node of the copy — expressions, types,
//! identifiers, type switch clauses inside function literals — a fresh id,
//! so that ids stay unique and the checker can record a different value for
//! each copy (each has its own `iota`). Positions are kept: errors in a
//! repeated expression point at the text that was written.

use crate::ast::{
    Block, CaseClause, CommClause, ConstSpec, Decl, Expr, ExprKind, Field, FuncType, Ident, InterfaceElem, NodeIds,
    Stmt, StmtKind, Type, TypeCaseClause, TypeKind, TypeSpec, VarSpec,
};

/// Gives every node of `e` a fresh id.
pub fn renumber_expr(e: &mut Expr, ids: &mut NodeIds) {
    e.id = ids.fresh();
    match &mut e.kind {
        ExprKind::Ident(id) => ident(id, ids),
        ExprKind::BasicLit { .. } | ExprKind::Bad => {}
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                renumber_type(t, ids);
            }
            for el in elems {
                if let Some(k) = &mut el.key {
                    renumber_expr(k, ids);
                }
                renumber_expr(&mut el.value, ids);
            }
        }
        ExprKind::FuncLit { sig, body } => {
            func_type(sig, ids);
            block(body, ids);
        }
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => renumber_expr(x, ids),
        ExprKind::Selector { x, sel } => {
            renumber_expr(x, ids);
            ident(sel, ids);
        }
        ExprKind::Index { x, indices } => {
            renumber_expr(x, ids);
            exprs(indices, ids);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            renumber_expr(x, ids);
            for part in [lo, hi, max].into_iter().flatten() {
                renumber_expr(part, ids);
            }
        }
        ExprKind::TypeAssert { x, ty } => {
            renumber_expr(x, ids);
            if let Some(t) = ty {
                renumber_type(t, ids);
            }
        }
        ExprKind::Call { func, args, .. } => {
            renumber_expr(func, ids);
            exprs(args, ids);
        }
        ExprKind::Binary { x, y, .. } => {
            renumber_expr(x, ids);
            renumber_expr(y, ids);
        }
        ExprKind::Type(t) => renumber_type(t, ids),
    }
}

/// Gives every node of `t` a fresh id.
pub fn renumber_type(t: &mut Type, ids: &mut NodeIds) {
    t.id = ids.fresh();
    match &mut t.kind {
        TypeKind::Name { pkg, name } => {
            if let Some(p) = pkg {
                ident(p, ids);
            }
            ident(name, ids);
        }
        TypeKind::Instance { base, args } => {
            renumber_type(base, ids);
            for a in args {
                renumber_type(a, ids);
            }
        }
        TypeKind::Pointer(x) | TypeKind::Slice(x) | TypeKind::Ellipsis(x) | TypeKind::Paren(x) => renumber_type(x, ids),
        TypeKind::Chan { elem, .. } => renumber_type(elem, ids),
        TypeKind::Array { len, elem } => {
            if let Some(l) = len {
                renumber_expr(l, ids);
            }
            renumber_type(elem, ids);
        }
        TypeKind::Map { key, value } => {
            renumber_type(key, ids);
            renumber_type(value, ids);
        }
        TypeKind::Func(sig) => func_type(sig, ids),
        TypeKind::Struct(fs) => fields(fs, ids),
        TypeKind::Interface(elems) => {
            for el in elems {
                match el {
                    InterfaceElem::Method { name, sig } => {
                        ident(name, ids);
                        func_type(sig, ids);
                    }
                    InterfaceElem::Embed(t) => renumber_type(t, ids),
                }
            }
        }
        TypeKind::Union(terms) => {
            for (_, t) in terms {
                renumber_type(t, ids);
            }
        }
        TypeKind::Bad => {}
    }
}

fn ident(id: &mut Ident, ids: &mut NodeIds) {
    id.id = ids.fresh();
}

fn idents(list: &mut [Ident], ids: &mut NodeIds) {
    for id in list {
        ident(id, ids);
    }
}

fn exprs(list: &mut [Expr], ids: &mut NodeIds) {
    for e in list {
        renumber_expr(e, ids);
    }
}

fn fields(list: &mut [Field], ids: &mut NodeIds) {
    for f in list {
        idents(&mut f.names, ids);
        renumber_type(&mut f.ty, ids);
    }
}

fn func_type(sig: &mut FuncType, ids: &mut NodeIds) {
    fields(&mut sig.params, ids);
    fields(&mut sig.results, ids);
}

fn block(b: &mut Block, ids: &mut NodeIds) {
    for s in &mut b.stmts {
        stmt(s, ids);
    }
}

fn opt_stmt(s: &mut Option<Box<Stmt>>, ids: &mut NodeIds) {
    if let Some(s) = s {
        stmt(s, ids);
    }
}

fn stmts(list: &mut [Stmt], ids: &mut NodeIds) {
    for s in list {
        stmt(s, ids);
    }
}

fn stmt(s: &mut Stmt, ids: &mut NodeIds) {
    match &mut s.kind {
        StmtKind::Empty | StmtKind::Fallthrough | StmtKind::Bad => {}
        StmtKind::Decl(d) => decl(d, ids),
        StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => renumber_expr(x, ids),
        StmtKind::Send { chan, value } => {
            renumber_expr(chan, ids);
            renumber_expr(value, ids);
        }
        StmtKind::IncDec { target, .. } => renumber_expr(target, ids),
        StmtKind::Assign { lhs, rhs, .. } => {
            exprs(lhs, ids);
            exprs(rhs, ids);
        }
        StmtKind::Define { lhs, rhs } => {
            idents(lhs, ids);
            exprs(rhs, ids);
        }
        StmtKind::Return(list) => exprs(list, ids),
        StmtKind::Break(label) | StmtKind::Continue(label) => {
            if let Some(l) = label {
                ident(l, ids);
            }
        }
        StmtKind::Goto(label) => ident(label, ids),
        StmtKind::Block(b) => block(b, ids),
        StmtKind::If { init, cond, then, els } => {
            opt_stmt(init, ids);
            renumber_expr(cond, ids);
            block(then, ids);
            opt_stmt(els, ids);
        }
        StmtKind::Switch { init, tag, cases, .. } => {
            opt_stmt(init, ids);
            if let Some(t) = tag {
                renumber_expr(t, ids);
            }
            for CaseClause { exprs: list, body, .. } in cases {
                if let Some(list) = list {
                    exprs(list, ids);
                }
                stmts(body, ids);
            }
        }
        StmtKind::TypeSwitch { init, bind, subject, cases, .. } => {
            opt_stmt(init, ids);
            if let Some(b) = bind {
                ident(b, ids);
            }
            renumber_expr(subject, ids);
            for TypeCaseClause { types, body, implicit, .. } in cases {
                for t in types.iter_mut().flatten() {
                    renumber_type(t, ids);
                }
                stmts(body, ids);
                *implicit = ids.fresh();
            }
        }
        StmtKind::Select(cases) => {
            for CommClause { comm, body, .. } in cases {
                opt_stmt(comm, ids);
                stmts(body, ids);
            }
        }
        StmtKind::For { init, cond, post, body } => {
            opt_stmt(init, ids);
            if let Some(c) = cond {
                renumber_expr(c, ids);
            }
            opt_stmt(post, ids);
            block(body, ids);
        }
        StmtKind::Range { key, value, expr, body, .. } => {
            for v in [key, value].into_iter().flatten() {
                renumber_expr(v, ids);
            }
            renumber_expr(expr, ids);
            block(body, ids);
        }
        StmtKind::Labeled { label, stmt: inner } => {
            ident(label, ids);
            stmt(inner, ids);
        }
    }
}

fn decl(d: &mut Decl, ids: &mut NodeIds) {
    match d {
        Decl::Var(specs) => {
            for VarSpec { names, ty, values, .. } in specs {
                idents(names, ids);
                if let Some(t) = ty {
                    renumber_type(t, ids);
                }
                exprs(values, ids);
            }
        }
        Decl::Const(specs) => {
            for ConstSpec { names, ty, values, .. } in specs {
                idents(names, ids);
                if let Some(t) = ty {
                    renumber_type(t, ids);
                }
                exprs(values, ids);
            }
        }
        Decl::Type(specs) => {
            for TypeSpec { name, type_params, ty, .. } in specs {
                ident(name, ids);
                fields(type_params, ids);
                renumber_type(ty, ids);
            }
        }
        Decl::Func(f) => {
            if let Some(r) = &mut f.recv {
                fields(std::slice::from_mut(r), ids);
            }
            ident(&mut f.name, ids);
            fields(&mut f.type_params, ids);
            func_type(&mut f.sig, ids);
            if let Some(b) = &mut f.body {
                block(b, ids);
            }
        }
    }
}
