//! Bounds-check elimination: the index operations of a function that the
//! condition of an enclosing loop proves in bounds, which codegen then
//! translates without a check (gc's prove pass removes the same checks).
//!
//! Without it every element of `for _, v := range s` and of `for i := 0;
//! i < len(s); i++ { s[i] }` paid a compare and a branch, and the length
//! stayed live in a register for the check.
//!
//! A loop is **counted** by a local `i` of type `int` (not in a heap cell)
//! when
//! * its condition is `i < B` (possibly after statements of the condition's
//!   `Seq` that compute `B`: `i < len(s)` lowers to `t = len(s); i < t`);
//! * `i` holds a non-negative constant when the loop is entered: the last
//!   statement before the loop that may store into `i` is `i = k` with
//!   `k >= 0` (or its `Decl`, which zeroes it);
//! * in the loop, `i` is stored only by one statement `i = i + 1` of the
//!   post statements.
//!
//! Then `0 <= i < B` holds wherever the body runs: `i` starts non-negative,
//! and `i + 1` cannot overflow since `i < B <= MaxInt`. The bound `B` is
//! known when it is a constant, `len(x)`, or a local whose value is one of
//! those, and in both latter cases only when nothing in the loop stores
//! into the locals it reads.
//!
//! An index operation in the body is in bounds when its index is `i`, or a
//! local the body's leading statements set to `i` and nothing else in the
//! body stores (the per-iteration variable of a `range` clause), and its
//! container is
//! * a local slice or string, stored nowhere in the loop, whose length is
//!   `B`: the same local as in `len(x)`, or a copy of it made before the
//!   loop and stored nowhere since (`range` copies its operand);
//! * an array (by value, in a place or through a pointer) at least `B` long
//!   when `B` is a constant.
//!
//! What "stored nowhere" covers: non-heap locals change only by the
//! function's own statements (no pointer reaches them, a closure captures a
//! copy, another goroutine cannot see them), so the stores are the
//! statements' targets, `Decl`s, select receives and address-taken places
//! ([`lower::walk::written_locals`]). The value a local holds when the loop
//! is entered is read off the straight-line statements before the loop in
//! the same list, which no label interrupts (a `goto` could enter between
//! the store and the loop); a loop whose body holds a label that a `goto`
//! outside the body targets is left alone.

use std::collections::{HashMap, HashSet};

use lower::ir::{BinOp, Const, Expr, ExprKind, Func, LabelId, LocalId, Place, Program, Stmt, TyKind};
use lower::walk::{Visitor, walk_stmt, walk_stmts, written_locals};

/// The index operations proven in bounds, by address in the IR.
#[derive(Default)]
pub struct InBounds {
    exprs: HashSet<*const Expr>,
    places: HashSet<*const Place>,
}

impl InBounds {
    /// Whether index expression `e` (an `ExprKind::Index`) needs no check.
    pub fn expr(&self, e: &Expr) -> bool {
        self.exprs.contains(&(e as *const Expr))
    }

    /// Whether place `p` (a slice or array element) needs no check.
    pub fn place(&self, p: &Place) -> bool {
        self.places.contains(&(p as *const Place))
    }
}

/// Finds the index operations of `f` that need no bounds check.
pub fn analyse(prog: &Program, f: &Func) -> InBounds {
    let mut cx = Cx { prog, f, gotos: HashMap::new(), out: InBounds::default() };
    let mut labels = Labels::default();
    walk_stmts(&f.body, &mut labels);
    cx.gotos = labels.gotos;
    cx.lists(&f.body);
    cx.out
}

/// What a counted loop's index is known to be below.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    /// A constant.
    Const(i64),
    /// The length of this local slice or string (its canonical copy).
    Len(LocalId),
}

struct Cx<'p> {
    prog: &'p Program,
    f: &'p Func,
    /// How many `goto`s of the function target each label.
    gotos: HashMap<LabelId, usize>,
    out: InBounds,
}

