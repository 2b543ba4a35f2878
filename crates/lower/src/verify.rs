//! The IR verifier. Its checks are the IR's invariants:
//!
//! 1. Every [`TyId`], [`FuncId`], [`GlobalId`] indexes its table; every
//!    [`LocalId`] indexes the locals of the function it appears in.
//! 2. A local is read or assigned only after a `Decl` of it earlier in the
//!    body (in statement order), unless it is a parameter, result or capture.
//! 3. `Break` names an enclosing `Loop` or `Block`, `Continue` an enclosing
//!    `Loop`; `Goto` names a `Label` of the same function; each label is
//!    placed once.
//! 4. Each defer site of [`Func::defers`] is registered by exactly one
//!    `Defer` statement.
//! 5. Open-coded defers: at most [`MAX_OPEN_DEFERS`] per function, all sites
//!    of a function open-coded or none, and none inside a `Loop` or between
//!    a `Label` and a later `Goto` to it (where it could run twice).
//! 6. The statements of an `ExprKind::Seq` never leave it (no `Break`,
//!    `Continue`, `Goto`, `Label`, `Return`, `Defer`).
//! 7. A `Closure` passes as many locals as the function's `captures`, each
//!    a heap local (a shared cell) exactly when the capture is one.
//! 8. Every function body ends with `Return`.
//! 9. No two functions share a link name ([`Func::link`]), and none keeps
//!    gc's `[...]` of an instance: an instance's type arguments are spelt
//!    out. No two types share a link name ([`TyDef::link`]).
//! 10. A `TypeSwitch` switches on an interface value; its case types are
//!     distinct, none an interface, and each case names one of its arms.
//!
//! Messages name the function and say what was found.

use std::collections::{HashMap, HashSet};

use crate::ir::*;

/// Checks a program; `Err` describes the first violation found.
pub fn verify(p: &Program) -> Result<(), String> {
    let ids_ok = |t: TyId| (t.0 as usize) < p.types.len();
    let mut type_links = std::collections::HashSet::new();
    for (i, t) in p.types.iter().enumerate() {
        if !ty_refs(&t.kind).into_iter().all(ids_ok) {
            return Err(format!("type {i} ({}) refers to a missing type", t.name));
        }
        if !type_links.insert(t.link.as_str()) {
            return Err(format!("type {i} ({}): link name {} is not unique", t.name, t.link));
        }
    }
    for id in std::iter::once(p.init).chain(p.main) {
        if id.0 as usize >= p.funcs.len() {
            return Err(format!("init or main is missing function {}", id.0));
        }
    }
    let mut links = std::collections::HashSet::new();
    for f in &p.funcs {
        FuncCheck::new(p, f).run().map_err(|e| format!("in {}: {e}", f.name))?;
        if f.link.contains("[...]") || !links.insert(f.link.as_str()) {
            return Err(format!("{}: link name {} is not unique", f.name, f.link));
        }
    }
    Ok(())
}

fn ty_refs(k: &TyKind) -> Vec<TyId> {
    match k {
        TyKind::Pointer(t) | TyKind::Slice(t) | TyKind::Array(_, t) | TyKind::Chan(t) => vec![*t],
        TyKind::Map(a, b) => vec![*a, *b],
        TyKind::Struct(fs) => fs.iter().map(|f| f.1).collect(),
        TyKind::Func(s) => s.params.iter().chain(&s.results).copied().collect(),
        TyKind::Interface(ms) => ms.iter().flat_map(|m| m.1.params.iter().chain(&m.1.results)).copied().collect(),
        TyKind::Tuple(ts) => ts.clone(),
        _ => Vec::new(),
    }
}

/// The per-function walk.
struct FuncCheck<'p> {
    p: &'p Program,
    f: &'p Func,
    declared: HashSet<LocalId>,
    scopes: Vec<(ScopeId, bool)>,
    labels: HashMap<LabelId, usize>,
    gotos: Vec<(LabelId, usize)>,
    /// Pre-order index of each `Defer` statement, with its site.
    defers: Vec<(usize, usize, bool)>,
    loop_depth: u32,
    in_seq: u32,
    order: usize,
}

