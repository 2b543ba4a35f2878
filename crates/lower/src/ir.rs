//! The lowered IR: what code generation sees.
//!
//! A program is a set of functions whose bodies are *structured trees* of
//! statements and expressions, fully typed, with Go's surface conveniences
//! already removed:
//!
//! * names are resolved to [`LocalId`]s, [`GlobalId`]s and [`FuncId`]s;
//! * untyped constants are gone: every [`Expr`] has a concrete [`TyId`] and
//!   constants are [`Const`] values representable in it;
//! * closures are explicit: a function literal is a separate [`Func`] whose
//!   [`Func::captures`] are bound to cells of the enclosing function, or
//!   are copies of variables never assigned after their declaration (as gc
//!   captures them by value, see `captures.rs`), and the literal itself is
//!   an [`ExprKind::Closure`];
//! * variables captured by reference by closures or whose address escapes
//!   are marked [`Local::heap`]: they live in a heap cell allocated at their
//!   [`Stmt::Decl`], a fresh cell each time the declaration executes;
//! * `return e1, e2` has become assignments to the result locals followed by
//!   [`Stmt::Return`]; multi-value calls appear only as the value of
//!   [`Stmt::AssignMulti`] or [`Stmt::Eval`]; `switch` is `If`s, `Label`s
//!   and `Goto`s inside a breakable [`Stmt::Block`] (a type switch's
//!   leading concrete cases a [`Stmt::TypeSwitch`]); `x op= y`, `x++` are
//!   plain assignments (with the place's operands evaluated once);
//! * maps are explicit: indexing is [`Place::MapIndex`], everything else an
//!   [`ExprKind::Map`] operation ([`MapOp`]); a map literal is a `Make`
//!   followed by one store per entry, a `range` over a map an `IterStart`
//!   and a loop on `IterNext`;
//! * every `defer` site has its strategy decided ([`DeferKind`]), and a
//!   deferred builtin (`defer println(x)`, `defer panic(v)`, ...) has been
//!   wrapped into a call of a generated function taking the already evaluated
//!   arguments, so a deferred call is always a [`Call`].
//!
//! What lowering further guarantees (added by lowering, see `crate::plan`
//! and `crate::call` for the reasons):
//! * every function body ends with [`Stmt::Return`];
//! * code gc never compiles is not lowered: statements gc's dead-code pass
//!   removes (`if false {...}`, cases of a constant `switch` that cannot
//!   run, ...) and statements SSA construction cannot reach (after `return`,
//!   `goto`, `break`, `continue`, `panic(...)`, up to the next label). The
//!   function literals inside the unreachable ones are still lowered, as gc
//!   still compiles them. So [`Func::defers`] lists exactly the defer sites
//!   gc's `-d=defer` reports, and their [`DeferKind`]s are gc's;
//! * a deferred function literal is `Callee::Value(Closure { .. })` (the
//!   closure object carries the captured cells; codegen may call the
//!   literal's function directly with it); a deferred method call is a
//!   static `Callee::Func` with the receiver, evaluated at the `defer`, as
//!   first argument; no wrapper is generated for either;
//! * a deferred builtin calls a generated wrapper named as gc names its own
//!   (`main.f.func2`); `defer recover()` passes its wrapper the frame
//!   pointer of the deferring function ([`ExprKind::FramePointer`]) and the
//!   wrapper recovers on that function's behalf ([`ExprKind::RecoverFor`]),
//!   as gc does;
//! * a method value `x.M` is an [`ExprKind::Seq`] that stores the receiver
//!   into a fresh heap cell and makes a closure of the method's `-fm`
//!   wrapper (`main.T.M-fm`) over it; those wrappers are listed in
//!   [`Program::wrappers`];
//! * result locals may be `heap` (captured by a closure, typically a
//!   deferred one): a `Return`, and the resumption after a recover, read the
//!   results from their cells. (gc open-codes only when no result escapes
//!   in its own escape analysis, and the plan reproduces that decision; a
//!   result captured by a non-escaping deferred closure is `heap` here but
//!   its function may still be open-coded.)
//!
//! Invariants (checked by [`crate::verify`] in tests and debug builds; its
//! module doc is the full list):
//! * every `LocalId` used in a function indexes that function's `locals`;
//!   a local is used only after a `Decl` of it, or is a param/result/capture;
//! * `Break`/`Continue` name an enclosing `Loop`/`Block`, `Goto` a `Label` of
//!   the same function;
//! * a function whose `defers` are all `OpenCoded` has at most
//!   [`MAX_OPEN_DEFERS`] of them and no `Defer` statement inside a `Loop` or
//!   between a `Label` and a later `Goto` to it (where it could run twice);
//! * the statements of an [`ExprKind::Seq`] never branch out of it.
//!
//! Evaluation order is the tree's order, left to right; lowering introduces
//! temporaries wherever the order gc implements differs from a naive tree
//! walk (see `crate::order`):
//! * within one statement (assignment of any form, expression statement,
//!   `return`, `if`/`for` condition, `switch` tag and case, `range`
//!   expression, package initialiser), every function and method call and
//!   every `len`, `cap`, `append`, `make`, `new`, `copy`, `complex`, `real`,
//!   `imag`, `recover`, `[]byte(s)`, `[]rune(s)`, slice expression, type
//!   assertion to a non-pointer-shaped type, `&&`/`||` and map literal with
//!   non-constant entries runs first, in post-order left to right, into a
//!   temporary declared before the statement (a `Seq` around a condition);
//!   the plain reads (variables, fields, elements, `*p`, `m[k]`) and
//!   arithmetic, comparisons and conversions are evaluated after all of
//!   them: `a + f()`, `x, y = a, f()`, `return a, f()`, `T{a, f()}`,
//!   `s[i] = f()`, `p.x + f()`, `a op= f()`, `g(a, f())` read `a`, `s`, `i`,
//!   `p.x` after `f` ran. A value converted to an interface is copied at its
//!   place in that sequence when gc's conversion takes its address and it is
//!   a local variable or a computed value (`fmt.Println(b, f())` with a local
//!   `bool` `b` prints `b` as it was before `f`);
//! * `&&`/`||` order each operand on its own, the right one only when it is
//!   evaluated;
//! * `var a, b = x, y` is `var a = x; var b = y`; a map literal stores its
//!   constant entries first, then each other entry as `m[k] = v`;
//! * a deferred call's func value or receiver and arguments are evaluated
//!   completely one after the other, left to right, into temporaries;
//! * assignments to several places evaluate every right-hand side before
//!   storing (`a, b = b, a` swaps), the places' operands after the calls.

