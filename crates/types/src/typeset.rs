//! Type sets of constraint interfaces and type parameters, and core types.
//!
//! An interface's type set is the set of types implementing its methods,
//! narrowed by its type terms and by `comparable` ([`TypeSet`]). Terms are
//! kept as a union (`~int | string`): a union's set is the union of its
//! terms'; embedding intersects. Sets are normalized as they are built:
//! no term is repeated or included in another (`int` goes when `~int` is
//! there), so an empty list is the empty set.
//!
//! A type parameter's operations are those every type of its constraint's
//! set allows. Its *core type* (spec: "Core types") is the one underlying
//! type all types of the set share; operations on structure (indexing,
//! ranging, calling, composite literals) go through it.
//!
//! Invariant: only `T::TypeParam` types have sets here; for every other type
//! [`Types::core`] is the underlying type, so callers may use `core`
//! wherever they used `under` and gain type parameters.

use crate::model::ObjId;
use crate::types::{INVALID, Method, T, Term, TyId, TypeSet, Types};

/// Why a type set has no common underlying type ([`Types::common_under`]).
#[derive(Clone, Copy, Debug)]
pub(crate) enum CoreError {
    /// The set has no specific types (no terms, or it is empty).
    NoSpecificType,
    /// Two types of the set have different underlying types.
    Different(TyId, TyId),
    /// Two channel types of the set have different element types.
    ChanElems(TyId, TyId),
    /// Two channel types of the set have conflicting directions.
    ChanDirs(TyId, TyId),
    /// A type of the set does not fit the caller's need, and why.
    Unfit(TyId, &'static str),
}

impl crate::check::Checker<'_> {
    /// A [`CoreError`] as types2 words it.
    pub(crate) fn core_error_string(&self, e: CoreError) -> String {
        match e {
            CoreError::NoSpecificType => "no specific type".into(),
            CoreError::Different(a, b) => format!("{} and {} have different underlying types", self.ts(a), self.ts(b)),
            CoreError::ChanElems(a, b) => {
                format!("channels {} and {} have different element types", self.ts(a), self.ts(b))
            }
            CoreError::ChanDirs(a, b) => {
                format!("channels {} and {} have conflicting directions", self.ts(a), self.ts(b))
            }
            CoreError::Unfit(t, why) => format!("{} {why}", self.ts(t)),
        }
    }
}

impl Types {
    /// The terms of the type set of type parameter `t`: `None` if `t` is
    /// not a type parameter, an empty list when the set has no specific
    /// types (no terms: every type) or is empty.
    pub(crate) fn tparam_terms(&self, t: TyId) -> Option<Vec<Term>> {
        let T::TypeParam(p) = self.get(t) else { return None };
        Some(self.tparam_set(*p).1.terms.unwrap_or_default())
    }

    /// The methods and type set of type parameter `p`'s constraint.
    pub(crate) fn tparam_set(&self, p: ObjId) -> (Vec<Method>, TypeSet) {
        let Some(c) = self.tparams.get(&p).map(|d| d.constraint) else { return (Vec::new(), TypeSet::default()) };
        match self.get(self.under(c)) {
            T::Interface { methods, set, .. } => (methods.clone(), set.clone()),
            _ => (Vec::new(), TypeSet::default()),
        }
    }

    /// Whether every type of type parameter `p`'s set is comparable;
    /// `depth` bounds the walk, as a set may mention `p` itself
    /// (`[P C[C[P]]]`).
    pub(crate) fn tparam_comparable(&self, p: ObjId, depth: u32) -> bool {
        let set = self.tparam_set(p).1;
        match &set.terms {
            None => set.comparable,
            Some(ts) => !ts.is_empty() && ts.iter().all(|t| self.comparable_depth(t.ty, true, depth + 1)),
        }
    }

    /// The core type of `t`: its underlying type, or for a type parameter
    /// the underlying type shared by every type of its set (the type
    /// parameter itself when there is none).
    pub(crate) fn core(&self, t: TyId) -> TyId {
        let Some(terms) = self.tparam_terms(t) else { return self.under(t) };
        let Some(first) = terms.first() else { return t };
        let u = self.under(first.ty);
        if terms.iter().all(|x| self.identical(self.under(x.ty), u)) { u } else { t }
    }

    /// The underlying type every type of `t`'s set shares (types2's
    /// `commonUnder`; `t`'s own underlying type when it is not a type
    /// parameter), or why there is none. Channels of one element type
    /// share the most restricted direction when `chans` is set.
    pub(crate) fn common_under(&self, t: TyId, chans: bool) -> Result<TyId, CoreError> {
        self.common_under_where(t, chans, &|_| None)
    }

