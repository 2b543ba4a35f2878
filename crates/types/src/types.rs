//! The checker's own type store: types as written, mapped to canonical ids.
//!
//! gc's messages spell types the way the program wrote them: `[]byte`, not
//! `[]uint8`; `func(x int) (y int)`, with parameter names. The model's
//! [`TypeTable`] interns *identical* types to one id, which loses that
//! spelling. So the checker works on [`TyId`]s of this store, where `byte`
//! and `uint8` (or two signatures differing only in parameter names) are
//! distinct entries, and each entry knows its canonical model [`TypeId`].
//!
//! Invariants:
//! * `canon[t]` is the model id of the type identical to `t`; type identity
//!   in the checker is `canon(a) == canon(b)` ([`Types::identical`]).
//! * Basic kinds are interned first, in [`BasicKind::ALL`] order, in both
//!   the store and the model table: `TyId(k as u32)` and `TypeId(k as u32)`
//!   both denote kind `k`.
//! * Every `T::Named(obj)` has an entry in `named` (its underlying type is
//!   `invalid` until its declaration has been checked).
//! * Generics: a type parameter is `T::TypeParam(obj)`, its own underlying
//!   type (operations on it go through its constraint's type set, see
//!   `typeset`); an instance `List[int]` is `T::Inst(obj, args)`, whose
//!   underlying type is the generic type's with the arguments substituted
//!   (`subst`), computed when the instance is made, or when the generic
//!   type's declaration completes if it is made while that is checked (a
//!   defined type declared as such an instance takes it then).
//! * An alias's spelling `T::Aliased(obj, args, target)` is transparent:
//!   [`Types::get`] and [`Types::under`] answer for `target`, and its
//!   canonical id is `target`'s, so the model (and every later stage)
//!   never sees aliases; only printing ([`Types::written`]) does. Ids
//!   still differ: compare types with [`Types::identical`], never by id.
//! * Interfaces carry their type set (`TypeSet`: comparability and type
//!   terms) besides their full method set; only constraint interfaces
//!   have a restricted one.

use std::collections::HashMap;

use syntax::ast::ChanDir;

use crate::model::{
    BasicKind, ConstraintSet, InstanceInfo, InterfaceMethod, NamedInfo, ObjId, Signature, StructField, Type, TypeId,
    TypeParamInfo, TypeTable,
};

/// A type of the checker's store (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct TyId(pub u32);

/// A struct field as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Field {
    pub name: String,
    pub ty: TyId,
    pub embedded: bool,
    pub tag: Option<String>,
    /// Where it is declared (not part of identity: canonical ids drop it).
    pub pos: syntax::Pos,
}

/// A parameter or result as written (name optional).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Param {
    pub name: Option<String>,
    pub ty: TyId,
}

/// A signature as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub(crate) struct Sig {
    pub params: Vec<Param>,
    pub results: Vec<Param>,
    pub variadic: bool,
    /// The type parameters of a generic function (each a `T::TypeParam`);
    /// empty for every other signature, instantiated ones included.
    pub tparams: Vec<TyId>,
}

/// A term of a constraint's type set: `T`, or `~T` (every type whose
/// underlying type is `T`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Term {
    pub tilde: bool,
    pub ty: TyId,
}

/// What restricts an interface's type set besides its methods.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub(crate) struct TypeSet {
    /// Only comparable types (`comparable` is embedded).
    pub comparable: bool,
    /// The types allowed, as a union of terms; `None`: every type.
    pub terms: Option<Vec<Term>>,
}

impl TypeSet {
    /// Whether the set is restricted by more than methods (a constraint
    /// interface, which no value may have as its type).
    pub(crate) fn is_constraint(&self) -> bool {
        self.comparable || self.terms.is_some()
    }
}

/// How an interface was written, for messages: its own methods (sorted)
/// and its embedded elements as written; `implicit` for the interface
/// around a constraint written as a bare type or union (`[T ~int]`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub(crate) struct Written {
    pub methods: Vec<Method>,
    pub embeds: Vec<TyId>,
    pub implicit: bool,
}

