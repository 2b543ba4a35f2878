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
//!   identical types (Go's type identity) have equal ids. (The checker keeps
//!   its own spelling-preserving types for messages — `byte` vs `uint8` —
//!   and records only canonical ids here.)
//! * Operands of a constant expression (`1 << 100 > 1`, whose operands are
//!   untyped) are recorded with their default type and exact value, which
//!   need not be representable in it: lower uses the value of the
//!   outermost constant expression and never evaluates its operands.
//! * The identifier `x` of `switch x := y.(type)` is in `defs`, mapped to a
//!   placeholder variable of `y`'s type; each clause's own variable is in
//!   [`Info::implicits`]. Labels are objects of kind [`ObjKind::Label`].
//!
//! * Generics: the types of a generic function's or type's declaration and
//!   of the expressions in its body are in terms of its type parameters
//!   ([`Type::TypeParam`]); every use of a generic function or type is in
//!   [`Info::instances`] with its type arguments, and the using expression
//!   has the instantiated type. Lowering substitutes the type arguments of
//!   the instance it compiles (see `TypeTable::generics`,
//!   `TypeTable::type_params`, `TypeTable::instances`).
//!
//! Additions made by the type checker (beyond the first draft): the
//! [`ConstValue::Bytes`] variant and [`ConstValue::string_bytes`];
//! [`BasicKind::ALL`], [`BasicKind::name`] and the `is_*`/`size`
//! predicates; [`TypeTable::with_basics`], [`TypeTable::basic`] and
//! [`TypeTable::basic_kind`].

use std::collections::HashMap;

use num_bigint::BigInt;
use num_rational::BigRational;
use syntax::Pos;
use syntax::ast::{ChanDir, NodeId};

pub use crate::lang::LangVersion;

/// An interned type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// An object: anything a name can denote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

/// A package of the program: index into [`Info::packages`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkgId(pub u32);

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

impl BasicKind {
    /// All kinds, in declaration order. `check_package` interns them first,
    /// in this order, so that `TypeId(kind as u32)` is the kind's type (see
    /// [`TypeTable::basic`]). (Added by the type checker.)
    pub const ALL: [BasicKind; 26] = [
        BasicKind::Bool,
        BasicKind::Int,
        BasicKind::Int8,
        BasicKind::Int16,
        BasicKind::Int32,
        BasicKind::Int64,
        BasicKind::Uint,
        BasicKind::Uint8,
        BasicKind::Uint16,
        BasicKind::Uint32,
        BasicKind::Uint64,
        BasicKind::Uintptr,
        BasicKind::Float32,
        BasicKind::Float64,
        BasicKind::Complex64,
        BasicKind::Complex128,
        BasicKind::String,
        BasicKind::UnsafePointer,
        BasicKind::UntypedBool,
        BasicKind::UntypedInt,
        BasicKind::UntypedRune,
        BasicKind::UntypedFloat,
        BasicKind::UntypedComplex,
        BasicKind::UntypedString,
        BasicKind::UntypedNil,
        BasicKind::Invalid,
    ];

    /// The name gc prints (`int`, `untyped float`, `unsafe.Pointer`, `invalid type`).
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            Invalid => "invalid type",
        }
    }

    /// Whether this is the kind of an untyped constant (or untyped nil).
    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool | UntypedInt | UntypedRune | UntypedFloat | UntypedComplex | UntypedString | UntypedNil
        )
    }

    /// Whether this is an integer kind (typed or untyped; runes included).
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    /// Whether this is an unsigned integer kind.
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }

    /// Whether this is a floating-point kind (typed or untyped).
    pub fn is_float(self) -> bool {
        matches!(self, BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat)
    }

    /// Whether this is a complex kind (typed or untyped).
    pub fn is_complex(self) -> bool {
        matches!(self, BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex)
    }

    /// Integer, float or complex.
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    /// Size in bytes on linux/amd64 (0 for untyped kinds and `invalid`).
    pub fn size(self) -> u64 {
        use BasicKind::*;
        match self {
            Bool | Int8 | Uint8 => 1,
            Int16 | Uint16 => 2,
            Int32 | Uint32 | Float32 => 4,
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 | Complex64 | UnsafePointer => 8,
            Complex128 | String => 16,
            _ => 0,
        }
    }
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
    /// A type parameter; its index, owner and constraint are in
    /// [`TypeTable::type_params`]. Only types of generic declarations and
    /// of expressions in their bodies contain type parameters.
    TypeParam(ObjId),
    /// An instantiated generic type `base[args...]` (`List[int]`); its
    /// underlying type, with the type arguments substituted, is in
    /// [`TypeTable::instances`].
    Instance {
        /// The generic defined type's type name object.
        base: ObjId,
        /// The type arguments, one per type parameter of `base`.
        args: Vec<TypeId>,
    },
    /// An interface whose type set is not given by its methods alone: it
    /// has type terms (`~int | string`) or is (or embeds) `comparable`.
    /// Such interfaces are constraints only; no value has such a type.
    Constraint(ConstraintSet),
}

