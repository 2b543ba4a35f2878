//! Library functions implemented by the runtime.
//!
//! deft's standard library is Go source (`lib/`, and Go's own for the
//! packages deft does not overlay); a function declared there without a
//! body ([`lower::ir::Func::external`]) is implemented in Rust, in the
//! runtime, under a symbol named like the Go function
//! (`strconv.formatFloat`; see `runtime::library`). Go code calls it like
//! any Go function (Go convention, closure context first), so this module
//! compiles each one to a small adapter that calls the Rust function with
//! the C convention:
//!
//! * the parameters' scalars are passed in order (the closure context is
//!   dropped); a `bool` is a byte, a string two words, a slice three;
//! * one or two result scalars come back in registers (`rax`, `rax:rdx`,
//!   `xmm0`), as a Rust `extern "C"` function returns a scalar or a
//!   two-word `#[repr(C)]` struct;
//! * more result scalars are written by the Rust function through a
//!   pointer passed as an extra *first* argument, to memory laid out as the
//!   results would be in a Go struct of them.
//!
//! A library function without a Go body that the runtime does not provide
//! (assembly, or a hook of gc's runtime) is reported where it is declared,
//! as unsupported, once the program reaches it.
//!
//! Invariant: the Rust side is an ordinary `extern "C"` function that
//! never calls back into Go: a panic walk cannot see where Rust frames
//! saved the callee-saved registers, so no Go panic may cross one. (The
//! runtime's printing of a panic value calls its `Error`/`String` method
//! through the text-method catcher instead, `runtime::entry`.)

use cranelift_codegen::Context;
use cranelift_codegen::ir::{
    AbiParam, FuncRef, InstBuilder, MemFlagsData, Signature, StackSlotData, StackSlotKind, TrapCode, Value, types,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{Linkage, Module};
use lower::ir::{FuncId, TyId};
use runtime::frames::FrameKind;

use crate::funcdata::FuncMeta;
use crate::layout::Scalar;
use crate::program::ProgramCx;

/// Result scalars returned in registers; more go through memory.
const MAX_REGISTER_RESULTS: usize = 2;

/// Compiles the adapter for external library function `fid` into `ctx`.
pub fn define_adapter(
    cx: &mut ProgramCx,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
    fid: FuncId,
) -> Option<FuncMeta> {
    let f = &cx.prog.funcs[fid.0 as usize];
    let types_of =
        |ids: &[lower::ir::LocalId]| -> Vec<TyId> { ids.iter().map(|l| f.locals[l.0 as usize].ty).collect() };
    let params: Vec<Scalar> = scalars(cx, &types_of(&f.params));
    let results: Vec<Scalar> = scalars(cx, &types_of(&f.results));
    if runtime::library::symbol(&f.name).is_none() {
        if f.on_demand {
            // A library function (from Go's source: assembly, or a hook of
            // gc's runtime) that deft's runtime does not provide, reached.
            let (name, pos) = (f.name.clone(), f.pos);
            cx.unsupported(pos, &format!("{name} (a function without a Go body)"));
        }
        // Otherwise only when compiling without running (see
        // `lower::LowerOptions::compile_only`): the body would come from
        // assembly, which deft never has.
        return Some(define_trap(cx, ctx, fctx, fid));
    }
    let in_memory = results.len() > MAX_REGISTER_RESULTS;
    let target = declare_target(cx, &f.name, &params, &results, in_memory);
    ctx.func.signature = cx.func_signature(fid);
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let mut args: Vec<_> = b.block_params(entry)[1..].to_vec();
    // Result areas of big results are not passed on.
    args.truncate(params.len());
    let callee = cx.module.declare_func_in_func(target, b.func);
    let values = if in_memory {
        let size = results.iter().map(|s| s.offset + s.ty.bytes()).max().unwrap_or(0);
        let slot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, 3));
        let out = b.ins().stack_addr(types::I64, slot, 0);
        args.insert(0, out);
        call_target(&mut b, callee, &args);
        results.iter().map(|s| b.ins().load(s.ty, MemFlagsData::trusted(), out, s.offset as i32)).collect()
    } else {
        call_target(&mut b, callee, &args)
    };
    b.ins().return_(&values);
    b.seal_all_blocks();
    b.finalize(cx.module.target_config());
    Some(FuncMeta::glue(&f.name, FrameKind::Glue))
}

/// Calls the runtime's implementation; returns its results.
fn call_target(b: &mut FunctionBuilder, callee: FuncRef, args: &[Value]) -> Vec<Value> {
    crate::calls::emit_plain_call(b, crate::calls::Target::Direct(callee), args)
}

/// A body for a function that has none and no runtime implementation: it
/// traps if ever called.
fn define_trap(cx: &mut ProgramCx, ctx: &mut Context, fctx: &mut FunctionBuilderContext, fid: FuncId) -> FuncMeta {
    ctx.func.signature = cx.func_signature(fid);
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.ins().trap(TrapCode::unwrap_user(1));
    b.seal_all_blocks();
    b.finalize(cx.module.target_config());
    FuncMeta::glue(&cx.prog.funcs[fid.0 as usize].name, FrameKind::Glue)
}

fn scalars(cx: &ProgramCx, tys: &[TyId]) -> Vec<Scalar> {
    let mut out = Vec::new();
    let mut base: u32 = 0;
    for &t in tys {
        let l = cx.layouts.get(t);
        base = base.next_multiple_of(l.align.max(1));
        out.extend(l.scalars.iter().map(|s| Scalar { offset: base + s.offset, ..*s }));
        base += l.size;
    }
    out
}

/// Declares the runtime's implementation under its Go name (registered
/// with the JIT by `ProgramCx::new`), with the C signature the adapter
/// calls it with.
fn declare_target(
    cx: &mut ProgramCx,
    name: &str,
    params: &[Scalar],
    results: &[Scalar],
    in_memory: bool,
) -> cranelift_module::FuncId {
    let mut sig = Signature::new(CallConv::SystemV);
    if in_memory {
        sig.params.push(AbiParam::new(types::I64));
    } else {
        sig.returns.extend(results.iter().map(|s| AbiParam::new(s.ty)));
    }
    sig.params.extend(params.iter().map(|s| AbiParam::new(s.ty)));
    cx.module
        .declare_function(name, Linkage::Import, &sig)
        .unwrap_or_else(|e| panic!("internal compiler error: declare {name}: {e}"))
}
