//! Branch folding from the facts dominating branches establish (gc's prove
//! pass): a conditional branch of a function's Cranelift IR whose outcome
//! the comparisons already passed on every path to it decide becomes a
//! jump. Bounds checks are what it is for: `if i < len(s) { s[i] }`, `for
//! len(b) > n && b[n] == ' ' { n++ }`, `s[i], s[j] = s[j], s[i]` (the
//! second pair of checks repeats the first), `(i-1)/2` in a heap loop
//! whose condition is `i > 0`. The failure branch of a check is a cold
//! block (`FnTx::check`), laid out after the function's hot code; once no
//! branch reaches it, Cranelift drops it.
//!
//! **Why on Cranelift IR** rather than on deft's IR, where `bounds.rs`
//! proves counted loops: facts are about SSA values, so "the slice cannot
//! change between the fact and the use" comes for free and is exact. A
//! local slice lives in Cranelift variables, which SSA construction names
//! once per definition; a slice in memory (a field, a global, a heap cell)
//! is loaded afresh into a new value, about which a fact on an older load
//! says nothing, whatever another goroutine or a call stored in between
//! (Cranelift's alias analysis makes two loads one value only where no
//! store or call comes between them, and then the code loads once).
//! Inlined callees are seen with their caller's facts, and `&&`, `||`,
//! rotated loops and `range` are already branches.
//!
//! **Facts.** A block entered only by one edge of a `brif` learns its
//! condition (true or false) when it is an integer comparison of 64-bit
//! values, or `v != 0`; the fact holds wherever the block dominates (an
//! SSA value keeps its value wherever its definition dominates, and so does
//! a comparison of such values). The passed side of a bounds check is such
//! a block: its `i <u len` is a fact. Values that compute the same pure
//! function of the same values (`j-1` written twice) are one value here, so
//! a check repeated on a recomputed index is the same check.
//!
//! **Proofs** are about mathematical integers: `x <= y + k` follows from a
//! chain of facts `x < y`, `x <= y` (signed; unsigned ones when the greater
//! side is non-negative) and of definitions that cannot overflow: `x + c`
//! when `x` is shown below `MaxInt - c`, `x - c` of a non-negative `x`,
//! `x / c` and `x >> c` of a non-negative `x` (at most `x`), `x & m`,
//! `x % m`, `min`. `x >= c` follows from facts `c <= x`, from those
//! definitions, and from **lengths**: the right operand of a bounds check
//! of an index or of a slice's high bound against its length or capacity
//! is a length, a capacity or an array's size, never negative where that
//! check has been passed through (before it, the same value may be any
//! int: `n` tested before `make([]T, n)`). Then `x <u
//! n` holds when `0 <= x` and `x <= n - 1`. A chain is searched to a small
//! depth with a budget per question; what is not found is not proven.
//!
//! **Loops.** A block parameter (a loop variable) gets hypotheses: that it
//! is non-negative, at least the least constant an edge passes it or the
//! comparison an edge's branch makes lets it be (`for i > 0`), and at
//! most `y + k` for the bounds the values its edges pass have, `y` a value
//! defined before its block (so the same on every entry to it). A
//! hypothesis stays only if the value every incoming edge passes satisfies
//! it at the end of the edge's block (the edge's own branch condition
//! included), given the hypotheses that stay; they are dropped until none
//! fails. That is induction over the run: whatever a proof at some moment
//! uses (a fact, a hypothesis, a removed check's condition) was established
//! by an earlier step, so removing every check proven at once is sound.
//!
//! Nothing here knows Go: a proof only decides a comparison, whichever
//! branch it feeds.

use std::cell::Cell;
use std::collections::HashMap;

use cranelift_codegen::Context;
use cranelift_codegen::dominator_tree::DominatorTree;
use cranelift_codegen::flowgraph::ControlFlowGraph;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    Block, BlockArg, ExternalName, Function, Inst, InstructionData, Opcode, Type, UserExternalName, Value, ValueDef,
    types,
};
use cranelift_codegen::isa::TargetIsa;

use runtime::errors::BoundsCode;

use crate::func::iconst_value;

/// How many facts, nearest dominators first, a question may use.
const MAX_FACTS: usize = 128;
/// How many steps one question may take.
const BUDGET: u32 = 200;
/// How deep a chain of facts and definitions is followed.
const DEPTH: u32 = 4;
/// How many upper-bound hypotheses a block parameter starts with.
const MAX_HYPS: usize = 6;
/// How many dominators of a block are looked at for facts.
const MAX_DOMINATORS: usize = 512;
/// How many rounds of checking the hypotheses may take to settle.
const MAX_ROUNDS: usize = 16;
/// Functions with more blocks (generated tables of code) are left alone:
/// the questions' cost grows with blocks times dominator depth.
const MAX_BLOCKS: usize = 20_000;

