//! Promoted methods: the methods a struct type gets from its embedded
//! fields, and the wrappers that implement them.
//!
//! Go's selector rule decides which methods a struct type `T` (defined or
//! not) or `*T` has: walking the embedded fields breadth first, a name
//! found at a shallower depth hides deeper ones, and a name found twice at
//! the same depth (or also a field name there) is not promoted at all.
//! `*T` has every promoted method; `T` only those whose receiver can be
//! reached without taking the address of a part of the value: value
//! receivers, and pointer receivers reached through an embedded pointer.
//!
//! Each promoted method of `T` and `*T` is a generated wrapper, as in gc
//! (`main.Outer.Name`, `main.(*Outer).Set`), that selects the embedded
//! receiver and calls the method — or, for a method of an embedded
//! interface, calls it dynamically. Method tables list the wrappers
//! ([`crate::ir::TyDef::methods`]); method expressions (`Outer.Name`) use
//! them too. They are [`crate::ir::Program::wrappers`]: transparent to
//! `recover` and tracebacks, like gc's.

use std::collections::{HashMap, HashSet};

use syntax::Pos;
use types::{Type, TypeId};

use crate::ir::{Call, Callee, Expr, ExprKind, FuncId, Local, LocalId, Place, Stmt, TyId, TyKind};
use crate::program::{Ctx, Generated};

/// What a promoted method calls.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    /// A declared method, with a pointer receiver or not.
    Method(FuncId, bool),
    /// Method `index` of an embedded interface.
    Interface(usize),
}

/// A method reachable through embedded fields.
#[derive(Clone, Debug, PartialEq)]
struct Promoted {
    /// Embedded field indices from the outer struct to the receiver.
    path: Vec<usize>,
    /// Some embedded field on the path is a pointer.
    through_pointer: bool,
    target: Target,
}

/// Completes the method table of every type of the program (types added
/// meanwhile included): its declared methods, then the promoted ones.
pub fn complete_method_tables(cx: &mut Ctx) {
    let mut i = 0;
    while i < cx.prog.types.len() {
        let ty = TyId(i as u32);
        cx.prog.types[i].methods = cx.with_env(|m, env| m.declared_methods(env, ty));
        if let Some(t) = cx.tys.checker_type(ty) {
            let (inst, pointer) = match cx.types.get(t) {
                Type::Pointer(e) => (*e, true),
                _ => (t, false),
            };
            let ms = cx.instance_methods(inst, pointer);
            cx.prog.types[i].methods.extend(ms);
        }
        // By name, so that wrappers get the same ids on every run.
        let mut promoted: Vec<(String, Promoted)> = promoted_set(cx, ty).into_iter().collect();
        promoted.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, p) in promoted {
            let w = memoized_wrapper(cx, ty, &name, &p);
            cx.prog.types[i].methods.push((name, w));
        }
        cx.prog.types[i].methods.sort_by(|a, b| a.0.cmp(&b.0));
        i += 1;
    }
}

/// The wrapper implementing promoted method `name` of IR type `ty` (a
/// struct type or a pointer to one), made on first request.
pub fn wrapper(cx: &mut Ctx, ty: TyId, name: &str) -> Option<FuncId> {
    if let Some(&w) = cx.promoted_wrappers.get(&(ty, name.to_string())) {
        return Some(w);
    }
    let p = promoted_set(cx, ty).remove(name)?;
    Some(memoized_wrapper(cx, ty, name, &p))
}

/// The wrapper of promoted method `name` (found as `p`) of `ty`: the one
/// made already, or a new one.
fn memoized_wrapper(cx: &mut Ctx, ty: TyId, name: &str, p: &Promoted) -> FuncId {
    let key = (ty, name.to_string());
    if let Some(&w) = cx.promoted_wrappers.get(&key) {
        return w;
    }
    let w = build_wrapper(cx, ty, name, p);
    cx.promoted_wrappers.insert(key, w);
    if let Target::Method(f, _) = p.target
        && cx.variadic_funcs.contains(&f)
    {
        cx.variadic_funcs.insert(w);
    }
    w
}

