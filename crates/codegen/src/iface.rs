//! Interface values: the code method tables point to (the
//! pointer-receiver wrappers they need; the tables themselves are
//! [`crate::methods`]'), interface method calls, assertions to non-empty
//! interfaces and `==` on interfaces.
//!
//! Design (see `runtime::abi` and `runtime::iface`): every interface value
//! is (type descriptor, data word); a call of interface method `M` looks
//! `M` up by name in the dynamic type's sorted method table at run time and
//! calls it with the Go convention, closure context = the type descriptor,
//! receiver = the data word.
//!
//! A method table entry's code takes the data word as its receiver. For a
//! method with a value receiver on a type that is boxed behind a pointer
//! (and for `*T`'s promoted value methods of `T`), that is a wrapper, gc's
//! `(*T).M`, which loads the value and calls the method (a tail call when
//! the method has the Tail convention; Cranelift has tail calls for no
//! other). Like gc's wrappers, it is transparent to `recover` in the
//! method and elided from tracebacks unless it is the panicking frame.

use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature, Value, condcodes::IntCC, types};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use std::collections::HashMap;

use cranelift_module::{FuncId as ClifFuncId, Module};
use lower::ir::{Call, Expr, FuncId, FuncSig, TyId, TyKind};
use runtime::frames::FrameKind;
use syntax::Pos;

use crate::calls::Target;
use crate::func::{FnTx, flags};
use crate::funcdata::FuncMeta;
use crate::program::ProgramCx;
use crate::runtime_symbols::Rt;

/// Whether values of kind `k` are stored directly in an interface's data
/// word (otherwise the data word points to a heap copy).
pub fn pointer_shaped(k: &TyKind) -> bool {
    matches!(k, TyKind::Pointer(_) | TyKind::UnsafePointer | TyKind::Map(..) | TyKind::Chan(_) | TyKind::Func(_))
}

/// Generated glue functions of interfaces, declared while functions are
/// translated and defined after each by [`define_glue`].
#[derive(Default)]
pub struct IfaceGlue {
    /// Receiver wrappers of method tables.
    wrappers: Vec<RecvWrapper>,
    /// Method-value glue per method signature: `(closure, args...)` with
    /// closure `[glue, type, data, code]` calls `code(type, data, args...)`.
    closures: HashMap<FuncSig, ClifFuncId>,
    /// Glue declared but not defined yet.
    pending: Vec<Pending>,
}

/// Glue awaiting its definition.
enum Pending {
    /// Index into [`IfaceGlue::wrappers`].
    Wrapper(usize),
    /// A method-value glue.
    Closure(FuncSig, ClifFuncId),
}

/// Byte offsets in an interface method-value closure object.
const CLO_TYPE: i32 = 8;
const CLO_DATA: i32 = 16;
const CLO_CODE: i32 = 24;
const CLO_SIZE: i64 = 32;

/// A receiver wrapper: method `method` whose receiver of type `recv` is
/// loaded through the data word, declared as `id`.
#[derive(Clone, Copy, Debug)]
struct RecvWrapper {
    /// The wrapped method.
    pub method: FuncId,
    /// The method's receiver type (boxed behind the data word).
    pub recv: TyId,
    /// The wrapper's declaration.
    pub id: ClifFuncId,
}

