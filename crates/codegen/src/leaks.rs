//! Pointer flow: which pointers a function makes can stay in its frame,
//! and which of its parameters leak.
//!
//! gc's escape analysis, cut down to what deft's frames need. Within one
//! function, every pointer value comes from a *node*: a local's value
//! ([`Node::Local`]: a struct or array local is a bag of the pointers of
//! its fields and elements), a local's address ([`Node::Addr`]: `&x`,
//! `&x.f`, `x[:]` of an array `x`), or a slice literal's backing array
//! ([`Node::Lit`]: also a variadic call's `...` arguments, the copy a
//! conversion between strings and byte slices makes, and a closure
//! object). A walk of the
//! body records where each expression's pointers go: into a local (an
//! edge), nowhere that outlives the evaluation (a load through it, `len`,
//! an argument of a direct call whose parameter does not leak), or
//! somewhere the analysis does not follow (it *escapes*): a store through
//! a pointer, into a global, a map, a channel, an `append`ed element, a
//! slice literal's element, a result, a closure's captures, an interface
//! call, a func value's arguments, a `go` or `defer` statement, `panic`. Escape is the
//! default for whatever is not understood. Propagating escape backwards
//! along the edges gives the nodes that escape; the others cannot
//! outlive the activation.
//!
//! Loads through a pointer (`*p`, `s[i]` of a slice, `m[k]`) give
//! *contents*, which carry none of the pointer's own nodes. That is sound
//! because no frame object's address is ever stored in memory the
//! analysis does not see: stores through pointers, slice literals'
//! elements and appended values escape, and a local whose address is
//! taken (or that lives in a heap cell) has its value escape, since it can
//! be read through pointers the walk does not follow.
//!
//! A node made inside a loop (a slice literal there, or the address of a
//! local declared there) has one frame slot for all its iterations, so it
//! escapes as soon as it flows into any local: only direct uses (call
//! arguments, `len`, indexing) keep it in the frame. A function with
//! labels (whose `goto`s may loop) counts as all loop.
//!
//! **Parameter summaries.** A parameter *leaks* when its value's node
//! escapes in its function. A direct call passes an argument to a
//! parameter that does not leak without its pointers escaping. Only the
//! summaries of functions that are not the user's own are used (deft's
//! library, Go's standard packages, generated code and instances:
//! [`lower::ir::Func::on_demand`]), so that code compiled for one package
//! of the main module never depends on another's function bodies (the
//! package cache compiles each package on its own); a call of user code
//! leaks every argument. External (Rust) functions leak every argument;
//! mutually recursive functions are summarised together ([`Summaries`]).
//! `internal/abi.NoEscape` leaks nothing, as in gc: it exists to hide a
//! pointer from escape analysis (`strings.Builder`'s pointer to itself),
//! on the standard library's word that the object does not outlive the
//! pointer's uses; deft never moves a stack, so the word is easier kept
//! than in gc.
//!
//! Invariant: a node that does not escape is never reachable after its
//! function returns, from another goroutine, or from an earlier or later
//! iteration of the loop that made it.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lower::ir::{
    Call, Callee, ChanOp, Expr, ExprKind, FuncId, IntTy, LocalId, Place, Program, SelectDir, Stmt, TyKind,
};

/// Where pointers come from (see the module doc).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Node {
    Local(LocalId),
    Addr(LocalId),
    Lit(*const Expr),
}

/// The result of the analysis of one function.
#[derive(Default)]
pub struct Flow {
    escaping: HashSet<Node>,
}

impl Flow {
    /// Whether the object expression `e` makes (a slice literal's backing
    /// array, a byte conversion's copy, a closure object: [`Node::Lit`])
    /// goes nowhere that outlives the activation, so it may be in the frame.
    pub fn object_stays(&self, e: &Expr) -> bool {
        !self.escaping.contains(&Node::Lit(e))
    }

    /// Whether the address of local `l` goes nowhere that outlives the
    /// activation (its cell may be a frame slot as far as addresses go).
    pub fn addr_stays(&self, l: LocalId) -> bool {
        !self.escaping.contains(&Node::Addr(l))
    }
}

/// Parameter summaries, made on demand once per function.
///
/// Mutually recursive functions (json's `consumeValue` and
/// `consumeObject`, passing a `*ValueFlags` round) are summarised
/// together, optimistically, as gc's escape analysis does a strongly
/// connected component: a call of a function whose summary is being made
/// answers from a *guess* (at first: no parameter leaks), and a summary
/// that used a guess is *tentative*, tied to the deepest-first function on
/// the stack whose guess it used. When that function's analysis is done,
/// its result is compared with its guess: equal, it and the summaries tied
/// to it are final; else the guess grows to the result, the tied
/// summaries are dropped and the function is analysed again. More leaking
/// parameters in the callees never make fewer leak in the caller, so the
/// guesses only grow and the iteration ends.
#[derive(Default)]
pub struct Summaries {
    made: HashMap<FuncId, Summary>,
    /// Per function being summarised (outermost first): the shallowest
    /// stack depth whose guess its analysis used so far.
    stack: Vec<usize>,
}

