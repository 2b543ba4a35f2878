//! Instantiation of generic functions and types: type argument inference,
//! constraint satisfaction, and what `Info` records about instances.
//!
//! Inference follows types2's `infer` (Go 1.21's rules) in its common
//! cases: (1) typed arguments are unified with their parameters' types
//! (as for an assignment: a defined type matches a type literal through
//! its underlying type at the top, element types exactly; see [`Unify`]);
//! (2) each type parameter whose constraint has a core term is unified
//! with it, and one whose constraint is a single specific type is that
//! type; a known type argument's methods are unified with the
//! constraint's; (3) a type parameter still unknown whose parameters
//! receive untyped constants takes the default type of the largest of
//! them; (4) inferred types are simplified by substituting the others into
//! them. Unification is inexact as Go 1.21's: from go1.21 on (the file's
//! language version) an interface unifies with a type that has its
//! methods, method signatures unified (`f[T any](I[T])` called with a
//! type whose method is `m(int)` infers `T = int`), and two interfaces by
//! their methods alone, one's a subset of the other's (so `Value[int]`
//! does not tell `T` of `Value[T]` when `Value` has no methods, as gc
//! finds); before, by their structure. A type
//! parameter left unknown is `cannot infer T (declared at ...)`. A generic
//! function (or one partially instantiated, kept in `Checker::partial`)
//! meeting a target of function type — a typed variable or result, an
//! assigned variable, a composite literal element, a sent value, a map
//! key, a conversion, a non-generic parameter — is instantiated by
//! reverse inference from that type ([`Checker::generic_to_target`]).
//! Generic functions passed as arguments to a generic callee have their
//! type parameters (renamed per argument) inferred together with the
//! callee's, then are instantiated with what was found
//! (`Checker::arg_targs`); a partially instantiated one is completed from
//! its constraints alone there.
//!
//! Satisfaction ([`Checker::satisfies`]) is types2's `implements` for
//! constraints, with gc's causes (`string missing in ~int | float64`,
//! `missing method M`, `does not satisfy comparable`).

use syntax::Pos;
use syntax::ast::{Expr, ExprKind, NodeId};

use crate::check::Checker;
use crate::exprstr::{expr_string, start_pos};
use crate::lookup::Lookup;
use crate::model::{BasicKind, Instance};
use crate::operand::Operand;
use crate::subst::Subst;
use crate::types::{INVALID, Sig, T, Term, TyId};

/// How two types unify (types2's unification modes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unify {
    /// Identical structure.
    Exact,
    /// A defined type also matches a type literal through its underlying
    /// type, channel directions aside, at every level.
    Inexact,
    /// As for an assignment: inexact at the top, exact for the element
    /// types (`func(int, String)` does not unify with `func(P, string)`).
    Assign,
}

impl Unify {
    /// The mode for the element types of composite types.
    fn elem(self) -> Unify {
        if self == Unify::Assign { Unify::Exact } else { self }
    }
}

/// Inference state: the type parameters and what is known of each.
struct Unifier {
    tparams: Vec<TyId>,
    targs: Vec<Option<TyId>>,
    /// Go 1.21's interface inference (the file's language version is
    /// go1.21 or later): interfaces unify by their methods.
    interfaces: bool,
}

impl Unifier {
    fn index(&self, t: TyId) -> Option<usize> {
        self.tparams.iter().position(|&p| p == t)
    }

    /// The type parameter `i` stands for: itself, or the one it was
    /// unified with while both were unknown (types2 joins them), followed
    /// to the end.
    fn representative(&self, mut i: usize) -> usize {
        for _ in 0..self.tparams.len() {
            match self.targs[i].and_then(|t| self.index(t)) {
                Some(j) if j != i => i = j,
                _ => break,
            }
        }
        i
    }
}

impl<'a> Checker<'a> {
    /// Records in `Info::instances` that identifier `ident` names generic
    /// `obj` instantiated with `targs`, giving type `ty`.
    pub(crate) fn record_instance(&mut self, ident: NodeId, obj: crate::model::ObjId, targs: &[TyId], ty: TyId) {
        let targs = targs.iter().map(|&t| self.tys.canon(t)).collect();
        let ty = self.tys.canon(ty);
        self.info.instances.insert(ident, Instance { obj, targs, ty });
    }

