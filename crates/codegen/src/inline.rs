//! The inliner: calls of small leaf Go functions are replaced by the
//! callee's code, in Cranelift IR, by Cranelift's own inlining pass
//! (`Context::inline`); the optimisations that follow then simplify the
//! copy with the caller's values (`cmp.Less[int]` is `isNaN(x) &&
//! !isNaN(y) || x < y`, and `isNaN[int](x)`, `x != x`, folds to false:
//! what is left of the call in `slices.Sort`'s loops is one compare).
//!
//! **The rule.** A function is an *inline leaf* when
//! * it is a Go function with a body, not marked `//go:noinline`, with no
//!   defers and no range-over-func loop body's defers
//!   ([`lower::ir::Func::range_defers`]), small in the IR (at most
//!   [`IR_BUDGET`] statements and expressions);
//! * its Cranelift IR, once the inline leaves it calls are inlined into it,
//!   has no call of any kind, no stack slot, no global value (the address
//!   of a symbol: see [`is_leaf`] for the reason), no instruction that
//!   reads the frame pointer, stack pointer or return address, and at most
//!   [`CLIF_BUDGET`] instructions.
//!
//! Every direct call (`call`, `try_call`, `return_call`) of an inline leaf
//! is inlined, in every function, but across the main module's packages:
//! a leaf of package P is inlined into P's code, code of deft's library
//! and generated code (instances, wrappers) into any code, but never a
//! leaf of another package of the main module ([`may_inline_into`]). A
//! package's compiled code (its unit in the package cache) then depends on
//! the other packages of the module through their declarations only,
//! which is what their API hashes cover (`deft/src/pkgkey.rs`): a body
//! edit recompiles one package. (gc puts inlinable bodies in its export
//! data instead, so that such an edit recompiles the importers.) Why calls-nothing is the line: deft's
//! runtime errors are calls (bounds, nil, division checks call the runtime;
//! no signal raises a panic), so a leaf cannot panic, and a function that
//! calls nothing is never on the stack when a panic, a `recover`, a
//! traceback or `runtime.Callers` walks it: inlining changes none of their
//! results, nor `-d=defer`'s (gc, which inlines bigger functions, shows
//! inlined frames in tracebacks; deft would have none to show). Such a
//! function needs no frame of its own either, so the only cost of a copy
//! is its size, which the budgets bound.
//!
//! **Inlined frames.** Each inlined call is recorded in the caller's
//! [`FuncMeta::inlined`] (the callee, and the position of the call, itself
//! maybe inside another inlined call), and the copied instructions keep
//! the callee's positions, each marked as being in that call's body: the
//! funcdata's inline tree ([`runtime::frames::InlineTree`]), from which
//! tracebacks, `runtime.Caller`, `Callers`, `CallersFrames` and `FuncForPC`
//! show an inlined call as a frame of its own, as gc's do.
//!
//! **Invariant:** an inline body is the callee's complete, verified
//! Cranelift IR with the callee's own signature, as `func::translate`
//! makes it for compiling the callee itself (which still happens: func
//! values and other packages' calls need it).

use std::collections::HashMap;
use std::rc::Rc;

use cranelift_codegen::Context;
use cranelift_codegen::inline::{Inline, InlineCommand};
use cranelift_codegen::ir::{self, ExternalName, Opcode, SourceLoc};
use cranelift_codegen::traversals::Dfs;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::FuncId as ClifFuncId;
use lower::ir::FuncId;
use lower::walk::{Visitor, walk_stmts};

use crate::funcdata::{FuncMeta, InlineSites};
use crate::program::ProgramCx;

/// Most statements and expressions in an inline body's IR (a first,
/// cheap filter: a bigger function is not translated to be considered).
pub const IR_BUDGET: usize = 48;

/// The most an inline body (after its own inlining) may cost: one per
/// Cranelift instruction outside its cold blocks (the paths that raise
/// runtime errors), [`GO_CALL_COST`] per call of Go code.
pub const CLIF_BUDGET: usize = 40;

