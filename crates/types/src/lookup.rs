//! Field and method lookup, method sets and interface satisfaction.
//!
//! [`Checker::lookup_field_or_method`] searches the embedding levels of a
//! type breadth-first, like types2's `LookupFieldOrMethod`: the shallowest
//! match wins, two matches at the same depth are ambiguous. Methods with a
//! pointer receiver are in the method set of `*T` and of addressable `T`
//! operands only.

use crate::check::Checker;
use crate::model::{ObjId, PkgId};
use crate::operand::Operand;
use crate::types::{INVALID, T, TyId};

/// The result of a lookup.
#[derive(Clone, Debug)]
pub(crate) enum Lookup {
    NotFound,
    Ambiguous,
    /// A pointer method on a non-addressable value.
    PtrMethodOnValue,
    Field {
        path: Vec<usize>,
        ty: TyId,
        indirect: bool,
        obj: Option<ObjId>,
        /// The package of the defined type whose struct declares it.
        pkg: Option<crate::model::PkgId>,
    },
    /// `iface`: an interface method (no receiver object to speak of).
    Method {
        path: Vec<usize>,
        obj: ObjId,
        indirect: bool,
        sig: TyId,
        iface: bool,
    },
}

/// What a type has instead of a member it lacks (types2's `lookupError`):
/// nothing near, or the member whose name differs in case only.
pub(crate) enum Near {
    Missing,
    Found {
        kind: NearKind,
        /// The member's name.
        alt: String,
        /// `field` or `method`.
        what: &'static str,
    },
}

/// How a member found by its name's case ignored relates to the selector.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum NearKind {
    /// Another spelling the selector may have meant.
    Misspelled,
    /// The unexported spelling of an exported selector (another package's).
    Unexported,
    /// The selector itself, unexported in another package.
    Inaccessible,
}

/// Why a type does not implement an interface.
pub(crate) enum Missing {
    /// The method is absent; `have` is the signature of a method whose
    /// name differs in case only (gc shows it with the one wanted).
    Method {
        name: String,
        have: Option<(String, String)>,
    },
    PtrRecv(String),
    /// `V.name` is a field (`recv` is V).
    Field {
        recv: String,
        name: String,
    },
    /// `V.name` is ambiguous (`recv` is V).
    Ambiguous {
        recv: String,
        name: String,
    },
    Wrong {
        name: String,
        have: String,
        want: String,
    },
}

impl<'a> Checker<'a> {
    /// Looks up field or method `name` in type `t`.
    pub(crate) fn lookup_field_or_method(&mut self, t: TyId, addressable: bool, name: &str) -> Lookup {
        if name == "_" || t == INVALID {
            return Lookup::NotFound;
        }
        self.lookup_by(t, addressable, &|n: &str| n == name)
    }

    /// The lookup of [`Checker::lookup_field_or_method`] by a predicate on
    /// names. A defined pointer type has no methods, and the methods of
    /// its base type are not its own (spec: a receiver base type is not a
    /// pointer); its fields are those of the base type.
    fn lookup_by(&mut self, t: TyId, addressable: bool, matches: &dyn Fn(&str) -> bool) -> Lookup {
        if let T::Named(_) = self.tys.get(t)
            && let u @ T::Pointer(_) = self.tys.get(self.tys.under(t))
        {
            let ptr = self.tys.intern(u.clone());
            return match self.lookup_levels_by(ptr, addressable, matches) {
                Lookup::Method { .. } | Lookup::PtrMethodOnValue => Lookup::NotFound,
                found => found,
            };
        }
        self.lookup_levels_by(t, addressable, matches)
    }

