//! The program generator: a seed in, a terminating, well-typed Go program out.
//!
//! ```text
//!  seed ─▶ Rng ─▶ Gen ─┬─ globals (one of every type: a non-constant of any
//!                      │  type is always at hand)
//!                      ├─ helpers show/rec0/rec1 (recover at two depths)
//!                      ├─ f_{n-1} … f_0, generated last to first
//!                      └─ main, which calls every f_i
//! ```
//!
//! Invariants the generator keeps, so that gc accepts every program and
//! every program terminates quickly:
//!
//! * **Well-typed, no unused names.** Every name is unique in the program
//!   (so nothing is shadowed and a bare `return` always sees its results);
//!   a variable not yet read when its block closes is printed there (`_ =`
//!   for closures). A binary operation never has two constant operands, so
//!   no constant expression can overflow or divide by zero at compile time;
//!   literals always fit their type.
//! * **Terminates.** `f_i` calls only `f_j` with `j > i`; a recursive
//!   function calls itself at most once per activation, with a read-only
//!   depth parameter below 5; loops run a fixed 0–4 times over a read-only
//!   counter. A cost model (statements executed, loops multiplying, calls
//!   adding the callee's cost) bounds each function and `main`.
//! * **Bounded strings.** Every string expression reads at most one string
//!   variable (or string-valued call), so lengths grow linearly with the
//!   work done, never by doubling.
//! * **Deterministic output.** Nothing prints an address: recovered values
//!   are shown by comparing them with the program's panic values (or by a
//!   type switch with `--features +typeswitch`).
//! * **Same seed, same text**: the only randomness is [`Rng`].

mod defers;
mod expr;
mod generics;
mod loops;
mod order;
mod program;
mod rangefunc;
mod stmt;
pub mod types;

pub use program::generate;

use crate::features::{Feature, Features};
use crate::rng::Rng;
use types::Ty;

/// Cost allowance of one top-level function (statements executed).
const FN_LIMIT: u64 = 600;
/// Cost allowance of `main`.
const MAIN_LIMIT: u64 = 20_000;
/// Cost allowance of one closure body.
const CLOSURE_LIMIT: u64 = 150;
/// The largest product of enclosing loop counts.
const MAX_MULT: u64 = 32;
/// Deepest block nesting inside one frame.
const MAX_BLOCK_DEPTH: u32 = 3;

/// The signature and cost of a closure variable.
#[derive(Clone, Debug)]
struct Sig {
    params: Vec<Ty>,
    result: Option<Ty>,
    cost: u64,
}

/// What a name in scope stands for.
#[derive(Clone, Debug)]
enum Kind {
    /// A variable of a value type.
    Val(Ty),
    /// A variable holding a closure.
    Func(Sig),
    /// A range-over-func iterator: a closure variable or a top-level
    /// function.
    Iter(rangefunc::Iter),
    /// A value of the enclosing generic declaration's type parameter `k`
    /// (feature `generics`).
    TVal(usize),
}

/// A name in scope.
#[derive(Clone, Debug)]
struct Var {
    name: String,
    kind: Kind,
    /// Never assigned: loop counters, recursion depths, closures.
    readonly: bool,
    /// Read somewhere already (gc's "declared but not used" is satisfied).
    used: bool,
    /// For strings: the value is known to be non-empty, so indexing `[0]`
    /// is safe. For values of a type parameter: never a nil pointer.
    nonempty: bool,
    /// A named result of the enclosing top-level function.
    result: bool,
}

/// A top-level function `f_i` that later code may call.
#[derive(Clone, Debug)]
struct FuncInfo {
    name: String,
    params: Vec<Ty>,
    results: Vec<Ty>,
    cost: u64,
    /// The first parameter is a recursion depth (must be passed 0..=4).
    rec: bool,
}

