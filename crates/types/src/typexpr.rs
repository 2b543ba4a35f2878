//! Type expressions: `T`, `*T`, `[N]T`, `[]T`, `map[K]V`, `chan T`,
//! `func(...)`, `struct{...}`, `interface{...}`.
//!
//! Every checked type expression is recorded in `Info::types` with mode
//! `TypeExpr`. Also: instantiations of generic types (`List[int]`, their
//! type arguments verified once declarations are complete), interfaces
//! with type sets (unions, `~T`, `comparable`), and type parameter
//! constraints (`bound`: a bare type or union is an implicit interface).

use syntax::ast::{Expr, ExprKind, InterfaceElem, Type, TypeKind};

use crate::check::{Checker, LaterCheck};
use crate::exprstr::type_start;
use crate::model::{Mode, ObjId, ObjKind};
use crate::operand::{OpMode, Operand};
use crate::types::{Field, INVALID, Method, T, Term, TyId, TypeSet, Written};

impl<'a> Checker<'a> {
    /// Checks a type expression and returns its type (`invalid` after an error).
    pub(crate) fn typ(&mut self, t: &'a Type) -> TyId {
        let ty = self.typ_internal(t);
        self.record_type(t.id, Mode::TypeExpr, ty, None);
        ty
    }

    /// A type usable for variables (types2's `varType`): not a
    /// constraint interface (judged once declarations are complete).
    pub(crate) fn var_type(&mut self, t: &'a Type) -> TyId {
        let ty = self.typ(t);
        if ty != INVALID && !matches!(self.tys.get(ty), T::TypeParam(_)) {
            self.later.push(LaterCheck::VarType(ty, type_start(t)));
        }
        ty
    }

    /// [`Checker::expr_as_type`] for a type usable for variables: a type
    /// argument (types2's `typeList`).
    pub(crate) fn expr_as_var_type(&mut self, e: &'a Expr) -> TyId {
        let ty = self.expr_as_type(e);
        if ty != INVALID && !matches!(self.tys.get(ty), T::TypeParam(_)) {
            self.later.push(LaterCheck::VarType(ty, crate::exprstr::start_pos(e)));
        }
        ty
    }

    fn typ_internal(&mut self, t: &'a Type) -> TyId {
        match &t.kind {
            TypeKind::Name { .. } => self.named_type(t, false),
            TypeKind::Instance { base, args } => self.instantiated_type(base, args),
            TypeKind::Union(_) => {
                let s = crate::exprstr::type_expr_string(t);
                self.error(type_start(t), format!("{s} is not a type"));
                INVALID
            }
            TypeKind::Pointer(e) => {
                let e = self.var_type(e);
                if e == INVALID {
                    return INVALID;
                }
                self.tys.intern(T::Pointer(e))
            }
            TypeKind::Paren(e) => self.typ_internal(e),
            TypeKind::Slice(e) => {
                let e = self.var_type(e);
                if e == INVALID {
                    return INVALID;
                }
                self.tys.intern(T::Slice(e))
            }
            TypeKind::Array { len, elem } => {
                let n = match len {
                    Some(l) => self.array_length(l),
                    None => {
                        self.error(t.pos, "invalid use of [...] array (outside a composite literal)");
                        None
                    }
                };
                let e = self.var_type(elem);
                match n {
                    Some(n) if e != INVALID => self.tys.intern(T::Array(n, e)),
                    _ => INVALID,
                }
            }
            TypeKind::Map { key, value } => {
                let k = self.var_type(key);
                let v = self.var_type(value);
                if k == INVALID || v == INVALID {
                    return INVALID;
                }
                self.later.push(LaterCheck::MapKey(k, type_start(key)));
                self.tys.intern(T::Map(k, v))
            }
            TypeKind::Chan { dir, elem } => {
                let e = self.var_type(elem);
                if e == INVALID {
                    return INVALID;
                }
                self.tys.intern(T::Chan(*dir, e))
            }
            TypeKind::Func(ft) => {
                let owner = t.id;
                let saved = self.func.take();
                let (sig, _) = self.func_type(ft, None, owner);
                self.func = saved;
                sig
            }
            TypeKind::Struct(fields) => self.struct_type(fields),
            TypeKind::Interface(elems) => self.interface_type(elems),
            TypeKind::Ellipsis(e) => {
                self.error(t.pos, "invalid use of '...'");
                self.typ(e);
                INVALID
            }
            TypeKind::Bad => INVALID,
        }
    }