/// Folds the branches of `ctx.func` whose outcome dominating comparisons
/// decide; returns how many. `panicbounds` names the runtime's bounds
/// failure entry, whose calls show which comparisons are bounds checks.
pub fn fold_decided_branches(ctx: &mut Context, isa: &dyn TargetIsa, panicbounds: &UserExternalName) -> usize {
    if ctx.func.dfg.num_blocks() > MAX_BLOCKS {
        return 0;
    }
    // The optimiser's own first steps, so that a loop-invariant value is
    // one value rather than a chain of block parameters passing it on.
    ctx.compute_cfg();
    ctx.compute_domtree();
    if ctx.eliminate_unreachable_code(isa).is_err() || ctx.remove_constant_phis(isa).is_err() {
        return 0;
    }
    ctx.func.dfg.resolve_all_aliases();
    // After the constant block parameters are gone: a negated call's
    // result inlined is then its comparison.
    complement_negated_compares(&mut ctx.func);
    ctx.compute_cfg();
    ctx.compute_domtree();
    // A field loaded twice with no store between is one value (the
    // optimiser's alias analysis, which would merge them anyway).
    if ctx.replace_redundant_loads().is_err() {
        return 0;
    }
    ctx.func.dfg.resolve_all_aliases();
    let decided = {
        let mut p = Prover::new(&ctx.func, &ctx.cfg, &ctx.domtree, panicbounds);
        p.hypothesise();
        p.decisions()
    };
    for &(inst, taken) in &decided {
        let InstructionData::Brif { blocks, .. } = ctx.func.dfg.insts[inst] else { continue };
        ctx.func.dfg.insts[inst] = InstructionData::Jump { opcode: Opcode::Jump, destination: blocks[taken] };
    }
    decided.len()
}

/// Makes each `bxor c, 1` of a comparison's result `c` (Go's `!` of a
/// boolean, translated before inlining made the boolean a comparison:
/// `!cmp.Less(x, y)` in `slices.Sort`'s loops) the complementary
/// comparison, which a branch then tests directly (Cranelift's optimiser
/// has no such rule: the code was `setl`, `xor`, `test` and a jump) and
/// from which the branch's facts are learnt. A comparison's result is 0
/// or 1, so the two are equal.
fn complement_negated_compares(func: &mut Function) {
    use cranelift_codegen::ir::condcodes::CondCode;
    let dfg = &func.dfg;
    let is_one = |v: Value| iconst_value(dfg, dfg.resolve_aliases(v)) == Some(1);
    let compare = |v: Value| match dfg.value_def(dfg.resolve_aliases(v)) {
        ValueDef::Result(i, 0) => match dfg.insts[i] {
            InstructionData::IntCompare { cond, args, .. } => {
                Some(InstructionData::IntCompare { opcode: Opcode::Icmp, cond: cond.complement(), args })
            }
            InstructionData::FloatCompare { cond, args, .. } => {
                Some(InstructionData::FloatCompare { opcode: Opcode::Fcmp, cond: cond.complement(), args })
            }
            _ => None,
        },
        _ => None,
    };
    let mut rewrites = Vec::new();
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            let negated = match dfg.insts[inst] {
                InstructionData::Binary { opcode: Opcode::Bxor, args: [a, b] } if is_one(b) => a,
                InstructionData::Binary { opcode: Opcode::Bxor, args: [a, b] } if is_one(a) => b,
                _ => continue,
            };
            if let Some(data) = compare(negated) {
                rewrites.push((inst, data));
            }
        }
    }
    for (inst, data) in rewrites {
        func.dfg.insts[inst] = data;
    }
}

/// A value, or a 64-bit constant.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Term {
    V(Value),
    C(i64),
}

/// A relation between two terms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Rel {
    Slt,
    Sle,
    Ult,
    Ule,
    Eq,
    Ne,
}

/// `a rel b`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Fact {
    a: Term,
    rel: Rel,
    b: Term,
}

impl Fact {
    /// `x cc y` as a fact with the lesser side first.
    fn of(cc: IntCC, x: Term, y: Term) -> Fact {
        use IntCC::*;
        let (a, rel, b) = match cc {
            SignedLessThan => (x, Rel::Slt, y),
            SignedGreaterThan => (y, Rel::Slt, x),
            SignedLessThanOrEqual => (x, Rel::Sle, y),
            SignedGreaterThanOrEqual => (y, Rel::Sle, x),
            UnsignedLessThan => (x, Rel::Ult, y),
            UnsignedGreaterThan => (y, Rel::Ult, x),
            UnsignedLessThanOrEqual => (x, Rel::Ule, y),
            UnsignedGreaterThanOrEqual => (y, Rel::Ule, x),
            Equal => (x, Rel::Eq, y),
            NotEqual => (x, Rel::Ne, y),
        };
        Fact { a, rel, b }
    }

