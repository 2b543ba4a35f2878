//! Defer planning: gc 1.19's view of a function body, reproduced on the AST.
//!
//! Which strategy a `defer` gets, and whether `-d=defer` mentions it at all,
//! is decided in gc by four passes that each see a slightly different tree.
//! This module replays them, in gc's order, on one function body (closures
//! are separate functions with their own plan):
//!
//! 1. **Noding** flattens statement lists: a plain block `{ ... }` and a
//!    labeled statement `L: S` splice their statements into the enclosing
//!    list (see [`flatten`]). Every later pass works on flattened lists.
//! 2. **Dead code** (gc's `deadcode` pass) removes, before anything is
//!    counted: the untaken branch of an `if` whose condition is constant
//!    (after folding `false && x`, `true || x`), every statement after such an
//!    `if` whose taken branch ends in `return` or `panic(...)` unless a label
//!    follows in the list, the cases of a `switch` on a constant that can
//!    never run, and a whole body made only of such empty `if`s and
//!    `for false` loops. Removed code does not exist for gc: its closures are
//!    never compiled, its defers never counted or reported. → [`Fate::Removed`].
//! 3. **Escape analysis** gives every statement a loop depth: `for` and
//!    `range` bodies are one deeper, and a label that some later `goto`
//!    (in a pre-order walk of the function) jumps back to makes everything
//!    after it in its list one deeper, for good (gc's "looping label"). A
//!    defer at depth > 1 is "in a loop". → [`DeferPlan::in_loop`].
//! 4. **Walk** counts the defer and return statements that survived step 2;
//!    **SSA construction** then decides open-coding for the whole function
//!    (no defer in a loop, at most [`MAX_OPEN_DEFERS`] defers,
//!    `returns × defers <= 15`, no result parameter moved to the heap, not
//!    `-N`) and prints a `-d=defer` line only for defers it actually reaches:
//!    after `return`, `goto`, `break`, `continue` or `panic(...)`, the rest of
//!    the list is unreachable until the next label. → [`Fate::SsaDead`],
//!    [`DeferPlan::reported`].
//!
//! Known gaps, each a place where gc's answer depends on optimisation
//! passes deft does not replay: inlining (a callee with a backward-`goto`
//! loop inlined before a defer makes gc treat that defer as in a loop; deft
//! does not inline, so it matches gc's `-l` output there), and gc's full
//! escape analysis of result parameters (approximated in [`heap_results`]).
//!
//! The plan also numbers closures the way gc names them: the function
//! literals of a function, in source order (removed ones included, since gc
//! numbers them while noding), then one number per `defer`/`go` statement
//! that gc wraps into a generated closure (every call except a plain call of
//! a function with no parameters and results), in statement order.
//!
//! Statements are identified by address: the AST is immutable and outlives
//! the plan, so `&Stmt as *const _` is a stable key.

use std::collections::{HashMap, HashSet};

use syntax::ast::{CaseClause, Expr, ExprKind, NodeId, Stmt, StmtKind};
use types::{ConstValue, Info, ObjId, ObjKind};

use crate::facts::Facts;

use crate::ir::{DeferKind, MAX_OPEN_DEFERS};
use crate::query::{const_bool, folded_cond, gc_wraps_deferred_call, unparen};
use crate::visit::{self, Visitor};

/// gc gives up open-coding when `returns × defers` exceeds this.
const MAX_RETURNS_TIMES_DEFERS: usize = 15;

/// Address of a statement, the key of per-statement decisions.
pub type StmtKey = usize;

/// The key of a statement.
pub fn key(s: &Stmt) -> StmtKey {
    s as *const Stmt as usize
}

/// What gc does with a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Compiled normally.
    Live,
    /// Unreachable in SSA construction: no code, but the closures inside are
    /// still compiled (and their defers reported).
    SsaDead,
    /// Removed by dead-code elimination: as if never written.
    Removed,
}

/// The decision for one `defer` statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeferPlan {
    /// Strategy.
    pub kind: DeferKind,
    /// Inside a loop (gc's escape loop depth > 1).
    pub in_loop: bool,
    /// Reached by SSA construction: compiled and printed by `-d=defer`.
    pub reported: bool,
    /// The wrapper gc generates for the call, if it wraps it.
    pub wrapper: Option<Wrapper>,
}

/// The closure gc (1.21+) generates for the call of a `defer` or `go`
/// statement that it wraps: `deferwrapN` or `gowrapN` in the enclosing
/// function, numbered from 1 in source order across both kinds (function
/// literals count apart, as `funcN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wrapper {
    /// Its number among the function's wrappers.
    pub number: u32,
    /// Of a `go` statement (else of a `defer`).
    pub go: bool,
}