use syntax::Pos;

/// The states of a range-over-func loop (gc's `abi.RF_*`), kept in a cell
/// shared by the function running the loop and the loop body's function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeState {
    /// The body exited the loop (break, return, ...): calling it again is
    /// an error.
    Done = 0,
    /// Between iterations: the body may be called.
    Ready = 1,
    /// The body is running, or panicked.
    Panic = 2,
    /// The iterator function returned: the loop is over.
    Exhausted = 3,
    /// Reported after the iterator returned normally although the body
    /// panicked (the iterator recovered the body's panic).
    MissingPanic = 4,
}

/// Index of a type in [`Program::types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TyId(pub u32);
/// Index of a function in [`Program::funcs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FuncId(pub u32);
/// Index of a global in [`Program::globals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);
/// Index of a local in [`Func::locals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);
/// Names a `Loop` or breakable `Block` within a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(pub u32);
/// Names a `Label` within a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelId(pub u32);

/// Most open-coded defers a function may have. gc's deferBits is one byte
/// (8); deft keeps gc's limit so that `-d=defer` output matches gc.
pub const MAX_OPEN_DEFERS: usize = 8;

/// A whole program, ready for code generation.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// All types used; `TyId` indexes this. Identical Go types share an id.
    pub types: Vec<TyDef>,
    /// All functions (user functions, methods, closures, generated wrappers).
    pub funcs: Vec<Func>,
    /// Package-level variables.
    pub globals: Vec<Global>,
    /// The import paths of the program's packages in initialisation order:
    /// the *units* [`Func::unit`] and [`Global::unit`] index (issue 14's
    /// package cache compiles and keeps code per package).
    pub packages: Vec<Package>,
    /// Generated function running package initialisation: package after
    /// package in initialisation order, a call of its `P.init` (the
    /// global initialisers in dependency order; only if they need code)
    /// and of each of its `func init`s in source order. No package's own
    /// code calls another package's initialisation. Hidden in tracebacks.
    pub init: FuncId,
    /// `main.main`; `None` when the main package declares no `func main`
    /// (gc reports that when linking; deft's driver, when it would run).
    pub main: Option<FuncId>,
    /// Generated functions that gc marks as *wrappers* and that must be
    /// transparent to `recover` and to tracebacks: a method value's
    /// `main.T.M-fm`, which calls the method with the receiver it captured.
    /// When such a function is the deferred call the panic machinery runs,
    /// a `recover` in the function it calls (the method) counts as called
    /// directly by the deferred function; a traceback omits its frame.
    /// (Added by lowering.)
    pub wrappers: Vec<FuncId>,
    /// Generated functions whose every position gc reports as
    /// `<autogenerated>:1`: the pointer wrapper `main.(*T).M` of a value
    /// method, which shows there when it panics on a nil receiver.
    /// (Added by lowering.)
    pub autogenerated: Vec<FuncId>,
    /// Whether the program declares deft's package reflect: only then do
    /// type descriptors carry what reflect alone reads (method types and
    /// values, `*T`, call adapters). (Added by lowering.)
    pub uses_reflect: bool,
    /// With reflect, the func type (receiver excluded) of every method in
    /// a method table: a method value's type.
    pub method_types: std::collections::HashMap<FuncId, TyId>,
    /// With reflect, the func type of method expression `T.M` for every
    /// method `M` in the method table of `T`: (`T`, method) → type.
    pub method_expr_types: std::collections::HashMap<(TyId, FuncId), TyId>,
    /// Functions whose bodies were not lowered: library functions the
    /// program cannot reach (see `reach.rs`) and those of prebuilt
    /// packages (`LowerOptions::prebuilt`) whose bodies the checker
    /// skipped. Each has its parameters and results (method tables show
    /// their signatures) but an empty body, and must never be compiled,
    /// inlined or summarised from it.
    pub not_lowered: std::collections::HashSet<FuncId>,
}