    /// What `t` has instead of a member named `sel` (types2's
    /// `lookupError` cases): the member whose name equals it but for case
    /// (types2's lookup with `foldCase`), judged by whether its package is
    /// this one and by the spellings. A field of an anonymous struct type
    /// belongs to `anon_pkg` (the defined type's package, for the
    /// underlying struct of a literal's type; else this package).
    pub(crate) fn near_member(&mut self, t: TyId, addressable: bool, sel: &str, anon_pkg: Option<PkgId>) -> Near {
        if sel == "_" || t == INVALID {
            return Near::Missing;
        }
        let folded = sel.to_lowercase();
        let (alt, what, pkg) = match self.lookup_by(t, addressable, &|n: &str| n.to_lowercase() == folded) {
            Lookup::Method { obj, .. } => (self.obj(obj).name.clone(), "method", self.obj(obj).pkg),
            Lookup::Field { path, pkg, .. } => match self.field_name_at(t, &path) {
                Some(n) => (n, "field", pkg.or(anon_pkg)),
                None => return Near::Missing,
            },
            _ => return Near::Missing,
        };
        let exported = |n: &str| n.chars().next().is_some_and(char::is_uppercase);
        let tail = |n: &str| n.chars().skip(1).collect::<String>();
        let same_tail = tail(sel) == tail(&alt);
        let kind = if pkg.is_none() || pkg == self.pkg {
            NearKind::Misspelled
        } else if exported(sel) {
            match (exported(&alt), same_tail) {
                (true, _) => NearKind::Misspelled,
                (false, true) => NearKind::Unexported,
                (false, false) => return Near::Missing,
            }
        } else if exported(&alt) {
            match same_tail {
                true => NearKind::Misspelled,
                false => return Near::Missing,
            }
        } else if sel == alt {
            NearKind::Inaccessible
        } else {
            return Near::Missing;
        };
        Near::Found { kind, alt, what }
    }

    /// Why selector `sel` is not found in `t`, from what it has instead
    /// (`type T has no field or method foo, but does have field Foo`).
    pub(crate) fn lookup_error(&self, t: TyId, sel: &str, near: &Near) -> String {
        let missing = format!("type {} has no field or method {sel}", self.ts(t));
        let Near::Found { kind, alt, what } = near else { return missing };
        match kind {
            NearKind::Misspelled => format!("{missing}, but does have {what} {alt}"),
            NearKind::Unexported => format!("{missing}, but does have unexported {what} {alt}"),
            NearKind::Inaccessible => format!("cannot refer to unexported {what} {alt}"),
        }
    }

    /// Whether `found`, a member of the unexported name `name`, is
    /// declared by another package: the current package cannot refer to
    /// it, as if it were not there.
    pub(crate) fn inaccessible(&self, found: &Lookup, name: &str) -> bool {
        if name.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let pkg = match found {
            Lookup::Field { pkg, .. } => *pkg,
            Lookup::Method { obj, .. } => self.obj(*obj).pkg,
            _ => return false,
        };
        pkg.is_some() && pkg != self.pkg
    }

    /// The name of the field of `t` reached by `path` (indices through
    /// embedded fields).
    fn field_name_at(&self, t: TyId, path: &[usize]) -> Option<String> {
        let mut t = t;
        let mut name = None;
        for &i in path {
            if let T::Pointer(b) = self.tys.get(self.tys.under(t)) {
                t = *b;
            }
            let T::Struct(fs) = self.tys.get(self.tys.under(t)) else { return None };
            let f = fs.get(i)?;
            name = Some(f.name.clone());
            t = f.ty;
        }
        name
    }

    /// The names of the fields `path` walks from `t`, joined by dots
    /// (types2's `fieldPath`: `E.x` for a field `x` promoted from `E`).
    pub(crate) fn field_path(&self, t: TyId, path: &[usize]) -> String {
        (1..=path.len()).filter_map(|n| self.field_name_at(t, &path[..n])).collect::<Vec<_>>().join(".")
    }