    /// The first type argument (by index) that does not satisfy its
    /// constraint (with the type arguments substituted), and why.
    /// `pos` is where the instantiation is (its language version decides
    /// whether interfaces satisfy `comparable`).
    pub(crate) fn verify(&mut self, tparams: &[TyId], targs: &[TyId], pos: Pos) -> Option<(usize, String)> {
        let s = Subst::new(tparams, targs);
        for (i, (&tp, &ta)) in tparams.iter().zip(targs).enumerate() {
            let T::TypeParam(p) = *self.tys.get(tp) else { continue };
            let bound = self.tys.tparams[&p].constraint;
            let bound = self.tys.subst(bound, &s);
            if let Some(cause) = self.satisfies(ta, bound, pos) {
                return Some((i, cause));
            }
        }
        None
    }

    /// Verifies the type arguments of an instance of generic type `obj`
    /// written in the source (reported at the failing argument).
    pub(crate) fn verify_instance(&mut self, obj: crate::model::ObjId, targs: &[TyId], at: &[Pos], pos: Pos) {
        let tparams = self.tys.generic.get(&obj).cloned().unwrap_or_default();
        if let Some((i, cause)) = self.verify(&tparams, targs, pos) {
            self.error(at.get(i).copied().unwrap_or(pos), cause);
        }
    }

    /// `None` if `v` satisfies constraint `t`, else gc's message (types2's
    /// `implements` for constraints); `pos` is the instantiation's.
    pub(crate) fn satisfies(&mut self, v: TyId, t: TyId, pos: Pos) -> Option<String> {
        if self.tys.is_invalid(v) || self.tys.is_invalid(t) {
            return None;
        }
        let (vs, ts) = (self.ts(v), self.ts(t));
        let Some(tset) = self.tys.iface_set(t).cloned() else {
            return Some(format!("{vs} does not satisfy {ts} ({ts} is not an interface)"));
        };
        let tmethods = self.tys.iface_methods(t).map(<[_]>::to_vec).unwrap_or_default();
        if tmethods.is_empty() && !tset.is_constraint() {
            return None;
        }
        if self.tys.empty_type_set(v) {
            return None;
        }
        if tset.terms.as_ref().is_some_and(|ts| ts.is_empty()) {
            return Some(format!("cannot satisfy {ts} (empty type set)"));
        }
        if let Some(m) = self.missing_method(v, t) {
            let reason = self.missing_reason(&m);
            return Some(format!("{vs} does not satisfy {ts} {reason}"));
        }
        // A strictly comparable type satisfies comparable; one comparable
        // by the spec only (an interface) does from go1.20 on.
        let comparability = |c: &Self| match tset.comparable && !c.tys.strictly_comparable(v) {
            false => None,
            true if !c.tys.comparable(v) => Some(format!("{vs} does not satisfy comparable")),
            true if c.allows(pos, crate::lang::LangVersion::GO1_20) => None,
            true => Some(c.version_message(pos, &format!("{vs} to satisfy comparable requires go1.20 or later"))),
        };
        let Some(terms) = &tset.terms else { return comparability(self) };
        let vterms = match self.tys.get(v) {
            T::TypeParam(p) => Some(self.tys.tparam_set(*p).1.terms),
            _ => self.tys.iface_set(v).map(|s| s.terms.clone()),
        };
        if let Some(vterms) = vterms {
            if !self.tys.terms_subset(&vterms, &tset.terms) {
                return Some(format!("{vs} does not satisfy {ts}"));
            }
            return comparability(self);
        }
        if terms.iter().any(|&x| self.tys.term_includes(x, v)) {
            return comparability(self);
        }
        let alt = terms
            .iter()
            .find(|x| !x.tilde && self.tys.term_includes(Term { tilde: true, ty: x.ty }, v))
            .filter(|x| self.tys.identical(x.ty, self.tys.under(x.ty)));
        let detail = match alt {
            Some(a) => format!("possibly missing ~ for {} in {ts}", self.ts(a.ty)),
            None if self.mentions(self.tys.under(t), v) => {
                format!("{ts} mentions {vs}, but {vs} is not in the type set of {ts}")
            }
            None => {
                let list = self.tys.intern(T::Union(terms.clone()));
                format!("{vs} missing in {}", self.ts(list))
            }
        };
        Some(format!("{vs} does not satisfy {ts} ({detail})"))
    }

    /// Whether type `t` names `v` in one of its elements or terms, as
    /// written (types2's `mentions`, for messages): an interface literal
    /// through what it embeds, a union through its terms, any other type
    /// by being `v`.
    fn mentions(&self, t: TyId, v: TyId) -> bool {
        match self.tys.get(t) {
            T::Interface { written: Some(w), .. } => w.embeds.iter().any(|&e| self.mentions(e, v)),
            T::Union(terms) => terms.iter().any(|term| self.mentions(term.ty, v)),
            _ => self.tys.identical(t, v),
        }
    }