impl Wrapper {
    /// Its name inside function `enclosing`: `main.f.deferwrap2`.
    pub fn name(self, enclosing: &str) -> String {
        format!("{enclosing}.{}wrap{}", if self.go { "go" } else { "defer" }, self.number)
    }
}

/// How a `switch` on constants was folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SwitchFold {
    /// Only this clause (index into the cases) can run, and it always does.
    Only(usize),
    /// No clause can run.
    Nothing,
}

/// Everything decided about one function body.
#[derive(Clone, Debug, Default)]
pub struct FuncPlan {
    /// All defers are open-coded.
    pub open: bool,
    /// Defer statements (that were not removed), by statement key.
    pub defers: HashMap<StmtKey, DeferPlan>,
    /// Statements that are not [`Fate::Live`].
    fates: HashMap<StmtKey, Fate>,
    /// `if` statements whose condition gc folds to a constant.
    pub const_ifs: HashMap<StmtKey, bool>,
    /// `switch` statements folded on constants.
    pub switch_folds: HashMap<StmtKey, SwitchFold>,
    /// Number of each function literal directly in this body (1-based),
    /// counting the instantiated generic method values and expressions gc
    /// makes literals of (see [`crate::query::is_generic_method_selector`]).
    pub lit_numbers: syntax::ast::NodeMap<u32>,
    /// Number of defer statements gc counts.
    pub num_defers: usize,
    /// Number of return statements gc counts.
    pub num_returns: usize,
    /// The wrapper gc generates for each `defer` and `go` statement it
    /// wraps.
    wrappers: HashMap<StmtKey, Wrapper>,
    /// A range-over-func loop of this function (not removed as dead code)
    /// has a `defer` in its body, nested loop bodies included: those
    /// deferred calls belong to this function's frame, which then never
    /// open-codes its own defers (gc's `deferrangefunc` token, made before
    /// the outermost loop, disallows it; `crate::rangefunc`).
    pub range_defers: bool,
}

impl FuncPlan {
    /// The fate of a statement.
    pub fn fate(&self, s: &Stmt) -> Fate {
        self.fates.get(&key(s)).copied().unwrap_or(Fate::Live)
    }

    /// The wrapper gc generates for the call of a `go` statement, if it
    /// wraps it.
    pub fn go_wrapper(&self, s: &Stmt) -> Option<Wrapper> {
        self.wrappers.get(&key(s)).copied()
    }

    /// The plan of a defer statement (none for removed ones).
    pub fn defer(&self, s: &Stmt) -> Option<DeferPlan> {
        self.defers.get(&key(s)).copied()
    }
}

/// Inputs of the plan that are not in the body.
pub struct PlanInput<'a> {
    /// Checker facts.
    pub facts: Facts<'a>,
    /// `-N`: never open-code.
    pub disable_open_defers: bool,
    /// Named result objects of the function (gc will not open-code when one
    /// of them lives on the heap).
    pub results: &'a [ObjId],
}

/// Plans one function body.
pub fn plan_func(body: &[Stmt], input: &PlanInput) -> FuncPlan {
    let mut p = Planner { facts: input.facts, plan: FuncPlan::default() };
    p.number_lits(body);
    p.prune_list(body);
    p.prune_whole_body(body);
    let looping = p.looping_labels(body);
    let mut in_loop = HashMap::new();
    p.loop_depths(body, 1, &looping, &mut in_loop);
    let reported = p.reachable(body);
    p.count(body);
    let wrappers = p.wrapper_numbers(body);
    let heap_result = heap_results(body, input, &p.plan, &in_loop);
    p.plan.range_defers = p.range_body_defers(body);
    let plan = &mut p.plan;
    plan.open = !input.disable_open_defers
        && !plan.range_defers
        && !in_loop.values().any(|&l| l)
        && plan.num_defers <= MAX_OPEN_DEFERS
        && plan.num_returns * plan.num_defers <= MAX_RETURNS_TIMES_DEFERS
        && !heap_result;
    for (k, l) in in_loop {
        let kind = match (plan.open, l) {
            (true, _) => DeferKind::OpenCoded,
            (false, false) => DeferKind::Stack,
            (false, true) => DeferKind::Heap,
        };
        let reported = reported.contains(&k);
        plan.defers.insert(k, DeferPlan { kind, in_loop: l, reported, wrapper: wrappers.get(&k).copied() });
    }
    plan.wrappers = wrappers;
    p.plan
}

