//! Expressions of each type.
//!
//! Rules that keep gc happy (see the module doc of `gen`): a binary
//! operation has at most one constant operand; unary operators, conversions
//! and shifts apply only to non-constant operands; divisors are non-zero
//! constants, `(x | 1)`, or (feature `divzero`) deliberately maybe-zero
//! variables. Every operation is parenthesized, so precedence never matters.

use super::types::{INT_TYS, IntTy, Ty, WORDS};
use super::{Gen, Kind};
use crate::features::Feature;

/// A generated expression.
#[derive(Clone, Debug)]
pub(super) struct Expr {
    pub text: String,
    /// A compile-time constant (its type may still be untyped).
    pub konst: bool,
    /// For strings: certainly non-empty.
    pub nonempty: bool,
}

impl Expr {
    fn var(text: String) -> Self {
        Expr { text, konst: false, nonempty: false }
    }

    fn konst(text: String) -> Self {
        Expr { text, konst: true, nonempty: true }
    }
}

const ARITH: [&str; 7] = ["+", "-", "*", "&", "|", "^", "&^"];
const CMP: [&str; 6] = ["==", "!=", "<", "<=", ">", ">="];

impl Gen<'_> {
    /// An expression of type `ty`, at most `depth` operators deep.
    pub(super) fn expr(&mut self, ty: Ty, depth: u32) -> Expr {
        match ty {
            Ty::Int(t) => self.int_expr(t, depth),
            Ty::Bool => self.bool_expr(depth),
            Ty::Str => self.str_expr(depth, &mut 1),
        }
    }

    /// An expression of type `ty` that keeps its type in an untyped
    /// context such as a `println` argument: integer constants other than
    /// `int` are converted explicitly.
    pub(super) fn typed_expr(&mut self, ty: Ty, depth: u32) -> String {
        let e = self.expr(ty, depth);
        match ty {
            Ty::Int(t) if e.konst && t != IntTy::Int => format!("{}({})", t.name(), e.text),
            _ => e.text,
        }
    }

    /// A non-constant expression of type `ty`.
    pub(super) fn nonconst(&mut self, ty: Ty, depth: u32) -> Expr {
        match ty {
            Ty::Int(t) => self.int_nonconst(t, depth),
            Ty::Bool => {
                let t = *self.rng.pick(&INT_TYS);
                let a = self.int_nonconst(t, depth.saturating_sub(1));
                let b = self.int_expr(t, depth.saturating_sub(1));
                let op = self.rng.pick(&CMP);
                Expr::var(format!("({} {op} {})", a.text, b.text))
            }
            Ty::Str => self.str_nonconst(depth, &mut 1),
        }
    }

    // ---- integers ----

    /// An integer expression of type `t`, constant or not.
    pub(super) fn int_expr(&mut self, t: IntTy, depth: u32) -> Expr {
        if depth == 0 || self.rng.chance(25) {
            if self.rng.chance(40) {
                return Expr::konst(t.literal(&mut self.rng));
            }
            return self.int_leaf(t);
        }
        self.int_nonconst(t, depth)
    }

    /// A non-constant integer expression of type `t`.
    pub(super) fn int_nonconst(&mut self, t: IntTy, depth: u32) -> Expr {
        if depth == 0 {
            return self.int_leaf(t);
        }
        let d = depth - 1;
        let strings = self.has(Feature::Strings) && !self.find(|v| is_str_var(v) && v.nonempty).is_empty();
        let divzero = self.has(Feature::DivZero) && !self.frame().calm && self.rng.chance(15);
        let weights = [
            3,                      // leaf
            4,                      // arithmetic
            1,                      // shift
            1,                      // safe division
            u32::from(divzero),     // maybe-zero division
            1,                      // unary
            2,                      // conversion
            2,                      // call
            2 * u32::from(strings), // len / index
        ];
        match self.rng.weighted(&weights) {
            0 => self.int_leaf(t),
            1 => self.arith(t, d),
            2 => self.shift(t, d),
            3 => self.safe_div(t, d),
            4 => self.maybe_zero_div(t, d),
            5 => {
                let x = self.int_nonconst(t, d).text;
                let op = if self.rng.chance(50) { "-" } else { "^" };
                Expr::var(format!("({op}{x})"))
            }
            6 => {
                let from = *self.rng.pick(&INT_TYS);
                let x = self.int_nonconst(from, d).text;
                Expr::var(format!("{}({x})", t.name()))
            }
            7 => self.call_expr(Ty::Int(t)).unwrap_or_else(|| self.int_leaf(t)),
            _ => self.string_derived(t, d),
        }
    }

    /// A variable of type `t`, or a conversion of one of another integer
    /// type. Globals guarantee a variable of every type exists.
    fn int_leaf(&mut self, t: IntTy) -> Expr {
        let same = self.find(|v| matches!(v.kind, Kind::Val(Ty::Int(u)) if u == t));
        let local: Vec<_> = same.iter().copied().filter(|&(s, _)| s > 0).collect();
        if !local.is_empty() && self.rng.chance(70) {
            return Expr::var(self.use_one(&local));
        }
        if !same.is_empty() && self.rng.chance(70) {
            return Expr::var(self.use_one(&same));
        }
        let ints = self.find(|v| matches!(v.kind, Kind::Val(Ty::Int(_))));
        let local: Vec<_> = ints.iter().copied().filter(|&(s, _)| s > 0).collect();
        let pool = if !local.is_empty() && self.rng.chance(60) { local } else { ints };
        let name = self.use_one(&pool);
        Expr::var(format!("{}({name})", t.name()))
    }

    fn arith(&mut self, t: IntTy, d: u32) -> Expr {
        let a = self.int_expr(t, d);
        let b = if a.konst { self.int_nonconst(t, d) } else { self.int_expr(t, d) };
        let (a, b) = if self.rng.chance(50) { (a, b) } else { (b, a) };
        let op = self.rng.pick(&ARITH);
        Expr::var(format!("({} {op} {})", a.text, b.text))
    }

    fn shift(&mut self, t: IntTy, d: u32) -> Expr {
        let x = self.int_nonconst(t, d).text;
        let op = if self.rng.chance(50) { "<<" } else { ">>" };
        let negative = self.has(Feature::DivZero) && !self.frame().calm && self.rng.chance(15);
        let count = match self.rng.weighted(&[6, 3, u32::from(negative)]) {
            0 => self.rng.range(0, i64::from(t.bits()) + 4).to_string(),
            1 => {
                let from = *self.rng.pick(&INT_TYS);
                let y = self.int_nonconst(from, d).text;
                format!("(uint({y}) & 63)")
            }
            _ => {
                // A signed count in -7..=7: negative ones panic at run time.
                let y = self.int_nonconst(IntTy::Int, d).text;
                format!("({y} % 8)")
            }
        };
        Expr::var(format!("({x} {op} {count})"))
    }

    fn safe_div(&mut self, t: IntTy, d: u32) -> Expr {
        let op = if self.rng.chance(60) { "/" } else { "%" };
        if self.rng.chance(40) {
            let x = self.int_nonconst(t, d).text;
            let c = self.rng.range(1, 9);
            return Expr::var(format!("({x} {op} {c})"));
        }
        let x = self.int_expr(t, d).text;
        let y = self.int_nonconst(t, d).text;
        Expr::var(format!("({x} {op} ({y} | 1))"))
    }

    fn maybe_zero_div(&mut self, t: IntTy, d: u32) -> Expr {
        let op = if self.rng.chance(60) { "/" } else { "%" };
        let x = self.int_expr(t, d).text;
        let y = self.int_leaf(t).text;
        let divisor = match self.rng.below(3) {
            0 => y,
            1 => format!("({y} & 1)"),
            _ => format!("({y} & 3)"),
        };
        Expr::var(format!("({x} {op} {divisor})"))
    }

    /// `T(len(s))`, `T(s[i])` with an in-range index, or (feature `oob`) an
    /// index that may be out of range.
    fn string_derived(&mut self, t: IntTy, d: u32) -> Expr {
        let strs = self.find(|v| is_str_var(v) && v.nonempty);
        let s = self.use_one(&strs);
        let tn = t.name();
        let oob = self.has(Feature::Oob) && !self.frame().calm && self.rng.chance(20);
        match self.rng.weighted(&[2, 2, 1, 2, u32::from(oob)]) {
            0 => Expr::var(format!("{tn}(len({s}))")),
            1 => Expr::var(format!("{tn}({s}[0])")),
            2 => Expr::var(format!("{tn}({s}[len({s})-1])")),
            3 => {
                let from = *self.rng.pick(&INT_TYS);
                let x = self.int_nonconst(from, d).text;
                Expr::var(format!("{tn}({s}[(int({x})&7)%len({s})])"))
            }
            _ => {
                let from = *self.rng.pick(&INT_TYS);
                let x = self.int_nonconst(from, d).text;
                Expr::var(format!("{tn}({s}[int({x})&7])"))
            }
        }
    }

    /// A call of something returning exactly one `ty`, if any is affordable.
    pub(super) fn call_expr(&mut self, ty: Ty) -> Option<Expr> {
        let ts = self.targets(|r| r.len() == 1 && r[0] == ty);
        if self.has(Feature::Generics)
            && (ts.is_empty() || self.rng.chance(30))
            && let Some(call) = self.generic_call_expr(ty)
        {
            return Some(Expr::var(call));
        }
        if ts.is_empty() {
            return None;
        }
        let t = self.rng.pick(&ts).clone();
        Some(Expr::var(self.call_text(&t)))
    }

    // ---- booleans ----

    /// A boolean expression.
    pub(super) fn bool_expr(&mut self, depth: u32) -> Expr {
        if depth == 0 || self.rng.chance(20) {
            return self.bool_leaf();
        }
        let d = depth - 1;
        let strings = self.has(Feature::Strings);
        match self.rng.weighted(&[5, 2 * u32::from(strings), 1, 2, 1]) {
            0 => self.nonconst(Ty::Bool, depth),
            1 => {
                let a = self.str_expr(d, &mut 1);
                let b = if a.konst { self.str_nonconst(d, &mut 1) } else { self.str_expr(d, &mut 1) };
                let op = self.rng.pick(&CMP);
                Expr::var(format!("({} {op} {})", a.text, b.text))
            }
            2 => Expr::var(format!("(!{})", self.bool_expr(d).text)),
            3 => {
                let a = self.bool_expr(d).text;
                let b = self.bool_expr(d).text;
                let op = if self.rng.chance(50) { "&&" } else { "||" };
                Expr::var(format!("({a} {op} {b})"))
            }
            _ => self.call_expr(Ty::Bool).unwrap_or_else(|| self.bool_leaf()),
        }
    }

    fn bool_leaf(&mut self) -> Expr {
        let bools = self.find(|v| matches!(v.kind, Kind::Val(Ty::Bool)));
        let local: Vec<_> = bools.iter().copied().filter(|&(s, _)| s > 0).collect();
        if !local.is_empty() && self.rng.chance(60) {
            return Expr::var(self.use_one(&local));
        }
        if self.rng.chance(25) {
            let b = if self.rng.chance(50) { "true" } else { "false" };
            return Expr::konst(b.to_string());
        }
        Expr::var(self.use_one(&bools))
    }

    // ---- strings ----

    /// A string expression reading at most `*refs` string variables or
    /// string-valued calls (each read decrements `*refs`).
    pub(super) fn str_expr(&mut self, depth: u32, refs: &mut u32) -> Expr {
        if depth == 0 || self.rng.chance(30) {
            if *refs > 0 && self.rng.chance(60) {
                return self.str_leaf(refs);
            }
            return Expr::konst(format!("{:?}", self.rng.pick(&WORDS)));
        }
        self.str_nonconst(depth, refs)
    }

    /// A non-constant string expression.
    pub(super) fn str_nonconst(&mut self, depth: u32, refs: &mut u32) -> Expr {
        let d = depth.saturating_sub(1);
        let sliceable = !self.find(|v| is_str_var(v) && v.nonempty).is_empty();
        let w = [
            4 * u32::from(*refs > 0),              // variable
            3 * u32::from(depth > 0),              // concatenation
            2,                                     // string(rune(x))
            2 * u32::from(*refs > 0 && sliceable), // slice
            u32::from(*refs > 0),                  // call
        ];
        match self.rng.weighted(&w) {
            0 => self.str_leaf(refs),
            1 => {
                let a = self.str_expr(d, refs);
                let b = if a.konst { self.str_nonconst(d, refs) } else { self.str_expr(d, refs) };
                let (a, b) = if self.rng.chance(50) { (a, b) } else { (b, a) };
                Expr { text: format!("({} + {})", a.text, b.text), konst: false, nonempty: a.nonempty || b.nonempty }
            }
            2 => self.rune_string(d),
            3 => {
                *refs -= 1;
                let strs = self.find(|v| is_str_var(v) && v.nonempty);
                let s = self.use_one(&strs);
                let text = if self.rng.chance(50) { format!("{s}[:1]") } else { format!("{s}[len({s})-1:]") };
                Expr { text, konst: false, nonempty: true }
            }
            _ => {
                *refs -= 1;
                self.call_expr(Ty::Str).unwrap_or_else(|| self.rune_string(d))
            }
        }
    }

    /// `string(rune(65 + (int(x) & 31)))`: one printable ASCII character.
    fn rune_string(&mut self, d: u32) -> Expr {
        let from = *self.rng.pick(&INT_TYS);
        let x = self.int_nonconst(from, d).text;
        Expr { text: format!("string(rune(65 + (int({x}) & 31)))"), konst: false, nonempty: true }
    }

    fn str_leaf(&mut self, refs: &mut u32) -> Expr {
        *refs -= 1;
        let strs = self.find(is_str_var);
        let local: Vec<_> = strs.iter().copied().filter(|&(s, _)| s > 0).collect();
        let pool = if !local.is_empty() && self.rng.chance(60) { &local } else { &strs };
        let (s, i) = *self.rng.pick(pool);
        let nonempty = self.scopes[s][i].nonempty;
        let name = self.use_one(&[(s, i)]);
        Expr { text: name, konst: false, nonempty }
    }

    // ---- panic values ----

    /// A value to panic with: mostly one of the values `show` knows,
    /// sometimes a computed one of any type, rarely `nil`.
    pub(super) fn panic_value(&mut self) -> String {
        if self.rng.chance(3) {
            // Go 1.19: a real panic, but recover() returns nil for it.
            return "nil".to_string();
        }
        if self.rng.chance(75) {
            let pool = panic_pool(self.has(Feature::Floats));
            return self.rng.pick(&pool).to_string();
        }
        match self.rng.below(4) {
            0 => {
                let x = self.int_nonconst(IntTy::Int, 1).text;
                format!("E({x})")
            }
            1 => {
                let t = *self.rng.pick(&INT_TYS);
                self.int_nonconst(t, 1).text
            }
            2 if self.has(Feature::Strings) => {
                let s = self.str_nonconst(1, &mut 1).text;
                format!("(\"p:\" + {s})")
            }
            _ => self.nonconst(Ty::Bool, 1).text,
        }
    }
}

/// The constant panic values of generated programs; `show` compares a
/// recovered value with each of them.
pub(super) fn panic_pool(floats: bool) -> Vec<&'static str> {
    let mut pool = vec!["1", "42", "(-7)", "\"boom\"", "\"bang\"", "\"oops\"", "E(1)", "E(2)", "true", "false"];
    if floats {
        pool.extend(["1.5", "(-0.25)"]);
    }
    pool
}

/// A string variable (globals included).
fn is_str_var(v: &super::Var) -> bool {
    matches!(v.kind, Kind::Val(Ty::Str))
}