/// Whether each parameter leaks, in one of the states above.
enum Summary {
    Guess { depth: usize, leaks: Rc<[bool]> },
    Tentative { tied_to: usize, leaks: Rc<[bool]> },
    Final(Rc<[bool]>),
}

impl Summaries {
    /// Takes `leaks` as `g`'s final summary, made by the compilation of
    /// the unit whose code `g` is (its body is not lowered here).
    pub fn give(&mut self, g: FuncId, leaks: &[bool]) {
        self.made.insert(g, Summary::Final(leaks.into()));
    }

    /// The final summaries made, by function.
    pub fn finals(&self) -> impl Iterator<Item = (FuncId, &[bool])> {
        self.made.iter().filter_map(|(&g, s)| match s {
            Summary::Final(leaks) => Some((g, &leaks[..])),
            _ => None,
        })
    }

    /// Whether argument `i` of a direct call of `g` may outlive the call
    /// (see the module doc for whose summaries count).
    fn leaks(&mut self, prog: &Program, g: FuncId, i: usize) -> bool {
        let f = &prog.funcs[g.0 as usize];
        if f.name == "internal/abi.NoEscape" {
            return false;
        }
        if !f.on_demand {
            return true;
        }
        if let Some(leaks) = crate::intrinsics::leaks_operand(&f.name, i) {
            return leaks;
        }
        self.summary_says(prog, g, i)
    }

    /// Whether closure function `g`'s code may leak the value of its
    /// capture `k`. A closure is compiled with the function that makes it,
    /// so its summary counts whoever's it is.
    fn capture_leaks(&mut self, prog: &Program, g: FuncId, k: usize) -> bool {
        let nparams = prog.funcs[g.0 as usize].params.len();
        self.summary_says(prog, g, nparams + k)
    }

    /// Entry `i` of `g`'s summary: its parameters', then its captures'.
    fn summary_says(&mut self, prog: &Program, g: FuncId, i: usize) -> bool {
        let f = &prog.funcs[g.0 as usize];
        let given = matches!(self.made.get(&g), Some(Summary::Final(_)));
        if f.external || (prog.not_lowered.contains(&g) && !given) {
            return true;
        }
        let (leaks, tied_to) = match self.made.get(&g) {
            Some(Summary::Final(leaks)) => (leaks.clone(), None),
            Some(Summary::Guess { depth, leaks }) => (leaks.clone(), Some(*depth)),
            Some(Summary::Tentative { tied_to, leaks }) => (leaks.clone(), Some(*tied_to)),
            None => self.summarise(prog, g),
        };
        if let (Some(d), Some(low)) = (tied_to, self.stack.last_mut()) {
            *low = (*low).min(d);
        }
        leaks.get(i).copied().unwrap_or(true)
    }

    /// Makes `g`'s summary: (the leaks, the depth it is tied to if tentative).
    fn summarise(&mut self, prog: &Program, g: FuncId) -> (Rc<[bool]>, Option<usize>) {
        let depth = self.stack.len();
        let f = &prog.funcs[g.0 as usize];
        let mut guess: Rc<[bool]> = vec![false; f.params.len() + f.captures.len()].into();
        loop {
            self.made.insert(g, Summary::Guess { depth, leaks: guess.clone() });
            self.stack.push(usize::MAX);
            let flow = analyse(prog, g, self);
            let low = self.stack.pop().unwrap_or(usize::MAX);
            let leaks: Rc<[bool]> = f
                .params
                .iter()
                .chain(&f.captures)
                .zip(guess.iter())
                .map(|(p, &was)| was || flow.escaping.contains(&Node::Local(*p)))
                .collect();
            if low < depth {
                // What used g's guess now rests on the shallower one too.
                for s in self.made.values_mut() {
                    if let Summary::Tentative { tied_to, .. } = s
                        && *tied_to == depth
                    {
                        *tied_to = low;
                    }
                }
                self.made.insert(g, Summary::Tentative { tied_to: low, leaks: leaks.clone() });
                return (leaks, Some(low));
            }
            // Only what used g's guess (then low == depth) is tied to it:
            // most functions are in no cycle and skip the scans of `made`.
            if low == depth {
                if leaks != guess {
                    self.made.retain(|_, s| !matches!(s, Summary::Tentative { tied_to, .. } if *tied_to == depth));
                    guess = leaks;
                    continue;
                }
                for s in self.made.values_mut() {
                    if let Summary::Tentative { tied_to, leaks } = s
                        && *tied_to == depth
                    {
                        *s = Summary::Final(leaks.clone());
                    }
                }
            }
            self.made.insert(g, Summary::Final(leaks.clone()));
            return (leaks, None);
        }
    }
}

