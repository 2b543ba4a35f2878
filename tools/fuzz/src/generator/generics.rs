//! Generic code (feature `generics`): type parameters, generic functions
//! and generic types, instantiated from ordinary and from generic code.
//!
//! Every program with the feature declares the same scaffolding: the
//! constraints `Ordered` (`~int | … | ~string`, as `cmp.Ordered` without
//! floats), `Num` (the integer terms) and `Shower` (a method), the types
//! `P` (a struct; `Show` and `String` on the value receiver) and `Q`
//! (`Show` and `String` on the pointer receiver), a `Show` method on `E`,
//! the helper `pv` (prints any value the programs make by a type switch,
//! nil pointers and runtime errors included, never an address), and the
//! generic types `Box[T any]` (struct), `Stack[T any]` (slice), `Set[K
//! comparable]` (map) and `Pair[K comparable, V any]`, whose methods (value
//! and pointer receivers) get random bodies.
//!
//! Then 1–4 generic functions `g_i` with one or two type parameters
//! constrained by `any`, `comparable`, `Ordered`, `Num` or `Shower`, each
//! type parameter the type of at least one parameter (so every call may
//! infer its type arguments), maybe a variadic `...T` and a named result.
//! Their bodies are ordinary random statements mixed with statements on
//! the type parameters' values: copies, zero values, `pv`, deferred calls
//! and deferred literals capturing them, `panic` with them, type switches
//! on `any(x)` (with `case T`) and assertions, `==`, `<`, `min`/`max`,
//! integer arithmetic and conversions, `Show` calls and method values,
//! closures taking and returning `T`, slices and maps of `T`, and calls of
//! later generic functions (`g_i` calls only `g_j`, `j > i`: terminates)
//! and uses of the generic types, instantiated with the type parameters.
//!
//! Ordinary code (not `main`'s calm frames) calls generic functions with
//! explicit, partial or inferred instantiation, with `int`-like types,
//! `bool`, `string`, `P`, `*P`, `*Q` as type arguments: a result of a
//! basic type becomes an ordinary variable (and calls returning one are
//! ordinary expressions), others are printed by `pv`.
//!
//! Invariants, on top of the generator's:
//!
//! * **No address printed, no nil panic value.** Values passed for a
//!   type parameter are never nil pointers (`Var::nonempty` marks such
//!   type-parameter values; zero values of `T` may be nil and are never
//!   panicked with, nor have `Show` called on them outside frames that may
//!   panic); every non-basic type argument has a `String` method, so gc
//!   prints a panic with one without an address.
//! * **Bounded strings.** Nothing concatenates values of a type parameter
//!   (`+` only under `Num`), so a string type argument never grows.
//! * **Terminates.** Generic bodies call no `f_i`; methods call no generic
//!   function and use no generic type; costs are measured as for `f_i`.

use super::types::{INT_TYS, IntTy, Ty, WORDS};
use super::{Frame, Gen, Kind, MAX_MULT};
use crate::features::Feature;

/// Cost allowance of a generic function's body.
const GEN_LIMIT: u64 = 300;
/// Cost allowance of a generic type's method's random part.
const METHOD_LIMIT: u64 = 20;

/// A type parameter's constraint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cons {
    Any,
    Comparable,
    /// `~int | … | ~uint64 | ~string`.
    Ordered,
    /// The integer terms of `Ordered`.
    Num,
    /// `interface { Show() string }`.
    Shower,
}

const CONS: [Cons; 5] = [Cons::Any, Cons::Comparable, Cons::Ordered, Cons::Num, Cons::Shower];

impl Cons {
    fn name(self) -> &'static str {
        match self {
            Cons::Any => "any",
            Cons::Comparable => "comparable",
            Cons::Ordered => "Ordered",
            Cons::Num => "Num",
            Cons::Shower => "Shower",
        }
    }

    /// Whether a type parameter constrained by `self` satisfies `other`.
    fn implies(self, other: Cons) -> bool {
        match other {
            Cons::Any => true,
            Cons::Comparable => self.comparable(),
            Cons::Ordered => matches!(self, Cons::Ordered | Cons::Num),
            Cons::Num | Cons::Shower => self == other,
        }
    }

    fn comparable(self) -> bool {
        matches!(self, Cons::Comparable | Cons::Ordered | Cons::Num)
    }

    /// Every type of the type set is a basic type (never a nil pointer).
    fn basic(self) -> bool {
        matches!(self, Cons::Ordered | Cons::Num)
    }
}

/// A type argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Arg {
    Ty(Ty),
    P,
    PtrP,
    PtrQ,
    /// `type S string`.
    S,
    /// The interface `any` (which satisfies `comparable` since Go 1.20).
    Any,
    /// The interface `Shower`.
    ShowerI,
    /// `Box[X]`, an instance as a type argument.
    BoxOf(Inner),
    /// The current generic body's type parameter `k`.
    Param(usize),
}

/// The type argument of a `Box` used as a type argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Inner {
    Int,
    Str,
    PtrP,
    Param(usize),
}

/// A parameter or result type of a generic function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PTy {
    /// The function's type parameter `k`.
    T(usize),
    Ty(Ty),
}

/// A generic function `g_i`.
#[derive(Clone, Debug)]
struct GFunc {
    name: String,
    tparams: Vec<Cons>,
    params: Vec<PTy>,
    /// A final variadic parameter `...T_k`.
    variadic: Option<usize>,
    result: Option<PTy>,
    cost: u64,
}

/// The methods of the generic types, with their costs.
#[derive(Clone, Copy, Debug)]
enum Method {
    BoxGet,
    BoxSet,
    StackPush,
    StackPop,
    SetAdd,
    PairPut,
}

const METHODS: usize = 6;

/// The generic part of a program being generated.
#[derive(Clone, Debug, Default)]
pub(super) struct Generics {
    funcs: Vec<Option<GFunc>>,
    /// The type parameters of the generic body being generated: name and
    /// constraint. Empty in ordinary code.
    tps: Vec<(String, Cons)>,
    /// Generic functions `g_j` with `j >= min` may be called here.
    min: usize,
    /// The methods' costs, once they exist (not while generating them).
    methods: Option<[u64; METHODS]>,
}

impl Generics {
    /// Whether the code being generated is inside a generic declaration.
    pub(super) fn in_generic(&self) -> bool {
        !self.tps.is_empty()
    }
}

/// Declarations that do not depend on the seed.
const SCAFFOLD: &str = "
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~string
}

type Num interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type Shower interface {
	Show() string
}

type P struct {
	a int
	b string
}

