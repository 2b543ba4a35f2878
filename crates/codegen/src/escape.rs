//! Frame cells: which heap cells and closure objects of a function can live
//! in its own frame instead of the heap.
//!
//! Lowering marks every variable captured by a closure `heap`. Many such
//! closures cannot outlive the function that creates them, and then
//! neither can their captured cells: the typical case is
//! `defer func() { r *= 2 }()`, whose closure runs at the latest when the
//! frame exits (or while a panic runs it, with the frame still on the
//! stack). For those, codegen places the closure object and the cells in
//! explicit stack slots; a `defer` then costs no allocation, as in gc.
//!
//! A closure expression is **frame-bound** when it is
//! * the callee of a `defer` whose strategy is open-coded or a stack
//!   record (neither is ever in a loop, so each such defer runs at most
//!   once per activation), or
//! * the callee of a call made right there (`func() { ... }()`).
//!
//! A heap local is a **frame cell** when every use of its cell stays within
//! the frame's lifetime:
//! * it is captured only by frame-bound closures;
//! * its address is never taken (`&x`, also through fields and elements);
//! * inside each capturing closure, the corresponding capture is neither
//!   address-taken nor captured again by a nested closure.
//!
//! Invariant: a frame-bound closure object or frame cell is never reachable
//! after its function returns, or from any other goroutine.

use std::collections::{HashMap, HashSet};

use lower::ir::{Call, Callee, DeferKind, Expr, ExprKind, FuncId, LocalId, Place, Program, Stmt};

/// The result of the analysis for one function.
#[derive(Default)]
pub struct FrameCells {
    /// Heap locals whose cell is a slot of the frame.
    pub cells: HashSet<LocalId>,
    /// Closure expressions (by address) whose object is a slot of the frame.
    pub closures: HashSet<*const Expr>,
}

/// Analyses function `fid`; `defer_kind(site)` is the strategy codegen uses
/// for each defer site.
pub fn analyse(prog: &Program, fid: FuncId, defer_kind: impl Fn(usize) -> DeferKind) -> FrameCells {
    let f = &prog.funcs[fid.0 as usize];
    let mut scan = Scan::default();
    scan.stmts(&f.body, &defer_kind);
    let mut out = FrameCells { closures: scan.bound, ..FrameCells::default() };
    for (i, l) in f.locals.iter().enumerate() {
        let id = LocalId(i as u32);
        if !l.heap || scan.escaping.contains(&id) || f.captures.contains(&id) {
            continue;
        }
        let inner_ok = scan.captured_by.get(&id).is_none_or(|uses| {
            uses.iter().all(|&(c, k)| {
                let cf = &prog.funcs[c.0 as usize];
                cf.captures.get(k).is_some_and(|cl| !escapes_in(prog, c, *cl))
            })
        });
        if inner_ok {
            out.cells.insert(id);
        }
    }
    out
}

/// Whether the cell of local `l` of function `fid` may escape it: its
/// address is taken or a closure captures it.
fn escapes_in(prog: &Program, fid: FuncId, l: LocalId) -> bool {
    let mut scan = Scan::default();
    scan.stmts(&prog.funcs[fid.0 as usize].body, &|_| DeferKind::Heap);
    scan.escaping.contains(&l) || scan.captured_by.contains_key(&l)
}

#[derive(Default)]
struct Scan {
    /// Locals whose cell escapes (address taken, captured by a closure that
    /// is not frame-bound).
    escaping: HashSet<LocalId>,
    /// For locals captured by frame-bound closures: (closure function,
    /// capture index).
    captured_by: HashMap<LocalId, Vec<(FuncId, usize)>>,
    /// Frame-bound closure expressions.
    bound: HashSet<*const Expr>,
}

impl Scan {
    fn stmts(&mut self, list: &[Stmt], kind: &dyn Fn(usize) -> DeferKind) {
        for s in list {
            self.stmt(s, kind);
        }
    }

