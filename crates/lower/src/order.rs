//! gc's order pass, as behaviour: within one statement, the operations gc
//! evaluates into temporaries before the statement (function and method
//! calls; the builtins `len`, `cap`, `append`, `make`, `new`, `copy`,
//! `complex`, `real`, `imag`, `recover`; `[]byte(s)` and `[]rune(s)`;
//! slice expressions; type assertions to a type that is not
//! pointer-shaped; `&&`/`||`; map literals with non-constant entries) run
//! first, in post-order, left to right, each into a temporary. Only then
//! is the rest of the statement evaluated: plain reads of variables,
//! fields, elements and pointers, arithmetic, comparisons, conversions.
//! So `a + f()`, `x, y = a, f()`, `return a, f()`, `T{a, f()}`,
//! `s[i] = f()` read `a`, `s`, `i` after `f` ran.
//!
//! [`FnCx::hoist`] visits a statement's expressions and lowers each such
//! operation into a temporary (its own operands lowered first, so its
//! nested calls are already temporaries); [`FnCx::expr`] then finds the
//! temporary recorded for the node. `&&`/`||` order each operand on its
//! own ([`FnCx::ordered`]): the right one is evaluated only when needed.
//! Function literals are not entered.

use syntax::ast::{BinaryOp, Expr, ExprKind};
use types::{Builtin, Mode, Type};

use crate::func::FnCx;
use crate::ir::{Expr as IExpr, ExprKind as IK, Stmt};
use crate::query::{builtin_callee, is_type_expr};

impl FnCx<'_, '_> {
    /// Hoists the calls (and the other operations gc evaluates first) of
    /// `exprs`, in order, into temporaries declared in `out`. A root that
    /// is itself a call is left in place when `keep_roots`.
    pub fn hoist(&mut self, exprs: &[&Expr], keep_roots: bool, out: &mut Vec<Stmt>) {
        for e in exprs {
            self.hoist_expr(e, keep_roots, out);
        }
    }

    /// The operands of a deferred call, as gc evaluates them into
    /// temporaries: the func value or the receiver, then the arguments.
    pub fn defer_operands(&mut self, call: &Expr, out: &mut Vec<Stmt>) {
        let ExprKind::Call { func, args, .. } = &crate::query::unparen(call).kind else { return };
        let func = crate::query::callee_selector(self.facts(), func);
        let mut operands: Vec<&Expr> = Vec::new();
        match &func.kind {
            ExprKind::Selector { x, .. } if builtin_callee(self.facts(), func).is_none() => {
                if let Some(s) = self.facts().selection(func.id)
                    && s.kind == types::SelectionKind::MethodVal
                    && s.path.is_empty()
                    && let Some(m) = s.method
                {
                    // A receiver whose address is taken is not read here.
                    let by_addr =
                        self.cx.ptr_methods.contains(&m) && !matches!(self.under(self.go_type(x)), Type::Pointer(_));
                    if !by_addr {
                        operands.push(x);
                    }
                }
            }
            ExprKind::Ident(_) if self.tv(func).mode == Mode::Variable => operands.push(func),
            _ => {}
        }
        if !(args.len() == 1 && matches!(self.under(self.go_type(&args[0])), Type::Tuple(_))) {
            operands.extend(args.iter());
        }
        // gc 1.21+ rewrites `defer f(x, g())` into `a, b := x, g(); defer
        // func() { f(a, b) }()`: the operands are ordered as that
        // assignment, every call first, then the plain reads.
        let operands: Vec<&Expr> = operands.into_iter().filter(|e| !self.is_const(e)).collect();
        for e in &operands {
            self.hoist_expr(e, operands.len() == 1, out);
        }
        for e in operands {
            let v = self.expr(e);
            let t = self.spill(v, out);
            self.hoisted.insert(e.id, t);
        }
    }

    /// [`FnCx::hoist`] for values stored into slots of the given Go types
    /// (`return`, tuple assignments): see [`FnCx::hoist_to`].
    pub fn hoist_into(&mut self, exprs: &[Expr], targets: &[types::TypeId], out: &mut Vec<Stmt>) {
        if exprs.len() != targets.len() {
            let refs: Vec<&Expr> = exprs.iter().collect();
            return self.hoist(&refs, exprs.len() == 1, out);
        }
        for (e, &t) in exprs.iter().zip(targets) {
            self.hoist_to(e, t, out);
        }
    }

