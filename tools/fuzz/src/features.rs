//! Which parts of Go the generator may use.
//!
//! A feature set lets the fuzzer follow deft's progress: `--features
//! -defer` fuzzes only the foundation language, `--features +typeswitch`
//! adds what a later issue brings. Every feature is on or off per run; the
//! generator never emits a construct whose feature is off.

use std::fmt;

/// One switchable part of the generated language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// `string` variables: concatenation, `len`, indexing, slicing.
    Strings,
    /// Expression and tagless `switch`, with `fallthrough`.
    Switch,
    /// Function literals capturing variables, called and deferred.
    Closures,
    /// Functions with several results.
    Multi,
    /// Named results and bare `return`.
    Named,
    /// Self-recursive functions with a bounded depth parameter.
    Recursion,
    /// Division and modulo by values that may be zero, negative shift counts.
    DivZero,
    /// String indexing that may be out of range.
    Oob,
    /// `defer` statements (not in loops).
    Defer,
    /// `defer` inside loops (record-based defers in gc).
    LoopDefer,
    /// Functions with 9+ defers, or with returns × defers > 15.
    ManyDefers,
    /// Deferred calls of a nil func value (panics at function exit).
    NilDefer,
    /// `panic` statements, re-panics, panics inside deferred calls.
    Panic,
    /// `recover()` at several depths; needs `any` and interface `==`.
    Recover,
    /// float64 panic values.
    Floats,
    /// The helper that shows a recovered value uses a type switch and
    /// `error.Error()` (a later issue's features).
    TypeSwitch,
    /// Statements whose result depends on gc's order of evaluation: calls
    /// changing what the same statement reads (needs closures).
    Order,
    /// Go 1.22 per-iteration loop variables: three-clause and range loops
    /// whose variables closures, deferred calls and pointers outlive, and
    /// bodies that change them.
    LoopVar,
    /// `for i := range n`, `for range n`, `for i = range n` (Go 1.22).
    RangeInt,
    /// Range over functions (Go 1.23) with well-behaved iterators: bodies
    /// with break, continue, labeled jumps, return, panics, nesting.
    RangeFunc,
    /// Iterators that misbehave (call yield after false or after the loop,
    /// recover a body panic): gc's range-function runtime errors.
    BadYield,
    /// `defer` inside range-over-func loop bodies.
    RangeFuncDefer,
    /// `goto` out of range-over-func loop bodies.
    RangeFuncGoto,
    /// Generic functions and types: type parameters constrained by `any`,
    /// `comparable`, unions and methods, instantiated explicitly and by
    /// inference, with defers, panics and recovers in generic bodies.
    Generics,
}

/// Every feature: name, default, one-line description.
pub const ALL: &[(Feature, &str, bool, &str)] = &[
    (Feature::Strings, "strings", true, "string vars: concat, len, index, slice"),
    (Feature::Switch, "switch", true, "switch statements, fallthrough"),
    (Feature::Closures, "closures", true, "func literals capturing variables"),
    (Feature::Multi, "multi", true, "multiple results"),
    (Feature::Named, "named", true, "named results, bare return"),
    (Feature::Recursion, "recursion", true, "bounded self-recursion"),
    (Feature::DivZero, "divzero", true, "x/y with y maybe 0, negative shifts"),
    (Feature::Oob, "oob", true, "string index maybe out of range"),
    (Feature::Defer, "defer", true, "defer statements"),
    (Feature::LoopDefer, "loopdefer", true, "defer inside loops"),
    (Feature::ManyDefers, "manydefers", true, "9+ defers, returns*defers > 15"),
    (Feature::NilDefer, "nildefer", true, "defer of a nil func value"),
    (Feature::Panic, "panic", true, "panic, re-panic, panic in defers"),
    (Feature::Recover, "recover", true, "recover() at several depths"),
    (Feature::Floats, "floats", true, "float64 panic values"),
    (Feature::TypeSwitch, "typeswitch", false, "show recovered values by type switch"),
    (Feature::Order, "order", true, "calls changing what the same statement reads"),
    (Feature::LoopVar, "loopvar", true, "1.22 loop variables captured, addressed, changed"),
    (Feature::RangeInt, "rangeint", true, "range over integers"),
    (Feature::RangeFunc, "rangefunc", true, "range over func iterators"),
    (Feature::BadYield, "badyield", true, "iterators that misbehave: gc's runtime errors"),
    (Feature::RangeFuncDefer, "rangefuncdefer", true, "defer in range-over-func bodies"),
    (Feature::RangeFuncGoto, "rangefuncgoto", true, "goto out of range-over-func bodies"),
    (Feature::Generics, "generics", true, "generic functions and types, instantiated"),
];