impl ProgramCx<'_> {
    /// The signature of method `f` called through a data word: the
    /// receiver's scalars replaced by one pointer-sized word.
    fn data_word_signature(&self, f: FuncId, recv: TyId) -> Signature {
        let mut sig = self.func_signature(f);
        let n = self.layouts.get(recv).scalars.len();
        sig.params.splice(1..1 + n, [AbiParam::new(types::I64)]);
        sig
    }

    /// The code called for method `f` (receiver type `recv`) through an
    /// interface's data word: `f` itself when the receiver is the data
    /// word, else its wrapper (declared now, defined by
    /// [`define_wrappers`]).
    pub(crate) fn method_code(&mut self, f: FuncId, recv: TyId, boxed: bool) -> ClifFuncId {
        if !boxed {
            return self.func_decl(f);
        }
        if let Some(w) = self.iface.wrappers.iter().find(|w| w.method == f) {
            return w.id;
        }
        let sig = self.data_word_signature(f, recv);
        let id = self.declare_anon(&sig);
        self.iface.wrappers.push(RecvWrapper { method: f, recv, id });
        let i = self.iface.wrappers.len() - 1;
        self.iface.pending.push(Pending::Wrapper(i));
        id
    }

    /// The method-value glue for interface methods of signature `sig`.
    pub(crate) fn closure_glue(&mut self, sig: &FuncSig) -> ClifFuncId {
        if let Some(id) = self.iface.closures.get(sig) {
            return *id;
        }
        let id = self.declare_anon(&self.func_type_signature(sig));
        self.iface.closures.insert(sig.clone(), id);
        self.iface.pending.push(Pending::Closure(sig.clone(), id));
        id
    }

    /// The Go signature of an interface method of signature `sig` called
    /// through the data word: context, data word, parameters.
    fn iface_method_signature(&self, sig: &FuncSig) -> Signature {
        let mut s = self.func_type_signature(sig);
        s.params.insert(1, AbiParam::new(types::I64));
        s
    }
}

/// A method's signature as its table entry spells it: `func(P1, P2) R` or
/// `func(P) (R1, R2)`, with the types' names.
pub(crate) fn signature(prog: &lower::ir::Program, params: &[TyId], results: &[TyId]) -> String {
    let names = |ts: &[TyId]| ts.iter().map(|t| prog.types[t.0 as usize].name.as_str()).collect::<Vec<_>>().join(", ");
    let results = match results {
        [] => String::new(),
        [r] => format!(" {}", prog.types[r.0 as usize].name),
        rs => format!(" ({})", names(rs)),
    };
    format!("func({}){results}", names(params))
}

/// The signature of method `f` (its receiver, the first parameter, left out).
pub(crate) fn method_signature(prog: &lower::ir::Program, f: FuncId) -> String {
    let func = &prog.funcs[f.0 as usize];
    let ty = |l: &lower::ir::LocalId| func.locals[l.0 as usize].ty;
    let params: Vec<TyId> = func.params.iter().skip(1).map(ty).collect();
    let results: Vec<TyId> = func.results.iter().map(ty).collect();
    signature(prog, &params, &results)
}

/// Defines the glue declared since the last call.
pub fn define_glue(
    cx: &mut ProgramCx,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
    mut define: impl FnMut(&mut ProgramCx, &mut cranelift_codegen::Context, ClifFuncId, FuncMeta),
) {
    while let Some(p) = cx.iface.pending.pop() {
        let (id, meta) = match p {
            Pending::Wrapper(i) => {
                let w = cx.iface.wrappers[i];
                define_wrapper(cx, ctx, fctx, w);
                (w.id, wrapper_meta(&cx.prog.funcs[w.method.0 as usize].name))
            }
            Pending::Closure(sig, id) => {
                define_closure_glue(cx, ctx, fctx, &sig);
                (id, FuncMeta { wrapper: true, ..FuncMeta::glue("interface method value", FrameKind::Glue) })
            }
        };
        define(cx, ctx, id, meta);
        cx.module.clear_context(ctx);
    }
}

/// What tracebacks show of the receiver wrapper of value method `method`
/// (`main.T.M`): gc's `main.(*T).M` at `<autogenerated>:1`, shown only
/// when it raises the nil-receiver panic, as gc shows it.
fn wrapper_meta(method: &str) -> FuncMeta {
    let name = lower::ir::pointer_method_name(method).unwrap_or_else(|| format!("{method}·wrapper"));
    FuncMeta {
        name,
        file: "<autogenerated>".to_string(),
        has_params: true,
        kind: FrameKind::Go,
        positions: vec![Pos { line: 1, col: 1, ..Pos::NONE }],
        open_thunks: None,
        // Transparent to `recover` and elided from tracebacks except as
        // the panicking frame, as gc's wrappers: unless the method has the
        // Tail convention (then it tail-calls it), it calls the method.
        wrapper: true,
        inlined: Default::default(),
    }
}

