//! One function being lowered: its locals, parameters, results, captured
//! cells, scopes for `break`/`continue`, labels, and its defer plan.
//!
//! Invariants kept here:
//! * a Go variable (an object) has exactly one [`LocalId`] per function; the
//!   `Decl` statement that the lowering emits where the variable is declared
//!   makes a fresh zeroed value (a fresh cell when `heap`) every time it runs;
//! * a local is `heap` when the checker says it is captured by a closure or
//!   its address is taken, or when lowering itself takes its address
//!   (slicing an array variable, calling a pointer method on it);
//! * a closure's captures are the variables its body (nested closures
//!   included) uses but does not declare, in order of first use; the
//!   enclosing function passes its own locals for them.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use syntax::Pos;
use syntax::ast::{self, Expr, ExprKind, Stmt as AStmt, StmtKind};
use types::{ObjId, ObjKind, Type, TypeId};

use crate::facts::{Facts, Subst};
use crate::ir::{
    Call, Callee, DeferSite, Expr as IExpr, ExprKind as IK, Func, FuncId, LabelId, Local, LocalId, ScopeId, Stmt, TyId,
};
use crate::plan::{FuncPlan, PlanInput, plan_func};
use crate::program::Ctx;
use crate::visit::{self, Visitor};

/// What is needed to lower one function.
pub struct FuncSpec<'f> {
    /// Its reserved id (the name is already set).
    pub id: FuncId,
    /// Position of `func`.
    pub pos: Pos,
    /// Receiver of a method.
    pub recv: Option<&'f ast::Field>,
    /// Parameters and results as written.
    pub sig: &'f ast::FuncType,
    /// Its function type (receiver excluded).
    pub sig_ty: TypeId,
    /// The body.
    pub body: &'f [AStmt],
    /// Position of the body's closing brace (of its implicit return).
    pub end: Pos,
    /// A function literal (nested closures are named `outer.N`).
    pub closure: bool,
    /// The type arguments of the instance (empty outside generic code).
    pub subst: Rc<Subst>,
}

/// A target of `break` (and `continue` for loops).
#[derive(Clone, Copy, Debug)]
pub struct Breakable {
    /// The loop or block.
    pub id: ScopeId,
    /// A loop (accepts `continue`).
    pub is_loop: bool,
}

/// The state of one function's lowering.
pub struct FnCx<'c, 'a> {
    /// Program-wide state.
    pub cx: &'c mut Ctx<'a>,
    /// This function.
    pub id: FuncId,
    /// Names of closures defined here: prefix + number.
    pub lit_prefix: String,
    /// gc's view of the body.
    pub plan: FuncPlan,
    /// All locals.
    pub locals: Vec<Local>,
    /// Parameters, results, captures.
    pub params: Vec<LocalId>,
    /// Result locals.
    pub results: Vec<LocalId>,
    /// Result types.
    pub result_tys: Vec<TypeId>,
    /// Capture locals.
    pub captures: Vec<LocalId>,
    /// Defer sites.
    pub defers: Vec<DeferSite>,
    /// Go variables → locals.
    pub vars: HashMap<ObjId, LocalId>,
    /// Variables whose address lowering takes.
    pub heap_objs: HashSet<ObjId>,
    /// Goto labels, by name.
    pub labels: HashMap<String, LabelId>,
    /// Labeled loops and switches, by label name.
    pub label_scopes: HashMap<String, Breakable>,
    /// Enclosing breakable statements, innermost last.
    pub breakables: Vec<Breakable>,
    /// Label of the statement being lowered next (for `L: for ...`).
    pub pending_label: Option<String>,
    /// Temporaries holding the values of expressions [`FnCx::hoist`]
    /// evaluated ahead of their statement.
    pub hoisted: HashMap<syntax::ast::NodeId, LocalId>,
    /// `Decl`s of the variables a `range` clause with `:=` declares, until
    /// the loop body being built emits them (see `FnCx::range_assigns`).
    pub iteration_decls: Vec<Stmt>,
    /// In the function of a range-over-func loop body: its loop.
    pub range_ctx: Option<crate::rangefunc::RangeCtx>,
    /// Range-over-func loops lowered so far (they are named `-rangeN`).
    pub ranges: u32,
    /// Last `#next` code given to an exit of a range-over-func body.
    pub range_codes: u64,
    /// The type arguments of the generic instance being lowered (empty
    /// outside generic code); closures share their function's.
    pub subst: Rc<Subst>,
    next_scope: u32,
    next_label: u32,
    next_temp: u32,
}