    /// `e` lowered with its calls run first: a `Seq` of the hoisted
    /// temporaries and the rest, for expressions evaluated in place
    /// (conditions, operands of `&&`/`||`).
    pub fn ordered(&mut self, e: &Expr) -> IExpr {
        let mut pre = Vec::new();
        self.hoist_expr(e, true, &mut pre);
        let v = self.expr(e);
        if pre.is_empty() {
            return v;
        }
        let (ty, pos) = (v.ty, v.pos);
        IExpr { kind: IK::Seq(pre, Box::new(v)), ty, pos }
    }

    /// The temporary an earlier [`FnCx::hoist`] recorded for `e`.
    pub fn take_hoisted(&mut self, e: &Expr) -> Option<IExpr> {
        let l = self.hoisted.remove(&e.id)?;
        Some(self.local_expr(l, e.pos))
    }

    fn hoist_expr(&mut self, e: &Expr, root: bool, out: &mut Vec<Stmt>) {
        let Some(tv) = self.facts().tv(e.id) else { return };
        if tv.value.is_some() || matches!(tv.mode, Mode::TypeExpr | Mode::Builtin | Mode::Constant) {
            return;
        }
        let comma_ok = tv.mode == Mode::CommaOk;
        let single = !comma_ok && tv.mode != Mode::NoValue && !matches!(self.under(tv.ty), Type::Tuple(_));
        let hoist = match &e.kind {
            ExprKind::Paren(x) => return self.hoist_expr(x, root, out),
            ExprKind::Ident(_) | ExprKind::BasicLit { .. } | ExprKind::FuncLit { .. } => false,
            ExprKind::Type(_) | ExprKind::Bad => false,
            ExprKind::CompositeLit { elems, .. } => {
                if matches!(self.under(tv.ty), Type::Map(..)) {
                    // Evaluated entry by entry, each entry ordered on its
                    // own (see `map_literal`).
                    elems
                        .iter()
                        .any(|el| !el.key.as_ref().is_some_and(|k| self.is_const(k)) || !self.is_const(&el.value))
                } else {
                    let slot_tys: Vec<types::TypeId> = match self.under(tv.ty) {
                        Type::Struct(fs) => {
                            let keyed = elems.iter().any(|el| el.key.is_some());
                            elems
                                .iter()
                                .enumerate()
                                .map(|(i, el)| match (&el.key, keyed) {
                                    (Some(k), true) => match &k.kind {
                                        ExprKind::Ident(id) => {
                                            fs.iter().find(|f| f.name == id.name).map_or(tv.ty, |f| f.ty)
                                        }
                                        _ => tv.ty,
                                    },
                                    _ => fs.get(i).map_or(tv.ty, |f| f.ty),
                                })
                                .collect()
                        }
                        Type::Array(_, e) | Type::Slice(e) => vec![e; elems.len()],
                        _ => vec![tv.ty; elems.len()],
                    };
                    let is_struct = matches!(self.under(tv.ty), Type::Struct(_));
                    for (el, &t) in elems.iter().zip(&slot_tys) {
                        if let Some(k) = &el.key
                            && !is_struct
                        {
                            self.hoist_expr(k, false, out);
                        }
                        self.hoist_to(&el.value, t, out);
                    }
                    false
                }
            }
            ExprKind::Selector { x, .. } => {
                if crate::query::qualified_ident(self.facts(), e).is_none() {
                    self.hoist_expr(x, false, out);
                }
                false
            }
            ExprKind::Index { x, indices } => {
                self.hoist_expr(x, false, out);
                for i in indices {
                    self.hoist_expr(i, false, out);
                }
                false
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.hoist_expr(x, false, out);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.hoist_expr(b, false, out);
                }
                true
            }
            ExprKind::TypeAssert { x, .. } => {
                self.hoist_expr(x, false, out);
                !self.pointer_shaped(tv.ty)
            }
            ExprKind::Star(x) | ExprKind::Unary { x, .. } => {
                self.hoist_expr(x, false, out);
                false
            }
            ExprKind::Binary { op: BinaryOp::AndAnd | BinaryOp::OrOr, .. } => true,
            ExprKind::Binary { x, y, .. } => {
                // A comparison of an interface with another type converts
                // the other operand.
                let (xt, yt) = (self.go_type(x), self.go_type(y));
                self.hoist_to(x, yt, out);
                self.hoist_to(y, xt, out);
                false
            }
            ExprKind::Call { func, args, ellipsis, .. } => {
                if is_type_expr(self.facts(), func) {
                    self.hoist_to(&args[0], tv.ty, out);
                    // `[]byte(s)`, `[]rune(s)` copy the string: gc runs them first.
                    matches!(self.under(tv.ty), Type::Slice(_))
                        && matches!(self.under(self.go_type(&args[0])), Type::Basic(_))
                } else if let Some(b) = builtin_callee(self.facts(), func) {
                    for a in args {
                        if b == Builtin::Panic {
                            self.hoist_conv(a, true, out);
                        } else {
                            self.hoist_expr(a, false, out);
                        }
                    }
                    matches!(
                        b,
                        Builtin::Len
                            | Builtin::Cap
                            | Builtin::Append
                            | Builtin::Make
                            | Builtin::New
                            | Builtin::Copy
                            | Builtin::Complex
                            | Builtin::Real
                            | Builtin::Imag
                            | Builtin::Recover
                    )
                } else {
                    self.hoist_expr(func, false, out);
                    let sig = self.signature_of(func);
                    let n = sig.params.len();
                    let spread = args.len() == 1 && matches!(self.under(self.go_type(&args[0])), Type::Tuple(_));
                    let variadic_elem = match sig.params.last().map(|&t| self.under(t)) {
                        Some(Type::Slice(e)) if sig.variadic && !ellipsis => Some(e),
                        _ => None,
                    };
                    for (i, a) in args.iter().enumerate() {
                        let target = match variadic_elem {
                            Some(e) if i + 1 >= n => Some(e),
                            _ => sig.params.get(i).copied(),
                        };
                        match target {
                            Some(t) if !spread => self.hoist_to(a, t, out),
                            _ => self.hoist_expr(a, false, out),
                        }
                    }
                    true
                }
            }
        };
        if hoist && single && !root && !self.hoisted.contains_key(&e.id) {
            let v = self.expr(e);
            let t = self.spill(v, out);
            self.hoisted.insert(e.id, t);
        }
    }

    /// [`FnCx::hoist`] for an expression stored into a slot of Go type
    /// `target`: as gc, a value converted to an interface that the
    /// conversion needs in memory and that is not already an addressable
    /// non-local location (a local variable, a comparison, `m[k]`, ...) is
    /// copied into a temporary there and then, before later calls.
    pub fn hoist_to(&mut self, e: &Expr, target: types::TypeId, out: &mut Vec<Stmt>) {
        let into_iface = matches!(self.under(target), Type::Interface(_));
        self.hoist_conv(e, into_iface, out);
    }

    fn hoist_conv(&mut self, e: &Expr, into_iface: bool, out: &mut Vec<Stmt>) {
        self.hoist_expr(e, false, out);
        let Some(tv) = self.facts().tv(e.id) else { return };
        if tv.value.is_some() || !matches!(tv.mode, Mode::Value | Mode::Variable | Mode::MapIndex) {
            return;
        }
        let from = tv.ty;
        let into_iface = into_iface && !matches!(self.under(from), Type::Interface(_));
        if !into_iface || self.hoisted.contains_key(&e.id) || !self.needs_addr(from) || self.addr_okay(e) {
            return;
        }
        if matches!(self.facts().get(from), Type::Basic(b) if b.is_untyped()) {
            return;
        }
        let v = self.expr(e);
        let t = self.spill(v, out);
        self.hoisted.insert(e.id, t);
    }

    /// gc's `dataWordFuncName(t).needsaddr`: the conversion to an
    /// interface takes the value's address.
    fn needs_addr(&self, t: types::TypeId) -> bool {
        let (size, align, ptrs) = self.layout(t);
        if (size == 2 && align == 2) || (size == 4 && align == 4 && !ptrs) || (size == 8 && align == 8 && !ptrs) {
            return false;
        }
        if let Some(sc) = self.sole_component(t)
            && matches!(self.under(sc), Type::Slice(_) | Type::Basic(types::BasicKind::String))
        {
            return false;
        }
        true
    }

    fn sole_component(&self, t: types::TypeId) -> Option<types::TypeId> {
        match self.under(t) {
            Type::Struct(fs) if fs.len() == 1 => self.sole_component(fs[0].ty),
            Type::Struct(_) => None,
            Type::Array(1, e) => self.sole_component(e),
            Type::Array(..) => None,
            _ => Some(t),
        }
    }

    /// Size, alignment and whether it holds pointers (linux/amd64).
    fn layout(&self, t: types::TypeId) -> (u64, u64, bool) {
        use types::BasicKind as B;
        match self.under(t) {
            Type::Basic(b) => match b {
                B::Bool | B::Int8 | B::Uint8 => (1, 1, false),
                B::Int16 | B::Uint16 => (2, 2, false),
                B::Int32 | B::Uint32 | B::Float32 => (4, 4, false),
                B::Complex64 => (8, 4, false),
                B::Complex128 => (16, 8, false),
                B::String => (16, 8, true),
                B::UnsafePointer => (8, 8, true),
                _ => (8, 8, false),
            },
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => (8, 8, true),
            Type::Slice(_) => (24, 8, true),
            Type::Interface(_) => (16, 8, true),
            Type::Array(n, e) => {
                let (s, a, p) = self.layout(e);
                (s * n, a, p && n > 0)
            }
            Type::Struct(fs) => {
                let (mut off, mut align, mut ptrs) = (0u64, 1u64, false);
                for f in &fs {
                    let (s, a, p) = self.layout(f.ty);
                    off = off.div_ceil(a) * a + s;
                    align = align.max(a);
                    ptrs |= p;
                }
                (off.div_ceil(align) * align, align, ptrs)
            }
            _ => (8, 8, true),
        }
    }

    /// gc's `isaddrokay`: addressable, and not a local variable.
    fn addr_okay(&self, e: &Expr) -> bool {
        match &crate::query::unparen(e).kind {
            ExprKind::Ident(_) => self.is_global_var(e),
            _ => self.addressable(e),
        }
    }

    fn is_global_var(&self, e: &Expr) -> bool {
        let e = crate::query::unparen(e);
        let id = match &e.kind {
            ExprKind::Ident(id) => id,
            ExprKind::Selector { .. } => match crate::query::qualified_ident(self.facts(), e) {
                Some(id) => id,
                None => return false,
            },
            _ => return false,
        };
        self.cx
            .info
            .object_of(id.id)
            .is_some_and(|o| matches!(&self.cx.info.obj(o).kind, types::ObjKind::Var(v) if v.global))
    }

    /// gc's `IsAddressable`.
    fn addressable(&self, e: &Expr) -> bool {
        let e = crate::query::unparen(e);
        match &e.kind {
            ExprKind::Ident(_) => self.facts().mode(e.id) == Some(Mode::Variable),
            ExprKind::Star(_) => true,
            ExprKind::Selector { x, .. } => {
                if crate::query::qualified_ident(self.facts(), e).is_some() {
                    return self.is_global_var(e);
                }
                match self.facts().selection(e.id) {
                    Some(s) if s.kind == types::SelectionKind::FieldVal => {
                        s.path.len() > 1
                            || matches!(self.under(self.go_type(x)), Type::Pointer(_))
                            || self.addressable(x)
                    }
                    _ => false,
                }
            }
            ExprKind::Index { x, .. } => match self.under(self.go_type(x)) {
                Type::Slice(_) | Type::Pointer(_) => true,
                Type::Array(..) => self.addressable(x),
                _ => false,
            },
            _ => false,
        }
    }

    fn is_const(&self, e: &Expr) -> bool {
        self.facts().is_const(e)
    }

    /// Whether values of Go type `t` are stored directly in an interface's
    /// data word (gc's `IsDirectIface`): type assertions to them need no
    /// temporary.
    fn pointer_shaped(&self, t: types::TypeId) -> bool {
        match self.under(t) {
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => true,
            Type::Basic(b) => b == types::BasicKind::UnsafePointer,
            Type::Struct(fs) => fs.len() == 1 && self.pointer_shaped(fs[0].ty),
            Type::Array(1, elem) => self.pointer_shaped(elem),
            _ => false,
        }
    }
}