/// `(*T).M`: loads the receiver through the data word, calls `T.M`.
fn define_wrapper(
    cx: &mut ProgramCx,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
    w: RecvWrapper,
) {
    ctx.func.signature = cx.data_word_signature(w.method, w.recv);
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let params = b.block_params(entry).to_vec();
    let (ctxw, data) = (params[0], params[1]);
    // A nil pointer to a value: gc's "value method T.M called using nil *T
    // pointer" panic.
    let (nil, ok) = (b.create_block(), b.create_block());
    b.set_cold_block(nil);
    b.ins().brif(data, ok, &[], nil, &[]);
    b.switch_to_block(nil);
    let method = cx.prog.funcs[w.method.0 as usize].name.rsplit('.').next().unwrap_or_default().to_string();
    let (recv_desc, name) = (cx.typedesc(w.recv), cx.bytes_data(method.as_bytes()));
    let [recv_gv, name_gv] = [recv_desc, name].map(|d| cx.module.declare_data_in_func(d, b.func));
    let recv_addr = b.ins().symbol_value(types::I64, recv_gv);
    let name_addr = b.ins().symbol_value(types::I64, name_gv);
    let len = b.ins().iconst(types::I64, method.len() as i64);
    let panicwrap = cx.rt_func(Rt::PanicWrap);
    let pr = cx.module.declare_func_in_func(panicwrap, b.func);
    // Line 1 of `<autogenerated>` (see `wrapper_meta`).
    b.set_srcloc(cranelift_codegen::ir::SourceLoc::new(1));
    b.ins().call(pr, &[recv_addr, name_addr, len]);
    b.ins().trap(cranelift_codegen::ir::TrapCode::unwrap_user(1));
    b.switch_to_block(ok);
    let mut full = vec![ctxw];
    for s in &cx.layouts.get(w.recv).scalars {
        if s.big > 0 {
            // The boxed value is never written: the callee copies it.
            full.push(data);
        } else {
            full.push(b.ins().load(s.ty, flags(), data, s.offset as i32));
        }
    }
    full.extend_from_slice(&params[2..]);
    let id = cx.func_decl(w.method);
    let fr = cx.module.declare_func_in_func(id, b.func);
    return_call_of(&mut b, Target::Direct(fr), &full);
    b.seal_all_blocks();
    b.finalize(cx.module.target_config());
}

/// Ends a wrapper by calling `target` with `args` and returning its
/// results: a tail call when the wrapper's convention has them (Tail), a
/// call and a return otherwise.
fn return_call_of(b: &mut FunctionBuilder, target: Target, args: &[Value]) {
    if b.func.signature.call_conv.supports_tail_calls() {
        match target {
            Target::Direct(f) => b.ins().return_call(f, args),
            Target::Indirect(sig, code) => b.ins().return_call_indirect(sig, code, args),
        };
        return;
    }
    let results = crate::calls::emit_plain_call(b, target, args);
    b.ins().return_(&results);
}

/// gc's `I.M-fm`: calls the method saved in the closure object with the
/// saved type and data word (a tail call when the convention allows).
fn define_closure_glue(
    cx: &mut ProgramCx,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
    sig: &FuncSig,
) {
    ctx.func.signature = cx.func_type_signature(sig);
    let msig = cx.iface_method_signature(sig);
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let params = b.block_params(entry).to_vec();
    let clo = params[0];
    let ty = b.ins().load(types::I64, flags(), clo, CLO_TYPE);
    let data = b.ins().load(types::I64, flags(), clo, CLO_DATA);
    let code = b.ins().load(types::I64, flags(), clo, CLO_CODE);
    let mut full = vec![ty, data];
    full.extend_from_slice(&params[1..]);
    let sref = b.import_signature(msig);
    return_call_of(&mut b, Target::Indirect(sref, code), &full);
    b.seal_all_blocks();
    b.finalize(cx.module.target_config());
}

