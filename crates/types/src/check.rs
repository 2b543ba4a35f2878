//! The [`Checker`]: its state, scopes, objects, error reporting and the
//! order in which a package is checked.
//!
//! Order (types2's, so that errors come out in gc's chronological order —
//! gc prints the first ten errors *reported*, sorted by position):
//! 1. branch and label errors of every function body (gc finds these while
//!    parsing, before type checking);
//! 2. imports and package-level objects are collected, redeclarations
//!    reported;
//! 3. package-level declarations are checked, types first, then the rest in
//!    source order; a declaration that refers to another checks that one
//!    first (lazily, with cycle detection);
//! 4. function bodies, in source order;
//! 5. initialization order of package-level variables;
//! 6. `function main is undeclared` (a link error in gc: only without
//!    other errors).
//!
//! Scopes form a tree: universe → package → one scope per file (imports) →
//! function → blocks. Every object lives in `info.objects`; checker-only
//! facts about it (its type as written, whether it is used, its constant
//! value, its pending package-level declaration) live in `objs`, indexed
//! by the same [`ObjId`].

use std::collections::HashMap;

use syntax::ast::{ConstSpec, Expr, File, FuncDecl, NodeId, TypeSpec, VarSpec};
use syntax::{Diagnostics, Pos, SourceMap};

use crate::constant::Value;
use crate::model::{Builtin, Info, Mode, ObjId, ObjKind, Object, PkgId, TypeAndValue, VarInfo};
use crate::operand::{OpMode, Operand};
use crate::types::{TyId, Types};

/// Index of a scope in [`Checker::scopes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ScopeId(pub u32);

/// A lexical scope.
#[derive(Debug, Default)]
pub(crate) struct Scope {
    pub parent: Option<ScopeId>,
    pub names: HashMap<String, ObjId>,
}

/// A package-level declaration, checked lazily.
#[derive(Clone, Copy)]
pub(crate) enum PkgDecl<'a> {
    Const { spec: &'a ConstSpec, index: usize, typ: Option<&'a syntax::ast::Type> },
    Var { spec: &'a VarSpec, index: usize },
    Type(&'a TypeSpec),
    Func(&'a FuncDecl),
}

/// Resolution state of a package-level object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Color {
    /// Not yet checked.
    White,
    /// Being checked (a reference now is a cycle).
    Grey,
    /// Checked.
    Black,
}

/// Checker-only facts about an object.
pub(crate) struct ObjData<'a> {
    /// Its type as written (canonicalized into `Object::ty` at the end).
    pub ty: TyId,
    /// Whether a variable is used (for "declared and not used").
    pub used: bool,
    /// A constant's value.
    pub val: Value,
    /// Pending package-level declaration.
    pub decl: Option<PkgDecl<'a>>,
    pub color: Color,
    /// File index of a package-level declaration (its file scope).
    pub file: usize,
}

/// The function whose body is being checked.
#[derive(Clone)]
pub(crate) struct FuncCtx {
    /// Node id of the FuncDecl name or the FuncLit expression.
    pub owner: NodeId,
    /// Result variables (named or not) in order.
    pub results: Vec<ObjId>,
    /// Local variables declared so far (for the unused check).
    pub locals: Vec<ObjId>,
}

/// A check of a type that needs underlying types which may still be
/// unknown where the type is written (`type m map[k]int; type k [1]m`,
/// `type T *struct{ T }`), so it waits for the declarations (as in types2).
#[derive(Clone)]
pub(crate) enum LaterCheck {
    /// A map key type must be comparable.
    MapKey(TyId, Pos),
    /// An embedded field's type must not be a pointer to a pointer or an
    /// interface, nor unsafe.Pointer.
    Embedded(TyId, Pos),
    /// The type of a variable (parameter, field, element, type argument)
    /// must not be a constraint interface.
    VarType(TyId, Pos),
    /// The type arguments of an instance of generic type `obj` must
    /// satisfy its constraints; `at` are the arguments' positions, `pos`
    /// the instance's.
    Verify { obj: ObjId, targs: Vec<TyId>, at: Vec<Pos>, pos: Pos },
}

/// A function body whose checking is delayed until the package-level
/// declarations are done (types2's `check.later`).
#[derive(Clone)]
pub(crate) struct Delayed<'a> {
    pub sig: TyId,
    pub objs: crate::decl::SigObjs,
    pub body: &'a syntax::ast::Block,
    /// FuncDecl name id or FuncLit id.
    pub owner: NodeId,
    /// Scope enclosing the function.
    pub scope: ScopeId,
    /// Package-level object whose dependencies uses in the body are.
    pub decl: Option<ObjId>,
    /// `iota` where the function is written: a function literal in a
    /// constant declaration may use it.
    pub iota: Option<Value>,
}

