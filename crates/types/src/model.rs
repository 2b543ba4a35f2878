//! What the type checker tells the rest of the compiler.
//!
//! This is the contract between `types` and `lower`, modelled on `go/types`:
//! the AST stays untouched and every fact is recorded in [`Info`], keyed by
//! the [`NodeId`] of the node it is about.
//!
//! Invariants (what `lower` may rely on once checking reported no errors):
//! * Every expression node that is evaluated has an entry in [`Info::types`];
//!   its type is the type *after* implicit conversion of untyped operands
//!   (an untyped constant assigned to an `int8` is recorded as `int8`; an
//!   untyped constant with no context gets its default type). Only
//!   `untyped nil` may remain untyped (comparison `x == nil` and assignment of
//!   `nil`; lower takes the other side's type).
//! * A constant expression has `value: Some(_)`, already representable in its
//!   recorded type (so lower never needs to check for overflow).
//! * Every identifier is in [`Info::defs`] (where declared) or
//!   [`Info::uses`] (where used), except the package name and blank `_` on
//!   the left of definitions, which are in `defs` mapped to a fresh object.
//! * Types are interned: two equal [`TypeId`]s denote identical types and
//!   identical types (Go's type identity) have equal ids.

use std::collections::HashMap;

use num_bigint::BigInt;
use num_rational::BigRational;
use syntax::Pos;
use syntax::ast::{ChanDir, NodeId};

/// An interned type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// An object: anything a name can denote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

/// The predeclared basic types, plus the untyped kinds of constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum BasicKind {
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
    /// The type of an erroneous expression; never reaches lowering.
    Invalid,
}

/// A struct field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructField {
    /// Field name (for an embedded field, the type's name).
    pub name: String,
    /// Field type.
    pub ty: TypeId,
    /// Embedded field.
    pub embedded: bool,
    /// Tag, if any.
    pub tag: Option<String>,
}

/// A function signature (receiver excluded).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    /// Parameter types; for a variadic function the last one is a slice type.
    pub params: Vec<TypeId>,
    /// Result types.
    pub results: Vec<TypeId>,
    /// Whether the last parameter is `...T`.
    pub variadic: bool,
}

/// An interface method.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InterfaceMethod {
    /// Method name.
    pub name: String,
    /// Its signature (a [`Type::Func`]).
    pub sig: TypeId,
}

/// The structure of a type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// A predeclared basic type or an untyped constant kind.
    Basic(BasicKind),
    /// A defined (named) type. `obj` is its type name object; its
    /// underlying type and methods are in [`TypeTable::named`].
    Named(ObjId),
    /// `*T`.
    Pointer(TypeId),
    /// `[N]T`.
    Array(u64, TypeId),
    /// `[]T`.
    Slice(TypeId),
    /// `map[K]V`.
    Map(TypeId, TypeId),
    /// `chan T`.
    Chan(ChanDir, TypeId),
    /// `struct{...}`.
    Struct(Vec<StructField>),
    /// A function type.
    Func(Signature),
    /// An interface type with its full method set (embedded interfaces
    /// flattened), methods sorted by name.
    Interface(Vec<InterfaceMethod>),
    /// The result list of a call returning several values.
    Tuple(Vec<TypeId>),
}

/// Facts about a defined type.
#[derive(Clone, Debug)]
pub struct NamedInfo {
    /// The type name object.
    pub obj: ObjId,
    /// Its underlying type (never itself a `Named`).
    pub underlying: TypeId,
    /// Declared methods (function objects), in declaration order.
    pub methods: Vec<ObjId>,
    /// Package path (`main` for the user's program).
    pub pkg: String,
}

/// All types of a compilation, interned.
#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    /// `types[id.0]` is the structure of `id`.
    pub types: Vec<Type>,
    /// Interning map.
    pub index: HashMap<Type, TypeId>,
    /// Defined types, by their type name object.
    pub named: HashMap<ObjId, NamedInfo>,
}

impl TypeTable {
    /// The structure of a type.
    pub fn get(&self, id: TypeId) -> &Type {
        &self.types[id.0 as usize]
    }

    /// Interns a type.
    pub fn intern(&mut self, ty: Type) -> TypeId {
        if let Some(&id) = self.index.get(&ty) {
            return id;
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(ty.clone());
        self.index.insert(ty, id);
        id
    }

    /// The underlying type: itself unless it is a defined type.
    pub fn underlying(&self, id: TypeId) -> TypeId {
        match self.get(id) {
            Type::Named(obj) => self.named[obj].underlying,
            _ => id,
        }
    }
}

/// An exact constant value (arbitrary precision, as the spec requires).
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    /// Boolean constant.
    Bool(bool),
    /// String constant.
    String(String),
    /// Integer constant (also runes).
    Int(BigInt),
    /// Floating-point constant, exact.
    Float(BigRational),
    /// Complex constant (real, imaginary).
    Complex(BigRational, BigRational),
}

