//! Expressions and places (assignable locations).
//!
//! Every constant expression becomes a [`Const`] of its recorded type before
//! anything else is looked at. Implicit conversions of assignability
//! (a value stored into an interface, `nil` given a type, a value of an
//! unnamed type stored into a named one) are made explicit by
//! [`FnCx::value_as`], so every IR expression has exactly the type of the
//! slot it goes into.
//!
//! The calls of a statement have already been evaluated into temporaries
//! by `crate::order` when its expressions are lowered here (gc's order);
//! [`FnCx::expr`] finds them. Other temporaries inside expressions use
//! [`IK::Seq`], which keeps the tree's order.

use syntax::Pos;
use syntax::ast::{self, BinaryOp, Expr, ExprKind, KeyedElement, UnaryOp};
use types::{BasicKind, ConstValue, Mode, ObjKind, SelectionKind, Type, TypeAndValue, TypeId, TypeTable};

use crate::func::FnCx;
use crate::ir::{BinOp, Const, Expr as IExpr, ExprKind as IK, Place, Stmt, TyId, TyKind, UnOp};
use crate::query::{qualified_ident, unparen};

/// The IR operator of an arithmetic or comparison operator (not `&&`/`||`).
pub fn arith_op(op: BinaryOp) -> Option<BinOp> {
    Some(match op {
        BinaryOp::Add => BinOp::Add,
        BinaryOp::Sub => BinOp::Sub,
        BinaryOp::Mul => BinOp::Mul,
        BinaryOp::Div => BinOp::Div,
        BinaryOp::Rem => BinOp::Rem,
        BinaryOp::And => BinOp::And,
        BinaryOp::Or => BinOp::Or,
        BinaryOp::Xor => BinOp::Xor,
        BinaryOp::AndNot => BinOp::AndNot,
        BinaryOp::Shl => BinOp::Shl,
        BinaryOp::Shr => BinOp::Shr,
        BinaryOp::Eq => BinOp::Eq,
        BinaryOp::Ne => BinOp::Ne,
        BinaryOp::Lt => BinOp::Lt,
        BinaryOp::Le => BinOp::Le,
        BinaryOp::Gt => BinOp::Gt,
        BinaryOp::Ge => BinOp::Ge,
        BinaryOp::AndAnd | BinaryOp::OrOr => return None,
    })
}

impl FnCx<'_, '_> {
    /// The checker's facts about an expression.
    pub fn tv(&self, e: &Expr) -> TypeAndValue {
        match self.facts().tv(e.id) {
            Some(tv) => tv,
            None => self.ice(e.pos, "expression has no recorded type"),
        }
    }

    /// The Go type of an expression.
    pub fn go_type(&self, e: &Expr) -> TypeId {
        match self.facts().type_of(e.id) {
            Some(t) => t,
            None => self.ice(e.pos, "expression has no recorded type"),
        }
    }

    /// The structure of a Go type's underlying type.
    pub fn under(&self, t: TypeId) -> Type {
        self.facts().under(t).clone()
    }

    pub(crate) fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    fn is_untyped_nil(&self, e: &Expr) -> bool {
        matches!(self.facts().get(self.go_type(e)), Type::Basic(BasicKind::UntypedNil))
    }

    /// The IR type of a basic type.
    pub fn basic_ty(&mut self, k: BasicKind) -> TyId {
        self.cx.with_tys(|m, env, out| m.basic(env, out, k))
    }

    /// `bool`.
    pub fn bool_ty(&mut self) -> TyId {
        self.basic_ty(BasicKind::Bool)
    }

    /// The IR type of `*elem`.
    pub fn pointer_ty(&mut self, elem: TyId) -> TyId {
        self.cx.with_tys(|m, env, out| m.pointer_to(env, out, elem))
    }

    /// The structure of an IR type.
    pub fn ir_kind(&self, t: TyId) -> &TyKind {
        &self.cx.prog.types[t.0 as usize].kind
    }

