//! Small questions about the typed tree that several passes ask: is this
//! expression a constant, a builtin, a type, a method selection?
//!
//! Everything here only reads the checker's facts, through [`Facts`]
//! (so types are the instance's); nothing allocates IR.

use syntax::ast::{Expr, ExprKind};
use types::{Builtin, ConstValue, Mode, ObjKind, SelectionKind, Type};

use crate::facts::Facts;

/// The expression inside any number of parentheses.
pub fn unparen(mut e: &Expr) -> &Expr {
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

/// A callee without its parentheses and, for an instantiated generic
/// method (`x.M[int]`, Go 1.27), without its type arguments: the selector
/// `x.M`, for which the checker records the instance and its type.
pub fn callee_selector<'e>(f: Facts<'_>, callee: &'e Expr) -> &'e Expr {
    let e = unparen(callee);
    if let ExprKind::Index { x, .. } = &e.kind
        && let ExprKind::Selector { sel, .. } = &unparen(x).kind
        && f.info.instances.contains_key(&sel.id)
    {
        return unparen(x);
    }
    e
}

/// Whether `e` is an instantiated generic method (Go 1.27) selected as a
/// method value or method expression (`x.M[int]`, `T.M[int]`, or with
/// the type arguments inferred from an assignment): gc makes each such
/// selector that is not the callee of a method call a function literal of
/// the enclosing function, numbered with its literals (`main.main.func2`).
pub fn is_generic_method_selector(f: Facts<'_>, e: &Expr) -> bool {
    let ExprKind::Selector { sel, .. } = &e.kind else { return false };
    f.info.instances.contains_key(&sel.id) && f.selection(e.id).is_some()
}

/// The selected name of a qualified identifier `pkg.Name` (a selector
/// whose operand names an imported package), which denotes the package's
/// object exactly as an identifier would.
pub fn qualified_ident<'e>(f: Facts<'_>, e: &'e Expr) -> Option<&'e syntax::ast::Ident> {
    let ExprKind::Selector { x, sel } = &e.kind else { return None };
    let ExprKind::Ident(p) = &x.kind else { return None };
    let pkg = f.info.uses.get(&p.id)?;
    matches!(f.info.obj(*pkg).kind, ObjKind::PkgName(_)).then_some(sel)
}

/// The boolean value of a constant expression, if it is one.
pub fn const_bool(f: Facts<'_>, e: &Expr) -> Option<bool> {
    match f.value(e.id)? {
        ConstValue::Bool(b) => Some(*b),
        _ => None,
    }
}

/// The condition of an `if` after gc's dead-code folding of `&&`/`||` with a
/// constant left operand (`false && x` is `false`, `true && x` is `x`, ...):
/// `Some(b)` when gc treats the branch as decided at compile time.
pub fn folded_cond(f: Facts<'_>, e: &Expr) -> Option<bool> {
    if let Some(b) = const_bool(f, e) {
        return Some(b);
    }
    match &e.kind {
        ExprKind::Paren(x) => folded_cond(f, x),
        ExprKind::Binary { op: syntax::ast::BinaryOp::AndAnd, x, y } => match folded_cond(f, x)? {
            true => folded_cond(f, y),
            false => Some(false),
        },
        ExprKind::Binary { op: syntax::ast::BinaryOp::OrOr, x, y } => match folded_cond(f, x)? {
            true => Some(true),
            false => folded_cond(f, y),
        },
        _ => None,
    }
}

/// The builtin a call's callee names, if any (`len`, `panic`, ...).
pub fn builtin_callee(f: Facts<'_>, callee: &Expr) -> Option<Builtin> {
    let callee = unparen(callee);
    let id = match &callee.kind {
        ExprKind::Ident(id) => id,
        _ => qualified_ident(f, callee)?,
    };
    match &f.info.obj(*f.info.uses.get(&id.id)?).kind {
        ObjKind::Builtin(b) => Some(*b),
        _ => None,
    }
}

/// Whether `e` contains a function call (not a conversion nor a builtin
/// whose result is constant) or a channel receive: then `len(e)` is not a
/// constant even for an array, and a `range` over `e` evaluates it.
pub fn has_call_or_recv(f: Facts<'_>, e: &Expr) -> bool {
    struct Finder<'i> {
        f: Facts<'i>,
        found: bool,
    }
    impl<'a> crate::visit::Visitor<'a> for Finder<'_> {
        fn expr(&mut self, e: &'a Expr) -> bool {
            let constant = self.f.is_const(e);
            match &e.kind {
                _ if constant || self.found => return false,
                ExprKind::FuncLit { .. } => return false,
                ExprKind::Call { func, .. } if !is_type_expr(self.f, func) => self.found = true,
                ExprKind::Unary { op: syntax::ast::UnaryOp::Recv, .. } => self.found = true,
                _ => {}
            }
            !self.found
        }
    }
    let mut finder = Finder { f, found: false };
    crate::visit::walk_expr(e, &mut finder);
    finder.found
}

