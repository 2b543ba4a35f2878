//! `defer`: open-coded defers, defer records, the deferreturn block, and the
//! thunks the runtime calls deferred functions through.
//!
//! Frame of a function with open-coded defers (DESIGN §4.2):
//! * `deferBits`: an 8-byte explicit slot (key [`KEY_DEFER_BITS`]), zeroed
//!   in the entry block; bit i set means defer site i is pending;
//! * per site i, an explicit slot (key [`KEY_DEFER_ARGS`] + i) holding the
//!   saved callee (a closure pointer, for func values) and the argument
//!   scalars, one 8-byte word each; words that may hold pointers are zeroed
//!   at entry, so a conservative scan never sees stale pointers.
//!
//! [`crate::deadstores`] then removes the stores to these slots that no
//! call can see (an entry zeroing overwritten before the first call, a bit
//! set and cleared again with no call between).
//!
//! At `defer f(a, b)` the callee and arguments are evaluated, stored into
//! the site's slot, and then bit i is set. Every `return` is followed
//! inline by the **exit code** (as gc: a frame running its deferred calls
//! shows the line of the return it took, or the closing brace): for i from
//! last to first, if bit i is set it clears the bit, stores deferBits, and
//! calls the deferred function (directly for static callees); then it
//! returns the results, loaded from their slots. The exceptional edge of
//! every `try_call` in the function (the exit code's own included) goes to
//! the **deferreturn block**, one more copy of the exit code, where a
//! recovered frame resumes; it is cold, so that Cranelift puts it after the
//! rest and each call's normal return falls through.
//!
//! Functions whose defers are records (stack or heap, decided by lowering)
//! fill a [`runtime::panic::DeferRecord`] at the `defer` statement: a stack
//! record is a frame slot linked with `deft_deferproc` after it is filled, a
//! heap record comes linked from `deft_deferprocheap` (pooled per
//! goroutine) and is filled right after; their deferreturn block calls
//! `deft_deferreturn(fp)`. gc never mixes open-coded defers with records in
//! one function; if lowering ever does, the open-coded sites are treated as
//! stack records (correct, just slower).
//!
//! When the deferred callee is a function literal, its code is known: the
//! exit code and the thunk call it directly, passing the saved closure
//! pointer as the context (no nil check, no indirect call).
//!
//! A **thunk** `extern "C" fn(args, fp_out)` per distinct deferred call
//! shape stores its own frame pointer to `*fp_out` (the recover rule
//! compares it with the saved rbp of recover's caller) and makes the call
//! with the saved words at `args`.

