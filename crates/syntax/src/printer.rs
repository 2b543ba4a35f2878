//! Expressions, types and simple statements back to text, for messages.
//!
//! gc quotes source constructs in its diagnostics (`cannot use x := 0 as
//! value`, `non-name f() on left side of :=`, `invalid operation: x + y
//! (...)`) in a canonical short form: binary operators between single
//! spaces, composite literal and function bodies shortened to `{…}`, struct
//! and interface types without inner padding (`struct{a int; b string}`, as
//! gc 1.19 prints them). This module prints the tree the same way so every
//! stage — the parser's errors and the type checker's — quotes code like gc.

use std::fmt::Write;

use crate::ast::{ChanDir, Expr, ExprKind, Field, FuncType, InterfaceElem, Stmt, StmtKind, Type, TypeKind};

/// `e` as gc prints it in messages, e.g. `x + y`, `T{…}`, `f(a, b...)`.
pub fn expr_string(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e);
    out
}

/// `t` as gc prints it in messages, e.g. `map[string][]int`, `<-chan T`.
pub fn type_string(t: &Type) -> String {
    let mut out = String::new();
    ty(&mut out, t);
    out
}

/// A simple statement as gc prints it, e.g. `x := 0`, `a, b = c, d`, `i++`.
pub fn stmt_string(s: &Stmt) -> String {
    let mut out = String::new();
    match &s.kind {
        StmtKind::Expr(x) => expr(&mut out, x),
        StmtKind::Send { chan, value } => {
            expr(&mut out, chan);
            out.push_str(" <- ");
            expr(&mut out, value);
        }
        StmtKind::IncDec { target, inc } => {
            expr(&mut out, target);
            out.push_str(if *inc { "++" } else { "--" });
        }
        StmtKind::Assign { lhs, op, rhs } => {
            list(&mut out, lhs);
            let _ = write!(out, " {}= ", op.map_or("", |o| o.as_str()));
            list(&mut out, rhs);
        }
        StmtKind::Define { lhs, rhs } => {
            let names: Vec<&str> = lhs.iter().map(|i| i.name.as_str()).collect();
            out.push_str(&names.join(", "));
            out.push_str(" := ");
            list(&mut out, rhs);
        }
        _ => out.push_str("<stmt>"),
    }
    out
}

fn list(out: &mut String, xs: &[Expr]) {
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x);
    }
}

fn expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(id) => out.push_str(&id.name),
        ExprKind::BasicLit { raw, .. } => out.push_str(raw),
        ExprKind::CompositeLit { ty: t, elems, .. } => {
            if let Some(t) = t {
                ty(out, t);
            }
            out.push_str(if elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, body } => {
            out.push_str("func");
            signature(out, sig);
            out.push_str(if body.stmts.is_empty() { " {}" } else { " {…}" });
        }
        ExprKind::Paren(x) => {
            out.push('(');
            expr(out, x);
            out.push(')');
        }
        ExprKind::Selector { x, sel } => {
            expr(out, x);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index { x, indices } => {
            expr(out, x);
            out.push('[');
            list(out, indices);
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            expr(out, x);
            out.push('[');
            if let Some(lo) = lo {
                expr(out, lo);
            }
            out.push(':');
            if let Some(hi) = hi {
                expr(out, hi);
            }
            if let Some(max) = max {
                out.push(':');
                expr(out, max);
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, ty: t } => {
            expr(out, x);
            out.push_str(".(");
            match t {
                Some(t) => ty(out, t),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call { func, args, ellipsis, .. } => {
            expr(out, func);
            out.push('(');
            list(out, args);
            if *ellipsis {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push('*');
            expr(out, x);
        }
        ExprKind::Unary { op, x } => {
            out.push_str(op.as_str());
            expr(out, x);
        }
        ExprKind::Binary { op, x, y } => {
            expr(out, x);
            let _ = write!(out, " {} ", op.as_str());
            expr(out, y);
        }
        ExprKind::Type(t) => ty(out, t),
        ExprKind::Bad => out.push_str("<bad expr>"),
    }
}

fn ty(out: &mut String, t: &Type) {
    match &t.kind {
        TypeKind::Name { pkg, name } => {
            if let Some(p) = pkg {
                out.push_str(&p.name);
                out.push('.');
            }
            out.push_str(&name.name);
        }
        TypeKind::Instance { base, args } => {
            ty(out, base);
            out.push('[');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                ty(out, a);
            }
            out.push(']');
        }
        TypeKind::Pointer(x) => {
            out.push('*');
            ty(out, x);
        }
        TypeKind::Array { len, elem } => {
            out.push('[');
            match len {
                Some(l) => expr(out, l),
                None => out.push_str("..."),
            }
            out.push(']');
            ty(out, elem);
        }
        TypeKind::Slice(x) => {
            out.push_str("[]");
            ty(out, x);
        }
        TypeKind::Map { key, value } => {
            out.push_str("map[");
            ty(out, key);
            out.push(']');
            ty(out, value);
        }
        TypeKind::Chan { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            let nested_recv = *dir == ChanDir::Both && matches!(elem.kind, TypeKind::Chan { dir: ChanDir::Recv, .. });
            if nested_recv {
                out.push('(');
                ty(out, elem);
                out.push(')');
            } else {
                ty(out, elem);
            }
        }
        TypeKind::Func(sig) => {
            out.push_str("func");
            signature(out, sig);
        }
        TypeKind::Struct(fields) => {
            out.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                field(out, f);
            }
            out.push('}');
        }
        TypeKind::Interface(elems) => {
            out.push_str("interface{");
            for (i, el) in elems.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match el {
                    InterfaceElem::Method { name, sig } => {
                        out.push_str(&name.name);
                        signature(out, sig);
                    }
                    InterfaceElem::Embed(t) => ty(out, t),
                }
            }
            out.push('}');
        }
        TypeKind::Ellipsis(x) => {
            out.push_str("...");
            ty(out, x);
        }
        TypeKind::Paren(x) => {
            out.push('(');
            ty(out, x);
            out.push(')');
        }
        TypeKind::Union(terms) => {
            for (i, (tilde, t)) in terms.iter().enumerate() {
                if i > 0 {
                    out.push_str(" | ");
                }
                if *tilde {
                    out.push('~');
                }
                ty(out, t);
            }
        }
        TypeKind::Bad => out.push_str("<bad expr>"),
    }
}

fn field(out: &mut String, f: &Field) {
    let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
    if !names.is_empty() {
        out.push_str(&names.join(", "));
        out.push(' ');
    }
    ty(out, &f.ty);
}

fn field_list(out: &mut String, fields: &[Field]) {
    out.push('(');
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        field(out, f);
    }
    out.push(')');
}

fn signature(out: &mut String, sig: &FuncType) {
    field_list(out, &sig.params);
    match sig.results.as_slice() {
        [] => {}
        [only] if only.names.is_empty() => {
            out.push(' ');
            ty(out, &only.ty);
        }
        results => {
            out.push(' ');
            field_list(out, results);
        }
    }
}