/// Records, for a program that uses reflect, the func type of every
/// method of every method table: without its receiver in
/// [`crate::ir::Program::method_types`] (the type of a method value), and
/// with the table's type as the first parameter in
/// [`crate::ir::Program::method_expr_types`] (the type of a method
/// expression, reflect's `Method.Type` and `Method.Func`). Each is made
/// from the IR function's parameters and results and interned in the
/// checker's table, so that it is the program's own type of that
/// signature. Runs once the method tables are complete.
pub fn record_method_types(cx: &mut Ctx) {
    if !cx.prog.uses_reflect {
        return;
    }
    let mut pairs: Vec<(TyId, FuncId)> = Vec::new();
    for (i, d) in cx.prog.types.iter().enumerate() {
        let t = TyId(i as u32);
        pairs.extend(d.methods.iter().map(|m| (t, m.1)));
        if let TyKind::Pointer(e) = d.kind {
            pairs.extend(cx.prog.types[e.0 as usize].methods.iter().map(|m| (t, m.1)));
        }
    }
    for (t, f) in pairs {
        let func = &cx.prog.funcs[f.0 as usize];
        let checker = |l: &LocalId| cx.tys.checker_type(func.locals[l.0 as usize].ty);
        let params: Option<Vec<TypeId>> = func.params.iter().skip(1).map(checker).collect();
        let results: Option<Vec<TypeId>> = func.results.iter().map(checker).collect();
        let (Some(params), Some(results), Some(recv)) = (params, results, cx.tys.checker_type(t)) else { continue };
        let variadic = cx.variadic_funcs.contains(&f);
        let with_recv: Vec<TypeId> = std::iter::once(recv).chain(params.iter().copied()).collect();
        let mut func_type = |params: Vec<TypeId>| {
            let sig = types::Signature { params, results: results.clone(), variadic };
            let id = cx.types.to_mut().intern(Type::Func(sig));
            cx.ty(id)
        };
        let value_type = func_type(params);
        let expr_type = func_type(with_recv);
        cx.prog.method_types.insert(f, value_type);
        cx.prog.method_expr_types.insert((t, f), expr_type);
    }
}

/// The promoted methods in the method set of IR type `ty`, by name.
fn promoted_set(cx: &mut Ctx, ty: TyId) -> HashMap<String, Promoted> {
    let Some(t) = cx.tys.checker_type(ty) else { return HashMap::new() };
    let table = &*cx.types;
    let (outer, pointer) = match table.get(t) {
        Type::Pointer(e) => (*e, true),
        _ => (t, false),
    };
    if !matches!(table.get(table.underlying(outer)), Type::Struct(_)) {
        return HashMap::new();
    }
    let mut set = selectable(cx, outer);
    set.retain(|_, p| {
        let in_set = match p.target {
            Target::Method(_, ptr_recv) => pointer || !ptr_recv || p.through_pointer,
            Target::Interface(_) => true,
        };
        in_set && !p.path.is_empty()
    });
    set
}

