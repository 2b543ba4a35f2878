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

use std::collections::HashMap;

use syntax::ast::ChanDir;

use crate::model::{BasicKind, InterfaceMethod, NamedInfo, ObjId, Signature, StructField, Type, TypeId, TypeTable};

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
    /// Methods sorted by name; `any` is the predeclared alias spelling.
    Interface {
        methods: Vec<Method>,
        any: bool,
    },
    /// A result list; names (named results) are kept for messages.
    Tuple(Vec<Param>),
}

/// A defined type's facts in the store.
#[derive(Clone, Debug)]
pub(crate) struct NamedData {
    pub underlying: TyId,
    pub methods: Vec<ObjId>,
}

/// The store.
pub(crate) struct Types {
    arena: Vec<T>,
    index: HashMap<T, TyId>,
    canon: Vec<TypeId>,
    pub table: TypeTable,
    pub named: HashMap<ObjId, NamedData>,
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
            T::Interface { methods, .. } => Type::Interface(
                methods.iter().map(|m| InterfaceMethod { name: m.name.clone(), sig: c(self, m.sig) }).collect(),
            ),
            T::Tuple(ts) => Type::Tuple(ts.iter().map(|x| c(self, x.ty)).collect()),
        };
        self.table.intern(model)
    }

    /// The structure of a type.
    pub(crate) fn get(&self, t: TyId) -> &T {
        &self.arena[t.0 as usize]
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
        self.named.insert(obj, NamedData { underlying: INVALID, methods: Vec::new() });
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

    /// Sets a defined type's underlying type (never itself a defined type).
    pub(crate) fn set_underlying(&mut self, obj: ObjId, u: TyId) {
        let u = self.under(u);
        let cu = self.canon(u);
        if let Some(n) = self.named.get_mut(&obj) {
            n.underlying = u;
        }
        if let Some(n) = self.table.named.get_mut(&obj) {
            n.underlying = cu;
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

    /// The underlying type.
    pub(crate) fn under(&self, t: TyId) -> TyId {
        match self.get(t) {
            T::Named(o) => self.named.get(o).map(|n| n.underlying).unwrap_or(INVALID),
            _ => t,
        }
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
            T::Interface { .. } => "interface".into(),
            T::Tuple(_) => "tuple".into(),
        })
    }

    /// The basic kind of the underlying type, if basic.
    pub(crate) fn basic_kind(&self, t: TyId) -> Option<BasicKind> {
        match self.get(self.under(t)) {
            T::Basic(k) | T::Alias(_, k) => Some(*k),
            _ => None,
        }
    }

    fn kind_is(&self, t: TyId, f: impl Fn(BasicKind) -> bool) -> bool {
        self.basic_kind(t).is_some_and(f)
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
        self.is_numeric(t) || self.is_string(t)
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
    /// Whether the type is a pointer to an interface (underlying).
    pub(crate) fn is_interface_ptr(&self, t: TyId) -> bool {
        matches!(self.get(self.under(t)), T::Pointer(p) if self.is_interface(*p))
    }
    pub(crate) fn is_named(&self, t: TyId) -> bool {
        matches!(self.get(t), T::Named(_) | T::Basic(_) | T::Alias(..))
    }
    /// Types whose values can be `nil`.
    pub(crate) fn has_nil(&self, t: TyId) -> bool {
        match self.get(self.under(t)) {
            T::Basic(k) => *k == BasicKind::UnsafePointer,
            T::Pointer(_) | T::Slice(_) | T::Map(..) | T::Chan(..) | T::Func(_) | T::Interface { .. } => true,
            _ => false,
        }
    }

    /// Whether values of the type can be compared with `==`.
    pub(crate) fn comparable(&self, t: TyId) -> bool {
        self.comparable_depth(t, 0)
    }

    fn comparable_depth(&self, t: TyId, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        match self.get(self.under(t)) {
            T::Basic(k) => *k != BasicKind::UntypedNil,
            T::Alias(..) | T::Pointer(_) | T::Chan(..) | T::Interface { .. } => true,
            T::Struct(fs) => fs.iter().all(|f| self.comparable_depth(f.ty, depth + 1)),
            T::Array(_, e) => self.comparable_depth(*e, depth + 1),
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

    /// The signature of a function type (underlying).
    pub(crate) fn sig(&self, t: TyId) -> Option<&Sig> {
        match self.get(self.under(t)) {
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