/// What a call of Go code costs in [`CLIF_BUDGET`]: gc's
/// `inlineExtraCallCost` against its budget of 80, so that a function
/// making such a call is inlined when gc would inline it, about (an
/// inlined frame shows in tracebacks with `(...)`, a real one with its
/// arguments).
pub const GO_CALL_COST: usize = 57;

/// Most Cranelift instructions in an inline body, cold blocks included.
pub const CLIF_SIZE: usize = 40;

/// An inline body: a leaf's Cranelift IR and what its positions mean.
struct Body {
    /// Its Cranelift IR (see the invariant in the module doc).
    func: ir::Function,
    /// Its name, for the inlined frames.
    name: String,
    /// Its source file.
    file: String,
    /// Its position table (a srcloc of `func` is an index + 1 into it).
    positions: Vec<syntax::Pos>,
    /// The calls inlined into it.
    inlined: InlineSites,
}

/// The inline bodies prepared so far, for one compilation.
pub struct Inliner {
    /// Per function considered: its inline body, or `None` when it is no
    /// inline leaf (or while it is being prepared, so that a recursive
    /// function is not).
    bodies: HashMap<FuncId, Option<Rc<Body>>>,
    /// The IR function of each declared Go function.
    by_clif: HashMap<ClifFuncId, FuncId>,
}

impl Inliner {
    /// An inliner for the functions `cx` declares.
    pub fn new(cx: &ProgramCx) -> Inliner {
        let by_clif = cx.funcs.iter().enumerate().map(|(i, c)| (*c, FuncId(i as u32))).collect();
        Inliner { bodies: HashMap::new(), by_clif }
    }

    /// Inlines the calls of inline leaves in `ctx.func`, function `f` just
    /// translated, recording them in its `meta`.
    pub fn inline_calls(
        &mut self,
        cx: &mut ProgramCx,
        ctx: &mut Context,
        fctx: &mut FunctionBuilderContext,
        f: FuncId,
        meta: &mut FuncMeta,
    ) -> bool {
        let callees = self.direct_callees(&ctx.func);
        let mut any = false;
        for g in callees.into_iter().filter(|&g| may_inline_into(cx.prog, f, g)) {
            any |= self.prepare(cx, fctx, g).is_some();
        }
        if !any {
            return false;
        }
        let mut hook = Hook { inliner: self, prog: cx.prog, caller: f, copies: Vec::new() };
        if let Err(e) = ctx.inline(&mut hook) {
            let name = &cx.prog.funcs[f.0 as usize].name;
            cx.error(syntax::Pos::NONE, format!("internal compiler error: inlining into {name}: {e:?}"));
            return false;
        }
        let copies = hook.copies;
        let end = ctx.func.dfg.num_insts();
        for (k, copy) in copies.iter().enumerate() {
            let last = copies.get(k + 1).map_or(end, |c| c.first_inst);
            copy.place(&mut ctx.func, meta, last);
        }
        true
    }

    /// The Go functions `func` calls directly.
    fn direct_callees(&self, func: &ir::Function) -> Vec<FuncId> {
        let mut out = Vec::new();
        for block in func.layout.blocks() {
            for inst in func.layout.block_insts(block) {
                if let Some(g) = self.callee(func, inst)
                    && !out.contains(&g)
                {
                    out.push(g);
                }
            }
        }
        out
    }

    /// The Go function instruction `inst` of `func` calls directly, if any.
    fn callee(&self, func: &ir::Function, inst: ir::Inst) -> Option<FuncId> {
        match func.dfg.insts[inst].analyze_call(&func.dfg.value_lists, &func.dfg.exception_tables) {
            ir::instructions::CallInfo::Direct(fr, _) | ir::instructions::CallInfo::DirectWithSig(fr, ..) => {
                self.go_func(func, fr)
            }
            _ => None,
        }
    }

