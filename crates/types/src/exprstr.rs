//! Expressions as gc's messages print them, and their start positions.
//!
//! [`expr_string`] follows the `ShortForm` of gc's syntax printer: binary
//! operators surrounded by single spaces, function literal and composite
//! literal bodies shown as `{…}`, literals exactly as written.
//! [`start_pos`] is gc's `syntax.StartPos`: the leftmost position of an
//! expression, where types2 reports most errors (a binary expression's own
//! position is its operator; its start is its left operand's start).

use syntax::Pos;
use syntax::ast::{Expr, ExprKind, Field, FuncType, InterfaceElem, Type, TypeKind};

/// The leftmost position of an expression.
pub(crate) fn start_pos(e: &Expr) -> Pos {
    let mut e = e;
    loop {
        match &e.kind {
            // gc's StartPos stops at a slice expression's `[` (its own
            // position), a quirk visible in messages.
            ExprKind::Selector { x, .. }
            | ExprKind::Index { x, .. }
            | ExprKind::TypeAssert { x, .. }
            | ExprKind::Binary { x, .. } => e = x,
            ExprKind::Call { func, .. } => e = func,
            ExprKind::CompositeLit { ty: Some(t), .. } => return type_start(t),
            ExprKind::Type(t) => return type_start(t),
            _ => return e.pos,
        }
    }
}

/// The leftmost position of a type expression.
pub(crate) fn type_start(t: &Type) -> Pos {
    match &t.kind {
        TypeKind::Name { pkg: Some(p), .. } => p.pos,
        TypeKind::Instance { base, .. } => type_start(base),
        _ => t.pos,
    }
}

/// Prints an expression in gc's short form.
pub(crate) fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e);
    s
}

/// Prints a type expression in gc's short form.
pub(crate) fn type_expr_string(t: &Type) -> String {
    let mut s = String::new();
    write_type(&mut s, t);
    s
}

fn write_list(out: &mut String, es: &[Expr]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, e);
    }
}

fn write_expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(id) => out.push_str(&id.name),
        ExprKind::BasicLit { raw, .. } => out.push_str(raw),
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                write_type(out, t);
            }
            out.push_str(if elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, body } => {
            out.push_str("func");
            write_sig(out, sig);
            out.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write_expr(out, x);
            out.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(out, x);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index { x, indices } => {
            write_expr(out, x);
            out.push('[');
            write_list(out, indices);
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            write_expr(out, x);
            out.push('[');
            if let Some(lo) = lo {
                write_expr(out, lo);
            }
            out.push(':');
            if let Some(hi) = hi {
                write_expr(out, hi);
            }
            if let Some(m) = max {
                out.push(':');
                write_expr(out, m);
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(out, x);
            out.push_str(".(");
            match ty {
                Some(t) => write_type(out, t),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            write_expr(out, func);
            out.push('(');
            write_list(out, args);
            if *ellipsis {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push('*');
            write_expr(out, x);
        }
        ExprKind::Unary { op, x } => {
            out.push_str(op.as_str());
            write_expr(out, x);
        }
        ExprKind::Binary { op, x, y } => {
            write_expr(out, x);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write_expr(out, y);
        }
        ExprKind::Type(t) => write_type(out, t),
        ExprKind::Bad => out.push_str("<bad expr>"),
    }
}

fn write_fields(out: &mut String, fields: &[Field], sep: &str) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        for (j, n) in f.names.iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            out.push_str(&n.name);
        }
        if !f.names.is_empty() {
            out.push(' ');
        }
        write_type(out, &f.ty);
    }
}

fn write_sig(out: &mut String, sig: &FuncType) {
    out.push('(');
    write_fields(out, &sig.params, ", ");
    out.push(')');
    match sig.results.as_slice() {
        [] => {}
        [r] if r.names.is_empty() => {
            out.push(' ');
            write_type(out, &r.ty);
        }
        rs => {
            out.push_str(" (");
            write_fields(out, rs, ", ");
            out.push(')');
        }
    }
}

fn write_type(out: &mut String, t: &Type) {
    match &t.kind {
        TypeKind::Name { pkg, name } => {
            if let Some(p) = pkg {
                out.push_str(&p.name);
                out.push('.');
            }
            out.push_str(&name.name);
        }
        TypeKind::Instance { base, args } => {
            write_type(out, base);
            out.push('[');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(out, a);
            }
            out.push(']');
        }
        TypeKind::Pointer(e) => {
            out.push('*');
            write_type(out, e);
        }
        TypeKind::Array { len, elem } => {
            out.push('[');
            match len {
                Some(l) => write_expr(out, l),
                None => out.push_str("..."),
            }
            out.push(']');
            write_type(out, elem);
        }
        TypeKind::Slice(e) => {
            out.push_str("[]");
            write_type(out, e);
        }
        TypeKind::Map { key, value } => {
            out.push_str("map[");
            write_type(out, key);
            out.push(']');
            write_type(out, value);
        }
        TypeKind::Chan { dir, elem } => {
            use syntax::ast::ChanDir;
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_type(out, elem);
        }
        TypeKind::Func(sig) => {
            out.push_str("func");
            write_sig(out, sig);
        }
        TypeKind::Struct(fields) => {
            out.push_str("struct{");
            write_fields(out, fields, "; ");
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
                        write_sig(out, sig);
                    }
                    InterfaceElem::Embed(t) => write_type(out, t),
                }
            }
            out.push('}');
        }
        TypeKind::Ellipsis(e) => {
            out.push_str("...");
            write_type(out, e);
        }
        TypeKind::Paren(e) => {
            out.push('(');
            write_type(out, e);
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
                write_type(out, t);
            }
        }
        TypeKind::Bad => out.push_str("<bad expr>"),
    }
}