    /// The type a type name `T` or `pkg.T` denotes; a generic type is an
    /// error (`cannot use generic type List[T any] without instantiation`)
    /// unless `allow_generic` (it is being instantiated).
    pub(crate) fn named_type(&mut self, t: &'a Type, allow_generic: bool) -> TyId {
        let ty = match &t.kind {
            TypeKind::Name { pkg: None, name } => {
                let Some(o) = self.lookup(&name.name) else {
                    if name.name == "_" {
                        self.error(name.pos, "cannot use _ as value or type");
                    } else {
                        self.error(name.pos, format!("undefined: {}", name.name));
                    }
                    return INVALID;
                };
                // A package name is no use of its import here (see `ident`).
                if !matches!(self.obj(o).kind, ObjKind::PkgName(_)) {
                    self.use_obj(name.id, o);
                }
                match &self.obj(o).kind.clone() {
                    ObjKind::TypeName => {
                        let predeclared =
                            self.obj(o).pkg.is_none() && matches!(name.name.as_str(), "any" | "comparable");
                        if predeclared {
                            let what = format!("predeclared {}", name.name);
                            self.require_version(name.pos, &what, crate::lang::LangVersion::GO1_18);
                        }
                        self.obj_decl(o);
                        let ty = self.obj_ty(o);
                        if ty == INVALID {
                            self.alias_cycle(o);
                        }
                        ty
                    }
                    _ => {
                        let kind = self.object_kind(o);
                        self.error(name.pos, format!("{} ({kind}) is not a type", name.name));
                        INVALID
                    }
                }
            }
            TypeKind::Name { pkg: Some(p), name } => match self.lookup(&p.name) {
                Some(o) if matches!(self.obj(o).kind, ObjKind::PkgName(_)) => {
                    self.use_obj(p.id, o);
                    let ObjKind::PkgName(path) = self.obj(o).kind.clone() else { return INVALID };
                    match self.qualified(&path, &p.name, &name.name, name.pos) {
                        Some(target) if matches!(self.obj(target).kind, ObjKind::TypeName) => {
                            self.use_obj(name.id, target);
                            self.obj_decl(target);
                            self.obj_ty(target)
                        }
                        Some(target) => {
                            self.not_a_type(target, &format!("{}.{}", p.name, name.name), type_start(t));
                            INVALID
                        }
                        None => INVALID,
                    }
                }
                Some(o) => {
                    // A selector on a value or a type (a method expression)
                    // where a type is wanted, as types2: the type selected
                    // on must be complete (not being declared), then the
                    // selector is no type.
                    self.use_obj(p.id, o);
                    if matches!(self.obj(o).kind, ObjKind::TypeName) {
                        self.obj_decl(o);
                        if !self.path_from(o).is_empty() {
                            let cycle: Vec<ObjId> = self.path_from(o).iter().map(|&(p, _)| p).collect();
                            self.cycle_error(&cycle);
                            return INVALID;
                        }
                        if self.obj_ty(o) == INVALID {
                            return INVALID;
                        }
                    }
                    self.error(name.pos, format!("{}.{} is not a type", p.name, name.name));
                    INVALID
                }
                None => {
                    self.error(p.pos, format!("undefined: {}", p.name));
                    INVALID
                }
            },
            TypeKind::Paren(inner) => return self.named_type(inner, allow_generic),
            _ => return self.typ(t),
        };
        let alias = self.generic_alias_named(type_name_ident(t));
        if !allow_generic && (self.tys.is_generic_type(ty) || alias.is_some()) {
            let s = match alias {
                Some(a) => self.generic_alias_name(a),
                None => self.generic_name(ty),
            };
            self.error(type_start(t), format!("cannot use generic type {s} without instantiation"));
            return INVALID;
        }
        ty
    }

    /// A generic alias named with its type parameters (`A[P any]`).
    pub(crate) fn generic_alias_name(&self, a: ObjId) -> String {
        let tparams = self.tys.generic.get(&a).cloned().unwrap_or_default();
        let name = self.obj(a).name.clone();
        crate::typestr::generic_string(&self.tys, &self.qualifier(), &name, &tparams)
    }