    fn stmt(&mut self, s: &Stmt, kind: &dyn Fn(usize) -> DeferKind) {
        match s {
            Stmt::Decl(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::Label(_) | Stmt::Goto(_) | Stmt::Return(_) => {}
            Stmt::Eval(e) => self.expr(e),
            Stmt::Assign(p, e) => {
                self.place(p);
                self.expr(e);
            }
            Stmt::AssignMulti(ps, e) => {
                for p in ps.iter().flatten() {
                    self.place(p);
                }
                self.expr(e);
            }
            Stmt::If { cond, then, els } => {
                self.expr(cond);
                self.stmts(then, kind);
                self.stmts(els, kind);
            }
            Stmt::Loop { cond, body, post, .. } => {
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.stmts(body, kind);
                self.stmts(post, kind);
            }
            Stmt::Block { body, .. } => self.stmts(body, kind),
            Stmt::Defer { site, call } => {
                let frame_bound = matches!(kind(*site), DeferKind::OpenCoded | DeferKind::Stack);
                self.call(call, frame_bound);
            }
            // The new goroutine may outlive the frame.
            Stmt::Go(call) => self.call(call, false),
            Stmt::Select { cases, default } => {
                for c in cases {
                    self.stmts(&c.body, kind);
                }
                if let Some(d) = default {
                    self.stmts(d, kind);
                }
            }
        }
    }

    /// A call whose callee closure, if a literal, is frame-bound when
    /// `bound_callee`.
    fn call(&mut self, c: &Call, bound_callee: bool) {
        match &c.callee {
            Callee::Func(_) => {}
            Callee::Value(e) if bound_callee => match &e.kind {
                ExprKind::Closure { func, captures } => {
                    self.bound.insert(e as *const Expr);
                    for (k, l) in captures.iter().enumerate() {
                        self.captured_by.entry(*l).or_default().push((*func, k));
                    }
                }
                _ => self.expr(e),
            },
            Callee::Value(e) | Callee::Interface(e, _) => self.expr(e),
        }
        for a in &c.args {
            self.expr(a);
        }
    }

    fn place(&mut self, p: &Place) {
        match p {
            Place::Local(_) | Place::Global(_) => {}
            Place::Deref(e) => self.expr(e),
            Place::Field(inner, _) => self.place(inner),
            Place::ArrayIndex(inner, i) => {
                self.place(inner);
                self.expr(i);
            }
            Place::SliceIndex(s, i) | Place::MapIndex(s, i) => {
                self.expr(s);
                self.expr(i);
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::FuncValue(_)
            | ExprKind::New
            | ExprKind::Recover
            | ExprKind::PanicWrap { .. }
            | ExprKind::FramePointer
            | ExprKind::Zero => {}
            ExprKind::Closure { captures, .. } => self.escaping.extend(captures.iter().copied()),
            ExprKind::AddrOf(p) => {
                if let Some(l) = p.root_local() {
                    self.escaping.insert(l);
                }
                self.place(p);
            }
            ExprKind::Load(p) => self.place(p),
            ExprKind::Call(c) => self.call(c, true),
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
            | ExprKind::RecoverFor(x)
            | ExprKind::TypeAssert { x, .. } => self.expr(x),
            ExprKind::Binary(_, x, y)
            | ExprKind::AndAnd(x, y)
            | ExprKind::OrOr(x, y)
            | ExprKind::Index(x, y)
            | ExprKind::AppendSlice(x, y)
            | ExprKind::FromPointer(x, y)
            | ExprKind::Copy(x, y) => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::MakeSlice { len, cap } => {
                self.expr(len);
                cap.iter().for_each(|c| self.expr(c));
            }
            ExprKind::Append(s, vs) => {
                self.expr(s);
                vs.iter().for_each(|v| self.expr(v));
            }
            ExprKind::DecodeRune { s, i } => {
                self.expr(s);
                self.expr(i);
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.expr(x);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            ExprKind::Composite(es)
            | ExprKind::SliceLit(es)
            | ExprKind::Print { args: es, .. }
            | ExprKind::Map(_, es)
            | ExprKind::Chan(_, es) => {
                for x in es {
                    self.expr(x);
                }
            }
            ExprKind::Seq(stmts, v) => {
                // Statements inside expressions hold no defers.
                self.stmts(stmts, &|_| DeferKind::Heap);
                self.expr(v);
            }
        }
    }
}
