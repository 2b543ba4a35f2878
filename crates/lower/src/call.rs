//! Calls: static functions, methods, func values, conversions, builtins,
//! and the call of a `defer` statement.
//!
//! * Arguments are converted to the parameter types; a variadic call packs
//!   its extra arguments into a [`IK::SliceLit`] (or passes `nil` when there
//!   are none); `f(g())` with a multi-value `g` spreads `g`'s results
//!   through temporaries declared in a [`IK::Seq`] around the first
//!   argument, so `f` (the callee) is still evaluated first.
//! * A method call `x.M(a)` is a static call `T.M(x, a)` with the receiver
//!   adjusted (`&x` or `*x`) to the method's receiver type, or a
//!   [`Callee::Interface`] call when `x` is an interface.
//! * `make([]T, ...)`, `append` and `copy` become [`IK::MakeSlice`],
//!   [`IK::Append`]/[`IK::AppendSlice`] and [`IK::Copy`]; their operands
//!   follow the same order rule as a call's arguments (calls first, see
//!   `crate::order`), so `s = append(s, f())` reads `s` after `f` ran.
//! * A deferred builtin (`defer println(x)`, `defer panic(v)`,
//!   `defer recover()`) becomes a call of a generated wrapper function that
//!   takes the arguments evaluated at the `defer` statement. The wrapper is
//!   named as gc names its own (`main.f.func3`), so a traceback through
//!   `defer panic(v)` reads as gc's. `defer recover()` saves the frame
//!   pointer of the function executing the `defer` statement and its
//!   wrapper recovers on behalf of that function ([`IK::RecoverFor`]), as
//!   gc evaluates recover's frame argument at the `defer`: it recovers iff
//!   the function containing the `defer recover()` is itself a deferred
//!   call run directly by the panic (so `defer recover()` in the panicking
//!   function does nothing, but inside a deferred function it recovers).
//! * A deferred function literal is a `Callee::Value` of the
//!   [`IK::Closure`]: the closure object carries the captured cells the body
//!   needs, and codegen may still call the literal's function directly.

use syntax::Pos;
use syntax::ast::{Expr, ExprKind};
use types::{BasicKind, Builtin, SelectionKind, Signature, Type, TypeId};

use crate::func::FnCx;
use crate::ir::{Call, Callee, Const, Expr as IExpr, ExprKind as IK, Local, LocalId, Place, Stmt, TyId, TyKind};
use crate::plan::Wrapper;
use crate::program::Generated;
use crate::query::{builtin_callee, callee_selector, is_type_expr, unparen};

impl FnCx<'_, '_> {
    /// A call expression (function call, method call, conversion or builtin).
    pub fn call_expr(&mut self, e: &Expr) -> IExpr {
        let ExprKind::Call { func, args, ellipsis, .. } = &e.kind else { self.ice(e.pos, "not a call") };
        if is_type_expr(self.facts(), func) {
            return self.conversion(e, &args[0]);
        }
        if let Some(b) = builtin_callee(self.facts(), func) {
            return self.builtin(b, args, e);
        }
        let sig = self.signature_of(func);
        let ty = self.result_ty(&sig);
        let call = self.call_parts(func, args, *ellipsis, &sig, e.pos);
        IExpr { kind: IK::Call(Box::new(call)), ty, pos: e.pos }
    }

    /// The function type of a callee.
    pub(crate) fn signature_of(&self, func: &Expr) -> Signature {
        match self.under(self.go_type(func)) {
            Type::Func(sig) => sig,
            _ => self.ice(func.pos, "callee is not a function"),
        }
    }

    /// The type of a call: its single result, a tuple of several, or the
    /// empty tuple.
    fn result_ty(&mut self, sig: &Signature) -> TyId {
        if sig.results.len() == 1 {
            return self.cx.ty(sig.results[0]);
        }
        let elems: Vec<TyId> = sig.results.iter().map(|&t| self.cx.ty(t)).collect();
        self.cx.with_tys(|m, env, out| m.tuple(env, out, elems))
    }

    /// `func()`.
    fn unit_func_ty(&mut self) -> TyId {
        self.cx.with_tys(|m, env, out| m.unit_func(env, out))
    }

    /// The empty tuple (type of calls without results, `print`, `panic`).
    pub fn unit_ty(&mut self) -> TyId {
        self.cx.with_tys(|m, env, out| m.tuple(env, out, Vec::new()))
    }

    /// Callee and arguments of a non-builtin call.
    fn call_parts(&mut self, func: &Expr, args: &[Expr], ellipsis: bool, sig: &Signature, pos: Pos) -> Call {
        let f = callee_selector(self.facts(), func);
        let mut all_args = Vec::new();
        let method = match &f.kind {
            ExprKind::Selector { x, .. } => {
                self.facts().selection(f.id).filter(|s| s.kind == SelectionKind::MethodVal).map(|s| (x, s))
            }
            _ => None,
        };
        let callee = match method {
            Some((x, s)) => self.method_callee(f, x, &s, &mut all_args),
            None => {
                // A function or method expression known statically is called
                // directly.
                let v = self.expr(f);
                match v.kind {
                    IK::FuncValue(fid) => Callee::Func(fid),
                    _ => Callee::Value(v),
                }
            }
        };
        all_args.extend(self.call_args(args, sig, ellipsis, pos));
        Call { callee, args: all_args, pos }
    }