    /// A binary operation node.
    pub fn binary(&self, op: BinOp, x: IExpr, y: IExpr, ty: TyId, pos: Pos) -> IExpr {
        IExpr { kind: IK::Binary(op, Box::new(x), Box::new(y)), ty, pos }
    }

    /// Lowers an expression in a context that does not convert it.
    pub fn expr(&mut self, e: &Expr) -> IExpr {
        if let Some(v) = self.take_hoisted(e) {
            return v;
        }
        let tv = self.tv(e);
        if let Some(v) = self.layout_query(e) {
            return self.constant(&v, tv.ty, e.pos);
        }
        if let Some(v) = &tv.value {
            return self.constant(v, tv.ty, e.pos);
        }
        if matches!(e.kind, ExprKind::Call { .. }) {
            // Typed by its callee (the checker records the callee's own,
            // possibly generic, signature on a call without results).
            return self.call_expr(e);
        }
        let ty = self.cx.ty(tv.ty);
        let pos = e.pos;
        let kind = match &e.kind {
            ExprKind::Paren(x) => return self.expr(x),
            ExprKind::Ident(id) => self.ident(id, pos),
            ExprKind::FuncLit { .. } => {
                let (func, free) = self.func_lit(e);
                let captures = free.iter().map(|&o| self.var(o, pos)).collect();
                IK::Closure { func, captures }
            }
            ExprKind::CompositeLit { elems, .. } => return self.composite(e, tv.ty, elems),
            ExprKind::Selector { .. } if let Some(id) = qualified_ident(self.facts(), e) => self.ident(id, pos),
            ExprKind::Selector { x, sel } => return self.selector(e, x, sel),
            ExprKind::Index { x, indices } => return self.index(e, x, indices),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                let x = self.sliceable(x);
                let mut bound = |b: &Option<Box<Expr>>| b.as_ref().map(|b| Box::new(self.expr(b)));
                let (lo, hi, max) = (bound(lo), bound(hi), bound(max));
                IK::Slice { x: Box::new(x), lo, hi, max }
            }
            ExprKind::TypeAssert { x, .. } => IK::TypeAssert { x: Box::new(self.expr(x)), comma_ok: false },
            ExprKind::Call { .. } => return self.call_expr(e),
            ExprKind::Star(p) => IK::Load(Box::new(Place::Deref(Box::new(self.expr(p))))),
            ExprKind::Unary { op, x } => return self.unary(*op, x, ty, pos),
            ExprKind::Binary { op, x, y } => return self.binary_expr(*op, x, y, ty, pos),
            ExprKind::BasicLit { .. } | ExprKind::Type(_) | ExprKind::Bad => {
                self.ice(pos, "expression cannot be evaluated")
            }
        };
        IExpr { kind, ty, pos }
    }

    /// The value of `unsafe.Sizeof`, `Alignof` or `Offsetof` in an instance
    /// of a generic function, whose operand's type depends on the type
    /// arguments (the checker's constant is for no particular instance).
    fn layout_query(&self, e: &Expr) -> Option<ConstValue> {
        if self.subst.map.is_empty() {
            return None;
        }
        let ExprKind::Call { func, args, .. } = &e.kind else { return None };
        let b = crate::query::builtin_callee(self.facts(), func)?;
        let facts = self.facts();
        let arg = unparen(args.first()?);
        let v = match b {
            types::Builtin::Sizeof => types::size_align(facts.types, facts.type_of(arg.id)?).0,
            types::Builtin::Alignof => types::size_align(facts.types, facts.type_of(arg.id)?).1,
            types::Builtin::Offsetof => {
                let ExprKind::Selector { x, .. } = &arg.kind else { return None };
                let path = facts.selection(arg.id)?.path;
                let mut cur = facts.type_of(x.id)?;
                let mut off = 0;
                for idx in path {
                    if let Type::Pointer(elem) = facts.under(cur) {
                        cur = *elem;
                    }
                    let Type::Struct(fields) = facts.under(cur) else { return None };
                    off += types::field_offsets(facts.types, fields)[idx];
                    cur = fields[idx].ty;
                }
                off
            }
            _ => return None,
        };
        Some(ConstValue::Int(v.into()))
    }

    /// A constant of Go type `t`.
    pub fn constant(&mut self, v: &ConstValue, t: TypeId, pos: Pos) -> IExpr {
        let t = if self.cx.types.basic_kind(t).is_some_and(|k| k.is_untyped()) { default_type(v) } else { t };
        let ty = self.cx.ty(t);
        if self.is_interface(t) {
            // A constant stored straight into an interface: box its default type.
            let inner = self.constant(v, default_type(v), pos);
            return IExpr { kind: IK::ToInterface(Box::new(inner)), ty, pos };
        }
        match crate::consts::convert(v, self.ir_kind(ty)) {
            Some(c) => IExpr { kind: IK::Const(c), ty, pos },
            None => {
                self.ice(pos, &format!("constant {v:?} does not fit type {}", self.cx.prog.types[ty.0 as usize].name))
            }
        }
    }

    fn ident(&mut self, id: &ast::Ident, pos: Pos) -> IK {
        let Some(obj) = self.cx.info.object_of(id.id) else {
            self.ice(pos, &format!("unresolved identifier {}", id.name))
        };
        match &self.cx.info.obj(obj).kind {
            ObjKind::Var(v) if v.global => match self.cx.globals.get(&obj) {
                Some(&g) => IK::Global(g),
                None => self.ice(pos, "global variable not declared"),
            },
            ObjKind::Var(_) => IK::Local(self.var(obj, pos)),
            ObjKind::Func { .. } => {
                let inst = self.facts().instance(id.id);
                let f = match inst {
                    Some((g, targs)) => self.cx.instance_func(g, targs),
                    None => self.cx.funcs.get(&obj).copied(),
                };
                match f {
                    Some(f) => IK::FuncValue(f),
                    // An instantiation cycle, reported by `instance_func`.
                    None if !self.cx.diags.is_empty() => IK::Zero,
                    None => self.ice(pos, "function not declared"),
                }
            }
            ObjKind::Nil => IK::Const(Const::Nil),
            _ => self.ice(pos, &format!("{} is not a value", id.name)),
        }
    }

    /// Lowers `e` to be stored in a slot of Go type `target`, making the
    /// implicit conversion explicit.
    pub fn value_as(&mut self, e: &Expr, target: TypeId) -> IExpr {
        if self.is_untyped_nil(e) {
            let ty = self.cx.ty(target);
            return IExpr { kind: IK::Const(Const::Nil), ty, pos: e.pos };
        }
        let from = self.go_type(e);
        let v = self.expr(e);
        self.convert_to(v, from, target, e.pos)
    }

    /// Converts a lowered value of Go type `from` to Go type `to`.
    pub fn convert_to(&mut self, v: IExpr, from: TypeId, to: TypeId, pos: Pos) -> IExpr {
        if from == to {
            return v;
        }
        let ty = self.cx.ty(to);
        if v.ty == ty {
            return v;
        }
        let kind = if self.is_interface(to) { IK::ToInterface(Box::new(v)) } else { IK::Convert(Box::new(v)) };
        IExpr { kind, ty, pos }
    }

    /// Boxes a value into `interface {}` (the argument of `panic`).
    pub fn boxed_as_any(&mut self, e: &Expr) -> IExpr {
        let ty = self.cx.with_tys(|m, env, out| m.empty_interface(env, out));
        if self.is_untyped_nil(e) {
            return IExpr { kind: IK::Const(Const::Nil), ty, pos: e.pos };
        }
        let v = self.expr(e);
        if v.ty == ty {
            return v;
        }
        IExpr { kind: IK::ToInterface(Box::new(v)), ty, pos: e.pos }
    }

    fn unary(&mut self, op: UnaryOp, x: &Expr, ty: TyId, pos: Pos) -> IExpr {
        let uop = match op {
            UnaryOp::Pos => return self.expr(x),
            UnaryOp::Neg => UnOp::Neg,
            UnaryOp::Not => UnOp::Not,
            UnaryOp::BitNot => UnOp::BitNot,
            UnaryOp::Addr => return self.addr_of(x, ty, pos),
            UnaryOp::Recv => return self.recv(x, ty, pos),
            UnaryOp::Tilde => self.ice(pos, "~ outside a constraint"),
        };
        IExpr { kind: IK::Unary(uop, Box::new(self.expr(x))), ty, pos }
    }

    /// `&x`; `&T{...}` allocates a fresh variable for the literal.
    fn addr_of(&mut self, x: &Expr, ty: TyId, pos: Pos) -> IExpr {
        if matches!(unparen(x).kind, ExprKind::CompositeLit { .. }) {
            let v = self.expr(x);
            return self.boxed(v, ty, pos);
        }
        let p = self.place(x);
        IExpr { kind: IK::AddrOf(Box::new(p)), ty, pos }
    }

    /// A pointer (of IR type `ptr_ty`) to a fresh heap variable holding `v`.
    pub(crate) fn boxed(&mut self, v: IExpr, ptr_ty: TyId, pos: Pos) -> IExpr {
        let t = self.temp(v.ty);
        self.locals[t.0 as usize].heap = true;
        let stmts = vec![Stmt::Decl(t), Stmt::Assign(Place::Local(t), v)];
        let addr = IExpr { kind: IK::AddrOf(Box::new(Place::Local(t))), ty: ptr_ty, pos };
        IExpr { kind: IK::Seq(stmts, Box::new(addr)), ty: ptr_ty, pos }
    }

    fn binary_expr(&mut self, op: BinaryOp, x: &Expr, y: &Expr, ty: TyId, pos: Pos) -> IExpr {
        match op {
            // Each operand is ordered on its own (gc: `r = x; if r { r = y }`).
            BinaryOp::AndAnd => {
                IExpr { kind: IK::AndAnd(Box::new(self.ordered(x)), Box::new(self.ordered(y))), ty, pos }
            }
            BinaryOp::OrOr => IExpr { kind: IK::OrOr(Box::new(self.ordered(x)), Box::new(self.ordered(y))), ty, pos },
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                let Some(bop) = arith_op(op) else { self.ice(pos, "not a comparison") };
                let (xv, xt) = if self.is_untyped_nil(x) {
                    let yt = self.go_type(y);
                    let ty = self.cx.ty(yt);
                    (IExpr { kind: IK::Const(Const::Nil), ty, pos: x.pos }, yt)
                } else {
                    (self.expr(x), self.go_type(x))
                };
                self.compare(bop, xv, xt, y, ty, pos)
            }
            _ => {
                let Some(bop) = arith_op(op) else { self.ice(pos, "not an arithmetic operator") };
                let (xv, yv) = (self.expr(x), self.expr(y));
                self.binary(bop, xv, yv, ty, pos)
            }
        }
    }

    /// `x op y` for a comparison, with `x` already lowered: `nil` takes the
    /// other side's type, and a non-interface operand compared with an
    /// interface is boxed.
    pub fn compare(&mut self, op: BinOp, x: IExpr, xt: TypeId, y: &Expr, ty: TyId, pos: Pos) -> IExpr {
        if self.is_untyped_nil(y) {
            let nil = IExpr { kind: IK::Const(Const::Nil), ty: x.ty, pos: y.pos };
            return self.binary(op, x, nil, ty, pos);
        }
        let yt = self.go_type(y);
        let yv = self.expr(y);
        let (x, y) = match (self.is_interface(xt), self.is_interface(yt)) {
            (true, false) => {
                let y = self.convert_to(yv, yt, xt, pos);
                (x, y)
            }
            (false, true) => (self.convert_to(x, xt, yt, pos), yv),
            _ => (x, yv),
        };
        self.binary(op, x, y, ty, pos)
    }

    /// The value of `x.sel`: a field, or (unsupported yet) a method value or
    /// a qualified identifier.
    fn selector(&mut self, e: &Expr, x: &Expr, sel: &ast::Ident) -> IExpr {
        let ty = self.cx.ty(self.go_type(e));
        let Some(selection) = self.facts().selection(e.id) else {
            let what = match &unparen(x).kind {
                ExprKind::Ident(p) => format!("package {}", p.name),
                _ => format!("selector {}", sel.name),
            };
            self.unsupported(e.pos, &what);
            return IExpr { kind: IK::Zero, ty, pos: e.pos };
        };
        match selection.kind {
            SelectionKind::FieldVal => {
                let p = self.walk_path(x, &selection.path).0;
                IExpr { kind: IK::Load(Box::new(p)), ty, pos: e.pos }
            }
            SelectionKind::MethodVal => self.method_value(e, x, &selection, ty),
            SelectionKind::MethodExpr => self.method_expr(e, x, &selection, ty),
        }
    }

    /// Follows a path of field indices from `x` (dereferencing pointers on
    /// the way, as Go's automatic dereference does): the place reached and
    /// its Go type.
    pub fn walk_path(&mut self, x: &Expr, path: &[usize]) -> (Place, TypeId) {
        let xt = self.go_type(x);
        let (mut place, mut cur) = match self.under(xt) {
            Type::Pointer(elem) => (Place::Deref(Box::new(self.expr(x))), elem),
            _ => (self.place(x), xt),
        };
        for (n, &idx) in path.iter().enumerate() {
            if n > 0
                && let Type::Pointer(elem) = self.under(cur)
            {
                let pty = self.cx.ty(cur);
                let ptr = self.read_place(&place, pty, x.pos);
                place = Place::Deref(Box::new(ptr));
                cur = elem;
            }
            let Type::Struct(fields) = self.under(cur) else { self.ice(x.pos, "field path through a non-struct") };
            let Some(f) = fields.get(idx) else { self.ice(x.pos, "field index out of range") };
            place = Place::Field(Box::new(place), idx);
            cur = f.ty;
        }
        (place, cur)
    }

    /// The location of the variable `id` names.
    fn variable_place(&mut self, id: &ast::Ident, pos: Pos) -> Place {
        if let Some(obj) = self.cx.info.object_of(id.id)
            && let ObjKind::Var(v) = &self.cx.info.obj(obj).kind
        {
            if !v.global {
                return Place::Local(self.var(obj, pos));
            }
            if let Some(&g) = self.cx.globals.get(&obj) {
                return Place::Global(g);
            }
        }
        self.ice(pos, &format!("{} is not a variable", id.name))
    }

    /// The location an addressable expression (or map index) denotes. Any
    /// other expression is evaluated into a fresh variable whose location
    /// is used.
    pub fn place(&mut self, e: &Expr) -> Place {
        // A receiver evaluated ahead (see `defer_operands`).
        if let Some(l) = self.hoisted.remove(&e.id) {
            return Place::Local(l);
        }
        match &e.kind {
            ExprKind::Paren(x) => return self.place(x),
            ExprKind::Ident(id) => return self.variable_place(id, e.pos),
            ExprKind::Selector { .. } if let Some(id) = qualified_ident(self.facts(), e) => {
                return self.variable_place(id, e.pos);
            }
            ExprKind::Star(p) => return Place::Deref(Box::new(self.expr(p))),
            ExprKind::Selector { x, .. } => {
                if let Some(s) = self.facts().selection(e.id)
                    && s.kind == SelectionKind::FieldVal
                {
                    return self.walk_path(x, &s.path).0;
                }
            }
            ExprKind::Index { x, indices } if indices.len() == 1 => {
                if let Some(p) = self.index_place(x, &indices[0]) {
                    return p;
                }
            }
            _ => {}
        }
        let ty = self.cx.ty(self.go_type(e));
        let v = self.expr(e);
        let ptr_ty = self.pointer_ty(ty);
        let ptr = self.boxed(v, ptr_ty, e.pos);
        Place::Deref(Box::new(ptr))
    }

    /// `x[i]` as a place, when `x` is an addressable array, a pointer to an
    /// array, a slice or a map.
    fn index_place(&mut self, x: &Expr, i: &Expr) -> Option<Place> {
        let xt = self.go_type(x);
        Some(match self.under(xt) {
            Type::Array(..) if self.tv(x).mode == Mode::Variable => {
                let base = self.place(x);
                Place::ArrayIndex(Box::new(base), Box::new(self.expr(i)))
            }
            Type::Pointer(_) => {
                let p = self.expr(x);
                Place::ArrayIndex(Box::new(Place::Deref(Box::new(p))), Box::new(self.expr(i)))
            }
            Type::Slice(_) => {
                let s = self.expr(x);
                Place::SliceIndex(Box::new(s), Box::new(self.expr(i)))
            }
            Type::Map(..) => self.map_index_place(x, i),
            _ => return None,
        })
    }

    fn index(&mut self, e: &Expr, x: &Expr, indices: &[Expr]) -> IExpr {
        let callee = crate::query::callee_selector(self.facts(), e);
        if !std::ptr::eq(callee, e) {
            // `x.M[int]`, `T.M[int]`: an instance of a generic method,
            // which its selector names.
            return self.expr(callee);
        }
        let ty = self.cx.ty(self.go_type(e));
        // `F[int]`, `pkg.F[int, string]`: an instance of a generic function.
        let name = match &unparen(x).kind {
            ExprKind::Ident(id) => Some(id),
            _ => qualified_ident(self.facts(), unparen(x)),
        };
        if let Some(id) = name
            && self.facts().instance(id.id).is_some()
        {
            let kind = self.ident(id, e.pos);
            return IExpr { kind, ty, pos: e.pos };
        }
        if indices.len() != 1 || self.tv(x).mode == Mode::TypeExpr {
            self.unsupported(e.pos, "generic instantiation");
            return IExpr { kind: IK::Zero, ty, pos: e.pos };
        }
        let xt = self.go_type(x);
        let value_operand = match self.under(xt) {
            Type::Basic(_) => true,
            Type::Array(..) => self.tv(x).mode != Mode::Variable,
            _ => false,
        };
        if value_operand {
            let (xv, iv) = (self.expr(x), self.expr(&indices[0]));
            return IExpr { kind: IK::Index(Box::new(xv), Box::new(iv)), ty, pos: e.pos };
        }
        match self.index_place(x, &indices[0]) {
            Some(p) => IExpr { kind: IK::Load(Box::new(p)), ty, pos: e.pos },
            None => self.ice(e.pos, "index of a non-indexable value"),
        }
    }

    /// The operand of a slice expression: an addressable array is sliced
    /// through its address.
    fn sliceable(&mut self, x: &Expr) -> IExpr {
        let xt = self.go_type(x);
        if let Type::Array(..) = self.under(xt) {
            let aty = self.cx.ty(xt);
            let pty = self.pointer_ty(aty);
            let p = self.place(x);
            return IExpr { kind: IK::AddrOf(Box::new(p)), ty: pty, pos: x.pos };
        }
        self.expr(x)
    }

    /// A composite literal of Go type `t`.
    fn composite(&mut self, e: &Expr, t: TypeId, elems: &[KeyedElement]) -> IExpr {
        let pos = e.pos;
        if let Type::Pointer(inner) = self.under(t) {
            // An elided `&T{...}` inside another literal.
            let v = self.composite(e, inner, elems);
            let ty = self.cx.ty(t);
            return self.boxed(v, ty, pos);
        }
        let ty = self.cx.ty(t);
        // Blank fields stay zero: their elements are evaluated and dropped.
        let mut blank = Vec::new();
        let (slots, elem_tys, slice) = match self.under(t) {
            Type::Struct(fields) => {
                if elems.iter().any(|el| el.key.as_ref().is_some_and(|k| self.promoted_key(k).is_some())) {
                    return self.promoted_struct_literal(ty, &fields, elems, pos);
                }
                let idx = |k: &Expr| match &k.kind {
                    ExprKind::Ident(id) => fields.iter().position(|f| f.name == id.name),
                    _ => None,
                };
                let mut slots = Vec::new();
                for (n, el) in elems.iter().enumerate() {
                    let i = match &el.key {
                        Some(k) => idx(k).unwrap_or_else(|| self.ice(k.pos, "unknown field in composite literal")),
                        None => n,
                    };
                    slots.push((i, &el.value));
                }
                blank = fields.iter().map(|f| f.name == "_").collect();
                (slots, fields.iter().map(|f| f.ty).collect::<Vec<_>>(), false)
            }
            Type::Array(n, et) => {
                let slots = self.indexed_slots(elems);
                if is_sparse(n, slots.len()) {
                    return self.sparse_array(ty, et, &slots, pos);
                }
                (slots, vec![et; n as usize], false)
            }
            Type::Slice(et) => {
                let slots = self.indexed_slots(elems);
                let len = slots.iter().map(|(i, _)| i + 1).max().unwrap_or(0);
                (slots, vec![et; len], true)
            }
            Type::Map(..) => return self.map_literal(t, elems, pos),
            _ => self.ice(pos, "composite literal of a non-composite type"),
        };
        let values = self.slot_values(&slots, &elem_tys, &blank, pos);
        let kind = if slice { IK::SliceLit(values.0) } else { IK::Composite(values.0) };
        let lit = IExpr { kind, ty, pos };
        if values.1.is_empty() { lit } else { IExpr { kind: IK::Seq(values.1, Box::new(lit)), ty, pos } }
    }

    /// The embedded path and type of a struct literal key naming a promoted
    /// field (Go 1.27: `S{x: 1}` for `S{E: E{x: 1}}`), which the checker
    /// records as a selection on the key.
    fn promoted_key(&self, key: &Expr) -> Option<(Vec<usize>, TypeId)> {
        let s = self.facts().selection(key.id)?;
        (s.path.len() > 1).then_some((s.path, s.ty))
    }

    /// A struct literal with promoted field keys: a zeroed temporary whose
    /// fields, promoted ones through their embedded structs, are stored in
    /// source order (the order gc evaluates the elements in).
    fn promoted_struct_literal(
        &mut self,
        ty: TyId,
        fields: &[types::StructField],
        elems: &[KeyedElement],
        pos: Pos,
    ) -> IExpr {
        let tmp = self.temp(ty);
        let mut stmts = vec![Stmt::Decl(tmp)];
        for el in elems {
            let Some(key) = &el.key else { self.ice(el.value.pos, "struct literal mixing keys and values") };
            let direct = match &key.kind {
                ExprKind::Ident(id) => fields.iter().position(|f| f.name == id.name),
                _ => None,
            };
            let (path, fty) = match (self.promoted_key(key), direct) {
                (Some(p), _) => p,
                (None, Some(i)) => (vec![i], fields[i].ty),
                (None, None) => self.ice(key.pos, "unknown field in composite literal"),
            };
            let v = self.value_as(&el.value, fty);
            let place = path.iter().fold(Place::Local(tmp), |p, &i| Place::Field(Box::new(p), i));
            stmts.push(Stmt::Assign(place, v));
        }
        let value = self.local_expr(tmp, pos);
        IExpr { kind: IK::Seq(stmts, Box::new(value)), ty, pos }
    }

    /// A literal of a long array that lists few of its elements: a zeroed
    /// temporary whose listed elements are stored in source order, instead
    /// of one IR value per element (`[100 << 20]byte{42}` would be a
    /// hundred million).
    fn sparse_array(&mut self, ty: TyId, et: TypeId, slots: &[(usize, &Expr)], pos: Pos) -> IExpr {
        let tmp = self.temp(ty);
        let mut stmts = vec![Stmt::Decl(tmp)];
        for &(i, e) in slots {
            let v = self.value_as(e, et);
            let index = self.int_const(i as u64, e.pos);
            let elem = Place::ArrayIndex(Box::new(Place::Local(tmp)), Box::new(index));
            stmts.push(Stmt::Assign(elem, v));
        }
        let value = self.local_expr(tmp, pos);
        IExpr { kind: IK::Seq(stmts, Box::new(value)), ty, pos }
    }

    /// Element positions of an array or slice literal (`[5: x, y]`).
    pub(crate) fn indexed_slots<'e>(&self, elems: &'e [KeyedElement]) -> Vec<(usize, &'e Expr)> {
        let mut next = 0usize;
        let mut out = Vec::new();
        for el in elems {
            if let Some(k) = &el.key {
                next = match self.tv(k).value.as_ref() {
                    Some(ConstValue::Int(i)) => {
                        usize::try_from(i).unwrap_or_else(|_| self.ice(k.pos, "array index out of range"))
                    }
                    _ => self.ice(k.pos, "array index is not an integer constant"),
                };
            }
            out.push((next, &el.value));
            next += 1;
        }
        out
    }

    /// The values of all slots (zero where none is given, and for the
    /// slots `blank` marks, whose elements are evaluated and dropped), and
    /// the statements that evaluate them in source order when the values
    /// cannot (the literal lists them out of slot order, or drops some).
    fn slot_values(
        &mut self,
        slots: &[(usize, &Expr)],
        tys: &[TypeId],
        blank: &[bool],
        pos: Pos,
    ) -> (Vec<IExpr>, Vec<Stmt>) {
        let is_blank = |i: usize| blank.get(i).copied().unwrap_or(false);
        let in_order = slots.windows(2).all(|w| w[0].0 < w[1].0) && !slots.iter().any(|&(i, _)| is_blank(i));
        let mut values: Vec<Option<IExpr>> = vec![None; tys.len()];
        let mut pre = Vec::new();
        for &(i, e) in slots {
            let Some(&t) = tys.get(i) else { self.ice(e.pos, "composite literal index out of range") };
            let mut v = self.value_as(e, t);
            if !in_order && !matches!(v.kind, IK::Const(_)) {
                let tmp = self.spill(v, &mut pre);
                v = self.local_expr(tmp, e.pos);
            }
            if !is_blank(i) {
                values[i] = Some(v);
            }
        }
        let values = values
            .into_iter()
            .zip(tys)
            .map(|(v, &t)| {
                v.unwrap_or_else(|| {
                    let ty = self.cx.ty(t);
                    IExpr { kind: IK::Zero, ty, pos }
                })
            })
            .collect();
        (values, pre)
    }
}

/// Whether an array literal of `len` elements listing `listed` of them is
/// built element by element into a zeroed temporary
/// ([`FnCx::sparse_array`]) rather than as a value listing every element.
fn is_sparse(len: u64, listed: usize) -> bool {
    len > 64 && (listed as u64) < len / 4
}

/// The default type of an untyped constant's value.
pub fn default_type(v: &ConstValue) -> TypeId {
    TypeTable::basic(match v {
        ConstValue::Bool(_) => BasicKind::Bool,
        ConstValue::String(_) | ConstValue::Bytes(_) => BasicKind::String,
        ConstValue::Int(_) => BasicKind::Int,
        ConstValue::Float(_) => BasicKind::Float64,
        ConstValue::Complex(..) => BasicKind::Complex128,
    })
}
