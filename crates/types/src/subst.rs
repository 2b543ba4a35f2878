//! Substitution of type arguments for type parameters: the one seam
//! through which generic types become instances.
//!
//! [`Types::subst`] rebuilds a type with every type parameter of a
//! [`Subst`] replaced by its argument; instances met on the way are made
//! with [`Types::instance`], which expands them in turn (their underlying
//! type is the generic type's, substituted). Everything that instantiates
//! goes through here: instances of generic types, signatures of generic
//! functions (explicit or inferred type arguments), methods selected on an
//! instance (their receiver type parameters bound to its arguments), and
//! constraints checked against type arguments.
//!
//! Invariants: a substitution that changes nothing returns the type it
//! was given (so identity is preserved cheaply); an instance is registered
//! before it is expanded, so a generic type that refers to itself (`type
//! List[T any] struct{ next *List[T] }`) terminates; expansions nest at most
//! [`MAX_EXPANSION`] deep, beyond which an instance keeps an invalid
//! underlying type (gc rejects such programs as instantiation cycles).

use crate::model::ObjId;
use crate::types::{INVALID, Method, Param, Sig, T, Term, TyId, TypeSet, Types, Written};

/// How deep instance expansions may nest.
const MAX_EXPANSION: u32 = 64;

/// A mapping from type parameters to type arguments.
#[derive(Clone, Debug, Default)]
pub(crate) struct Subst {
    pub from: Vec<TyId>,
    pub to: Vec<TyId>,
}

impl Subst {
    /// Maps `from[i]` to `to[i]`.
    pub(crate) fn new(from: &[TyId], to: &[TyId]) -> Subst {
        Subst { from: from.to_vec(), to: to.to_vec() }
    }

    fn get(&self, t: TyId) -> Option<TyId> {
        self.from.iter().position(|&f| f == t).and_then(|i| self.to.get(i).copied())
    }
}

impl Types {
    /// The instance `base[args]` of generic type `base`, expanded (or
    /// queued for expansion until `base`'s declaration completes).
    pub(crate) fn instance(&mut self, base: ObjId, args: Vec<TyId>) -> TyId {
        let id = self.intern(T::Inst(base, args));
        let c = self.canon(id);
        if self.inst_under.contains_key(&c) {
            return id;
        }
        self.inst_under.insert(c, INVALID);
        if self.named.get(&base).is_some_and(|n| n.complete) {
            self.expand(id);
        } else {
            self.pending.entry(base).or_default().push(id);
        }
        id
    }

    /// Computes the underlying type of instance `id`.
    pub(crate) fn expand(&mut self, id: TyId) {
        let T::Inst(base, args) = self.get(id).clone() else { return };
        if self.expanding >= MAX_EXPANSION {
            return;
        }
        let tparams = self.generic.get(&base).cloned().unwrap_or_default();
        let Some(mut u) = self.named.get(&base).map(|n| n.underlying) else { return };
        // An instance with the wrong number of arguments (reported where
        // it is written) has an invalid underlying type.
        if tparams.len() != args.len() {
            u = INVALID;
        }
        self.expanding += 1;
        let su = self.subst(u, &Subst::new(&tparams, &args));
        self.expanding -= 1;
        let c = self.canon(id);
        let cu = self.canon(su);
        self.inst_under.insert(c, su);
        if let Some(info) = self.table.instances.get_mut(&c) {
            info.underlying = cu;
        }
        for o in self.inst_waiters.remove(&id).unwrap_or_default() {
            self.set_underlying(o, su);
        }
    }

    /// `t` with the substitution `s` applied.
    pub(crate) fn subst(&mut self, t: TyId, s: &Subst) -> TyId {
        if s.from.is_empty() {
            return t;
        }
        let new = match self.get(t).clone() {
            T::Basic(_) | T::Alias(..) | T::Named(_) | T::Aliased(..) => return t,
            T::TypeParam(_) => return s.get(t).unwrap_or(t),
            T::Pointer(e) => T::Pointer(self.subst(e, s)),
            T::Array(n, e) => T::Array(n, self.subst(e, s)),
            T::Slice(e) => T::Slice(self.subst(e, s)),
            T::Map(k, v) => T::Map(self.subst(k, s), self.subst(v, s)),
            T::Chan(d, e) => T::Chan(d, self.subst(e, s)),
            T::Struct(mut fs) => {
                for f in &mut fs {
                    f.ty = self.subst(f.ty, s);
                }
                T::Struct(fs)
            }
            T::Func(sig) => T::Func(self.subst_sig(&sig, s)),
            T::Tuple(ps) => T::Tuple(self.subst_params(&ps, s)),
            T::Interface { methods, any, set, written } => {
                let mut methods = self.subst_methods(&methods, s);
                let mut set = self.subst_set(&set, s);
                self.complete_embedded(&mut methods, &mut set);
                T::Interface {
                    methods,
                    any,
                    set,
                    written: written.map(|w| {
                        Box::new(Written {
                            methods: self.subst_methods(&w.methods, s),
                            embeds: w.embeds.iter().map(|&e| self.subst(e, s)).collect(),
                            implicit: w.implicit,
                        })
                    }),
                }
            }
            T::Union(terms) => T::Union(self.subst_terms(&terms, s)),
            T::Inst(base, args) => {
                // One with the wrong number of arguments (reported where
                // it is written) substitutes to an invalid type, as in
                // types2, so that what mentions it is not reported again.
                if self.generic.get(&base).is_some_and(|tps| tps.len() != args.len()) {
                    return INVALID;
                }
                let new: Vec<TyId> = args.iter().map(|&a| self.subst(a, s)).collect();
                return if new == args { t } else { self.instance(base, new) };
            }
        };
        if &new == self.get(t) { t } else { self.intern(new) }
    }