    /// The fact that holds when this one does not.
    fn negated(self) -> Fact {
        let Fact { a, rel, b } = self;
        match rel {
            Rel::Slt => Fact { a: b, rel: Rel::Sle, b: a },
            Rel::Sle => Fact { a: b, rel: Rel::Slt, b: a },
            Rel::Ult => Fact { a: b, rel: Rel::Ule, b: a },
            Rel::Ule => Fact { a: b, rel: Rel::Ult, b: a },
            Rel::Eq => Fact { a, rel: Rel::Ne, b },
            Rel::Ne => Fact { a, rel: Rel::Eq, b },
        }
    }
}

/// What a block parameter is assumed to satisfy whenever it has a value.
#[derive(Default)]
struct Hyps {
    /// `p >= c` for each `c`.
    lower: Vec<i128>,
    /// `p <= y + k` for each `(y, k)`.
    upper: Vec<(Term, i128)>,
}

/// The key under which the results of pure instructions are one value.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    opcode: Opcode,
    ty: Type,
    args: [Option<Value>; 2],
    imm: i64,
    cond: Option<IntCC>,
}

struct Prover<'f> {
    func: &'f Function,
    cfg: &'f ControlFlowGraph,
    domtree: &'f DominatorTree,
    /// Each value's representative among the values equal to it.
    canon: HashMap<Value, Value>,
    /// Lengths, capacities and array sizes, each with the blocks of the
    /// bounds checks that compare against it: never negative where one
    /// of those blocks has been passed through (the slice it is the
    /// length of exists there; elsewhere the same value may be any int,
    /// as `n` before `make([]T, n)`).
    lengths: HashMap<Value, Vec<Block>>,
    /// The fact each block is entered with.
    entry: HashMap<Block, Fact>,
    hyps: HashMap<Value, Hyps>,
}