impl Program {
    /// The type of a place of function `f`.
    pub fn place_ty(&self, f: &Func, p: &Place) -> TyId {
        let kind = |t: TyId| &self.types[t.0 as usize].kind;
        match p {
            Place::Local(l) => f.locals[l.0 as usize].ty,
            Place::Global(g) => self.globals[g.0 as usize].ty,
            Place::Deref(e) => match kind(e.ty) {
                TyKind::Pointer(t) => *t,
                _ => e.ty,
            },
            Place::Field(inner, n) => match kind(self.place_ty(f, inner)) {
                TyKind::Struct(fs) => fs[*n].1,
                _ => self.place_ty(f, inner),
            },
            Place::ArrayIndex(inner, _) => match kind(self.place_ty(f, inner)) {
                TyKind::Array(_, t) => *t,
                _ => self.place_ty(f, inner),
            },
            Place::SliceIndex(s, _) => match kind(s.ty) {
                TyKind::Slice(t) => *t,
                _ => s.ty,
            },
            Place::MapIndex(m, _) => match kind(m.ty) {
                TyKind::Map(_, v) => *v,
                _ => m.ty,
            },
        }
    }
}

/// A Go type, with what code generation and runtime type descriptors need.
#[derive(Clone, Debug, PartialEq)]
pub struct TyDef {
    /// Structure.
    pub kind: TyKind,
    /// The type as gc prints it in panics and `%T`: `int`, `main.Celsius`,
    /// `[]string`, `func(int) string`, `*main.T`, `interface {}`.
    pub name: String,
    /// Its link name: unique among the program's types, and the same in
    /// every program that has the type (`crate::tys::link_name`: `name`
    /// with defined types qualified by import path, local ones by
    /// position): what its type descriptor is linked by.
    pub link: String,
    /// Whether it is a defined (named) type: `main.T(5)` is how a panic
    /// prints a named integer.
    pub named: bool,
    /// Methods of a named type (or of a pointer to one): name and the
    /// implementing function, sorted by name.
    pub methods: Vec<(String, FuncId)>,
    /// What only reflection asks of the type (its descriptor carries it).
    pub reflect: ReflectFacts,
}

/// Facts of a type that only the runtime type descriptor needs, for
/// package reflect: what the IR's structure leaves out because code
/// generation does not depend on it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReflectFacts {
    /// The import path of a defined type's package (empty for other types
    /// and for predeclared ones); for a struct type literal, the package
    /// lowering it first (where it is usually written), which reflect
    /// gives as the `PkgPath` of its unexported fields.
    pub pkg_path: String,
    /// A 64-bit integer type spelled `int64` or `uint64` (not `int`,
    /// `uint`, `uintptr`): reflect's kinds tell them apart.
    pub sized64: bool,
    /// `uintptr` (or a type defined over it).
    pub uintptr: bool,
    /// A channel type's direction as reflect numbers it: 1 receive only,
    /// 2 send only, 3 both (0 for other types).
    pub chan_dir: u8,
    /// A func type with a variadic final parameter.
    pub variadic: bool,
    /// A struct type's field tags, one per field (empty when untagged).
    pub tags: Vec<String>,
    /// An interface type's methods' func types, in the order of
    /// [`TyKind::Interface`]'s list.
    pub method_types: Vec<TyId>,
    /// A func type's call adapter, frame struct type and `MakeFunc` stub,
    /// when the program uses reflect (see `crate::reflectcall`).
    pub call: Option<ReflectCall>,
}

/// What reflect calls and makes functions of a func type through (see
/// `crate::reflectcall`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReflectCall {
    /// `reflect.call(fn, frame)`: calls a value of the type.
    pub adapter: FuncId,
    /// The frame: a struct of the parameters, then the results.
    pub frame: TyId,
    /// The closure body `MakeFunc` makes values of the type with (absent
    /// when reflect declares no `callMakeFunc`).
    pub make_func: Option<FuncId>,
}

/// Integer widths and signedness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IntTy {
    /// 8, 16, 32 or 64 (`int`, `uint`, `uintptr` are 64).
    pub bits: u8,
    /// Signed?
    pub signed: bool,
}

/// Structure of a type.
#[derive(Clone, Debug, PartialEq)]
pub enum TyKind {
    /// `bool`.
    Bool,
    /// Any integer type.
    Int(IntTy),
    /// `float32` (32) or `float64` (64).
    Float(u8),
    /// `complex64` (64) or `complex128` (128).
    Complex(u8),
    /// `string`: (pointer, length).
    String,
    /// `unsafe.Pointer`.
    UnsafePointer,
    /// `*T`.
    Pointer(TyId),
    /// `[]T`: (pointer, length, capacity).
    Slice(TyId),
    /// `[N]T`.
    Array(u64, TyId),
    /// `struct{...}`: fields (name, type, embedded).
    Struct(Vec<(String, TyId, bool)>),
    /// `map[K]V`: a pointer to a runtime hash table.
    Map(TyId, TyId),
    /// `chan T`: a pointer to a runtime channel.
    Chan(TyId),
    /// A function type: a pointer to a closure object whose first word is
    /// the code address.
    Func(FuncSig),
    /// An interface: (type descriptor or itab, data word). Methods sorted by name.
    Interface(Vec<(String, FuncSig)>),
    /// Several results of one call.
    Tuple(Vec<TyId>),
}