/// An element of a flattened statement list.
#[derive(Clone, Copy)]
enum Item<'a> {
    /// The label of a labeled statement (the `Labeled` statement itself).
    Label(&'a Stmt, &'a str),
    /// Any other statement (never a plain block or a labeled statement).
    Stmt(&'a Stmt),
}

impl<'a> Item<'a> {
    fn stmt(self) -> &'a Stmt {
        match self {
            Item::Label(s, _) | Item::Stmt(s) => s,
        }
    }
}

/// The statements of `list` as gc's noder lists them: plain blocks and
/// labeled statements spliced in, empty statements dropped.
fn flatten<'a>(list: impl IntoIterator<Item = &'a Stmt>) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    flatten_into(list, &mut out);
    out
}

fn flatten_into<'a>(list: impl IntoIterator<Item = &'a Stmt>, out: &mut Vec<Item<'a>>) {
    for s in list {
        match &s.kind {
            StmtKind::Block(b) => flatten_into(&b.stmts, out),
            StmtKind::Labeled { label, stmt } => {
                out.push(Item::Label(s, &label.name));
                flatten_into(std::iter::once(&**stmt), out);
            }
            StmtKind::Empty => {}
            _ => out.push(Item::Stmt(s)),
        }
    }
}

/// The two branches of an `if` as statement lists.
fn if_branches(s: &Stmt) -> Option<(&[Stmt], &[Stmt])> {
    match &s.kind {
        StmtKind::If { then, els, .. } => Some((&then.stmts, els.as_deref().map(std::slice::from_ref).unwrap_or(&[]))),
        _ => None,
    }
}

/// The nested statement lists of a compound statement, each a separate
/// block for gc (loop bodies, branches, clause bodies).
fn child_lists(s: &Stmt) -> Vec<&[Stmt]> {
    match &s.kind {
        StmtKind::If { .. } => {
            let (t, e) = if_branches(s).unwrap_or((&[], &[]));
            vec![t, e]
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => vec![&body.stmts],
        StmtKind::Switch { cases, .. } => cases.iter().map(|c| c.body.as_slice()).collect(),
        StmtKind::TypeSwitch { cases, .. } => cases.iter().map(|c| c.body.as_slice()).collect(),
        StmtKind::Select(cases) => cases.iter().map(|c| c.body.as_slice()).collect(),
        _ => Vec::new(),
    }
}

fn is_loop(s: &Stmt) -> bool {
    matches!(s.kind, StmtKind::For { .. } | StmtKind::Range { .. })
}

/// `panic(...)` as a statement.
fn is_panic_stmt(facts: Facts<'_>, s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Expr(e) => match &unparen(e).kind {
            ExprKind::Call { func, .. } => crate::query::builtin_callee(facts, func) == Some(types::Builtin::Panic),
            _ => false,
        },
        _ => false,
    }
}

struct Planner<'a> {
    facts: Facts<'a>,
    plan: FuncPlan,
}