/// The type set of a constraint interface, normalized: two constraint
/// interfaces with the same methods, comparability and terms are identical.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ConstraintSet {
    /// Its full method set, sorted by name.
    pub methods: Vec<InterfaceMethod>,
    /// Only comparable types are in the set (`comparable` embedded).
    pub comparable: bool,
    /// The type terms (`(tilde, type)`, sorted by type), or `None` when the
    /// terms do not restrict the set (every type, before methods and
    /// comparability). `Some(vec![])` is the empty set.
    pub terms: Option<Vec<(bool, TypeId)>>,
}

/// Facts about a type parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeParamInfo {
    /// Its position in its list of type parameters (0 for the first).
    pub index: usize,
    /// The generic function, method (receiver type parameters) or type
    /// that declares it.
    pub owner: ObjId,
    /// Its constraint: an interface ([`Type::Interface`] or
    /// [`Type::Constraint`], possibly named).
    pub constraint: TypeId,
}

/// Facts about an instantiated generic type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstanceInfo {
    /// The generic defined type.
    pub base: ObjId,
    /// The type arguments.
    pub args: Vec<TypeId>,
    /// The generic type's underlying type with the type arguments
    /// substituted for its type parameters (`invalid` for an
    /// instantiation the checker rejected).
    pub underlying: TypeId,
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
    /// Defined types, by their type name object. A generic type is here
    /// too, with its underlying type in terms of its type parameters.
    pub named: HashMap<ObjId, NamedInfo>,
    /// Type parameters, by their type name object.
    pub type_params: HashMap<ObjId, TypeParamInfo>,
    /// The type parameters (each a [`Type::TypeParam`], in order) of every
    /// generic function, generic type and method of a generic type (its
    /// receiver type parameters), by the function or type name object. A
    /// method with type parameters of its own (Go 1.27) lists them after
    /// its receiver's (none for a method of a type that is not generic).
    pub generics: HashMap<ObjId, Vec<TypeId>>,
    /// Instantiated generic types, by their id.
    pub instances: HashMap<TypeId, InstanceInfo>,
}

impl TypeTable {
    /// A table holding exactly the basic types, interned in the order of
    /// [`BasicKind::ALL`]. `check_package` starts from this table, so in every
    /// [`Info`] it returns [`TypeTable::basic`] is valid. (Added by the type checker.)
    pub fn with_basics() -> TypeTable {
        let mut t = TypeTable::default();
        for k in BasicKind::ALL {
            t.intern(Type::Basic(k));
        }
        t
    }

    /// The type id of a basic kind (valid for tables made by
    /// [`TypeTable::with_basics`], i.e. every table `check_package` returns).
    pub const fn basic(kind: BasicKind) -> TypeId {
        TypeId(kind as u32)
    }