/// The variable whose storage `e` designates, through fields of struct
/// values and elements of arrays (`x`, `x.f`, `x.a[i]`, not `p.f` through
/// a pointer nor `s[i]` of a slice): the variable `&e` or `e = v` uses.
pub fn root_var(f: Facts<'_>, mut e: &Expr) -> Option<types::ObjId> {
    loop {
        match &e.kind {
            ExprKind::Paren(x) => e = x,
            ExprKind::Selector { x, .. } if is_field_of_value(f, e) => e = x,
            ExprKind::Index { x, .. } if is_array(f, x) => e = x,
            ExprKind::Ident(id) => {
                let o = f.info.object_of(id.id)?;
                return matches!(f.info.obj(o).kind, ObjKind::Var(_)).then_some(o);
            }
            _ => return None,
        }
    }
}

/// Whether `e` is of an array type.
pub fn is_array(f: Facts<'_>, e: &Expr) -> bool {
    matches!(f.under_of(e), Some(Type::Array(..)))
}

/// Whether selector `sel` picks a field of a struct value (not through a
/// pointer).
fn is_field_of_value(f: Facts<'_>, sel: &Expr) -> bool {
    let ExprKind::Selector { x, .. } = &sel.kind else {
        return false;
    };
    let is_ptr = matches!(f.under_of(x), Some(Type::Pointer(_)));
    f.selection(sel.id).is_some_and(|s| s.kind == types::SelectionKind::FieldVal && !s.indirect) && !is_ptr
}

/// Whether the expression denotes a type (a conversion's callee).
pub fn is_type_expr(f: Facts<'_>, e: &Expr) -> bool {
    let e = unparen(e);
    matches!(e.kind, ExprKind::Type(_)) || f.mode(e.id) == Some(Mode::TypeExpr)
}

/// Whether the callee is a method selection `x.M` (a method call, whose
/// receiver gc turns into the first argument).
pub fn is_method_call(f: Facts<'_>, callee: &Expr) -> bool {
    let callee = callee_selector(f, callee);
    matches!(callee.kind, ExprKind::Selector { .. })
        && f.selection(callee.id).is_some_and(|s| s.kind == SelectionKind::MethodVal)
}

/// Number of parameters plus results of the callee's function type, if the
/// checker recorded one.
pub fn callee_arity(f: Facts<'_>, callee: &Expr) -> Option<usize> {
    match f.under_of(unparen(callee))? {
        Type::Func(sig) => Some(sig.params.len() + sig.results.len()),
        _ => None,
    }
}

/// Whether gc wraps the call of a `defer`/`go` statement into a generated
/// closure (and so spends a closure number on it): every call except a
/// plain function call with no parameters and no results. Builtins and
/// method calls are always wrapped.
pub fn gc_wraps_deferred_call(f: Facts<'_>, call: &Expr) -> bool {
    let ExprKind::Call { func, .. } = &unparen(call).kind else {
        return false;
    };
    if builtin_callee(f, func).is_some() || is_method_call(f, func) {
        return true;
    }
    callee_arity(f, func) != Some(0)
}

/// Whether `e` has a function type (a range over it is a range over a
/// function, see `crate::rangefunc`).
pub fn is_func_value(f: Facts<'_>, e: &Expr) -> bool {
    matches!(f.under_of(e), Some(Type::Func(_)))
}