    /// A signature with `s` applied (its own type parameters kept).
    pub(crate) fn subst_sig(&mut self, sig: &Sig, s: &Subst) -> Sig {
        Sig {
            params: self.subst_params(&sig.params, s),
            results: self.subst_params(&sig.results, s),
            variadic: sig.variadic,
            tparams: sig.tparams.clone(),
        }
    }

    fn subst_params(&mut self, ps: &[Param], s: &Subst) -> Vec<Param> {
        ps.iter().map(|p| Param { name: p.name.clone(), ty: self.subst(p.ty, s) }).collect()
    }

    fn subst_methods(&mut self, ms: &[Method], s: &Subst) -> Vec<Method> {
        ms.iter().map(|m| Method { name: m.name.clone(), sig: self.subst(m.sig, s) }).collect()
    }

    fn subst_terms(&mut self, ts: &[Term], s: &Subst) -> Vec<Term> {
        ts.iter().map(|t| Term { tilde: t.tilde, ty: self.subst(t.ty, s) }).collect()
    }

    /// An interface literal that embedded an instance of a generic
    /// interface still being declared (`type A2[U interface{ A2[U] }]
    /// ...`) took it for its one type term, its methods and type set
    /// unknown then; substituted once that instance is an interface, it
    /// gets the interface's methods and type set (types2 computes type
    /// sets lazily). No other set is one term of interface type: an
    /// interface embedded when complete gives its own set.
    fn complete_embedded(&mut self, methods: &mut Vec<Method>, set: &mut TypeSet) {
        let Some([Term { tilde: false, ty }]) = set.terms.as_deref() else { return };
        let ty = *ty;
        let (Some(emb_set), Some(emb_methods)) = (self.iface_set(ty).cloned(), self.iface_methods(ty)) else { return };
        for m in emb_methods {
            if !methods.iter().any(|x| x.name == m.name) {
                methods.push(m.clone());
            }
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        *set = emb_set;
    }

    /// Completes the constraints written as such interface literals
    /// ([`Types::complete_embedded`]) once every declaration is: a type
    /// parameter's methods are its constraint's.
    pub(crate) fn complete_constraints(&mut self) {
        let incomplete = |tys: &Types, c: TyId| match tys.get(c) {
            T::Interface { set, .. } => matches!(set.terms.as_deref(),
                Some([Term { tilde: false, ty }]) if tys.iface_set(*ty).is_some()),
            _ => false,
        };
        let mut objs: Vec<ObjId> =
            self.tparams.iter().filter(|(_, p)| incomplete(self, p.constraint)).map(|(&o, _)| o).collect();
        objs.sort();
        for o in objs {
            let T::Interface { mut methods, any, mut set, written } = self.get(self.tparams[&o].constraint).clone()
            else {
                continue;
            };
            self.complete_embedded(&mut methods, &mut set);
            let t = self.intern(T::Interface { methods, any, set, written });
            self.set_constraint(o, t);
        }
    }

    fn subst_set(&mut self, set: &TypeSet, s: &Subst) -> TypeSet {
        let terms = set.terms.as_ref().map(|ts| {
            let ts = self.subst_terms(ts, s);
            self.normalize_terms(ts)
        });
        TypeSet { comparable: set.comparable, terms }
    }

    /// Whether `t` mentions any of the type parameters `tparams`.
    pub(crate) fn mentions(&self, t: TyId, tparams: &[TyId]) -> bool {
        self.mentions_depth(t, tparams, 0)
    }

    fn mentions_depth(&self, t: TyId, tps: &[TyId], depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        let m = |x: TyId| self.mentions_depth(x, tps, depth + 1);
        match self.get(t) {
            T::Basic(_) | T::Alias(..) | T::Named(_) | T::Aliased(..) => false,
            T::TypeParam(_) => tps.contains(&t),
            T::Pointer(e) | T::Array(_, e) | T::Slice(e) | T::Chan(_, e) => m(*e),
            T::Map(k, v) => m(*k) || m(*v),
            T::Struct(fs) => fs.iter().any(|f| m(f.ty)),
            T::Func(s) => s.params.iter().chain(&s.results).any(|p| m(p.ty)),
            T::Tuple(ps) => ps.iter().any(|p| m(p.ty)),
            T::Interface { methods, set, .. } => {
                methods.iter().any(|x| m(x.sig)) || set.terms.iter().flatten().any(|x| m(x.ty))
            }
            T::Union(ts) => ts.iter().any(|x| m(x.ty)),
            T::Inst(_, args) => args.iter().any(|&a| m(a)),
        }
    }

    /// The signature of generic function type `sig` instantiated with
    /// `targs` (no type parameters left).
    pub(crate) fn instantiate_sig(&mut self, sig: &Sig, targs: &[TyId]) -> TyId {
        let s = Subst::new(&sig.tparams, targs);
        let mut inst = self.subst_sig(sig, &s);
        inst.tparams.clear();
        self.intern(T::Func(inst))
    }
}