/// The builtin functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Builtin {
    Append,
    Cap,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
}

/// What kind of entity an object is.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    /// A variable, parameter or result.
    Var(VarInfo),
    /// A constant with its value.
    Const(ConstValue),
    /// A type name (defined type or alias).
    TypeName,
    /// A function or method. `decl` is the node id of the declaring
    /// `FuncDecl`'s name identifier.
    Func {
        /// Whether it is a method (has a receiver).
        method: bool,
    },
    /// A builtin function.
    Builtin(Builtin),
    /// The predeclared `nil`.
    Nil,
    /// A label.
    Label,
    /// An imported package name; the import path.
    PkgName(String),
}

/// Facts about a variable.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct VarInfo {
    /// Declared at package level.
    pub global: bool,
    /// A parameter (or receiver) of a function.
    pub param: bool,
    /// A result parameter (named or not).
    pub result: bool,
    /// A struct field (objects for fields appear in selections).
    pub field: bool,
    /// Some use of it is inside a function literal other than the function
    /// that declares it (so it must live in a heap cell shared by both).
    pub captured: bool,
    /// Its address is taken with `&` (directly or by a method call with
    /// pointer receiver); lowering decides whether it escapes.
    pub addr_taken: bool,
}

/// A declared entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    /// Its name (may be `_`).
    pub name: String,
    /// What it is.
    pub kind: ObjKind,
    /// Its type (`Invalid` for labels, packages, builtins and nil's untyped nil).
    pub ty: TypeId,
    /// Where it is declared (`Pos::NONE` for predeclared objects).
    pub pos: Pos,
    /// Node id of the function (FuncDecl name ident or FuncLit expression)
    /// whose body declares it; `None` at package level and for predeclared.
    pub owner: Option<NodeId>,
}

/// What kind of value an expression denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A computed value.
    Value,
    /// An addressable variable (assignable, `&` allowed).
    Variable,
    /// A map index expression (assignable, not addressable).
    MapIndex,
    /// A constant.
    Constant,
    /// A type (in conversions, composite literals, `make`/`new` arguments).
    TypeExpr,
    /// A builtin function name.
    Builtin,
    /// A call with no result.
    NoValue,
    /// A `v, ok` expression (map index, type assertion, receive) used in a
    /// two-value context: its type is recorded as a 2-tuple.
    CommaOk,
}

/// The type and, for constants, the value of an expression.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeAndValue {
    /// How the expression may be used.
    pub mode: Mode,
    /// Its type after implicit conversion (see the module invariants).
    pub ty: TypeId,
    /// Its value when it is a constant.
    pub value: Option<ConstValue>,
}

/// How a selector expression `x.f` resolved.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectionKind {
    /// `x.f` is a struct field.
    FieldVal,
    /// `x.m` is a method value (or the callee of a method call).
    MethodVal,
    /// `T.m` is a method expression.
    MethodExpr,
}

/// A resolved selector.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// Field or method.
    pub kind: SelectionKind,
    /// Field indices walked from `x`'s type through embedded fields; the last
    /// one is the selected field for `FieldVal` (for methods: the embedded
    /// path to the receiver).
    pub path: Vec<usize>,
    /// Whether a pointer is dereferenced on the way (auto-dereference).
    pub indirect: bool,
    /// The method object (for methods) — `None` for fields.
    pub method: Option<ObjId>,
    /// Type of the selected field or method (as a func type without receiver).
    pub ty: TypeId,
}

/// One package-level variable initialisation, in execution order.
#[derive(Clone, Debug, PartialEq)]
pub struct Initializer {
    /// The variables assigned (several for `var a, b = f()`).
    pub lhs: Vec<ObjId>,
    /// The initial value expression.
    pub rhs: NodeId,
}

/// Everything the checker learned about a package.
#[derive(Clone, Debug, Default)]
pub struct Info {
    /// Type and value of every evaluated expression and type expression.
    pub types: HashMap<NodeId, TypeAndValue>,
    /// Identifier → object it declares.
    pub defs: HashMap<NodeId, ObjId>,
    /// Identifier → object it refers to.
    pub uses: HashMap<NodeId, ObjId>,
    /// Type-switch clause (`TypeCaseClause::implicit`) → its variable.
    pub implicits: HashMap<NodeId, ObjId>,
    /// Selector expression → how it resolved (not for qualified identifiers).
    pub selections: HashMap<NodeId, Selection>,
    /// All objects; `ObjId` indexes this.
    pub objects: Vec<Object>,
    /// Package-level variable initialisation in dependency order.
    pub init_order: Vec<Initializer>,
    /// All types.
    pub types_table: TypeTable,
}

impl Info {
    /// The object with this id.
    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }

    /// The object an identifier declares or uses.
    pub fn object_of(&self, ident: NodeId) -> Option<ObjId> {
        self.defs.get(&ident).or_else(|| self.uses.get(&ident)).copied()
    }
}