impl<'p> FuncCheck<'p> {
    fn new(p: &'p Program, f: &'p Func) -> Self {
        let declared = f.params.iter().chain(&f.results).chain(&f.captures).copied().collect();
        FuncCheck {
            p,
            f,
            declared,
            scopes: Vec::new(),
            labels: HashMap::new(),
            gotos: Vec::new(),
            defers: Vec::new(),
            loop_depth: 0,
            in_seq: 0,
            order: 0,
        }
    }

    fn run(mut self) -> Result<(), String> {
        for l in self.f.params.iter().chain(&self.f.results).chain(&self.f.captures) {
            self.local_exists(*l)?;
        }
        for l in &self.f.locals {
            self.ty(l.ty)?;
        }
        if !matches!(self.f.body.last(), Some(Stmt::Return(_))) {
            return Err("body does not end with Return".into());
        }
        self.stmts(&self.f.body)?;
        self.check_gotos()?;
        self.check_defers()
    }

    fn ty(&self, t: TyId) -> Result<(), String> {
        if (t.0 as usize) < self.p.types.len() { Ok(()) } else { Err(format!("missing type {}", t.0)) }
    }

    fn local_exists(&self, l: LocalId) -> Result<(), String> {
        if (l.0 as usize) < self.f.locals.len() { Ok(()) } else { Err(format!("local {} does not exist", l.0)) }
    }

    fn use_local(&self, l: LocalId) -> Result<(), String> {
        self.local_exists(l)?;
        if self.declared.contains(&l) {
            Ok(())
        } else {
            Err(format!("local {} ({}) used before any Decl", l.0, self.f.locals[l.0 as usize].name))
        }
    }

    fn no_control_in_seq(&self, what: &str) -> Result<(), String> {
        if self.in_seq > 0 { Err(format!("{what} inside an expression Seq")) } else { Ok(()) }
    }