/// Parameter and result types of a function type (receiver excluded).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncSig {
    /// Parameter types (a variadic parameter is its slice type).
    pub params: Vec<TyId>,
    /// Result types.
    pub results: Vec<TyId>,
}

/// A package-level variable.
#[derive(Clone, Debug, PartialEq)]
pub struct Global {
    /// Its Go name, qualified: `main.counter`.
    pub name: String,
    /// Its type.
    pub ty: TyId,
    /// Its initial value when laid out before the program runs (gc's
    /// static initialisation; `P.init` then has no code for it); `None`:
    /// zero until `P.init` stores its value.
    pub init: Option<StaticValue>,
    /// Its package, an index of [`Program::packages`].
    pub unit: u32,
}

/// A value laid out in the program's data before it runs (see
/// `staticinit.rs`). Parts not listed are zero.
#[derive(Clone, Debug, PartialEq)]
pub enum StaticValue {
    /// A constant of a scalar, non-interface type (`Nil`: zero).
    Const(Const),
    /// An array's elements or a struct's fields, by index.
    Parts(Vec<(u64, StaticValue)>),
    /// A slice over a static array of its own (length = capacity).
    Slice {
        /// The element type.
        elem: TyId,
        /// The array's length.
        len: u64,
        /// Its elements, by index.
        parts: Vec<(u64, StaticValue)>,
    },
    /// A pointer to a static object.
    Ref {
        /// The object's type.
        ty: TyId,
        /// Its value.
        value: Box<StaticValue>,
    },
}

/// How a function's defers are run (decided per defer site, like gc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeferKind {
    /// Arguments in fixed frame slots, a bit in deferBits, inline exit code.
    OpenCoded,
    /// A defer record in the frame, pushed on the goroutine's defer chain.
    Stack,
    /// A heap-allocated defer record (defer inside a loop).
    Heap,
}

impl DeferKind {
    /// The words gc's `-d=defer` prints for this kind.
    pub fn describe(self) -> &'static str {
        match self {
            DeferKind::OpenCoded => "open-coded defer",
            DeferKind::Stack => "stack-allocated defer",
            DeferKind::Heap => "heap-allocated defer",
        }
    }
}

/// One `defer` statement of a function.
#[derive(Clone, Debug, PartialEq)]
pub struct DeferSite {
    /// Position of the `defer` keyword (what `-d=defer` prints).
    pub pos: Pos,
    /// Strategy chosen for it.
    pub kind: DeferKind,
    /// A `defer` in a range-over-func loop body (kind [`DeferKind::Heap`],
    /// as gc reports it): the deferred call belongs to the function that
    /// contains the loop, whose frame pointer this local (a copy captured
    /// from [`ExprKind::FramePointer`]) holds; the record is linked for that
    /// frame, not for the body's.
    pub outer: Option<LocalId>,
}

/// A function body.
#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    /// Name as gc prints it in tracebacks: `main.main`, `main.f.func1`,
    /// `main.T.M`, `main.(*T).M`, `main.init.0`.
    pub name: String,
    /// Its link name: unique in the program, and the same in every program
    /// that has this function, whatever else is compiled and in whatever
    /// order (what a cache of compiled packages links code by). It is
    /// `name`, but that an instance of generic code and the functions made
    /// for it (closures, wrappers) spell out the type arguments gc prints
    /// as `[...]`, by [`crate::tys::link_name`]: `main.Map[int,string]`,
    /// `main.(*List[main.T]).Push.func1`.
    pub link: String,
    /// Position of the declaration.
    pub pos: Pos,
    /// Position of the body's closing brace ([`Pos::NONE`] for generated
    /// code): where gc 1.21+ runs the deferred calls of a function whose
    /// defers are records (one deferreturn call at the end of the body).
    pub end: Pos,
    /// Parameters in order (receiver first for methods).
    pub params: Vec<LocalId>,
    /// Result variables in order (named or generated).
    pub results: Vec<LocalId>,
    /// For a closure: the locals bound, in order, to what the closure
    /// object holds: a cell for a `heap` local, else the value it copies.
    pub captures: Vec<LocalId>,
    /// All locals: params, results, captures, declared variables, temporaries.
    pub locals: Vec<Local>,
    /// The body.
    pub body: Vec<Stmt>,
    /// The defer sites, indexed by [`Stmt::Defer::site`].
    pub defers: Vec<DeferSite>,
    /// Range-over-func loop bodies of this function defer calls that belong
    /// to its frame ([`DeferSite::outer`]): it runs defer records at its
    /// exit even without defer sites of its own, and its own defers are
    /// never open-coded (as gc).
    pub range_defers: bool,
    /// Declared without a body in deft's library: the runtime implements
    /// it, under a symbol named like the function (`strconv.formatFloat`).
    /// Its `body` is just `Return` and is not compiled. (Added for packages.)
    pub external: bool,
    /// Declared with `//go:noinline`: its calls stay calls (codegen's
    /// inliner leaves it alone, as gc's does). (Added for the inliner.)
    pub noinline: bool,
    /// Compiled only if the program can reach it: deft's library (its
    /// functions and closures) and generated wrappers. Functions the user
    /// wrote are compiled even when unreachable, so that everything deft
    /// cannot compile in them is reported. (Added for packages.)
    pub on_demand: bool,
    /// The package (an index of [`Program::packages`]) whose compiled unit
    /// defines it: a function, method or `func init` declared there, the
    /// closures and wrappers made while its body is lowered, `P.init`.
    /// `None` for code made for whoever needs it: an instance of generic
    /// code and what is made for it, the wrappers of method tables,
    /// reflect's adapters, the program's init. Each unit carries a copy of
    /// such a function wherever it refers to it (see
    /// `codegen::artifact::split`).
    pub unit: Option<u32>,
}

