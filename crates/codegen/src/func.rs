//! Translation of one IR function into Cranelift IR: the function's frame
//! (where each local lives), statements and places. Expressions are in
//! [`crate::expr`], calls in [`crate::calls`], defers in [`crate::defers`].
//!
//! Where locals live ([`Home`]):
//! * a non-heap local is a set of Cranelift variables (one per scalar),
//!   except that a local containing an array, or of a big type (see
//!   [`crate::layout`]), lives in a frame slot, and a big local larger than
//!   [`BIG_FRAME_LIMIT`] in a heap cell allocated once at entry (zeroed at
//!   each `Decl`);
//! * a heap local is a variable holding the address of its cell, allocated
//!   zeroed at its `Decl` (params, results and captures at entry);
//! * in a function with defers the *results* live in explicit stack slots
//!   (their value, or their cell address), because the deferreturn block
//!   reads them after a resume, when no register holds anything.
//!
//! Big values across calls: a big argument is the address of the caller's
//! temporary copy, which the callee copies into its parameter's home; for a
//! big result the caller passes the address of a result area (a temporary
//! of the call site) after the arguments, the callee copies the result
//! there at its return and returns that address; a deferred call saves a
//! heap copy of each big argument.
//!
//! Since big values above [`BIG_FRAME_LIMIT`] live in the heap, deft's
//! frames stay small; gc's 1 GB frame limit is reproduced as a diagnostic
//! from an estimate of gc's frame (`GcFrame`).
//!
//! Invariants:
//! * The builder always has a current block that is not terminated: after
//!   a terminator (jump, return, a call that never returns) translation
//!   switches to a fresh block, which is unreachable unless a label targets
//!   it.
//! * In a function with defers every call that can panic is a `try_call`
//!   whose exceptional edge goes to the deferreturn block
//!   ([`crate::defers::DeferState::pad`]); in other functions calls are
//!   plain and cost nothing extra.
//! * An unsupported construct records a diagnostic and yields zero values
//!   of the right shape, so translation continues and reports all of them.

use std::collections::HashMap;

use cranelift_codegen::ir::{
    self, Block, FuncRef, GlobalValue, InstBuilder, MemFlagsData, SigRef, Signature, SourceLoc, StackSlot,
    StackSlotData, StackSlotKind, Type, Value, types,
};
use cranelift_frontend::{FunctionBuilder, Variable};
use cranelift_module::{DataId, FuncId as ClifFuncId, Module};
use lower::ir::{Expr, Func, FuncId, LabelId, LocalId, Place, ScopeId, Stmt, TyId, TyKind};
use runtime::frames::FrameKind;
use syntax::Pos;

use crate::defers::DeferState;
use crate::funcdata::FuncMeta;
use crate::layout::Layout;
use crate::maps::Dest;
use crate::program::ProgramCx;
use crate::runtime_symbols::Rt;

/// Where a local lives.
#[derive(Clone, Debug)]
pub enum Home {
    /// In variables, one per scalar.
    Vars(Vec<Variable>),
    /// In an explicit stack slot.
    Slot(StackSlot),
    /// In a heap cell whose address is in this variable.
    Cell(Variable),
    /// In a heap cell whose address is in this stack slot.
    CellSlot(StackSlot),
}

/// A resolved place: where a value of the place's type is.
#[derive(Clone, Debug)]
pub enum Loc {
    /// Variables (a sub-range of a local's).
    Vars(Vec<Variable>),
    /// Memory at `base + offset`.
    Mem(Value, i32),
    /// A stack slot at an offset.
    Slot(StackSlot, i32),
}

/// Big values up to this size get frame-slot temporaries; larger ones heap
/// memory (a frame of megabytes would overflow the stack).
pub const BIG_FRAME_LIMIT: u32 = 64 * 1024;

/// Memory flags for Go memory accesses (explicit nil checks precede them).
pub fn flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// The integer `v` is, if an `iconst` makes it.
pub fn iconst_value(dfg: &cranelift_codegen::ir::DataFlowGraph, v: cranelift_codegen::ir::Value) -> Option<i64> {
    use cranelift_codegen::ir::{InstructionData, Opcode, ValueDef};
    match dfg.value_def(v) {
        ValueDef::Result(inst, 0) => match dfg.insts[inst] {
            InstructionData::UnaryImm { opcode: Opcode::Iconst, imm } => Some(imm.bits()),
            _ => None,
        },
        _ => None,
    }
}

