//! The abstract syntax tree of Go 1.19 source files.
//!
//! The tree is plain owned data (`Box`/`Vec`), built once by the parser and
//! never mutated afterwards. Every expression and every identifier carries a
//! [`NodeId`], unique within one compilation, so that later stages (the type
//! checker, lowering) attach their facts in side tables keyed by id — the way
//! `go/types.Info` does — instead of rewriting the tree.
//!
//! Invariants:
//! * Ids are dense and unique across all files of one compilation (the
//!   parser takes a shared [`NodeIds`] counter).
//! * Parenthesised expressions are kept as [`ExprKind::Paren`]; gc's
//!   diagnostics sometimes print them.
//! * The tree holds exactly what was written: no desugaring happens here.

use crate::pos::Pos;

/// Identity of an expression or identifier node, unique in a compilation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// A map keyed by [`NodeId`]: the checker and lowering keep one entry per
/// expression, and node ids are small dense integers, so a multiplicative
/// hash does the job of the default SipHash (which showed as a third of
/// type checking's time) at a fraction of the cost.
pub type NodeMap<V> = std::collections::HashMap<NodeId, V, std::hash::BuildHasherDefault<NodeHasher>>;

/// The hasher of [`NodeMap`]: Fibonacci hashing of the id.
#[derive(Default)]
pub struct NodeHasher(u64);

impl std::hash::Hasher for NodeHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by [`NodeId`] that holds a value for most nodes: a vector
/// indexed by the id. The checker records a type for nearly every
/// expression, in the order the parser numbered them, so a hash table
/// (whose hashing scatters neighbouring ids) missed the processor's caches
/// on most inserts and lookups; consecutive ids here share cache lines.
/// For maps with few entries per node, [`NodeMap`] costs less memory.
#[derive(Clone, Debug)]
pub struct DenseNodeMap<V> {
    slots: Vec<Option<V>>,
}

impl<V> Default for DenseNodeMap<V> {
    fn default() -> Self {
        DenseNodeMap { slots: Vec::new() }
    }
}

impl<V> DenseNodeMap<V> {
    /// The value of node `id`, if any.
    pub fn get(&self, id: &NodeId) -> Option<&V> {
        self.slots.get(id.0 as usize)?.as_ref()
    }

    /// Sets the value of node `id`, returning the one it replaces.
    pub fn insert(&mut self, id: NodeId, value: V) -> Option<V> {
        let i = id.0 as usize;
        if i >= self.slots.len() {
            self.slots.resize_with(i + 1, || None);
        }
        self.slots[i].replace(value)
    }
}

/// Hands out fresh [`NodeId`]s; shared by the parses of all files of a package.
#[derive(Debug, Default)]
pub struct NodeIds {
    next: u32,
}

impl NodeIds {
    /// A fresh id.
    pub fn fresh(&mut self) -> NodeId {
        self.next += 1;
        NodeId(self.next - 1)
    }

    /// How many ids were handed out (ids are `0..count`).
    pub fn count(&self) -> u32 {
        self.next
    }
}

/// A name as written, with its own node id (for definition/use tables).
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// Node identity.
    pub id: NodeId,
    /// Where the name starts.
    pub pos: Pos,
    /// The name; `_` is the blank identifier.
    pub name: String,
}

/// One parsed `.go` file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// Position of the `package` keyword.
    pub package_pos: Pos,
    /// The package name.
    pub package: Ident,
    /// Import declarations, in order.
    pub imports: Vec<ImportSpec>,
    /// Top-level declarations other than imports, in order.
    pub decls: Vec<Decl>,
    /// The expression of the file's `//go:build` line (the first one before
    /// the package clause), e.g. `go1.21 && linux`: the type checker takes
    /// the file's language version from it.
    pub go_build: Option<String>,
    /// The file's `//go:linkname LOCAL TARGET` directives (text, position),
    /// wherever they stand.
    pub linknames: Vec<(Pos, String)>,
}