/// A package of the program, as [`Program::packages`] lists it.
#[derive(Clone, Debug, Default)]
pub struct Package {
    /// Its import path.
    pub path: String,
    /// Whether it is part of deft's library (an overlay or Go's source),
    /// whose functions are compiled only where the program reaches them.
    pub library: bool,
}

/// A local variable.
#[derive(Clone, Debug, PartialEq)]
pub struct Local {
    /// Source name (`~r0`, `~t3` for generated ones).
    pub name: String,
    /// Its type.
    pub ty: TyId,
    /// Lives in a heap cell (captured by a closure, or its address escapes).
    pub heap: bool,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// Bring a local into existence, zeroed (a fresh cell for heap locals).
    Decl(LocalId),
    /// Evaluate for side effects (calls, panics, prints).
    Eval(Expr),
    /// Store a value. The place's operands are evaluated before the value.
    Assign(Place, Expr),
    /// Store the results of a multi-value call (or comma-ok form); `None`
    /// discards that result.
    AssignMulti(Vec<Option<Place>>, Expr),
    /// Two-way branch.
    If {
        /// Condition (bool).
        cond: Expr,
        /// Taken when true.
        then: Vec<Stmt>,
        /// Taken when false.
        els: Vec<Stmt>,
    },
    /// `for cond { body; post }`: `continue` runs `post` then re-tests.
    Loop {
        /// Target of `Break`/`Continue`.
        id: ScopeId,
        /// Tested before each iteration; `None` loops forever.
        cond: Option<Expr>,
        /// The body.
        body: Vec<Stmt>,
        /// Run after the body and on `continue`.
        post: Vec<Stmt>,
    },
    /// A block that `Break` can leave (lowered `switch`/`select`).
    Block {
        /// Target of `Break`.
        id: ScopeId,
        /// The statements.
        body: Vec<Stmt>,
    },
    /// Leave the named loop or block.
    Break(ScopeId),
    /// Next iteration of the named loop.
    Continue(ScopeId),
    /// A goto target.
    Label(LabelId),
    /// Jump to a label of the same function.
    Goto(LabelId),
    /// Run the deferred calls and return the result locals' values. The
    /// position is the `return` statement's, or the closing brace of the
    /// body for the implicit return at its end (gc's line for a frame that
    /// runs its deferred calls there); unknown in generated code.
    Return(Pos),
    /// `go call`: callee and arguments are evaluated now, and a new
    /// goroutine makes the call. (Added for goroutines.)
    Go(Call),
    /// `select`: waits until one of the cases can proceed (at random among
    /// ready ones), does its communication and runs its body; with a
    /// `default`, runs it instead of waiting. `break` in a body leaves the
    /// enclosing [`Stmt::Block`]. (Added for goroutines.)
    Select {
        /// The cases in source order.
        cases: Vec<SelectCase>,
        /// The `default` clause's body.
        default: Option<Vec<Stmt>>,
    },
    /// The leading clauses of a type switch whose cases are concrete types
    /// or `nil`, dispatched as gc's `typeswitch` does (codegen finds the
    /// candidates by the dynamic type's hash, then compares descriptors):
    /// evaluates `x`, runs the arm of the case whose type is `x`'s dynamic
    /// type (`None`: `x` is nil), or `miss` when no case is; then goes on
    /// after the statement. The case types are distinct and none is an
    /// interface type (an interface case can match several dynamic types, so
    /// it and every clause after it are tested in order in `miss`), at most
    /// one case is `None`, and each arm index is in `arms`.
    TypeSwitch {
        /// The interface value switched on.
        x: Expr,
        /// Each case's type with the index of its arm.
        cases: Vec<(Option<TyId>, usize)>,
        /// The clauses' bodies.
        arms: Vec<Vec<Stmt>>,
        /// Run when no case matches.
        miss: Vec<Stmt>,
    },
    /// Register deferred call `site` of [`Func::defers`]; callee and
    /// arguments are evaluated now.
    Defer {
        /// Index into [`Func::defers`].
        site: usize,
        /// The call to run at exit.
        call: Call,
    },
}

/// An assignable location.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    /// A local variable (through its cell if `heap`).
    Local(LocalId),
    /// A package-level variable.
    Global(GlobalId),
    /// `*p` (p evaluated; nil-checked).
    Deref(Box<Expr>),
    /// Field `n` of a struct place.
    Field(Box<Place>, usize),
    /// Element of an array place (bounds-checked).
    ArrayIndex(Box<Place>, Box<Expr>),
    /// Element of a slice value (bounds-checked).
    SliceIndex(Box<Expr>, Box<Expr>),
    /// `m[k]`. Read, an absent key (or a nil map) gives the zero value.
    /// Stored to, the map operation (insertion; a nil map panics) happens
    /// after the value is computed, so a value that panics leaves the map
    /// unchanged; the map and key operands are still evaluated first.
    MapIndex(Box<Expr>, Box<Expr>),
}

