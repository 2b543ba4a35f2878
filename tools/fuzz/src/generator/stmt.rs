//! Statements: declarations, assignments, prints, control flow, calls,
//! closures and the ways out of a block.

use super::types::{INT_TYS, IntTy, Ty, WORDS};
use super::{Frame, Gen, Kind, MAX_BLOCK_DEPTH, MAX_MULT, Sig};
use crate::features::Feature;

const ASSIGN_OPS: [&str; 7] = ["+=", "-=", "*=", "|=", "&=", "^=", "&^="];

impl Gen<'_> {
    /// A value type to declare: integers mostly.
    pub(super) fn random_ty(&mut self) -> Ty {
        let strings = u32::from(self.has(Feature::Strings));
        match self.rng.weighted(&[7, 2, 3 * strings]) {
            0 => Ty::Int(*self.rng.pick(&INT_TYS)),
            1 => Ty::Bool,
            _ => Ty::Str,
        }
    }

    /// The statements of a block in a new scope: `n` statements, then uses
    /// of unread variables, then with `exit_pct`% chance a return, panic,
    /// break or continue. The caller writes the braces.
    pub(super) fn block_body(&mut self, n: usize, exit_pct: u32) {
        self.frame_mut().depth += 1;
        self.push_scope();
        for _ in 0..n {
            self.stmt();
        }
        self.emit_uses();
        if self.rng.chance(exit_pct) {
            self.exit_stmt();
        }
        self.scopes.pop();
        self.frame_mut().depth -= 1;
    }

    /// A short block length, shorter when nested deeper.
    pub(super) fn block_len(&mut self) -> usize {
        let depth = self.frame().depth;
        self.rng.range(1, 4 - i64::from(depth.min(2))) as usize
    }

    /// One random statement fitting the current context.
    pub(super) fn stmt(&mut self) {
        let f = self.frame();
        let nest = f.depth < MAX_BLOCK_DEPTH;
        let in_loop = f.loops > 0;
        let deferred = f.deferred;
        let closures = nest && f.closure_depth < 2 && self.has(Feature::Closures);
        let defer_ok = self.defer_allowed();
        let w = [
            5,                                                                     // declaration
            4 + 3 * u32::from(deferred),                                           // assignment
            3,                                                                     // print
            3 * u32::from(nest),                                                   // if
            2 * u32::from(nest),                                                   // for
            u32::from(nest && self.has(Feature::Strings)),                         // range
            u32::from(nest && self.has(Feature::Switch)),                          // switch
            3,                                                                     // call
            u32::from(closures),                                                   // closure
            2 * u32::from(defer_ok),                                               // defer
            u32::from(self.may_panic()),                                           // if c { panic }
            1,                                                                     // if c { return }
            u32::from(in_loop),                                                    // if c { break }
            u32::from(self.has(Feature::Recover)) * (1 + 2 * u32::from(deferred)), // recover
            2 * u32::from(closures && self.has(Feature::Order)),                   // order-sensitive block
            2 * u32::from(nest && self.has(Feature::LoopVar)),                     // 1.22 loop variables
            2 * u32::from(nest && self.has(Feature::RangeInt)),                    // range over int
            4 * u32::from(nest && self.has(Feature::RangeFunc)),                   // range over func
            self.generic_weight(),                                                 // generic code
        ];
        self.charge(1);
        match self.rng.weighted(&w) {
            0 => self.decl_stmt(),
            1 => self.assign_stmt(),
            2 => self.print_stmt(),
            3 => self.if_stmt(),
            4 => self.for_stmt(false),
            5 => self.range_stmt(),
            6 => self.switch_stmt(),
            7 => self.call_stmt(),
            8 => self.closure_decl(),
            9 => self.defer_stmt(),
            10 => self.cond_exit(Some(Exit::Panic)),
            11 => self.cond_exit(Some(Exit::Return)),
            12 => self.cond_exit(None),
            13 => self.recover_stmt(),
            14 => self.order_stmt(),
            15 => self.loopvar_stmt(),
            16 => self.rangeint_stmt(),
            17 => self.rangefunc_stmt(),
            _ => self.generic_stmt(),
        }
    }

    fn decl_stmt(&mut self) {
        let ty = self.random_ty();
        let name = self.fresh("v");
        let e = self.expr(ty, 3);
        if e.konst {
            self.line(&format!("var {name} {} = {}", ty.name(), e.text));
        } else {
            self.line(&format!("{name} := {}", e.text));
        }
        self.declare(&name, Kind::Val(ty)).nonempty = e.nonempty;
    }

    /// An assignment to a writable variable; in a deferred body mostly to a
    /// named result of the enclosing function.
    pub(super) fn assign_stmt(&mut self) {
        let writable = self.find(|v| !v.readonly && matches!(v.kind, Kind::Val(_)));
        let results: Vec<_> = writable.iter().copied().filter(|&l| self.var(l).result).collect();
        let pool = if !results.is_empty() && self.frame().deferred && self.rng.chance(70) { results } else { writable };
        let (s, i) = *self.rng.pick(&pool);
        let v = self.scopes[s][i].clone();
        let Kind::Val(ty) = v.kind else { unreachable!("writable vars are values") };
        let text = match ty {
            Ty::Int(t) => self.int_assign(&v.name, t),
            Ty::Bool => format!("{} = {}", v.name, self.bool_expr(3).text),
            Ty::Str => self.str_assign(&v.name, v.nonempty),
        };
        self.line(&text);
    }

    fn int_assign(&mut self, name: &str, t: IntTy) -> String {
        match self.rng.weighted(&[4, 4, 1, 1, 1, 1]) {
            0 => format!("{name} = {}", self.int_expr(t, 3).text),
            1 => {
                let op = self.rng.pick(&ASSIGN_OPS);
                format!("{name} {op} {}", self.int_expr(t, 2).text)
            }
            2 => {
                let op = if self.rng.chance(50) { "<<=" } else { ">>=" };
                format!("{name} {op} {}", self.rng.range(0, i64::from(t.bits())))
            }
            3 => format!("{name} /= ({} | 1)", self.int_nonconst(t, 1).text),
            4 => format!("{name}++"),
            _ => format!("{name}--"),
        }
    }

    /// `s = e` (one string read at most) or `s += e` (no string read), so
    /// lengths grow only linearly. A non-empty variable stays non-empty.
    fn str_assign(&mut self, name: &str, nonempty: bool) -> String {
        if self.rng.chance(40) {
            let e = self.str_expr(2, &mut 0);
            return format!("{name} += {}", e.text);
        }
        let e = self.str_expr(3, &mut 1);
        if nonempty && !e.nonempty {
            return format!("{name} = ({} + {:?})", e.text, self.rng.pick(&WORDS));
        }
        format!("{name} = {}", e.text)
    }

    pub(super) fn print_stmt(&mut self) {
        let tag = self.tag();
        let n = self.rng.range(0, 3);
        let mut parts = vec![tag];
        for _ in 0..n {
            let ty = self.random_ty();
            parts.push(self.typed_expr(ty, 2));
        }
        if self.rng.chance(10) {
            parts.push("\"\\n\"".to_string());
            self.line(&format!("print({})", parts.join(", ")));
        } else {
            self.line(&format!("println({})", parts.join(", ")));
        }
    }

    fn if_stmt(&mut self) {
        let cond = self.bool_expr(2).text;
        self.open(&format!("if {cond}"));
        let n = self.block_len();
        self.block_body(n, 25);
        if self.rng.chance(20) {
            let cond = self.bool_expr(2).text;
            self.reopen(&format!("else if {cond}"));
            let n = self.block_len();
            self.block_body(n, 25);
        }
        if self.rng.chance(40) {
            self.reopen("else");
            let n = self.block_len();
            self.block_body(n, 25);
        }
        self.close();
    }

    /// A counted loop running 0–4 times; with `with_defer`, its body holds
    /// a defer. Falls back to a print when the cost allowance is spent.
    pub(super) fn for_stmt(&mut self, with_defer: bool) {
        let k = self.rng.range(0, 4) as u64;
        let eff = k.max(1);
        if self.mult * eff > MAX_MULT || !self.afford(eff * 4) {
            return self.print_stmt();
        }
        let i = self.fresh("i");
        if self.rng.chance(70) {
            self.open(&format!("for {i} := 0; {i} < {k}; {i}++"));
        } else {
            self.open(&format!("for {i} := {k}; {i} > 0; {i}--"));
        }
        self.enter_loop(eff);
        let v = self.declare(&i, Kind::Val(Ty::Int(IntTy::Int)));
        v.readonly = true;
        v.used = true;
        self.loop_body(with_defer);
        self.leave_loop(eff);
        self.close();
    }

    /// `for i, c := range "literal"`: as many iterations as runes.
    fn range_stmt(&mut self) {
        let word = *self.rng.pick(&WORDS);
        let eff = word.chars().count() as u64;
        if self.mult * eff > MAX_MULT || !self.afford(eff * 4) {
            return self.print_stmt();
        }
        let i = self.fresh("i");
        let c = self.fresh("i");
        let (head, vars) = match self.rng.below(3) {
            0 => (format!("for {i}, {c} := range {word:?}"), vec![(i, IntTy::Int), (c, IntTy::Int32)]),
            1 => (format!("for _, {c} := range {word:?}"), vec![(c, IntTy::Int32)]),
            _ => (format!("for {i} := range {word:?}"), vec![(i, IntTy::Int)]),
        };
        self.open(&head);
        self.enter_loop(eff);
        for (name, t) in vars {
            self.declare(&name, Kind::Val(Ty::Int(t))).readonly = true;
        }
        self.loop_body(false);
        self.leave_loop(eff);
        self.close();
    }

    pub(super) fn enter_loop(&mut self, eff: u64) {
        self.mult *= eff;
        let f = self.frame_mut();
        f.loops += 1;
        f.depth += 1;
        self.push_scope();
    }

    pub(super) fn leave_loop(&mut self, eff: u64) {
        self.scopes.pop();
        let f = self.frame_mut();
        f.loops -= 1;
        f.depth -= 1;
        self.mult /= eff;
    }

    /// A loop body in the scope `enter_loop` opened (loop variables already
    /// declared there).
    pub(super) fn loop_body(&mut self, with_defer: bool) {
        let n = self.block_len();
        let at = self.rng.index(n + 1);
        for k in 0..=n {
            if k == at && with_defer {
                self.defer_stmt();
            } else if k < n {
                self.stmt();
            }
        }
        self.emit_uses();
        if self.rng.chance(15) {
            self.exit_stmt();
        }
    }

    fn switch_stmt(&mut self) {
        let tagged = self.rng.chance(60);
        let clauses = self.rng.range(1, 3) as usize;
        let default = self.rng.chance(50);
        let mut heads = Vec::new();
        if tagged {
            let t = *self.rng.pick(&INT_TYS);
            let x = self.int_nonconst(t, 2).text;
            self.open(&format!("switch ({x} & 3)"));
            let mut vals = [0, 1, 2, 3];
            self.rng.shuffle(&mut vals);
            let mut rest = &vals[..];
            for _ in 0..clauses {
                if rest.is_empty() {
                    break;
                }
                let take = self.rng.range(1, 2).min(rest.len() as i64) as usize;
                let list: Vec<String> = rest[..take].iter().map(|v| v.to_string()).collect();
                heads.push(format!("case {}:", list.join(", ")));
                rest = &rest[take..];
            }
        } else {
            self.open("switch");
            for _ in 0..clauses {
                let c = self.bool_expr(2).text;
                heads.push(format!("case {c}:"));
            }
        }
        if default {
            heads.push("default:".to_string());
        }
        let last = heads.len() - 1;
        for (k, head) in heads.into_iter().enumerate() {
            self.indent -= 1;
            self.line(&head);
            self.indent += 1;
            self.clause_body(k < last);
        }
        self.close();
    }

    /// A switch clause: statements, then maybe `fallthrough` (when another
    /// clause follows) or an exit.
    fn clause_body(&mut self, may_fall: bool) {
        self.frame_mut().depth += 1;
        self.push_scope();
        let n = self.block_len();
        for _ in 0..n {
            self.stmt();
        }
        self.emit_uses();
        if may_fall && self.rng.chance(20) {
            self.line("fallthrough");
        } else if self.rng.chance(15) {
            self.exit_stmt();
        }
        self.scopes.pop();
        self.frame_mut().depth -= 1;
    }

    /// A call as a statement, or declaring its results.
    fn call_stmt(&mut self) {
        let ts = self.targets(|_| true);
        if ts.is_empty() {
            return self.print_stmt();
        }
        let t = self.rng.pick(&ts).clone();
        let (_, results) = self.target_sig(&t);
        let call = self.call_text(&t);
        if results.is_empty() || self.rng.chance(25) {
            return self.line(&call);
        }
        let keep = self.rng.index(results.len());
        let mut lhs = Vec::new();
        let mut decls = Vec::new();
        for (k, ty) in results.iter().enumerate() {
            if k != keep && self.rng.chance(30) {
                lhs.push("_".to_string());
            } else {
                let name = self.fresh("v");
                lhs.push(name.clone());
                decls.push((name, *ty));
            }
        }
        self.line(&format!("{} := {call}", lhs.join(", ")));
        for (name, ty) in decls {
            self.declare(&name, Kind::Val(ty));
        }
    }

    /// `c := func(params) result { ... }`.
    fn closure_decl(&mut self) {
        let name = self.fresh("c");
        let params: Vec<Ty> = (0..self.rng.range(0, 2)).map(|_| self.random_ty()).collect();
        let result = if self.rng.chance(50) { Some(self.random_ty()) } else { None };
        let names: Vec<String> = params.iter().map(|_| self.fresh("p")).collect();
        let list: Vec<String> = names.iter().zip(&params).map(|(n, t)| format!("{n} {}", t.name())).collect();
        let res = result.map(|t| format!(" {}", t.name())).unwrap_or_default();
        self.open(&format!("{name} := func({}){res}", list.join(", ")));
        let limit = self.enter_closure(Frame { results: result.into_iter().collect(), ..Frame::default() });
        let cost = self.measured(limit, |g| {
            g.push_scope();
            for (n, t) in names.iter().zip(&params) {
                g.declare(n, Kind::Val(*t)).used = true;
            }
            let n = g.block_len();
            for _ in 0..n {
                g.stmt();
            }
            g.emit_uses();
            if result.is_some() {
                g.return_stmt();
            }
            g.scopes.pop();
        });
        self.frames.pop();
        self.close();
        let v = self.declare(&name, Kind::Func(Sig { params, result, cost }));
        v.readonly = true;
    }

    /// `if cond { ...; exit }` with the given exit (or break/continue).
    pub(super) fn cond_exit(&mut self, exit: Option<Exit>) {
        let cond = self.bool_expr(2).text;
        self.open(&format!("if {cond}"));
        self.frame_mut().depth += 1;
        self.push_scope();
        let n = self.rng.range(0, 2);
        for _ in 0..n {
            self.stmt();
        }
        self.emit_uses();
        match exit {
            Some(e) => self.exit_of(e),
            None => self.loop_jump(),
        }
        self.scopes.pop();
        self.frame_mut().depth -= 1;
        self.close();
    }

    /// Whether an explicit panic may be emitted here.
    pub(super) fn may_panic(&self) -> bool {
        self.has(Feature::Panic) && !self.frame().calm
    }

    /// A statement that leaves the block: return, panic, break, continue.
    pub(super) fn exit_stmt(&mut self) {
        let loops = u32::from(self.frame().loops > 0);
        let panic = u32::from(self.may_panic());
        match self.rng.weighted(&[3, 2 * panic, 2 * loops]) {
            0 => self.exit_of(Exit::Return),
            1 => self.exit_of(Exit::Panic),
            _ => self.loop_jump(),
        }
    }

    /// `break` or `continue`, of the innermost loop or (a third of the
    /// time, when labeled loops are around) of a labeled one.
    pub(super) fn loop_jump(&mut self) {
        let kw = if self.rng.chance(50) { "break" } else { "continue" };
        let labels = self.frame().labels.clone();
        if labels.is_empty() || self.rng.chance(67) {
            return self.line(kw);
        }
        let l = self.rng.pick(&labels).clone();
        self.line(&format!("{kw} {l}"));
        if !self.used_labels.contains(&l) {
            self.used_labels.push(l);
        }
    }

    fn exit_of(&mut self, e: Exit) {
        match e {
            Exit::Return => self.return_stmt(),
            Exit::Panic => {
                let v = self.panic_value();
                self.line(&format!("panic({v})"));
            }
        }
    }

    /// A return from the current frame: bare when results are named (half
    /// the time), else with one expression per result.
    pub(super) fn return_stmt(&mut self) {
        let f = self.frame().clone();
        if let Some(k) = f.gres {
            return self.generic_return(k);
        }
        if f.results.is_empty() || (!f.named.is_empty() && self.rng.chance(50)) {
            return self.line("return");
        }
        let vals: Vec<String> = f.results.iter().map(|&t| self.expr(t, 2).text).collect();
        self.line(&format!("return {}", vals.join(", ")));
    }
}

/// A way out of a block.
#[derive(Clone, Copy, Debug)]
pub(super) enum Exit {
    Return,
    Panic,
}