func (p P) Show() string { return \"P\" + p.b }

func (p P) String() string { return \"P{\" + p.b + \"}\" }

type Q struct {
	n int
}

func (q *Q) Show() string { return \"Q\" + string(rune(65+(q.n&15))) }

func (q *Q) String() string { return \"&Q\" }

func (e E) Show() string { return \"E\" + string(rune(65+(int(e)&15))) }

type Box[T any] struct {
	v T
	n int
}

type Stack[T any] []T

type Set[K comparable] map[K]int

type Pair[K comparable, V any] struct {
	k K
	v V
}

type S string

type Wrap[T any] struct {
	Box[T]
	tag string
}

type Getter[T any] interface {
	Get() T
}

func (b Box[T]) String() string { return \"Box\" }

func (s Stack[T]) All(yield func(int, T) bool) {
	for i, v := range s {
		if !yield(i, v) {
			return
		}
	}
}

func getAll[T any, G Getter[T]](gs ...G) []T {
	var out []T
	for _, g := range gs {
		out = append(out, g.Get())
	}
	return out
}
";

impl Gen<'_> {
    /// The generic declarations of the program: scaffolding, `pv`, the
    /// generic types' methods and the generic functions. Costs are known
    /// afterwards.
    pub(super) fn generic_decls(&mut self) -> String {
        let mut text = String::from(SCAFFOLD);
        text.push_str(&self.pv_helper());
        let mut costs = [0; METHODS];
        for (k, m) in
            [Method::BoxGet, Method::BoxSet, Method::StackPush, Method::StackPop, Method::SetAdd, Method::PairPut]
                .into_iter()
                .enumerate()
        {
            let (body, cost) = self.method(m);
            costs[k] = cost;
            text.push('\n');
            text.push_str(&body);
        }
        text.push_str("\nfunc (s Stack[T]) Len() int { return len(s) }\n");
        text.push_str("\nfunc (s Set[K]) Count(k K) int { return s[k] }\n");
        text.push_str("\nfunc (p Pair[K, V]) Key() K { return p.k }\n");
        self.generic.methods = Some(costs);
        let n = self.rng.range(1, 4) as usize;
        self.generic.funcs = vec![None; n];
        let mut bodies = vec![String::new(); n];
        for i in (0..n).rev() {
            bodies[i] = self.gfunc(i);
        }
        for b in bodies {
            text.push('\n');
            text.push_str(&b);
        }
        self.generic.min = 0;
        text
    }

    /// `pv(tag, x)`: prints any value of the programs by its dynamic type.
    fn pv_helper(&self) -> String {
        let mut t = String::from("\nfunc pv(tag string, x any) {\n\tswitch v := x.(type) {\n");
        t.push_str("\tcase nil:\n\t\tprintln(tag, \"nil\")\n");
        t.push_str("\tcase E:\n\t\tprintln(tag, \"E\", v, v.Show())\n");
        let mut tys: Vec<&str> = INT_TYS.iter().skip(1).filter(|t| **t != IntTy::E).map(|t| t.name()).collect();
        tys.extend(["bool", "string", "float64"]);
        for ty in tys {
            t.push_str(&format!("\tcase {ty}:\n\t\tprintln(tag, \"{ty}\", v)\n"));
        }
        t.push_str("\tcase P:\n\t\tprintln(tag, \"P\", v.a, v.b)\n");
        for (ty, fields) in [("P", "v.a, v.b"), ("Q", "v.n")] {
            t.push_str(&format!(
                "\tcase *{ty}:\n\t\tif v == nil {{\n\t\t\tprintln(tag, \"*{ty} nil\")\n\t\t}} else {{\n\t\t\tprintln(tag, \"*{ty}\", {fields})\n\t\t}}\n"
            ));
        }
        t.push_str("\tcase S:\n\t\tprintln(tag, \"S\", string(v))\n");
        for ty in ["int", "string"] {
            t.push_str(&format!("\tcase Box[{ty}]:\n\t\tprintln(tag, \"Box[{ty}]\", v.v, v.n)\n"));
        }
        t.push_str("\tcase error:\n\t\tprintln(tag, \"error\", v.Error())\n");
        t.push_str("\tcase interface{ String() string }:\n\t\tprintln(tag, \"stringer\", v.String())\n");
        t.push_str("\tdefault:\n\t\tprintln(tag, \"other\")\n\t}\n}\n");
        t
    }

    // ---- declarations ----

    /// A method of a generic type: a fixed part that makes it what it is
    /// and a random part; returns its text and cost.
    fn method(&mut self, m: Method) -> (String, u64) {
        let (head, tps, recv, fixed): (&str, &[(&str, Cons)], &str, &[&str]) = match m {
            Method::BoxGet => ("func (b Box[T]) Get() T", &[("T", Cons::Any)], "b.v", &["return b.v"]),
            Method::BoxSet => ("func (b *Box[T]) Set(v T)", &[("T", Cons::Any)], "b.v", &["b.v = v", "b.n++"]),
            Method::StackPush => ("func (s *Stack[T]) Push(v T)", &[("T", Cons::Any)], "", &["*s = append(*s, v)"]),
            Method::StackPop => (
                "func (s *Stack[T]) Pop() T",
                &[("T", Cons::Any)],
                "",
                &[
                    "if len(*s) == 0 {",
                    "\tpanic(\"pop of an empty stack\")",
                    "}",
                    "v := (*s)[len(*s)-1]",
                    "*s = (*s)[:len(*s)-1]",
                    "return v",
                ],
            ),
            Method::SetAdd => ("func (s Set[K]) Add(k K)", &[("K", Cons::Comparable)], "", &["s[k]++"]),
            Method::PairPut => {
                ("func (p *Pair[K, V]) Put(v V)", &[("K", Cons::Comparable), ("V", Cons::Any)], "p.k", &["p.v = v"])
            }
        };
        let param = match m {
            Method::BoxSet | Method::StackPush => Some(("v", 0)),
            Method::SetAdd => Some(("k", 0)),
            Method::PairPut => Some(("v", 1)),
            Method::BoxGet | Method::StackPop => None,
        };
        self.generic.tps = tps.iter().map(|(n, c)| (n.to_string(), *c)).collect();
        self.generic.min = usize::MAX;
        self.out.clear();
        self.indent = 0;
        self.open(head);
        self.push_scope();
        if let Some((p, k)) = param {
            let v = self.declare(p, Kind::TVal(k));
            (v.used, v.readonly, v.nonempty) = (true, true, true);
        }
        if !recv.is_empty() {
            // A field of a type parameter's type, read and written like a
            // variable (its zero value may be nil).
            let v = self.declare(recv, Kind::TVal(0));
            v.used = true;
        }
        let gres = matches!(m, Method::BoxGet | Method::StackPop).then_some(0);
        self.frames.push(Frame { once: true, min_callee: usize::MAX, gres, ..Frame::default() });
        let cost = self.measured(METHOD_LIMIT, |g| {
            for _ in 0..g.rng.range(0, 2) {
                g.stmt();
            }
            g.emit_uses();
        });
        self.frames.pop();
        self.scopes.pop();
        for l in fixed {
            self.line(l);
        }
        self.close();
        self.generic.tps.clear();
        (std::mem::take(&mut self.out), cost + 2)
    }

    /// Generates `g_i` (all `g_j`, `j > i`, exist already) and returns its
    /// text.
    fn gfunc(&mut self, i: usize) -> String {
        let ntp = if self.rng.chance(30) { 2 } else { 1 };
        let names = ["T", "U"];
        let tparams: Vec<Cons> = (0..ntp).map(|_| *self.rng.pick(&CONS)).collect();
        // Each type parameter types at least one parameter, so that every
        // call may infer the type arguments.
        let mut params: Vec<PTy> = (0..ntp).map(PTy::T).collect();
        for _ in 0..self.rng.range(0, 2) {
            let p = if self.rng.chance(50) { PTy::T(self.rng.index(ntp)) } else { PTy::Ty(self.random_ty()) };
            params.push(p);
        }
        self.rng.shuffle(&mut params);
        let variadic = self.rng.chance(20).then(|| self.rng.index(ntp));
        let result = match self.rng.weighted(&[1, 4, 1]) {
            0 => None,
            1 => Some(PTy::T(self.rng.index(ntp))),
            _ => Some(PTy::Ty(self.random_ty())),
        };
        let named = result.is_some() && self.has(Feature::Named) && self.rng.chance(35);
        let name = format!("gf{i}");
        let tp_text: Vec<String> = (0..ntp).map(|k| format!("{} {}", names[k], tparams[k].name())).collect();
        let ty_text = |p: PTy| match p {
            PTy::T(k) => names[k].to_string(),
            PTy::Ty(t) => t.name().to_string(),
        };
        let pnames: Vec<String> = params.iter().map(|_| self.fresh("p")).collect();
        let mut plist: Vec<String> = pnames.iter().zip(&params).map(|(n, &p)| format!("{n} {}", ty_text(p))).collect();
        let xs = self.fresh("xs");
        if let Some(k) = variadic {
            plist.push(format!("{xs} ...{}", names[k]));
        }
        let rname = self.fresh("r");
        let res = match result {
            None => String::new(),
            Some(p) if named => format!(" ({rname} {})", ty_text(p)),
            Some(p) => format!(" {}", ty_text(p)),
        };
        let header = format!("func {name}[{}]({}){res}", tp_text.join(", "), plist.join(", "));

        self.generic.tps = (0..ntp).map(|k| (names[k].to_string(), tparams[k])).collect();
        self.generic.min = i + 1;
        self.out.clear();
        self.indent = 0;
        self.open(&header);
        self.push_scope();
        for (n, &p) in pnames.iter().zip(&params) {
            let v = match p {
                PTy::T(k) => {
                    let v = self.declare(n, Kind::TVal(k));
                    (v.readonly, v.nonempty) = (true, true);
                    v
                }
                PTy::Ty(t) => self.declare(n, Kind::Val(t)),
            };
            v.used = true;
        }
        let mut frame = Frame { once: true, min_callee: usize::MAX, ..Frame::default() };
        match result {
            Some(PTy::T(k)) => frame.gres = Some(k),
            Some(PTy::Ty(t)) => frame.results = vec![t],
            None => {}
        }
        if named {
            frame.named = vec![rname.clone()];
            let kind = match result {
                Some(PTy::T(k)) => Kind::TVal(k),
                Some(PTy::Ty(t)) => Kind::Val(t),
                None => unreachable!("named only with a result"),
            };
            let v = self.declare(&rname, kind);
            (v.used, v.result) = (true, true);
        }
        self.frames.push(frame);
        (self.cost, self.mult, self.limit, self.self_called) = (0, 1, GEN_LIMIT, false);
        if variadic.is_some() {
            self.variadic_prologue(&xs);
        }
        for _ in 0..self.rng.range(3, 8) {
            if self.rng.chance(45) {
                self.charge(1);
                self.generic_stmt();
            } else {
                self.stmt();
            }
        }
        self.emit_uses();
        if result.is_some() || self.rng.chance(20) {
            self.return_stmt();
        }
        self.scopes.pop();
        self.frames.pop();
        self.close();
        self.generic.tps.clear();
        let cost = self.cost.max(1) + 4 * u64::from(variadic.is_some());
        self.generic.funcs[i] = Some(GFunc { name, tparams, params, variadic, result, cost });
        std::mem::take(&mut self.out)
    }

    /// Reads the variadic parameter: its length and elements (at most 3:
    /// callers pass 0–3).
    fn variadic_prologue(&mut self, xs: &str) {
        let tag = self.tag();
        self.line(&format!("println({tag}, len({xs}))"));
        let x = self.fresh("x");
        let tag = self.tag();
        self.line(&format!("for _, {x} := range {xs} {{ pv({tag}, {x}) }}"));
        self.charge(4);
    }

    /// A return of a `T` result: bare when named (half the time).
    pub(super) fn generic_return(&mut self, k: usize) {
        if !self.frame().named.is_empty() && self.rng.chance(50) {
            return self.line("return");
        }
        let v = self.t_value(k);
        self.line(&format!("return {v}"));
    }

    /// Any expression of type parameter `k` (maybe a nil pointer).
    pub(super) fn t_value(&mut self, k: usize) -> String {
        self.t_expr(k, false, 2).unwrap_or_else(|| format!("*new({})", self.generic.tps[k].0))
    }

    // ---- statements ----

    /// How often `stmt` should choose [`Gen::generic_stmt`] here.
    pub(super) fn generic_weight(&self) -> u32 {
        if !self.has(Feature::Generics) || self.frame().calm {
            return 0;
        }
        if self.generic.in_generic() { 5 } else { 2 }
    }

    /// One statement on generic code: a generic call, a generic type's
    /// use, or (in a generic body) a statement on a type parameter's value.
    pub(super) fn generic_stmt(&mut self) {
        let tvals = !self.find(|v| matches!(v.kind, Kind::TVal(_))).is_empty();
        let w = [3, 2 * u32::from(self.generic.methods.is_some()), 7 * u32::from(tvals)];
        match self.rng.weighted(&w) {
            0 => self.gcall_stmt(),
            1 => self.gtype_stmt(),
            _ => self.tval_stmt(),
        }
    }

    /// The generic functions callable here, as (index, a type argument for
    /// each type parameter), affordable.
    fn gcallable(&mut self, want: impl Fn(&GFunc) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        for j in self.generic.min.min(self.generic.funcs.len())..self.generic.funcs.len() {
            if let Some(g) = &self.generic.funcs[j]
                && want(g)
                && self.afford(g.cost)
                && g.tparams.iter().all(|&c| !self.args_for(c).is_empty())
            {
                out.push(j);
            }
        }
        out
    }

    /// The type arguments that satisfy `c` here (a type parameter only
    /// when a non-nil value of it is at hand).
    fn args_for(&self, c: Cons) -> Vec<Arg> {
        let mut out: Vec<Arg> = Vec::new();
        let ints = INT_TYS.iter().skip(1).map(|&t| Arg::Ty(Ty::Int(t)));
        let strings = self.has(Feature::Strings);
        match c {
            Cons::Any | Cons::Comparable => {
                out.extend(ints);
                out.push(Arg::Ty(Ty::Int(IntTy::Int)));
                out.push(Arg::Ty(Ty::Bool));
                if strings {
                    out.push(Arg::Ty(Ty::Str));
                }
                out.extend([Arg::P, Arg::PtrP, Arg::PtrQ, Arg::S, Arg::Any, Arg::ShowerI]);
                out.extend([Arg::BoxOf(Inner::Int), Arg::BoxOf(Inner::PtrP)]);
                if strings {
                    out.push(Arg::BoxOf(Inner::Str));
                }
            }
            Cons::Ordered | Cons::Num => {
                out.extend(ints);
                out.push(Arg::Ty(Ty::Int(IntTy::Int)));
                if c == Cons::Ordered {
                    out.push(Arg::S);
                    if strings {
                        out.push(Arg::Ty(Ty::Str));
                    }
                }
            }
            Cons::Shower => {
                out.extend([Arg::Ty(Ty::Int(IntTy::E)), Arg::P, Arg::PtrP, Arg::PtrQ, Arg::ShowerI]);
            }
        }
        for (k, (_, pc)) in self.generic.tps.iter().enumerate() {
            if !self.tvals(k, true).is_empty() {
                // Type parameters at hand are the likely choice.
                if pc.implies(c) {
                    out.extend([Arg::Param(k); 4]);
                }
                if c == Cons::Any || (c == Cons::Comparable && pc.comparable()) {
                    out.push(Arg::BoxOf(Inner::Param(k)));
                }
            }
        }
        out
    }

    /// Type arguments for `g`'s type parameters.
    fn pick_args(&mut self, g: &GFunc) -> Vec<Arg> {
        g.tparams
            .iter()
            .map(|&c| {
                let args = self.args_for(c);
                *self.rng.pick(&args)
            })
            .collect()
    }

    /// The Go spelling of a type argument.
    fn arg_name(&self, a: Arg) -> String {
        match a {
            Arg::Ty(t) => t.name().to_string(),
            Arg::P => "P".to_string(),
            Arg::PtrP => "*P".to_string(),
            Arg::PtrQ => "*Q".to_string(),
            Arg::S => "S".to_string(),
            Arg::Any => "any".to_string(),
            Arg::ShowerI => "Shower".to_string(),
            Arg::BoxOf(i) => format!("Box[{}]", self.arg_name(inner_arg(i))),
            Arg::Param(k) => self.generic.tps[k].0.clone(),
        }
    }

    /// A non-nil value of type argument `a` that keeps its type where a
    /// type is inferred from it.
    fn arg_value(&mut self, a: Arg) -> String {
        match a {
            Arg::Ty(t) => self.typed_expr(t, 1),
            Arg::P => self.p_lit(),
            Arg::PtrP => format!("&{}", self.p_lit()),
            Arg::PtrQ => format!("&Q{{n: {}}}", self.int_expr(IntTy::Int, 1).text),
            Arg::S => {
                let s = if self.has(Feature::Strings) {
                    self.str_expr(1, &mut 1).text
                } else {
                    format!("{:?}", self.rng.pick(&WORDS))
                };
                format!("S({s})")
            }
            Arg::Any => {
                let inner = *self.rng.pick(&[Arg::Ty(Ty::Int(IntTy::Int)), Arg::Ty(Ty::Int(IntTy::E)), Arg::P, Arg::S]);
                format!("any({})", self.arg_value(inner))
            }
            Arg::ShowerI => {
                let inner = *self.rng.pick(&[Arg::Ty(Ty::Int(IntTy::E)), Arg::P, Arg::PtrP, Arg::PtrQ]);
                format!("Shower({})", self.arg_value(inner))
            }
            Arg::BoxOf(i) => {
                let name = self.arg_name(a);
                let v = self.arg_value(inner_arg(i));
                let n = self.rng.range(0, 9);
                format!("{name}{{v: {v}, n: {n}}}")
            }
            Arg::Param(k) => self.t_expr(k, true, 1).expect("args_for offers only type parameters with values"),
        }
    }

    fn p_lit(&mut self) -> String {
        let a = self.int_expr(IntTy::Int, 1).text;
        let b = if self.has(Feature::Strings) {
            self.str_expr(1, &mut 1).text
        } else {
            format!("{:?}", self.rng.pick(&WORDS))
        };
        format!("P{{a: {a}, b: {b}}}")
    }

    /// A call of `g_j` with type arguments `args`: explicit, partly
    /// explicit or inferred instantiation. Charges its cost.
    fn gcall_text(&mut self, j: usize, args: &[Arg]) -> String {
        self.gcall_with(j, args, false)
    }

    /// [`Gen::gcall_text`]; with `as_value`, the instance is first stored
    /// in a variable (`f := g[int]`, a line written now) and called
    /// through it.
    fn gcall_with(&mut self, j: usize, args: &[Arg], as_value: bool) -> String {
        let g = self.generic.funcs[j].clone().expect("callable functions exist");
        self.charge(g.cost);
        let shown = match self.rng.weighted(&[4, 3, u32::from(args.len() > 1)]) {
            _ if as_value => args.len(),
            0 => 0,
            1 => args.len(),
            _ => 1,
        };
        let inst = if shown == 0 {
            String::new()
        } else {
            let names: Vec<String> = args[..shown].iter().map(|&a| self.arg_name(a)).collect();
            format!("[{}]", names.join(", "))
        };
        let mut vals: Vec<String> = g
            .params
            .iter()
            .map(|&p| match p {
                PTy::T(k) => self.arg_value(args[k]),
                PTy::Ty(t) => self.expr(t, 1).text,
            })
            .collect();
        if let Some(k) = g.variadic {
            for _ in 0..self.rng.range(0, 3) {
                vals.push(self.arg_value(args[k]));
            }
        }
        if as_value {
            let f = self.fresh("fv");
            self.line(&format!("{f} := {}{inst}", g.name));
            return format!("{f}({})", vals.join(", "));
        }
        format!("{}{inst}({})", g.name, vals.join(", "))
    }

    /// A call of a generic function whose result is `ty` (its own result
    /// type, or a type parameter instantiated with `ty`), if any is
    /// callable here.
    pub(super) fn generic_call_expr(&mut self, ty: Ty) -> Option<String> {
        if !self.has(Feature::Generics) || self.frame().calm {
            return None;
        }
        let fits = |g: &GFunc| match g.result {
            Some(PTy::Ty(t)) => t == ty,
            Some(PTy::T(k)) => {
                let c = g.tparams[k];
                match ty {
                    Ty::Int(_) => c != Cons::Shower || ty == Ty::Int(IntTy::E),
                    Ty::Str => matches!(c, Cons::Any | Cons::Comparable | Cons::Ordered),
                    Ty::Bool => matches!(c, Cons::Any | Cons::Comparable),
                }
            }
            None => false,
        };
        let js = self.gcallable(fits);
        if js.is_empty() {
            return None;
        }
        let j = *self.rng.pick(&js);
        let g = self.generic.funcs[j].clone().expect("callable");
        let mut args = self.pick_args(&g);
        if let Some(PTy::T(k)) = g.result {
            args[k] = Arg::Ty(ty);
        }
        Some(self.gcall_text(j, &args))
    }

    /// A generic call as a statement: its result declared (as an ordinary
    /// variable when it is of a basic type), printed, or dropped; or
    /// deferred.
    fn gcall_stmt(&mut self) {
        let js = self.gcallable(|_| true);
        if js.is_empty() {
            return self.print_stmt();
        }
        let j = *self.rng.pick(&js);
        let g = self.generic.funcs[j].clone().expect("callable");
        let args = self.pick_args(&g);
        let as_value = self.rng.chance(15);
        let call = self.gcall_with(j, &args, as_value);
        if self.defer_allowed() && self.rng.chance(15) {
            return self.line(&format!("defer {call}"));
        }
        let res = match g.result {
            None => return self.line(&call),
            Some(PTy::Ty(t)) => Arg::Ty(t),
            Some(PTy::T(k)) => args[k],
        };
        if self.rng.chance(15) {
            return self.line(&call);
        }
        let v = self.fresh("v");
        match res {
            Arg::Ty(t) => {
                self.line(&format!("{v} := {call}"));
                self.declare(&v, Kind::Val(t));
            }
            Arg::Param(k) => {
                self.line(&format!("{v} := {call}"));
                self.declare(&v, Kind::TVal(k)).nonempty = self.generic.tps[k].1.basic();
            }
            Arg::P | Arg::PtrP | Arg::PtrQ | Arg::S | Arg::Any | Arg::ShowerI | Arg::BoxOf(_) => {
                let tag = self.tag();
                self.line(&format!("pv({tag}, {call})"));
            }
        }
    }

    /// A block using a generic type instantiated here: `Box`, `Stack`,
    /// `Set` or `Pair`, with method calls, method values and method
    /// expressions.
    fn gtype_stmt(&mut self) {
        let Some(costs) = self.generic.methods else { return self.print_stmt() };
        // At most four method calls per block.
        let all = costs.iter().max().copied().unwrap_or(0) * 4 + 6;
        if !self.afford(all) {
            return self.print_stmt();
        }
        self.charge(all);
        match self.rng.below(4) {
            0 => self.box_block(),
            1 => self.stack_block(),
            2 => self.set_block(),
            _ => self.pair_block(),
        }
    }

    /// `Box[A]`: a literal or zero value, `Set` and `Get` called directly,
    /// through method values (bound before a change) and expressions.
    fn box_block(&mut self) {
        let args = self.args_for(Cons::Any);
        let a = *self.rng.pick(&args);
        let an = self.arg_name(a);
        let b = self.fresh("b");
        // A Wrap[A] embeds a Box[A]: its methods and field are promoted.
        let wrap = self.rng.chance(30);
        let inner = if wrap { format!("{b}.Box") } else { b.clone() };
        let zero = self.rng.chance(35);
        match (zero, wrap) {
            (false, true) => {
                let v = self.arg_value(a);
                self.line(&format!("{b} := Wrap[{an}]{{Box: Box[{an}]{{v: {v}}}, tag: \"w\"}}"));
            }
            (false, false) => {
                let v = self.arg_value(a);
                let n = self.int_expr(IntTy::Int, 1).text;
                self.line(&format!("{b} := Box[{an}]{{v: {v}, n: {n}}}"));
            }
            (true, true) => self.line(&format!("var {b} Wrap[{an}]")),
            (true, false) => self.line(&format!("var {b} Box[{an}]")),
        }
        let get = self.fresh("m");
        let set = self.fresh("m");
        let mut lines: Vec<String> = Vec::new();
        for _ in 0..self.rng.range(1, 4) {
            let tag = self.tag();
            let line = match self.rng.below(7) {
                0 => format!("{b}.Set({})", self.arg_value(a)),
                1 => format!("pv({tag}, {b}.Get())"),
                2 => format!("{set}({})", self.arg_value(a)),
                3 => format!("pv({tag}, {get}())"),
                4 => format!("(*Box[{an}]).Set(&{inner}, {})", self.arg_value(a)),
                5 => format!("pv({tag}, Box[{an}].Get({inner}))"),
                _ if self.defer_allowed() => format!("defer {b}.Set({})", self.arg_value(a)),
                _ => format!("println({tag}, {b}.n)"),
            };
            lines.push(line);
        }
        // Method values: Get's receiver is copied now, Set's is &b.
        self.line(&format!("{get} := {b}.Get"));
        self.line(&format!("{set} := {b}.Set"));
        for l in lines {
            self.line(&l);
        }
        let tag = self.tag();
        self.line(&format!("pv({tag}, {get}())"));
        let tag = self.tag();
        self.line(&format!("println({tag}, {b}.n)"));
        self.line(&format!("_ = {set}"));
        match self.rng.below(3) {
            0 => {
                // A generic interface holding the instance (or a pointer).
                let gi = self.fresh("gi");
                let amp = if self.rng.chance(50) { "&" } else { "" };
                self.line(&format!("var {gi} Getter[{an}] = {amp}{b}"));
                let tag = self.tag();
                self.line(&format!("pv({tag}, {gi}.Get())"));
            }
            1 => {
                // Partial inference: G from the arguments.
                let r = self.fresh("xs");
                let other = self.arg_value(a);
                self.line(&format!("{r} := getAll[{an}]({inner}, Box[{an}]{{v: {other}}})"));
                let tag = self.tag();
                self.line(&format!("println({tag}, len({r}))"));
                let tag = self.tag();
                self.line(&format!("pv({tag}, {r}[1])"));
            }
            _ => {}
        }
    }

    /// `Stack[A]`: pushes, pops (one too many where a panic is allowed),
    /// `Len`.
    fn stack_block(&mut self) {
        let args = self.args_for(Cons::Any);
        let a = *self.rng.pick(&args);
        let an = self.arg_name(a);
        let s = self.fresh("s");
        self.line(&format!("var {s} Stack[{an}]"));
        let pushes = self.rng.range(0, 3);
        for _ in 0..pushes {
            let v = self.arg_value(a);
            self.line(&format!("{s}.Push({v})"));
        }
        let extra = i64::from(self.may_panic() && self.rng.chance(20));
        for _ in 0..self.rng.range(0, pushes) + extra {
            let tag = self.tag();
            self.line(&format!("pv({tag}, {s}.Pop())"));
        }
        if self.rng.chance(40) {
            let (i, v) = (self.fresh("i"), self.fresh("x"));
            let tag = self.tag();
            self.line(&format!("for {i}, {v} := range {s}.All {{ pv({tag}, {v}); if {i} > 0 {{ break }} }}"));
        }
        let tag = self.tag();
        self.line(&format!("println({tag}, {s}.Len(), len({s}))"));
    }

    /// `Set[K]`: adds (some twice) and counts.
    fn set_block(&mut self) {
        let args = self.args_for(Cons::Comparable);
        let a = *self.rng.pick(&args);
        let an = self.arg_name(a);
        let s = self.fresh("s");
        self.line(&format!("{s} := Set[{an}]{{}}"));
        let k = self.fresh("k");
        let v = self.arg_value(a);
        self.line(&format!("{k} := {v}"));
        self.line(&format!("{s}.Add({k})"));
        for _ in 0..self.rng.range(0, 2) {
            let v = if self.rng.chance(50) { k.clone() } else { self.arg_value(a) };
            self.line(&format!("{s}.Add({v})"));
        }
        let add = self.fresh("m");
        self.line(&format!("{add} := {s}.Add"));
        self.line(&format!("{add}({k})"));
        let tag = self.tag();
        self.line(&format!("println({tag}, len({s}), {s}.Count({k}))"));
    }

    /// `Pair[K, V]`: a literal, `Put` through the pointer receiver, `Key`.
    fn pair_block(&mut self) {
        let ks = self.args_for(Cons::Comparable);
        let k = *self.rng.pick(&ks);
        let vs = self.args_for(Cons::Any);
        let v = *self.rng.pick(&vs);
        let ty = format!("Pair[{}, {}]", self.arg_name(k), self.arg_name(v));
        let p = self.fresh("pr");
        let kv = self.arg_value(k);
        let vv = self.arg_value(v);
        self.line(&format!("{p} := {ty}{{k: {kv}, v: {vv}}}"));
        if self.rng.chance(60) {
            let vv = self.arg_value(v);
            self.line(&format!("{p}.Put({vv})"));
        }
        let tag = self.tag();
        self.line(&format!("pv({tag}, {p}.Key())"));
        let tag = self.tag();
        self.line(&format!("pv({tag}, {p}.v)"));
    }

    // ---- values of type parameters ----

    /// Variables of type parameter `k` in scope (only non-nil ones with
    /// `nonnil`).
    fn tvals(&self, k: usize, nonnil: bool) -> Vec<(usize, usize)> {
        let basic = self.generic.tps.get(k).is_some_and(|t| t.1.basic());
        self.find(|v| matches!(v.kind, Kind::TVal(j) if j == k) && (v.nonempty || !nonnil || basic))
    }

    /// An expression of type parameter `k` (non-nil with `nonnil`), or
    /// None when there is none to make here.
    fn t_expr(&mut self, k: usize, nonnil: bool, depth: u32) -> Option<String> {
        let (tn, cons) = self.generic.tps[k].clone();
        let vals = self.tvals(k, nonnil);
        let have = u32::from(!vals.is_empty());
        let deep = u32::from(depth > 0) * have;
        let num = u32::from(cons == Cons::Num);
        let ordered = u32::from(cons.basic());
        let calls = if depth > 0 {
            self.gcallable(|g| matches!(g.result, Some(PTy::T(r)) if cons.implies(g.tparams[r])))
        } else {
            Vec::new()
        };
        let w = [
            8 * have,                               // a variable
            u32::from(!nonnil) + ordered,           // the zero value
            2 * deep * ordered,                     // min, max
            3 * deep * num,                         // arithmetic
            num,                                    // conversion
            2 * u32::from(!calls.is_empty()),       // generic call
            u32::from(self.has(Feature::Closures)), // func literal called on the spot
        ];
        if w.iter().take(6).all(|&x| x == 0) {
            return None;
        }
        let d = depth.saturating_sub(1);
        Some(match self.rng.weighted(&w) {
            0 => self.use_one(&vals),
            1 => format!("*new({tn})"),
            2 => {
                let a = self.use_one(&vals);
                let b = self.t_expr(k, nonnil, d).unwrap_or_else(|| a.clone());
                let f = if self.rng.chance(50) { "min" } else { "max" };
                format!("{f}({a}, {b})")
            }
            3 => self.t_arith(k, &vals, d),
            4 => {
                let t = *self.rng.pick(&INT_TYS);
                let x = self.int_nonconst(t, 1).text;
                format!("{tn}({x})")
            }
            5 => {
                let j = *self.rng.pick(&calls);
                let g = self.generic.funcs[j].clone().expect("callable");
                let mut args = self.pick_args(&g);
                let Some(PTy::T(r)) = g.result else { unreachable!("filtered on a T result") };
                args[r] = Arg::Param(k);
                self.gcall_text(j, &args)
            }
            _ => {
                // A literal returning a value it captures.
                let inner = self.t_expr(k, nonnil, 0)?;
                let tag = self.tag();
                format!("func() {tn} {{ println({tag}); return {inner} }}()")
            }
        })
    }

    /// Integer arithmetic on a `Num` type parameter: constants stay within
    /// 0..=7, representable in every type of the set.
    fn t_arith(&mut self, k: usize, vals: &[(usize, usize)], d: u32) -> String {
        let a = self.use_one(vals);
        let divzero = self.has(Feature::DivZero) && !self.frame().calm && self.rng.chance(15);
        match self.rng.weighted(&[4, 2, 2, 1, u32::from(divzero)]) {
            0 => {
                let b = self.t_expr(k, true, d).unwrap_or_else(|| self.rng.range(0, 7).to_string());
                let op = self.rng.pick(&["+", "-", "*", "&", "|", "^", "&^"]);
                format!("({a} {op} {b})")
            }
            1 => {
                let op = self.rng.pick(&["<<", ">>"]);
                format!("({a} {op} {})", self.rng.range(0, 9))
            }
            2 => {
                let op = if self.rng.chance(50) { "-" } else { "^" };
                format!("({op}{a})")
            }
            3 => {
                let b = self.use_one(vals);
                let op = if self.rng.chance(50) { "/" } else { "%" };
                format!("({a} {op} ({b} | 1))")
            }
            _ => {
                let b = self.use_one(vals);
                format!("({a} / {b})")
            }
        }
    }

    /// A statement on a value of a type parameter (see the module doc).
    fn tval_stmt(&mut self) {
        let all = self.find(|v| matches!(v.kind, Kind::TVal(_)));
        let loc = *self.rng.pick(&all);
        let Kind::TVal(k) = self.var(loc).kind else { unreachable!("found a T value") };
        let (tn, cons) = self.generic.tps[k].clone();
        let nonnil = self.var(loc).nonempty || cons.basic();
        let panic_ok = self.may_panic();
        let w = [
            3,                                                                        // declaration
            2 * u32::from(!self.writable_tvals(k).is_empty()),                        // assignment
            3,                                                                        // pv
            2 * u32::from(self.defer_allowed()),                                      // defer
            u32::from(panic_ok && nonnil),                                            // panic
            2,                                                                        // type switch
            2,                                                                        // assertion
            2,                                                                        // comparison
            u32::from(cons == Cons::Num),                                             // conversions
            2 * u32::from(cons == Cons::Shower && (nonnil || panic_ok)),              // Show
            u32::from(self.has(Feature::Closures) && self.frame().closure_depth < 2), // closure
            u32::from(self.mult * 2 <= MAX_MULT && self.afford(12)),                  // slice of T
        ];
        match self.rng.weighted(&w) {
            0 => self.tval_decl(k),
            1 => self.tval_assign(k),
            2 => {
                let x = self.use_one(&[loc]);
                let tag = self.tag();
                if cons.basic() && self.rng.chance(40) {
                    self.line(&format!("println({tag}, {x})"));
                } else {
                    self.line(&format!("pv({tag}, {x})"));
                }
            }
            3 => self.tval_defer(loc, k),
            4 => {
                let x = self.use_one(&[loc]);
                let c = self.bool_expr(2).text;
                self.line(&format!("if {c} {{ panic({x}) }}"));
            }
            5 => self.tval_switch(loc, &tn),
            6 => self.tval_assert(loc, &tn),
            7 => self.tval_compare(loc, k),
            8 => {
                let x = self.use_one(&[loc]);
                let tag = self.tag();
                self.line(&format!("println({tag}, int64({x}), uint8({x}), string(rune(65+(int({x})&15))), {x}+1)"));
            }
            9 => {
                let x = self.use_one(&[loc]);
                let tag = self.tag();
                match self.rng.below(4) {
                    0 => self.line(&format!("println({tag}, {x}.Show())")),
                    1 => {
                        let m = self.fresh("m");
                        self.line(&format!("{m} := {x}.Show"));
                        self.line(&format!("println({tag}, {m}())"));
                    }
                    2 => {
                        let s = self.fresh("sh");
                        self.line(&format!("var {s} Shower = {x}"));
                        self.line(&format!("println({tag}, {s}.Show())"));
                    }
                    _ if self.defer_allowed() => self.line(&format!("defer println({tag}, {x}.Show())")),
                    _ => self.line(&format!("println({tag}, {x}.Show())")),
                }
            }
            10 => self.tval_closure(k),
            _ => self.tval_slice(k),
        }
    }

    fn writable_tvals(&self, k: usize) -> Vec<(usize, usize)> {
        self.find(|v| matches!(v.kind, Kind::TVal(j) if j == k) && !v.readonly)
    }

    /// `v := e`, `var v T`, `v := any(x).(T)`.
    fn tval_decl(&mut self, k: usize) {
        let tn = self.generic.tps[k].0.clone();
        let v = self.fresh("v");
        let nonnil = if self.rng.chance(25) {
            self.line(&format!("var {v} {tn}"));
            false
        } else {
            let nonnil = self.rng.chance(50);
            let Some(e) = self.t_expr(k, nonnil, 2) else {
                return self.print_stmt();
            };
            self.line(&format!("{v} := {e}"));
            nonnil
        };
        self.declare(&v, Kind::TVal(k)).nonempty = nonnil;
    }

    /// An assignment to a writable `T` variable (a non-nil one keeps
    /// non-nil values), or `op=` on a `Num` one.
    fn tval_assign(&mut self, k: usize) {
        let targets = self.writable_tvals(k);
        let (s, i) = *self.rng.pick(&targets);
        let v = self.scopes[s][i].clone();
        let cons = self.generic.tps[k].1;
        if cons == Cons::Num && self.rng.chance(40) {
            let line = match self.rng.below(3) {
                0 => format!("{}++", v.name),
                1 => {
                    let op = self.rng.pick(&["+=", "-=", "*=", "|=", "^="]);
                    format!("{} {op} {}", v.name, self.rng.range(0, 7))
                }
                _ => format!("{} <<= 1", v.name),
            };
            return self.line(&line);
        }
        let Some(e) = self.t_expr(k, v.nonempty, 2) else {
            return self.print_stmt();
        };
        self.line(&format!("{} = {e}", v.name));
    }

    /// `defer pv(tag, x)` (x evaluated now), a deferred literal capturing
    /// x (read at exit), or one taking it as an argument whose body may
    /// recover.
    fn tval_defer(&mut self, loc: (usize, usize), k: usize) {
        let x = self.use_one(&[loc]);
        let tag = self.tag();
        match self.rng.below(3) {
            0 => self.line(&format!("defer pv({tag}, {x})")),
            1 => self.line(&format!("defer func() {{ pv({tag}, {x}) }}()")),
            _ => {
                let tn = self.generic.tps[k].0.clone();
                let p = self.fresh("p");
                let nonnil = self.var(loc).nonempty;
                self.open(&format!("defer func({p} {tn})"));
                let limit = self.enter_closure(Frame { deferred: true, ..Frame::default() });
                let cost = self.measured(limit, |g| {
                    g.push_scope();
                    let v = g.declare(&p, Kind::TVal(k));
                    (v.readonly, v.nonempty) = (true, nonnil);
                    g.deferred_body();
                    let tag = g.tag();
                    g.line(&format!("pv({tag}, {p})"));
                    g.scopes.pop();
                });
                self.frames.pop();
                self.close_with(&format!("({x})"));
                self.charge(cost);
            }
        }
    }

    /// `switch v := any(x).(type)` with a `case T` (maybe after cases it
    /// duplicates once instantiated: the first match wins) and cases of
    /// the types the programs use.
    fn tval_switch(&mut self, loc: (usize, usize), tn: &str) {
        let x = self.use_one(&[loc]);
        let v = self.fresh("v");
        self.line(&format!("switch {v} := any({x}).(type) {{"));
        let mut cases: Vec<&str> = vec!["int", "string", "P", "*P", "E", "bool", "uint8", "Shower", "error"];
        self.rng.shuffle(&mut cases);
        cases.truncate(self.rng.range(1, 4) as usize);
        let at = self.rng.index(cases.len() + 1);
        cases.insert(at, tn);
        if self.rng.chance(30) {
            cases.insert(0, "nil");
        }
        for c in cases {
            let tag = self.tag();
            self.line(&format!("case {c}:"));
            let body = match c {
                "int" | "string" | "E" | "bool" | "uint8" => format!("println({tag}, \"{c}\", {v})"),
                "P" => format!("println({tag}, \"P\", {v}.a)"),
                "Shower" | "error" => format!("println({tag}, \"{c}\", {v} != nil)"),
                _ => format!("pv({tag}, {v})"),
            };
            self.line(&format!("\t{body}"));
        }
        if self.rng.chance(60) {
            let tag = self.tag();
            self.line("default:");
            self.line(&format!("\tpv({tag}, {v})"));
        }
        self.line("}");
    }

    /// Comma-ok assertions of `any(x)` to `T` (always true) and to other
    /// types; where a panic is allowed, a plain assertion that may fail.
    fn tval_assert(&mut self, loc: (usize, usize), tn: &str) {
        let x = self.use_one(&[loc]);
        let to = *self.rng.pick(&[tn, tn, "int", "string", "*P", "E"]);
        let (v, ok) = (self.fresh("v"), self.fresh("ok"));
        let tag = self.tag();
        if self.may_panic() && self.rng.chance(25) {
            self.line(&format!("{v} := any({x}).({to})"));
            return self.line(&format!("pv({tag}, {v})"));
        }
        self.line(&format!(
            "if {v}, {ok} := any({x}).({to}); {ok} {{ pv({tag}, {v}) }} else {{ println({tag}, {ok}) }}"
        ));
    }

    /// `==` on comparable type parameters, `<` on ordered ones, `any(x) ==
    /// any(y)` on all (every type argument is comparable), maps keyed by
    /// `T`.
    fn tval_compare(&mut self, loc: (usize, usize), k: usize) {
        let cons = self.generic.tps[k].1;
        let tn = self.generic.tps[k].0.clone();
        let x = self.use_one(&[loc]);
        let others = self.tvals(k, false);
        let y = self.use_one(&others);
        let tag = self.tag();
        if cons.comparable() && self.rng.chance(30) {
            let m = self.fresh("mp");
            self.line(&format!("{m} := map[{tn}]int{{{x}: 1}}"));
            self.line(&format!("{m}[{y}] += 2"));
            return self.line(&format!("println({tag}, len({m}), {m}[{x}], {m}[{y}])"));
        }
        let text = if cons.basic() {
            format!("{x} == {y}, {x} < {y}, {x} >= {y}")
        } else if cons.comparable() {
            format!("{x} == {y}, {x} != {y}")
        } else {
            format!("any({x}) == any({y})")
        };
        self.line(&format!("println({tag}, {text})"));
    }

    /// `c := func(p T) T { ...; return p }` capturing a `T` variable (and
    /// maybe assigning it), then called.
    fn tval_closure(&mut self, k: usize) {
        let tn = self.generic.tps[k].0.clone();
        let arg = self.t_expr(k, true, 1);
        let nonnil = arg.is_some();
        let arg = arg.unwrap_or_else(|| format!("*new({tn})"));
        let c = self.fresh("c");
        let p = self.fresh("p");
        let captured = self.tvals(k, false);
        let writable: Vec<_> = self.writable_tvals(k).into_iter().filter(|&l| !self.var(l).nonempty).collect();
        self.open(&format!("{c} := func({p} {tn}) {tn}"));
        let limit = self.enter_closure(Frame { gres: Some(k), ..Frame::default() });
        let cost = self.measured(limit, |g| {
            g.push_scope();
            let v = g.declare(&p, Kind::TVal(k));
            (v.readonly, v.nonempty, v.used) = (true, nonnil, true);
            if !captured.is_empty() {
                let x = g.use_one(&captured);
                let tag = g.tag();
                g.line(&format!("pv({tag}, {x})"));
            }
            if !writable.is_empty() && g.rng.chance(50) {
                let w = g.name_of(&writable);
                g.line(&format!("{w} = {p}"));
            }
            for _ in 0..g.rng.range(0, 2) {
                g.stmt();
            }
            g.emit_uses();
            g.line(&format!("return {p}"));
            g.scopes.pop();
        });
        self.frames.pop();
        self.close();
        self.charge(cost * 2);
        let r = self.fresh("v");
        self.line(&format!("{r} := {c}({arg})"));
        self.declare(&r, Kind::TVal(k)).nonempty = nonnil;
        if nonnil && self.rng.chance(40) {
            let b = self.t_expr(k, true, 1).unwrap_or_else(|| r.clone());
            let tag = self.tag();
            self.line(&format!("pv({tag}, {c}({b}))"));
        }
    }

    /// A `[]T` literal ranged over, appended to, indexed.
    fn tval_slice(&mut self, k: usize) {
        let tn = self.generic.tps[k].0.clone();
        let xs = self.fresh("xs");
        let a = self.t_expr(k, false, 1).unwrap_or_else(|| format!("*new({tn})"));
        let b = self.t_expr(k, false, 1).unwrap_or_else(|| format!("*new({tn})"));
        self.line(&format!("{xs} := []{tn}{{{a}, {b}}}"));
        if self.rng.chance(50) {
            let c = self.t_expr(k, false, 1).unwrap_or_else(|| format!("*new({tn})"));
            self.line(&format!("{xs} = append({xs}, {c})"));
        }
        let (i, x) = (self.fresh("i"), self.fresh("x"));
        let tag = self.tag();
        self.line(&format!("for {i}, {x} := range {xs} {{ println({tag}, {i}); pv({tag}, {x}) }}"));
        self.charge(12);
        let tag = self.tag();
        self.line(&format!("pv({tag}, {xs}[len({xs})-1])"));
    }
}

/// The type argument a `Box` used as a type argument is instantiated with.
fn inner_arg(i: Inner) -> Arg {
    match i {
        Inner::Int => Arg::Ty(Ty::Int(IntTy::Int)),
        Inner::Str => Arg::Ty(Ty::Str),
        Inner::PtrP => Arg::PtrP,
        Inner::Param(k) => Arg::Param(k),
    }
}

#[cfg(test)]
mod tests {
    use crate::features::Features;
    use crate::generator::generate;

    /// Every construct of the module doc turns up in a sample of programs
    /// (a weight accidentally zeroed, or a form no longer reachable, fails
    /// here).
    #[test]
    fn sample_covers_the_generic_forms() {
        let feat = Features::default();
        let text: String = (0..80).map(|seed| generate(seed, &feat)).collect();
        let forms = [
            "[T any]",
            "[T comparable]",
            "[T Ordered]",
            "[T Num]",
            "[T Shower]",
            ", U ",
            "...T",
            "case T:",
            ".(T)",
            "*new(T)",
            "defer pv(",
            "defer func(p",
            "map[T]int",
            "max(",
            ".Show()",
            "Shower = ",
            "[]T{",
            ":= func(p",
            "fv",
            "Box[Box[",
            "[any]",
            "[S]",
            "Wrap[",
            "Getter[",
            "getAll[",
            ".All {",
            ".Pop()",
            "Set[",
            "Pair[",
            "(*Box[",
        ];
        let missing: Vec<&str> = forms.iter().copied().filter(|f| !text.contains(f)).collect();
        assert!(missing.is_empty(), "80 programs never contain {missing:?}");
    }
}