/// Every method selectable on a value of struct type `outer` (its own
/// included, with an empty path), by Go's depth rule.
fn selectable(cx: &mut Ctx, outer: TypeId) -> HashMap<String, Promoted> {
    let mut resolved: HashMap<String, Option<Promoted>> = HashMap::new();
    let mut seen: HashSet<TypeId> = HashSet::from([outer]);
    let mut level = vec![(outer, Vec::new(), false)];
    while !level.is_empty() {
        let mut here: HashMap<String, Vec<Option<Promoted>>> = HashMap::new();
        let mut next = Vec::new();
        for (t, path, through_pointer) in level {
            let found = |target| Some(Promoted { path: path.clone(), through_pointer, target });
            for (name, f, ptr) in declared_methods(cx, t) {
                here.entry(name).or_default().push(found(Target::Method(f, ptr)));
            }
            let table = &*cx.types;
            match table.get(table.underlying(t)) {
                Type::Struct(fields) => {
                    for (i, f) in fields.iter().enumerate() {
                        here.entry(f.name.clone()).or_default().push(None);
                        if !f.embedded {
                            continue;
                        }
                        let (ft, is_ptr) = match table.get(f.ty) {
                            Type::Pointer(e) => (*e, true),
                            _ => (f.ty, false),
                        };
                        if seen.insert(ft) {
                            let mut p = path.clone();
                            p.push(i);
                            next.push((ft, p, through_pointer || is_ptr));
                        }
                    }
                }
                Type::Interface(ms) if !path.is_empty() => {
                    for (k, m) in ms.iter().enumerate() {
                        here.entry(m.name.clone()).or_default().push(found(Target::Interface(k)));
                    }
                }
                _ => {}
            }
        }
        for (name, mut cands) in here {
            resolved.entry(name).or_insert_with(|| if cands.len() == 1 { cands.pop().flatten() } else { None });
        }
        level = next;
    }
    resolved.into_iter().filter_map(|(n, p)| Some((n, p?))).collect()
}

/// The methods declared for defined type `t` (an instance's instantiated):
/// (name, function, pointer receiver).
fn declared_methods(cx: &mut Ctx, t: TypeId) -> Vec<(String, FuncId, bool)> {
    match cx.types.get(t).clone() {
        Type::Named(obj) => cx.methods.get(&obj).cloned().unwrap_or_default(),
        Type::Instance { .. } => {
            let mut ms: Vec<(String, FuncId, bool)> =
                cx.instance_methods(t, false).into_iter().map(|(n, f)| (n, f, false)).collect();
            ms.extend(cx.instance_methods(t, true).into_iter().map(|(n, f)| (n, f, true)));
            ms
        }
        _ => Vec::new(),
    }
}

/// Builds the wrapper of promoted method `name` (found as `p`) for
/// receiver type `ty`.
fn build_wrapper(cx: &mut Ctx, ty: TyId, name: &str, p: &Promoted) -> FuncId {
    let pos = Pos::NONE;
    if let Target::Method(f, _) = p.target {
        cx.ensure_lowered(f);
    }
    let (params, results) = target_signature(cx, ty, p);
    let wid = cx.reserve_func_of_type(ty, |t| wrapper_name(t, name), pos);
    let mut locals = vec![Local { name: "~recv".into(), ty, heap: false }];
    let mut local = |name: String, ty| {
        locals.push(Local { name, ty, heap: false });
        LocalId(locals.len() as u32 - 1)
    };
    let param_ids: Vec<LocalId> = params.iter().enumerate().map(|(i, &t)| local(format!("~p{i}"), t)).collect();
    let result_ids: Vec<LocalId> = results.iter().enumerate().map(|(i, &t)| local(format!("~r{i}"), t)).collect();
    let args: Vec<Expr> = param_ids.iter().map(|&l| load_local(l, locals[l.0 as usize].ty)).collect();
    let (place, recv_ty) = embedded_place(cx, ty, &p.path);
    let (callee, mut all_args) = match p.target {
        Target::Method(f, ptr_recv) => {
            let recv = if ptr_recv { address_of(cx, place, recv_ty) } else { load(place, recv_ty) };
            (Callee::Func(f), vec![recv])
        }
        Target::Interface(k) => (Callee::Interface(load(place, recv_ty), k), Vec::new()),
    };
    all_args.extend(args);
    let call_ty = tuple_or_single(cx, &results);
    let call = Expr { kind: ExprKind::Call(Box::new(Call { callee, args: all_args, pos })), ty: call_ty, pos };
    let body = vec![crate::call::store_results(&result_ids, call), Stmt::Return(Pos::NONE)];
    let mut all_params = vec![LocalId(0)];
    all_params.extend(param_ids);
    let generated = Generated { params: all_params, results: result_ids, captures: Vec::new(), locals, body };
    cx.define_generated(wid, generated, true);
    wid
}