    /// The callee of `x.M(...)`; pushes the receiver argument of a static
    /// method call.
    fn method_callee(&mut self, sel: &Expr, x: &Expr, s: &types::Selection, args: &mut Vec<IExpr>) -> Callee {
        let Some(method) = s.method else { self.ice(sel.pos, "method selection without a method") };
        let (recv, recv_ty) = self.receiver_base(x, &s.path);
        if let Type::Interface(ms) = self.under(recv_ty) {
            let info = self.cx.info;
            let name = &info.obj(method).name;
            let Some(idx) = ms.iter().position(|m| &m.name == name) else {
                self.ice(sel.pos, "interface method not found")
            };
            let ty = self.cx.ty(recv_ty);
            let v = self.recv_value(recv, ty, x.pos);
            return Callee::Interface(v, idx);
        }
        let (fid, wants_ptr) = self.method_func(method, recv_ty, sel, sel.pos);
        if let Some(w) = self.type_param_ptr_wrapper(x, s, fid, wants_ptr, recv_ty) {
            let ty = self.cx.ty(recv_ty);
            args.push(self.recv_value(recv, ty, x.pos));
            return Callee::Func(w);
        }
        let recv = self.adjust_receiver(recv, recv_ty, wants_ptr, x.pos);
        args.push(recv);
        Callee::Func(fid)
    }

    /// gc calls the method of a value of a type parameter through the type
    /// argument's method expression: for a pointer type argument and a
    /// value method `T.M`, the wrapper `(*T).M`, which panics with gc's
    /// `value method T.M called using nil *T pointer` on a nil receiver
    /// where a direct call would dereference it. That wrapper, when
    /// `x.M` is such a selection (`fid` implementing `M` for `recv_ty`).
    fn type_param_ptr_wrapper(
        &mut self,
        x: &Expr,
        s: &types::Selection,
        fid: crate::ir::FuncId,
        wants_ptr: bool,
        recv_ty: TypeId,
    ) -> Option<crate::ir::FuncId> {
        let ptr = matches!(self.under(recv_ty), Type::Pointer(_));
        if wants_ptr || !ptr || !s.path.is_empty() || !self.facts().is_type_param(x.id) {
            return None;
        }
        let Type::Func(sig) = self.under(s.ty) else { self.ice(x.pos, "method without a function type") };
        let params = std::iter::once(recv_ty).chain(sig.params.iter().copied()).collect();
        let full = Signature { params, results: sig.results.clone(), variadic: sig.variadic };
        Some(self.deref_wrapper(fid, &full, x.pos))
    }

    /// The function implementing `method` (the method object the checker
    /// selected by selector expression `sel`) for a receiver of type
    /// `recv_ty`, and whether it takes a pointer receiver: the declared
    /// method; the instance of a generic method (Go 1.27: for the
    /// receiver's type arguments, if any, and the method's own, which the
    /// checker recorded for `sel`); the instance of a generic type's
    /// method for the receiver's type arguments; or, for a method of a
    /// type parameter's constraint, the method of that name of the type
    /// argument (declared, or promoted through embedded fields).
    fn method_func(
        &mut self,
        method: types::ObjId,
        recv_ty: TypeId,
        sel: &Expr,
        pos: Pos,
    ) -> (crate::ir::FuncId, bool) {
        if let Some(&f) = self.cx.funcs.get(&method) {
            return (f, self.cx.ptr_methods.contains(&method));
        }
        let (base, recv_is_ptr) = match self.facts().get(recv_ty) {
            Type::Pointer(e) => (*e, true),
            _ => (recv_ty, false),
        };
        if let Some(f) = self.generic_method_instance(method, base, sel) {
            return (f, self.cx.ptr_methods.contains(&method));
        }
        let name = self.cx.info.obj(method).name.clone();
        let found = match self.facts().get(base).clone() {
            Type::Named(obj) => {
                let ms = self.cx.methods.get(&obj).into_iter().flatten();
                ms.into_iter().find(|m| m.0 == name).map(|m| (m.1, m.2))
            }
            Type::Instance { base, args } => {
                let ms = self.cx.generic_methods.get(&base).into_iter().flatten();
                let m = ms.into_iter().find(|m| m.0 == name).map(|m| (m.1, m.2));
                // No instance after an instantiation cycle was reported: any
                // function will do, the program is not run.
                m.map(|(m, ptr)| (self.cx.instance_func(m, args).unwrap_or(crate::ir::FuncId(0)), ptr))
            }
            _ => None,
        };
        if let Some(f) = found {
            return f;
        }
        let ty = self.cx.ty(recv_ty);
        match crate::promote::wrapper(self.cx, ty, &name) {
            Some(w) => (w, recv_is_ptr),
            None => self.ice(pos, &format!("method {name} not declared")),
        }
    }

    /// The instance of `method` selected by `sel` on a receiver of type
    /// `base` (the type itself, not a pointer to it) if `method` has type
    /// parameters of its own: its type arguments are the receiver's (for
    /// a method of a generic type) followed by those the checker recorded
    /// for `sel`'s name.
    fn generic_method_instance(&mut self, method: types::ObjId, base: TypeId, sel: &Expr) -> Option<crate::ir::FuncId> {
        let ExprKind::Selector { sel: name, .. } = &sel.kind else { return None };
        let (_, own) = self.facts().instance(name.id)?;
        let mut targs = match self.facts().get(base) {
            Type::Instance { args, .. } => args.clone(),
            _ => Vec::new(),
        };
        targs.extend(own);
        // No instance after an instantiation cycle was reported: any
        // function will do, the program is not run.
        Some(self.cx.instance_func(method, targs).unwrap_or(crate::ir::FuncId(0)))
    }