    /// Instantiates the generic function value `x` (of signature `sig`)
    /// called by `call` with argument operands `args` (`ddd`: the last is
    /// passed with `...`), given explicit type arguments `explicit`
    /// (written at `at`): infers the others, verifies the constraints and
    /// returns the instantiated signature, or `None` after reporting an
    /// error.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn instantiate_call(
        &mut self,
        call: &'a Expr,
        func: &'a Expr,
        sig: &Sig,
        explicit: &[TyId],
        at: &[Pos],
        args: &[Operand<'a>],
        ddd: bool,
    ) -> Option<TyId> {
        match at.first() {
            Some(&p) => self.require_version(p, "function instantiation", crate::lang::LangVersion::GO1_18),
            None => self.require_version(call.pos, "implicit function instantiation", crate::lang::LangVersion::GO1_18),
        };
        let ctx = format!("in call to {}, ", expr_string(func));
        let targs = self.infer(call.pos, &ctx, sig, explicit, args, ddd)?;
        self.finish_instance(func, sig, &targs, at, call.pos)
    }

    /// Instantiates generic function `func` (of signature `sig`) with all
    /// of `targs`: verifies them and records the instance; the signature.
    pub(crate) fn finish_instance(
        &mut self,
        func: &'a Expr,
        sig: &Sig,
        targs: &[TyId],
        at: &[Pos],
        pos: Pos,
    ) -> Option<TyId> {
        if let Some((i, cause)) = self.verify(&sig.tparams, targs, pos) {
            self.error(at.get(i).copied().unwrap_or(pos), cause);
            return None;
        }
        self.record_mono(&sig.tparams, targs, at, pos);
        let inst = self.tys.instantiate_sig(sig, targs);
        let named = generic_func_expr(func);
        if let Some((ident, e)) = named
            && let Some(&obj) = self.info.uses.get(&ident)
        {
            self.record_instance(ident, obj, targs, inst);
            self.record_type(e.id, crate::model::Mode::Value, inst, None);
        }
        // The callee (`f`, `(f)`, `f[int]`) has the instantiated type.
        self.record_type(func.id, crate::model::Mode::Value, inst, None);
        Some(inst)
    }

    /// Reports explicit type arguments beyond `want` (`got 2 type
    /// arguments but want 1`, at the first extra one).
    pub(crate) fn too_many_targs(&mut self, indices: &[Expr], want: usize) -> bool {
        if indices.len() <= want {
            return false;
        }
        let msg = format!("got {} type arguments but want {want}", indices.len());
        self.error(start_pos(&indices[want]), msg);
        true
    }