/// A set of enabled features.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    bits: u32,
}

fn bit(f: Feature) -> u32 {
    1 << (f as u32)
}

impl Default for Features {
    fn default() -> Self {
        let bits = ALL.iter().filter(|e| e.2).map(|e| bit(e.0)).fold(0, |a, b| a | b);
        Features { bits }
    }
}

impl Features {
    /// No feature at all: straight-line integer and bool code, loops, ifs.
    pub fn none() -> Self {
        Features { bits: 0 }
    }

    /// Whether `f` is on. Features that build on `defer` count as off when
    /// `defer` is off.
    pub fn has(&self, f: Feature) -> bool {
        let needs_defer = matches!(f, Feature::LoopDefer | Feature::ManyDefers | Feature::NilDefer | Feature::Recover);
        if needs_defer && self.bits & bit(Feature::Defer) == 0 {
            return false;
        }
        if f == Feature::NilDefer && !self.has(Feature::Closures) {
            return false;
        }
        let needs_rangefunc = matches!(f, Feature::BadYield | Feature::RangeFuncDefer | Feature::RangeFuncGoto);
        if needs_rangefunc && !self.has(Feature::RangeFunc) {
            return false;
        }
        if f == Feature::RangeFuncDefer && self.bits & bit(Feature::Defer) == 0 {
            return false;
        }
        self.bits & bit(f) != 0
    }

    /// Applies a comma-separated list to the defaults: `name` or `+name`
    /// turns a feature on, `-name` off, `all` and `none` set every feature.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut set = Features::default();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (on, name) = match item.as_bytes()[0] {
                b'-' => (false, &item[1..]),
                b'+' => (true, &item[1..]),
                _ => (true, item),
            };
            match name {
                "all" if on => set.bits = ALL.iter().map(|e| bit(e.0)).fold(0, |a, b| a | b),
                "none" | "all" => set.bits = 0,
                _ => {
                    let Some(e) = ALL.iter().find(|e| e.1 == name) else {
                        return Err(format!("unknown feature {name:?} (see --list-features)"));
                    };
                    if on {
                        set.bits |= bit(e.0);
                    } else {
                        set.bits &= !bit(e.0);
                    }
                }
            }
        }
        Ok(set)
    }
}

impl fmt::Display for Features {
    /// The effective features (those [`Features::has`] reports) as a
    /// comma-separated list, in table order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = ALL.iter().filter(|e| self.has(e.0)).map(|e| e.1).collect();
        if names.is_empty() {
            return f.write_str("none");
        }
        f.write_str(&names.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::{Feature, Features};

    #[test]
    fn parse_applies_in_order() {
        let f = Features::parse("-defer,+typeswitch").unwrap();
        assert!(!f.has(Feature::Defer));
        assert!(!f.has(Feature::Recover), "recover needs defer");
        assert!(f.has(Feature::TypeSwitch));
        let g = Features::parse("none,closures").unwrap();
        assert!(g.has(Feature::Closures) && !g.has(Feature::Strings));
        assert!(Features::parse("bogus").is_err());
    }

    #[test]
    fn display_round_trips() {
        let f = Features::parse("none,defer,panic").unwrap();
        assert_eq!(f.to_string(), "defer,panic");
        assert_eq!(Features::parse(&format!("none,{f}")).unwrap(), f);
        let g = Features::parse("-defer").unwrap();
        assert!(!g.to_string().contains("recover"), "shows only effective features: {g}");
    }
}
