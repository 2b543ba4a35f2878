//! Calls: function and method calls, conversions `T(x)`, and builtins.
//!
//! The callee's mode decides: a type means a conversion, a builtin name a
//! builtin call (each with its own rules, `builtins` below), anything else
//! must be a function value. Arguments are checked with
//! [`Checker::assignment`] against the (variadic-expanded) parameters, and
//! count mismatches are reported with gc's have/want summary.

use syntax::ast::{Expr, ExprKind};

use crate::check::Checker;
use crate::constant::{Cmp, Value};
use crate::expr::{ExprClass, INVALID_OP};
use crate::exprstr::{expr_string, start_pos};
use crate::model::{BasicKind, Builtin, LangVersion, Mode};
use crate::operand::{OpMode, Operand};
use crate::types::{BYTE, INVALID, Param, Sig, T, TyId, basic};
use crate::typeset::CoreError;

impl<'a> Checker<'a> {
    /// Checks a call expression.
    pub(crate) fn call_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) -> ExprClass {
        let ExprKind::Call { func, args, ellipsis, .. } = &e.kind else {
            return ExprClass::Statement;
        };
        let explicit = self.callee(x, func);
        match x.mode {
            OpMode::Invalid => {
                self.use_args(args);
                x.expr = Some(e);
                return ExprClass::Statement;
            }
            OpMode::TypeExpr => {
                self.non_generic(x);
                if !x.is_invalid() && !self.is_complete(x.ty) {
                    x.set_invalid();
                }
                if x.is_invalid() {
                    self.use_args(args);
                    x.expr = Some(e);
                    return ExprClass::Conversion;
                }
                let t = x.ty;
                x.set_invalid();
                match args.len() {
                    0 => {
                        let ts = self.ts(t);
                        self.error(start_pos(e), format!("missing argument in conversion to {ts}"));
                    }
                    1 => {
                        self.generic_expr(x, &args[0], None);
                        self.generic_to_target(x, Some(t), "conversion");
                        let constraint = self.tys.iface_set(t).is_some_and(|s| s.is_constraint())
                            && !matches!(self.tys.get(t), T::TypeParam(_));
                        if !x.is_invalid() && constraint {
                            let ts = self.ts(t);
                            let msg = format!(
                                "cannot use interface {ts} in conversion (contains specific type constraints or is comparable)"
                            );
                            self.error(start_pos(e), msg);
                            x.set_invalid();
                        } else if !x.is_invalid() {
                            if *ellipsis {
                                let ts = self.ts(t);
                                self.error(start_pos(&args[0]), format!("invalid use of ... in conversion to {ts}"));
                                x.set_invalid();
                            } else {
                                self.conversion(x, t);
                            }
                        }
                    }
                    n => {
                        self.use_args(args);
                        let ts = self.ts(t);
                        self.error(start_pos(&args[n - 1]), format!("too many arguments in conversion to {ts}"));
                    }
                }
                x.expr = Some(e);
                return ExprClass::Conversion;
            }
            OpMode::Builtin(b) => {
                let ok = self.builtin(x, e, b, args, *ellipsis);
                if !ok {
                    x.set_invalid();
                }
                x.expr = Some(e);
                return match b {
                    Builtin::Append
                    | Builtin::Cap
                    | Builtin::Complex
                    | Builtin::Imag
                    | Builtin::Len
                    | Builtin::Make
                    | Builtin::New
                    | Builtin::Real
                    | Builtin::Sizeof
                    | Builtin::Alignof
                    | Builtin::Offsetof
                    | Builtin::Add
                    | Builtin::Slice
                    | Builtin::Min
                    | Builtin::Max
                    | Builtin::String
                    | Builtin::StringData
                    | Builtin::SliceData => ExprClass::Expression,
                    _ => ExprClass::Statement,
                };
            }
            _ => {}
        }
        // A type parameter's type set must share a signature.
        let not_func = |u: &T| (!matches!(u, T::Func(_))).then_some("is not a function");
        let sig = self.tys.common_under_where(x.ty, false, &not_func).and_then(|u| match self.tys.get(u) {
            T::Func(s) => Ok(s.clone()),
            _ => Err(CoreError::Unfit(x.ty, "is not a function")),
        });
        let sig = match sig {
            Ok(sig) => sig,
            Err(why) => {
                let why = self.core_error_string(why);
                let s = self.op_string(x);
                self.error_at_op(x, format!("{INVALID_OP}cannot call {s}: {why}"));
                x.set_invalid();
                x.expr = Some(e);
                return ExprClass::Statement;
            }
        };
        let saved = self.generic_args.len();
        self.generic_args.extend(args.iter().map(|a| a.id));
        let (mut vals, _) = self.expr_list(args, false);
        self.generic_args.truncate(saved);
        let sig = if sig.tparams.is_empty() {
            sig
        } else {
            match self.generic_call(e, func, &sig, explicit, args, *ellipsis, &mut vals) {
                Some(sig) => sig,
                None => {
                    x.set_invalid();
                    x.expr = Some(e);
                    return ExprClass::Statement;
                }
            }
        };
        let params: Vec<TyId> = sig.params.iter().map(|p| p.ty).collect();
        self.arguments(e, func, args, *ellipsis, &params, sig.variadic, &mut vals);
        match sig.results.len() {
            0 => {
                x.mode = OpMode::NoValue;
            }
            1 => {
                x.mode = OpMode::Value;
                x.ty = sig.results[0].ty;
                // A call cannot produce a value of a type being declared.
                if !self.is_complete(x.ty) {
                    x.set_invalid();
                }
            }
            _ => {
                x.mode = OpMode::Value;
                x.ty = self.tys.results_type(&sig);
            }
        }
        x.expr = Some(e);
        ExprClass::Statement
    }

    /// Evaluates the callee `func`; `Some(indices)` when it is `f[A, ...]`
    /// with `f` a generic function, which the call instantiates (inferring
    /// the type arguments not given).
    fn callee(&mut self, x: &mut Operand<'a>, func: &'a Expr) -> Option<&'a [Expr]> {
        let mut f = func;
        while let ExprKind::Paren(inner) = &f.kind {
            f = inner;
        }
        let ExprKind::Index { x: base, indices } = &f.kind else {
            self.expr_or_type_generic(x, func);
            return None;
        };
        self.expr_or_type_generic(x, base);
        if x.mode == OpMode::Value && self.tys.sig(x.ty).is_some_and(|s| !s.tparams.is_empty()) {
            return Some(indices);
        }
        self.index_operand(x, f, indices);
        self.record(x);
        self.exclude(x, true, false, false);
        self.single_value(x);
        None
    }

    /// The signature a call of generic function `func` (of signature
    /// `sig`, with type arguments `explicit` written, if any) instantiates,
    /// inferring the others from the arguments `vals`; `None` after an error.
    #[allow(clippy::too_many_arguments)]
    fn generic_call(
        &mut self,
        call: &'a Expr,
        func: &'a Expr,
        sig: &Sig,
        explicit: Option<&'a [Expr]>,
        args: &'a [Expr],
        ddd: bool,
        vals: &mut [Operand<'a>],
    ) -> Option<Sig> {
        let (targs, at) = match explicit {
            Some(indices) => self.explicit_targs(sig, indices)?,
            None => (Vec::new(), Vec::new()),
        };
        vals.iter_mut().for_each(|v| self.complete_partial(v));
        // A wrong argument count is reported as for any call.
        let n = vals.len();
        let count_ok = if sig.variadic && !ddd { n + 1 >= sig.params.len() } else { n == sig.params.len() };
        if !count_ok || vals.iter().any(|v| v.mode == OpMode::TypeExpr) {
            let params: Vec<TyId> = sig.params.iter().map(|p| p.ty).collect();
            self.arguments(call, func, args, ddd, &params, sig.variadic, vals);
            return None;
        }
        if vals.iter().any(|v| v.is_invalid()) {
            return None;
        }
        let inst = self.instantiate_call(call, func, sig, &targs, &at, vals, ddd)?;
        // The generic functions among the arguments, instantiated with
        // what the call's inference found for them.
        for (i, targs) in std::mem::take(&mut self.arg_targs) {
            let (Some(e), Some(asig)) = (vals[i].expr, self.tys.sig(vals[i].ty).cloned()) else { continue };
            match self.finish_instance(e, &asig, &targs, &[], vals[i].start_pos()) {
                Some(t) => vals[i].ty = t,
                None => vals[i].set_invalid(),
            }
        }
        self.tys.sig(inst).cloned()
    }

    /// A generic function still uninstantiated as the argument for a
    /// parameter of type `t` (the callee is not generic, or the call's
    /// inference failed): instantiated by reverse inference from `t`, else
    /// reported as used without instantiation.
    fn generic_argument(&mut self, a: &mut Operand<'a>, t: TyId) {
        if a.is_invalid() || self.tys.sig(a.ty).is_none_or(|s| s.tparams.is_empty()) {
            return;
        }
        let pos = a.start_pos();
        let what = "implicitly instantiated function as argument";
        if self.is_func_type(t) && !self.require_version(pos, what, crate::lang::LangVersion::GO1_21) {
            a.set_invalid();
            return;
        }
        self.generic_to_target(a, Some(t), "argument");
    }

    /// Whether `t`'s core type is a function type that is not generic.
    fn is_func_type(&self, t: TyId) -> bool {
        matches!(self.tys.get(self.tys.core(t)), T::Func(s) if s.tparams.is_empty())
    }

    fn use_args(&mut self, args: &'a [Expr]) {
        for a in args {
            let mut y = Operand::invalid(None);
            self.raw_expr(&mut y, a, None);
        }
    }

    /// Checks argument values against parameters.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn arguments(
        &mut self,
        call: &'a Expr,
        func: &'a Expr,
        arg_exprs: &'a [Expr],
        ddd: bool,
        params: &[TyId],
        variadic: bool,
        args: &mut [Operand<'a>],
    ) {
        // An invalid argument still counts (as an `unknown type`).
        if let Some(a) = args.iter().find(|a| a.mode == OpMode::TypeExpr) {
            let s = self.op_string(a);
            self.error_at_op(a, format!("{s} used as value"));
            return;
        }
        let nargs = args.len();
        let mut npars = params.len();
        let mut sig_params: Vec<TyId> = params.to_vec();
        if variadic {
            if ddd {
                if arg_exprs.len() == 1 && nargs > 1 {
                    let s = expr_string(&arg_exprs[0]);
                    self.error(start_pos(call), format!("cannot use ... with {nargs}-valued {s}"));
                    return;
                }
            } else if nargs + 1 >= npars {
                let last = params[npars - 1];
                let elem = match self.tys.get(last) {
                    T::Slice(e) => *e,
                    _ => INVALID,
                };
                sig_params.truncate(npars - 1);
                while sig_params.len() < nargs {
                    sig_params.push(elem);
                }
                npars = nargs;
            } else {
                npars -= 1;
            }
        } else if ddd {
            let f = expr_string(func);
            self.error(start_pos(call), format!("cannot use ... in call to non-variadic {f}"));
            return;
        }
        if nargs != npars {
            let (qualifier, at) = if nargs > npars {
                ("too many", args[npars].start_pos())
            } else if nargs > 0 {
                ("not enough", args[nargs - 1].start_pos())
            } else {
                ("not enough", start_pos(call))
            };
            let have: Vec<TyId> = args.iter().map(|a| if a.is_invalid() { INVALID } else { a.ty }).collect();
            let f = expr_string(func);
            let msg = format!(
                "{qualifier} arguments in call to {f}\n\thave {}\n\twant {}",
                self.types_summary(&have, false, ddd),
                self.types_summary(params, variadic, false)
            );
            self.error(at, msg);
            return;
        }
        let context = format!("argument to {}", expr_string(func));
        for (a, &t) in args.iter_mut().zip(&sig_params) {
            self.generic_argument(a, t);
            self.assignment(a, Some(t), &context);
        }
    }

    // ------------------------------------------------------------------
    // Conversions.

    /// Checks the conversion `T(x)`.
    pub(crate) fn conversion(&mut self, x: &mut Operand<'a>, t: TyId) {
        let const_arg = x.is_const();
        let mut ok = false;
        let mut cause = String::new();
        if const_arg && let Some(terms) = self.tys.tparam_terms(t) {
            // Converted to each type of the set, the result is no constant.
            ok = self.const_convertible_to_set(x, t, &terms, &mut cause);
            x.mode = OpMode::Value;
        } else if const_arg && self.tys.is_const_type(t) {
            let k = self.tys.basic_kind(t).unwrap_or(BasicKind::Invalid);
            if let Some(v) = crate::expr::representable_const(&x.val, k) {
                x.val = v;
                ok = true;
            } else if k.is_integer() && self.tys.is_integer(x.ty) {
                // An integer constant that does not fit an integer type.
                let (v, ts) = (x.val.to_string(), self.ts(t));
                self.error_at_op(x, format!("constant {v} overflows {ts}"));
                x.set_invalid();
                return;
            } else if self.tys.is_integer(x.ty) && self.tys.is_string(t) {
                let cp = x
                    .val
                    .as_u64()
                    .filter(|&c| c <= 0x10FFFF)
                    .and_then(|c| char::from_u32(c as u32))
                    .unwrap_or('\u{FFFD}');
                x.val = Value::Str(cp.to_string().into_bytes());
                ok = true;
            }
        } else if self.convertible_to(x, t, &mut cause) {
            ok = true;
            x.mode = OpMode::Value;
        }
        if !ok {
            let (xs, ts) = (self.op_string(x), self.ts(t));
            if cause.is_empty() {
                self.error_at_op(x, format!("cannot convert {xs} to type {ts}"));
            } else if cause.contains(" or later") {
                // A feature of a later Go: gc says it on the same line.
                self.error_at_op(x, format!("cannot convert {xs} to type {ts}: {cause}"));
            } else {
                self.error_at_op(x, format!("cannot convert {xs} to type {ts}: {cause}"));
            }
            x.set_invalid();
            return;
        }
        if self.tys.is_untyped(x.ty) {
            let mut fin = t;
            if x.is_nil() {
                // nil keeps the target type
            } else if self.tys.is_interface(t) || (const_arg && !self.tys.is_const_type(t)) {
                fin = self.tys.default_type(x.ty);
            } else if const_arg
                && matches!(self.tys.get(t), T::TypeParam(_))
                && self.implicit_type_and_value(x, t).is_err()
            {
                // A type parameter is no constant type (types2's
                // isConstType): the constant keeps its default type, as
                // types2 gives it, where it does not convert to the type
                // parameter implicitly (`T('a')` for a string T); where it
                // does, lowering takes it as a T (`T(0)` for a complex T).
                fin = self.tys.default_type(x.ty);
            } else if x.is_const() && self.tys.is_integer(x.ty) && self.tys.is_string(t) {
                fin = x.ty;
            }
            if let Some(e) = x.expr {
                self.update_expr_type(e, fin, true);
            }
        }
        if x.is_nil() {
            x.mode = OpMode::Value;
        }
        x.ty = t;
    }

    /// Whether constant `x` converts to every type of type parameter
    /// `t`'s set `terms` (else `cause` says which does not, as types2).
    fn const_convertible_to_set(
        &mut self,
        x: &Operand<'a>,
        t: TyId,
        terms: &[crate::types::Term],
        cause: &mut String,
    ) -> bool {
        let ts = self.ts(t);
        if terms.is_empty() {
            *cause = format!("{ts} does not contain specific types");
            return false;
        }
        for term in terms {
            let u = self.tys.under(term.ty);
            if self.tys.is_string(x.ty) && self.is_bytes_or_runes(u) {
                continue;
            }
            let k = self.tys.basic_kind(u).unwrap_or(BasicKind::Invalid);
            let fits = self.tys.is_const_type(u)
                && (crate::expr::representable_const(&x.val, k).is_some()
                    || (self.tys.is_integer(x.ty) && self.tys.is_string(u)));
            if !fits {
                let (xs, us) = (self.op_string(x), self.ts(u));
                *cause = if self.tys.is_integer(x.ty) && self.tys.is_integer(u) {
                    format!("constant {} overflows {us} (in {ts})", x.val)
                } else {
                    format!("cannot convert {xs} to type {us} (in {ts})")
                };
                let _ = xs;
                return false;
            }
        }
        true
    }

    /// The conversion rules for type parameters (types2's generic cases of
    /// `convertibleTo`): every type of the operand's set must convert to
    /// every type of the target's.
    fn convertible_generic(&mut self, x: &Operand<'a>, t: TyId, cause: &mut String) -> bool {
        let (vterms, tterms) = (self.tys.tparam_terms(x.ty), self.tys.tparam_terms(t));
        if vterms.is_none() && tterms.is_none() {
            return false;
        }
        let single = |t: TyId| vec![crate::types::Term { tilde: false, ty: t }];
        let vs = vterms.clone().unwrap_or_else(|| single(x.ty));
        let ts = tterms.clone().unwrap_or_else(|| single(t));
        if vs.is_empty() || ts.is_empty() {
            return false;
        }
        for v in &vs {
            let xv = Operand { ty: v.ty, ..x.clone() };
            for u in &ts {
                let mut inner = String::new();
                if !self.convertible_to(&xv, u.ty, &mut inner) {
                    let (vt, ut) = (self.ts(v.ty), self.ts(u.ty));
                    let (vp, tp) = (self.ts(x.ty), self.ts(t));
                    *cause = match (vterms.is_some(), tterms.is_some()) {
                        (true, true) => format!("cannot convert {vt} (in {vp}) to type {ut} (in {tp})"),
                        (true, false) => format!("cannot convert {vt} (in {vp}) to type {ut}"),
                        _ => format!("cannot convert {vt} to type {ut} (in {tp})"),
                    };
                    return false;
                }
            }
        }
        true
    }

    /// The key type shared by every map of type parameter `t`'s set, if
    /// the set holds only maps with one key type.
    fn tparam_map_key(&self, t: TyId) -> Option<TyId> {
        let mut key = None;
        for x in self.tys.tparam_terms(t)? {
            let T::Map(k, _) = self.tys.get(self.tys.under(x.ty)) else { return None };
            match key {
                Some(prev) if !self.tys.identical(prev, *k) => return None,
                _ => key = Some(*k),
            }
        }
        key
    }

    /// Whether `t` is a type parameter whose set holds only strings and
    /// byte slices (types2's `bytestring` core type, for `append` and
    /// `copy`).
    pub(crate) fn is_bytestring(&self, t: TyId) -> bool {
        self.tys.tparam_terms(t).is_some_and(|ts| {
            !ts.is_empty()
                && ts.iter().all(|x| {
                    let u = self.tys.under(x.ty);
                    self.tys.is_string(u)
                        || matches!(self.tys.get(u), T::Slice(e) if self.tys.basic_kind(*e) == Some(BasicKind::Uint8))
                })
        })
    }

    /// Whether `t` is a type parameter with a string type in its set.
    pub(crate) fn tparam_has_string(&self, t: TyId) -> bool {
        self.tys.tparam_terms(t).is_some_and(|ts| ts.iter().any(|x| self.tys.is_string(self.tys.under(x.ty))))
    }

    fn is_bytes_or_runes(&self, t: TyId) -> bool {
        match self.tys.get(self.tys.under(t)) {
            T::Slice(e) => matches!(self.tys.basic_kind(*e), Some(BasicKind::Uint8 | BasicKind::Int32)),
            _ => false,
        }
    }

    fn convertible_to(&mut self, x: &Operand<'a>, t: TyId, cause: &mut String) -> bool {
        if self.assignable_to(x, t, Some(cause)) {
            return true;
        }
        let v = x.ty;
        let (vu, tu) = (self.tys.under(v), self.tys.under(t));
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (T::Pointer(a), T::Pointer(b)) = (self.tys.get(v).clone(), self.tys.get(t).clone()) {
            let (au, bu) = (self.tys.under(a), self.tys.under(b));
            if self.identical_ignore_tags(au, bu) {
                return true;
            }
        }
        let int_or_float = |c: &Self, t: TyId| c.tys.is_integer(t) || c.tys.is_float(t);
        if int_or_float(self, vu) && int_or_float(self, tu) {
            return true;
        }
        if self.tys.is_complex(vu) && self.tys.is_complex(tu) {
            return true;
        }
        if (self.tys.is_integer(vu) || self.is_bytes_or_runes(vu)) && self.tys.is_string(tu) {
            return true;
        }
        if self.tys.is_string(vu) && self.is_bytes_or_runes(tu) {
            return true;
        }
        // unsafe.Pointer ↔ any pointer or uintptr.
        let is_unsafe = |c: &Self, t: TyId| matches!(c.tys.get(t), T::Basic(BasicKind::UnsafePointer));
        let ptr_or_uintptr = |c: &Self, t: TyId| {
            matches!(c.tys.get(t), T::Pointer(_) | T::Basic(BasicKind::Uintptr) | T::Alias(_, BasicKind::Uintptr))
        };
        if (is_unsafe(self, vu) && ptr_or_uintptr(self, tu)) || (ptr_or_uintptr(self, vu) && is_unsafe(self, tu)) {
            return true;
        }
        // []T → [N]T (Go 1.20).
        if let (T::Slice(se), T::Array(_, ae)) = (self.tys.get(vu).clone(), self.tys.get(tu).clone())
            && self.tys.identical(se, ae)
        {
            return self.version_cause(x, "conversion of slice to array", LangVersion::GO1_20, cause);
        }
        // []T → *[N]T (Go 1.17).
        if let (T::Slice(se), T::Pointer(p)) = (self.tys.get(vu).clone(), self.tys.get(tu).clone())
            && let T::Array(_, ae) = self.tys.get(self.tys.under(p)).clone()
            && self.tys.identical(se, ae)
        {
            return self.version_cause(x, "conversion of slice to array pointer", LangVersion::GO1_17, cause);
        }
        self.convertible_generic(x, t, cause)
    }

    /// Whether the file of `x` may use a conversion of Go `version`; if
    /// not, `cause` says so in gc's words (`... requires go1.N or later`,
    /// with gc's hint about where the version was set).
    fn version_cause(&self, x: &Operand<'a>, what: &str, version: LangVersion, cause: &mut String) -> bool {
        let pos = x.start_pos();
        if self.allows(pos, version) {
            return true;
        }
        *cause = self.version_message(pos, &format!("{what} requires {version} or later"));
        false
    }

    fn identical_ignore_tags(&mut self, a: TyId, b: TyId) -> bool {
        if self.tys.identical(a, b) {
            return true;
        }
        match (self.tys.get(a).clone(), self.tys.get(b).clone()) {
            (T::Struct(fa), T::Struct(fb)) => {
                fa.len() == fb.len()
                    && fa.iter().zip(&fb).all(|(x, y)| {
                        x.name == y.name && x.embedded == y.embedded && self.identical_ignore_tags(x.ty, y.ty)
                    })
            }
            (T::Pointer(x), T::Pointer(y)) | (T::Slice(x), T::Slice(y)) => self.identical_ignore_tags(x, y),
            (T::Array(n, x), T::Array(m, y)) => n == m && self.identical_ignore_tags(x, y),
            (T::Map(k1, v1), T::Map(k2, v2)) => {
                self.identical_ignore_tags(k1, k2) && self.identical_ignore_tags(v1, v2)
            }
            (T::Chan(d1, x), T::Chan(d2, y)) => d1 == d2 && self.identical_ignore_tags(x, y),
            (T::Func(x), T::Func(y)) => {
                let same = |c: &mut Self, p: &[Param], q: &[Param]| {
                    p.len() == q.len() && p.iter().zip(q).all(|(a, b)| c.identical_ignore_tags(a.ty, b.ty))
                };
                x.variadic == y.variadic && same(self, &x.params, &y.params) && same(self, &x.results, &y.results)
            }
            (T::Interface { methods: x, .. }, T::Interface { methods: y, .. }) => {
                x.len() == y.len()
                    && x.iter().zip(&y).all(|(a, b)| a.name == b.name && self.identical_ignore_tags(a.sig, b.sig))
            }
            _ => false,
        }
    }

    // ------------------------------------------------------------------
    // Builtins.

    /// The constant of `unsafe.Offsetof(arg)`: the offset of the selected
    /// field from the start of the struct value the selector's operand
    /// denotes, through embedded fields (not through embedded pointers);
    /// `Some(None)` when a struct on the way has variable size (the offset
    /// is then each instance's, not a constant, as the spec says even of
    /// fields before the variable part); `None` after an error.
    fn offsetof(&mut self, arg: &'a Expr) -> Option<Option<u64>> {
        let mut e = arg;
        while let ExprKind::Paren(x) = &e.kind {
            e = x;
        }
        let ExprKind::Selector { x: base, sel: name } = &e.kind else {
            let s = expr_string(arg);
            self.error(start_pos(arg), format!("invalid argument: {s} is not a selector expression"));
            return None;
        };
        let sel = self.info.selections.get(&e.id).cloned()?;
        if sel.kind != crate::model::SelectionKind::FieldVal {
            let s = expr_string(arg);
            self.error(start_pos(arg), format!("invalid argument: {s} is a method value"));
            return None;
        }
        let table = &self.tys.table;
        let mut t = self.info.types.get(&base.id)?.ty;
        let mut offset = 0;
        for (depth, &i) in sel.path.iter().enumerate() {
            let mut u = table.underlying(t);
            if let crate::model::Type::Pointer(p) = table.get(u) {
                if depth > 0 {
                    let b = self.tys.deref_struct_ptr(self.info.types.get(&base.id)?.ty);
                    let bs = self.tys.spelled(b).map_or_else(String::new, |t| self.ts(t));
                    let msg = format!("invalid argument: field {} is embedded via a pointer in {bs}", name.name);
                    self.error(start_pos(arg), msg);
                    return None;
                }
                u = table.underlying(*p);
            }
            let crate::model::Type::Struct(fields) = table.get(u) else { return None };
            offset = crate::sizes::field_offsets(table, fields)[i].saturating_add(offset);
            t = fields[i].ty;
        }
        let base_tv = self.info.types.get(&base.id)?;
        if offset > crate::sizes::MAX_SIZE {
            // Described as the operand it was checked as.
            let mode = if base_tv.mode == crate::model::Mode::Variable { OpMode::Variable } else { OpMode::Value };
            let ty = self.tys.spelled(base_tv.ty)?;
            let b = Operand { mode, ty, val: Value::Unknown, expr: Some(base) };
            let s = self.op_string(&b);
            self.error_at_op(&b, format!("{s} is too large"));
            return None;
        }
        let base_ty = self.tys.deref_struct_ptr(self.info.types.get(&base.id)?.ty);
        Some((!crate::sizes::has_var_size(table, base_ty)).then_some(offset))
    }

    /// Whether every type of type parameter `t`'s set has a length (a
    /// capacity for `cap`).
    fn tparam_has_len(&self, t: TyId, b: Builtin) -> bool {
        let Some(terms) = self.tys.tparam_terms(t) else { return false };
        !terms.is_empty()
            && terms.iter().all(|term| {
                let mut u = self.tys.under(term.ty);
                if let T::Pointer(p) = self.tys.get(u) {
                    u = self.tys.under(*p);
                }
                match self.tys.get(u) {
                    T::Array(..) | T::Slice(_) | T::Chan(..) => true,
                    T::Map(..) => b == Builtin::Len,
                    _ => b == Builtin::Len && self.tys.is_string(u),
                }
            })
    }

    /// `min(xs...)` or `max(xs...)`: every operand must be ordered, and each
    /// is matched with the result so far as the operands of a binary
    /// operator are (an untyped one takes the other's type); all constant
    /// operands give a constant, untyped when they all are.
    fn min_max(&mut self, x: &mut Operand<'a>, b: Builtin, xs: &mut [Operand<'a>]) -> bool {
        let mut acc = xs[0].clone();
        for (i, slot) in xs.iter_mut().enumerate() {
            let mut a = slot.clone();
            if !self.tys.is_ordered(a.ty) {
                let s = self.op_string(&a);
                self.error_at_op(&a, format!("invalid argument: {s} cannot be ordered"));
                return false;
            }
            if i == 0 {
                continue;
            }
            // Both are ordered: only a string and a number cannot meet.
            if self.tys.is_string(acc.ty) == self.tys.is_string(a.ty) {
                let at = a.ty;
                self.convert_untyped(&mut acc, at);
                if acc.is_invalid() {
                    return false;
                }
                let xt = acc.ty;
                self.convert_untyped(&mut a, xt);
                if a.is_invalid() {
                    return false;
                }
            }
            if !self.tys.identical(acc.ty, a.ty) {
                let (xt, at, ae) = (self.ts(acc.ty), self.ts(a.ty), a.expr.map(expr_string).unwrap_or_default());
                self.error_at_op(
                    &a,
                    format!("invalid argument: mismatched types {xt} (previous argument) and {at} (type of {ae})"),
                );
                return false;
            }
            if acc.is_const() && a.is_const() {
                // The operand chosen so far stands for the result (its
                // expression, whose value is the result's).
                let cmp = if b == Builtin::Min { Cmp::Lt } else { Cmp::Gt };
                if a.val.compare(cmp, &acc.val) {
                    acc = a.clone();
                }
            } else {
                acc.mode = OpMode::Value;
                acc.val = Value::Unknown;
            }
            *slot = a;
        }
        // A typed result is the type of every operand (lowering converts
        // them); an untyped one is a constant, whose operands are never
        // evaluated.
        if !self.tys.is_untyped(acc.ty) {
            let t = acc.ty;
            for a in xs.iter() {
                if let Some(e) = a.expr
                    && self.tys.is_untyped(a.ty)
                {
                    self.update_expr_type(e, t, true);
                }
            }
        }
        x.mode = if acc.is_const() { OpMode::Constant } else { OpMode::Value };
        x.ty = acc.ty;
        x.val = acc.val;
        true
    }

    /// Checks a builtin call; returns false after an error.
    /// Whether `a`, an argument of built-in `name`, is of a type parameter
    /// type whose every term has a kind `ok` accepts: valid, but gc
    /// refuses it (since go1.18, go.dev/issue/50937), reported here.
    fn tparam_builtin_arg(&mut self, a: &Operand<'a>, name: &str, ok: impl Fn(BasicKind) -> bool) -> bool {
        let Some(terms) = self.tys.tparam_terms(a.ty) else { return false };
        let all = !terms.is_empty() && terms.iter().all(|t| self.tys.basic_kind(self.tys.under(t.ty)).is_some_and(&ok));
        if all {
            let s = self.op_string(a);
            self.error_at_op(
                a,
                format!("{s} not supported as argument to built-in {name} for go1.18 (see go.dev/issue/50937)"),
            );
        }
        all
    }

    fn builtin(&mut self, x: &mut Operand<'a>, call: &'a Expr, b: Builtin, args: &'a [Expr], ddd: bool) -> bool {
        let name = b.name();
        if ddd && b != Builtin::Append {
            self.error(start_pos(call), format!("{INVALID_OP}invalid use of ... with built-in {name}"));
            self.use_args(args);
            return false;
        }
        let (min, variadic) = match b {
            Builtin::Append => (1, true),
            Builtin::Make => (1, true),
            Builtin::Min | Builtin::Max => (1, true),
            Builtin::Print | Builtin::Println => (0, true),
            Builtin::Recover => (0, false),
            Builtin::Complex | Builtin::Copy | Builtin::Delete | Builtin::Add | Builtin::Slice | Builtin::String => {
                (2, false)
            }
            _ => (1, false),
        };
        // Evaluate arguments (make/new take a type first).
        let mut xs: Vec<Operand<'a>> = Vec::new();
        if !matches!(b, Builtin::Make | Builtin::New) {
            let (list, _) = self.expr_list(args, false);
            xs = list;
            if xs.first().is_some_and(|a| a.is_invalid()) {
                return false;
            }
            if args.is_empty() {
                xs.clear();
            }
        }
        let nargs = if matches!(b, Builtin::Make | Builtin::New) { args.len() } else { xs.len() };
        let msg = if nargs < min {
            Some("not enough")
        } else if !variadic && nargs > min {
            Some("too many")
        } else {
            None
        };
        if let Some(m) = msg {
            let cs = expr_string(call);
            self.error(start_pos(call), format!("{INVALID_OP}{m} arguments for {cs} (expected {min}, found {nargs})"));
            return false;
        }
        // A builtin newer than the file's language version: reported, and
        // its arguments are still checked (as gc does).
        if let Some((what, version)) = builtin_since(b) {
            self.require_version(start_pos(call), what, version);
        }
        match b {
            Builtin::Append => {
                let s = xs[0].ty;
                let elem = match self.slice_elem(&xs[0]) {
                    Ok(e) => e,
                    Err(cause) => {
                        self.error_at_op(&xs[0], format!("invalid append: {cause}"));
                        return false;
                    }
                };
                if nargs == 2 && ddd {
                    let byte_slice = self.tys.intern(T::Slice(BYTE));
                    if self.assignable_to(&xs[0], byte_slice, None)
                        && (self.tys.is_string(xs[1].ty) || self.is_bytestring(xs[1].ty))
                        && !xs[1].is_invalid()
                    {
                        if self.tys.is_untyped(xs[1].ty) {
                            let mut y = xs[1].clone();
                            self.convert_untyped(&mut y, basic(BasicKind::String));
                        }
                        x.mode = OpMode::Value;
                        x.ty = s;
                        return true;
                    }
                }
                let slice_t = self.tys.intern(T::Slice(elem));
                let mut params = vec![s, slice_t];
                params.truncate(2);
                let mut rest: Vec<Operand<'a>> = xs.clone();
                self.arguments(call, call_func(call), args, ddd, &params, true, &mut rest);
                x.mode = OpMode::Value;
                x.ty = s;
            }
            Builtin::Len | Builtin::Cap => {
                let a = xs[0].clone();
                let mut t = self.tys.under(a.ty);
                if let T::Pointer(p) = self.tys.get(t) {
                    let pu = self.tys.under(*p);
                    if matches!(self.tys.get(pu), T::Array(..)) {
                        t = pu;
                    }
                }
                let (mode, val) = match self.tys.get(t).clone() {
                    T::Basic(_) | T::Alias(..) if self.tys.is_string(t) && b == Builtin::Len => {
                        match (&a.mode, &a.val) {
                            (OpMode::Constant, Value::Str(s)) => (OpMode::Constant, Value::int(s.len() as u64)),
                            _ => (OpMode::Value, Value::Unknown),
                        }
                    }
                    T::Array(n, _) => {
                        if a.expr.is_some_and(|e| self.has_call_or_recv(e)) {
                            (OpMode::Value, Value::Unknown)
                        } else {
                            (OpMode::Constant, Value::int(n))
                        }
                    }
                    T::Slice(_) | T::Chan(..) => (OpMode::Value, Value::Unknown),
                    T::Map(..) if b == Builtin::Len => (OpMode::Value, Value::Unknown),
                    T::TypeParam(_) if self.tparam_has_len(t, b) => (OpMode::Value, Value::Unknown),
                    _ => (OpMode::Invalid, Value::Unknown),
                };
                if mode == OpMode::Invalid {
                    if self.tys.under(a.ty) != INVALID {
                        let s = self.op_string(&a);
                        self.error_at_op(&a, format!("invalid argument: {s} for built-in {name}"));
                    }
                    return false;
                }
                if self.tys.is_untyped(a.ty) {
                    let mut y = a.clone();
                    self.convert_untyped(&mut y, basic(BasicKind::String));
                }
                x.mode = mode;
                x.ty = basic(BasicKind::Int);
                x.val = val;
            }
            Builtin::Close => {
                let a = &xs[0];
                let s = self.op_string(a);
                // A type parameter: each type of its set (no core type needed).
                let dirs: Vec<Option<syntax::ast::ChanDir>> = match self.tys.tparam_terms(a.ty) {
                    Some(ts) if !ts.is_empty() => ts
                        .iter()
                        .map(|t| match self.tys.get(self.tys.under(t.ty)) {
                            T::Chan(d, _) => Some(*d),
                            _ => None,
                        })
                        .collect(),
                    _ => vec![match self.tys.get(self.tys.core(a.ty)) {
                        T::Chan(d, _) => Some(*d),
                        _ => None,
                    }],
                };
                let shape = if dirs.contains(&None) {
                    T::Tuple(vec![])
                } else if dirs.contains(&Some(syntax::ast::ChanDir::Recv)) {
                    T::Chan(syntax::ast::ChanDir::Recv, INVALID)
                } else {
                    T::Chan(syntax::ast::ChanDir::Both, INVALID)
                };
                match &shape {
                    T::Chan(syntax::ast::ChanDir::Recv, _) => {
                        self.error_at_op(a, format!("{INVALID_OP}cannot close receive-only channel {s}"));
                        return false;
                    }
                    T::Chan(..) => {}
                    _ => {
                        self.error_at_op(a, format!("{INVALID_OP}cannot close non-channel {s}"));
                        return false;
                    }
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Complex => {
                let (mut a, mut c) = (xs[0].clone(), xs[1].clone());
                match (self.tys.is_untyped(a.ty), self.tys.is_untyped(c.ty)) {
                    (false, false) => {}
                    (true, false) => self.convert_untyped(&mut a, c.ty),
                    (false, true) => self.convert_untyped(&mut c, a.ty),
                    (true, true) => {
                        if a.is_const() && c.is_const() {
                            for o in [&mut a, &mut c] {
                                if self.tys.is_numeric(o.ty) && matches!(o.val.to_float(), Value::Float(_)) {
                                    o.ty = basic(BasicKind::UntypedFloat);
                                }
                            }
                        } else {
                            self.convert_untyped(&mut a, basic(BasicKind::Float64));
                            self.convert_untyped(&mut c, basic(BasicKind::Float64));
                        }
                    }
                }
                if a.is_invalid() || c.is_invalid() {
                    return false;
                }
                if !self.tys.identical(a.ty, c.ty) {
                    let (cs, at, ct) = (expr_string(call), self.ts(a.ty), self.ts(c.ty));
                    self.error_at_op(&a, format!("{INVALID_OP}{cs} (mismatched types {at} and {ct})"));
                    return false;
                }
                if self.tparam_builtin_arg(&a, "complex", |k| matches!(k, BasicKind::Float32 | BasicKind::Float64)) {
                    return false;
                }
                let res = match self.tys.basic_kind(a.ty) {
                    Some(BasicKind::Float32) => BasicKind::Complex64,
                    Some(BasicKind::Float64) => BasicKind::Complex128,
                    Some(BasicKind::UntypedFloat) => BasicKind::UntypedComplex,
                    _ => {
                        let at = self.ts(a.ty);
                        self.error_at_op(
                            &a,
                            format!("invalid argument: arguments have type {at}, expected floating-point"),
                        );
                        return false;
                    }
                };
                if a.is_const() && c.is_const() {
                    x.val = match (a.val.to_float(), c.val.to_float()) {
                        (Value::Float(re), Value::Float(im)) => Value::Complex(re, im),
                        _ => Value::Unknown,
                    };
                    x.mode = OpMode::Constant;
                } else {
                    x.mode = OpMode::Value;
                }
                x.ty = basic(res);
            }
            Builtin::Sizeof | Builtin::Alignof => {
                let mut a = xs[0].clone();
                if self.tys.is_untyped(a.ty) {
                    let t = self.tys.default_type(a.ty);
                    self.convert_untyped(&mut a, t);
                }
                x.ty = basic(BasicKind::Uintptr);
                if self.has_var_size(a.ty) {
                    x.mode = OpMode::Value;
                    return true;
                }
                let (size, align) = crate::sizes::size_align(&self.tys.table, self.tys.canon(a.ty));
                if size > crate::sizes::MAX_SIZE {
                    let s = self.op_string(&a);
                    self.error_at_op(&a, format!("{s} is too large"));
                    return false;
                }
                x.mode = OpMode::Constant;
                x.val = Value::int(if b == Builtin::Sizeof { size } else { align });
            }
            Builtin::Offsetof => {
                let Some(offset) = self.offsetof(&args[0]) else { return false };
                x.ty = basic(BasicKind::Uintptr);
                match offset {
                    Some(offset) => {
                        x.mode = OpMode::Constant;
                        x.val = Value::int(offset);
                    }
                    None => x.mode = OpMode::Value,
                }
            }
            Builtin::Add => {
                let mut p = xs[0].clone();
                self.assignment(&mut p, Some(basic(BasicKind::UnsafePointer)), "argument to unsafe.Add");
                let mut n = xs[1].clone();
                if p.is_invalid() || !self.is_valid_index(&mut n, "length", true) {
                    return false;
                }
                x.mode = OpMode::Value;
                x.ty = basic(BasicKind::UnsafePointer);
            }
            Builtin::Slice => {
                let T::Pointer(elem) = *self.tys.get(self.tys.common_under(xs[0].ty, false).unwrap_or(INVALID)) else {
                    let s = self.op_string(&xs[0]);
                    self.error_at_op(&xs[0], format!("invalid argument: {s} is not a pointer"));
                    return false;
                };
                let mut n = xs[1].clone();
                if !self.is_valid_index(&mut n, "length", false) {
                    return false;
                }
                x.mode = OpMode::Value;
                x.ty = self.tys.intern(T::Slice(elem));
            }
            Builtin::String => {
                let mut p = xs[0].clone();
                let byte_ptr = self.tys.intern(T::Pointer(BYTE));
                self.assignment(&mut p, Some(byte_ptr), "argument to unsafe.String");
                let mut n = xs[1].clone();
                if p.is_invalid() || !self.is_valid_index(&mut n, "length", false) {
                    return false;
                }
                x.mode = OpMode::Value;
                x.ty = basic(BasicKind::String);
            }
            Builtin::StringData => {
                let mut a = xs[0].clone();
                self.assignment(&mut a, Some(basic(BasicKind::String)), "argument to unsafe.StringData");
                if a.is_invalid() {
                    return false;
                }
                x.mode = OpMode::Value;
                x.ty = self.tys.intern(T::Pointer(BYTE));
            }
            Builtin::SliceData => {
                let T::Slice(elem) = *self.tys.get(self.tys.common_under(xs[0].ty, false).unwrap_or(INVALID)) else {
                    let s = self.op_string(&xs[0]);
                    self.error_at_op(&xs[0], format!("invalid argument: {s} is not a slice"));
                    return false;
                };
                x.mode = OpMode::Value;
                x.ty = self.tys.intern(T::Pointer(elem));
            }
            Builtin::Clear => {
                let a = &xs[0];
                if !matches!(self.tys.get(self.tys.core(a.ty)), T::Map(..) | T::Slice(_)) {
                    let s = self.op_string(a);
                    self.error_at_op(
                        a,
                        format!(
                            "invalid argument: cannot clear {s}: argument must be (or constrained by) map or slice"
                        ),
                    );
                    return false;
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Min | Builtin::Max => return self.min_max(x, b, &mut xs),
            Builtin::Real | Builtin::Imag => {
                let mut a = xs[0].clone();
                if self.tys.is_untyped(a.ty) {
                    if a.is_const() {
                        if self.tys.is_numeric(a.ty) {
                            a.ty = basic(BasicKind::UntypedComplex);
                        }
                    } else {
                        self.convert_untyped(&mut a, basic(BasicKind::Complex128));
                        if a.is_invalid() {
                            return false;
                        }
                    }
                }
                let name = if b == Builtin::Real { "real" } else { "imag" };
                if self.tparam_builtin_arg(&a, name, |k| matches!(k, BasicKind::Complex64 | BasicKind::Complex128)) {
                    return false;
                }
                let res = match self.tys.basic_kind(a.ty) {
                    Some(BasicKind::Complex64) => BasicKind::Float32,
                    Some(BasicKind::Complex128) => BasicKind::Float64,
                    Some(BasicKind::UntypedComplex) => BasicKind::UntypedFloat,
                    _ => {
                        let at = self.ts(a.ty);
                        self.error_at_op(
                            &a,
                            format!("invalid argument: argument has type {at}, expected complex type"),
                        );
                        return false;
                    }
                };
                if a.is_const() {
                    x.val = match a.val.to_complex() {
                        Value::Complex(re, im) => Value::Float(if b == Builtin::Real { re } else { im }),
                        _ => Value::Unknown,
                    };
                    x.mode = OpMode::Constant;
                } else {
                    x.mode = OpMode::Value;
                }
                x.ty = basic(res);
            }
            Builtin::Copy => {
                let (a, c) = (xs[0].clone(), xs[1].clone());
                let dst = match self.tys.get(self.tys.core(a.ty)) {
                    T::Slice(e) => Some(*e),
                    _ => None,
                };
                let src = if self.tys.is_string(c.ty) {
                    Some(BYTE)
                } else {
                    match self.tys.get(self.tys.core(c.ty)) {
                        T::Slice(e) => Some(*e),
                        _ => None,
                    }
                };
                // The first argument not a slice is the error, else the second.
                let (Some(d), Some(s)) = (dst, src) else {
                    let bad = if dst.is_none() { &a } else { &c };
                    let cause = if bad.is_nil() { "untyped nil".to_string() } else { self.op_string(bad) };
                    self.error_at_op(bad, format!("invalid copy: argument must be a slice; have {cause}"));
                    return false;
                };
                if !self.tys.identical(d, s) {
                    let (as_, cs, dt, st) = (self.op_string(&a), self.op_string(&c), self.ts(d), self.ts(s));
                    self.error_at_op(
                        &a,
                        format!("invalid copy: arguments {as_} and {cs} have different element types {dt} and {st}"),
                    );
                    return false;
                }
                if self.tys.is_untyped(c.ty) {
                    let mut y = c.clone();
                    self.convert_untyped(&mut y, basic(BasicKind::String));
                }
                x.mode = OpMode::Value;
                x.ty = basic(BasicKind::Int);
            }
            Builtin::Delete => {
                let a = xs[0].clone();
                let key = match self.tys.get(self.tys.core(a.ty)) {
                    T::Map(k, _) => *k,
                    _ if let Some(k) = self.tparam_map_key(a.ty) => k,
                    _ => {
                        let s = self.op_string(&a);
                        self.error_at_op(&a, format!("invalid argument: {s} is not a map"));
                        return false;
                    }
                };
                let mut k = xs[1].clone();
                self.assignment(&mut k, Some(key), "argument to delete");
                if k.is_invalid() {
                    return false;
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Make => {
                let arg0 = &args[0];
                let t = self.expr_as_type(arg0);
                if t == INVALID {
                    self.use_args(&args[1..]);
                    return false;
                }
                let min = match self.tys.get(self.tys.core(t)) {
                    T::Slice(_) => 2,
                    T::Map(..) | T::Chan(..) => 1,
                    _ => {
                        let s = expr_string(arg0);
                        self.error(
                            start_pos(arg0),
                            format!("invalid argument: cannot make {s}: type must be slice, map, or channel"),
                        );
                        self.use_args(&args[1..]);
                        return false;
                    }
                };
                if nargs < min || min + 1 < nargs {
                    let cs = expr_string(call);
                    self.error(
                        start_pos(call),
                        format!("{INVALID_OP}{cs} expects {min} or {} arguments; found {nargs}", min + 1),
                    );
                    self.use_args(&args[1..]);
                    return false;
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    let (_, v) = self.index(a, -1);
                    if v >= 0 {
                        sizes.push(v);
                    }
                }
                if sizes.len() == 2 && sizes[0] > sizes[1] {
                    self.error(start_pos(&args[1]), "invalid argument: length and capacity swapped");
                }
                self.check_chan_elems(t, call.pos);
                x.mode = OpMode::Value;
                x.ty = t;
            }
            Builtin::New => {
                let mut a = Operand::invalid(None);
                self.expr_or_type(&mut a, &args[0]);
                match a.mode {
                    OpMode::Invalid => return false,
                    OpMode::TypeExpr => {
                        let at = start_pos(&args[0]);
                        self.later.push(crate::check::LaterCheck::VarType(a.ty, at));
                    }
                    OpMode::Nil => {
                        self.error(start_pos(&args[0]), "use of untyped nil in argument to new");
                        return false;
                    }
                    OpMode::Builtin(_) => {
                        let s = self.op_string(&a);
                        self.error(start_pos(&args[0]), format!("{s} must be called"));
                        return false;
                    }
                    // Go 1.26's new(expr): a pointer to a fresh variable
                    // holding the value, of its default type if untyped.
                    _ => {
                        let what = format!("new({})", expr_string(&args[0]));
                        self.require_version(start_pos(call), &what, LangVersion::GO1_26);
                        self.assignment(&mut a, None, "argument to new");
                        if a.is_invalid() {
                            return false;
                        }
                    }
                }
                x.mode = OpMode::Value;
                x.ty = self.tys.intern(T::Pointer(a.ty));
            }
            Builtin::Panic => {
                let any = self.tys.intern(T::iface(vec![]));
                let mut a = xs[0].clone();
                self.assignment(&mut a, Some(any), "argument to panic");
                if a.is_invalid() {
                    return false;
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Print | Builtin::Println => {
                for a in xs.iter_mut() {
                    self.assignment(a, None, &format!("argument to {name}"));
                    if a.is_invalid() {
                        return false;
                    }
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Recover => {
                x.mode = OpMode::Value;
                x.ty = self.tys.intern(T::iface(vec![]));
            }
        }
        true
    }
}

/// The Go version that introduced a builtin, with gc's name for it in the
/// `requires go1.N or later` error; `None` for those of Go 1.0.
fn builtin_since(b: Builtin) -> Option<(&'static str, LangVersion)> {
    match b {
        Builtin::Add => Some(("unsafe.Add", LangVersion::GO1_17)),
        Builtin::Slice => Some(("unsafe.Slice", LangVersion::GO1_17)),
        Builtin::String => Some(("unsafe.String", LangVersion::GO1_20)),
        Builtin::StringData => Some(("unsafe.StringData", LangVersion::GO1_20)),
        Builtin::SliceData => Some(("unsafe.SliceData", LangVersion::GO1_20)),
        Builtin::Min => Some(("built-in min", LangVersion::GO1_21)),
        Builtin::Max => Some(("built-in max", LangVersion::GO1_21)),
        Builtin::Clear => Some(("clear", LangVersion::GO1_21)),
        _ => None,
    }
}

fn call_func(call: &Expr) -> &Expr {
    match &call.kind {
        ExprKind::Call { func, .. } => func,
        _ => call,
    }
}

impl<'a> Checker<'a> {
    /// Whether checked expression `e` contains a receive or a call that is
    /// neither a conversion nor constant (types2's `hasCallOrRecv`), which
    /// makes `len`/`cap` of an array non-constant: `len(((*T)(nil)).a)` is
    /// constant, `len(f().a)` is not.
    fn has_call_or_recv(&self, e: &Expr) -> bool {
        let recurse = |x: &Expr| self.has_call_or_recv(x);
        match &e.kind {
            ExprKind::Call { func, args, .. } => {
                let tv = |id| self.info.types.get(id);
                if tv(&e.id).is_some_and(|t| t.value.is_some()) {
                    false
                } else if tv(&func.id).is_some_and(|t| t.mode == Mode::TypeExpr) {
                    args.iter().any(recurse)
                } else {
                    true
                }
            }
            ExprKind::Unary { op: syntax::ast::UnaryOp::Recv, .. } => true,
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => recurse(x),
            ExprKind::Selector { x, .. } => recurse(x),
            ExprKind::Index { x, indices } => recurse(x) || indices.iter().any(recurse),
            ExprKind::Binary { x, y, .. } => recurse(x) || recurse(y),
            ExprKind::CompositeLit { elems, .. } => {
                elems.iter().any(|kv| recurse(&kv.value) || kv.key.as_ref().is_some_and(recurse))
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                recurse(x) || [lo, hi, max].iter().any(|i| i.as_deref().is_some_and(recurse))
            }
            ExprKind::TypeAssert { x, .. } => recurse(x),
            _ => false,
        }
    }

    /// The element type of the slices `x`'s type stands for (every type of
    /// a type parameter's set must be a slice, all of one element type),
    /// or why there is none, as types2's `sliceElem` words it.
    fn slice_elem(&self, x: &Operand<'a>) -> Result<TyId, String> {
        let types = self.tys.tparam_terms(x.ty).map_or(vec![x.ty], |ts| ts.iter().map(|t| t.ty).collect());
        let mut elem = None;
        for t in types.iter().copied().chain(types.is_empty().then_some(x.ty)) {
            let T::Slice(e) = *self.tys.get(self.tys.under(t)) else {
                return Err(match x.is_nil() {
                    true => "argument must be a slice; have untyped nil".into(),
                    false => format!("argument must be a slice; have {}", self.op_string(x)),
                });
            };
            match elem {
                Some(e0) if !self.tys.identical(e0, e) => {
                    let (a, b, xs) = (self.ts(e0), self.ts(e), self.op_string(x));
                    return Err(format!("mismatched slice element types {a} and {b} in {xs}"));
                }
                _ => elem = Some(e),
            }
        }
        Ok(elem.unwrap_or(INVALID))
    }
}
