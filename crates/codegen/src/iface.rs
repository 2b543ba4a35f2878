//! Interface values: method tables of type descriptors (with the
//! pointer-receiver wrappers they need), interface method calls, assertions
//! to non-empty interfaces and `==` on interfaces.
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
//! `(*T).M`, which loads the value and *tail-calls* the method, so that it
//! leaves no frame behind: it never shows in tracebacks and a `recover` in
//! the method works as if the method had been called directly.

use cranelift_codegen::ir::{
    AbiParam, InstBuilder, Signature, Value, condcodes::IntCC, types,
};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, FuncId as ClifFuncId, Module};
use lower::ir::{Call, Expr, FuncId, TyId, TyKind};
use runtime::abi::MethodDesc;
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
    matches!(
        k,
        TyKind::Pointer(_) | TyKind::UnsafePointer | TyKind::Map(..) | TyKind::Chan(_) | TyKind::Func(_)
    )
}

/// A pending receiver wrapper: method `method` whose receiver of type
/// `recv` is loaded through the data word, declared as `id`.
#[derive(Clone, Copy, Debug)]
pub struct RecvWrapper {
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
    fn method_code(&mut self, f: FuncId, recv: TyId, boxed: bool) -> ClifFuncId {
        if !boxed {
            return self.funcs[f.0 as usize];
        }
        if let Some(w) = self.recv_wrappers.iter().find(|w| w.method == f) {
            return w.id;
        }
        let sig = self.data_word_signature(f, recv);
        let id = self.declare_anon(&sig);
        self.recv_wrappers.push(RecvWrapper {
            method: f,
            recv,
            id,
        });
        self.pending_wrappers.push(self.recv_wrappers.len() - 1);
        id
    }