/// An interface method.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Method {
    pub name: String,
    pub sig: TyId,
}

/// The structure of a type as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum T {
    Basic(BasicKind),
    /// `byte` or `rune`: identical to the kind, spelled by name.
    Alias(&'static str, BasicKind),
    Named(ObjId),
    Pointer(TyId),
    Array(u64, TyId),
    Slice(TyId),
    Map(TyId, TyId),
    Chan(ChanDir, TyId),
    Struct(Vec<Field>),
    Func(Sig),
    /// Methods (the full method set) sorted by name; `any` is the
    /// predeclared alias spelling; `set` its type set beyond methods;
    /// `written` how it was written (`None` for interfaces the checker
    /// makes, printed from their methods).
    Interface {
        methods: Vec<Method>,
        any: bool,
        set: TypeSet,
        written: Option<Box<Written>>,
    },
    /// A result list; names (named results) are kept for messages.
    Tuple(Vec<Param>),
    /// A type parameter (its type name object).
    TypeParam(ObjId),
    /// An instance of a generic defined type with its type arguments.
    Inst(ObjId, Vec<TyId>),
    /// A union of terms as written in a constraint (`~int | string`);
    /// only ever an embedded element of an interface.
    Union(Vec<Term>),
    /// A declared alias (with its type arguments if generic) standing for
    /// the type it denotes: the spelling gc 1.23+ keeps in messages
    /// (`A`, `B[string]`). Only [`Types::written`] shows it; every other
    /// question about it is one about the aliased type (see the module
    /// doc).
    Aliased(ObjId, Vec<TyId>, TyId),
}

impl T {
    /// An interface type made by the checker (printed from its methods).
    pub(crate) fn iface(methods: Vec<Method>) -> T {
        T::Interface { methods, any: false, set: TypeSet::default(), written: None }
    }
}

/// Facts about a type parameter in the store (its index and owner are
/// in the model's table).
#[derive(Clone, Copy, Debug)]
pub(crate) struct TParam {
    /// Its constraint as written (`invalid` until checked): an interface,
    /// or a type parameter after an error.
    pub constraint: TyId,
}

/// A defined type's facts in the store.
#[derive(Clone, Debug)]
pub(crate) struct NamedData {
    pub underlying: TyId,
    pub methods: Vec<ObjId>,
    /// Its declaration set its underlying type (instances of a generic
    /// type made before that are expanded then).
    pub complete: bool,
}

/// The store.
pub(crate) struct Types {
    arena: Vec<T>,
    index: HashMap<T, TyId>,
    canon: Vec<TypeId>,
    pub table: TypeTable,
    pub named: HashMap<ObjId, NamedData>,
    /// Type parameters, by their type name object.
    pub tparams: HashMap<ObjId, TParam>,
    /// The type parameters of each generic function, type and method of a
    /// generic type (receiver type parameters), by its object.
    pub generic: HashMap<ObjId, Vec<TyId>>,
    /// The underlying type of each instance, by canonical id.
    pub(crate) inst_under: HashMap<TypeId, TyId>,
    /// Instances made while their generic type was being declared, by
    /// that type: expanded when its underlying type is set.
    pub(crate) pending: HashMap<ObjId, Vec<TyId>>,
    /// Defined types declared as such a pending instance (`type Bar[Q
    /// any] Foo[Q]` while Foo is checked), by the instance: they take its
    /// underlying type when it is expanded.
    pub(crate) inst_waiters: HashMap<TyId, Vec<ObjId>>,
    /// Nesting of instance expansions under way (bounded: a type like
    /// `type T[P any] struct{ f *T[[]P] }` would expand forever).
    pub(crate) expanding: u32,
}

/// `byte`.
pub(crate) const BYTE: TyId = TyId(BasicKind::ALL.len() as u32);
/// `rune`.
pub(crate) const RUNE: TyId = TyId(BasicKind::ALL.len() as u32 + 1);