use cranelift_codegen::ir::{
    AbiParam, Block, InstBuilder, Signature, StackSlot, StackSlotData, StackSlotKey, StackSlotKind, TrapCode, Type,
    Value, condcodes::IntCC, types,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use cranelift_module::{FuncId as ClifFuncId, Module};
use lower::ir::{Call, Callee, DeferKind, Stmt};
use runtime::frames::FrameKind;
use runtime::panic::{DEFER_RECORD_ARGS, DeferRecord};

use crate::func::{FnTx, flags};
use crate::funcdata::{FuncMeta, KEY_DEFER_ARGS, KEY_DEFER_BITS};
use crate::program::{ProgramCx, ThunkSpec, ThunkTarget};
use crate::runtime_symbols::Rt;

/// One defer site's storage.
pub struct Site {
    /// The call deferred at this site (found by a scan of the body).
    call: Option<Call>,
    /// Shape of the saved words.
    spec: Option<ThunkSpec>,
    /// Its thunk.
    thunk: Option<ClifFuncId>,
    /// Open-coded: the argument slot. Stack record: the record slot.
    slot: Option<StackSlot>,
    /// Open-coded: SSA shadows of the saved words, which the exit code at a
    /// `return` reads instead of the slot (see [`DeferBits`]: the same
    /// reasoning holds, and the runtime never writes the words).
    words: Vec<(Variable, Type)>,
    /// Strategy used for this site.
    kind: DeferKind,
}

/// Defer state of a function with defers.
pub struct DeferState {
    /// The deferreturn block: the exceptional target of every `try_call`,
    /// where a frame resumes after a recovery to run its remaining deferred
    /// calls and return. Cold, so that Cranelift places it and the edge
    /// blocks leading to it after the function's other code: each call's
    /// normal return then falls through instead of jumping over an edge
    /// block.
    pub landing: Block,
    /// Calls are plain, without an exceptional edge, while set: see
    /// [`FnTx::exit_call`] for when that is sound.
    pub plain_calls: bool,
    bits: Option<DeferBits>,
    sites: Vec<Site>,
    records: bool,
}

/// The deferBits of a function with open-coded defers: the frame slot the
/// runtime reads during a panic, and an SSA variable shadowing it.
///
/// Every update is stored to the slot before the next call (the slot is
/// what a panic walk sees) and also defined in the variable, which the exit
/// code at a `return` tests: on a normal path the slot only ever holds what
/// this code stored, because the runtime writes it only while a panic walks
/// this frame, and such a walk either never comes back or comes back through
/// the deferreturn block, which reloads the variable from the slot. Reading
/// the variable instead of the slot spares each exit a load that waits on
/// the store just before it, and lets Cranelift fold the tests when the set
/// of pending defers is known at a `return`.
#[derive(Clone, Copy)]
struct DeferBits {
    slot: StackSlot,
    var: Variable,
}

/// Collects the call of each defer site of a body.
fn scan_defers<'p>(body: &'p [Stmt], out: &mut Vec<Option<&'p Call>>) {
    for s in body {
        match s {
            Stmt::Defer { site, call } if *site < out.len() => {
                out[*site] = Some(call);
            }
            Stmt::If { then, els, .. } => {
                scan_defers(then, out);
                scan_defers(els, out);
            }
            Stmt::Loop { body, post, .. } => {
                scan_defers(body, out);
                scan_defers(post, out);
            }
            Stmt::Block { body, .. } => scan_defers(body, out),
            Stmt::TypeSwitch { arms, miss, .. } => {
                arms.iter().for_each(|a| scan_defers(a, out));
                scan_defers(miss, out);
            }
            Stmt::Select { cases, default } => {
                for c in cases {
                    scan_defers(&c.body, out);
                }
                if let Some(d) = default {
                    scan_defers(d, out);
                }
            }
            _ => {}
        }
    }
}

impl DeferState {
    /// Sets up the frame of a function with defers (called in its entry
    /// block).
    pub fn new(t: &mut FnTx) -> DeferState {
        let f = t.f;
        let mut calls = vec![None; f.defers.len()];
        scan_defers(&f.body, &mut calls);
        let records = has_records(f);
        let landing = t.b.create_block();
        t.b.set_cold_block(landing);
        let mut sites = Vec::with_capacity(f.defers.len());
        let bits = (!records).then(|| {
            let slot = keyed_slot(&mut t.b, 8, KEY_DEFER_BITS);
            let var = t.b.declare_var(types::I64);
            let z = t.iconst(types::I64, 0);
            t.b.ins().stack_store(types::I64, z, slot, 0);
            t.b.def_var(var, z);
            DeferBits { slot, var }
        });
        for (i, d) in f.defers.iter().enumerate() {
            let kind = effective_kind(d.kind, records);
            let call = calls[i].cloned();
            let spec = call.as_ref().map(|c| thunk_spec(t, c));
            let thunk = spec.clone().map(|s| t.cx.thunk(s));
            let words = spec.as_ref().map_or(0, spec_words);
            let (slot, vars) = match kind {
                DeferKind::OpenCoded => {
                    let s = keyed_slot(&mut t.b, 8 * words.max(1), KEY_DEFER_ARGS + i as u64);
                    zero_pointer_words(t, s, 0, spec.as_ref());
                    let tys = spec.as_ref().map(spec_word_types).unwrap_or_default();
                    (Some(s), tys.into_iter().map(|ty| (t.b.declare_var(ty), ty)).collect())
                }
                DeferKind::Stack => (Some(t.slot((DEFER_RECORD_ARGS + 8 * words as usize) as u32, 16)), Vec::new()),
                DeferKind::Heap => (None, Vec::new()),
            };
            sites.push(Site { call, spec, thunk, slot, words: vars, kind });
        }
        DeferState { landing, plain_calls: false, bits, sites, records }
    }
}

/// Whether function `f` runs deferred calls of its own frame: defer sites
/// of its own, or deferred calls its range-over-func loop bodies attach to
/// it. (A loop body's own sites, [`lower::ir::DeferSite::outer`], are the
/// outer function's: the body has no defer state.)
pub fn has_own_defers(f: &lower::ir::Func) -> bool {
    f.range_defers || f.defers.iter().any(|d| d.outer.is_none())
}