    /// The value a method is selected on, after the embedded-field path.
    /// An addressable receiver is returned as its address-able load so
    /// [`FnCx::adjust_receiver`] can take `&` of it.
    fn receiver_base(&mut self, x: &Expr, path: &[usize]) -> (Recv, TypeId) {
        if path.is_empty() {
            let t = self.go_type(x);
            let addressable = self.tv(x).mode == types::Mode::Variable;
            let r = if addressable { Recv::Place(self.place(x)) } else { Recv::Value(self.expr(x)) };
            return (r, t);
        }
        let (p, t) = self.walk_path(x, path);
        (Recv::Place(p), t)
    }

    /// `&x` for a pointer receiver, `*x` for a value receiver.
    fn adjust_receiver(&mut self, r: Recv, t: TypeId, wants_ptr: bool, pos: Pos) -> IExpr {
        let ty = self.cx.ty(t);
        let is_ptr = matches!(self.under(t), Type::Pointer(_));
        match (r, wants_ptr, is_ptr) {
            (Recv::Place(p), true, false) => {
                let pty = self.pointer_ty(ty);
                IExpr { kind: IK::AddrOf(Box::new(p)), ty: pty, pos }
            }
            (Recv::Value(v), true, false) => {
                self.ice(v.pos, "pointer method called on a value that is not addressable")
            }
            (r, false, true) => {
                let v = self.recv_value(r, ty, pos);
                let elem = match self.under(t) {
                    Type::Pointer(e) => self.cx.ty(e),
                    _ => ty,
                };
                IExpr { kind: IK::Load(Box::new(Place::Deref(Box::new(v)))), ty: elem, pos }
            }
            (r, _, _) => self.recv_value(r, ty, pos),
        }
    }

    /// A method value `x.M`: the receiver is evaluated (and, for a value
    /// receiver, copied) now, and bound into a closure of the method's
    /// `-fm` wrapper.
    pub fn method_value(&mut self, e: &Expr, x: &Expr, s: &types::Selection, ty: TyId) -> IExpr {
        let Some(method) = s.method else { self.ice(e.pos, "method selection without a method") };
        let (recv, recv_ty) = self.receiver_base(x, &s.path);
        if let Type::Interface(ms) = self.under(recv_ty) {
            let name = &self.cx.info.obj(method).name;
            let Some(index) = ms.iter().position(|m| &m.name == name) else {
                self.ice(e.pos, "interface method not found")
            };
            let ity = self.cx.ty(recv_ty);
            let x = self.recv_value(recv, ity, x.pos);
            return IExpr { kind: IK::IfaceMethodValue(Box::new(x), index), ty, pos: e.pos };
        }
        let (fid, wants_ptr) = self.method_func(method, recv_ty, e, e.pos);
        let (fid, recv) = match self.type_param_ptr_wrapper(x, s, fid, wants_ptr, recv_ty) {
            // The pointer is bound; the wrapper checks it when called.
            Some(w) => {
                let ty = self.cx.ty(recv_ty);
                (w, self.recv_value(recv, ty, x.pos))
            }
            None => (fid, self.adjust_receiver(recv, recv_ty, wants_ptr, x.pos)),
        };
        // The selector's type, not the selection's: a generic method's
        // value is of its instance's type.
        let Type::Func(sig) = self.under(self.go_type(e)) else { self.ice(e.pos, "method without a function type") };
        let wrapper = self.method_value_wrapper(fid, recv.ty, &sig, e.pos);
        let cell = self.temp(recv.ty);
        self.locals[cell.0 as usize].heap = true;
        let stmts = vec![Stmt::Decl(cell), Stmt::Assign(Place::Local(cell), recv)];
        let closure = IExpr { kind: IK::Closure { func: wrapper, captures: vec![cell] }, ty, pos: e.pos };
        IExpr { kind: IK::Seq(stmts, Box::new(closure)), ty, pos: e.pos }
    }

    /// `main.T.M-fm`: calls the method with the captured receiver and its
    /// own arguments, returns the method's results. One per method.
    fn method_value_wrapper(
        &mut self,
        method: crate::ir::FuncId,
        recv_ty: TyId,
        sig: &Signature,
        pos: Pos,
    ) -> crate::ir::FuncId {
        if let Some(&w) = self.cx.method_value_wrappers.get(&method) {
            return w;
        }
        let name = format!("{}-fm", self.cx.prog.funcs[method.0 as usize].name);
        let wid = self.cx.reserve_func_for(name.clone(), pos, method);
        let mut locals = vec![Local { name: "~recv".into(), ty: recv_ty, heap: true }];
        let (params, results) = self.wrapper_locals(&mut locals, sig);
        let args = std::iter::once(LocalId(0))
            .chain(params.iter().copied())
            .map(|l| IExpr { kind: IK::Local(l), ty: locals[l.0 as usize].ty, pos })
            .collect();
        let body = self.forward_call(method, args, sig, &results, pos);
        let generated = Generated { params, results, captures: vec![LocalId(0)], locals, body };
        self.cx.define_generated(wid, generated, true);
        self.cx.method_value_wrappers.insert(method, wid);
        wid
    }

