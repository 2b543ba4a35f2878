//! `defer`, `panic` and `recover` in all the shapes the fuzzer stresses.
//!
//! Deferred forms: builtins (`println`, `panic`, `recover`), top-level
//! functions (including the recursive function deferring itself), func
//! literals with and without arguments, closure variables, nil func values
//! (which panic at function exit), and the helpers `rec0` (recovers: it is
//! the deferred function) and `rec1` (does not: `rec0` is one call deeper).
//!
//! A deferred func literal's body starts, often, with one of the recover
//! forms (`recover_form`): recover and show, re-panic the recovered value,
//! change named results after recovering, `defer recover()` (which does
//! recover there), a nested deferred closure recovering a panic raised in
//! the deferred body, or a helper call whose recover must return nil.

use super::types::{IntTy, Ty};
use super::{Frame, Gen, Kind, Target};
use crate::features::Feature;

impl Gen<'_> {
    /// One `defer` statement of a random form.
    pub(super) fn defer_stmt(&mut self) {
        let all = self.targets(|_| true);
        let statics: Vec<Target> = all.iter().filter(|t| !matches!(t, Target::Closure(..))).cloned().collect();
        let closures: Vec<Target> = all.into_iter().filter(|t| matches!(t, Target::Closure(..))).collect();
        let lit = u32::from(self.has(Feature::Closures));
        let rec = u32::from(self.has(Feature::Recover));
        let w = [
            2,                                                             // defer println(...)
            3 * u32::from(!statics.is_empty()),                            // defer f(args)
            6 * lit,                                                       // defer func() {...}()
            2 * lit,                                                       // defer func(a T) {...}(x)
            u32::from(!closures.is_empty()),                               // defer c(args)
            rec,                                                           // defer recover()
            u32::from(self.may_panic()),                                   // defer panic(v)
            2 * rec,                                                       // defer rec0(tag)
            rec,                                                           // defer rec1(tag)
            rec,                                                           // defer show(tag, recover())
            u32::from(self.has(Feature::NilDefer) && self.rng.chance(30)), // nil func
        ];
        match self.rng.weighted(&w) {
            0 => self.defer_print(),
            1 => {
                let t = self.rng.pick(&statics).clone();
                let call = self.call_text(&t);
                self.line(&format!("defer {call}"));
            }
            2 => self.defer_closure(false),
            3 => self.defer_closure(true),
            4 => {
                let t = self.rng.pick(&closures).clone();
                let call = self.call_text(&t);
                self.line(&format!("defer {call}"));
            }
            5 => self.line("defer recover()"),
            6 => {
                let v = self.panic_value();
                self.line(&format!("defer panic({v})"));
            }
            7 => {
                let tag = self.tag();
                self.line(&format!("defer rec0({tag})"));
            }
            8 => {
                let tag = self.tag();
                self.line(&format!("defer rec1({tag})"));
            }
            9 => {
                let tag = self.tag();
                self.line(&format!("defer show({tag}, recover())"));
            }
            _ => self.defer_nil(),
        }
    }

    /// `defer println(...)`: arguments evaluated now, printed at exit.
    fn defer_print(&mut self) {
        let tag = self.tag();
        let mut parts = vec![tag];
        for _ in 0..self.rng.range(1, 3) {
            let ty = self.random_ty();
            parts.push(self.typed_expr(ty, 2));
        }
        self.line(&format!("defer println({})", parts.join(", ")));
    }

    /// `defer func(params) { body }(args)`. The body runs once per
    /// execution of the defer statement; it may recover.
    fn defer_closure(&mut self, with_args: bool) {
        let params: Vec<Ty> =
            if with_args { (0..self.rng.range(1, 3)).map(|_| self.random_ty()).collect() } else { Vec::new() };
        let names: Vec<String> = params.iter().map(|_| self.fresh("p")).collect();
        let list: Vec<String> = names.iter().zip(&params).map(|(n, t)| format!("{n} {}", t.name())).collect();
        self.open(&format!("defer func({})", list.join(", ")));
        let parent = self.frame().clone();
        let once = parent.once && self.mult == 1;
        let limit = self.enter_closure(Frame {
            deferred: true,
            once,
            self_fn: if once { parent.self_fn.clone() } else { None },
            ..Frame::default()
        });
        let cost = self.measured(limit, |g| {
            g.push_scope();
            for (n, t) in names.iter().zip(&params) {
                g.declare(n, Kind::Val(*t)).used = true;
            }
            g.deferred_body();
            g.scopes.pop();
        });
        self.frames.pop();
        let args = self.args(&params);
        self.close_with(&format!("({args})"));
        self.charge(cost);
    }

    /// The statements of a deferred func literal.
    pub(super) fn deferred_body(&mut self) {
        if self.has(Feature::Recover) && self.rng.chance(60) {
            self.recover_form();
        }
        for _ in 0..self.rng.range(0, 3) {
            self.stmt();
        }
        self.emit_uses();
        if self.may_panic() && self.rng.chance(12) {
            let v = self.panic_value();
            if self.rng.chance(50) {
                self.line(&format!("panic({v})"));
            } else {
                let c = self.bool_expr(2).text;
                self.open(&format!("if {c}"));
                self.line(&format!("panic({v})"));
                self.close();
            }
        }
    }

    /// One of the recover shapes (see the module doc).
    pub(super) fn recover_form(&mut self) {
        let panic = u32::from(self.may_panic());
        let lit = u32::from(self.has(Feature::Closures));
        let defer_ok = u32::from(self.defer_allowed());
        match self.rng.weighted(&[4, 4, 2, defer_ok, 2 * lit * defer_ok, 1, 1]) {
            0 => {
                let r = self.fresh("e");
                let tag = self.tag();
                self.line(&format!("{r} := recover()"));
                self.line(&format!("show({tag}, {r})"));
                if panic == 1 && self.rng.chance(20) {
                    self.open(&format!("if {r} != nil"));
                    self.line(&format!("panic({r})"));
                    self.close();
                } else if self.rng.chance(40) {
                    self.open(&format!("if {r} != nil"));
                    self.set_results();
                    self.close();
                }
            }
            1 => {
                let r = self.fresh("e");
                let tag = self.tag();
                self.open(&format!("if {r} := recover(); {r} != nil"));
                self.line(&format!("show({tag}, {r})"));
                self.set_results();
                if panic == 1 && self.rng.chance(15) {
                    let v = self.panic_value();
                    self.line(&format!("panic({v})"));
                }
                self.close();
            }
            2 => {
                let tag = self.tag();
                self.line(&format!("show({tag}, recover())"));
            }
            3 => self.line("defer recover()"),
            4 => {
                let tag = self.tag();
                self.open("defer func()");
                self.line(&format!("show({tag}, recover())"));
                self.close_with("()");
                if panic == 1 && self.rng.chance(60) {
                    let v = self.panic_value();
                    self.line(&format!("panic({v})"));
                }
            }
            5 => {
                let tag = self.tag();
                self.line(&format!("rec0({tag})"));
            }
            _ => {
                let tag = self.tag();
                self.line(&format!("rec1({tag})"));
            }
        }
    }

    /// Assigns some named results of the enclosing function (if any), as a
    /// recovering deferred call does to choose what its frame returns.
    fn set_results(&mut self) {
        let results = self.find(|v| v.result && !v.readonly);
        if results.is_empty() {
            let tag = self.tag();
            return self.line(&format!("println({tag}, \"recovered\")"));
        }
        for _ in 0..self.rng.range(1, 2) {
            let (s, i) = *self.rng.pick(&results);
            let v = self.scopes[s][i].clone();
            let e = match v.kind {
                Kind::Val(ty) => self.expr(ty, 2).text,
                Kind::TVal(k) => self.t_value(k),
                Kind::Func(_) | Kind::Iter(_) => unreachable!("results are values"),
            };
            self.line(&format!("{} = {e}", v.name));
        }
    }

    /// `var z func(int)` deferred while (maybe) still nil: the panic comes
    /// at function exit, not at the defer statement.
    fn defer_nil(&mut self) {
        let z = self.fresh("z");
        self.line(&format!("var {z} func(int)"));
        if self.rng.chance(40) {
            let c = self.bool_expr(2).text;
            let a = self.fresh("p");
            let tag = self.tag();
            self.open(&format!("if {c}"));
            self.line(&format!("{z} = func({a} int) {{ println({tag}, {a}) }}"));
            self.close();
        }
        let arg = self.int_expr(IntTy::Int, 2).text;
        self.line(&format!("defer {z}({arg})"));
    }

    /// A recover outside the direct deferred position (or, inside a
    /// deferred body, in it): `show(tag, recover())`, `rec0`, `rec1`, or a
    /// bare `recover()`.
    pub(super) fn recover_stmt(&mut self) {
        if self.frame().deferred && self.rng.chance(50) {
            return self.recover_form();
        }
        let tag = self.tag();
        match self.rng.below(4) {
            0 => self.line(&format!("show({tag}, recover())")),
            1 => self.line(&format!("rec0({tag})")),
            2 => self.line(&format!("rec1({tag})")),
            _ => self.line("recover()"),
        }
    }
}