    /// A generic type or function named with its type parameters, as gc
    /// prints it in messages (`List[T any]`).
    pub(crate) fn generic_name(&self, t: TyId) -> String {
        let Some((o, _)) = self.tys.named_of(t) else { return self.ts(t) };
        let tparams = self.tys.generic.get(&o).cloned().unwrap_or_default();
        let name = self.ts(t);
        crate::typestr::generic_string(&self.tys, &self.qualifier(), &name, &tparams)
    }

    /// `G[A, B]`: an instance of generic type `G` (types2's
    /// `instantiatedType`); its type arguments are verified against the
    /// constraints once the declarations are complete.
    fn instantiated_type(&mut self, base: &'a Type, args: &'a [Type]) -> TyId {
        let at = args.first().map_or(type_start(base), type_start);
        self.require_version(at, "type instantiation", crate::lang::LangVersion::GO1_18);
        let bt = self.named_type(base, true);
        if bt == INVALID {
            args.iter().for_each(|a| {
                self.typ(a);
            });
            return INVALID;
        }
        if let Some(a) = self.generic_alias_named(type_name_ident(base)) {
            let targs: Vec<TyId> = args.iter().map(|a| self.var_type(a)).collect();
            if targs.contains(&INVALID) || !self.type_arg_count(a, targs.len(), type_start(base)) {
                return INVALID;
            }
            let at = args.iter().map(type_start).collect();
            return self.alias_instance(a, targs, at, type_start(base));
        }
        let Some(g) = self.tys.named_of(bt).map(|(o, _)| o).filter(|o| self.tys.generic.contains_key(o)) else {
            let xs = crate::exprstr::type_expr_string(base);
            let list: Vec<String> = args.iter().map(crate::exprstr::type_expr_string).collect();
            let s = self.ts(bt);
            self.error(
                type_start(base),
                format!("{}{xs}[{}] ({s} is not a generic type)", crate::expr::INVALID_OP, list.join(", ")),
            );
            return INVALID;
        };
        let targs: Vec<TyId> = args.iter().map(|a| self.var_type(a)).collect();
        if targs.contains(&INVALID) {
            return INVALID;
        }
        let at: Vec<syntax::Pos> = args.iter().map(type_start).collect();
        let inst = self.named_instance(g, targs, at, type_start(base), type_name_ident(base));
        self.inst_pos.entry(inst).or_insert(type_start(base));
        inst
    }

    /// The instance `g[targs]` of generic defined type `g` written at
    /// `pos` (its arguments at `at`, its name `ident`), recorded for
    /// lowering and verified against the constraints once the
    /// declarations are complete. With the wrong number of arguments
    /// (reported) it is still a type, of invalid structure, as types2's:
    /// `x = y` of `Tb[*int]` and `Tb[*int, int]` is still a mismatch, and
    /// inference from it still fails.
    pub(crate) fn named_instance(
        &mut self,
        g: ObjId,
        targs: Vec<TyId>,
        at: Vec<syntax::Pos>,
        pos: syntax::Pos,
        ident: Option<syntax::ast::NodeId>,
    ) -> TyId {
        let counted = self.type_arg_count(g, targs.len(), pos);
        if counted {
            let tparams = self.tys.generic[&g].clone();
            self.record_mono(&tparams, &targs, &at, pos);
        }
        let inst = self.tys.instance(g, targs.clone());
        if let Some(id) = ident {
            self.record_instance(id, g, &targs, inst);
        }
        if counted {
            self.later.push(LaterCheck::Verify { obj: g, targs, at, pos });
        }
        inst
    }

    /// Whether generic type (or alias) `g` takes `have` type arguments;
    /// if not, reports it at `pos`.
    pub(crate) fn type_arg_count(&mut self, g: ObjId, have: usize, pos: syntax::Pos) -> bool {
        let want = self.tys.generic[&g].len();
        if want != have {
            let qual = if have < want { "not enough" } else { "too many" };
            let name = self.obj(g).name.clone();
            self.error(pos, format!("{qual} type arguments for type {name}: have {have}, want {want}"));
        }
        want == have
    }