    fn lookup_levels_by(&mut self, t: TyId, addressable: bool, matches: &dyn Fn(&str) -> bool) -> Lookup {
        let (start, is_ptr) = match self.tys.get(t) {
            T::Pointer(b) if matches!(self.tys.get(*b), T::TypeParam(_)) => return Lookup::NotFound,
            T::Pointer(b) if !self.tys.is_interface(*b) => (*b, true),
            T::Pointer(_) => return Lookup::NotFound,
            _ => (t, false),
        };
        // Each embedded type to search at this depth: its path, whether it
        // is reached through a pointer, and whether it is reached more than
        // once (what it has is then ambiguous).
        let mut current: Vec<(TyId, Vec<usize>, bool, bool)> = vec![(start, vec![], is_ptr, false)];
        let mut seen: Vec<ObjId> = Vec::new();
        for _depth in 0..32 {
            if current.is_empty() {
                break;
            }
            let mut found: Option<Lookup> = None;
            let mut count = 0;
            let mut next = Vec::new();
            for (typ, path, indirect, multiples) in self.consolidate(current) {
                // A match in a type reached twice counts twice.
                let weight = if multiples { 2 } else { 1 };
                if let Some((o, args)) = self.tys.named_of(typ) {
                    let args = args.to_vec();
                    if seen.contains(&o) {
                        continue;
                    }
                    seen.push(o);
                    let methods = self.tys.named.get(&o).map(|n| n.methods.clone()).unwrap_or_default();
                    if let Some(m) = methods.into_iter().find(|&m| matches(&self.obj(m).name)) {
                        self.obj_decl(m);
                        count += weight;
                        let sig = self.method_sig_on(m, &args);
                        found = Some(Lookup::Method { path: path.clone(), obj: m, indirect, sig, iface: false });
                        // A method hides a field of the same name (only
                        // an error declaration has both).
                        continue;
                    }
                }
                let owner_pkg = self.tys.named_of(typ).and_then(|(o, _)| self.obj(o).pkg);
                // A type parameter has the methods of its constraint.
                let structure = match self.tys.get(typ) {
                    T::TypeParam(p) => {
                        let methods = self.tys.tparam_set(*p).0;
                        T::iface(methods)
                    }
                    _ => self.tys.get(self.tys.under(typ)).clone(),
                };
                match structure {
                    T::Struct(fs) => {
                        for (i, f) in fs.iter().enumerate() {
                            let mut p = path.clone();
                            p.push(i);
                            if matches(&f.name) {
                                count += weight;
                                found = Some(Lookup::Field {
                                    path: p.clone(),
                                    ty: f.ty,
                                    indirect,
                                    obj: None,
                                    pkg: owner_pkg,
                                });
                            }
                            if f.embedded {
                                let (ft, ptr) = match self.tys.get(f.ty) {
                                    T::Pointer(b) => (*b, true),
                                    _ => (f.ty, false),
                                };
                                next.push((ft, p, indirect || ptr, multiples));
                            }
                        }
                    }
                    T::Interface { methods, .. } => {
                        for m in methods {
                            if matches(&m.name) {
                                count += weight;
                                // Interface methods have no object; use a
                                // synthetic one so callers can record it.
                                let obj = self.iface_method_obj(typ, &m.name, m.sig);
                                found =
                                    Some(Lookup::Method { path: path.clone(), obj, indirect, sig: m.sig, iface: true });
                            }
                        }
                    }
                    _ => {}
                }
            }
            if count > 1 {
                return Lookup::Ambiguous;
            }
            if let Some(f) = found {
                if let Lookup::Method { obj, indirect, iface: false, .. } = &f
                    && self.method_has_ptr_recv(*obj)
                    && !indirect
                    && !addressable
                {
                    return Lookup::PtrMethodOnValue;
                }
                return f;
            }
            current = next;
        }
        Lookup::NotFound
    }

    /// Merges the entries of one embedding depth that have identical types
    /// (types2's `consolidateMultiples`): the first's path is kept, and it
    /// is marked as reached more than once.
    fn consolidate(&self, level: Vec<(TyId, Vec<usize>, bool, bool)>) -> Vec<(TyId, Vec<usize>, bool, bool)> {
        let mut out: Vec<(TyId, Vec<usize>, bool, bool)> = Vec::new();
        for e in level {
            match out.iter_mut().find(|o| self.tys.identical(o.0, e.0)) {
                Some(o) => o.3 = true,
                None => out.push(e),
            }
        }
        out
    }