/// The statements run before a loop's first test, in order: the loop's
/// predecessors in its list, then the statements of its condition.
struct Before<'a> {
    list: &'a [Stmt],
    cond: &'a [Stmt],
}

impl<'a> Before<'a> {
    fn get(&self, k: usize) -> &'a Stmt {
        if k < self.list.len() { &self.list[k] } else { &self.cond[k - self.list.len()] }
    }

    fn len(&self) -> usize {
        self.list.len() + self.cond.len()
    }

    /// The last store into `l` before the loop, with its index: `Some(None)`
    /// for a `Decl` (the zero value), `Some(Some(e))` for `l = e`; `None`
    /// when that store is of another form or a label comes first.
    fn def(&self, l: LocalId) -> Option<(usize, Option<&'a Expr>)> {
        for k in (0..self.len()).rev() {
            let s = self.get(k);
            match s {
                Stmt::Label(_) => return None,
                Stmt::Decl(d) if *d == l => return Some((k, None)),
                Stmt::Assign(Place::Local(d), e) if *d == l => return Some((k, Some(e))),
                _ if written_locals(std::slice::from_ref(s)).contains(&l) => return None,
                _ => {}
            }
        }
        None
    }

    /// Whether a statement after index `k` stores into `l`.
    fn written_after(&self, l: LocalId, k: usize) -> bool {
        (k + 1..self.len()).any(|m| written_locals(std::slice::from_ref(self.get(m))).contains(&l))
    }
}