impl Place {
    /// The local this place is part of, if any (`x`, `x.f`, `x[i]` of an
    /// array `x`): storing to the place stores into that local.
    pub fn root_local(&self) -> Option<LocalId> {
        match self {
            Place::Local(l) => Some(*l),
            Place::Field(inner, _) | Place::ArrayIndex(inner, _) => inner.root_local(),
            _ => None,
        }
    }
}

/// An expression with its type and the position used in runtime errors.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it computes.
    pub kind: ExprKind,
    /// Its type.
    pub ty: TyId,
    /// Source position (for panics raised while evaluating it).
    pub pos: Pos,
}

/// A constant, already converted to its expression's type.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// `true`/`false`.
    Bool(bool),
    /// Integer bits (two's complement, truncated to the type's width).
    Int(u64),
    /// A float (for float32, already rounded to float32).
    Float(f64),
    /// A complex (real, imaginary).
    Complex(f64, f64),
    /// A string.
    String(String),
    /// A string constant whose bytes are not valid UTF-8 (`"\xff"`).
    /// (Added by lowering: the checker's `ConstValue::Bytes`.)
    Bytes(Vec<u8>),
    /// The zero value of a pointer, slice, map, chan, func or interface.
    Nil,
}

/// Unary operators on typed operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// Arithmetic negation (wrapping for integers).
    Neg,
    /// Boolean not.
    Not,
    /// Bitwise complement.
    BitNot,
}

/// Binary operators. Both operands have the same type, except shifts (the
/// count is any unsigned or signed integer; a negative count panics) and
/// comparisons (the result type is bool).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    /// Integer division panics on zero; `MinInt / -1` wraps.
    Div,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `min(x, y)` of integers, floats or strings (a call `min(a, b, c)`
    /// is `Min(Min(a, b), c)`); floats as the spec says: a NaN operand
    /// gives NaN, -0 is less than +0. (Added for Go 1.21.)
    Min,
    /// `max(x, y)`, as [`BinOp::Min`].
    Max,
}