    /// A method expression `T.M` or `(*T).M`: the method's function, whose
    /// first parameter is the receiver; `(*T).M` of a value method is gc's
    /// generated wrapper `main.(*T).M`, which dereferences and calls.
    pub fn method_expr(&mut self, e: &Expr, x: &Expr, s: &types::Selection, ty: TyId) -> IExpr {
        let pos = e.pos;
        let Some(method) = s.method else { self.ice(pos, "method selection without a method") };
        let recv_t = self.go_type(x);
        let recv_is_ptr = matches!(self.under(recv_t), Type::Pointer(_));
        if let Type::Interface(ms) = self.under(recv_t) {
            let name = &self.cx.info.obj(method).name;
            let Some(index) = ms.iter().position(|m| &m.name == name) else {
                self.ice(pos, "interface method not found")
            };
            let Type::Func(sig) = self.under(s.ty) else { self.ice(pos, "method without a function type") };
            let iface = self.cx.ty(recv_t);
            let w = self.iface_method_expr_wrapper(iface, index, &sig, pos);
            return IExpr { kind: IK::FuncValue(w), ty, pos };
        }
        if !s.path.is_empty() && crate::query::is_generic_method_selector(self.facts(), e) {
            return self.promoted_generic_method_expr(e, method, recv_t, &s.path, ty);
        }
        if !s.path.is_empty() {
            // A promoted method: its wrapper on the receiver type.
            let recv_ty = self.cx.ty(recv_t);
            let name = self.cx.info.obj(method).name.clone();
            let Some(w) = crate::promote::wrapper(self.cx, recv_ty, &name) else {
                self.ice(pos, "promoted method without a wrapper")
            };
            return IExpr { kind: IK::FuncValue(w), ty, pos };
        }
        let (fid, wants_ptr) = self.method_func(method, recv_t, e, pos);
        let func = if recv_is_ptr && !wants_ptr {
            let Type::Func(sig) = self.under(self.go_type(e)) else {
                self.ice(pos, "method expression without a function type")
            };
            self.deref_wrapper(fid, &sig, pos)
        } else {
            fid
        };
        IExpr { kind: IK::FuncValue(func), ty, pos }
    }

    /// Method expression `e` (`S.M[int]`, of type `ty`) of generic method
    /// `method` promoted to `recv_t` through embedded fields `path`: the
    /// function literal gc makes of it (see
    /// [`crate::promote::generic_method_expr`]).
    fn promoted_generic_method_expr(
        &mut self,
        e: &Expr,
        method: types::ObjId,
        recv_t: TypeId,
        path: &[usize],
        ty: TyId,
    ) -> IExpr {
        let mut embedded = recv_t;
        for &i in path {
            let base = match self.under(embedded) {
                Type::Pointer(t) => t,
                _ => embedded,
            };
            let Type::Struct(fields) = self.under(base) else { self.ice(e.pos, "embedded field of a non-struct") };
            embedded = fields[i].ty;
        }
        let (f, ptr_recv) = self.method_func(method, embedded, e, e.pos);
        let Some(n) = self.plan.lit_numbers.get(&e.id).copied() else {
            self.ice(e.pos, "generic method expression was not numbered")
        };
        let name = format!("{}{}", self.lit_prefix, n);
        let recv_ty = self.cx.ty(recv_t);
        let w = crate::promote::generic_method_expr(self.cx, recv_ty, path.to_vec(), f, ptr_recv, name);
        IExpr { kind: IK::FuncValue(w), ty, pos: e.pos }
    }

    /// gc's `main.I.M` for method expression `I.M` of interface type `iface`
    /// (`M` its method `index`, of signature `sig`): takes the interface
    /// value and the method's parameters, calls the method dynamically.
    fn iface_method_expr_wrapper(&mut self, iface: TyId, index: usize, sig: &Signature, pos: Pos) -> crate::ir::FuncId {
        let TyKind::Interface(ms) = self.ir_kind(iface) else { self.ice(pos, "not an interface") };
        let mname = ms[index].0.clone();
        if let Some(&w) = self.cx.promoted_wrappers.get(&(iface, mname.clone())) {
            return w;
        }
        let wid = self.cx.reserve_func_of_type(iface, |t| format!("{t}.{mname}"), pos);
        let mut locals = vec![Local { name: "~recv".into(), ty: iface, heap: false }];
        let (params, results) = self.wrapper_locals(&mut locals, sig);
        let args = params.iter().map(|&l| IExpr { kind: IK::Local(l), ty: locals[l.0 as usize].ty, pos }).collect();
        let recv = IExpr { kind: IK::Local(LocalId(0)), ty: iface, pos };
        let ty = self.result_ty(sig);
        let call = Call { callee: Callee::Interface(recv, index), args, pos };
        let body =
            vec![store_results(&results, IExpr { kind: IK::Call(Box::new(call)), ty, pos }), Stmt::Return(Pos::NONE)];
        let all_params = std::iter::once(LocalId(0)).chain(params).collect();
        let generated = Generated { params: all_params, results, captures: Vec::new(), locals, body };
        self.cx.define_generated(wid, generated, true);
        self.cx.promoted_wrappers.insert((iface, mname), wid);
        wid
    }

    /// A generated wrapper's body: calls `method` (of signature `sig`) with
    /// `args`, stores its results into the wrapper's `results`, returns.
    fn forward_call(
        &mut self,
        method: crate::ir::FuncId,
        args: Vec<IExpr>,
        sig: &Signature,
        results: &[LocalId],
        pos: Pos,
    ) -> Vec<Stmt> {
        let ty = self.result_ty(sig);
        let call = IExpr { kind: IK::Call(Box::new(Call { callee: Callee::Func(method), args, pos })), ty, pos };
        vec![store_results(results, call), Stmt::Return(Pos::NONE)]
    }