    /// Makes the checks that waited for the declarations to complete.
    pub(crate) fn check_later(&mut self) {
        self.tys.complete_constraints();
        for check in std::mem::take(&mut self.later) {
            match check {
                LaterCheck::VarType(t, pos) => {
                    if let Some(set) = self.tys.iface_set(t).filter(|s| s.is_constraint()) {
                        // A set restricted to terms is worded by them:
                        // the terms already exclude incomparable types.
                        let why = match set.comparable && set.terms.is_none() {
                            true => "interface is (or embeds) comparable",
                            false => "interface contains type constraints",
                        };
                        let ts = self.ts(t);
                        self.error(pos, format!("cannot use type {ts} outside a type constraint: {why}"));
                    }
                }
                LaterCheck::Verify { obj, targs, at, pos } => self.verify_instance(obj, &targs, &at, pos),
                LaterCheck::MapKey(k, pos) => {
                    if !self.tys.comparable(k) {
                        let s = self.ts(k);
                        let why = match self.tys.get(k) {
                            T::TypeParam(_) => " (missing comparable constraint)",
                            _ => "",
                        };
                        self.error(pos, format!("invalid map key type {s}{why}"));
                    }
                }
                LaterCheck::Embedded(t, pos) => {
                    if let Some(msg) = self.bad_embedded(t) {
                        self.error(pos, msg);
                    }
                }
            }
        }
    }