    /// Infers the type arguments of a call of generic `sig` (types2's
    /// `infer`, see the module doc); errors are reported with `ctx`
    /// (`in call to f, `) in front.
    pub(crate) fn infer(
        &mut self,
        pos: Pos,
        ctx: &str,
        sig: &Sig,
        explicit: &[TyId],
        args: &[Operand<'a>],
        ddd: bool,
    ) -> Option<Vec<TyId>> {
        // A generic function called in its own body: its type parameters
        // are renamed, so that the caller's (the same objects) are types
        // like any other here.
        let renamed;
        let mentioned = args.iter().map(|a| a.ty).chain(explicit.iter().copied());
        let sig = if mentioned.into_iter().any(|t| self.tys.mentions(t, &sig.tparams)) {
            renamed = self.rename_tparams(sig);
            &renamed
        } else {
            sig
        };
        let n = sig.tparams.len();
        let interfaces = self.allows(pos, crate::lang::LangVersion::GO1_21);
        let mut u = Unifier { tparams: sig.tparams.clone(), targs: vec![None; n], interfaces };
        for (i, &t) in explicit.iter().enumerate() {
            u.targs[i] = Some(t);
        }
        self.arg_targs.clear();
        let generic_args = args.iter().any(|a| self.tys.sig(a.ty).is_some_and(|s| !s.tparams.is_empty()));
        if explicit.len() == n && !generic_args {
            return Some(explicit.to_vec());
        }
        if args.iter().any(|a| a.is_invalid()) {
            return None;
        }
        // Generic functions among the arguments: their type parameters
        // (renamed, so that `f(g, g)` has two sets) are inferred with the
        // callee's (Go 1.21).
        let mut arg_types: Vec<TyId> = args.iter().map(|a| a.ty).collect();
        let mut arg_tparams: Vec<(usize, usize, usize)> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let Some(asig) = self.tys.sig(a.ty).filter(|s| !s.tparams.is_empty()).cloned() else { continue };
            let mut renamed = self.rename_tparams(&asig);
            arg_tparams.push((i, u.tparams.len(), renamed.tparams.len()));
            u.tparams.append(&mut renamed.tparams);
            u.targs.resize(u.tparams.len(), None);
            arg_types[i] = self.tys.intern(T::Func(renamed));
        }
        let params = self.param_types(sig, args.len(), ddd);
        let s = Subst::new(&sig.tparams[..explicit.len()], explicit);
        let params: Vec<TyId> = params.into_iter().map(|p| self.tys.subst(p, &s)).collect();
        // 1. Typed arguments.
        let mut untyped = Vec::new();
        for ((a, &p), &at) in args.iter().zip(&params).zip(&arg_types) {
            if !self.tys.mentions(p, &u.tparams) && !self.tys.mentions(at, &u.tparams) {
                continue;
            }
            if self.tys.is_untyped(a.ty) {
                if u.index(p).is_some() && !a.is_nil() {
                    untyped.push((p, a));
                }
                continue;
            }
            if !self.unify(&mut u, p, at, Unify::Assign, 0) {
                let msg = self.mismatch_message(&u, p, a);
                self.error(a.start_pos(), format!("{ctx}{msg}"));
                return None;
            }
        }
        // 2. Core types of constraints.
        loop {
            let unknown = u.targs.iter().filter(|t| t.is_none()).count();
            for i in 0..u.tparams.len() {
                if !self.unify_core(&mut u, i, pos, ctx) {
                    return None;
                }
            }
            if u.targs.iter().filter(|t| t.is_none()).count() == unknown {
                break;
            }
        }
        // 3. Untyped constants.
        let mut max: Vec<(usize, TyId)> = Vec::new();
        for (p, a) in untyped {
            let Some(i) = u.index(p).map(|i| u.representative(i)).filter(|&i| u.targs[i].is_none()) else { continue };
            match max.iter_mut().find(|(j, _)| *j == i) {
                None => max.push((i, a.ty)),
                Some((_, m)) => match self.max_untyped(*m, a.ty) {
                    Some(t) => *m = t,
                    None => {
                        let (ms, ts, ps) = (self.ts(*m), self.ts(a.ty), self.ts(p));
                        self.error(a.start_pos(), format!("{ctx}mismatched types {ms} and {ts} (cannot infer {ps})"));
                        return None;
                    }
                },
            }
        }
        for (i, m) in max {
            u.targs[i] = Some(self.tys.default_type(m));
        }
        // 4. Simplify: substitute inferred types into each other.
        for _ in 0..u.tparams.len() {
            let known: Vec<TyId> = u.targs.iter().zip(&u.tparams).map(|(t, &p)| t.unwrap_or(p)).collect();
            let s = Subst::new(&u.tparams, &known);
            let next: Vec<Option<TyId>> = u.targs.iter().map(|t| t.map(|t| self.tys.subst(t, &s))).collect();
            if next == u.targs {
                break;
            }
            u.targs = next;
        }
        let mut out = Vec::new();
        for (i, t) in u.targs.iter().enumerate() {
            match t {
                Some(t) if !self.tys.mentions(*t, &u.tparams) => out.push(*t),
                _ => {
                    let T::TypeParam(p) = *self.tys.get(u.tparams[i]) else { return None };
                    let (name, at) = (self.obj(p).name.clone(), self.pos_string(self.obj(p).pos));
                    self.error(pos, format!("{ctx}cannot infer {name} (declared at {at})"));
                    return None;
                }
            }
        }
        for (i, from, k) in arg_tparams {
            self.arg_targs.push((i, out[from..from + k].to_vec()));
        }
        out.truncate(n);
        Some(out)
    }