impl Cx<'_> {
    /// Looks for counted loops in `list` and in the lists nested in it.
    fn lists(&mut self, list: &[Stmt]) {
        for (j, s) in list.iter().enumerate() {
            match s {
                Stmt::Loop { body, post, .. } => {
                    self.counted_loop(list, j);
                    self.lists(body);
                    self.lists(post);
                }
                Stmt::If { then, els, .. } => {
                    self.lists(then);
                    self.lists(els);
                }
                Stmt::Block { body, .. } => self.lists(body),
                Stmt::TypeSwitch { arms, miss, .. } => {
                    arms.iter().for_each(|a| self.lists(a));
                    self.lists(miss);
                }
                Stmt::Select { cases, default } => {
                    cases.iter().for_each(|c| self.lists(&c.body));
                    default.iter().for_each(|d| self.lists(d));
                }
                _ => {}
            }
        }
    }

    fn kind(&self, l: LocalId) -> &TyKind {
        &self.prog.types[self.f.locals[l.0 as usize].ty.0 as usize].kind
    }

    fn is_int(&self, l: LocalId) -> bool {
        !self.f.locals[l.0 as usize].heap && matches!(self.kind(l), TyKind::Int(t) if t.bits == 64 && t.signed)
    }

    /// Marks the index operations of loop `list[j]` that its condition
    /// proves in bounds, if it is a counted loop.
    fn counted_loop(&mut self, list: &[Stmt], j: usize) {
        let Stmt::Loop { cond: Some(cond), body, post, .. } = &list[j] else { return };
        let (pre, test): (&[Stmt], &Expr) = match &cond.kind {
            ExprKind::Seq(stmts, v) => (stmts, v),
            _ => (&[], cond),
        };
        let ExprKind::Binary(BinOp::Lt, a, b) = &test.kind else { return };
        let ExprKind::Local(i) = a.kind else { return };
        let before = Before { list: &list[..j], cond: pre };
        let body_writes = written_locals(body);
        let mut loop_writes: HashSet<LocalId> = body_writes.iter().copied().collect();
        loop_writes.extend(written_locals(post));
        if !self.is_int(i)
            || body_writes.contains(&i)
            || written_locals(pre).contains(&i)
            || !increments_once(post, i)
            || !starts_non_negative(before.def(i))
            || self.entered_by_goto(body)
        {
            return;
        }
        let Some(bound) = self.bound(b, &before, &loop_writes) else { return };
        let mut marker =
            Marker { cx: self, before: &before, loop_writes: &loop_writes, bound, indices: vec![i], out: Vec::new() };
        let counts = count(&body_writes);
        for (m, s) in body.iter().enumerate() {
            walk_stmt(s, &mut marker);
            if let Some(k) = alias_of(body, m, i, &counts)
                && self.is_int(k)
            {
                marker.indices.push(k);
            }
        }
        let marked = marker.out;
        for site in marked {
            match site {
                Site::Expr(e) => self.out.exprs.insert(e),
                Site::Place(p) => self.out.places.insert(p),
            };
        }
    }

    /// Whether a label in `body` is the target of a `goto` outside it.
    fn entered_by_goto(&self, body: &[Stmt]) -> bool {
        let mut inside = Labels::default();
        walk_stmts(body, &mut inside);
        inside.placed.iter().any(|l| self.gotos.get(l) != inside.gotos.get(l))
    }

    /// The bound a loop condition's right operand `b` stands for.
    fn bound(&self, b: &Expr, before: &Before, loop_writes: &HashSet<LocalId>) -> Option<Bound> {
        match &b.kind {
            ExprKind::Const(Const::Int(k)) => Some(Bound::Const(*k as i64)),
            ExprKind::Len(x) => match x.kind {
                ExprKind::Local(s) => Some(Bound::Len(self.canonical(s, before, loop_writes)?)),
                _ => None,
            },
            ExprKind::Local(n) if !loop_writes.contains(n) && !self.f.locals[n.0 as usize].heap => {
                let (k, Some(e)) = before.def(*n)? else { return None };
                // The local `n` was set from must not change before the loop.
                let operand = match &e.kind {
                    ExprKind::Len(x) => match x.kind {
                        ExprKind::Local(s) => Some(s),
                        _ => return None,
                    },
                    ExprKind::Local(m) => Some(*m),
                    _ => None,
                };
                if operand.is_some_and(|s| before.written_after(s, k)) {
                    return None;
                }
                self.bound(e, before, loop_writes)
            }
            _ => None,
        }
    }

    /// The local whose length a slice or string local `s` has throughout
    /// the loop: `s` itself, or what `s` was copied from before the loop
    /// if that is not stored into since (followed through copies); `None`
    /// when `s` may change in the loop.
    fn canonical(&self, s: LocalId, before: &Before, loop_writes: &HashSet<LocalId>) -> Option<LocalId> {
        if loop_writes.contains(&s) || self.f.locals[s.0 as usize].heap {
            return None;
        }
        if let Some((k, Some(Expr { kind: ExprKind::Local(y), .. }))) = before.def(s)
            && !before.written_after(*y, k)
            && let Some(c) = self.canonical(*y, before, loop_writes)
        {
            return Some(c);
        }
        Some(s)
    }

    /// The length of an array type, if `ty` is one.
    fn array_len(&self, ty: lower::ir::TyId) -> Option<u64> {
        match self.prog.types[ty.0 as usize].kind {
            TyKind::Array(n, _) => Some(n),
            _ => None,
        }
    }
}

/// Whether a loop index whose last store before the loop is `def` (see
/// [`Before::def`]) enters the loop non-negative.
fn starts_non_negative(def: Option<(usize, Option<&Expr>)>) -> bool {
    match def {
        Some((_, None)) => true,
        Some((_, Some(e))) => matches!(e.kind, ExprKind::Const(Const::Int(k)) if k as i64 >= 0),
        None => false,
    }
}

/// Whether `post` stores into `i` exactly once, by `i = i + 1`.
fn increments_once(post: &[Stmt], i: LocalId) -> bool {
    let stores = written_locals(post).iter().filter(|l| **l == i).count();
    stores == 1
        && post.iter().any(|s| {
            matches!(s, Stmt::Assign(Place::Local(d), Expr { kind: ExprKind::Binary(BinOp::Add, x, one), .. })
                if *d == i
                    && matches!(x.kind, ExprKind::Local(l) if l == i)
                    && matches!(one.kind, ExprKind::Const(Const::Int(1))))
        })
}