/// The expressions of `exprs` that gc numbers as function literals of the
/// function evaluating them, in order (see [`FuncPlan::lit_numbers`]).
pub fn numbered_lits<'s>(facts: Facts<'_>, exprs: &[&'s Expr]) -> Vec<&'s Expr> {
    let mut v = Lits(facts, Vec::new());
    for e in exprs {
        visit::walk_expr(e, &mut v);
    }
    v.1
}

/// Collects what gc numbers as the function literals of one function
/// body: its literals (not those inside them) and the instantiated generic
/// method values and expressions gc makes literals of
/// ([`crate::query::is_generic_method_selector`]), in source order.
struct Lits<'i, 's>(Facts<'i>, Vec<&'s Expr>);

impl<'s> Visitor<'s> for Lits<'_, 's> {
    fn stmt(&mut self, s: &'s Stmt) -> bool {
        let StmtKind::Range { key, value, expr, .. } = &s.kind else { return true };
        if !crate::query::is_func_value(self.0, expr) {
            return true;
        }
        for e in [key.as_ref(), value.as_ref(), Some(expr)].into_iter().flatten() {
            self.1.extend(visit::direct_func_lits_in_expr(e));
        }
        false
    }
    fn expr(&mut self, e: &'s Expr) -> bool {
        if matches!(e.kind, ExprKind::FuncLit { .. }) {
            self.1.push(e);
            return false;
        }
        if let ExprKind::Call { func, args, .. } = &e.kind
            && let callee = crate::query::callee_selector(self.0, func)
            && let ExprKind::Selector { x, .. } = &callee.kind
            && crate::query::is_generic_method_selector(self.0, callee)
            && crate::query::is_method_call(self.0, callee)
        {
            // A generic method called directly: no literal.
            visit::walk_expr(x, self);
            visit::walk_exprs(args, self);
            return false;
        }
        if crate::query::is_generic_method_selector(self.0, e) {
            // Counted; only a promoted one's function is made as a literal.
            self.1.push(e);
        }
        true
    }
}

impl<'a> Planner<'a> {
    fn removed(&self, s: &Stmt) -> bool {
        self.plan.fate(s) == Fate::Removed
    }

    /// The flattened, not removed items of a list.
    fn live_items<'s>(&self, list: &'s [Stmt]) -> Vec<Item<'s>> {
        flatten(list).into_iter().filter(|i| !self.removed(i.stmt())).collect()
    }

    /// The body of a range over a function is a function of its own
    /// (`crate::rangefunc`): its literals are numbered there.
    fn number_lits(&mut self, body: &[Stmt]) {
        let mut v = Lits(self.facts, Vec::new());
        visit::walk_stmts(body, &mut v);
        for (i, lit) in v.1.into_iter().enumerate() {
            self.plan.lit_numbers.insert(lit.id, i as u32 + 1);
        }
    }

    /// Whether a range-over-func loop that dead-code removal keeps has a
    /// `defer` in its body (outside function literals; gc's rewrite runs
    /// before dead-code removal, so a defer the body's own plan removes
    /// still counts).
    fn range_body_defers(&self, body: &[Stmt]) -> bool {
        struct V<'p, 'a>(&'p Planner<'a>, bool);
        impl<'s> Visitor<'s> for V<'_, '_> {
            fn stmt(&mut self, s: &'s Stmt) -> bool {
                if self.0.removed(s) {
                    return false;
                }
                if let StmtKind::Range { expr, body, .. } = &s.kind
                    && crate::query::is_func_value(self.0.facts, expr)
                    && has_defer(&body.stmts)
                {
                    self.1 = true;
                }
                !self.1
            }
            fn expr(&mut self, e: &'s Expr) -> bool {
                !matches!(e.kind, ExprKind::FuncLit { .. })
            }
        }
        let mut v = V(self, false);
        visit::walk_stmts(body, &mut v);
        v.1
    }

    fn remove_all(&mut self, list: &[Stmt]) {
        for item in flatten(list) {
            self.plan.fates.insert(key(item.stmt()), Fate::Removed);
        }
    }

    /// gc's `deadcode.stmts` on one (flattened) list.
    fn prune_list(&mut self, list: &[Stmt]) {
        let items = flatten(list);
        let last_label = items.iter().rposition(|i| matches!(i, Item::Label(..)));
        for (idx, item) in items.iter().enumerate() {
            let Item::Stmt(s) = *item else { continue };
            if self.removed(s) {
                continue;
            }
            let mut cut = false;
            if let (StmtKind::If { cond, .. }, Some((then, els))) = (&s.kind, if_branches(s))
                && let Some(b) = folded_cond(self.facts, cond)
            {
                self.plan.const_ifs.insert(key(s), b);
                let (taken, dead) = if b { (then, els) } else { (els, then) };
                self.remove_all(dead);
                let ends_in_exit = flatten(taken).last().is_some_and(|l| {
                    matches!(l.stmt().kind, StmtKind::Return(_)) || is_panic_stmt(self.facts, l.stmt())
                });
                cut = ends_in_exit && last_label.is_none_or(|l| idx > l);
            }
            if let StmtKind::Switch { tag, cases, .. } = &s.kind {
                self.fold_switch(s, tag.as_ref(), cases);
            }
            for child in child_lists(s) {
                self.prune_list(child);
            }
            if cut {
                for rest in &items[idx + 1..] {
                    self.plan.fates.insert(key(rest.stmt()), Fate::Removed);
                }
                break;
            }
        }
    }

    /// gc's folding of a `switch` whose tag and cases are constants.
    fn fold_switch(&mut self, s: &Stmt, tag: Option<&Expr>, cases: &[CaseClause]) {
        let tag_value = match tag {
            Some(t) => match self.facts.value(t.id).cloned() {
                Some(v) => v,
                None => return,
            },
            None => ConstValue::Bool(true),
        };
        let has_fallthrough =
            |c: &CaseClause| flatten(&c.body).iter().any(|i| matches!(i.stmt().kind, StmtKind::Fallthrough));
        let mut default = None;
        for (ci, c) in cases.iter().enumerate() {
            let Some(exprs) = &c.exprs else {
                default = Some(ci);
                continue;
            };
            for e in exprs {
                let Some(v) = self.facts.value(e.id) else {
                    return;
                };
                if const_equal(&tag_value, v) {
                    if has_fallthrough(c) {
                        return;
                    }
                    self.keep_only(s, cases, Some(ci));
                    return;
                }
            }
        }
        match default {
            Some(d) if has_fallthrough(&cases[d]) => {}
            Some(d) => self.keep_only(s, cases, Some(d)),
            None => self.keep_only(s, cases, None),
        }
    }

    fn keep_only(&mut self, s: &Stmt, cases: &[CaseClause], keep: Option<usize>) {
        for (ci, c) in cases.iter().enumerate() {
            if Some(ci) != keep {
                self.remove_all(&c.body);
            }
        }
        let fold = keep.map_or(SwitchFold::Nothing, SwitchFold::Only);
        self.plan.switch_folds.insert(key(s), fold);
    }

    /// gc's `deadcode.Func`: a body made only of constant `if`s with nothing
    /// left in either branch and `for false` loops is dropped whole.
    fn prune_whole_body(&mut self, body: &[Stmt]) {
        let items = self.live_items(body);
        if items.is_empty() {
            return;
        }
        let trivial = items.iter().all(|item| {
            let Item::Stmt(s) = *item else { return false };
            match &s.kind {
                StmtKind::If { init: None, cond, then, els } => {
                    folded_cond(self.facts, cond).is_some()
                        && self.live_items(&then.stmts).is_empty()
                        && self.live_items(els.as_deref().map(std::slice::from_ref).unwrap_or(&[])).is_empty()
                }
                StmtKind::For { init: None, cond: Some(c), .. } => const_bool(self.facts, c) == Some(false),
                _ => false,
            }
        });
        if trivial {
            self.remove_all(body);
        }
    }

    /// Labels that a later `goto` jumps back to (pre-order over the live
    /// tree of this function, closures excluded).
    fn looping_labels(&self, body: &[Stmt]) -> HashSet<String> {
        #[derive(PartialEq)]
        enum State {
            Seen,
            Looping,
        }
        struct V<'p, 'a> {
            planner: &'p Planner<'a>,
            labels: HashMap<String, State>,
        }
        impl<'s> Visitor<'s> for V<'_, '_> {
            fn stmt(&mut self, s: &'s Stmt) -> bool {
                if self.planner.removed(s) {
                    return false;
                }
                match &s.kind {
                    StmtKind::Labeled { label, .. } if label.name != "_" => {
                        self.labels.insert(label.name.clone(), State::Seen);
                    }
                    StmtKind::Goto(l) if self.labels.get(&l.name) == Some(&State::Seen) => {
                        self.labels.insert(l.name.clone(), State::Looping);
                    }
                    _ => {}
                }
                true
            }
            fn expr(&mut self, e: &'s Expr) -> bool {
                !matches!(e.kind, ExprKind::FuncLit { .. })
            }
        }
        let mut v = V { planner: self, labels: HashMap::new() };
        visit::walk_stmts(body, &mut v);
        v.labels.into_iter().filter(|(_, s)| *s == State::Looping).map(|(l, _)| l).collect()
    }

    /// gc escape analysis' loop depth, for every defer of the live tree.
    fn loop_depths(&self, list: &[Stmt], depth: u32, looping: &HashSet<String>, out: &mut HashMap<StmtKey, bool>) {
        let mut depth = depth;
        for item in self.live_items(list) {
            match item {
                Item::Label(_, name) if looping.contains(name) => depth += 1,
                Item::Label(..) => {}
                Item::Stmt(s) => {
                    if matches!(s.kind, StmtKind::Defer(_)) {
                        out.insert(key(s), depth > 1);
                    }
                    let inner = if is_loop(s) { depth + 1 } else { depth };
                    for child in child_lists(s) {
                        self.loop_depths(child, inner, looping, out);
                    }
                }
            }
        }
    }

    /// SSA construction's reachability: marks unreachable statements
    /// [`Fate::SsaDead`] and returns the defers it reaches.
    fn reachable(&mut self, body: &[Stmt]) -> HashSet<StmtKey> {
        let mut reached = HashSet::new();
        self.reach_list(body, true, &mut reached);
        reached
    }

    fn reach_list(&mut self, list: &[Stmt], mut live: bool, reached: &mut HashSet<StmtKey>) -> bool {
        for item in self.live_items(list) {
            let s = match item {
                Item::Label(..) => {
                    live = true;
                    continue;
                }
                Item::Stmt(s) => s,
            };
            if !live {
                self.plan.fates.insert(key(s), Fate::SsaDead);
                continue;
            }
            live = self.reach_stmt(s, reached);
        }
        live
    }

    /// Whether control continues after a reachable statement.
    fn reach_stmt(&mut self, s: &Stmt, reached: &mut HashSet<StmtKey>) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) | StmtKind::Break(_) | StmtKind::Continue(_) => false,
            StmtKind::Expr(_) if is_panic_stmt(self.facts, s) => false,
            StmtKind::Defer(_) => {
                reached.insert(key(s));
                true
            }
            StmtKind::If { .. } => {
                let (then, els) = if_branches(s).unwrap_or((&[], &[]));
                match self.plan.const_ifs.get(&key(s)).copied() {
                    Some(true) => self.reach_list(then, true, reached),
                    Some(false) => self.reach_list(els, true, reached),
                    None => {
                        self.reach_list(then, true, reached);
                        self.reach_list(els, true, reached);
                        true
                    }
                }
            }
            _ => {
                for child in child_lists(s) {
                    self.reach_list(child, true, reached);
                }
                true
            }
        }
    }

    /// gc's `NumDefers` and `NumReturns`: statements of the live tree.
    fn count(&mut self, list: &[Stmt]) {
        for item in self.live_items(list) {
            let Item::Stmt(s) = item else { continue };
            match s.kind {
                StmtKind::Defer(_) => self.plan.num_defers += 1,
                StmtKind::Return(_) => self.plan.num_returns += 1,
                _ => {}
            }
            for child in child_lists(s) {
                self.count(child);
            }
        }
    }

    /// The wrappers gc generates for `defer`/`go` calls.
    fn wrapper_numbers(&self, body: &[Stmt]) -> HashMap<StmtKey, Wrapper> {
        let mut next = 1;
        let mut out = HashMap::new();
        self.number_wrappers(body, &mut next, &mut out);
        out
    }

    fn number_wrappers(&self, list: &[Stmt], next: &mut u32, out: &mut HashMap<StmtKey, Wrapper>) {
        for item in self.live_items(list) {
            let Item::Stmt(s) = item else { continue };
            if let StmtKind::Defer(call) | StmtKind::Go(call) = &s.kind
                && gc_wraps_deferred_call(self.facts, call)
            {
                out.insert(key(s), Wrapper { number: *next, go: matches!(s.kind, StmtKind::Go(_)) });
                *next += 1;
            }
            for child in child_lists(s) {
                self.number_wrappers(child, next, out);
            }
        }
    }
}