impl File {
    /// Each `//go:linkname` directive's position, local name and target
    /// (`None` in the one-argument form, which only lets other packages
    /// reach the name).
    pub fn linkname_args(&self) -> impl Iterator<Item = (Pos, &str, Option<&str>)> {
        self.linknames.iter().map(|(pos, text)| {
            let mut args = text.split_whitespace().skip(1);
            (*pos, args.next().unwrap_or(""), args.next())
        })
    }

    /// Whether the file declares the package-level variable `name`.
    pub fn declares_var(&self, name: &str) -> bool {
        self.decls.iter().any(|d| match d {
            Decl::Var(specs) => specs.iter().flat_map(|s| &s.names).any(|n| n.name == name),
            _ => false,
        })
    }
}

/// `import name "path"`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSpec {
    /// Position of the spec (the name if present, else the path).
    pub pos: Pos,
    /// Explicit local name: an identifier, `_` or `.`.
    pub name: Option<Ident>,
    /// The import path, unquoted.
    pub path: String,
    /// Position of the path literal.
    pub path_pos: Pos,
}

/// A top-level or local declaration.
// A `FuncDecl` is large, but declarations are few and never copied around.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    /// `var ...` (one spec per name group).
    Var(Vec<VarSpec>),
    /// `const ...`; specs carry their `iota` and the implicit repetition of
    /// the previous expression list is already resolved by the parser (see
    /// [`ConstSpec::implicit`]).
    Const(Vec<ConstSpec>),
    /// `type ...`.
    Type(Vec<TypeSpec>),
    /// `func ...` (top level only).
    Func(FuncDecl),
}

/// `a, b T = x, y` inside a `var` declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct VarSpec {
    /// Position of the first name.
    pub pos: Pos,
    /// Declared names.
    pub names: Vec<Ident>,
    /// Declared type, if written.
    pub ty: Option<Type>,
    /// Initial values (empty when none).
    pub values: Vec<Expr>,
}

/// `a, b T = x, y` inside a `const` declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstSpec {
    /// Position of the first name.
    pub pos: Pos,
    /// Declared names.
    pub names: Vec<Ident>,
    /// Declared type, if written (or inherited with the implicit values).
    pub ty: Option<Type>,
    /// The values. For a spec written without values these are clones of the
    /// previous spec's expressions (with fresh node ids), as the spec says.
    pub values: Vec<Expr>,
    /// Value of `iota` in this spec (its index in the group).
    pub iota: u64,
    /// True when `values` and `ty` were copied from an earlier spec.
    pub implicit: bool,
}

/// `Name[TypeParams] Type` or the alias form `Name = Type`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    /// Position of the name.
    pub pos: Pos,
    /// The declared name.
    pub name: Ident,
    /// Type parameters (generic types), empty if none.
    pub type_params: Vec<Field>,
    /// `type A = B`.
    pub alias: bool,
    /// The defining type.
    pub ty: Type,
}

/// `func (recv) Name[TypeParams](params) results { body }`.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    /// Position of the `func` keyword.
    pub pos: Pos,
    /// Receiver of a method.
    pub recv: Option<Field>,
    /// The function's name.
    pub name: Ident,
    /// Type parameters (generic functions), empty if none.
    pub type_params: Vec<Field>,
    /// Parameters and results.
    pub sig: FuncType,
    /// The body; `None` for a declaration without body (assembly or linkname).
    pub body: Option<Block>,
    /// Set by a declarations-only parse ([`crate::parser::parse_decls`])
    /// that skipped this body: the byte range of its text between the
    /// braces. `body` is then an empty block at the original braces, and
    /// the function must not be checked or compiled from this tree.
    pub body_skipped: Option<std::ops::Range<usize>>,
    /// Compiler directives written just before the declaration, e.g. `//go:noinline`.
    pub pragmas: Vec<String>,
}

/// A parameter, result, struct field or type parameter group: `a, b T`.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Position of the first name, or of the type when unnamed.
    pub pos: Pos,
    /// Names, empty for an unnamed parameter or an embedded field.
    pub names: Vec<Ident>,
    /// The type (for a variadic parameter, [`TypeKind::Ellipsis`]).
    pub ty: Type,
    /// Struct field tag, unquoted.
    pub tag: Option<String>,
}