    /// Why `t` cannot be the type of an embedded field, if it cannot.
    fn bad_embedded(&self, t: TyId) -> Option<&'static str> {
        let (base, is_ptr) = match self.tys.get(t) {
            T::Pointer(b) => (*b, true),
            _ => (t, false),
        };
        match self.tys.get(self.tys.under(base)) {
            T::TypeParam(_) => Some("embedded field type cannot be a (pointer to a) type parameter"),
            T::Basic(crate::model::BasicKind::UnsafePointer) => Some("embedded field type cannot be unsafe.Pointer"),
            T::Pointer(_) => Some("embedded field type cannot be a pointer"),
            T::Interface { .. } if is_ptr => Some("embedded field type cannot be a pointer to an interface"),
            _ => None,
        }
    }

    /// The constant length of an array type (`None` after an error).
    fn array_length(&mut self, e: &'a Expr) -> Option<u64> {
        if let ExprKind::Ident(id) = &e.kind {
            match self.lookup(&id.name) {
                None => {
                    self.error(id.pos, format!("undefined array length {} or missing type constraint", id.name));
                    return None;
                }
                Some(o) if !matches!(self.obj(o).kind, ObjKind::Const(_)) => {
                    self.error(id.pos, format!("invalid array length {}", id.name));
                    return None;
                }
                _ => {}
            }
        }
        let mut x = Operand::invalid(None);
        self.expr(&mut x, e);
        if x.is_invalid() {
            return None;
        }
        if !x.is_const() {
            let s = self.op_string(&x);
            self.error_at_op(&x, format!("array length {s} must be constant"));
            return None;
        }
        if self.tys.is_untyped(x.ty) || self.tys.is_integer(x.ty) {
            let v = x.val.to_int();
            if crate::expr::representable_const(&v, crate::model::BasicKind::Int).is_some()
                && matches!(v, crate::constant::Value::Int(_))
                && let Some(n) = v.as_i64()
                && n >= 0
            {
                self.convert_untyped(&mut x, crate::types::basic(crate::model::BasicKind::Int));
                return Some(n as u64);
            }
        }
        // An integer too large for int is invalid; any other is not an integer.
        let s = self.op_string(&x);
        if self.tys.is_integer(x.ty) {
            self.error_at_op(&x, format!("invalid array length {s}"));
        } else {
            self.error_at_op(&x, format!("array length {s} must be integer"));
        }
        None
    }

    fn struct_type(&mut self, fields: &'a [syntax::ast::Field]) -> TyId {
        let mut out: Vec<Field> = Vec::new();
        let mut seen: Vec<(String, syntax::Pos)> = Vec::new();
        let mut ok = true;
        for f in fields {
            let t = self.var_type(&f.ty);
            if t == INVALID {
                ok = false;
            }
            let mut add = |c: &mut Self, name: String, pos: syntax::Pos, embedded: bool| {
                if name != "_" {
                    if let Some((_, other)) = seen.iter().find(|(n, _)| *n == name) {
                        let other = c.pos_string(*other);
                        c.error(pos, format!("{name} redeclared\n\t{other}: other declaration of {name}"));
                        return;
                    }
                    seen.push((name.clone(), pos));
                }
                out.push(Field { pos, name, ty: t, embedded, tag: f.tag.clone() });
            };
            if f.names.is_empty() {
                let name = embedded_name(&f.ty);
                if t != INVALID {
                    self.later.push(LaterCheck::Embedded(t, type_start(&f.ty)));
                }
                add(self, name, type_start(&f.ty), true);
            } else {
                for n in &f.names {
                    let o =
                        self.new_var(&n.name, t, n.pos, crate::model::VarInfo { field: true, ..Default::default() });
                    self.info.defs.insert(n.id, o);
                    add(self, n.name.clone(), n.pos, false);
                }
            }
        }
        // Fields of invalid type are kept (types2 does too), so that
        // selecting them does not cause follow-on errors.
        let _ = ok;
        self.tys.intern(T::Struct(out))
    }

    /// An interface type. As types2 computes its method set: the methods
    /// declared in it first, then those of the embedded interfaces, each
    /// known at its embedding's position; a second method of a name is an
    /// error unless it is embedded and identical to the first.
    fn interface_type(&mut self, elems: &'a [InterfaceElem]) -> TyId {
        let mut methods: Vec<Method> = Vec::new();
        let mut seen: Vec<(String, syntax::Pos)> = Vec::new();
        for el in elems {
            let InterfaceElem::Method { name, sig } = el else { continue };
            let saved = self.func.take();
            let (s, _) = self.func_type(sig, None, name.id);
            self.func = saved;
            let o = self.new_obj(&name.name, ObjKind::Func { method: true }, s, name.pos);
            self.info.defs.insert(name.id, o);
            if name.name == "_" {
                self.error(name.pos, "methods must have a unique non-blank name");
                continue;
            }
            if self.duplicate_method(&seen, &name.name, name.pos) {
                continue;
            }
            seen.push((name.name.clone(), name.pos));
            methods.push(Method { name: name.name.clone(), sig: s });
        }
        let mut declared = methods.clone();
        declared.sort_by(|a, b| a.name.cmp(&b.name));
        let mut set = TypeSet::default();
        let mut embeds = Vec::new();
        let mut incomplete = None;
        for el in elems {
            let InterfaceElem::Embed(t) = el else { continue };
            let (et, eset) = match &t.kind {
                TypeKind::Union(terms) => {
                    let (u, set) = self.union_elem(terms);
                    if u != INVALID {
                        let what = format!("embedding interface element {}", self.ts(u));
                        self.require_version(type_start(t), &what, crate::lang::LangVersion::GO1_18);
                    }
                    (u, set)
                }
                _ => {
                    let et = self.typ(t);
                    // (Grey but off the path: its declaration is being
                    // finished, its underlying type is known.)
                    if let Some(r) = self.grey_type_named_by(t).filter(|&r| !self.path_from(r).is_empty())
                        && self.embedding_cycle(r, false)
                    {
                        self.report_embedding_cycle(r);
                        continue;
                    }
                    // A type being declared, or waiting for one: its
                    // methods and type set are not known yet.
                    // So is an instance of a generic one, unless the
                    // path back to it is embeddings only (a cycle, which
                    // `valid_type` reports).
                    let waits = |c: &Self, r: ObjId| {
                        c.objs[r.0 as usize].color == crate::check::Color::Grey || c.iface_waits(r)
                    };
                    let incomplete_here = match *self.tys.get(et) {
                        T::Named(r) => waits(self, r).then_some(r),
                        T::Inst(r, _) => (waits(self, r) && !self.embedding_cycle(r, true)).then_some(r),
                        _ => None,
                    };
                    if let Some(r) = incomplete_here.filter(|_| self.tys.under(et) == INVALID) {
                        incomplete = Some(r);
                    }
                    if et == INVALID {
                        continue;
                    }
                    if matches!(self.tys.get(et), T::TypeParam(_)) {
                        self.error(type_start(t), "term cannot be a type parameter");
                        continue;
                    }
                    let at = type_start(t);
                    // Before go1.14, no method may come twice, even alike.
                    let overlap = self.allows(at, crate::lang::LangVersion::GO1_14);
                    for m in self.tys.iface_methods(et).map(<[Method]>::to_vec).unwrap_or_default() {
                        let same =
                            overlap && methods.iter().any(|x| x.name == m.name && self.tys.identical(x.sig, m.sig));
                        if same || self.duplicate_method(&seen, &m.name, at) {
                            continue;
                        }
                        seen.push((m.name.clone(), at));
                        methods.push(m);
                    }
                    if !self.tys.is_interface(et) {
                        let what = format!("embedding non-interface type {}", self.ts(et));
                        self.require_version(at, &what, crate::lang::LangVersion::GO1_18);
                    }
                    (et, self.embedded_set(et))
                }
            };
            embeds.push(et);
            set = self.tys.meet_sets(&set, &eset);
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        let written = Some(Box::new(Written { methods: declared, embeds, implicit: false }));
        let it = self.tys.intern(T::Interface { methods, any: false, set, written });
        if let Some(r) = incomplete {
            self.embeds_incomplete.insert(it, r);
        }
        it
    }

    /// The type set an embedded type contributes: an interface's own, or
    /// the single type of a non-interface type.
    fn embedded_set(&self, et: TyId) -> TypeSet {
        match self.tys.iface_set(et) {
            Some(s) => s.clone(),
            None => TypeSet { comparable: false, terms: Some(vec![Term { tilde: false, ty: et }]) },
        }
    }

    /// A union of terms embedded in an interface (`~int | string`): its
    /// type and its type set, with types2's checks of each term.
    fn union_elem(&mut self, terms: &'a [(bool, Type)]) -> (TyId, TypeSet) {
        let terms_written = terms;
        let mut list: Vec<Term> = Vec::new();
        let mut all = false;
        let mut checked: Vec<(Term, syntax::Pos)> = Vec::new();
        // The terms as written (interfaces included), for printing and
        // for `valid_type`'s walk.
        let mut written: Vec<Term> = Vec::new();
        const LIMIT: &str = "cannot handle more than 100 union terms (implementation limitation)";
        for (i, (tilde, t)) in terms.iter().enumerate() {
            let ty = self.typ(t);
            let at = type_start(t);
            if i == MAX_UNION_TERMS {
                // types2 keeps no union of more written terms.
                self.error(at, LIMIT);
                terms[i + 1..].iter().for_each(|(_, t)| {
                    self.typ(t);
                });
                return (INVALID, TypeSet::default());
            }
            let tilde_at = syntax::Pos { col: at.col.saturating_sub(1), ..at };
            if ty == INVALID {
                continue;
            }
            let term = Term { tilde: *tilde, ty };
            if matches!(self.tys.get(ty), T::TypeParam(_)) {
                let msg = match tilde {
                    true => format!("type in term ~{} cannot be a type parameter", self.ts(ty)),
                    false => "term cannot be a type parameter".to_string(),
                };
                self.error(at, msg);
                continue;
            }
            if *tilde && !self.tys.identical(self.tys.under(ty), ty) {
                let (ts, us) = (self.ts(ty), self.ts(self.tys.under(ty)));
                self.error(tilde_at, format!("invalid use of ~ (underlying type of {ts} is {us})"));
                continue;
            }
            if let Some(eset) = self.tys.iface_set(ty).cloned() {
                if *tilde {
                    let ts = self.ts(ty);
                    self.error(tilde_at, format!("invalid use of ~ ({ts} is an interface)"));
                    continue;
                }
                if terms.len() > 1 {
                    let has_methods = self.tys.iface_methods(ty).is_some_and(|m| !m.is_empty());
                    let ts = self.ts(ty);
                    if has_methods {
                        self.error(at, format!("cannot use {ts} in union ({ts} contains methods)"));
                        continue;
                    }
                    if eset.comparable {
                        self.error(at, "cannot use comparable in union");
                        continue;
                    }
                }
                match eset.terms {
                    Some(ts) => list.extend(ts),
                    None => all = true,
                }
                written.push(term);
                continue;
            }
            if let Some((prev, _)) = checked.iter().find(|(p, _)| self.tys.terms_overlap(*p, term)) {
                let (a, b) = (self.term_string(term), self.term_string(*prev));
                self.error(if *tilde { tilde_at } else { at }, format!("overlapping terms {a} and {b}"));
                continue;
            }
            checked.push((term, at));
            written.push(term);
            list.push(term);
        }
        let u = self.tys.intern(T::Union(written));
        let terms = if all { None } else { Some(self.tys.normalize_terms(list)) };
        if terms.as_ref().is_some_and(|ts| ts.len() > MAX_UNION_TERMS) {
            // Nor a type set of more terms (an embedded union's included).
            self.error(type_start(&terms_written[0].1), LIMIT);
            return (INVALID, TypeSet::default());
        }
        (u, TypeSet { comparable: false, terms })
    }

    /// A term as gc prints it (`~int`).
    fn term_string(&self, t: Term) -> String {
        let s = self.ts(t.ty);
        if t.tilde { format!("~{s}") } else { s }
    }

    /// A type parameter's constraint (types2's `bound`): an interface, or
    /// a union or type wrapped in an implicit interface (`[T ~int]`).
    pub(crate) fn bound(&mut self, t: &'a Type) -> TyId {
        let (ty, set) = match &t.kind {
            TypeKind::Union(terms) => self.union_elem(terms),
            _ => {
                let ty = self.typ(t);
                if matches!(self.tys.get(ty), T::TypeParam(_)) {
                    self.error(type_start(t), "cannot use a type parameter as constraint");
                    return INVALID;
                }
                if ty == INVALID || self.tys.is_interface(ty) || self.declares_interface(ty) {
                    return ty;
                }
                (ty, TypeSet { comparable: false, terms: Some(vec![Term { tilde: false, ty }]) })
            }
        };
        let written = Some(Box::new(Written { methods: vec![], embeds: vec![ty], implicit: true }));
        let it = self.tys.intern(T::Interface { methods: vec![], any: false, set, written });
        self.record_type(t.id, Mode::TypeExpr, it, None);
        it
    }

    /// Whether `t` is (an instance of) a defined type still being declared
    /// as an interface (`N[B]` in `type N[B N[B]] interface{...}`): its
    /// type set is not known yet, but it is an interface's, no type term.
    fn declares_interface(&self, t: TyId) -> bool {
        let Some((g, _)) = self.tys.named_of(t) else { return false };
        self.path_from(g).first().is_some_and(|(o, spec)| *o == g && matches!(spec.ty.kind, TypeKind::Interface(_)))
    }

    /// Reports method `name` (at `pos`) if `seen` has one of that name.
    fn duplicate_method(&mut self, seen: &[(String, syntax::Pos)], name: &str, pos: syntax::Pos) -> bool {
        let Some((_, other)) = seen.iter().find(|(n, _)| n == name) else { return false };
        let other = self.pos_string(*other);
        self.error(pos, format!("duplicate method {name}\n\t{other}: other declaration of method {name}"));
        true
    }

    /// Whether an interface embedding `r`, which is being declared, closes
    /// a cycle of embeddings (and aliases) only: the interface would
    /// contain itself. Through a method signature (`type A interface{ F()
    /// B }; type B interface{ A }`) it is no cycle.
    fn embedding_cycle(&self, r: ObjId, through_instances: bool) -> bool {
        let uses = &self.info.uses;
        self.path_from(r).windows(2).all(|w| embeds_name(uses, &w[0].1.ty, w[1].0, through_instances))
    }

    /// Converts an expression that denotes a type (`[]byte`, `T`, `*T`,
    /// `pkg.T`) into its type, reporting `X is not a type` otherwise.
    pub(crate) fn expr_as_type(&mut self, e: &'a Expr) -> TyId {
        use syntax::ast::ExprKind as E;
        // What cannot be written as a type is not one, whatever it is
        // (types2's `typInternal`): said first, then it is checked.
        if let E::BasicLit { .. }
        | E::CompositeLit { .. }
        | E::FuncLit { .. }
        | E::Slice { .. }
        | E::TypeAssert { .. }
        | E::Call { .. }
        | E::Unary { .. }
        | E::Binary { .. } = &e.kind
        {
            let s = crate::exprstr::expr_string(e);
            self.error(crate::exprstr::start_pos(e), format!("{s} is not a type"));
            self.use_expr(e);
            return INVALID;
        }
        let mut x = Operand::invalid(None);
        self.expr_or_type(&mut x, e);
        match x.mode {
            OpMode::TypeExpr => x.ty,
            OpMode::Invalid => INVALID,
            _ => {
                // A name is described by its object's kind, as where a
                // type name is expected (`x (package-level variable)`), a
                // qualified one as an operand.
                let s = match &e.kind {
                    E::Ident(id) if let Some(o) = self.lookup(&id.name) => {
                        format!("{} ({})", id.name, self.object_kind(o))
                    }
                    E::Ident(_) | E::Selector { .. } => self.op_string(&x),
                    _ => crate::exprstr::expr_string(e),
                };
                self.error(crate::exprstr::start_pos(e), format!("{s} is not a type"));
                INVALID
            }
        }
    }
}

