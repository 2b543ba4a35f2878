//! Calls: Go→Go calls (direct and through func values), runtime calls,
//! runtime checks, and the `print`/`println` builtins.
//!
//! In a function with defers, calls that may panic — every Go call and every
//! runtime entry that may raise or run Go code — are `try_call`s whose
//! exceptional edge is the deferreturn block; elsewhere they are plain
//! calls. Runtime entries that never panic are always plain SysV calls.

use cranelift_codegen::ir::{
    Block, BlockArg, BlockCall, ExceptionTableData, ExceptionTableItem, FuncRef, InstBuilder, SigRef, TrapCode, Value,
    condcodes::IntCC, types,
};
use cranelift_frontend::FunctionBuilder;
use lower::ir::{Call, Callee, Expr, IntTy, TyId, TyKind};
use syntax::Pos;

use crate::func::{FnTx, flags};
use crate::runtime_symbols::Rt;

/// How a call reaches its callee.
#[derive(Clone, Copy)]
pub enum Target {
    /// A declared function.
    Direct(FuncRef),
    /// A code address with a signature.
    Indirect(SigRef, Value),
}

/// Where the captures of closure function `f` live in its closure object,
/// after the code word: each one's offset and whether it is a copy of the
/// variable (its value, 8-byte aligned) rather than the address of the
/// cell it shares (a word); and the object's size.
pub fn capture_offsets(cx: &crate::program::ProgramCx, f: lower::ir::FuncId) -> (Vec<(u32, bool)>, u32) {
    let func = &cx.prog.funcs[f.0 as usize];
    let mut off = 8;
    let offsets = func
        .captures
        .iter()
        .map(|c| {
            let local = &func.locals[c.0 as usize];
            let copied = !local.heap;
            let at = off;
            off += if copied { cx.layouts.get(local.ty).size.next_multiple_of(8).max(8) } else { 8 };
            (at, copied)
        })
        .collect();
    (offsets, off)
}

/// Emits a plain call of `target`; returns its results.
pub fn emit_plain_call(b: &mut FunctionBuilder, target: Target, args: &[Value]) -> Vec<Value> {
    let inst = match target {
        Target::Direct(f) => b.ins().call(f, args),
        Target::Indirect(sig, code) => b.ins().call_indirect(sig, code, args),
    };
    b.inst_results(inst).to_vec()
}

/// Emits a `try_call` of `target` whose exceptional edge goes to `handler`
/// and continues in a new block, which receives the results; returns the
/// block and the results.
pub fn emit_try_call(b: &mut FunctionBuilder, target: Target, args: &[Value], handler: Block) -> (Block, Vec<Value>) {
    let sig = match target {
        Target::Direct(f) => b.func.dfg.ext_funcs[f].signature,
        Target::Indirect(sig, _) => sig,
    };
    let rets: Vec<_> = b.func.dfg.signatures[sig].returns.iter().map(|r| r.value_type).collect();
    let cont = b.create_block();
    for t in &rets {
        b.append_block_param(cont, *t);
    }
    let ret_args: Vec<BlockArg> = (0..rets.len() as u32).map(BlockArg::TryCallRet).collect();
    let normal = BlockCall::new(cont, ret_args, &mut b.func.dfg.value_lists);
    let exc = BlockCall::new(handler, [], &mut b.func.dfg.value_lists);
    let table = ExceptionTableData::new(sig, normal, [ExceptionTableItem::Default(exc)]);
    let et = b.func.dfg.exception_tables.push(table);
    match target {
        Target::Direct(f) => b.ins().try_call(f, args, et),
        Target::Indirect(_, code) => b.ins().try_call_indirect(code, args, et),
    };
    b.switch_to_block(cont);
    (cont, b.block_params(cont).to_vec())
}

impl<'a, 'p> FnTx<'a, 'p> {
    /// A Go call (or a runtime entry that may panic): a `try_call` to the deferreturn
    /// block in a function with defers, a plain call otherwise. Returns the
    /// results.
    pub fn emit_call(&mut self, target: Target, args: &[Value]) -> Vec<Value> {
        let pad = self.defers.as_ref().filter(|d| !d.plain_calls).map(|d| d.landing);
        match pad {
            Some(pad) => emit_try_call(&mut self.b, target, args, pad).1,
            None => emit_plain_call(&mut self.b, target, args),
        }
    }

    /// Calls runtime entry `rt`; returns its results.
    pub fn rt_call(&mut self, rt: Rt, args: &[Value]) -> Vec<Value> {
        let f = self.rt_ref(rt);
        if rt.sym().unwind != crate::runtime_symbols::Unwind::Never {
            return self.emit_call(Target::Direct(f), args);
        }
        let inst = self.b.ins().call(f, args);
        self.b.inst_results(inst).to_vec()
    }