/// Whether function `f` runs its deferred calls from defer records.
pub fn has_records(f: &lower::ir::Func) -> bool {
    f.range_defers || f.defers.iter().any(|d| d.outer.is_none() && d.kind != DeferKind::OpenCoded)
}

/// The strategy codegen uses for a defer site of kind `kind` in a function
/// that has record defers (`records`) or not: open-coded sites become stack
/// records in a function that also has records (see the module doc).
pub fn effective_kind(kind: DeferKind, records: bool) -> DeferKind {
    match (kind, records) {
        (DeferKind::OpenCoded, true) => DeferKind::Stack,
        (k, _) => k,
    }
}

fn keyed_slot(b: &mut FunctionBuilder, size: u32, key: u64) -> StackSlot {
    b.create_sized_stack_slot(StackSlotData::new_with_key(StackSlotKind::ExplicitSlot, size, 3, StackSlotKey::new(key)))
}

/// Number of saved words of a thunk's argument area.
fn spec_words(s: &ThunkSpec) -> u32 {
    s.args.len() as u32 + s.target.saves_closure() as u32
}

/// Types of the saved words of a thunk's argument area, in order.
fn spec_word_types(s: &ThunkSpec) -> Vec<Type> {
    let closure = s.target.saves_closure().then_some(types::I64);
    closure.into_iter().chain(s.args.iter().copied()).collect()
}

/// Zeroes the words of a saved-arguments area that may hold pointers.
fn zero_pointer_words(t: &mut FnTx, slot: StackSlot, base: i32, spec: Option<&ThunkSpec>) {
    let Some(spec) = spec else { return };
    let z = t.iconst(types::I64, 0);
    for w in 0..spec_words(spec) {
        t.b.ins().stack_store(types::I64, z, slot, base + 8 * w as i32);
    }
}

/// The thunk shape of a deferred call (or of a `go` statement's).
pub(crate) fn thunk_spec(t: &FnTx, c: &Call) -> ThunkSpec {
    let arg_types: Vec<Type> =
        c.args.iter().flat_map(|a| t.cx.layouts.get(a.ty).scalars.iter().map(|s| s.ty)).collect();
    match &c.callee {
        Callee::Func(f) => {
            let func = &t.cx.prog.funcs[f.0 as usize];
            let results = func
                .results
                .iter()
                .flat_map(|r| t.cx.layouts.get(func.locals[r.0 as usize].ty).scalars.iter().map(|s| s.ty))
                .collect();
            let areas = func
                .results
                .iter()
                .map(|r| t.cx.layouts.get(func.locals[r.0 as usize].ty))
                .filter(|l| l.too_big)
                .map(|l| l.size)
                .collect();
            ThunkSpec { target: ThunkTarget::Static(*f), args: arg_types, results, areas }
        }
        Callee::Value(e) | Callee::Interface(e, _) => {
            let sig = match (&t.cx.prog.types[e.ty.0 as usize].kind, &c.callee) {
                (lower::ir::TyKind::Func(sig), _) => Some(sig),
                (lower::ir::TyKind::Interface(ms), Callee::Interface(_, index)) => ms.get(*index).map(|m| &m.1),
                _ => None,
            };
            let (results, areas) = match sig {
                Some(sig) => (
                    sig.results.iter().flat_map(|r| t.cx.layouts.get(*r).scalars.iter().map(|s| s.ty)).collect(),
                    sig.results.iter().map(|r| t.cx.layouts.get(*r)).filter(|l| l.too_big).map(|l| l.size).collect(),
                ),
                _ => (Vec::new(), Vec::new()),
            };
            let target = match &e.kind {
                lower::ir::ExprKind::Closure { func, .. } => ThunkTarget::Literal(*func),
                _ => ThunkTarget::Closure,
            };
            ThunkSpec { target, args: arg_types, results, areas }
        }
    }
}