impl<'c, 'a> FnCx<'c, 'a> {
    pub(crate) fn empty(cx: &'c mut Ctx<'a>, id: FuncId, lit_prefix: String, plan: FuncPlan) -> Self {
        FnCx {
            cx,
            id,
            lit_prefix,
            plan,
            locals: Vec::new(),
            params: Vec::new(),
            results: Vec::new(),
            result_tys: Vec::new(),
            captures: Vec::new(),
            defers: Vec::new(),
            vars: HashMap::new(),
            heap_objs: HashSet::new(),
            labels: HashMap::new(),
            label_scopes: HashMap::new(),
            breakables: Vec::new(),
            pending_label: None,
            hoisted: HashMap::new(),
            iteration_decls: Vec::new(),
            range_ctx: None,
            ranges: 0,
            range_codes: 0,
            subst: Rc::default(),
            next_scope: 0,
            next_label: 0,
            next_temp: 0,
        }
    }

    /// The context for the generated package initialiser.
    pub fn new_init(cx: &'c mut Ctx<'a>, id: FuncId, lit_prefix: String, plan: FuncPlan) -> Self {
        FnCx::empty(cx, id, lit_prefix, plan)
    }

    /// Lowers a function or function literal whose id is reserved.
    /// `captures` are the variables of enclosing functions it uses.
    pub fn lower(cx: &'c mut Ctx<'a>, spec: FuncSpec, captures: &[ObjId]) {
        let info = cx.info;
        let name = &cx.prog.funcs[spec.id.0 as usize].name;
        let lit_prefix = if spec.closure { format!("{name}.") } else { format!("{name}.func") };
        let result_objs: Vec<ObjId> =
            spec.sig.results.iter().flat_map(|f| &f.names).filter_map(|n| info.defs.get(&n.id).copied()).collect();
        let facts = Facts { info, types: &cx.types, subst: &spec.subst };
        let plan = plan_func(
            spec.body,
            &PlanInput { facts, disable_open_defers: cx.opts.disable_open_defers, results: &result_objs },
        );
        let mut f = FnCx::empty(cx, spec.id, lit_prefix, plan);
        f.subst = spec.subst.clone();
        f.heap_objs = addressed_vars(f.facts(), &f.cx.ptr_methods, spec.body);
        f.declare_signature(&spec);
        for &obj in captures {
            let l = f.declare_var(obj);
            // A copy in the closure object, or the cell it shares.
            f.locals[l.0 as usize].heap = !f.cx.by_value.contains(&obj);
            f.captures.push(l);
        }
        let mut body = Vec::new();
        f.stmts(spec.body, &mut body);
        if !matches!(body.last(), Some(Stmt::Return(_))) {
            body.push(Stmt::Return(spec.end));
        }
        f.finish(body, spec.end);
    }