    /// Calls a runtime entry that never returns, then continues in a fresh
    /// unreachable block.
    pub fn rt_noreturn(&mut self, rt: Rt, args: &[Value]) {
        // gc compiles these (not nil checks, which fault) to exit blocks,
        // the first of which gives a resumed frame its line.
        if matches!(rt, Rt::GoPanic | Rt::PanicBounds | Rt::PanicDivide | Rt::PanicShift | Rt::PanicDottype) {
            self.first_raise_pos.get_or_insert(self.last_pos);
        }
        self.rt_call(rt, args);
        self.b.ins().trap(TrapCode::unwrap_user(1));
        self.after_terminator();
    }

    /// Runs `fail` (which must end in a call that never returns) in a cold
    /// block when `cond` is true; continues after it otherwise.
    pub fn check(&mut self, cond: Value, fail: impl FnOnce(&mut Self)) {
        self.checked_branch(cond, true, fail);
    }

    /// Runs `fail` (which must not return) in a cold block unless `ok`.
    pub fn check_unless(&mut self, ok: Value, fail: impl FnOnce(&mut Self)) {
        self.checked_branch(ok, false, fail);
    }

    fn checked_branch(&mut self, cond: Value, fail_if: bool, fail: impl FnOnce(&mut Self)) {
        let (bad, ok) = (self.b.create_block(), self.b.create_block());
        let (then, els) = if fail_if { (bad, ok) } else { (ok, bad) };
        self.b.ins().brif(cond, then, &[], els, &[]);
        self.b.set_cold_block(bad);
        self.b.switch_to_block(bad);
        fail(self);
        self.jump_if_reachable(ok);
        self.b.switch_to_block(ok);
    }

    /// Panics with gc's nil dereference error when `ptr` is nil.
    pub fn nil_check(&mut self, ptr: Value) {
        let is_nil = self.b.ins().icmp_imm_u(IntCC::Equal, ptr, 0);
        self.check(is_nil, |t| t.rt_noreturn(Rt::PanicMem, &[]));
    }

    /// Evaluates the callee and arguments of `c` in Go's order. Returns the
    /// callee (`None` for a static function, or the closure pointer) and
    /// the argument scalars.
    pub fn call_operands(&mut self, c: &'p Call) -> (Option<Value>, Vec<Value>) {
        let callee = match &c.callee {
            Callee::Func(_) => None,
            Callee::Value(e) => Some(self.expr(e)[0]),
            // Only deferred calls get here (`call` handles the others): the
            // deferred call is of the method value.
            Callee::Interface(e, index) => Some(self.iface_method_value(e, *index)),
        };
        let mut args = Vec::new();
        for a in &c.args {
            self.note_arg_temp(a);
            args.extend(self.expr(a));
        }
        (callee, args)
    }

    /// A call expression; returns the results' scalars.
    pub fn call(&mut self, c: &'p Call) -> Vec<Value> {
        if let Callee::Interface(recv, index) = &c.callee {
            return self.iface_call(c, recv, *index);
        }
        let (callee, args) = self.call_operands(c);
        self.set_pos(c.pos);
        match &c.callee {
            Callee::Func(fid) => self.call_static(*fid, None, args),
            Callee::Value(e) => {
                let clo = callee.unwrap_or(self.closure);
                self.call_closure(e, clo, &args)
            }
            Callee::Interface(..) => Vec::new(),
        }
    }

    /// Calls function `fid` directly with closure context `ctx` (0 when
    /// `None`) and `args` (result areas added).
    pub fn call_static(&mut self, fid: lower::ir::FuncId, ctx: Option<Value>, args: Vec<Value>) -> Vec<Value> {
        let name = &self.cx.prog.funcs[fid.0 as usize].name;
        if let Some(op) = crate::intrinsics::float_op(name) {
            return vec![crate::intrinsics::emit_float(&mut self.b, op, args[0])];
        }
        if let Some(op) = crate::intrinsics::bits_op(name) {
            return crate::intrinsics::emit_bits(&mut self.b, op, &args);
        }
        if crate::intrinsics::is_bool_to_uint8(name) {
            return args;
        }
        if let Some(intr) = crate::intrinsics::lookup(name) {
            self.nil_check(args[0]);
            return crate::intrinsics::emit(&mut self.b, intr, args[0], &args[1..]);
        }
        if let Some(path) = crate::intrinsics::fast_path(name)
            && let Some(slow) = self.cx.func_named(path.slow)
        {
            self.nil_check(args[0]);
            let (failed, rest) = crate::intrinsics::emit_fast_path(&mut self.b, path, args[0]);
            // The slow path returns: the cold block rejoins the fast path.
            self.checked_branch(failed, true, |t| {
                t.call_static(slow, None, [args[0]].into_iter().chain(rest).collect());
            });
            return Vec::new();
        }
        let id = self.cx.func_decl(fid);
        let fr = self.func_ref(id);
        let mut full = vec![ctx.unwrap_or_else(|| self.iconst(types::I64, 0))];
        full.extend(args);
        let f = &self.cx.prog.funcs[fid.0 as usize];
        let params: Vec<TyId> = f.params.iter().map(|l| f.locals[l.0 as usize].ty).collect();
        let results: Vec<TyId> = f.results.iter().map(|l| f.locals[l.0 as usize].ty).collect();
        full.extend(self.result_areas(&params, &results));
        self.emit_call(Target::Direct(fr), &full)
    }