impl<'a, 'p> FnTx<'a, 'p> {
    /// `defer call` at site `site`: evaluate callee and arguments now, save
    /// them, then mark the site pending (bit or record).
    pub fn defer_stmt(&mut self, site: usize, call: &'p Call) {
        if let Some(frame) = self.f.defers.get(site).and_then(|d| d.outer) {
            self.defer_outer(site, frame, call);
            return;
        }
        let words = self.saved_call_words(call);
        let Some(d) = self.defers.as_ref() else {
            self.ice(call.pos, "defer in a function without defer sites");
            return;
        };
        let Some(s) = d.sites.get(site) else {
            self.ice(call.pos, "defer site out of range");
            return;
        };
        let (kind, slot, thunk, bits) = (s.kind, s.slot, s.thunk, d.bits);
        match kind {
            DeferKind::OpenCoded => {
                let (Some(slot), Some(bits)) = (slot, bits) else {
                    return;
                };
                let vars = s.words.clone();
                for (k, (w, (var, _))) in words.iter().zip(vars).enumerate() {
                    self.b.ins().stack_store(types::I64, *w, slot, 8 * k as i32);
                    self.b.def_var(var, *w);
                }
                let v = self.b.use_var(bits.var);
                let v = self.b.ins().bor_imm_s(v, 1i64 << site);
                self.set_defer_bits(bits, v);
            }
            DeferKind::Stack | DeferKind::Heap => {
                let Some(thunk) = thunk else { return };
                // The runtime reports the line of the record's linking
                // call for a frame resumed after it recovered: gc's line of
                // the `defer` statement.
                if let Some(site) = self.f.defers.get(site) {
                    self.set_pos(site.pos);
                }
                let fp = self.b.ins().get_frame_pointer(types::I64);
                let rec = match slot {
                    Some(s) => {
                        // A stack record: not heap-allocated, linked below.
                        let zero = self.iconst(types::I64, 0);
                        let heap_off = std::mem::offset_of!(DeferRecord, heap_size) as i32;
                        self.b.ins().stack_store(types::I64, zero, s, heap_off);
                        self.b.ins().stack_addr(types::I64, s, 0)
                    }
                    None => {
                        let size = self.iconst(types::I64, (DEFER_RECORD_ARGS + 8 * words.len()) as i64);
                        self.rt_call(Rt::DeferProcHeap, &[size, fp])[0]
                    }
                };
                let tr = self.func_ref(thunk);
                let code = self.b.ins().func_addr(types::I64, tr);
                self.b.ins().store(flags(), code, rec, std::mem::offset_of!(DeferRecord, thunk) as i32);
                for (k, w) in words.iter().enumerate() {
                    self.b.ins().store(flags(), *w, rec, (DEFER_RECORD_ARGS + 8 * k) as i32);
                }
                if slot.is_some() {
                    self.rt_call(Rt::DeferProc, &[rec, fp]);
                }
            }
        }
    }

    /// `defer call` in a range-over-func loop body: a heap record (pooled)
    /// linked for the frame of the function containing the loop, whose
    /// frame pointer local `frame` holds, among that frame's records (the
    /// frames between, the iterator's among them, keep theirs in front).
    fn defer_outer(&mut self, site: usize, frame: lower::ir::LocalId, call: &'p Call) {
        let words = self.saved_call_words(call);
        let spec = thunk_spec(self, call);
        let thunk = self.cx.thunk(spec);
        if let Some(site) = self.f.defers.get(site) {
            self.set_pos(site.pos);
        }
        let outer_fp = self.read_local(frame)[0];
        let own_fp = self.b.ins().get_frame_pointer(types::I64);
        let size = self.iconst(types::I64, (DEFER_RECORD_ARGS + 8 * words.len()) as i64);
        let rec = self.rt_call(Rt::DeferProcAt, &[size, outer_fp, own_fp])[0];
        let tr = self.func_ref(thunk);
        let code = self.b.ins().func_addr(types::I64, tr);
        self.b.ins().store(flags(), code, rec, std::mem::offset_of!(DeferRecord, thunk) as i32);
        for (k, w) in words.iter().enumerate() {
            self.b.ins().store(flags(), *w, rec, (DEFER_RECORD_ARGS + 8 * k) as i32);
        }
    }

    /// Emits the deferreturn block (if the function has defers). Returns the
    /// thunks of the open-coded sites, for funcdata.
    pub fn finish_defers(&mut self) -> Option<Vec<ClifFuncId>> {
        let d = self.defers.as_ref()?;
        let (landing, records) = (d.landing, d.records);
        self.b.switch_to_block(landing);
        // The line gc shows for a frame resumed here and running a deferred
        // call: with defer records, the closing brace (see `exit_pos`);
        // with open-coded defers, that of gc's deferreturn call, which ends
        // its code and so takes the line of its last block: the first
        // raising call (gc places those exit blocks last, in reverse), else
        // the code before the final return.
        let pos = if records {
            self.exit_pos(self.pos_before_return)
        } else {
            self.first_raise_pos.unwrap_or(self.pos_before_return)
        };
        self.set_pos(pos);
        self.in_resumed_code = true;
        self.reload_defer_shadows();
        self.exit_code();
        self.in_resumed_code = false;
        if records {
            return None;
        }
        let thunks: Option<Vec<ClifFuncId>> = self.defers.as_ref()?.sites.iter().map(|s| s.thunk).collect();
        if thunks.is_none() {
            self.ice(self.f.pos, "a defer site without a defer statement");
        }
        thunks
    }

