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
//! * the callee of a call made right there (`func() { ... }()`), or
//! * an object that pointer flow ([`crate::leaks`]) shows cannot outlive
//!   the activation: called through a local, passed to a library function
//!   that does not leak it (`sort.Slice(s, func(i, j int) bool { ... })`).
//!
//! A heap local is a **frame cell** when every use of its cell stays within
//! the frame's lifetime:
//! * it is captured only by frame-bound closures;
//! * its address is never taken (`&x`, also through fields and elements),
//!   except to be dereferenced at once: `*(*T)(unsafe.Pointer(&x))` and
//!   its fields, read or written where it stands, the way reflect and
//!   sync reinterpret an interface value's two words (the address goes
//!   nowhere; taking the address of such a place again takes `x`'s), or
//!   where pointer flow ([`crate::leaks`]) shows that the address cannot
//!   outlive the activation (`var buf [32]byte; f(buf[:])` with a `f`
//!   that does not leak its parameter) and the cell is small;
//! * inside each capturing closure, the corresponding capture is not
//!   captured again by a nested closure, and its address is not taken or
//!   goes nowhere that outlives the closure's activation (pointer flow of
//!   the closure's body: `seen.insert(x)` with a pointer method that does
//!   not leak its receiver).
//!
//! Invariant: a frame-bound closure object or frame cell is never reachable
//! after its function returns, or from any other goroutine.

use std::collections::{HashMap, HashSet};

use lower::ir::{Call, Callee, DeferKind, Expr, ExprKind, FuncId, LocalId, Place, Program, Stmt};
use lower::walk::{Visitor, walk_expr, walk_stmts};

/// The result of the analysis for one function.
#[derive(Default)]
pub struct FrameCells {
    /// Heap locals whose cell is a slot of the frame.
    pub cells: HashSet<LocalId>,
    /// Closure expressions (by address) whose object is a slot of the frame.
    pub closures: HashSet<*const Expr>,
}

/// Analyses function `fid`; `defer_kind(site)` is the strategy codegen uses
/// for each defer site, `addr_stays(l)` whether taking the address of local
/// `l` lets it escape no further than the frame (see the module doc).
pub fn analyse(
    prog: &Program,
    fid: FuncId,
    defer_kind: impl Fn(usize) -> DeferKind,
    addr_stays: impl Fn(LocalId) -> bool,
    closure_stays: impl Fn(&Expr) -> bool,
    mut capture_addr_stays: impl FnMut(LocalId, FuncId, LocalId) -> bool,
) -> FrameCells {
    let f = &prog.funcs[fid.0 as usize];
    let mut scan = Scan::new(&defer_kind);
    scan.addr_stays = &addr_stays;
    scan.closure_stays = &closure_stays;
    walk_stmts(&f.body, &mut scan);
    let mut out = FrameCells { closures: scan.bound, ..FrameCells::default() };
    for (i, l) in f.locals.iter().enumerate() {
        let id = LocalId(i as u32);
        if !l.heap || scan.escaping.contains(&id) || f.captures.contains(&id) {
            continue;
        }
        let inner_ok = scan.captured_by.get(&id).is_none_or(|uses| {
            uses.iter().all(|&(c, k)| {
                let cf = &prog.funcs[c.0 as usize];
                cf.captures.get(k).is_some_and(|cl| !escapes_in(prog, c, *cl, |f, l| capture_addr_stays(id, f, l)))
            })
        });
        if inner_ok {
            out.cells.insert(id);
        }
    }
    out
}

/// Whether the cell of local `l` of function `fid` may escape it: its
/// address goes further than the activation (`addr_stays`) or a closure
/// captures it.
fn escapes_in(prog: &Program, fid: FuncId, l: LocalId, mut addr_stays: impl FnMut(FuncId, LocalId) -> bool) -> bool {
    let body = &prog.funcs[fid.0 as usize].body;
    let mut scan = Scan::new(&|_| DeferKind::Heap);
    walk_stmts(body, &mut scan);
    if scan.captured_by.contains_key(&l) {
        return true;
    }
    // Pointer flow of the closure's body, the costly answer, only where
    // its address is taken.
    if !scan.escaping.contains(&l) {
        return false;
    }
    if !addr_stays(fid, l) {
        return true;
    }
    let mut scan = Scan::new(&|_| DeferKind::Heap);
    let only_l = |x: LocalId| x == l;
    scan.addr_stays = &only_l;
    walk_stmts(body, &mut scan);
    scan.escaping.contains(&l) || scan.captured_by.contains_key(&l)
}