/// Whether statements contain a `defer` (outside function literals).
pub(crate) fn has_defer(stmts: &[Stmt]) -> bool {
    struct V(bool);
    impl<'s> Visitor<'s> for V {
        fn stmt(&mut self, s: &'s Stmt) -> bool {
            self.0 |= matches!(s.kind, StmtKind::Defer(_));
            !self.0
        }
        fn expr(&mut self, e: &'s Expr) -> bool {
            !matches!(e.kind, ExprKind::FuncLit { .. })
        }
    }
    let mut v = V(false);
    visit::walk_stmts(stmts, &mut v);
    v.0
}

/// Equality of two constants as gc's `constant.Compare(x, EQL, y)`.
fn const_equal(a: &ConstValue, b: &ConstValue) -> bool {
    use crate::consts::complex_parts;
    match (a, b) {
        (ConstValue::Bool(x), ConstValue::Bool(y)) => x == y,
        _ => match (a.string_bytes(), b.string_bytes()) {
            (Some(x), Some(y)) => x == y,
            _ => matches!((complex_parts(a), complex_parts(b)), (Some(x), Some(y)) if x == y),
        },
    }
}

/// Whether gc would move a named result of this function to the heap,
/// which makes it give up open-coding.
///
/// gc decides with its escape analysis; this approximates the common cases.
/// A result moves to the heap when a function literal that escapes mentions
/// it (anywhere in its body, even in its dead code), or when its address
/// escapes. Literals in code removed as dead do not count.
/// A literal does not escape when it is called on the spot, deferred
/// outside a loop, or stored in a local variable that is only ever called;
/// a literal deferred inside a loop (of whichever function defers it) does.
/// An address `&r` does not escape when it is an argument of a call (gc
/// would look into the callee; deft assumes callees do not keep it).
fn heap_results(body: &[Stmt], input: &PlanInput, plan: &FuncPlan, own_loops: &HashMap<StmtKey, bool>) -> bool {
    if input.results.is_empty() {
        return false;
    }
    let mut defers_in_loops = own_loops.clone();
    let mut removed: HashSet<StmtKey> =
        plan.fates.iter().filter(|(_, f)| **f == Fate::Removed).map(|(k, _)| *k).collect();
    for lit in all_func_lits(body, plan) {
        if let ExprKind::FuncLit { body, .. } = &lit.kind {
            let (loops, dead) = closure_facts(input.facts, &body.stmts);
            defers_in_loops.extend(loops);
            removed.extend(dead);
        }
    }
    let mut scan = EscapeScan::new(input.facts, removed, input.results, defers_in_loops);
    visit::walk_stmts(body, &mut scan);
    let only_called = scan.only_called_vars();
    let lit_escapes = |lit: &NodeId| {
        !scan.quiet_lits.contains(lit) && !scan.lit_in_var.get(lit).is_some_and(|v| only_called.contains(v))
    };
    input.results.iter().any(|r| {
        let captured = scan.captures.iter().any(|(lit, objs)| objs.contains(r) && lit_escapes(lit));
        captured || scan.addr_escapes.contains(r)
    })
}