/// Analyses function `fid` (see the module doc).
pub fn analyse(prog: &Program, fid: FuncId, sums: &mut Summaries) -> Flow {
    let f = &prog.funcs[fid.0 as usize];
    let mut w = Walk {
        prog,
        sums,
        escaping: HashSet::new(),
        into: HashMap::new(),
        loops: u32::from(has_labels(&f.body)),
        in_loop: HashSet::new(),
    };
    for (i, l) in f.locals.iter().enumerate() {
        if l.heap {
            w.escaping.insert(Node::Local(LocalId(i as u32)));
        }
    }
    w.escaping.extend(f.results.iter().map(|l| Node::Local(*l)));
    w.stmts(&f.body);
    w.finish()
}

/// Whether a body has labels (a `goto` may make a loop of any part).
fn has_labels(list: &[Stmt]) -> bool {
    struct Labels(bool);
    impl lower::walk::Visitor for Labels {
        fn stmt(&mut self, s: &Stmt) -> bool {
            self.0 |= matches!(s, Stmt::Label(_));
            !self.0
        }
    }
    let mut v = Labels(false);
    lower::walk::walk_stmts(list, &mut v);
    v.0
}

/// Where a stored value's pointers go.
enum Sink {
    Escape,
    Into(LocalId),
}

/// The walk of one body.
struct Walk<'a> {
    prog: &'a Program,
    sums: &'a mut Summaries,
    escaping: HashSet<Node>,
    /// The nodes whose pointers flow into each local, and into each
    /// closure object (its captured values).
    into: HashMap<Node, Vec<Node>>,
    /// Depth of loops around the statement being walked.
    loops: u32,
    /// Nodes made inside a loop: slice literals, and the addresses of
    /// locals declared there.
    in_loop: HashSet<Node>,
}