    /// The Go function a function reference of `func` names, if any.
    fn go_func(&self, func: &ir::Function, fr: ir::FuncRef) -> Option<FuncId> {
        let ExternalName::User(r) = func.dfg.ext_funcs[fr].name else { return None };
        let name = &func.params.user_named_funcs()[r];
        if name.namespace != 0 {
            return None;
        }
        self.by_clif.get(&ClifFuncId::from_u32(name.index)).copied()
    }

    /// The inline body of `g`, prepared on first request.
    fn prepare(&mut self, cx: &mut ProgramCx, fctx: &mut FunctionBuilderContext, g: FuncId) -> Option<Rc<Body>> {
        if let Some(body) = self.bodies.get(&g) {
            return body.clone();
        }
        self.bodies.insert(g, None);
        if !may_inline(cx.prog, g) {
            return None;
        }
        let mut ctx = Context::new();
        let mut meta = func_translate(cx, &mut ctx.func, fctx, g)?;
        self.inline_calls(cx, &mut ctx, fctx, g, &mut meta);
        // Wrappers are elided from tracebacks, so their frames must not
        // show as inlined ones: they may be inlined only if they call
        // nothing.
        let may_call = false;
        let body = is_inline_body(self, &ctx.func, may_call).then(|| {
            Rc::new(Body {
                func: std::mem::replace(&mut ctx.func, ir::Function::new()),
                name: meta.name,
                file: meta.file,
                positions: meta.positions,
                inlined: meta.inlined,
            })
        });
        self.bodies.insert(g, body.clone());
        body
    }
}

/// Folds the branches that inlining made constant in `ctx.func`: an
/// inlined result is often a constant in its caller (`isNaN(x)` of an
/// integer `x` is `x != x`, false), but Cranelift's optimiser folds values,
/// not branches, so `(isNaN(x) && !isNaN(y)) || x < y` (`cmp.Less`, in
/// every comparison of `slices.Sort`) kept the control flow of `&&` and
/// `||` around a constant. The function is optimised once (on a copy) to
/// find the constants, and the block parameters that carry one replaced by
/// it; if a conditional branch tests a constant, it becomes a jump
/// and the optimised function replaces the original (compiling it
/// optimises it again, now without the dead paths); else the copy is
/// dropped.
pub fn fold_constant_branches(ctx: &mut Context, isa: &dyn cranelift_codegen::isa::TargetIsa) {
    let mut probe = Context::for_function(ctx.func.clone());
    if probe.optimize(isa, &mut cranelift_codegen::control::ControlPlane::default()).is_err() {
        return;
    }
    // The optimiser removes the block parameters that always receive the
    // same value before it folds values: once more, now that the values
    // are constants.
    probe.compute_cfg();
    probe.compute_domtree();
    if probe.remove_constant_phis(isa).is_err() {
        return;
    }
    probe.func.dfg.resolve_all_aliases();
    if fold_brifs(&mut probe.func) {
        ctx.func = probe.func;
    }
}

/// Replaces every `brif` of `func` on a constant by a jump to the block it
/// always takes; whether there was one.
fn fold_brifs(func: &mut ir::Function) -> bool {
    let mut folded = false;
    let blocks: Vec<ir::Block> = func.layout.blocks().collect();
    for block in blocks {
        let Some(inst) = func.layout.last_inst(block) else { continue };
        let ir::InstructionData::Brif { arg, blocks, .. } = func.dfg.insts[inst] else { continue };
        let ir::ValueDef::Result(def, _) = func.dfg.value_def(arg) else { continue };
        let ir::InstructionData::UnaryImm { opcode: Opcode::Iconst, imm } = func.dfg.insts[def] else { continue };
        let taken = if imm.bits() != 0 { blocks[0] } else { blocks[1] };
        func.dfg.insts[inst] = ir::InstructionData::Jump { opcode: Opcode::Jump, destination: taken };
        folded = true;
    }
    folded
}