/// Every function literal (at any depth) in the code gc keeps.
fn all_func_lits<'s>(body: &'s [Stmt], plan: &FuncPlan) -> Vec<&'s Expr> {
    struct V<'p, 's>(&'p FuncPlan, Vec<&'s Expr>);
    impl<'s> Visitor<'s> for V<'_, 's> {
        fn stmt(&mut self, s: &'s Stmt) -> bool {
            self.0.fate(s) != Fate::Removed
        }
        fn expr(&mut self, e: &'s Expr) -> bool {
            if matches!(e.kind, ExprKind::FuncLit { .. }) {
                self.1.push(e);
            }
            true
        }
    }
    let mut v = V(plan, Vec::new());
    visit::walk_stmts(body, &mut v);
    v.1
}

/// For a closure body: whether gc's escape analysis sees each of its defer
/// statements inside a loop, and the statements dead-code removal drops.
fn closure_facts(facts: Facts<'_>, body: &[Stmt]) -> (HashMap<StmtKey, bool>, Vec<StmtKey>) {
    let mut p = Planner { facts, plan: FuncPlan::default() };
    p.prune_list(body);
    p.prune_whole_body(body);
    let looping = p.looping_labels(body);
    let mut loops = HashMap::new();
    p.loop_depths(body, 1, &looping, &mut loops);
    let removed = p.plan.fates.iter().filter(|(_, f)| **f == Fate::Removed).map(|(k, _)| *k).collect();
    (loops, removed)
}