/// The store id of a basic kind.
pub(crate) const fn basic(k: BasicKind) -> TyId {
    TyId(k as u32)
}

/// `invalid type`.
pub(crate) const INVALID: TyId = basic(BasicKind::Invalid);

impl Types {
    pub(crate) fn new() -> Types {
        let mut t = Types {
            arena: Vec::new(),
            index: HashMap::new(),
            canon: Vec::new(),
            table: TypeTable::with_basics(),
            named: HashMap::new(),
            tparams: HashMap::new(),
            generic: HashMap::new(),
            inst_under: HashMap::new(),
            pending: HashMap::new(),
            inst_waiters: HashMap::new(),
            expanding: 0,
        };
        for k in BasicKind::ALL {
            t.intern(T::Basic(k));
        }
        let b = t.intern(T::Alias("byte", BasicKind::Uint8));
        let r = t.intern(T::Alias("rune", BasicKind::Int32));
        debug_assert_eq!((b, r), (BYTE, RUNE), "byte and rune follow the basic kinds");
        t
    }

    /// Interns a type as written.
    pub(crate) fn intern(&mut self, t: T) -> TyId {
        if let Some(&id) = self.index.get(&t) {
            return id;
        }
        let canon = self.canonical(&t);
        let id = TyId(self.arena.len() as u32);
        self.arena.push(t.clone());
        self.index.insert(t, id);
        self.canon.push(canon);
        id
    }

    fn canonical(&mut self, t: &T) -> TypeId {
        let c = |s: &Self, x: TyId| s.canon[x.0 as usize];
        let model = match t {
            T::Aliased(_, _, target) => return c(self, *target),
            T::Basic(k) | T::Alias(_, k) => Type::Basic(*k),
            T::Named(o) => Type::Named(*o),
            T::Pointer(e) => Type::Pointer(c(self, *e)),
            T::Array(n, e) => Type::Array(*n, c(self, *e)),
            T::Slice(e) => Type::Slice(c(self, *e)),
            T::Map(k, v) => Type::Map(c(self, *k), c(self, *v)),
            T::Chan(d, e) => Type::Chan(*d, c(self, *e)),
            T::Struct(fs) => Type::Struct(
                fs.iter()
                    .map(|f| StructField {
                        name: f.name.clone(),
                        ty: c(self, f.ty),
                        embedded: f.embedded,
                        tag: f.tag.clone(),
                    })
                    .collect(),
            ),
            T::Func(s) => Type::Func(Signature {
                params: s.params.iter().map(|p| c(self, p.ty)).collect(),
                results: s.results.iter().map(|p| c(self, p.ty)).collect(),
                variadic: s.variadic,
            }),
            T::Interface { methods, set, .. } => {
                let methods: Vec<InterfaceMethod> =
                    methods.iter().map(|m| InterfaceMethod { name: m.name.clone(), sig: c(self, m.sig) }).collect();
                if set.is_constraint() {
                    let terms = set.terms.as_ref().map(|ts| self.canonical_terms(ts));
                    Type::Constraint(ConstraintSet { methods, comparable: set.comparable, terms })
                } else {
                    Type::Interface(methods)
                }
            }
            T::Union(ts) => Type::Constraint(ConstraintSet {
                methods: Vec::new(),
                comparable: false,
                terms: Some(self.canonical_terms(ts)),
            }),
            T::Tuple(ts) => Type::Tuple(ts.iter().map(|x| c(self, x.ty)).collect()),
            T::TypeParam(o) => Type::TypeParam(*o),
            T::Inst(base, args) => Type::Instance { base: *base, args: args.iter().map(|&a| c(self, a)).collect() },
        };
        let id = self.table.intern(model);
        if let T::Inst(base, args) = t {
            let args = args.iter().map(|&a| self.canon[a.0 as usize]).collect();
            let invalid = TypeTable::basic(BasicKind::Invalid);
            self.table.instances.entry(id).or_insert(InstanceInfo { base: *base, args, underlying: invalid });
        }
        id
    }