    /// The signature of method `m` of a generic type's instance with type
    /// arguments `args` (its receiver type parameters bound to them); the
    /// declared signature for a type that is not an instance.
    ///
    /// A generic method's own type parameters (Go 1.27), whose constraints
    /// may name the receiver's, are replaced by fresh ones whose
    /// constraints have the receiver's type arguments put in (as types2
    /// does), so that inference and verification of the method's type
    /// arguments see `~[]int` rather than `~[]E` on a `List[int]`.
    pub(crate) fn method_sig_on(&mut self, m: ObjId, args: &[TyId]) -> TyId {
        let sig = self.obj_ty(m);
        let rtps = match self.tys.generic.get(&m).cloned() {
            Some(rtps) if !args.is_empty() && rtps.len() == args.len() => rtps,
            _ => return sig,
        };
        let own = self.tys.sig(sig).map(|s| s.tparams.clone()).unwrap_or_default();
        if own.is_empty() {
            return self.tys.subst(sig, &crate::subst::Subst::new(&rtps, args));
        }
        let fresh: Vec<TyId> = own.iter().enumerate().map(|(i, &tp)| self.fresh_tparam(tp, i, m)).collect();
        let from: Vec<TyId> = rtps.iter().chain(&own).copied().collect();
        let to: Vec<TyId> = args.iter().chain(&fresh).copied().collect();
        let s = crate::subst::Subst::new(&from, &to);
        for (&old, &new) in own.iter().zip(&fresh) {
            let (Some(o), Some(n)) = (self.tparam_obj(old), self.tparam_obj(new)) else { continue };
            let bound = self.tys.tparams[&o].constraint;
            let bound = self.tys.subst(bound, &s);
            self.tys.set_constraint(n, bound);
        }
        let Some(g) = self.tys.sig(sig).cloned() else { return sig };
        let inst = self.tys.subst_sig(&g, &s);
        self.tys.intern(T::Func(crate::types::Sig { tparams: fresh, ..inst }))
    }

    /// The type name object of type parameter `t`.
    fn tparam_obj(&self, t: TyId) -> Option<ObjId> {
        match self.tys.get(t) {
            T::TypeParam(o) => Some(*o),
            _ => None,
        }
    }

    /// A new type parameter standing for type parameter `tp` (number
    /// `index` of generic method `owner`), named as it is; its constraint
    /// is set by the caller.
    fn fresh_tparam(&mut self, tp: TyId, index: usize, owner: ObjId) -> TyId {
        let Some(o) = self.tparam_obj(tp) else { return tp };
        let (name, pos) = (self.obj(o).name.clone(), self.obj(o).pos);
        let obj = self.new_obj(&name, crate::model::ObjKind::TypeName, INVALID, pos);
        let t = self.tys.new_tparam(obj, index, owner);
        self.set_obj_ty(obj, t);
        t
    }

    /// A (cached) function object standing for interface method `name` of `iface`.
    fn iface_method_obj(&mut self, iface: TyId, name: &str, sig: TyId) -> ObjId {
        let key = (self.tys.canon(iface), name.to_string());
        if let Some(&o) = self.iface_objs.get(&key) {
            return o;
        }
        let o = self.new_obj(name, crate::model::ObjKind::Func { method: true }, sig, syntax::Pos::NONE);
        self.info.objects[o.0 as usize].owner = None;
        self.iface_objs.insert(key, o);
        o
    }

    /// Whether a declared method has a pointer receiver.
    pub(crate) fn method_has_ptr_recv(&mut self, m: ObjId) -> bool {
        self.obj_decl(m);
        match self.sig_objs.get(&m).and_then(|s| s.recv) {
            Some(r) => matches!(self.tys.get(self.obj_ty(r)), T::Pointer(_)),
            None => false,
        }
    }

