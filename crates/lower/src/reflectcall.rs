//! Call adapters: how package reflect calls a func value of any type
//! (`Value.Call`), deft's calling convention being codegen's business.
//!
//! For every func type `F = func(P0, ..., Pn) (R0, ..., Rm)` of a program
//! that uses reflect, lowering makes a *frame* struct type `struct { p0
//! P0; ...; pn Pn; r0 R0; ...; rm Rm }` and an adapter function
//!
//! ```text
//! func reflect.call(fn F, frame *Frame) { frame.r0, ..., frame.rm = fn(frame.p0, ..., frame.pn) }
//! ```
//!
//! (a variadic `F` takes its final slice as it is), recorded in
//! [`crate::ir::ReflectFacts::call`]. Codegen puts the adapter's func value
//! and the frame's descriptor in `F`'s type descriptor; reflect (Go code)
//! fills a frame laid out by that descriptor's field offsets, calls the
//! adapter as a `func(unsafe.Pointer, unsafe.Pointer)` and reads the
//! results back. The adapter is an ordinary Go function for codegen, so
//! arguments reach the callee in whatever registers and stack slots its
//! signature needs, and a panic in the callee unwinds through it as
//! through any call. It is a wrapper (`Program::wrappers`): tracebacks
//! omit it, as gc's show no frame for its reflectcall assembly.
//!
//! The other direction, `MakeFunc`: for each such `F` a *stub*, a closure
//! body of type `F` capturing one word (reflect's description of the
//! function to make, an `unsafe.Pointer`), which stores its arguments in a
//! fresh frame of the same struct type, calls `reflect.callMakeFunc(impl,
//! frame)` (Go code, which calls the user's `func([]Value) []Value` and
//! stores its results in the frame) and returns the frame's results.
//! reflect makes the closure object `[stub, impl]` itself. Stubs and
//! `callMakeFunc` are wrappers: tracebacks omit them and a `recover` in
//! the wrapped function sees through them, as through gc's makeFuncStub.
//!
//! Invariant: adapters exist only when the program uses reflect
//! (`Program::uses_reflect`), and only for func
//! types lowering knows (types reflect makes at run time with `FuncOf`
//! have none: calling through them is reported as unsupported by reflect).

use syntax::Pos;
use types::{StructField, Type, TypeId};

use crate::ir::{Call, Callee, Expr, ExprKind, FuncId, Local, LocalId, Place, ReflectCall, Stmt, TyId, TyKind};
use crate::program::{Ctx, Generated};

/// Makes the call adapter of every func type of the program, if the
/// program uses reflect (see the module doc).
pub fn make_call_adapters(cx: &mut Ctx) {
    if !cx.prog.uses_reflect {
        return;
    }
    let call_make_func = cx.prog.funcs.iter().position(|f| f.name == "reflect.callMakeFunc").map(|i| FuncId(i as u32));
    // Between a stub and the function MakeFunc wraps, callMakeFunc is a
    // wrapper too: a recover in the wrapped function recovers a panic
    // whose deferred call is the made function, as gc's makeFuncStub and
    // callReflect are transparent to recover.
    cx.prog.wrappers.extend(call_make_func);
    // Adapters and stubs make struct and pointer types only, so the func
    // types are those present now.
    for i in 0..cx.prog.types.len() {
        if let TyKind::Func(_) = cx.prog.types[i].kind {
            let f = TyId(i as u32);
            cx.prog.types[i].reflect.call = adapter(cx, f).map(|(adapter, frame)| ReflectCall {
                adapter,
                frame,
                make_func: call_make_func.map(|callee| make_func_stub(cx, f, frame, callee)),
            });
        }
    }
}

/// A function named `name` (as gc names the one it stands for) made for
/// func type `f`: one per type, so its link name spells the type's.
fn reserve_per_type(cx: &mut Ctx, name: &str, f: TyId) -> FuncId {
    let id = cx.reserve_func(name.into(), Pos::NONE);
    cx.prog.funcs[id.0 as usize].link = format!("{name}[{}]", cx.prog.types[f.0 as usize].link);
    id
}