/// One function or closure body being generated.
#[derive(Clone, Debug, Default)]
struct Frame {
    results: Vec<Ty>,
    /// Names of the named results (empty if unnamed).
    named: Vec<String>,
    /// Loops around the current point, inside this frame.
    loops: u32,
    /// Blocks around the current point, inside this frame.
    depth: u32,
    /// Closures around this frame.
    closure_depth: u32,
    /// The panic machinery may run this body as a deferred call.
    deferred: bool,
    /// Runs at most once per activation of the top-level function.
    once: bool,
    /// Top-level functions `f_j` with `j >= min_callee` may be called.
    min_callee: usize,
    /// No explicit `panic` here (`main`, so that most programs run to the
    /// end; inherited by deferred bodies).
    calm: bool,
    /// The recursive function and its depth parameter, where the body may
    /// call itself.
    self_fn: Option<(usize, String)>,
    /// Labels of the loops around the current point, inside this frame
    /// (targets of `break L` / `continue L`).
    labels: Vec<String>,
    /// Range-over-func loop bodies around the current point, inside this
    /// frame (a `defer` there needs feature `rangefuncdefer`).
    rangefunc: u32,
    /// The result is of the enclosing generic declaration's type parameter
    /// `k` (`results` is empty then).
    gres: Option<usize>,
}

/// A call target: something with parameters and results.
#[derive(Clone, Debug)]
enum Target {
    /// `f_i`; for a recursive one the depth argument is chosen afresh.
    Func(usize),
    /// The recursive function calling itself with `n-1`.
    SelfCall(usize, String),
    /// A closure variable (scope, index).
    Closure(usize, usize),
}

/// The generator's state for one program.
struct Gen<'a> {
    rng: Rng,
    feat: &'a Features,
    funcs: Vec<Option<FuncInfo>>,
    scopes: Vec<Vec<Var>>,
    frames: Vec<Frame>,
    out: String,
    indent: usize,
    names: u32,
    tags: u32,
    /// Cost accumulated by the current body, its multiplier (product of
    /// enclosing loop counts) and its allowance.
    cost: u64,
    mult: u64,
    limit: u64,
    /// The current recursive function has used its one self-call.
    self_called: bool,
    /// Labels some `break L` / `continue L` uses (gc rejects unused labels).
    used_labels: Vec<String>,
    /// Top-level declarations made while generating a function (iterator
    /// functions), emitted before the functions.
    toplevel: Vec<String>,
    /// Generic functions and the type parameters in scope.
    generic: generics::Generics,
}

impl<'a> Gen<'a> {
    fn new(seed: u64, feat: &'a Features) -> Self {
        Gen {
            rng: Rng::new(seed),
            feat,
            funcs: Vec::new(),
            scopes: vec![Vec::new()],
            frames: Vec::new(),
            out: String::new(),
            indent: 0,
            names: 0,
            tags: 0,
            cost: 0,
            mult: 1,
            limit: FN_LIMIT,
            self_called: false,
            used_labels: Vec::new(),
            toplevel: Vec::new(),
            generic: generics::Generics::default(),
        }
    }

    fn has(&self, f: Feature) -> bool {
        self.feat.has(f)
    }

    /// Whether a `defer` statement may be emitted here: in a loop only with
    /// `loopdefer`, in a range-over-func body only with `rangefuncdefer`.
    fn defer_allowed(&self) -> bool {
        let f = self.frame();
        self.has(Feature::Defer)
            && (f.loops == 0 || self.has(Feature::LoopDefer))
            && (f.rangefunc == 0 || self.has(Feature::RangeFuncDefer))
    }

    // ---- text ----

    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push('\t');
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// Writes `head {` and indents.
    fn open(&mut self, head: &str) {
        self.line(&format!("{head} {{"));
        self.indent += 1;
    }

    /// Dedents and writes `}` followed by `tail` (e.g. `()` for a call).
    fn close_with(&mut self, tail: &str) {
        self.indent -= 1;
        self.line(&format!("}}{tail}"));
    }

    fn close(&mut self) {
        self.close_with("");
    }

    /// `} else {` and the like.
    fn reopen(&mut self, mid: &str) {
        self.indent -= 1;
        self.line(&format!("}} {mid} {{"));
        self.indent += 1;
    }

    /// A fresh, program-unique name.
    fn fresh(&mut self, prefix: &str) -> String {
        self.names += 1;
        format!("{prefix}{}", self.names)
    }