    /// The position of the exit code of a `return` at `ret_pos`: its own
    /// with open-coded defers (or none), the body's closing brace with
    /// defer records, where gc 1.21+ calls deferreturn once for every
    /// return, so that a frame running its deferred calls shows that line.
    pub(crate) fn exit_pos(&self, ret_pos: syntax::Pos) -> syntax::Pos {
        match &self.defers {
            Some(d) if d.records && self.f.end.is_known() => self.f.end,
            _ => ret_pos,
        }
    }

    /// Evaluates the callee and arguments of a deferred (or `go`) call: the
    /// words a thunk reads, the closure first when there is one.
    pub(crate) fn saved_call_words(&mut self, call: &'p Call) -> Vec<Value> {
        let (callee, mut args) = self.call_operands(call);
        self.set_pos(call.pos);
        // A big argument is saved as the address of a heap copy: the site's
        // temporary is reused when a deferring loop comes round again.
        let mut k = 0;
        for a in &call.args {
            for sc in self.layout(a.ty).scalars {
                if sc.big > 0 {
                    args[k] = self.big_heap_copy(args[k], sc.big);
                }
                k += 1;
            }
        }
        let mut words: Vec<Value> = callee.into_iter().collect();
        words.extend(args);
        words
    }

    /// The exit code of a function with defers: run the pending deferred
    /// calls (open-coded sites last to first, or the frame's records), then
    /// return the results.
    pub fn exit_code(&mut self) {
        let Some(d) = self.defers.as_ref() else { return };
        let (bits, records, n) = (d.bits, d.records, d.sites.len());
        if records {
            let fp = self.b.ins().get_frame_pointer(types::I64);
            self.rt_call(Rt::DeferReturn, &[fp]);
        }
        if let Some(bits) = bits {
            for i in (0..n).rev() {
                self.exit_call(i, bits);
            }
        }
        let vals = self.result_values();
        self.b.ins().return_(&vals);
    }

    /// The exit code of open-coded site `i`: if its bit is set, clear it and
    /// make the deferred call.
    ///
    /// The call of site 0, the last to run, is a plain call: the frame can
    /// only be resumed by a recovery in one of its own deferred calls, and
    /// none is pending once site 0 runs (its bit is already clear), so no
    /// landing pad is needed. A function whose only call is that one (`defer
    /// f()` and no other calls) then has no `try_call` at all, and is spared
    /// saving every callee-saved register in its prologue, which each
    /// `try_call`'s exceptional edge (clobbering all registers) forces.
    fn exit_call(&mut self, i: usize, bits: DeferBits) {
        let (call, spec, vars) = {
            let s = &self.defers.as_ref().expect("defer state").sites[i];
            (s.call.clone(), s.spec.clone(), s.words.clone())
        };
        let (Some(call), Some(spec)) = (call, spec) else {
            return;
        };
        let (run, next) = (self.b.create_block(), self.b.create_block());
        let v = self.b.use_var(bits.var);
        let set = self.b.ins().band_imm_s(v, 1i64 << i);
        self.b.ins().brif(set, run, &[], next, &[]);
        self.b.switch_to_block(run);
        // Cleared (and stored) before the call: a deferred call that panics
        // is never run again.
        let cleared = self.b.ins().band_imm_s(v, !(1i64 << i));
        self.set_defer_bits(bits, cleared);
        if i == 0 {
            self.set_plain_calls(true);
        }
        let mut words: Vec<Value> = vars.iter().map(|(var, _)| self.b.use_var(*var)).collect();
        let clo = spec.target.saves_closure().then(|| words.remove(0));
        let args = words;
        match &spec.target {
            ThunkTarget::Static(f) | ThunkTarget::Literal(f) => {
                self.call_static(*f, clo, args);
            }
            ThunkTarget::Closure => match (&call.callee, clo) {
                (Callee::Value(fe), Some(clo)) => {
                    self.call_closure(fe, clo, &args);
                }
                (Callee::Interface(e, index), Some(clo)) => {
                    self.call_iface_method_value(e.ty, *index, clo, &args);
                }
                _ => {}
            },
        }
        self.set_plain_calls(false);
        self.b.ins().jump(next, &[]);
        self.b.switch_to_block(next);
    }