/// A function signature.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    /// Position of `func` or of the opening parenthesis.
    pub pos: Pos,
    /// Parameters.
    pub params: Vec<Field>,
    /// Results; unnamed results have empty `names`.
    pub results: Vec<Field>,
}

/// A type expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Type {
    /// Node identity (types are expressions in Go; the checker records them too).
    pub id: NodeId,
    /// Where the type starts.
    pub pos: Pos,
    /// What kind of type expression.
    pub kind: TypeKind,
}

/// The forms of type expressions.
// Variant fields are described in each variant's doc.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    /// `T` or `pkg.T`.
    Name { pkg: Option<Ident>, name: Ident },
    /// `T[A, B]` (instantiation of a generic type).
    Instance { base: Box<Type>, args: Vec<Type> },
    /// `*T`.
    Pointer(Box<Type>),
    /// `[N]T`; `len` is `None` for `[...]T` in a composite literal.
    Array { len: Option<Box<Expr>>, elem: Box<Type> },
    /// `[]T`.
    Slice(Box<Type>),
    /// `map[K]V`.
    Map { key: Box<Type>, value: Box<Type> },
    /// `chan T`, `chan<- T`, `<-chan T`.
    Chan { dir: ChanDir, elem: Box<Type> },
    /// `func(...) ...`.
    Func(FuncType),
    /// `struct { ... }`.
    Struct(Vec<Field>),
    /// `interface { ... }`.
    Interface(Vec<InterfaceElem>),
    /// `...T` (last parameter only).
    Ellipsis(Box<Type>),
    /// `(T)`.
    Paren(Box<Type>),
    /// A type-set term list in a constraint: `~int | string`.
    Union(Vec<(bool, Type)>),
    /// Placeholder produced after a syntax error.
    Bad,
}

/// Direction of a channel type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    /// `chan T`.
    Both,
    /// `chan<- T`.
    Send,
    /// `<-chan T`.
    Recv,
}

/// One element of an interface type.
// Variant fields are described in each variant's doc.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    /// `Name(params) results`.
    Method { name: Ident, sig: FuncType },
    /// An embedded interface or type-set term list (`~int | string`).
    Embed(Type),
}

/// A block `{ ... }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Position of `{`.
    pub pos: Pos,
    /// Statements in order.
    pub stmts: Vec<Stmt>,
    /// Position of `}` (gc reports "missing return" there).
    pub end: Pos,
}

/// A statement with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// Where the statement starts — except for assignments (`=`, `op=`,
    /// `:=`, `++`, `--`) and sends, where it is the operator, as in gc's
    /// tree (gc reports `no new variables on left side of :=` and `cannot
    /// use x := 0 as value` at the `:=`). [`Stmt::start`] gives the start.
    pub pos: Pos,
    /// What kind of statement.
    pub kind: StmtKind,
}

/// Assignment operators: `=` is `None`, `+=` is `Some(BinaryOp::Add)`, etc.
pub type AssignOp = Option<BinaryOp>;