    /// The first method of interface `iface` that `v` lacks, and why.
    pub(crate) fn missing_method(&mut self, v: TyId, iface: TyId) -> Option<Missing> {
        let methods = self.tys.iface_methods(iface)?.to_vec();
        for m in methods {
            if let Some(vms) = self.tys.iface_methods(v) {
                match vms.iter().find(|x| x.name == m.name).cloned() {
                    None => return Some(Missing::Method { name: m.name.clone(), have: None }),
                    Some(alt) if !self.tys.identical(alt.sig, m.sig) => {
                        return Some(self.wrong_method(&m.name, alt.sig, m.sig));
                    }
                    _ => continue,
                }
            }
            match self.lookup_field_or_method(v, false, &m.name) {
                Lookup::Method { sig, .. } => {
                    // A generic method implements no interface method.
                    let generic = self.tys.sig(sig).is_some_and(|s| !s.tparams.is_empty());
                    if generic || !self.tys.identical(sig, m.sig) {
                        return Some(self.wrong_method(&m.name, sig, m.sig));
                    }
                }
                Lookup::PtrMethodOnValue => return Some(Missing::PtrRecv(m.name.clone())),
                Lookup::Field { .. } => return Some(Missing::Field { recv: self.ts(v), name: m.name.clone() }),
                Lookup::Ambiguous => return Some(Missing::Ambiguous { recv: self.ts(v), name: m.name.clone() }),
                Lookup::NotFound => return Some(self.absent_method(v, &m.name, m.sig)),
            }
        }
        None
    }

    /// Method `name` (of signature `want`) is absent from `v`: with the
    /// method of `v` whose name differs in case only, if any.
    fn absent_method(&mut self, v: TyId, name: &str, want: TyId) -> Missing {
        let folded = self.method_names(v).into_iter().find(|n| n != name && n.to_lowercase() == name.to_lowercase());
        let have = match folded {
            Some(alt) => match self.lookup_field_or_method(v, false, &alt) {
                Lookup::Method { sig, .. } => Some((self.method_string(&alt, sig), self.method_string(name, want))),
                _ => None,
            },
            None => None,
        };
        Missing::Method { name: name.to_string(), have }
    }

    /// The names of the methods declared for `v` (or its base type, or in
    /// it if it is an interface); promoted methods are not among them.
    fn method_names(&self, v: TyId) -> Vec<String> {
        if let Some(ms) = self.tys.iface_methods(v) {
            return ms.iter().map(|m| m.name.clone()).collect();
        }
        let base = match self.tys.get(v) {
            T::Pointer(b) => *b,
            _ => v,
        };
        match self.tys.get(base) {
            T::Named(o) => self
                .tys
                .named
                .get(o)
                .map_or_else(Vec::new, |n| n.methods.iter().map(|&m| self.obj(m).name.clone()).collect()),
            _ => Vec::new(),
        }
    }

    /// `name(params) results` for a method of signature `sig`.
    fn method_string(&self, name: &str, sig: TyId) -> String {
        let Some(s) = self.tys.sig(sig) else { return name.to_string() };
        // Without parameter names, as types2's `funcString`.
        let unnamed = |ps: &[crate::types::Param]| {
            ps.iter().map(|p| crate::types::Param { name: None, ty: p.ty }).collect::<Vec<_>>()
        };
        let s = crate::types::Sig { params: unnamed(&s.params), results: unnamed(&s.results), ..s.clone() };
        format!("{name}{}", crate::typestr::sig_string(&self.tys, &self.qualifier(), &s))
    }

    fn wrong_method(&self, name: &str, have: TyId, want: TyId) -> Missing {
        Missing::Wrong {
            name: name.to_string(),
            have: self.method_string(name, have),
            want: self.method_string(name, want),
        }
    }