/// The walk of one function body (`lower::walk`): what escapes, and the
/// frame-bound closures and what they capture.
struct Scan<'k> {
    /// The strategy of each defer site.
    defer_kind: &'k dyn Fn(usize) -> DeferKind,
    /// Locals whose cell escapes (address taken, captured by a closure that
    /// is not frame-bound).
    escaping: HashSet<LocalId>,
    /// For locals captured by frame-bound closures: (closure function,
    /// capture index).
    captured_by: HashMap<LocalId, Vec<(FuncId, usize)>>,
    /// Frame-bound closure expressions.
    bound: HashSet<*const Expr>,
    /// Whether a local's address goes no further than the frame.
    addr_stays: &'k dyn Fn(LocalId) -> bool,
    /// Whether a closure object goes no further than the frame.
    closure_stays: &'k dyn Fn(&Expr) -> bool,
}

impl<'k> Scan<'k> {
    fn new(defer_kind: &'k dyn Fn(usize) -> DeferKind) -> Scan<'k> {
        Scan {
            defer_kind,
            escaping: HashSet::new(),
            captured_by: HashMap::new(),
            bound: HashSet::new(),
            addr_stays: &never,
            closure_stays: &|_| false,
        }
    }

    /// Closure `e` of `func` capturing `captures` is frame-bound.
    fn bind(&mut self, e: &Expr, func: FuncId, captures: &[LocalId]) {
        self.bound.insert(e as *const Expr);
        for (k, l) in captures.iter().enumerate() {
            self.captured_by.entry(*l).or_default().push((func, k));
        }
    }

    /// A call whose callee closure, if a literal, is frame-bound when
    /// `bound_callee`.
    fn call(&mut self, c: &Call, bound_callee: bool) {
        match &c.callee {
            Callee::Func(_) => {}
            Callee::Value(e) if bound_callee => match &e.kind {
                ExprKind::Closure { func, captures } => self.bind(e, *func, captures),
                _ => walk_expr(e, self),
            },
            Callee::Value(e) | Callee::Interface(e, _) => walk_expr(e, self),
        }
        for a in &c.args {
            walk_expr(a, self);
        }
    }
}

impl Visitor for Scan<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match s {
            Stmt::Defer { site, call } => {
                let frame_bound = matches!((self.defer_kind)(*site), DeferKind::OpenCoded | DeferKind::Stack);
                self.call(call, frame_bound);
                false
            }
            // The new goroutine may outlive the frame.
            Stmt::Go(call) => {
                self.call(call, false);
                false
            }
            _ => true,
        }
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Closure { func, captures } if (self.closure_stays)(e) => self.bind(e, *func, captures),
            ExprKind::Closure { captures, .. } => self.escaping.extend(captures.iter().copied()),
            ExprKind::AddrOf(p) => {
                let root = p.root_local().or_else(|| reinterpreted(p));
                self.escaping.extend(root.filter(|l| !(self.addr_stays)(*l)));
            }
            ExprKind::Call(c) => {
                self.call(c, true);
                return false;
            }
            _ => {}
        }
        true
    }

    fn place(&mut self, p: &Place) -> bool {
        // `*(*T)(unsafe.Pointer(&x))`, read or written in place: `x`'s
        // address is used and dropped (what is inside `&x`'s place, array
        // indices, is walked still).
        let Place::Deref(e) = p else { return true };
        match &strip_conversions(e).kind {
            ExprKind::AddrOf(inner) if inner.root_local().is_some() => {
                lower::walk::walk_place(inner, self);
                false
            }
            _ => true,
        }
    }
}

/// No address stays in the frame (the default of a [`Scan`]).
fn never(_: LocalId) -> bool {
    false
}

/// `e` without the conversions around it.
fn strip_conversions(mut e: &Expr) -> &Expr {
    while let ExprKind::Convert(x) = &e.kind {
        e = x;
    }
    e
}

/// The local `x` of a place inside `*(*T)(unsafe.Pointer(&x))` (fields
/// and elements of it included), whose address taking the address of the
/// place takes.
fn reinterpreted(p: &Place) -> Option<LocalId> {
    match p {
        Place::Field(inner, _) | Place::ArrayIndex(inner, _) => reinterpreted(inner),
        Place::Deref(e) => match &strip_conversions(e).kind {
            ExprKind::AddrOf(inner) => inner.root_local().or_else(|| reinterpreted(inner)),
            _ => None,
        },
        _ => None,
    }
}
