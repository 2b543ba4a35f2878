//! Expressions as gc's messages print them, and their start positions.
//!
//! The printing itself is the syntax crate's [`syntax::printer`], shared
//! with the parser's messages; it is re-exported here under the names the
//! checker uses. [`start_pos`] is gc's `syntax.StartPos`: the leftmost position of an
//! expression, where types2 reports most errors (a binary expression's own
//! position is its operator; its start is its left operand's start).

use syntax::Pos;
use syntax::ast::{Expr, ExprKind, Type, TypeKind};
pub(crate) use syntax::printer::{expr_string, type_string as type_expr_string};

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
