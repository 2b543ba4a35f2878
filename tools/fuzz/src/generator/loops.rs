//! Go 1.22 loops: per-iteration loop variables that outlive their
//! iteration (feature `loopvar`) and range over integers (`rangeint`).
//!
//! A `loopvar` block collects, in every iteration, a closure capturing a
//! loop variable (which it may change when called) and the variable's
//! address, changes the variable in the body, and maybe defers a call that
//! reads it; after the loop it calls the closures and reads through the
//! pointers. Under Go 1.19 all of them would share one variable; under
//! 1.22 each iteration has its own, and a three-clause loop copies it into
//! the next iteration before the post statement.
//!
//! Termination: a three-clause counter is changed only towards its bound
//! (`+=` upwards, `/= 2` downwards); range variables (string, slice, int)
//! may be assigned anything, which does not change the iteration.

use super::types::{INT_TYS, IntTy, Ty, WORDS};
use super::{Gen, Kind, MAX_MULT};
use crate::features::Feature;

/// How a loop variable may be changed in the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Counter {
    /// `for i := T(0); i < k; i++`: only `+=` a small constant.
    Up,
    /// `for i := T(k); i > 0; i--`: only `/= 2`.
    Down,
    /// A range variable: anything.
    Free,
}

/// An opened loop header: its variables (name, type, how it may change)
/// and its most iterations.
struct Head {
    text: String,
    vars: Vec<(String, IntTy, Counter)>,
    eff: u64,
    /// A variable read by the range count, to change in the body (the count
    /// is evaluated once).
    count_var: Option<(String, IntTy)>,
}