    /// Calls the func value `clo` (of the type of `fe`) with `args`; a nil
    /// func value panics with gc's nil dereference error.
    pub fn call_closure(&mut self, fe: &Expr, clo: Value, args: &[Value]) -> Vec<Value> {
        let TyKind::Func(sig) = self.kind(fe.ty) else {
            self.ice(fe.pos, "call of a non-function value");
            return Vec::new();
        };
        let areas = self.result_areas(&sig.params, &sig.results);
        let sig = self.cx.func_type_signature(sig);
        self.nil_check(clo);
        let code = self.b.ins().load(types::I64, flags(), clo, 0);
        let sref = self.sig_ref(sig);
        let mut full = vec![clo];
        full.extend_from_slice(args);
        full.extend(areas);
        self.emit_call(Target::Indirect(sref, code), &full)
    }

    /// `print`/`println`: all arguments are evaluated first, then printed
    /// under the runtime's print lock.
    pub fn print(&mut self, args: &'p [Expr], newline: bool, e: &Expr) {
        let mut items: Vec<(TyId, Pos, Vec<Value>)> = Vec::new();
        for a in args {
            let v = self.expr(a);
            // A multi-value call as the only argument prints each result.
            if let TyKind::Tuple(elems) = self.kind(a.ty) {
                let l = self.layout(a.ty);
                for (i, t) in elems.iter().enumerate() {
                    let (first, n) = (l.fields[i].1, self.layout(*t).scalars.len());
                    items.push((*t, a.pos, v[first..first + n].to_vec()));
                }
            } else {
                items.push((a.ty, a.pos, v));
            }
        }
        self.set_pos(e.pos);
        self.rt_call(Rt::PrintLock, &[]);
        for (i, (ty, pos, v)) in items.iter().enumerate() {
            if newline && i > 0 {
                self.rt_call(Rt::PrintSp, &[]);
            }
            self.print_one(*ty, *pos, v);
        }
        if newline {
            self.rt_call(Rt::PrintNl, &[]);
        }
        self.rt_call(Rt::PrintUnlock, &[]);
    }

    fn print_one(&mut self, ty: TyId, pos: Pos, v: &[Value]) {
        match self.kind(ty).clone() {
            TyKind::Bool => {
                self.rt_call(Rt::PrintBool, &[v[0]]);
            }
            TyKind::Int(IntTy { bits, signed }) => {
                let x = match (bits < 64, signed) {
                    (true, true) => self.b.ins().sextend(types::I64, v[0]),
                    (true, false) => self.b.ins().uextend(types::I64, v[0]),
                    _ => v[0],
                };
                self.rt_call(if signed { Rt::PrintInt } else { Rt::PrintUint }, &[x]);
            }
            TyKind::Float(w) => {
                let x = if w == 32 { self.b.ins().fpromote(types::F64, v[0]) } else { v[0] };
                let bits = self.iconst(types::I64, i64::from(w));
                self.rt_call(Rt::PrintFloat, &[x, bits]);
            }
            TyKind::Complex(w) => {
                let (re, im) = if w == 64 {
                    (self.b.ins().fpromote(types::F64, v[0]), self.b.ins().fpromote(types::F64, v[1]))
                } else {
                    (v[0], v[1])
                };
                let bits = self.iconst(types::I64, i64::from(w));
                self.rt_call(Rt::PrintComplex, &[re, im, bits]);
            }
            TyKind::String => {
                self.rt_call(Rt::PrintString, &[v[0], v[1]]);
            }
            TyKind::Interface(_) => {
                self.rt_call(Rt::PrintEface, &[v[0], v[1]]);
            }
            TyKind::Slice(_) => {
                self.rt_call(Rt::PrintSlice, &[v[0], v[1], v[2]]);
            }
            TyKind::Pointer(_) | TyKind::UnsafePointer | TyKind::Map(..) | TyKind::Chan(_) | TyKind::Func(_) => {
                self.rt_call(Rt::PrintPointer, &[v[0]]);
            }
            _ => self.unsupported(pos, "printing values of this type with print/println"),
        }
    }
}
