//! Statements whose result depends on the order of evaluation within one
//! statement (gc's order pass): calls with side effects on the variables,
//! elements, fields and pointers read in the same statement, in tuple
//! assignments, `:=`/`var` lists, returns of a function literal, composite
//! and map literals, index and slice expressions, comparisons, `op=`,
//! `append`, conditions.
//!
//! Each is a self-contained block: a slice, a struct, a pointer, a map, an
//! index and a call counter, two closures changing them (and maybe an
//! outer `int` variable), then a few statements mixing reads of those with
//! calls of the closures, then a print of everything.

use super::Gen;
use super::Kind;
use super::types::{IntTy, Ty};

/// The names of one block's variables.
struct Names {
    n: String,
    s: String,
    t: String,
    t2: String,
    p: String,
    k: String,
    m: String,
    f: String,
    g: String,
    /// An outer `int` variable the closures may change.
    x: Option<String>,
}

impl Gen<'_> {
    /// One order-sensitive block (needs closures).
    pub(super) fn order_stmt(&mut self) {
        let id = self.fresh("o");
        let nm = |s: &str| format!("{id}{s}");
        let outer = self.find(|v| !v.readonly && !v.result && matches!(v.kind, Kind::Val(Ty::Int(IntTy::Int))));
        let x = if !outer.is_empty() && self.rng.chance(70) { Some(self.use_one(&outer)) } else { None };
        let o = Names {
            n: nm("n"),
            s: nm("s"),
            t: nm("t"),
            t2: nm("u"),
            p: nm("p"),
            k: nm("k"),
            m: nm("m"),
            f: nm("f"),
            g: nm("g"),
            x,
        };
        self.charge(60);
        self.open("");
        let e0 = self.int_expr(IntTy::Int, 1).text;
        self.line(&format!("{} := 0", o.n));
        let (e1, e2) = (self.rng.range(-9, 9), self.rng.range(-9, 9));
        self.line(&format!("{} := []int{{{e0}, {e1}, {e2}}}", o.s));
        self.line(&format!("{} := struct{{ a, b int }}{{1, 2}}", o.t));
        self.line(&format!("{} := struct{{ a, b int }}{{3, 4}}", o.t2));
        self.line(&format!("{} := &{}", o.p, o.t));
        let k0 = self.rng.range(0, 2);
        self.line(&format!("{} := {k0}", o.k));
        self.line(&format!("{} := map[int]int{{0: 1}}", o.m));
        let fx = self.effects(&o, 3);
        self.line(&format!("{} := func() int {{ {}++; {fx}; return {} * 100 }}", o.f, o.n, o.n));
        let gx = self.effects(&o, 1);
        self.line(&format!("{} := func(v int) int {{ {}++; {gx}; return v + {} }}", o.g, o.n, o.n));
        for _ in 0..self.rng.range(1, 4) {
            self.order_form(&o);
        }
        let tag = self.tag();
        self.line(&format!(
            "println({tag}, {s}[0], {s}[1], {s}[2], len({s}), {t}.a, {t}.b, {u}.a, {u}.b, {p}.a, {k}, {n}, len({m}), {m}[0], {m}[1], {m}[2])",
            s = o.s,
            t = o.t,
            u = o.t2,
            p = o.p,
            k = o.k,
            n = o.n,
            m = o.m
        ));
        self.line(&format!("_, _ = {}, {}", o.f, o.g));
        if let Some(x) = &o.x {
            self.line(&format!("println({tag}, {x})"));
        }
        self.close();
    }

    /// Side effects of a closure body, `;`-separated; the index stays in 0..=2.
    fn effects(&mut self, o: &Names, max: i64) -> String {
        let mut out = Vec::new();
        for _ in 0..self.rng.range(1, max) {
            let w = [3, 1, 1, 2, 2, 1, 2, 2, 2 * u32::from(o.x.is_some())];
            out.push(match self.rng.weighted(&w) {
                0 => format!("{s}[{n}%3] = {n} * 11", s = o.s, n = o.n),
                1 => format!("{s} = []int{{{n}, {n} + 1, {n} + 2}}", s = o.s, n = o.n),
                2 => format!("{s} = append({s}, {n})", s = o.s, n = o.n),
                3 => format!("{t}.a = {n}", t = o.t, n = o.n),
                4 => format!("{p}.b += {n}", p = o.p, n = o.n),
                5 => format!("{p} = &{u}", p = o.p, u = o.t2),
                6 => format!("{k} = {n} % 3", k = o.k, n = o.n),
                7 => format!("{m}[{k}] = {n}", m = o.m, k = o.k, n = o.n),
                _ => format!("{} += {}", o.x.as_deref().unwrap_or("_"), o.n),
            });
        }
        out.join("; ")
    }

    /// A plain read (no call).
    fn read(&mut self, o: &Names) -> String {
        let w = [3, 1, 2, 2, 2, 1, 1, 1, 2, 1, 2 * u32::from(o.x.is_some())];
        match self.rng.weighted(&w) {
            0 => format!("{}[{}]", o.s, o.k),
            1 => format!("{}[{}]", o.s, self.rng.range(0, 2)),
            2 => format!("{}.a", o.t),
            3 => format!("{}.b", o.p),
            4 => format!("(*{}).a", o.p),
            5 => o.k.clone(),
            6 => format!("len({})", o.s),
            7 => format!("{}[{}:][0]", o.s, o.k),
            8 => format!("{}[{}]", o.m, o.k),
            9 => o.n.clone(),
            _ => o.x.clone().unwrap_or_default(),
        }
    }

    /// A call with side effects.
    fn call(&mut self, o: &Names) -> String {
        if self.rng.chance(60) {
            format!("{}()", o.f)
        } else {
            let r = self.read(o);
            format!("{}({r})", o.g)
        }
    }

    /// An `int` expression mixing reads and calls.
    fn mixed(&mut self, o: &Names) -> String {
        match self.rng.below(6) {
            0 | 1 => self.read(o),
            2 => self.call(o),
            3 => format!("({} + {})", self.read(o), self.call(o)),
            4 => format!("({} - {})", self.call(o), self.read(o)),
            _ => format!("({} * 3 + {})", self.read(o), self.mixed(o)),
        }
    }

    /// An assignable place; the index variable only gets 0 or 1.
    fn place(&mut self, o: &Names) -> (String, bool) {
        let w = [3, 1, 2, 2, 1, 1, 2 * u32::from(o.x.is_some())];
        match self.rng.weighted(&w) {
            0 => (format!("{}[{}]", o.s, o.k), false),
            1 => (format!("{}[{}]", o.s, self.rng.range(0, 2)), false),
            2 => (format!("{}.a", o.t), false),
            3 => (format!("{}.b", o.p), false),
            4 => (format!("{}[{}]", o.m, o.k), false),
            5 => (o.k.clone(), true),
            _ => (o.x.clone().unwrap_or_default(), false),
        }
    }

    /// A value for a place: masked to 0..=1 for the index variable.
    fn value_for(&mut self, o: &Names, is_index: bool) -> String {
        let v = self.mixed(o);
        if is_index { format!("({v}) & 1") } else { v }
    }

    fn order_form(&mut self, o: &Names) {
        let tag = self.tag();
        let panics = self.may_panic();
        match self.rng.below(13) {
            0 => {
                let (a, b, c) = (self.mixed(o), self.mixed(o), self.mixed(o));
                self.line(&format!("println({tag}, {a}, {b}, {c})"));
            }
            1 => {
                let (a, b) = (self.fresh("q"), self.fresh("q"));
                let (x, y) = (self.mixed(o), self.mixed(o));
                let form = if self.rng.chance(50) {
                    format!("{a}, {b} := {x}, {y}")
                } else {
                    format!("var {a}, {b} = {x}, {y}")
                };
                self.line(&form);
                self.line(&format!("println({tag}, {a}, {b})"));
            }
            2 | 3 => {
                let n = self.rng.range(2, 3);
                let mut ps = Vec::new();
                let mut vs = Vec::new();
                let mut last_idx = false;
                for _ in 0..n {
                    let (p, idx) = self.place(o);
                    vs.push(self.value_for(o, idx));
                    ps.push(p);
                    last_idx = idx;
                }
                if panics && self.rng.chance(20) {
                    // A read that may be out of range, after the calls.
                    let v = format!("{}[{}%5]", o.s, o.n);
                    vs[n as usize - 1] = if last_idx { format!("({v}) & 1") } else { v };
                }
                self.line(&format!("{} = {}", ps.join(", "), vs.join(", ")));
            }
            4 => {
                let (p, idx) = self.place(o);
                if idx {
                    let v = self.value_for(o, true);
                    self.line(&format!("{p} = {v}"));
                } else {
                    let op = *self.rng.pick(&["=", "+=", "-=", "^="]);
                    let v = self.mixed(o);
                    self.line(&format!("{p} {op} {v}"));
                }
            }
            5 => {
                let l = self.fresh("q");
                let (a, b, c) = (self.mixed(o), self.mixed(o), self.mixed(o));
                match self.rng.below(3) {
                    0 => {
                        self.line(&format!("{l} := []int{{{a}, {b}, {c}}}"));
                        self.line(&format!("println({tag}, {l}[0], {l}[1], {l}[2])"));
                    }
                    1 => {
                        self.line(&format!("{l} := struct{{ a, b, c int }}{{{a}, {b}, {c}}}"));
                        self.line(&format!("println({tag}, {l}.a, {l}.b, {l}.c)"));
                    }
                    _ => {
                        self.line(&format!("{l} := &[3]int{{2: {a}, 0: {b}, 1: {c}}}"));
                        self.line(&format!("println({tag}, {l}[0], {l}[1], {l}[2])"));
                    }
                }
            }
            6 => {
                let l = self.fresh("q");
                let (a, b, c) = (self.mixed(o), self.mixed(o), self.mixed(o));
                let k = self.rng.range(0, 2);
                self.line(&format!("{l} := map[int]int{{{}: {a}, {k}: {b}, {}: {c}}}", o.k, o.n));
                self.line(&format!("println({tag}, len({l}), {l}[0], {l}[1], {l}[2], {l}[3])"));
            }
            7 => {
                let (a, b) = (self.fresh("q"), self.fresh("q"));
                let (x, y) = (self.mixed(o), self.mixed(o));
                self.line(&format!("{a}, {b} := func() (int, int) {{ return {x}, {y} }}()"));
                self.line(&format!("println({tag}, {a}, {b})"));
            }
            8 => {
                let op = *self.rng.pick(&["==", "!=", "<", ">="]);
                let (a, b) = (self.mixed(o), self.mixed(o));
                let (c, d) = (self.read(o), self.call(o));
                self.line(&format!("println({tag}, {a} {op} {b}, {c} < {d}, {c} > {d} && {d} > 0)"));
            }
            9 => {
                let (a, b) = (self.read(o), self.call(o));
                let (c, d) = (self.read(o), self.mixed(o));
                self.open(&format!("if {a} == {b} || {c} > {d}"));
                self.line(&format!("println({tag}, 1)"));
                self.reopen("else");
                self.line(&format!("println({tag}, 2)"));
                self.close();
            }
            10 => {
                let (a, b) = (self.mixed(o), self.mixed(o));
                self.line(&format!("{s} = append({s}, {a}, {b})", s = o.s));
            }
            11 => {
                let (a, b) = (self.read(o), self.call(o));
                self.line(&format!("println({tag}, len({s}[{k}:]), {a}, {b}, {s}[{k}:][0])", s = o.s, k = o.k));
            }
            _ => {
                let l = self.fresh("q");
                let (a, b) = (self.mixed(o), self.mixed(o));
                self.line(&format!("{l} := append({s}[:{k}+1], {a}, {b})", s = o.s, k = o.k));
                self.line(&format!("println({tag}, len({l}), {l}[0], {l}[{k}+1], len({s}))", s = o.s, k = o.k));
            }
        }
    }
}