/// State of the translation of one function.
pub struct FnTx<'a, 'p> {
    /// The Cranelift builder.
    pub b: FunctionBuilder<'a>,
    /// Program-wide state.
    pub cx: &'a mut ProgramCx<'p>,
    /// The IR function.
    pub f: &'p Func,
    /// Its id.
    pub fid: FuncId,
    homes: Vec<Home>,
    /// The closure context parameter.
    pub closure: Value,
    scopes: HashMap<ScopeId, (Block, Option<Block>)>,
    labels: HashMap<LabelId, Block>,
    /// Defer state, if the function has defers.
    pub defers: Option<DeferState>,
    func_refs: HashMap<ClifFuncId, FuncRef>,
    data_refs: HashMap<DataId, GlobalValue>,
    sig_refs: HashMap<Signature, SigRef>,
    positions: Vec<Pos>,
    pos_index: HashMap<Pos, u32>,
    /// The position set last.
    pub(crate) last_pos: Pos,
    /// The position set last before the latest `return`, and that of the
    /// first call that raises a panic gc would compile to an exit block:
    /// the deferreturn block's (see [`FnTx::finish_defers`]).
    pub(crate) pos_before_return: Pos,
    pub(crate) first_raise_pos: Option<Pos>,
    /// The two words through which every failing bounds check of the
    /// function passes its operands (see `FnTx::bounds_fail_unless`).
    pub(crate) bounds_operands: Option<StackSlot>,
    /// An unsupported construct was met.
    pub failed: bool,
    /// Emitting the deferreturn block's code, all of which keeps the
    /// location [`FnTx::finish_defers`] gives it.
    pub(crate) in_resumed_code: bool,
    /// Cells and closure objects that live in the frame.
    pub frame: crate::escape::FrameCells,
    /// Which pointers the function makes stay in its frame.
    pub flow: crate::leaks::Flow,
    /// Index operations that need no bounds check.
    pub in_bounds: crate::bounds::InBounds,
    /// The loops a `continue` translated so far targets.
    continued: std::collections::HashSet<ScopeId>,
    /// Frame slots of frame-bound closure objects and of slice literals'
    /// backing arrays (see `FnTx::frame_object`).
    pub frame_objects: HashMap<*const lower::ir::Expr, StackSlot>,
    /// During an in-place map update ([`FnTx::map_update`]): the updated
    /// `m[k]` place and its entry's value address, which reads of that
    /// place use.
    pub map_entry: Option<(&'p Place, Value)>,
    /// Non-heap locals too large for the frame: they live in a heap cell
    /// allocated at entry.
    huge: std::collections::HashSet<LocalId>,
    /// Per big result: the frame slot holding the address of the caller's
    /// result area.
    areas: HashMap<LocalId, StackSlot>,
    /// The size gc's frame for this function would have.
    gc_frame: GcFrame,
}

/// gc's stack frame size of a function, which gc limits to 1 GB (values
/// larger than a frame temporary live in the heap in deft, so only the
/// diagnostic is gc's): stack variables (explicit ones above 10 MB are
/// heap-allocated by gc) and temporaries, parameters and results, and the
/// largest callee's.
#[derive(Default)]
struct GcFrame {
    locals: u64,
    args: u64,
    callee: u64,
}

/// gc's limit on a function's frame.
const GC_MAX_FRAME: u64 = 1 << 30;
/// gc moves explicitly declared variables larger than this to the heap.
const GC_MAX_STACK_VAR: u64 = 10 << 20;

/// Translates IR function `fid` into `func`; returns its metadata, or
/// `None` if it used something unsupported (diagnostics are recorded).
pub fn translate<'p>(
    cx: &mut ProgramCx<'p>,
    func: &mut ir::Function,
    fctx: &mut cranelift_frontend::FunctionBuilderContext,
    fid: FuncId,
) -> Option<(FuncMeta, Vec<ClifFuncId>)> {
    let prog = cx.prog;
    let f = &prog.funcs[fid.0 as usize];
    func.signature = cx.func_signature(fid);
    let tc = cx.module.target_config();
    let b = FunctionBuilder::new(func, fctx);
    let mut t = FnTx {
        b,
        cx,
        f,
        fid,
        homes: Vec::with_capacity(f.locals.len()),
        closure: Value::from_u32(0),
        scopes: HashMap::new(),
        labels: HashMap::new(),
        defers: None,
        func_refs: HashMap::new(),
        data_refs: HashMap::new(),
        sig_refs: HashMap::new(),
        positions: Vec::new(),
        pos_index: HashMap::new(),
        last_pos: Pos::NONE,
        pos_before_return: Pos::NONE,
        first_raise_pos: None,
        bounds_operands: None,
        failed: false,
        in_resumed_code: false,
        map_entry: None,
        frame: crate::escape::FrameCells::default(),
        flow: crate::leaks::Flow::default(),
        in_bounds: crate::bounds::InBounds::default(),
        continued: Default::default(),
        frame_objects: HashMap::new(),
        huge: Default::default(),
        areas: HashMap::new(),
        gc_frame: GcFrame::default(),
    };
    t.set_pos(f.pos);
    t.prologue();
    t.stmts(&f.body);
    t.ret();
    let open_thunks = t.finish_defers();
    let g = &t.gc_frame;
    if g.locals + g.args + g.callee > GC_MAX_FRAME {
        let msg = format!(
            "stack frame too large (>1GB): {} MB locals + {} MB args",
            (g.locals + g.callee) >> 20,
            g.args >> 20
        );
        t.failed = true;
        t.cx.error(f.pos, msg);
    }
    let FnTx { mut b, failed, positions, .. } = t;
    b.seal_all_blocks();
    b.finalize(tc);
    if failed {
        return None;
    }
    if open_thunks.is_some() {
        crate::deadstores::eliminate(func);
    }
    let (file, positions) = if cx.prog.autogenerated.contains(&fid) {
        ("<autogenerated>".to_string(), positions.iter().map(|_| Pos { line: 1, col: 1, ..Pos::NONE }).collect())
    } else {
        (traceback_path(&cx.sources.file(f.pos.file).name), positions)
    };
    let meta = FuncMeta {
        name: f.name.clone(),
        file,
        has_params: !f.params.is_empty(),
        // The program's init is gc's runtime.doInit1, whose frame
        // tracebacks do not show.
        kind: if fid == cx.prog.init { FrameKind::Glue } else { FrameKind::Go },
        positions,
        open_thunks: open_thunks.clone(),
        wrapper: cx.prog.wrappers.contains(&fid),
        inlined: Default::default(),
    };
    Some((meta, open_thunks.unwrap_or_default()))
}

/// gc prints absolute source paths in tracebacks (diagnostics keep the
/// name as given).
fn traceback_path(name: &str) -> String {
    std::path::absolute(name).map_or_else(|_| name.to_string(), |p| p.to_string_lossy().into_owned())
}

impl<'a, 'p> FnTx<'a, 'p> {
    // ---------------------------------------------------------------
    // Small helpers
    // ---------------------------------------------------------------

    /// The layout of `ty`.
    pub fn layout(&self, ty: TyId) -> Layout {
        self.cx.layouts.get(ty).clone()
    }

