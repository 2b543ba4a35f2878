//! Range over functions (Go 1.23): iterators of types `func(func() bool)`,
//! `func(func(K) bool)` and `func(func(K, V) bool)`, and the loops over
//! them.
//!
//! Iterators are closure variables (capturing the enclosing function's
//! variables) or top-level functions, from a template: maybe a deferred
//! print, then a counted loop or a straight run of `yield` calls, each
//! returning when yield says false; a closure iterator in a frame that
//! may panic sometimes panics itself after a few values. Each iterator
//! yields at most 4 values, which bounds its loops' bodies for the cost
//! model.
//!
//! Misbehaving iterators (feature `badyield`, only where a panic is
//! allowed): one ignores yield's false and calls it again, one keeps yield
//! in a variable called after the loop, one recovers a panic of the loop
//! body and returns normally. gc panics with its range-function runtime
//! errors in all three cases (when the body breaks, always, when the body
//! panics).
//!
//! Loop shapes: a plain loop; a labeled outer loop (three-clause, range
//! over int, or range over func) whose inner range-over-func body does
//! `break L` / `continue L`; nested range-over-func loops; and (feature
//! `rangefuncgoto`) a `goto` out of the body to a label after the loop.
//! Bodies hold random statements: `return` with results from the
//! enclosing function, `break`, `continue`, panics recovered (or not) by
//! the enclosing function's deferred calls, closures capturing the loop
//! variables, further loops, and (feature `rangefuncdefer`) `defer`.

use super::types::{IntTy, Ty, WORDS};
use super::{CLOSURE_LIMIT, Frame, Gen, Kind, MAX_MULT, Var};
use crate::features::Feature;

/// How an iterator misbehaves (feature `badyield`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bad {
    /// Calls yield again after it returned false.
    Ignore,
    /// Keeps yield in a variable that is called after the loop.
    Escape,
    /// Recovers a panic of the loop body and returns normally.
    Recover,
}

/// A range-over-func iterator in scope.
#[derive(Clone, Debug)]
pub(super) struct Iter {
    /// The types yield takes (0, 1 or 2).
    params: Vec<Ty>,
    /// The most values it yields.
    max: u64,
    /// Its own cost per run (without the loop body).
    cost: u64,
    /// It may panic (itself, or by misbehaving): not for calm frames.
    panics: bool,
    bad: Option<Bad>,
    /// With `Bad::Escape`: the variable holding yield.
    escape: Option<String>,
}

/// A loop opened by `open_loop`, for `close_loop`.
struct Open {
    eff: u64,
    rangefunc: bool,
    labeled: bool,
    /// A kept yield to call after the loop, and its parameter types.
    escape: Option<(String, Vec<Ty>)>,
}

fn type_list(params: &[Ty]) -> String {
    params.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ")
}