    fn declare_signature(&mut self, spec: &FuncSpec) {
        let facts = self.facts();
        let sig = match facts.under(facts.ty(spec.sig_ty)) {
            Type::Func(s) => s.clone(),
            _ => self.ice(spec.pos, "function without a function type"),
        };
        if let Some(recv) = spec.recv {
            let Some(t) = self.facts().type_of(recv.ty.id) else { self.ice(recv.pos, "receiver type not recorded") };
            let l = self.declare_param(recv.names.first(), t, "~recv".into());
            self.params.push(l);
        }
        let param_names = field_names(&spec.sig.params);
        if param_names.len() != sig.params.len() {
            self.ice(spec.pos, "parameter list does not match the signature");
        }
        for (i, (name, &t)) in param_names.iter().zip(&sig.params).enumerate() {
            let l = self.declare_param(*name, t, format!("~p{i}"));
            self.params.push(l);
        }
        let result_names = field_names(&spec.sig.results);
        for (i, (name, &t)) in result_names.iter().zip(&sig.results).enumerate() {
            let l = self.declare_param(*name, t, format!("~r{i}"));
            self.results.push(l);
            self.result_tys.push(t);
        }
    }

    /// A parameter or result: its object's local, or an anonymous one.
    fn declare_param(&mut self, name: Option<&ast::Ident>, t: TypeId, anon: String) -> LocalId {
        match name.and_then(|n| self.cx.info.defs.get(&n.id).copied()) {
            Some(obj) if name.is_some_and(|n| n.name != "_") => self.declare_var(obj),
            _ => {
                let ty = self.cx.ty(t);
                let name = name.map_or(anon, |n| n.name.clone());
                self.new_local(name, ty, false)
            }
        }
    }

    /// Writes the finished function into the program.
    pub fn finish(self, body: Vec<Stmt>, end: Pos) {
        let slot = &mut self.cx.prog.funcs[self.id.0 as usize];
        *slot = Func {
            name: std::mem::take(&mut slot.name),
            link: std::mem::take(&mut slot.link),
            pos: slot.pos,
            end,
            params: self.params,
            results: self.results,
            captures: self.captures,
            locals: self.locals,
            body,
            defers: self.defers,
            range_defers: self.plan.range_defers,
            external: slot.external,
            noinline: slot.noinline,
            on_demand: slot.on_demand,
            unit: slot.unit,
        };
    }