    /// A fresh string literal tag for print statements, so each line of
    /// output points at the statement that printed it.
    fn tag(&mut self) -> String {
        self.tags += 1;
        format!("\"t{}\"", self.tags)
    }

    // ---- frames and scopes ----

    fn frame(&self) -> &Frame {
        self.frames.last().expect("a frame is open while generating statements")
    }

    /// Enters the body of a function literal: pushes `frame` (the fields
    /// its kind of closure sets) with what every closure takes from the
    /// enclosing frame (`calm`, `min_callee`, one more closure level), and
    /// returns the cost limit of its body.
    fn enter_closure(&mut self, frame: Frame) -> u64 {
        let parent = self.frame();
        let frame = Frame {
            calm: parent.calm,
            closure_depth: parent.closure_depth + 1,
            min_callee: parent.min_callee,
            ..frame
        };
        self.frames.push(frame);
        CLOSURE_LIMIT.min(self.limit.saturating_sub(self.cost) / self.mult).max(1)
    }

    fn frame_mut(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a frame is open while generating statements")
    }

    fn push_scope(&mut self) {
        self.scopes.push(Vec::new());
    }

    /// Makes every variable of the innermost scope used, then drops the scope.
    fn pop_scope(&mut self) {
        self.emit_uses();
        self.scopes.pop();
    }

    /// Prints (or `_ =`s) the innermost scope's variables nobody read yet.
    fn emit_uses(&mut self) {
        let scope = self.scopes.last_mut().expect("a scope is open");
        let mut vals = Vec::new();
        let mut funcs = Vec::new();
        let mut tvals = Vec::new();
        for v in scope.iter_mut().filter(|v| !v.used) {
            v.used = true;
            match v.kind {
                Kind::Val(_) => vals.push(v.name.clone()),
                Kind::Func(_) | Kind::Iter(_) => funcs.push(v.name.clone()),
                Kind::TVal(_) => tvals.push(v.name.clone()),
            }
        }
        for f in funcs {
            self.line(&format!("_ = {f}"));
        }
        for t in tvals {
            let tag = self.tag();
            self.line(&format!("pv({tag}, {t})"));
        }
        if !vals.is_empty() {
            let tag = self.tag();
            self.line(&format!("println({tag}, {})", vals.join(", ")));
        }
    }

    fn declare(&mut self, name: &str, kind: Kind) -> &mut Var {
        let scope = self.scopes.last_mut().expect("a scope is open");
        scope.push(Var { name: name.to_string(), kind, readonly: false, used: false, nonempty: false, result: false });
        scope.last_mut().expect("just pushed")
    }