impl Walk<'_> {
    fn finish(mut self) -> Flow {
        // A node of a loop stored in a local may meet its next iteration.
        for ns in self.into.values() {
            self.escaping.extend(ns.iter().filter(|n| self.in_loop.contains(n)));
        }
        let mut work: Vec<Node> = self.escaping.iter().copied().collect();
        while let Some(n) = work.pop() {
            for m in self.into.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                if self.escaping.insert(*m) {
                    work.push(*m);
                }
            }
        }
        Flow { escaping: self.escaping }
    }

    fn sink(&mut self, sink: Sink, nodes: Vec<Node>) {
        match sink {
            Sink::Escape => self.escaping.extend(nodes),
            Sink::Into(l) => self.into.entry(Node::Local(l)).or_default().extend(nodes),
        }
    }

    fn escape(&mut self, e: &Expr) {
        let ns = self.value(e);
        self.escaping.extend(ns);
    }

    fn discard(&mut self, e: &Expr) {
        self.value(e);
    }

    fn stmts(&mut self, list: &[Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Decl(l) => {
                if self.loops > 0 {
                    self.in_loop.insert(Node::Addr(*l));
                }
            }
            Stmt::Eval(e) => self.discard(e),
            Stmt::Assign(p, e) => {
                let sink = self.place_sink(p);
                let ns = self.value(e);
                self.sink(sink, ns);
            }
            Stmt::AssignMulti(ps, e) => {
                let sinks: Vec<Sink> = ps.iter().flatten().map(|p| self.place_sink(p)).collect();
                let ns = self.value(e);
                for sink in sinks {
                    self.sink(sink, ns.clone());
                }
            }
            Stmt::If { cond, then, els } => {
                self.discard(cond);
                self.stmts(then);
                self.stmts(els);
            }
            Stmt::Loop { cond, body, post, .. } => {
                self.loops += 1;
                cond.iter().for_each(|c| self.discard(c));
                self.stmts(body);
                self.stmts(post);
                self.loops -= 1;
            }
            Stmt::Block { body, .. } => self.stmts(body),
            Stmt::TypeSwitch { x, arms, miss, .. } => {
                self.discard(x);
                arms.iter().for_each(|a| self.stmts(a));
                self.stmts(miss);
            }
            Stmt::Break(_) | Stmt::Continue(_) | Stmt::Label(_) | Stmt::Goto(_) | Stmt::Return(_) => {}
            Stmt::Go(call) | Stmt::Defer { call, .. } => self.call(call, false),
            Stmt::Select { cases, default } => {
                for c in cases {
                    if let SelectDir::Send(l) = c.dir {
                        self.escaping.insert(Node::Local(l));
                    }
                    self.stmts(&c.body);
                }
                default.iter().for_each(|d| self.stmts(d));
            }
        }
    }

    /// A call; `now` when it is made right there (not by `go` or `defer`),
    /// so that summaries apply to its arguments.
    fn call(&mut self, c: &Call, now: bool) {
        match &c.callee {
            Callee::Func(g) => {
                for (i, a) in c.args.iter().enumerate() {
                    if now && !self.sums.leaks(self.prog, *g, i) {
                        self.discard(a);
                    } else {
                        self.escape(a);
                    }
                }
            }
            // Calling a func value keeps nothing of it (its code cannot
            // reach its own closure object but through a captured
            // variable, whose cell escapes).
            Callee::Value(e) if now => {
                self.discard(e);
                c.args.iter().for_each(|a| self.escape(a));
            }
            Callee::Value(e) | Callee::Interface(e, _) => {
                self.escape(e);
                c.args.iter().for_each(|a| self.escape(a));
            }
        }
    }

    /// Walks a stored-to place's operands; where the stored value goes.
    fn place_sink(&mut self, p: &Place) -> Sink {
        match p {
            Place::Local(l) => Sink::Into(*l),
            Place::Field(inner, _) => self.place_sink(inner),
            Place::ArrayIndex(inner, i) => {
                self.discard(i);
                self.place_sink(inner)
            }
            Place::Global(_) => Sink::Escape,
            Place::Deref(x) => {
                self.discard(x);
                Sink::Escape
            }
            Place::SliceIndex(x, i) => {
                self.discard(x);
                self.discard(i);
                Sink::Escape
            }
            Place::MapIndex(m, k) => {
                self.discard(m);
                self.escape(k);
                Sink::Escape
            }
        }
    }

    /// The nodes whose pointers a load of `p` gives.
    fn load(&mut self, p: &Place) -> Vec<Node> {
        match p {
            Place::Local(l) => vec![Node::Local(*l)],
            Place::Field(inner, _) => self.load(inner),
            Place::ArrayIndex(inner, i) => {
                self.discard(i);
                self.load(inner)
            }
            Place::Global(_) => Vec::new(),
            Place::Deref(x) => {
                self.discard(x);
                Vec::new()
            }
            Place::SliceIndex(x, i) | Place::MapIndex(x, i) => {
                self.discard(x);
                self.discard(i);
                Vec::new()
            }
        }
    }

    /// The nodes whose pointers `&p` carries.
    fn addr(&mut self, p: &Place) -> Vec<Node> {
        match p {
            Place::Local(l) => {
                // Its value can now be read through the address.
                self.escaping.insert(Node::Local(*l));
                vec![Node::Addr(*l)]
            }
            Place::Field(inner, _) => self.addr(inner),
            Place::ArrayIndex(inner, i) => {
                self.discard(i);
                self.addr(inner)
            }
            Place::Global(_) => Vec::new(),
            Place::Deref(x) => self.value(x),
            Place::SliceIndex(x, i) => {
                self.discard(i);
                self.value(x)
            }
            Place::MapIndex(m, k) => {
                self.escape(m);
                self.escape(k);
                Vec::new()
            }
        }
    }

    fn is_array(&self, e: &Expr) -> bool {
        matches!(self.prog.types[e.ty.0 as usize].kind, TyKind::Array(..))
    }

    /// Whether converting `x` to `to`'s type copies bytes: `string(b)` or
    /// `[]byte(s)` of a byte slice `b` or string `s`.
    fn copies_bytes(&self, x: &Expr, to: &Expr) -> bool {
        let kind = |e: &Expr| &self.prog.types[e.ty.0 as usize].kind;
        let is_bytes = |e: &Expr| match kind(e) {
            TyKind::Slice(et) => matches!(self.prog.types[et.0 as usize].kind, TyKind::Int(IntTy { bits: 8, .. })),
            _ => false,
        };
        match (kind(x), kind(to)) {
            (TyKind::String, TyKind::Slice(_)) => is_bytes(to),
            (TyKind::Slice(_), TyKind::String) => is_bytes(x),
            _ => false,
        }
    }

    /// The value of an expression that makes object `n` (see the module
    /// doc for objects made in loops).
    fn made(&mut self, n: Node) -> Vec<Node> {
        if self.loops > 0 {
            self.in_loop.insert(n);
        }
        vec![n]
    }

    /// Walks `e`; the nodes whose pointers its value carries.
    fn value(&mut self, e: &Expr) -> Vec<Node> {
        match &e.kind {
            ExprKind::Const(_)
            | ExprKind::Global(_)
            | ExprKind::FuncValue(_)
            | ExprKind::New
            | ExprKind::Recover
            | ExprKind::FramePointer
            | ExprKind::Zero
            | ExprKind::PanicWrap { .. } => Vec::new(),
            ExprKind::Local(l) => vec![Node::Local(*l)],
            // The closure object holds its captures (their values, or
            // their cells' addresses, which escape as heap locals): those
            // its code may leak escape, the others go where it goes.
            ExprKind::Closure { func, captures } => {
                let object = Node::Lit(e);
                for (k, c) in captures.iter().enumerate() {
                    if self.sums.capture_leaks(self.prog, *func, k) {
                        self.escaping.insert(Node::Local(*c));
                    } else {
                        self.into.entry(object).or_default().push(Node::Local(*c));
                    }
                }
                self.made(object)
            }
            // A conversion between strings and byte slices copies: its
            // result is a new object, which may live in the frame.
            ExprKind::Convert(x) if self.copies_bytes(x, e) => {
                self.discard(x);
                self.made(Node::Lit(e))
            }
            ExprKind::Unary(_, x)
            | ExprKind::Convert(x)
            | ExprKind::ToInterface(x)
            | ExprKind::DataPtr(x)
            | ExprKind::ComplexPart { x, .. }
            | ExprKind::TypeAssert { x, .. } => self.value(x),
            ExprKind::Binary(_, x, y) | ExprKind::AndAnd(x, y) | ExprKind::OrOr(x, y) => {
                let mut ns = self.value(x);
                ns.extend(self.value(y));
                ns
            }
            ExprKind::FromPointer(p, n) => {
                self.discard(n);
                self.value(p)
            }
            ExprKind::Call(c) => {
                self.call(c, true);
                Vec::new()
            }
            ExprKind::Len(x) | ExprKind::Cap(x) | ExprKind::Clear(x) => {
                self.discard(x);
                Vec::new()
            }
            ExprKind::MakeSlice { len, cap } => {
                self.discard(len);
                cap.iter().for_each(|c| self.discard(c));
                Vec::new()
            }
            ExprKind::Append(s, vals) => {
                let ns = self.value(s);
                vals.iter().for_each(|v| self.escape(v));
                ns
            }
            ExprKind::AppendSlice(s, t) => {
                let ns = self.value(s);
                self.discard(t);
                ns
            }
            ExprKind::Copy(d, s) => {
                self.discard(d);
                self.discard(s);
                Vec::new()
            }
            ExprKind::Index(x, i) => {
                let ns = self.value(x);
                self.discard(i);
                if self.is_array(x) { ns } else { Vec::new() }
            }
            ExprKind::Slice { x, lo, hi, max } => {
                let ns = self.value(x);
                [lo, hi, max].into_iter().flatten().for_each(|b| self.discard(b));
                ns
            }
            ExprKind::Load(p) => self.load(p),
            ExprKind::AddrOf(p) => self.addr(p),
            ExprKind::Composite(vals) => vals.iter().flat_map(|v| self.value(v)).collect(),
            ExprKind::SliceLit(vals) => {
                vals.iter().for_each(|v| self.escape(v));
                self.made(Node::Lit(e))
            }
            ExprKind::IfaceMethodValue(x, _) | ExprKind::Panic(x) => {
                self.escape(x);
                Vec::new()
            }
            ExprKind::RecoverFor(x) | ExprKind::PanicRangeState(x) => {
                self.discard(x);
                Vec::new()
            }
            ExprKind::Print { args, .. } => {
                args.iter().for_each(|a| self.discard(a));
                Vec::new()
            }
            ExprKind::Seq(stmts, v) => {
                self.stmts(stmts);
                self.value(v)
            }
            ExprKind::DecodeRune { s, i } => {
                self.discard(s);
                self.discard(i);
                Vec::new()
            }
            // Map entries are written by stores to `m[k]` (a place), never
            // by these operations.
            ExprKind::Map(_, args) => {
                args.iter().for_each(|a| self.discard(a));
                Vec::new()
            }
            ExprKind::Chan(op, args) => {
                for (i, a) in args.iter().enumerate() {
                    if *op == ChanOp::Send && i == 1 {
                        self.escape(a);
                    } else {
                        self.discard(a);
                    }
                }
                Vec::new()
            }
        }
    }
}