    /// Generic function `x` assigned to a typed target of function type
    /// (`var f func(int) int = g`, a result): its type arguments inferred
    /// from the target (Go 1.21's reverse inference, types2's `funcInst`
    /// with a target), as for a call of `func[tparams](sig)` with an
    /// argument of the target's type. False when `x` has no such target;
    /// else `x` is the instance, or invalid after an error.
    /// `explicit` are the type arguments given (`h[int]`, at `at`).
    pub(crate) fn instantiate_for_target(&mut self, x: &mut Operand<'a>, explicit: &[TyId], at: &[Pos]) -> bool {
        let Some(e) = x.expr else { return false };
        let Some((_, target, desc)) = self.assign_targets.iter().find(|(t, ..)| *t == e.id).cloned() else {
            return false;
        };
        let Some(sig) = self.tys.sig(x.ty).cloned() else { return false };
        if !matches!(self.tys.get(self.tys.core(target)), T::Func(s) if s.tparams.is_empty()) {
            return false;
        }
        let pos = x.start_pos();
        let what = match explicit {
            [] => "implicitly instantiated function in assignment",
            _ => "partially instantiated function in assignment",
        };
        // Before go1.18 there is no instantiation at all to speak of.
        let ok = match self.allows(pos, crate::lang::LangVersion::GO1_18) {
            true => self.require_version(pos, what, crate::lang::LangVersion::GO1_21),
            false => self.require_version(pos, "function instantiation", crate::lang::LangVersion::GO1_18),
        };
        if !ok {
            x.set_invalid();
            return true;
        }
        let mut plain = sig.clone();
        plain.tparams.clear();
        let pt = self.tys.intern(T::Func(plain));
        let pattern = Sig {
            params: vec![crate::types::Param { name: None, ty: pt }],
            results: Vec::new(),
            variadic: false,
            tparams: sig.tparams.clone(),
        };
        let arg = Operand {
            mode: crate::operand::OpMode::Value,
            ty: target,
            val: crate::constant::Value::Unknown,
            expr: x.expr,
        };
        self.reverse_desc = Some(desc);
        let targs = self.infer(pos, "", &pattern, explicit, &[arg], false);
        self.reverse_desc = None;
        match targs.and_then(|targs| self.finish_instance(e, &sig, &targs, at, pos)) {
            Some(inst) => x.ty = inst,
            None => x.set_invalid(),
        }
        true
    }

    /// A generic function value `x` meeting a target of type `t` (if any)
    /// described by `desc` (types2's `nonGeneric` with a target):
    /// instantiated by reverse inference from a function type, else
    /// reported as used without instantiation. Other operands are left alone.
    pub(crate) fn generic_to_target(&mut self, x: &mut Operand<'a>, t: Option<TyId>, desc: &str) {
        if x.is_invalid() || self.tys.sig(x.ty).is_none_or(|s| s.tparams.is_empty()) {
            return;
        }
        let Some(e) = x.expr else { return };
        let partial = self.partial.remove(&e.id);
        let (explicit, at) = partial.clone().unwrap_or_default();
        if let Some(t) = t {
            self.assign_targets.push((e.id, t, desc.to_string()));
            let handled = self.instantiate_for_target(x, &explicit, &at);
            self.assign_targets.pop();
            if handled {
                return;
            }
        }
        if partial.is_some() {
            let sig = self.tys.sig(x.ty).cloned().unwrap_or_default();
            self.instantiate_explicit(x, e, &sig, &explicit, &at);
            return;
        }
        let es = expr_string(e);
        self.error_at_op(x, format!("cannot use generic function {es} without instantiation"));
        x.set_invalid();
    }

    /// `sig` with fresh type parameters in place of its own (same names,
    /// positions and constraints).
    fn rename_tparams(&mut self, sig: &Sig) -> Sig {
        let mut fresh = Vec::new();
        let mut objs = Vec::new();
        for (i, &tp) in sig.tparams.iter().enumerate() {
            let T::TypeParam(p) = *self.tys.get(tp) else { return sig.clone() };
            let (name, pos) = (self.obj(p).name.clone(), self.obj(p).pos);
            let owner = self.tys.table.type_params.get(&p).map_or(p, |d| d.owner);
            let o = self.new_obj(&name, crate::model::ObjKind::TypeName, INVALID, pos);
            let t = self.tys.new_tparam(o, i, owner);
            self.set_obj_ty(o, t);
            objs.push((o, p));
            fresh.push(t);
        }
        let s = Subst::new(&sig.tparams, &fresh);
        for (o, p) in objs {
            let c = self.tys.tparams[&p].constraint;
            let c = self.tys.subst(c, &s);
            self.tys.set_constraint(o, c);
        }
        let mut out = self.tys.subst_sig(sig, &s);
        out.tparams = fresh;
        out
    }

    /// The parameter types of `sig` for `nargs` arguments (a variadic
    /// parameter repeated as its element type).
    fn param_types(&self, sig: &Sig, nargs: usize, ddd: bool) -> Vec<TyId> {
        let mut ps: Vec<TyId> = sig.params.iter().map(|p| p.ty).collect();
        if sig.variadic
            && !ddd
            && let Some(last) = ps.pop()
        {
            let elem = match self.tys.get(last) {
                T::Slice(e) => *e,
                _ => INVALID,
            };
            while ps.len() < nargs {
                ps.push(elem);
            }
        }
        ps.truncate(nargs);
        ps
    }