/// Parameter and result types of what promoted method `p` calls.
fn target_signature(cx: &Ctx, ty: TyId, p: &Promoted) -> (Vec<TyId>, Vec<TyId>) {
    match p.target {
        Target::Method(f, _) => {
            let func = &cx.prog.funcs[f.0 as usize];
            let tys = |ids: &[LocalId]| ids.iter().map(|l| func.locals[l.0 as usize].ty).collect::<Vec<_>>();
            (tys(&func.params[1..]), tys(&func.results))
        }
        Target::Interface(k) => {
            let iface = embedded_type(cx, ty, &p.path);
            match &cx.prog.types[iface.0 as usize].kind {
                TyKind::Interface(ms) => (ms[k].1.params.clone(), ms[k].1.results.clone()),
                _ => (Vec::new(), Vec::new()),
            }
        }
    }
}

/// The IR type reached from receiver type `ty` along `path` (pointers
/// followed).
fn embedded_type(cx: &Ctx, ty: TyId, path: &[usize]) -> TyId {
    let mut cur = deref_type(cx, ty);
    for &i in path {
        if let TyKind::Struct(fields) = &cx.prog.types[cur.0 as usize].kind {
            cur = deref_type(cx, fields[i].1);
        }
    }
    cur
}

fn deref_type(cx: &Ctx, ty: TyId) -> TyId {
    match cx.prog.types[ty.0 as usize].kind {
        TyKind::Pointer(e) => e,
        _ => ty,
    }
}

/// The place of the embedded value at `path` in the wrapper's receiver
/// (local 0, of type `ty`), and its type.
fn embedded_place(cx: &Ctx, ty: TyId, path: &[usize]) -> (Place, TyId) {
    let recv = load_local(LocalId(0), ty);
    let (mut place, mut cur) = match cx.prog.types[ty.0 as usize].kind {
        TyKind::Pointer(e) => (Place::Deref(Box::new(recv)), e),
        _ => (Place::Local(LocalId(0)), ty),
    };
    for &i in path {
        let TyKind::Struct(fields) = &cx.prog.types[cur.0 as usize].kind else { break };
        let fty = fields[i].1;
        place = Place::Field(Box::new(place), i);
        cur = fty;
        if let TyKind::Pointer(e) = cx.prog.types[fty.0 as usize].kind {
            place = Place::Deref(Box::new(load(place, fty)));
            cur = e;
        }
    }
    (place, cur)
}

fn load_local(l: LocalId, ty: TyId) -> Expr {
    Expr { kind: ExprKind::Local(l), ty, pos: Pos::NONE }
}

fn load(place: Place, ty: TyId) -> Expr {
    Expr { kind: ExprKind::Load(Box::new(place)), ty, pos: Pos::NONE }
}

/// `&place` (for `*p`, just `p`).
fn address_of(cx: &mut Ctx, place: Place, ty: TyId) -> Expr {
    match place {
        Place::Deref(p) => *p,
        place => {
            let pty = cx.with_tys(|m, env, out| m.pointer_to(env, out, ty));
            Expr { kind: ExprKind::AddrOf(Box::new(place)), ty: pty, pos: Pos::NONE }
        }
    }
}

fn tuple_or_single(cx: &mut Ctx, results: &[TyId]) -> TyId {
    match results {
        [one] => *one,
        _ => cx.with_tys(|m, env, out| m.tuple(env, out, results.to_vec())),
    }
}

/// gc's name of the wrapper: `main.Outer.Name` for type `main.Outer`,
/// `main.(*Outer).Name` for `*main.Outer`.
fn wrapper_name(recv_name: &str, method: &str) -> String {
    match recv_name.strip_prefix('*').and_then(|n| n.rsplit_once('.')) {
        Some((pkg, t)) => format!("{pkg}.(*{t}).{method}"),
        None => format!("{recv_name}.{method}"),
    }
}
