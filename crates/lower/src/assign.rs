//! Assignments in all their forms: `=`, `:=`, `var`, `op=`, `++`/`--`,
//! several places at once, and package-level initialisers.
//!
//! Go's order (spec, "Assignment statements"): first the operands of index
//! expressions and pointer indirections on the left and all expressions on
//! the right are evaluated, in the usual order; then the assignments happen
//! left to right. The calls of both sides have already run (gc's order,
//! `crate::order`). A single assignment needs nothing more (the IR's
//! `Assign` evaluates the place's operands before the value). Several
//! assignments pin the places' operands into temporaries, evaluate every
//! right-hand side into a temporary, then store (`a, b = b, a` swaps).
//!
//! A new variable of `:=`/`var` is declared (`Decl`, a fresh cell for heap
//! variables) before it is assigned; its initialiser cannot refer to it.

use syntax::Pos;
use syntax::ast::{self, BinaryOp, Expr, ExprKind};
use types::{Mode, ObjId, Type, TypeId};

use crate::func::FnCx;
use crate::ir::{Const, Expr as IExpr, ExprKind as IK, Place, Stmt};

impl FnCx<'_, '_> {
    /// `lhs = rhs` (one or several).
    pub fn assign(&mut self, lhs: &[Expr], rhs: &[Expr], out: &mut Vec<Stmt>) {
        if lhs.len() == 1 && rhs.len() == 1 {
            self.assign_one(&lhs[0], &rhs[0], out);
            return;
        }
        let mut pre = Vec::new();
        let targets: Vec<Option<(Place, TypeId)>> = lhs
            .iter()
            .map(|l| {
                if is_blank(l) {
                    return None;
                }
                let t = self.go_type(l);
                let p = self.place(l);
                Some((self.pin_place(p, true, &mut pre), t))
            })
            .collect();
        out.extend(pre);
        self.store_all(targets, rhs, out);
    }

    fn assign_one(&mut self, l: &Expr, r: &Expr, out: &mut Vec<Stmt>) {
        if is_blank(l) {
            let v = self.expr(r);
            out.push(Stmt::Eval(v));
            return;
        }
        let t = self.go_type(l);
        let p = self.place(l);
        let v = self.value_as(r, t);
        out.push(Stmt::Assign(p, v));
    }

    /// Stores the right-hand sides into the (pinned) targets: a multi-value
    /// call or comma-ok form into all of them, or one value each through
    /// temporaries.
    fn store_all(&mut self, targets: Vec<Option<(Place, TypeId)>>, rhs: &[Expr], out: &mut Vec<Stmt>) {
        let pos = rhs.first().map_or(Pos::NONE, |e| e.pos);
        if rhs.len() == 1 {
            let elem_tys = self.tuple_elems(&rhs[0]);
            let v = self.multi_value(&rhs[0]);
            let (places, tys): (Vec<_>, Vec<_>) =
                targets.into_iter().zip(&elem_tys).map(|(t, &et)| t.map_or((None, et), |(p, t)| (Some(p), t))).unzip();
            self.assign_multi_converted(places, &tys, v, &elem_tys, pos, out);
            return;
        }
        let mut values = Vec::new();
        for (t, r) in targets.iter().zip(rhs) {
            let v = match t {
                Some((_, ty)) => self.value_as(r, *ty),
                None => self.expr(r),
            };
            values.push(self.settle(v, out));
        }
        for (t, v) in targets.into_iter().zip(values) {
            if let Some((p, _)) = t {
                out.push(Stmt::Assign(p, v));
            }
        }
    }

    /// A value that later assignments of the same statement cannot change:
    /// a constant as is, anything else evaluated now into a temporary.
    pub fn settle(&mut self, v: IExpr, out: &mut Vec<Stmt>) -> IExpr {
        if matches!(v.kind, IK::Const(_)) {
            return v;
        }
        let pos = v.pos;
        let tmp = self.spill(v, out);
        self.local_expr(tmp, pos)
    }

    /// A multi-value right-hand side: a call, or a comma-ok form.
    fn multi_value(&mut self, e: &Expr) -> IExpr {
        let tv = self.tv(e).clone();
        if tv.mode != Mode::CommaOk {
            return self.expr(e);
        }
        let ty = self.cx.ty(tv.ty);
        match &crate::query::unparen(e).kind {
            ExprKind::TypeAssert { x, .. } => {
                let xv = self.expr(x);
                IExpr { kind: IK::TypeAssert { x: Box::new(xv), comma_ok: true }, ty, pos: e.pos }
            }
            ExprKind::Index { x, indices } if indices.len() == 1 => self.map_lookup(x, &indices[0], ty, e.pos),
            _ => match self.recv_ok(e, ty) {
                Some(r) => r,
                None => self.ice(e.pos, "comma-ok form of an unknown expression"),
            },
        }
    }