/// What an expression computes.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A constant.
    Const(Const),
    /// Read a local.
    Local(LocalId),
    /// Read a global.
    Global(GlobalId),
    /// A top-level function or method used as a value.
    FuncValue(FuncId),
    /// A function literal: a closure object holding, for each of
    /// `captures` in [`Func::captures`] order, its cell (a heap local, on
    /// both sides) or a copy of its value (a plain local on both sides: a
    /// variable never assigned after its declaration).
    Closure {
        /// The literal's body.
        func: FuncId,
        /// Cells to capture.
        captures: Vec<LocalId>,
    },
    /// Unary operation.
    Unary(UnOp, Box<Expr>),
    /// Binary operation; on strings `Add` concatenates and comparisons compare.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `x && y` (short-circuit).
    AndAnd(Box<Expr>, Box<Expr>),
    /// `x || y` (short-circuit).
    OrOr(Box<Expr>, Box<Expr>),
    /// Conversion of the operand to this expression's type: numeric ↔
    /// numeric, integer → string (a rune), string ↔ `[]byte`/`[]rune`,
    /// between types with identical underlying types, pointer ↔ unsafe.Pointer,
    /// slice → pointer to array (panics when the slice is shorter), slice →
    /// array (a copy; panics likewise).
    Convert(Box<Expr>),
    /// Box a non-interface value into this interface type (or convert
    /// between interface types).
    ToInterface(Box<Expr>),
    /// A function call.
    Call(Box<Call>),
    /// `len(x)` of string, slice, array, pointer to array (never
    /// dereferenced: a nil pointer gives the array length), map, chan.
    Len(Box<Expr>),
    /// `cap(x)` of slice, array, pointer to array, chan.
    Cap(Box<Expr>),
    /// `make([]T, len)` or `make([]T, len, cap)`: a fresh zeroed backing
    /// array. The operands are of any integer types; a negative or too
    /// large `len` panics with `makeslice: len out of range`, otherwise a
    /// `cap` that is too large or below `len` with `makeslice: cap out of
    /// range`. (Added by lowering.)
    MakeSlice {
        /// The length.
        len: Box<Expr>,
        /// The capacity (the length when absent).
        cap: Option<Box<Expr>>,
    },
    /// `append(s, v1, v2, ...)`: the slice, then the values (already of the
    /// element type), evaluated left to right before any growth. Grows as
    /// gc 1.19's `growslice` does, so `cap` of the result is gc's.
    Append(Box<Expr>, Vec<Expr>),
    /// `append(s, t...)`: `t` is a slice of the same element type, or a
    /// string when `s` is a `[]byte`; `t` may overlap `s`.
    AppendSlice(Box<Expr>, Box<Expr>),
    /// `copy(dst, src)` (type `int`, the number of elements copied, the
    /// smaller length): `src` is a slice of the same element type or a
    /// string when `dst` is a `[]byte`; overlapping operands copy as memmove.
    Copy(Box<Expr>, Box<Expr>),
    /// `clear(x)` of a map (every entry deleted, NaN keys too; nothing for
    /// nil) or a slice (its elements up to `len` set to zero values). Type:
    /// empty tuple. (Added for Go 1.21.)
    Clear(Box<Expr>),
    /// `unsafe.Slice(ptr, len)` or `unsafe.String(ptr, len)`, by this
    /// expression's type: `len` of any integer type; a negative `len`, a
    /// nil `ptr` with a non-zero `len`, or a `len` whose bytes would pass
    /// the end of the address space panic as gc's checks do. (Added for
    /// Go 1.20.)
    FromPointer(Box<Expr>, Box<Expr>),
    /// `unsafe.StringData(s)` or `unsafe.SliceData(s)`: the data pointer of
    /// a string or slice. (Added for Go 1.20.)
    DataPtr(Box<Expr>),
    /// `s[i]` of a string (a byte) or slice, or an array value (bounds-checked).
    Index(Box<Expr>, Box<Expr>),
    /// `x[lo:hi:max]` of a string, slice, or pointer to array (a nil
    /// pointer panics; slicing an array variable is lowered to slicing
    /// its address).
    Slice {
        /// The operand.
        x: Box<Expr>,
        /// Low bound (default 0).
        lo: Option<Box<Expr>>,
        /// High bound (default len).
        hi: Option<Box<Expr>>,
        /// Capacity bound (3-index form).
        max: Option<Box<Expr>>,
    },
    /// Read a place (fields of struct values, array elements, `*p`, `m[k]`).
    Load(Box<Place>),
    /// `&place` (for a heap local: its cell).
    AddrOf(Box<Place>),
    /// `x.(T)`, or its comma-ok form `v, ok := x.(T)` (a 2-tuple): see `AssignMulti`.
    TypeAssert {
        /// The interface value.
        x: Box<Expr>,
        /// Two results (value, ok) instead of panicking on failure.
        comma_ok: bool,
    },
    /// A composite literal: values of all fields/elements in order (zero
    /// values filled in by lowering).
    Composite(Vec<Expr>),
    /// `new(T)`: pointer to a fresh zeroed T.
    New,
    /// A slice literal or a variadic argument list: a fresh backing array.
    SliceLit(Vec<Expr>),
    /// `recover()`.
    Recover,
    /// `real(x)` (`imag: false`) or `imag(x)` of a complex value; `complex(r,
    /// i)` is a [`ExprKind::Composite`] of the two parts. (Added for complex
    /// numbers.)
    ComplexPart {
        /// The complex value.
        x: Box<Expr>,
        /// The imaginary part rather than the real one.
        imag: bool,
    },
    /// The method value `x.M` of interface value `x`, `M` being method
    /// `index` of its interface type: a func value calling `M` on `x`'s
    /// dynamic value. A nil `x` panics here, as in gc. (Added for method
    /// values of interfaces.)
    IfaceMethodValue(Box<Expr>, usize),
    /// The frame pointer of the current function, as a `uintptr`: the
    /// argument a `defer recover()` statement saves for its wrapper, and
    /// the key of the function's defer records (the frame a `defer` in a
    /// range-over-func loop body attaches to, [`DeferSite::outer`]).
    FramePointer,
    /// The body of `defer recover()`'s wrapper: `recover()` on behalf of
    /// the function whose frame pointer the operand is (the function that
    /// executed the `defer` statement, as gc evaluates recover's frame
    /// argument at the `defer`), result discarded. Type: empty tuple.
    RecoverFor(Box<Expr>),
    /// `panic(v)`; `v` is already an `interface{}` value. Type: empty tuple.
    Panic(Box<Expr>),
    /// gc's `runtime.panicrangestate`: the runtime error of a misbehaving
    /// range-over-func iterator, chosen by the operand (an `int` holding a
    /// [`RangeState`] value). Type: empty tuple. (Added for range over
    /// functions, see `crate::rangefunc`.)
    PanicRangeState(Box<Expr>),
    /// gc's `runtime.panicwrap`: `value method main.T.M called using nil
    /// *T pointer`, raised by the wrapper `main.(*T).M` of a value method
    /// (`recv` is `T`, `method` is `M`) when its receiver is nil. Type:
    /// empty tuple.
    PanicWrap {
        /// The receiver's (value) type.
        recv: TyId,
        /// The method's name.
        method: String,
    },
    /// `print(...)` (`newline: false`) or `println(...)`. Type: empty tuple.
    Print {
        /// Arguments, each of a basic, pointer, or interface type.
        args: Vec<Expr>,
        /// `println`: spaces between and a newline at the end.
        newline: bool,
    },
    /// Statements run for their effects, then `value` evaluated: how
    /// lowering introduces temporaries in the middle of an expression while
    /// keeping Go's left-to-right order (`f(g())` with a multi-value `g`,
    /// `&T{...}`, a field of a call's struct result). The statements never
    /// branch out of the `Seq` (no `Break`/`Continue`/`Goto`/`Return`/
    /// `Label`/`Defer`); they may `Decl` fresh temporaries. Type: `value`'s.
    /// (Added by lowering.)
    Seq(Vec<Stmt>, Box<Expr>),
    /// The zero value of this expression's type (any type: composite
    /// literals' omitted fields and elements). (Added by lowering.)
    Zero,
    /// Decodes the UTF-8 sequence of string `s` starting at byte index `i`
    /// (`0 <= i < len(s)` is guaranteed by the surrounding loop): a 2-tuple
    /// `(rune int32, next int)` where `next` is the index after the sequence.
    /// An invalid or truncated sequence yields `(0xFFFD, i + 1)`, as Go's
    /// `for range` over a string does. (Added by lowering for `for i, r :=
    /// range s`; the runtime needs a helper like gc's `decoderune`, with an
    /// ASCII fast path inline.)
    DecodeRune {
        /// The string (a local, evaluated once before the loop).
        s: Box<Expr>,
        /// The byte index.
        i: Box<Expr>,
    },
    /// A map operation (see [`MapOp`] for operands and type); operands
    /// evaluated left to right. (Added by lowering.)
    Map(MapOp, Vec<Expr>),
    /// A channel operation (see [`ChanOp`] for operands and type); operands
    /// evaluated left to right. (Added for goroutines.)
    Chan(ChanOp, Vec<Expr>),
}