    /// The structure of `ty`.
    pub fn kind(&self, ty: TyId) -> &'p TyKind {
        &self.cx.prog.types[ty.0 as usize].kind
    }

    /// Whether values of `ty` contain an array.
    fn contains_array(&self, ty: TyId) -> bool {
        match self.kind(ty) {
            TyKind::Array(..) => true,
            TyKind::Struct(fields) => fields.iter().any(|(_, t, _)| self.contains_array(*t)),
            _ => false,
        }
    }

    /// The type of local `l`.
    pub fn local_ty(&self, l: LocalId) -> TyId {
        self.f.locals[l.0 as usize].ty
    }

    /// Sets the source position of the instructions emitted next.
    pub fn set_pos(&mut self, pos: Pos) {
        if !pos.is_known() || self.in_resumed_code {
            return;
        }
        let next = self.positions.len() as u32;
        let idx = *self.pos_index.entry(pos).or_insert(next);
        if idx == next {
            self.positions.push(pos);
        }
        self.b.set_srcloc(SourceLoc::new(idx + 1));
        self.last_pos = pos;
    }

    /// Records an unsupported construct.
    pub fn unsupported(&mut self, pos: Pos, what: &str) {
        self.failed = true;
        self.cx.unsupported(pos, what);
    }

    /// Records an internal compiler error (malformed IR).
    pub fn ice(&mut self, pos: Pos, what: &str) {
        self.failed = true;
        self.cx.error(pos, format!("internal compiler error: {what}"));
    }

    /// A reference to declared function `id` from this function.
    pub fn func_ref(&mut self, id: ClifFuncId) -> FuncRef {
        if let Some(r) = self.func_refs.get(&id) {
            return *r;
        }
        let r = self.cx.module.declare_func_in_func(id, self.b.func);
        self.func_refs.insert(id, r);
        r
    }

    /// A reference to runtime entry point `rt`.
    pub fn rt_ref(&mut self, rt: Rt) -> FuncRef {
        let id = self.cx.rt_func(rt);
        self.func_ref(id)
    }

    /// The address of static data `id`.
    pub fn data_addr(&mut self, id: DataId) -> Value {
        let gv = match self.data_refs.get(&id) {
            Some(gv) => *gv,
            None => {
                let gv = self.cx.module.declare_data_in_func(id, self.b.func);
                self.data_refs.insert(id, gv);
                gv
            }
        };
        self.b.ins().symbol_value(types::I64, gv)
    }

    /// An imported signature.
    pub fn sig_ref(&mut self, sig: Signature) -> SigRef {
        if let Some(r) = self.sig_refs.get(&sig) {
            return *r;
        }
        let r = self.b.import_signature(sig.clone());
        self.sig_refs.insert(sig, r);
        r
    }

    /// Integer constant of type `ty` (bits truncated to the width).
    pub fn iconst(&mut self, ty: Type, v: i64) -> Value {
        let masked = if ty.bits() >= 64 { v } else { v & ((1i64 << ty.bits()) - 1) };
        self.b.ins().iconst(ty, masked)
    }

    /// The zero value of each scalar of `ty` (a zeroed temporary for a big
    /// scalar).
    pub fn zeros(&mut self, ty: TyId) -> Vec<Value> {
        let l = self.layout(ty);
        l.scalars
            .iter()
            .map(|s| {
                if s.big > 0 {
                    let t = self.big_temp(s.big);
                    if s.big <= BIG_FRAME_LIMIT {
                        self.zero_bytes(t, s.big);
                    }
                    t
                } else {
                    self.zero_scalar(s.ty)
                }
            })
            .collect()
    }

    /// Zero of one scalar type.
    pub fn zero_scalar(&mut self, ty: Type) -> Value {
        match ty {
            types::F32 => self.b.ins().f32const(0.0),
            types::F64 => self.b.ins().f64const(0.0),
            _ => self.b.ins().iconst(ty, 0),
        }
    }

    /// Starts a fresh (unreachable) block after a terminator.
    pub fn after_terminator(&mut self) {
        let blk = self.b.create_block();
        self.b.switch_to_block(blk);
        // Nothing jumps here: sealed, it is known unreachable at once.
        self.b.seal_block(blk);
    }

    /// Ends the current block with a jump to `target`, or with a trap when
    /// the block is unreachable (the fresh block after a terminator): a
    /// jump from there would give `target` a predecessor that never runs,
    /// and every variable live at `target` a block parameter fed with zeros
    /// from it (after every bounds check, whose failure path ends in a
    /// call that never returns).
    pub fn jump_if_reachable(&mut self, target: Block) {
        if self.b.is_unreachable() {
            self.b.ins().trap(ir::TrapCode::unwrap_user(1));
        } else {
            self.b.ins().jump(target, &[]);
        }
    }

    /// Allocates `size` zeroed heap bytes.
    pub fn alloc(&mut self, size: u32, align: u32, noscan: bool) -> Value {
        let s = self.iconst(types::I64, size as i64);
        let flag = if noscan { runtime::alloc::NOSCAN as i64 } else { 0 };
        let a = self.iconst(types::I64, align.max(1) as i64 | flag);
        self.rt_call(Rt::Alloc, &[s, a])[0]
    }

    /// Loads a whole value of layout `l` from `base + off` (big scalars are
    /// copied into fresh temporaries).
    pub fn load_value(&mut self, l: &Layout, base: Value, off: i32) -> Vec<Value> {
        l.scalars
            .iter()
            .map(|s| {
                if s.big > 0 {
                    let src = self.offset_addr(base, off + s.offset as i32);
                    let tmp = self.big_temp(s.big);
                    self.copy_bytes(tmp, src, s.big);
                    tmp
                } else {
                    self.b.ins().load(s.ty, flags(), base, off + s.offset as i32)
                }
            })
            .collect()
    }

    /// Reads a whole value of layout `l` at `base + off` from memory that is
    /// never written again (a temporary, a boxed value): big scalars are
    /// addresses into it, not copies.
    pub fn view_value(&mut self, l: &Layout, base: Value, off: i32) -> Vec<Value> {
        l.scalars
            .iter()
            .map(|s| {
                if s.big > 0 {
                    self.offset_addr(base, off + s.offset as i32)
                } else {
                    self.b.ins().load(s.ty, flags(), base, off + s.offset as i32)
                }
            })
            .collect()
    }

    /// Stores a whole value of layout `l` at `base + off` (big scalars copy
    /// their bytes).
    pub fn store_value(&mut self, l: &Layout, vals: &[Value], base: Value, off: i32) {
        for (s, v) in l.scalars.iter().zip(vals) {
            if s.big > 0 {
                let dst = self.offset_addr(base, off + s.offset as i32);
                self.copy_bytes(dst, *v, s.big);
            } else {
                self.b.ins().store(flags(), *v, base, off + s.offset as i32);
            }
        }
    }

    /// `base + off`.
    pub fn offset_addr(&mut self, base: Value, off: i32) -> Value {
        if off == 0 { base } else { self.b.ins().iadd_imm_s(base, off as i64) }
    }

    /// A fresh temporary for a big value of `size` bytes: a frame slot of
    /// this site, or heap memory above [`BIG_FRAME_LIMIT`] bytes.
    pub fn big_temp(&mut self, size: u32) -> Value {
        if size > BIG_FRAME_LIMIT {
            return self.alloc(size, 8, false);
        }
        let s = self.slot(size, 16);
        self.b.ins().stack_addr(types::I64, s, 0)
    }

    /// Result areas for a call of a function with parameters `params` and
    /// results `results`: one fresh temporary per big result, passed after
    /// the arguments. Also accounts the call in gc's frame size.
    pub fn result_areas(&mut self, params: &[TyId], results: &[TyId]) -> Vec<Value> {
        let args: u64 = params.iter().chain(results).map(|t| self.layout(*t).size as u64).sum();
        self.gc_frame.callee = self.gc_frame.callee.max(args);
        let mut out = Vec::new();
        for &t in results {
            let l = self.layout(t);
            if l.too_big {
                out.push(self.big_temp(l.size));
            }
        }
        out
    }

    /// Accounts argument `a` in gc's frame size: a big call result passed
    /// on to another call is a temporary in gc's frame.
    pub fn note_arg_temp(&mut self, a: &Expr) {
        if matches!(a.kind, lower::ir::ExprKind::Call(_)) {
            let l = self.layout(a.ty);
            if l.too_big {
                self.gc_frame.locals += l.size as u64;
            }
        }
    }

    /// A copy of the big value at `src` that outlives this frame (heap).
    pub fn big_heap_copy(&mut self, src: Value, size: u32) -> Value {
        let p = self.alloc(size, 8, false);
        self.copy_bytes(p, src, size);
        p
    }

    /// Copies `size` bytes from `src` to `dst` (which do not overlap).
    pub fn copy_bytes(&mut self, dst: Value, src: Value, size: u32) {
        let cfg = self.cx.module.target_config();
        self.b.emit_small_memory_copy(cfg, dst, src, size as u64, 1, 1, true, flags());
    }

    /// Zeroes `size` bytes at `dst`.
    pub fn zero_bytes(&mut self, dst: Value, size: u32) {
        let cfg = self.cx.module.target_config();
        self.b.emit_small_memset(cfg, dst, 0, size as u64, 1, flags());
    }

    /// A fresh explicit stack slot.
    pub fn slot(&mut self, size: u32, align: u32) -> StackSlot {
        let shift = align.max(1).trailing_zeros() as u8;
        self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size.max(1), shift))
    }

    // ---------------------------------------------------------------
    // Frame setup
    // ---------------------------------------------------------------

    fn prologue(&mut self) {
        let entry = self.b.create_block();
        self.b.append_block_params_for_function_params(entry);
        self.b.switch_to_block(entry);
        let params = self.b.block_params(entry).to_vec();
        self.closure = params[0];
        let f = self.f;
        let has_defers = crate::defers::has_own_defers(f);
        let records = crate::defers::has_records(f);
        self.flow = crate::leaks::analyse(self.cx.prog, self.fid, &mut self.cx.leaks);
        let small: Vec<bool> = f.locals.iter().map(|l| self.layout(l.ty).size <= BIG_FRAME_LIMIT).collect();
        let (prog, flow, leaks) = (self.cx.prog, &self.flow, &mut self.cx.leaks);
        self.frame = crate::escape::analyse(
            prog,
            self.fid,
            |site| crate::defers::effective_kind(f.defers[site].kind, records),
            |l| small[l.0 as usize] && flow.addr_stays(l),
            |e| flow.object_stays(e),
            |outer, c, l| small[outer.0 as usize] && crate::leaks::analyse(prog, c, leaks).addr_stays(l),
        );
        self.in_bounds = crate::bounds::analyse(self.cx.prog, f);
        for (i, local) in f.locals.iter().enumerate() {
            let id = LocalId(i as u32);
            let l = self.layout(local.ty);
            let is_result = f.results.contains(&id);
            if f.params.contains(&id) || is_result {
                self.gc_frame.args += l.size as u64;
            } else if !local.heap && (local.name.starts_with('~') || l.size as u64 <= GC_MAX_STACK_VAR) {
                self.gc_frame.locals += l.size as u64;
            }
            let in_frame = local.heap && self.frame.cells.contains(&id);
            // Arrays (also inside structs) live in memory, where a variable
            // index can address their elements.
            // Big values always live in memory; huge ones in a heap cell
            // allocated once at entry (and zeroed at each `Decl`).
            let huge = !local.heap && l.too_big && l.size > BIG_FRAME_LIMIT;
            if huge {
                self.huge.insert(id);
            }
            let in_memory = !huge && (in_frame || (!local.heap && (self.contains_array(local.ty) || l.too_big)));
            let home = match (local.heap || huge, has_defers && is_result) {
                _ if in_memory => Home::Slot(self.slot(l.size, l.align)),
                (false, false) => Home::Vars(l.scalars.iter().map(|s| self.b.declare_var(s.ty)).collect()),
                (false, true) => Home::Slot(self.slot(l.size, l.align)),
                (true, false) => Home::Cell(self.b.declare_var(types::I64)),
                (true, true) => Home::CellSlot(self.slot(8, 8)),
            };
            self.homes.push(home);
            if huge {
                let cell = self.alloc(l.size, l.align, !l.has_ptr);
                self.set_cell(id, cell);
            }
        }
        // Parameters: from the block parameters.
        let mut next = 1;
        for &p in &f.params {
            let n = self.layout(self.local_ty(p)).scalars.len();
            let vals = params[next..next + n].to_vec();
            next += n;
            self.init_local(p);
            self.write_local(p, &vals);
        }
        // Result areas of big results, after the parameters.
        for &r in &f.results {
            if self.layout(self.local_ty(r)).too_big {
                let s = self.slot(8, 8);
                self.b.ins().stack_store(types::I64, params[next], s, 0);
                next += 1;
                self.areas.insert(r, s);
            }
        }
        for &r in &f.results {
            self.init_local(r);
        }
        // Captures from the closure object: cell addresses, or copies.
        let (offsets, _) = crate::calls::capture_offsets(self.cx, self.fid);
        for (&c, (off, copied)) in f.captures.iter().zip(offsets) {
            if copied {
                let l = self.layout(self.local_ty(c));
                let vals = self.load_value(&l, self.closure, off as i32);
                self.write_local(c, &vals);
            } else {
                let cell = self.b.ins().load(types::I64, flags(), self.closure, off as i32);
                self.set_cell(c, cell);
            }
        }
        if has_defers {
            self.defers = Some(DeferState::new(self));
        }
    }

    /// `Decl`: brings a local into existence, zeroed.
    fn init_local(&mut self, l: LocalId) {
        let ty = self.local_ty(l);
        if self.f.locals[l.0 as usize].heap && !self.frame.cells.contains(&l) {
            let lay = self.layout(ty);
            let cell = self.alloc(lay.size, lay.align, !lay.has_ptr);
            self.set_cell(l, cell);
        } else if self.layout(ty).too_big || self.huge.contains(&l) {
            let loc = self.local_loc(l);
            if let Some(a) = self.loc_addr(&loc) {
                self.zero_bytes(a, self.layout(ty).size);
            }
        } else {
            let z = self.zeros(ty);
            self.write_local(l, &z);
        }
    }

    fn set_cell(&mut self, l: LocalId, cell: Value) {
        match self.homes[l.0 as usize].clone() {
            Home::Cell(v) => self.b.def_var(v, cell),
            Home::CellSlot(s) => {
                self.b.ins().stack_store(types::I64, cell, s, 0);
            }
            _ => self.ice(self.f.pos, "capture of a non-heap local"),
        }
    }

    /// Where local `l`'s value is.
    pub fn local_loc(&mut self, l: LocalId) -> Loc {
        match self.homes[l.0 as usize].clone() {
            Home::Vars(vs) => Loc::Vars(vs),
            Home::Slot(s) => Loc::Slot(s, 0),
            Home::Cell(v) => Loc::Mem(self.b.use_var(v), 0),
            Home::CellSlot(s) => Loc::Mem(self.b.ins().stack_load(types::I64, types::I64, s, 0), 0),
        }
    }

    /// The cell address of heap local `l` (a frame slot for frame cells).
    pub fn cell_addr(&mut self, l: LocalId) -> Option<Value> {
        match self.homes[l.0 as usize].clone() {
            Home::Slot(s) if self.frame.cells.contains(&l) => Some(self.b.ins().stack_addr(types::I64, s, 0)),
            Home::Cell(v) => Some(self.b.use_var(v)),
            Home::CellSlot(s) => Some(self.b.ins().stack_load(types::I64, types::I64, s, 0)),
            _ => None,
        }
    }

    /// Reads local `l`.
    pub fn read_local(&mut self, l: LocalId) -> Vec<Value> {
        let loc = self.local_loc(l);
        let ty = self.local_ty(l);
        self.read_loc(&loc, ty)
    }

    /// Writes local `l`.
    pub fn write_local(&mut self, l: LocalId, vals: &[Value]) {
        let loc = self.local_loc(l);
        let ty = self.local_ty(l);
        self.write_loc(&loc, ty, vals);
    }

    /// Reads a value of type `ty` at `loc`.
    pub fn read_loc(&mut self, loc: &Loc, ty: TyId) -> Vec<Value> {
        let l = self.layout(ty);
        match loc {
            Loc::Vars(vs) => vs.iter().map(|v| self.b.use_var(*v)).collect(),
            Loc::Mem(base, off) => self.load_value(&l, *base, *off),
            Loc::Slot(s, off) if l.too_big => {
                let base = self.b.ins().stack_addr(types::I64, *s, *off);
                self.load_value(&l, base, 0)
            }
            Loc::Slot(s, off) => l
                .scalars
                .iter()
                .map(|sc| self.b.ins().stack_load(types::I64, sc.ty, *s, off + sc.offset as i32))
                .collect(),
        }
    }

    /// Writes a value of type `ty` at `loc`.
    pub fn write_loc(&mut self, loc: &Loc, ty: TyId, vals: &[Value]) {
        let l = self.layout(ty);
        if vals.len() != l.scalars.len() {
            if !self.failed {
                let msg = format!("value of {} scalars stored into {}", vals.len(), l.scalars.len());
                self.ice(Pos::NONE, &msg);
            }
            return;
        }
        match loc {
            Loc::Vars(vs) => {
                for (v, x) in vs.iter().zip(vals) {
                    self.b.def_var(*v, *x);
                }
            }
            Loc::Mem(base, off) => self.store_value(&l, vals, *base, *off),
            Loc::Slot(s, off) if l.too_big => {
                let base = self.b.ins().stack_addr(types::I64, *s, *off);
                self.store_value(&l, vals, base, 0);
            }
            Loc::Slot(s, off) => {
                for (sc, x) in l.scalars.iter().zip(vals) {
                    self.b.ins().stack_store(types::I64, *x, *s, off + sc.offset as i32);
                }
            }
        }
    }

    /// The address of a memory location (`None` for variables).
    pub fn loc_addr(&mut self, loc: &Loc) -> Option<Value> {
        match loc {
            Loc::Vars(_) => None,
            Loc::Mem(base, off) => Some(if *off == 0 { *base } else { self.b.ins().iadd_imm_s(*base, *off as i64) }),
            Loc::Slot(s, off) => Some(self.b.ins().stack_addr(types::I64, *s, *off)),
        }
    }

    // ---------------------------------------------------------------
    // Places
    // ---------------------------------------------------------------

    /// The type of a place.
    pub fn place_ty(&self, p: &Place) -> TyId {
        self.cx.prog.place_ty(self.f, p)
    }

    /// Evaluates a place's operands (nil and bounds checks included).
    pub fn place(&mut self, p: &'p Place) -> Loc {
        match p {
            Place::Local(l) => self.local_loc(*l),
            Place::Global(g) => {
                let id = self.cx.global(*g);
                Loc::Mem(self.data_addr(id), 0)
            }
            Place::Deref(e) => {
                let ptr = self.expr(e)[0];
                self.set_pos(e.pos);
                self.nil_check(ptr);
                Loc::Mem(ptr, 0)
            }
            Place::Field(inner, n) => {
                let ity = self.place_ty(inner);
                let loc = self.place(inner);
                let l = self.layout(ity);
                let Some(&(off, first)) = l.fields.get(*n) else {
                    self.ice(Pos::NONE, "field of a non-struct");
                    return loc;
                };
                let fty = self.place_ty(p);
                let count = self.layout(fty).scalars.len();
                match loc {
                    Loc::Vars(vs) => Loc::Vars(vs[first..first + count].to_vec()),
                    Loc::Mem(b, o) => Loc::Mem(b, o + off as i32),
                    Loc::Slot(s, o) => Loc::Slot(s, o + off as i32),
                }
            }
            Place::ArrayIndex(inner, idx) => {
                let aty = self.place_ty(inner);
                let loc = self.place(inner);
                let TyKind::Array(n, ety) = *self.kind(aty) else {
                    self.ice(idx.pos, "array index of a non-array");
                    return loc;
                };
                let el = self.layout(ety);
                if let (Loc::Vars(vs), lower::ir::ExprKind::Const(lower::ir::Const::Int(k))) = (&loc, &idx.kind) {
                    let k = *k as usize;
                    let c = el.scalars.len();
                    return Loc::Vars(vs[k * c..(k + 1) * c].to_vec());
                }
                let i = self.expr(idx)[0];
                self.set_pos(idx.pos);
                let i64v = self.index_value(i, idx.ty);
                if !self.in_bounds.place(p) && !self.index_type_fits(idx.ty, n) {
                    let len = self.iconst(types::I64, n as i64);
                    self.bounds_check(i64v, len, idx.ty, runtime::errors::BoundsCode::Index);
                }
                let Some(base) = self.loc_addr(&loc) else {
                    self.unsupported(idx.pos, "indexing an array held in registers with a variable index");
                    return loc;
                };
                let off = self.b.ins().imul_imm_s(i64v, el.size as i64);
                Loc::Mem(self.b.ins().iadd(base, off), 0)
            }
            Place::SliceIndex(s, idx) => {
                let sv = self.expr(s);
                let i = self.expr(idx)[0];
                self.set_pos(idx.pos);
                let ety = self.place_ty(p);
                let i64v = self.index_value(i, idx.ty);
                if !self.in_bounds.place(p) {
                    self.bounds_check(i64v, sv[1], idx.ty, runtime::errors::BoundsCode::Index);
                }
                let size = self.layout(ety).size;
                let off = self.b.ins().imul_imm_s(i64v, size as i64);
                Loc::Mem(self.b.ins().iadd(sv[0], off), 0)
            }
            Place::MapIndex(m, k) => match self.map_entry {
                Some((q, at)) if q == p => Loc::Mem(at, 0),
                _ => self.map_read_loc(m, k),
            },
        }
    }

    /// Evaluates the operands of an assignment's target place.
    fn dest(&mut self, p: &'p Place) -> Dest {
        match p {
            Place::MapIndex(m, k) => self.map_dest(m, k),
            _ => Dest::Loc(self.place(p)),
        }
    }

    // ---------------------------------------------------------------
    // Statements
    // ---------------------------------------------------------------

    /// Translates a statement list.
    pub fn stmts(&mut self, list: &'p [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'p Stmt) {
        match s {
            Stmt::Decl(l) => self.init_local(*l),
            Stmt::Eval(e) => {
                self.expr(e);
            }
            Stmt::Assign(p, e) if self.map_update(p, e) => {}
            Stmt::Assign(p, e) if self.is_big_copy(p, e) => self.big_copy(p, e),
            Stmt::Assign(p, e) => {
                let ty = self.place_ty(p);
                let dest = self.dest(p);
                let v = self.expr(e);
                self.write_dest(&dest, ty, &v);
            }
            Stmt::AssignMulti(places, e) => {
                let locs: Vec<Option<(Dest, TyId)>> =
                    places.iter().map(|p| p.as_ref().map(|p| (self.dest(p), self.place_ty(p)))).collect();
                let vals = self.expr(e);
                let TyKind::Tuple(elems) = self.kind(e.ty).clone() else {
                    self.ice(e.pos, "multi-assignment of a non-tuple");
                    return;
                };
                let tl = self.layout(e.ty);
                for (i, loc) in locs.iter().enumerate() {
                    let first = tl.fields[i].1;
                    let n = self.layout(elems[i]).scalars.len();
                    if let Some((loc, ty)) = loc {
                        self.write_dest(loc, *ty, &vals[first..first + n]);
                    }
                }
            }
            Stmt::If { cond, then, els } => {
                let (tb, eb, join) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
                self.branch(cond, tb, eb, false);
                self.b.switch_to_block(tb);
                self.stmts(then);
                self.jump_if_reachable(join);
                self.b.switch_to_block(eb);
                self.stmts(els);
                self.jump_if_reachable(join);
                self.b.switch_to_block(join);
            }
            Stmt::Loop { id, cond, body, post } => {
                if let Some(c) = cond {
                    self.split_reduction(c, body, post);
                }
                let (head, bodyb, postb, exit) =
                    (self.b.create_block(), self.b.create_block(), self.b.create_block(), self.b.create_block());
                self.b.ins().jump(head, &[]);
                self.b.switch_to_block(head);
                match cond {
                    Some(c) => self.branch(c, bodyb, exit, true),
                    None => {
                        self.b.ins().jump(bodyb, &[]);
                    }
                }
                self.scopes.insert(*id, (exit, Some(postb)));
                self.b.switch_to_block(bodyb);
                self.stmts(body);
                // The post statements start a block of their own only when
                // a `continue` jumps there: otherwise they continue the
                // body's last block, where Cranelift can combine the
                // body's loads with the post's arithmetic.
                if self.continued.contains(id) {
                    self.jump_if_reachable(postb);
                    self.b.switch_to_block(postb);
                }
                self.stmts(post);
                match cond {
                    // The loop rotated, as gc's loops are: a cheap condition
                    // is tested again at the bottom, so that an iteration
                    // ends in one conditional branch back to the body
                    // rather than a jump to the test at the top.
                    Some(c) if is_cheap_cond(self.cx.prog, c) && !self.b.is_unreachable() => {
                        self.branch(c, bodyb, exit, false)
                    }
                    _ => self.jump_if_reachable(head),
                }
                self.b.switch_to_block(exit);
            }
            Stmt::Block { id, body } => {
                let exit = self.b.create_block();
                self.scopes.insert(*id, (exit, None));
                self.stmts(body);
                self.jump_if_reachable(exit);
                self.b.switch_to_block(exit);
            }
            Stmt::Break(id) | Stmt::Continue(id) => {
                let target = match (self.scopes.get(id), s) {
                    (Some((exit, _)), Stmt::Break(_)) => Some(*exit),
                    (Some((_, cont)), _) => *cont,
                    (None, _) => None,
                };
                match target {
                    Some(t) => {
                        if matches!(s, Stmt::Continue(_)) {
                            self.continued.insert(*id);
                        }
                        self.jump_if_reachable(t);
                        self.after_terminator();
                    }
                    None => self.ice(self.f.pos, "break/continue outside its scope"),
                }
            }
            Stmt::Label(l) => {
                let blk = self.label_block(*l);
                self.jump_if_reachable(blk);
                self.b.switch_to_block(blk);
            }
            Stmt::Goto(l) => {
                let blk = self.label_block(*l);
                self.jump_if_reachable(blk);
                self.after_terminator();
            }
            Stmt::Return(pos) => {
                self.pos_before_return = self.last_pos;
                let pos = self.exit_pos(*pos);
                self.set_pos(pos);
                self.ret();
                self.after_terminator();
            }
            Stmt::Defer { site, call } => self.defer_stmt(*site, call),
            Stmt::Go(call) => self.go_stmt(call),
            Stmt::Select { cases, default } => self.select_stmt(cases, default.as_deref()),
            Stmt::TypeSwitch { x, cases, arms, miss } => self.type_switch(x, cases, arms, miss),
        }
    }

    /// Whether `p = e` copies a big value from one place to another (done
    /// without an intermediate temporary).
    fn is_big_copy(&self, p: &Place, e: &Expr) -> bool {
        use lower::ir::ExprKind;
        self.layout(self.place_ty(p)).too_big
            && !matches!(p, Place::MapIndex(..))
            && match &e.kind {
                ExprKind::Local(_) | ExprKind::Global(_) => true,
                ExprKind::Load(q) => !matches!(**q, Place::MapIndex(..)),
                _ => false,
            }
    }

    /// `p = e` for a big value at another place: the place's operands, then
    /// the source's, then one copy (a `memmove`: `a = a` is allowed).
    fn big_copy(&mut self, p: &'p Place, e: &'p Expr) {
        use lower::ir::ExprKind;
        let size = self.layout(self.place_ty(p)).size;
        let dest = self.place(p);
        let src = match &e.kind {
            ExprKind::Local(l) => self.local_loc(*l),
            ExprKind::Global(g) => {
                let id = self.cx.global(*g);
                Loc::Mem(self.data_addr(id), 0)
            }
            ExprKind::Load(q) => {
                self.set_pos(e.pos);
                self.place(q)
            }
            _ => return,
        };
        let (Some(d), Some(s)) = (self.loc_addr(&dest), self.loc_addr(&src)) else {
            self.ice(e.pos, "big value held in variables");
            return;
        };
        let cfg = self.cx.module.target_config();
        self.b.emit_small_memory_copy(cfg, d, s, size as u64, 1, 1, false, flags());
    }

    /// Branches on boolean `cond` to `then` or `els`. `&&`, `||` and `!` become
    /// control flow (evaluating operands in Go's order, the right one only
    /// when needed) instead of a boolean materialized and then tested.
    ///
    /// `then_follows` asks for `then` to be laid out right after the test
    /// (a loop's body after its condition). Cranelift lays blocks out in
    /// the reverse postorder of a depth-first walk that visits a `brif`'s
    /// first successor first, so that successor's blocks end up last (a
    /// loop body given as the first successor lands after the rest of the
    /// function, and every iteration takes two jumps instead of one). With
    /// `then_follows` every test is inverted (`brif !c, els, then`), so the
    /// walk reaches `els` first and `then` next to the test.
    fn branch(&mut self, cond: &'p Expr, then: Block, els: Block, then_follows: bool) {
        match &cond.kind {
            lower::ir::ExprKind::AndAnd(x, y) | lower::ir::ExprKind::OrOr(x, y) => {
                let rhs = self.b.create_block();
                if matches!(cond.kind, lower::ir::ExprKind::AndAnd(..)) {
                    self.branch(x, rhs, els, then_follows);
                } else {
                    self.branch(x, then, rhs, then_follows);
                }
                self.b.switch_to_block(rhs);
                self.branch(y, then, els, then_follows);
            }
            lower::ir::ExprKind::Unary(lower::ir::UnOp::Not, x) => self.branch(x, els, then, !then_follows),
            _ => {
                let v = self.expr(cond)[0];
                if then_follows {
                    let not = self.negate(v);
                    self.b.ins().brif(not, els, &[], then, &[]);
                } else {
                    self.b.ins().brif(v, then, &[], els, &[]);
                }
            }
        }
    }

    /// The negation of boolean `v`: the complementary comparison when `v`
    /// is a comparison's result (which is then dead), so that a branch on
    /// it stays one compare-and-jump (`!(a < b)` of floats is "unordered
    /// or `a >= b`").
    fn negate(&mut self, v: Value) -> Value {
        use cranelift_codegen::ir::condcodes::{CondCode, IntCC};
        use cranelift_codegen::ir::{InstructionData, ValueDef};
        let dfg = &self.b.func.dfg;
        if let ValueDef::Result(inst, 0) = dfg.value_def(v) {
            match dfg.insts[inst] {
                InstructionData::IntCompare { cond, args: [x, y], .. } => {
                    return self.b.ins().icmp(cond.complement(), x, y);
                }
                InstructionData::FloatCompare { cond, args: [x, y], .. } => {
                    return self.b.ins().fcmp(cond.complement(), x, y);
                }
                _ => {}
            }
        }
        self.b.ins().icmp_imm_u(IntCC::Equal, v, 0)
    }

    fn label_block(&mut self, l: LabelId) -> Block {
        if let Some(b) = self.labels.get(&l) {
            return *b;
        }
        let b = self.b.create_block();
        self.labels.insert(l, b);
        b
    }

    /// `return`: the exit code if the function has defers (inline at each
    /// return, as gc, so that a frame running its deferred calls shows the
    /// line of the return it took), then out with the result locals' values.
    fn ret(&mut self) {
        if self.defers.is_some() {
            self.exit_code();
            return;
        }
        let vals = self.result_values();
        self.b.ins().return_(&vals);
    }

    /// The current values of the result locals, flattened. A big result is
    /// copied into the caller's result area, whose address is returned.
    pub fn result_values(&mut self) -> Vec<Value> {
        let f = self.f;
        let mut vals = Vec::new();
        for &r in &f.results {
            let l = self.layout(self.local_ty(r));
            if let Some(&area) = self.areas.get(&r) {
                let loc = self.local_loc(r);
                if let Some(a) = self.loc_addr(&loc) {
                    let dst = self.b.ins().stack_load(types::I64, types::I64, area, 0);
                    self.copy_bytes(dst, a, l.size);
                    vals.push(dst);
                    continue;
                }
            }
            vals.extend(self.read_local(r));
        }
        vals
    }
}