    /// The checker's facts as this function sees them (its instance's type
    /// arguments substituted): every checked type lowering reads comes
    /// from here.
    pub fn facts(&self) -> Facts<'_> {
        Facts { info: self.cx.info, types: &self.cx.types, subst: &self.subst }
    }

    /// Internal compiler error.
    pub fn ice(&self, pos: Pos, msg: &str) -> ! {
        self.cx.ice(pos, msg)
    }

    /// Reports an unsupported feature.
    pub fn unsupported(&mut self, pos: Pos, what: &str) {
        self.cx.unsupported(pos, what);
    }

    /// A new local.
    pub fn new_local(&mut self, name: String, ty: TyId, heap: bool) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(Local { name, ty, heap });
        id
    }

    /// A fresh temporary (not yet declared: emit `Decl` before use).
    pub fn temp(&mut self, ty: TyId) -> LocalId {
        self.next_temp += 1;
        self.new_local(format!("~t{}", self.next_temp - 1), ty, false)
    }

    /// A temporary holding `value`: the statements declaring and setting it.
    pub fn spill(&mut self, value: IExpr, out: &mut Vec<Stmt>) -> LocalId {
        let t = self.temp(value.ty);
        out.push(Stmt::Decl(t));
        out.push(Stmt::Assign(crate::ir::Place::Local(t), value));
        t
    }

    /// The local of a Go variable, created on first sight.
    pub fn declare_var(&mut self, obj: ObjId) -> LocalId {
        if let Some(&l) = self.vars.get(&obj) {
            return l;
        }
        let o = self.cx.info.obj(obj);
        let heap = match &o.kind {
            ObjKind::Var(v) => (v.captured && !self.cx.by_value.contains(&obj)) || v.addr_taken,
            _ => false,
        } || self.heap_objs.contains(&obj);
        let name = o.name.clone();
        let t = self.facts().obj_ty(obj);
        let ty = self.cx.ty(t);
        let l = self.new_local(name, ty, heap);
        self.vars.insert(obj, l);
        l
    }

    /// The local of a variable in scope.
    pub fn var(&self, obj: ObjId, pos: Pos) -> LocalId {
        match self.vars.get(&obj) {
            Some(&l) => l,
            None => self.ice(pos, &format!("variable {} used before its declaration", self.cx.info.obj(obj).name)),
        }
    }

    /// A fresh loop/block id.
    pub fn new_scope(&mut self) -> ScopeId {
        self.next_scope += 1;
        ScopeId(self.next_scope - 1)
    }

    /// The goto label with this name.
    pub fn label(&mut self, name: &str) -> LabelId {
        if let Some(&l) = self.labels.get(name) {
            return l;
        }
        let l = LabelId(self.next_label);
        self.next_label += 1;
        // The blank label may be placed any number of times and is never a
        // target: each gets a label of its own.
        if name != "_" {
            self.labels.insert(name.to_string(), l);
        }
        l
    }

    /// A call of a static function without arguments, as a statement.
    pub fn call_static(&mut self, f: FuncId, pos: Pos) -> Stmt {
        let ty = self.cx.with_tys(|m, env, out| m.tuple(env, out, Vec::new()));
        Stmt::Eval(IExpr { kind: IK::Call(Box::new(Call { callee: Callee::Func(f), args: Vec::new(), pos })), ty, pos })
    }

    /// Lowers a function literal into its own function; returns it and the
    /// variables it captures.
    pub fn func_lit(&mut self, e: &Expr) -> (FuncId, Vec<ObjId>) {
        let ExprKind::FuncLit { sig, body } = &e.kind else { self.ice(e.pos, "not a function literal") };
        let Some(n) = self.plan.lit_numbers.get(&e.id).copied() else {
            self.ice(e.pos, "function literal was not numbered")
        };
        let name = format!("{}{}", self.lit_prefix, n);
        let fid = self.cx.reserve_func(name, e.pos);
        let Some(sig_ty) = self.facts().type_of(e.id) else { self.ice(e.pos, "no type for function literal") };
        let free = free_vars(self.cx.info, e);
        let spec = FuncSpec {
            id: fid,
            pos: e.pos,
            recv: None,
            sig,
            sig_ty,
            body: &body.stmts,
            end: body.end,
            closure: true,
            subst: self.subst.clone(),
        };
        FnCx::lower(self.cx, spec, &free);
        (fid, free)
    }

    /// Lowers the closures inside a statement that gc compiles although the
    /// statement itself is unreachable (no code is emitted for it).
    pub fn dead_closures(&mut self, s: &AStmt) {
        struct Lits<'p, 's> {
            plan: &'p FuncPlan,
            found: Vec<&'s Expr>,
        }
        impl<'s> Visitor<'s> for Lits<'_, 's> {
            fn stmt(&mut self, s: &'s AStmt) -> bool {
                self.plan.fate(s) != crate::plan::Fate::Removed
            }
            fn expr(&mut self, e: &'s Expr) -> bool {
                if matches!(e.kind, ExprKind::FuncLit { .. }) {
                    self.found.push(e);
                    return false;
                }
                true
            }
        }
        let mut v = Lits { plan: &self.plan, found: Vec::new() };
        visit::walk_stmt(s, &mut v);
        // Literals in the body of a dead range-over-func loop belong to the
        // body's closure (numbered there), which dead code never makes.
        let numbered: Vec<&Expr> = v.found.into_iter().filter(|l| self.plan.lit_numbers.contains_key(&l.id)).collect();
        for lit in numbered {
            self.func_lit(lit);
        }
    }
}

/// One entry per parameter: its name, or `None` when unnamed.
fn field_names(fields: &[ast::Field]) -> Vec<Option<&ast::Ident>> {
    let mut out = Vec::new();
    for f in fields {
        if f.names.is_empty() {
            out.push(None);
        } else {
            out.extend(f.names.iter().map(Some));
        }
    }
    out
}

/// The variables a function literal uses but does not declare (its
/// captures), in order of first use. Package-level variables are not
/// captured.
pub fn free_vars(info: &types::Info, lit: &Expr) -> Vec<ObjId> {
    free_vars_in(info, |v| visit::walk_expr(lit, v))
}