/// How many stores each local gets.
fn count(writes: &[LocalId]) -> HashMap<LocalId, usize> {
    let mut counts = HashMap::new();
    for l in writes {
        *counts.entry(*l).or_insert(0) += 1;
    }
    counts
}

/// If `body[m]` is one of the body's leading declarations and assignments
/// of locals and sets a local `k` to `i`, and the body's other stores into
/// `k` are leading `Decl`s of it: `k`, which then equals `i` from there on.
fn alias_of(body: &[Stmt], m: usize, i: LocalId, counts: &HashMap<LocalId, usize>) -> Option<LocalId> {
    let leading = body[..=m].iter().all(|s| matches!(s, Stmt::Decl(_) | Stmt::Assign(Place::Local(_), _)));
    let Stmt::Assign(Place::Local(k), Expr { kind: ExprKind::Local(from), .. }) = &body[m] else { return None };
    let decls = body[..m].iter().filter(|s| matches!(s, Stmt::Decl(d) if d == k)).count();
    (leading && *from == i && counts.get(k) == Some(&(decls + 1))).then_some(*k)
}

/// The labels placed in a statement list and the `goto`s to each.
#[derive(Default)]
struct Labels {
    placed: Vec<LabelId>,
    gotos: HashMap<LabelId, usize>,
}

impl Visitor for Labels {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match s {
            Stmt::Label(l) => self.placed.push(*l),
            Stmt::Goto(l) => *self.gotos.entry(*l).or_insert(0) += 1,
            _ => {}
        }
        true
    }
}

enum Site {
    Expr(*const Expr),
    Place(*const Place),
}

/// Collects the index operations of a counted loop's body that its bound
/// covers.
struct Marker<'c, 'p, 'b> {
    cx: &'c Cx<'p>,
    before: &'b Before<'b>,
    loop_writes: &'b HashSet<LocalId>,
    bound: Bound,
    /// `i` and the locals known to equal it at this point of the body.
    indices: Vec<LocalId>,
    out: Vec<Site>,
}

impl Marker<'_, '_, '_> {
    fn is_index(&self, idx: &Expr) -> bool {
        matches!(idx.kind, ExprKind::Local(l) if self.indices.contains(&l))
    }

    /// Whether an element of a container of type `ty`, the local `local`
    /// if it is one, is within the bound.
    fn covers(&self, ty: lower::ir::TyId, local: Option<LocalId>) -> bool {
        match self.bound {
            Bound::Const(k) => self.cx.array_len(ty).is_some_and(|n| k <= 0 || (k as u64) <= n),
            Bound::Len(root) => local.is_some_and(|s| {
                matches!(self.cx.prog.types[ty.0 as usize].kind, TyKind::Slice(_) | TyKind::String)
                    && self.cx.canonical(s, self.before, self.loop_writes) == Some(root)
            }),
        }
    }
}