    /// gc's message for an argument whose type does not unify with its
    /// parameter's.
    fn mismatch_message(&mut self, u: &Unifier, p: TyId, a: &Operand<'a>) -> String {
        let es = match &self.reverse_desc {
            Some(desc) => desc.clone(),
            None => a.expr.map(expr_string).unwrap_or_default(),
        };
        let ats = self.ts(a.ty);
        if u.targs.iter().all(Option::is_none) {
            let names: Vec<String> = u.tparams.iter().map(|&t| self.ts(t)).collect();
            let ps = self.ts(p);
            return format!("type {ats} of {es} does not match {ps} (cannot infer {})", names.join(", "));
        }
        let known: Vec<TyId> = u.targs.iter().zip(&u.tparams).map(|(t, &q)| t.unwrap_or(q)).collect();
        let inferred = self.tys.subst(p, &Subst::new(&u.tparams, &known));
        let ps = self.ts(p);
        if inferred != p {
            let is = self.ts(inferred);
            match self.reverse_desc {
                Some(_) => format!("inferred type {is} for {ps} does not match type {ats} of {es}"),
                None => format!("type {ats} of {es} does not match inferred type {is} for {ps}"),
            }
        } else {
            format!("type {ats} of {es} does not match {ps}")
        }
    }

    /// Step 2 of inference for type parameter `i`: unify what is known of
    /// it with its constraint's core type, or set it to the constraint's
    /// single specific type; then, if it is known, unify the signatures of
    /// its methods with those of the constraint. False after reporting a
    /// failure.
    fn unify_core(&mut self, u: &mut Unifier, i: usize, pos: Pos, ctx: &str) -> bool {
        let T::TypeParam(p) = *self.tys.get(u.tparams[i]) else { return true };
        let (methods, set) = self.tys.tparam_set(p);
        let terms = set.terms.unwrap_or_default();
        // The core term (types2's `coreTerm`): a single term as written
        // (settable if it has no tilde), else the core type of all terms.
        let core = match terms.as_slice() {
            [] => None,
            [single] if single.tilde => Some((self.tys.under(single.ty), false)),
            [single] => Some((single.ty, true)),
            _ => self.tys.common_under(u.tparams[i], true).ok().map(|c| (c, false)),
        };
        match (core, u.targs[i]) {
            (Some((core, _)), Some(tx)) if !self.unify(u, tx, core, Unify::Inexact, 0) => {
                let (ps, xs) = (self.ts(u.tparams[i]), self.ts(tx));
                let cs = self.ts(self.tys.tparams[&p].constraint);
                self.error(pos, format!("{ctx}{ps} (type {xs}) does not satisfy {cs}"));
                return false;
            }
            (Some((core, true)), None) => u.targs[i] = Some(core),
            _ => {}
        }
        match u.targs[i] {
            Some(tx) if !methods.is_empty() && !self.tys.mentions(tx, &u.tparams) => {
                self.unify_methods(u, p, tx, &methods, pos, ctx)
            }
            _ => true,
        }
    }

    /// Type argument `tx` known for type parameter `p` must have the
    /// `methods` of its constraint: their signatures are unified exactly
    /// with its own, which may infer other type parameters. False after
    /// reporting a method it lacks or has with another signature.
    fn unify_methods(
        &mut self,
        u: &mut Unifier,
        p: crate::model::ObjId,
        tx: TyId,
        methods: &[crate::types::Method],
        pos: Pos,
        ctx: &str,
    ) -> bool {
        for m in methods {
            let have = match self.tys.iface_methods(tx) {
                Some(vms) => vms.iter().find(|x| x.name == m.name).map(|x| x.sig),
                None => match self.lookup_field_or_method(tx, false, &m.name) {
                    Lookup::Method { sig, .. } if self.tys.sig(sig).is_some_and(|s| s.tparams.is_empty()) => Some(sig),
                    _ => None,
                },
            };
            if have.is_some_and(|h| self.unify(u, h, m.sig, Unify::Exact, 0)) {
                continue;
            }
            let constraint = self.tys.tparams[&p].constraint;
            let cause = match self.missing_method(tx, constraint) {
                Some(missing) => self.missing_reason(&missing),
                None => format!("(wrong type for method {})", m.name),
            };
            let (ps, xs, cs) = (self.obj(p).name.clone(), self.ts(tx), self.ts(constraint));
            self.error(pos, format!("{ctx}{ps} (type {xs}) does not satisfy {cs} {cause}"));
            return false;
        }
        true
    }