/// The forms of statements.
// Variant fields are described in each variant's doc.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `;` or nothing.
    Empty,
    /// A local declaration (`var`, `const`, `type`).
    Decl(Decl),
    /// An expression statement (calls, receives).
    Expr(Expr),
    /// `ch <- v`.
    Send { chan: Expr, value: Expr },
    /// `x++` (`inc == true`) or `x--`.
    IncDec { target: Expr, inc: bool },
    /// `a, b = x, y` or `a op= x`.
    Assign { lhs: Vec<Expr>, op: AssignOp, rhs: Vec<Expr> },
    /// `a, b := x, y`. The left side is identifiers only; one that is not
    /// (an error the parser reports) is an identifier with an empty name.
    Define { lhs: Vec<Ident>, rhs: Vec<Expr> },
    /// `go f(x)`.
    Go(Expr),
    /// `defer f(x)`.
    Defer(Expr),
    /// `return a, b`.
    Return(Vec<Expr>),
    /// `break [label]`.
    Break(Option<Ident>),
    /// `continue [label]`.
    Continue(Option<Ident>),
    /// `goto label`.
    Goto(Ident),
    /// `fallthrough`.
    Fallthrough,
    /// `{ ... }`.
    Block(Block),
    /// `if init; cond { } else ...`; `els` is a block or another `If`.
    If { init: Option<Box<Stmt>>, cond: Expr, then: Block, els: Option<Box<Stmt>> },
    /// `switch init; tag { cases }`.
    Switch { init: Option<Box<Stmt>>, tag: Option<Expr>, cases: Vec<CaseClause>, end: Pos },
    /// `switch init; x := y.(type) { cases }`. `bind` is `x`; `subject` is
    /// the whole `y.(type)` expression ([`ExprKind::TypeAssert`] with `ty:
    /// None`), whose `x` is the value switched on.
    TypeSwitch { init: Option<Box<Stmt>>, bind: Option<Ident>, subject: Expr, cases: Vec<TypeCaseClause>, end: Pos },
    /// `select { cases }`.
    Select(Vec<CommClause>),
    /// `for init; cond; post { }` (all three optional; `for {}` and `for cond {}` too).
    For { init: Option<Box<Stmt>>, cond: Option<Expr>, post: Option<Box<Stmt>>, body: Block },
    /// `for k, v := range x { }` (`define`) or `for k, v = range x { }`.
    /// `extra` is where a third iteration variable starts: an error the
    /// type checker reports unless the range clause has a worse one.
    Range { key: Option<Expr>, value: Option<Expr>, extra: Option<Pos>, define: bool, expr: Expr, body: Block },
    /// `label: stmt`.
    Labeled { label: Ident, stmt: Box<Stmt> },
    /// Placeholder produced after a syntax error.
    Bad,
}

/// `case a, b: stmts` or `default: stmts` (`exprs` empty).
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Position of `case`/`default`.
    pub pos: Pos,
    /// `None` for `default`.
    pub exprs: Option<Vec<Expr>>,
    /// The clause body.
    pub body: Vec<Stmt>,
}

/// A type switch clause: `case T1, T2:` (a `nil` case is a `Name` type named `nil`).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeCaseClause {
    /// Position of `case`/`default`.
    pub pos: Pos,
    /// `None` for `default`.
    pub types: Option<Vec<Type>>,
    /// The clause body.
    pub body: Vec<Stmt>,
    /// Id under which the checker records the clause's implicit variable.
    pub implicit: NodeId,
}

/// A `select` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    /// Position of `case`/`default`.
    pub pos: Pos,
    /// The send or receive statement; `None` for `default`.
    pub comm: Option<Box<Stmt>>,
    /// The clause body.
    pub body: Vec<Stmt>,
}

/// An expression with its identity and position.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// Node identity: key of every fact the checker records about it.
    pub id: NodeId,
    /// The position gc's syntax tree records for this expression, which is
    /// also the line gc attributes the expression's code to (tracebacks):
    /// the operator for binary expressions, `(` for calls, `[` for index and
    /// slice expressions, `.` for selectors and type assertions, `{` for
    /// composite literals, the keyword for function literals, `<-` for a
    /// `<-chan T` type; the start for everything else (names, literals,
    /// unary expressions, parentheses, other types).
    ///
    /// gc 1.19's type checker reports most errors at the *start* of the
    /// expression instead (`x + "s"` → `invalid operation` at `x`; checked
    /// against gc): use [`Expr::start`] for those.
    pub pos: Pos,
    /// What kind of expression.
    pub kind: ExprKind,
}

impl Expr {
    /// The leftmost position of the expression (gc's `syntax.StartPos`),
    /// where gc 1.19's type checker reports most errors about it.
    pub fn start(&self) -> Pos {
        let mut e = self;
        loop {
            match &e.kind {
                ExprKind::Binary { x, .. }
                | ExprKind::Selector { x, .. }
                | ExprKind::Index { x, .. }
                | ExprKind::Slice { x, .. }
                | ExprKind::TypeAssert { x, .. } => e = x,
                ExprKind::Call { func, .. } => e = func,
                ExprKind::CompositeLit { ty: Some(t), .. } | ExprKind::Type(t) => return t.pos,
                _ => return e.pos,
            }
        }
    }
}