impl<'a, 'p> FnTx<'a, 'p> {
    /// Name and signature of method `index` of interface type `ty`.
    fn iface_method(&mut self, ty: TyId, index: usize, pos: Pos) -> Option<&'p (String, FuncSig)> {
        let TyKind::Interface(ms) = self.kind(ty) else {
            self.ice(pos, "interface method of a non-interface");
            return None;
        };
        let m = ms.get(index);
        if m.is_none() {
            self.ice(pos, "interface method index out of range");
        }
        m
    }

    /// The code of method `name` of interface value `iv` (nil panics).
    ///
    /// Each call site has a one-entry inline cache, a static (type, code)
    /// pair: when the dynamic type is the one seen last, the code is loaded
    /// from it; otherwise the runtime looks the method up by name and the
    /// cache is refilled. (Type descriptors are unique per type, and a
    /// type's method code never changes. The two words are written without
    /// ordering, which is sound while Go code runs on one thread only.)
    fn iface_code(&mut self, iv: &[Value], name: &str) -> Value {
        self.nil_check(iv[0]);
        let cache_data = self.cx.zeroed_static(16);
        let cache = self.data_addr(cache_data);
        let cached_ty = self.b.ins().load(types::I64, flags(), cache, 0);
        let hit = self.b.ins().icmp(IntCC::Equal, cached_ty, iv[0]);
        let (hit_block, miss_block, join) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
        let code = self.b.append_block_param(join, types::I64);
        self.b.ins().brif(hit, hit_block, &[], miss_block, &[]);
        self.b.switch_to_block(hit_block);
        let cached_code = self.b.ins().load(types::I64, flags(), cache, 8);
        self.b.ins().jump(join, &[cached_code.into()]);
        self.b.switch_to_block(miss_block);
        self.b.set_cold_block(miss_block);
        self.cx.note_iface_call(name);
        let n = self.string_const(name.as_bytes());
        let found = self.rt_call(Rt::IfaceMethod, &[iv[0], n[0], n[1]])[0];
        self.b.ins().store(flags(), iv[0], cache, 0);
        self.b.ins().store(flags(), found, cache, 8);
        self.b.ins().jump(join, &[found.into()]);
        self.b.switch_to_block(join);
        code
    }

    /// A call of method `index` of interface value `recv`.
    pub fn iface_call(&mut self, c: &'p Call, recv: &'p Expr, index: usize) -> Vec<Value> {
        let Some((name, sig)) = self.iface_method(recv.ty, index, recv.pos) else {
            return Vec::new();
        };
        let iv = self.expr(recv);
        let mut args = vec![iv[0], iv[1]];
        for a in &c.args {
            self.note_arg_temp(a);
            args.extend(self.expr(a));
        }
        args.extend(self.result_areas(&sig.params, &sig.results));
        self.set_pos(c.pos);
        let code = self.iface_code(&iv, name);
        let s = self.cx.iface_method_signature(sig);
        let sref = self.sig_ref(s);
        self.emit_call(Target::Indirect(sref, code), &args)
    }

    /// The method value `recv.M` (method `index`) as a closure object
    /// `[glue, type, data, code]`; a nil interface panics now, as in gc.
    pub fn iface_method_value(&mut self, recv: &'p Expr, index: usize) -> Value {
        let Some((name, sig)) = self.iface_method(recv.ty, index, recv.pos) else {
            return self.iconst(types::I64, 0);
        };
        let iv = self.expr(recv);
        self.set_pos(recv.pos);
        let code = self.iface_code(&iv, name);
        let glue = self.cx.closure_glue(sig);
        let gr = self.func_ref(glue);
        let glue_addr = self.b.ins().func_addr(types::I64, gr);
        let clo = self.alloc(CLO_SIZE as u32, 8, false);
        for (v, off) in [(glue_addr, 0), (iv[0], CLO_TYPE), (iv[1], CLO_DATA), (code, CLO_CODE)] {
            self.b.ins().store(flags(), v, clo, off);
        }
        clo
    }

    /// Calls `clo`, a method value made by [`Self::iface_method_value`] for
    /// method `index` of interface type `ty`, with `args` (a deferred
    /// interface method call run at function exit).
    pub fn call_iface_method_value(&mut self, ty: TyId, index: usize, clo: Value, args: &[Value]) -> Vec<Value> {
        let Some((_, sig)) = self.iface_method(ty, index, Pos::NONE) else {
            return Vec::new();
        };
        let s = self.cx.func_type_signature(sig);
        let sref = self.sig_ref(s);
        let code = self.b.ins().load(types::I64, flags(), clo, 0);
        let mut full = vec![clo];
        full.extend_from_slice(args);
        full.extend(self.result_areas(&sig.params, &sig.results));
        self.emit_call(Target::Indirect(sref, code), &full)
    }

    /// `x == y` on interface values (`i8`); panics when the dynamic type is
    /// not comparable. Values of different dynamic types are unequal
    /// without a call (as in gc, whose runtime is asked only when the type
    /// words agree): `err == io.EOF` with a nil `err` is a compare.
    pub fn iface_equal(&mut self, xv: &[Value], yv: &[Value]) -> Value {
        let same_type = self.b.ins().icmp(IntCC::Equal, xv[0], yv[0]);
        let (call, join) = (self.b.create_block(), self.b.create_block());
        let eq = self.b.append_block_param(join, types::I8);
        let unequal = self.iconst(types::I8, 0);
        self.b.ins().brif(same_type, call, &[], join, &[unequal.into()]);
        self.b.switch_to_block(call);
        let r = self.rt_call(Rt::EfaceEq, &[xv[0], xv[1], yv[0], yv[1]])[0];
        let bad = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThan, r, 1);
        self.check(bad, |t| {
            let v = t.rt_call(Rt::Uncomparable, &[r]);
            t.rt_noreturn(Rt::GoPanic, &v);
        });
        let r = self.b.ins().icmp_imm_u(IntCC::Equal, r, 1);
        self.b.ins().jump(join, &[r.into()]);
        self.b.switch_to_block(join);
        eq
    }

    /// `x.(I)` for a non-empty interface `I`: the value (or, with
    /// `comma_ok`, the value or zero and the bool).
    pub fn assert_iface(&mut self, xv: &[Value], from: TyId, target: TyId, comma_ok: bool, _pos: Pos) -> Vec<Value> {
        let want = self.cx.typedesc(target);
        let w = self.data_addr(want);
        let ok = self.rt_call(Rt::AssertIface, &[xv[0], w])[0];
        if comma_ok {
            let zero = self.iconst(types::I64, 0);
            let t = self.b.ins().select(ok, xv[0], zero);
            let d = self.b.ins().select(ok, xv[1], zero);
            return vec![t, d, ok];
        }
        let failed = self.b.ins().icmp_imm_u(IntCC::Equal, ok, 0);
        let iface = match self.kind(from) {
            TyKind::Interface(ms) if ms.is_empty() => None,
            _ => Some(self.cx.typedesc(from)),
        };
        self.check(failed, |t| {
            let i = match iface {
                Some(d) => t.data_addr(d),
                None => t.iconst(types::I64, 0),
            };
            let v = t.rt_call(Rt::AssertIfaceError, &[xv[0], w, i]);
            t.rt_noreturn(Rt::GoPanic, &v);
        });
        xv.to_vec()
    }
}