impl Checker<'_> {
    /// What an object is, in words, as types2's `objectKind` says it.
    pub(crate) fn object_kind(&self, o: ObjId) -> &'static str {
        match &self.obj(o).kind {
            ObjKind::PkgName(_) => "package name",
            ObjKind::Const(_) => "constant",
            ObjKind::TypeName => "type",
            ObjKind::Var(vi) if vi.global => "package-level variable",
            ObjKind::Var(vi) if vi.field => "struct field",
            ObjKind::Var(vi) if vi.result => "result variable",
            ObjKind::Var(vi) if vi.param => {
                if self.sig_objs.values().any(|s| s.recv == Some(o)) {
                    "receiver"
                } else {
                    "parameter"
                }
            }
            ObjKind::Var(_) => "local variable",
            ObjKind::Func { method: true } => "method",
            ObjKind::Func { method: false } => "function",
            ObjKind::Label => "label",
            ObjKind::Builtin(_) => "built-in function",
            ObjKind::Nil => "untyped nil",
        }
    }

    /// Reports that object `o` of another package, written `written`, is
    /// used as a type: `pkg.X (variable of type int) is not a type`.
    fn not_a_type(&mut self, o: crate::model::ObjId, written: &str, pos: syntax::Pos) {
        self.obj_decl(o);
        let ty = self.obj_ty(o);
        let mode = match &self.obj(o).kind {
            ObjKind::Const(_) => OpMode::Constant,
            ObjKind::Var(_) => OpMode::Variable,
            ObjKind::Builtin(b) => OpMode::Builtin(*b),
            ObjKind::Nil => OpMode::Nil,
            _ => OpMode::Value,
        };
        let val = self.objs[o.0 as usize].val.clone();
        let x = Operand { mode, ty, val, expr: None };
        if ty != INVALID || matches!(mode, OpMode::Builtin(_)) {
            let s = self.op_string_named(written, &x);
            self.error(pos, format!("{s} is not a type"));
        }
    }
}