    /// Terms in canonical form: sorted by type, without duplicates.
    fn canonical_terms(&self, ts: &[Term]) -> Vec<(bool, TypeId)> {
        let mut out: Vec<(bool, TypeId)> = ts.iter().map(|t| (t.tilde, self.canon[t.ty.0 as usize])).collect();
        out.sort_by_key(|&(tilde, t)| (t, tilde));
        out.dedup();
        out
    }

    /// The structure of a type (of the type an alias stands for).
    pub(crate) fn get(&self, t: TyId) -> &T {
        &self.arena[self.unalias(t).0 as usize]
    }

    /// The structure of a type as written: an alias's spelling is
    /// `T::Aliased` (for printing).
    pub(crate) fn written(&self, t: TyId) -> &T {
        &self.arena[t.0 as usize]
    }

    /// The type an alias's spelling stands for (through aliases of
    /// aliases); `t` itself for any other type.
    pub(crate) fn unalias(&self, mut t: TyId) -> TyId {
        while let T::Aliased(_, _, target) = &self.arena[t.0 as usize] {
            t = *target;
        }
        t
    }

    /// Alias `obj` (instantiated with `args` if generic) spelling `target`;
    /// an invalid type stays `INVALID`.
    /// A type parameter keeps its own id (substitutions and inference
    /// find type parameters by id).
    pub(crate) fn aliased(&mut self, obj: ObjId, args: Vec<TyId>, target: TyId) -> TyId {
        if target == INVALID || matches!(self.get(target), T::TypeParam(_)) {
            return target;
        }
        self.intern(T::Aliased(obj, args, target))
    }

    /// The canonical model id.
    pub(crate) fn canon(&self, t: TyId) -> TypeId {
        self.canon[t.0 as usize]
    }

    /// A type of the store whose model id is `c` (the first interned: the
    /// spelling is any of the identical types'), for messages about types
    /// known by model id only.
    pub(crate) fn spelled(&self, c: TypeId) -> Option<TyId> {
        self.canon.iter().position(|&x| x == c).map(|i| TyId(i as u32))
    }

    /// `*S` → `S` for a pointer to a struct type, else `t` (model ids).
    pub(crate) fn deref_struct_ptr(&self, t: TypeId) -> TypeId {
        match self.table.get(t) {
            Type::Pointer(b) if matches!(self.table.get(self.table.underlying(*b)), Type::Struct(_)) => *b,
            _ => t,
        }
    }

    /// Go's type identity.
    pub(crate) fn identical(&self, a: TyId, b: TyId) -> bool {
        self.canon(a) == self.canon(b)
    }

    /// Registers a new defined type (underlying `invalid` for now).
    pub(crate) fn new_named(&mut self, obj: ObjId, pkg: &str) -> TyId {
        let id = self.intern(T::Named(obj));
        self.named.insert(obj, NamedData { underlying: INVALID, methods: Vec::new(), complete: false });
        self.table.named.insert(
            obj,
            NamedInfo {
                obj,
                underlying: TypeTable::basic(BasicKind::Invalid),
                methods: Vec::new(),
                pkg: pkg.to_string(),
            },
        );
        id
    }

    /// Sets a defined type's underlying type (never itself a defined
    /// type), then expands the instances of it made meanwhile.
    pub(crate) fn set_underlying(&mut self, obj: ObjId, u: TyId) {
        // Declared as an instance not expanded yet: it (and its own
        // instances) wait for that instance's structure.
        if let T::Inst(base, _) = self.get(u)
            && self.named.get(base).is_some_and(|n| !n.complete)
        {
            self.inst_waiters.entry(self.unalias(u)).or_default().push(obj);
            return;
        }
        let u = self.under(u);
        let cu = self.canon(u);
        if let Some(n) = self.named.get_mut(&obj) {
            n.underlying = u;
            n.complete = true;
        }
        if let Some(n) = self.table.named.get_mut(&obj) {
            n.underlying = cu;
        }
        for inst in self.pending.remove(&obj).unwrap_or_default() {
            self.expand(inst);
        }
    }