/// Collects what [`heap_results`] needs in one pre-order walk.
struct EscapeScan<'a> {
    facts: Facts<'a>,
    /// Statements removed as dead code (in this function and its closures).
    removed: HashSet<StmtKey>,
    results: &'a [ObjId],
    /// Every function literal (any depth) and the results it mentions.
    captures: Vec<(NodeId, HashSet<ObjId>)>,
    /// Literals called on the spot or deferred outside loops.
    quiet_lits: HashSet<NodeId>,
    /// Literals deferred inside loops (their closures escape).
    loud_lits: HashSet<NodeId>,
    /// Defer statements (of this function and its closures) in loops.
    defers_in_loops: HashMap<StmtKey, bool>,
    /// Literal → the local variable it initialises.
    lit_in_var: syntax::ast::NodeMap<ObjId>,
    /// Uses of local variables: (object, used as a callee).
    var_uses: Vec<(ObjId, bool)>,
    /// Results whose address escapes.
    addr_escapes: HashSet<ObjId>,
    /// Identifiers used as callees.
    callee_idents: HashSet<NodeId>,
    /// `&x` expressions that are call arguments.
    safe_addrs: HashSet<NodeId>,
}

impl<'a> EscapeScan<'a> {
    fn new(
        facts: Facts<'a>,
        removed: HashSet<StmtKey>,
        results: &'a [ObjId],
        defers_in_loops: HashMap<StmtKey, bool>,
    ) -> Self {
        EscapeScan {
            facts,
            removed,
            results,
            captures: Vec::new(),
            quiet_lits: HashSet::new(),
            loud_lits: HashSet::new(),
            defers_in_loops,
            lit_in_var: Default::default(),
            var_uses: Vec::new(),
            addr_escapes: HashSet::new(),
            callee_idents: HashSet::new(),
            safe_addrs: HashSet::new(),
        }
    }

    fn result_of(&self, e: &Expr) -> Option<ObjId> {
        let ExprKind::Ident(id) = &unparen(e).kind else {
            return None;
        };
        let obj = self.facts.info.object_of(id.id)?;
        self.results.contains(&obj).then_some(obj)
    }