    /// Appends a generated wrapper's parameter and result locals for `sig`
    /// (named `~p0…`, `~r0…`, as gc names them) after `locals`, and returns
    /// their ids: the wrapper's params and results.
    fn wrapper_locals(&mut self, locals: &mut Vec<Local>, sig: &Signature) -> (Vec<LocalId>, Vec<LocalId>) {
        let mut ids = [Vec::new(), Vec::new()];
        for (k, (prefix, tys)) in [('p', &sig.params), ('r', &sig.results)].into_iter().enumerate() {
            for (i, &t) in tys.iter().enumerate() {
                let ty = self.cx.ty(t);
                ids[k].push(LocalId(locals.len() as u32));
                locals.push(Local { name: format!("~{prefix}{i}"), ty, heap: false });
            }
        }
        let [params, results] = ids;
        (params, results)
    }

    /// `main.(*T).M` for a value method `main.T.M`: takes `*T` and the
    /// method's parameters, calls the method on `*p`. One per method.
    fn deref_wrapper(&mut self, method: crate::ir::FuncId, sig: &Signature, pos: Pos) -> crate::ir::FuncId {
        if let Some(&w) = self.cx.deref_wrappers.get(&method) {
            return w;
        }
        let mname = self.cx.prog.funcs[method.0 as usize].name.clone();
        let name = crate::ir::pointer_method_name(&mname).unwrap_or_else(|| format!("{mname}-ptr"));
        let wid = self.cx.reserve_func_for(name.clone(), pos, method);
        let mut locals = Vec::new();
        let (params, results) = self.wrapper_locals(&mut locals, sig);
        let mut args: Vec<IExpr> =
            params.iter().map(|&l| IExpr { kind: IK::Local(l), ty: locals[l.0 as usize].ty, pos }).collect();
        let recv_ty = match self.ir_kind(args[0].ty) {
            crate::ir::TyKind::Pointer(elem) => *elem,
            _ => self.ice(pos, "pointer method wrapper without a pointer receiver"),
        };
        let p = args.remove(0);
        // gc's wrapper panics (panicwrap) on a nil receiver rather than
        // faulting on the dereference.
        let (bool_ty, unit) = (self.bool_ty(), self.unit_ty());
        let nil = IExpr { kind: IK::Const(Const::Nil), ty: p.ty, pos };
        let is_nil = self.binary(crate::ir::BinOp::Eq, p.clone(), nil, bool_ty, pos);
        let method_name = mname.rsplit('.').next().unwrap_or_default().to_string();
        let raise = IExpr { kind: IK::PanicWrap { recv: recv_ty, method: method_name }, ty: unit, pos };
        let check = Stmt::If { cond: is_nil, then: vec![Stmt::Eval(raise)], els: Vec::new() };
        args.insert(0, IExpr { kind: IK::Load(Box::new(Place::Deref(Box::new(p)))), ty: recv_ty, pos });
        let body = std::iter::once(check).chain(self.forward_call(method, args, sig, &results, pos)).collect();
        let generated = Generated { params, results, captures: Vec::new(), locals, body };
        self.cx.define_generated(wid, generated, true);
        self.cx.prog.autogenerated.push(wid);
        self.cx.deref_wrappers.insert(method, wid);
        wid
    }

    fn recv_value(&mut self, r: Recv, ty: TyId, pos: Pos) -> IExpr {
        match r {
            Recv::Place(p) => self.read_place(&p, ty, pos),
            Recv::Value(v) => v,
        }
    }

    /// Arguments converted to the parameters, spread and packed.
    fn call_args(&mut self, args: &[Expr], sig: &Signature, ellipsis: bool, pos: Pos) -> Vec<IExpr> {
        let n = sig.params.len();
        let pack = sig.variadic && !ellipsis;
        let variadic_elem = match sig.params.last().map(|&t| self.under(t)) {
            Some(Type::Slice(e)) if pack => Some(e),
            _ => None,
        };
        let param_ty = |i: usize| match variadic_elem {
            Some(e) if i + 1 >= n => e,
            _ => sig.params.get(i).copied().unwrap_or_else(|| sig.params[n - 1]),
        };
        let mut vals = Vec::new();
        if args.len() == 1 && matches!(self.facts().get(self.go_type(&args[0])), Type::Tuple(_)) {
            for (i, (v, t)) in self.spread(&args[0]).into_iter().enumerate() {
                vals.push(self.convert_to(v, t, param_ty(i), pos));
            }
        } else {
            let targets: Vec<TypeId> = (0..args.len()).map(param_ty).collect();
            vals = self.ordered_args(args, &targets);
        }
        if let (Some(_), Some(&slice_t)) = (variadic_elem, sig.params.last()) {
            let extra: Vec<IExpr> = vals.drain((n - 1).min(vals.len())..).collect();
            let ty = self.cx.ty(slice_t);
            let kind = if extra.is_empty() { IK::Const(Const::Nil) } else { IK::SliceLit(extra) };
            vals.push(IExpr { kind, ty, pos });
        }
        vals
    }

    /// The operands of a builtin call, each converted to `target(self,
    /// index, its Go type)`; a single multi-value call is spread.
    pub(crate) fn builtin_operands(
        &mut self,
        args: &[Expr],
        pos: Pos,
        target: impl Fn(&Self, usize, TypeId) -> TypeId,
    ) -> Vec<IExpr> {
        if args.len() == 1 && matches!(self.facts().get(self.go_type(&args[0])), Type::Tuple(_)) {
            let spread = self.spread(&args[0]);
            return spread
                .into_iter()
                .enumerate()
                .map(|(i, (v, t))| {
                    let to = target(self, i, t);
                    self.convert_to(v, t, to, pos)
                })
                .collect();
        }
        let targets: Vec<TypeId> = args.iter().enumerate().map(|(i, a)| target(self, i, self.go_type(a))).collect();
        self.ordered_args(args, &targets)
    }