    /// The basic kind of a type's underlying type, if it is basic.
    pub fn basic_kind(&self, id: TypeId) -> Option<BasicKind> {
        match self.get(self.underlying(id)) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

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

    /// The underlying type: itself unless it is a defined type or an
    /// instance of a generic one (a type parameter is its own underlying
    /// type here: lowering substitutes type arguments before it asks).
    pub fn underlying(&self, id: TypeId) -> TypeId {
        match self.get(id) {
            Type::Named(obj) => self.named[obj].underlying,
            Type::Instance { .. } => self.instances[&id].underlying,
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
    /// Floating-point constant, exact. (Boxed, as the complex one: facts
    /// hold a value for every constant expression, and with the rationals
    /// inline every fact was the size of two of them.)
    Float(Box<BigRational>),
    /// Complex constant (real, imaginary).
    Complex(Box<(BigRational, BigRational)>),
    /// String constant whose bytes are not valid UTF-8 (e.g. `"\xff"`);
    /// valid UTF-8 strings always use [`ConstValue::String`]. (Added by the
    /// type checker.)
    Bytes(Vec<u8>),
}

impl ConstValue {
    /// The bytes of a string constant (either representation).
    pub fn string_bytes(&self) -> Option<&[u8]> {
        match self {
            ConstValue::String(s) => Some(s.as_bytes()),
            ConstValue::Bytes(b) => Some(b),
            _ => None,
        }
    }
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
    /// `unsafe.Sizeof` (always a constant: never reaches lowering).
    Sizeof,
    /// `unsafe.Alignof` (always a constant).
    Alignof,
    /// `unsafe.Offsetof` (always a constant).
    Offsetof,
    /// `unsafe.Add`.
    Add,
    /// `unsafe.Slice`.
    Slice,
    /// `min` (Go 1.21).
    Min,
    /// `max` (Go 1.21).
    Max,
    /// `clear` (Go 1.21).
    Clear,
    /// `unsafe.String` (Go 1.20).
    String,
    /// `unsafe.StringData` (Go 1.20).
    StringData,
    /// `unsafe.SliceData` (Go 1.20).
    SliceData,
}

impl Builtin {
    /// The builtin's name as written in Go source, e.g. `append`.
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Append => "append",
            Builtin::Cap => "cap",
            Builtin::Close => "close",
            Builtin::Complex => "complex",
            Builtin::Copy => "copy",
            Builtin::Delete => "delete",
            Builtin::Imag => "imag",
            Builtin::Len => "len",
            Builtin::Make => "make",
            Builtin::New => "new",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Real => "real",
            Builtin::Recover => "recover",
            Builtin::Sizeof => "unsafe.Sizeof",
            Builtin::Alignof => "unsafe.Alignof",
            Builtin::Offsetof => "unsafe.Offsetof",
            Builtin::Add => "unsafe.Add",
            Builtin::Slice => "unsafe.Slice",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Clear => "clear",
            Builtin::String => "unsafe.String",
            Builtin::StringData => "unsafe.StringData",
            Builtin::SliceData => "unsafe.SliceData",
        }
    }
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
    /// The package that declares it; `None` for predeclared objects.
    pub pkg: Option<PkgId>,
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

/// What the checker was given about one package of the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageSpec {
    /// Import path (`main` for the program's own package, `fmt`,
    /// `unicode/utf8`).
    pub path: String,
    /// Its files: a range of the file list given to [`crate::check_program`].
    pub files: std::ops::Range<usize>,
    /// Part of deft's standard library: functions may be declared without
    /// a body, which makes them implemented by the runtime.
    pub library: bool,
    /// Its language version, gc's `-lang` (see [`crate::lang`]): the `go`
    /// line of its module's go.mod, else [`LangVersion::CURRENT`]. A file's
    /// `//go:build` line may set another for that file.
    pub lang: LangVersion,
    /// Imports whose path as written is not the imported package's path
    /// (gc's `importmap`: a relative `"./a"` of Go's test directories); an
    /// import not listed names the package of that path.
    pub import_map: std::collections::BTreeMap<String, String>,
    /// Imports (as written) no package was found for, which are gc's
    /// compiler's error `could not import P (file not found)`: only when
    /// the program is checked as gc's compiler checks files (`deft run
    /// --check-only`); else such an import is the loader's error.
    pub unfound_imports: std::collections::BTreeSet<String>,
}

/// Facts about one package of the program.
#[derive(Clone, Debug, PartialEq)]
pub struct PackageInfo {
    /// What the checker was given.
    pub spec: PackageSpec,
    /// The package name of its `package` clause.
    pub name: String,
    /// Package-level variable initialisation in dependency order.
    pub init_order: Vec<Initializer>,
}

/// Everything the checker learned about a program (all its packages).
#[derive(Clone, Debug, Default)]
pub struct Info {
    /// Type and value of every evaluated expression and type expression.
    pub types: syntax::ast::DenseNodeMap<TypeAndValue>,
    /// Identifier → object it declares.
    pub defs: syntax::ast::NodeMap<ObjId>,
    /// Identifier → object it refers to.
    pub uses: syntax::ast::NodeMap<ObjId>,
    /// Type-switch clause (`TypeCaseClause::implicit`) → its variable.
    pub implicits: syntax::ast::NodeMap<ObjId>,
    /// Selector expression → how it resolved (not for qualified identifiers).
    pub selections: syntax::ast::NodeMap<Selection>,
    /// All objects; `ObjId` indexes this.
    pub objects: Vec<Object>,
    /// The packages, in the order they were checked and are initialised
    /// (every package after the packages it imports; `main` last).
    pub packages: Vec<PackageInfo>,
    /// All types.
    pub types_table: TypeTable,
    /// The language version of every file checked (see [`crate::lang`]).
    pub file_langs: HashMap<syntax::FileId, LangVersion>,
    /// Every use of a generic function or type, with its type arguments
    /// (explicit or inferred), by the identifier that names the generic
    /// object (for `pkg.F[int]`, the identifier `F`), as types2's
    /// `Info.Instances`. The expression's own entry in [`Info::types`] is
    /// then the instantiated type (the signature with the type arguments
    /// substituted).
    pub instances: syntax::ast::NodeMap<Instance>,
}

/// One instantiation of a generic function or type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    /// The generic function or type name object.
    pub obj: ObjId,
    /// The type arguments, one per type parameter.
    pub targs: Vec<TypeId>,
    /// The instantiated type: the signature of the function, or the
    /// instance type ([`Type::Instance`]).
    pub ty: TypeId,
}

impl Info {
    /// The object with this id.
    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }

    /// The language version of the file `pos` is in: semantics that changed
    /// between versions (loop variables, go1.22) follow it.
    /// [`LangVersion::CURRENT`] for a position in no checked file.
    pub fn lang_at(&self, pos: Pos) -> LangVersion {
        self.file_langs.get(&pos.file).copied().unwrap_or(LangVersion::CURRENT)
    }

    /// The name (of its package clause) of the package with import path
    /// `path`; gc qualifies a type by it in `%T` and panics (`greet.T` for
    /// a package `example.com/m/greet`).
    pub fn package_name(&self, path: &str) -> Option<&str> {
        self.packages.iter().find(|p| p.spec.path == path).map(|p| p.name.as_str())
    }

    /// The object an identifier declares or uses.
    pub fn object_of(&self, ident: NodeId) -> Option<ObjId> {
        self.defs.get(&ident).or_else(|| self.uses.get(&ident)).copied()
    }
}