    /// Variables holding a literal that are only ever called.
    fn only_called_vars(&self) -> HashSet<ObjId> {
        let mut called: HashSet<ObjId> = self.lit_in_var.values().copied().collect();
        for (obj, as_callee) in &self.var_uses {
            if !as_callee {
                called.remove(obj);
            }
        }
        called
    }

    fn note_lit_binding(&mut self, names: &[&syntax::ast::Ident], values: &[Expr]) {
        if names.len() != 1 || values.len() != 1 {
            return;
        }
        let v = unparen(&values[0]);
        if let (ExprKind::FuncLit { .. }, Some(obj)) = (&v.kind, self.facts.info.object_of(names[0].id))
            && matches!(self.facts.info.obj(obj).kind, ObjKind::Var(ref vi) if !vi.global)
        {
            self.lit_in_var.insert(v.id, obj);
        }
    }

    /// The results a literal captures: every mention in its body, dead code
    /// and nested literals included (gc computes capture lists while
    /// noding, before removing dead code).
    fn lit_results(&self, lit: &Expr) -> HashSet<ObjId> {
        struct Uses<'i>(&'i Info, HashSet<ObjId>);
        impl<'s> Visitor<'s> for Uses<'_> {
            fn expr(&mut self, e: &'s Expr) -> bool {
                if let ExprKind::Ident(id) = &e.kind
                    && let Some(o) = self.0.uses.get(&id.id)
                {
                    self.1.insert(*o);
                }
                true
            }
        }
        let mut u = Uses(self.facts.info, HashSet::new());
        visit::walk_expr(lit, &mut u);
        u.1.retain(|o| self.results.contains(o));
        u.1
    }
}

impl<'s> Visitor<'s> for EscapeScan<'_> {
    fn stmt(&mut self, s: &'s Stmt) -> bool {
        if self.removed.contains(&key(s)) {
            return false;
        }
        match &s.kind {
            StmtKind::Assign { lhs, rhs, op: None } => {
                let idents: Vec<_> =
                    lhs.iter().filter_map(|l| if let ExprKind::Ident(i) = &l.kind { Some(i) } else { None }).collect();
                if idents.len() == lhs.len() {
                    self.note_lit_binding(&idents, rhs);
                }
            }
            StmtKind::Define { lhs, rhs } => {
                let idents: Vec<_> = lhs.iter().collect();
                self.note_lit_binding(&idents, rhs);
            }
            StmtKind::Decl(syntax::ast::Decl::Var(specs)) => {
                for spec in specs {
                    let idents: Vec<_> = spec.names.iter().collect();
                    self.note_lit_binding(&idents, &spec.values);
                }
            }
            StmtKind::Defer(call) => {
                if let ExprKind::Call { func, .. } = &unparen(call).kind {
                    let f = unparen(func);
                    if matches!(f.kind, ExprKind::FuncLit { .. }) {
                        if self.defers_in_loops.get(&key(s)).copied().unwrap_or(false) {
                            self.loud_lits.insert(f.id);
                        } else {
                            self.quiet_lits.insert(f.id);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &'s Expr) -> bool {
        match &e.kind {
            ExprKind::FuncLit { .. } => {
                let objs = self.lit_results(e);
                if !objs.is_empty() {
                    self.captures.push((e.id, objs));
                }
            }
            ExprKind::Call { func, args, .. } => {
                let f = unparen(func);
                match &f.kind {
                    ExprKind::FuncLit { .. } if !self.loud_lits.contains(&f.id) => {
                        self.quiet_lits.insert(f.id);
                    }
                    ExprKind::Ident(id) => {
                        self.callee_idents.insert(id.id);
                    }
                    _ => {}
                }
                for a in args {
                    if let ExprKind::Unary { op: syntax::ast::UnaryOp::Addr, .. } = &unparen(a).kind {
                        self.safe_addrs.insert(unparen(a).id);
                    }
                }
            }
            ExprKind::Unary { op: syntax::ast::UnaryOp::Addr, x } => {
                if let Some(r) = self.result_of(x)
                    && !self.safe_addrs.contains(&e.id)
                {
                    self.addr_escapes.insert(r);
                }
            }
            ExprKind::Ident(id) => {
                if let Some(&obj) = self.facts.info.uses.get(&id.id)
                    && matches!(self.facts.info.obj(obj).kind, ObjKind::Var(_))
                {
                    self.var_uses.push((obj, self.callee_idents.contains(&id.id)));
                }
            }
            _ => {}
        }
        true
    }
}