    fn stmts(&mut self, list: &[Stmt]) -> Result<(), String> {
        for s in list {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), String> {
        self.order += 1;
        match s {
            Stmt::Decl(l) => {
                self.local_exists(*l)?;
                self.declared.insert(*l);
            }
            Stmt::Eval(e) => self.expr(e)?,
            Stmt::Assign(p, e) => {
                self.place(p)?;
                self.expr(e)?;
            }
            Stmt::AssignMulti(ps, e) => {
                for p in ps.iter().flatten() {
                    self.place(p)?;
                }
                self.expr(e)?;
            }
            Stmt::If { cond, then, els } => {
                self.expr(cond)?;
                self.stmts(then)?;
                self.stmts(els)?;
            }
            Stmt::Loop { id, cond, body, post } => {
                if let Some(c) = cond {
                    self.expr(c)?;
                }
                self.scopes.push((*id, true));
                self.loop_depth += 1;
                self.stmts(body)?;
                self.stmts(post)?;
                self.loop_depth -= 1;
                self.scopes.pop();
            }
            Stmt::Block { id, body } => {
                self.scopes.push((*id, false));
                self.stmts(body)?;
                self.scopes.pop();
            }
            Stmt::Break(id) => {
                self.no_control_in_seq("Break")?;
                if !self.scopes.iter().any(|(s, _)| s == id) {
                    return Err(format!("Break({}) outside its loop or block", id.0));
                }
            }
            Stmt::Continue(id) => {
                self.no_control_in_seq("Continue")?;
                if !self.scopes.iter().any(|(s, is_loop)| s == id && *is_loop) {
                    return Err(format!("Continue({}) outside its loop", id.0));
                }
            }
            Stmt::Label(l) => {
                self.no_control_in_seq("Label")?;
                if self.labels.insert(*l, self.order).is_some() {
                    return Err(format!("label {} placed twice", l.0));
                }
            }
            Stmt::Goto(l) => {
                self.no_control_in_seq("Goto")?;
                self.gotos.push((*l, self.order));
            }
            Stmt::Return(_) => self.no_control_in_seq("Return")?,
            Stmt::Defer { site, call } => {
                self.no_control_in_seq("Defer")?;
                self.call(call)?;
                self.defers.push((self.order, *site, self.loop_depth > 0));
            }
            Stmt::Go(call) => self.call(call)?,
            Stmt::TypeSwitch { x, cases, arms, miss } => {
                self.no_control_in_seq("TypeSwitch")?;
                self.expr(x)?;
                if !matches!(self.p.types[x.ty.0 as usize].kind, TyKind::Interface(_)) {
                    return Err("TypeSwitch on a non-interface value".into());
                }
                let mut seen = HashSet::new();
                for &(t, arm) in cases {
                    if let Some(t) = t {
                        self.ty(t)?;
                        if matches!(self.p.types[t.0 as usize].kind, TyKind::Interface(_)) {
                            return Err(format!("TypeSwitch case of interface type {}", t.0));
                        }
                    }
                    if !seen.insert(t) {
                        return Err(format!("TypeSwitch case {t:?} listed twice"));
                    }
                    if arm >= arms.len() {
                        return Err(format!("TypeSwitch case {t:?} to arm {arm} of {}", arms.len()));
                    }
                }
                for a in arms {
                    self.stmts(a)?;
                }
                self.stmts(miss)?;
            }
            Stmt::Select { cases, default } => {
                self.no_control_in_seq("Select")?;
                for c in cases {
                    self.use_local(c.chan)?;
                    match &c.dir {
                        SelectDir::Send(v) => self.use_local(*v)?,
                        SelectDir::Recv { value, ok } => {
                            for l in [value, ok].into_iter().flatten() {
                                self.use_local(*l)?;
                            }
                        }
                    }
                    self.stmts(&c.body)?;
                }
                if let Some(d) = default {
                    self.stmts(d)?;
                }
            }
        }
        Ok(())
    }

    fn place(&mut self, p: &Place) -> Result<(), String> {
        match p {
            Place::Local(l) => self.use_local(*l),
            Place::Global(g) => {
                if (g.0 as usize) < self.p.globals.len() {
                    Ok(())
                } else {
                    Err(format!("global {} does not exist", g.0))
                }
            }
            Place::Deref(e) => self.expr(e),
            Place::Field(b, _) => self.place(b),
            Place::ArrayIndex(b, i) => {
                self.place(b)?;
                self.expr(i)
            }
            Place::SliceIndex(a, b) | Place::MapIndex(a, b) => {
                self.expr(a)?;
                self.expr(b)
            }
        }
    }

    fn func_exists(&self, f: FuncId) -> Result<&'p Func, String> {
        self.p.funcs.get(f.0 as usize).ok_or_else(|| format!("function {} does not exist", f.0))
    }