impl<'f> Prover<'f> {
    fn new(
        func: &'f Function,
        cfg: &'f ControlFlowGraph,
        domtree: &'f DominatorTree,
        panicbounds: &UserExternalName,
    ) -> Prover<'f> {
        let mut p = Prover {
            func,
            cfg,
            domtree,
            canon: HashMap::new(),
            lengths: Default::default(),
            entry: HashMap::new(),
            hyps: HashMap::new(),
        };
        p.number_values();
        p.find_lengths(panicbounds);
        p.find_entry_facts();
        p
    }

    fn blocks(&self) -> impl Iterator<Item = Block> + 'f {
        self.domtree.cfg_rpo().copied()
    }

    /// Gives the results of pure instructions that compute the same thing
    /// from the same values one representative (in reverse postorder, so
    /// operands are numbered before their uses).
    fn number_values(&mut self) {
        let mut table: HashMap<Key, Value> = HashMap::new();
        for block in self.blocks() {
            for inst in self.func.layout.block_insts(block) {
                let Some(key) = self.key(inst) else { continue };
                let r = self.func.dfg.first_result(inst);
                let rep = *table.entry(key).or_insert(r);
                self.canon.insert(r, rep);
            }
        }
    }

    fn rep(&self, v: Value) -> Value {
        self.canon.get(&v).copied().unwrap_or(v)
    }

    fn key(&self, inst: Inst) -> Option<Key> {
        let data = &self.func.dfg.insts[inst];
        let opcode = data.opcode();
        let ty = self.func.dfg.ctrl_typevar(inst);
        let key = |args: [Option<Value>; 2], imm, cond| Some(Key { opcode, ty, args, imm, cond });
        match *data {
            InstructionData::UnaryImm { opcode: Opcode::Iconst, imm } => key([None, None], imm.bits(), None),
            InstructionData::Unary { arg, .. }
                if matches!(opcode, Opcode::Uextend | Opcode::Sextend | Opcode::Ireduce) =>
            {
                let ty = self.func.dfg.value_type(self.func.dfg.first_result(inst));
                Some(Key { opcode, ty, args: [Some(self.rep(arg)), None], imm: 0, cond: None })
            }
            InstructionData::Binary { args, .. } if pure_binary(opcode) => {
                key([Some(self.rep(args[0])), Some(self.rep(args[1]))], 0, None)
            }
            InstructionData::IntCompare { args, cond, .. } => {
                key([Some(self.rep(args[0])), Some(self.rep(args[1]))], 0, Some(cond))
            }
            _ => None,
        }
    }

    /// The term a value stands for: its representative, or the constant
    /// it is.
    fn term(&self, v: Value) -> Term {
        let v = self.rep(v);
        match iconst_value(&self.func.dfg, v) {
            Some(c) if self.func.dfg.value_type(v) == types::I64 => Term::C(c),
            _ => Term::V(v),
        }
    }

    /// The instruction defining `t`'s value, if any.
    fn def(&self, t: Term) -> Option<&'f InstructionData> {
        let Term::V(v) = t else { return None };
        match self.func.dfg.value_def(v) {
            ValueDef::Result(inst, 0) => Some(&self.func.dfg.insts[inst]),
            _ => None,
        }
    }

    /// The fact a branch on `c` being true establishes, if it is one this
    /// pass reasons with.
    fn cond_fact(&self, c: Value) -> Option<Fact> {
        let dfg = &self.func.dfg;
        let c = self.rep(c);
        if let ValueDef::Result(inst, _) = dfg.value_def(c) {
            match dfg.insts[inst] {
                InstructionData::IntCompare { args, cond, .. } if dfg.value_type(args[0]) == types::I64 => {
                    return Some(Fact::of(cond, self.term(args[0]), self.term(args[1])));
                }
                _ => {}
            }
        }
        (dfg.value_type(c) == types::I64).then_some(Fact { a: Term::V(c), rel: Rel::Ne, b: Term::C(0) })
    }

    /// The fact the edge from `pred`'s terminator to `to` establishes.
    fn edge_fact(&self, pred: Block, to: Block) -> Option<Fact> {
        let inst = self.func.layout.last_inst(pred)?;
        let InstructionData::Brif { arg, blocks, .. } = self.func.dfg.insts[inst] else { return None };
        let pool = &self.func.dfg.value_lists;
        let (t, e) = (blocks[0].block(pool), blocks[1].block(pool));
        if t == e {
            return None;
        }
        let f = self.cond_fact(arg)?;
        if to == t { Some(f) } else { Some(f.negated()) }
    }

    fn find_entry_facts(&mut self) {
        for block in self.blocks() {
            let mut preds = self.cfg.pred_iter(block);
            let (Some(pred), None) = (preds.next(), preds.next()) else { continue };
            if let Some(f) = self.edge_fact(pred.block, block) {
                self.entry.insert(block, f);
            }
        }
    }

    /// Records the lengths the function's bounds checks compare against:
    /// `brif (icmp ult|ule x, n), ok, fail` where `fail` calls
    /// `panicbounds` with an index or high-bound code.
    fn find_lengths(&mut self, panicbounds: &UserExternalName) {
        let dfg = &self.func.dfg;
        for block in self.blocks() {
            let Some(inst) = self.func.layout.last_inst(block) else { continue };
            let InstructionData::Brif { arg, blocks, .. } = dfg.insts[inst] else { continue };
            let fail = blocks[1].block(&dfg.value_lists);
            let Some(code) = self.bounds_code(fail, panicbounds) else { continue };
            let by_length = matches!(
                BoundsCode::from_u8(code as u8),
                Some(BoundsCode::Index | BoundsCode::SliceAlen | BoundsCode::SliceAcap)
                    | Some(BoundsCode::Slice3Alen | BoundsCode::Slice3Acap)
            );
            // The check passes when `x <u n` (or `<=`), in whichever
            // form the comparison was written or inlining's folding left it.
            if let Some(Fact { rel: Rel::Ult | Rel::Ule, b: Term::V(n), .. }) = self.cond_fact(arg)
                && by_length
            {
                self.lengths.entry(n).or_default().push(block);
            }
        }
    }

    /// The constant code `block` passes to `panicbounds`, if it calls it.
    fn bounds_code(&self, block: Block, panicbounds: &UserExternalName) -> Option<i64> {
        let dfg = &self.func.dfg;
        self.func.layout.block_insts(block).find_map(|inst| {
            let InstructionData::Call { func_ref, args, .. } = &dfg.insts[inst] else { return None };
            let ExternalName::User(name) = &dfg.ext_funcs[*func_ref].name else { return None };
            if &self.func.params.user_named_funcs()[*name] != panicbounds {
                return None;
            }
            match self.term(*args.as_slice(&dfg.value_lists).get(1)?) {
                Term::C(code) => Some(code & 0xff),
                Term::V(_) => None,
            }
        })
    }

    /// The facts that hold at the end of `block`, nearest first, and the
    /// one the edge taken from there establishes.
    fn facts_at(&self, block: Block, edge: Option<Fact>) -> Vec<Fact> {
        let mut facts: Vec<Fact> = edge.into_iter().collect();
        let mut b = Some(block);
        for _ in 0..MAX_DOMINATORS {
            let Some(x) = b.filter(|_| facts.len() < MAX_FACTS) else { break };
            facts.extend(self.entry.get(&x));
            b = self.domtree.idom(x);
        }
        facts
    }

    /// Each incoming edge of `block` as (predecessor, the value passed as
    /// parameter `i`) for every branch to it.
    fn incoming(&self, block: Block, i: usize) -> Vec<(Block, Value)> {
        let dfg = &self.func.dfg;
        let mut out = Vec::new();
        for pred in self.cfg.pred_iter(block) {
            let dests = dfg.insts[pred.inst].branch_destination(&dfg.jump_tables, &dfg.exception_tables);
            for call in dests.iter().filter(|c| c.block(&dfg.value_lists) == block) {
                match call.args(&dfg.value_lists).nth(i) {
                    Some(BlockArg::Value(v)) => out.push((pred.block, v)),
                    _ => return Vec::new(),
                }
            }
        }
        out
    }

    /// Whether `t` is a constant or a value defined in a block strictly
    /// dominating `block` (the same value on every entry to `block`).
    fn defined_before(&self, t: Term, block: Block) -> bool {
        let Term::V(v) = t else { return true };
        let def_block = match self.func.dfg.value_def(v) {
            ValueDef::Result(inst, _) => self.func.layout.inst_block(inst),
            ValueDef::Param(b, _) => Some(b),
            _ => None,
        };
        def_block.is_some_and(|d| d != block && self.domtree.block_dominates(d, block))
    }

    /// Makes every 64-bit block parameter's hypotheses and keeps those that
    /// every incoming edge satisfies.
    fn hypothesise(&mut self) {
        let mut params = Vec::new();
        for block in self.blocks() {
            for (i, &p) in self.func.dfg.block_params(block).iter().enumerate() {
                if self.func.dfg.value_type(p) != types::I64 {
                    continue;
                }
                let edges = self.incoming(block, i);
                if edges.is_empty() {
                    continue;
                }
                let mut upper: Vec<(Term, i128)> = Vec::new();
                // Non-negative, and at least the least constant it starts from.
                let mut lower = vec![0];
                let least = edges.iter().filter_map(|&(_, a)| match self.term(a) {
                    Term::C(c) => Some(i128::from(c)),
                    Term::V(_) => None,
                });
                lower.extend(least.min().filter(|&c| c > 0));
                for &(pred, arg) in &edges {
                    let facts = self.facts_at(pred, self.edge_fact(pred, block));
                    let a = self.term(arg);
                    // The least values the loop's conditions let it take.
                    for f in facts.iter().filter(|f| f.b == a) {
                        let least = match (f.a, f.rel) {
                            (Term::C(c), Rel::Slt) => i128::from(c) + 1,
                            (Term::C(c), Rel::Sle) => i128::from(c),
                            _ => continue,
                        };
                        if least > 0 && !lower.contains(&least) && lower.len() < MAX_HYPS {
                            lower.push(least);
                        }
                    }
                    for (y, k) in Q::new(self, &facts, pred).upper(a, 2) {
                        if upper.len() < MAX_HYPS && self.defined_before(y, block) && !upper.contains(&(y, k)) {
                            upper.push((y, k));
                        }
                    }
                }
                params.push((block, p, edges));
                self.hyps.insert(p, Hyps { lower, upper });
            }
        }
        for round in 0.. {
            if round == MAX_ROUNDS {
                // Not settled: assume nothing rather than spend more.
                self.hyps.clear();
                return;
            }
            let mut changed = false;
            for (block, p, edges) in &params {
                for &(pred, arg) in edges {
                    let facts = self.facts_at(pred, self.edge_fact(pred, *block));
                    let a = self.term(arg);
                    let h = &self.hyps[p];
                    let lower: Vec<_> =
                        h.lower.iter().copied().filter(|&c| Q::new(self, &facts, pred).at_least(a, c, DEPTH)).collect();
                    let upper: Vec<_> = h
                        .upper
                        .iter()
                        .copied()
                        .filter(|&(y, k)| Q::new(self, &facts, pred).le(a, y, k, DEPTH))
                        .collect();
                    let h = self.hyps.get_mut(p).expect("made above");
                    changed |= lower.len() != h.lower.len() || upper.len() != h.upper.len();
                    h.lower = lower;
                    h.upper = upper;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// The `brif`s whose condition the facts at their block decide, with
    /// the index of the successor always taken.
    fn decisions(&self) -> Vec<(Inst, usize)> {
        let mut out = Vec::new();
        for block in self.blocks() {
            let Some(inst) = self.func.layout.last_inst(block) else { continue };
            let InstructionData::Brif { arg, .. } = self.func.dfg.insts[inst] else { continue };
            let Some(f) = self.cond_fact(arg) else { continue };
            let facts = self.facts_at(block, None);
            if Q::new(self, &facts, block).prove(f) {
                out.push((inst, 0));
            } else if Q::new(self, &facts, block).prove(f.negated()) {
                out.push((inst, 1));
            }
        }
        out
    }
}

fn pure_binary(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        Iadd | Isub
            | Imul
            | Band
            | Bor
            | Bxor
            | Ishl
            | Ushr
            | Sshr
            | Sdiv
            | Udiv
            | Srem
            | Urem
            | Smin
            | Smax
            | Umin
            | Umax
    )
}

/// One question: what the facts at one point prove, within a budget.
struct Q<'a, 'f> {
    p: &'a Prover<'f>,
    facts: &'a [Fact],
    /// The block at whose end the question is asked.
    at: Block,
    budget: Cell<u32>,
}

impl<'a, 'f> Q<'a, 'f> {
    fn new(p: &'a Prover<'f>, facts: &'a [Fact], at: Block) -> Q<'a, 'f> {
        Q { p, facts, at, budget: Cell::new(BUDGET) }
    }

    /// Whether `v` is a length where the question is asked: a bounds
    /// check against it has been passed through on every path there.
    fn is_length(&self, v: Value) -> bool {
        self.p.lengths.get(&v).is_some_and(|checks| checks.iter().any(|&b| self.p.domtree.block_dominates(b, self.at)))
    }

    fn spend(&self) -> bool {
        let b = self.budget.get();
        self.budget.set(b.saturating_sub(1));
        b > 0
    }

    /// Whether `f` holds.
    fn prove(&self, f: Fact) -> bool {
        if self.facts.contains(&f) {
            return true;
        }
        let Fact { a, rel, b } = f;
        match rel {
            Rel::Slt => self.le(a, b, -1, DEPTH),
            Rel::Sle => self.le(a, b, 0, DEPTH),
            Rel::Ult => {
                self.facts.contains(&Fact { a, rel: Rel::Ult, b })
                    || matches!((a, b), (Term::C(x), Term::C(y)) if (x as u64) < (y as u64))
                    || (self.at_least(a, 0, DEPTH) && self.le(a, b, -1, DEPTH))
            }
            Rel::Ule => {
                self.facts.contains(&Fact { a, rel: Rel::Ult, b })
                    || matches!((a, b), (Term::C(x), Term::C(y)) if (x as u64) <= (y as u64))
                    || (self.at_least(a, 0, DEPTH) && self.le(a, b, 0, DEPTH))
            }
            Rel::Eq => a == b,
            Rel::Ne => {
                matches!((a, b), (Term::C(x), Term::C(y)) if x != y)
                    || self.facts.contains(&Fact { a: b, rel: Rel::Ne, b: a })
                    || self.le(a, b, -1, DEPTH)
                    || self.le(b, a, -1, DEPTH)
            }
        }
    }

    /// Whether `x <= y + k` (as integers).
    fn le(&self, x: Term, y: Term, k: i128, depth: u32) -> bool {
        if !self.spend() {
            return false;
        }
        if x == y && k >= 0 {
            return true;
        }
        match (x, y) {
            (Term::C(a), Term::C(b)) => return i128::from(a) <= i128::from(b) + k,
            (_, Term::C(b)) if i128::from(b) + k >= i128::from(i64::MAX) => return true,
            (Term::C(a), Term::V(_)) => return self.at_least(y, i128::from(a) - k, depth),
            _ => {}
        }
        depth > 0 && self.upper(x, depth).into_iter().any(|(n, off)| self.le(n, y, k - off, depth - 1))
    }

    /// Terms `(n, off)` with `x <= n + off`, from the facts about `x`, its
    /// definition, and its hypotheses if it is a block parameter.
    fn upper(&self, x: Term, depth: u32) -> Vec<(Term, i128)> {
        let mut out = Vec::new();
        let Term::V(_) = x else { return out };
        for f in self.facts {
            match f.rel {
                Rel::Slt if f.a == x => out.push((f.b, -1)),
                Rel::Sle | Rel::Eq if f.a == x => out.push((f.b, 0)),
                Rel::Eq if f.b == x => out.push((f.a, 0)),
                Rel::Ult if f.a == x && self.at_least(f.b, 0, 0) => out.push((f.b, -1)),
                Rel::Ule if f.a == x && self.at_least(f.b, 0, 0) => out.push((f.b, 0)),
                _ => {}
            }
        }
        if let Some(h) = x_param(self.p, x).and_then(|v| self.p.hyps.get(&v)) {
            out.extend(h.upper.iter().copied());
        }
        let Some(data) = self.p.def(x) else { return out };
        let depth = depth.saturating_sub(1);
        let nonneg = |t: Term| self.at_least(t, 0, depth);
        match self.operands(data) {
            Some((Opcode::Iadd, a, Term::C(c))) | Some((Opcode::Iadd, Term::C(c), a)) => {
                self.add_edge(&mut out, a, c.into(), depth)
            }
            Some((Opcode::Isub, a, Term::C(c))) => self.add_edge(&mut out, a, -i128::from(c), depth),
            Some((Opcode::Isub, a, b)) if nonneg(a) && nonneg(b) => out.push((a, 0)),
            Some((Opcode::Sdiv, a, Term::C(c))) if c >= 1 && nonneg(a) => out.push((a, 0)),
            Some((Opcode::Sshr | Opcode::Ushr, a, Term::C(_))) if nonneg(a) => out.push((a, 0)),
            Some((Opcode::Band, a, b)) => {
                out.extend([a, b].into_iter().filter(|t| nonneg(*t)).map(|t| (t, 0)));
            }
            Some((Opcode::Urem, _, b)) if nonneg(b) => out.push((b, -1)),
            Some((Opcode::Smin, a, b)) => out.extend([(a, 0), (b, 0)]),
            _ => {}
        }
        out
    }

    /// Adds `x <= a + c` for `x = a + c` if the addition cannot overflow.
    fn add_edge(&self, out: &mut Vec<(Term, i128)>, a: Term, c: i128, depth: u32) {
        let fits = if c > 0 { self.le(a, Term::C(i64::MAX), -c, depth) } else { self.at_least(a, 0, depth) };
        if fits {
            out.push((a, c));
        }
    }

    /// A binary instruction's opcode and operands.
    fn operands(&self, data: &InstructionData) -> Option<(Opcode, Term, Term)> {
        match *data {
            InstructionData::Binary { opcode, args } => Some((opcode, self.p.term(args[0]), self.p.term(args[1]))),
            _ => None,
        }
    }

    /// Whether `x >= c` (as integers).
    fn at_least(&self, x: Term, c: i128, depth: u32) -> bool {
        let v = match x {
            Term::C(a) => return i128::from(a) >= c,
            Term::V(v) => v,
        };
        if c <= i128::from(i64::MIN) || (c <= 0 && self.is_length(v)) {
            return true;
        }
        if self.p.hyps.get(&v).is_some_and(|h| h.lower.iter().any(|&l| l >= c)) {
            return true;
        }
        if depth == 0 || !self.spend() {
            return false;
        }
        let d = depth - 1;
        for f in self.facts {
            let found = match f.rel {
                Rel::Slt if f.b == x => self.at_least(f.a, c - 1, d),
                Rel::Sle if f.b == x => self.at_least(f.a, c, d),
                Rel::Eq if f.b == x => self.at_least(f.a, c, d),
                Rel::Eq if f.a == x => self.at_least(f.b, c, d),
                Rel::Ult | Rel::Ule if f.a == x && c <= 0 => self.at_least(f.b, 0, d),
                // `a <u x` of a non-negative `x` is `a < x` (and `a <= x`).
                Rel::Ult if f.b == x && self.at_least(x, 0, 0) => self.at_least(f.a, c - 1, d),
                Rel::Ule if f.b == x && self.at_least(x, 0, 0) => self.at_least(f.a, c, d),
                // `x != c - 1` and `x >= c - 1`.
                Rel::Ne
                    if c >= 1
                        && (f.a == x && f.b == Term::C((c - 1) as i64)
                            || f.b == x && f.a == Term::C((c - 1) as i64)) =>
                {
                    self.at_least(x, c - 1, d)
                }
                _ => false,
            };
            if found {
                return true;
            }
        }
        if let Some(InstructionData::Unary { opcode: Opcode::Uextend, .. }) = self.p.def(x) {
            return c <= 0;
        }
        let nonneg = |t: Term| c <= 0 && self.at_least(t, 0, d);
        match self.p.def(x).and_then(|data| self.operands(data)) {
            Some((Opcode::Iadd, a, Term::C(k))) | Some((Opcode::Iadd, Term::C(k), a)) => {
                let k = i128::from(k);
                (k <= 0 || self.le(a, Term::C(i64::MAX), -k, d)) && self.at_least(a, c - k, d)
            }
            Some((Opcode::Isub, a, Term::C(k))) if k != i64::MIN => {
                let k = -i128::from(k);
                (k <= 0 || self.le(a, Term::C(i64::MAX), -k, d)) && self.at_least(a, c - k, d)
            }
            Some((Opcode::Sdiv, a, Term::C(k))) if k >= 1 => self.at_least(a, c.max(0) * i128::from(k), d),
            Some((Opcode::Ushr, _, Term::C(k))) => c <= 0 && k & 63 != 0,
            Some((Opcode::Sshr, a, Term::C(_))) => nonneg(a),
            Some((Opcode::Band, a, b)) => nonneg(a) || nonneg(b),
            Some((Opcode::Urem, _, b)) => nonneg(b),
            Some((Opcode::Smin, a, b)) => self.at_least(a, c, d) && self.at_least(b, c, d),
            Some((Opcode::Smax, a, b)) => self.at_least(a, c, d) || self.at_least(b, c, d),
            _ => false,
        }
    }
}

/// `x`'s value if it is a block parameter.
fn x_param(p: &Prover, x: Term) -> Option<Value> {
    match x {
        Term::V(v) if matches!(p.func.dfg.value_def(v), ValueDef::Param(..)) => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use cranelift_codegen::ir::{AbiParam, ExtFuncData, FuncRef, InstBuilder, Signature, TrapCode, UserFuncName};
    use cranelift_codegen::isa::CallConv;
    use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

    use super::*;

    fn panicbounds() -> UserExternalName {
        UserExternalName::new(0, 9)
    }

    /// Builds a function of `(i, n)` whose body `body` makes (it ends every
    /// path), runs the pass on it and returns how many branches it folded.
    fn folded(body: impl FnOnce(&mut FunctionBuilder, FuncRef, Value, Value)) -> usize {
        let mut sig = Signature::new(CallConv::SystemV);
        sig.params.extend([AbiParam::new(types::I64); 2]);
        let mut ctx = Context::for_function(Function::with_name_signature(UserFuncName::testcase("t"), sig.clone()));
        let mut fctx = FunctionBuilderContext::new();
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let signature = b.import_signature(sig);
        let name = b.func.declare_imported_user_function(panicbounds());
        let fail = b.import_function(ExtFuncData {
            name: ExternalName::user(name),
            signature,
            colocated: false,
            patchable: false,
        });
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (i, n) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        body(&mut b, fail, i, n);
        b.seal_all_blocks();
        let isa = crate::program::isa();
        b.finalize(isa.frontend_config());
        fold_decided_branches(&mut ctx, &*isa, &panicbounds())
    }

    /// A bounds check of index `x` against length `n`, as codegen makes it.
    fn check(b: &mut FunctionBuilder, fail: FuncRef, x: Value, n: Value) {
        let in_range = b.ins().icmp(IntCC::UnsignedLessThan, x, n);
        let (ok, bad) = (b.create_block(), b.create_block());
        b.ins().brif(in_range, ok, &[], bad, &[]);
        b.switch_to_block(bad);
        let code = b.ins().iconst(types::I64, 256);
        b.ins().call(fail, &[x, code]);
        b.ins().trap(TrapCode::unwrap_user(1));
        b.switch_to_block(ok);
    }

    /// Returns unless `x cc y`.
    fn guard(b: &mut FunctionBuilder, cc: IntCC, x: Value, y: Value) {
        let c = b.ins().icmp(cc, x, y);
        let (then, out) = (b.create_block(), b.create_block());
        b.ins().brif(c, then, &[], out, &[]);
        b.switch_to_block(out);
        b.ins().return_(&[]);
        b.switch_to_block(then);
    }

    /// `for p := start; p < n; p += step { check(p, n) }`.
    fn counted(start: i64, step: i64) -> usize {
        folded(|b, fail, _, n| {
            let (header, body, exit) = (b.create_block(), b.create_block(), b.create_block());
            let p = b.append_block_param(header, types::I64);
            let s = b.ins().iconst(types::I64, start);
            b.ins().jump(header, &[s.into()]);
            b.switch_to_block(header);
            let c = b.ins().icmp(IntCC::SignedLessThan, p, n);
            b.ins().brif(c, body, &[], exit, &[]);
            b.switch_to_block(body);
            check(b, fail, p, n);
            let next = b.ins().iadd_imm_s(p, step);
            b.ins().jump(header, &[next.into()]);
            b.switch_to_block(exit);
            b.ins().return_(&[]);
        })
    }

    #[test]
    fn dominating_comparisons_prove_checks() {
        let both = folded(|b, fail, i, n| {
            let zero = b.ins().iconst(types::I64, 0);
            guard(b, IntCC::SignedGreaterThanOrEqual, i, zero);
            guard(b, IntCC::SignedLessThan, i, n);
            check(b, fail, i, n);
            b.ins().return_(&[]);
        });
        assert_eq!(both, 1);
        let repeated = folded(|b, fail, i, n| {
            check(b, fail, i, n);
            check(b, fail, i, n);
            b.ins().return_(&[]);
        });
        assert_eq!(repeated, 1);
        assert_eq!(counted(0, 1), 1);
    }

    #[test]
    fn checks_that_only_look_proven_stay() {
        // i < n without i >= 0.
        let upper_only = folded(|b, fail, i, n| {
            guard(b, IntCC::SignedLessThan, i, n);
            check(b, fail, i, n);
            b.ins().return_(&[]);
        });
        assert_eq!(upper_only, 0);
        // 0 <= i < n, then i + 1.
        let next = folded(|b, fail, i, n| {
            let zero = b.ins().iconst(types::I64, 0);
            guard(b, IntCC::SignedGreaterThanOrEqual, i, zero);
            guard(b, IntCC::SignedLessThan, i, n);
            let j = b.ins().iadd_imm_s(i, 1);
            check(b, fail, j, n);
            b.ins().return_(&[]);
        });
        assert_eq!(next, 0);
        // A loop from -1, and one by 2 (p + 2 may wrap past MaxInt).
        assert_eq!(counted(-1, 1), 0);
        assert_eq!(counted(0, 2), 0);
    }
}