/// Whether `g` passes the IR half of the rule (see the module doc): its
/// calls may become inlined code.
pub fn may_inline(prog: &lower::ir::Program, g: FuncId) -> bool {
    let f = &prog.funcs[g.0 as usize];
    !(f.external || f.noinline || !f.defers.is_empty() || f.range_defers)
        && ir_size(&f.body).is_some_and(|n| n <= IR_BUDGET)
}

/// Whether a call of `g` in `f` may be inlined as far as packages go (see
/// the module doc): `g` is of `f`'s package, of deft's library, or
/// generated code that belongs to no package.
pub fn may_inline_into(prog: &lower::ir::Program, f: FuncId, g: FuncId) -> bool {
    match prog.funcs[g.0 as usize].unit {
        None => true,
        Some(u) => prog.funcs[f.0 as usize].unit == Some(u) || prog.packages.get(u as usize).is_none_or(|p| p.library),
    }
}

/// Translates `g` as `func::translate` does, discarding what only its own
/// compilation needs.
fn func_translate(
    cx: &mut ProgramCx,
    func: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
    g: FuncId,
) -> Option<FuncMeta> {
    let (meta, thunks) = crate::func::translate(cx, func, fctx, g)?;
    (meta.open_thunks.is_none() && thunks.is_empty()).then_some(meta)
}

/// Whether translated `func` qualifies as an inline body (see the module
/// doc); `may_call`: whether it may make calls.
fn is_inline_body(inliner: &Inliner, func: &ir::Function, may_call: bool) -> bool {
    if !func.dynamic_stack_slots.is_empty() {
        return false;
    }
    let (mut cost, mut size) = (0, 0);
    for block in func.layout.blocks() {
        let cold = func.layout.is_cold(block);
        for inst in func.layout.block_insts(block) {
            let op = func.dfg.insts[inst].opcode();
            // A tail call would leave the caller; a `try_call` is a
            // function's with defers, which is never inlined.
            let tail_or_try = matches!(
                op,
                Opcode::ReturnCall | Opcode::ReturnCallIndirect | Opcode::TryCall | Opcode::TryCallIndirect
            );
            if op.is_call() && (!may_call || tail_or_try)
                || matches!(op, Opcode::GetFramePointer | Opcode::GetStackPointer | Opcode::GetReturnAddress)
            {
                return false;
            }
            // A check's cold path (the call that raises a runtime error)
            // costs only its size; a call of Go code (not inlined into
            // it) costs as much as in gc's budget.
            let go_call = op == Opcode::CallIndirect || op.is_call() && inliner.callee(func, inst).is_some();
            cost += if go_call { GO_CALL_COST } else { usize::from(!cold) };
            size += 1;
        }
    }
    cost <= CLIF_BUDGET && size <= CLIF_SIZE
}

/// The number of statements and expressions in an IR body, or `None` if
/// it has what no inline body may have: a `go` statement (the new
/// goroutine's creator is a physical frame's), a `select`, or a
/// `recover` (which needs the frame of the deferred call it is in).
fn ir_size(body: &[lower::ir::Stmt]) -> Option<usize> {
    use lower::ir::{ExprKind, Stmt};
    struct Count(usize, bool);
    impl Visitor for Count {
        fn stmt(&mut self, s: &Stmt) -> bool {
            self.0 += 1;
            self.1 &= !matches!(s, Stmt::Go(_) | Stmt::Select { .. });
            self.1
        }
        fn expr(&mut self, e: &lower::ir::Expr) -> bool {
            self.0 += 1;
            self.1 &= !matches!(e.kind, ExprKind::Recover | ExprKind::RecoverFor(_));
            self.1
        }
    }
    let mut c = Count(0, true);
    walk_stmts(body, &mut c);
    c.1.then_some(c.0)
}

/// Cranelift's inlining pass asks this for each direct call.
struct Hook<'i> {
    inliner: &'i Inliner,
    prog: &'i lower::ir::Program,
    /// The function whose calls are inlined.
    caller: FuncId,
    /// The copies made, in order.
    copies: Vec<Copy>,
}