    fn call(&mut self, c: &Call) -> Result<(), String> {
        match &c.callee {
            Callee::Func(f) => {
                self.func_exists(*f)?;
            }
            Callee::Value(e) | Callee::Interface(e, _) => self.expr(e)?,
        }
        for a in &c.args {
            self.expr(a)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), String> {
        self.ty(e.ty)?;
        match &e.kind {
            ExprKind::Const(_)
            | ExprKind::New
            | ExprKind::Recover
            | ExprKind::FramePointer
            | ExprKind::Zero
            | ExprKind::PanicWrap { .. } => Ok(()),
            ExprKind::RecoverFor(fp) => self.expr(fp),
            ExprKind::Local(l) => self.use_local(*l),
            ExprKind::Global(g) => self.place(&Place::Global(*g)),
            ExprKind::FuncValue(f) => self.func_exists(*f).map(|_| ()),
            ExprKind::Closure { func, captures } => {
                let target = self.func_exists(*func)?;
                if target.captures.len() != captures.len() {
                    return Err(format!(
                        "closure of {} passes {} cells for {} captures",
                        target.name,
                        captures.len(),
                        target.captures.len()
                    ));
                }
                for (&c, &inner) in captures.iter().zip(&target.captures) {
                    self.use_local(c)?;
                    // A shared capture is a cell on both sides; a copied one
                    // a plain local on both.
                    let shared = target.locals.get(inner.0 as usize).is_some_and(|l| l.heap);
                    if self.f.locals[c.0 as usize].heap != shared {
                        return Err(format!(
                            "closure capture {} is not a {} on both sides",
                            c.0,
                            if shared { "cell" } else { "copy" }
                        ));
                    }
                }
                Ok(())
            }
            ExprKind::Unary(_, x)
            | ExprKind::Convert(x)
            | ExprKind::ToInterface(x)
            | ExprKind::Len(x)
            | ExprKind::Cap(x)
            | ExprKind::Panic(x)
            | ExprKind::PanicRangeState(x)
            | ExprKind::IfaceMethodValue(x, _)
            | ExprKind::ComplexPart { x, .. }
            | ExprKind::Clear(x)
            | ExprKind::DataPtr(x)
            | ExprKind::TypeAssert { x, .. } => self.expr(x),
            ExprKind::Binary(_, x, y)
            | ExprKind::AndAnd(x, y)
            | ExprKind::OrOr(x, y)
            | ExprKind::Index(x, y)
            | ExprKind::AppendSlice(x, y)
            | ExprKind::FromPointer(x, y)
            | ExprKind::Copy(x, y) => {
                self.expr(x)?;
                self.expr(y)
            }
            ExprKind::MakeSlice { len, cap } => {
                self.expr(len)?;
                cap.as_ref().map_or(Ok(()), |c| self.expr(c))
            }
            ExprKind::Append(s, vs) => {
                self.expr(s)?;
                vs.iter().try_for_each(|v| self.expr(v))
            }
            ExprKind::DecodeRune { s, i } => {
                self.expr(s)?;
                self.expr(i)
            }
            ExprKind::Call(c) => self.call(c),
            ExprKind::Slice { x, lo, hi, max } => {
                self.expr(x)?;
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b)?;
                }
                Ok(())
            }
            ExprKind::Load(p) | ExprKind::AddrOf(p) => self.place(p),
            ExprKind::Composite(xs)
            | ExprKind::SliceLit(xs)
            | ExprKind::Print { args: xs, .. }
            | ExprKind::Map(_, xs)
            | ExprKind::Chan(_, xs) => {
                for x in xs {
                    self.expr(x)?;
                }
                Ok(())
            }
            ExprKind::Seq(stmts, v) => {
                self.in_seq += 1;
                self.stmts(stmts)?;
                self.in_seq -= 1;
                self.expr(v)
            }
        }
    }

    fn check_gotos(&self) -> Result<(), String> {
        for (l, _) in &self.gotos {
            if !self.labels.contains_key(l) {
                return Err(format!("Goto to label {} which is not placed", l.0));
            }
        }
        Ok(())
    }

    fn check_defers(&self) -> Result<(), String> {
        let mut seen = vec![0u32; self.f.defers.len()];
        for &(_, site, _) in &self.defers {
            match seen.get_mut(site) {
                Some(n) => *n += 1,
                None => return Err(format!("Defer of missing site {site}")),
            }
        }
        if let Some(i) = seen.iter().position(|&n| n != 1) {
            return Err(format!("defer site {i} is registered {} times", seen[i]));
        }
        let open = self.f.defers.iter().filter(|d| d.kind == DeferKind::OpenCoded).count();
        if open == 0 {
            return Ok(());
        }
        if open != self.f.defers.len() {
            return Err("some but not all defers are open-coded".into());
        }
        if open > MAX_OPEN_DEFERS {
            return Err(format!("{open} open-coded defers (at most {MAX_OPEN_DEFERS})"));
        }
        for &(at, site, in_loop) in &self.defers {
            if in_loop {
                return Err(format!("open-coded defer site {site} inside a loop"));
            }
            let repeated = self
                .gotos
                .iter()
                .any(|(l, goto_at)| self.labels.get(l).is_some_and(|&label_at| label_at < at && at < *goto_at));
            if repeated {
                return Err(format!("open-coded defer site {site} between a label and a backward goto"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntax::Pos;

    fn int_ty() -> TyDef {
        TyDef {
            kind: TyKind::Int(IntTy { bits: 64, signed: true }),
            name: "int".into(),
            link: "int".into(),
            named: false,
            methods: Vec::new(),
            reflect: Default::default(),
        }
    }

    fn program(body: Vec<Stmt>, locals: Vec<Local>, defers: Vec<DeferSite>) -> Program {
        let f = Func {
            name: "main.main".into(),
            link: "main.main".into(),
            pos: Pos::NONE,
            end: Pos::NONE,
            params: Vec::new(),
            results: Vec::new(),
            captures: Vec::new(),
            locals,
            body,
            defers,
            range_defers: false,
            external: false,
            noinline: false,
            on_demand: false,
            unit: None,
        };
        Program { types: vec![int_ty()], funcs: vec![f], ..Default::default() }
    }

    fn local() -> Local {
        Local { name: "x".into(), ty: TyId(0), heap: false }
    }

    fn read(l: u32) -> Expr {
        Expr { kind: ExprKind::Local(LocalId(l)), ty: TyId(0), pos: Pos::NONE }
    }

    fn call() -> Call {
        Call { callee: Callee::Func(FuncId(0)), args: Vec::new(), pos: Pos::NONE }
    }

    fn open(line: u32) -> DeferSite {
        DeferSite { pos: Pos { line, ..Pos::NONE }, kind: DeferKind::OpenCoded, outer: None }
    }

    #[test]
    fn accepts_a_well_formed_body() {
        let p = program(
            vec![Stmt::Decl(LocalId(0)), Stmt::Eval(read(0)), Stmt::Return(Pos::NONE)],
            vec![local()],
            Vec::new(),
        );
        assert_eq!(verify(&p), Ok(()));
    }

    #[test]
    fn rejects_use_before_decl() {
        let p = program(
            vec![Stmt::Eval(read(0)), Stmt::Decl(LocalId(0)), Stmt::Return(Pos::NONE)],
            vec![local()],
            Vec::new(),
        );
        assert!(verify(&p).unwrap_err().contains("used before any Decl"));
    }

    #[test]
    fn rejects_missing_return_and_bad_branches() {
        let p = program(vec![Stmt::Break(ScopeId(0))], Vec::new(), Vec::new());
        assert!(verify(&p).unwrap_err().contains("does not end with Return"));
        let p = program(vec![Stmt::Break(ScopeId(3)), Stmt::Return(Pos::NONE)], Vec::new(), Vec::new());
        assert!(verify(&p).unwrap_err().contains("outside its loop or block"));
        let p = program(vec![Stmt::Goto(LabelId(1)), Stmt::Return(Pos::NONE)], Vec::new(), Vec::new());
        assert!(verify(&p).unwrap_err().contains("not placed"));
    }

    #[test]
    fn rejects_open_coded_defers_that_may_run_twice() {
        let in_loop = Stmt::Loop {
            id: ScopeId(0),
            cond: None,
            body: vec![Stmt::Defer { site: 0, call: call() }],
            post: Vec::new(),
        };
        let p = program(vec![in_loop, Stmt::Return(Pos::NONE)], Vec::new(), vec![open(1)]);
        assert!(verify(&p).unwrap_err().contains("inside a loop"));
        let goto_loop = vec![
            Stmt::Label(LabelId(0)),
            Stmt::Defer { site: 0, call: call() },
            Stmt::Goto(LabelId(0)),
            Stmt::Return(Pos::NONE),
        ];
        let p = program(goto_loop, Vec::new(), vec![open(1)]);
        assert!(verify(&p).unwrap_err().contains("backward goto"));
        let nine: Vec<Stmt> =
            (0..9).map(|site| Stmt::Defer { site, call: call() }).chain([Stmt::Return(Pos::NONE)]).collect();
        let p = program(nine, Vec::new(), (0..9).map(open).collect());
        assert!(verify(&p).unwrap_err().contains("at most 8"));
    }

    #[test]
    fn rejects_control_flow_inside_seq() {
        let seq =
            Expr { kind: ExprKind::Seq(vec![Stmt::Return(Pos::NONE)], Box::new(read(0))), ty: TyId(0), pos: Pos::NONE };
        let p =
            program(vec![Stmt::Decl(LocalId(0)), Stmt::Eval(seq), Stmt::Return(Pos::NONE)], vec![local()], Vec::new());
        assert!(verify(&p).unwrap_err().contains("inside an expression Seq"));
    }
}