/// Whether loop condition `c` is cheap enough to be translated twice (see
/// `Stmt::Loop`): a few operations on locals, constants and elements of
/// local slices, strings and arrays, and calls of functions that may be
/// inlined (`cmp.Less`); no division, shift or conversion (whose checks
/// call the runtime), no other call; declaring nothing but temporaries of
/// the same kind.
fn is_cheap_cond(prog: &lower::ir::Program, c: &Expr) -> bool {
    use lower::ir::{BinOp, Callee, ExprKind};
    struct Cheap<'p>(usize, bool, &'p lower::ir::Program);
    impl lower::walk::Visitor for Cheap<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            self.0 += 1;
            self.1 &= matches!(s, Stmt::Decl(_) | Stmt::Assign(Place::Local(_), _));
            self.1
        }
        fn expr(&mut self, e: &Expr) -> bool {
            self.0 += 1;
            self.1 &= match &e.kind {
                ExprKind::Binary(op, ..) => !matches!(op, BinOp::Div | BinOp::Rem | BinOp::Shl | BinOp::Shr),
                ExprKind::Len(x) | ExprKind::Cap(x) => matches!(x.kind, ExprKind::Local(_)),
                ExprKind::Call(call) => {
                    matches!(call.callee, Callee::Func(g) if crate::inline::may_inline(self.2, g))
                }
                ExprKind::Const(_)
                | ExprKind::Index(..)
                | ExprKind::Load(_)
                | ExprKind::Local(_)
                | ExprKind::Unary(..)
                | ExprKind::AndAnd(..)
                | ExprKind::OrOr(..)
                | ExprKind::Seq(..) => true,
                _ => false,
            };
            self.1
        }
        fn place(&mut self, p: &Place) -> bool {
            self.1 &= matches!(p, Place::Local(_) | Place::Field(..) | Place::ArrayIndex(..) | Place::SliceIndex(..));
            self.1
        }
    }
    let mut v = Cheap(0, true, prog);
    lower::walk::walk_expr(c, &mut v);
    v.1 && v.0 <= 32
}