    /// Redefines the SSA shadows of deferBits and of the saved words from the
    /// frame, at the start of the deferreturn block: a panic has run (and
    /// cleared) some of the deferred calls there.
    fn reload_defer_shadows(&mut self) {
        let Some(d) = self.defers.as_ref() else { return };
        let Some(bits) = d.bits else { return };
        let shadows: Vec<(StackSlot, Vec<(Variable, Type)>)> =
            d.sites.iter().filter_map(|s| Some((s.slot?, s.words.clone()))).collect();
        let v = self.b.ins().stack_load(types::I64, types::I64, bits.slot, 0);
        self.b.def_var(bits.var, v);
        for (slot, vars) in shadows {
            for (k, (var, ty)) in vars.into_iter().enumerate() {
                let w = self.b.ins().stack_load(types::I64, ty, slot, 8 * k as i32);
                self.b.def_var(var, w);
            }
        }
    }

    /// Makes `v` the deferBits, in the slot and in its SSA shadow.
    fn set_defer_bits(&mut self, bits: DeferBits, v: Value) {
        self.b.ins().stack_store(types::I64, v, bits.slot, 0);
        self.b.def_var(bits.var, v);
    }

    fn set_plain_calls(&mut self, plain: bool) {
        if let Some(d) = self.defers.as_mut() {
            d.plain_calls = plain;
        }
    }
}

/// Generates thunk `id` for `spec`: `extern "C" fn(args, fp_out)`.
pub fn define_thunk(
    cx: &mut ProgramCx,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
    spec: &ThunkSpec,
) -> FuncMeta {
    let mut sig = Signature::new(CallConv::SystemV);
    sig.params.extend([AbiParam::new(types::I64), AbiParam::new(types::I64)]);
    ctx.func.signature = sig;
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let (args, fp_out) = (b.block_params(entry)[0], b.block_params(entry)[1]);
    let fp = b.ins().get_frame_pointer(types::I64);
    b.ins().store(flags(), fp, fp_out, 0);
    let first = spec.target.saves_closure() as i32;
    let mut loaded: Vec<Value> =
        spec.args.iter().enumerate().map(|(k, ty)| b.ins().load(*ty, flags(), args, 8 * (k as i32 + first))).collect();
    // Result areas for big results (discarded): frame slots, heap memory
    // for huge ones.
    for &size in &spec.areas {
        if size > crate::func::BIG_FRAME_LIMIT {
            let alloc = cx.rt_func(Rt::Alloc);
            let ar = cx.module.declare_func_in_func(alloc, b.func);
            let (s, a) = (b.ins().iconst(types::I64, size as i64), b.ins().iconst(types::I64, 8));
            let call = b.ins().call(ar, &[s, a]);
            loaded.push(b.inst_results(call)[0]);
        } else {
            let slot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size.max(1), 4));
            loaded.push(b.ins().stack_addr(types::I64, slot, 0));
        }
    }
    match &spec.target {
        ThunkTarget::Static(f) | ThunkTarget::Literal(f) => {
            let id = cx.func_decl(*f);
            let fr = cx.module.declare_func_in_func(id, b.func);
            let ctx = match spec.target {
                ThunkTarget::Literal(_) => b.ins().load(types::I64, flags(), args, 0),
                _ => b.ins().iconst(types::I64, 0),
            };
            let mut full = vec![ctx];
            full.extend(loaded);
            b.ins().call(fr, &full);
        }
        ThunkTarget::Closure => {
            let clo = b.ins().load(types::I64, flags(), args, 0);
            let (nil, ok) = (b.create_block(), b.create_block());
            let is_nil = b.ins().icmp_imm_u(IntCC::Equal, clo, 0);
            b.ins().brif(is_nil, nil, &[], ok, &[]);
            b.switch_to_block(nil);
            let pm = cx.rt_func(Rt::PanicMem);
            let pr = cx.module.declare_func_in_func(pm, b.func);
            b.ins().call(pr, &[]);
            b.ins().trap(TrapCode::unwrap_user(1));
            b.switch_to_block(ok);
            let mut csig = Signature::new(CallConv::Tail);
            csig.params.push(AbiParam::new(types::I64));
            csig.params.extend(spec.args.iter().map(|t| AbiParam::new(*t)));
            csig.params.extend(spec.areas.iter().map(|_| AbiParam::new(types::I64)));
            csig.returns.extend(spec.results.iter().map(|t| AbiParam::new(*t)));
            csig.call_conv = crate::program::go_call_conv(&csig.returns);
            let sref = b.import_signature(csig);
            let code = b.ins().load(types::I64, flags(), clo, 0);
            let mut full = vec![clo];
            full.extend(loaded);
            b.ins().call_indirect(sref, code, &full);
        }
    }
    b.ins().return_(&[]);
    b.seal_all_blocks();
    b.finalize(cx.module.target_config());
    FuncMeta::glue("defer thunk", FrameKind::DeferThunk)
}