    /// Locations (scope, index) of visible variables matching `pred`.
    fn find(&self, pred: impl Fn(&Var) -> bool) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for (s, scope) in self.scopes.iter().enumerate() {
            for (i, v) in scope.iter().enumerate() {
                if pred(v) {
                    found.push((s, i));
                }
            }
        }
        found
    }

    /// Picks one of `locs`, marks it used and returns its name.
    fn use_one(&mut self, locs: &[(usize, usize)]) -> String {
        let (s, i) = *self.rng.pick(locs);
        let v = &mut self.scopes[s][i];
        v.used = true;
        v.name.clone()
    }

    /// The name of one of `locs`, not marking it used (for an assignment).
    fn name_of(&mut self, locs: &[(usize, usize)]) -> String {
        let loc = *self.rng.pick(locs);
        self.var(loc).name.clone()
    }

    fn var(&self, loc: (usize, usize)) -> &Var {
        &self.scopes[loc.0][loc.1]
    }

    // ---- cost ----

    /// Whether running something of cost `extra` at the current point (in
    /// every enclosing loop iteration) stays within the allowance.
    fn afford(&self, extra: u64) -> bool {
        self.cost + self.mult * extra <= self.limit
    }

    fn charge(&mut self, extra: u64) {
        self.cost += self.mult * extra;
    }

    /// Runs `body` with a fresh cost account of the given allowance and
    /// returns what it cost (per execution).
    fn measured(&mut self, limit: u64, body: impl FnOnce(&mut Self)) -> u64 {
        let saved = (self.cost, self.mult, self.limit);
        self.cost = 0;
        self.mult = 1;
        self.limit = limit;
        body(self);
        let cost = self.cost.max(1);
        (self.cost, self.mult, self.limit) = saved;
        cost
    }

    // ---- call targets ----

    /// Call targets whose results satisfy `want`, affordable here.
    fn targets(&self, want: impl Fn(&[Ty]) -> bool) -> Vec<Target> {
        let mut ts = Vec::new();
        let f = self.frame();
        // A calm frame calls top-level functions only where main_call
        // protects them.
        let first = if f.calm { self.funcs.len() } else { f.min_callee };
        for (i, info) in self.funcs.iter().enumerate().skip(first) {
            if let Some(info) = info
                && want(&info.results)
                && self.afford(info.cost)
            {
                ts.push(Target::Func(i));
            }
        }
        if let Some((i, n)) = &f.self_fn {
            let info = self.funcs[*i].as_ref().expect("a recursive function registers before its body");
            if f.once && self.mult == 1 && !self.self_called && want(&info.results) {
                ts.push(Target::SelfCall(*i, n.clone()));
            }
        }
        for loc in self.find(|v| matches!(&v.kind, Kind::Func(_))) {
            if let Kind::Func(sig) = &self.var(loc).kind {
                let results: Vec<Ty> = sig.result.into_iter().collect();
                if want(&results) && self.afford(sig.cost) {
                    ts.push(Target::Closure(loc.0, loc.1));
                }
            }
        }
        ts
    }

    /// The parameter and result types of a target.
    fn target_sig(&self, t: &Target) -> (Vec<Ty>, Vec<Ty>) {
        match t {
            Target::Func(i) | Target::SelfCall(i, _) => {
                let info = self.funcs[*i].as_ref().expect("targets name registered functions");
                (info.params.clone(), info.results.clone())
            }
            Target::Closure(s, i) => match &self.scopes[*s][*i].kind {
                Kind::Func(sig) => (sig.params.clone(), sig.result.into_iter().collect()),
                Kind::Val(_) | Kind::Iter(_) | Kind::TVal(_) => unreachable!("closure target is not a func variable"),
            },
        }
    }

    /// Emits nothing; returns `name(args)` for a call of `t` and charges
    /// its cost.
    fn call_text(&mut self, t: &Target) -> String {
        let (params, _) = self.target_sig(t);
        match t {
            Target::Func(i) => {
                let info = self.funcs[*i].clone().expect("targets name registered functions");
                self.charge(info.cost);
                let args = if info.rec {
                    let depth = self.depth_arg();
                    let rest = self.args(&params[1..]);
                    if rest.is_empty() { depth } else { format!("{depth}, {rest}") }
                } else {
                    self.args(&params)
                };
                format!("{}({args})", info.name)
            }
            Target::SelfCall(i, n) => {
                self.self_called = true;
                let name = self.funcs[*i].as_ref().expect("registered").name.clone();
                let rest = self.args(&params[1..]);
                let sep = if rest.is_empty() { "" } else { ", " };
                format!("{name}({n}-1{sep}{rest})")
            }
            Target::Closure(s, i) => {
                let cost = match &self.scopes[*s][*i].kind {
                    Kind::Func(sig) => sig.cost,
                    Kind::Val(_) | Kind::Iter(_) | Kind::TVal(_) => 0,
                };
                self.charge(cost);
                let name = self.use_one(&[(*s, *i)]);
                let args = self.args(&params);
                format!("{name}({args})")
            }
        }
    }

    /// Arguments for parameters of the given types.
    fn args(&mut self, params: &[Ty]) -> String {
        let args: Vec<String> = params.iter().map(|&p| self.expr(p, 2).text).collect();
        args.join(", ")
    }

    /// A recursion depth argument: 0..=4.
    fn depth_arg(&mut self) -> String {
        if self.rng.chance(50) {
            return self.rng.range(0, 4).to_string();
        }
        let t = *self.rng.pick(&types::INT_TYS);
        let x = self.int_nonconst(t, 1).text;
        format!("(int({x}) & 3)")
    }
}