    /// The parenthesised cause of a missing method, as gc words it.
    pub(crate) fn missing_reason(&self, m: &Missing) -> String {
        match m {
            Missing::Method { name, have: None } => format!("(missing method {name})"),
            Missing::Method { name, have: Some((have, want)) } => {
                format!("(missing method {name})\n\t\thave {have}\n\t\twant {want}")
            }
            Missing::PtrRecv(n) => format!("(method {n} has pointer receiver)"),
            Missing::Field { recv, name } => format!("({recv}.{name} is a field, not a method)"),
            Missing::Ambiguous { recv, name } => format!("(ambiguous selector {recv}.{name})"),
            // Two different types printed alike (gc then qualifies them by package).
            Missing::Wrong { name, have, want } if have == want => format!("(wrong type for method {name})"),
            Missing::Wrong { name, have, want } => {
                format!("(wrong type for method {name})\n\t\thave {have}\n\t\twant {want}")
            }
        }
    }

    /// Whether `t` is a struct (or a pointer to one) with an embedded field
    /// of invalid type, directly or through its embedded structs.
    fn has_invalid_embedded(&self, t: TyId) -> bool {
        let mut seen = Vec::new();
        let mut stack = vec![t];
        while let Some(t) = stack.pop() {
            let base = match self.tys.get(self.tys.under(t)) {
                T::Pointer(b) => *b,
                _ => t,
            };
            let T::Struct(fs) = self.tys.get(self.tys.under(base)) else { continue };
            if seen.contains(&base) {
                continue;
            }
            seen.push(base);
            for f in fs.iter().filter(|f| f.embedded) {
                if self.tys.is_invalid(f.ty) {
                    return true;
                }
                stack.push(f.ty);
            }
        }
        false
    }

    /// `Some(message)` if `v` does not implement interface `t`.
    pub(crate) fn implements(&mut self, v: TyId, t: TyId) -> Option<String> {
        if self.tys.under(v) == INVALID || self.tys.under(t) == INVALID {
            return None;
        }
        let (vs, ts) = (self.ts(v), self.ts(t));
        if !self.tys.is_interface(t) {
            let cause = match self.tys.is_interface_ptr(t) {
                true if self.tys.is_tparam_ptr(t) => {
                    format!("type {ts} is pointer to type parameter, not type parameter")
                }
                true => format!("type {ts} is pointer to interface, not interface"),
                false => format!("{ts} is not an interface"),
            };
            return Some(format!("{vs} does not implement {ts} ({cause})"));
        }
        let m = self.missing_method(v, t)?;
        // An embedded field of invalid type may have had the method.
        if self.has_invalid_embedded(v) {
            return None;
        }
        let reason = match m {
            Missing::Method { .. } if self.tys.is_interface_ptr(v) => {
                format!("(type {vs} is pointer to interface, not interface)")
            }
            // A method deft's library type lacks and Go's has.
            Missing::Method { ref name, have: None } if let Some(msg) = self.unsupported_member(v, name) => {
                format!("({msg})")
            }
            _ => self.missing_reason(&m),
        };
        Some(format!("{vs} does not implement {ts} {reason}"))
    }

    /// Checks a type assertion `x.(t)` (or a type switch case `t`).
    /// `es` and `at` are the asserted expression's (or case type's) text
    /// and start position.
    pub(crate) fn type_assertion(&mut self, es: String, at: syntax::Pos, x: &Operand<'a>, t: TyId, type_switch: bool) {
        // A type parameter may stand for any type of its set.
        if self.tys.is_interface(t) || matches!(self.tys.get(t), T::TypeParam(_)) {
            return;
        }
        let Some(m) = self.missing_method(t, x.ty) else {
            return;
        };
        let cause = self.missing_reason(&m);
        let (ts, xs) = (self.ts(t), self.ts(x.ty));
        let msg = if type_switch {
            let os = self.op_string(x);
            format!("impossible type switch case: {es}\n\t{os} cannot have dynamic type {ts} {cause}")
        } else {
            format!("impossible type assertion: {es}\n\t{ts} does not implement {xs} {cause}")
        };
        self.error(at, msg);
    }
}