    /// The larger of two untyped numeric kinds (types2's `maxType`), or
    /// the type itself when both are the same.
    fn max_untyped(&self, a: TyId, b: TyId) -> Option<TyId> {
        if self.tys.identical(a, b) {
            return Some(a);
        }
        let rank = |t: TyId| match self.tys.basic_kind(t) {
            Some(BasicKind::UntypedInt) => 1,
            Some(BasicKind::UntypedRune) => 2,
            Some(BasicKind::UntypedFloat) => 3,
            Some(BasicKind::UntypedComplex) => 4,
            _ => 0,
        };
        let (ra, rb) = (rank(a), rank(b));
        if ra == 0 || rb == 0 {
            return None;
        }
        Some(if ra >= rb { a } else { b })
    }

    /// Unifies `x` (in terms of `u`'s type parameters) with `y`, recording
    /// what it learns of them, in `mode`.
    fn unify(&mut self, u: &mut Unifier, x: TyId, y: TyId, mode: Unify, depth: u32) -> bool {
        let inexact = mode != Unify::Exact;
        if depth > 64 {
            return false;
        }
        if x == y || self.tys.identical(x, y) {
            return true;
        }
        for (a, b) in [(x, y), (y, x)] {
            if let Some(i) = u.index(a) {
                return match u.targs[i] {
                    None => {
                        u.targs[i] = Some(b);
                        true
                    }
                    Some(known) if known == a => false,
                    Some(known) => {
                        if self.unify(u, known, b, mode, depth + 1) {
                            if u.interfaces && self.interface_choice(known, b) == Some(false) {
                                return false;
                            }
                            // Prefer the defined type of the two, else a
                            // directed channel (types2 does: the choice is
                            // then independent of the arguments' order).
                            let (bn, kn) = (self.tys.named_of(b).is_some(), self.tys.named_of(known).is_some());
                            let directed = matches!(self.tys.get(self.tys.under(b)), T::Chan(d, _) if *d != syntax::ast::ChanDir::Both);
                            if inexact && !kn && (bn || directed) {
                                u.targs[i] = Some(b);
                            }
                            true
                        } else {
                            false
                        }
                    }
                };
            }
        }
        // A type parameter of the caller unifies through its core type.
        for (a, b) in [(x, y), (y, x)] {
            if matches!(self.tys.get(a), T::TypeParam(_)) && !matches!(self.tys.get(b), T::TypeParam(_)) {
                let core = self.tys.core(a);
                return core != a && self.unify(u, core, b, mode, depth + 1);
            }
        }
        // Interfaces unify by their methods first (types2's interface
        // inference), also instances of one generic interface: `T1[P]`
        // against `T1[int]` infers nothing when no method mentions P.
        if inexact
            && u.interfaces
            && let Some(r) = self.unify_interfaces(u, x, y, depth)
        {
            return r;
        }
        // Instances of one generic type unify by their type arguments.
        if let (T::Inst(b1, a1), T::Inst(b2, a2)) = (self.tys.get(x).clone(), self.tys.get(y).clone())
            && b1 == b2
            && a1.len() == a2.len()
        {
            return a1.into_iter().zip(a2).all(|(a, b)| self.unify(u, a, b, mode, depth + 1));
        }
        let (xn, yn) = (self.tys.named_of(x).is_some(), self.tys.named_of(y).is_some());
        if inexact && xn != yn {
            let (ux, uy) = (self.tys.under(x), self.tys.under(y));
            return self.unify(u, ux, uy, mode, depth + 1);
        }
        let mut pairs: Vec<(TyId, TyId)> = Vec::new();
        let same_shape = match (self.tys.get(x).clone(), self.tys.get(y).clone()) {
            (T::Pointer(a), T::Pointer(b)) | (T::Slice(a), T::Slice(b)) => {
                pairs.push((a, b));
                true
            }
            (T::Array(n, a), T::Array(m, b)) => {
                pairs.push((a, b));
                n == m
            }
            (T::Map(k1, v1), T::Map(k2, v2)) => {
                pairs.extend([(k1, k2), (v1, v2)]);
                true
            }
            (T::Chan(d1, a), T::Chan(d2, b)) => {
                pairs.push((a, b));
                // Inexact unification ignores the direction (types2).
                d1 == d2 || inexact
            }
            (T::Func(a), T::Func(b)) => {
                let ok =
                    a.params.len() == b.params.len() && a.results.len() == b.results.len() && a.variadic == b.variadic;
                pairs.extend(a.params.iter().zip(&b.params).map(|(p, q)| (p.ty, q.ty)));
                pairs.extend(a.results.iter().zip(&b.results).map(|(p, q)| (p.ty, q.ty)));
                ok
            }
            (T::Struct(a), T::Struct(b)) => {
                let ok =
                    a.len() == b.len() && a.iter().zip(&b).all(|(f, g)| f.name == g.name && f.embedded == g.embedded);
                pairs.extend(a.iter().zip(&b).map(|(f, g)| (f.ty, g.ty)));
                ok
            }
            _ => false,
        };
        same_shape && pairs.into_iter().all(|(a, b)| self.unify(u, a, b, mode.elem(), depth + 1))
    }