/// Starts a SysV function of `params` word parameters and `returns` word
/// results in `ctx`: its builder, positioned in the entry block, and the
/// parameters.
fn begin_word_function<'a>(
    ctx: &'a mut cranelift_codegen::Context,
    fctx: &'a mut FunctionBuilderContext,
    params: usize,
    returns: usize,
) -> (FunctionBuilder<'a>, Vec<Value>) {
    let mut sig = Signature::new(CallConv::SystemV);
    sig.params.extend(vec![AbiParam::new(types::I64); params]);
    sig.returns.extend(vec![AbiParam::new(types::I64); returns]);
    ctx.func.signature = sig;
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let params = b.block_params(entry).to_vec();
    (b, params)
}

/// Generates the runtime → Go entry trampoline
/// `extern "C" fn(code, closure, a0, a1)` calling a Go function of at most
/// two word parameters (`main`, a timer's `func()`, a finalizer).
pub fn define_entry_trampoline(
    cx: &ProgramCx,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
) -> FuncMeta {
    let (mut b, params) = begin_word_function(ctx, fctx, 4, 0);
    // The closure context and two words: a function with fewer parameters
    // (all in registers) ignores the rest. Its results are ignored, so one
    // signature serves callees of either Go convention (they agree on
    // parameters in registers).
    let mut gsig = Signature::new(crate::program::go_call_conv(&[]));
    gsig.params.extend([AbiParam::new(types::I64); 3]);
    let sref = b.import_signature(gsig);
    b.ins().call_indirect(sref, params[0], &params[1..]);
    b.ins().return_(&[]);
    b.seal_all_blocks();
    b.finalize(cx.module.target_config());
    FuncMeta::glue("go entry trampoline", FrameKind::Glue)
}

/// Generates the text-method catcher (`runtime::entry::TextCatcher`):
/// `extern "C" fn(code, ty, data, out) -> u64` calls the Go method at
/// `code` as `… () string` with context `ty` and receiver `data`, stores
/// the string through `out` and returns 1. The call is a `try_call`: a
/// panic that reaches this frame (`FrameKind::Catch`) is caught by the
/// runtime, which resumes it at the landing pad, where it returns 0.
pub fn define_text_catcher(
    cx: &ProgramCx,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
) -> FuncMeta {
    let (mut b, params) = begin_word_function(ctx, fctx, 4, 1);
    let caught = b.create_block();
    b.set_cold_block(caught);
    let mut msig = Signature::new(CallConv::SystemV);
    msig.params.extend([AbiParam::new(types::I64); 2]);
    msig.returns.extend([AbiParam::new(types::I64); 2]);
    msig.call_conv = crate::program::go_call_conv(&msig.returns);
    let sref = b.import_signature(msig);
    let target = crate::calls::Target::Indirect(sref, params[0]);
    let (_, text) = crate::calls::emit_try_call(&mut b, target, &params[1..3], caught);
    for (k, w) in text.iter().enumerate() {
        b.ins().store(flags(), *w, params[3], 8 * k as i32);
    }
    let one = b.ins().iconst(types::I64, 1);
    b.ins().return_(&[one]);
    b.switch_to_block(caught);
    let zero = b.ins().iconst(types::I64, 0);
    b.ins().return_(&[zero]);
    b.seal_all_blocks();
    b.finalize(cx.module.target_config());
    FuncMeta::glue("text method catcher", FrameKind::Catch)
}