    /// Registers the type parameters of a generic function, type or method.
    pub(crate) fn set_generic(&mut self, obj: ObjId, tparams: Vec<TyId>) {
        let canon = tparams.iter().map(|&t| self.canon(t)).collect();
        self.table.generics.insert(obj, canon);
        self.generic.insert(obj, tparams);
    }

    /// Records the type parameters `own` that method `m` of a generic type
    /// declares besides its receiver's (Go 1.27's generic methods): the
    /// model's list ([`TypeTable::generics`], what an instance is made
    /// of) is the receiver's followed by them; the checker's own
    /// (`generic`) stays the receiver's, which method lookups on an
    /// instance substitute.
    pub(crate) fn add_method_tparams(&mut self, m: ObjId, own: &[TyId]) {
        let own: Vec<crate::model::TypeId> = own.iter().map(|&t| self.canon(t)).collect();
        if let Some(all) = self.table.generics.get_mut(&m) {
            all.extend(own);
        }
    }

    /// A new type parameter `obj`, number `index` of `owner`'s list (its
    /// constraint is set later, by [`Types::set_constraint`]).
    pub(crate) fn new_tparam(&mut self, obj: ObjId, index: usize, owner: ObjId) -> TyId {
        self.tparams.insert(obj, TParam { constraint: INVALID });
        let invalid = TypeTable::basic(BasicKind::Invalid);
        self.table.type_params.insert(obj, TypeParamInfo { index, owner, constraint: invalid });
        self.intern(T::TypeParam(obj))
    }

    /// Sets the constraint of type parameter `obj`.
    pub(crate) fn set_constraint(&mut self, obj: ObjId, c: TyId) {
        let cc = self.canon(c);
        if let Some(p) = self.tparams.get_mut(&obj) {
            p.constraint = c;
        }
        if let Some(p) = self.table.type_params.get_mut(&obj) {
            p.constraint = cc;
        }
    }

    /// Records a method of a defined type.
    pub(crate) fn add_method(&mut self, obj: ObjId, m: ObjId) {
        if let Some(n) = self.named.get_mut(&obj) {
            n.methods.push(m);
        }
        if let Some(n) = self.table.named.get_mut(&obj) {
            n.methods.push(m);
        }
    }

    /// The underlying type (a type parameter is its own).
    pub(crate) fn under(&self, t: TyId) -> TyId {
        match self.get(t) {
            T::Named(o) => self.named.get(o).map(|n| n.underlying).unwrap_or(INVALID),
            T::Inst(..) => self.inst_under.get(&self.canon(t)).copied().unwrap_or(INVALID),
            _ => self.unalias(t),
        }
    }

    /// The defined type `t` is, with its type arguments (none unless it is
    /// an instance of a generic type).
    pub(crate) fn named_of(&self, t: TyId) -> Option<(ObjId, &[TyId])> {
        match self.get(t) {
            T::Named(o) => Some((*o, &[])),
            T::Inst(o, args) => Some((*o, args)),
            _ => None,
        }
    }

    /// Whether `t` is a generic defined type (not instantiated).
    pub(crate) fn is_generic_type(&self, t: TyId) -> bool {
        matches!(self.get(t), T::Named(o) if self.generic.contains_key(o))
    }

    /// What the underlying type of `t` is, in one word, as types2 describes
    /// defined types in operands (`struct`, `func`, ...; the name of a
    /// basic type); `None` when it is invalid.
    pub(crate) fn composite_kind(&self, t: TyId) -> Option<String> {
        Some(match self.get(self.under(t)) {
            T::Basic(k) => return (*k != BasicKind::Invalid).then(|| k.name().to_string()),
            T::Alias(n, _) => n.to_string(),
            T::Named(_) => return None,
            T::Pointer(_) => "pointer".into(),
            T::Array(..) => "array".into(),
            T::Slice(_) => "slice".into(),
            T::Map(..) => "map".into(),
            T::Chan(..) => "chan".into(),
            T::Struct(_) => "struct".into(),
            T::Func(_) => "func".into(),
            T::Interface { .. } | T::Union(_) => "interface".into(),
            T::Tuple(_) => "tuple".into(),
            T::TypeParam(_) | T::Inst(..) | T::Aliased(..) => return None,
        })
    }