/// An expression whose type is still untyped (types2's `exprInfo`).
#[derive(Clone, Debug)]
pub(crate) struct Untyped {
    /// The left operand of a non-constant shift.
    pub is_lhs: bool,
    pub mode: Mode,
    pub ty: TyId,
    pub val: Option<Value>,
}

/// The type checker of a program, one package at a time (see
/// `Checker::begin_package` for what is per package).
pub(crate) struct Checker<'a> {
    pub sources: &'a SourceMap,
    pub diags: &'a mut Diagnostics,
    /// Files of the package being checked.
    pub files: &'a [File],
    /// The package being checked; `None` while the universe is built.
    pub pkg: Option<PkgId>,
    /// Package scope of every package checked so far, by [`PkgId`].
    pub pkg_scopes: Vec<ScopeId>,
    pub info: Info,
    pub tys: Types,
    pub objs: Vec<ObjData<'a>>,
    pub scopes: Vec<Scope>,
    pub universe: ScopeId,
    /// The scope of package `unsafe`.
    pub unsafe_scope: ScopeId,
    pub pkg_scope: ScopeId,
    pub file_scopes: Vec<ScopeId>,
    /// Current scope.
    pub scope: ScopeId,
    /// Current function (None at package level).
    pub func: Option<FuncCtx>,
    /// Value of `iota` in the constant declaration being checked.
    pub iota: Option<Value>,
    /// Errors in implicitly repeated constant specs are reported here.
    pub errpos: Option<Pos>,
    /// The package-level object whose declaration (or body) is being
    /// checked; uses of package-level objects are its dependencies.
    pub cur_decl: Option<ObjId>,
    /// Dependencies of package-level objects, in first-use order.
    pub deps: HashMap<ObjId, Vec<ObjId>>,
    pub untyped: syntax::ast::NodeMap<Untyped>,
    /// Whether any error was reported by this checker.
    pub had_error: bool,
    /// Package-level objects in declaration order (for init order).
    pub pkg_objs: Vec<ObjId>,
    /// Bodies to check after the package-level declarations.
    pub bodies: Vec<(ObjId, &'a FuncDecl)>,
    /// Methods by receiver base type name, collected before types resolve.
    pub methods: HashMap<String, Vec<ObjId>>,
    /// The universe object `iota`.
    pub universe_iota: ObjId,
    /// Type declarations (aliases included) being checked, outermost
    /// first (for cycles).
    pub type_path: Vec<(ObjId, &'a syntax::ast::TypeSpec)>,
    /// The package's instantiations so far, for instantiation cycles
    /// (see `mono.rs`).
    pub mono: Vec<crate::mono::MonoInst>,
    /// Errors of gc's back end, reported after checking (`backend_error`).
    pub backend_errors: Vec<(Pos, String)>,
    /// Methods' receiver type parameters, with the type parameters of
    /// their receiver's type they stand for.
    pub mono_canon: HashMap<TyId, TyId>,
    /// Interface types that embed a defined type whose underlying type
    /// was not known yet when they were made, with that type.
    pub embeds_incomplete: HashMap<TyId, ObjId>,
    /// Interfaces declared as such an interface, by the type they wait
    /// for, with the scope their type is checked in (that of a generic
    /// one's type parameters) (see `Checker::resolve_iface_awaiting`).
    pub iface_awaiting: HashMap<ObjId, Vec<(ObjId, &'a syntax::ast::TypeSpec, ScopeId)>>,
    /// The objects whose declarations are being checked, outermost first
    /// (see `cycles.rs`).
    pub obj_path: Vec<ObjId>,
    /// Generic type aliases (`type A[P any] = []P`, Go 1.24), with their
    /// right side in terms of their type parameters: an instance `A[int]`
    /// is that type with the arguments substituted (aliases are not
    /// materialized: the instance is the type it stands for).
    pub generic_aliases: HashMap<ObjId, TyId>,
    /// Defined types declared as another defined type (`type T2 T1`), with
    /// that type: T2 has T1's structure (see `Checker::find_embedding`).
    pub defined_from: HashMap<ObjId, ObjId>,
    /// Defined types declared as an instance (`type B[P any] A[P]`), with
    /// it (see `Checker::find_embedding`).
    pub declared_inst: HashMap<ObjId, TyId>,
    /// Where each instance of a generic type was first written (`T0[T1]`),
    /// to name it in an `invalid recursive type` cycle as gc does.
    pub inst_pos: HashMap<TyId, Pos>,
    /// Defined types whose underlying type waits for that of the type they
    /// are declared as, which was still being declared (`type T1 struct{ F
    /// *T2 }; type T2 T1`), by that type.
    pub awaiting: HashMap<ObjId, Vec<ObjId>>,
    /// Receiver, parameter and result objects of declared functions.
    pub sig_objs: HashMap<ObjId, crate::decl::SigObjs>,
    /// Checks of types to make once their declarations are complete.
    pub later: Vec<LaterCheck>,
    /// Delayed function bodies, in the order they must be checked.
    pub delayed: Vec<Delayed<'a>>,
    /// While local type declarations are checked: the bodies of the
    /// function literals in them, checked once the declarations are
    /// (types2 delays every function literal's body, so a literal may use
    /// a type whose declaration encloses it: `type T chan [unsafe.Sizeof(
    /// func(ch T){ <-ch })]byte`).
    pub local_type_lits: Option<Vec<Delayed<'a>>>,
    /// Imports with the object they declare (none for `_` and `.`); judged
    /// once all uses are known (see `report_imports`).
    pub imports: Vec<(&'a syntax::ast::ImportSpec, Option<ObjId>)>,
    /// Names declared by dot imports, by file scope and name: the import's
    /// number in `imports`.
    pub dot_imports: HashMap<(ScopeId, String), usize>,
    /// The dot imports (numbers in `imports`) a name was looked up through.
    pub dot_used: std::cell::RefCell<std::collections::HashSet<usize>>,
    /// What Go's own standard library declares, to tell a name deft's
    /// library lacks from an undefined one (see `gostd`).
    pub gostd: Option<&'a dyn crate::gostd::GoStd>,
    /// Synthetic objects for interface methods, by (interface, name).
    pub iface_objs: HashMap<(crate::model::TypeId, String), ObjId>,
    /// The language version of each file of the package being checked.
    pub file_langs: HashMap<syntax::FileId, crate::lang::FileLang>,
    /// While one value of a multi-valued expression is assigned: that
    /// expression and the words naming the value in messages instead of it
    /// (types2's dummy operands, `2nd function result`).
    pub value_desc: Option<(NodeId, String)>,
    /// Typed targets of the expressions being assigned (by the expression;
    /// a parenthesized one is not instantiated, as in gc): a generic function assigned to one is
    /// instantiated by reverse inference, the target named by the words
    /// given in messages (`v`, `result variable`).
    pub assign_targets: Vec<(NodeId, TyId, String)>,
    /// While reverse inference runs: the words naming its target.
    pub reverse_desc: Option<String>,
    /// The arguments of the call being checked: a generic function there
    /// is instantiated by the call's inference (or from its parameter's
    /// type), not reported as used without instantiation.
    pub generic_args: Vec<NodeId>,
    /// The type arguments inferred for generic function arguments by the
    /// last `infer`, by argument index.
    pub arg_targs: Vec<(usize, Vec<TyId>)>,
    /// Partial instantiations (`f[int]` of a generic function with more
    /// type parameters) left generic for their target to complete, by the
    /// index expression: the explicit type arguments and their positions.
    pub partial: HashMap<NodeId, (Vec<TyId>, Vec<Pos>)>,
}

impl<'a> Checker<'a> {
    // ------------------------------------------------------------------
    // Errors.

    /// Reports an error (at `errpos` when checking an implicitly repeated
    /// constant spec, as types2 does).
    pub(crate) fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        let msg = msg.into();
        if self.had_error && (msg.contains("invalid operand") || msg.contains("invalid type")) {
            return;
        }
        let pos = self.errpos.unwrap_or(pos);
        self.had_error = true;
        self.diags.error(pos, msg);
    }

    /// Reports an error of gc's back end (type sizes): only a package
    /// without type errors gets there, so it is reported once the package
    /// is checked, if no other error was (`report_backend_errors`).
    pub(crate) fn backend_error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.backend_errors.push((pos, msg.into()));
    }

    /// Reports the back end's errors of a package without type errors.
    pub(crate) fn report_backend_errors(&mut self) {
        let errors = std::mem::take(&mut self.backend_errors);
        if !self.diags.has_errors() {
            errors.into_iter().for_each(|(pos, msg)| self.diags.error(pos, msg));
        }
    }

    /// Reports an error at the start of an operand's expression.
    pub(crate) fn error_at_op(&mut self, x: &Operand<'a>, msg: impl Into<String>) {
        let pos = x.start_pos();
        self.error(pos, msg);
    }

    /// A position as gc prints it inside messages (`./x.go:3:5`).
    pub(crate) fn pos_string(&self, pos: Pos) -> String {
        self.sources.render(pos)
    }

    /// A type as gc prints it.
    pub(crate) fn ts(&self, t: TyId) -> String {
        crate::typestr::type_string(&self.tys, &self.qualifier(), t)
    }

    /// How type names are qualified in messages: by package name, except
    /// those of the package being checked.
    pub(crate) fn qualifier(&self) -> crate::typestr::Qualifier<'_> {
        crate::typestr::Qualifier {
            objects: &self.info.objects,
            packages: &self.info.packages,
            current: self.pkg,
            universe: &self.scopes[self.universe.0 as usize].names,
            sources: self.sources,
        }
    }

    /// The package being checked (`PkgId(0)` before any).
    pub(crate) fn cur_pkg(&self) -> PkgId {
        self.pkg.unwrap_or(PkgId(0))
    }

    // ------------------------------------------------------------------
    // Objects and scopes.

    /// Creates an object (not yet declared in any scope).
    pub(crate) fn new_obj(&mut self, name: &str, kind: ObjKind, ty: TyId, pos: Pos) -> ObjId {
        let id = ObjId(self.info.objects.len() as u32);
        let owner = self.func.as_ref().map(|f| f.owner);
        let pkg = self.pkg;
        self.info.objects.push(Object { name: name.to_string(), kind, ty: self.tys.canon(ty), pos, owner, pkg });
        self.objs.push(ObjData { ty, used: false, val: Value::Unknown, decl: None, color: Color::Black, file: 0 });
        id
    }

    /// Creates a local or package-level variable object.
    pub(crate) fn new_var(&mut self, name: &str, ty: TyId, pos: Pos, vi: VarInfo) -> ObjId {
        self.new_obj(name, ObjKind::Var(vi), ty, pos)
    }

    pub(crate) fn obj(&self, o: ObjId) -> &Object {
        &self.info.objects[o.0 as usize]
    }

    pub(crate) fn data(&mut self, o: ObjId) -> &mut ObjData<'a> {
        &mut self.objs[o.0 as usize]
    }

    pub(crate) fn obj_ty(&self, o: ObjId) -> TyId {
        self.objs[o.0 as usize].ty
    }

    pub(crate) fn set_obj_ty(&mut self, o: ObjId, t: TyId) {
        self.objs[o.0 as usize].ty = t;
        self.info.objects[o.0 as usize].ty = self.tys.canon(t);
    }

    pub(crate) fn var_info(&mut self, o: ObjId) -> Option<&mut VarInfo> {
        match &mut self.info.objects[o.0 as usize].kind {
            ObjKind::Var(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn new_scope(&mut self, parent: Option<ScopeId>) -> ScopeId {
        self.scopes.push(Scope { parent, names: HashMap::new() });
        ScopeId(self.scopes.len() as u32 - 1)
    }

    /// Opens a block scope under the current one.
    pub(crate) fn open_scope(&mut self) {
        self.scope = self.new_scope(Some(self.scope));
    }

    /// Returns to the parent scope.
    pub(crate) fn close_scope(&mut self) {
        if let Some(p) = self.scopes[self.scope.0 as usize].parent {
            self.scope = p;
        }
    }

    /// Looks a name up in `scope` only.
    pub(crate) fn lookup_in(&self, scope: ScopeId, name: &str) -> Option<ObjId> {
        self.scopes[scope.0 as usize].names.get(name).copied()
    }

    /// Looks a name up from the current scope outwards.
    pub(crate) fn lookup(&self, name: &str) -> Option<ObjId> {
        let mut s = Some(self.scope);
        while let Some(id) = s {
            if let Some(o) = self.lookup_in(id, name) {
                if !self.dot_imports.is_empty()
                    && let Some(&i) = self.dot_imports.get(&(id, name.to_string()))
                {
                    self.dot_used.borrow_mut().insert(i);
                }
                return Some(o);
            }
            s = self.scopes[id.0 as usize].parent;
        }
        None
    }

    /// Declares `obj` in `scope`, reporting a redeclaration (the blank
    /// identifier is never declared).
    pub(crate) fn declare(&mut self, scope: ScopeId, ident: Option<NodeId>, obj: ObjId) {
        if let Some(id) = ident {
            self.info.defs.insert(id, obj);
        }
        let name = self.obj(obj).name.clone();
        if name == "_" {
            return;
        }
        if let Some(alt) = self.lookup_in(scope, &name) {
            let pos = self.obj(obj).pos;
            let other = self.obj(alt).pos;
            let msg = if other.is_known() {
                format!("{name} redeclared in this block\n\t{}: other declaration of {name}", self.pos_string(other))
            } else {
                format!("{name} redeclared in this block")
            };
            self.error(pos, msg);
            // Not in any scope: never "declared and not used" — but an
            // import nothing can use is reported as unused, as gc does.
            if !matches!(self.obj(obj).kind, ObjKind::PkgName(_)) {
                self.objs[obj.0 as usize].used = true;
            }
            return;
        }
        self.scopes[scope.0 as usize].names.insert(name, obj);
    }

    /// Records a use of `obj` by identifier `ident`: marks variables used,
    /// sets `captured` for variables of an enclosing function, and records
    /// dependencies of package-level declarations.
    pub(crate) fn use_obj(&mut self, ident: NodeId, obj: ObjId) {
        self.info.uses.insert(ident, obj);
        self.mark_used(obj);
    }

    pub(crate) fn mark_used(&mut self, obj: ObjId) {
        self.objs[obj.0 as usize].used = true;
        let o = &self.info.objects[obj.0 as usize];
        let is_var = matches!(o.kind, ObjKind::Var(_));
        let global = o.owner.is_none() && o.pos.is_known();
        if is_var
            && let (Some(owner), Some(f)) = (o.owner, &self.func)
            && owner != f.owner
            && let ObjKind::Var(v) = &mut self.info.objects[obj.0 as usize].kind
        {
            v.captured = true;
        }
        if global && self.objs[obj.0 as usize].decl.is_some() {
            let kind_ok = matches!(self.obj(obj).kind, ObjKind::Var(_) | ObjKind::Const(_) | ObjKind::Func { .. });
            if kind_ok && let Some(d) = self.cur_decl {
                let list = self.deps.entry(d).or_default();
                if !list.contains(&obj) {
                    list.push(obj);
                }
            }
        }
    }

    // ------------------------------------------------------------------
    // Recording facts.

    /// Records the type and value of an expression (untyped ones wait for
    /// their final type in `untyped`).
    pub(crate) fn record(&mut self, x: &Operand<'a>) {
        let Some(e) = x.expr else { return };
        let (mode, val) = match x.mode {
            OpMode::Invalid => return,
            OpMode::NoValue => (Mode::NoValue, None),
            OpMode::Builtin(_) => (Mode::Builtin, None),
            OpMode::TypeExpr => (Mode::TypeExpr, None),
            OpMode::Constant => (Mode::Constant, Some(x.val.clone())),
            OpMode::Variable => (Mode::Variable, None),
            OpMode::MapIndex => (Mode::MapIndex, None),
            OpMode::Value | OpMode::Nil => (Mode::Value, None),
            OpMode::CommaOk => (Mode::Value, None),
        };
        if self.tys.is_untyped(x.ty) {
            self.untyped.insert(e.id, Untyped { is_lhs: false, mode, ty: x.ty, val });
        } else {
            self.record_type(e.id, mode, x.ty, val.as_ref());
        }
    }

    /// Records a final type for a node.
    pub(crate) fn record_type(&mut self, id: NodeId, mode: Mode, ty: TyId, val: Option<&Value>) {
        let value = val.and_then(Value::to_model);
        self.info.types.insert(id, TypeAndValue { mode, ty: self.tys.canon(ty), value });
    }

    /// Records that a `v, ok` expression is used in a two-value context.
    pub(crate) fn record_comma_ok(&mut self, e: &Expr, t0: TyId, t1: TyId) {
        let tup = self.tys.tuple(vec![t0, t1]);
        let mut e = e;
        loop {
            self.record_type(e.id, Mode::CommaOk, tup, None);
            match &e.kind {
                syntax::ast::ExprKind::Paren(x) => e = x,
                _ => break,
            }
        }
    }

    /// Flushes untyped expressions that never got a final type: they get
    /// their default type (only `nil` stays untyped), per the model's
    /// invariant.
    pub(crate) fn flush_untyped(&mut self) {
        let pending: Vec<(NodeId, Untyped)> = self.untyped.drain().collect();
        for (id, u) in pending {
            let ty = self.tys.default_type(u.ty);
            self.record_type(id, u.mode, ty, u.val.as_ref());
        }
    }

    /// The builtin an object denotes.
    pub(crate) fn builtin_of(&self, o: ObjId) -> Option<Builtin> {
        match self.obj(o).kind {
            ObjKind::Builtin(b) => Some(b),
            _ => None,
        }
    }
}