impl Gen<'_> {
    /// One range-over-func construct (see the module doc for the shapes).
    pub(super) fn rangefunc_stmt(&mut self) {
        let goto = self.has(Feature::RangeFuncGoto) && self.rng.chance(15);
        let shape = if goto { 3 } else { self.rng.weighted(&[5, 3, 2]) };
        let Some((name, it)) = self.iterator() else {
            return self.print_stmt();
        };
        match shape {
            0 => {
                let o = self.open_rangefunc(&name, &it, None);
                self.rangefunc_body(&it, None, None);
                self.close_loop(o);
            }
            1 => self.labeled_loops(&name, &it),
            2 => {
                let Some((name2, it2)) = self.iterator_within(it.max.max(1)) else {
                    let o = self.open_rangefunc(&name, &it, None);
                    self.rangefunc_body(&it, None, None);
                    return self.close_loop(o);
                };
                let o = self.open_rangefunc(&name, &it, None);
                if self.rng.chance(40) {
                    self.stmt();
                }
                let o2 = self.open_rangefunc(&name2, &it2, None);
                self.rangefunc_body(&it2, None, None);
                self.close_loop(o2);
                self.loop_tail();
                self.close_loop(o);
            }
            _ => {
                let l = self.fresh("L");
                let o = self.open_rangefunc(&name, &it, None);
                self.rangefunc_body(&it, None, Some(&l));
                self.close_loop(o);
                let tag = self.tag();
                self.line(&format!("{l}: println({tag})"));
            }
        }
    }

    /// `L: for <outer> { ...; for <range it> { ... break L / continue L ... } }`.
    fn labeled_loops(&mut self, name: &str, it: &Iter) {
        let inner = it.max.max(1);
        let l = self.fresh("L");
        let rangeint = u32::from(self.has(Feature::RangeInt));
        let o = match self.rng.weighted(&[3, 2 * rangeint, 3]) {
            0 => {
                let k = self.rng.range(1, 3) as u64;
                if self.mult * k * inner > MAX_MULT {
                    None
                } else {
                    let i = self.fresh("i");
                    let o = self.open_loop(&format!("for {i} := 0; {i} < {k}; {i}++"), Some(&l), k, false);
                    let v = self.declare(&i, Kind::Val(Ty::Int(IntTy::Int)));
                    v.readonly = true;
                    v.used = true;
                    Some(o)
                }
            }
            1 => {
                let (head, var, eff) = self.rangeint_loop_head();
                if self.mult * eff * inner <= MAX_MULT {
                    let o = self.open_loop(&head, Some(&l), eff, false);
                    if let Some(n) = var {
                        self.declare(&n, Kind::Val(Ty::Int(IntTy::Int)));
                    }
                    Some(o)
                } else {
                    None
                }
            }
            _ => self.iterator_within(inner).map(|(n2, it2)| self.open_rangefunc(&n2, &it2, Some(&l))),
        };
        let Some(o) = o else {
            let o = self.open_rangefunc(name, it, None);
            self.rangefunc_body(it, None, None);
            return self.close_loop(o);
        };
        if self.rng.chance(40) {
            self.stmt();
        }
        let o2 = self.open_rangefunc(name, it, None);
        self.rangefunc_body(it, Some(&l), None);
        self.close_loop(o2);
        self.loop_tail();
        self.close_loop(o);
    }

    /// The end of an outer loop's body: maybe a statement, the uses, maybe
    /// an exit.
    fn loop_tail(&mut self) {
        if self.rng.chance(40) {
            self.stmt();
        }
        self.emit_uses();
        if self.rng.chance(10) {
            self.exit_stmt();
        }
    }

    /// A range-over-int header for an outer loop: text, its `int`
    /// variable (if any), most iterations.
    fn rangeint_loop_head(&mut self) -> (String, Option<String>, u64) {
        let k = self.rng.range(1, 3);
        let i = self.fresh("i");
        if self.rng.chance(30) {
            return (format!("for range {k}"), None, k as u64);
        }
        (format!("for {i} := range {k}"), Some(i), k as u64)
    }

    /// Writes `label: head {`, enters the loop.
    fn open_loop(&mut self, head: &str, label: Option<&str>, eff: u64, rangefunc: bool) -> Open {
        let prefix = label.map(|l| format!("{l}: ")).unwrap_or_default();
        self.open(&format!("{prefix}{head}"));
        self.enter_loop(eff);
        let f = self.frame_mut();
        if rangefunc {
            f.rangefunc += 1;
        }
        if let Some(l) = label {
            f.labels.push(l.to_string());
        }
        Open { eff, rangefunc, labeled: label.is_some(), escape: None }
    }

    /// Leaves the loop and writes `}`; after a loop over an iterator that
    /// kept its yield, calls it (gc: continued iteration after whole loop
    /// exit).
    fn close_loop(&mut self, o: Open) {
        self.leave_loop(o.eff);
        let f = self.frame_mut();
        if o.rangefunc {
            f.rangefunc -= 1;
        }
        if o.labeled {
            f.labels.pop();
        }
        self.close();
        if let Some((sv, params)) = o.escape {
            let c = self.bool_expr(2).text;
            let args = self.args(&params);
            self.line(&format!("if {sv} != nil && {c} {{ {sv}({args}) }}"));
        }
    }

    /// `for ... := range name {` with the loop variables declared
    /// (writable: each iteration has its own copy).
    fn open_rangefunc(&mut self, name: &str, it: &Iter, label: Option<&str>) -> Open {
        let fresh = |g: &mut Self| g.fresh("x");
        let writable = |g: &Self, t: Ty| g.find(|v| !v.readonly && matches!(v.kind, Kind::Val(u) if u == t));
        let mut decl: Vec<(String, Ty)> = Vec::new();
        let head = match it.params.len() {
            0 => format!("for range {name}"),
            1 => {
                let t = it.params[0];
                let targets = writable(self, t);
                match self.rng.weighted(&[4, 1, u32::from(!targets.is_empty())]) {
                    0 => {
                        let x = fresh(self);
                        decl.push((x.clone(), t));
                        format!("for {x} := range {name}")
                    }
                    1 => format!("for range {name}"),
                    _ => {
                        let loc = *self.rng.pick(&targets);
                        format!("for {} = range {name}", self.var(loc).name)
                    }
                }
            }
            _ => {
                let (k, v) = (it.params[0], it.params[1]);
                let (tk, tv) = (writable(self, k), writable(self, v));
                let assign = u32::from(!tk.is_empty() && !tv.is_empty());
                match self.rng.weighted(&[4, 1, 1, 1, assign]) {
                    0 => {
                        let (a, b) = (fresh(self), fresh(self));
                        decl.push((a.clone(), k));
                        decl.push((b.clone(), v));
                        format!("for {a}, {b} := range {name}")
                    }
                    1 => {
                        let a = fresh(self);
                        decl.push((a.clone(), k));
                        format!("for {a} := range {name}")
                    }
                    2 => {
                        let b = fresh(self);
                        decl.push((b.clone(), v));
                        format!("for _, {b} := range {name}")
                    }
                    3 => format!("for range {name}"),
                    _ => {
                        let a = self.name_of(&tk);
                        let b = self.name_of(&tv);
                        if a == b { format!("for {a} = range {name}") } else { format!("for {a}, {b} = range {name}") }
                    }
                }
            }
        };
        self.charge(it.cost);
        let mut o = self.open_loop(&head, label, it.max.max(1), true);
        for (n, t) in decl {
            self.declare(&n, Kind::Val(t));
        }
        o.escape = it.escape.clone().map(|sv| (sv, it.params.clone()));
        o
    }

    /// The body of a range-over-func loop: random statements, plus what
    /// the iterator and the features call for (a `break` for an iterator
    /// ignoring false, a panic for one recovering it, a defer, a goto, a
    /// jump to `label`, which must be used).
    fn rangefunc_body(&mut self, it: &Iter, label: Option<&str>, goto: Option<&str>) {
        let n = self.block_len();
        let mut extra: Vec<String> = Vec::new();
        if it.bad == Some(Bad::Ignore) && self.rng.chance(70) {
            extra.push("break".to_string());
        }
        if it.bad == Some(Bad::Recover) && self.may_panic() && self.rng.chance(70) {
            let v = self.panic_value();
            extra.push(format!("panic({v})"));
        }
        if let Some(l) = goto {
            extra.push(format!("goto {l}"));
        }
        let with_defer = self.defer_allowed() && self.rng.chance(30);
        let at = self.rng.index(n + 1);
        for k in 0..=n {
            if k == at {
                if with_defer {
                    self.defer_stmt();
                }
                for e in std::mem::take(&mut extra) {
                    let c = self.bool_expr(2).text;
                    self.line(&format!("if {c} {{ {e} }}"));
                }
            }
            if k < n {
                self.stmt();
            }
        }
        self.emit_uses();
        if let Some(l) = label
            && !self.used_labels.iter().any(|u| u == l)
        {
            let kw = if self.rng.chance(50) { "break" } else { "continue" };
            let c = self.bool_expr(2).text;
            self.line(&format!("if {c} {{ {kw} {l} }}"));
            self.used_labels.push(l.to_string());
        }
        if self.rng.chance(20) {
            self.exit_stmt();
        }
    }

    /// An iterator to range over: one in scope or a new one.
    fn iterator(&mut self) -> Option<(String, Iter)> {
        self.iterator_within(1)
    }

    /// An iterator whose loop fits inside `outer` iterations of an
    /// enclosing loop about to be opened (already declared ones are reused
    /// sometimes; new ones are declared here, before that loop).
    fn iterator_within(&mut self, outer: u64) -> Option<(String, Iter)> {
        let calm = self.frame().calm;
        let room = MAX_MULT / (self.mult * outer);
        if room == 0 || !self.afford(outer * 4 * 8 + 20) {
            return None;
        }
        let fits = |g: &Self, it: &Iter| {
            (!calm || !it.panics) && it.max.max(1) <= room && g.afford(outer * (it.cost + it.max.max(1) * 4))
        };
        let found = self.find(|v| matches!(&v.kind, Kind::Iter(it) if fits(self, it)));
        if !found.is_empty() && self.rng.chance(40) {
            let loc = *self.rng.pick(&found);
            let Kind::Iter(it) = self.var(loc).kind.clone() else { unreachable!("found an iterator") };
            let name = self.use_one(&[loc]);
            return Some((name, it));
        }
        let max = self.rng.range(0, room.min(4) as i64) as u64;
        let top = self.rng.chance(25);
        let (name, it) = if top { self.top_iterator(max) } else { self.closure_iterator(max) };
        Some((name, it))
    }

    /// The parameter types, misbehaviour and escape variable of a new
    /// iterator.
    fn iter_plan(&mut self) -> (Vec<Ty>, Option<Bad>, Option<String>) {
        let n = self.rng.weighted(&[1, 4, 3]);
        let params: Vec<Ty> = (0..n).map(|_| self.random_ty()).collect();
        let bad = if self.has(Feature::BadYield) && !self.frame().calm && self.rng.chance(25) {
            let recover = u32::from(self.has(Feature::Recover));
            Some(match self.rng.weighted(&[2, 2, 2 * recover]) {
                0 => Bad::Ignore,
                1 => Bad::Escape,
                _ => Bad::Recover,
            })
        } else {
            None
        };
        let escape = (bad == Some(Bad::Escape)).then(|| self.fresh("sv"));
        (params, bad, escape)
    }

    /// `itN := func(yieldM func(...) bool) { ... }` in the current scope.
    fn closure_iterator(&mut self, max: u64) -> (String, Iter) {
        let (params, bad, escape) = self.iter_plan();
        let name = self.fresh("it");
        let y = self.fresh("yield");
        if let Some(sv) = &escape {
            self.line(&format!("var {sv} func({}) bool", type_list(&params)));
        }
        self.open(&format!("{name} := func({y} func({}) bool)", type_list(&params)));
        let calm = self.frame().calm;
        let limit = self.enter_closure(Frame::default());
        let cost = self.measured(limit, |g| {
            g.push_scope();
            g.iter_body(&y, &params, max, bad, escape.as_deref());
            g.scopes.pop();
        });
        self.frames.pop();
        self.close();
        let it = Iter { params, max, cost, panics: !calm || bad.is_some(), bad, escape };
        let v = self.declare(&name, Kind::Iter(it.clone()));
        v.readonly = true;
        v.used = true;
        (name, it)
    }

    /// `func itN(yieldM func(...) bool) { ... }` at top level (reading
    /// only globals, never panicking by itself).
    fn top_iterator(&mut self, max: u64) -> (String, Iter) {
        let (params, bad, escape) = self.iter_plan();
        let name = self.fresh("it");
        let y = self.fresh("yield");
        let saved_out = std::mem::take(&mut self.out);
        let saved_indent = std::mem::replace(&mut self.indent, 0);
        let locals = self.scopes.split_off(1);
        if let Some(sv) = &escape {
            self.line(&format!("var {sv} func({}) bool", type_list(&params)));
        }
        self.open(&format!("func {name}({y} func({}) bool)", type_list(&params)));
        self.frames.push(Frame { calm: true, min_callee: usize::MAX, ..Frame::default() });
        let cost = self.measured(CLOSURE_LIMIT, |g| {
            g.push_scope();
            g.iter_body(&y, &params, max, bad, escape.as_deref());
            g.scopes.pop();
        });
        self.frames.pop();
        self.close();
        let text = std::mem::replace(&mut self.out, saved_out);
        self.toplevel.push(text);
        self.indent = saved_indent;
        self.scopes.extend(locals);
        let it = Iter { params, max, cost, panics: bad.is_some(), bad, escape };
        self.scopes[0].push(Var {
            name: name.clone(),
            kind: Kind::Iter(it.clone()),
            readonly: true,
            used: true,
            nonempty: false,
            result: false,
        });
        (name, it)
    }

    /// An iterator's statements (see the module doc).
    fn iter_body(&mut self, y: &str, params: &[Ty], max: u64, bad: Option<Bad>, escape: Option<&str>) {
        if self.has(Feature::Defer) && self.rng.chance(30) {
            let tag = self.tag();
            self.line(&format!("defer println({tag}, \"iterator done\")"));
        }
        if bad == Some(Bad::Recover) {
            let tag = self.tag();
            self.line(&format!("defer func() {{ show({tag}, recover()) }}()"));
        }
        if let Some(sv) = escape {
            self.line(&format!("{sv} = {y}"));
        }
        let panic_at = (self.may_panic() && max > 0 && self.rng.chance(15)).then(|| self.rng.range(0, max as i64 - 1));
        if max > 0 && self.rng.chance(65) {
            let j = self.fresh("j");
            self.open(&format!("for {j} := 0; {j} < {max}; {j}++"));
            self.mult = max;
            self.push_scope();
            if self.rng.chance(30) {
                let tag = self.tag();
                self.line(&format!("println({tag}, {j})"));
            }
            if let Some(p) = panic_at {
                let v = self.panic_value();
                self.line(&format!("if {j} == {p} {{ panic({v}) }}"));
            }
            let vals: Vec<String> = params.iter().map(|&t| self.yield_val(t, Some(&j))).collect();
            self.yield_call(y, &vals, bad);
            self.charge(3);
            self.scopes.pop();
            self.mult = 1;
            self.close();
        } else {
            for k in 0..max {
                if panic_at == Some(k as i64) {
                    let v = self.panic_value();
                    let c = self.bool_expr(2).text;
                    self.line(&format!("if {c} {{ panic({v}) }}"));
                }
                let vals: Vec<String> = params.iter().map(|&t| self.yield_val(t, None)).collect();
                self.yield_call(y, &vals, bad);
                self.charge(2);
            }
        }
        if self.rng.chance(30) {
            let tag = self.tag();
            self.line(&format!("println({tag}, \"iterator end\")"));
        }
    }

    /// `if !yield(vals) { return }`, or for an iterator ignoring false,
    /// `yield(vals)` or `if !yield(vals) { println(...) }`.
    fn yield_call(&mut self, y: &str, vals: &[String], bad: Option<Bad>) {
        let call = format!("{y}({})", vals.join(", "));
        if bad == Some(Bad::Ignore) {
            if self.rng.chance(50) {
                return self.line(&call);
            }
            let tag = self.tag();
            return self.line(&format!("if !{call} {{ println({tag}, \"ignored false\") }}"));
        }
        if self.rng.chance(40) {
            let tag = self.tag();
            self.open(&format!("if !{call}"));
            self.line(&format!("println({tag}, \"stopped\")"));
            self.line("return");
            self.close();
        } else {
            self.line(&format!("if !{call} {{ return }}"));
        }
    }

    /// A value to yield of type `t`, maybe computed from the counter `j`.
    fn yield_val(&mut self, t: Ty, j: Option<&str>) -> String {
        let Some(j) = j.filter(|_| self.rng.chance(75)) else {
            return self.typed_expr(t, 2);
        };
        match t {
            Ty::Int(it) => {
                let n = it.name();
                match self.rng.below(3) {
                    0 => format!("{n}({j})"),
                    1 => format!("({n}({j}) * 3)"),
                    _ => format!("({n}({j}) + {})", self.int_expr(it, 1).text),
                }
            }
            Ty::Bool => format!("({j}%2 == 0)"),
            Ty::Str => {
                let w = self.rng.pick(&WORDS);
                format!("({w:?} + string(rune(97 + {j})))")
            }
        }
    }
}