impl Stmt {
    /// Where the statement starts (for assignments and sends, the start of
    /// the left-hand side; see [`Stmt::pos`]).
    pub fn start(&self) -> Pos {
        match &self.kind {
            StmtKind::Assign { lhs, .. } => lhs.first().map_or(self.pos, Expr::start),
            StmtKind::Define { lhs, .. } => lhs.first().map_or(self.pos, |id| id.pos),
            StmtKind::IncDec { target: x, .. } | StmtKind::Send { chan: x, .. } => x.start(),
            _ => self.pos,
        }
    }
}

/// Kinds of basic literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    /// `42`, `0x2a`, `1_000`.
    Int,
    /// `1.5`, `1e3`, `0x1p-2`.
    Float,
    /// `2i`.
    Imag,
    /// `'a'`.
    Rune,
    /// `"a"` or `` `a` ``.
    String,
}

/// The forms of expressions.
// Variant fields are described in each variant's doc.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A name.
    Ident(Ident),
    /// A literal; `raw` is the source text exactly as written (quotes included).
    BasicLit { kind: LitKind, raw: String },
    /// `T{...}`; `ty` is `None` for elided types inside another literal.
    CompositeLit { ty: Option<Type>, elems: Vec<KeyedElement>, rbrace: Pos },
    /// `func(...) ... { ... }`.
    FuncLit { sig: FuncType, body: Block },
    /// `(x)`.
    Paren(Box<Expr>),
    /// `x.sel` (field, method, or qualified identifier `pkg.Name`).
    Selector { x: Box<Expr>, sel: Ident },
    /// `x[i]`, or `f[T1, T2]` (explicit instantiation; `indices.len() > 1`).
    Index { x: Box<Expr>, indices: Vec<Expr> },
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice { x: Box<Expr>, lo: Option<Box<Expr>>, hi: Option<Box<Expr>>, max: Option<Box<Expr>>, three: bool },
    /// `x.(T)`; `ty` is `None` for `x.(type)` in a type switch.
    TypeAssert { x: Box<Expr>, ty: Option<Type> },
    /// `f(args)` or `f(args...)`.
    Call { func: Box<Expr>, args: Vec<Expr>, ellipsis: bool, rparen: Pos },
    /// `*x` (dereference or pointer type, decided by the checker).
    Star(Box<Expr>),
    /// `op x`.
    Unary { op: UnaryOp, x: Box<Expr> },
    /// `x op y`.
    Binary { op: BinaryOp, x: Box<Expr>, y: Box<Expr> },
    /// A type used where an expression is expected: conversions `[]byte(s)`,
    /// `make([]int, 3)`, `new(T)` arguments.
    Type(Type),
    /// Placeholder produced after a syntax error.
    Bad,
}

/// An element of a composite literal: `key: value` or `value`.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyedElement {
    /// A key (field name, index, map key), if written.
    pub key: Option<Expr>,
    /// The value (an element-typed composite literal may omit its type).
    pub value: Expr,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`.
    Pos,
    /// `-x`.
    Neg,
    /// `!x`.
    Not,
    /// `^x`.
    BitNot,
    /// `&x`.
    Addr,
    /// `<-x`.
    Recv,
    /// `~T` (constraint term; only inside interfaces).
    Tilde,
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `||`
    OrOr,
    /// `&&`
    AndAnd,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `&`
    And,
    /// `&^`
    AndNot,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
}

impl BinaryOp {
    /// The operator as written in Go source.
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            OrOr => "||",
            AndAnd => "&&",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
        }
    }

    /// Binding strength, 1 (`||`) to 5 (`*`), as in the Go spec.
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            OrOr => 1,
            AndAnd => 2,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Div | Rem | And | AndNot | Shl | Shr => 5,
        }
    }
}

impl UnaryOp {
    /// The operator as written in Go source.
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
            UnaryOp::Tilde => "~",
        }
    }
}