    /// [`Types::common_under`] of types whose underlying types must fit:
    /// `unfit` says why one does not (`is not a function`), and the first
    /// such type, in the set's order, is the error.
    pub(crate) fn common_under_where(
        &self,
        t: TyId,
        chans: bool,
        unfit: &dyn Fn(&T) -> Option<&'static str>,
    ) -> Result<TyId, CoreError> {
        let check = |ty: TyId, u: TyId| unfit(self.get(u)).map_or(Ok(()), |why| Err(CoreError::Unfit(ty, why)));
        let Some(terms) = self.tparam_terms(t) else {
            let u = self.under(t);
            return check(t, u).map(|()| u);
        };
        let Some(first) = terms.first() else { return Err(CoreError::NoSpecificType) };
        let (mut ct, mut cu) = (first.ty, self.under(first.ty));
        check(ct, cu)?;
        for term in &terms[1..] {
            let u = self.under(term.ty);
            check(term.ty, u)?;
            if let (true, T::Chan(d0, e0), T::Chan(d1, e1)) = (chans, self.get(cu), self.get(u)) {
                use syntax::ast::ChanDir::Both;
                if !self.identical(*e0, *e1) {
                    return Err(CoreError::ChanElems(ct, term.ty));
                }
                match (*d0, *d1) {
                    (a, b) if a == b => {}
                    (Both, _) => (ct, cu) = (term.ty, u),
                    (_, Both) => {}
                    _ => return Err(CoreError::ChanDirs(ct, term.ty)),
                }
                continue;
            }
            if !self.identical(cu, u) {
                return Err(CoreError::Different(ct, term.ty));
            }
        }
        Ok(cu)
    }

    /// The type set of interface `t` (underlying), if it is one.
    pub(crate) fn iface_set(&self, t: TyId) -> Option<&TypeSet> {
        match self.get(self.under(t)) {
            T::Interface { set, .. } => Some(set),
            _ => None,
        }
    }

    /// Whether `ty` is in the set of `term`.
    pub(crate) fn term_includes(&self, term: Term, ty: TyId) -> bool {
        if term.tilde { self.identical(self.under(ty), term.ty) } else { self.identical(ty, term.ty) }
    }

    /// The intersection of two terms, if not empty.
    fn term_meet(&self, a: Term, b: Term) -> Option<Term> {
        match (a.tilde, b.tilde) {
            (true, true) => self.identical(a.ty, b.ty).then_some(a),
            (true, false) => self.term_includes(a, b.ty).then_some(b),
            (false, true) => self.term_includes(b, a.ty).then_some(a),
            (false, false) => self.identical(a.ty, b.ty).then_some(a),
        }
    }

    /// Whether two terms' sets share a type (`int | ~int` overlap).
    pub(crate) fn terms_overlap(&self, a: Term, b: Term) -> bool {
        self.term_meet(a, b).is_some()
    }

    /// Whether term `a`'s set includes term `b`'s.
    fn term_covers(&self, a: Term, b: Term) -> bool {
        match (a.tilde, b.tilde) {
            (true, _) => self.identical(a.ty, self.under(b.ty)),
            (false, true) => false,
            (false, false) => self.identical(a.ty, b.ty),
        }
    }

    /// `list` normalized: terms included in another one dropped (the
    /// first of equal ones kept).
    pub(crate) fn normalize_terms(&self, list: Vec<Term>) -> Vec<Term> {
        let mut out: Vec<Term> = Vec::new();
        for (i, &t) in list.iter().enumerate() {
            let covered = list
                .iter()
                .enumerate()
                .any(|(j, &o)| j != i && self.term_covers(o, t) && (!self.term_covers(t, o) || j < i));
            if !covered {
                out.push(t);
            }
        }
        out
    }

    /// The intersection of two type sets (embedding both in one interface).
    /// `comparable` with terms keeps the strictly comparable terms only
    /// (`interface{ comparable; [2]any | int }` is `int`).
    pub(crate) fn meet_sets(&self, a: &TypeSet, b: &TypeSet) -> TypeSet {
        let terms = match (&a.terms, &b.terms) {
            (None, x) | (x, None) => x.clone(),
            (Some(x), Some(y)) => {
                let meets = x.iter().flat_map(|&s| y.iter().filter_map(move |&t| self.term_meet(s, t)));
                Some(self.normalize_terms(meets.collect()))
            }
        };
        match terms {
            Some(ts) if a.comparable || b.comparable => {
                let ts = ts.into_iter().filter(|t| self.strictly_comparable(t.ty)).collect();
                TypeSet { comparable: false, terms: Some(ts) }
            }
            terms => TypeSet { comparable: a.comparable || b.comparable, terms },
        }
    }

    /// Whether every type of `sub` (a term list, `None` every type) is in
    /// `sup`.
    pub(crate) fn terms_subset(&self, sub: &Option<Vec<Term>>, sup: &Option<Vec<Term>>) -> bool {
        match (sub, sup) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(xs), Some(ys)) => xs.iter().all(|&x| ys.iter().any(|&y| self.term_covers(y, x))),
        }
    }

    /// Whether `t` is an interface or type parameter with an empty type set.
    pub(crate) fn empty_type_set(&self, t: TyId) -> bool {
        let set = match self.get(t) {
            T::TypeParam(p) => self.tparam_set(*p).1,
            _ => match self.iface_set(t) {
                Some(s) => s.clone(),
                None => return false,
            },
        };
        set.terms.is_some_and(|ts| ts.is_empty())
    }

    /// Whether `t` is the invalid type (after an error).
    pub(crate) fn is_invalid(&self, t: TyId) -> bool {
        self.under(t) == INVALID
    }
}