impl Visitor for Marker<'_, '_, '_> {
    fn expr(&mut self, e: &Expr) -> bool {
        if let ExprKind::Index(x, idx) = &e.kind
            && self.is_index(idx)
        {
            let local = match x.kind {
                ExprKind::Local(l) => Some(l),
                _ => None,
            };
            if self.covers(x.ty, local) {
                self.out.push(Site::Expr(e));
            }
        }
        true
    }

    fn place(&mut self, p: &Place) -> bool {
        let covered = match p {
            Place::SliceIndex(x, idx) if self.is_index(idx) => {
                let local = match x.kind {
                    ExprKind::Local(l) => Some(l),
                    _ => None,
                };
                self.covers(x.ty, local)
            }
            Place::ArrayIndex(inner, idx) if self.is_index(idx) => {
                self.covers(self.cx.prog.place_ty(self.cx.f, inner), None)
            }
            _ => false,
        };
        if covered {
            self.out.push(Site::Place(p));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use syntax::{Diagnostics, SourceMap};

    /// The number of index operations proven in bounds in each function of
    /// `src` (a main package), by name.
    fn proven(src: &str) -> Vec<(String, usize)> {
        let mut sources = SourceMap::default();
        let file = sources.add("bounds.go", src);
        let mut diags = Diagnostics::default();
        let mut ids = syntax::ast::NodeIds::default();
        let files = vec![syntax::parser::parse_file(&sources, file, &mut ids, &mut diags)];
        let info = types::check_package(&sources, &files, &mut diags);
        let prog = lower::lower_program(&sources, &files, &info, &Default::default(), &mut diags);
        let prog = prog.unwrap_or_else(|| panic!("{}", diags.render(&sources)));
        let mut out: Vec<_> = prog
            .funcs
            .iter()
            .filter(|f| f.name.starts_with("main.") && f.name != "main.main" && f.name != "main.init")
            .map(|f| {
                let b = super::analyse(&prog, f);
                (f.name.clone(), b.exprs.len() + b.places.len())
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn counted_loops_prove_their_indices() {
        let src = r#"package main
func threeClause(s []int) (t int) { for i := 0; i < len(s); i++ { t += s[i] }; return }
func rangeBoth(s []int) (t int) { for i, v := range s { t += v + s[i] }; return }
func lenLocal(s string) (t int) { n := len(s); for i := 0; i < n; i++ { t += int(s[i]) }; return }
func arrays() (t int) {
	var a [4]int
	for i := range a { a[i] = i }
	for i := 0; i < len(a); i++ { t += a[i] }
	return
}
func copies(s []int) (t int) { u := s; w := u; for i := 0; i < len(w); i++ { t += s[i] + u[i] }; return }
func stores(s []int) { for i := range s { s[i] = i } }
func main() {}
"#;
        let want = [
            ("main.arrays", 2),
            ("main.copies", 2),
            ("main.lenLocal", 1),
            ("main.rangeBoth", 2),
            ("main.stores", 1),
            ("main.threeClause", 1),
        ];
        let want: Vec<_> = want.iter().map(|(n, k)| (n.to_string(), *k)).collect();
        assert_eq!(proven(src), want);
    }

    #[test]
    fn loops_that_only_look_counted_keep_their_checks() {
        let src = r#"package main
func neg() int { return -1 }
func shrunk(s []int) (t int) { n := len(s); for i := 0; i < n; i++ { s = s[:2]; t += s[i] }; return }
func bumped(s []int) (t int) { for i := 0; i < len(s); i++ { i++; t += s[i] }; return }
func negStart(s []int) (t int) { for i := -1; i < len(s); i++ { t += s[i] }; return }
func varStart(s []int) (t int) { for i := neg(); i < len(s); i++ { t += s[i] }; return }
func copyBumped(s []int) (t int) { for i := range s { k := i; k++; t += s[k] }; return }
func short() (t int) { var a [4]int; for i := 0; i < 5; i++ { t += a[i] }; return }
func byTwo(s []int) (t int) { for i := 0; i < len(s); i += 2 { t += s[i] }; return }
func captured(s []int) (t int) { for i := 0; i < len(s); i++ { f := func() { i++ }; f(); t += s[i] }; return }
func boundChanged(s []int) (t int) { n := len(s); n++; for i := 0; i < n; i++ { t += s[i] }; return }
func changedAfterLen(s []int) (t int) { n := len(s); s = s[:1]; for i := 0; i < n; i++ { t += s[i] }; return }
func otherSlice(s, u []int) (t int) { for i := 0; i < len(s); i++ { t += u[i] }; return }
func gotoBack(s []int) (t int) {
	i := 0
L:
	for ; i < len(s); i++ { t += s[i] }
	if t > 0 { i = -2; goto L }
	return
}
func main() {}
"#;
        for (name, n) in proven(src) {
            assert_eq!(n, 0, "{name}: an index proven in bounds");
        }
    }
}