/// The `MakeFunc` stub of func type `f` whose frame type is `frame`,
/// calling `callee` (`reflect.callMakeFunc`); see the module doc.
fn make_func_stub(cx: &mut Ctx, f: TyId, frame: TyId, callee: FuncId) -> FuncId {
    let TyKind::Func(sig) = cx.prog.types[f.0 as usize].kind.clone() else { unreachable!("a func type") };
    let frame_ptr = cx.with_tys(|m, env, out| m.pointer_to(env, out, frame));
    let word = cx.with_tys(|m, env, out| m.basic(env, out, types::BasicKind::UnsafePointer));
    let id = reserve_per_type(cx, "reflect.makeFuncStub", f);
    let mut locals = Vec::new();
    let mut local = |name: String, ty| {
        locals.push(Local { name, ty, heap: false });
        LocalId(locals.len() as u32 - 1)
    };
    let params: Vec<LocalId> = sig.params.iter().enumerate().map(|(i, &t)| local(format!("~p{i}"), t)).collect();
    let results: Vec<LocalId> = sig.results.iter().enumerate().map(|(i, &t)| local(format!("~r{i}"), t)).collect();
    let impl_word = local("~impl".into(), word);
    let fp = local("~frame".into(), frame_ptr);
    let expr = |kind, ty| Expr { kind, ty, pos: Pos::NONE };
    let field = |i: usize| {
        let base = expr(ExprKind::Local(fp), frame_ptr);
        Place::Field(Box::new(Place::Deref(Box::new(base))), i)
    };
    let mut body = vec![Stmt::Assign(Place::Local(fp), expr(ExprKind::New, frame_ptr))];
    for (i, (&p, &t)) in params.iter().zip(&sig.params).enumerate() {
        body.push(Stmt::Assign(field(i), expr(ExprKind::Local(p), t)));
    }
    let frame_word = expr(ExprKind::Convert(Box::new(expr(ExprKind::Local(fp), frame_ptr))), word);
    let args = vec![expr(ExprKind::Local(impl_word), word), frame_word];
    let unit = cx.with_tys(|m, env, out| m.tuple(env, out, Vec::new()));
    body.push(Stmt::Eval(expr(
        ExprKind::Call(Box::new(Call { callee: Callee::Func(callee), args, pos: Pos::NONE })),
        unit,
    )));
    let n = params.len();
    for (j, (&r, &t)) in results.iter().zip(&sig.results).enumerate() {
        body.push(Stmt::Assign(Place::Local(r), expr(ExprKind::Load(Box::new(field(n + j))), t)));
    }
    body.push(Stmt::Return(Pos::NONE));
    let g = Generated { params, results, captures: vec![impl_word], locals, body };
    cx.define_generated(id, g, true);
    id
}

/// The adapter of func type `f` and its frame type.
fn adapter(cx: &mut Ctx, f: TyId) -> Option<(FuncId, TyId)> {
    let TyKind::Func(sig) = cx.prog.types[f.0 as usize].kind.clone() else { return None };
    let all: Vec<TyId> = sig.params.iter().chain(&sig.results).copied().collect();
    let checker: Option<Vec<TypeId>> = all.iter().map(|t| cx.tys.checker_type(*t)).collect();
    let fields = checker?
        .into_iter()
        .enumerate()
        .map(|(i, ty)| {
            let name = if i < sig.params.len() { format!("p{i}") } else { format!("r{}", i - sig.params.len()) };
            StructField { name, ty, embedded: false, tag: None }
        })
        .collect();
    let table = cx.types.to_mut();
    let frame_checker = table.intern(Type::Struct(fields));
    let frame_ptr_checker = table.intern(Type::Pointer(frame_checker));
    let frame = cx.ty(frame_checker);
    let frame_ptr = cx.ty(frame_ptr_checker);
    let id = reserve_per_type(cx, "reflect.call", f);
    let locals = vec![
        Local { name: "~fn".into(), ty: f, heap: false },
        Local { name: "~frame".into(), ty: frame_ptr, heap: false },
    ];
    let frame_field = |i: usize| {
        let base = Expr { kind: ExprKind::Local(LocalId(1)), ty: frame_ptr, pos: Pos::NONE };
        Place::Field(Box::new(Place::Deref(Box::new(base))), i)
    };
    let args = sig
        .params
        .iter()
        .enumerate()
        .map(|(i, &t)| Expr { kind: ExprKind::Load(Box::new(frame_field(i))), ty: t, pos: Pos::NONE })
        .collect();
    let callee = Callee::Value(Expr { kind: ExprKind::Local(LocalId(0)), ty: f, pos: Pos::NONE });
    let call_ty = match sig.results.as_slice() {
        [one] => *one,
        rs => cx.with_tys(|m, env, out| m.tuple(env, out, rs.to_vec())),
    };
    let call =
        Expr { kind: ExprKind::Call(Box::new(Call { callee, args, pos: Pos::NONE })), ty: call_ty, pos: Pos::NONE };
    let n = sig.params.len();
    let store = match sig.results.len() {
        0 => Stmt::Eval(call),
        1 => Stmt::Assign(frame_field(n), call),
        m => Stmt::AssignMulti((n..n + m).map(|i| Some(frame_field(i))).collect(), call),
    };
    let body = vec![store, Stmt::Return(Pos::NONE)];
    let g = Generated { params: vec![LocalId(0), LocalId(1)], results: Vec::new(), captures: Vec::new(), locals, body };
    cx.define_generated(id, g, true);
    Some((id, frame))
}