/// The most terms a union may have, written or in its type set (types2's
/// implementation limit, `maxTermCount`).
const MAX_UNION_TERMS: usize = 100;

/// Whether `t` is, or embeds as an interface element, the name of `target`.
fn embeds_name(uses: &syntax::ast::NodeMap<ObjId>, t: &Type, target: ObjId, through_instances: bool) -> bool {
    let embeds = |t: &Type| embeds_name(uses, t, target, through_instances);
    match &t.kind {
        TypeKind::Paren(inner) => embeds(inner),
        TypeKind::Instance { base, .. } if through_instances => embeds(base),
        TypeKind::Name { pkg: None, name } => uses.get(&name.id) == Some(&target),
        TypeKind::Interface(elems) => elems.iter().any(|e| matches!(e, InterfaceElem::Embed(x) if embeds(x))),
        _ => false,
    }
}

/// The identifier naming the type in `T` or `pkg.T`.
pub(crate) fn type_name_ident(t: &Type) -> Option<syntax::ast::NodeId> {
    match &t.kind {
        TypeKind::Name { name, .. } => Some(name.id),
        TypeKind::Paren(inner) => type_name_ident(inner),
        _ => None,
    }
}

/// The implicit name of an embedded field (`T` for `*pkg.T`).
fn embedded_name(t: &Type) -> String {
    match &t.kind {
        TypeKind::Name { name, .. } => name.name.clone(),
        TypeKind::Pointer(b) | TypeKind::Paren(b) => embedded_name(b),
        TypeKind::Instance { base, .. } => embedded_name(base),
        _ => "?".into(),
    }
}