    /// When a type parameter inferred as `known` unifies with `b` too and
    /// one of them is an interface, whether unification holds (types2):
    /// two interfaces must be identical if both are defined types, else
    /// have as many methods; an interface and another type would make the
    /// choice depend on the order of the arguments, so they do not unify.
    /// `None` when neither is an interface.
    fn interface_choice(&self, known: TyId, b: TyId) -> Option<bool> {
        let methods = |t: TyId| match self.tys.get(t) {
            T::TypeParam(_) => None,
            _ => self.tys.iface_methods(t).map(<[_]>::len),
        };
        match (methods(known), methods(b)) {
            (Some(m), Some(n)) => {
                let both_named = self.tys.named_of(known).is_some() && self.tys.named_of(b).is_some();
                Some(if both_named { self.tys.identical(known, b) } else { m == n })
            }
            (Some(_), None) | (None, Some(_)) => Some(false),
            (None, None) => None,
        }
    }

    /// Go 1.21's inexact unification of interfaces (types2's interface
    /// inference): two interfaces unify when the methods of one are among
    /// the other's with signatures that unify; an interface and another type when each
    /// method of the interface is a method of the type with a signature
    /// that unifies. `None` when neither is an interface (type parameters
    /// aside).
    fn unify_interfaces(&mut self, u: &mut Unifier, x: TyId, y: TyId, depth: u32) -> Option<bool> {
        let is_iface = |c: &Self, t: TyId| {
            !matches!(c.tys.get(t), T::TypeParam(_)) && matches!(c.tys.get(c.tys.under(t)), T::Interface { .. })
        };
        let (xi, yi) = (is_iface(self, x), is_iface(self, y));
        if xi && yi {
            // The type sets beyond methods must be the same; the smaller
            // method set must be a subset of the other, common methods
            // unifying.
            if self.tys.iface_set(x) != self.tys.iface_set(y) {
                return Some(false);
            }
            let mut xm = self.tys.iface_methods(x).unwrap_or_default().to_vec();
            let mut ym = self.tys.iface_methods(y).unwrap_or_default().to_vec();
            if xm.len() > ym.len() {
                std::mem::swap(&mut xm, &mut ym);
            }
            for m in xm {
                let Some(n) = ym.iter().find(|n| n.name == m.name) else { return Some(false) };
                if !self.unify(u, m.sig, n.sig, Unify::Exact, depth + 1) {
                    return Some(false);
                }
            }
            return Some(true);
        }
        let (iface, other) = match (xi, yi) {
            (true, false) => (x, y),
            (false, true) => (y, x),
            _ => return None,
        };
        if matches!(self.tys.get(other), T::TypeParam(_)) {
            return None;
        }
        for m in self.tys.iface_methods(iface).unwrap_or_default().to_vec() {
            let Lookup::Method { sig, .. } = self.lookup_field_or_method(other, false, &m.name) else {
                return Some(false);
            };
            // A generic method has no type parameters to unify (Go 1.27).
            let generic = self.tys.sig(sig).is_some_and(|s| !s.tparams.is_empty());
            if generic || !self.unify(u, m.sig, sig, Unify::Exact, depth + 1) {
                return Some(false);
            }
        }
        Some(true)
    }

    /// `x[indices]` where `x` is a generic function value: the explicit
    /// type arguments (after reporting too many), with their positions.
    pub(crate) fn explicit_targs(&mut self, sig: &Sig, indices: &'a [Expr]) -> Option<(Vec<TyId>, Vec<Pos>)> {
        if self.too_many_targs(indices, sig.tparams.len()) {
            return None;
        }
        let mut targs = Vec::new();
        for i in indices {
            let t = self.expr_as_var_type(i);
            if t == INVALID {
                return None;
            }
            targs.push(t);
        }
        Some((targs, indices.iter().map(start_pos).collect()))
    }
}

/// The identifier naming the generic function in `f`, `pkg.F` (or either
/// instantiated, `f[int]`), with the expression whose type is the
/// function's (the identifier or the selector).
fn generic_func_expr(e: &Expr) -> Option<(NodeId, &Expr)> {
    match &e.kind {
        ExprKind::Paren(x) => generic_func_expr(x),
        ExprKind::Index { x, .. } => generic_func_expr(x),
        ExprKind::Ident(id) => Some((id.id, e)),
        ExprKind::Selector { sel, .. } => Some((sel.id, e)),
        _ => None,
    }
}