impl Gen<'_> {
    /// `for i := range n` / `for range n` / `for i = range n` with a body.
    pub(super) fn rangeint_stmt(&mut self) {
        // Checked before the header reads (marks used) any variable.
        if self.mult * 4 > MAX_MULT || !self.afford(4 * 4) {
            return self.print_stmt();
        }
        let Some(head) = self.rangeint_head(true) else {
            return self.print_stmt();
        };
        self.open(&head.text);
        self.enter_loop(head.eff.max(1));
        for (name, t, _) in &head.vars {
            self.declare(name, Kind::Val(Ty::Int(*t)));
        }
        if let Some((v, t)) = &head.count_var {
            let text = self.count_change(v, *t);
            self.line(&text);
        }
        self.loop_body(false);
        self.leave_loop(head.eff.max(1));
        self.close();
    }

    /// `v++`, `v += c`, `v = e`: changes the variable the range count read.
    fn count_change(&mut self, v: &str, t: IntTy) -> String {
        match self.rng.below(3) {
            0 => format!("{v}++"),
            1 => format!("{v} += {}", self.rng.range(1, 9)),
            _ => format!("{v} = {}", self.int_expr(t, 2).text),
        }
    }

    /// The header of a range-over-int loop. With `assign`, the form
    /// `for v = range n` over an existing variable may be chosen.
    fn rangeint_head(&mut self, assign: bool) -> Option<Head> {
        let (n, t, eff, count_var) = self.range_count();
        let i = self.fresh("i");
        let typed = t.unwrap_or(IntTy::Int);
        // An untyped count must be assignable to the variable: a negative
        // one only to a signed variable.
        let negative = n.starts_with('-');
        let targets = if assign {
            self.find(|v| {
                !v.readonly && matches!(v.kind, Kind::Val(Ty::Int(u)) if t.map_or(!negative || u.signed(), |t| t == u))
            })
        } else {
            Vec::new()
        };
        let form = self.rng.weighted(&[5, 2, 2 * u32::from(!targets.is_empty())]);
        let (text, vars) = match form {
            0 => (format!("for {i} := range {n}"), vec![(i, typed, Counter::Free)]),
            1 => (format!("for range {n}"), Vec::new()),
            _ => {
                // An assignment, not a use: the variable stays unread.
                let v = self.name_of(&targets);
                (format!("for {v} = range {n}"), Vec::new())
            }
        };
        Some(Head { text, vars, eff, count_var })
    }

    /// A range count: an untyped or typed constant (maybe zero or
    /// negative), a masked expression of any integer type, or a variable
    /// the body then changes. Returns the text, its type (None: untyped),
    /// the most iterations and the variable read, if any.
    fn range_count(&mut self) -> (String, Option<IntTy>, u64, Option<(String, IntTy)>) {
        let t = *self.rng.pick(&INT_TYS);
        let vars = self.find(|v| !v.readonly && !v.result && matches!(v.kind, Kind::Val(Ty::Int(_))));
        match self.rng.weighted(&[3, 2, 4, 2, 3 * u32::from(!vars.is_empty())]) {
            0 => {
                let k = self.rng.range(-2, 4);
                (k.to_string(), None, k.max(0) as u64, None)
            }
            1 => {
                let k = if t.signed() { self.rng.range(-2, 4) } else { self.rng.range(0, 4) };
                let lit = if k < 0 { format!("({k})") } else { k.to_string() };
                (format!("{}({lit})", t.name()), Some(t), k.max(0) as u64, None)
            }
            2 => {
                let x = self.int_nonconst(t, 2).text;
                (format!("({x} & 3)"), Some(t), 3, None)
            }
            3 if t.signed() => {
                let x = self.int_nonconst(t, 2).text;
                (format!("({x} % 4)"), Some(t), 3, None)
            }
            3 => {
                let x = self.int_nonconst(t, 2).text;
                (format!("({x} % 3)"), Some(t), 2, None)
            }
            _ => {
                let loc = *self.rng.pick(&vars);
                let Kind::Val(Ty::Int(u)) = self.var(loc).kind else { unreachable!("picked an int variable") };
                let v = self.use_one(&[loc]);
                (format!("({v} & 3)"), Some(u), 3, Some((v, u)))
            }
        }
    }

    /// A block whose loop's variables outlive their iterations (see the
    /// module doc).
    pub(super) fn loopvar_stmt(&mut self) {
        // Checked before the header reads (marks used) any variable: at
        // most 5 iterations.
        if self.mult * 5 > MAX_MULT || !self.afford(5 * 10 + 4) {
            return self.print_stmt();
        }
        let Some(head) = self.loopvar_head() else {
            return self.print_stmt();
        };
        let eff = head.eff.max(1);
        let closures = self.has(Feature::Closures) && self.frame().closure_depth < 2;
        self.charge(eff * 6 + 4);
        let (vname, vt, counter) = self.rng.pick(&head.vars).clone();
        let fs = self.fresh("fs");
        let ps = self.fresh("ps");
        let with_fs = closures && self.rng.chance(80);
        let with_ps = !with_fs || self.rng.chance(60);
        self.open("");
        self.push_scope();
        if with_fs {
            self.line(&format!("var {fs} []func() int"));
        }
        if with_ps {
            self.line(&format!("var {ps} []*{}", vt.name()));
        }
        self.open(&head.text);
        self.enter_loop(eff);
        for (name, t, c) in &head.vars {
            let v = self.declare(name, Kind::Val(Ty::Int(*t)));
            v.readonly = *c != Counter::Free;
            // A three-clause counter is read by its condition; the captured
            // variable by the captures.
            v.used = *c != Counter::Free || *name == vname;
        }
        if let Some((v, t)) = &head.count_var {
            let text = self.count_change(v, *t);
            self.line(&text);
        }
        // The captures, the change and the defer, in a random order, with
        // random statements before and after.
        let mut parts = vec![0, 1, 2, 3];
        self.rng.shuffle(&mut parts);
        if self.rng.chance(50) {
            self.stmt();
        }
        for part in parts {
            match part {
                0 if with_fs => {
                    let change = if self.rng.chance(50) { format!("{vname} += 10; ") } else { String::new() };
                    self.line(&format!("{fs} = append({fs}, func() int {{ {change}return int({vname}) }})"));
                }
                1 if with_ps => self.line(&format!("{ps} = append({ps}, &{vname})")),
                2 => self.loopvar_change(&vname, vt, counter),
                3 if self.defer_allowed() && self.rng.chance(50) => {
                    let tag = self.tag();
                    if closures && self.rng.chance(60) {
                        self.line(&format!("defer func() {{ println({tag}, {vname}) }}()"));
                    } else {
                        self.line(&format!("defer println({tag}, {vname})"));
                    }
                }
                _ => {}
            }
        }
        if self.rng.chance(50) {
            self.stmt();
        }
        self.emit_uses();
        if self.rng.chance(10) {
            self.exit_stmt();
        }
        self.leave_loop(eff);
        self.close();
        if with_fs {
            let f = self.fresh("f");
            let tag = self.tag();
            self.line(&format!("for _, {f} := range {fs} {{ println({tag}, {f}()) }}"));
        }
        if with_ps {
            let p = self.fresh("p");
            let tag = self.tag();
            self.line(&format!("for _, {p} := range {ps} {{ *{p} += 1; println({tag}, *{p}) }}"));
        }
        self.pop_scope();
        self.close();
    }

    /// Changes a loop variable in the body, as its counter kind allows.
    fn loopvar_change(&mut self, v: &str, t: IntTy, counter: Counter) {
        let text = match counter {
            Counter::Up => format!("{v} += {}", self.rng.range(0, 2)),
            Counter::Down => format!("{v} /= 2"),
            Counter::Free => match self.rng.below(3) {
                0 => format!("{v}++"),
                1 => format!("{v} = {}", self.int_expr(t, 2).text),
                _ => format!("{v} *= 3"),
            },
        };
        if self.rng.chance(50) {
            let c = self.bool_expr(2).text;
            self.line(&format!("if {c} {{ {text} }}"));
        } else {
            self.line(&text);
        }
    }

    /// A loop header with at least one integer variable: three-clause up or
    /// down over any integer type, range over a string or a slice literal,
    /// or range over an int.
    fn loopvar_head(&mut self) -> Option<Head> {
        let t = *self.rng.pick(&INT_TYS);
        let i = self.fresh("i");
        let rangeint = u32::from(self.has(Feature::RangeInt));
        match self.rng.weighted(&[4, 2, 2, 2, 2 * rangeint]) {
            0 => {
                let k = self.rng.range(1, 4) as u64;
                let text = format!("for {i} := {}(0); {i} < {k}; {i}++", t.name());
                Some(Head { text, vars: vec![(i, t, Counter::Up)], eff: k, count_var: None })
            }
            1 => {
                let k = self.rng.range(1, 4) as u64;
                let text = format!("for {i} := {}({k}); {i} > 0; {i}--", t.name());
                Some(Head { text, vars: vec![(i, t, Counter::Down)], eff: k, count_var: None })
            }
            2 => {
                let word = *self.rng.pick(&WORDS);
                let c = self.fresh("i");
                let text = format!("for {i}, {c} := range {word:?}");
                let vars = vec![(i, IntTy::Int, Counter::Free), (c, IntTy::Int32, Counter::Free)];
                Some(Head { text, vars, eff: word.chars().count() as u64, count_var: None })
            }
            3 => {
                let n = self.rng.range(0, 3);
                let elems: Vec<String> = (0..n).map(|_| self.int_expr(t, 1).text).collect();
                let v = self.fresh("i");
                let text = format!("for {i}, {v} := range []{}{{{}}}", t.name(), elems.join(", "));
                let vars = vec![(i, IntTy::Int, Counter::Free), (v, t, Counter::Free)];
                Some(Head { text, vars, eff: n as u64, count_var: None })
            }
            _ => {
                let (n, t, eff, count_var) = self.range_count();
                let text = format!("for {i} := range {n}");
                Some(Head { text, vars: vec![(i, t.unwrap_or(IntTy::Int), Counter::Free)], eff, count_var })
            }
        }
    }
}