    /// The basic kind of the underlying type, if basic.
    pub(crate) fn basic_kind(&self, t: TyId) -> Option<BasicKind> {
        match self.get(self.under(t)) {
            T::Basic(k) | T::Alias(_, k) => Some(*k),
            _ => None,
        }
    }

    /// Whether the basic kind of `t` satisfies `f`; for a type parameter,
    /// whether that of every type of its type set does (types2's
    /// `allBoolean`, `allNumeric`, ...; false without specific types).
    fn kind_is(&self, t: TyId, f: impl Fn(BasicKind) -> bool) -> bool {
        match self.tparam_terms(t) {
            Some(terms) => !terms.is_empty() && terms.iter().all(|x| self.basic_kind(x.ty).is_some_and(&f)),
            None => self.basic_kind(t).is_some_and(f),
        }
    }

    pub(crate) fn is_untyped(&self, t: TyId) -> bool {
        // Only basic types themselves (not defined types) can be untyped.
        matches!(self.get(t), T::Basic(k) if k.is_untyped())
    }
    pub(crate) fn is_typed(&self, t: TyId) -> bool {
        !self.is_untyped(t)
    }
    pub(crate) fn is_boolean(&self, t: TyId) -> bool {
        self.kind_is(t, |k| matches!(k, BasicKind::Bool | BasicKind::UntypedBool))
    }
    pub(crate) fn is_string(&self, t: TyId) -> bool {
        self.kind_is(t, |k| matches!(k, BasicKind::String | BasicKind::UntypedString))
    }
    pub(crate) fn is_integer(&self, t: TyId) -> bool {
        self.kind_is(t, BasicKind::is_integer)
    }
    pub(crate) fn is_unsigned(&self, t: TyId) -> bool {
        self.kind_is(t, BasicKind::is_unsigned)
    }
    pub(crate) fn is_float(&self, t: TyId) -> bool {
        self.kind_is(t, BasicKind::is_float)
    }
    pub(crate) fn is_complex(&self, t: TyId) -> bool {
        self.kind_is(t, BasicKind::is_complex)
    }
    pub(crate) fn is_numeric(&self, t: TyId) -> bool {
        self.kind_is(t, BasicKind::is_numeric)
    }
    pub(crate) fn is_numeric_or_string(&self, t: TyId) -> bool {
        self.kind_is(t, |k| k.is_numeric() || matches!(k, BasicKind::String | BasicKind::UntypedString))
    }
    pub(crate) fn is_ordered(&self, t: TyId) -> bool {
        self.kind_is(t, |k| k.is_integer() || k.is_float() || matches!(k, BasicKind::String | BasicKind::UntypedString))
    }
    /// Whether the type is a basic type usable for constants.
    pub(crate) fn is_const_type(&self, t: TyId) -> bool {
        self.kind_is(t, |k| k != BasicKind::UnsafePointer && k != BasicKind::Invalid && k != BasicKind::UntypedNil)
    }
    pub(crate) fn is_interface(&self, t: TyId) -> bool {
        matches!(self.get(self.under(t)), T::Interface { .. })
    }
    /// Whether the type is a pointer to an interface (underlying), a type
    /// parameter counting as one (its underlying type is its constraint
    /// in types2).
    pub(crate) fn is_interface_ptr(&self, t: TyId) -> bool {
        matches!(self.get(self.under(t)), T::Pointer(p) if self.is_interface(*p)) || self.is_tparam_ptr(t)
    }
    /// Whether the type is a pointer to a type parameter (underlying).
    pub(crate) fn is_tparam_ptr(&self, t: TyId) -> bool {
        matches!(self.get(self.under(t)), T::Pointer(p) if matches!(self.get(*p), T::TypeParam(_)))
    }
    /// Whether the type has a name (types2's `hasName`): a basic or
    /// defined type, an instance, or a type parameter.
    pub(crate) fn is_named(&self, t: TyId) -> bool {
        matches!(self.get(t), T::Named(_) | T::Basic(_) | T::Alias(..) | T::Inst(..) | T::TypeParam(_))
    }
    /// Types whose values can be `nil` (for a type parameter: every type
    /// of its type set).
    pub(crate) fn has_nil(&self, t: TyId) -> bool {
        if let Some(terms) = self.tparam_terms(t) {
            return !terms.is_empty() && terms.iter().all(|x| self.has_nil(x.ty));
        }
        match self.get(self.under(t)) {
            T::Basic(k) => *k == BasicKind::UnsafePointer,
            T::Pointer(_) | T::Slice(_) | T::Map(..) | T::Chan(..) | T::Func(_) | T::Interface { .. } => true,
            _ => false,
        }
    }

