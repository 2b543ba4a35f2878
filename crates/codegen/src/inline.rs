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
//! The inlined instructions carry the source position of the call they
//! replace: a goroutine preempted inside one is listed (a `-timeout`
//! traceback of every goroutine) at the call's line, where gc would add an
//! inlined frame for the leaf.
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
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::FuncId as ClifFuncId;
use lower::ir::FuncId;
use lower::walk::{Visitor, walk_stmts};

use crate::program::ProgramCx;

/// Most statements and expressions in an inline leaf's IR (a first,
/// cheap filter: a bigger function is not translated to be considered).
pub const IR_BUDGET: usize = 48;

/// Most Cranelift instructions in an inline leaf (after its own inlining).
pub const CLIF_BUDGET: usize = 40;

/// The inline bodies prepared so far, for one compilation.
pub struct Inliner {
    /// Per function considered: its inline body, or `None` when it is no
    /// inline leaf (or while it is being prepared, so that a recursive
    /// function is not).
    bodies: HashMap<FuncId, Option<Rc<ir::Function>>>,
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
    /// translated.
    pub fn inline_calls(
        &mut self,
        cx: &mut ProgramCx,
        ctx: &mut Context,
        fctx: &mut FunctionBuilderContext,
        f: FuncId,
    ) -> bool {
        let callees = self.direct_callees(&ctx.func);
        let mut any = false;
        for g in callees.into_iter().filter(|&g| may_inline_into(cx.prog, f, g)) {
            any |= self.prepare(cx, fctx, g).is_some();
        }
        if !any {
            return false;
        }
        let mut hook = Hook { inliner: self, prog: cx.prog, caller: f, starts: Vec::new() };
        if let Err(e) = ctx.inline(&mut hook) {
            let name = &cx.prog.funcs[f.0 as usize].name;
            cx.error(syntax::Pos::NONE, format!("internal compiler error: inlining into {name}: {e:?}"));
            return false;
        }
        let starts = hook.starts;
        give_call_positions(&mut ctx.func, &starts);
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
    fn prepare(
        &mut self,
        cx: &mut ProgramCx,
        fctx: &mut FunctionBuilderContext,
        g: FuncId,
    ) -> Option<Rc<ir::Function>> {
        if let Some(body) = self.bodies.get(&g) {
            return body.clone();
        }
        self.bodies.insert(g, None);
        if !may_inline(cx.prog, g) {
            return None;
        }
        let mut ctx = Context::new();
        func_translate(cx, &mut ctx.func, fctx, g)?;
        self.inline_calls(cx, &mut ctx, fctx, g);
        let body = is_leaf(&ctx.func).then(|| Rc::new(std::mem::replace(&mut ctx.func, ir::Function::new())));
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
    !(f.external || f.noinline || !f.defers.is_empty() || f.range_defers || ir_size(&f.body) > IR_BUDGET)
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
) -> Option<()> {
    let (meta, thunks) = crate::func::translate(cx, func, fctx, g)?;
    (meta.open_thunks.is_none() && thunks.is_empty()).then_some(())
}

/// Whether translated `func` qualifies as an inline leaf (see the module
/// doc).
fn is_leaf(func: &ir::Function) -> bool {
    // Cranelift 0.135's inliner copies a symbol global value (the address
    // of a string, a type descriptor, a global) without translating the
    // reference to its name, which then names another symbol in the caller.
    if !func.sized_stack_slots.is_empty() || !func.dynamic_stack_slots.is_empty() || !func.global_values.is_empty() {
        return false;
    }
    let mut count = 0;
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            count += 1;
            let op = func.dfg.insts[inst].opcode();
            if op.is_call()
                || matches!(op, Opcode::GetFramePointer | Opcode::GetStackPointer | Opcode::GetReturnAddress)
                || count > CLIF_BUDGET
            {
                return false;
            }
        }
    }
    true
}

/// The number of statements and expressions in an IR body.
fn ir_size(body: &[lower::ir::Stmt]) -> usize {
    struct Count(usize);
    impl Visitor for Count {
        fn stmt(&mut self, _: &lower::ir::Stmt) -> bool {
            self.0 += 1;
            true
        }
        fn expr(&mut self, _: &lower::ir::Expr) -> bool {
            self.0 += 1;
            true
        }
    }
    let mut c = Count(0);
    walk_stmts(body, &mut c);
    c.0
}

/// Cranelift's inlining pass asks this for each direct call.
struct Hook<'i> {
    inliner: &'i Inliner,
    prog: &'i lower::ir::Program,
    /// The function whose calls are inlined.
    caller: FuncId,
    /// For each call inlined, in order: the first instruction number of
    /// its copy and the call's source position. Cranelift numbers the
    /// instructions it creates consecutively and copies one callee at a
    /// time, right after this hook answers.
    starts: Vec<(usize, SourceLoc)>,
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
        let body = g.and_then(|g| self.inliner.bodies.get(&g).cloned().flatten());
        match body {
            Some(body) => {
                self.starts.push((caller.dfg.num_insts(), caller.srcloc(call_inst)));
                InlineCommand::Inline { callee: std::borrow::Cow::Owned((*body).clone()), visit_callee: false }
            }
            None => InlineCommand::KeepCall,
        }
    }
}

/// Gives every instruction an inlining created the source position of the
/// call it replaced (Cranelift's pass leaves them without one); `starts`
/// is [`Hook::starts`].
fn give_call_positions(func: &mut ir::Function, starts: &[(usize, SourceLoc)]) {
    let end = func.dfg.num_insts();
    for (k, &(first, loc)) in starts.iter().enumerate() {
        let last = starts.get(k + 1).map_or(end, |s| s.0);
        for n in first..last {
            func.set_srcloc(ir::Inst::from_u32(n as u32), loc);
        }
    }
}
