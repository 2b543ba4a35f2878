//! Which library function bodies are lowered: those the program can
//! reach. A program importing `fmt` imports `os`, `syscall`,
//! `internal/poll` and `time` from Go's source, about 2,000 functions, of
//! which hello.go reaches a few hundred; lowering the rest cost a sixth of
//! its compile time and most of the IR's memory.
//!
//! The functions of packages that are not the library's (the user's) are
//! lowered when declared, and so are every package's `P.init` (which
//! calls its `init`s and initialises its globals) and the generated
//! functions (wrappers, closures, instances). A library function's body
//! waits in [`Ctx::deferred`] until one of these is found to refer to it:
//!
//! * a lowered body calls it, takes it as a value or makes a closure of
//!   it (found by walking the body once, [`crate::walk`]);
//! * it is a method in the method table of a type of the program
//!   ([`TyDef::methods`](crate::ir::TyDef::methods)) whose name is
//!   *live*: a method of some interface type of the program (a type
//!   assertion compares its signature, an interface call may call it),
//!   one the runtime calls itself ([`RUNTIME_CALLED_METHODS`]).
//!
//! A program that uses reflect has every body lowered
//! ([`lower_all_if_reflect`]): reflect may call any method, and its call
//! adapters are made once, for the func types of a closed world.
//!
//! **Invariant**: every function codegen can reach is lowered. Codegen
//! reaches functions through the same references, and method table
//! entries only for names called through an interface (its
//! `methods`): a subset of the names live here, since every interface
//! call is on a value of an interface type of the program. A function
//! still deferred at the end is listed in [`Program::not_lowered`]
//! (`crate::ir::Program`), which codegen treats as an internal error
//! should it reach one.
//!
//! Bodies never lowered are never judged either: a library function using
//! a feature deft lacks is reported only when the program can reach it,
//! as codegen already did for functions without a Go body.

use std::collections::HashSet;

use syntax::ast::FuncDecl;
use types::Type;

use crate::ir::{Call, Callee, Expr, ExprKind, FuncId, Local, LocalId, TyKind};
use crate::program::Ctx;
use crate::walk::Visitor;

/// Method names the runtime calls on values given to it (fmt's engine and
/// panic printing call `Error`, `String`, `GoString`): live in every
/// program, here and in codegen's method tables.
pub const RUNTIME_CALLED_METHODS: [&str; 3] = ["Error", "String", "GoString"];

/// What the reachability walk has seen so far.
#[derive(Default)]
pub(crate) struct Reach {
    /// Functions whose lowered bodies were walked, by id.
    walked: Vec<bool>,
    /// Deferred functions given their parameters and results.
    declared: HashSet<FuncId>,
}

/// Lowers the deferred bodies the program reaches now; whether it lowered
/// any (their bodies may reach more, and make instances: the caller
/// repeats until nothing is left to do).
pub(crate) fn lower_reached(cx: &mut Ctx) -> bool {
    let mut reached = Vec::new();
    walk_new_bodies(cx, &mut reached);
    live_methods(cx, &mut reached);
    let mut any = false;
    for f in reached {
        if let Some(d) = cx.deferred.remove(&f) {
            crate::program::lower_deferred(cx, f, d);
            any = true;
        }
    }
    any
}

/// Walks the bodies lowered since the last call, adding the functions they
/// refer to to `reached`.
fn walk_new_bodies(cx: &mut Ctx, reached: &mut Vec<FuncId>) {
    let n = cx.prog.funcs.len();
    cx.reach.walked.resize(n, false);
    let mut refs = Refs(reached);
    for i in 0..n {
        if cx.reach.walked[i] || cx.deferred.contains_key(&FuncId(i as u32)) {
            continue;
        }
        cx.reach.walked[i] = true;
        crate::walk::walk_stmts(&cx.prog.funcs[i].body, &mut refs);
    }
}

/// Adds to `reached` the methods of the program's types whose names are
/// live (see the module doc).
fn live_methods(cx: &Ctx, reached: &mut Vec<FuncId>) {
    let mut live: HashSet<&str> = RUNTIME_CALLED_METHODS.into_iter().collect();
    for t in &cx.prog.types {
        if let TyKind::Interface(ms) = &t.kind {
            live.extend(ms.iter().map(|(n, _)| n.as_str()));
        }
    }
    for t in &cx.prog.types {
        let methods = t.methods.iter().filter(|(n, _)| live.contains(n.as_str()));
        reached.extend(methods.map(|(_, f)| *f).filter(|f| cx.deferred.contains_key(f)));
    }
}