    /// Whether values of the type can be compared with `==`.
    pub(crate) fn comparable(&self, t: TyId) -> bool {
        self.comparable_depth(t, false, 0)
    }

    /// Whether `t` is strictly comparable: comparable, and no interface
    /// among its components, so that `==` never panics (the types of a
    /// constraint's type set must be).
    pub(crate) fn strictly_comparable(&self, t: TyId) -> bool {
        self.comparable_depth(t, true, 0)
    }

    pub(crate) fn comparable_depth(&self, t: TyId, strict: bool, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        match self.get(self.under(t)) {
            T::TypeParam(p) => self.tparam_comparable(*p, depth),
            T::Basic(k) => *k != BasicKind::UntypedNil,
            T::Alias(..) | T::Pointer(_) | T::Chan(..) => true,
            T::Interface { .. } => !strict,
            T::Struct(fs) => fs.iter().all(|f| self.comparable_depth(f.ty, strict, depth + 1)),
            T::Array(_, e) => self.comparable_depth(*e, strict, depth + 1),
            _ => false,
        }
    }

    /// The default type of an untyped type (itself otherwise).
    pub(crate) fn default_type(&self, t: TyId) -> TyId {
        match self.get(t) {
            T::Basic(k) => match k {
                BasicKind::UntypedBool => basic(BasicKind::Bool),
                BasicKind::UntypedInt => basic(BasicKind::Int),
                BasicKind::UntypedRune => RUNE,
                BasicKind::UntypedFloat => basic(BasicKind::Float64),
                BasicKind::UntypedComplex => basic(BasicKind::Complex128),
                BasicKind::UntypedString => basic(BasicKind::String),
                _ => t,
            },
            _ => t,
        }
    }

    /// The signature of a function type (its core type: the underlying
    /// type, or the one underlying type of a type parameter's type set).
    pub(crate) fn sig(&self, t: TyId) -> Option<&Sig> {
        match self.get(self.core(t)) {
            T::Func(s) => Some(s),
            _ => None,
        }
    }

    /// The method set of an interface type (underlying).
    pub(crate) fn iface_methods(&self, t: TyId) -> Option<&[Method]> {
        match self.get(self.under(t)) {
            T::Interface { methods, .. } => Some(methods),
            _ => None,
        }
    }

    /// An (unnamed) tuple type.
    pub(crate) fn tuple(&mut self, ts: Vec<TyId>) -> TyId {
        self.intern(T::Tuple(ts.into_iter().map(|ty| Param { name: None, ty }).collect()))
    }

    /// The types of a tuple's elements.
    pub(crate) fn tuple_types(&self, t: TyId) -> Option<Vec<TyId>> {
        match self.get(t) {
            T::Tuple(ps) => Some(ps.iter().map(|p| p.ty).collect()),
            _ => None,
        }
    }

    /// The type for results of a signature: a tuple unless there is exactly one.
    pub(crate) fn results_type(&mut self, s: &Sig) -> TyId {
        if s.results.len() == 1 { s.results[0].ty } else { self.intern(T::Tuple(s.results.clone())) }
    }
}