    /// `args` converted to `targets` (their calls already hoisted by
    /// `crate::order`).
    fn ordered_args(&mut self, args: &[Expr], targets: &[TypeId]) -> Vec<IExpr> {
        args.iter().zip(targets).map(|(a, &t)| self.value_as(a, t)).collect()
    }

    /// The results of a multi-value call as separate values: the first
    /// carries the call in a `Seq`, the others read its temporaries.
    fn spread(&mut self, call: &Expr) -> Vec<(IExpr, TypeId)> {
        let elem_tys = self.tuple_elems(call);
        let v = self.expr(call);
        let temps: Vec<LocalId> = elem_tys
            .iter()
            .map(|&t| {
                let ty = self.cx.ty(t);
                self.temp(ty)
            })
            .collect();
        let mut stmts: Vec<Stmt> = temps.iter().map(|&t| Stmt::Decl(t)).collect();
        stmts.push(Stmt::AssignMulti(temps.iter().map(|&t| Some(Place::Local(t))).collect(), v));
        let mut out = Vec::new();
        for (i, (&t, &gt)) in temps.iter().zip(&elem_tys).enumerate() {
            let read = self.local_expr(t, call.pos);
            let v = if i == 0 {
                let ty = read.ty;
                IExpr { kind: IK::Seq(std::mem::take(&mut stmts), Box::new(read)), ty, pos: call.pos }
            } else {
                read
            };
            out.push((v, gt));
        }
        out
    }

    /// `T(x)`.
    fn conversion(&mut self, e: &Expr, arg: &Expr) -> IExpr {
        let to = self.go_type(e);
        self.value_as(arg, to).with_pos(e.pos)
    }

    /// A builtin call in an expression or statement.
    fn builtin(&mut self, b: Builtin, args: &[Expr], e: &Expr) -> IExpr {
        let pos = e.pos;
        let kind = match b {
            Builtin::Len | Builtin::Cap => {
                let x = Box::new(self.expr(&args[0]));
                if b == Builtin::Len { IK::Len(x) } else { IK::Cap(x) }
            }
            Builtin::Print | Builtin::Println => {
                let args = args.iter().map(|a| self.expr(a)).collect();
                let ty = self.unit_ty();
                return IExpr { kind: IK::Print { args, newline: b == Builtin::Println }, ty, pos };
            }
            Builtin::Panic => {
                let v = self.boxed_as_any(&args[0]);
                let ty = self.unit_ty();
                return IExpr { kind: IK::Panic(Box::new(v)), ty, pos };
            }
            Builtin::Recover => IK::Recover,
            Builtin::New if is_type_expr(self.facts(), &args[0]) => IK::New,
            // new(expr): a fresh heap variable holding the value.
            Builtin::New => {
                let ptr_t = self.go_type(e);
                let Type::Pointer(elem) = self.under(ptr_t) else { self.ice(pos, "new(expr) of a non-pointer type") };
                let v = self.value_as(&args[0], elem);
                let ty = self.cx.ty(ptr_t);
                return self.boxed(v, ty, pos);
            }
            Builtin::Make if matches!(self.under(self.go_type(e)), Type::Slice(_)) => IK::MakeSlice {
                len: Box::new(self.size_arg(&args[1])),
                cap: args.get(2).map(|c| Box::new(self.size_arg(c))),
            },
            Builtin::Append => return self.append(args, e),
            Builtin::Copy => {
                let [dst, src] = <[IExpr; 2]>::try_from(self.builtin_operands(args, pos, |_, _, t| t))
                    .unwrap_or_else(|_| self.ice(pos, "copy without two operands"));
                IK::Copy(Box::new(dst), Box::new(src))
            }
            Builtin::Make if matches!(self.under(self.go_type(e)), Type::Map(..)) => return self.make_map(args, e),
            Builtin::Make if matches!(self.under(self.go_type(e)), Type::Chan(..)) => return self.make_chan(args, e),
            Builtin::Close => return self.close_chan(&args[0], pos),
            Builtin::Delete => {
                let operands = self.delete_operands(args);
                return self.delete_map(operands, pos);
            }
            Builtin::Complex => {
                // Both parts have the float type of the result's width.
                let part = match self.facts().types.basic_kind(self.go_type(e)) {
                    Some(types::BasicKind::Complex64) => types::BasicKind::Float32,
                    _ => types::BasicKind::Float64,
                };
                let part = types::TypeTable::basic(part);
                IK::Composite(self.builtin_operands(args, pos, |_, _, _| part))
            }
            Builtin::Real | Builtin::Imag => {
                IK::ComplexPart { x: Box::new(self.expr(&args[0])), imag: b == Builtin::Imag }
            }
            Builtin::Min | Builtin::Max => {
                // The checker gave every operand the result's type.
                let t = self.go_type(e);
                let ty = self.cx.ty(t);
                let op = if b == Builtin::Min { crate::ir::BinOp::Min } else { crate::ir::BinOp::Max };
                let mut vals = self.builtin_operands(args, pos, |_, _, _| t).into_iter();
                let Some(first) = vals.next() else { self.ice(pos, "min or max without operands") };
                return vals.fold(first, |acc, v| IExpr { kind: IK::Binary(op, Box::new(acc), Box::new(v)), ty, pos });
            }
            Builtin::Clear => {
                let x = self.expr(&args[0]);
                let ty = self.unit_ty();
                return IExpr { kind: IK::Clear(Box::new(x)), ty, pos };
            }
            Builtin::Slice | Builtin::String => {
                let ptr = self.expr(&args[0]);
                IK::FromPointer(Box::new(ptr), Box::new(self.size_arg(&args[1])))
            }
            Builtin::StringData | Builtin::SliceData => IK::DataPtr(Box::new(self.expr(&args[0]))),
            Builtin::Add => {
                // unsafe.Pointer(uintptr(ptr) + uintptr(len)): a negative
                // len of a signed type is sign-extended, as gc adds it.
                let t = self.go_type(e);
                let uintptr = types::TypeTable::basic(BasicKind::Uintptr);
                let ptr = self.expr(&args[0]);
                let ptr = self.convert_to(ptr, t, uintptr, pos);
                let len = self.size_arg(&args[1]);
                let len_t = match self.tv(&args[1]).value {
                    Some(_) => types::TypeTable::basic(BasicKind::Int),
                    None => self.go_type(&args[1]),
                };
                let len = self.convert_to(len, len_t, uintptr, pos);
                let uty = self.cx.ty(uintptr);
                let sum = IExpr { kind: IK::Binary(crate::ir::BinOp::Add, Box::new(ptr), Box::new(len)), ty: uty, pos };
                IK::Convert(Box::new(sum))
            }
            other => {
                self.unsupported(pos, other.name());
                IK::Zero
            }
        };
        let ty = self.cx.ty(self.go_type(e));
        IExpr { kind, ty, pos }
    }