    /// The static method table of `ty` ([`MethodDesc`]s sorted by name) and
    /// its length; `None` when it has no methods. An interface type lists
    /// its methods' names with null code (for assertions).
    pub fn method_table(&mut self, ty: TyId) -> Option<(DataId, usize)> {
        let prog = self.prog;
        let def = &prog.types[ty.0 as usize];
        let mut entries: Vec<(&str, Option<ClifFuncId>)> = Vec::new();
        match &def.kind {
            TyKind::Interface(ms) => entries.extend(ms.iter().map(|(n, _)| (n.as_str(), None))),
            TyKind::Pointer(elem) => {
                for (n, f) in &def.methods {
                    entries.push((n, Some(self.method_code(*f, ty, false))));
                }
                for (n, f) in &prog.types[elem.0 as usize].methods {
                    entries.push((n, Some(self.method_code(*f, *elem, true))));
                }
            }
            k => {
                let boxed = !pointer_shaped(k);
                for (n, f) in &def.methods {
                    entries.push((n, Some(self.method_code(*f, ty, boxed))));
                }
            }
        }
        if entries.is_empty() {
            return None;
        }
        entries.sort_by(|a, b| a.0.cmp(b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        let size = std::mem::size_of::<MethodDesc>();
        let name_off = std::mem::offset_of!(MethodDesc, name);
        let code_off = std::mem::offset_of!(MethodDesc, code);
        let mut bytes = vec![0u8; size * entries.len()];
        let names: Vec<DataId> = entries
            .iter()
            .map(|(n, _)| self.bytes_data(n.as_bytes()))
            .collect();
        for (i, (n, _)) in entries.iter().enumerate() {
            let at = i * size + name_off + 8;
            bytes[at..at + 8].copy_from_slice(&n.len().to_le_bytes());
        }
        let mut d = DataDescription::new();
        d.define(bytes.into_boxed_slice());
        d.set_align(8);
        for (i, ((_, code), name)) in entries.iter().zip(names).enumerate() {
            let gv = self.module.declare_data_in_data(name, &mut d);
            d.write_data_addr((i * size + name_off) as u32, gv, 0);
            if let Some(code) = code {
                let fr = self.module.declare_func_in_data(*code, &mut d);
                d.write_function_addr((i * size + code_off) as u32, fr);
            }
        }
        let id = self.static_data(&d);
        Some((id, entries.len()))
    }
}

/// Defines the receiver wrappers declared since the last call.
pub fn define_wrappers(
    cx: &mut ProgramCx,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
    mut define: impl FnMut(&mut ProgramCx, &mut cranelift_codegen::Context, ClifFuncId, FuncMeta),
) {
    while let Some(i) = cx.pending_wrappers.pop() {
        let w = cx.recv_wrappers[i];
        ctx.func.signature = cx.data_word_signature(w.method, w.recv);
        let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let params = b.block_params(entry).to_vec();
        let (ctxw, data) = (params[0], params[1]);
        let mut full = vec![ctxw];
        for s in &cx.layouts.get(w.recv).scalars {
            full.push(b.ins().load(s.ty, flags(), data, s.offset as i32));
        }
        full.extend_from_slice(&params[2..]);
        let fr = cx
            .module
            .declare_func_in_func(cx.funcs[w.method.0 as usize], b.func);
        b.ins().return_call(fr, &full);
        b.seal_all_blocks();
        b.finalize(cx.module.target_config());
        let name = cx.prog.funcs[w.method.0 as usize].name.clone();
        let meta = FuncMeta {
            name: format!("{name}·wrapper"),
            file: String::new(),
            has_params: false,
            kind: FrameKind::Glue,
            positions: Vec::new(),
            open_thunks: None,
        };
        define(cx, ctx, w.id, meta);
        cx.module.clear_context(ctx);
    }
}

impl<'a, 'p> FnTx<'a, 'p> {
    /// A call of method `index` of interface value `recv`.
    pub fn iface_call(&mut self, c: &'p Call, recv: &'p Expr, index: usize) -> Vec<Value> {
        let TyKind::Interface(ms) = self.kind(recv.ty) else {
            self.ice(recv.pos, "interface call on a non-interface");
            return Vec::new();
        };
        let Some((name, sig)) = ms.get(index) else {
            self.ice(recv.pos, "interface method index out of range");
            return Vec::new();
        };
        let iv = self.expr(recv);
        let mut args = vec![iv[0], iv[1]];
        for a in &c.args {
            args.extend(self.expr(a));
        }
        self.set_pos(c.pos);
        self.nil_check(iv[0]);
        let n = self.string_const(name.as_bytes());
        let code = self.rt_call(Rt::IfaceMethod, &[iv[0], n[0], n[1]])[0];
        let mut s = self.cx.func_type_signature(sig);
        s.params.insert(1, AbiParam::new(types::I64));
        let sref = self.sig_ref(s);
        self.emit_call(Target::Indirect(sref, code), &args)
    }

    /// `x == y` on interface values (`i8`); panics when the dynamic type is
    /// not comparable.
    pub fn iface_equal(&mut self, xv: &[Value], yv: &[Value]) -> Value {
        let r = self.rt_call(Rt::EfaceEq, &[xv[0], xv[1], yv[0], yv[1]])[0];
        let bad = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThan, r, 1);
        self.check(bad, |t| {
            let v = t.rt_call(Rt::Uncomparable, &[r]);
            t.rt_noreturn(Rt::GoPanic, &v);
        });
        self.b.ins().icmp_imm_u(IntCC::Equal, r, 1)
    }

    /// `x.(I)` for a non-empty interface `I`: the value (or, with
    /// `comma_ok`, the value or zero and the bool).
    pub fn assert_iface(
        &mut self,
        xv: &[Value],
        from: TyId,
        target: TyId,
        comma_ok: bool,
        _pos: Pos,
    ) -> Vec<Value> {
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
        let iface = self.cx.typedesc(from);
        self.check(failed, |t| {
            let i = t.data_addr(iface);
            t.rt_noreturn(Rt::PanicDottype, &[xv[0], w, i]);
        });
        xv.to_vec()
    }
}