    /// The element types of a multi-value expression's tuple type.
    pub fn tuple_elems(&mut self, e: &Expr) -> Vec<TypeId> {
        let t = self.go_type(e);
        match self.facts().get(t) {
            Type::Tuple(ts) => ts.clone(),
            _ => self.ice(e.pos, "multi-value expression without a tuple type"),
        }
    }

    /// `AssignMulti(places, value)`, through temporaries when a target's
    /// type differs from the value's element type (an implicit conversion,
    /// e.g. to an interface).
    pub fn assign_multi_converted(
        &mut self,
        places: Vec<Option<Place>>,
        tys: &[TypeId],
        value: IExpr,
        elem_tys: &[TypeId],
        pos: Pos,
        out: &mut Vec<Stmt>,
    ) {
        let direct = places.iter().zip(tys).zip(elem_tys).all(|((p, t), e)| p.is_none() || t == e);
        if direct {
            out.push(Stmt::AssignMulti(places, value));
            return;
        }
        let temps: Vec<_> = elem_tys
            .iter()
            .map(|&t| {
                let ty = self.cx.ty(t);
                let l = self.temp(ty);
                out.push(Stmt::Decl(l));
                l
            })
            .collect();
        out.push(Stmt::AssignMulti(temps.iter().map(|&t| Some(Place::Local(t))).collect(), value));
        for (((p, &t), &et), tmp) in places.into_iter().zip(tys).zip(elem_tys).zip(temps) {
            if let Some(p) = p {
                let v = self.convert_to(self.local_expr(tmp, pos), et, t, pos);
                out.push(Stmt::Assign(p, v));
            }
        }
    }

    /// `a, b := x, y` (some names may be redeclared).
    pub fn define(&mut self, lhs: &[ast::Ident], rhs: &[Expr], out: &mut Vec<Stmt>) {
        let objs: Vec<Option<ObjId>> =
            lhs.iter().map(|i| if i.name == "_" { None } else { self.cx.info.object_of(i.id) }).collect();
        self.declare_and_store(&objs, rhs, out);
    }

    /// `var a, b T = x, y` inside a function.
    pub fn var_spec(&mut self, spec: &ast::VarSpec, out: &mut Vec<Stmt>) {
        let objs: Vec<Option<ObjId>> = spec
            .names
            .iter()
            .map(|i| if i.name == "_" { None } else { self.cx.info.defs.get(&i.id).copied() })
            .collect();
        // Ordered as `a, b := x, y` (gc 1.22+; gc before compiled it as
        // `var a = x; var b = y`).
        self.hoist(&spec.values.iter().collect::<Vec<_>>(), spec.values.len() == 1, out);
        self.declare_and_store(&objs, &spec.values, out);
    }

    /// Declares the new variables among `objs` and assigns the values.
    fn declare_and_store(&mut self, objs: &[Option<ObjId>], rhs: &[Expr], out: &mut Vec<Stmt>) {
        let targets: Vec<Option<(Place, TypeId)>> = objs
            .iter()
            .map(|o| {
                o.map(|o| {
                    let fresh = !self.vars.contains_key(&o);
                    let l = self.declare_var(o);
                    if fresh {
                        out.push(Stmt::Decl(l));
                    }
                    (Place::Local(l), self.facts().obj_ty(o))
                })
            })
            .collect();
        match rhs.len() {
            0 => {}
            1 if targets.len() == 1 => match &targets[0] {
                Some((p, t)) => {
                    let v = self.value_as(&rhs[0], *t);
                    out.push(Stmt::Assign(p.clone(), v));
                }
                None => {
                    let v = self.expr(&rhs[0]);
                    out.push(Stmt::Eval(v));
                }
            },
            _ => self.store_all(targets, rhs, out),
        }
    }