/// The functions a body refers to.
struct Refs<'r>(&'r mut Vec<FuncId>);

impl Visitor for Refs<'_> {
    fn expr(&mut self, e: &Expr) -> bool {
        if let ExprKind::FuncValue(f) | ExprKind::Closure { func: f, .. } = &e.kind {
            self.0.push(*f);
        }
        true
    }

    fn call(&mut self, c: &Call) {
        if let Callee::Func(f) = &c.callee {
            self.0.push(*f);
        }
    }
}

/// Gives deferred function `fid` (declared by `decl`) its parameters and
/// results, as plain locals of their types, once: what a promoted
/// method's wrapper and a method table's signature need of a method whose
/// body waits. Lowering the body later replaces them.
pub(crate) fn declare_signature(cx: &mut Ctx, fid: FuncId, decl: &FuncDecl) {
    if !cx.reach.declared.insert(fid) {
        return;
    }
    let Some(obj) = cx.info.defs.get(&decl.name.id).copied() else { cx.ice(decl.name.pos, "no object for function") };
    let facts = cx.facts();
    let Type::Func(sig) = facts.under(facts.ty(facts.obj_ty(obj))).clone() else {
        cx.ice(decl.pos, "function without a function type")
    };
    let recv = decl
        .recv
        .as_ref()
        .map(|r| facts.type_of(r.ty.id).unwrap_or_else(|| cx.ice(r.pos, "receiver type not recorded")));
    let mut locals = Vec::new();
    let mut declare = |cx: &mut Ctx, name: String, t: types::TypeId| {
        let ty = cx.ty(t);
        locals.push(Local { name, ty, heap: false });
        LocalId(locals.len() as u32 - 1)
    };
    let mut params: Vec<LocalId> = recv.into_iter().map(|t| declare(cx, "~recv".into(), t)).collect();
    params.extend(sig.params.iter().enumerate().map(|(i, &t)| declare(cx, format!("~p{i}"), t)));
    let results = sig.results.iter().enumerate().map(|(i, &t)| declare(cx, format!("~r{i}"), t)).collect();
    let f = &mut cx.prog.funcs[fid.0 as usize];
    (f.params, f.results, f.locals) = (params, results, locals);
}

/// Ends the walk: the methods of every type's table that stay deferred
/// get their signatures (codegen spells them in the tables), and the
/// deferred functions are listed in `Program::not_lowered`, with the
/// prebuilt ones whose bodies were skipped.
pub(crate) fn finish(cx: &mut Ctx) {
    // Declaring a signature may make types; theirs are declared too.
    let mut i = 0;
    while i < cx.prog.types.len() {
        let waiting: Vec<FuncId> =
            cx.prog.types[i].methods.iter().map(|m| m.1).filter(|f| cx.deferred.contains_key(f)).collect();
        for f in waiting {
            let decl = cx.deferred[&f].decl;
            declare_signature(cx, f, decl);
        }
        i += 1;
    }
    cx.prog.not_lowered = cx.deferred.keys().chain(&cx.skipped).copied().collect();
}

/// With reflect, lowers every deferred body now, in declaration order:
/// reflect may call any method, and its call adapters are made for the
/// func types of a closed world (see `reflectcall.rs`), which a body
/// lowered after them could extend.
pub(crate) fn lower_all_if_reflect(cx: &mut Ctx) {
    if !cx.prog.uses_reflect {
        return;
    }
    let mut all: Vec<FuncId> = cx.deferred.keys().copied().collect();
    all.sort();
    for f in all {
        if let Some(d) = cx.deferred.remove(&f) {
            crate::program::lower_deferred(cx, f, d);
        }
    }
}

/// Whether the deferred bodies wait for reachability at all: not when
/// every function is to be lowered (the `-d=defer` report covers every
/// function of the packages it names, reached or not), nor when some
/// packages' code comes from the package cache (their bodies, which are
/// not lowered, reach library functions this walk cannot see).
pub(crate) fn lazy(cx: &Ctx) -> bool {
    cx.library && !cx.opts.lower_all && cx.opts.prebuilt.is_empty()
}