    /// A size argument of `make`: an integer of any type, a constant
    /// (even an untyped float one like `1e3`) as an `int`.
    pub(crate) fn size_arg(&mut self, a: &Expr) -> IExpr {
        match self.tv(a).value.clone() {
            Some(v) => self.constant(&v, types::TypeTable::basic(BasicKind::Int), a.pos),
            None => self.expr(a),
        }
    }

    /// `append(s, ...)`: the values are converted to the element type; a
    /// `t...` operand is kept as it is (a slice, or a string for `[]byte`).
    fn append(&mut self, args: &[Expr], e: &Expr) -> IExpr {
        let (pos, st) = (e.pos, self.go_type(e));
        let ty = self.cx.ty(st);
        let ExprKind::Call { ellipsis, .. } = &e.kind else { self.ice(pos, "append is not a call") };
        let Type::Slice(elem) = self.under(st) else { self.ice(pos, "append to a non-slice") };
        let mut vals = self.builtin_operands(args, pos, |f, i, t| match (i, *ellipsis) {
            (0, _) => st,
            (_, true) if matches!(f.under(t), Type::Basic(BasicKind::String | BasicKind::UntypedString)) => t,
            (_, true) => st,
            (_, false) => elem,
        });
        let s = Box::new(vals.remove(0));
        let kind = match (*ellipsis, vals.pop()) {
            (true, Some(t)) => IK::AppendSlice(s, Box::new(t)),
            (_, last) => IK::Append(s, vals.into_iter().chain(last).collect()),
        };
        IExpr { kind, ty, pos }
    }

    /// The call a `defer` statement registers, with callee and arguments
    /// evaluated now. `None` after reporting an unsupported builtin.
    pub fn deferred_call(&mut self, call: &Expr, wrapper: Option<Wrapper>) -> Option<Call> {
        let ExprKind::Call { func, args, ellipsis, .. } = &unparen(call).kind else {
            self.ice(call.pos, "defer of a non-call")
        };
        let pos = unparen(call).pos;
        let Some(b) = builtin_callee(self.facts(), func) else {
            let sig = self.signature_of(func);
            let call = self.call_parts(func, args, *ellipsis, &sig, pos);
            return Some(match (call.callee, wrapper) {
                // gc calls a func value with arguments (or results) through
                // a wrapper closure; the wrapper's frame shows in a traceback
                // when the call itself faults (a nil func value).
                (Callee::Value(v), Some(w)) if !matches!(v.kind, IK::Closure { .. }) => {
                    self.value_call_wrapper(v, call.args, w, pos)
                }
                (callee, _) => Call { callee, ..call },
            });
        };
        let Some(wrapper) = wrapper else { self.ice(pos, "deferred builtin without a wrapper") };
        let vals: Vec<IExpr> = match b {
            Builtin::Panic => vec![self.boxed_as_any(&args[0])],
            Builtin::Print | Builtin::Println => args.iter().map(|a| self.expr(a)).collect(),
            Builtin::Copy => self.builtin_operands(args, pos, |_, _, t| t),
            Builtin::Recover => {
                // The frame whose deferred call this is: in a range-over-func
                // body, the enclosing function's, whose record it joins.
                let ty = self.basic_ty(types::BasicKind::Uintptr);
                match self.range_ctx.as_ref().and_then(|r| r.frame) {
                    Some(frame) => vec![self.local_expr(frame, pos)],
                    None => vec![IExpr { kind: IK::FramePointer, ty, pos }],
                }
            }
            Builtin::Delete => self.delete_operands(args),
            Builtin::Close | Builtin::Clear => vec![self.expr(&args[0])],
            other => {
                self.unsupported(pos, &format!("defer of {}", other.name()));
                return None;
            }
        };
        let wid = self.builtin_wrapper(b, &vals, wrapper, pos);
        Some(Call { callee: Callee::Func(wid), args: vals, pos })
    }