    /// One package-level initialiser: `var a, b = rhs`.
    pub fn global_init(&mut self, lhs: &[ObjId], rhs: &Expr, out: &mut Vec<Stmt>) {
        self.hoist(&[rhs], true, out);
        let targets: Vec<Option<(Place, TypeId)>> =
            lhs.iter().map(|o| self.cx.globals.get(o).map(|&g| (Place::Global(g), self.facts().obj_ty(*o)))).collect();
        if targets.len() == 1 {
            match &targets[0] {
                Some((p, t)) => {
                    let v = self.value_as(rhs, *t);
                    out.push(Stmt::Assign(p.clone(), v));
                }
                None => {
                    let v = self.expr(rhs);
                    out.push(Stmt::Eval(v));
                }
            }
            return;
        }
        self.store_all(targets, std::slice::from_ref(rhs), out);
    }

    /// `x op= y`: the place's operands are evaluated once.
    pub fn assign_op(&mut self, l: &Expr, op: BinaryOp, r: &Expr, out: &mut Vec<Stmt>) {
        let t = self.go_type(l);
        let p = self.place(l);
        let p = self.pin_place(p, false, out);
        // A call on the right has already run (`crate::order`).
        let y = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) { self.expr(r) } else { self.value_as(r, t) };
        self.update(p, t, op, y, l.pos, out);
    }

    /// `x++` / `x--`.
    pub fn inc_dec(&mut self, target: &Expr, inc: bool, pos: Pos, out: &mut Vec<Stmt>) {
        let t = self.go_type(target);
        let p = self.place(target);
        let p = self.pin_place(p, false, out);
        let ty = self.cx.ty(t);
        let one = match &self.cx.prog.types[ty.0 as usize].kind {
            crate::ir::TyKind::Float(_) => Const::Float(1.0),
            crate::ir::TyKind::Complex(_) => Const::Complex(1.0, 0.0),
            _ => Const::Int(1),
        };
        let one = IExpr { kind: IK::Const(one), ty, pos };
        let op = if inc { BinaryOp::Add } else { BinaryOp::Sub };
        self.update(p, t, op, one, pos, out);
    }

    /// `p = p op y` with `p` already pinned.
    fn update(&mut self, p: Place, t: TypeId, op: BinaryOp, y: IExpr, pos: Pos, out: &mut Vec<Stmt>) {
        let ty = self.cx.ty(t);
        let cur = self.read_place(&p, ty, pos);
        let Some(bop) = crate::expr::arith_op(op) else { self.ice(pos, "assignment operator is not arithmetic") };
        let v = self.binary(bop, cur, y, ty, pos);
        out.push(Stmt::Assign(p, v));
    }

    /// The value stored at a place.
    pub fn read_place(&self, p: &Place, ty: crate::ir::TyId, pos: Pos) -> IExpr {
        let kind = match p {
            Place::Local(l) => IK::Local(*l),
            Place::Global(g) => IK::Global(*g),
            other => IK::Load(Box::new(other.clone())),
        };
        IExpr { kind, ty, pos }
    }

    /// Replaces the operands of a place with temporaries declared in `out`,
    /// so the place can be evaluated twice (`x op= y`) or after other
    /// assignments (`a, b = ...`) and still mean what it meant first.
    /// Constants are kept; reads of locals too unless `locals` (another
    /// assignment of the same statement may change them).
    pub fn pin_place(&mut self, p: Place, locals: bool, out: &mut Vec<Stmt>) -> Place {
        match p {
            Place::Local(_) | Place::Global(_) => p,
            Place::Deref(x) => Place::Deref(Box::new(self.pin_expr(*x, locals, out))),
            Place::Field(b, i) => Place::Field(Box::new(self.pin_place(*b, locals, out)), i),
            Place::ArrayIndex(b, i) => {
                let b = self.pin_place(*b, locals, out);
                Place::ArrayIndex(Box::new(b), Box::new(self.pin_expr(*i, locals, out)))
            }
            Place::SliceIndex(s, i) => {
                let s = self.pin_expr(*s, locals, out);
                Place::SliceIndex(Box::new(s), Box::new(self.pin_expr(*i, locals, out)))
            }
            Place::MapIndex(m, k) => {
                let m = self.pin_expr(*m, locals, out);
                Place::MapIndex(Box::new(m), Box::new(self.pin_expr(*k, locals, out)))
            }
        }
    }

    fn pin_expr(&mut self, e: IExpr, locals: bool, out: &mut Vec<Stmt>) -> IExpr {
        if matches!(e.kind, IK::Const(_)) || (!locals && matches!(e.kind, IK::Local(_))) {
            return e;
        }
        let pos = e.pos;
        let t = self.spill(e, out);
        self.local_expr(t, pos)
    }
}

fn is_blank(e: &Expr) -> bool {
    matches!(&crate::query::unparen(e).kind, ExprKind::Ident(i) if i.name == "_")
}