impl Inline for Hook<'_> {
    fn inline(
        &mut self,
        caller: &ir::Function,
        call_inst: ir::Inst,
        _opcode: Opcode,
        callee: ir::FuncRef,
        _args: &[ir::Value],
    ) -> InlineCommand<'_> {
        let g = self.inliner.go_func(caller, callee).filter(|&g| may_inline_into(self.prog, self.caller, g));
        let Some(body) = g.and_then(|g| self.inliner.bodies.get(&g).cloned().flatten()) else {
            return InlineCommand::KeepCall;
        };
        let call = caller.srcloc(call_inst);
        self.copies.push(Copy {
            first_inst: caller.dfg.num_insts(),
            first_global: caller.global_values.len(),
            call: if call.is_default() { 0 } else { call.bits() },
            body: body.clone(),
        });
        InlineCommand::Inline { callee: std::borrow::Cow::Owned(body.func.clone()), visit_callee: false }
    }
}

/// One inlined call: where Cranelift's pass put the copy of the body.
/// The pass copies one callee at a time, right after the hook answers,
/// appending to the caller's arenas: the copy's instructions are numbered
/// from `first_inst` up, in the callee's depth-first preorder of blocks
/// (its unreachable blocks left out), and its global values from
/// `first_global` up, in the callee's order.
struct Copy {
    first_inst: usize,
    first_global: usize,
    /// The call's srcloc (0: none).
    call: u32,
    body: Rc<Body>,
}

impl Copy {
    /// Records the copy, whose instructions end below `end`, in `meta` as
    /// an inlined call (with the calls inlined into the body), gives each
    /// instruction of the copy its position (the callee's, in the inlined
    /// call: Cranelift's pass leaves them none; an instruction without one
    /// gets the call's), and names the copy's symbols in `func`.
    fn place(&self, func: &mut ir::Function, meta: &mut FuncMeta, end: usize) {
        let body = &*self.body;
        let site = meta.inlined.calls.len() as u32 + 1;
        meta.inlined.calls.push((body.name.clone(), body.file.clone(), self.call));
        let mut memo: HashMap<u32, u32> = HashMap::new();
        let mut remap = |loc: u32, meta: &mut FuncMeta| -> u32 {
            let Some(pos) = loc.checked_sub(1).and_then(|i| body.positions.get(i as usize)) else { return self.call };
            *memo.entry(loc).or_insert_with(|| {
                meta.positions.push(*pos);
                meta.inlined.of_position.resize(meta.positions.len() - 1, 0);
                meta.inlined.of_position.push(site + body.inlined.call_of(loc));
                meta.positions.len() as u32
            })
        };
        for (name, file, loc) in &body.inlined.calls {
            let loc = remap(*loc, meta);
            meta.inlined.calls.push((name.clone(), file.clone(), loc));
        }
        let mut dfs = Dfs::new();
        let callee_insts = dfs.pre_order_iter(&body.func).flat_map(|b| body.func.layout.block_insts(b));
        for (n, callee_inst) in (self.first_inst..end).zip(callee_insts) {
            let loc = remap(body.func.srcloc(callee_inst).bits(), meta);
            func.set_srcloc(ir::Inst::from_u32(n as u32), SourceLoc::new(loc));
        }
        self.name_symbols(func);
    }

    /// Cranelift 0.135's pass copies a symbol global value with the
    /// callee's reference to its name, an index into the callee's table of
    /// names, which names another symbol in the caller: the name is
    /// declared in the caller's table and the reference replaced.
    fn name_symbols(&self, func: &mut ir::Function) {
        let callee = &self.body.func;
        for (k, data) in callee.global_values.values().enumerate() {
            let ir::GlobalValueData::Symbol { name: ExternalName::User(r), .. } = data else { continue };
            let r = func.declare_imported_user_function(callee.params.user_named_funcs()[*r].clone());
            let gv = ir::GlobalValue::from_u32((self.first_global + k) as u32);
            if let ir::GlobalValueData::Symbol { name, .. } = &mut func.global_values[gv] {
                *name = ExternalName::User(r);
            }
        }
    }
}