/// Channel operations, the operands of [`ExprKind::Chan`]. `len` and `cap`
/// of a channel are [`ExprKind::Len`] and [`ExprKind::Cap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanOp {
    /// `make(chan T)` (no operand) or `make(chan T, n)` (an integer of any
    /// type): a new channel of the expression's type; a negative or huge
    /// `n` panics with `makechan: size out of range`.
    Make,
    /// `c <- v`, operands `[c, v]` (`v` of the element type). Type: empty
    /// tuple.
    Send,
    /// `<-c`, operand `[c]`: the element received.
    Recv,
    /// `v, ok := <-c`, operand `[c]`: a 2-tuple (element, bool).
    RecvOk,
    /// `close(c)`, operand `[c]`. Type: empty tuple.
    Close,
}

/// One `case` of a [`Stmt::Select`]. Its channel and send value are
/// locals set before the select (Go evaluates them all, in source order,
/// on entering the statement).
#[derive(Clone, Debug, PartialEq)]
pub struct SelectCase {
    /// The channel.
    pub chan: LocalId,
    /// What the case does.
    pub dir: SelectDir,
    /// Run when the case is chosen, after a receive has stored its value.
    pub body: Vec<Stmt>,
}

/// The communication of a [`SelectCase`].
#[derive(Clone, Debug, PartialEq)]
pub enum SelectDir {
    /// Send the value of this local.
    Send(LocalId),
    /// Receive, storing the element and the ok flag into these locals
    /// when present.
    Recv {
        /// Where the element goes.
        value: Option<LocalId>,
        /// Where `ok` goes.
        ok: Option<LocalId>,
    },
}

/// Map operations other than indexing ([`Place::MapIndex`]); the operands
/// of [`ExprKind::Map`]. (Added by lowering.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapOp {
    /// `make(map[K]V)` (no operand) or `make(map[K]V, hint)` (an integer
    /// operand of any type; negative or huge hints are ignored): a new
    /// empty map of the expression's type. Map literals are a `Make`
    /// followed by stores.
    Make,
    /// `m[k]` in comma-ok form, operands `[m, k]`: a 2-tuple (value, ok);
    /// an absent key or a nil map gives (zero, false).
    Lookup,
    /// `delete(m, k)`, operands `[m, k]`: nothing happens for a nil map or
    /// an absent key. Type: empty tuple.
    Delete,
    /// Starts a `range` loop over map `[m]`: a `uintptr` handle to an
    /// iterator living in the current frame. Each `IterStart` site has its
    /// own frame area, reinitialised whenever it runs, so the handle is
    /// valid until the same site runs again.
    IterStart,
    /// `[it]`: advances the iterator to the next entry; false when done.
    /// Entries deleted before they are reached are not produced; each
    /// entry is produced at most once; the order is random, as in gc.
    IterNext,
    /// `[it]`: the current entry's key (type K), after a true `IterNext`.
    IterKey,
    /// `[it]`: the current entry's value (type V), after a true `IterNext`.
    IterValue,
}

/// A call: callee and arguments, evaluated left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// Who is called.
    pub callee: Callee,
    /// Arguments (receiver first for method calls; variadic arguments
    /// already packed into a `SliceLit`).
    pub args: Vec<Expr>,
    /// Position of the call (for the traceback).
    pub pos: Pos,
}

/// The target of a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    /// A statically known function or method.
    Func(FuncId),
    /// A func value (closure pointer; nil panics when called).
    Value(Expr),
    /// Method `index` (in the interface's sorted method list) of an
    /// interface value; the receiver is the interface's data word.
    Interface(Expr, usize),
}

/// gc's name of the pointer-receiver wrapper of value method `method`
/// (named as [`Func::name`] says: `main.T.M` gives `main.(*T).M`); `None`
/// for a name without a type part.
pub fn pointer_method_name(method: &str) -> Option<String> {
    let (ty, m) = method.rsplit_once('.')?;
    // The package's dot is the last one outside an instance's brackets
    // (`main.List[...]`, `main.Pair[main.T,int]`).
    let mut depth = 0i32;
    let dot = ty.char_indices().rev().find(|&(_, c)| {
        match c {
            ']' => depth += 1,
            '[' => depth -= 1,
            _ => {}
        }
        c == '.' && depth == 0
    })?;
    let (pkg, t) = (&ty[..dot.0], &ty[dot.0 + 1..]);
    Some(format!("{pkg}.(*{t}).{m}"))
}