    /// `defer fn(args)` for a func value `fn`, as gc compiles it: a closure
    /// `main.f.deferwrapN` over cells holding the evaluated `fn` and `args`,
    /// whose body makes the call. It is a wrapper (transparent to `recover`).
    fn value_call_wrapper(&mut self, callee: IExpr, args: Vec<IExpr>, wrapper: Wrapper, pos: Pos) -> Call {
        let name = wrapper.name(&self.cx.prog.funcs[self.id.0 as usize].name);
        let wid = self.cx.reserve_func(name.clone(), pos);
        let values: Vec<IExpr> = std::iter::once(callee).chain(args).collect();
        let locals: Vec<Local> =
            values.iter().enumerate().map(|(i, v)| Local { name: format!("~c{i}"), ty: v.ty, heap: true }).collect();
        let captures: Vec<LocalId> = (0..locals.len() as u32).map(LocalId).collect();
        let mut reads = captures.iter().zip(&values).map(|(&c, v)| IExpr { kind: IK::Local(c), ty: v.ty, pos });
        let Some(target) = reads.next() else { self.ice(pos, "wrapper without a callee") };
        let ty = match self.ir_kind(target.ty) {
            TyKind::Func(sig) if sig.results.len() == 1 => sig.results[0],
            TyKind::Func(sig) => {
                let results = sig.results.clone();
                self.cx.with_tys(|m, env, out| m.tuple(env, out, results))
            }
            _ => self.ice(pos, "deferred call of a non-function"),
        };
        let call = Call { callee: Callee::Value(target), args: reads.collect(), pos };
        let body = vec![Stmt::Eval(IExpr { kind: IK::Call(Box::new(call)), ty, pos }), Stmt::Return(Pos::NONE)];
        let generated = Generated { params: Vec::new(), results: Vec::new(), captures: captures.clone(), locals, body };
        self.cx.define_generated(wid, generated, true);
        let mut stmts = Vec::new();
        let cells: Vec<LocalId> = values
            .into_iter()
            .map(|v| {
                let t = self.temp(v.ty);
                self.locals[t.0 as usize].heap = true;
                stmts.push(Stmt::Decl(t));
                stmts.push(Stmt::Assign(Place::Local(t), v));
                t
            })
            .collect();
        let fty = self.unit_func_ty();
        let closure = IExpr { kind: IK::Closure { func: wid, captures: cells }, ty: fty, pos };
        Call {
            callee: Callee::Value(IExpr { kind: IK::Seq(stmts, Box::new(closure)), ty: fty, pos }),
            args: Vec::new(),
            pos,
        }
    }

    /// Generates gc's wrapper closure for a deferred builtin: a function of
    /// the evaluated arguments that applies the builtin to them.
    fn builtin_wrapper(&mut self, b: Builtin, vals: &[IExpr], wrapper: Wrapper, pos: Pos) -> crate::ir::FuncId {
        let name = wrapper.name(&self.cx.prog.funcs[self.id.0 as usize].name);
        let wid = self.cx.reserve_func(name.clone(), pos);
        let locals: Vec<Local> =
            vals.iter().enumerate().map(|(i, v)| Local { name: format!("~p{i}"), ty: v.ty, heap: false }).collect();
        let params: Vec<LocalId> = (0..locals.len() as u32).map(LocalId).collect();
        let reads: Vec<IExpr> =
            params.iter().zip(vals).map(|(&p, v)| IExpr { kind: IK::Local(p), ty: v.ty, pos }).collect();
        let unit = self.unit_ty();
        let mut body = Vec::new();
        match b {
            Builtin::Panic => {
                body.push(Stmt::Eval(IExpr { kind: IK::Panic(Box::new(reads[0].clone())), ty: unit, pos }))
            }
            Builtin::Print | Builtin::Println => body.push(Stmt::Eval(IExpr {
                kind: IK::Print { args: reads, newline: b == Builtin::Println },
                ty: unit,
                pos,
            })),
            Builtin::Recover => {
                body.push(Stmt::Eval(IExpr { kind: IK::RecoverFor(Box::new(reads[0].clone())), ty: unit, pos }))
            }
            Builtin::Copy => {
                let int = self.basic_ty(BasicKind::Int);
                let [dst, src] = [&reads[0], &reads[1]].map(|r| Box::new(r.clone()));
                body.push(Stmt::Eval(IExpr { kind: IK::Copy(dst, src), ty: int, pos }))
            }
            Builtin::Delete => {
                let del = self.delete_map(reads, pos);
                body.push(Stmt::Eval(del));
            }
            Builtin::Close => {
                body.push(Stmt::Eval(IExpr { kind: IK::Chan(crate::ir::ChanOp::Close, reads), ty: unit, pos }))
            }
            Builtin::Clear => {
                body.push(Stmt::Eval(IExpr { kind: IK::Clear(Box::new(reads[0].clone())), ty: unit, pos }))
            }
            _ => {}
        }
        body.push(Stmt::Return(Pos::NONE));
        let generated = Generated { params, results: Vec::new(), captures: Vec::new(), locals, body };
        self.cx.define_generated(wid, generated, false);
        wid
    }
}

/// Stores a call's results into result locals (or evaluates it).
pub(crate) fn store_results(results: &[LocalId], call: IExpr) -> Stmt {
    match results {
        [] => Stmt::Eval(call),
        [r] => Stmt::Assign(Place::Local(*r), call),
        rs => Stmt::AssignMulti(rs.iter().map(|&r| Some(Place::Local(r))).collect(), call),
    }
}

/// A method receiver before adjustment: a location (addressable) or a value.
enum Recv {
    Place(Place),
    Value(IExpr),
}

impl IExpr {
    /// The same expression reported at another position.
    fn with_pos(mut self, pos: Pos) -> IExpr {
        self.pos = pos;
        self
    }
}