/// The variables used but not declared in what `walk` visits, in order of
/// first use (package-level variables excluded).
pub(crate) fn free_vars_in(info: &types::Info, walk: impl FnOnce(&mut FreeVars<'_>)) -> Vec<ObjId> {
    let mut v = FreeVars { info, declared: HashSet::new(), used: Vec::new() };
    walk(&mut v);
    let declared = v.declared;
    v.used.into_iter().filter(|o| !declared.contains(o)).collect()
}

/// The visitor of [`free_vars_in`].
pub(crate) struct FreeVars<'i> {
    info: &'i types::Info,
    declared: HashSet<ObjId>,
    used: Vec<ObjId>,
}

impl FreeVars<'_> {
    fn def(&mut self, id: &ast::Ident) {
        if let Some(o) = self.info.defs.get(&id.id) {
            self.declared.insert(*o);
        }
    }
}

impl<'s> Visitor<'s> for FreeVars<'_> {
    fn stmt(&mut self, s: &'s AStmt) -> bool {
        match &s.kind {
            StmtKind::Define { lhs, .. } => lhs.iter().for_each(|i| self.def(i)),
            StmtKind::Decl(ast::Decl::Var(specs)) => specs.iter().flat_map(|s| &s.names).for_each(|i| self.def(i)),
            StmtKind::TypeSwitch { cases, .. } => {
                for c in cases {
                    if let Some(o) = self.info.implicits.get(&c.implicit) {
                        self.declared.insert(*o);
                    }
                }
            }
            _ => {}
        }
        true
    }
    fn expr(&mut self, e: &'s Expr) -> bool {
        match &e.kind {
            ExprKind::FuncLit { sig, .. } => {
                sig.params.iter().chain(&sig.results).flat_map(|f| &f.names).for_each(|i| self.def(i));
            }
            ExprKind::Ident(id) => {
                self.def(id);
                if let Some(&o) = self.info.uses.get(&id.id) {
                    let local_var = matches!(&self.info.obj(o).kind, ObjKind::Var(v) if !v.global && !v.field);
                    if local_var && !self.used.contains(&o) {
                        self.used.push(o);
                    }
                }
            }
            _ => {}
        }
        true
    }
}

/// Variables whose address the lowering takes although the checker may not
/// say so: arrays that are sliced, and receivers of pointer-method calls
/// and `&` operands (the root variable of the place).
pub(crate) fn addressed_vars(facts: Facts<'_>, ptr_methods: &HashSet<ObjId>, body: &[AStmt]) -> HashSet<ObjId> {
    struct V<'i>(Facts<'i>, HashSet<ObjId>, &'i HashSet<ObjId>);
    impl V<'_> {
        fn root(&mut self, e: &Expr) {
            if let Some(o) = crate::query::root_var(self.0, e) {
                self.1.insert(o);
            }
        }
        fn is_array(&self, e: &Expr) -> bool {
            crate::query::is_array(self.0, e)
        }
    }
    impl<'s> Visitor<'s> for V<'_> {
        fn expr(&mut self, e: &'s Expr) -> bool {
            match &e.kind {
                ExprKind::Unary { op: ast::UnaryOp::Addr, x } => self.root(x),
                ExprKind::Slice { x, .. } if self.is_array(x) => self.root(x),
                ExprKind::Selector { x, .. } => {
                    let wants_ptr = self.0.selection(e.id).and_then(|s| s.method).is_some_and(|m| self.2.contains(&m));
                    let x_is_ptr = matches!(self.0.under_of(x), Some(Type::Pointer(_)));
                    if wants_ptr && !x_is_ptr {
                        self.root(x);
                    }
                }
                _ => {}
            }
            true
        }
    }
    let mut v = V(facts, HashSet::new(), ptr_methods);
    visit::walk_stmts(body, &mut v);
    v.1
}
